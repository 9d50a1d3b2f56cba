/*
 * layout.c — stage 3: set a document (doc.h) on pages as boxes (boxes.h).
 *
 * Lines: code points are measured through dz_metrics (no PDF library);
 * break opportunities come from libunibreak with language "zh" (UAX #14:
 * no break before closing punctuation or after opening punctuation, none
 * inside numbers); lines are filled greedily and justified by spreading the
 * remaining width over the gaps between characters. Body text sits on the
 * GB/T 9704 grid: chars-per-line characters per line, by a small fixed
 * tracking. Pages: no single line of a paragraph alone at the foot or head
 * of a page, headings kept with what follows, tables split between rows
 * (or inside a row taller than a page) with their header rows repeated.
 * Front matter (cover, table of contents with true page numbers and links)
 * is set after the body, whose pages are numbered from 1.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <linebreak.h>
#include "util/util.h"
#include "doc/doc.h"
#include "layout/boxes.h"

/* ---------- items and lines ---------- */

typedef struct {
	uint32_t cp;
	int font, bold, run;
	float w;            /* advance in points */
	float size;
	const char *src;    /* bytes of this code point */
	int blen;
	unsigned char brk;  /* break after: 0 no, 1 allowed, 2 mandatory */
	unsigned char space, newline;
	float squeeze;      /* compressed punctuation: w is the glyph's advance
			       less this; drawn as a segment of its own whose
			       character spacing takes it back, so the PDF's
			       text boxes do not overlap either */
} item;

typedef struct {
	float x;            /* from the left edge of the text column */
	int font, bold;
	float size, cs;
	const char *text;
	size_t len;
} seg;

typedef struct {
	seg *s;
	size_t ns, cs_;
	float lead;         /* line pitch */
	float size;         /* largest font size on the line */
	float width;        /* drawn width */
} pline;

typedef struct {
	pline *v;
	size_t n, cap;
} plines;

typedef struct {
	dz_layout *out;
	const dz_style *st;
	const dz_metrics *m;
	const dossier_doc *doc;
	dz_page *page;
	int numbered, pageno, draft;
	float y;            /* used height of the type area on this page */
	float x0, top;      /* type area left edge and top (PDF y) */
	int tables;
	int rc;
	const char *src;    /* where the current block comes from */
	int phrases;        /* table cells: break between phrases when possible */
	size_t made;        /* pages made, body and front matter */
	int line;
} lay;

static void plines_free(plines *p)
{
	size_t i;
	for (i = 0; i < p->n; i++)
		dz_free(p->v[i].s);
	dz_free(p->v);
	p->v = NULL;
	p->n = p->cap = 0;
}

static int role_of_style(const dz_style *st, int style, int role)
{
	(void)st;
	return style & DZ_S_CODE ? DZ_ROLE_SONG : role;
}

/* Latin letters, digits and their punctuation (ASCII, Latin-1 letters,
 * Latin Extended, Greek, super- and subscripts): what the latin font shows.
 * × ÷ · and the Chinese quotation marks stay with the Chinese font, and so
 * do spaces, except between two Latin characters (latin_spaces). */
