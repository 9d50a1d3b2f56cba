#!/bin/bash
# numbers.sh — "1,000" and "1000" are the same number: for every sample and
# every stage its scheme defines, centre.xml is rewritten once with every
# amount's thousands separators removed, once with separators added to
# every number of four or more digits (and once with amounts written with
# their unit, "2860.00万元", on the data table), and the three must give
# identical findings (rule ids, messages, lines).
#
#   tests/suites/numbers.sh BUILD_DIR SCRATCH_DIR
set -u
cd "$(dirname "$0")/../.." || exit 2
B=${1:?usage: numbers.sh BUILD_DIR SCRATCH_DIR}
T=${2:?usage: numbers.sh BUILD_DIR SCRATCH_DIR}
bin=$B/dossier
export LANG=C.UTF-8 LC_ALL=C.UTF-8
mkdir -p "$T"

# the findings, with the scratch directory's name taken out
findings() {
	"$bin" check --lang en --as-of 2026-12-06 --stage "$2" "$1" 2>&1 |
		sed -e "s#$1#DIR#g" | grep -v '^\(status\|complete\|incomplete\|1 centres\)'
}

for s in samples/*/; do
	s=${s%/}
	id=$(basename "$s")
	scheme=$(sed -n 's/.*<centre [^>]*scheme="\([^"]*\)".*/\1/p' "$s/centre.xml" | head -1)
	[ -n "$scheme" ] || continue
	for form in plain commas units; do
		rm -rf "${T:?}/$id-$form"
		cp -r "$s" "$T/$id-$form"
	done
	# plain: no thousands separators anywhere
	perl -pi -e 's/(?<=\d),(?=\d{3}\b)//g while /\d,\d{3}\b/' "$T/$id-plain/centre.xml"
	cp "$T/$id-plain/centre.xml" "$T/$id-commas/centre.xml"
	cp "$T/$id-plain/centre.xml" "$T/$id-units/centre.xml"
	# commas: every number of 4+ digits in an attribute value or element
	# text grouped by three (years and dates excepted)
	perl -pi -e 'next if /report-year|uscc/; s/(?<=[">])(-?)(\d{4,})(\.\d+)?(?=[<"])/$1 . scalar(reverse(join(",", unpack("(A3)*", reverse $2)))) . ($3 \/\/ "")/ge' \
		"$T/$id-commas/centre.xml"
	# units: a data-table amount in 万元 written with its unit in the text
	perl -pi -e 's#(<value id="[^"]*") unit="万元"([^>]*)>([0-9.,-]+)</value>#$1$2>$3万元</value>#g' \
		"$T/$id-units/centre.xml"
	grep -q ',[0-9][0-9][0-9]' "$T/$id-commas/centre.xml" ||
		{ echo "not ok - $id: the commas copy has no thousands separator"; continue; }
	stages=$("$bin" explain --format json "$scheme" |
		/usr/bin/python3 -c 'import json,sys; print(" ".join(s["id"] for s in json.load(sys.stdin)["stages"]))')
	for stage in $stages; do
		findings "$T/$id-plain" "$stage" | sed "s#$id-plain#X#g" >"$T/$id-$stage.plain"
		findings "$T/$id-commas" "$stage" | sed "s#$id-commas#X#g" >"$T/$id-$stage.commas"
		findings "$T/$id-units" "$stage" | sed "s#$id-units#X#g" >"$T/$id-$stage.units"
		if cmp -s "$T/$id-$stage.plain" "$T/$id-$stage.commas" &&
		   cmp -s "$T/$id-$stage.plain" "$T/$id-$stage.units"; then
			echo "ok - $id at stage $stage: 1,000 = 1000 = 1000万元 in every finding"
		else
			echo "not ok - $id at stage $stage: findings differ with the way numbers are written"
			diff "$T/$id-$stage.plain" "$T/$id-$stage.commas" | head -10 | sed 's/^/    | /'
			diff "$T/$id-$stage.plain" "$T/$id-$stage.units" | head -10 | sed 's/^/    | /'
		fi
	done
done
