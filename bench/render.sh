#!/bin/bash
# bench/render.sh — `dossier render` timed against the tools users would
# otherwise use, in one run, on the same reference report.
#
# Uses ../shared/bench/peers (beside the clone, not in it; without it the
# script says so and exits 0): install_peers.sh (pandoc + XeLaTeX/ctex,
# Typst 0.10 and 0.14, WeasyPrint, LibreOffice) and run_peers.sh, which
# times every tool (one warm-up, then N runs, /usr/bin/time -v) and judges
# every PDF with the same tools/check_pdf.py. dossier is passed as an extra
# command: bench/dossier-ref.sh converts reference.json to a centre
# directory once (on the untimed warm-up) and then runs one `dossier
# render` per timed run.
#
#   bench/render.sh [-n RUNS] [--install]
set -eu
cd "$(dirname "$0")/.."
peers=../shared/bench/peers
runs=5
install=0
while [ $# -gt 0 ]; do
	case $1 in
	-n) runs=$2; shift 2 ;;
	--install) install=1; shift ;;
	*) echo "usage: bench/render.sh [-n RUNS] [--install]" >&2; exit 2 ;;
	esac
done
# the peer kit lives beside the project, in ../shared (not part of a clone)
if [ ! -f "$peers/run_peers.sh" ]; then
	echo "bench/render.sh: needs the peer kit $peers (run_peers.sh, install_peers.sh), which"
	echo "is not here; nothing to compare against, so nothing was timed."
	exit 0
fi
[ -x build/dossier ] || make
[ $install = 1 ] && bash "$peers/install_peers.sh"
export DOSSIER_BENCH_WORK=$(mktemp -d)
trap 'rm -rf "$DOSSIER_BENCH_WORK"' EXIT
bash "$peers/run_peers.sh" -n "$runs" -o /tmp/dossier-render-bench "$PWD/bench/dossier-ref.sh"
