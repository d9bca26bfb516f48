/* sb_linkeval: ground truth (truth/1 and CSV) and linkage metrics. */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sb_linkeval.h"
#include "sb_rng.h"
#include "tap.h"

#define NONE SB_LINKEVAL_NONE
#define EPS 1e-12

static char dir[] = "/tmp/t_linkeval.XXXXXX";
static char pathbuf[256];

/* The random data of the tests, seeded in main. */
static struct sb_rng rng;

static uint32_t
rnd(uint32_t n)
{
	return sb_rng_below(&rng, n);
}

static int
near(double a, double b)
{
	return fabs(a - b) < EPS;
}

/* Write text to dir/name; the path, in a static buffer. */
static const char *
file(const char *name, const char *text, size_t len)
{
	FILE *f;

	snprintf(pathbuf, sizeof(pathbuf), "%s/%s", dir, name);
	if ((f = fopen(pathbuf, "wb")) == NULL ||
	    fwrite(text, 1, len, f) != len || fclose(f) != 0) {
		printf("Bail out! writing %s: %s\n", pathbuf, strerror(errno));
		exit(1);
	}
	return pathbuf;
}

#define FILE_S(name, text) file((name), (text), strlen(text))

/* ------------------------------------------------------------ metrics */

static void
score(const size_t *pred, const size_t *truth, size_t n, struct sb_linkeval *m)
{
	struct sb_err e = {0};

	if (sb_linkeval_score(pred, truth, n, m, &e) != SB_OK) {
		printf("Bail out! sb_linkeval_score: %s\n", e.msg);
		exit(1);
	}
}

static void
t_perfect(void)
{
	static const size_t truth[] = {1, 1, 1, 2, 2, 3, 4, 4, 4, 4};
	size_t pred[10], i;
	struct sb_linkeval m;

	for (i = 0; i < 10; i++)
		pred[i] = truth[i] * 7919 + 3; /* other values, same clusters */
	score(pred, truth, 10, &m);
	ok(m.n == 10, "perfect: n 10");
	/* 3 + 1 + 0 + 6 true pairs */
	ok(m.tp == 10 && m.pred_pairs == 10 && m.true_pairs == 10,
	    "perfect: tp = pred pairs = true pairs = 10 (%llu %llu %llu)",
	    (unsigned long long)m.tp, (unsigned long long)m.pred_pairs,
	    (unsigned long long)m.true_pairs);
	ok(m.p == 1.0 && m.r == 1.0 && m.f1 == 1.0, "perfect: pairwise 1");
	ok(m.b3p == 1.0 && m.b3r == 1.0 && m.b3f1 == 1.0, "perfect: b3 1");
}

/* True clusters A = {0,1,2}, B = {3,4}, C = {5}. */
static const size_t abc[] = {10, 10, 10, 20, 20, 30};

static void
t_one_cluster(void)
{
	size_t pred[6] = {0};
	struct sb_linkeval m;

	score(pred, abc, 6, &m);
	/* pred pairs C(6,2) = 15; true pairs 3 + 1 = 4, all predicted. */
	ok(m.pred_pairs == 15 && m.true_pairs == 4 && m.tp == 4,
	    "one cluster: 15 predicted pairs, 4 true, 4 both");
	ok(near(m.p, 4.0 / 15) && m.r == 1.0, "one cluster: p 4/15, r 1");
	ok(near(m.f1, 2 * (4.0 / 15) / (4.0 / 15 + 1)), "one cluster: f1");
	/* b3 precision: (3 * 3/6 + 2 * 2/6 + 1 * 1/6) / 6 = 14/36. */
	ok(near(m.b3p, 14.0 / 36) && m.b3r == 1.0,
	    "one cluster: b3p 14/36 (%.6f), b3r 1", m.b3p);
}

