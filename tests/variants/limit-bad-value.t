# A limit of 0 (or not a number) is bad usage.
base ndrc-engineering-2025
args --max-depth 0
exit 2
expect
expect-err invalid limit: 0
