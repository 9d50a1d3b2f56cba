# Broken references in the narrative.
base ndrc-engineering-2025
run printf '\n数值{{fig:no_such_field}}，表格如下。\n\n{{table:nope}}\n\n{{figure rd_staff}}\n' >> sections/annual-6-talent.md
exit 1
expect ENG-NAR-01 ENG-NAR-01 ENG-NAR-01
