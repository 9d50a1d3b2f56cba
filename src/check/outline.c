/*
 * outline.c — load an outline file (outlines/<scheme-id>.xml) into the
 * model: documents, sections and sub-items, data-table fields, generated
 * tables, and rules. The file is validated against outline.xsd first; then
 * every XPath, regular expression, operand and duration is compiled or
 * parsed, so an outline error is reported once, at load, with its line.
 */
#include <stdlib.h>
#include <string.h>
#include <libxml/xmlregexp.h>
#include <libxml/xpathInternals.h>
#include "util/util.h"
#include "check_int.h"

static const struct {
	const char *name;
	dz_kind kind;
} kinds[] = {
	{"assert", DZ_K_ASSERT}, {"pattern", DZ_K_PATTERN},
	{"sections", DZ_K_SECTIONS}, {"items", DZ_K_ITEMS}, {"headings", DZ_K_HEADINGS},
	{"field-present", DZ_K_FIELD_PRESENT},
	{"field-of", DZ_K_FIELD_OF}, {"field-evidence", DZ_K_FIELD_EVIDENCE},
	{"sum", DZ_K_SUM}, {"compare", DZ_K_COMPARE}, {"date", DZ_K_DATE},
	{"evidence-cited", DZ_K_EVIDENCE_CITED},
	{"evidence-kind", DZ_K_EVIDENCE_KIND},
	{"figures", DZ_K_FIGURES}, {"documents", DZ_K_DOCUMENTS},
	{"targets", DZ_K_TARGETS}, {"narrative", DZ_K_NARRATIVE},
};

static const struct {
	const char *name;
	dz_ftype t;
} ftypes[] = {
	{"money", DZ_T_MONEY}, {"count", DZ_T_COUNT}, {"decimal", DZ_T_DECIMAL},
	{"share", DZ_T_SHARE}, {"area", DZ_T_AREA}, {"text", DZ_T_TEXT},
	{"date", DZ_T_DATE}, {"bool", DZ_T_BOOL},
};

typedef struct {
	dossier_outline *o;
	int rc;
} loader;

static char *attr(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST name);
	char *s;
	if (!v)
		return NULL;
	s = dz_strdup((const char *)v);
	xmlFree(v);
	return s;
}

static char *text_of(xmlNodePtr n)
{
	xmlChar *v = xmlNodeGetContent(n);
	char *s;
	if (!v)
		return dz_strdup("");
	s = dz_strdup((const char *)v);
	xmlFree(v);
	return s ? dz_trim(s) : NULL;
}

