/*
 * sb_hash: FNV-1a, the unkeyed hash of libsb's in-memory tables and
 * caches (name caches, the country index, the token cache).  Not for
 * anything an attacker chooses the keys of in bulk: tables of untrusted
 * rows use keyed SipHash (see sb_kanon).
 */
#ifndef SB_HASH_H
#define SB_HASH_H
#include <stddef.h>
#include <stdint.h>

static inline uint32_t
sb_fnv1a32(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint32_t h = 2166136261u;

	while (n-- > 0)
		h = (h ^ *s++) * 16777619u;
	return h;
}

static inline uint64_t
sb_fnv1a64(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 14695981039346656037ull;

	while (n-- > 0)
		h = (h ^ *s++) * 1099511628211ull;
	return h;
}
#endif
