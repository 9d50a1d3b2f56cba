/*
 * workbook.c — which sheets, rows and columns a centre.xml becomes, read
 * off the schema model (load/xsd.h) and the outline; export.c writes them,
 * import.c reads them back. Nothing here names an element of centre.xsd:
 *
 *   - 基本信息: every value that occurs once (an attribute, a simple
 *     element, an element's text), one row each, under a heading row per
 *     element that holds them, in schema order;
 *   - one sheet per repeated element (maxOccurs > 1), named by its
 *     container's label when the container holds little else, else by its
 *     own; a column per attribute, per simple child and for its text, the
 *     values of non-repeated children flattened into columns; a repeated
 *     element inside a row gets its own sheet whose first column names the
 *     row it belongs to;
 *   - the outline's data table (DZ_FIELDS_PATH): one row per field, with
 *     its label and article from the outline and the value element's
 *     columns.
 */
#include <string.h>
#include "util/util.h"
#include "load/xsd.h"
#include "model.h"
#include "office_int.h"

static int add_col(dz_wsheet *s, size_t *cap, const dz_xnode *node, char *key,
		   const char *label, const char *label_en, int depth, int heading)
{
	dz_wcol *c;
	if (!key || dz_grow((void **)&s->cols, cap, s->ncols, sizeof *s->cols)) {
		dz_free(key);
		return DOSSIER_ENOMEM;
	}
	c = &s->cols[s->ncols];
	memset(c, 0, sizeof *c);
	c->node = node;
	c->key = key;
	c->label = dz_strdup(label);
	c->label_en = dz_strdup(label_en);
	c->depth = depth;
	c->heading = heading;
	s->ncols++;
	return c->label && c->label_en ? 0 : DOSSIER_ENOMEM;
}

static size_t count_elements(const dz_xnode *n)
{
	size_t i, k = 0;
	for (i = 0; i < n->nkids; i++)
		k += !n->kids[i]->attr;
	return k;
}

/* Sheet names: Excel allows 31 characters and none of : \ / ? * [ ]. */
static char *sheet_name(const dz_wlayout *l, const char *want)
{
	char base[128], *out = NULL;
	size_t o = 0, chars = 0;
	const char *p = want;
	int n;
	while (*p && chars < 28 && o + 5 < sizeof base) {
		uint32_t cp;
		int len = dz_utf8_decode((const unsigned char *)p, strlen(p), &cp);
		if (len <= 0)
			break;
		if (!strchr(":\\/?*[]", *p) || len > 1) {
			memcpy(base + o, p, (size_t)len);
			o += (size_t)len;
			chars++;
		}
		p += len;
	}
	base[o] = '\0';
	if (!o)
		strcpy(base, "Sheet");
	for (n = 1; n < 1000; n++) {
		size_t i;
		int clash = 0;
		dz_free(out);
		out = n == 1 ? dz_strdup(base) : dz_fmt("%s%d", base, n);
		if (!out)
			return NULL;
		for (i = 0; i < l->n && !clash; i++)
			clash = !strcmp(l->sheets[i].name, out);
		if (!clash)
			return out;
	}
	return out;
}

static int new_sheet(dz_wlayout *l, size_t *cap, dz_wskind kind, const char *name,
		     const dz_xnode *row, char *path, int parent)
{
	dz_wsheet *s;
	if (!path && kind != DZ_WS_INFO)
		return DOSSIER_ENOMEM;
	if (dz_grow((void **)&l->sheets, cap, l->n, sizeof *l->sheets)) {
		dz_free(path);
		return DOSSIER_ENOMEM;
	}
	s = &l->sheets[l->n];
	memset(s, 0, sizeof *s);
	s->kind = kind;
	s->row = row;
	s->path = path;
	s->parent = parent;
	s->name = sheet_name(l, name);
	l->n++;
	return s->name ? 0 : DOSSIER_ENOMEM;
}

/* The sheet a repeated element gets: named by its container when the
 * container holds at most one other element (staff/person → 人员,
 * funding/source beside funding/total → 资金筹措), else by itself
 * (dates/extension → 延长筹建期). */
