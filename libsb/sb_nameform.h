/*
 * sb_nameform: the forms of a person's name that sb-anonymise encodes and
 * that the narrative scrubber matches (issue 4, points 3 and 4).
 *
 * sb_nameform_ascii: NFKC, case folding, any script to Latin (ICU;
 * Bulgarian, Russian, Ukrainian and Greek by their BGN/UNGEGN
 * romanisations when the text is in that script), diacritics removed,
 * then every run of non-letters becomes one space: "ПЕТРОВА-Иванова" ->
 * "petrova ivanova".
 *
 * sb_nameform_skeleton: folds the spelling differences that clerks'
 * transliterations make (kh/h, ph/f, w/v, y/j/i, sch/sh/sz, ts/tz/c,
 * doubled letters, ...) so that "Stoyanova", "Stojanova" and "Stoianova"
 * give one skeleton.  It works on the output of sb_nameform_ascii.
 *
 * sb_nameform_key: ascii + skeleton of every token, tokens sorted and
 * joined by one space: the text under the full-name token and CLK, the
 * same for "Petrova Snezhana" and "Снежана ПЕТРОВА".
 *
 * All write a NUL-terminated string into out[cap] and return its length,
 * or -1 (not UTF-8, too long, ICU failure).  Thread-safe; ICU
 * transliterators are cached per thread (sb_names_release frees them).
 */
#ifndef SB_NAMEFORM_H
#define SB_NAMEFORM_H
#include <stddef.h>

#define SB_NAMEFORM_MAX 512 /* longest output, bytes, with the NUL */

int sb_nameform_ascii(const char *s, size_t n, char *out, size_t cap);
int sb_nameform_skeleton(const char *ascii, size_t n, char *out,
    size_t cap);
int sb_nameform_key(const char *s, size_t n, char *out, size_t cap);
/* The same from text already through sb_nameform_ascii (so a caller
 * romanises each part of a name once). */
int sb_nameform_key_ascii(const char *ascii, size_t n, char *out,
    size_t cap);
#endif
