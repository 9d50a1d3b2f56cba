/*
 * figures.c — the narrative and the data must agree (账表一致).
 *
 * Two rule kinds live here:
 *  - refs: every {{fig:ID}} names a field with a value, every {{table:ID}}
 *    a table of the outline and stands as a paragraph of its own, and
 *    nothing else hides in double braces (util/tpl.h: the same scanner
 *    the document model fills them in with);
 *  - figures: a number typed by hand right after an indicator's label
 *    ("研发经费支出8,560万元") must equal the value in the data table once
 *    both are in the same unit. Approximate wording (约, 超过, 近...) and
 *    numbers in another dimension (a share after a count's label) are left
 *    alone: only a claim of the exact figure is held to it.
 */
#include <string.h>
#include "util/util.h"
#include "util/tpl.h"
#include "check_int.h"
#include "operand.h"

static void ref_finding(dz_ctx *x, const dz_rule *r, const dz_section *s, int line,
			const char *ref, size_t len, const char *zh, const char *en)
{
	dz_vars vs = {0};
	char *file = dz_fmt("%s/%s", x->c->dir, s->path);
	char *text = dz_strndup(ref, len);
	dz_var(&vs, "ref", text ? text : "");
	dz_var2(&vs, "problem", zh, en);
	dz_report_add(x->rep, r, file ? file : s->path, line, NULL, &vs);
	dz_free(text);
	dz_free(file);
}

/* The references of one paragraph, heading or cell. `alone`: the text is a
 * paragraph of its own (where a table reference may stand). */
static void refs_in(dz_ctx *x, const dz_rule *r, const dz_section *s, const char *text,
		    int line, int alone)
{
	const char *t = text;
	dz_tpl tp;
	while (dz_tpl_next(t, &tp)) {
		char id[80] = "";
		const char *ref = tp.body;
		size_t rl = tp.body_len < 200 ? tp.body_len : 200;
		if (tp.id && tp.id_len < sizeof id) {
			memcpy(id, tp.id, tp.id_len);
			id[tp.id_len] = '\0';
		}
		if (tp.kind == DZ_TPL_UNCLOSED) {
			/* name where it starts: the opening braces and what follows */
			ref = tp.start;
			rl = (size_t)(tp.end - tp.start) + (tp.body_len < 40 ? tp.body_len : 40);
			while (rl > 0 && ((unsigned char)ref[rl] & 0xC0) == 0x80)
				rl--;
			ref_finding(x, r, s, line, ref, rl, "缺少结尾的两个右花括号",
				    "is not closed by two right braces");
		} else if (tp.kind == DZ_TPL_UNKNOWN) {
			ref_finding(x, r, s, line, ref, rl, "既不是 fig 引用也不是 table 引用（写作 fig:字段编号 或 table:表格编号，放在两层花括号内）",
				    "is neither a fig nor a table reference (write fig:FIELD or table:ID inside double braces)");
		} else if (tp.kind == DZ_TPL_FIG) {
			const dz_field *f = *id ? dz_outline_field(x->o, id) : NULL;
			if (!f)
				ref_finding(x, r, s, line, ref, rl, "引用了数据表中没有的字段",
					    "names no field of the data table");
			else if (!f->derived && !x->values[f - x->o->fields])
				ref_finding(x, r, s, line, ref, rl, "引用的字段在 centre.xml 中没有数值",
					    "names a field with no value in centre.xml");
		} else if (!*id || !dz_outline_table(x->o, id)) {
			ref_finding(x, r, s, line, ref, rl, "引用了提纲中没有的表格",
				    "names no table of the outline");
		} else if (!alone || tp.start != text || *tp.end) {
			ref_finding(x, r, s, line, ref, rl, "须单独成段（前后各空一行）",
				    "must stand as a paragraph of its own (blank lines around it)");
		}
		t = tp.end;
	}
}

void dz_rule_refs(dz_ctx *x, const dz_rule *r)
{
	size_t i, p;
	for (i = 0; i < x->c->nsecs; i++) {
		const dz_section *s = &x->c->secs[i];
		const dz_osection *os = dz_outline_section(x->o, s->id);
		if (!os || (r->document && strcmp(os->doc->id, r->document)))
			continue;
		for (p = 0; p < s->nheads; p++)
			refs_in(x, r, s, s->heads[p].text, s->heads[p].line, 0);
		for (p = 0; p < s->nparas; p++) {
			char *t = dz_strdup(s->paras[p].text);
			if (!t)
				return;
			refs_in(x, r, s, dz_trim(t), s->paras[p].line, s->paras[p].alone);
			dz_free(t);
		}
	}
}

/* ---------- hand-typed figures ---------- */

typedef struct {
	size_t start, end;   /* byte range of the label in the text */
	const dz_field *f;
} hit;

static int numeric(const dz_field *f)
{
	return f->type == DZ_T_MONEY || f->type == DZ_T_COUNT ||
	       f->type == DZ_T_AREA || f->type == DZ_T_SHARE || f->type == DZ_T_DECIMAL;
}

