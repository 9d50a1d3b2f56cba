# 1747号 第二十五条 at the progress stage: 每年2月底前报送上一年度 key tasks and
# indicators. Built from the annual sample with report year 2027, so the
# deadline is the end of February of a leap year: 2028-02-29 is in time,
# 2028-03-01 is late. The table covers the whole of 2027.
base ndrc-engineering-annual
run xedit centre.xml set /centre/@stage progress set /centre/dates/report-year 2027 set /centre/indicators/@period-start 2027-01-01 set /centre/indicators/@period-end 2027-12-31
run xedit centre.xml set "/centre/submissions/submission[@document='annual-report']/@document" progress-report set /centre/submissions/submission/@date 2028-02-20
run rm sections/annual-*.md
run printf '# 一、重点任务进展\n\n%s\n' 2027年，中心按照组建方案分年度进度安排推进六项组建任务：中试厂房及洁净室改造工程开工建设，主要工艺设备完成招标采购；车规级碳化硅MOSFET芯片完成第二轮流片；高压碳化硅器件完成结构设计；八英寸外延完成设备调试；可靠性检测平台完成规划；产业创新联盟完成筹备。 > sections/prog-1-tasks.md
run printf '# 二、关键指标进展\n\n%s\n' 2027年，中心各项关键指标按年度目标推进：研发队伍、专利申请、中试验证项目、服务企业和人才培养等指标达到年度进度要求，成果转化收入受中试线尚未投运影响低于年度预期，中心已将其列为2028年度重点督办事项，并在理事会会议上专题研究改进措施。 > sections/prog-2-indicators.md

=== progress-clean
expect ENG-AST-05 ENG-ID-06

=== doc-07
run xedit centre.xml del "/centre/submissions/submission[@document='progress-report']"
exit 1
fires ENG-DOC-07

=== doc-07-twin-report-without-a-date
# the date is not known yet: judged against --as-of (here before the deadline)
run xedit centre.xml del "/centre/submissions/submission[@document='progress-report']/@date"
args --as-of 2028-02-01
passes ENG-DOC-07 ENG-DATE-07

=== sec-09-missing
run rm sections/prog-2-indicators.md
exit 1
fires ENG-SEC-09
expect-text is missing (0/100 characters)

=== sec-09-99-characters
run printf '# 二、关键指标进展\n\n%s\n' 2027年，中心各项关键指标按年度目标推进：研发队伍、专利申请、中试验证项目、服务企业和人才培养等指标达到年度进度要求，成果转化收入受中试线尚未投运影响低于年度预期，已列为2028年度重点督办事项。 > sections/prog-2-indicators.md
exit 0
fires ENG-SEC-09
expect-text (99/100 characters)
expect-text warning [ENG-SEC-09]

=== sec-09-twin-exactly-100-characters
run printf '# 二、关键指标进展\n\n%s\n' 2027年，中心各项关键指标按年度目标推进：研发队伍、专利申请、中试验证项目、服务企业和人才培养等指标达到年度进度要求，成果转化收入受中试线尚未投运影响低于年度预期，已列为2028年度重点督办的事项。 > sections/prog-2-indicators.md
passes ENG-SEC-09

=== hdg-04
run sed -i '1s/.*/# 一、年度工作进展/' sections/prog-1-tasks.md
exit 1
fires ENG-HDG-05
expect-text is headed "一、年度工作进展"

=== hdg-04-twin
run sed -i '1s/.*/# 一．重点任务进展/' sections/prog-1-tasks.md
passes ENG-HDG-05

# ---- 每年2月底前: 29 February in a leap year

=== date-07
run xedit centre.xml set /centre/submissions/submission/@date 2028-03-01
exit 1
fires ENG-DATE-07
expect-text on 2028-03-01 (submission date), after the end of February

=== date-07-twin-29-february
run xedit centre.xml set /centre/submissions/submission/@date 2028-02-29
passes ENG-DATE-07

=== date-07-common-year
run xedit centre.xml set /centre/dates/report-year 2028 set /centre/indicators/@period-start 2028-01-01 set /centre/indicators/@period-end 2028-12-31 set /centre/submissions/submission/@date 2029-03-01
exit 1
fires ENG-DATE-07
expect-text on 2029-03-01 (submission date), after the end of February

=== date-07-common-year-twin-28-february
run xedit centre.xml set /centre/dates/report-year 2028 set /centre/indicators/@period-start 2028-01-01 set /centre/indicators/@period-end 2028-12-31 set /centre/submissions/submission/@date 2029-02-28
passes ENG-DATE-07

=== date-07-as-of
run xedit centre.xml del /centre/submissions/submission/@date
args --as-of 2028-03-01
exit 1
fires ENG-DATE-07
expect-text as-of

=== date-07-as-of-twin
run xedit centre.xml del /centre/submissions/submission/@date
args --as-of 2028-02-29
passes ENG-DATE-07

# ---- the previous year, the whole of it

=== per-02
run xedit centre.xml set /centre/indicators/@period-end 2027-12-30
exit 1
fires ENG-PER-02
expect-text the progress report's data period is 2027-01-01—2027-12-30

=== per-02-the-current-year
run xedit centre.xml set /centre/indicators/@period-start 2028-01-01 set /centre/indicators/@period-end 2028-01-31
exit 1
fires ENG-PER-02

=== per-02-twin
passes ENG-PER-02
