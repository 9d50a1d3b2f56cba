/*
 * fuzz_outline.c — libFuzzer target for dossier_outline_load (check/
 * outline.c): the input is written as an outline file in a private scratch
 * directory and loaded against outlines/schema/outline.xsd, which parses it,
 * validates it and compiles every XPath and pattern it holds.
 * Run from the repository root.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "dossier.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[300];
	dossier_outline *o = NULL;
	size_t sum = 0;
	if (!path[0])
		snprintf(path, sizeof path, "%s/outline.xml", fz_tmpdir());
	fz_write(path, data, size);
	if (dossier_outline_load(&o, path, "outlines/schema") == 0) {
		sum = strlen(dossier_outline_id(o)) + strlen(dossier_outline_source(o));
		dossier_outline_free(o);
	}
	dossier_error_clear();
	return sum == (size_t)-1; /* keep `sum` live */
}
