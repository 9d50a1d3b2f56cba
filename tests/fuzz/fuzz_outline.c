/*
 * fuzz_outline.c — libFuzzer target for outlines and their rules: the input
 * is written as an outline file in a private scratch directory and loaded
 * with dossier_outline_load against outlines/schema/outline.xsd (parse,
 * validation, compilation of every XPath and pattern). If it loads, its
 * rules are evaluated with dossier_check_run on two centres loaded once:
 * the toy centre (tests/toy/centre) and the engineering sample, whose data
 * every kind of rule can meet; and the toy centre's annual report is built
 * from it (dossier_doc_build: sections, figures and tables it names), and
 * its obligation matrix printed in every format (dossier_outline_explain).
 * Every finding's strings are read so a dangling one shows under ASan.
 * The check date is fixed. Run from the repository root.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dossier.h"
#include "fuzz.h"

static dossier_centre *centres[2];

static void free_centres(void)
{
	dossier_centre_free(centres[0]);
	dossier_centre_free(centres[1]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[300];
	static const char *const dirs[2] = {"tests/toy/centre", "samples/ndrc-engineering-2025"};
	dossier_outline *o = NULL;
	size_t sum = 0, k;
	if (!path[0]) {
		dossier_load_options lo = DOSSIER_LOAD_OPTIONS_INIT;
		lo.schema_dir = "outlines/schema";
		for (k = 0; k < 2; k++)
			if (dossier_centre_load(&centres[k], dirs[k], &lo) != 0) {
				fprintf(stderr, "fuzz_outline: cannot load %s (run from the repository root)\n",
					dirs[k]);
				abort();
			}
		atexit(free_centres);
		snprintf(path, sizeof path, "%s/outline.xml", fz_tmpdir());
	}
	fz_write(path, data, size);
	if (dossier_outline_load(&o, path, "outlines/schema") == 0) {
		dossier_check_options co = DOSSIER_CHECK_OPTIONS_INIT;
		dossier_doc *d = NULL;
		co.as_of = "2026-03-31";
		sum = strlen(dossier_outline_id(o)) + strlen(dossier_outline_source(o));
		for (k = 0; k < 2; k++) {
			dossier_report *r = NULL;
			if (dossier_check_run(&r, centres[k], o, &co) != 0)
				continue;
			sum += fz_read_report(r);
			dossier_report_free(r);
		}
		if (dossier_doc_build(&d, centres[0], o, "annual-report") == 0)
			dossier_doc_free(d);
		for (k = 0; k < 3; k++) {
			char *out = NULL;
			if (dossier_outline_explain(o, (dossier_explain_format)k, (int)(k & 1), NULL, &out) == 0)
				sum += strlen(out);
			dossier_free(out);
		}
		dossier_outline_free(o);
	}
	dossier_error_clear();
	return sum == (size_t)-1; /* keep `sum` live */
}
