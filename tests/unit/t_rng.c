/* sb_rng: deterministic, forkable, unbiased enough. */
#include "sb_rng.h"
#include "tap.h"

int
main(void)
{
	struct sb_rng a, b, c, f1, f2;
	int same = 1, hist[10] = {0}, ok_range = 1;

	sb_rng_seed(&a, "42");
	sb_rng_seed(&b, "42");
	sb_rng_seed(&c, "43");
	for (int i = 0; i < 1000; i++)
		same &= sb_rng_u32(&a) == sb_rng_u32(&b);
	ok(same, "same seed, same stream");
	sb_rng_seed(&a, "42");
	ok(sb_rng_u64(&a) != sb_rng_u64(&c), "another seed, another stream");
	sb_rng_seed(&a, "42");
	sb_rng_fork(&f1, &a, "people");
	(void)sb_rng_u32(&a);
	sb_rng_fork(&f2, &a, "people");
	ok(sb_rng_u32(&f1) == sb_rng_u32(&f2), "a fork ignores the parent's "
	    "position");
	sb_rng_fork(&f2, &a, "cases");
	sb_rng_fork(&f1, &a, "people");
	ok(sb_rng_u32(&f1) != sb_rng_u32(&f2), "forks by name differ");
	for (int i = 0; i < 100000; i++) {
		uint32_t v = sb_rng_below(&a, 10);
		if (v >= 10)
			ok_range = 0;
		else
			hist[v]++;
	}
	ok(ok_range, "below(10) stays in range");
	int flat = 1;
	for (int i = 0; i < 10; i++)
		flat &= hist[i] > 9500 && hist[i] < 10500;
	ok(flat, "below(10) is flat within 5%%");
	double u = sb_rng_unit(&a);
	ok(u >= 0 && u < 1, "unit in [0,1)");
	/* A known value pins the algorithm: changing it breaks every
	 * synthetic data set, so it must be a deliberate act. */
	sb_rng_seed(&a, "1");
	ok(sb_rng_u32(&a) == 1904862298u, "seed 1 starts with 1904862298");
	return tap_done();
}
