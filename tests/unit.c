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
#include "util/tpl.h"
/* the outline's dz_rule and the layout's are different types of the same
 * name, never in one file of the library: rename the first here */
#define dz_rule dz_outline_rule
#include "model.h"
#include "check/check_int.h"
#undef dz_rule
#include "layout/boxes.h"
#include "layout/style.h"
#include "doc/doc.h"
#include "doc/review_int.h"
#include "check/cite.h"
#include "pack/pack_int.h"
#include <utf8proc.h>

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


static void test_citations(void)
{
	dz_cite c[8];
	size_t n;
	const char *p;
	int v;
	p = "二十三";
	OK(dz_cite_number(&p, &v) && v == 23 && !*p, "Chinese numeral 二十三");
	p = "十";
	OK(dz_cite_number(&p, &v) && v == 10, "Chinese numeral 十");
	p = "一百零五";
	OK(dz_cite_number(&p, &v) && v == 105, "Chinese numeral 一百零五");
	OK(dz_cite_parse("第十八条第二款", c, 8, &n) == 0 && n == 1 && c[0].kind == DZ_CITE_ARTICLE &&
	   c[0].n == 18 && c[0].para == 2 && c[0].item == 0, "article and paragraph");
	OK(dz_cite_parse("第五条（三）、第二十三条（一）", c, 8, &n) == 0 && n == 2 &&
	   c[0].n == 5 && c[0].item == 3 && c[1].n == 23 && c[1].item == 1, "two articles with items");
	OK(dz_cite_parse("第十条第四项", c, 8, &n) == 0 && n == 1 && c[0].n == 10 && c[0].item == 4,
	   "item written 第四项");
	OK(dz_cite_parse("附件四", c, 8, &n) == 0 && n == 1 && c[0].kind == DZ_CITE_ANNEX && c[0].n == 4,
	   "annex item");
	OK(dz_cite_parse("附件第四部分", c, 8, &n) == 0 && n == 1 && c[0].kind == DZ_CITE_ANNEX && c[0].n == 4,
	   "annex part written 附件第四部分");
	OK(dz_cite_parse("附件第九部分、第十八条", c, 8, &n) == 0 && n == 2 && c[0].n == 9 &&
	   c[1].kind == DZ_CITE_ARTICLE && c[1].n == 18, "annex part, then an article");
	OK(dz_cite_parse("附件第四", c, 8, &n) != 0, "附件第四 without 部分 is refused");
	OK(dz_cite_parse("附件", c, 8, &n) == 0 && n == 1 && c[0].kind == DZ_CITE_ANNEX && c[0].n == 0,
	   "the annex");
	OK(dz_cite_parse("六（四）", c, 8, &n) == 0 && n == 1 && c[0].kind == DZ_CITE_PART &&
	   c[0].n == 6 && c[0].item == 4, "part of a guideline");
	OK(dz_cite_parse("第十七条第一款（提纲参照1747号附件）", c, 8, &n) == 0 && n == 1 &&
	   c[0].n == 17 && c[0].para == 1 && c[0].item == 0, "a note is not an item");
	OK(dz_cite_parse("材料要求", c, 8, &n) != 0, "not a citation: 材料要求");
	OK(dz_cite_parse("第五条（三", c, 8, &n) != 0, "unclosed item");
	OK(dz_cite_parse("", c, 8, &n) != 0, "empty citation");
	OK(dz_cite_parse("第条", c, 8, &n) != 0, "article without number");
}

static void test_normalise(void)
{
	char out[64], unit[32];
	OK(dz_num_canon("5,000.00", out, sizeof out, unit, sizeof unit) && !strcmp(out, "5000.00") &&
	   !*unit, "thousands separator removed");
	OK(dz_num_canon(" 1,234.5万元 ", out, sizeof out, unit, sizeof unit) &&
	   !strcmp(out, "1234.5") && !strcmp(unit, "万元"), "unit split off");
	OK(dz_num_canon("１２３", out, sizeof out, unit, sizeof unit) && !strcmp(out, "123"),
	   "full-width digits");
	OK(dz_num_canon("12.5％", out, sizeof out, unit, sizeof unit) && !strcmp(out, "12.5") &&
	   !strcmp(unit, "%"), "full-width percent");
	OK(dz_num_canon("-1，000", out, sizeof out, unit, sizeof unit) && !strcmp(out, "-1000"),
	   "full-width comma, negative");
	OK(!dz_num_canon("1,00", out, sizeof out, unit, sizeof unit), "bad grouping refused");
	OK(!dz_num_canon("1234,567", out, sizeof out, unit, sizeof unit), "first group too long");
	OK(!dz_num_canon("3号楼", out, sizeof out, unit, sizeof unit), "not a unit");
	OK(!dz_num_canon("1,2-二氯乙烷", out, sizeof out, unit, sizeof unit), "chemical name");
	OK(!dz_num_canon("5.", out, sizeof out, unit, sizeof unit), "trailing point");
}

