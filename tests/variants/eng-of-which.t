# "Of which" above its total: R&D staff 190 > staff 186; the staff list no longer adds up either.
base ndrc-engineering-2025
run sed -i 's#<value id="rd_staff" unit="人" evidence="E07">152</value>#<value id="rd_staff" unit="人" evidence="E07">190</value>#' centre.xml
exit 1
expect ENG-ID-06 ENG-SUM-13 ENG-TAB-03
