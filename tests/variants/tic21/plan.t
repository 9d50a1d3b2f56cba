# 国科发区〔2021〕17号 at the plan stage (第十六条第三项, 第十七条第五项): the
# sample centre during cultivation, submitting its construction and operation
# plan with the six contents of 第十七条第五项, its targets (考核指标) and a
# three-year cycle. Each rule's seeded defect and its boundary twin.
base most-tic-2021
run xedit centre.xml set /centre/@stage plan set /centre/identity/status 培育期 del /centre/dates/approved set /centre/dates/cycle/@start 2026-07-01 set /centre/dates/cycle/@end 2029-06-30 del /centre/submissions/submission add /centre/submissions '<submission document="plan" date="2026-05-20"/>'
run rm sections/annual-*.md
run printf '# 一、发展目标\n\n到二〇二九年，中心建成具有国际影响力的新型储能技术创新高地，突破固态电池、长时液流电池、钠离子电池和储能系统安全等方向一批关键核心技术，形成支撑新型电力系统建设的技术供给能力，培育一批科技型中小企业，带动长三角储能产业集群迈向中高端。\n' > sections/plan-1-goals.md
run printf '# 二、重点任务\n\n一是实施高安全固态锂电池关键技术攻关；二是建设长时液流电池储能系统集成与示范工程；三是推进低成本钠离子电池材料与电池产业化；四是建设储能电站安全预警与数字化运维平台；五是建设概念验证与中试熟化公共服务平台，面向行业企业开放共享。\n' > sections/plan-2-tasks.md
run printf '# 三、管理运行机制\n\n中心实行理事会决策、中心主任负责、专家委员会咨询的管理体制，以独立法人实体运行，建立固定与流动相结合的人员聘用制度和市场化的绩效评价与收入分配激励机制，全面落实科技成果转化奖励、股权分红激励等政策措施，实行独立核算。\n' > sections/plan-3-mechanism.md
run printf '# 四、保障措施\n\n江苏省和常州市在政策、土地和经费等方面给予支持，依托单位和参建单位按协议出资，积极引导社会资本共同支持中心建设。\n' > sections/plan-4-safeguards.md
run printf '# 五、工作进度\n\n第一年完成法人实体化运行和中试线建设，第二年完成攻关中期目标，第三年完成全部建设任务并接受绩效评估。\n' > sections/plan-5-schedule.md
run printf '# 六、考核指标\n\n考核指标包括研发人员规模、研发经费支出、国家级科研任务、专利申请、主持制定标准、成果转化收入和孵化企业等，逐年分解。\n' > sections/plan-6-indicators.md

=== base-is-complete
expect

=== doc-06
# the plan stage without the plan: only the data table
run xedit centre.xml set /centre/submissions/submission/@document evaluation-table
exit 1
fires TIC21-DOC-06
expect-text the plan stage must include Construction and operation plan

=== doc-06-twin-with-the-data-table
run xedit centre.xml add /centre/submissions '<submission document="evaluation-table" date="2026-05-20"/>'
passes TIC21-DOC-06

=== sec-03-schedule-49-characters
# 第十七条第五项 工作进度: 50 characters needed
run printf '# 五、工作进度\n\n第一年完成法人实体化运行和中试线建设，第二年完成攻关中期目标，第三年完成全部建设任务并接受绩效评估\n' > sections/plan-5-schedule.md
exit 0
fires TIC21-SEC-03
expect-text (49/50 characters)
expect-text warning [TIC21-SEC-03]

=== sec-03-twin-schedule-50-characters
passes TIC21-SEC-03

=== sec-03-safeguards-missing
run rm sections/plan-4-safeguards.md
exit 1
fires TIC21-SEC-03
expect-text 四、保障措施 is missing

=== hdg-02
run sed -i '1s/.*/# 六、绩效指标/' sections/plan-6-indicators.md
exit 1
fires TIC21-HDG-02
expect-text is headed "六、绩效指标"

=== hdg-02-sections-swapped
# 工作进度 written in the file of 保障措施: the heading gives it away
run sed -i '1s/.*/# 四、工作进度/' sections/plan-4-safeguards.md
exit 1
fires TIC21-HDG-02

=== hdg-02-twin-arabic-number
run sed -i '1s/.*/# 6. 考核指标/' sections/plan-6-indicators.md
passes TIC21-HDG-02

=== plan-01
# 第十七条第五项 考核指标: the plan sets none
run xedit centre.xml del /centre/targets
exit 0
fires TIC21-PLAN-01
expect-text the plan has no quantified indicators
expect-text warning [TIC21-PLAN-01]

=== plan-01-twin-one-target
run xedit centre.xml del "/centre/targets/target[position() > 1]"
passes TIC21-PLAN-01

=== plan-02
# 第十七条第五项: 一般以三年为周期 (a warning); start + 3 years is one day too many
run xedit centre.xml set /centre/dates/cycle/@end 2029-07-01
fires TIC21-PLAN-02
expect-text the cycle ends on 2029-07-01, more than three years on (three years end on 2029-06-30)

=== plan-02-twin-three-years-less-a-day
passes TIC21-PLAN-02

=== plan-02-twin-shorter-cycle
run xedit centre.xml set /centre/dates/cycle/@end 2028-06-30
passes TIC21-PLAN-02

=== plan-03
# 第十六条第三项 筹建理事会: no board meeting recorded at all
run xedit centre.xml del "/centre/meetings/meeting[@body='理事会']"
fires TIC21-PLAN-03
expect-text no preparation of the board is recorded

=== plan-03-twin-one-preparatory-board-meeting
run xedit centre.xml del "/centre/meetings/meeting[@body='理事会']" add /centre/meetings '<meeting body="筹建理事会" date="2026-04-16" topic="筹建理事会第一次会议：审议建设运行方案（草案）"/>'
passes TIC21-PLAN-03

=== id-05
# 第十六条第三项: preparing operation as a legal entity (a warning during cultivation)
run xedit centre.xml set /centre/identity/legal-form 非法人实体化
fires TIC21-ID-05
passes TIC21-ID-04
expect-text info [TIC21-ID-05]

=== id-05-twin
passes TIC21-ID-05

=== plan-02-leap-day-start
# a cycle from 29 February: three years later there is no 29 February
run xedit centre.xml set /centre/dates/cycle/@start 2028-02-29 set /centre/dates/cycle/@end 2031-03-01
fires TIC21-PLAN-02

=== plan-02-twin-leap-day-start
# 2028-02-29 … 2031-02-28: three years to the day before the anniversary
run xedit centre.xml set /centre/dates/cycle/@start 2028-02-29 set /centre/dates/cycle/@end 2031-02-28
passes TIC21-PLAN-02

=== plan-02-twin-into-a-leap-february
# 2025-03-01 … 2028-02-29: the last day of February 2028 ends the third year
run xedit centre.xml set /centre/dates/cycle/@start 2025-03-01 set /centre/dates/cycle/@end 2028-02-29
passes TIC21-PLAN-02

=== plan-02-into-a-leap-february-and-a-day
run xedit centre.xml set /centre/dates/cycle/@start 2025-03-01 set /centre/dates/cycle/@end 2028-03-01
fires TIC21-PLAN-02

=== team-02-plan
# 第十五条第五项 holds for the plan too: no technical leader named
run xedit centre.xml del /centre/identity/tech-leader
exit 0
fires TIC21-TEAM-02
expect-text warning [TIC21-TEAM-02]

=== team-02-plan-twin
passes TIC21-TEAM-02
