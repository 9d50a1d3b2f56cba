#!/bin/bash
# content.sh — what the documents print equals the data, and nothing of the
# machinery shows through. Over every sample (samples/*/) and every outline
# (outlines/*.xml), so new ones are covered without editing this file.
#
#   tests/suites/content.sh BUILD_DIR SCRATCH_DIR
#
# 1. Each sample is copied with one more paragraph per table of its outline
#    ({{table:ID}} for every <table>, so every generated table is rendered,
#    also those the sample does not use), rendered as PDF and XML, and
#    tests/content/tables.py compares every table cell by cell: the XML's
#    generated tables and the evaluation table against centre.xml and the
#    outline (computed again in Python), every ruled table of each PDF
#    against the XML.
# 2. No outline field id, template brace or unfilled {placeholder} in the
#    text of any PDF (tests/content/leaks.py pdf), nor in any finding
#    message of any outline in either language: tests/content/messages.c
#    expands every rule's four templates with its kind's placeholders, and
#    leaks.py judges them. Outline texts known to fail are listed in
#    tests/content/known-messages.txt (printed as "# TODO" lines); a listed
#    text that passes is a failure, so the list only shrinks. Run with
#    STRICT=1 to ignore the list.
set -u
cd "$(dirname "$0")/../.." || exit 2
B=${1:?usage: content.sh BUILD_DIR SCRATCH_DIR}
T=${2:?usage: content.sh BUILD_DIR SCRATCH_DIR}
bin=$B/dossier
export LANG=C.UTF-8 LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1774000000
unset DOSSIER_DATADIR
mkdir -p "$T"
# Debian's python3 has lxml (python3-lxml); a python3 earlier on PATH may not
py=python3
python3 -c 'import lxml' 2>/dev/null || py=/usr/bin/python3

"$py" tests/content/tables.py --self-test | sed 's/^ok - /ok - tables.py self-test: /; s/^not ok - /not ok - tables.py self-test: /'
python3 tests/content/leaks.py --self-test >"$T/self.out" 2>&1 && echo "ok - leaks.py self-test" ||
	{ echo "not ok - leaks.py self-test"; sed 's/^/    | /' "$T/self.out"; }

for s in samples/*/; do
	n=$(basename "$s")
	scheme=$(sed -n 's/.*<centre [^>]*scheme="\([^"]*\)".*/\1/p' "$s/centre.xml" | head -1)
	outline=outlines/$scheme.xml
	[ -f "$outline" ] || { echo "not ok - $n: no outline $outline"; continue; }
	work=$T/work/$n
	rm -rf "$work" "$T/out/$n"
	mkdir -p "$T/work"
	cp -r "$s" "$work"
	# every table of the outline, after the first section of each report
	# document the sample has
	"$py" - "$outline" "$work" <<'EOF'
import os, sys, xml.etree.ElementTree as ET
o = ET.parse(sys.argv[1]).getroot()
ids = [t.get("id") for t in o.iter("table")]
for d in o.iter("document"):
    for sec in d.findall("section"):
        p = os.path.join(sys.argv[2], "sections", sec.get("id") + ".md")
        if os.path.exists(p):
            with open(p, "a", encoding="utf-8") as f:
                f.write("\n\n" + "".join("{{table:%s}}\n\n" % i for i in ids))
            break
EOF
	if ! "$bin" render -q --format both -o "$T/out/$n" "$work" >"$T/$n.log" 2>&1; then
		echo "not ok - $n with every table of its outline renders"
		sed 's/^/    | /' "$T/$n.log" | head -10
		continue
	fi
	echo "ok - $n with every table of its outline renders"
	"$py" tests/content/tables.py "$outline" "$work" "$T/out/$n"
	python3 tests/content/leaks.py pdf "$outline" "$T/out/$n"/*.pdf
done

# finding messages of every outline, in both languages
pkgs=$(sed -n 's/^PKGS *= *//p' Makefile)
extra=$(sed -n 's/^DEP_LIBS.*2>\/dev\/null) *//p' Makefile)
san=""
nm "$B/libdossier.a" 2>/dev/null | grep -q ' U __asan_' &&
	san="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
# shellcheck disable=SC2086
if cc -std=c11 -D_GNU_SOURCE -O1 -g -Wall -Wextra -Werror $san -Iinclude -Isrc \
	$(pkg-config --cflags $pkgs) tests/content/messages.c "$B/libdossier.a" \
	$(pkg-config --libs $pkgs) $extra -o "$T/messages" >"$T/cc.out" 2>&1; then
	if "$T/messages" outlines/*.xml >"$T/messages.tsv" 2>"$T/messages.err"; then
		echo "ok - every rule message of outlines/*.xml expands ($(wc -l <"$T/messages.tsv") messages)"
	else
		echo "not ok - every rule message of outlines/*.xml expands"
		sed 's/^/    | /' "$T/messages.err" | head -10
	fi
	strict=""
	[ "${STRICT:-0}" = 1 ] && strict=--strict
	# shellcheck disable=SC2086
	python3 tests/content/leaks.py messages $strict tests/content/known-messages.txt \
		"$T/messages.tsv" outlines/*.xml
else
	echo "not ok - tests/content/messages.c builds"
	sed 's/^/    | /' "$T/cc.out" | head -20
fi
exit 0
