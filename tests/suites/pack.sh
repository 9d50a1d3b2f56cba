#!/bin/bash
# pack.sh — tests of `dossier pack`, `dossier verify` and `dossier keygen`.
#   tests/suites/pack.sh BUILD_DIR SCRATCH_DIR
# Prints "ok - pack: NAME" or "not ok - pack: NAME" per test (tests/run.sh
# counts them). Independent judges: stock openssl (cms, dgst, verify),
# unzip -t, 7z t, bsdtar, Python's zipfile and xmllint with the manifest
# schema in tests/pack/. The hostile corpus is built by tests/pack/mkhostile.py.
set -u
b=$1 t=$2 bin=$1/dossier
cd "$(dirname "$0")/../.." || exit 2
export LANG=C.UTF-8 LC_ALL=C.UTF-8
# a fixed signing time inside the test certificates' validity, so that two
# runs can be compared byte for byte
export SOURCE_DATE_EPOCH=$(($(date +%s) - 60))
ok() { echo "ok - pack: $*"; }
no() { echo "not ok - pack: $*"; }
check() { local name=$1; shift; if "$@" >"$t/check.out" 2>&1; then ok "$name"; else no "$name"; sed 's/^/    | /' "$t/check.out" | head -8; fi; }
# expect NAME STATUS CMD...: CMD exits with STATUS
expect() {
	local name=$1 want=$2 code; shift 2
	"$@" >"$t/out" 2>"$t/err"; code=$?
	if [ "$code" = "$want" ]; then ok "$name"; else no "$name (exit $code, expected $want)"; sed 's/^/    | /' "$t/err" | head -8; fi
}
has() { if grep -qF -- "$2" "$3"; then ok "$1"; else no "$1 ($3 lacks: $2)"; sed 's/^/    | /' "$3" | head -5; fi; }
absent() { if [ ! -e "$2" ]; then ok "$1"; else no "$1 ($2 exists)"; fi; }

py_zipcheck() { # PKG: what a ZIP reader must see in a package
	python3 - "$1" <<'EOF'
import sys, zipfile, unicodedata
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None, "testzip"
info = z.infolist()
m = info[0]
assert m.filename == "mimetype" and m.compress_type == 0 and m.extra == b"" and m.flag_bits == 0, "mimetype"
assert z.read("mimetype") == b"application/vnd.etsi.asic-e+zip"
raw = open(sys.argv[1], "rb").read(64)
assert raw[30:38] == b"mimetype" and raw[38:69] == b"application/vnd.etsi.asic-e+zip"[:26], "magic at 38"
names = [i.filename for i in info]
assert len(names) == len(set(names)), "duplicates"
for i in info[1:]:
    assert i.flag_bits & 0x800, "bit 11: " + i.filename
    assert unicodedata.is_normalized("NFC", i.filename), "NFC: " + i.filename
    assert (i.external_attr >> 16) == 0o100644, "mode: " + i.filename
    assert i.compress_type in (0, 8)
    if i.filename.endswith((".pdf", ".p7s", ".sm2")):
        assert i.compress_type == 0, "stored: " + i.filename
    if i.filename.endswith((".xml", ".md")):
        assert i.compress_type == 8, "deflated: " + i.filename
meta = [n for n in names if n.startswith("META-INF/")]
assert "META-INF/ASiCManifest.xml" in meta
EOF
}

# ---------------------------------------------------------------- keygen
K=$t/keys O=$t/other
expect "keygen" 0 "$bin" keygen "$K"
expect "keygen (second, untrusted PKI)" 0 "$bin" keygen "$O"
expect "keygen refuses to overwrite" 2 "$bin" keygen "$K"
if [ "$(stat -c %a "$K/rsa.key")" = 600 ] && [ "$(stat -c %a "$K/rsa.pem")" = 644 ]; then ok "keygen: key files 0600"; else no "keygen: key files 0600"; fi
check "keygen: RSA and ECDSA chains pass openssl verify -x509_strict" \
	openssl verify -x509_strict -CAfile "$K/ca.pem" -untrusted "$K/chain.pem" "$K/rsa.pem" "$K/ec.pem"
check "keygen: SM2 chain passes openssl verify with the GM/T 0009 ID" \
	openssl verify -vfyopt distid:1234567812345678 -CAfile "$K/sm2-ca.pem" "$K/sm2.pem"
if openssl verify -CAfile "$K/sm2-ca.pem" "$K/sm2.pem" >/dev/null 2>&1; then
	no "keygen: SM2 certificate is signed with the GM ID, not the empty one"
else ok "keygen: SM2 certificate is signed with the GM ID, not the empty one"; fi
has "keygen: README says test only" "TEST PKI" "$K/README.txt"

