/*
 * font.h — fonts for the renderer (internal): the per-role configuration,
 * metrics and coverage through HarfBuzz, and per-document subsetting with
 * hb-subset. Font files are mapped, never read whole.
 */
#ifndef DOSSIER_FONT_H
#define DOSSIER_FONT_H
#include <stdint.h>
#include <stddef.h>
#include "layout/style.h"

typedef struct dz_font dz_font;

#define DZ_MAXFONTS 8

typedef struct {
	dz_font *font[DZ_MAXFONTS];  /* distinct fonts loaded */
	int nfonts;
	int role[DZ_NROLES];         /* role → index in font[] */
	char wanted[DZ_NROLES][64];  /* what the configuration asked for */
	int substituted[DZ_NROLES];
} dz_fontset;

/* Load the configuration and open one font per role (the latin role is
 * optional: role[DZ_ROLE_LATIN] is -1 without it). on_sub is called for
 * each role served by a fallback, with the font used (NULL: none), the
 * file names the licensed font may have ("simfang.ttf, SIMFANG.TTF") and
 * the first font folder, where it would be found. */
int dz_fontset_load(dz_fontset *fs, const char *conf,
		    void (*on_sub)(const char *role, const char *wanted, const char *used,
				   const char *files, const char *folder, void *p),
		    void *payload);
void dz_fontset_dispose(dz_fontset *fs);

/* The font (index) to show code point cp in `role`: the role's font if it
 * has the glyph, else the first other font that has it; -1 if none. For
 * DZ_ROLE_LATIN only the latin font itself, or -1. */
int dz_fontset_pick(const dz_fontset *fs, int role, uint32_t cp);

/* Advance of cp in font f, in em. */
float dz_font_advance(dz_font *f, uint32_t cp);
int dz_font_has(dz_font *f, uint32_t cp);
/* Horizontal extent of cp's ink, in em from the origin; 0 if cp has none. */
int dz_font_ink(dz_font *f, uint32_t cp, float *x0, float *x1);
/* Ascender and descender (negative), in em. */
float dz_font_ascent(const dz_font *f);
float dz_font_descent(const dz_font *f);
const char *dz_font_label(const dz_font *f);
/* Record that cp is shown with font f (for the subset). */
void dz_font_use(dz_font *f, uint32_t cp);
/* The code points used, ascending; *out is owned by the caller (dz_free). */
int dz_font_used(dz_font *f, uint32_t **out, size_t *n);
/* A font subset: the TrueType file (a new temporary file: unlink, then
 * dz_free the path), and for each used code point in ascending order
 * (dz_font_used) its glyph id in the subset and the glyph's advance in
 * 1/1000 em (dz_free both); the subset's glyph count. */
typedef struct {
	char *path;
	uint16_t *gid, *width;
	unsigned nglyphs;
} dz_subset;

/* Subset f to the code points used (no hinting) and write it. */
int dz_font_subset(dz_font *f, dz_subset *out);
/* Unmap the font file once it is subset (keeps the set of code points
 * used): peak memory is then one font's, not the sum of all. Metrics and
 * coverage are no longer available afterwards. */
void dz_font_release(dz_font *f);

#endif
