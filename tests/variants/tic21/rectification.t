# 国科发区〔2021〕17号 at the rectification stage (第三十条: a centre graded
# 较差 rectifies within a time limit), built on the sample: the first cycle's
# evaluation graded 较差, a rectification plan with its three sections and a
# deadline. Each rule's seeded defect and its boundary twin.
base most-tic-2021
run xedit centre.xml set /centre/@stage rectification del /centre/submissions/submission add /centre/submissions '<submission document="rectification-plan" date="2026-08-10"/>'
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2026-06-30" grade="较差" kind="绩效评估" by="科技部委托的第三方评估机构"/></evaluations>'
run xedit centre.xml after /centre/evaluations '<rectification deadline="2027-02-10"><target>补齐首轮建设运行周期未完成的攻关任务和考核指标</target><measures>调整攻关团队和经费安排，建立成果转化收益分配办法，修订章程</measures></rectification>'
run rm sections/annual-*.md
run printf '# 一、评估发现的问题\n\n绩效评估发现：关键技术攻关进度滞后于方案，成果转化收入未达到考核指标，理事会未按章程定期召开会议。\n' > sections/rect-1-problems.md
run printf '# 二、整改措施\n\n一是调整攻关团队和经费安排，按季度督办重点任务进度；二是建立成果转化收益分配办法，扩大技术许可与作价入股；三是修订章程，规范理事会议事规则。\n' > sections/rect-2-measures.md
run printf '# 三、整改期限\n\n半年内全部整改到位。\n' > sections/rect-3-deadline.md

=== base-is-complete
expect

=== doc-08
# the rectification stage with no rectification plan: the change request instead
run xedit centre.xml set /centre/submissions/submission/@document change-request
exit 1
fires TIC21-DOC-08 CORE-DOCUMENT
expect-text the rectification stage must include Rectification plan

=== doc-08-twin
passes TIC21-DOC-08

=== sec-10-deadline-9-characters
run printf '# 三、整改期限\n\n半年内全部整改到位\n' > sections/rect-3-deadline.md
exit 0
fires TIC21-SEC-10
expect-text (9/10 characters)
expect-text warning [TIC21-SEC-10]

=== sec-10-twin-deadline-10-characters
passes TIC21-SEC-10

=== sec-10-measures-missing
# 整改措施: 第三十条 sets no content of the material
run rm sections/rect-2-measures.md
exit any
passes TIC21-SEC-10

=== hdg-05
run sed -i '1s/.*/# 二、整改方案/' sections/rect-2-measures.md
exit 0
fires TIC21-HDG-05
expect-text is headed "二、整改方案"
expect-text warning [TIC21-HDG-05]

=== hdg-05-twin-full-width-stop
run sed -i '1s/.*/# 二．整改措施/' sections/rect-2-measures.md
passes TIC21-HDG-05

=== rect-01
# 第三十条 限期整改: no time limit set
run xedit centre.xml del /centre/rectification/@deadline
exit 0
fires TIC21-RECT-01
expect-text no rectification deadline is recorded
expect-text warning [TIC21-RECT-01]

=== rect-01-twin
passes TIC21-RECT-01

=== rect-02
# rectification answers a 较差 grade; the evaluation on record is 良好
run xedit centre.xml set /centre/evaluations/evaluation/@grade 良好
fires TIC21-RECT-02
passes TIC21-EVAL-03
expect-text no evaluation graded 较差 is recorded

=== rect-02-twin-latest-of-two
run xedit centre.xml before /centre/evaluations/evaluation '<evaluation date="2023-06-30" grade="良好" kind="绩效评估"/>'
passes TIC21-RECT-02

=== eval-03-rectification
# a grade of another scheme's scale (1747号: 基本合格)
run xedit centre.xml set /centre/evaluations/evaluation/@grade 基本合格
exit 1
fires TIC21-EVAL-03 TIC21-RECT-02

=== id-04-rectification
run xedit centre.xml set /centre/identity/legal-form 非法人实体化
exit 1
fires TIC21-ID-04
