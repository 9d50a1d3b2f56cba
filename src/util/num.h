/*
 * num.h — exact decimal numbers with units, and calendar dates.
 *
 * Figures in a dossier are money, counts, areas and shares. They are kept as
 * 64-bit integers scaled by 10^6 in a canonical unit per dimension (money in
 * 元, area in m², shares in percent), so "8,560.50 万元" is held exactly and
 * sums and comparisons never meet binary floating point.
 */
#ifndef DOSSIER_NUM_H
#define DOSSIER_NUM_H
#include <stdint.h>
#include <stddef.h>

#define DZ_SCALE 1000000LL

typedef enum {
	DZ_DIM_NONE = 0, /* a plain number */
	DZ_DIM_MONEY,    /* canonical: 元 */
	DZ_DIM_COUNT,    /* persons, projects, items... */
	DZ_DIM_AREA,     /* canonical: m² */
	DZ_DIM_SHARE,    /* canonical: percent */
	DZ_DIM_PERSONMONTH
} dz_dim;

typedef struct {
	int64_t v; /* value in canonical unit, times DZ_SCALE */
	dz_dim dim;
} dz_num;

/* Look up a unit: fills dimension and factor (canonical units per unit).
 * Returns 0 if unknown. "" is a plain number. */
int dz_unit_lookup(const char *unit, dz_dim *dim, int64_t *factor);
const char *dz_dim_name(dz_dim d, int zh);

/* Parse a decimal ("-1,234.5") into v scaled by DZ_SCALE. Returns 0, or -1
 * if malformed, -2 on overflow, -3 if more than 6 decimals. */
int dz_dec_parse(int64_t *out, const char *s);

/* A number as people write it, in canonical form: "5,000.00" → "5000.00",
 * "１２３" (full-width) → "123", "1,234.5万元" → "1234.5" and unit "万元",
 * "12.5%" → "12.5" and "%". Thousands separators must group by three.
 * Returns 1 and fills out/unit if `in` is such a number, else 0. */
int dz_num_canon(const char *in, char *out, size_t n, char *unit, size_t un);

/* Parse "1000万元", "80%", "3" as a literal with unit. 0 or negative. */
int dz_num_parse_literal(dz_num *out, const char *s);

/* Scale a parsed decimal by a unit factor; -2 on overflow. */
int dz_num_from(dz_num *out, int64_t dec, const char *unit);

/* Format v (canonical, scaled) in `unit` exactly, with thousands commas;
 * writes at most n bytes. */
void dz_num_format(char *buf, size_t n, int64_t v, const char *unit);
/* The same with at least `min_dec` decimals, and a space before the unit
 * only if `unit_space` (Chinese text writes "186人", "8,560.50万元"). */
void dz_num_format_ex(char *buf, size_t n, int64_t v, const char *unit,
		      int min_dec, int unit_space);

/* Compare a*d with c*b exactly (128-bit): sign of a/b - c/d for b,d > 0. */
int dz_ratio_cmp(int64_t a, int64_t b, int64_t c, int64_t d);

/* ---- dates ---- */
/* Days since 1970-01-01 of an ISO date "YYYY-MM-DD" (optionally followed
 * by a time or zone, ignored). 0 on success, -1 if malformed. */
int dz_date_parse(long *days, const char *s);
void dz_date_format(char *buf, size_t n, long days);
/* Add an ISO-8601 duration "P3M", "P1Y", "-P1D", "P1Y6M" to a date (several,
 * separated by spaces, in turn: "-P1D P3Y"); month
 * arithmetic clamps to the month's last day. -1 if malformed. */
int dz_date_add(long *out, long days, const char *duration);
/* Today (UTC) as days since the epoch. */
long dz_date_today(void);

/* ---- numbers and dates as people type them (office files, forms) ---- */
/* Normalise a number as typed in Chinese office documents: full-width
 * digits, signs and points (０-９ ． － ＋), thousands separators ("," "，"
 * or spaces between groups of three), and a unit after it ("1,234.5万元",
 * "12.5%", "３６人"). Writes the plain decimal ("1234.5") to num (at most
 * nn bytes) and what follows the number, trimmed, to unit ("" if none).
 * Returns 0; -1 if there is no number or a separator is misplaced ("12,34"
 * is not a number: a comma there may be a decimal comma); -2 if it does not
 * fit. Whether the unit is known is the caller's question (dz_unit_lookup). */
int dz_num_normalise(char *num, size_t nn, char *unit, size_t un, const char *s);
/* Convert a decimal scaled by DZ_SCALE from unit `from` to unit `to` of the
 * same dimension, exactly: 0, -1 if the units are unknown or of different
 * dimensions, -2 on overflow, -3 if the result needs more than 6 decimals. */
int dz_dec_convert(int64_t *out, int64_t v, const char *from, const char *to);
/* Format a decimal scaled by DZ_SCALE with at least min_dec decimals (and
 * no more than needed beyond that), with thousands commas if `commas`. */
void dz_dec_format(char *buf, size_t n, int64_t v, int min_dec, int commas);
/* Parse a date as people write it: 2026-03-01, 2026-3-1, 2026/3/1,
 * 2026.3.1, 2026年3月1日 (full-width digits too, 日 optional). 0 with
 * *days set (and *iso 1 if it was already YYYY-MM-DD); -1 otherwise. */
int dz_date_parse_loose(long *days, int *iso, const char *s);

/* GB 32100-2015 unified social credit code: 1 if `s` is valid. */
int dz_uscc_valid(const char *s);

#endif
