/* sb_kanon: hierarchies, local recoding, suppression, achieved k. */
#include <stdint.h>
#include <stdlib.h>

#include "sb_kanon.h"
#include "sb_rng.h"
#include "tap.h"

#define NBIG 100000
#define KBIG 5

static char gbuf[SB_KANON_VALUE_MAX];

/* sb_kanon_generalise() into a static buffer; NULL on -1. */
static const char *
g(enum sb_qi_kind kind, const char *v, int level)
{
	return sb_kanon_generalise(kind, v, level, gbuf, sizeof(gbuf)) < 0
	    ? NULL
	    : gbuf;
}

/* The random data of the tests, seeded in main. */
static struct sb_rng rng;

static uint32_t
rnd(uint32_t n)
{
	return sb_rng_below(&rng, n);
}

static void
t_age_band(void)
{
	static const struct {
		int age;
		const char *band;
	} t[] = {{0, "0-4"}, {4, "0-4"}, {5, "5-9"}, {9, "5-9"}, {10, "10-14"},
	    {14, "10-14"}, {15, "15-17"}, {17, "15-17"}, {18, "18-24"},
	    {24, "18-24"}, {25, "25-34"}, {34, "25-34"}, {35, "35-44"},
	    {44, "35-44"}, {45, "45-54"}, {54, "45-54"}, {55, "55-64"},
	    {64, "55-64"}, {65, "65+"}, {120, "65+"}};
	char b[8];
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		int n = sb_kanon_age_band(t[i].age, b, sizeof(b));

		ok(n == (int)strlen(t[i].band) && strcmp(b, t[i].band) == 0,
		    "age %d: band %s", t[i].age, t[i].band);
	}
	ok(sb_kanon_age_band(-1, b, sizeof(b)) == -1, "negative age: -1");
	ok(sb_kanon_age_band(12, b, 5) == -1, "short buffer: -1");
	ok(sb_kanon_age_band(12, b, 6) == 5, "buffer of exactly the band");
}

