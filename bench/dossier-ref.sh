#!/bin/sh
# dossier-ref.sh REF_DIR OUT.pdf — the command run_peers.sh times for dossier.
# The reference is converted to a centre directory once, on the untimed
# warm-up call; each timed call is one `dossier render` plus linking OUT.pdf
# to the file it wrote (run_peers.sh deletes OUT.pdf before every run).
here=${0%/*}
work=${DOSSIER_BENCH_WORK:-/tmp/dossier-bench}
out=${2%/*}/dossier-out
if [ ! -f "$work/centre/centre.xml" ]; then
	python3 "$here/ref2centre.py" "$1" "$work/centre" || exit 1
fi
"$here/../build/dossier" render -q --format pdf --doc summary \
	--outline "$here/reference/outline.xml" --style "$here/reference/reference.style" \
	-o "$out" "$work/centre" >/dev/null || exit 1
exec ln -sf "$out/summary-report.pdf" "$2"
