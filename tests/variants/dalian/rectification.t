# 大科规发〔2025〕8号 第十七条: a centre graded 不合格 rectifies within one year
# of the evaluation and hands in a rectification plan (problems, measures,
# deadline). Shared setup: the sample centre failed the evaluation of
# 2028-03-20 and sends its plan, rectified by 2029-03-20, on 2028-04-15.
base dalian-tic-2025
args --as-of 2028-04-15
run xedit centre.xml set /centre/@stage rectification del "/centre/submissions/submission[@document='evaluation-table']"
run xedit centre.xml set /centre/submissions/submission/@document rectification-plan set /centre/submissions/submission/@date 2028-04-15 set /centre/dates/report-year 2027
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2028-03-20" grade="不合格" kind="定期评估" by="大连市科学技术局"/></evaluations>'
run xedit centre.xml after /centre/evaluations '<rectification deadline="2029-03-20"><target>成果转化应用能力达到组建方案目标</target><measures>设立成果转化专员岗位，共建概念验证平台</measures></rectification>'
run rm sections/annual-*.md
run printf '# 一、评估发现的问题\n\n评估认为中心成果转化应用能力不足，技术合同成交额和孵化企业数量未达到组建方案目标。\n' > sections/rect-1-problems.md
run printf '# 二、整改措施\n\n设立成果转化专员岗位，与大连市技术转移中心共建概念验证平台，新增横向技术合同不少于十项，孵化科技型企业两家以上，按季度向管理委员会报告整改进展。\n' > sections/rect-2-measures.md
run printf '# 三、整改期限\n\n2029年3月完成。\n' > sections/rect-3-deadline.md

=== rectification-plan-is-complete
expect DL-ID-05

=== doc-08
run xedit centre.xml set /centre/submissions/submission/@document evaluation-table
exit 1
fires DL-DOC-08

=== doc-08-twin
passes DL-DOC-08

=== sec-10-one-character-short
run sed -i 's/完成。/完成/' sections/rect-3-deadline.md
exit 0
fires DL-SEC-10
expect-text (9/10 characters)
expect-text warning [DL-SEC-10]

=== sec-10-twin-exactly-the-minimum
passes DL-SEC-10

=== sec-10-no-measures
# 整改措施: the text sets no content of a rectification plan
run rm sections/rect-2-measures.md
exit any
passes DL-SEC-10

=== rect-01-no-evaluation
run xedit centre.xml del /centre/evaluations
exit 0
fires DL-RECT-01
expect-text warning [DL-RECT-01]

=== rect-01-not-a-failing-grade
run xedit centre.xml set /centre/evaluations/evaluation/@grade 良好
exit 0
fires DL-RECT-01
expect-text warning [DL-RECT-01]

=== rect-01-twin
passes DL-RECT-01

=== rect-02-one-year-and-a-day
run xedit centre.xml set /centre/rectification/@deadline 2029-03-21
exit 1
fires DL-RECT-02
expect-text at the latest 2029-03-20

=== rect-02-twin-exactly-one-year
run xedit centre.xml set /centre/rectification/@deadline 2029-03-20
passes DL-RECT-02

=== rect-02-evaluated-on-29-february
run xedit centre.xml set /centre/evaluations/evaluation/@date 2028-02-29 set /centre/rectification/@deadline 2029-03-01
exit 1
fires DL-RECT-02
expect-text at the latest 2029-02-28

=== rect-02-twin-evaluated-on-29-february
run xedit centre.xml set /centre/evaluations/evaluation/@date 2028-02-29 set /centre/rectification/@deadline 2029-02-28
passes DL-RECT-02

=== rect-03
run xedit centre.xml del /centre/rectification/@deadline
exit 0
fires DL-RECT-03
expect-text warning [DL-RECT-03]

=== rect-03-twin
passes DL-RECT-03

=== hdg-05
# the measures headed as the deadline: a warning (the plan is practice)
run sed -i '1s/.*/# 三、整改期限/' sections/rect-2-measures.md
exit 0
fires DL-HDG-05
expect-text warning [DL-HDG-05]
expect-text is headed "三、整改期限"

=== hdg-05-twin-other-numbering-or-none
run sed -i '1s/.*/# 2．整改措施/' sections/rect-2-measures.md
run sed -i '1d' sections/rect-1-problems.md
passes DL-HDG-05
