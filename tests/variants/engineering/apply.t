# 1747号 第十三条 and 第九条 at the apply stage (组建方案), built from the
# confirm sample: the applicant (status 申报, no （筹） yet, no incubation
# dates) submits the formation plan and the data table on 2026-06-15, with
# sections/plan-*.md; 第九条（二）至（五） are the sub-items of 五、建设条件.
base ndrc-engineering-2025
run xedit centre.xml set /centre/@stage apply set /centre/identity/status 申报 set /centre/identity/name 先进功率半导体国家产业技术工程化中心
run xedit centre.xml del /centre/dates/approved del /centre/dates/incubation del /centre/tasks
run xedit centre.xml set "/centre/submissions/submission[@document='summary-report']/@document" plan set /centre/submissions/submission/@date 2026-06-15
run rm sections/summary-*.md
run printf '# 一、建设背景与必要性\n\n%s\n' 碳化硅功率器件是新能源汽车、新型电力系统和轨道交通装备的核心部件。我国碳化硅材料和器件研究起步较早，实验室成果丰富，但从实验室技术到规模化生产之间缺少工程化放大和可靠性验证平台，车规级芯片和高压模块长期依赖进口，产业链供应链安全面临风险。建设本中心，打通成果工程化、产业化通道，十分必要。 > sections/plan-1-background.md
run printf '# 二、建设目标\n\n%s\n' 到筹建期末，建成碳化硅功率器件中试线和车规级功率模块封装验证线，形成覆盖外延、芯片、封装、测试和应用验证全链条的工程化验证能力；集聚一支高水平研发和工程技术队伍，在知识产权、标准制定、中试验证、成果转化、企业孵化和行业服务等方面达到组建方案确定的量化目标，成为行业公认的共性技术供给平台。 > sections/plan-2-goals.md
run printf '# 三、主要任务\n\n%s\n' 一是建设中试与工程化设施；二是开展车规级碳化硅MOSFET芯片及模块工程化开发；三是开展高压碳化硅器件及全碳化硅模块工程化；四是开展八英寸碳化硅外延工程化验证；五是建设可靠性检测与开放共享平台；六是建立成果转化与协同创新体系，牵头组建产业创新联盟，向行业转移扩散工程化成果。 > sections/plan-3-tasks.md
run printf '# 四、组织机构与运行机制\n\n%s\n' 中心实行理事会领导下的主任负责制，设立专家委员会负责技术方向研判和重大研发任务评议。中心以非法人形式实体化运行，与依托单位在人、财、物的管理上保持清晰边界，建立人员独立管理、财务独立核算、资产归属清晰的运行管理制度，评估指标数据独立核算、有据可查。 > sections/plan-4-organisation.md
run printf '# 五、建设条件\n\n%s\n\n## （一）重大科技成果与研发能力\n\n%s\n\n## （二）工程化研究验证环境\n\n%s\n\n## （三）技术转移和扩散能力\n\n%s\n\n## （四）管理制度\n\n%s\n' 依托单位具备第九条规定的各项条件，具体如下。 依托单位拥有一批处于国内领先水平、拥有自主知识产权的碳化硅功率器件科技成果，具有国内一流的研究开发和技术集成能力。 依托单位建有碳化硅器件工艺线和可靠性实验室，具备将重大科技成果向规模生产转化的工程化研究验证环境和能力。 依托单位通过技术许可、合作开发和孵化企业向行业转移扩散技术，形成良性循环的自我发展能力。 依托单位建立了完善的人才激励、成果转化激励和知识产权管理等管理制度。 > sections/plan-5-conditions.md
run printf '# 六、投资估算与资金筹措\n\n%s\n' 中心筹建期计划总投资由中央预算内投资、地方财政资金、依托单位自筹和社会资本共同构成，资金筹措方案已经依托单位董事会审议通过，参建单位出资协议已经签订，地方配套资金已列入省市财政预算安排，能够保障中心建设和运行需要。 > sections/plan-6-investment.md
run printf '# 七、进度安排\n\n%s\n' 第一年完成组织机构组建和中试厂房改造，第二年完成主要仪器设备购置安装，第三年完成筹建期各项目标任务。 > sections/plan-7-schedule.md
run cp evidence/E02-*.pdf evidence/E32-信用查询结果.pdf && xedit centre.xml add /centre/evidence-list '<evidence id="E32" file="E32-信用查询结果.pdf" kind="信用查询" title="依托单位“信用中国”信用信息查询结果（2026年6月）"/>'

# ---- 第十三条: 编制组建方案并向主管单位提出申请

=== apply-clean
expect ENG-ID-06

=== doc-05
run xedit centre.xml del "/centre/submissions/submission[@document='plan']"
exit 1
fires ENG-DOC-05

=== doc-05-twin-plan-without-a-date
run xedit centre.xml del "/centre/submissions/submission[@document='plan']/@date"
passes ENG-DOC-05

=== sec-05-49-characters
run printf '# 七、进度安排\n\n%s\n' 第一年完成组织机构组建和中试厂房改造，第二年完成主要仪器设备购置安装，第三年完成筹建期各目标任务。 > sections/plan-7-schedule.md
exit 0
fires ENG-SEC-05
expect-text (49/50 characters)
expect-text info [ENG-SEC-05]

=== sec-05-twin-exactly-50-characters
passes ENG-SEC-05

