# 国科发区〔2021〕17号: who the centre is, at every stage — its category
# (第三条), legal form (第四条), full-time director linked to the staff list
# (第十八条), name by category in Chinese and English (第三十二条) and the
# evaluation grades (第二十九条); on the sample 2025 annual report.
base most-tic-2021

=== id-03
run xedit centre.xml del /centre/identity/category
exit 1
fires TIC21-ID-03
expect-text the category (综合类 or 领域类) is not given

=== id-03-twin-comprehensive
# the other category, named as 第三十二条 names a comprehensive centre
run xedit centre.xml set /centre/identity/category 综合类 set /centre/identity/name 长三角国家技术创新中心 set /centre/identity/name-en "Yangtze River Delta National Center of Technology Innovation"
passes TIC21-ID-03 TIC21-NAME-01 TIC21-NAME-03

=== id-04
run xedit centre.xml set /centre/identity/legal-form 非法人实体化
exit 1
fires TIC21-ID-04
expect-text the centre must be an independent legal entity; it is "非法人实体化"

=== id-04-twin
passes TIC21-ID-04

=== gov-03
# 第十八条: the director must work for the centre full time
run xedit centre.xml set "/centre/staff/person[@id='P01']/@fulltime" false
exit 1
fires TIC21-GOV-03
expect-text the director "沈建华" is not full-time

=== gov-03-twin-a-part-time-deputy
# a part-time 副主任 is not the director: only the person director points at counts
run xedit centre.xml set "/centre/staff/person[@id='P03']/@fulltime" false
passes TIC21-GOV-03

=== gov-03-twin-fulltime-not-stated
# full time unless the staff list says otherwise
run xedit centre.xml del "/centre/staff/person[@id='P01']/@fulltime"
passes TIC21-GOV-03

=== gov-04
run xedit centre.xml del /centre/identity/director/@person
exit 0
fires TIC21-GOV-04
passes TIC21-GOV-03
expect-text identity/director points at no staff person
expect-text warning [TIC21-GOV-04]

=== gov-04-twin-another-person
# the director linked to another person of the staff list, name and all
run xedit centre.xml set /centre/identity/director/@person P03 set /centre/identity/director 李卫东
passes TIC21-GOV-04 TIC21-GOV-03 TIC21-ID-07

=== name-01
# 第三十二条: a comprehensive centre is "××国家技术创新中心", not the field form
run xedit centre.xml set /centre/identity/category 综合类 set /centre/identity/name-en "Yangtze River Delta National Center of Technology Innovation"
exit 1
fires TIC21-NAME-01
passes TIC21-NAME-02 TIC21-NAME-03
expect-text comprehensive centre name "国家先进储能技术创新中心" does not follow

=== name-01-empty-region
# "××" stands for something: the bare words are not a name
run xedit centre.xml set /centre/identity/category 综合类 set /centre/identity/name 国家技术创新中心 set /centre/identity/name-en "Yangtze River Delta National Center of Technology Innovation"
exit 1
fires TIC21-NAME-01

=== name-01-twin
run xedit centre.xml set /centre/identity/category 综合类 set /centre/identity/name 京津冀国家技术创新中心 set /centre/identity/name-en "Beijing-Tianjin-Hebei National Center of Technology Innovation"
passes TIC21-NAME-01 TIC21-NAME-03

=== name-02
# a field centre is "国家××技术创新中心", not the comprehensive form
run xedit centre.xml set /centre/identity/name 先进储能国家技术创新中心
exit 1
fires TIC21-NAME-02
passes TIC21-NAME-01
expect-text field centre name "先进储能国家技术创新中心" does not follow "国家××技术创新中心"

=== name-02-empty-field
run xedit centre.xml set /centre/identity/name 国家技术创新中心
exit 1
fires TIC21-NAME-02

=== name-02-twin-shortest-field
run xedit centre.xml set /centre/identity/name 国家储能技术创新中心
passes TIC21-NAME-02

=== name-03
run xedit centre.xml set /centre/identity/category 综合类 set /centre/identity/name 长三角国家技术创新中心 set /centre/identity/name-en "National Center of Technology Innovation for Yangtze River Delta"
exit 1
fires TIC21-NAME-03
passes TIC21-NAME-01 TIC21-NAME-04
expect-text does not follow "XX National Center of Technology Innovation"

=== name-03-empty-region
run xedit centre.xml set /centre/identity/category 综合类 set /centre/identity/name 长三角国家技术创新中心 set /centre/identity/name-en "National Center of Technology Innovation"
exit 1
fires TIC21-NAME-03

=== name-03-twin
run xedit centre.xml set /centre/identity/category 综合类 set /centre/identity/name 长三角国家技术创新中心 set /centre/identity/name-en "Yangtze River Delta National Center of Technology Innovation"
passes TIC21-NAME-03

=== name-04
run xedit centre.xml set /centre/identity/name-en "Advanced Energy Storage National Center of Technology Innovation"
exit 1
fires TIC21-NAME-04
passes TIC21-NAME-03
expect-text does not follow "National Center of Technology Innovation for XX"

=== name-04-empty-field
run xedit centre.xml set /centre/identity/name-en "National Center of Technology Innovation for"
exit 1
fires TIC21-NAME-04

=== name-04-twin
run xedit centre.xml set /centre/identity/name-en "National Center of Technology Innovation for Energy Storage"
passes TIC21-NAME-04

=== eval-03
# 第二十九条: 优秀, 良好, 较差 — 合格 is another scheme's grade
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2025-12-10" grade="合格" kind="绩效评估" by="科技部委托的第三方机构"/></evaluations>'
exit 1
fires TIC21-EVAL-03
expect-text grade "合格" is not one of the scheme's grades

=== eval-03-twin-lowest-grade
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2025-12-10" grade="较差" kind="绩效评估" by="科技部委托的第三方机构"/></evaluations>'
passes TIC21-EVAL-03

=== eval-03-twin-highest-grade
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2025-12-10" grade="优秀" kind="绩效评估" by="科技部委托的第三方机构"/></evaluations>'
passes TIC21-EVAL-03
