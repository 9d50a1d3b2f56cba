# 1747号 第六条第二款 and 第二十二条 at the annual stage, on the sample 2028
# annual work report (filed 2029-01-26): the report, its data period, the
# recommended structure (info), the key tasks and indicators (warning) and
# the plan's targets (info).
base ndrc-engineering-annual

=== doc-03
run xedit centre.xml del "/centre/submissions/submission[@document='annual-report']"
exit 1
fires ENG-DOC-03

=== doc-03-twin-report-without-a-date
run xedit centre.xml del "/centre/submissions/submission[@document='annual-report']/@date"
passes ENG-DOC-03

# ---- 第六条第二款: the report year's data (warning)

=== per-01-first-day
run xedit centre.xml set /centre/indicators/@period-start 2028-01-02
fires ENG-PER-01
expect-text the annual report's data period is 2028-01-02—2028-12-31

=== per-01-last-day
run xedit centre.xml set /centre/indicators/@period-end 2028-12-30
fires ENG-PER-01

=== per-01-cumulative
# figures since the start of incubation are not the year's
run xedit centre.xml set /centre/indicators/@period-start 2027-01-01
fires ENG-PER-01

=== per-01-twin
passes ENG-PER-01

=== per-01-twin-another-year
# report year and period move together
run xedit centre.xml set /centre/dates/report-year 2027 set /centre/indicators/@period-start 2027-01-01 set /centre/indicators/@period-end 2027-12-31
passes ENG-PER-01

# ---- the recommended structure (info)

=== sec-03-149-characters
run printf '# 六、人才队伍建设\n\n%s\n' 2028年，中心围绕中试线工艺整合、车规质量和可靠性检测等关键岗位引进和培养人才，队伍规模随中试线投运稳步扩大。中心人员由依托单位签订劳动合同后专职派驻中心，由中心独立聘用、考核和管理，薪酬和社会保险费用在中心账套中单独核算。中心与高校联合开展工程硕士、工程博士培养，推行导师加项目加产线培养模式。 > sections/annual-6-talent.md
fires ENG-SEC-03
expect-text (149/150 characters)

=== sec-03-twin-exactly-150-characters
run printf '# 六、人才队伍建设\n\n%s\n' 2028年，中心围绕中试线工艺整合、车规质量和可靠性检测等关键岗位引进和培养人才，队伍规模随中试线投运稳步扩大。中心人员由依托单位签订劳动合同后专职派驻中心，由中心独立聘用、考核和管理，薪酬和社会保险费用在中心账套中单独核算。中心与高校联合开展工程硕士、工程博士培养，推行导师加项目加产线的培养模式。 > sections/annual-6-talent.md
passes ENG-SEC-03

=== sec-03-missing
run rm sections/annual-7-cooperation.md
fires ENG-SEC-03

=== hdg-03
run sed -i '1s/.*/# 九、问题与计划/' sections/annual-9-plan.md
fires ENG-HDG-04
expect-text is headed "九、问题与计划"

=== hdg-03-twin
run sed -i '1s/.*/# 九. 存在问题与下一年度工作计划/' sections/annual-9-plan.md
passes ENG-HDG-04

# ---- 第二十二条: key tasks and key indicators of the year (warning)

=== sec-04
run sed -i 's/^## （一）重点任务$/## （一）年度工作/' sections/annual-2-indicators.md
fires ENG-SEC-04
expect-text "Key tasks" is missing

=== sec-04-plan-without-text
# 存在问题/工作计划 are dossier's suggested sub-items (info), not 第二十二条's
run sed -i 's/^## （二）工作计划$/## （二）其他/' sections/annual-9-plan.md && printf '\n## （三）明年计划\n' >> sections/annual-9-plan.md
fires ENG-SEC-13
passes ENG-SEC-04
expect-text has no text under its heading
expect-text info [ENG-SEC-13]

=== sec-04-twin-longer-heading
run sed -i 's/^## （一）重点任务$/## （一）年度重点任务完成情况/' sections/annual-2-indicators.md
passes ENG-SEC-04

=== sec-13-twin-other-match-words
# 问题 alone names the problems, 计划 alone the plan (ENG-SEC-13, info)
run sed -i -e 's/^## （一）存在问题$/## （一）主要问题/' -e 's/^## （二）工作计划$/## （二）2029年计划/' sections/annual-9-plan.md
passes ENG-SEC-13

# ---- the plan's targets (info)

=== tab-08
run xedit centre.xml set "/centre/targets/target[@field='rd_staff']" 137
fires ENG-TAB-08
expect-text actual 136 人, target 137 人

=== tab-08-twin-exactly-met
run xedit centre.xml set "/centre/targets/target[@field='rd_staff']" 136
passes ENG-TAB-08

=== tab-08-annual-not-tab-05
# the confirmation rule (all goals met) is not asked of an annual report
run xedit centre.xml set "/centre/targets/target[@field='rd_staff']" 137
passes ENG-TAB-05
