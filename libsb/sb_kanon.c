/*
 * sb_kanon.c: k-anonymity by one step of local recoding, then suppression.
 *
 * Values are interned per attribute in an sb_pool (every distinct string
 * is stored once, at an address that never moves), and a row holds one
 * 32-bit id per attribute (id 0 is the missing value).  The id of each
 * value one level up its hierarchy is the pool's value of the id, interned
 * in the same pool, so the released tuple of a row is its ids, mapped
 * through those values when the row was raised.  Equivalence classes are
 * counted in an open-addressing table keyed by the tuple of ids.
 *
 * Strings and tuples are hashed with SipHash-2-4 under a random key per
 * pool (tuples under the first attribute's), so crafted input cannot make
 * the tables degenerate.  The outcome depends only on which tuples are
 * equal, never on the key, on the ids or on the order of rows.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>
#include <unicode/uregion.h>

#include "sb_kanon.h"
#include "sb_pool.h"

#define NONE UINT32_MAX
#define ROWS_MAX ((size_t)1 << 30) /* rows in one table */
#define GEN_TMP 16                 /* "2020-2024", "151" */

#define ROW_RAISED 0x1
#define ROW_SUPPRESSED 0x2

/* The distinct values of one attribute. */
struct attr {
	enum sb_qi_kind kind;
	struct sb_pool *pool; /* id 0: missing; value: the id one level up */
	size_t nup;           /* ids with their value computed */
};

/* One equivalence class in the table sb_kanon_run() counts them in. */
struct cls {
	uint32_t hash;
	uint32_t row; /* a row of the class; NONE: empty */
	uint32_t count;
};

struct sb_kanon {
	size_t nattrs;
	struct attr attrs[SB_KANON_MAX_ATTRS];
	uint32_t *ids;  /* nrows * nattrs, level 0 */
	uint8_t *flags; /* ROW_* per row */
	size_t nrows, caprows;
};

/* Age bands, lowest age first, with their values one and two levels up. */
static const struct band {
	int lo;
	const char *name, *up1, *up2;
} bands[] = {
    {0, "0-4", "0-9", "0-17"},
    {5, "5-9", "0-9", "0-17"},
    {10, "10-14", "10-17", "0-17"},
    {15, "15-17", "10-17", "0-17"},
    {18, "18-24", "18-34", "18+"},
    {25, "25-34", "18-34", "18+"},
    {35, "35-44", "35-64", "18+"},
    {45, "45-54", "35-64", "18+"},
    {55, "55-64", "35-64", "18+"},
    {65, "65+", "65+", "18+"},
};
#define NBANDS (sizeof(bands) / sizeof(bands[0]))

/* ------------------------------------------------------ hierarchies */

static bool
valid_kind(enum sb_qi_kind kind)
{
	switch (kind) {
	case SB_QI_AGE_BAND:
	case SB_QI_SEX:
	case SB_QI_COUNTRY:
	case SB_QI_REGION:
	case SB_QI_YEAR:
	case SB_QI_TEXT:
		return true;
	}
	return false;
}

int
sb_kanon_age_band(int age, char *out, size_t cap)
{
	size_t i, n;

	if (age < 0 || out == NULL)
		return -1;
	for (i = NBANDS - 1; bands[i].lo > age; i--)
		continue;
	n = strlen(bands[i].name);
	if (n >= cap)
		return -1;
	memcpy(out, bands[i].name, n + 1);
	return (int)n;
}

static const struct band *
find_band(const char *v, size_t len)
{
	for (size_t i = 0; i < NBANDS; i++)
		if (strlen(bands[i].name) == len &&
		    memcmp(bands[i].name, v, len) == 0)
			return &bands[i];
	return NULL;
}

/* The UN M49 sub-region of an ISO alpha-2 code, as three digits in
 * tmp[GEN_TMP]; 0 when the code is no territory ICU knows or the
 * territory has no numeric sub-region (Antarctica, Outlying Oceania). */
