/*
 * fuzz_centre.c — libFuzzer target for stage 1 and 2 on centre.xml: the
 * input is written as centre.xml into a private scratch directory (made
 * once, reused, removed at exit), loaded with dossier_centre_load (decoding,
 * libxml2 parse, centre.xsd validation) and, if it loads, checked with
 * dossier_check_run against outlines/ndrc-engineering-2025.xml (loaded once).
 * Every finding's strings are read so a dangling one shows under ASan.
 *
 * The check date is fixed (as_of) so a run never depends on today's date.
 * Run from the repository root (outlines/ and outlines/schema/ relative).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dossier.h"
#include "fuzz.h"

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
	static char dir[300], xml[320];
	dossier_load_options lo = DOSSIER_LOAD_OPTIONS_INIT;
	dossier_check_options co = DOSSIER_CHECK_OPTIONS_INIT;
	dossier_centre *c = NULL;
	dossier_report *r = NULL;
	size_t sum = 0;
	if (!outline) {
		if (dossier_outline_load(&outline, OUTLINE, SCHEMA_DIR) != 0) {
			fprintf(stderr, "fuzz_centre: cannot load %s (run from the repository root)\n",
				OUTLINE);
			abort();
		}
		atexit(free_outline);
		snprintf(dir, sizeof dir, "%s/centre", fz_tmpdir());
		snprintf(xml, sizeof xml, "%s/centre.xml", dir);
		if (mkdir(dir, 0700) != 0)
			abort();
	}
	fz_write(xml, data, size);
	lo.schema_dir = SCHEMA_DIR;
	co.as_of = "2026-03-31";
	if (dossier_centre_load(&c, dir, &lo) == 0) {
		if (dossier_check_run(&r, c, outline, &co) == 0) {
			sum += fz_read_report(r);
			if (dossier_report_count_sev(r, DOSSIER_SEV_ERROR) +
			    dossier_report_count_sev(r, DOSSIER_SEV_WARNING) +
			    dossier_report_count_sev(r, DOSSIER_SEV_INFO) != dossier_report_count(r))
				abort();
			dossier_report_free(r);
		}
		dossier_centre_free(c);
	}
	dossier_error_clear();
	return sum == (size_t)-1; /* keep `sum` live */
}
