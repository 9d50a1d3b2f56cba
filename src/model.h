/*
 * model.h — the in-memory model shared by the library stages (internal).
 *
 * load/ fills dossier_centre; check/ fills dossier_outline and reads both.
 * Later stages (layout, render, pack) read the same structures. Strings are
 * owned by the structure that holds them.
 */
#ifndef DOSSIER_MODEL_H
#define DOSSIER_MODEL_H

#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <cmark-gfm.h>
#include "dossier/load.h"
#include "dossier/check.h"
#include "util/num.h"
#include "check/cite.h"

/* ---------- centre (load/) ---------- */

/* What `dossier init` writes where a section's text is still to come,
 * followed by what to write: check reports each one left (CORE-PROMPT). */
#define DZ_PROMPT "【请填写】"

typedef struct {
	int level;
	char *text;
	int line;
	int has_body;   /* content follows before the next heading of <= level */
} dz_heading;

typedef struct {
	char *text;     /* plain text of a paragraph, list item or table cell */
	int line;
	int alone;      /* a paragraph (where a {{table:ID}} may stand alone) */
} dz_para;

typedef struct {
	char *id;       /* file name without ".md" or ".docx" */
	char *path;     /* "sections/<id>.md" (or .docx) relative to the centre dir */
	int docx;       /* read from a Word document: lines are its paragraphs */
	const char *encoding;
	cmark_node *doc;
	size_t chars;   /* non-space characters outside headings */
	dz_heading *heads;
	size_t nheads;
	dz_para *paras;
	size_t nparas;
	dz_para *rows;  /* two-cell table rows as "label：value", for the figures rule */
	size_t nrows;
	dz_para *prompts; /* paragraphs holding DZ_PROMPT: not narrative (no
			     characters, no text under a heading), each a
			     CORE-PROMPT finding */
	size_t nprompts;
} dz_section;

typedef struct {
	char *rel;      /* path below evidence/, '/'-separated */
	long long size;
	int regular;    /* a regular file (not a link, device, directory) */
	int readable;
} dz_evfile;

typedef struct {
	int line;
	char *msg;      /* libxml2's message (English) */
	int code;       /* libxml2's error code */
	char *path;     /* the node libxml2 names, or NULL */
	/* the problem explained from centre.xsd's annotations (load/friendly.c),
	 * NULL where only libxml2's message is known */
	char *zh, *en, *hint_zh, *hint_en;
} dz_schema_error;

/* A derived value a received evaluation-tables.xml carries (tables_xml.c):
 * a derived share of field `field`, or the completion of the target-th
 * plan target (its field `field`); check recomputes it (check/derived.c). */
typedef struct {
	char *field;
	char *value;    /* the text of the file's element, trimmed */
	int line;
	int target;     /* index among /centre/targets/target, or -1 */
} dz_received;

struct dossier_centre {
	char *dir;
	char *xml_path;         /* dir + "/centre.xml" */
	const char *xml_encoding;
	xmlDocPtr doc;
	char *scheme;
	char *stage;            /* the stage centre.xml declares (root @stage) */
	char *name;
	dz_schema_error *schema_errors;
	size_t nschema_errors;
	dz_section *secs;
	size_t nsecs;
	int have_sections_dir;
	dz_evfile *files;
	size_t nfiles;
	int have_evidence_dir;
	int from_table;         /* loaded from an evaluation-tables.xml (tables_xml.c):
				   doc is built from it; no sections, no evidence files */
	dz_received *received;  /* from_table: the derived values the table
				   carries, to compare with their computation */
	size_t nreceived;
	const struct dz_xnode *xsd; /* centre.xsd's model (load/xsd.h, kept for
				   the process), for what check says of empty
				   values; NULL if it could not be read */
	dossier_report *notes;  /* what loading has to say, as findings: files in
				   sections/ not read, what a .docx section could not
				   carry (load/centre.c, office/docx.c); NULL if none */
};

/* ---------- outline (check/) ---------- */

typedef enum {
	DZ_T_MONEY, DZ_T_COUNT, DZ_T_DECIMAL, DZ_T_SHARE, DZ_T_AREA,
	DZ_T_TEXT, DZ_T_DATE, DZ_T_BOOL
} dz_ftype;

typedef struct {
	char *title, *title_en;
	char **match;
	size_t nmatch;
} dz_item;

struct dz_odoc;

typedef struct {
	char *id, *number, *title, *title_en, *article;
	long min_chars;
	int required;
	dz_item *items;
	size_t nitems;
	struct dz_odoc *doc;
} dz_osection;

typedef struct {
	char *id, *label, *label_en, *unit, *min, *max, *of, *derived, *article;
	char **aliases;
	size_t naliases;
	dz_ftype type;
	int required;
	int cumulative;
	int evidence_nonzero;
	char *group;
	struct dz_odoc *doc;
} dz_field;

