/*
 * names_lat.h: private to sb_names.c and scripts/gen/names-lat.c, the
 * program that makes sb_names' letter table at build time.  Not
 * installed.
 *
 * The romanisation sb-anonymise encodes names in: NFKC, Cyrillic by the
 * Bulgarian BGN/PCGN system and Greek by UNGEGN (the forms passports and
 * foreign clerks write most), anything else by Any-Latin, then ASCII and
 * lower case.
 *
 * Latin and Cyrillic letters (U+00C0-U+024F, U+0400-U+04FF,
 * U+1E00-U+1EFF) are romanised one by one: for them, and ASCII, the
 * romanisation of a string is that of its characters put together
 * (checked for all 1,079,521 pairs of them and ASCII, and 300,000
 * random strings; t_names checks random names and every letter), so a
 * name in Polish, Romanian, Portuguese or Bulgarian spelling needs no
 * call to ICU.  Each letter's romanisation is ICU's, asked at build
 * time: a thread that asked ICU at run time waited for its transliterator
 * registry (12 ms) and built its own transliterator (0.5-5 ms) before
 * its first name with a diacritic.  Combining marks (U+0300-U+036F but
 * U+0338, which composes with '<', '=' and '>') are in the table for
 * what UNGEGN writes on the Greek path only.
 *
 * For that path, `names-lat greek` writes names_greek.inc: the filter
 * and the rules of the one pass ICU's Greek-Latin/UNGEGN makes between
 * an NFD and an NFC.  sb_names builds the pass from those rules, which
 * name no other transliterator, so no thread loads ICU's registry (138
 * M instructions, 15 ms of a core, at each start of sb-anonymise).
 */
#ifndef NAMES_LAT_H
#define NAMES_LAT_H

#include <stddef.h>

#include <unicode/umachine.h>

static const char roman_rules[] =
    "::NFKC; ::[:Cyrillic:] Bulgarian-Latin/BGN; ::[:Greek:] Greek-Latin/UNGEGN;"
    "::Any-Latin; ::Latin-ASCII; ::Any-Lower;"
    "[^\\u0000-\\u007F] > ;";

#define LAT_A_LO 0x00C0
#define LAT_A_HI 0x024F
#define LAT_C_LO 0x0400
#define LAT_C_HI 0x04FF
#define LAT_X_LO 0x1E00
#define LAT_X_HI 0x1EFF
#define LAT_M_LO 0x0300
#define LAT_M_HI 0x036F
#define LAT_NA (LAT_A_HI - LAT_A_LO + 1)
#define LAT_NC (LAT_C_HI - LAT_C_LO + 1)
#define LAT_NX (LAT_X_HI - LAT_X_LO + 1)
#define LAT_NM (LAT_M_HI - LAT_M_LO + 1)
#define LAT_N (LAT_NA + LAT_NC + LAT_NX + LAT_NM)
#define LAT_MAX 7 /* bytes of a letter's romanisation kept */

/* A letter's romanisation; len > LAT_MAX: never by the table (longer, or
 * not one ICU gives). */
struct lat_ent {
	unsigned char len;
	char s[LAT_MAX];
};

/* The slot of letter c in the table, or -1. */
static inline int
lat_slot(UChar32 c)
{
	if (c >= LAT_A_LO && c <= LAT_A_HI)
		return c - LAT_A_LO;
	if (c >= LAT_C_LO && c <= LAT_C_HI)
		return LAT_NA + c - LAT_C_LO;
	if (c >= LAT_X_LO && c <= LAT_X_HI)
		return LAT_NA + LAT_NC + c - LAT_X_LO;
	if (c >= LAT_M_LO && c <= LAT_M_HI && c != 0x0338)
		return LAT_NA + LAT_NC + LAT_NX + c - LAT_M_LO;
	return -1;
}

/* The letter of slot i (0 <= i < LAT_N); U+0338's slot gives U+0338. */
static inline UChar32
lat_char(int i)
{
	if (i < LAT_NA)
		return LAT_A_LO + i;
	if (i < LAT_NA + LAT_NC)
		return LAT_C_LO + i - LAT_NA;
	if (i < LAT_NA + LAT_NC + LAT_NX)
		return LAT_X_LO + i - LAT_NA - LAT_NC;
	return LAT_M_LO + i - LAT_NA - LAT_NC - LAT_NX;
}

/* sb_names.c's Greek half of the romanisation (ICU's "::NFKC;
 * ::[:Greek:] Greek-Latin/UNGEGN;") made without ICU's transliterator
 * registry, for t_names to hold against ICU: its length in out, -1 on
 * error, -2 when the shortcut does not answer for s (then sb_names asks
 * the registry). */
int sb_names_greek_half(const char *s, size_t n, char *out, size_t cap);

#endif
