/*
 * docx.c — a Word document (WordprocessingML, ECMA-376 part 1 §17) as
 * CommonMark + GFM Markdown, the form of a section's narrative.
 *
 * Headings come from the paragraph's outline level (its own, or its
 * style's, following basedOn), from a style named "heading N" or "Title",
 * or — in a document with no heading styles at all — from the numbering
 * Chinese reports use: "一、" (level 1) and "（一）" (level 2) at the start
 * of a short paragraph. Numbering Word generates (a heading style with a
 * numbering, a list) is rendered into the text as Word shows it. Runs are
 * joined and their bold and italic kept as Markdown emphasis (punctuation
 * at an edge moved outside, so CommonMark's flanking rules hold next to
 * Chinese text); a {{fig:...}} reference split over runs is put back
 * together. Tables become GFM tables (merged cells split, and said so).
 *
 * What Markdown cannot carry is a finding with its place (paragraph number
 * and the text near it), never dropped silently: images and drawings, text
 * boxes, embedded objects, equations, footnotes and endnotes, comments,
 * hidden text, tracked deletions, symbols of picture fonts, nested tables,
 * merged cells, text in headers and footers.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <utf8proc.h>
#include "util/util.h"
#include "check/check_int.h"
#include "model.h"
#include "office_int.h"

#define MAX_STYLE_CHAIN 20
#define MAX_COLS 256
#define SEV_WARN DOSSIER_SEV_WARNING
#define SEV_INFO DOSSIER_SEV_INFO

typedef struct {
	const char *id, *name, *based;
	int outline;          /* 0-8, or -1 */
	const char *num_id;   /* numbering the style gives, or NULL */
	int ilvl;
} dstyle;

typedef struct {
	const char *fmt, *text; /* numFmt, lvlText ("%1、") */
	int start;
} dlevel;

typedef struct {
	char id[32];
	dlevel lvl[9];
	int count[9];
	int used;
} dnum;

typedef struct {
	int level;            /* 1-6 for a heading, 0 otherwise */
	char *plain;          /* a heading's text */
	char *md;             /* the block's Markdown (no blank line after) */
	int para;             /* its first paragraph */
	int list;             /* a list item: follows the previous one tightly */
} dblock;

typedef struct {
	dz_opc *p;
	const char *part;
	const char *file;
	dossier_report *notes;
	xmlDocPtr styles_doc, num_doc;
	dstyle *styles;
	size_t nstyles;
	dnum *nums;
	size_t nnums;
	int any_heading_style; /* a paragraph used a heading style */
	int para;              /* paragraphs seen (the place of notes) */
	size_t units;          /* paragraphs and cells, against max_cells */
	char last_text[64];    /* text of the last paragraph with text */
	dblock *blocks;
	size_t nblocks, cap;
	int noted_hidden, noted_deleted;
	int rc;
} dctx;

/* ---------- notes ---------- */

static void near(dctx *x, char *buf, size_t n, const char *text)
{
	const char *t = text && *text ? text : x->last_text;
	size_t len = 0, chars = 0;
	while (t[len] && chars < 16) {
		uint32_t cp;
		int l = dz_utf8_decode((const unsigned char *)t + len, strlen(t + len), &cp);
		if (l <= 0)
			break;
		len += (size_t)l;
		chars++;
	}
	if (*t)
		snprintf(buf, n, "（附近文字：“%.*s%s”）", (int)len, t, t[len] ? "…" : "");
	else
		buf[0] = '\0';
}

static void dnote(dctx *x, int sev, const char *rule, const char *near_text, const char *what_zh,
		  const char *what_en, const char *hint_zh, const char *hint_en)
{
	char place[32], nb[160];
	char *zh, *en;
	size_t before;
	near(x, nb, sizeof nb, near_text);
	if (x->para > 0) {
		snprintf(place, sizeof place, "第%d段", x->para);
		zh = dz_fmt("第 %d 段%s：%s", x->para, nb, what_zh);
		en = dz_fmt("paragraph %d%s%s%s: %s", x->para, *nb ? " (near \"" : "",
			    *nb ? (near_text && *near_text ? near_text : x->last_text) : "",
			    *nb ? "\")" : "", what_en);
	} else {
		snprintf(place, sizeof place, "页眉页脚");
		zh = dz_fmt("页眉或页脚%s：%s", nb, what_zh);
		en = dz_fmt("headers and footers: %s", what_en);
	}
	if (en && strlen(en) > 300)
		strcpy(en + 290, "...");
	before = dossier_report_count(x->notes);
	dz_note(x->notes, sev, rule, x->file, place, zh ? zh : what_zh, en ? en : what_en,
		hint_zh, hint_en);
	if (dossier_report_count(x->notes) > before)
		x->notes->items[before].f.line = x->para;
	dz_free(zh);
	dz_free(en);
}

/* ---------- styles and numbering ---------- */

static const dstyle *style(const dctx *x, const char *id)
{
	size_t i;
	for (i = 0; id && i < x->nstyles; i++)
		if (!strcmp(x->styles[i].id, id))
			return &x->styles[i];
	return NULL;
}

/* "heading 3" / "Heading3" / "标题 3" → 2; -1 */
static int heading_name(const char *name)
{
	static const char *const pre[] = {"heading", "标题", NULL};
	size_t i;
	if (!name)
		return -1;
	if (!strcasecmp(name, "title") || !strcmp(name, "标题"))
		return 0;
	for (i = 0; pre[i]; i++) {
		size_t l = strlen(pre[i]);
		if (!strncasecmp(name, pre[i], l)) {
			const char *p = name + l;
			while (*p == ' ')
				p++;
			if (*p >= '1' && *p <= '9' && !p[1])
				return *p - '1';
		}
	}
	return -1;
}

/* Outline level of a style, following basedOn; -1 if none. */
static int style_level(const dctx *x, const char *id, const char **num_id, int *ilvl)
{
	int k;
	const dstyle *s = style(x, id);
	for (k = 0; s && k < MAX_STYLE_CHAIN; k++, s = style(x, s->based)) {
		if (num_id && !*num_id && s->num_id) {
			*num_id = s->num_id;
			*ilvl = s->ilvl;
		}
		if (s->outline >= 0)
			return s->outline;
		if (heading_name(s->name) >= 0)
			return heading_name(s->name);
	}
	return -1;
}

static int is_toc_style(const dctx *x, const char *id)
{
	const dstyle *s = style(x, id);
	return s && s->name && (!strncasecmp(s->name, "toc ", 4) || !strcasecmp(s->name, "toc heading"));
}

static int on(const xmlNode *n)
{
	const char *v = dz_el_attr(n, "val");
	return n && (!v || (strcmp(v, "0") && strcmp(v, "false") && strcmp(v, "off")));
}

