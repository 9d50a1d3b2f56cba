# 1748号 第二十三条: the operation evaluation every three years, measured
# against the formation plan, on the six areas and the indicators the text
# names (创新投入、研发人员、成果转化收入); 第二十三条第三款 lets a centre set up in
# the evaluation year stay out. Shared setup: the sample centre, confirmed,
# handing in its evaluation material for 2028 on 2029-03-20.
base ndrc-emerging-2025
args --as-of 2029-03-20
run xedit centre.xml set /centre/@stage evaluation set /centre/identity/status 运行期 set /centre/identity/name 合成生物制造国家新兴产业创新中心
run xedit centre.xml set "/centre/submissions/submission[@document='summary-report']/@document" evaluation-report set /centre/submissions/submission/@date 2029-03-20
run xedit centre.xml set /centre/dates/report-year 2028 set /centre/indicators/@period-start 2026-01-01 set /centre/indicators/@period-end 2028-12-31
run rm sections/summary-*.md
run printf '# 一、服务国家重大战略\n\n中心聚焦国家生物经济发展规划和制造业绿色低碳转型需要，承担国家重点研发计划合成生物学重点专项等国家级科研任务，突破非粮生物质高效转化、酶蛋白智能设计和高密度连续发酵等关键技术，支撑依克多因、阿洛酮糖和聚羟基脂肪酸酯等战略性产品实现国产化替代，带动天津及京津冀合成生物制造产业集群发展，为生物制造产业链供应链安全稳定提供了技术支撑，服务国家重大战略能力进一步增强，生物制造产业链自主可控水平持续显著提升。\n' > sections/eval-1-strategy.md
run printf '# 二、支撑战略产业发展\n\n中心围绕合成生物制造产业链关键环节开展共性技术供给，为行业企业提供菌株、酶制剂和工艺包，推动传统发酵企业技术改造升级，支撑一批生物基材料、功能糖和营养健康产品实现规模化生产，带动上下游企业协同发展，产业支撑作用明显增强。\n' > sections/eval-2-industry.md
run printf '# 三、创新生态构建\n\n中心牵头组建合成生物制造创新联盟，联合高校、科研院所、产业链上下游企业和投资机构开展协同创新，建立概念验证、中试熟化、孵化投资一体化的创新服务体系，发起设立合成生物产业投资基金，与地方政府共建合成生物产业园，吸引一批创新型企业集聚发展，区域创新生态逐步完善，联盟成员之间的技术交流和项目合作日益活跃。\n' > sections/eval-3-ecosystem.md
run printf '# 四、科技成果转化\n\n中心建立科技成果转化收益分配办法，研发团队可获得转化净收益的较高比例，通过专利许可、技术转让、作价入股和孵化企业等多种方式推动成果落地，知识产权池运营成效明显，一批菌株、酶制剂和发酵工艺实现许可转让，多项中试成果进入产业化阶段，成果转化收入持续增长，形成了研发、中试、转化相互促进的良性循环，成效显著。\n' > sections/eval-4-transfer.md
run printf '# 五、平台开放共享\n\n中心制定开放共享管理办法，大型仪器设备、中试车间和菌种库向高校、科研院所和企业开放，建立线上预约和收费服务平台，为中小企业提供菌株构建、工艺放大、中试生产和检测分析等一站式服务，开放服务次数和服务收入稳步增长，用户满意度保持较高水平，平台开放共享的公共属性进一步凸显，有效降低了行业创新成本，深受好评。\n' > sections/eval-5-sharing.md
run printf '# 六、体制机制改革\n\n中心实行董事会领导下的主任负责制，建立多元股权结构和市场化运营机制，实施员工持股、项目跟投和双跨单聘等激励政策，推行项目经理负责制和以质量、绩效、贡献为导向的评价制度，完善科研项目经费包干和财务管理制度，体制机制改革持续深化，研发人员的积极性和创造性得到充分激发，运行效率明显提升，机制活力不断增强。\n' > sections/eval-6-reform.md
run printf '# 七、组建方案目标对照\n\n对照组建方案，研发人员、研发投入、标准、孵化企业和成果转化收入等目标均已达到，详见目标值与完成值表。\n' > sections/eval-7-plan.md

=== evaluation-material-is-complete
expect

=== doc-04-no-data-table
run xedit centre.xml del "/centre/submissions/submission[@document='evaluation-table']"
exit 1
fires EMG-DOC-04

=== doc-04-no-report
run xedit centre.xml del "/centre/submissions/submission[@document='evaluation-report']"
run rm sections/eval-*.md
exit 1
fires EMG-DOC-04

=== doc-04-twin
passes EMG-DOC-04

