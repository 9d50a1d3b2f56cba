/*
 * xml_api.c — C API tests of the XML stage, compiled and run by
 * tests/suites/xml.sh against BUILD_DIR/libdossier.a:
 *
 *   - characters XML 1.0 cannot carry (C0 controls, DEL, C1, U+FFFE/FFFF,
 *     invalid UTF-8) become U+FFFD, in text and in attributes;
 *   - the same document and time give the same bytes;
 *   - argument and I/O errors leave no file behind;
 *   - every allocation failure of dossier_xml_write and of loading an
 *     evaluation-tables.xml ends in a clean error, never a crash, a leak
 *     (the sanitizer build checks) or a partial file;
 *   - which outline rules run on a received table (tests/xml/scope-outline.xml:
 *     RUN-* run, SKIP-* do not).
 *
 * Run from the repository root: xml_api SCRATCH_DIR. Prints "ok - ..." or
 * "not ok - ..." per test, as the suites do.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include "dossier.h"
#include "model.h"
#include "doc/doc.h"

static int failures;

static void ok(int cond, const char *name)
{
	printf("%s - %s\n", cond ? "ok" : "not ok", name);
	if (!cond)
		failures++;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	if (buf)
		buf[n] = '\0';
	fclose(f);
	if (len)
		*len = (size_t)n;
	return buf;
}

static int exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* Number of entries in dir other than . and .. */
static int entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;
	if (!d)
		return -1;
	while ((e = readdir(d)) != NULL)
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(d);
	return n;
}

/* string(expr) over the file, with the report namespace bound to r: */
static char *xpath_string(const char *path, const char *expr)
{
	xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
	xmlXPathContextPtr x = doc ? xmlXPathNewContext(doc) : NULL;
	xmlXPathObjectPtr o;
	char *s = NULL;
	if (!x) {
		xmlFreeDoc(doc);
		return NULL;
	}
	xmlXPathRegisterNs(x, BAD_CAST "r", BAD_CAST "urn:dossier:report:1");
	o = xmlXPathEvalExpression(BAD_CAST expr, x);
	if (o) {
		xmlChar *v = xmlXPathCastToString(o);
		s = strdup((const char *)v);
		xmlFree(v);
	}
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(x);
	xmlFreeDoc(doc);
	return s;
}

/* ---------- a document made by hand, full of bad characters ---------- */

#define BAD "a\x01" "b\x1f" "c\x7f" "d\xc2\x85" "e\xef\xbf\xbe" "f\xef\xbf\xbf" \
	    "g\xff" "h\xc0\xaf" "i\xed\xa0\x80" "j\xe4\xb8" "k\t\n\r" "l<&>\"'" "\xe4\xb8\xad"
#define FFFD "\xef\xbf\xbd"
/* what BAD must read as once parsed (attribute values keep \t \n \r as
 * character references, so they survive attribute normalisation too) */
#define GOOD "a" FFFD "b" FFFD "c" FFFD "d" FFFD "e" FFFD "f" FFFD "g" FFFD "h" FFFD FFFD \
	     "i" FFFD FFFD FFFD "j" FFFD FFFD "k\t\n\r" "l<&>\"'" "\xe4\xb8\xad"

