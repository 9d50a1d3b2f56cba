#!/bin/bash
# longterm.sh — signatures that outlive their certificates: RFC 3161
# time-stamps (`pack --tsa`), verification at the time-stamped time,
# revocation (`verify --crl`), and the receiver's stock-OpenSSL steps.
#   tests/suites/longterm.sh BUILD_DIR SCRATCH_DIR
# Time-stamp authorities run on the loopback: `openssl ts -reply` behind a
# small HTTP server (tests/pack/tsa.py), started here and stopped by their
# process ids when the suite ends. A signer certificate that expires a few
# seconds into the suite shows a time-stamped package outliving it.
set -u
b=$1 t=$2 bin=$1/dossier
cd "$(dirname "$0")/../.." || exit 2
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset SOURCE_DATE_EPOCH
ok() { echo "ok - longterm: $*"; }
no() { echo "not ok - longterm: $*"; }
expect() {
	local name=$1 want=$2 code; shift 2
	"$@" >"$t/out" 2>"$t/err"; code=$?
	if [ "$code" = "$want" ]; then ok "$name"; else no "$name (exit $code, expected $want)"; sed 's/^/    | /' "$t/err" | head -8; fi
}
has() { if grep -qF -- "$2" "$3"; then ok "$1"; else no "$1 ($3 lacks: $2)"; sed 's/^/    | /' "$3" | head -5; fi; }
absent() { if [ ! -e "$2" ]; then ok "$1"; else no "$1 ($2 exists)"; fi; }
reason() { # NAME REASON PKG [verify options]: rejected with REASON
	local name=$1 want=$2 pkg=$3 got; shift 3
	"$bin" verify --ca "$K/trust.pem" "$@" "$pkg" >"$t/out" 2>"$t/err"
	got=$(grep -o 'REJECTED \[[a-z0-9-]*\]' "$t/err" | head -1)
	if [ "$got" = "REJECTED [$want]" ]; then ok "$name: [$want]"; else no "$name: got '$got', expected [$want]"; sed 's/^/    | /' "$t/err" | head -4; fi
}

K=$t/keys O=$t/other S=samples/ndrc-engineering-2025
"$bin" keygen "$K" >/dev/null && "$bin" keygen "$O" >/dev/null || { no "keygen"; exit 0; }

# ---- a CA database for the test issuing CA: short-lived signers, revocations
CA=$t/ca; mkdir -p "$CA/new"; : >"$CA/index.txt"; echo 1000 >"$CA/serial"; echo 1000 >"$CA/crlnumber"
cat >"$CA/ca.cnf" <<EOF
[ca]
default_ca = c
[c]
database = $CA/index.txt
new_certs_dir = $CA/new
serial = $CA/serial
crlnumber = $CA/crlnumber
certificate = $K/issuing-ca.pem
private_key = $K/issuing-ca.key
default_md = sha256
default_crl_days = 30
crl_extensions = crlx
policy = p
unique_subject = no
[p]
commonName = supplied
[x]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[crlx]
authorityKeyIdentifier = keyid:always
EOF
utc() { date -u -d "@$1" +%Y%m%d%H%M%SZ; }
issue() { # NAME SECONDS: an RSA signer valid from a minute ago for SECONDS
	local now; now=$(date +%s)
	openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$CA/$1.key" 2>/dev/null &&
	openssl req -new -key "$CA/$1.key" -subj "/CN=$1 (TEST)" -out "$CA/$1.csr" &&
	openssl ca -batch -notext -config "$CA/ca.cnf" -extensions x -in "$CA/$1.csr" -out "$CA/$1.pem" \
		-startdate "$(utc $((now - 60)))" -enddate "$(utc $((now + $2)))" 2>/dev/null
}
pk() { # OUT NAME [pack options]: pack with the CA database's signer NAME
	local out=$1 n=$2; shift 2
	"$bin" pack -q -o "$out" --key "$CA/$n.key" --cert "$CA/$n.pem" --chain "$K/chain.pem" "$@" "$S"
}

# ---- the time-stamp authorities: trusted, untrusted, broken
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done' EXIT
serve() { # NAME CNF [bad]: start a TSA, set $url
	rm -f "$t/$1.port"
	python3 tests/pack/tsa.py serve "$t/$1.port" "$2" ${3:-} &
	pids+=($!)
	for _ in $(seq 100); do [ -s "$t/$1.port" ] && break; sleep 0.1; done
	url=http://127.0.0.1:$(cat "$t/$1.port")/
}
python3 tests/pack/tsa.py setup "$t" "$K/issuing-ca.pem" "$K/issuing-ca.key" tsa >/dev/null 2>&1 &&
python3 tests/pack/tsa.py setup "$t" "$O/issuing-ca.pem" "$O/issuing-ca.key" rogue >/dev/null 2>&1 ||
	{ no "TSA setup"; exit 0; }
