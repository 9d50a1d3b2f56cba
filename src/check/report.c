/*
 * report.c — the findings of one check run, and the expansion of an
 * outline rule's message templates ({value}, {label}...) into them.
 */
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

static char *expand(const char *tpl, const dz_vars *vs, int zh)
{
	dz_buf b = DZ_BUF_INIT;
	const char *p = tpl ? tpl : "";
	while (*p) {
		const char *close;
		int i, done = 0;
		if (*p != '{' || !(close = strchr(p, '}'))) {
			dz_buf_putc(&b, *p++);
			continue;
		}
		for (i = 0; vs && i < vs->n; i++) {
			size_t kl = strlen(vs->k[i]);
			if ((size_t)(close - p - 1) == kl && !memcmp(p + 1, vs->k[i], kl)) {
				dz_buf_puts(&b, zh ? vs->zh[i] : vs->en[i]);
				done = 1;
				break;
			}
		}
		if (!done)
			dz_buf_put(&b, p, (size_t)(close - p + 1));
		p = close + 1;
	}
	return dz_buf_detach(&b);
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
	s->f.basis = DOSSIER_BASIS_FORMAT;
	commit(rep, s);
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
