/*
 * sb_anonrun: sb-anonymise's streams (issue 4): NDJSON case/1 lines in,
 * anonymised lines out in input order, rejects with their reasons, on
 * both cores.
 *
 * Two workers take turns reading a batch of lines (about 1 MiB), each
 * anonymises its batch alone, then they write their batches in the order
 * read.  Memory is bounded by the batches in flight, not by the input.
 * With --k or two-pass scrubbing, sb_anonrun_survey() reads a source
 * once before, numbering records exactly as the second pass does: the
 * workers survey batches side by side (sb_anon_survey_collect) and what
 * they found is added to the table and gazetteer in input order, so the
 * result does not depend on which worker was faster.
 *
 * Blank lines are not records.  A line longer than max_record is
 * rejected (its first max_record bytes kept, truncated: true).
 */
#ifndef SB_ANONRUN_H
#define SB_ANONRUN_H
#include <stdint.h>
#include <stdio.h>
#include "sb_anon.h"

typedef int (*sb_anon_sink)(void *arg, const char *buf, size_t len);

struct sb_anonrun_counts {
	size_t read, written, rejected;
	struct sb_anon_counts anon;
};

/* t += c, member by member. */
void sb_anonrun_counts_add(struct sb_anonrun_counts *t,
    const struct sb_anonrun_counts *c);

/* What the survey of one source found: the kanon row of each record's
 * first victim (records counted from 0). */
struct sb_anonrun_rows {
	size_t *first_row;
	uint64_t *hash;	   /* of each record's line, to see changes */
	size_t nrec;
};

struct sb_anonrun_opts {
	const struct sb_anon *anon;
	sb_anon_sink out, rejects, hits; /* rejects, hits may be NULL */
	void *out_arg, *rejects_arg, *hits_arg;
	size_t max_record;	   /* 0: 4 MiB */
	int threads;		   /* 0: 2 */
	/* --k: the table and its result, and this source's rows. */
	const struct sb_kanon *kanon;
	size_t achieved_k;
	const struct sb_anonrun_rows *rows;
};

/* Anonymise every line of in (named source in rejects; error messages
 * do not name it, the caller does).
 * SB_OK, or SB_FATAL: out of memory, a read error (SB_E_IO), a sink
 * failing (SB_E_IO, message starting "writing "). */
int sb_anonrun_stream(const struct sb_anonrun_opts *o, FILE *in,
    const char *source, struct sb_anonrun_counts *c, struct sb_err *e);

/* First pass over a source: victims into kanon, names into gaz (either
 * may be NULL); rows->first_row is allocated here (free it). */
int sb_anonrun_survey(const struct sb_anon *a, FILE *in, size_t max_record,
    struct sb_kanon *kanon, struct sb_scrub_gaz *gaz,
    struct sb_anonrun_rows *rows, struct sb_err *e);
#endif
