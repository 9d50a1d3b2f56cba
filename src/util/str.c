/*
 * str.c — small string helpers: comparisons, UTF-8 decoding and counting,
 * trimming (including the ideographic space U+3000 common in Chinese text).
 */
#include <string.h>
#include "util.h"

int dz_streq(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

int dz_startswith(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

int dz_endswith(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && memcmp(s + a - b, suffix, b) == 0;
}

int dz_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t c;
	int len, i;
	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	} else if ((s[0] & 0xE0) == 0xC0) {
		len = 2; c = s[0] & 0x1F;
	} else if ((s[0] & 0xF0) == 0xE0) {
		len = 3; c = s[0] & 0x0F;
	} else if ((s[0] & 0xF8) == 0xF0) {
		len = 4; c = s[0] & 0x07;
	} else {
		return 0;
	}
	if ((size_t)len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	/* reject overlong forms, surrogates and values past U+10FFFF */
	if ((len == 2 && c < 0x80) || (len == 3 && c < 0x800) ||
	    (len == 4 && c < 0x10000) || c > 0x10FFFF ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

static int is_space_cp(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	       c == '\f' || c == '\v' || c == 0x3000 || c == 0xA0;
}

size_t dz_utf8_count(const char *s, size_t n, int skip_space)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t count = 0, i = 0;
	while (i < n) {
		uint32_t c;
		int l = dz_utf8_decode(p + i, n - i, &c);
		if (l == 0) {
			i++;
			continue;
		}
		i += (size_t)l;
		if (!(skip_space && is_space_cp(c)))
			count++;
	}
	return count;
}

char *dz_trim(char *s)
{
	size_t n = strlen(s), start = 0, len0 = n;
	const unsigned char *u = (const unsigned char *)s;
	for (;;) {
		uint32_t c;
		int l = dz_utf8_decode(u + start, n - start, &c);
		if (l == 0 || !is_space_cp(c))
			break;
		start += (size_t)l;
	}
	while (n > start) {
		size_t k = n - 1;
		uint32_t c;
		int l;
		while (k > start && (u[k] & 0xC0) == 0x80)
			k--;
		l = dz_utf8_decode(u + k, n - k, &c);
		if (l == 0 || !is_space_cp(c))
			break;
		n = k;
	}
	if (start == 0 && n == len0)
		return s; /* nothing trimmed: leave s unwritten (it may be "") */
	memmove(s, s + start, n - start);
	s[n - start] = '\0';
	return s;
}
