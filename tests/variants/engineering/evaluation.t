# 1747号 第二十三条（一） at the evaluation stage: the material is the annual
# work report, the data table and their evidence. Built from the annual
# sample, the centre taken as confirmed (运行期, name without （筹）).
base ndrc-engineering-annual
run xedit centre.xml set /centre/@stage evaluation set /centre/identity/status 运行期 set /centre/identity/name 先进功率半导体国家产业技术工程化中心

=== evaluation-clean
expect ENG-AST-05 ENG-ID-06
passes ENG-DOC-04 ENG-EV-10

=== doc-04-no-table
run xedit centre.xml del "/centre/submissions/submission[@document='evaluation-table']"
exit 1
fires ENG-DOC-04

=== doc-04-no-report
run xedit centre.xml del "/centre/submissions/submission[@document='annual-report']"
exit 1
fires ENG-DOC-04

=== doc-04-twin-dates-not-yet-known
run xedit centre.xml del /centre/submissions/submission/@date
passes ENG-DOC-04

=== ev-10
run xedit centre.xml del /centre/evidence-list/evidence && rm evidence/*
exit 1
fires ENG-EV-10

=== ev-10-twin-one-piece
# one declared piece of evidence is evidence attached (the figures that
# cite others are other rules' business)
run xedit centre.xml del "/centre/evidence-list/evidence[@id != 'E01']" && find evidence -type f ! -name 'E01-*' -delete
exit 1
passes ENG-EV-10
fires CORE-EVIDENCE-REF

=== ev-10-not-an-annual-report-rule
# the annual stage has no such rule: its evidence goes with the evaluation
run xedit centre.xml set /centre/@stage annual del /centre/evidence-list/evidence && rm evidence/*
exit 1
passes ENG-EV-10

# ---- 第二十二条: only a confirmed centre is evaluated

=== eval-04
# an incubating centre (status 筹建期, its name with （筹）) hands in evaluation material
run xedit centre.xml set /centre/identity/status 筹建期 set /centre/identity/name 先进功率半导体国家产业技术工程化中心（筹）
exit 1
fires ENG-EVAL-04
passes ENG-NAME-01
expect-text error [ENG-EVAL-04]
expect-text but the centre's status is "筹建期"

=== eval-04-twin
passes ENG-EVAL-04

# ---- 第三十四条（二）（三）: revoked after 不合格, or 基本合格 twice in a row

=== eval-05-fail
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2026-12-10" kind="确认评估" grade="良好"/><evaluation date="2029-06-30" kind="运行评估" grade="不合格"/></evaluations>'
exit 1
fires ENG-EVAL-05
expect-text error [ENG-EVAL-05]
expect-text the latest operation evaluation is "不合格"

=== eval-05-basic-pass-twice
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2026-06-30" kind="运行评估" grade="基本合格"/><evaluation date="2029-06-30" kind="运行评估" grade="基本合格"/></evaluations>'
exit 1
fires ENG-EVAL-05
expect-text the latest operation evaluation is "基本合格"

=== eval-05-a-confirmation-listed-between
# the confirmation evaluation between two 基本合格 does not break the run
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2026-06-30" kind="运行评估" grade="基本合格"/><evaluation date="2026-12-10" kind="确认评估" grade="良好"/><evaluation date="2029-06-30" kind="运行评估" grade="基本合格"/></evaluations>'
exit 1
fires ENG-EVAL-05

=== eval-05-twin-basic-pass-then-medium
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2026-06-30" kind="运行评估" grade="基本合格"/><evaluation date="2029-06-30" kind="运行评估" grade="中等"/></evaluations>'
passes ENG-EVAL-05

=== eval-05-twin-basic-pass-once
# one 基本合格 (rectification, 第二十四条), after a failed confirmation evaluation:
# grades of a 确认评估 are not operation results
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2026-12-10" kind="确认评估" grade="基本合格"/><evaluation date="2029-06-30" kind="运行评估" grade="基本合格"/></evaluations>'
passes ENG-EVAL-05

=== eval-05-twin-failed-confirmation
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2029-06-30" kind="确认评估" grade="不合格"/></evaluations>'
passes ENG-EVAL-05

=== eval-05-twin-failed-before-passing
# 不合格 long ago, 良好 since: the latest counts
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2026-06-30" kind="运行评估" grade="不合格"/><evaluation date="2029-06-30" kind="运行评估" grade="良好"/></evaluations>'
passes ENG-EVAL-05
