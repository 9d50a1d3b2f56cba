/*
 * xsd.c — read centre.xsd into a tree of what each element and attribute
 * is (see xsd.h for the subset and the annotation convention).
 *
 * libxml2 compiles the schema for validation but keeps its components
 * private, so this reads the schema document itself. Named types are
 * expanded where they are used (the host type under identity/host and under
 * partners/partner gives two subtrees, each with its own path); a type that
 * contains itself is cut at a depth of 32 and reported.
 */
#include <string.h>
#include <libxml/parser.h>
#include <libxml/xmlregexp.h>
#include "util/util.h"
#include "util/num.h"
#include "xsd.h"
#include "model.h"

#define XSD_NS "http://www.w3.org/2001/XMLSchema"
#define MAX_DEPTH 32

typedef struct {
	dz_xmodel *m;
	xmlDocPtr doc;
	const char *path;
	int err;
} bctx;

/* A growable list of child nodes while one node is built. */
typedef struct {
	dz_xnode **v;
	size_t n, cap;
	int oom;
} kidlist;

static void kid_add(kidlist *k, dz_xnode *n)
{
	if (!n || k->oom)
		return;
	if (dz_grow((void **)&k->v, &k->cap, k->n, sizeof *k->v)) {
		k->oom = 1;
		return;
	}
	k->v[k->n++] = n;
}

static int is_xs(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name) &&
	       n->ns && n->ns->href && !strcmp((const char *)n->ns->href, XSD_NS);
}

static const char *prop(const xmlNode *n, const char *name)
{
	xmlAttrPtr a;
	for (a = n->properties; a; a = a->next)
		if (!a->ns && !strcmp((const char *)a->name, name))
			return a->children && a->children->content ?
			       (const char *)a->children->content : "";
	return NULL;
}

/* A QName of the XSD namespace ("xs:date") gives its local name in
 * *builtin; another gives the local name to look up among named types. */
static const char *qname_local(const xmlNode *at, const char *q, int *builtin)
{
	const char *colon = strchr(q, ':');
	xmlNsPtr ns;
	char prefix[64];
	*builtin = 0;
	if (colon && (size_t)(colon - q) < sizeof prefix) {
		memcpy(prefix, q, (size_t)(colon - q));
		prefix[colon - q] = '\0';
		ns = xmlSearchNs(at->doc, (xmlNodePtr)at, BAD_CAST prefix);
	} else {
		ns = xmlSearchNs(at->doc, (xmlNodePtr)at, NULL);
	}
	if (ns && ns->href && !strcmp((const char *)ns->href, XSD_NS))
		*builtin = 1;
	return colon ? colon + 1 : q;
}

/* The global declaration <xs:KIND name="NAME">, or NULL. */
static xmlNodePtr global(bctx *b, const char *kind, const char *name)
{
	xmlNodePtr n;
	for (n = xmlDocGetRootElement(b->doc)->children; n; n = n->next) {
		const char *nm;
		if (is_xs(n, kind) && (nm = prop(n, "name")) && !strcmp(nm, name))
			return n;
	}
	return NULL;
}

static int fail(bctx *b, const xmlNode *at, const char *zh, const char *en)
{
	if (!b->err)
		b->err = dz_err(DOSSIER_EOUTLINE, b->path, at ? (int)xmlGetLineNo((xmlNodePtr)at) : 0, 0,
				zh, en, "修正数据模式文件，或重新安装 dossier。",
				"Fix the schema file, or reinstall dossier.");
	return b->err;
}

/* ---------- annotations ---------- */

static char *doc_text(bctx *b, const xmlNode *decl, const char *lang)
{
	xmlNodePtr a, d;
	for (a = decl ? decl->children : NULL; a; a = a->next) {
		if (!is_xs(a, "annotation"))
			continue;
		for (d = a->children; d; d = d->next) {
			xmlChar *l, *t;
			char *s;
			if (!is_xs(d, "documentation"))
				continue;
			l = xmlNodeGetLang(d);
			if (!l || strcmp((const char *)l, lang)) {
				xmlFree(l);
				continue;
			}
			xmlFree(l);
			t = xmlNodeGetContent(d);
			s = dz_arena_strdup(&b->m->arena, t ? (const char *)t : "");
			xmlFree(t);
			if (s) {
				/* one line: the schema wraps long texts */
				char *r, *w;
				for (r = w = s; *r; r++) {
					if (*r == '\n' || *r == '\r' || *r == '\t')
						*r = ' ';
					if (*r == ' ' && w > s && w[-1] == ' ')
						continue;
					*w++ = *r;
				}
				*w = '\0';
				dz_trim(s);
			}
			return s;
		}
	}
	return NULL;
}

