/*
 * rules.c — evaluate an outline's rules against a centre (stage 2).
 *
 * Each rule kind is one function below; dossier_check_run() sets up the
 * XPath context, skips rules whose document the dossier does not contain or
 * whose `when` is false, and dispatches. Kinds are documented in
 * doc/outline-format.md.
 */
#include <string.h>
#include <libxml/xmlregexp.h>
#include <libxml/xpathInternals.h>
#include "util/util.h"
#include "check_int.h"
#include "operand.h"
#include "load/xsd.h"

#define CORE_ART "centre.xsd"

int dz_node_line(xmlNodePtr n)
{
	long l;
	if (!n)
		return 0;
	if (n->type == XML_ATTRIBUTE_NODE)
		n = n->parent;
	l = xmlGetLineNo(n);
	return l > 0 ? (int)l : 0;
}

static char *node_path(xmlNodePtr n)
{
	xmlChar *p;
	char *s;
	if (!n)
		return NULL;
	p = xmlGetNodePath(n);
	s = p ? dz_strdup((const char *)p) : NULL;
	xmlFree(p);
	return s;
}

/* Trimmed string value of a node, at most 120 bytes (cut at a character);
 * an element with no text is named by its title, name or id attribute. */
static char *node_text(xmlNodePtr n)
{
	static const char *const names[] = {"title", "name", "id", "kind"};
	xmlChar *v = xmlNodeGetContent(n);
	char *s = dz_strdup(v ? (const char *)v : "");
	size_t len, i;
	xmlFree(v);
	if (!s)
		return NULL;
	dz_trim(s);
	for (i = 0; !*s && n->type == XML_ELEMENT_NODE && i < 4; i++) {
		xmlChar *a = xmlGetProp(n, BAD_CAST names[i]);
		if (a) {
			dz_free(s);
			s = dz_strdup((const char *)a);
			xmlFree(a);
			if (!s)
				return NULL;
		}
	}
	len = strlen(s);
	if (len > 120) {
		size_t k = 117;
		while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
			k--;
		memcpy(s + k, "...", 4);
	}
	return s;
}

static void add_at(dz_ctx *x, const dz_rule *r, xmlNodePtr n, const dz_vars *vs)
{
	char *path = node_path(n);
	dz_report_add(x->rep, r, x->file, dz_node_line(n), path, vs);
	dz_free(path);
}

static xmlXPathObjectPtr eval(dz_ctx *x, xmlXPathCompExprPtr comp, xmlNodePtr at)
{
	x->xp->node = at ? at : xmlDocGetRootElement(x->c->doc);
	return xmlXPathCompiledEval(comp, x->xp);
}

static int nodes(xmlXPathObjectPtr r)
{
	return r && r->type == XPATH_NODESET && r->nodesetval ? r->nodesetval->nodeNr : 0;
}

static int has_document(dz_ctx *x, const char *doc)
{
	return dz_centre_submits(x->c, doc);
}

/* ---------- kinds over XPath ---------- */

static void k_assert(dz_ctx *x, const dz_rule *r)
{
	xmlXPathObjectPtr ctx = r->context ? eval(x, r->context, NULL) : NULL;
	int i, n = r->context ? nodes(ctx) : 1;
	for (i = 0; i < n; i++) {
		xmlNodePtr at = r->context ? ctx->nodesetval->nodeTab[i]
					   : xmlDocGetRootElement(x->c->doc);
		int ok;
		x->xp->node = at;
		ok = xmlXPathCompiledEvalToBoolean(r->test, x->xp);
		if (ok == 0) {
			dz_vars vs = {0};
			char *v = NULL;
			if (r->valuex) {
				xmlXPathObjectPtr o;
				xmlChar *s;
				x->xp->node = at;
				o = xmlXPathCompiledEval(r->valuex, x->xp);
				s = o ? xmlXPathCastToString(o) : NULL;
				v = dz_strdup(s ? (const char *)s : "");
				xmlFree(s);
				xmlXPathFreeObject(o);
			} else {
				v = node_text(at);
			}
			dz_var(&vs, "value", v);
			add_at(x, r, at, &vs);
			dz_free(v);
		}
	}
	xmlXPathFreeObject(ctx);
}

static void k_pattern(dz_ctx *x, const dz_rule *r, int uscc)
{
	xmlXPathObjectPtr sel = eval(x, r->select, NULL);
	int i, n = nodes(sel);
	for (i = 0; i < n; i++) {
		xmlNodePtr at = sel->nodesetval->nodeTab[i];
		char *v = node_text(at);
		int ok;
		if (!v)
			break;
		ok = uscc ? dz_uscc_valid(v)
			  : xmlRegexpExec((xmlRegexpPtr)r->regex, BAD_CAST v) == 1;
		if (!ok) {
			dz_vars vs = {0};
			dz_var(&vs, "value", v);
			add_at(x, r, at, &vs);
		}
		dz_free(v);
	}
	xmlXPathFreeObject(sel);
}

/* ---------- sections and sub-items ---------- */

static void section_name(const dz_osection *s, char *buf, size_t n)
{
	snprintf(buf, n, "%s%s%s", s->number ? s->number : "",
		 s->number && *s->number ? "、" : "", s->title);
}

/* Does the rule cover this section (sections="..." narrows it)? */
static int rule_has_section(const dz_rule *r, const dz_osection *os)
{
	size_t i;
	if (!r->nsections)
		return 1;
	for (i = 0; i < r->nsections; i++)
		if (!strcmp(r->sections[i], os->id))
			return 1;
	return 0;
}

/* Report a finding of rule r at most as a warning (a hint of dossier's, or a
 * section the author may leave out), else with the rule's own severity. */
static void add_capped(dz_ctx *x, const dz_rule *r, int cap, const char *file, int line,
		       dz_vars *vs)
{
	dz_rule capped = *r;
	if (cap && capped.severity < DOSSIER_SEV_WARNING)
		capped.severity = DOSSIER_SEV_WARNING;
	dz_report_add(x->rep, &capped, file, line, NULL, vs);
}

/* A section the text asks for and that is missing or empty has the rule's
 * severity; one that is there but shorter than min-chars is at most a
 * warning: the length is dossier's hint, no text sets it. */
static void k_sections(dz_ctx *x, const dz_rule *r, const dz_odoc *d)
{
	size_t i;
	for (i = d->first_sec; i < d->first_sec + d->nsec; i++) {
		const dz_osection *os = &x->o->secs[i];
		const dz_section *s = dz_centre_section(x->c, os->id);
		char name[256], file[300], chars[32], min[32];
		dz_vars vs = {0};
		int missing;
		if (!rule_has_section(r, os))
			continue;
		if (s && (long)s->chars >= os->min_chars)
			continue;
		missing = !s || s->chars == 0;
		if (missing && !os->required)
			continue;
		section_name(os, name, sizeof name);
		snprintf(file, sizeof file, "%s/sections/%s.md", x->c->dir, os->id);
		snprintf(chars, sizeof chars, "%zu", s ? s->chars : (size_t)0);
		snprintf(min, sizeof min, "%ld", os->min_chars);
		dz_var(&vs, "section", name);
		dz_var(&vs, "id", os->id);
		dz_var(&vs, "file", file);
		dz_var(&vs, "chars", chars);
		dz_var(&vs, "min", min);
		dz_var2(&vs, "problem", !s ? "缺失" : missing ? "没有内容" : "内容偏少（少于 dossier 建议的字数）",
			!s ? "missing" : missing ? "empty" : "short (below the length dossier suggests)");
		add_capped(x, r, !missing, file, s ? 1 : 0, &vs);
	}
}

static void k_items(dz_ctx *x, const dz_rule *r, const dz_odoc *d)
{
	size_t i, j, h, m;
	for (i = d->first_sec; i < d->first_sec + d->nsec; i++) {
		const dz_osection *os = &x->o->secs[i];
		const dz_section *s = dz_centre_section(x->c, os->id);
		if (!s || !rule_has_section(r, os))
			continue; /* a missing one is the sections rule's */
		for (j = 0; j < os->nitems; j++) {
			const dz_item *it = &os->items[j];
			const dz_heading *found = NULL;
			for (h = 0; h < s->nheads && !found; h++) {
				if (s->heads[h].level < 2)
					continue;
				for (m = 0; m < it->nmatch; m++)
					if (strstr(s->heads[h].text, it->match[m])) {
						found = &s->heads[h];
						break;
					}
			}
			if (!found || !found->has_body) {
				char name[256], file[300];
				dz_vars vs = {0};
				section_name(os, name, sizeof name);
				snprintf(file, sizeof file, "%s/%s", x->c->dir, s->path);
				dz_var(&vs, "section", name);
				dz_var2(&vs, "item", it->title, it->title_en ? it->title_en : it->title);
				dz_var(&vs, "file", file);
				dz_var2(&vs, "problem", found ? "小标题下没有内容" : "缺少该分项",
					found ? "has no text under its heading" : "is missing");
				dz_report_add(x->rep, r, file, found ? found->line : 1, NULL, &vs);
			}
		}
	}
}

