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

/** Why a finding has its severity: how strict the text is, or that it is a
 *  matter of dossier's own input format. */
typedef enum {
	DOSSIER_BASIS_REQUIRES = 0,   /**< the text requires it (error) */
	DOSSIER_BASIS_RECOMMENDS = 1, /**< the text recommends it: 鼓励、原则上、一般 */
	DOSSIER_BASIS_PERMITS = 2,    /**< the text permits it: 可 (information) */
	DOSSIER_BASIS_PRACTICE = 3,   /**< evaluation practice outside the text */
	DOSSIER_BASIS_FORMAT = 4      /**< dossier's input format (centre.xsd, files) */
} dossier_basis;

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
	dossier_basis basis;
	const char *quote;      /**< the text's words the rule rests on, or its
				     practice source, or "" */
	const char *obligation; /**< obligation id in the outline's matrix, or "" */
	/* added later, at the end: findings are only ever read through
	 * dossier_report_get(), so older callers are unaffected */
	const char *document;   /**< the outline document the finding concerns
				     (e.g. "summary-report"), or "" for the
				     centre's data as a whole */
	const char *section;    /**< the outline section it concerns, or "" */
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
/** Number of documents the outline defines, and the id of the i-th. */
size_t dossier_outline_document_count(const dossier_outline *o);
const char *dossier_outline_document_id(const dossier_outline *o, size_t i);
/** Number of stages of submission the outline defines, and the id of the i-th. */
size_t dossier_outline_stage_count(const dossier_outline *o);
const char *dossier_outline_stage_id(const dossier_outline *o, size_t i);
/** Document number and short citation of the scheme, e.g. "1747号". */
const char *dossier_outline_source(const dossier_outline *o);

typedef struct {
	unsigned version;   /**< DOSSIER_CHECK_OPTIONS_VERSION */
	const char *as_of;  /**< "YYYY-MM-DD": judge deadlines with no recorded
				 submission date against this day; NULL: today */
	const char *stage;  /**< (version 2) check as if centre.xml declared this
				 stage; NULL: the stage centre.xml declares */
	const char *display_dir; /**< (version 3) name the centre's directory
				      so in findings' file names (e.g. the
				      package it was extracted from, for
				      "PKG.asice/centre.xml"); NULL: as loaded */
} dossier_check_options;

#define DOSSIER_CHECK_OPTIONS_VERSION 3
#define DOSSIER_CHECK_OPTIONS_INIT {DOSSIER_CHECK_OPTIONS_VERSION, NULL, NULL, NULL}

/**
 * Check `centre` against `outline`. On success *out holds the findings
 * (possibly none); free with dossier_report_free(). Fails only on resource
 * exhaustion or if the outline is not the centre's scheme.
 */
int dossier_check_run(dossier_report **out, const dossier_centre *centre,
		      const dossier_outline *outline,
		      const dossier_check_options *opts);

typedef enum {
	DOSSIER_EXPLAIN_TEXT = 0,
	DOSSIER_EXPLAIN_JSON = 1,
	DOSSIER_EXPLAIN_MARKDOWN = 2
} dossier_explain_format;

/**
 * The obligation matrix of an outline: its stages and every obligation of
 * its text (article, quote, stages, who owes it, strength, the rules that
 * enforce it or why no tool can). `zh` picks the language of the text
 * format; `stage` (or NULL) limits it to one stage. *out is a NUL-terminated
 * string to free with dossier_free().
 */
int dossier_outline_explain(const dossier_outline *o, dossier_explain_format fmt, int zh,
			    const char *stage, char **out);

/**
 * Check an outline against the policy text it encodes (UTF-8 `text` of
 * `len` bytes): every article (or part) and item of its <text> inventory is
 * in the text and the text has no other, and every obligation's quote is in
 * the article it cites. *report lists the problems and a summary line
 * (free with dossier_free()); *problems counts them.
 */
int dossier_outline_verify_text(const dossier_outline *o, const char *text, size_t len,
				int zh, char **report, size_t *problems);

/** The stage a report was checked at (the centre's, or the option's). */
const char *dossier_report_stage(const dossier_report *r);

size_t dossier_report_count(const dossier_report *r);
const dossier_finding *dossier_report_get(const dossier_report *r, size_t i);
/** Number of findings of the given severity. */
size_t dossier_report_count_sev(const dossier_report *r, dossier_severity s);
void dossier_report_free(dossier_report *r);

#ifdef __cplusplus
}
#endif
#endif
