#!/bin/bash
# run.sh — the test runner behind `make check`.
#
#   tests/run.sh BUILD_DIR...     e.g. tests/run.sh build build-san
#
# For each build directory: the C unit tests (BUILD/unit), every variant in
# tests/variants/*.t run through BUILD/dossier, and the CLI contract tests
# below. Ends with one line "N passed, N failed"; exits non-zero on failure.
#
# A variant file (tests/variants/NAME.t) is a few directives:
#   base SAMPLE        copy samples/SAMPLE to a scratch directory
#   run CMD            a shell command run inside the copy (repeatable)
#   args ARGS          extra arguments to `dossier check`
#   exit N             the expected exit status
#   expect IDS         the exact, sorted multiset of rule ids reported
#   expect-has IDS     rule ids that must be among those reported
#   expect-text TEXT   a line of standard output must contain TEXT
#   expect-err TEXT    standard error must contain TEXT
#   fires IDS          rule ids that must be reported: the case is a seeded
#                      defect for them (every outline rule needs one)
#   passes IDS         rule ids that must not be reported: the case is the
#                      boundary twin of a defect (every rule needs one too)
# A file may hold several cases, each starting with "=== NAME"; lines
# before the first "===" are shared. In `run` lines, `xedit FILE op ...`
# edits XML by XPath (tests/xedit.py).
set -u
cd "$(dirname "$0")/.." || exit 2
[ $# -gt 0 ] || set -- build
export LANG=C.UTF-8 LC_ALL=C.UTF-8
xedit() { /usr/bin/python3 "$ROOTDIR/tests/xedit.py" "$@"; }
ROOTDIR=$PWD
export -f xedit 2>/dev/null || true
unset DOSSIER_DATADIR
pass=0 fail=0
tmproot=$(mktemp -d "${TMPDIR:-/tmp}/dossier-tests.XXXXXX")
trap 'rm -rf "$tmproot"' EXIT

ok()   { pass=$((pass + 1)); }
bad()  { fail=$((fail + 1)); printf 'not ok - %s\n' "$*"; }

# run_case BIN NAME: run one case whose directives are in the c_* variables
run_case() {
	local bin=$1 name=$2 dir have line cmd code failed=0 want id t
	dir=$tmproot/v-$(printf '%s' "$name" | tr -c 'A-Za-z0-9_.-' '_')
	rm -rf "$dir"
	cp -r "samples/$c_base" "$dir" || { bad "$name: no sample $c_base"; return; }
	for cmd in "${c_runs[@]}"; do
		(cd "$dir" && eval "$cmd") >"$dir.setup" 2>&1 ||
			{ bad "$name: setup failed: $cmd"; sed 's/^/    | /' "$dir.setup" | head -5; return; }
	done
	# shellcheck disable=SC2086
	timeout 60 "$bin" check --lang en "$dir" $c_args >"$dir.out" 2>"$dir.err"
	code=$?
	have=$(grep -oE '(error|warning|info) \[[A-Za-z0-9_.-]+\]' "$dir.out" |
		sed -E 's/.*\[(.*)\]/\1/' | sort | tr '\n' ' ')
	[ "$code" = "$c_exit" ] || { bad "$name: exit $code, expected $c_exit"; failed=1; }
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
	local c_base c_args c_exit c_expect c_expect_set
	local -a c_runs c_has c_not c_texts c_errs
	fname=$(basename "$file" .t)
	start_case() {
		c_base=$s_base c_args=$s_args c_exit=$s_exit c_expect="" c_expect_set=0
		c_runs=("${s_runs[@]}") c_has=() c_not=() c_texts=() c_errs=()
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

# expect_exit NAME WANT CMD...: run CMD, compare its exit status
expect_exit() {
	local name=$1 want=$2 code
	shift 2
	"$@" >"$tmproot/cli.out" 2>"$tmproot/cli.err"
	code=$?
	if [ "$code" = "$want" ]; then ok; else bad "$name: exit $code, expected $want"; fi
}

for b in "$@"; do
	bin=$b/dossier
	[ -x "$bin" ] || { bad "$bin not built"; continue; }
	echo "# $b: unit tests"
	if out=$("$b/unit" 2>&1); then :; fi
	printf '%s\n' "$out" | grep -v '^[0-9]* passed' | sed 's/^/    /'
	u=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -1)
	if [ -n "$u" ]; then
		pass=$((pass + ${u%% passed*}))
		f=${u#*passed, }; fail=$((fail + ${f%% failed}))
	else
		bad "$b/unit did not finish"
	fi

	echo "# $b: samples"
	for s in samples/*/; do
		expect_exit "sample $s" 0 "$bin" check "$s"
	done

	echo "# $b: variants"
	for v in tests/variants/*.t tests/variants/*/*.t; do
		[ -f "$v" ] && run_variant "$bin" "$v"
	done

	echo "# $b: command line"
	expect_exit "no arguments" 2 "$bin"
	expect_exit "--help" 0 "$bin" --help
	expect_exit "--version" 0 "$bin" --version
	expect_exit "unknown command" 2 "$bin" frobnicate
	expect_exit "check --help" 0 "$bin" check --help
	expect_exit "check without dirs" 2 "$bin" check
	expect_exit "bad --format" 2 "$bin" check --format yaml samples/dalian-tic-2025
	expect_exit "bad --as-of" 2 "$bin" check --as-of 2026-02-30 samples/dalian-tic-2025
	expect_exit "not a directory" 2 "$bin" check /nonexistent
	expect_exit "toy scheme via --outline" 0 "$bin" check --outline tests/toy/toy-scheme-2030.xml tests/toy/centre
	expect_exit "toy scheme via --outlines" 0 "$bin" check --outlines tests/toy tests/toy/centre
	expect_exit "broken outline" 2 "$bin" check --outline tests/toy/broken-outline.xml tests/toy/centre
	grep -q 'broken-outline.xml:[0-9]' "$tmproot/cli.err" && ok || bad "broken outline error names no line"
	expect_exit "json" 0 "$bin" check --format json samples/most-tic-2021
	grep -q '"summary":{"centres":1,"complete":1,"exit":0}' "$tmproot/cli.out" && ok || bad "json summary"
	expect_exit "chinese" 2 env LC_ALL= LANG=zh_CN.UTF-8 "$bin" check tests/toy/centre samples/nonexistent
	grep -q '无法读取' "$tmproot/cli.out" && ok || bad "Chinese summary row"
	# one unreadable centre among good ones: exit 2, the others still checked
	expect_exit "mixed run" 2 "$bin" check samples/dalian-tic-2025 /nonexistent
	grep -q '2 centres, 1 complete' "$tmproot/cli.out" && ok || bad "mixed run summary"
	# every allocation of `dossier check` fails in turn (DOSSIER_ALLOC_FAIL_AT):
	# each run prints "out of memory" and exits 3, or finishes with the
	# normal output; the sanitizer build also checks every run for leaks
	toyc="check --outline tests/toy/toy-scheme-2030.xml tests/toy/centre"
	# shellcheck disable=SC2086
	"$bin" $toyc >"$tmproot/walk.ref" 2>&1
	# shellcheck disable=SC2086
	nalloc=$(DOSSIER_ALLOC_FAIL_AT=0 "$bin" $toyc 2>&1 >/dev/null | sed -n 's/^dossier: \([0-9]*\) allocations$/\1/p')
	walkbad=0
	for n in $(seq 1 "${nalloc:-0}"); do
		# shellcheck disable=SC2086
		DOSSIER_ALLOC_FAIL_AT=$n "$bin" $toyc >"$tmproot/walk.out" 2>"$tmproot/walk.err"; code=$?
		if [ $code = 0 ]; then cmp -s "$tmproot/walk.ref" "$tmproot/walk.out" || { walkbad=1; echo "    allocation $n: exit 0, output differs"; }
		elif [ $code != 3 ] || ! grep -q 'out of memory' "$tmproot/walk.err"; then
			walkbad=1; echo "    allocation $n: exit $code"; sed 's/^/    | /' "$tmproot/walk.err" | head -5
		fi
	done
	[ "${nalloc:-0}" -gt 100 ] && [ $walkbad = 0 ] && ok || bad "check under allocation failure (${nalloc:-?} allocations)"
	# standard output that cannot be written is an error, not a silent success
	"$bin" check samples/most-tic-2021 >/dev/full 2>"$tmproot/full.err"; code=$?
	[ "$code" = 2 ] && grep -q 'cannot write standard output: No space left' "$tmproot/full.err" && ok || bad "check to /dev/full: exit $code"
	# the input limits are options of render and pack too, and cover a
	# received evaluation-tables.xml
	lim=$tmproot/limits-$(basename "$b")
	expect_exit "render --max-depth 4" 2 "$bin" render --max-depth 4 -o "$lim" samples/most-tic-2021
	grep -q 'nested too deeply (limit 4 levels, --max-depth)' "$tmproot/cli.err" && ok || bad "render names the depth limit"
	[ -z "$(ls -A "$lim" 2>/dev/null)" ] && ok || bad "render over a limit wrote files"
	expect_exit "render --max-table-rows abc" 2 "$bin" render --max-table-rows abc -o "$lim" samples/most-tic-2021
	expect_exit "pack --max-sections 2" 2 "$bin" pack --max-sections 2 -o "$lim/p.asice" --key /nonexistent samples/most-tic-2021
	grep -q 'too many section files (limit 2, --max-sections)' "$tmproot/cli.err" && ok || bad "pack names the sections limit"
	expect_exit "render tables XML" 0 "$bin" render -q --doc tables --format xml -o "$lim/t" samples/most-tic-2021
	expect_exit "check tables XML --max-table-rows 3" 2 "$bin" check --max-table-rows 3 "$lim/t/evaluation-tables.xml"
	grep -q 'evaluation-tables.xml:[0-9]*: element <[a-z-]*> has too many child elements' "$tmproot/cli.err" && ok || bad "tables XML row limit"

	# suites of the later stages: tests/suites/NAME.sh BUILD_DIR SCRATCH_DIR,
	# printing "ok - ..." or "not ok - ..." per test
	for suite in tests/suites/*.sh; do
		[ -f "$suite" ] || continue
		echo "# $b: $(basename "$suite" .sh)"
		sdir=$tmproot/suite-$(basename "$suite" .sh)-$(basename "$b")
		mkdir -p "$sdir"
		while IFS= read -r line; do
			case $line in
			"ok "*) ok ;;
			"not ok "*) fail=$((fail + 1)); printf '%s\n' "$line" ;;
			*) printf '    %s\n' "$line" ;;
			esac
		done < <(bash "$suite" "$b" "$sdir" 2>&1)
	done
done

# Every rule of every outline has a seeded variant that fires it and a
# boundary twin that passes it (tests/variants/, directives fires/passes;
# an exact `expect` list counts as firing).
echo "# variant coverage"
fired=$(grep -hE '^(fires|expect-has|expect) ' tests/variants/*.t tests/variants/*/*.t 2>/dev/null |
	sed -E 's/^[a-z-]+ //' | tr ' ' '\n' | sort -u)
passed=$(grep -hE '^passes ' tests/variants/*.t tests/variants/*/*.t 2>/dev/null |
	sed -E 's/^passes //' | tr ' ' '\n' | sort -u)
for o in outlines/*.xml tests/toy/toy-scheme-2030.xml; do
	nofire="" notwin=""
	for id in $(grep -oE '<rule id="[^"]+"' "$o" | sed -E 's/<rule id="(.*)"/\1/'); do
		grep -qxF "$id" <<<"$fired" || nofire="$nofire $id"
		grep -qxF "$id" <<<"$passed" || notwin="$notwin $id"
	done
	[ -z "$nofire" ] && ok || bad "$(basename "$o"): rules no variant fires:$nofire"
	[ -z "$notwin" ] && ok || bad "$(basename "$o"): rules without a boundary twin:$notwin"
done

# make install honours DESTDIR and the installed tool finds its data
if [ -x build/dossier ]; then
	echo "# install"
	inst=$tmproot/inst
	if make -s install DESTDIR="$inst" >/dev/null 2>&1; then
		ok
		DOSSIER_DATADIR=$inst/usr/local/share/dossier expect_exit "installed binary" 0 \
			"$inst/usr/local/bin/dossier" check samples/most-tic-2021
		[ -f "$inst/usr/local/share/man/man1/dossier.1" ] && ok || bad "man page installed"
	else
		bad "make install DESTDIR=..."
	fi
fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