/* ---------- data-table fields ---------- */

static xmlNodePtr indicators_node(dz_ctx *x)
{
	return dz_centre_child(x->c, "indicators");
}

static void field_vars(dz_vars *vs, const dz_field *f)
{
	dz_var(vs, "field", f->id);
	dz_var2(vs, "label", f->label, f->label_en);
}

static void k_field_present(dz_ctx *x, const dz_rule *r, const dz_odoc *d)
{
	size_t i, k;
	for (i = d->first_field; i < d->first_field + d->nfield; i++) {
		const dz_field *f = &x->o->fields[i];
		xmlNodePtr n = x->values[i];
		char *v;
		int empty, named = !r->nfields;
		for (k = 0; k < r->nfields && !named; k++)
			named = !strcmp(r->fields[k], f->id);
		if (!named || (!r->nfields && !f->required) || f->derived)
			continue;
		v = n ? node_text(n) : NULL;
		empty = !v || !*v;
		dz_free(v);
		/* a value there but empty is CORE-EMPTY's (core_empty) */
		if (empty && (!n || !x->c->xsd)) {
			dz_vars vs = {0};
			field_vars(&vs, f);
			add_at(x, r, n ? n : indicators_node(x), &vs);
		}
	}
}

static int type_dims(dz_ftype t, dz_dim d)
{
	switch (t) {
	case DZ_T_MONEY: return d == DZ_DIM_MONEY;
	case DZ_T_COUNT: return d == DZ_DIM_COUNT || d == DZ_DIM_NONE;
	case DZ_T_AREA: return d == DZ_DIM_AREA;
	case DZ_T_SHARE: return d == DZ_DIM_SHARE || d == DZ_DIM_NONE;
	default: return 1;
	}
}

/* Bound `lim` (literal; a bare number is in the field's unit) → canonical. */
static int bound(const dz_field *f, const char *lim, dz_num *out)
{
	int64_t dec;
	char num[64];
	size_t k = strspn(lim, "0123456789.,-+ ");
	if (k == strlen(lim) && k < sizeof num) {
		memcpy(num, lim, k + 1);
		if (dz_dec_parse(&dec, num))
			return -1;
		return dz_num_from(out, dec, f->unit ? f->unit : "");
	}
	return dz_num_parse_literal(out, lim);
}

static void invalid(dz_ctx *x, const dz_rule *r, xmlNodePtr n, const dz_field *f,
		    const char *value, const char *zh, const char *en)
{
	dz_vars vs = {0};
	if (f)
		field_vars(&vs, f);
	else {
		xmlChar *id = xmlGetProp(n, BAD_CAST "id");
		char *ids = dz_strdup(id ? (const char *)id : "");
		xmlFree(id);
		dz_var(&vs, "field", ids);
		dz_var(&vs, "label", ids);
		dz_var2(&vs, "problem", zh, en);
		dz_var(&vs, "value", value);
		add_at(x, r, n, &vs);
		dz_free(ids);
		return;
	}
	dz_var2(&vs, "problem", zh, en);
	dz_var(&vs, "value", value);
	add_at(x, r, n, &vs);
}

/* invalid(), saying what to write when the value is recognisable in
 * another form: 2026年1月28日, 1,234.5万元 (load/friendly.c). */
static void invalid_advised(dz_ctx *x, const dz_rule *r, xmlNodePtr n, const dz_field *f,
			    const char *value, dz_xkind kind, const char *unit,
			    const char *zh, const char *en)
{
	char *az, *ae, *z = NULL, *e = NULL;
	if (dz_value_advice(kind, value, unit, &az, &ae) == 0) {
		z = dz_fmt("%s；%s", zh, az);
		e = dz_fmt("%s; %s", en, ae);
		dz_free(az);
		dz_free(ae);
	}
	invalid(x, r, n, f, value, z ? z : zh, e ? e : en);
	dz_free(z);
	dz_free(e);
}

static void k_field_valid(dz_ctx *x, const dz_rule *r)
{
	xmlNodePtr ind = indicators_node(x), n;
	for (n = ind ? ind->children : NULL; n; n = n->next) {
		xmlChar *idx;
		const dz_field *f;
		char *v;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		idx = xmlGetProp(n, BAD_CAST "id");
		f = idx ? dz_outline_field(x->o, (const char *)idx) : NULL;
		xmlFree(idx);
		v = node_text(n);
		if (!v)
			return;
		if (!f) {
			invalid(x, r, n, NULL, v, "不是本提纲数据表中的字段",
				"is not a field of this scheme's data table");
		} else if (!*v) {
			/* empty: field-present reports required ones */
		} else if (f->type == DZ_T_TEXT) {
			/* any text */
		} else if (f->type == DZ_T_DATE) {
			long d;
			if (dz_date_parse(&d, v))
				invalid_advised(x, r, n, f, v, DZ_XK_DATE, NULL,
						"不是有效日期（应为 YYYY-MM-DD）",
						"is not a valid date (YYYY-MM-DD)");
		} else if (f->type == DZ_T_BOOL) {
			if (strcmp(v, "true") && strcmp(v, "false") && strcmp(v, "是") && strcmp(v, "否"))
				invalid(x, r, n, f, v, "应为 是/否（true/false）", "must be true or false");
		} else {
			dz_num num;
			int64_t dec;
			char unit[32];
			int pr = dz_dec_parse(&dec, v);
			dz_dim dim;
			int64_t fac;
			dz_node_unit(x, n, unit, sizeof unit);
			if (pr == -3)
				invalid(x, r, n, f, v, "小数位数超过 6 位", "has more than 6 decimals");
			else if (pr == -2)
				invalid(x, r, n, f, v, "数值过大", "is too large");
			else if (pr)
				invalid_advised(x, r, n, f, v, DZ_XK_NUMBER, unit, "不是数字",
						"is not a number");
			else if (!dz_unit_lookup(unit, &dim, &fac))
				invalid(x, r, n, f, v, "单位无法识别", "has an unknown unit");
			else if (!type_dims(f->type, dim))
				invalid(x, r, n, f, v, "单位与字段类型不符", "has a unit that does not fit the field's type");
			else if (dz_num_from(&num, dec, unit))
				invalid(x, r, n, f, v, "数值过大", "is too large");
			else if (f->type == DZ_T_COUNT && dec % DZ_SCALE != 0)
				invalid(x, r, n, f, v, "应为整数", "must be a whole number");
			else {
				dz_num lo, hi;
				if (f->min && bound(f, f->min, &lo) == 0 && num.v < lo.v)
					invalid(x, r, n, f, v, "低于下限", "is below the minimum");
				else if (f->max && bound(f, f->max, &hi) == 0 && num.v > hi.v)
					invalid(x, r, n, f, v, "超过上限", "is above the maximum");
			}
		}
		dz_free(v);
	}
}

static void k_field_of(dz_ctx *x, const dz_rule *r, const dz_odoc *d)
{
	size_t i;
	for (i = d->first_field; i < d->first_field + d->nfield; i++) {
		const dz_field *f = &x->o->fields[i], *p;
		dz_num a, b;
		char ua[32], ub[32];
		if (!f->of || !(p = dz_outline_field(x->o, f->of)))
			continue;
		if (!x->values[i] || !x->values[p - x->o->fields])
			continue;
		if (dz_node_num(x, x->values[i], &a, ua, sizeof ua) != 1 ||
		    dz_node_num(x, x->values[p - x->o->fields], &b, ub, sizeof ub) != 1)
			continue;
		if (a.v > b.v) {
			dz_vars vs = {0};
			char va[64], vb[64];
			dz_num_format(va, sizeof va, a.v, ua);
			dz_num_format(vb, sizeof vb, b.v, ub);
			field_vars(&vs, f);
			dz_var(&vs, "value", va);
			dz_var(&vs, "expected", vb);
			dz_var2(&vs, "total", p->label, p->label_en);
			add_at(x, r, x->values[i], &vs);
		}
	}
}

static int has_evidence(xmlNodePtr n)
{
	xmlChar *e = xmlGetProp(n->type == XML_ATTRIBUTE_NODE ? n->parent : n,
				BAD_CAST "evidence");
	int ok = 0;
	if (e) {
		const char *p = (const char *)e;
		while (*p == ' ')
			p++;
		ok = *p != '\0';
	}
	xmlFree(e);
	return ok;
}

