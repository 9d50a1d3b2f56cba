# Names break 1747号 第十六条/第三十六条 and the host's credit code fails its check character.
base ndrc-engineering-2025
run sed -i 's#<name>先进功率半导体国家产业技术工程化中心（筹）</name>#<name>先进功率半导体工程化中心</name>#' centre.xml
run sed -i 's#<name-en>National Industrial Technology Engineering Center for Advanced Power Semiconductors</name-en>#<name-en>Advanced Power Semiconductor Engineering Centre</name-en>#' centre.xml
run sed -i 's#<uscc>91320200053518620R</uscc>#<uscc>91320200053518620X</uscc>#' centre.xml
exit 1
expect CORE-USCC ENG-ID-06 ENG-NAME-01 ENG-NAME-02 ENG-NAME-03
