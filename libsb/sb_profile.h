/*
 * sb_profile: mapping profiles, and the mapper that turns raw records into
 * canonical case/1 records.
 *
 * A profile is a JSON file (schemas/profile-1.schema.json, documented in
 * man/sb-ingest.1 PROFILES) that says which source column (CSV) or member
 * path (JSON) feeds which canonical field, how values are split, mapped to
 * picklists and dates parsed, and which constants (country, authority)
 * apply.  sb_profile_load() checks it completely, so that a bad profile
 * fails once, at start, with a message naming the profile member.
 *
 * Ownership: struct sb_profile is immutable after loading and may be shared
 * by several mappers; it must outlive them.  A mapper is used by one thread.
 */
#ifndef SB_PROFILE_H
#define SB_PROFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "sb.h"
#include "sb_buf.h"
#include "sb_reader.h"

struct sb_profile;

/* Load a profile: `spec` is a file path (it contains a '/' or ends in
 * .json) or a name looked up as NAME.json in each directory of the
 * ':'-separated `dirs`.  Errors: SB_FATAL with SB_E_NOINPUT (not found) or
 * SB_E_CONFIG (invalid; the message names the member). */
int sb_profile_load(struct sb_profile **pp, const char *spec,
    const char *dirs, struct sb_err *e);
/* Same, from a JSON text; name is used in messages and provenance. */
int sb_profile_parse(struct sb_profile **pp, const char *text, size_t len,
    const char *name, struct sb_err *e);
void sb_profile_free(struct sb_profile *p);
const char *sb_profile_name(const struct sb_profile *p);
/* The profile's "input" section as reader options (never NULL; the
 * strings belong to the profile). */
const struct sb_reader_opts *sb_profile_reader_opts(const struct sb_profile *p);

/* Options a user may set on the command line; they override the profile. */
struct sb_map_opts {
	const char *country;   /* constant case country (alpha-2 or a name) */
	const char *authority; /* constant authority */
};

/* Counts a mapper keeps, for --stats. */
struct sb_map_stats {
	unsigned long flags_unknown_value;
	unsigned long flags_unknown_country;
	unsigned long flags_bad_date;
	unsigned long flags_bad_number;
	unsigned long passed_through; /* canonical or foreign-type records */
};

struct sb_mapper;

/* profile may be NULL: then only canonical records (JSON with an "sb"
 * member) are accepted.  Returns SB_OK or SB_FATAL (bad option value, out
 * of memory). */
int sb_mapper_new(struct sb_mapper **mp, const struct sb_profile *profile,
    const struct sb_map_opts *opts, struct sb_err *e);
void sb_mapper_free(struct sb_mapper *m);

/*
 * Map one raw record and append it as one NDJSON line (with '\n') to out.
 * Returns SB_OK; SB_REJECT with the reason in e (out unchanged); or
 * SB_FATAL (e.g. CSV input without a profile, out of memory).
 */
int sb_mapper_map(struct sb_mapper *m, const struct sb_rec *rec,
    struct sb_buf *out, struct sb_err *e);

const struct sb_map_stats *sb_mapper_stats(const struct sb_mapper *m);
/* Pending notes (a profile column missing from a header), or NULL. */
const char *sb_mapper_note(struct sb_mapper *m);

#endif
