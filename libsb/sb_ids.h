/*
 * sb_ids: national identifiers and the other direct identifiers of the
 * eight countries (BE BG FI GR IT PL PT RO): validation, canonical forms,
 * and generation of valid synthetic values.
 *
 * The facts are those of shared/reference/identifiers.md.  Validation is
 * what sb-anonymise uses to tell an identifier from a number that merely
 * looks like one (a number that fails its check is ambiguous); generation
 * is what sb-synth uses to write realistic test exports.  Everything
 * generated passes the matching validator.
 *
 * Input: s[0..n) need not be NUL-terminated.  Blanks around it are
 * ignored; letters may be in either case.  Where a format is written with
 * separators, spaces, tabs, dots, dashes and slashes between the
 * characters are accepted ("93.05.18-223.61", "7523 169 263").  HETU is
 * the exception: its '-' and '+' are the century sign, so it takes none.
 *
 * Output: every function that writes text writes it into the caller's
 * buffer out of cap bytes, NUL-terminated, and returns its length without
 * the NUL; it returns -1 when the input is invalid or cap is too small
 * (out is then the empty string when cap > 0).  SB_ID_BUFSZ is enough for
 * any of them.
 *
 * Ownership: nothing here allocates.  The strings returned by
 * sb_id_scheme_name(), sb_id_scheme_country() and sb_phone_country()
 * point into static read-only tables, valid for the life of the process;
 * callers never free them.  The caller owns every buffer it passes, and
 * the random source with its ctx.
 *
 * Thread safety: no mutable global state; every function is reentrant.
 * One ctx of a random source must not be used by two threads at once.
 *
 * Never print an identifier passed to or returned by this module: callers
 * name the place (source, record, column), never the value.
 */
#ifndef SB_IDS_H
#define SB_IDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SB_ID_BUFSZ 64 /* fits every output of this module */

/* A uniform 32-bit random source; sb_rng_fn (sb_rng.h) is one. */
typedef uint32_t (*sb_rand_fn)(void *ctx);

/* ------------------------------------------------------------------ */
/* National identifiers                                                */

enum sb_id_scheme {
	SB_ID_BE_NN,    /* "NN"    BE Rijksregisternummer, 11 digits */
	SB_ID_BG_EGN,   /* "EGN"   BG citizen, 10 digits */
	SB_ID_BG_LNCH,  /* "LNCH"  BG foreigner (LNCh), 10 digits */
	SB_ID_FI_HETU,  /* "HETU"  FI, DDMMYY+ZZZC */
	SB_ID_GR_AMKA,  /* "AMKA"  GR social security, 11 digits */
	SB_ID_GR_AFM,   /* "AFM"   GR tax number, 9 digits */
	SB_ID_IT_CF,    /* "CF"    IT codice fiscale of a person */
	SB_ID_PL_PESEL, /* "PESEL" PL, 11 digits */
	SB_ID_PT_NIF,   /* "NIF"   PT tax number, 9 digits */
	SB_ID_PT_CC,    /* "CC"    PT Cartao de Cidadao document */
	SB_ID_RO_CNP,   /* "CNP"   RO, 13 digits */
	SB_ID_BE_BIS,   /* "BIS"   BE BIS number (month +20/+40) */
	SB_ID_COUNT
};

/* The short name ("EGN") and the country ("BG") of a scheme; NULL for a
 * value out of range. */
const char *sb_id_scheme_name(enum sb_id_scheme);
const char *sb_id_scheme_country(enum sb_id_scheme);
/* The scheme named "EGN", "egn", "BG-EGN", "BG_EGN" or "BG:EGN"; -1 if
 * unknown or if the country does not match. */
int sb_id_scheme_by_name(const char *name);

/* True if s[0..n) is well formed, its check digits are right and the date
 * it embeds, if any, is a calendar date.  Country-specific rules:
 *   NN   month 00 (then any day 00-31) and day 00 mean "unknown" and pass;
 *        the check is tried without, then with, the "2" of 2000+ births.
 *   BIS  the same with the month +20 or +40.
 *   AFM  an "EL" or "GR" prefix is dropped; 8 digits get a leading 0.
 *   CF   omocodic letters (LMNPQRSTUV) in place of digits pass; the 11-digit
 *        company code does not (it is a VAT number, not a person's code).
 *   CC   the 9th digit is not checked (as python-stdnum).
 *   AMKA, CF and CNP 7/8/9 carry no century: the date must exist in 19YY
 *        or in 20YY. */
bool sb_id_valid(enum sb_id_scheme, const char *s, size_t n);

