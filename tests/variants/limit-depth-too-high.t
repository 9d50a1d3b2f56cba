# --max-depth above 1000 is refused: deeper trees could exhaust the stack.
base dalian-tic-2025
args --max-depth 1001
exit 2
expect
expect-err the nesting limit can be at most 1000
