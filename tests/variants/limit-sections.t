# --max-sections 3: the sample has more section files.
base ndrc-engineering-2025
args --max-sections 3
exit 2
expect
expect-err too many section files (limit 3, --max-sections)
