#!/bin/bash
# install.sh — dossier installed as people install it (once, with the
# normal build):
#  1. `make install PREFIX=$HOME/.local` by a user who is not root, after the
#     build (made with the default PREFIX): the installed dossier finds its
#     data beside itself and checks a sample; its completion offers the
#     installed schemes; a program builds against the installed library
#     with pkg-config, shared and static.
#  2. `make deb`: dossier, libdossier0 and libdossier-dev built by
#     dpkg-buildpackage, lintian without errors, the symbols file complete,
#     every shipped font's licence in debian/copyright; the packages
#     unpacked into a scratch root (dpkg -x), and check, render, pack and
#     verify run from there on a sample the package ships; its manual pages
#     render in both languages.
#   tests/suites/install.sh BUILD_DIR SCRATCH_DIR
set -u
b=$1 t=$2
cd "$(dirname "$0")/../.." || exit 2
export LANG=C.UTF-8 LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=$(($(date +%s) - 60))
unset LC_MESSAGES DOSSIER_LANG DOSSIER_DATADIR
ok() { echo "ok - install: $*"; }
no() { echo "not ok - install: $*"; }
show() { sed 's/^/    | /' "$1" | head -"${2:-8}"; }
[ "$(basename "$b")" = build ] || { echo "# install tests run with the normal build only"; exit 0; }
version=$(sed -n 's/^#define DOSSIER_VERSION "\(.*\)"$/\1/p' include/dossier/common.h)

# a tiny program using the library, built against an installed copy
cat >"$t/use.c" <<'EOF'
#include <stdio.h>
#include <dossier.h>
int main(int argc, char **argv)
{
	dossier_centre *c = NULL;
	dossier_load_options lo = DOSSIER_LOAD_OPTIONS_INIT;
	lo.schema_dir = argv[2];
	if (argc != 3 || dossier_centre_load(&c, argv[1], &lo) != 0) {
		fprintf(stderr, "load failed: %s\n", dossier_error_last() ? dossier_error_last()->msg_en : "?");
		return 1;
	}
	printf("%s %s\n", DOSSIER_VERSION, dossier_centre_scheme(c));
	dossier_centre_free(c);
	return 0;
}
EOF
# build_use NAME PKG_CONFIG_ENV... : compile use.c with the dossier.pc found
# there; PCFLAGS=--static links libdossier.a (-l:libdossier.a: a plain
# -ldossier would take the .so beside it)
build_use() {
	local name=$1; shift
	env "$@" sh -c 'libs=$(pkg-config $PCFLAGS --libs dossier) &&
		{ [ -z "$PCFLAGS" ] || libs=$(echo "$libs" | sed "s/-ldossier\b/-l:libdossier.a/"); } &&
		cc -std=c11 -Wall -Werror $(pkg-config --cflags dossier) '"$t"'/use.c -o '"$t/$name"' $libs' \
		>"$t/$name.log" 2>&1
}

# ------------------------------------------- 1. make install as a non-root user
# a copy of the tree with the build as it is (times kept: nothing rebuilds),
# owned by the user; "nobody" when the suite runs as root, in a folder of
# its own under /tmp (the runner's scratch folder is private to root)
u=$(mktemp -d /tmp/dossier-user.XXXXXX) || exit 2
trap 'rm -rf "$u"' EXIT
tree=$u/src
mkdir -p "$tree" "$u/home"
tar --exclude=./build-san --exclude=./build-fuzz --exclude=./build-deb --exclude=./out --exclude=./.git \
	-cf - . | tar -xf - -C "$tree"
if [ "$(id -u)" = 0 ]; then
	chown -R nobody:nogroup "$u"
	as_user() { setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME="$u/home" "$@"; }
else
	as_user() { env HOME="$u/home" "$@"; }