/* Write `xml` as an outline file and load it; returns the load status. */
static int load_text_outline(const char *xml, dossier_outline **o)
{
	const char *path = "build/unit-outline.xml";
	FILE *f = fopen(path, "w");
	int rc;
	if (!f)
		return -1;
	fputs(xml, f);
	fclose(f);
	rc = dossier_outline_load(o, path, "outlines/schema");
	remove(path);
	return rc;
}

#define MINI_HEAD \
	"<outline id=\"mini\" version=\"2\"><scheme><title>t</title><title-en>t</title-en>" \
	"<source doc=\"玩〔2030〕2号\" short=\"玩2号\">办法</source></scheme>" \
	"<text><article n=\"一\">第一条</article><article n=\"二\" items=\"一 二 四\">第二条</article></text>" \
	"<stages><stage id=\"s\" title=\"阶段\" title-en=\"stage\" article=\"第一条\" from=\"甲\" to=\"乙\" documents=\"d\"/></stages>" \
	"<documents><document id=\"d\" kind=\"report\" title=\"报告\" title-en=\"report\" article=\"第一条\">" \
	"<section id=\"s1\" title=\"一\" title-en=\"one\"/></document></documents>"
#define MINI_RULE(ob, extra) \
	"<rules><rule id=\"R1\" kind=\"assert\" ob=\"" ob "\" test=\"true()\" " extra ">" \
	"<zh>z</zh><en>e</en><fix-zh>f</fix-zh><fix-en>f</fix-en></rule></rules></outline>"

