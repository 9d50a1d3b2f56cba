/*
 * buf.c — one growable byte buffer for the whole code base (cf. cmark's
 * cmark_strbuf, libgit2's git_str). An allocation failure is sticky: later
 * appends do nothing and return DOSSIER_ENOMEM, so callers may check once.
 */
#include <stdio.h>
#include <string.h>
#include "util.h"

int dz_buf_grow(dz_buf *b, size_t extra)
{
	size_t need, ncap;
	char *p;
	if (b->oom)
		return DOSSIER_ENOMEM;
	if (extra > SIZE_MAX - b->len - 1)
		goto fail;
	need = b->len + extra + 1;
	if (need <= b->cap)
		return 0;
	ncap = b->cap ? b->cap : 64;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2)
			goto fail;
		ncap *= 2;
	}
	p = dz_realloc(b->ptr, ncap);
	if (!p)
		goto fail;
	b->ptr = p;
	b->cap = ncap;
	return 0;
fail:
	b->oom = 1;
	return DOSSIER_ENOMEM;
}

int dz_buf_put(dz_buf *b, const char *s, size_t n)
{
	if (dz_buf_grow(b, n))
		return DOSSIER_ENOMEM;
	if (n)
		memcpy(b->ptr + b->len, s, n);
	b->len += n;
	b->ptr[b->len] = '\0';
	return 0;
}

int dz_buf_puts(dz_buf *b, const char *s) { return dz_buf_put(b, s, strlen(s)); }
int dz_buf_putc(dz_buf *b, char c) { return dz_buf_put(b, &c, 1); }

int dz_buf_printf(dz_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || dz_buf_grow(b, (size_t)n))
		return DOSSIER_ENOMEM;
	va_start(ap, fmt);
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

int dz_buf_put_json(dz_buf *b, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		switch (c) {
		case '"': dz_buf_puts(b, "\\\""); break;
		case '\\': dz_buf_puts(b, "\\\\"); break;
		case '\n': dz_buf_puts(b, "\\n"); break;
		case '\r': dz_buf_puts(b, "\\r"); break;
		case '\t': dz_buf_puts(b, "\\t"); break;
		default:
			if (c < 0x20)
				dz_buf_printf(b, "\\u%04x", c);
			else
				dz_buf_putc(b, (char)c);
		}
	}
	return b->oom ? DOSSIER_ENOMEM : 0;
}

const char *dz_buf_cstr(dz_buf *b)
{
	if (!b->ptr && dz_buf_grow(b, 0) == 0)
		b->ptr[0] = '\0';
	return b->ptr ? b->ptr : "";
}

char *dz_buf_detach(dz_buf *b)
{
	char *p;
	dz_buf_cstr(b);
	p = b->oom ? NULL : b->ptr;
	if (b->oom)
		dz_free(b->ptr);
	b->ptr = NULL;
	b->len = b->cap = 0;
	b->oom = 0;
	return p;
}

void dz_buf_dispose(dz_buf *b)
{
	dz_free(b->ptr);
	b->ptr = NULL;
	b->len = b->cap = 0;
	b->oom = 0;
}