=== sec-05-missing
# a section of dossier's suggested plan structure (第十三条 sets none)
run rm sections/plan-6-investment.md
exit any
passes ENG-SEC-05

=== sec-05-headings-do-not-count
# 七、进度安排 in a heading is not content
run printf '# 七、进度安排\n\n## 第一年完成组织机构组建和中试厂房改造，第二年完成主要仪器设备购置安装\n\n%s\n' 第三年完成筹建期各项目标任务。 > sections/plan-7-schedule.md
exit 0
fires ENG-SEC-05

=== hdg-01
run sed -i '1s/.*/# 三、建设内容/' sections/plan-3-tasks.md
exit 0
fires ENG-HDG-01
expect-text is headed "三、建设内容"
expect-text info [ENG-HDG-01]

=== hdg-01-another-sections-heading
run sed -i '1s/.*/# 二、建设目标/' sections/plan-3-tasks.md
exit 0
fires ENG-HDG-01

=== hdg-01-twin-arabic-number
run sed -i '1s/.*/# 3. 主要任务/' sections/plan-3-tasks.md
passes ENG-HDG-01

=== hdg-01-twin-no-heading
# the printed heading is always the outline's: a file without one is fine
run sed -i '1d' sections/plan-3-tasks.md
passes ENG-HDG-01

# ---- 第九条（二）至（五）: the conditions, each under its own sub-heading

=== sec-06
run sed -i 's/^## （四）管理制度$/## （四）其他/' sections/plan-5-conditions.md
exit 1
fires ENG-SEC-06
expect-text "Management systems" of article 9 (is missing)

=== sec-06-heading-without-text
run printf '\n## （五）成果产业化\n' >> sections/plan-5-conditions.md && sed -i 's/^## （三）技术转移和扩散能力$/## （三）其他能力/' sections/plan-5-conditions.md
exit 1
fires ENG-SEC-06

=== sec-06-twin-other-match-word
# 激励 names the management systems too (人才激励、成果转化激励)
run sed -i 's/^## （四）管理制度$/## （四）人才与成果转化激励/' sections/plan-5-conditions.md
passes ENG-SEC-06

=== sec-06-twin-other-wordings
run sed -i -e 's/^## （一）重大科技成果与研发能力$/## （一）研究开发与技术集成/' -e 's/^## （三）技术转移和扩散能力$/## （三）成果产业化/' sections/plan-5-conditions.md
passes ENG-SEC-06

# ---- evaluation practice: credit record for 第九条（六） (warning)

=== cred-01
run xedit centre.xml set "/centre/evidence-list/evidence[@id='E32']/@kind" 其他
fires ENG-CRED-01

=== cred-01-twin-a-pledge
run xedit centre.xml set "/centre/evidence-list/evidence[@id='E32']/@kind" 信用承诺
passes ENG-CRED-01

=== cred-01-twin-query
passes ENG-CRED-01

# ---- 第九条: 五、建设条件 shows the host's conditions (error; its heading too)

=== sec-12
run rm sections/plan-5-conditions.md
exit 1
fires ENG-SEC-12
expect-text error [ENG-SEC-12]

=== sec-12-99-characters
# present but a character below the suggested length: a warning
run printf '# 五、建设条件\n\n%s\n\n## （一）重大科技成果与研发能力\n\n%s\n\n## （二）工程化研究验证环境\n\n%s\n\n## （三）技术转移和扩散能力\n\n%s\n\n## （四）管理制度\n\n%s\n' 依托单位具备第九条规定的条件。 拥有国内领先的碳化硅功率器件科技成果和研究开发能力。 建有碳化硅器件工艺线和可靠性实验室等条件。 通过技术许可和孵化企业向行业转移扩散技术。 建立了人才激励和成果转化激励制度 > sections/plan-5-conditions.md
exit 0
fires ENG-SEC-12
passes ENG-SEC-06
expect-text warning [ENG-SEC-12]
expect-text (99/100 characters)

=== sec-12-twin-exactly-100-characters
run printf '# 五、建设条件\n\n%s\n\n## （一）重大科技成果与研发能力\n\n%s\n\n## （二）工程化研究验证环境\n\n%s\n\n## （三）技术转移和扩散能力\n\n%s\n\n## （四）管理制度\n\n%s\n' 依托单位具备第九条规定的条件。 拥有国内领先的碳化硅功率器件科技成果和研究开发能力。 建有碳化硅器件工艺线和可靠性实验室等条件。 通过技术许可和孵化企业向行业转移扩散技术。 建立了人才激励和成果转化激励制度。 > sections/plan-5-conditions.md
passes ENG-SEC-12 ENG-SEC-06

=== hdg-02
run sed -i '1s/.*/# 五、建设基础/' sections/plan-5-conditions.md
exit 1
fires ENG-HDG-02
passes ENG-HDG-01
expect-text error [ENG-HDG-02]
expect-text is headed "五、建设基础"

=== hdg-02-another-sections-heading
# the investment written in the file of the conditions
run sed -i '1s/.*/# 六、投资估算与资金筹措/' sections/plan-5-conditions.md
exit 1
fires ENG-HDG-02

=== hdg-02-twin-arabic-number
run sed -i '1s/.*/# 5. 建设条件/' sections/plan-5-conditions.md
passes ENG-HDG-02

=== hdg-02-twin-no-heading
run sed -i '1d' sections/plan-5-conditions.md
passes ENG-HDG-02
