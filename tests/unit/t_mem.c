/* sb_mem: table memory is zeroed, aligned, and released with free();
 * a mapped table is wiped without making its untouched pages. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "sb_mem.h"
#include "tap.h"

static int
zeroed(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != 0)
			return 0;
	return 1;
}

/* Is [p, p + n) inside one mapping of /proc/self/maps?  -1: no such
 * file here. */
static int
one_mapping(const void *p, size_t n)
{
	FILE *f = fopen("/proc/self/maps", "r");
	uintptr_t lo, hi, a = (uintptr_t)p;
	char line[512];
	int r = 0;

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "%" SCNxPTR "-%" SCNxPTR, &lo, &hi) == 2 &&
		    a >= lo && a < hi) {
			r = a + n <= hi;
			break;
		}
	fclose(f);
	return r;
}

/* Pages of [p, p + n) in memory. */
static size_t
resident(void *p, size_t n)
{
	static unsigned char vec[(16u << 20) / 4096];
	size_t k = 0;

	if (n / 4096 > sizeof vec || mincore(p, n, vec) != 0)
		return (size_t)-1;
	for (size_t i = 0; i < n / 4096; i++)
		k += vec[i] & 1;
	return k;
}

/* sb_table_wipe zeroes what was written, and makes no page. */
static void
check_wipe(void)
{
	size_t n = (size_t)16 << 20, before, after;
	unsigned char *p = sb_table_map(n);

	ok(p != NULL, "sb_table_map: 16 MiB");
	if (p == NULL)
		return;
	p[0] = 1;
	p[3 * 4096 + 5] = 2;
	p[(1 << 20) + 17] = 3;
	before = resident(p, n);
	sb_table_wipe(p, n);
	after = resident(p, n);
	ok(before != (size_t)-1 && before > 0 && before < n / 4096 &&
	    after == before, "sb_table_wipe: no page made (%zu resident, "
	    "then %zu)", before, after);
	ok(p[0] == 0 && p[3 * 4096 + 5] == 0 && p[(1 << 20) + 17] == 0 &&
	    zeroed(p, n), "sb_table_wipe: the table reads zero");
	sb_table_unmap(p, n);
}

int
main(void)
{
	static const size_t sizes[] = {0, 1, 63, 64, 100, 4096, 520000,
	    (size_t)1 << 20, 3u << 20, 6400000};

	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		size_t n = sizes[i];
		size_t align = n >= ((size_t)1 << 20) ? (size_t)2 << 20 : 64;
		unsigned char *p = sb_table_alloc(n);

		ok(p != NULL && (uintptr_t)p % align == 0 && zeroed(p, n),
		    "%zu bytes: zeroed, aligned to %zu", n, align);
		if (p != NULL && n > 0)
			p[n - 1] = 1; /* writable to the last byte */
		free(p);
	}
	ok(sb_table_alloc(SIZE_MAX - 10) == NULL, "an impossible size: NULL");
	{
		/* Large arrays: calloc zeroes, realloc keeps the contents
		 * across the 4 MiB line where the advice starts. */
		size_t n = (size_t)6 << 20, keep = 1;
		int k;
		unsigned char *p = sb_big_calloc(n, 1), *q;

		ok(p != NULL && zeroed(p, n), "sb_big_calloc: 6 MiB zeroed");
		for (size_t i = 0; p != NULL && i < n; i++)
			p[i] = (unsigned char)(i * 7);
		q = p != NULL ? sb_big_realloc(p, 2 * n) : NULL;
		for (size_t i = 0; q != NULL && i < n; i++)
			keep &= q[i] == (unsigned char)(i * 7);
		ok(q != NULL && keep,
		    "sb_big_realloc: 6 to 12 MiB, contents "
		    "kept");
		q = q != NULL ? sb_big_realloc(q, 100) : NULL;
		ok(q != NULL && q[99] == (unsigned char)(99 * 7),
		    "sb_big_realloc: down to 100 bytes");
		free(q);
		p = sb_big_malloc(n);
		if (p != NULL)
			memset(p, 1, n);
		ok(p != NULL, "sb_big_malloc: 6 MiB, writable");
		free(p);
		/* The advice covers the whole mapping: advice on part of it
		 * would split it, and realloc would copy, not remap. */
		p = sb_big_malloc((size_t)40 << 20);
		k = p != NULL ? one_mapping(p, (size_t)40 << 20) : 0;
		if (k < 0)
			ok(1, "# SKIP no /proc/self/maps");
		else
			ok(k == 1, "sb_big_malloc: 40 MiB in one mapping, "
			    "advice and all");
		free(p);
		ok(sb_big_calloc(SIZE_MAX / 2, 4) == NULL,
		    "sb_big_calloc: an overflowing size is NULL");
	}
	check_wipe();
	return tap_done();
}
