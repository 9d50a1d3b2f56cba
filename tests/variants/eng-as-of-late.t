# No submission date recorded for the summary report: its deadline (3 months
# after incubation ends on 2029-12-31, 1747号 第十八条第一款) is judged against
# --as-of, here the day after it.
base ndrc-engineering-2025
run xedit centre.xml del "/centre/submissions/submission[@document='summary-report']/@date"
args --as-of 2030-04-01
exit 1
expect ENG-DATE-06 ENG-ID-06
expect-text as-of date
expect-text 2030-03-31
