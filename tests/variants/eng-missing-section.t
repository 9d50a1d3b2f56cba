# A required section of the summary report is missing.
base ndrc-engineering-2025
run rm sections/summary-4-finance.md
exit 1
expect ENG-ID-06 ENG-SEC-01
expect-text 1747号 第十八条第一款
expect-text 四、财务决算 is missing (0/300 characters)