static void read_styles(dctx *x)
{
	char *part = dz_opc_rel(x->p, x->part, NULL, "/styles");
	xmlNodePtr s;
	size_t n = 0;
	if (!part || !*part || !dz_opc_has(x->p, part) ||
	    (x->rc = dz_opc_xml(x->p, part, &x->styles_doc)) != 0) {
		dz_free(part);
		return;
	}
	dz_free(part);
	for (s = xmlDocGetRootElement(x->styles_doc)->children; s; s = s->next)
		n += dz_el(s, "style");
	x->styles = dz_calloc(n + 1, sizeof *x->styles);
	if (!x->styles) {
		x->rc = DOSSIER_ENOMEM;
		return;
	}
	for (s = xmlDocGetRootElement(x->styles_doc)->children; s; s = s->next) {
		dstyle *d;
		xmlNodePtr ppr, ol, np;
		if (!dz_el(s, "style") || !dz_el_attr(s, "styleId"))
			continue;
		d = &x->styles[x->nstyles++];
		d->id = dz_el_attr(s, "styleId");
		d->name = dz_el_attr(dz_el_child(s, "name"), "val");
		d->based = dz_el_attr(dz_el_child(s, "basedOn"), "val");
		d->outline = -1;
		ppr = dz_el_child(s, "pPr");
		ol = dz_el_child(ppr, "outlineLvl");
		if (ol && dz_el_attr(ol, "val")) {
			int v = atoi(dz_el_attr(ol, "val"));
			d->outline = v >= 0 && v <= 8 ? v : -1;
		}
		np = dz_el_child(ppr, "numPr");
		if (np) {
			d->num_id = dz_el_attr(dz_el_child(np, "numId"), "val");
			d->ilvl = dz_el_attr(dz_el_child(np, "ilvl"), "val")
				  ? atoi(dz_el_attr(dz_el_child(np, "ilvl"), "val")) : 0;
		}
	}
}

static void read_numbering(dctx *x)
{
	char *part = dz_opc_rel(x->p, x->part, NULL, "/numbering");
	xmlNodePtr root, n, a, l;
	size_t count = 0;
	if (!part || !*part || !dz_opc_has(x->p, part) ||
	    (x->rc = dz_opc_xml(x->p, part, &x->num_doc)) != 0) {
		dz_free(part);
		return;
	}
	dz_free(part);
	root = xmlDocGetRootElement(x->num_doc);
	for (n = root->children; n; n = n->next)
		count += dz_el(n, "num");
	if (count > 10000) {
		x->rc = dz_opc_limit(x->p, "word/numbering.xml", "编号定义过多",
				     "too many numbering definitions", 10000, "");
		return;
	}
	x->nums = dz_calloc(count + 1, sizeof *x->nums);
	if (!x->nums) {
		x->rc = DOSSIER_ENOMEM;
		return;
	}
	for (n = root->children; n; n = n->next) {
		const char *id = dz_el_attr(n, "numId");
		const char *abs = dz_el_attr(dz_el_child(n, "abstractNumId"), "val");
		dnum *d;
		if (!dz_el(n, "num") || !id || !abs)
			continue;
		d = &x->nums[x->nnums++];
		snprintf(d->id, sizeof d->id, "%s", id);
		for (a = root->children; a; a = a->next) {
			const char *aid = dz_el_attr(a, "abstractNumId");
			if (!dz_el(a, "abstractNum") || !aid || strcmp(aid, abs))
				continue;
			for (l = a->children; l; l = l->next) {
				const char *il = dz_el_attr(l, "ilvl");
				int k = il ? atoi(il) : -1;
				if (!dz_el(l, "lvl") || k < 0 || k > 8)
					continue;
				d->lvl[k].fmt = dz_el_attr(dz_el_child(l, "numFmt"), "val");
				d->lvl[k].text = dz_el_attr(dz_el_child(l, "lvlText"), "val");
				d->lvl[k].start = dz_el_attr(dz_el_child(l, "start"), "val")
						  ? atoi(dz_el_attr(dz_el_child(l, "start"), "val")) : 1;
			}
			break;
		}
		/* <w:lvlOverride><w:startOverride> */
		for (a = n->children; a; a = a->next) {
			const char *il = dz_el_attr(a, "ilvl");
			xmlNodePtr so = dz_el_child(a, "startOverride");
			int k = il ? atoi(il) : -1;
			if (dz_el(a, "lvlOverride") && so && k >= 0 && k <= 8 && dz_el_attr(so, "val"))
				d->lvl[k].start = atoi(dz_el_attr(so, "val"));
		}
	}
}

static dnum *num(dctx *x, const char *id)
{
	size_t i;
	for (i = 0; id && i < x->nnums; i++)
		if (!strcmp(x->nums[i].id, id))
			return &x->nums[i];
	return NULL;
}

