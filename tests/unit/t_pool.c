/* sb_pool: interning, lookups, ids, growth, long strings, values. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sb_pool.h"
#include "tap.h"

#define NMANY 200000 /* past a dozen rehashes from 64 slots */

static struct sb_pool *
new_pool(unsigned flags)
{
	struct sb_pool *p;

	if (sb_pool_new(&p, flags) != 0 || p == NULL) {
		printf("Bail out! sb_pool_new\n");
		exit(1);
	}
	return p;
}

static uint32_t
add(struct sb_pool *p, const void *s, size_t len, bool *added)
{
	uint32_t id = 0;

	if (sb_pool_intern(p, s, len, &id, added) != 0) {
		printf("Bail out! sb_pool_intern\n");
		exit(1);
	}
	return id;
}

static void
t_basics(void)
{
	struct sb_pool *p = new_pool(0);
	uint32_t a, b;
	bool added;

	ok(sb_pool_count(p) == 0, "an empty pool holds nothing");
	ok(sb_pool_find(p, "x", 1) == 0, "find in an empty pool: 0");
	ok(sb_pool_str(p, 0) == NULL && sb_pool_len(p, 0) == 0,
	    "id 0 is no string");
	a = add(p, "alpha", 5, &added);
	ok(a == 1 && added, "first string: id 1, added");
	b = add(p, "beta", 4, &added);
	ok(b == 2 && added, "second string: id 2, added");
	ok(add(p, "alpha", 5, &added) == a && !added,
	    "alpha again: same id, not added");
	ok(add(p, "alpha", 5, NULL) == a, "added may be NULL");
	ok(sb_pool_count(p) == 2, "two strings");
	ok(sb_pool_find(p, "beta", 4) == b, "find beta");
	ok(sb_pool_find(p, "gamma", 5) == 0, "find an unknown string: 0");
	ok(sb_pool_find(p, "alph", 4) == 0, "a prefix is another string");
	is_str(sb_pool_str(p, a), "alpha", "str of alpha's id");
	ok(sb_pool_len(p, b) == 4, "len of beta's id");
	ok(sb_pool_str(p, 3) == NULL && sb_pool_len(p, 3) == 0,
	    "an id not held: NULL, 0");
	ok(sb_pool_str(p, UINT32_MAX) == NULL, "id UINT32_MAX: NULL");
	ok(sb_pool_val(p, a) == 0, "no values without SB_POOL_VALUES");
	sb_pool_setval(p, a, 7);
	ok(sb_pool_val(p, a) == 0, "setval without SB_POOL_VALUES: no effect");
	sb_pool_free(p);
	sb_pool_free(NULL);
	ok(1, "sb_pool_free(NULL)");
}

static void
t_lengths(void)
{
	static const char nul[] = {'a', '\0', 'b'};
	struct sb_pool *p = new_pool(0);
	const char *buf = "keyboard";
	uint32_t e, k, kb, n1, n3;
	const char *s;

	e = add(p, "", 0, NULL);
	ok(e == 1 && sb_pool_find(p, "", 0) == e, "the empty string has an id");
	ok(sb_pool_str(p, e) != NULL && sb_pool_str(p, e)[0] == '\0' &&
	        sb_pool_len(p, e) == 0,
	    "the empty string reads back empty");
	k = add(p, buf, 3, NULL);
	kb = add(p, buf, 8, NULL);
	ok(k != kb, "a prefix given by length is a string of its own");
	is_str(sb_pool_str(p, k), "key", "the prefix, NUL-terminated");
	is_str(sb_pool_str(p, kb), "keyboard", "the whole buffer");
	ok(sb_pool_find(p, "keyXXX", 3) == k, "lookups read len bytes only");
	n1 = add(p, nul, 1, NULL);
	n3 = add(p, nul, 3, NULL);
	ok(n1 != n3 && sb_pool_len(p, n3) == 3, "embedded NUL: bytes count");
	s = sb_pool_str(p, n3);
	ok(s != NULL && memcmp(s, nul, 3) == 0 && s[3] == '\0',
	    "embedded NUL kept, NUL after");
	ok(sb_pool_find(p, nul, 3) == n3 && sb_pool_find(p, "a", 1) == n1,
	    "embedded NUL: both found");
	ok(sb_pool_find(p, "a\0c", 3) == 0, "bytes after the NUL compared");
	/* A part of a string of the pool, interned in it. */
	s = sb_pool_str(p, kb);
	ok(add(p, s + 3, 5, NULL) == sb_pool_count(p) &&
	        sb_pool_find(p, "board", 5) == sb_pool_count(p),
	    "a part of a pool string interned in the pool");
	sb_pool_free(p);
}

