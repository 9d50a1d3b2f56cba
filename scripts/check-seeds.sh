#!/bin/sh
# check-seeds.sh — check every outline against the policy text it encodes
# (make check-seeds): same article and item numbers, every quoted phrase in
# the article it cites. Reads the texts from SEEDS (default ../shared/seeds),
# which is not part of the repository: without it, says so and exits 0.
#   scripts/check-seeds.sh [BUILD_DIR]
set -u
cd "$(dirname "$0")/.."
bin=${1:-build}/dossier
seeds=${SEEDS:-../shared/seeds}
if [ ! -d "$seeds" ]; then
	echo "check-seeds: no policy texts at $seeds (set SEEDS=DIR); nothing checked"
	exit 0
fi
rc=0
# scheme id, then the text's file name in the seeds directory
while read -r scheme file; do
	case $scheme in ""|"#"*) continue ;; esac
	if [ ! -f "$seeds/$file" ]; then
		echo "check-seeds: $seeds/$file missing (text of $scheme)"; rc=1; continue
	fi
	"$bin" explain --lang zh --verify-text "$seeds/$file" "$scheme" || rc=1
done <<'MAP'
ndrc-engineering-2025 000_f0565d07ca88a3dd.txt
ndrc-emerging-2025    001_6379f1318a8f1b25.txt
most-tic-2021         002_de094b84eeeaefd9.txt
most-tic-2017         003_e9175861a1114f2c.txt
dalian-tic-2025       004_f6c9aaef4a513d84.txt
MAP
exit $rc
