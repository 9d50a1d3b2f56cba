/*
 * cite.c — citations of a policy text ("第十八条第二款", "第五条（三）",
 * "附件第四部分", "六（四）") parsed into numbers, so an outline can be checked
 * against the text's own numbering (its <text> inventory) at load time.
 *
 * Grammar of one citation (several are separated by "、", "，" or ";"):
 *
 *   第N条 [第N款] [ITEM] [NOTE]     an article of a text numbered by articles
 *   N [ITEM] [NOTE]                 a part of a text numbered "一、二、…"
 *   附件 [第N部分 | N] [ITEM] [NOTE] the annex, or a part of its outline
 *   ITEM = （N） | (N) | 第N项       an enumerated item (项)
 *   NOTE = （text that is not a number）   kept for display, not checked
 *
 * N is a Chinese numeral (一 … 九十九, 百) or ASCII digits.
 */
#include <string.h>
#include "util/util.h"
#include "check_int.h"

/* One code point of a Chinese numeral: its value, 10 or 100 for the
 * multipliers, -1 if not a numeral character. */
static int cn_digit(uint32_t cp)
{
	static const struct { uint32_t cp; int v; } t[] = {
		{0x96F6, 0}, {0x3007, 0}, {0x4E00, 1}, {0x4E8C, 2}, {0x4E24, 2},
		{0x4E09, 3}, {0x56DB, 4}, {0x4E94, 5}, {0x516D, 6}, {0x4E03, 7},
		{0x516B, 8}, {0x4E5D, 9}, {0x5341, 10}, {0x767E, 100},
	};
	size_t i;
	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		if (t[i].cp == cp)
			return t[i].v;
	return -1;
}

static int next_cp(const char **p, uint32_t *cp)
{
	size_t n = strlen(*p);
	int len = n ? dz_utf8_decode((const unsigned char *)*p, n, cp) : 0;
	if (len <= 0)
		return 0;
	*p += len;
	return 1;
}

static int peek_cp(const char *p, uint32_t *cp)
{
	return next_cp(&p, cp);
}

/* A number at *p (Chinese or ASCII); advances *p. 0 if none. */
int dz_cite_number(const char **p, int *out)
{
	const char *s = *p;
	uint32_t cp;
	int total = 0, cur = 0, any = 0;
	if (*s >= '0' && *s <= '9') {
		long v = 0;
		while (*s >= '0' && *s <= '9' && v < 100000)
			v = v * 10 + (*s++ - '0');
		*out = (int)v;
		*p = s;
		return 1;
	}
	for (;;) {
		const char *q = s;
		int d;
		if (!next_cp(&q, &cp) || (d = cn_digit(cp)) < 0)
			break;
		s = q;
		any = 1;
		if (d == 10 || d == 100) {
			total += (cur ? cur : 1) * d;
			cur = 0;
		} else {
			cur = cur * 10 + d;
		}
		if (total + cur > 100000)
			return 0;
	}
	if (!any)
		return 0;
	*out = total + cur;
	*p = s;
	return 1;
}

/* Consume the literal UTF-8 string `lit` at *p. */
static int eat(const char **p, const char *lit)
{
	size_t n = strlen(lit);
	if (strncmp(*p, lit, n) != 0)
		return 0;
	*p += n;
	return 1;
}

static void skip_space(const char **p)
{
	for (;;) {
		if (**p == ' ' || **p == '\t')
			(*p)++;
		else if (!eat(p, "\xE3\x80\x80")) /* U+3000 */
			return;
	}
}

/* "（N）", "(N)" or "第N项"; 0 if not an item at *p. */
static int item(const char **p, int *n)
{
	const char *s = *p;
	if (eat(&s, "（") || eat(&s, "(")) {
		if (dz_cite_number(&s, n) && (eat(&s, "）") || eat(&s, ")"))) {
			*p = s;
			return 1;
		}
		return 0;
	}
	if (eat(&s, "第") && dz_cite_number(&s, n) && eat(&s, "项")) {
		*p = s;
		return 1;
	}
	return 0;
}

