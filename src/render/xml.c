/*
 * xml.c — stage 4b of the pipeline: a built document (doc/doc.h) as XML.
 *
 * Reports (summary and annual) follow outlines/schema/report.xsd, namespace
 * urn:dossier:report:1: metadata, then the outline's sections in order, each
 * holding the narrative as structured blocks and inline markup. The
 * evaluation data table follows outlines/schema/tables.xsd, namespace
 * urn:dossier:tables:1: metadata, one group per field group with every
 * field's id, labels, unit, exact value and evidence ids, the plan targets
 * and the evidence the table cites. doc/xml.md documents both formats.
 *
 * The XML is made with libxml2's text writer, so it is well-formed by
 * construction, and every string passes through clean() first: XML 1.0
 * cannot carry most C0 controls at all, so they (and DEL, C1 controls,
 * U+FFFE/U+FFFF and any invalid UTF-8) become U+FFFD. Nothing depends on
 * the clock but opts->created (SOURCE_DATE_EPOCH), so the same input gives
 * the same bytes. The document is serialised in memory and written through
 * a temporary file in the target's directory that is renamed into place.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <libxml/xmlwriter.h>
#include "dossier/xml.h"
#include "util/util.h"
#include "doc/doc.h"

#define REPORT_NS "urn:dossier:report:1"
#define TABLES_NS "urn:dossier:tables:1"
#define FORMAT_VERSION "1"

typedef struct {
	xmlTextWriterPtr w;
	dz_buf clean;   /* scratch: a string that needed repair */
	dz_buf tmp;     /* scratch: concatenated runs */
	int depth;      /* open elements, for indentation */
	int rc;         /* sticky: first failure (a dossier_error_code) */
} xw;

/* ---------- text that XML 1.0 can carry ---------- */

/* XML 1.0 §2.2 Char, without the controls it merely tolerates (DEL, C1):
 * no reader of a document of record wants them. */
static int char_ok(uint32_t c)
{
	if (c < 0x20)
		return c == 0x9 || c == 0xA || c == 0xD;
	if (c >= 0x7F && c <= 0x9F)
		return 0;
	return c != 0xFFFE && c != 0xFFFF;
}

/* `s` itself if every character is fine, else a repaired copy (valid until
 * the next call) with U+FFFD for each bad character or invalid byte. */
static const char *clean(xw *x, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t n = strlen((const char *)p), i = 0, ok;
	uint32_t c;
	int len;
	while (i < n) {
		if (p[i] >= 0x20 && p[i] < 0x7F) {
			i++;
			continue;
		}
		len = dz_utf8_decode(p + i, n - i, &c);
		if (!len || !char_ok(c))
			break;
		i += (size_t)len;
	}
	if (i == n)
		return (const char *)p;
	x->clean.len = 0;
	dz_buf_put(&x->clean, (const char *)p, i);
	while (i < n) {
		ok = i;
		while (ok < n) {
			len = dz_utf8_decode(p + ok, n - ok, &c);
			if (!len || !char_ok(c))
				break;
			ok += (size_t)len;
		}
		dz_buf_put(&x->clean, (const char *)p + i, ok - i);
		if (ok == n)
			break;
		dz_buf_puts(&x->clean, "\xEF\xBF\xBD");
		len = dz_utf8_decode(p + ok, n - ok, &c);
		i = ok + (len ? (size_t)len : 1);
	}
	if (x->clean.oom) {
		if (!x->rc)
			x->rc = DOSSIER_ENOMEM;
		return "";
	}
	return dz_buf_cstr(&x->clean);
}

/* ---------- writer helpers (errors are sticky in x->rc) ---------- */

static void check(xw *x, int r)
{
	/* the writer targets memory: its only failure is allocation */
	if (r < 0 && !x->rc)
		x->rc = DOSSIER_ENOMEM;
}

/* Line break and indentation: only between elements of element-only
 * content, never inside mixed content (it would become text). */
static void nl(xw *x)
{
	static const char pad[] = "\n                                        ";
	int d = x->depth < 20 ? x->depth : 20;
	check(x, xmlTextWriterWriteRawLen(x->w, BAD_CAST pad, 1 + 2 * d));
}

static void open_el(xw *x, const char *name)
{
	nl(x);
	check(x, xmlTextWriterStartElement(x->w, BAD_CAST name));
	x->depth++;
}

