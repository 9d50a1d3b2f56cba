/*
 * export.c — `dossier export --xlsx`: a centre's centre.xml (or nothing,
 * for the blank template) as a workbook, in the layout of workbook.c,
 * written with libxlsxwriter (the only file including xlsxwriter.h).
 *
 * Every sheet has a frozen header; list and data-table sheets carry the
 * key of each column in a hidden second row, 基本信息 the key of each row
 * in a hidden fourth column, so import.c finds values by key, not by a
 * label a user may retype. Numbers are written as numbers in the form
 * they had (decimals, thousands separators), so the import gives back the
 * same text; dates as dates; yes/no as 是/否. Cells get data validation
 * from their type (warnings, so "1,234.5万元" can still be typed and is
 * read with a note) and a comment with the field's notes and article.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include "util/util.h"
#include "util/num.h"
#include "load/xsd.h"
#include "model.h"
#include "office_int.h"

#define SPARE_ROWS 300 /* validated empty rows below a list's data */

typedef struct {
	lxw_workbook *wb;
	lxw_format *head, *key, *heading, *label, *note, *text, *date, *year;
	lxw_format *num[7][2];      /* decimals × thousands */
	xmlDocPtr doc;
	const dz_wlayout *l;
	const dossier_outline *o;
	int rc;
} ex;

/* ---------- the centre's values ---------- */

static xmlNodePtr el_child(xmlNodePtr n, const char *name, size_t len)
{
	xmlNodePtr c;
	for (c = n ? n->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && strlen((const char *)c->name) == len &&
		    !memcmp(c->name, name, len))
			return c;
	return NULL;
}

/* The value at `key` below element n ("@a", ".", "x/y", "x/@a"), or NULL
 * if absent (caller frees). */
static char *value_at(xmlNodePtr n, const char *key)
{
	const char *p = key;
	xmlChar *v;
	char *s;
	while (n && *p && strcmp(p, ".")) {
		const char *slash = strchr(p, '/');
		size_t len = slash ? (size_t)(slash - p) : strlen(p);
		if (*p == '@') {
			char name[128];
			if (len - 1 >= sizeof name)
				return NULL;
			memcpy(name, p + 1, len - 1);
			name[len - 1] = '\0';
			v = xmlGetNoNsProp(n, BAD_CAST name);
			s = v ? dz_strdup((const char *)v) : NULL;
			xmlFree(v);
			return s;
		}
		n = el_child(n, p, len);
		p += len;
		if (*p == '/')
			p++;
	}
	if (!n)
		return NULL;
	v = xmlNodeGetContent(n);
	s = dz_strdup(v ? (const char *)v : "");
	xmlFree(v);
	if (s)
		dz_trim(s);
	return s;
}

/* The element at `path` below n (every segment an element), or NULL. */
static xmlNodePtr el_at(xmlNodePtr n, const char *path)
{
	const char *p = path;
	while (n && *p) {
		const char *slash = strchr(p, '/');
		size_t len = slash ? (size_t)(slash - p) : strlen(p);
		n = el_child(n, p, len);
		p += len;
		if (*p == '/')
			p++;
	}
	return n;
}

/* The elements a list sheet's rows are: children named like the last
 * segment of `path`, under the element at the rest of it. */
static size_t rows_of(xmlNodePtr base, const char *path, xmlNodePtr **out)
{
	const char *last = strrchr(path, '/');
	char *dir = last ? dz_strndup(path, (size_t)(last - path)) : dz_strdup("");
	const char *name = last ? last + 1 : path;
	xmlNodePtr parent = dir ? el_at(base, dir) : NULL, c;
	size_t n = 0, cap = 0;
	*out = NULL;
	dz_free(dir);
	for (c = parent ? parent->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, name)) {
			if (dz_grow((void **)out, &cap, n, sizeof **out))
				return n;
			(*out)[n++] = c;
		}
	return n;
}

/* ---------- cells ---------- */

static size_t width_of(const char *s)
{
	size_t w = 0;
	const unsigned char *p = (const unsigned char *)s;
	while (p && *p) {
		uint32_t cp;
		int len = dz_utf8_decode(p, strlen((const char *)p), &cp);
		if (len <= 0)
			break;
		w += cp >= 0x1100 ? 2 : 1;
		p += len;
	}
	return w;
}

