#!/bin/bash
# pkcs11.sh — keys that never leave a token: `dossier pack --key pkcs11:...`
# (RFC 7512) against SoftHSM2, through OpenSSL's pkcs11 engine.
#   tests/suites/pkcs11.sh BUILD_DIR SCRATCH_DIR
# The token lives in SCRATCH_DIR (SOFTHSM2_CONF); the RSA and ECDSA keys of a
# test PKI are imported into it, and the key files are then removed, so only
# the token can sign. Prints "ok - pkcs11: ..." / "not ok - pkcs11: ...".
set -u
b=$1 t=$2 bin=$1/dossier
cd "$(dirname "$0")/../.." || exit 2
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset SOURCE_DATE_EPOCH
ok() { echo "ok - pkcs11: $*"; }
no() { echo "not ok - pkcs11: $*"; }
expect() {
	local name=$1 want=$2 code; shift 2
	"$@" >"$t/out" 2>"$t/err"; code=$?
	if [ "$code" = "$want" ]; then ok "$name"; else no "$name (exit $code, expected $want)"; sed 's/^/    | /' "$t/err" | head -8; fi
}
has() { if grep -qF -- "$2" "$3"; then ok "$1"; else no "$1 ($3 lacks: $2)"; sed 's/^/    | /' "$3" | head -5; fi; }
absent() { if [ ! -e "$2" ]; then ok "$1"; else no "$1 ($2 exists)"; fi; }

engine=$(openssl version -e | sed -n 's/^ENGINESDIR: "\(.*\)"/\1/p')/pkcs11.so
if ! command -v softhsm2-util >/dev/null || [ ! -f "$engine" ]; then
	echo "# pkcs11 tests skipped: softhsm2 or libengine-pkcs11-openssl missing (scripts/install-deps.sh)"
	exit 0
fi
module=$(find /usr/lib -name libsofthsm2.so 2>/dev/null | head -1)

K=$t/keys S=samples/ndrc-engineering-2025
"$bin" keygen "$K" >/dev/null || { no "keygen"; exit 0; }
mkdir -p "$t/tokens"
printf 'directories.tokendir = %s\nobjectstore.backend = file\nlog.level = ERROR\n' "$t/tokens" >"$t/softhsm2.conf"
export SOFTHSM2_CONF=$t/softhsm2.conf
if softhsm2-util --init-token --free --label "dossier test" --pin 4321 --so-pin 8765 >"$t/init.log" 2>&1; then
	ok "SoftHSM2 token initialised"; else no "SoftHSM2 token"; sed 's/^/    | /' "$t/init.log"; exit 0; fi
for k in rsa ec; do
	openssl pkcs8 -topk8 -nocrypt -in "$K/$k.key" -out "$t/$k.p8" &&
	softhsm2-util --import "$t/$k.p8" --token "dossier test" --label "$k signer" --id "0$([ $k = rsa ] && echo 1 || echo 2)" \
		--pin 4321 >>"$t/init.log" 2>&1 && ok "$k key imported into the token" || no "$k key imported"
	# from here on only the token holds the key
	rm -f "$t/$k.p8" "$K/$k.key"
done
printf '4321\n' >"$t/pin"; printf '0000\n' >"$t/badpin"
uri() { echo "pkcs11:token=dossier%20test;object=$1%20signer${2:-}"; }

for k in rsa ec; do
	p=$t/$k.asice
	expect "$k key on the token: pack (PIN from a file)" 0 "$bin" pack -q -o "$p" --key "$(uri $k)" \
		--password-file "$t/pin" --cert "$K/$k.pem" --chain "$K/chain.pem" "$S"
	expect "$k: dossier verify" 0 "$bin" verify --ca "$K/trust.pem" "$p"
	has "$k: the signer is the token's certificate" "Submission Signer" "$t/out"
	rm -rf "$t/x-$k"; mkdir -p "$t/x-$k" && (cd "$t/x-$k" && unzip -q "$p")
	expect "$k: stock openssl cms -verify" 0 openssl cms -verify -binary -inform DER -in "$t/x-$k/META-INF/signature.p7s" \
		-content "$t/x-$k/META-INF/ASiCManifest.xml" -CAfile "$K/ca.pem" -out /dev/null