static void
t_hierarchies(void)
{
	static const struct {
		const char *band, *l1, *l2;
	} ages[] = {{"0-4", "0-9", "0-17"}, {"5-9", "0-9", "0-17"},
	    {"10-14", "10-17", "0-17"}, {"15-17", "10-17", "0-17"},
	    {"18-24", "18-34", "18+"}, {"25-34", "18-34", "18+"},
	    {"35-44", "35-64", "18+"}, {"45-54", "35-64", "18+"},
	    {"55-64", "35-64", "18+"}, {"65+", "65+", "18+"}};
	static const enum sb_qi_kind kinds[] = {SB_QI_AGE_BAND, SB_QI_SEX,
	    SB_QI_COUNTRY, SB_QI_REGION, SB_QI_YEAR, SB_QI_TEXT};
	char small[4], alias[32];
	size_t i;

	for (i = 0; i < sizeof(ages) / sizeof(ages[0]); i++) {
		is_str(g(SB_QI_AGE_BAND, ages[i].band, 0), ages[i].band,
		    "age %s level 0", ages[i].band);
		is_str(g(SB_QI_AGE_BAND, ages[i].band, 1), ages[i].l1,
		    "age %s level 1", ages[i].band);
		is_str(g(SB_QI_AGE_BAND, ages[i].band, 2), ages[i].l2,
		    "age %s level 2", ages[i].band);
		is_str(g(SB_QI_AGE_BAND, ages[i].band, 3), "*",
		    "age %s level 3", ages[i].band);
	}
	is_str(g(SB_QI_AGE_BAND, "10-14", 9), "*", "age beyond the top");
	is_str(g(SB_QI_AGE_BAND, "17", 0), "17", "unknown band level 0");
	is_str(g(SB_QI_AGE_BAND, "17", 1), "*", "unknown band level 1");
	is_str(
	    g(SB_QI_AGE_BAND, "0-9", 1), "*", "a wider band is no input band");

	is_str(g(SB_QI_SEX, "F", 0), "F", "sex level 0");
	is_str(g(SB_QI_SEX, "F", 1), "*", "sex level 1");
	is_str(g(SB_QI_SEX, "M", 4), "*", "sex beyond the top");

	is_str(g(SB_QI_COUNTRY, "BG", 0), "BG", "country level 0");
	is_str(g(SB_QI_COUNTRY, "BG", 1), "151", "BG: Eastern Europe");
	is_str(g(SB_QI_COUNTRY, "RO", 1), "151", "RO: Eastern Europe");
	is_str(g(SB_QI_COUNTRY, "DE", 1), "155", "DE: Western Europe");
	is_str(g(SB_QI_COUNTRY, "IT", 1), "039", "IT: Southern Europe");
	is_str(g(SB_QI_COUNTRY, "GB", 1), "154", "GB: Northern Europe");
	is_str(g(SB_QI_COUNTRY, "NG", 1), "011", "NG: Western Africa");
	is_str(g(SB_QI_COUNTRY, "US", 1), "021", "US: Northern America");
	is_str(g(SB_QI_COUNTRY, "bg", 1), "151", "lower case alpha-2");
	is_str(g(SB_QI_COUNTRY, "BG", 2), "*", "country level 2");
	is_str(g(SB_QI_COUNTRY, "ZZ", 1), "*", "unknown region: *");
	is_str(g(SB_QI_COUNTRY, "QQ", 1), "*", "unassigned code: *");
	is_str(g(SB_QI_COUNTRY, "EU", 1), "*", "a grouping is no country");
	is_str(g(SB_QI_COUNTRY, "SU", 1), "*", "a deprecated code: *");
	is_str(
	    g(SB_QI_COUNTRY, "AQ", 1), "*", "Antarctica has no M49 sub-region");
	is_str(g(SB_QI_COUNTRY, "BGR", 1), "*", "alpha-3 is not alpha-2");
	is_str(g(SB_QI_COUNTRY, "151", 1), "*", "a region code is no country");
	is_str(g(SB_QI_COUNTRY, "B1", 1), "*", "digit in a code");
	is_str(g(SB_QI_COUNTRY, "", 1), "*", "empty country");

	is_str(
	    g(SB_QI_REGION, "BG/Plovdiv", 0), "BG/Plovdiv", "region level 0");
	is_str(g(SB_QI_REGION, "BG/Plovdiv", 1), "BG", "region level 1");
	is_str(g(SB_QI_REGION, "BG/Plovdiv", 2), "*", "region level 2");
	is_str(g(SB_QI_REGION, "BG", 1), "BG",
	    "a country alone is its own country");
	is_str(g(SB_QI_REGION, "BG/a/b", 1), "BG", "first slash counts");
	is_str(g(SB_QI_REGION, "/Plovdiv", 1), "*", "no country part: *");

	is_str(g(SB_QI_YEAR, "2020", 0), "2020", "year level 0");
	is_str(g(SB_QI_YEAR, "2020", 1), "2020-2021", "2020 level 1");
	is_str(g(SB_QI_YEAR, "2021", 1), "2020-2021", "2021 level 1");
	is_str(g(SB_QI_YEAR, "2019", 1), "2018-2019", "2019 level 1");
	is_str(g(SB_QI_YEAR, "2020", 2), "2020-2024", "2020 level 2");
	is_str(g(SB_QI_YEAR, "2024", 2), "2020-2024", "2024 level 2");
	is_str(g(SB_QI_YEAR, "2025", 2), "2025-2029", "2025 level 2");
	is_str(g(SB_QI_YEAR, "2019", 2), "2015-2019", "2019 level 2");
	is_str(g(SB_QI_YEAR, "2020", 3), "*", "year level 3");
	is_str(g(SB_QI_YEAR, "0999", 1), "0998-0999", "four digits kept");
	is_str(g(SB_QI_YEAR, "20x0", 1), "*", "not a year: *");
	is_str(g(SB_QI_YEAR, "202", 1), "*", "three digits: *");
	is_str(g(SB_QI_YEAR, "20201", 1), "*", "five digits: *");

	is_str(g(SB_QI_TEXT, "sexual", 0), "sexual", "text level 0");
	is_str(g(SB_QI_TEXT, "sexual", 1), "*", "text level 1");

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		ok(g(kinds[i], NULL, 0) == NULL,
		    "kind %zu: a missing value has no text at level 0", i);
		is_str(g(kinds[i], NULL, 1), "*",
		    "kind %zu: a missing value is * at level 1", i);
		is_str(g(kinds[i], NULL, 7), "*",
		    "kind %zu: a missing value is * above", i);
	}
	ok(g(SB_QI_SEX, "F", -1) == NULL, "negative level: -1");
	ok(g((enum sb_qi_kind)42, "F", 0) == NULL, "unknown kind: -1");
	ok(sb_kanon_generalise(SB_QI_YEAR, "2020", 1, small, sizeof(small)) ==
	        -1,
	    "short buffer: -1");
	ok(sb_kanon_generalise(
	       SB_QI_REGION, "BG/Sofia", 0, small, sizeof(small)) == -1,
	    "short buffer at level 0: -1");
	ok(sb_kanon_generalise(SB_QI_SEX, "F", 1, small, 2) == 1 &&
	        strcmp(small, "*") == 0,
	    "a buffer of exactly *");
	strcpy(alias, "RO/Iasi");
	ok(sb_kanon_generalise(SB_QI_REGION, alias, 1, alias, sizeof(alias)) ==
	            2 &&
	        strcmp(alias, "RO") == 0,
	    "output may be the input");
}

