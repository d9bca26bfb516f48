/*
 * sb_pool.c: interned byte strings.
 *
 * strs[id] points into the arena: a list of blocks of BLOCK_BYTES that
 * are filled in turn and never move; a string longer than a quarter of a
 * block gets a block of its own, linked after the current one, which
 * goes on filling.  slots[] (a power of two, at most half full) holds
 * ids, NONE when empty, probed linearly from the string's hash; the hash
 * is kept in strs[] so that rehashing does not hash again.
 */
#include "sb_pool.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#define NONE UINT32_MAX
#define BLOCK_BYTES 65536 /* arena block */
#define FIRST_IDS 16      /* room for ids, id 0 included, at first */
#define FIRST_SLOTS 64

struct block {
	struct block *next;
	size_t used, cap;
	char data[];
};

struct str {
	const char *s; /* NUL-terminated, in the arena; NULL for id 0 */
	uint32_t len;
	uint32_t hash;
};

struct sb_pool {
	struct str *strs; /* by id */
	uint32_t *vals;   /* by id, with SB_POOL_VALUES */
	size_t n, cap;    /* ids in use (0 included), room */
	uint32_t *slots;  /* ids, NONE when empty */
	size_t nslots;    /* a power of two, or 0 */
	struct block *blocks;
	unsigned flags;
	unsigned char key[crypto_shorthash_KEYBYTES];
};

uint32_t
sb_pool_hash(const struct sb_pool *p, const void *b, size_t len)
{
	unsigned char h[crypto_shorthash_BYTES];
	uint32_t v;

	crypto_shorthash(h, b, len, p->key);
	memcpy(&v, h, sizeof(v));
	return v;
}

/* A copy of s[len] and a NUL in the arena; NULL when out of memory. */
static const char *
arena_copy(struct sb_pool *p, const char *s, size_t len)
{
	struct block *b = p->blocks;
	char *d;

	if (b == NULL || b->cap - b->used < len + 1) {
		bool own = len + 1 > BLOCK_BYTES / 4;
		size_t cap = own ? len + 1 : BLOCK_BYTES;

		if (cap > SIZE_MAX - sizeof(*b) ||
		    (b = malloc(sizeof(*b) + cap)) == NULL)
			return NULL;
		b->used = 0;
		b->cap = cap;
		if (own && p->blocks != NULL) {
			/* A long string, in a block of its own: the
			 * current block goes on filling. */
			b->next = p->blocks->next;
			p->blocks->next = b;
		} else {
			b->next = p->blocks;
			p->blocks = b;
		}
	}
	d = b->data + b->used;
	memcpy(d, s, len);
	d[len] = '\0';
	b->used += len + 1;
	return d;
}

static int
rehash(struct sb_pool *p)
{
	size_t n = p->nslots ? p->nslots * 2 : FIRST_SLOTS, mask = n - 1, i, j;
	uint32_t *slots;

	if (n > SIZE_MAX / sizeof(*slots) ||
	    (slots = malloc(n * sizeof(*slots))) == NULL)
		return -1;
	memset(slots, 0xff, n * sizeof(*slots));
	for (i = 1; i < p->n; i++) {
		for (j = p->strs[i].hash & mask; slots[j] != NONE;
		     j = (j + 1) & mask)
			continue;
		slots[j] = (uint32_t)i;
	}
	free(p->slots);
	p->slots = slots;
	p->nslots = n;
	return 0;
}

/* The id of s[len] (hash h), or 0; *slot (may be NULL) is where it is or
 * would go. */
static uint32_t
find(const struct sb_pool *p, const char *s, size_t len, uint32_t h,
    size_t *slot)
{
	const struct str *v;
	size_t i, mask;

	if (p->nslots == 0 || len > UINT32_MAX)
		return 0;
	mask = p->nslots - 1;
	for (i = h & mask; p->slots[i] != NONE; i = (i + 1) & mask) {
		v = &p->strs[p->slots[i]];
		if (v->hash == h && v->len == len &&
		    memcmp(v->s, s, len) == 0) {
			if (slot != NULL)
				*slot = i;
			return p->slots[i];
		}
	}
	if (slot != NULL)
		*slot = i;
	return 0;
}

