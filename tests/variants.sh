#!/bin/bash
# variants.sh — the seeded-defect variants (tests/variants/**/*.t): sourced by
# tests/run.sh, or run on its own for some files while writing them:
#
#   tests/variants.sh BUILD_DIR FILE.t...
#
# See tests/run.sh for the directives.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	set -u
	cd "$(dirname "$0")/.." || exit 2
	export LANG=C.UTF-8 LC_ALL=C.UTF-8
	unset DOSSIER_DATADIR DOSSIER_LANG LC_MESSAGES
	ROOTDIR=$PWD
	xedit() { /usr/bin/python3 "$ROOTDIR/tests/xedit.py" "$@"; }
	pass=0 fail=0
	tmproot=$(mktemp -d "${TMPDIR:-/tmp}/dossier-variants.XXXXXX")
	trap 'rm -rf "$tmproot"' EXIT
	ok()   { pass=$((pass + 1)); }
	bad()  { fail=$((fail + 1)); printf 'not ok - %s\n' "$*"; }
	_standalone=1
else
	_standalone=0
fi

# run_case BIN NAME: run one case whose directives are in the c_* variables.
# The file's shared setup (its first c_nshared runs, on the shared base) is
# done once per file into $v_shared and copied for each case.
run_case() {
	local bin=$1 name=$2 dir have line cmd code failed=0 want id t i=0 from
	dir=$tmproot/v-$(printf '%s' "$name" | tr -c 'A-Za-z0-9_.-' '_')
	rm -rf "$dir"
	from=samples/$c_base
	if [ "$c_nshared" -gt 0 ] && [ "$c_base" = "$v_shared_base" ]; then
		if [ ! -d "$v_shared" ]; then
			cp -r "samples/$c_base" "$v_shared.tmp" || { bad "$name: no sample $c_base"; return; }
			for cmd in "${c_runs[@]:0:$c_nshared}"; do
				(cd "$v_shared.tmp" && eval "$cmd") >"$v_shared.setup" 2>&1 ||
					{ bad "$name: shared setup failed: $cmd"; sed 's/^/    | /' "$v_shared.setup" | head -5
					  rm -rf "$v_shared.tmp"; return; }
			done
			mv "$v_shared.tmp" "$v_shared"
		fi
		from=$v_shared
		i=$c_nshared
	fi
	cp -r "$from" "$dir" || { bad "$name: no sample $c_base"; return; }
	for cmd in "${c_runs[@]:$i}"; do
		(cd "$dir" && eval "$cmd") >"$dir.setup" 2>&1 ||
			{ bad "$name: setup failed: $cmd"; sed 's/^/    | /' "$dir.setup" | head -5; return; }
	done
	# shellcheck disable=SC2086
	timeout 60 "$bin" check --lang en "$dir" $c_args >"$dir.out" 2>"$dir.err"
	code=$?
	have=$(grep -oE '(error|warning|info) \[[A-Za-z0-9_.-]+\]' "$dir.out" |
		sed -E 's/.*\[(.*)\]/\1/' | sort | tr '\n' ' ')
	[ "$c_exit" = any ] || [ "$code" = "$c_exit" ] || { bad "$name: exit $code, expected $c_exit"; failed=1; }
	if [ "$c_expect_set" = 1 ]; then
		want=$(tr ' ' '\n' <<<"$c_expect" | grep -v '^$' | sort | tr '\n' ' ')
		[ "$have" = "$want" ] || { bad "$name: reported [${have% }], expected [${want% }]"; failed=1; }
	fi
	for id in "${c_has[@]}"; do
		grep -qF "[$id]" "$dir.out" || { bad "$name: $id not reported"; failed=1; }
	done
	for id in "${c_not[@]}"; do
		! grep -qF "[$id]" "$dir.out" || { bad "$name: $id reported, but this case must pass it"; failed=1; }
	done
	for t in "${c_texts[@]}"; do
		grep -qF -- "$t" "$dir.out" || { bad "$name: output lacks: $t"; failed=1; }
	done
	for t in "${c_errs[@]}"; do
		grep -qF -- "$t" "$dir.err" || { bad "$name: stderr lacks: $t"; failed=1; }
	done
	if [ $failed = 1 ]; then
		sed 's/^/    | /' "$dir.out" "$dir.err" | head -30
	else
		ok
	fi
}

# A variant file holds one case, or several each starting with "=== NAME";
# directives before the first "===" are shared by every case of the file.
run_variant() {
	local bin=$1 file=$2 fname line cname="" incase=0
	local s_base="" s_args="" s_exit=0
	local -a s_runs=()
	local c_base c_args c_exit c_expect c_expect_set c_nshared v_shared_base v_shared
	local -a c_runs c_has c_not c_texts c_errs
	fname=$(basename "$file" .t)
	v_shared=$tmproot/vshared-$(printf '%s' "$file" | tr -c 'A-Za-z0-9_.-' '_')
	rm -rf "$v_shared"
	start_case() {
		c_base=$s_base c_args=$s_args c_exit=$s_exit c_expect="" c_expect_set=0
		c_runs=("${s_runs[@]}") c_has=() c_not=() c_texts=() c_errs=()
		c_nshared=${#s_runs[@]} v_shared_base=$s_base
	}
	start_case
	while IFS= read -r line || [ -n "$line" ]; do
		case $line in
		"#"*|"") continue ;;
		"=== "*)
			[ $incase = 1 ] && run_case "$bin" "$fname/$cname"
			cname=${line#=== }; incase=1; start_case; continue ;;
		esac
		if [ $incase = 0 ]; then
			case $line in
			"base "*) s_base=${line#base }; c_base=$s_base; continue ;;
			"run "*) s_runs+=("${line#run }"); c_runs+=("${line#run }"); continue ;;
			"args "*) s_args=${line#args }; c_args=$s_args; continue ;;
			esac
		fi
		case $line in
		"base "*) c_base=${line#base } ;;
		"run "*) c_runs+=("${line#run }") ;;
		"args "*) c_args="$c_args ${line#args }" ;;
		"exit "*) c_exit=${line#exit } ;;
		"expect") c_expect_set=1; c_expect="" ;;
		"expect "*) c_expect_set=1; c_expect=${line#expect } ;;
		"expect-has "*|"fires "*) read -ra _ids <<<"${line#* }"; c_has+=("${_ids[@]}") ;;
		"passes "*) read -ra _ids <<<"${line#passes }"; c_not+=("${_ids[@]}") ;;
		"expect-text "*) c_texts+=("${line#expect-text }") ;;
		"expect-err "*) c_errs+=("${line#expect-err }") ;;
		*) bad "$fname: unknown directive: $line"; return ;;
		esac
	done <"$file"
	run_case "$bin" "$fname${cname:+/$cname}"
}


if [ "$_standalone" = 1 ]; then
	b=${1:?usage: variants.sh BUILD_DIR FILE.t...}
	shift
	for v in "$@"; do
		run_variant "$b/dossier" "$v"
	done
	echo "$pass passed, $fail failed"
	[ "$fail" = 0 ]
fi