static int latin_cp(uint32_t c)
{
	return (c >= 0x21 && c <= 0x7E) || c == 0xB2 || c == 0xB3 || c == 0xB9 ||
	       (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
	       (c >= 0x370 && c <= 0x3FF) || (c >= 0x2070 && c <= 0x209F);
}

/* The font for cp in `role`: the latin font for Latin letters and digits
 * when the style says so and it has the glyph, else the role's own. */
static int pick_font(lay *L, int role, uint32_t cp)
{
	if ((L->st->latin_roles >> role & 1) && latin_cp(cp)) {
		int f = L->m->pick(L->m->ctx, DZ_ROLE_LATIN, cp);
		if (f >= 0)
			return f;
	}
	return L->m->pick(L->m->ctx, role, cp);
}

static void no_glyph(lay *L, uint32_t cp)
{
	char ch[8] = "";
	if (cp >= 0x20 && cp != 0x7F) {
		/* encode for the message */
		if (cp < 0x80) { ch[0] = (char)cp; }
		else if (cp < 0x800) { ch[0] = (char)(0xC0 | (cp >> 6)); ch[1] = (char)(0x80 | (cp & 0x3F)); }
		else if (cp < 0x10000) { ch[0] = (char)(0xE0 | (cp >> 12)); ch[1] = (char)(0x80 | ((cp >> 6) & 0x3F)); ch[2] = (char)(0x80 | (cp & 0x3F)); }
		else { ch[0] = (char)(0xF0 | (cp >> 18)); ch[1] = (char)(0x80 | ((cp >> 12) & 0x3F)); ch[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); ch[3] = (char)(0x80 | (cp & 0x3F)); }
	}
	L->rc = dz_errf(DOSSIER_EFONT, L->src ? L->src : "", L->line, 0,
			"换用常用字，或在 fonts/fonts.conf 中配置含该字的字体。",
			"Use another character, or configure a font that has it in fonts/fonts.conf.",
			"没有任何已配置的字体包含字符“%s”（U+%04X）",
			"no configured font has the character \"%s\" (U+%04X)", ch, (unsigned)cp);
}

/* Chinese line-breaking rules (GB/T 15834 practice) on top of UAX #14,
 * which allows breaks the Chinese rules do not: never start a line with
 * closing punctuation, a middle dot, a percent sign or an ellipsis; never
 * end one with opening punctuation. */
static int no_line_start(uint32_t c)
{
	static const uint32_t set[] = {
		0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0xFF09, 0x300B,
		0x300D, 0x300F, 0x201D, 0x2019, 0x00B7, 0x30FB, 0x0025, 0xFF05, 0x2026,
		0x2025, 0x3011, 0x3015, 0x3009, 0xFF5D, 0x3017, 0xFF0E, 0x0029, 0x002C,
		0x002E, 0x003A, 0x003B, 0x0021, 0x003F, 0x2030};
	size_t i;
	for (i = 0; i < sizeof set / sizeof set[0]; i++)
		if (set[i] == c)
			return 1;
	return 0;
}

static int no_line_end(uint32_t c)
{
	static const uint32_t set[] = {0xFF08, 0x300A, 0x300C, 0x300E, 0x201C, 0x2018,
				       0x3010, 0x3014, 0x3008, 0xFF5B, 0x3016, 0x0028};
	size_t i;
	for (i = 0; i < sizeof set / sizeof set[0]; i++)
		if (set[i] == c)
			return 1;
	return 0;
}

/* Default-ignorable code points (Unicode §5.21): format controls such as
 * U+200E, zero-width spaces, soft hyphens and variation selectors. They
 * have no glyph and take no room: never drawn, never "missing". */
static int ignorable(uint32_t c)
{
	return c == 0x00AD || c == 0x034F || c == 0x061C || (c >= 0x115F && c <= 0x1160) ||
	       (c >= 0x17B4 && c <= 0x17B5) || (c >= 0x180B && c <= 0x180F) ||
	       (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
	       (c >= 0x2060 && c <= 0x206F) || c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F) ||
	       c == 0xFEFF || c == 0xFFA0 || (c >= 0xFFF0 && c <= 0xFFF8) ||
	       (c >= 0xE0000 && c <= 0xE0FFF);
}

/* libunibreak 1.1 (Debian 12) aborts the process on an assertion when the
 * text holds a regional indicator U+1F1E6..U+1F1FF (flags: a class its pair
 * table lacks) or U+FFFF (its own end-of-text mark); found by
 * tests/fuzz/fuzz_markdown.c. The text given to it carries a stand-in of the
 * same UTF-8 length instead: U+10000 (class AL, so a flag's two letters stay
 * together) or U+FFFD. */
static const char *linebreak_stand_in(uint32_t cp)
{
	if (cp >= 0x1F1E6 && cp <= 0x1F1FF)
		return "\xF0\x90\x80\x80";
	if (cp == 0xFFFF)
		return "\xEF\xBF\xBD";
	return NULL;
}

/* ---------- adjacent punctuation (CLREQ 3.1.6) ----------
 *
 * A full-width punctuation mark takes a full em, its glyph in one half and
 * the other half blank: closing brackets and quotes and (in the mainland
 * style) 。，、；： on the left, opening ones on the right. Two in a row
 * (“。”” “）（” “，《”) would show a whole em of blank between them; they are
 * set in 1.5 em instead, the marks staying next to the text they belong
 * to: the first mark's blank right half goes if it has one, else the
 * second's blank left half. Either way the second mark moves half an em
 * closer, so the first mark's advance is what shrinks. Which half is blank
 * is read from the glyph's ink, so a font that centres ！ or ？ is left
 * alone. */

static int punct_class(uint32_t c)
{
	static const uint32_t open[] = {0xFF08, 0x3014, 0xFF3B, 0xFF5B, 0x3008, 0x300A, 0x300C,
					0x300E, 0x3010, 0x3016, 0x201C, 0x2018};
	static const uint32_t close[] = {0xFF09, 0x3015, 0xFF3D, 0xFF5D, 0x3009, 0x300B, 0x300D,
					 0x300F, 0x3011, 0x3017, 0x201D, 0x2019, 0x3002, 0xFF0C,
					 0x3001, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F};
	size_t i;
	for (i = 0; i < sizeof open / sizeof open[0]; i++)
		if (open[i] == c)
			return 1;
	for (i = 0; i < sizeof close / sizeof close[0]; i++)
		if (close[i] == c)
			return 2;
	return 0;
}

/* The blank half of item k's glyph: 1 left, 2 right, 0 neither (not a
 * full-width mark, or ink in both halves). */
static int blank_half(lay *L, const item *t)
{
	int cls = t->font >= 0 ? punct_class(t->cp) : 0;
	float x0, x1;
	if (!cls || t->w < 0.9f * t->size || !L->m->ink ||
	    !L->m->ink(L->m->ctx, t->font, t->cp, &x0, &x1))
		return 0;
	if (cls == 1 && x0 >= 0.45f)
		return 1;
	if (cls == 2 && x1 <= 0.55f)
		return 2;
	return 0;
}

static void compress_punct(lay *L, item *it, size_t n)
{
	size_t k;
	int here = n ? blank_half(L, &it[0]) : 0, next;
	for (k = 0; k + 1 < n; k++, here = next) {
		next = blank_half(L, &it[k + 1]);
		if (!here || !next || it[k].squeeze > 0 || (here != 2 && next != 1))
			continue;
		it[k].squeeze = 0.5f * it[k].size;
		it[k].w -= it[k].squeeze;
	}
}

/* A space between two characters of the latin font is the latin font's
 * ("AQG 324"); elsewhere it keeps the Chinese font's width ("— 1 —"). */
static void latin_spaces(lay *L, item *it, size_t n)
{
	size_t k;
	int lf = L->m->pick(L->m->ctx, DZ_ROLE_LATIN, ' ');
	if (lf < 0)
		return;
	for (k = 1; k + 1 < n; k++) {
		if (it[k].cp != ' ' || it[k].font == lf || it[k - 1].font != lf || it[k + 1].font != lf)
			continue;
		it[k].font = lf;
		it[k].w = L->m->advance(L->m->ctx, lf, ' ') * it[k].size;
		if (L->m->use)
			L->m->use(L->m->ctx, lf, ' ');
	}
}

/* Runs → items with break opportunities. */
static int itemize(lay *L, const dz_run *runs, size_t nruns, int role, float size,
		   int bold, item **out, size_t *nout)
{
	dz_buf buf = DZ_BUF_INIT;
	item *it = NULL;
	size_t n = 0, cap = 0, r, k;
	char *brks = NULL;
	*out = NULL;
	*nout = 0;
	for (r = 0; r < nruns; r++) {
		const unsigned char *p = (const unsigned char *)runs[r].text;
		size_t len = strlen(runs[r].text), i = 0;
		if (runs[r].style & DZ_S_BREAK) {
			static const char nl[] = "\n";
			if (dz_grow((void **)&it, &cap, n, sizeof *it))
				goto oom;
			memset(&it[n], 0, sizeof *it);
			it[n].cp = '\n';
			it[n].src = nl;
			it[n].blen = 1;
			it[n].newline = 1;
			it[n].run = (int)r;
			it[n].font = -1;
			n++;
			dz_buf_putc(&buf, '\n');
			continue;
		}
		while (i < len) {
			uint32_t cp;
			int l = dz_utf8_decode(p + i, len - i, &cp);
			int font, nl = 0;
			if (l == 0) {
				i++;
				continue;
			}
			if (ignorable(cp)) {
				i += (size_t)l;
				continue;
			}
			if (cp == '\n' || cp == '\r') {
				nl = 1;
				font = -1;
			} else {
				if (cp == '\t')
					cp = ' ';
				font = pick_font(L, role_of_style(L->st, runs[r].style, role), cp);
				if (font < 0) {
					no_glyph(L, cp);
					goto fail;
				}
			}
			if (dz_grow((void **)&it, &cap, n, sizeof *it))
				goto oom;
			memset(&it[n], 0, sizeof *it);
			it[n].cp = cp;
			it[n].font = font;
			it[n].bold = bold || (runs[r].style & DZ_S_BOLD);
			it[n].size = (runs[r].style & DZ_S_CODE) && size > 11 ? size * 0.9f : size;
			it[n].w = nl ? 0 : L->m->advance(L->m->ctx, font, cp) * it[n].size;
			it[n].src = (const char *)p + i;
			it[n].blen = l;
			it[n].space = cp == ' ' || cp == 0x3000;
			it[n].newline = (unsigned char)nl;
			it[n].run = (int)r;
			if (font >= 0 && L->m->use)
				L->m->use(L->m->ctx, font, cp);
			n++;
			{
				const char *lb = linebreak_stand_in(cp);
				dz_buf_put(&buf, lb ? lb : (const char *)p + i, (size_t)l);
			}
			i += (size_t)l;
		}
	}
	if (buf.oom)
		goto oom;
	if (n) {
		size_t off = 0;
		brks = dz_malloc(buf.len + 1);
		if (!brks)
			goto oom;
		set_linebreaks_utf8((const utf8_t *)buf.ptr, buf.len, "zh", brks);
		for (k = 0; k < n; k++) {
			size_t last = off + (size_t)(it[k].newline ? 1 : it[k].blen) - 1;
			it[k].brk = brks[last] == LINEBREAK_MUSTBREAK ? 2
				  : brks[last] == LINEBREAK_ALLOWBREAK ? 1 : 0;
			off = last + 1;
		}
		for (k = 0; k < n; k++) {
			if (it[k].brk != 1)
				continue;
			if (no_line_end(it[k].cp) || (k + 1 < n && no_line_start(it[k + 1].cp)))
				it[k].brk = 0;
		}
		compress_punct(L, it, n);
		latin_spaces(L, it, n);
	}
	dz_free(brks);
	dz_buf_dispose(&buf);
	*out = it;
	*nout = n;
	return 0;
oom:
	L->rc = DOSSIER_ENOMEM;
fail:
	dz_free(brks);
	dz_free(it);
	dz_buf_dispose(&buf);
	return L->rc ? L->rc : DOSSIER_ENOMEM;
}

enum { AL_JUSTIFY, AL_LEFT, AL_CENTER, AL_RIGHT };

static int cjk(uint32_t cp)
{
	return cp >= 0x2E80 || (cp >= 0x2010 && cp <= 0x2027);
}

/* One line from items [a, b): segments, aligned in `width`. Justification
 * widens only the gaps next to a CJK character, so Latin words and numbers
 * keep their natural spacing. */
static int make_line(lay *L, plines *out, const item *it, size_t a, size_t b, float indent,
		     float width, float cs, int align, int last, float lead)
{
	pline *pl;
	size_t i, e = b, nstretch = 0, gaps;
	float natural = 0, x, per = 0, off = indent;
	int all_gaps = 0;
	/* trailing spaces and newlines are not drawn */
	while (e > a && (it[e - 1].space || it[e - 1].newline))
		e--;
	for (i = a; i < e; i++)
		natural += it[i].w + cs;
	if (e > a)
		natural -= cs; /* no tracking after the last character */
	gaps = e > a ? e - a - 1 : 0;
	for (i = a; i + 1 < e; i++)
		nstretch += cjk(it[i].cp) || cjk(it[i + 1].cp);
	if (nstretch == 0) {
		nstretch = gaps;
		all_gaps = 1;
	}
	if (align == AL_JUSTIFY && !last && nstretch > 0) {
		float extra = width - indent - natural;
		per = extra / (float)nstretch;
		/* never stretch a line past recognition (a forced break) */
		if (per > 0.75f * it[a].size)
			per = 0;
	} else if (align == AL_JUSTIFY && natural > width - indent && nstretch > 0) {
		per = (width - indent - natural) / (float)nstretch; /* the grid overflows a hair */
	} else if (align == AL_CENTER) {
		off = indent + (width - indent - natural) / 2;
	} else if (align == AL_RIGHT) {
		off = width - natural;
	}
	if (dz_grow((void **)&out->v, &out->cap, out->n, sizeof *out->v))
		return L->rc = DOSSIER_ENOMEM;
	pl = &out->v[out->n++];
	memset(pl, 0, sizeof *pl);
	pl->lead = lead;
	x = off;
	for (i = a; i < e; i++) {
		seg *s;
		float ics = cs;
		if (it[i].newline)
			continue;
		if (i + 1 < e && (all_gaps || cjk(it[i].cp) || cjk(it[i + 1].cp)))
			ics += per;
		else if (i + 1 == e && i > a)
			ics = pl->ns ? pl->s[pl->ns - 1].cs : cs; /* the last gap is not drawn */
		if (it[i].size > pl->size)
			pl->size = it[i].size;
		if (pl->ns && it[i].squeeze == 0 && it[i - 1].squeeze == 0 &&
		    (s = &pl->s[pl->ns - 1], s->font == it[i].font && s->bold == it[i].bold &&
		     s->size == it[i].size && s->cs == ics && it[i - 1].run == it[i].run &&
		     s->text + s->len == it[i].src)) {
			s->len += (size_t)it[i].blen;
		} else {
			if (dz_grow((void **)&pl->s, &pl->cs_, pl->ns, sizeof *pl->s))
				return L->rc = DOSSIER_ENOMEM;
			s = &pl->s[pl->ns++];
			s->x = x;
			s->font = it[i].font;
			s->bold = it[i].bold;
			s->size = it[i].size;
			s->cs = ics - it[i].squeeze;
			s->text = it[i].src;
			s->len = (size_t)it[i].blen;
		}
		x += it[i].w + ics;
	}
	pl->width = e > a ? x - (pl->ns ? pl->s[pl->ns - 1].cs : 0) : 0;
	if (!pl->size)
		pl->size = it[a < b ? a : 0].size;
	return 0;
}

/* A break after item i ends a phrase: at a space, after closing or
 * sentence punctuation, before an opening mark. */
static int phrase_end(const item *it, size_t i, size_t n)
{
	return it[i].space || punct_class(it[i].cp) == 2 ||
	       (i + 1 < n && (it[i + 1].space || punct_class(it[i + 1].cp) == 1));
}

/* Break items into lines of `width`, first line indented by `first`,
 * continuation lines by `rest`. */
static int break_lines(lay *L, plines *out, const item *it, size_t n, float width,
		       float first, float rest, float cs, int align, float lead)
{
	size_t a = 0;
	while (a < n && L->rc == 0) {
		float w = 0, ind = a == 0 ? first : rest, good_w = 0;
		size_t i = a, last_ok = (size_t)-1, last_good = (size_t)-1;
		int hard = 0;
		/* skip spaces at the start of a continuation line */
		while (a > 0 && a < n && it[a].space)
			a++;
		if (a >= n)
			break;
		i = a;
		for (; i < n; i++) {
			float nw = w + it[i].w + (i > a ? cs : 0);
			if (it[i].newline) {
				i++;
				hard = 1;
				break;
			}
			if (ind + nw > width + 0.01f && i > a && !it[i].space) {
				break;
			}
			w = nw;
			if (it[i].brk == 2 && i + 1 < n) {
				i++;
				hard = 1;
				break;
			}
			if (it[i].brk == 1) {
				last_ok = i;
				if (L->phrases && phrase_end(it, i, n)) {
					last_good = i;
					good_w = w;
				}
			}
		}
		if (i < n && !hard) {
			/* overflow at i: break after the last opportunity on the line;
			 * in a table cell after the last phrase if that fills the line
			 * well enough (建筑面积 / （平方米）, not 建筑面积（平 / 方米）) */
			if (last_good != (size_t)-1 && last_good >= a && ind + good_w >= 0.6f * width)
				i = last_good + 1;
			else if (last_ok != (size_t)-1 && last_ok >= a)
				i = last_ok + 1;
			else if (i == a)
				i = a + 1; /* a single character wider than the line */
		}
		if (make_line(L, out, it, a, i, ind, width, cs, align, i >= n || hard, lead))
			return L->rc;
		a = i;
	}
	return L->rc;
}

static int set_text(lay *L, plines *out, const dz_run *runs, size_t nruns, const dz_textstyle *ts,
		    float width, float first, float rest, float cs, int align, int bold)
{
	item *it = NULL;
	size_t n = 0;
	float lead = ts->leading > 0 ? ts->leading : L->st->body.leading;
	if (itemize(L, runs, nruns, ts->font, ts->size, bold || ts->bold, &it, &n))
		return L->rc;
	break_lines(L, out, it, n, width, first, rest, cs, align, lead);
	dz_free(it);
	return L->rc;
}

/* ---------- pages ---------- */

static dz_tbox *add_tbox(lay *L, dz_page *p)
{
	if (dz_grow((void **)&p->t, &p->ct, p->nt, sizeof *p->t)) {
		L->rc = DOSSIER_ENOMEM;
		return NULL;
	}
	memset(&p->t[p->nt], 0, sizeof *p->t);
	return &p->t[p->nt++];
}

static void add_rule(lay *L, float x0, float y0, float x1, float y1, float w)
{
	dz_page *p = L->page;
	if (dz_grow((void **)&p->r, &p->cr, p->nr, sizeof *p->r)) {
		L->rc = DOSSIER_ENOMEM;
		return;
	}
	p->r[p->nr++] = (dz_rule){x0, y0, x1, y1, w};
}

/* Width of a furniture string (page numbers, leaders, marks); *font is
 * the font of its first character. */
static float str_width(lay *L, int role, float size, const char *s, int *font)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), i = 0;
	float w = 0;
	*font = -1;
	while (i < len) {
		uint32_t cp;
		int l = dz_utf8_decode(p + i, len - i, &cp), f;
		if (!l)
			break;
		if (ignorable(cp)) {
			i += (size_t)l;
			continue;
		}
		f = pick_font(L, role, cp);
		if (f < 0) {
			no_glyph(L, cp);
			return 0;
		}
		if (*font < 0)
			*font = f;
		if (L->m->use)
			L->m->use(L->m->ctx, f, cp);
		w += L->m->advance(L->m->ctx, f, cp) * size;
		i += (size_t)l;
	}
	return w;
}