static const char *list_name(const dz_xnode *e)
{
	const dz_xnode *p = e->parent;
	if (p && p->parent && count_elements(p) <= 2 && p->label != p->name)
		return p->label;
	return e->label;
}

typedef struct {
	dz_wlayout *l;
	size_t cap;
	int rc;
} walk;

static int list_sheet(walk *w, const dz_xnode *e, char *path, int parent);

static char *join(const char *prefix, const char *name, int attr)
{
	return dz_fmt("%s%s%s", prefix, attr ? "@" : "", name);
}

/* Columns of a row element (or a non-repeated part of it, under `prefix`). */
static int row_cols(walk *w, size_t si, size_t *ccap, const dz_xnode *e, const char *prefix,
		    const char *lprefix, const char *lprefix_en)
{
	size_t i, pass;
	int rc = 0;
	/* required attributes, the element's text, then the other attributes */
	for (pass = 0; pass < 3 && rc == 0; pass++) {
		if (pass == 1) {
			if (e->type)
				rc = add_col(&w->l->sheets[si], ccap, e,
					     *prefix ? dz_strndup(prefix, strlen(prefix) - 1)
						     : dz_strdup("."),
					     *lprefix ? lprefix : e->label,
					     *lprefix_en ? lprefix_en : e->label_en, 0, 0);
			continue;
		}
		for (i = 0; i < e->nkids && rc == 0; i++) {
			const dz_xnode *a = e->kids[i];
			char *lab, *lab_en;
			if (!a->attr || (pass == 0) != (a->required != 0))
				continue;
			lab = *lprefix ? dz_fmt("%s — %s", lprefix, a->label) : dz_strdup(a->label);
			lab_en = *lprefix_en ? dz_fmt("%s — %s", lprefix_en, a->label_en)
					     : dz_strdup(a->label_en);
			rc = lab && lab_en ? add_col(&w->l->sheets[si], ccap, a, join(prefix, a->name, 1),
						     lab, lab_en, 0, 0)
					   : DOSSIER_ENOMEM;
			dz_free(lab);
			dz_free(lab_en);
		}
	}
	for (i = 0; i < e->nkids && rc == 0; i++) {
		const dz_xnode *k = e->kids[i];
		char *sub, *lab, *lab_en;
		if (k->attr)
			continue;
		if (k->repeated) {
			/* a list inside a row: its own sheet, pointing back */
			char *path = dz_fmt("%s%s", prefix, k->name);
			rc = list_sheet(w, k, path, (int)si);
			continue;
		}
		sub = dz_fmt("%s%s/", prefix, k->name);
		lab = *lprefix ? dz_fmt("%s — %s", lprefix, k->label) : dz_strdup(k->label);
		lab_en = *lprefix_en ? dz_fmt("%s — %s", lprefix_en, k->label_en)
				     : dz_strdup(k->label_en);
		rc = sub && lab && lab_en ? row_cols(w, si, ccap, k, sub, lab, lab_en)
					  : DOSSIER_ENOMEM;
		dz_free(sub);
		dz_free(lab);
		dz_free(lab_en);
	}
	return rc;
}

static int list_sheet(walk *w, const dz_xnode *e, char *path, int parent)
{
	size_t si = w->l->n, ccap = 0;
	int rc = new_sheet(w->l, &w->cap, DZ_WS_LIST, list_name(e), e, path, parent);
	if (rc)
		return rc;
	if (parent >= 0 &&
	    (rc = add_col(&w->l->sheets[si], &ccap, NULL, dz_strdup("^"),
			  "所属行", "Belongs to row", 0, 0)) != 0)
		return rc;
	return row_cols(w, si, &ccap, e, "", "", "");
}