static dz_xkind field_kind(dz_ftype t)
{
	switch (t) {
	case DZ_T_DATE: return DZ_XK_DATE;
	case DZ_T_BOOL: return DZ_XK_BOOL;
	case DZ_T_TEXT: return DZ_XK_TEXT;
	default: return DZ_XK_NUMBER;
	}
}

static lxw_format *num_format(ex *x, const char *text)
{
	const char *dot = strchr(text, '.');
	int dec = dot ? (int)strlen(dot + 1) : 0, commas = strchr(text, ',') != NULL;
	if (dec > 6)
		dec = 6;
	if (!x->num[dec][commas]) {
		char code[32];
		snprintf(code, sizeof code, "%s%s%.*s", commas ? "#,##0" : "0", dec ? "." : "",
			 dec, "000000");
		x->num[dec][commas] = workbook_add_format(x->wb);
		format_set_num_format(x->num[dec][commas], code);
	}
	return x->num[dec][commas];
}

static int significant_digits(const char *s)
{
	int n = 0, lead = 1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			continue;
		if (lead && *s == '0')
			continue;
		lead = 0;
		n++;
	}
	return n;
}

static void check(ex *x, lxw_error e)
{
	if (e != LXW_NO_ERROR && !x->rc)
		x->rc = dz_errf(DOSSIER_EIO, "", 0, 0, "", "", "无法生成工作簿：%s",
				"cannot make the workbook: %s", lxw_strerror(e));
}

/* Write `text` as what it is: a number, a date, 是/否, or text. */
static void put(ex *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, dz_xkind kind,
		const char *text)
{
	int64_t dec;
	long days;
	if (!text || !*text)
		return;
	if (kind == DZ_XK_NUMBER && dz_dec_parse(&dec, text) == 0 && significant_digits(text) <= 15) {
		/* the nearest double of the exact decimal (strtod rounds once) */
		char plain[64];
		size_t i, o = 0;
		for (i = 0; text[i] && o + 1 < sizeof plain; i++)
			if (text[i] != ',' && text[i] != ' ')
				plain[o++] = text[i];
		plain[o] = '\0';
		check(x, worksheet_write_number(ws, r, c, strtod(plain, NULL), num_format(x, text)));
		return;
	}
	if (kind == DZ_XK_DATE && strlen(text) == 10 && dz_date_parse(&days, text) == 0) {
		check(x, worksheet_write_number(ws, r, c, dz_xlsx_days_serial(days, 0), x->date));
		return;
	}
	if (kind == DZ_XK_YEAR && strlen(text) == 4 && strspn(text, "0123456789") == 4) {
		check(x, worksheet_write_number(ws, r, c, atoi(text), x->year));
		return;
	}
	if (kind == DZ_XK_BOOL && (!strcmp(text, "true") || !strcmp(text, "false"))) {
		check(x, worksheet_write_string(ws, r, c, !strcmp(text, "true") ? "是" : "否", x->text));
		return;
	}
	check(x, worksheet_write_string(ws, r, c, text, x->text));
}

/* ---------- notes: what a cell wants ---------- */

static const char *kind_zh(dz_xkind k)
{
	static const char *n[] = {"文字", "数字", "日期", "年份", "是/否", "选项"};
	return n[k];
}

/* "必填；日期，如 2026-03-01" for a column or row. */
static char *hint(const dz_xnode *n, dz_xkind kind, const char *unit)
{
	dz_buf b = DZ_BUF_INIT;
	const dz_xtype *t = n ? n->type : NULL;
	dz_buf_puts(&b, n && n->required ? "必填" : "可选");
	dz_buf_printf(&b, "；%s", kind_zh(kind));
	if (t && t->nenums && kind == DZ_XK_ENUM) {
		char *c = dz_xtype_choices(t, 1);
		dz_buf_printf(&b, "：%s", c ? c : "");
		dz_free(c);
	} else if (kind == DZ_XK_BOOL) {
		dz_buf_puts(&b, "：是 或 否");
	} else if (kind == DZ_XK_DATE) {
		dz_buf_puts(&b, "，如 2026-03-01");
	} else if (n && *dz_xnode_example(n) && kind != DZ_XK_NUMBER) {
		dz_buf_printf(&b, "，如 %s", dz_xnode_example(n));
	} else if (kind == DZ_XK_NUMBER) {
		dz_buf_puts(&b, "，如 1,234.50");
	}
	if (t && t->list)
		dz_buf_puts(&b, "（多个以空格分隔）");
	if (unit && *unit)
		dz_buf_printf(&b, "；单位 %s", unit);
	return dz_buf_detach(&b);
}