static size_t
subregion(const char *v, size_t len, char *tmp)
{
	UErrorCode ue = U_ZERO_ERROR;
	const URegion *r, *s;
	const char *code;
	char cc[3];
	size_t i;

	if (len != 2)
		return 0;
	for (i = 0; i < 2; i++) {
		if (v[i] >= 'a' && v[i] <= 'z')
			cc[i] = (char)(v[i] - 'a' + 'A');
		else if (v[i] >= 'A' && v[i] <= 'Z')
			cc[i] = v[i];
		else
			return 0;
	}
	cc[2] = '\0';
	r = uregion_getRegionFromCode(cc, &ue);
	if (U_FAILURE(ue) || r == NULL || uregion_getType(r) != URGN_TERRITORY)
		return 0;
	s = uregion_getContainingRegionOfType(r, URGN_SUBCONTINENT);
	if (s == NULL || (code = uregion_getRegionCode(s)) == NULL)
		return 0;
	for (i = 0; i < 3; i++)
		if (code[i] < '0' || code[i] > '9')
			return 0;
	if (code[3] != '\0')
		return 0;
	memcpy(tmp, code, 4);
	return 3;
}

/* A year block of `width` years holding the four-digit year v, aligned
 * to a multiple of width, in tmp[GEN_TMP]; 0 when v is no year. */
static size_t
year_block(const char *v, size_t len, unsigned width, char *tmp)
{
	unsigned y = 0, lo;
	size_t i;
	int n;

	if (len != 4)
		return 0;
	for (i = 0; i < 4; i++) {
		if (v[i] < '0' || v[i] > '9')
			return 0;
		y = y * 10 + (unsigned)(v[i] - '0');
	}
	lo = y - y % width;
	n = snprintf(
	    tmp, GEN_TMP, "%04u-%04u", lo % 10000u, (lo + width - 1) % 10000u);
	return n > 0 && n < GEN_TMP ? (size_t)n : 0;
}

/*
 * The value v (len bytes; NULL: missing) `level` steps up its kind's
 * hierarchy: *out is set to a constant, to a prefix of v or to tmp, and
 * the length is returned.  *out is NULL only for a missing value at
 * level 0.  Each level is computed from the value as given, never from
 * the level below: "65+" is "65+" one level up and "18+" two levels up.
 */
static size_t
gen(enum sb_qi_kind kind, const char *v, size_t len, int level, char *tmp,
    const char **out)
{
	const struct band *b;
	const char *slash;
	size_t n = 0;

	*out = v;
	if (level == 0)
		return len;
	if (v == NULL)
		goto star;
	switch (kind) {
	case SB_QI_AGE_BAND:
		if (level > 2 || (b = find_band(v, len)) == NULL)
			goto star;
		*out = level == 1 ? b->up1 : b->up2;
		return strlen(*out);
	case SB_QI_COUNTRY:
		if (level == 1 && (n = subregion(v, len, tmp)) > 0)
			break;
		goto star;
	case SB_QI_REGION:
		if (level > 1)
			goto star;
		slash = memchr(v, '/', len);
		if ((n = slash != NULL ? (size_t)(slash - v) : len) == 0)
			goto star;
		return n;
	case SB_QI_YEAR:
		if (level <= 2 &&
		    (n = year_block(v, len, level == 1 ? 2 : 5, tmp)) > 0)
			break;
		goto star;
	case SB_QI_SEX:
	case SB_QI_TEXT:
	default:
		goto star;
	}
	*out = tmp;
	return n;
star:
	*out = "*";
	return 1;
}

int
sb_kanon_generalise(
    enum sb_qi_kind kind, const char *value, int level, char *out, size_t cap)
{
	char tmp[GEN_TMP];
	const char *s;
	size_t n;

	if (level < 0 || out == NULL || !valid_kind(kind))
		return -1;
	n = gen(kind, value, value != NULL ? strlen(value) : 0, level, tmp, &s);
	if (s == NULL || n >= cap || n > INT_MAX)
		return -1;
	memmove(out, s, n); /* s may be a prefix of value, and value out */
	out[n] = '\0';
	return (int)n;
}

/* ------------------------------------------------------------ pools */

/* The values of the ids added since the last run: the id of each value
 * one level up, interned in the same pool. */
