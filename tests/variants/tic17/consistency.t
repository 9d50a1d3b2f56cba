# The dossier agrees with itself: a seeded defect and its boundary twin for
# each consistency rule of TIC17 (lists against the data table, parts against
# totals, narrative figures, the director and technical leader as staff).
# 353号 has no article on truthful figures: these are warnings (TIC17-P-CONSIST),
# so a seeded defect still leaves the dossier complete (exit 0).
# Written with notes/consistency_t.py; edit freely.
base most-tic-2017

=== sum-01
run xedit centre.xml inc /centre/funding/total 0.01
exit 0
fires TIC17-SUM-01
expect-text funding sources add up to 28,655.25 万元, the total says 28,655.26 万元

=== sum-01-twin
run xedit centre.xml inc "/centre/funding/source[@kind='依托单位自筹']" 1 inc /centre/funding/total 1 inc "//indicators/value[@id='total_investment']" 1 inc "//indicators/value[@id='host_funds']" 1
passes TIC17-SUM-01

=== sum-02
run xedit centre.xml inc "//indicators/value[@id='total_investment']" 0.01
exit 0
fires TIC17-SUM-02

=== sum-02-twin
run xedit centre.xml inc "//indicators/value[@id='total_investment']" 1 inc /centre/funding/total 1 inc "/centre/funding/source[@kind='依托单位自筹']" 1 inc "//indicators/value[@id='host_funds']" 1
passes TIC17-SUM-02

=== sum-03
run xedit centre.xml inc "//indicators/value[@id='central_funds']" 0.01
exit 0
fires TIC17-SUM-03

=== sum-03-twin
run xedit centre.xml inc "/centre/funding/source[@kind='中央财政资金']" 1 inc /centre/funding/total 1 inc "//indicators/value[@id='total_investment']" 1 inc "//indicators/value[@id='central_funds']" 1
passes TIC17-SUM-03

=== sum-04
run xedit centre.xml inc "//indicators/value[@id='local_funds']" 0.01
exit 0
fires TIC17-SUM-04

=== sum-04-twin
run xedit centre.xml inc "/centre/funding/source[@kind='地方财政资金']" 1 inc /centre/funding/total 1 inc "//indicators/value[@id='total_investment']" 1 inc "//indicators/value[@id='local_funds']" 1
passes TIC17-SUM-04

=== sum-05
run xedit centre.xml inc "//indicators/value[@id='host_funds']" 0.01
exit 0
fires TIC17-SUM-05

=== sum-05-twin
run xedit centre.xml inc "/centre/funding/source[@kind='依托单位自筹']" 1 inc /centre/funding/total 1 inc "//indicators/value[@id='total_investment']" 1 inc "//indicators/value[@id='host_funds']" 1
passes TIC17-SUM-05

=== sum-06
run xedit centre.xml inc "//indicators/value[@id='social_funds']" 0.01
exit 0
fires TIC17-SUM-06

=== sum-06-twin
run xedit centre.xml inc "/centre/funding/source[@kind='社会资本']" 1 inc /centre/funding/total 1 inc "//indicators/value[@id='total_investment']" 1 inc "//indicators/value[@id='social_funds']" 1
passes TIC17-SUM-06

=== sum-07
run xedit centre.xml inc /centre/accounts/total/@actual 0.01
exit 0
fires TIC17-SUM-07

=== sum-07-twin
run xedit centre.xml inc '(/centre/accounts/item)[1]/@actual' 1 inc /centre/accounts/total/@actual 1
passes TIC17-SUM-07

=== sum-08
run xedit centre.xml inc /centre/accounts/total/@budget -0.01
exit 0
fires TIC17-SUM-08

=== sum-08-twin
run xedit centre.xml inc '(/centre/accounts/item)[1]/@budget' 1 inc /centre/accounts/total/@budget 1
passes TIC17-SUM-08

=== sum-09
run xedit centre.xml inc "//indicators/value[@id='rd_equipment_value']" 0.01
exit 0
fires TIC17-SUM-09
expect-text the equipment list adds up to 48,326.4 万元, the data table says 48,326.41 万元

=== sum-09-twin
run xedit centre.xml inc "(/centre/equipment/item[not(@count) or @count='1'])[1]/@value" 1 inc "//indicators/value[@id='rd_equipment_value']" 1
passes TIC17-SUM-09

=== sum-10
run xedit centre.xml inc "//indicators/value[@id='national_project_funds']" 0.01
exit 0
fires TIC17-SUM-10

=== sum-10-twin
run xedit centre.xml inc "(/centre/projects/project[@level='国家级'])[1]/@funds" 1 inc "//indicators/value[@id='national_project_funds']" 1
passes TIC17-SUM-10

=== sum-11
run xedit centre.xml inc "//indicators/value[@id='incubatee_financing']" -0.01
exit 0
fires TIC17-SUM-11

=== sum-11-twin
run xedit centre.xml inc '(/centre/firms/firm)[1]/@financing' 1 inc "//indicators/value[@id='incubatee_financing']" 1
passes TIC17-SUM-11

=== sum-12
run xedit centre.xml inc "//indicators/value[@id='staff_total']" 1
exit 0
fires TIC17-SUM-12
expect-text the staff list (with the others not listed) counts 412, total staff says 413 人

=== sum-12-twin
run xedit centre.xml add /centre/staff '<person name="边界测试" rd="false"/>' inc "//indicators/value[@id='staff_total']" 1
passes TIC17-SUM-12

