/*
 * boxes.h — the output of the layout engine (internal): pages of
 * positioned boxes in PDF user space (points, origin bottom-left). A
 * backend draws them; nothing here knows a PDF library.
 */
#ifndef DOSSIER_BOXES_H
#define DOSSIER_BOXES_H
#include <stddef.h>
#include <stdint.h>
#include "util/arena.h"
#include "layout/style.h"

typedef struct {
	float x, y;         /* start of the baseline */
	float size;         /* font size */
	float cs;           /* extra space after every character (justification) */
	int font;           /* font index given by the metrics */
	int bold;           /* simulated bold (fill and stroke) */
	float gray;         /* 0 = black */
	float angle;        /* degrees, counter-clockwise */
	const char *text;   /* UTF-8, `len` bytes, not NUL-terminated */
	size_t len;
} dz_tbox;

typedef struct {
	float x0, y0, x1, y1, width;
} dz_rule;

typedef struct {
	float x0, y0, x1, y1;  /* the clickable rectangle */
	int page;              /* destination page index (0-based) */
	float top;             /* destination y (top of the heading) */
} dz_link;

typedef struct {
	const char *title;  /* UTF-8, NUL-terminated */
	int level;          /* 1..4 */
	int page;
	float top;
} dz_mark;

typedef struct {
	dz_tbox *t;
	size_t nt, ct;
	dz_rule *r;
	size_t nr, cr;
	dz_link *k;
	size_t nk, ck;
	int number;         /* printed page number, 0 if none */
} dz_page;

typedef struct {
	dz_arena arena;
	dz_page *pages;
	size_t npages, cpages;
	dz_mark *marks;
	size_t nmarks, cmarks;
	float page_w, page_h;
	size_t body_first;  /* index of the first numbered page */
	dz_arena front_arena; /* strings of the cover and contents */
} dz_layout;

/* What the layout asks of its caller: fonts, and whether to go on. */
typedef struct {
	void *ctx;
	/* font index showing cp in style role `role`, or -1 if no font has it */
	int (*pick)(void *ctx, int role, uint32_t cp);
	float (*advance)(void *ctx, int font, uint32_t cp);  /* em */
	void (*use)(void *ctx, int font, uint32_t cp);       /* may be NULL */
	/* asked at every new page (may be NULL): non-zero stops the layout
	 * with DOSSIER_EINTR */
	int (*cancelled)(void *ctx);
	/* most pages a document may have (0: no limit): more is DOSSIER_ELIMIT,
	 * which bounds the memory a layout holds */
	size_t max_pages;
	/* the horizontal extent of cp's ink in em, from the glyph origin; 0 if
	 * unknown (may be NULL: no punctuation is compressed) */
	int (*ink)(void *ctx, int font, uint32_t cp, float *x0, float *x1);
} dz_metrics;

struct dossier_doc;
/* Lay `doc` out. `draft` adds a 草稿 mark on every page. On a character no
 * font has: DOSSIER_EFONT naming it and its source line. */
int dz_layout_run(dz_layout *out, const struct dossier_doc *doc, const dz_style *st,
		  const dz_metrics *m, int draft);
void dz_layout_dispose(dz_layout *l);

#endif