static void k_field_evidence(dz_ctx *x, const dz_rule *r, const dz_odoc *d)
{
	size_t i;
	for (i = d->first_field; i < d->first_field + d->nfield; i++) {
		const dz_field *f = &x->o->fields[i];
		dz_num v;
		char u[32];
		if (!f->evidence_nonzero || !x->values[i])
			continue;
		if (dz_node_num(x, x->values[i], &v, u, sizeof u) != 1 || v.v == 0)
			continue;
		if (!has_evidence(x->values[i])) {
			dz_vars vs = {0};
			char val[64];
			dz_num_format(val, sizeof val, v.v, u);
			field_vars(&vs, f);
			dz_var(&vs, "value", val);
			add_at(x, r, x->values[i], &vs);
		}
	}
}

/* ---------- exact arithmetic rules ---------- */

static int op_holds(const char *op, int c)
{
	if (!op || !strcmp(op, "eq")) return c == 0;
	if (!strcmp(op, "ne")) return c != 0;
	if (!strcmp(op, "lt")) return c < 0;
	if (!strcmp(op, "le")) return c <= 0;
	if (!strcmp(op, "gt")) return c > 0;
	return c >= 0; /* ge */
}

/* A rule that cannot be evaluated says so, under its own id and severity:
 * an absent figure never lets a requirement pass silently. */
static void cannot_check(dz_ctx *x, const dz_rule *r, const dz_val *v, int malformed)
{
	dz_rule t = *r;
	dz_vars vs = {0};
	char zh[256], en[256];
	dz_operand_name(x, v->missing, 1, zh, sizeof zh);
	dz_operand_name(x, v->missing, 0, en, sizeof en);
	t.zh = malformed ? "无法核对本项要求：{what}不是有效数字"
	     : v->zero_den ? "无法核对本项要求：{what}为零，比例无法计算"
	     : "无法核对本项要求：{what}没有数值";
	t.en = malformed ? "cannot check this requirement: {what} is not a valid number"
	     : v->zero_den ? "cannot check this requirement: {what} is zero, so the ratio is undefined"
	     : "cannot check this requirement: {what} has no value";
	t.fix_zh = "在 centre.xml 中填写该数值（按提纲中的单位），再检查。";
	t.fix_en = "Fill in the value in centre.xml (in the outline's unit) and check again.";
	dz_var2(&vs, "what", zh, en);
	add_at(x, &t, v->node ? v->node : xmlDocGetRootElement(x->c->doc), &vs);
}

static void k_compare(dz_ctx *x, const dz_rule *r, const dz_operand *lop,
		      const dz_operand *rop, const char *op)
{
	dz_val l, rv;
	char a[64], b[64];
	dz_vars vs = {0};
	int kl = dz_operand_eval(x, lop, &l), kr = kl == 1 ? dz_operand_eval(x, rop, &rv) : 1;
	if (kl != 1 || kr != 1) {
		dz_val *bad = kl != 1 ? &l : &rv;
		int k = kl != 1 ? kl : kr;
		if (k < 0 || !r->skip_absent)
			cannot_check(x, r, bad, k < 0);
		return;
	}
	if (!l.is_ratio && l.num.dim != rv.num.dim && l.num.dim != DZ_DIM_NONE &&
	    rv.num.dim != DZ_DIM_NONE) {
		dz_report_add_core(x->rep, DOSSIER_SEV_WARNING, "CORE-UNITS", r->article,
				   x->file, dz_node_line(l.node), "规则两侧单位不同，无法比较",
				   "the two sides of a rule have incompatible units", "", "");
		return;
	}
	if (op_holds(op, dz_val_cmp(&l, &rv)))
		return;
	dz_val_format(&l, a, sizeof a);
	if (l.is_ratio && rv.num.dim == DZ_DIM_NONE) {
		rv.num.v *= 100;
		snprintf(rv.unit, sizeof rv.unit, "%%");
	}
	dz_val_format(&rv, b, sizeof b);
	dz_var(&vs, "value", a);
	dz_var(&vs, "expected", b);
	add_at(x, r, l.node ? l.node : rv.node, &vs);
}

/* ---------- dates ---------- */

static char *first_string(dz_ctx *x, xmlXPathCompExprPtr comp)
{
	xmlXPathObjectPtr o = eval(x, comp, NULL);
	xmlChar *s;
	char *out = NULL;
	if (!o)
		return NULL;
	s = xmlXPathCastToString(o);
	if (s && *s)
		out = dz_strdup((const char *)s);
	xmlFree(s);
	xmlXPathFreeObject(o);
	return out;
}

static void date_one(dz_ctx *x, const dz_rule *r, long subj, long lim,
		     xmlNodePtr at, int from_as_of)
{
	char ds[16], dl[16];
	int c = subj < lim ? -1 : subj > lim;
	dz_vars vs = {0};
	if (op_holds(r->op ? r->op : "le", c))
		return;
	dz_date_format(ds, sizeof ds, subj);
	dz_date_format(dl, sizeof dl, lim);
	dz_var(&vs, "date", ds);
	dz_var(&vs, "deadline", dl);
	dz_var2(&vs, "basis", from_as_of ? "核查日期" : "报送日期",
		from_as_of ? "as-of date" : "submission date");
	add_at(x, r, at, &vs);
}

static void k_date(dz_ctx *x, const dz_rule *r)
{
	char *b = first_string(x, r->base);
	long base, lim;
	xmlXPathObjectPtr s;
	int i, n;
	if (!b || dz_date_parse(&base, b) || dz_date_add(&lim, base, r->offset)) {
		dz_free(b);
		return; /* no base date: the rule does not apply */
	}
	dz_free(b);
	s = eval(x, r->subject, NULL);
	n = nodes(s);
	if (s && s->type != XPATH_NODESET) {
		/* subject computed as a string */
		xmlChar *v = xmlXPathCastToString(s);
		long d;
		if (v && *v && dz_date_parse(&d, (const char *)v) == 0)
			date_one(x, r, d, lim, xmlDocGetRootElement(x->c->doc), 0);
		else if (r->value && !strcmp(r->value, "as-of"))
			date_one(x, r, x->as_of, lim, xmlDocGetRootElement(x->c->doc), 1);
		xmlFree(v);
	} else if (n == 0) {
		if (r->value && !strcmp(r->value, "as-of"))
			date_one(x, r, x->as_of, lim, xmlDocGetRootElement(x->c->doc), 1);
	} else {
		for (i = 0; i < n; i++) {
			xmlNodePtr at = s->nodesetval->nodeTab[i];
			xmlChar *v = xmlNodeGetContent(at);
			long d;
			if (v && dz_date_parse(&d, (const char *)v) == 0)
				date_one(x, r, d, lim, at, 0);
			xmlFree(v);
		}
	}
	xmlXPathFreeObject(s);
}

/* ---------- evidence ---------- */

static xmlNodePtr evidence_list(dz_ctx *x)
{
	return dz_centre_child(x->c, "evidence-list");
}

static int evidence_declared(dz_ctx *x, const char *id, size_t len)
{
	xmlNodePtr list = evidence_list(x), e;
	for (e = list ? list->children : NULL; e; e = e->next) {
		xmlChar *v;
		int m;
		if (e->type != XML_ELEMENT_NODE)
			continue;
		v = xmlGetProp(e, BAD_CAST "id");
		m = v && strlen((const char *)v) == len && !memcmp(v, id, len);
		xmlFree(v);
		if (m)
			return 1;
	}
	return 0;
}

static void k_evidence_refs(dz_ctx *x, const dz_rule *r)
{
	xmlXPathCompExprPtr c = xmlXPathCompile(BAD_CAST "//@evidence");
	xmlXPathObjectPtr o = c ? eval(x, c, NULL) : NULL;
	int i, n = nodes(o);
	for (i = 0; i < n; i++) {
		xmlNodePtr a = o->nodesetval->nodeTab[i];
		xmlChar *v = xmlNodeGetContent(a);
		const char *p = v ? (const char *)v : "";
		while (*p) {
			size_t len;
			while (*p == ' ' || *p == '\t' || *p == '\n')
				p++;
			len = strcspn(p, " \t\n");
			if (len && !evidence_declared(x, p, len)) {
				dz_vars vs = {0};
				char *id = dz_strndup(p, len);
				dz_var(&vs, "id", id);
				dz_var(&vs, "value", id);
				add_at(x, r, a->parent, &vs);
				dz_free(id);
			}
			p += len;
		}
		xmlFree(v);
	}
	xmlXPathFreeObject(o);
	xmlXPathFreeCompExpr(c);
}