/* Room for one more id in strs (and vals). */
static int
grow(struct sb_pool *p)
{
	size_t cap = p->cap ? p->cap * 2 : FIRST_IDS;
	struct str *s;
	uint32_t *v;

	if (cap > SIZE_MAX / sizeof(*s) ||
	    (s = realloc(p->strs, cap * sizeof(*s))) == NULL)
		return -1;
	p->strs = s;
	if (p->flags & SB_POOL_VALUES) {
		if ((v = realloc(p->vals, cap * sizeof(*v))) == NULL)
			return -1;
		p->vals = v;
	}
	p->cap = cap;
	return 0;
}

int
sb_pool_new(struct sb_pool **out, unsigned flags)
{
	struct sb_pool *p;

	*out = NULL;
	if (sodium_init() < 0 || (p = calloc(1, sizeof(*p))) == NULL)
		return -1;
	p->flags = flags;
	randombytes_buf(p->key, sizeof(p->key));
	if (grow(p) != 0) {
		sb_pool_free(p);
		return -1;
	}
	/* Id 0: no string, value 0. */
	memset(&p->strs[0], 0, sizeof(p->strs[0]));
	if (p->vals != NULL)
		p->vals[0] = 0;
	p->n = 1;
	*out = p;
	return 0;
}

void
sb_pool_free(struct sb_pool *p)
{
	struct block *b, *next;

	if (p == NULL)
		return;
	for (b = p->blocks; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	free(p->strs);
	free(p->vals);
	free(p->slots);
	free(p);
}

int
sb_pool_intern(
    struct sb_pool *p, const void *s, size_t len, uint32_t *id, bool *added)
{
	uint32_t h = sb_pool_hash(p, s, len);
	struct str *v;
	size_t slot = 0; /* set by find; -O3 cannot tell */

	if (added != NULL)
		*added = false;
	if (len > UINT32_MAX)
		return -1;
	if ((p->n + 1) * 2 > p->nslots && rehash(p) != 0)
		return -1;
	if ((*id = find(p, s, len, h, &slot)) != 0)
		return 0;
	if (p->n - 1 >= SB_POOL_MAX)
		return -1;
	if (p->n == p->cap && grow(p) != 0)
		return -1;
	v = &p->strs[p->n];
	if ((v->s = arena_copy(p, s, len)) == NULL)
		return -1;
	v->len = (uint32_t)len;
	v->hash = h;
	if (p->vals != NULL)
		p->vals[p->n] = 0;
	p->slots[slot] = (uint32_t)p->n;
	*id = (uint32_t)p->n++;
	if (added != NULL)
		*added = true;
	return 0;
}

uint32_t
sb_pool_find(const struct sb_pool *p, const void *s, size_t len)
{
	if (p->nslots == 0 || len > UINT32_MAX)
		return 0;
	return find(p, s, len, sb_pool_hash(p, s, len), NULL);
}

const char *
sb_pool_str(const struct sb_pool *p, uint32_t id)
{
	return id < p->n ? p->strs[id].s : NULL;
}

size_t
sb_pool_len(const struct sb_pool *p, uint32_t id)
{
	return id < p->n ? p->strs[id].len : 0;
}

size_t
sb_pool_count(const struct sb_pool *p)
{
	return p->n - 1;
}

uint32_t
sb_pool_val(const struct sb_pool *p, uint32_t id)
{
	if (p->vals != NULL && id < p->n)
		return p->vals[id];
	return 0;
}

void
sb_pool_setval(struct sb_pool *p, uint32_t id, uint32_t v)
{
	if (p->vals != NULL && id < p->n)
		p->vals[id] = v;
}
