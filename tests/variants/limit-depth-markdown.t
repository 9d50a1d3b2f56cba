# Markdown nested 40 deep (quotes in quotes): over the default --max-depth 32,
# refused with the file, line and limit named before any recursion sees it.
base ndrc-engineering-2025
run { printf '\n'; printf '%.0s>' $(seq 1 40); printf ' 深\n'; } >> sections/summary-1-abstract.md
exit 2
expect
expect-err nested too deeply (limit 32 levels, --max-depth)
