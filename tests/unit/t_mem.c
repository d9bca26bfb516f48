/* sb_mem: table memory is zeroed, aligned, and released with free(). */
#include <stdint.h>
#include <stdlib.h>

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
	return tap_done();
}