static void
t_singletons(void)
{
	size_t pred[6] = {5, 4, 3, 2, 1, 0};
	struct sb_linkeval m;

	score(pred, abc, 6, &m);
	ok(m.pred_pairs == 0 && m.tp == 0 && m.true_pairs == 4,
	    "singletons: no predicted pair, 4 true");
	ok(m.p == 1.0 && m.r == 0.0 && m.f1 == 0.0,
	    "singletons: p 1 (no predicted pair), r 0, f1 0");
	/* b3 recall: (3 * 1/3 + 2 * 1/2 + 1 * 1) / 6 = 3/6. */
	ok(m.b3p == 1.0 && near(m.b3r, 0.5), "singletons: b3p 1, b3r 1/2");
	ok(near(m.b3f1, 2 * 0.5 / 1.5), "singletons: b3f1 2/3");
}

/*
 * The textbook B-cubed example (Bagga and Baldwin 1998, fig. 2): true
 * clusters A = {1..5}, B = {6,7}, C = {8..12}; predicted X = {1..5} and
 * Y = {6..12}, B and C merged.
 * Precision: mentions 1-5: 5/5; 6,7: 2/7; 8-12: 5/7.  Sum 5 + 4/7 + 25/7
 * = 64/7, over 12 mentions: 16/21 = 0.7619.  Recall: every true cluster
 * lies in one predicted cluster: 1.  F1 = 2 (16/21) / (37/21) = 32/37.
 * Pairwise: true pairs 10 + 1 + 10 = 21, predicted 10 + 21 = 31, both 21.
 */
static void
t_textbook(void)
{
	static const size_t truth[] = {
	    'A', 'A', 'A', 'A', 'A', 'B', 'B', 'C', 'C', 'C', 'C', 'C', 'A'};
	static const size_t pred[] = {1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 1};
	size_t truth2[13], pred2[13], i;
	struct sb_linkeval m, m2;

	score(pred, truth, 12, &m);
	ok(m.n == 12, "textbook: 12 mentions");
	ok(near(m.b3p, 16.0 / 21), "textbook: b3p 16/21 (%.6f)", m.b3p);
	ok(m.b3r == 1.0, "textbook: b3r 1");
	ok(near(m.b3f1, 32.0 / 37), "textbook: b3f1 32/37 (%.6f)", m.b3f1);
	ok(m.true_pairs == 21 && m.pred_pairs == 31 && m.tp == 21,
	    "textbook: pairs 21 true, 31 predicted, 21 both");
	ok(near(m.p, 21.0 / 31) && m.r == 1.0, "textbook: p 21/31, r 1");

	/* A mention without truth, in X: left out of everything. */
	memcpy(truth2, truth, sizeof(truth2));
	memcpy(pred2, pred, sizeof(pred2));
	truth2[12] = NONE;
	score(pred2, truth2, 13, &m2);
	ok(m2.n == 12 && m2.tp == m.tp && m2.pred_pairs == m.pred_pairs &&
	        m2.true_pairs == m.true_pairs && m2.b3p == m.b3p &&
	        m2.b3r == m.b3r,
	    "a mention without truth is left out");
	/* The same mention with truth A joins X and A. */
	score(pred, truth, 13, &m2);
	ok(m2.n == 13 && m2.tp == 26 && m2.pred_pairs == 36,
	    "with truth it counts (tp %llu, pred pairs %llu)",
	    (unsigned long long)m2.tp, (unsigned long long)m2.pred_pairs);

	/* Both ways wrong: A = {0,1,2,3}, B = {4,5}; X = {0,1,4},
	 * Y = {2,3,5}.  Cells 2,1 / 2,1: tp 2, pred pairs 6, true 7.
	 * b3p (4 * 2/3 + 2 * 1/3) / 6 = 5/9; b3r every mention 1/2. */
	for (i = 0; i < 6; i++) {
		truth2[i] = i < 4 ? 0 : 1;
		pred2[i] = (i == 0 || i == 1 || i == 4) ? 100 : 200;
	}
	score(pred2, truth2, 6, &m2);
	ok(m2.tp == 2 && m2.pred_pairs == 6 && m2.true_pairs == 7,
	    "split and merged: tp 2, 6 predicted, 7 true");
	ok(near(m2.p, 1.0 / 3) && near(m2.r, 2.0 / 7),
	    "split and merged: p 1/3, r 2/7");
	ok(near(m2.f1, 2 * (1.0 / 3) * (2.0 / 7) / (1.0 / 3 + 2.0 / 7)),
	    "split and merged: f1");
	ok(near(m2.b3p, 5.0 / 9) && near(m2.b3r, 0.5),
	    "split and merged: b3p 5/9 (%.6f), b3r 1/2 (%.6f)", m2.b3p, m2.b3r);
}

