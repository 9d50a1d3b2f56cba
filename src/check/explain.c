/*
 * explain.c — the obligation matrix of an outline, as text, JSON or
 * Markdown (dossier explain, doc/schemes.md), and its verification
 * against the policy text itself (dossier explain --verify-text).
 *
 * The matrix is data in the outline: every article of the text that sets
 * something a dossier can satisfy or violate, with a short quote, its
 * stages, who owes it to whom, how strict the text is, and the rules that
 * enforce it or why no tool can. Verification reads the text, finds each
 * article by its own numbering and checks that the outline's inventory of
 * articles and items matches the text and that every quote is in the
 * article it cites.
 */
#include <string.h>
#include "util/util.h"
#include "check_int.h"

static const char *strength_name(dz_strength s, int zh)
{
	static const char *const n[][2] = {
		{"要求", "requires"}, {"倡导", "recommends"},
		{"允许", "permits"}, {"评审实践", "practice"},
	};
	return n[s][zh ? 0 : 1];
}

static const char *strength_id(dz_strength s)
{
	return strength_name(s, 0);
}

static const char *severity_of(dz_strength s, int zh)
{
	return s == DZ_STR_REQUIRES ? (zh ? "错误" : "error")
	     : s == DZ_STR_PERMITS ? (zh ? "提示" : "info") : (zh ? "警告" : "warning");
}

/* The rule ids that enforce obligation `ob`, space-separated. */
static void rules_of(const dossier_outline *o, const dz_oblig *ob, dz_buf *b, const char *sep)
{
	size_t i;
	int first = 1;
	for (i = 0; i < o->nrules; i++)
		if (o->rules[i].ob == ob) {
			dz_buf_printf(b, "%s%s", first ? "" : sep, o->rules[i].id);
			first = 0;
		}
}

static void stages_of(const dossier_outline *o, const dz_oblig *ob, dz_buf *b, int zh,
		      const char *sep)
{
	size_t i;
	if (!ob->nstages) {
		dz_buf_puts(b, zh ? "各阶段" : "every stage");
		return;
	}
	for (i = 0; i < ob->nstages; i++) {
		const dz_stage *st = dz_outline_stage(o, ob->stages[i]);
		dz_buf_printf(b, "%s%s", i ? sep : "", st ? (zh ? st->title : st->title_en) : ob->stages[i]);
	}
}

typedef struct {
	size_t total, by[4], checked, unchecked;
} tally;

static void count(const dossier_outline *o, const char *stage, tally *t)
{
	size_t i;
	memset(t, 0, sizeof *t);
	for (i = 0; i < o->nobs; i++) {
		const dz_oblig *ob = &o->obs[i];
		if (stage && !dz_stage_in(ob->stages, ob->nstages, stage))
			continue;
		t->total++;
		t->by[ob->strength]++;
		if (ob->nrules)
			t->checked++;
		else
			t->unchecked++;
	}
}

