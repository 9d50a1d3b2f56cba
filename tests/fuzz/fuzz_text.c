/*
 * fuzz_text.c — libFuzzer target for the policy-text reader behind
 * `dossier explain --verify-text`: the input is a policy text, checked with
 * dossier_outline_verify_text against the toy scheme's outline (loaded
 * once): normalising the text, finding its articles, parts and annex in
 * order, their items, and every obligation's quote. Run from the
 * repository root.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dossier.h"
#include "fuzz.h"

#define OUTLINE "tests/toy/toy-scheme-2030.xml"

static dossier_outline *outline;

static void free_outline(void)
{
	dossier_outline_free(outline);
	outline = NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *report = NULL;
	size_t problems = 0, sum = 0;
	int zh;
	if (!outline) {
		if (dossier_outline_load(&outline, OUTLINE, "outlines/schema") != 0) {
			fprintf(stderr, "fuzz_text: cannot load %s (run from the repository root)\n", OUTLINE);
			abort();
		}
		atexit(free_outline);
	}
	for (zh = 0; zh < 2; zh++) {
		if (dossier_outline_verify_text(outline, (const char *)data, size, zh, &report,
						&problems) == 0) {
			sum += strlen(report) + problems;
			dossier_free(report);
		}
	}
	dossier_error_clear();
	return sum == (size_t)-1; /* keep `sum` live */
}
