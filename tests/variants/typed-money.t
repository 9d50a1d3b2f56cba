# A figure typed as people type it is read once, at load: 18,536.72万元 in
# the value (the unit moves to @unit), full-width digits. A number written
# another way (a decimal comma) is refused, saying it is not a number.
base ndrc-engineering-2025

=== typed-as-people-type-it
run sed -i 's#unit="万元" evidence="E19">18,536.72<#evidence="E19">18,536.72万元<#' centre.xml
run xedit centre.xml set "//indicators/value[@id='standards_led']" ７
exit 0
passes CORE-FIELD

=== decimal-comma
run sed -i 's#unit="万元" evidence="E19">18,536.72<#evidence="E19">18.536,72<#' centre.xml
exit 1
expect-has CORE-FIELD
expect-text data-table field "R&D expenditure" value "18.536,72" is not a number