static void text_out(const dossier_outline *o, const char *stage, int zh, dz_buf *b)
{
	size_t i, j;
	tally t;
	dz_buf_printf(b, "%s — %s（%s）\n", o->id, o->source_title ? o->source_title : "",
		      o->source_doc ? o->source_doc : "");
	dz_buf_printf(b, "%s%s\n\n", zh ? "方案：" : "scheme: ", zh ? o->title : o->title_en);
	dz_buf_puts(b, zh ? "报送阶段（centre.xml 的 stage）\n" : "Stages (centre.xml's stage)\n");
	for (i = 0; i < o->nstages; i++) {
		const dz_stage *st = &o->stages[i];
		if (stage && strcmp(stage, st->id))
			continue;
		dz_buf_printf(b, zh ? "  %-14s %s（%s %s）\n" : "  %-14s %s (%s %s)\n", st->id,
			      zh ? st->title : st->title_en, o->source_short, st->article);
		dz_buf_printf(b, "  %-14s %s%s → %s\n", "", zh ? "报送：" : "from/to: ", st->from, st->to);
		dz_buf_printf(b, "  %-14s %s", "", zh ? "文件：" : "documents: ");
		for (j = 0; j < st->ndocs; j++) {
			const dz_odoc *d = dz_outline_doc(o, st->docs[j]);
			dz_buf_printf(b, zh ? "%s%s（%s）" : "%s%s (%s)", j ? (zh ? "、" : ", ") : "",
				      st->docs[j], d ? (zh ? d->title : d->title_en) : "?");
		}
		dz_buf_putc(b, '\n');
	}
	count(o, stage, &t);
	dz_buf_printf(b, zh ? "\n义务 %zu 项：要求 %zu，倡导 %zu，允许 %zu，评审实践 %zu；由规则检查 %zu，工具无法检查 %zu\n"
			    : "\n%zu obligations: %zu required, %zu recommended, %zu permitted, %zu practice; %zu checked by rules, %zu not checkable by a tool\n",
		      t.total, t.by[0], t.by[1], t.by[2], t.by[3], t.checked, t.unchecked);
	for (i = 0; i < o->nobs; i++) {
		const dz_oblig *ob = &o->obs[i];
		if (stage && !dz_stage_in(ob->stages, ob->nstages, stage))
			continue;
		dz_buf_printf(b, "\n  %s  %s  [%s → %s]\n", ob->id, ob->article ? ob->article : o->obs[i].cite,
			      strength_name(ob->strength, zh), severity_of(ob->strength, zh));
		dz_buf_printf(b, "    %s", zh ? "阶段：" : "stages: ");
		stages_of(o, ob, b, zh, zh ? "、" : ", ");
		dz_buf_printf(b, "%s%s%s%s%s\n", zh ? "；" : "; ", zh ? "义务主体：" : "owed by: ", ob->actor,
			      ob->to ? " → " : "", ob->to ? ob->to : "");
		if (ob->quote)
			dz_buf_printf(b, "    “%s”\n", ob->quote);
		if (ob->source)
			dz_buf_printf(b, "    %s%s\n", zh ? "出处：" : "source: ", ob->source);
		if (ob->note)
			dz_buf_printf(b, "    %s%s\n", zh ? "说明：" : "note: ", ob->note);
		if (ob->nrules) {
			dz_buf_puts(b, zh ? "    规则：" : "    rules: ");
			rules_of(o, ob, b, " ");
			dz_buf_putc(b, '\n');
		}
		if (ob->unchecked)
			dz_buf_printf(b, "    %s%s\n", zh ? "工具无法检查：" : "not checkable by a tool: ",
				      ob->unchecked);
	}
}

static void json_kv(dz_buf *b, const char *k, const char *v, int comma)
{
	dz_buf_printf(b, "\"%s\":", k);
	if (!v) {
		dz_buf_puts(b, "null");
	} else {
		dz_buf_putc(b, '"');
		dz_buf_put_json(b, v);
		dz_buf_putc(b, '"');
	}
	if (comma)
		dz_buf_putc(b, ',');
}

static void json_list(dz_buf *b, const char *k, char *const *l, size_t n, int comma)
{
	size_t i;
	dz_buf_printf(b, "\"%s\":[", k);
	for (i = 0; i < n; i++) {
		dz_buf_puts(b, i ? ",\"" : "\"");
		dz_buf_put_json(b, l[i]);
		dz_buf_putc(b, '"');
	}
	dz_buf_puts(b, comma ? "]," : "]");
}

