/*
 * xlsx.c — read the sheets of a workbook (SpreadsheetML, ECMA-376 part 1
 * §18): names, cells with their type and value, merged ranges.
 *
 * The workbook, its relationships and its styles are small and parsed
 * whole; the shared strings and the sheets can be large and are streamed
 * with libxml2's reader, counting strings, cells and nesting as they come.
 * Values are what the cell holds as Excel shows it: a number as the 15
 * significant digits Excel displays, a date as ISO text (from a serial in
 * the 1900 system, Lotus's phantom 1900-02-29 included, or the 1904
 * system), a formula as its cached result, a string from the shared table
 * or inline (rich-text runs joined, phonetic runs left out, Excel's
 * _xHHHH_ escapes decoded).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/xmlreader.h>
#include "util/util.h"
#include "util/num.h"
#include "office_int.h"

#define MAX_ROWS 1048576u      /* Excel's own limits */
#define MAX_COLS 16384u
#define MAX_SHEETS 1000
#define MAX_MERGES 100000
#define MAX_STRING (128u << 10) /* 32767 characters of up to 4 bytes */

/* ---------- numbers, dates, formats ---------- */

void dz_xlsx_ref(char *buf, size_t n, uint32_t row, uint32_t col)
{
	char letters[8];
	int k = 0, i;
	uint32_t c = col + 1;
	while (c && k < 7) {
		letters[k++] = (char)('A' + (c - 1) % 26);
		c = (c - 1) / 26;
	}
	for (i = 0; i < k / 2; i++) {
		char t = letters[i];
		letters[i] = letters[k - 1 - i];
		letters[k - 1 - i] = t;
	}
	letters[k] = '\0';
	snprintf(buf, n, "%s%lu", letters, (unsigned long)row + 1);
}

/* "B7" → row 6, col 1; "$B$7" too. -1 if malformed or beyond Excel. */
static int parse_ref(const char *s, uint32_t *row, uint32_t *col)
{
	uint32_t c = 0, r = 0;
	int letters = 0, digits = 0;
	if (*s == '$')
		s++;
	while ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z')) {
		c = c * 26 + (uint32_t)((*s | 0x20) - 'a' + 1);
		if (++letters > 3)
			return -1;
		s++;
	}
	if (*s == '$')
		s++;
	while (*s >= '0' && *s <= '9') {
		r = r * 10 + (uint32_t)(*s - '0');
		if (++digits > 7)
			return -1;
		s++;
	}
	if (*s || !letters || !digits || c > MAX_COLS || r < 1 || r > MAX_ROWS)
		return -1;
	*row = r - 1;
	*col = c - 1;
	return 0;
}

int dz_xlsx_serial_days(long *days, double serial, int date1904)
{
	double f;
	long s;
	if (!isfinite(serial) || serial < 0 || serial > 2958466)
		return -1;
	f = floor(serial);
	s = (long)f;
	if (date1904) {
		*days = s - 24107;              /* serial 0 = 1904-01-01 */
	} else {
		if (s < 1 || s == 60)
			return -1;              /* 1900-01-00, 1900-02-29 */
		*days = s < 60 ? s - 25568      /* serial 1 = 1900-01-01 */
			       : s - 25569;     /* after Lotus's leap day */
	}
	return *days >= -25567 && *days <= 376199 ? 0 : -1; /* 1900..2999 */
}

double dz_xlsx_days_serial(long days, int date1904)
{
	if (date1904)
		return (double)(days + 24107);
	return (double)(days >= -25508 ? days + 25569 : days + 25568);
}

void dz_xlsx_num_text(char *buf, size_t n, double v)
{
	char t[64], digits[40], out[400];
	int exp10 = 0, nd = 0, o = 0, i, neg = 0, point;
	const char *p;
	if (!isfinite(v)) {
		snprintf(buf, n, "%s", "#NUM!");
		return;
	}
	snprintf(t, sizeof t, "%.15g", v);
	p = t;
	if (*p == '-') {
		neg = 1;
		p++;
	}
	/* mantissa digits and the position of the point */
	point = -1;
	for (; *p && *p != 'e'; p++) {
		if (*p == '.')
			point = nd;
		else if (nd < 38)
			digits[nd++] = *p;
	}
	if (point < 0)
		point = nd;
	if (*p == 'e')
		exp10 = atoi(p + 1);
	point += exp10;
	if (neg)
		out[o++] = '-';
	if (point <= 0) {
		out[o++] = '0';
		out[o++] = '.';
		for (i = 0; i < -point && o < 300; i++)
			out[o++] = '0';
		for (i = 0; i < nd; i++)
			out[o++] = digits[i];
	} else {
		for (i = 0; i < point && o < 390; i++)
			out[o++] = i < nd ? digits[i] : '0';
		if (nd > point) {
			out[o++] = '.';
			for (i = point; i < nd; i++)
				out[o++] = digits[i];
		}
	}
	out[o] = '\0';
	/* trailing zeros after the point, and the point itself */
	if (strchr(out, '.')) {
		while (o > 0 && out[o - 1] == '0')
			out[--o] = '\0';
		if (o > 0 && out[o - 1] == '.')
			out[--o] = '\0';
	}
	{
		const char *dot = strchr(out, '.');
		if (dot && strlen(dot + 1) > 6) {
			/* more than the 6 decimals dossier keeps: round there */
			snprintf(out, sizeof out, "%.6f", v);
			o = (int)strlen(out);
			while (o > 0 && out[o - 1] == '0')
				out[--o] = '\0';
			if (o > 0 && out[o - 1] == '.')
				out[--o] = '\0';
		}
	}
	if (!strcmp(out, "-0"))
		strcpy(out, "0");
	snprintf(buf, n, "%s", out);
}

