/*
 * xsd.h — what centre.xsd says about each element and attribute, as a tree
 * (internal): name, occurrence, value type (kind, enumerations, pattern,
 * length), and the Chinese and English label, unit and example its
 * xs:documentation gives. The workbook mapping (src/office/) and the
 * friendly schema messages (load/friendly.c) walk it, so neither knows an
 * element name: a new element of the schema gets its row, column or sheet
 * and its messages without a change in C.
 *
 * Annotation convention (documented in centre.xsd): the text of
 * xs:documentation xml:lang="zh" starts with the label, ended by "：", "。"
 * or "；" (the whole text if none); "单位：万元" anywhere names a fixed unit
 * and "示例：…" an example value, each ended by "。" or "；". The English
 * documentation gives label_en the same way (": ", ". ", "; ").
 *
 * The XSD subset read: global element, named and anonymous complex and
 * simple types, sequence, choice, all, group and attributeGroup references,
 * simpleContent and complexContent extension and restriction, attributes
 * with use, default and fixed; restriction facets enumeration, pattern,
 * length, minLength, maxLength; list; union.
 */
#ifndef DOSSIER_XSD_H
#define DOSSIER_XSD_H
#include <stddef.h>
#include <libxml/tree.h>
#include "util/arena.h"

typedef enum {
	DZ_XK_TEXT, DZ_XK_NUMBER, DZ_XK_DATE, DZ_XK_YEAR, DZ_XK_BOOL, DZ_XK_ENUM
} dz_xkind;

typedef struct {
	dz_xkind kind;
	int list;            /* xs:list: items separated by spaces */
	int empty_ok;        /* a union with the empty string */
	const char **enums;  /* ENUM (and BOOL from an enumeration) */
	size_t nenums;
	const char *pattern; /* the first pattern facet, or NULL */
	void *regex;         /* its compiled form (xmlRegexpPtr) */
	long minlen, maxlen; /* -1: none */
	const char *name;    /* the named type it came from, or "" */
} dz_xtype;

typedef struct dz_xnode {
	const char *name;
	int attr;            /* an attribute (else an element) */
	int required;        /* use="required"; minOccurs ≥ 1 (not in a choice) */
	int repeated;        /* maxOccurs > 1 */
	const char *dflt, *fixed;
	const char *label, *label_en, *doc, *doc_en, *unit, *example;
	const dz_xtype *type; /* value: attribute, simple element, simple
				 content; NULL for element-only content */
	struct dz_xnode **kids; /* attributes first, then child elements in order */
	size_t nkids;
	struct dz_xnode *parent;
} dz_xnode;

typedef struct {
	dz_arena arena;
	dz_xnode *root;
	void **regexes;      /* compiled patterns, freed with the model */
	size_t nregexes;
} dz_xmodel;

/* The model of `name` (e.g. "centre.xsd") in `dir`, read once per process
 * (NULL and the error recorded if the schema cannot be read). */
const dz_xmodel *dz_xmodel_get(const char *dir, const char *name);
/* Read a model (the caller frees it with dz_xmodel_free). */
int dz_xmodel_load(dz_xmodel **out, const char *path);
void dz_xmodel_free(dz_xmodel *m);

/* The node at `path` below `from` ("identity/host/uscc", "staff/person/@name",
 * "" for `from` itself), or NULL. */
const dz_xnode *dz_xnode_find(const dz_xnode *from, const char *path);
/* A child element or attribute by name (attributes with attr=1). */
const dz_xnode *dz_xnode_child(const dz_xnode *n, const char *name, int attr);
/* 1 if `value` is valid for the type (pattern, enumeration, length, lexical
 * form of the kind). */
int dz_xtype_valid(const dz_xtype *t, const char *value);
/* An example of a valid value: the annotation's, else one made from the
 * type ("2026-03-01", "1,234.50", the first enumeration ...). */
const char *dz_xnode_example(const dz_xnode *n);
/* "“A”、“B”或“C”" / "\"A\", \"B\" or \"C\"" for an enumeration (caller frees). */
char *dz_xtype_choices(const dz_xtype *t, int zh);
/* Label path from the root: "中心身份 — 依托单位 — 名称" (caller frees). */
char *dz_xnode_label_path(const dz_xnode *n, int zh);
/* Key path from the root: "identity/host/uscc", "staff/@others" (caller frees). */
char *dz_xnode_path(const dz_xnode *n);


/* ---------- explaining schema errors (friendly.c) ---------- */

/* One problem of a document against the model, said for the person who
 * fills it: the element's label and unit, what was found, an example of a
 * valid value, exactly what to write where the value is recognisable
 * (2026年1月28日 → 2026-01-28, 1,234.5万元 → 1,234.5 with unit 万元). */
typedef struct {
	xmlNodePtr node;        /* the element (the parent, for a missing child) */
	const dz_xnode *what;   /* the attribute, child element or text concerned */
	int missing;            /* a required value or element is absent */
	int line;
	char *path;             /* "/centre/staff/person[3]/@fulltime" */
	char *zh, *en, *hint_zh, *hint_en;
} dz_explained;

/* Walk doc against the model and explain every problem the walk can see
 * (all of them, not one per element as libxml2 does): elements missing,
 * unexpected, out of order or repeated; attributes missing or unexpected;
 * values not of their type. At most `max` are kept. */
int dz_explain(const dz_xnode *root, xmlDocPtr doc, dz_explained **out, size_t *n,
	       size_t max);
/* Values centre.xml holds but leaves empty where the schema lets them be
 * (text, lists, the data table's strings): libxml2 passes them, yet each
 * is a value still to write (or an optional one to remove). Said like
 * dz_explain's, "…为空", with what to write. */
int dz_explain_empty(const dz_xnode *root, xmlDocPtr doc, dz_explained **out, size_t *n,
		     size_t max);
void dz_explained_free(dz_explained *e, size_t n);
/* Advice for a value of `kind` that is not valid: what to write instead,
 * when the value is recognisable (a Chinese date, a number with a unit or
 * full-width digits); 0 with *zh and *en set (caller frees), -1 if none. */
int dz_value_advice(dz_xkind kind, const char *value, const char *unit,
		    char **zh, char **en);

#endif
