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

int dz_num_normalise(const char *in, char *out, size_t n, char *unit, size_t un)
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

int dz_date_add(long *out, long days, const char *dur)
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
