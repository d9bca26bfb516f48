/*
 * scripts/bench/dice.c: Dice comparisons per second of CLKs with libsb's
 * kernel (sb_dice_and_count and sb_dice, with the bits set precomputed
 * by sb_dice_count, as sb-link does) and with a deliberately plain one
 * (the portable __builtin_popcountll, compiled without the POPCNT
 * instruction), on 1..T threads.  A benchmark, not a test: it prints
 * figures for scripts/bench/link to turn into ratios.
 *
 * N random filters of BITS bits (about 400 set of 1024, like real CLKs:
 * 520 hashed positions with collisions).  Each comparison is one query
 * row against one filter; the rows are split among the threads in
 * contiguous ranges, each thread comparing its rows against all N
 * filters (one against many).  With N small the filters stay in cache;
 * with N large each row streams them from memory.
 *
 * usage: dice [-n N] [-b BITS] [-c COMPARISONS] [-p PLAIN_COMPARISONS]
 *             [-t MAX_THREADS] [-r REPEATS] [-S SEED]
 * output: "kernel NAME" and "filters N BITS MEAN_BITS_SET", then one
 * line per run, best of REPEATS:
 *   result KERNEL THREADS N COMPARISONS SECONDS PER_SECOND CHECKSUM SHARE
 * SHARE is the CPU time the process got over THREADS x SECONDS: well
 * under 1 when other work shared the cores.
 *
 * build: cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -Ilibsb \
 *            scripts/bench/dice.c libsb/sb_dice.c -pthread -o dice
 */
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "sb_dice.h"

#define MAX_THREADS 64
#define THRESHOLD 0.8

typedef unsigned (*and_fn)(const uint64_t *, const uint64_t *, size_t);

/* The plain kernel: one word at a time through the compiler's portable
 * popcount, never the POPCNT instruction (libgcc's __popcountdi2 or the
 * bit-twiddling sequence), never vectorised. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target("no-popcnt"), optimize("no-tree-vectorize")))
#endif
__attribute__((noinline)) static unsigned
and_plain(const uint64_t *a, const uint64_t *b, size_t n)
{
	unsigned c = 0;

	for (size_t i = 0; i < n; i++)
		c += (unsigned)__builtin_popcountll(a[i] & b[i]);
	return c;
}

struct job {
	and_fn fn;		/* NULL: sb_dice() from sb_dice.h */
	const uint64_t *f;	/* n filters of nw words */
	const unsigned *pc;	/* their bits set */
	size_t n, nw;
	size_t row0, row1;	/* query rows [row0, row1), each mod n */
	size_t col1;		/* columns [0, col1) */
	uint64_t sum;		/* checksum: AND counts, matches */
	uint64_t hits;
	pthread_t th;
};

