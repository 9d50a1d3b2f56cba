#!/bin/bash
# cli.sh — the conventions of the dossier command: help, usage errors,
# --version, the message language, manual pages (English and Chinese, one
# per subcommand, every option documented), bash completion, and README's
# examples against what the commands really print.
#   tests/suites/cli.sh BUILD_DIR SCRATCH_DIR
set -u
b=$1 t=$2 bin=$1/dossier
cd "$(dirname "$0")/../.." || exit 2
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset LC_MESSAGES DOSSIER_LANG DOSSIER_DATADIR
ok() { echo "ok - cli: $*"; }
no() { echo "not ok - cli: $*"; }
show() { sed 's/^/    | /' "$1" | head -"${2:-8}"; }

cmds=$("$bin" __complete commands)
[ "$(echo $cmds)" != "" ] && ok "__complete commands: $(echo $cmds)" || no "__complete commands lists nothing"

# ---------------------------------------------------------------- help
"$bin" help >"$t/h1" 2>&1; c1=$?
"$bin" --help >"$t/h2" 2>&1
[ $c1 = 0 ] && cmp -s "$t/h1" "$t/h2" && ok "dossier help = dossier --help" || no "dossier help (exit $c1)"
for c in $cmds; do
	"$bin" help "$c" >"$t/h1" 2>&1; c1=$?
	"$bin" "$c" --help >"$t/h2" 2>&1
	if [ $c1 = 0 ] && cmp -s "$t/h1" "$t/h2" && grep -q "^usage: dossier $c" "$t/h1"; then
		ok "dossier help $c prints $c's help"
	else
		no "dossier help $c (exit $c1)"; show "$t/h1" 3
	fi
	grep -q "^  $c " <("$bin" --help) && ok "--help lists $c" || no "--help lacks $c"
done
"$bin" help frobnicate >"$t/o" 2>"$t/e"; c1=$?
[ $c1 = 2 ] && [ "$(wc -l <"$t/e")" = 2 ] && grep -q "unknown command frobnicate" "$t/e" \
	&& ok "help of an unknown command: exit 2, two lines" || { no "help frobnicate (exit $c1)"; show "$t/e"; }

# ------------------------------------------------------ usage errors: one line and the hint
for c in $cmds; do
	"$bin" "$c" --no-such-option x >"$t/o" 2>"$t/e"; c1=$?
	if [ $c1 = 2 ] && [ "$(wc -l <"$t/e")" = 2 ] && [ ! -s "$t/o" ] &&
		grep -q "^dossier $c: unknown option --no-such-option$" "$t/e" &&
		grep -q "dossier $c --help" "$t/e"; then
		ok "$c --no-such-option: one line and the hint, exit 2"
	else
		no "$c --no-such-option (exit $c1)"; show "$t/e"
	fi
	"$bin" --lang zh "$c" -Z >"$t/o" 2>"$t/e"; c1=$?
	[ $c1 = 2 ] && [ "$(wc -l <"$t/e")" = 2 ] && grep -q "未知选项 -Z" "$t/e" && grep -q "dossier $c --help" "$t/e" \
		&& ok "$c -Z in Chinese: one line and the hint" || { no "$c -Z in Chinese (exit $c1)"; show "$t/e"; }
done
"$bin" check --format >"$t/o" 2>"$t/e"; c1=$?
[ $c1 = 2 ] && grep -q "option --format needs a value" "$t/e" && [ "$(wc -l <"$t/e")" = 2 ] \
	&& ok "an option without its value: named, exit 2" || { no "check --format (exit $c1)"; show "$t/e"; }
"$bin" check --quiet=yes samples/most-tic-2021 >"$t/o" 2>"$t/e"; c1=$?
[ $c1 = 2 ] && grep -q "option --quiet=yes takes no value" "$t/e" \
	&& ok "a value given to a flag: named, exit 2" || { no "check --quiet=yes (exit $c1)"; show "$t/e"; }
"$bin" check >"$t/o" 2>"$t/e"; c1=$?
[ $c1 = 2 ] && [ "$(wc -l <"$t/e")" = 2 ] && ok "check without a directory: what is missing and the hint" || { no "check alone (exit $c1)"; show "$t/e"; }
"$bin" render samples/most-tic-2021 >"$t/o" 2>"$t/e"; c1=$?
[ $c1 = 2 ] && grep -q "give the output directory with -o" "$t/e" && ! grep -q '^options:' "$t/e" \
	&& ok "render without -o: says so, no help dump" || { no "render without -o (exit $c1)"; show "$t/e"; }
