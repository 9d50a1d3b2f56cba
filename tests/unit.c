/*
 * unit.c — C API tests: exact decimals and units, dates, the unified social
 * credit code, text decoding, and a full load + check of a toy scheme whose
 * outline lives in tests/toy (a new scheme is a data file, no C change).
 *
 * Prints one "ok"/"not ok" line per check and a final "N passed, N failed".
 * Run from the repository root: build/unit
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dossier.h"
#include "util/util.h"
#include "util/num.h"
#include "util/text.h"

static int passed, failed;

#define OK(cond, name)                                                        \
	do {                                                                  \
		if (cond) {                                                   \
			passed++;                                             \
		} else {                                                      \
			failed++;                                             \
			printf("not ok - %s (%s:%d)\n", name, __FILE__, __LINE__); \
		}                                                             \
	} while (0)

static void test_decimals(void)
{
	int64_t v;
	dz_num n;
	char buf[64];
	OK(dz_dec_parse(&v, "8,560.50") == 0 && v == 8560500000LL, "decimal with comma");
	OK(dz_dec_parse(&v, "-3") == 0 && v == -3000000LL, "negative");
	OK(dz_dec_parse(&v, "1.1234567") == -3, "too many decimals");
	OK(dz_dec_parse(&v, "12a") == -1, "junk");
	OK(dz_dec_parse(&v, "") == -1, "empty");
	OK(dz_dec_parse(&v, "99999999999999999999") == -2, "overflow");
	OK(dz_num_parse_literal(&n, "1000万元") == 0 && n.dim == DZ_DIM_MONEY &&
	   n.v == 10000000LL * DZ_SCALE, "literal 1000万元 in yuan");
	OK(dz_num_parse_literal(&n, "80%") == 0 && n.dim == DZ_DIM_SHARE, "literal share");
	OK(dz_num_parse_literal(&n, "5 furlongs") != 0, "unknown unit");
	/* 0.1 + 0.2 == 0.3 exactly, unlike binary floating point */
	{
		int64_t a, b, c;
		dz_dec_parse(&a, "0.1");
		dz_dec_parse(&b, "0.2");
		dz_dec_parse(&c, "0.3");
		OK(a + b == c, "exact decimal sum");
	}
	dz_num_from(&n, 123456789000LL, "万元");
	dz_num_format(buf, sizeof buf, n.v, "万元");
	OK(!strcmp(buf, "123,456.789 万元"), "format with thousands and decimals");
	dz_num_format(buf, sizeof buf, -5 * DZ_SCALE, "");
	OK(!strcmp(buf, "-5"), "format negative plain");
	OK(dz_ratio_cmp(83, 100, 80, 100) > 0 && dz_ratio_cmp(79, 100, 80, 100) < 0 &&
	   dz_ratio_cmp(INT64_MAX / 2, INT64_MAX / 3, 3, 2) == 0, "exact ratio compare");
}

static void test_dates(void)
{
	long d, e;
	char buf[16];
	OK(dz_date_parse(&d, "2025-12-31") == 0, "parse date");
	OK(dz_date_add(&e, d, "P3M") == 0 && (dz_date_format(buf, sizeof buf, e), !strcmp(buf, "2026-03-31")),
	   "add 3 months");
	dz_date_parse(&d, "2025-11-30");
	dz_date_add(&e, d, "P3M");
	dz_date_format(buf, sizeof buf, e);
	OK(!strcmp(buf, "2026-02-28"), "month end clamps");
	dz_date_parse(&d, "2024-02-29");
	dz_date_add(&e, d, "P1Y");
	dz_date_format(buf, sizeof buf, e);
	OK(!strcmp(buf, "2025-02-28"), "leap day plus a year");
	dz_date_parse(&d, "2026-03-01");
	dz_date_add(&e, d, "-P1D");
	dz_date_format(buf, sizeof buf, e);
	OK(!strcmp(buf, "2026-02-28"), "minus a day");
	OK(dz_date_parse(&d, "2025-02-30") != 0 && dz_date_parse(&d, "2025-13-01") != 0 &&
	   dz_date_parse(&d, "20251231") != 0, "invalid dates");
	OK(dz_date_add(&e, d, "3M") != 0 && dz_date_add(&e, d, "P") != 0, "invalid durations");
}

static void test_uscc(void)
{
	OK(dz_uscc_valid("91110000600037341L"), "valid USCC");
	OK(!dz_uscc_valid("91110000600037341M"), "wrong check character");
	OK(!dz_uscc_valid("9111000060003734"), "short USCC");
	OK(!dz_uscc_valid("9111000060003734IL"), "letter I not allowed");
}