void dz_numfmt_parse(dz_numfmt *f, const char *code)
{
	const char *p = code ? code : "";
	int in_frac = 0, placeholders = 0, ymd = 0, hs = 0, m = 0;
	memset(f, 0, sizeof *f);
	if (!strcmp(p, "General") || !*p)
		return;
	for (; *p && *p != ';'; p++) {
		char c = *p;
		if (c == '"') {
			p++;
			while (*p && *p != '"')
				p++;
			if (!*p)
				break;
			continue;
		}
		if (c == '\\' || c == '_' || c == '*') {
			if (p[1])
				p++;
			continue;
		}
		if (c == '[') {
			const char *e = strchr(p, ']');
			if (!e)
				break;
			if (p[1] == 'h' || p[1] == 'H' || p[1] == 's' || p[1] == 'S' ||
			    ((p[1] == 'm' || p[1] == 'M') && (p[2] == ']' || p[2] == 'm' || p[2] == 'M')))
				hs = 1; /* elapsed time [h]:mm */
			p = e;
			continue;
		}
		switch (c) {
		case 'y': case 'Y': case 'd': case 'D': case 'e': case 'g': case 'G':
			ymd = 1;
			break;
		case 'm': case 'M':
			m = 1;
			break;
		case 'h': case 'H': case 's': case 'S':
			hs = 1;
			break;
		case 'A': case 'a':
			if (!strncmp(p, "AM/PM", 5) || !strncmp(p, "am/pm", 5) || !strncmp(p, "A/P", 3))
				hs = 1;
			break;
		case '0': case '#': case '?':
			if (in_frac == 1)
				f->decimals++;
			placeholders++;
			break;
		case '.':
			in_frac = 1;
			break;
		case ',':
			if (placeholders && !in_frac && (p[1] == '0' || p[1] == '#' || p[1] == '?'))
				f->thousands = 1;
			break;
		case '%':
			f->percent = 1;
			break;
		case '@':
			f->text = 1;
			break;
		case 'E':
			if (p[1] == '+' || p[1] == '-')
				in_frac = 2; /* exponent digits are not decimals */
			break;
		default:
			break;
		}
	}
	if (ymd || (m && !hs))
		f->date = 1;
	if (hs)
		f->time = 1;
	if (f->date || f->time)
		f->decimals = f->thousands = f->percent = 0;
}

/* Built-in formats (ECMA-376-1 §18.8.30) that matter: numbers, and the
 * date ids, including those East Asian Excel maps to 年月日 forms. */
static const char *builtin_fmt(unsigned id)
{
	switch (id) {
	case 1: return "0";
	case 2: return "0.00";
	case 3: case 37: case 38: return "#,##0";
	case 4: case 39: case 40: return "#,##0.00";
	case 9: return "0%";
	case 10: return "0.00%";
	case 11: case 48: return "0.00E+00";
	case 14: case 15: case 16: case 17: return "yyyy-mm-dd";
	case 18: case 19: case 20: case 21: case 45: case 46: case 47: return "h:mm:ss";
	case 22: return "yyyy-mm-dd h:mm";
	case 49: return "@";
	default:
		if ((id >= 27 && id <= 36) || (id >= 50 && id <= 58))
			return "yyyy\"年\"m\"月\"d\"日\"";
		return "General";
	}
}

/* ---------- reading ---------- */

typedef struct {
	dz_opc *p;
	dz_xlsx *x;
	char **strings;
	size_t nstrings, capstrings;
	size_t cells;            /* in all sheets so far */
	const char *part;
	xmlTextReaderPtr rd;
	int rd_error_line;
	char rd_error[256];
	int rd_errors;
} ctx;

static void reader_error(void *arg, xmlErrorPtr e)
{
	ctx *c = arg;
	if (!e || c->rd_errors++)
		return;
	c->rd_error_line = e->line;
	snprintf(c->rd_error, sizeof c->rd_error, "%s", e->message ? e->message : "?");
	{
		size_t n = strlen(c->rd_error);
		while (n && (c->rd_error[n - 1] == '\n' || c->rd_error[n - 1] == ' '))
			c->rd_error[--n] = '\0';
	}
}

static int malformed(ctx *c, const char *zh, const char *en, int line)
{
	char *z = dz_fmt("%s：%s（第 %d 行）", c->part, zh, line);
	char *e = dz_fmt("%s: %s (line %d)", c->part, en, line);
	dz_err(DOSSIER_EPARSE, dz_opc_path(c->p), 0, 0, z ? z : zh, e ? e : en,
	       "该文件已损坏；请用 Excel、WPS 或 LibreOffice 重新保存。",
	       "The file is damaged; save it again from Excel, WPS or LibreOffice.");
	dz_free(z);
	dz_free(e);
	return DOSSIER_EPARSE;
}

