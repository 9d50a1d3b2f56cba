/*
 * import.c — `dossier import --xlsx`: a filled workbook back into
 * centre.xml, in the layout of workbook.c.
 *
 * Cells are found by the keys export.c hid in each sheet (a hidden key row
 * or column), or, in a workbook made by hand, by the labels. Each cell is
 * read as what its element or attribute holds (the kind from centre.xsd, or
 * the outline's field type in the data table): numbers as typed in Chinese
 * offices (full-width digits, thousands separators, 1,234.5万元 converted
 * exactly to the unit that applies), dates from Excel serials (1900 and
 * 1904 systems) or written 2026年3月1日, 2026/3/1, 2026.3.1, 是/否 for
 * booleans. A value read in another form is a note; a cell that cannot be
 * read as what it must hold is an error naming sheet and cell, what was
 * found and what to write, and then nothing is written. The document is
 * built in schema order by walking the schema model, so no element name
 * appears here either.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/xmlsave.h>
#include "util/util.h"
#include "util/num.h"
#include "load/xsd.h"
#include "model.h"
#include "check/check_int.h"
#include "office_int.h"

#define MAX_LIST_ROWS 50000
#define SEV_ERROR DOSSIER_SEV_ERROR
#define SEV_WARN DOSSIER_SEV_WARNING
#define SEV_INFO DOSSIER_SEV_INFO

struct dossier_workbook {
	dz_opc *p;
	dz_xlsx *x;
	char *scheme;
	dossier_office_options o;
};

typedef struct {
	char *text;       /* NULL: empty */
	char place[96];   /* "人员!C7" */
} cellval;

typedef struct {
	cellval *v;       /* per layout column */
	uint32_t row;     /* sheet row (0-based) */
	long parent;      /* nested list: index of the parent's row, else -1 */
	int present;      /* holds a value */
} wrow;

typedef struct {
	wrow *rows;
	size_t n, cap;
	const dz_xsheet *xs;
} wdata;

typedef struct {
	xmlNodePtr el;
	const char *attr; /* NULL: the element (its row, or its text) */
	char place[96];
} placed;

typedef struct {
	dossier_workbook *wb;
	const dossier_outline *o;
	dz_wlayout l;
	wdata *d;
	dossier_report *notes;
	const char *file;
	placed *pl;
	size_t npl, cappl;
	int errors;
	int oom;
} imp;

/* ---------- opening ---------- */

static const dz_xsheet *info_sheet(const dz_xlsx *x)
{
	const dz_xsheet *s = dz_xlsx_sheet(x, DZ_INFO_SHEET);
	return s ? s : x->nsheets ? &x->sheets[0] : NULL;
}

/* The cell at r, c as a value: a merged range spreads its value down a
 * column (rows sharing a value), never across columns (a title). */
static const dz_xcell *cell_at(const dz_xsheet *s, uint32_t r, uint32_t c)
{
	const dz_xcell *cell = dz_xlsx_cell(s, r, c);
	return cell && cell->col != c ? NULL : cell;
}

static char *cell_text(const dz_xsheet *s, uint32_t r, uint32_t c)
{
	const dz_xcell *cell = cell_at(s, r, c);
	char *t;
	if (!cell || !cell->text)
		return NULL;
	t = dz_strdup(cell->text);
	if (t)
		dz_trim(t);
	return t;
}

/* The scheme 基本信息 names: the row keyed DZ_SCHEME_KEY. */
static char *find_scheme(const dz_xlsx *x)
{
	const dz_xsheet *s = info_sheet(x);
	uint32_t r;
	for (r = 0; s && r < s->nrows; r++) {
		char *k = cell_text(s, r, 3);
		int hit = k && !strcmp(k, DZ_SCHEME_KEY);
		dz_free(k);
		if (hit)
			return cell_text(s, r, 1);
	}
	return NULL;
}

int dossier_xlsx_open(dossier_workbook **out, const char *xlsx,
		      const dossier_office_options *opts)
{
	dossier_workbook *wb;
	int rc;
	*out = NULL;
	wb = dz_calloc(1, sizeof *wb);
	if (!wb)
		return DOSSIER_ENOMEM;
	if (opts)
		wb->o = *opts;
	else {
		dossier_office_options d = DOSSIER_OFFICE_OPTIONS_INIT;
		wb->o = d;
	}
	if ((rc = dz_opc_open(&wb->p, xlsx, &wb->o)) != 0 ||
	    (rc = dz_xlsx_read(&wb->x, wb->p)) != 0) {
		dossier_xlsx_free(wb);
		return rc;
	}
	wb->scheme = find_scheme(wb->x);
	if (!wb->scheme && !(wb->scheme = dz_strdup(""))) {
		dossier_xlsx_free(wb);
		return DOSSIER_ENOMEM;
	}
	*out = wb;
	return 0;
}

const char *dossier_xlsx_scheme(const dossier_workbook *wb)
{
	return wb ? wb->scheme : "";
}

void dossier_xlsx_free(dossier_workbook *wb)
{
	if (!wb)
		return;
	dz_xlsx_free(wb->x);
	dz_opc_close(wb->p);
	dz_free(wb->scheme);
	dz_free(wb);
}

/* ---------- notes ---------- */

static void note(imp *I, int sev, const char *rule, const char *place, const char *zh,
		 const char *en, const char *hint_zh, const char *hint_en)
{
	dz_note(I->notes, sev, rule, I->file, place, zh ? zh : "内存不足",
		en ? en : "out of memory", hint_zh, hint_en);
	if (sev == SEV_ERROR)
		I->errors++;
}

static void place_of(char *buf, size_t n, const dz_xsheet *s, uint32_t r, uint32_t c)
{
	char ref[16];
	dz_xlsx_ref(ref, sizeof ref, r, c);
	snprintf(buf, n, "%s!%s", s->name, ref);
}

/* ---------- reading one cell as what it must hold ---------- */

