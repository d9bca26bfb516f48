/*
 * sb_dice: the Dice coefficient of CLKs (sb_clk) at the speed sb-link
 * needs (issue 5, point 3): hundreds of millions of comparisons a second.
 *
 * The kernel is chosen once, at the first call, from what the CPU has:
 * AVX-512 VPOPCNTDQ (eight words a step), else the POPCNT instruction,
 * else the compiler's portable popcount.  All give the same counts.
 * Stateless apart from that choice; thread-safe.
 */
#ifndef SB_DICE_H
#define SB_DICE_H

#include <stddef.h>
#include <stdint.h>

/* |a AND b| over nwords words. */
unsigned sb_dice_and_count(const uint64_t *a, const uint64_t *b,
    size_t nwords);

/* The bits set in a, over nwords words. */
unsigned sb_dice_count(const uint64_t *a, size_t nwords);

/* Dice 2|a AND b| / (na + nb) with na, nb the bits set in a and b
 * (sb_dice_count); 0 when both are empty. */
static inline double
sb_dice(const uint64_t *a, unsigned na, const uint64_t *b, unsigned nb,
    size_t nwords)
{
	return na + nb == 0 ? 0.0 :
	    2.0 * sb_dice_and_count(a, b, nwords) / (double)(na + nb);
}

/* The kernel in use: "avx512-vpopcntdq", "popcnt" or "portable". */
const char *sb_dice_kernel(void);

#endif
