# 1747号 第二十条第二款: 筹建期满未完成组建任务的，取消确认资格. The annual
# sample (report year 2028) still has tasks 进行中; incubation ends on
# 2029-12-31, so --as-of puts "today" on either side of the end.
base ndrc-engineering-annual

=== task-03
args --as-of 2030-01-01
exit 1
fires ENG-TASK-03
expect-text the incubation period ended on 2029-12-31 with formation tasks not completed

=== task-03-twin-last-day
args --as-of 2029-12-31
passes ENG-TASK-03

=== task-03-extended
# an extension moves the end: the day after the new end lapses
run xedit centre.xml after /centre/dates/incubation '<extension requested="2029-11-20" until="2030-12-31"><planned-completion>2030-12-31</planned-completion></extension>'
args --as-of 2031-01-01
exit 1
fires ENG-TASK-03
expect-text ended on 2030-12-31

=== task-03-extended-twin-last-day
run xedit centre.xml after /centre/dates/incubation '<extension requested="2029-11-20" until="2030-12-31"><planned-completion>2030-12-31</planned-completion></extension>'
args --as-of 2030-12-31
passes ENG-TASK-03

=== task-03-twin-tasks-done
run xedit centre.xml set /centre/tasks/task/@status 已完成
args --as-of 2030-01-01
passes ENG-TASK-03

=== task-03-twin-one-task-exceeded
# 超额完成 is completed too; only the 进行中 ones matter
run xedit centre.xml set "/centre/tasks/task[@status='进行中']/@status" 超额完成
args --as-of 2030-01-01
passes ENG-TASK-03

=== task-03-basic-completion-is-not-completion
run xedit centre.xml set "/centre/tasks/task/@status" 已完成 set "(/centre/tasks/task)[1]/@status" 基本完成
args --as-of 2030-01-01
exit 1
fires ENG-TASK-03
