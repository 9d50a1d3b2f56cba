/*
 * num.c — exact decimals with units, ISO dates, and the GB 32100 check
 * character of the unified social credit code.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "util.h"
#include "num.h"

static const struct unit {
	const char *name;
	dz_dim dim;
	int64_t factor;
} units[] = {
	{"", DZ_DIM_NONE, 1},
	{"元", DZ_DIM_MONEY, 1},        {"千元", DZ_DIM_MONEY, 1000},
	{"万元", DZ_DIM_MONEY, 10000},  {"百万元", DZ_DIM_MONEY, 1000000},
	{"亿元", DZ_DIM_MONEY, 100000000},
	{"人", DZ_DIM_COUNT, 1}, {"名", DZ_DIM_COUNT, 1}, {"项", DZ_DIM_COUNT, 1},
	{"件", DZ_DIM_COUNT, 1}, {"家", DZ_DIM_COUNT, 1}, {"个", DZ_DIM_COUNT, 1},
	{"台套", DZ_DIM_COUNT, 1}, {"台", DZ_DIM_COUNT, 1}, {"套", DZ_DIM_COUNT, 1},
	{"次", DZ_DIM_COUNT, 1}, {"篇", DZ_DIM_COUNT, 1}, {"部", DZ_DIM_COUNT, 1},
	{"条", DZ_DIM_COUNT, 1}, {"批", DZ_DIM_COUNT, 1},
	{"人月", DZ_DIM_PERSONMONTH, 1},
	{"平方米", DZ_DIM_AREA, 1}, {"m²", DZ_DIM_AREA, 1}, {"m2", DZ_DIM_AREA, 1},
	{"㎡", DZ_DIM_AREA, 1}, {"万平方米", DZ_DIM_AREA, 10000},
	{"%", DZ_DIM_SHARE, 1}, {"％", DZ_DIM_SHARE, 1},
};

int dz_unit_lookup(const char *unit, dz_dim *dim, int64_t *factor)
{
	size_t i;
	if (!unit)
		unit = "";
	for (i = 0; i < sizeof units / sizeof units[0]; i++) {
		if (strcmp(units[i].name, unit) == 0) {
			*dim = units[i].dim;
			*factor = units[i].factor;
			return 1;
		}
	}
	return 0;
}

const char *dz_dim_name(dz_dim d, int zh)
{
	static const char *n[][2] = {{"数值", "number"}, {"金额", "money"},
				     {"数量", "count"},  {"面积", "area"},
				     {"比例", "share"},  {"人月", "person-months"}};
	return n[d][zh ? 0 : 1];
}

int dz_dec_parse(int64_t *out, const char *s)
{
	int neg = 0, digits = 0, frac = 0, seen_dot = 0;
	int64_t v = 0;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	if (*s == '-' || *s == '+')
		neg = (*s++ == '-');
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			if (seen_dot && ++frac > 6)
				return -3;
			if (v > (INT64_MAX - 9) / 10)
				return -2;
			v = v * 10 + (*s - '0');
			digits++;
		} else if (*s == ',' && !seen_dot && digits > 0) {
			continue;
		} else if (*s == '.' && !seen_dot) {
			seen_dot = 1;
		} else {
			break;
		}
	}
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	if (*s || digits == 0 || (seen_dot && frac == 0))
		return -1;
	for (; frac < 6; frac++) {
		if (v > INT64_MAX / 10)
			return -2;
		v *= 10;
	}
	*out = neg ? -v : v;
	return 0;
}

/* A digit at s, ASCII or full-width (U+FF10..FF19): its value and length. */
static int digit_at(const char *s, int *len)
{
	const unsigned char *u = (const unsigned char *)s;
	if (*u >= '0' && *u <= '9') {
		*len = 1;
		return *u - '0';
	}
	if (u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99) {
		*len = 3;
		return u[2] - 0x90;
	}
	return -1;
}

static int sep_at(const char *s, const char *ascii, const char *wide)
{
	if (*s == *ascii)
		return 1;
	return strncmp(s, wide, 3) == 0 ? 3 : 0;
}

static const char *skip_ws(const char *s)
{
	for (;;) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		else if (!strncmp(s, "\xE3\x80\x80", 3))
			s += 3;
		else
			return s;
	}
}

