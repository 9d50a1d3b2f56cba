/*
 * doc.h — the document model (internal): what a rendered document says,
 * before any page exists. Built from a centre and its outline by doc.c;
 * read by the layout engine (PDF) and the XML writer, so both carry the same
 * content. All memory lives in the document's arena.
 */
#ifndef DOSSIER_DOC_H
#define DOSSIER_DOC_H
#include <stddef.h>
#include "dossier/layout.h"
#include "util/arena.h"

enum { DZ_S_BOLD = 1, DZ_S_ITALIC = 2, DZ_S_CODE = 4, DZ_S_FIG = 8, DZ_S_BREAK = 16 };

typedef struct {
	int style;          /* DZ_S_* bits; DZ_S_BREAK: a hard line break */
	const char *text;   /* UTF-8 */
	const char *ref;    /* DZ_S_FIG: the field id; else link URL or NULL */
} dz_run;

typedef enum {
	DZ_B_HEADING, DZ_B_PARA, DZ_B_LIST, DZ_B_ITEM, DZ_B_TABLE, DZ_B_QUOTE,
	DZ_B_CODE, DZ_B_RULE, DZ_B_PAGEBREAK
} dz_bkind;

enum { DZ_AL_DEFAULT = 0, DZ_AL_LEFT, DZ_AL_CENTER, DZ_AL_RIGHT };

typedef struct {
	dz_run *runs;
	size_t nruns;
	int numeric;        /* a number: right-aligned */
} dz_cell;

/* One value of the evaluation data table, for readers that need more than
 * the printed cells (the XML writer, the table loader): a body row of a
 * data-table block carries one (dz_block.data). */
typedef struct {
	const char *field;      /* outline field id (targets: as the target names it) */
	const char *label, *label_en;
	const char *type;       /* outline type: money count decimal share area text date bool */
	const char *unit;       /* the field's unit, "" if none */
	const char *value;      /* number types: exact decimal in `unit`, no grouping
				   ("21733.82"); other types: the text as entered
				   (bool as true/false); NULL: no value */
	int valid;              /* value has its type's form (a decimal, an ISO date,
				   true/false); 0 only for draft input */
	const char *evidence;   /* cited evidence ids, one space between ("" if none) */
	const char *formula;    /* derived values: the outline's formula; NULL if entered */
	const char *target;     /* targets table: the plan target, exact decimal in `unit` */
	const char *completion; /* targets table: value / target in percent, rounded to
				   2 decimals (derived); NULL if it cannot be computed */
} dz_datum;

/* An evidence item cited by the data table (register order). */
typedef struct {
	const char *id, *file, *kind, *title;
} dz_evref;

/* A host or partner unit. */
typedef struct {
	const char *name, *uscc, *type;
	const char *province, *role, *substantive; /* "" if not given */
} dz_party;

typedef struct dz_block {
	dz_bkind kind;
	int level;          /* heading 1-4; list: 1 if ordered */
	int start;          /* ordered list: first number */
	const char *id;     /* heading of an outline section: its id */
	const char *src;    /* source file, for messages */
	int line;
	dz_run *runs;       /* heading, paragraph, code */
	size_t nruns;
	struct dz_block *kids; /* list items, item/quote contents */
	size_t nkids;
	/* tables */
	const char *caption;
	const char *table_id; /* generated from the outline: its id */
	size_t ncols, nrows, nhead; /* rows include nhead header rows */
	int *align;         /* per column */
	float *widths;      /* relative column widths, sum 1 */
	dz_cell *cells;     /* row-major, nrows * ncols */
	/* heading of an outline section (id set) or of a data-table group:
	 * the outline's number ("一", may be "") and titles */
	const char *number, *title, *title_en;
	/* data-table blocks: one per body row (nrows - nhead), else NULL */
	const dz_datum *data;
} dz_block;

struct dossier_doc {
	dz_arena arena;
	const char *kind;        /* "summary-report", "annual-report", "evaluation-table" */
	const char *output;      /* file stem: summary-report, annual-report, evaluation-tables */
	const char *title;       /* document title, e.g. 筹建期总结报告 */
	const char *title_en;
	const char *centre;      /* centre name */
	const char *centre_en;
	const char *host, *supervisor, *scheme_id, *scheme_doc, *scheme_title;
	const char *host_term;   /* what the scheme calls the host: 依托单位, 牵头单位 ... */
	const char *period;      /* "2023年1月1日—2025年12月31日" */
	const char *date;        /* "2026年3月20日" (submission date) or "" */
	const char *date_iso;
	const char *report_year;
	const char *stage, *stage_title; /* the stage of submission (id, Chinese title) or "" */
	/* for machine readers (XML): ISO dates as entered ("" if none), the
	 * rest of the identity, and whether this is the data table */
	const char *period_start, *period_end;
	const char *field, *category, *legal_form, *status, *co_supervisor, *director;
	dz_party host_unit;
	const dz_party *partners;
	size_t npartners;
	int data_table;          /* 1: outline kind "data" (blocks carry dz_datum) */
	const dz_evref *evidence; /* data table: evidence its values cite */
	size_t nevidence;
	dz_block *blocks;
	size_t nblocks;
	/* a document that is not about one centre (the review report,
	 * doc/review.c): the cover's lines below the title, instead of the
	 * host, supervisor, period and date; NULL otherwise */
	const char *const *cover_lines;
	size_t ncover_lines;
	/* the contents page's title and a table caption's number format (one
	 * %d), for a document in another language; NULL: the style's */
	const char *toc_title, *caption_format;
};

/* Characters (code points) used anywhere in the document, for coverage
 * checks and font subsetting. Calls fn for each run text. */
typedef void (*dz_text_fn)(const char *text, int style, void *payload);
void dz_doc_each_text(const dossier_doc *d, dz_text_fn fn, void *payload);

#endif
