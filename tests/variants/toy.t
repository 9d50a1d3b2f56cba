# The toy scheme (tests/toy/toy-scheme-2030.xml): a seeded defect and its
# boundary twin for each of its rules, so every rule kind the toy uses is
# proven on a scheme that is not one of the five.
base ../tests/toy/centre
args --outline tests/toy/toy-scheme-2030.xml

=== sections-short
# shorter than min-chars: a warning (the length is dossier's hint)
run printf '# 二、下一步\n\n继续研发\n' > sections/r-2.md
exit 0
fires TOY-01
expect-text warning [TOY-01]

=== sections-empty
# the heading alone: as good as missing, the rule's own severity
run printf '# 二、下一步\n' > sections/r-2.md
exit 1
fires TOY-01
expect-text error [TOY-01]

=== sections-short-twin
run printf '# 二、下一步\n\n继续抓研发\n' > sections/r-2.md
exit 0
passes TOY-01

=== sections-missing
run rm sections/r-2.md
exit 1
fires TOY-01

=== items
run sed -i 's/研发/工作/g' sections/r-1.md
exit 1
fires TOY-02

=== items-twin
run sed -i 's/## （一）研发/## （一）研究开发/; s/研发经费/经费/' sections/r-1.md
exit 0
passes TOY-02

=== field-present
run xedit centre.xml del "//value[@id='staff_total']"
exit 1
fires TOY-03

=== field-present-twin
run xedit centre.xml set "//value[@id='staff_total']" 12
exit 0
passes TOY-03 TOY-04

=== field-of
run xedit centre.xml set "//value[@id='rd_staff']" 21
exit 1
fires TOY-04

=== field-of-twin
run xedit centre.xml set "//value[@id='rd_staff']" 20
run sed -i 's/研发人员12人/研发人员20人/' sections/r-1.md
exit 0
passes TOY-04

=== compare
run xedit centre.xml set "//value[@id='rd_expenditure']" 99.99
exit 1
fires TOY-05

=== compare-twin
run xedit centre.xml set "//value[@id='rd_expenditure']" 100
exit 0
passes TOY-05

=== compare-yuan-twin
run xedit centre.xml set "//value[@id='rd_expenditure']" 1000000 set "//value[@id='rd_expenditure']/@unit" 元
exit 0
passes TOY-05

=== pattern
run xedit centre.xml set /centre/identity/name 玩具省技术中心
exit 1
fires TOY-06

=== pattern-twin
run xedit centre.xml set /centre/identity/name 玩具省积技术中心
exit 0
passes TOY-06

=== evidence
run xedit centre.xml del "//value[@id='rd_expenditure']/@evidence"
exit any
fires TOY-07

=== evidence-twin
# "nonzero": a figure of zero needs no evidence (TOY-05 then fires)
run xedit centre.xml set "//value[@id='rd_expenditure']" 0 del "//value[@id='rd_expenditure']/@evidence"
exit 1
passes TOY-07
fires TOY-05

=== figures
run sed -i 's/研发人员12人/职工总数21人/' sections/r-1.md
exit 1
fires TOY-08

=== figures-twin
run sed -i 's/研发人员12人/职工总数二十人/' sections/r-1.md
exit 0
passes TOY-08