static void k_evidence_cited(dz_ctx *x, const dz_rule *r)
{
	xmlXPathObjectPtr o = eval(x, r->select, NULL);
	int i, n = nodes(o);
	for (i = 0; i < n; i++) {
		xmlNodePtr nd = o->nodesetval->nodeTab[i];
		dz_num v;
		char u[32];
		if (dz_node_num(x, nd, &v, u, sizeof u) != 1 || v.v == 0)
			continue;
		if (!has_evidence(nd)) {
			dz_vars vs = {0};
			char val[64];
			xmlNodePtr el = nd->type == XML_ATTRIBUTE_NODE ? nd->parent : nd;
			xmlChar *name = xmlGetProp(el, BAD_CAST "name");
			xmlChar *kind = name ? NULL : xmlGetProp(el, BAD_CAST "kind");
			xmlChar *id = name || kind ? NULL : xmlGetProp(el, BAD_CAST "id");
			dz_num_format(val, sizeof val, v.v, u);
			dz_var(&vs, "value", val);
			dz_var(&vs, "label", name ? (const char *)name : kind ? (const char *)kind
					     : id ? (const char *)id : (const char *)el->name);
			add_at(x, r, el, &vs);
			xmlFree(name);
			xmlFree(kind);
			xmlFree(id);
		}
	}
	xmlXPathFreeObject(o);
}

static const dz_evfile *find_file(const dossier_centre *c, const char *rel)
{
	size_t lo = 0, hi = c->nfiles;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int k = strcmp(c->files[mid].rel, rel);
		if (k == 0)
			return &c->files[mid];
		if (k < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int unsafe_path(const char *p)
{
	const char *s;
	if (!*p || *p == '/' || strchr(p, '\\') || strchr(p, ':'))
		return 1;
	for (s = p; *s; s++)
		if ((unsigned char)*s < 0x20)
			return 1;
	for (s = p; s; s = strchr(s, '/')) {
		if (*s == '/')
			s++;
		if (!strncmp(s, "..", 2) && (s[2] == '/' || !s[2]))
			return 1;
		if (!strncmp(s, "./", 2) || !strcmp(s, ".") || *s == '/')
			return 1;
	}
	return 0;
}

static void k_evidence_files(dz_ctx *x, const dz_rule *r)
{
	xmlNodePtr list = evidence_list(x), e;
	for (e = list ? list->children : NULL; e; e = e->next) {
		xmlChar *file, *id;
		const dz_evfile *f;
		const char *zh = NULL, *en = NULL;
		if (e->type != XML_ELEMENT_NODE)
			continue;
		file = xmlGetProp(e, BAD_CAST "file");
		id = xmlGetProp(e, BAD_CAST "id");
		if (!file || !id) {
			xmlFree(file);
			xmlFree(id);
			continue;
		}
		if (unsafe_path((const char *)file)) {
			zh = "路径不安全（须为 evidence/ 下的相对路径，不含 ..）";
			en = "has an unsafe path (must be relative to evidence/, without ..)";
		} else if (!(f = find_file(x->c, (const char *)file))) {
			zh = "文件不存在";
			en = "does not exist";
		} else if (!f->regular) {
			zh = "不是普通文件";
			en = "is not a regular file";
		} else if (!f->readable) {
			zh = "无法读取";
			en = "cannot be read";
		} else if (f->size == 0) {
			zh = "是空文件";
			en = "is empty";
		} else if (r->regex) {
			const char *base = strrchr((const char *)file, '/');
			base = base ? base + 1 : (const char *)file;
			if (xmlRegexpExec((xmlRegexpPtr)r->regex, BAD_CAST base) != 1) {
				zh = "文件名不符合命名规则";
				en = "has a file name that breaks the naming rule";
			}
		}
		if (zh) {
			dz_vars vs = {0};
			dz_var(&vs, "id", (const char *)id);
			dz_var(&vs, "file", (const char *)file);
			dz_var2(&vs, "problem", zh, en);
			add_at(x, r, e, &vs);
		}
		xmlFree(file);
		xmlFree(id);
	}
}

static void k_evidence_undeclared(dz_ctx *x, const dz_rule *r)
{
	xmlNodePtr list = evidence_list(x), e;
	size_t i;
	for (i = 0; i < x->c->nfiles; i++) {
		const char *rel = x->c->files[i].rel;
		int found = 0;
		for (e = list ? list->children : NULL; e && !found; e = e->next) {
			xmlChar *f;
			if (e->type != XML_ELEMENT_NODE)
				continue;
			f = xmlGetProp(e, BAD_CAST "file");
			found = f && !strcmp((const char *)f, rel);
			xmlFree(f);
		}
		if (!found) {
			dz_vars vs = {0};
			char *path = dz_fmt("%s/evidence/%s", x->c->dir, rel);
			dz_var(&vs, "file", rel);
			dz_report_add(x->rep, r, path ? path : rel, 0, NULL, &vs);
			dz_free(path);
		}
	}
}

static void k_evidence_kind(dz_ctx *x, const dz_rule *r)
{
	xmlNodePtr list = evidence_list(x), e;
	char **alts = NULL;
	size_t nalts = 0, i, cap = 0;
	const char *p = r->value;
	int found = 0;
	while (p && *p) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		if (dz_grow((void **)&alts, &cap, nalts, sizeof *alts))
			break;
		alts[nalts] = dz_strndup(p, len);
		if (alts[nalts])
			nalts++;
		p = bar ? bar + 1 : NULL;
	}
	for (e = list ? list->children : NULL; e && !found; e = e->next) {
		xmlChar *k;
		if (e->type != XML_ELEMENT_NODE)
			continue;
		k = xmlGetProp(e, BAD_CAST "kind");
		for (i = 0; k && i < nalts && !found; i++)
			found = !strcmp((const char *)k, alts[i]);
		xmlFree(k);
	}
	if (!found) {
		dz_vars vs = {0};
		dz_var(&vs, "kind", r->value);
		add_at(x, r, list ? list : xmlDocGetRootElement(x->c->doc), &vs);
	}
	for (i = 0; i < nalts; i++)
		dz_free(alts[i]);
	dz_free(alts);
}

/* ---------- documents ---------- */

static void k_documents(dz_ctx *x, const dz_rule *r)
{
	xmlXPathCompExprPtr c = xmlXPathCompile(BAD_CAST "/centre/submissions/submission");
	xmlXPathObjectPtr o = c ? eval(x, c, NULL) : NULL;
	int i, n = nodes(o);
	/* every submission names a document of this outline */
	for (i = 0; i < n && !r->requires; i++) {
		xmlNodePtr s = o->nodesetval->nodeTab[i];
		xmlChar *d = xmlGetProp(s, BAD_CAST "document");
		if (d && !dz_outline_doc(x->o, (const char *)d)) {
			dz_vars vs = {0};
			dz_var(&vs, "document", (const char *)d);
			add_at(x, r, s, &vs);
		}
		xmlFree(d);
	}
	/* and the documents this one requires are there too */
	if (r->requires) {
		const char *p = r->requires;
		while (*p) {
			size_t len;
			char *id;
			while (*p == ' ')
				p++;
			len = strcspn(p, " ");
			if (!len)
				break;
			id = dz_strndup(p, len);
			if (id && !has_document(x, id)) {
				const dz_odoc *d = dz_outline_doc(x->o, id);
				dz_vars vs = {0};
				dz_var2(&vs, "document", d ? d->title : id, d ? d->title_en : id);
				add_at(x, r, n ? o->nodesetval->nodeTab[0]->parent
					       : xmlDocGetRootElement(x->c->doc), &vs);
			}
			dz_free(id);
			p += len;
		}
	}
	xmlXPathFreeObject(o);
	xmlXPathFreeCompExpr(c);
}

/* ---------- plan targets ---------- */

/* Every plan target names a field of the data table, and the actual value
 * reaches it (exact comparison in canonical units). */
static void k_targets(dz_ctx *x, const dz_rule *r)
{
	xmlNodePtr t, ts = dz_centre_child(x->c, "targets");
	for (t = ts ? ts->children : NULL; t; t = t->next) {
		xmlChar *fid;
		const dz_field *f;
		dz_num want, have;
		char uw[32], uh[32], a[64], b[64];
		dz_vars vs = {0};
		if (t->type != XML_ELEMENT_NODE)
			continue;
		fid = xmlGetProp(t, BAD_CAST "field");
		f = fid ? dz_outline_field(x->o, (const char *)fid) : NULL;
		if (!f || !x->values[f - x->o->fields]) {
			/* a field of the outline is named by its label, not its id */
			if (f)
				field_vars(&vs, f);
			else {
				dz_var(&vs, "field", fid ? (const char *)fid : "");
				dz_var(&vs, "label", fid ? (const char *)fid : "");
			}
			dz_var2(&vs, "problem", "没有对应的数据表数值", "has no value in the data table");
			dz_var(&vs, "value", "-");
			dz_var(&vs, "expected", "-");
			add_at(x, r, t, &vs);
			xmlFree(fid);
			continue;
		}
		xmlFree(fid);
		if (dz_node_num(x, t, &want, uw, sizeof uw) != 1 ||
		    dz_node_num(x, x->values[f - x->o->fields], &have, uh, sizeof uh) != 1 ||
		    want.dim != have.dim || have.v >= want.v)
			continue;
		dz_num_format(a, sizeof a, have.v, uh);
		dz_num_format(b, sizeof b, want.v, uw);
		field_vars(&vs, f);
		dz_var2(&vs, "problem", "未达到目标值", "is not met");
		dz_var(&vs, "value", a);
		dz_var(&vs, "expected", b);
		add_at(x, r, t, &vs);
	}
}

/* ---------- headings and narrative phrases ---------- */

/* Copy s without white space into buf. */
static void squeeze(const char *s, char *buf, size_t n)
{
	size_t o = 0;
	while (*s && o + 4 < n) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			s++;
			continue;
		}
		if (!strncmp(s, "\xE3\x80\x80", 3)) { /* U+3000 */
			s += 3;
			continue;
		}
		buf[o++] = *s++;
	}
	buf[o] = '\0';
}

