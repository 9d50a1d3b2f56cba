#!/bin/sh
# dossier-ref.sh REF_DIR OUT.pdf — the command run_peers.sh times for dossier.
# The reference is converted to a centre directory once (on the untimed
# warm-up call); every call then runs exactly one `dossier render`.
set -e
here=$(cd "$(dirname "$0")" && pwd)
centre=${DOSSIER_BENCH_WORK:-/tmp/dossier-bench}/centre
out=$(dirname "$2")/dossier-out
[ -f "$centre/centre.xml" ] || python3 "$here/ref2centre.py" "$1" "$centre"
"$here/../build/dossier" render -q --format pdf --doc summary \
	--outline "$here/reference/outline.xml" --style "$here/reference/reference.style" \
	-o "$out" "$centre" >/dev/null
mv "$out/summary-report.pdf" "$2"
