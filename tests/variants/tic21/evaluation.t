# 国科发区〔2021〕17号 at the evaluation stage (第二十八条): the sample centre's
# material for the evaluation of its first cycle, the five areas of 第二十八条
# as sections and the objective data as the main basis, with the evidence
# practice of comparable evaluations (TIC21-P-EVID). Each rule's seeded defect
# and its boundary twin.
base most-tic-2021
run xedit centre.xml set /centre/@stage evaluation del /centre/submissions/submission add /centre/submissions '<submission document="evaluation-report" date="2026-03-16"/>' add /centre/submissions '<submission document="evaluation-table" date="2026-03-16"/>'
# the objective data of the evaluation cover the cycle (第二十九条)
run xedit centre.xml set /centre/indicators/@period-start 2023-01-01 set /centre/indicators/@period-end 2025-12-31
run rm sections/annual-*.md
run printf '# 一、承担国家重大战略科技任务\n\n首轮建设运行周期内，中心牵头或参与国家重点研发计划、国家自然科学基金等国家级科研任务，围绕新型储能安全、长时储能和构网型储能等方向承担国家重大战略科技任务，任务书考核指标均按期完成或超额完成，相关成果在示范工程中得到应用。\n' > sections/eval-1-national.md
run printf '# 二、实施关键技术攻关\n\n中心围绕固态电池、长时液流电池、钠离子电池和储能系统安全四个方向实施关键技术攻关，突破硫化物固态电解质干法成膜、液流电池高功率密度电堆、层状氧化物正极规模化制备等关键技术，建成固态电池干法电极中试线和液流电池电堆中试线。\n' > sections/eval-2-key.md
run printf '# 三、引领行业技术进步\n\n中心主持制定行业标准、团体标准和地方标准，参与制定国家标准和国际标准草案，牵头组建新型储能产业技术创新联盟，推动首台套产品认定和示范应用，带动行业储能电池安全水平和系统效率整体提升，引领行业技术进步。\n' > sections/eval-3-leading.md
run printf '# 四、面向社会提供技术创新服务\n\n中心建成概念验证中心、中试基地和检测中心，面向行业内企业特别是科技型中小企业开放共享科研仪器设备，提供检测认证、中试熟化、技术开发和技术咨询等服务，检测中心取得实验室认可，依托安全预警云平台为在运储能电站提供运维决策服务。\n' > sections/eval-4-services.md
run printf '# 五、培育孵化科技型企业\n\n中心建立概念验证、中试熟化、投资孵化一体化的科技型企业培育机制，设立成果转化与孵化部，引入社会资本设立储能产业投资基金，孵化固态电池、液流电池、储能安全和电池回收等方向的科技型企业，带动社会资本投入和产业集聚。\n' > sections/eval-5-incubation.md

=== base-is-complete
expect

=== doc-04
# 第二十八条: objective data are the main basis; the material comes without the data table
run xedit centre.xml del "/centre/submissions/submission[@document='evaluation-table']"
exit 1
fires TIC21-DOC-04
expect-text the evaluation material must include Objective operating data table

=== doc-04-twin
passes TIC21-DOC-04

=== sec-07-leading-99-characters
# the area 引领行业技术进步 needs 100 characters (a warning: the areas are 主要内容)
run sed -i 's/引领行业技术进步。$/引领行业技术进步/' sections/eval-3-leading.md
fires TIC21-SEC-07
expect-text (99/100 characters)

=== sec-07-twin-leading-100-characters
passes TIC21-SEC-07

=== sec-07-incubation-missing
run rm sections/eval-5-incubation.md
fires TIC21-SEC-07
expect-text 五、培育孵化科技型企业 is missing

=== hdg-04
run sed -i '1s/.*/# 四、技术服务/' sections/eval-4-services.md
fires TIC21-HDG-04
expect-text is headed "四、技术服务"

=== hdg-04-twin-no-number
run sed -i '1s/.*/# 面向社会提供技术创新服务/' sections/eval-4-services.md
passes TIC21-HDG-04