/* Does an author's top heading name outline section `os`? Its number, if it
 * has one ("三、", "三.", "3."), must be the section's, and the rest its title. */
static int heading_matches(const dz_osection *os, const char *text)
{
	char h[512], t[512];
	const char *p = h;
	int n, want;
	squeeze(text, h, sizeof h);
	squeeze(os->title, t, sizeof t);
	if (dz_cite_number(&p, &n)) {
		const char *q = os->number ? os->number : "";
		if (!(dz_startswith(p, "、") || dz_startswith(p, ".") || dz_startswith(p, "．")))
			return !strcmp(h, t);
		p += *p == '.' ? 1 : 3;
		if (!*q || !dz_cite_number(&q, &want) || want != n)
			return 0;
	}
	return !strcmp(p, t);
}

/* A section's own heading that is not the outline's has the rule's
 * severity when the text asks for the section, and is at most a warning
 * in a section the author may leave out. */
static void k_headings(dz_ctx *x, const dz_rule *r, const dz_odoc *d)
{
	size_t i, h;
	for (i = d->first_sec; i < d->first_sec + d->nsec; i++) {
		const dz_osection *os = &x->o->secs[i];
		const dz_section *s = rule_has_section(r, os) ? dz_centre_section(x->c, os->id) : NULL;
		for (h = 0; s && h < s->nheads; h++) {
			char name[256], file[300];
			dz_vars vs = {0};
			if (s->heads[h].level != 1)
				continue;
			if (!heading_matches(os, s->heads[h].text)) {
				section_name(os, name, sizeof name);
				snprintf(file, sizeof file, "%s/%s", x->c->dir, s->path);
				dz_var(&vs, "section", name);
				dz_var(&vs, "value", s->heads[h].text);
				dz_var(&vs, "file", file);
				add_capped(x, r, !os->required, file, s->heads[h].line, &vs);
			}
			break; /* the first top heading is the section's own */
		}
	}
}

static void k_narrative(dz_ctx *x, const dz_rule *r)
{
	char **alts = NULL;
	size_t nalts = 0, cap = 0, i, p, a;
	const char *m = r->match;
	while (m && *m) {
		const char *bar = strchr(m, '|');
		size_t len = bar ? (size_t)(bar - m) : strlen(m);
		if (len && !dz_grow((void **)&alts, &cap, nalts, sizeof *alts) &&
		    (alts[nalts] = dz_strndup(m, len)) != NULL)
			nalts++;
		m = bar ? bar + 1 : NULL;
	}
	for (i = 0; i < x->c->nsecs; i++) {
		const dz_section *s = &x->c->secs[i];
		const dz_osection *os = dz_outline_section(x->o, s->id);
		if (!os || (r->document && strcmp(os->doc->id, r->document)) || !rule_has_section(r, os))
			continue;
		for (p = 0; p < s->nparas; p++)
			for (a = 0; a < nalts; a++)
				if (strstr(s->paras[p].text, alts[a])) {
					char name[256], file[300];
					dz_vars vs = {0};
					section_name(os, name, sizeof name);
					snprintf(file, sizeof file, "%s/%s", x->c->dir, s->path);
					dz_var(&vs, "section", name);
					dz_var(&vs, "value", alts[a]);
					dz_var(&vs, "file", file);
					dz_report_add(x->rep, r, file, s->paras[p].line, NULL, &vs);
					break;
				}
	}
	for (i = 0; i < nalts; i++)
		dz_free(alts[i]);
	dz_free(alts);
}

/* ---------- driver ---------- */

static void schema_findings(dz_ctx *x)
{
	size_t i;
	for (i = 0; i < x->c->nschema_errors; i++) {
		const dz_schema_error *e = &x->c->schema_errors[i];
		char *zh, *en;
		if (e->zh) { /* explained from centre.xsd's annotations (load/friendly.c) */
			dz_report_add_core(x->rep, DOSSIER_SEV_ERROR, "CORE-SCHEMA", CORE_ART, x->file,
					   e->line, e->zh, e->en, e->hint_zh, e->hint_en);
			continue;
		}
		zh = dz_fmt("centre.xml 不符合数据模式：%s", e->msg);
		en = dz_fmt("centre.xml does not match its schema: %s", e->msg);
		dz_report_add_core(x->rep, DOSSIER_SEV_ERROR, "CORE-SCHEMA", CORE_ART, x->file,
				   e->line, zh ? zh : "", en ? en : "",
				   "按 outlines/schema/centre.xsd 修正该处（元素名称、顺序、取值格式）。",
				   "Fix it to match outlines/schema/centre.xsd (element names, order, value format).");
		dz_free(zh);
		dz_free(en);
	}
}

/* What loading had to say: files in sections/ not read, what a Word
 * section could not carry (load/centre.c, office/docx.c). */
static void load_notes(dz_ctx *x)
{
	size_t i;
	for (i = 0; i < dossier_report_count(x->c->notes); i++) {
		const dossier_finding *f = dossier_report_get(x->c->notes, i);
		dz_report_add_core(x->rep, f->severity, f->rule, "dossier", f->file, f->line,
				   f->msg_zh, f->msg_en, f->hint_zh, f->hint_en);
	}
}

/* The first `max` characters of s, "…" after them if it goes on. */
static char *shortened(const char *s, size_t max)
{
	size_t i = 0, chars = 0;
	while (s[i] && chars < max) {
		i++;
		while ((s[i] & 0xC0) == 0x80)
			i++;
		chars++;
	}
	return s[i] ? dz_fmt("%.*s…", (int)i, s) : dz_strdup(s);
}

/* A prompt `dossier init` wrote (DZ_PROMPT) still in the narrative of a
 * document submitted: text still to write. Said before the schema is
 * judged, so a new centre's first check lists every one. */
static void core_prompts(dz_ctx *x)
{
	size_t i, k;
	for (i = 0; i < x->c->nsecs; i++) {
		const dz_section *s = &x->c->secs[i];
		const dz_osection *os = dz_outline_section(x->o, s->id);
		char name[256], *file;
		if (!os || !dz_centre_submits(x->c, os->doc->id))
			continue;
		section_name(os, name, sizeof name);
		file = dz_fmt("%s/%s", x->c->dir, s->path);
		for (k = 0; file && k < s->nprompts; k++) {
			const char *at = strstr(s->prompts[k].text, DZ_PROMPT);
			char *what, *zh, *en;
			what = shortened(at + strlen(DZ_PROMPT), 60);
			zh = dz_fmt("“%s”中仍是待写的提示：%s", name, what ? what : "");
			en = dz_fmt("\"%s\" still holds a prompt to write in its place: %s", name,
				    what ? what : "");
			dz_report_add_core(x->rep, DOSSIER_SEV_ERROR, "CORE-PROMPT", "doc/authoring.md",
					   file, s->prompts[k].line, zh ? zh : "", en ? en : "",
					   "按提示写出这部分内容，再删去以“" DZ_PROMPT "”开头的提示。",
					   "Write what it asks for, then delete the prompt (it starts " DZ_PROMPT ").");
			dz_free(what);
			dz_free(zh);
			dz_free(en);
		}
		dz_free(file);
	}
}

