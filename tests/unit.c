/*
 * unit.c — C API tests: exact decimals and units, dates, the unified social
 * credit code, text decoding, and a full load + check of a toy scheme whose
 * outline lives in tests/toy (a new scheme is a data file, no C change).
 *
 * Prints one "ok"/"not ok" line per check and a final "N passed, N failed".
 * Run from the repository root: build/unit
 */
#define _XOPEN_SOURCE 700 /* nftw */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <ftw.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "dossier.h"
#include "util/util.h"
#include "util/num.h"
#include "util/text.h"
#include "layout/boxes.h"
#include "layout/style.h"
#include "doc/doc.h"

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

/* ---------- the whole pipeline under allocation failure ---------- */

#define WALK_OUT "build-walk"  /* under $TMPDIR */

typedef struct {
	char dir[512], rep[560], pdf[600], xml[600], pkg[600], ext[600];
	unsigned char *ref[3];  /* the reference run's outputs */
	size_t reflen[3];
	dossier_outline *o;
	dossier_signer *sg;
	const char *ca;
	long long now;
} walk;

static unsigned char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	unsigned char *b = NULL;
	long len;
	*n = 0;
	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (len = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
	    (b = malloc((size_t)len + 1)) != NULL && fread(b, 1, (size_t)len, f) == (size_t)len)
		*n = (size_t)len;
	fclose(f);
	return b;
}

static int rm_one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	return type == FTW_DP ? rmdir(path) : unlink(path);
}

static void rm_rf(const char *path)
{
	nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* The names in `dir` other than the `nallowed` given; -1 if none. */
static int stray(const char *dir, const char *const *allowed, int nallowed)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int i, found = 0;
	while (d && (de = readdir(d)) != NULL) {
		int ok = !strcmp(de->d_name, ".") || !strcmp(de->d_name, "..");
		for (i = 0; i < nallowed && !ok; i++)
			ok = !strcmp(de->d_name, allowed[i]);
		if (!ok) {
			printf("# stray %s/%s\n", dir, de->d_name);
			found = 1;
		}
	}
	if (d)
		closedir(d);
	return found;
}

/* load, check, build the annual report, write it as PDF and XML, pack the
 * centre with them, verify the package and extract it */
static int pipeline(walk *w)
{
	dossier_load_options lo = DOSSIER_LOAD_OPTIONS_INIT;
	dossier_check_options co = DOSSIER_CHECK_OPTIONS_INIT;
	dossier_pdf_options po = DOSSIER_PDF_OPTIONS_INIT;
	dossier_xml_options xo = DOSSIER_XML_OPTIONS_INIT;
	dossier_pack_options pk = DOSSIER_PACK_OPTIONS_INIT;
	dossier_verify_options vo = DOSSIER_VERIFY_OPTIONS_INIT;
	dossier_centre *c = NULL;
	dossier_report *r = NULL;
	dossier_doc *d = NULL;
	dossier_verify_result *v = NULL;
	int rc;
	lo.schema_dir = "outlines/schema";
	co.as_of = "2026-03-31";
	po.style_path = "templates/gbt9704.style";
	po.fonts_path = "fonts/fonts.conf";
	po.created = xo.created = 1774000000;
	pk.source_date = w->now; /* inside the fresh test certificates' validity */
	pk.reports_dir = w->rep;
	vo.ca_file = w->ca;
	vo.extract_dir = w->ext;
	if ((rc = dossier_centre_load(&c, "tests/toy/centre", &lo)) == 0 &&
	    (rc = dossier_check_run(&r, c, w->o, &co)) == 0 &&
	    (rc = dossier_doc_build(&d, c, w->o, "annual-report")) == 0 &&
	    (rc = dossier_pdf_write(d, w->pdf, &po)) == 0 &&
	    (rc = dossier_xml_write(d, w->xml, &xo)) == 0 &&
	    (rc = dossier_pack_write(w->pkg, c, w->o, r, &w->sg, 1, &pk)) == 0 &&
	    (rc = dossier_verify_run(&v, w->pkg, &vo)) == 0 && !dossier_verify_result_passed(v))
		rc = -100;
	dossier_verify_result_free(v);
	dossier_doc_free(d);
	dossier_report_free(r);
	dossier_centre_free(c);
	return rc;
}

/* What a failed run may leave: each output whole (as in the reference run)
 * or absent; nothing else in the output folder; the extraction folder
 * absent or empty unless verification passed. */