static void json_out(const dossier_outline *o, const char *stage, dz_buf *b)
{
	size_t i, j;
	tally t;
	dz_buf_putc(b, '{');
	json_kv(b, "scheme", o->id, 1);
	json_kv(b, "title", o->title, 1);
	json_kv(b, "title_en", o->title_en, 1);
	json_kv(b, "text", o->source_title, 1);
	json_kv(b, "document_number", o->source_doc, 1);
	json_kv(b, "short", o->source_short, 1);
	dz_buf_puts(b, "\"stages\":[");
	for (i = 0, j = 0; i < o->nstages; i++) {
		const dz_stage *st = &o->stages[i];
		if (stage && strcmp(stage, st->id))
			continue;
		dz_buf_puts(b, j++ ? ",{" : "{");
		json_kv(b, "id", st->id, 1);
		json_kv(b, "title", st->title, 1);
		json_kv(b, "title_en", st->title_en, 1);
		json_kv(b, "article", st->article, 1);
		json_kv(b, "from", st->from, 1);
		json_kv(b, "to", st->to, 1);
		json_list(b, "documents", st->docs, st->ndocs, 0);
		dz_buf_putc(b, '}');
	}
	dz_buf_puts(b, "],\"documents\":[");
	for (i = 0; i < o->ndocs; i++) {
		const dz_odoc *d = &o->docs[i];
		static const char *const periods[] = {"table", "incubation", "none"};
		size_t k;
		dz_buf_puts(b, i ? ",{" : "{");
		json_kv(b, "id", d->id, 1);
		json_kv(b, "kind", d->kind, 1);
		json_kv(b, "title", d->title, 1);
		json_kv(b, "title_en", d->title_en, 1);
		json_kv(b, "article", d->article, 1);
		json_kv(b, "output", d->output ? d->output : d->id, 1);
		json_kv(b, "period", periods[d->period], 1);
		dz_buf_puts(b, "\"sections\":[");
		for (j = d->first_sec; j < d->first_sec + d->nsec; j++) {
			const dz_osection *sc = &o->secs[j];
			dz_buf_puts(b, j > d->first_sec ? ",{" : "{");
			json_kv(b, "id", sc->id, 1);
			json_kv(b, "number", sc->number, 1);
			json_kv(b, "title", sc->title, 1);
			json_kv(b, "title_en", sc->title_en, 1);
			json_kv(b, "article", sc->article, 1);
			dz_buf_printf(b, "\"required\":%s,\"min_chars\":%ld,\"items\":[",
				      sc->required ? "true" : "false", sc->min_chars);
			for (k = 0; k < sc->nitems; k++) {
				dz_buf_puts(b, k ? ",\"" : "\"");
				dz_buf_put_json(b, sc->items[k].title);
				dz_buf_putc(b, '"');
			}
			dz_buf_puts(b, "]}");
		}
		dz_buf_puts(b, "],\"fields\":[");
		for (j = d->first_field; j < d->first_field + d->nfield; j++) {
			const dz_field *f = &o->fields[j];
			static const char *const types[] = {"money", "count", "decimal", "share", "area",
							    "text", "date", "bool"};
			dz_buf_puts(b, j > d->first_field ? ",{" : "{");
			json_kv(b, "id", f->id, 1);
			json_kv(b, "label", f->label, 1);
			json_kv(b, "label_en", f->label_en, 1);
			json_kv(b, "type", types[f->type], 1);
			json_kv(b, "unit", f->unit, 1);
			json_kv(b, "group", f->group, 1);
			json_kv(b, "of", f->of, 1);
			json_kv(b, "article", f->article, 1);
			dz_buf_printf(b, "\"derived\":%s}", f->derived ? "true" : "false");
		}
		dz_buf_puts(b, "]}");
	}
	dz_buf_puts(b, "],\"obligations\":[");
	for (i = 0, j = 0; i < o->nobs; i++) {
		const dz_oblig *ob = &o->obs[i];
		size_t k;
		int first = 1;
		if (stage && !dz_stage_in(ob->stages, ob->nstages, stage))
			continue;
		dz_buf_puts(b, j++ ? ",{" : "{");
		json_kv(b, "id", ob->id, 1);
		json_kv(b, "article", ob->article, 1);
		json_kv(b, "citation", ob->cite, 1);
		json_kv(b, "quote", ob->quote, 1);
		json_kv(b, "source", ob->source, 1);
		json_kv(b, "strength", strength_id(ob->strength), 1);
		json_kv(b, "severity", severity_of(ob->strength, 0), 1);
		if (ob->nstages)
			json_list(b, "stages", ob->stages, ob->nstages, 1);
		else
			dz_buf_puts(b, "\"stages\":\"all\",");
		json_kv(b, "actor", ob->actor, 1);
		json_kv(b, "to", ob->to, 1);
		json_kv(b, "note", ob->note, 1);
		json_kv(b, "not_checkable", ob->unchecked, 1);
		dz_buf_puts(b, "\"rules\":[");
		for (k = 0; k < o->nrules; k++)
			if (o->rules[k].ob == ob) {
				dz_buf_printf(b, "%s\"%s\"", first ? "" : ",", o->rules[k].id);
				first = 0;
			}
		dz_buf_puts(b, "]}");
	}
	count(o, stage, &t);
	dz_buf_printf(b, "],\"summary\":{\"obligations\":%zu,\"requires\":%zu,\"recommends\":%zu,"
			 "\"permits\":%zu,\"practice\":%zu,\"checked\":%zu,\"not_checkable\":%zu,"
			 "\"rules\":%zu}}\n",
		      t.total, t.by[0], t.by[1], t.by[2], t.by[3], t.checked, t.unchecked, o->nrules);
}

