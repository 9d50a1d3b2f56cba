#!/bin/bash
# init.sh — `dossier init`: a new centre directory for a scheme and stage.
#
#   tests/suites/init.sh BUILD_DIR SCRATCH_DIR
#
# Run by tests/run.sh for every build; prints one "ok - NAME" or
# "not ok - NAME" per test.
#
#   - every stage of every scheme: init makes centre.xml (well-formed), one
#     section file per section of the stage's documents (read from the
#     outline with xmllint, not from dossier) and an empty evidence/; check
#     then exits 1 with exactly one CORE-PROMPT per prompt in the sections
#     and one CORE-SCHEMA or CORE-EMPTY per empty value of centre.xml, and
#     nothing else;
#   - every sample: init at the sample's scheme and stage, filled from the
#     sample (tests/init/fill.py: each empty value written, each part init
#     offers only commented out taken in; it fails if the sample holds
#     anything init gives no place) with the sample's sections and
#     evidence: check exits 0; a prompt left, or an emptied value, is
#     exactly one finding;
#   - a Word section with a prompt is a finding at its paragraph;
#   - usage: no scheme, unknown scheme or stage (the stages are listed), an
#     existing folder kept as it was, an empty one used, the first stage by
#     default, a failure leaves nothing behind.
set -u
cd "$(dirname "$0")/../.." || exit 2
B=${1:?usage: init.sh BUILD_DIR SCRATCH_DIR}
T=${2:?usage: init.sh BUILD_DIR SCRATCH_DIR}
bin=$PWD/$B/dossier
[ "${B#/}" != "$B" ] && bin=$B/dossier
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset DOSSIER_DATADIR DOSSIER_LANG
mkdir -p "$T"
T=$(cd "$T" && pwd)

pass() { echo "ok - $*"; }
fail() { echo "not ok - $*"; }
show() { sed 's/^/    | /' "$@" | head -20; }
code() { # NAME WANT CMD...: exit status of CMD is WANT; output in $T/c.out, $T/c.err
	local name=$1 want=$2 got
	shift 2
	"$@" >"$T/c.out" 2>"$T/c.err"
	got=$?
	if [ "$got" = "$want" ]; then pass "$name"; else fail "$name: exit $got, expected $want"; show "$T/c.out" "$T/c.err"; fi
}
has() { grep -qF -- "$2" "$1"; }
# findings of a check output by rule id: "CORE-EMPTY 41 CORE-PROMPT 6 ..."
ids() { grep -oE '(error|warning|info) \[[A-Za-z0-9_.-]+\]' "$1" | sed -E 's/.*\[(.*)\]/\1/' | sort; }
errors() { grep -oE 'error \[[A-Za-z0-9_.-]+\]' "$1" | sed -E 's/.*\[(.*)\]/\1/' | sort | tr '\n' ' '; }
# empty values init asks for: <x></x> and x="" outside comments
empties() { perl -0777 -ne 's/<!--.*?-->//gs; $n = () = /><\/|=""/g; print $n' "$1"; }
xp() { xmllint --xpath "$2" "$1" 2>/dev/null; }

