# 1747号 第十六条/第二十一条/第三十六条 (names), 第三十七条 (effective date)
# and 第二十四条 (the five grades), on the confirm sample: rules of every stage.
base ndrc-engineering-2025

# ---- 第二十一条: before confirmation only the （筹） name

=== name-01
run xedit centre.xml set /centre/identity/name 先进功率半导体国家产业技术工程化中心
exit 1
fires ENG-NAME-01
passes ENG-NAME-02 ENG-NAME-04

=== name-01-twin
run xedit centre.xml set /centre/identity/name 先进功率半导体国家产业技术工程化中心（筹）
passes ENG-NAME-01

=== name-01-twin-confirmed-centre
# once 运行期, the name without （筹） is the right one
run xedit centre.xml set /centre/identity/status 运行期 set /centre/identity/name 先进功率半导体国家产业技术工程化中心
passes ENG-NAME-01 ENG-NAME-02 ENG-NAME-04

# ---- 第三十六条: 统一命名为“××国家产业技术工程化中心”

=== name-02
run xedit centre.xml set /centre/identity/status 运行期 set /centre/identity/name 先进功率半导体工程化中心
exit 1
fires ENG-NAME-02

=== name-02-national-missing
run xedit centre.xml set /centre/identity/status 运行期 set /centre/identity/name 先进功率半导体产业技术工程化中心
exit 1
fires ENG-NAME-02

=== name-02-twin-applicant
# an applicant (申报) may carry the final name
run xedit centre.xml set /centre/identity/status 申报 set /centre/identity/name 先进功率半导体国家产业技术工程化中心
passes ENG-NAME-02

=== name-03
run xedit centre.xml set /centre/identity/name-en "National Industrial Technology Engineering Centre for Advanced Power Semiconductors"
exit 1
fires ENG-NAME-03
expect-text Engineering Centre for Advanced

=== name-03-nothing-after-for
run xedit centre.xml set /centre/identity/name-en "National Industrial Technology Engineering Center for "
exit 1
fires ENG-NAME-03

=== name-03-twin-shortest-field
run xedit centre.xml set /centre/identity/name-en "National Industrial Technology Engineering Center for SiC"
passes ENG-NAME-03

# ---- 第二十一条 read with 第十六条: a confirmed centre drops （筹）

=== name-04
run xedit centre.xml set /centre/identity/status 运行期
exit 1
fires ENG-NAME-04
passes ENG-NAME-02

=== name-04-twin
run xedit centre.xml set /centre/identity/status 运行期 set /centre/identity/name 先进功率半导体国家产业技术工程化中心
passes ENG-NAME-04

# ---- 第三十七条: 自2026年2月1日起施行

=== eff-01
run xedit centre.xml set "/centre/submissions/submission[@document='evaluation-table']/@date" 2026-01-31
exit 1
fires ENG-EFF-01
expect-text 2026-01-31

=== eff-01-twin-first-day
run xedit centre.xml set "/centre/submissions/submission[@document='evaluation-table']/@date" 2026-02-01
passes ENG-EFF-01

=== eff-02-approved
# the NDRC's agreement dated before the scheme took effect (a warning: the
# text has no transitional clause, the conclusion is dossier's)
run xedit centre.xml set /centre/dates/approved 2026-01-31
exit 0
fires ENG-EFF-02
expect-text warning [ENG-EFF-02]
expect-text the NDRC agreed to start the centre on 2026-01-31

=== eff-02-twin-approved-on-the-first-day
run xedit centre.xml set /centre/dates/approved 2026-02-01
passes ENG-EFF-02

=== eff-02-incubation-start
# no approval date: the start of incubation is read instead (a three-year
# incubation 2026-01-31..2029-01-30, the summary filed 2029-03-20)
run xedit centre.xml del /centre/dates/approved set /centre/dates/incubation/@start 2026-01-31 set /centre/dates/incubation/@end 2029-01-30 set /centre/submissions/submission/@date 2029-03-20
args --as-of 2029-03-20
exit 0
fires ENG-EFF-02
expect-text warning [ENG-EFF-02]

=== eff-02-twin-incubation-from-the-first-day
run xedit centre.xml del /centre/dates/approved set /centre/dates/incubation/@start 2026-02-01 set /centre/dates/incubation/@end 2029-01-31 set /centre/submissions/submission/@date 2029-03-20
args --as-of 2029-03-20
passes ENG-EFF-02

# ---- 第二十四条: 优秀、良好、中等、基本合格、不合格

=== eval-03
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2030-03-10" kind="确认评估" grade="合格"/></evaluations>'
exit 1
fires ENG-EVAL-03
expect-text 合格

=== eval-03-twin-basic-pass
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2030-03-10" kind="确认评估" grade="基本合格"/></evaluations>'
passes ENG-EVAL-03

=== eval-03-twin-fail
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2030-03-10" kind="确认评估" grade="不合格"/></evaluations>'
passes ENG-EVAL-03
