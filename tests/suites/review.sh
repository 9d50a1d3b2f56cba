#!/bin/bash
# review.sh — the review report (check --format html|pdf), the one-step
# intake of packages (check PKG.asice), verify over several packages, and
# the check of a received table's derived values (CORE-DERIVED).
#   tests/suites/review.sh BUILD_DIR SCRATCH_DIR
# Inputs: every sample (the five schemes), a broken centre (findings of
# error severity), an unreadable centre (malformed centre.xml), a package
# of the broken centre, a tampered package and a received table with a
# wrong derived value. Independent judges: headless Chromium from Debian
# reads the HTML's DOM (after its script ran) and tests/review/dom.py
# compares it with `check --format json`; PDFBox Preflight (PDF/A-1b, as
# render.sh runs it); pdftotext, pdffonts.
set -u
b=$1 t=$2 bin=$1/dossier
cd "$(dirname "$0")/../.." || exit 2
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset DOSSIER_LANG LC_MESSAGES
export SOURCE_DATE_EPOCH=$(($(date +%s) - 60))
ok() { echo "ok - review: $*"; }
no() { echo "not ok - review: $*"; }
expect() {
	local name=$1 want=$2 code; shift 2
	"$@" >"$t/out" 2>"$t/err"; code=$?
	if [ "$code" = "$want" ]; then ok "$name"; else no "$name (exit $code, expected $want)"; sed 's/^/    | /' "$t/err" | head -8; fi
}
has() { if grep -qF -- "$2" "$3"; then ok "$1"; else no "$1 ($3 lacks: $2)"; sed 's/^/    | /' "$3" | head -5; fi; }
judge() { # NAME RESULT: a checker's verdict ("ok" or its complaints)
	if [ "$2" = ok ]; then ok "$1"; else no "$1"; printf '%s\n' "$2" | head -10 | sed 's/^/    | /'; fi
}

# ------------------------------------------------------------- the inputs
K=$t/keys
"$bin" keygen "$K" >/dev/null 2>&1 || no "keygen"
sign=(--key "$K/rsa.key" --cert "$K/rsa.pem" --chain "$K/chain.pem")
# a broken centre: 190 R&D staff of 186, and the summary report a day late
cp -r samples/ndrc-engineering-2025 "$t/broken"
sed -i 's#>152</value>#>190</value>#; s#summary-report" date="2030-03-20"#summary-report" date="2030-04-01"#' "$t/broken/centre.xml"
# a centre whose centre.xml cannot be read
cp -r samples/most-tic-2017 "$t/unreadable"
printf '<centre><identity>\n<name>x</oops>\n' >"$t/unreadable/centre.xml"
"$bin" pack -q -o "$t/good.asice" "${sign[@]}" samples/most-tic-2021 >/dev/null 2>&1 || no "pack good.asice"
"$bin" pack -q --allow-incomplete -o "$t/broken.asice" "${sign[@]}" "$t/broken" >/dev/null 2>&1 || no "pack broken.asice"
# tampered: one byte of a stored evidence PDF changed
cp "$t/good.asice" "$t/tampered.asice"
python3 - "$t/tampered.asice" <<'EOF'
import sys, zipfile
p = sys.argv[1]
z = zipfile.ZipFile(p)
i = next(i for i in z.infolist() if i.compress_type == 0 and i.filename.startswith("evidence/"))
off = i.header_offset + 30 + len(i.filename.encode()) + len(i.extra) + 10
b = bytearray(open(p, "rb").read())
b[off] ^= 0x20
open(p, "wb").write(b)
EOF
# a received table whose 研发投入强度 was typed over
"$bin" render -q --doc tables --format xml -o "$t/tab" samples/most-tic-2021 >/dev/null 2>&1 || no "render tables"
python3 - "$t/tab/evaluation-tables.xml" "$t/typed.xml" <<'EOF'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
s, n = re.subn(r'(<field id="rd_intensity"[^>]*>.*?<value display=")[^"]*(">)[^<]*(<)',
               r'\g<1>99.99\g<2>99.99\g<3>', s, count=1, flags=re.S)
