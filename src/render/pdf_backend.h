/*
 * pdf_backend.h — the libharu backend (internal): draws a laid-out
 * document. Fonts are given as files (subsets), one per font index used in
 * the boxes.
 */
#ifndef DOSSIER_PDF_BACKEND_H
#define DOSSIER_PDF_BACKEND_H
#include "dossier/pdf.h"
#include "layout/boxes.h"

typedef struct {
	const char *path;        /* the subset font file */
	const uint32_t *used;    /* code points shown with it, ascending */
	size_t nused;
	const uint16_t *gid;     /* per used code point: its glyph in the subset */
	const uint16_t *width;   /* and that glyph's advance, 1/1000 em */
	unsigned nglyphs;        /* glyphs in the subset */
} dz_pdf_font;

int dz_pdf_backend_write(const dz_layout *lay, const dossier_doc *doc,
			 const dz_pdf_font *fonts, int nfonts, const char *path,
			 const dossier_pdf_options *o);
#endif
