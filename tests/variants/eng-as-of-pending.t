# No submission date recorded: judged against --as-of; on the last day still in time.
base ndrc-engineering-2025
run xedit centre.xml del "/centre/submissions/submission[@document='summary-report']/@date"
args --as-of 2030-03-31
exit 0
expect ENG-ID-06
