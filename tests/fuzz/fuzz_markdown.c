/*
 * fuzz_markdown.c — libFuzzer target for a narrative section through
 * stages 1 and 3: the input is written as sections/r-1.md of a private copy
 * of tests/toy/centre (made once), the centre is loaded (decoding and
 * cmark-gfm parse), the annual report of the toy scheme
 * tests/toy/toy-scheme-2030.xml is built (dossier_doc_build: figures,
 * tables, lists, quotes) and laid out with dz_layout_run on fake font
 * metrics (as tests/unit.c does): no font files, no PDF library.
 *
 * The fake metrics have no glyph for U+2603 (snowman), so the "no font has
 * this character" path is reachable too. Run from the repository root.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dossier.h"
#include "layout/boxes.h"
#include "layout/style.h"
#include "fuzz.h"

#define TOY "tests/toy/centre"
#define OUTLINE "tests/toy/toy-scheme-2030.xml"
#define SCHEMA_DIR "outlines/schema"

static dossier_outline *outline;
static dz_style style;

static void free_outline(void)
{
	dossier_outline_free(outline);
	outline = NULL;
}

static int fake_pick(void *ctx, int role, uint32_t cp)
{
	(void)ctx;
	return cp == 0x2603 ? -1 : role;
}

static float fake_adv(void *ctx, int font, uint32_t cp)
{
	(void)ctx;
	(void)font;
	return cp >= 0x2E80 ? 1.0f : 0.5f;
}

/* Copy the regular files and folders of `from` into the new folder `to`,
 * except sections/r-1.md, which every input replaces. */
static void copy_tree(const char *from, const char *to)
{
	DIR *d = opendir(from);
	struct dirent *de;
	if (!d || mkdir(to, 0700) != 0)
		abort();
	while ((de = readdir(d)) != NULL) {
		char src[1024], dst[1024];
		struct stat st;
		if (de->d_name[0] == '.')
			continue;
		snprintf(src, sizeof src, "%s/%s", from, de->d_name);
		snprintf(dst, sizeof dst, "%s/%s", to, de->d_name);
		if (stat(src, &st) != 0)
			abort();
		if (S_ISDIR(st.st_mode)) {
			copy_tree(src, dst);
		} else if (S_ISREG(st.st_mode) && strcmp(de->d_name, "r-1.md") != 0) {
			FILE *f = fopen(src, "rb");
			char buf[65536];
			size_t n;
			if (!f || (n = fread(buf, 1, sizeof buf, f)) == sizeof buf)
				abort();
			fclose(f);
			fz_write(dst, buf, n);
		}
	}
	closedir(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char dir[300], md[320];
	dossier_load_options lo = DOSSIER_LOAD_OPTIONS_INIT;
	dz_metrics m = {NULL, fake_pick, fake_adv, NULL, NULL, 0, NULL};
	dossier_centre *c = NULL;
	dossier_doc *d = NULL;
	dz_layout lay;
	if (!outline) {
		if (dossier_outline_load(&outline, OUTLINE, SCHEMA_DIR) != 0) {
			fprintf(stderr, "fuzz_markdown: cannot load %s (run from the repository root)\n",
				OUTLINE);
			abort();
		}
		atexit(free_outline);
		dz_style_defaults(&style);
		if (dz_style_load(&style, "templates/gbt9704.style") != 0)
			abort();
		snprintf(dir, sizeof dir, "%s/centre", fz_tmpdir());
		snprintf(md, sizeof md, "%s/sections/r-1.md", dir);
		copy_tree(TOY, dir);
	}
	fz_write(md, data, size);
	lo.schema_dir = SCHEMA_DIR;
	if (dossier_centre_load(&c, dir, &lo) == 0) {
		if (dossier_doc_build(&d, c, outline, "annual-report") == 0) {
			if (dz_layout_run(&lay, d, &style, &m, 0) == 0)
				dz_layout_dispose(&lay);
			dossier_doc_free(d);
		}
		dossier_centre_free(c);
	}
	dossier_error_clear();
	return 0;
}
