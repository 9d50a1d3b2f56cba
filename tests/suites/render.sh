#!/bin/bash
# render.sh — tests of `dossier render` (PDF): every sample renders; the
# PDFs are judged by independent tools (qpdf, pdffonts, pdftotext, qpdf's
# outline JSON, Apache PDFBox Preflight); output is reproducible; refusal,
# --draft, missing glyphs and unwritable outputs behave.
#   tests/suites/render.sh BUILD_DIR SCRATCH_DIR
set -u
b=$1 t=$2 bin=$1/dossier
export SOURCE_DATE_EPOCH=1774000000
ok() { echo "ok - render: $*"; }
no() { echo "not ok - render: $*"; }
check() { local name=$1; shift; if "$@" >/dev/null 2>&1; then ok "$name"; else no "$name"; fi; }

pdfs=()
for s in samples/*/; do
	n=$(basename "$s")
	out=$t/$n
	if ! "$bin" render -q --format pdf -o "$out" "$s" >"$t/$n.log" 2>&1; then
		no "$n renders"; sed 's/^/    /' "$t/$n.log" | head -5; continue
	fi
	ok "$n renders"
	# every document the sample's stage submits (tests/render/docs.py)
	while read -r d kind prefix; do
		f=$out/$d.pdf
		[ -s "$f" ] || { no "$n/$d.pdf exists"; continue; }
		pdfs+=("$f")
		check "$n/$d qpdf --check" qpdf --check "$f"
		fonts=$(pdffonts "$f" 2>&1 | tail -n +3)
		if [ -n "$fonts" ] && ! grep -qv ' yes yes yes ' <<<"$fonts" && ! pdffonts "$f" 2>&1 | grep -q 'Warning\|Error'; then
			ok "$n/$d fonts embedded, subset, with ToUnicode"
		else
			no "$n/$d fonts"; sed 's/^/    /' <<<"$fonts"
		fi
		r=$(python3 tests/render/pdfcheck.py kinsoku "$f"); [ "$r" = ok ] && ok "$n/$d kinsoku" || no "$n/$d kinsoku: $r"
		if [ "$kind" != data ]; then
			for c in text toc bookmarks; do
				r=$(python3 tests/render/pdfcheck.py $c "$f" "$s" "$prefix")
				[ "$r" = ok ] && ok "$n/$d $c" || no "$n/$d $c: $r"
			done
		fi
		pdftotext "$f" - | grep -q '— 1 —' && ok "$n/$d page numbers" || no "$n/$d page numbers"
		# the first numbered page, rasterised, carries ink: glyphs really draw
		p1=1
		for p in 1 2 3 4 5 6; do pdftotext -f $p -l $p "$f" - 2>/dev/null | grep -q '— 1 —' && { p1=$p; break; }; done
		r=$(python3 tests/render/pdfcheck.py ink "$f" "$p1"); [ "$r" = ok ] && ok "$n/$d glyphs draw" || no "$n/$d $r"
	done < <(/usr/bin/python3 tests/render/docs.py "$bin" "$s")
	[ "$(ls "$out"/*.pdf | wc -l)" = "$(/usr/bin/python3 tests/render/docs.py "$bin" "$s" | wc -l)" ] &&
		ok "$n: one PDF per submitted document" || no "$n: PDFs written differ from the documents submitted"
	# reproducible: a second run is byte-identical
	"$bin" render -q --format pdf -o "$out-again" "$s" >/dev/null 2>&1
	same=1
	for f in "$out"/*.pdf; do cmp -s "$f" "$out-again/$(basename "$f")" || same=0; done
	[ $same = 1 ] && ok "$n byte-identical twice" || no "$n not reproducible"
done

# PDF/A-1b by an independent validator (once, with the normal build):
# scripts/pdfa-preflight runs Debian's PDFBox Preflight on all of them
if [ "$(basename "$b")" = build ]; then
	pf=scripts/pdfa-preflight
	res=$("$pf" "${pdfs[@]}" 2>&1)
	pass=$(grep -c '^PASS' <<<"$res")
	[ "$pass" = "${#pdfs[@]}" ] && ok "PDFBox Preflight: $pass/${#pdfs[@]} valid PDF/A-1b" \
		|| { no "PDFBox Preflight: $pass/${#pdfs[@]}"; grep -v '^PASS' <<<"$res" | head -20 | sed 's/^/    /'; }
	# the judge can say no: a plain PDF (--no-pdfa) is not PDF/A-1b
	"$bin" render -q --no-pdfa --doc tables --format pdf -o "$t/plain" samples/most-tic-2021 >/dev/null 2>&1
	res=$("$pf" "$t/plain/evaluation-tables.pdf" 2>&1); code=$?
	[ "$code" = 1 ] && grep -q '^FAIL .*evaluation-tables.pdf ([1-9]' <<<"$res" \
		&& ok "PDFBox Preflight rejects a plain PDF (--no-pdfa)" \
		|| { no "PDFBox Preflight on a plain PDF: exit $code"; head -5 <<<"$res" | sed 's/^/    /'; }
fi

# an incomplete dossier: refused, nothing written; --draft marks every page
cp -r samples/most-tic-2021 "$t/bad"
sed -i 's#<value id="rd_staff"\([^>]*\)>[^<]*<#<value id="rd_staff"\1>999<#' "$t/bad/centre.xml"
"$bin" render -q -o "$t/bad-out" "$t/bad" >"$t/bad.log" 2>&1
[ $? = 1 ] && ok "refuses an incomplete dossier (exit 1)" || no "refusal exit status"
[ -z "$(ls -A "$t/bad-out" 2>/dev/null)" ] && ok "refusal writes nothing" || no "refusal wrote files"
grep -q 'TIC21-TAB-03' "$t/bad.log" && ok "refusal lists the findings" || no "refusal findings"
if "$bin" render -q --draft --format pdf -o "$t/draft" "$t/bad" >/dev/null 2>&1; then
	f=$t/draft/annual-report.pdf
	np=$(pdfinfo "$f" | awk '/^Pages:/ {print $2}')
	marked=0
	# the mark is set at 45°: extractors return its two characters apart
	for p in $(seq 1 "$np"); do
		pt=$(pdftotext -f "$p" -l "$p" "$f" -)
		grep -q '草' <<<"$pt" && grep -q '稿' <<<"$pt" && marked=$((marked + 1))
	done
	[ "$marked" = "$np" ] && ok "--draft marks all $np pages" || no "--draft marked $marked of $np pages"
else
	no "--draft renders"
fi

# a character no configured font has: an error naming it and where it is
cp -r samples/most-tic-2017 "$t/glyph"
printf '\n表情符号😀不应出现在公文中。\n' >>"$t/glyph/sections/annual-4-problems.md"
"$bin" render -q --format pdf -o "$t/glyph-out" "$t/glyph" >"$t/glyph.log" 2>&1
[ $? = 2 ] && ok "missing glyph: exit 2" || no "missing glyph exit status"
grep -q 'U+1F600' "$t/glyph.log" && grep -q 'annual-4-problems.md' "$t/glyph.log" \
	&& ok "missing glyph: names the character and the file" || { no "missing glyph message"; cat "$t/glyph.log"; }
[ -z "$(ls -A "$t/glyph-out" 2>/dev/null)" ] && ok "missing glyph: no output" || no "missing glyph left output"

# an output that cannot be written: an error, and no half-written file
touch "$t/not-a-dir"
"$bin" render -q --format pdf -o "$t/not-a-dir" samples/most-tic-2017 >"$t/ro.log" 2>&1
[ $? = 2 ] && ok "unwritable output: exit 2" || no "unwritable output exit status"

# Output errors and interrupts: each ends with a clear error, a non-zero
# exit and OUTDIR as it was (render stages everything in a private folder
# and renames the set into place at the end).
old_out=$t/keep; mkdir -p "$old_out"; echo old >"$old_out/annual-report.pdf"
same_as_before() { [ "$(ls -A "$1")" = annual-report.pdf ] && [ "$(cat "$1/annual-report.pdf")" = old ]; }
# standard output on a full device: the paths cannot be printed
"$bin" render -q -o "$t/stdout-full" samples/most-tic-2017 >/dev/full 2>"$t/full.log"
[ $? = 2 ] && grep -q 'cannot write standard output' "$t/full.log" && ok "stdout on /dev/full: exit 2, said" || no "stdout on /dev/full"
# a read-only file system and a full one (a private mount namespace)
for ns in "unshare -m" "unshare -rm"; do
	$ns true 2>/dev/null || continue
	mkdir -p "$t/ro-fs" "$t/small-fs"
	$ns sh -c "mount -t tmpfs -o size=1M tmpfs '$t/ro-fs' && mkdir '$t/ro-fs/out' && echo old >'$t/ro-fs/out/annual-report.pdf' &&
		mount -o remount,ro '$t/ro-fs' &&
		'$bin' render -q -o '$t/ro-fs/out' samples/most-tic-2017 2>'$t/rofs.log'; echo \$? >'$t/rofs.code';
		ls -A '$t/ro-fs/out' >'$t/rofs.left';
		mount -t tmpfs -o size=150K tmpfs '$t/small-fs' &&
		'$bin' render -q -o '$t/small-fs' samples/most-tic-2017 2>'$t/small.log'; echo \$? >'$t/small.code';
		ls -A '$t/small-fs' >'$t/small.left'" 2>/dev/null
	[ -f "$t/rofs.code" ] || continue
	[ "$(cat "$t/rofs.code")" = 2 ] && grep -q 'Read-only file system' "$t/rofs.log" && [ "$(cat "$t/rofs.left")" = annual-report.pdf ] \
		&& ok "read-only file system: exit 2, the reason, nothing changed" \
		|| { no "read-only file system (exit $(cat "$t/rofs.code"))"; sed 's/^/    | /' "$t/rofs.log" | head -5; }
	[ "$(cat "$t/small.code")" = 2 ] && grep -q 'No space left' "$t/small.log" && [ ! -s "$t/small.left" ] \
		&& ok "full disk: exit 2, the reason, nothing left" \
		|| { no "full disk (exit $(cat "$t/small.code"), left: $(cat "$t/small.left"))"; sed 's/^/    | /' "$t/small.log" | head -5; }
	break
done
[ -f "$t/rofs.code" ] || echo "# read-only and full-disk tests skipped: cannot mount a tmpfs here"
# Ctrl-C (and SIGTERM) in the middle of a long render: a 1,800-page report
big=$t/big; tests/toy/mkbig.sh "$big"
for sig in INT TERM; do
	cp -r "$old_out" "$t/int-$sig"
	# a background job of a script ignores SIGINT; a terminal's job does not
	env --default-signal=INT "$bin" render -q --outline tests/toy/toy-scheme-2030.xml -o "$t/int-$sig" "$big" >/dev/null 2>&1 &
	pid=$!
	# wait until the staging folder exists: the render has begun writing
	for _ in $(seq 1 100); do ls -A "$t/int-$sig" | grep -q '^\.dossier-render' && break; sleep 0.05; done
	kill -$sig $pid; wait $pid; code=$?
	want=$((128 + $(kill -l $sig)))
	if [ "$code" = "$want" ] && same_as_before "$t/int-$sig"; then ok "SIG$sig mid-render: exit $code, OUTDIR as it was"
	else no "SIG$sig mid-render: exit $code (want $want), left: $(ls -A "$t/int-$sig" | tr '\n' ' ')"; fi
done
# a font whose head table libharu would divide by zero with: refused, named
hf=$PWD/tests/fuzz/crashes/font/libharu-fpe-units-per-em-0.ttf
for r in song fangsong hei kai title; do printf 'role %s x\nfallback %s\n' "$r" "$hf"; done >"$t/head.conf"
"$bin" render -q --format pdf --fonts "$t/head.conf" -o "$t/head-out" samples/most-tic-2017 >"$t/head.log" 2>&1; code=$?
[ "$code" = 2 ] && grep -q "libharu-fpe-units-per-em-0.ttf: the font's head table is invalid (unitsPerEm 0" "$t/head.log" \
	&& [ -z "$(ls -A "$t/head-out" 2>/dev/null)" ] && ok "font with unitsPerEm 0: exit 2 naming it, nothing written" \
	|| { no "font with unitsPerEm 0 (exit $code)"; cat "$t/head.log"; }
# a page limit bounds a render's memory: over it, an error naming it, nothing written
"$bin" render -q --max-pages 3 -o "$t/pages" samples/most-tic-2021 >"$t/pages.log" 2>&1; code=$?
[ "$code" = 2 ] && grep -q 'more than 3 pages (--max-pages)' "$t/pages.log" && [ -z "$(ls -A "$t/pages")" ] \
	&& ok "--max-pages 3: exit 2, the limit named, nothing written" || { no "--max-pages (exit $code)"; cat "$t/pages.log"; }
# deep nesting within the largest --max-depth renders (no stack overflow)
deep=$t/deep; cp -r samples/dalian-tic-2025 "$deep"
awk 'BEGIN{for(i=0;i<990;i++) printf ">"; print "x"; for(i=0;i<2000;i++) printf "["; print ""; for(i=0;i<400;i++) printf "%*s- a\n", i*2, ""}' >>"$deep/sections/annual-8-plan.md"
check "990 nested quotes and 400 nested lists render with --max-depth 1000" \
	"$bin" render -q --max-depth 1000 -o "$t/deep-out" "$deep"

# style and font configuration errors name file and line
printf 'page.width = 210mm\nbody.colour = red\n' >"$t/bad.style"
"$bin" render -q --format pdf --style "$t/bad.style" -o "$t/s" samples/most-tic-2017 >"$t/st.log" 2>&1
[ $? = 2 ] && grep -q 'bad.style:2' "$t/st.log" && ok "bad style: file:line" || no "bad style message"
# a caption format that is not one %d (quoted or not): refused at its line, nothing written
for v in '"表%s　"' '表%d%d' '"Table %d' '表%d　"'; do
	printf 'page.width = 210mm\ntable.caption.format = %s\n' "$v" >"$t/cap.style"
	rm -rf "$t/cap"
	"$bin" render -q --format pdf --style "$t/cap.style" -o "$t/cap" samples/most-tic-2017 >"$t/cap.log" 2>&1
	[ $? = 2 ] && grep -q 'cap.style:2' "$t/cap.log" && grep -q 'table.caption.format' "$t/cap.log" && [ ! -e "$t/cap" ] &&
		ok "bad table.caption.format $v: exit 2 at file:line, nothing written" || { no "bad table.caption.format $v"; cat "$t/cap.log"; }
done
# a good one is used: the captions follow it
printf 'table.caption.format = "Tab. %%d — "\n' >"$t/cap.style"
"$bin" render -q --format pdf --style "$t/cap.style" -o "$t/cap" samples/most-tic-2017 >"$t/cap.log" 2>&1 &&
	pdftotext "$t/cap/annual-report.pdf" - | grep -qE '^Tab\. [0-9]+ — ' && ok "table.caption.format is used" || no "table.caption.format not used"
printf 'role song 宋体\nfallback /nonexistent.ttf\n' >"$t/bad.conf"
"$bin" render -q --format pdf --fonts "$t/bad.conf" -o "$t/f" samples/most-tic-2017 >"$t/fc.log" 2>&1
[ $? = 2 ] && grep -q 'song' "$t/fc.log" && ok "missing font: names the role" || no "missing font message"

# a font file that is not a font: a clear error, no crash, nothing written
head -c 5000 /dev/urandom >"$t/junk.ttf"
printf 'role song 宋体\nfallback %s\nrole fangsong 仿宋\nfallback %s\nrole hei 黑体\nfallback %s\nrole kai 楷体\nfallback %s\nrole title 小标宋\nfallback %s\n' \
	"$t/junk.ttf" "$t/junk.ttf" "$t/junk.ttf" "$t/junk.ttf" "$t/junk.ttf" >"$t/junk.conf"
"$bin" render -q --format pdf --fonts "$t/junk.conf" -o "$t/junk-out" samples/most-tic-2017 >"$t/junk.log" 2>&1
[ $? = 2 ] && grep -q 'junk.ttf' "$t/junk.log" && ok "junk font file: exit 2 naming it" || { no "junk font file"; cat "$t/junk.log"; }
[ -z "$(ls -A "$t/junk-out" 2>/dev/null)" ] && ok "junk font file: no output" || no "junk font file left output"

# after all of the above: no temporary file or staging folder anywhere
left=$(find "$t" -name '*.tmp*' -o -name '.dossier-render-*' 2>/dev/null | head -5)
[ -z "$left" ] && ok "no temporary files or staging folders left" || no "left behind: $left"
