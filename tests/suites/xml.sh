#!/bin/bash
# xml.sh — tests of the XML stage: dossier render --format xml, the
# published schemas outlines/schema/report.xsd and tables.xsd, and
# dossier check on a received evaluation-tables.xml.
#
#   tests/suites/xml.sh BUILD_DIR SCRATCH_DIR
#
# Run by tests/run.sh for every build (normal and ASan+UBSan); prints one
# "ok - NAME" or "not ok - NAME" per test, and "# ..." notes.
#
# Every XML written is validated twice: by xmllint --schema (libxml2) and by
# the JDK's javax.xml.validation (Xerces, tests/xml/XsdValidate.java), which
# shares no code with libxml2. The text of each XML is compared with its PDF
# (tests/xml/textcmp.py); while `render --format pdf` cannot run, that test
# fails with "PDF renderer unavailable" rather than passing silently.
set -u
cd "$(dirname "$0")/../.." || exit 2
B=${1:?usage: xml.sh BUILD_DIR SCRATCH_DIR}
T=${2:?usage: xml.sh BUILD_DIR SCRATCH_DIR}
bin=$B/dossier
toy=tests/toy/toy-scheme-2030.xml
export LANG=C.UTF-8 LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1774000000
unset DOSSIER_DATADIR
mkdir -p "$T"

pass() { echo "ok - $*"; }
fail() { echo "not ok - $*"; }
show() { sed 's/^/    | /' "$@" | head -20; }
# t NAME CMD...: ok if CMD succeeds; else not ok and its output
t() {
	local name=$1
	shift
	if "$@" >"$T/t.out" 2>&1; then pass "$name"; else fail "$name"; show "$T/t.out"; fi
}
has() { grep -qF -- "$2" "$1"; }

# Java files collected for one JVM run at the end: "want:file:schema"
java_jobs=()
validate() { # validate NAME FILE SCHEMA: xmllint now, Java later
	local name=$1 file=$2 xsd=$3
	t "$name: xmllint --schema $(basename "$xsd")" xmllint --noout --nonet --schema "$xsd" "$file"
	java_jobs+=("valid:$file:$xsd:$name")
}
reject() { # reject NAME FILE SCHEMA: both validators must refuse it
	local name=$1 file=$2 xsd=$3
	if xmllint --noout --nonet --schema "$xsd" "$file" >"$T/t.out" 2>&1; then
		fail "$name: xmllint rejects it"
	else
		pass "$name: xmllint rejects it"
	fi
	java_jobs+=("invalid:$file:$xsd:$name")
}

