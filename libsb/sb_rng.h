/*
 * sb_rng: a deterministic random stream for synthetic data.
 *
 * The bytes are libsodium's ChaCha20 keystream under a key derived from
 * the seed (crypto_generichash of the seed text), read in blocks, so the
 * same seed gives the same stream on every machine.  Streams can be split
 * by name (sb_rng_fork), so adding draws in one part of a generator does
 * not shift another part.  Not for secrets: keys come from sb_keygen.
 *
 * The struct is the caller's; no allocation, no global state.
 */
#ifndef SB_RNG_H
#define SB_RNG_H

#include <stddef.h>
#include <stdint.h>

#define SB_RNG_BLOCK 512

struct sb_rng {
	unsigned char key[32];
	uint64_t counter;           /* nonce: block number */
	unsigned char buf[SB_RNG_BLOCK];
	size_t pos;
};

/* Seed from any text (a number as written on the command line). */
void sb_rng_seed(struct sb_rng *r, const char *seed);
/* A child stream named `name`, independent of the parent's position. */
void sb_rng_fork(struct sb_rng *child, const struct sb_rng *parent,
    const char *name);
uint32_t sb_rng_u32(struct sb_rng *r);
uint64_t sb_rng_u64(struct sb_rng *r);
/* Uniform in [0, n) without modulo bias; n > 0. */
uint32_t sb_rng_below(struct sb_rng *r, uint32_t n);
/* Uniform in [0, 1). */
double sb_rng_unit(struct sb_rng *r);
/* True with probability p. */
int sb_rng_chance(struct sb_rng *r, double p);
/* An sb_rand_fn-compatible adapter: ctx is a struct sb_rng *. */
uint32_t sb_rng_fn(void *ctx);

#endif