static int outputs_clean(walk *w, int rc)
{
	const char *paths[3] = {w->pdf, w->xml, w->pkg};
	int i, clean = 1;
	for (i = 0; i < 3; i++) {
		size_t n;
		unsigned char *b = slurp(paths[i], &n);
		if (b && (n != w->reflen[i] || memcmp(b, w->ref[i], n) != 0)) {
			printf("# partial or different output %s (rc %d)\n", paths[i], rc);
			clean = 0;
		}
		free(b);
	}
	/* only the three outputs and the extraction folder may exist */
	{
		static const char *const top[] = {"r", "p.asice", "x"};
		static const char *const rep[] = {"annual-report.pdf", "annual-report.xml"};
		if (stray(w->dir, top, 3) || stray(w->rep, rep, 2))
			clean = 0;
	}
	if (rc != 0 && stray(w->ext, NULL, 0)) {
		printf("# extraction left files after a failure (rc %d)\n", rc);
		clean = 0;
	}
	return clean;
}

/* Fail every allocation of the library, one run each (as curl's torture
 * tests do), through the whole pipeline of the toy centre. Each run must
 * end in an error with a message, or succeed; never crash, leak (the
 * sanitizer build's leak check) or leave a partial file. HarfBuzz, libharu,
 * cmark-gfm and OpenSSL allocate with their own allocators and are not
 * failed here (doc/fuzzing.md, "Fault injection"). */
static void test_alloc_pipeline(void)
{
	walk w;
	const char *tmp = getenv("TMPDIR");
	dossier_keygen_options ko = DOSSIER_KEYGEN_OPTIONS_INIT;
	char keys[600], key[700], cert[700], chain[700], ca[700];
	unsigned long n, total, errors = 0, ok = 0;
	int clean = 1, i;
	memset(&w, 0, sizeof w);
	snprintf(w.dir, sizeof w.dir, "%s/dossier-walk-%ld", tmp && *tmp ? tmp : "/tmp", (long)getpid());
	snprintf(w.rep, sizeof w.rep, "%s/r", w.dir);
	snprintf(w.pdf, sizeof w.pdf, "%s/annual-report.pdf", w.rep);
	snprintf(w.xml, sizeof w.xml, "%s/annual-report.xml", w.rep);
	snprintf(w.pkg, sizeof w.pkg, "%s/p.asice", w.dir);
	snprintf(w.ext, sizeof w.ext, "%s/x", w.dir);
	snprintf(keys, sizeof keys, "%s-keys", w.dir);
	snprintf(key, sizeof key, "%s/rsa.key", keys);
	snprintf(cert, sizeof cert, "%s/rsa.pem", keys);
	snprintf(chain, sizeof chain, "%s/chain.pem", keys);
	snprintf(ca, sizeof ca, "%s/trust.pem", keys);
	w.ca = ca;
	w.now = (long long)time(NULL);
	rm_rf(w.dir);
	rm_rf(keys);
	if (mkdir(w.dir, 0700) != 0 || mkdir(w.rep, 0700) != 0 || dossier_keygen(keys, &ko) != 0 ||
	    dossier_signer_load(&w.sg, key, cert, chain, NULL, NULL) != 0 ||
	    dossier_outline_load(&w.o, "tests/toy/toy-scheme-2030.xml", "outlines/schema") != 0) {
		OK(0, "pipeline walk: set-up");
		goto done;
	}
	/* the reference run (also warms the schema cache) */
	if ((i = pipeline(&w)) != 0)
		printf("# reference run: %d %s %s\n", i, dossier_error_last() ? dossier_error_last()->file : "", dossier_error_last() ? dossier_error_last()->msg_en : "");
	OK(i == 0, "pipeline walk: reference run passes");
	for (i = 0; i < 3; i++)
		w.ref[i] = slurp(i == 0 ? w.pdf : i == 1 ? w.xml : w.pkg, &w.reflen[i]);
	rm_rf(w.ext);
	dossier_alloc_fail_at(0);
	pipeline(&w);
	total = dossier_alloc_fail_at(0);
	rm_rf(w.dir);
	mkdir(w.dir, 0700);
	mkdir(w.rep, 0700);
	for (n = 1; n <= total; n++) {
		int rc;
		dossier_error_clear();
		dossier_alloc_fail_at(n);
		rc = pipeline(&w);
		dossier_alloc_fail_at(0);
		if (rc == 0) {
			ok++;
		} else {
			errors++;
			if (!dossier_error_last() || !*dossier_error_last()->msg_en ||
			    !*dossier_error_last()->msg_zh) {
				printf("# allocation %lu: failed (rc %d) with no message\n", n, rc);
				clean = 0;
			}
		}
		if (!outputs_clean(&w, rc)) {
			printf("#   at allocation %lu\n", n);
			clean = 0;
		}
		rm_rf(w.ext);
	}
	printf("# pipeline: %lu allocations; %lu failed cleanly, %lu tolerated\n", total, errors, ok);
	OK(total > 500 && clean, "pipeline walk: every allocation failure handled");
done:
	for (i = 0; i < 3; i++)
		free(w.ref[i]);
	dossier_signer_free(w.sg);
	dossier_outline_free(w.o);
	rm_rf(w.dir);
	rm_rf(keys);
	dossier_error_clear();
}

