#!/bin/bash
# mkseeds.sh — (re)make the seed corpora of fuzz_xlsx and fuzz_docx.
#
#   tests/office/mkseeds.sh BUILD_DIR
#
# Writes tests/fuzz/corpus/xlsx/ and tests/fuzz/corpus/docx/: small real
# files (the toy centre's workbook as dossier writes it and as LibreOffice
# and openpyxl write it again; sample sections as pandoc and LibreOffice
# write them; tests/office/mkdocx.py's and minimal.py's files), each also
# as a parts list (tests/office/fuzzseed.py), and the small hostile files
# of tests/office/mkhostile.py. Needs LibreOffice, pandoc, python3-openpyxl.
set -eu
cd "$(dirname "$0")/../.."
B=${1:-build}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
X=tests/fuzz/corpus/xlsx D=tests/fuzz/corpus/docx
mkdir -p "$X" "$D"
PY=/usr/bin/python3
lo() { HOME=$T/home soffice -env:UserInstallation="file://$T/profile" --headless --convert-to "$@" >/dev/null 2>&1; }

"$B/dossier" export --xlsx "$T/toy.xlsx" --outline tests/toy/toy-scheme-2030.xml tests/toy/centre >/dev/null
lo xlsx --outdir "$T/lo" "$T/toy.xlsx"
$PY tests/office/retype.py "$T/toy.xlsx" "$T/retyped.xlsx"
$PY tests/office/minimal.py "$T/minimal.xlsx"
$PY tests/office/minimal.py "$T/minimal-1904.xlsx" --1904
cp "$T/toy.xlsx" "$X/toy-export.xlsx"
cp "$T/lo/toy.xlsx" "$X/toy-libreoffice.xlsx"
cp "$T/minimal.xlsx" "$X/minimal.xlsx"
for f in toy retyped minimal minimal-1904; do
	$PY tests/office/fuzzseed.py "$T/$f.xlsx" >"$X/$f.parts"
done

f=samples/ndrc-engineering-2025/sections/summary-3-construction.md
pandoc -f gfm -t docx -o "$T/pandoc.docx" "$f"
pandoc -f gfm -t html -s --metadata pagetitle=x -o "$T/lo.html" "$f"
lo 'docx:MS Word 2007 XML' --outdir "$T" "$T/lo.html"
$PY tests/office/mkdocx.py "$T"
for f in pandoc lo features plain; do
	cp "$T/$f.docx" "$D/$f.docx"
	$PY tests/office/fuzzseed.py "$T/$f.docx" >"$D/$f.parts"
done

mkdir -p "$T/h"
$PY tests/office/mkhostile.py "$T/minimal.xlsx" "$T/plain.docx" "$T/h"
for f in laughs xxe deep merge-sheet far-cell strings-declared notzip; do cp "$T/h/$f.xlsx" "$X/hostile-$f.xlsx"; done
for f in laughs deep notzip; do cp "$T/h/$f.docx" "$D/hostile-$f.docx"; done
ls -l "$X" "$D"
