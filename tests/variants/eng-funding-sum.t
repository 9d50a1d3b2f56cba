# Funding sources do not add up to the total; the total no longer matches total_investment.
base ndrc-engineering-2025
run sed -i 's#<total>44,265.84</total>#<total>44,265.85</total>#' centre.xml
exit 1
expect ENG-ID-06 ENG-SUM-01 ENG-SUM-02
expect-text funding sources add up to 44,265.84 万元, the total says 44,265.85 万元
