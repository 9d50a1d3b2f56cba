# 1748号 at the confirmation stage (第十七条第一款: summary report with its
# evidence, goals met and tasks completed) and the rules of every stage that
# the sample's confirmation dossier exercises (三年筹建期, （筹） naming, 第二十四条
# grades, 第二十七条 state assets, 第三十六条 effective date): each rule's
# seeded defect and its boundary twin.
base ndrc-emerging-2025

=== doc-02
run xedit centre.xml del "/centre/submissions/submission[@document='summary-report']"
run rm sections/summary-*.md
exit 1
fires EMG-DOC-02

=== doc-02-twin-summary-without-data-table
# the text asks for the summary report and its evidence, not for the data table
run xedit centre.xml del "/centre/submissions/submission[@document='evaluation-table']"
passes EMG-DOC-02

=== ev-09
run xedit centre.xml del /centre/evidence-list/evidence del "//@evidence"
run rm evidence/*
exit 1
fires EMG-EV-09

=== ev-09-twin-a-single-evidence
run xedit centre.xml del "/centre/evidence-list/evidence[@id != 'E07']" del "//@evidence[. != 'E07']"
run find evidence -type f ! -name 'E07-*' -delete
exit any
passes EMG-EV-09

=== sec-01-one-character-short
run printf '# 八、其他需说明事项\n\n筹建期内未申请延期，无其他需说明事项。\n' > sections/summary-8-other.md
fires EMG-SEC-01
expect-text (19/20 characters)

=== sec-01-twin-exactly-the-minimum
run printf '# 八、其他需说明事项\n\n筹建期内未申请延期，无其他需说明的事项。\n' > sections/summary-8-other.md
passes EMG-SEC-01

=== sec-01-missing
run rm sections/summary-9-annexes.md
fires EMG-SEC-01

=== sec-02
run sed -i 's/^## （四）流动资金/## （四）周转资金/' sections/summary-4-finance.md
fires EMG-SEC-02

=== sec-02-heading-without-text
run sed -i '/^## （四）流动资金/,/^## （五）/{/^## /!d}' sections/summary-4-finance.md
fires EMG-SEC-02

=== sec-02-twin-either-word-of-the-item
run sed -i 's/^## （二）工程决算及第三方审计报告/## （二）第三方审计报告/' sections/summary-4-finance.md
passes EMG-SEC-02

=== tab-05-target-missed-by-one
run xedit centre.xml set "/centre/targets/target[@field='rd_staff']" 153
exit 1
fires EMG-TAB-05
expect-text actual 152 人, target 153 人

=== tab-05-twin-target-met-exactly
run xedit centre.xml set "/centre/targets/target[@field='rd_staff']" 152
passes EMG-TAB-05

=== tab-05-target-of-a-field-without-value
run xedit centre.xml del "//indicators/value[@id='alliance_members']" add /centre/targets '<target field="alliance_members" unit="家" evidence="E01">100</target>'
exit 1
fires EMG-TAB-05

=== task-01
run xedit centre.xml set "/centre/tasks/task[@name='标准与检测服务体系']/@status" 基本完成
exit 1
fires EMG-TASK-01

=== task-01-twin-completed-not-exceeded
run xedit centre.xml set "/centre/tasks/task[@status='超额完成']/@status" 已完成
passes EMG-TASK-01

=== task-02
run xedit centre.xml del /centre/tasks
exit 1
fires EMG-TASK-02

=== task-02-twin-one-task
run xedit centre.xml del "/centre/tasks/task[position() > 1]"
passes EMG-TASK-02

=== nar-03
run xedit centre.xml set "/centre/tasks/task[@name='标准与检测服务体系']/@status" 进行中
exit 1
fires EMG-NAR-03 EMG-TASK-01

=== nar-03-twin-the-text-says-what-is-true
run xedit centre.xml set "/centre/tasks/task[@name='标准与检测服务体系']/@status" 进行中
run sed -i 's/全部完成/大部分完成/g' sections/*.md
exit 1
fires EMG-TASK-01
passes EMG-NAR-03

=== nar-03-twin-every-task-completed
# the sample says 全部完成 four times, and every task is completed
passes EMG-NAR-03

=== date-01-three-years-and-a-day
run xedit centre.xml set /centre/dates/incubation/@end 2026-04-01
fires EMG-DATE-01
expect-text (three years end on 2026-03-31)

=== date-01-twin-three-years-to-the-day
# 2023-04-01 to 2026-03-31 is three years, the sample's own period
run xedit centre.xml set /centre/dates/incubation/@end 2026-03-31
passes EMG-DATE-01

=== date-01-leap-year-start
run xedit centre.xml set /centre/dates/incubation/@start 2024-03-01 set /centre/dates/incubation/@end 2027-03-01
fires EMG-DATE-01

=== date-01-twin-leap-year-start
run xedit centre.xml set /centre/dates/incubation/@start 2024-03-01 set /centre/dates/incubation/@end 2027-02-28
passes EMG-DATE-01

=== eval-03
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2026-03-01" grade="良好" kind="运行评价"/></evaluations>'
exit 1
fires EMG-EVAL-03

=== eval-03-twin-a-grade-of-the-scheme
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2026-03-01" grade="不合格" kind="运行评价"/></evaluations>'
passes EMG-EVAL-03

=== eval-03-twin-a-confirmation-evaluation-is-not-graded
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2026-03-01" grade="通过" kind="确认评估"/></evaluations>'
passes EMG-EVAL-03

=== task-03-incubation-over-with-a-task-open
run xedit centre.xml set "/centre/tasks/task[@name='标准与检测服务体系']/@status" 进行中
args --as-of 2026-04-01
exit 1
fires EMG-TASK-03
expect-text ended on 2026-03-31

=== task-03-twin-last-day-of-incubation
run xedit centre.xml set "/centre/tasks/task[@name='标准与检测服务体系']/@status" 进行中
args --as-of 2026-03-31
exit 1
passes EMG-TASK-03

=== task-03-twin-extended
run xedit centre.xml set "/centre/tasks/task[@name='标准与检测服务体系']/@status" 进行中 after /centre/dates/incubation '<extension requested="2026-03-01" until="2027-03-31"><planned-completion>2027-01-31</planned-completion></extension>'
args --as-of 2026-04-01
exit 1
passes EMG-TASK-03

=== task-03-extension-over-too
run xedit centre.xml set "/centre/tasks/task[@name='标准与检测服务体系']/@status" 进行中 after /centre/dates/incubation '<extension requested="2026-03-01" until="2027-03-31"><planned-completion>2027-01-31</planned-completion></extension>'
args --as-of 2027-04-01
exit 1
fires EMG-TASK-03
expect-text ended on 2027-03-31

=== task-03-twin-every-task-completed
args --as-of 2030-01-01
passes EMG-TASK-03

=== name-01
run xedit centre.xml set /centre/identity/name 合成生物制造国家新兴产业创新中心
exit 1
fires EMG-NAME-01

=== name-01-twin-confirmed-centre
run xedit centre.xml set /centre/identity/name 合成生物制造国家新兴产业创新中心 set /centre/identity/status 运行期
passes EMG-NAME-01 EMG-NAME-02 EMG-NAME-04

=== name-02
run xedit centre.xml set /centre/identity/name 合成生物制造产业创新中心（筹）
exit 1
fires EMG-NAME-02

=== name-02-no-field-in-the-name
run xedit centre.xml set /centre/identity/name 国家新兴产业创新中心（筹）
exit 1
fires EMG-NAME-02

=== name-02-twin
run xedit centre.xml set /centre/identity/name 生物国家新兴产业创新中心（筹）
passes EMG-NAME-02 EMG-NAME-01

=== name-03
run xedit centre.xml set /centre/identity/name-en "National Emerging Industry Innovation Centre for Synthetic Biomanufacturing"
exit 1
fires EMG-NAME-03

=== name-03-twin
run xedit centre.xml set /centre/identity/name-en "National Emerging Industry Innovation Center for Biomanufacturing"
passes EMG-NAME-03

=== name-04
run xedit centre.xml set /centre/identity/status 运行期
exit 1
fires EMG-NAME-04

=== name-04-twin-another-bracket
run xedit centre.xml set /centre/identity/name 合成生物制造国家新兴产业创新中心 set /centre/identity/status 运行期
passes EMG-NAME-04

=== id-04
run xedit centre.xml set /centre/identity/legal-form 非法人实体化
fires EMG-ID-04

=== id-04-twin
# centre.xsd allows 独立法人 or 非法人实体化 only: the twin is the company
run xedit centre.xml set /centre/identity/legal-form 独立法人
passes EMG-ID-04

=== tab-06
run xedit centre.xml del "//indicators/value[@id='served_smes']"
run sed -i 's/{{fig:served_smes}}/318家/' sections/summary-6-goals.md
fires EMG-TAB-06

=== tab-06-twin-zero-is-a-value
run xedit centre.xml set "//indicators/value[@id='served_smes']" 0
passes EMG-TAB-06

=== tab-04
run xedit centre.xml del "//indicators/value[@id='rd_expenditure']/@evidence"
fires EMG-TAB-04

=== tab-04-twin-zero-needs-no-evidence
run xedit centre.xml set "//indicators/value[@id='first_of_kind_products']" 0 del "//indicators/value[@id='first_of_kind_products']/@evidence"
exit any
passes EMG-TAB-04

=== ev-04
run xedit centre.xml del "/centre/funding/source[@kind='社会资本']/@evidence"
fires EMG-EV-04

=== ev-04-twin-a-zero-source
run xedit centre.xml before /centre/funding/total '<source kind="其他">0</source>'
passes EMG-EV-04

=== ev-05
run xedit centre.xml del "(/centre/projects/project[@level='国家级'])[1]/@evidence"
fires EMG-EV-05

=== ev-05-twin-zero-funds
run xedit centre.xml add /centre/projects '<project name="边界测试国家级课题（无经费）" level="国家级" role="合作承担" funds="0"/>' inc "//indicators/value[@id='national_projects']" 1
passes EMG-EV-05

=== ev-06
run xedit centre.xml del "(/centre/patents/patent[@status='授权'])[1]/@evidence"
fires EMG-EV-06

=== ev-06-twin-an-application-needs-no-certificate
run xedit centre.xml add /centre/patents '<patent title="一种边界测试方法" kind="发明" status="申请"/>' inc "//indicators/value[@id='patent_apps']" 1 inc "//indicators/value[@id='invention_apps']" 1
passes EMG-EV-06

=== ast-01
run xedit centre.xml del /centre/state-assets
exit 1
fires EMG-AST-01

=== ast-01-twin-no-government-funds
# the same money raised without central or local funds: no state assets
run xedit centre.xml set "/centre/funding/source[@kind='依托单位自筹']" 68760.50 set "//indicators/value[@id='host_funds']" 68760.50
run xedit centre.xml set "/centre/funding/source[@kind='中央财政资金' or @kind='地方财政资金']" 0 set "//indicators/value[@id='central_funds' or @id='local_funds']" 0
run xedit centre.xml del /centre/state-assets
passes EMG-AST-01

=== ast-02
run xedit centre.xml del /centre/state-assets/acceptance
exit 1
fires EMG-AST-02

=== ast-03
run xedit centre.xml del /centre/state-assets/final-accounts
exit 1
fires EMG-AST-03

=== ast-04
run xedit centre.xml del /centre/state-assets/registration
exit 1
fires EMG-AST-04

=== ast-02-03-04-twin-not-completed-yet
run xedit centre.xml set /centre/state-assets/@completed false del /centre/state-assets/acceptance del /centre/state-assets/final-accounts del /centre/state-assets/registration
fires EMG-AST-05
passes EMG-AST-02 EMG-AST-03 EMG-AST-04

=== ast-05-twin-completed
passes EMG-AST-05 EMG-AST-02 EMG-AST-03 EMG-AST-04

=== eff-01
run xedit centre.xml set /centre/submissions/submission/@date 2026-01-31
exit 1
fires EMG-EFF-01
expect-text 2026-01-31

=== eff-01-twin-first-day
run xedit centre.xml set /centre/submissions/submission/@date 2026-02-01
passes EMG-EFF-01

=== hdg-02
# the summary's outline is 1747号's (practice): a wrong heading is a warning
run sed -i '1s/.*/# 五、管理制度/' sections/summary-5-mechanism.md
exit 0
fires EMG-HDG-02
expect-text warning [EMG-HDG-02]
expect-text is headed "五、管理制度"