/* The text of `doc` before the first of `ends` (byte strings). */
static const char *cut(bctx *b, const char *doc, const char *const *ends)
{
	size_t n = doc ? strlen(doc) : 0, i;
	char *s;
	if (!doc)
		return NULL;
	for (i = 0; ends[i]; i++) {
		const char *e = strstr(doc, ends[i]);
		if (e && (size_t)(e - doc) < n)
			n = (size_t)(e - doc);
	}
	s = dz_arena_strndup(&b->m->arena, doc, n);
	if (s)
		dz_trim(s);
	return s && *s ? s : NULL;
}

/* What follows `key` in doc, up to an end mark. The key must start a
 * clause ("依托单位：" does not hold the key "单位："). */
static const char *after(bctx *b, const char *doc, const char *key)
{
	static const char *const ends[] = {"。", "；", NULL};
	static const char *const starts[] = {"。", "；", "，", "（", " ", NULL};
	const char *p = doc;
	while (p && (p = strstr(p, key)) != NULL) {
		int ok = p == doc;
		size_t i;
		for (i = 0; !ok && starts[i]; i++) {
			size_t l = strlen(starts[i]);
			ok = (size_t)(p - doc) >= l && !memcmp(p - l, starts[i], l);
		}
		if (ok)
			return cut(b, p + strlen(key), ends);
		p += strlen(key);
	}
	return NULL;
}

static void annotate(bctx *b, dz_xnode *n, const xmlNode *decl, const xmlNode *type)
{
	static const char *const zh_ends[] = {"：", "。", "；", NULL};
	static const char *const en_ends[] = {": ", ". ", "; ", NULL};
	const char *zh = doc_text(b, decl, "zh"), *en = doc_text(b, decl, "en");
	if (!zh && type)
		zh = doc_text(b, type, "zh");
	if (!en && type)
		en = doc_text(b, type, "en");
	n->doc = zh;
	n->doc_en = en;
	n->label = cut(b, zh, zh_ends);
	n->label_en = cut(b, en, en_ends);
	if (n->label_en) {
		/* "Identity." → "Identity" */
		char *l = (char *)n->label_en;
		size_t k = strlen(l);
		if (k && l[k - 1] == '.')
			l[k - 1] = '\0';
	}
	n->unit = after(b, zh, "单位：");
	n->example = after(b, zh, "示例：");
	if (!n->label)
		n->label = n->name;
	if (!n->label_en)
		n->label_en = n->name;
}

/* ---------- simple types ---------- */

static dz_xkind builtin_kind(const char *local)
{
	static const char *const numbers[] = {
		"decimal", "integer", "int", "long", "short", "byte", "double", "float",
		"nonNegativeInteger", "positiveInteger", "negativeInteger",
		"nonPositiveInteger", "unsignedInt", "unsignedLong", "unsignedShort",
		"unsignedByte", NULL};
	size_t i;
	for (i = 0; numbers[i]; i++)
		if (!strcmp(local, numbers[i]))
			return DZ_XK_NUMBER;
	if (!strcmp(local, "date"))
		return DZ_XK_DATE;
	if (!strcmp(local, "gYear"))
		return DZ_XK_YEAR;
	if (!strcmp(local, "boolean"))
		return DZ_XK_BOOL;
	return DZ_XK_TEXT;
}

static int simple_from_decl(bctx *b, dz_xtype *t, const xmlNode *st, int depth);

static void *compile_regex(bctx *b, const char *pattern)
{
	void *re;
	dz_xml_errors e;
	dz_xml_errors_begin(&e);
	re = xmlRegexpCompile(BAD_CAST pattern);
	dz_xml_errors_end();
	(void)b;
	return re;
}

static int keep_regex(bctx *b, void *re)
{
	void **v = dz_realloc(b->m->regexes, (b->m->nregexes + 1) * sizeof *v);
	if (!v) {
		xmlRegFreeRegexp(re);
		return DOSSIER_ENOMEM;
	}
	b->m->regexes = v;
	v[b->m->nregexes++] = re;
	return 0;
}

