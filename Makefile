# dossier — build, test, install.
#
#   make            build build/libdossier.a and build/dossier
#   make demo       install missing Debian packages, build, run the sample job
#   make check      install, build, run every test (also under ASan+UBSan)
#   make install    PREFIX=/usr/local DESTDIR= ...
#   make fuzz       libFuzzer targets (clang) in build-fuzz/fuzz/ (doc/fuzzing.md)
#
# Project flags live in DOSSIER_CFLAGS so a user's CFLAGS are kept (redis).
# V=1 shows the commands.

PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
LIBDIR    ?= $(PREFIX)/lib
INCLUDEDIR?= $(PREFIX)/include
DATADIR   ?= $(PREFIX)/share/dossier
MANDIR    ?= $(PREFIX)/share/man

CC        ?= cc
CFLAGS    ?= -O2 -g
PKGS       = libxml-2.0 libzip libcrypto libutf8proc harfbuzz-subset harfbuzz libunibreak xlsxwriter
DEP_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
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
FUZZ_TARGETS := decode centre outline markdown tables verify font xlsx docx
FUZZ_REPLAY = $(FUZZ_TARGETS:%=$(B)/fuzz/replay_%)
FUZZ_FLAGS = -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

ifeq ($(V),1)
Q =
else
Q = @
endif

.PHONY: all deps demo check test test-san install uninstall clean lint fuzz
# keep the fuzz objects make would treat as intermediate
.SECONDARY: $(FUZZ_TARGETS:%=$(B)/tests/fuzz/fuzz_%.o) $(B)/tests/fuzz/replay.o \
	$(FUZZ_TARGETS:%=build-fuzz/tests/fuzz/fuzz_%.o)

all: $(B)/libdossier.a $(B)/dossier

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(DOSSIER_CFLAGS) $(CFLAGS) $(EXTRA_CFLAGS) -c $< -o $@

$(B)/libdossier.a: $(LIB_OBJ)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

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

deps:
	@./scripts/install-deps.sh

# The main job on a sample: check every scheme's sample centre.
demo: deps
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
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR)/dossier \
		$(DESTDIR)$(DATADIR)/outlines/schema $(DESTDIR)$(DATADIR)/templates \
		$(DESTDIR)$(DATADIR)/fonts $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(B)/dossier $(DESTDIR)$(BINDIR)/dossier
	install -m 644 $(B)/libdossier.a $(DESTDIR)$(LIBDIR)/libdossier.a
	install -m 644 include/dossier.h $(DESTDIR)$(INCLUDEDIR)/dossier.h
	install -m 644 include/dossier/*.h $(DESTDIR)$(INCLUDEDIR)/dossier/
	install -m 644 outlines/*.xml $(DESTDIR)$(DATADIR)/outlines/
	install -m 644 outlines/schema/*.xsd $(DESTDIR)$(DATADIR)/outlines/schema/
	install -m 644 templates/*.style $(DESTDIR)$(DATADIR)/templates/
	install -m 644 fonts/fonts.conf $(DESTDIR)$(DATADIR)/fonts/fonts.conf
	install -m 644 man/dossier.1 $(DESTDIR)$(MANDIR)/man1/dossier.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/dossier $(DESTDIR)$(LIBDIR)/libdossier.a \
		$(DESTDIR)$(INCLUDEDIR)/dossier.h $(DESTDIR)$(MANDIR)/man1/dossier.1
	rm -rf $(DESTDIR)$(INCLUDEDIR)/dossier $(DESTDIR)$(DATADIR)

# libFuzzer binaries (clang, ASan+UBSan) in build-fuzz/fuzz/; see doc/fuzzing.md
fuzz: deps
	@./scripts/install-deps.sh --fuzz
	@$(MAKE) --no-print-directory B=build-fuzz CC=clang CFLAGS="-O1 -g" EXTRA_CFLAGS="$(FUZZ_FLAGS)" \
		$(FUZZ_TARGETS:%=build-fuzz/fuzz/fuzz_%)

lint:
	clang-tidy $(LIB_SRC) $(CLI_SRC) -- $(DOSSIER_CFLAGS)

clean:
	rm -rf build build-san build-fuzz

-include $(shell find $(B) -name '*.d' 2>/dev/null)