static void test_matrix(void)
{
	dossier_outline *o = NULL;
	char *out = NULL;
	OK(load_text_outline(MINI_HEAD "<obligations><obligation id=\"O1\" article=\"第二条（四）\" stages=\"s\" "
			     "actor=\"甲\" strength=\"requires\"><quote>q</quote></obligation></obligations>"
			     MINI_RULE("O1", ""), &o) == 0, "a complete matrix loads");
	if (o) {
		OK(dossier_outline_explain(o, DOSSIER_EXPLAIN_JSON, 0, NULL, &out) == 0 && out &&
		   strstr(out, "\"id\":\"O1\"") && strstr(out, "\"rules\":[\"R1\"]") &&
		   strstr(out, "\"citation\":\"玩2号 第二条（四）\""), "explain JSON names the rule and citation");
		dossier_free(out);
		out = NULL;
		{
			const char *text = "第一条 总则。\n第二条 要求如下：（一）甲；（二）乙；（四）q。\n";
			size_t problems = 9;
			OK(dossier_outline_verify_text(o, text, strlen(text), 0, &out, &problems) == 0 &&
			   problems == 0, "verify-text: inventory and quote match");
			dossier_free(out);
			out = NULL;
			text = "第一条 总则。\n第二条 要求如下：（一）甲；（二）乙；（三）丙；（四）r。\n第三条 施行。\n";
			OK(dossier_outline_verify_text(o, text, strlen(text), 0, &out, &problems) == 0 &&
			   problems == 3, "verify-text: a missing item, an extra article and a changed quote");
			dossier_free(out);
		}
		dossier_outline_free(o);
		o = NULL;
	}
	OK(load_text_outline(MINI_HEAD "<obligations><obligation id=\"O1\" article=\"第二条（三）\" stages=\"s\" "
			     "actor=\"甲\" strength=\"requires\"><quote>q</quote></obligation></obligations>"
			     MINI_RULE("O1", ""), &o) == DOSSIER_EOUTLINE &&
	   strstr(dossier_error_last()->msg_en, "no such item"), "a cited item the text lacks is refused");
	OK(load_text_outline(MINI_HEAD "<obligations><obligation id=\"O1\" article=\"材料要求\" stages=\"s\" "
			     "actor=\"甲\" strength=\"requires\"><quote>q</quote></obligation></obligations>"
			     MINI_RULE("O1", ""), &o) == DOSSIER_EOUTLINE, "a citation that is not an article is refused");
	OK(load_text_outline(MINI_HEAD "<obligations><obligation id=\"O1\" article=\"第一条\" stages=\"s\" "
			     "actor=\"甲\" strength=\"recommends\"><quote>q</quote></obligation></obligations>"
			     MINI_RULE("O1", "severity=\"error\""), &o) == DOSSIER_EOUTLINE &&
	   strstr(dossier_error_last()->msg_en, "stricter"), "an error on a recommendation is refused");
	OK(load_text_outline(MINI_HEAD "<obligations><obligation id=\"O1\" article=\"第一条\" stages=\"s\" "
			     "actor=\"甲\" strength=\"requires\"><quote>q</quote></obligation>"
			     "<obligation id=\"O2\" article=\"第一条\" stages=\"s\" actor=\"甲\" strength=\"requires\">"
			     "<quote>q</quote></obligation></obligations>"
			     MINI_RULE("O1", ""), &o) == DOSSIER_EOUTLINE &&
	   strstr(dossier_error_last()->msg_en, "O2"), "an obligation nothing enforces is refused");
	OK(load_text_outline(MINI_HEAD "<obligations><obligation id=\"O1\" stages=\"s\" "
			     "actor=\"甲\" strength=\"practice\"><source>惯例</source></obligation></obligations>"
			     MINI_RULE("O1", "severity=\"warning\""), &o) == 0, "a practice rule at warning loads");
	dossier_outline_free(o);
	o = NULL;
	OK(load_text_outline(MINI_HEAD "<obligations><obligation id=\"O1\" stages=\"nostage\" "
			     "actor=\"甲\" strength=\"practice\"><source>惯例</source></obligation></obligations>"
			     MINI_RULE("O1", ""), &o) == DOSSIER_EOUTLINE, "an undefined stage is refused");
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
	dz_metrics m = {NULL, fake_pick, fake_adv, NULL, NULL, 0, NULL};
	size_t i, k, pages_with_rows = 0, pages_with_header = 0, line_starts_bad = 0, outside = 0;
	int numbered_ok = 1;
	lo.schema_dir = "outlines/schema";
	dz_style_defaults(&st);
	OK(dz_style_load(&st, "templates/gbt9704.style") == 0, "GB/T 9704 style loads");
	OK(st.chars_per_line == 28 && st.type_w > 442 && st.type_w < 443, "style: 156 mm, 28 characters");
	OK(!strcmp(st.caption_format, "表%d　"), "style: a quoted value keeps its trailing 　");
	OK(dz_style_number_format("Table %d ") && !dz_style_number_format("表%s") &&
	   !dz_style_number_format("%d%d") && !dz_style_number_format("表%%d") && !dz_style_number_format("表"),
	   "style: a number format holds exactly one %d");
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

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* dz_sort on every small size and on orders that hurt a quicksort, and the
 * name clashes the verifier and the writer both rely on */
static void test_sort_and_clashes(void)
{
	int v[300];
	size_t n, i;
	int sorted = 1;
	unsigned seed = 1;
	for (n = 0; n <= 300; n += (n < 20 ? 1 : 37)) {
		for (i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			v[i] = n % 3 == 0 ? (int)(seed >> 16) % 7 : n % 3 == 1 ? (int)(n - i) : (int)(seed >> 8);
		}
		dz_sort(v, n, sizeof v[0], cmp_int);
		for (i = 1; i < n; i++)
			if (v[i - 1] > v[i])
				sorted = 0;
	}
	OK(sorted, "dz_sort sorts random, reversed and many-equal arrays");
	{
		/* the fast paths of NFC and folding (ASCII, CJK, below U+0300)
		 * give what utf8proc gives */
		static const char *const str[] = {
			"evidence/ABC-def.pdf", "\xe8\xaf\x81\xe6\x98\x8e/\xe4\xba\xba\xe5\x91\x98 AB.pdf",
			"caf\xc3\xa9", "Stra\xc3\x9f" "e", "e\xcc\x81", "\xc3\x80\xc3\x89\xe4\xb8\xad",
			"\xe3\x81\x8b\xe3\x82\x99", "\xef\xa4\x80", "\xea\xb0\x80", "\xce\xa3\xcf\x82"};
		size_t k;
		int same = 1;
		for (k = 0; k < sizeof str / sizeof str[0]; k++) {
			int f;
			for (f = 0; f < 2; f++) {
				char *mine = NULL;
				utf8proc_uint8_t *ref = NULL;
				utf8proc_option_t o = UTF8PROC_STABLE | UTF8PROC_COMPOSE |
						      (f ? UTF8PROC_CASEFOLD : 0);
				int rc = f ? dz_name_fold(&mine, str[k], strlen(str[k]))
					   : dz_name_nfc(&mine, str[k], strlen(str[k]));
				utf8proc_map((const utf8proc_uint8_t *)str[k], 0, &ref, o | UTF8PROC_NULLTERM);
				if (rc || !ref || strcmp(mine, (const char *)ref)) {
					same = 0;
					printf("# %s of string %zu differs\n", f ? "fold" : "NFC", k);
				}
				dz_free(mine);
				free(ref);
			}
		}
		OK(same, "NFC and case folding equal utf8proc's on ASCII, CJK, Latin, kana, Hangul");
	}
	{
		static const struct {
			const char *names[5];
			size_t n;
			dz_clash_kind kind;
			size_t a, b;
		} t[] = {
			{{"a.pdf", "b.pdf", "c/d.pdf"}, 3, DZ_CLASH_NONE, 0, 0},
			{{"x/a.pdf", "x/b.pdf", "x/a.pdf"}, 3, DZ_CLASH_EXACT, 0, 2},
			{{"x/A.pdf", "y", "x/a.pdf"}, 3, DZ_CLASH_FOLDED, 0, 2},
			{{"Stra\xc3\x9f" "e", "strasse"}, 2, DZ_CLASH_FOLDED, 0, 1},
			{{"a/b", "a-b", "a!b", "a"}, 4, DZ_CLASH_FOLDER, 3, 0},
			{{"A", "z", "a/b/c"}, 3, DZ_CLASH_FOLDER, 0, 2},
			/* the first clash in list order wins: b/c (3) before the dup (4) */
			{{"b", "q", "x", "b/c", "q"}, 5, DZ_CLASH_FOLDER, 0, 3},
		};
		size_t k;
		for (k = 0; k < sizeof t / sizeof t[0]; k++) {
			dz_name_clash c;
			int rc = dz_name_clashes(&c, t[k].names, t[k].n);
			char what[64];
			snprintf(what, sizeof what, "name clash case %zu", k);
			OK(rc == 0 && c.kind == t[k].kind &&
			   (c.kind == DZ_CLASH_NONE || (c.a == t[k].a && c.b == t[k].b)), what);
		}
	}
}

/* References as authors type them (util/tpl.h): what is filled in, what
 * is reported, and where each ends. */
static void test_references(void)
{
	static const struct {
		const char *text;
		dz_tpl_kind kind;
		const char *id;     /* NULL: none */
		const char *rest;   /* the text after the reference */
	} cases[] = {
		{"人员{{fig:rd_staff}}人", DZ_TPL_FIG, "rd_staff", "人"},
		{"{{ fig:rd_staff }}", DZ_TPL_FIG, "rd_staff", ""},
		{"｛｛fig：rd_staff｝｝。", DZ_TPL_FIG, "rd_staff", "。"},
		{"{｛　FIG : rd_staff　｝}", DZ_TPL_FIG, "rd_staff", ""},
		{"{{Table:funding}}", DZ_TPL_TABLE, "funding", ""},
		{"{{figure:rd_staff}}x", DZ_TPL_UNKNOWN, "rd_staff", "x"},
		{"{{fig rd_staff}}", DZ_TPL_UNKNOWN, NULL, ""},
		{"{{fig:}}", DZ_TPL_UNKNOWN, NULL, ""},
		{"{{fig:a {{fig:b}}", DZ_TPL_UNCLOSED, NULL, "fig:a {{fig:b}}"},
		{"{{fig:rd_staff", DZ_TPL_UNCLOSED, NULL, "fig:rd_staff"},
	};
	size_t i;
	dz_tpl t;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char name[160];
		int ok = dz_tpl_next(cases[i].text, &t) && t.kind == cases[i].kind &&
			 !strcmp(t.end, cases[i].rest) &&
			 (cases[i].id ? t.id && t.id_len == strlen(cases[i].id) &&
					!memcmp(t.id, cases[i].id, t.id_len)
				      : t.kind == DZ_TPL_UNCLOSED || !t.id);
		snprintf(name, sizeof name, "reference scanner: %s", cases[i].text);
		OK(ok, name);
	}
	OK(!dz_tpl_next("{fig:x} 与 { 与 } 之外", &t),
	   "single braces are text");
	OK(!dz_tpl_next("没有引用", &t), "no reference");
}

