/*
 * sb_names: synthetic personal names for the generator, and the ways the
 * same name gets written differently in another country's export.
 *
 * The lists cover the eight partner countries (BE, BG, FI, GR, IT, PL,
 * PT, RO: at least 60 female and 60 male given names and 100 family
 * names each) and, shorter, common origin countries of trafficking
 * victims and suspects (AL, MD, MA, NG, SY, UA, VN).  Names are in the
 * native script: BG and UA in Cyrillic, GR in Greek, the others in Latin
 * with their diacritics.  MA and SY are in the Latin form their passports
 * carry, because that is how they reach European files.  Roma names in
 * Romania are Romanian names.  Every name was written by hand for
 * synthetic data; none comes from a register.
 *
 * Ownership: the lists and nicknames returned point into static,
 * read-only tables; callers never free them and may keep them for the
 * life of the process.  Every other function writes into the caller's
 * buffer and NUL-terminates it.
 *
 * Randomness comes only from the caller's sb_rand_fn (sb_rng_fn of
 * sb_rng.h fits): the same stream gives the same output.  No time, no
 * global mutable state besides ICU's own caches: sb_names_ascii keeps
 * one ICU transliterator and a result cache per thread (ICU
 * transliterators cannot be shared between threads), freed when the
 * thread exits or by sb_names_release().  Every function is
 * thread-safe.
 */
#ifndef SB_NAMES_H
#define SB_NAMES_H

#include <stddef.h>
#include <stdint.h>

#ifndef SB_RAND_FN_DEFINED
#define SB_RAND_FN_DEFINED
/* Uniform 32-bit draws; ctx is the caller's generator. */
typedef uint32_t (*sb_rand_fn)(void *ctx);
#endif

/* Longest name, in bytes, that sb_names_ascii and sb_names_variant take. */
#define SB_NAMES_MAX 256

/* Variant kinds for sb_names_variant(). */
enum sb_name_variant {
	SB_NV_EXACT,		/* unchanged */
	SB_NV_ASCII,		/* sb_names_ascii() */
	SB_NV_TRANSLIT_ALT,	/* another clerk's transliteration */
	SB_NV_TYPO,		/* one keyboard slip */
	SB_NV_NICKNAME,		/* a diminutive, given names only */
	SB_NV_UPPER,		/* all capitals */
	SB_NV_COUNT
};

/* The country codes that have lists, upper case, in a static array. */
const char *const *sb_names_countries(size_t *n);

/* Given names of a country (alpha-2, either case) for sex 'F' or 'M'.
 * Returns NULL and *n = 0 for an unknown country or sex. */
const char *const *sb_names_given(const char *cc, char sex, size_t *n);

/* Family names of a country in their masculine (base) form; see
 * sb_names_family_form() for the form a woman carries. */
const char *const *sb_names_family(const char *cc, size_t *n);

/* The family name in the form a person of sex 'F' or 'M' carries it in
 * the language of cc, word by word (so "Иванов-Петров" becomes
 * "Иванова-Петрова"):
 *   BG, MK, RU, UA: -ов/-ев/-ин take -а, -ски/-ский become -ска/-ская
 *     (UA -ський/-цький become -ська/-цька, -ий becomes -а); 'M' undoes it.
 *   PL: -ski/-cki/-dzki and other -ki/-gi become -ka/-ga, -y becomes -a;
 *     'M' turns -ska/-cka/-dzka back.
 *   GR, CY ('F' only; give the masculine form): the genitive, -ος to -ου
 *     with the accent moved to the penult where it stood on the
 *     antepenult (Παπαδόπουλος, Παπαδοπούλου), -ης to -η, -ας to -α;
 *     names already in the genitive (Γεωργίου) stay.
 * Other countries keep the name unchanged.  Capitals stay capitals.
 * Returns the length, or -1 for a bad argument, input that is not UTF-8
 * or longer than SB_NAMES_MAX, or a result that does not fit cap. */
int sb_names_family_form(const char *cc, const char *family, char sex,
    char *out, size_t cap);

/* Common nicknames and diminutives of a given name, as written in its
 * language (Иван: Ваньо, Ванко, Ванката; Γεώργιος: Γιώργος, Γιωργάκης;
 * Aleksandra: Ola, Ala, Olka; Giuseppe: Peppe, Beppe, Pino, Peppino;
 * João: Joãozinho, Jota), in a static NULL-terminated array of *n.  The
 * match is exact (case and accents count).  Returns NULL and *n = 0
 * when there are none. */
const char *const *sb_names_nicknames(const char *given, size_t *n);