typedef struct {
	dz_xkind kind;
	const dz_xtype *type;  /* for pattern, enumeration, length */
	const char *label;
	const char *example;
	int whole;             /* a count */
	const char *unit;      /* the unit that applies to a number, or NULL */
	char *unit_found;      /* out: a unit typed in the cell, where the row
				  has its own unit to fill */
} want;

static char *fmt_dec(int64_t v, int min_dec, int commas)
{
	char buf[64];
	dz_dec_format(buf, sizeof buf, v, min_dec, commas);
	return dz_strdup(buf);
}

static int decimals_of(const char *s)
{
	const char *dot = strchr(s, '.');
	return dot ? (int)strspn(dot + 1, "0123456789") : 0;
}

static void wrong(imp *I, const char *place, const want *w, const char *found,
		  const char *what_zh, const char *what_en, const char *write_zh,
		  const char *write_en)
{
	char *zh = dz_fmt("“%s”的值“%s”%s", w->label, found, what_zh);
	char *en = dz_fmt("\"%s\": \"%s\" %s", w->label, found, what_en);
	note(I, SEV_ERROR, "XLSX-VALUE", place, zh, en, write_zh, write_en);
	dz_free(zh);
	dz_free(en);
}

static void read_as(imp *I, const char *place, const want *w, const char *was, const char *now)
{
	char *zh = dz_fmt("“%s”：“%s”读作 %s", w->label, was, now);
	char *en = dz_fmt("\"%s\": \"%s\" read as %s", w->label, was, now);
	note(I, SEV_INFO, "XLSX-READ", place, zh, en, "", "");
	dz_free(zh);
	dz_free(en);
}

static char *as_number(imp *I, const char *place, want *w, const dz_xcell *c,
		       const dz_numfmt *f)
{
	int64_t v;
	char num[64], unit[64];
	char *out = NULL;
	if (c->type == DZ_XC_NUMBER) {
		if (dz_dec_parse(&v, c->text)) {
			wrong(I, place, w, c->text, "超出范围或小数位过多", "is out of range or has too many decimals",
			      "数值最多 6 位小数。", "Numbers take at most 6 decimals.");
			return NULL;
		}
		if (f->percent && w->unit && (!strcmp(w->unit, "%") || !strcmp(w->unit, "％"))) {
			/* 12.5% is held as 0.125 */
			if (v > INT64_MAX / 100 || v < -INT64_MAX / 100)
				return NULL;
			v *= 100;
		}
		{
			int dec = decimals_of(c->text);
			if (f->percent)
				dec = dec > 2 ? dec - 2 : 0;
			out = fmt_dec(v, f->decimals > dec ? f->decimals : dec, f->thousands);
		}
		if (w->whole && v % DZ_SCALE) {
			wrong(I, place, w, c->text, "不是整数", "is not a whole number",
			      "填写整数。", "Enter a whole number.");
			dz_free(out);
			return NULL;
		}
		return out;
	}
	if (c->type != DZ_XC_STRING || dz_num_normalise(num, sizeof num, unit, sizeof unit, c->text) ||
	    dz_dec_parse(&v, num)) {
		char *zh = w->unit ? dz_fmt("请填写数字，如 %s（单位 %s）。", w->example, w->unit)
				   : dz_fmt("请填写数字，如 %s。", w->example);
		char *en = w->unit ? dz_fmt("Enter a number such as %s (in %s).", w->example, w->unit)
				   : dz_fmt("Enter a number such as %s.", w->example);
		wrong(I, place, w, c->text, "不是数字", "is not a number", zh ? zh : "", en ? en : "");
		dz_free(zh);
		dz_free(en);
		return NULL;
	}
	if (*unit) {
		dz_dim dim;
		int64_t fac, conv;
		if (!dz_unit_lookup(unit, &dim, &fac)) {
			char *zh = dz_fmt("单位“%s”无法识别；只填数字%s%s。", unit,
					  w->unit ? "，单位为 " : "", w->unit ? w->unit : "");
			char *en = dz_fmt("Unit \"%s\" is unknown; enter the number alone%s%s.", unit,
					  w->unit ? ", in " : "", w->unit ? w->unit : "");
			wrong(I, place, w, c->text, "带有无法识别的单位", "has an unknown unit",
			      zh ? zh : "", en ? en : "");
			dz_free(zh);
			dz_free(en);
			return NULL;
		}
		if (!w->unit || !*w->unit) {
			/* the row's own unit cell is empty: it takes this one */
			w->unit_found = dz_strdup(unit);
			conv = v;
		} else {
			int r = dz_dec_convert(&conv, v, unit, w->unit);
			if (r) {
				char *zh = dz_fmt("按 %s 填写数字，如 %s。", w->unit, w->example);
				char *en = dz_fmt("Enter the number in %s, such as %s.", w->unit, w->example);
				wrong(I, place, w, c->text,
				      r == -1 ? "的单位与该栏的单位不是同一种量" : "换算后超过 6 位小数",
				      r == -1 ? "has a unit of another kind than the column's"
					      : "needs more than 6 decimals once converted",
				      zh ? zh : "", en ? en : "");
				dz_free(zh);
				dz_free(en);
				return NULL;
			}
		}
		v = conv;
	}
	if (w->whole && v % DZ_SCALE) {
		wrong(I, place, w, c->text, "不是整数", "is not a whole number", "填写整数。",
		      "Enter a whole number.");
		return NULL;
	}
	{
		int typed_commas = strchr(c->text, ',') || strstr(c->text, "，");
		/* the decimals typed, unless a conversion changed the scale */
		int dec = !*unit || (w->unit && !strcmp(unit, w->unit)) ? decimals_of(num) : 0;
		out = fmt_dec(v, dec, typed_commas);
	}
	if (out && strcmp(out, c->text)) {
		char *now = dz_fmt("%s%s%s", out, w->unit || w->unit_found ? " " : "",
				   w->unit ? w->unit : w->unit_found ? w->unit_found : "");
		read_as(I, place, w, c->text, now ? now : out);
		dz_free(now);
	}
	return out;
}

