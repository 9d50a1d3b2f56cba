/*
 * review.c — the review report (审核意见, review.h): its model, filled from
 * checked centres and unreadable inputs, and its document for the layout
 * engine: a cover, the contents, 一、审核汇总 with one row per input, then a
 * chapter per input with its findings grouped by outline document and
 * section (GB/T 9704 headings 一、（一）1.), or the reason it could not be
 * read. The HTML writer (render/html.c) reads the same model.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "util/util.h"
#include "model.h"
#include "doc.h"
#include "review_int.h"

/* ---------- words ---------- */

const char *dz_review_status_id(int status)
{
	return status == DZ_RV_COMPLETE ? "complete" : status == DZ_RV_INCOMPLETE ? "incomplete"
										   : "unreadable";
}

const char *dz_review_status(const dossier_review *rv, int status)
{
	return status == DZ_RV_COMPLETE ? DZ_RL(rv, "完整", "complete")
	       : status == DZ_RV_INCOMPLETE ? DZ_RL(rv, "不完整", "incomplete")
	       : DZ_RL(rv, "无法读取", "unreadable");
}

const char *dz_review_severity(const dossier_review *rv, dossier_severity s)
{
	return s == DOSSIER_SEV_ERROR ? DZ_RL(rv, "错误", "error")
	       : s == DOSSIER_SEV_WARNING ? DZ_RL(rv, "警告", "warning") : DZ_RL(rv, "提示", "info");
}

/* ---------- the model ---------- */

