#!/bin/sh
# install-deps.sh — install the Debian packages dossier needs.
#
#   scripts/install-deps.sh --run    build and run it (make demo)
#   scripts/install-deps.sh --deb    build and run it, and make the .deb (make deb)
#   scripts/install-deps.sh [--test] all of that and what the tests need (make check)
#   scripts/install-deps.sh --fuzz   clang with libFuzzer (make fuzz)
#   scripts/install-deps.sh --list SET   print a set (run, test, deb, fuzz), one a line
#
# Prints the set it needs, installs only what is missing, as root or through
# sudo; safe to run again. README ("The two commands") gives the size of each
# set on a fresh Debian 12.
set -eu

# run: compiler and the libraries of every pipeline stage (libcurl for
# time-stamps, libp11's engine for keys on PKCS#11 tokens), the free Chinese
# fonts the renderer falls back to, Liberation Serif (the Times-compatible
# face for Latin letters and digits), fontforge-nox (converts the Fandol 仿宋
# and bold 宋 to TrueType when dossier is built; they are taken out of
# texlive-lang-chinese without installing TeX, scripts/fonts.sh), and the
# sRGB profile PDF/A embeds
RUN_PKGS="build-essential pkg-config libxml2-dev libcmark-gfm-dev \
libcmark-gfm-extensions-dev libzip-dev libssl-dev libcurl4-openssl-dev libutf8proc-dev \
libhpdf-dev libharfbuzz-dev libunibreak-dev libxlsxwriter-dev libengine-pkcs11-openssl \
fonts-arphic-uming fonts-wqy-zenhei fonts-lxgw-wenkai fonts-liberation \
fontforge-nox icc-profiles-free"
# deb: make deb (dpkg-buildpackage) and its judge
DEB_PKGS="debhelper dpkg-dev fakeroot lintian"
# test: independent judges of what dossier writes (XML, ZIP, PDF, PDF/A,
# signatures), a software token, memcheck, man, and what the install tests use
TEST_PKGS="libxml2-utils time zip unzip p7zip-full libarchive-tools \
python3 python3-lxml openssl poppler-utils qpdf valgrind util-linux softhsm2 passwd man-db groff-base \
default-jre-headless default-jdk-headless libpdfbox2-java libactivation-java libjaxb-api-java"
# test only (tests/suites/office.sh): other programs that write the
# workbooks and Word documents dossier imports
TEST_PKGS="$TEST_PKGS python3-openpyxl pandoc libreoffice-calc libreoffice-writer"
# test only (tests/suites/review.sh): a real browser, headless, opens the
# review report's HTML and the test reads its DOM after the script ran
TEST_PKGS="$TEST_PKGS chromium"
# make fuzz only: clang-14 with libFuzzer and sanitizers
FUZZ_PKGS="clang libclang-rt-14-dev"

set_of() {
	case $1 in
	run) echo "$RUN_PKGS" ;;
	deb) echo "$RUN_PKGS $DEB_PKGS" ;;
	test) echo "$RUN_PKGS $DEB_PKGS $TEST_PKGS" ;;
	fuzz) echo "$FUZZ_PKGS" ;;
	*) echo "install-deps.sh: unknown set $1 (run, deb, test, fuzz)" >&2; exit 2 ;;
	esac
}

set=test
case ${1:-} in
--run) set=run ;;
--deb) set=deb ;;
--test|"") set=test ;;
--fuzz) set=fuzz ;;
--list) set_of "${2:-test}" | tr -s ' ' '\n'; exit 0 ;;
*) echo "usage: scripts/install-deps.sh [--run|--deb|--test|--fuzz|--list SET]" >&2; exit 2 ;;
esac
PKGS=$(set_of $set)

echo "dossier: Debian packages to $(case $set in run) echo "build and run" ;; deb) echo "build, run and package" ;;
	test) echo "build, run, package and test" ;; fuzz) echo fuzz ;; esac) ($set set):" >&2
# shellcheck disable=SC2086
echo $PKGS | fmt -w 76 | sed 's/^/  /' >&2
missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
# the Fandol fonts, fetched once into fonts/fandol/ (every set but fuzz)
fandol() {
	[ "$set" = fuzz ] && return 0
	"$(dirname "$0")/fonts.sh" fetch || echo "dossier: the free 仿宋 is not available; AR PL UMing stands in" >&2
}
if [ -z "$missing" ]; then
	echo "dossier: all installed" >&2
	fandol
	exit 0
fi

echo "dossier: installing:$missing" >&2
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
	echo "dossier: need root or sudo to install:$missing" >&2
	echo "dossier: 需要 root 或 sudo 权限安装：$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
fandol
