# 大科规发〔2025〕8号 at the annual stage (第十五条, 第十条, 第八条 …), on the
# sample annual report: each rule's seeded defect and its boundary twin.
base dalian-tic-2025

=== doc-03
run xedit centre.xml del "/centre/submissions/submission[@document='annual-report']"
run rm sections/annual-*.md
exit 1
fires DL-DOC-03

=== doc-03-twin
passes DL-DOC-03 DL-SEC-01

=== sec-01
# 第十五条: the summary of construction and operation is the report itself
run rm sections/annual-1-basic.md
exit 1
fires DL-SEC-01
expect-text error [DL-SEC-01]

=== sec-01-short
# shorter than the length dossier suggests: a warning
run printf '# 七、财务执行情况\n\n## 经费支出\n\n短。\n' > sections/annual-7-finance.md
exit 0
fires DL-SEC-01
expect-text warning [DL-SEC-01]

=== sec-01-optional-section-missing
# a section of the recommended structure (not the text's) may be left out
run rm sections/annual-2-research.md
passes DL-SEC-01 DL-SEC-13

=== sec-02
run sed -i 's/^## （二）开放运行.*/## （二）其他工作/' sections/annual-6-open.md
fires DL-SEC-02

=== sec-02-twin
run sed -i 's/^## （二）开放运行.*/## （二）开放运行情况/' sections/annual-6-open.md
passes DL-SEC-02

=== fin-01
run xedit centre.xml del /centre/accounts
exit 1
fires DL-FIN-01

=== fin-01-twin
run xedit centre.xml del "/centre/accounts/item[position() > 1]" del /centre/accounts/total
passes DL-FIN-01

=== per-01
run xedit centre.xml set /centre/indicators/@period-start 2024-01-01
exit 1
fires DL-PER-01

=== per-01-last-day
run xedit centre.xml set /centre/indicators/@period-end 2025-12-30
exit 1
fires DL-PER-01

=== per-01-twin
passes DL-PER-01

=== date-08-approved-1-october-is-three-months
run xedit centre.xml set /centre/dates/approved 2025-10-01
passes DL-DATE-08

=== date-08
run xedit centre.xml set /centre/dates/approved 2025-10-02
fires DL-DATE-08
expect-text may be merged into next year's report

=== gov-01
# a year after the year of approval
run xedit centre.xml set /centre/dates/approved 2024-03-10
run xedit centre.xml del "/centre/meetings/meeting[contains(@body, '技术指导委员会')][substring(@date, 1, 4) = '2025']"
exit 1
fires DL-GOV-01

=== gov-01-twin-first-year
# approved in the report year: whether 每年 covers a part year is not said
run xedit centre.xml del "/centre/meetings/meeting[contains(@body, '技术指导委员会')][substring(@date, 1, 4) = '2025']"
passes DL-GOV-01

=== gov-01-twin-one-meeting-on-31-december
run xedit centre.xml set /centre/dates/approved 2024-03-10
run xedit centre.xml del "(/centre/meetings/meeting[contains(@body, '技术指导委员会')])[1]" set "/centre/meetings/meeting[contains(@body, '技术指导委员会')]/@date" 2025-12-31
passes DL-GOV-01

=== gov-02-host
run xedit centre.xml set /centre/identity/advisory-chair/@affiliation 大连凌海氢能装备股份有限公司
exit 1
fires DL-GOV-02

=== gov-02-partner
run xedit centre.xml set /centre/identity/advisory-chair/@affiliation 大连滨城理工大学
exit 1
fires DL-GOV-02

=== gov-02-twin
run xedit centre.xml set /centre/identity/advisory-chair/@affiliation 大连理工学院
passes DL-GOV-02

=== gov-03
run xedit centre.xml del /centre/identity/advisory-chair
exit 1
fires DL-GOV-03

=== gov-03-twin
passes DL-GOV-03

=== staff-01
run xedit centre.xml set "/centre/staff/person[@rd='false']/@fulltime" false
fires DL-STAFF-01

=== staff-01-twin
run xedit centre.xml set "(/centre/staff/person[@rd='false'])[1]/@fulltime" false
passes DL-STAFF-01

=== id-04
run xedit centre.xml set /centre/identity/accounting/@independent false
exit 1
fires DL-ID-04

=== id-04-twin
run xedit centre.xml del /centre/identity/accounting/@evidence
passes DL-ID-04

=== id-05
fires DL-ID-05

=== id-05-twin
run xedit centre.xml set /centre/identity/legal-form 独立法人
passes DL-ID-05

=== th-08-annual
# the first full year after approval
run xedit centre.xml set /centre/dates/approved 2024-03-10
run xedit centre.xml set "//indicators/value[@id='host_investment']" 499.99
exit 1
fires DL-TH-08

=== th-08-second-year
run xedit centre.xml set /centre/dates/approved 2023-12-10 set "//indicators/value[@id='host_investment']" 499.99
exit 1
fires DL-TH-08