static void comment(ex *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *text)
{
	lxw_comment_options co;
	if (!text || !*text)
		return;
	memset(&co, 0, sizeof co);
	co.width = 320;
	co.height = 120;
	co.author = "dossier";
	check(x, worksheet_write_comment_opt(ws, r, c, text, &co));
}

/* Data validation of rows r1..r2 of column c: a warning, never a block,
 * so a value in another form can still be typed and is read with a note. */
static void validate(ex *x, lxw_worksheet *ws, lxw_row_t r1, lxw_row_t r2, lxw_col_t c,
		     dz_xkind kind, const dz_xtype *t, const char *min, int whole,
		     const char *title, const char *msg)
{
	lxw_data_validation v;
	const char *yesno[] = {"是", "否", NULL};
	const char **list = NULL;
	char ttl[64], m[256];
	memset(&v, 0, sizeof v);
	switch (kind) {
	case DZ_XK_NUMBER: {
		int64_t lo;
		v.validate = whole ? LXW_VALIDATION_TYPE_INTEGER : LXW_VALIDATION_TYPE_DECIMAL;
		v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
		v.value_number = min && dz_dec_parse(&lo, min) == 0 ? (double)lo / DZ_SCALE : -1e15;
		break;
	}
	case DZ_XK_DATE:
		v.validate = LXW_VALIDATION_TYPE_DATE;
		v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
		v.minimum_datetime = (lxw_datetime){1900, 1, 1, 0, 0, 0};
		v.maximum_datetime = (lxw_datetime){2999, 12, 31, 0, 0, 0};
		break;
	case DZ_XK_YEAR:
		v.validate = LXW_VALIDATION_TYPE_INTEGER;
		v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
		v.minimum_number = 1900;
		v.maximum_number = 2999;
		break;
	case DZ_XK_BOOL:
		list = yesno;
		break;
	case DZ_XK_ENUM: {
		size_t i, len = 0;
		for (i = 0; t && i < t->nenums; i++)
			len += strlen(t->enums[i]) + 1;
		if (!t || !t->nenums || len > 250)
			return; /* Excel's list holds 255 characters */
		list = (const char **)dz_calloc(t->nenums + 1, sizeof *list);
		if (!list) {
			x->rc = DOSSIER_ENOMEM;
			return;
		}
		for (i = 0; i < t->nenums; i++)
			list[i] = t->enums[i];
		break;
	}
	default:
		return;
	}
	if (list) {
		v.validate = LXW_VALIDATION_TYPE_LIST;
		v.value_list = (char **)list;
	}
	/* Excel caps the title at 32 and the message at 255 characters */
	snprintf(ttl, sizeof ttl, "%s", title);
	if (dz_utf8_count(ttl, strlen(ttl), 0) > 30)
		ttl[0] = '\0';
	snprintf(m, sizeof m, "%s", msg);
	while (strlen(m) > 0 && dz_utf8_count(m, strlen(m), 0) > 250)
		m[strlen(m) - 1] = '\0';
	while (strlen(m) > 0 && ((unsigned char)m[strlen(m) - 1] & 0xC0) == 0x80)
		m[strlen(m) - 1] = '\0';
	if (strlen(m) > 0 && (unsigned char)m[strlen(m) - 1] >= 0xC0)
		m[strlen(m) - 1] = '\0';
	v.input_title = *ttl ? ttl : NULL;
	v.input_message = m;
	v.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
	v.error_title = "请核对";
	v.error_message = m;
	check(x, worksheet_data_validation_range(ws, r1, c, r2, c, &v));
	if (kind == DZ_XK_ENUM)
		dz_free((void *)list);
}

/* ---------- sheets ---------- */

static dz_xkind col_kind(const dz_wcol *c)
{
	if (!c->node || !c->node->type)
		return DZ_XK_TEXT;
	return c->node->type->kind;
}

