#include "sb_pseudo.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "sb_hash.h"
#include "sb_ids.h"
#include "sb_mem.h"
#include "sb_seqlock.h"
#include "sb_text.h"

#define TOKEN_BYTES 16

/* Lower case (Unicode), without surrounding blanks and a leading '@'. */
static int
lower_trim(const char *s, size_t n, int strip_at, char *out, size_t cap)
{
	while (n > 0 && isspace((unsigned char)*s))
		s++, n--;
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	if (strip_at && n > 0 && *s == '@')
		s++, n--;
	if (n == 0)
		return -1;
	return sb_text_fold(s, n, out, cap);
}

/* A passport number without its country's shape (or without a country):
 * upper-case letters and digits, the canonical form of every shape, so
 * that the number written with and without its country meets itself. */
static int
upper_alnum(const char *s, size_t n, char *out, size_t cap)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x80)
			return -1;
		if (!isalnum(c))
			continue;
		if (o + 1 >= cap)
			return -1;
		out[o++] = (char)toupper(c);
	}
	if (o == 0)
		return -1;
	out[o] = '\0';
	return (int)o;
}

/* An IP address as inet_ntop(3) writes it: IPv4 dotted decimal, IPv6
 * in its shortest form, lower case. */
static int
ip_canonical(const char *s, size_t n, char *out, size_t cap)
{
	char in[INET6_ADDRSTRLEN + 1], txt[INET6_ADDRSTRLEN];
	unsigned char bin[16];
	size_t len;

	while (n > 0 && isspace((unsigned char)*s))
		s++, n--;
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	if (n == 0 || n >= sizeof(in))
		return -1;
	memcpy(in, s, n);
	in[n] = '\0';
	if (inet_pton(AF_INET, in, bin) == 1) {
		if (inet_ntop(AF_INET, bin, txt, sizeof(txt)) == NULL)
			return -1;
	} else if (inet_pton(AF_INET6, in, bin) == 1) {
		if (inet_ntop(AF_INET6, bin, txt, sizeof(txt)) == NULL)
			return -1;
	} else {
		return -1;
	}
	if ((len = strlen(txt)) >= cap)
		return -1;
	memcpy(out, txt, len + 1);
	return (int)len;
}

/* A payment card: its digits, when they pass the Luhn check. */
static int
card_digits(const char *s, size_t n, char *out, size_t cap)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		if (isdigit((unsigned char)s[i])) {
			if (o + 1 >= cap)
				return -1;
			out[o++] = s[i];
		} else if (s[i] != ' ' && s[i] != '-') {
			return -1;
		}
	}
	out[o] = '\0';
	return o >= 12 && o <= 19 && sb_card_valid(out, o) ? (int)o : -1;
}

/* strcmp(type, lit) == 0, the first letters compared inline: a text's
 * identifiers are normalised by type, ten types tried in turn. */
static inline bool
type_is(const char *type, const char *lit)
{
	return type[0] == lit[0] && strcmp(type, lit) == 0;
}

int
sb_pseudo_normalise(const char *type, const char *scheme,
    const char *country, const char *value, size_t n, char *out, size_t cap)
{
	const char *cc = country != NULL && country[0] != '\0' ? country :
	    NULL;
	int sch;

	if (type_is(type, "phone"))
		return sb_phone_e164(value, n, cc != NULL ? cc : "", out, cap);
	if (type_is(type, "email"))
		return memchr(value, '@', n) != NULL ? lower_trim(value, n, 0,
		    out, cap) : -1;
	if (type_is(type, "handle"))
		return lower_trim(value, n, 1, out, cap);
	if (type_is(type, "iban"))
		return sb_iban_canonical(value, n, out, cap);
	if (type_is(type, "plate"))
		return cc != NULL ? sb_plate_canonical(cc, value, n, out, cap) :
		    -1;
	if (type_is(type, "passport")) {
		int r = cc != NULL ? sb_passport_canonical(cc, value, n, out,
		    cap) : -1;

		return r >= 0 ? r : upper_alnum(value, n, out, cap);
	}
	if (type_is(type, "ip"))
		return ip_canonical(value, n, out, cap);
	if (type_is(type, "card"))
		return card_digits(value, n, out, cap);
	if (type_is(type, "id_card"))
		return upper_alnum(value, n, out, cap);
	if (type_is(type, "national_id")) {
		if (scheme == NULL || (sch = sb_id_scheme_by_name(scheme)) < 0)
			return -1;
		return sb_id_canonical(sch, value, n, out, cap);
	}
	return -1;
}

int
sb_pseudo_token(const struct sb_key *key, const char *type,
    const char *norm, size_t n, char *out, size_t cap)
{
	unsigned char sub[SB_KEY_BYTES];
	int len;

	sb_key_subkey(key, type, sub);
	len = sb_pseudo_token_sub(sub, type, norm, n, out, cap);
	sodium_memzero(sub, sizeof sub);
	return len;
}

static int put_token(const char *type, size_t tl,
    const unsigned char h[TOKEN_BYTES], char *out);

