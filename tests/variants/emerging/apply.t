# 1748号 第十五条 and 第十四条第二款 at the formation-plan stage: the plan's
# sections and the functions and mechanisms it must name, measurable stage
# goals, a legal-person company (第六条). Shared setup: the sample centre as
# it applied, with a formation plan instead of the summary report.
base ndrc-emerging-2025
run xedit centre.xml set /centre/@stage apply set /centre/identity/status 申报 set /centre/identity/name 合成生物制造国家新兴产业创新中心
run xedit centre.xml del /centre/dates/approved del /centre/dates/incubation del "/centre/submissions/submission[@document='evaluation-table']"
run xedit centre.xml set /centre/submissions/submission/@document plan set /centre/submissions/submission/@date 2026-03-10
run rm sections/summary-*.md
run printf '# 一、目标定位与阶段发展目标\n\n中心定位于合成生物制造领域的共性关键技术研发、工程化验证和成果转化，打通菌株设计、工艺放大到产品上市的创新链条。筹建期三年的阶段目标为：研发人员不少于150人，建设与运行经费投入不少于8.5亿元，主持制定标准不少于3项，孵化企业不少于6家，各项目标均有量化指标和年度分解。\n' > sections/plan-1-positioning.md
run printf '# 二、基础条件与领军人才、创新团队\n\n依托牵头单位和共建单位已有的菌种库、酶元件库和中试基地组建，拥有国家级领军人才4人、研发骨干120余人，具备从分子设计、菌株构建、发酵工艺开发到分离纯化中试的完整研究、开发和试验条件，已承担国家重点研发计划项目多项。\n' > sections/plan-2-basis.md
run printf '# 三、组建资金、人才规模与设施投入\n\n组建资金8.5亿元，其中中央预算内投资1.2亿元、地方财政资金1.85亿元、其余5.45亿元由依托单位自筹并吸引社会资本投入；研发人员规模150人以上，研发与中试场地3万平方米以上，科研仪器设备原值2.6亿元以上，规模显著高于行业内现有的国家级科技创新平台。\n' > sections/plan-3-scale.md
run printf '# 四、组织体系\n\n## （一）技术研发与产品开发\n\n设技术研发部、产品开发部，负责共性关键技术攻关和产品工艺开发。\n\n## （二）成果转化与商业化\n\n设成果转化中心，负责概念验证、中试放大和商业化推广。\n\n## （三）创业投资与孵化\n\n设孵化与投资部，联合产业投资基金开展创业投资和企业孵化。\n\n## （四）知识产权管理与运营\n\n设知识产权运营部，建设专利池并开展许可和转让。\n' > sections/plan-4-organisation.md
run printf '# 五、运行机制\n\n中心建立符合合成生物制造行业特点的运行机制，主要包括以下三项。\n\n## （一）人才激励机制\n\n实行股权激励、项目分红和双跨单聘，向研发人员倾斜。\n\n## （二）成果共享机制\n\n共建单位按出资和贡献共享知识产权收益，约定成果归属。\n\n## （三）协同创新机制\n\n与高校、院所和产业链企业组建创新联合体，协同承担国家任务。\n' > sections/plan-5-mechanism.md
run printf '# 六、法人企业组建与股权结构\n\n天津国创合成生物制造创新中心有限公司为独立法人企业，牵头单位控股，共建单位和社会资本参股，股权多元。\n' > sections/plan-6-legal.md

=== plan-is-complete
expect

=== doc-05
run xedit centre.xml set /centre/submissions/submission/@document evaluation-table
exit 1
fires EMG-DOC-05

=== doc-05-twin
passes EMG-DOC-05

=== sec-05-one-character-short
run sed -i 's/股权多元。/股权多元/' sections/plan-6-legal.md
exit 0
fires EMG-SEC-05
expect-text (49/50 characters)
expect-text warning [EMG-SEC-05]

=== sec-05-twin-exactly-the-minimum
passes EMG-SEC-05


=== sec-05-missing
run rm sections/plan-3-scale.md
exit 1
fires EMG-SEC-05

=== sec-06
run sed -i 's/^## （三）创业投资与孵化/## （三）投资与培育/' sections/plan-4-organisation.md
exit 1
fires EMG-SEC-06

=== sec-06-heading-without-text
run sed -i '/^## （二）协同创新机制/d; /^## （三）协同创新机制/,$d' sections/plan-5-mechanism.md
run printf '\n## （三）协同创新机制\n' >> sections/plan-5-mechanism.md
exit 1
fires EMG-SEC-06

=== sec-06-twin-either-word-of-the-item
run sed -i 's/^## （三）创业投资与孵化/## （三）企业孵化/' sections/plan-4-organisation.md
passes EMG-SEC-06

=== plan-01
run xedit centre.xml del /centre/targets
exit 1
fires EMG-PLAN-01

=== plan-01-twin-one-measurable-goal
run xedit centre.xml del "/centre/targets/target[position() > 1]"
passes EMG-PLAN-01

=== plan-02
# 第七条 says 一般: not yet a company at the plan stage is a warning (EMG-O-06 is the lead unit's duty)
run xedit centre.xml set /centre/identity/legal-form 非法人实体化
exit 0
passes EMG-PLAN-03
fires EMG-ID-04

=== plan-02-twin
run xedit centre.xml set /centre/identity/legal-form 独立法人
passes EMG-PLAN-02 EMG-ID-04

=== hdg-01
# 第十四条第二款（五）组织体系: the file is headed otherwise
run sed -i '1s/.*/# 四、组织机构/' sections/plan-4-organisation.md
exit 1
fires EMG-HDG-01
expect-text error [EMG-HDG-01]
expect-text is headed "四、组织机构"

=== hdg-01-another-sections-heading
# the mechanisms written in the file of the organisation
run sed -i '1s/.*/# 五、运行机制/' sections/plan-4-organisation.md
exit 1
fires EMG-HDG-01

=== hdg-01-twin-other-numbering-or-none
run sed -i '1s/.*/# 4. 组织体系/' sections/plan-4-organisation.md
run sed -i '1s/.*/# 五．运行机制/' sections/plan-5-mechanism.md
run sed -i '1d' sections/plan-6-legal.md
passes EMG-HDG-01

=== plan-03
# 第二条第二款 原则上由行业龙头企业牵头: a research institute leads (a warning);
# the lead unit is the partner whose role says 牵头单位 (the host is the
# company it set up, 第七条)
run xedit centre.xml set "/centre/identity/partners/partner[contains(@role, '牵头单位')]/type" 科研院所
exit 0
fires EMG-PLAN-03
expect-text warning [EMG-PLAN-03]
expect-text the lead unit is of type "科研院所"

=== plan-03-twin
passes EMG-PLAN-03

=== plan-03-host-type-is-not-the-lead
# the host company's own type does not decide it when a lead unit is named
run xedit centre.xml set /centre/identity/host/type 科研院所
passes EMG-PLAN-03

=== plan-03-no-lead-named
# no partner is named the lead unit: the host is
run xedit centre.xml set "/centre/identity/partners/partner[contains(@role, '牵头单位')]/@role" 共建单位 set /centre/identity/host/type 高等院校
exit 0
fires EMG-PLAN-03
expect-text the lead unit is of type "高等院校"
