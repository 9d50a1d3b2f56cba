/* load_int.h — functions shared between the files of load/ (internal). */
#ifndef DOSSIER_LOAD_INT_H
#define DOSSIER_LOAD_INT_H
#include "model.h"

/* Read, decode and parse one section file into *s (id and path set):
 * Markdown, or with s->docx a Word document read as Markdown, whose notes
 * go to *notes (made when the first one comes). */
int dz_section_load(dz_section *s, const char *fullpath,
		    const dossier_load_options *o, dossier_report **notes);
void dz_section_dispose(dz_section *s);
/* Load an evaluation-tables.xml (written by dossier render) as a centre. */
int dz_tables_load(dossier_centre **out, const char *path,
		   const dossier_load_options *o);

#endif
