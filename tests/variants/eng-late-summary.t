# Confirmation filed more than 3 months after incubation ends (1747号 第十八条).
base ndrc-engineering-2025
run sed -i 's#<submission document="summary-report" date="2026-03-20"/>#<submission document="summary-report" date="2026-04-01"/>#' centre.xml
exit 1
expect ENG-DATE-06
expect-text deadline 2026-03-31
