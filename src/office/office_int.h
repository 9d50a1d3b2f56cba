/*
 * office_int.h — the office readers' small internal API (src/office/):
 * an OOXML package (opc.c), a workbook's sheets and cells (xlsx.c), a Word
 * document as Markdown (docx.c), and the workbook mapping of centre.xml
 * (workbook.c, export.c, import.c).
 */
#ifndef DOSSIER_OFFICE_INT_H
#define DOSSIER_OFFICE_INT_H
#include <stdint.h>
#include <libxml/tree.h>
#include "dossier/office.h"

/* ---------- opc.c: the ZIP package and its XML parts ---------- */

typedef struct dz_opc dz_opc;

/* Open the package at `path` (read whole, at most o->max_file bytes), or
 * the `n` bytes at `data` (copied; `path` names it in messages). libzip
 * checks the archive's consistency; the entry count is capped. */
int dz_opc_open(dz_opc **out, const char *path, const dossier_office_options *o);
int dz_opc_open_mem(dz_opc **out, const void *data, size_t n, const char *path,
		    const dossier_office_options *o);
void dz_opc_close(dz_opc *p);
/* The package's name as given (for messages). */
const char *dz_opc_path(const dz_opc *p);
const dossier_office_options *dz_opc_opts(const dz_opc *p);
/* 1 if the part exists. */
int dz_opc_has(dz_opc *p, const char *part);
/* Inflate a part under the caps (per part, in all, ratio; the declared
 * sizes are judged before anything is inflated, the real ones while
 * inflating). *data is NUL-terminated; free with dz_free. */
int dz_opc_read(dz_opc *p, const char *part, char **data, size_t *len);
/* Read an XML part as UTF-8 text (decoded from its declared encoding),
 * with its prolog checked (dz_opc_prolog_ok). */
int dz_opc_text(dz_opc *p, const char *part, char **utf8, size_t *len);
/* Read and parse an XML part: no DTD (refused before parsing, so no entity
 * is ever declared), no network, nesting capped at o->max_depth. */
int dz_opc_xml(dz_opc *p, const char *part, xmlDocPtr *doc);
/* Refuse a DOCTYPE in the prolog of an XML part (so no entity can be
 * declared); 0 or DOSSIER_EPARSE naming the part. */
int dz_opc_prolog_ok(const dz_opc *p, const char *part, const char *data, size_t len);
/* The part a relationship of `source` points to: by id (`rid`), or else
 * the first whose type ends with `type_suffix` ("/styles"); resolved
 * against the source's folder. NULL if there is none (or out of memory:
 * check dossier_error_last()). */
char *dz_opc_rel(dz_opc *p, const char *source, const char *rid,
		 const char *type_suffix);
/* The raw target of relationship `rid` of `source` (an external URL as it
 * is), or NULL. */
char *dz_opc_rel_target(dz_opc *p, const char *source, const char *rid);
/* Record a limit error naming the part: "xl/sharedStrings.xml: ..." */
int dz_opc_limit(const dz_opc *p, const char *part, const char *what_zh,
		 const char *what_en, size_t limit, const char *opt);

/* Local name of an element, and whether it is `name`. */
int dz_el(const xmlNode *n, const char *name);
/* The first child element named `name` (any namespace), or NULL. */
xmlNodePtr dz_el_child(const xmlNode *n, const char *name);
/* An attribute by local name, any namespace (borrowed from the tree), or NULL. */
const char *dz_el_attr(const xmlNode *n, const char *name);

/* ---------- xlsx.c: sheets and cells ---------- */

typedef enum {
	DZ_XC_EMPTY, DZ_XC_NUMBER, DZ_XC_STRING, DZ_XC_BOOL, DZ_XC_ERROR,
	DZ_XC_DATE
} dz_xctype;

typedef struct {
	uint8_t date, time;  /* a date (and time) format */
	uint8_t decimals;    /* digits after the point the format shows */
	uint8_t thousands;   /* the format groups thousands */
	uint8_t percent, text;
} dz_numfmt;

typedef struct {
	uint32_t row, col;   /* 0-based */
	uint8_t type;        /* dz_xctype */
	uint8_t formula;     /* the value is a formula's cached result */
	uint16_t fmt;        /* index into the workbook's formats */
	char *text;          /* NUMBER: plain decimal of the 15 significant
				digits Excel shows ("1234.5"); DATE: ISO
				"2026-03-01" (" 12:30:00" after it if the serial
				has a time); STRING; BOOL "TRUE"/"FALSE";
				ERROR "#N/A" ... */
	double num;          /* NUMBER, DATE: the value (serial for dates) */
} dz_xcell;

typedef struct {
	uint32_t r1, c1, r2, c2;
} dz_xrange;

typedef struct {
	uint32_t row, col;   /* a position inside a merged range ... */
	uint32_t arow, acol; /* ... and its top-left cell */
} dz_xcover;

typedef struct {
	char *name;
	int hidden;
	dz_xcell *cells;     /* sorted by row, then column */
	size_t ncells;
	dz_xrange *merges;
	size_t nmerges;
	dz_xcover *covered;  /* sorted like cells */
	size_t ncovered;
	uint32_t nrows, ncols; /* one past the last row/column holding a cell */
} dz_xsheet;

