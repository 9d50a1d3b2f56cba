# centre.xml breaks its schema: every violation is reported with its line, rules are not run.
base ndrc-engineering-2025
run sed -i 's#<report-year>2029</report-year>#<report-year>二〇二九</report-year><colour>red</colour>#' centre.xml
exit 1
expect CORE-SCHEMA CORE-SCHEMA
expect-text centre.xml:35:
