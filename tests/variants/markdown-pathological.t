# Pathological Markdown: 30,000 nested quotes, 30,000 open brackets and
# 5,000 list items of growing indent. Refused by the nesting limit, with
# the file and line, before anything recurses over it.
base dalian-tic-2025
run awk 'BEGIN{for(i=0;i<30000;i++) printf ">"; print "x"; for(i=0;i<30000;i++) printf "["; print ""; for(i=0;i<5000;i++) printf "%*s- a\n", i%40, ""}' >> sections/annual-8-plan.md
exit 2
expect
expect-err annual-8-plan.md:28: Markdown nested too deeply (limit 32 levels, --max-depth)
