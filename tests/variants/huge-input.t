# Over the input cap: refused with the limit named.
base dalian-tic-2025
args --max-input 4K
exit 2
expect
expect-err file too large