/* Message templates (doc/outline-format.md, "Messages"). */
static void test_templates(void)
{
	dz_vars vs;
	char bad[40], *t;
	memset(&vs, 0, sizeof vs);
	dz_var2(&vs, "ref", "fig:x", "fig:x");
	dz_var2(&vs, "problem", "缺失", "is missing");
	t = dz_template_expand("引用 {{{ref}}} {problem}，\\{ref\\} 与 \\\\ 与 {x:y}", &vs, 1);
	OK(t && !strcmp(t, "引用 {{fig:x}} 缺失，{ref} 与 \\ 与 {x:y}"), "expansion and escapes");
	dz_free(t);
	t = dz_template_expand("{problem}", &vs, 0);
	OK(t && !strcmp(t, "is missing"), "English value");
	dz_free(t);
	OK(dz_template_check("引用 {ref} {problem}", DZ_K_REFS, bad, sizeof bad) == 0,
	   "template with the kind's placeholders");
	OK(dz_template_check("{value} {refs}", DZ_K_REFS, bad, sizeof bad) == -1 &&
	   !strcmp(bad, "{value}"), "placeholder of another kind refused, named");
	OK(dz_template_check("\\{value} {{fig:字段}}", DZ_K_REFS, bad, sizeof bad) == 0,
	   "escaped and non-name braces are text");
}
#include "unit_office.c"