/* Values centre.xml holds empty where the schema lets them be (text,
 * lists, the data table's values): each is still to write, or to remove
 * if it is optional. Values the schema refuses empty are CORE-SCHEMA's. */
static void core_empty(dz_ctx *x)
{
	dz_explained *e = NULL;
	size_t n = 0, i;
	xmlNodePtr ind = indicators_node(x);
	if (!x->c->xsd)
		return;
	if (dz_explain_empty(x->c->xsd, x->c->doc, &e, &n, 1000) != 0) {
		x->rep->oom = 1;
		return;
	}
	for (i = 0; i < n; i++) {
		xmlChar *id = NULL;
		const dz_field *f = NULL;
		char *zh = NULL, *en = NULL, *hz = NULL, *he = NULL;
		if (ind && e[i].node->parent == ind && e[i].what && !e[i].what->attr &&
		    (id = xmlGetProp(e[i].node, BAD_CAST "id")) != NULL)
			f = dz_outline_field(x->o, (const char *)id);
		if (f) {
			/* a field of the data table: by its label, in its unit */
			const char *u = f->unit && *f->unit ? f->unit : NULL;
			zh = dz_fmt("数据表字段“%s”（%s）为空", f->label, f->id);
			en = dz_fmt("data-table field \"%s\" (%s) is empty", f->label_en, f->id);
			hz = dz_fmt("填写%s%s%s；%s", f->derived ? "（由系统计算，可删去这一行）" : "数值",
				    u ? "，单位 " : "", u ? u : "",
				    f->required ? "本方案要求填写。" : "不填就删去这一行。");
			he = dz_fmt("Enter the value%s%s; %s", u ? " in " : "", u ? u : "",
				    f->required ? "the scheme requires it." : "if there is none, remove the line.");
		}
		dz_report_add_core(x->rep, DOSSIER_SEV_ERROR, "CORE-EMPTY", CORE_ART, x->file,
				   e[i].line, zh ? zh : e[i].zh, en ? en : e[i].en,
				   hz ? hz : e[i].hint_zh, he ? he : e[i].hint_en);
		xmlFree(id);
		dz_free(zh);
		dz_free(en);
		dz_free(hz);
		dz_free(he);
	}
	dz_explained_free(e, n);
}

static void unknown_sections(dz_ctx *x)
{
	size_t i;
	for (i = 0; i < x->c->nsecs; i++) {
		const dz_section *s = &x->c->secs[i];
		if (!dz_outline_section(x->o, s->id)) {
			char *path = dz_fmt("%s/%s", x->c->dir, s->path);
			const char *file = strrchr(s->path, '/') ? strrchr(s->path, '/') + 1 : s->path;
			char *zh = dz_fmt("章节文件 %s 不对应提纲中的任何章节，不会被使用", file);
			char *en = dz_fmt("section file %s matches no section of the outline and is ignored", file);
			dz_report_add_core(x->rep, DOSSIER_SEV_WARNING, "CORE-SECTION-UNKNOWN",
					   "outline", path ? path : s->path, 0, zh ? zh : "", en ? en : "",
					   "按提纲中的章节编号重命名文件，或删除它。",
					   "Rename it to a section id of the outline, or remove it.");
			dz_free(path);
			dz_free(zh);
			dz_free(en);
		} else if (!dz_centre_submits(x->c, dz_outline_section(x->o, s->id)->doc->id)) {
			const dz_odoc *od = dz_outline_section(x->o, s->id)->doc;
			char *path = dz_fmt("%s/%s", x->c->dir, s->path);
			char *zh = dz_fmt("章节文件 %s.md 属于“%s”，本材料包未报送该文件，不检查也不生成", s->id, od->title);
			char *en = dz_fmt("section file %s.md belongs to \"%s\", which this dossier does not submit: it is neither checked nor rendered",
					  s->id, od->title_en);
			dz_report_add_core(x->rep, DOSSIER_SEV_INFO, "CORE-SECTION-UNUSED", "centre.xsd",
					   path ? path : s->path, 0, zh ? zh : "", en ? en : "",
					   "如属本阶段，在 submissions 中登记该文件；否则将其移出 sections/。",
					   "If it belongs to this stage, list its document in submissions; otherwise move it out of sections/.");
			dz_free(path);
			dz_free(zh);
			dz_free(en);
		} else if (strcmp(s->encoding, "UTF-8") != 0) {
			char *path = dz_fmt("%s/%s", x->c->dir, s->path);
			char *zh = dz_fmt("以 %s 编码读取", s->encoding);
			char *en = dz_fmt("read as %s", s->encoding);
			dz_report_add_core(x->rep, DOSSIER_SEV_INFO, "CORE-ENCODING", "dossier",
					   path ? path : s->path, 0, zh ? zh : "", en ? en : "",
					   "建议另存为 UTF-8。", "Consider saving it as UTF-8.");
			dz_free(path);
			dz_free(zh);
			dz_free(en);
		}
	}
}

static void map_values(dz_ctx *x)
{
	xmlNodePtr ind = indicators_node(x), n;
	for (n = ind ? ind->children : NULL; n; n = n->next) {
		xmlChar *id;
		const dz_field *f;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		id = xmlGetProp(n, BAD_CAST "id");
		f = id ? dz_outline_field(x->o, (const char *)id) : NULL;
		if (f && !x->values[f - x->o->fields])
			x->values[f - x->o->fields] = n;
		xmlFree(id);
	}
}

/* ---------- checks of dossier's own format (not tied to a scheme) ---------- */

static void core_rule(dz_rule *r, const char *id, dz_kind kind, dossier_severity sev,
		      const char *article, const char *zh, const char *en,
		      const char *fix_zh, const char *fix_en)
{
	memset(r, 0, sizeof *r);
	r->id = (char *)id;
	r->kind = kind;
	r->severity = sev;
	r->article = article;
	r->zh = (char *)zh;
	r->en = (char *)en;
	r->fix_zh = (char *)fix_zh;
	r->fix_en = (char *)fix_en;
}

/* The stage is one the outline defines, and every submitted document is a
 * document of that stage. 0 if the stage is unknown (no rule can apply). */
static int core_stage(dz_ctx *x)
{
	const dz_stage *st = dz_outline_stage(x->o, x->stage);
	xmlNodePtr subs = dz_centre_child(x->c, "submissions"), n;
	if (!st) {
		dz_buf zh = DZ_BUF_INIT, en = DZ_BUF_INIT;
		size_t i;
		dz_buf_printf(&zh, "阶段“%s”不是本方案定义的报送阶段；可选：", x->stage ? x->stage : "");
		dz_buf_printf(&en, "stage \"%s\" is not a stage of this scheme; its stages are: ",
			      x->stage ? x->stage : "");
		for (i = 0; i < x->o->nstages; i++) {
			dz_buf_printf(&zh, "%s%s（%s）", i ? "、" : "", x->o->stages[i].id,
				      x->o->stages[i].title);
			dz_buf_printf(&en, "%s%s (%s)", i ? ", " : "", x->o->stages[i].id,
				      x->o->stages[i].title_en);
		}
		dz_report_add_core(x->rep, DOSSIER_SEV_ERROR, "CORE-STAGE", "centre.xsd", x->file,
				   dz_node_line(xmlDocGetRootElement(x->c->doc)),
				   dz_buf_cstr(&zh), dz_buf_cstr(&en),
				   "把 centre.xml 根元素的 stage 属性改为上列之一（dossier explain 方案 列出各阶段）。",
				   "Set the stage attribute of centre.xml's root to one of them (dossier explain SCHEME lists them).");
		dz_buf_dispose(&zh);
		dz_buf_dispose(&en);
		return 0;
	}
	for (n = subs ? subs->children : NULL; n; n = n->next) {
		xmlChar *d;
		size_t i;
		int in = 0;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		d = xmlGetProp(n, BAD_CAST "document");
		for (i = 0; d && i < st->ndocs; i++)
			in |= !strcmp(st->docs[i], (const char *)d);
		if (d && !in) {
			const dz_odoc *od = dz_outline_doc(x->o, (const char *)d);
			char *zh = od ? dz_fmt("报送文件“%s”（%s）不属于阶段“%s”", od->title, (const char *)d, st->title)
				      : dz_fmt("报送文件 %s 不是本方案定义的文件", (const char *)d);
			char *en = od ? dz_fmt("document \"%s\" (%s) is not part of stage \"%s\"", od->title_en,
					       (const char *)d, st->title_en)
				      : dz_fmt("document %s is not a document of this scheme", (const char *)d);
			dz_report_add_core(x->rep, DOSSIER_SEV_ERROR, "CORE-DOCUMENT", "centre.xsd", x->file,
					   dz_node_line(n), zh ? zh : "", en ? en : "",
					   "每份材料包只含一个阶段的文件：删去该项，或改正 stage。",
					   "A dossier holds the documents of one stage: remove it, or correct the stage.");
			dz_free(zh);
			dz_free(en);
		}
		xmlFree(d);
	}
	return 1;
}