static void
t_empty(void)
{
	size_t none[2] = {NONE, NONE}, pred[2] = {1, 1};
	struct sb_linkeval m;

	score(NULL, NULL, 0, &m);
	ok(m.n == 0 && m.p == 1.0 && m.r == 1.0 && m.f1 == 1.0 &&
	        m.b3p == 1.0 && m.b3r == 1.0 && m.b3f1 == 1.0,
	    "no mention: every measure 1");
	score(pred, none, 2, &m);
	ok(m.n == 0 && m.pred_pairs == 0 && m.tp == 0,
	    "no mention with truth: nothing counted");
}

/* Brute force over every pair, against the O(n) counts. */
static void
t_random(size_t n, uint32_t npred, uint32_t ntrue)
{
	size_t *pred = malloc(n * sizeof(*pred));
	size_t *truth = malloc(n * sizeof(*truth));
	size_t i, j, np = 4 * n, labelled = 0;
	struct sb_linkeval_pair *pairs = malloc(np * sizeof(*pairs));
	uint64_t tp = 0, pp = 0, tt = 0, ctp = 0, got;
	double b3p = 0, b3r = 0;
	struct sb_linkeval m;
	struct sb_err e = {0};
	int st;

	if (pred == NULL || truth == NULL || pairs == NULL) {
		printf("Bail out! out of memory\n");
		exit(1);
	}
	for (i = 0; i < n; i++) {
		/* Labels far apart and near SIZE_MAX, 5% without truth. */
		pred[i] = SIZE_MAX - 1 - (size_t)rnd(npred) * 0x10001u;
		truth[i] = rnd(20) == 0 ? NONE : (size_t)rnd(ntrue) << 20;
	}
	for (i = 0; i < n; i++) {
		size_t a = 0, b = 0, c = 0;

		if (truth[i] == NONE)
			continue;
		labelled++;
		for (j = 0; j < n; j++) {
			if (truth[j] == NONE)
				continue;
			a += pred[i] == pred[j];
			b += truth[i] == truth[j];
			c += pred[i] == pred[j] && truth[i] == truth[j];
			if (j > i) {
				pp += pred[i] == pred[j];
				tt += truth[i] == truth[j];
				tp +=
				    pred[i] == pred[j] && truth[i] == truth[j];
			}
		}
		b3p += (double)c / (double)a;
		b3r += (double)c / (double)b;
	}
	b3p /= (double)labelled;
	b3r /= (double)labelled;
	score(pred, truth, n, &m);
	ok(m.n == labelled, "random %zu/%u/%u: %zu labelled", n, npred, ntrue,
	    labelled);
	ok(m.tp == tp && m.pred_pairs == pp && m.true_pairs == tt,
	    "random %zu/%u/%u: pairs as brute force (tp %llu/%llu, pred "
	    "%llu/%llu, true %llu/%llu)",
	    n, npred, ntrue, (unsigned long long)m.tp, (unsigned long long)tp,
	    (unsigned long long)m.pred_pairs, (unsigned long long)pp,
	    (unsigned long long)m.true_pairs, (unsigned long long)tt);
	ok(fabs(m.b3p - b3p) < 1e-9 && fabs(m.b3r - b3r) < 1e-9,
	    "random %zu/%u/%u: b3 as brute force (%.9f/%.9f, %.9f/%.9f)", n,
	    npred, ntrue, m.b3p, b3p, m.b3r, b3r);
	ok(tp > 0 || npred >= n, "random %zu/%u/%u: some true positives", n,
	    npred, ntrue);

	st = sb_linkeval_true_pairs(truth, n, &got, &e);
	ok(st == SB_OK && got == tt, "random %zu: true pairs %llu", n,
	    (unsigned long long)got);
	for (i = 0; i < np; i++) {
		/* Half the pairs inside a true cluster where one is near. */
		pairs[i].i = rnd((uint32_t)n);
		pairs[i].j = rnd((uint32_t)n);
		if (i % 2 == 0)
			for (j = pairs[i].i + 1; j < n && j < pairs[i].i + 50;
			     j++)
				if (truth[j] == truth[pairs[i].i]) {
					pairs[i].j = (uint32_t)j;
					break;
				}
		if (pairs[i].i != pairs[i].j && truth[pairs[i].i] != NONE &&
		    truth[pairs[i].i] == truth[pairs[i].j])
			ctp++;
	}
	st = sb_linkeval_candidates(pairs, np, truth, n, &got, &e);
	ok(st == SB_OK && got == ctp && ctp > 0,
	    "random %zu: %llu true candidate pairs of %zu", n,
	    (unsigned long long)got, np);
	free(pred);
	free(truth);
	free(pairs);
}

