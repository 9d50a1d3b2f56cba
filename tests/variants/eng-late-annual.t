# 1747号 第二十五条 "每年2月底前" is the deadline for the previous year's
# progress on key tasks and indicators, not for the centre's annual work
# report: the progress filed on 1 March is late, an annual report filed in
# March is not.
base ndrc-engineering-annual

=== annual-report-in-march
run xedit centre.xml set /centre/submissions/submission/@date 2029-03-02
exit 0
expect ENG-AST-05 ENG-ID-06

=== progress-on-1-march
# the 2028 progress report (stage progress), filed on 2029-03-01
run xedit centre.xml set /centre/@stage progress set "/centre/submissions/submission[@document='annual-report']/@document" progress-report set /centre/submissions/submission/@date 2029-03-01
run rm sections/annual-*.md
run printf '# 一、重点任务进展\n\n2028年，中心按组建方案推进碳化硅外延、车规级功率模块封装和可靠性验证三项重点任务，外延中试线完成工艺定型，车规级模块通过主机厂装车验证，可靠性实验室完成扩项，各项任务均按年度计划完成，质量符合组建方案要求。\n' > sections/prog-1-tasks.md
run printf '# 二、关键指标进展\n\n2028年，中心研发投入、研发人员、专利申请、主持制定标准和成果转化收入等关键指标均达到年度目标，具体数据见中心评估数据表；仪器设备原值和开放服务次数较上年稳步增长，孵化企业融资进展顺利，无未达标的关键指标。\n' > sections/prog-2-indicators.md
exit 1
expect ENG-AST-05 ENG-DATE-07 ENG-ID-06
expect-text after the end of February (due by 2029-02-28)