static char *as_date(imp *I, const char *place, const want *w, const dz_xcell *c, int date1904)
{
	long days;
	int iso = 0;
	char buf[16];
	if (c->type == DZ_XC_DATE) {
		snprintf(buf, sizeof buf, "%.10s", c->text);
		if (strlen(c->text) > 10)
			read_as(I, place, w, c->text, buf); /* the time of day goes */
		return dz_strdup(buf);
	}
	if (c->type == DZ_XC_NUMBER && c->num == floor(c->num) &&
	    dz_xlsx_serial_days(&days, c->num, date1904) == 0) {
		dz_date_format(buf, sizeof buf, days);
		{
			char *was = dz_fmt("Excel 日期序号 %s", c->text);
			read_as(I, place, w, was ? was : c->text, buf);
			dz_free(was);
		}
		return dz_strdup(buf);
	}
	if (c->type == DZ_XC_STRING && dz_date_parse_loose(&days, &iso, c->text) == 0) {
		dz_date_format(buf, sizeof buf, days);
		if (!iso)
			read_as(I, place, w, c->text, buf);
		return dz_strdup(buf);
	}
	if (c->type == DZ_XC_NUMBER && c->num == 60 && !date1904)
		wrong(I, place, w, c->text, "是 Excel 的 1900年2月29日，这一天并不存在",
		      "is Excel's 1900-02-29, a day that does not exist",
		      "填写实际日期，写作 YYYY-MM-DD，如 2026-03-01。",
		      "Enter the real date as YYYY-MM-DD, e.g. 2026-03-01.");
	else
		wrong(I, place, w, c->text, "不是日期", "is not a date",
		      "写作 YYYY-MM-DD，如 2026-03-01（也可写 2026年3月1日、2026/3/1、2026.3.1）。",
		      "Write it YYYY-MM-DD, e.g. 2026-03-01 (2026年3月1日, 2026/3/1 and 2026.3.1 are read too).");
	return NULL;
}

static char *as_year(imp *I, const char *place, const want *w, const dz_xcell *c)
{
	char buf[16], num[64], unit[32];
	const char *t = c->text;
	if (c->type == DZ_XC_DATE && strlen(t) >= 4) {
		snprintf(buf, sizeof buf, "%.4s", t);
		read_as(I, place, w, t, buf);
		return dz_strdup(buf);
	}
	/* 2025, "2025年", "２０２５" */
	if ((c->type == DZ_XC_NUMBER || c->type == DZ_XC_STRING) &&
	    dz_num_normalise(num, sizeof num, unit, sizeof unit, t) == 0 &&
	    strlen(num) == 4 && strspn(num, "0123456789") == 4 && (!*unit || !strcmp(unit, "年"))) {
		if (strcmp(num, t))
			read_as(I, place, w, t, num);
		return dz_strdup(num);
	}
	wrong(I, place, w, t, "不是年份", "is not a year", "写四位年份，如 2025。",
	      "Write the year in four digits, e.g. 2025.");
	return NULL;
}

static char *as_bool(imp *I, const char *place, const want *w, const dz_xcell *c)
{
	static const char *const yes[] = {"是", "TRUE", "true", "True", "1", "Y", "y", "yes",
					  "Yes", "√", "✓", "有", NULL};
	static const char *const no[] = {"否", "FALSE", "false", "False", "0", "N", "n", "no",
					 "No", "×", "✗", "无", NULL};
	size_t i;
	for (i = 0; yes[i]; i++)
		if (!strcmp(c->text, yes[i])) {
			if (strcmp(c->text, "是") && strcmp(c->text, "true") && c->type != DZ_XC_BOOL)
				read_as(I, place, w, c->text, "是");
			return dz_strdup("true");
		}
	for (i = 0; no[i]; i++)
		if (!strcmp(c->text, no[i])) {
			if (strcmp(c->text, "否") && strcmp(c->text, "false") && c->type != DZ_XC_BOOL)
				read_as(I, place, w, c->text, "否");
			return dz_strdup("false");
		}
	wrong(I, place, w, c->text, "不是“是”或“否”", "is not yes or no", "填写“是”或“否”。",
	      "Enter 是 (yes) or 否 (no).");
	return NULL;
}

/* Evidence ids and other lists: separators as typed (、，, ; newlines). */
static char *as_list(imp *I, const char *place, const want *w, const char *t)
{
	dz_buf b = DZ_BUF_INIT;
	const char *p = t;
	int sep = 1;
	while (*p) {
		static const char *const seps[] = {"、", "，", "；", "　", ",", ";", " ", "\n", "\r", "\t", NULL};
		size_t i, l = 0;
		for (i = 0; seps[i]; i++)
			if (!strncmp(p, seps[i], strlen(seps[i]))) {
				l = strlen(seps[i]);
				break;
			}
		if (l) {
			sep = 1;
			p += l;
			continue;
		}
		if (sep && b.len)
			dz_buf_putc(&b, ' ');
		sep = 0;
		dz_buf_putc(&b, *p++);
	}
	{
		char *out = dz_buf_detach(&b);
		if (out && strcmp(out, t))
			read_as(I, place, w, t, out);
		return out;
	}
}

/* Read cell c as what `w` wants: the value text, NULL if empty or wrong
 * (an error is noted then). */