int dossier_review_new(dossier_review **out, const dossier_review_options *opts)
{
	dossier_review *rv;
	char buf[64];
	struct tm tm;
	time_t t;
	*out = NULL;
	rv = dz_calloc(1, sizeof *rv);
	if (!rv)
		return dz_err(DOSSIER_ENOMEM, "", 0, 0, "内存不足", "out of memory", "", "");
	rv->zh = opts ? opts->zh != 0 : 1;
	rv->created = opts ? opts->created : 0;
	t = (time_t)rv->created;
	gmtime_r(&t, &tm);
	if (rv->zh)
		snprintf(buf, sizeof buf, "%d年%d月%d日", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	else
		strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
	rv->date = dz_arena_strdup(&rv->arena, buf);
	rv->title = dz_arena_strdup(&rv->arena, opts && opts->title ? opts->title
					       : DZ_RL(rv, "审核意见", "Review report"));
	if (rv->arena.oom) {
		dossier_review_free(rv);
		return dz_err(DOSSIER_ENOMEM, "", 0, 0, "内存不足", "out of memory", "", "");
	}
	*out = rv;
	return 0;
}

void dossier_review_free(dossier_review *rv)
{
	if (!rv)
		return;
	dz_free(rv->c);
	dz_arena_dispose(&rv->arena);
	dz_free(rv);
}

size_t dossier_review_count(const dossier_review *rv)
{
	return rv ? rv->n : 0;
}

static const char *str(dossier_review *rv, const char *s)
{
	return dz_arena_strdup(&rv->arena, s ? s : "");
}

static dz_rcentre *new_centre(dossier_review *rv, const char *input)
{
	dz_rcentre *c;
	if (dz_grow((void **)&rv->c, &rv->cap, rv->n, sizeof *rv->c)) {
		rv->arena.oom = 1;
		return NULL;
	}
	c = &rv->c[rv->n];
	memset(c, 0, sizeof *c);
	c->input = str(rv, input);
	c->name = c->scheme = c->source = c->stage = c->stage_title = "";
	c->reason = c->reason_file = c->reason_msg = c->reason_fix = "";
	return c;
}

static int finish(dossier_review *rv)
{
	if (rv->arena.oom)
		return dz_err(DOSSIER_ENOMEM, "", 0, 0, "内存不足", "out of memory", "", "");
	rv->n++;
	return 0;
}

/* Where a finding sorts: its document in outline order (the centre's data
 * as a whole first), its section in outline order (the document as a
 * whole first), its severity, then as reported. */
typedef struct {
	size_t doc, sec, sev, i;
	const dossier_finding *f;
} fkey;

static int by_place(const void *a, const void *b)
{
	const fkey *x = a, *y = b;
	if (x->doc != y->doc)
		return x->doc < y->doc ? -1 : 1;
	if (x->sec != y->sec)
		return x->sec < y->sec ? -1 : 1;
	if (x->sev != y->sev)
		return x->sev < y->sev ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

static void fill_finding(dossier_review *rv, dz_rfinding *out, const dossier_finding *f)
{
	char line[32] = "";
	const char *q = f->quote ? f->quote : "";
	out->severity = f->severity;
	out->rule = str(rv, f->rule);
	out->article = str(rv, f->article);
	out->message = str(rv, DZ_RL(rv, f->msg_zh, f->msg_en));
	out->fix = str(rv, DZ_RL(rv, f->hint_zh, f->hint_en));
	out->xpath = str(rv, f->xpath);
	if (f->line > 0)
		snprintf(line, sizeof line, ":%d", f->line);
	out->file = f->file && *f->file ? dz_arena_strdup(&rv->arena, f->file) : "";
	if (*out->file && *line) {
		char *s = dz_fmt("%s%s", f->file, line);
		out->file = str(rv, s);
		dz_free(s);
		if (!s)
			rv->arena.oom = 1;
	}
	if (!*q) {
		out->basis = "";
	} else if (f->basis == DOSSIER_BASIS_PRACTICE) {
		out->basis = str(rv, q);
	} else {
		char *s = dz_fmt(DZ_RL(rv, "“%s”%s", "\u201c%s\u201d%s"), q,
				 f->basis == DOSSIER_BASIS_REQUIRES ? DZ_RL(rv, "（原文要求）", " (the text requires it)")
				 : f->basis == DOSSIER_BASIS_RECOMMENDS ? DZ_RL(rv, "（原文为倡导性规定）", " (the text recommends it)")
				 : DZ_RL(rv, "（原文允许）", " (the text permits it)"));
		out->basis = str(rv, s);
		if (!s)
			rv->arena.oom = 1;
		dz_free(s);
	}
}

static const char *doc_title(dossier_review *rv, const dossier_outline *o, const char *id)
{
	const dz_odoc *d = *id ? dz_outline_doc(o, id) : NULL;
	if (!*id)
		return DZ_RL(rv, "中心数据及报送信息", "The centre's data and submission");
	if (!d)
		return str(rv, id);
	return str(rv, rv->zh || !d->title_en ? d->title : d->title_en);
}

static const char *section_title(dossier_review *rv, const dossier_outline *o, const char *id)
{
	const dz_osection *s = dz_outline_section(o, id);
	char *t;
	const char *out;
	if (!s)
		return str(rv, id);
	if (rv->zh)
		t = dz_fmt("%s%s%s", s->number ? s->number : "", s->number && *s->number ? "、" : "",
			   s->title);
	else
		t = dz_fmt("%s", s->title_en ? s->title_en : s->title);
	out = str(rv, t);
	if (!t)
		rv->arena.oom = 1;
	dz_free(t);
	return out;
}

/* Group the sorted findings into documents and sections. */
static void group(dossier_review *rv, dz_rcentre *c, const dossier_outline *o,
		  const fkey *k, size_t n)
{
	size_t i = 0;
	c->docs = dz_arena_alloc(&rv->arena, (n + 1) * sizeof *c->docs);
	if (!c->docs)
		return;
	while (i < n && !rv->arena.oom) {
		dz_rdoc *d = &c->docs[c->ndocs++];
		size_t j = i;
		while (j < n && k[j].doc == k[i].doc)
			j++;
		d->document = str(rv, k[i].f->document);
		d->title = doc_title(rv, o, k[i].f->document);
		d->s = dz_arena_alloc(&rv->arena, (j - i + 1) * sizeof *d->s);
		if (!d->s)
			return;
		while (i < j) {
			dz_rsection *s = &d->s[d->n++];
			size_t m = i, x;
			while (m < j && k[m].sec == k[i].sec)
				m++;
			s->section = str(rv, k[i].f->section);
			s->title = *k[i].f->section ? section_title(rv, o, k[i].f->section) : "";
			s->f = dz_arena_alloc(&rv->arena, (m - i + 1) * sizeof *s->f);
			if (!s->f)
				return;
			for (x = i; x < m; x++)
				fill_finding(rv, &s->f[s->n++], k[x].f);
			i = m;
		}
	}
}

static size_t doc_rank(const dossier_outline *o, const char *id)
{
	const dz_odoc *d = *id ? dz_outline_doc(o, id) : NULL;
	return !*id ? 0 : d ? 1 + (size_t)(d - o->docs) : o->ndocs + 1;
}

static size_t sec_rank(const dossier_outline *o, const char *id)
{
	const dz_osection *s = *id ? dz_outline_section(o, id) : NULL;
	return !*id ? 0 : s ? 1 + (size_t)(s - o->secs) : o->nsecs + 1;
}

int dossier_review_add(dossier_review *rv, const char *input, const dossier_centre *centre,
		       const dossier_outline *o, const dossier_report *r)
{
	dz_rcentre *c = new_centre(rv, input);
	const dz_stage *st;
	size_t i, n = dossier_report_count(r);
	fkey *k;
	if (!c)
		return finish(rv);
	c->name = str(rv, dossier_centre_name(centre));
	c->scheme = str(rv, dossier_centre_scheme(centre));
	c->source = str(rv, dossier_outline_source(o));
	c->stage = str(rv, *dossier_report_stage(r) ? dossier_report_stage(r)
						     : dossier_centre_stage(centre));
	st = dz_outline_stage(o, c->stage);
	c->stage_title = st ? str(rv, rv->zh || !st->title_en ? st->title : st->title_en) : "";
	c->errors = dossier_report_count_sev(r, DOSSIER_SEV_ERROR);
	c->warnings = dossier_report_count_sev(r, DOSSIER_SEV_WARNING);
	c->infos = dossier_report_count_sev(r, DOSSIER_SEV_INFO);
	c->status = c->errors ? DZ_RV_INCOMPLETE : DZ_RV_COMPLETE;
	k = dz_calloc(n + 1, sizeof *k);
	if (!k) {
		rv->arena.oom = 1;
		return finish(rv);
	}
	for (i = 0; i < n; i++) {
		const dossier_finding *f = dossier_report_get(r, i);
		k[i].f = f;
		k[i].doc = doc_rank(o, f->document ? f->document : "");
		k[i].sec = sec_rank(o, f->section ? f->section : "");
		k[i].sev = (size_t)f->severity;
		k[i].i = i;
	}
	dz_sort(k, n, sizeof *k, by_place); /* keys are distinct: the order is total */
	group(rv, c, o, k, n);
	dz_free(k);
	return finish(rv);
}

int dossier_review_add_unreadable(dossier_review *rv, const char *input, const char *reason,
				  const dossier_error *why)
{
	dz_rcentre *c = new_centre(rv, input);
	if (!c)
		return finish(rv);
	c->status = DZ_RV_UNREADABLE;
	c->reason = str(rv, reason);
	if (why) {
		c->reason_file = str(rv, why->file);
		c->reason_line = why->line;
		c->reason_col = why->column;
		c->reason_msg = str(rv, DZ_RL(rv, why->msg_zh, why->msg_en));
		c->reason_fix = str(rv, DZ_RL(rv, why->hint_zh, why->hint_en));
	}
	return finish(rv);
}

/* ---------- the document ---------- */

typedef struct {
	dossier_doc *d;
	const dossier_review *rv;
	dz_block *v;          /* blocks so far */
	size_t n, cap;
	dz_run *runs;         /* runs of the block being made */
	size_t nruns, rcap;
} rb;

static void run(rb *b, int style, const char *text)
{
	if (dz_grow((void **)&b->runs, &b->rcap, b->nruns, sizeof *b->runs)) {
		b->d->arena.oom = 1;
		return;
	}
	b->runs[b->nruns].style = style;
	b->runs[b->nruns].text = dz_arena_strdup(&b->d->arena, text ? text : "");
	b->runs[b->nruns].ref = NULL;
	b->nruns++;
}

static void runf(rb *b, int style, const char *fmt, const char *a, const char *c)
{
	char *s = dz_fmt(fmt, a, c);
	if (!s)
		b->d->arena.oom = 1;
	run(b, style, s ? s : "");
	dz_free(s);
}

/* The runs collected so far, into the arena. */
static void take(rb *b, dz_run **runs, size_t *n)
{
	*runs = dz_arena_alloc(&b->d->arena, (b->nruns + 1) * sizeof **runs);
	if (*runs && b->nruns)
		memcpy(*runs, b->runs, b->nruns * sizeof **runs);
	*n = *runs ? b->nruns : 0;
	b->nruns = 0;
}

static dz_block *block(rb *b, dz_bkind kind)
{
	dz_block *k;
	if (dz_grow((void **)&b->v, &b->cap, b->n, sizeof *b->v)) {
		b->d->arena.oom = 1;
		b->nruns = 0;
		return NULL;
	}
	k = &b->v[b->n++];
	memset(k, 0, sizeof *k);
	k->kind = kind;
	if (kind == DZ_B_HEADING || kind == DZ_B_PARA)
		take(b, &k->runs, &k->nruns);
	return k;
}

/* 1 → 一, 12 → 十二, 105 → 一百零五 (up to 9999; above, Arabic). */
void dz_cn_number(char *buf, size_t len, size_t n)
{
	static const char *const dig[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
	static const char *const unit[] = {"千", "百", "十", ""};
	size_t p[4], i;
	int started = 0, zero = 0;
	buf[0] = '\0';
	if (n == 0 || n > 9999) {
		snprintf(buf, len, "%zu", n);
		return;
	}
	p[0] = n / 1000;
	p[1] = n / 100 % 10;
	p[2] = n / 10 % 10;
	p[3] = n % 10;
	for (i = 0; i < 4; i++) {
		if (!p[i]) {
			zero = started;
			continue;
		}
		if (zero)
			strncat(buf, "零", len - strlen(buf) - 1);
		zero = 0;
		/* 十二, not 一十二, when 十 leads */
		if (!(i == 2 && p[i] == 1 && !started))
			strncat(buf, dig[p[i]], len - strlen(buf) - 1);
		strncat(buf, unit[i], len - strlen(buf) - 1);
		started = 1;
	}
}

/* A heading of `level` numbered n: 一、 （一） 1. in Chinese; 1. 1.1 in English. */
static void heading(rb *b, int level, size_t n, const size_t *parents, const char *title)
{
	char num[48], text[600];
	dz_block *k;
	if (b->rv->zh) {
		char cn[40];
		dz_cn_number(cn, sizeof cn, n);
		if (level == 1)
			snprintf(num, sizeof num, "%s、", cn);
		else if (level == 2)
			snprintf(num, sizeof num, "（%s）", cn);
		else
			snprintf(num, sizeof num, "%zu. ", n);
	} else if (level == 1) {
		snprintf(num, sizeof num, "%zu. ", n);
	} else if (level == 2) {
		snprintf(num, sizeof num, "%zu.%zu ", parents[0], n);
	} else {
		snprintf(num, sizeof num, "%zu.%zu.%zu ", parents[0], parents[1], n);
	}
	snprintf(text, sizeof text, "%s%s", num, title);
	run(b, 0, text);
	k = block(b, DZ_B_HEADING);
	if (k)
		k->level = level;
}

static void para(rb *b)
{
	block(b, DZ_B_PARA);
}

static void cell(rb *b, dz_cell *c, const char *text, int numeric)
{
	c->runs = dz_arena_alloc(&b->d->arena, sizeof *c->runs);
	if (!c->runs)
		return;
	c->runs[0].text = dz_arena_strdup(&b->d->arena, text ? text : "");
	c->nruns = 1;
	c->numeric = numeric;
}

static void summary_table(rb *b)
{
	const dossier_review *rv = b->rv;
	const char *head[7];
	static const int al[] = {DZ_AL_CENTER, DZ_AL_LEFT, DZ_AL_LEFT, DZ_AL_LEFT, DZ_AL_CENTER,
				 DZ_AL_RIGHT, DZ_AL_RIGHT};
	dz_block *k = block(b, DZ_B_TABLE);
	size_t r, c;
	head[0] = DZ_RL(rv, "序号", "No.");
	head[1] = DZ_RL(rv, "中心", "Centre");
	head[2] = DZ_RL(rv, "方案", "Scheme");
	head[3] = DZ_RL(rv, "阶段", "Stage");
	head[4] = DZ_RL(rv, "状态", "Status");
	head[5] = DZ_RL(rv, "错误", "Errors");
	head[6] = DZ_RL(rv, "警告", "Warnings");
	if (!k)
		return;
	k->caption = DZ_RL(rv, "审核汇总", "Summary");
	k->table_id = "review-summary";
	k->ncols = 7;
	k->nhead = 1;
	k->nrows = 1 + rv->n;
	k->cells = dz_arena_alloc(&b->d->arena, (k->nrows * k->ncols + 1) * sizeof *k->cells);
	k->align = dz_arena_alloc(&b->d->arena, k->ncols * sizeof *k->align);
	if (!k->cells || !k->align)
		return;
	for (c = 0; c < 7; c++) {
		cell(b, &k->cells[c], head[c], 0);
		k->align[c] = al[c];
	}
	for (r = 0; r < rv->n; r++) {
		const dz_rcentre *x = &rv->c[r];
		dz_cell *row = &k->cells[(r + 1) * 7];
		char num[24], e[24], w[24];
		char *who = dz_fmt("%s%s%s%s", x->name, *x->name ? DZ_RL(rv, "（", " (") : "", x->input,
				   *x->name ? DZ_RL(rv, "）", ")") : "");
		snprintf(num, sizeof num, "%zu", r + 1);
		snprintf(e, sizeof e, "%zu", x->errors);
		snprintf(w, sizeof w, "%zu", x->warnings);
		cell(b, &row[0], num, 0);
		cell(b, &row[1], who ? who : x->input, 0);
		dz_free(who);
		cell(b, &row[2], *x->scheme ? x->scheme : "—", 0);
		cell(b, &row[3], *x->stage ? x->stage : "—", 0);
		cell(b, &row[4], dz_review_status(rv, x->status), 0);
		cell(b, &row[5], x->status == DZ_RV_UNREADABLE ? "—" : e, x->status != DZ_RV_UNREADABLE);
		cell(b, &row[6], x->status == DZ_RV_UNREADABLE ? "—" : w, x->status != DZ_RV_UNREADABLE);
	}
}

/* A finding as paragraphs (GB/T 9704: each indented, none spaced):
 * severity, rule and article; the message; its basis; where; the fix. */
static void finding_paras(rb *b, const dz_rfinding *f)
{
	const dossier_review *rv = b->rv;
	runf(b, DZ_S_BOLD, DZ_RL(rv, "【%s】%s", "[%s] %s"), dz_review_severity(rv, f->severity), f->rule);
	if (*f->article)
		runf(b, 0, DZ_RL(rv, "　%s%s", "  %s%s"), f->article, "");
	para(b);
	run(b, 0, f->message);
	para(b);
	if (*f->basis) {
		runf(b, 0, "%s%s", DZ_RL(rv, "依据：", "Basis: "), f->basis);
		para(b);
	}
	if (*f->file) {
		runf(b, 0, "%s%s", DZ_RL(rv, "位置：", "Place: "), f->file);
		para(b);
	}
	if (*f->xpath) {
		runf(b, 0, "%s%s", DZ_RL(rv, "节点：", "Node: "), f->xpath);
		para(b);
	}
	if (*f->fix) {
		runf(b, 0, "%s%s", DZ_RL(rv, "修改：", "Fix: "), f->fix);
		para(b);
	}
}

/* One line of facts about an input: "label：value（extra）". */
static void fact(rb *b, const char *label, const char *value, const char *extra)
{
	const dossier_review *rv = b->rv;
	runf(b, 0, "%s%s", label, value);
	if (extra && *extra)
		runf(b, 0, DZ_RL(rv, "（%s）%s", " (%s)%s"), extra, "");
	para(b);
}

static void centre_chapter(rb *b, const dz_rcentre *c, size_t no)
{
	const dossier_review *rv = b->rv;
	size_t i, j, m, parents[2];
	char buf[200];
	heading(b, 1, no, NULL, *c->name ? c->name : c->input);
	parents[0] = no;
	fact(b, DZ_RL(rv, "材料：", "Input: "), c->input, NULL);
	if (c->status != DZ_RV_UNREADABLE) {
		fact(b, DZ_RL(rv, "方案：", "Scheme: "), c->scheme, c->source);
		fact(b, DZ_RL(rv, "阶段：", "Stage: "), *c->stage ? c->stage : "—", c->stage_title);
	}
	if (c->status == DZ_RV_UNREADABLE)
		snprintf(buf, sizeof buf, "%s", dz_review_status(rv, c->status));
	else if (rv->zh)
		snprintf(buf, sizeof buf, "%s；错误 %zu 个，警告 %zu 个，提示 %zu 个",
			 dz_review_status(rv, c->status), c->errors, c->warnings, c->infos);
	else
		snprintf(buf, sizeof buf, "%s; %zu errors, %zu warnings, %zu notes",
			 dz_review_status(rv, c->status), c->errors, c->warnings, c->infos);
	fact(b, DZ_RL(rv, "状态：", "Status: "), buf, NULL);
	if (c->status == DZ_RV_UNREADABLE) {
		runf(b, DZ_S_BOLD, "%s%s", DZ_RL(rv, "无法读取：", "Cannot be read: "), "");
		run(b, 0, c->reason_msg);
		para(b);
		if (*c->reason_file) {
			char loc[64] = "";
			char *p;
			if (c->reason_line > 0 && c->reason_col > 0)
				snprintf(loc, sizeof loc, ":%d:%d", c->reason_line, c->reason_col);
			else if (c->reason_line > 0)
				snprintf(loc, sizeof loc, ":%d", c->reason_line);
			p = dz_fmt("%s%s", c->reason_file, loc);
			if (!p)
				b->d->arena.oom = 1;
			fact(b, DZ_RL(rv, "位置：", "Place: "), p ? p : c->reason_file, NULL);
			dz_free(p);
		}
		fact(b, DZ_RL(rv, "原因编号：", "Reason: "), c->reason, NULL);
		if (*c->reason_fix)
			fact(b, DZ_RL(rv, "处理：", "What to do: "), c->reason_fix, NULL);
		return;
	}
	if (!c->ndocs) {
		run(b, 0, DZ_RL(rv, "未发现问题。", "No findings."));
		para(b);
		return;
	}
	for (i = 0; i < c->ndocs && !b->d->arena.oom; i++) {
		const dz_rdoc *d = &c->docs[i];
		size_t sub = 0;
		heading(b, 2, i + 1, parents, d->title);
		parents[1] = i + 1;
		for (j = 0; j < d->n; j++) {
			const dz_rsection *s = &d->s[j];
			if (*s->section)
				heading(b, 3, ++sub, parents, s->title);
			for (m = 0; m < s->n; m++)
				finding_paras(b, &s->f[m]);
		}
	}
}

int dossier_review_doc(dossier_doc **out, const dossier_review *rv)
{
	dossier_doc *d;
	rb b;
	size_t i, nc[3] = {0, 0, 0};
	const char **cover;
	char line[300];
	*out = NULL;
	d = dz_calloc(1, sizeof *d);
	if (!d)
		return dz_err(DOSSIER_ENOMEM, "", 0, 0, "内存不足", "out of memory", "", "");
	memset(&b, 0, sizeof b);
	b.d = d;
	b.rv = rv;
	for (i = 0; i < rv->n; i++)
		nc[rv->c[i].status]++;
	d->kind = "review";
	d->output = "review";
	d->title = rv->title;
	d->title_en = rv->title;
	snprintf(line, sizeof line, rv->zh ? "关于%zu份创新中心报送材料的" : "%zu dossiers of innovation centres",
		 rv->n);
	d->centre = dz_arena_strdup(&d->arena, line);
	d->centre_en = d->centre;
	d->host = d->supervisor = d->scheme_id = d->scheme_doc = "";
	d->scheme_title = rv->title;
	d->host_term = d->period = d->report_year = d->stage = d->stage_title = "";
	d->period_start = d->period_end = d->field = d->category = d->legal_form = "";
	d->status = d->co_supervisor = d->director = "";
	d->host_unit.name = d->host_unit.uscc = d->host_unit.type = "";
	d->host_unit.province = d->host_unit.role = d->host_unit.substantive = "";
	d->date = rv->date;
	d->date_iso = "";
	/* the cover: what was reviewed, the outcome, when and by what */
	cover = dz_arena_alloc(&d->arena, 4 * sizeof *cover);
	if (cover) {
		snprintf(line, sizeof line, rv->zh ? "审核范围：%zu 份材料" : "Reviewed: %zu dossiers", rv->n);
		cover[0] = dz_arena_strdup(&d->arena, line);
		snprintf(line, sizeof line, rv->zh ? "审核结果：完整 %zu，不完整 %zu，无法读取 %zu"
						  : "Outcome: %zu complete, %zu incomplete, %zu unreadable",
			 nc[0], nc[1], nc[2]);
		cover[1] = dz_arena_strdup(&d->arena, line);
		snprintf(line, sizeof line, "%s%s", DZ_RL(rv, "生成日期：", "Date: "), rv->date);
		cover[2] = dz_arena_strdup(&d->arena, line);
		cover[3] = DZ_RL(rv, "生成工具：dossier " DOSSIER_VERSION, "Made by: dossier " DOSSIER_VERSION);
		d->cover_lines = cover;
		d->ncover_lines = 4;
	}
	/* in English: the contents and the captions too (NULL: the style's) */
	d->toc_title = DZ_RL(rv, NULL, "Contents");
	d->caption_format = DZ_RL(rv, NULL, "Table %d  ");
	/* 一、审核汇总 */
	heading(&b, 1, 1, NULL, DZ_RL(rv, "审核汇总", "Summary"));
	snprintf(line, sizeof line, rv->zh ? "共审核 %zu 份材料：完整 %zu 份，不完整 %zu 份，无法读取 %zu 份。"
					  : "%zu dossiers reviewed: %zu complete, %zu incomplete, %zu unreadable.",
		 rv->n, nc[0], nc[1], nc[2]);
	run(&b, 0, line);
	para(&b);
	summary_table(&b);
	for (i = 0; i < rv->n && !d->arena.oom; i++)
		centre_chapter(&b, &rv->c[i], i + 2);
	d->blocks = dz_arena_alloc(&d->arena, (b.n + 1) * sizeof *d->blocks);
	if (d->blocks && b.n)
		memcpy(d->blocks, b.v, b.n * sizeof *d->blocks);
	d->nblocks = d->blocks ? b.n : 0;
	dz_free(b.v);
	dz_free(b.runs);
	if (d->arena.oom) {
		dossier_doc_free(d);
		return dz_err(DOSSIER_ENOMEM, "", 0, 0, "内存不足", "out of memory", "", "");
	}
	*out = d;
	return 0;
}
