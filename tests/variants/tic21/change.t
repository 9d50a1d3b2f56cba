# 国科发区〔2021〕17号 at the change stage (第二十六条, 第十条第六项): the sample
# centre asks to move its registered seat, a written request with its two
# sections and the change recorded in centre.xml. Each rule's seeded defect
# and its boundary twin.
base most-tic-2021
run xedit centre.xml set /centre/@stage change del /centre/submissions/submission add /centre/submissions '<submission document="change-request" date="2026-04-08"/>'
run xedit centre.xml after /centre/submissions '<changes><change kind="注册地变更" date="2026-06-30" major="true">注册地由江苏省常州市武进区变更为江苏省常州市新北区</change></changes>'
run rm sections/annual-*.md
run printf '# 一、变更事项\n\n变更事项：中心注册地由江苏省常州市武进区变更为江苏省常州市新北区，中心名称和法人主体不变。\n' > sections/chg-1-matter.md
run printf '# 二、变更理由\n\n变更理由：中心本部新园区建成启用，研发与中试场地整体迁入新北区，注册地随之变更以便统一管理。\n' > sections/chg-2-reason.md

=== base-is-complete
expect

=== doc-09
# 第二十六条 应提出书面申请: the change stage with the data table only
run xedit centre.xml set /centre/submissions/submission/@document evaluation-table
exit 1
fires TIC21-DOC-09 CORE-DOCUMENT
expect-text a change must include Request to change a major matter

=== doc-09-twin
passes TIC21-DOC-09

=== sec-11-matter-29-characters
run printf '# 一、变更事项\n\n中心注册地由常州市武进区变更为常州市新北区，名称和法人不变\n' > sections/chg-1-matter.md
exit 0
fires TIC21-SEC-11
expect-text (29/30 characters)
expect-text warning [TIC21-SEC-11]

=== sec-11-twin-matter-30-characters
run printf '# 一、变更事项\n\n中心注册地由常州市武进区变更为常州市新北区，名称和法人不变。\n' > sections/chg-1-matter.md
passes TIC21-SEC-11

=== sec-11-reason-missing
# 变更理由: 第二十六条 asks for a written request, not its structure
run rm sections/chg-2-reason.md
exit any
passes TIC21-SEC-11

=== hdg-06
run sed -i '1s/.*/# 一、变更内容/' sections/chg-1-matter.md
exit 1
fires TIC21-HDG-06
expect-text is headed "一、变更内容"

=== hdg-06-twin-arabic-number
run sed -i '1s/.*/# 1、变更事项/' sections/chg-1-matter.md
passes TIC21-HDG-06

=== chg-01
# 第十条第六项: the change itself is not recorded
run xedit centre.xml del /centre/changes
exit 1
fires TIC21-CHG-01
expect-text the request records no change

=== chg-01-twin-one-change
passes TIC21-CHG-01

=== id-04-change
run xedit centre.xml set /centre/identity/legal-form 非法人实体化
exit 1
fires TIC21-ID-04

=== cht-01-not-at-change
# the charter is asked for with annual reports and evaluations, not with a change request
run xedit centre.xml set "/centre/evidence-list/evidence[@kind='章程']/@kind" 其他
passes TIC21-CHT-01