/* A counter in numbering format fmt: 一 二 …, 1 2 …, a b …, i ii … */
static void counter(dz_buf *b, const char *fmt, int v)
{
	static const char *const cn[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
	if (!fmt)
		fmt = "decimal";
	if (v < 0)
		v = 0;
	if (!strncmp(fmt, "chinese", 7) || !strncmp(fmt, "ideograph", 9) ||
	    !strcmp(fmt, "japaneseCounting") || !strcmp(fmt, "taiwaneseCounting")) {
		if (v < 10) {
			dz_buf_puts(b, cn[v]);
		} else if (v < 100) {
			if (v / 10 > 1)
				dz_buf_puts(b, cn[v / 10]);
			dz_buf_puts(b, "十");
			if (v % 10)
				dz_buf_puts(b, cn[v % 10]);
		} else {
			dz_buf_printf(b, "%d", v);
		}
	} else if (!strcmp(fmt, "lowerLetter") || !strcmp(fmt, "upperLetter")) {
		int k = (v - 1) % 26, rep = (v - 1) / 26 + 1;
		while (rep-- > 0 && v > 0)
			dz_buf_putc(b, (char)((fmt[0] == 'l' ? 'a' : 'A') + k));
	} else if (!strcmp(fmt, "lowerRoman") || !strcmp(fmt, "upperRoman")) {
		static const int val[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
		static const char *const sym[] = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix",
						  "v", "iv", "i"};
		int i;
		for (i = 0; i < 13 && v > 0 && v < 4000; i++)
			while (v >= val[i]) {
				const char *s = sym[i];
				for (; *s; s++)
					dz_buf_putc(b, fmt[0] == 'l' ? *s : (char)(*s - 32));
				v -= val[i];
			}
	} else if (!strcmp(fmt, "decimalEnclosedCircleChinese") || !strcmp(fmt, "decimalEnclosedCircle")) {
		if (v >= 1 && v <= 20) {
			char u[4] = {(char)0xE2, (char)0x91, (char)(0x9F + v), 0};
			dz_buf_puts(b, u);
		} else {
			dz_buf_printf(b, "%d", v);
		}
	} else {
		dz_buf_printf(b, "%d", v);
	}
}

/* The number Word shows before a numbered paragraph ("一、", "（二）",
 * "3."), advancing the counters; *bullet set for a bullet. */
static char *number_text(dctx *x, const char *num_id, int ilvl, int *bullet)
{
	dnum *d = num(x, num_id);
	dz_buf b = DZ_BUF_INIT;
	const char *t;
	int k;
	*bullet = 0;
	if (!d || ilvl < 0 || ilvl > 8)
		return NULL;
	if (d->lvl[ilvl].fmt && !strcmp(d->lvl[ilvl].fmt, "bullet")) {
		*bullet = 1;
		return NULL;
	}
	if (d->lvl[ilvl].fmt && !strcmp(d->lvl[ilvl].fmt, "none"))
		return NULL;
	if (!(d->used & (1 << ilvl)))
		d->count[ilvl] = d->lvl[ilvl].start;
	else
		d->count[ilvl]++;
	d->used |= 1 << ilvl;
	for (k = ilvl + 1; k < 9; k++)
		d->used &= ~(1 << k); /* deeper levels restart */
	for (t = d->lvl[ilvl].text ? d->lvl[ilvl].text : "%1."; *t; t++) {
		if (t[0] == '%' && t[1] >= '1' && t[1] <= '9') {
			int l = t[1] - '1';
			counter(&b, d->lvl[l].fmt, (d->used & (1 << l)) ? d->count[l] : d->lvl[l].start);
			t++;
		} else {
			dz_buf_putc(&b, *t);
		}
	}
	return dz_buf_detach(&b);
}

/* ---------- runs ---------- */

typedef struct {
	dz_buf text;
	dz_buf fmt;     /* one byte per text byte: bit 0 bold, bit 1 italic */
	int field;      /* inside a field: 1 instructions, 2 result */
	int images, boxes, objects, math, notes, comments, symbols, hidden, deleted;
	char *link;     /* the hyperlink being read, or NULL */
} runs;

static void put(runs *r, const char *s, size_t n, int f)
{
	size_t i;
	dz_buf_put(&r->text, s, n);
	for (i = 0; i < n; i++)
		dz_buf_putc(&r->fmt, (char)f);
}

static int run_format(const dctx *x, const xmlNode *rpr)
{
	int f = 0;
	const char *rs = dz_el_attr(dz_el_child(rpr, "rStyle"), "val");
	const dstyle *s = style(x, rs);
	if (dz_el_child(rpr, "b") ? on(dz_el_child(rpr, "b")) : 0)
		f |= 1;
	if (dz_el_child(rpr, "i") ? on(dz_el_child(rpr, "i")) : 0)
		f |= 2;
	if (s && s->name) {
		if (!strcasecmp(s->name, "strong") || !strcasecmp(s->name, "Strong Emphasis"))
			f |= 1;
		if (!strcasecmp(s->name, "emphasis"))
			f |= 2;
	}
	return f;
}

/* Text of drawings' text boxes, for the note. */
static void box_text(const xmlNode *n, dz_buf *b, int depth)
{
	const xmlNode *c;
	if (depth > 64 || b->len > 60)
		return;
	for (c = n->children; c; c = c->next) {
		if (dz_el(c, "t") && c->children && c->children->content)
			dz_buf_puts(b, (const char *)c->children->content);
		else if (c->type == XML_ELEMENT_NODE)
			box_text(c, b, depth + 1);
	}
}

static void inline_children(dctx *x, runs *r, const xmlNode *n, int depth);

static void run(dctx *x, runs *r, const xmlNode *run_el)
{
	const xmlNode *c;
	int f = run_format(x, dz_el_child(run_el, "rPr"));
	const xmlNode *rpr = dz_el_child(run_el, "rPr");
	if (rpr && dz_el_child(rpr, "vanish") && on(dz_el_child(rpr, "vanish"))) {
		r->hidden++;
		return;
	}
	for (c = run_el->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (dz_el(c, "fldChar")) {
			const char *t = dz_el_attr(c, "fldCharType");
			if (t && !strcmp(t, "begin"))
				r->field = 1;
			else if (t && !strcmp(t, "separate"))
				r->field = 2;
			else if (t && !strcmp(t, "end"))
				r->field = 0;
			continue;
		}
		if (r->field == 1)
			continue; /* field instructions; the result follows */
		if (dz_el(c, "t")) {
			const char *t = c->children && c->children->content
					? (const char *)c->children->content : "";
			put(r, t, strlen(t), f);
		} else if (dz_el(c, "tab") || dz_el(c, "ptab")) {
			put(r, " ", 1, f);
		} else if (dz_el(c, "br") || dz_el(c, "cr")) {
			const char *type = dz_el_attr(c, "type");
			if (!type || !strcmp(type, "textWrapping"))
				put(r, "\n", 1, 0);
		} else if (dz_el(c, "noBreakHyphen")) {
			put(r, "-", 1, f);
		} else if (dz_el(c, "sym")) {
			const char *font = dz_el_attr(c, "font"), *ch = dz_el_attr(c, "char");
			r->symbols++;
			(void)font;
			(void)ch;
		} else if (dz_el(c, "drawing") || dz_el(c, "pict")) {
			dz_buf t = DZ_BUF_INIT;
			box_text(c, &t, 0);
			if (t.len)
				r->boxes++;
			else
				r->images++;
			dz_buf_dispose(&t);
		} else if (dz_el(c, "object") || dz_el(c, "embeddedObject")) {
			r->objects++;
		} else if (dz_el(c, "footnoteReference") || dz_el(c, "endnoteReference")) {
			r->notes++;
		} else if (dz_el(c, "commentReference")) {
			r->comments++;
		} else if (dz_el(c, "AlternateContent")) {
			/* mc:AlternateContent: one of its choices, said as a drawing */
			r->images++;
		}
	}
}

static void inline_children(dctx *x, runs *r, const xmlNode *n, int depth)
{
	const xmlNode *c;
	if (depth > 32)
		return;
	for (c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (dz_el(c, "r")) {
			run(x, r, c);
		} else if (dz_el(c, "hyperlink")) {
			const char *rid = dz_el_attr(c, "id");
			size_t start = r->text.len;
			inline_children(x, r, c, depth + 1);
			if (rid && r->text.len > start) {
				/* [text](target) for an external link */
				char *target = dz_opc_rel_target(x->p, x->part, rid);
				if (target && (dz_startswith(target, "http://") || dz_startswith(target, "https://") ||
					       dz_startswith(target, "mailto:"))) {
					char *t = dz_strndup(dz_buf_cstr(&r->text) + start, r->text.len - start);
					char *f = dz_strndup(dz_buf_cstr(&r->fmt) + start, r->fmt.len - start);
					r->text.len = r->fmt.len = start;
					if (t && f) {
						size_t i;
						put(r, "\x01", 1, 0);
						for (i = 0; t[i]; i++)
							put(r, t + i, 1, f[i]);
						put(r, "\x02", 1, 0);
						put(r, target, strlen(target), 0);
						put(r, "\x03", 1, 0);
					}
					dz_free(t);
					dz_free(f);
				}
				dz_free(target);
			}
		} else if (dz_el(c, "del") || dz_el(c, "moveFrom")) {
			r->deleted++;
		} else if (dz_el(c, "ins") || dz_el(c, "moveTo") || dz_el(c, "smartTag") ||
			   dz_el(c, "customXml") || dz_el(c, "sdtContent") || dz_el(c, "fldSimple")) {
			inline_children(x, r, c, depth + 1);
		} else if (dz_el(c, "sdt")) {
			inline_children(x, r, dz_el_child(c, "sdtContent"), depth + 1);
		} else if (dz_el(c, "oMath") || dz_el(c, "oMathPara")) {
			r->math++;
		}
	}
}

/* ---------- Markdown of a run of text ---------- */

static int is_punct(uint32_t cp)
{
	utf8proc_category_t k;
	if (cp < 0x80)
		return (cp >= '!' && cp <= '/') || (cp >= ':' && cp <= '@') ||
		       (cp >= '[' && cp <= '`') || (cp >= '{' && cp <= '~');
	k = utf8proc_category((utf8proc_int32_t)cp);
	return k >= UTF8PROC_CATEGORY_PC && k <= UTF8PROC_CATEGORY_PO;
}

static int is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == 0x3000 || cp == 0xA0;
}

