# 1747号 第十八条 and the annex outline at the confirm stage (筹建期总结报告),
# on the sample summary: each rule's seeded defect and its boundary twin.
# Incubation 2027-01-01..2029-12-31, summary filed 2030-03-20.
base ndrc-engineering-2025

# ---- 第十八条第一款: the summary report, the evaluation table, the evidence

=== doc-02
run xedit centre.xml del "/centre/submissions/submission[@document='evaluation-table']"
exit 1
fires ENG-DOC-02

=== doc-02-twin-table-without-a-date
# the table is submitted; its date may still be unknown
run xedit centre.xml del "/centre/submissions/submission[@document='evaluation-table']/@date"
passes ENG-DOC-02

=== sec-01-19-characters
# 八、其他需说明事项: “无。” is a complete answer
run printf '# 八、其他需说明事项\n\n无。\n' > sections/summary-8-other.md
exit 0
passes ENG-SEC-01

=== sec-01-twin-exactly-20-characters
run printf '# 八、其他需说明事项\n\n筹建期内无其他需要说明的事项，特此说明。\n' > sections/summary-8-other.md
passes ENG-SEC-01

=== sec-01-missing
run rm sections/summary-7-longterm.md
exit 1
fires ENG-SEC-01
expect-text is missing (0/150 characters)

=== sec-02-missing-item
run sed -i 's/^## （五）关键工程软件$/### 其他软件/' sections/summary-3-construction.md
exit 1
fires ENG-SEC-02

=== sec-02-empty-item
# the sub-heading is there but nothing is written under it
run printf '\n## （七）配套条件补充\n' >> sections/summary-3-construction.md && sed -i 's/^## （六）配套条件$/## （六）其他/' sections/summary-3-construction.md
exit 1
fires ENG-SEC-02
expect-text has no text under its heading

=== sec-02-twin-other-wording
# 建安工程 may be written 建筑安装工程 (the item's other match word), and a
# longer sub-heading naming the item will do
run sed -i -e 's/^## （一）建安工程$/## （一）建筑安装工程/' -e 's/^## （五）关键工程软件$/## （五）关键工程软件及仿真平台/' sections/summary-3-construction.md
passes ENG-SEC-02

=== sec-07-another-sections-heading
run sed -i '1s/.*/# 三、项目简介/' sections/summary-1-abstract.md
exit 1
fires ENG-SEC-07
expect-text is headed "三、项目简介"

=== sec-07-misplaced-section
# section 三's text put in the abstract's file
run sed -i '1s/.*/# 三、主要建设内容完成情况/' sections/summary-1-abstract.md
exit 1
fires ENG-SEC-07
expect-text 一、摘要 is headed "三、主要建设内容完成情况"

=== sec-07-wrong-number
run sed -i '1s/.*/# 二、摘要/' sections/summary-1-abstract.md
exit 1
fires ENG-SEC-07

=== sec-07-twin
run sed -i '1s/.*/# 一、摘要/' sections/summary-1-abstract.md
passes ENG-SEC-07

=== sec-07-twin-number-with-a-dot
run sed -i '1s/.*/# 一. 摘要/' sections/summary-1-abstract.md
passes ENG-SEC-07

=== sec-07-twin-no-number
run sed -i '1s/.*/# 摘要/' sections/summary-1-abstract.md
passes ENG-SEC-07

