/*
 * friendly.c — schema errors said for the person who fills centre.xml.
 *
 * libxml2 validates (it stays the judge of what is valid), but its
 * messages are English, name elements by their XML names, and stop at the
 * first problem inside each element ("Missing child element(s). Expected
 * is ( identity )."). This walks the document against the schema model
 * (xsd.h) and says every problem at once, in Chinese and English, with the
 * element's label and unit from centre.xsd's annotations, what was found
 * and an example of a valid value; a value that is recognisable in another
 * form (2026年1月28日, 1,234.5万元) gets exactly what to write instead.
 * libxml2's errors the walk does not cover (identity constraints, say)
 * follow, as libxml2 says them.
 */
#include <string.h>
#include <libxml/xmlerror.h>
#include "util/util.h"
#include "util/num.h"
#include "xsd.h"
#include "model.h"

typedef struct {
	dz_explained *v;
	size_t n, cap, max;
	int oom;
} ex_list;

static int line_of(xmlNodePtr n)
{
	long l = n ? xmlGetLineNo(n) : 0;
	return l > 0 ? (int)l : 0;
}

static char *path_of(xmlNodePtr n, const char *attr)
{
	xmlChar *p = xmlGetNodePath(n);
	char *s = p ? (attr ? dz_fmt("%s/@%s", (const char *)p, attr) : dz_strdup((const char *)p))
		    : NULL;
	xmlFree(p);
	return s;
}

/* Take ownership of the four texts (any may be NULL on OOM). */
static void add(ex_list *l, xmlNodePtr node, const dz_xnode *what, int missing,
		const char *attr, char *zh, char *en, char *hzh, char *hen)
{
	dz_explained *e;
	if (l->oom || l->n >= l->max || !zh || !en || !hzh || !hen ||
	    dz_grow((void **)&l->v, &l->cap, l->n, sizeof *l->v)) {
		if (!zh || !en || !hzh || !hen || l->n < l->max)
			l->oom = 1;
		dz_free(zh);
		dz_free(en);
		dz_free(hzh);
		dz_free(hen);
		return;
	}
	e = &l->v[l->n];
	e->node = node;
	e->what = what;
	e->missing = missing;
	e->line = line_of(node);
	e->path = path_of(node, attr);
	e->zh = zh;
	e->en = en;
	e->hint_zh = hzh;
	e->hint_en = hen;
	if (!e->path) {
		l->oom = 1;
		dz_free(zh);
		dz_free(en);
		dz_free(hzh);
		dz_free(hen);
		return;
	}
	l->n++;
}

/* "“依托单位 — 统一社会信用代码”" with the unit when one is fixed. */
static char *named(const dz_xnode *n, int zh)
{
	char *p = dz_xnode_label_path(n, zh), *s;
	if (!p)
		return NULL;
	if (zh)
		s = n->unit ? dz_fmt("“%s”（%s，单位 %s）", p, n->name, n->unit)
			    : dz_fmt("“%s”（%s%s）", p, n->attr ? "@" : "", n->name);
	else
		s = n->unit ? dz_fmt("\"%s\" (%s, in %s)", p, n->name, n->unit)
			    : dz_fmt("\"%s\" (%s%s)", p, n->attr ? "@" : "", n->name);
	dz_free(p);
	return s;
}

static char *element_list(const dz_xnode *m, int attrs)
{
	dz_buf b = DZ_BUF_INIT;
	size_t i;
	int first = 1;
	for (i = 0; i < m->nkids; i++) {
		if (m->kids[i]->attr != attrs)
			continue;
		dz_buf_printf(&b, "%s%s%s（%s）", first ? "" : "、", attrs ? "@" : "",
			      m->kids[i]->name, m->kids[i]->label);
		first = 0;
	}
	return dz_buf_detach(&b);
}

/* What follows a number is advice only if it is a unit ("万元"), not the
 * rest of a number written another way ("18.536,72"). */
static int known_unit(const char *u)
{
	dz_dim dim;
	int64_t f;
	return dz_unit_lookup(u, &dim, &f);
}

