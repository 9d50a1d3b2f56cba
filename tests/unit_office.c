/*
 * unit_office.c — unit tests of the office readers (included by unit.c,
 * which owns the OK macro and the counters): numbers and dates as typed,
 * Excel serials and formats, the workbook reader on workbooks built here
 * part by part (rich and inline strings, formulas, merged ranges, the 1904
 * system), and the refusals of hostile ones (zip bombs by declared size
 * and by ratio, DOCTYPE, nesting, string and cell counts, absurd
 * references and merged ranges), each naming the part and the limit.
 */
#include <zip.h>
#include "office/office_int.h"
#include "load/xsd.h"

static void test_typed_numbers(void)
{
	char num[64], unit[32];
	int64_t v;
	long d;
	int iso;
	OK(dz_num_normalise(num, sizeof num, unit, sizeof unit, "1,234.5万元") == 0 &&
	   !strcmp(num, "1234.5") && !strcmp(unit, "万元"), "1,234.5万元");
	OK(dz_num_normalise(num, sizeof num, unit, sizeof unit, "１２３４．５") == 0 &&
	   !strcmp(num, "1234.5") && !*unit, "full-width digits");
	OK(dz_num_normalise(num, sizeof num, unit, sizeof unit, "－１，２３４") == 0 &&
	   !strcmp(num, "-1234"), "full-width minus and comma");
	OK(dz_num_normalise(num, sizeof num, unit, sizeof unit, " 186 人") == 0 &&
	   !strcmp(num, "186") && !strcmp(unit, "人"), "number with a unit after a space");
	OK(dz_num_normalise(num, sizeof num, unit, sizeof unit, "1 234 567.25") == 0 &&
	   !strcmp(num, "1234567.25"), "spaces between groups");
	OK(dz_num_normalise(num, sizeof num, unit, sizeof unit, "12.5%") == 0 &&
	   !strcmp(unit, "%"), "percent");
	OK(dz_num_normalise(num, sizeof num, unit, sizeof unit, "¥3,000") == 0 &&
	   !strcmp(num, "3000") && !strcmp(unit, "元"), "yuan sign");
	OK(dz_num_normalise(num, sizeof num, unit, sizeof unit, "12,34") == -1, "decimal comma refused");
	OK(dz_num_normalise(num, sizeof num, unit, sizeof unit, "1234,567") == -1, "bad grouping refused");
	OK(dz_num_normalise(num, sizeof num, unit, sizeof unit, "约100") == -1, "text before refused");
	OK(dz_num_normalise(num, sizeof num, unit, sizeof unit, "") == -1, "empty refused");
	dz_dec_parse(&v, "1234.5");
	OK(dz_dec_convert(&v, v, "万元", "元") == 0 && v == 12345000LL * DZ_SCALE, "万元 to 元 exactly");
	dz_dec_parse(&v, "1");
	OK(dz_dec_convert(&v, v, "元", "万元") == 0 && v == 100, "1 元 is 0.0001 万元");
	dz_dec_parse(&v, "0.01");
	OK(dz_dec_convert(&v, v, "元", "亿元") == -3, "beyond 6 decimals refused");
	OK(dz_dec_convert(&v, v, "人", "元") == -1, "people are not money");
	dz_dec_format(num, sizeof num, 1234500000, 2, 1);
	OK(!strcmp(num, "1,234.50"), "format with commas and two decimals");
	dz_dec_format(num, sizeof num, -5, 0, 0);
	OK(!strcmp(num, "-0.000005"), "format a tiny negative");
	OK(dz_date_parse_loose(&d, &iso, "2026年3月1日") == 0 && !iso, "2026年3月1日");
	{
		char b[16];
		dz_date_format(b, sizeof b, d);
		OK(!strcmp(b, "2026-03-01"), "2026年3月1日 is 2026-03-01");
	}
	OK(dz_date_parse_loose(&d, &iso, "2026/3/1") == 0, "2026/3/1");
	OK(dz_date_parse_loose(&d, &iso, "2026.03.01") == 0, "2026.03.01");
	OK(dz_date_parse_loose(&d, &iso, "２０２６年１月２８日") == 0, "full-width date");
	OK(dz_date_parse_loose(&d, &iso, "2026-03-01") == 0 && iso, "ISO is ISO");
	OK(dz_date_parse_loose(&d, &iso, "2026/3.1") == -1, "mixed separators refused");
	OK(dz_date_parse_loose(&d, &iso, "2026年2月30日") == -1, "30 February refused");
	OK(dz_date_parse_loose(&d, &iso, "2026年3月") == -1, "no day refused");
	OK(dz_date_parse_loose(&d, &iso, "3/1/2026") == -1, "month first refused");
}

