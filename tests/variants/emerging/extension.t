# 1748号 第十八条: a request to extend incubation, made before incubation ends,
# states reasons, measures and a planned completion date; an extension is at
# most one year and made once; a centre whose incubation ran out with tasks
# open loses its status. Shared setup: the sample centre (incubation
# 2023-04-01 to 2026-03-31) with one task still open, asking on 2026-03-01 to
# extend to 2027-03-31.
base ndrc-emerging-2025
args --as-of 2026-03-01
run xedit centre.xml set /centre/@stage extension del "/centre/submissions/submission[@document='evaluation-table']"
run xedit centre.xml set /centre/submissions/submission/@document extension-request set /centre/submissions/submission/@date 2026-03-01
run xedit centre.xml set "/centre/tasks/task[@name='标准与检测服务体系']/@status" 进行中
run xedit centre.xml after /centre/dates/incubation '<extension requested="2026-03-01" until="2027-03-31"><reason>检验检测机构资质认定现场评审推迟</reason><measures>完成现场评审整改并取得资质认定证书</measures><planned-completion>2027-01-31</planned-completion></extension>'
run rm sections/summary-*.md
run printf '# 一、延期原因\n\n分析检测中心检验检测机构资质认定现场评审因评审机构排期推迟至2026年第二季度，“标准与检测服务体系”任务无法在筹建期内完成。\n' > sections/ext-1-reason.md
run printf '# 二、拟采取的措施\n\n已完成实验室质量体系文件编制和内部审核，拟于2026年5月前完成现场评审整改，同步开展人员能力确认和比对试验，确保尽早取得资质认定证书。\n' > sections/ext-2-measures.md
run printf '# 三、计划完成日期\n\n2027年1月完成。\n' > sections/ext-3-schedule.md

=== extension-request-is-complete
expect

=== doc-06
run xedit centre.xml set /centre/submissions/submission/@document evaluation-table
exit 1
fires EMG-DOC-06

=== doc-06-twin
passes EMG-DOC-06

=== sec-08-one-character-short
run sed -i 's/完成。/完成/' sections/ext-3-schedule.md
exit 0
fires EMG-SEC-08
expect-text (9/10 characters)
expect-text warning [EMG-SEC-08]

=== sec-08-twin-exactly-the-minimum
passes EMG-SEC-08

=== sec-08-no-reasons
run rm sections/ext-1-reason.md
exit 1
fires EMG-SEC-08

=== ext-01
run xedit centre.xml del /centre/dates/extension
exit 1
fires EMG-EXT-01

=== ext-01-twin-the-request-recorded-with-its-dates-only
run xedit centre.xml del /centre/dates/extension/reason del /centre/dates/extension/measures
passes EMG-EXT-01

=== ext-02
run xedit centre.xml del /centre/dates/extension/planned-completion
exit 1
fires EMG-EXT-02

=== ext-02-twin-completion-on-the-last-day-of-the-extension
run xedit centre.xml set /centre/dates/extension/planned-completion 2027-03-31
passes EMG-EXT-02

=== ext-02-the-last-request-counts
run xedit centre.xml after /centre/dates/extension '<extension requested="2026-03-20" until="2027-03-31"/>'
exit 1
fires EMG-EXT-02

=== ext-03
run xedit centre.xml del /centre/dates/incubation
exit 1
fires EMG-EXT-03

=== ext-03-twin
passes EMG-EXT-03

=== date-04-a-day-after-incubation-ended
run xedit centre.xml set /centre/dates/extension/@requested 2026-04-01 set /centre/submissions/submission/@date 2026-04-01
args --as-of 2026-04-01
exit 1
fires EMG-DATE-04
expect-text after incubation ended (2026-03-31)

=== date-04-twin-on-the-last-day-of-incubation
run xedit centre.xml set /centre/dates/extension/@requested 2026-03-31 set /centre/submissions/submission/@date 2026-03-31
args --as-of 2026-03-31
passes EMG-DATE-04

