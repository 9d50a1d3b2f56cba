#!/bin/bash
# bench/check.sh — how fast is `dossier check`?
#
# Times, in one run on the same input:
#   1. dossier check on each sample centre (median of 20 runs each);
#   2. dossier check over 200 centre directories (40 copies of each sample);
#   3. for scale, xmllint --schema validating the same 200 centre.xml files,
#      which checks far less (shape only: no sections, sums, evidence,
#      deadlines or narrative) and is the floor a hand-made script would start from.
# Reports wall time and peak RSS (GNU time). Usage: bench/check.sh [BUILD_DIR]
set -eu
cd "$(dirname "$0")/.."
b=${1:-build}
bin=$b/dossier
[ -x "$bin" ] || { echo "build first: make" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ms() { # run "$@" once, print wall milliseconds
	local s e
	s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
	echo $(((e - s) / 1000000))
}
peak() { # peak RSS in KiB of "$@"
	/usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1
}

echo "== one centre (median of 20 runs)"
printf '%-24s %8s %10s\n' sample ms peak_KiB
for s in samples/*/; do
	m=$(for i in $(seq 20); do ms "$bin" check "$s"; done | median)
	printf '%-24s %8s %10s\n' "$(basename "$s")" "$m" "$(peak "$bin" check "$s")"
done

echo "== 200 centres in one run"
n=0
for i in $(seq 40); do
	for s in samples/*/; do
		n=$((n + 1)); cp -r "$s" "$work/c$n"
	done
done
t_d=$(for i in 1 2 3; do ms "$bin" check -q "$work"/c*; done | median)
p_d=$(peak "$bin" check -q "$work"/c*)
t_x=$(for i in 1 2 3; do ms xmllint --noout --schema outlines/schema/centre.xsd "$work"/c*/centre.xml; done | median)
p_x=$(peak xmllint --noout --schema outlines/schema/centre.xsd "$work"/c*/centre.xml)
printf '%-44s %8s %10s\n' tool ms peak_KiB
printf '%-44s %8s %10s\n' "dossier check (all rules, $n centres)" "$t_d" "$p_d"
printf '%-44s %8s %10s\n' "xmllint --schema (shape only, $n files)" "$t_x" "$p_x"
awk -v a="$t_d" -v b="$t_x" 'BEGIN { printf "ratio dossier/xmllint: %.2f\n", a / b }'
