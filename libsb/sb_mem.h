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

#endif
