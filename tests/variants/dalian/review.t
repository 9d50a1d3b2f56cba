# 大科规发〔2025〕8号 第十七条 and 第十八条（一）: once rectified, the host unit
# requests re-examination by the rectification deadline, at most a year after
# the failing evaluation (a late request means revocation). Shared setup: the sample centre failed the
# evaluation of 2028-03-20, rectified by 2029-02-20 and requests
# re-examination on 2029-03-01 with the data table for 2028.
base dalian-tic-2025
args --as-of 2029-03-01
run xedit centre.xml set /centre/@stage review set "/centre/submissions/submission[@document='annual-report']/@document" review-request set /centre/submissions/submission/@date 2029-03-01
run xedit centre.xml set /centre/dates/report-year 2028 set /centre/indicators/@period-start 2028-01-01 set /centre/indicators/@period-end 2028-12-31
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2028-03-20" grade="不合格" kind="定期评估" by="大连市科学技术局"/></evaluations>'
run xedit centre.xml after /centre/evaluations '<rectification deadline="2029-03-20" completed="2029-02-20"><target>成果转化应用能力达到组建方案目标</target><measures>设立成果转化专员岗位，共建概念验证平台</measures></rectification>'
run rm sections/annual-*.md
run printf '# 一、整改完成情况\n\n整改完成后，技术合同成交额、孵化企业数量等指标均已达到组建方案目标，成果转化专员岗位和概念验证平台已投入运行，新增横向技术合同十二项，孵化科技型企业两家，整改报告已经管理委员会审议通过，具备提出复审申请的条件。\n' > sections/review-1-done.md
run printf '# 二、整改效果\n\n新增横向技术合同十二项、合同金额一千二百万元，孵化企业两家，成果转化应用能力和服务行业水平明显增强。\n' > sections/review-2-result.md

=== review-request-is-complete
expect DL-ID-05

=== doc-10
run xedit centre.xml del "/centre/submissions/submission[@document='review-request']"
run rm sections/review-*.md
exit 1
fires DL-DOC-10

=== doc-10-twin
passes DL-DOC-10

=== sec-12-one-character-short
run sed -i 's/明显增强。/明显增强/' sections/review-2-result.md
exit 0
fires DL-SEC-12
expect-text (49/50 characters)
expect-text warning [DL-SEC-12]

=== sec-12-twin-exactly-the-minimum
passes DL-SEC-12

=== sec-12-missing
run rm sections/review-1-done.md
exit 1
fires DL-SEC-12

=== rev-01
run xedit centre.xml del /centre/rectification/@completed
exit 1
fires DL-REV-01

=== rev-01-twin-completed-on-the-deadline
run xedit centre.xml set /centre/rectification/@completed 2029-03-20 set /centre/submissions/submission/@date 2029-03-20
args --as-of 2029-03-20
passes DL-REV-01

=== rev-02-one-year-and-a-day
run xedit centre.xml set "/centre/submissions/submission/@date" 2029-03-21
args --as-of 2029-03-21
exit 1
fires DL-REV-02
expect-text after the rectification deadline 2029-03-20

=== rev-02-twin-exactly-one-year
run xedit centre.xml set "/centre/submissions/submission/@date" 2029-03-20
args --as-of 2029-03-20
passes DL-REV-02

=== rev-02-evaluated-on-29-february
run xedit centre.xml set /centre/evaluations/evaluation/@date 2028-02-29 set /centre/rectification/@deadline 2029-02-28 set "/centre/submissions/submission/@date" 2029-03-01
exit 1
fires DL-REV-02
expect-text after the rectification deadline 2029-02-28

=== rev-02-twin-evaluated-on-29-february
run xedit centre.xml set /centre/evaluations/evaluation/@date 2028-02-29 set /centre/rectification/@deadline 2029-02-28 set "/centre/submissions/submission/@date" 2029-02-28
args --as-of 2029-02-28
passes DL-REV-02 DL-RECT-02

=== rev-02-not-requested-by-the-as-of-day
run xedit centre.xml del "/centre/submissions/submission/@date"
args --as-of 2029-03-21
exit 1
fires DL-REV-02
expect-text (as-of date)

=== rev-02-twin-not-requested-yet-on-the-last-day
run xedit centre.xml del "/centre/submissions/submission/@date"
args --as-of 2029-03-20
passes DL-REV-02

=== rev-03-no-evaluation
run xedit centre.xml del /centre/evaluations
exit 0
fires DL-REV-03
expect-text warning [DL-REV-03]

=== rev-03-not-a-failing-grade
run xedit centre.xml set /centre/evaluations/evaluation/@grade 良好
exit 0
fires DL-REV-03
expect-text warning [DL-REV-03]

=== rev-03-twin
passes DL-REV-03

=== rect-02-at-review
# the one-year limit of the rectification is checked again at review
run xedit centre.xml set /centre/rectification/@deadline 2029-03-21
exit 1
fires DL-RECT-02

=== rect-02-twin-at-review
passes DL-RECT-02

=== hdg-06
# 第十七条 复审申请: the account of the rectification headed otherwise
run sed -i '1s/.*/# 一、整改措施/' sections/review-1-done.md
exit 1
fires DL-HDG-06
expect-text error [DL-HDG-06]
expect-text is headed "一、整改措施"

=== hdg-06-twin-other-numbering-or-none
run sed -i '1s/.*/# 1. 整改完成情况/' sections/review-1-done.md
run sed -i '1d' sections/review-2-result.md
passes DL-HDG-06
