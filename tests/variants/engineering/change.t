# 1747号 第三十二条 at the change stage: a major adjustment of the plan's
# targets and tasks is reported to the supervising unit, saying whether it
# affects the centre's function (who approves it depends on that). Built
# from the annual sample: the 2028-03-15 equipment adjustment, reported on
# 2028-03-20 (major="false").
base ndrc-engineering-annual
run xedit centre.xml set /centre/@stage change del "/centre/submissions/submission[@document='evaluation-table']" set /centre/submissions/submission/@document change-report set /centre/submissions/submission/@date 2028-03-20
run rm sections/annual-*.md
run printf '# 一、调整事项\n\n%s\n' 为满足车规级认证要求，增配功率循环试验台和双脉冲动态测试平台，相应调减部分通用设备。 > sections/chg-1-matter.md
run printf '# 二、调整原因\n\n%s\n' 整车企业对车规级功率模块的功率循环和动态参数考核要求提高，原方案配置的通用测试设备不能满足认证需要。 > sections/chg-2-reason.md
run printf '# 三、对中心功能和任务的影响\n\n%s\n' 调整后总体建设内容、投资规模和筹建期目标不变，不影响中心功能和任务实现，拟由主管单位审定后报国家发展改革委备案。 > sections/chg-3-impact.md

=== change-clean
expect ENG-ID-06
passes ENG-DOC-09 ENG-SEC-11 ENG-HDG-07 ENG-CHG-01 ENG-CHG-02

=== doc-09
run xedit centre.xml set /centre/submissions/submission/@document evaluation-table
exit 1
fires ENG-DOC-09

=== doc-09-twin-report-without-a-date
run xedit centre.xml del /centre/submissions/submission/@date
passes ENG-DOC-09

=== sec-11-29-characters
run printf '# 一、调整事项\n\n%s\n' 增配功率循环试验台和双脉冲动态测试平台，相应调减通用设备。 > sections/chg-1-matter.md
exit 0
fires ENG-SEC-11
expect-text (29/30 characters)
expect-text warning [ENG-SEC-11]

=== sec-11-twin-exactly-30-characters
run printf '# 一、调整事项\n\n%s\n' 增配功率循环试验台和双脉冲动态测试平台，相应调减了通用设备。 > sections/chg-1-matter.md
passes ENG-SEC-11

=== sec-11-missing
run rm sections/chg-3-impact.md
exit 1
fires ENG-SEC-11

=== hdg-06
run sed -i '1s/.*/# 三、影响分析/' sections/chg-3-impact.md
exit 1
fires ENG-HDG-07
expect-text is headed "三、影响分析"

=== hdg-06-twin
run sed -i '1s/.*/# 三．对中心功能和任务的影响/' sections/chg-3-impact.md
passes ENG-HDG-07

=== chg-01
run xedit centre.xml del /centre/changes
exit 1
fires ENG-CHG-01

=== chg-01-twin
passes ENG-CHG-01

=== chg-02
run xedit centre.xml del /centre/changes/change/@major
exit 1
fires ENG-CHG-02
expect-text the adjustment "目标任务调整" does not say whether it affects the centre's function

=== chg-02-twin-major
# affects the function: the NDRC decides
run xedit centre.xml set /centre/changes/change/@major true
passes ENG-CHG-02

=== chg-02-twin-not-major
passes ENG-CHG-02

=== chg-02-second-change-unsaid
run xedit centre.xml add /centre/changes '<change kind="研究方向变更" date="2028-03-18">增设碳化硅超结器件研究方向</change>'
exit 1
fires ENG-CHG-02
expect-text 研究方向变更
