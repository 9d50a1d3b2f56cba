/*
 * pdf.c — stage 4a: dossier_pdf_write(). Loads the style and fonts, lays the
 * document out (layout/), subsets every font to what the document uses
 * (HarfBuzz), and hands the boxes to the libharu backend (pdf_hpdf.c).
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "util/util.h"
#include "doc/doc.h"
#include "font/font.h"
#include "layout/boxes.h"
#include "render/pdf_backend.h"

/* the layout's view of the fonts and of the caller */
typedef struct {
	dz_fontset fs;
	const dossier_pdf_options *o;
} mctx;

static int m_pick(void *ctx, int role, uint32_t cp)
{
	return dz_fontset_pick(&((mctx *)ctx)->fs, role, cp);
}

static float m_advance(void *ctx, int font, uint32_t cp)
{
	return dz_font_advance(((mctx *)ctx)->fs.font[font], cp);
}

static int m_ink(void *ctx, int font, uint32_t cp, float *x0, float *x1)
{
	return dz_font_ink(((mctx *)ctx)->fs.font[font], cp, x0, x1);
}

static void m_use(void *ctx, int font, uint32_t cp)
{
	dz_font_use(((mctx *)ctx)->fs.font[font], cp);
}

/* The fontset's substitution report, to whichever callback the caller set. */
static void on_sub(const char *role, const char *wanted, const char *used, const char *files,
		   const char *folder, void *p)
{
	const dossier_pdf_options *o = p;
	if (o->on_substitute_at)
		o->on_substitute_at(role, wanted, used, files, folder, o->payload);
	else if (o->on_substitute && used)
		o->on_substitute(role, wanted, used, o->payload);
}

static int m_cancelled(void *ctx)
{
	const dossier_pdf_options *o = ((mctx *)ctx)->o;
	return o->cancelled(o->payload);
}

int dossier_pdf_write(const dossier_doc *doc, const char *path, const dossier_pdf_options *opts)
{
	dossier_pdf_options o = DOSSIER_PDF_OPTIONS_INIT;
	dz_style st;
	mctx mc;
	dz_fontset *fs = &mc.fs;
	dz_layout lay;
	dz_metrics m;
	dz_subset sub[DZ_MAXFONTS];
	uint32_t *used[DZ_MAXFONTS] = {0};
	dz_pdf_font pf[DZ_MAXFONTS];
	int rc, i;
	if (opts && opts->version >= 3)
		o = *opts;
	else if (opts && opts->version == 2) /* the fields before on_substitute_at */
		memcpy(&o, opts, offsetof(dossier_pdf_options, on_substitute_at));
	else if (opts) /* version 1: the fields before cancelled */
		memcpy(&o, opts, offsetof(dossier_pdf_options, cancelled));
	o.version = DOSSIER_PDF_OPTIONS_VERSION;
	if (!o.style_path || !o.fonts_path)
		return dz_err(DOSSIER_EUSAGE, path, 0, 0, "未指定版式或字体配置",
			      "no style or font configuration given", "", "");
	memset(sub, 0, sizeof sub);
	memset(pf, 0, sizeof pf);
	if ((rc = dz_style_load(&st, o.style_path)) != 0)
		return rc;
	if ((rc = dz_fontset_load(fs, o.fonts_path, on_sub, &o)) != 0)
		return rc;
	mc.o = &o;
	m.ctx = &mc;
	m.pick = m_pick;
	m.advance = m_advance;
	m.use = m_use;
	m.ink = m_ink;
	m.cancelled = o.cancelled ? m_cancelled : NULL;
	m.max_pages = o.max_pages;
	if ((rc = dz_layout_run(&lay, doc, &st, &m, o.draft)) != 0)
		goto done;
	for (i = 0; i < fs->nfonts && rc == 0; i++) {
		rc = dz_font_used(fs->font[i], &used[i], &pf[i].nused);
		/* a role's font that shows nothing is neither subset nor embedded */
		if (rc == 0 && pf[i].nused)
			rc = dz_font_subset(fs->font[i], &sub[i]);
		dz_font_release(fs->font[i]);
		pf[i].path = sub[i].path;
		pf[i].used = used[i];
		pf[i].gid = sub[i].gid;
		pf[i].width = sub[i].width;
		pf[i].nglyphs = sub[i].nglyphs;
	}
	if (rc == 0)
		rc = dz_pdf_backend_write(&lay, doc, pf, fs->nfonts, path, &o);
done:
	for (i = 0; i < DZ_MAXFONTS; i++) {
		dz_free(used[i]);
		if (sub[i].path)
			unlink(sub[i].path);
		dz_free(sub[i].path);
		dz_free(sub[i].gid);
		dz_free(sub[i].width);
	}
	dz_layout_dispose(&lay);
	dz_fontset_dispose(fs);
	return rc;
}
