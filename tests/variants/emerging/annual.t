# 1748号 第二十二条第二款: by the end of February the supervising unit reports
# the previous year's construction, operation and key indicators. Shared
# setup: the sample centre's 2025 annual report, with the data table for the
# calendar year 2025, submitted on 2026-02-26.
base ndrc-emerging-2025
args --as-of 2026-02-26
run xedit centre.xml set /centre/@stage annual set "/centre/submissions/submission[@document='summary-report']/@document" annual-report set /centre/submissions/submission/@date 2026-02-26
run xedit centre.xml set /centre/indicators/@period-start 2025-01-01 set /centre/indicators/@period-end 2025-12-31
run rm sections/summary-*.md
run printf '# 一、基本情况\n\n合成生物制造国家新兴产业创新中心（筹）由天津国创合成生物制造创新中心有限公司承担建设，主管单位为天津市发展和改革委员会。2025年，中心围绕组建方案确定的七项组建任务推进建设，中试基地和分析检测中心全面投入运行，研发队伍持续扩大，股东会、董事会和专家委员会按章程履职，治理结构运转规范，各项建设任务按计划推进，年度建设资金足额到位。\n' > sections/annual-1-basic.md
run printf '# 二、年度建设运行情况和关键指标进展\n\n本年度中心建设运行总体平稳，组建方案确定的阶段发展目标均按进度推进，主要建设内容基本建成，运行质量稳步提升。\n\n## （一）关键指标进展\n\n研发人员、研发经费支出、发明专利申请、主持制定标准、概念验证和中试项目、孵化企业、成果转化收入等关键指标均达到年度计划，其中研发经费支出和成果转化收入较上年明显增长，中试验证项目数量超过年度目标，知识产权集中运营取得实效，关键指标数据详见运行评价数据表，数据均经专项审计确认，与财务报表一致。\n' > sections/annual-2-indicators.md
run printf '# 三、服务国家重大战略和支撑战略产业发展\n\n中心聚焦国家生物经济发展规划和制造业绿色低碳转型需要，承担国家重点研发计划合成生物学重点专项等国家级科研任务，突破非粮生物质高效转化、酶蛋白智能设计和高密度连续发酵等关键技术，支撑依克多因、阿洛酮糖和聚羟基脂肪酸酯等战略性产品实现国产化替代，带动天津及京津冀合成生物制造产业集群发展，为生物制造产业链供应链安全稳定提供了技术支撑，服务国家重大战略能力进一步增强，生物制造产业链自主可控水平持续显著提升。\n' > sections/annual-3-strategy.md
run printf '# 四、创新生态构建\n\n中心牵头组建合成生物制造创新联盟，联合高校、科研院所、产业链上下游企业和投资机构开展协同创新，建立概念验证、中试熟化、孵化投资一体化的创新服务体系，发起设立合成生物产业投资基金，与地方政府共建合成生物产业园，吸引一批创新型企业集聚发展，区域创新生态逐步完善，联盟成员之间的技术交流和项目合作日益活跃。\n' > sections/annual-4-ecosystem.md
run printf '# 五、科技成果转化\n\n中心建立科技成果转化收益分配办法，研发团队可获得转化净收益的较高比例，通过专利许可、技术转让、作价入股和孵化企业等多种方式推动成果落地，知识产权池运营成效明显，一批菌株、酶制剂和发酵工艺实现许可转让，多项中试成果进入产业化阶段，成果转化收入持续增长，形成了研发、中试、转化相互促进的良性循环，成效显著。\n' > sections/annual-5-transfer.md
run printf '# 六、平台开放共享\n\n中心制定开放共享管理办法，大型仪器设备、中试车间和菌种库向高校、科研院所和企业开放，建立线上预约和收费服务平台，为中小企业提供菌株构建、工艺放大、中试生产和检测分析等一站式服务，开放服务次数和服务收入稳步增长，用户满意度保持较高水平，平台开放共享的公共属性进一步凸显，有效降低了行业创新成本，深受好评。\n' > sections/annual-6-sharing.md
run printf '# 七、体制机制改革\n\n中心实行董事会领导下的主任负责制，建立多元股权结构和市场化运营机制，实施员工持股、项目跟投和双跨单聘等激励政策，推行项目经理负责制和以质量、绩效、贡献为导向的评价制度，完善科研项目经费包干和财务管理制度，体制机制改革持续深化，研发人员的积极性和创造性得到充分激发，运行效率明显提升，机制活力不断增强。\n' > sections/annual-7-reform.md
run printf '# 八、存在问题与下一年度工作计划\n\n中心的发展仍面临一些困难，需要在下一年度重点加以解决。\n\n## （一）存在问题\n\n一是中试平台的满负荷运行带来设备维护压力，二是高端复合型人才仍然短缺，三是部分孵化企业融资渠道单一。\n\n## （二）下一年度工作计划\n\n下一年度中心将完成分析检测中心资质认定，推进中试平台二期建设，引进高层次人才，扩大知识产权运营规模，认真做好筹建期总结和申请正式确认的各项准备工作。\n' > sections/annual-8-plan.md

=== annual-report-is-complete
expect

=== doc-03
run xedit centre.xml del "/centre/submissions/submission[@document='annual-report']"
run rm sections/annual-*.md
exit 1
fires EMG-DOC-03

=== doc-03-twin-report-without-data-table
run xedit centre.xml del "/centre/submissions/submission[@document='evaluation-table']"
passes EMG-DOC-03