int dz_value_advice(dz_xkind kind, const char *value, const char *unit, char **zh, char **en)
{
	char num[64], u[64], buf[64];
	int64_t v;
	long days;
	int iso;
	*zh = *en = NULL;
	if (kind == DZ_XK_DATE && dz_date_parse_loose(&days, &iso, value) == 0) {
		dz_date_format(buf, sizeof buf, days);
		*zh = dz_fmt("请写作 %s（日期一律写作 YYYY-MM-DD）。", buf);
		*en = dz_fmt("Write %s (dates are written YYYY-MM-DD).", buf);
	} else if (kind == DZ_XK_NUMBER &&
		   dz_num_normalise(num, sizeof num, u, sizeof u, value) == 0 &&
		   dz_dec_parse(&v, num) == 0 && (!*u || known_unit(u))) {
		int commas = strchr(value, ',') || strstr(value, "，");
		const char *dot = strchr(num, '.');
		dz_dec_format(buf, sizeof buf, v, dot ? (int)strlen(dot + 1) : 0, commas);
		if (*u && (!unit || !*unit || strcmp(u, unit))) {
			*zh = dz_fmt("请只写数字 %s，单位写在 unit 属性中：unit=\"%s\"。", buf, u);
			*en = dz_fmt("Write the number alone, %s, and the unit in the unit attribute: "
				     "unit=\"%s\".", buf, u);
		} else {
			*zh = dz_fmt("请写作 %s（只写数字，用半角数字和小数点）。", buf);
			*en = dz_fmt("Write %s (the number alone, in ASCII digits).", buf);
		}
	} else if (kind == DZ_XK_BOOL && (!strcmp(value, "是") || !strcmp(value, "否"))) {
		*zh = dz_fmt("请写作 %s。", !strcmp(value, "是") ? "true" : "false");
		*en = dz_fmt("Write %s.", !strcmp(value, "是") ? "true" : "false");
	} else {
		return -1;
	}
	if (!*zh || !*en) {
		dz_free(*zh);
		dz_free(*en);
		*zh = *en = NULL;
		return -1;
	}
	return 0;
}

/* The unit that applies to a value of element el: a "unit"-typed attribute
 * on it or an ancestor (borrowed from the tree), or the model's fixed one. */
static const char *unit_for(xmlNodePtr el, const dz_xnode *m, const dz_xnode *what)
{
	size_t i;
	if (what->unit)
		return what->unit;
	for (; el && m; el = el->parent, m = m->parent)
		for (i = 0; i < m->nkids; i++) {
			const dz_xnode *a = m->kids[i];
			if (a->attr && a->type && !strcmp(a->type->name, "unit")) {
				xmlAttrPtr p = xmlHasProp(el, BAD_CAST a->name);
				if (p && p->children && p->children->content)
					return (const char *)p->children->content;
			}
		}
	return NULL;
}

static void bad_value(ex_list *l, xmlNodePtr el, const dz_xnode *m, const dz_xnode *what,
		      const char *value)
{
	const dz_xtype *t = what->type;
	char *nz = named(what, 1), *ne = named(what, 0);
	char *az = NULL, *ae = NULL, *zh, *en, *hz, *he;
	const char *pz, *pe, *unit = unit_for(el, m, what);
	switch (t->kind) {
	case DZ_XK_DATE: pz = "不是有效日期"; pe = "is not a valid date"; break;
	case DZ_XK_YEAR: pz = "不是年份"; pe = "is not a year"; break;
	case DZ_XK_NUMBER: pz = "不是数字"; pe = "is not a number"; break;
	case DZ_XK_BOOL: pz = "不是 true 或 false"; pe = "is not true or false"; break;
	case DZ_XK_ENUM: pz = "不是可选的值"; pe = "is not one of the allowed values"; break;
	default:
		if (t->maxlen >= 0 && (long)dz_utf8_count(value, strlen(value), 0) > t->maxlen) {
			pz = "过长";
			pe = "is too long";
		} else {
			pz = "格式不对";
			pe = "is not in the required form";
		}
		break;
	}
	if (dz_value_advice(t->kind, value, unit, &az, &ae) == 0) {
		hz = az;
		he = ae;
	} else if (t->nenums) {
		char *cz = dz_xtype_choices(t, 1), *ce = dz_xtype_choices(t, 0);
		const char *near = NULL;
		size_t i;
		/* "国家" for "国家级": the one value it starts */
		for (i = 0; *value && i < t->nenums; i++)
			if (dz_startswith(t->enums[i], value))
				near = near ? "" : t->enums[i];
		if (near && *near) {
			hz = dz_fmt("应为 %s 之一（是“%s”吗？）。", cz ? cz : "", near);
			he = dz_fmt("Use one of %s (\"%s\"?).", ce ? ce : "", near);
		} else {
			hz = dz_fmt("应为 %s 之一。", cz ? cz : "");
			he = dz_fmt("Use one of %s.", ce ? ce : "");
		}
		dz_free(cz);
		dz_free(ce);
	} else if (t->kind == DZ_XK_DATE) {
		hz = dz_strdup("日期写作 YYYY-MM-DD，例如 2026-03-01。");
		he = dz_strdup("Write dates YYYY-MM-DD, e.g. 2026-03-01.");
	} else if (t->maxlen >= 0 && (long)dz_utf8_count(value, strlen(value), 0) > t->maxlen) {
		hz = dz_fmt("不超过 %ld 个字。", t->maxlen);
		he = dz_fmt("Keep it to %ld characters.", t->maxlen);
	} else {
		const char *ex = dz_xnode_example(what);
		hz = *ex ? dz_fmt("例如 %s%s%s。", ex, unit ? "（单位 " : "", unit ? unit : "")
			 : dz_strdup("按数据模式的格式填写。");
		he = *ex ? dz_fmt("For example %s%s%s.", ex, unit ? " in " : "", unit ? unit : "")
			 : dz_strdup("Write it in the schema's form.");
		if (hz && unit && *ex) {
			char *h2 = dz_fmt("例如 %s（单位 %s）。", ex, unit);
			dz_free(hz);
			hz = h2;
		}
	}
	zh = dz_fmt("%s的值“%s”%s", nz ? nz : "", value, pz);
	en = dz_fmt("%s: \"%s\" %s", ne ? ne : "", value, pe);
	dz_free(nz);
	dz_free(ne);
	add(l, el, what, 0, what->attr ? what->name : NULL, zh, en, hz, he);
}

