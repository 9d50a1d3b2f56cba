# A figure typed as people type it (1,234.5万元 in the value, full-width
# digits) is not a number; the finding says exactly what to write.
base ndrc-engineering-2025
run sed -i 's#unit="万元" evidence="E19">18,536.72<#evidence="E19">18,536.72万元<#; s#unit="项">7<#unit="项">７<#' centre.xml
exit 1
expect-has ENG-TAB-02
expect-text value "18,536.72万元" is not a number; Write 18,536.72 (the number alone, in ASCII digits).
expect-text value "７" is not a number; Write 7 (the number alone, in ASCII digits).
