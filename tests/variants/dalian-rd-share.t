# R&D staff share below 80 % (60 of 86 = 69.76 %); the staff list no longer matches either.
base dalian-tic-2025
run sed -i 's#<value id="rd_staff" unit="人">72</value>#<value id="rd_staff" unit="人">60</value>#' centre.xml
exit 1
expect DL-SUM-13 DL-TH-02
expect-text R&D staff share below 80%: 69.76%
