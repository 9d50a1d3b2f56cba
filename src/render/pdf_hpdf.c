/*
 * pdf_hpdf.c — the thin PDF backend on libharu 2.3.0: the only file that
 * includes hpdf.h. Draws text boxes, rules, links and bookmarks, fills the
 * document information, and writes through a temporary file renamed into
 * place.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <openssl/evp.h>
#include "util/util.h"
#include "doc/doc.h"
#include "render/pdf_backend.h"

typedef struct {
	HPDF_STATUS error, detail;
	int sys;  /* errno when libharu reported its first error */
} herr;

static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user)
{
	herr *e = user;
	if (!e->error) {
		e->error = error_no;
		e->detail = detail_no;
		e->sys = errno;
	}
}

static HPDF_Date pdf_date(long long t)
{
	HPDF_Date d;
	time_t tt = (time_t)t;
	struct tm tm;
	memset(&d, 0, sizeof d);
	gmtime_r(&tt, &tm);
	d.year = tm.tm_year + 1900;
	d.month = tm.tm_mon + 1;
	d.day = tm.tm_mday;
	d.hour = tm.tm_hour;
	d.minutes = tm.tm_min;
	d.seconds = tm.tm_sec;
	/* "+00'00'": libharu writes 'Z' as "Z00'00'", which readers reject */
	d.ind = '+';
	return d;
}

/* ---------- font dictionaries: what libharu 2.3.0 gets wrong ----------
 *
 * In UTF-8 mode libharu makes a character's CID its code point, maps CIDs
 * to glyphs with a 128 KB CIDToGIDMap, writes an identity "cidrange" CMap
 * as ToUnicode (which is not a ToUnicode CMap at all) and lists a width
 * for nearly every CID. Here the CID is the glyph id of the subset
 * (CIDToGIDMap /Identity): a page's text is then a string of small dense
 * numbers that compresses a tenth better; the widths list only the glyphs
 * that differ from the commonest width (/DW, 1000 for Chinese); ToUnicode
 * maps glyph ids back to code points; CIDSet names every glyph. */

typedef struct {
	uint16_t gid;
	uint32_t cp;
	uint16_t width;
} gmap;

static int by_gid(const void *a, const void *b)
{
	const gmap *x = a, *y = b;
	return x->gid != y->gid ? (x->gid < y->gid ? -1 : 1) : (x->cp < y->cp ? -1 : x->cp > y->cp);
}

/* The used code points by glyph id (a glyph shown for two code points
 * keeps the first); NULL on OOM. */
static gmap *glyph_map(const dz_pdf_font *pf, size_t *n)
{
	gmap *m = dz_malloc((pf->nused + 1) * sizeof *m);
	size_t i, k = 0;
	*n = 0;
	if (!m)
		return NULL;
	for (i = 0; i < pf->nused; i++) {
		if (!pf->gid[i])
			continue;
		m[k].gid = pf->gid[i];
		m[k].cp = pf->used[i];
		m[k].width = pf->width[i];
		k++;
	}
	qsort(m, k, sizeof *m, by_gid);
	for (i = 0, *n = 0; i < k; i++)
		if (!*n || m[*n - 1].gid != m[i].gid)
			m[(*n)++] = m[i];
	return m;
}

static void utf16(char *out, size_t n, uint32_t cp)
{
	if (cp > 0xFFFF) {
		cp -= 0x10000;
		snprintf(out, n, "%04X%04X", (unsigned)(0xD800 + (cp >> 10)),
			 (unsigned)(0xDC00 + (cp & 0x3FF)));
	} else {
		snprintf(out, n, "%04X", (unsigned)cp);
	}
}

