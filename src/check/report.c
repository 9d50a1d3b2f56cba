/*
 * report.c — the findings of one check run, and the expansion of an
 * outline rule's message templates ({value}, {label}...) into them.
 */
#include <stdio.h>
#include <string.h>
#include "util/util.h"
#include "check_int.h"

void dz_var(dz_vars *vs, const char *k, const char *v)
{
	dz_var2(vs, k, v, v);
}

void dz_var2(dz_vars *vs, const char *k, const char *zh, const char *en)
{
	if (vs->n >= DZ_MAXVARS)
		return;
	vs->k[vs->n] = k;
	vs->zh[vs->n] = zh ? zh : "";
	vs->en[vs->n] = en ? en : "";
	vs->n++;
}

/* The placeholders every finding of a kind fills (rules.c, figures.c).
 * outline.c refuses a message naming any other, so an unfilled {name}
 * never reaches a reader; tests/suites/content.sh expands every message
 * of every outline with these. Keep in step with the dz_var calls. */
static const char *const kind_vars[] = {
	[DZ_K_ASSERT] = "value",
	[DZ_K_PATTERN] = "value",
	[DZ_K_USCC] = "value",
	[DZ_K_SECTIONS] = "section id file chars min problem",
	[DZ_K_ITEMS] = "section item file problem",
	[DZ_K_FIELD_PRESENT] = "field label",
	[DZ_K_FIELD_VALID] = "field label problem value",
	[DZ_K_FIELD_OF] = "field label value expected total",
	[DZ_K_FIELD_EVIDENCE] = "field label value",
	[DZ_K_SUM] = "value expected",
	[DZ_K_COMPARE] = "value expected",
	[DZ_K_DATE] = "date deadline basis",
	[DZ_K_EVIDENCE_REFS] = "id value",
	[DZ_K_EVIDENCE_CITED] = "value label",
	[DZ_K_EVIDENCE_FILES] = "id file problem",
	[DZ_K_EVIDENCE_UNDECLARED] = "file",
	[DZ_K_EVIDENCE_KIND] = "kind",
	[DZ_K_REFS] = "ref problem",
	[DZ_K_FIGURES] = "field label value expected",
	[DZ_K_DOCUMENTS] = "document",
	[DZ_K_TARGETS] = "field label problem value expected",
	[DZ_K_HEADINGS] = "section value file",
	[DZ_K_NARRATIVE] = "section value file",
};

const char *dz_kind_vars(dz_kind k)
{
	return (unsigned)k < sizeof kind_vars / sizeof kind_vars[0] && kind_vars[k]
		       ? kind_vars[k] : "";
}

/* Length of a placeholder name at p ("{value}": p points after "{"):
 * [a-z][a-z0-9_-]* followed by "}"; 0 if p does not start one. */
static size_t var_name(const char *p)
{
	size_t n = 0;
	if (!(*p >= 'a' && *p <= 'z'))
		return 0;
	while ((p[n] >= 'a' && p[n] <= 'z') || (p[n] >= '0' && p[n] <= '9') ||
	       p[n] == '_' || p[n] == '-')
		n++;
	return p[n] == '}' ? n : 0;
}

static int in_list(const char *list, const char *name, size_t n)
{
	const char *p = list;
	while (*p) {
		size_t l = strcspn(p, " ");
		if (l == n && !memcmp(p, name, n))
			return 1;
		p += l;
		while (*p == ' ')
			p++;
	}
	return 0;
}

int dz_template_check(const char *tpl, dz_kind k, char *bad, size_t badlen)
{
	const char *p = tpl ? tpl : "", *list = dz_kind_vars(k);
	while (*p) {
		size_t n;
		if (*p == '\\' && (p[1] == '{' || p[1] == '}' || p[1] == '\\')) {
			p += 2;
			continue;
		}
		if (*p == '{' && (n = var_name(p + 1)) != 0) {
			if (!in_list(list, p + 1, n)) {
				snprintf(bad, badlen, "{%.*s}", (int)n, p + 1);
				return -1;
			}
			p += n + 2;
			continue;
		}
		p++;
	}
	return 0;
}

/* A message template with its placeholders filled (doc/outline-format.md,
 * "Messages"): {name} is the value of placeholder `name`; \{ \} and \\
 * are a literal brace and backslash; every other character, braces
 * included, is itself. */
static char *expand(const char *tpl, const dz_vars *vs, int zh)
{
	dz_buf b = DZ_BUF_INIT;
	const char *p = tpl ? tpl : "";
	while (*p) {
		size_t n;
		int i, done = 0;
		if (*p == '\\' && (p[1] == '{' || p[1] == '}' || p[1] == '\\')) {
			dz_buf_putc(&b, p[1]);
			p += 2;
			continue;
		}
		if (*p != '{' || (n = var_name(p + 1)) == 0) {
			dz_buf_putc(&b, *p++);
			continue;
		}
		for (i = 0; vs && i < vs->n; i++) {
			if (strlen(vs->k[i]) == n && !memcmp(p + 1, vs->k[i], n)) {
				dz_buf_puts(&b, zh ? vs->zh[i] : vs->en[i]);
				done = 1;
				break;
			}
		}
		if (!done) /* outline.c refuses such a template: cannot happen */
			dz_buf_put(&b, p, n + 2);
		p += n + 2;
	}
	return dz_buf_detach(&b);
}

char *dz_template_expand(const char *tpl, const dz_vars *vs, int zh)
{
	return expand(tpl, vs, zh);
}

