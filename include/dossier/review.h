/*
 * review.h — a review report (审核意见) over many checked centres: what a
 * supervising unit forwards or prints after `dossier check`. It holds, per
 * input (a centre directory, a received package or data table), the
 * centre, scheme, stage, status and counts, then its findings grouped by
 * the outline document and section they concern, each with severity, rule,
 * article and basis, place, message and fix; an input that could not be
 * read carries the reason instead. It is written as a document for the
 * layout engine (dossier_pdf_write: GB/T 9704, PDF/A-1b, like the reports)
 * or as one self-contained HTML file.
 */
#ifndef DOSSIER_REVIEW_H
#define DOSSIER_REVIEW_H

#include <stddef.h>
#include "common.h"
#include "load.h"
#include "check.h"
#include "layout.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct dossier_review dossier_review;

typedef struct {
	unsigned version;    /**< DOSSIER_REVIEW_OPTIONS_VERSION */
	int zh;              /**< 1: Chinese, 0: English (messages, labels) */
	long long created;   /**< the date it bears: seconds since the epoch
				  (SOURCE_DATE_EPOCH, or now) */
	const char *title;   /**< its title; NULL: 审核意见 / Review report */
} dossier_review_options;

#define DOSSIER_REVIEW_OPTIONS_VERSION 1
#define DOSSIER_REVIEW_OPTIONS_INIT {DOSSIER_REVIEW_OPTIONS_VERSION, 1, 0, NULL}

/** A new, empty review; free with dossier_review_free(). */
int dossier_review_new(dossier_review **out, const dossier_review_options *opts);
void dossier_review_free(dossier_review *rv);

/**
 * Add a checked centre: `input` names it as the user gave it (a directory,
 * a package, a table file); `report` holds its findings (dossier_check_run
 * with `outline`, which names its documents and sections). Everything
 * needed is copied: the centre, outline and report may be freed after.
 */
int dossier_review_add(dossier_review *rv, const char *input, const dossier_centre *centre,
		       const dossier_outline *outline, const dossier_report *report);

/**
 * Add an input that could not be read: `reason` is a stable id ("parse",
 * "limit", "verify:digest-mismatch" ...) and `why` what went wrong, where,
 * and what to do (messages in both languages; a dossier_error_last() or
 * one filled by the caller).
 */
int dossier_review_add_unreadable(dossier_review *rv, const char *input, const char *reason,
				  const dossier_error *why);

/** Number of inputs added. */
size_t dossier_review_count(const dossier_review *rv);

/** The review as a document for dossier_pdf_write() (free with
 *  dossier_doc_free()): cover, contents, a summary table, then one chapter
 *  per input. */
int dossier_review_doc(dossier_doc **out, const dossier_review *rv);

/** The review as one HTML file at `path` (temporary file, then rename):
 *  inline style and script, nothing fetched, a summary table sorted by a
 *  click on a column, and a print style. */
int dossier_review_html_write(const dossier_review *rv, const char *path);

#ifdef __cplusplus
}
#endif
#endif