/* Place a furniture string at (x, y): one box per run of one font ("— 12 —"
 * is a dash of the Chinese font and digits of the latin one). */
static void put_str(lay *L, int role, float size, float x, float y, const char *s, float gray,
		    float angle)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), i = 0;
	float ca = cosf(angle * 3.14159265f / 180.0f), sa = sinf(angle * 3.14159265f / 180.0f);
	dz_tbox *b = NULL;
	while (i < len && L->rc == 0) {
		uint32_t cp;
		int l = dz_utf8_decode(p + i, len - i, &cp), f;
		float a;
		if (!l)
			break;
		if (ignorable(cp)) {
			i += (size_t)l;
			continue;
		}
		f = pick_font(L, role, cp);
		if (f < 0) {
			no_glyph(L, cp);
			return;
		}
		if (L->m->use)
			L->m->use(L->m->ctx, f, cp);
		if (!b || b->font != f || b->text + b->len != (const char *)p + i) {
			if (!(b = add_tbox(L, L->page)))
				return;
			b->x = x;
			b->y = y;
			b->size = size;
			b->font = f;
			b->gray = gray;
			b->angle = angle;
			b->text = (const char *)p + i;
		}
		b->len += (size_t)l;
		a = L->m->advance(L->m->ctx, f, cp) * size;
		x += a * ca;
		y += a * sa;
		i += (size_t)l;
	}
}

