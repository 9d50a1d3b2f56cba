# The dossier agrees with itself: a seeded defect and its boundary twin for
# each consistency rule of EMG (parts against totals, lists against the data
# table, narrative figures, the director and technical leader as staff).
# A defect of a warning exits 0 unless something else is an error.
# First generated from the outline's consistency rules; now edited by hand.
base ndrc-emerging-2025

=== sum-01
run xedit centre.xml inc /centre/funding/total 0.01
exit 1
fires EMG-SUM-01
expect-text error [EMG-SUM-01]

=== sum-01-twin
run xedit centre.xml inc "/centre/funding/source[@kind='依托单位自筹']" 1 inc /centre/funding/total 1 inc "//indicators/value[@id='total_investment']" 1 inc "//indicators/value[@id='host_funds']" 1
exit any
passes EMG-SUM-01

=== sum-02
run xedit centre.xml inc "//indicators/value[@id='total_investment']" 0.01
exit 1
fires EMG-SUM-02
expect-text error [EMG-SUM-02]

=== sum-02-twin
run xedit centre.xml inc "//indicators/value[@id='total_investment']" 1 inc /centre/funding/total 1 inc "/centre/funding/source[@kind='依托单位自筹']" 1 inc "//indicators/value[@id='host_funds']" 1
exit any
passes EMG-SUM-02

=== sum-03
run xedit centre.xml inc "//indicators/value[@id='central_funds']" 0.01
exit 1
fires EMG-SUM-03
expect-text error [EMG-SUM-03]

=== sum-03-twin
run xedit centre.xml inc "/centre/funding/source[@kind='中央财政资金']" 1 inc /centre/funding/total 1 inc "//indicators/value[@id='total_investment']" 1 inc "//indicators/value[@id='central_funds']" 1
exit any
passes EMG-SUM-03

=== sum-04
run xedit centre.xml inc "//indicators/value[@id='local_funds']" 0.01
exit 1
fires EMG-SUM-04
expect-text error [EMG-SUM-04]

=== sum-04-twin
run xedit centre.xml inc "/centre/funding/source[@kind='地方财政资金']" 1 inc /centre/funding/total 1 inc "//indicators/value[@id='total_investment']" 1 inc "//indicators/value[@id='local_funds']" 1
exit any
passes EMG-SUM-04

=== sum-05
run xedit centre.xml inc "//indicators/value[@id='host_funds']" 0.01
exit 1
fires EMG-SUM-05
expect-text error [EMG-SUM-05]

=== sum-05-twin
run xedit centre.xml inc "/centre/funding/source[@kind='依托单位自筹']" 1 inc /centre/funding/total 1 inc "//indicators/value[@id='total_investment']" 1 inc "//indicators/value[@id='host_funds']" 1
exit any
passes EMG-SUM-05

=== sum-06
run xedit centre.xml inc "//indicators/value[@id='social_funds']" 0.01
exit 1
fires EMG-SUM-06
expect-text error [EMG-SUM-06]

=== sum-06-twin
run xedit centre.xml inc "/centre/funding/source[@kind='社会资本']" 1 inc /centre/funding/total 1 inc "//indicators/value[@id='total_investment']" 1 inc "//indicators/value[@id='social_funds']" 1
exit any
passes EMG-SUM-06

=== sum-07
run xedit centre.xml inc /centre/accounts/total/@actual 0.01
exit 1
fires EMG-SUM-07
expect-text error [EMG-SUM-07]

=== sum-07-twin
run xedit centre.xml inc '(/centre/accounts/item)[1]/@actual' 1 inc /centre/accounts/total/@actual 1
exit any
passes EMG-SUM-07

=== sum-08
run xedit centre.xml inc /centre/accounts/total/@budget -0.01
exit 1
fires EMG-SUM-08
expect-text error [EMG-SUM-08]

=== sum-08-twin
run xedit centre.xml inc '(/centre/accounts/item)[1]/@budget' 1 inc /centre/accounts/total/@budget 1
exit any
passes EMG-SUM-08

=== sum-09
# the listed equipment worth 0.01 more than the table says
run xedit centre.xml inc "//indicators/value[@id='rd_equipment_value']" -0.01
exit 1
fires EMG-SUM-09
expect-text error [EMG-SUM-09]