static void write_tounicode(HPDF_Dict tu, const gmap *m, size_t n)
{
	char line[96], u[16];
	size_t i = 0, nr = 0, k;
	size_t (*ranges)[2] = dz_malloc((n + 1) * sizeof *ranges);
	if (!ranges)
		return;
	/* runs of consecutive glyphs for consecutive BMP code points, within
	 * one high byte of the glyph id */
	while (i < n) {
		size_t a = i;
		while (i + 1 < n && m[i + 1].gid == m[i].gid + 1 && m[i + 1].cp == m[i].cp + 1 &&
		       m[i + 1].cp <= 0xFFFF && (m[i + 1].gid & 0xFF00) == (m[a].gid & 0xFF00))
			i++;
		ranges[nr][0] = a;
		ranges[nr][1] = i;
		nr++;
		i++;
	}
	HPDF_MemStream_FreeData(tu->stream);
	HPDF_Stream_WriteStr(tu->stream,
			     "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
			     "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
			     "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
			     "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	for (k = 0; k < nr; k++) {
		const gmap *a = &m[ranges[k][0]], *b = &m[ranges[k][1]];
		if (k % 100 == 0) {
			snprintf(line, sizeof line, "%zu beginbfrange\n", nr - k < 100 ? nr - k : (size_t)100);
			HPDF_Stream_WriteStr(tu->stream, line);
		}
		utf16(u, sizeof u, a->cp);
		snprintf(line, sizeof line, "<%04X> <%04X> <%s>\n", a->gid, b->gid, u);
		HPDF_Stream_WriteStr(tu->stream, line);
		if (k % 100 == 99 || k + 1 == nr)
			HPDF_Stream_WriteStr(tu->stream, "endbfrange\n");
	}
	HPDF_Stream_WriteStr(tu->stream, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
	dz_free(ranges);
}

/* /DW the commonest width, /W the others: [gid [w w ...] gid [w] ...]. */
static void write_widths(HPDF_Doc pdf, HPDF_Dict cid, const gmap *m, size_t n)
{
	HPDF_Array w = HPDF_Array_New(pdf->mmgr), run = NULL;
	size_t i, j, best = 0, dw = 1000;
	if (!w)
		return;
	for (i = 0; i < n; i++) {
		size_t c = 0;
		for (j = 0; j < n && c <= n / 2; j++)
			c += m[j].width == m[i].width;
		if (c > best) {
			best = c;
			dw = m[i].width;
		}
		if (best > n / 2)
			break;
	}
	for (i = 0; i < n; i++) {
		if (m[i].width == dw) {
			run = NULL;
			continue;
		}
		if (!run || m[i].gid != m[i - 1].gid + 1) {
			HPDF_Array_AddNumber(w, m[i].gid);
			if (!(run = HPDF_Array_New(pdf->mmgr)))
				return;
			HPDF_Array_Add(w, run);
		}
		HPDF_Array_AddNumber(run, m[i].width);
	}
	HPDF_Dict_AddNumber(cid, "DW", (HPDF_INT32)dw);
	HPDF_Dict_Add(cid, "W", w);
}

/* PDF/A-1 wants CapHeight and, for subsets, a CIDSet naming every CID in
 * the font program. libharu makes the descriptor in a before-write hook,
 * and only if there is none: run the hook now, then complete it. */
static void complete_font(HPDF_Doc pdf, HPDF_Font font, const dz_pdf_font *pf)
{
	HPDF_FontAttr attr = (HPDF_FontAttr)font->attr;
	HPDF_Dict tu = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
	HPDF_Dict desc, cidset, cid = attr->descendant_font;
	HPDF_BYTE *bits;
	gmap *m;
	size_t n, nbytes, g;
	if (!(m = glyph_map(pf, &n)))
		return;
	if (tu && tu->stream)
		write_tounicode(tu, m, n);
	/* libharu embeds only the glyphs it saw drawn, and the hook below
	 * embeds the font now, before anything is drawn. The file is already
	 * a HarfBuzz subset of exactly what the document uses: keep it whole. */
	{
		HPDF_TTFontDefAttr ta = (HPDF_TTFontDefAttr)attr->fontdef->attr;
		HPDF_UINT16 k;
		if (ta && ta->glyph_tbl.flgs)
			for (k = 0; k < ta->num_glyphs; k++)
				ta->glyph_tbl.flgs[k] = 1;
	}
	if (font->before_write_fn && font->before_write_fn(font) != HPDF_OK) {
		dz_free(m);
		return;
	}
	if (cid) {
		write_widths(pdf, cid, m, n);
		/* the map libharu made stays an empty, unreferenced stream */
		if (attr->map_stream)
			HPDF_MemStream_FreeData(attr->map_stream->stream);
		HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity");
	}
	dz_free(m);
	desc = attr->fontdef->descriptor;
	if (!desc)
		return;
	HPDF_Dict_AddNumber(desc, "CapHeight",
			    attr->fontdef->cap_height ? attr->fontdef->cap_height
						      : (HPDF_INT32)(attr->fontdef->ascent * 0.7));
	/* every glyph of the subset (components of composite glyphs too) */
	nbytes = (pf->nglyphs + 7) / 8;
	bits = dz_calloc(nbytes + 1, 1);
	cidset = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
	if (!bits || !cidset) {
		dz_free(bits);
		return;
	}
	for (g = 0; g < pf->nglyphs; g++)
		bits[g / 8] |= (HPDF_BYTE)(0x80 >> (g % 8));
	HPDF_Stream_Write(cidset->stream, bits, (HPDF_UINT)(nbytes ? nbytes : 1));
	cidset->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	HPDF_Dict_Add(desc, "CIDSet", cidset);
	dz_free(bits);
}

/* The CID (glyph id) of code point cp in font pf, 0 if it has none, and
 * its width in 1/1000 em. */
static unsigned cid_of(const dz_pdf_font *pf, uint32_t cp, unsigned *width)
{
	size_t lo = 0, hi = pf->nused;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (pf->used[mid] == cp) {
			*width = pf->width[mid];
			return pf->gid[mid];
		}
		if (pf->used[mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	*width = 0;
	return 0;
}

/* ---------- PDF/A-1b: XMP, output intent, /ID ---------- */

static void xml_escape(dz_buf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': dz_buf_puts(b, "&amp;"); break;
		case '<': dz_buf_puts(b, "&lt;"); break;
		case '>': dz_buf_puts(b, "&gt;"); break;
		case '"': dz_buf_puts(b, "&quot;"); break;
		default: dz_buf_putc(b, *s);
		}
	}
}

static void iso_date(char *buf, size_t n, long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(buf, n, "%Y-%m-%dT%H:%M:%S+00:00", &tm);
}

static int add_pdfa(HPDF_Doc pdf, const dossier_doc *doc, const char *title,
		    const dossier_pdf_options *o, const unsigned char id[16])
{
	dz_buf x = DZ_BUF_INIT;
	char date[32];
	HPDF_Dict meta;
	HPDF_OutputIntent icc;
	HPDF_Array ida;
	const char *icc_path = o->icc_path ? o->icc_path : "/usr/share/color/icc/sRGB.icc";
	iso_date(date, sizeof date, o->created);
	dz_buf_puts(&x, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
		    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
		    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
		    "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">"
		    "<pdfaid:part>1</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>"
		    "</rdf:Description>\n"
		    "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
		    "<dc:format>application/pdf</dc:format><dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
	xml_escape(&x, title);
	dz_buf_puts(&x, "</rdf:li></rdf:Alt></dc:title><dc:creator><rdf:Seq><rdf:li>");
	xml_escape(&x, doc->host);
	dz_buf_puts(&x, "</rdf:li></rdf:Seq></dc:creator><dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">");
	xml_escape(&x, doc->scheme_title);
	dz_buf_puts(&x, "</rdf:li></rdf:Alt></dc:description></rdf:Description>\n"
		    "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">"
		    "<xmp:CreatorTool>dossier " DOSSIER_VERSION "</xmp:CreatorTool>");
	dz_buf_printf(&x, "<xmp:CreateDate>%s</xmp:CreateDate><xmp:ModifyDate>%s</xmp:ModifyDate>"
		      "<xmp:MetadataDate>%s</xmp:MetadataDate></rdf:Description>\n", date, date, date);
	dz_buf_puts(&x, "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">"
		    "<pdf:Producer>Haru Free PDF Library 2.3.0</pdf:Producer><pdf:Keywords>");
	xml_escape(&x, doc->scheme_doc);
	dz_buf_puts(&x, "</pdf:Keywords></rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
		    "<?xpacket end=\"w\"?>");
	if (x.oom) {
		dz_buf_dispose(&x);
		return DOSSIER_ENOMEM;
	}
	meta = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
	if (!meta) {
		dz_buf_dispose(&x);
		return DOSSIER_ENOMEM;
	}
	HPDF_Dict_AddName(meta, "Type", "Metadata");
	HPDF_Dict_AddName(meta, "Subtype", "XML");
	HPDF_Stream_Write(meta->stream, (const HPDF_BYTE *)x.ptr, (HPDF_UINT)x.len);
	meta->filter = HPDF_STREAM_FILTER_NONE; /* readable without a PDF library */
	HPDF_Dict_Add(pdf->catalog, "Metadata", meta);
	dz_buf_dispose(&x);
	icc = HPDF_LoadIccProfileFromFile(pdf, icc_path, 3);
	if (!icc)
		return dz_errf(DOSSIER_ENOTFOUND, icc_path, 0, 0,
			       "安装 icc-profiles-free（scripts/install-deps.sh），或用 --no-pdfa。",
			       "Install icc-profiles-free (scripts/install-deps.sh), or use --no-pdfa.",
			       "无法读取 sRGB 色彩配置文件", "cannot read the sRGB colour profile%s", "");
	HPDF_PDFA_AppendOutputIntents(pdf, "sRGB IEC61966-2.1", icc);
	/* a fixed /ID derived from the content: the same input gives the same file */
	ida = HPDF_Array_New(pdf->mmgr);
	HPDF_Array_Add(ida, HPDF_Binary_New(pdf->mmgr, (HPDF_BYTE *)id, 16));
	HPDF_Array_Add(ida, HPDF_Binary_New(pdf->mmgr, (HPDF_BYTE *)id, 16));
	HPDF_Dict_Add(pdf->trailer, "ID", ida);
	return 0;
}

/* Digest of everything drawn: the document's identity for /ID. */
static void content_id(const dz_layout *lay, long long created, unsigned char id[16])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0;
	size_t i, k;
	EVP_MD_CTX *c = EVP_MD_CTX_new();
	memset(id, 0, 16);
	if (!c)
		return;
	EVP_DigestInit_ex(c, EVP_sha256(), NULL);
	EVP_DigestUpdate(c, &created, sizeof created);
	for (i = 0; i < lay->npages; i++)
		for (k = 0; k < lay->pages[i].nt; k++) {
			const dz_tbox *b = &lay->pages[i].t[k];
			EVP_DigestUpdate(c, b->text, b->len);
			EVP_DigestUpdate(c, &b->x, sizeof b->x);
			EVP_DigestUpdate(c, &b->y, sizeof b->y);
		}
	EVP_DigestFinal_ex(c, md, &n);
	EVP_MD_CTX_free(c);
	memcpy(id, md, 16);
}

/* ---------- page content, written directly ----------
 *
 * libharu's drawing calls repeat the font, colour, character spacing and a
 * whole text matrix for every line, and write text as hexadecimal: that was
 * a third of a report's bytes. The content is written here instead: the
 * rules, then one text object per page in which each operator appears only
 * when its value changes, lines placed by relative moves, and text as
 * literal strings of two-byte CIDs (Identity-H, CID = glyph id of the
 * subset; see the font dictionaries above). Positions are kept to 1/100 pt,
 * character spacing to 1/1000. */

typedef struct {
	int font, tr, rot, have_pos;
	float size, cs, gray, sgray, lw;
	float x, y;     /* the text line matrix: where the last Td or Tm went */
	double px;      /* the text position after the last string (same y) */
} tstate;

/* A number as short as PDF allows: at most `dec` decimals, no trailing
 * zeros, no "-0". */
static void put_num(dz_buf *b, double v, int dec)
{
	char t[48];
	size_t n;
	snprintf(t, sizeof t, "%.*f", dec, v);
	n = strlen(t);
	if (strchr(t, '.')) {
		while (n > 0 && t[n - 1] == '0')
			n--;
		if (n > 0 && t[n - 1] == '.')
			n--;
	}
	t[n] = '\0';
	if (!strcmp(t, "-0"))
		strcpy(t, "0");
	dz_buf_puts(b, t);
	dz_buf_putc(b, ' ');
}

/* The text of a box as a literal string of big-endian CIDs (glyph ids).
 * Returns how far it moves the text position, in points. */
static double put_cids(dz_buf *b, const dz_pdf_font *pf, const char *text, size_t len,
		       double size, double cs)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t i = 0;
	double adv = 0;
	dz_buf_putc(b, '(');
	while (i < len) {
		uint32_t cp;
		int l = dz_utf8_decode(p + i, len - i, &cp), k;
		unsigned char c[2];
		if (!l) {
			i++;
			continue;
		}
		i += (size_t)l;
		unsigned w;
		if (cp == '\t')
			cp = ' ';
		cp = cid_of(pf, cp, &w);
		adv += w * size / 1000.0 + cs;
		c[0] = (unsigned char)(cp >> 8);
		c[1] = (unsigned char)cp;
		for (k = 0; k < 2; k++) {
			switch (c[k]) {
			case '(': dz_buf_puts(b, "\\("); break;
			case ')': dz_buf_puts(b, "\\)"); break;
			case '\\': dz_buf_puts(b, "\\\\"); break;
			case '\r': dz_buf_puts(b, "\\r"); break;
			case '\n': dz_buf_puts(b, "\\n"); break;
			default: dz_buf_putc(b, (char)c[k]);
			}
		}
	}
	dz_buf_puts(b, ")Tj\n");
	return adv;
}

static int rule_order(const void *a, const void *b)
{
	const dz_rule *x = a, *y = b;
	int vx = x->x0 == x->x1, vy = y->x0 == y->x1;
	float kx[3], ky[3];
	int i;
	if (vx != vy)
		return vx - vy;
	/* horizontal: by y, then x; vertical: by x, then from the top down
	 * (merge_rules has made x0 <= x1 and y0 >= y1) */
	kx[0] = x->width; ky[0] = y->width;
	kx[1] = vx ? x->x0 : x->y0; ky[1] = vy ? y->x0 : y->y0;
	kx[2] = vx ? -x->y0 : x->x0; ky[2] = vy ? -y->y0 : y->x0;
	for (i = 0; i < 3; i++)
		if (kx[i] != ky[i])
			return kx[i] < ky[i] ? -1 : 1;
	return 0;
}

/* The rules of a page with the shared edges of table rows drawn once: a
 * row's bottom is the next row's top, and its column lines continue the
 * row above's. Collinear segments that touch or overlap become one (the
 * page looks the same). Returns how many were written to out. */
static size_t merge_rules(const dz_rule *in, size_t n, dz_rule *out)
{
	size_t i, m = 0;
	memcpy(out, in, n * sizeof *out);
	for (i = 0; i < n; i++) { /* x0 <= x1, y0 >= y1 */
		float t;
		if (out[i].x0 > out[i].x1) { t = out[i].x0; out[i].x0 = out[i].x1; out[i].x1 = t; }
		if (out[i].y0 < out[i].y1) { t = out[i].y0; out[i].y0 = out[i].y1; out[i].y1 = t; }
	}
	qsort(out, n, sizeof *out, rule_order);
	for (i = 0; i < n; i++) {
		dz_rule *p = m ? &out[m - 1] : NULL, *r = &out[i];
		int v = r->x0 == r->x1;
		if (p && p->width == r->width && (p->x0 == p->x1) == v) {
			/* verticals come top first: r starts at or above p's end */
			if (v && p->x0 == r->x0 && r->y0 >= p->y1 - 0.01f) {
				if (r->y1 < p->y1)
					p->y1 = r->y1;
				continue;
			}
			if (!v && p->y0 == r->y0 && r->x0 <= p->x1 + 0.01f) {
				if (r->x1 > p->x1)
					p->x1 = r->x1;
				continue;
			}
		}
		out[m++] = *r;
	}
	return m;
}

static int write_content(HPDF_Doc pdf, HPDF_Page page, const dz_page *pg, HPDF_Font *font,
			 const dz_pdf_font *pf, int nfonts, dz_buf *b)
{
	HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
	tstate st = {-1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0};
	float lw = -1;
	size_t k;
	dz_rule *rules = NULL;
	size_t nr = 0;
	b->len = 0;
	if (pg->nr) {
		dz_buf_puts(b, "0 0 0 RG\n");
		if (!(rules = dz_malloc(pg->nr * sizeof *rules)))
			return dz_err(DOSSIER_ENOMEM, "", 0, 0, "内存不足", "out of memory", "", "");
		nr = merge_rules(pg->r, pg->nr, rules);
	}
	for (k = 0; k < nr; k++) {
		const dz_rule *r = &rules[k];
		if (r->width != lw) {
			put_num(b, r->width, 2);
			dz_buf_puts(b, "w\n");
			lw = r->width;
		}
		put_num(b, r->x0, 2);
		put_num(b, r->y0, 2);
		dz_buf_puts(b, "m ");
		put_num(b, r->x1, 2);
		put_num(b, r->y1, 2);
		dz_buf_puts(b, "l S\n");
	}
	dz_free(rules);
	if (lw >= 0)
		st.lw = lw;
	if (pg->nt)
		dz_buf_puts(b, "BT\n");
	for (k = 0; k < pg->nt; k++) {
		const dz_tbox *t = &pg->t[k];
		if (t->font < 0 || t->font >= nfonts || !font[t->font])
			continue;
		if (t->font != st.font || t->size != st.size) {
			const char *name = HPDF_Page_GetLocalFontName(page, font[t->font]);
			if (!name)
				return dz_err(DOSSIER_ENOMEM, "", 0, 0, "内存不足", "out of memory", "", "");
			dz_buf_printf(b, "/%s ", name);
			put_num(b, t->size, 2);
			dz_buf_puts(b, "Tf\n");
			st.font = t->font;
			st.size = t->size;
		}
		if (t->gray != st.gray) {
			put_num(b, t->gray, 3);
			put_num(b, t->gray, 3);
			put_num(b, t->gray, 3);
			dz_buf_puts(b, "rg\n");
			st.gray = t->gray;
		}
		if (roundf(t->cs * 1000) != roundf(st.cs * 1000)) {
			put_num(b, t->cs, 3);
			dz_buf_puts(b, "Tc\n");
			st.cs = t->cs;
		}
		/* simulated bold: the glyphs filled and stroked */
		if (t->bold != (st.tr == 2)) {
			if (t->bold) {
				if (t->gray != st.sgray) {
					put_num(b, t->gray, 3);
					put_num(b, t->gray, 3);
					put_num(b, t->gray, 3);
					dz_buf_puts(b, "RG\n");
					st.sgray = t->gray;
				}
				if (t->size * 0.035f != st.lw) {
					put_num(b, t->size * 0.035f, 3);
					dz_buf_puts(b, "w\n");
					st.lw = t->size * 0.035f;
				}
			}
			dz_buf_puts(b, t->bold ? "2 Tr\n" : "0 Tr\n");
			st.tr = t->bold ? 2 : 0;
		}
		if (t->angle != 0) {
			float rad = t->angle * 3.14159265f / 180.0f;
			put_num(b, cosf(rad), 4);
			put_num(b, sinf(rad), 4);
			put_num(b, -sinf(rad), 4);
			put_num(b, cosf(rad), 4);
			put_num(b, t->x, 2);
			put_num(b, t->y, 2);
			dz_buf_puts(b, "Tm\n");
			st.rot = 1;
		} else if (st.rot || !st.have_pos) {
			dz_buf_puts(b, "1 0 0 1 ");
			put_num(b, t->x, 2);
			put_num(b, t->y, 2);
			dz_buf_puts(b, "Tm\n");
			st.rot = 0;
		} else if (t->y == st.y && fabs(t->x - st.px) < 0.005) {
			/* the string starts where the last one ended: the font
			 * changes (a number among Chinese), the spacing does not */
			st.px += put_cids(b, &pf[t->font], t->text, t->len, t->size, st.cs);
			continue;
		} else {
			/* relative to the start of the previous line, in hundredths
			 * so rounding never adds up */
			put_num(b, (roundf(t->x * 100) - roundf(st.x * 100)) / 100.0, 2);
			put_num(b, (roundf(t->y * 100) - roundf(st.y * 100)) / 100.0, 2);
			dz_buf_puts(b, "Td\n");
		}
		st.x = t->x;
		st.y = t->y;
		st.have_pos = 1;
		st.px = roundf(t->x * 100) / 100.0 + put_cids(b, &pf[t->font], t->text, t->len,
							     t->size, st.cs);
	}
	if (st.tr)
		dz_buf_puts(b, "0 Tr\n");
	if (pg->nt)
		dz_buf_puts(b, "ET\n");
	if (b->oom)
		return dz_err(DOSSIER_ENOMEM, "", 0, 0, "内存不足", "out of memory", "", "");
	(void)pdf;
	if (b->len && HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)b->ptr, (HPDF_UINT)b->len) != HPDF_OK)
		return dz_err(DOSSIER_ENOMEM, "", 0, 0, "内存不足", "out of memory", "", "");
	return 0;
}