static void
t_many(void)
{
	struct sb_pool *p = new_pool(SB_POOL_VALUES);
	const char **ptr;
	char buf[32];
	size_t i, bad = 0, badptr = 0, badfind = 0;
	int n;

	if ((ptr = calloc(NMANY + 1, sizeof(*ptr))) == NULL) {
		printf("Bail out! calloc\n");
		exit(1);
	}
	for (i = 1; i <= NMANY; i++) {
		bool added;

		n = snprintf(buf, sizeof(buf), "s%zu", i * 7919);
		if (add(p, buf, (size_t)n, &added) != i || !added)
			bad++;
		sb_pool_setval(p, (uint32_t)i, (uint32_t)(i ^ 0x5a5a));
		ptr[i] = sb_pool_str(p, (uint32_t)i);
	}
	ok(bad == 0, "%d strings: ids 1..%d in order, all added", NMANY, NMANY);
	ok(sb_pool_count(p) == NMANY, "count after growth");
	for (i = 1; i <= NMANY; i++) {
		n = snprintf(buf, sizeof(buf), "s%zu", i * 7919);
		if (sb_pool_find(p, buf, (size_t)n) != i ||
		    add(p, buf, (size_t)n, NULL) != i)
			badfind++;
		if (sb_pool_str(p, (uint32_t)i) != ptr[i] ||
		    strcmp(ptr[i], buf) != 0)
			badptr++;
		if (sb_pool_val(p, (uint32_t)i) != (uint32_t)(i ^ 0x5a5a))
			bad++;
	}
	ok(badfind == 0, "every string found again after the rehashes");
	ok(badptr == 0, "strings never moved");
	ok(bad == 0, "values kept through growth");
	ok(sb_pool_count(p) == NMANY, "interning again adds nothing");
	ok(sb_pool_find(p, "s1", 2) == 0, "an unknown string: 0");
	ok(sb_pool_val(p, 0) == 0, "value of id 0: 0 until set");
	sb_pool_setval(p, 0, 42);
	ok(sb_pool_val(p, 0) == 42, "value of id 0 set");
	ok(sb_pool_val(p, NMANY + 1) == 0, "value of an id not held: 0");
	n = snprintf(buf, sizeof(buf), "new");
	ok(add(p, buf, (size_t)n, NULL) == NMANY + 1 &&
	        sb_pool_val(p, NMANY + 1) == 0,
	    "a new id's value is 0");
	free(ptr);
	sb_pool_free(p);
}

static void
t_long(void)
{
	static const size_t lens[] = {
	    16383, 16384, 16385, 65535, 65536, 65537, 300000};
	const size_t nl = sizeof(lens) / sizeof(lens[0]);
	struct sb_pool *p = new_pool(0);
	uint32_t ids[sizeof(lens) / sizeof(lens[0])], small[64];
	char *big, buf[16];
	size_t i, j;
	bool good = true;
	int n;

	if ((big = malloc(lens[nl - 1] + 1)) == NULL) {
		printf("Bail out! malloc\n");
		exit(1);
	}
	/* Short strings between long ones: the current block goes on
	 * filling while long strings get blocks of their own. */
	for (i = 0, j = 0; i < nl; i++) {
		for (; j < (i + 1) * 64 / nl; j++) {
			n = snprintf(buf, sizeof(buf), "short%zu", j);
			small[j] = add(p, buf, (size_t)n, NULL);
		}
		memset(big, 'a' + (int)i, lens[i]);
		big[lens[i] - 1] = 'z';
		ids[i] = add(p, big, lens[i], NULL);
	}
	for (i = 0; i < nl; i++) {
		const char *s = sb_pool_str(p, ids[i]);

		memset(big, 'a' + (int)i, lens[i]);
		big[lens[i] - 1] = 'z';
		if (s == NULL || sb_pool_len(p, ids[i]) != lens[i] ||
		    memcmp(s, big, lens[i]) != 0 || s[lens[i]] != '\0' ||
		    sb_pool_find(p, big, lens[i]) != ids[i])
			good = false;
	}
	ok(good, "long strings (16383 to 300000 bytes) kept and found");
	for (j = 0; j < 64; j++) {
		n = snprintf(buf, sizeof(buf), "short%zu", j);
		if (sb_pool_find(p, buf, (size_t)n) != small[j])
			good = false;
		if (sb_pool_str(p, small[j]) == NULL ||
		    strcmp(sb_pool_str(p, small[j]), buf) != 0)
			good = false;
	}
	ok(good, "short strings between them kept");
	ok(sb_pool_count(p) == nl + 64, "count with long strings");
	free(big);
	sb_pool_free(p);
}

static void
t_hash(void)
{
	struct sb_pool *p = new_pool(0), *q = new_pool(0);
	unsigned same = 0;
	uint32_t i;

	ok(sb_pool_hash(p, "abc", 3) == sb_pool_hash(p, "abc", 3),
	    "the hash is a function of the bytes");
	for (i = 0; i < 16; i++)
		if (sb_pool_hash(p, &i, sizeof(i)) ==
		    sb_pool_hash(q, &i, sizeof(i)))
			same++;
	ok(same < 16, "two pools, two keys");
	sb_pool_free(p);
	sb_pool_free(q);
}

int
main(void)
{
	t_basics();
	t_lengths();
	t_many();
	t_long();
	t_hash();
	return tap_done();
}
