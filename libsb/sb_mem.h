/*
 * sb_mem: memory for the large lookup tables a thread probes at random
 * (token, transliteration, CLK and name caches).
 *
 * sb_table_alloc returns n zeroed bytes aligned to a cache line (64
 * bytes), or to 2 MiB and advised as transparent huge pages when n is
 * 1 MiB or more: a random probe then
 * misses the TLB far less often (on a virtual machine a TLB miss walks
 * two page tables).  The caller owns the memory and releases it with
 * free().  NULL when out of memory.
 */
#ifndef SB_MEM_H
#define SB_MEM_H

#include <stddef.h>

void *sb_table_alloc(size_t n);

/*
 * n zeroed bytes for a table several threads share, aligned to 2 MiB and
 * advised as transparent huge pages, mapped but not touched: the kernel
 * zeroes each page when a thread first touches it, so the threads share
 * that cost instead of one of them paying it all while the others wait.
 * Released with sb_table_unmap(p, n).  NULL when out of memory.
 */
void *sb_table_map(size_t n);
void sb_table_unmap(void *p, size_t n);

/*
 * Zero the pages of table p (of n bytes, from sb_table_map) that are in
 * memory, before a table that held secrets (raw identifiers) is
 * unmapped.  Pages no thread touched are not made just to be zeroed: a
 * short run touches few of sb-anonymise's 10 MB of tables, and zeroing
 * them all took 3 ms at its end.
 */
void sb_table_wipe(void *p, size_t n);

/*
 * malloc, calloc and realloc for large arrays (sb-link's pairs, keys and
 * tables of millions of entries): the same, except that an array of
 * 4 MiB or more is advised as transparent huge pages, so that it is
 * faulted in 2 MiB at a time (a tenth less time for sb-link at 300k
 * mentions, a quarter less system time), and its whole mapping is
 * advised, so that realloc still moves it with mremap, not a copy.
 * Released with free().
 */
void *sb_big_malloc(size_t n);
void *sb_big_calloc(size_t nmemb, size_t size);
void *sb_big_realloc(void *p, size_t n);

#endif