/* Escape what Markdown would read as syntax; `start` says a line starts. */
static void escape(dz_buf *b, const char *s, size_t n, int *start)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\n') {
			dz_buf_puts(b, "\\\n"); /* a hard line break */
			*start = 1;
			i++;
			continue;
		}
		if (c == '{' && i + 1 < n && s[i + 1] == '{') {
			/* {{fig:rd_floor_area}}: kept as written */
			const char *close = NULL;
			size_t q;
			for (q = i + 2; q + 1 < n && !close; q++)
				if (s[q] == '}' && s[q + 1] == '}')
					close = s + q;
			if (close && !memchr(s + i, '\n', (size_t)(close - (s + i)))) {
				size_t len = (size_t)(close - (s + i)) + 2;
				dz_buf_put(b, s + i, len);
				i += len;
				*start = 0;
				continue;
			}
		}
		if (*start) {
			/* # - + = > at a line start, "1." "1)" */
			size_t k = i;
			while (k < n && s[k] >= '0' && s[k] <= '9')
				k++;
			if (k > i && k < n && (s[k] == '.' || s[k] == ')') && k - i <= 9 &&
			    (k + 1 == n || s[k + 1] == ' ' || s[k + 1] == '\t' || s[k + 1] == '\n')) {
				dz_buf_put(b, s + i, k - i);
				dz_buf_putc(b, '\\');
				dz_buf_putc(b, s[k]);
				i = k + 1;
				*start = 0;
				continue;
			}
			k = i;
			while (k < n && s[k] == (char)c)
				k++;
			if (c == '>' || (strchr("#-+=", c) &&
					 (k == n || s[k] == ' ' || s[k] == '\t' || s[k] == '\n')))
				dz_buf_putc(b, '\\');
		}
		*start = 0;
		if (strchr("\\`*_[]<>|~", c) || (c == '&' && i + 1 < n &&
						   (s[i + 1] == '#' || (s[i + 1] | 0x20) >= 'a') &&
						   (s[i + 1] | 0x20) <= 'z'))
			dz_buf_putc(b, '\\');
		dz_buf_putc(b, (char)c);
		i++;
	}
}

/* The code point before/at byte i of s (0 at the edges). */
static uint32_t cp_at(const char *s, size_t len, size_t i)
{
	uint32_t cp = 0;
	if (i >= len)
		return 0;
	dz_utf8_decode((const unsigned char *)s + i, len - i, &cp);
	return cp;
}

static size_t char_start_before(const char *s, size_t i)
{
	size_t k = i;
	if (k == 0)
		return 0;
	k--;
	while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	return k;
}

/* One span of text with format f: the emphasis kept inside only its
 * non-punctuation, non-space core, so the delimiters flank correctly. */
static void span(dz_buf *b, const char *s, size_t n, int f, int *start)
{
	const char *mark = f == 3 ? "***" : f == 1 ? "**" : "*";
	size_t a = 0, e = n;
	if (!f) {
		escape(b, s, n, start);
		return;
	}
	while (a < e) {
		uint32_t cp = cp_at(s, n, a);
		int l = dz_utf8_decode((const unsigned char *)s + a, n - a, &cp);
		if (l <= 0 || !(is_space(cp) || is_punct(cp)))
			break;
		a += (size_t)l;
	}
	while (e > a) {
		size_t k = char_start_before(s, e);
		uint32_t cp = cp_at(s, n, k);
		if (!(is_space(cp) || is_punct(cp)))
			break;
		e = k;
	}
	escape(b, s, a, start);
	if (e > a && !memchr(s + a, '\n', e - a)) {
		dz_buf_puts(b, mark);
		escape(b, s + a, e - a, start);
		dz_buf_puts(b, mark);
	} else {
		escape(b, s + a, e - a, start); /* only punctuation: plain */
	}
	escape(b, s + e, n - e, start);
}

/* Markdown of the runs' text (trimmed), figures references kept whole. */
static char *runs_md(runs *r, char **plain_out)
{
	char *t = r->text.ptr ? r->text.ptr : (char *)"";
	char *f = r->fmt.ptr ? r->fmt.ptr : (char *)"";
	size_t n = r->text.len, i, a = 0, e = n;
	dz_buf b = DZ_BUF_INIT, plain = DZ_BUF_INIT;
	int start = 1;
	/* trim spaces, tabs and ideographic spaces (first-line indents) */
	while (a < e) {
		uint32_t cp = cp_at(t, n, a);
		int l = dz_utf8_decode((const unsigned char *)t + a, n - a, &cp);
		if (l <= 0 || !is_space(cp))
			break;
		a += (size_t)l;
	}
	while (e > a) {
		size_t k = char_start_before(t, e);
		if (!is_space(cp_at(t, n, k)))
			break;
		e = k;
	}
	/* {{fig:x}} split over runs of different formats: one format */
	for (i = a; i + 1 < e; i++) {
		if (t[i] == '{' && t[i + 1] == '{') {
			char *close = strstr(t + i, "}}");
			size_t k;
			if (!close || (size_t)(close - t) + 2 > e)
				break;
			for (k = i; k < (size_t)(close - t) + 2; k++)
				f[k] = 0; /* a figure is a value: no emphasis inside */
			i = (size_t)(close - t) + 1;
		}
	}
	for (i = a; i < e;) {
		size_t k = i;
		if (t[i] == '\x01') {
			/* a link: [text](target) */
			char *mid = memchr(t + i, '\x02', e - i), *end = mid ? memchr(mid, '\x03', (size_t)(t + e - mid)) : NULL;
			if (mid && end) {
				size_t j = i + 1;
				dz_buf_putc(&b, '[');
				start = 0;
				while (j < (size_t)(mid - t)) {
					size_t q = j;
					while (q < (size_t)(mid - t) && f[q] == f[j])
						q++;
					span(&b, t + j, q - j, f[j] & 3, &start);
					dz_buf_put(&plain, t + j, q - j);
					j = q;
				}
				dz_buf_puts(&b, "](<");
				dz_buf_put(&b, mid + 1, (size_t)(end - mid - 1));
				dz_buf_puts(&b, ">)");
				i = (size_t)(end - t) + 1;
				continue;
			}
		}
		while (k < e && f[k] == f[i] && t[k] != '\x01')
			k++;
		if (k == i)
			k++;
		span(&b, t + i, k - i, f[i] & 3, &start);
		dz_buf_put(&plain, t + i, k - i);
		i = k;
	}
	if (plain_out)
		*plain_out = dz_buf_detach(&plain);
	else
		dz_buf_dispose(&plain);
	return dz_buf_detach(&b);
}

static void runs_dispose(runs *r)
{
	dz_buf_dispose(&r->text);
	dz_buf_dispose(&r->fmt);
}

/* What the runs held but Markdown cannot: one note each kind. */
static void runs_notes(dctx *x, const runs *r, const char *plain)
{
	if (r->images)
		dnote(x, SEV_WARN, "DOCX-IMAGE", plain,
		      "有图片或图形，Markdown 章节不能带图片，未导入",
		      "an image or drawing is not imported (a Markdown section carries no images)",
		      "把图片作为证明材料放入 evidence/ 并在 centre.xml 中登记，或在正文中用文字说明。",
		      "Put the image in evidence/ and declare it in centre.xml, or describe it in the text.");
	if (r->boxes)
		dnote(x, SEV_WARN, "DOCX-TEXTBOX", plain, "文本框中的文字未导入",
		      "text in a text box is not imported", "把文本框中的文字移到正文中。",
		      "Move the text of the text box into the body.");
	if (r->objects)
		dnote(x, SEV_WARN, "DOCX-OBJECT", plain, "嵌入的对象（如 Excel 表格、Visio 图）未导入",
		      "an embedded object (an Excel table, a Visio drawing ...) is not imported",
		      "把对象的内容改为 Word 表格或文字。", "Turn its content into a Word table or text.");
	if (r->math)
		dnote(x, SEV_WARN, "DOCX-MATH", plain, "公式未导入", "an equation is not imported",
		      "把公式改写为文字（如 R&D 投入强度 = 研发经费 ÷ 营业收入）。",
		      "Write the equation out as text.");
	if (r->notes)
		dnote(x, SEV_WARN, "DOCX-NOTE", plain, "脚注或尾注未导入（只保留正文）",
		      "a footnote or endnote is not imported (only the body is)",
		      "把脚注内容写进正文，或用括号说明。", "Move the note's text into the body.");
	if (r->comments)
		dnote(x, SEV_INFO, "DOCX-COMMENT", plain, "批注未导入", "a comment is not imported",
		      "", "");
	if (r->hidden && !x->noted_hidden++)
		dnote(x, SEV_WARN, "DOCX-HIDDEN", plain, "有隐藏文字，未导入（此后的隐藏文字不再逐一提示）",
		      "hidden text is not imported (later hidden text is not reported again)",
		      "如需保留，在 Word 中取消“隐藏”格式。", "To keep it, clear the Hidden format in Word.");
	if (r->deleted && !x->noted_deleted++)
		dnote(x, SEV_INFO, "DOCX-REVISION", plain,
		      "修订中删除的文字未导入，按接受全部修订处理（此后不再逐一提示）",
		      "text deleted in tracked changes is not imported: the changes are taken as accepted "
		      "(not reported again)",
		      "在 Word 中接受或拒绝全部修订后再导入。",
		      "Accept or reject all changes in Word before importing.");
	if (r->symbols)
		dnote(x, SEV_WARN, "DOCX-SYMBOL", plain, "用“插入符号”插入的图形字体符号未导入",
		      "a symbol from a picture font (Insert Symbol) is not imported",
		      "改用普通文字字符。", "Use an ordinary text character instead.");
}

