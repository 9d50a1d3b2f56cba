# Broken references in the narrative.
base ndrc-engineering-2025
run printf '\n数值{{fig:no_such_field}}，表格如下。\n\n{{table:nope}}\n\n{{figure rd_staff}}\n' >> sections/summary-2-overview.md
exit 1
expect CORE-REF CORE-REF CORE-REF ENG-ID-06