static int
attr_up(struct attr *at)
{
	size_t n = sb_pool_count(at->pool) + 1, id, len;
	char tmp[GEN_TMP];
	const char *s;
	uint32_t up;

	for (id = at->nup; id < n; id++) {
		/* The strings do not move as values are added. */
		len = gen(at->kind, sb_pool_str(at->pool, (uint32_t)id),
		    sb_pool_len(at->pool, (uint32_t)id), 1, tmp, &s);
		if (sb_pool_intern(at->pool, s, len, &up, NULL) != 0)
			return -1;
		sb_pool_setval(at->pool, (uint32_t)id, up);
	}
	at->nup = n;
	return 0;
}

/* ------------------------------------------------------------ table */

int
sb_kanon_new(struct sb_kanon **out, const enum sb_qi_kind *kinds, size_t nattrs,
    struct sb_err *e)
{
	struct sb_kanon *k = NULL;
	size_t a;
	int st = SB_FATAL;

	*out = NULL;
	if (nattrs == 0 || nattrs > SB_KANON_MAX_ATTRS || kinds == NULL) {
		sb_seterr(e, SB_FATAL, SB_E_USAGE,
		    "k-anonymity needs 1 to %d quasi-identifiers",
		    SB_KANON_MAX_ATTRS);
		goto out;
	}
	for (a = 0; a < nattrs; a++)
		if (!valid_kind(kinds[a])) {
			sb_seterr(e, SB_FATAL, SB_E_USAGE,
			    "quasi-identifier %zu: unknown kind", a + 1);
			goto out;
		}
	if (sodium_init() < 0) {
		sb_seterr(e, SB_FATAL, SB_E_NOMEM, "libsodium cannot start");
		goto out;
	}
	if ((k = calloc(1, sizeof(*k))) == NULL)
		goto nomem;
	k->nattrs = nattrs;
	for (a = 0; a < nattrs; a++) {
		k->attrs[a].kind = kinds[a];
		if (sb_pool_new(&k->attrs[a].pool, SB_POOL_VALUES) != 0)
			goto nomem;
	}
	*out = k;
	k = NULL;
	st = SB_OK;
	goto out;
nomem:
	sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
out:
	sb_kanon_free(k);
	return st;
}

void
sb_kanon_free(struct sb_kanon *k)
{
	if (k == NULL)
		return;
	for (size_t a = 0; a < k->nattrs; a++)
		sb_pool_free(k->attrs[a].pool);
	free(k->ids);
	free(k->flags);
	free(k);
}

static int
grow_rows(struct sb_kanon *k)
{
	size_t cap = k->caprows ? k->caprows * 2 : 1024;
	uint32_t *ids;
	uint8_t *flags;

	if (cap > ROWS_MAX)
		cap = ROWS_MAX;
	if (cap > SIZE_MAX / (k->nattrs * sizeof(*ids)))
		return -1;
	if ((ids = realloc(k->ids, cap * k->nattrs * sizeof(*ids))) == NULL)
		return -1;
	k->ids = ids;
	if ((flags = realloc(k->flags, cap)) == NULL)
		return -1;
	k->flags = flags;
	k->caprows = cap;
	return 0;
}

int
sb_kanon_add(struct sb_kanon *k, const char *const *values, struct sb_err *e)
{
	uint32_t *row;

	if (k->nrows >= ROWS_MAX)
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM,
		    "k-anonymity: more than %zu rows", ROWS_MAX);
	if (k->nrows == k->caprows && grow_rows(k) != 0)
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
	row = k->ids + k->nrows * k->nattrs;
	for (size_t a = 0; a < k->nattrs; a++) {
		if (values[a] == NULL)
			row[a] = 0;
		else if (sb_pool_intern(k->attrs[a].pool, values[a],
		             strlen(values[a]), &row[a], NULL) != 0)
			return sb_seterr(
			    e, SB_FATAL, SB_E_NOMEM, "out of memory");
	}
	k->flags[k->nrows++] = 0;
	return SB_OK;
}

/* ------------------------------------------------------------ the run */

/* The ids of row r as released now (before suppression). */
static void
tuple(const struct sb_kanon *k, size_t r, uint32_t *t)
{
	const uint32_t *ids = k->ids + r * k->nattrs;
	size_t a;

	if (k->flags[r] & ROW_RAISED)
		for (a = 0; a < k->nattrs; a++)
			t[a] = sb_pool_val(k->attrs[a].pool, ids[a]);
	else
		memcpy(t, ids, k->nattrs * sizeof(*t));
}

