# 国科发区〔2021〕17号 at the application stage: a 领域类 centre's statement of
# intent (第十六条第二项) setting out the five conditions of 第十五条, built on
# the sample: the same centre before approval, with the intent's sections.
# Each rule's seeded defect and its boundary twin; also 第三十四条 (in force
# from 2021-02-10) on the date of the intent.
base most-tic-2021
run xedit centre.xml set /centre/@stage apply set /centre/identity/status 申报 del /centre/dates/approved del /centre/dates/cycle del /centre/submissions/submission add /centre/submissions '<submission document="intent" date="2026-03-20"/>'
run rm sections/annual-*.md
run printf '# 一、建设布局\n\n中心建设布局紧密对接国家“双碳”战略和新型电力系统建设重大任务部署，聚焦新型储能这一事关国家长远发展、影响产业安全、参与全球竞争的关键技术领域。储能是构建新型电力系统的关键支撑，全球储能产业正由示范走向规模化应用，固态电池、长时液流电池、钠离子电池等技术路线竞争激烈，建设布局符合全球产业与技术创新发展趋势。\n' > sections/intent-1-layout.md
run printf '# 二、建设主体与建设力量\n\n建设主体单位常州国家先进储能技术创新中心有限公司在储能领域科技创新优势突出、代表性强，改革创新积极性高。建设力量集聚苏南理工大学、江苏省储能材料研究院、常州锂源动力科技股份有限公司、江苏恒储电力装备有限公司等该领域科研优势突出的高校、科研院所和骨干企业，各方以出资、人员派驻、设施共享和知识产权共有等方式形成分工明确、利益紧密捆绑的协同合作关系，共同开展协同攻关与成果转化。\n' > sections/intent-2-builders.md
run printf '# 三、牵头地方的科教优势、产业基础和市场需求\n\n江苏省在储能领域具有突出的科教优势、产业基础和市场需求。省内集聚了电化学、材料科学与电气工程等优势学科和一批国家级科研平台；常州已形成从正负极材料、电解液、隔膜到电芯制造、储能系统集成的完整产业链，储能产业规模居全国前列；全省新型储能装机需求持续快速增长，符合国家在长三角地区布局的重点科技和产业领域。\n' > sections/intent-3-region.md
run printf '# 四、技术目标与攻关任务\n\n围绕新型储能产业链梳理“卡脖子”技术和“长板”技术，凝练提出以下技术创新目标和攻关任务，重点解决储能安全、寿命和成本等行业重大关键技术问题。\n\n## （一）短期目标\n\n一年内建成固态电池干法电极中试线和储能安全检测平台，突破硫化物固态电解质规模化制备技术。\n\n## （二）中期目标\n\n三年内使单体电芯能量密度达到每千克四百瓦时以上、循环寿命达到一千次以上，建成百兆瓦时级长时液流电池示范工程。\n\n## （三）长期目标\n\n十年内形成自主可控的新型储能技术体系，支撑储能系统度电成本大幅下降，引领全球储能产业技术进步。\n' > sections/intent-4-targets.md
run printf '# 五、人才团队与运营管理负责人\n\n中心集聚本领域知名技术带头人周敏教授等一批高层次人才，已形成稳定的全职全时核心技术团队、专业化的技术支撑服务团队以及成果转化应用团队。聘用具有丰富科研和管理经验的沈建华研究员作为中心运营管理主要负责人，全职在中心工作，负责日常运营管理，建立市场化的选人用人和绩效激励机制。\n' > sections/intent-5-team.md

=== base-is-complete
# the statement of intent as built above is complete: nothing to report
expect

=== doc-05
# 第十六条第二项: the application is the statement of intent; a data table alone is not
run xedit centre.xml set /centre/submissions/submission/@document evaluation-table
exit 1
fires TIC21-DOC-05 CORE-DOCUMENT
expect-text a statement of intent must include Statement of intent

=== doc-05-twin
passes TIC21-DOC-05

