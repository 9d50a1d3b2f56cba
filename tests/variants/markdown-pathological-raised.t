# Deep but within the largest limit: 990 nested quotes, 2,000 open brackets,
# 400 nested lists, with --max-depth 1000 (the most allowed). Checked like
# any other section; tests/suites/render.sh renders it in both builds.
base dalian-tic-2025
run awk 'BEGIN{for(i=0;i<990;i++) printf ">"; print "x"; for(i=0;i<2000;i++) printf "["; print ""; for(i=0;i<400;i++) printf "%*s- a\n", i*2, ""}' >> sections/annual-8-plan.md
args --max-depth 1000
exit 0
