/*
 * sb_link: privacy-preserving record linkage of anonymised case records
 * (issue 5).  Person mentions from any number of sources are linked into
 * entities using only what sb-anonymise leaves: keyed tokens, CLKs
 * (Bloom-filter encodings of names, dates of birth and street addresses),
 * birth year, sex, citizenships, identifier tokens, postcode tokens,
 * locality and region (one field: the locality implies the region).
 *
 *  1. Candidates (blocking): mentions meet when they share a name token,
 *     a date-of-birth token or an identifier token, or fall in the same
 *     bucket of a MinHash LSH of their name CLK (once with the birth
 *     year, once, more selective, without), so that transliterated and
 *     misspelt names still meet.  Mentions of one case never pair.
 *  2. Comparison: per field an agreement level (Dice bands of the CLKs,
 *     counted with hardware popcount on both cores; exact/near/year for
 *     dates; equal/different for the rest; "missing" adds no weight).
 *  3. Scoring: a Fellegi-Sunter model.  u probabilities come from random
 *     pairs, m probabilities and the share of matches by EM over the
 *     candidate pairs; an exact name agreement is weighted by how common
 *     the name is (term frequency).  A pair's match probability follows;
 *     pairs at or above the threshold (0.5 by default) are links.
 *  4. Clustering: links are taken strongest first and merge two entities
 *     only when no case holds a mention of both (two persons of one case
 *     are two people): a weak link cannot chain two people of one case
 *     together.  Entity ids are hashes of the entity's first mention, so
 *     they do not depend on the order of work.
 *
 * Ownership: struct sb_link owns copies of everything it keeps; the
 * records passed in are not kept.  One thread calls the functions, but
 * for sb_link_parse and sb_link_rewrite: they only read the linker, and
 * any number of threads may call them at once (each with its own
 * sb_link_rec or output) while no other function runs; sb_link_parse
 * reads only the options, so it may also run while sb_link_commit does
 * (sb-link parses one batch while it commits the one before).  The
 * comparisons use opts.threads workers inside sb_link_run.  sb_link_parse
 * and sb_link_rewrite parse in the calling thread's cJSON arena
 * (sb_json_scope_begin); sb_link_free releases the calling thread's.
 */
#ifndef SB_LINK_H
#define SB_LINK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sb.h"
#include "sb_buf.h"

/* The comparison fields, in link/1 "fields" order. */
enum sb_link_field {
	SB_LF_GIVEN,
	SB_LF_FAMILY,
	SB_LF_DOB,
	SB_LF_SEX,
	SB_LF_CITIZENSHIP,
	SB_LF_IDENTIFIER,
	SB_LF_ADDRESS,
	SB_LF_POSTCODE,
	SB_LF_PLACE,
	SB_LF_CO_OFFENDERS,
	SB_LF_COUNT
};

const char *sb_link_field_name(enum sb_link_field f);

struct sb_link_opts {
	double threshold;   /* match probability; < 0: 0.5 */
	int threads;        /* 0: 2 */
	uint32_t ignore_ids; /* bit t: identifier type t is not compared */
	size_t max_block;   /* larger blocks are skipped; 0: 2000 */
	int em_iterations;  /* 0: 40 */
	uint64_t seed;      /* random pairs for u; 0: a fixed one */
};

/* Identifier types of case/1, for ignore_ids; -1 if unknown. */
int sb_link_id_type(const char *name);

struct sb_link_stats {
	size_t records, cases, passed, mentions, mentions_encoded;
	size_t blocks_skipped;
	size_t blocks_windowed; /* walked in sorted neighbourhoods */
	uint64_t candidates, comparisons_possible;
	double reduction_ratio;
	double lambda;           /* EM's share of matches among candidates */
	int em_iterations;
	uint64_t links;
	size_t entities, entities_multi;
	double m[SB_LF_COUNT][8], u[SB_LF_COUNT][8];
	int levels[SB_LF_COUNT];
	double seconds_read, seconds_block, seconds_compare, seconds_em,
	    seconds_cluster;
};

struct sb_link;

int sb_link_new(struct sb_link **out, const struct sb_link_opts *o,
    struct sb_err *e);
void sb_link_free(struct sb_link *l);

/*
 * Add record `rec` (numbered from 0 by the caller, in output order), one
 * NDJSON line.  A case/1 record's persons become mentions; other record
 * types are passed through (SB_OK).  SB_REJECT: not JSON, a case record
 * that was not anonymised, or a malformed one.  (sb-link --allow-raw
 * anonymises raw records in memory, under a key of the run, first.)
 * SB_FATAL (SB_E_DATA): a record anonymised under another key than the
 * first one; SB_E_NOMEM.
 */
int sb_link_add(struct sb_link *l, size_t rec, const char *line, size_t n,
    struct sb_err *e);

/*
 * sb_link_add in two steps, so that records can be parsed on several
 * threads and added in order on one.  A struct sb_link_rec holds one
 * record as parsed: it owns everything in it (nothing points into the
 * line) and is reused from record to record; sb_link_rec_free releases
 * it (NULL is accepted).
 *
 * sb_link_parse reads the line into r, forgetting what r held.  Whether
 * the record is rejected can depend on the records before it (the first
 * one's key), so it is sb_link_commit that says so; sb_link_parse itself
 * returns SB_OK, or SB_FATAL (SB_E_NOMEM, e set), which sb_link_commit
 * then returns for r too.
 *
 * sb_link_commit adds the record parsed into r as record rec and returns
 * what sb_link_add would have.  Records are committed in input order
 * (rec increasing), each once; the linker takes over r's strings, r may
 * then be parsed into again.
 */
struct sb_link_rec;

int sb_link_rec_new(struct sb_link_rec **out, struct sb_err *e);
void sb_link_rec_free(struct sb_link_rec *r);
int sb_link_parse(const struct sb_link *l, const char *line, size_t n,
    struct sb_link_rec *r, struct sb_err *e);
int sb_link_commit(struct sb_link *l, size_t rec, struct sb_link_rec *r,
    struct sb_err *e);

/* Block, compare, estimate, cluster. */
int sb_link_run(struct sb_link *l, struct sb_err *e);

/*
 * Write record rec (the same line given to sb_link_add) to out with the
 * entity ids: "entity" on each person and on each identifier.  Lines that
 * were not case records are copied.
 */
int sb_link_rewrite(const struct sb_link *l, size_t rec, const char *line,
    size_t n, struct sb_buf *out, struct sb_err *e);

/* The link/1 records, one a line, strongest first within an entity,
 * appended to out; made on two threads, 16,384 at a time, after each of
 * which flush (unless NULL) is called to write and empty out (it
 * returns 0, or not with errno set). */
int sb_link_write_links(const struct sb_link *l, struct sb_buf *out,
    int (*flush)(void *arg, struct sb_buf *out), void *arg,
    struct sb_err *e);

const struct sb_link_stats *sb_link_stats(const struct sb_link *l);

/* For evaluation: the mentions in order of addition, each with its
 * record, person index, entity (an index), case id and pid and the
 * record's provenance. */
size_t sb_link_mentions(const struct sb_link *l);
struct sb_link_mention_info {
	size_t rec, person, entity;
	const char *case_id, *pid;
	const char *source, *member; /* provenance; member may be NULL */
	long record;		     /* provenance.record, or -1 */
};
void sb_link_mention(const struct sb_link *l, size_t i,
    struct sb_link_mention_info *out);

/* The candidate pairs, i << 32 | j with mention indexes i < j, sorted,
 * for pairs completeness; valid until sb_link_free. */
const uint64_t *sb_link_pairs(const struct sb_link *l, size_t *n);

#endif
