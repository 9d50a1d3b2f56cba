# A required section of the summary report is missing.
base ndrc-engineering-2025
run rm sections/summary-4-finance.md
exit 1
expect ENG-SEC-01
expect-text 1747号 第十八条、附件
