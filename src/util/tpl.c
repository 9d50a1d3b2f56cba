/*
 * tpl.c — find {{fig:ID}} and {{table:ID}} references in narrative text,
 * forgiving about braces, colons and spaces (see tpl.h).
 */
#include <string.h>
#include "tpl.h"

/* One brace at p: "{" or "｛" (U+FF5B) opening, "}" or "｝" (U+FF5D)
 * closing. Its length in bytes, or 0. */
static size_t brace(const char *p, int open)
{
	if (*p == (open ? '{' : '}'))
		return 1;
	if ((unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBD &&
	    (unsigned char)p[2] == (open ? 0x9B : 0x9D))
		return 3;
	return 0;
}

static size_t pair(const char *p, int open)
{
	size_t a = brace(p, open), b;
	if (!a)
		return 0;
	b = brace(p + a, open);
	return b ? a + b : 0;
}

/* White space at p: ASCII, no-break space, ideographic space. */
static size_t space(const char *p)
{
	if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		return 1;
	if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
		return 2;
	if ((unsigned char)p[0] == 0xE3 && (unsigned char)p[1] == 0x80 && (unsigned char)p[2] == 0x80)
		return 3;
	return 0;
}

static size_t colon(const char *p)
{
	if (*p == ':')
		return 1;
	if ((unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBC && (unsigned char)p[2] == 0x9A)
		return 3;
	return 0;
}

/* Trim [*a, *b) of white space on both sides (valid UTF-8: the bytes
 * before a trailing A0 or 80 are checked whole). */
static void trim(const char **a, const char **b)
{
	size_t n;
	const unsigned char *e;
	while (*a < *b && (n = space(*a)) != 0 && *a + n <= *b)
		*a += n;
	while (*b > *a) {
		e = (const unsigned char *)*b;
		if (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r')
			*b -= 1;
		else if (*b - *a >= 2 && e[-2] == 0xC2 && e[-1] == 0xA0)
			*b -= 2;
		else if (*b - *a >= 3 && e[-3] == 0xE3 && e[-2] == 0x80 && e[-1] == 0x80)
			*b -= 3;
		else
			break;
	}
}

static int word_is(const char *a, size_t n, const char *w)
{
	size_t i;
	if (n != strlen(w))
		return 0;
	for (i = 0; i < n; i++) {
		char c = a[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != w[i])
			return 0;
	}
	return 1;
}

int dz_tpl_next(const char *s, dz_tpl *t)
{
	const char *p, *q;
	memset(t, 0, sizeof *t);
	for (p = s; *p; p++) {
		size_t o = pair(p, 1), c = 0;
		const char *body, *bend, *k, *kend, *id;
		if (!o)
			continue;
		body = p + o;
		for (q = body; *q; q++) {
			if ((c = pair(q, 0)) != 0 || pair(q, 1))
				break;
		}
		t->start = p;
		if (!c) {
			t->kind = DZ_TPL_UNCLOSED;
			t->end = p + o;
			t->body = body;
			t->body_len = (size_t)(q - body);
			return 1;
		}
		t->end = q + c;
		bend = q;
		trim(&body, &bend);
		t->body = body;
		t->body_len = (size_t)(bend - body);
		t->kind = DZ_TPL_UNKNOWN;
		/* KIND : ID */
		for (k = body; k < bend && !colon(k); k++)
			;
		if (k == bend)
			return 1;
		id = k + colon(k);
		kend = k;
		k = body;
		trim(&k, &kend);
		trim(&id, &bend);
		if (id == bend)
			return 1;
		t->id = id;
		t->id_len = (size_t)(bend - id);
		if (word_is(k, (size_t)(kend - k), "fig"))
			t->kind = DZ_TPL_FIG;
		else if (word_is(k, (size_t)(kend - k), "table"))
			t->kind = DZ_TPL_TABLE;
		return 1;
	}
	return 0;
}