static void
t_candidates(void)
{
	static const size_t truth[] = {7, 7, NONE, NONE, 8, 8, 8};
	static const struct sb_linkeval_pair pairs[] = {
	    {0, 1}, {1, 0}, {2, 3}, {0, 0}, {4, 6}, {0, 4}, {5, 6}, {3, 5}};
	struct sb_linkeval_pair badp[] = {{0, 1}, {1, 7}};
	struct sb_err e = {0};
	uint64_t n = 99;
	int st;

	st = sb_linkeval_candidates(pairs, 8, truth, 7, &n, &e);
	ok(st == SB_OK && n == 4,
	    "candidates: 4 true (both orders counted, no-truth and self "
	    "pairs not): %llu",
	    (unsigned long long)n);
	ok(sb_linkeval_candidates(pairs, 0, truth, 7, &n, &e) == SB_OK &&
	        n == 0,
	    "no candidates: 0");
	ok(sb_linkeval_true_pairs(truth, 7, &n, &e) == SB_OK && n == 4,
	    "true pairs 1 + 3, no-truth mentions left out");
	st = sb_linkeval_candidates(badp, 2, truth, 7, &n, &e);
	ok(st == SB_FATAL && e.kind == SB_E_USAGE &&
	        strstr(e.msg, "pair 1") != NULL,
	    "index out of range: SB_FATAL naming the pair (%s)", e.msg);
}

/* -------------------------------------------------------------- truth */