static void missing(ex_list *l, xmlNodePtr el, const dz_xnode *what)
{
	char *nz = named(what, 1), *ne = named(what, 0);
	const char *ex = dz_xnode_example(what);
	char *zh, *en, *hz, *he;
	if (what->attr) {
		zh = dz_fmt("缺少%s", nz ? nz : "");
		en = dz_fmt("%s is missing", ne ? ne : "");
		hz = dz_fmt("在 <%s> 上写 %s=\"%s\"。", (const char *)el->name, what->name,
			    *ex ? ex : "…");
		he = dz_fmt("Add %s=\"%s\" to <%s>.", what->name, *ex ? ex : "...",
			    (const char *)el->name);
	} else {
		zh = dz_fmt("缺少%s", nz ? nz : "");
		en = dz_fmt("%s is missing", ne ? ne : "");
		size_t i;
		int elements = 0;
		for (i = 0; i < what->nkids; i++)
			elements += !what->kids[i]->attr;
		if (what->type && !elements) { /* a value, perhaps with attributes */
			hz = dz_fmt("在 <%s> 中加入 <%s>%s</%s>。", (const char *)el->name, what->name,
				    *ex ? ex : "…", what->name);
			he = dz_fmt("Add <%s>%s</%s> to <%s>.", what->name, *ex ? ex : "...",
				    what->name, (const char *)el->name);
		} else {
			hz = dz_fmt("在 <%s> 中加入 <%s>，并填写其中各项。", (const char *)el->name,
				    what->name);
			he = dz_fmt("Add <%s> to <%s> and fill it in.", what->name,
				    (const char *)el->name);
		}
	}
	dz_free(nz);
	dz_free(ne);
	add(l, el, what, 1, what->attr ? what->name : NULL, zh, en, hz, he);
}

/* A value that is there but empty: "“中心身份 — 中心名称”（name）为空", and
 * what to write in it (its kind, an example, its unit), or that an
 * optional one may go instead. */