=== sum-09-twin
# a list of the main equipment, worth less than the total, is no contradiction
run xedit centre.xml inc "//indicators/value[@id='rd_equipment_value']" 1000
exit any
passes EMG-SUM-09

=== sum-10
run xedit centre.xml inc "//indicators/value[@id='national_project_funds']" 0.01
exit any
fires EMG-SUM-10
expect-text warning [EMG-SUM-10]

=== sum-10-twin
run xedit centre.xml inc "(/centre/projects/project[@level='国家级'])[1]/@funds" 1 inc "//indicators/value[@id='national_project_funds']" 1
exit any
passes EMG-SUM-10

=== sum-11
run xedit centre.xml inc "//indicators/value[@id='incubatee_financing']" -0.01
exit any
fires EMG-SUM-11
expect-text warning [EMG-SUM-11]

=== sum-11-twin
run xedit centre.xml inc '(/centre/firms/firm)[1]/@financing' 1 inc "//indicators/value[@id='incubatee_financing']" 1
exit any
passes EMG-SUM-11

=== sum-12
# the list with the others it declares must equal the total
run xedit centre.xml inc "//indicators/value[@id='staff_total']" 1
exit 1
fires EMG-SUM-12
expect-text error [EMG-SUM-12]

=== sum-12-twin
run xedit centre.xml add /centre/staff '<person name="边界测试" rd="false"/>' inc "//indicators/value[@id='staff_total']" 1
exit any
passes EMG-SUM-12

=== sum-13
run xedit centre.xml set "(/centre/staff/person[not(@rd='false')])[last()]/@rd" false
exit 1
fires EMG-SUM-13
expect-text error [EMG-SUM-13]

=== sum-13-twin
run xedit centre.xml set "(/centre/staff/person[not(@rd='false')])[last()]/@rd" false inc /centre/staff/@others-rd 1
exit any
passes EMG-SUM-13

=== sum-14
# more patents granted in the period listed than the table counts
run xedit centre.xml inc "//indicators/value[@id='patents_granted']" -1
exit 1
fires EMG-SUM-14
expect-text error [EMG-SUM-14]

=== sum-14-twin
# a patent granted before the period is not this period's
run xedit centre.xml inc "//indicators/value[@id='patents_granted']" -1
run xedit centre.xml set "(/centre/patents/patent[@status='授权'][@kind='实用新型' or @kind='外观设计'] | /centre/patents/patent[@status='授权'])[1]/@date" 2000-01-01
exit any
passes EMG-SUM-14

=== sum-15
run xedit centre.xml inc "//indicators/value[@id='invention_granted']" -1
exit 1
fires EMG-SUM-15
expect-text error [EMG-SUM-15]

=== sum-15-twin
run xedit centre.xml inc "//indicators/value[@id='invention_granted']" -1
run xedit centre.xml set "(/centre/patents/patent[@status='授权'][@kind='发明'])[1]/@date" 2000-01-01
exit any
passes EMG-SUM-15

=== sum-16
run xedit centre.xml inc "//indicators/value[@id='standards_led']" -1
exit any
fires EMG-SUM-16
expect-text warning [EMG-SUM-16]

=== sum-16-twin
run xedit centre.xml inc "//indicators/value[@id='standards_led']" 1
exit any
passes EMG-SUM-16

=== sum-17
run xedit centre.xml inc "//indicators/value[@id='incubated_firms']" -1
exit any
fires EMG-SUM-17
expect-text warning [EMG-SUM-17]

=== sum-17-twin
run xedit centre.xml inc "//indicators/value[@id='incubated_firms']" 1
exit any
passes EMG-SUM-17

=== sum-18
run xedit centre.xml inc "//indicators/value[@id='national_projects']" -1
exit 1
fires EMG-SUM-18
expect-text error [EMG-SUM-18]

=== sum-18-twin
# a national project that ended before the period is not counted
run xedit centre.xml add /centre/projects '<project name="边界测试往年国家级课题" level="国家级" funds="0" start="1999-01-01" end="2000-12-31"/>'
exit any
passes EMG-SUM-18