static void new_page(lay *L)
{
	dz_layout *o = L->out;
	const dz_style *st = L->st;
	dz_page *p;
	if (L->m->cancelled && L->m->cancelled(L->m->ctx)) {
		if (!L->rc)
			L->rc = dz_err(DOSSIER_EINTR, "", 0, 0, "已中断", "interrupted", "", "");
		return;
	}
	if (L->m->max_pages && L->made >= L->m->max_pages) {
		if (!L->rc)
			L->rc = dz_errf(DOSSIER_ELIMIT, L->src ? L->src : "", L->line, 0,
					"缩短材料、拆分表格，或用 --max-pages 放宽上限。",
					"Shorten the text, split the table, or raise the limit with --max-pages.",
					"文档超过 %zu 页（--max-pages）",
					"the document would have more than %zu pages (--max-pages)",
					L->m->max_pages);
		return;
	}
	if (dz_grow((void **)&o->pages, &o->cpages, o->npages, sizeof *o->pages)) {
		L->rc = DOSSIER_ENOMEM;
		return;
	}
	p = &o->pages[o->npages++];
	L->made++;
	memset(p, 0, sizeof *p);
	L->page = p;
	L->y = 0;
	p->number = L->numbered ? ++L->pageno : 0;
	/* mirrored margins: the binding edge (订口) is left on odd, right on even pages */
	L->x0 = p->number && p->number % 2 == 0 ? st->page_w - st->margin_inner - st->type_w
						 : st->margin_inner;
	L->top = st->page_h - st->margin_top;
	if (L->draft) {
		float size = 120, w;
		int f;
		w = str_width(L, DZ_ROLE_HEI, size, "草稿", &f);
		/* 45°: centre the mark on the page */
		put_str(L, DZ_ROLE_HEI, size, st->page_w / 2 - w * 0.3536f + size * 0.25f,
			st->page_h / 2 - w * 0.3536f - size * 0.25f, "草稿", 0.82f, 45);
	}
	if (p->number) {
		char buf[32], *s;
		float w, x, y;
		int f;
		snprintf(buf, sizeof buf, st->pagenum_format, p->number);
		s = dz_arena_strdup(&o->arena, buf);
		if (!s) {
			L->rc = DOSSIER_ENOMEM;
			return;
		}
		w = str_width(L, st->pagenum.font, st->pagenum.size, s, &f);
		y = L->top - st->type_h - st->pagenum_below - st->pagenum.size * 0.85f;
		x = p->number % 2 ? L->x0 + st->type_w - st->pagenum_inset - w
				  : L->x0 + st->pagenum_inset;
		put_str(L, st->pagenum.font, st->pagenum.size, x, y, s, 0, 0);
	}
}

static float room(const lay *L)
{
	return L->st->type_h - L->y;
}

/* Place one prepared line at the cursor (the caller made room). */
static void place(lay *L, const pline *pl, float left, float gray)
{
	size_t i;
	float base = L->top - L->y - (pl->lead - pl->size) / 2 - pl->size * 0.86f;
	for (i = 0; i < pl->ns && L->rc == 0; i++) {
		dz_tbox *b = add_tbox(L, L->page);
		if (!b)
			return;
		b->x = L->x0 + left + pl->s[i].x;
		b->y = base;
		b->size = pl->s[i].size;
		b->cs = pl->s[i].cs;
		b->font = pl->s[i].font;
		b->bold = pl->s[i].bold;
		b->gray = gray;
		b->text = pl->s[i].text;
		b->len = pl->s[i].len;
	}
	L->y += pl->lead;
}

static void ensure(lay *L, float h)
{
	if (L->y > 0 && h > room(L) + 0.01f)
		new_page(L);
}

/* Place lines with widow and orphan control. */
static void place_lines(lay *L, const plines *p, float left, int keep_together)
{
	size_t i = 0;
	while (i < p->n && L->rc == 0) {
		size_t fit = 0, left_n = p->n - i;
		float h = 0;
		while (fit < left_n && h + p->v[i + fit].lead <= room(L) + 0.01f)
			h += p->v[i + fit++].lead;
		if (fit < left_n && L->y > 0) {
			if (keep_together || fit == 0 || (i == 0 && fit == 1 && left_n > 1)) {
				new_page(L); /* orphan: do not leave one line alone */
				continue;
			}
			if (left_n - fit == 1 && fit >= 2)
				fit--; /* widow: carry a second line over */
		}
		if (fit == 0)
			fit = 1; /* a line taller than a page: place it anyway */
		while (fit--)
			place(L, &p->v[i++], left, 0);
		if (i < p->n)
			new_page(L);
	}
}

