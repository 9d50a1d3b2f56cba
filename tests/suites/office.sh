#!/bin/bash
# office.sh — Excel workbooks out and in, Word documents in (src/office/).
#
#   tests/suites/office.sh BUILD_DIR SCRATCH_DIR
#
# Run by tests/run.sh for every build; prints one "ok - NAME" or
# "not ok - NAME" per test, and "# ..." notes. Other programs write the
# files dossier reads: LibreOffice (soffice --convert-to), python3-openpyxl
# and pandoc, all from Debian (scripts/install-deps.sh). A missing one is a
# failure, never a skip.
#
#   - every sample: export --xlsx, import --xlsx gives back the same
#     centre.xml (tests/office/canon.py), and the centre still checks
#     complete; the same through LibreOffice, through openpyxl (saved as is,
#     and written afresh with the data typed the ways people type it,
#     tests/office/retype.py); a centre holding every element and
#     attribute of centre.xsd (tests/office/uncovered.py says it does) the
#     same way; the blank template of every scheme, its stage chosen from
#     the scheme's stages;
#   - wrong cells are errors naming sheet and cell, nothing written; values
#     in other forms (1,234.5万元 into a 元 row) are read with a note;
#   - hostile workbooks and documents are refused naming the part and the
#     limit (tests/office/mkhostile.py);
#   - Word: every sample section through pandoc and through LibreOffice
#     reads back to Markdown that renders the same (pandoc's HTML of both);
#     what Word writes and the others do not (tests/office/mkdocx.py) reads
#     as tests/office/features.md with a finding for each thing not carried;
#     a whole report splits into sections/*.md by the outline's headings; a
#     centre whose section is a .docx checks complete, and no file in
#     sections/ is passed over silently.
set -u
cd "$(dirname "$0")/../.." || exit 2
B=${1:?usage: office.sh BUILD_DIR SCRATCH_DIR}
T=${2:?usage: office.sh BUILD_DIR SCRATCH_DIR}
bin=$PWD/$B/dossier
[ "${B#/}" != "$B" ] && bin=$B/dossier
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset DOSSIER_DATADIR
mkdir -p "$T"
T=$(cd "$T" && pwd)

pass() { echo "ok - $*"; }
fail() { echo "not ok - $*"; }
show() { sed 's/^/    | /' "$@" | head -20; }
t() {
	local name=$1
	shift
	if "$@" >"$T/t.out" 2>&1; then pass "$name"; else fail "$name"; show "$T/t.out"; fi
}
# exit status of CMD is WANT, output in $T/c.out and $T/c.err
code() {
	local name=$1 want=$2 got
	shift 2
	"$@" >"$T/c.out" 2>"$T/c.err"
	got=$?
	if [ "$got" = "$want" ]; then pass "$name"; else fail "$name: exit $got, expected $want"; show "$T/c.out" "$T/c.err"; fi
}
has() { grep -qF -- "$2" "$1"; }
same_centre() { # same_centre NAME A.xml B.xml
	python3 tests/office/canon.py "$2" >"$T/a.canon" 2>&1 &&
		python3 tests/office/canon.py "$3" >"$T/b.canon" 2>&1 &&
		diff "$T/a.canon" "$T/b.canon" >"$T/canon.diff" && { pass "$1"; return; }
	fail "$1"
	show "$T/canon.diff"
}

PY=""
for p in /usr/bin/python3 python3; do
	if "$p" -c 'import openpyxl' 2>/dev/null; then PY=$p; break; fi
done
have_soffice=0
command -v soffice >/dev/null 2>&1 && have_soffice=1
soffice_to() { # soffice_to FILTER OUTDIR FILES...: one LibreOffice run
	local filter=$1 out=$2
	shift 2
	HOME=$T/lo-home timeout 600 soffice -env:UserInstallation="file://$T/lo-profile" --headless \
		--convert-to "$filter" --outdir "$out" "$@" >"$T/soffice.log" 2>&1
}

