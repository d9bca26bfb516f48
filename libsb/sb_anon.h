/*
 * sb_anon: turns one case/1 record into an anonymised case/1 record
 * (issue 4): keyed tokens for direct identifiers, CLK encodings and a
 * token for names and dates of birth, scrubbed narratives, generalised
 * quasi-identifiers, and the `anon` member that says how.
 *
 * What leaves, person by person (man/sb-anonymise.1 is the reference):
 *   name        -> name_enc {token, clk, given_clk, family_clk, aliases};
 *                  a name's CLK is the union of its words' CLKs
 *   dob         -> birth {year[, month]} and dob_enc {token, clk}
 *   age_trafficked, dob -> age (at the case date) and age_band
 *   identifiers -> {type, token[, scheme, country, normalised:false]}
 *   addresses   -> {locality, region, country}; street and postcode go
 * and for the case: dates cut to the month (or as asked), event places
 * to locality/region/country, narratives and event descriptions
 * scrubbed (sb_scrub), flags without their as_written value.  A member
 * this version does not know is a reason to reject the record, never
 * copied.  Records of other types (link/1, ...) pass through unchanged,
 * as every tool of the pipeline does, except reject/1 and truth/1,
 * which hold raw data by definition and are rejected.
 *
 * k-anonymity (sb_kanon) needs the whole batch: sb_anon_survey() reads
 * a record's victims' quasi-identifiers (and names, for the two-pass
 * gazetteer) in a first pass; the second pass gets the released values
 * through struct sb_anon_release.
 *
 * Ownership: struct sb_anon is built once and then only read (threads
 * share it); each thread has its own struct sb_anon_work.
 */
#ifndef SB_ANON_H
#define SB_ANON_H
#include <stdbool.h>
#include <stddef.h>
#include "sb.h"
#include "sb_buf.h"
#include "sb_clk.h"
#include "sb_kanon.h"
#include "sb_key.h"
#include "sb_scrub.h"

enum sb_anon_prec { SB_ANON_YEAR = 4, SB_ANON_MONTH = 7, SB_ANON_DAY = 10 };

/* Quasi-identifiers sb-anonymise knows, for --qi. */
enum sb_anon_qi {
	SB_AQ_AGE_BAND,
	SB_AQ_SEX,
	SB_AQ_CITIZENSHIP,
	SB_AQ_REGION,
	SB_AQ_YEAR,
	SB_AQ_LOCALITY,
	SB_AQ_EXPLOITATION,
	SB_AQ_COUNT
};
const char *sb_anon_qi_name(enum sb_anon_qi q);
int sb_anon_qi_by_name(const char *name, size_t n);
enum sb_qi_kind sb_anon_qi_kind(enum sb_anon_qi q);

struct sb_anon_opts {
	const struct sb_key *key;		/* borrowed */
	struct sb_clk_params clk;
	enum sb_anon_prec dates;		/* event and case dates */
	bool birth_month;			/* birth.month too */
	const struct sb_scrub *scrub;		/* borrowed */
	const struct sb_scrub_gaz *gaz;		/* two-pass; may be NULL */
	/* --k: the quasi-identifiers, and the k asked for (0: none). */
	enum sb_anon_qi qi[SB_KANON_MAX_ATTRS];
	size_t nqi;
	size_t k;
};

/* Released quasi-identifiers of the victims of one record (second pass
 * of --k): row of its first victim in the sb_kanon table, and the table. */
struct sb_anon_release {
	const struct sb_kanon *kanon;
	size_t first_row;
	size_t achieved_k;
};

struct sb_anon_counts {
	size_t passed; /* records of other types, passed through */
	size_t persons, names, dobs, ids, ids_unnormalised, narratives;
	size_t hits[SB_SCRUB_NTYPES];
	size_t victims_generalised, victims_suppressed;
};

/* t += c, member by member. */
void sb_anon_counts_add(struct sb_anon_counts *t,
    const struct sb_anon_counts *c);

struct sb_anon;
struct sb_anon_work;

int sb_anon_new(struct sb_anon **out, const struct sb_anon_opts *o,
    struct sb_err *e);
void sb_anon_free(struct sb_anon *a);
int sb_anon_work_new(struct sb_anon_work **out, struct sb_err *e);
void sb_anon_work_free(struct sb_anon_work *w);

/* Where hit/1 lines (one per scrubbed span: the record's provenance,
 * field, byte offsets in the original text, type) go; NULL: nowhere. */
void sb_anon_work_set_hits(struct sb_anon_work *w, struct sb_buf *hits);

/* Anonymise one NDJSON line rec[0..n) (without its newline) and append
 * it, newline included, to out.  rel is NULL without --k.  SB_OK,
 * SB_REJECT (e->msg says why, naming members, never values; nothing
 * appended) or SB_FATAL. */
int sb_anon_record(const struct sb_anon *a, struct sb_anon_work *w,
    const char *rec, size_t n, const struct sb_anon_release *rel,
    struct sb_buf *out, struct sb_anon_counts *c, struct sb_err *e);

/* First pass of --k and two-pass scrubbing: add the record's victims'
 * quasi-identifiers to kanon (when not NULL; *nvictims rows) and its
 * persons' names to gaz (when not NULL).  SB_OK, SB_REJECT (the second
 * pass rejects it again, adding no row) or SB_FATAL. */
int sb_anon_survey(const struct sb_anon *a, struct sb_anon_work *w,
    const char *rec, size_t n, struct sb_kanon *kanon, size_t *nvictims,
    struct sb_scrub_gaz *gaz, struct sb_err *e);

/* sb_anon_survey in two halves, so that workers can survey records side
 * by side and one thread add their findings in input order:
 * sb_anon_survey_collect appends to out a frame of what the record adds
 * (its named persons when names, its victims' quasi-identifiers when
 * victims; an empty frame for a record that adds nothing) and returns as
 * sb_anon_survey.  Without victims the record is not checked: a record
 * the second pass rejects still gives the names of its persons, which
 * scrubs more, never less.  sb_anon_survey_apply adds
 * the frame at *frame to kanon and gaz (either may be NULL) and moves
 * *frame past it.  A frame is only read by the same build that wrote it. */
int sb_anon_survey_collect(const struct sb_anon *a, struct sb_anon_work *w,
    const char *rec, size_t n, bool names, bool victims,
    struct sb_buf *out, struct sb_err *e);
int sb_anon_survey_apply(const struct sb_anon *a, const char **frame,
    struct sb_kanon *kanon, size_t *nvictims, struct sb_scrub_gaz *gaz,
    struct sb_err *e);

/* The base64 of a CLK, for tests and sb-link. */
int sb_anon_clk_b64(const uint64_t *words, size_t nwords, char *out,
    size_t cap);
#endif