static int reader_open(ctx *c, const char *part, char **buf)
{
	size_t len;
	int rc;
	c->part = part;
	c->rd_errors = 0;
	if ((rc = dz_opc_text(c->p, part, buf, &len)) != 0)
		return rc;
	dz_xml_init();
	c->rd = xmlReaderForMemory(*buf, (int)len, part, "UTF-8",
				   XML_PARSE_NONET | XML_PARSE_NOCDATA);
	if (!c->rd) {
		dz_free(*buf);
		*buf = NULL;
		return DOSSIER_ENOMEM;
	}
	xmlTextReaderSetStructuredErrorHandler(c->rd, reader_error, c);
	return 0;
}

/* One step of the reader: 1 a node, 0 the end, <0 an error (recorded). */
static int step(ctx *c)
{
	int r = xmlTextReaderRead(c->rd);
	int type;
	if (r < 0 || c->rd_errors) {
		char *z = dz_fmt("XML 格式错误：%s", c->rd_errors ? c->rd_error : "?");
		char *e = dz_fmt("malformed XML: %s", c->rd_errors ? c->rd_error : "?");
		malformed(c, z ? z : "XML 格式错误", e ? e : "malformed XML", c->rd_error_line);
		dz_free(z);
		dz_free(e);
		return DOSSIER_EPARSE;
	}
	if (r == 0)
		return 0;
	type = xmlTextReaderNodeType(c->rd);
	if (type == XML_READER_TYPE_DOCUMENT_TYPE)
		return malformed(c, "含有 DOCTYPE（DTD）声明，不予读取",
				 "holds a DOCTYPE (DTD) declaration, which is refused",
				 xmlTextReaderGetParserLineNumber(c->rd));
	if (type == XML_READER_TYPE_ELEMENT &&
	    (size_t)xmlTextReaderDepth(c->rd) + 1 > dz_opc_opts(c->p)->max_depth) {
		char *z = dz_fmt("XML 嵌套过深（第 %d 行）", xmlTextReaderGetParserLineNumber(c->rd));
		char *e = dz_fmt("XML nested too deeply (line %d)",
				 xmlTextReaderGetParserLineNumber(c->rd));
		dz_opc_limit(c->p, c->part, z ? z : "XML 嵌套过深", e ? e : "XML nested too deeply",
			     dz_opc_opts(c->p)->max_depth, "");
		dz_free(z);
		dz_free(e);
		return DOSSIER_ELIMIT;
	}
	return 1;
}

static void reader_close(ctx *c, char *buf)
{
	if (c->rd)
		xmlFreeTextReader(c->rd);
	c->rd = NULL;
	dz_free(buf);
}

static const char *lname(ctx *c)
{
	const xmlChar *n = xmlTextReaderConstLocalName(c->rd);
	return n ? (const char *)n : "";
}