# ------------------------------------------------------------ workbooks
echo "# export --xlsx, import --xlsx: every sample"
mkdir -p "$T/x"
for s in samples/*/; do
	n=$(basename "$s")
	rm -rf "$T/x/$n"
	code "export --xlsx $n" 0 "$bin" export --xlsx "$T/x/$n.xlsx" "$s"
	code "import --xlsx $n" 0 "$bin" import --xlsx "$T/x/$n.xlsx" "$T/x/$n"
	same_centre "round trip $n: the same centre.xml" "$s/centre.xml" "$T/x/$n/centre.xml"
	cp -r "$s/sections" "$s/evidence" "$T/x/$n/"
	code "round trip $n: checks complete" 0 "$bin" check -q "$T/x/$n"
done
has "$T/c.out" "1 centres, 1 complete" && pass "imported centre complete" || fail "imported centre complete"
# the workbook holds what an office worker needs: sheets by label, comments, validation, frozen headers
w=$T/x/ndrc-engineering-2025.xlsx
if unzip -Z1 "$w" >"$T/parts" 2>&1; then
	t "workbook has comments" grep -q 'xl/comments' "$T/parts"
	unzip -p "$w" xl/workbook.xml >"$T/wb.xml"
	for sh in 基本信息 数据表 人员 仪器设备 科研任务 知识产权 资金筹措 目标值 证明材料清单; do
		t "sheet $sh" grep -q "name=\"$sh\"" "$T/wb.xml"
	done
	unzip -p "$w" xl/worksheets/sheet*.xml >"$T/sheets.xml"
	t "data validation (lists, dates, numbers)" grep -q '<dataValidation type="list"' "$T/sheets.xml"
	t "frozen header rows" grep -q 'state="frozen"' "$T/sheets.xml"
else
	fail "workbook is a ZIP"
fi

echo "# every element and attribute of centre.xsd"
# a sample with what no sample has (evaluations, rectification, extension
# requests with their reasons, the cycle ...) added: the whole schema
# through the workbook and back
f=$T/full
rm -rf "$f" "$f-back" && cp -r samples/ndrc-engineering-2025 "$f"
/usr/bin/python3 tests/xedit.py "$f/centre.xml" \
	after /centre/identity/field '<category>领域类</category>' \
	after /centre/identity/supervisor '<co-supervisor>无锡市发展和改革委员会</co-supervisor>' \
	before /centre/dates/report-year '<extension requested="2029-10-08" until="2030-06-30" evidence="E01"><reason>关键设备到货延迟</reason><measures>调整进度，增加投入</measures><planned-completion>2030-05-31</planned-completion></extension>' \
	before /centre/dates/report-year '<extension requested="2030-05-20" until="2030-12-31"><reason>验收排期</reason></extension>' \
	before /centre/dates/report-year '<cycle start="2027-01-01" end="2031-12-31"/>' \
	after /centre/submissions '<evaluations><evaluation date="2028-05-10" grade="良好" kind="运行评估" by="江苏省发展和改革委员会" evidence="E01"/><evaluation date="2029-05-10" grade="优秀"/></evaluations>' \
	after /centre/evaluations '<rectification deadline="2030-05-10" completed="2030-04-01" evidence="E01"><target>补齐中试线</target><measures>新增投资</measures></rectification>' \
	set /centre/identity/host/@role 实施单位 set /centre/identity/host/@substantive true \
	set '/centre/projects/project[1]/@major' true \
	set /centre/state-assets/acceptance/@audited-by 华信会计师事务所 \
	set /centre/state-assets/registration/@audited-by 华信会计师事务所 >"$T/t.out" 2>&1 || show "$T/t.out"
/usr/bin/python3 tests/office/uncovered.py outlines/schema/centre.xsd "$f/centre.xml" >"$T/uncovered" 2>&1
[ ! -s "$T/uncovered" ] && pass "the test centre holds every element and attribute of centre.xsd" ||
	{ fail "the test centre lacks parts of centre.xsd"; show "$T/uncovered"; }
code "export --xlsx: all of centre.xsd" 0 "$bin" export --xlsx "$f.xlsx" "$f"
code "import --xlsx: all of centre.xsd" 0 "$bin" import --xlsx "$f.xlsx" "$f-back"
same_centre "all of centre.xsd: the same centre.xml" "$f/centre.xml" "$f-back/centre.xml"
unzip -p "$f.xlsx" xl/workbook.xml >"$T/wb.xml"
for sh in 延长筹建期 评估结果 变更事项 参建单位; do
	t "sheet $sh" grep -q "name=\"$sh\"" "$T/wb.xml"
done

echo "# blank templates"
for o in outlines/*.xml; do
	sc=$(basename "$o" .xml)
	rm -rf "$T/blank-$sc"
	code "export --blank $sc" 0 "$bin" export --xlsx "$T/blank-$sc.xlsx" --blank --scheme "$sc"
	code "import blank $sc: written" 0 "$bin" import --xlsx "$T/blank-$sc.xlsx" "$T/blank-$sc"
	has "$T/c.err" "XLSX-MISSING" && pass "blank $sc: what is missing is said" || fail "blank $sc: missing values not said"
	code "check blank $sc: incomplete" 1 "$bin" check --lang zh "$T/blank-$sc"
done
# the stage is chosen from the scheme's stages
unzip -p "$T/blank-most-tic-2017.xlsx" xl/worksheets/sheet1.xml >"$T/s1.xml"
grep -q '<formula1>"plan,annual"</formula1>' "$T/s1.xml" && pass "blank: the stage from a list of the scheme's stages" ||
	fail "blank: the stage from a list of the scheme's stages"
has "$T/c.out" "缺少“中心身份”" && pass "schema findings in Chinese with labels" || { fail "schema findings in Chinese with labels"; show "$T/c.out"; }
# a template with the stage already chosen: init --stage, then export the folder
rm -rf "$T/st-init" "$T/st-back"
code "init --stage apply for a staged template" 0 "$bin" init --scheme dalian-tic-2025 --stage apply "$T/st-init"
code "export the init'd folder" 0 "$bin" export --xlsx "$T/st.xlsx" "$T/st-init"
code "import the staged template" 0 "$bin" import --xlsx "$T/st.xlsx" "$T/st-back"
grep -q 'stage="apply"' "$T/st-back/centre.xml" && pass "staged template: the stage comes back as apply" ||
	fail "staged template: the stage comes back as apply"

echo "# LibreOffice and openpyxl write the workbook"
# What LibreOffice, openpyxl and pandoc write does not depend on the build:
# the first build of a run (tests/run.sh) makes it, the next reuses it. It
# is kept for what it was made from (the workbooks' sheets, the sections),
# so a suite run by hand beside an older cache never reads stale files.
C=$(dirname "$T")/office-cache
key=$({ for f in "$T"/x/*.xlsx; do unzip -p "$f" 'xl/*'; done; cat samples/*/sections/*.md; } | sha256sum)
if [ ! -f "$C/ready" ] || [ "$(cat "$C/ready")" != "$key" ]; then
	rm -rf "$C" && mkdir -p "$C/lo" "$C/pd" "$C/lw"
	cp "$T"/x/*.xlsx "$C/"
fi
if [ $have_soffice = 1 ]; then
	mkdir -p "$T/lo"
	if [ -f "$C/ready" ] || soffice_to xlsx "$C/lo" "$C"/*.xlsx; then
		cp "$C"/lo/*.xlsx "$T/lo/"
		for s in samples/*/; do
			n=$(basename "$s")
			rm -rf "$T/lo/$n"
			code "LibreOffice $n: import" 0 "$bin" import --xlsx "$T/lo/$n.xlsx" "$T/lo/$n"
			same_centre "LibreOffice $n: the same centre.xml" "$s/centre.xml" "$T/lo/$n/centre.xml"
		done
	else
		fail "soffice --convert-to xlsx"
		show "$T/soffice.log"
	fi