done
expect "PIN from an environment variable" 0 env TOKEN_PIN=4321 "$bin" pack -q -o "$t/env.asice" --key "$(uri ec)" \
	--password-env TOKEN_PIN --cert "$K/ec.pem" --chain "$K/chain.pem" "$S"
expect "module given by the URI (module-path)" 0 "$bin" pack -q -o "$t/mod.asice" --key "$(uri rsa "?module-path=$module")" \
	--password-file "$t/pin" --cert "$K/rsa.pem" --chain "$K/chain.pem" "$S"
expect "... verifies" 0 "$bin" verify --ca "$K/trust.pem" "$t/mod.asice"
if command -v script >/dev/null && script -qefc true /dev/null >/dev/null 2>&1; then
	# type the PIN once the prompt is there (type-ahead is dropped, as
	# getpass does)
	mkfifo "$t/ttyin"
	timeout 120 script -qefc "$bin pack -q -o $t/tty.asice --key '$(uri rsa)' --cert $K/rsa.pem --chain $K/chain.pem $S" \
		/dev/null <"$t/ttyin" >"$t/tty.out" 2>&1 &
	spid=$!
	exec 9>"$t/ttyin"
	for _ in $(seq 600); do grep -q "PIN for" "$t/tty.out" && break; sleep 0.1; done
	printf '4321\n' >&9
	exec 9>&-
	wait $spid
	has "PIN asked on the terminal" "PIN for pkcs11:" "$t/tty.out"
	expect "... and the package verifies" 0 "$bin" verify --ca "$K/trust.pem" "$t/tty.asice"
else
	echo "# terminal PIN test skipped: no pseudo-terminal here"
fi

expect "no PIN source and no terminal" 2 setsid -w "$bin" pack -q -o "$t/f1.asice" --key "$(uri rsa)" --cert "$K/rsa.pem" "$S"
has "... says how to give the PIN" "--password-file" "$t/err"
expect "wrong PIN" 2 "$bin" pack -q -o "$t/f2.asice" --key "$(uri rsa)" --password-file "$t/badpin" --cert "$K/rsa.pem" "$S"
has "... says the key or PIN is wrong" "wrong PIN" "$t/err"
expect "PIN in the URI (pin-value) refused" 2 "$bin" pack -q -o "$t/f3.asice" --key "$(uri rsa ";pin-value=4321")" --cert "$K/rsa.pem" "$S"
expect "PIN on the command line (--pin) refused" 2 "$bin" pack -q -o "$t/f4.asice" --key "$(uri rsa)" --pin 4321 --cert "$K/rsa.pem" "$S"
expect "a key the token does not hold" 2 "$bin" pack -q -o "$t/f5.asice" --key "$(uri none)" --password-file "$t/pin" --cert "$K/rsa.pem" "$S"
expect "a token key without --cert" 2 "$bin" pack -q -o "$t/f6.asice" --key "$(uri rsa)" --password-file "$t/pin" "$S"
expect "the token's key with another key's certificate" 2 "$bin" pack -q -o "$t/f7.asice" --key "$(uri rsa)" --password-file "$t/pin" --cert "$K/ec.pem" "$S"
has "... says so" "does not belong" "$t/err"
expect "an unknown URI query attribute" 2 "$bin" pack -q -o "$t/f8.asice" --key "$(uri rsa "?module-name=x")" --password-file "$t/pin" --cert "$K/rsa.pem" "$S"
absent "failed runs write nothing" "$t/f2.asice"
if [ -z "$(ls "$t" | grep -E '^f[0-9]\.asice')" ]; then ok "no package left by a refused token run"; else no "packages left: $(ls "$t" | grep -E '^f[0-9]')"; fi