/* Resolve the type named `q` (as written at `at`) into t. */
static int simple_from_name(bctx *b, dz_xtype *t, const xmlNode *at, const char *q, int depth)
{
	int builtin;
	const char *local = qname_local(at, q, &builtin);
	xmlNodePtr st;
	if (builtin) {
		t->kind = builtin_kind(local);
		return 0;
	}
	st = global(b, "simpleType", local);
	if (!st) {
		xmlNodePtr ct = global(b, "complexType", local);
		xmlNodePtr sc = ct ? ct->children : NULL;
		/* a complex type with simple content: its value type */
		for (; sc; sc = sc->next)
			if (is_xs(sc, "simpleContent")) {
				xmlNodePtr ext;
				for (ext = sc->children; ext; ext = ext->next)
					if ((is_xs(ext, "extension") || is_xs(ext, "restriction")) &&
					    prop(ext, "base"))
						return simple_from_name(b, t, ext, prop(ext, "base"), depth + 1);
			}
		return fail(b, at, "数据模式引用了未定义的类型", "the schema names an undefined type");
	}
	if (!*t->name)
		t->name = dz_arena_strdup(&b->m->arena, local);
	return simple_from_decl(b, t, st, depth + 1);
}

/* Patterns written for numbers ("decimal" is a string pattern in
 * centre.xsd, for the thousands commas): a pattern that takes these and
 * refuses a word is a number, whatever its type is called. */
static int pattern_is_number(void *re)
{
	return xmlRegexpExec(re, BAD_CAST "0") == 1 && xmlRegexpExec(re, BAD_CAST "1234.5") == 1 &&
	       xmlRegexpExec(re, BAD_CAST "-12") == 1 && xmlRegexpExec(re, BAD_CAST "a") != 1;
}

static int simple_from_decl(bctx *b, dz_xtype *t, const xmlNode *st, int depth)
{
	xmlNodePtr c, f;
	if (depth > MAX_DEPTH)
		return fail(b, st, "数据模式的类型嵌套过深", "the schema's types nest too deeply");
	for (c = st->children; c; c = c->next) {
		if (is_xs(c, "restriction")) {
			const char *base = prop(c, "base");
			const char **en = NULL;
			size_t nen = 0;
			int rc;
			if (base)
				rc = simple_from_name(b, t, c, base, depth);
			else {
				xmlNodePtr in = c->children;
				rc = 0;
				for (; in; in = in->next)
					if (is_xs(in, "simpleType"))
						rc = simple_from_decl(b, t, in, depth + 1);
			}
			if (rc)
				return rc;
			for (f = c->children; f; f = f->next) {
				const char *v = prop(f, "value");
				if (!v)
					continue;
				if (is_xs(f, "enumeration")) {
					const char **g = dz_arena_alloc(&b->m->arena, (nen + 1) * sizeof *g);
					if (!g)
						return DOSSIER_ENOMEM;
					if (nen)
						memcpy(g, en, nen * sizeof *g);
					g[nen++] = dz_arena_strdup(&b->m->arena, v);
					en = g;
				} else if (is_xs(f, "pattern") && !t->pattern) {
					t->pattern = dz_arena_strdup(&b->m->arena, v);
					t->regex = compile_regex(b, v);
					if (!t->regex)
						return fail(b, f, "数据模式的 pattern 无法编译",
							    "a pattern of the schema does not compile");
					if (keep_regex(b, t->regex))
						return DOSSIER_ENOMEM;
					if (t->kind == DZ_XK_TEXT && pattern_is_number(t->regex))
						t->kind = DZ_XK_NUMBER;
				} else if (is_xs(f, "length")) {
					t->minlen = t->maxlen = strtol(v, NULL, 10);
				} else if (is_xs(f, "minLength")) {
					t->minlen = strtol(v, NULL, 10);
				} else if (is_xs(f, "maxLength")) {
					t->maxlen = strtol(v, NULL, 10);
				}
			}
			if (nen) {
				t->enums = en;
				t->nenums = nen;
				t->kind = nen == 2 && ((!strcmp(en[0], "true") && !strcmp(en[1], "false")) ||
						       (!strcmp(en[0], "false") && !strcmp(en[1], "true")))
					  ? DZ_XK_BOOL : DZ_XK_ENUM;
			}
			return 0;
		}
		if (is_xs(c, "list")) {
			const char *item = prop(c, "itemType");
			t->list = 1;
			if (item)
				return simple_from_name(b, t, c, item, depth);
			for (f = c->children; f; f = f->next)
				if (is_xs(f, "simpleType"))
					return simple_from_decl(b, t, f, depth + 1);
			return 0;
		}
		if (is_xs(c, "union")) {
			const char *members = prop(c, "memberTypes");
			dz_xtype first;
			int have = 0;
			/* a member that only takes "" makes the union optional */
			if (members) {
				char *copy = dz_strdup(members), *tok, *save = NULL;
				if (!copy)
					return DOSSIER_ENOMEM;
				for (tok = strtok_r(copy, " \t\n", &save); tok;
				     tok = strtok_r(NULL, " \t\n", &save)) {
					dz_xtype m;
					memset(&m, 0, sizeof m);
					m.minlen = m.maxlen = -1;
					m.name = "";
					if (simple_from_name(b, &m, c, tok, depth)) {
						dz_free(copy);
						return b->err;
					}
					if (m.maxlen == 0) {
						t->empty_ok = 1;
					} else if (!have) {
						first = m;
						have = 1;
					}
				}
				dz_free(copy);
			}
			for (f = c->children; f; f = f->next) {
				dz_xtype m;
				if (!is_xs(f, "simpleType"))
					continue;
				memset(&m, 0, sizeof m);
				m.minlen = m.maxlen = -1;
				m.name = "";
				if (simple_from_decl(b, &m, f, depth + 1))
					return b->err;
				if (m.maxlen == 0) {
					t->empty_ok = 1;
				} else if (!have) {
					first = m;
					have = 1;
				}
			}
			if (have) {
				int empty = t->empty_ok;
				const char *name = t->name;
				*t = first;
				t->empty_ok = empty;
				if (*name)
					t->name = name;
			}
			return 0;
		}
	}
	return 0;
}

