# --max-depth 4: centre.xml's elements nest deeper; the element and its line are named.
base ndrc-engineering-2025
args --max-depth 4
exit 2
expect
expect-err centre.xml:21: element <name> is nested too deeply (limit 4 levels, --max-depth)