=== hdg-02-twin-other-numbering-or-none
run sed -i '1s/.*/# 5、运行机制/' sections/summary-5-mechanism.md
run sed -i '1d' sections/summary-8-other.md
passes EMG-HDG-02

=== task-04
# 第十七条第一款 按期达到组建方案明确的筹建期发展目标: no goals to check against
run xedit centre.xml del /centre/targets
exit 1
fires EMG-TASK-04
expect-text error [EMG-TASK-04]

=== task-04-twin-one-target
run xedit centre.xml del "/centre/targets/target[position() > 1]"
passes EMG-TASK-04

=== ast-06
# the acceptance of the state-funded works cites no proof (practice: a warning)
run xedit centre.xml del /centre/state-assets/acceptance/@evidence
exit 0
fires EMG-AST-06
expect-text warning [EMG-AST-06]
expect-text the state-asset step "acceptance" cites no proof

=== ast-06-blank-evidence
# an empty attribute is also a format error (CORE-EMPTY)
run xedit centre.xml set /centre/state-assets/registration/@evidence ' '
exit 1
fires EMG-AST-06 CORE-EMPTY
expect-text the state-asset step "registration" cites no proof

=== ast-06-twin
passes EMG-AST-06

=== fund-03
# 第八条第一款 广泛吸纳地方资金和社会资本: neither is there (a warning); the
# host's own funds make up the difference
run xedit centre.xml set "/centre/funding/source[@kind='依托单位自筹']" 74500.00 set "//indicators/value[@id='host_funds']" 74500.00
run xedit centre.xml set "/centre/funding/source[@kind='地方财政资金' or @kind='社会资本']" 0 set "//indicators/value[@id='local_funds' or @id='social_funds']" 0
exit 0
fires EMG-FUND-03
expect-text warning [EMG-FUND-03]
expect-text local and private funds add up to 0 万元

=== fund-03-twin-a-hundred-yuan-of-private-capital
run xedit centre.xml set "/centre/funding/source[@kind='依托单位自筹']" 74499.99 set "//indicators/value[@id='host_funds']" 74499.99
run xedit centre.xml set "/centre/funding/source[@kind='地方财政资金']" 0 set "//indicators/value[@id='local_funds']" 0
run xedit centre.xml set "/centre/funding/source[@kind='社会资本']" 0.01 set "//indicators/value[@id='social_funds']" 0.01
passes EMG-FUND-03 EMG-SUM-01 EMG-SUM-02

=== eff-03
# 第三十六条 有效期5年: a submission after 2031-01-31 (a warning: the scheme
# may have been extended)
run xedit centre.xml set /centre/submissions/submission/@date 2031-02-01
args --as-of 2031-02-01
exit 0
fires EMG-EFF-03
expect-text warning [EMG-EFF-03]
expect-text the submission date 2031-02-01 is after the scheme's five-year term

=== eff-03-twin-last-day
run xedit centre.xml set /centre/submissions/submission/@date 2031-01-31
args --as-of 2031-01-31
passes EMG-EFF-03
