/*
 * tables_xml.c — stage 1 for a received evaluation data table: load an
 * evaluation-tables.xml written by `dossier render` (schema
 * outlines/schema/tables.xsd) as a centre, so that `dossier check` runs the
 * outline's data-table rules on it. A supervising unit can check a table it
 * received on its own, without the centre directory.
 *
 * The file is parsed safely (load/xml.c), must be valid against tables.xsd
 * (else the load fails with the first violation's line), and is turned into
 * an in-memory document shaped like centre.xml: the identity, the report
 * year, one submission (the data table), the indicators with their units and
 * evidence ids, the plan targets and the evidence the table cites. Every
 * node keeps the line of the element it came from, so findings point into
 * the table file. Derived values (shares, completion) are not loaded: they
 * are computed again from the entered ones.
 *
 * What a table does not carry cannot be checked: dz_table_rule_applies()
 * tells the rules engine which rules to skip (doc/xml.md lists them).
 */
#include <string.h>
#include <libxml/tree.h>
#include "util/util.h"
#include "model.h"
#include "load_int.h"

#define TABLES_NS "urn:dossier:tables:1"

/* ---------- reading the table ---------- */

static int is_el(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns &&
	       !strcmp((const char *)n->ns->href, TABLES_NS) &&
	       (!name || !strcmp((const char *)n->name, name));
}

static xmlNodePtr child(xmlNodePtr n, const char *name)
{
	xmlNodePtr c;
	for (c = n ? n->children : NULL; c; c = c->next)
		if (is_el(c, name))
			return c;
	return NULL;
}

static xmlNodePtr next_el(xmlNodePtr n, const char *name)
{
	for (n = n ? n->next : NULL; n; n = n->next)
		if (is_el(n, name))
			return n;
	return NULL;
}

/* ---------- building the centre document ---------- */

typedef struct {
	xmlDocPtr doc;
	int oom;
	dz_received *rcv;   /* derived values the file carries */
	size_t nrcv, caprcv;
	int ntargets;       /* targets built so far */
} builder;

/* A new element under `parent` with text `text` (may be NULL), carrying the
 * line of `src`. */
static xmlNodePtr add(builder *b, xmlNodePtr parent, const char *name,
		      const xmlChar *text, xmlNodePtr src)
{
	xmlNodePtr n;
	if (b->oom)
		return NULL;
	n = xmlNewTextChild(parent, NULL, BAD_CAST name, text);
	if (!n) {
		b->oom = 1;
		return NULL;
	}
	if (src)
		n->line = src->line;
	return n;
}

static void set(builder *b, xmlNodePtr n, const char *name, const xmlChar *v)
{
	if (n && v && !xmlNewProp(n, BAD_CAST name, v))
		b->oom = 1;
}

/* Copy the text of `src`'s child `name` as element `as` under `to`. */
static void copy_leaf(builder *b, xmlNodePtr to, xmlNodePtr src, const char *name,
		      const char *as)
{
	xmlNodePtr s = child(src, name);
	xmlChar *t;
	if (!s)
		return;
	t = xmlNodeGetContent(s);
	if (!t) {
		b->oom = 1;
		return;
	}
	add(b, to, as ? as : name, t, s);
	xmlFree(t);
}

static void copy_attr(builder *b, xmlNodePtr to, xmlNodePtr src, const char *name,
		      const char *as)
{
	xmlChar *v = xmlGetProp(src, BAD_CAST name);
	set(b, to, as ? as : name, v);
	xmlFree(v);
}

/* The ids of `src`'s <evidence ref=""/> children, space-separated, as
 * @evidence of `to` (none: no attribute). */
static void evidence_attr(builder *b, xmlNodePtr to, xmlNodePtr src)
{
	dz_buf ids = DZ_BUF_INIT;
	xmlNodePtr e;
	for (e = child(src, "evidence"); e; e = next_el(e, "evidence")) {
		xmlChar *r = xmlGetProp(e, BAD_CAST "ref");
		if (r) {
			if (ids.len)
				dz_buf_putc(&ids, ' ');
			dz_buf_puts(&ids, (const char *)r);
		}
		xmlFree(r);
	}
	if (ids.oom)
		b->oom = 1;
	else if (ids.len)
		set(b, to, "evidence", BAD_CAST dz_buf_cstr(&ids));
	dz_buf_dispose(&ids);
}

