# Dalian thresholds of 大科规发〔2025〕8号 第五条.
base dalian-tic-2025
run sed -i 's#<value id="host_rd_expenditure" unit="万元" evidence="E03">4,125.60</value>#<value id="host_rd_expenditure" unit="万元" evidence="E03">900</value>#' centre.xml
run sed -i 's#<value id="rd_floor_area" unit="平方米" evidence="E07">3,260</value>#<value id="rd_floor_area" unit="平方米" evidence="E07">999.99</value>#' centre.xml
run sed -i 's#<value id="contract_rd_funds_2y" unit="万元" evidence="E09">1,720.00</value>#<value id="contract_rd_funds_2y" unit="万元" evidence="E09">999</value>#' centre.xml
run sed -i 's#\(<value id="host_investment_y2" unit="万元"[^>]*>\)[^<]*<#\1499.99<#' centre.xml
exit 1
expect DL-TH-03 DL-TH-04 DL-TH-05 DL-TH-08 DL-TH-10
expect-text host's R&D intensity below 5%: 1.31%, required 5%