# ---------------------------------------------------------------- samples
echo "# render every sample as XML"
for s in samples/*/; do
	n=$(basename "$s")
	out=$T/xml/$n
	rm -rf "$out"
	t "render --format xml $n" "$bin" render -q --format xml -o "$out" "$s"
	ls "$out"/*.pdf >/dev/null 2>&1 && fail "--format xml wrote a PDF ($n)"
	for f in "$out"/*.xml; do
		[ -f "$f" ] || continue
		case $(basename "$f") in
		evaluation-tables.xml) validate "$n/$(basename "$f")" "$f" outlines/schema/tables.xsd ;;
		*) validate "$n/$(basename "$f")" "$f" outlines/schema/report.xsd ;;
		esac
	done
	for d in summary-report annual-report evaluation-tables; do
		# what the sample submits, the XML must exist for
		if grep -q "document=\"${d%s}\"" "$s/centre.xml" && [ ! -f "$out/$d.xml" ]; then
			fail "$n: $d.xml missing"
		fi
	done
	# reproducible under SOURCE_DATE_EPOCH
	rm -rf "$T/again"
	"$bin" render -q --format xml -o "$T/again" "$s" >/dev/null 2>&1
	same=1
	for f in "$out"/*.xml; do cmp -s "$f" "$T/again/$(basename "$f")" || same=0; done
	[ $same = 1 ] && pass "$n: same bytes on a second run" || fail "$n: same bytes on a second run"
done

eng=$T/xml/ndrc-engineering-2025
if [ -f "$eng/evaluation-tables.xml" ]; then
	tab=$eng/evaluation-tables.xml
	has "$tab" 'xmlns="urn:dossier:tables:1"' && has "$tab" '<tables version="1"' &&
		pass "tables: namespace and version" || fail "tables: namespace and version"
	has "$eng/summary-report.xml" '<report version="1" document="summary-report" xmlns="urn:dossier:report:1">' &&
		pass "report: namespace, version, document" || fail "report: namespace, version, document"
	has "$tab" '<created>2026-03-20T09:46:40Z</created>' &&
		pass "created from SOURCE_DATE_EPOCH" || fail "created from SOURCE_DATE_EPOCH"
	want=$(sha256sum samples/ndrc-engineering-2025/centre.xml | cut -d' ' -f1)
	has "$tab" "digest=\"$want\"" && pass "source digest is the SHA-256 of centre.xml" ||
		fail "source digest is the SHA-256 of centre.xml"
	# money exactly, evidence ids, derived values
	python3 - "$tab" >"$T/t.out" 2>&1 <<'EOF' && pass "tables: exact money, units, evidence, derived marks" || { fail "tables: exact money, units, evidence, derived marks"; show "$T/t.out"; }
import sys, xml.etree.ElementTree as ET
N = "{urn:dossier:tables:1}"
root = ET.parse(sys.argv[1]).getroot()
f = {e.get("id"): e for e in root.iter(N + "field")}
def val(i): return f[i].find(N + "value").text
assert val("rd_equipment_value") == "21733.82", val("rd_equipment_value")
assert val("total_investment") == "44265.84"
assert val("central_funds") == "5000.00"          # money keeps 2 decimals
assert val("open_service_count") == "1846"         # no grouping
assert f["rd_equipment_value"].findtext(N + "unit") == "万元"
assert f["rd_equipment_value"].findtext(N + "label") == "科研仪器设备原值"
assert [e.get("ref") for e in f["rd_equipment_value"].findall(N + "evidence")] == ["E06", "E04"]
assert f["rd_equipment_value"].find(N + "value").get("display") == "21,733.82"
d = f["rd_intensity"]
assert d.get("derived") == "true" and d.get("formula") == "field:rd_expenditure / field:revenue"
assert d.find(N + "value").text == "58.56"         # 18536.72 / 31652.40
assert f["staff_total"].get("derived") is None
t = root.find(N + "targets").findall(N + "target")
c = t[0].find(N + "completion")
assert t[0].get("field") == "total_investment" and c.get("derived") == "true" and c.text == "100.60"
ids = {e.get("id") for e in root.find(N + "evidence-list")}
refs = {e.get("ref") for e in root.iter(N + "evidence") if e.get("ref")}
assert refs <= ids, refs - ids
EOF
	python3 - "$eng/summary-report.xml" outlines/ndrc-engineering-2025.xml >"$T/t.out" 2>&1 <<'EOF' && pass "report: the outline's sections in order, with ids and titles" || { fail "report: the outline's sections in order, with ids and titles"; show "$T/t.out"; }
import sys, xml.etree.ElementTree as ET
N = "{urn:dossier:report:1}"
got = [(s.get("id"), s.get("title")) for s in ET.parse(sys.argv[1]).getroot().iter(N + "section")]
o = ET.parse(sys.argv[2]).getroot()
doc = [d for d in o.iter("document") if d.get("id") == "summary-report"][0]
want = [(s.get("id"), s.get("title")) for s in doc.iter("section")]
assert got == want, (got, want)
body = ET.parse(sys.argv[1]).getroot().find(N + "body")
assert body.find(".//" + N + "fig[@field='total_investment']").text == "44,265.84万元"
assert body.find(".//" + N + "table[@id='funding']") is not None
assert "{{" not in "".join(body.itertext())
EOF
fi

# ------------------------------------------------- schemas and their docs
python3 - outlines/schema/report.xsd outlines/schema/tables.xsd >"$T/t.out" 2>&1 <<'EOF' && pass "every element and attribute of both schemas documented in Chinese and English" || { fail "every element and attribute of both schemas documented in Chinese and English"; show "$T/t.out"; }
import sys, xml.etree.ElementTree as ET
XS = "{http://www.w3.org/2001/XMLSchema}"
XL = "{http://www.w3.org/XML/1998/namespace}lang"
bad = []
for path in sys.argv[1:]:
    root = ET.parse(path).getroot()
    assert root.get("targetNamespace") in ("urn:dossier:report:1", "urn:dossier:tables:1")
    for tag in ("element", "attribute"):
        for e in root.iter(XS + tag):
            if e.get("ref"):
                continue
            docs = e.findall(XS + "annotation/" + XS + "documentation")
            langs = {d.get(XL) for d in docs if (d.text or "").strip()}
            if not {"zh", "en"} <= langs:
                bad.append("%s: %s %s" % (path, tag, e.get("name")))
print("\n".join(bad))
sys.exit(1 if bad else 0)
EOF
# make install ships both schemas, and the installed tool uses them. Only
# when BUILD_DIR is up to date, so install never rebuilds it with other flags.
rm -rf "$T/inst"
if make -s -q B="$B" all >/dev/null 2>&1 && make -s install B="$B" DESTDIR="$T/inst" >"$T/t.out" 2>&1; then
	share=$T/inst/usr/local/share/dossier
	[ -f "$share/outlines/schema/report.xsd" ] && [ -f "$share/outlines/schema/tables.xsd" ] &&
		pass "make install installs report.xsd and tables.xsd" ||
		fail "make install installs report.xsd and tables.xsd"
	if [ -f "$T/xml/most-tic-2021/evaluation-tables.xml" ]; then
		DOSSIER_DATADIR=$share t "installed dossier checks a table against the installed tables.xsd" \
			"$T/inst/usr/local/bin/dossier" check "$T/xml/most-tic-2021/evaluation-tables.xml"
	fi
else
	make -n -s install B="$B" DESTDIR="$T/inst" 2>/dev/null | grep -q 'outlines/schema/\*\.xsd' &&
		[ -f outlines/schema/report.xsd ] && [ -f outlines/schema/tables.xsd ] &&
		pass "make install installs outlines/schema/*.xsd (report.xsd, tables.xsd)" ||
		fail "make install installs outlines/schema/*.xsd (report.xsd, tables.xsd)"
fi

# negative controls: both validators must refuse broken documents
if [ -f "$eng/evaluation-tables.xml" ]; then
	sed 's/<tables version="1"/<tables version="2"/' "$eng/evaluation-tables.xml" >"$T/neg-version.xml"
	reject "negative: version 2" "$T/neg-version.xml" outlines/schema/tables.xsd
	sed 's#<value display="21,733.82">21733.82</value>#<value>21,733.82</value>#' "$eng/evaluation-tables.xml" >"$T/neg-decimal.xml"
	reject "negative: grouped decimal" "$T/neg-decimal.xml" outlines/schema/tables.xsd
	sed '0,/<paragraph>/s//<paragraph><blink>x<\/blink>/' "$eng/summary-report.xml" >"$T/neg-element.xml"
	reject "negative: unknown element" "$T/neg-element.xml" outlines/schema/report.xsd
	sed 's/xmlns="urn:dossier:report:1"/xmlns="urn:dossier:report:2"/' "$eng/summary-report.xml" >"$T/neg-ns.xml"
	reject "negative: other namespace" "$T/neg-ns.xml" outlines/schema/report.xsd
fi

# --------------------------------------------------------- hostile input
for kind in markdown data long; do
	src=$T/hostile-$kind
	out=$T/hostile-$kind.out
	rm -rf "$src" "$out"
	cp -r tests/toy/centre "$src"
	python3 tests/xml/hostile.py "$src" $kind
	start=$(date +%s)
	t "hostile $kind: render --draft --format xml" "$bin" render -q --draft --format xml --outline "$toy" -o "$out" "$src"
	secs=$(($(date +%s) - start))
	[ -f "$out/annual-report.xml" ] && validate "hostile $kind: annual-report.xml" "$out/annual-report.xml" outlines/schema/report.xsd
	[ -f "$out/evaluation-table.xml" ] && validate "hostile $kind: evaluation-table.xml" "$out/evaluation-table.xml" outlines/schema/tables.xsd
	[ $kind = long ] && { [ $secs -lt 30 ] && pass "hostile long: written in ${secs}s" || fail "hostile long: took ${secs}s"; }
done
if [ -f "$T/hostile-markdown.out/annual-report.xml" ]; then
	python3 - "$T/hostile-markdown.out/annual-report.xml" >"$T/t.out" 2>&1 <<'EOF' && pass "hostile markdown: controls became U+FFFD, markup kept as text or structure" || { fail "hostile markdown: controls became U+FFFD, markup kept as text or structure"; show "$T/t.out"; }
import sys, xml.etree.ElementTree as ET
raw = open(sys.argv[1], "rb").read()
assert not any(b < 0x20 and b not in (9, 10, 13) for b in raw), "raw control byte"
N = "{urn:dossier:report:1}"
body = ET.parse(sys.argv[1]).getroot().find(N + "body")
text = "".join(body.itertext())
for c in list(range(1, 9)) + [11, 12] + list(range(14, 32)) + [0x7f, 0x85, 0x9f, 0xfffe, 0xffff]:
    assert chr(c) not in text, hex(c)
assert "\ufffd" in text
assert "]]>" in text and "<tags>" in text and "&amp;" in text and '"quoted"' in text
assert "\U0001F600" in text and "\u202e" in text
kinds = {e.tag[len(N):] for e in body.iter()}
for k in ("heading", "paragraph", "list", "item", "table", "row", "cell", "quote",
          "code-block", "thematic-break", "strong", "em", "code", "fig", "br"):
    assert k in kinds, k
levels = {h.get("level") for h in body.iter(N + "heading")}
assert levels == {"1", "2", "3", "4", "5", "6"}, levels
assert any(l.get("start") == "7" for l in body.iter(N + "list"))
EOF
fi

# ------------------------------------------- a received table as check input
echo "# dossier check on evaluation-tables.xml"
for s in samples/*/; do
	n=$(basename "$s")
	tab=$T/xml/$n/evaluation-tables.xml
	[ -f "$tab" ] || continue
	"$bin" check --lang en --as-of 2026-03-31 "$s" >"$T/dir.out" 2>&1
	dir_code=$?
	"$bin" check --lang en --as-of 2026-03-31 "$tab" >"$T/tab.out" 2>&1
	code=$?
	[ $code = 0 ] && pass "check $n/evaluation-tables.xml: complete" || { fail "check $n/evaluation-tables.xml: exit $code"; show "$T/tab.out"; }
	# findings of table rules are the same as from the directory
	grep -oE '\[[A-Z0-9]+-TAB-[0-9]+\]' "$T/dir.out" | sort >"$T/dir.ids"
	grep -oE '\[[A-Z0-9]+-TAB-[0-9]+\]' "$T/tab.out" | sort >"$T/tab.ids"
	[ $dir_code = 0 ] && cmp -s "$T/dir.ids" "$T/tab.ids" && pass "$n: table findings as from the directory" ||
		fail "$n: table findings as from the directory"
	# round trip: render from the table gives the same table
	rm -rf "$T/rt"
	"$bin" render -q --format xml -o "$T/rt" "$tab" >/dev/null 2>&1
	if diff <(grep -v '<source ' "$tab") <(grep -v '<source ' "$T/rt/evaluation-tables.xml") >"$T/t.out" 2>&1; then
		pass "$n: render from the table gives the same table"
	else
		fail "$n: render from the table gives the same table"
		show "$T/t.out"
	fi
