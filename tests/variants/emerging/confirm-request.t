# 1748号 第十七条第二款: the supervising unit puts the confirmation request to
# the NDRC only after its own evaluation has passed. Shared setup: the sample
# summary, now forwarded by the supervising unit with its evaluation.
base ndrc-emerging-2025
run xedit centre.xml set /centre/@stage confirm-request set /centre/submissions/submission/@date 2026-04-20
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2026-04-10" grade="通过" kind="确认评估" by="天津市发展和改革委员会"/></evaluations>'

=== eval-01
run xedit centre.xml del /centre/evaluations
exit 1
fires EMG-EVAL-01

=== eval-01-an-operation-evaluation-is-not-the-confirmation
run xedit centre.xml set /centre/evaluations/evaluation/@kind 运行评价 set /centre/evaluations/evaluation/@grade 合格
exit 1
fires EMG-EVAL-01
passes EMG-EVAL-03

=== eval-01-twin
passes EMG-EVAL-01 EMG-EVAL-02

=== eval-02
run xedit centre.xml set /centre/evaluations/evaluation/@grade 不通过
exit 1
fires EMG-EVAL-02
expect-text the supervising unit's evaluation says "不通过"

=== eval-02-twin-passed-on-the-second-evaluation
run xedit centre.xml before /centre/evaluations/evaluation '<evaluation date="2026-03-30" grade="不通过" kind="确认评估" by="天津市发展和改革委员会"/>'
passes EMG-EVAL-01 EMG-EVAL-02

=== confirm-rules-still-hold
# the supervising unit forwards the summary: 第十七条第一款 still applies
run xedit centre.xml set "/centre/tasks/task[1]/@status" 基本完成
exit 1
fires EMG-TASK-01