=== sec-05-layout-99-characters
# 第十五条第一项 in 一、建设布局: 100 characters needed, 99 given
run printf '# 一、建设布局\n\n中心建设布局紧密对接国家“双碳”战略和新型电力系统建设重大任务部署，聚焦新型储能这一事关国家长远发展、影响产业安全、参与全球竞争的关键技术领域，固态电池技术路线竞争激烈，符合全球产业技术创新的趋势。\n' > sections/intent-1-layout.md
exit 0
fires TIC21-SEC-05
expect-text (99/100 characters)
expect-text warning [TIC21-SEC-05]

=== sec-05-twin-layout-100-characters
run printf '# 一、建设布局\n\n中心建设布局紧密对接国家“双碳”战略和新型电力系统建设重大任务部署，聚焦新型储能这一事关国家长远发展、影响产业安全、参与全球竞争的关键技术领域，固态电池技术路线竞争激烈，布局符合全球产业技术创新趋势。\n' > sections/intent-1-layout.md
passes TIC21-SEC-05

=== sec-05-region-missing
# 第十五条第三项: the lead region's strengths not set out at all
run rm sections/intent-3-region.md
exit 1
fires TIC21-SEC-05
expect-text is missing (0/100 characters)

=== hdg-01
run sed -i '1s/.*/# 三、牵头地方的优势/' sections/intent-3-region.md
exit 1
fires TIC21-HDG-01
expect-text is headed "三、牵头地方的优势"

=== hdg-01-twin-spacing-and-numbering
# white space and another numbering of the same heading
run sed -i '1s/.*/# 三． 牵头地方的科教优势、产业基础 和 市场需求/' sections/intent-3-region.md
passes TIC21-HDG-01

=== sec-06
# 第十五条第四项: short-, medium- and long-term goals; the long term is left out
run sed -i '/^## （三）长期目标$/,$d' sections/intent-4-targets.md
exit 1
fires TIC21-SEC-06
expect-text the sub-item "Long-term goals" is missing

=== sec-06-heading-without-text
run sed -i '/^## （三）长期目标$/,$d' sections/intent-4-targets.md
run printf '## （三）长期目标\n' >> sections/intent-4-targets.md
exit 1
fires TIC21-SEC-06
expect-text has no text under its heading

=== sec-06-twin-bare-sub-heading
run sed -i 's/^## （三）长期目标$/### 长期/' sections/intent-4-targets.md
passes TIC21-SEC-06

=== app-01
# 第十二条: a comprehensive centre is laid out top-down, not proposed by its builders
run xedit centre.xml set /centre/identity/category 综合类 set /centre/identity/name 长三角国家技术创新中心 set /centre/identity/name-en "Yangtze River Delta National Center of Technology Innovation"
fires TIC21-APP-01
expect-text comprehensive centres are laid out top-down

=== app-01-twin
passes TIC21-APP-01

=== team-01
# 第十五条第五项: no full-time core technical staff (the director a manager,
# the researchers on the list all part-time)
run xedit centre.xml set "/centre/staff/person[@id='P01']/@rd" false inc /centre/staff/@others-rd 1 set "/centre/staff/person[@id!='P01'][not(@rd='false')]/@fulltime" false
exit 1
fires TIC21-TEAM-01
expect-text the staff list has no full-time core technical staff

=== team-01-twin-one-full-time-researcher
run xedit centre.xml set "/centre/staff/person[@id='P01']/@rd" false inc /centre/staff/@others-rd 1 set "/centre/staff/person[@id!='P01'][@id!='P02'][not(@rd='false')]/@fulltime" false
passes TIC21-TEAM-01

=== eff-01
# 第三十四条: in force from its issue, 2021-02-10; an intent dated the day before is not under it
run xedit centre.xml set /centre/dates/report-year 2020 set /centre/submissions/submission/@date 2021-02-09
exit 1
fires TIC21-EFF-01
expect-text the submission date 2021-02-09 is before the scheme took effect (2021-02-10)

=== eff-01-twin-first-day
run xedit centre.xml set /centre/dates/report-year 2020 set /centre/submissions/submission/@date 2021-02-10
passes TIC21-EFF-01

=== team-02
# 第十五条第五项 知名的技术带头人: the intent names none (a warning: 知名 is
# the experts' judgement, the tool only sees that nobody is named)
run xedit centre.xml del /centre/identity/tech-leader
exit 0
fires TIC21-TEAM-02
expect-text warning [TIC21-TEAM-02]

=== team-02-twin
passes TIC21-TEAM-02