/* The unit that applies to a list's numbers: the container's @unit in the
 * data, for the notes (the blank template has none yet). */
static char *list_unit(xmlNodePtr container)
{
	xmlChar *u = container ? xmlGetNoNsProp(container, BAD_CAST "unit") : NULL;
	char *s = u ? dz_strdup((const char *)u) : NULL;
	xmlFree(u);
	return s;
}

/* The stage row: the outline's stages to choose from, with their titles. */
static void stage_row(ex *x, lxw_worksheet *ws, lxw_row_t r, const dz_wcol *c)
{
	dz_buf b = DZ_BUF_INIT;
	dz_xtype t;
	const char **ids = dz_calloc(x->o->nstages + 1, sizeof *ids);
	size_t i;
	if (!ids) {
		x->rc = DOSSIER_ENOMEM;
		return;
	}
	dz_buf_puts(&b, "必填；本次报送的阶段：");
	for (i = 0; i < x->o->nstages; i++) {
		ids[i] = x->o->stages[i].id;
		dz_buf_printf(&b, "%s%s（%s）", i ? "、" : "", ids[i], x->o->stages[i].title);
	}
	memset(&t, 0, sizeof t);
	t.kind = DZ_XK_ENUM;
	t.enums = ids;
	t.nenums = x->o->nstages;
	t.minlen = t.maxlen = -1;
	t.name = "";
	if (dz_buf_cstr(&b)) {
		check(x, worksheet_write_string(ws, r, 2, dz_buf_cstr(&b), x->note));
		validate(x, ws, r, r, 1, DZ_XK_ENUM, &t, NULL, 0, c->label, dz_buf_cstr(&b));
	} else {
		x->rc = DOSSIER_ENOMEM;
	}
	dz_buf_dispose(&b);
	dz_free(ids);
}

static void info_sheet(ex *x, const dz_wsheet *s)
{
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, s->name);
	lxw_row_col_options hidden = {1, 0, 0};
	xmlNodePtr root = x->doc ? xmlDocGetRootElement(x->doc) : NULL;
	size_t i, wval = 24;
	if (!ws) {
		check(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	check(x, worksheet_write_string(ws, 0, 0, "项目", x->head));
	check(x, worksheet_write_string(ws, 0, 1, "值", x->head));
	check(x, worksheet_write_string(ws, 0, 2, "说明", x->head));
	check(x, worksheet_write_string(ws, 0, 3, "键", x->key));
	for (i = 0; i < s->ncols && !x->rc; i++) {
		const dz_wcol *c = &s->cols[i];
		lxw_row_t r = (lxw_row_t)(i + 1);
		char *label = dz_fmt("%*s%s", c->depth * 3, "", c->label);
		char *v = root ? value_at(root, c->key) : NULL;
		check(x, worksheet_write_string(ws, r, 0, label ? label : c->label,
						c->heading ? x->heading : x->label));
		check(x, worksheet_write_string(ws, r, 3, c->key, x->key));
		dz_free(label);
		if (c->heading) {
			check(x, worksheet_write_blank(ws, r, 1, x->heading));
			check(x, worksheet_write_blank(ws, r, 2, x->heading));
			dz_free(v);
			continue;
		}
		if (!v && !strcmp(c->key, DZ_SCHEME_KEY) && x->o)
			v = dz_strdup(dossier_outline_id(x->o));
		if (!v && c->node && c->node->type && c->node->type->nenums == 1)
			v = dz_strdup(c->node->type->enums[0]); /* the only value it can have */
		put(x, ws, r, 1, col_kind(c), v);
		if (v && width_of(v) > wval)
			wval = width_of(v);
		dz_free(v);
		if (!strcmp(c->key, DZ_STAGE_KEY) && x->o && x->o->nstages) {
			stage_row(x, ws, r, c);
			continue;
		}
		{
			char *h = hint(c->node, col_kind(c), c->node ? c->node->unit : NULL);
			check(x, worksheet_write_string(ws, r, 2, h ? h : "", x->note));
			validate(x, ws, r, r, 1, col_kind(c), c->node ? c->node->type : NULL, NULL, 0,
				 c->label, h ? h : "");
			dz_free(h);
		}
		if (c->node && c->node->doc && strcmp(c->node->doc, c->label))
			comment(x, ws, r, 0, c->node->doc);
	}
	check(x, worksheet_set_column(ws, 0, 0, 34, NULL));
	check(x, worksheet_set_column(ws, 1, 1, wval > 60 ? 60 : (double)wval + 2, NULL));
	check(x, worksheet_set_column(ws, 2, 2, 48, NULL));
	check(x, worksheet_set_column_opt(ws, 3, 3, 20, NULL, &hidden));
	worksheet_freeze_panes(ws, 1, 0);
}

/* Header rows of a list or data-table sheet: labels, and the keys hidden. */
static lxw_worksheet *list_head(ex *x, const dz_wsheet *s)
{
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, s->name);
	lxw_row_col_options hidden = {1, 0, 0};
	size_t k;
	if (!ws) {
		check(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return NULL;
	}
	for (k = 0; k < s->ncols; k++) {
		check(x, worksheet_write_string(ws, 0, (lxw_col_t)k, s->cols[k].label, x->head));
		check(x, worksheet_write_string(ws, 1, (lxw_col_t)k, s->cols[k].key, x->key));
	}
	check(x, worksheet_set_row_opt(ws, 1, LXW_DEF_ROW_HEIGHT, NULL, &hidden));
	worksheet_freeze_panes(ws, DZ_LIST_HEAD, 0);
	return ws;
}

static void set_widths(ex *x, lxw_worksheet *ws, const dz_wsheet *s, const size_t *w)
{
	size_t k;
	for (k = 0; k < s->ncols; k++) {
		double width = w[k] < 8 ? 8 : w[k] > 60 ? 60 : (double)w[k] + 2;
		check(x, worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k, width, NULL));
	}
}