static void test_serials(void)
{
	long d;
	char b[48];
	dz_numfmt f;
	OK(dz_xlsx_serial_days(&d, 1, 0) == 0 && (dz_date_format(b, sizeof b, d), !strcmp(b, "1900-01-01")),
	   "serial 1 is 1900-01-01");
	OK(dz_xlsx_serial_days(&d, 59, 0) == 0 && (dz_date_format(b, sizeof b, d), !strcmp(b, "1900-02-28")),
	   "serial 59 is 1900-02-28");
	OK(dz_xlsx_serial_days(&d, 60, 0) == -1, "serial 60 is Lotus's 1900-02-29");
	OK(dz_xlsx_serial_days(&d, 61, 0) == 0 && (dz_date_format(b, sizeof b, d), !strcmp(b, "1900-03-01")),
	   "serial 61 is 1900-03-01");
	OK(dz_xlsx_serial_days(&d, 46082, 0) == 0 && (dz_date_format(b, sizeof b, d), !strcmp(b, "2026-03-01")),
	   "serial 46082 is 2026-03-01");
	OK(dz_xlsx_serial_days(&d, 44620, 1) == 0 && (dz_date_format(b, sizeof b, d), !strcmp(b, "2026-03-01")),
	   "1904 serial 44620 is 2026-03-01");
	OK(dz_xlsx_serial_days(&d, 0, 1) == 0 && (dz_date_format(b, sizeof b, d), !strcmp(b, "1904-01-01")),
	   "1904 serial 0");
	OK(dz_xlsx_serial_days(&d, -1, 0) == -1 && dz_xlsx_serial_days(&d, 1e9, 0) == -1,
	   "serials out of range");
	dz_date_parse(&d, "2026-03-01");
	OK(dz_xlsx_days_serial(d, 0) == 46082 && dz_xlsx_days_serial(d, 1) == 44620, "days to serial");
	dz_date_parse(&d, "1900-01-01");
	OK(dz_xlsx_days_serial(d, 0) == 1, "1900-01-01 to serial 1");
	dz_xlsx_num_text(b, sizeof b, 0.1 + 0.2);
	OK(!strcmp(b, "0.3"), "0.1+0.2 shows as 0.3");
	dz_xlsx_num_text(b, sizeof b, 21733.82);
	OK(!strcmp(b, "21733.82"), "21733.82");
	dz_xlsx_num_text(b, sizeof b, 1e17);
	OK(!strcmp(b, "100000000000000000"), "no exponent");
	dz_xlsx_num_text(b, sizeof b, 1.5e-7);
	OK(!strcmp(b, "0"), "below 6 decimals rounds");
	dz_numfmt_parse(&f, "#,##0.00");
	OK(f.thousands && f.decimals == 2 && !f.date, "#,##0.00");
	dz_numfmt_parse(&f, "yyyy\"年\"m\"月\"d\"日\"");
	OK(f.date && !f.time, "Chinese date format");
	dz_numfmt_parse(&f, "[$-804]yyyy/m/d h:mm");
	OK(f.date && f.time, "date and time with a locale");
	dz_numfmt_parse(&f, "h:mm:ss");
	OK(!f.date && f.time, "a time is not a date");
	dz_numfmt_parse(&f, "0.0%");
	OK(f.percent && f.decimals == 1, "percent");
	dz_numfmt_parse(&f, "0.00E+00");
	OK(f.decimals == 2, "scientific: exponent digits are not decimals");
	dz_numfmt_parse(&f, "\"m²\"0.00");
	OK(!f.date && f.decimals == 2, "quoted letters are not a date");
}

