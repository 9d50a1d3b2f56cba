# 1747号 第十九条 at the confirm-request stage: the supervising unit puts the
# centre forward to the NDRC only with a confirmation evaluation of 良好 or
# better. Built from the confirm sample (same documents).
base ndrc-engineering-2025
run xedit centre.xml set /centre/@stage confirm-request set /centre/submissions/submission/@date 2030-05-20

=== eval-01
exit 1
fires ENG-EVAL-01

=== eval-01-an-operation-evaluation-is-not-one
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2030-05-10" kind="运行评估" grade="良好" by="江苏省发展和改革委员会"/></evaluations>'
exit 1
fires ENG-EVAL-01

=== eval-01-twin
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2030-05-10" kind="确认评估" grade="良好" by="江苏省发展和改革委员会"/></evaluations>'
expect ENG-ID-06

=== eval-02-medium
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2030-05-10" kind="确认评估" grade="中等" by="江苏省发展和改革委员会"/></evaluations>'
exit 1
fires ENG-EVAL-02
passes ENG-EVAL-01
expect-text the confirmation evaluation is "中等"

=== eval-02-twin-good
# 良好 is the lowest grade that may go forward
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2030-05-10" kind="确认评估" grade="良好" by="江苏省发展和改革委员会"/></evaluations>'
passes ENG-EVAL-01 ENG-EVAL-02

=== eval-02-twin-excellent
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2030-05-10" kind="确认评估" grade="优秀" by="江苏省发展和改革委员会"/></evaluations>'
passes ENG-EVAL-02

=== eval-02-twin-re-evaluated
# the last confirmation evaluation counts: 中等 first, 良好 on re-evaluation
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2030-04-20" kind="确认评估" grade="中等"/><evaluation date="2030-05-10" kind="确认评估" grade="良好"/></evaluations>'
passes ENG-EVAL-02

=== eval-02-re-evaluated-lower
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2030-04-20" kind="确认评估" grade="良好"/><evaluation date="2030-05-10" kind="确认评估" grade="基本合格"/></evaluations>'
exit 1
fires ENG-EVAL-02

=== eval-not-at-the-confirm-stage
# at the confirm stage (依托单位 to 主管单位) no evaluation exists yet
run xedit centre.xml set /centre/@stage confirm set /centre/submissions/submission/@date 2030-03-20
passes ENG-EVAL-01 ENG-EVAL-02