static void
t_new_errors(void)
{
	enum sb_qi_kind kinds[SB_KANON_MAX_ATTRS + 1];
	struct sb_kanon *k = (struct sb_kanon *)&kinds;
	struct sb_err e = {0};
	size_t i;

	for (i = 0; i <= SB_KANON_MAX_ATTRS; i++)
		kinds[i] = SB_QI_TEXT;
	ok(sb_kanon_new(&k, kinds, 0, &e) == SB_FATAL && k == NULL &&
	        e.kind == SB_E_USAGE,
	    "no attribute: usage error");
	ok(sb_kanon_new(&k, kinds, SB_KANON_MAX_ATTRS + 1, &e) == SB_FATAL &&
	        k == NULL,
	    "too many attributes: usage error");
	kinds[3] = (enum sb_qi_kind)99;
	e.kind = SB_E_NONE;
	ok(sb_kanon_new(&k, kinds, 5, &e) == SB_FATAL && k == NULL &&
	        e.kind == SB_E_USAGE && strstr(e.msg, "4") != NULL,
	    "unknown kind: usage error naming the attribute");
	ok(sb_kanon_new(&k, kinds, SB_KANON_MAX_ATTRS, &e) == SB_FATAL,
	    "unknown kind among 16");
	kinds[3] = SB_QI_TEXT;
	ok(sb_kanon_new(&k, kinds, SB_KANON_MAX_ATTRS, &e) == SB_OK &&
	        k != NULL,
	    "16 attributes are fine");
	sb_kanon_free(k);
	sb_kanon_free(NULL);
	ok(1, "sb_kanon_free(NULL)");
}

/* The hand-worked example over age band, sex, citizenship, year; k = 2.
 *
 *   row  at level 0                level 0 class  level 1
 *   0,1,9 10-14 F  BG  2020        3: kept
 *   2    15-17 F  RO  2021         1: raised     10-17 * 151 2020-2021 (2)
 *   3    10-14 M  BG  2020         1: raised     10-17 * 151 2020-2021 (2)
 *   4    25-34 F  DE  2019         1: raised     18-34 * 155 2018-2019 (1)
 *   5    -     F  -   2020         1: raised     *     * *   2020-2021 (2)
 *   6    -     M  -   2021         1: raised     *     * *   2020-2021 (2)
 *   7,8  18-24 F  -   2022         2: kept
 *
 * Row 4 stays alone and is suppressed; classes released: {0,1,9},
 * {2,3}, {5,6}, {7,8}; achieved k = 2. */