static void identity(builder *b, xmlNodePtr root, xmlNodePtr meta)
{
	static const char *const leaves[] = {"name", "name-en", "field", "category",
					     "legal-form", "status"};
	xmlNodePtr c = child(meta, "centre"), id, p, parts = NULL;
	size_t i;
	id = add(b, root, "identity", NULL, c);
	for (i = 0; i < sizeof leaves / sizeof leaves[0]; i++)
		copy_leaf(b, id, c, leaves[i], NULL);
	if ((p = child(c, "host")) != NULL) {
		xmlNodePtr h = add(b, id, "host", NULL, p);
		copy_attr(b, h, p, "province", NULL);
		copy_leaf(b, h, p, "name", NULL);
		copy_leaf(b, h, p, "uscc", NULL);
		copy_leaf(b, h, p, "type", NULL);
	}
	for (p = child(c, "partner"); p; p = next_el(p, "partner")) {
		xmlNodePtr q;
		if (!parts)
			parts = add(b, id, "partners", NULL, p);
		q = add(b, parts, "partner", NULL, p);
		copy_attr(b, q, p, "province", NULL);
		copy_attr(b, q, p, "role", NULL);
		copy_attr(b, q, p, "substantive", NULL);
		copy_leaf(b, q, p, "name", NULL);
		copy_leaf(b, q, p, "uscc", NULL);
		copy_leaf(b, q, p, "type", NULL);
	}
	copy_leaf(b, id, c, "supervisor", NULL);
	copy_leaf(b, id, c, "co-supervisor", NULL);
	copy_leaf(b, id, c, "director", NULL);
}

static int is_derived(xmlNodePtr n)
{
	xmlChar *d = xmlGetProp(n, BAD_CAST "derived");
	int yes = d && (!strcmp((const char *)d, "true") || !strcmp((const char *)d, "1"));
	xmlFree(d);
	return yes;
}

/* Keep a derived value of the file (element v) aside: of field `field`,
 * or the completion of target number `target` (-1: a field's share). */
static void receive(builder *b, xmlNodePtr v, const xmlChar *field, int target)
{
	xmlChar *t;
	dz_received *r;
	if (b->oom || !v || !field)
		return;
	if (dz_grow((void **)&b->rcv, &b->caprcv, b->nrcv, sizeof *b->rcv)) {
		b->oom = 1;
		return;
	}
	r = &b->rcv[b->nrcv];
	t = xmlNodeGetContent(v);
	r->field = dz_strdup((const char *)field);
	r->value = dz_strdup(t ? (const char *)t : "");
	xmlFree(t);
	r->line = (int)xmlGetLineNo(v);
	r->target = target;
	if (!r->field || !r->value) {
		dz_free(r->field);
		dz_free(r->value);
		b->oom = 1;
		return;
	}
	dz_trim(r->value);
	b->nrcv++;
}

/* The entered value of a field, whichever typed element holds it. */
static xmlNodePtr value_node(xmlNodePtr field)
{
	static const char *const kinds[] = {"value", "date", "boolean", "text"};
	size_t i;
	xmlNodePtr v;
	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if ((v = child(field, kinds[i])) != NULL)
			return v;
	return NULL;
}

static void indicators(builder *b, xmlNodePtr root, xmlNodePtr top, xmlNodePtr meta)
{
	xmlNodePtr period = child(meta, "period"), ind, g, f;
	ind = add(b, root, "indicators", NULL, period ? period : top);
	if (period) {
		copy_attr(b, ind, period, "start", "period-start");
		copy_attr(b, ind, period, "end", "period-end");
	}
	for (g = child(top, "group"); g; g = next_el(g, "group")) {
		for (f = child(g, "field"); f; f = next_el(f, "field")) {
			xmlChar *t;
			xmlNodePtr v = value_node(f), n, unit = child(f, "unit");
			if (is_derived(f)) {
				xmlChar *id = xmlGetProp(f, BAD_CAST "id");
				receive(b, v, id, -1);
				xmlFree(id);
				continue;
			}
			if (!v)
				continue;
			t = xmlNodeGetContent(v);
			n = add(b, ind, "value", t, v);
			xmlFree(t);
			copy_attr(b, n, f, "id", NULL);
			if (unit) {
				xmlChar *u = xmlNodeGetContent(unit);
				set(b, n, "unit", u);
				xmlFree(u);
			}
			evidence_attr(b, n, f);
		}
	}
}