/* The elements behind a list sheet's rows, and for a nested list the
 * sheet row of the parent each belongs to. */
typedef struct {
	xmlNodePtr *el;
	lxw_row_t *parent_row;
	size_t n;
} rowset;

static void rows_for(ex *x, const dz_wsheet *s, const rowset *parents, rowset *out)
{
	memset(out, 0, sizeof *out);
	if (!x->doc)
		return;
	if (!parents) {
		out->n = rows_of(xmlDocGetRootElement(x->doc), s->path, &out->el);
		return;
	} else {
		size_t i, cap = 0, pcap = 0;
		for (i = 0; i < parents->n; i++) {
			xmlNodePtr *kids;
			size_t n = rows_of(parents->el[i], s->path, &kids), k;
			for (k = 0; k < n; k++) {
				if (dz_grow((void **)&out->el, &cap, out->n, sizeof *out->el) ||
				    dz_grow((void **)&out->parent_row, &pcap, out->n,
					    sizeof *out->parent_row)) {
					x->rc = DOSSIER_ENOMEM;
					break;
				}
				out->el[out->n] = kids[k];
				out->parent_row[out->n++] = (lxw_row_t)(i + DZ_LIST_HEAD);
			}
			dz_free(kids);
		}
	}
}

static void list_sheet(ex *x, const dz_wsheet *s, rowset *all)
{
	lxw_worksheet *ws = list_head(x, s);
	rowset *rs = &all[s - x->l->sheets];
	size_t *w = dz_calloc(s->ncols + 1, sizeof *w), i, k;
	xmlNodePtr container = NULL;
	char *unit = NULL;
	if (!ws || !w) {
		dz_free(w);
		if (!x->rc)
			x->rc = DOSSIER_ENOMEM;
		return;
	}
	rows_for(x, s, s->parent >= 0 ? &all[s->parent] : NULL, rs);
	if (rs->n)
		container = rs->el[0]->parent;
	else if (x->doc && s->parent < 0 && strrchr(s->path, '/')) {
		char *dir = dz_strndup(s->path, (size_t)(strrchr(s->path, '/') - s->path));
		container = dir ? el_at(xmlDocGetRootElement(x->doc), dir) : NULL;
		dz_free(dir);
	}
	unit = list_unit(container);
	for (k = 0; k < s->ncols; k++)
		w[k] = width_of(s->cols[k].label) + 2;
	for (i = 0; i < rs->n && !x->rc; i++) {
		lxw_row_t r = (lxw_row_t)(i + DZ_LIST_HEAD);
		for (k = 0; k < s->ncols; k++) {
			const dz_wcol *c = &s->cols[k];
			char *v;
			if (!strcmp(c->key, "^")) {
				check(x, worksheet_write_number(ws, r, (lxw_col_t)k,
								rs->parent_row[i] + 1, NULL));
				continue;
			}
			v = value_at(rs->el[i], c->key);
			put(x, ws, r, (lxw_col_t)k, col_kind(c), v);
			if (v && width_of(v) > w[k])
				w[k] = width_of(v);
			dz_free(v);
		}
	}
	for (k = 0; k < s->ncols && !x->rc; k++) {
		const dz_wcol *c = &s->cols[k];
		const char *u = c->node && c->node->unit ? c->node->unit
			      : col_kind(c) == DZ_XK_NUMBER ? unit : NULL;
		char *h = c->node ? hint(c->node, col_kind(c), u) : NULL;
		char *note = h ? dz_fmt("%s\n%s", c->node->doc ? c->node->doc : c->label, h) : NULL;
		comment(x, ws, 0, (lxw_col_t)k, note ? note : "填写该行所属的上一级表格的行号。");
		if (c->node)
			validate(x, ws, DZ_LIST_HEAD, (lxw_row_t)(DZ_LIST_HEAD + rs->n + SPARE_ROWS),
				 (lxw_col_t)k, col_kind(c), c->node->type, NULL, 0, c->label,
				 h ? h : "");
		dz_free(h);
		dz_free(note);
	}
	set_widths(x, ws, s, w);
	dz_free(w);
	dz_free(unit);
}

