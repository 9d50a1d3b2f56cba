# 国科发区〔2021〕17号 at the annual stage (第二十五条 the report and its data,
# 第十七条第四项 and 第十九条 the board and expert committee, 第十条第一项 the
# charter, 第十七条第五项 the cycle), on the sample 2025 annual report: each
# rule's seeded defect and its boundary twin.
base most-tic-2021

=== doc-03-no-data-table
# 第二十五条: the report is accompanied by the objective operating data
run xedit centre.xml del "/centre/submissions/submission[@document='evaluation-table']"
exit 1
fires TIC21-DOC-03
expect-text the annual report must include Objective operating data table

=== doc-03-no-report
run xedit centre.xml del "/centre/submissions/submission[@document='annual-report']"
exit 1
fires TIC21-DOC-03

=== doc-03-twin
passes TIC21-DOC-03

=== sec-01-problems-99-characters
# 四、存在的问题 needs 100 characters: 99 are too few
run printf '# 四、存在的问题\n\n一是部分任务进度滞后，钠离子电池正极材料万吨级二期产线受核心设备交付延迟影响未能在年内投产。二是高价值发明专利培育不足，海外专利布局刚刚起步。三是市场化服务收入占比仍然偏低，中心自我造血能力有待增强\n' > sections/annual-4-problems.md
exit 0
fires TIC21-SEC-01
expect-text (99/100 characters)
expect-text warning [TIC21-SEC-01]

=== sec-01-twin-problems-100-characters
run printf '# 四、存在的问题\n\n一是部分任务进度滞后，钠离子电池正极材料万吨级二期产线受核心设备交付延迟影响未能在年内投产。二是高价值发明专利培育不足，海外专利布局刚刚起步。三是市场化服务收入占比仍然偏低，中心自我造血能力有待增强。\n' > sections/annual-4-problems.md
passes TIC21-SEC-01

=== sec-01-next-steps-missing
run rm sections/annual-5-next.md
exit 1
fires TIC21-SEC-01
expect-text 五、下一步工作考虑 is missing

=== sec-01-twin-recommended-section-left-out
# 基本情况 and 运行管理 are dossier's recommended structure, not the text's
run rm sections/annual-1-basic.md sections/annual-3-management.md
passes TIC21-SEC-01

=== hdg-03
run sed -i '1s/.*/# 四、存在问题/' sections/annual-4-problems.md
exit 1
fires TIC21-HDG-03
expect-text is headed "四、存在问题"

=== hdg-03-wrong-number
run sed -i '1s/.*/# 三、存在的问题/' sections/annual-4-problems.md
exit 1
fires TIC21-HDG-03

=== hdg-03-twin-other-numbering
# the outline's number in another form, or no number: still the outline's heading
run sed -i '1s/.*/# 4. 存在的问题/' sections/annual-4-problems.md
run sed -i '1s/.*/# 五．下一步工作考虑/' sections/annual-5-next.md
run sed -i '1s/.*/# 本年度建设任务实施进展/' sections/annual-2-progress.md
passes TIC21-HDG-03

=== sec-02
# the recommended sub-item 经费 of 三、运行管理 is left out (info only)
run sed -i 's/^## （四）经费$/## （四）其他/' sections/annual-3-management.md
fires TIC21-SEC-02
expect-text the sub-item "Funds" is missing

=== sec-02-heading-without-text
run sed -i '/^## （四）经费$/,$d' sections/annual-3-management.md
run printf '## （四）经费\n' >> sections/annual-3-management.md
fires TIC21-SEC-02
expect-text has no text under its heading

=== sec-02-twin-bare-sub-heading
run sed -i 's/^## （四）经费$/### 经费/' sections/annual-3-management.md
passes TIC21-SEC-02

=== per-01-start
run xedit centre.xml set /centre/indicators/@period-start 2025-01-02
exit 1
fires TIC21-PER-01
expect-text the annual data period is 2025-01-02—2025-12-31

=== per-01-end
run xedit centre.xml set /centre/indicators/@period-end 2025-12-30
exit 1
fires TIC21-PER-01

=== per-01-previous-year
run xedit centre.xml set /centre/indicators/@period-start 2024-01-01 set /centre/indicators/@period-end 2024-12-31
exit 1
fires TIC21-PER-01

=== per-01-twin
passes TIC21-PER-01

=== gov-01
# 第十七条第四项: the board sets the year's work plan; no board meeting in 2025
run xedit centre.xml set "/centre/meetings/meeting[@body='理事会'][1]/@date" 2024-12-31 set "/centre/meetings/meeting[@body='理事会'][2]/@date" 2026-01-01
fires TIC21-GOV-01
expect-text no board meeting is recorded in the report year

