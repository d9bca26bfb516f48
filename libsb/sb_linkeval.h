/*
 * sb_linkeval: scoring record linkage against ground truth (issue 5),
 * for sb-link's evaluation mode.
 *
 * Ground truth (sb_truth_*) is read from one of two formats, told apart
 * by the first byte that is not blank (after a UTF-8 BOM): '{' is
 * NDJSON, anything else CSV.
 *
 *  - sb-synth's truth file (truth/1, schemas/truth-1.schema.json): every
 *    line must be a JSON object with "sb": "truth/1" and a string
 *    "kind"; only kind "mention" lines are read, other kinds are
 *    skipped.  A mention is named by source, member (absent: none),
 *    record (>= 1) and person_index (>= 0); its true id is "person".
 *    Blank lines are skipped.
 *  - CSV (RFC 4180 quoting, libcsv): two fields a row, the mention
 *    reference "<case_id>#<pid>" (as in case/1 records; it must hold a
 *    '#') and the true id.  A first row "mention,id" (any case) is a
 *    header and skipped.  Spaces and tabs around unquoted fields are
 *    trimmed; quoted fields are taken as they are.  Blank lines are
 *    skipped.
 *
 * A mention given twice with the same true id counts once; with two
 * different ids it is an error.  Lines are limited to SB_TRUTH_LINE_MAX
 * bytes (a CSV row over several lines, to that in all) and the mentions
 * to SB_TRUTH_MENTIONS_MAX.  Error messages name the file and line,
 * never a value read from it.
 *
 * Provenance sources: truth sources are paths relative to sb-synth's
 * output directory ("pl/prokuratura.csv"); provenance.source is the path
 * sb-ingest was given ("/tmp/x/pl/prokuratura.csv").  They match when
 * the provenance source equals the truth source or ends with '/' and the
 * truth source ("xpl/x.csv" does not match "pl/x.csv").  When several
 * truth sources match, the longest one is taken, and only it.  The
 * resolution of each distinct provenance source is cached (up to
 * SB_TRUTH_CACHE_MAX of them), so a lookup costs three hash probes
 * (source, member, mention).  Members and record numbers must be equal.
 *
 * Metrics (sb_linkeval_*): mentions carry a predicted cluster label and
 * a true label, both integers the caller interns (any values; equal
 * means same cluster).  A true label SB_LINKEVAL_NONE marks a mention
 * without truth: it is left out of every count, and of the clusters the
 * others are in.  Expected time O(n); memory below 100 bytes a mention
 * (all singletons), much less when clusters are large.
 *
 * Ownership: sb_truth_load() copies everything it keeps; the strings the
 * lookups return stay valid until sb_truth_free().  sb_truth_by_prov()
 * updates the cache: calls on one struct sb_truth must not overlap
 * (sb_truth_by_ref(), sb_truth_count() and sb_truth_format() only read).
 * The sb_linkeval functions only read their arrays (borrowed) and keep
 * nothing; they may run in several threads at once.
 */
#ifndef SB_LINKEVAL_H
#define SB_LINKEVAL_H
#include <stddef.h>
#include <stdint.h>
#include "sb.h"

#define SB_TRUTH_LINE_MAX ((size_t)1 << 20)
#define SB_TRUTH_MENTIONS_MAX ((size_t)1 << 30)
#define SB_TRUTH_CACHE_MAX 65536

enum sb_truth_format {
	SB_TRUTH_PROV, /* truth/1: look up with sb_truth_by_prov() */
	SB_TRUTH_REF,  /* CSV: look up with sb_truth_by_ref() */
};

struct sb_truth;

/* Read the ground truth in path.  *out is NULL on failure.  SB_OK, or
 * SB_FATAL: SB_E_NOINPUT (cannot open), SB_E_IO (read error), SB_E_DATA
 * (malformed, "path:line: ..."; an empty file is an error too),
 * SB_E_NOMEM (memory, or a limit hit). */
int sb_truth_load(struct sb_truth **out, const char *path, struct sb_err *e);
void sb_truth_free(struct sb_truth *t);

enum sb_truth_format sb_truth_format(const struct sb_truth *t);
/* Mentions known (distinct). */
size_t sb_truth_count(const struct sb_truth *t);

/* The true id of the mention at person_index (from 0) in the persons of
 * the case record with this provenance (source, member or NULL, record
 * from 1), or NULL when the truth does not know it (or is CSV). */
const char *sb_truth_by_prov(struct sb_truth *t, const char *source,
    const char *member, long record, int person_index);

/* The true id of the mention named "<case_id>#<pid>", or NULL when the
 * truth does not know it (or is truth/1). */
const char *sb_truth_by_ref(const struct sb_truth *t, const char *ref);
/* The same for case_id and pid given apart. */
const char *sb_truth_by_case(
    const struct sb_truth *t, const char *case_id, const char *pid);

#define SB_LINKEVAL_NONE SIZE_MAX /* a true label: no truth */

/*
 * Pairwise: a pair of mentions is predicted (matched) when their pred
 * labels are equal, true when their truth labels are; tp counts pairs
 * both.  p = tp / pred_pairs (1 when pred_pairs is 0), r = tp /
 * true_pairs (1 when true_pairs is 0).
 * B-cubed: per mention, precision = |pred cluster & true cluster| /
 * |pred cluster| and recall = the same / |true cluster|, averaged over
 * the n mentions (both 1 when n is 0).
 * f1 and b3f1 are the harmonic means, 0 when both terms are 0.
 */
struct sb_linkeval {
	double p, r, f1;
	double b3p, b3r, b3f1;
	uint64_t tp, pred_pairs, true_pairs;
	size_t n; /* mentions with a truth label, those scored */
};

/* Score pred[n] against truth[n].  SB_OK, or SB_FATAL: SB_E_NOMEM
 * (memory), SB_E_USAGE (2^32 - 1 mentions or more); *m is zeroed then. */
int sb_linkeval_score(const size_t *pred, const size_t *truth, size_t n,
    struct sb_linkeval *m, struct sb_err *e);

/* A candidate pair: indexes into the mention arrays. */
struct sb_linkeval_pair {
	uint32_t i, j;
};

/* *tp = the candidate pairs whose two mentions have the same truth label
 * (not SB_LINKEVAL_NONE), of pairs[npairs] over truth[n].  A pair is
 * counted as often as it is given; a pair (i, i) is no pair, never
 * counted.  SB_OK, or SB_FATAL (SB_E_USAGE) for an index >= n. */
int sb_linkeval_candidates(const struct sb_linkeval_pair *pairs, size_t npairs,
    const size_t *truth, size_t n, uint64_t *tp, struct sb_err *e);

/* *pairs = the true pairs among truth[n] (mentions with the same label,
 * SB_LINKEVAL_NONE left out): the denominator of pairs completeness.
 * SB_OK, or SB_FATAL: SB_E_NOMEM, SB_E_USAGE (2^32 - 1 mentions or
 * more). */
int sb_linkeval_true_pairs(
    const size_t *truth, size_t n, uint64_t *pairs, struct sb_err *e);
#endif