static void targets(builder *b, xmlNodePtr root, xmlNodePtr top)
{
	xmlNodePtr ts = child(top, "targets"), t, out = NULL;
	for (t = child(ts, "target"); t; t = next_el(t, "target")) {
		xmlNodePtr planned = child(t, "planned"), unit = child(t, "unit"), n;
		xmlNodePtr done = child(t, "completion");
		xmlChar *v;
		if (!planned)
			continue;
		if (done && is_derived(done)) {
			xmlChar *fid = xmlGetProp(t, BAD_CAST "field");
			receive(b, done, fid, b->ntargets);
			xmlFree(fid);
		}
		b->ntargets++;
		if (!out)
			out = add(b, root, "targets", NULL, ts);
		v = xmlNodeGetContent(planned);
		n = add(b, out, "target", v, planned);
		xmlFree(v);
		copy_attr(b, n, t, "field", NULL);
		if (unit) {
			xmlChar *u = xmlNodeGetContent(unit);
			set(b, n, "unit", u);
			xmlFree(u);
		}
		evidence_attr(b, n, t);
	}
}

static void evidence_list(builder *b, xmlNodePtr root, xmlNodePtr top)
{
	xmlNodePtr list = child(top, "evidence-list"), e, out;
	out = add(b, root, "evidence-list", NULL, list ? list : top);
	for (e = child(list, "evidence"); e; e = next_el(e, "evidence")) {
		xmlNodePtr n = add(b, out, "evidence", NULL, e);
		xmlChar *title = xmlNodeGetContent(e);
		copy_attr(b, n, e, "id", NULL);
		copy_attr(b, n, e, "file", NULL);
		copy_attr(b, n, e, "kind", NULL);
		set(b, n, "title", title);
		xmlFree(title);
	}
}

static void received_free(dz_received *r, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		dz_free(r[i].field);
		dz_free(r[i].value);
	}
	dz_free(r);
}

/* centre.xml's shape from a valid tables document, and the derived values
 * it carries (*rcv, *nrcv). */
static int build(xmlDocPtr *out, dz_received **rcv, size_t *nrcv, xmlDocPtr tables)
{
	builder b = {NULL, 0, NULL, 0, 0, 0};
	xmlNodePtr top = xmlDocGetRootElement(tables), meta = child(top, "metadata");
	xmlNodePtr root, scheme = child(meta, "scheme"), year = child(meta, "report-year");
	xmlNodePtr sub = child(meta, "submitted"), subs, s;
	xmlChar *v;
	*out = NULL;
	b.doc = xmlNewDoc(BAD_CAST "1.0");
	root = b.doc ? xmlNewDocNode(b.doc, NULL, BAD_CAST "centre", NULL) : NULL;
	if (!root) {
		xmlFreeDoc(b.doc);
		return DOSSIER_ENOMEM;
	}
	xmlDocSetRootElement(b.doc, root);
	root->line = top->line;
	set(&b, root, "version", BAD_CAST "2");
	copy_attr(&b, root, scheme, "id", "scheme");
	copy_attr(&b, root, child(meta, "stage"), "id", "stage");
	identity(&b, root, meta);
	s = add(&b, root, "dates", NULL, year ? year : meta);
	if (year)
		copy_leaf(&b, s, meta, "report-year", NULL);
	subs = add(&b, root, "submissions", NULL, sub ? sub : top);
	s = add(&b, subs, "submission", NULL, sub ? sub : top);
	v = xmlGetProp(top, BAD_CAST "document");
	set(&b, s, "document", v);
	xmlFree(v);
	if (sub)
		copy_attr(&b, s, sub, "date", NULL);
	indicators(&b, root, top, meta);
	targets(&b, root, top);
	evidence_list(&b, root, top);
	if (b.oom) {
		xmlFreeDoc(b.doc);
		received_free(b.rcv, b.nrcv);
		return DOSSIER_ENOMEM;
	}
	*out = b.doc;
	*rcv = b.rcv;
	*nrcv = b.nrcv;
	return 0;
}

static char *xml_text(xmlNodePtr n)
{
	xmlChar *t = n ? xmlNodeGetContent(n) : NULL;
	char *s = dz_strdup(t ? (const char *)t : "");
	xmlFree(t);
	return s ? dz_trim(s) : NULL;
}

