#include "sb_pseudo.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "sb_hash.h"
#include "sb_ids.h"
#include "sb_mem.h"
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

int
sb_pseudo_normalise(const char *type, const char *scheme,
    const char *country, const char *value, size_t n, char *out, size_t cap)
{
	const char *cc = country != NULL && country[0] != '\0' ? country :
	    NULL;
	int sch;

	if (strcmp(type, "phone") == 0)
		return sb_phone_e164(value, n, cc != NULL ? cc : "", out, cap);
	if (strcmp(type, "email") == 0)
		return memchr(value, '@', n) != NULL ? lower_trim(value, n, 0,
		    out, cap) : -1;
	if (strcmp(type, "handle") == 0)
		return lower_trim(value, n, 1, out, cap);
	if (strcmp(type, "iban") == 0)
		return sb_iban_canonical(value, n, out, cap);
	if (strcmp(type, "plate") == 0)
		return cc != NULL ? sb_plate_canonical(cc, value, n, out, cap) :
		    -1;
	if (strcmp(type, "passport") == 0) {
		int r = cc != NULL ? sb_passport_canonical(cc, value, n, out,
		    cap) : -1;

		return r >= 0 ? r : upper_alnum(value, n, out, cap);
	}
	if (strcmp(type, "ip") == 0)
		return ip_canonical(value, n, out, cap);
	if (strcmp(type, "card") == 0)
		return card_digits(value, n, out, cap);
	if (strcmp(type, "id_card") == 0)
		return upper_alnum(value, n, out, cap);
	if (strcmp(type, "national_id") == 0) {
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

/* A power of two.  32,768 entries (2 MB, one huge page) hit more than
 * 8,192 did: 1-2% less time over 20k cases in 12 interleaved runs. */
#define CACHE_SLOTS 32768
#define CACHE_VAL 39	 /* longest value cached, bytes */
#define CACHE_SUBS 16	 /* subkeys with a prepared BLAKE2b state */

/*
 * One cache line an entry, holding the token in binary: a lookup misses
 * the processor's caches once, and an entry holds what two did before.
 * The hash of the value comes from the subkey alone, not the type, so
 * (subkey, value) identifies it.
 */
struct cache_ent {
	const unsigned char *sub;
	uint8_t len; /* of val; 0: empty */
	char val[CACHE_VAL];
	unsigned char tok[TOKEN_BYTES];
};

/* BLAKE2b keyed by a subkey, initialised once: a copy of it, not a
 * fresh init, starts each token (libsodium's init, update and final are
 * the one-shot call in parts, so the tokens are the same). */
struct prep {
	const unsigned char *sub;
	crypto_generichash_state st;
};

/* The entries are one huge page exactly, apart from the rest: with the
 * prepared states after them they took two, and the second one's
 * zeroing cost more than the states save (a fresh page costs this
 * virtual machine about 3 ms per 2 MiB). */
struct sb_pseudo_cache {
	struct cache_ent *e; /* CACHE_SLOTS */
	struct prep prep[CACHE_SUBS];
	size_t nprep;
};

_Static_assert(sizeof(struct cache_ent) == 64, "a cache entry is a line");

struct sb_pseudo_cache *
sb_pseudo_cache_new(void)
{
	struct sb_pseudo_cache *c = calloc(1, sizeof(*c));

	if (c != NULL &&
	    (c->e = sb_table_alloc(CACHE_SLOTS * sizeof(*c->e))) == NULL) {
		free(c);
		c = NULL;
	}
	return c;
}

void
sb_pseudo_cache_free(struct sb_pseudo_cache *c)
{
	if (c == NULL)
		return;
	sodium_memzero(c->e, CACHE_SLOTS * sizeof(*c->e));
	free(c->e);
	sodium_memzero(c, sizeof *c);
	free(c);
}

/* The keyed BLAKE2b of norm under sub, through a prepared state where
 * there is room for one. */
static void
cached_hash(struct sb_pseudo_cache *c, const unsigned char *sub,
    const char *norm, size_t n, unsigned char h[TOKEN_BYTES])
{
	crypto_generichash_state st;
	size_t i;

	for (i = 0; i < c->nprep && c->prep[i].sub != sub; i++)
		;
	if (i == c->nprep) {
		if (i == CACHE_SUBS) {
			crypto_generichash(h, TOKEN_BYTES,
			    (const unsigned char *)norm, n, sub, SB_KEY_BYTES);
			return;
		}
		c->prep[i].sub = sub;
		crypto_generichash_init(&c->prep[i].st, sub, SB_KEY_BYTES,
		    TOKEN_BYTES);
		c->nprep++;
	}
	memcpy(&st, &c->prep[i].st, sizeof(st));
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
slot_of(const unsigned char *sub, const char *norm, size_t n)
{
	return (sb_hash_bytes(norm, n) ^ (uintptr_t)sub) & (CACHE_SLOTS - 1);
}

void
sb_pseudo_cache_prefetch(const struct sb_pseudo_cache *c,
    const unsigned char sub[SB_KEY_BYTES], const char *norm, size_t n)
{
	if (c != NULL && n > 0 && n <= CACHE_VAL)
		__builtin_prefetch(&c->e[slot_of(sub, norm, n)], 1);
}

int
sb_pseudo_token_cached(struct sb_pseudo_cache *c,
    const unsigned char sub[SB_KEY_BYTES], const char *type,
    const char *norm, size_t n, char *out, size_t cap)
{
	size_t tl = strlen(type);
	struct cache_ent *e;

	if (c == NULL || tl + 2 + 2 * TOKEN_BYTES > cap)
		return sb_pseudo_token_sub(sub, type, norm, n, out, cap);
	if (n == 0 || n > CACHE_VAL) {
		unsigned char h[TOKEN_BYTES];

		cached_hash(c, sub, norm, n, h);
		return put_token(type, tl, h, out);
	}
	e = &c->e[slot_of(sub, norm, n)];
	if (e->sub != sub || e->len != n || memcmp(e->val, norm, n) != 0) {
		cached_hash(c, sub, norm, n, e->tok);
		e->sub = sub;
		e->len = (uint8_t)n;
		memcpy(e->val, norm, n);
	}
	return put_token(type, tl, e->tok, out);
}
