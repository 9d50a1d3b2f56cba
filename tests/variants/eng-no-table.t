# Reports submitted without the data table (1747号 第十八条).
base ndrc-engineering-2025
run sed -i '/<submission document="evaluation-table"/d' centre.xml
exit 1
expect ENG-DOC-02 ENG-ID-06