int dz_tables_load(dossier_centre **out, const char *path,
		   const dossier_load_options *o)
{
	dossier_centre *c;
	xmlDocPtr tables = NULL;
	xmlNodePtr root;
	dz_schema_error *errs = NULL;
	size_t nerrs = 0;
	void *schema;
	int rc;
	*out = NULL;
	if ((rc = dz_xml_load(&tables, NULL, path, o->max_file_bytes)) != 0)
		return rc;
	if ((rc = dz_xml_check_shape(tables, path, o->max_depth, o->max_table_rows)) != 0) {
		xmlFreeDoc(tables);
		return rc;
	}
	root = xmlDocGetRootElement(tables);
	if (!is_el(root, "tables")) {
		int centre = !strcmp((const char *)root->name, "centre");
		rc = dz_errf(DOSSIER_EUSAGE, path, (int)xmlGetLineNo(root), 0,
			     centre ? "给出 centre.xml 所在的目录，而不是文件本身。"
				    : "给出中心材料目录，或 dossier render 生成的 evaluation-tables.xml。",
			     centre ? "Give the directory that holds centre.xml, not the file."
				    : "Give a centre directory, or an evaluation-tables.xml written by dossier render.",
			     "不是中心材料目录，也不是评估数据表 XML（根元素为 %s）",
			     "neither a centre directory nor an evaluation-tables.xml (root element %s)",
			     (const char *)root->name);
		xmlFreeDoc(tables);
		return rc;
	}
	schema = dz_schema_get(o->schema_dir, "tables.xsd");
	if (!schema) {
		xmlFreeDoc(tables);
		return DOSSIER_ENOTFOUND;
	}
	rc = dz_schema_validate(schema, tables, &errs, &nerrs);
	if (rc != 0) {
		if (rc > 0)
			rc = dz_errf(DOSSIER_ESCHEMA, path, nerrs ? errs[0].line : 0, 0,
				     "只接受 dossier render 生成、符合 outlines/schema/tables.xsd 的文件。",
				     "Only files written by dossier render, valid against "
				     "outlines/schema/tables.xsd, are accepted.",
				     "评估数据表 XML 不符合其模式（共 %zu 处）：%s",
				     "the evaluation table XML does not match its schema (%zu problems): %s",
				     nerrs, nerrs ? errs[0].msg : "?");
		else if (rc == DOSSIER_ENOMEM)
			rc = dz_err(rc, path, 0, 0, "内存不足", "out of memory", "", "");
		else
			rc = dz_err(rc, path, 0, 0, "内部错误：无法按模式验证",
				    "internal error: schema validation did not run", "", "");
		dz_schema_errors_free(errs, nerrs);
		xmlFreeDoc(tables);
		return rc;
	}
	c = dz_calloc(1, sizeof *c);
	if (!c) {
		xmlFreeDoc(tables);
		return dz_err(DOSSIER_ENOMEM, path, 0, 0, "内存不足", "out of memory", "", "");
	}
	c->from_table = 1;
	c->xml_encoding = "UTF-8";
	c->xml_path = dz_strdup(path);
	{
		const char *slash = strrchr(path, '/');
		c->dir = slash ? dz_strndup(path, slash == path ? 1 : (size_t)(slash - path))
			       : dz_strdup(".");
	}
	rc = c->xml_path && c->dir ? build(&c->doc, &c->received, &c->nreceived, tables)
				   : DOSSIER_ENOMEM;
	if (rc == 0) {
		xmlNodePtr meta = child(root, "metadata");
		xmlChar *scheme = xmlGetProp(child(meta, "scheme"), BAD_CAST "id");
		xmlChar *stage = xmlGetProp(child(meta, "stage"), BAD_CAST "id");
		c->scheme = dz_strdup(scheme ? (const char *)scheme : "");
		c->stage = dz_strdup(stage ? (const char *)stage : "");
		xmlFree(scheme);
		xmlFree(stage);
		c->name = xml_text(child(child(meta, "centre"), "name"));
		if (!c->scheme || !c->name || !c->stage)
			rc = DOSSIER_ENOMEM;
	}
	xmlFreeDoc(tables);
	if (rc) {
		dossier_centre_free(c);
		return dz_err(rc, path, 0, 0, "内存不足", "out of memory", "", "");
	}
	*out = c;
	return 0;
}

