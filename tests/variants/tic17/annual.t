# 国科发创〔2017〕353号 at the annual stage (六（四）: 年度建设情况书面报科技部),
# on the sample 2019 report: each rule's seeded defect and its boundary twin.
# The guideline is 参照执行 and sets no content for the annual report, so
# most findings here are warnings or info (exit 0); 五（一）'s "先行实现人、财、
# 物相对独立的管理机制" is the one error.
base most-tic-2017

=== doc-03
# 六（四）: the annual construction report itself is missing
run xedit centre.xml del "/centre/submissions/submission[@document='annual-report']"
exit 1
fires TIC17-DOC-03
expect-text Annual construction report

=== doc-03-twin-no-data-table
# the guideline asks for the report in writing, not for a data table
run xedit centre.xml del "/centre/submissions/submission[@document='evaluation-table']"
passes TIC17-DOC-03

=== sec-01-problems-99-characters
# dossier's recommended structure (info): 四、存在问题 of 100 characters
run printf '# 四、存在问题\n\n一是孵化企业数未达到年度目标，在孵企业融资渠道单一，对区域产业集群的带动作用不足。二是关键仪器设备和工业软件依赖进口，自主可控水平仍然不高。三是市场化技术服务收入规模偏小，中心自我运营能力有待增强。\n' > sections/annual-4-problems.md
fires TIC17-SEC-01
expect-text (99/100 characters)
expect-text info [TIC17-SEC-01]

=== sec-01-twin-problems-100-characters
run printf '# 四、存在问题\n\n一是孵化企业数未达到年度目标，在孵企业融资渠道单一，对区域产业集群的带动作用不足。二是关键仪器设备和工业软件依赖进口，自主可控水平仍然不高。三是市场化技术服务收入规模偏小，中心的自我运营能力有待增强。\n' > sections/annual-4-problems.md
passes TIC17-SEC-01

=== sec-01-missing
# 五、下一年度工作计划 is dossier's suggested structure
run rm sections/annual-5-next.md
passes TIC17-SEC-01

=== hdg-02
# 六（四）: the section of the year's construction is headed otherwise
run sed -i '1s/.*/# 二、年度工作总结/' sections/annual-2-tasks.md
exit 1
fires TIC17-HDG-02
passes TIC17-HDG-03
expect-text error [TIC17-HDG-02]
expect-text is headed "二、年度工作总结"

=== hdg-02-another-sections-heading
# the problems written in the file of the tasks
run sed -i '1s/.*/# 四、存在问题/' sections/annual-2-tasks.md
exit 1
fires TIC17-HDG-02

=== hdg-02-twin-other-numbering
run sed -i '1s/.*/# 2. 重点建设任务进展/' sections/annual-2-tasks.md
passes TIC17-HDG-02

=== hdg-03
# a section of the suggested structure: info, and not TIC17-HDG-02's
run sed -i '1s/.*/# 四、存在的问题和不足/' sections/annual-4-problems.md
exit 0
fires TIC17-HDG-03
passes TIC17-HDG-02
expect-text info [TIC17-HDG-03]
expect-text is headed "四、存在的问题和不足"

=== hdg-03-twin-other-numbering-or-none
run sed -i '1s/.*/# 4．存在问题/' sections/annual-4-problems.md
run sed -i '1d' sections/annual-5-next.md
passes TIC17-HDG-03

=== sec-04
# 六（四）年度建设情况: the progress of the key tasks is the report's content
run rm sections/annual-2-tasks.md
exit 1
fires TIC17-SEC-04
expect-text error [TIC17-SEC-04]

=== sec-04-one-character-short
# present but below the suggested length: a warning, not an error
run printf '# 二、重点建设任务进展\n\n## （一）技术研发和产业化\n\n中心围绕高比例可再生能源接入和特高压输电的技术瓶颈组织联合攻关，柔性直流换流阀和智能变电站二次设备完成样机研制并进入中试阶段。\n\n## （二）创新型产业集群\n\n中心牵头的智能电网产业技术创新战略联盟吸纳上下游企业和高校院所，开展标准研制和示范应用，带动区域输变电装备产业集群发展。\n\n## （三）创新创业\n\n中心建成智能电网专业化众创空间，建立概念验证、中试熟化和孵化投资接续支持机制，为在孵企业提供检测验证和投融资对接服务。\n\n## （四）人才\n\n中心实施智电英才计划，面向全球公开招聘学科带头人和青年骨干，与共建高校联合培养工程硕士和博士研究生，推行项目制团队管理。\n\n## （五）体制机制\n\n中心在运营管理、项目实施和资金投入等方面推进改革，重大攻关项目面向联盟成员公开征集、竞争择优，并试行项目经理负责制\n' > sections/annual-2-tasks.md
exit 0
fires TIC17-SEC-04
expect-text warning [TIC17-SEC-04]
expect-text (299/300 characters)

=== sec-04-twin-exactly-the-minimum
run printf '# 二、重点建设任务进展\n\n## （一）技术研发和产业化\n\n中心围绕高比例可再生能源接入和特高压输电的技术瓶颈组织联合攻关，柔性直流换流阀和智能变电站二次设备完成样机研制并进入中试阶段。\n\n## （二）创新型产业集群\n\n中心牵头的智能电网产业技术创新战略联盟吸纳上下游企业和高校院所，开展标准研制和示范应用，带动区域输变电装备产业集群发展。\n\n## （三）创新创业\n\n中心建成智能电网专业化众创空间，建立概念验证、中试熟化和孵化投资接续支持机制，为在孵企业提供检测验证和投融资对接服务。\n\n## （四）人才\n\n中心实施智电英才计划，面向全球公开招聘学科带头人和青年骨干，与共建高校联合培养工程硕士和博士研究生，推行项目制团队管理。\n\n## （五）体制机制\n\n中心在运营管理、项目实施和资金投入等方面推进改革，重大攻关项目面向联盟成员公开征集、竞争择优，并试行项目经理负责制。\n' > sections/annual-2-tasks.md
passes TIC17-SEC-04 TIC17-SEC-02