=== sum-13
run xedit centre.xml set "(/centre/staff/person[not(@rd='false')])[last()]/@rd" false
exit 0
fires TIC17-SUM-13

=== sum-13-twin
run xedit centre.xml set "(/centre/staff/person[not(@rd='false')])[last()]/@rd" false inc /centre/staff/@others-rd 1
passes TIC17-SUM-13

=== sum-14
run xedit centre.xml set "(/centre/patents/patent[@status='授权'][@kind!='发明'])[1]/@status" 申请
exit 0
fires TIC17-SUM-14

=== sum-14-twin
run xedit centre.xml add /centre/patents '<patent title="一种边界测试外观" kind="外观设计" status="授权"/>' inc "//indicators/value[@id='patents_granted']" 1
passes TIC17-SUM-14

=== sum-15
run xedit centre.xml set "(/centre/patents/patent[@status='授权'][@kind='发明'])[1]/@kind" 实用新型
exit 0
fires TIC17-SUM-15

=== sum-15-twin
run xedit centre.xml add /centre/patents '<patent title="一种边界测试方法" kind="发明" status="授权"/>' inc "//indicators/value[@id='patents_granted']" 1 inc "//indicators/value[@id='invention_granted']" 1
passes TIC17-SUM-15

=== sum-16
run xedit centre.xml set "(/centre/standards/standard[@role='主持'])[1]/@role" 参与
exit 0
fires TIC17-SUM-16

=== sum-16-twin
run xedit centre.xml add /centre/standards '<standard title="边界测试规范" level="团体" role="主持"/>' inc "//indicators/value[@id='standards_led']" 1
passes TIC17-SUM-16

=== sum-17
run xedit centre.xml inc "//indicators/value[@id='incubated_firms']" 1
exit 0
fires TIC17-SUM-17

=== sum-17-twin
run xedit centre.xml add /centre/firms '<firm name="边界测试科技有限公司" financing="0"/>' inc "//indicators/value[@id='incubated_firms']" 1
passes TIC17-SUM-17

=== sum-18
run xedit centre.xml inc "//indicators/value[@id='national_projects']" 1
exit 0
fires TIC17-SUM-18

=== sum-18-twin
run xedit centre.xml add /centre/projects '<project name="边界测试国家级课题" level="国家级" funds="0"/>' inc "//indicators/value[@id='national_projects']" 1
passes TIC17-SUM-18

=== sum-19
run xedit centre.xml sumto "//indicators/value[@id='commercialization_income']" -0.01 "//indicators/value[@id='tech_transfer_income']" "//indicators/value[@id='tech_service_income']"
exit 0
fires TIC17-SUM-19
expect-text commercialisation income 7,220.59 万元 is less than transfer plus service income 7,220.6 万元

=== sum-19-twin
run xedit centre.xml sumto "//indicators/value[@id='tech_service_income']" 0 "//indicators/value[@id='commercialization_income']" "-//indicators/value[@id='tech_transfer_income']"
passes TIC17-SUM-19

=== tab-03
run xedit centre.xml sumto "//indicators/value[@id='served_smes']" 1 "//indicators/value[@id='served_firms']"
exit 0
fires TIC17-TAB-03
expect-text "of which SMEs" is 569 家, more than its total "Firms served" 568 家

=== tab-03-twin
run xedit centre.xml sumto "//indicators/value[@id='served_smes']" 0 "//indicators/value[@id='served_firms']"
passes TIC17-TAB-03

=== nar-02
run n=$(xedit centre.xml get "//indicators/value[@id='rd_staff']"); f=$(ls sections/*.md | head -1); printf '\n研发人员数为%s人。\n' $((n + 1)) >> "$f"
exit 0
fires TIC17-NAR-02
expect-text the narrative gives "R&D staff" as 319 人, the data table has 318 人

=== nar-02-twin
run n=$(xedit centre.xml get "//indicators/value[@id='rd_staff']"); f=$(ls sections/*.md | head -1); printf '\n研发人员数为%s人。\n' "$n" >> "$f"
passes TIC17-NAR-02

=== id-07
run xedit centre.xml set /centre/identity/director 另一位主任
exit 0
fires TIC17-ID-07

=== id-07-twin
run n=$(xedit centre.xml get "(/centre/staff/person[@id])[last()]/@name"); id=$(xedit centre.xml get "(/centre/staff/person[@id])[last()]/@id"); xedit centre.xml set /centre/identity/director "$n" set /centre/identity/director/@person "$id"
passes TIC17-ID-07

=== id-08
run xedit centre.xml del-if /centre/identity/tech-leader after /centre/identity/director '<tech-leader/>' set /centre/identity/tech-leader 另一位带头人 set /centre/identity/tech-leader/@person "$(xedit centre.xml get '(/centre/staff/person[@id])[1]/@id')"
exit 0
fires TIC17-ID-08

=== id-08-twin
run xedit centre.xml del-if /centre/identity/tech-leader after /centre/identity/director '<tech-leader person="x">x</tech-leader>'
run n=$(xedit centre.xml get "(/centre/staff/person[@id])[last()]/@name"); id=$(xedit centre.xml get "(/centre/staff/person[@id])[last()]/@id"); xedit centre.xml set /centre/identity/tech-leader "$n" set /centre/identity/tech-leader/@person "$id"
passes TIC17-ID-08
