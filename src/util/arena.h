/*
 * arena.h — a region allocator: many small allocations freed at once.
 * The document model and the layout live in arenas. Built with
 * -DDOSSIER_DEBUG_ARENA every allocation is a separate dz_malloc, so the
 * sanitizers see overruns (cf. libgit2's GIT_DEBUG_POOL).
 */
#ifndef DOSSIER_ARENA_H
#define DOSSIER_ARENA_H
#include <stddef.h>

typedef struct dz_arena_chunk dz_arena_chunk;
typedef struct {
	dz_arena_chunk *head;
	size_t used, cap;
	int oom;          /* sticky: an allocation failed */
} dz_arena;

/* Zeroed memory from the arena, or NULL (and a->oom set). */
void *dz_arena_alloc(dz_arena *a, size_t n);
char *dz_arena_strdup(dz_arena *a, const char *s);
char *dz_arena_strndup(dz_arena *a, const char *s, size_t n);
void dz_arena_dispose(dz_arena *a);

#endif
