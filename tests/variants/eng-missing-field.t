# A required field is missing; the narrative's references to it break too.
base ndrc-engineering-2025
run sed -i '/<value id="revenue"/d' centre.xml
exit 1
expect CORE-REF CORE-REF CORE-REF ENG-ID-06 ENG-TAB-01
expect-text lacks required field "Operating revenue"