static void empty_value(ex_list *l, xmlNodePtr el, const dz_xnode *m, const dz_xnode *what)
{
	const dz_xtype *t = what->type;
	const char *unit = unit_for(el, m, what), *ex = dz_xnode_example(what);
	char *nz = named(what, 1), *ne = named(what, 0), *cz = NULL, *ce = NULL;
	dz_buf hz = DZ_BUF_INIT, he = DZ_BUF_INIT;
	switch (t ? t->kind : DZ_XK_TEXT) {
	case DZ_XK_DATE:
		dz_buf_puts(&hz, "填写日期，写作 YYYY-MM-DD，如 2026-03-01");
		dz_buf_puts(&he, "Enter the date as YYYY-MM-DD, e.g. 2026-03-01");
		break;
	case DZ_XK_YEAR:
		dz_buf_puts(&hz, "填写四位年份，如 2025");
		dz_buf_puts(&he, "Enter the year in four digits, e.g. 2025");
		break;
	case DZ_XK_NUMBER:
		dz_buf_printf(&hz, "填写数字，如 %s", *ex ? ex : "1,234.50");
		dz_buf_printf(&he, "Enter a number such as %s", *ex ? ex : "1,234.50");
		break;
	case DZ_XK_BOOL:
		dz_buf_puts(&hz, "填写 true（是）或 false（否）");
		dz_buf_puts(&he, "Enter true (yes) or false (no)");
		break;
	case DZ_XK_ENUM:
		cz = dz_xtype_choices(t, 1);
		ce = dz_xtype_choices(t, 0);
		dz_buf_printf(&hz, "填写 %s 之一", cz ? cz : "");
		dz_buf_printf(&he, "Enter one of %s", ce ? ce : "");
		break;
	default:
		if (*ex) {
			dz_buf_printf(&hz, "填写%s，如 %s", what->label, ex);
			dz_buf_printf(&he, "Fill in \"%s\", e.g. %s", what->label_en, ex);
		} else {
			dz_buf_printf(&hz, "填写%s", what->label);
			dz_buf_printf(&he, "Fill in \"%s\"", what->label_en);
		}
		if (t && t->list) {
			dz_buf_puts(&hz, "（多个以空格分隔）");
			dz_buf_puts(&he, " (several separated by spaces)");
		}
		break;
	}
	if (unit && (!t || t->kind == DZ_XK_NUMBER)) {
		dz_buf_printf(&hz, "（单位 %s）", unit);
		dz_buf_printf(&he, " (in %s)", unit);
	}
	dz_buf_puts(&hz, what->required ? "。" : "；不适用就删去这一项。");
	dz_buf_puts(&he, what->required ? "." : "; if it does not apply, remove it.");
	add(l, el, what, 0, what->attr ? what->name : NULL, dz_fmt("%s为空", nz ? nz : ""),
	    dz_fmt("%s is empty", ne ? ne : ""), dz_buf_detach(&hz), dz_buf_detach(&he));
	dz_free(nz);
	dz_free(ne);
	dz_free(cz);
	dz_free(ce);
}

/* 1 if the text holds nothing but white space. */
static int blank(const char *v)
{
	for (; v && *v; v++)
		if (!strchr(" \t\r\n", *v))
			return 0;
	return 1;
}

static const dz_xnode *kid_at(const dz_xnode *m, const char *name, size_t *index)
{
	size_t i, k = 0;
	for (i = 0; i < m->nkids; i++) {
		if (m->kids[i]->attr)
			continue;
		if (!strcmp(m->kids[i]->name, name)) {
			*index = k;
			return m->kids[i];
		}
		k++;
	}
	return NULL;
}

