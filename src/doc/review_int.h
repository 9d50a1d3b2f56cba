/*
 * review_int.h — the review report's model (internal), filled by
 * doc/review.c and read by its two writers: the document model for the
 * layout engine (doc/review.c) and the HTML writer (render/html.c). Every
 * string is in the review's language and owned by the review's arena.
 */
#ifndef DOSSIER_REVIEW_INT_H
#define DOSSIER_REVIEW_INT_H
#include "dossier/review.h"
#include "util/arena.h"

enum { DZ_RV_COMPLETE = 0, DZ_RV_INCOMPLETE = 1, DZ_RV_UNREADABLE = 2 };

typedef struct {
	dossier_severity severity;
	const char *rule, *article;
	const char *basis;       /* the text's words and how strict it is, or "" */
	const char *file;        /* "file:line", or "" */
	const char *xpath;       /* node in centre.xml, or "" */
	const char *message, *fix;
} dz_rfinding;

/* Findings of one outline section, or of a document as a whole (section
 * ""), in the order severity, then as reported. */
typedef struct {
	const char *section, *title;   /* id and "三、研发投入" */
	dz_rfinding *f;
	size_t n;
} dz_rsection;

/* Findings of one outline document (id "": the centre's data as a whole). */
typedef struct {
	const char *document, *title;
	dz_rsection *s;
	size_t n;
} dz_rdoc;

typedef struct {
	const char *input;       /* as the user gave it */
	int status;              /* DZ_RV_* */
	const char *name, *scheme, *source, *stage, *stage_title; /* "" if unknown */
	size_t errors, warnings, infos;
	dz_rdoc *docs;
	size_t ndocs;
	/* unreadable: why */
	const char *reason, *reason_file, *reason_msg, *reason_fix;
	int reason_line, reason_col;
} dz_rcentre;

struct dossier_review {
	dz_arena arena;
	int zh;
	long long created;
	const char *title;
	const char *date;        /* "2026年3月20日" / "2026-03-20" */
	dz_rcentre *c;
	size_t n, cap;
};

/* A label in the review's language. */
#define DZ_RL(rv, z, e) ((rv)->zh ? (z) : (e))
/* The status as a word, and as a stable id (complete, incomplete, unreadable). */
const char *dz_review_status(const dossier_review *rv, int status);
const char *dz_review_status_id(int status);
const char *dz_review_severity(const dossier_review *rv, dossier_severity s);
/* n in Chinese numerals: 1 → 一, 12 → 十二, 105 → 一百零五 (to 9999;
 * above, in digits). */
void dz_cn_number(char *buf, size_t len, size_t n);

#endif