=== sec-09-one-character-short
run sed -i 's/完成值表。/完成值表/' sections/eval-7-plan.md
fires EMG-SEC-09
expect-text (49/50 characters)

=== sec-09-twin-exactly-the-minimum
passes EMG-SEC-09

=== sec-09-an-area-left-out
run rm sections/eval-5-sharing.md
fires EMG-SEC-09

=== tab-01-innovation-input
run xedit centre.xml del "//indicators/value[@id='rd_expenditure']"
exit 1
fires EMG-TAB-01

=== tab-01-rd-staff
run xedit centre.xml del "//indicators/value[@id='rd_staff']"
exit 1
fires EMG-TAB-01

=== tab-01-commercialisation-income
run xedit centre.xml del "//indicators/value[@id='commercialization_income']"
exit 1
fires EMG-TAB-01
expect-text "Income from commercialising results" has no value

=== tab-01-twin-figure-typed-with-its-unit
run xedit centre.xml set "//indicators/value[@id='rd_expenditure']" 18,246.73万元 del "//indicators/value[@id='rd_expenditure']/@unit"
passes EMG-TAB-01

=== tab-07-target-missed-by-a-hundred-yuan
run xedit centre.xml set "/centre/targets/target[@field='commercialization_income']" 15926.81
fires EMG-TAB-07
expect-text actual 15,926.8 万元, target 15,926.81 万元

=== tab-07-twin-target-met-exactly
run xedit centre.xml set "/centre/targets/target[@field='commercialization_income']" 15926.80
passes EMG-TAB-07

=== tab-08
run xedit centre.xml del /centre/targets
fires EMG-TAB-08

=== tab-08-twin-one-target
run xedit centre.xml del "/centre/targets/target[position() > 1]"
passes EMG-TAB-08

=== new-01-set-up-in-the-evaluation-year
run xedit centre.xml set /centre/dates/approved 2028-01-01
fires EMG-NEW-01
expect-text (2028)

=== new-01-twin-set-up-the-year-before
run xedit centre.xml set /centre/dates/approved 2027-12-31
passes EMG-NEW-01

=== hdg-07
# 第二十三条 names the areas, not the material's layout: a warning
run sed -i '1s/.*/# 三、产业生态/' sections/eval-3-ecosystem.md
exit 0
fires EMG-HDG-07
expect-text warning [EMG-HDG-07]
expect-text is headed "三、产业生态"

=== hdg-07-twin-other-numbering-or-none
run sed -i '1s/.*/# 3. 创新生态构建/' sections/eval-3-ecosystem.md
run sed -i '1d' sections/eval-7-plan.md
passes EMG-HDG-07

=== eval-05
# 第二十四条: graded 不合格, and 不合格 again at the next evaluation (the
# confirmation evaluation before them is not an operation evaluation)
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2026-04-10" grade="通过" kind="确认评估"/><evaluation date="2026-12-20" grade="不合格" kind="运行评价"/><evaluation date="2028-12-20" grade="不合格" kind="运行评价"/></evaluations>'
exit 1
fires EMG-EVAL-05
expect-text error [EMG-EVAL-05]

=== eval-05-a-confirmation-listed-between
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2026-03-20" grade="不合格" kind="运行评价"/><evaluation date="2026-04-10" grade="通过" kind="确认评估"/><evaluation date="2028-12-20" grade="不合格" kind="运行评价"/></evaluations>'
exit 1
fires EMG-EVAL-05

=== eval-05-twin-passed-the-next-time
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2026-12-20" grade="不合格" kind="运行评价"/><evaluation date="2028-12-20" grade="合格" kind="运行评价"/></evaluations>'
passes EMG-EVAL-05

=== eval-05-twin-failed-after-passing
# 不合格, 合格, 不合格: only the last two count
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2024-12-20" grade="不合格" kind="运行评价"/><evaluation date="2026-12-20" grade="合格" kind="运行评价"/><evaluation date="2028-12-20" grade="不合格" kind="运行评价"/></evaluations>'
passes EMG-EVAL-05

=== eval-05-twin-confirmation-grades-ignored
# one operation evaluation failed; the failed confirmation before it is not one
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2026-04-10" grade="不合格" kind="确认评估"/><evaluation date="2028-12-20" grade="不合格" kind="运行评价"/></evaluations>'
passes EMG-EVAL-05

=== ast-06-evaluation
run xedit centre.xml del /centre/state-assets/final-accounts/@evidence
exit 0
fires EMG-AST-06
expect-text the state-asset step "final-accounts" cites no proof

=== ast-06-evaluation-twin
passes EMG-AST-06