static const char *type_zh(dz_ftype t)
{
	static const char *n[] = {"金额", "整数", "数值", "比例", "面积", "文字", "日期", "是/否"};
	return n[t];
}

/* The note on a field's label: what it is, its rules and its article. */
static char *field_note(const dossier_outline *o, const dz_field *f)
{
	dz_buf b = DZ_BUF_INIT;
	const dz_field *of = f->of ? dz_outline_field(o, f->of) : NULL;
	dz_buf_printf(&b, "%s（%s）\n%s%s%s；%s", f->label, f->id, type_zh(f->type),
		      f->unit && *f->unit ? "，单位 " : "", f->unit ? f->unit : "",
		      f->derived ? "由系统计算，无需填写" : f->required ? "必填" : "可选");
	if (f->min)
		dz_buf_printf(&b, "；不小于 %s", f->min);
	if (f->max)
		dz_buf_printf(&b, "；不大于 %s", f->max);
	if (of)
		dz_buf_printf(&b, "；为“%s”的其中项，不能超过它", of->label);
	if (f->evidence_nonzero)
		dz_buf_puts(&b, "；非零时须引用证明材料");
	dz_buf_printf(&b, "\n条款：%s", f->article ? f->article : "");
	return dz_buf_detach(&b);
}

static void field_row(ex *x, lxw_worksheet *ws, const dz_wsheet *s, lxw_row_t r,
		      const dz_field *f, xmlNodePtr v, size_t *w)
{
	size_t k;
	for (k = 0; k < s->ncols && !x->rc; k++) {
		const dz_wcol *c = &s->cols[k];
		dz_xkind kind = col_kind(c);
		char *val = NULL;
		if (!strcmp(c->key, "#label")) {
			if (f) {
				char *note = field_note(x->o, f);
				check(x, worksheet_write_string(ws, r, (lxw_col_t)k, f->label, x->label));
				comment(x, ws, r, (lxw_col_t)k, note);
				dz_free(note);
			}
			if (f && width_of(f->label) > w[k])
				w[k] = width_of(f->label);
			continue;
		}
		if (!strcmp(c->key, "#article")) {
			if (f && f->article)
				check(x, worksheet_write_string(ws, r, (lxw_col_t)k, f->article, x->note));
			continue;
		}
		val = v ? value_at(v, c->key) : NULL;
		if (!val && f && !strcmp(c->key, "@" DZ_FIELDS_KEY))
			val = dz_strdup(f->id);
		if (!val && f && !strcmp(c->key, "@unit") && f->unit && *f->unit)
			val = dz_strdup(f->unit); /* the outline's unit, to keep or change */
		if (!strcmp(c->key, ".") && f) {
			char *h;
			kind = field_kind(f->type);
			h = dz_fmt("%s%s%s", type_zh(f->type), f->unit && *f->unit ? "，单位 " : "",
				   f->unit ? f->unit : "");
			validate(x, ws, r, r, (lxw_col_t)k, kind, NULL, f->min,
				 f->type == DZ_T_COUNT, f->label, h ? h : "");
			dz_free(h);
		}
		put(x, ws, r, (lxw_col_t)k, kind, val);
		if (val && width_of(val) > w[k])
			w[k] = width_of(val);
		dz_free(val);
	}
}

