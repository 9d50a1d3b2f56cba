# The summary report lacks the third-party audit report of the final
# accounts (1747号 附件 四): the audit is listed as a mere financial report.
base ndrc-engineering-2025
run sed -i 's#kind="工程决算审计报告"#kind="财务报告"#' centre.xml
exit 1
expect ENG-EV-07 ENG-ID-06
