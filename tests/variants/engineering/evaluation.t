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