/* Start an element inside mixed content (no indentation). */
static void open_inline(xw *x, const char *name)
{
	check(x, xmlTextWriterStartElement(x->w, BAD_CAST name));
	x->depth++;
}

static void close_el(xw *x, int indent)
{
	x->depth--;
	if (indent)
		nl(x);
	check(x, xmlTextWriterEndElement(x->w));
}

static void attr(xw *x, const char *name, const char *value)
{
	check(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST clean(x, value)));
}

static void text(xw *x, const char *s)
{
	if (s && *s)
		check(x, xmlTextWriterWriteString(x->w, BAD_CAST clean(x, s)));
}

/* <name>text</name> on a line of its own; nothing if text is empty. */
static void leaf(xw *x, const char *name, const char *s)
{
	if (!s || !*s)
		return;
	open_el(x, name);
	text(x, s);
	close_el(x, 0);
}

/* ---------- lexical checks (values are typed in the schemas) ---------- */

static int is_digits(const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* xs:date without zone: YYYY-MM-DD, a real day, year ≥ 1. */
static int is_date(const char *s)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y, m, d;
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' || !is_digits(s, 4) ||
	    !is_digits(s + 5, 2) || !is_digits(s + 8, 2))
		return 0;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	return m != 2 || d < 29 || (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
}

/* xs:decimal as doc.c writes it: -?digits(.digits)? */
static int is_decimal(const char *s)
{
	size_t i = 0, n;
	if (!s)
		return 0;
	if (s[0] == '-')
		i++;
	n = strspn(s + i, "0123456789");
	if (!n)
		return 0;
	i += n;
	if (s[i] == '.') {
		n = strspn(s + i + 1, "0123456789");
		if (!n)
			return 0;
		i += 1 + n;
	}
	return s[i] == '\0';
}

static int is_hex64(const char *s)
{
	return s && strlen(s) == 64 && strspn(s, "0123456789abcdef") == 64;
}

/* ---------- metadata (both formats) ---------- */

static void party(xw *x, const char *el, const dz_party *p)
{
	open_el(x, el);
	if (p->province && *p->province)
		attr(x, "province", p->province);
	if (p->role && *p->role)
		attr(x, "role", p->role);
	if (p->substantive && (!strcmp(p->substantive, "true") || !strcmp(p->substantive, "false")))
		attr(x, "substantive", p->substantive);
	leaf(x, "name", p->name && *p->name ? p->name : "—");
	leaf(x, "uscc", p->uscc);
	leaf(x, "type", p->type);
	close_el(x, 1);
}

static void metadata(xw *x, const dossier_doc *d, const dossier_xml_options *o,
		     const char *created)
{
	size_t i;
	open_el(x, "metadata");

	open_el(x, "scheme");
	attr(x, "id", d->scheme_id);
	if (d->scheme_doc && *d->scheme_doc)
		attr(x, "document-number", d->scheme_doc);
	text(x, d->scheme_title);
	close_el(x, 0);

	open_el(x, "document");
	attr(x, "id", d->kind);
	attr(x, "output", d->output);
	if (d->title_en && *d->title_en)
		attr(x, "title-en", d->title_en);
	text(x, d->title);
	close_el(x, 0);

	if (d->stage && *d->stage && d->stage_title && *d->stage_title) {
		open_el(x, "stage");
		attr(x, "id", d->stage);
		text(x, d->stage_title);
		close_el(x, 0);
	}

	open_el(x, "centre");
	leaf(x, "name", d->centre && *d->centre ? d->centre : "—");
	leaf(x, "name-en", d->centre_en);
	leaf(x, "field", d->field);
	leaf(x, "category", d->category);
	leaf(x, "legal-form", d->legal_form);
	leaf(x, "status", d->status);
	if (d->host_unit.name && *d->host_unit.name)
		party(x, "host", &d->host_unit);
	for (i = 0; i < d->npartners; i++)
		party(x, "partner", &d->partners[i]);
	leaf(x, "supervisor", d->supervisor);
	leaf(x, "co-supervisor", d->co_supervisor);
	leaf(x, "director", d->director);
	close_el(x, 1);

	if (d->period && *d->period) {
		open_el(x, "period");
		if (is_date(d->period_start))
			attr(x, "start", d->period_start);
		if (is_date(d->period_end))
			attr(x, "end", d->period_end);
		text(x, d->period);
		close_el(x, 0);
	}
	if (d->report_year && strlen(d->report_year) == 4 && is_digits(d->report_year, 4) &&
	    strcmp(d->report_year, "0000"))
		leaf(x, "report-year", d->report_year);
	if (d->date && *d->date && is_date(d->date_iso)) {
		open_el(x, "submitted");
		attr(x, "date", d->date_iso);
		text(x, d->date);
		close_el(x, 0);
	}
	open_el(x, "generator");
	attr(x, "name", "dossier");
	attr(x, "version", DOSSIER_VERSION);
	close_el(x, 0);
	leaf(x, "created", created);
	if (o->source_digest) {
		open_el(x, "source");
		attr(x, "algorithm", "SHA-256");
		attr(x, "digest", o->source_digest);
		close_el(x, 0);
	}
	close_el(x, 1);
}