=== sec-02
# 五（三）项目实施 left out of 三、治理结构与管理机制
run sed -i 's/^## （三）项目实施$/## （三）科研组织/' sections/annual-3-governance.md
fires TIC17-SEC-02
expect-text sub-item "Project implementation" is missing

=== sec-02-twin-bare-sub-heading
run sed -i 's/^## （三）项目实施$/#### 项目实施/' sections/annual-3-governance.md
passes TIC17-SEC-02

=== date-01
# 三（二）一般以三年为建设周期 (a warning): the cycle ends on the third anniversary
run xedit centre.xml set /centre/dates/cycle/@end 2021-07-01
fires TIC17-DATE-01
expect-text the construction cycle ends on 2021-07-01, more than three years

=== date-01-twin-three-years-less-a-day
passes TIC17-DATE-01

=== id-04
# 五（一）原则上应为独立法人实体 (a warning): run without legal personality,
# with its own staff, money and assets
run xedit centre.xml set /centre/identity/legal-form 非法人实体化
fires TIC17-ID-04
passes TIC17-ID-05
expect-text should in principle be a legal entity: it is "非法人实体化"

=== id-04-twin
passes TIC17-ID-04

=== id-05
# 五（一）目前尚不具备条件的，先行实现人、财、物相对独立的管理机制
run xedit centre.xml set /centre/identity/legal-form 非法人实体化 set /centre/identity/accounting/@independent false
exit 1
fires TIC17-ID-05
expect-text runs without legal personality but states no separate management

=== id-05-no-proof
# the mechanism is what 五（一） asks for; its proof is practice (info)
run xedit centre.xml set /centre/identity/legal-form 非法人实体化 del /centre/identity/accounting/@evidence
exit 0
fires TIC17-ID-09
passes TIC17-ID-05
expect-text info [TIC17-ID-09]

=== id-09-twin-proof-cited
run xedit centre.xml set /centre/identity/legal-form 非法人实体化
passes TIC17-ID-09 TIC17-ID-05

=== id-09-twin-not-independent
# no separate management stated: nothing to prove (TIC17-ID-05's matter)
run xedit centre.xml set /centre/identity/accounting/@independent false del /centre/identity/accounting/@evidence
passes TIC17-ID-09

=== id-05-twin-legal-entity
# a legal entity needs no separate arrangement
run xedit centre.xml set /centre/identity/accounting/@independent false
passes TIC17-ID-05

=== gov-01
# 五（二）设立董事会或理事会: no board meeting in 2019
run xedit centre.xml set "/centre/meetings/meeting[@body='董事会'][1]/@date" 2018-12-31 set "/centre/meetings/meeting[@body='董事会'][2]/@date" 2020-01-01
fires TIC17-GOV-01
expect-text no board meeting is recorded in the report year

=== gov-01-twin-a-council
# 董事会或理事会: the other branch
run xedit centre.xml set "/centre/meetings/meeting[@body='董事会']/@body" 理事会
passes TIC17-GOV-01

=== gov-01-twin-31-december
run xedit centre.xml del "/centre/meetings/meeting[@body='董事会'][1]" set "/centre/meetings/meeting[@body='董事会']/@date" 2019-12-31
passes TIC17-GOV-01

=== gov-02
run xedit centre.xml del "/centre/meetings/meeting[@body='专家委员会']"
fires TIC17-GOV-02
expect-text no expert committee meeting is recorded in the report year

=== gov-02-twin-1-january
run xedit centre.xml del "/centre/meetings/meeting[@body='专家委员会'][2]" set "/centre/meetings/meeting[@body='专家委员会']/@date" 2019-01-01
passes TIC17-GOV-02

=== fund-01
# 五（五）企业承担主要投入责任 (a warning): local funds raised by 7,182.26 万元,
# so the host company's own funds and private capital (17,918.75) fall just
# under half of 35,837.51
run xedit centre.xml inc "/centre/funding/source[@kind='地方财政资金']" 7182.26 inc /centre/funding/total 7182.26 inc "//indicators/value[@id='local_funds']" 7182.26 inc "//indicators/value[@id='total_investment']" 7182.26
fires TIC17-FUND-01
passes TIC17-SUM-01 TIC17-SUM-02 TIC17-SUM-04
expect-text is 49.99% of all funds, less than half (50%)

=== fund-01-twin-exactly-half
run xedit centre.xml inc "/centre/funding/source[@kind='地方财政资金']" 7182.25 inc /centre/funding/total 7182.25 inc "//indicators/value[@id='local_funds']" 7182.25 inc "//indicators/value[@id='total_investment']" 7182.25
passes TIC17-FUND-01 TIC17-SUM-01 TIC17-SUM-02 TIC17-SUM-04

=== tab-04
# info: a non-zero figure with no evidence
run xedit centre.xml del "//indicators/value[@id='standards_led']/@evidence"
fires TIC17-TAB-04
expect-text "Standards led" is 6 项 with no evidence cited

=== tab-04-twin-zero
run xedit centre.xml del "//indicators/value[@id='first_of_kind_products']/@evidence" set "//indicators/value[@id='first_of_kind_products']" 0
passes TIC17-TAB-04