/* ---------- blocks ---------- */

static float grid_cs(const dz_style *st, float size)
{
	/* body text: exactly chars-per-line characters across the type area */
	if (st->chars_per_line > 0 && size == st->body.size)
		return (st->type_w - (float)st->chars_per_line * size) / (float)st->chars_per_line;
	return 0;
}

static void mark(lay *L, const dz_block *b, float top)
{
	dz_layout *o = L->out;
	dz_buf t = DZ_BUF_INIT;
	size_t i;
	dz_mark *m;
	for (i = 0; i < b->nruns; i++)
		dz_buf_puts(&t, b->runs[i].text);
	if (t.oom || dz_grow((void **)&o->marks, &o->cmarks, o->nmarks, sizeof *o->marks)) {
		L->rc = DOSSIER_ENOMEM;
		dz_buf_dispose(&t);
		return;
	}
	m = &o->marks[o->nmarks++];
	m->title = dz_arena_strdup(&o->arena, dz_trim((char *)dz_buf_cstr(&t)));
	if (!m->title) {
		o->nmarks--;
		L->rc = DOSSIER_ENOMEM;
	}
	m->level = b->level;
	m->page = (int)(L->page - o->pages);
	m->top = L->top - top;
	dz_buf_dispose(&t);
}

static float block_min_height(lay *L, const dz_block *b, float width);

static void heading(lay *L, const dz_block *b, const dz_block *next, float width)
{
	const dz_style *st = L->st;
	const dz_textstyle *ts = &st->h[b->level < 1 ? 0 : b->level > 4 ? 3 : b->level - 1];
	plines p = {0};
	float h = 0, need;
	size_t i;
	set_text(L, &p, b->runs, b->nruns, ts, width, st->heading_indent, 0,
		 grid_cs(st, ts->size), AL_LEFT, 0);
	for (i = 0; i < p.n; i++)
		h += p.v[i].lead;
	/* keep with next: the heading and the start of what follows */
	need = h + (next ? block_min_height(L, next, width) : 0);
	ensure(L, need);
	if (L->rc == 0)
		mark(L, b, L->y);
	place_lines(L, &p, 0, 1);
	plines_free(&p);
}

static void paragraph(lay *L, const dz_block *b, float left, float width,
		      const dz_textstyle *ts, float first_indent)
{
	plines p = {0};
	set_text(L, &p, b->runs, b->nruns, ts, width, first_indent, 0, grid_cs(L->st, ts->size),
		 AL_JUSTIFY, 0);
	place_lines(L, &p, left, 0);
	plines_free(&p);
}

static void code(lay *L, const dz_block *b, float left, float width)
{
	plines p = {0};
	set_text(L, &p, b->runs, b->nruns, &L->st->code, width, 0, 0, 0, AL_LEFT, 0);
	place_lines(L, &p, left, 0);
	plines_free(&p);
}

/* ---------- tables ---------- */

typedef struct {
	plines lines;
	int align;
} tcell;

/* ---------- column widths ----------
 *
 * Like a browser's automatic table layout, from each cell's content:
 *  - preferred: the whole text on one line;
 *  - soft minimum: the widest piece a reader expects whole, a short cell
 *    entirely (a header or unit such as 规格型号, 平方米, 数量（台套）) and in
 *    longer text the widest phrase between punctuation and spaces (capped);
 *  - hard minimum: the widest piece that cannot break at all (a Latin word,
 *    a number, one character).
 * Columns get their preferred widths if they fit; else at least their soft
 * minimum, the rest shared in proportion to what more each would take;
 * only when even that cannot fit does a header or unit break inside a
 * word. Width hints of a table (the evaluation tables) are kept as far as
 * the minimums allow. */

#define SOFT_CAP 6.0f  /* em: a phrase longer than this may break */

static void cell_widths(lay *L, const dz_cell *c, const dz_textstyle *ts, int bold,
			float *nat, float *soft, float *hard)
{
	item *it = NULL;
	size_t n = 0, k;
	float piece = 0, phrase = 0, longest = 0;
	*nat = *soft = *hard = 0;
	/* the same items and break opportunities the lines will be set from
	 * (UAX #14 and the Chinese rules: "（±800kV/5000A）" is one piece) */
	if (itemize(L, c->runs, c->nruns, ts->font, ts->size, bold || ts->bold, &it, &n))
		return;
	for (k = 0; k < n; k++) {
		*nat += it[k].w;
		if (!it[k].space) {
			piece += it[k].w;
			phrase += it[k].w;
		}
		if (piece > *hard)
			*hard = piece;
		if (phrase > longest)
			longest = phrase;
		if (it[k].brk)
			piece = 0;
		if (it[k].brk && phrase_end(it, k, n))
			phrase = 0;
	}
	dz_free(it);
	*soft = *nat <= SOFT_CAP * ts->size ? *nat
		: longest < SOFT_CAP * ts->size ? longest : SOFT_CAP * ts->size;
	if (*soft < *hard)
		*soft = *hard;
}

/* Raise every w[c] to floor[c], taking the room from the columns above
 * their floor in proportion to their surplus (the floors fit in total). */
static void raise_to(float *w, const float *floor, size_t n)
{
	float deficit = 0, surplus = 0;
	size_t c;
	for (c = 0; c < n; c++) {
		if (w[c] < floor[c]) {
			deficit += floor[c] - w[c];
			w[c] = floor[c];
		} else {
			surplus += w[c] - floor[c];
		}
	}
	if (deficit <= 0 || surplus <= 0)
		return;
	for (c = 0; c < n; c++)
		if (w[c] > floor[c])
			w[c] -= (w[c] - floor[c]) * deficit / surplus;
}

/* w from lo up towards hi, sharing `total` in proportion to hi - lo. */
static void share(float *w, const float *lo, const float *hi, size_t n, float total)
{
	float slo = 0, shi = 0;
	size_t c;
	for (c = 0; c < n; c++) {
		slo += lo[c];
		shi += hi[c];
	}
	for (c = 0; c < n; c++)
		w[c] = shi > slo ? lo[c] + (hi[c] - lo[c]) * (total - slo) / (shi - slo)
				 : lo[c] * total / slo;
}