/* Canonical form: letters and digits only, upper case ("RSSMRA85T10A562S",
 * "93051822361", AFM as 9 digits without prefix).  HETU keeps its century
 * sign ("131052-308T").  Returns the length or -1 if invalid. */
int sb_id_canonical(
    enum sb_id_scheme, const char *s, size_t n, char *out, size_t cap);

/* The usual written form: NN/BIS "93.05.18-223.61", NIF "123 456 789",
 * CC "12345678 9 ZZ4", the others as canonical.  Returns the length or -1
 * if invalid. */
int sb_id_format(
    enum sb_id_scheme, const char *s, size_t n, char *out, size_t cap);

/* What a valid identifier says about its holder. */
struct sb_id_info {
	int year;   /* 0 unknown; 0..99 when year2 */
	int month;  /* 1..12, 0 unknown */
	int day;    /* 1..31, 0 unknown */
	char sex;   /* 'F', 'M', or 0 when not encoded */
	bool year2; /* only the last two digits of the year */
};

/* Validate like sb_id_valid() and fill *info (which may be NULL).
 * Returns 0, or -1 if invalid (info untouched). */
int sb_id_decode(
    enum sb_id_scheme, const char *s, size_t n, struct sb_id_info *info);

/* The person an identifier is generated for. */
struct sb_id_person {
	int year, month, day; /* birth date */
	char sex;             /* 'F' or 'M'; anything else: random */
	/* CF only: surname and given name(s) in ASCII letters (other bytes
	 * are skipped; NULL: random letters), and the Belfiore code of the
	 * place of birth, a letter and 3 digits ("H501"; NULL: one of the
	 * twelve largest Italian cities). */
	const char *family;
	const char *given;
	const char *place;
};

/* Generate a valid identifier for the person, drawing from rand(ctx), in
 * canonical form.  The birth date must be a calendar date the scheme can
 * encode (NN, BIS, AMKA, CF: 1900-2099; EGN, HETU, CNP: 1800-2099; PESEL:
 * 1800-2299).  LNCH, AFM, NIF and CC encode no date or sex: person may be
 * NULL.  CF is omocodic (last digit as a letter) once in 64.  Returns the
 * length or -1. */
int sb_id_generate(enum sb_id_scheme, const struct sb_id_person *person,
    sb_rand_fn rand, void *ctx, char *out, size_t cap);

/* ------------------------------------------------------------------ */
/* IBAN                                                                */

/* True if s[0..n) (spaces and dashes allowed) is an IBAN of a known
 * country (the EU and EEA, the UK, Switzerland, their neighbours and the
 * other common registry members) with its country's length, check digits
 * 02..98 and mod 97 = 1.  For BE BG FI GR IT PL PT RO the BBAN must also
 * have the registry's shape (BE 12n, BG 4a6n8c, FI 14n, GR 7n16c, IT
 * 1a10n12c, PL 24n, PT 21n, RO 4a16c); national check digits inside the
 * BBAN are not checked. */
bool sb_iban_valid(const char *s, size_t n);
/* "BE71096123456769".  Returns the length or -1. */
int sb_iban_canonical(const char *s, size_t n, char *out, size_t cap);
/* Printed form in groups of four: "BE71 0961 2345 6769". */
int sb_iban_format(const char *s, size_t n, char *out, size_t cap);
/* A valid IBAN (canonical form) for BE BG FI GR IT PL PT RO with a real
 * bank code shape, and the national check of BE, FI (Luhn), IT (CIN), PL
 * (sort code) and PT (NIB) filled in.  cc in either case.  Returns the
 * length or -1 for another country. */
int sb_iban_generate(
    const char *cc, sb_rand_fn rand, void *ctx, char *out, size_t cap);

/* ------------------------------------------------------------------ */
/* Payment cards                                                       */

/* Luhn check of at least 2 digits (spaces and dashes allowed). */
bool sb_luhn_valid(const char *s, size_t n);
/* A card number: 12 to 19 digits passing Luhn. */
bool sb_card_valid(const char *s, size_t n);
/* A 16-digit Visa-like (4...) or Mastercard-like (51-55..., 2221-2720...)
 * number, digits only.  Returns 16 or -1. */
int sb_card_generate(sb_rand_fn rand, void *ctx, char *out, size_t cap);

/* ------------------------------------------------------------------ */
/* Phone numbers                                                       */

/* To E.164 ("+359887123456").  International input starts with "+" or
 * "00"; "(0)" after the country code is dropped.  Otherwise the number is
 * national for default_cc (alpha-2, either case): with the trunk prefix 0
 * for BE BG FI RO, without one for GR IT PL PT (IT keeps a fixed-line 0).
 * Spaces, dots, dashes, slashes and parentheses are ignored.  Numbers of
 * the eight countries must have a national significant number of one of
 * the country's lengths; other countries' numbers are taken as written if
 * they have 7 to 15 digits.  Returns the length or -1. */