/* Count the equivalence classes of all rows into tab[nslots] (a power of
 * two, at least twice the rows); cls[r] is the slot of row r's class. */
static void
classify(
    const struct sb_kanon *k, struct cls *tab, size_t nslots, uint32_t *cls)
{
	uint32_t t[SB_KANON_MAX_ATTRS], u[SB_KANON_MAX_ATTRS], h;
	size_t mask = nslots - 1, tlen = k->nattrs * sizeof(t[0]), r, j;

	for (j = 0; j < nslots; j++) {
		tab[j].row = NONE;
		tab[j].count = 0;
	}
	for (r = 0; r < k->nrows; r++) {
		tuple(k, r, t);
		h = sb_pool_hash(k->attrs[0].pool, t, tlen);
		for (j = h & mask; tab[j].row != NONE; j = (j + 1) & mask) {
			if (tab[j].hash != h)
				continue;
			tuple(k, tab[j].row, u);
			if (memcmp(t, u, tlen) == 0)
				break;
		}
		if (tab[j].row == NONE) {
			tab[j].row = (uint32_t)r;
			tab[j].hash = h;
		}
		tab[j].count++;
		cls[r] = (uint32_t)j;
	}
}

int
sb_kanon_run(struct sb_kanon *k, size_t kmin, struct sb_kanon_stats *st,
    struct sb_err *e)
{
	struct sb_kanon_stats local;
	struct cls *tab = NULL;
	uint32_t *cls = NULL;
	size_t nslots = 16, r, a;
	int rc = SB_FATAL;

	if (st == NULL)
		st = &local;
	memset(st, 0, sizeof(*st));
	st->rows = k->nrows;
	if (kmin == 0)
		kmin = 1;
	for (a = 0; a < k->nattrs; a++)
		if (attr_up(&k->attrs[a]) != 0)
			goto nomem;
	while (nslots < 2 * k->nrows)
		nslots *= 2;
	if ((tab = malloc(nslots * sizeof(*tab))) == NULL ||
	    (cls = malloc((k->nrows ? k->nrows : 1) * sizeof(*cls))) == NULL)
		goto nomem;
	if (k->nrows > 0)
		memset(k->flags, 0, k->nrows);

	classify(k, tab, nslots, cls);
	for (r = 0; r < k->nrows; r++)
		if (tab[cls[r]].count < kmin) {
			k->flags[r] |= ROW_RAISED;
			st->below_k++;
		}
	st->generalised = st->below_k;
	if (st->generalised > 0)
		classify(k, tab, nslots, cls);
	for (r = 0; r < k->nrows; r++)
		if (tab[cls[r]].count < kmin) {
			k->flags[r] |= ROW_SUPPRESSED;
			st->suppressed++;
		}
	for (r = 0; r < nslots; r++) {
		if (tab[r].row == NONE || tab[r].count < kmin)
			continue;
		st->classes++;
		if (st->achieved_k == 0 || tab[r].count < st->achieved_k)
			st->achieved_k = tab[r].count;
	}
	rc = SB_OK;
	goto out;
nomem:
	rc = sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
out:
	free(tab);
	free(cls);
	return rc;
}

const char *
sb_kanon_value(const struct sb_kanon *k, size_t row, size_t a)
{
	uint32_t id;

	if (k == NULL || row >= k->nrows || a >= k->nattrs)
		return NULL;
	if (k->flags[row] & ROW_SUPPRESSED)
		return "*";
	id = k->ids[row * k->nattrs + a];
	if (k->flags[row] & ROW_RAISED)
		id = sb_pool_val(k->attrs[a].pool, id);
	return sb_pool_str(k->attrs[a].pool, id);
}

int
sb_kanon_level(const struct sb_kanon *k, size_t row)
{
	if (k == NULL || row >= k->nrows)
		return -1;
	return (k->flags[row] & ROW_RAISED) ? 1 : 0;
}

bool
sb_kanon_suppressed(const struct sb_kanon *k, size_t row)
{
	if (k == NULL || row >= k->nrows)
		return false;
	return (k->flags[row] & ROW_SUPPRESSED) != 0;
}