/* Transliterate s[0..n) to Latin ASCII with ICU "Any-Latin; Latin-ASCII"
 * ("Иван Петров": "Ivan Petrov", "Γεώργιος": "Georgios", "Łukasz Żółć":
 * "Lukasz Zolc"), with two repairs: the Cyrillic hard sign ъ becomes
 * "a" (the Bulgarian vowel; ICU would write a double quote) and the soft
 * sign ь is dropped (ICU would write an apostrophe), and anything still
 * outside ASCII afterwards is dropped.  Pure ASCII input is copied.
 * Results for inputs under 48 bytes are cached per thread (4096
 * entries, about 400 KB per thread).  The first call in a thread opens
 * the transliterator (about 15 ms for ICU's data in the first thread,
 * 0.15 ms after); a cached call then takes tens of nanoseconds, an
 * uncached one a few microseconds.  Returns the length, or -1 when s is
 * not UTF-8, holds a NUL, is longer than SB_NAMES_MAX, ICU fails, or the
 * result does not fit cap. */
int sb_names_ascii(const char *s, size_t n, char *out, size_t cap);

/* The romanisation names are encoded in (sb-anonymise): NFKC, Cyrillic
 * by Bulgarian BGN/PCGN, Greek by UNGEGN, other scripts by Any-Latin,
 * then ASCII, lower case: "Стоянова" -> "stoyanova".  Same contract as
 * sb_names_ascii, but ASCII input is lower-cased too, and a name of
 * ASCII, Latin and Cyrillic letters (U+00C0-U+024F, U+0400-U+04FF,
 * U+1E00-U+1EFF) is romanised letter by letter from a table of ICU's
 * answers made when libsb is built, without a call to ICU, and a Greek
 * name by ICU's UNGEGN alone, the rest from the table (t_names checks
 * that these agree with ICU's whole romanisation). */
int sb_names_romanise(const char *s, size_t n, char *out, size_t cap);

/* Free the calling thread's transliterator and cache, if any.
 * Optional: thread exit does the same; the next call reopens them. */
void sb_names_release(void);

/*
 * Have the ICU data the romanisation of Greek names reads loaded on a
 * thread of its own, now (its sets and normalisers; where this ICU's
 * UNGEGN is not one pass, its transliterator registry, 15-20 ms), so
 * that the threads that romanise names do not wait for it at their
 * first Greek name.  Started at the top of a tool, the loading overlaps
 * with the rest of its start-up.
 * sb_names_warm_start returns 0, or -1 when no thread could be started
 * (nothing is lost: the first call then loads the data).
 * sb_names_warm_end waits for the thread; call it before exit (and
 * before ICU's u_cleanup).  It does nothing when none was started.
 */
int sb_names_warm_start(void);
void sb_names_warm_end(void);

/* Write a variant of the name s (NUL-terminated, UTF-8) of the given
 * kind, drawing from rand(ctx) (which may be NULL for SB_NV_EXACT,
 * SB_NV_ASCII and SB_NV_UPPER):
 *   SB_NV_EXACT         s itself.
 *   SB_NV_ASCII         sb_names_ascii(s).
 *   SB_NV_TRANSLIT_ALT  another transliteration: Cyrillic in an English
 *     (passport), German, French or Polish clerk's system (Жечев:
 *     Zhechev, Schetschew, Jetchev, Żeczew), Greek in ELOT 743,
 *     phonetic or classical style (Γιάννης: Giannis, Yannis, Ghiannis;
 *     Βασίλειος: Vasileios, Vasilios, Basileios), diacritics spelt out
 *     or swapped (Ș: Sh, Sch, Ş; ț: tz; ä: ae; ão: ao, am), and/or one
 *     spelling swap (Petrov: Petrof, Petroff, Petrow; -ski: -sky; J/Y/I;
 *     kh/h; ou/u; ph/f; Mohamed: Mohamad, Muhamed; letters doubled or
 *     undoubled).  The result is Latin, mostly ASCII, and always
 *     differs from s and from sb_names_ascii(s).
 *   SB_NV_TYPO          one keyboard slip (adjacent key on a QWERTY,
 *     Russian or Greek layout, deletion, insertion or transposition),
 *     never on the first letter.  Always differs from s.
 *   SB_NV_NICKNAME      with is_given, one of sb_names_nicknames(s) (or
 *     of its first word); s itself when there is none.
 *   SB_NV_UPPER         full Unicode upper case (Greek without accents).
 * A name without letters comes back unchanged.  Returns the length, or
 * -1 for an unknown kind, a NULL rand where one is needed, input that is
 * not UTF-8 or longer than SB_NAMES_MAX, or a result that does not fit
 * cap. */
int sb_names_variant(const char *s, int kind, int is_given, sb_rand_fn rand,
    void *ctx, char *out, size_t cap);

#endif /* SB_NAMES_H */
