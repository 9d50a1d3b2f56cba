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
# --one BUILD_DIR: only that build's tests, for the parallel run below
one=0
[ "${1:-}" = --one ] && { one=1; shift; }
[ $# -gt 0 ] || set -- build
export LANG=C.UTF-8 LC_ALL=C.UTF-8
xedit() { /usr/bin/python3 "$ROOTDIR/tests/xedit.py" "$@"; }
ROOTDIR=$PWD
unset DOSSIER_DATADIR DOSSIER_LANG LC_MESSAGES
pass=0 fail=0
tmproot=$(mktemp -d "${TMPDIR:-/tmp}/dossier-tests.XXXXXX")
trap 'rm -rf "$tmproot"' EXIT

ok()   { pass=$((pass + 1)); }
bad()  { fail=$((fail + 1)); printf 'not ok - %s\n' "$*"; }

. tests/variants.sh

# expect_exit NAME WANT CMD...: run CMD, compare its exit status
expect_exit() {
	local name=$1 want=$2 code
	shift 2
	"$@" >"$tmproot/cli.out" 2>"$tmproot/cli.err"
	code=$?
	if [ "$code" = "$want" ]; then ok; else bad "$name: exit $code, expected $want"; fi
}

# Several build directories run side by side, one per core (make check's
# two builds take half the wall time on two cores); each writes its own
# scratch folder, and their outputs are printed in order. DOSSIER_TEST_SERIAL=1
# runs them one after another.
if [ $one = 0 ] && [ $# -gt 1 ] && [ -z "${DOSSIER_TEST_SERIAL:-}" ] &&
	[ "$(nproc 2>/dev/null || echo 1)" -gt 1 ]; then
	i=0
	for b in "$@"; do
		"$0" --one "$b" >"$tmproot/par-$i.out" 2>&1 &
		i=$((i + 1))
	done
	wait
	i=0
	for b in "$@"; do
		t=$(tail -1 "$tmproot/par-$i.out")
		sed '$d' "$tmproot/par-$i.out"
		case $t in
		*" passed, "*" failed")
			pass=$((pass + ${t%% passed*}))
			f=${t#*passed, }; fail=$((fail + ${f%% failed})) ;;
		*) bad "$b: the run did not finish ($t)" ;;
		esac
		i=$((i + 1))
	done
	set --
fi

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
	t0=$SECONDS
	for v in tests/variants/*.t tests/variants/*/*.t; do
		[ -f "$v" ] && run_variant "$bin" "$v"
	done
	echo "    ($((SECONDS - t0)) s)"

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
		done < <(t0=$SECONDS; bash "$suite" "$b" "$sdir" 2>&1; echo "($((SECONDS - t0)) s)")
	done
done

if [ $one = 1 ]; then
	echo "$pass passed, $fail failed"
	exit 0
fi

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

# make install honours DESTDIR, and the installed tool finds its data
# beside itself (tests/suites/install.sh: PREFIX, a user, the Debian package)
if [ -x build/dossier ]; then
	echo "# install"
	inst=$tmproot/inst
	if make -s install DESTDIR="$inst" >/dev/null 2>&1; then
		ok
		expect_exit "installed binary" 0 "$inst/usr/local/bin/dossier" check samples/most-tic-2021
		for f in man/man1/dossier.1 man/man1/dossier-render.1 man/zh_CN/man1/dossier-render.1 \
			bash-completion/completions/dossier; do
			[ -f "$inst/usr/local/share/$f" ] && ok || bad "$f installed"
		done
		[ -f "$inst/usr/local/lib/libdossier.so.0" ] && [ -f "$inst/usr/local/lib/pkgconfig/dossier.pc" ] && ok || bad "libdossier.so.0 and dossier.pc installed"
	else
		bad "make install DESTDIR=..."
	fi
fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