/* ---------- blocks ---------- */

static void add_block(dctx *x, int level, char *plain, char *md, int list)
{
	dblock *d;
	if (!md || dz_grow((void **)&x->blocks, &x->cap, x->nblocks, sizeof *x->blocks)) {
		dz_free(plain);
		dz_free(md);
		x->rc = DOSSIER_ENOMEM;
		return;
	}
	d = &x->blocks[x->nblocks++];
	d->level = level;
	d->plain = plain;
	d->md = md;
	d->para = x->para;
	d->list = list;
}

static int count_unit(dctx *x)
{
	if (++x->units > dz_opc_opts(x->p)->max_cells) {
		x->rc = dz_opc_limit(x->p, x->part, "段落与表格单元格过多",
				     "too many paragraphs and table cells",
				     dz_opc_opts(x->p)->max_cells, "");
		return -1;
	}
	return 0;
}

/* "一、" / "（一）" at the start of a short paragraph: level 1 / 2. */
static int numbered_heading(const char *plain)
{
	static const char *const cn[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", NULL};
	const char *p = plain;
	int paren = 0, digits = 0;
	if (dz_utf8_count(plain, strlen(plain), 0) > 40 || strstr(plain, "。"))
		return 0;
	if (!strncmp(p, "（", 3) || *p == '(') {
		paren = 1;
		p += *p == '(' ? 1 : 3;
	}
	for (;;) {
		size_t i;
		for (i = 0; cn[i] && strncmp(p, cn[i], 3); i++)
			;
		if (!cn[i])
			break;
		p += 3;
		digits++;
	}
	if (!digits || digits > 3)
		return 0;
	if (paren)
		return !strncmp(p, "）", 3) || *p == ')' ? 2 : 0;
	return !strncmp(p, "、", 3) ? 1 : 0;
}

static void paragraph(dctx *x, const xmlNode *p, int in_table, dz_buf *cell)
{
	const xmlNode *ppr = dz_el_child(p, "pPr");
	const char *sid = dz_el_attr(dz_el_child(ppr, "pStyle"), "val");
	const xmlNode *np = dz_el_child(ppr, "numPr"), *ol = dz_el_child(ppr, "outlineLvl");
	const char *num_id = np ? dz_el_attr(dz_el_child(np, "numId"), "val") : NULL;
	int ilvl = np && dz_el_attr(dz_el_child(np, "ilvl"), "val")
		   ? atoi(dz_el_attr(dz_el_child(np, "ilvl"), "val")) : 0;
	int level = -1, bullet = 0;
	runs r;
	char *md, *plain = NULL, *numtext = NULL;
	x->para++;
	if (count_unit(x))
		return;
	if (is_toc_style(x, sid))
		return; /* a table of contents: the headings are the content */
	memset(&r, 0, sizeof r);
	inline_children(x, &r, p, 0);
	if (r.text.oom || r.fmt.oom) {
		runs_dispose(&r);
		x->rc = DOSSIER_ENOMEM;
		return;
	}
	level = style_level(x, sid, num_id ? NULL : &num_id, &ilvl);
	if (level >= 0 || heading_name(sid) >= 0)
		x->any_heading_style = 1;
	if (level < 0)
		level = heading_name(sid);
	if (ol && dz_el_attr(ol, "val")) {
		int v = atoi(dz_el_attr(ol, "val"));
		level = v >= 0 && v <= 8 ? v : -1;
	}
	if (num_id && strcmp(num_id, "0"))
		numtext = number_text(x, num_id, ilvl, &bullet);
	md = runs_md(&r, &plain);
	runs_notes(x, &r, plain);
	runs_dispose(&r);
	if (!md || !plain) {
		dz_free(md);
		dz_free(plain);
		dz_free(numtext);
		x->rc = DOSSIER_ENOMEM;
		return;
	}
	if (*plain)
		snprintf(x->last_text, sizeof x->last_text, "%s", plain);
	if (in_table) {
		/* a cell: its paragraphs on one line, no block syntax */
		if (*md) {
			if (cell->len)
				dz_buf_putc(cell, ' ');
			if (numtext)
				dz_buf_puts(cell, numtext);
			dz_buf_puts(cell, md);
		}
		dz_free(md);
		dz_free(plain);
		dz_free(numtext);
		return;
	}
	if (!*md && !numtext) {
		dz_free(md);
		dz_free(plain);
		return;
	}
	if (level >= 0 && *plain) {
		char *h = dz_fmt("%.*s %s%s", level < 6 ? level + 1 : 6, "######", numtext ? numtext : "", md);
		char *hp = dz_fmt("%s%s", numtext ? numtext : "", plain);
		add_block(x, level < 6 ? level + 1 : 6, hp, h, 0);
		dz_free(plain);
	} else if (num_id && strcmp(num_id, "0") && (bullet || numtext)) {
		char *li;
		if (bullet || !numtext || !strpbrk(numtext, "0123456789"))
			li = bullet ? dz_fmt("%*s- %s", ilvl * 4, "", md)
				    : dz_fmt("%*s- %s%s", ilvl * 4, "", numtext, md);
		else {
			/* "3." → an ordered item; other shapes kept as text */
			long v = strtol(numtext + strcspn(numtext, "0123456789"), NULL, 10);
			li = dz_fmt("%*s%ld. %s", ilvl * 4, "", v, md);
		}
		add_block(x, 0, NULL, li, 1);
		dz_free(plain);
	} else {
		add_block(x, 0, plain, numtext ? dz_fmt("%s%s", numtext, md) : dz_strdup(md), 0);
	}
	dz_free(md);
	dz_free(numtext);
}

static void body(dctx *x, const xmlNode *parent, int depth);

/* A table: rows of cells, merged cells split and said. */
static void table(dctx *x, const xmlNode *tbl, int depth)
{
	const xmlNode *tr, *tc;
	dz_buf out = DZ_BUF_INIT;
	size_t ncols = 0, row = 0, hmerged = 0, vmerged = 0, nested = 0;
	int first_para = x->para + 1;
	char **cells = NULL;
	size_t ncells = 0, capc = 0, *widths = NULL, nrows = 0, caprow = 0;
	size_t i, k;
	if (depth > 8)
		return;
	for (tr = tbl->children; tr && !x->rc; tr = tr->next) {
		size_t w = 0;
		if (!dz_el(tr, "tr"))
			continue;
		for (tc = tr->children; tc && !x->rc; tc = tc->next) {
			const xmlNode *pr, *c;
			dz_buf cell = DZ_BUF_INIT;
			int span = 1, cont = 0;
			if (dz_el(tc, "sdt"))
				tc = dz_el_child(dz_el_child(tc, "sdtContent"), "tc") ? dz_el_child(dz_el_child(tc, "sdtContent"), "tc") : tc;
			if (!dz_el(tc, "tc"))
				continue;
			pr = dz_el_child(tc, "tcPr");
			if (dz_el_child(pr, "gridSpan") && dz_el_attr(dz_el_child(pr, "gridSpan"), "val"))
				span = atoi(dz_el_attr(dz_el_child(pr, "gridSpan"), "val"));
			if (span < 1)
				span = 1;
			if (dz_el_child(pr, "vMerge")) {
				const char *v = dz_el_attr(dz_el_child(pr, "vMerge"), "val");
				cont = !v || strcmp(v, "restart");
			}
			if (w + (size_t)span > MAX_COLS) {
				x->rc = dz_opc_limit(x->p, x->part, "表格列数过多", "a table has too many columns",
						     MAX_COLS, "");
				dz_buf_dispose(&cell);
				break;
			}
			for (c = tc->children; c && !x->rc; c = c->next) {
				if (dz_el(c, "p"))
					paragraph(x, c, 1, &cell);
				else if (dz_el(c, "tbl")) {
					/* a table in a cell: its text, flattened */
					const xmlNode *r2, *c2, *p2;
					nested++;
					for (r2 = c->children; r2; r2 = r2->next)
						for (c2 = r2->children; c2; c2 = c2->next)
							for (p2 = c2->children; p2; p2 = p2->next)
								if (dz_el(p2, "p"))
									paragraph(x, p2, 1, &cell);
				}
			}
			if (cont) {
				vmerged++;
				cell.len = 0;
			}
			if (span > 1)
				hmerged++;
			for (k = 0; k < (size_t)span && !x->rc; k++) {
				if (dz_grow((void **)&cells, &capc, ncells, sizeof *cells) || count_unit(x)) {
					if (!x->rc)
						x->rc = DOSSIER_ENOMEM;
					break;
				}
				cells[ncells++] = k == 0 ? dz_strdup(dz_buf_cstr(&cell)) : dz_strdup("");
				w++;
			}
			dz_buf_dispose(&cell);
		}
		if (dz_grow((void **)&widths, &caprow, nrows, sizeof *widths)) {
			x->rc = DOSSIER_ENOMEM;
			break;
		}
		widths[nrows++] = w;
		if (w > ncols)
			ncols = w;
		row++;
	}
	if (!x->rc && nrows && ncols) {
		size_t at = 0, r;
		for (r = 0; r < nrows; r++) {
			dz_buf_putc(&out, '|');
			for (k = 0; k < ncols; k++) {
				const char *c = k < widths[r] ? cells[at + k] : "";
				dz_buf_putc(&out, ' ');
				dz_buf_puts(&out, c ? c : "");
				dz_buf_puts(&out, " |");
			}
			at += widths[r];
			dz_buf_putc(&out, '\n');
			if (r == 0) {
				dz_buf_putc(&out, '|');
				for (k = 0; k < ncols; k++)
					dz_buf_puts(&out, "---|");
				dz_buf_putc(&out, '\n');
			}
		}
		if (out.len && out.ptr[out.len - 1] == '\n')
			out.ptr[--out.len] = '\0';
		{
			int keep = x->para;
			x->para = first_para;
			add_block(x, 0, NULL, dz_buf_detach(&out), 0);
			if (hmerged || vmerged) {
				char *zh = dz_fmt("表格中有合并单元格（横向 %zu 处、纵向 %zu 处），"
						  "Markdown 表格不能合并，已拆成单独的单元格（合并的内容只留在第一格）",
						  hmerged, vmerged);
				char *en = dz_fmt("the table has merged cells (%zu across, %zu down); a "
						  "Markdown table cannot merge them, so they are split (the "
						  "content stays in the first)", hmerged, vmerged);
				dnote(x, SEV_WARN, "DOCX-MERGED", cells && ncells ? cells[0] : NULL,
				      zh ? zh : "表格有合并单元格", en ? en : "the table has merged cells",
				      "核对拆开后的表格；需要时把合并格的内容填到每一格。",
				      "Check the split table; copy a merged cell's content into each cell if needed.");
				dz_free(zh);
				dz_free(en);
			}
			if (nested)
				dnote(x, SEV_WARN, "DOCX-NESTED", cells && ncells ? cells[0] : NULL,
				      "表格中嵌套的表格已展开为文字", "a table nested in a table is flattened to text",
				      "把嵌套的表格移出，作为单独的表格。",
				      "Move the nested table out as a table of its own.");
			x->para = keep;
		}
	}
	dz_buf_dispose(&out);
	for (i = 0; i < ncells; i++)
		dz_free(cells[i]);
	dz_free(cells);
	dz_free(widths);
	(void)row;
}

static void body(dctx *x, const xmlNode *parent, int depth)
{
	const xmlNode *c;
	if (depth > 16)
		return;
	for (c = parent->children; c && !x->rc; c = c->next) {
		if (dz_el(c, "p"))
			paragraph(x, c, 0, NULL);
		else if (dz_el(c, "tbl"))
			table(x, c, depth);
		else if (dz_el(c, "sdt"))
			body(x, dz_el_child(c, "sdtContent"), depth + 1);
		else if (dz_el(c, "customXml") || dz_el(c, "ins") || dz_el(c, "moveTo"))
			body(x, c, depth + 1);
		else if (dz_el(c, "altChunk"))
			dnote(x, SEV_WARN, "DOCX-CHUNK", NULL, "嵌入的外部文档片段未导入",
			      "an embedded document chunk is not imported",
			      "在 Word 中把该内容转为正文。", "Turn it into body text in Word.");
	}
}

/* Text in headers and footers: not narrative, but said. */
static void page_furniture(dctx *x)
{
	static const char *const kinds[] = {"/header", "/footer", NULL};
	size_t i;
	for (i = 0; kinds[i] && !x->rc; i++) {
		char *part = dz_opc_rel(x->p, x->part, NULL, kinds[i]);
		xmlDocPtr d = NULL;
		if (part && *part && dz_opc_has(x->p, part) && dz_opc_xml(x->p, part, &d) == 0) {
			dz_buf t = DZ_BUF_INIT;
			box_text(xmlDocGetRootElement(d), &t, 0);
			dz_trim((char *)dz_buf_cstr(&t));
			if (*dz_buf_cstr(&t)) {
				int keep = x->para;
				x->para = 0;
				dnote(x, SEV_INFO, "DOCX-HEADER", dz_buf_cstr(&t),
				      "页眉页脚中的文字未导入（报告的页眉页脚由 dossier render 生成）",
				      "text in headers and footers is not imported (dossier render makes them)",
				      "", "");
				x->para = keep;
			}
			dz_buf_dispose(&t);
			xmlFreeDoc(d);
		} else {
			dossier_error_clear();
		}
		dz_free(part);
	}
}

/* ---------- the document ---------- */

static void dctx_dispose(dctx *x)
{
	size_t i;
	for (i = 0; i < x->nblocks; i++) {
		dz_free(x->blocks[i].plain);
		dz_free(x->blocks[i].md);
	}
	dz_free(x->blocks);
	dz_free(x->styles);
	dz_free(x->nums);
	xmlFreeDoc(x->styles_doc);
	xmlFreeDoc(x->num_doc);
}

/* Read the document into blocks. */
static int convert(dctx *x, dz_opc *p, const char *file, dossier_report *notes)
{
	char *part;
	xmlDocPtr doc = NULL;
	xmlNodePtr root, b;
	size_t i;
	memset(x, 0, sizeof *x);
	x->p = p;
	x->file = file;
	x->notes = notes;
	part = dz_opc_rel(p, "", NULL, "/officeDocument");
	if (!part && dossier_error_last() && dossier_error_last()->code == DOSSIER_ENOMEM)
		return DOSSIER_ENOMEM;
	x->part = part ? part : "word/document.xml";
	if ((x->rc = dz_opc_xml(p, x->part, &doc)) != 0) {
		dz_free(part);
		return x->rc;
	}
	root = xmlDocGetRootElement(doc);
	b = dz_el_child(root, "body");
	if (!dz_el(root, "document") || !b) {
		char *z = dz_fmt("%s：不是 Word 文档", x->part), *e = dz_fmt("%s: not a Word document", x->part);
		xmlFreeDoc(doc);
		dz_free(part);
		dz_err(DOSSIER_EPARSE, file, 0, 0, z ? z : "不是 Word 文档", e ? e : "not a Word document",
		       "用 Word 或 WPS 另存为 .docx。", "Save it as .docx from Word or WPS.");
		dz_free(z);
		dz_free(e);
		return DOSSIER_EPARSE;
	}
	read_styles(x);
	if (!x->rc)
		read_numbering(x);
	if (!x->rc)
		body(x, b, 0);
	if (!x->rc)
		page_furniture(x);
	if (!x->rc && !x->any_heading_style) {
		/* no heading styles: "一、" and "（一）" make the headings */
		for (i = 0; i < x->nblocks; i++) {
			dblock *d = &x->blocks[i];
			int l;
			if (d->level || d->list || !d->plain || !(l = numbered_heading(d->plain)))
				continue;
			{
				char *h = dz_fmt("%s %s", l == 1 ? "#" : "##", d->md);
				if (!h) {
					x->rc = DOSSIER_ENOMEM;
					break;
				}
				dz_free(d->md);
				d->md = h;
				d->level = l;
			}
		}
	}
	xmlFreeDoc(doc);
	dz_free(part);
	x->part = NULL;
	if (!x->rc && (notes->oom))
		x->rc = DOSSIER_ENOMEM;
	if (x->rc == DOSSIER_ENOMEM)
		dz_err(x->rc, file, 0, 0, "内存不足", "out of memory", "", "");
	return x->rc;
}

/* Join blocks [a, b) as Markdown, with the paragraph of every line. */
static char *join_blocks(const dctx *x, size_t a, size_t b, int shift, int **line_para,
			 size_t *nlines)
{
	dz_buf out = DZ_BUF_INIT;
	int *lp = NULL;
	size_t nl = 0, cap = 0, i;
	for (i = a; i < b; i++) {
		const dblock *d = &x->blocks[i];
		const char *m = d->md, *q;
		if (i > a && !(d->list && x->blocks[i - 1].list)) {
			dz_buf_putc(&out, '\n');
			if (line_para && !dz_grow((void **)&lp, &cap, nl, sizeof *lp))
				lp[nl++] = d->para;
		}
		if (d->level && shift) {
			/* a heading of a split section: its level from the section's */
			int l = d->level - shift + 1;
			if (i == a)
				l = 1;
			if (l < 2 && i != a)
				l = 2;
			if (l > 6)
				l = 6;
			dz_buf_printf(&out, "%.*s ", l, "######");
			m = d->md + strspn(d->md, "#");
			m += *m == ' ';
		}
		dz_buf_puts(&out, m);
		dz_buf_putc(&out, '\n');
		for (q = m; line_para && q; q = strchr(q + 1, '\n')) {
			if (dz_grow((void **)&lp, &cap, nl, sizeof *lp))
				break;
			lp[nl++] = d->para;
			if (!strchr(q + (q != m), '\n'))
				break;
		}
	}
	if (out.oom || (line_para && nl && !lp)) {
		dz_buf_dispose(&out);
		dz_free(lp);
		return NULL;
	}
	if (line_para) {
		*line_para = lp;
		*nlines = nl;
	}
	return dz_buf_detach(&out);
}

int dz_docx_markdown(char **md, int **para_of_line, size_t *nlines,
		     dossier_report *notes, dz_opc *p, const char *file)
{
	dctx x;
	int rc = convert(&x, p, file, notes);
	*md = NULL;
	if (para_of_line)
		*para_of_line = NULL;
	if (rc == 0) {
		*md = join_blocks(&x, 0, x.nblocks, 0, para_of_line, nlines);
		if (!*md)
			rc = dz_err(DOSSIER_ENOMEM, file, 0, 0, "内存不足", "out of memory", "", "");
	}
	dctx_dispose(&x);
	return rc;
}

int dossier_docx_markdown(char **md, dossier_report **notes, const char *docx,
			  const dossier_office_options *opts)
{
	dossier_office_options o = DOSSIER_OFFICE_OPTIONS_INIT;
	dz_opc *p = NULL;
	int rc;
	*md = NULL;
	*notes = NULL;
	if (opts)
		o = *opts;
	if (!(*notes = dz_notes_new()))
		return DOSSIER_ENOMEM;
	if ((rc = dz_opc_open(&p, docx, &o)) == 0)
		rc = dz_docx_markdown(md, NULL, NULL, *notes, p, docx);
	dz_opc_close(p);
	return rc;
}

/* ---------- a whole report split into sections ---------- */

/* Text without spaces, for comparing headings with the outline's. */
static char *squeeze(const char *s)
{
	dz_buf b = DZ_BUF_INIT;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		uint32_t cp;
		int l = dz_utf8_decode(p, strlen((const char *)p), &cp);
		if (l <= 0)
			break;
		if (cp == '(')
			dz_buf_puts(&b, "（");
		else if (cp == ')')
			dz_buf_puts(&b, "）");
		else if (cp == ',')
			dz_buf_puts(&b, "，");
		else if (!is_space(cp))
			dz_buf_put(&b, (const char *)p, (size_t)l);
		p += l;
	}
	return dz_buf_detach(&b);
}