=== th-08-twin-year-of-approval
# the year of approval and the third year: the two readings of 连续3年 differ
run xedit centre.xml set "//indicators/value[@id='host_investment']" 100
passes DL-TH-08

=== th-08-twin-third-year
run xedit centre.xml set /centre/dates/approved 2022-12-10 set "//indicators/value[@id='host_investment']" 100
passes DL-TH-08

=== th-08-twin-exactly-500
run xedit centre.xml set /centre/dates/approved 2024-03-10
run xedit centre.xml set "//indicators/value[@id='host_investment']" 500.00
passes DL-TH-08

=== th-08-after-three-years
# the pledge covers three years from approval: a fourth report year is free
run xedit centre.xml set /centre/dates/approved 2022-03-10 set "//indicators/value[@id='host_investment']" 100
passes DL-TH-08

=== th-08-missing
run xedit centre.xml set /centre/dates/approved 2024-03-10
run xedit centre.xml del "//indicators/value[@id='host_investment']"
exit 1
fires DL-TH-08
expect-text cannot check this requirement

=== thresholds-do-not-apply-to-an-annual-report
# 第五条 sets conditions of an application: an operating centre with 49 staff
# (and R&D share, floor area, equipment below them) gets no error for it
run xedit centre.xml set "//indicators/value[@id='staff_total']" 49 set "//indicators/value[@id='rd_staff']" 39 set "//indicators/value[@id='rd_floor_area']" 999 set /centre/staff/@others 37 set /centre/staff/@others-rd 29
passes DL-TH-01 DL-TH-02 DL-TH-05

=== name-01
run xedit centre.xml set /centre/identity/name 大连氢能装备技术创新中心
exit 1
fires DL-NAME-01

=== name-01-twin
run xedit centre.xml set /centre/identity/name 大连市氢技术创新中心
passes DL-NAME-01

=== eval-03
run xedit centre.xml before /centre/indicators '<evaluations><evaluation date="2025-12-01" grade="合格"/></evaluations>'
exit 1
fires DL-EVAL-03

=== eval-03-twin
run xedit centre.xml before /centre/indicators '<evaluations><evaluation date="2025-12-01" grade="不合格"/></evaluations>'
passes DL-EVAL-03

=== eff-01
run xedit centre.xml set "/centre/submissions/submission/@date" 2026-01-18
exit 1
fires DL-EFF-01

=== eff-01-twin-first-day
run xedit centre.xml set "/centre/submissions/submission/@date" 2026-01-19
passes DL-EFF-01

=== hdg-02
# 第十五条 财务执行情况: the file of the finances is headed otherwise
run sed -i '1s/.*/# 七、经费收支情况/' sections/annual-7-finance.md
exit 1
fires DL-HDG-02
expect-text error [DL-HDG-02]
expect-text is headed "七、经费收支情况"

=== hdg-02-another-sections-heading
# the next year's plan written in the file of the summary
run sed -i '1s/.*/# 八、存在问题与下一年度工作计划/' sections/annual-1-basic.md
exit 1
fires DL-HDG-02

=== hdg-02-twin-other-numbering
run sed -i '1s/.*/# 7. 财务执行情况/' sections/annual-7-finance.md
run sed -i '1s/.*/# 一．建设运行情况总结/' sections/annual-1-basic.md
passes DL-HDG-02

=== hdg-03
# a section of dossier's recommended structure: info, and not DL-HDG-02's
run sed -i '1s/.*/# 二、技术研发/' sections/annual-2-research.md
exit 0
fires DL-HDG-03
passes DL-HDG-02
expect-text info [DL-HDG-03]
expect-text is headed "二、技术研发"

=== hdg-03-twin-other-numbering-or-none
run sed -i '1s/.*/# 6、开放交流与运行管理/' sections/annual-6-open.md
run sed -i '1d' sections/annual-8-plan.md
passes DL-HDG-03

=== sec-13-one-character-short
# present but a character short of the suggested length: info
run printf '# 五、队伍建设与人才培养\n\n中心按照专职为主、专兼结合的原则建设研发、工程化转化和成果推广三支队伍，与大连滨城理工大学联合培养工程硕士和博士研究生，选派青年骨干赴省外合作企业联合研发，实行岗位与成果相结合考核激励，队伍持续优化\n' > sections/annual-5-talent.md
exit 0
fires DL-SEC-13
passes DL-SEC-01
expect-text info [DL-SEC-13]
expect-text (99/100 characters)

=== sec-13-twin-exactly-the-minimum
run printf '# 五、队伍建设与人才培养\n\n中心按照专职为主、专兼结合的原则建设研发、工程化转化和成果推广三支队伍，与大连滨城理工大学联合培养工程硕士和博士研究生，选派青年骨干赴省外合作企业联合研发，实行岗位与成果相结合考核激励，队伍持续优化。\n' > sections/annual-5-talent.md
passes DL-SEC-13