/* Words between a label and its figure that still make an exact claim. */
static const char *const joiners[] = {
	"为", "达", "达到", "共", "共计", "合计", "累计", "是", "：", ":", "计",
	"总计", "总额", "总数", "金额", "数", "人数", "额", "已", "实现", "完成", " ",
};
/* Words that make the figure approximate: never compared. */
static const char *const approx[] = {
	"约", "近", "超过", "逾", "以上", "不少于", "不低于", "左右", "余", "多",
	"大约", "接近", "超", "突破", "上下",
};

static size_t skip_joiners(const char *t)
{
	size_t off = 0, i;
	int moved = 1, rounds = 0;
	while (moved && rounds++ < 4) {
		moved = 0;
		for (i = 0; i < sizeof joiners / sizeof joiners[0]; i++) {
			size_t l = strlen(joiners[i]);
			if (!strncmp(t + off, joiners[i], l)) {
				off += l;
				moved = 1;
				break;
			}
		}
	}
	return off;
}

static int approximate_before(const char *t, size_t len)
{
	size_t i;
	for (i = 0; i < sizeof approx / sizeof approx[0]; i++) {
		const char *a = approx[i];
		const char *p = t;
		while ((p = strstr(p, a)) != NULL && (size_t)(p - t) < len)
			return 1;
	}
	return 0;
}

/* Units a figure may carry, longest first so "万元" wins over "元". */
static const char *const units[] = {
	"万平方米", "平方米", "百万元", "台套", "人月", "万元", "亿元", "千元",
	"元", "人", "名", "项", "件", "家", "个", "台", "套", "次", "篇", "%", "％", "㎡",
};

/* A whole number in Chinese numerals at t ("十七", "两百零三", "一万二千"):
 * bytes consumed, 0 if none. 万 counts as a multiplier only if no unit
 * starting with it ("万元", "万平方米") follows. */
static size_t chinese_number(const char *t, int64_t *out)
{
	static const struct { const char *s; int v; } d[] = {
		{"零", 0}, {"〇", 0}, {"一", 1}, {"二", 2}, {"两", 2}, {"三", 3}, {"四", 4},
		{"五", 5}, {"六", 6}, {"七", 7}, {"八", 8}, {"九", 9},
		{"十", 10}, {"百", 100}, {"千", 1000}, {"万", 10000},
	};
	int64_t total = 0, section = 0, cur = 0;
	size_t n = 0, i;
	int any = 0;
	for (;;) {
		int v = -1;
		for (i = 0; i < sizeof d / sizeof d[0]; i++)
			if (!strncmp(t + n, d[i].s, 3)) {
				v = d[i].v;
				break;
			}
		if (v < 0)
			break;
		if (v == 10000 && (!strncmp(t + n + 3, "元", 3) || !strncmp(t + n + 3, "平方米", 9)))
			break; /* 五万元: the unit is 万元 */
		n += 3;
		any = 1;
		if (v == 10000) {
			total += (section + cur) * 10000;
			section = cur = 0;
		} else if (v >= 10) {
			section += (cur ? cur : 1) * v;
			cur = 0;
		} else {
			cur = v;
		}
		if (total > 100000000)
			return 0;
	}
	if (!any)
		return 0;
	*out = (total + section + cur) * DZ_SCALE;
	return n;
}

/* Parse "8,560.5万元" (or "十七家") at t. Returns bytes consumed (0 if no
 * figure) and the value in canonical units with its dimension. */
static size_t parse_figure(const char *t, dz_num *out, int *approx_after, char *unit,
			   size_t ulen)
{
	char num[48];
	size_t n = 0, i, k;
	int64_t dec;
	while ((t[n] >= '0' && t[n] <= '9') || t[n] == ',' || t[n] == '.') {
		if (n >= sizeof num - 1)
			return 0;
		num[n] = t[n];
		n++;
	}
	while (n && (num[n - 1] == ',' || num[n - 1] == '.'))
		n--;
	if (!n) {
		if (!(n = chinese_number(t, &dec)))
			return 0;
	} else {
		if (!(num[0] >= '0' && num[0] <= '9'))
			return 0;
		num[n] = '\0';
		if (dz_dec_parse(&dec, num))
			return 0;
	}
	for (i = 0; i < sizeof units / sizeof units[0]; i++) {
		size_t l = strlen(units[i]);
		if (!strncmp(t + n, units[i], l)) {
			snprintf(unit, ulen, "%s", units[i]);
			if (dz_num_from(out, dec, units[i]))
				return 0;
			k = n + l;
			*approx_after = 0;
			for (i = 0; i < sizeof approx / sizeof approx[0]; i++)
				if (!strncmp(t + k, approx[i], strlen(approx[i])))
					*approx_after = 1;
			return k;
		}
	}
	return 0; /* a bare number: no unit, no claim we can check */
}

/* Does t[0..len) contain the string w? */
static int within(const char *t, size_t len, const char *w)
{
	size_t l = strlen(w), i;
	for (i = 0; i + l <= len; i++)
		if (!memcmp(t + i, w, l))
			return 1;
	return 0;
}

