# 1748号 第十六条: an incubating centre carries "（筹）".
base ndrc-emerging-2025
run sed -i 's#国家新兴产业创新中心（筹）</name>#国家新兴产业创新中心</name>#' centre.xml
exit 1
expect EMG-NAME-01