=== ext-04-not-after-the-original-end
run xedit centre.xml set /centre/dates/extension/@until 2026-03-31 set /centre/dates/extension/planned-completion 2026-03-31
exit 1
fires EMG-EXT-04

=== ext-04-twin-one-day-later
run xedit centre.xml set /centre/dates/extension/@until 2026-04-01 set /centre/dates/extension/planned-completion 2026-04-01
passes EMG-EXT-04

=== date-03-one-year-and-a-day
run xedit centre.xml set /centre/dates/extension/@until 2027-04-01
fires EMG-DATE-03
expect-text latest 2027-03-31

=== date-03-twin-exactly-one-year
run xedit centre.xml set /centre/dates/extension/@until 2027-03-31
passes EMG-DATE-03

=== date-03-end-of-february-in-a-leap-year
# incubation 2025-03-01 to 2028-02-29: one year later is 2029-02-28
run xedit centre.xml set /centre/dates/incubation/@start 2025-03-01 set /centre/dates/incubation/@end 2028-02-29
run xedit centre.xml set /centre/dates/extension/@requested 2028-01-15 set /centre/submissions/submission/@date 2028-01-15 set /centre/dates/extension/@until 2029-03-01
args --as-of 2028-01-15
fires EMG-DATE-03
expect-text latest 2029-02-28

=== date-03-twin-end-of-february-in-a-leap-year
run xedit centre.xml set /centre/dates/incubation/@start 2025-03-01 set /centre/dates/incubation/@end 2028-02-29
run xedit centre.xml set /centre/dates/extension/@requested 2028-01-15 set /centre/submissions/submission/@date 2028-01-15 set /centre/dates/extension/@until 2029-02-28
args --as-of 2028-01-15
passes EMG-DATE-03 EMG-DATE-01

=== date-02-a-second-extension
run xedit centre.xml after /centre/dates/extension '<extension requested="2027-03-01" until="2027-09-30"><planned-completion>2027-09-30</planned-completion></extension>'
exit any
fires EMG-DATE-02

=== date-02-twin-one-extension
passes EMG-DATE-02

=== task-03-extension-ran-out
args --as-of 2027-04-01
exit 1
fires EMG-TASK-03
expect-text ended on 2027-03-31

=== task-03-twin-last-day-of-the-extension
args --as-of 2027-03-31
passes EMG-TASK-03

=== hdg-03
# 第十八条第一款 原因、措施和计划完成日期: the measures headed as the schedule
run sed -i '1s/.*/# 三、计划完成日期/' sections/ext-2-measures.md
exit 1
fires EMG-HDG-03
expect-text error [EMG-HDG-03]
expect-text is headed "三、计划完成日期"

=== hdg-03-twin-other-numbering-or-none
run sed -i '1s/.*/# 2、拟采取的措施/' sections/ext-2-measures.md
run sed -i '1d' sections/ext-1-reason.md
passes EMG-HDG-03

=== ext-05
# completion planned a day after the extended incubation ends (a warning: a
# centre still unfinished then loses its status, 第十八条第二款)
run xedit centre.xml set /centre/dates/extension/planned-completion 2027-04-01
exit 0
fires EMG-EXT-05
passes EMG-EXT-02
expect-text warning [EMG-EXT-05]
expect-text planned completion 2027-04-01

=== ext-05-twin-the-last-day-of-the-extension
run xedit centre.xml set /centre/dates/extension/planned-completion 2027-03-31
passes EMG-EXT-05

=== ext-05-the-last-request-counts
# a second request shortens the extension: the plan now runs past it
run xedit centre.xml after /centre/dates/extension '<extension requested="2026-03-20" until="2026-12-31"><planned-completion>2027-01-31</planned-completion></extension>'
fires EMG-EXT-05
expect-text after the extended end 2026-12-31