static dz_xtype *new_type(bctx *b)
{
	dz_xtype *t = dz_arena_alloc(&b->m->arena, sizeof *t);
	if (t) {
		t->minlen = t->maxlen = -1;
		t->name = "";
	}
	return t;
}

/* ---------- elements and attributes ---------- */

static dz_xnode *new_node(bctx *b, dz_xnode *parent, const char *name, int attr)
{
	dz_xnode *n = dz_arena_alloc(&b->m->arena, sizeof *n);
	if (!n)
		return NULL;
	n->name = dz_arena_strdup(&b->m->arena, name);
	n->attr = attr;
	n->parent = parent;
	return n;
}

static int finish_kids(bctx *b, dz_xnode *n, kidlist *k)
{
	/* attributes first, then elements: the order rows and columns take */
	size_t i, o = 0;
	if (k->oom) {
		dz_free(k->v);
		return DOSSIER_ENOMEM;
	}
	n->kids = dz_arena_alloc(&b->m->arena, (k->n ? k->n : 1) * sizeof *n->kids);
	if (!n->kids) {
		dz_free(k->v);
		return DOSSIER_ENOMEM;
	}
	for (i = 0; i < k->n; i++)
		if (k->v[i]->attr)
			n->kids[o++] = k->v[i];
	for (i = 0; i < k->n; i++)
		if (!k->v[i]->attr)
			n->kids[o++] = k->v[i];
	n->nkids = o;
	dz_free(k->v);
	return 0;
}

static dz_xnode *build_attr(bctx *b, dz_xnode *parent, const xmlNode *a)
{
	const char *name = prop(a, "name"), *type = prop(a, "type"), *use = prop(a, "use");
	const xmlNode *decl = a;
	dz_xnode *n;
	xmlNodePtr c;
	if (!name && prop(a, "ref")) {
		int builtin;
		const char *local = qname_local(a, prop(a, "ref"), &builtin);
		decl = global(b, "attribute", local);
		if (!decl) {
			fail(b, a, "数据模式引用了未定义的属性", "the schema refers to an undefined attribute");
			return NULL;
		}
		name = prop(decl, "name");
		type = prop(decl, "type");
	}
	if (!name) {
		fail(b, a, "数据模式的属性没有名称", "an attribute of the schema has no name");
		return NULL;
	}
	n = new_node(b, parent, name, 1);
	if (!n || !(n->type = new_type(b)))
		return NULL;
	n->required = use && !strcmp(use, "required");
	n->dflt = prop(a, "default") ? dz_arena_strdup(&b->m->arena, prop(a, "default")) : NULL;
	n->fixed = prop(a, "fixed") ? dz_arena_strdup(&b->m->arena, prop(a, "fixed")) : NULL;
	if (type) {
		if (simple_from_name(b, (dz_xtype *)n->type, decl, type, 0))
			return NULL;
	} else {
		for (c = decl->children; c; c = c->next)
			if (is_xs(c, "simpleType") && simple_from_decl(b, (dz_xtype *)n->type, c, 0))
				return NULL;
	}
	annotate(b, n, a, decl != a ? decl : NULL);
	return n;
}