"$bin" --frob >"$t/o" 2>"$t/e"; c1=$?
[ $c1 = 2 ] && [ "$(wc -l <"$t/e")" = 2 ] && ok "dossier --frob: one line and the hint" || { no "dossier --frob (exit $c1)"; show "$t/e"; }

# ------------------------------------------------------------- --version
"$bin" --version >"$t/v" 2>&1; c1=$?
[ $c1 = 0 ] && head -1 "$t/v" | grep -qx "dossier $(sed -n 's/^#define DOSSIER_VERSION "\(.*\)"$/\1/p' include/dossier/common.h)" \
	&& ok "--version: dossier and its version" || { no "--version (exit $c1)"; show "$t/v"; }
for lib in libxml2 cmark-gfm libharu HarfBuzz libunibreak utf8proc libzip OpenSSL zlib; do
	grep -qE "^  $lib +[a-z ]*[0-9]+\.[0-9]+" "$t/v" && ok "--version lists $lib" || no "--version lacks $lib"
done
# the run-time versions are those of the installed Debian packages
for pair in libxml2:libxml2 libzip:libzip4 zlib:zlib1g OpenSSL:libssl3 HarfBuzz:libharfbuzz0b utf8proc:libutf8proc2; do
	name=${pair%%:*} pkg=${pair#*:}
	v=$(awk -v n="$name" '$1 == n {print $2}' "$t/v")
	d=$(dpkg-query -W -f='${Version}' "$pkg" 2>/dev/null | sed 's/^[0-9]*://')
	[ -n "$v" ] && [ "${d#"$v"}" != "$d" ] && ok "--version: $name $v is the installed $pkg $d" || no "--version: $name '$v' vs $pkg '$d'"
done
grep -q "^data: $PWD\$" "$t/v" && ok "--version names the data folder (the source tree)" || { no "--version data folder"; show "$t/v" 3; }

# ------------------------------------------------------------ language
lang_of() { # prints zh or en: the language of check's summary under "$@"
	env "$@" "$bin" check samples/most-tic-2021 2>&1 | tail -1 | grep -q '个中心' && echo zh || echo en
}
want() { local exp=$1 name=$2; shift 2; [ "$(lang_of "$@")" = "$exp" ] && ok "language: $name → $exp" || no "language: $name should be $exp"; }
want en "LANG=C.UTF-8" LANG=C.UTF-8 LC_ALL=
want zh "LANG=zh_CN.UTF-8" LANG=zh_CN.UTF-8 LC_ALL=
want zh "LC_ALL=zh_CN.UTF-8 over LANG=en_US.UTF-8" LANG=en_US.UTF-8 LC_ALL=zh_CN.UTF-8
want zh "DOSSIER_LANG=zh over LANG=C.UTF-8" DOSSIER_LANG=zh LANG=C.UTF-8 LC_ALL=C.UTF-8
want en "DOSSIER_LANG=en over LC_ALL=zh_CN.UTF-8" DOSSIER_LANG=en LC_ALL=zh_CN.UTF-8
want zh "DOSSIER_LANG=bogus falls through to LC_ALL" DOSSIER_LANG=bogus LC_ALL=zh_CN.UTF-8
[ "$("$bin" check --lang zh samples/most-tic-2021 | tail -1)" = "1 个中心，1 个完整" ] && ok "language: --lang zh" || no "language: --lang zh"
[ "$(DOSSIER_LANG=zh "$bin" check --lang en samples/most-tic-2021 | tail -1)" = "1 centres, 1 complete" ] \
	&& ok "language: --lang en over DOSSIER_LANG=zh" || no "language: --lang en over DOSSIER_LANG=zh"
[ "$("$bin" --lang zh check samples/most-tic-2021 | tail -1)" = "1 个中心，1 个完整" ] && ok "language: dossier --lang zh check" || no "language: --lang before the command"
"$bin" check --lang fr samples/most-tic-2021 >"$t/o" 2>"$t/e"; c1=$?
[ $c1 = 2 ] && grep -q -- "--lang must be zh or en: fr" "$t/e" && ok "--lang fr: refused, exit 2" || { no "--lang fr (exit $c1)"; show "$t/e"; }

# ----------------------------------------------- manual pages (built once)
if [ "$(basename "$b")" = build ]; then
	ver=$(sed -n 's/^#define DOSSIER_VERSION "\(.*\)"$/\1/p' include/dossier/common.h)
	src_opts() { sed 's/\\-/-/g' "$1"; } # the page's text with \- as -
	for c in "" $cmds; do
		n=dossier${c:+-$c}
		for page in man/$n.1 "$b/man/zh_CN/$n.1"; do
			[ -f "$page" ] || { no "$page missing (every subcommand has a page in English and Chinese)"; continue; }
			MANWIDTH=80 man --warnings -l "$page" >"$t/man.out" 2>"$t/man.err"; c1=$?
			if [ $c1 = 0 ] && [ ! -s "$t/man.err" ] && grep -qE '^(NAME|名称)$' "$t/man.out" &&
				grep -q "^ *dossier ${c:-check}" "$t/man.out"; then
				ok "man -l $page renders, no warning"
			else
				no "man -l $page (exit $c1)"; show "$t/man.err"
			fi
			grep -q "^\.TH .*\"dossier $ver\"" "$page" && ok "$page is of version $ver" || no "$page: .TH lacks dossier $ver"
			lexgrog "$page" 2>/dev/null | grep -q "\"$n - " && ok "$page: whatis entry" || no "$page: no whatis entry"
		done
		[ -n "$c" ] || continue
		# every option of the command, as its parser reads it, is in its
		# --help (both languages) and in both manual pages
		miss=""
		for o in $("$bin" __complete options "$c"); do
			grep -q -- "$o\b" <("$bin" "$c" --help --lang en) || miss="$miss en-help:$o"
			grep -q -- "$o\b" <("$bin" "$c" --help --lang zh) || miss="$miss zh-help:$o"
			src_opts "man/$n.1" | grep -q -- "$o\b" || miss="$miss man:$o"
			src_opts "man/zh_CN/$n.1" | grep -q -- "$o\b" || miss="$miss zh-man:$o"
		done
		[ -z "$miss" ] && ok "$c: every option in --help (en, zh) and both manual pages" || no "$c: undocumented:$miss"
		for page in man/dossier.1 man/zh_CN/dossier.1; do
			grep -q "^\.B $c\$" "$page" && src_opts "$page" | grep -q "$n (1)" && ok "$page: $c in SYNOPSIS and SEE ALSO" \
				|| no "$page: SYNOPSIS or SEE ALSO lacks $c"
		done
	done
fi

# ------------------------------------------------------------ completion
comp() { # WORDS...: what completing the last word offers, sorted, on one line
	bash -c '. completion/dossier.bash
		COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _dossier
		printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "' comp "$@"
}
expect_comp() { # NAME WANT WORDS...
	local name=$1 want=$2 have; shift 2
	have=$(comp "$@"); have=${have% }
	[ "$have" = "$want" ] && ok "completion: $name" || no "completion: $name: offered [$have], want [$want]"
}
expect_comp "subcommands" "$(printf '%s\n' $cmds help | sort | tr '\n' ' ' | sed 's/ $//')" "$bin" ""
expect_comp "a subcommand by prefix" "render" "$bin" re
expect_comp "after --lang zh" "check" "$bin" --lang zh ch
expect_comp "help's argument" "pack" "$bin" help pa
expect_comp "--lang values" "en zh" "$bin" check --lang ""
expect_comp "check --format values" "html json pdf text" "$bin" check --format ""
expect_comp "verify --format values" "json text" "$bin" verify --format ""
expect_comp "render --format values" "both pdf xml" "$bin" render -q --format ""
expect_comp "render --doc values" "all annual summary tables" "$bin" render --doc ""
expect_comp "--opt=value" "html json pdf text" "$bin" check --format = ""
expect_comp "check --stage: every scheme's stages" "$("$bin" __complete stages | tr '\n' ' ' | sed 's/ $//')" "$bin" check --stage ""
expect_comp "explain SCHEME --stage: its stages" "annual plan" "$bin" explain most-tic-2017 --stage ""
expect_comp "init --scheme: scheme ids" "most-tic-2017 most-tic-2021" "$bin" init --scheme most
expect_comp "init --scheme SCHEME --stage: its stages" "annual plan" "$bin" init --scheme most-tic-2017 --stage ""
expect_comp "explain: scheme ids" "most-tic-2017 most-tic-2021" "$bin" explain most
expect_comp "pack's password options (never --password)" "--password-env --password-file" "$bin" pack --pass
expect_comp "scheme ids from the outlines folder" "$(ls outlines/*.xml | sed 's#.*/##; s#\.xml$##' | sort | tr '\n' ' ' | sed 's/ $//')" "$bin" explain ""
expect_comp "scheme ids from --outlines too" "toy-scheme-2030" "$bin" explain --outlines tests/toy toy
expect_comp "check's folders" "samples/most-tic-2017 samples/most-tic-2021" "$bin" check samples/most
for c in $cmds; do
	want=$("$bin" __complete options "$c" | sort | tr '\n' ' ' | sed 's/ $//')
	expect_comp "every option of $c" "$want" "$bin" "$c" --
done

# ----------------------------------- README's examples print what they show
python3 tests/readme.py "$bin" README.md "$t/readme"
