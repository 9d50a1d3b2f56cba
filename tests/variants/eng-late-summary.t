# Confirmation filed more than 3 months after incubation ends (1747号 第十八条第一款).
base ndrc-engineering-2025
run xedit centre.xml set "/centre/submissions/submission/@date" 2030-04-01
exit 1
expect ENG-DATE-06 ENG-ID-06
expect-text deadline 2030-03-31