static int col_widths(lay *L, const dz_block *b, float total, float *w)
{
	const dz_textstyle *ts = &L->st->table;
	float pad = 2 * L->st->table_padding, snat = 0, ssoft = 0, shard = 0;
	size_t c, r, n = b->ncols;
	float *nat = dz_calloc(3 * n, sizeof *nat), *soft = nat + n, *hard = nat + 2 * n;
	if (!nat)
		return L->rc = DOSSIER_ENOMEM;
	for (c = 0; c < n && L->rc == 0; c++) {
		for (r = 0; r < b->nrows && L->rc == 0; r++) {
			float x, s, h;
			cell_widths(L, &b->cells[r * n + c], ts, r < b->nhead, &x, &s, &h);
			if (x + pad > nat[c])
				nat[c] = x + pad;
			if (s + pad > soft[c])
				soft[c] = s + pad;
			if (h + pad > hard[c])
				hard[c] = h + pad;
		}
		/* a column is never narrower than two characters */
		if (hard[c] < 2 * ts->size + pad)
			hard[c] = 2 * ts->size + pad;
		if (soft[c] < hard[c])
			soft[c] = hard[c];
		if (nat[c] < soft[c])
			nat[c] = soft[c];
		snat += nat[c];
		ssoft += soft[c];
		shard += hard[c];
	}
	if (b->widths) {
		for (c = 0; c < n; c++)
			w[c] = b->widths[c] * total;
	} else if (snat <= total) {
		/* everything fits on one line: share the rest by natural width */
		for (c = 0; c < n; c++)
			w[c] = nat[c] * total / snat;
	} else if (ssoft <= total) {
		share(w, soft, nat, n, total);
	} else if (shard <= total) {
		share(w, hard, soft, n, total);
	} else {
		for (c = 0; c < n; c++)
			w[c] = hard[c] * total / shard;
	}
	/* hints (and rounding) never take a column below what it needs */
	if (ssoft <= total)
		raise_to(w, soft, n);
	else if (shard <= total)
		raise_to(w, hard, n);
	dz_free(nat);
	return L->rc;
}

static float row_height(const tcell *cells, size_t ncols, size_t from, float pad)
{
	size_t c, i;
	float h = 0;
	for (c = 0; c < ncols; c++) {
		float x = 0;
		for (i = from; i < cells[c].lines.n; i++)
			x += cells[c].lines.v[i].lead;
		if (x > h)
			h = x;
	}
	return h + 2 * pad;
}

/* Draw rows [from line) of a prepared row: ruled box, each cell's lines. */
static void draw_row(lay *L, tcell *cells, size_t ncols, const float *w, size_t *from,
		     size_t count, float h, int header)
{
	const dz_style *st = L->st;
	float pad = st->table_padding, x = 0, y0 = L->y;
	size_t c, i;
	(void)header;
	for (c = 0; c < ncols && L->rc == 0; c++) {
		float save = L->y;
		L->y = y0 + pad;
		for (i = from[c]; i < cells[c].lines.n && i < from[c] + count; i++) {
			pline *pl = &cells[c].lines.v[i];
			float off = cells[c].align == AL_RIGHT ? w[c] - 2 * pad - pl->width
				  : cells[c].align == AL_CENTER ? (w[c] - 2 * pad - pl->width) / 2 : 0;
			size_t s;
			for (s = 0; s < pl->ns; s++)
				pl->s[s].x += off;
			place(L, pl, x + pad, 0);
			for (s = 0; s < pl->ns; s++)
				pl->s[s].x -= off;
		}
		L->y = save;
		x += w[c];
	}
	/* rules: top, bottom and the column lines of this row */
	{
		float top = L->top - y0, bot = L->top - y0 - h, xx = L->x0, rw = st->table_rule;
		add_rule(L, L->x0, top, L->x0 + x, top, rw);
		add_rule(L, L->x0, bot, L->x0 + x, bot, rw);
		add_rule(L, xx, top, xx, bot, rw);
		for (c = 0; c < ncols; c++) {
			xx += w[c];
			add_rule(L, xx, top, xx, bot, rw);
		}
	}
	L->y = y0 + h;
}

static void table(lay *L, const dz_block *b, float width)
{
	const dz_style *st = L->st;
	const dz_textstyle *ts = &st->table;
	float pad = st->table_padding, *w;
	tcell *rows;
	size_t r, c, nc = b->ncols, nr = b->nrows;
	float head_h = 0;
	if (nc == 0 || nr == 0)
		return;
	w = dz_calloc(nc, sizeof *w);
	rows = dz_calloc(nr * nc, sizeof *rows);
	if (!w || !rows) {
		L->rc = DOSSIER_ENOMEM;
		goto done;
	}
	if (col_widths(L, b, width, w))
		goto done;
	for (r = 0; r < nr && L->rc == 0; r++) {
		for (c = 0; c < nc && L->rc == 0; c++) {
			const dz_cell *cell = &b->cells[r * nc + c];
			tcell *t = &rows[r * nc + c];
			int al = b->align ? b->align[c] : DZ_AL_DEFAULT;
			t->align = r < b->nhead ? AL_CENTER
				 : al == DZ_AL_RIGHT ? AL_RIGHT : al == DZ_AL_CENTER ? AL_CENTER
				 : al == DZ_AL_LEFT ? AL_LEFT : cell->numeric ? AL_RIGHT : AL_LEFT;
			L->phrases = 1;
			set_text(L, &t->lines, cell->runs, cell->nruns, ts, w[c] - 2 * pad, 0, 0, 0,
				 AL_LEFT, r < b->nhead);
			L->phrases = 0;
		}
	}
	if (L->rc)
		goto done;
	for (r = 0; r < b->nhead; r++)
		head_h += row_height(&rows[r * nc], nc, 0, pad);
	/* caption: "表N 标题", kept with the header and the first row */
	{
		float first = head_h + (nr > b->nhead ? row_height(&rows[b->nhead * nc], nc, 0, pad) : 0);
		plines cap = {0};
		L->tables++;
		if (b->caption) {
			char buf[300];
			int n;
			dz_run run = {0, NULL, NULL};
			const char *f = L->doc->caption_format;
			if (!dz_style_number_format(f))
				f = st->caption_format;
			n = snprintf(buf, sizeof buf, f, L->tables);
			if (n < 0 || (size_t)n >= sizeof buf)
				n = 0;
			snprintf(buf + n, sizeof buf - (size_t)n, "%s", b->caption);
			run.text = dz_arena_strdup(&L->out->arena, buf);
			if (run.text)
				set_text(L, &cap, &run, 1, &st->caption, width, 0, 0, 0, AL_CENTER, 0);
			else
				L->rc = DOSSIER_ENOMEM;
		}
		{
			float ch = 0;
			size_t i;
			for (i = 0; i < cap.n; i++)
				ch += cap.v[i].lead;
			ensure(L, ch + (first < st->type_h / 2 ? first : 0));
		}
		place_lines(L, &cap, 0, 1);
		plines_free(&cap);
	}
	for (r = 0; r < nr && L->rc == 0; r++) {
		tcell *row = &rows[r * nc];
		size_t from[64] = {0};
		int is_head = r < b->nhead;
		if (nc > 64)
			break;
		while (L->rc == 0) { /* a failed new page must not loop for ever */
			float h = row_height(row, nc, from[0], pad), avail = room(L);
			size_t c2, count = (size_t)-1;
			/* the rest of this row fits? */
			for (c2 = 1; c2 < nc; c2++)
				if (row_height(row, nc, from[c2], pad) > h)
					h = row_height(row, nc, from[c2], pad);
			if (h <= avail + 0.01f || (L->y == 0 && is_head)) {
				draw_row(L, row, nc, w, from, count, h, is_head);
				break;
			}
			/* does not fit: a new page with the header again, unless the
			 * row is taller than a page, which is split between lines */
			if (!is_head && (h > st->type_h - head_h - 2 * pad || L->y == 0)) {
				float lead = ts->leading > 0 ? ts->leading : st->body.leading;
				size_t fit = (size_t)((avail - 2 * pad) / lead);
				if (fit == 0) {
					new_page(L);
					goto header;
				}
				draw_row(L, row, nc, w, from, fit, 2 * pad + (float)fit * lead, 0);
				for (c2 = 0; c2 < nc; c2++)
					from[c2] += fit;
				new_page(L);
			} else {
				new_page(L);
			}
		header:
			if (!is_head) {
				size_t hr;
				for (hr = 0; hr < b->nhead; hr++) {
					size_t zero[64] = {0};
					draw_row(L, &rows[hr * nc], nc, w, zero, (size_t)-1,
						 row_height(&rows[hr * nc], nc, 0, pad), 1);
				}
			}
		}
	}
	/* a little air after a table */
	L->y += st->table.size * 0.5f;
done:
	for (r = 0; rows && r < nr * nc; r++)
		plines_free(&rows[r].lines);
	dz_free(rows);
	dz_free(w);
}

