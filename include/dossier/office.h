/*
 * office.h — authoring without XML: Excel workbooks in and out, Word
 * documents in.
 *
 * The people who fill a dossier work in Excel and Word (or WPS). This stage
 * writes a centre's structured data as a workbook (or a blank one for a
 * scheme, the template to hand out), reads a filled workbook back into
 * centre.xml, and reads a Word document as Markdown narrative. Both
 * mappings are driven by centre.xsd (elements, attributes, their Chinese
 * labels and units in xs:documentation, enumerations, types) and by the
 * scheme's outline (data-table fields with labels, units, articles), never
 * by a list of element names in C.
 *
 * Both readers treat their input as hostile: the ZIP container, every part's
 * inflated size, the inflation ratio, XML nesting, cells and strings are
 * capped, DTDs and entities are refused, and each refusal names the part
 * (e.g. xl/sharedStrings.xml) and the limit.
 */
#ifndef DOSSIER_OFFICE_H
#define DOSSIER_OFFICE_H

#include <stddef.h>
#include "common.h"
#include "check.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
	unsigned version;     /**< DOSSIER_OFFICE_OPTIONS_VERSION */
	const char *schema_dir; /**< directory holding centre.xsd (required) */
	size_t max_file;      /**< bytes of the .xlsx or .docx file */
	size_t max_part;      /**< inflated bytes of one part */
	size_t max_total;     /**< inflated bytes of all parts read */
	unsigned max_ratio;   /**< inflated : compressed, for a part over 1 MiB */
	size_t max_cells;     /**< cells of a workbook; paragraphs and table
				   cells of a document */
	size_t max_strings;   /**< shared strings of a workbook */
	size_t max_depth;     /**< XML nesting of a part */
	int force;            /**< dossier_docx_split: replace existing files */
} dossier_office_options;

#define DOSSIER_OFFICE_OPTIONS_VERSION 1
#define DOSSIER_OFFICE_OPTIONS_INIT \
	{DOSSIER_OFFICE_OPTIONS_VERSION, NULL, 64u << 20, 64u << 20, 256u << 20, \
	 500, 1000000, 1000000, 128, 0}

/**
 * Write the workbook of a centre to `xlsx` (a temporary file renamed into
 * place: on failure nothing is left). `centre_xml` is the path of its
 * centre.xml, or NULL for a blank workbook of the outline's scheme.
 * Sheets: 基本信息 (every value that occurs once, as label/value rows),
 * 数据表 (the outline's data-table fields with label, article, value, unit,
 * evidence) and one sheet per repeated element of centre.xsd (人员, 仪器设备
 * ...), with a column per attribute. Labels, units and notes come from
 * centre.xsd's annotations; cells get data validation from the types.
 */
int dossier_xlsx_export(const char *xlsx, const char *centre_xml,
			const dossier_outline *o,
			const dossier_office_options *opts);

typedef struct dossier_workbook dossier_workbook;

/** Read a workbook (any writer: Excel, WPS, LibreOffice, openpyxl ...).
 *  Fails with DOSSIER_ELIMIT naming the part and the limit, or
 *  DOSSIER_EPARSE naming the part and line. */
int dossier_xlsx_open(dossier_workbook **out, const char *xlsx,
		      const dossier_office_options *opts);
/** The scheme id the workbook's 基本信息 names, or "" (borrowed). */
const char *dossier_xlsx_scheme(const dossier_workbook *wb);
/**
 * Turn the workbook into centre.xml at `out_xml` (written through a
 * temporary file renamed into place). *notes receives what the import has
 * to say, each located at a sheet and cell ("数据表!D7" in the finding's
 * xpath): errors for cells that cannot be read as what they must hold (then
 * nothing is written and DOSSIER_ESCHEMA is returned), warnings for values
 * that are still missing, infos for values read in another form
 * ("2026年3月1日" read as 2026-03-01). Free with dossier_report_free().
 */
int dossier_xlsx_import(dossier_report **notes, dossier_workbook *wb,
			const dossier_outline *o, const char *out_xml);
void dossier_xlsx_free(dossier_workbook *wb);

/**
 * Read a Word document (.docx) as CommonMark + GFM Markdown: headings (by
 * outline level or heading style, or by "一、" "（一）" numbering when there
 * are no styles), paragraphs, bold and italic, lists, tables, line breaks,
 * links and {{fig:...}} references however Word split them into runs.
 * What Markdown cannot carry (images, merged cells, text boxes, footnotes,
 * equations, comments ...) is a finding in *notes with its place (paragraph
 * number and the text near it), never dropped silently. *md is owned by the
 * caller (free with dossier_free).
 */
int dossier_docx_markdown(char **md, dossier_report **notes, const char *docx,
			  const dossier_office_options *opts);

/**
 * Split a whole report written in Word into sections/<id>.md of `dir`, at
 * the headings of the outline's sections ("一、摘要" ...) of document
 * `doc_id` (NULL: the report document whose section titles the file has
 * most of). Existing section files are kept unless opts->force (then each
 * is replaced whole); text before the first section heading, headings
 * that name no section and sections the file lacks are findings.
 */
int dossier_docx_split(dossier_report **notes, const char *docx,
		       const dossier_outline *o, const char *doc_id,
		       const char *dir, const dossier_office_options *opts);

/**
 * Start a centre directory for scheme `o` at `stage` (NULL: the outline's
 * first stage). `dir` must not exist, or be an empty folder; it is built
 * beside and renamed into place, so on failure nothing is left. It gets
 * centre.xml with every element centre.xsd requires, empty and after a
 * Chinese comment (label, how to write it, unit, article), the optional
 * ones commented out in place, the stage's documents as submissions and
 * the data-table fields of the stage (those it requires empty, the others
 * commented out); sections/<id>.md for each section of the stage's
 * documents with the outline's heading, its sub-items as headings and a
 * prompt (starting 【请填写】) under each; an empty evidence/. Checking it
 * is never complete: each empty value and each prompt is a finding.
 * opts->schema_dir is required.
 */
int dossier_init(const char *dir, const dossier_outline *o, const char *stage,
		 const dossier_office_options *opts);

/* Memory the library hands to the caller (dossier_docx_markdown) is freed
 * with dossier_free() (common.h). */

#ifdef __cplusplus
}
#endif
#endif
