/*
 * fuzz_tables.c — libFuzzer target for a received evaluation-tables.xml
 * (what a supervising unit checks without the centre's directory): the
 * input is written as evaluation-tables.xml in a private scratch directory,
 * loaded with dossier_centre_load on that file (decoding, libxml2 parse,
 * tables.xsd validation, rebuilding the centre from the table:
 * src/load/tables_xml.c) and, if it loads, checked with dossier_check_run
 * against the outline it names, among the five in outlines/ (loaded once).
 * Every finding's strings are read so a dangling one shows under ASan.
 *
 * The check date is fixed. Run from the repository root.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dossier.h"
#include "fuzz.h"

#define SCHEMA_DIR "outlines/schema"

static const char *const ids[] = {
	"ndrc-engineering-2025", "ndrc-emerging-2025", "most-tic-2017",
	"most-tic-2021", "dalian-tic-2025",
};
#define NIDS (sizeof ids / sizeof ids[0])
static dossier_outline *outline[NIDS];

static void free_outlines(void)
{
	size_t i;
	for (i = 0; i < NIDS; i++)
		dossier_outline_free(outline[i]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char xml[320];
	dossier_load_options lo = DOSSIER_LOAD_OPTIONS_INIT;
	dossier_check_options co = DOSSIER_CHECK_OPTIONS_INIT;
	dossier_centre *c = NULL;
	dossier_report *r = NULL;
	size_t i, sum = 0;
	if (!xml[0]) {
		for (i = 0; i < NIDS; i++) {
			char path[200];
			snprintf(path, sizeof path, "outlines/%s.xml", ids[i]);
			if (dossier_outline_load(&outline[i], path, SCHEMA_DIR) != 0) {
				fprintf(stderr, "fuzz_tables: cannot load %s (run from the repository root)\n",
					path);
				abort();
			}
		}
		atexit(free_outlines);
		snprintf(xml, sizeof xml, "%s/evaluation-tables.xml", fz_tmpdir());
	}
	fz_write(xml, data, size);
	lo.schema_dir = SCHEMA_DIR;
	co.as_of = "2026-03-31";
	if (dossier_centre_load(&c, xml, &lo) == 0) {
		const char *scheme = dossier_centre_scheme(c);
		for (i = 0; i < NIDS; i++)
			if (scheme && !strcmp(scheme, ids[i]))
				break;
		if (i < NIDS && dossier_check_run(&r, c, outline[i], &co) == 0) {
			sum += fz_read_report(r);
			dossier_report_free(r);
		}
		dossier_centre_free(c);
	}
	dossier_error_clear();
	return sum == (size_t)-1; /* keep `sum` live */
}
