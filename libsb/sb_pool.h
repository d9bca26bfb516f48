/*
 * sb_pool: an interning pool of byte strings.
 *
 * Each distinct string (any bytes, NULs included: lengths are given, up
 * to UINT32_MAX bytes) is stored once and named by an id: 1, 2, 3, ... in
 * the order strings were first interned.  Id 0 is no string: a lookup
 * that finds nothing returns it, and callers use it for "missing" or
 * "none".  A pool holds at most SB_POOL_MAX strings.
 *
 * The table is open-addressing, hashed with SipHash-2-4 (libsodium
 * crypto_shorthash) under a random key per pool, so strings an attacker
 * chooses cannot make it degenerate.  sb_pool_hash() gives that hash to
 * callers that keep a table of their own beside the pool.
 *
 * A pool made with SB_POOL_VALUES also holds one uint32_t per id, id 0
 * included, 0 until set: what the caller maps the strings to.
 *
 * Ownership: the pool copies every string it interns into an arena of
 * blocks that never move: the strings sb_pool_str() returns are
 * NUL-terminated and stay valid, at the same address, until
 * sb_pool_free(), however many strings are interned after them (a string
 * of the pool, or a part of one, may itself be interned).  The readers
 * (sb_pool_find, _str, _len, _count, _val, _hash) only read and may run
 * in several threads at once while nothing interns or sets a value.
 */
#ifndef SB_POOL_H
#define SB_POOL_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SB_POOL_MAX ((size_t)UINT32_MAX - 2) /* strings in one pool */

#define SB_POOL_VALUES 0x1 /* a value per id */

struct sb_pool;

/* An empty pool; flags: 0 or SB_POOL_VALUES.  0, or -1 (out of memory,
 * or libsodium cannot start) with *out NULL. */
int sb_pool_new(struct sb_pool **out, unsigned flags);
void sb_pool_free(struct sb_pool *p);

/* *id = the id of s[len], interned when new (then *added, which may be
 * NULL, is set true, and the value of the new id is 0).  0, or -1 when
 * out of memory or the pool is full: the pool is as it was then. */
int sb_pool_intern(
    struct sb_pool *p, const void *s, size_t len, uint32_t *id, bool *added);
/* The id of s[len], or 0 when p does not hold it. */
uint32_t sb_pool_find(const struct sb_pool *p, const void *s, size_t len);
/* The string of id and its length: NULL and 0 for id 0 or an id p does
 * not hold. */
const char *sb_pool_str(const struct sb_pool *p, uint32_t id);
size_t sb_pool_len(const struct sb_pool *p, uint32_t id);
/* Strings held: the highest id. */
size_t sb_pool_count(const struct sb_pool *p);

/* The value of id (0 to sb_pool_count()), and setting it; 0 and no
 * effect for another id or a pool made without SB_POOL_VALUES. */
uint32_t sb_pool_val(const struct sb_pool *p, uint32_t id);
void sb_pool_setval(struct sb_pool *p, uint32_t id, uint32_t v);

/* SipHash-2-4 of b[len] under p's key, cut to 32 bits. */
uint32_t sb_pool_hash(const struct sb_pool *p, const void *b, size_t len);
#endif
