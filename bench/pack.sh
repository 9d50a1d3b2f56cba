#!/bin/bash
# bench/pack.sh — how fast and how lean are `dossier pack` and `dossier verify`?
#
# Input: a sample centre plus 1 GiB of mixed evidence — 4 × 128 MiB random
# "PDF", 3 × 128 MiB random "JPEG" (incompressible, like real scans) and
# 128 MiB of generated XML — on a warm page cache. Times, in one run:
#   1. dossier pack (RSA signer; default levels: 6 for text up to 16 MiB, 1
#      for the 128 MiB XML), the same with --level 6 for every entry, and
#      with an SM2 signer (SHA-256 + SM3);
#   2. the pipeline a user would otherwise script: sha256sum every file into
#      a manifest, openssl cms -sign it, zip -r everything (default level);
#   3. plain zip -0 -r (no digests, no signature: the floor for a ZIP tool);
#   4. dossier verify of the result, against unzip -p | sha256sum over the
#      same entries (which checks far less).
# Each row: median wall seconds of N rounds (default 3; each round runs
# every command once), peak RSS of one more run (GNU time), output bytes.
#
#   bench/pack.sh [-n RUNS] [--big] [BUILD_DIR]
# --big also packs a 4.5 GiB sparse file (ZIP64 for real) and checks the
# result with unzip -t, 7z t, bsdtar and Python's zipfile.
set -eu
cd "$(dirname "$0")/.."
runs=3 big=0
while [ $# -gt 0 ]; do
	case $1 in
	-n) runs=$2; shift 2 ;;
	--big) big=1; shift ;;
	*) break ;;
	esac
