/*
 * doc.c — build the document model (doc.h) of one document of a centre:
 * the outline's sections in order, each from sections/<id>.md through
 * cmark-gfm, with {{fig:ID}} replaced by the formatted data value and
 * {{table:ID}} by a table generated from centre.xml; or, for the evaluation
 * data table, one table per field group of the outline.
 */
#include <string.h>
#include <cmark-gfm-core-extensions.h>
#include <libxml/xpath.h>
#include "util/util.h"
#include "util/num.h"
#include "util/tpl.h"
#include "model.h"
#include "doc.h"

typedef struct {
	dossier_doc *d;
	const dossier_centre *c;
	const dossier_outline *o;
	xmlXPathContextPtr xp;
	/* runs being collected for the current block */
	dz_run *runs;
	size_t nruns, cap;
	const char *src;
} builder;

/* String value of `expr` evaluated at node `at`, in the arena. */
static const char *xstr_at(builder *b, xmlNodePtr at, const char *expr)
{
	xmlXPathObjectPtr r;
	xmlChar *s;
	const char *out;
	b->xp->node = at;
	r = xmlXPathEvalExpression(BAD_CAST expr, b->xp);
	s = r ? xmlXPathCastToString(r) : NULL;
	out = dz_arena_strdup(&b->d->arena, s ? (const char *)s : "");
	xmlFree(s);
	xmlXPathFreeObject(r);
	return out;
}

/* String value of `expr` evaluated at centre.xml's root. */
static const char *xstr(builder *b, const char *expr)
{
	return xstr_at(b, xmlDocGetRootElement(b->c->doc), expr);
}