done
tab=$eng/evaluation-tables.xml
if [ -f "$tab" ]; then
	# tampered tables: the data-table rules catch them, pointing into the file
	sed 's#<value display="152">152</value>#<value display="190">190</value>#' "$tab" >"$T/tamper-of.xml"
	line=$(grep -n '<value display="190">' "$T/tamper-of.xml" | cut -d: -f1)
	"$bin" check --lang en "$T/tamper-of.xml" >"$T/t.out" 2>&1
	code=$?
	[ $code = 1 ] && has "$T/t.out" "tamper-of.xml:$line: error [ENG-TAB-03]" &&
		pass "tampered table: of-which above its total reported at its line" ||
		{ fail "tampered table: of-which above its total reported at its line"; show "$T/t.out"; }
	sed 's#<evidence ref="E07"/>#<evidence ref="E99"/>#' "$tab" >"$T/tamper-ev.xml"
	"$bin" check --lang en "$T/tamper-ev.xml" >"$T/t.out" 2>&1
	[ $? = 1 ] && has "$T/t.out" "error [CORE-EVIDENCE-REF]" && has "$T/t.out" "E99" &&
		pass "tampered table: undeclared evidence id reported" ||
		{ fail "tampered table: undeclared evidence id reported"; show "$T/t.out"; }
	sed 's#<field id="staff_total" #<field id="staff_totals" #' "$tab" >"$T/tamper-field.xml"
	"$bin" check --lang en "$T/tamper-field.xml" >"$T/t.out" 2>&1
	[ $? = 1 ] && has "$T/t.out" "error [CORE-FIELD]" && has "$T/t.out" "staff_totals" && has "$T/t.out" "warning [ENG-TAB-01]" &&
		pass "tampered table: unknown and missing fields reported" ||
		{ fail "tampered table: unknown and missing fields reported"; show "$T/t.out"; }
	sed 's#<value display="186">186</value>#<value>many</value>#' "$tab" >"$T/tamper-schema.xml"
	line=$(grep -n '<value>many</value>' "$T/tamper-schema.xml" | cut -d: -f1)
	"$bin" check --lang en "$T/tamper-schema.xml" >"$T/t.out" 2>&1
	[ $? = 2 ] && has "$T/t.out" "tamper-schema.xml:$line" && has "$T/t.out" "does not match its schema" &&
		pass "table not valid against tables.xsd: exit 2 with its line" ||
		{ fail "table not valid against tables.xsd: exit 2 with its line"; show "$T/t.out"; }
	# what a table cannot show is not reported: no evidence files, no narrative
	"$bin" check --lang en "$tab" >"$T/t.out" 2>&1
	grep -qE '\[(ENG-EV-0[2378]|ENG-SEC-0[0-9]|ENG-NAR-0[12]|ENG-SUM-(0[1-9]|1[0-8])|ENG-ID-0[34])\]' "$T/t.out" &&
		fail "table check reports rules it cannot answer" || pass "table check skips evidence files, narrative and lists it lacks"