=== tab-06-evaluation
run xedit centre.xml del "//indicators/value[@id='alliance_members']"
fires TIC21-TAB-06
expect-text has no value

=== tab-06-evaluation-twin-zero
run xedit centre.xml set "//indicators/value[@id='alliance_members']" 0
passes TIC21-TAB-06

=== tab-04
# a non-zero figure with no evidence: unsupported figures are cut
run xedit centre.xml del "//indicators/value[@id='first_of_kind_products']/@evidence"
fires TIC21-TAB-04
expect-text "First-of-kind products" is 5 项 with no evidence cited

=== tab-04-twin-zero-needs-no-evidence
run xedit centre.xml del "//indicators/value[@id='first_of_kind_products']/@evidence" set "//indicators/value[@id='first_of_kind_products']" 0
passes TIC21-TAB-04

=== ev-04
run xedit centre.xml del "/centre/funding/source[@kind='社会资本']/@evidence"
fires TIC21-EV-04
expect-text cites no evidence

=== ev-04-twin-zero-source
# a source of nothing has nothing to prove
run xedit centre.xml before /centre/funding/total '<source kind="其他">0.00</source>'
passes TIC21-EV-04 TIC21-SUM-01

=== ev-05
run xedit centre.xml del "(/centre/projects/project[@level='国家级'])[last()]/@evidence"
fires TIC21-EV-05
expect-text cites no task statement or contract

=== ev-05-twin-unfunded-national-project
run xedit centre.xml add /centre/projects '<project name="国家重点研发计划“储能与智能电网技术”重点专项：储能电站消防安全（无经费参与单位）" level="国家级" role="参与" funds="0" start="2025-07-01" end="2028-06-30"/>' inc "//indicators/value[@id='national_projects']" 1
passes TIC21-EV-05 TIC21-SUM-18 TIC21-SUM-10

=== ev-06
run xedit centre.xml del "(/centre/patents/patent[@status='授权'])[last()]/@evidence"
fires TIC21-EV-06
expect-text cites no certificate

=== ev-06-twin-applications-need-no-certificate
# the sample's four applications (申请) cite nothing: only grants need a certificate
passes TIC21-EV-06

=== cht-01-evaluation
run xedit centre.xml set "/centre/evidence-list/evidence[@kind='章程']/@kind" 其他
fires TIC21-CHT-01

=== cht-01-evaluation-twin
passes TIC21-CHT-01

=== id-04-evaluation
run xedit centre.xml set /centre/identity/legal-form 非法人实体化
exit 1
fires TIC21-ID-04

=== per-02
# data of the last year only, not the three-year cycle
run xedit centre.xml set /centre/indicators/@period-start 2025-01-01
exit 0
fires TIC21-PER-02
expect-text warning [TIC21-PER-02]

=== per-02-twin
passes TIC21-PER-02

=== doc-10
# 第二十八条: the data table without the material on the five areas (a warning)
run xedit centre.xml del "/centre/submissions/submission[@document='evaluation-report']"
run rm sections/eval-*.md
exit 0
fires TIC21-DOC-10
passes TIC21-DOC-04
expect-text warning [TIC21-DOC-10]
expect-text the evaluation material must include Performance evaluation material

=== doc-10-twin
passes TIC21-DOC-10

=== fund-01-evaluation
run xedit centre.xml set "/centre/funding/source/@kind" 社会资本 set "//indicators/value[@id='central_funds' or @id='local_funds' or @id='host_funds']" 0 set "//indicators/value[@id='social_funds']" 37650.15
exit 0
fires TIC21-FUND-01
expect-text funding comes from one kind of source only ("社会资本")

=== fund-01-evaluation-twin
passes TIC21-FUND-01

=== part-01-evaluation
run xedit centre.xml set "/centre/identity/partners/partner/type[. = '高等院校' or . = '科研院所']" 企业
exit 0
fires TIC21-PART-01

=== part-01-evaluation-twin-an-institute-alone
run xedit centre.xml set "/centre/identity/partners/partner/type[. = '高等院校']" 企业
passes TIC21-PART-01
