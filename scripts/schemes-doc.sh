#!/bin/sh
# schemes-doc.sh — write doc/schemes.md from the outlines (make schemes-doc).
# The test suite checks that doc/schemes.md is what this script prints.
#   scripts/schemes-doc.sh [BUILD_DIR]   (default build)
set -eu
cd "$(dirname "$0")/.."
bin=${1:-build}/dossier
cat <<'HEAD'
# The five schemes: stages, documents and the obligation matrix

Generated from `outlines/*.xml` by `scripts/schemes-doc.sh` (`make schemes-doc`);
`dossier explain SCHEME` prints the same in Chinese or English, and
`dossier explain --format json` for programs. Do not edit by hand.

Every obligation is one article (款, 项 or annex item) of the scheme's text
that sets something a dossier can satisfy or violate, with a short quote, the
stages it governs, who owes it to whom, and how strict the text is:
**requires** (the text says 应、须、不得 or sets a condition or deadline:
findings are errors), **recommends** (鼓励、原则上、一般: warnings), **permits**
(可: information), **practice** (evaluation practice outside the text, with
its source: warnings at most). Rules may be milder than their obligation,
never stricter; `dossier` refuses an outline that breaks this. An obligation
that no tool can check says why. A centre declares its stage in
`centre.xml` (`<centre … stage="…">`); a rule runs only at the stages of its
obligation.

HEAD
"$bin" explain --all --format markdown
