/*
 * load.h — stage 1 of the pipeline: read a centre source directory.
 *
 * A centre directory holds centre.xml (structured data, schema
 * outlines/schema/centre.xsd), sections/<section-id>.md (CommonMark with GFM
 * tables, one file per outline section) and evidence/ (attachments declared
 * in centre.xml). Loading decodes every text file to UTF-8 (BOM, GB18030 and
 * UTF-16 are accepted), parses it, and validates centre.xml against its
 * schema. Schema violations are not load failures: they are kept and turned
 * into findings by the check stage, so an author sees all of them at once.
 */
#ifndef DOSSIER_LOAD_H
#define DOSSIER_LOAD_H

#include <stddef.h>
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct dossier_centre dossier_centre;

typedef struct {
	unsigned version;          /**< DOSSIER_LOAD_OPTIONS_VERSION */
	const char *encoding;      /**< force the encoding of sections/<id>.md; NULL: detect */
	const char *schema_dir;    /**< directory holding centre.xsd (required) */
	size_t max_file_bytes;     /**< cap per text file (centre.xml, each .md) */
	size_t max_sections;       /**< cap on the number of section files */
	size_t max_evidence_files; /**< cap on files found under evidence/ */
	/* version 2 */
	size_t max_depth;          /**< cap on nesting: XML elements, Markdown
					blocks and inlines (lists in quotes in
					lists, emphasis in links ...) */
	size_t max_table_rows;     /**< cap on the rows of one table: children
					of one XML element, rows of one
					Markdown table */
} dossier_load_options;

/** The largest max_depth accepted: the document model and the layout
 *  recurse once per level, and 1000 levels stay well inside a default
 *  8 MiB stack (also under AddressSanitizer). */
#define DOSSIER_MAX_DEPTH 1000

#define DOSSIER_LOAD_OPTIONS_VERSION 2
#define DOSSIER_LOAD_OPTIONS_INIT \
	{DOSSIER_LOAD_OPTIONS_VERSION, NULL, NULL, 16u << 20, 500, 20000, 32, 50000}

/**
 * Load the centre directory `dir`. On success *out owns the data; free it
 * with dossier_centre_free(). Fails (negative code, details in
 * dossier_error_last()) when centre.xml is missing, unreadable, not
 * well-formed, or a text file has bytes invalid in its encoding; and with
 * DOSSIER_ELIMIT, naming the file, line and limit, when an input exceeds
 * one of the caps in `opts`. Options of version 1 (without max_depth and
 * max_table_rows) are accepted and get the defaults for those.
 *
 * `dir` may instead be a regular file: an evaluation-tables.xml written by
 * `dossier render` (outlines/schema/tables.xsd, which must be in
 * opts->schema_dir). It must be valid against that schema (else
 * DOSSIER_ESCHEMA with the line of the first violation; another XML root
 * gives DOSSIER_EUSAGE). The centre then holds the table's identity,
 * indicators, plan targets and cited evidence, no sections and no evidence
 * files, and dossier_check_run() runs only the rules a table can answer
 * (doc/xml.md).
 */
int dossier_centre_load(dossier_centre **out, const char *dir,
			const dossier_load_options *opts);


void dossier_centre_free(dossier_centre *c);

/** The scheme id named in centre.xml (borrowed). */
const char *dossier_centre_scheme(const dossier_centre *c);
/** The stage centre.xml declares (root attribute stage), or "". */
const char *dossier_centre_stage(const dossier_centre *c);
/** The centre's name (borrowed, "" if absent). */
const char *dossier_centre_name(const dossier_centre *c);
/** The directory the centre was loaded from (borrowed). */
const char *dossier_centre_dir(const dossier_centre *c);
/** Path of its centre.xml (borrowed). */
const char *dossier_centre_xml_path(const dossier_centre *c);

#ifdef __cplusplus
}
#endif
#endif
