#!/bin/bash
# valgrind.sh — the sample pipeline under valgrind memcheck: check, render
# (PDF and XML), pack (RSA + SM2, with the reports), verify with extraction,
# a rejected package, refusals and malformed input. Every run must end with
# zero memcheck errors and zero leaks (definite, indirect or possible;
# memory that libraries keep reachable until exit is not a leak).
#   tests/suites/valgrind.sh BUILD_DIR SCRATCH_DIR
# Only for a build without sanitizers (valgrind and ASan do not mix); the
# sanitizer build reports "ok - valgrind: skipped" once.
set -u
b=$1 t=$2 bin=$1/dossier
ok() { echo "ok - valgrind: $*"; }
no() { echo "not ok - valgrind: $*"; }
if ldd "$bin" 2>/dev/null | grep -q -e libasan -e libubsan; then
	ok "skipped for the sanitizer build $b"; exit 0
fi
if ! command -v valgrind >/dev/null; then
	no "valgrind is not installed (scripts/install-deps.sh installs it)"; exit 0
fi
export LANG=C.UTF-8 LC_ALL=C.UTF-8
vg() {  # vg NAME WANT_EXIT CMD...
	local name=$1 want=$2 code; shift 2
	valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible \
		--errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 \
		--log-file="$t/vg.log" "$@" >"$t/out" 2>"$t/err"
	code=$?
	if [ "$code" = "$want" ] && [ ! -s "$t/vg.log" ]; then ok "$name"
	else no "$name (exit $code, want $want)"; sed 's/^/    | /' "$t/vg.log" "$t/err" | head -20; fi
}
S=samples/ndrc-engineering-2025
K=$t/keys
"$bin" keygen "$K" >/dev/null 2>&1 || { no "keygen for the test keys"; exit 0; }
export SOURCE_DATE_EPOCH=$(date +%s)
vg "check a sample" 0 "$bin" check "$S"
vg "check --format json, two samples" 0 "$bin" check --format json "$S" samples/dalian-tic-2025
vg "render PDF and XML" 0 "$bin" render -q -o "$t/r" "$S"
vg "pack RSA + SM2 with reports" 0 "$bin" pack -q -o "$t/p.asice" --reports "$t/r" \
	--key "$K/rsa.key" --cert "$K/rsa.pem" --chain "$K/chain.pem" --key "$K/sm2.key" --cert "$K/sm2.pem" "$S"
vg "verify and extract" 0 "$bin" verify -q --ca "$K/trust.pem" --extract "$t/x" "$t/p.asice"
python3 - "$t/p.asice" "$t/bad.asice" <<'PY'
import sys
d = bytearray(open(sys.argv[1], 'rb').read())
d[len(d) // 2] ^= 0x40
open(sys.argv[2], 'wb').write(d)
PY
vg "verify a tampered package (rejected)" 1 "$bin" verify -q --ca "$K/trust.pem" "$t/bad.asice"
vg "check an evaluation-tables.xml" 0 "$bin" check "$t/r/evaluation-tables.xml"
cp -r "$S" "$t/inc"; rm "$t/inc/sections/summary-3-achievements.md" 2>/dev/null || rm "$(ls "$t"/inc/sections/*.md | head -1)"
vg "check an incomplete centre" 1 "$bin" check "$t/inc"
vg "render refuses an incomplete centre" 1 "$bin" render -q -o "$t/r2" "$t/inc"
cp -r "$S" "$t/bad"; printf '<centre version="1"><identity>' >"$t/bad/centre.xml"
vg "malformed centre.xml" 2 "$bin" check "$t/bad"
vg "a limit exceeded" 2 "$bin" render -q --max-depth 4 -o "$t/r3" "$S"
# Ctrl-C in the middle of a long render: dies of the signal, nothing left,
# and no leak (the library and the command free everything first)
big=$t/big; tests/toy/mkbig.sh "$big"
mkdir -p "$t/int"
env --default-signal=INT valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible \
	--errors-for-leak-kinds=definite,indirect,possible --log-file="$t/vg.log" \
	"$bin" render -q --outline tests/toy/toy-scheme-2030.xml -o "$t/int" "$big" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 600); do ls -A "$t/int" | grep -q '^\.dossier-render' && break; sleep 0.05; done
sleep 0.5; kill -INT $pid; wait $pid; code=$?
if [ "$code" = 130 ] && [ -z "$(ls -A "$t/int")" ] && ! grep -q -e 'lost' -e 'ERROR SUMMARY: [1-9]' "$t/vg.log"; then
	ok "Ctrl-C mid-render: exit 130, nothing left, no leak"
else no "Ctrl-C mid-render (exit $code, left: $(ls -A "$t/int" | tr '\n' ' '))"; sed 's/^/    | /' "$t/vg.log" | head -20; fi