static void blocks(lay *L, const dz_block *b, size_t n, float left, float width, int depth);

static float block_min_height(lay *L, const dz_block *b, float width)
{
	const dz_style *st = L->st;
	(void)width;
	switch (b->kind) {
	case DZ_B_PARA:
	case DZ_B_LIST:
	case DZ_B_QUOTE:
		return 2 * st->body.leading;
	case DZ_B_TABLE:
		return 3 * (st->table.leading + 2 * st->table_padding) + st->caption.size * 2;
	case DZ_B_HEADING:
		return st->body.leading;
	default:
		return st->body.leading;
	}
}

static void list(lay *L, const dz_block *b, float left, float width, int depth)
{
	size_t i;
	for (i = 0; i < b->nkids && L->rc == 0; i++) {
		const dz_block *li = &b->kids[i];
		char mk[32];
		const char *marker;
		int f;
		float mw, ind = L->st->list_indent;
		if (b->level)
			snprintf(mk, sizeof mk, "%d.", b->start + (int)i);
		else
			snprintf(mk, sizeof mk, "%s", depth % 2 ? "◦" : "•");
		marker = dz_arena_strdup(&L->out->arena, mk);
		if (!marker) {
			L->rc = DOSSIER_ENOMEM;
			return;
		}
		mw = str_width(L, L->st->body.font, L->st->body.size, marker, &f) + L->st->body.size * 0.5f;
		if (L->rc)
			return;
		if (li->nkids && li->kids[0].kind == DZ_B_PARA) {
			/* the marker hangs in front of the first paragraph */
			dz_block first = li->kids[0];
			dz_run *runs = dz_arena_alloc(&L->out->arena, (first.nruns + 1) * sizeof *runs);
			char *m2 = dz_arena_alloc(&L->out->arena, strlen(marker) + 2);
			if (!runs || !m2) {
				L->rc = DOSSIER_ENOMEM;
				return;
			}
			sprintf(m2, "%s ", marker);
			runs[0].text = m2;
			memcpy(runs + 1, first.runs, first.nruns * sizeof *runs);
			first.runs = runs;
			first.nruns++;
			L->src = first.src;
			L->line = first.line;
			{
				plines p = {0};
				set_text(L, &p, first.runs, first.nruns, &L->st->body, width - ind - mw, 0, 0,
					 0, AL_JUSTIFY, 0);
				/* continuation lines align after the marker */
				{
					size_t k, s;
					for (k = 1; k < p.n; k++)
						for (s = 0; s < p.v[k].ns; s++)
							p.v[k].s[s].x += mw;
				}
				place_lines(L, &p, left + ind, 0);
				plines_free(&p);
			}
			blocks(L, li->kids + 1, li->nkids - 1, left + ind + mw, width - ind - mw, depth + 1);
		} else {
			blocks(L, li->kids, li->nkids, left + ind + mw, width - ind - mw, depth + 1);
		}
	}
}

static void blocks(lay *L, const dz_block *b, size_t n, float left, float width, int depth)
{
	size_t i;
	const dz_style *st = L->st;
	for (i = 0; i < n && L->rc == 0; i++) {
		L->src = b[i].src;
		L->line = b[i].line;
		switch (b[i].kind) {
		case DZ_B_HEADING:
			heading(L, &b[i], i + 1 < n ? &b[i + 1] : NULL, width);
			break;
		case DZ_B_PARA:
			paragraph(L, &b[i], left, width, depth ? &st->body : &st->body,
				  depth ? 0 : st->body_indent);
			break;
		case DZ_B_QUOTE:
			blocks(L, b[i].kids, b[i].nkids, left + st->body_indent, width - st->body_indent,
			       depth + 1);
			break;
		case DZ_B_LIST:
			list(L, &b[i], left, width, depth);
			break;
		case DZ_B_TABLE:
			table(L, &b[i], width);
			break;
		case DZ_B_CODE:
			code(L, &b[i], left, width);
			break;
		case DZ_B_RULE:
			ensure(L, st->body.leading);
			add_rule(L, L->x0 + left + width * 0.25f, L->top - L->y - st->body.leading / 2,
				 L->x0 + left + width * 0.75f, L->top - L->y - st->body.leading / 2, 0.5f);
			L->y += st->body.leading;
			break;
		case DZ_B_PAGEBREAK:
			if (L->y > 0)
				new_page(L);
			break;
		case DZ_B_ITEM:
			blocks(L, b[i].kids, b[i].nkids, left, width, depth);
			break;
		}
	}
}

/* ---------- front matter ---------- */

static void centered(lay *L, const dz_textstyle *ts, const char *text, float extra_lead)
{
	plines p = {0};
	dz_run run = {0, text, NULL};
	dz_textstyle t = *ts;
	if (!text) { /* an arena copy that failed */
		L->rc = DOSSIER_ENOMEM;
		return;
	}
	if (extra_lead > 0)
		t.leading = extra_lead;
	set_text(L, &p, &run, 1, &t, L->st->type_w, 0, 0, 0, AL_CENTER, 0);
	place_lines(L, &p, 0, 1);
	plines_free(&p);
}

static void cover(lay *L)
{
	const dossier_doc *d = L->doc;
	const dz_style *st = L->st;
	char buf[512];
	const char *label_period = !strcmp(d->kind, "summary-report") ? "筹 建 期" : "报 告 期";
	struct { const char *k, *v; } info[4];
	int n = 0, i;
	new_page(L);
	L->y = st->type_h * 0.16f;
	centered(L, &st->cover, d->centre, st->cover.size * 1.8f);
	L->y += st->cover.size;
	centered(L, &st->cover, d->title, st->cover.size * 1.8f);
	/* "（2025年度）" only for a document about that calendar year */
	if (d->report_year && strlen(d->report_year) == 4 && d->period_start && d->period_end &&
	    !strncmp(d->period_start, d->report_year, 4) && !strcmp(d->period_start + 4, "-01-01") &&
	    !strncmp(d->period_end, d->report_year, 4) && !strcmp(d->period_end + 4, "-12-31")) {
		snprintf(buf, sizeof buf, "（%s年度）", d->report_year);
		centered(L, &st->cover_info, dz_arena_strdup(&L->out->arena, buf), 0);
	}
	info[n].k = d->host_term ? d->host_term : "依托单位"; info[n++].v = d->host;
	info[n].k = "主管单位"; info[n++].v = d->supervisor;
	if (d->period && *d->period) { info[n].k = label_period; info[n++].v = d->period; }
	info[n].k = "报送日期"; info[n++].v = d->date && *d->date ? d->date : "　　年　　月　　日";
	if (d->cover_lines) /* not about one centre: its own lines */
		n = (int)d->ncover_lines;
	L->y = st->type_h * 0.62f;
	for (i = 0; i < n && L->rc == 0; i++) {
		plines p = {0};
		dz_run run = {0, NULL, NULL};
		if (d->cover_lines)
			snprintf(buf, sizeof buf, "%s", d->cover_lines[i]);
		else
			snprintf(buf, sizeof buf, "%s：%s", info[i].k, info[i].v ? info[i].v : "");
		run.text = dz_arena_strdup(&L->out->arena, buf);
		if (!run.text) {
			L->rc = DOSSIER_ENOMEM;
			return;
		}
		set_text(L, &p, &run, 1, &st->cover_info, st->type_w - 4 * st->cover_info.size,
			 0, 5 * st->cover_info.size, 0, AL_LEFT, 0);
		place_lines(L, &p, 2 * st->cover_info.size, 1);
		plines_free(&p);
	}
}