int dz_num_canon(const char *in, char *out, size_t n, char *unit, size_t un)
{
	const char *s = skip_ws(in), *end;
	size_t o = 0;
	int group = -1, ndig = 0, dot = 0, len, d;
	dz_dim dim;
	int64_t fac;
	char u[32];
	if (n < 2 || un < 1)
		return 0;
	if (*s == '-' || *s == '+' || !strncmp(s, "\xEF\xBC\x8D", 3)) { /* －U+FF0D */
		if (*s == '-' || *s == '\xEF')
			out[o++] = '-';
		s += *s == '\xEF' ? 3 : 1;
	}
	for (;;) {
		int k;
		if ((d = digit_at(s, &len)) >= 0) {
			if (o + 2 >= n)
				return 0;
			out[o++] = (char)('0' + d);
			s += len;
			ndig++;
			if (group >= 0 && !dot)
				group++;
		} else if (!dot && ndig && (k = sep_at(s, ",", "\xEF\xBC\x8C")) != 0) {
			/* a thousands separator: the group before it is complete */
			if ((group >= 0 && group != 3) || (group < 0 && ndig > 3))
				return 0;
			group = 0;
			s += k;
		} else if (!dot && ndig && (k = sep_at(s, ".", "\xEF\xBC\x8E")) != 0) {
			if (group >= 0 && group != 3)
				return 0;
			dot = 1;
			out[o++] = '.';
			s += k;
		} else {
			break;
		}
	}
	if (!ndig || (group >= 0 && !dot && group != 3) || out[o - 1] == '.')
		return 0;
	out[o] = '\0';
	s = skip_ws(s);
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r'))
		end--;
	if ((size_t)(end - s) >= sizeof u)
		return 0;
	memcpy(u, s, (size_t)(end - s));
	u[end - s] = '\0';
	if (!dz_unit_lookup(u, &dim, &fac))
		return 0;
	if (!strcmp(u, "％"))
		strcpy(u, "%");
	if (strlen(u) >= un)
		return 0;
	strcpy(unit, u);
	return 1;
}

int dz_num_from(dz_num *out, int64_t dec, const char *unit)
{
	dz_dim dim;
	int64_t f;
	if (!dz_unit_lookup(unit, &dim, &f))
		return -4;
	if (dec != 0 && (dec > INT64_MAX / f || dec < -INT64_MAX / f))
		return -2;
	out->v = dec * f;
	out->dim = dim;
	return 0;
}

int dz_num_parse_literal(dz_num *out, const char *s)
{
	char num[64];
	size_t i = 0;
	int64_t dec;
	int rc;
	while (s[i] && (strchr("0123456789.,-+ ", s[i]) != NULL) && i < sizeof num - 1) {
		num[i] = s[i];
		i++;
	}
	num[i] = '\0';
	if ((rc = dz_dec_parse(&dec, num)) != 0)
		return rc;
	return dz_num_from(out, dec, s + i);
}

void dz_num_format(char *buf, size_t n, int64_t v, const char *unit)
{
	dz_num_format_ex(buf, n, v, unit, 0, 1);
}

void dz_num_format_ex(char *buf, size_t n, int64_t v, const char *unit,
		      int min_dec, int unit_space)
{
	dz_dim dim;
	int64_t f = 1, scale, q, r;
	char digits[32], out[96];
	size_t len, i, o = 0;
	int neg = v < 0;
	if (!dz_unit_lookup(unit, &dim, &f))
		f = 1;
	scale = DZ_SCALE * f;
	q = v / scale;
	r = v % scale;
	if (neg) {
		q = -q;
		r = -r;
	}
	snprintf(digits, sizeof digits, "%lld", (long long)q);
	len = strlen(digits);
	if (neg)
		out[o++] = '-';
	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	if (r || min_dec > 0) {
		int dec = 0;
		out[o++] = '.';
		while ((r || dec < min_dec) && o < sizeof out - 24) {
			r *= 10;
			out[o++] = (char)('0' + r / scale);
			r %= scale;
			dec++;
		}
	}
	out[o] = '\0';
	snprintf(buf, n, "%s%s%s", out,
		 unit_space && unit && *unit && strcmp(unit, "%") ? " " : "",
		 unit ? unit : "");
}

