/*
 * fuzz_xlsx.c — libFuzzer target for the workbook reader and the import
 * (src/office/): the input (a package, or parts packed by fuzz_office.h)
 * is read with dz_xlsx_read, every cell looked up through dz_xlsx_cell
 * (merged ranges included) and its format asked; then written to a private
 * scratch file and imported with dossier_xlsx_open and dossier_xlsx_import
 * against outlines/ndrc-engineering-2025.xml (loaded once), writing
 * centre.xml in the scratch directory; every note's strings are read.
 * Limits are set small (4 MiB per part, 20,000 cells) so a run stays fast.
 * Run from the repository root.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dossier.h"
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
	static char path[300], xml[320];
	dossier_office_options o = DOSSIER_OFFICE_OPTIONS_INIT;
	size_t n = 0, sum = 0, i, k;
	unsigned char *pkg;
	dz_opc *p = NULL;
	dz_xlsx *x = NULL;
	if (!outline) {
		if (dossier_outline_load(&outline, OUTLINE, SCHEMA_DIR) != 0) {
			fprintf(stderr, "fuzz_xlsx: cannot load %s (run from the repository root)\n", OUTLINE);
			abort();
		}
		atexit(free_outline);
		snprintf(path, sizeof path, "%s/book.xlsx", fz_tmpdir());
		snprintf(xml, sizeof xml, "%s/centre.xml", fz_tmpdir());
	}
	o.schema_dir = SCHEMA_DIR;
	o.max_part = 4u << 20;
	o.max_total = 16u << 20;
	o.max_cells = 20000;
	o.max_strings = 20000;
	pkg = fz_package(data, size, &n);
	if (!pkg)
		return 0;
	if (dz_opc_open_mem(&p, pkg, n, "book.xlsx", &o) == 0 && dz_xlsx_read(&x, p) == 0) {
		for (i = 0; i < x->nsheets; i++) {
			const dz_xsheet *s = &x->sheets[i];
			for (k = 0; k < s->ncells; k++) {
				const dz_xcell *c = dz_xlsx_cell(s, s->cells[k].row, s->cells[k].col);
				if (c != &s->cells[k])
					abort(); /* a cell is its own position */
				sum += strlen(c->text) + dz_xlsx_fmt(x, c)->decimals;
			}
			for (k = 0; k < s->ncovered; k++)
				sum += dz_xlsx_cell(s, s->covered[k].row, s->covered[k].col) != NULL;
		}
		dz_xlsx_free(x);
	}
	dz_opc_close(p);
	fz_write(path, pkg, n);
	free(pkg);
	{
		dossier_workbook *wb = NULL;
		dossier_report *notes = NULL;
		if (dossier_xlsx_open(&wb, path, &o) == 0) {
			int rc = dossier_xlsx_import(&notes, wb, outline, xml);
			if (rc == 0 && !notes)
				abort();
			sum += fz_read_report(notes) + strlen(dossier_xlsx_scheme(wb));
			dossier_report_free(notes);
			dossier_xlsx_free(wb);
		}
	}
	dossier_error_clear();
	return sum == (size_t)-1;
}