static char *read_cell(imp *I, const char *place, want *w, const dz_xcell *c)
{
	char *v = NULL;
	int before = I->errors;
	if (!c || c->type == DZ_XC_EMPTY) {
		if (c && c->formula)
			wrong(I, place, w, "=…", "是没有计算结果的公式", "is a formula without a computed value",
			      "在 Excel 或 WPS 中打开并保存一次（会算出结果），或填写数值。",
			      "Open and save it once in Excel or WPS (which computes it), or enter the value.");
		return NULL;
	}
	if (c->type == DZ_XC_ERROR) {
		wrong(I, place, w, c->text, "是公式错误", "is a formula error",
		      "修正公式，或直接填写数值。", "Fix the formula, or enter the value.");
		return NULL;
	}
	if (c->type == DZ_XC_STRING) {
		char *t = dz_strdup(c->text);
		if (!t) {
			I->oom = 1;
			return NULL;
		}
		dz_trim(t);
		if (!*t) {
			dz_free(t);
			return NULL;
		}
		if (strcmp(t, c->text)) {
			dz_xcell tc = *c;
			tc.text = t;
			v = read_cell(I, place, w, &tc);
			dz_free(t);
			return v;
		}
		dz_free(t);
	}
	switch (w->kind) {
	case DZ_XK_NUMBER:
		v = as_number(I, place, w, c, dz_xlsx_fmt(I->wb->x, c));
		break;
	case DZ_XK_DATE:
		v = as_date(I, place, w, c, I->wb->x->date1904);
		break;
	case DZ_XK_YEAR:
		v = as_year(I, place, w, c);
		break;
	case DZ_XK_BOOL:
		v = as_bool(I, place, w, c);
		break;
	default:
		v = w->type && w->type->list && c->type == DZ_XC_STRING ? as_list(I, place, w, c->text)
									: dz_strdup(c->text);
		break;
	}
	if (v && w->type && w->kind != DZ_XK_NUMBER && w->kind != DZ_XK_DATE &&
	    w->kind != DZ_XK_YEAR && !dz_xtype_valid(w->type, v)) {
		char *choices = w->type->nenums ? dz_xtype_choices(w->type, 1) : NULL;
		char *choices_en = w->type->nenums ? dz_xtype_choices(w->type, 0) : NULL;
		char *zh, *en;
		if (choices) {
			zh = dz_fmt("填写 %s 之一。", choices);
			en = dz_fmt("Enter one of %s.", choices_en ? choices_en : "");
		} else if (w->type->maxlen >= 0 &&
			   (long)dz_utf8_count(v, strlen(v), 0) > w->type->maxlen) {
			zh = dz_fmt("不超过 %ld 个字。", w->type->maxlen);
			en = dz_fmt("Keep it to %ld characters.", w->type->maxlen);
		} else {
			zh = dz_fmt("按规定格式填写%s%s。", *w->example ? "，如 " : "", w->example);
			en = dz_fmt("Enter it in the required form%s%s.", *w->example ? ", e.g. " : "",
				    w->example);
		}
		wrong(I, place, w, v, choices ? "不是可选的值" : "格式不对",
		      choices ? "is not one of the allowed values" : "is not in the required form",
		      zh ? zh : "", en ? en : "");
		dz_free(zh);
		dz_free(en);
		dz_free(choices);
		dz_free(choices_en);
		dz_free(v);
		return NULL;
	}
	if (!v && I->errors == before)
		I->oom = 1;
	return v;
}

/* ---------- finding the cells ---------- */

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* The rows of a sheet that hold a cell or lie in a merged range, sorted,
 * from `first` on. */
static size_t content_rows(const dz_xsheet *s, uint32_t first, uint32_t **out)
{
	size_t n = 0, i, k = 0;
	uint32_t *v = dz_calloc(s->ncells + s->ncovered + 1, sizeof *v);
	*out = v;
	if (!v)
		return 0;
	for (i = 0; i < s->ncells; i++)
		if (s->cells[i].row >= first)
			v[n++] = s->cells[i].row;
	for (i = 0; i < s->ncovered; i++)
		if (s->covered[i].row >= first)
			v[n++] = s->covered[i].row;
	qsort(v, n, sizeof *v, cmp_u32);
	for (i = 0; i < n; i++)
		if (!k || v[k - 1] != v[i])
			v[k++] = v[i];
	return k;
}

static const dz_wsheet *lsheet(imp *I, size_t si) { return &I->l.sheets[si]; }

/* Workbook column of each layout column of list sheet si (-1: absent),
 * by the hidden key row, or by the labels if the keys are gone. */
static uint32_t map_columns(imp *I, size_t si, const dz_xsheet *xs, long *colmap)
{
	const dz_wsheet *s = lsheet(I, si);
	size_t k;
	uint32_t c, first = DZ_LIST_HEAD;
	int bykey = 0;
	for (k = 0; k < s->ncols; k++)
		colmap[k] = -1;
	for (c = 0; c < xs->ncols; c++) {
		char *key = cell_text(xs, 1, c);
		for (k = 0; key && k < s->ncols; k++)
			if (colmap[k] < 0 && !strcmp(key, s->cols[k].key)) {
				colmap[k] = c;
				bykey++;
				break;
			}
		dz_free(key);
	}
	if (!bykey) {
		first = 1;
		for (c = 0; c < xs->ncols; c++) {
			char *label = cell_text(xs, 0, c);
			for (k = 0; label && k < s->ncols; k++)
				if (colmap[k] < 0 && !strcmp(label, s->cols[k].label)) {
					colmap[k] = c;
					break;
				}
			dz_free(label);
		}
	}
	/* a column that holds data but no field: said, not dropped silently */
	for (c = 0; c < xs->ncols; c++) {
		int mapped = 0;
		size_t i;
		for (k = 0; k < s->ncols && !mapped; k++)
			mapped = colmap[k] == (long)c;
		if (mapped)
			continue;
		for (i = 0; i < xs->ncells; i++)
			if (xs->cells[i].col == c && xs->cells[i].row >= first &&
			    xs->cells[i].type != DZ_XC_EMPTY) {
				char place[96], *label = cell_text(xs, 0, c), *zh, *en;
				place_of(place, sizeof place, xs, 0, c);
				zh = dz_fmt("列“%s”不对应 centre.xml 的任何字段，其中的数据未导入",
					    label ? label : "");
				en = dz_fmt("column \"%s\" matches no field of centre.xml; its data is not imported",
					    label ? label : "");
				note(I, SEV_WARN, "XLSX-COLUMN", place, zh, en,
				     "把数据移到对应的列，或删除该列。",
				     "Move the data to the column it belongs in, or delete the column.");
				dz_free(zh);
				dz_free(en);
				dz_free(label);
				break;
			}
	}
	return first;
}

