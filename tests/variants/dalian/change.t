# 大科规发〔2025〕8号 第十六条: a change (new name, restructured host, new head,
# new research direction …) is requested by the host unit, saying what
# changes and why. Shared setup: the sample centre asking on 2026-06-10 to
# replace its director.
base dalian-tic-2025
args --as-of 2026-06-10
run xedit centre.xml set /centre/@stage change del "/centre/submissions/submission[@document='evaluation-table']"
run xedit centre.xml set /centre/submissions/submission/@document change-request set /centre/submissions/submission/@date 2026-06-10
run xedit centre.xml after /centre/submissions '<changes><change kind="负责人更换" date="2026-06-01" major="true">中心主任由刘振华更换为陈晓岚。</change></changes>'
run rm sections/annual-*.md
run printf '# 一、变更事项\n\n中心主任由刘振华更换为陈晓岚，刘振华继续担任中心技术带头人。\n' > sections/chg-1-matter.md
run printf '# 二、变更理由\n\n刘振华调任依托单位总工程师，为保证中心日常运行管理，经管理委员会审议，提名陈晓岚担任中心主任。\n' > sections/chg-2-reason.md

=== change-request-is-complete
expect DL-ID-05

=== doc-09
run xedit centre.xml set /centre/submissions/submission/@document evaluation-table
exit 1
fires DL-DOC-09

=== doc-09-twin
passes DL-DOC-09

=== sec-11-one-character-short
run sed -i 's/继续担任/仍担任/' sections/chg-1-matter.md
exit 0
fires DL-SEC-11
expect-text (29/30 characters)
expect-text warning [DL-SEC-11]

=== sec-11-twin-exactly-the-minimum
passes DL-SEC-11

=== sec-11-no-reason
# 变更理由: no article asks for it, dossier's suggestion
run rm sections/chg-2-reason.md
exit any
passes DL-SEC-11

=== chg-01
run xedit centre.xml del /centre/changes
exit 1
fires DL-CHG-01

=== chg-01-twin-a-filing-only-change
# 更名 is filed with the bureau (no on-site inspection): still a change
run xedit centre.xml set /centre/changes/change/@kind 更名 set /centre/changes/change/@major false
passes DL-CHG-01

=== hdg-07
# 第十六条: the reason written in the file of the matter
run sed -i '1s/.*/# 二、变更理由/' sections/chg-1-matter.md
exit 1
fires DL-HDG-07
expect-text error [DL-HDG-07]
expect-text is headed "二、变更理由"

=== hdg-07-optional-section-warns
# 变更理由 may be left out (required="false"), so its wrong heading is a
# warning, not an error like 变更事项's above
run sed -i '1s/.*/# 二、变更原因说明/' sections/chg-2-reason.md
exit 0
fires DL-HDG-07
expect-text warning [DL-HDG-07]
expect-text is headed "二、变更原因说明"

=== hdg-07-twin-other-numbering-or-none
run sed -i '1s/.*/# 一．变更事项/' sections/chg-1-matter.md
run sed -i '1d' sections/chg-2-reason.md
passes DL-HDG-07