static void fields_sheet(ex *x, const dz_wsheet *s)
{
	lxw_worksheet *ws = list_head(x, s);
	xmlNodePtr *vals = NULL;
	size_t nvals = 0, i, k, *w;
	char *used;
	const char *group = NULL;
	lxw_row_t r = DZ_LIST_HEAD;
	w = dz_calloc(s->ncols + 1, sizeof *w);
	if (x->doc)
		nvals = rows_of(xmlDocGetRootElement(x->doc), s->path, &vals);
	used = dz_calloc(nvals + 1, 1);
	if (!ws || !w || !used) {
		if (!x->rc)
			x->rc = DOSSIER_ENOMEM;
		goto done;
	}
	for (k = 0; k < s->ncols; k++)
		w[k] = width_of(s->cols[k].label) + 2;
	for (i = 0; i < x->o->nfields && !x->rc; i++) {
		const dz_field *f = &x->o->fields[i];
		int any = 0;
		if (!group || strcmp(group, f->group)) {
			group = f->group;
			check(x, worksheet_merge_range(ws, r, 1, r, (lxw_col_t)(s->ncols - 1),
						       group, x->heading));
			r++;
		}
		for (k = 0; k < nvals; k++) {
			char *id = value_at(vals[k], "@" DZ_FIELDS_KEY);
			if (id && !strcmp(id, f->id)) {
				field_row(x, ws, s, r++, f, vals[k], w);
				used[k] = 1;
				any = 1;
			}
			dz_free(id);
		}
		if (!any)
			field_row(x, ws, s, r++, f, NULL, w);
	}
	for (k = 0; k < nvals && !x->rc; k++) {
		if (used[k])
			continue;
		if (group != NULL) {
			check(x, worksheet_merge_range(ws, r, 1, r, (lxw_col_t)(s->ncols - 1),
						       "其他指标（不在本方案的数据表中）", x->heading));
			r++;
			group = NULL;
		}
		field_row(x, ws, s, r++, NULL, vals[k], w);
	}
	set_widths(x, ws, s, w);
done:
	dz_free(vals);
	dz_free(used);
	dz_free(w);
}

static void formats(ex *x)
{
	x->head = workbook_add_format(x->wb);
	format_set_bold(x->head);
	format_set_bg_color(x->head, 0xD9E1F2);
	format_set_border(x->head, LXW_BORDER_THIN);
	format_set_text_wrap(x->head);
	x->key = workbook_add_format(x->wb);
	format_set_font_color(x->key, 0x808080);
	format_set_font_size(x->key, 8);
	x->heading = workbook_add_format(x->wb);
	format_set_bold(x->heading);
	format_set_bg_color(x->heading, 0xEDEDED);
	x->label = workbook_add_format(x->wb);
	x->note = workbook_add_format(x->wb);
	format_set_font_color(x->note, 0x595959);
	x->text = workbook_add_format(x->wb);
	format_set_num_format(x->text, "@");
	x->date = workbook_add_format(x->wb);
	format_set_num_format(x->date, "yyyy-mm-dd");
	x->year = workbook_add_format(x->wb);
	format_set_num_format(x->year, "0");
}

/* The workbook holds what centre.xsd declares: an element or attribute
 * it does not know would be left out without a word, so it is refused,
 * named with its line, before anything is written. */