static void walk(ex_list *l, xmlNodePtr el, const dz_xnode *m, int depth)
{
	xmlAttrPtr a;
	xmlNodePtr c;
	size_t i, last = 0, *count;
	int seen = 0;
	if (depth > 64 || l->oom)
		return;
	for (a = el->properties; a; a = a->next) {
		const dz_xnode *an;
		xmlChar *v;
		if (a->ns)
			continue; /* xsi:..., xml:lang: libxml2 judges those */
		an = dz_xnode_child(m, (const char *)a->name, 1);
		if (!an) {
			char *list = element_list(m, 1), *lab = dz_xnode_label_path(m, 1);
			add(l, el, NULL, 0, (const char *)a->name,
			    dz_fmt("“%s”（<%s>）上不应有属性 %s", lab ? lab : "", (const char *)el->name,
				   (const char *)a->name),
			    dz_fmt("<%s> takes no attribute %s", (const char *)el->name,
				   (const char *)a->name),
			    dz_fmt("检查拼写；可用的属性：%s。", list && *list ? list : "无"),
			    dz_fmt("Check the spelling; its attributes: %s.",
				   list && *list ? list : "none"));
			dz_free(list);
			dz_free(lab);
			continue;
		}
		v = xmlNodeGetContent((xmlNodePtr)a);
		if (v && an->type && !dz_xtype_valid(an->type, (const char *)v)) {
			char *t = dz_strdup((const char *)v);
			if (t && !dz_xtype_valid(an->type, dz_trim(t))) {
				if (!*t)
					empty_value(l, el, m, an);
				else
					bad_value(l, el, m, an, (const char *)v);
			}
			dz_free(t);
		}
		xmlFree(v);
	}
	for (i = 0; i < m->nkids; i++)
		if (m->kids[i]->attr && m->kids[i]->required &&
		    !xmlHasProp(el, BAD_CAST m->kids[i]->name))
			missing(l, el, m->kids[i]);
	if (m->type) {
		xmlChar *v = xmlNodeGetContent(el);
		char *t = v ? dz_strdup((const char *)v) : NULL;
		if (t && !dz_xtype_valid(m->type, t) && !dz_xtype_valid(m->type, dz_trim(t))) {
			if (!*t && !m->type->empty_ok)
				empty_value(l, el, m, m);
			else
				bad_value(l, el, m->parent ? m->parent : m, m, (const char *)v);
		}
		dz_free(t);
		xmlFree(v);
	}
	count = dz_calloc(m->nkids + 1, sizeof *count);
	if (!count) {
		l->oom = 1;
		return;
	}
	for (c = el->children; c; c = c->next) {
		size_t idx;
		const dz_xnode *k;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		k = kid_at(m, (const char *)c->name, &idx);
		if (!k) {
			char *list = element_list(m, 0), *lab = dz_xnode_label_path(m, 1);
			add(l, c, NULL, 0, NULL,
			    dz_fmt("<%s> 不应出现在%s%s%s（<%s>）中", (const char *)c->name,
				   lab && *lab ? "“" : "", lab ? lab : "", lab && *lab ? "”" : "",
				   (const char *)el->name),
			    dz_fmt("<%s> does not belong in <%s>", (const char *)c->name,
				   (const char *)el->name),
			    dz_fmt("检查拼写和位置；<%s> 中可有：%s。", (const char *)el->name,
				   list && *list ? list : "（无子元素）"),
			    dz_fmt("Check the spelling and the place; <%s> holds: %s.",
				   (const char *)el->name, list && *list ? list : "(no elements)"));
			dz_free(list);
			dz_free(lab);
			continue;
		}
		if (seen && idx < last) {
			char *list = element_list(m, 0), *nz = named(k, 1), *ne = named(k, 0);
			add(l, c, k, 0, NULL, dz_fmt("%s的位置不对", nz ? nz : ""),
			    dz_fmt("%s is out of order", ne ? ne : ""),
			    dz_fmt("在 <%s> 中，元素须按此顺序出现：%s。", (const char *)el->name,
				   list ? list : ""),
			    dz_fmt("Inside <%s> the elements come in this order: %s.",
				   (const char *)el->name, list ? list : ""));
			dz_free(list);
			dz_free(nz);
			dz_free(ne);
		} else {
			last = idx;
			seen = 1;
		}
		if (++count[idx] == 2 && !k->repeated) {
			char *nz = named(k, 1), *ne = named(k, 0);
			add(l, c, k, 0, NULL, dz_fmt("%s只能出现一次", nz ? nz : ""),
			    dz_fmt("%s may occur only once", ne ? ne : ""),
			    dz_strdup("删除多余的一个，或把内容合并。"),
			    dz_strdup("Remove the extra one, or merge them."));
			dz_free(nz);
			dz_free(ne);
		}
		walk(l, c, k, depth + 1);
	}
	for (i = 0, last = 0; i < m->nkids; i++) {
		const dz_xnode *k = m->kids[i];
		if (k->attr)
			continue;
		if (k->required && !count[last])
			missing(l, el, k);
		last++;
	}
	dz_free(count);
}

int dz_explain(const dz_xnode *root, xmlDocPtr doc, dz_explained **out, size_t *n, size_t max)
{
	ex_list l;
	xmlNodePtr r = xmlDocGetRootElement(doc);
	memset(&l, 0, sizeof l);
	l.max = max;
	*out = NULL;
	*n = 0;
	if (r && strcmp((const char *)r->name, root->name)) {
		add(&l, r, root, 0, NULL,
		    dz_fmt("根元素是 <%s>，应为 <%s>", (const char *)r->name, root->name),
		    dz_fmt("the root element is <%s>, not <%s>", (const char *)r->name, root->name),
		    dz_fmt("centre.xml 以 <%s> 开始。", root->name),
		    dz_fmt("centre.xml starts with <%s>.", root->name));
	} else if (r) {
		walk(&l, r, root, 0);
	}
	if (l.oom) {
		dz_explained_free(l.v, l.n);
		return DOSSIER_ENOMEM;
	}
	*out = l.v;
	*n = l.n;
	return 0;
}

