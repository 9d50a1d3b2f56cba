# Values of the wrong type or unit.
base ndrc-engineering-2025
run sed -i 's#<value id="rd_floor_area" unit="平方米"\([^>]*\)>[^<]*<#<value id="rd_floor_area" unit="万元"\1>28600<#' centre.xml
run sed -i 's#<value id="patent_apps" unit="件"\([^>]*\)>[^<]*<#<value id="patent_apps" unit="件"\1>186.5<#' centre.xml
run sed -i 's#<value id="coop_projects" unit="项"\([^>]*\)>[^<]*<#<value id="coop_projects" unit="项"\1>-3<#' centre.xml
run sed -i 's#</indicators>#<value id="made_up_field">7</value></indicators>#' centre.xml
exit 1
expect CORE-FIELD CORE-FIELD CORE-FIELD CORE-FIELD ENG-ID-06
expect-text has a unit that does not fit the field's type
expect-text must be a whole number
expect-text is below the minimum
expect-text is not a field of this scheme's data table
