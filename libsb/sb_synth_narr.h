/*
 * sb_synth_narr: the free-text narrative of a synthetic case, with the
 * exact byte spans of every name and identifier planted in it (the ground
 * truth that sb-anonymise's scrubbing is scored against).
 *
 * A narrative is a case summary of 3 to 8 sentences in the language of the
 * export (bg el fi it pl pt ro, fr or nl for BE, en), built from sentence
 * templates drawn from the caller's random stream.  It names the victim
 * and the suspects in the ways clerks write them: the full name as the
 * export writes it, the given name or the family name alone, an initial
 * and the family name ("И. Петров"), a nickname, and inflected forms where
 * the language inflects names (Polish genitive, accusative, instrumental:
 * "Jana Kowalskiego", "z Anną"; Greek genitive and accusative: "του
 * Γιώργου", "τον Γιώργο"; Romanian genitive-dative: "lui Ion Popescu",
 * "Mariei Popescu", with "lui" outside the span; Finnish genitive,
 * allative and ablative on the last word: "Matti Virtasen", "Virtaselle").
 * It writes the persons' identifiers in realistic forms (phones in
 * national and international styles, IBANs in groups of four, national
 * numbers with their label outside the span, plates as written in their
 * country, in Cyrillic or Greek letters in bg and el text), street
 * addresses (street and number; the same for a person in every case, as
 * it derives from their truth id) and exact dates in the national format
 * ("12.03.2023", "12/03/2023", "12 март 2023").
 *
 * Every span is {start, end, type, person}: bytes [start, end) of
 * c->narrative, type (a static string) one of person phone email iban card
 * national_id passport plate ip handle address date, person the truth id
 * of whom it belongs to (0 for case dates).  Spans are in text order and
 * do not overlap.
 *
 * Encoding: the text is UTF-8, but everything in it can be converted to
 * the export's encoding: a name the encoding cannot hold is written in
 * its ASCII form (sb_names_ascii), template text falls back to the
 * legacy forms (Romanian ş and ţ with a cedilla in windows-1250) or to
 * ASCII.  Spans refer to the UTF-8 text as written.
 *
 * Ownership: the function reads the case's persons and facts and writes
 * only c->narrative, c->lang (a static string), c->spans and c->nspans.
 * Each thread keeps up to four iconv descriptors (opening one per case
 * would load and unload the converter every time), closed when the
 * thread exits or by sb_synth_narr_release(); there is no other state, so
 * separate cases may be written from separate threads, each with its own
 * struct sb_rng.  Deterministic: the same case and the same rng state give
 * the same text, spans and final rng state.
 */
#ifndef SB_SYNTH_NARR_H
#define SB_SYNTH_NARR_H

#include "sb_synth.h"

struct sb_rng;

/*
 * The narrative language for an export of country cc (alpha-2, either
 * case): BG bg, FI fi, GR el, IT it, PL pl, PT pt, RO ro, BE nl (three in
 * five) or fr; English for about one case in ten.  Draws from rng.  An
 * unknown country gives "en".  The string is static.
 */
const char *sb_synth_narr_lang(const char *cc, struct sb_rng *rng);

/*
 * Write the narrative of case c in language lang ("bg" "el" "fi" "it"
 * "pl" "pt" "ro" "fr" "nl" "en", always that one; NULL: the export's, by
 * sb_synth_narr_lang(c->cc, rng)), representable in encoding (any name
 * iconv knows, e.g. "windows-1251"; NULL or UTF-8: no limit).  men[0] is
 * the victim; the other mentions are suspects, except those whose role is
 * victim, witness or other.  Sentences are added while they fit in
 * SB_SYN_NARR_MAX bytes (with the NUL) and SB_SYN_MAX_SPANS spans; a
 * template whose facts the case lacks (no second suspect, no plate, a
 * partial date) is skipped, so a case with few facts gets fewer sentences,
 * possibly none.  Returns SB_OK, or SB_FATAL for a NULL case or rng, an
 * unknown language or an encoding iconv cannot open (c->narrative is then
 * the empty string and c->nspans 0).
 */
int sb_synth_narrative(struct sb_syn_case *c, const char *lang,
    const char *encoding, struct sb_rng *rng);

/* The number of sentence templates of a language, or -1 if unknown or
 * if one of them is malformed. */
int sb_synth_narr_templates(const char *lang);

/* Close the calling thread's iconv descriptors, if any.  Optional: thread
 * exit does the same; the next call opens them again. */
void sb_synth_narr_release(void);

#endif /* SB_SYNTH_NARR_H */