static void
t_truth1(void)
{
	static const char text[] =
	    "{\"sb\":\"truth/1\",\"kind\":\"run\",\"seed\":\"7\",\"cases\":2,"
	    "\"dirty\":0,\"version\":\"0.1.0\"}\n"
	    "{\"sb\":\"truth/1\",\"kind\":\"case\",\"source\":\"pl/x.csv\","
	    "\"record\":1}\n"
	    "{\"sb\":\"truth/1\",\"kind\":\"person\",\"person\":\"P0000001\","
	    "\"cc\":\"UA\",\"sex\":\"F\",\"dob\":\"2011-08-12\",\"given\":"
	    "\"I\",\"family\":\"S\",\"role\":\"victim\"}\n"
	    "{\"sb\":\"truth/1\",\"kind\":\"mention\",\"source\":"
	    "\"pl/x.csv\",\"record\":1,\"person_index\":0,\"person\":"
	    "\"P0000001\",\"role\":\"victim\"}\n"
	    "\n"
	    "{\"sb\":\"truth/1\",\"kind\":\"mention\",\"source\":"
	    "\"pl/x.csv\",\"record\":1,\"person_index\":1,\"person\":"
	    "\"P0000002\"}\r\n"
	    "{\"sb\":\"truth/1\",\"kind\":\"mention\",\"source\":"
	    "\"it/a.tar.gz\",\"member\":\"SICP/r g/r.csv\",\"record\":3,"
	    "\"person_index\":0,\"person\":\"P0000003\"}\n"
	    "{\"sb\":\"truth/1\",\"kind\":\"mention\",\"source\":"
	    "\"it/a.tar.gz\",\"member\":\"SICP/other.csv\",\"record\":3,"
	    "\"person_index\":0,\"person\":\"P0000004\"}\n"
	    "{\"sb\":\"truth/1\",\"kind\":\"mention\",\"source\":\"x.csv\","
	    "\"record\":5,\"person_index\":0,\"person\":\"P0000009\"}\n"
	    "  {\"sb\":\"truth/1\",\"kind\":\"mention\",\"source\":"
	    "\"pl/x.csv\",\"record\":1,\"person_index\":0,\"person\":"
	    "\"P0000001\"}  \n"
	    "{\"sb\":\"truth/1\",\"kind\":\"span\",\"source\":\"pl/x.csv\","
	    "\"record\":1,\"narrative\":0,\"start\":0,\"end\":3,\"type\":"
	    "\"phone\"}";
	struct sb_truth *t = NULL;
	struct sb_err e = {0};
	char src[32];
	int i;

	if (sb_truth_load(&t, FILE_S("truth.ndjson", text), &e) != SB_OK) {
		ok(0, "truth/1 loads: %s", e.msg);
		return;
	}
	ok(sb_truth_format(t) == SB_TRUTH_PROV, "truth/1: format PROV");
	ok(sb_truth_count(t) == 5, "truth/1: 5 mentions, a repeat once (%zu)",
	    sb_truth_count(t));
	is_str(sb_truth_by_prov(t, "pl/x.csv", NULL, 1, 0), "P0000001",
	    "source as in the truth");
	is_str(sb_truth_by_prov(t, "pl/x.csv", NULL, 1, 1), "P0000002",
	    "second person of the record");
	is_str(sb_truth_by_prov(t, "/abs/dir/pl/x.csv", NULL, 1, 1), "P0000002",
	    "absolute path ending in /pl/x.csv");
	is_str(sb_truth_by_prov(t, "./pl/x.csv", NULL, 1, 0), "P0000001",
	    "./pl/x.csv");
	is_str(sb_truth_by_prov(t, "/abs/dir/pl/x.csv", NULL, 1, 0), "P0000001",
	    "the same source again (cached)");
	ok(sb_truth_by_prov(t, "xpl/x.csv", NULL, 1, 0) == NULL,
	    "xpl/x.csv is not pl/x.csv");
	ok(sb_truth_by_prov(t, "/d/xpl/x.csv", NULL, 1, 0) == NULL,
	    "/d/xpl/x.csv is not pl/x.csv");
	ok(sb_truth_by_prov(t, "l/x.csv", NULL, 1, 0) == NULL,
	    "l/x.csv is not pl/x.csv");
	ok(sb_truth_by_prov(t, "pl/x.csv/", NULL, 1, 0) == NULL,
	    "pl/x.csv/ is not pl/x.csv");
	is_str(sb_truth_by_prov(t, "xpl/x.csv", NULL, 5, 0), "P0000009",
	    "xpl/x.csv ends in /x.csv, a truth source");
	is_str(sb_truth_by_prov(t, "/d/x.csv", NULL, 5, 0), "P0000009",
	    "/d/x.csv: x.csv");
	ok(sb_truth_by_prov(t, "/d/pl/x.csv", NULL, 5, 0) == NULL,
	    "/d/pl/x.csv: the longest truth source, pl/x.csv, only");
	ok(sb_truth_by_prov(t, "pl/x.csv", NULL, 2, 0) == NULL,
	    "unknown record");
	ok(sb_truth_by_prov(t, "pl/x.csv", NULL, 1, 2) == NULL,
	    "unknown person index");
	ok(sb_truth_by_prov(t, "pl/x.csv", NULL, 0, 0) == NULL &&
	        sb_truth_by_prov(t, "pl/x.csv", NULL, 1, -1) == NULL,
	    "record 0, index -1: NULL");
	ok(sb_truth_by_prov(t, "pl/x.csv", "SICP/r g/r.csv", 1, 0) == NULL,
	    "a member where the truth has none");
	is_str(sb_truth_by_prov(t, "it/a.tar.gz", "SICP/r g/r.csv", 3, 0),
	    "P0000003", "with member");
	is_str(sb_truth_by_prov(t, "/data/it/a.tar.gz", "SICP/r g/r.csv", 3, 0),
	    "P0000003", "with member, absolute source");
	is_str(sb_truth_by_prov(t, "it/a.tar.gz", "SICP/other.csv", 3, 0),
	    "P0000004", "another member of the same archive");
	ok(sb_truth_by_prov(t, "it/a.tar.gz", NULL, 3, 0) == NULL,
	    "member missing");
	ok(sb_truth_by_prov(t, "it/a.tar.gz", "r g/r.csv", 3, 0) == NULL,
	    "another member");
	ok(sb_truth_by_prov(t, "", NULL, 1, 0) == NULL &&
	        sb_truth_by_prov(t, "/", NULL, 1, 0) == NULL,
	    "empty source, \"/\"");
	ok(sb_truth_by_ref(t, "PL:K:1#victim") == NULL,
	    "by reference in a truth/1 truth: NULL");
	/* Many distinct sources: past the cache, lookups still work. */
	for (i = 0; i < SB_TRUTH_CACHE_MAX + 10; i++) {
		snprintf(src, sizeof(src), "/d%d/pl/x.csv", i);
		if (sb_truth_by_prov(t, src, NULL, 1, 1) == NULL)
			break;
	}
	ok(i == SB_TRUTH_CACHE_MAX + 10, "%d distinct sources resolved", i);
	is_str(sb_truth_by_prov(t, "/d70000/pl/x.csv", NULL, 1, 0), "P0000001",
	    "a source the full cache does not hold");
	sb_truth_free(t);
}