static int fields_sheet(walk *w, const dz_xnode *e, char *path)
{
	size_t si = w->l->n, ccap = 0, i;
	dz_wsheet *s;
	int rc = new_sheet(w->l, &w->cap, DZ_WS_FIELDS, list_name(e), e, path, -1);
	if (rc)
		return rc;
	s = &w->l->sheets[si];
	if ((rc = add_col(s, &ccap, dz_xnode_child(e, DZ_FIELDS_KEY, 1), dz_strdup("@" DZ_FIELDS_KEY),
			  "字段编号", "Field id", 0, 0)) ||
	    (rc = add_col(s, &ccap, NULL, dz_strdup("#label"), "指标", "Indicator", 0, 0)) ||
	    (rc = add_col(s, &ccap, NULL, dz_strdup("#article"), "条款", "Article", 0, 0)))
		return rc;
	if (e->type && (rc = add_col(s, &ccap, e, dz_strdup("."), e->label, e->label_en, 0, 0)))
		return rc;
	for (i = 0; i < e->nkids && rc == 0; i++) {
		const dz_xnode *a = e->kids[i];
		if (a->attr && strcmp(a->name, DZ_FIELDS_KEY))
			rc = add_col(s, &ccap, a, join("", a->name, 1), a->label, a->label_en, 0, 0);
	}
	return rc;
}

/* 基本信息 rows below element n (a non-repeated element outside lists). */
static int info_rows(walk *w, size_t *icap, const dz_xnode *n, int depth)
{
	size_t i;
	int rc = 0;
	for (i = 0; i < n->nkids && rc == 0; i++) {
		const dz_xnode *k = n->kids[i];
		char *path = dz_xnode_path(k);
		if (!path)
			return DOSSIER_ENOMEM;
		if (k->attr) {
			rc = add_col(&w->l->sheets[0], icap, k, path, k->label, k->label_en, depth, 0);
		} else if (k->repeated) {
			if (!strcmp(path, DZ_FIELDS_PATH) && w->l->o && w->l->o->nfields)
				rc = fields_sheet(w, k, path);
			else
				rc = list_sheet(w, k, path, -1);
		} else if (k->type && !k->nkids) {
			rc = add_col(&w->l->sheets[0], icap, k, path, k->label, k->label_en, depth, 0);
		} else {
			/* a heading, then what the element holds; a heading
			 * with nothing under it (a list's container) goes */
			size_t at;
			/* its text keyed apart from its heading: "identity/director/." */
			char *text = k->type ? dz_fmt("%s/.", path) : NULL;
			rc = add_col(&w->l->sheets[0], icap, k, path, k->label, k->label_en, depth, 1);
			at = w->l->sheets[0].ncols;
			if (rc == 0 && k->type)
				rc = text ? add_col(&w->l->sheets[0], icap, k, text, k->label,
						    k->label_en, depth + 1, 0)
					  : DOSSIER_ENOMEM;
			else
				dz_free(text);
			if (rc == 0)
				rc = info_rows(w, icap, k, depth + 1);
			if (rc == 0 && w->l->sheets[0].ncols == at) {
				dz_wcol *c = &w->l->sheets[0].cols[--w->l->sheets[0].ncols];
				dz_free(c->key);
				dz_free(c->label);
				dz_free(c->label_en);
			}
		}
	}
	return rc;
}

int dz_wlayout_build(dz_wlayout *l, const dz_xnode *root, const dossier_outline *o)
{
	walk w;
	size_t icap = 0;
	int rc;
	memset(l, 0, sizeof *l);
	memset(&w, 0, sizeof w);
	l->root = root;
	l->o = o;
	w.l = l;
	rc = new_sheet(l, &w.cap, DZ_WS_INFO, DZ_INFO_SHEET, root, NULL, -1);
	if (rc == 0)
		rc = info_rows(&w, &icap, root, 0);
	if (rc) {
		dz_wlayout_dispose(l);
		return dz_err(rc, "", 0, 0, "内存不足", "out of memory", "", "");
	}
	return 0;
}

void dz_wlayout_dispose(dz_wlayout *l)
{
	size_t i, k;
	for (i = 0; i < l->n; i++) {
		dz_wsheet *s = &l->sheets[i];
		for (k = 0; k < s->ncols; k++) {
			dz_free(s->cols[k].key);
			dz_free(s->cols[k].label);
			dz_free(s->cols[k].label_en);
		}
		dz_free(s->cols);
		dz_free(s->name);
		dz_free(s->path);
	}
	dz_free(l->sheets);
	memset(l, 0, sizeof *l);
}