static void test_bad_characters(const char *dir)
{
	dossier_doc d;
	dz_block b[3];
	dz_run runs[2];
	dz_cell cells[1];
	int align[1] = {DZ_AL_LEFT};
	dossier_xml_options o = DOSSIER_XML_OPTIONS_INIT;
	char *path = NULL, *s;
	int rc;
	memset(&d, 0, sizeof d);
	memset(b, 0, sizeof b);
	memset(runs, 0, sizeof runs);
	d.kind = "annual-report";
	d.output = "annual-report";
	d.title = "年度报告" BAD;
	d.centre = BAD;
	d.scheme_id = "x";
	runs[0].text = BAD;
	runs[1].text = BAD;
	runs[1].style = DZ_S_BOLD | DZ_S_FIG;
	runs[1].ref = "f" BAD;
	b[0].kind = DZ_B_HEADING;
	b[0].level = 1;
	b[0].id = "s" BAD;
	b[0].title = BAD;
	b[0].runs = runs;
	b[0].nruns = 1;
	b[1].kind = DZ_B_PARA;
	b[1].runs = runs;
	b[1].nruns = 2;
	cells[0].runs = runs;
	cells[0].nruns = 1;
	b[2].kind = DZ_B_TABLE;
	b[2].caption = BAD;
	b[2].ncols = 1;
	b[2].nrows = 1;
	b[2].cells = cells;
	b[2].align = align;
	d.blocks = b;
	d.nblocks = 3;
	if (asprintf(&path, "%s/bad.xml", dir) < 0)
		return;
	rc = dossier_xml_write(&d, path, &o);
	ok(rc == 0, "bad characters: written");
	s = xpath_string(path, "string(/r:report/r:body/r:section/r:paragraph/text())");
	ok(s && !strcmp(s, GOOD), "bad characters: text is well-formed, each bad character U+FFFD");
	free(s);
	s = xpath_string(path, "string(/r:report/r:body/r:section/@title)");
	ok(s && !strcmp(s, GOOD), "bad characters: attribute is well-formed, each bad character U+FFFD");
	free(s);
	s = xpath_string(path, "string(//r:fig/@field)");
	ok(s && !strcmp(s, "f" GOOD), "bad characters: figure reference repaired");
	free(s);
	s = xpath_string(path, "string(//r:table/r:caption)");
	ok(s && !strcmp(s, GOOD), "bad characters: caption repaired");
	free(s);
	s = slurp(path, NULL);
	{
		int raw = 0;
		const unsigned char *p;
		for (p = (const unsigned char *)(s ? s : ""); *p; p++)
			raw |= (*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f || *p == 0xff;
		ok(s && !raw, "bad characters: no raw control byte in the file");
	}
	free(s);
	free(path);
}

/* ---------- one centre, two documents ---------- */

typedef struct {
	dossier_centre *c;
	dossier_outline *o;
	dossier_doc *annual, *table;
} fixture;

static int fixture_open(fixture *f, const char *dir)
{
	dossier_load_options lo = DOSSIER_LOAD_OPTIONS_INIT;
	memset(f, 0, sizeof *f);
	lo.schema_dir = "outlines/schema";
	(void)dir;
	return dossier_outline_load(&f->o, "tests/toy/toy-scheme-2030.xml", "outlines/schema") ||
	       dossier_centre_load(&f->c, "tests/toy/centre", &lo) ||
	       dossier_doc_build(&f->annual, f->c, f->o, "annual-report") ||
	       dossier_doc_build(&f->table, f->c, f->o, "evaluation-table");
}

static void fixture_close(fixture *f)
{
	dossier_doc_free(f->annual);
	dossier_doc_free(f->table);
	dossier_centre_free(f->c);
	dossier_outline_free(f->o);
}

static void test_reproducible(fixture *f, const char *dir)
{
	dossier_xml_options o = DOSSIER_XML_OPTIONS_INIT;
	char *a = NULL, *b = NULL, *x, *y;
	size_t la = 0, lb = 0;
	if (asprintf(&a, "%s/r1.xml", dir) < 0 || asprintf(&b, "%s/r2.xml", dir) < 0)
		return;
	o.created = 1774000000;
	o.source_digest = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
	ok(dossier_xml_write(f->annual, a, &o) == 0 && dossier_xml_write(f->annual, b, &o) == 0,
	   "reproducible: written twice");
	x = slurp(a, &la);
	y = slurp(b, &lb);
	ok(x && y && la == lb && !memcmp(x, y, la), "reproducible: same bytes");
	ok(x && strstr(x, "<created>2026-03-20T09:46:40Z</created>"), "created comes from opts->created");
	free(x);
	free(y);
	free(a);
	free(b);
}

static void test_errors(fixture *f, const char *dir)
{
	dossier_xml_options o = DOSSIER_XML_OPTIONS_INIT;
	char *p = NULL, *q = NULL;
	int rc;
	if (asprintf(&p, "%s/no/such/dir/x.xml", dir) < 0 || asprintf(&q, "%s/e.xml", dir) < 0)
		return;
	rc = dossier_xml_write(f->annual, p, &o);
	ok(rc == DOSSIER_EIO && dossier_error_last() && dossier_error_last()->msg_zh[0] &&
	   dossier_error_last()->msg_en[0], "unwritable path: DOSSIER_EIO with zh/en message");
	o.source_digest = "not hex";
	ok(dossier_xml_write(f->annual, q, &o) == DOSSIER_EUSAGE && !exists(q),
	   "malformed digest refused, no file");
	o.source_digest = NULL;
	o.created = -5;
	ok(dossier_xml_write(f->annual, q, &o) == DOSSIER_EUSAGE && !exists(q),
	   "negative creation time refused, no file");
	o.created = 0;
	ok(dossier_xml_write(NULL, q, &o) == DOSSIER_EUSAGE, "NULL document refused");
	free(p);
	free(q);
}

/* Every allocation the writer makes may fail: a clean error and no file,
 * or success and the complete file. */
static void test_write_failures(fixture *f, const char *base)
{
	dossier_xml_options o = DOSSIER_XML_OPTIONS_INIT;
	dossier_doc *docs[2];
	char *dir = NULL, *path = NULL, *ref = NULL;
	size_t reflen = 0;
	unsigned long total = 0, n, tried = 0;
	int d, clean = 1;
	docs[0] = f->annual;
	docs[1] = f->table;
	if (asprintf(&dir, "%s/torture", base) < 0 || mkdir(dir, 0777) != 0 ||
	    asprintf(&path, "%s/out.xml", dir) < 0)
		return;
	for (d = 0; d < 2; d++) {
		dossier_alloc_fail_at(0);
		dossier_xml_write(docs[d], path, &o);
		total = dossier_alloc_fail_at(0);
		free(ref);
		ref = slurp(path, &reflen);
		for (n = 1; n <= total; n++, tried++) {
			int rc;
			unlink(path);
			dossier_alloc_fail_at(n);
			rc = dossier_xml_write(docs[d], path, &o);
			dossier_alloc_fail_at(0);
			if (rc == 0) {
				size_t len = 0;
				char *got = slurp(path, &len);
				clean &= got && ref && len == reflen && !memcmp(got, ref, len);
				free(got);
			} else {
				clean &= rc == DOSSIER_ENOMEM && !exists(path);
			}
			clean &= entries(dir) <= 1; /* no temporary file left */
		}
	}
	printf("# writer: %lu allocation failures tried\n", tried);
	/* libxml2's own allocations are not failed (see util/alloc.c) */
	ok(tried >= 2 && clean, "every allocation failure of the writer handled, no partial file");
	free(ref);
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
}

/* Loading a received table: every allocation may fail, then the check. */
static void test_load_failures(fixture *f, const char *dir)
{
	dossier_xml_options o = DOSSIER_XML_OPTIONS_INIT;
	dossier_load_options lo = DOSSIER_LOAD_OPTIONS_INIT;
	dossier_check_options co = DOSSIER_CHECK_OPTIONS_INIT;
	dossier_centre *c = NULL;
	dossier_report *r = NULL;
	char *path = NULL;
	unsigned long total, n;
	int clean = 1, rc;
	lo.schema_dir = "outlines/schema";
	co.as_of = "2030-01-01";
	if (asprintf(&path, "%s/evaluation-table.xml", dir) < 0)
		return;
	ok(dossier_xml_write(f->table, path, &o) == 0, "table written");
	/* warm the schema cache so its allocations are not counted */
	rc = dossier_centre_load(&c, path, &lo);
	ok(rc == 0 && c && c->from_table && dossier_centre_scheme(c) &&
	   !strcmp(dossier_centre_scheme(c), "toy-scheme-2030"), "table loads as a centre");
	if (rc == 0) {
		rc = dossier_check_run(&r, c, f->o, &co);
		ok(rc == 0 && dossier_report_count_sev(r, DOSSIER_SEV_ERROR) == 0,
		   "its check finds no error");
		dossier_report_free(r);
		r = NULL;
	}
	dossier_centre_free(c);
	c = NULL;
	dossier_alloc_fail_at(0);
	if (dossier_centre_load(&c, path, &lo) == 0)
		dossier_check_run(&r, c, f->o, &co);
	total = dossier_alloc_fail_at(0);
	dossier_report_free(r);
	dossier_centre_free(c);
	for (n = 1; n <= total; n++) {
		c = NULL;
		r = NULL;
		dossier_alloc_fail_at(n);
		rc = dossier_centre_load(&c, path, &lo);
		if (rc == 0)
			rc = dossier_check_run(&r, c, f->o, &co);
		dossier_alloc_fail_at(0);
		if (rc == 0 && (!c || !r))
			clean = 0;
		if (rc != 0 && !dossier_error_last())
			clean = 0;
		dossier_report_free(r);
		dossier_centre_free(c);
	}
	printf("# table load + check: %lu allocations\n", total);
	ok(total > 5 && clean, "every allocation failure of a table load + check handled");
	free(path);
}

static void test_rule_scope(void)
{
	dossier_outline *o = NULL;
	size_t i, wrong = 0, run = 0;
	if (dossier_outline_load(&o, "tests/xml/scope-outline.xml", "outlines/schema") != 0) {
		ok(0, "scope outline loads");
		return;
	}
	for (i = 0; i < o->nrules; i++) {
		int want = !strncmp(o->rules[i].id, "RUN-", 4);
		int got = dz_table_rule_applies(o, &o->rules[i]);
		run += got;
		if (got != want) {
			printf("# %s: %s on a table, expected %s\n", o->rules[i].id,
			       got ? "runs" : "skipped", want ? "run" : "skipped");
			wrong++;
		}
	}
	printf("# %zu rules, %zu run on a table\n", o->nrules, run);
	ok(o->nrules > 40 && wrong == 0, "rules that read only what a table carries run; the others are skipped");
	dossier_outline_free(o);
}

int main(int argc, char **argv)
{
	fixture f;
	if (argc != 2) {
		fprintf(stderr, "usage: xml_api SCRATCH_DIR\n");
		return 2;
	}
	test_bad_characters(argv[1]);
	if (fixture_open(&f, argv[1]) != 0) {
		ok(0, "toy centre loads and its documents build");
	} else {
		test_reproducible(&f, argv[1]);
		test_errors(&f, argv[1]);
		test_write_failures(&f, argv[1]);
		test_load_failures(&f, argv[1]);
	}
	fixture_close(&f);
	test_rule_scope();
	xmlCleanupParser();
	return failures != 0;
}