/* Every range with a start and an end is in order. */
static void core_dates(dz_ctx *x)
{
	static const char *const pairs[][2] = {
		{"start", "end"}, {"period-start", "period-end"}, {"requested", "until"},
	};
	xmlXPathCompExprPtr c = xmlXPathCompile(BAD_CAST
		"//*[@start and @end] | //*[@period-start and @period-end] | //*[@requested and @until]");
	xmlXPathObjectPtr o = c ? eval(x, c, NULL) : NULL;
	int i, n = nodes(o);
	size_t k;
	for (i = 0; i < n; i++) {
		xmlNodePtr e = o->nodesetval->nodeTab[i];
		for (k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
			xmlChar *a = xmlGetProp(e, BAD_CAST pairs[k][0]);
			xmlChar *b = xmlGetProp(e, BAD_CAST pairs[k][1]);
			long da, db;
			if (a && b && dz_date_parse(&da, (const char *)a) == 0 &&
			    dz_date_parse(&db, (const char *)b) == 0 && da > db) {
				char *zh = dz_fmt("<%s> 的 %s %s 晚于 %s %s", (const char *)e->name,
						  pairs[k][0], (const char *)a, pairs[k][1], (const char *)b);
				char *en = dz_fmt("<%s>: %s %s is after %s %s", (const char *)e->name,
						  pairs[k][0], (const char *)a, pairs[k][1], (const char *)b);
				dz_report_add_core(x->rep, DOSSIER_SEV_ERROR, "CORE-DATES", "centre.xsd",
						   x->file, dz_node_line(e), zh ? zh : "", en ? en : "",
						   "核对日期：起始日不能晚于结束日。",
						   "Check the dates: a start cannot be after its end.");
				dz_free(zh);
				dz_free(en);
			}
			xmlFree(a);
			xmlFree(b);
		}
	}
	xmlXPathFreeObject(o);
	xmlXPathFreeCompExpr(c);
}

/* Lists whose last entry the rules read as the latest (evaluations, the
 * extensions) are in date order: a later entry never dated earlier. */
static void core_order(dz_ctx *x)
{
	static const char *const lists[][3] = {
		{"/centre/evaluations/evaluation[@date]", "date", "evaluations"},
		{"/centre/dates/extension[@requested]", "requested", "dates/extension"},
	};
	size_t k;
	for (k = 0; k < sizeof lists / sizeof lists[0]; k++) {
		xmlXPathCompExprPtr c = xmlXPathCompile(BAD_CAST lists[k][0]);
		xmlXPathObjectPtr o = c ? eval(x, c, NULL) : NULL;
		int i, n = nodes(o);
		long prev = 0;
		for (i = 0; i < n; i++) {
			xmlNodePtr e = o->nodesetval->nodeTab[i];
			xmlChar *d = xmlGetProp(e, BAD_CAST lists[k][1]);
			long v;
			if (d && dz_date_parse(&v, (const char *)d) == 0) {
				if (i > 0 && v < prev) {
					char *zh = dz_fmt("%s 未按时间顺序列出：%s 排在更晚的日期之后",
							  lists[k][2], (const char *)d);
					char *en = dz_fmt("%s are not in date order: %s comes after a later date",
							  lists[k][2], (const char *)d);
					dz_report_add_core(x->rep, DOSSIER_SEV_ERROR, "CORE-ORDER", "centre.xsd",
							   x->file, dz_node_line(e), zh ? zh : "", en ? en : "",
							   "按日期先后排列：规则把最后一项当作最近的一次。",
							   "List them oldest first: the rules read the last entry as the latest.");
					dz_free(zh);
					dz_free(en);
				}
				prev = v;
			}
			xmlFree(d);
		}
		xmlXPathFreeObject(o);
		xmlXPathFreeCompExpr(c);
	}
}

static void core_checks(dz_ctx *x)
{
	dz_rule r;
	core_order(x);
	core_dates(x);
	core_rule(&r, "CORE-FIELD", DZ_K_FIELD_VALID, DOSSIER_SEV_ERROR, "centre.xsd",
		  "数据表字段“{label}”的值“{value}”{problem}",
		  "data-table field \"{label}\" value \"{value}\" {problem}",
		  "字段编号须是本方案数据表的字段（dossier explain 列出），数值按该字段的类型与单位填写（金额、整数、百分比、面积、日期）。",
		  "Use a field id of this scheme's data table (dossier explain lists them) and write the value in the field's type and unit (money, count, share, area, date).");
	k_field_valid(x, &r);
	core_rule(&r, "CORE-EVIDENCE-REF", DZ_K_EVIDENCE_REFS, DOSSIER_SEV_ERROR, "centre.xsd",
		  "引用了未登记的证明材料编号 {id}", "cites evidence id {id}, which is not declared",
		  "在 evidence-list 中登记该材料，或改正编号。", "Declare it in evidence-list or correct the id.");
	k_evidence_refs(x, &r);
	if (x->c->from_table) {
		dz_check_derived(x);
		return; /* a received table carries neither files nor narrative */
	}
	core_rule(&r, "CORE-EVIDENCE-FILE", DZ_K_EVIDENCE_FILES, DOSSIER_SEV_ERROR, "centre.xsd",
		  "证明材料 {id}（{file}）{problem}", "evidence {id} ({file}) {problem}",
		  "把文件放入 evidence/ 目录并核对文件名。", "Put the file under evidence/ and check its name.");
	k_evidence_files(x, &r);
	core_rule(&r, "CORE-EVIDENCE-UNDECLARED", DZ_K_EVIDENCE_UNDECLARED, DOSSIER_SEV_WARNING,
		  "centre.xsd", "evidence/ 中的文件 {file} 未在 centre.xml 中登记，不会随材料报送",
		  "file {file} in evidence/ is not declared in centre.xml and is not submitted",
		  "在 evidence-list 中登记该文件，或将其移出 evidence/。",
		  "Declare it in evidence-list or move it out of evidence/.");
	k_evidence_undeclared(x, &r);
	core_rule(&r, "CORE-USCC", DZ_K_PATTERN, DOSSIER_SEV_ERROR, "GB 32100-2015",
		  "统一社会信用代码 {value} 校验不通过", "unified social credit code {value} fails its check character",
		  "核对营业执照或法人证书上的18位代码。", "Copy the 18-character code from the licence again.");
	r.select = xmlXPathCompile(BAD_CAST "/centre/identity/host/uscc | /centre/identity/partners/partner/uscc"
				   " | /centre/firms/firm/@uscc[normalize-space(.) != '']");
	if (r.select) {
		k_pattern(x, &r, 1);
		xmlXPathFreeCompExpr(r.select);
	}
	core_rule(&r, "CORE-REF", DZ_K_REFS, DOSSIER_SEV_ERROR, "doc/authoring.md",
		  "叙述中的引用“{ref}”{problem}", "the narrative's reference \"{ref}\" {problem}",
		  "写作 {{fig:字段编号}} 或 {{table:表格编号}}，编号见 dossier explain。",
		  "Write {{fig:FIELD}} or {{table:ID}} with ids from dossier explain.");
	dz_rule_refs(x, &r);
}

static int rule_in_stage(const dz_ctx *x, const dz_rule *r)
{
	if (!r->ob || !dz_stage_in(r->ob->stages, r->ob->nstages, x->stage))
		return 0;
	return dz_stage_in(r->stages, r->nstages, x->stage);
}