/* ---------- which rules a table can answer ---------- */

/*
 * A table carries, below /centre: identity (without address and contact),
 * dates/report-year, indicators and targets in full; one submission and only
 * the evidence the table cites. A rule runs on a table when everything it
 * reads is carried: rules on narrative, evidence files or the evidence
 * register as a whole are skipped by kind, and rules over XPath are skipped
 * when one of their location paths leaves the carried parts. Paths are read
 * with a small XPath 1.0 tokenizer; anything it cannot place (//, ..,
 * upward or sideways axes, paths not starting at /centre) counts as not
 * carried, so a rule is skipped rather than run on missing data.
 */

static int carried(const char *s1, const char *s2)
{
	if (!s1)
		return 1; /* "/centre" itself */
	if (!strcmp(s1, "indicators") || !strcmp(s1, "targets"))
		return 1;
	if (!strcmp(s1, "@scheme") || !strcmp(s1, "@version") || !strcmp(s1, "@stage"))
		return 1;
	if (!strcmp(s1, "identity")) {
		/* what identity() copies; the director, technical leader and the
		 * rest point into the staff list, which a table does not carry */
		static const char *const ids[] = {"name", "name-en", "field", "category",
			"legal-form", "status", "host", "partners", "supervisor", "co-supervisor"};
		size_t i;
		if (!s2)
			return 1;
		for (i = 0; i < sizeof ids / sizeof ids[0]; i++)
			if (!strcmp(s2, ids[i]))
				return 1;
		return 0;
	}
	if (!strcmp(s1, "dates"))
		return s2 && !strcmp(s2, "report-year");
	return 0;
}

enum { T_END, T_SLASH, T_DSLASH, T_LP, T_RP, T_LB, T_RB, T_COMMA, T_AT,
       T_DCOLON, T_DOT, T_DDOT, T_STAR, T_OP, T_NAME, T_LIT, T_NUM, T_DOLLAR, T_BAD };

typedef struct {
	int t;
	char name[64];
} tok;

static int name_byte(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '-' || c == '.' || c >= 0x80;
}

/* Split an XPath 1.0 expression into tokens; 0 if it is too long. */
static size_t tokenize(const char *s, tok *v, size_t max)
{
	size_t n = 0;
	while (*s && n + 1 < max) {
		tok *k = &v[n];
		k->name[0] = '\0';
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			s++;
			continue;
		}
		if (*s == '\'' || *s == '"') {
			const char *e = strchr(s + 1, *s);
			k->t = T_LIT;
			s = e ? e + 1 : s + strlen(s);
		} else if (s[0] == '/' && s[1] == '/') {
			k->t = T_DSLASH;
			s += 2;
		} else if (s[0] == ':' && s[1] == ':') {
			k->t = T_DCOLON;
			s += 2;
		} else if (s[0] == '.' && s[1] == '.') {
			k->t = T_DDOT;
			s += 2;
		} else if (s[0] == '.' && !(s[1] >= '0' && s[1] <= '9')) {
			k->t = T_DOT;
			s++;
		} else if ((*s >= '0' && *s <= '9') || *s == '.') {
			k->t = T_NUM;
			s += strspn(s, "0123456789.");
		} else if (strchr("/()[],@*$", *s)) {
			static const char c[] = "/()[],@*$";
			static const int t[] = {T_SLASH, T_LP, T_RP, T_LB, T_RB, T_COMMA, T_AT,
						T_STAR, T_DOLLAR};
			k->t = t[strchr(c, *s) - c];
			s++;
		} else if (strchr("|+-=!<>", *s)) {
			k->t = T_OP;
			s += (s[1] == '=') ? 2 : 1;
		} else if (name_byte((unsigned char)*s)) {
			size_t len = 0;
			k->t = T_NAME;
			/* a QName or prefix:* counts as one name */
			while (name_byte((unsigned char)*s) ||
			       (*s == ':' && s[1] != ':' && len && (name_byte((unsigned char)s[1]) || s[1] == '*'))) {
				if (len < sizeof k->name - 1)
					k->name[len++] = *s;
				s++;
			}
			k->name[len] = '\0';
		} else {
			k->t = T_BAD;
			s++;
		}
		n++;
	}
	if (*s)
		return 0;
	v[n].t = T_END;
	return n + 1;
}

