#!/bin/sh
# demo.sh — the main job on the samples, as `make demo` runs it: check every
# sample centre (one per scheme) and say where the results are.
set -u
cd "$(dirname "$0")/.." || exit 2
out=out/demo
mkdir -p "$out"
status=0
echo "== dossier check: the five sample centres (one per scheme)"
build/dossier check samples/*/ | tee "$out/check.txt" || status=$?
build/dossier check --format json samples/*/ >"$out/check.json.tmp" && mv "$out/check.json.tmp" "$out/check.json"
echo
echo "Results: $out/check.txt (text) and $out/check.json (JSON)."
echo "Try a defect: edit samples/ndrc-engineering-2025/centre.xml (e.g. rd_staff) and run"
echo "  build/dossier check samples/ndrc-engineering-2025"
exit $status