/* "2026-03-20" → "2026年3月20日" (GB/T 9704: no leading zeros). */
static const char *cn_date(builder *b, const char *iso)
{
	int y, m, d;
	char buf[32];
	if (!iso || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return "";
	snprintf(buf, sizeof buf, "%d年%d月%d日", y, m, d);
	return dz_arena_strdup(&b->d->arena, buf);
}

/* ---------- numbers from the data ---------- */

static const char *node_unit(xmlNodePtr n, const dz_field *f)
{
	static char buf[32];
	xmlNodePtr e = n->type == XML_ATTRIBUTE_NODE ? n->parent : n;
	for (; e && e->type == XML_ELEMENT_NODE; e = e->parent) {
		xmlChar *u = xmlGetProp(e, BAD_CAST "unit");
		if (u) {
			snprintf(buf, sizeof buf, "%s", (const char *)u);
			xmlFree(u);
			return buf;
		}
	}
	return f && f->unit ? f->unit : "";
}

/* Format the decimal text `s` (in unit `from`) in unit `to`, Chinese style. */
static const char *fmt_num(builder *b, const char *s, const char *from,
			   const char *to, int money)
{
	int64_t dec;
	dz_num v;
	char buf[96];
	if (!s || dz_dec_parse(&dec, s) || dz_num_from(&v, dec, from))
		return NULL;
	dz_num_format_ex(buf, sizeof buf, v.v, to, money ? 2 : 0, 0);
	return dz_arena_strdup(&b->d->arena, buf);
}

static xmlNodePtr field_node(builder *b, const char *id)
{
	return dz_child_with(dz_centre_child(b->c, "indicators"), "id", id);
}

/* A derived share "field:a / field:b" in percent, 2 decimals, without "%"
 * (check/derived.c: check recomputes a received table's with the same). */
static const char *derived_pct(builder *b, const dz_field *f)
{
	char buf[48];
	if (!dz_derived_share(b->c, b->o, f, buf, sizeof buf))
		return NULL;
	return dz_arena_strdup(&b->d->arena, buf);
}

/* The same as printed: "58.56%". */
static const char *derived_value(builder *b, const dz_field *f)
{
	const char *p = derived_pct(b, f);
	char buf[64];
	if (!p)
		return NULL;
	snprintf(buf, sizeof buf, "%s%%", p);
	return dz_arena_strdup(&b->d->arena, buf);
}

/* The text {{fig:ID}} stands for: value and unit, e.g. "8,560.50万元". */
static const char *fig_text(builder *b, const char *id)
{
	const dz_field *f = dz_outline_field(b->o, id);
	xmlNodePtr n;
	xmlChar *s;
	const char *out;
	if (!f)
		return NULL;
	if (f->derived)
		return derived_value(b, f);
	n = field_node(b, id);
	if (!n)
		return NULL;
	s = xmlNodeGetContent(n);
	if (f->type == DZ_T_TEXT || f->type == DZ_T_DATE || f->type == DZ_T_BOOL) {
		char *t = dz_strdup(s ? (const char *)s : "");
		out = t ? dz_arena_strdup(&b->d->arena, dz_trim(t)) : NULL;
		dz_free(t);
	} else {
		out = fmt_num(b, (const char *)s, node_unit(n, f), f->unit ? f->unit : "",
			      f->type == DZ_T_MONEY);
	}
	xmlFree(s);
	return out;
}

/* ---------- values for machine readers (dz_datum) ---------- */

/* Canonical `v` as an exact decimal in `unit`, without grouping or unit
 * ("21733.82"); money keeps at least 2 decimals. */
static const char *exact_text(builder *b, int64_t v, const char *unit, int money)
{
	char buf[96], out[96];
	size_t n, ul = strlen(unit), i, o = 0;
	dz_num_format_ex(buf, sizeof buf, v, unit, money ? 2 : 0, 0);
	n = strlen(buf);
	if (n >= ul && !strcmp(buf + n - ul, unit))
		n -= ul;
	for (i = 0; i < n && o < sizeof out - 1; i++)
		if (buf[i] != ',')
			out[o++] = buf[i];
	out[o] = '\0';
	return dz_arena_strdup(&b->d->arena, out);
}

static const char *type_name(dz_ftype t)
{
	static const char *const n[] = {"money", "count", "decimal", "share",
					"area", "text", "date", "bool"};
	return (unsigned)t < sizeof n / sizeof n[0] ? n[t] : "text";
}

static int number_type(dz_ftype t)
{
	return t != DZ_T_TEXT && t != DZ_T_DATE && t != DZ_T_BOOL;
}

/* "YYYY-MM-DD" exactly, a real calendar day, year ≥ 1 (xs:date). */
static int iso_date(const char *s)
{
	long days;
	size_t i;
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' || !strncmp(s, "0000", 4))
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	if (dz_date_parse(&days, s))
		return 0;
	{
		char back[16];
		dz_date_format(back, sizeof back, days);
		return !strcmp(back, s); /* rejects 2025-02-30 rolled over */
	}
}

/* An attribute's ids, separated by single spaces ("" if none). */
static const char *ids_attr(builder *b, xmlNodePtr n, const char *name)
{
	xmlChar *v = n ? xmlGetProp(n, BAD_CAST name) : NULL;
	char *t = dz_strdup(v ? (const char *)v : "");
	const char *out = NULL;
	xmlFree(v);
	if (t) {
		char *r = t, *w = t;
		int sp = 0;
		for (; *r; r++) {
			if (*r == ' ' || *r == '\t' || *r == '\n' || *r == '\r') {
				sp = w > t;
				continue;
			}
			if (sp)
				*w++ = ' ';
			sp = 0;
			*w++ = *r;
		}
		*w = '\0';
		out = dz_arena_strdup(&b->d->arena, t);
	}
	dz_free(t);
	return out;
}

/* The datum of field `f` whose value node is `n` (may be NULL). */
static void fill_datum(builder *b, dz_datum *dt, const dz_field *f, xmlNodePtr n)
{
	xmlChar *s;
	char *t;
	dt->field = f->id;
	dt->label = f->label;
	dt->label_en = f->label_en;
	dt->type = type_name(f->type);
	dt->unit = f->unit ? f->unit : "";
	dt->evidence = ids_attr(b, n, "evidence");
	if (f->derived) {
		dt->formula = f->derived;
		dt->value = derived_pct(b, f);
		dt->valid = 1;
		return;
	}
	if (!n)
		return;
	s = xmlNodeGetContent(n);
	t = dz_strdup(s ? (const char *)s : "");
	xmlFree(s);
	if (!t) {
		b->d->arena.oom = 1;
		return;
	}
	dz_trim(t);
	if (!*t) {
		/* no value */
	} else if (number_type(f->type)) {
		int64_t dec;
		dz_num v;
		if (dz_dec_parse(&dec, t) == 0 && dz_num_from(&v, dec, node_unit(n, f)) == 0) {
			dt->value = exact_text(b, v.v, dt->unit, f->type == DZ_T_MONEY);
			dt->valid = 1;
		} else {
			dt->value = dz_arena_strdup(&b->d->arena, t);
		}
	} else if (f->type == DZ_T_BOOL) {
		dt->valid = !strcmp(t, "true") || !strcmp(t, "是") || !strcmp(t, "false") ||
			    !strcmp(t, "否");
		dt->value = dz_arena_strdup(&b->d->arena, !dt->valid ? t
					    : (!strcmp(t, "true") || !strcmp(t, "是")) ? "true" : "false");
	} else {
		dt->valid = f->type == DZ_T_TEXT || iso_date(t);
		dt->value = dz_arena_strdup(&b->d->arena, t);
	}
	dz_free(t);
}

/* ---------- runs ---------- */

static void push_run(builder *b, int style, const char *text, size_t len, const char *ref)
{
	dz_run *r;
	if (len == 0 && !(style & DZ_S_BREAK))
		return;
	/* merge with the previous run of the same style (cmark splits text at
	 * delimiters such as "_", which {{fig:rd_staff}} contains) */
	if (b->nruns && b->runs[b->nruns - 1].style == style && !ref &&
	    !b->runs[b->nruns - 1].ref && !(style & (DZ_S_BREAK | DZ_S_FIG))) {
		r = &b->runs[b->nruns - 1];
		{
			size_t ol = strlen(r->text);
			char *t = dz_arena_alloc(&b->d->arena, ol + len + 1);
			if (!t)
				return;
			memcpy(t, r->text, ol);
			memcpy(t + ol, text, len);
			r->text = t;
		}
		return;
	}
	if (dz_grow((void **)&b->runs, &b->cap, b->nruns, sizeof *b->runs)) {
		b->d->arena.oom = 1;
		return;
	}
	r = &b->runs[b->nruns++];
	r->style = style;
	r->text = dz_arena_strndup(&b->d->arena, text, len);
	r->ref = ref ? dz_arena_strdup(&b->d->arena, ref) : NULL;
}

/* What a reference that cannot be filled in prints in a draft (check
 * reports it and render refuses without --draft): a visible mark, never
 * the template itself. */
static const char *draft_mark(builder *b, const dz_tpl *tp)
{
	char buf[200];
	if (tp->kind == DZ_TPL_FIG && tp->id_len < 80) {
		char id[80];
		const dz_field *f;
		memcpy(id, tp->id, tp->id_len);
		id[tp->id_len] = '\0';
		if ((f = dz_outline_field(b->o, id)) != NULL) {
			snprintf(buf, sizeof buf, "【缺少数据：%s】", f->label);
			return dz_arena_strdup(&b->d->arena, buf);
		}
	}
	if (tp->kind == DZ_TPL_UNCLOSED)
		return "【引用未闭合】";
	if (tp->kind == DZ_TPL_TABLE)
		return "【表格引用须单独成段】";
	snprintf(buf, sizeof buf, "【引用有误：%.*s】",
		 (int)(tp->body_len < 120 ? tp->body_len : 120), tp->body);
	return dz_arena_strdup(&b->d->arena, buf);
}

/* Replace {{fig:ID}} in plain runs by the value, as a run of its own. */
static void expand_figs(builder *b)
{
	dz_run *old = b->runs;
	size_t n = b->nruns, i;
	b->runs = NULL;
	b->nruns = b->cap = 0;
	for (i = 0; i < n; i++) {
		const char *t = old[i].text;
		dz_tpl tp;
		if (old[i].style & (DZ_S_CODE | DZ_S_BREAK | DZ_S_FIG)) {
			if (!dz_grow((void **)&b->runs, &b->cap, b->nruns, sizeof *b->runs))
				b->runs[b->nruns++] = old[i];
			continue;
		}
		while (dz_tpl_next(t, &tp)) {
			const char *val = NULL;
			char id[80];
			push_run(b, old[i].style, t, (size_t)(tp.start - t), NULL);
			if (tp.kind == DZ_TPL_FIG && tp.id_len < sizeof id) {
				memcpy(id, tp.id, tp.id_len);
				id[tp.id_len] = '\0';
				val = fig_text(b, id);
			}
			if (val) {
				push_run(b, old[i].style | DZ_S_FIG, val, strlen(val), id);
			} else {
				const char *m = draft_mark(b, &tp);
				if (m)
					push_run(b, old[i].style, m, strlen(m), NULL);
			}
			t = tp.end;
		}
		push_run(b, old[i].style, t, strlen(t), NULL);
	}
	dz_free(old);
}

static int is_ascii_word(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static void inlines(builder *b, cmark_node *n, int style)
{
	cmark_node *ch;
	for (ch = cmark_node_first_child(n); ch; ch = cmark_node_next(ch)) {
		const char *lit = cmark_node_get_literal(ch);
		switch (cmark_node_get_type(ch)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_HTML_INLINE:
			push_run(b, style, lit ? lit : "", lit ? strlen(lit) : 0, NULL);
			break;
		case CMARK_NODE_CODE:
			push_run(b, style | DZ_S_CODE, lit ? lit : "", lit ? strlen(lit) : 0, NULL);
			break;
		case CMARK_NODE_SOFTBREAK: {
			/* Chinese: a source line break is nothing; between Latin words, a space */
			const char *prev = b->nruns ? b->runs[b->nruns - 1].text : "";
			cmark_node *nx = cmark_node_next(ch);
			const char *next = nx ? cmark_node_get_literal(nx) : NULL;
			size_t pl = strlen(prev);
			if (pl && next && is_ascii_word((unsigned char)prev[pl - 1]) &&
			    is_ascii_word((unsigned char)next[0]))
				push_run(b, style, " ", 1, NULL);
			break;
		}
		case CMARK_NODE_LINEBREAK:
			push_run(b, DZ_S_BREAK, "", 0, NULL);
			break;
		case CMARK_NODE_EMPH:
			inlines(b, ch, style | DZ_S_ITALIC);
			break;
		case CMARK_NODE_STRONG:
			inlines(b, ch, style | DZ_S_BOLD);
			break;
		default: /* links, images, strikethrough: their text */
			inlines(b, ch, style);
			break;
		}
	}
}

static void take_runs(builder *b, dz_run **runs, size_t *n)
{
	expand_figs(b);
	*runs = dz_arena_alloc(&b->d->arena, (b->nruns + 1) * sizeof **runs);
	if (*runs && b->nruns)
		memcpy(*runs, b->runs, b->nruns * sizeof **runs);
	*n = *runs ? b->nruns : 0;
	b->nruns = 0;
}

/* ---------- blocks ---------- */

typedef struct {
	dz_block *v;
	size_t n, cap;
} blist;

static dz_block *new_block(builder *b, blist *l, dz_bkind kind)
{
	dz_block *k;
	if (dz_grow((void **)&l->v, &l->cap, l->n, sizeof *l->v)) {
		b->d->arena.oom = 1;
		return NULL;
	}
	k = &l->v[l->n++];
	memset(k, 0, sizeof *k);
	k->kind = kind;
	k->src = b->src;
	return k;
}

/* Move a malloc'd list into the arena. */
static void seal(builder *b, blist *l, dz_block **out, size_t *n)
{
	*out = dz_arena_alloc(&b->d->arena, (l->n + 1) * sizeof **out);
	if (*out && l->n)
		memcpy(*out, l->v, l->n * sizeof **out);
	*n = *out ? l->n : 0;
	dz_free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static int numeric_text(const char *s)
{
	int digits = 0;
	while (*s == ' ')
		s++;
	if (*s == '-' || *s == '+')
		s++;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			digits++;
		else if (*s != ',' && *s != '.')
			break;
	}
	if (!digits)
		return 0;
	/* a unit or percent may follow, nothing else */
	while (*s == ' ')
		s++;
	return !*s || !strcmp(s, "%") || !strcmp(s, "％") || !strcmp(s, "万元") ||
	       !strcmp(s, "元") || !strcmp(s, "亿元") || strlen(s) <= 6;
}

static void cell_from_text(builder *b, dz_cell *c, const char *text, int numeric)
{
	c->runs = dz_arena_alloc(&b->d->arena, sizeof *c->runs);
	if (!c->runs)
		return;
	c->runs[0].text = dz_arena_strdup(&b->d->arena, text ? text : "");
	c->nruns = 1;
	c->numeric = numeric;
}

static void gfm_table(builder *b, blist *l, cmark_node *t)
{
	dz_block *k = new_block(b, l, DZ_B_TABLE);
	cmark_node *row, *cell;
	size_t ncols = cmark_gfm_extensions_get_table_columns(t), nrows = 0, r, col;
	uint8_t *al = cmark_gfm_extensions_get_table_alignments(t);
	if (!k || ncols == 0)
		return;
	k->line = cmark_node_get_start_line(t);
	for (row = cmark_node_first_child(t); row; row = cmark_node_next(row))
		nrows++;
	k->ncols = ncols;
	k->nrows = nrows;
	k->cells = dz_arena_alloc(&b->d->arena, (nrows * ncols + 1) * sizeof *k->cells);
	k->align = dz_arena_alloc(&b->d->arena, ncols * sizeof *k->align);
	if (!k->cells || !k->align)
		return;
	for (col = 0; col < ncols; col++)
		k->align[col] = !al ? DZ_AL_DEFAULT : al[col] == 'l' ? DZ_AL_LEFT
			      : al[col] == 'c' ? DZ_AL_CENTER : al[col] == 'r' ? DZ_AL_RIGHT
			      : DZ_AL_DEFAULT;
	for (row = cmark_node_first_child(t), r = 0; row; row = cmark_node_next(row), r++) {
		if (cmark_gfm_extensions_get_table_row_is_header(row))
			k->nhead = r + 1;
		for (cell = cmark_node_first_child(row), col = 0; cell && col < ncols;
		     cell = cmark_node_next(cell), col++) {
			dz_cell *c = &k->cells[r * ncols + col];
			size_t i;
			inlines(b, cell, 0);
			take_runs(b, &c->runs, &c->nruns);
			if (c->nruns == 1 || (c->nruns > 0 && c->runs[0].style & DZ_S_FIG)) {
				char buf[128] = "";
				for (i = 0; i < c->nruns && strlen(buf) < 100; i++)
					strncat(buf, c->runs[i].text, sizeof buf - strlen(buf) - 1);
				c->numeric = r >= k->nhead && numeric_text(buf);
			}
		}
	}
}

static void value_cell(builder *b, dz_cell *c, const char *v, const char *unit,
		       const char *id);
static void target_row(builder *b, xmlNodePtr t, dz_datum *dt, const char **unit,
		       const char **tv, const char **av, const dz_field **fout);

/* At a stage that proposes the plan (stage targets="plan") there is no
 * completion yet: the targets are shown beside the present values. */
static int plan_stage(const builder *b)
{
	const dz_stage *st = b->c->stage ? dz_outline_stage(b->o, b->c->stage) : NULL;
	return st && st->plan_targets;
}

/* {{table:ID}} of kind="targets": each selected plan target against its
 * actual value, by label and unit as a reader expects them. */
static void narrative_targets(builder *b, dz_block *k, const dz_table *t,
			      xmlXPathObjectPtr rows, size_t nrows)
{
	static const char *const head[] = {"指标", "单位", "目标值", "完成值", "完成率（%）"};
	static const char *const head_plan[] = {"指标", "单位", "目标值", "现状值"};
	static const int al[] = {DZ_AL_LEFT, DZ_AL_CENTER, DZ_AL_RIGHT, DZ_AL_RIGHT, DZ_AL_RIGHT};
	int plan = plan_stage(b);
	size_t r, c, n = 0, nc = plan ? 4 : 5;
	(void)t;
	k->ncols = nc;
	k->nhead = 1;
	k->cells = dz_arena_alloc(&b->d->arena, ((nrows + 1) * nc + 1) * sizeof *k->cells);
	k->align = dz_arena_alloc(&b->d->arena, nc * sizeof *k->align);
	if (!k->cells || !k->align)
		return;
	for (c = 0; c < nc; c++) {
		cell_from_text(b, &k->cells[c], plan ? head_plan[c] : head[c], 0);
		k->align[c] = al[c];
	}
	for (r = 0; r < nrows; r++) {
		xmlNodePtr t0 = rows->nodesetval->nodeTab[r];
		dz_cell *row;
		dz_datum dt;
		const char *unit, *tv, *av;
		const dz_field *f;
		if (t0->type != XML_ELEMENT_NODE || strcmp((const char *)t0->name, "target"))
			continue; /* rows selects plan targets only */
		memset(&dt, 0, sizeof dt);
		row = &k->cells[(n + 1) * nc];
		target_row(b, t0, &dt, &unit, &tv, &av, &f);
		cell_from_text(b, &row[0], dt.label ? dt.label : "", 0);
		cell_from_text(b, &row[1], unit ? unit : "", 0);
		value_cell(b, &row[2], tv, unit, NULL);
		value_cell(b, &row[3], av, unit, f ? f->id : NULL);
		if (!plan)
			value_cell(b, &row[4], dt.completion, NULL, NULL);
		n++;
	}
	k->nrows = 1 + n;
}

/* A table generated from centre.xml by an outline <table>. */
static void data_table(builder *b, blist *l, const dz_table *t)
{
	dz_block *k = new_block(b, l, DZ_B_TABLE);
	xmlXPathObjectPtr rows, tot = NULL;
	size_t nrows, r, col, extra;
	if (!k)
		return;
	k->caption = t->title;
	k->table_id = t->id;
	b->xp->node = xmlDocGetRootElement(b->c->doc);
	rows = xmlXPathEvalExpression(BAD_CAST t->rows, b->xp);
	nrows = rows && rows->type == XPATH_NODESET && rows->nodesetval ? (size_t)rows->nodesetval->nodeNr : 0;
	if (t->targets) {
		narrative_targets(b, k, t, rows, nrows);
		goto done;
	}
	if (t->total) {
		tot = xmlXPathEvalExpression(BAD_CAST t->total, b->xp);
		if (tot && (tot->type != XPATH_NODESET || !tot->nodesetval || !tot->nodesetval->nodeNr)) {
			xmlXPathFreeObject(tot);
			tot = NULL;
		}
	}
	extra = tot ? 1 : 0;
	k->ncols = t->ncols;
	k->nhead = 1;
	k->nrows = 1 + nrows + extra;
	k->cells = dz_arena_alloc(&b->d->arena, (k->nrows * k->ncols + 1) * sizeof *k->cells);
	k->align = dz_arena_alloc(&b->d->arena, (k->ncols + 1) * sizeof *k->align);
	if (!k->cells || !k->align)
		goto done;
	for (col = 0; col < t->ncols; col++) {
		const dz_col *c = &t->cols[col];
		int num = c->type && strcmp(c->type, "text") && strcmp(c->type, "date");
		char head[160];
		if (c->unit && *c->unit)
			snprintf(head, sizeof head, "%s（%s）", c->title, c->unit);
		else
			snprintf(head, sizeof head, "%s", c->title);
		cell_from_text(b, &k->cells[col], head, 0);
		k->align[col] = num ? DZ_AL_RIGHT : DZ_AL_LEFT;
	}
	for (r = 0; r < nrows + extra; r++) {
		xmlNodePtr row = r < nrows ? rows->nodesetval->nodeTab[r] : tot->nodesetval->nodeTab[0];
		for (col = 0; col < t->ncols; col++) {
			const dz_col *c = &t->cols[col];
			xmlXPathObjectPtr v;
			xmlChar *s;
			const char *text;
			int num = c->type && strcmp(c->type, "text") && strcmp(c->type, "date");
			b->xp->node = row;
			v = xmlXPathEvalExpression(BAD_CAST c->value, b->xp);
			s = v ? xmlXPathCastToString(v) : NULL;
			text = s ? (const char *)s : "";
			if (r == nrows && col == 0 && (!*text || !strcmp(c->value, "@kind") ||
						       !strcmp(c->value, "@name")))
				text = "合计";
			if (num && *text) {
				const char *f = NULL;
				int money = !strcmp(c->type, "money");
				if (v && v->type == XPATH_NODESET && v->nodesetval && v->nodesetval->nodeNr) {
					/* money is converted from the node's unit to the column's;
					 * counts and decimals are plain numbers (an inherited
					 * @unit="万元" is not theirs) */
					const char *from = money ? node_unit(v->nodesetval->nodeTab[0], NULL) : "";
					const char *to = money && c->unit ? c->unit : from;
					f = fmt_num(b, text, from, to, money);
					/* the column header names the unit: print the number alone */
					if (f && c->unit && *c->unit) {
						size_t fl = strlen(f), ul = strlen(c->unit);
						if (fl > ul && !strcmp(f + fl - ul, c->unit))
							f = dz_arena_strndup(&b->d->arena, f, fl - ul);
					}
				}
				if (f)
					text = f;
			} else if (c->type && !strcmp(c->type, "date")) {
				const char *d = cn_date(b, text);
				if (*d)
					text = d;
			}
			cell_from_text(b, &k->cells[(r + 1) * k->ncols + col], text, num);
			xmlFree(s);
			xmlXPathFreeObject(v);
		}
	}
done:
	xmlXPathFreeObject(rows);
	xmlXPathFreeObject(tot);
}

static void blocks(builder *b, blist *l, cmark_node *parent);

static void one_block(builder *b, blist *l, cmark_node *n)
{
	const char *type = cmark_node_get_type_string(n);
	dz_block *k;
	blist sub = {0};
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_HEADING:
		k = new_block(b, l, DZ_B_HEADING);
		if (!k)
			return;
		k->level = cmark_node_get_heading_level(n);
		k->line = cmark_node_get_start_line(n);
		inlines(b, n, 0);
		take_runs(b, &k->runs, &k->nruns);
		return;
	case CMARK_NODE_PARAGRAPH: {
		inlines(b, n, 0);
		/* a paragraph holding only {{table:ID}} places a generated table */
		if (b->nruns == 1 && !(b->runs[0].style & DZ_S_CODE)) {
			char *t = dz_strdup(b->runs[0].text);
			dz_tpl tp;
			const dz_table *tab = NULL;
			if (t && dz_tpl_next(dz_trim(t), &tp) && tp.kind == DZ_TPL_TABLE &&
			    tp.start == t && !*tp.end && tp.id_len < 80) {
				char id[80];
				memcpy(id, tp.id, tp.id_len);
				id[tp.id_len] = '\0';
				tab = dz_outline_table(b->o, id);
			}
			dz_free(t);
			if (tab) {
				b->nruns = 0;
				data_table(b, l, tab);
				return;
			}
		}
		k = new_block(b, l, DZ_B_PARA);
		if (!k)
			return;
		k->line = cmark_node_get_start_line(n);
		take_runs(b, &k->runs, &k->nruns);
		return;
	}
	case CMARK_NODE_LIST:
		k = new_block(b, l, DZ_B_LIST);
		if (!k)
			return;
		k->level = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
		k->start = cmark_node_get_list_start(n);
		k->line = cmark_node_get_start_line(n);
		{
			cmark_node *it;
			for (it = cmark_node_first_child(n); it; it = cmark_node_next(it)) {
				blist inner = {0};
				dz_block *item = new_block(b, &sub, DZ_B_ITEM);
				if (!item)
					break;
				blocks(b, &inner, it);
				item = &sub.v[sub.n - 1]; /* sub may have moved */
				seal(b, &inner, &item->kids, &item->nkids);
			}
		}
		k = &l->v[l->n - 1];
		seal(b, &sub, &k->kids, &k->nkids);
		return;
	case CMARK_NODE_BLOCK_QUOTE:
		blocks(b, &sub, n);
		k = new_block(b, l, DZ_B_QUOTE);
		if (k)
			seal(b, &sub, &k->kids, &k->nkids);
		else
			dz_free(sub.v);
		return;
	case CMARK_NODE_CODE_BLOCK:
	case CMARK_NODE_HTML_BLOCK: {
		const char *lit = cmark_node_get_literal(n);
		k = new_block(b, l, DZ_B_CODE);
		if (!k)
			return;
		k->line = cmark_node_get_start_line(n);
		push_run(b, DZ_S_CODE, lit ? lit : "", lit ? strlen(lit) : 0, NULL);
		take_runs(b, &k->runs, &k->nruns);
		return;
	}
	case CMARK_NODE_THEMATIC_BREAK:
		new_block(b, l, DZ_B_RULE);
		return;
	default:
		if (type && !strcmp(type, "table"))
			gfm_table(b, l, n);
		else
			blocks(b, l, n);
	}
}

static void blocks(builder *b, blist *l, cmark_node *parent)
{
	cmark_node *n;
	for (n = cmark_node_first_child(parent); n && !b->d->arena.oom; n = cmark_node_next(n))
		one_block(b, l, n);
}

static void section(builder *b, blist *l, const dz_osection *os)
{
	const dz_section *s = dz_centre_section(b->c, os->id);
	cmark_node *first = s && s->doc ? cmark_node_first_child(s->doc) : NULL, *n;
	char title[300];
	dz_block *k;
	b->src = s ? s->path : NULL;
	/* the section heading is always the outline's: an author's own top
	 * heading is replaced (a different one is a finding of check) */
	k = new_block(b, l, DZ_B_HEADING);
	if (!k)
		return;
	snprintf(title, sizeof title, "%s%s%s", os->number ? os->number : "",
		 os->number && *os->number ? "、" : "", os->title);
	k->level = 1;
	push_run(b, 0, title, strlen(title), NULL);
	take_runs(b, &k->runs, &k->nruns);
	k->id = os->id;
	k->number = os->number ? os->number : "";
	k->title = os->title;
	k->title_en = os->title_en;
	if (!s || !s->doc) {
		k = new_block(b, l, DZ_B_PARA);
		if (k) {
			push_run(b, 0, "（本节内容缺失）", strlen("（本节内容缺失）"), NULL);
			take_runs(b, &k->runs, &k->nruns);
		}
		return;
	}
	if (first && cmark_node_get_type(first) == CMARK_NODE_HEADING &&
	    cmark_node_get_heading_level(first) == 1)
		first = cmark_node_next(first);
	for (n = first; n && !b->d->arena.oom; n = cmark_node_next(n))
		one_block(b, l, n);
}

static void header_row(builder *b, dz_block *k, const char *const *head,
		       const int *al, const float *w)
{
	size_t i;
	for (i = 0; i < k->ncols; i++) {
		cell_from_text(b, &k->cells[i], head[i], 0);
		k->align[i] = al[i];
		k->widths[i] = w[i];
	}
}

/* A data-table block of `nbody` body rows under a level-1 heading
 * "一、title"; NULL on OOM. */
static dz_block *data_block(builder *b, blist *l, const char *number, const char *title,
			    const char *table_id, size_t ncols, size_t nbody)
{
	dz_block *h, *k;
	char text[300];
	h = new_block(b, l, DZ_B_HEADING);
	if (!h)
		return NULL;
	h->level = 1;
	h->number = number;
	h->title = title;
	snprintf(text, sizeof text, "%s、%s", number, title);
	push_run(b, 0, text, strlen(text), NULL);
	take_runs(b, &h->runs, &h->nruns);
	k = new_block(b, l, DZ_B_TABLE);
	if (!k)
		return NULL;
	k->caption = title;
	k->table_id = table_id;
	k->ncols = ncols;
	k->nhead = 1;
	k->nrows = 1 + nbody;
	k->cells = dz_arena_alloc(&b->d->arena, (k->nrows * ncols + 1) * sizeof *k->cells);
	k->align = dz_arena_alloc(&b->d->arena, ncols * sizeof *k->align);
	k->widths = dz_arena_alloc(&b->d->arena, ncols * sizeof *k->widths);
	k->data = dz_arena_alloc(&b->d->arena, (nbody + 1) * sizeof *k->data);
	if (!k->cells || !k->align || !k->widths || !k->data)
		return NULL;
	return k;
}

/* The value cell of a number: the printed value without the unit (which
 * has its own column), marked as a figure of field `id`. */
static void value_cell(builder *b, dz_cell *c, const char *v, const char *unit,
		       const char *id)
{
	if (v && unit && *unit) {
		size_t vl = strlen(v), ul = strlen(unit);
		if (vl > ul && !strcmp(v + vl - ul, unit))
			v = dz_arena_strndup(&b->d->arena, v, vl - ul);
	}
	cell_from_text(b, c, v ? v : "—", v != NULL);
	if (v && id && c->runs) {
		c->runs[0].style = DZ_S_FIG;
		c->runs[0].ref = id;
	}
}

/* One plan target (a <target> of centre.xml) against its actual value:
 * fills `dt` (label, unit, target, value, completion, evidence) and the
 * printed target (*tv), actual (*av) and unit; NULL where there is none. */
static void target_row(builder *b, xmlNodePtr t, dz_datum *dt, const char **unit,
		       const char **tv, const char **av, const dz_field **fout)
{
	xmlChar *fid = xmlGetProp(t, BAD_CAST "field"), *s = xmlNodeGetContent(t);
	const dz_field *f = fid ? dz_outline_field(b->o, (const char *)fid) : NULL;
	const char *u = f && f->unit ? f->unit : node_unit(t, NULL);
	int money = f && f->type == DZ_T_MONEY;
	int64_t dec;
	dz_num want;
	char pct[48];
	*tv = *av = NULL;
	*fout = f;
	u = dz_arena_strdup(&b->d->arena, u);
	if (f) {
		fill_datum(b, dt, f, field_node(b, f->id));
	} else {
		dt->field = dz_arena_strdup(&b->d->arena, fid ? (const char *)fid : "");
		dt->label = dt->field;
		dt->type = "decimal";
		dt->unit = u;
	}
	dt->evidence = ids_attr(b, t, "evidence");
	if (s && dz_dec_parse(&dec, (const char *)s) == 0 &&
	    dz_num_from(&want, dec, node_unit(t, f)) == 0) {
		dt->target = exact_text(b, want.v, u ? u : "", money);
		*tv = fmt_num(b, (const char *)s, node_unit(t, f), u ? u : "", money);
		if (dz_target_completion(b->c, b->o, t, pct, sizeof pct))
			dt->completion = dz_arena_strdup(&b->d->arena, pct);
	}
	*av = f ? fig_text(b, f->id) : NULL;
	*unit = u;
	xmlFree(fid);
	xmlFree(s);
}

/* Plan targets against the actual values, after the field groups: the
 * completion is derived (actual / target). Only if centre.xml has targets. */
static void targets_table(builder *b, blist *l, const char *number)
{
	static const char *const head[] = {"序号", "指标", "单位", "目标值", "完成值",
					   "完成率（%，计算值）", "证明材料"};
	static const int al[] = {DZ_AL_CENTER, DZ_AL_LEFT, DZ_AL_CENTER, DZ_AL_RIGHT,
				 DZ_AL_RIGHT, DZ_AL_RIGHT, DZ_AL_LEFT};
	static const float w[] = {0.07f, 0.29f, 0.08f, 0.15f, 0.15f, 0.12f, 0.14f};
	/* a plan stage: targets proposed beside today's values, no completion */
	static const char *const head_plan[] = {"序号", "指标", "单位", "目标值", "现状值", "证明材料"};
	static const int al_plan[] = {DZ_AL_CENTER, DZ_AL_LEFT, DZ_AL_CENTER, DZ_AL_RIGHT,
				      DZ_AL_RIGHT, DZ_AL_LEFT};
	static const float w_plan[] = {0.08f, 0.34f, 0.09f, 0.17f, 0.17f, 0.15f};
	int plan = plan_stage(b);
	size_t nc = plan ? 6 : 7;
	xmlXPathObjectPtr ts;
	dz_block *k;
	size_t n, r;
	b->xp->node = xmlDocGetRootElement(b->c->doc);
	ts = xmlXPathEvalExpression(BAD_CAST "/centre/targets/target", b->xp);
	n = ts && ts->type == XPATH_NODESET && ts->nodesetval ? (size_t)ts->nodesetval->nodeNr : 0;
	if (!n || !(k = data_block(b, l, number, plan ? "建设目标" : "目标完成情况",
				   "evaluation-targets", nc, n))) {
		xmlXPathFreeObject(ts);
		return;
	}
	header_row(b, k, plan ? head_plan : head, plan ? al_plan : al, plan ? w_plan : w);
	for (r = 0; r < n; r++) {
		dz_datum *dt = (dz_datum *)&k->data[r];
		dz_cell *row = &k->cells[(r + 1) * nc];
		const char *unit, *tv, *av;
		const dz_field *f;
		char num[24];
		target_row(b, ts->nodesetval->nodeTab[r], dt, &unit, &tv, &av, &f);
		if (plan)
			dt->completion = NULL;
		snprintf(num, sizeof num, "%zu", r + 1);
		cell_from_text(b, &row[0], num, 0);
		cell_from_text(b, &row[1], dt->label ? dt->label : "", 0);
		cell_from_text(b, &row[2], unit ? unit : "", 0);
		value_cell(b, &row[3], tv, unit, NULL);
		value_cell(b, &row[4], av, unit, f ? f->id : NULL);
		if (!plan)
			value_cell(b, &row[5], dt->completion, NULL, NULL);
		cell_from_text(b, &row[nc - 1], dt->evidence ? dt->evidence : "", 0);
	}
	xmlXPathFreeObject(ts);
}

/* The evaluation data table: one table per field group, then the plan
 * targets. */
static void data_doc(builder *b, blist *l, const dz_odoc *od)
{
	static const char *const head[] = {"序号", "指标", "单位", "数值", "证明材料"};
	static const int al[] = {DZ_AL_CENTER, DZ_AL_LEFT, DZ_AL_CENTER, DZ_AL_RIGHT, DZ_AL_LEFT};
	static const float w[] = {0.08f, 0.44f, 0.10f, 0.20f, 0.18f};
	static const char *const cn[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
	size_t i, g0 = od->first_field, end = od->first_field + od->nfield;
	int gi = 0;
	while (g0 < end && !b->d->arena.oom) {
		const char *group = b->o->fields[g0].group;
		size_t g1 = g0, r;
		dz_block *k;
		while (g1 < end && !strcmp(b->o->fields[g1].group, group))
			g1++;
		k = data_block(b, l, gi < 10 ? cn[gi] : "", group, "evaluation", 5, g1 - g0);
		gi++;
		if (!k)
			return;
		header_row(b, k, head, al, w);
		for (i = g0, r = 1; i < g1; i++, r++) {
			const dz_field *f = &b->o->fields[i];
			const char *v = fig_text(b, f->id);
			xmlNodePtr n = field_node(b, f->id);
			dz_datum *dt = (dz_datum *)&k->data[r - 1];
			char num[16], label[300];
			fill_datum(b, dt, f, n);
			snprintf(num, sizeof num, "%zu", r);
			snprintf(label, sizeof label, "%s%s", f->label, f->derived ? "（计算值）" : "");
			cell_from_text(b, &k->cells[r * 5 + 0], num, 0);
			cell_from_text(b, &k->cells[r * 5 + 1], label, 0);
			cell_from_text(b, &k->cells[r * 5 + 2], f->unit ? f->unit : "", 0);
			value_cell(b, &k->cells[r * 5 + 3], v, f->unit, f->id);
			cell_from_text(b, &k->cells[r * 5 + 4], dt->evidence ? dt->evidence : "", 0);
		}
		g0 = g1;
	}
	if (!b->d->arena.oom)
		targets_table(b, l, gi < 10 ? cn[gi] : "");
}

/* The evidence register entries the data table cites, in register order. */
static void cited_evidence(builder *b, const dz_block *bl, size_t n)
{
	xmlXPathObjectPtr ev;
	dz_evref *out;
	size_t i, j, r, m = 0, cap;
	b->xp->node = xmlDocGetRootElement(b->c->doc);
	ev = xmlXPathEvalExpression(BAD_CAST "/centre/evidence-list/evidence", b->xp);
	cap = ev && ev->type == XPATH_NODESET && ev->nodesetval ? (size_t)ev->nodesetval->nodeNr : 0;
	out = dz_arena_alloc(&b->d->arena, (cap + 1) * sizeof *out);
	for (i = 0; out && i < cap; i++) {
		xmlNodePtr e = ev->nodesetval->nodeTab[i];
		const char *id = ids_attr(b, e, "id");
		int cited = 0, dup = 0;
		size_t il = id ? strlen(id) : 0;
		for (j = 0; j < m && !dup; j++)
			dup = !strcmp(out[j].id, id);
		for (j = 0; il && !dup && !cited && j < n; j++)
			for (r = 0; bl[j].data && r + bl[j].nhead < bl[j].nrows && !cited; r++) {
				const char *p = bl[j].data[r].evidence;
				while (p && *p && !cited) {
					size_t len = strcspn(p, " ");
					cited = len == il && !memcmp(p, id, il);
					p += len + (p[len] == ' ');
				}
			}
		if (!cited || dup)
			continue;
		out[m].id = id;
		out[m].file = xstr_at(b, e, "string(@file)");
		out[m].kind = xstr_at(b, e, "string(@kind)");
		out[m].title = xstr_at(b, e, "string(@title)");
		m++;
	}
	xmlXPathFreeObject(ev);
	b->d->evidence = out;
	b->d->nevidence = out ? m : 0;
}

static void partners(builder *b)
{
	xmlXPathObjectPtr ps;
	dz_party *out;
	size_t n, i;
	b->xp->node = xmlDocGetRootElement(b->c->doc);
	ps = xmlXPathEvalExpression(BAD_CAST "/centre/identity/partners/partner", b->xp);
	n = ps && ps->type == XPATH_NODESET && ps->nodesetval ? (size_t)ps->nodesetval->nodeNr : 0;
	out = dz_arena_alloc(&b->d->arena, (n + 1) * sizeof *out);
	for (i = 0; out && i < n; i++) {
		xmlNodePtr p = ps->nodesetval->nodeTab[i];
		out[i].name = xstr_at(b, p, "normalize-space(name)");
		out[i].uscc = xstr_at(b, p, "normalize-space(uscc)");
		out[i].type = xstr_at(b, p, "normalize-space(type)");
		out[i].province = xstr_at(b, p, "normalize-space(@province)");
		out[i].role = xstr_at(b, p, "normalize-space(@role)");
		out[i].substantive = xstr_at(b, p, "normalize-space(@substantive)");
	}
	xmlXPathFreeObject(ps);
	b->d->partners = out;
	b->d->npartners = out ? n : 0;
}

int dossier_doc_wanted(const dossier_centre *c, const dossier_outline *o, const char *kind)
{
	return dz_outline_doc(o, kind) && dz_centre_submits(c, kind);
}

const char *dossier_doc_output(const dossier_doc *d) { return d->output; }

int dossier_doc_build(dossier_doc **out, const dossier_centre *c,
		      const dossier_outline *o, const char *kind)
{
	builder b;
	dossier_doc *d;
	const dz_odoc *od = dz_outline_doc(o, kind);
	blist l = {0};
	char expr[200];
	size_t i;
	*out = NULL;
	if (!od)
		return dz_errf(DOSSIER_EUSAGE, "", 0, 0, "可选文件见提纲。", "See the outline's documents.",
			       "方案 %s 没有文件 %s", "scheme %s has no document %s", o->id, kind);
	d = dz_calloc(1, sizeof *d);
	if (!d)
		return DOSSIER_ENOMEM;
	memset(&b, 0, sizeof b);
	b.d = d;
	b.c = c;
	b.o = o;
	b.xp = xmlXPathNewContext(c->doc);
	if (!b.xp) {
		dz_free(d);
		return DOSSIER_ENOMEM;
	}
	d->kind = dz_arena_strdup(&d->arena, kind);
	d->output = dz_arena_strdup(&d->arena, od->output ? od->output : kind);
	d->title = od->title;
	d->title_en = od->title_en;
	d->scheme_id = o->id;
	d->scheme_doc = o->source_doc;
	d->scheme_title = o->source_title;
	d->host_term = o->host_term ? o->host_term : "依托单位";
	d->centre = xstr(&b, "normalize-space(/centre/identity/name)");
	d->centre_en = xstr(&b, "normalize-space(/centre/identity/name-en)");
	d->host = xstr(&b, "normalize-space(/centre/identity/host/name)");
	d->supervisor = xstr(&b, "normalize-space(/centre/identity/supervisor)");
	d->report_year = xstr(&b, "normalize-space(/centre/dates/report-year)");
	snprintf(expr, sizeof expr, "string(/centre/submissions/submission[@document='%s']/@date)", kind);
	d->date_iso = xstr(&b, expr);
	d->date = cn_date(&b, d->date_iso);
	{
		/* the period the cover prints: what the outline says the document covers */
		const char *ps, *pe;
		char buf[96];
		if (od->period == DZ_PERIOD_TABLE) {
			ps = xstr(&b, "normalize-space(/centre/indicators/@period-start)");
			pe = xstr(&b, "normalize-space(/centre/indicators/@period-end)");
		} else if (od->period == DZ_PERIOD_INCUBATION) {
			ps = xstr(&b, "normalize-space(/centre/dates/incubation/@start)");
			pe = xstr(&b, "normalize-space((/centre/dates/incubation/@end | /centre/dates/extension/@until)[last()])");
		} else {
			ps = pe = "";
		}
		snprintf(buf, sizeof buf, "%s—%s", cn_date(&b, ps), cn_date(&b, pe));
		d->period = dz_arena_strdup(&d->arena, ps && *ps && pe && *pe ? buf : "");
		d->period_start = ps && *pe ? ps : "";
		d->period_end = ps && *ps ? pe : "";
	}
	{
		const dz_stage *st = dz_outline_stage(o, c->stage);
		d->stage = c->stage ? c->stage : "";
		d->stage_title = st ? st->title : "";
	}
	d->field = xstr(&b, "normalize-space(/centre/identity/field)");
	d->category = xstr(&b, "normalize-space(/centre/identity/category)");
	d->legal_form = xstr(&b, "normalize-space(/centre/identity/legal-form)");
	d->status = xstr(&b, "normalize-space(/centre/identity/status)");
	d->co_supervisor = xstr(&b, "normalize-space(/centre/identity/co-supervisor)");
	d->director = xstr(&b, "normalize-space(/centre/identity/director)");
	d->host_unit.name = d->host;
	d->host_unit.uscc = xstr(&b, "normalize-space(/centre/identity/host/uscc)");
	d->host_unit.type = xstr(&b, "normalize-space(/centre/identity/host/type)");
	d->host_unit.province = xstr(&b, "normalize-space(/centre/identity/host/@province)");
	d->host_unit.role = d->host_unit.substantive = "";
	partners(&b);
	d->data_table = !strcmp(od->kind, "data");
	if (d->data_table)
		data_doc(&b, &l, od);
	else
		for (i = od->first_sec; i < od->first_sec + od->nsec; i++)
			section(&b, &l, &o->secs[i]);
	seal(&b, &l, &d->blocks, &d->nblocks);
	if (d->data_table && !d->arena.oom)
		cited_evidence(&b, d->blocks, d->nblocks);
	dz_free(b.runs);
	xmlXPathFreeContext(b.xp);
	if (d->arena.oom) {
		dossier_doc_free(d);
		return dz_err(DOSSIER_ENOMEM, "", 0, 0, "内存不足", "out of memory", "", "");
	}
	*out = d;
	return 0;
}

void dossier_doc_free(dossier_doc *d)
{
	if (!d)
		return;
	dz_arena_dispose(&d->arena);
	dz_free(d);
}

static void each_runs(const dz_run *r, size_t n, dz_text_fn fn, void *p)
{
	size_t i;
	for (i = 0; i < n; i++)
		fn(r[i].text, r[i].style, p);
}

static void each_blocks(const dz_block *b, size_t n, dz_text_fn fn, void *p)
{
	size_t i, j;
	for (i = 0; i < n; i++) {
		each_runs(b[i].runs, b[i].nruns, fn, p);
		if (b[i].caption)
			fn(b[i].caption, 0, p);
		for (j = 0; b[i].cells && j < b[i].nrows * b[i].ncols; j++)
			each_runs(b[i].cells[j].runs, b[i].cells[j].nruns, fn, p);
		each_blocks(b[i].kids, b[i].nkids, fn, p);
	}
}

void dz_doc_each_text(const dossier_doc *d, dz_text_fn fn, void *payload)
{
	each_blocks(d->blocks, d->nblocks, fn, payload);
}