static void test_decode(void)
{
	char *out;
	size_t len;
	const char *used;
	const dossier_error *e;
	/* UTF-8 with BOM */
	OK(dz_decode(&out, &len, &used, "\xEF\xBB\xBF中心", 9, NULL, "t", 0) == 0 &&
	   !strcmp(out, "中心") && !strcmp(used, "UTF-8"), "UTF-8 BOM stripped");
	dz_free(out);
	/* GB18030 "中心" = D6 D0 D0 C4 */
	OK(dz_decode(&out, &len, &used, "\xD6\xD0\xD0\xC4", 4, NULL, "t", 0) == 0 &&
	   !strcmp(out, "中心") && !strcmp(used, "GB18030"), "GB18030 detected");
	dz_free(out);
	/* UTF-16LE with BOM */
	OK(dz_decode(&out, &len, &used, "\xFF\xFE\x2D\x4E\xC3\x5F", 6, NULL, "t", 0) == 0 &&
	   !strcmp(out, "中心"), "UTF-16LE BOM");
	dz_free(out);
	/* invalid UTF-8 in XML: error with line and column */
	OK(dz_decode(&out, &len, &used, "<a>\n中\xFF</a>", 10, NULL, "f.xml", 1) == DOSSIER_EENCODING,
	   "invalid byte in XML");
	e = dossier_error_last();
	OK(e && e->line == 2 && e->column == 2, "invalid byte line and column");
	/* declared GB18030 with an invalid sequence */
	OK(dz_decode(&out, &len, &used, "ab\n\x81", 4, "GBK", "f.md", 0) == DOSSIER_EENCODING,
	   "truncated GB18030 sequence");
	e = dossier_error_last();
	OK(e && e->line == 2, "GB18030 error line");
	OK(dz_decode(&out, &len, &used, "x", 1, "EBCDIC", "f.md", 0) == DOSSIER_EUSAGE,
	   "unsupported declared encoding");
	/* NUL byte is binary, not text */
	OK(dz_decode(&out, &len, &used, "a\0b", 3, NULL, "f.md", 0) != 0, "NUL rejected");
}

static void test_toy_scheme(void)
{
	dossier_load_options lo = DOSSIER_LOAD_OPTIONS_INIT;
	dossier_check_options co = DOSSIER_CHECK_OPTIONS_INIT;
	dossier_centre *c = NULL;
	dossier_outline *o = NULL;
	dossier_report *r = NULL;
	lo.schema_dir = "outlines/schema";
	OK(dossier_outline_load(&o, "tests/toy/toy-scheme-2030.xml", "outlines/schema") == 0,
	   "toy outline loads");
	OK(o && !strcmp(dossier_outline_id(o), "toy-scheme-2030"), "toy outline id");
	OK(dossier_centre_load(&c, "tests/toy/centre", &lo) == 0, "toy centre loads");
	OK(c && !strcmp(dossier_centre_scheme(c), "toy-scheme-2030"), "toy centre scheme");
	if (c && o) {
		OK(dossier_check_run(&r, c, o, &co) == 0, "toy check runs");
		OK(dossier_report_count(r) == 0, "toy centre is complete");
		if (r && dossier_report_count(r)) {
			size_t i;
			for (i = 0; i < dossier_report_count(r); i++)
				printf("# %s %s\n", dossier_report_get(r, i)->rule,
				       dossier_report_get(r, i)->msg_en);
		}
	}
	dossier_report_free(r);
	dossier_centre_free(c);
	dossier_outline_free(o);
	/* a broken outline fails at load with file and line */
	OK(dossier_outline_load(&o, "tests/toy/broken-outline.xml", "outlines/schema") == DOSSIER_EOUTLINE,
	   "broken outline rejected");
	OK(dossier_error_last() && dossier_error_last()->line > 0, "broken outline names a line");
}

/* Every allocation of a load + check may fail; each must end in a clean
 * error, never a crash or a leak (the sanitizer build checks the leaks). */
static void test_alloc_failures(void)
{
	unsigned long n, total;
	int clean = 1;
	dossier_load_options lo = DOSSIER_LOAD_OPTIONS_INIT;
	dossier_check_options co = DOSSIER_CHECK_OPTIONS_INIT;
	dossier_outline *o = NULL;
	dossier_centre *c = NULL;
	dossier_report *r = NULL;
	lo.schema_dir = "outlines/schema";
	/* warm the schema cache so its allocations are not counted */
	dossier_outline_load(&o, "tests/toy/toy-scheme-2030.xml", "outlines/schema");
	dossier_centre_load(&c, "tests/toy/centre", &lo);
	dossier_centre_free(c);
	dossier_alloc_fail_at(0);
	dossier_centre_load(&c, "tests/toy/centre", &lo);
	dossier_check_run(&r, c, o, &co);
	total = dossier_alloc_fail_at(0);
	dossier_report_free(r);
	dossier_centre_free(c);
	for (n = 1; n <= total; n++) {
		int rc;
		c = NULL;
		r = NULL;
		dossier_alloc_fail_at(n);
		rc = dossier_centre_load(&c, "tests/toy/centre", &lo);
		if (rc == 0)
			rc = dossier_check_run(&r, c, o, &co);
		dossier_alloc_fail_at(0);
		if (rc == 0 && (!c || !r))
			clean = 0;
		dossier_report_free(r);
		dossier_centre_free(c);
	}
	dossier_outline_free(o);
	printf("# %lu allocations, clean=%d\n", total, clean);
	OK(total > 20 && clean, "every allocation failure handled");
}

int main(void)
{
	test_decimals();
	test_dates();
	test_uscc();
	test_decode();
	test_toy_scheme();
	test_alloc_failures();
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
