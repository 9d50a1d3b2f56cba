/*
 * sort.c — dz_sort(), a heapsort: n log n comparisons for every input.
 *
 * qsort() promises no bound: glibc falls back to a quicksort when it cannot
 * allocate its merge buffer, other C libraries use a quicksort always, and
 * a crafted order of keys drives a quicksort quadratic. The verifier sorts
 * entry names an attacker chose, so it sorts with this.
 */
#include <string.h>
#include "util.h"

static void swap(unsigned char *a, unsigned char *b, size_t size)
{
	while (size--) {
		unsigned char t = *a;
		*a++ = *b;
		*b++ = t;
	}
}

/* Restore the heap property below `root` in the first n elements. */
static void sift(unsigned char *base, size_t root, size_t n, size_t size,
		 int (*cmp)(const void *, const void *))
{
	for (;;) {
		size_t child = 2 * root + 1, big = root;
		if (child < n && cmp(base + child * size, base + big * size) > 0)
			big = child;
		if (child + 1 < n && cmp(base + (child + 1) * size, base + big * size) > 0)
			big = child + 1;
		if (big == root)
			return;
		swap(base + root * size, base + big * size, size);
		root = big;
	}
}

void dz_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	unsigned char *b = base;
	size_t i;
	if (n < 2)
		return;
	for (i = n / 2; i-- > 0;)
		sift(b, i, n, size, cmp);
	for (i = n - 1; i > 0; i--) {
		swap(b, b + i * size, size);
		sift(b, 0, i, size, cmp);
	}
}
