/*
 * xml.h — stage 4b: a document as XML (reports and evaluation tables), valid
 * against the published schemas in outlines/schema/ (report.xsd,
 * tables.xsd), written with libxml2's writer so it is well-formed by
 * construction, UTF-8, reproducible under SOURCE_DATE_EPOCH.
 */
#ifndef DOSSIER_XML_H
#define DOSSIER_XML_H
#include "common.h"
#include "layout.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
	unsigned version;          /**< DOSSIER_XML_OPTIONS_VERSION */
	const char *source_digest; /**< hex SHA-256 of centre.xml, or NULL */
	long long created;         /**< seconds since the epoch (SOURCE_DATE_EPOCH) */
} dossier_xml_options;

#define DOSSIER_XML_OPTIONS_VERSION 1
#define DOSSIER_XML_OPTIONS_INIT {DOSSIER_XML_OPTIONS_VERSION, NULL, 0}

/** Write `doc` as XML to `path` (through a temporary file renamed into
 *  place: on failure nothing is left). */
int dossier_xml_write(const dossier_doc *doc, const char *path,
		      const dossier_xml_options *opts);

#ifdef __cplusplus
}
#endif
#endif
