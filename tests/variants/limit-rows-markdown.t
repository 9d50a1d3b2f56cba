# A Markdown table of 200 rows under --max-table-rows 150 (centre.xml's
# longest list is shorter): refused, naming the table's line.
base ndrc-engineering-2025
run { printf '\n| 项目 | 金额 |\n|---|---:|\n'; for i in $(seq 1 200); do printf '| 项目%d | %d |\n' $i $i; done; } >> sections/summary-1-abstract.md
args --max-table-rows 150
exit 2
expect
expect-err table has 201 rows, over the limit of 150 (--max-table-rows)