assert n == 1
open(sys.argv[2], "w", encoding="utf-8").write(s)
EOF
inputs=(samples/*/ "$t/broken" "$t/unreadable" "$t/broken.asice" "$t/tampered.asice" "$t/typed.xml")
ninputs=${#inputs[@]}

# --------------------------------------------------------- CORE-DERIVED
expect "a table as written has no CORE-DERIVED" 0 "$bin" check "$t/tab/evaluation-tables.xml"
expect "a table with a typed-over share: error" 1 "$bin" check "$t/typed.xml"
has "CORE-DERIVED names the field, the file's value and the recomputed one" \
	'"R&D intensity" (rd_intensity) is 99.99% in the table, but the table'"'"'s own figures give' "$t/out"
grep -q "typed.xml:[0-9]*: error \[CORE-DERIVED\]" "$t/out" && ok "CORE-DERIVED at the value's line" || no "CORE-DERIVED place"
# a target's completion typed over, in Chinese
sed 's#<completion derived="true" formula="actual / planned" display="\([^"]*\)">[^<]*<#<completion derived="true" formula="actual / planned" display="\1">1.00<#' \
	"$t/tab/evaluation-tables.xml" >"$t/typed2.xml"
expect "a typed-over completion: error" 1 "$bin" --lang zh check "$t/typed2.xml"
has "... in Chinese, naming the completion" "的目标完成率" "$t/out"
# the same value written differently is the same value
python3 -c 'import re,sys; s=sys.stdin.read(); print(re.sub(r"(<field id=\"rd_intensity\".*?<value display=\"[^\"]*\">)([0-9.]+)(<)", lambda m: m.group(1)+m.group(2)+"0"+m.group(3), s, count=1, flags=re.S), end="")' \
	<"$t/tab/evaluation-tables.xml" >"$t/typed3.xml"
expect "58.560 is 58.56: no finding" 0 "$bin" check "$t/typed3.xml"

# ------------------------------------------------------- one-step intake
export TMPDIR=$t/tmp
mkdir -p "$TMPDIR"
expect "check PKG.asice: verified, extracted, checked" 0 "$bin" check --ca "$K/trust.pem" "$t/good.asice"
has "... reported under the package's name" "(${t}/good.asice)" "$t/out"
[ -z "$(ls -A "$TMPDIR")" ] && ok "... the temporary folder is removed" || no "temporary folder left: $(ls "$TMPDIR")"
expect "check of a broken package: its findings" 1 "$bin" check --ca "$K/trust.pem" "$t/broken.asice"
grep -q "^$t/broken.asice/centre.xml:[0-9]*: error \[ENG-TAB-03\]" "$t/out" && ok "... named inside the package (PKG/centre.xml:LINE)" \
	|| { no "finding place inside a package"; head -3 "$t/out" | sed 's/^/    | /'; }
expect "check of a tampered package: unreadable (exit 2)" 2 "$bin" check --ca "$K/trust.pem" "$t/tampered.asice"
has "... with verify's reason" "REJECTED [" "$t/err"
[ -z "$(ls -A "$TMPDIR")" ] && ok "... nothing left in the temporary folder" || no "temporary folder left after a rejection"
expect "a package signed by a CA not trusted: unreadable" 2 "$bin" check "$t/good.asice"
expect "--max-package below the package's size: unreadable" 2 "$bin" check --ca "$K/trust.pem" --max-package 1K "$t/good.asice"
has "... the limit named" "max-package" "$t/err"
expect "packages and folders in one call" 2 "$bin" check --ca "$K/trust.pem" "$t/good.asice" samples/*/ "$t/tampered.asice"
has "... one row per input" "$(($(ls -d samples/*/ | wc -l) + 2)) centres" "$t/out"
expect "--policy reaches the package's verification" 2 "$bin" check --ca "$K/trust.pem" --policy /nonexistent "$t/good.asice"
unset TMPDIR

# ------------------------------------------------- verify, several packages
expect "verify two good packages" 0 "$bin" verify --ca "$K/trust.pem" "$t/good.asice" "$t/broken.asice"
has "... a summary row each" "2 packages, 2 verified" "$t/out"
expect "verify: the worst status wins" 1 "$bin" verify -q --ca "$K/trust.pem" "$t/good.asice" "$t/tampered.asice"
grep -q "^rejected .*tampered.asice" "$t/out" && grep -q "^verified .*good.asice" "$t/out" && ok "... rows: verified, rejected" \
	|| { no "verify rows"; sed 's/^/    | /' "$t/out"; }
expect "verify: a missing one is unreadable (2)" 2 "$bin" verify -q --ca "$K/trust.pem" "$t/good.asice" "$t/none.asice"
expect "verify --format json" 1 "$bin" verify --format json --ca "$K/trust.pem" "$t/good.asice" "$t/tampered.asice"
r=$(python3 - "$t/out" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
p = d["packages"]
bad = []
if [x["status"] for x in p] != ["verified", "rejected"]: bad.append("statuses %s" % [x["status"] for x in p])
if not p[0]["signer"] or p[0]["scheme"] != "most-tic-2021": bad.append("verified: signer, scheme")
if not p[1]["reason"]["id"].startswith("verify:") or not p[1]["reason"]["message"]["en"]: bad.append("rejected: reason")
if d["summary"] != {"packages": 2, "verified": 1, "exit": 1}: bad.append("summary %s" % d["summary"])
print("\n".join(bad) or "ok")
EOF
)
judge "verify --format json: one object per package, the reason, the summary" "$r"
expect "verify --extract takes one package" 2 "$bin" verify --ca "$K/trust.pem" --extract "$t/x" "$t/good.asice" "$t/broken.asice"

# --------------------------------------------------------------- JSON
expect "check --format json over every input (exit 2: unreadable ones)" 2 "$bin" check --format json --ca "$K/trust.pem" "${inputs[@]}"
cp "$t/out" "$t/check.json"
r=$(python3 - "$t/check.json" "$ninputs" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
c = d["centres"]
bad = []
if len(c) != int(sys.argv[2]): bad.append("%d centres" % len(c))
for x in c:
    if x["status"] == "unreadable":
        r = x.get("reason") or {}
        if not r.get("id") or not r.get("message", {}).get("zh") or not r.get("message", {}).get("en"):
            bad.append("%s: unreadable without a reason" % x["dir"])
    for f in x["findings"]:
        for k in ("severity", "rule", "article", "basis", "document", "section", "file", "line", "message", "hint"):
            if k not in f: bad.append("%s: finding lacks %s" % (x["dir"], k))
    if x["errors"] != sum(f["severity"] == "error" for f in x["findings"]): bad.append("%s: errors" % x["dir"])
kinds = sorted(set(x["kind"] for x in c))
if kinds != ["directory", "package", "table"]: bad.append("kinds %s" % kinds)
ids = {x["dir"].rsplit("/", 1)[-1]: (x.get("reason") or {}).get("id") for x in c}
if not (ids.get("tampered.asice") or "").startswith("verify:"): bad.append("tampered: %s" % ids.get("tampered.asice"))
if ids.get("unreadable") != "parse": bad.append("unreadable centre: %s" % ids.get("unreadable"))
broken = next(x for x in c if x["dir"].endswith("/broken"))
rules = {f["rule"]: f for f in broken["findings"]}
if "ENG-TAB-03" not in rules or rules["ENG-TAB-03"]["document"] != "evaluation-table": bad.append("ENG-TAB-03 not in the data table")
if "ENG-DATE-06" not in rules: bad.append("broken centre lacks ENG-DATE-06")
if d["summary"]["exit"] != 2: bad.append("summary exit")
print("\n".join(bad) or "ok")
EOF
)
judge "JSON: every finding (with document and section) and every reason" "$r"
"$bin" check --format json -o "$t/check-o.json" --ca "$K/trust.pem" "${inputs[@]}" >/dev/null 2>&1
cmp -s "$t/check.json" "$t/check-o.json" && ok "check --format json -o FILE writes the same" || no "json -o differs"

# ---------------------------------------------------------------- HTML
expect "check --format html -o FILE" 2 "$bin" --lang zh check -q --format html -o "$t/review.html" --ca "$K/trust.pem" "${inputs[@]}"
has "... says where it wrote" "$t/review.html" "$t/out"
r=$(python3 tests/review/dom.py "$t/review.html" "$t/check.json")
judge "HTML as written: summary rows and findings as in JSON, nothing fetched" "$r"
if [ "$(basename "$b")" = build ]; then
	# a real browser: Debian's Chromium, headless, runs the page's script;
	# "#sort=errors-desc" makes the script sort the summary as a click would
	if command -v chromium >/dev/null 2>&1; then
		timeout 120 chromium --headless --no-sandbox --disable-gpu --user-data-dir="$t/chromium" \
			--dump-dom "file://$t/review.html#sort=errors-desc" >"$t/dom.html" 2>"$t/chromium.err"
		if [ -s "$t/dom.html" ]; then
			judge "Chromium's DOM: summary rows against check --format json" \
				"$(python3 tests/review/dom.py "$t/dom.html" "$t/check.json")"
			judge "Chromium ran the script: summary sorted by errors, descending" \
				"$(python3 tests/review/dom.py "$t/dom.html" "$t/check.json" --sorted errors-desc)"
			judge "... and by scheme, ascending" "$(timeout 120 chromium --headless --no-sandbox --disable-gpu \
				--user-data-dir="$t/chromium" --dump-dom "file://$t/review.html#sort=scheme" 2>/dev/null >"$t/dom2.html";
				python3 tests/review/dom.py "$t/dom2.html" "$t/check.json" --sorted scheme)"
			# the judge can say no: the file as written is not sorted
			[ "$(python3 tests/review/dom.py "$t/review.html" "$t/check.json" --sorted errors-desc)" != ok ] \
				&& ok "the DOM judge rejects an unsorted table" || no "the DOM judge accepts anything"
			timeout 120 chromium --headless --no-sandbox --disable-gpu --user-data-dir="$t/chromium" \
				--print-to-pdf="$t/printed.pdf" --no-pdf-header-footer "file://$t/review.html" >/dev/null 2>&1
			n=$(pdfinfo "$t/printed.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
			[ "${n:-0}" -ge $((ninputs + 1)) ] && ok "printed by Chromium: A4, one centre per page ($n pages)" \
				|| no "printing: ${n:-no} pages for $ninputs inputs"
		else
			no "Chromium dumped no DOM"; head -5 "$t/chromium.err" | sed 's/^/    | /'
		fi
	else
		echo "chromium is not installed (scripts/install-deps.sh --test installs it): the DOM was read by python3 html.parser only"
	fi
fi
grep -q 'src=\|href="http\|@import\|url(' "$t/review.html" && no "HTML refers to something outside itself" || ok "HTML is self-contained"
"$bin" --lang en check -q --format html -o "$t/review-en.html" --ca "$K/trust.pem" "${inputs[@]}" >/dev/null 2>&1
grep -q '<html lang="en">' "$t/review-en.html" && grep -q 'Review report' "$t/review-en.html" && ok "HTML in English with --lang en" || no "English HTML"
grep -q '<html lang="zh-CN">' "$t/review.html" && grep -q '审核意见' "$t/review.html" && ok "HTML in Chinese with --lang zh" || no "Chinese HTML"
DOSSIER_LANG=zh "$bin" check -q --format html -o "$t/review-zh.html" samples/most-tic-2021 >/dev/null 2>&1
grep -q '<html lang="zh-CN">' "$t/review-zh.html" && ok "HTML in Chinese with DOSSIER_LANG=zh" || no "DOSSIER_LANG=zh HTML"

# ----------------------------------------------------------------- PDF
expect "check --format pdf -o FILE" 2 "$bin" --lang zh check -q --format pdf -o "$t/review.pdf" --ca "$K/trust.pem" "${inputs[@]}"
pdftotext -raw "$t/review.pdf" "$t/review.txt" 2>/dev/null
miss=$(python3 - "$t/check.json" "$t/review.txt" <<'EOF'
import json, sys, re
c = json.load(open(sys.argv[1]))["centres"]
text = re.sub(r"\s+", "", open(sys.argv[2], encoding="utf-8").read())
miss = []
for x in c:
    for f in x["findings"]:
        if f["rule"] not in text: miss.append(f["rule"])
    if x["status"] == "unreadable" and x["reason"]["id"] not in text: miss.append(x["reason"]["id"])
print(" ".join(miss))
EOF
)
[ -z "$miss" ] && ok "pdftotext shows every finding's rule id and every reason" || no "PDF lacks: $miss"
has "PDF: the title" "审核意见" "$t/review.txt"
has "PDF: the summary table" "审核汇总" "$t/review.txt"
fonts=$(pdffonts "$t/review.pdf" 2>&1 | tail -n +3)
[ -n "$fonts" ] && ! grep -qv ' yes yes yes ' <<<"$fonts" && ok "PDF fonts embedded, subset, with ToUnicode" || { no "PDF fonts"; sed 's/^/    | /' <<<"$fonts"; }
"$bin" --lang zh check -q --format pdf -o "$t/review2.pdf" --ca "$K/trust.pem" "${inputs[@]}" >/dev/null 2>&1
cmp -s "$t/review.pdf" "$t/review2.pdf" && ok "PDF byte-identical twice under SOURCE_DATE_EPOCH" || no "PDF not reproducible"
"$bin" --lang en check -q --format pdf -o "$t/review-en.pdf" --ca "$K/trust.pem" "${inputs[@]}" >/dev/null 2>&1
pdftotext "$t/review-en.pdf" - 2>/dev/null | grep -q "Review report" && ok "PDF in English with --lang en" || no "English PDF"
# the contents page and the captions are English too; the Chinese report keeps 目录 and 表N
en_txt=$(pdftotext "$t/review-en.pdf" - 2>/dev/null)
case $en_txt in
*表[0-9]* | *目*录*) no "English PDF has a Chinese caption or contents title" ;;
*Contents*"Table 1 "*) ok "English PDF: Contents, Table 1" ;;
*) no "English PDF lacks Contents or Table 1" ;;
esac
grep -q "^表1" "$t/review.txt" && ok "Chinese PDF: 表1" || no "Chinese PDF lacks 表1"
if [ "$(basename "$b")" = build ]; then
	res=$(scripts/pdfa-preflight "$t/review.pdf" "$t/review-en.pdf" 2>&1)
	[ "$(grep -c '^PASS' <<<"$res")" = 2 ] && ok "PDFBox Preflight: the review PDFs are valid PDF/A-1b" \
		|| { no "PDFBox Preflight"; head -20 <<<"$res" | sed 's/^/    | /'; }
