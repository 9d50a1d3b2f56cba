/*
 * fuzz_docx.c — libFuzzer target for the Word reader (src/office/docx.c):
 * the input (a package, or parts packed by fuzz_office.h) is read as
 * Markdown with its line-to-paragraph map (dz_docx_markdown), the
 * Markdown parsed by cmark-gfm as a section would be, and the document
 * split by the headings of outlines/ndrc-engineering-2025.xml
 * (dossier_docx_split, replacing the files of a private scratch folder).
 * Checks what docx.c promises: valid UTF-8 without NUL, one paragraph
 * number per line, every note with a place. Run from the repository root.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmark-gfm.h>
#include "dossier.h"
#include "util/util.h"
#include "office/office_int.h"
#include "fuzz.h"
#include "fuzz_office.h"

#define OUTLINE "outlines/ndrc-engineering-2025.xml"
#define SCHEMA_DIR "outlines/schema"

static dossier_outline *outline;

static void free_outline(void)
{
	dossier_outline_free(outline);
	outline = NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[300], dir[300];
	dossier_office_options o = DOSSIER_OFFICE_OPTIONS_INIT;
	size_t n = 0, sum = 0, nl = 0, i, lines = 0;
	unsigned char *pkg;
	dz_opc *p = NULL;
	dossier_report *notes = dz_notes_new();
	char *md = NULL;
	int *lp = NULL;
	if (!notes)
		abort();
	if (!outline) {
		if (dossier_outline_load(&outline, OUTLINE, SCHEMA_DIR) != 0) {
			fprintf(stderr, "fuzz_docx: cannot load %s (run from the repository root)\n", OUTLINE);
			abort();
		}
		atexit(free_outline);
		snprintf(path, sizeof path, "%s/report.docx", fz_tmpdir());
		snprintf(dir, sizeof dir, "%s/centre", fz_tmpdir());
		if (mkdir(dir, 0700) != 0)
			abort();
	}
	o.schema_dir = SCHEMA_DIR;
	o.max_part = 4u << 20;
	o.max_total = 16u << 20;
	o.max_cells = 20000;
	o.force = 1;
	pkg = fz_package(data, size, &n);
	if (!pkg) {
		dossier_report_free(notes);
		return 0;
	}
	if (dz_opc_open_mem(&p, pkg, n, "report.docx", &o) == 0 &&
	    dz_docx_markdown(&md, &lp, &nl, notes, p, "report.docx") == 0) {
		size_t len = strlen(md);
		cmark_node *doc;
		for (i = 0; i < len; i++)
			lines += md[i] == '\n';
		for (i = 0; i < len;) {
			uint32_t cp;
			int l = dz_utf8_decode((const unsigned char *)md + i, len - i, &cp);
			if (l <= 0 || cp == 0)
				abort(); /* not valid UTF-8 */
			i += (size_t)l;
		}
		if (nl != lines)
			abort(); /* a paragraph for every line */
		doc = cmark_parse_document(md, len, CMARK_OPT_DEFAULT);
		if (doc)
			cmark_node_free(doc);
		sum += len;
	}
	for (i = 0; i < dossier_report_count(notes); i++)
		if (!*dossier_report_get(notes, i)->xpath)
			abort(); /* every note has its place */
	sum += fz_read_report(notes);
	dossier_report_free(notes);
	dossier_free(md);
	dz_free(lp);
	dz_opc_close(p);
	fz_write(path, pkg, n);
	free(pkg);
	notes = NULL;
	if (dossier_docx_split(&notes, path, outline, NULL, dir, &o) == 0 || notes)
		sum += fz_read_report(notes);
	dossier_report_free(notes);
	dossier_error_clear();
	return sum == (size_t)-1;
}