serve tsa "$t/tsa.cnf"; TSA=$url
serve rogue "$t/rogue.cnf"; ROGUE=$url
serve broken "$t/tsa.cnf" bad; BROKEN=$url
[ -s "$t/tsa.port" ] && [ -s "$t/rogue.port" ] && ok "three TSAs on the loopback" || { no "TSAs did not start"; exit 0; }

# ---- a signer whose certificate ends a few seconds from now: one package
# time-stamped, one not, made while it is valid
life=12
issue short $life || no "short-lived signer"
short_end=$(($(date +%s) + life))
expect "pack --tsa with a signer valid for ${life} s" 0 pk "$t/short-ts.asice" short --tsa "$TSA"
expect "the same without a time-stamp" 0 pk "$t/short-plain.asice" short

# ---- time-stamped packages (the keygen signers)
expect "pack --tsa (RSA)" 0 "$bin" pack -q -o "$t/rsa-ts.asice" --tsa "$TSA" --key "$K/rsa.key" --cert "$K/rsa.pem" --chain "$K/chain.pem" "$S"
expect "verify: the time-stamp checked" 0 "$bin" verify --ca "$K/trust.pem" "$t/rsa-ts.asice"
has "verify states the time-stamp and the TSA" "time-stamp:" "$t/out"
has "... naming the TSA" "CN=tsa (TEST)" "$t/out"
expect "pack --tsa (ECDSA + SM2)" 0 "$bin" pack -q -o "$t/ec-ts.asice" --tsa "$TSA" --key "$K/ec.key" --cert "$K/ec.pem" \
	--chain "$K/chain.pem" --key "$K/sm2.key" --cert "$K/sm2.pem" "$S"
expect "... verifies" 0 "$bin" verify --ca "$K/trust.pem" "$t/ec-ts.asice"

# the receiver's steps with stock OpenSSL (doc/package.md)
x=$t/x; rm -rf "$x"; mkdir -p "$x"; (cd "$x" && unzip -q "$t/rsa-ts.asice")
p7=$x/META-INF/signature.p7s
expect "stock openssl cms -verify accepts the time-stamped signature" 0 openssl cms -verify -binary -inform DER \
	-in "$p7" -content "$x/META-INF/ASiCManifest.xml" -CAfile "$K/ca.pem" -out /dev/null
openssl asn1parse -inform DER -in "$p7" >"$t/p7.txt"
field() { sed -E 's/^ *([0-9]+):d=[0-9]+ +hl=([0-9]+) +l= *([0-9]+).*/\1 \2 \3/'; }
read -r off hl len <<<"$(grep -A2 timeStampToken "$t/p7.txt" | tail -1 | field)"
dd if="$p7" of="$t/token.der" bs=1 skip="$off" count=$((hl + len)) status=none
read -r off hl len <<<"$(awk '/prim: OCTET STRING/ {l = $0} /cont \[ 1 \]/ {print l; exit}' "$t/p7.txt" | field)"
dd if="$p7" of="$t/sig.bin" bs=1 skip=$((off + hl)) count="$len" status=none
expect "stock openssl ts -verify accepts the token on its own" 0 openssl ts -verify -in "$t/token.der" -token_in \
	-data "$t/sig.bin" -CAfile "$K/ca.pem"
has "... Verification: OK" "Verification: OK" "$t/out"
if openssl ts -verify -in "$t/token.der" -token_in -data "$x/META-INF/ASiCManifest.xml" -CAfile "$K/ca.pem" >/dev/null 2>&1; then
	no "stock openssl ts -verify refuses the token over other data"; else ok "stock openssl ts -verify refuses the token over other data"; fi

# what a receiver must refuse
expect "pack --tsa at an untrusted TSA (pack does not judge the TSA)" 0 "$bin" pack -q -o "$t/rogue.asice" --tsa "$ROGUE" \
	--key "$K/rsa.key" --cert "$K/rsa.pem" --chain "$K/chain.pem" "$S"
