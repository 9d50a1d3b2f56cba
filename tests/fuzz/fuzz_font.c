/*
 * fuzz_font.c — libFuzzer target for a font file through stages 3 and 4a:
 * the input is written as font.ttf in a private scratch directory, named
 * for every role by a fonts.conf written there once, and loaded with
 * dz_fontset_load (HarfBuzz face, extents). For a fixed text of ASCII,
 * CJK and punctuation the target asks coverage, advances and the font for
 * each code point, records those the font has, subsets it (hb-subset and our
 * compact cmap) and hands the subset to the libharu backend
 * (dz_pdf_backend_write, which parses it again and writes the ToUnicode
 * map) with one page of text boxes, as dossier_pdf_write does.
 *
 * A font from a ministry site or a colleague's machine is hostile input
 * too: whatever it holds must end in a clean error or a PDF. Run from the
 * repository root (templates/ is relative).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dossier.h"
#include "doc/doc.h"
#include "font/font.h"
#include "layout/boxes.h"
#include "render/pdf_backend.h"
#include "util/util.h"
#include "fuzz.h"

/* what the text boxes show: every code point here the font has */
static const char *const text =
	"ABCabc0123 .,;:!?()%-—中国创新中心年度报告总结一二三四五六七八九十"
	"（）。，、；：“”《》％…国家工程研究中心评价指标研发投入";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char font[300], conf[300], pdf[300];
	static dossier_doc doc;
	dossier_pdf_options po = DOSSIER_PDF_OPTIONS_INIT;
	dz_fontset fs;
	dz_layout lay;
	dz_page page;
	dz_tbox box[DZ_MAXFONTS];
	dz_pdf_font pf[DZ_MAXFONTS];
	dz_subset sub[DZ_MAXFONTS];
	char *shown[DZ_MAXFONTS] = {0};
	uint32_t *used[DZ_MAXFONTS] = {0};
	size_t nshown[DZ_MAXFONTS] = {0};
	const char *p;
	int rc = 0, i, r;
	if (!font[0]) {
		char cfg[1200];
		int n = 0;
		snprintf(font, sizeof font, "%s/font.ttf", fz_tmpdir());
		snprintf(conf, sizeof conf, "%s/fonts.conf", fz_tmpdir());
		snprintf(pdf, sizeof pdf, "%s/out.pdf", fz_tmpdir());
		/* one face per role: the same file, so it is opened once */
		for (r = 0; r < DZ_NROLES; r++)
			n += snprintf(cfg + n, sizeof cfg - (size_t)n, "role %s\nprefer %s#0\n",
				      dz_role_names[r], font);
		fz_write(conf, cfg, (size_t)n);
		doc.kind = "annual-report";
		doc.title = "年度报告";
		doc.centre = doc.host = doc.scheme_doc = doc.scheme_title = "模糊测试";
	}
	fz_write(font, data, size);
	if (dz_fontset_load(&fs, conf, NULL, NULL) != 0) {
		dossier_error_clear();
		return 0;
	}
	for (i = 0; i < fs.nfonts; i++)
		if ((shown[i] = dz_malloc(strlen(text) + 1)) == NULL)
			abort();
	for (p = text; *p;) {
		uint32_t cp;
		int len = dz_utf8_decode((const unsigned char *)p, strlen(p), &cp);
		if (len <= 0)
			abort();
		for (r = 0; r < DZ_NROLES; r++) {
			int f = dz_fontset_pick(&fs, r, cp);
			float adv;
			if (f < 0)
				continue;
			if (f >= fs.nfonts || !dz_font_has(fs.font[f], cp))
				abort(); /* pick promised a glyph */
			adv = dz_font_advance(fs.font[f], cp);
			if (adv != adv) /* NaN would poison the layout */
				abort();
			if (r == 0) {
				dz_font_use(fs.font[f], cp);
				memcpy(shown[f] + nshown[f], p, (size_t)len);
				nshown[f] += (size_t)len;
			}
		}
		p += len;
	}
	(void)dz_font_ascent(fs.font[0]);
	(void)dz_font_descent(fs.font[0]);
	memset(&page, 0, sizeof page);
	memset(sub, 0, sizeof sub);
	memset(pf, 0, sizeof pf);
	for (i = 0; i < fs.nfonts && rc == 0; i++) {
		rc = dz_font_used(fs.font[i], &used[i], &pf[i].nused);
		if (rc == 0 && pf[i].nused)
			rc = dz_font_subset(fs.font[i], &sub[i]);
		dz_font_release(fs.font[i]);
		pf[i].path = sub[i].path;
		pf[i].used = used[i];
		pf[i].gid = sub[i].gid;
		pf[i].width = sub[i].width;
		pf[i].nglyphs = sub[i].nglyphs;
		if (nshown[i]) {
			memset(&box[page.nt], 0, sizeof box[0]);
			box[page.nt].x = 72;
			box[page.nt].y = 700 - 30 * (float)page.nt;
			box[page.nt].size = 16;
			box[page.nt].font = i;
			box[page.nt].text = shown[i];
			box[page.nt].len = nshown[i];
			page.nt++;
		}
	}
	if (rc == 0) {
		memset(&lay, 0, sizeof lay);
		page.t = box;
		page.ct = page.nt;
		page.number = 1;
		lay.pages = &page;
		lay.npages = lay.cpages = 1;
		lay.page_w = 595.28f;
		lay.page_h = 841.89f;
		po.style_path = "templates/gbt9704.style";
		po.fonts_path = conf;
		po.created = 1767225600; /* 2026-01-01, nothing depends on the clock */
		if (dz_pdf_backend_write(&lay, &doc, pf, fs.nfonts, pdf, &po) == 0)
			unlink(pdf);
	}
	for (i = 0; i < DZ_MAXFONTS; i++) {
		dz_free(used[i]);
		dz_free(shown[i]);
		if (sub[i].path)
			unlink(sub[i].path);
		dz_free(sub[i].path);
		dz_free(sub[i].gid);
		dz_free(sub[i].width);
	}
	dz_fontset_dispose(&fs);
	dossier_error_clear();
	return 0;
}