static int add_row(imp *I, wdata *d, size_t ncols, uint32_t row)
{
	wrow *w;
	if (dz_grow((void **)&d->rows, &d->cap, d->n, sizeof *d->rows)) {
		I->oom = 1;
		return -1;
	}
	w = &d->rows[d->n];
	memset(w, 0, sizeof *w);
	w->row = row;
	w->parent = -1;
	w->v = dz_calloc(ncols ? ncols : 1, sizeof *w->v);
	if (!w->v) {
		I->oom = 1;
		return -1;
	}
	d->n++;
	return 0;
}

/* The layout column (in sheet si) of the attribute typed "unit" that
 * applies to row element `row` (its own, else none); -1. */
static long unit_col(const dz_wsheet *s, const dz_xnode *row)
{
	size_t k;
	for (k = 0; k < s->ncols; k++) {
		const dz_xnode *n = s->cols[k].node;
		if (n && n->attr && n->parent == row && n->type && !strcmp(n->type->name, "unit"))
			return (long)k;
	}
	return -1;
}

/* The 基本信息 value of the unit attribute of `container`, or NULL; *k
 * its column there. */
static cellval *container_unit(imp *I, const dz_xnode *container, long *k)
{
	const dz_wsheet *info = lsheet(I, 0);
	size_t i;
	*k = -1;
	for (i = 0; container && i < info->ncols; i++) {
		const dz_xnode *n = info->cols[i].node;
		if (n && n->attr && n->parent == container && n->type &&
		    !strcmp(n->type->name, "unit") && I->d[0].n) {
			*k = (long)i;
			return &I->d[0].rows[0].v[i];
		}
	}
	return NULL;
}

static void set_want(imp *I, want *w, const dz_wcol *col)
{
	memset(w, 0, sizeof *w);
	(void)I;
	w->kind = col->node && col->node->type ? col->node->type->kind : DZ_XK_TEXT;
	w->type = col->node ? col->node->type : NULL;
	w->label = col->label;
	w->example = col->node ? dz_xnode_example(col->node) : "";
	if (!*w->example && w->kind == DZ_XK_NUMBER)
		w->example = "1,234.50";
	w->unit = col->node ? col->node->unit : NULL;
}

static dz_xkind kind_of_field(dz_ftype t)
{
	switch (t) {
	case DZ_T_DATE: return DZ_XK_DATE;
	case DZ_T_BOOL: return DZ_XK_BOOL;
	case DZ_T_TEXT: return DZ_XK_TEXT;
	default: return DZ_XK_NUMBER;
	}
}

/* Read one data row of list (or data-table) sheet si into w. */
static void read_row(imp *I, size_t si, const dz_xsheet *xs, const long *colmap, uint32_t r,
		     wrow *row)
{
	const dz_wsheet *s = lsheet(I, si);
	const dz_field *f = NULL;
	long uk = unit_col(s, s->row), ck = -1;
	cellval *cu = uk < 0 ? container_unit(I, s->row->parent, &ck) : NULL;
	size_t k;
	int pass;
	for (k = 0; k < s->ncols; k++)
		if (colmap[k] >= 0)
			place_of(row->v[k].place, sizeof row->v[k].place, xs, r, (uint32_t)colmap[k]);
	/* numbers last: they read the row's unit, and the field's type */
	for (pass = 0; pass < 2; pass++)
		for (k = 0; k < s->ncols; k++) {
			const dz_wcol *col = &s->cols[k];
			const dz_xcell *c;
			want w;
			int number;
			if (colmap[k] < 0 || col->key[0] == '#' || !strcmp(col->key, "^"))
				continue;
			set_want(I, &w, col);
			if (s->kind == DZ_WS_FIELDS && !strcmp(col->key, ".")) {
				if (f) {
					w.kind = kind_of_field(f->type);
					w.whole = f->type == DZ_T_COUNT;
					w.label = f->label;
					w.example = w.whole ? "186" : w.kind == DZ_XK_DATE ? "2026-03-01"
						  : w.kind == DZ_XK_BOOL ? "是" : "1,234.50";
				}
			}
			number = w.kind == DZ_XK_NUMBER || (s->kind == DZ_WS_FIELDS && !strcmp(col->key, "."));
			if ((pass == 1) != number)
				continue;
			c = cell_at(xs, r, (uint32_t)colmap[k]);
			if (w.kind == DZ_XK_NUMBER && !w.unit) {
				if (uk >= 0 && row->v[uk].text)
					w.unit = row->v[uk].text;
				else if (uk < 0 && cu && cu->text)
					w.unit = cu->text;
				else if (f && f->unit && *f->unit && s->kind == DZ_WS_FIELDS)
					w.unit = f->unit;
			}
			row->v[k].text = read_cell(I, row->v[k].place, &w, c);
			if (w.unit_found) {
				/* "1,234.5万元" where the unit is still to fill */
				if (uk >= 0 && !row->v[uk].text)
					row->v[uk].text = w.unit_found;
				else if (uk < 0 && cu && !cu->text)
					cu->text = w.unit_found;
				else
					dz_free(w.unit_found);
			}
			if (s->kind == DZ_WS_FIELDS && !strcmp(col->key, "@" DZ_FIELDS_KEY) &&
			    row->v[k].text)
				f = dz_outline_field(I->o, row->v[k].text);
		}
	for (k = 0; k < s->ncols; k++) {
		const dz_wcol *col = &s->cols[k];
		if (!row->v[k].text || col->key[0] == '#' || !strcmp(col->key, "^"))
			continue;
		/* in the data table, the id and the unit are there already */
		if (s->kind == DZ_WS_FIELDS &&
		    (!strcmp(col->key, "@" DZ_FIELDS_KEY) || (long)k == uk))
			continue;
		row->present = 1;
	}
}