typedef enum { DZ_PERIOD_TABLE, DZ_PERIOD_INCUBATION, DZ_PERIOD_NONE } dz_period;

typedef struct dz_odoc {
	char *id, *kind, *title, *title_en, *article, *output;
	dz_period period;
	size_t first_sec, nsec;   /* range in outline->secs */
	size_t first_field, nfield;
} dz_odoc;

typedef struct {
	char *title, *title_en, *value, *unit, *type;
} dz_col;

typedef struct {
	char *id, *title, *title_en, *rows, *total;
	dz_col *cols;
	size_t ncols;
	int targets;    /* kind="targets": plan targets against actual values,
			   built-in columns (doc.c), no <col> */
} dz_table;

typedef enum {
	DZ_OP_FIELD, DZ_OP_TARGET, DZ_OP_SUM, DZ_OP_COUNT, DZ_OP_XPATH, DZ_OP_LITERAL
} dz_opkind;

typedef struct dz_operand {
	dz_opkind kind;
	char *arg;                 /* field id or XPath text */
	xmlXPathCompExprPtr comp;  /* for SUM, COUNT, XPATH */
	xmlXPathCompExprPtr mul;   /* SUM: per-node multiplier ("* @count") */
	dz_num lit;
	char *lit_unit;
	struct dz_operand *den;    /* "A / B": B */
	struct dz_operand *plus;   /* "A + B + ...": the next term */
} dz_operand;

typedef enum {
	DZ_K_ASSERT, DZ_K_PATTERN, DZ_K_USCC, DZ_K_SECTIONS, DZ_K_ITEMS,
	DZ_K_FIELD_PRESENT, DZ_K_FIELD_VALID, DZ_K_FIELD_OF, DZ_K_FIELD_EVIDENCE,
	DZ_K_SUM, DZ_K_COMPARE, DZ_K_DATE, DZ_K_EVIDENCE_REFS,
	DZ_K_EVIDENCE_CITED, DZ_K_EVIDENCE_FILES, DZ_K_EVIDENCE_UNDECLARED,
	DZ_K_EVIDENCE_KIND, DZ_K_REFS, DZ_K_FIGURES, DZ_K_DOCUMENTS, DZ_K_TARGETS,
	DZ_K_HEADINGS, DZ_K_NARRATIVE
} dz_kind;


/* One numbered unit of the text (<text>): an article, a part or the annex. */
typedef struct {
	int kind;   /* DZ_CITE_* */
	int n;
	char *label;   /* the number as the text writes it, e.g. "十八" */
	char *words;   /* opening words */
	int paras;
	int *items;
	size_t nitems;
	int line;
} dz_tpart;

typedef struct {
	char *id, *title, *title_en, *article, *from, *to, *desc;
	char **docs;
	size_t ndocs;
	int plan_targets;      /* targets="plan": the plan's targets are proposed
				  here, there is nothing to have achieved yet */
} dz_stage;

typedef enum {
	DZ_STR_REQUIRES, DZ_STR_RECOMMENDS, DZ_STR_PERMITS, DZ_STR_PRACTICE
} dz_strength;

typedef struct {
	char *id, *article, *actor, *to, *quote, *source, *note, *unchecked;
	char *cite;        /* source_short + " " + article, or the practice label */
	char **stages;     /* NULL with nstages 0: every stage ("all") */
	size_t nstages;
	dz_strength strength;
	size_t nrules;     /* rules that enforce it */
	int line;
} dz_oblig;

typedef struct {
	char *id, *document;
	const char *article;   /* the obligation's citation */
	const dz_oblig *ob;
	char **stages;         /* narrowing of the obligation's stages, or NULL */
	size_t nstages;
	char **fields;         /* field-present: the fields it requires */
	size_t nfields;
	char **sections;       /* sections, items, headings: only these */
	size_t nsections;
	int skip_absent;       /* if-absent="skip" */
	char *match;           /* narrative: '|'-separated phrases */
	dz_kind kind;
	dossier_severity severity;
	char *zh, *en, *fix_zh, *fix_en;
	char *regex_src, *offset, *value, *requires, *op;
	void *regex;                         /* xmlRegexpPtr */
	xmlXPathCompExprPtr when, context, test, select, subject, base;
	xmlXPathCompExprPtr valuex;          /* assert: XPath shown as {value} */
	dz_operand *left, *right, *total, *parts;
	int line;
} dz_rule;