static int attr_group(bctx *b, dz_xnode *n, kidlist *k, const xmlNode *ref, int depth);
static int content(bctx *b, dz_xnode *n, kidlist *k, const xmlNode *ct, int depth, int in_choice);
static dz_xnode *build_element(bctx *b, dz_xnode *parent, const xmlNode *el, int depth,
			       int in_choice);

/* Attributes and attribute groups directly under `holder`. */
static int attributes(bctx *b, dz_xnode *n, kidlist *k, const xmlNode *holder, int depth)
{
	xmlNodePtr c;
	for (c = holder->children; c; c = c->next) {
		if (is_xs(c, "attribute")) {
			dz_xnode *a = build_attr(b, n, c);
			if (!a)
				return b->err ? b->err : DOSSIER_ENOMEM;
			kid_add(k, a);
		} else if (is_xs(c, "attributeGroup") && attr_group(b, n, k, c, depth)) {
			return b->err ? b->err : DOSSIER_ENOMEM;
		}
	}
	return 0;
}

static int attr_group(bctx *b, dz_xnode *n, kidlist *k, const xmlNode *ref, int depth)
{
	int builtin;
	const char *r = prop(ref, "ref");
	xmlNodePtr g = r ? global(b, "attributeGroup", qname_local(ref, r, &builtin)) : NULL;
	if (!g)
		return fail(b, ref, "数据模式引用了未定义的属性组",
			    "the schema refers to an undefined attribute group");
	if (depth > MAX_DEPTH)
		return fail(b, ref, "数据模式的属性组嵌套过深", "the schema's attribute groups nest too deeply");
	return attributes(b, n, k, g, depth + 1);
}

/* A model group: sequence, choice, all, or a reference to a named group. */
static int particles(bctx *b, dz_xnode *n, kidlist *k, const xmlNode *grp, int depth,
		     int in_choice)
{
	xmlNodePtr c;
	int choice = in_choice || is_xs(grp, "choice");
	const char *min = prop(grp, "minOccurs");
	if (min && !strcmp(min, "0"))
		choice = 1; /* an optional group: none of its elements is required */
	if (depth > MAX_DEPTH)
		return fail(b, grp, "数据模式嵌套过深（类型含有自身？）",
			    "the schema nests too deeply (a type containing itself?)");
	for (c = grp->children; c; c = c->next) {
		if (is_xs(c, "element")) {
			dz_xnode *e = build_element(b, n, c, depth + 1, choice);
			if (!e)
				return b->err ? b->err : DOSSIER_ENOMEM;
			kid_add(k, e);
		} else if (is_xs(c, "sequence") || is_xs(c, "choice") || is_xs(c, "all")) {
			if (particles(b, n, k, c, depth + 1, choice))
				return b->err ? b->err : DOSSIER_ENOMEM;
		} else if (is_xs(c, "group") && prop(c, "ref")) {
			int builtin;
			xmlNodePtr g = global(b, "group", qname_local(c, prop(c, "ref"), &builtin));
			xmlNodePtr inner;
			if (!g)
				return fail(b, c, "数据模式引用了未定义的元素组",
					    "the schema refers to an undefined group");
			for (inner = g->children; inner; inner = inner->next)
				if ((is_xs(inner, "sequence") || is_xs(inner, "choice") ||
				     is_xs(inner, "all")) &&
				    particles(b, n, k, inner, depth + 1, choice))
					return b->err ? b->err : DOSSIER_ENOMEM;
		}
	}
	return 0;
}

