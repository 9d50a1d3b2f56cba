# --max-table-rows 40: the patents list of the sample has more rows.
base ndrc-engineering-2025
args --max-table-rows 40
exit 2
expect
expect-err element <patents> has too many child elements (rows) (limit 40, --max-table-rows)
