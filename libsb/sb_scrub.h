/*
 * sb_scrub: finds identifying text in narratives and replaces it with
 * typed placeholders (issue 4, point 4).
 *
 * Recognisers are PCRE2 patterns compiled once with JIT (struct
 * sb_scrub, immutable, shared by threads): e-mail addresses, phone
 * numbers (international, and the national formats of BE BG FI GR IT PL
 * PT RO), IBANs (mod-97), payment cards (Luhn), the eight countries'
 * national IDs with their check digits, passport numbers, vehicle plates,
 * IPv4/IPv6 addresses, URLs, social-media handles and exact dates; plus
 * the names of the persons known in the record (and, in two-pass mode,
 * in the whole batch: struct sb_scrub_gaz), matched regardless of case,
 * diacritics, script and common inflected endings.  A candidate that
 * fails its check (a number failing its checksum) is still scrubbed, as
 * a generic NUMBER, never left in.
 *
 * A hit whose type has a structured counterpart carries the normalised
 * value (sb_pseudo_normalise), so its placeholder "[PHONE:<32 hex>]"
 * holds the very token the structured field gets (sb_pseudo_token); a
 * person's placeholder holds the hex part of that person's name token.
 * Types without a token are written bare: "[DATE]", "[NUMBER]", "[URL]",
 * "[ADDRESS]".
 *
 * Ownership: struct sb_scrub and struct sb_scrub_gaz are built once and
 * then only read; each thread has its own struct sb_scrub_work.
 */
#ifndef SB_SCRUB_H
#define SB_SCRUB_H
#include <stdbool.h>
#include <stddef.h>
#include "sb.h"
#include "sb_buf.h"
#include "sb_key.h"
#include "sb_pseudo.h"

enum sb_scrub_type {
	SB_SCRUB_EMAIL,
	SB_SCRUB_PHONE,
	SB_SCRUB_IBAN,
	SB_SCRUB_CARD,
	SB_SCRUB_NATIONAL_ID,
	SB_SCRUB_PASSPORT,
	SB_SCRUB_PLATE,
	SB_SCRUB_IP,
	SB_SCRUB_URL,
	SB_SCRUB_HANDLE,
	SB_SCRUB_DATE,
	SB_SCRUB_ADDRESS,
	SB_SCRUB_PERSON,
	SB_SCRUB_NUMBER,
	SB_SCRUB_NTYPES
};

/* "email", "phone", ... "person", "number": the case/1 identifier type
 * names where there is one, and the span types of sb-synth's truth. */
const char *sb_scrub_type_name(enum sb_scrub_type t);

/* A person known in the record: the name as the record writes it
 * (any of the pointers may be NULL) and the 32 hex digits of the person's
 * name token, which placeholders carry.  Strings are borrowed for the
 * duration of the call they are passed to. */
struct sb_scrub_person {
	const char *given;
	const char *family;
	const char *const *other; /* aliases, nicknames */
	size_t nother;
	const char *as_written;
	const char *token_hex;
};

struct sb_scrub_hit {
	size_t start, end;	  /* byte offsets in the text scrubbed */
	enum sb_scrub_type type;
	char token_hex[33];	  /* "" for types without a token */
};

struct sb_scrub;
struct sb_scrub_gaz;
struct sb_scrub_work;

int sb_scrub_new(struct sb_scrub **out, const struct sb_key *key,
    struct sb_err *e);
void sb_scrub_free(struct sb_scrub *s);

/* The batch gazetteer for two-pass mode: add every person of the batch
 * (pass one), then pass it to sb_scrub_text (pass two). */
int sb_scrub_gaz_new(struct sb_scrub_gaz **out, struct sb_err *e);
int sb_scrub_gaz_add(struct sb_scrub_gaz *g,
    const struct sb_scrub_person *p, struct sb_err *e);
void sb_scrub_gaz_free(struct sb_scrub_gaz *g);

int sb_scrub_work_new(struct sb_scrub_work **out, struct sb_err *e);
void sb_scrub_work_free(struct sb_scrub_work *w);
/* Make the tokens of hits through cache c (borrowed: it must outlive w's
 * use of it, and serve no other sb_scrub's subkeys at the same address);
 * NULL, the default, for none. */
void sb_scrub_work_set_cache(struct sb_scrub_work *w,
    struct sb_pseudo_cache *c);

/* Scrub text[0..n) of a record of `country` (alpha-2; national phone
 * numbers, IDs and plates are read for it) in which persons[0..np) are
 * known (names are matched to the first 1024); gaz may be NULL.  Appends
 * the scrubbed text to out.  The hits, in text order and not
 * overlapping, stay readable through sb_scrub_hits() until the next call
 * with w.  Every token is of the sb_pseudo_normalise() form of its type
 * (cards: their digits; IP addresses: as inet_ntop() writes them).
 * SB_OK or SB_FATAL (SB_E_DATA: text not UTF-8; SB_E_NOMEM: out of
 * memory, out's limit, a PCRE2 error). */
int sb_scrub_text(const struct sb_scrub *s, struct sb_scrub_work *w,
    const char *country, const struct sb_scrub_person *persons, size_t np,
    const struct sb_scrub_gaz *gaz, const char *text, size_t n,
    struct sb_buf *out, struct sb_err *e);
const struct sb_scrub_hit *sb_scrub_hits(const struct sb_scrub_work *w,
    size_t *n);
#endif