/* ---------- report body ---------- */

static void runs(xw *x, const dz_run *r, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		int opened = 0;
		if (r[i].style & DZ_S_BREAK) {
			open_inline(x, "br");
			close_el(x, 0);
			continue;
		}
		if (!r[i].text || !*r[i].text)
			continue;
		if (r[i].style & DZ_S_BOLD) {
			open_inline(x, "strong");
			opened++;
		}
		if (r[i].style & DZ_S_ITALIC) {
			open_inline(x, "em");
			opened++;
		}
		if (r[i].style & DZ_S_FIG) {
			open_inline(x, "fig");
			attr(x, "field", r[i].ref ? r[i].ref : "");
			opened++;
		} else if (r[i].style & DZ_S_CODE) {
			open_inline(x, "code");
			opened++;
		} else if (r[i].ref) {
			open_inline(x, "link");
			attr(x, "href", r[i].ref);
			opened++;
		}
		text(x, r[i].text);
		while (opened--)
			close_el(x, 0);
	}
}

/* The concatenated text of runs (scratch, valid until the next call). */
static const char *runs_text(xw *x, const dz_run *r, size_t n)
{
	size_t i;
	x->tmp.len = 0;
	dz_buf_puts(&x->tmp, "");
	for (i = 0; i < n; i++)
		dz_buf_puts(&x->tmp, r[i].text ? r[i].text : "");
	if (x->tmp.oom && !x->rc)
		x->rc = DOSSIER_ENOMEM;
	return x->tmp.oom ? "" : dz_buf_cstr(&x->tmp);
}

static const char *align_name(int a)
{
	return a == DZ_AL_LEFT ? "left" : a == DZ_AL_CENTER ? "center"
	     : a == DZ_AL_RIGHT ? "right" : "default";
}

static void table(xw *x, const dz_block *b)
{
	size_t r, c;
	char num[32];
	open_el(x, "table");
	if (b->table_id)
		attr(x, "id", b->table_id);
	snprintf(num, sizeof num, "%zu", b->ncols);
	attr(x, "columns", num);
	leaf(x, "caption", b->caption);
	for (c = 0; c < b->ncols; c++) {
		open_el(x, "column");
		attr(x, "align", align_name(b->align ? b->align[c] : DZ_AL_DEFAULT));
		if (b->widths) {
			snprintf(num, sizeof num, "%.4f", (double)b->widths[c]);
			attr(x, "width", num);
		}
		close_el(x, 0);
	}
	for (r = 0; r < b->nrows && b->cells; r++) {
		open_el(x, "row");
		if (r < b->nhead)
			attr(x, "header", "true");
		for (c = 0; c < b->ncols; c++) {
			const dz_cell *cell = &b->cells[r * b->ncols + c];
			open_el(x, "cell");
			if (cell->numeric)
				attr(x, "numeric", "true");
			runs(x, cell->runs, cell->nruns);
			close_el(x, 0);
		}
		close_el(x, 1);
	}
	close_el(x, 1);
}

static void blocks(xw *x, const dz_block *b, size_t n);

