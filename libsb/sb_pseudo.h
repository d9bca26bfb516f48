/*
 * sb_pseudo: keyed pseudonyms for direct identifiers (issue 4, point 2).
 *
 * An identifier is first normalised, so that the same identifier written
 * two ways gives one token: phones to E.164 (national numbers read for
 * the record's country), e-mail addresses lower-cased, IBANs, plates,
 * passports and national IDs to their canonical forms (libsb/sb_ids),
 * handles lower-cased without '@'.  The token is keyed BLAKE2b
 * (libsodium) of the normalised value under the subkey of its type,
 * truncated to 128 bits: equal identifiers under one key give equal
 * tokens in every country's output, the same value in two types does not.
 *
 * Writes into caller buffers.  The only state is an optional token cache:
 * a table threads may share, and a handle on it for each thread.
 */
#ifndef SB_PSEUDO_H
#define SB_PSEUDO_H

#include <stddef.h>

#include "sb_key.h"

#define SB_PSEUDO_TOKEN_MAX 64 /* "national_id:" + 32 hex + NUL fits */

/* Normalise value[0..n) of a case/1 identifier type.  scheme (national
 * IDs) and country (the identifier's or the record's country) may be NULL.
 * Returns the length, or -1 when the value cannot be normalised as its
 * type (an invalid IBAN, a phone of no known shape): the caller then
 * treats it as a generic number. */
int sb_pseudo_normalise(const char *type, const char *scheme,
    const char *country, const char *value, size_t n, char *out, size_t cap);

/* The token "<type>:<32 hex digits>" of a normalised value. */
int sb_pseudo_token(const struct sb_key *key, const char *type,
    const char *norm, size_t n, char *out, size_t cap);
/* The same with the type's subkey (sb_key_subkey(key, type)) already
 * derived: for callers that make many tokens of few types. */
int sb_pseudo_token_sub(const unsigned char sub[SB_KEY_BYTES],
    const char *type, const char *norm, size_t n, char *out, size_t cap);

/*
 * A cache of recent tokens: keyed BLAKE2b costs two compressions however
 * short the value, and a batch names the same phones, names and dates of
 * birth again and again.  A table (struct sb_pseudo_table) holds the
 * entries: direct-mapped, bounded (4 MB), safe for threads to share (a
 * sequence lock an entry: a reader never takes a torn one, a writer
 * that meets another leaves the entry to it).  Each thread uses it
 * through its own handle (struct sb_pseudo_cache), which is not shared.
 * Entries are keyed by the subkey's address, so a table serves subkeys
 * that stay put and keep their value while it lives (those of one
 * sb_anon or sb_scrub), sixteen of them at most (others go uncached).
 * It holds normalised values: free it with the objects that hold the
 * raw ones.
 */
struct sb_pseudo_table;
struct sb_pseudo_cache;

/* NULL when out of memory. */
struct sb_pseudo_table *sb_pseudo_table_new(void);
/* Wipes the entries; no handle may use it any more.  NULL is allowed. */
void sb_pseudo_table_free(struct sb_pseudo_table *t);
/* A handle on shared table t (which must outlive it); NULL when out of
 * memory or t is NULL. */
struct sb_pseudo_cache *sb_pseudo_cache_new_shared(struct sb_pseudo_table *t);
/* A handle with a table of its own.  NULL when out of memory. */
struct sb_pseudo_cache *sb_pseudo_cache_new(void);
/* Frees the handle, and wipes and frees its own table.  NULL is
 * allowed. */
void sb_pseudo_cache_free(struct sb_pseudo_cache *c);
/* Start fetching the entry of norm[0..n) under sub into the processor's
 * caches: an entry missed costs a trip to memory, and a caller that
 * knows its values early lets the trips overlap.  Only a hint. */
void sb_pseudo_cache_prefetch(struct sb_pseudo_cache *c,
    const unsigned char sub[SB_KEY_BYTES], const char *norm, size_t n);
/* sb_pseudo_token_sub through cache c (NULL: none). */
int sb_pseudo_token_cached(struct sb_pseudo_cache *c,
    const unsigned char sub[SB_KEY_BYTES], const char *type,
    const char *norm, size_t n, char *out, size_t cap);

#endif
