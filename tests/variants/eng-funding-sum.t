# Funding sources do not add up to the total; the total no longer matches total_investment.
base ndrc-engineering-2025
run sed -i 's#<total>44,265.84</total>#<total>44,265.85</total>#' centre.xml
exit 1
expect ENG-SUM-01 ENG-SUM-02
expect-text funding sources do not add up to the total: 44,265.84 万元, expected 44,265.85 万元