int
sb_pseudo_token_sub(const unsigned char sub[SB_KEY_BYTES], const char *type,
    const char *norm, size_t n, char *out, size_t cap)
{
	unsigned char h[TOKEN_BYTES];
	size_t tl = strlen(type);

	if (tl + 2 + 2 * TOKEN_BYTES > cap)
		return -1;
	crypto_generichash(h, sizeof h, (const unsigned char *)norm, n, sub,
	    SB_KEY_BYTES);
	return put_token(type, tl, h, out);
}

/*
 * A power of two: 65,536 entries, 4 MB, shared by a run's threads.
 * Over 20k cases the tokens of two threads' own 2 MB caches missed
 * 221,466 times in 430,157 lookups, a shared 4 MB one 176,988: a
 * value both threads meet is hashed once, and a keyed BLAKE2b costs
 * this machine some 460 ns (two compressions: libsodium keeps the key
 * block until data follows it).
 */
#define CACHE_SLOTS 65536
#define CACHE_VAL 42	 /* longest value cached, bytes */
#define CACHE_SUBS 16	 /* subkeys a table and a handle know */

/*
 * One cache line an entry, holding the token in binary, under a
 * sequence lock (sb_seqlock.h): a reader that meets a writer counts a
 * miss.  sub is the table's number for the subkey (0: empty), so
 * (subkey, value) identifies an entry.
 */
struct cache_ent {
	_Atomic uint32_t seq;
	uint8_t sub;
	uint8_t len; /* of val */
	char val[CACHE_VAL];
	unsigned char tok[TOKEN_BYTES];
};

_Static_assert(sizeof(struct cache_ent) == 64, "a cache entry is a line");

struct sb_pseudo_table {
	struct cache_ent *e; /* CACHE_SLOTS */
	pthread_mutex_t mx;  /* for subs */
	const unsigned char *subs[CACHE_SUBS]; /* numbered from 1 */
	size_t nsubs;
};

/* BLAKE2b keyed by a subkey, initialised once: a copy of it, not a
 * fresh init, starts each token (libsodium's init, update and final are
 * the one-shot call in parts, so the tokens are the same). */
struct prep {
	const unsigned char *sub;
	uint8_t id; /* the table's number for sub, 0: none */
	crypto_generichash_state st;
};

/* A thread's handle on a table: its own prepared states. */
struct sb_pseudo_cache {
	struct sb_pseudo_table *t;
	bool own; /* t is the handle's, not shared */
	struct prep prep[CACHE_SUBS];
	size_t nprep;
};

struct sb_pseudo_table *
sb_pseudo_table_new(void)
{
	struct sb_pseudo_table *t = calloc(1, sizeof(*t));

	if (t == NULL)
		return NULL;
	/* Mapped, not touched: the threads that use it make its pages. */
	if ((t->e = sb_table_map(CACHE_SLOTS * sizeof(*t->e))) == NULL ||
	    pthread_mutex_init(&t->mx, NULL) != 0) {
		sb_table_unmap(t->e, CACHE_SLOTS * sizeof(*t->e));
		free(t);
		return NULL;
	}
	return t;
}

void
sb_pseudo_table_free(struct sb_pseudo_table *t)
{
	if (t == NULL)
		return;
	sb_table_wipe(t->e, CACHE_SLOTS * sizeof(*t->e));
	sb_table_unmap(t->e, CACHE_SLOTS * sizeof(*t->e));
	pthread_mutex_destroy(&t->mx);
	free(t);
}

struct sb_pseudo_cache *
sb_pseudo_cache_new_shared(struct sb_pseudo_table *t)
{
	struct sb_pseudo_cache *c;

	if (t == NULL || (c = calloc(1, sizeof(*c))) == NULL)
		return NULL;
	c->t = t;
	return c;
}

struct sb_pseudo_cache *
sb_pseudo_cache_new(void)
{
	struct sb_pseudo_table *t = sb_pseudo_table_new();
	struct sb_pseudo_cache *c = sb_pseudo_cache_new_shared(t);

	if (c == NULL) {
		sb_pseudo_table_free(t);
		return NULL;
	}
	c->own = true;
	return c;
}

void
sb_pseudo_cache_free(struct sb_pseudo_cache *c)
{
	if (c == NULL)
		return;
	if (c->own)
		sb_pseudo_table_free(c->t);
	sodium_memzero(c, sizeof *c);
	free(c);
}

/* The table's number for sub (registered the first time), 0 when the
 * table knows CACHE_SUBS others already. */
static uint8_t
table_id(struct sb_pseudo_table *t, const unsigned char *sub)
{
	size_t i;

	pthread_mutex_lock(&t->mx);
	for (i = 0; i < t->nsubs && t->subs[i] != sub; i++)
		;
	if (i == t->nsubs && i < CACHE_SUBS)
		t->subs[t->nsubs++] = sub;
	pthread_mutex_unlock(&t->mx);
	return i < CACHE_SUBS ? (uint8_t)(i + 1) : 0;
}

