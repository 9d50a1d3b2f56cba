# A section saved as UTF-16 (with BOM, little- or big-endian) by a Windows
# tool is read (and noted), its text counted like any other.
base most-tic-2021

=== little-endian
run { printf '\377\376'; iconv -f UTF-8 -t UTF-16LE sections/annual-4-problems.md; } > t && mv t sections/annual-4-problems.md
exit 0
expect CORE-ENCODING

=== big-endian
run { printf '\376\377'; iconv -f UTF-8 -t UTF-16BE sections/annual-5-next.md; } > t && mv t sections/annual-5-next.md
exit 0
expect CORE-ENCODING

=== without-bom-not-guessed
# no BOM: the NUL bytes are invalid UTF-8, named with file, line and column
run iconv -f UTF-8 -t UTF-16LE sections/annual-4-problems.md > t && mv t sections/annual-4-problems.md
exit 2
expect
expect-err annual-4-problems.md:1:2: invalid UTF-8 byte 0x00 at line 1, column 2

=== without-bom-named-on-the-command-line
# every section saved as UTF-16LE without a BOM, the encoding given with --encoding
run for f in sections/*.md; do iconv -f UTF-8 -t UTF-16LE "$f" > t && mv t "$f"; done
args --encoding UTF-16
exit 0
expect CORE-ENCODING CORE-ENCODING CORE-ENCODING CORE-ENCODING CORE-ENCODING CORE-ENCODING