fi
"$bin" check --lang en samples/most-tic-2021/centre.xml >"$T/t.out" 2>&1
[ $? = 2 ] && has "$T/t.out" "directory that holds centre.xml" &&
	pass "check centre.xml (a file): exit 2, names the directory" ||
	{ fail "check centre.xml (a file): exit 2, names the directory"; show "$T/t.out"; }

# ------------------------------------------------ the C API of the stage
echo "# C API (tests/xml/xml_api.c)"
pkgs=$(sed -n 's/^PKGS *= *//p' Makefile)
extra=$(sed -n 's/^DEP_LIBS.*2>\/dev\/null) *//p' Makefile)
san=""
nm "$B/libdossier.a" 2>/dev/null | grep -q ' U __asan_' &&
	san="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
mkdir -p "$T/api"
# shellcheck disable=SC2086
if cc -std=c11 -D_GNU_SOURCE -O1 -g -Wall -Wextra -Werror $san -Iinclude -Isrc \
	$(pkg-config --cflags $pkgs) tests/xml/xml_api.c "$B/libdossier.a" \
	$(pkg-config --libs $pkgs) $extra -o "$T/api/xml_api" >"$T/t.out" 2>&1; then
	"$T/api/xml_api" "$T/api" 2>&1 || true
else
	fail "xml_api.c builds"
	show "$T/t.out"