static void
t_csv(void)
{
	static const char text[] = "\xef\xbb\xbfmention,id\n"
	                           "\"BG:MVR:123/2024, Sofia#victim\",P1\n"
	                           "PL:PK:a b#suspect_2 , P2\r\n"
	                           "\n"
	                           "\"IT:Q:say \"\"no\"\"#v\",\"P3\"\n"
	                           "\"GR:EL:multi\nline#w\",P4\n"
	                           "BG:MVR:123/2024#victim,P1\n"
	                           "BG:MVR:9#x,P1";
	static const char nohead[] = "FI:POL:1#v,Q1\nFI:POL:2#v,Q2\n";
	struct sb_truth *t = NULL;
	struct sb_err e = {0};

	if (sb_truth_load(&t, FILE_S("truth.csv", text), &e) != SB_OK) {
		ok(0, "CSV truth loads: %s", e.msg);
		return;
	}
	ok(sb_truth_format(t) == SB_TRUTH_REF, "CSV: format REF");
	ok(sb_truth_count(t) == 6, "CSV: 6 mentions, header left out (%zu)",
	    sb_truth_count(t));
	is_str(sb_truth_by_ref(t, "BG:MVR:123/2024, Sofia#victim"), "P1",
	    "quoted reference with a comma and spaces");
	is_str(sb_truth_by_ref(t, "PL:PK:a b#suspect_2"), "P2",
	    "unquoted, spaces around trimmed, CRLF");
	is_str(sb_truth_by_ref(t, "IT:Q:say \"no\"#v"), "P3",
	    "doubled quotes inside quotes");
	is_str(sb_truth_by_ref(t, "GR:EL:multi\nline#w"), "P4",
	    "a quoted line break");
	is_str(sb_truth_by_ref(t, "BG:MVR:123/2024#victim"), "P1",
	    "a reference that differs by the comma");
	is_str(sb_truth_by_ref(t, "BG:MVR:9#x"), "P1",
	    "last row without a line end");
	is_str(sb_truth_by_case(t, "BG:MVR:123/2024, Sofia", "victim"), "P1",
	    "by case_id and pid");
	ok(sb_truth_by_ref(t, "mention") == NULL &&
	        sb_truth_by_ref(t, "BG:MVR:123/2024") == NULL &&
	        sb_truth_by_case(t, "BG:MVR:123/2024", "suspect") == NULL,
	    "unknown references: NULL");
	ok(sb_truth_by_prov(t, "pl/x.csv", NULL, 1, 0) == NULL,
	    "by provenance in a CSV truth: NULL");
	sb_truth_free(t);

	t = NULL;
	if (sb_truth_load(&t, FILE_S("nohead.csv", nohead), &e) != SB_OK) {
		ok(0, "CSV without a header loads: %s", e.msg);
		return;
	}
	ok(sb_truth_count(t) == 2, "no header: the first row is a mention");
	is_str(sb_truth_by_ref(t, "FI:POL:1#v"), "Q1", "no header: row 1");
	sb_truth_free(t);
}