# ---------------------------------------------------------------- round trips
# password-protected PKCS#12 for one of the runs
printf 's3cret\n' >"$t/pw"
openssl pkcs12 -export -inkey "$K/rsa.key" -in "$K/rsa.pem" -certfile "$K/chain.pem" \
	-passout pass:s3cret -out "$t/rsa.p12" 2>/dev/null
signer_args() {
	case $1 in
	rsa) echo --key "$K/rsa.key" --cert "$K/rsa.pem" --chain "$K/chain.pem" ;;
	ec) echo --key "$K/ec.key" --cert "$K/ec.pem" --chain "$K/chain.pem" ;;
	ec+sm2) echo --key "$K/ec.key" --cert "$K/ec.pem" --chain "$K/chain.pem" --key "$K/sm2.key" --cert "$K/sm2.pem" ;;
	sm2) echo --key "$K/sm2.key" --cert "$K/sm2.pem" ;;
	rsa+sm2) echo --key "$K/rsa.key" --cert "$K/rsa.pem" --chain "$K/chain.pem" --key "$K/sm2.key" --cert "$K/sm2.pem" ;;
	p12) echo --key "$t/rsa.p12" --password-file "$t/pw" ;;
	esac
}
kinds=(rsa ec+sm2 sm2 rsa+sm2 p12)
i=0
for s in samples/*/; do
	n=$(basename "$s") kind=${kinds[$((i % 5))]}; i=$((i + 1))
	p=$t/$n.asice x=$t/x-$n
	# shellcheck disable=SC2046
	expect "$n ($kind): pack" 0 "$bin" pack -q -o "$p" $(signer_args "$kind") "$s"
	[ -s "$p" ] || continue
	expect "$n: verify --extract" 0 "$bin" verify --ca "$K/trust.pem" --extract "$x" "$p"
	has "$n: verify names the centre" "$(grep -o '<name>[^<]*' "$s/centre.xml" | head -1 | cut -c7-)" "$t/out"
	sch=$(grep -o 'scheme="[^"]*"' "$s/centre.xml" | head -1 | cut -d'"' -f2)
	has "$n: verify names the scheme" "scheme:       $sch" "$t/out"
	stg=$(grep -o ' stage="[^"]*"' "$s/centre.xml" | head -1 | cut -d'"' -f2)
	has "$n: verify names the stage" "stage:        $stg" "$t/out"
	if diff -r -x META-INF "$s" "$x" >"$t/diff" 2>&1 && [ -f "$x/META-INF/ASiCManifest.xml" ]; then
		ok "$n: extracted tree equals the centre directory"; else no "$n: extracted tree"; head -5 "$t/diff"; fi
	expect "$n: dossier check on the extracted tree" 0 "$bin" check -q "$x"
	m=$x/META-INF/ASiCManifest.xml
	if [ -f "$x/META-INF/signature.p7s" ]; then
		check "$n: stock openssl cms -verify" openssl cms -verify -binary -inform DER \
			-in "$x/META-INF/signature.p7s" -content "$m" -CAfile "$K/ca.pem" -out /dev/null
		check "$n: stock openssl cms -verify -cades" openssl cms -verify -cades -binary -inform DER \
			-in "$x/META-INF/signature.p7s" -content "$m" -CAfile "$K/ca.pem" -out /dev/null
	fi
	if [ -f "$x/META-INF/signature.sm2" ]; then
		openssl x509 -in "$x/META-INF/sm2-signer.pem" -pubkey -noout >"$t/sm2pub.pem"
		check "$n: stock openssl dgst -sm3 -verify (SM2)" openssl dgst -sm3 -verify "$t/sm2pub.pem" \
			-sigopt distid:1234567812345678 -signature "$x/META-INF/signature.sm2" "$m"
		check "$n: stock openssl verify of the SM2 signer" openssl verify \
			-vfyopt distid:1234567812345678 -CAfile "$K/sm2-ca.pem" "$x/META-INF/sm2-signer.pem"
		sm3=$(openssl dgst -sm3 -binary "$x/centre.xml" | base64)
		has "$n: SM3 digest of centre.xml as openssl computes it" "$sm3" "$m"
	fi
	sha=$(openssl dgst -sha256 -binary "$x/centre.xml" | base64)
	has "$n: SHA-256 of centre.xml as openssl computes it" "$sha" "$m"
	check "$n: manifest valid against the ASiCManifest schema" \
		xmllint --noout --schema tests/pack/asic-manifest.xsd "$m"
	check "$n: unzip -t" unzip -tq "$p"
	check "$n: 7z t" 7z t "$p"
	want=$(unzip -Z1 "$p" | wc -l)
	if [ "$(bsdtar -tf "$p" | wc -l)" = "$want" ]; then ok "$n: bsdtar lists every entry"; else no "$n: bsdtar lists every entry"; fi
	check "$n: Python zipfile (mimetype first and stored, UTF-8 flag, NFC, modes)" py_zipcheck "$p"
done
grep -q 'role="section" supports="section:summary-1-abstract document:summary-report"' \
	"$t/x-ndrc-engineering-2025/META-INF/ASiCManifest.xml" && ok "manifest: sections name their outline section and document" \
	|| no "manifest: sections name their outline section and document"
grep -q 'evidence="E07" kind="人员名单"' "$t/x-ndrc-engineering-2025/META-INF/ASiCManifest.xml" &&
	grep -q 'supports="field:staff_total field:rd_staff field:senior_experts field:phd_staff"' "$t/x-ndrc-engineering-2025/META-INF/ASiCManifest.xml" &&
	ok "manifest: evidence carries its register record and the fields it supports" ||
	no "manifest: evidence carries its register record and the fields it supports"

# ---------------------------------------------------------------- reproducibility
S=samples/ndrc-engineering-2025
for k in rsa ec sm2; do
	# shellcheck disable=SC2046
	"$bin" pack -q -o "$t/r1-$k.asice" $(signer_args "$k") "$S" && sleep 1 &&
	"$bin" pack -q -o "$t/r2-$k.asice" $(signer_args "$k") "$S"
done
check "reproducible: two RSA runs are byte-identical" cmp "$t/r1-rsa.asice" "$t/r2-rsa.asice"
for k in ec sm2; do
	check "reproducible: two $k runs differ only in the signature bytes" python3 - "$t/r1-$k.asice" "$t/r2-$k.asice" <<'EOF'
import sys, zipfile
a, b = (open(p, "rb").read() for p in sys.argv[1:3])
assert len(a) == len(b), "sizes differ"
za, zb = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2])
sig = ("META-INF/signature.p7s", "META-INF/signature.sm2")
assert [i.filename for i in za.infolist()] == [i.filename for i in zb.infolist()]
for i in za.infolist():
    same = za.read(i.filename) == zb.read(i.filename)
    assert same != (i.filename in sig), i.filename
off = [i.header_offset for i in za.infolist() if i.filename in sig]
diff = [k for k in range(len(a)) if a[k] != b[k]]
# differing bytes: the signature's data, and its CRC in the local and central headers
assert len(diff) <= 72 + 8, len(diff)
EOF
done

# ---------------------------------------------------------------- refusals and options
inc=$t/incomplete
cp -r "$S" "$inc" && sed -i 's#>152</value>#>190</value>#' "$inc/centre.xml"
# shellcheck disable=SC2046
expect "incomplete dossier refused" 1 "$bin" pack -o "$t/inc.asice" $(signer_args rsa) "$inc"
has "incomplete: the findings are listed" "ENG-TAB-03" "$t/err"
absent "incomplete: nothing written" "$t/inc.asice"
# shellcheck disable=SC2046
expect "--allow-incomplete packs" 0 "$bin" pack -q --allow-incomplete -o "$t/inc.asice" $(signer_args rsa) "$inc"
unzip -p "$t/inc.asice" META-INF/ASiCManifest.xml >"$t/inc.xml" 2>/dev/null
has "--allow-incomplete is recorded in the manifest" 'complete="false" allow-incomplete="true" errors="2"' "$t/inc.xml"
has "--allow-incomplete: the findings are recorded" '<d:finding rule="ENG-TAB-03"' "$t/inc.xml"
expect "incomplete package verifies" 0 "$bin" verify --ca "$K/trust.pem" "$t/inc.asice"
has "verify notes the incomplete dossier" "allow-incomplete" "$t/out"

openssl pkey -in "$K/ec.key" -aes256 -passout pass:s3cret -out "$t/ec-enc.key" 2>/dev/null
printf 'wrong\n' >"$t/badpw"
E=(--key "$t/ec-enc.key" --cert "$K/ec.pem" --chain "$K/chain.pem")
expect "password from a file" 0 "$bin" pack -q -o "$t/pw1.asice" "${E[@]}" --password-file "$t/pw" "$S"
expect "password from an environment variable" 0 env PW=s3cret "$bin" pack -q -o "$t/pw2.asice" "${E[@]}" --password-env PW "$S"
expect "encrypted key, no password source, no terminal" 2 setsid -w "$bin" pack -q -o "$t/pw3.asice" "${E[@]}" "$S"
has "no password: says how to give one" "--password-file" "$t/err"
expect "wrong password" 2 "$bin" pack -q -o "$t/pw4.asice" "${E[@]}" --password-file "$t/badpw" "$S"
expect "password on the command line is refused" 2 "$bin" pack -o "$t/pw5.asice" "${E[@]}" --password s3cret "$S"
absent "failed password runs write nothing" "$t/pw3.asice"
expect "PKCS#12 key with password" 0 "$bin" pack -q -o "$t/p12.asice" --key "$t/rsa.p12" --password-file "$t/pw" "$S"
expect "key and certificate that do not match" 2 "$bin" pack -o "$t/mm.asice" --key "$K/rsa.key" --cert "$K/ec.pem" "$S"
has "mismatch is explained" "does not belong" "$t/err"
expect "two RSA/ECDSA keys refused" 2 "$bin" pack -o "$t/two.asice" --key "$K/rsa.key" --cert "$K/rsa.pem" --key "$K/ec.key" --cert "$K/ec.pem" "$S"
expect "pack without -o" 2 "$bin" pack --key "$K/rsa.key" --cert "$K/rsa.pem" "$S"
expect "pack without --key" 2 "$bin" pack -o "$t/nokey.asice" "$S"
expect "pack of a missing directory" 2 "$bin" pack -o "$t/nodir.asice" --key "$K/rsa.key" --cert "$K/rsa.pem" "$t/nonexistent"
expect "pack with an unreadable key file" 2 "$bin" pack -o "$t/nokf.asice" --key "$t/none.key" --cert "$K/rsa.pem" "$S"
expect "pack into a folder it packs" 2 "$bin" pack -o "$inc/evidence/self.asice" --allow-incomplete --key "$K/rsa.key" --cert "$K/rsa.pem" "$inc"
absent "pack into a packed folder writes nothing" "$inc/evidence/self.asice"
expect "pack into a missing folder" 2 "$bin" pack -o "$t/no/such/dir.asice" --key "$K/rsa.key" --cert "$K/rsa.pem" "$S"
expect "SOURCE_DATE_EPOCH outside the certificate's validity" 2 env SOURCE_DATE_EPOCH=1000000000 "$bin" pack -o "$t/old.asice" --key "$K/rsa.key" --cert "$K/rsa.pem" "$S"
for c in pack verify keygen; do expect "$c --help" 0 "$bin" $c --help; done

# file names the verifier would reject are refused by pack, naming the file
bad=$t/badnames; cp -r "$S" "$bad"; : >"$bad/evidence/a:b.pdf"
expect "pack refuses a name with a colon" 2 "$bin" pack --allow-incomplete -o "$t/bad1.asice" --key "$K/rsa.key" --cert "$K/rsa.pem" "$bad"
has "pack names the file and the rule" "a:b.pdf" "$t/err"
rm "$bad/evidence/a:b.pdf"; : >"$bad/evidence/Extra.pdf"; : >"$bad/evidence/extra.PDF"
expect "pack refuses names equal after case folding" 2 "$bin" pack --allow-incomplete -o "$t/bad2.asice" --key "$K/rsa.key" --cert "$K/rsa.pem" "$bad"
rm "$bad/evidence/Extra.pdf" "$bad/evidence/extra.PDF"; mkfifo "$bad/evidence/fifo.pdf"
expect "pack refuses a FIFO in evidence/" 2 "$bin" pack --allow-incomplete -o "$t/bad3.asice" --key "$K/rsa.key" --cert "$K/rsa.pem" "$bad"
absent "refused names write nothing" "$t/bad3.asice"
rm "$bad/evidence/fifo.pdf"; printf '%%PDF-1.4 nfd\n' >"$bad/evidence/$(printf 'cafe\xcc\x81.pdf')"
expect "pack normalises a decomposed (NFD) name" 0 "$bin" pack -q --allow-incomplete -o "$t/nfd.asice" $(signer_args rsa) "$bad"
check "NFD name is stored in NFC" python3 -c "
import sys, zipfile; n = zipfile.ZipFile(sys.argv[1]).namelist(); assert 'evidence/caf\u00e9.pdf' in n, n" "$t/nfd.asice"
expect "NFC package verifies" 0 "$bin" verify --ca "$K/trust.pem" "$t/nfd.asice"

# --reports: what dossier render writes slots in with its role and document
R=$t/reports; mkdir -p "$R"
printf '%%PDF-1.7\n%% annual report\n%%%%EOF\n' >"$R/annual-report.pdf"
printf '<?xml version="1.0"?>\n<tables>%s</tables>\n' "$(head -c 3000 /dev/zero | tr '\0' x)" >"$R/evaluation-tables.xml"
# shellcheck disable=SC2046
expect "pack --reports" 0 "$bin" pack -q --reports "$R" -o "$t/rep.asice" $(signer_args rsa) "$S"
unzip -p "$t/rep.asice" META-INF/ASiCManifest.xml >"$t/rep.xml" 2>/dev/null
has "reports: PDF has role report and supports its document" 'URI="reports/annual-report.pdf" MimeType="application/pdf"' "$t/rep.xml"
has "reports: the data-table XML supports the evaluation table" 'role="report" supports="document:evaluation-table"' "$t/rep.xml"
check "reports come first, PDF stored, XML deflated" python3 -c "
import sys, zipfile
i = zipfile.ZipFile(sys.argv[1]).infolist()
assert [x.filename for x in i[1:3]] == ['reports/annual-report.pdf', 'reports/evaluation-tables.xml'], i[1:3]
assert i[1].compress_type == 0 and i[2].compress_type == 8" "$t/rep.asice"
expect "package with reports verifies" 0 "$bin" verify --ca "$K/trust.pem" --list "$t/rep.asice"
has "verify --list shows roles and outline items" "document:annual-report" "$t/out"

# ZIP64 records, checked by every independent reader
# shellcheck disable=SC2046
expect "pack --force-zip64" 0 "$bin" pack -q --force-zip64 -o "$t/z64.asice" $(signer_args ec) "$S"
expect "ZIP64 package verifies" 0 "$bin" verify --ca "$K/trust.pem" "$t/z64.asice"
check "ZIP64: unzip -t" unzip -tq "$t/z64.asice"
check "ZIP64: 7z t" 7z t "$t/z64.asice"
check "ZIP64: bsdtar" bsdtar -tf "$t/z64.asice"
check "ZIP64: Python zipfile sees ZIP64 records" python3 -c "
import sys, zipfile
d = open(sys.argv[1], 'rb').read()
assert d[-42:-38] == b'PK\x06\x07' and d[-98:-94] == b'PK\x06\x06'
z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None
assert all(i.extra[:2] == b'\x01\x00' for i in z.infolist()[1:])" "$t/z64.asice"

# Ctrl-C: a 4 GiB (sparse) evidence file keeps pack busy; SIGINT leaves nothing
cc=$t/ctrlc; cp -r "$S" "$cc"; truncate -s 4G "$cc/evidence/zz-big.bin"; mkdir -p "$t/cout"
# (a background job of a script ignores SIGINT, and so does dossier then;
# a terminal's job does not)
env --default-signal=INT "$bin" pack -q --allow-incomplete -o "$t/cout/big.asice" --key "$K/rsa.key" --cert "$K/rsa.pem" "$cc" &
pid=$!; sleep 0.7; kill -INT $pid; wait $pid; code=$?
if [ "$code" = 130 ] && [ -z "$(ls -A "$t/cout")" ]; then ok "Ctrl-C leaves nothing behind"; else no "Ctrl-C leaves nothing behind (exit $code: $(ls -A "$t/cout"))"; fi
rm -rf "$cc"

# progress bar: on a terminal (script gives a pty), not with -q
if command -v script >/dev/null && script -qefc true /dev/null >/dev/null 2>&1; then
	script -qefc "$bin pack -o $t/tty.asice $(signer_args rsa) $S" /dev/null >"$t/tty.out" 2>&1
	has "progress bar on a terminal (bytes, rate, ETA)" "ETA" "$t/tty.out"
	script -qefc "$bin pack -q -o $t/tty2.asice $(signer_args rsa) $S" /dev/null >"$t/tty2.out" 2>&1
	if grep -q 'ETA' "$t/tty2.out"; then no "no progress bar with -q"; else ok "no progress bar with -q"; fi
	"$bin" pack -o "$t/notty.asice" $(signer_args rsa) "$S" >"$t/notty.out" 2>&1
	if grep -q 'ETA' "$t/notty.out"; then no "no progress bar when stderr is not a terminal"; else ok "no progress bar when stderr is not a terminal"; fi
else
	echo "# progress bar tests skipped: no pseudo-terminal here"
fi

# a full disk while writing (on the writer thread): exit 2, the reason, nothing left
full=$t/fulldisk; mkdir -p "$full/out"; cp -r "$S" "$full/c"; head -c 4M /dev/urandom >"$full/c/evidence/zz.pdf"
for ns in "unshare -m" "unshare -rm"; do
	# shellcheck disable=SC2086
	$ns true 2>/dev/null || continue
	$ns sh -c "mount -t tmpfs -o size=2M tmpfs '$full/out' &&
		'$bin' pack -q --allow-incomplete -o '$full/out/x.asice' $(signer_args rsa) '$full/c' 2>'$full/err';
		echo \$? >'$full/code'; ls -A '$full/out' >'$full/left'" 2>/dev/null
	[ -f "$full/code" ] || continue
	if [ "$(cat "$full/code")" = 2 ] && [ ! -s "$full/left" ] && grep -q 'No space left' "$full/err"; then
		ok "full disk: exit 2, the reason given, nothing left"
	else no "full disk: exit $(cat "$full/code"), left: $(cat "$full/left")"; sed 's/^/    | /' "$full/err" | head -5; fi
	break
done
[ -f "$full/code" ] || echo "# full-disk test skipped: cannot mount a small tmpfs here"

# the algorithm policy at pack: a weak key or a SHA-1-signed certificate is
# refused before anything is written (verify would refuse the package)
weak=$t/weak; mkdir -p "$weak"
printf '[x]\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n' >"$weak/ext.cnf"
mkcert() { # NAME MD GENPKEY-ARGS...: a signer from the test issuing CA
	local n=$1 md=$2; shift 2
	openssl genpkey "$@" -out "$weak/$n.key" 2>/dev/null &&
	openssl req -new -key "$weak/$n.key" -subj "/C=CN/CN=$n (TEST)" -out "$weak/$n.csr" &&
	openssl x509 -req -in "$weak/$n.csr" -CA "$K/issuing-ca.pem" -CAkey "$K/issuing-ca.key" -CAcreateserial \
		-CAserial "$weak/serial" -days 30 "-$md" -extfile "$weak/ext.cnf" -extensions x -out "$weak/$n.pem" 2>/dev/null
}
mkcert rsa1024 sha256 -algorithm RSA -pkeyopt rsa_keygen_bits:1024
mkcert sha1 sha1 -algorithm EC -pkeyopt ec_paramgen_curve:P-256
mkcert p521 sha256 -algorithm EC -pkeyopt ec_paramgen_curve:P-521
mkcert k1 sha256 -algorithm EC -pkeyopt ec_paramgen_curve:secp256k1
expect "pack refuses an RSA-1024 key" 2 "$bin" pack -o "$t/w1.asice" --key "$weak/rsa1024.key" --cert "$weak/rsa1024.pem" --chain "$K/chain.pem" "$S"
has "pack names the policy (RSA size)" "1024 bits" "$t/err"
expect "pack refuses a SHA-1-signed certificate" 2 "$bin" pack -o "$t/w2.asice" --key "$weak/sha1.key" --cert "$weak/sha1.pem" --chain "$K/chain.pem" "$S"
has "pack names the policy (SHA-1)" "SHA1" "$t/err"
expect "pack refuses a key on secp256k1" 2 "$bin" pack -o "$t/w3.asice" --key "$weak/k1.key" --cert "$weak/k1.pem" --chain "$K/chain.pem" "$S"
absent "weak signers write nothing" "$t/w1.asice"
expect "pack with ECDSA P-521" 0 env -u SOURCE_DATE_EPOCH "$bin" pack -q -o "$t/p521.asice" --key "$weak/p521.key" --cert "$weak/p521.pem" --chain "$K/chain.pem" "$S"
expect "P-521 package verifies" 0 "$bin" verify --ca "$K/trust.pem" "$t/p521.asice"
mkdir -p "$t/x-p521" && (cd "$t/x-p521" && unzip -q "$t/p521.asice")
check "P-521: stock openssl cms -verify" openssl cms -verify -binary -inform DER -in "$t/x-p521/META-INF/signature.p7s" \
	-content "$t/x-p521/META-INF/ASiCManifest.xml" -CAfile "$K/ca.pem" -out /dev/null
# --chain with certificates off the signer's path: only the path travels
cat "$K/sm2-ca.pem" "$O/ca.pem" "$K/chain.pem" >"$t/bigchain.pem"
expect "pack with a --chain holding strangers" 0 "$bin" pack -q -o "$t/bigchain.asice" --key "$K/ec.key" --cert "$K/ec.pem" --chain "$t/bigchain.pem" "$S"
expect "... verifies: only the signer's path was packed" 0 "$bin" verify --ca "$K/trust.pem" "$t/bigchain.asice"

# ---------------------------------------------------------------- verify
p=$t/ndrc-engineering-2025.asice
expect "verify without --ca uses the system store (test CA untrusted)" 1 "$bin" verify "$p"
has "untrusted: says so" "signature-untrusted" "$t/err"
expect "verify of a missing package" 2 "$bin" verify --ca "$K/trust.pem" "$t/none.asice"
expect "verify with a missing CA file" 2 "$bin" verify --ca "$t/none.pem" "$p"
mkdir -p "$t/full"; echo keep >"$t/full/keep.txt"
expect "verify --extract into a non-empty folder" 2 "$bin" verify --ca "$K/trust.pem" --extract "$t/full" "$p"
if [ "$(ls -A "$t/full")" = keep.txt ]; then ok "non-empty folder untouched"; else no "non-empty folder untouched"; fi
mkdir -p "$t/empty"
expect "verify --extract into an empty folder" 0 "$bin" verify -q --ca "$K/trust.pem" --extract "$t/empty" "$p"
[ -f "$t/empty/centre.xml" ] && ok "extracted into the empty folder" || no "extracted into the empty folder"
# a package changed on disk after it was verified and before it is written
# out (another process racing the receiver), with the same CRC-32 so that
# the ZIP layer cannot tell: only the manifest digest, re-checked while
# writing, catches it, and nothing stays (tests/pack/race_shim.c patches the
# file when verify creates the folder; race_patch.py makes the bytes)
if cc -shared -fPIC -o "$t/race.so" tests/pack/race_shim.c -ldl 2>"$t/cc.err"; then
	cp "$p" "$t/race.asice"
	ent=$(python3 -c 'import sys, zipfile
print(next(i.filename for i in zipfile.ZipFile(sys.argv[1]).infolist()
      if i.filename.startswith("evidence/") and i.compress_type == 0 and i.file_size >= 24))' "$t/race.asice")
	off=$(python3 tests/pack/race_patch.py "$t/race.asice" "$ent" "$t/race.patch")
	expect "race: verify --extract of a package changed after verifying" 1 \
		env ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
		DZ_RACE_DIR="$t/race-x" DZ_RACE_FILE="$t/race.asice" DZ_RACE_PATCH="$t/race.patch" \
		DZ_RACE_OFFSET="$off" LD_PRELOAD="$t/race.so" \
		"$bin" verify --ca "$K/trust.pem" --extract "$t/race-x" "$t/race.asice"
	has "race: rejected as changed-during-extract ($ent)" "changed-during-extract" "$t/err"
	absent "race: nothing extracted" "$t/race-x"
	check "race: the changed package still passes unzip -t (same CRC-32)" unzip -tq "$t/race.asice"
	expect "race: verifying the changed package again" 1 "$bin" verify --ca "$K/trust.pem" "$t/race.asice"
	has "race: ... is digest-mismatch" "digest-mismatch" "$t/err"
else
	no "race: cannot build tests/pack/race_shim.c"; sed 's/^/    | /' "$t/cc.err" | head -5
fi
expect "verify in Chinese" 1 env LC_ALL= LANG=zh_CN.UTF-8 "$bin" verify "$p"
has "Chinese rejection message" "拒绝" "$t/err"

# ---------------------------------------------------------------- hostile corpus
H=$t/hostile
# shellcheck disable=SC2046
"$bin" pack -q -o "$t/h-sm2.asice" $(signer_args sm2) "$S"
if python3 tests/pack/mkhostile.py "$t/ndrc-engineering-2025.asice" "$t/h-sm2.asice" "$K" "$O" "$H" >"$t/mk.log" 2>&1; then
	ok "hostile corpus built ($(cat "$t/mk.log") cases)"
else
	no "hostile corpus built"; sed 's/^/    | /' "$t/mk.log" | head
fi
expect "hostile corpus control: the rebuilt valid package passes" 0 "$bin" verify --ca "$K/trust.pem" "$H/c00-control.asice"
while read -r name reason opts; do
	if [ "$reason" = pass ]; then
		[ "$name" = c00-control ] && continue
		# shellcheck disable=SC2086
		expect "valid variant $name passes" 0 "$bin" verify --ca "$K/trust.pem" $opts "$H/$name.asice"
		continue
	fi
	# shellcheck disable=SC2086
	"$bin" verify --ca "$K/trust.pem" $opts --extract "$t/hx-$name" "$H/$name.asice" >"$t/out" 2>"$t/err"
	code=$?
	got=$(grep -o 'REJECTED \[[a-z0-9-]*\]' "$t/err" | head -1 | sed 's/.*\[\(.*\)\]/\1/')
	if [ "$code" = 1 ] && [ "$got" = "$reason" ] && [ ! -e "$t/hx-$name" ]; then
		ok "hostile $name rejected [$reason], nothing written"
	else
		no "hostile $name: exit $code, reason [$got], expected 1 [$reason]$([ -e "$t/hx-$name" ] && echo ', wrote files')"
		sed 's/^/    | /' "$t/err" | head -3
	fi
done <"$H/cases.txt"

# the many-entries bomb (1,024 x 1 MiB of zeros in 1.2 MB) is refused by the
# aggregate cap before anything is written; with the cap raised it extracts
rm -rf "$t/bomb"
expect "many-entries bomb extracts with --max-expansion 1000" 0 "$bin" verify -q --ca "$K/trust.pem" \
	--max-expansion 1000 --extract "$t/bomb" "$H/c74-many-entries-bomb.asice"
n=$(find "$t/bomb/evidence/bomb" -type f -size 1024k 2>/dev/null | wc -l)
if [ "$n" = 1024 ]; then ok "... all 1,024 entries of 1 MiB written"; else no "... $n of 1,024 entries written"; fi
rm -rf "$t/bomb"

# the algorithm policy file: tightens, never loosens
P=$t/policy
printf '# stricter\nrsa-min-bits = 4096\n' >"$P.1"; printf 'curves = P-384 P-521\n' >"$P.2"
printf 'digests = sha384 sha512 sm3\n' >"$P.3"; printf 'curves = P-256\n' >"$P.4"
printf 'rsa-min-bits = 3072\ncurves = P-256 SM2 # as keygen makes them\ndigests = sha256 sm3\n' >"$P.5"
printf 'rsa-min-bits = 1024\n' >"$P.6"; printf 'curves = P-256 secp256k1\n' >"$P.7"
printf 'hash = sha256\n' >"$P.8"; printf 'rsa-min-bits = 3072\nrsa-min-bits = 4096\n' >"$P.9"
pol() { # NAME STATUS REASON POLICY PKG
	expect "--policy: $1" "$2" "$bin" verify --ca "$K/trust.pem" --policy "$4" "$5"
	[ -z "$3" ] || has "--policy: $1 says [$3]" "[$3]" "$t/err"
}
pol "RSA-3072 signer under rsa-min-bits 4096" 1 policy-rsa-size "$P.1" "$t/ndrc-engineering-2025.asice"
pol "P-256 signer under curves P-384 P-521" 1 policy-curve "$P.2" "$t/z64.asice"
pol "SHA-256 signature under digests sha384 sha512 sm3" 1 signature-algorithm "$P.3" "$t/ndrc-engineering-2025.asice"
pol "SM2 signer under curves P-256" 1 policy-curve "$P.4" "$t/h-sm2.asice"
pol "keygen's signers under a policy that names them" 0 "" "$P.5" "$t/ndrc-engineering-2025.asice"
pol "... SM2 too" 0 "" "$P.5" "$t/h-sm2.asice"
pol "a loosening policy (rsa-min-bits 1024) is an error" 2 "" "$P.6" "$t/ndrc-engineering-2025.asice"
has "... naming file and line" "policy.6:1" "$t/err"
pol "a curve outside the default set is an error" 2 "" "$P.7" "$t/ndrc-engineering-2025.asice"
pol "an unknown setting is an error" 2 "" "$P.8" "$t/ndrc-engineering-2025.asice"
pol "a setting given twice is an error" 2 "" "$P.9" "$t/ndrc-engineering-2025.asice"
has "... naming line 2" "policy.9:2" "$t/err"
expect "--policy with a missing file" 2 "$bin" verify --ca "$K/trust.pem" --policy "$t/none.policy" "$t/ndrc-engineering-2025.asice"

# names chosen to collide in the hashes a name table might use (dossier's
# own up to 0.1, libzip 1.7.3's), also under 100 folder levels: 100,000
# entries are refused in time proportional to their size; a quadratic table
# takes 20 s to minutes. The bounds leave room for a busy machine (the
# figures are in doc/package.md) and for the sanitizers.
case $b in *san*) lim=60000 ;; *) lim=10000 ;; esac
for k in fnv djb deep; do
	python3 tests/pack/mkcollide.py "$t/ndrc-engineering-2025.asice" "$t/col.asice" $k >"$t/col.size" || { no "mkcollide $k"; continue; }
	s0=$(date +%s%N)
	"$bin" verify -q --ca "$K/trust.pem" "$t/col.asice" >"$t/out" 2>"$t/err"; code=$?
	ms=$((($(date +%s%N) - s0) / 1000000))
	if [ "$code" = 1 ] && grep -q 'REJECTED \[manifest-unlisted\]' "$t/err" && [ "$ms" -lt "$lim" ]; then
		ok "100,000 colliding names ($k, $(cut -d' ' -f1 "$t/col.size") bytes): refused [manifest-unlisted] in $ms ms"
	else no "100,000 colliding names ($k): exit $code in $ms ms (limit $lim)"; head -2 "$t/err"; fi
	rm -f "$t/col.asice"
done

# random bit flips, cuts and splices of valid packages: verify never crashes,
# and whatever it accepts extracts exactly what was signed
check "mutated packages (CAdES RSA): no crash, nothing forged accepted" \
	python3 tests/pack/mutate.py "$bin" "$K/trust.pem" "$t/ndrc-engineering-2025.asice" "$t/mut1" 60 1
check "mutated packages (ZIP64, ECDSA): no crash, nothing forged accepted" \
	python3 tests/pack/mutate.py "$bin" "$K/trust.pem" "$t/z64.asice" "$t/mut2" 30 2
check "mutated packages (SM2): no crash, nothing forged accepted" \
	python3 tests/pack/mutate.py "$bin" "$K/trust.pem" "$t/h-sm2.asice" "$t/mut3" 30 3
