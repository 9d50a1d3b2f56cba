# Evidence problems: an uncited non-zero figure, an undeclared file, a missing file, an unknown id.
base ndrc-engineering-2025
run sed -i 's#<value id="rd_equipment_value" unit="万元" evidence="E06 E04">#<value id="rd_equipment_value" unit="万元">#' centre.xml
run echo junk > evidence/stray.pdf
run rm evidence/E20-CNAS实验室认可证书.pdf
run sed -i 's#<value id="staff_total" unit="人" evidence="E07">#<value id="staff_total" unit="人" evidence="E07 E99">#' centre.xml
exit 1
expect CORE-EVIDENCE-FILE CORE-EVIDENCE-REF CORE-EVIDENCE-UNDECLARED ENG-ID-06 ENG-TAB-04