/* ---------- layout, on boxes, with made-up metrics ---------- */

static long cancel_at; /* the page at which cancel_after says stop */

static int cancel_after(void *ctx)
{
	return --*(long *)ctx <= 0;
}

/* Fake metrics: CJK 1 em, other characters 0.5 em, one font per role;
 * U+2603 (a snowman) is in no font. */
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

static float box_width(const dz_tbox *b)
{
	const unsigned char *p = (const unsigned char *)b->text;
	size_t i = 0;
	float w = 0;
	int n = 0;
	while (i < b->len) {
		uint32_t cp;
		int l = dz_utf8_decode(p + i, b->len - i, &cp);
		if (!l)
			break;
		w += fake_adv(NULL, 0, cp) * b->size + b->cs;
		n++;
		i += (size_t)l;
	}
	return n ? w - b->cs : 0;
}

static int starts_with_closing(const dz_tbox *b)
{
	static const char *const closing[] = {"，", "。", "、", "；", "：", "？", "！", "）", "》", "”", "%"};
	size_t i;
	for (i = 0; i < sizeof closing / sizeof closing[0]; i++)
		if (b->len >= strlen(closing[i]) && !memcmp(b->text, closing[i], strlen(closing[i])))
			return 1;
	return 0;
}

static void test_layout(void)
{
	dossier_load_options lo = DOSSIER_LOAD_OPTIONS_INIT;
	dossier_centre *c = NULL;
	dossier_outline *o = NULL;
	dossier_doc *d = NULL;
	dz_style st;
	dz_layout lay;
	dz_metrics m = {NULL, fake_pick, fake_adv, NULL, NULL, 0};
	size_t i, k, pages_with_rows = 0, pages_with_header = 0, line_starts_bad = 0, outside = 0;
	int numbered_ok = 1;
	lo.schema_dir = "outlines/schema";
	dz_style_defaults(&st);
	OK(dz_style_load(&st, "templates/gbt9704.style") == 0, "GB/T 9704 style loads");
	OK(st.chars_per_line == 28 && st.type_w > 442 && st.type_w < 443, "style: 156 mm, 28 characters");
	if (dossier_outline_load(&o, "tests/toy/toy-scheme-2030.xml", "outlines/schema") ||
	    dossier_centre_load(&c, "tests/toy/long", &lo) ||
	    dossier_doc_build(&d, c, o, "annual-report")) {
		OK(0, "layout fixture loads");
		goto done;
	}
	OK(dz_layout_run(&lay, d, &st, &m, 0) == 0, "layout runs without a PDF library");
	OK(lay.npages >= 5, "cover, contents and several body pages");
	OK(lay.pages[0].number == 0 && lay.pages[lay.body_first].number == 1, "body numbered from 1");
	for (i = lay.body_first; i < lay.npages; i++) {
		const dz_page *pg = &lay.pages[i];
		float x0 = pg->number % 2 ? st.margin_inner : st.page_w - st.margin_inner - st.type_w;
		int rows = 0, header = 0;
		if (pg->number != (int)(i - lay.body_first + 1))
			numbered_ok = 0;
		for (k = 0; k < pg->nt; k++) {
			const dz_tbox *b = &pg->t[k];
			size_t j;
			int first = 1;
			/* is b the leftmost box of its line? */
			for (j = 0; j < pg->nt; j++)
				if (j != k && pg->t[j].y == b->y && pg->t[j].x < b->x)
					first = 0;
			if (b->y > st.page_h - st.margin_top - st.type_h - 1) { /* not the page number */
				if (b->x < x0 - 0.01f || b->x + box_width(b) > x0 + st.type_w + 0.6f)
					outside++;
				if (first && starts_with_closing(b))
					line_starts_bad++;
			}
			if (b->len >= 6 && !memcmp(b->text, "设备", 6))
				rows = 1;
			if (b->len == strlen("金额（万元）") && !memcmp(b->text, "金额（万元）", b->len))
				header = 1;
		}
		pages_with_rows += rows;
		pages_with_header += rows && header;
	}
	OK(numbered_ok, "page numbers follow the pages");
	OK(outside == 0, "every text box inside the type area");
	OK(line_starts_bad == 0, "no line starts with closing punctuation");
	OK(pages_with_rows >= 2, "the 90-row table spans pages");
	OK(pages_with_rows == pages_with_header, "its header row repeats on every page it spans");
	{
		size_t h1 = 0, h2 = 0;
		for (i = 0; i < lay.nmarks; i++) {
			h1 += lay.marks[i].level == 1;
			h2 += lay.marks[i].level == 2;
		}
		OK(h1 == 2 && h2 == 2, "a bookmark for every heading");
		OK(lay.nmarks && (size_t)lay.marks[0].page >= lay.body_first, "bookmarks point into the body");
	}
	/* justified lines reach the right edge of the type area */
	{
		const dz_page *pg = &lay.pages[lay.body_first];
		float x0 = st.margin_inner, best = 0;
		for (k = 0; k < pg->nt; k++) {
			float r = pg->t[k].x + box_width(&pg->t[k]);
			if (r > best)
				best = r;
		}
		OK(best > x0 + st.type_w - 1 && best < x0 + st.type_w + 0.6f, "justified to the right edge");
	}
	{
		/* cancelled at each page in turn (inside the table that spans
		 * pages too): DOSSIER_EINTR every time, never a loop */
		size_t pages = lay.npages, k2;
		int all = 1;
		dz_metrics stop = m;
		dz_layout_dispose(&lay);
		stop.ctx = &cancel_at;
		stop.cancelled = cancel_after;
		for (k2 = 1; k2 <= pages; k2++) {
			cancel_at = (long)k2;
			if (dz_layout_run(&lay, d, &st, &stop, 0) != DOSSIER_EINTR)
				all = 0;
			dz_layout_dispose(&lay);
		}
		OK(all, "layout cancelled at any page stops with DOSSIER_EINTR");
		/* a page limit: DOSSIER_ELIMIT at each count below the length */
		all = 1;
		for (k2 = 1; k2 < pages; k2++) {
			dz_metrics capped = m;
			capped.max_pages = k2;
			int rc2 = dz_layout_run(&lay, d, &st, &capped, 0);
			if (rc2 != DOSSIER_ELIMIT || !strstr(dossier_error_last()->msg_en, "--max-pages")) {
				printf("# max_pages %zu of %zu pages: rc %d\n", k2, pages, rc2);
				all = 0;
			}
			dz_layout_dispose(&lay);
		}
		{
			dz_metrics exact = m;
			exact.max_pages = pages;
			OK(all && dz_layout_run(&lay, d, &st, &exact, 0) == 0,
			   "page limit: over it DOSSIER_ELIMIT, at it the layout runs");
			dz_layout_dispose(&lay);
		}
	}
	/* a character no font has: an error naming it, no layout */
	{
		dz_metrics none = m;
		dossier_doc *d2 = d;
		dz_run *r;
		/* put a snowman into the first paragraph */
		for (i = 0; i < d2->nblocks && d2->blocks[i].kind != DZ_B_PARA; i++)
			;
		if (i < d2->nblocks && d2->blocks[i].nruns) {
			r = &d2->blocks[i].runs[0];
			r->text = "雪人☃来了";
			OK(dz_layout_run(&lay, d2, &st, &none, 0) == DOSSIER_EFONT, "missing glyph fails the layout");
			OK(dossier_error_last() && strstr(dossier_error_last()->msg_en, "U+2603") &&
			   strstr(dossier_error_last()->file, "r-1.md"), "missing glyph error names character and file");
		}
	}
done:
	dossier_doc_free(d);
	dossier_centre_free(c);
	dossier_outline_free(o);
}

#include "unit_office.c"

int main(void)
{
	test_decimals();
	test_dates();
	test_uscc();
	test_decode();
	test_toy_scheme();
	test_alloc_failures();
	test_alloc_pipeline();
	test_layout();
	test_office();
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