static void toc(lay *L, const dz_layout *body, size_t offset)
{
	const dz_style *st = L->st;
	const dz_textstyle *ts = &st->toc;
	size_t i;
	new_page(L);
	centered(L, &st->title, L->doc->toc_title ? L->doc->toc_title : st->toc_title, st->title.size * 2);
	for (i = 0; i < body->nmarks && L->rc == 0; i++) {
		const dz_mark *mk = &body->marks[i];
		char num[16], *lead;
		plines p = {0};
		dz_run run = {0, mk->title, NULL};
		float ind = (float)(mk->level - 1) * 2 * ts->size, nw, lw, last_w;
		int f, lf, nlead;
		size_t k;
		if (mk->level > st->toc_levels)
			continue;
		snprintf(num, sizeof num, "%d", body->pages[mk->page].number);
		nw = str_width(L, ts->font, ts->size, num, &f);
		set_text(L, &p, &run, 1, ts, st->type_w - ind - nw - 2 * ts->size, ind, ind, 0,
			 AL_LEFT, mk->level == 1);
		if (L->rc || !p.n) {
			plines_free(&p);
			break;
		}
		ensure(L, (float)p.n * p.v[0].lead);
		/* leaders between the text and the number */
		last_w = p.v[p.n - 1].width; /* includes the indent */
		lw = str_width(L, ts->font, ts->size, "·", &lf);
		nlead = lw > 0 ? (int)((st->type_w - nw - last_w - ts->size) / lw) : 0;
		if (nlead < 0)
			nlead = 0;
		lead = dz_arena_alloc(&L->out->arena, (size_t)nlead * 2 + 1);
		if (!lead) {
			L->rc = DOSSIER_ENOMEM;
			plines_free(&p);
			return;
		}
		for (k = 0; k < (size_t)nlead; k++)
			memcpy(lead + 2 * k, "·", 2);
		{
			float ytop = L->y;
			for (k = 0; k < p.n; k++)
				place(L, &p.v[k], 0, 0);
			{
				float base = L->top - L->y + p.v[p.n - 1].lead - (p.v[p.n - 1].lead - ts->size) / 2 - ts->size * 0.86f;
				char *ns = dz_arena_strdup(&L->out->arena, num);
				if (nlead > 0)
					put_str(L, ts->font, ts->size, L->x0 + st->type_w - nw - ts->size * 0.5f - (float)nlead * lw,
						base, lead, 0, 0);
				if (ns)
					put_str(L, ts->font, ts->size, L->x0 + st->type_w - nw, base, ns, 0, 0);
				else
					L->rc = DOSSIER_ENOMEM;
			}
			{
				dz_page *pg = L->page;
				dz_link *lk;
				if (dz_grow((void **)&pg->k, &pg->ck, pg->nk, sizeof *pg->k)) {
					L->rc = DOSSIER_ENOMEM;
				} else {
					lk = &pg->k[pg->nk++];
					lk->x0 = L->x0 + ind;
					lk->x1 = L->x0 + st->type_w;
					lk->y0 = L->top - L->y;
					lk->y1 = L->top - ytop;
					lk->page = mk->page + (int)offset;
					lk->top = mk->top;
				}
			}
		}
		plines_free(&p);
	}
}

int dz_layout_run(dz_layout *out, const dossier_doc *doc, const dz_style *st,
		  const dz_metrics *m, int draft)
{
	static int lb_ready;
	lay L;
	dz_layout front;
	size_t i, nfront;
	memset(out, 0, sizeof *out);
	memset(&front, 0, sizeof front);
	memset(&L, 0, sizeof L);
	if (!lb_ready) {
		/* builds libunibreak's property index: without it every lookup is a
		 * linear search (a quarter of all instructions of a render) */
		init_linebreak();
		lb_ready = 1;
	}
	out->page_w = front.page_w = st->page_w;
	out->page_h = front.page_h = st->page_h;
	/* body, numbered from 1 */
	L.out = out;
	L.st = st;
	L.m = m;
	L.doc = doc;
	L.draft = draft;
	L.numbered = 1;
	new_page(&L);
	blocks(&L, doc->blocks, doc->nblocks, 0, st->type_w, 0);
	if (L.rc)
		goto fail;
	/* front matter: cover, then the table of contents */
	L.out = &front;
	L.numbered = 0;
	cover(&L);
	if (doc->nblocks && strcmp(doc->kind, "evaluation-table"))
		toc(&L, out, 0);
	if (L.rc)
		goto fail;
	nfront = front.npages;
	/* the TOC's links point into the body: shift them past the front pages */
	for (i = 0; i < front.npages; i++) {
		size_t k;
		for (k = 0; k < front.pages[i].nk; k++)
			front.pages[i].k[k].page += (int)nfront;
	}
	for (i = 0; i < out->nmarks; i++)
		out->marks[i].page += (int)nfront;
	{
		dz_page *all = dz_calloc(nfront + out->npages + 1, sizeof *all);
		if (!all) {
			L.rc = DOSSIER_ENOMEM;
			goto fail;
		}
		memcpy(all, front.pages, nfront * sizeof *all);
		memcpy(all + nfront, out->pages, out->npages * sizeof *all);
		dz_free(front.pages);
		dz_free(out->pages);
		out->pages = all;
		out->npages += nfront;
		out->cpages = out->npages + 1;
		out->body_first = nfront;
		front.pages = NULL;
		front.npages = 0;
	}
	/* strings of the front matter live in its arena: chain it to ours */
	out->front_arena = front.arena;
	memset(&front.arena, 0, sizeof front.arena);
	return 0;
fail:
	dz_layout_dispose(&front);
	dz_layout_dispose(out);
	return L.rc;
}

void dz_layout_dispose(dz_layout *l)
{
	size_t i;
	for (i = 0; i < l->npages; i++) {
		dz_free(l->pages[i].t);
		dz_free(l->pages[i].r);
		dz_free(l->pages[i].k);
	}
	dz_free(l->pages);
	dz_free(l->marks);
	dz_arena_dispose(&l->arena);
	dz_arena_dispose(&l->front_arena);
	memset(l, 0, sizeof *l);
}
