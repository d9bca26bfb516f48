#include "sb_dice.h"

#include <pthread.h>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define SB_DICE_X86 1
#endif

typedef unsigned (*and_fn)(const uint64_t *, const uint64_t *, size_t);
typedef unsigned (*count_fn)(const uint64_t *, size_t);

static unsigned
and_portable(const uint64_t *a, const uint64_t *b, size_t n)
{
	unsigned c = 0;

	for (size_t i = 0; i < n; i++)
		c += (unsigned)__builtin_popcountll(a[i] & b[i]);
	return c;
}

static unsigned
count_portable(const uint64_t *a, size_t n)
{
	unsigned c = 0;

	for (size_t i = 0; i < n; i++)
		c += (unsigned)__builtin_popcountll(a[i]);
	return c;
}

#ifdef SB_DICE_X86
/* Four running sums: the popcounts of one step do not wait on each
 * other. */
__attribute__((target("popcnt"))) static unsigned
and_popcnt(const uint64_t *a, const uint64_t *b, size_t n)
{
	uint64_t c0 = 0, c1 = 0, c2 = 0, c3 = 0;
	size_t i = 0;

	for (; i + 4 <= n; i += 4) {
		c0 += (uint64_t)__builtin_popcountll(a[i] & b[i]);
		c1 += (uint64_t)__builtin_popcountll(a[i + 1] & b[i + 1]);
		c2 += (uint64_t)__builtin_popcountll(a[i + 2] & b[i + 2]);
		c3 += (uint64_t)__builtin_popcountll(a[i + 3] & b[i + 3]);
	}
	for (; i < n; i++)
		c0 += (uint64_t)__builtin_popcountll(a[i] & b[i]);
	return (unsigned)(c0 + c1 + c2 + c3);
}

__attribute__((target("popcnt"))) static unsigned
count_popcnt(const uint64_t *a, size_t n)
{
	uint64_t c = 0;

	for (size_t i = 0; i < n; i++)
		c += (uint64_t)__builtin_popcountll(a[i]);
	return (unsigned)c;
}

__attribute__((target("avx512f,avx512vpopcntdq"))) static unsigned
and_avx512(const uint64_t *a, const uint64_t *b, size_t n)
{
	__m512i acc = _mm512_setzero_si512();
	size_t i = 0;
	uint64_t tail = 0;

	for (; i + 8 <= n; i += 8) {
		__m512i x = _mm512_loadu_si512((const void *)(a + i));
		__m512i y = _mm512_loadu_si512((const void *)(b + i));

		acc = _mm512_add_epi64(acc,
		    _mm512_popcnt_epi64(_mm512_and_si512(x, y)));
	}
	for (; i < n; i++)
		tail += (uint64_t)__builtin_popcountll(a[i] & b[i]);
	return (unsigned)(_mm512_reduce_add_epi64(acc) + tail);
}
#endif

static and_fn and_k = and_portable;
static count_fn count_k = count_portable;
static const char *kernel = "portable";
static pthread_once_t pick_once = PTHREAD_ONCE_INIT;

static void
pick(void)
{
#ifdef SB_DICE_X86
	__builtin_cpu_init();
	if (__builtin_cpu_supports("popcnt")) {
		and_k = and_popcnt;
		count_k = count_popcnt;
		kernel = "popcnt";
	}
	if (__builtin_cpu_supports("avx512f") &&
	    __builtin_cpu_supports("avx512vpopcntdq")) {
		and_k = and_avx512;
		kernel = "avx512-vpopcntdq";
	}
#endif
}

unsigned
sb_dice_and_count(const uint64_t *a, const uint64_t *b, size_t nwords)
{
	(void)pthread_once(&pick_once, pick);
	return and_k(a, b, nwords);
}

unsigned
sb_dice_count(const uint64_t *a, size_t nwords)
{
	(void)pthread_once(&pick_once, pick);
	return count_k(a, nwords);
}

const char *
sb_dice_kernel(void)
{
	(void)pthread_once(&pick_once, pick);
	return kernel;
}
