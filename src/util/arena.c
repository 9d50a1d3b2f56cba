/*
 * arena.c — region allocator (see arena.h).
 */
#include <string.h>
#include "util.h"
#include "arena.h"

struct dz_arena_chunk {
	dz_arena_chunk *next;
	size_t size;
	/* data follows, max-aligned */
	_Alignas(16) unsigned char data[];
};

void *dz_arena_alloc(dz_arena *a, size_t n)
{
	void *p;
	n = (n + 15) & ~(size_t)15;
#ifdef DOSSIER_DEBUG_ARENA
	{
		dz_arena_chunk *c = dz_malloc(sizeof *c + n);
		if (!c) {
			a->oom = 1;
			return NULL;
		}
		c->next = a->head;
		c->size = n;
		a->head = c;
		memset(c->data, 0, n);
		return c->data;
	}
#endif
	if (!a->head || a->used + n > a->cap) {
		size_t size = n > 32768 ? n : 32768;
		dz_arena_chunk *c = dz_malloc(sizeof *c + size);
		if (!c) {
			a->oom = 1;
			return NULL;
		}
		c->next = a->head;
		c->size = size;
		a->head = c;
		a->used = 0;
		a->cap = size;
	}
	p = a->head->data + a->used;
	a->used += n;
	memset(p, 0, n);
	return p;
}

char *dz_arena_strndup(dz_arena *a, const char *s, size_t n)
{
	char *d = dz_arena_alloc(a, n + 1);
	if (d)
		memcpy(d, s, n);
	return d;
}

char *dz_arena_strdup(dz_arena *a, const char *s)
{
	return dz_arena_strndup(a, s ? s : "", s ? strlen(s) : 0);
}

void dz_arena_dispose(dz_arena *a)
{
	dz_arena_chunk *c = a->head;
	while (c) {
		dz_arena_chunk *n = c->next;
		dz_free(c);
		c = n;
	}
	memset(a, 0, sizeof *a);
}