static void block(xw *x, const dz_block *b)
{
	char num[32];
	switch (b->kind) {
	case DZ_B_HEADING:
		open_el(x, "heading");
		snprintf(num, sizeof num, "%d", b->level < 1 ? 1 : b->level > 6 ? 6 : b->level);
		attr(x, "level", num);
		runs(x, b->runs, b->nruns);
		close_el(x, 0);
		break;
	case DZ_B_PARA:
		open_el(x, "paragraph");
		runs(x, b->runs, b->nruns);
		close_el(x, 0);
		break;
	case DZ_B_LIST: {
		size_t i;
		open_el(x, "list");
		attr(x, "ordered", b->level ? "true" : "false");
		if (b->level) {
			snprintf(num, sizeof num, "%d", b->start);
			attr(x, "start", num);
		}
		for (i = 0; i < b->nkids; i++) {
			open_el(x, "item");
			if (b->kids[i].kind == DZ_B_ITEM)
				blocks(x, b->kids[i].kids, b->kids[i].nkids);
			else
				block(x, &b->kids[i]);
			close_el(x, 1);
		}
		close_el(x, 1);
		break;
	}
	case DZ_B_ITEM: /* only inside lists; stray: its content */
		blocks(x, b->kids, b->nkids);
		break;
	case DZ_B_QUOTE:
		open_el(x, "quote");
		blocks(x, b->kids, b->nkids);
		close_el(x, 1);
		break;
	case DZ_B_CODE:
		open_el(x, "code-block");
		text(x, runs_text(x, b->runs, b->nruns));
		close_el(x, 0);
		break;
	case DZ_B_TABLE:
		table(x, b);
		break;
	case DZ_B_RULE:
		open_el(x, "thematic-break");
		close_el(x, 0);
		break;
	case DZ_B_PAGEBREAK:
		open_el(x, "page-break");
		close_el(x, 0);
		break;
	}
}

static void blocks(xw *x, const dz_block *b, size_t n)
{
	size_t i;
	for (i = 0; i < n && !x->rc; i++)
		block(x, &b[i]);
}

/* The body: the outline's sections in order. A section starts at the
 * level-1 heading that carries its id and runs to the next one. */
static void report_body(xw *x, const dossier_doc *d)
{
	size_t i = 0, j;
	open_el(x, "body");
	while (i < d->nblocks && !(d->blocks[i].kind == DZ_B_HEADING && d->blocks[i].id))
		block(x, &d->blocks[i++]);
	while (i < d->nblocks && !x->rc) {
		const dz_block *h = &d->blocks[i];
		open_el(x, "section");
		attr(x, "id", h->id);
		if (h->number && *h->number)
			attr(x, "number", h->number);
		attr(x, "title", h->title ? h->title : runs_text(x, h->runs, h->nruns));
		if (h->title_en && *h->title_en)
			attr(x, "title-en", h->title_en);
		for (j = i + 1; j < d->nblocks && !(d->blocks[j].kind == DZ_B_HEADING && d->blocks[j].id); j++)
			;
		blocks(x, &d->blocks[i], j - i);
		close_el(x, 1);
		i = j;
	}
	close_el(x, 1);
}

/* ---------- data table ---------- */

static const char *cell_text(xw *x, const dz_block *b, size_t row, size_t col)
{
	const dz_cell *c;
	if (!b->cells || row >= b->nrows || col >= b->ncols)
		return "";
	c = &b->cells[row * b->ncols + col];
	return runs_text(x, c->runs, c->nruns);
}

static void evidence_refs(xw *x, const char *ids)
{
	const char *p = ids ? ids : "";
	char id[256];
	while (*p) {
		size_t len = strcspn(p, " \t\r\n");
		if (len && len < sizeof id) {
			memcpy(id, p, len);
			id[len] = '\0';
			open_el(x, "evidence");
			attr(x, "ref", id);
			close_el(x, 0);
		}
		p += len;
		p += strspn(p, " \t\r\n");
	}
}

/* A value element holding `v` with its printed form. */
static void value_el(xw *x, const char *name, const char *v, const char *display)
{
	open_el(x, name);
	if (display && *display && strcmp(display, "—"))
		attr(x, "display", display);
	text(x, v);
	close_el(x, 0);
}

/* The typed value of a field: <value> (number), <date>, <boolean>, or
 * <text> for text fields and for entries that do not fit their type. */
static void field_value(xw *x, const dz_datum *dt, const char *display)
{
	const char *t = dt->type ? dt->type : "text";
	if (!dt->value)
		return;
	if (dt->valid && strcmp(t, "text") && strcmp(t, "date") && strcmp(t, "bool") &&
	    is_decimal(dt->value))
		value_el(x, "value", dt->value, display);
	else if (dt->valid && !strcmp(t, "date") && is_date(dt->value))
		value_el(x, "date", dt->value, display);
	else if (dt->valid && !strcmp(t, "bool") &&
		 (!strcmp(dt->value, "true") || !strcmp(dt->value, "false")))
		value_el(x, "boolean", dt->value, display);
	else
		value_el(x, "text", dt->value, display);
}