static const char *const hand_in[][4] = {
    {"10-14", "F", "BG", "2020"},
    {"10-14", "F", "BG", "2020"},
    {"15-17", "F", "RO", "2021"},
    {"10-14", "M", "BG", "2020"},
    {"25-34", "F", "DE", "2019"},
    {NULL, "F", NULL, "2020"},
    {NULL, "M", NULL, "2021"},
    {"18-24", "F", NULL, "2022"},
    {"18-24", "F", NULL, "2022"},
    {"10-14", "F", "BG", "2020"},
};
static const char *const hand_out[][4] = {
    {"10-14", "F", "BG", "2020"},
    {"10-14", "F", "BG", "2020"},
    {"10-17", "*", "151", "2020-2021"},
    {"10-17", "*", "151", "2020-2021"},
    {"*", "*", "*", "*"},
    {"*", "*", "*", "2020-2021"},
    {"*", "*", "*", "2020-2021"},
    {"18-24", "F", NULL, "2022"},
    {"18-24", "F", NULL, "2022"},
    {"10-14", "F", "BG", "2020"},
};
static const int hand_level[] = {0, 0, 1, 1, 1, 1, 1, 0, 0, 0};
#define NHAND (sizeof(hand_in) / sizeof(hand_in[0]))

static const enum sb_qi_kind hand_kinds[] = {
    SB_QI_AGE_BAND, SB_QI_SEX, SB_QI_COUNTRY, SB_QI_YEAR};

static struct sb_kanon *
hand_table(void)
{
	struct sb_kanon *k;
	struct sb_err e = {0};
	size_t r;

	if (sb_kanon_new(&k, hand_kinds, 4, &e) != SB_OK)
		return NULL;
	for (r = 0; r < NHAND; r++)
		if (sb_kanon_add(k, hand_in[r], &e) != SB_OK) {
			sb_kanon_free(k);
			return NULL;
		}
	return k;
}

static void
t_hand(void)
{
	struct sb_kanon_stats st;
	struct sb_err e = {0};
	struct sb_kanon *k;
	size_t r, a;

	if (!ok((k = hand_table()) != NULL, "hand-worked table"))
		return;
	ok(sb_kanon_level(k, 2) == 0 && !sb_kanon_suppressed(k, 2) &&
	        strcmp(sb_kanon_value(k, 2, 0), "15-17") == 0 &&
	        sb_kanon_value(k, 5, 0) == NULL,
	    "before the run: the values as added");
	ok(sb_kanon_run(k, 2, &st, &e) == SB_OK, "run with k = 2");
	for (r = 0; r < NHAND; r++) {
		for (a = 0; a < 4; a++)
			is_str(sb_kanon_value(k, r, a), hand_out[r][a],
			    "row %zu attribute %zu", r, a);
		ok(sb_kanon_level(k, r) == hand_level[r], "row %zu level %d", r,
		    hand_level[r]);
		ok(sb_kanon_suppressed(k, r) == (r == 4), "row %zu %s", r,
		    r == 4 ? "suppressed" : "released");
	}
	ok(st.rows == 10, "stats: 10 rows");
	ok(st.below_k == 5, "stats: 5 rows below k at level 0");
	ok(st.generalised == 5, "stats: 5 rows generalised");
	ok(st.suppressed == 1, "stats: 1 row suppressed");
	ok(st.classes == 4, "stats: 4 classes released");
	ok(st.achieved_k == 2, "stats: achieved k = 2");

	/* Rows 0, 1 and 9 form the only class of 3. */
	ok(sb_kanon_run(k, 3, &st, &e) == SB_OK && st.achieved_k == 3 &&
	        st.classes == 1 && st.suppressed == 7 && st.below_k == 7 &&
	        !sb_kanon_suppressed(k, 0) && sb_kanon_suppressed(k, 7) &&
	        sb_kanon_level(k, 7) == 1,
	    "a second run with k = 3 starts afresh");
	ok(sb_kanon_run(k, 2, &st, &e) == SB_OK && st.suppressed == 1 &&
	        st.achieved_k == 2 && !sb_kanon_suppressed(k, 7) &&
	        sb_kanon_level(k, 7) == 0,
	    "and back to k = 2");

	ok(sb_kanon_value(k, NHAND, 0) == NULL &&
	        sb_kanon_value(k, 0, 4) == NULL,
	    "value out of range: NULL");
	ok(sb_kanon_level(k, NHAND) == -1, "level out of range: -1");
	ok(!sb_kanon_suppressed(k, NHAND), "suppressed out of range: false");
	sb_kanon_free(k);
}