fi

# ------------------------------------------------------------ writing
expect "--format html without -o" 2 "$bin" check --format html samples/most-tic-2021
expect "-o with --format text" 2 "$bin" check -o "$t/x.txt" samples/most-tic-2021
mkdir -p "$t/ro" && echo old >"$t/ro/r.html" && chmod 555 "$t/ro"
if [ "$(id -u)" != 0 ]; then
	expect "an output folder that cannot be written: exit 2" 2 "$bin" check -q --format html -o "$t/ro/r.html" samples/most-tic-2021
	[ "$(cat "$t/ro/r.html")" = old ] && [ "$(ls "$t/ro")" = r.html ] && ok "... the old file untouched, no temporary left" || no "read-only output"
fi
chmod 755 "$t/ro"
expect "an output folder that does not exist: exit 2" 2 "$bin" check -q --format pdf -o "$t/none/r.pdf" samples/most-tic-2021
[ ! -e "$t/none" ] && ok "... nothing written" || no "wrote into a missing folder"
expect "a review of complete centres: exit 0" 0 "$bin" check -q --format html -o "$t/ok.html" samples/most-tic-2021 samples/dalian-tic-2025
ls "$t" | grep -q '\.tmp-' && no "temporary files left in $t" || ok "no temporary file left beside the outputs"