echo "# every stage of every scheme"
for o in outlines/*.xml; do
	sc=$(basename "$o" .xml)
	for st in $(xp "$o" '/outline/stages/stage/@id' | sed 's/ id="\([^"]*\)"/\1 /g'); do
		d=$T/$sc-$st
		rm -rf "$d"
		if ! "$bin" init --scheme "$sc" --stage "$st" "$d" >"$T/c.out" 2>&1; then
			fail "$sc $st: init"
			show "$T/c.out"
			continue
		fi
		bad=""
		xmllint --noout "$d/centre.xml" 2>"$T/x.err" || bad="$bad centre.xml is not well-formed;"
		[ "$(xp "$d/centre.xml" 'concat(/centre/@scheme, " ", /centre/@stage)')" = "$sc $st" ] ||
			bad="$bad scheme and stage not on the root;"
		# the sections: those of the stage's documents, by the outline
		want=""
		for doc in $(xp "$o" "string(/outline/stages/stage[@id='$st']/@documents)"); do
			want="$want $(xp "$o" "/outline/documents/document[@id='$doc']/section/@id" | sed 's/ id="\([^"]*\)"/\1.md /g')"
		done
		want=$(echo $want | tr ' ' '\n' | grep . | sort | tr '\n' ' ')
		have=$(ls "$d/sections" | sort | tr '\n' ' ')
		[ "$have" = "$want" ] || bad="$bad sections [$have], expected [$want];"
		[ -d "$d/evidence" ] && [ -z "$(ls -A "$d/evidence")" ] || bad="$bad evidence/ not an empty folder;"
		[ -z "$bad" ] && pass "$sc $st: centre.xml, $(echo $have | wc -w) sections, evidence/" || fail "$sc $st:$bad"
		"$bin" check --lang en "$d" >"$T/c.out" 2>"$T/c.err"
		got=$?
		nprompt=$(cat "$d"/sections/*.md 2>/dev/null | grep -c '^【请填写】')
		nempty=$(empties "$d/centre.xml")
		ids "$T/c.out" >"$T/ids"
		fp=$(grep -c '^CORE-PROMPT$' "$T/ids")
		fe=$(grep -cE '^CORE-(EMPTY|SCHEMA)$' "$T/ids")
		other=$(grep -vcE '^CORE-(PROMPT|EMPTY|SCHEMA)$' "$T/ids")
		if [ $got = 1 ] && [ "$fp" = "$nprompt" ] && [ "$fe" = "$nempty" ] && [ "$other" = 0 ] && [ "$nempty" -gt 0 ]; then
			pass "$sc $st: check exit 1, one finding per prompt ($nprompt) and per empty value ($nempty)"
		else
			fail "$sc $st: check exit $got, $fp prompt findings for $nprompt prompts, $fe for $nempty empty values, $other others"
			show "$T/c.out"
		fi
	done
done
# the findings say what to write, in Chinese with labels
d=$T/dalian-tic-2025-apply
"$bin" check --lang zh "$d" >"$T/c.out" 2>&1
has "$T/c.out" '“中心身份 — 中心名称”（name）为空' && pass "CORE-EMPTY names the label" || { fail "CORE-EMPTY names the label"; show "$T/c.out"; }
has "$T/c.out" '修改：填写日期，写作 YYYY-MM-DD，如 2026-03-01。' && pass "an empty date: how to write it" || fail "an empty date: how to write it"
has "$T/c.out" '数据表字段“中心职工总数”（staff_total）为空' && pass "an empty data-table value by the field's label" || fail "an empty data-table value by the field's label"
has "$T/c.out" 'sections/plan-1-basic.md:3: 错误 [CORE-PROMPT]' && pass "a prompt at its file and line" || { fail "a prompt at its file and line"; show "$T/c.out"; }
has "$T/c.out" '本节写“依托单位基本情况”（大科规发〔2025〕8号 第五条（一）），正文不少于 100 字' &&
	pass "the prompt says what to write (article, length)" || fail "the prompt says what to write"
has "$d/centre.xml" '<!-- 中心名称。（必填，文字） -->' && pass "centre.xml: a comment per element" || fail "centre.xml: a comment per element"
has "$d/sections/plan-1-basic.md" '# 一、依托单位基本情况' && pass "a section: the outline's heading" || fail "a section: the outline's heading"
d=$T/dalian-tic-2025-annual
has "$d/sections/annual-6-open.md" '## （一）技术指导委员会' && has "$d/sections/annual-6-open.md" '小标题须含“开放运行”或“开放”' &&
	pass "a section: its sub-items as headings, with the words they must hold" || fail "a section: its sub-items"

echo "# filled from a sample, it checks complete"
for s in samples/*/; do
	n=$(basename "$s")
	sc=$(xp "$s/centre.xml" 'string(/centre/@scheme)')
	st=$(xp "$s/centre.xml" 'string(/centre/@stage)')
	d=$T/fill-$n
	rm -rf "$d"
	"$bin" init --scheme "$sc" --stage "$st" "$d" >/dev/null 2>&1 || { fail "$n: init"; continue; }
	if [ "$(ls "$d/sections" | sort)" = "$(ls "$s/sections" | sort)" ]; then
		pass "$n: init writes the sample's section files"
	else
		fail "$n: init's sections differ from the sample's"
		diff <(ls "$d/sections") <(ls "$s/sections") | show
	fi
	if /usr/bin/python3 tests/init/fill.py "$d/centre.xml" "$s/centre.xml" "$T/filled.xml" >"$T/f.out" 2>&1; then
		pass "$n: every value init asks for and every part of the sample has its place ($(cat "$T/f.out"))"
	else
		fail "$n: init and the sample do not fit"
		show "$T/f.out"
		continue
	fi
	mv "$T/filled.xml" "$d/centre.xml"
	cp "$s"/sections/* "$d/sections/"
	cp -r "$s/evidence/." "$d/evidence/"
	code "$n: filled, check complete" 0 "$bin" check "$d"
done
d=$T/fill-dalian-tic-2025
printf '\n【请填写】写“内部管理”。写好后删去这段提示。\n' >>"$d/sections/annual-6-open.md"
"$bin" check --lang en "$d" >"$T/c.out" 2>&1
[ "$(errors "$T/c.out")" = "CORE-PROMPT " ] && pass "a prompt left is one error" || { fail "a prompt left is one error"; show "$T/c.out"; }
cp samples/dalian-tic-2025/sections/annual-6-open.md "$d/sections/"
sed -i 's#<name-en>[^<]*</name-en>#<name-en></name-en>#' "$d/centre.xml"
"$bin" check --lang en "$d" >"$T/c.out" 2>&1
[ "$(errors "$T/c.out")" = "CORE-EMPTY " ] && has "$T/c.out" '"Identity — English name" (name-en) is empty' &&
	pass "an emptied value is one error" || { fail "an emptied value is one error"; show "$T/c.out"; }

echo "# a Word section with a prompt"
d=$T/fill-dalian-apply-2026
if pandoc -f gfm -t docx -o "$T/plan-2.docx" "$T/dalian-tic-2025-apply/sections/plan-2-direction.md" 2>"$T/c.err"; then
	rm "$d/sections/plan-2-direction.md"
	cp "$T/plan-2.docx" "$d/sections/plan-2-direction.docx"
	code "a .docx section with a prompt" 1 "$bin" check --lang en "$d"
	has "$T/c.out" 'plan-2-direction.docx:2: error [CORE-PROMPT]' && pass "the prompt at its paragraph" || { fail "the prompt at its paragraph"; show "$T/c.out"; }
else
	fail "pandoc"
	show "$T/c.err"
fi

echo "# usage"
code "no --scheme" 2 "$bin" init "$T/u1"
has "$T/c.err" "--scheme" && pass "no --scheme: says so" || fail "no --scheme: says so"
code "no directory" 2 "$bin" init --scheme dalian-tic-2025
code "unknown scheme" 2 "$bin" init --scheme nope-2099 "$T/u1"
code "unknown stage" 2 "$bin" init --scheme most-tic-2017 --stage confirm "$T/u1"
has "$T/c.err" 'plan (Intent and construction plan), annual (Annual construction report)' && pass "unknown stage: the stages are listed" || { fail "unknown stage: the stages listed"; show "$T/c.err"; }
[ ! -e "$T/u1" ] && pass "nothing made on a usage error" || fail "something made on a usage error"
mkdir -p "$T/full" && echo keep >"$T/full/notes.txt"
code "an existing folder with files" 2 "$bin" init --scheme dalian-tic-2025 "$T/full"
[ "$(ls -A "$T/full")" = notes.txt ] && pass "the existing folder is left as it was" || fail "the existing folder was changed"
rm -rf "$T/empty" && mkdir "$T/empty"
code "an empty folder is used" 0 "$bin" init --scheme most-tic-2017 "$T/empty/"
[ "$(xp "$T/empty/centre.xml" 'string(/centre/@stage)')" = "$(xp outlines/most-tic-2017.xml 'string(/outline/stages/stage[1]/@id)')" ] &&
	pass "the first stage by default" || fail "the first stage by default"
code "zh: unknown stage in Chinese" 2 "$bin" init --lang zh --scheme most-tic-2017 --stage x "$T/u2"
has "$T/c.err" '方案 most-tic-2017 没有阶段“x”' && pass "the Chinese message" || { fail "the Chinese message"; show "$T/c.err"; }
if [ "$(id -u)" != 0 ]; then
	mkdir -p "$T/ro" && chmod 555 "$T/ro"
	code "an unwritable parent" 2 "$bin" init --scheme dalian-tic-2025 "$T/ro/c"
	chmod 755 "$T/ro"
else
	# root writes anywhere: a parent that is a file stands in
	: >"$T/ro"
	code "a parent that is not a folder" 2 "$bin" init --scheme dalian-tic-2025 "$T/ro/c"
fi
ls -d "$T"/*.init-* >/dev/null 2>&1 && fail "a staging folder was left behind" || pass "no staging folder left behind"
code "init --help" 0 "$bin" init --help
exit 0