/* The content of complex type `ct` into node n. */
static int content(bctx *b, dz_xnode *n, kidlist *k, const xmlNode *ct, int depth, int in_choice)
{
	xmlNodePtr c;
	if (depth > MAX_DEPTH)
		return fail(b, ct, "数据模式嵌套过深（类型含有自身？）",
			    "the schema nests too deeply (a type containing itself?)");
	for (c = ct->children; c; c = c->next) {
		if (is_xs(c, "group")) {
			/* a group reference at the top: the type's particles */
			if (particles(b, n, k, ct, depth + 1, in_choice))
				return b->err ? b->err : DOSSIER_ENOMEM;
		} else if (is_xs(c, "sequence") || is_xs(c, "choice") || is_xs(c, "all")) {
			if (particles(b, n, k, c, depth + 1, in_choice))
				return b->err ? b->err : DOSSIER_ENOMEM;
		} else if (is_xs(c, "simpleContent") || is_xs(c, "complexContent")) {
			xmlNodePtr ext;
			for (ext = c->children; ext; ext = ext->next) {
				const char *base;
				int builtin;
				const char *local;
				xmlNodePtr bt;
				if (!is_xs(ext, "extension") && !is_xs(ext, "restriction"))
					continue;
				base = prop(ext, "base");
				local = base ? qname_local(ext, base, &builtin) : NULL;
				bt = local && !builtin ? global(b, "complexType", local) : NULL;
				if (bt && is_xs(ext, "extension") &&
				    content(b, n, k, bt, depth + 1, in_choice))
					return b->err ? b->err : DOSSIER_ENOMEM;
				if (is_xs(c, "simpleContent")) {
					dz_xtype *t = new_type(b);
					if (!t)
						return DOSSIER_ENOMEM;
					if (base && simple_from_name(b, t, ext, base, depth + 1))
						return b->err;
					n->type = t;
				} else if (content(b, n, k, ext, depth + 1, in_choice)) {
					return b->err ? b->err : DOSSIER_ENOMEM;
				}
				if (is_xs(c, "simpleContent") && attributes(b, n, k, ext, depth + 1))
					return b->err ? b->err : DOSSIER_ENOMEM;
			}
		}
	}
	return attributes(b, n, k, ct, depth);
}

static dz_xnode *build_element(bctx *b, dz_xnode *parent, const xmlNode *el, int depth,
			       int in_choice)
{
	const char *name = prop(el, "name"), *type = prop(el, "type");
	const char *min = prop(el, "minOccurs"), *max = prop(el, "maxOccurs");
	const xmlNode *decl = el, *tdecl = NULL;
	dz_xnode *n;
	kidlist k;
	xmlNodePtr c;
	memset(&k, 0, sizeof k);
	if (!name && prop(el, "ref")) {
		int builtin;
		decl = global(b, "element", qname_local(el, prop(el, "ref"), &builtin));
		if (!decl) {
			fail(b, el, "数据模式引用了未定义的元素", "the schema refers to an undefined element");
			return NULL;
		}
		name = prop(decl, "name");
		type = prop(decl, "type");
	}
	if (!name) {
		fail(b, el, "数据模式的元素没有名称", "an element of the schema has no name");
		return NULL;
	}
	if (depth > MAX_DEPTH) {
		fail(b, el, "数据模式嵌套过深（类型含有自身？）",
		     "the schema nests too deeply (a type containing itself?)");
		return NULL;
	}
	n = new_node(b, parent, name, 0);
	if (!n)
		return NULL;
	n->required = !in_choice && !(min && !strcmp(min, "0"));
	n->repeated = max && (!strcmp(max, "unbounded") || strtol(max, NULL, 10) > 1);
	if (type) {
		int builtin;
		const char *local = qname_local(decl, type, &builtin);
		xmlNodePtr ct = builtin ? NULL : global(b, "complexType", local);
		if (ct) {
			tdecl = ct;
			if (content(b, n, &k, ct, depth + 1, 0)) {
				dz_free(k.v);
				return NULL;
			}
		} else {
			dz_xtype *t = new_type(b);
			if (!t || simple_from_name(b, t, decl, type, 0)) {
				dz_free(k.v);
				return NULL;
			}
			n->type = t; /* a simple type's notes describe the type, not the element */
		}
	} else {
		int inline_type = 0;
		for (c = decl->children; c; c = c->next) {
			if (is_xs(c, "complexType")) {
				inline_type = 1;
				if (content(b, n, &k, c, depth + 1, 0)) {
					dz_free(k.v);
					return NULL;
				}
			} else if (is_xs(c, "simpleType")) {
				dz_xtype *t = new_type(b);
				inline_type = 1;
				if (!t || simple_from_decl(b, t, c, 0)) {
					dz_free(k.v);
					return NULL;
				}
				n->type = t;
			}
		}
		if (!inline_type && !(n->type = new_type(b))) { /* anyType: text */
			dz_free(k.v);
			return NULL;
		}
	}
	if (finish_kids(b, n, &k))
		return NULL;
	annotate(b, n, decl, tdecl);
	/* an inline complex type's annotation is the element's too */
	if (n->label == n->name)
		for (c = decl->children; c; c = c->next)
			if (is_xs(c, "complexType")) {
				annotate(b, n, c, NULL);
				break;
			}
	return n;
}