# ------------------------------------------- every allocation failing in turn
# (the sanitizer build also finds leaks and use-after-free on each path):
# `check --format html` of a centre and an unreadable input either writes
# the same as without failures or says "out of memory" (exit 3), and never
# leaves a file or a temporary behind
if [ "$(basename "$b")" = build-san ]; then
	walk=(check -q --format html -o "$t/walk.html" --outline tests/toy/toy-scheme-2030.xml tests/toy/centre "$t/none")
	"$bin" "${walk[@]}" >"$t/walk.ref" 2>/dev/null
	nalloc=$(DOSSIER_ALLOC_FAIL_AT=0 "$bin" "${walk[@]}" 2>&1 >/dev/null | sed -n 's/^dossier: \([0-9]*\) allocations$/\1/p')
	walkbad=0
	for n in $(seq 1 "${nalloc:-0}"); do
		rm -f "$t/walk.html"
		DOSSIER_ALLOC_FAIL_AT=$n "$bin" "${walk[@]}" >"$t/walk.out" 2>"$t/walk.err"; code=$?
		if [ $code = 2 ]; then
			cmp -s "$t/walk.ref" "$t/walk.out" || { walkbad=1; echo "    allocation $n: output differs"; }
		elif [ $code != 3 ] || ! grep -q 'out of memory' "$t/walk.err"; then
			walkbad=1; echo "    allocation $n: exit $code"; sed 's/^/    | /' "$t/walk.err" | head -5
		elif ls "$t" | grep -q '^walk\.html'; then
			walkbad=1; echo "    allocation $n: exit 3 but a file is left"
		fi
	done
	[ "${nalloc:-0}" -gt 100 ] && [ $walkbad = 0 ] && ok "check --format html under allocation failure (${nalloc} allocations)" \
		|| no "check --format html under allocation failure (${nalloc:-?} allocations)"
fi