fi
pre=$u/home/.local
as_user sh -c "cd '$tree' && make -s install PREFIX='$pre'" >"$t/user.log" 2>&1; c=$?
[ $c = 0 ] && [ -x "$pre/bin/dossier" ] && ok "make install PREFIX=\$HOME/.local as $(as_user id -un) after make" \
	|| { no "make install PREFIX=\$HOME/.local as a user (exit $c)"; show "$t/user.log"; }
grep -q 'CC ' "$t/user.log" && no "make install rebuilt objects" || ok "make install rebuilt nothing"
as_user "$pre/bin/dossier" check "$tree/samples/most-tic-2021" >"$t/ucheck.log" 2>&1; c=$?
[ $c = 0 ] && ok "the installed dossier (built for /usr/local) checks a sample" || { no "installed dossier check (exit $c)"; show "$t/ucheck.log"; }
as_user "$pre/bin/dossier" --version | grep -qx "data: $pre/share/dossier" \
	&& ok "the installed dossier reads its data from $pre/share/dossier" || no "installed dossier data folder: $(as_user "$pre/bin/dossier" --version | grep data:)"
for f in man/man1/dossier-check.1 man/zh_CN/man1/dossier-check.1 bash-completion/completions/dossier dossier/outlines/schema/centre.xsd; do
	[ -f "$pre/share/$f" ] || no "installed: share/$f missing"
done
# completion through the installed binary offers the installed schemes
as_user cp "$tree/tests/toy/toy-scheme-2030.xml" "$pre/share/dossier/outlines/"
got=$(as_user bash -c ". '$pre/share/bash-completion/completions/dossier'; COMP_WORDS=('$pre/bin/dossier' explain to); COMP_CWORD=2; _dossier; echo \${COMPREPLY[*]}")
[ "$got" = toy-scheme-2030 ] && ok "installed completion offers the installed outlines' scheme ids" || no "installed completion: [$got]"
# a program against the installed library: shared, then static
pc=$pre/lib/pkgconfig
if build_use use-shared PKG_CONFIG_PATH="$pc" PCFLAGS= && out=$(LD_LIBRARY_PATH=$pre/lib "$t/use-shared" samples/most-tic-2021 outlines/schema) &&
	[ "$out" = "$version most-tic-2021" ] && LD_LIBRARY_PATH=$pre/lib ldd "$t/use-shared" | grep -q "libdossier.so.0 => $pre/lib/"; then
	ok "a program builds with pkg-config dossier and runs on libdossier.so.0"
else
	no "pkg-config dossier, shared"; show "$t/use-shared.log"
fi
if build_use use-static PKG_CONFIG_PATH="$pc" PCFLAGS=--static && [ "$("$t/use-static" samples/most-tic-2021 outlines/schema)" = "$version most-tic-2021" ] &&
	! ldd "$t/use-static" | grep -q libdossier; then
	ok "a program builds with pkg-config --static dossier"
else
	no "pkg-config --static dossier"; show "$t/use-static.log"
fi
nm -D --defined-only "$pre/lib/libdossier.so.0" | awk '{print $3}' | grep -v '^dossier_' >"$t/extra-syms"
[ ! -s "$t/extra-syms" ] && ok "libdossier.so exports only dossier_*" || { no "libdossier.so exports internals"; show "$t/extra-syms"; }

# --------------------------------------------------------- 2. make deb
deb=$t/deb
if ! scripts/make-deb.sh "$deb" >"$t/deb.log" 2>&1; then
	no "make deb (dpkg-buildpackage, lintian)"; show "$t/deb.log" 30
	exit 0
fi
ok "dpkg-buildpackage builds, lintian reports no errors"
for p in dossier libdossier0 libdossier-dev; do
	[ -f "$deb/${p}_${version}_amd64.deb" ] && ok "${p}_${version}_amd64.deb" || no "${p}_${version}_amd64.deb missing"
done
if grep -q 'dpkg-gensymbols: warning' "$deb/build.log"; then
	no "debian/libdossier0.symbols differs from the library's exports (update it):"
	sed -n '/dpkg-gensymbols: warning/,/^dh_makeshlibs\|^ dh_/p' "$deb/build.log" | head -20 | sed 's/^/    | /'