/* XPath 1.0 §3.7: a name is an operator name when a token precedes it that
 * is not @, ::, (, [, , or an operator. */
static int operand_pos(const tok *v, size_t i, const int *opname)
{
	int p;
	if (i == 0)
		return 1;
	p = v[i - 1].t;
	return p == T_AT || p == T_DCOLON || p == T_LP || p == T_LB || p == T_COMMA ||
	       p == T_OP || p == T_SLASH || p == T_DSLASH || opname[i - 1] ||
	       (p == T_STAR && i >= 2 && !operand_pos(v, i - 1, opname));
}

/* Steps of the path whose first step is v[i]: names (with "@" kept)
 * separated by "/"; fills up to 3 steps, returns how many. */
static int steps(const tok *v, size_t i, char st[3][66])
{
	int k = 0;
	for (;;) {
		if (v[i].t == T_AT && v[i + 1].t == T_NAME) {
			if (k < 3)
				snprintf(st[k], 66, "@%s", v[i + 1].name);
			k++;
			i += 2;
		} else if (v[i].t == T_NAME && v[i + 1].t != T_LP && v[i + 1].t != T_DCOLON) {
			if (k < 3)
				snprintf(st[k], 66, "%s", v[i].name);
			k++;
			i++;
		} else if (v[i].t == T_STAR) {
			if (k < 3)
				snprintf(st[k], 66, "*");
			k++;
			i++;
		} else {
			break;
		}
		while (v[i].t == T_LB) { /* skip predicates: their paths are relative */
			int depth = 0;
			do {
				depth += v[i].t == T_LB ? 1 : v[i].t == T_RB ? -1 : 0;
				i++;
			} while (depth > 0 && v[i].t != T_END);
		}
		if (v[i].t != T_SLASH)
			break;
		i++;
	}
	return k < 3 ? k : 3;
}

/* 1 if every location path of `expr` stays within what a table carries.
 * `ctx`: the expression is evaluated at nodes already known to be carried
 * (so relative paths are fine); else at the root element /centre. */
static int xpath_carried(const char *expr, int ctx)
{
	tok v[512];
	int opname[512];
	size_t n = tokenize(expr, v, 512), i;
	int depth = 0;
	if (!n)
		return 0;
	for (i = 0; i < n; i++) {
		const tok *k = &v[i];
		int start = operand_pos(v, i, opname);
		opname[i] = k->t == T_NAME && !start;
		switch (k->t) {
		case T_BAD:
		case T_DSLASH:
		case T_DDOT:
			return 0;
		case T_LB:
			depth++;
			break;
		case T_RB:
			depth--;
			break;
		case T_NAME: {
			/* the first step of a relative path (not a step after /, @
			 * or an axis, not a function or variable name) */
			int first = start && !opname[i] && v[i + 1].t != T_LP &&
				    (i == 0 || (v[i - 1].t != T_SLASH && v[i - 1].t != T_DOLLAR &&
						v[i - 1].t != T_AT && v[i - 1].t != T_DCOLON));
			if (v[i + 1].t == T_DCOLON) {
				if (strcmp(k->name, "child") && strcmp(k->name, "attribute") &&
				    strcmp(k->name, "self"))
					return 0; /* parent, ancestor, descendant, preceding... */
				if (first && !ctx && depth == 0) {
					char st[3][66];
					int m = steps(v, i + 2, st);
					if (!carried(m > 0 ? st[0] : NULL, m > 1 ? st[1] : NULL))
						return 0;
				}
			} else if (first && !ctx && depth == 0) {
				char st[3][66];
				int m = steps(v, i, st);
				if (!carried(m > 0 ? st[0] : NULL, m > 1 ? st[1] : NULL))
					return 0;
			}
			break;
		}
		case T_AT:
		case T_DOT:
			if (start && !ctx && depth == 0 && (i == 0 || v[i - 1].t != T_SLASH)) {
				char st[3][66];
				if (k->t == T_DOT || steps(v, i, st) < 1 || !carried(st[0], NULL))
					return 0;
			}
			break;
		case T_SLASH:
			/* an absolute path, not a step separator */
			if (i == 0 || (v[i - 1].t != T_NAME && v[i - 1].t != T_STAR &&
				       v[i - 1].t != T_RB && v[i - 1].t != T_RP &&
				       v[i - 1].t != T_DOT) || opname[i - 1] ||
			    (v[i - 1].t == T_STAR && !operand_pos(v, i - 1, opname))) {
				char st[3][66];
				int m = steps(v, i + 1, st);
				if (m == 0)
					break; /* "/": the document node */
				if (strcmp(st[0], "centre") ||
				    !carried(m > 1 ? st[1] : NULL, m > 2 ? st[2] : NULL))
					return 0;
			}
			break;
		default:
			break;
		}
	}
	return 1;
}

