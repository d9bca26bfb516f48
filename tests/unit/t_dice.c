/*
 * sb_dice: the popcounts of every kernel against a naive bit-by-bit count
 * and __builtin_popcountll, for 1 to 64 words (whole AVX-512 steps of
 * eight words and the scalar tail), aligned and not; Dice of identical,
 * empty, disjoint and half-overlapping filters.  The kernel in use is
 * what this CPU has (sb_dice_kernel()): only it is tested here.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sb_dice.h"
#include "tap.h"

#define MAXW 64
#define ROUNDS 20

static uint64_t rng_state = 0x2545f4914f6cdd1du;

static uint64_t
rnd(void)
{
	uint64_t x = rng_state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	rng_state = x;
	return x;
}

/* A random word of varied density: sparse, dense or even. */
static uint64_t
rnd_word(void)
{
	switch (rnd() % 4) {
	case 0:
		return rnd() & rnd() & rnd();
	case 1:
		return rnd() | rnd() | rnd();
	case 2:
		return rnd() % 5 == 0 ? ~(uint64_t)0 : 0;
	default:
		return rnd();
	}
}

static unsigned
naive_count(const uint64_t *a, size_t n)
{
	unsigned c = 0;

	for (size_t i = 0; i < n; i++)
		for (int b = 0; b < 64; b++)
			c += (unsigned)((a[i] >> b) & 1);
	return c;
}

static unsigned
naive_and(const uint64_t *a, const uint64_t *b, size_t n)
{
	unsigned c = 0;

	for (size_t i = 0; i < n; i++)
		for (int k = 0; k < 64; k++)
			c += (unsigned)((a[i] >> k) & (b[i] >> k) & 1);
	return c;
}

static unsigned
builtin_and(const uint64_t *a, const uint64_t *b, size_t n)
{
	unsigned c = 0;

	for (size_t i = 0; i < n; i++)
		c += (unsigned)__builtin_popcountll(a[i] & b[i]);
	return c;
}

static void
set_bits(uint64_t *a, int from, int to)
{
	for (int i = from; i < to; i++)
		a[i / 64] |= (uint64_t)1 << (i % 64);
}

/* The counts for every length 1..MAXW, at word offset off of the arrays
 * (off 1: not aligned on 16 bytes or more). */
static void
counts(size_t off)
{
	/* One word more than used: a kernel reading past n is caught by
	 * the guard word's bits, all set. */
	static uint64_t abuf[MAXW + 2], bbuf[MAXW + 2];
	int bad_and = 0, bad_count = 0, bad_builtin = 0;

	for (size_t n = 1; n <= MAXW; n++) {
		for (int r = 0; r < ROUNDS; r++) {
			uint64_t *a = abuf + off, *b = bbuf + off;
			unsigned want_and, want_a, got_and, got_a;

			for (size_t i = 0; i < n; i++) {
				a[i] = rnd_word();
				b[i] = rnd_word();
			}
			a[n] = b[n] = ~(uint64_t)0;
			want_and = naive_and(a, b, n);
			want_a = naive_count(a, n);
			got_and = sb_dice_and_count(a, b, n);
			got_a = sb_dice_count(a, n);
			if (got_and != want_and && bad_and++ < 3)
				printf("# n %zu off %zu: and_count %u, naive %u\n",
				    n, off, got_and, want_and);
			if (got_a != want_a && bad_count++ < 3)
				printf("# n %zu off %zu: count %u, naive %u\n", n,
				    off, got_a, want_a);
			if (builtin_and(a, b, n) != want_and)
				bad_builtin++;
			/* Symmetric, and a AND a is a. */
			if (sb_dice_and_count(b, a, n) != want_and ||
			    sb_dice_and_count(a, a, n) != want_a)
				bad_and++;
		}
	}
	ok(bad_and == 0, "and_count = naive count, 1..%d words, offset %zu "
	    "(%d wrong)", MAXW, off, bad_and);
	ok(bad_count == 0, "count = naive count, 1..%d words, offset %zu "
	    "(%d wrong)", MAXW, off, bad_count);
	ok(bad_builtin == 0, "__builtin_popcountll agrees with the naive "
	    "count, offset %zu", off);
}

int
main(void)
{
	uint64_t a[16], b[16], z[16];
	double d;
	const char *k = sb_dice_kernel();

	printf("# kernel: %s\n", k);
	ok(strcmp(k, "avx512-vpopcntdq") == 0 || strcmp(k, "popcnt") == 0 ||
	    strcmp(k, "portable") == 0, "the kernel is one of the three: %s",
	    k);
	is_str(sb_dice_kernel(), k, "the kernel is chosen once");

	counts(0);
	counts(1);

	/* Extremes: every bit set, so lane sums reach their largest. */
	memset(a, 0xff, sizeof(a));
	ok(sb_dice_count(a, 16) == 1024, "16 words all set: 1024 bits");
	ok(sb_dice_and_count(a, a, 16) == 1024, "all set AND all set: 1024");
	ok(sb_dice_and_count(a, a, 0) == 0 && sb_dice_count(a, 0) == 0,
	    "0 words: 0 bits");
	memset(z, 0, sizeof(z));
	ok(sb_dice_count(z, 16) == 0 && sb_dice_and_count(a, z, 16) == 0,
	    "empty filter: 0 bits, nothing in common");

	/* Dice. */
	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	set_bits(a, 0, 10);
	set_bits(a, 500, 530);
	ok(sb_dice(a, sb_dice_count(a, 16), a, sb_dice_count(a, 16), 16) ==
	    1.0, "identical filters: Dice 1");
	ok(sb_dice(z, 0, z, 0, 16) == 0.0, "two empty filters: Dice 0");
	ok(sb_dice(a, sb_dice_count(a, 16), z, 0, 16) == 0.0,
	    "an empty filter and another: Dice 0");
	set_bits(b, 10, 20);
	set_bits(b, 1000, 1024);
	ok(sb_dice_and_count(a, b, 16) == 0 &&
	    sb_dice(a, sb_dice_count(a, 16), b, sb_dice_count(b, 16), 16) ==
	    0.0, "disjoint filters: Dice 0");
	memset(b, 0, sizeof(b));
	set_bits(b, 5, 15);
	set_bits(b, 510, 540);
	/* a: 40 bits, b: 40 bits, 5 + 20 in common: 50 / 80. */
	d = sb_dice(a, sb_dice_count(a, 16), b, sb_dice_count(b, 16), 16);
	ok(d > 0.625 - 1e-12 && d < 0.625 + 1e-12,
	    "overlapping filters: Dice 0.625 (%g)", d);
	/* Bits in the last word only: the tail of every kernel. */
	memset(b, 0, sizeof(b));
	b[15] = a[15] = 0xf0f0f0f0f0f0f0f0u;
	ok(sb_dice_and_count(a, b, 16) == 32 && sb_dice_count(b, 16) == 32,
	    "bits in the last word are counted");
	ok(sb_dice_and_count(a, b, 15) == 0 && sb_dice_count(b, 15) == 0,
	    "a word past nwords is not counted");
	return tap_done();
}
