/*
 * pdf.h — stage 4a: a document as a Chinese official-document PDF.
 *
 * Fonts come from a per-role configuration (fonts/fonts.conf): the user's
 * licensed fonts when present, else free Debian fonts; each is subset per
 * document with HarfBuzz and embedded with a ToUnicode map. The document is
 * laid out (layout.h) in the style of templates/<style>.style (GB/T 9704 by
 * default) and drawn by a thin libharu backend: PDF/A-1b by default,
 * byte-reproducible under SOURCE_DATE_EPOCH.
 */
#ifndef DOSSIER_PDF_H
#define DOSSIER_PDF_H
#include "common.h"
#include "layout.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
	unsigned version;        /**< DOSSIER_PDF_OPTIONS_VERSION */
	const char *style_path;  /**< templates/gbt9704.style */
	const char *fonts_path;  /**< fonts/fonts.conf */
	const char *icc_path;    /**< sRGB ICC v2 profile for PDF/A (NULL: default) */
	int pdfa;                /**< 1: PDF/A-1b (default) */
	int draft;               /**< 1: a visible 草稿 mark on every page */
	long long created;       /**< seconds since the epoch (SOURCE_DATE_EPOCH) */
	/** called once per font role that fell back to another font */
	void (*on_substitute)(const char *role, const char *wanted, const char *used,
			      void *payload);
	void *payload;
	/* version 2 */
	/** asked once per page laid out and per page drawn (or NULL): non-zero
	 *  stops the write with DOSSIER_EINTR, leaving nothing behind */
	int (*cancelled)(void *payload);
	size_t max_pages;        /**< most pages a document may have: more is
				      DOSSIER_ELIMIT (bounds memory; 0: none) */
	/* version 3 */
	/** called (instead of on_substitute) once per font role that fell back,
	 *  with what a user needs to put the licensed font in place: `files`
	 *  the file names the configuration looks for ("simfang.ttf, SIMFANG.TTF")
	 *  and `folder` the first folder it looks in; `used` is NULL when the
	 *  role has no font at all (the optional latin role: each role then
	 *  shows Latin letters and digits in its own font) */
	void (*on_substitute_at)(const char *role, const char *wanted, const char *used,
				 const char *files, const char *folder, void *payload);
} dossier_pdf_options;

#define DOSSIER_PDF_OPTIONS_VERSION 3
#define DOSSIER_PDF_OPTIONS_INIT \
	{DOSSIER_PDF_OPTIONS_VERSION, NULL, NULL, NULL, 1, 0, 0, NULL, NULL, NULL, 5000, NULL}

/** Lay out and write `doc` to `path` (temporary file, then rename). Fails
 *  with DOSSIER_EFONT naming the character and where it occurs if no
 *  configured font has a glyph for it. */
int dossier_pdf_write(const dossier_doc *doc, const char *path,
		      const dossier_pdf_options *opts);

#ifdef __cplusplus
}
#endif
#endif