/* An operand: "field:ID", "target:ID", "sum:XPATH [* REL]", "count:XPATH",
 * "xpath:EXPR", a literal, "A / B", "A + B + ...". */
static int operand_carried(const char *spec)
{
	char *s = dz_strdup(spec ? spec : ""), *p, *q;
	int ok = 1;
	if (!s)
		return 0;
	for (p = s; p && ok; p = q) {
		char *term;
		q = NULL;
		{
			char *a = strstr(p, " / "), *b = strstr(p, " + ");
			char *cut = a && (!b || a < b) ? a : b;
			if (cut) {
				*cut = '\0';
				q = cut + 3;
			}
		}
		term = dz_trim(p);
		if (dz_startswith(term, "sum:")) {
			char *star = strstr(term, " * ");
			if (star) {
				*star = '\0';
				ok = xpath_carried(star + 3, 1);
			}
			ok = ok && xpath_carried(term + 4, 0);
		} else if (dz_startswith(term, "count:")) {
			ok = xpath_carried(term + 6, 0);
		} else if (dz_startswith(term, "xpath:")) {
			ok = xpath_carried(term + 6, 0);
		}
	}
	dz_free(s);
	return ok;
}

static xmlNodePtr rule_element(const dossier_outline *o, const char *id)
{
	xmlNodePtr r = o->xml ? xmlDocGetRootElement(o->xml) : NULL, s, e;
	for (s = r ? r->children : NULL; s; s = s->next) {
		if (s->type != XML_ELEMENT_NODE || strcmp((const char *)s->name, "rules"))
			continue;
		for (e = s->children; e; e = e->next) {
			xmlChar *v;
			int m;
			if (e->type != XML_ELEMENT_NODE)
				continue;
			v = xmlGetProp(e, BAD_CAST "id");
			m = v && !strcmp((const char *)v, id);
			xmlFree(v);
			if (m)
				return e;
		}
	}
	return NULL;
}

int dz_table_rule_applies(const dossier_outline *o, const dz_rule *r)
{
	static const struct {
		const char *attr;
		int operand;
	} reads[] = {{"when", 0}, {"context", 0}, {"test", 0}, {"select", 0}, {"subject", 0},
		     {"base", 0}, {"value", 0}, {"parts", 1}, {"total", 1}, {"left", 1},
		     {"right", 1}};
	xmlNodePtr e;
	xmlChar *ctx;
	size_t i;
	int ok = 1;
	switch (r->kind) {
	case DZ_K_SECTIONS:          /* narrative: not in a table */
	case DZ_K_ITEMS:
	case DZ_K_REFS:
	case DZ_K_FIGURES:
	case DZ_K_EVIDENCE_FILES:    /* the files are not sent with a table */
	case DZ_K_EVIDENCE_UNDECLARED:
	case DZ_K_EVIDENCE_KIND:     /* the table lists only the evidence it cites */
	case DZ_K_HEADINGS:
	case DZ_K_NARRATIVE:
	case DZ_K_DOCUMENTS:         /* a table is one document, sent alone */
		return 0;
	default:
		break;
	}
	e = rule_element(o, r->id);
	if (!e)
		return 0;
	ctx = xmlGetProp(e, BAD_CAST "context");
	for (i = 0; ok && i < sizeof reads / sizeof reads[0]; i++) {
		xmlChar *v;
		if (!strcmp(reads[i].attr, "value") && r->kind != DZ_K_ASSERT)
			continue; /* elsewhere `value` is not XPath */
		v = xmlGetProp(e, BAD_CAST reads[i].attr);
		if (v)
			ok = reads[i].operand ? operand_carried((const char *)v)
			   : xpath_carried((const char *)v,
					   ctx && (!strcmp(reads[i].attr, "test") ||
						   !strcmp(reads[i].attr, "value")));
		xmlFree(v);
	}
	xmlFree(ctx);
	return ok;
}