done
b=${1:-build}
bin=$(pwd)/$b/dossier
[ -x "$bin" ] || { echo "build first: make" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/dossier-bench-pack.XXXXXX")
trap 'rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8

echo "== preparing 1 GiB of evidence in $work"
c=$work/centre
cp -r samples/ndrc-engineering-2025 "$c"
for i in 1 2 3 4; do { printf '%%PDF-1.7\n'; head -c $((128 << 20)) /dev/urandom; } >"$c/evidence/bench-$i.pdf"; done
for i in 5 6 7; do { printf '\xff\xd8\xff\xe0'; head -c $((128 << 20)) /dev/urandom; } >"$c/evidence/bench-$i.jpg"; done
python3 - "$c/evidence/bench-8.xml" <<'EOF'
import random, sys
random.seed(8)
with open(sys.argv[1], "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<ledger>\n')
    n, size = 0, 0
    while size < 128 << 20:
        row = ('  <entry id="%d" date="2025-%02d-%02d" account="%d"><item>设备购置 %d</item>'
               '<amount unit="元">%d.%02d</amount><voucher>V%08d</voucher></entry>\n'
               % (n, random.randint(1, 12), random.randint(1, 28), random.randint(1001, 6999),
                  random.randint(1, 500), random.randint(100, 9999999), random.randint(0, 99),
                  random.randint(0, 99999999)))
        f.write(row)
        size += len(row.encode())
        n += 1
    f.write("</ledger>\n")
EOF
du -sh "$c/evidence" | cut -f1 | sed 's/^/evidence: /'
"$bin" keygen "$work/keys" >/dev/null
K=$work/keys
cat "$c"/evidence/* >/dev/null   # warm the cache

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Before each run: remove the outputs of earlier runs and flush, so no run
# pays for another's writeback (or its deletion) and each writes a new file.
clean() { rm -f "$work/d.asice" "$work/s.asice" "$work/p.zip" "$work/z.zip"; sync; sleep 1; }
secs() { # run "$@" once, print wall seconds
	local s e
	s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N)
	awk -v a="$s" -v b="$e" 'BEGIN { printf "%.2f\n", (b - a) / 1e9 }'
}
peak() { # peak RSS in MiB of "$@"
	/usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1 | awk '{ printf "%.1f\n", $1 / 1024 }'
}
row() { printf '| %-58s | %7s | %8s | %13s |\n' "$@"; }

pack_rsa() { "$bin" pack -q --allow-incomplete -o "$work/d.asice" \
	--key "$K/rsa.key" --cert "$K/rsa.pem" --chain "$K/chain.pem" "$c"; }
pack_l6() { "$bin" pack -q --allow-incomplete --level 6 -o "$work/d.asice" \
	--key "$K/rsa.key" --cert "$K/rsa.pem" --chain "$K/chain.pem" "$c"; }
pack_sm2() { "$bin" pack -q --allow-incomplete -o "$work/s.asice" \
	--key "$K/sm2.key" --cert "$K/sm2.pem" "$c"; }
pipeline() { # what a user would script: digests, signature, one zip run
	rm -f "$c/MANIFEST.sha256" "$c/MANIFEST.p7s"
	(cd "$c" && find . -type f ! -name 'MANIFEST.*' -print0 | sort -z | xargs -0 sha256sum >MANIFEST.sha256 &&
	 openssl cms -sign -binary -in MANIFEST.sha256 -signer "$K/rsa.pem" -inkey "$K/rsa.key" \
		-certfile "$K/chain.pem" -outform DER -out MANIFEST.p7s &&
	 zip -q -r -X "$work/p.zip" .)
	rm -f "$c/MANIFEST.sha256" "$c/MANIFEST.p7s"
}
zip0() { (cd "$c" && zip -q -0 -r -X "$work/z.zip" .); }
verify() { "$bin" verify -q --ca "$K/trust.pem" "$work/d.asice"; }
unzip_sha() { # the same data entries, through unzip -p and sha256sum
	unzip -Z1 "$work/d.asice" | grep -v -e '^mimetype$' -e '^META-INF/' >"$work/names"
	xargs -d '\n' unzip -p "$work/d.asice" <"$work/names" | sha256sum >/dev/null
}

name_of() {
	case $1 in
	pack_rsa) echo "dossier pack (RSA-3072, SHA-256; default levels)" ;;
	pack_l6) echo "dossier pack --level 6 (every text entry at 6)" ;;
	pack_sm2) echo "dossier pack (SM2, SHA-256 + SM3)" ;;
	pipeline) echo "sha256sum + openssl cms -sign + zip -r (script)" ;;
	zip0) echo "zip -0 -r (no digests, no signature)" ;;
	verify) echo "dossier verify (structure, CMS, SHA-256 of every entry)" ;;
	unzip_sha) echo "unzip -p <data entries> | sha256sum" ;;
	esac
}
out_of() {
	case $1 in
	pack_rsa|pack_l6) echo "$work/d.asice" ;; pack_sm2) echo "$work/s.asice" ;;
	pipeline) echo "$work/p.zip" ;; zip0) echo "$work/z.zip" ;;
	esac
}
# Rounds: each round runs every command once, so a machine whose load
# changes during the run (a shared VM) affects all of them alike; the
# median of the rounds is reported.
echo "== timing (median of $runs rounds; peak RSS of one more run); load average $(cut -d' ' -f1-3 /proc/loadavg)"
makers="pack_rsa pack_l6 pack_sm2 pipeline zip0"
for r in $(seq "$runs"); do
	for f in $makers; do clean; secs $f >>"$work/t.$f"; done
	clean; pack_rsa
	for f in verify unzip_sha; do sync; secs $f >>"$work/t.$f"; done
done
row "command" "wall s" "peak MiB" "output bytes"
row "---" "---" "---" "---"
for f in $makers; do
	clean
	m=$(peak bash -c "$(declare -f $f); $(declare -p work c K bin); $f")
	row "$(name_of $f)" "$(median <"$work/t.$f")" "$m" "$(stat -c %s "$(out_of $f)")"
done
clean; pack_rsa
for f in verify unzip_sha; do
	m=$(peak bash -c "$(declare -f $f); $(declare -p work K bin); $f")
	row "$(name_of $f)" "$(median <"$work/t.$f")" "$m" "-"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "$big" = 1 ]; then
	echo "== ZIP64: the same plus a 4.5 GiB sparse file"
	truncate -s 4608M "$c/evidence/bench-big.bin"
	clean; t=$(secs pack_rsa); clean; m=$(peak bash -c "$(declare -f pack_rsa); $(declare -p work c K bin); pack_rsa")
	row "dossier pack with a 4.5 GiB entry" "$t" "$m" "$(stat -c %s "$work/d.asice")"
	t=$(secs verify); m=$(peak bash -c "$(declare -f verify); $(declare -p work K bin); verify")
	row "dossier verify of it" "$t" "$m" "-"
	for judge in "unzip -tq" "7z t" "bsdtar -tf"; do
		if $judge "$work/d.asice" >/dev/null 2>&1; then echo "$judge: ok"; else echo "$judge: FAILED"; fi
	done
	python3 -c "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); i = z.getinfo('evidence/bench-big.bin'); print('python zipfile: ok,', i.file_size, 'bytes in', i.compress_size)" "$work/d.asice"
fi