/* A parenthesised note that is not an item: "（提纲参照1747号附件）". */
static int note(const char **p)
{
	const char *s = *p;
	int depth = 0;
	uint32_t cp;
	if (!(eat(&s, "（") || eat(&s, "(")))
		return 0;
	depth = 1;
	while (*s && depth) {
		if (eat(&s, "（") || eat(&s, "("))
			depth++;
		else if (eat(&s, "）") || eat(&s, ")"))
			depth--;
		else if (!next_cp(&s, &cp))
			return 0;
	}
	if (depth)
		return 0;
	*p = s;
	return 1;
}

static int separator(const char **p)
{
	skip_space(p);
	if (!**p)
		return 1;
	if (eat(p, "、") || eat(p, "，") || eat(p, ",") || eat(p, "；") || eat(p, ";")) {
		skip_space(p);
		return 1;
	}
	return 0;
}

int dz_cite_parse(const char *s, dz_cite *out, size_t max, size_t *count)
{
	const char *p = s;
	size_t n = 0;
	*count = 0;
	skip_space(&p);
	if (!*p)
		return -1;
	while (*p) {
		dz_cite c;
		const char *start = p;
		memset(&c, 0, sizeof c);
		if (eat(&p, "第")) {
			if (!dz_cite_number(&p, &c.n) || !eat(&p, "条"))
				return -1;
			c.kind = DZ_CITE_ARTICLE;
			{
				const char *q = p;
				if (eat(&q, "第") && dz_cite_number(&q, &c.para) && eat(&q, "款"))
					p = q;
				else
					c.para = 0;
			}
		} else if (eat(&p, "附件")) {
			const char *q;
			c.kind = DZ_CITE_ANNEX;
			skip_space(&p);
			q = p;
			/* the annex's part (its Nth heading): 附件第四部分, or 附件四 */
			if (eat(&q, "第") && dz_cite_number(&q, &c.n) && eat(&q, "部分")) {
				p = q;
			} else {
				c.n = 0;
				dz_cite_number(&p, &c.n);
				eat(&p, "、");
			}
		} else {
			uint32_t cp;
			if (!peek_cp(p, &cp) || (cn_digit(cp) < 0 && !(*p >= '0' && *p <= '9')))
				return -1;
			if (!dz_cite_number(&p, &c.n))
				return -1;
			c.kind = DZ_CITE_PART;
		}
		if (item(&p, &c.item) == 0)
			c.item = 0;
		while (note(&p))
			;
		if (c.n <= 0 && c.kind != DZ_CITE_ANNEX)
			return -1;
		if (p == start || !separator(&p))
			return -1;
		if (n < max)
			out[n] = c;
		n++;
	}
	*count = n;
	return n ? 0 : -1;
}

/* Does the inventory of outline `o` contain citation `c`? On failure *why
 * names what is missing (static strings, zh and en). */
int dz_cite_resolve(const dossier_outline *o, const dz_cite *c,
		    const char **why_zh, const char **why_en)
{
	size_t i;
	for (i = 0; i < o->ntext; i++) {
		const dz_tpart *t = &o->text[i];
		size_t k;
		if (t->kind != c->kind)
			continue;
		if (c->kind == DZ_CITE_ANNEX ? 0 : t->n != c->n)
			continue;
		if (c->kind == DZ_CITE_ANNEX && c->n) {
			/* 附件第N部分: the annex's Nth heading */
			for (k = 0; k < t->nitems; k++)
				if (t->items[k] == c->n)
					return 1;
			continue;
		}
		if (c->para > t->paras) {
			*why_zh = "该条没有这一款";
			*why_en = "the article has no such paragraph";
			return 0;
		}
		if (!c->item)
			return 1;
		for (k = 0; k < t->nitems; k++)
			if (t->items[k] == c->item)
				return 1;
		*why_zh = "该条没有这一项";
		*why_en = "the article has no such item";
		return 0;
	}
	*why_zh = c->kind == DZ_CITE_ANNEX ? "文本没有这一附件或附件项"
		: c->kind == DZ_CITE_PART ? "文本没有这一部分" : "文本没有这一条";
	*why_en = c->kind == DZ_CITE_ANNEX ? "the text has no such annex or annex item"
		: c->kind == DZ_CITE_PART ? "the text has no such part" : "the text has no such article";
	return 0;
}
