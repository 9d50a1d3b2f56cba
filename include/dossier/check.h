/*
 * check.h — stage 2 of the pipeline: completeness and consistency checking.
 *
 * An outline (outlines/<scheme-id>.xml, schema outlines/schema/outline.xsd)
 * describes one policy scheme as data: its documents, sections, sub-items,
 * data-table fields and rules. dossier_check_run() evaluates every rule of
 * the outline against a loaded centre and returns the findings, each with
 * its rule id, the article it encodes, a location and a fix hint in Chinese
 * and English.
 */
#ifndef DOSSIER_CHECK_H
#define DOSSIER_CHECK_H

#include <stddef.h>
#include "common.h"
#include "load.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct dossier_outline dossier_outline;
typedef struct dossier_report dossier_report;

typedef enum {
	DOSSIER_SEV_ERROR = 0,
	DOSSIER_SEV_WARNING = 1,
	DOSSIER_SEV_INFO = 2
} dossier_severity;

/** One finding. All strings are borrowed from the report. */
typedef struct {
	dossier_severity severity;
	const char *rule;     /**< rule id, e.g. "ENG-DATE-02" */
	const char *article;  /**< article the rule encodes, e.g. "1747号 第十八条" */
	const char *file;     /**< file concerned (path as given), or "" */
	int line;             /**< 1-based line in `file`, or 0 */
	const char *xpath;    /**< node in centre.xml, or "" */
	const char *msg_zh, *msg_en;
	const char *hint_zh, *hint_en;
} dossier_finding;

/**
 * Load and validate an outline file. `schema_dir` holds outline.xsd. Every
 * XPath and pattern in the outline is compiled here, so a broken outline
 * fails at load with its file and line, never half-way through a check.
 * Free with dossier_outline_free().
 */
int dossier_outline_load(dossier_outline **out, const char *path,
			 const char *schema_dir);
void dossier_outline_free(dossier_outline *o);
const char *dossier_outline_id(const dossier_outline *o);
/** Document number and short citation of the scheme, e.g. "1747号". */
const char *dossier_outline_source(const dossier_outline *o);

typedef struct {
	unsigned version;   /**< DOSSIER_CHECK_OPTIONS_VERSION */
	const char *as_of;  /**< "YYYY-MM-DD": judge deadlines with no recorded
				 submission date against this day; NULL: today */
} dossier_check_options;

#define DOSSIER_CHECK_OPTIONS_VERSION 1
#define DOSSIER_CHECK_OPTIONS_INIT {DOSSIER_CHECK_OPTIONS_VERSION, NULL}

/**
 * Check `centre` against `outline`. On success *out holds the findings
 * (possibly none); free with dossier_report_free(). Fails only on resource
 * exhaustion or if the outline is not the centre's scheme.
 */
int dossier_check_run(dossier_report **out, const dossier_centre *centre,
		      const dossier_outline *outline,
		      const dossier_check_options *opts);

size_t dossier_report_count(const dossier_report *r);
const dossier_finding *dossier_report_get(const dossier_report *r, size_t i);
/** Number of findings of the given severity. */
size_t dossier_report_count_sev(const dossier_report *r, dossier_severity s);
void dossier_report_free(dossier_report *r);

#ifdef __cplusplus
}
#endif
#endif