static void
t_kmin_one(void)
{
	struct sb_kanon_stats st;
	struct sb_err e = {0};
	struct sb_kanon *k;
	size_t r, a, kmin;
	bool same;

	for (kmin = 0; kmin <= 1; kmin++) {
		if ((k = hand_table()) == NULL ||
		    sb_kanon_run(k, kmin, &st, &e) != SB_OK) {
			ok(0, "k = %zu: run", kmin);
			sb_kanon_free(k);
			continue;
		}
		same = true;
		for (r = 0; r < NHAND; r++) {
			same = same && sb_kanon_level(k, r) == 0 &&
			    !sb_kanon_suppressed(k, r);
			for (a = 0; a < 4; a++) {
				const char *v = sb_kanon_value(k, r, a);

				same = same &&
				    (v == NULL ? hand_in[r][a] == NULL
				               : hand_in[r][a] != NULL &&
				                strcmp(v, hand_in[r][a]) == 0);
			}
		}
		ok(same, "k = %zu: every value as added", kmin);
		ok(st.rows == 10 && st.below_k == 0 && st.generalised == 0 &&
		        st.suppressed == 0 && st.classes == 7 &&
		        st.achieved_k == 1,
		    "k = %zu: stats", kmin);
		sb_kanon_free(k);
	}
}

static void
t_all_suppressed(void)
{
	static const enum sb_qi_kind kinds[] = {SB_QI_TEXT, SB_QI_YEAR};
	static const char *const rows[][2] = {
	    {"a", "2001"}, {"b", "2005"}, {"c", "2010"}};
	struct sb_kanon_stats st;
	struct sb_err e = {0};
	struct sb_kanon *k;
	bool all = true;
	size_t r;

	if (sb_kanon_new(&k, kinds, 2, &e) != SB_OK)
		return;
	ok(sb_kanon_run(k, 5, &st, &e) == SB_OK && st.rows == 0 &&
	        st.achieved_k == 0 && st.classes == 0,
	    "no rows: achieved 0");
	for (r = 0; r < 3; r++)
		sb_kanon_add(k, rows[r], &e);
	ok(sb_kanon_run(k, 2, &st, &e) == SB_OK, "run with k = 2");
	for (r = 0; r < 3; r++)
		all = all && sb_kanon_suppressed(k, r) &&
		    strcmp(sb_kanon_value(k, r, 0), "*") == 0 &&
		    strcmp(sb_kanon_value(k, r, 1), "*") == 0;
	ok(all, "every row suppressed, every value *");
	ok(st.achieved_k == 0 && st.classes == 0 && st.suppressed == 3 &&
	        st.generalised == 3,
	    "achieved k 0, no class released");
	ok(sb_kanon_run(k, 1000, &st, &e) == SB_OK && st.suppressed == 3 &&
	        st.achieved_k == 0,
	    "k above the row count");
	sb_kanon_free(k);
}

/* Raised values share a class with rows already at that value; missing
 * values are a value of their own at level 0. */