static int carried(const dz_xmodel *m, xmlDocPtr doc, const char *path)
{
	dz_explained *why = NULL;
	size_t n = 0, i;
	int rc = dz_explain(m->root, doc, &why, &n, 200);
	for (i = 0; rc == 0 && i < n; i++)
		if (!why[i].what) {
			char *zh = dz_fmt("%s，无法写入工作簿", why[i].zh);
			char *en = dz_fmt("%s, so it cannot go into the workbook", why[i].en);
			rc = dz_err(DOSSIER_ESCHEMA, path, why[i].line, 0, zh ? zh : why[i].zh,
				    en ? en : why[i].en, why[i].hint_zh, why[i].hint_en);
			dz_free(zh);
			dz_free(en);
		}
	dz_explained_free(why, n);
	if (rc == DOSSIER_ENOMEM)
		dz_err(rc, path, 0, 0, "内存不足", "out of memory", "", "");
	return rc;
}

int dossier_xlsx_export(const char *xlsx, const char *centre_xml,
			const dossier_outline *o, const dossier_office_options *opts)
{
	dossier_office_options op = DOSSIER_OFFICE_OPTIONS_INIT;
	const dz_xmodel *m;
	dz_wlayout l;
	ex x;
	rowset *rows = NULL;
	char *tmp = NULL;
	int fd = -1, rc;
	size_t i;
	lxw_workbook_options wo;
	if (opts)
		op = *opts;
	if (!xlsx || !o || !op.schema_dir)
		return dz_err(DOSSIER_EUSAGE, "", 0, 0, "参数为空", "a required argument is NULL", "", "");
	memset(&x, 0, sizeof x);
	x.o = o;
	if (!(m = dz_xmodel_get(op.schema_dir, "centre.xsd")))
		return dossier_error_last() ? dossier_error_last()->code : DOSSIER_ENOTFOUND;
	if (centre_xml) {
		const char *enc;
		if ((rc = dz_xml_load(&x.doc, &enc, centre_xml, op.max_file)) != 0 ||
		    (rc = carried(m, x.doc, centre_xml)) != 0) {
			xmlFreeDoc(x.doc);
			return rc;
		}
	}
	if ((rc = dz_wlayout_build(&l, m->root, o)) != 0) {
		xmlFreeDoc(x.doc);
		return rc;
	}
	x.l = &l;
	rows = dz_calloc(l.n, sizeof *rows);
	tmp = rows ? dz_tmp_beside(xlsx, &fd) : NULL;
	if (!tmp) {
		rc = rows ? (dossier_error_last() ? dossier_error_last()->code : DOSSIER_EIO)
			  : DOSSIER_ENOMEM;
		goto done;
	}
	close(fd);
	memset(&wo, 0, sizeof wo);
	wo.tmpdir = NULL;
	x.wb = workbook_new_opt(tmp, &wo);
	if (!x.wb) {
		rc = dz_errf(DOSSIER_EIO, xlsx, 0, 0, "检查输出目录是否可写。",
			     "Check that the output directory is writable.",
			     "无法创建工作簿", "cannot create the workbook");
		goto done;
	}
	formats(&x);
	for (i = 0; i < l.n && !x.rc; i++) {
		switch (l.sheets[i].kind) {
		case DZ_WS_INFO: info_sheet(&x, &l.sheets[i]); break;
		case DZ_WS_FIELDS: fields_sheet(&x, &l.sheets[i]); break;
		case DZ_WS_LIST: list_sheet(&x, &l.sheets[i], rows); break;
		}
	}
	{
		lxw_error e = workbook_close(x.wb);
		x.wb = NULL;
		if (!x.rc && e != LXW_NO_ERROR)
			x.rc = dz_errf(DOSSIER_EIO, xlsx, 0, 0, "检查磁盘空间和权限。",
				       "Check the disk space and permissions.",
				       "写入工作簿失败：%s", "cannot write the workbook: %s",
				       lxw_strerror(e));
	}
	rc = x.rc;
	if (rc == DOSSIER_ENOMEM)
		dz_err(rc, xlsx, 0, 0, "内存不足", "out of memory", "", "");
	if (rc == 0)
		rc = dz_rename_into(tmp, xlsx);
	else
		unlink(tmp);
done:
	if (x.wb)
		workbook_close(x.wb);
	if (rc && tmp)
		unlink(tmp);
	for (i = 0; rows && i < l.n; i++) {
		dz_free(rows[i].el);
		dz_free(rows[i].parent_row);
	}
	dz_free(rows);
	dz_free(tmp);
	dz_wlayout_dispose(&l);
	xmlFreeDoc(x.doc);
	return rc;
}