/* ---------- the review report ---------- */

/* Build a review of a sample and an unreadable input, its document and
 * its HTML; 0, or the first error code. */
static int review_run(const dossier_centre *c, const dossier_outline *o, const dossier_report *r,
		      const char *html, size_t *nblocks)
{
	dossier_review_options ro = DOSSIER_REVIEW_OPTIONS_INIT;
	dossier_review *rv = NULL;
	dossier_doc *d = NULL;
	dossier_error e;
	int rc;
	memset(&e, 0, sizeof e);
	e.code = DOSSIER_EPARSE;
	e.file = "broken/centre.xml";
	e.line = 3;
	e.msg_zh = "XML 格式错误";
	e.msg_en = "malformed XML";
	e.hint_zh = e.hint_en = "";
	ro.created = 1774000000;
	if ((rc = dossier_review_new(&rv, &ro)) == 0 &&
	    (rc = dossier_review_add(rv, "samples/x", c, o, r)) == 0 &&
	    (rc = dossier_review_add_unreadable(rv, "broken", "parse", &e)) == 0 &&
	    (rc = dossier_review_doc(&d, rv)) == 0)
		rc = dossier_review_html_write(rv, html);
	if (nblocks)
		*nblocks = d ? d->nblocks : 0;
	dossier_doc_free(d);
	dossier_review_free(rv);
	return rc;
}

