#!/bin/sh
# make-deb.sh [OUTDIR] — build the Debian packages (debian/) in OUTDIR
# (default build-deb/) and judge them with lintian, as `make deb` does.
#
# dpkg-buildpackage writes its results beside the tree it builds and cleans
# that tree first, so it works on a copy of the project's files (the
# tracked ones and new ones not ignored, as in the working tree) in
# OUTDIR/dossier-VERSION/: the developer's build/ is left alone. Prints the
# .deb files made; exit 1 if the build fails or lintian reports an error.
set -eu
cd "$(dirname "$0")/.."
out=${1:-build-deb}
version=$(dpkg-parsechangelog -S Version)
src=$out/dossier-$version
want=$(sed -n 's/^#define DOSSIER_VERSION "\(.*\)"$/\1/p' include/dossier/common.h)
if [ "$version" != "$want" ]; then
	echo "make-deb: debian/changelog is at $version but DOSSIER_VERSION is $want" >&2
	echo "  fix: add a debian/changelog entry for $want (dch -v $want)" >&2
	exit 1
fi
rm -rf "$out"
mkdir -p "$src"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	git ls-files -z --cached --others --exclude-standard |
		xargs -0 sh -c 'for f; do [ -f "$f" ] && printf "%s\0" "$f"; done' sh |
		tar --null -T - -cf - | tar -xf - -C "$src"
else
	tar --exclude='./build*' --exclude=./out --exclude=./.git -cf - . | tar -xf - -C "$src"
fi
echo "make-deb: dpkg-buildpackage in $src (log: $out/build.log)" >&2
if ! (cd "$src" && DEB_BUILD_OPTIONS="parallel=2 ${DEB_BUILD_OPTIONS:-}" \
	dpkg-buildpackage -b -uc -us) >"$out/build.log" 2>&1; then
	tail -30 "$out/build.log" >&2
	echo "make-deb: dpkg-buildpackage failed; see $out/build.log" >&2
	exit 1
fi
changes=$(ls "$out"/dossier_"$version"_*.changes)
if command -v lintian >/dev/null 2>&1; then
	lintian --fail-on error "$changes" >"$out/lintian.log" 2>&1 || {
		cat "$out/lintian.log" >&2
		echo "make-deb: lintian reports errors ($out/lintian.log)" >&2
		exit 1
	}
	echo "make-deb: lintian: no errors ($(grep -c '^[WI]:' "$out/lintian.log") warnings and notes in $out/lintian.log)" >&2
else
	echo "make-deb: lintian is not installed; the packages were not judged" >&2
fi
ls "$out"/*.deb