static int is_text_node(int type)
{
	return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
	       type == XML_READER_TYPE_WHITESPACE ||
	       type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

static int hexval(char h)
{
	if (h >= '0' && h <= '9') return h - '0';
	if (h >= 'a' && h <= 'f') return h - 'a' + 10;
	if (h >= 'A' && h <= 'F') return h - 'A' + 10;
	return -1;
}

/* Excel writes characters XML cannot hold as _xHHHH_ (ST_Xstring); a
 * literal "_x" before four hex digits is itself escaped as _x005F_. */
static void unescape_x(dz_buf *b)
{
	size_t i, o = 0;
	char *s = b->ptr;
	if (!s)
		return;
	for (i = 0; i < b->len;) {
		if (s[i] == '_' && i + 6 < b->len + 0 && s[i + 1] == 'x' && s[i + 6] == '_' &&
		    hexval(s[i + 2]) >= 0 && hexval(s[i + 3]) >= 0 &&
		    hexval(s[i + 4]) >= 0 && hexval(s[i + 5]) >= 0) {
			unsigned cp = (unsigned)(hexval(s[i + 2]) << 12 | hexval(s[i + 3]) << 8 |
						 hexval(s[i + 4]) << 4 | hexval(s[i + 5]));
			if (cp == '\r' || cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) {
				/* a CR (of CR LF) or what cannot be text: drop */
			} else if (cp < 0x80) {
				s[o++] = (char)cp;
			} else if (cp < 0x800) {
				s[o++] = (char)(0xC0 | cp >> 6);
				s[o++] = (char)(0x80 | (cp & 0x3F));
			} else {
				s[o++] = (char)(0xE0 | cp >> 12);
				s[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
				s[o++] = (char)(0x80 | (cp & 0x3F));
			}
			i += 7;
			continue;
		}
		s[o++] = s[i++];
	}
	b->len = o;
	s[o] = '\0';
}

static int string_too_long(ctx *c)
{
	return dz_opc_limit(c->p, c->part, "单元格文字过长", "a cell's text is too long",
			    MAX_STRING, "");
}

/* Read the text of a string item (<si> or <is>) the reader stands on:
 * the <t> of the item itself or of its runs <r>, never of phonetic
 * runs <rPh>. */
static int read_rich(ctx *c, dz_buf *b)
{
	int depth = xmlTextReaderDepth(c->rd), rc, in_t = 0, in_rph = 0;
	if (xmlTextReaderIsEmptyElement(c->rd))
		return 0;
	while ((rc = step(c)) > 0) {
		int type = xmlTextReaderNodeType(c->rd);
		const char *n = lname(c);
		if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(c->rd) == depth)
			break;
		if (type == XML_READER_TYPE_ELEMENT && !xmlTextReaderIsEmptyElement(c->rd)) {
			if (!strcmp(n, "rPh"))
				in_rph++;
			else if (!strcmp(n, "t"))
				in_t++;
		} else if (type == XML_READER_TYPE_END_ELEMENT) {
			if (!strcmp(n, "rPh"))
				in_rph--;
			else if (!strcmp(n, "t"))
				in_t--;
		} else if (is_text_node(type) && in_t > 0 && in_rph == 0) {
			const xmlChar *v = xmlTextReaderConstValue(c->rd);
			if (v && dz_buf_puts(b, (const char *)v))
				return DOSSIER_ENOMEM;
			if (b->len > MAX_STRING)
				return string_too_long(c);
		}
	}
	if (rc < 0)
		return rc;
	if (rc == 0)
		return malformed(c, "文字条目未结束", "a text item does not end",
				 xmlTextReaderGetParserLineNumber(c->rd));
	unescape_x(b);
	return b->oom ? DOSSIER_ENOMEM : 0;
}

static int read_shared_strings(ctx *c, const char *part)
{
	char *buf = NULL;
	int rc;
	size_t max = dz_opc_opts(c->p)->max_strings;
	if ((rc = reader_open(c, part, &buf)) != 0)
		return rc;
	while ((rc = step(c)) > 0) {
		int type = xmlTextReaderNodeType(c->rd);
		const char *n = lname(c);
		if (type != XML_READER_TYPE_ELEMENT)
			continue;
		if (!strcmp(n, "sst")) {
			xmlChar *u = xmlTextReaderGetAttribute(c->rd, BAD_CAST "uniqueCount");
			int over = u && strtoull((const char *)u, NULL, 10) > max;
			xmlFree(u);
			if (over) {
				rc = dz_opc_limit(c->p, part, "共享字符串表声明的条目过多",
						  "the shared string table declares too many items",
						  max, "");
				break;
			}
		} else if (!strcmp(n, "si")) {
			dz_buf b = DZ_BUF_INIT;
			if (c->nstrings >= max) {
				rc = dz_opc_limit(c->p, part, "共享字符串过多",
						  "too many shared strings", max, "");
				break;
			}
			if ((rc = read_rich(c, &b)) != 0) {
				dz_buf_dispose(&b);
				break;
			}
			if (dz_grow((void **)&c->strings, &c->capstrings, c->nstrings,
				    sizeof *c->strings)) {
				dz_buf_dispose(&b);
				rc = DOSSIER_ENOMEM;
				break;
			}
			c->strings[c->nstrings] = dz_buf_detach(&b);
			if (!c->strings[c->nstrings]) {
				rc = DOSSIER_ENOMEM;
				break;
			}
			c->nstrings++;
		}
	}
	reader_close(c, buf);
	return rc < 0 ? rc : 0;
}

static int read_styles(ctx *c, const char *part)
{
	xmlDocPtr doc;
	xmlNodePtr root, n, xfs, fmts;
	int rc;
	size_t count = 0, i;
	if ((rc = dz_opc_xml(c->p, part, &doc)) != 0)
		return rc;
	root = xmlDocGetRootElement(doc);
	fmts = dz_el_child(root, "numFmts");
	xfs = dz_el_child(root, "cellXfs");
	for (n = xfs ? xfs->children : NULL; n; n = n->next)
		count += dz_el(n, "xf");
	if (count > 65535) {
		xmlFreeDoc(doc);
		return dz_opc_limit(c->p, part, "单元格样式过多", "too many cell styles", 65535, "");
	}
	c->x->fmts = dz_calloc(count ? count : 1, sizeof *c->x->fmts);
	if (!c->x->fmts) {
		xmlFreeDoc(doc);
		return DOSSIER_ENOMEM;
	}
	for (n = xfs ? xfs->children : NULL, i = 0; n; n = n->next) {
		const char *id;
		const char *code = NULL;
		unsigned fid;
		xmlNodePtr f;
		if (!dz_el(n, "xf"))
			continue;
		id = dz_el_attr(n, "numFmtId");
		fid = id ? (unsigned)strtoul(id, NULL, 10) : 0;
		for (f = fmts ? fmts->children : NULL; f && !code; f = f->next) {
			const char *fi = dz_el_attr(f, "numFmtId");
			if (dz_el(f, "numFmt") && fi && (unsigned)strtoul(fi, NULL, 10) == fid)
				code = dz_el_attr(f, "formatCode");
		}
		dz_numfmt_parse(&c->x->fmts[i++], code ? code : builtin_fmt(fid));
	}
	c->x->nfmts = count;
	xmlFreeDoc(doc);
	return 0;
}

typedef struct {
	dz_xsheet *s;
	size_t cap, mcap;
} sheetb;

static int cell_limit(ctx *c)
{
	return dz_opc_limit(c->p, c->part, "单元格过多", "too many cells",
			    dz_opc_opts(c->p)->max_cells, "");
}

/* Finish the cell just read: its value by type, into the sheet. */
static int add_cell(ctx *c, sheetb *sb, dz_xcell *cell, const char *t,
		    dz_buf *v, dz_buf *is, int has_v, int has_is)
{
	char num[64];
	int line = xmlTextReaderGetParserLineNumber(c->rd);
	const dz_numfmt *f = cell->fmt < c->x->nfmts ? &c->x->fmts[cell->fmt] : NULL;
	const char *vs = dz_buf_cstr(v);
	if (v->oom || is->oom)
		return DOSSIER_ENOMEM;
	if (!t || !*t || !strcmp(t, "n")) {
		char *end;
		double d;
		if (!has_v) {
			if (!cell->formula)
				return 0; /* a styled, empty cell */
			cell->type = DZ_XC_EMPTY;
			cell->text = dz_strdup("");
		} else {
			d = strtod(vs, &end);
			if (end == vs || *end)
				return malformed(c, "数值单元格的值不是数字",
						 "a number cell's value is not a number", line);
			cell->num = d;
			if (f && (f->date || f->time)) {
				long days;
				char date[32];
				double frac = d - floor(d);
				long secs = lround(frac * 86400.0);
				if (secs >= 86400)
					secs = 86399;
				if (f->date && dz_xlsx_serial_days(&days, d, c->x->date1904) == 0) {
					dz_date_format(date, sizeof date, days);
					if (secs && f->time)
						cell->text = dz_fmt("%s %02ld:%02ld:%02ld", date, secs / 3600,
								    secs / 60 % 60, secs % 60);
					else
						cell->text = dz_strdup(date);
					cell->type = DZ_XC_DATE;
				} else {
					/* a time, or a serial no calendar day has:
					 * keep the number, the reader of the cell
					 * says what it is */
					dz_xlsx_num_text(num, sizeof num, d);
					cell->text = dz_strdup(num);
					cell->type = DZ_XC_NUMBER;
				}
			} else {
				dz_xlsx_num_text(num, sizeof num, d);
				cell->text = dz_strdup(num);
				cell->type = DZ_XC_NUMBER;
			}
		}
	} else if (!strcmp(t, "s")) {
		char *end;
		unsigned long k = strtoul(vs, &end, 10);
		if (!has_v || end == vs || *end || k >= c->nstrings)
			return malformed(c, "单元格引用了不存在的共享字符串",
					 "a cell refers to a shared string that does not exist", line);
		cell->type = DZ_XC_STRING;
		cell->text = dz_strdup(c->strings[k]);
	} else if (!strcmp(t, "inlineStr")) {
		cell->type = DZ_XC_STRING;
		cell->text = dz_strdup(has_is ? dz_buf_cstr(is) : vs);
	} else if (!strcmp(t, "str")) {
		unescape_x(v);
		cell->type = DZ_XC_STRING;
		cell->text = dz_strdup(dz_buf_cstr(v));
	} else if (!strcmp(t, "b")) {
		cell->type = DZ_XC_BOOL;
		cell->text = dz_strdup(!strcmp(vs, "1") || !strcmp(vs, "true") ? "TRUE" : "FALSE");
	} else if (!strcmp(t, "e")) {
		cell->type = DZ_XC_ERROR;
		cell->text = dz_strdup(vs);
	} else if (!strcmp(t, "d")) {
		long days;
		char date[16];
		if (strlen(vs) < 10 || (snprintf(date, sizeof date, "%.10s", vs), dz_date_parse(&days, date)))
			return malformed(c, "日期单元格的值不是日期", "a date cell's value is not a date",
					 line);
		cell->type = DZ_XC_DATE;
		cell->text = dz_strdup(date);
		cell->num = dz_xlsx_days_serial(days, c->x->date1904);
	} else {
		return malformed(c, "单元格类型无法识别", "unknown cell type", line);
	}
	if (!cell->text)
		return DOSSIER_ENOMEM;
	if (++c->cells > dz_opc_opts(c->p)->max_cells) {
		dz_free(cell->text);
		return cell_limit(c);
	}
	if (dz_grow((void **)&sb->s->cells, &sb->cap, sb->s->ncells, sizeof *sb->s->cells)) {
		dz_free(cell->text);
		return DOSSIER_ENOMEM;
	}
	sb->s->cells[sb->s->ncells++] = *cell;
	if (cell->row + 1 > sb->s->nrows)
		sb->s->nrows = cell->row + 1;
	if (cell->col + 1 > sb->s->ncols)
		sb->s->ncols = cell->col + 1;
	return 0;
}

/* Read one <c> element the reader stands on. */
static int read_cell(ctx *c, sheetb *sb, uint32_t row, uint32_t *next_col)
{
	dz_xcell cell;
	xmlChar *r = xmlTextReaderGetAttribute(c->rd, BAD_CAST "r");
	xmlChar *t = xmlTextReaderGetAttribute(c->rd, BAD_CAST "t");
	xmlChar *s = xmlTextReaderGetAttribute(c->rd, BAD_CAST "s");
	dz_buf v = DZ_BUF_INIT, is = DZ_BUF_INIT;
	int has_v = 0, has_is = 0, rc = 0, depth = xmlTextReaderDepth(c->rd);
	int line = xmlTextReaderGetParserLineNumber(c->rd);
	memset(&cell, 0, sizeof cell);
	cell.row = row;
	cell.col = *next_col;
	if (r && parse_ref((const char *)r, &cell.row, &cell.col)) {
		char *z = dz_fmt("单元格位置“%.20s”无效或超出 Excel 的范围（%u 行 × %u 列）",
				 (const char *)r, MAX_ROWS, MAX_COLS);
		char *e = dz_fmt("cell reference \"%.20s\" is invalid or beyond Excel's "
				 "%u rows x %u columns", (const char *)r, MAX_ROWS, MAX_COLS);
		rc = malformed(c, z ? z : "单元格位置无效", e ? e : "invalid cell reference", line);
		dz_free(z);
		dz_free(e);
		goto done;
	}
	if (cell.col >= MAX_COLS) {
		rc = malformed(c, "列超出 Excel 的范围", "a column beyond Excel's range", line);
		goto done;
	}
	*next_col = cell.col + 1;
	if (s) {
		unsigned long k = strtoul((const char *)s, NULL, 10);
		cell.fmt = (uint16_t)(k < 65535 ? k : 65535);
	}
	if (!xmlTextReaderIsEmptyElement(c->rd)) {
		int in_v = 0;
		while ((rc = step(c)) > 0) {
			int type = xmlTextReaderNodeType(c->rd);
			const char *n = lname(c);
			if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(c->rd) == depth)
				break;
			if (type == XML_READER_TYPE_ELEMENT) {
				if (!strcmp(n, "v")) {
					has_v = 1;
					in_v = !xmlTextReaderIsEmptyElement(c->rd);
				} else if (!strcmp(n, "f")) {
					cell.formula = 1;
				} else if (!strcmp(n, "is")) {
					has_is = 1;
					if ((rc = read_rich(c, &is)) != 0)
						break;
				}
			} else if (type == XML_READER_TYPE_END_ELEMENT && !strcmp(n, "v")) {
				in_v = 0;
			} else if (in_v && is_text_node(type)) {
				const xmlChar *val = xmlTextReaderConstValue(c->rd);
				if (val)
					dz_buf_puts(&v, (const char *)val);
				if (v.len > MAX_STRING) {
					rc = string_too_long(c);
					break;
				}
			}
		}
		if (rc == 0)
			rc = malformed(c, "单元格未结束", "a cell does not end", line);
		if (rc < 0)
			goto done;
	}
	rc = add_cell(c, sb, &cell, (const char *)t, &v, &is, has_v, has_is);
done:
	dz_buf_dispose(&v);
	dz_buf_dispose(&is);
	xmlFree(r);
	xmlFree(t);
	xmlFree(s);
	return rc < 0 ? rc : 0;
}

