/*
 * alloc.c — the single allocation path of the library.
 *
 * Everything the library allocates, and everything libxml2 allocates on its
 * behalf, goes through the table set with dossier_set_allocator(). A test
 * switch (dossier_alloc_fail_at) makes the Nth allocation fail so the
 * fault-injection tests can walk every allocation of a run, as curl's
 * torture mode does.
 */
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/xmlmemory.h>
#include "util.h"

static void *std_malloc(size_t n) { return malloc(n ? n : 1); }
static void *std_realloc(void *p, size_t n) { return realloc(p, n ? n : 1); }
static void std_free(void *p) { free(p); }

static const dossier_allocator std_alloc = {std_malloc, std_realloc, std_free};
static dossier_allocator cur = {std_malloc, std_realloc, std_free};
static unsigned long alloc_count, fail_at;

void dossier_set_allocator(const dossier_allocator *a)
{
	cur = a ? *a : std_alloc;
}

unsigned long dossier_alloc_fail_at(unsigned long n)
{
	unsigned long made = alloc_count;
	alloc_count = 0;
	fail_at = n;
	return made;
}

static int should_fail(void)
{
	alloc_count++;
	return fail_at && alloc_count >= fail_at;
}

void *dz_malloc(size_t n)
{
	void *p = should_fail() ? NULL : cur.malloc(n);
	if (!p)
		dz_err_oom();
	return p;
}

void *dz_calloc(size_t n, size_t size)
{
	void *p;
	if (size && n > SIZE_MAX / size)
		return NULL;
	p = dz_malloc(n * size);
	if (p)
		memset(p, 0, n * size);
	return p;
}

void *dz_realloc(void *p, size_t n)
{
	void *q = should_fail() ? NULL : cur.realloc(p, n);
	if (!q)
		dz_err_oom();
	return q;
}

void dz_free(void *p)
{
	if (p)
		cur.free(p);
}

char *dz_strndup(const char *s, size_t n)
{
	char *d = dz_malloc(n + 1);
	if (!d)
		return NULL;
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *dz_strdup(const char *s)
{
	return s ? dz_strndup(s, strlen(s)) : NULL;
}

int dz_grow(void **arr, size_t *cap, size_t need, size_t es)
{
	size_t ncap;
	void *p;
	if (need < *cap)
		return 0;
	ncap = *cap ? *cap : 8;
	while (ncap <= need) {
		if (ncap > SIZE_MAX / 2 / es)
			return DOSSIER_ENOMEM;
		ncap *= 2;
	}
	p = dz_realloc(*arr, ncap * es);
	if (!p)
		return DOSSIER_ENOMEM;
	*arr = p;
	*cap = ncap;
	return 0;
}

/* libxml2 allocates through the same table but never sees an injected
 * failure: libxml2 2.9.14 (Debian 12) can crash inside schema validation
 * when malloc fails, which is its bug, not a path of ours to test. */
static void *xml_malloc(size_t n) { return cur.malloc(n); }
static void *xml_realloc(void *p, size_t n) { return cur.realloc(p, n); }
static void xml_free(void *p) { if (p) cur.free(p); }
static char *xml_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = cur.malloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}

void dz_xml_init(void)
{
	static int done;
	if (done)
		return;
	done = 1;
	xmlMemSetup(xml_free, xml_malloc, xml_realloc, xml_strdup);
	xmlInitParser();
}

void dossier_free(void *p)
{
	dz_free(p);
}
