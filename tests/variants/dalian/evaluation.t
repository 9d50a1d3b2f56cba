# 大科规发〔2025〕8号 第十七条 at the evaluation stage: every three years the
# centre is assessed on five areas; the material covers each of them and
# comes with the data table. Shared setup: the sample centre's first
# evaluation (cycle from approval on 2025-03-10 to the end of 2027), handed in
# on 2028-03-15; the areas' sections reuse the annual report's.
base dalian-tic-2025
args --as-of 2028-03-15
run xedit centre.xml set /centre/@stage evaluation set "/centre/submissions/submission[@document='annual-report']/@document" evaluation-report set /centre/submissions/submission/@date 2028-03-15
run xedit centre.xml set /centre/dates/report-year 2027 set /centre/indicators/@period-start 2025-03-10 set /centre/indicators/@period-end 2027-12-31
run sed '1s/.*/# 一、行业共性关键技术研发/' sections/annual-2-research.md > sections/eval-1-research.md
run sed '1s/.*/# 二、成果转化应用能力/' sections/annual-3-transfer.md > sections/eval-2-transfer.md
run sed '1s/.*/# 三、对行业技术进步的带动作用/' sections/annual-4-leading.md > sections/eval-3-leading.md
run sed '1s/.*/# 四、队伍建设与人才培养/' sections/annual-5-talent.md > sections/eval-4-talent.md
run rm sections/annual-*.md
run printf '# 五、开放交流与运行管理\n\n中心大型仪器设备全部纳入大连市科技资源共享服务平台，对外开放共享，三年来为省内外企业和高校提供测试检测服务，举办氢能装备技术交流活动；管理委员会和技术指导委员会按期召开会议，人财物相对独立，运行有序。\n' > sections/eval-5-open.md

=== evaluation-material-is-complete
# only the encouragement to register as a legal person (第八条, info)
expect DL-ID-05

=== doc-04-no-data-table
# 评估细则另行制定: what is submitted is not set by the text
run xedit centre.xml del "/centre/submissions/submission[@document='evaluation-table']"
exit 0
fires DL-DOC-04
expect-text warning [DL-DOC-04]

=== doc-04-no-report
run xedit centre.xml del "/centre/submissions/submission[@document='evaluation-report']"
run rm sections/eval-*.md
exit 0
fires DL-DOC-04
expect-text warning [DL-DOC-04]

=== doc-04-twin
passes DL-DOC-04

=== sec-07-one-character-short
run sed -i 's/运行有序。/运行有序/' sections/eval-5-open.md
fires DL-SEC-07
expect-text (99/100 characters)

=== sec-07-twin-exactly-the-minimum
passes DL-SEC-07

=== sec-07-an-area-left-out
run rm sections/eval-3-leading.md
fires DL-SEC-07

=== evaluation-rules-of-other-articles-apply
# 第十条 (chair of the technical advisory committee) also holds at evaluation
run xedit centre.xml set /centre/identity/advisory-chair/@affiliation 大连凌海氢能装备股份有限公司
exit 1
fires DL-GOV-02

=== hdg-04
# the file of 带动作用 headed as another area: a warning (评估细则另行制定)
run sed -i '1s/.*/# 三、成果转化应用能力/' sections/eval-3-leading.md
exit 0
fires DL-HDG-04
expect-text warning [DL-HDG-04]
expect-text is headed "三、成果转化应用能力"

=== hdg-04-twin-other-numbering-or-none
run sed -i '1s/.*/# 3. 对行业技术进步的带动作用/' sections/eval-3-leading.md
run sed -i '1d' sections/eval-5-open.md
passes DL-HDG-04

=== per-03-two-years
# 每三年为一个评估周期: data of 2026 and 2027 only
run xedit centre.xml set /centre/indicators/@period-start 2026-01-01
exit 0
fires DL-PER-03
expect-text warning [DL-PER-03]
expect-text the evaluation data period is 2026-01-01—2027-12-31

=== per-03-four-years
run xedit centre.xml set /centre/indicators/@period-start 2024-01-01
exit 0
fires DL-PER-03

=== per-03-part-years
# three calendar years, but not whole ones: from mid-2025 to the end of March 2027
run xedit centre.xml set /centre/indicators/@period-start 2025-06-01 set /centre/indicators/@period-end 2027-03-31
exit 0
fires DL-PER-03

=== per-03-ends-before-the-year-does
run xedit centre.xml set /centre/indicators/@period-start 2025-01-01 set /centre/indicators/@period-end 2027-12-30
exit 0
fires DL-PER-03

=== per-03-twin-three-whole-years
run xedit centre.xml set /centre/indicators/@period-start 2025-01-01
passes DL-PER-03

=== per-03-twin-first-cycle-from-approval
# the shared setup: from approval on 2025-03-10 to the end of 2027
passes DL-PER-03