reason "a time-stamp from a TSA the receiver does not trust" timestamp-untrusted "$t/rogue.asice"
cat "$K/trust.pem" "$O/ca.pem" >"$t/both.pem"
expect "... trusted when the receiver trusts that TSA's CA" 0 "$bin" verify --ca "$t/both.pem" "$t/rogue.asice"
# (another signature: an ECDSA one, so it differs whatever the clock says)
"$bin" pack -q -o "$t/other.asice" --key "$K/ec.key" --cert "$K/ec.pem" --chain "$K/chain.pem" "$S"
python3 tests/pack/tsa.py splice "$t/rsa-ts.asice" "$t/other.asice" "$t/spliced.asice"
reason "a token over another signature" timestamp-imprint "$t/spliced.asice"
expect "pack --tsa at a TSA that fails (HTTP 500)" 2 "$bin" pack -q -o "$t/b1.asice" --tsa "$BROKEN" --key "$K/rsa.key" --cert "$K/rsa.pem" "$S"
has "... names the TSA's refusal" "HTTP 500" "$t/err"
expect "pack --tsa at a closed port" 2 "$bin" pack -q -o "$t/b2.asice" --tsa "http://127.0.0.1:9/" --key "$K/rsa.key" --cert "$K/rsa.pem" "$S"
expect "pack --tsa with a scheme libcurl must not use" 2 "$bin" pack -q -o "$t/b3.asice" --tsa "file:///etc/passwd" --key "$K/rsa.key" --cert "$K/rsa.pem" "$S"
expect "pack --tsa with an SM2 signer only" 2 "$bin" pack -q -o "$t/b4.asice" --tsa "$TSA" --key "$K/sm2.key" --cert "$K/sm2.pem" "$S"
absent "failed time-stamps write nothing" "$t/b1.asice"
[ ! -e "$t/b2.asice" ] && [ ! -e "$t/b3.asice" ] && [ ! -e "$t/b4.asice" ] && ok "... nor the others" || no "a failed --tsa run left a package"

# ---- revocation: a signer revoked between two time-stamps
issue revoked 3600 || no "signer to revoke"
expect "pack --tsa before the revocation" 0 pk "$t/rev-before.asice" revoked --tsa "$TSA"
# times are in whole seconds: a second between the token and the revocation,
# and between the revocation and the next token
sleep 1
openssl ca -config "$CA/ca.cnf" -revoke "$CA/revoked.pem" -crl_reason keyCompromise >/dev/null 2>&1 &&
openssl ca -config "$CA/ca.cnf" -gencrl -out "$t/issuing.crl" >/dev/null 2>&1 && ok "the CA revokes the signer" || no "revoke"
openssl crl -in "$t/issuing.crl" -outform DER -out "$t/issuing.crl.der"
sleep 1
expect "pack --tsa after the revocation (pack does not read CRLs)" 0 pk "$t/rev-after.asice" revoked --tsa "$TSA"
expect "pack without a time-stamp" 0 pk "$t/rev-plain.asice" revoked
expect "--crl: time-stamped before the revocation: verifies" 0 "$bin" verify --ca "$K/trust.pem" --crl "$t/issuing.crl" "$t/rev-before.asice"
has "... noting the revocation after the time-stamp" "revoked after the time-stamp" "$t/out"
reason "--crl: time-stamped after the revocation" signer-revoked "$t/rev-after.asice" --crl "$t/issuing.crl"
reason "--crl: no time-stamp" signer-revoked "$t/rev-plain.asice" --crl "$t/issuing.crl"
reason "--crl in DER" signer-revoked "$t/rev-plain.asice" --crl "$t/issuing.crl.der"
x=$t/xr; rm -rf "$x"; mkdir -p "$x"; (cd "$x" && unzip -q "$t/rev-plain.asice")
openssl pkcs7 -inform DER -in "$x/META-INF/signature.p7s" -print_certs >"$t/rcerts.pem"
openssl cms -verify -noverify -binary -inform DER -in "$x/META-INF/signature.p7s" \
	-content "$x/META-INF/ASiCManifest.xml" -signer "$t/rsigner.pem" -out /dev/null 2>/dev/null
if openssl verify -crl_check -CAfile "$K/ca.pem" -CRLfile "$t/issuing.crl" -untrusted "$t/rcerts.pem" "$t/rsigner.pem" >"$t/out" 2>&1; then
	no "stock openssl verify -crl_check refuses the revoked signer"