/* c's prepared state for sub (made the first time), NULL when c has
 * CACHE_SUBS others. */
static struct prep *
prep_of(struct sb_pseudo_cache *c, const unsigned char *sub)
{
	struct prep *p;
	size_t i;

	for (i = 0; i < c->nprep && c->prep[i].sub != sub; i++)
		;
	if (i < c->nprep)
		return &c->prep[i];
	if (i == CACHE_SUBS)
		return NULL;
	p = &c->prep[c->nprep++];
	p->sub = sub;
	p->id = table_id(c->t, sub);
	crypto_generichash_init(&p->st, sub, SB_KEY_BYTES, TOKEN_BYTES);
	return p;
}

/* The keyed BLAKE2b of norm under sub, through a prepared state where
 * there is one. */
static void
hash_with(const struct prep *p, const unsigned char *sub, const char *norm,
    size_t n, unsigned char h[TOKEN_BYTES])
{
	crypto_generichash_state st;

	if (p == NULL) {
		crypto_generichash(h, TOKEN_BYTES, (const unsigned char *)norm,
		    n, sub, SB_KEY_BYTES);
		return;
	}
	memcpy(&st, &p->st, sizeof(st));
	crypto_generichash_update(&st, (const unsigned char *)norm, n);
	crypto_generichash_final(&st, h, TOKEN_BYTES);
	sodium_memzero(&st, sizeof(st));
}

static int
put_token(const char *type, size_t tl, const unsigned char h[TOKEN_BYTES],
    char *out)
{
	static const char digits[] = "0123456789abcdef";

	memcpy(out, type, tl);
	out[tl] = ':';
	/* Tokens are not secret once written: plain hex, not libsodium's
	 * constant-time sodium_bin2hex. */
	for (size_t i = 0; i < TOKEN_BYTES; i++) {
		out[tl + 1 + 2 * i] = digits[h[i] >> 4];
		out[tl + 2 + 2 * i] = digits[h[i] & 15];
	}
	out[tl + 1 + 2 * TOKEN_BYTES] = '\0';
	return (int)(tl + 1 + 2 * TOKEN_BYTES);
}

static size_t
slot_of(uint8_t id, const char *norm, size_t n)
{
	return (sb_hash_bytes(norm, n) ^ (uint64_t)id * 0x9E3779B97F4A7C15u) &
	    (CACHE_SLOTS - 1);
}

void
sb_pseudo_cache_prefetch(struct sb_pseudo_cache *c,
    const unsigned char sub[SB_KEY_BYTES], const char *norm, size_t n)
{
	struct prep *p;

	if (c != NULL && n > 0 && n <= CACHE_VAL &&
	    (p = prep_of(c, sub)) != NULL && p->id != 0)
		__builtin_prefetch(&c->t->e[slot_of(p->id, norm, n)], 1);
}

/* Is e the entry of (id, norm[0..n))?  Its token in tok when it is. */
static bool
entry_get(struct cache_ent *e, uint8_t id, const char *norm, size_t n,
    unsigned char tok[TOKEN_BYTES])
{
	uint32_t s;

	if (!sb_seq_read_begin(&e->seq, &s) || e->sub != id || e->len != n ||
	    memcmp(e->val, norm, n) != 0)
		return false;
	memcpy(tok, e->tok, TOKEN_BYTES);
	return sb_seq_read_end(&e->seq, s);
}

/* Make e the entry of (id, norm[0..n)) with token tok, unless another
 * thread is writing it. */
static void
entry_put(struct cache_ent *e, uint8_t id, const char *norm, size_t n,
    const unsigned char tok[TOKEN_BYTES])
{
	uint32_t s;

	if (!sb_seq_write_begin(&e->seq, &s))
		return;
	e->sub = id;
	e->len = (uint8_t)n;
	memcpy(e->val, norm, n);
	memcpy(e->tok, tok, TOKEN_BYTES);
	sb_seq_write_end(&e->seq, s);
}

int
sb_pseudo_token_cached(struct sb_pseudo_cache *c,
    const unsigned char sub[SB_KEY_BYTES], const char *type,
    const char *norm, size_t n, char *out, size_t cap)
{
	size_t tl = strlen(type);
	unsigned char h[TOKEN_BYTES];
	struct cache_ent *e;
	struct prep *p;

	if (c == NULL || tl + 2 + 2 * TOKEN_BYTES > cap)
		return sb_pseudo_token_sub(sub, type, norm, n, out, cap);
	p = prep_of(c, sub);
	if (n == 0 || n > CACHE_VAL || p == NULL || p->id == 0) {
		hash_with(p, sub, norm, n, h);
		return put_token(type, tl, h, out);
	}
	e = &c->t->e[slot_of(p->id, norm, n)];
	if (!entry_get(e, p->id, norm, n, h)) {
		hash_with(p, sub, norm, n, h);
		entry_put(e, p->id, norm, n, h);
	}
	return put_token(type, tl, h, out);
}