=== ev-09
run xedit centre.xml del /centre/evidence-list/evidence && rm evidence/*
exit 1
fires ENG-EV-09

=== ev-09-twin
passes ENG-EV-09

=== tab-07
run xedit centre.xml del /centre/indicators/value
exit 1
fires ENG-TAB-07

=== tab-07-twin-one-figure
# one figure is a table with figures (the rest is ENG-TAB-01's business)
run xedit centre.xml del "/centre/indicators/value[@id != 'staff_total']" del /centre/targets
exit any
passes ENG-TAB-07
fires ENG-TAB-01

=== tab-01
run xedit centre.xml del "//indicators/value[@id='alliance_members']"
exit any
fires ENG-TAB-01

=== tab-01-twin-zero
run xedit centre.xml set "//indicators/value[@id='alliance_members']" 0
passes ENG-TAB-01

=== tab-01-twin-derived-field-is-never-typed
# rd_intensity is computed by dossier: the table lacks it without a finding
run xedit centre.xml del-if "//indicators/value[@id='rd_intensity']"
passes ENG-TAB-01

# ---- 第十八条第一款: goals reached, tasks completed

=== tab-05
run xedit centre.xml set "/centre/targets/target[@field='rd_staff']" 153
exit 1
fires ENG-TAB-05
expect-text actual 152 人, target 153 人

=== tab-05-twin-target-exactly-met
run xedit centre.xml set "/centre/targets/target[@field='rd_staff']" 152
passes ENG-TAB-05

=== tab-05-target-without-a-value
run xedit centre.xml del "//indicators/value[@id='trained_talent']"
exit 1
fires ENG-TAB-05

=== task-01
run xedit centre.xml set "/centre/tasks/task[@name='八英寸碳化硅外延工程化验证']/@status" 基本完成
exit 1
fires ENG-TASK-01
expect-text 八英寸碳化硅外延工程化验证

=== task-01-twin-exceeded
run xedit centre.xml set "/centre/tasks/task/@status" 超额完成
passes ENG-TASK-01

=== task-04
# 第十八条第一款 按期达到组建方案明确的筹建期发展目标: no goals to check against
run xedit centre.xml del /centre/targets
exit 1
fires ENG-TASK-04
expect-text error [ENG-TASK-04]

=== task-04-twin-one-target
run xedit centre.xml del "/centre/targets/target[position() > 1]"
passes ENG-TASK-04

=== task-02
run xedit centre.xml del /centre/tasks
exit 1
fires ENG-TASK-02

=== task-02-twin-one-task
run xedit centre.xml del "/centre/tasks/task[position() > 1]"
passes ENG-TASK-02

=== nar-03
# a task only 基本完成 while the narrative says the content is 全部完成
run xedit centre.xml set "/centre/tasks/task[@name='中试与工程化设施建设']/@status" 基本完成
exit 1
fires ENG-NAR-03 ENG-TASK-01
expect-text 全部完成

=== nar-03-twin-said-as-it-is
run xedit centre.xml set "/centre/tasks/task[@name='中试与工程化设施建设']/@status" 基本完成
run sed -i 's/全部完成/基本完成/' sections/summary-3-construction.md
exit 1
passes ENG-NAR-03
fires ENG-TASK-01

=== nar-03-twin-all-completed
# with every task completed, 全部完成 is the truth
passes ENG-NAR-03

# ---- 第十八条第一款: within 3 months after incubation ends

=== date-06
run xedit centre.xml set "/centre/submissions/submission/@date" 2030-04-01
exit 1
fires ENG-DATE-06
expect-text after the deadline 2030-03-31

=== date-06-twin-last-day
run xedit centre.xml set "/centre/submissions/submission/@date" 2030-03-31
passes ENG-DATE-06

=== date-06-as-of
# no date recorded: --as-of stands in for it
run xedit centre.xml del "/centre/submissions/submission/@date"
args --as-of 2030-04-01
exit 1
fires ENG-DATE-06
expect-text as-of

=== date-06-as-of-twin
run xedit centre.xml del "/centre/submissions/submission/@date"
args --as-of 2030-03-31
passes ENG-DATE-06

=== date-06-extended
# with an extension the deadline runs from the new end (2030-06-30 + 3 months)
run xedit centre.xml after /centre/dates/incubation '<extension requested="2029-11-15" until="2030-06-30"><planned-completion>2030-06-30</planned-completion></extension>'
run xedit centre.xml set "/centre/submissions/submission/@date" 2030-10-01
exit 1
fires ENG-DATE-06
expect-text 2030-09-30

=== date-06-extended-twin
run xedit centre.xml after /centre/dates/incubation '<extension requested="2029-11-15" until="2030-06-30"><planned-completion>2030-06-30</planned-completion></extension>'
run xedit centre.xml set "/centre/submissions/submission/@date" 2030-09-30
passes ENG-DATE-06

=== id-03
run xedit centre.xml del /centre/dates/incubation
exit 1
fires ENG-ID-03

=== id-03-twin-no-approval-date
run xedit centre.xml del /centre/dates/approved
passes ENG-ID-03

# ---- 第十八条第一款: 筹建期一般不超过三年 (warning)

=== date-01
run xedit centre.xml set /centre/dates/incubation/@end 2030-01-01
fires ENG-DATE-01
expect-text (three years end on 2029-12-31)

=== date-01-twin-exactly-three-years
run xedit centre.xml set /centre/dates/incubation/@start 2027-01-02 set /centre/dates/incubation/@end 2030-01-01
passes ENG-DATE-01

# ---- 附件第四部分: 工程决算及第三方审计报告

=== ev-07
run xedit centre.xml set "/centre/evidence-list/evidence[@id='E04']/@kind" 财务报表
exit 1
fires ENG-EV-07

=== ev-07-an-audit-report-of-something-else
# E19 (审计报告) audits the R&D expenses, not the final accounts of the works;
# E04 declared as a plain 审计报告 is not known to be the works' audit either
run xedit centre.xml set "/centre/evidence-list/evidence[@id='E04']/@kind" 审计报告
exit 1
fires ENG-EV-07

=== ev-07-twin-completion-audit
run xedit centre.xml set "/centre/evidence-list/evidence[@id='E04']/@kind" 竣工决算审计报告
passes ENG-EV-07

=== fin-02-host-audits-itself
run xedit centre.xml set /centre/accounts/@audited-by 江苏澄芯功率半导体股份有限公司
exit 1
fires ENG-FIN-02

=== fin-02-no-auditor
run xedit centre.xml del /centre/accounts/@audited-by
exit 1
fires ENG-FIN-02

=== fin-02-twin
run xedit centre.xml set /centre/accounts/@audited-by 无锡德衡会计师事务所（普通合伙）
passes ENG-FIN-02

=== fin-03
run xedit centre.xml del /centre/accounts
exit 1
fires ENG-FIN-03

=== fin-03-twin-one-item
run xedit centre.xml del "/centre/accounts/item[position() > 1]" sumto /centre/accounts/total/@budget 0 "/centre/accounts/item/@budget" sumto /centre/accounts/total/@actual 0 "/centre/accounts/item/@actual"
passes ENG-FIN-03 ENG-SUM-07 ENG-SUM-08

# ---- 第十条: legal person, independent accounts, traceable figures

=== id-06
# the sample runs as 非法人实体化 (a warning: 一般应采用法人形式)
fires ENG-ID-06

=== id-06-twin-legal-person
run xedit centre.xml set /centre/identity/legal-form 独立法人
passes ENG-ID-06
expect

=== id-05
# 中心实行主任负责制: centre.xsd refuses an empty or blank director (CORE-SCHEMA,
# and then no rule runs); a director of one ideographic space (U+3000) passes
# the schema and is what this rule is left to catch
run xedit centre.xml set /centre/identity/director '　'
exit 1
fires ENG-ID-05
passes CORE-SCHEMA
expect-text error [ENG-ID-05]
expect-text no director is given

=== id-05-twin
# the sample names its director
passes ENG-ID-05

=== id-04-not-independent
run xedit centre.xml set /centre/identity/accounting/@independent false
exit 1
fires ENG-ID-04

=== id-04-proof-of-another-kind
# E15 is a financial statement: neither an accounting proof nor an audit
run xedit centre.xml set /centre/identity/accounting/@evidence E15
exit 1
fires ENG-ID-04

=== id-04-no-accounting
run xedit centre.xml del /centre/identity/accounting
exit 1
fires ENG-ID-04

=== id-04-twin-an-audit-report-will-do
run xedit centre.xml set /centre/identity/accounting/@evidence E19
passes ENG-ID-04

=== id-04-twin-legal-person
run xedit centre.xml set /centre/identity/legal-form 独立法人 del /centre/identity/accounting
passes ENG-ID-04

=== tab-04
run xedit centre.xml del "//indicators/value[@id='patents_granted']/@evidence"
exit 1
fires ENG-TAB-04
passes ENG-TAB-06

=== tab-04-twin-zero-needs-no-evidence
run xedit centre.xml set "//indicators/value[@id='first_of_kind_products']" 0 del "//indicators/value[@id='first_of_kind_products']/@evidence"
passes ENG-TAB-04

=== tab-04-twin-field-not-marked
# only fields marked evidence="nonzero" must cite (provincial projects are not)
run xedit centre.xml del "//indicators/value[@id='provincial_projects']/@evidence"
passes ENG-TAB-04

=== tab-06
run xedit centre.xml set /centre/identity/legal-form 独立法人 del "//indicators/value[@id='patents_granted']/@evidence"
fires ENG-TAB-06
passes ENG-TAB-04

=== tab-06-twin-zero-needs-no-evidence
run xedit centre.xml set /centre/identity/legal-form 独立法人 set "//indicators/value[@id='first_of_kind_products']" 0 del "//indicators/value[@id='first_of_kind_products']/@evidence"
passes ENG-TAB-06

# ---- evaluation practice: figures cite their proof (warnings)

=== ev-04
run xedit centre.xml del "/centre/funding/source[@kind='社会资本']/@evidence"
fires ENG-EV-04

=== ev-04-twin-zero-source
# a source of 0 has nothing to prove
run xedit centre.xml before /centre/funding/total '<source kind="其他">0</source>'
passes ENG-EV-04

=== ev-05
run xedit centre.xml del "(/centre/projects/project[@level='国家级'])[1]/@evidence"
fires ENG-EV-05

=== ev-05-twin-provincial-project
# the rule asks for national projects' task statements only
run xedit centre.xml del "(/centre/projects/project[@level='省部级'])[1]/@evidence"
passes ENG-EV-05

=== ev-06
run xedit centre.xml del "(/centre/patents/patent[@status='授权'])[1]/@evidence"
fires ENG-EV-06

=== ev-06-twin-applications-cite-nothing
# an application has no certificate yet: the sample's five cite nothing
passes ENG-EV-06