/* Markdown cells: no raw pipes or line breaks. */
static void md_cell(dz_buf *b, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '|')
			dz_buf_puts(b, "\\|");
		else if (*s == '\n')
			dz_buf_putc(b, ' ');
		else
			dz_buf_putc(b, *s);
	}
}

static void md_out(const dossier_outline *o, dz_buf *b)
{
	size_t i, j, k;
	tally t;
	count(o, NULL, &t);
	dz_buf_printf(b, "## %s — %s（%s）\n\n", o->id, o->source_title ? o->source_title : "",
		      o->source_doc ? o->source_doc : "");
	dz_buf_printf(b, "%zu obligations: %zu required (error), %zu recommended (warning), "
			 "%zu permitted (info), %zu evaluation practice (warning); %zu enforced by "
			 "%zu rules, %zu not checkable by a tool.\n\n",
		      t.total, t.by[0], t.by[1], t.by[2], t.by[3], t.checked, o->nrules, t.unchecked);
	dz_buf_puts(b, "### Stages\n\n| stage | title | article | from → to | documents |\n|---|---|---|---|---|\n");
	for (i = 0; i < o->nstages; i++) {
		const dz_stage *st = &o->stages[i];
		dz_buf_printf(b, "| `%s` | %s | %s | %s → %s | ", st->id, st->title, st->article,
			      st->from, st->to);
		for (j = 0; j < st->ndocs; j++)
			dz_buf_printf(b, "%s`%s`", j ? ", " : "", st->docs[j]);
		dz_buf_puts(b, " |\n");
	}
	dz_buf_puts(b, "\n### Documents and sections\n\n");
	for (i = 0; i < o->ndocs; i++) {
		const dz_odoc *d = &o->docs[i];
		dz_buf_printf(b, "- `%s` %s (%s; %s)", d->id, d->title, d->kind, d->article);
		if (d->nsec) {
			dz_buf_puts(b, ":");
			for (j = d->first_sec; j < d->first_sec + d->nsec; j++) {
				const dz_osection *s = &o->secs[j];
				dz_buf_printf(b, "\n  - `%s` %s%s%s%s", s->id, s->number ? s->number : "",
					      s->number && *s->number ? "、" : "", s->title,
					      s->required ? "" : " (optional)");
				for (k = 0; k < s->nitems; k++)
					dz_buf_printf(b, "%s%s", k ? "; " : " [", s->items[k].title);
				if (s->nitems)
					dz_buf_puts(b, "]");
			}
		} else if (d->nfield) {
			dz_buf_printf(b, ": %zu fields", d->nfield);
		}
		dz_buf_putc(b, '\n');
	}
	dz_buf_puts(b, "\n### Obligations\n\n| id | article | quote | stages | owed by | strength | enforced by |\n"
		       "|---|---|---|---|---|---|---|\n");
	for (i = 0; i < o->nobs; i++) {
		const dz_oblig *ob = &o->obs[i];
		dz_buf_printf(b, "| %s | %s | ", ob->id, ob->article ? ob->article : "—");
		md_cell(b, ob->quote ? ob->quote : ob->source);
		dz_buf_puts(b, " | ");
		{
			dz_buf sb = DZ_BUF_INIT;
			stages_of(o, ob, &sb, 1, "、");
			md_cell(b, dz_buf_cstr(&sb));
			dz_buf_dispose(&sb);
		}
		dz_buf_puts(b, " | ");
		md_cell(b, ob->actor);
		if (ob->to) {
			dz_buf_puts(b, " → ");
			md_cell(b, ob->to);
		}
		dz_buf_printf(b, " | %s | ", strength_id(ob->strength));
		if (ob->nrules)
			rules_of(o, ob, b, ", ");
		else {
			dz_buf_puts(b, "not checkable: ");
			md_cell(b, ob->unchecked ? ob->unchecked : "");
		}
		if (ob->note) {
			dz_buf_puts(b, "<br>note: ");
			md_cell(b, ob->note);
		}
		dz_buf_puts(b, " |\n");
	}
	dz_buf_putc(b, '\n');
}

