/*
 * style.h — a layout style read from templates/<name>.style (internal).
 * All lengths are in PDF points (1/72 inch).
 */
#ifndef DOSSIER_STYLE_H
#define DOSSIER_STYLE_H

/* Font roles (fonts/fonts.conf). latin is the one face for Latin letters
 * and digits in the roles of dz_style.latin_roles; a configuration without
 * it leaves them to each role's own font. */
enum { DZ_ROLE_SONG, DZ_ROLE_FANGSONG, DZ_ROLE_HEI, DZ_ROLE_KAI, DZ_ROLE_TITLE, DZ_ROLE_LATIN,
       DZ_NROLES };

typedef struct {
	int font;        /* a DZ_ROLE_* */
	float size;
	float leading;   /* 0: the body leading */
	int bold;
} dz_textstyle;

typedef struct {
	float page_w, page_h, margin_top, margin_inner, type_w, type_h;
	dz_textstyle body, title, h[4], table, caption, quote, code, pagenum, cover, cover_info, toc;
	int chars_per_line;
	float body_indent, heading_indent, list_indent;
	float table_padding, table_rule;
	float pagenum_below, pagenum_inset;
	char toc_title[64];
	char pagenum_format[32]; /* printf format with one %d */
	char caption_format[32]; /* a table caption's number: printf format with one %d */
	int toc_levels;
	int latin_roles;         /* bit (1 << role): Latin and digits in the latin font */
} dz_style;

extern const char *const dz_role_names[DZ_NROLES];

/* Defaults (GB/T 9704), then the file's settings. Errors name file:line. */
int dz_style_load(dz_style *s, const char *path);
void dz_style_defaults(dz_style *s);
/* 1 if f holds exactly one %d and no other conversion (page numbers, captions) */
int dz_style_number_format(const char *f);

#endif
