#include "sb_mem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

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
