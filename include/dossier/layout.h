/*
 * layout.h — stage 3 of the pipeline: documents and their layout.
 *
 * dossier_doc_build() turns a checked centre into the content of one
 * document (summary report, annual report, evaluation tables): headings,
 * paragraphs with runs, lists, tables, figures filled in from the data.
 * dossier_layout_run() sets that content on pages as positioned boxes
 * (text runs, rules, links, bookmarks) following a style from templates/;
 * it knows no PDF library, so it is tested on boxes alone, and any backend
 * (pdf.h) can draw the result.
 */
#ifndef DOSSIER_LAYOUT_H
#define DOSSIER_LAYOUT_H

#include <stddef.h>
#include "common.h"
#include "load.h"
#include "check.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct dossier_doc dossier_doc;

/** Document kinds: "summary-report", "annual-report", "evaluation-table". */
int dossier_doc_build(dossier_doc **out, const dossier_centre *centre,
		      const dossier_outline *outline, const char *kind);
void dossier_doc_free(dossier_doc *doc);
/** 1 if the outline defines document `kind` and the centre submits it. */
int dossier_doc_wanted(const dossier_centre *centre,
		       const dossier_outline *outline, const char *kind);
/** Output file stem of a built document, e.g. "summary-report". */
const char *dossier_doc_output(const dossier_doc *doc);

#ifdef __cplusplus
}
#endif
#endif
