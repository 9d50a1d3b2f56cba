# A section saved as GB18030 by a Windows tool is read (and noted).
base most-tic-2021
run iconv -f UTF-8 -t GB18030 sections/annual-4-problems.md > t && mv t sections/annual-4-problems.md
exit 0
expect CORE-ENCODING
