#include "sb_clk.h"

#include <string.h>

#include <sodium.h>

#include "sb_json.h"

const struct sb_clk_params sb_clk_default = {1024, 20, 2};

/* Byte length of the UTF-8 sequence starting with c (text is checked). */
static size_t
cp_len(unsigned char c)
{
	return c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

static void
set_bits(const unsigned char sub[SB_KEY_BYTES], const struct sb_clk_params *p,
    const char *gram, size_t len, uint64_t *words)
{
	unsigned char h[16];
	uint64_t h1, h2;

	/* SipHash-2-4 with 128-bit output: a keyed PRF, five times faster
	 * than BLAKE2b on two-byte inputs, and the key stays secret. */
	crypto_shorthash_siphashx24(h, (const unsigned char *)gram, len, sub);
	memcpy(&h1, h, 8);
	memcpy(&h2, h + 8, 8);
	h2 |= 1; /* odd, so the k positions differ for every m */
	if ((p->bits & (p->bits - 1)) == 0) {
		uint64_t mask = p->bits - 1;

		for (unsigned i = 0; i < p->k; i++) {
			uint64_t bit = (h1 + (uint64_t)i * h2) & mask;
			words[bit / 64] |= (uint64_t)1 << (bit % 64);
		}
		return;
	}
	for (unsigned i = 0; i < p->k; i++) {
		uint64_t bit = (h1 + (uint64_t)i * h2) % p->bits;
		words[bit / 64] |= (uint64_t)1 << (bit % 64);
	}
}

int
sb_clk_encode(const struct sb_key *key, const char *field,
    const struct sb_clk_params *p, const char *text, size_t n,
    uint64_t *words)
{
	unsigned char sub[SB_KEY_BYTES];
	int r;

	sb_key_subkey(key, field, sub);
	r = sb_clk_encode_sub(sub, p, text, n, words);
	sodium_memzero(sub, sizeof sub);
	return r;
}

int
sb_clk_encode_sub(const unsigned char sub[SB_KEY_BYTES],
    const struct sb_clk_params *p, const char *text, size_t n,
    uint64_t *words)
{
	char padded[1024];
	size_t off[512], np = 0, len;

	if (p->bits == 0 || p->bits % 64 != 0 || p->bits > SB_CLK_MAX_BITS ||
	    p->k == 0 || p->q == 0 || p->q > 8 || n + 2 * p->q > sizeof padded ||
	    !sb_utf8_valid(text, n))
		return -1;
	memset(words, 0, p->bits / 8);
	/* "_ivan petrov_": q-grams at the edges count once each. */
	memset(padded, '_', p->q - 1);
	memcpy(padded + p->q - 1, text, n);
	memset(padded + p->q - 1 + n, '_', p->q - 1);
	len = n + 2 * (p->q - 1);
	for (size_t i = 0; i < len && np < sizeof off / sizeof off[0] - 1;
	    i += cp_len((unsigned char)padded[i]))
		off[np++] = i;
	off[np] = len;
	for (size_t i = 0; i + p->q <= np; i++)
		set_bits(sub, p, padded + off[i], off[i + p->q] - off[i],
		    words);
	return 0;
}

double
sb_clk_dice(const uint64_t *a, const uint64_t *b, size_t nwords)
{
	uint64_t both = 0, ca = 0, cb = 0;

	for (size_t i = 0; i < nwords; i++) {
		both += (uint64_t)__builtin_popcountll(a[i] & b[i]);
		ca += (uint64_t)__builtin_popcountll(a[i]);
		cb += (uint64_t)__builtin_popcountll(b[i]);
	}
	return ca + cb == 0 ? 0.0 : 2.0 * (double)both / (double)(ca + cb);
}
