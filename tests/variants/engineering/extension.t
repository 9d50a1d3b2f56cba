# 1747号 第二十条第一款 at the extension stage, built from the confirm sample:
# the 8-inch epitaxy task is still 进行中, and on 2029-11-20 (before the end
# of incubation, 2029-12-31) the supervising unit asks the NDRC to extend it
# to 2030-06-30, giving reasons, measures and the planned completion date
# (dates/extension and sections/ext-*.md). 原则上 at most one year, once.
base ndrc-engineering-2025
run xedit centre.xml set /centre/@stage extension set "/centre/tasks/task[@name='八英寸碳化硅外延工程化验证']/@status" 进行中
run xedit centre.xml del "/centre/submissions/submission[@document='evaluation-table']" set /centre/submissions/submission/@document extension-request set /centre/submissions/submission/@date 2029-11-20
run xedit centre.xml after /centre/dates/incubation '<extension requested="2029-11-20" until="2030-06-30"><reason>八英寸外延致命缺陷密度未达到方案目标</reason><measures>衬底来料联合判定、缺陷溯源攻关</measures><planned-completion>2030-06-30</planned-completion></extension>'
run rm sections/summary-*.md
run printf '# 一、延期原因\n\n%s\n' 组建方案确定的八英寸碳化硅同质外延工程化验证任务中，致命缺陷密度指标受国产八英寸衬底质量稳定性影响，截至2029年10月仍为0.8个/cm²，未达到方案目标，预计无法在筹建期结束前完成该项组建任务。 > sections/ext-1-reason.md
run printf '# 二、拟采取的措施\n\n%s\n' 与国内衬底企业建立来料质量联合判定机制，开展缺陷溯源与外延工艺窗口优化攻关，增配外延片缺陷在线检测设备，由专家委员会按月评议进展，确保在延长期内完成该项任务。 > sections/ext-2-measures.md
run printf '# 三、计划完成日期\n\n%s\n' 2030年6月30日 > sections/ext-3-schedule.md

=== extension-clean
expect ENG-ID-06

# ---- the written request, its three parts

=== doc-06
# the request itself is missing: only a data table (not of this stage)
run xedit centre.xml set /centre/submissions/submission/@document evaluation-table
exit 1
fires ENG-DOC-06

=== doc-06-twin-request-without-a-date
run xedit centre.xml del /centre/submissions/submission/@date
passes ENG-DOC-06

=== sec-08-9-characters
run printf '# 三、计划完成日期\n\n%s\n' 2030年6月底前 > sections/ext-3-schedule.md
exit 0
fires ENG-SEC-08
expect-text (9/10 characters)
expect-text warning [ENG-SEC-08]

=== sec-08-twin-exactly-10-characters
passes ENG-SEC-08

=== sec-08-missing
run rm sections/ext-2-measures.md
exit 1
fires ENG-SEC-08

=== hdg-02
run sed -i '1s/.*/# 一、延期理由/' sections/ext-1-reason.md
exit 1
fires ENG-HDG-03
expect-text is headed "一、延期理由"

=== hdg-02-another-sections-heading
run sed -i '1s/.*/# 三、计划完成日期/' sections/ext-1-reason.md
exit 1
fires ENG-HDG-03

=== hdg-02-twin
run sed -i '1s/.*/# 一. 延期原因/' sections/ext-1-reason.md
passes ENG-HDG-03

=== ext-01
run xedit centre.xml del /centre/dates/extension
exit 1
fires ENG-EXT-01

=== ext-01-twin-bare-request
# a request with its two dates and the planned completion is enough here
run xedit centre.xml del /centre/dates/extension/reason del /centre/dates/extension/measures
passes ENG-EXT-01 ENG-EXT-02

=== ext-02
run xedit centre.xml del /centre/dates/extension/planned-completion
exit 1
fires ENG-EXT-02

=== ext-02-twin
passes ENG-EXT-02

=== ext-03
run xedit centre.xml del /centre/dates/incubation
exit 1
fires ENG-EXT-03

=== ext-03-twin-no-approval-date
run xedit centre.xml del /centre/dates/approved
passes ENG-EXT-03

# ---- 在筹建期结束前: the last day of incubation is still before its end

=== date-04
run xedit centre.xml set /centre/dates/extension/@requested 2030-01-01 set /centre/submissions/submission/@date 2030-01-01
exit 1
fires ENG-DATE-04
expect-text the extension was requested on 2030-01-01, after incubation ended (2029-12-31)

=== date-04-twin-last-day
run xedit centre.xml set /centre/dates/extension/@requested 2029-12-31 set /centre/submissions/submission/@date 2029-12-31
passes ENG-DATE-04

=== ext-04
run xedit centre.xml set /centre/dates/extension/@until 2029-12-31 set /centre/dates/extension/planned-completion 2029-12-31
exit 1
fires ENG-EXT-04

=== ext-04-twin-one-day
run xedit centre.xml set /centre/dates/extension/@until 2030-01-01 set /centre/dates/extension/planned-completion 2030-01-01
passes ENG-EXT-04

# ---- 原则上不能超过一年且只能申请一次 (warnings)

=== date-03
run xedit centre.xml set /centre/dates/extension/@until 2031-01-01
fires ENG-DATE-03
expect-text latest 2030-12-31

=== date-03-twin-exactly-one-year
run xedit centre.xml set /centre/dates/extension/@until 2030-12-31
passes ENG-DATE-03

=== date-02
# a second request, still before the end of incubation
run xedit centre.xml after /centre/dates/extension '<extension requested="2029-12-20" until="2030-12-31"><planned-completion>2030-12-31</planned-completion></extension>'
fires ENG-DATE-02
passes ENG-DATE-03 ENG-DATE-04

=== date-02-twin-once
passes ENG-DATE-02

=== ext-02-second-request-without-a-date
# the last request counts
run xedit centre.xml after /centre/dates/extension '<extension requested="2029-12-20" until="2030-12-31"/>'
exit 1
fires ENG-EXT-02 ENG-DATE-02

=== ext-05
# completion planned a day after the extended end (a warning: unfinished
# then, the centre loses its confirmation, 第二十条第二款)
run xedit centre.xml set /centre/dates/extension/planned-completion 2030-07-01
exit 0
fires ENG-EXT-05
passes ENG-EXT-02
expect-text warning [ENG-EXT-05]
expect-text planned completion 2030-07-01 is after the extended end 2030-06-30

=== ext-05-twin-the-last-day-of-the-extension
passes ENG-EXT-05
