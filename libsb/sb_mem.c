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

/* n rounded up to whole huge pages: a mapped table's size. */
static size_t
huge_pages(size_t n)
{
	return (n + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
}

void *
sb_table_map(size_t n)
{
	size_t size = huge_pages(n), head, tail;
	unsigned char *p, *a;

	if (n == 0 || n > SIZE_MAX - 2 * HUGE_PAGE)
		return NULL;
	/* Over-map by a huge page, keep the aligned part. */
	p = mmap(NULL, size + HUGE_PAGE, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	a = (unsigned char *)(((uintptr_t)p + HUGE_PAGE - 1) &
	    ~(uintptr_t)(HUGE_PAGE - 1));
	head = (size_t)(a - p);
	tail = HUGE_PAGE - head;
	if (head > 0)
		(void)munmap(p, head);
	if (tail > 0)
		(void)munmap(a + size, tail);
	(void)madvise(a, size, MADV_HUGEPAGE);
	return a;
}

void
sb_table_unmap(void *p, size_t n)
{
	if (p != NULL)
		(void)munmap(p, huge_pages(n));
}

void
sb_table_wipe(void *p, size_t n)
{
	long pg = sysconf(_SC_PAGESIZE);
	size_t page = pg > 0 ? (size_t)pg : 4096, i, k, m;
	size_t size = huge_pages(n);
	unsigned char vec[256];
	unsigned char *a = p;

	if (p == NULL)
		return;
	for (i = 0; i < size; i += m * page) {
		m = (size - i) / page < sizeof(vec) ? (size - i) / page :
		    sizeof(vec);
		/* Not told which: every page of the chunk. */
		if (mincore(a + i, m * page, vec) != 0)
			memset(vec, 1, m);
		for (k = 0; k < m; k++)
			if (vec[k] & 1)
				explicit_bzero(a + i + k * page, page);
	}
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
