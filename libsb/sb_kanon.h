/*
 * sb_kanon: k-anonymity over quasi-identifiers (issue 4, point 5).
 *
 * Rows (one per victim) hold one value per quasi-identifier, each of a
 * kind with a generalisation hierarchy (sb_kanon_generalise): age band
 * -> wider band -> child/adult -> "*"; sex -> "*"; country -> UN M49
 * sub-region (ICU region data) -> "*"; region ("CC/region") -> country
 * -> "*"; year -> two-year -> five-year period -> "*"; plain text -> "*".
 * Every level is computed from the value as given ("65+" is "65+" one
 * level up and "18+" two levels up); a value a hierarchy does not know
 * (an age that is no band, a country ICU does not know or that has no
 * numeric M49 sub-region, a year that is not four digits) goes straight
 * to "*", and so does a missing value.
 *
 * sb_kanon_run: rows whose equivalence class (rows with equal values on
 * every quasi-identifier) is smaller than k are generalised one level
 * further on every attribute (local recoding); rows still in a class
 * below k are suppressed: every quasi-identifier becomes "*" and the
 * caller removes those members.  The achieved k is the smallest class of
 * rows not suppressed (0 when every row is suppressed).  The result is
 * deterministic: it does not depend on the order rows were added in.
 * Classes are counted on the released values: a raised row joins rows
 * already at that value.  Expected time O(rows); values are interned: a
 * row costs 4 bytes per quasi-identifier and 1 byte of flags.
 *
 * Ownership: sb_kanon copies the values (of any length); the strings
 * sb_kanon_value() returns stay valid until sb_kanon_free().  After
 * sb_kanon_run() the readers (sb_kanon_value, _level, _suppressed) only
 * read and may be called from several threads at once.
 */
#ifndef SB_KANON_H
#define SB_KANON_H
#include <stdbool.h>
#include <stddef.h>
#include "sb.h"

enum sb_qi_kind {
	SB_QI_AGE_BAND, /* "10-14", "65+" (sb_kanon_age_band) */
	SB_QI_SEX,	/* case/1 sex values */
	SB_QI_COUNTRY,	/* ISO alpha-2 */
	SB_QI_REGION,	/* "BG/Plovdiv": country, '/', region */
	SB_QI_YEAR,	/* "2020" */
	SB_QI_TEXT,	/* anything else: value, then "*" */
};

#define SB_KANON_MAX_ATTRS 16
#define SB_KANON_VALUE_MAX 128

/* The age band of an age in years: 0-4 5-9 10-14 15-17 18-24 25-34 35-44
 * 45-54 55-64 65+ (children in narrower bands, the HTCDS age groups).
 * Writes into out[cap]; -1 for a negative age or a short buffer. */
int sb_kanon_age_band(int age, char *out, size_t cap);

/* value generalised `level` steps up its kind's hierarchy (level 0: as
 * is); "*" at and beyond the top.  value NULL (missing) is "*" above
 * level 0.  Returns the length, or -1 for a negative level, an unknown
 * kind, a NULL value at level 0 or a short buffer.  out may be value. */
int sb_kanon_generalise(enum sb_qi_kind kind, const char *value, int level,
    char *out, size_t cap);

struct sb_kanon_stats {
	size_t rows;		/* rows added */
	size_t classes;		/* classes released (not suppressed) */
	size_t below_k;		/* rows in a class below k at level 0 */
	size_t generalised;	/* rows raised one level (= below_k) */
	size_t suppressed;	/* rows suppressed (all were raised) */
	size_t achieved_k;	/* smallest class not suppressed, or 0 */
};

struct sb_kanon;

/* kinds[nattrs], 1 <= nattrs <= SB_KANON_MAX_ATTRS (else SB_FATAL,
 * SB_E_USAGE); *out is NULL on failure. */
int sb_kanon_new(struct sb_kanon **out, const enum sb_qi_kind *kinds,
    size_t nattrs, struct sb_err *e);
void sb_kanon_free(struct sb_kanon *k);
/* Add a row: values[nattrs], NULL for a missing value (a value of its
 * own, "unknown").  Returns SB_OK or SB_FATAL (memory, or more than
 * 2^30 rows). */
int sb_kanon_add(struct sb_kanon *k, const char *const *values,
    struct sb_err *e);
/* Classify, raise and suppress for kmin (0 counts as 1: nothing changes);
 * st may be NULL.  It may run again, with rows added or another kmin: each
 * run starts from the values as added.  SB_OK or SB_FATAL (memory). */
int sb_kanon_run(struct sb_kanon *k, size_t kmin, struct sb_kanon_stats *st,
    struct sb_err *e);
/* After sb_kanon_run: the row's final value of attribute a (generalised,
 * "*" when suppressed, NULL when missing at level 0), its level (0, or 1
 * when raised, suppressed rows included) and whether the row was
 * suppressed.  Before a run: the values as added, level 0.  Rows count
 * from 0 in the order added; out of range: NULL, -1, false. */
const char *sb_kanon_value(const struct sb_kanon *k, size_t row, size_t a);
int sb_kanon_level(const struct sb_kanon *k, size_t row);
bool sb_kanon_suppressed(const struct sb_kanon *k, size_t row);
#endif