static int add_merge(ctx *c, sheetb *sb, const char *ref)
{
	dz_xrange m;
	const char *colon = strchr(ref, ':');
	char a[16], b[16];
	int line = xmlTextReaderGetParserLineNumber(c->rd);
	if (sb->s->nmerges >= MAX_MERGES)
		return dz_opc_limit(c->p, c->part, "合并单元格区域过多",
				    "too many merged ranges", MAX_MERGES, "");
	snprintf(a, sizeof a, "%.*s", colon ? (int)(colon - ref) : 15, ref);
	snprintf(b, sizeof b, "%s", colon ? colon + 1 : ref);
	if (parse_ref(a, &m.r1, &m.c1) || parse_ref(b, &m.r2, &m.c2) ||
	    m.r2 < m.r1 || m.c2 < m.c1)
		return malformed(c, "合并单元格区域无效或超出 Excel 的范围",
				 "a merged range is invalid or beyond Excel's range", line);
	if (dz_grow((void **)&sb->s->merges, &sb->mcap, sb->s->nmerges, sizeof m))
		return DOSSIER_ENOMEM;
	sb->s->merges[sb->s->nmerges++] = m;
	return 0;
}

static int cmp_cell(const void *a, const void *b)
{
	const dz_xcell *x = a, *y = b;
	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

static int cmp_cover(const void *a, const void *b)
{
	const dz_xcover *x = a, *y = b;
	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

/* Every position a merged range covers but its top-left cell, pointing at
 * that cell, so a lookup is a binary search whatever the merges. The
 * positions count against max_cells with the cells: a range as large as a
 * whole sheet is refused, not walked. */
static int cover_merges(ctx *c, dz_xsheet *s)
{
	size_t i, n = 0, max = dz_opc_opts(c->p)->max_cells;
	uint64_t area = 0;
	for (i = 0; i < s->nmerges; i++) {
		const dz_xrange *m = &s->merges[i];
		area += (uint64_t)(m->r2 - m->r1 + 1) * (m->c2 - m->c1 + 1) - 1;
		if (area + c->cells > max)
			return dz_opc_limit(c->p, c->part, "合并单元格区域过大",
					    "merged ranges cover too many cells", max, "");
	}
	if (!area)
		return 0;
	s->covered = dz_calloc((size_t)area, sizeof *s->covered);
	if (!s->covered)
		return DOSSIER_ENOMEM;
	for (i = 0; i < s->nmerges; i++) {
		const dz_xrange *m = &s->merges[i];
		uint32_t r, k;
		for (r = m->r1; r <= m->r2; r++)
			for (k = m->c1; k <= m->c2; k++) {
				if (r == m->r1 && k == m->c1)
					continue;
				s->covered[n].row = r;
				s->covered[n].col = k;
				s->covered[n].arow = m->r1;
				s->covered[n].acol = m->c1;
				n++;
			}
	}
	s->ncovered = n;
	c->cells += n;
	qsort(s->covered, n, sizeof *s->covered, cmp_cover);
	for (i = 1; i < n; i++)
		if (!cmp_cover(&s->covered[i - 1], &s->covered[i]))
			return malformed(c, "合并单元格区域相互重叠", "merged ranges overlap", 0);
	for (i = 0; i < s->nmerges; i++) {
		dz_xcover key;
		key.row = s->merges[i].r1;
		key.col = s->merges[i].c1;
		if (bsearch(&key, s->covered, n, sizeof key, cmp_cover))
			return malformed(c, "合并单元格区域相互重叠", "merged ranges overlap", 0);
	}
	return 0;
}

static int read_sheet(ctx *c, dz_xsheet *s, const char *part)
{
	char *buf = NULL;
	sheetb sb;
	uint32_t row = 0, next_col = 0, next_row = 0;
	int rc;
	size_t i;
	memset(&sb, 0, sizeof sb);
	sb.s = s;
	if ((rc = reader_open(c, part, &buf)) != 0)
		return rc;
	while ((rc = step(c)) > 0) {
		int type = xmlTextReaderNodeType(c->rd);
		const char *n = lname(c);
		if (type != XML_READER_TYPE_ELEMENT)
			continue;
		if (!strcmp(n, "row")) {
			xmlChar *r = xmlTextReaderGetAttribute(c->rd, BAD_CAST "r");
			row = next_row;
			if (r) {
				char *end;
				unsigned long k = strtoul((const char *)r, &end, 10);
				if (end == (char *)r || *end || k < 1 || k > MAX_ROWS) {
					xmlFree(r);
					rc = malformed(c, "行号无效或超出 Excel 的范围",
						       "a row number is invalid or beyond Excel's range",
						       xmlTextReaderGetParserLineNumber(c->rd));
					break;
				}
				row = (uint32_t)k - 1;
			}
			xmlFree(r);
			next_row = row + 1;
			next_col = 0;
		} else if (!strcmp(n, "c")) {
			if ((rc = read_cell(c, &sb, row, &next_col)) != 0)
				break;
		} else if (!strcmp(n, "mergeCell")) {
			xmlChar *ref = xmlTextReaderGetAttribute(c->rd, BAD_CAST "ref");
			rc = ref ? add_merge(c, &sb, (const char *)ref) : 0;
			xmlFree(ref);
			if (rc)
				break;
		}
	}
	reader_close(c, buf);
	if (rc < 0)
		return rc;
	if (s->ncells)
		qsort(s->cells, s->ncells, sizeof *s->cells, cmp_cell);
	if ((rc = cover_merges(c, s)) != 0)
		return rc;
	for (i = 1; i < s->ncells; i++)
		if (!cmp_cell(&s->cells[i - 1], &s->cells[i])) {
			char ref[16];
			char *z, *e;
			dz_xlsx_ref(ref, sizeof ref, s->cells[i].row, s->cells[i].col);
			z = dz_fmt("单元格 %s 出现两次", ref);
			e = dz_fmt("cell %s occurs twice", ref);
			c->part = part;
			rc = malformed(c, z ? z : "单元格重复", e ? e : "a cell occurs twice", 0);
			dz_free(z);
			dz_free(e);
			return rc;
		}
	return 0;
}

static int read_workbook(ctx *c)
{
	char *wbpart = dz_opc_rel(c->p, "", NULL, "/officeDocument");
	char *part;
	xmlDocPtr doc = NULL;
	xmlNodePtr root, sheets, n, pr;
	int rc;
	size_t count = 0, i = 0;
	if (!wbpart && dossier_error_last() && dossier_error_last()->code == DOSSIER_ENOMEM)
		return DOSSIER_ENOMEM;
	if ((rc = dz_opc_xml(c->p, wbpart ? wbpart : "xl/workbook.xml", &doc)) != 0) {
		dz_free(wbpart);
		return rc;
	}
	if (!wbpart)
		wbpart = dz_strdup("xl/workbook.xml");
	root = xmlDocGetRootElement(doc);
	if (!wbpart || !dz_el(root, "workbook")) {
		xmlFreeDoc(doc);
		dz_free(wbpart);
		if (!wbpart)
			return DOSSIER_ENOMEM;
		c->part = "xl/workbook.xml";
		return malformed(c, "不是 Excel 工作簿", "not an Excel workbook", 1);
	}
	pr = dz_el_child(root, "workbookPr");
	if (pr && dz_el_attr(pr, "date1904")) {
		const char *v = dz_el_attr(pr, "date1904");
		c->x->date1904 = !strcmp(v, "1") || !strcmp(v, "true");
	}
	/* styles and shared strings, if the workbook has them */
	part = dz_opc_rel(c->p, wbpart, NULL, "/styles");
	if (part && *part)
		rc = read_styles(c, part);
	dz_free(part);
	part = rc ? NULL : dz_opc_rel(c->p, wbpart, NULL, "/sharedStrings");
	if (part && *part)
		rc = read_shared_strings(c, part);
	dz_free(part);
	sheets = dz_el_child(root, "sheets");
	for (n = sheets ? sheets->children : NULL; n; n = n->next)
		count += dz_el(n, "sheet");
	if (rc == 0 && count > MAX_SHEETS)
		rc = dz_opc_limit(c->p, wbpart, "工作表过多", "too many sheets", MAX_SHEETS, "");
	if (rc == 0 && count &&
	    !(c->x->sheets = dz_calloc(count, sizeof *c->x->sheets)))
		rc = DOSSIER_ENOMEM;
	for (n = sheets ? sheets->children : NULL; rc == 0 && n; n = n->next) {
		const char *name = dz_el_attr(n, "name"), *rid = dz_el_attr(n, "id");
		const char *state = dz_el_attr(n, "state");
		dz_xsheet *s;
		if (!dz_el(n, "sheet"))
			continue;
		s = &c->x->sheets[i++];
		c->x->nsheets = i;
		s->name = dz_strdup(name ? name : "");
		s->hidden = state && strcmp(state, "visible") != 0;
		if (!s->name) {
			rc = DOSSIER_ENOMEM;
			break;
		}
		part = rid ? dz_opc_rel(c->p, wbpart, rid, NULL) : NULL;
		/* a chart sheet or a missing part has no cells to give */
		if (part && *part && dz_opc_has(c->p, part) && strstr(part, "chartsheets/") == NULL)
			rc = read_sheet(c, s, part);
		dz_free(part);
	}
	xmlFreeDoc(doc);
	dz_free(wbpart);
	return rc;
}

int dz_xlsx_read(dz_xlsx **out, dz_opc *p)
{
	ctx c;
	size_t i;
	int rc;
	*out = NULL;
	memset(&c, 0, sizeof c);
	c.p = p;
	c.x = dz_calloc(1, sizeof *c.x);
	if (!c.x)
		return DOSSIER_ENOMEM;
	c.x->path = dz_strdup(dz_opc_path(p));
	rc = c.x->path ? read_workbook(&c) : DOSSIER_ENOMEM;
	for (i = 0; i < c.nstrings; i++)
		dz_free(c.strings[i]);
	dz_free(c.strings);
	if (rc) {
		if (rc == DOSSIER_ENOMEM)
			dz_err(rc, dz_opc_path(p), 0, 0, "内存不足", "out of memory", "", "");
		dz_xlsx_free(c.x);
		return rc;
	}
	*out = c.x;
	return 0;
}

void dz_xlsx_free(dz_xlsx *x)
{
	size_t i, k;
	if (!x)
		return;
	for (i = 0; i < x->nsheets; i++) {
		for (k = 0; k < x->sheets[i].ncells; k++)
			dz_free(x->sheets[i].cells[k].text);
		dz_free(x->sheets[i].cells);
		dz_free(x->sheets[i].merges);
		dz_free(x->sheets[i].covered);
		dz_free(x->sheets[i].name);
	}
	dz_free(x->sheets);
	dz_free(x->fmts);
	dz_free(x->path);
	dz_free(x);
}

const dz_xsheet *dz_xlsx_sheet(const dz_xlsx *x, const char *name)
{
	size_t i;
	for (i = 0; i < x->nsheets; i++)
		if (!strcmp(x->sheets[i].name, name))
			return &x->sheets[i];
	return NULL;
}

static const dz_xcell *find(const dz_xsheet *s, uint32_t row, uint32_t col)
{
	dz_xcell key;
	key.row = row;
	key.col = col;
	return s->ncells ? bsearch(&key, s->cells, s->ncells, sizeof key, cmp_cell) : NULL;
}

const dz_xcell *dz_xlsx_cell(const dz_xsheet *s, uint32_t row, uint32_t col)
{
	const dz_xcell *c = find(s, row, col);
	dz_xcover key, *m;
	if (c || !s->ncovered)
		return c;
	key.row = row;
	key.col = col;
	m = bsearch(&key, s->covered, s->ncovered, sizeof key, cmp_cover);
	return m ? find(s, m->arow, m->acol) : NULL;
}

const dz_numfmt *dz_xlsx_fmt(const dz_xlsx *x, const dz_xcell *c)
{
	static const dz_numfmt general;
	return c && c->fmt < x->nfmts ? &x->fmts[c->fmt] : &general;
}