/* ---------- workbooks built part by part ---------- */

#define CT "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
#define RELS "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" \
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
#define WBRELS "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" \
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>" \
	"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>" \
	"<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"/xl/sharedStrings.xml\"/></Relationships>"
#define NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " \
	"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define STYLES "<?xml version=\"1.0\"?><styleSheet " NS "><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/></numFmts>" \
	"<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"4\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>"

typedef struct {
	const char *name, *data;
	size_t len; /* 0: strlen */
} part;

/* Build a package from parts; returns its bytes (free) and size. */
static unsigned char *build_zip(const part *parts, size_t n, size_t *size)
{
	char path[] = "/tmp/dossier-unit-zip.XXXXXX";
	int fd = mkstemp(path), err;
	zip_t *z;
	size_t i;
	unsigned char *buf = NULL;
	FILE *f;
	long len;
	if (fd < 0)
		return NULL;
	close(fd);
	z = zip_open(path, ZIP_TRUNCATE | ZIP_CREATE, &err);
	for (i = 0; z && i < n; i++) {
		size_t l = parts[i].len ? parts[i].len : strlen(parts[i].data);
		zip_source_t *s = zip_source_buffer(z, parts[i].data, l, 0);
		if (!s || zip_file_add(z, parts[i].name, s, ZIP_FL_ENC_UTF_8) < 0)
			zip_source_free(s);
	}
	if (!z || zip_close(z) != 0) {
		if (z)
			zip_discard(z);
		unlink(path);
		return NULL;
	}
	f = fopen(path, "rb");
	if (f && fseek(f, 0, SEEK_END) == 0 && (len = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0 &&
	    (buf = malloc((size_t)len)) && fread(buf, 1, (size_t)len, f) == (size_t)len)
		*size = (size_t)len;
	if (f)
		fclose(f);
	unlink(path);
	return buf;
}

/* Read a workbook from parts: 0 and *out, or the error code. */
static int read_parts(dz_xlsx **out, const part *parts, size_t n, const dossier_office_options *o)
{
	size_t size = 0;
	unsigned char *zip = build_zip(parts, n, &size);
	dz_opc *p = NULL;
	int rc;
	*out = NULL;
	if (!zip)
		return -100;
	rc = dz_opc_open_mem(&p, zip, size, "test.xlsx", o);
	free(zip);
	if (rc == 0)
		rc = dz_xlsx_read(out, p);
	dz_opc_close(p);
	return rc;
}

static int err_has(const char *a, const char *b)
{
	const dossier_error *e = dossier_error_last();
	if (getenv("UNIT_DEBUG") && e)
		printf("    [%s]\n", e->msg_en);
	return e && strstr(e->msg_en, a) && (!b || strstr(e->msg_en, b));
}

static void test_xlsx_reader(void)
{
	dossier_office_options o = DOSSIER_OFFICE_OPTIONS_INIT;
	dz_xlsx *x = NULL;
	const dz_xsheet *s;
	const dz_xcell *c;
	part p[6] = {
		{"[Content_Types].xml", CT, 0},
		{"_rels/.rels", RELS, 0},
		{"xl/_rels/workbook.xml.rels", WBRELS, 0},
		{"xl/workbook.xml", "<?xml version=\"1.0\"?><workbook " NS "><sheets>"
		 "<sheet name=\"人员\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>", 0},
		{"xl/styles.xml", STYLES, 0},
		{"xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst " NS " count=\"3\" uniqueCount=\"3\">"
		 "<si><t>周启明</t></si>"
		 "<si><r><rPr><b/></rPr><t>研发</t></r><r><t xml:space=\"preserve\">人员 </t></r>"
		 "<rPh sb=\"0\" eb=\"1\"><t>ケン</t></rPh></si>"
		 "<si><t>行一_x000D__x000A_行二_x005F_x0041_</t></si></sst>", 0},
	};
	part sheet = {"xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><worksheet " NS "><sheetData>"
		"<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
		"<c r=\"C1\" t=\"inlineStr\"><is><r><t>内联</t></r><r><t>文字</t></r></is></c></row>"
		"<row r=\"2\"><c r=\"A2\" s=\"1\"><v>21733.82</v></c><c r=\"B2\" s=\"2\"><v>46082</v></c>"
		"<c r=\"C2\" s=\"3\"><v>46082.5</v></c><c r=\"D2\" t=\"b\"><v>1</v></c>"
		"<c r=\"E2\" t=\"e\"><v>#N/A</v></c><c r=\"F2\" t=\"str\"><f>A1&amp;\"x\"</f><v>周启明x</v></c>"
		"<c r=\"G2\"><f>1+1</f></c><c r=\"H2\"><v>0.30000000000000004</v></c>"
		"<c r=\"I2\" s=\"2\"><v>60</v></c></row>"
		"<row r=\"5\"><c r=\"A5\" t=\"s\"><v>2</v></c><c s=\"1\"/><c><v>7</v></c></row>"
		"</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A5:A7\"/></mergeCells></worksheet>", 0};
	part all[7];
	memcpy(all, p, sizeof p);
	all[6] = sheet;
	OK(read_parts(&x, all, 7, &o) == 0, "workbook reads");
	s = x ? dz_xlsx_sheet(x, "人员") : NULL;
	OK(s != NULL, "sheet by its Chinese name");
	if (s) {
		c = dz_xlsx_cell(s, 0, 0);
		OK(c && c->type == DZ_XC_STRING && !strcmp(c->text, "周启明"), "shared string");
		c = dz_xlsx_cell(s, 0, 1);
		OK(c && !strcmp(c->text, "研发人员 "), "rich text runs joined, phonetic run left out");
		c = dz_xlsx_cell(s, 0, 2);
		OK(c && !strcmp(c->text, "内联文字"), "inline rich string");
		c = dz_xlsx_cell(s, 1, 0);
		OK(c && c->type == DZ_XC_NUMBER && !strcmp(c->text, "21733.82") &&
		   dz_xlsx_fmt(x, c)->thousands && dz_xlsx_fmt(x, c)->decimals == 2, "number with #,##0.00");
		c = dz_xlsx_cell(s, 1, 1);
		OK(c && c->type == DZ_XC_DATE && !strcmp(c->text, "2026-03-01"), "date serial, built-in format 14");
		c = dz_xlsx_cell(s, 1, 2);
		OK(c && c->type == DZ_XC_DATE && !strcmp(c->text, "2026-03-01"), "custom 年月日 format");
		c = dz_xlsx_cell(s, 1, 3);
		OK(c && c->type == DZ_XC_BOOL && !strcmp(c->text, "TRUE"), "boolean");
		c = dz_xlsx_cell(s, 1, 4);
		OK(c && c->type == DZ_XC_ERROR && !strcmp(c->text, "#N/A"), "error value");
		c = dz_xlsx_cell(s, 1, 5);
		OK(c && c->formula && c->type == DZ_XC_STRING && !strcmp(c->text, "周启明x"),
		   "formula's cached string");
		c = dz_xlsx_cell(s, 1, 6);
		OK(c && c->formula && c->type == DZ_XC_EMPTY, "formula without a cached value");
		c = dz_xlsx_cell(s, 1, 7);
		OK(c && !strcmp(c->text, "0.3"), "15 significant digits");
		c = dz_xlsx_cell(s, 1, 8);
		OK(c && c->type == DZ_XC_NUMBER && !strcmp(c->text, "60"),
		   "serial 60 in a date format stays a number");
		c = dz_xlsx_cell(s, 4, 0);
		OK(c && !strcmp(c->text, "行一\n行二_x0041_"), "_xHHHH_ escapes, CR dropped");
		OK(dz_xlsx_cell(s, 6, 0) == c, "merged range: the top-left cell");
		OK(dz_xlsx_cell(s, 7, 0) == NULL, "below the merged range: empty");
		c = dz_xlsx_cell(s, 4, 2);
		OK(c && !strcmp(c->text, "7") && dz_xlsx_cell(s, 4, 1) == NULL,
		   "cells without r follow their row; a styled empty cell is none");
	}
	dz_xlsx_free(x);

	/* the 1904 date system */
	all[3].data = "<?xml version=\"1.0\"?><workbook " NS "><workbookPr date1904=\"1\"/><sheets>"
		      "<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
	all[6].data = "<?xml version=\"1.0\"?><worksheet " NS "><sheetData><row r=\"1\">"
		      "<c r=\"A1\" s=\"2\"><v>44620</v></c></row></sheetData></worksheet>";
	OK(read_parts(&x, all, 7, &o) == 0 && (s = dz_xlsx_sheet(x, "S")) &&
	   (c = dz_xlsx_cell(s, 0, 0)) && !strcmp(c->text, "2026-03-01"), "1904 date system");
	dz_xlsx_free(x);
	all[3] = p[3];

	/* hostile workbooks: refused, naming the part and the limit */
	all[6].data = "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\">"
		      "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><worksheet " NS "><sheetData>"
		      "<row><c t=\"inlineStr\"><is><t>&b;</t></is></c></row></sheetData></worksheet>";
	OK(read_parts(&x, all, 7, &o) == DOSSIER_EPARSE &&
	   err_has("xl/worksheets/sheet1.xml", "DOCTYPE"), "DTD with entities refused, part named");
	dz_xlsx_free(x);
	all[6] = sheet;
	all[5].data = "<?xml version=\"1.0\"?><sst " NS " uniqueCount=\"99999999\"><si><t>a</t></si></sst>";
	OK(read_parts(&x, all, 7, &o) == DOSSIER_ELIMIT &&
	   err_has("xl/sharedStrings.xml", "limit 1000000"), "declared huge shared-string table refused");
	{
		dossier_office_options small = o;
		small.max_strings = 2;
		all[5] = p[5];
		OK(read_parts(&x, all, 7, &small) == DOSSIER_ELIMIT &&
		   err_has("xl/sharedStrings.xml", "(limit 2)"),
		   "shared strings over the cap refused");
		small = o;
		small.max_cells = 5;
		OK(read_parts(&x, all, 7, &small) == DOSSIER_ELIMIT &&
		   err_has("xl/worksheets/sheet1.xml", "too many cells (limit 5"), "cells over the cap refused");
		small = o;
		small.max_depth = 4;
		OK(read_parts(&x, all, 7, &small) == DOSSIER_ELIMIT && err_has("nested too deeply", NULL),
		   "nesting over the cap refused");
	}
	all[6].data = "<?xml version=\"1.0\"?><worksheet " NS "><sheetData><row><c r=\"XFE1\"><v>1</v></c>"
		      "</row></sheetData></worksheet>";
	OK(read_parts(&x, all, 7, &o) == DOSSIER_EPARSE && err_has("beyond Excel", "sheet1.xml"),
	   "column beyond XFD refused");
	all[6].data = "<?xml version=\"1.0\"?><worksheet " NS "><sheetData/><mergeCells>"
		      "<mergeCell ref=\"A1:XFD1048576\"/></mergeCells></worksheet>";
	OK(read_parts(&x, all, 7, &o) == DOSSIER_ELIMIT && err_has("merged ranges cover too many cells", NULL),
	   "a merged range of the whole sheet refused");
	all[6].data = "<?xml version=\"1.0\"?><worksheet " NS "><sheetData/><mergeCells>"
		      "<mergeCell ref=\"A1:B2\"/><mergeCell ref=\"B2:C3\"/></mergeCells></worksheet>";
	OK(read_parts(&x, all, 7, &o) == DOSSIER_EPARSE && err_has("overlap", NULL), "overlapping merges refused");
	all[6].data = "<?xml version=\"1.0\"?><worksheet " NS "><sheetData><row><c r=\"A1\"><v>1</v></c>"
		      "<c r=\"A1\"><v>2</v></c></row></sheetData></worksheet>";
	OK(read_parts(&x, all, 7, &o) == DOSSIER_EPARSE && err_has("cell A1 occurs twice", NULL),
	   "a cell given twice refused");
	all[6].data = "<?xml version=\"1.0\"?><worksheet " NS "><sheetData><row><c t=\"s\"><v>9</v></c>"
		      "</row></sheetData></worksheet>";
	OK(read_parts(&x, all, 7, &o) == DOSSIER_EPARSE && err_has("shared string that does not exist", NULL),
	   "a shared string index past the table refused");
	{
		/* 8 MiB of spaces deflate to ~8 KiB: a ratio of about 1000 */
		size_t big = 8u << 20;
		char *zeros = malloc(big);
		dossier_office_options small = o;
		if (zeros) {
			memset(zeros, ' ', big);
			memcpy(zeros, "<?xml version=\"1.0\"?><worksheet>", 32);
			memcpy(zeros + big - 24, "<sheetData/></worksheet>", 24);
			all[6].data = zeros;
			all[6].len = big;
			small.max_part = 4u << 20;
			OK(read_parts(&x, all, 7, &small) == DOSSIER_ELIMIT &&
			   err_has("sheet1.xml: inflates to too many bytes (limit 4194304", NULL),
			   "a part over the per-part cap refused before inflating");
			small = o;
			small.max_ratio = 100;
			OK(read_parts(&x, all, 7, &small) == DOSSIER_ELIMIT &&
			   err_has("compression ratio is abnormal (a zip bomb?) (limit 100", NULL),
			   "a part with a zip bomb's ratio refused");
			small = o;
			small.max_total = 6u << 20;
			OK(read_parts(&x, all, 7, &small) == DOSSIER_ELIMIT && err_has("in all", NULL),
			   "the parts over the total cap refused");
			small = o;
			small.max_ratio = 2000;
			OK(read_parts(&x, all, 7, &small) == 0, "the same part within the caps reads");
			dz_xlsx_free(x);
			free(zeros);
		}
		all[6] = sheet;
	}
	{
		dz_opc *pk = NULL;
		OK(dz_opc_open_mem(&pk, "PK\3\4 not a zip at all", 22, "junk.xlsx", &o) == DOSSIER_EPARSE &&
		   err_has("not an Office file", NULL), "not a ZIP refused");
		dz_opc_close(pk);
		OK(read_parts(&x, all, 2, &o) == DOSSIER_ENOTFOUND && err_has("xl/workbook.xml", "missing"),
		   "a package without a workbook refused, naming the part");
	}
}

static void test_xsd_model(void)
{
	const dz_xmodel *m = dz_xmodel_get("outlines/schema", "centre.xsd");
	const dz_xnode *n;
	OK(m != NULL, "centre.xsd model");
	if (!m)
		return;
	n = dz_xnode_find(m->root, "identity/host/uscc");
	OK(n && !strcmp(n->label, "统一社会信用代码") && n->type && n->type->regex &&
	   !strcmp(dz_xnode_example(n), "91320200053518620R"), "label, pattern and example of uscc");
	n = dz_xnode_find(m->root, "staff/person/@fulltime");
	OK(n && n->type && n->type->kind == DZ_XK_BOOL, "yes/no enumeration is a boolean");
	n = dz_xnode_find(m->root, "funding/total");
	OK(n && n->type && n->type->kind == DZ_XK_NUMBER && dz_xtype_valid(n->type, "1,234.50") &&
	   !dz_xtype_valid(n->type, "1,234.5万元"), "a number by its pattern");
	n = dz_xnode_find(m->root, "indicators/value/@evidence");
	OK(n && n->type->list && dz_xtype_valid(n->type, "E01 E02") && !dz_xtype_valid(n->type, "E01,E02"),
	   "idrefs are a list");
	n = dz_xnode_find(m->root, "dates/extension");
	OK(n && n->repeated && !n->required, "repeated, optional");
	n = dz_xnode_find(m->root, "evidence-list/evidence/@id");
	{
		/* every element and attribute of centre.xsd is labelled: the
		 * workbook and the messages need it (the lead's v2 too) */
		const dz_xnode *stack[256];
		int sp = 0, unlabelled = 0;
		stack[sp++] = m->root;
		while (sp) {
			const dz_xnode *k = stack[--sp];
			size_t i;
			if (k->label == k->name) {
				unlabelled++;
				printf("    centre.xsd: no Chinese label for %s\n", k->name);
			}
			for (i = 0; i < k->nkids && sp < 256; i++)
				stack[sp++] = k->kids[i];
		}
		OK(unlabelled == 0, "every element and attribute of centre.xsd has a label");
	}
	{
		/* values there but empty: the ones the schema lets be empty are
		 * dz_explain_empty's, the others (a date) dz_explain's, worded
		 * "为空" with what to write, never "missing" */
		static const char doc[] =
			"<centre><identity><name> </name><legal-form></legal-form></identity>"
			"<dates><approved></approved></dates>"
			"<indicators period-start=\"2025-01-01\" period-end=\"\">"
			"<value id=\"staff_total\" evidence=\"\"></value><value id=\"x\">3</value>"
			"</indicators></centre>";
		xmlDocPtr d = xmlReadMemory(doc, (int)sizeof doc - 1, "t.xml", NULL, XML_PARSE_NONET);
		dz_explained *e = NULL;
		size_t ne = 0, i;
		int names = 0, date = 0, period = 0;
		OK(d && dz_explain_empty(m->root, d, &e, &ne, 100) == 0 && ne == 3 &&
		   strstr(e[0].zh, "中心名称") && strstr(e[0].zh, "为空") &&
		   strstr(e[0].hint_zh, "填写中心名称") && e[1].what && e[1].what->attr &&
		   !strcmp(e[1].what->name, "evidence") && strstr(e[1].hint_zh, "不适用就删去") &&
		   e[2].what && !strcmp(e[2].what->name, "value"),
		   "empty text, an empty list and an empty data-table value are said, nothing else");
		dz_explained_free(e, ne);
		e = NULL;
		OK(d && dz_explain(m->root, d, &e, &ne, 100) == 0, "the same document explained");
		for (i = 0; i < ne; i++) {
			names += strstr(e[i].zh, "中心名称") != NULL;
			date += strstr(e[i].zh, "批复日期") && strstr(e[i].zh, "为空") &&
				strstr(e[i].hint_zh, "YYYY-MM-DD") && !e[i].missing;
			period += strstr(e[i].zh, "统计期结束日期") && strstr(e[i].zh, "为空");
		}
		OK(!names && date == 1 && period == 1,
		   "an empty date (element or attribute) is a schema problem worded as empty");
		dz_explained_free(e, ne);
		xmlFreeDoc(d);
	}
}

static void test_office(void)
{
	test_typed_numbers();
	test_serials();
	test_xlsx_reader();
	test_xsd_model();
}
