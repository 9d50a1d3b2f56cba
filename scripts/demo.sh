#!/bin/sh
# demo.sh — the main job on the samples, as `make demo` runs it: check every
# sample centre (the five schemes, two of them at a second stage), render each one's documents as PDF and
# XML, pack each centre with its documents into a signed package (throwaway
# TEST keys from dossier keygen) and verify it, check the packages received
# in one step with a review report (HTML and PDF), and say where the
# results are.
set -u
cd "$(dirname "$0")/.." || exit 2
out=out/demo
mkdir -p "$out"
status=0
echo "== 1. dossier check: the seven sample centres (five schemes, two of them at a second stage)"
build/dossier check samples/*/ | tee "$out/check.txt" || status=$?
build/dossier check --format json samples/*/ >"$out/check.json.tmp" && mv "$out/check.json.tmp" "$out/check.json"
echo
echo "== 2. dossier render: PDF (GB/T 9704, PDF/A-1b) and XML for each centre"
for s in samples/*/; do
	n=$(basename "$s")
	build/dossier render -q -o "$out/$n" "$s" || status=$?
done
echo
echo "== 3. dossier pack and verify: a signed package per centre (TEST keys)"
build/dossier keygen --force "$out/testkeys" >/dev/null || status=$?
for s in samples/*/; do
	n=$(basename "$s")
	build/dossier pack -q -o "$out/$n.asice" --reports "$out/$n" --key "$out/testkeys/rsa.key" \
		--cert "$out/testkeys/rsa.pem" --chain "$out/testkeys/chain.pem" "$s" || status=$?
	build/dossier verify -q --ca "$out/testkeys/trust.pem" "$out/$n.asice" &&
		echo "$n.asice: verified" || status=$?
done
echo
echo "== 4. dossier check on the packages received: verified, checked, one review report"
build/dossier check -q --ca "$out/testkeys/trust.pem" --format html -o "$out/review.html" "$out"/*.asice || status=$?
build/dossier check -q --ca "$out/testkeys/trust.pem" --format pdf -o "$out/review.pdf" "$out"/*.asice >/dev/null || status=$?
echo
echo "Results in $out/:"
echo "  check.txt, check.json        findings of every centre"
echo "  <sample>/*.pdf, <sample>/*.xml  the rendered documents"
echo "  <sample>.asice               signed packages (dossier verify --ca $out/testkeys/trust.pem)"
echo "  review.html, review.pdf      the review report (审核意见) over the packages"
exit $status