struct dossier_outline {
	char *path;
	xmlDocPtr xml;
	char *id, *title, *title_en, *source_doc, *source_short, *source_title;
	char *host_term;        /* what the text calls the host unit, or NULL */
	char *grades_article;
	char **grades;
	size_t ngrades;
	dz_tpart *text;
	size_t ntext;
	dz_stage *stages;
	size_t nstages;
	dz_oblig *obs;
	size_t nobs;
	dz_odoc *docs;
	size_t ndocs;
	dz_osection *secs;
	size_t nsecs;
	dz_field *fields;
	size_t nfields;
	dz_table *tables;
	size_t ntables;
	dz_rule *rules;
	size_t nrules;
};

/* lookups shared by check/ and later stages */
/* The first child element `name` of centre.xml's root, or NULL. */
xmlNodePtr dz_centre_child(const dossier_centre *c, const char *name);
/* The first child element of `parent` whose attribute `attr` is `value`. */
xmlNodePtr dz_child_with(xmlNodePtr parent, const char *attr, const char *value);
/* 1 if centre.xml's submissions list document `doc`. */
int dz_centre_submits(const dossier_centre *c, const char *doc);
const dz_field *dz_outline_field(const dossier_outline *o, const char *id);
const dz_osection *dz_outline_section(const dossier_outline *o, const char *id);
const dz_odoc *dz_outline_doc(const dossier_outline *o, const char *id);
const dz_table *dz_outline_table(const dossier_outline *o, const char *id);
const dz_stage *dz_outline_stage(const dossier_outline *o, const char *id);
const dz_oblig *dz_outline_oblig(const dossier_outline *o, const char *id);
/* 1 if `stage` is in the list (an empty list means every stage). */
int dz_stage_in(char *const *list, size_t n, const char *stage);
/* 1 if the outline's <text> has the cited unit; else 0 and a reason. */
int dz_cite_resolve(const dossier_outline *o, const dz_cite *c,
		    const char **why_zh, const char **why_en);

const dz_section *dz_centre_section(const dossier_centre *c, const char *id);
/* Derived values (check/derived.c), as the documents print them: percent
 * rounded half away from zero to 2 decimals, without "%" ("58.56").
 * dz_pct2: a / b (0 if b is 0); dz_derived_share: field f's share
 * "field:a / field:b" from the centre's values; dz_target_completion: a
 * <target>'s actual value over it (0 at a stage that proposes the plan,
 * dz_plan_stage, or where there is no value). 1 when buf holds one. */
int dz_pct2(char *buf, size_t n, int64_t a, int64_t b);
int dz_derived_share(const dossier_centre *c, const dossier_outline *o,
		     const dz_field *f, char *buf, size_t n);
int dz_plan_stage(const dossier_centre *c, const dossier_outline *o);
int dz_target_completion(const dossier_centre *c, const dossier_outline *o,
			 xmlNodePtr target, char *buf, size_t n);
/* For a centre loaded from an evaluation-tables.xml: 1 if rule `r` reads
 * only what the table carries (load/tables_xml.c). */
int dz_table_rule_applies(const dossier_outline *o, const dz_rule *r);

/* libxml2 error capture (load/xmlerr.c) */
typedef struct {
	int count;
	int first_line;
	char first_msg[512];
	dz_schema_error **list;   /* if set, every error is appended here */
	size_t *nlist;
	size_t max;
} dz_xml_errors;
void dz_xml_errors_begin(dz_xml_errors *e);
void dz_xml_errors_end(void);

/* Parse a UTF-8 XML buffer safely (no network, no DTD, no entities). */
int dz_xml_parse(xmlDocPtr *out, const char *utf8, size_t len, const char *path);
/* Read, decode and parse an XML file. */
int dz_xml_load(xmlDocPtr *out, const char **enc_used, const char *path,
		size_t max_bytes);
/* Check the tree's shape against the caps of dossier_load_options: no
 * element nested deeper than max_depth, none with more than max_children
 * element children. DOSSIER_ELIMIT naming the line and the limit. */
int dz_xml_check_shape(xmlDocPtr doc, const char *path, size_t max_depth,
		       size_t max_children);
/* The options with version-1 callers' missing fields defaulted. */
/* Load (once per process) and return the compiled schema `name` in dir. */
void *dz_schema_get(const char *dir, const char *name);
/* Validate; schema errors are appended to *list (capped). Returns count. */
int dz_schema_validate(void *schema, xmlDocPtr doc, dz_schema_error **list,
		       size_t *nlist);
/* Explain the schema errors of a document (load/friendly.c): *list
 * becomes the explained problems, all at once, followed by those of
 * libxml2's errors the explanations do not cover. */
int dz_schema_friendly(const char *schema_dir, xmlDocPtr doc,
		       dz_schema_error **list, size_t *nlist);
void dz_schema_errors_free(dz_schema_error *list, size_t n);

#endif