static void *
worker(void *arg)
{
	struct job *j = arg;
	const size_t nw = j->nw;
	uint64_t sum = 0, hits = 0;

	for (size_t r = j->row0; r < j->row1; r++) {
		size_t q = (r * 7919u) % j->n;
		const uint64_t *a = j->f + q * nw;
		unsigned na = j->pc[q];

		if (j->fn == NULL) {
			for (size_t c = 0; c < j->col1; c++) {
				double d = sb_dice(a, na, j->f + c * nw,
				    j->pc[c], nw);

				hits += d >= THRESHOLD;
				sum += (uint64_t)(d * 1024.0);
			}
		} else {
			and_fn fn = j->fn;

			for (size_t c = 0; c < j->col1; c++) {
				unsigned nb = j->pc[c];
				double d = na + nb == 0 ? 0.0 :
				    2.0 * fn(a, j->f + c * nw, nw) /
				    (double)(na + nb);

				hits += d >= THRESHOLD;
				sum += (uint64_t)(d * 1024.0);
			}
		}
	}
	j->sum = sum;
	j->hits = hits;
	return NULL;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double
cpu(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 +
	    (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6;
}

static uint64_t
splitmix(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static void
usage(void)
{
	fprintf(stderr, "usage: dice [-n N] [-b BITS] [-c COMPARISONS] "
	    "[-p PLAIN_COMPARISONS] [-t MAX_THREADS] [-r REPEATS] "
	    "[-S SEED]\n");
	exit(64);
}

static unsigned long long
num(const char *s)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno != 0 || end == s || *end != '\0' || v < 0)
		usage();
	return (unsigned long long)v;
}

/* Run COMP comparisons (rounded to whole rows) on t threads, best of
 * reps; print a result line. */
static void
run(const char *name, and_fn fn, const uint64_t *f, const unsigned *pc,
    size_t n, size_t nw, unsigned long long comp, int t, int reps)
{
	struct job j[MAX_THREADS];
	size_t rows, cols = n;
	double best = 0, share = 0;
	uint64_t sum = 0, hits = 0;

	/* Fewer comparisons than one row: a part of the row. */
	if (comp < cols)
		cols = comp > 0 ? comp : 1;
	rows = (size_t)((comp + cols - 1) / cols);
	if (rows < (size_t)t)
		rows = (size_t)t;
	for (int rep = 0; rep < reps; rep++) {
		double t0, c0, dt;

		for (int i = 0; i < t; i++) {
			j[i] = (struct job){ .fn = fn, .f = f, .pc = pc,
			    .n = n, .nw = nw, .col1 = cols,
			    .row0 = rows * (size_t)i / (size_t)t,
			    .row1 = rows * (size_t)(i + 1) / (size_t)t };
		}
		c0 = cpu();
		t0 = now();
		for (int i = 1; i < t; i++)
			if (pthread_create(&j[i].th, NULL, worker, &j[i]) != 0) {
				fprintf(stderr, "dice: pthread_create "
				    "failed\n");
				exit(71);
			}
		worker(&j[0]);
		for (int i = 1; i < t; i++)
			pthread_join(j[i].th, NULL);
		dt = now() - t0;
		c0 = cpu() - c0;
		sum = hits = 0;
		for (int i = 0; i < t; i++) {
			sum += j[i].sum;
			hits += j[i].hits;
		}
		if (rep == 0 || dt < best) {
			best = dt;
			share = c0 / (dt * t);
		}
	}
	printf("result %s %d %zu %llu %.6f %.0f %016" PRIx64 " %.2f\n", name,
	    t, n, (unsigned long long)rows * cols, best,
	    (double)rows * (double)cols / best, sum ^ (hits << 40), share);
	fflush(stdout);
}

int
main(int argc, char **argv)
{
	size_t n = 20000, bits = 1024, nw;
	unsigned long long comp = 400000000ULL, plain = 40000000ULL;
	unsigned long long setsum = 0;
	int maxt = 2, reps = 3, ch;
	uint64_t seed = 7, *f;
	unsigned *pc;

	while ((ch = getopt(argc, argv, "b:c:n:p:r:S:t:")) != -1) {
		switch (ch) {
		case 'b':
			bits = (size_t)num(optarg);
			break;
		case 'c':
			comp = num(optarg);
			break;
		case 'n':
			n = (size_t)num(optarg);
			break;
		case 'p':
			plain = num(optarg);
			break;
		case 'r':
			reps = (int)num(optarg);
			break;
		case 'S':
			seed = num(optarg);
			break;
		case 't':
			maxt = (int)num(optarg);
			break;
		default:
			usage();
		}
	}
	if (optind != argc || n == 0 || bits == 0 || bits % 64 != 0 ||
	    maxt < 1 || maxt > MAX_THREADS || reps < 1)
		usage();
	nw = bits / 64;

	/* 64-byte aligned, so each 1024-bit filter is two cache lines. */
	if (posix_memalign((void **)&f, 64, n * nw * sizeof(*f)) != 0 ||
	    (pc = malloc(n * sizeof(*pc))) == NULL) {
		fprintf(stderr, "dice: out of memory\n");
		return 71;
	}
	memset(f, 0, n * nw * sizeof(*f));
	/* About 400 of 1024 bits set: 520 positions, with collisions, as
	 * a CLK's hashed bigrams land. */
	for (size_t i = 0; i < n; i++) {
		uint64_t *w = f + i * nw;
		size_t k = bits * 520 / 1024;

		for (size_t h = 0; h < k; h++) {
			uint64_t b = splitmix(&seed) % bits;

			w[b / 64] |= 1ULL << (b % 64);
		}
		pc[i] = sb_dice_count(w, nw);
		setsum += pc[i];
	}
	printf("kernel %s\n", sb_dice_kernel());
	printf("filters %zu %zu %.1f\n", n, bits, (double)setsum / (double)n);
	fflush(stdout);
	for (int t = 1; t <= maxt; t++) {
		if (comp > 0)
			run("sb", NULL, f, pc, n, nw, comp * (unsigned)t, t,
			    reps);
		if (plain > 0)
			run("plain", and_plain, f, pc, n, nw,
			    plain * (unsigned)t, t, reps);
	}
	free(f);
	free(pc);
	return 0;
}