/* 1 if heading text h names section s ("一、摘要", "摘要", "一、 摘 要"). */
static int names_section(const char *h, const dz_osection *s)
{
	char *a = squeeze(h), *t = squeeze(s->title), *full = s->number ? dz_fmt("%s、%s", s->number, s->title) : NULL;
	char *f = full ? squeeze(full) : NULL;
	int hit = 0;
	if (a && t) {
		hit = !strcmp(a, t) || (f && !strcmp(a, f));
		if (!hit && f && s->number) {
			char *num = dz_fmt("%s、", s->number);
			hit = num && dz_startswith(a, num) && strstr(a, t) != NULL;
			dz_free(num);
		}
	}
	dz_free(a);
	dz_free(t);
	dz_free(full);
	dz_free(f);
	return hit;
}

static const dz_odoc *best_doc(const dctx *x, const dossier_outline *o, const char *doc_id)
{
	size_t d, i, k, best = 0;
	const dz_odoc *bd = NULL;
	for (d = 0; d < o->ndocs; d++) {
		const dz_odoc *od = &o->docs[d];
		size_t hits = 0;
		if (doc_id ? strcmp(od->id, doc_id) != 0 : od->nsec == 0)
			continue;
		for (k = od->first_sec; k < od->first_sec + od->nsec; k++)
			for (i = 0; i < x->nblocks; i++)
				if (x->blocks[i].level && x->blocks[i].plain &&
				    names_section(x->blocks[i].plain, &o->secs[k])) {
					hits++;
					break;
				}
		if (doc_id || hits > best) {
			best = hits;
			bd = od;
		}
	}
	return bd;
}