=== sec-03-one-character-short
run sed -i 's/机制活力不断增强。/机制活力不断增强/' sections/annual-7-reform.md
fires EMG-SEC-03
expect-text (149/150 characters)

=== sec-03-twin-exactly-the-minimum
passes EMG-SEC-03

=== sec-03-missing
# a section of the recommended structure may be left out
run rm sections/annual-6-sharing.md
passes EMG-SEC-03

=== sec-04
run sed -i 's/^## （二）下一年度工作计划/## （二）下一步打算/' sections/annual-8-plan.md
fires EMG-SEC-04

=== sec-04-twin-the-shorter-word
run sed -i 's/^## （二）下一年度工作计划/## （二）2026年计划/' sections/annual-8-plan.md
passes EMG-SEC-04

=== date-07-first-of-march
run xedit centre.xml set /centre/submissions/submission/@date 2026-03-01
exit 1
fires EMG-DATE-07
expect-text due before 2026-03-01

=== date-07-twin-28-february
run xedit centre.xml set /centre/submissions/submission/@date 2026-02-28
passes EMG-DATE-07

=== date-07-leap-year-first-of-march
# the 2027 report is due by 29 February 2028
run xedit centre.xml set /centre/dates/report-year 2027 set /centre/indicators/@period-start 2027-01-01 set /centre/indicators/@period-end 2027-12-31
run xedit centre.xml set /centre/identity/status 运行期 set /centre/identity/name 合成生物制造国家新兴产业创新中心
run xedit centre.xml set /centre/submissions/submission/@date 2028-03-01
args --as-of 2028-03-01
exit 1
fires EMG-DATE-07
expect-text due before 2028-03-01

=== date-07-twin-leap-year-29-february
run xedit centre.xml set /centre/dates/report-year 2027 set /centre/indicators/@period-start 2027-01-01 set /centre/indicators/@period-end 2027-12-31
run xedit centre.xml set /centre/identity/status 运行期 set /centre/identity/name 合成生物制造国家新兴产业创新中心
run xedit centre.xml set /centre/submissions/submission/@date 2028-02-29
args --as-of 2028-02-29
passes EMG-DATE-07 EMG-PER-01

=== date-07-not-sent-by-the-as-of-day
run xedit centre.xml del /centre/submissions/submission/@date
args --as-of 2026-03-01
exit 1
fires EMG-DATE-07
expect-text (as-of date)

=== date-07-twin-not-sent-yet-on-the-last-day
run xedit centre.xml del /centre/submissions/submission/@date
args --as-of 2026-02-28
passes EMG-DATE-07

=== per-01-cumulative-figures
# the confirmation sample's cumulative period is not the report year
run xedit centre.xml set /centre/indicators/@period-start 2023-04-01
exit 1
fires EMG-PER-01

=== per-01-a-day-short
run xedit centre.xml set /centre/indicators/@period-end 2025-12-30
exit 1
fires EMG-PER-01

=== per-01-twin-the-whole-report-year
passes EMG-PER-01

=== sec-12
# 第二十二条第二款 上一年度建设运行情况和关键指标进展: the section itself is missing
run rm sections/annual-2-indicators.md
exit 1
fires EMG-SEC-12
expect-text error [EMG-SEC-12]

=== sec-12-one-character-short
# present but a character below the suggested length: a warning
run sed -i 's/与财务报表一致。/与财务报表一致/' sections/annual-2-indicators.md
exit 0
fires EMG-SEC-12
expect-text warning [EMG-SEC-12]
expect-text (199/200 characters)

=== sec-12-twin-exactly-the-minimum
passes EMG-SEC-12

=== sec-13
# 关键指标进展 is what the article names: its sub-heading is gone
run sed -i 's/^## （一）关键指标进展$/## （一）年度进展/' sections/annual-2-indicators.md
exit 1
fires EMG-SEC-13
passes EMG-SEC-12
expect-text error [EMG-SEC-13]

=== sec-13-heading-without-text
run sed -i '/^研发人员、研发经费支出/d' sections/annual-2-indicators.md
exit 1
fires EMG-SEC-13

=== sec-13-twin-bare-sub-heading
run sed -i 's/^## （一）关键指标进展$/#### 关键指标/' sections/annual-2-indicators.md
passes EMG-SEC-13

=== hdg-06
# the article's section headed otherwise: an error
run sed -i '1s/.*/# 二、年度工作总结/' sections/annual-2-indicators.md
exit 1
fires EMG-HDG-06
passes EMG-HDG-05
expect-text error [EMG-HDG-06]
expect-text is headed "二、年度工作总结"

=== hdg-06-another-sections-heading
run sed -i '1s/.*/# 一、基本情况/' sections/annual-2-indicators.md
exit 1
fires EMG-HDG-06

=== hdg-06-twin-other-numbering
run sed -i '1s/.*/# 2. 年度建设运行情况和关键指标进展/' sections/annual-2-indicators.md
passes EMG-HDG-06

=== hdg-05
# a section of the recommended structure: info, and not EMG-HDG-06's
run sed -i '1s/.*/# 四、创新生态/' sections/annual-4-ecosystem.md
exit 0
fires EMG-HDG-05
passes EMG-HDG-06
expect-text info [EMG-HDG-05]
expect-text is headed "四、创新生态"

=== hdg-05-twin-other-numbering-or-none
run sed -i '1s/.*/# 四．创新生态构建/' sections/annual-4-ecosystem.md
run sed -i '1d' sections/annual-8-plan.md
passes EMG-HDG-05