/* A load that must fail with kind, and a message holding want (and
 * never the string secret, when not NULL). */
static void
bad(const char *name, const char *text, enum sb_errkind kind, const char *want,
    const char *secret)
{
	struct sb_truth *t = (struct sb_truth *)&t;
	struct sb_err e = {0};
	int st = sb_truth_load(&t, FILE_S(name, text), &e);

	ok(st == SB_FATAL && t == NULL && e.kind == kind &&
	        strstr(e.msg, want) != NULL && strstr(e.msg, name) != NULL &&
	        (secret == NULL || strstr(e.msg, secret) == NULL),
	    "%s: fails with \"%s\" (%s)", name, want, e.msg);
}

static void
t_errors(void)
{
	struct sb_truth *t = (struct sb_truth *)&t;
	struct sb_err e = {0};
	char *big;
	size_t n = SB_TRUTH_LINE_MAX + 100;
	int st;

	st = sb_truth_load(&t, "/nonexistent/truth.ndjson", &e);
	ok(st == SB_FATAL && t == NULL && e.kind == SB_E_NOINPUT &&
	        strstr(e.msg, "/nonexistent/truth.ndjson") != NULL,
	    "missing file: SB_E_NOINPUT (%s)", e.msg);
	bad("badjson.ndjson",
	    "{\"sb\":\"truth/1\",\"kind\":\"run\"}\n\n"
	    "{\"sb\":\"truth/1\",\"kind\":\"mention\",\"person\":"
	    "\"SECRET7\"\n",
	    SB_E_DATA, ".ndjson:3: not a JSON value", "SECRET7");
	bad("trailing.ndjson",
	    "{\"sb\":\"truth/1\",\"kind\":\"run\"} SECRET7\n", SB_E_DATA,
	    ":1: text after", "SECRET7");
	bad("notruth.ndjson",
	    "{\"sb\":\"truth/1\",\"kind\":\"run\"}\n"
	    "{\"sb\":\"case/1\",\"case_id\":\"SECRET7\"}\n",
	    SB_E_DATA, ":2: not a truth/1 line", "SECRET7");
	bad("nokind.ndjson", "{\"sb\":\"truth/1\"}\n", SB_E_DATA,
	    ":1: no \"kind\"", NULL);
	bad("norecord.ndjson",
	    "{\"sb\":\"truth/1\",\"kind\":\"mention\",\"source\":\"a.csv\","
	    "\"person_index\":0,\"person\":\"SECRET7\"}\n",
	    SB_E_DATA, ":1: mention without a \"record\"", "SECRET7");
	bad("record0.ndjson",
	    "{\"sb\":\"truth/1\",\"kind\":\"mention\",\"source\":\"a.csv\","
	    "\"record\":0,\"person_index\":0,\"person\":\"P1\"}\n",
	    SB_E_DATA, ":1: mention without a \"record\"", NULL);
	bad("index.ndjson",
	    "{\"sb\":\"truth/1\",\"kind\":\"mention\",\"source\":\"a.csv\","
	    "\"record\":1,\"person_index\":0.5,\"person\":\"P1\"}\n",
	    SB_E_DATA, ":1: mention without a \"person_index\"", NULL);
	bad("member.ndjson",
	    "{\"sb\":\"truth/1\",\"kind\":\"mention\",\"source\":\"a.csv\","
	    "\"member\":7,\"record\":1,\"person_index\":0,\"person\":"
	    "\"P1\"}\n",
	    SB_E_DATA, ":1: mention \"member\"", NULL);
	bad("twice.ndjson",
	    "{\"sb\":\"truth/1\",\"kind\":\"mention\",\"source\":\"a.csv\","
	    "\"record\":1,\"person_index\":0,\"person\":\"P1\"}\n"
	    "{\"sb\":\"truth/1\",\"kind\":\"mention\",\"source\":\"a.csv\","
	    "\"record\":1,\"person_index\":0,\"person\":\"P2\"}\n",
	    SB_E_DATA, ":2: mention given before", NULL);
	bad("empty.csv", "\n  \n", SB_E_DATA, "no ground truth", NULL);
	bad("onecol.csv", "mention,id\nPL:K:SECRET7#v\n", SB_E_DATA,
	    ".csv:2: want 2 fields", "SECRET7");
	bad("threecol.csv", "PL:K:1#v,P1,SECRET7\n", SB_E_DATA,
	    ":1: want 2 fields", "SECRET7");
	bad("nohash.csv", "PL:K:1#v,P1\nP2,PL:K:2#v\n", SB_E_DATA,
	    ":2: the mention reference has no '#'", NULL);
	bad("emptyid.csv", "PL:K:1#v,\n", SB_E_DATA, ":1: empty field", NULL);
	bad("twice.csv", "\"PL:K:1#v\",P1\nPL:K:1#v,P2\n", SB_E_DATA,
	    ":2: mention given before", NULL);
	bad("quote.csv", "PL:K:1#v,P1\nPL:K:\"SECRET7\"x#v,P2\n", SB_E_DATA,
	    ":2: malformed CSV", "SECRET7");
	bad("open.csv", "PL:K:1#v,P1\n\n\"PL:K:2#v,P2\nmore\n", SB_E_DATA,
	    ":3: quoted field not closed", NULL);

	if ((big = malloc(n + 1)) == NULL) {
		ok(0, "long line: memory");
		return;
	}
	memset(big, ' ', n);
	big[0] = '{';
	big[n] = '\0';
	bad("long.ndjson", big, SB_E_NOMEM, ":1: line longer than", NULL);
	big[0] = '"';
	bad("long.csv", big, SB_E_NOMEM, ":1: line longer than", NULL);
	free(big);
}

