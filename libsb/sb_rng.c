#include "sb_rng.h"

#include <string.h>

#include <sodium.h>

void
sb_rng_seed(struct sb_rng *r, const char *seed)
{
	static const unsigned char ctx[] = "safeborders sb_rng v1";

	memset(r, 0, sizeof(*r));
	crypto_generichash(r->key, sizeof r->key, (const unsigned char *)seed,
	    strlen(seed), ctx, sizeof ctx - 1);
	r->pos = SB_RNG_BLOCK;
}

void
sb_rng_fork(struct sb_rng *child, const struct sb_rng *parent,
    const char *name)
{
	memset(child, 0, sizeof(*child));
	crypto_generichash(child->key, sizeof child->key,
	    (const unsigned char *)name, strlen(name), parent->key,
	    sizeof parent->key);
	child->pos = SB_RNG_BLOCK;
}

static void
refill(struct sb_rng *r)
{
	unsigned char nonce[crypto_stream_chacha20_NONCEBYTES];

	memset(nonce, 0, sizeof nonce);
	for (size_t i = 0; i < sizeof nonce && i < 8; i++)
		nonce[i] = (unsigned char)(r->counter >> (8 * i));
	crypto_stream_chacha20(r->buf, sizeof r->buf, nonce, r->key);
	r->counter++;
	r->pos = 0;
}

uint32_t
sb_rng_u32(struct sb_rng *r)
{
	uint32_t v;

	if (r->pos + 4 > SB_RNG_BLOCK)
		refill(r);
	v = (uint32_t)r->buf[r->pos] | (uint32_t)r->buf[r->pos + 1] << 8 |
	    (uint32_t)r->buf[r->pos + 2] << 16 |
	    (uint32_t)r->buf[r->pos + 3] << 24;
	r->pos += 4;
	return v;
}

uint64_t
sb_rng_u64(struct sb_rng *r)
{
	uint64_t hi = sb_rng_u32(r);

	return hi << 32 | sb_rng_u32(r);
}

uint32_t
sb_rng_below(struct sb_rng *r, uint32_t n)
{
	/* Rejection: the top (2^32 mod n) values would bias the result. */
	uint32_t limit = -n % n, v;

	do
		v = sb_rng_u32(r);
	while (v < limit);
	return v % n;
}

double
sb_rng_unit(struct sb_rng *r)
{
	return (double)(sb_rng_u64(r) >> 11) * 0x1.0p-53;
}

int
sb_rng_chance(struct sb_rng *r, double p)
{
	return sb_rng_unit(r) < p;
}

uint32_t
sb_rng_fn(void *ctx)
{
	return sb_rng_u32(ctx);
}