typedef struct {
	dz_xsheet *sheets;
	size_t nsheets;
	dz_numfmt *fmts;     /* per cell style (cellXfs index) */
	size_t nfmts;
	int date1904;
	char *path;
} dz_xlsx;

int dz_xlsx_read(dz_xlsx **out, dz_opc *p);
void dz_xlsx_free(dz_xlsx *x);
const dz_xsheet *dz_xlsx_sheet(const dz_xlsx *x, const char *name);
/* The cell at row/col (0-based), the top-left cell of a merged range the
 * position lies in, or NULL if empty. */
const dz_xcell *dz_xlsx_cell(const dz_xsheet *s, uint32_t row, uint32_t col);
const dz_numfmt *dz_xlsx_fmt(const dz_xlsx *x, const dz_xcell *c);
/* "C7" for row 6, col 2. */
void dz_xlsx_ref(char *buf, size_t n, uint32_t row, uint32_t col);
/* Days since 1970-01-01 of an Excel date serial, in the 1900 system (with
 * Lotus's 1900-02-29, serial 60, which does not exist: -1) or the 1904
 * system. -1 if out of 1900..2999. */
int dz_xlsx_serial_days(long *days, double serial, int date1904);
/* Inverse: the serial of a date (1900 system unless date1904). */
double dz_xlsx_days_serial(long days, int date1904);
/* Analyse a number format code ("#,##0.00", "yyyy\"年\"m\"月\"d\"日\"" ...). */
void dz_numfmt_parse(dz_numfmt *f, const char *code);
/* The plain decimal text Excel shows for a double (15 significant digits,
 * no exponent, at most 6 decimals kept: rounded). */
void dz_xlsx_num_text(char *buf, size_t n, double v);

/* ---------- workbook.c: the sheets a centre.xml becomes ---------- */

struct dz_xnode;
/* The repeated element that is the outline's data table, one element per
 * field keyed by @id: the binding check/rules.c reads too. */
#define DZ_FIELDS_PATH "indicators/value"
#define DZ_FIELDS_KEY "id"
#define DZ_INFO_SHEET "基本信息"
/* The root attribute naming the scheme, as load/centre.c reads it: the
 * blank workbook carries it filled in, the import finds the outline by it. */
#define DZ_SCHEME_KEY "@scheme"
/* ... and the one naming the stage (load/centre.c reads /centre/@stage). */
#define DZ_STAGE_KEY "@stage"
/* The documents a dossier submits, one element each keyed by the
 * outline's document id (dz_centre_submits reads them). */
#define DZ_SUBMIT_PATH "submissions/submission"
#define DZ_SUBMIT_KEY "document"

typedef enum { DZ_WS_INFO, DZ_WS_FIELDS, DZ_WS_LIST } dz_wskind;

typedef struct {
	const struct dz_xnode *node; /* attribute or element holding the value */
	char *key;    /* INFO: path from the root ("identity/host/uscc"; the
			 text of an element that has a heading row
			 "identity/director/.");
			 LIST, FIELDS: below the row element ("@name", "." for its
			 text, "host/name"); "#label", "#article" for columns
			 shown but not read; "^" the row of the parent sheet */
	char *label, *label_en;
	int depth;    /* INFO: nesting, shown as indentation */
	int heading;  /* INFO: an element's heading (no value) */
} dz_wcol;

typedef struct {
	dz_wskind kind;
	char *name;   /* sheet name (≤ 31 characters, unique) */
	const struct dz_xnode *row; /* FIELDS, LIST: the repeated element */
	char *path;   /* its path: from the root, or below the parent's row */
	dz_wcol *cols;   /* INFO: its rows; LIST, FIELDS: its columns */
	size_t ncols;
	int parent;   /* LIST nested in a LIST's rows: that sheet, else -1 */
} dz_wsheet;

typedef struct {
	dz_wsheet *sheets;
	size_t n;
	const struct dz_xnode *root;
	const dossier_outline *o;
} dz_wlayout;

#define DZ_LIST_HEAD 2   /* rows above a list's data: labels, keys (hidden) */

int dz_wlayout_build(dz_wlayout *l, const struct dz_xnode *root,
		     const dossier_outline *o);
void dz_wlayout_dispose(dz_wlayout *l);

/* ---------- docx.c ---------- */

/* The document as Markdown; *para_of_line[i] is the paragraph line i
 * (0-based) comes from (NULL if not wanted; free both). Notes about what
 * could not be carried go to `notes`, located by paragraph (xpath "第12段",
 * line = paragraph number). */
int dz_docx_markdown(char **md, int **para_of_line, size_t *nlines,
		     dossier_report *notes, dz_opc *p, const char *file);

/* Append a finding (file, place as xpath) to a report made with
 * dz_notes_new; sev: DOSSIER_SEV_*. */
dossier_report *dz_notes_new(void);
/* 1 if a note could not be recorded (out of memory). */
int dz_notes_oom(const dossier_report *r);
void dz_note(dossier_report *r, int sev, const char *rule, const char *file,
	     const char *place, const char *zh, const char *en,
	     const char *hint_zh, const char *hint_en);

#endif