static void test_review(void)
{
	static const struct { size_t n; const char *cn; } nums[] = {
		{1, "一"}, {10, "十"}, {12, "十二"}, {20, "二十"}, {21, "二十一"}, {100, "一百"},
		{105, "一百零五"}, {110, "一百一十"}, {1001, "一千零一"}, {9999, "九千九百九十九"},
		{10000, "10000"}};
	dossier_load_options lo = DOSSIER_LOAD_OPTIONS_INIT;
	dossier_check_options co = DOSSIER_CHECK_OPTIONS_INIT;
	dossier_centre *c = NULL;
	dossier_outline *o = NULL;
	dossier_report *r = NULL;
	char buf[64], html[600], *text;
	const char *tmp = getenv("TMPDIR");
	size_t i, len, nb = 0;
	unsigned long n, total, failed_ok = 0, bad = 0;
	for (i = 0; i < sizeof nums / sizeof nums[0]; i++) {
		dz_cn_number(buf, sizeof buf, nums[i].n);
		OK(!strcmp(buf, nums[i].cn), nums[i].cn);
	}
	OK(dz_pct2(buf, sizeof buf, 1, 3) && !strcmp(buf, "33.33"), "pct2 1/3");
	OK(dz_pct2(buf, sizeof buf, 2, 3) && !strcmp(buf, "66.67"), "pct2 2/3 rounds up");
	OK(dz_pct2(buf, sizeof buf, 1, 8) && !strcmp(buf, "12.50"), "pct2 1/8");
	OK(dz_pct2(buf, sizeof buf, -1, 8) && !strcmp(buf, "-12.50"), "pct2 -1/8");
	OK(dz_pct2(buf, sizeof buf, 1, 80000) && !strcmp(buf, "0.00"), "pct2 1/80000");
	OK(dz_pct2(buf, sizeof buf, 1, 20000) && !strcmp(buf, "0.01"), "pct2 half away from zero");
	OK(dz_pct2(buf, sizeof buf, 1, 20001) && !strcmp(buf, "0.00"), "pct2 just under a half");
	OK(dz_pct2(buf, sizeof buf, -1, 20000) && !strcmp(buf, "-0.01"), "pct2 negative half away from zero");
	OK(!dz_pct2(buf, sizeof buf, 1, 0), "pct2 of zero: none");
	lo.schema_dir = "outlines/schema";
	snprintf(html, sizeof html, "%s/dossier-review-%ld.html", tmp && *tmp ? tmp : "/tmp", (long)getpid());
	if (dossier_outline_load(&o, "outlines/ndrc-engineering-2025.xml", "outlines/schema") != 0 ||
	    dossier_centre_load(&c, "samples/ndrc-engineering-2025", &lo) != 0 ||
	    dossier_check_run(&r, c, o, &co) != 0) {
		OK(0, "review: set-up");
		goto done;
	}
	OK(review_run(c, o, r, html, &nb) == 0, "review: model, document and HTML");
	OK(nb > 8, "review: the document has the summary and a chapter per input");
	text = (char *)slurp(html, &len);
	OK(text && strstr(text, "data-rule=\"ENG-ID-06\"") && strstr(text, "data-reason=\"parse\"") &&
	   strstr(text, "<td data-key=\"errors\" class=\"num\" data-value=\"-1\">"), "review: HTML content");
	free(text);
	/* every allocation fails in turn: a clean error, never a half-written file */
	dossier_alloc_fail_at(0);
	review_run(c, o, r, html, NULL);
	total = dossier_alloc_fail_at(0);
	for (n = 1; n <= total; n++) {
		int rc;
		unlink(html);
		dossier_error_clear();
		dossier_alloc_fail_at(n);
		rc = review_run(c, o, r, html, NULL);
		dossier_alloc_fail_at(0);
		if (rc == 0)
			continue;
		failed_ok++;
		if (rc != DOSSIER_ENOMEM || access(html, F_OK) == 0) {
			printf("# review allocation %lu: rc %d, html %s\n", n, rc,
			       access(html, F_OK) == 0 ? "written" : "absent");
			bad++;
		}
	}
	printf("# review: %lu allocations, %lu failed cleanly\n", total, failed_ok);
	OK(total > 20 && failed_ok == total && !bad, "review: every allocation failure handled");
done:
	unlink(html);
	dossier_report_free(r);
	dossier_centre_free(c);
	dossier_outline_free(o);
	dossier_error_clear();
}

int main(void)
{
	test_decimals();
	test_dates();
	test_uscc();
	test_decode();
	test_toy_scheme();
	test_citations();
	test_normalise();
	test_matrix();
	test_alloc_failures();
	test_alloc_pipeline();
	test_layout();
	test_sort_and_clashes();
	test_references();
	test_templates();
	test_office();
	test_review();
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