static int is_el(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static const char *kind_name(dz_kind k)
{
	size_t i;
	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (kinds[i].kind == k)
			return kinds[i].name;
	return "?";
}

static int outline_err(loader *L, xmlNodePtr n, const char *zh, const char *en,
		       const char *what)
{
	L->rc = dz_errf(DOSSIER_EOUTLINE, L->o->path, n ? (int)xmlGetLineNo(n) : 0, 0,
			"修正提纲文件中的该处定义。",
			"Fix this definition in the outline file.", zh, en, what);
	return L->rc;
}

/* Split "a|b|c" into a NULL-free array. */
static int split(char ***out, size_t *n, const char *s, char sep)
{
	const char *p = s;
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	while (p && *p) {
		const char *e = strchr(p, sep);
		size_t len = e ? (size_t)(e - p) : strlen(p);
		char *item = dz_strndup(p, len);
		if (!item || dz_grow((void **)out, &cap, *n, sizeof **out)) {
			dz_free(item);
			return DOSSIER_ENOMEM;
		}
		dz_trim(item);
		if (*item)
			(*out)[(*n)++] = item;
		else
			dz_free(item);
		p = e ? e + 1 : NULL;
	}
	return 0;
}

static xmlXPathCompExprPtr compile(loader *L, xmlNodePtr n, const char *expr)
{
	xmlXPathCompExprPtr c;
	dz_xml_errors e;
	if (!expr)
		return NULL;
	dz_xml_errors_begin(&e);
	c = xmlXPathCompile(BAD_CAST expr);
	dz_xml_errors_end();
	if (!c)
		outline_err(L, n, "XPath 表达式无效：%s", "invalid XPath expression: %s", expr);
	return c;
}

static void load_rule(loader *L, xmlNodePtr n, dz_rule *r)
{
	char *kind = attr(n, "kind"), *sev = attr(n, "severity"), *s;
	xmlNodePtr ch;
	size_t i;
	r->line = (int)xmlGetLineNo(n);
	r->id = attr(n, "id");
	r->document = attr(n, "document");
	r->match = attr(n, "match");
	r->regex_src = attr(n, "regex");
	r->offset = attr(n, "offset");
	r->value = attr(n, "value");
	r->requires = attr(n, "requires");
	r->op = attr(n, "op");
	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (kind && strcmp(kind, kinds[i].name) == 0)
			r->kind = kinds[i].kind;
	if ((s = attr(n, "ob")) != NULL) {
		r->ob = dz_outline_oblig(L->o, s);
		dz_free(s);
	}
	if (!r->ob) {
		dz_free(kind);
		dz_free(sev);
		outline_err(L, n, "规则须以 ob 引用义务矩阵中的一项：%s",
			    "a rule must name an obligation of the matrix with ob: %s", r->id);
		return;
	}
	r->article = r->ob->cite;
	/* severity follows the strength of the text; a rule may be milder */
	{
		dossier_severity max = r->ob->strength == DZ_STR_REQUIRES ? DOSSIER_SEV_ERROR
				     : r->ob->strength == DZ_STR_PERMITS ? DOSSIER_SEV_INFO
				     : DOSSIER_SEV_WARNING;
		r->severity = !sev ? max : !strcmp(sev, "error") ? DOSSIER_SEV_ERROR
			    : !strcmp(sev, "warning") ? DOSSIER_SEV_WARNING : DOSSIER_SEV_INFO;
		if (r->severity < max) {
			dz_free(kind);
			dz_free(sev);
			outline_err(L, n, "规则 %s 比其义务的强度更严（原文只是建议、允许或属于评审实践时不能报错误）",
				    "rule %s is stricter than its obligation (an error needs a text that requires it)",
				    r->id);
			return;
		}
	}
	dz_free(kind);
	dz_free(sev);
	if ((s = attr(n, "if-absent")) != NULL) {
		r->skip_absent = !strcmp(s, "skip");
		dz_free(s);
	}
	if ((s = attr(n, "stages")) != NULL) {
		if (split(&r->stages, &r->nstages, s, ' '))
			L->rc = DOSSIER_ENOMEM;
		dz_free(s);
		for (i = 0; L->rc == 0 && i < r->nstages; i++) {
			if (!dz_outline_stage(L->o, r->stages[i]))
				outline_err(L, n, "规则引用了未定义的阶段：%s",
					    "rule names an undefined stage: %s", r->stages[i]);
			else if (r->ob->nstages && !dz_stage_in(r->ob->stages, r->ob->nstages, r->stages[i]))
				outline_err(L, n, "规则的阶段 %s 不在其义务的阶段之内",
					    "the rule's stage %s is not among its obligation's stages",
					    r->stages[i]);
		}
		if (L->rc)
			return;
	}
	if ((s = attr(n, "fields")) != NULL) {
		if (split(&r->fields, &r->nfields, s, ' '))
			L->rc = DOSSIER_ENOMEM;
		dz_free(s);
		for (i = 0; L->rc == 0 && i < r->nfields; i++)
			if (!dz_outline_field(L->o, r->fields[i]))
				outline_err(L, n, "规则引用了未定义的字段：%s",
					    "rule names an undefined field: %s", r->fields[i]);
		if (L->rc)
			return;
	}
	if ((s = attr(n, "sections")) != NULL) {
		if (split(&r->sections, &r->nsections, s, ' '))
			L->rc = DOSSIER_ENOMEM;
		dz_free(s);
		if (L->rc == 0 && r->kind != DZ_K_SECTIONS && r->kind != DZ_K_ITEMS &&
		    r->kind != DZ_K_HEADINGS && r->kind != DZ_K_NARRATIVE)
			outline_err(L, n, "规则 %s：只有 sections、items、headings、narrative 规则可以限定章节（sections）",
				    "rule %s: only sections, items, headings and narrative rules take sections=", r->id);
		for (i = 0; L->rc == 0 && i < r->nsections; i++) {
			const dz_osection *os = dz_outline_section(L->o, r->sections[i]);
			if (!os || (r->document && strcmp(os->doc->id, r->document) != 0))
				outline_err(L, n, "规则引用了其文件中没有的章节：%s",
					    "rule names a section its document does not have: %s",
					    r->sections[i]);
		}
		if (L->rc)
			return;
	}
	for (ch = n->children; ch; ch = ch->next) {
		char **msg = is_el(ch, "zh") ? &r->zh : is_el(ch, "en") ? &r->en
			   : is_el(ch, "fix-zh") ? &r->fix_zh : is_el(ch, "fix-en") ? &r->fix_en : NULL;
		char bad[80];
		if (!msg)
			continue;
		dz_free(*msg);
		*msg = text_of(ch);
		/* a placeholder the kind does not fill would be printed as is */
		if (*msg && L->rc == 0 && dz_template_check(*msg, r->kind, bad, sizeof bad)) {
			char *what = dz_fmt("%s %s: %s (%s: %s)", r->id ? r->id : "?",
					    (const char *)ch->name, bad, kind_name(r->kind),
					    dz_kind_vars(r->kind));
			outline_err(L, ch, "规则消息中的占位符不属于该规则类型：%s；字面的花括号写作 \\{ 和 \\}",
				    "a rule message names a placeholder its kind does not fill: %s; "
				    "write \\{ and \\} for literal braces", what ? what : bad);
			dz_free(what);
		}
	}
#define COMPILE(field, name)                                   \
	if ((s = attr(n, name)) != NULL) {                      \
		r->field = compile(L, n, s);                    \
		dz_free(s);                                     \
		if (!r->field)                                  \
			return;                                 \
	}
	COMPILE(when, "when")
	COMPILE(context, "context")
	COMPILE(test, "test")
	COMPILE(select, "select")
	COMPILE(subject, "subject")
	COMPILE(base, "base")
	if (r->kind == DZ_K_ASSERT && r->value) {
		r->valuex = compile(L, n, r->value);
		if (!r->valuex)
			return;
	}
#undef COMPILE
#define OPERAND(field, name)                                                  \
	if ((s = attr(n, name)) != NULL) {                                     \
		L->rc = dz_operand_parse(&r->field, s, L->o->path, r->line);    \
		dz_free(s);                                                    \
		if (L->rc)                                                     \
			return;                                                \
	}
	OPERAND(left, "left")
	OPERAND(right, "right")
	OPERAND(total, "total")
	OPERAND(parts, "parts")
#undef OPERAND
	if (r->regex_src) {
		dz_xml_errors e;
		dz_xml_errors_begin(&e);
		r->regex = xmlRegexpCompile(BAD_CAST r->regex_src);
		dz_xml_errors_end();
		if (!r->regex) {
			outline_err(L, n, "正则表达式无效：%s", "invalid regular expression: %s",
				    r->regex_src);
			return;
		}
	}
	if (r->offset && r->offset[0]) {
		long d;
		if (dz_date_add(&d, 0, r->offset) != 0) {
			outline_err(L, n, "期限偏移量无效：%s（应为 P3M、P1Y、-P1D 等）",
				    "invalid offset %s (use P3M, P1Y, -P1D...)", r->offset);
			return;
		}
	}
	/* what each kind needs, checked now rather than at run time */
	switch (r->kind) {
	case DZ_K_ASSERT:
		if (!r->test)
			outline_err(L, n, "assert 规则缺少 test：%s", "assert rule needs test: %s", r->id);
		break;
	case DZ_K_PATTERN:
		if (!r->select || !r->regex)
			outline_err(L, n, "pattern 规则需要 select 和 regex：%s",
				    "pattern rule needs select and regex: %s", r->id);
		break;
	case DZ_K_EVIDENCE_CITED:
		if (!r->select)
			outline_err(L, n, "规则缺少 select：%s", "rule needs select: %s", r->id);
		break;
	case DZ_K_SUM:
		if (!r->total || !r->parts)
			outline_err(L, n, "sum 规则需要 total 和 parts：%s",
				    "sum rule needs total and parts: %s", r->id);
		break;
	case DZ_K_COMPARE:
		if (!r->left || !r->right || !r->op)
			outline_err(L, n, "compare 规则需要 left、op、right：%s",
				    "compare rule needs left, op and right: %s", r->id);
		break;
	case DZ_K_DATE:
		if (!r->subject || !r->base)
			outline_err(L, n, "date 规则需要 subject 和 base：%s",
				    "date rule needs subject and base: %s", r->id);
		break;
	case DZ_K_EVIDENCE_KIND:
		if (!r->value)
			outline_err(L, n, "evidence-kind 规则需要 value：%s",
				    "evidence-kind rule needs value: %s", r->id);
		break;
	case DZ_K_NARRATIVE:
		if (!r->match)
			outline_err(L, n, "narrative 规则需要 match：%s",
				    "narrative rule needs match: %s", r->id);
		break;
	case DZ_K_SECTIONS: case DZ_K_ITEMS: case DZ_K_HEADINGS: case DZ_K_FIELD_PRESENT:
	case DZ_K_FIELD_OF: case DZ_K_FIELD_EVIDENCE:
		if (!r->document || !dz_outline_doc(L->o, r->document))
			outline_err(L, n, "规则须指明提纲中已定义的 document：%s",
				    "rule must name a document the outline defines: %s", r->id);
		break;
	default:
		break;
	}
	if (L->rc == 0 && r->document && !dz_outline_doc(L->o, r->document))
		outline_err(L, n, "规则引用了未定义的文件：%s",
			    "rule names an undefined document: %s", r->document);
}


/* Every citation in `article` follows the grammar and names a unit of the
 * outline's <text>. */
static void cite_check(loader *L, xmlNodePtr n, const char *article)
{
	dz_cite c[16];
	size_t k, count;
	if (!article || L->rc)
		return;
	if (dz_cite_parse(article, c, 16, &count) != 0 || count > 16) {
		outline_err(L, n, "条款引用无法识别：%s（写作 第十八条、第五条（三）、第十八条第二款、附件第四部分）",
			    "citation not understood: %s (write 第十八条, 第五条（三）, 第十八条第二款, 附件第四部分)",
			    article);
		return;
	}
	for (k = 0; k < count; k++) {
		const char *zh, *en;
		if (!dz_cite_resolve(L->o, &c[k], &zh, &en)) {
			char *m_zh = dz_fmt("%s：%s（对照提纲的 <text> 编号）", zh, article);
			char *m_en = dz_fmt("%s: %s (see the outline's <text> numbering)", en, article);
			L->rc = dz_err(DOSSIER_EOUTLINE, L->o->path, (int)xmlGetLineNo(n), 0,
				       m_zh ? m_zh : zh, m_en ? m_en : en,
				       "按原文的条、款、项编号改正引用，或补全 <text>。",
				       "Cite the text's own article, paragraph and item numbers, or complete <text>.");
			dz_free(m_zh);
			dz_free(m_en);
			return;
		}
	}
}

static void load_text(loader *L, xmlNodePtr top)
{
	dossier_outline *o = L->o;
	xmlNodePtr ch;
	for (ch = top->children; ch && L->rc == 0; ch = ch->next) {
		dz_tpart *t;
		char *items, *paras;
		const char *p;
		size_t j;
		int kind = is_el(ch, "article") ? DZ_CITE_ARTICLE : is_el(ch, "part") ? DZ_CITE_PART
			 : is_el(ch, "annex") ? DZ_CITE_ANNEX : 0;
		if (!kind)
			continue;
		t = &o->text[o->ntext++];
		t->kind = kind;
		t->line = (int)xmlGetLineNo(ch);
		t->label = attr(ch, "n");
		t->words = text_of(ch);
		p = t->label;
		if (kind != DZ_CITE_ANNEX &&
		    (!p || !dz_cite_number(&p, &t->n) || *p || t->n <= 0)) {
			outline_err(L, ch, "条或部分的编号无效：%s", "invalid article or part number: %s",
				    t->label ? t->label : "");
			return;
		}
		for (j = 0; j + 1 < o->ntext; j++)
			if (o->text[j].kind == kind && o->text[j].n == t->n) {
				outline_err(L, ch, "编号重复：%s", "number given twice: %s",
					    t->label ? t->label : "附件");
				return;
			}
		paras = attr(ch, "paras");
		t->paras = paras ? atoi(paras) : 1;
		dz_free(paras);
		items = attr(ch, "items");
		if (items) {
			char **labels = NULL;
			size_t nl = 0;
			if (split(&labels, &nl, items, ' ') == 0 && nl) {
				t->items = dz_calloc(nl, sizeof *t->items);
				for (j = 0; t->items && j < nl; j++) {
					const char *q = labels[j];
					if (!dz_cite_number(&q, &t->items[j]) || *q)
						outline_err(L, ch, "项的编号无效：%s", "invalid item label: %s", labels[j]);
				}
				t->nitems = t->items ? nl : 0;
				if (!t->items)
					L->rc = DOSSIER_ENOMEM;
			}
			for (j = 0; j < nl; j++)
				dz_free(labels[j]);
			dz_free(labels);
			dz_free(items);
		}
	}
}

static void load_stage(loader *L, xmlNodePtr n, dz_stage *st)
{
	char *docs = attr(n, "documents"), *tg = attr(n, "targets");
	st->plan_targets = tg && !strcmp(tg, "plan");
	dz_free(tg);
	st->id = attr(n, "id");
	st->title = attr(n, "title");
	st->title_en = attr(n, "title-en");
	st->article = attr(n, "article");
	st->from = attr(n, "from");
	st->to = attr(n, "to");
	st->desc = text_of(n);
	if (docs && split(&st->docs, &st->ndocs, docs, ' '))
		L->rc = DOSSIER_ENOMEM;
	dz_free(docs);
	cite_check(L, n, st->article);
}

static void load_oblig(loader *L, xmlNodePtr n, dz_oblig *ob)
{
	char *str = attr(n, "strength"), *stages = attr(n, "stages");
	xmlNodePtr ch;
	size_t i;
	ob->line = (int)xmlGetLineNo(n);
	ob->id = attr(n, "id");
	ob->article = attr(n, "article");
	ob->actor = attr(n, "actor");
	ob->to = attr(n, "to");
	ob->strength = !str ? DZ_STR_REQUIRES : !strcmp(str, "recommends") ? DZ_STR_RECOMMENDS
		     : !strcmp(str, "permits") ? DZ_STR_PERMITS
		     : !strcmp(str, "practice") ? DZ_STR_PRACTICE : DZ_STR_REQUIRES;
	dz_free(str);
	for (ch = n->children; ch; ch = ch->next) {
		if (is_el(ch, "quote")) ob->quote = text_of(ch);
		else if (is_el(ch, "source")) ob->source = text_of(ch);
		else if (is_el(ch, "note")) ob->note = text_of(ch);
		else if (is_el(ch, "not-checkable")) ob->unchecked = text_of(ch);
	}
	if (stages && strcmp(stages, "all") != 0 &&
	    split(&ob->stages, &ob->nstages, stages, ' '))
		L->rc = DOSSIER_ENOMEM;
	dz_free(stages);
	for (i = 0; L->rc == 0 && i < ob->nstages; i++)
		if (!dz_outline_stage(L->o, ob->stages[i]))
			outline_err(L, n, "义务引用了未定义的阶段：%s",
				    "obligation names an undefined stage: %s", ob->stages[i]);
	if (L->rc)
		return;
	if (ob->strength == DZ_STR_PRACTICE) {
		if (!ob->source || ob->article)
			outline_err(L, n, "评审实践类义务须写 source（出处），且不引用本办法条款：%s",
				    "a practice obligation needs a source and cites no article of the text: %s",
				    ob->id);
		ob->cite = dz_strdup("评审实践（非本办法规定）");
	} else {
		if (!ob->article || !ob->quote)
			outline_err(L, n, "义务须有 article 和 quote（原文短语）：%s",
				    "an obligation needs an article and a quote of the text: %s", ob->id);
		cite_check(L, n, ob->article);
		ob->cite = dz_fmt("%s %s", L->o->source_short ? L->o->source_short : "",
				  ob->article ? ob->article : "");
	}
	if (!ob->cite && L->rc == 0)
		L->rc = DOSSIER_ENOMEM;
}

static void load_field(loader *L, xmlNodePtr n, dz_field *f, dz_odoc *d,
		       const char *group)
{
	char *type = attr(n, "type"), *req = attr(n, "required"),
	     *ev = attr(n, "evidence"), *al = attr(n, "aliases");
	size_t i;
	f->id = attr(n, "id");
	f->label = attr(n, "label");
	f->label_en = attr(n, "label-en");
	f->unit = attr(n, "unit");
	f->min = attr(n, "min");
	f->max = attr(n, "max");
	f->of = attr(n, "of");
	f->derived = attr(n, "derived");
	f->article = attr(n, "article");
	f->group = dz_strdup(group);
	f->doc = d;
	f->required = !req || strcmp(req, "false") != 0;
	f->evidence_nonzero = ev && strcmp(ev, "nonzero") == 0;
	{
		char *cum = attr(n, "cumulative");
		f->cumulative = cum && !strcmp(cum, "true");
		dz_free(cum);
	}
	cite_check(L, n, f->article);
	for (i = 0; i < sizeof ftypes / sizeof ftypes[0]; i++)
		if (type && strcmp(type, ftypes[i].name) == 0)
			f->type = ftypes[i].t;
	if (al && split(&f->aliases, &f->naliases, al, '|'))
		L->rc = DOSSIER_ENOMEM;
	if (f->unit) {
		dz_dim dim;
		int64_t fac;
		if (!dz_unit_lookup(f->unit, &dim, &fac))
			outline_err(L, n, "未知单位：%s", "unknown unit: %s", f->unit);
	}
	{
		const char *lims[2] = {f->min, f->max};
		for (i = 0; i < 2; i++) {
			dz_num v;
			if (lims[i] && dz_num_parse_literal(&v, lims[i]) != 0)
				outline_err(L, n, "字段取值范围无效：%s",
					    "invalid field bound: %s", lims[i]);
		}
	}
	dz_free(type);
	dz_free(req);
	dz_free(ev);
	dz_free(al);
}

static void load_section(loader *L, xmlNodePtr n, dz_osection *s, dz_odoc *d)
{
	char *mc = attr(n, "min-chars"), *req = attr(n, "required");
	xmlNodePtr ch;
	size_t cap = 0;
	s->id = attr(n, "id");
	s->number = attr(n, "number");
	s->title = attr(n, "title");
	s->title_en = attr(n, "title-en");
	s->article = attr(n, "article");
	s->min_chars = mc ? strtol(mc, NULL, 10) : 1;
	s->required = !req || strcmp(req, "false") != 0;
	s->doc = d;
	cite_check(L, n, s->article);
	dz_free(mc);
	dz_free(req);
	for (ch = n->children; ch && L->rc == 0; ch = ch->next) {
		dz_item *it;
		char *m;
		if (!is_el(ch, "item"))
			continue;
		if (dz_grow((void **)&s->items, &cap, s->nitems, sizeof *s->items)) {
			L->rc = DOSSIER_ENOMEM;
			return;
		}
		it = &s->items[s->nitems++];
		memset(it, 0, sizeof *it);
		it->title = attr(ch, "title");
		it->title_en = attr(ch, "title-en");
		m = attr(ch, "match");
		if (split(&it->match, &it->nmatch, m ? m : it->title, '|'))
			L->rc = DOSSIER_ENOMEM;
		dz_free(m);
	}
}

static void load_table(loader *L, xmlNodePtr n, dz_table *t)
{
	xmlNodePtr ch;
	size_t cap = 0;
	t->id = attr(n, "id");
	t->title = attr(n, "title");
	t->title_en = attr(n, "title-en");
	t->rows = attr(n, "rows");
	t->total = attr(n, "total");
	{
		char *kind = attr(n, "kind");
		t->targets = kind && !strcmp(kind, "targets");
		dz_free(kind);
	}
	{
		xmlXPathCompExprPtr c = compile(L, n, t->rows);
		xmlXPathFreeCompExpr(c);
	}
	for (ch = n->children; ch && L->rc == 0; ch = ch->next) {
		dz_col *c;
		xmlXPathCompExprPtr comp;
		if (!is_el(ch, "col"))
			continue;
		if (dz_grow((void **)&t->cols, &cap, t->ncols, sizeof *t->cols)) {
			L->rc = DOSSIER_ENOMEM;
			return;
		}
		c = &t->cols[t->ncols++];
		c->title = attr(ch, "title");
		c->title_en = attr(ch, "title-en");
		c->value = attr(ch, "value");
		c->unit = attr(ch, "unit");
		c->type = attr(ch, "type");
		comp = compile(L, ch, c->value);
		xmlXPathFreeCompExpr(comp);
	}
	/* a table of rows needs its columns; a targets table has its own */
	if (L->rc == 0 && !t->targets && t->ncols == 0)
		outline_err(L, n, "表格 %s 没有 <col> 列定义", "table %s has no <col> columns",
			    t->id ? t->id : "?");
	else if (L->rc == 0 && t->targets && t->ncols)
		outline_err(L, n, "kind=\"targets\" 的表格 %s 的列是固定的，不能有 <col>",
			    "table %s of kind=\"targets\" has fixed columns: remove its <col> elements",
			    t->id ? t->id : "?");
}

/* Count children of each kind first so arrays never move while sections
 * and fields keep pointers to their document. */
static void load_model(loader *L, xmlNodePtr root)
{
	dossier_outline *o = L->o;
	xmlNodePtr top, d, ch, g;
	size_t nd = 0, ns = 0, nf = 0, nt = 0, nr = 0, ntx = 0, nst = 0, nob = 0;
	for (top = root->children; top; top = top->next) {
		if (is_el(top, "text")) {
			for (ch = top->children; ch; ch = ch->next)
				ntx += ch->type == XML_ELEMENT_NODE;
		} else if (is_el(top, "stages")) {
			for (ch = top->children; ch; ch = ch->next)
				nst += is_el(ch, "stage");
		} else if (is_el(top, "obligations")) {
			for (ch = top->children; ch; ch = ch->next)
				nob += is_el(ch, "obligation");
		} else if (is_el(top, "documents")) {
			for (d = top->children; d; d = d->next) {
				if (!is_el(d, "document"))
					continue;
				nd++;
				for (ch = d->children; ch; ch = ch->next) {
					if (is_el(ch, "section"))
						ns++;
					else if (is_el(ch, "group"))
						for (g = ch->children; g; g = g->next)
							nf += is_el(g, "field");
				}
			}
		} else if (is_el(top, "tables")) {
			for (ch = top->children; ch; ch = ch->next)
				nt += is_el(ch, "table");
		} else if (is_el(top, "rules")) {
			for (ch = top->children; ch; ch = ch->next)
				nr += is_el(ch, "rule");
		}
	}
	o->docs = dz_calloc(nd + 1, sizeof *o->docs);
	o->secs = dz_calloc(ns + 1, sizeof *o->secs);
	o->fields = dz_calloc(nf + 1, sizeof *o->fields);
	o->tables = dz_calloc(nt + 1, sizeof *o->tables);
	o->rules = dz_calloc(nr + 1, sizeof *o->rules);
	o->text = dz_calloc(ntx + 1, sizeof *o->text);
	o->stages = dz_calloc(nst + 1, sizeof *o->stages);
	o->obs = dz_calloc(nob + 1, sizeof *o->obs);
	if (!o->docs || !o->secs || !o->fields || !o->tables || !o->rules ||
	    !o->text || !o->stages || !o->obs) {
		L->rc = DOSSIER_ENOMEM;
		return;
	}
	for (top = root->children; top && L->rc == 0; top = top->next) {
		if (is_el(top, "scheme")) {
			for (ch = top->children; ch; ch = ch->next) {
				if (is_el(ch, "title")) o->title = text_of(ch);
				else if (is_el(ch, "title-en")) o->title_en = text_of(ch);
				else if (is_el(ch, "source")) {
					o->source_title = text_of(ch);
					o->source_doc = attr(ch, "doc");
					o->source_short = attr(ch, "short");
				} else if (is_el(ch, "host-term")) {
					o->host_term = text_of(ch);
				} else if (is_el(ch, "grades")) {
					size_t cap = 0;
					o->grades_article = attr(ch, "article");
					for (g = ch->children; g; g = g->next) {
						if (!is_el(g, "grade"))
							continue;
						if (dz_grow((void **)&o->grades, &cap, o->ngrades,
							    sizeof *o->grades)) {
							L->rc = DOSSIER_ENOMEM;
							return;
						}
						o->grades[o->ngrades++] = text_of(g);
					}
				}
			}
		} else if (is_el(top, "text")) {
			load_text(L, top);
		} else if (is_el(top, "stages")) {
			for (ch = top->children; ch && L->rc == 0; ch = ch->next)
				if (is_el(ch, "stage"))
					load_stage(L, ch, &o->stages[o->nstages++]);
		} else if (is_el(top, "documents")) {
			for (d = top->children; d && L->rc == 0; d = d->next) {
				dz_odoc *od;
				char *per;
				if (!is_el(d, "document"))
					continue;
				od = &o->docs[o->ndocs++];
				od->id = attr(d, "id");
				od->kind = attr(d, "kind");
				od->title = attr(d, "title");
				od->title_en = attr(d, "title-en");
				od->article = attr(d, "article");
				od->output = attr(d, "output");
				per = attr(d, "period");
				od->period = !per || !strcmp(per, "table") ? DZ_PERIOD_TABLE
					   : !strcmp(per, "incubation") ? DZ_PERIOD_INCUBATION : DZ_PERIOD_NONE;
				dz_free(per);
				cite_check(L, d, od->article);
				od->first_sec = o->nsecs;
				od->first_field = o->nfields;
				for (ch = d->children; ch && L->rc == 0; ch = ch->next) {
					if (is_el(ch, "section")) {
						load_section(L, ch, &o->secs[o->nsecs++], od);
						od->nsec++;
					} else if (is_el(ch, "group")) {
						char *gt = attr(ch, "title");
						for (g = ch->children; g && L->rc == 0; g = g->next) {
							if (!is_el(g, "field"))
								continue;
							load_field(L, g, &o->fields[o->nfields++], od, gt ? gt : "");
							od->nfield++;
						}
						dz_free(gt);
					}
				}
			}
		} else if (is_el(top, "tables")) {
			for (ch = top->children; ch && L->rc == 0; ch = ch->next)
				if (is_el(ch, "table"))
					load_table(L, ch, &o->tables[o->ntables++]);
		}
	}
	/* every stage consists of documents the outline defines */
	{
		size_t i, j;
		for (i = 0; i < o->nstages && L->rc == 0; i++)
			for (j = 0; j < o->stages[i].ndocs && L->rc == 0; j++)
				if (!dz_outline_doc(o, o->stages[i].docs[j]))
					outline_err(L, NULL, "阶段引用了未定义的文件：%s",
						    "a stage names an undefined document: %s",
						    o->stages[i].docs[j]);
	}
	if (L->rc == 0 && o->grades_article) {
		for (top = root->children; top; top = top->next)
			if (is_el(top, "scheme"))
				for (ch = top->children; ch; ch = ch->next)
					if (is_el(ch, "grades"))
						cite_check(L, ch, o->grades_article);
	}
	/* then the obligations, which name stages; rules last: they refer to
	 * obligations and documents */
	for (top = root->children; top && L->rc == 0; top = top->next) {
		if (!is_el(top, "obligations"))
			continue;
		for (ch = top->children; ch && L->rc == 0; ch = ch->next)
			if (is_el(ch, "obligation")) {
				size_t j;
				dz_oblig *ob = &o->obs[o->nobs++];
				load_oblig(L, ch, ob);
				for (j = 0; L->rc == 0 && j + 1 < o->nobs; j++)
					if (!strcmp(o->obs[j].id, ob->id))
						outline_err(L, ch, "义务编号重复：%s",
							    "obligation id given twice: %s", ob->id);
			}
	}
	for (top = root->children; top && L->rc == 0; top = top->next) {
		if (!is_el(top, "rules"))
			continue;
		for (ch = top->children; ch && L->rc == 0; ch = ch->next)
			if (is_el(ch, "rule")) {
				dz_rule *r = &o->rules[o->nrules++];
				load_rule(L, ch, r);
				if (L->rc == 0 && r->ob)
					((dz_oblig *)r->ob)->nrules++;
			}
	}
	/* the matrix is complete: every obligation is enforced by a rule or
	 * says why no tool can check it */
	{
		size_t i;
		for (i = 0; i < o->nobs && L->rc == 0; i++)
			if (!o->obs[i].nrules && !o->obs[i].unchecked)
				L->rc = dz_errf(DOSSIER_EOUTLINE, o->path, o->obs[i].line, 0,
						"给它加一条规则（ob 引用它），或写 <not-checkable> 说明工具为何无法检查。",
						"Add a rule (with ob naming it), or say in <not-checkable> why no tool can check it.",
						"义务 %s 既没有规则执行，也没有说明为何无法检查",
						"obligation %s is neither enforced by a rule nor marked not checkable",
						o->obs[i].id);
	}
	/* "of" must name a field of the same outline */
	{
		size_t i;
		for (i = 0; i < o->nfields && L->rc == 0; i++)
			if (o->fields[i].of && !dz_outline_field(o, o->fields[i].of))
				outline_err(L, NULL, "“其中”字段引用了未定义的字段：%s",
					    "\"of\" names an undefined field: %s",
					    o->fields[i].of);
	}
}

int dossier_outline_load(dossier_outline **out, const char *path,
			 const char *schema_dir)
{
	dossier_outline *o;
	loader L;
	void *schema;
	dz_schema_error *errs = NULL;
	size_t nerrs = 0;
	int rc;
	*out = NULL;
	o = dz_calloc(1, sizeof *o);
	if (!o || !(o->path = dz_strdup(path))) {
		dz_free(o);
		return dz_err(DOSSIER_ENOMEM, path, 0, 0, "内存不足", "out of memory", "", "");
	}
	if ((rc = dz_xml_load(&o->xml, NULL, path, 8u << 20)) != 0)
		goto fail;
	if (!(schema = dz_schema_get(schema_dir, "outline.xsd"))) {
		rc = DOSSIER_ENOTFOUND;
		goto fail;
	}
	rc = dz_schema_validate(schema, o->xml, &errs, &nerrs);
	if (rc != 0) {
		rc = dz_errf(DOSSIER_EOUTLINE, path, nerrs ? errs[0].line : 0, 0,
			     "按 outlines/schema/outline.xsd 修正提纲文件。",
			     "Fix the outline to match outlines/schema/outline.xsd.",
			     "提纲文件不符合模式：%s", "outline does not match its schema: %s",
			     nerrs ? errs[0].msg : "?");
		goto fail;
	}
	L.o = o;
	L.rc = 0;
	o->id = attr(xmlDocGetRootElement(o->xml), "id");
	load_model(&L, xmlDocGetRootElement(o->xml));
	if ((rc = L.rc) != 0) {
		if (rc == DOSSIER_ENOMEM)
			dz_err(rc, path, 0, 0, "内存不足", "out of memory", "", "");
		goto fail;
	}
	dz_schema_errors_free(errs, nerrs);
	*out = o;
	return 0;
fail:
	dz_schema_errors_free(errs, nerrs);
	dossier_outline_free(o);
	return rc;
}

static void free_list(char **l, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		dz_free(l[i]);
	dz_free(l);
}

void dossier_outline_free(dossier_outline *o)
{
	size_t i, j;
	if (!o)
		return;
	for (i = 0; i < o->ndocs; i++) {
		dz_odoc *d = &o->docs[i];
		dz_free(d->id); dz_free(d->kind); dz_free(d->title);
		dz_free(d->title_en); dz_free(d->article); dz_free(d->output);
	}
	for (i = 0; i < o->nsecs; i++) {
		dz_osection *s = &o->secs[i];
		for (j = 0; j < s->nitems; j++) {
			dz_free(s->items[j].title);
			dz_free(s->items[j].title_en);
			free_list(s->items[j].match, s->items[j].nmatch);
		}
		dz_free(s->items);
		dz_free(s->id); dz_free(s->number); dz_free(s->title);
		dz_free(s->title_en); dz_free(s->article);
	}
	for (i = 0; i < o->nfields; i++) {
		dz_field *f = &o->fields[i];
		dz_free(f->id); dz_free(f->label); dz_free(f->label_en);
		dz_free(f->unit); dz_free(f->min); dz_free(f->max); dz_free(f->of);
		dz_free(f->derived); dz_free(f->article); dz_free(f->group);
		free_list(f->aliases, f->naliases);
	}
	for (i = 0; i < o->ntables; i++) {
		dz_table *t = &o->tables[i];
		for (j = 0; j < t->ncols; j++) {
			dz_free(t->cols[j].title); dz_free(t->cols[j].title_en);
			dz_free(t->cols[j].value); dz_free(t->cols[j].unit);
			dz_free(t->cols[j].type);
		}
		dz_free(t->cols);
		dz_free(t->id); dz_free(t->title); dz_free(t->title_en);
		dz_free(t->rows); dz_free(t->total);
	}
	for (i = 0; i < o->ntext; i++) {
		dz_free(o->text[i].label);
		dz_free(o->text[i].words);
		dz_free(o->text[i].items);
	}
	for (i = 0; i < o->nstages; i++) {
		dz_stage *st = &o->stages[i];
		dz_free(st->id); dz_free(st->title); dz_free(st->title_en);
		dz_free(st->article); dz_free(st->from); dz_free(st->to); dz_free(st->desc);
		free_list(st->docs, st->ndocs);
	}
	for (i = 0; i < o->nobs; i++) {
		dz_oblig *ob = &o->obs[i];
		dz_free(ob->id); dz_free(ob->article); dz_free(ob->actor); dz_free(ob->to);
		dz_free(ob->quote); dz_free(ob->source); dz_free(ob->note);
		dz_free(ob->unchecked); dz_free(ob->cite);
		free_list(ob->stages, ob->nstages);
	}
	for (i = 0; i < o->nrules; i++) {
		dz_rule *r = &o->rules[i];
		dz_free(r->id); dz_free(r->document); dz_free(r->match);
		free_list(r->stages, r->nstages);
		free_list(r->fields, r->nfields);
		free_list(r->sections, r->nsections);
		dz_free(r->zh); dz_free(r->en); dz_free(r->fix_zh); dz_free(r->fix_en);
		dz_free(r->regex_src); dz_free(r->offset); dz_free(r->value);
		dz_free(r->requires); dz_free(r->op);
		if (r->regex)
			xmlRegFreeRegexp(r->regex);
		xmlXPathFreeCompExpr(r->when);
		xmlXPathFreeCompExpr(r->context);
		xmlXPathFreeCompExpr(r->test);
		xmlXPathFreeCompExpr(r->select);
		xmlXPathFreeCompExpr(r->subject);
		xmlXPathFreeCompExpr(r->base);
		xmlXPathFreeCompExpr(r->valuex);
		dz_operand_free(r->left);
		dz_operand_free(r->right);
		dz_operand_free(r->total);
		dz_operand_free(r->parts);
	}
	dz_free(o->docs); dz_free(o->secs); dz_free(o->fields);
	dz_free(o->tables); dz_free(o->rules);
	dz_free(o->text); dz_free(o->stages); dz_free(o->obs);
	free_list(o->grades, o->ngrades);
	dz_free(o->grades_article);
	dz_free(o->host_term);
	dz_free(o->id); dz_free(o->title); dz_free(o->title_en);
	dz_free(o->source_doc); dz_free(o->source_short); dz_free(o->source_title);
	xmlFreeDoc(o->xml);
	dz_free(o->path);
	dz_free(o);
}

const char *dossier_outline_id(const dossier_outline *o) { return o->id; }
size_t dossier_outline_document_count(const dossier_outline *o) { return o->ndocs; }
size_t dossier_outline_stage_count(const dossier_outline *o) { return o->nstages; }
const char *dossier_outline_stage_id(const dossier_outline *o, size_t i)
{
	return i < o->nstages ? o->stages[i].id : NULL;
}
const char *dossier_outline_document_id(const dossier_outline *o, size_t i)
{
	return i < o->ndocs ? o->docs[i].id : NULL;
}
const char *dossier_outline_source(const dossier_outline *o) { return o->source_short; }

const dz_field *dz_outline_field(const dossier_outline *o, const char *id)
{
	size_t i;
	for (i = 0; i < o->nfields; i++)
		if (o->fields[i].id && strcmp(o->fields[i].id, id) == 0)
			return &o->fields[i];
	return NULL;
}

const dz_osection *dz_outline_section(const dossier_outline *o, const char *id)
{
	size_t i;
	for (i = 0; i < o->nsecs; i++)
		if (o->secs[i].id && strcmp(o->secs[i].id, id) == 0)
			return &o->secs[i];
	return NULL;
}

const dz_odoc *dz_outline_doc(const dossier_outline *o, const char *id)
{
	size_t i;
	for (i = 0; i < o->ndocs; i++)
		if (o->docs[i].id && strcmp(o->docs[i].id, id) == 0)
			return &o->docs[i];
	return NULL;
}

const dz_stage *dz_outline_stage(const dossier_outline *o, const char *id)
{
	size_t i;
	for (i = 0; id && i < o->nstages; i++)
		if (o->stages[i].id && strcmp(o->stages[i].id, id) == 0)
			return &o->stages[i];
	return NULL;
}

const dz_oblig *dz_outline_oblig(const dossier_outline *o, const char *id)
{
	size_t i;
	for (i = 0; id && i < o->nobs; i++)
		if (o->obs[i].id && strcmp(o->obs[i].id, id) == 0)
			return &o->obs[i];
	return NULL;
}

int dz_stage_in(char *const *list, size_t n, const char *stage)
{
	size_t i;
	if (!n)
		return 1;
	for (i = 0; stage && i < n; i++)
		if (!strcmp(list[i], stage))
			return 1;
	return 0;
}

const dz_table *dz_outline_table(const dossier_outline *o, const char *id)
{
	size_t i;
	for (i = 0; i < o->ntables; i++)
		if (o->tables[i].id && strcmp(o->tables[i].id, id) == 0)
			return &o->tables[i];
	return NULL;
}