else
	ok "debian/libdossier0.symbols matches the exported symbols"
fi
root=$t/root
for p in dossier libdossier0 libdossier-dev; do dpkg -x "$deb/${p}_${version}_amd64.deb" "$root"; done
d=$root/usr/bin/dossier ex=$root/usr/share/doc/dossier/examples
"$d" --version | grep -qx "data: $root/usr/share/dossier" && ok "the unpacked dossier reads its data from the unpacked tree" \
	|| no "unpacked dossier data folder: $("$d" --version | grep data:)"
# every font the package ships has its own licence stanza
for f in "$root"/usr/share/dossier/fonts/*.ttf; do
	[ -f "$f" ] || continue
	n=$(basename "$f")
	python3 - debian/copyright "fonts/$n" <<'EOF' && ok "copyright lists $n" || no "debian/copyright has no Files: stanza for fonts/$n"
import fnmatch, sys
pats = [l.split(":", 1)[1].split() for l in open(sys.argv[1], encoding="utf-8") if l.startswith("Files:")]
sys.exit(0 if any(fnmatch.fnmatch(sys.argv[2], p) for ps in pats for p in ps if p != "*") else 1)
EOF
done
# the pipeline from the unpacked package on the sample it ships
s=$ex/most-tic-2021 w=$t/pipe
"$d" check "$s" >"$t/p.log" 2>&1 && ok "packaged: check $s" || { no "packaged: check"; show "$t/p.log"; }
"$d" render -q -o "$w/out" "$s" >"$t/p.log" 2>&1 && [ -s "$w/out/annual-report.pdf" ] && [ -s "$w/out/evaluation-tables.xml" ] \
	&& ok "packaged: render (PDF and XML)" || { no "packaged: render"; show "$t/p.log"; }
"$d" keygen "$w/keys" >"$t/p.log" 2>&1 && ok "packaged: keygen" || { no "packaged: keygen"; show "$t/p.log"; }
"$d" pack -q -o "$w/c.asice" --key "$w/keys/rsa.key" --cert "$w/keys/rsa.pem" --chain "$w/keys/chain.pem" \
	--reports "$w/out" "$s" >"$t/p.log" 2>&1 && ok "packaged: pack" || { no "packaged: pack"; show "$t/p.log"; }
"$d" verify --ca "$w/keys/trust.pem" --extract "$w/x" "$w/c.asice" >"$t/p.log" 2>&1 && [ -f "$w/x/centre.xml" ] \
	&& ok "packaged: verify and extract" || { no "packaged: verify"; show "$t/p.log"; }
# manual pages as installed (gzipped), both languages
for n in dossier dossier-check dossier-render dossier-pack dossier-verify dossier-keygen; do
	for page in "$root/usr/share/man/man1/$n.1.gz" "$root/usr/share/man/zh_CN/man1/$n.1.gz"; do
		MANWIDTH=80 man --warnings -l "$page" >"$t/m.out" 2>"$t/m.err" && [ ! -s "$t/m.err" ] && grep -qE '^(NAME|名称)$' "$t/m.out" \
			&& ok "packaged man -l ${page#"$root"}" || { no "packaged man -l ${page#"$root"}"; show "$t/m.err"; }
	done
done
# libdossier-dev: a program against the unpacked headers, dossier.pc and libdossier.so.0
ma=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
if build_use use-deb PKG_CONFIG_PATH="$root/usr/lib/$ma/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$root" PCFLAGS= &&
	[ "$(LD_LIBRARY_PATH=$root/usr/lib/$ma "$t/use-deb" "$s" "$root/usr/share/dossier/outlines/schema")" = "$version most-tic-2021" ]; then
	ok "libdossier-dev: a program builds with its dossier.pc and runs on libdossier0"
else
	no "libdossier-dev program"; show "$t/use-deb.log"
fi
