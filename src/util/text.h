/*
 * text.h — reading input files under a size cap and decoding them to UTF-8.
 *
 * Centres write their data with whatever their office tools produce: UTF-8
 * with or without BOM, GB18030/GBK, or UTF-16 with BOM. Every text input goes
 * through dz_decode, so the rest of the pipeline only ever sees valid UTF-8,
 * and an invalid byte is reported once, here, with file, line and column.
 */
#ifndef DOSSIER_TEXT_H
#define DOSSIER_TEXT_H
#include <stddef.h>

/* Read a whole regular file of at most `max` bytes. *out is NUL-terminated
 * and owned by the caller (dz_free). Errors: ENOTFOUND, EIO, ELIMIT. */
int dz_read_file(char **out, size_t *outlen, const char *path, size_t max);

/* Decode `data` to UTF-8 (no BOM, NUL-terminated, caller frees *out).
 * `declared` forces an encoding (NULL or "" = detect). With `is_xml`, an
 * encoding named in the XML declaration is honoured and a file without one
 * must be UTF-8 (XML 1.0 §4.3.3); otherwise a file that is not valid UTF-8
 * but is valid GB18030 is taken as GB18030. *used names the encoding read
 * (static string). `path` is used in error messages only. */
int dz_decode(char **out, size_t *outlen, const char **used,
	      const char *data, size_t len, const char *declared,
	      const char *path, int is_xml);

/* Normalise an encoding name ("gbk", "GB2312", "utf8"...) to the iconv name
 * dossier uses, or NULL if unsupported. */
const char *dz_encoding_name(const char *name);

#endif