static void collect_list(imp *I, size_t si)
{
	const dz_wsheet *s = lsheet(I, si);
	const dz_xsheet *xs = dz_xlsx_sheet(I->wb->x, s->name);
	wdata *d = &I->d[si];
	long *colmap;
	uint32_t first, *rows = NULL;
	size_t nrows, i, k, present = 0;
	long pk = -1;
	d->xs = xs;
	if (!xs)
		return;
	colmap = dz_calloc(s->ncols + 1, sizeof *colmap);
	if (!colmap) {
		I->oom = 1;
		return;
	}
	first = map_columns(I, si, xs, colmap);
	for (k = 0; k < s->ncols; k++)
		if (!strcmp(s->cols[k].key, "^"))
			pk = (long)k;
	nrows = content_rows(xs, first, &rows);
	for (i = 0; i < nrows && !I->oom; i++) {
		wrow *w;
		if (add_row(I, d, s->ncols, rows[i]))
			break;
		w = &d->rows[d->n - 1];
		read_row(I, si, xs, colmap, rows[i], w);
		if (!w->present) {
			/* an empty row (a styled or merged one): nothing */
			for (k = 0; k < s->ncols; k++)
				dz_free(w->v[k].text);
			dz_free(w->v);
			d->n--;
			continue;
		}
		if (++present > MAX_LIST_ROWS) {
			char place[96];
			place_of(place, sizeof place, xs, rows[i], 0);
			note(I, SEV_ERROR, "XLSX-ROWS", place, "该表的行数超过 50000 行",
			     "the sheet has more than 50000 rows", "拆分数据，或检查是否误填。",
			     "Split the data, or check for rows filled by mistake.");
			break;
		}
		if (pk >= 0 && colmap[pk] >= 0) {
			/* the row of the parent sheet it belongs to */
			const dz_xcell *c = cell_at(xs, rows[i], (uint32_t)colmap[pk]);
			const wdata *pd = &I->d[s->parent];
			size_t j;
			place_of(w->v[pk].place, sizeof w->v[pk].place, xs, rows[i], (uint32_t)colmap[pk]);
			for (j = 0; c && c->type == DZ_XC_NUMBER && j < pd->n; j++)
				if ((double)pd->rows[j].row + 1 == c->num)
					w->parent = (long)j;
			if (w->parent < 0) {
				char *zh = dz_fmt("所属行“%s”在“%s”中没有数据", c && c->text ? c->text : "",
						  lsheet(I, (size_t)s->parent)->name);
				char *en = dz_fmt("row \"%s\" it belongs to has no data in \"%s\"",
						  c && c->text ? c->text : "",
						  lsheet(I, (size_t)s->parent)->name);
				note(I, SEV_ERROR, "XLSX-PARENT", w->v[pk].place, zh, en,
				     "填写上一级表格中该行数据所在的行号。",
				     "Enter the row number of the row it belongs to in the parent sheet.");
				dz_free(zh);
				dz_free(en);
			}
		}
	}
	dz_free(rows);
	dz_free(colmap);
}

static void collect_info(imp *I, long *info_row)
{
	const dz_wsheet *s = lsheet(I, 0);
	const dz_xsheet *xs = dz_xlsx_sheet(I->wb->x, s->name);
	wdata *d = &I->d[0];
	uint32_t r;
	size_t k;
	for (k = 0; k < s->ncols; k++)
		info_row[k] = -1;
	if (add_row(I, d, s->ncols, 0))
		return;
	d->rows[0].present = 1;
	d->xs = xs;
	if (!xs)
		return;
	for (r = 1; r < xs->nrows; r++) {
		char *key = cell_text(xs, r, 3);
		long hit = -1;
		if (key && *key) {
			for (k = 0; k < s->ncols && hit < 0; k++)
				if (!s->cols[k].heading && !strcmp(key, s->cols[k].key))
					hit = (long)k;
		} else {
			/* a hand-made sheet: by the label, when only one row has it */
			char *label = cell_text(xs, r, 0);
			for (k = 0; label && k < s->ncols; k++)
				if (!s->cols[k].heading && !strcmp(label, s->cols[k].label)) {
					if (hit >= 0) {
						hit = -2;
						break;
					}
					hit = (long)k;
				}
			dz_free(label);
		}
		dz_free(key);
		if (hit >= 0 && info_row[hit] < 0)
			info_row[hit] = r;
	}
	/* texts and the rest first, numbers after (they read units) */
	{
		int pass;
		for (pass = 0; pass < 2; pass++)
			for (k = 0; k < s->ncols; k++) {
				const dz_wcol *col = &s->cols[k];
				want w;
				long ck = -1;
				cellval *cu;
				if (info_row[k] < 0)
					continue;
				set_want(I, &w, col);
				if ((pass == 1) != (w.kind == DZ_XK_NUMBER))
					continue;
				place_of(d->rows[0].v[k].place, sizeof d->rows[0].v[k].place, xs,
					 (uint32_t)info_row[k], 1);
				cu = col->node ? container_unit(I, col->node->parent, &ck) : NULL;
				if (w.kind == DZ_XK_NUMBER && !w.unit && cu && cu->text)
					w.unit = cu->text;
				d->rows[0].v[k].text = read_cell(I, d->rows[0].v[k].place, &w,
								 cell_at(xs, (uint32_t)info_row[k], 1));
				if (w.unit_found) {
					if (cu && !cu->text)
						cu->text = w.unit_found;
					else
						dz_free(w.unit_found);
				}
			}
	}
}

/* ---------- building centre.xml in schema order ---------- */

typedef struct {
	long sheet;  /* -1: 基本信息 */
	size_t row;
} scope;

