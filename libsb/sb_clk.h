/*
 * sb_clk: cryptographic long-term keys (CLKs), the Bloom-filter encodings
 * of names and dates that sb-link compares without seeing them (issue 4,
 * point 3; issue 5).
 *
 * The text (already normalised: see sb-anonymise) is padded with '_' and
 * cut into q-grams; each q-gram sets k bits of an m-bit filter, at
 * h1 + i*h2 mod m (double hashing), h1 and h2 from keyed SipHash-2-4
 * with 128-bit output (libsodium crypto_shorthash_siphashx24) under the
 * first 16 bytes of the field's subkey.  Two encodings are compared with
 * the Dice coefficient, counted with the hardware popcount.
 *
 * Parameters are recorded with every encoding (struct sb_clk_params).
 * Writes into caller buffers; no state.
 */
#ifndef SB_CLK_H
#define SB_CLK_H

#include <stddef.h>
#include <stdint.h>

#include "sb_key.h"

#define SB_CLK_MAX_BITS 4096

struct sb_clk_params {
	unsigned bits;   /* m: a multiple of 64, at most SB_CLK_MAX_BITS */
	unsigned k;      /* bits set per q-gram */
	unsigned q;      /* q-gram length, in code points */
};

/* 1024 bits, k = 20, bigrams: the defaults. */
extern const struct sb_clk_params sb_clk_default;

/* Encode text[0..n) (UTF-8) under the subkey of `field` into `words`
 * (bits/64 words, zeroed here).  Returns 0, or -1 for bad parameters or
 * text that is not UTF-8. */
int sb_clk_encode(const struct sb_key *key, const char *field,
    const struct sb_clk_params *p, const char *text, size_t n,
    uint64_t *words);

/* The same with the field's subkey (sb_key_subkey) already derived, for
 * callers that encode many values of one field. */
int sb_clk_encode_sub(const unsigned char sub[SB_KEY_BYTES],
    const struct sb_clk_params *p, const char *text, size_t n,
    uint64_t *words);
/* Dice coefficient 2|A∩B| / (|A|+|B|) of two encodings of nwords words;
 * 0 for two empty ones. */
double sb_clk_dice(const uint64_t *a, const uint64_t *b, size_t nwords);

/* Standard base64 (RFC 4648, padded: how CLKs are written), by table:
 * the n bytes of in into out, NUL-terminated, returning its length, or
 * -1 when it needs more than cap bytes; and back, from s[0..n) into out,
 * returning the number of bytes, or -1 for anything but canonical
 * base64 (a character outside the alphabet, wrong padding, bits left
 * over) or more than cap bytes. */
long sb_clk_b64_encode(const unsigned char *in, size_t n, char *out,
    size_t cap);
long sb_clk_b64_decode(const char *s, size_t n, unsigned char *out,
    size_t cap);

#endif