/* Values the schema lets be empty (text, a list, a string), below el. */
static void walk_empty(ex_list *l, xmlNodePtr el, const dz_xnode *m, int depth)
{
	xmlAttrPtr a;
	xmlNodePtr c;
	int kids = 0;
	if (depth > 64 || l->oom)
		return;
	for (a = el->properties; a; a = a->next) {
		const dz_xnode *an = a->ns ? NULL : dz_xnode_child(m, (const char *)a->name, 1);
		xmlChar *v;
		if (!an || !an->type)
			continue;
		v = xmlNodeGetContent((xmlNodePtr)a);
		if (v && blank((const char *)v) && dz_xtype_valid(an->type, (const char *)v))
			empty_value(l, el, m, an);
		xmlFree(v);
	}
	for (c = el->children; c; c = c->next) {
		const dz_xnode *k;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		kids = 1;
		if ((k = dz_xnode_child(m, (const char *)c->name, 0)) != NULL)
			walk_empty(l, c, k, depth + 1);
	}
	if (m->type && !kids) {
		xmlChar *v = xmlNodeGetContent(el);
		if (v && blank((const char *)v) && dz_xtype_valid(m->type, (const char *)v))
			empty_value(l, el, m, m);
		xmlFree(v);
	}
}

int dz_explain_empty(const dz_xnode *root, xmlDocPtr doc, dz_explained **out, size_t *n,
		     size_t max)
{
	ex_list l;
	xmlNodePtr r = xmlDocGetRootElement(doc);
	memset(&l, 0, sizeof l);
	l.max = max;
	if (r && !strcmp((const char *)r->name, root->name))
		walk_empty(&l, r, root, 0);
	*out = l.v;
	*n = l.n;
	if (l.oom) {
		dz_explained_free(l.v, l.n);
		*out = NULL;
		*n = 0;
		return DOSSIER_ENOMEM;
	}
	return 0;
}

void dz_explained_free(dz_explained *e, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		dz_free(e[i].path);
		dz_free(e[i].zh);
		dz_free(e[i].en);
		dz_free(e[i].hint_zh);
		dz_free(e[i].hint_en);
	}
	dz_free(e);
}

/* Does explanation e cover libxml2's error at `path`? The same element,
 * or (for content errors, which libxml2 reports on the next child) its
 * parent. */
static int covers(const char *epath, const char *path)
{
	size_t n;
	const char *slash;
	if (!path || !epath)
		return 0;
	if (!strcmp(epath, path) || (dz_startswith(epath, path) && epath[strlen(path)] == '/' &&
				     epath[strlen(path) + 1] == '@'))
		return 1;
	slash = strrchr(path, '/');
	n = slash ? (size_t)(slash - path) : 0;
	return n && strlen(epath) >= n && !strncmp(epath, path, n) &&
	       (epath[n] == '\0' || epath[n] == '/');
}

int dz_schema_friendly(const char *schema_dir, xmlDocPtr doc, dz_schema_error **list,
		       size_t *nlist)
{
	const dz_xmodel *m = dz_xmodel_get(schema_dir, "centre.xsd");
	dz_explained *ex = NULL;
	dz_schema_error *out = NULL;
	size_t nex = 0, i, k, n = 0;
	int rc;
	if (!m)
		return 0; /* libxml2's messages stay: the schema loaded for validation */
	if ((rc = dz_explain(m->root, doc, &ex, &nex, 200)) != 0)
		return rc;
	out = dz_calloc(nex + *nlist + 1, sizeof *out);
	if (!out) {
		dz_explained_free(ex, nex);
		return DOSSIER_ENOMEM;
	}
	for (i = 0; i < nex; i++) {
		dz_schema_error *s = &out[n++];
		s->line = ex[i].line;
		s->msg = dz_strdup(ex[i].en);
		s->path = ex[i].path;
		s->zh = ex[i].zh;
		s->en = ex[i].en;
		s->hint_zh = ex[i].hint_zh;
		s->hint_en = ex[i].hint_en;
		ex[i].path = ex[i].zh = ex[i].en = ex[i].hint_zh = ex[i].hint_en = NULL;
		if (!s->msg)
			rc = DOSSIER_ENOMEM;
	}
	for (k = 0; k < *nlist; k++) {
		int covered = 0;
		for (i = 0; i < nex && !covered; i++)
			covered = covers(out[i].path, (*list)[k].path);
		if (covered)
			continue;
		out[n] = (*list)[k];
		memset(&(*list)[k], 0, sizeof (*list)[k]);
		n++;
	}
	dz_explained_free(ex, nex);
	dz_schema_errors_free(*list, *nlist);
	*list = out;
	*nlist = n;
	return rc;
}
