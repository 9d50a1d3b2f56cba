/*
 * derived.c — the values dossier computes rather than reads: a derived
 * share of the data table ("field:a / field:b", e.g. 研发投入强度) and a
 * plan target's completion (actual / target), both in percent rounded half
 * away from zero to two decimals. The document model (doc/doc.c) prints
 * them and the XML writer writes them; a received evaluation-tables.xml
 * carries them, and check compares what it carries with the same
 * computation (CORE-DERIVED), so a table edited by hand cannot slip
 * through with a share that does not follow from its own figures.
 */
#include <stdio.h>
#include <string.h>
#include "util/util.h"
#include "check_int.h"

int dz_pct2(char *buf, size_t n, int64_t a, int64_t b)
{
	__extension__ typedef __int128 i128;
	i128 h;
	long long hh;
	if (b == 0)
		return 0;
	h = (i128)a * 10000 * 2 / b; /* half-hundredths, for rounding */
	hh = (long long)((h + (h >= 0 ? 1 : -1)) / 2);
	snprintf(buf, n, "%s%lld.%02lld", hh < 0 ? "-" : "",
		 (hh < 0 ? -hh : hh) / 100, (hh < 0 ? -hh : hh) % 100);
	return 1;
}

/* The unit of a value node: the nearest @unit of it or an ancestor, else
 * the field's. */
static const char *unit_of(xmlNodePtr n, const dz_field *f, char *buf, size_t len)
{
	xmlNodePtr e;
	for (e = n; e && e->type == XML_ELEMENT_NODE; e = e->parent) {
		xmlChar *u = xmlGetProp(e, BAD_CAST "unit");
		if (u) {
			snprintf(buf, len, "%s", (const char *)u);
			xmlFree(u);
			return buf;
		}
	}
	return f && f->unit ? f->unit : "";
}

/* The value of node n in canonical units: 1, or 0 if it has none. */
static int canon(xmlNodePtr n, const dz_field *f, dz_num *out)
{
	xmlChar *s;
	int64_t dec;
	char ubuf[32];
	int ok;
	if (!n)
		return 0;
	s = xmlNodeGetContent(n);
	ok = s && dz_dec_parse(&dec, (const char *)s) == 0 &&
	     dz_num_from(out, dec, unit_of(n, f, ubuf, sizeof ubuf)) == 0;
	xmlFree(s);
	return ok;
}

static int field_canon(const dossier_centre *c, const dz_field *f, dz_num *out)
{
	return canon(dz_child_with(dz_centre_child(c, "indicators"), "id", f->id), f, out);
}

int dz_derived_share(const dossier_centre *c, const dossier_outline *o,
		     const dz_field *f, char *buf, size_t n)
{
	char a[64], b[64];
	const dz_field *fa, *fb;
	dz_num na, nb;
	if (!f->derived || sscanf(f->derived, "field:%63s / field:%63s", a, b) != 2)
		return 0;
	fa = dz_outline_field(o, a);
	fb = dz_outline_field(o, b);
	return fa && fb && field_canon(c, fa, &na) && field_canon(c, fb, &nb) &&
	       dz_pct2(buf, n, na.v, nb.v);
}

int dz_plan_stage(const dossier_centre *c, const dossier_outline *o)
{
	const dz_stage *st = c->stage ? dz_outline_stage(o, c->stage) : NULL;
	return st && st->plan_targets;
}

int dz_target_completion(const dossier_centre *c, const dossier_outline *o,
			 xmlNodePtr target, char *buf, size_t n)
{
	xmlChar *fid = xmlGetProp(target, BAD_CAST "field");
	const dz_field *f = fid ? dz_outline_field(o, (const char *)fid) : NULL;
	dz_num want, have;
	int ok;
	xmlFree(fid);
	ok = f && !f->derived && !dz_plan_stage(c, o) && canon(target, f, &want) &&
	     field_canon(c, f, &have) && have.dim == want.dim &&
	     dz_pct2(buf, n, have.v, want.v);
	return ok;
}

/* ---------- what a received table says against the computation ---------- */

/* CORE-DERIVED: `what` (zh, en) is given as rv->value in the file, but
 * `formula` (zh, en) over the table's figures gives `want` (NULL: nothing
 * can be computed). */