static void run_rule(dz_ctx *x, const dz_rule *r)
{
	const dz_odoc *d = r->document ? dz_outline_doc(x->o, r->document) : NULL;
	if (!rule_in_stage(x, r))
		return;
	if (r->document && !has_document(x, r->document))
		return;
	if (x->c->from_table && !dz_table_rule_applies(x->o, r))
		return; /* reads what a received table does not carry */
	if (r->when) {
		x->xp->node = xmlDocGetRootElement(x->c->doc);
		if (xmlXPathCompiledEvalToBoolean(r->when, x->xp) != 1)
			return;
	}
	switch (r->kind) {
	case DZ_K_ASSERT: k_assert(x, r); break;
	case DZ_K_PATTERN: k_pattern(x, r, 0); break;
	case DZ_K_USCC: k_pattern(x, r, 1); break;
	case DZ_K_SECTIONS: k_sections(x, r, d); break;
	case DZ_K_ITEMS: k_items(x, r, d); break;
	case DZ_K_FIELD_PRESENT: k_field_present(x, r, d); break;
	case DZ_K_FIELD_VALID: k_field_valid(x, r); break;
	case DZ_K_FIELD_OF: k_field_of(x, r, d); break;
	case DZ_K_FIELD_EVIDENCE: k_field_evidence(x, r, d); break;
	case DZ_K_SUM: k_compare(x, r, r->parts, r->total, "eq"); break;
	case DZ_K_COMPARE: k_compare(x, r, r->left, r->right, r->op); break;
	case DZ_K_DATE: k_date(x, r); break;
	case DZ_K_EVIDENCE_REFS: k_evidence_refs(x, r); break;
	case DZ_K_EVIDENCE_CITED: k_evidence_cited(x, r); break;
	case DZ_K_EVIDENCE_FILES: k_evidence_files(x, r); break;
	case DZ_K_EVIDENCE_UNDECLARED: k_evidence_undeclared(x, r); break;
	case DZ_K_EVIDENCE_KIND: k_evidence_kind(x, r); break;
	case DZ_K_REFS: dz_rule_refs(x, r); break;
	case DZ_K_FIGURES: dz_rule_figures(x, r); break;
	case DZ_K_DOCUMENTS: k_documents(x, r); break;
	case DZ_K_TARGETS: k_targets(x, r); break;
	case DZ_K_HEADINGS: k_headings(x, r, d); break;
	case DZ_K_NARRATIVE: k_narrative(x, r); break;
	}
}

/* ---------- where each finding belongs ---------- */

/* The outline section whose file `file` is (DIR/sections/ID.md or .docx),
 * or NULL. */
static const dz_osection *section_of_file(dz_ctx *x, const char *file)
{
	size_t n = strlen(x->c->dir), len;
	char id[128];
	const char *base, *dot;
	if (strncmp(file, x->c->dir, n) || strncmp(file + n, "/sections/", 10))
		return NULL;
	base = file + n + 10;
	dot = strrchr(base, '.');
	len = dot ? (size_t)(dot - base) : strlen(base);
	if (strchr(base, '/') || len == 0 || len >= sizeof id)
		return NULL;
	memcpy(id, base, len);
	id[len] = '\0';
	return dz_outline_section(x->o, id);
}

/* The data-table field an XML path into centre.xml names (an indicator
 * value, or a plan target of a field), or NULL. */
static const dz_field *field_of_path(dz_ctx *x, const char *xpath)
{
	xmlXPathObjectPtr r;
	xmlNodePtr n;
	const dz_field *f = NULL;
	if (strncmp(xpath, "/centre/indicators/", 19) && strncmp(xpath, "/centre/targets/", 16))
		return NULL;
	x->xp->node = xmlDocGetRootElement(x->c->doc);
	r = xmlXPathEvalExpression(BAD_CAST xpath, x->xp);
	n = nodes(r) ? r->nodesetval->nodeTab[0] : NULL;
	if (n && n->type == XML_ATTRIBUTE_NODE)
		n = n->parent;
	/* up to the child of indicators or targets */
	while (n && n->parent && n->parent->parent && n->parent->parent->type == XML_ELEMENT_NODE &&
	       n->parent->parent != xmlDocGetRootElement(x->c->doc))
		n = n->parent;
	if (n && n->type == XML_ELEMENT_NODE) {
		xmlChar *id = xmlGetProp(n, BAD_CAST (xmlStrEqual(n->name, BAD_CAST "target") ? "field" : "id"));
		f = id ? dz_outline_field(x->o, (const char *)id) : NULL;
		xmlFree(id);
	}
	xmlXPathFreeObject(r);
	return f;
}

/* Each finding's outline document and section (dossier_finding.document,
 * .section), so that a review can group them: a section file names its
 * section; an outline rule its document (and its section, when it covers
 * one); a data-table value its field's document. What none of these
 * places concerns the centre's data as a whole (""). */
static void place_findings(dz_ctx *x)
{
	size_t i, k;
	xmlChar *table = NULL;
	if (x->c->from_table) { /* a received table is all one document */
		xmlNodePtr s = dz_centre_child(x->c, "submissions");
		for (s = s ? s->children : NULL; s && s->type != XML_ELEMENT_NODE; s = s->next)
			;
		table = s ? xmlGetProp(s, BAD_CAST "document") : NULL;
	}
	for (i = 0; i < x->rep->n && !x->rep->oom; i++) {
		const dossier_finding *f = &x->rep->items[i].f;
		const dz_osection *os = section_of_file(x, f->file);
		const char *doc = NULL;
		if (!os) {
			for (k = 0; k < x->o->nrules; k++) {
				const dz_rule *r = &x->o->rules[k];
				if (strcmp(r->id, f->rule))
					continue;
				doc = r->document;
				if (r->nsections == 1)
					os = dz_outline_section(x->o, r->sections[0]);
				break;
			}
		}
		if (!os && !doc && *f->xpath) {
			const dz_field *fd = field_of_path(x, f->xpath);
			if (fd && fd->doc)
				doc = fd->doc->id;
		}
		if (os && os->doc)
			doc = os->doc->id;
		if (!doc && table && dz_outline_doc(x->o, (const char *)table))
			doc = (const char *)table;
		if (doc || os)
			dz_report_place(x->rep, i, doc, os ? os->id : NULL);
	}
	xmlFree(table);
}

int dossier_check_run(dossier_report **out, const dossier_centre *c,
		      const dossier_outline *o, const dossier_check_options *opts)
{
	dz_ctx x;
	size_t i;
	int rc = 0;
	char as_of[16];
	*out = NULL;
	memset(&x, 0, sizeof x);
	x.c = c;
	x.o = o;
	x.file = c->xml_path;
	if (opts && opts->as_of) {
		if (dz_date_parse(&x.as_of, opts->as_of))
			return dz_errf(DOSSIER_EUSAGE, "", 0, 0, "日期格式为 YYYY-MM-DD。",
				       "Dates are written YYYY-MM-DD.",
				       "--as-of 日期无效：%s", "invalid --as-of date: %s",
				       opts->as_of);
	} else {
		x.as_of = dz_date_today();
	}
	if (!c->scheme || strcmp(c->scheme, o->id) != 0)
		return dz_errf(DOSSIER_EUSAGE, c->xml_path, 0, 0,
			       "使用与 centre.xml 中 scheme 相同的提纲。",
			       "Use the outline named by the scheme attribute of centre.xml.",
			       "centre.xml 的 scheme 为 %s，与提纲 %s 不符",
			       "centre.xml names scheme %s, not outline %s",
			       c->scheme ? c->scheme : "?", o->id);
	x.rep = dz_calloc(1, sizeof *x.rep);
	x.values = dz_calloc(o->nfields + 1, sizeof *x.values);
	x.xp = xmlXPathNewContext(c->doc);
	if (!x.rep || !x.values || !x.xp) {
		rc = DOSSIER_ENOMEM;
		goto done;
	}
	x.stage = opts && opts->version >= 2 && opts->stage ? opts->stage : c->stage;
	snprintf(x.rep->stage, sizeof x.rep->stage, "%s", x.stage ? x.stage : "");
	dz_date_format(as_of, sizeof as_of, x.as_of);
	xmlXPathRegisterVariable(x.xp, BAD_CAST "as-of", xmlXPathNewCString(as_of));
	xmlXPathRegisterVariable(x.xp, BAD_CAST "stage", xmlXPathNewCString(x.stage ? x.stage : ""));
	load_notes(&x);
	if (!c->from_table) {
		core_prompts(&x);
		core_empty(&x);
	}
	if (c->nschema_errors) {
		/* rules assume the schema's shape: report the schema first */
		schema_findings(&x);
	} else {
		dz_xml_errors e;
		map_values(&x);
		unknown_sections(&x);
		dz_xml_errors_begin(&e); /* keep XPath runtime messages off stderr */
		core_checks(&x);
		if (core_stage(&x))
			for (i = 0; i < o->nrules; i++)
				run_rule(&x, &o->rules[i]);
		place_findings(&x);
		dz_xml_errors_end();
	}
	if (opts && opts->version >= 3 && opts->display_dir)
		dz_report_rename(x.rep, c->dir, opts->display_dir);
	if (x.rep->oom)
		rc = DOSSIER_ENOMEM;
done:
	if (x.xp)
		xmlXPathFreeContext(x.xp);
	dz_free(x.values);
	if (rc) {
		dossier_report_free(x.rep);
		return dz_err(rc, "", 0, 0, "内存不足", "out of memory", "", "");
	}
	*out = x.rep;
	return 0;
}