static const cellval *lookup(imp *I, scope sc, const dz_xnode *node)
{
	const dz_wsheet *s = lsheet(I, sc.sheet < 0 ? 0 : (size_t)sc.sheet);
	const wdata *d = &I->d[sc.sheet < 0 ? 0 : sc.sheet];
	size_t k;
	if (!d->n)
		return NULL;
	for (k = 0; k < s->ncols; k++)
		if (s->cols[k].node == node && !s->cols[k].heading && s->cols[k].key[0] != '#')
			return &d->rows[sc.sheet < 0 ? 0 : sc.row].v[k];
	return NULL;
}

static int has_value(imp *I, scope sc, const dz_xnode *n, int depth);

/* Rows of repeated element n in scope sc: the list sheet for it, those of
 * its rows that belong to sc's row (nested) or all (top level). */
static int rows_in(imp *I, scope sc, const dz_xnode *n, long *sheet)
{
	size_t i;
	for (i = 1; i < I->l.n; i++)
		if (I->l.sheets[i].row == n &&
		    I->l.sheets[i].parent == (sc.sheet < 0 ? -1 : (int)sc.sheet)) {
			*sheet = (long)i;
			return 1;
		}
	return 0;
}

static int has_value(imp *I, scope sc, const dz_xnode *n, int depth)
{
	const cellval *v;
	size_t i;
	long sh;
	if (depth > 40)
		return 0;
	if (n->repeated) {
		if (!rows_in(I, sc, n, &sh))
			return 0;
		for (i = 0; i < I->d[sh].n; i++)
			if (I->d[sh].rows[i].present &&
			    (sc.sheet < 0 || I->d[sh].rows[i].parent == (long)sc.row))
				return 1;
		return 0;
	}
	if ((n->attr || n->type) && (v = lookup(I, sc, n)) != NULL && v->text)
		return 1;
	for (i = 0; i < n->nkids; i++)
		if (has_value(I, sc, n->kids[i], depth + 1))
			return 1;
	return 0;
}

static void place(imp *I, xmlNodePtr el, const char *attr, const char *where)
{
	placed *p;
	if (!where || !*where)
		return;
	if (dz_grow((void **)&I->pl, &I->cappl, I->npl, sizeof *I->pl)) {
		I->oom = 1;
		return;
	}
	p = &I->pl[I->npl++];
	p->el = el;
	p->attr = attr;
	snprintf(p->place, sizeof p->place, "%s", where);
}

/* The place of a whole row: its first cell. */
static void row_place(imp *I, scope sc, char *buf, size_t n)
{
	const wdata *d = &I->d[sc.sheet];
	buf[0] = '\0';
	if (d->xs)
		place_of(buf, n, d->xs, d->rows[sc.row].row, 0);
}

static void fill(imp *I, xmlNodePtr el, const dz_xnode *n, scope sc, int depth);

static void emit(imp *I, xmlNodePtr parent, const dz_xnode *n, scope sc, int depth)
{
	xmlNodePtr el;
	long sh;
	size_t i;
	if (I->oom || depth > 40)
		return;
	if (n->repeated) {
		if (!rows_in(I, sc, n, &sh))
			return;
		for (i = 0; i < I->d[sh].n; i++) {
			const wrow *r = &I->d[sh].rows[i];
			scope rs;
			char where[96];
			if (!r->present || (sc.sheet >= 0 && r->parent != (long)sc.row))
				continue;
			el = xmlNewChild(parent, NULL, BAD_CAST n->name, NULL);
			if (!el) {
				I->oom = 1;
				return;
			}
			rs.sheet = sh;
			rs.row = i;
			row_place(I, rs, where, sizeof where);
			place(I, el, NULL, where);
			fill(I, el, n, rs, depth + 1);
		}
		return;
	}
	if (!has_value(I, sc, n, 0))
		return;
	el = xmlNewChild(parent, NULL, BAD_CAST n->name, NULL);
	if (!el) {
		I->oom = 1;
		return;
	}
	fill(I, el, n, sc, depth + 1);
}

static void fill(imp *I, xmlNodePtr el, const dz_xnode *n, scope sc, int depth)
{
	size_t i;
	const cellval *v;
	for (i = 0; i < n->nkids && !I->oom; i++) {
		const dz_xnode *a = n->kids[i];
		if (!a->attr)
			continue;
		v = lookup(I, sc, a);
		if (v)
			place(I, el, a->name, v->place);
		if (v && v->text && !xmlNewProp(el, BAD_CAST a->name, BAD_CAST v->text))
			I->oom = 1;
	}
	if (n->type && (v = lookup(I, sc, n)) != NULL) {
		place(I, el, ".", v->place);
		if (v->text)
			xmlNodeAddContent(el, BAD_CAST v->text);
	}
	for (i = 0; i < n->nkids && !I->oom; i++)
		if (!n->kids[i]->attr)
			emit(I, el, n->kids[i], sc, depth);
}

/* ---------- what is still missing, and where to fill it ---------- */

static const char *place_for(imp *I, const dz_explained *e, const long *info_row)
{
	size_t i;
	const char *key = !e->what ? NULL : e->what->attr ? e->what->name
			: e->what->type && !e->missing ? "." : NULL;
	static char buf[96];
	/* the cell of that attribute or text on that element */
	for (i = 0; key && i < I->npl; i++)
		if (I->pl[i].el == e->node && I->pl[i].attr && !strcmp(key, I->pl[i].attr))
			return I->pl[i].place;
	/* a value of 基本信息: its row (for an element, its first row) */
	if (e->what) {
		const dz_wsheet *s = lsheet(I, 0);
		for (i = 0; i < s->ncols; i++) {
			const dz_xnode *n = s->cols[i].node;
			int under = 0;
			for (; n && !under; n = n->parent)
				under = n == e->what;
			if (under && !s->cols[i].heading && info_row[i] >= 0 && I->d[0].xs) {
				place_of(buf, sizeof buf, I->d[0].xs, (uint32_t)info_row[i], 1);
				return buf;
			}
		}
	}
	/* else the row the element came from */
	for (i = 0; i < I->npl; i++)
		if (I->pl[i].el == e->node && !I->pl[i].attr)
			return I->pl[i].place;
	return "";
}