int sb_phone_e164(
    const char *s, size_t n, const char *default_cc, char *out, size_t cap);
/* The alpha-2 country of an E.164 number of the eight countries, or NULL. */
const char *sb_phone_country(const char *e164);
/* A mobile number of one of the eight countries, in E.164.  Returns the
 * length or -1 for another country. */
int sb_phone_generate(
    const char *cc, sb_rand_fn rand, void *ctx, char *e164, size_t cap);

enum sb_phone_style {
	SB_PHONE_E164,             /* +359887123456 */
	SB_PHONE_INTL,             /* +359 88 712 3456 */
	SB_PHONE_INTL_00,          /* 00359887123456 */
	SB_PHONE_INTL_TRUNK,       /* +32 (0)470 12 34 56 (as INTL where the
	                            * country has no trunk prefix) */
	SB_PHONE_NATIONAL,         /* 0887 123 456 */
	SB_PHONE_NATIONAL_COMPACT, /* 0887123456 */
	SB_PHONE_NATIONAL_DASH,    /* 0887-123-456 */
	SB_PHONE_STYLE_COUNT
};

/* Write an E.164 number (as accepted by sb_phone_e164 with no default) in
 * a style; sb_phone_e164() with the number's country as default gives the
 * E.164 form back.  National styles need one of the eight countries;
 * international ones of another country are written ungrouped.  Returns
 * the length or -1. */
int sb_phone_format(const char *e164, int style, char *out, size_t cap);

/* ------------------------------------------------------------------ */
/* Passports and vehicle plates                                        */

/* Shape check of a passport number for a country (alpha-2, either case):
 * BE 2 letters + 6 digits; BG 9 digits; FI, GR 2 letters + 7 digits; IT 2
 * letters or digits + 7 digits; PL 2 letters + 7 digits with the check
 * (weights 7,3,9,1,7,3,1,7,3, A = 10, sum mod 10 = 0); PT 1 letter + 6
 * digits; RO 8 or 9 digits (no published shape: an assumption).  Spaces
 * and dashes are ignored. */
bool sb_passport_valid(const char *cc, const char *s, size_t n);
/* The first of countries cc[0..ncc) for which sb_passport_valid(cc[i],
 * s, n) holds, the number read once for all: i, or -1. */
int sb_passport_which(const char *const *cc, size_t ncc, const char *s,
    size_t n);
/* Canonical: upper case, no separators.  Returns the length or -1. */
int sb_passport_canonical(
    const char *cc, const char *s, size_t n, char *out, size_t cap);
/* A plausible passport number, canonical form.  Returns the length or -1. */
int sb_passport_generate(
    const char *cc, sb_rand_fn rand, void *ctx, char *out, size_t cap);

/* Shape check of a vehicle registration plate as written (spaces, dashes
 * and dots ignored; for BG and GR the Cyrillic and Greek capitals that look
 * like Latin ones are read as those):
 *   BE 1-ABC-123 (index 1-9)     BG X(X) 1234 YY (ABEKMHOPCTYX only)
 *   FI ABC-123 (2-3 letters, 1-3 digits)
 *   GR ABC-1234 (ABEZHIKMNOPTYX, 1000-9999)
 *   IT AB 123 CD (no I O Q U)     PL area of 2-3 letters + 4-5 characters
 *                                 (no B D I O Z, at least one digit)
 *   PT AA-00-AA, 00-AA-00, 00-00-AA
 *   RO county 12 ABC (41 county codes), B 12 ABC or B 123 ABC (no Q; the
 *      letter group starts with neither I nor O) */
bool sb_plate_valid(const char *cc, const char *s, size_t n);
/* The first of countries cc[0..ncc) for which sb_plate_valid(cc[i], s, n)
 * holds, the plate read once for all: i, or -1. */
int sb_plate_which(const char *const *cc, size_t ncc, const char *s,
    size_t n);
/* Canonical: upper-case Latin letters and digits only ("CA1234AB").
 * Returns the length or -1. */
int sb_plate_canonical(
    const char *cc, const char *s, size_t n, char *out, size_t cap);
/* A plausible current plate in its usual written form ("1-ABC-123",
 * "CA 1234 AB", "ABC-123", "ABC-1234", "AB 123 CD", "WA 12345",
 * "AA-00-AA", "CJ 12 ABC").  Returns the length or -1. */
int sb_plate_generate(
    const char *cc, sb_rand_fn rand, void *ctx, char *out, size_t cap);

#endif /* SB_IDS_H */
