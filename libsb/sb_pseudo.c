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

int
sb_pseudo_token_sub(const unsigned char sub[SB_KEY_BYTES], const char *type,
    const char *norm, size_t n, char *out, size_t cap)
{
	static const char digits[] = "0123456789abcdef";
	unsigned char h[TOKEN_BYTES];
	size_t tl = strlen(type), i;

	if (tl + 2 + 2 * TOKEN_BYTES > cap)
		return -1;
	crypto_generichash(h, sizeof h, (const unsigned char *)norm, n, sub,
	    SB_KEY_BYTES);
	memcpy(out, type, tl);
	out[tl] = ':';
	/* Tokens are not secret once written: plain hex, not libsodium's
	 * constant-time sodium_bin2hex. */
	for (i = 0; i < TOKEN_BYTES; i++) {
		out[tl + 1 + 2 * i] = digits[h[i] >> 4];
		out[tl + 2 + 2 * i] = digits[h[i] & 15];
	}
	out[tl + 1 + 2 * TOKEN_BYTES] = '\0';
	return (int)(tl + 1 + 2 * TOKEN_BYTES);
}

#define CACHE_SLOTS 8192 /* a power of two */
#define CACHE_KEY 78	 /* type, NUL, value: longer ones are not cached */

struct cache_ent {
	const unsigned char *sub;
	uint8_t klen; /* 0: empty */
	char key[CACHE_KEY];
	char hex[2 * TOKEN_BYTES];
};

struct sb_pseudo_cache {
	struct cache_ent e[CACHE_SLOTS];
};

struct sb_pseudo_cache *
sb_pseudo_cache_new(void)
{
	return calloc(1, sizeof(struct sb_pseudo_cache));
}

void
sb_pseudo_cache_free(struct sb_pseudo_cache *c)
{
	if (c == NULL)
		return;
	sodium_memzero(c, sizeof *c);
	free(c);
}

int
sb_pseudo_token_cached(struct sb_pseudo_cache *c,
    const unsigned char sub[SB_KEY_BYTES], const char *type,
    const char *norm, size_t n, char *out, size_t cap)
{
	char key[CACHE_KEY];
	size_t tl = strlen(type), kl = tl + 1 + n;
	struct cache_ent *e;
	int len;

	if (c == NULL || kl > CACHE_KEY || tl + 2 + 2 * TOKEN_BYTES > cap)
		return sb_pseudo_token_sub(sub, type, norm, n, out, cap);
	memcpy(key, type, tl + 1);
	memcpy(key + tl + 1, norm, n);
	e = &c->e[(sb_fnv1a64(key, kl) ^ (uintptr_t)sub) & (CACHE_SLOTS - 1)];
	if (e->sub == sub && e->klen == kl && memcmp(e->key, key, kl) == 0) {
		memcpy(out, type, tl);
		out[tl] = ':';
		memcpy(out + tl + 1, e->hex, sizeof e->hex);
		out[tl + 1 + sizeof e->hex] = '\0';
		return (int)(tl + 1 + sizeof e->hex);
	}
	if ((len = sb_pseudo_token_sub(sub, type, norm, n, out, cap)) < 0)
		return len;
	e->sub = sub;
	e->klen = (uint8_t)kl;
	memcpy(e->key, key, kl);
	memcpy(e->hex, out + tl + 1, sizeof e->hex);
	return len;
}