int dz_xmodel_load(dz_xmodel **out, const char *path)
{
	bctx b;
	xmlNodePtr root, el;
	dz_xml_errors e;
	*out = NULL;
	memset(&b, 0, sizeof b);
	b.path = path;
	b.m = dz_calloc(1, sizeof *b.m);
	if (!b.m)
		return DOSSIER_ENOMEM;
	dz_xml_init();
	dz_xml_errors_begin(&e);
	b.doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA);
	dz_xml_errors_end();
	if (!b.doc || !(root = xmlDocGetRootElement(b.doc)) || !is_xs(root, "schema")) {
		xmlFreeDoc(b.doc);
		dz_xmodel_free(b.m);
		return dz_errf(DOSSIER_ENOTFOUND, path, e.first_line, 0,
			       "检查安装是否完整，或用 DOSSIER_DATADIR 指定数据目录。",
			       "Check the installation, or point DOSSIER_DATADIR at the data directory.",
			       "无法读取数据模式：%s", "cannot read the schema: %s",
			       e.count ? e.first_msg : "not an XML schema");
	}
	for (el = root->children; el; el = el->next)
		if (is_xs(el, "element"))
			break;
	if (!el)
		fail(&b, root, "数据模式没有全局元素", "the schema declares no global element");
	else
		b.m->root = build_element(&b, NULL, el, 0, 0);
	xmlFreeDoc(b.doc);
	if (!b.m->root || b.m->arena.oom) {
		int rc = b.err ? b.err : DOSSIER_ENOMEM;
		if (rc == DOSSIER_ENOMEM)
			dz_err(rc, path, 0, 0, "内存不足", "out of memory", "", "");
		dz_xmodel_free(b.m);
		return rc;
	}
	*out = b.m;
	return 0;
}

void dz_xmodel_free(dz_xmodel *m)
{
	size_t i;
	if (!m)
		return;
	for (i = 0; i < m->nregexes; i++)
		xmlRegFreeRegexp(m->regexes[i]);
	dz_free(m->regexes);
	dz_arena_dispose(&m->arena);
	dz_free(m);
}

static struct {
	char *key;
	dz_xmodel *m;
} model_cache[4];

const dz_xmodel *dz_xmodel_get(const char *dir, const char *name)
{
	char *path = dz_fmt("%s/%s", dir, name);
	size_t i;
	dz_xmodel *m;
	if (!path)
		return NULL;
	for (i = 0; i < 4 && model_cache[i].key; i++)
		if (!strcmp(model_cache[i].key, path)) {
			dz_free(path);
			return model_cache[i].m;
		}
	if (dz_xmodel_load(&m, path) != 0) {
		dz_free(path);
		return NULL;
	}
	if (i == 4) {
		/* full: replace the oldest (callers hold no model across loads) */
		dz_free(model_cache[0].key);
		dz_xmodel_free(model_cache[0].m);
		memmove(model_cache, model_cache + 1, sizeof model_cache[0] * 3);
		i = 3;
	}
	model_cache[i].key = path;
	model_cache[i].m = m;
	return m;
}

/* ---------- queries ---------- */

const dz_xnode *dz_xnode_child(const dz_xnode *n, const char *name, int attr)
{
	size_t i;
	for (i = 0; n && i < n->nkids; i++)
		if (n->kids[i]->attr == attr && !strcmp(n->kids[i]->name, name))
			return n->kids[i];
	return NULL;
}

const dz_xnode *dz_xnode_find(const dz_xnode *from, const char *path)
{
	const dz_xnode *n = from;
	const char *p = path;
	char seg[128];
	while (n && *p) {
		const char *slash = strchr(p, '/');
		size_t len = slash ? (size_t)(slash - p) : strlen(p);
		if (len == 0 || len >= sizeof seg)
			return NULL;
		memcpy(seg, p, len);
		seg[len] = '\0';
		n = seg[0] == '@' ? dz_xnode_child(n, seg + 1, 1) : dz_xnode_child(n, seg, 0);
		p += len;
		if (*p == '/')
			p++;
	}
	return n;
}