static void
t_null_and_merge(void)
{
	static const enum sb_qi_kind kinds[] = {SB_QI_TEXT};
	static const char *const v[] = {"x", "x", NULL, NULL, "", "*", "y"};
	struct sb_kanon_stats st;
	struct sb_err e = {0};
	struct sb_kanon *k;
	size_t r;

	if (sb_kanon_new(&k, kinds, 1, &e) != SB_OK)
		return;
	for (r = 0; r < sizeof(v) / sizeof(v[0]); r++)
		sb_kanon_add(k, &v[r], &e);
	ok(sb_kanon_run(k, 2, &st, &e) == SB_OK, "run");
	ok(sb_kanon_value(k, 2, 0) == NULL && sb_kanon_value(k, 3, 0) == NULL &&
	        sb_kanon_level(k, 2) == 0,
	    "two missing values: a class of 2, kept missing");
	ok(sb_kanon_level(k, 4) == 1 && sb_kanon_level(k, 5) == 1 &&
	        sb_kanon_level(k, 6) == 1,
	    "empty, * and y are alone: raised");
	is_str(sb_kanon_value(k, 4, 0), "*", "empty text raised to *");
	ok(!sb_kanon_suppressed(k, 4) && !sb_kanon_suppressed(k, 6),
	    "the three raised rows make a class of 3");
	ok(st.classes == 3 && st.achieved_k == 2 && st.suppressed == 0,
	    "classes {x}, {missing}, {*}");
	sb_kanon_free(k);

	/* Only a missing value is missing: "" and NULL differ. */
	static const char *const w[] = {"", NULL};
	if (sb_kanon_new(&k, kinds, 1, &e) != SB_OK)
		return;
	sb_kanon_add(k, &w[0], &e);
	sb_kanon_add(k, &w[1], &e);
	ok(sb_kanon_run(k, 1, &st, &e) == SB_OK && st.classes == 2,
	    "empty and missing are two classes");
	is_str(sb_kanon_value(k, 0, 0), "", "empty stays empty");
	ok(sb_kanon_value(k, 1, 0) == NULL, "missing stays NULL");
	sb_kanon_free(k);
}

static void
t_long_value(void)
{
	static const enum sb_qi_kind kinds[] = {SB_QI_REGION, SB_QI_TEXT};
	char *big = malloc(100001);
	const char *vals[2];
	struct sb_kanon_stats st;
	struct sb_err e = {0};
	struct sb_kanon *k;
	size_t r;

	if (big == NULL || sb_kanon_new(&k, kinds, 2, &e) != SB_OK) {
		free(big);
		return;
	}
	memset(big, 'q', 100000);
	big[100000] = '\0';
	big[2] = '/';
	vals[0] = big;
	vals[1] = big + 50000;
	for (r = 0; r < 3; r++)
		ok(sb_kanon_add(k, vals, &e) == SB_OK, "add a long value");
	ok(sb_kanon_run(k, 3, &st, &e) == SB_OK && st.achieved_k == 3 &&
	        strcmp(sb_kanon_value(k, 2, 0), big) == 0 &&
	        strcmp(sb_kanon_value(k, 1, 1), big + 50000) == 0,
	    "long values kept whole");
	ok(sb_kanon_run(k, 4, &st, &e) == SB_OK && st.suppressed == 3,
	    "and raised");
	sb_kanon_free(k);
	free(big);
}

/* ---------------------------------------------------- random tables */

static const enum sb_qi_kind rkinds[] = {
    SB_QI_AGE_BAND, SB_QI_SEX, SB_QI_COUNTRY, SB_QI_REGION, SB_QI_YEAR};
#define RATTRS (sizeof(rkinds) / sizeof(rkinds[0]))
#define RVAL 24

struct rrow {
	char v[RATTRS][RVAL];
	bool null[RATTRS];
};

static const char *
rval(const struct rrow *r, size_t a)
{
	return r->null[a] ? NULL : r->v[a];
}

/* Skewed values: most rows fall in a few common classes, some in rare
 * ones, some values missing. */
