/*
 * util.h — internal helpers shared by the library stages and the CLI:
 * allocation, a growable byte buffer, the error record, and small string
 * utilities. Nothing here is public API.
 */
#ifndef DOSSIER_UTIL_H
#define DOSSIER_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include "dossier/common.h"

/* ---- allocation (alloc.c) ---- */
void *dz_malloc(size_t n);
void *dz_calloc(size_t n, size_t size);
void *dz_realloc(void *p, size_t n);
void dz_free(void *p);
char *dz_strdup(const char *s);
char *dz_strndup(const char *s, size_t n);
/* Grow *arr (element size es) so that index `need` fits; 0 or -ENOMEM. */
int dz_grow(void **arr, size_t *cap, size_t need, size_t es);
/* Hook libxml2 to the dossier allocator (once, before libxml2 is used). */
void dz_xml_init(void);

/* ---- growable buffer (buf.c) ---- */
typedef struct {
	char *ptr;   /* always NUL-terminated when len > 0 or after dz_buf_cstr */
	size_t len;
	size_t cap;
	int oom;     /* sticky: an append failed */
} dz_buf;
#define DZ_BUF_INIT {NULL, 0, 0, 0}
int dz_buf_grow(dz_buf *b, size_t extra);
int dz_buf_put(dz_buf *b, const char *s, size_t n);
int dz_buf_puts(dz_buf *b, const char *s);
int dz_buf_putc(dz_buf *b, char c);
int dz_buf_printf(dz_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Append s with JSON string escaping (no quotes added). */
int dz_buf_put_json(dz_buf *b, const char *s);
const char *dz_buf_cstr(dz_buf *b);
/* Hand the buffer's memory to the caller (caller frees with dz_free). */
char *dz_buf_detach(dz_buf *b);
void dz_buf_dispose(dz_buf *b);

/* ---- error record (err.c) ---- */
/* Record an error; messages are printf formats taking the same arguments
 * twice is awkward, so zh and en are pre-formatted by the caller with
 * dz_fmt. Returns `code` so callers can `return dz_err(...)`. */
int dz_err(int code, const char *file, int line, int col,
	   const char *zh, const char *en, const char *hint_zh,
	   const char *hint_en);
/* printf into a freshly allocated string (NULL on OOM). */
char *dz_fmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *dz_vfmt(const char *fmt, va_list ap);
/* dz_err with printf-style zh/en messages sharing one argument list is not
 * possible in C; this variant formats each message from its own format and
 * the same arguments (both formats must take identical argument types). */
/* Record "out of memory" without allocating (called by the allocator on
 * every failure; a later dz_err with the file concerned replaces it). */
void dz_err_oom(void);
int dz_errf(int code, const char *file, int line, int col,
	    const char *hint_zh, const char *hint_en,
	    const char *fmt_zh, const char *fmt_en, ...);

/* ---- whole-or-nothing writes (file.c) ---- */
/* Write `len` bytes to `path` through a temporary file beside it, flushed
 * and renamed into place; on failure nothing is left and `path` is
 * untouched. */
int dz_write_atomic(const char *path, const char *data, size_t len);
/* A new temporary file beside `path` (O_EXCL), open for writing as *fd;
 * NULL with the error recorded. Finish with dz_rename_into. */
char *dz_tmp_beside(const char *path, int *fd);
/* Rename the temporary over `path` (the temporary is removed on failure). */
int dz_rename_into(const char *tmp, const char *path);

/* ---- strings (str.c) ---- */
int dz_streq(const char *a, const char *b);
int dz_startswith(const char *s, const char *prefix);
int dz_endswith(const char *s, const char *suffix);
/* Count Unicode code points of valid UTF-8 text (non-space ones only if
 * `skip_space`). */
size_t dz_utf8_count(const char *s, size_t n, int skip_space);
/* Decode one UTF-8 code point at s (n bytes available). Returns its length
 * (1-4) and stores the code point, or 0 if invalid. */
int dz_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* Trim ASCII and ideographic white space in place; returns s. */
char *dz_trim(char *s);

/* ---- sorting (sort.c) ---- */
/* Heapsort: O(n log n) comparisons whatever the input, in place, no
 * allocation. For arrays whose order an attacker chooses (entry names of
 * a received package), where a quicksort fallback could be driven
 * quadratic. Not stable. */
void dz_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

#endif