fi

# ------------------------------------------------------ the second validator
echo "# second validator: javax.xml.validation (JDK)"
if command -v javac >/dev/null && command -v java >/dev/null &&
	javac -d "$T/java" tests/xml/XsdValidate.java >"$T/t.out" 2>&1; then
	args=()
	last=""
	for j in "${java_jobs[@]}"; do
		IFS=: read -r want file xsd name <<<"$j"
		[ "$xsd" = "$last" ] || args+=(--schema "$xsd")
		last=$xsd
		args+=("$file")
	done
	java -cp "$T/java" XsdValidate "${args[@]}" >"$T/java.out" 2>&1
	for j in "${java_jobs[@]}"; do
		IFS=: read -r want file xsd name <<<"$j"
		if [ "$want" = valid ]; then
			grep -qxF "valid $file" "$T/java.out" && pass "$name: javax.xml.validation" ||
				{ fail "$name: javax.xml.validation"; grep -F "$file" "$T/java.out" | show; }
		else
			grep -qF "invalid $file:" "$T/java.out" && pass "$name: javax.xml.validation rejects it" ||
				fail "$name: javax.xml.validation rejects it"
		fi
	done
else
	fail "second validator: javac/java (default-jdk-headless) not available"
	show "$T/t.out"
fi

# ------------------------------------------------------- XML against PDF
echo "# XML against PDF"
t "text comparison self-test" python3 tests/xml/textcmp.py --self-test
rm -rf "$T/probe"
"$bin" render -q --format pdf -o "$T/probe" samples/most-tic-2021 >"$T/probe.out" 2>&1
probe=$?
if [ $probe != 0 ] || ! ls "$T/probe"/*.pdf >/dev/null 2>&1; then
	why="PDF renderer unavailable"
	has "$T/probe.out" "not built yet" || why="PDF renderer failed (exit $probe)"
	fail "xml/pdf text comparison: $why"
	show "$T/probe.out"
	fail "xml faster than pdf: $why"
else
	ls "$T/probe"/*.xml >/dev/null 2>&1 && fail "--format pdf wrote XML" || pass "--format pdf writes only PDF"
	for s in samples/*/; do
		n=$(basename "$s")
		out=$T/both/$n
		rm -rf "$out"
		if ! "$bin" render -q -o "$out" "$s" >"$T/t.out" 2>&1; then
			fail "render (both formats) $n"
			show "$T/t.out"
			continue
		fi
		for x in "$out"/*.xml; do
			d=$(basename "$x" .xml)
			[ -f "$out/$d.pdf" ] || { fail "$n/$d: no PDF beside the XML"; continue; }
			cmp -s "$x" "$T/xml/$n/$d.xml" || fail "$n/$d.xml differs between --format xml and both"
			t "xml/pdf text comparison: $n/$d" python3 tests/xml/textcmp.py "$x" "$out/$d.pdf"
		done
	done
	# Writing the XML of the longest sample takes less time than its PDF:
	# the same load, check and build precede both, so whole runs compare the
	# writers. Best of three each.
	longest=$(du -sb samples/*/sections | sort -n | tail -1 | cut -f2 | xargs dirname)
	best() { # milliseconds of the fastest of three runs; "failed" if one fails
		local b=999999999 i s e
		for i in 1 2 3; do
			rm -rf "$T/timing"
			s=$(date +%s%N)
			if ! "$bin" render -q --format "$1" -o "$T/timing" "$longest" >/dev/null 2>&1 ||
				! ls "$T/timing"/*."$1" >/dev/null 2>&1; then
				echo failed
				return
			fi
			e=$(date +%s%N)
			[ $(((e - s) / 1000000)) -lt $b ] && b=$(((e - s) / 1000000))
		done
		echo $b
	}
	xms=$(best xml)
	pms=$(best pdf)
	echo "# $(basename "$longest"): render --format xml ${xms} ms, --format pdf ${pms} ms"
	[ "$xms" != failed ] && [ "$pms" != failed ] && [ "$xms" -lt "$pms" ] && pass "xml faster than pdf ($(basename "$longest"): $xms ms < $pms ms)" ||
		fail "xml faster than pdf ($(basename "$longest"): $xms ms, pdf $pms ms)"
fi
exit 0