int dossier_outline_explain(const dossier_outline *o, dossier_explain_format fmt, int zh,
			    const char *stage, char **out)
{
	dz_buf b = DZ_BUF_INIT;
	*out = NULL;
	if (stage && !dz_outline_stage(o, stage))
		return dz_errf(DOSSIER_EUSAGE, o->path, 0, 0, "dossier explain 方案 列出各阶段。",
			       "dossier explain SCHEME lists the stages.",
			       "方案没有阶段 %s", "the scheme has no stage %s", stage);
	if (fmt == DOSSIER_EXPLAIN_JSON)
		json_out(o, stage, &b);
	else if (fmt == DOSSIER_EXPLAIN_MARKDOWN)
		md_out(o, &b);
	else
		text_out(o, stage, zh, &b);
	if (b.oom) {
		dz_buf_dispose(&b);
		return dz_err(DOSSIER_ENOMEM, "", 0, 0, "内存不足", "out of memory", "", "");
	}
	*out = dz_buf_detach(&b);
	return *out ? 0 : DOSSIER_ENOMEM;
}

/* ---------- verification against the text ---------- */

/* The text, normalised for searching: no white space, no Markdown marks,
 * no page numbers ("— 4 —") or running heads, ASCII punctuation made
 * full-width, so the same words compare equal however the text was typed
 * or converted. */
static char *normalise(const char *s, size_t len)
{
	static const char *const drop[] = {"国家发展和改革委员会行政规范性文件"};
	static const struct { const char *from, *to; } map[] = {
		{"(", "（"}, {")", "）"}, {",", "，"}, {";", "；"}, {":", "："},
		{"\xE3\x80\x80", ""},
	};
	dz_buf b = DZ_BUF_INIT;
	size_t i = 0, k;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		int done = 0;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '*' || c == '#' ||
		    c == '>' || c == '\\' || c == '[' || c == ']' || c == '`') {
			i++;
			continue;
		}
		if (c == '-' && i + 2 < len && s[i + 1] == '-' && s[i + 2] == '-') {
			while (i < len && s[i] == '-')
				i++;
			continue;
		}
		/* a page number: — digits — (with any spaces) */
		if (i + 3 <= len && !memcmp(s + i, "—", 3)) {
			size_t j = i + 3;
			int digits = 0;
			while (j < len && (s[j] == ' ' || (s[j] >= '0' && s[j] <= '9'))) {
				digits += s[j] != ' ';
				j++;
			}
			if (digits && j + 3 <= len && !strncmp(s + j, "—", 3)) {
				i = j + 3;
				continue;
			}
		}
		for (k = 0; k < sizeof drop / sizeof drop[0] && !done; k++) {
			size_t dl = strlen(drop[k]);
			if (i + dl <= len && !memcmp(s + i, drop[k], dl)) {
				i += dl;
				done = 1;
			}
		}
		for (k = 0; k < sizeof map / sizeof map[0] && !done; k++) {
			size_t fl = strlen(map[k].from);
			if (i + fl <= len && !memcmp(s + i, map[k].from, fl)) {
				dz_buf_puts(&b, map[k].to);
				i += fl;
				done = 1;
			}
		}
		if (!done)
			dz_buf_putc(&b, s[i++]);
	}
	if (!b.len)
		dz_buf_puts(&b, "");
	return b.oom ? (dz_buf_dispose(&b), NULL) : dz_buf_detach(&b);
}