static void
random_row(struct rrow *r)
{
	static const char *const bands[] = {"15-17", "18-24", "25-34", "10-14",
	    "35-44", "0-4", "5-9", "45-54", "55-64", "65+"};
	static const char *const cc[] = {
	    "BG", "RO", "UA", "MD", "NG", "VN", "DE", "AL", "BR", "XX"};
	size_t a, skew;

	for (a = 0; a < RATTRS; a++)
		r->null[a] = rnd(40) == 0;
	skew = rnd(4) == 0 ? 10 : 3;
	snprintf(r->v[0], RVAL, "%s", bands[rnd((uint32_t)skew)]);
	snprintf(r->v[1], RVAL, "%s", rnd(3) ? "F" : "M");
	snprintf(r->v[2], RVAL, "%s", cc[rnd((uint32_t)skew)]);
	snprintf(r->v[3], RVAL, "%s/r%u", cc[rnd((uint32_t)skew)],
	    rnd(skew == 3 ? 2 : 30));
	snprintf(r->v[4], RVAL, "%u", 2010 + rnd(skew == 3 ? 3 : 15));
}

/* "value\x1f..." of a row as released, missing as "\x1e". */
static void
released_key(const struct sb_kanon *k, size_t row, char *out, size_t cap)
{
	size_t a, n = 0;

	out[0] = '\0';
	for (a = 0; a < RATTRS; a++) {
		const char *v = sb_kanon_value(k, row, a);

		n += (size_t)snprintf(
		    out + n, cap - n, "%s\x1f", v != NULL ? v : "\x1e");
	}
}

#define KEYW (RATTRS * RVAL)

static int
cmp_key(const void *x, const void *y)
{
	return strcmp(x, y);
}

static void
t_random_big(void)
{
	struct rrow *rows = malloc(NBIG * sizeof(*rows));
	char *keys = malloc((size_t)NBIG * KEYW), gen[SB_KANON_VALUE_MAX];
	struct sb_kanon_stats st;
	struct sb_err e = {0};
	struct sb_kanon *k = NULL;
	size_t r, a, n, run, nclasses = 0, min = 0, small = 0, nsup = 0;
	bool vals_ok = true, sup_ok = true;

	if (rows == NULL || keys == NULL ||
	    sb_kanon_new(&k, rkinds, RATTRS, &e) != SB_OK)
		goto out;
	for (r = 0; r < NBIG; r++) {
		const char *v[RATTRS];

		random_row(&rows[r]);
		for (a = 0; a < RATTRS; a++)
			v[a] = rval(&rows[r], a);
		if (sb_kanon_add(k, v, &e) != SB_OK)
			goto out;
	}
	ok(sb_kanon_run(k, KBIG, &st, &e) == SB_OK, "%d rows: run, k = %d",
	    NBIG, KBIG);
	ok(st.generalised > 0 && st.suppressed > 0 &&
	        st.suppressed < st.generalised,
	    "%d rows: some rows generalised (%zu), fewer suppressed (%zu)",
	    NBIG, st.generalised, st.suppressed);

	/* Every released value is the value added, at the row's level. */
	for (r = 0, n = 0; r < NBIG; r++) {
		if (sb_kanon_suppressed(k, r)) {
			nsup++;
			for (a = 0; a < RATTRS; a++)
				sup_ok = sup_ok &&
				    strcmp(sb_kanon_value(k, r, a), "*") == 0;
			continue;
		}
		for (a = 0; a < RATTRS; a++) {
			const char *v = sb_kanon_value(k, r, a);
			int l = sb_kanon_level(k, r);

			if (rows[r].null[a] && l == 0)
				vals_ok = vals_ok && v == NULL;
			else
				vals_ok = vals_ok && v != NULL &&
				    sb_kanon_generalise(rkinds[a],
				        rval(&rows[r], a), l, gen,
				        sizeof(gen)) >= 0 &&
				    strcmp(v, gen) == 0;
		}
		released_key(k, r, keys + n * KEYW, KEYW);
		n++;
	}
	ok(vals_ok,
	    "released values are the values added, generalised to the row's "
	    "level");
	ok(sup_ok && nsup == st.suppressed,
	    "suppressed rows: every value *, as many as the stats say");

	/* Classes recomputed by sorting the released tuples. */
	qsort(keys, n, KEYW, cmp_key);
	for (r = 0; r < n; r += run) {
		for (run = 1; r + run < n &&
		     strcmp(keys + r * KEYW, keys + (r + run) * KEYW) == 0;
		     run++)
			continue;
		nclasses++;
		if (run < KBIG)
			small++;
		if (min == 0 || run < min)
			min = run;
	}
	ok(small == 0, "every released class has at least %d rows", KBIG);
	ok(nclasses == st.classes, "classes: %zu counted, %zu in stats",
	    nclasses, st.classes);
	ok(min == st.achieved_k && min >= KBIG, "achieved k %zu (stats %zu)",
	    min, st.achieved_k);
	ok(st.rows == NBIG && st.below_k == st.generalised,
	    "stats: rows, below k");
out:
	if (k == NULL)
		ok(0, "random table");
	sb_kanon_free(k);
	free(rows);
	free(keys);
}

