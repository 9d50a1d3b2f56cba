#!/bin/sh
# install-deps.sh — install the Debian packages dossier needs to build and test.
#
# Installs only what is missing, as root or through sudo. Called by `make deps`
# (and so by `make demo` and `make check`); safe to run again. With --fuzz,
# installs only FUZZ_PKGS (called by `make fuzz`).
set -eu

# build: compiler, libraries of every pipeline stage
PKGS="build-essential pkg-config libxml2-dev libcmark-gfm-dev \
libcmark-gfm-extensions-dev libzip-dev libssl-dev libutf8proc-dev \
libhpdf-dev libharfbuzz-dev libunibreak-dev"
# build and runtime: Excel workbooks out (dossier export --xlsx)
PKGS="$PKGS libxlsxwriter-dev"
# fonts the renderer falls back to (free, from Debian) and the sRGB profile
PKGS="$PKGS fonts-arphic-uming fonts-wqy-zenhei fonts-lxgw-wenkai icc-profiles-free"
# tests: independent judges of what dossier writes
PKGS="$PKGS libxml2-utils time zip unzip p7zip-full libarchive-tools \
python3 openssl poppler-utils qpdf valgrind util-linux \
default-jre-headless default-jdk-headless libpdfbox2-java libactivation-java libjaxb-api-java"
# tests only (tests/suites/office.sh): other programs that write the
# workbooks and documents dossier imports
PKGS="$PKGS python3-openpyxl pandoc libreoffice-calc libreoffice-writer"
# make fuzz only (install-deps.sh --fuzz): clang-14 with libFuzzer and sanitizers
FUZZ_PKGS="clang libclang-rt-14-dev"
[ "${1:-}" = --fuzz ] && PKGS=$FUZZ_PKGS

missing=""
for p in $PKGS; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

echo "dossier: installing Debian packages:$missing" >&2
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "dossier: need root or sudo to install:$missing" >&2
    echo "dossier: 需要 root 或 sudo 权限安装：$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