static void explain(imp *I, xmlDocPtr doc, const long *info_row)
{
	const dz_xmodel *m = dz_xmodel_get(I->wb->o.schema_dir, "centre.xsd");
	dz_explained *ex = NULL;
	size_t n = 0, i;
	if (!m || dz_explain(m->root, doc, &ex, &n, 500) != 0) {
		I->oom = 1;
		return;
	}
	for (i = 0; i < n; i++)
		note(I, SEV_WARN, ex[i].missing ? "XLSX-MISSING" : "XLSX-SCHEMA",
		     place_for(I, &ex[i], info_row), ex[i].zh, ex[i].en, ex[i].hint_zh, ex[i].hint_en);
	dz_explained_free(ex, n);
}

/* Sheets of the workbook that are not part of the layout, with data. */
static void stray_sheets(imp *I)
{
	size_t i, k;
	for (i = 0; i < I->wb->x->nsheets; i++) {
		const dz_xsheet *xs = &I->wb->x->sheets[i];
		int known = 0, data = 0;
		for (k = 0; k < I->l.n && !known; k++)
			known = !strcmp(I->l.sheets[k].name, xs->name) ||
				(k == 0 && xs == info_sheet(I->wb->x));
		for (k = 0; k < xs->ncells && !data; k++)
			data = xs->cells[k].type != DZ_XC_EMPTY;
		if (!known && data) {
			char *zh = dz_fmt("工作表“%s”不对应 centre.xml 的任何部分，未导入", xs->name);
			char *en = dz_fmt("sheet \"%s\" matches no part of centre.xml and is not imported",
					  xs->name);
			note(I, SEV_WARN, "XLSX-SHEET", xs->name, zh, en,
			     "把数据移到对应的工作表（可用 dossier export --xlsx --blank 生成模板对照）。",
			     "Move the data to the sheet it belongs in (dossier export --xlsx --blank makes the template).");
			dz_free(zh);
			dz_free(en);
		}
	}
}

int dossier_xlsx_import(dossier_report **notes, dossier_workbook *wb,
			const dossier_outline *o, const char *out_xml)
{
	imp I;
	const dz_xmodel *m;
	xmlDocPtr doc = NULL;
	xmlNodePtr root;
	long *info_row = NULL;
	size_t i, k, r;
	int rc = 0;
	scope top = {-1, 0};
	*notes = NULL;
	if (!wb || !o || !out_xml || !wb->o.schema_dir)
		return dz_err(DOSSIER_EUSAGE, "", 0, 0, "参数为空", "a required argument is NULL", "", "");
	memset(&I, 0, sizeof I);
	I.wb = wb;
	I.o = o;
	I.file = dz_opc_path(wb->p);
	if (!(m = dz_xmodel_get(wb->o.schema_dir, "centre.xsd")))
		return dossier_error_last() ? dossier_error_last()->code : DOSSIER_ENOTFOUND;
	if ((rc = dz_wlayout_build(&I.l, m->root, o)) != 0)
		return rc;
	I.notes = dz_notes_new();
	I.d = dz_calloc(I.l.n, sizeof *I.d);
	info_row = dz_calloc(I.l.sheets[0].ncols + 1, sizeof *info_row);
	if (!I.notes || !I.d || !info_row) {
		rc = DOSSIER_ENOMEM;
		goto done;
	}
	collect_info(&I, info_row);
	for (i = 1; i < I.l.n && !I.oom; i++)
		collect_list(&I, i);
	stray_sheets(&I);
	if (I.oom) {
		rc = DOSSIER_ENOMEM;
		goto done;
	}
	if (I.errors) {
		char *zh = dz_fmt("工作簿中有 %d 处无法读取的单元格，未写入 centre.xml", I.errors);
		char *en = dz_fmt("%d cells of the workbook cannot be read; centre.xml is not written",
				  I.errors);
		rc = dz_err(DOSSIER_ESCHEMA, I.file, 0, 0, zh ? zh : "工作簿有错误",
			    en ? en : "the workbook has errors", "按每条错误修改所指的单元格后重新导入。",
			    "Correct each cell named, then import again.");
		dz_free(zh);
		dz_free(en);
		goto done;
	}
	doc = xmlNewDoc(BAD_CAST "1.0");
	root = doc ? xmlNewNode(NULL, BAD_CAST m->root->name) : NULL;
	if (!root) {
		rc = DOSSIER_ENOMEM;
		goto done;
	}
	xmlDocSetRootElement(doc, root);
	fill(&I, root, m->root, top, 0);
	if (!I.oom)
		explain(&I, doc, info_row);
	if (I.oom || I.notes->oom) {
		rc = DOSSIER_ENOMEM;
		goto done;
	}
	{
		xmlChar *mem = NULL;
		int size = 0;
		xmlDocDumpFormatMemoryEnc(doc, &mem, &size, "UTF-8", 1);
		if (!mem) {
			rc = DOSSIER_ENOMEM;
			goto done;
		}
		rc = dz_write_atomic(out_xml, (const char *)mem, (size_t)size);
		xmlFree(mem);
	}
done:
	if (rc == DOSSIER_ENOMEM)
		dz_err(rc, I.file, 0, 0, "内存不足", "out of memory", "", "");
	for (i = 0; I.d && i < I.l.n; i++) {
		for (r = 0; r < I.d[i].n; r++) {
			for (k = 0; k < I.l.sheets[i].ncols; k++)
				dz_free(I.d[i].rows[r].v[k].text);
			dz_free(I.d[i].rows[r].v);
		}
		dz_free(I.d[i].rows);
	}
	dz_free(I.d);
	dz_free(I.pl);
	dz_free(info_row);
	dz_wlayout_dispose(&I.l);
	xmlFreeDoc(doc);
	if (rc == DOSSIER_ENOMEM) {
		dossier_report_free(I.notes);
		I.notes = NULL;
	}
	*notes = I.notes;
	return rc;
}
