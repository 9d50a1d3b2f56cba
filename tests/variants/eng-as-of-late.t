# No submission date recorded and --as-of past the deadline.
base ndrc-engineering-2025
run sed -i 's#<submission document="summary-report" date="2026-03-20"/>#<submission document="summary-report"/>#' centre.xml
args --as-of 2026-04-01
exit 1
expect ENG-DATE-06
expect-text as-of date
