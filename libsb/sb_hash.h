/*
 * sb_hash: FNV-1a, the unkeyed hash of libsb's in-memory tables and
 * caches (name caches, the country index, the token cache), and a mix of
 * two 64-bit values for tables keyed by numbers.  Not for
 * anything an attacker chooses the keys of in bulk: tables of untrusted
 * rows use keyed SipHash (see sb_kanon).
 */
#ifndef SB_HASH_H
#define SB_HASH_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

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

/* A 64-bit mix of two values: a multiplied by the golden ratio, xored
 * with b, through splitmix64's finaliser.  sb-link's blocking keys and
 * samples are made with it: changing it changes sb-link's output. */
static inline uint64_t
sb_mix64(uint64_t a, uint64_t b)
{
	uint64_t x = a * 0x9e3779b97f4a7c15ull ^ b;

	x ^= x >> 31;
	x *= 0xbf58476d1ce4e5b9ull;
	x ^= x >> 29;
	x *= 0x94d049bb133111ebull;
	return x ^ (x >> 32);
}

/* A hash of a short byte string, eight bytes a step: for table slots,
 * where FNV-1a's byte-serial multiplies showed in profiles. */
static inline uint64_t
sb_hash_bytes(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = n, w;

	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0x9e3779b97f4a7c15ull;
		h ^= h >> 32;
	}
	for (w = 0; n > 0; n--)
		w = w << 8 | s[n - 1];
	return sb_mix64(h, w);
}
#endif