static int chinese_numbered(const char *plain)
{
	return numbered_heading(plain) == 1;
}

int dossier_docx_split(dossier_report **notes, const char *docx, const dossier_outline *o,
		       const char *doc_id, const char *dir, const dossier_office_options *opts)
{
	dossier_office_options op = DOSSIER_OFFICE_OPTIONS_INIT;
	dz_opc *p = NULL;
	dctx x;
	const dz_odoc *od;
	size_t *at = NULL, i, k, written = 0;
	int rc, level0 = 0;
	char *secdir = NULL;
	*notes = NULL;
	if (opts)
		op = *opts;
	if (!(*notes = dz_notes_new()))
		return DOSSIER_ENOMEM;
	memset(&x, 0, sizeof x);
	if ((rc = dz_opc_open(&p, docx, &op)) != 0 || (rc = convert(&x, p, docx, *notes)) != 0)
		goto done;
	od = best_doc(&x, o, doc_id);
	if (!od) {
		rc = dz_errf(doc_id ? DOSSIER_EUSAGE : DOSSIER_ESCHEMA, docx, 0, 0,
			     "确认文档中各节标题与提纲一致（如“一、摘要”），或用 --doc 指定文件。",
			     "Check the section headings match the outline's (e.g. 一、摘要), or give --doc.",
			     "提纲 %s 中没有%s%s", "outline %s has no %s%s", dossier_outline_id(o),
			     doc_id ? "document " : "report document", doc_id ? doc_id : "");
		goto done;
	}
	/* where each section starts: its first heading that names it */
	at = dz_calloc(od->nsec + 1, sizeof *at);
	if (!at) {
		rc = DOSSIER_ENOMEM;
		goto done;
	}
	for (k = 0; k < od->nsec; k++) {
		at[k] = (size_t)-1;
		for (i = 0; i < x.nblocks; i++)
			if (x.blocks[i].level && x.blocks[i].plain &&
			    names_section(x.blocks[i].plain, &o->secs[od->first_sec + k])) {
				size_t j;
				int taken = 0;
				for (j = 0; j < k; j++)
					taken |= at[j] == i;
				if (!taken) {
					at[k] = i;
					if (!level0 || x.blocks[i].level < level0)
						level0 = x.blocks[i].level;
					break;
				}
			}
	}
	{
		size_t first = (size_t)-1;
		for (k = 0; k < od->nsec; k++)
			if (at[k] != (size_t)-1 && at[k] < first)
				first = at[k];
		if (first == (size_t)-1) {
			rc = dz_errf(DOSSIER_ESCHEMA, docx, 0, 0,
				     "把各节标题写成提纲中的样子（如“一、摘要”），并设为标题样式。",
				     "Write the section headings as the outline has them (e.g. 一、摘要), in a heading style.",
				     "文档中找不到“%s”任何一节的标题", "the document has no heading of any section of \"%s\"",
				     od->title);
			goto done;
		}
		if (first > 0) {
			char *zh = dz_fmt("第一节标题之前的 %zu 段（封面、目录、前言等）未导入", first);
			char *en = dz_fmt("the %zu blocks before the first section heading (cover, contents, "
					  "preface ...) are not imported", first);
			x.para = x.blocks[0].para;
			dnote(&x, SEV_WARN, "DOCX-BEFORE", x.blocks[0].plain, zh ? zh : "", en ? en : "",
			      "如需保留，把它们移到相应的节中。", "Move them into a section to keep them.");
			dz_free(zh);
			dz_free(en);
		}
	}
	/* headings that look like a section's but name none: said */
	for (i = 0; i < x.nblocks; i++) {
		int is_start = 0;
		for (k = 0; k < od->nsec; k++)
			is_start |= at[k] == i;
		if (!is_start && x.blocks[i].level && x.blocks[i].level <= level0 && x.blocks[i].plain &&
		    chinese_numbered(x.blocks[i].plain)) {
			char *zh = dz_fmt("标题“%s”不对应“%s”中的任何一节，其内容并入上一节",
					  x.blocks[i].plain, od->title);
			char *en = dz_fmt("heading \"%s\" names no section of \"%s\"; its text joins the "
					  "section before it", x.blocks[i].plain, od->title_en);
			x.para = x.blocks[i].para;
			dnote(&x, SEV_WARN, "DOCX-HEADING", x.blocks[i].plain, zh ? zh : "", en ? en : "",
			      "把标题改成提纲中的节标题。", "Change it to a section heading of the outline.");
			dz_free(zh);
			dz_free(en);
		}
	}
	secdir = dz_fmt("%s/sections", dir);
	if (!secdir) {
		rc = DOSSIER_ENOMEM;
		goto done;
	}
	if (mkdir(secdir, 0777) != 0 && errno != EEXIST) {
		rc = dz_errf(DOSSIER_EIO, secdir, 0, 0, "检查目录是否存在、可写。",
			     "Check that the directory exists and is writable.",
			     "无法创建目录（%s）", "cannot create the directory (%s)", strerror(errno));
		goto done;
	}
	for (k = 0; k < od->nsec && rc == 0; k++) {
		const dz_osection *s = &o->secs[od->first_sec + k];
		size_t end = x.nblocks, j;
		char *path, *md;
		struct stat st;
		if (at[k] == (size_t)-1) {
			char *zh = dz_fmt("文档中没有“%s%s%s”一节", s->number ? s->number : "",
					  s->number ? "、" : "", s->title);
			char *en = dz_fmt("the document has no section \"%s\"", s->title_en);
			dz_note(*notes, SEV_WARN, "DOCX-MISSING", docx, s->id, zh ? zh : "", en ? en : "",
				"在文档中加入该节（标题写成提纲中的样子），或另行撰写 sections/ 中的文件。",
				"Add the section (headed as in the outline), or write its file in sections/.");
			dz_free(zh);
			dz_free(en);
			continue;
		}
		for (j = 0; j < od->nsec; j++)
			if (at[j] != (size_t)-1 && at[j] > at[k] && at[j] < end)
				end = at[j];
		path = dz_fmt("%s/%s.md", secdir, s->id);
		md = path ? join_blocks(&x, at[k], end, x.blocks[at[k]].level, NULL, NULL) : NULL;
		if (!md) {
			dz_free(path);
			rc = DOSSIER_ENOMEM;
			break;
		}
		if (!op.force && stat(path, &st) == 0) {
			char *zh = dz_fmt("%s 已存在，未覆盖", path), *en = dz_fmt("%s exists; not replaced", path);
			dz_note(*notes, DOSSIER_SEV_ERROR, "DOCX-EXISTS", docx, s->id, zh ? zh : "",
				en ? en : "", "用 --force 覆盖，或先移走该文件。",
				"Give --force to replace it, or move the file away first.");
			dz_free(zh);
			dz_free(en);
		} else if ((rc = dz_write_atomic(path, md, strlen(md))) == 0) {
			written++;
		}
		dz_free(path);
		dz_free(md);
	}
	(void)written;
done:
	if (rc == DOSSIER_ENOMEM)
		dz_err(rc, docx, 0, 0, "内存不足", "out of memory", "", "");
	dz_free(at);
	dz_free(secdir);
	dctx_dispose(&x);
	dz_opc_close(p);
	return rc;
}