/* The same rows added in another order give the same result, row by
 * row, and the same stats. */
static void
t_order(void)
{
	enum { N = 3000 };
	struct rrow *rows = malloc(N * sizeof(*rows));
	size_t *perm = malloc(N * sizeof(*perm));
	struct sb_kanon *k1 = NULL, *k2 = NULL;
	struct sb_kanon_stats s1, s2;
	struct sb_err e = {0};
	bool same = true;
	size_t r, a, j, t;

	if (rows == NULL || perm == NULL ||
	    sb_kanon_new(&k1, rkinds, RATTRS, &e) != SB_OK ||
	    sb_kanon_new(&k2, rkinds, RATTRS, &e) != SB_OK)
		goto out;
	for (r = 0; r < N; r++) {
		random_row(&rows[r]);
		perm[r] = r;
	}
	for (r = N - 1; r > 0; r--) {
		j = rnd((uint32_t)r + 1);
		t = perm[r];
		perm[r] = perm[j];
		perm[j] = t;
	}
	for (r = 0; r < N; r++) {
		const char *v1[RATTRS], *v2[RATTRS];

		for (a = 0; a < RATTRS; a++) {
			v1[a] = rval(&rows[r], a);
			v2[a] = rval(&rows[perm[r]], a);
		}
		if (sb_kanon_add(k1, v1, &e) != SB_OK ||
		    sb_kanon_add(k2, v2, &e) != SB_OK)
			goto out;
	}
	ok(sb_kanon_run(k1, 4, &s1, &e) == SB_OK &&
	        sb_kanon_run(k2, 4, &s2, &e) == SB_OK,
	    "shuffled: both run");
	for (r = 0; r < N; r++) {
		/* Row perm[r] of k1 is row r of k2. */
		same = same &&
		    sb_kanon_level(k1, perm[r]) == sb_kanon_level(k2, r) &&
		    sb_kanon_suppressed(k1, perm[r]) ==
		        sb_kanon_suppressed(k2, r);
		for (a = 0; a < RATTRS; a++) {
			const char *x = sb_kanon_value(k1, perm[r], a);
			const char *y = sb_kanon_value(k2, r, a);

			same = same &&
			    (x == NULL ? y == NULL
			               : y != NULL && strcmp(x, y) == 0);
		}
	}
	ok(same, "shuffled: every row released alike");
	ok(memcmp(&s1, &s2, sizeof(s1)) == 0 && s1.generalised > 0 &&
	        s1.suppressed > 0,
	    "shuffled: same stats (%zu generalised, %zu suppressed, k %zu)",
	    s1.generalised, s1.suppressed, s1.achieved_k);
out:
	if (k2 == NULL)
		ok(0, "shuffled tables");
	sb_kanon_free(k1);
	sb_kanon_free(k2);
	free(rows);
	free(perm);
}

int
main(void)
{
	sb_rng_seed(&rng, "t_kanon");
	t_age_band();
	t_hierarchies();
	t_new_errors();
	t_hand();
	t_kmin_one();
	t_all_suppressed();
	t_null_and_merge();
	t_long_value();
	t_random_big();
	t_order();
	return tap_done();
}
