# 国科发创〔2017〕353号 at the plan stage (六（一）: 提出建设意向，研究制定建设方案，
# 提出领域和方向、建设模式、重点任务等), built on the sample: the same centre's
# construction plan of March 2018 with its three sections and the planned
# three-year cycle. Each rule's seeded defect and its boundary twin.
base most-tic-2017
run xedit centre.xml set /centre/@stage plan set /centre/identity/status 申报 del /centre/dates/approved set /centre/dates/report-year 2018 del /centre/submissions/submission add /centre/submissions '<submission document="plan" date="2018-03-20"/>'
run rm sections/annual-*.md
run printf '# 一、领域和方向\n\n中心聚焦智能电网领域，面向高比例可再生能源并网、大电网安全稳定运行和能源互联网等方向，开展电力电子器件、柔性输电、电网仿真与调度控制等产业前沿引领技术和关键共性技术研发与应用，服务国家能源安全新战略。\n' > sections/plan-1-direction.md
run printf '# 二、建设模式\n\n中心采取龙头企业牵头的组建模式，由江淮智能电网科技集团股份有限公司牵头，联合江淮理工大学、中能电力科学研究院和产业链上下游企业共同投资组建平台型公司，实行董事会领导下的总经理负责制，一般以三年为建设周期。\n' > sections/plan-2-model.md
run printf '# 三、重点任务\n\n一是开展大电网安全稳定控制和柔性输电关键共性技术研发；二是建设电力电子器件中试验证平台，推动成果熟化和产业化；三是搭建专业化众创空间，孵化科技型中小企业；四是集聚培养高层次创新人才，探索新型体制机制。\n' > sections/plan-3-tasks.md

=== base-is-complete
expect

=== doc-05
# 六（一）研究制定建设方案: the plan stage with the data table only
run xedit centre.xml set /centre/submissions/submission/@document evaluation-table
exit 1
fires TIC17-DOC-05 CORE-DOCUMENT
expect-text Construction plan

=== doc-05-twin
passes TIC17-DOC-05

=== sec-03-direction-99-characters
run sed -i 's/服务国家能源安全新战略。$/服务国家能源安全新战略/' sections/plan-1-direction.md
exit 0
fires TIC17-SEC-03
expect-text (99/100 characters)
expect-text warning [TIC17-SEC-03]

=== sec-03-twin-direction-100-characters
passes TIC17-SEC-03

=== sec-03-model-missing
# 建设模式 not set out
run rm sections/plan-2-model.md
exit 1
fires TIC17-SEC-03
expect-text 二、建设模式 is missing

=== hdg-01
run sed -i '1s/.*/# 二、组建方式/' sections/plan-2-model.md
exit 1
fires TIC17-HDG-01
expect-text is headed "二、组建方式"

=== hdg-01-twin-no-number
run sed -i '1s/.*/# 建设模式/' sections/plan-2-model.md
passes TIC17-HDG-01

=== date-01-plan
# 三（二）: the plan's cycle runs three years and a day
run xedit centre.xml set /centre/dates/cycle/@end 2021-07-01
fires TIC17-DATE-01

=== date-01-plan-twin
passes TIC17-DATE-01

=== id-05-plan
# at the plan stage the centre does not exist yet: 五（一）'s separate management is an annual matter
# 五（一）: not yet a legal entity, and no separate staff, money and assets either
run xedit centre.xml set /centre/identity/legal-form 非法人实体化 del /centre/identity/accounting
exit 0
fires TIC17-ID-04
passes TIC17-ID-05

=== id-05-plan-twin-separate-accounts
run xedit centre.xml set /centre/identity/legal-form 非法人实体化
fires TIC17-ID-04
passes TIC17-ID-05
