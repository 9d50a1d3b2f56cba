# Key-indicator report after the end of February (1747号 第二十五条).
base ndrc-engineering-2025
run sed -i 's#<submission document="annual-report" date="2026-02-26"/>#<submission document="annual-report" date="2026-03-02"/>#' centre.xml
exit 1
expect ENG-DATE-07
