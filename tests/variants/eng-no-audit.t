# The summary report lacks the third-party audit report (1747号 附件 四).
base ndrc-engineering-2025
run sed -i 's#kind="审计报告"#kind="财务报告"#g' centre.xml
exit 1
expect ENG-EV-07