else grep -q "certificate revoked" "$t/out" && ok "stock openssl verify -crl_check refuses the revoked signer" ||
	{ no "stock openssl verify -crl_check: $(tail -1 "$t/out")"; }; fi
expect "without --crl the revoked signer is not known to be revoked" 0 "$bin" verify --ca "$K/trust.pem" "$t/rev-plain.asice"
expect "--crl that does not list the signer" 0 "$bin" verify --ca "$K/trust.pem" --crl "$t/issuing.crl" "$t/rsa-ts.asice"
# the other test PKI's issuing CA has the same name and another key
mkdir -p "$t/oca/new"; : >"$t/oca/index.txt"; echo 1000 >"$t/oca/crlnumber"
sed -e "s#$CA/#$t/oca/#g" -e "s#$K/issuing-ca#$O/issuing-ca#g" "$CA/ca.cnf" >"$t/oca/ca.cnf"
openssl ca -config "$t/oca/ca.cnf" -gencrl -out "$t/other.crl" >/dev/null 2>&1
cat "$t/other.crl" "$t/issuing.crl" >"$t/both.crl"
reason "--crl with two CAs of the same name: the right key's CRL counts" signer-revoked "$t/rev-plain.asice" --crl "$t/both.crl"
expect "... the other key's CRL alone revokes nothing" 0 "$bin" verify --ca "$K/trust.pem" --crl "$t/other.crl" "$t/rev-plain.asice"
expect "--crl with a file that holds no CRL" 2 "$bin" verify --ca "$K/trust.pem" --crl "$K/ca.pem" "$t/rsa-ts.asice"
expect "--crl with a missing file" 2 "$bin" verify --ca "$K/trust.pem" --crl "$t/none.crl" "$t/rsa-ts.asice"
# a CRL that names the issuing CA but whose signature does not match
python3 -c "
import sys; d = bytearray(open(sys.argv[1], 'rb').read()); d[-1] ^= 1; open(sys.argv[2], 'wb').write(d)" \
	"$t/issuing.crl.der" "$t/forged.crl"
expect "--crl whose signature does not match its issuer" 2 "$bin" verify --ca "$K/trust.pem" --crl "$t/forged.crl" "$t/rsa-ts.asice"
has "... says so" "signature does not match" "$t/err"

# ---- after the short-lived certificate expires
wait_s=$((short_end - $(date +%s) + 2))
[ "$wait_s" -gt 0 ] && sleep "$wait_s"
expect "time-stamped, signer expired since: verifies" 0 "$bin" verify --ca "$K/trust.pem" "$t/short-ts.asice"
has "... stating the signing time" "signing time:" "$t/out"
has "... and that the certificate expired since" "has expired since" "$t/out"
# the receiver's stock steps on it (doc/package.md): the token, then the
# signer's chain at the token's time
x=$t/xs; rm -rf "$x"; mkdir -p "$x"; (cd "$x" && unzip -q "$t/short-ts.asice")
p7=$x/META-INF/signature.p7s
openssl asn1parse -inform DER -in "$p7" >"$t/p7s.txt"
read -r off hl len <<<"$(grep -A2 timeStampToken "$t/p7s.txt" | tail -1 | field)"
dd if="$p7" of="$t/stoken.der" bs=1 skip="$off" count=$((hl + len)) status=none
openssl pkcs7 -inform DER -in "$p7" -print_certs >"$t/scerts.pem"
openssl cms -verify -noverify -binary -inform DER -in "$p7" -content "$x/META-INF/ASiCManifest.xml" \
	-signer "$t/ssigner.pem" -out /dev/null 2>/dev/null
when=$(date -d "$(openssl ts -reply -in "$t/stoken.der" -token_in -token_out -text 2>/dev/null | sed -n 's/^Time stamp: //p')" +%s)
expect "stock openssl verify -attime (the token's time) accepts the expired signer" 0 \
	openssl verify -attime "$when" -CAfile "$K/ca.pem" -untrusted "$t/scerts.pem" "$t/ssigner.pem"
if openssl verify -CAfile "$K/ca.pem" -untrusted "$t/scerts.pem" "$t/ssigner.pem" >/dev/null 2>&1; then
	no "stock openssl verify (now) refuses the expired signer"; else ok "stock openssl verify (now) refuses the expired signer"; fi
reason "no time-stamp, signer expired" signer-expired "$t/short-plain.asice"
has "... said as expired, with no time-stamp" "expired on" "$t/err"
has "... and what to do" "--tsa" "$t/err"