static const char *field_type(const char *t)
{
	static const char *const ok[] = {"money", "count", "decimal", "share", "area",
					 "text", "date", "bool"};
	size_t i;
	for (i = 0; t && i < sizeof ok / sizeof ok[0]; i++)
		if (!strcmp(t, ok[i]))
			return t;
	return "text";
}

static void labels(xw *x, const dz_datum *dt)
{
	leaf(x, "label", dt->label && *dt->label ? dt->label : dt->field);
	leaf(x, "label-en", dt->label_en);
	leaf(x, "unit", dt->unit);
}

static void group(xw *x, const dz_block *h, const dz_block *t)
{
	size_t r;
	open_el(x, "group");
	if (h && h->number && *h->number)
		attr(x, "number", h->number);
	attr(x, "title", h && h->title ? h->title : t->caption ? t->caption : "");
	for (r = 0; r + t->nhead < t->nrows; r++) {
		const dz_datum *dt = &t->data[r];
		open_el(x, "field");
		attr(x, "id", dt->field ? dt->field : "");
		attr(x, "type", field_type(dt->type));
		if (dt->formula) {
			attr(x, "derived", "true");
			attr(x, "formula", dt->formula);
		}
		labels(x, dt);
		field_value(x, dt, cell_text(x, t, r + t->nhead, 3));
		evidence_refs(x, dt->evidence);
		close_el(x, 1);
	}
	close_el(x, 1);
}

static void targets(xw *x, const dz_block *h, const dz_block *t)
{
	size_t r;
	open_el(x, "targets");
	if (h && h->number && *h->number)
		attr(x, "number", h->number);
	attr(x, "title", h && h->title ? h->title : t->caption ? t->caption : "");
	for (r = 0; r + t->nhead < t->nrows; r++) {
		const dz_datum *dt = &t->data[r];
		size_t row = r + t->nhead;
		open_el(x, "target");
		attr(x, "field", dt->field ? dt->field : "");
		labels(x, dt);
		if (dt->target && is_decimal(dt->target))
			value_el(x, "planned", dt->target, cell_text(x, t, row, 3));
		if (dt->value && dt->valid && is_decimal(dt->value))
			value_el(x, "actual", dt->value, cell_text(x, t, row, 4));
		if (dt->completion && is_decimal(dt->completion)) {
			open_el(x, "completion");
			attr(x, "derived", "true");
			attr(x, "formula", "actual / planned");
			attr(x, "display", cell_text(x, t, row, 5));
			text(x, dt->completion);
			close_el(x, 0);
		}
		evidence_refs(x, dt->evidence);
		close_el(x, 1);
	}
	close_el(x, 1);
}

static void tables_body(xw *x, const dossier_doc *d)
{
	size_t i;
	for (i = 0; i < d->nblocks && !x->rc; i++) {
		const dz_block *t = &d->blocks[i], *h;
		if (t->kind != DZ_B_TABLE || !t->data)
			continue;
		h = i > 0 && d->blocks[i - 1].kind == DZ_B_HEADING ? &d->blocks[i - 1] : NULL;
		if (t->table_id && !strcmp(t->table_id, "evaluation-targets"))
			targets(x, h, t);
		else
			group(x, h, t);
	}
	if (d->nevidence) {
		open_el(x, "evidence-list");
		for (i = 0; i < d->nevidence; i++) {
			const dz_evref *e = &d->evidence[i];
			open_el(x, "evidence");
			attr(x, "id", e->id);
			if (e->kind && *e->kind)
				attr(x, "kind", e->kind);
			if (e->file && *e->file)
				attr(x, "file", e->file);
			text(x, e->title);
			close_el(x, 0);
		}
		close_el(x, 1);
	}
}

/* ---------- output ---------- */

/* Write `len` bytes to `path` through a temporary file in the same
 * directory, flushed and renamed into place; on failure nothing is left. */
