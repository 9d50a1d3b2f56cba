# No submission date recorded: judged against --as-of; still in time.
base ndrc-engineering-2025
run sed -i 's#<submission document="summary-report" date="2026-03-20"/>#<submission document="summary-report"/>#' centre.xml
args --as-of 2026-03-31
exit 0
expect
