#include "sb_mem.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define HUGE_PAGE ((size_t)2 << 20)
#define LINE ((size_t)64)

void *
sb_table_alloc(size_t n)
{
	size_t align = n >= HUGE_PAGE / 2 ? HUGE_PAGE : LINE, size;
	void *p;

	if (n > SIZE_MAX - HUGE_PAGE)
		return NULL;
	size = (n + align - 1) & ~(align - 1);
	if ((p = aligned_alloc(align, size > 0 ? size : align)) == NULL)
		return NULL;
	/* Advice only: without huge pages the table works the same. */
	if (align == HUGE_PAGE)
		(void)madvise(p, size, MADV_HUGEPAGE);
	memset(p, 0, n);
	return p;
}

#define BIG ((size_t)4 << 20)

/*
 * Advise the pages of [p, p + n), rounded out to whole pages: for a
 * large chunk, which malloc maps on its own, that is its whole mapping.
 * Advice on only part of it would split the mapping in two, and realloc
 * could then no longer move it with mremap: it copied instead (a tenth
 * of sb-link's time at 300k mentions).
 */
static void *
advise(void *p, size_t n)
{
	long pg = sysconf(_SC_PAGESIZE);
	uintptr_t page = pg > 0 ? (uintptr_t)pg : 4096, lo, hi;

	if (p == NULL || n < BIG)
		return p;
	lo = (uintptr_t)p & ~(page - 1);
	hi = ((uintptr_t)p + n + page - 1) & ~(page - 1);
	(void)madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
	return p;
}

void *
sb_big_malloc(size_t n)
{
	return advise(malloc(n), n);
}

void *
sb_big_calloc(size_t nmemb, size_t size)
{
	if (size > 0 && nmemb > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	return advise(calloc(nmemb, size), nmemb * size);
}

void *
sb_big_realloc(void *p, size_t n)
{
	return advise(realloc(p, n), n);
}