static int add_hit(hit **hits, size_t *n, size_t *cap, size_t start, size_t end,
		   const dz_field *f)
{
	if (dz_grow((void **)hits, cap, *n, sizeof **hits))
		return -1;
	(*hits)[*n].start = start;
	(*hits)[*n].end = end;
	(*hits)[*n].f = f;
	(*n)++;
	return 0;
}

static void scan_para(dz_ctx *x, const dz_rule *r, const dz_section *s, const dz_para *p)
{
	hit *hits = NULL;
	size_t nh = 0, cap = 0, i, j, a;
	const char *t = p->text;
	/* all label occurrences */
	for (i = 0; i < x->o->nfields; i++) {
		const dz_field *f = &x->o->fields[i];
		if (!numeric(f) || f->derived || !x->values[i])
			continue;
		for (a = 0; a <= f->naliases; a++) {
			const char *lab = a == 0 ? f->label : f->aliases[a - 1];
			const char *q = t;
			size_t l = strlen(lab);
			/* labels like "其中：发明专利授权数": match what follows "：" */
			const char *colon = strstr(lab, "：");
			if (colon && a == 0) {
				lab = colon + strlen("：");
				l = strlen(lab);
			}
			if (l == 0)
				continue;
			while ((q = strstr(q, lab)) != NULL) {
				if (add_hit(&hits, &nh, &cap, (size_t)(q - t), (size_t)(q - t) + l, f))
					goto done;
				q += l;
			}
		}
	}
	for (i = 0; i < nh; i++) {
		dz_num typed, data;
		char unit[16], du[32];
		int approx_after = 0, covered = 0;
		size_t off, used;
		/* a longer label covering this one wins (发明专利授权数 vs 专利授权数) */
		for (j = 0; j < nh && !covered; j++)
			covered = j != i && hits[j].start <= hits[i].start &&
				  hits[j].end >= hits[i].end &&
				  hits[j].end - hits[j].start > hits[i].end - hits[i].start;
		if (covered)
			continue;
		off = hits[i].end + skip_joiners(t + hits[i].end);
		if (approximate_before(t + hits[i].end, off - hits[i].end))
			continue;
		{
			/* "累计17家" of a field that is the period's figure is another
			 * number; "A与B合计X", "A与BX" give the sum, not B */
			const char *j0 = t + hits[i].end;
			size_t jl = off - hits[i].end, st = hits[i].start;
			int cumul = !hits[i].f->cumulative &&
				    (within(j0, jl, "累计") ||
				     (st >= 6 && !strncmp(t + st - 6, "累计", 6)));
			int summed = st >= 3 &&
				     (!strncmp(t + st - 3, "与", 3) || !strncmp(t + st - 3, "和", 3) ||
				      !strncmp(t + st - 3, "及", 3) || !strncmp(t + st - 3, "、", 3));
			if (cumul || summed)
				continue;
		}
		{
			/* "约" may sit between the joiners and the number */
			size_t k;
			int skip = 0;
			for (k = 0; k < sizeof approx / sizeof approx[0]; k++)
				if (!strncmp(t + off, approx[k], strlen(approx[k])))
					skip = 1;
			if (skip)
				continue;
		}
		used = parse_figure(t + off, &typed, &approx_after, unit, sizeof unit);
		if (!used || approx_after)
			continue;
		if (dz_node_num(x, x->values[hits[i].f - x->o->fields], &data, du, sizeof du) != 1)
			continue;
		if (typed.dim != data.dim && !(typed.dim == DZ_DIM_COUNT && data.dim == DZ_DIM_NONE))
			continue;
		if (typed.v != data.v) {
			dz_vars vs = {0};
			char tv[64], dv[64], *file;
			dz_num_format(tv, sizeof tv, typed.v, unit);
			dz_num_format(dv, sizeof dv, data.v, du);
			file = dz_fmt("%s/%s", x->c->dir, s->path);
			dz_var(&vs, "field", hits[i].f->id);
			dz_var2(&vs, "label", hits[i].f->label, hits[i].f->label_en);
			dz_var(&vs, "value", tv);
			dz_var(&vs, "expected", dv);
			dz_report_add(x->rep, r, file ? file : s->path, p->line, NULL, &vs);
			dz_free(file);
		}
	}
done:
	dz_free(hits);
}

void dz_rule_figures(dz_ctx *x, const dz_rule *r)
{
	size_t i, p;
	for (i = 0; i < x->c->nsecs; i++) {
		const dz_section *s = &x->c->secs[i];
		const dz_osection *os = dz_outline_section(x->o, s->id);
		if (!os || (r->document && strcmp(os->doc->id, r->document)))
			continue;
		for (p = 0; p < s->nparas; p++)
			scan_para(x, r, s, &s->paras[p]);
		for (p = 0; p < s->nrows; p++)
			scan_para(x, r, s, &s->rows[p]);
	}
}