static int write_file(const char *path, const char *data, size_t len)
{
	static unsigned serial;
	char *tmp = NULL;
	int fd = -1, tries, rc = 0;
	size_t off = 0;
	for (tries = 0; tries < 100 && fd < 0; tries++) {
		dz_free(tmp);
		tmp = dz_fmt("%s.tmp-%ld-%u", path, (long)getpid(), serial++);
		if (!tmp)
			return dz_err(DOSSIER_ENOMEM, path, 0, 0, "内存不足", "out of memory", "", "");
		fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0) {
		rc = dz_errf(DOSSIER_EIO, path, 0, 0, "检查输出目录是否存在、可写。",
			     "Check that the output directory exists and is writable.",
			     "无法创建文件：%s", "cannot create the file: %s", strerror(errno));
		dz_free(tmp);
		return rc;
	}
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	if (off < len || fsync(fd) != 0) {
		int e = errno;
		close(fd);
		unlink(tmp);
		rc = dz_errf(DOSSIER_EIO, path, 0, 0, "检查磁盘空间和权限。",
			     "Check the disk space and permissions.",
			     "写入失败：%s", "write failed: %s", strerror(e));
	} else if (close(fd) != 0 || rename(tmp, path) != 0) {
		int e = errno;
		unlink(tmp);
		rc = dz_errf(DOSSIER_EIO, path, 0, 0, "检查磁盘空间和权限。",
			     "Check the disk space and permissions.",
			     "写入失败：%s", "write failed: %s", strerror(e));
	}
	dz_free(tmp);
	return rc;
}

int dossier_xml_write(const dossier_doc *doc, const char *path,
		      const dossier_xml_options *opts)
{
	dossier_xml_options o = DOSSIER_XML_OPTIONS_INIT;
	xw x;
	xmlBufferPtr buf = NULL;
	struct tm tm;
	time_t t;
	char created[48];
	int rc;
	if (!doc || !path)
		return dz_err(DOSSIER_EUSAGE, "", 0, 0, "参数为空", "a required argument is NULL", "", "");
	if (opts)
		o = *opts;
	if (o.source_digest && !is_hex64(o.source_digest))
		return dz_err(DOSSIER_EUSAGE, path, 0, 0, "source_digest 须为 64 位小写十六进制 SHA-256",
			      "source_digest must be a SHA-256 in 64 lower-case hex digits", "", "");
	t = (time_t)o.created;
	if (o.created < 0 || (long long)t != o.created || !gmtime_r(&t, &tm) ||
	    tm.tm_year + 1900 > 9999)
		return dz_errf(DOSSIER_EUSAGE, path, 0, 0, "检查 SOURCE_DATE_EPOCH。",
			       "Check SOURCE_DATE_EPOCH.", "生成时间无效：%lld",
			       "invalid creation time: %lld", o.created);
	strftime(created, sizeof created, "%Y-%m-%dT%H:%M:%SZ", &tm);
	dz_xml_init();
	memset(&x, 0, sizeof x);
	buf = xmlBufferCreate();
	x.w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
	if (!x.w) {
		rc = DOSSIER_ENOMEM;
		goto done;
	}
	check(&x, xmlTextWriterStartDocument(x.w, "1.0", "UTF-8", NULL));
	check(&x, xmlTextWriterStartElementNS(x.w, NULL, BAD_CAST(doc->data_table ? "tables" : "report"),
					      BAD_CAST(doc->data_table ? TABLES_NS : REPORT_NS)));
	attr(&x, "version", FORMAT_VERSION);
	attr(&x, "document", doc->kind);
	x.depth = 1;
	metadata(&x, doc, &o, created);
	if (doc->data_table)
		tables_body(&x, doc);
	else
		report_body(&x, doc);
	x.depth = 0;
	check(&x, xmlTextWriterWriteRawLen(x.w, BAD_CAST "\n", 1));
	check(&x, xmlTextWriterEndElement(x.w));
	check(&x, xmlTextWriterEndDocument(x.w));
	xmlFreeTextWriter(x.w); /* flushes into buf */
	x.w = NULL;
	rc = x.rc;
	if (rc == 0)
		rc = write_file(path, (const char *)xmlBufferContent(buf), (size_t)xmlBufferLength(buf));
done:
	if (x.w)
		xmlFreeTextWriter(x.w);
	xmlBufferFree(buf);
	dz_buf_dispose(&x.clean);
	dz_buf_dispose(&x.tmp);
	if (rc == DOSSIER_ENOMEM)
		dz_err(rc, path, 0, 0, "内存不足", "out of memory", "", "");
	return rc;
}