=== sum-19
run xedit centre.xml sumto "//indicators/value[@id='tech_service_income']" 0.01 "//indicators/value[@id='commercialization_income']" "-//indicators/value[@id='tech_transfer_income']"
exit any
fires EMG-SUM-19
expect-text warning [EMG-SUM-19]

=== sum-19-twin
run xedit centre.xml sumto "//indicators/value[@id='tech_service_income']" 0 "//indicators/value[@id='commercialization_income']" "-//indicators/value[@id='tech_transfer_income']"
exit any
passes EMG-SUM-19

=== sum-20
# no others declared: the list may be partial, but not longer than the total
run xedit centre.xml del /centre/staff/@others
run xedit centre.xml set "//indicators/value[@id='staff_total']" $(($(xedit centre.xml get 'count(/centre/staff/person)') - 1))
exit 1
fires EMG-SUM-20
expect-text error [EMG-SUM-20]

=== sum-20-twin
run xedit centre.xml del /centre/staff/@others
run xedit centre.xml set "//indicators/value[@id='staff_total']" $(xedit centre.xml get 'count(/centre/staff/person)')
exit any
passes EMG-SUM-20 EMG-SUM-12

=== sum-21
run xedit centre.xml del /centre/staff/@others-rd
run xedit centre.xml set "//indicators/value[@id='rd_staff']" $(($(xedit centre.xml get "count(/centre/staff/person[not(@rd='false')])") - 1))
exit 1
fires EMG-SUM-21
expect-text error [EMG-SUM-21]

=== sum-21-twin
run xedit centre.xml del /centre/staff/@others-rd
run xedit centre.xml set "//indicators/value[@id='rd_staff']" $(xedit centre.xml get "count(/centre/staff/person[not(@rd='false')])")
exit any
passes EMG-SUM-21 EMG-SUM-13

=== tab-03
run xedit centre.xml sumto "//indicators/value[@id='served_smes']" 1 "//indicators/value[@id='served_firms']"
exit 1
fires EMG-TAB-03
expect-text error [EMG-TAB-03]

=== tab-03-twin
run xedit centre.xml sumto "//indicators/value[@id='served_smes']" 0 "//indicators/value[@id='served_firms']"
exit any
passes EMG-TAB-03

=== nar-02
run n=$(xedit centre.xml get "//indicators/value[@id='rd_staff']"); f=$(ls sections/*.md | head -1); printf '\n研发人员数为%s人。\n' $((n + 1)) >> "$f"
exit 1
fires EMG-NAR-02
expect-text error [EMG-NAR-02]

=== nar-02-twin
run n=$(xedit centre.xml get "//indicators/value[@id='rd_staff']"); f=$(ls sections/*.md | head -1); printf '\n研发人员数为%s人。\n' "$n" >> "$f"
exit any
passes EMG-NAR-02

=== id-07
run xedit centre.xml set /centre/identity/director 另一位主任
exit 1
fires EMG-ID-07
expect-text error [EMG-ID-07]

=== id-07-twin
run n=$(xedit centre.xml get "(/centre/staff/person[@id])[last()]/@name"); id=$(xedit centre.xml get "(/centre/staff/person[@id])[last()]/@id"); xedit centre.xml set /centre/identity/director "$n" set /centre/identity/director/@person "$id"
exit any
passes EMG-ID-07

=== id-08
run xedit centre.xml del-if /centre/identity/tech-leader after /centre/identity/director '<tech-leader/>' set /centre/identity/tech-leader 另一位带头人 set /centre/identity/tech-leader/@person "$(xedit centre.xml get '(/centre/staff/person[@id])[1]/@id')"
exit 1
fires EMG-ID-08
expect-text error [EMG-ID-08]

=== id-08-twin
run xedit centre.xml del-if /centre/identity/tech-leader after /centre/identity/director '<tech-leader person="x">x</tech-leader>'
run n=$(xedit centre.xml get "(/centre/staff/person[@id])[last()]/@name"); id=$(xedit centre.xml get "(/centre/staff/person[@id])[last()]/@id"); xedit centre.xml set /centre/identity/tech-leader "$n" set /centre/identity/tech-leader/@person "$id"
exit any
passes EMG-ID-08