/* Chinese numeral for n (1..199). */
static void cn_numeral(int n, char *buf, size_t len)
{
	static const char *const d[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
	char t[64] = "";
	if (n >= 100) {
		snprintf(t, sizeof t, "%s百", n / 100 > 1 ? d[n / 100] : "一");
		n %= 100;
		if (n && n < 10)
			strncat(t, "零", sizeof t - strlen(t) - 1);
		if (n >= 10 && n < 20) {
			strncat(t, "一十", sizeof t - strlen(t) - 1);
			n -= 10;
		}
	}
	if (n >= 20) {
		strncat(t, d[n / 10], sizeof t - strlen(t) - 1);
		strncat(t, "十", sizeof t - strlen(t) - 1);
	} else if (n >= 10) {
		strncat(t, "十", sizeof t - strlen(t) - 1);
	}
	strncat(t, d[n % 10], sizeof t - strlen(t) - 1);
	snprintf(buf, len, "%s", t);
}

typedef struct {
	const char *start, *end;
} span;

/* Find the units of the text in order: "第一条", "第二条"… (or "一、", "二、"
 * for a text numbered by parts), each searched after the previous one, and
 * the annex after the last. */
static size_t find_units(const char *t, int parts, span *u, size_t max, span *annex)
{
	const char *p = t;
	size_t n = 0;
	char key[48], num[32];
	annex->start = annex->end = NULL;
	for (;;) {
		const char *hit;
		cn_numeral((int)n + 1, num, sizeof num);
		snprintf(key, sizeof key, parts ? "%s、" : "第%s条", num);
		hit = strstr(p, key);
		if (!hit || n >= max)
			break;
		if (n)
			u[n - 1].end = hit;
		u[n].start = hit;
		u[n].end = t + strlen(t);
		n++;
		p = hit + strlen(key);
	}
	if (n) {
		/* the annex follows the last unit: its first "附件" after the
		 * unit's closing sentence (a unit's own text may say "附件") */
		const char *close = strstr(u[n - 1].start, "。");
		const char *a = close ? strstr(close, "附件") : NULL;
		if (a) {
			annex->start = a;
			annex->end = t + strlen(t);
			u[n - 1].end = a;
		}
	}
	return n;
}

static int has_label(const char *a, const char *b, int n, int digits)
{
	char key[48], num[32];
	size_t kl;
	const char *p;
	if (digits)
		snprintf(key, sizeof key, "%d.", n);
	else {
		cn_numeral(n, num, sizeof num);
		snprintf(key, sizeof key, "（%s）", num);
	}
	kl = strlen(key);
	p = strstr(a, key);
	return p && p + kl <= b;
}

static int in_span(const span *s, const char *needle)
{
	size_t nl = strlen(needle);
	const char *p;
	if (!s->start || !nl)
		return 0;
	p = strstr(s->start, needle); /* the first hit: later ones are further */
	return p && p + nl <= s->end;
}

int dossier_outline_verify_text(const dossier_outline *o, const char *text, size_t len,
				int zh, char **report, size_t *problems)
{
	dz_buf b = DZ_BUF_INIT;
	char *t = normalise(text, len);
	span units[400], annex;
	size_t nu, i, k, bad = 0;
	int parts = 0;
	*report = NULL;
	*problems = 0;
	if (!t)
		return dz_err(DOSSIER_ENOMEM, "", 0, 0, "内存不足", "out of memory", "", "");
	for (i = 0; i < o->ntext; i++)
		parts |= o->text[i].kind == DZ_CITE_PART;
	nu = find_units(t, parts, units, sizeof units / sizeof units[0], &annex);
	/* every unit of the inventory exists in the text, and no more */
	for (i = 0; i < o->ntext; i++) {
		const dz_tpart *tp = &o->text[i];
		const span *sp = tp->kind == DZ_CITE_ANNEX ? &annex
			       : tp->n >= 1 && (size_t)tp->n <= nu ? &units[tp->n - 1] : NULL;
		int max = 0, digits = 0, n;
		if (!sp || !sp->start) {
			dz_buf_printf(&b, zh ? "%s:%d: 原文中找不到 %s%s\n" : "%s:%d: the text has no %s%s\n",
				      o->path, tp->line, tp->kind == DZ_CITE_ANNEX ? (zh ? "附件" : "annex ") : "",
				      tp->label ? tp->label : "");
			bad++;
			continue;
		}
		for (k = 0; k < tp->nitems; k++)
			if (tp->items[k] > max)
				max = tp->items[k];
		/* items numbered "1." in a text whose lists use digits */
		digits = tp->nitems && !has_label(sp->start, sp->end, tp->items[0], 0) &&
			 has_label(sp->start, sp->end, tp->items[0], 1);
		for (n = 1; n <= max + 1; n++) {
			int listed = 0, found;
			for (k = 0; k < tp->nitems; k++)
				listed |= tp->items[k] == n;
			if (tp->kind == DZ_CITE_ANNEX) {
				char key[48], num[32];
				span s2 = *sp;
				cn_numeral(n, num, sizeof num);
				snprintf(key, sizeof key, "%s、", num);
				found = in_span(&s2, key);
			} else {
				found = has_label(sp->start, sp->end, n, digits);
			}
			if (listed != found && (listed || n <= max || tp->nitems)) {
				dz_buf_printf(&b, zh ? "%s:%d: %s%s 的第 %d 项：提纲%s，原文%s\n"
						     : "%s:%d: %s%s item %d: the outline %s it, the text %s\n",
					      o->path, tp->line, tp->kind == DZ_CITE_ANNEX ? (zh ? "附件" : "annex ") : "",
					      tp->label ? tp->label : "", n,
					      listed ? (zh ? "列出" : "lists") : (zh ? "未列出" : "does not list"),
					      found ? (zh ? "有" : "has") : (zh ? "没有" : "has not"));
				bad++;
			}
		}
	}
	if (!parts && nu > 0) {
		size_t have = 0;
		for (i = 0; i < o->ntext; i++)
			have += o->text[i].kind == DZ_CITE_ARTICLE;
		if (have != nu) {
			dz_buf_printf(&b, zh ? "%s: 原文共 %zu 条，提纲的 <text> 列出 %zu 条\n"
					     : "%s: the text has %zu articles, the outline's <text> lists %zu\n",
				      o->path, nu, have);
			bad++;
		}
	}
	/* every quote is in (one of) the article(s) it cites */
	for (i = 0; i < o->nobs; i++) {
		const dz_oblig *ob = &o->obs[i];
		dz_cite c[16];
		size_t nc, j;
		char *q;
		int found = 0;
		if (!ob->quote || !ob->article || dz_cite_parse(ob->article, c, 16, &nc) != 0)
			continue;
		q = normalise(ob->quote, strlen(ob->quote));
		if (!q) {
			dz_buf_dispose(&b);
			dz_free(t);
			return dz_err(DOSSIER_ENOMEM, "", 0, 0, "内存不足", "out of memory", "", "");
		}
		for (j = 0; j < nc && j < 16 && !found; j++) {
			const span *sp = c[j].kind == DZ_CITE_ANNEX ? &annex
				       : c[j].n >= 1 && (size_t)c[j].n <= nu ? &units[c[j].n - 1] : NULL;
			found = sp && in_span(sp, q);
		}
		if (!found) {
			dz_buf_printf(&b, zh ? "%s:%d: 义务 %s 的引文不在 %s 中：“%s”\n"
					     : "%s:%d: the quote of obligation %s is not in %s: \"%s\"\n",
				      o->path, ob->line, ob->id, ob->article, ob->quote);
			bad++;
		}
		dz_free(q);
	}
	dz_buf_printf(&b, zh ? "%s：原文 %zu %s%s；核对 %zu 项编号与 %zu 条引文，问题 %zu 处\n"
			     : "%s: the text has %zu %s%s; checked %zu numbered units and %zu quotes, %zu problems\n",
		      o->id, nu, parts ? (zh ? "部分" : "parts") : (zh ? "条" : "articles"),
		      annex.start ? (zh ? "和附件" : " and an annex") : "", o->ntext, o->nobs, bad);
	dz_free(t);
	if (b.oom) {
		dz_buf_dispose(&b);
		return dz_err(DOSSIER_ENOMEM, "", 0, 0, "内存不足", "out of memory", "", "");
	}
	*report = dz_buf_detach(&b);
	*problems = bad;
	return 0;
}