else
	fail "LibreOffice (soffice) not installed: scripts/install-deps.sh"
fi
if [ -n "$PY" ]; then
	for s in samples/*/; do
		n=$(basename "$s")
		rm -rf "$T/op-$n" "$T/rt-$n"
		[ -f "$C/ready" ] || "$PY" -c "import openpyxl,sys; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])" \
			"$C/$n.xlsx" "$C/op-$n.xlsx" || fail "openpyxl saves $n"
		cp "$C/op-$n.xlsx" "$T/op-$n.xlsx"
		code "openpyxl $n: import" 0 "$bin" import --xlsx "$T/op-$n.xlsx" "$T/op-$n"
		same_centre "openpyxl $n: the same centre.xml" "$s/centre.xml" "$T/op-$n/centre.xml"
		[ -f "$C/ready" ] || "$PY" tests/office/retype.py "$C/$n.xlsx" "$C/rt-$n.xlsx" ||
			fail "openpyxl writes $n afresh, retyped"
		cp "$C/rt-$n.xlsx" "$T/rt-$n.xlsx"
		code "retyped $n: import" 0 "$bin" import --xlsx "$T/rt-$n.xlsx" "$T/rt-$n"
		same_centre "retyped $n: the same centre.xml" "$s/centre.xml" "$T/rt-$n/centre.xml"
	done
	has "$T/c.out" "读作" || has "$T/c.out" "read as" && pass "retyped values are noted" || { fail "retyped values are noted"; show "$T/c.out"; }

	echo "# wrong cells, values in other forms"
	w=$T/x/ndrc-engineering-2025.xlsx
	# cells named by the keys export hides (tests/office/setcells.py), so
	# a new row or column of centre.xsd moves nothing here
	"$PY" tests/office/setcells.py "$w" "$T/wrong.xlsx" '人员!{@fulltime}3=也许' \
		'数据表!{.}{staff_total}=一百八十六' '基本信息!{dates/approved}=2026年2月30日' \
		'科研任务!{@level}4=国家' >"$T/refs" 2>"$T/t.out" || show "$T/t.out"
	rm -rf "$T/wrong"
	code "a workbook with wrong cells is refused" 1 "$bin" import --xlsx "$T/wrong.xlsx" "$T/wrong"
	for ref in $(cat "$T/refs"); do
		has "$T/c.err" "$ref: error [XLSX-VALUE]" && pass "the error names $ref" || { fail "the error names $ref"; show "$T/c.err"; }
	done
	has "$T/c.err" '"国家级"' && pass "what to write is said (国家级)" || fail "what to write is said"
	[ ! -e "$T/wrong/centre.xml" ] && pass "nothing written" || fail "centre.xml written from a wrong workbook"
	code "zh: the error in Chinese" 1 "$bin" import --lang zh --xlsx "$T/wrong.xlsx" "$T/wrong"
	has "$T/c.err" "“是否全职”的值“也许”不是“是”或“否”" && pass "Chinese message" || { fail "Chinese message"; show "$T/c.err"; }
	# 研究与试验发展经费支出 in 元, typed 1,234.5万元: converted exactly
	"$PY" tests/office/setcells.py "$w" "$T/forms.xlsx" '数据表!{@unit}{rd_expenditure}=元' \
		'数据表!{.}{rd_expenditure}=1,234.5万元' '基本信息!{dates/approved}=2022年12月20日' \
		>"$T/refs" 2>"$T/t.out" || show "$T/t.out"
	rm -rf "$T/forms"
	code "values in other forms are read" 0 "$bin" import --xlsx "$T/forms.xlsx" "$T/forms"
	has "$T/c.out" '"1,234.5万元" read as 12,345,000 元' && pass "1,234.5万元 read as 12,345,000 元" || { fail "money converted"; show "$T/c.out"; }
	grep -q 'id="rd_expenditure" unit="元"[^>]*>12,345,000<' "$T/forms/centre.xml" && pass "converted value in centre.xml" || fail "converted value in centre.xml"
	has "$T/c.out" '"2022年12月20日" read as 2022-12-20' && pass "2022年12月20日 read as 2022-12-20" || fail "Chinese date noted"
else
	fail "python3-openpyxl not installed: scripts/install-deps.sh"
fi
# an existing centre.xml stays when the import is refused
mkdir -p "$T/keep" && echo '<keep/>' >"$T/keep/centre.xml"
[ -n "$PY" ] && "$bin" import --xlsx "$T/wrong.xlsx" "$T/keep" >/dev/null 2>&1
has "$T/keep/centre.xml" '<keep/>' && pass "refused import leaves centre.xml as it was" || fail "refused import changed centre.xml"

echo "# hostile workbooks and documents"
mkdir -p "$T/hostile"
pandoc -f gfm -t docx -o "$T/good.docx" samples/ndrc-engineering-2025/sections/summary-1-abstract.md 2>"$T/t.out" || show "$T/t.out"
if python3 tests/office/mkhostile.py "$T/x/most-tic-2021.xlsx" "$T/good.docx" "$T/hostile" >"$T/t.out" 2>&1; then
	while read -r f text; do
		case $f in
		*.xlsx) code "hostile $f refused" 2 "$bin" import --xlsx "$T/hostile/$f" "$T/hostile/out" ;;
		*) code "hostile $f refused" 2 "$bin" import --docx "$T/hostile/$f" --markdown ;;
		esac
		has "$T/c.err" "$text" && pass "hostile $f: says $text" || { fail "hostile $f: says $text"; show "$T/c.err"; }
	done <"$T/hostile/expect.txt"
	[ ! -e "$T/hostile/out/centre.xml" ] && pass "hostile workbooks write nothing" || fail "a hostile workbook wrote centre.xml"
else
	fail "mkhostile.py"
	show "$T/t.out"
fi

# ------------------------------------------------------------ Word
norm() { pandoc -f gfm -t html --wrap=none "$1" | sed -e 's/^[[:space:]]*//' -e 's/ id="[^"]*"//g' | grep -v '^$'; }
same_md() { # same_md NAME A.md B.md: they render the same
	if diff <(norm "$2") <(norm "$3") >"$T/md.diff" 2>&1; then pass "$1"; else fail "$1"; show "$T/md.diff"; fi
}
echo "# Word documents written by pandoc and LibreOffice"
mkdir -p "$T/pd" "$T/lw"
n_sec=0
for f in samples/*/sections/*.md; do
	n=$(basename "$(dirname "$(dirname "$f")")")-$(basename "$f" .md)
	[ -f "$C/ready" ] || { pandoc -f gfm -t docx -o "$C/pd/$n.docx" "$f" &&
		pandoc -f gfm -t html -s --metadata pagetitle=x -o "$C/lw/$n.html" "$f"; } || fail "pandoc $n"
	n_sec=$((n_sec + 1))
done
cp "$C"/pd/*.docx "$T/pd/"
bad=0
for f in samples/*/sections/*.md; do
	n=$(basename "$(dirname "$(dirname "$f")")")-$(basename "$f" .md)
	if ! "$bin" import --docx "$T/pd/$n.docx" --markdown >"$T/pd/$n.md" 2>"$T/pd/$n.err" ||
		[ -s "$T/pd/$n.err" ] || ! diff <(norm "$f") <(norm "$T/pd/$n.md") >"$T/pd/$n.diff"; then
		bad=$((bad + 1))
		echo "    $n:"
		show "$T/pd/$n.err" "$T/pd/$n.diff"
	fi
done
[ $bad = 0 ] && pass "pandoc: all $n_sec sample sections read back the same" || fail "pandoc: $bad of $n_sec sections differ"
if [ $have_soffice = 1 ]; then
	if [ -f "$C/ready" ] || soffice_to 'docx:MS Word 2007 XML' "$C/lw" "$C"/lw/*.html; then
		cp "$C"/lw/*.docx "$T/lw/"
		bad=0
		for f in samples/*/sections/*.md; do
			n=$(basename "$(dirname "$(dirname "$f")")")-$(basename "$f" .md)
			if ! "$bin" import --docx "$T/lw/$n.docx" --markdown >"$T/lw/$n.md" 2>"$T/lw/$n.err" ||
				! diff <(norm "$f") <(norm "$T/lw/$n.md") >"$T/lw/$n.diff"; then
				bad=$((bad + 1))
				echo "    $n:"
				show "$T/lw/$n.err" "$T/lw/$n.diff"
			fi
		done
		[ $bad = 0 ] && pass "LibreOffice: all $n_sec sample sections read back the same" || fail "LibreOffice: $bad of $n_sec sections differ"
	else
		fail "soffice --convert-to docx"
		show "$T/soffice.log"
	fi
else
	fail "LibreOffice (soffice) not installed: scripts/install-deps.sh"
fi

echo "$key" >"$C/ready"

echo "# what Word writes that Markdown cannot carry"
python3 tests/office/mkdocx.py "$T/wd" >"$T/t.out" 2>&1 || { fail "mkdocx.py"; show "$T/t.out"; }
code "features.docx reads" 0 "$bin" import --docx "$T/wd/features.docx" --markdown
if diff tests/office/features.md "$T/c.out" >"$T/d.diff"; then pass "features.docx: the Markdown expected"; else fail "features.docx: the Markdown expected"; show "$T/d.diff"; fi
for want in '第9段: warning [DOCX-IMAGE]' '第10段: warning [DOCX-NOTE]' '第11段: warning [DOCX-HIDDEN]' \
	'第12段: info [DOCX-REVISION]' '第13段: warning [DOCX-MERGED]' '第24段: warning [DOCX-TEXTBOX]' \
	'页眉页脚: info [DOCX-HEADER]'; do
	has "$T/c.err" "$want" && pass "said: $want" || { fail "not said: $want"; show "$T/c.err"; }
done
code "plain.docx reads" 0 "$bin" import --docx "$T/wd/plain.docx" --markdown
if diff tests/office/plain.md "$T/c.out" >"$T/d.diff"; then pass "no heading styles: 一、 and （一） are the headings"; else fail "headings by numbering"; show "$T/d.diff"; fi

echo "# a whole report split by the outline's headings"
s=samples/ndrc-engineering-2025
{
	printf '先进功率半导体国家产业技术工程化中心\n\n筹建期总结报告\n\n'
	for f in "$s"/sections/summary-*.md; do cat "$f"; printf '\n'; done
} >"$T/report.md"
pandoc -f gfm -t docx -o "$T/report.docx" "$T/report.md" || fail "pandoc report"
rm -rf "$T/split" && mkdir -p "$T/split" && cp "$s/centre.xml" "$T/split/"
code "import --docx splits the report" 0 "$bin" import --docx "$T/report.docx" "$T/split"
has "$T/c.err" "DOCX-BEFORE" && pass "the cover is said, not dropped" || { fail "the cover is said"; show "$T/c.err"; }
bad=0
for f in "$s"/sections/summary-*.md; do
	n=$(basename "$f")
	diff <(norm "$f") <(norm "$T/split/sections/$n") >"$T/d.diff" 2>&1 || { bad=$((bad + 1)); echo "    $n"; show "$T/d.diff"; }
done
[ $bad = 0 ] && pass "every section of the split report renders as the original" || fail "$bad split sections differ"
code "existing sections are kept" 1 "$bin" import --docx "$T/report.docx" "$T/split"
has "$T/c.err" "DOCX-EXISTS" && pass "kept files are said" || fail "kept files are said"
code "--force replaces them" 0 "$bin" import --docx "$T/report.docx" --force "$T/split"

echo "# a centre with a .docx section"
c=$T/dsec
rm -rf "$c" && cp -r "$s" "$c"
rm "$c/sections/summary-3-construction.md"
cp "$T/pd/ndrc-engineering-2025-summary-3-construction.docx" "$c/sections/summary-3-construction.docx"
code "a .docx section checks complete" 0 "$bin" check "$c"
echo note >"$c/sections/notes.txt"
cp "$T/pd/ndrc-engineering-2025-summary-4-finance.docx" "$c/sections/summary-4-finance.docx"
code "a stray file and a .md/.docx twin" 1 "$bin" check "$c"
has "$T/c.out" "notes.txt: warning [CORE-SECTION-FILE]" && pass "a stray file in sections/ is said" || { fail "stray file said"; show "$T/c.out"; }
has "$T/c.out" "error [CORE-SECTION-TWICE]" && pass "two files for one section is an error" || fail "twin files error"
rm "$c/sections/notes.txt" "$c/sections/summary-4-finance.docx"
# features.docx is headed 一、摘要: it stands for the abstract
cp "$T/wd/features.docx" "$c/sections/summary-1-abstract.docx" && rm "$c/sections/summary-1-abstract.md"
code "a Word section's findings (warnings)" 0 "$bin" check "$c"
has "$T/c.out" "summary-1-abstract.docx:9: warning [DOCX-IMAGE]" && pass "an image is a finding at its paragraph" || { fail "image finding at paragraph"; show "$T/c.out"; }

echo "# export refuses what the workbook cannot carry"
rm -rf "$T/odd" "$T/odd.xlsx" && cp -r "$s" "$T/odd"
sed -i 's#\(<director [^>]*>周启明</director>\)#\1<deputy>沈嘉禾</deputy>#' "$T/odd/centre.xml"
code "export of an element centre.xsd does not know" 2 "$bin" export --xlsx "$T/odd.xlsx" "$T/odd"
grep -qE 'centre.xml:[0-9]+: <deputy> does not belong in <identity>, so it cannot go into the workbook' "$T/c.err" \
	&& pass "the element is named with its line" || { fail "the element is named"; show "$T/c.err"; }
[ ! -e "$T/odd.xlsx" ] && pass "no workbook written" || fail "a workbook was written"

echo "# usage"
code "export without --xlsx" 2 "$bin" export "$s"
code "export --blank without --scheme" 2 "$bin" export --xlsx "$T/b.xlsx" --blank
code "export --blank unknown scheme" 2 "$bin" export --xlsx "$T/b.xlsx" --blank --scheme nope-2099
code "import both --xlsx and --docx" 2 "$bin" import --xlsx a --docx b "$T/u"
code "import a missing workbook" 2 "$bin" import --xlsx "$T/none.xlsx" "$T/u"
code "export --help" 0 "$bin" export --help
code "import --help" 0 "$bin" import --help
exit 0
