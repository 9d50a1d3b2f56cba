# 1748号 第二十五条: an adjustment of the formation plan's targets and tasks is
# reported to the supervising unit, saying whether it affects the centre's
# function; a change of name, shareholding, bankruptcy or restructuring is
# always major. Shared setup: the sample centre reporting its merger of two
# pilot lines (2026-03-02) on 2026-03-10.
base ndrc-emerging-2025
args --as-of 2026-03-10
run xedit centre.xml set /centre/@stage change del "/centre/submissions/submission[@document='evaluation-table']"
run xedit centre.xml set /centre/submissions/submission/@document change-report set /centre/submissions/submission/@date 2026-03-10 set /centre/changes/change/@date 2026-03-02
run rm sections/summary-*.md
run printf '# 一、调整事项\n\n组建方案中的稀少糖中试线与功能糖中试线合并为一条中试线建设。\n' > sections/chg-1-matter.md
run printf '# 二、调整原因\n\n两条中试线工艺路线和主要设备高度重合，合并建设可节约投资并提高设备利用率。\n' > sections/chg-2-reason.md
run printf '# 三、对产业创新中心功能实现的影响\n\n合并后中试能力和服务范围不变，不影响产业创新中心功能实现，属于一般调整事项。\n' > sections/chg-3-impact.md

=== change-report-is-complete
expect

=== doc-09
run xedit centre.xml set /centre/submissions/submission/@document evaluation-table
exit 1
fires EMG-DOC-09

=== doc-09-twin
passes EMG-DOC-09

=== sec-11-one-character-short
run sed -i 's/组建方案中的/组建方案中/' sections/chg-1-matter.md
exit 0
fires EMG-SEC-11
expect-text (29/30 characters)
expect-text warning [EMG-SEC-11]

=== sec-11-twin-exactly-the-minimum
passes EMG-SEC-11

=== sec-11-effect-not-stated
run rm sections/chg-3-impact.md
exit 1
fires EMG-SEC-11

=== chg-01
run xedit centre.xml del /centre/changes
exit 1
fires EMG-CHG-01

=== chg-01-twin-one-change
passes EMG-CHG-01

=== chg-02
run xedit centre.xml del /centre/changes/change/@major
exit 1
fires EMG-CHG-02
expect-text the adjustment "目标任务调整" does not say whether it affects

=== chg-02-twin-not-major
run xedit centre.xml set /centre/changes/change/@major false
passes EMG-CHG-02

=== chg-03-shareholding-filed-as-minor
run xedit centre.xml add /centre/changes '<change kind="股权变更" date="2026-03-05" major="false">社会资本股东增持5个百分点。</change>'
exit 1
fires EMG-CHG-03
expect-text "股权变更" is a major adjustment

=== chg-03-renaming-filed-as-minor
run xedit centre.xml add /centre/changes '<change kind="法人主体更名" date="2026-03-05" major="false">实施单位更名。</change>'
exit 1
fires EMG-CHG-03

=== chg-03-twin-shareholding-as-major
run xedit centre.xml add /centre/changes '<change kind="股权变更" date="2026-03-05" major="true">社会资本股东增持5个百分点。</change>'
passes EMG-CHG-03 EMG-CHG-02

=== chg-03-twin-a-task-adjustment-may-be-minor
passes EMG-CHG-03

=== hdg-08
# 第二十五条: the effect on the centre's function headed as the reason
run sed -i '1s/.*/# 三、调整原因/' sections/chg-3-impact.md
exit 1
fires EMG-HDG-08
expect-text error [EMG-HDG-08]
expect-text is headed "三、调整原因"

=== hdg-08-twin-other-numbering-or-none
run sed -i '1s/.*/# 三．对产业创新中心功能实现的影响/' sections/chg-3-impact.md
run sed -i '1d' sections/chg-2-reason.md
passes EMG-HDG-08
