#!/bin/sh
# fonts.sh — the free 仿宋 and bold 宋 dossier falls back to, as TrueType.
#
#   scripts/fonts.sh fetch   the Fandol OpenType fonts (GPL with the font
#                            exception) into fonts/fandol/, with their README
#                            and licence: from an installed TeX Live if there
#                            is one, else out of Debian's texlive-lang-chinese
#                            package without installing it (apt-get download,
#                            then only these files from its data archive)
#   scripts/fonts.sh build [FACE...]
#                            convert them (or those named, e.g.
#                            FandolFang-Regular) to TrueType outlines, which libharu
#                            can embed (FontForge, fontforge-nox):
#                            fonts/FandolFang-Regular.ttf (body 仿宋) and
#                            fonts/FandolSong-Bold.ttf (title stand-in for
#                            小标宋); fonts.conf finds them beside itself
#
# `make deps` (scripts/install-deps.sh) fetches, `make` builds. Without the
# fonts nothing fails: fonts.conf falls back to AR PL UMing and `render`
# reports the substitution.
set -eu
cd "$(dirname "$0")/.."
FACES="FandolFang-Regular FandolSong-Bold"
SRC=fonts/fandol
TEXLIVE=${DOSSIER_TEXLIVE:-/usr/share/texlive/texmf-dist}  # where an installed TeX Live keeps them
FDIR=fonts/opentype/public/fandol
DOCS=/usr/share/doc/texlive-doc/fonts/fandol   # their README and licence (GPL-3)

have_all() {
	for f in $FACES; do [ -s "$SRC/$f.otf" ] || return 1; done
	[ -s "$SRC/README" ] && [ -s "$SRC/COPYING" ]
}

fetch() {
	have_all && return 0
	mkdir -p "$SRC"
	if [ -d "$TEXLIVE/$FDIR" ] && [ -f "$DOCS/COPYING.gz" ]; then
		root=$TEXLIVE
		docs=$DOCS
		tmp=""
	else
		tmp=$(mktemp -d)
		chmod 755 "$tmp" # apt's download user writes there
		trap 'rm -rf "$tmp"' EXIT
		# a .deb is an ar archive; its data.tar holds the files: take the
		# fonts and their licence, install nothing
		( cd "$tmp" && apt-get download -q texlive-lang-chinese >/dev/null 2>"$tmp/err" ) || {
			cat "$tmp/err" >&2
			echo "fonts.sh: apt-get download texlive-lang-chinese failed; the fallback fonts are used" >&2
			exit 1
		}
		want=""
		for f in $FACES; do want="$want ./usr/share/texlive/texmf-dist/$FDIR/$f.otf"; done
		# shellcheck disable=SC2086
		dpkg-deb --fsys-tarfile "$tmp"/texlive-lang-chinese_*.deb |
			tar -x -C "$tmp" $want ".$DOCS/README" ".$DOCS/COPYING.gz"
		root=$tmp/usr/share/texlive/texmf-dist
		docs=$tmp$DOCS
	fi
	for f in $FACES; do cp "$root/$FDIR/$f.otf" "$SRC/$f.otf.tmp" && mv "$SRC/$f.otf.tmp" "$SRC/$f.otf"; done
	cp "$docs/README" "$SRC/README"
	gzip -dc "$docs/COPYING.gz" >"$SRC/COPYING.tmp" && mv "$SRC/COPYING.tmp" "$SRC/COPYING"
	if [ -n "$tmp" ]; then from="texlive-lang-chinese.deb, not installed"; else from=$TEXLIVE; fi
	echo "fonts.sh: Fandol fonts in $SRC/ (from $from)" >&2
}

# CFF → TrueType with FontForge (fontforge-nox): cubic outlines become
# quadratic ones (SetFontOrder(2)); hinting is not added. Its timestamps
# follow SOURCE_DATE_EPOCH, fixed here at the fonts' release (2015-07-18)
# so that a rebuilt font, and every PDF it is embedded in, is the same.
build() {
	for f in ${*:-$FACES}; do
		out=fonts/$f.ttf
		if [ ! -s "$SRC/$f.otf" ]; then
			[ -s "$out" ] || echo "fonts.sh: no $SRC/$f.otf (scripts/fonts.sh fetch, or make deps): $f falls back to AR PL UMing" >&2
			continue
		fi
		[ -s "$out" ] && [ "$out" -nt "$SRC/$f.otf" ] && [ "$out" -nt scripts/fonts.sh ] && continue
		if ! command -v fontforge >/dev/null 2>&1; then
			echo "fonts.sh: fontforge is missing (make deps installs fontforge-nox): $f not converted" >&2
			continue
		fi
		echo "  FONT    $out" >&2
		tmp=$out.tmp$$.ttf
		SOURCE_DATE_EPOCH=1437177600 fontforge -quiet -lang=ff \
			-c 'Open($1); SetFontOrder(2); Generate($2)' "$SRC/$f.otf" "$tmp" 2>"$tmp.log" &&
			[ -s "$tmp" ] && mv "$tmp" "$out" ||
			{ cat "$tmp.log" >&2; rm -f "$tmp" "$tmp.log"; echo "fonts.sh: converting $f failed" >&2; exit 1; }
		rm -f "$tmp.log"
	done
}

case ${1:-} in
fetch) fetch ;;
build) shift; build "$@" ;;
*) sed -n '2,20p' "$0" >&2; exit 2 ;;
esac
