/*
 * fuzz_office.h — the input of the office fuzz targets (fuzz_xlsx,
 * fuzz_docx): either a package's bytes as they are (the ZIP container and
 * its caps get the mutations), or, when it starts with "@@ ", a list of
 * parts that the target packs into a ZIP first:
 *
 *     @@ xl/workbook.xml
 *     <workbook ...>...
 *     @@ xl/worksheets/sheet1.xml
 *     ...
 *
 * so that mutations reach the XML of the parts instead of breaking a CRC
 * (libzip checks it, and the input would end there).
 * tests/office/fuzzseed.py turns a real .xlsx or .docx into that form.
 */
#ifndef DOSSIER_FUZZ_OFFICE_H
#define DOSSIER_FUZZ_OFFICE_H
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

/* The package for `data`: a copy of it, or the ZIP its parts make (stored,
 * uncompressed). *n its size; NULL if it cannot be made. free() it. */
static inline unsigned char *fz_package(const uint8_t *data, size_t size, size_t *n)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z;
	unsigned char *out = NULL;
	const char *p = (const char *)data, *end = p + size;
	*n = 0;
	if (size < 3 || memcmp(data, "@@ ", 3)) {
		out = malloc(size ? size : 1);
		if (out && size)
			memcpy(out, data, size);
		*n = size;
		return out;
	}
	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	if (!src)
		return NULL;
	zip_source_keep(src);
	z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	while (z && p + 3 <= end && !memcmp(p, "@@ ", 3)) {
		const char *name = p + 3, *nl = memchr(name, '\n', (size_t)(end - name));
		const char *body, *next;
		char nm[256];
		zip_source_t *s;
		zip_int64_t idx;
		if (!nl || nl - name >= (long)sizeof nm)
			break;
		memcpy(nm, name, (size_t)(nl - name));
		nm[nl - name] = '\0';
		body = nl + 1;
		for (next = body; next < end; next++)
			if ((next == body || next[-1] == '\n') && end - next >= 3 && !memcmp(next, "@@ ", 3))
				break;
		s = zip_source_buffer(z, body, (zip_uint64_t)(next - body), 0);
		idx = s ? zip_file_add(z, nm, s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) : -1;
		if (idx < 0)
			zip_source_free(s);
		else
			zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
		p = next;
	}
	if (!z || zip_close(z) != 0) {
		if (z)
			zip_discard(z);
		zip_source_free(src);
		return NULL;
	}
	if (zip_source_open(src) == 0) {
		zip_stat_t st;
		zip_stat_init(&st);
		if (zip_source_stat(src, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
		    (out = malloc(st.size ? st.size : 1)) != NULL &&
		    zip_source_read(src, out, st.size) == (zip_int64_t)st.size)
			*n = st.size;
		zip_source_close(src);
	}
	zip_source_free(src);
	if (out && !*n) {
		free(out);
		out = NULL;
	}
	return out;
}

#endif
