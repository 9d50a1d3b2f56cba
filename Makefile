# dossier — build, test, install.
#
#   make            build build/dossier, build/libdossier.a and build/libdossier.so.*
#   make demo       install what running needs (Debian packages), build, run the sample job
#   make check      install what testing needs too, build, run every test (also under ASan+UBSan)
#   make install    PREFIX=/usr/local DESTDIR= ... (after any build; no root needed for a
#                   PREFIX of one's own, e.g. PREFIX=$$HOME/.local)
#   make deb        Debian packages dossier, libdossier0, libdossier-dev in build-deb/
#   make fuzz       libFuzzer targets (clang) in build-fuzz/fuzz/ (doc/fuzzing.md)
#   make check-seeds  the outlines against the policy texts in ../shared/seeds
#   make schemes-doc  regenerate doc/schemes.md from the outlines
#
# Project flags live in DOSSIER_CFLAGS so a user's CFLAGS are kept (redis).
# V=1 shows the commands.

VERSION   := $(shell sed -n 's/^\#define DOSSIER_VERSION "\(.*\)"$$/\1/p' include/dossier/common.h)
# the shared library's soname, libdossier.so.$(SOVERSION): raise it when the
# ABI breaks (debian/libdossier0.symbols lists the ABI)
SOVERSION := 0

PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
LIBDIR    ?= $(PREFIX)/lib
INCLUDEDIR?= $(PREFIX)/include
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
DATAROOTDIR ?= $(PREFIX)/share
# the installed binary finds its data as ../share/dossier beside its own
# folder, wherever it was installed; DATADIR is the fallback compiled in
DATADIR   ?= $(DATAROOTDIR)/dossier
MANDIR    ?= $(DATAROOTDIR)/man
BASHCOMPDIR ?= $(DATAROOTDIR)/bash-completion/completions

CC        ?= cc
CFLAGS    ?= -O2 -g
PKGS       = libxml-2.0 libzip libcrypto libutf8proc harfbuzz-subset harfbuzz libunibreak xlsxwriter
# libcurl only for its headers: src/pack/tsa.c loads it with dlopen when a
# time-stamp is asked for, so every other run starts without it
DEP_CFLAGS := $(shell pkg-config --cflags $(PKGS) libcurl 2>/dev/null)
DEP_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcmark-gfm-extensions -lcmark-gfm -lhpdf -lz -lm
DOSSIER_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter \
	-Iinclude -Isrc $(DEP_CFLAGS) -DDOSSIER_DATADIR='"$(DATADIR)"' -MMD -MP

SANITIZE_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

