/*
 * tpl.h — the references authors type in narrative text: {{fig:FIELD}} and
 * {{table:ID}}, written the way people write them. One scanner serves the
 * check (check/figures.c) and the document model (doc/doc.c), so what check
 * accepts is exactly what render fills in, and what it cannot read it
 * reports instead of printing.
 *
 * Accepted: ASCII or full-width braces in any mix ({{ ｛｛ }} ｝｝), white
 * space (ASCII, U+00A0, U+3000) around the kind, the colon and the id,
 * an ASCII or full-width colon (: ：), and the kind in any letter case.
 */
#ifndef DOSSIER_TPL_H
#define DOSSIER_TPL_H
#include <stddef.h>

typedef enum {
	DZ_TPL_FIG,      /* {{fig:ID}} */
	DZ_TPL_TABLE,    /* {{table:ID}} */
	DZ_TPL_UNKNOWN,  /* closed, but not KIND:ID with a known kind and an id */
	DZ_TPL_UNCLOSED  /* no closing braces before the end or the next opening */
} dz_tpl_kind;

typedef struct {
	const char *start, *end;  /* the reference as written, [start, end) */
	dz_tpl_kind kind;
	const char *body;         /* between the braces, trimmed */
	size_t body_len;
	const char *id;           /* after the colon, trimmed (FIG, TABLE) */
	size_t id_len;
} dz_tpl;

/* Find the first reference in `s` (NUL-terminated). 1 and *t filled, or 0
 * if there is none. Continue after t->end for the next one. */
int dz_tpl_next(const char *s, dz_tpl *t);

#endif