=== gov-01-twin-one-board-meeting-on-31-december
run xedit centre.xml del "/centre/meetings/meeting[@body='理事会'][1]" set "/centre/meetings/meeting[@body='理事会']/@date" 2025-12-31
passes TIC21-GOV-01

=== gov-01-twin-a-company-board
# 理事会（董事会）: a centre run as a company has a 董事会
run xedit centre.xml set "/centre/meetings/meeting[@body='理事会']/@body" 董事会
passes TIC21-GOV-01

=== gov-02
run xedit centre.xml set "/centre/meetings/meeting[@body='专家委员会'][1]/@date" 2024-12-31 del "/centre/meetings/meeting[@body='专家委员会'][2]"
fires TIC21-GOV-02
expect-text no expert committee meeting is recorded in the report year

=== gov-02-twin-one-meeting-on-1-january
run xedit centre.xml set "/centre/meetings/meeting[@body='专家委员会'][1]/@date" 2025-01-01 del "/centre/meetings/meeting[@body='专家委员会'][2]"
passes TIC21-GOV-02

=== cht-01
# 第十条第一项: the charter is not among the evidence
run xedit centre.xml set "/centre/evidence-list/evidence[@kind='章程']/@kind" 其他
fires TIC21-CHT-01
expect-text the dossier does not include the centre's charter

=== cht-01-twin
passes TIC21-CHT-01

=== plan-02-annual
# 第十七条第五项: the cycle in force runs past three years (a warning: 一般)
run xedit centre.xml set /centre/dates/cycle/@start 2023-03-15 set /centre/dates/cycle/@end 2026-03-15
fires TIC21-PLAN-02
expect-text the cycle ends on 2026-03-15, more than three years on (three years end on 2026-03-14)

=== plan-02-annual-twin-three-years-less-a-day
run xedit centre.xml set /centre/dates/cycle/@start 2023-03-15 set /centre/dates/cycle/@end 2026-03-14
passes TIC21-PLAN-02

=== tab-06
# a data-table field left empty (info: the fields are dossier's draft)
run xedit centre.xml del "//indicators/value[@id='open_service_count']"
run sed -i 's/全年开展对外开放服务{{fig:open_service_count}}，//' sections/annual-2-progress.md
fires TIC21-TAB-06
expect-text has no value

=== tab-06-twin-zero-is-a-value
run xedit centre.xml set "//indicators/value[@id='open_service_count']" 0
passes TIC21-TAB-06

=== team-02-twin-not-at-annual
# 第十五条 sets conditions of building: an operating centre's report is not
# checked for the technical leader
run xedit centre.xml del /centre/identity/tech-leader
passes TIC21-TEAM-02

=== fund-01
# 第十条第三项 多元化筹措: every source is the host's own money (a warning)
run xedit centre.xml set "/centre/funding/source/@kind" 依托单位自筹 set "//indicators/value[@id='central_funds' or @id='local_funds' or @id='social_funds']" 0 set "//indicators/value[@id='host_funds']" 37650.15
exit 0
fires TIC21-FUND-01
expect-text warning [TIC21-FUND-01]
expect-text funding comes from one kind of source only ("依托单位自筹")

=== fund-01-twin-two-kinds
# central funds and the host's own: two kinds are enough for the tool
run xedit centre.xml set "/centre/funding/source[@kind!='中央财政资金']/@kind" 依托单位自筹 set "//indicators/value[@id='local_funds' or @id='social_funds']" 0 sumto "//indicators/value[@id='host_funds']" 0 /centre/funding/total "-/centre/funding/source[1]"
passes TIC21-FUND-01 TIC21-SUM-05

=== part-01
# 第二十二条 依托高校、科研院所: the university and the institute become companies
run xedit centre.xml set "/centre/identity/partners/partner/type[. = '高等院校' or . = '科研院所']" 企业
exit 0
fires TIC21-PART-01
expect-text warning [TIC21-PART-01]

=== part-01-twin-a-research-host
# the other branch: the host itself is a research institute
run xedit centre.xml set "/centre/identity/partners/partner/type[. = '高等院校' or . = '科研院所']" 企业 set /centre/identity/host/type 科研院所
passes TIC21-PART-01

=== part-01-twin-a-university-alone
run xedit centre.xml set "/centre/identity/partners/partner/type[. = '科研院所']" 企业
passes TIC21-PART-01