int dz_ratio_cmp(int64_t a, int64_t b, int64_t c, int64_t d)
{
	__extension__ typedef __int128 i128;
	i128 l = (i128)a * d, r = (i128)c * b;
	return l < r ? -1 : l > r;
}

/* ---- dates: days from civil (H. Hinnant's algorithm, public domain) ---- */
static long days_from_civil(long y, int m, int d)
{
	long era, yoe, doy, doe;
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, long *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;
	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int month_days(long y, int m)
{
	static const int md[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : md[m - 1];
}

int dz_date_parse(long *days, const char *s)
{
	int y, m, d, n = 0;
	if (!s || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10)
		return -1;
	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 ||
	    d > month_days(y, m))
		return -1;
	*days = days_from_civil(y, m, d);
	return 0;
}

void dz_date_format(char *buf, size_t n, long days)
{
	long y;
	int m, d;
	civil_from_days(days, &y, &m, &d);
	snprintf(buf, n, "%04ld-%02d-%02d", y, m, d);
}

static int date_add1(long *out, long days, const char *dur);

static int month_days(long y, int m);
static void civil_from_days(long z, long *y, int *m, int *d);
static long days_from_civil(long y, int m, int d);

/* Several durations separated by spaces are applied in turn, and within
 * such a sequence a month's last day stays the last day of its month:
 * "-P1D P3Y" is the last day of a three-year period that starts on the
 * base day — 2025-12-31 from 2023-01-01, 2028-02-29 from 2025-03-01 (a
 * 28 February that ends its month), 2031-02-28 from 2028-02-29. */
int dz_date_add(long *out, long days, const char *dur)
{
	char tok[32];
	const char *p = dur;
	if (!p || !strchr(p, ' '))
		return date_add1(out, days, dur);
	*out = days;
	while (*p) {
		size_t n = strcspn(p, " ");
		if (n) {
			long y;
			int m, d, month_end;
			if (n >= sizeof tok)
				return -1;
			memcpy(tok, p, n);
			tok[n] = '\0';
			civil_from_days(*out, &y, &m, &d);
			month_end = d == month_days(y, m);
			if (date_add1(out, *out, tok) != 0)
				return -1;
			if (month_end && (strchr(tok, 'Y') || strchr(tok, 'M'))) {
				civil_from_days(*out, &y, &m, &d);
				*out = days_from_civil(y, m, month_days(y, m));
			}
		}
		p += n;
		while (*p == ' ')
			p++;
	}
	return 0;
}

static int date_add1(long *out, long days, const char *dur)
{
	long y, yy = 0, mm = 0, dd = 0, v;
	int m, d, neg = 0, any = 0;
	const char *p = dur;
	if (!p || !*p) {
		*out = days;
		return 0;
	}
	if (*p == '-') {
		neg = 1;
		p++;
	}
	if (*p++ != 'P')
		return -1;
	while (*p) {
		char *end;
		v = strtol(p, &end, 10);
		if (end == p || v < 0 || v > 10000)
			return -1;
		if (*end == 'Y') yy = v;
		else if (*end == 'M') mm = v;
		else if (*end == 'D') dd = v;
		else return -1;
		p = end + 1;
		any = 1;
	}
	if (!any)
		return -1;
	if (neg) {
		yy = -yy;
		mm = -mm;
		dd = -dd;
	}
	civil_from_days(days, &y, &m, &d);
	{
		long months = y * 12 + (m - 1) + yy * 12 + mm;
		y = months / 12;
		m = (int)(months % 12) + 1;
		if (d > month_days(y, m))
			d = month_days(y, m);
	}
	*out = days_from_civil(y, m, d) + dd;
	return 0;
}

long dz_date_today(void)
{
	return (long)(time(NULL) / 86400);
}

/* ---- numbers and dates as people type them ---- */

/* One code point of s as the ASCII character it stands for in a number or
 * a date (full-width forms, the minus sign, spaces of every width), or 0;
 * *len is set to its UTF-8 length (0 at the end or on invalid UTF-8). */
static char typed_char(const char *s, int *len)
{
	uint32_t c;
	*len = dz_utf8_decode((const unsigned char *)s, strlen(s), &c);
	if (*len == 0)
		return 0;
	if (c >= 0xFF10 && c <= 0xFF19)
		return (char)('0' + (c - 0xFF10));
	switch (c) {
	case 0xFF0E: return '.';
	case 0xFF0C: return ',';
	case 0xFF0D: case 0x2212: return '-';
	case 0xFF0B: return '+';
	case 0xFF0F: return '/';
	case 0x3000: case 0xA0: case 0x2009: case 0x202F: case '\t': return ' ';
	default: return c < 0x80 ? (char)c : 0;
	}
}

/* The characters of s as typed_char sees them, up to n-1 of them; pos[i]
 * is the byte offset of character i in s (pos[count] the end). Stops at the
 * first character that has no ASCII meaning. */
static size_t typed_prefix(const char *s, char *out, size_t *pos, size_t n)
{
	size_t k = 0, off = 0;
	while (k + 1 < n) {
		int len;
		char ch = typed_char(s + off, &len);
		if (!len || !ch)
			break;
		out[k] = ch;
		pos[k++] = off;
		off += (size_t)len;
	}
	out[k] = '\0';
	pos[k] = off;
	return k;
}

static int isdig(char c) { return c >= '0' && c <= '9'; }

int dz_num_normalise(char *num, size_t nn, char *unit, size_t un, const char *s)
{
	char t[96], out[96];
	size_t pos[96], k, i = 0, o = 0, digits = 0, first = 0;
	int grouped = 0, yuan = 0;
	const char *rest;
	k = typed_prefix(s, t, pos, sizeof t);
	while (i < k && t[i] == ' ')
		i++;
	/* a currency sign before the number stands for 元 */
	if (i == k && (!strncmp(s + pos[i], "¥", 2) || !strncmp(s + pos[i], "￥", 3))) {
		const char *after = s + pos[i] + (!strncmp(s + pos[i], "¥", 2) ? 2 : 3);
		k = typed_prefix(after, t, pos, sizeof t);
		s = after;
		i = 0;
		yuan = 1;
		while (i < k && t[i] == ' ')
			i++;
	}
	if (i < k && (t[i] == '-' || t[i] == '+')) {
		if (t[i] == '-')
			out[o++] = '-';
		i++;
	}
	while (i < k) {
		if (isdig(t[i])) {
			out[o++] = t[i++];
			digits++;
			first++;
			if (o + 2 >= sizeof out)
				return -2;
			continue;
		}
		/* a separator: exactly three digits follow, and no fourth */
		if ((t[i] == ',' || t[i] == ' ') && digits > 0 && i + 3 < k + 1 &&
		    i + 3 <= k && isdig(t[i + 1]) && isdig(t[i + 2]) && isdig(t[i + 3]) &&
		    (i + 4 >= k || !isdig(t[i + 4]))) {
			if (!grouped && first > 3)
				return -1; /* "1234,567" */
			if (grouped && first != 3)
				return -1;
			grouped = 1;
			first = 0;
			i++;
			continue;
		}
		if (t[i] == ',')
			return -1; /* "12,34": a decimal comma, or a typo */
		break;
	}
	if (grouped && first != 3)
		return -1;
	if (!digits)
		return -1;
	if (i < k && t[i] == '.') {
		size_t f = 0;
		out[o++] = '.';
		i++;
		while (i < k && isdig(t[i])) {
			out[o++] = t[i++];
			f++;
			if (o + 1 >= sizeof out)
				return -2;
		}
		if (!f)
			return -1;
	}
	out[o] = '\0';
	if (o + 1 > nn)
		return -2;
	memcpy(num, out, o + 1);
	rest = s + pos[i];
	{
		char *u = dz_strdup(rest);
		if (!u)
			return -2;
		dz_trim(u);
		if (yuan && *u) {
			dz_free(u);
			return -1; /* "¥12万元" */
		}
		if (strlen(yuan ? "元" : u) + 1 > un) {
			dz_free(u);
			return -2;
		}
		strcpy(unit, yuan ? "元" : u);
		dz_free(u);
	}
	return 0;
}

int dz_dec_convert(int64_t *out, int64_t v, const char *from, const char *to)
{
	__extension__ typedef __int128 i128;
	dz_dim d1, d2;
	int64_t f1, f2;
	i128 x;
	if (!dz_unit_lookup(from, &d1, &f1) || !dz_unit_lookup(to, &d2, &f2) ||
	    (d1 != d2 && d1 != DZ_DIM_NONE && d2 != DZ_DIM_NONE))
		return -1;
	x = (i128)v * f1;
	if (x % f2)
		return -3;
	x /= f2;
	if (x > INT64_MAX || x < -INT64_MAX)
		return -2;
	*out = (int64_t)x;
	return 0;
}

void dz_dec_format(char *buf, size_t n, int64_t v, int min_dec, int commas)
{
	char digits[32], out[64];
	size_t len, i, o = 0;
	uint64_t q, r;
	int dec = 0;
	if (v < 0)
		out[o++] = '-';
	q = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	r = q % DZ_SCALE;
	q /= DZ_SCALE;
	snprintf(digits, sizeof digits, "%llu", (unsigned long long)q);
	len = strlen(digits);
	for (i = 0; i < len; i++) {
		if (commas && i > 0 && (len - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	if (r || min_dec > 0) {
		out[o++] = '.';
		while ((r || dec < min_dec) && dec < 6) {
			r *= 10;
			out[o++] = (char)('0' + r / DZ_SCALE);
			r %= DZ_SCALE;
			dec++;
		}
	}
	out[o] = '\0';
	snprintf(buf, n, "%s", out);
}

int dz_date_parse_loose(long *days, int *iso, const char *s)
{
	char t[48];
	size_t pos[48], k, i = 0, f;
	long part[3];
	int np = 0, cjk = 0;
	char sep = 0;
	char *copy = dz_strdup(s ? s : "");
	const char *p;
	if (!copy)
		return -1;
	dz_trim(copy);
	/* 年 月 日 as separators: rewrite them to '-' before reading */
	{
		dz_buf b = DZ_BUF_INIT;
		for (p = copy; *p;) {
			if (!strncmp(p, "年", 3) || !strncmp(p, "月", 3)) {
				dz_buf_putc(&b, '-');
				p += 3;
				cjk = 1;
			} else if (!strncmp(p, "日", 3) || !strncmp(p, "号", 3)) {
				p += 3;
				if (*p)
					break; /* something after 日 */
				cjk = 2;
			} else {
				dz_buf_putc(&b, *p++);
			}
		}
		if (*p || b.oom) {
			dz_buf_dispose(&b);
			dz_free(copy);
			return -1;
		}
		dz_free(copy);
		copy = dz_buf_detach(&b);
		if (!copy)
			return -1;
	}
	k = typed_prefix(copy, t, pos, sizeof t);
	if (pos[k] != strlen(copy)) {
		dz_free(copy);
		return -1;
	}
	dz_free(copy);
	while (np < 3) {
		f = 0;
		part[np] = 0;
		while (i < k && t[i] == ' ')
			i++;
		while (i < k && isdig(t[i]) && f < 5) {
			part[np] = part[np] * 10 + (t[i++] - '0');
			f++;
		}
		if (!f || (np == 0 && f != 4) || (np > 0 && f > 2))
			return -1;
		while (i < k && t[i] == ' ')
			i++;
		np++;
		if (np == 3)
			break;
		if (i >= k || (t[i] != '-' && t[i] != '/' && t[i] != '.'))
			return -1;
		if (sep && t[i] != sep)
			return -1;
		sep = t[i++];
		if (cjk && sep != '-')
			return -1;
	}
	if (i != k)
		return -1;
	{
		char isobuf[16];
		snprintf(isobuf, sizeof isobuf, "%04ld-%02ld-%02ld", part[0], part[1], part[2]);
		if (dz_date_parse(days, isobuf))
			return -1;
		if (iso)
			*iso = !cjk && sep == '-' && s && strlen(s) == 10 && !strcmp(s, isobuf);
	}
	return 0;
}

int dz_uscc_valid(const char *s)
{
	static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	static const int w[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20,
				  29, 25, 13, 8, 24, 10, 30, 28};
	int i, sum = 0, check;
	if (!s || strlen(s) != 18)
		return 0;
	for (i = 0; i < 17; i++) {
		const char *p = strchr(alphabet, s[i]);
		if (!p || !s[i])
			return 0;
		sum += (int)(p - alphabet) * w[i];
	}
	check = (31 - sum % 31) % 31;
	return s[17] == alphabet[check];
}
