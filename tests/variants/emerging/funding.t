# 1748号 第二十条第一款: a funding request for a capability project goes to the
# NDRC with the supervising unit's decision and the third-party appraisal; its
# report states content, site, goals, total investment and the subsidy asked.
# Shared setup: the sample centre during incubation, asking for funds.
base ndrc-emerging-2025
args --as-of 2026-03-01
run xedit centre.xml set /centre/@stage funding del "/centre/submissions/submission[@document='evaluation-table']"
run xedit centre.xml set /centre/submissions/submission/@document funding-request set /centre/submissions/submission/@date 2026-03-01
run rm sections/summary-*.md
run printf '%%PDF-1.4\n%% decision\n' > evidence/E25-主管单位决策文件.pdf
run printf '%%PDF-1.4\n%% appraisal\n' > evidence/E26-评估论证报告.pdf
run xedit centre.xml add /centre/evidence-list '<evidence id="E25" file="E25-主管单位决策文件.pdf" kind="主管单位决策文件" title="天津市发展和改革委员会关于合成生物制造中试验证平台项目的决策文件"/>'
run xedit centre.xml add /centre/evidence-list '<evidence id="E26" file="E26-评估论证报告.pdf" kind="评估论证报告" title="合成生物制造中试验证平台项目第三方评估论证报告"/>'
run printf '# 一、建设内容\n\n新建生物制造中试验证公共服务平台，包括50立方米发酵中试生产线扩建、分离纯化中试线智能化改造、工业菌种库和酶元件库扩容，以及配套的分析检测和自动化实验设施，形成从小试到千吨级示范的工程化验证能力，服务全行业。\n' > sections/fund-1-content.md
run printf '# 二、建设地点\n\n天津市滨海新区经开区第十三大街56号院。\n' > sections/fund-2-site.md
run printf '# 三、建设预期目标\n\n项目建成后新增中试验证能力每年60项以上，服务企业200家以上，支撑5个以上合成生物产品实现产业化，带动区域合成生物制造产业规模增长，缩短新产品从实验室到市场的周期一年以上，中试服务收入达到每年3000万元以上。\n' > sections/fund-3-goals.md
run printf '# 四、总投资及拟申请国家补助资金额度\n\n项目总投资3.2亿元，拟申请国家补助资金9600万元，其余由地方财政资金和实施单位自筹资金共同解决。\n' > sections/fund-4-investment.md

=== funding-request-is-complete
expect

=== doc-07
run xedit centre.xml set /centre/submissions/submission/@document evaluation-table
exit 1
fires EMG-DOC-07

=== doc-07-twin
passes EMG-DOC-07

=== sec-07-one-character-short
run sed -i 's/56号院。/56号。/' sections/fund-2-site.md
exit 0
fires EMG-SEC-07
expect-text (19/20 characters)
expect-text warning [EMG-SEC-07]

=== sec-07-twin-exactly-the-minimum
passes EMG-SEC-07

=== sec-07-missing
run rm sections/fund-4-investment.md
exit 0
fires EMG-SEC-07
expect-text warning [EMG-SEC-07]

=== fund-01
run xedit centre.xml set "/centre/evidence-list/evidence[@id='E25']/@kind" 批复文件
exit 1
fires EMG-FUND-01

=== fund-01-twin-the-other-wording
run xedit centre.xml set "/centre/evidence-list/evidence[@id='E25']/@kind" 决策文件
passes EMG-FUND-01

=== fund-02
run xedit centre.xml set "/centre/evidence-list/evidence[@id='E26']/@kind" 审计报告
exit 1
fires EMG-FUND-02

=== fund-02-twin-the-other-wording
run xedit centre.xml set "/centre/evidence-list/evidence[@id='E26']/@kind" 第三方评估论证报告
passes EMG-FUND-02

=== hdg-04
# the report's structure is practice: a wrong heading is a warning
run sed -i '1s/.*/# 三、建设规模/' sections/fund-3-goals.md
exit 0
fires EMG-HDG-04
expect-text warning [EMG-HDG-04]
expect-text is headed "三、建设规模"

=== hdg-04-twin-other-numbering-or-none
run sed -i '1s/.*/# 3. 建设预期目标/' sections/fund-3-goals.md
run sed -i '1d' sections/fund-2-site.md
passes EMG-HDG-04