static int kind_valid(dz_xkind k, const char *v)
{
	long d;
	int64_t x;
	switch (k) {
	case DZ_XK_DATE:
		return strlen(v) == 10 && dz_date_parse(&d, v) == 0;
	case DZ_XK_YEAR:
		return strlen(v) == 4 && strspn(v, "0123456789") == 4;
	case DZ_XK_NUMBER:
		return dz_dec_parse(&x, v) == 0;
	default:
		return 1;
	}
}

static int one_valid(const dz_xtype *t, const char *v)
{
	size_t i;
	long chars = (long)dz_utf8_count(v, strlen(v), 0);
	if (t->nenums) {
		for (i = 0; i < t->nenums; i++)
			if (!strcmp(t->enums[i], v))
				break;
		if (i == t->nenums)
			return 0;
	}
	if (t->regex && xmlRegexpExec(t->regex, BAD_CAST v) != 1)
		return 0;
	if ((t->minlen >= 0 && chars < t->minlen) || (t->maxlen >= 0 && chars > t->maxlen))
		return 0;
	return t->kind == DZ_XK_ENUM || t->kind == DZ_XK_BOOL || kind_valid(t->kind, v);
}

int dz_xtype_valid(const dz_xtype *t, const char *value)
{
	char *copy, *tok, *save = NULL;
	int ok = 1;
	if (!t)
		return 1;
	if (!*value && t->empty_ok)
		return 1;
	if (!t->list)
		return one_valid(t, value);
	copy = dz_strdup(value);
	if (!copy)
		return 0;
	for (tok = strtok_r(copy, " \t\n\r", &save); tok && ok; tok = strtok_r(NULL, " \t\n\r", &save))
		ok = one_valid(t, tok);
	dz_free(copy);
	return ok;
}

const char *dz_xnode_example(const dz_xnode *n)
{
	const dz_xtype *t = n->type;
	if (n->example)
		return n->example;
	if (!t)
		return "";
	if (t->nenums)
		return t->enums[0];
	switch (t->kind) {
	case DZ_XK_DATE: return "2026-03-01";
	case DZ_XK_YEAR: return "2026";
	case DZ_XK_BOOL: return "true";
	case DZ_XK_NUMBER:
		return t->regex && xmlRegexpExec(t->regex, BAD_CAST "1,234.50") != 1 ? "1234.50"
										 : "1,234.50";
	default:
		return t->list ? "E01 E02" : "";
	}
}

char *dz_xtype_choices(const dz_xtype *t, int zh)
{
	dz_buf b = DZ_BUF_INIT;
	size_t i;
	for (i = 0; t && i < t->nenums; i++) {
		if (i)
			dz_buf_puts(&b, i + 1 == t->nenums ? (zh ? "或" : " or ") : (zh ? "、" : ", "));
		dz_buf_puts(&b, zh ? "“" : "\"");
		dz_buf_puts(&b, t->enums[i]);
		dz_buf_puts(&b, zh ? "”" : "\"");
	}
	return dz_buf_detach(&b);
}

char *dz_xnode_label_path(const dz_xnode *n, int zh)
{
	const dz_xnode *chain[MAX_DEPTH + 2];
	int k = 0, i;
	dz_buf b = DZ_BUF_INIT;
	for (; n && n->parent && k < MAX_DEPTH + 1; n = n->parent)
		chain[k++] = n;
	for (i = k - 1; i >= 0; i--) {
		const char *l = zh ? chain[i]->label : chain[i]->label_en;
		/* "人员 — 人员": a list and its rows may share a label */
		if (i != k - 1 && !strcmp(l, zh ? chain[i + 1]->label : chain[i + 1]->label_en))
			continue;
		if (i != k - 1)
			dz_buf_puts(&b, " — ");
		dz_buf_puts(&b, l);
	}
	return dz_buf_detach(&b);
}

char *dz_xnode_path(const dz_xnode *n)
{
	const dz_xnode *chain[MAX_DEPTH + 2];
	int k = 0, i;
	dz_buf b = DZ_BUF_INIT;
	for (; n && n->parent && k < MAX_DEPTH + 1; n = n->parent)
		chain[k++] = n;
	for (i = k - 1; i >= 0; i--) {
		if (i != k - 1)
			dz_buf_putc(&b, '/');
		if (chain[i]->attr)
			dz_buf_putc(&b, '@');
		dz_buf_puts(&b, chain[i]->name);
	}
	return dz_buf_detach(&b);
}
