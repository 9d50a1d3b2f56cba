# 1747号 第二十四条 at the rectification stage: a centre graded 基本合格 makes a
# detailed plan with 整改目标、整改措施、整改期限. Built from the annual sample,
# the centre taken as confirmed (运行期, tasks done) and graded 基本合格 in the
# 2030 evaluation; the plan is filed on 2031-08-15, deadline 2032-06-30.
base ndrc-engineering-annual
run xedit centre.xml set /centre/@stage rectification set /centre/identity/status 运行期 set /centre/identity/name 先进功率半导体国家产业技术工程化中心 set /centre/tasks/task/@status 已完成
run xedit centre.xml del "/centre/submissions/submission[@document='evaluation-table']" set /centre/submissions/submission/@document rectification-plan set /centre/submissions/submission/@date 2031-08-15
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2031-06-30" kind="运行评估" grade="基本合格" by="国家发展改革委"/></evaluations>' after /centre/evaluations '<rectification deadline="2032-06-30"><target>成果转化收入和开放服务恢复到年度目标水平</target><measures>技术经理人队伍、开放共享预约服务、绩效考核、季度督查</measures></rectification>'
run rm sections/annual-*.md
run printf '# 一、整改目标\n\n%s\n' 针对2030年度运行评估中成果转化收入和开放服务两项指标偏低的问题，力争在整改期内使两项指标恢复到组建方案确定的年度目标水平，下一次运行评估达到良好以上。 > sections/rect-1-target.md
run printf '# 二、整改措施\n\n%s\n' 一是建立成果转化项目库和专职技术经理人队伍；二是面向联盟成员单位发布开放共享仪器设备目录并实行预约服务；三是将转化收益和服务成效纳入科研人员绩效考核；四是由理事会按季度督查整改进展。 > sections/rect-2-measures.md
run printf '# 三、整改期限\n\n%s\n' 2032年6月30日 > sections/rect-3-deadline.md

=== rectification-clean
# filed in 2031, after the scheme's five-year term: a warning to check it is still in force
expect ENG-EFF-03 ENG-ID-06
passes ENG-DOC-08 ENG-SEC-10 ENG-HDG-06 ENG-RECT-01 ENG-RECT-02

=== doc-08
# only the data table, which is not this stage's document
run xedit centre.xml set /centre/submissions/submission/@document evaluation-table
exit 1
fires ENG-DOC-08

=== doc-08-twin-plan-without-a-date
run xedit centre.xml del /centre/submissions/submission/@date
passes ENG-DOC-08

=== sec-10-9-characters
run printf '# 三、整改期限\n\n%s\n' 2032年6月底前 > sections/rect-3-deadline.md
exit 0
fires ENG-SEC-10
expect-text (9/10 characters)
expect-text warning [ENG-SEC-10]

=== sec-10-twin-exactly-10-characters
passes ENG-SEC-10

=== sec-10-missing
run rm sections/rect-2-measures.md
exit 1
fires ENG-SEC-10

=== hdg-05
run sed -i '1s/.*/# 一、整改任务/' sections/rect-1-target.md
exit 1
fires ENG-HDG-06
expect-text is headed "一、整改任务"

=== hdg-05-twin
run sed -i '1s/.*/# 1. 整改目标/' sections/rect-1-target.md
passes ENG-HDG-06

=== rect-01
run xedit centre.xml del /centre/rectification/@deadline
exit 1
fires ENG-RECT-01

=== rect-01-no-plan-data
run xedit centre.xml del /centre/rectification
exit 1
fires ENG-RECT-01

=== rect-01-twin
passes ENG-RECT-01

=== rect-02-medium
# a 中等 centre is not asked to rectify (warning)
run xedit centre.xml set /centre/evaluations/evaluation/@grade 中等
fires ENG-RECT-02
passes ENG-EVAL-03

=== rect-02-nothing-recorded
run xedit centre.xml del /centre/evaluations
fires ENG-RECT-02

=== rect-02-twin-among-other-evaluations
# the 基本合格 of 2031 follows a 良好 of 2028
run xedit centre.xml before /centre/evaluations/evaluation '<evaluation date="2028-06-30" kind="运行评估" grade="良好"/>'
passes ENG-RECT-02

# ---- 第三十七条 有效期5年 (to 2031-01-31): later filings get a warning

=== eff-03
# evaluated in December 2030, the plan filed the day after the term
run xedit centre.xml set /centre/evaluations/evaluation/@date 2030-12-20 set /centre/submissions/submission/@date 2031-02-01
exit 0
fires ENG-EFF-03
expect-text warning [ENG-EFF-03]
expect-text the submission date 2031-02-01 is after the scheme's five-year term

=== eff-03-twin-last-day
run xedit centre.xml set /centre/evaluations/evaluation/@date 2030-12-20 set /centre/submissions/submission/@date 2031-01-31
passes ENG-EFF-03