static void mismatch(dz_ctx *x, const dz_received *rv, const char *what_zh,
		     const char *what_en, const char *formula_zh, const char *formula_en,
		     const char *want)
{
	char *zh, *en;
	const char *v = rv->value;
	if (want) {
		zh = dz_fmt("评估数据表中%s（%s）的计算值为 %s%%，按表中数据重新计算（%s）应为 %s%%",
			    what_zh, rv->field, v, formula_zh, want);
		en = dz_fmt("%s (%s) is %s%% in the table, but the table's own figures give %s%% (%s)",
			    what_en, rv->field, v, want, formula_en);
	} else {
		zh = dz_fmt("评估数据表中%s（%s）给出计算值 %s%%，但按表中数据无法计算（%s：缺少数据或除数为零）",
			    what_zh, rv->field, v, formula_zh);
		en = dz_fmt("%s (%s) is given as %s%% in the table, but the table's own figures give "
			    "none (%s: a value is missing or the divisor is zero)",
			    what_en, rv->field, v, formula_en);
	}
	dz_report_add_core(x->rep, DOSSIER_SEV_ERROR, "CORE-DERIVED", "tables.xsd", x->file,
			   rv->line, zh ? zh : "", en ? en : "",
			   "计算值由 dossier 从录入的数据得出，不能手改：核对录入的数据，再用 dossier render 重新生成该表。",
			   "Derived values follow from the entered figures and are never typed in: check the "
			   "entered figures and write the table again with dossier render.");
	dz_free(zh);
	dz_free(en);
}

/* Equal as decimals ("58.56" and "58.560" are the same value). */
static int same_value(const char *given, const char *want)
{
	int64_t a, b;
	return dz_dec_parse(&a, given) == 0 && dz_dec_parse(&b, want) == 0 && a == b;
}

static const char *label_en(const dz_field *f)
{
	return f->label_en && *f->label_en ? f->label_en : f->label;
}

void dz_check_derived(dz_ctx *x)
{
	size_t i;
	for (i = 0; i < x->c->nreceived; i++) {
		const dz_received *rv = &x->c->received[i];
		const dz_field *f = dz_outline_field(x->o, rv->field);
		char want[48], wzh[300], wen[300], fzh[300], fen[300];
		int have;
		if (!f)
			continue; /* an unknown field is CORE-FIELD's */
		if (rv->target >= 0) {
			xmlNodePtr ts = dz_centre_child(x->c, "targets"), t;
			int k = 0;
			for (t = ts ? ts->children : NULL; t; t = t->next)
				if (t->type == XML_ELEMENT_NODE && k++ == rv->target)
					break;
			have = t && dz_target_completion(x->c, x->o, t, want, sizeof want);
			if (have && same_value(rv->value, want))
				continue;
			snprintf(wzh, sizeof wzh, "“%s”的目标完成率", f->label);
			snprintf(wen, sizeof wen, "the completion of \"%s\"", label_en(f));
			snprintf(fzh, sizeof fzh, "完成值 / 目标值");
			snprintf(fen, sizeof fen, "actual / planned");
		} else {
			char a[64], b[64];
			const dz_field *fa, *fb;
			if (!f->derived)
				continue; /* entered, not derived: nothing to compare */
			have = dz_derived_share(x->c, x->o, f, want, sizeof want);
			if (have && same_value(rv->value, want))
				continue;
			snprintf(wzh, sizeof wzh, "“%s”", f->label);
			snprintf(wen, sizeof wen, "\"%s\"", label_en(f));
			if (sscanf(f->derived, "field:%63s / field:%63s", a, b) == 2 &&
			    (fa = dz_outline_field(x->o, a)) != NULL && (fb = dz_outline_field(x->o, b)) != NULL) {
				snprintf(fzh, sizeof fzh, "%s / %s", fa->label, fb->label);
				snprintf(fen, sizeof fen, "%s / %s", label_en(fa), label_en(fb));
			} else {
				snprintf(fzh, sizeof fzh, "%s", f->derived);
				snprintf(fen, sizeof fen, "%s", f->derived);
			}
		}
		mismatch(x, rv, wzh, wen, fzh, fen, have ? want : NULL);
	}
}