static dz_finding_slot *slot(dossier_report *rep)
{
	dz_finding_slot *s;
	if (rep->oom || dz_grow((void **)&rep->items, &rep->cap, rep->n, sizeof *rep->items)) {
		rep->oom = 1;
		return NULL;
	}
	s = &rep->items[rep->n];
	memset(s, 0, sizeof *s);
	return s;
}

static void commit(dossier_report *rep, dz_finding_slot *s)
{
	int i;
	for (i = 0; i < DZ_FINDING_STRINGS; i++)
		if (!s->owned[i]) {
			for (i = 0; i < DZ_FINDING_STRINGS; i++)
				dz_free(s->owned[i]);
			rep->oom = 1;
			return;
		}
	s->f.rule = s->owned[0];
	s->f.article = s->owned[1];
	s->f.file = s->owned[2];
	s->f.xpath = s->owned[3];
	s->f.msg_zh = s->owned[4];
	s->f.msg_en = s->owned[5];
	s->f.hint_zh = s->owned[6];
	s->f.hint_en = s->owned[7];
	s->f.quote = s->owned[8];
	s->f.obligation = s->owned[9];
	s->f.document = s->owned[10];
	s->f.section = s->owned[11];
	rep->n++;
}

void dz_report_add(dossier_report *rep, const dz_rule *r, const char *file,
		   int line, const char *xpath, const dz_vars *vars)
{
	dz_finding_slot *s = slot(rep);
	if (!s)
		return;
	s->f.severity = r->severity;
	s->f.line = line;
	s->owned[0] = dz_strdup(r->id);
	s->owned[1] = dz_strdup(r->article);
	s->owned[2] = dz_strdup(file ? file : "");
	s->owned[3] = dz_strdup(xpath ? xpath : "");
	s->owned[4] = expand(r->zh, vars, 1);
	s->owned[5] = expand(r->en, vars, 0);
	s->owned[6] = expand(r->fix_zh, vars, 1);
	s->owned[7] = expand(r->fix_en, vars, 0);
	if (r->ob) {
		s->f.basis = (dossier_basis)r->ob->strength;
		s->owned[8] = dz_strdup(r->ob->quote ? r->ob->quote
					: r->ob->source ? r->ob->source : "");
		s->owned[9] = dz_strdup(r->ob->id);
	} else {
		s->f.basis = DOSSIER_BASIS_FORMAT;
		s->owned[8] = dz_strdup("");
		s->owned[9] = dz_strdup("");
	}
	s->owned[10] = dz_strdup("");
	s->owned[11] = dz_strdup("");
	commit(rep, s);
}

void dz_report_add_core(dossier_report *rep, dossier_severity sev,
			const char *rule, const char *article, const char *file,
			int line, const char *zh, const char *en,
			const char *hint_zh, const char *hint_en)
{
	dz_finding_slot *s = slot(rep);
	if (!s)
		return;
	s->f.severity = sev;
	s->f.line = line;
	s->owned[0] = dz_strdup(rule);
	s->owned[1] = dz_strdup(article);
	s->owned[2] = dz_strdup(file ? file : "");
	s->owned[3] = dz_strdup("");
	s->owned[4] = dz_strdup(zh);
	s->owned[5] = dz_strdup(en);
	s->owned[6] = dz_strdup(hint_zh ? hint_zh : "");
	s->owned[7] = dz_strdup(hint_en ? hint_en : "");
	s->owned[8] = dz_strdup("");
	s->owned[9] = dz_strdup("");
	s->owned[10] = dz_strdup("");
	s->owned[11] = dz_strdup("");
	s->f.basis = DOSSIER_BASIS_FORMAT;
	commit(rep, s);
}

/* Replace string k of finding i (its pointer in the finding too). */
static void replace(dossier_report *rep, size_t i, int k, char *v)
{
	dz_finding_slot *s = &rep->items[i];
	if (!v) {
		rep->oom = 1;
		return;
	}
	dz_free(s->owned[k]);
	s->owned[k] = v;
	s->f.file = s->owned[2];
	s->f.document = s->owned[10];
	s->f.section = s->owned[11];
}

void dz_report_place(dossier_report *rep, size_t i, const char *document,
		     const char *section)
{
	if (i >= rep->n)
		return;
	replace(rep, i, 10, dz_strdup(document ? document : ""));
	replace(rep, i, 11, dz_strdup(section ? section : ""));
}

void dz_report_rename(dossier_report *rep, const char *dir, const char *as)
{
	size_t i, n = strlen(dir);
	for (i = 0; i < rep->n; i++) {
		const char *f = rep->items[i].owned[2];
		if (!strncmp(f, dir, n) && (f[n] == '/' || f[n] == '\0'))
			replace(rep, i, 2, dz_fmt("%s%s", as, f + n));
	}
}

size_t dossier_report_count(const dossier_report *r) { return r ? r->n : 0; }

const char *dossier_report_stage(const dossier_report *r) { return r ? r->stage : ""; }

const dossier_finding *dossier_report_get(const dossier_report *r, size_t i)
{
	return r && i < r->n ? &r->items[i].f : NULL;
}

size_t dossier_report_count_sev(const dossier_report *r, dossier_severity s)
{
	size_t i, n = 0;
	for (i = 0; r && i < r->n; i++)
		n += r->items[i].f.severity == s;
	return n;
}

void dossier_report_free(dossier_report *r)
{
	size_t i;
	int j;
	if (!r)
		return;
	for (i = 0; i < r->n; i++)
		for (j = 0; j < DZ_FINDING_STRINGS; j++)
			dz_free(r->items[i].owned[j]);
	dz_free(r->items);
	dz_free(r);
}
