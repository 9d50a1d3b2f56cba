/* cite.h — citations of a policy text, parsed (cite.c; internal). */
#ifndef DOSSIER_CITE_H
#define DOSSIER_CITE_H
#include <stddef.h>

enum { DZ_CITE_ARTICLE = 1, DZ_CITE_PART, DZ_CITE_ANNEX };
typedef struct {
	int kind;   /* DZ_CITE_* */
	int n;      /* article or part number; for the annex, its item (0: the annex) */
	int para;   /* 款, 0 if not cited */
	int item;   /* 项, 0 if not cited */
} dz_cite;

/* Parse a citation list ("第十八条第二款、附件第四部分"); 0, or -1 if it does not
 * follow the grammar of cite.c. At most `max` are stored; *count says how
 * many there were. */
int dz_cite_parse(const char *s, dz_cite *out, size_t max, size_t *count);
/* A number written in Chinese numerals or ASCII digits at *p; advances. */
int dz_cite_number(const char **p, int *out);
#endif
