#!/bin/bash
# mkbig.sh DEST — a copy of tests/toy/long whose section is repeated 300
# times (2 MB of Markdown, an annual report of about 1,800 pages under the
# toy scheme): a render long enough to interrupt in the middle.
set -eu
cd "$(dirname "$0")/../.."
cp -r tests/toy/long "$1"
body=$(sed 1,2d tests/toy/long/sections/r-1.md)
for _ in $(seq 1 300); do printf '%s\n\n' "$body"; done >>"$1/sections/r-1.md"