B ?= build
# every stage folder under src/ is library code; src/cli/ is the tool
LIB_SRC := $(filter-out src/cli/%,$(wildcard src/*/*.c))
CLI_SRC := $(wildcard src/cli/*.c)
LIB_OBJ := $(LIB_SRC:%.c=$(B)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(B)/%.o)
TEST_SRC := tests/unit.c
# fuzz targets tests/fuzz/fuzz_NAME.c: libFuzzer binaries (make fuzz) and
# replay_NAME (with tests/fuzz/replay.c), built by check for every build dir
FUZZ_TARGETS := decode centre outline markdown tables verify font text xlsx docx
FUZZ_REPLAY = $(FUZZ_TARGETS:%=$(B)/fuzz/replay_%)
FUZZ_FLAGS = -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

ifeq ($(V),1)
Q =
else
Q = @
endif

.PHONY: all deps deps-run demo check test test-san install uninstall clean lint fuzz deb fonts check-seeds schemes-doc
# keep the fuzz objects make would treat as intermediate
.SECONDARY: $(FUZZ_TARGETS:%=$(B)/tests/fuzz/fuzz_%.o) $(B)/tests/fuzz/replay.o \
	$(FUZZ_TARGETS:%=build-fuzz/tests/fuzz/fuzz_%.o)


MAN_EN := $(wildcard man/*.1)
# Chinese pages: written readable in man/zh_CN/, made settable by groff 1.22
# (line breaks between Chinese characters) by scripts/cjk-man
MAN_ZH := $(patsubst man/zh_CN/%,$(B)/man/zh_CN/%,$(wildcard man/zh_CN/*.1))

# the free 仿宋 and bold 宋 as TrueType, converted from the Fandol fonts
# `make deps` fetched into fonts/fandol/ (scripts/fonts.sh); without them
# there is nothing to convert and fonts.conf falls back to AR PL UMing
FONTS_TTF := $(patsubst fonts/fandol/%.otf,fonts/%.ttf,$(wildcard fonts/fandol/Fandol*.otf))

all: $(B)/libdossier.a $(B)/libdossier.so.$(VERSION) $(B)/dossier $(MAN_ZH) $(FONTS_TTF)

fonts: $(FONTS_TTF)

fonts/%.ttf: fonts/fandol/%.otf scripts/fonts.sh
	@./scripts/fonts.sh build $*

$(B)/man/zh_CN/%.1: man/zh_CN/%.1 scripts/cjk-man
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  MAN     $@")
	$(Q)scripts/cjk-man <$< >$@.tmp && mv $@.tmp $@

# library objects serve the static and the shared library alike
$(LIB_OBJ): PIC = -fPIC -fno-semantic-interposition

# Objects are rebuilt when the compiler or its flags change (CFLAGS, the
# sanitizers, position-independent library code), recorded in $(B)/.flags;
# the data folder compiled in is left out, so `make install PREFIX=...`
# after `make` rebuilds nothing.
FLAGS_SIG := $(CC) $(CPPFLAGS) $(CFLAGS) $(EXTRA_CFLAGS) pic
ifneq ($(file <$(B)/.flags),$(FLAGS_SIG))
$(shell mkdir -p $(B))
$(file >$(B)/.flags,$(FLAGS_SIG))
endif

$(B)/%.o: %.c $(B)/.flags
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(DOSSIER_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(PIC) $(EXTRA_CFLAGS) -c $< -o $@

$(B)/libdossier.a: $(LIB_OBJ)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

# exports only the public API (dossier_*): src/libdossier.map
$(B)/libdossier.so.$(VERSION): $(LIB_OBJ) src/libdossier.map
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) -shared -Wl,-soname,libdossier.so.$(SOVERSION) -Wl,--version-script=src/libdossier.map \
		-Wl,--no-undefined -Wl,--as-needed $(CFLAGS) $(EXTRA_CFLAGS) $(LDFLAGS) -o $@ $(LIB_OBJ) $(DEP_LIBS)
	$(Q)ln -sf libdossier.so.$(VERSION) $(B)/libdossier.so.$(SOVERSION)
	$(Q)ln -sf libdossier.so.$(SOVERSION) $(B)/libdossier.so

$(B)/dossier: $(CLI_OBJ) $(B)/libdossier.a
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS) $(EXTRA_CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(B)/libdossier.a $(DEP_LIBS)

$(B)/unit: $(B)/tests/unit.o $(B)/libdossier.a
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS) $(EXTRA_CFLAGS) $(LDFLAGS) -o $@ $< $(B)/libdossier.a $(DEP_LIBS)

$(B)/fuzz/replay_%: $(B)/tests/fuzz/fuzz_%.o $(B)/tests/fuzz/replay.o $(B)/libdossier.a
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS) $(EXTRA_CFLAGS) $(LDFLAGS) -o $@ $^ $(DEP_LIBS)

build-fuzz/fuzz/fuzz_%: build-fuzz/tests/fuzz/fuzz_%.o build-fuzz/libdossier.a
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS) -fsanitize=fuzzer,address,undefined $(LDFLAGS) -o $@ $^ $(DEP_LIBS)

# two sets of Debian packages: what running needs, and that plus what
# packaging and testing need (scripts/install-deps.sh --list run|test)
deps-run:
	@./scripts/install-deps.sh --run

deps:
	@./scripts/install-deps.sh --test

# The main job on the samples: check, render, pack and verify each one.
demo: deps-run
	@$(MAKE) --no-print-directory all
	@./scripts/demo.sh

# Every test, with the normal build and again under ASan+UBSan.
check: deps
	@$(MAKE) --no-print-directory all $(B)/unit $(FUZZ_REPLAY)
	@$(MAKE) --no-print-directory B=build-san EXTRA_CFLAGS="$(SANITIZE_FLAGS)" CFLAGS="-O1 -g" build-san/dossier build-san/unit \
		$(FUZZ_TARGETS:%=build-san/fuzz/replay_%)
	@./tests/run.sh build build-san

test: all $(B)/unit $(FUZZ_REPLAY)
	@./tests/run.sh $(B)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(PKGCONFIGDIR) \
		$(DESTDIR)$(INCLUDEDIR)/dossier $(DESTDIR)$(DATADIR)/outlines/schema \
		$(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(DATADIR)/fonts \
		$(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/zh_CN/man1 $(DESTDIR)$(BASHCOMPDIR)
	install -m 755 $(B)/dossier $(DESTDIR)$(BINDIR)/dossier
	install -m 644 $(B)/libdossier.a $(B)/libdossier.so.$(VERSION) $(DESTDIR)$(LIBDIR)/
	ln -sf libdossier.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libdossier.so.$(SOVERSION)
	ln -sf libdossier.so.$(SOVERSION) $(DESTDIR)$(LIBDIR)/libdossier.so
	sed -e 's|@PREFIX@|$(PREFIX)|; s|@LIBDIR@|$(LIBDIR)|; s|@INCLUDEDIR@|$(INCLUDEDIR)|' \
		-e 's|@VERSION@|$(VERSION)|; s|@LIBS@|$(filter-out $(shell pkg-config --libs $(PKGS) 2>/dev/null),$(DEP_LIBS))|; s|@REQUIRES@|$(PKGS)|' \
		src/dossier.pc.in >$(DESTDIR)$(PKGCONFIGDIR)/dossier.pc
	install -m 644 include/dossier.h $(DESTDIR)$(INCLUDEDIR)/dossier.h
	install -m 644 include/dossier/*.h $(DESTDIR)$(INCLUDEDIR)/dossier/
	install -m 644 outlines/*.xml $(DESTDIR)$(DATADIR)/outlines/
	install -m 644 outlines/schema/*.xsd $(DESTDIR)$(DATADIR)/outlines/schema/
	install -m 644 templates/*.style $(DESTDIR)$(DATADIR)/templates/
	install -m 644 fonts/fonts.conf fonts/README.fonts $(DESTDIR)$(DATADIR)/fonts/
	for f in fonts/*.ttf; do [ ! -f "$$f" ] || install -m 644 "$$f" $(DESTDIR)$(DATADIR)/fonts/ || exit 1; done
	[ ! -f fonts/fandol/COPYING ] || install -m 644 fonts/fandol/COPYING $(DESTDIR)$(DATADIR)/fonts/COPYING.fandol
	[ ! -f fonts/fandol/README ] || install -m 644 fonts/fandol/README $(DESTDIR)$(DATADIR)/fonts/README.fandol
	install -m 644 $(MAN_EN) $(DESTDIR)$(MANDIR)/man1/
	install -m 644 $(MAN_ZH) $(DESTDIR)$(MANDIR)/zh_CN/man1/
	install -m 644 completion/dossier.bash $(DESTDIR)$(BASHCOMPDIR)/dossier

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/dossier $(DESTDIR)$(LIBDIR)/libdossier.a \
		$(DESTDIR)$(LIBDIR)/libdossier.so $(DESTDIR)$(LIBDIR)/libdossier.so.$(SOVERSION) \
		$(DESTDIR)$(LIBDIR)/libdossier.so.$(VERSION) $(DESTDIR)$(PKGCONFIGDIR)/dossier.pc \
		$(DESTDIR)$(INCLUDEDIR)/dossier.h $(DESTDIR)$(BASHCOMPDIR)/dossier \
		$(MAN_EN:man/%=$(DESTDIR)$(MANDIR)/man1/%) $(MAN_ZH:$(B)/man/zh_CN/%=$(DESTDIR)$(MANDIR)/zh_CN/man1/%)
	rm -rf $(DESTDIR)$(INCLUDEDIR)/dossier $(DESTDIR)$(DATADIR)

# Debian packages (debian/) built by dpkg-buildpackage from a copy of the
# tree in build-deb/, then judged by lintian
deb:
	@./scripts/install-deps.sh --deb
	@./scripts/make-deb.sh build-deb

# libFuzzer binaries (clang, ASan+UBSan) in build-fuzz/fuzz/; see doc/fuzzing.md
fuzz: deps
	@./scripts/install-deps.sh --fuzz
	@$(MAKE) --no-print-directory B=build-fuzz CC=clang CFLAGS="-O1 -g" EXTRA_CFLAGS="$(FUZZ_FLAGS)" \
		$(FUZZ_TARGETS:%=build-fuzz/fuzz/fuzz_%)

# The outlines against the policy texts in ../shared/seeds (not part of the
# repository; skipped with a message when absent). See doc/outline-format.md.
check-seeds: all
	@./scripts/check-seeds.sh $(B)

# doc/schemes.md is generated from the outlines; make check verifies it.
schemes-doc: all
	@./scripts/schemes-doc.sh $(B) > doc/schemes.md.tmp && mv doc/schemes.md.tmp doc/schemes.md

lint:
	clang-tidy $(LIB_SRC) $(CLI_SRC) -- $(DOSSIER_CFLAGS)

clean:
	rm -rf build build-san build-fuzz build-deb

-include $(shell find $(B) -name '*.d' 2>/dev/null)
