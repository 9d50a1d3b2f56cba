/* check_int.h — shared between the files of check/ (internal). */
#ifndef DOSSIER_CHECK_INT_H
#define DOSSIER_CHECK_INT_H
#include "model.h"

/* A finding under construction: placeholders for message templates. */
#define DZ_MAXVARS 10
typedef struct {
	const char *k[DZ_MAXVARS];
	const char *zh[DZ_MAXVARS];
	const char *en[DZ_MAXVARS];
	int n;
} dz_vars;
/* Same value in both languages / a value per language. */
void dz_var(dz_vars *vs, const char *k, const char *v);
void dz_var2(dz_vars *vs, const char *k, const char *zh, const char *en);

#define DZ_FINDING_STRINGS 12
/* Message templates (doc/outline-format.md, "Messages"): the placeholders
 * a rule kind fills, space-separated; whether a template names only
 * those (-1 and the first other one, "{name}", in bad); the template
 * expanded (zh: the Chinese values), caller frees, NULL on OOM. */
const char *dz_kind_vars(dz_kind k);
int dz_template_check(const char *tpl, dz_kind k, char *bad, size_t badlen);
char *dz_template_expand(const char *tpl, const dz_vars *vs, int zh);

typedef struct {
	dossier_finding f;
	char *owned[DZ_FINDING_STRINGS];
} dz_finding_slot;

struct dossier_report {
	dz_finding_slot *items;
	size_t n, cap;
	int oom;
	char stage[64];
};

/* Append a finding for rule `r` at file:line (xpath may be NULL), with the
 * rule's messages expanded from `vars`. */
void dz_report_add(dossier_report *rep, const dz_rule *r, const char *file,
		   int line, const char *xpath, const dz_vars *vars);
/* Append a finding not tied to an outline rule (input format problems:
 * basis DOSSIER_BASIS_FORMAT). */
void dz_report_add_core(dossier_report *rep, dossier_severity sev,
			const char *rule, const char *article, const char *file,
			int line, const char *zh, const char *en,
			const char *hint_zh, const char *hint_en);
/* Say which outline document and section finding i concerns. */
void dz_report_place(dossier_report *rep, size_t i, const char *document,
		     const char *section);
/* Name the files of findings under directory `dir` as under `as` instead. */
void dz_report_rename(dossier_report *rep, const char *dir, const char *as);

/* Parse an operand ("field:x", "sum:XPATH", "1000万元", "A / B"). */
int dz_operand_parse(dz_operand **out, const char *spec, const char *file,
		     int line);
void dz_operand_free(dz_operand *op);

/* Figures in narrative (figures.c). */
struct dz_ctx;
void dz_rule_figures(struct dz_ctx *x, const dz_rule *r);
void dz_rule_refs(struct dz_ctx *x, const dz_rule *r);

/* Evaluation context of one check run (rules.c). */
typedef struct dz_ctx {
	const dossier_centre *c;
	const dossier_outline *o;
	dossier_report *rep;
	xmlXPathContextPtr xp;
	long as_of;
	xmlNodePtr *values;     /* indicator value node per outline field */
	char *file;             /* path of centre.xml as the user gave it */
	const char *stage;      /* the stage checked */
} dz_ctx;

/* A received table's derived values against their computation
 * (CORE-DERIVED, derived.c). */
void dz_check_derived(dz_ctx *x);

/* Numeric value of an indicator, converted to canonical units.
 * 1 = have, 0 = absent or empty, -1 = malformed (reported elsewhere). */
int dz_field_value(dz_ctx *x, const dz_field *f, dz_num *out);
/* The centre.xml line of a node (0 if none). */
int dz_node_line(xmlNodePtr n);

#endif