/* A destination written inline ([page /FitH top]); libharu makes each one
 * an indirect object, which PDF/A validators cannot resolve. */
static HPDF_Destination direct_dest(HPDF_Doc pdf, HPDF_Page page, float top)
{
	HPDF_Array a = HPDF_Array_New(pdf->mmgr);
	if (!a)
		return NULL;
	a->header.obj_class |= HPDF_OSUBCLASS_DESTINATION;
	HPDF_Array_Add(a, page);
	HPDF_Array_AddName(a, "FitH");
	HPDF_Array_AddReal(a, top);
	return a;
}

int dz_pdf_backend_write(const dz_layout *lay, const dossier_doc *doc,
			 const dz_pdf_font *fonts, int nfonts, const char *path,
			 const dossier_pdf_options *o)
{
	herr e = {0, 0, 0};
	HPDF_Doc pdf = HPDF_New(on_error, &e);
	HPDF_Font font[8] = {0};
	HPDF_Page *pages = NULL;
	HPDF_Outline parents[5] = {0};
	char *tmp = NULL;
	dz_buf cbuf = DZ_BUF_INIT;
	size_t i, k;
	int rc = 0, f;
	if (!pdf)
		return dz_err(DOSSIER_ENOMEM, path, 0, 0, "内存不足", "out of memory", "", "");
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	for (f = 0; f < nfonts && f < 8 && !e.error; f++) {
		const char *name;
		if (!fonts[f].path || !fonts[f].gid)
			continue; /* not used by this document */
		name = HPDF_LoadTTFontFromFile(pdf, fonts[f].path, HPDF_TRUE);
		if (name)
			font[f] = HPDF_GetFont(pdf, name, "UTF-8");
		if (font[f] && !e.error)
			complete_font(pdf, font[f], &fonts[f]);
	}
	if (e.error) {
		rc = dz_errf(DOSSIER_EFONT, path, 0, 0, "换用其他 TrueType 字体。", "Use another TrueType font.",
			     "PDF 库无法载入字体（错误 0x%04X）", "the PDF library cannot load a font (error 0x%04X)",
			     (unsigned)e.error);
		goto done;
	}
	pages = dz_calloc(lay->npages + 1, sizeof *pages);
	if (!pages) {
		rc = DOSSIER_ENOMEM;
		goto done;
	}
	for (i = 0; i < lay->npages; i++) {
		pages[i] = HPDF_AddPage(pdf);
		HPDF_Page_SetWidth(pages[i], lay->page_w);
		HPDF_Page_SetHeight(pages[i], lay->page_h);
	}
	for (i = 0; i < lay->npages && !e.error; i++) {
		const dz_page *pg = &lay->pages[i];
		HPDF_Page p = pages[i];
		if (o->cancelled && o->cancelled(o->payload)) {
			rc = dz_err(DOSSIER_EINTR, path, 0, 0, "已中断", "interrupted", "", "");
			goto done;
		}
		if ((rc = write_content(pdf, p, pg, font, fonts, nfonts, &cbuf)) != 0)
			goto done;
		/* links of the table of contents */
		for (k = 0; k < pg->nk && !e.error; k++) {
			const dz_link *l = &pg->k[k];
			HPDF_Rect r = {l->x0, l->y0, l->x1, l->y1};
			HPDF_Destination d;
			HPDF_Annotation a;
			if (l->page < 0 || (size_t)l->page >= lay->npages)
				continue;
			d = direct_dest(pdf, pages[l->page], l->top);
			a = HPDF_Page_CreateLinkAnnot(p, r, d);
			HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
			HPDF_Dict_AddNumber(a, "F", 4); /* printable, as PDF/A requires */
		}
	}
	/* bookmarks: one per heading, nested by level */
	for (i = 0; i < lay->nmarks && !e.error; i++) {
		const dz_mark *m = &lay->marks[i];
		int lvl = m->level < 1 ? 1 : m->level > 4 ? 4 : m->level, up;
		HPDF_Outline parent = NULL, ol;
		HPDF_Destination d;
		for (up = lvl - 1; up >= 1 && !parent; up--)
			parent = parents[up];
		ol = HPDF_CreateOutline(pdf, parent, m->title, HPDF_GetEncoder(pdf, "UTF-8"));
		d = direct_dest(pdf, pages[m->page], m->top);
		HPDF_Outline_SetDestination(ol, d);
		HPDF_Outline_SetOpened(ol, lvl == 1 ? HPDF_TRUE : HPDF_FALSE);
		parents[lvl] = ol;
		for (up = lvl + 1; up <= 4; up++)
			parents[up] = NULL;
	}
	HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);
	/* document information */
	{
		char title[600];
		HPDF_Date date = pdf_date(o->created);
		snprintf(title, sizeof title, "%s%s", doc->centre ? doc->centre : "", doc->title ? doc->title : "");
		HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, title);
		HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, doc->host ? doc->host : "");
		HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, doc->scheme_title ? doc->scheme_title : "");
		HPDF_SetInfoAttr(pdf, HPDF_INFO_KEYWORDS, doc->scheme_doc ? doc->scheme_doc : "");
		HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "dossier " DOSSIER_VERSION);
		HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
		HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);
		if (o->pdfa) {
			unsigned char id[16];
			content_id(lay, o->created, id);
			if ((rc = add_pdfa(pdf, doc, title, o, id)) != 0)
				goto done;
		}
	}
	if (e.error) {
		rc = dz_errf(DOSSIER_ERROR, path, 0, 0, "", "", "PDF 生成失败（错误 0x%04X/%u）",
			     "PDF generation failed (error 0x%04X/%u)", (unsigned)e.error, (unsigned)e.detail);
		goto done;
	}
	/* write next to the target, then rename: never a half-written PDF */
	tmp = dz_fmt("%s.tmp.%ld", path, (long)getpid());
	if (!tmp) {
		rc = DOSSIER_ENOMEM;
		goto done;
	}
	errno = 0;
	if (HPDF_SaveToFile(pdf, tmp) != HPDF_OK || e.error) {
		/* libharu's file errors (HPDF_FILE_IO_ERROR, HPDF_FILE_OPEN_ERROR)
		 * come straight from fopen/fwrite/fclose: errno says why */
		int sys = e.sys ? e.sys : errno;
		unlink(tmp);
		rc = dz_errf(DOSSIER_EIO, path, 0, 0, "检查输出目录是否可写、磁盘是否已满。",
			     "Check the output directory is writable and the disk not full.",
			     "无法写入 PDF（%s，libharu 错误 0x%04X）",
			     "cannot write the PDF (%s, libharu error 0x%04X)",
			     sys ? strerror(sys) : "?", (unsigned)e.error);
		goto done;
	}
	if (rename(tmp, path) != 0) {
		rc = dz_errf(DOSSIER_EIO, path, 0, 0, "检查输出目录权限。", "Check the output directory.",
			     "无法替换 PDF（%s）", "cannot move the PDF into place (%s)", strerror(errno));
		unlink(tmp);
	}
done:
	dz_free(tmp);
	dz_buf_dispose(&cbuf);
	dz_free(pages);
	HPDF_Free(pdf);
	return rc;
}