static void
cleanup(void)
{
	static const char *names[] = {"truth.ndjson", "truth.csv", "nohead.csv",
	    "badjson.ndjson", "trailing.ndjson", "notruth.ndjson",
	    "nokind.ndjson", "norecord.ndjson", "record0.ndjson",
	    "index.ndjson", "member.ndjson", "twice.ndjson", "empty.csv",
	    "onecol.csv", "threecol.csv", "nohash.csv", "emptyid.csv",
	    "twice.csv", "quote.csv", "open.csv", "long.ndjson", "long.csv"};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(pathbuf, sizeof(pathbuf), "%s/%s", dir, names[i]);
		if (unlink(pathbuf) != 0 && errno != ENOENT)
			printf("# could not remove %s\n", pathbuf);
	}
	if (rmdir(dir) != 0)
		printf("# could not remove %s\n", dir);
}

int
main(void)
{
	sb_rng_seed(&rng, "t_linkeval");
	if (mkdtemp(dir) == NULL) {
		printf("Bail out! mkdtemp: %s\n", strerror(errno));
		return 1;
	}
	t_perfect();
	t_one_cluster();
	t_singletons();
	t_textbook();
	t_empty();
	t_random(3000, 400, 300);
	t_random(2000, 5, 40);
	t_random(2500, 2500, 60);
	t_candidates();
	t_truth1();
	t_csv();
	t_errors();
	cleanup();
	return tap_done();
}
