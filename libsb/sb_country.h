/*
 * sb_country.h: resolve a country as written in a case export to its
 * ISO 3166-1 alpha-2 code.
 *
 * Ownership: every string returned by this module points into static,
 * read-only tables.  Callers never free them and may keep them for the
 * life of the process (they stay valid even after sb_country_free()).
 */
#ifndef SB_COUNTRY_H
#define SB_COUNTRY_H

#include <stddef.h>

/* Resolve a country as written to its ISO 3166-1 alpha-2 code.
 * Accepts: alpha-2 and alpha-3 codes (any case), the English short name, the
 * native name(s), and the names in French, Dutch, German, Bulgarian (Cyrillic),
 * Finnish, Greek (Greek script), Italian, Polish, Portuguese, Romanian and Spanish,
 * plus the citizenship adjective/demonym forms commonly written in a
 * "citizenship" column in those languages (e.g. "Bulgarian", "bulgare", "българско",
 * "българин", "bułgarskie", "romena", "Ελληνική", "suomalainen", "polskie", "moldovan").
 * Matching ignores case, surrounding whitespace and punctuation, and diacritics/accents
 * (so "Rumänien", "rumanien", "ROMÂNIA", "Romania" and "România" all work).
 * s need not be NUL-terminated. Returns a static 2-letter string, or NULL when unknown.
 * Thread-safe after sb_country_init(). */
const char *sb_country_lookup(const char *s, size_t len);
/* Build the tables; call once before lookups (idempotent, not thread-safe itself). Returns 0, or -1 on allocation or ICU failure. */
int sb_country_init(void);
void sb_country_free(void);
/* Return the English short name for an alpha-2 code, or NULL. */
const char *sb_country_name(const char *alpha2);

#endif /* SB_COUNTRY_H */
