/*
 * sb_scrub.c: the narrative scrubber (see sb_scrub.h).
 *
 * Two passes over a text, both without allocation per hit:
 *
 *  1. One combined PCRE2 pattern (JIT) finds, left to right, e-mail
 *     addresses, URLs, handles, IPv6 addresses, dates with a written
 *     month, street addresses and "code runs": groups of capitals and
 *     digits joined by single separators ("+40 (0)769 481 026", "ЕГН
 *     6907063025", "BG66 RZBB 7080 1577 9245 78", "ЕН 3736 СР").  Each
 *     alternative sets a mark naming it.  A code run is cut in C into
 *     its most specific parts (IPv4, numeric date, IBAN, phone, national
 *     ID, card, passport, plate, longest first); what is left with six
 *     digits or more becomes a NUMBER.
 *  2. Every word outside the hits of pass 1 is folded to Latin ASCII
 *     (a table for Latin, Cyrillic and Greek letters; ICU through
 *     sb_names_ascii only for other scripts), reduced to a skeleton that
 *     folds transliteration variants, and its stems (the skeleton less a
 *     common case ending) are looked up in a hash of the stems of the
 *     names of the record's persons (and of the batch gazetteer).
 *     Neighbouring name words merge into one hit, which also takes an
 *     initial before it ("I. Petrov").
 *
 * The record side of a name also gets the stems of its nicknames
 * (sb_names_nicknames, looked up for the name as written and for the
 * native name it transliterates).
 */
#include "sb_scrub.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <pthread.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sb_hash.h"
#include "sb_ids.h"
#include "sb_mem.h"
#include "sb_names.h"
#include "sb_pseudo.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define KEY_MAX 31     /* bytes of a name key */
#define WORD_MAX 96    /* bytes of a folded word */
#define RUN_TOKS 16    /* tokens of a code run classified at once */
#define MAX_PERSONS 1024 /* persons of a record that names are matched to */
#define CAND_MAX 80    /* bytes of an identifier candidate */
#define F3_BITS 8192   /* bits of a name table's three-letter filter */

/* ------------------------------------------------------------------ */
/* The combined pattern                                                */

/* Month names after a day, as the nine languages write them. */
#define MONTHS                                                             \
	"january|february|march|april|may|june|july|august|september|"    \
	"october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|"  \
	"oct|nov|dec|"                                                     \
	"януари|февруари|март|април|май|юни|юли|август|септември|"         \
	"октомври|ноември|декември|"                                       \
	"Ιανουαρίου|Φεβρουαρίου|Μαρτίου|Απριλίου|Μαΐου|Μαίου|Ιουνίου|"    \
	"Ιουλίου|Αυγούστου|Σεπτεμβρίου|Οκτωβρίου|Νοεμβρίου|Δεκεμβρίου|"   \
	"tammikuuta|helmikuuta|maaliskuuta|huhtikuuta|toukokuuta|"         \
	"kes[äa]kuuta|hein[äa]kuuta|elokuuta|syyskuuta|lokakuuta|"         \
	"marraskuuta|joulukuuta|"                                          \
	"gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|"       \
	"settembre|ottobre|novembre|dicembre|"                             \
	"stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|"      \
	"wrze[śs]nia|pa[źz]dziernika|listopada|grudnia|"                   \
	"janeiro|fevereiro|mar[çc]o|abril|maio|junho|julho|setembro|"      \
	"outubro|novembro|dezembro|"                                       \
	"ianuarie|februarie|martie|aprilie|mai|iunie|iulie|septembrie|"    \
	"octombrie|noiembrie|decembrie|"                                   \
	"janvier|f[ée]vrier|mars|avril|juin|juillet|ao[ûu]t|septembre|"    \
	"octobre|d[ée]cembre|"                                             \
	"januari|februari|maart|mei|juni|juli|augustus|oktober"

/* Street keywords written before the street's name. */
#define STREET_PRE                                                         \
	"(?:(?i:ul|al|pl|os|str|bd|bdul|b-dul|șos|şos|sos|av|avda|pr|ж\\.к|" \
	"ул|бул|пл|вул|просп|пр-т|наб|λεωφ|οδ)\\.|"                         \
	"(?i:ulica|aleja|osiedle|plac|улица|булевард|площад|strada|"        \
	"bulevardul|calea|șoseaua|şoseaua|soseaua|splaiul|piața|piaţa|"     \
	"aleea|intrarea|via|viale|corso|piazza|piazzale|vicolo|largo|"      \
	"lungomare|rua|avenida|travessa|praça|praca|estrada|alameda|rue|"   \
	"avenue|boulevard|chaussée|chaussee|place|quai|impasse|allée|"      \
	"chemin|straat|laan|steenweg|plein|rruga|bulevardi|street|road|"    \
	"lane|οδός|λεωφόρος|вулиця|проспект)(?![\\p{L}\\p{N}]))"

/* One word of a street's name, possibly quoted. */
#define STREET_WORD                                                        \
	"(?:[„“\"«]|,,)?(?:\\p{L}[\\p{L}\\p{M}'’.\\-]*|\\d{1,2}(?=\\s\\p{L}))" \
	"[“”\"»]?"

#define HOUSE                                                              \
	"\\d{1,4}[A-Za-zА-Яа-я]?(?:/\\d{1,4}[A-Za-z]?)?(?![\\p{N}])"        \
	"(?:,?\\s(?:(?i:вх|ет|ап|бл|bl|ap|sc|et|m|lok|bus|bte|esc|fl)\\.?"  \
	"\\s?[\\p{L}\\p{N}]{1,3}|\\d\\.[ºo°]\\s?(?i:esq|dto|dir|fte)\\.?|"     \
	"[A-D]\\s\\d{1,3}(?![\\p{N}])))*"

#define TOK "(?:\\+?[\\p{Lu}\\d]+|\\(\\d{1,4}\\)[\\p{Lu}\\d]*)"
#define SEP "(?:[ ./\\-]|\\x{00A0}|(?=\\+))"

/* The alternatives, grouped by what the prefilter saw at the start;
 * each sets a mark naming it. */
#define ALT_EMAIL                                                          \
	"(*MARK:E)(?<![\\p{L}\\p{N}._%+\\-])[\\p{L}\\p{N}._%+\\-]{1,64}@"     \
	"[\\p{L}\\p{N}\\-]+(?:\\.[\\p{L}\\p{N}\\-]+)+"
#define ALT_URL                                                            \
	"(*MARK:U)(?<![\\p{L}\\p{N}])(?i:https?://|www\\.)[^\\s<>\"“”«»]+"
#define ALT_HANDLE                                                         \
	"(*MARK:H)(?<![\\p{L}\\p{N}_.@])@[\\p{L}\\p{N}_][\\p{L}\\p{N}_.]{1,40}"
#define ALT_IPV6                                                           \
	"(*MARK:6)(?<![\\p{L}\\p{N}:])(?=[0-9A-Fa-f]{0,4}:[0-9A-Fa-f]{0,4}:)"  \
	"[0-9A-Fa-f:]{3,39}(?![\\p{L}\\p{N}:])"
/* day, written month, year */
#define ALT_DMY                                                            \
	"(*MARK:D)(?:[012]?\\d|3[01])(?:\\.|er|st|nd|rd|th)?\\s(?:de\\s)?"      \
	"(?i:" MONTHS ")\\.?(?:\\s+de)?,?\\s(?:1[89]|20)\\d\\d(?![\\p{N}])"
/* written month, day, year (English) */
#define ALT_MDY                                                            \
	"(*MARK:D)(?i:january|february|march|april|may|june|july|august|"     \
	"september|october|november|december)\\s(?:[012]?\\d|3[01])"          \
	"(?:st|nd|rd|th)?,?\\s(?:1[89]|20)\\d\\d(?![\\p{N}])"
/* The same, its letters possessive: nothing after a word's letters can
 * take them back but a "nr" glued to it, and without it a keyword with
 * no number after it (Italian "via") backtracks through every way of
 * cutting the next six words. */
#define STREET_WORD_P                                                      \
	"(?:[„“\"«]|,,)?(?:\\p{L}[\\p{L}\\p{M}'’.\\-]*+|\\d{1,2}(?=\\s\\p{L}))" \
	"[“”\"»]?"

/* keyword, name, number */
#define ALT_STREET                                                         \
	"(*MARK:A)" STREET_PRE "\\s?(?:" STREET_WORD_P "\\s?,?\\s?){1,6}?"     \
	"(?:(?i:nr|n[º°o])\\.?\\s?)?" HOUSE
/* name with a street suffix, number */
#define ALT_SUFFIX                                                         \
	"(*MARK:A)\\p{Lu}[\\p{L}\\-]*+(?<=(?i)katu|tie|kuja|tori|polku|"       \
	"väylä|raitti|straat|laan|weg|plein|dreef|lei|gasse|straße|strasse)"  \
	"\\s" HOUSE
/* number, keyword, name; number, name, street word (English) */
#define ALT_NUMFIRST                                                       \
	"(*MARK:A)\\d{1,4},?\\s(?i:rue|avenue|boulevard|av\\.|bd\\.)\\s"        \
	"(?:" STREET_WORD "\\s?){1,5}?(?=[,.;)]|\\s\\p{Ll}|$)"                  \
	"|(*MARK:A)\\d{1,4}\\s(?:\\p{Lu}[\\p{L}'\\-]*\\s){1,3}"                 \
	"(?:Street|Avenue|Road|Lane|Way|Drive|Boulevard)(?![\\p{L}])"
/* a Greek street without keyword: capitalised words and a number */
#define ALT_GREEK                                                          \
	"(*MARK:A)(?:[Α-ΩΆΈΉΊΌΎΏ][α-ωάέήίόύώϊϋΐΰ]+\\s){0,2}"                   \
	"[Α-ΩΆΈΉΊΌΎΏ][α-ωάέήίόύώϊϋΐΰ]+\\s\\d{1,3}(?![\\p{N}.,/]\\d)"          \
	"(?![\\p{N}])(?!\\.?\\s(?i:" MONTHS "))"
/* code run: capitals and digits, at least one digit early */
#define ALT_RUN                                                            \
	"(*MARK:R)(?<![\\p{L}\\p{N}_])"                                       \
	"(?=[\\p{Lu}+(]{0,16}\\d|\\p{Lu}{1,4}[ .\\-]\\+?\\(?\\d|"              \
	"\\p{Lu}{1,4}[ .\\-]\\p{Lu}{1,4}[ .\\-]\\+?\\d)" TOK "(?:" SEP TOK ")*"

/* The street alternative, the costliest to fail, is a pattern of its
 * own, tried only at a street keyword (the only words where it can
 * match), before the other word alternatives as in one alternation. */
enum { P_EMAIL, P_URL, P_HANDLE, P_NUM, P_STREET, P_WORD, P_COUNT };

static const char *const patterns[P_COUNT] = {
    ALT_EMAIL,
    ALT_URL,
    ALT_HANDLE,
    /* at a digit, '+' or '(' */
    ALT_DMY "|" ALT_NUMFIRST "|" ALT_IPV6 "|" ALT_RUN,
    /* at a street keyword */
    ALT_STREET,
    /* at a word */
    ALT_SUFFIX "|" ALT_MDY "|" ALT_GREEK "|" ALT_IPV6 "|" ALT_RUN,
};

struct nick_ent {
	const char *const *nk;
	size_t n;
	size_t next; /* 1 + the next entry of the same skeleton, or 0 */
};

/* A hash of name keys.  Slots whose gen is not the table's are empty,
 * so a per-call table is emptied by bumping gen. */
struct nslot {
	uint32_t gen;
	uint8_t len;
	char key[KEY_MAX];
	uint64_t val;
};

struct ntab {
	struct nslot *s;
	size_t cap, used;
	uint32_t gen;
	uint8_t first[32][4]; /* bitset: first two letters of keys */
	uint8_t two[32][4];   /* bitset: keys of two letters */
	uint8_t three[F3_BITS / 8]; /* bitset: first three, hashed */
	uint32_t single;      /* one-letter names (Vietnamese Đ, H) */
};

struct sb_scrub {
	pcre2_code *re[P_COUNT];
	bool jit[P_COUNT];
	unsigned char sub[SB_SCRUB_NTYPES][SB_KEY_BYTES]; /* per type */
	struct ntab nick; /* skeleton of a given name -> nick_ent index */
	struct ntab kw;   /* folded street keywords (the prefilter's) */
	uint32_t kw_first[26]; /* their first two letters, when a-z */
	/* Their first three letters, of those of three or more: most words
	 * that start like one (st-, pl-, co-) go no further. */
	uint64_t kw3[(26 * 26 * 26 + 63) / 64];
	struct nick_ent *nicks;
	size_t nnicks;
};

struct sb_scrub_gaz {
	struct ntab t;
	char (*tok)[33];
	size_t n, cap;
};

/* A work's cache of head2() of ASCII words, by their first five letters:
 * narratives repeat their words, and every word is looked at. */
#define H2_SLOTS 4096 /* a power of two */
struct h2ent {
	uint32_t key; /* 0: empty */
	int16_t val;
};

struct sb_scrub_work {
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	pcre2_jit_stack *stack;
	struct sb_scrub_hit *rx; /* pass 1 */
	size_t nrx, caprx;
	struct sb_scrub_hit *hits; /* result */
	size_t nhits, caphits;
	struct ntab pt; /* the record's persons' keys -> first person's index */
	char (*tok)[33]; /* MAX_PERSONS */
	size_t np;
	struct pcent *pcache; /* PC_SLOTS */
	struct h2ent *h2; /* H2_SLOTS: head2 of ASCII word starts */
	struct sb_pseudo_cache *tokens; /* borrowed, or NULL */
	/* The persons the table was built for, written out, so that the
	 * texts of one record (and records naming the same persons) build
	 * it once. */
	char *sig, *nsig;
	size_t siglen, sigcap;
	bool sig_ok;
	/* The first folded letters of the words pass 1 folded (those in
	 * another script), in text order, for pass 2 to look up. */
	struct head_ent *heads;
	size_t nheads, capheads;
};

struct head_ent {
	size_t ws, we; /* the word */
	int k;	       /* fold_head(..., 5) */
	char f[5];
};

/* Append s and a NUL to the signature being built; false when full. */
static bool
sig_add(struct sb_scrub_work *w, size_t *len, const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;

	if (*len + n + 1 > w->sigcap) {
		size_t cap = (*len + n + 1) * 2;
		char *a = realloc(w->sig, cap), *b;

		if (a == NULL)
			return false;
		w->sig = a;
		if ((b = realloc(w->nsig, cap)) == NULL)
			return false;
		w->nsig = b;
		w->sigcap = cap;
	}
	if (n > 0)
		memcpy(w->nsig + *len, s, n);
	w->nsig[*len + n] = '\0';
	*len += n + 1;
	return true;
}

/* Whether persons[0..np) are the ones the table holds; the new
 * signature is left in w->nsig[0..*len). */
static bool
same_persons(struct sb_scrub_work *w, const struct sb_scrub_person *persons,
    size_t np, size_t *len, bool *ok)
{
	size_t i, j;

	*len = 0;
	*ok = true;
	for (i = 0; i < np && *ok; i++) {
		const struct sb_scrub_person *p = &persons[i];

		*ok = sig_add(w, len, p->given) && sig_add(w, len, p->family) &&
		    sig_add(w, len, p->as_written) &&
		    sig_add(w, len, p->token_hex);
		for (j = 0; *ok && p->other != NULL && j < p->nother; j++)
			*ok = sig_add(w, len, p->other[j]);
		*ok = *ok && sig_add(w, len, "\x01");
	}
	return *ok && w->sig_ok && *len == w->siglen &&
	    (*len == 0 || memcmp(w->sig, w->nsig, *len) == 0);
}

const char *
sb_scrub_type_name(enum sb_scrub_type t)
{
	static const char *const names[SB_SCRUB_NTYPES] = {"email", "phone",
	    "iban", "card", "national_id", "passport", "plate", "ip", "url",
	    "handle", "date", "address", "person", "number"};

	return (unsigned)t < SB_SCRUB_NTYPES ? names[t] : NULL;
}

/* ------------------------------------------------------------------ */
/* Name key hash                                                       */


static int
ntab_init(struct ntab *t, size_t cap)
{
	if ((t->s = calloc(cap, sizeof *t->s)) == NULL)
		return -1;
	t->cap = cap;
	t->used = 0;
	t->gen = 1;
	memset(t->first, 0, sizeof t->first);
	memset(t->two, 0, sizeof t->two);
	memset(t->three, 0, sizeof t->three);
	return 0;
}

static void
ntab_clear(struct ntab *t)
{
	if (++t->gen == 0) {
		memset(t->s, 0, t->cap * sizeof *t->s);
		t->gen = 1;
	}
	t->used = 0;
	t->single = 0;
	memset(t->first, 0, sizeof t->first);
	memset(t->two, 0, sizeof t->two);
	memset(t->three, 0, sizeof t->three);
}

static struct nslot *
ntab_find(const struct ntab *t, const char *k, size_t n)
{
	size_t i = sb_fnv1a32(k, n) & (t->cap - 1);

	for (;; i = (i + 1) & (t->cap - 1)) {
		struct nslot *s = &t->s[i];
		if (s->gen != t->gen)
			return s;
		if (s->len == n && memcmp(s->key, k, n) == 0)
			return s;
	}
}

static int
ntab_grow(struct ntab *t)
{
	struct ntab nt;
	size_t i;

	if (ntab_init(&nt, t->cap * 2) < 0)
		return -1;
	memcpy(nt.first, t->first, sizeof nt.first);
	memcpy(nt.two, t->two, sizeof nt.two);
	memcpy(nt.three, t->three, sizeof nt.three);
	nt.single = t->single;
	for (i = 0; i < t->cap; i++)
		if (t->s[i].gen == t->gen) {
			struct nslot *d = ntab_find(&nt, t->s[i].key,
			    t->s[i].len);
			*d = t->s[i];
			d->gen = nt.gen;
			nt.used++;
		}
	free(t->s);
	*t = nt;
	return 0;
}

static unsigned
first2(const char *k)
{
	return (unsigned)((k[0] - 'a') & 31) * 32u + ((k[1] - 'a') & 31);
}

static unsigned
first3(const char *k)
{
	return (first2(k) * 29u + ((k[2] - 'a') & 31)) % F3_BITS;
}

#define BIT_SET(v, b) ((v)[(b) >> 3] |= (uint8_t)(1u << ((b) & 7)))
#define BIT_GET(v, b) (((v)[(b) >> 3] >> ((b) & 7)) & 1)

/* Add key k; or = true: OR val into the slot's, else keep the first. */
static int
ntab_put(struct ntab *t, const char *k, size_t n, uint64_t val, bool or)
{
	struct nslot *s;
	unsigned f;

	if (n == 1 && k[0] >= 'a' && k[0] <= 'z')
		t->single |= 1u << (k[0] - 'a');
	if (n < 2)
		return 0;
	if (n > KEY_MAX)
		n = KEY_MAX;
	if ((t->used + 1) * 2 > t->cap && ntab_grow(t) < 0)
		return -1;
	s = ntab_find(t, k, n);
	if (s->gen != t->gen) {
		s->gen = t->gen;
		s->len = (uint8_t)n;
		memcpy(s->key, k, n);
		s->val = val;
		t->used++;
	} else if (or)
		s->val |= val;
	f = first2(k);
	t->first[f >> 5][(f & 31) >> 3] |= (uint8_t)(1u << (f & 7));
	if (n == 2)
		t->two[f >> 5][(f & 31) >> 3] |= (uint8_t)(1u << (f & 7));
	else
		BIT_SET(t->three, first3(k));
	return 0;
}

static const struct nslot *
ntab_get(const struct ntab *t, const char *k, size_t n)
{
	const struct nslot *s;

	if (n > KEY_MAX)
		n = KEY_MAX;
	if (t->used == 0 || n < 2)
		return NULL;
	s = ntab_find(t, k, n);
	return s->gen == t->gen ? s : NULL;
}

/* Might a key of t be a prefix (of two letters or more) of the merged
 * skeleton k[0..n)?  A key of two letters must be k's first two, a
 * longer one must start with k's first three. */
static bool
ntab_maybe(const struct ntab *t, const char *k, size_t n)
{
	unsigned f = first2(k);

	if ((t->two[f >> 5][(f & 31) >> 3] >> (f & 7)) & 1)
		return true;
	return n >= 3 && BIT_GET(t->three, first3(k));
}

/* ------------------------------------------------------------------ */
/* Folding words to Latin ASCII                                        */

/* Latin Extended-A, U+0100..U+017F, one letter each. */
static const char latin_a[] = "aaaaaaccccccccdd" "ddeeeeeeeeeegggg"
    "gggghhhhiiiiiiii" "iiiijjkkklllllll" "lllnnnnnnnnnoooo" "oooorrrrrrssssss"
    "ssttttttuuuuuuuu" "uuuuwwyyyzzzzzzs";
_Static_assert(sizeof latin_a == 129, "Latin Extended-A table");
/* One-letter strings: az + 2 * (c - 'a'). */
static const char az[] = "a\0b\0c\0d\0e\0f\0g\0h\0i\0j\0k\0l\0m\0n\0o\0p\0q\0"
    "r\0s\0t\0u\0v\0w\0x\0y\0z";
#define AZ(c) (az + 2 * ((c) - 'a'))
/* Cyrillic U+0400..U+045F. */
static const char *const cyr[96] = {"e", "e", "d", "g", "ie", "z", "i", "i",
    "j", "l", "n", "c", "k", "i", "u", "dz", "a", "b", "v", "g", "d", "e",
    "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u",
    "f", "h", "ts", "ch", "sh", "sht", "a", "y", "", "e", "yu", "ya", "a",
    "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o",
    "p", "r", "s", "t", "u", "f", "h", "ts", "ch", "sh", "sht", "a", "y",
    "", "e", "yu", "ya", "e", "e", "d", "g", "ie", "z", "i", "i", "j", "l",
    "n", "c", "k", "i", "u", "dz"};
/* Greek U+0386..U+03CE ("" for the unassigned and non-letters). */
static const char *const gre[73] = {"a", "", "e", "i", "i", "", "o", "",
    "y", "o", "i", "a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l",
    "m", "n", "x", "o", "p", "r", "", "s", "t", "y", "f", "ch", "ps", "o",
    "i", "y", "a", "e", "i", "i", "y", "a", "v", "g", "d", "e", "z", "i",
    "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s", "s", "t", "y",
    "f", "ch", "ps", "o", "i", "y", "o", "y", "o"};

static uint32_t u8dec_long(const unsigned char *s, size_t n, size_t *len);

/* Decode one UTF-8 code point at s[0..n); *len gets its length (1 for
 * a bad byte, which decodes as 0xFFFD).  Inline for ASCII and two bytes
 * (Latin, Cyrillic, Greek): the scrubber decodes every character of a
 * text, some of them twice. */
static inline __attribute__((always_inline)) uint32_t
u8dec(const unsigned char *s, size_t n, size_t *len)
{
	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	if (s[0] >= 0xC2 && s[0] < 0xE0 && n >= 2 && (s[1] & 0xC0) == 0x80) {
		*len = 2;
		return (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
	}
	return u8dec_long(s, n, len);
}

/* u8dec() of three and four bytes, and of bad ones. */
static uint32_t
u8dec_long(const unsigned char *s, size_t n, size_t *len)
{
	uint32_t c = s[0];

	*len = 1;
	if (c >= 0xE0 && c < 0xF0 && n >= 3 && (s[1] & 0xC0) == 0x80 &&
	    (s[2] & 0xC0) == 0x80) {
		*len = 3;
		return (c & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 |
		    (s[2] & 0x3F);
	}
	if (c >= 0xF0 && c < 0xF5 && n >= 4 && (s[1] & 0xC0) == 0x80 &&
	    (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80) {
		*len = 4;
		return (c & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12 |
		    (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
	}
	return 0xFFFD;
}

/*
 * The ASCII of a letter: a static string, "" for a letter that writes
 * nothing (soft sign, combining mark), NULL for a non-letter, and "?"
 * for a letter the tables do not know.
 */
static const char *
letter_ascii_rule(uint32_t c)
{
	static const char l1[] = "aaaaaaaceeeeiiiidnooooo ouuuuyts"
				 "aaaaaaaceeeeiiiidnooooo ouuuuyty";
	static const char vn[] = "aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeee"
				 "iiiioooooooooooooooooooooooouuuuuuuuuuuuuu"
				 "yyyyyyyy";

	if (c < 0x80)
		return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? AZ(c | 0x20) :
		    NULL;
	if (c >= 0xC0 && c <= 0xFF) {
		if (c == 0xD7 || c == 0xF7)
			return NULL;
		if (c == 0xC6 || c == 0xE6)
			return "ae";
		if (c == 0xDF)
			return "ss";
		if (c == 0xDE || c == 0xFE)
			return "th";
		return AZ(l1[c - 0xC0]);
	}
	if (c >= 0x100 && c <= 0x17F)
		return c == 0x152 || c == 0x153 ? "oe" :
		    AZ(latin_a[c - 0x100]);
	if (c >= 0x300 && c <= 0x36F)
		return "";
	switch (c) {
	case 0x218:
	case 0x219:
		return "s";
	case 0x21A:
	case 0x21B:
		return "t";
	case 0x1A0:
	case 0x1A1:
		return "o";
	case 0x1AF:
	case 0x1B0:
		return "u";
	case 0x490:
	case 0x491:
		return "g";
	case 0x1E9E:
		return "ss";
	default:
		break;
	}
	if (c >= 0x400 && c <= 0x45F)
		return cyr[c - 0x400];
	if (c >= 0x386 && c <= 0x3CE)
		return gre[c - 0x386][0] != '\0' ? gre[c - 0x386] : NULL;
	if (c >= 0x1EA0 && c <= 0x1EF9)
		return AZ(vn[c - 0x1EA0]);
	if ((c >= 0x180 && c <= 0x24F) || (c >= 0x1E00 && c <= 0x1FFF) ||
	    (c >= 0x460 && c <= 0x52F))
		return "?";
	return NULL;
}

/* Capitals: all below U+0800, so a bit of upper2 each. */
static bool
is_upper_rule(uint32_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE &&
	    c != 0xD7) || (c >= 0x100 && c <= 0x17F && (c & 1) == 0) ||
	    (c >= 0x400 && c <= 0x42F) || (c >= 0x386 && c <= 0x3AB) ||
	    c == 0x218 || c == 0x21A || c == 0x490;
}

/* Which code points below U+0800 letter_ascii() knows as letters, a bit
 * each: both passes ask of every character of a text, and a Bulgarian
 * or Greek text's are all two bytes. */
static uint64_t letters2[0x800 / 64];
static pthread_once_t letters2_once = PTHREAD_ONCE_INIT;

/* The capitals (is_upper_rule), as letters2. */
static uint64_t upper2[0x800 / 64];
/* letter_ascii_rule() of each, half a million asks for 5,000 records:
 * made with letters2, before any text is read (sb_scrub_new, _work_new
 * and _gaz_new). */
static const char *fold2[0x800];

static inline const char *
letter_ascii(uint32_t c)
{
	return c < 0x800 ? fold2[c] : letter_ascii_rule(c);
}

static void
letters2_fill(void)
{
	for (uint32_t c = 0; c < 0x800; c++) {
		const char *a = letter_ascii_rule(c);

		fold2[c] = a;
		if (a != NULL)
			letters2[c / 64] |= (uint64_t)1 << (c % 64);
		if (is_upper_rule(c))
			upper2[c / 64] |= (uint64_t)1 << (c % 64);
	}
}

/* Is there a letter at u[i] (of u[0..n))?  *l gets its length. */
static inline bool
is_letter_at(const unsigned char *u, size_t n, size_t i, size_t *l)
{
	uint32_t c;

	if (u[i] < 0x80) {
		*l = 1;
		return (u[i] | 0x20) >= 'a' && (u[i] | 0x20) <= 'z';
	}
	c = u8dec(u + i, n - i, l);
	if (c < 0x800)
		return letters2[c / 64] >> (c % 64) & 1;
	return letter_ascii(c) != NULL;
}

static inline bool
is_upper(uint32_t c)
{
	return c < 0x800 && (upper2[c / 64] >> (c % 64) & 1);
}

/* Fold word s[0..n) into lower-case ASCII letters.  -1 if too long or
 * empty. */
static int
fold_word(const char *s, size_t n, char *out, size_t cap)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k = 0, l, m;
	const char *a;
	bool unknown = false;
	char tmp[WORD_MAX];
	int r;

	/* ASCII: lower-case the letters. */
	for (i = 0; i < n && p[i] < 0x80; i++)
		if ((p[i] | 0x20) >= 'a' && (p[i] | 0x20) <= 'z') {
			if (k + 1 >= cap)
				return -1;
			out[k++] = (char)(p[i] | 0x20);
		}
	if (i == n) {
		out[k] = '\0';
		return k > 0 ? (int)k : -1;
	}
	i = 0;
	k = 0;
	while (i < n) {
		uint32_t c = u8dec(p + i, n - i, &l);
		i += l;
		if ((a = letter_ascii(c)) == NULL)
			continue;
		if (a[0] == '?') {
			unknown = true;
			break;
		}
		m = a[0] == '\0' ? 0 : a[1] == '\0' ? 1 : strlen(a);
		if (k + m + 1 > cap)
			return -1;
		memcpy(out + k, a, m);
		k += m;
	}
	if (unknown) {
		/* Another script: ICU, through the cache of sb_names. */
		if (n >= SB_NAMES_MAX ||
		    (r = sb_names_ascii(s, n, tmp, sizeof tmp)) < 0)
			return -1;
		for (i = 0, k = 0; i < (size_t)r && k + 1 < cap; i++)
			if ((tmp[i] | 0x20) >= 'a' && (tmp[i] | 0x20) <= 'z')
				out[k++] = (char)(tmp[i] | 0x20);
	}
	out[k] = '\0';
	return k > 0 ? (int)k : -1;
}

/* The first folded letters of the word s[0..n) (a word of letters), as
 * fold_word() gives them, up to want of them, in f: how many, or -2 when
 * the word has a letter the tables do not know (then ICU folds the
 * whole word, and only its fold can say).  The rest of the word is only
 * looked through for such a letter: most words are ruled out by their
 * first letters. */
static int
fold_head(const unsigned char *s, size_t n, char *f, size_t want)
{
	size_t i = 0, k = 0, l;
	const char *a;
	uint32_t c;

	while (i < n) {
		c = u8dec(s + i, n - i, &l);
		i += l;
		if ((a = letter_ascii(c)) == NULL)
			continue;
		if (a[0] == '?')
			return -2;
		for (; *a != '\0' && k < want; a++)
			f[k++] = *a;
	}
	return (int)k;
}

static bool
vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/*
 * The skeleton of a folded word, before doubled letters are merged:
 * the spelling differences of transliterations folded (kh h, ph f, w v,
 * y j i, sch sh sz s, zh z, ch cz tsch c, ts tz c, th t, dh d, gh g, ck
 * k, ou u) and a glide i between vowels dropped (Nikolaya).
 */
static size_t
skel(const char *w, size_t n, char *o)
{
	size_t i = 0, k = 0;
	char c, d, e2, nx;

	while (i < n) {
		c = w[i];
		d = i + 1 < n ? w[i + 1] : '\0';
		e2 = i + 2 < n ? w[i + 2] : '\0';
		if (c == 't' && d == 's' && e2 == 'c' && i + 3 < n &&
		    w[i + 3] == 'h') {
			o[k++] = 'c';
			i += 4;
		} else if (c == 's' && ((d == 'c' && e2 == 'h') ||
		    (d == 'h' && e2 == 't'))) {
			o[k++] = 's';
			i += 3;
		} else if (d == 'h' && (c == 'k' || c == 'p' || c == 's' ||
		    c == 't' || c == 'd' || c == 'g' || c == 'c' || c == 'z')) {
			o[k++] = c == 'k' ? 'h' : c == 'p' ? 'f' : c;
			i += 2;
		} else if (d == 'z' && (c == 's' || c == 'c')) {
			o[k++] = c;
			i += 2;
		} else if (c == 'c' && d == 'k') {
			o[k++] = 'k';
			i += 2;
		} else if (c == 't' && (d == 's' || d == 'z')) {
			o[k++] = 'c';
			i += 2;
		} else if (c == 'o' && d == 'u') {
			o[k++] = 'u';
			i += 2;
		} else {
			c = c == 'w' ? 'v' : c == 'y' || c == 'j' ? 'i' :
			    c == 'q' ? 'k' : c;
			nx = d == 'y' || d == 'j' ? 'i' : d;
			i++;
			if (c == 'i' && nx != 'i' && vowel(nx) && k > 0 &&
			    vowel(o[k - 1]))
				continue;
			o[k++] = c;
		}
	}
	return k;
}

/* Merge doubled letters in place. */
static size_t
dedup(char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		if (k == 0 || s[k - 1] != s[i])
			s[k++] = s[i];
	return k;
}

/* Case endings of the nine languages, in skeleton spelling, with their
 * lengths, by their last letter (a word is tried only against the
 * endings of its own last letter, in this order). */
#define END(s) {s, sizeof(s) - 1}
struct ending {
	const char *s;
	size_t n;
};
static const struct ending end_a[] = {END("ia"), END("selta"), END("sela"),
    END("ilta"), END("lta"), END("lla"), END("a")};
static const struct ending end_e[] = {END("ie"), END("selle"), END("ille"),
    END("lle"), END("e")};
static const struct ending end_i[] = {END("iei"), END("ai"), END("ei"),
    END("ii"), END("ui"), END("ovi"), END("i")};
static const struct ending end_j[] = {END("iej"), END("ej")};
static const struct ending end_m[] = {END("iem"), END("em"), END("im"),
    END("om"), END("am")};
static const struct ending end_n[] = {END("sen"), END("nen"), END("en"),
    END("in"), END("n")};
static const struct ending end_o[] = {END("iego"), END("ego"), END("o")};
static const struct ending end_s[] = {END("os"), END("as"), END("es"),
    END("is"), END("us"), END("s")};
static const struct ending end_u[] = {END("emu"), END("iemu"), END("iu"),
    END("u")};
#undef END
#define ENDS(c, v) [(c) - 'a'] = {v, NELEM(v)}
static const struct {
	const struct ending *v;
	size_t n;
} endings[26] = {ENDS('a', end_a), ENDS('e', end_e), ENDS('i', end_i),
    ENDS('j', end_j), ENDS('m', end_m), ENDS('n', end_n), ENDS('o', end_o),
    ENDS('s', end_s), ENDS('u', end_u)};
#undef ENDS

struct stems {
	char k[16][KEY_MAX + 1];
	uint8_t len[16];
	bool short_[16]; /* the stem before merging is under 4 letters */
	int n;
};

static void
stem_add(struct stems *st, const char *s, size_t n)
{
	char b[KEY_MAX + 1];
	size_t m = n > KEY_MAX ? KEY_MAX : n;
	int i;

	if (st->n >= (int)NELEM(st->k) || n < 2)
		return;
	memcpy(b, s, m);
	m = dedup(b, m);
	if (m < 2)
		return;
	for (i = 0; i < st->n; i++)
		if (st->len[i] == m && memcmp(st->k[i], b, m) == 0)
			return;
	memcpy(st->k[st->n], b, m);
	st->k[st->n][m] = '\0';
	st->len[st->n] = (uint8_t)m;
	st->short_[st->n] = n < 4;
	st->n++;
}

/*
 * Add the stem s[0..m) of a skeleton whose merged form is d, pre[m]
 * being the length of the merged s[0..m): as stem_add(st, s, m), but
 * the stems of one skeleton being prefixes of one merged form, a stem is
 * already there when one of its length is.
 */
static void
stem_add_prefix(struct stems *st, const char *d, const uint8_t *pre,
    size_t m)
{
	size_t l;
	int i;

	if (st->n >= (int)NELEM(st->k) || m < 2)
		return;
	l = pre[m > KEY_MAX ? KEY_MAX : m];
	if (l < 2)
		return;
	for (i = 0; i < st->n; i++)
		if (st->len[i] == l)
			return;
	memcpy(st->k[st->n], d, l);
	st->k[st->n][l] = '\0';
	st->len[st->n] = (uint8_t)l;
	st->short_[st->n] = m < 4;
	st->n++;
}

/* The stems of a word whose skeleton is s[0..k) (s is changed): the
 * skeleton, and the skeleton less each ending that leaves 3 letters or
 * more; and for a word in -ek -ec -el -er, the same without that e
 * (Marek Marka, Paweł Pawła). */
static void
stems_from_skel(char *s, size_t k, struct stems *st)
{
	char d[2 * WORD_MAX];
	uint8_t pre[2 * WORD_MAX + 1];
	size_t i, el, dl = 0;

	st->n = 0;
	pre[0] = 0;
	for (i = 0; i < k; i++) {
		if (dl == 0 || d[dl - 1] != s[i])
			d[dl++] = s[i];
		pre[i + 1] = (uint8_t)dl;
	}
	stem_add_prefix(st, d, pre, k);
	if (k > 0 && s[k - 1] >= 'a' && s[k - 1] <= 'z') {
		const struct ending *v = endings[s[k - 1] - 'a'].v;

		for (i = 0; i < endings[s[k - 1] - 'a'].n; i++) {
			el = v[i].n;
			if (k >= el + 2 && memcmp(s + k - el, v[i].s, el) == 0)
				stem_add_prefix(st, d, pre, k - el);
		}
	}
	if (k >= 5 && s[k - 2] == 'e' && strchr("kclr", s[k - 1]) &&
	    !vowel(s[k - 3])) {
		s[k - 2] = s[k - 1];
		stem_add(st, s, k - 1);
	}
}

/* The stems of folded word w[0..n) (none if it is WORD_MAX or longer). */
static void
stems_of(const char *w, size_t n, struct stems *st)
{
	char s[2 * WORD_MAX];

	st->n = 0;
	if (n >= WORD_MAX)
		return;
	stems_from_skel(s, skel(w, n, s), st);
}

/* ------------------------------------------------------------------ */
/* Persons                                                             */

/* Call fn for every word of name s (any script). */
static int
name_words(const char *s, int (*fn)(void *, const char *, size_t),
    void *arg)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, st, l;

	while (i < n) {
		while (i < n && letter_ascii(u8dec(p + i, n - i, &l)) == NULL)
			i += l;
		st = i;
		while (i < n && letter_ascii(u8dec(p + i, n - i, &l)) != NULL)
			i += l;
		if (i > st && fn(arg, s + st, i - st) < 0)
			return -1;
	}
	return 0;
}

/* The keys of one word of a name, length-prefixed. */
#define KB_MAX 2048
struct keybuf {
	size_t len;
	bool over;
	char b[KB_MAX];
};

/* A work's cache of the keys of name words: the same persons recur.
 * Under 512 KB, so not on a huge page: a fresh 2 MiB page costs this
 * virtual machine about 2.5 ms, more than the 0.2% more instructions
 * of 1,024 entries (not 2,048) over 5,000 cases. */
#define PC_SLOTS 1024
#define PC_NAME 46
#define PC_KEYS 400
struct pcent {
	uint32_t h;
	uint8_t nlen, given;
	char name[PC_NAME];
	uint16_t klen;
	char keys[PC_KEYS];
};

struct addctx {
	const struct sb_scrub *s;
	struct ntab *t;
	struct pcent *cache; /* NULL: none */
	struct keybuf *kb;
	uint64_t val;
	bool or;
	bool given;
};

static int collect_word(void *arg, const char *w, size_t n);

/* Collect the stems of one folded word. */
static void
collect_folded(struct addctx *c, const char *f, size_t fl)
{
	struct stems st;
	int i;

	if (fl == 1 && c->kb->len + 2 <= KB_MAX) {
		c->kb->b[c->kb->len++] = 1;
		c->kb->b[c->kb->len++] = f[0];
		return;
	}
	stems_of(f, fl, &st);
	for (i = 0; i < st.n; i++) {
		if (c->kb->len + 1 + st.len[i] > KB_MAX) {
			c->kb->over = true;
			return;
		}
		c->kb->b[c->kb->len++] = (char)st.len[i];
		memcpy(c->kb->b + c->kb->len, st.k[i], st.len[i]);
		c->kb->len += st.len[i];
	}
}

static void
collect_nicks(struct addctx *c, const char *const *nk, size_t nn)
{
	struct addctx sub = *c;
	size_t i;

	sub.given = false;
	for (i = 0; i < nn && nk[i] != NULL; i++)
		name_words(nk[i], collect_word, &sub);
}

/* Collect the keys of word w of a name: its folded form and, for a given
 * name, its nicknames. */
static int
collect_word(void *arg, const char *w, size_t n)
{
	struct addctx *c = arg;
	char f[WORD_MAX], raw[SB_NAMES_MAX];
	const struct nslot *sl;
	const char *const *nk;
	struct stems st;
	size_t nn;
	int fl;

	if ((fl = fold_word(w, n, f, sizeof f)) < 0)
		return 0;
	/* The built-in fold covers Latin, Cyrillic and Greek: an ICU
	 * transliteration of the word as well cost a tenth of the tool's
	 * time for 0.01% of the person mentions of sb-synth's corpus. */
	collect_folded(c, f, (size_t)fl);
	if (!c->given)
		return 0;
	/* Nicknames: of the word as written, and of any listed given name
	 * with the same skeleton (the native form of a transliteration). */
	if (n < sizeof raw) {
		memcpy(raw, w, n);
		raw[n] = '\0';
		if ((nk = sb_names_nicknames(raw, &nn)) != NULL)
			collect_nicks(c, nk, nn);
	}
	if (c->s->nnicks > 0) {
		stems_of(f, (size_t)fl, &st);
		if (st.n > 0 && (sl = ntab_get(&c->s->nick, st.k[0],
		    st.len[0])) != NULL)
			for (nn = sl->val + 1; nn != 0;
			     nn = c->s->nicks[nn - 1].next)
				collect_nicks(c, c->s->nicks[nn - 1].nk,
				    c->s->nicks[nn - 1].n);
	}
	return 0;
}

static int
put_keys(struct addctx *c, const char *b, size_t len)
{
	size_t i = 0;

	while (i < len) {
		size_t kl = (unsigned char)b[i];
		if (ntab_put(c->t, b + i + 1, kl, c->val, c->or) < 0)
			return -1;
		i += 1 + kl;
	}
	return 0;
}

/* Add the keys of word w of a name to the table, through the cache. */
static int
add_word(void *arg, const char *w, size_t n)
{
	struct addctx *c = arg;
	struct pcent *pe = NULL;
	uint32_t h;

	if (c->cache != NULL && n <= PC_NAME) {
		h = sb_fnv1a32(w, n) ^ (c->given ? 0x9e3779b9u : 0);
		pe = &c->cache[h % PC_SLOTS];
		if (pe->h == h && pe->nlen == n && pe->given == c->given &&
		    memcmp(pe->name, w, n) == 0)
			return put_keys(c, pe->keys, pe->klen);
		pe->h = h;
		pe->nlen = (uint8_t)n;
		pe->given = c->given;
		memcpy(pe->name, w, n);
		pe->klen = 0;
	}
	c->kb->len = 0;
	c->kb->over = false;
	collect_word(c, w, n);
	if (pe != NULL) {
		if (c->kb->len <= PC_KEYS) {
			memcpy(pe->keys, c->kb->b, c->kb->len);
			pe->klen = (uint16_t)c->kb->len;
		} else
			pe->nlen = 0; /* too many keys: not cached */
	}
	return put_keys(c, c->kb->b, c->kb->len);
}

static int
add_person(const struct sb_scrub *s, struct ntab *t, struct pcent *cache,
    const struct sb_scrub_person *p, uint64_t val, bool or)
{
	struct keybuf kb;
	struct addctx c = {s, t, cache, &kb, val, or, true};
	size_t i;

	if (p->given != NULL && name_words(p->given, add_word, &c) < 0)
		return -1;
	c.given = false;
	if (p->family != NULL && name_words(p->family, add_word, &c) < 0)
		return -1;
	for (i = 0; p->other != NULL && i < p->nother; i++)
		if (p->other[i] != NULL && name_words(p->other[i], add_word,
		    &c) < 0)
			return -1;
	if (p->as_written != NULL && name_words(p->as_written, add_word,
	    &c) < 0)
		return -1;
	return 0;
}

static int
build_nicks(struct sb_scrub *s)
{
	const char *const *cc, *const *g, *const *nk;
	size_t ncc, ng, nn, i, j, cap = 0;
	const char sexes[] = "FM";
	char f[WORD_MAX];
	struct stems st;
	struct nick_ent *ne;
	const struct nslot *sl;
	int k, fl;

	if (ntab_init(&s->nick, 1024) < 0)
		return -1;
	cc = sb_names_countries(&ncc);
	for (i = 0; i < ncc; i++)
		for (k = 0; k < 2; k++) {
			g = sb_names_given(cc[i], sexes[k], &ng);
			for (j = 0; g != NULL && j < ng; j++) {
				if ((nk = sb_names_nicknames(g[j], &nn)) ==
				    NULL || nn == 0 || (fl = fold_word(g[j],
				    strlen(g[j]), f, sizeof f)) < 0)
					continue;
				stems_of(f, (size_t)fl, &st);
				if (st.n == 0)
					continue;
				if (s->nnicks == cap) {
					cap = cap ? cap * 2 : 256;
					if ((ne = realloc(s->nicks, cap *
					    sizeof *ne)) == NULL)
						return -1;
					s->nicks = ne;
				}
				s->nicks[s->nnicks].nk = nk;
				s->nicks[s->nnicks].n = nn;
				s->nicks[s->nnicks].next = 0;
				if ((sl = ntab_get(&s->nick, st.k[0],
				    st.len[0])) != NULL) {
					/* Chain: Elena of BG, of RO, ... */
					s->nicks[s->nnicks].next = sl->val + 1;
					((struct nslot *)sl)->val = s->nnicks;
				} else if (ntab_put(&s->nick, st.k[0],
				    st.len[0], s->nnicks, false) < 0)
					return -1;
				s->nnicks++;
			}
		}
	return 0;
}

/* The bit of the three lower-case letters x y z in kw3. */
static unsigned
kw3_bit(char x, char y, char z)
{
	return ((unsigned)(x - 'a') * 26 + (unsigned)(y - 'a')) * 26 +
	    (unsigned)(z - 'a');
}

/* The street keywords of the pattern, folded, for the prefilter. */
static int
build_kw(struct sb_scrub *s)
{
	static const char *const kw[] = {"ul", "al", "pl", "os", "str", "bd",
	    "bdul", "sos", "av", "avda", "pr", "ulica", "aleja", "osiedle",
	    "plac", "strada", "bulevardul", "calea", "soseaua", "splaiul",
	    "piata", "aleea", "intrarea", "via", "viale", "corso", "piazza",
	    "piazzale", "vicolo", "largo", "lungomare", "rua", "avenida",
	    "travessa", "praca", "estrada", "alameda", "rue", "avenue",
	    "boulevard", "chaussee", "place", "quai", "impasse", "allee",
	    "chemin", "straat", "laan", "steenweg", "plein", "rruga",
	    "bulevardi", "street", "road", "lane", "ул", "бул", "пл", "вул",
	    "просп", "пр", "ж", "наб", "улица", "булевард", "площад",
	    "вулиця", "проспект", "λεωφ", "οδ", "οδός", "λεωφόρος"};
	char f[WORD_MAX];
	size_t i;
	int fl;

	if (ntab_init(&s->kw, 256) < 0)
		return -1;
	for (i = 0; i < NELEM(kw); i++) {
		if ((fl = fold_word(kw[i], strlen(kw[i]), f, sizeof f)) > 0 &&
		    ntab_put(&s->kw, f, (size_t)fl, 1, false) < 0)
			return -1;
		if (fl >= 2)
			s->kw_first[f[0] - 'a'] |= 1u << (f[1] - 'a');
		if (fl >= 3) {
			unsigned b = kw3_bit(f[0], f[1], f[2]);

			s->kw3[b / 64] |= (uint64_t)1 << (b % 64);
		}
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Objects                                                             */

int
sb_scrub_new(struct sb_scrub **out, const struct sb_key *key,
    struct sb_err *e)
{
	struct sb_scrub *s;
	PCRE2_SIZE off;
	int err, i;

	*out = NULL;
	(void)pthread_once(&letters2_once, letters2_fill);
	if ((s = calloc(1, sizeof *s)) == NULL)
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "scrub: out of memory");
	for (i = 0; key != NULL && i < SB_SCRUB_NTYPES; i++)
		sb_key_subkey(key, sb_scrub_type_name(i), s->sub[i]);
	for (i = 0; i < P_COUNT; i++) {
		s->re[i] = pcre2_compile((PCRE2_SPTR)patterns[i],
		    PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP |
		    PCRE2_ANCHORED | PCRE2_NO_UTF_CHECK, &err, &off, NULL);
		if (s->re[i] == NULL) {
			sb_scrub_free(s);
			return sb_seterr(e, SB_FATAL, SB_E_CONFIG,
			    "scrub: pattern %d: error %d at offset %zu", i,
			    err, (size_t)off);
		}
		s->jit[i] = pcre2_jit_compile(s->re[i], PCRE2_JIT_COMPLETE) ==
		    0;
	}
	if (build_nicks(s) < 0 || build_kw(s) < 0) {
		sb_scrub_free(s);
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "scrub: out of memory");
	}
	*out = s;
	return SB_OK;
}

void
sb_scrub_free(struct sb_scrub *s)
{
	int i;

	if (s == NULL)
		return;
	for (i = 0; i < P_COUNT; i++)
		pcre2_code_free(s->re[i]);
	free(s->nick.s);
	free(s->kw.s);
	free(s->nicks);
	explicit_bzero(s->sub, sizeof s->sub);
	free(s);
}

int
sb_scrub_gaz_new(struct sb_scrub_gaz **out, struct sb_err *e)
{
	struct sb_scrub_gaz *g;

	*out = NULL;
	(void)pthread_once(&letters2_once, letters2_fill);
	if ((g = calloc(1, sizeof *g)) == NULL || ntab_init(&g->t, 1024) < 0) {
		free(g);
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "scrub: out of memory");
	}
	*out = g;
	return SB_OK;
}

static bool
hex32(const char *h)
{
	size_t i;
	unsigned bad = 0;

	if (h == NULL || strnlen(h, 33) != 32)
		return false;
	/* No early exit, the length known: a loop the compiler can do
	 * sixteen bytes at a time (tokens are checked for every person of
	 * every text). */
	for (i = 0; i < 32; i++) {
		unsigned char c = (unsigned char)h[i];

		bad |= (unsigned)(c - '0') >= 10 &&
		    (unsigned)((c | 0x20) - 'a') >= 6;
	}
	return !bad;
}

/* The gazetteer needs no nickname index of its own: it is filled
 * without one (nicknames of the batch come from the record pass). */
int
sb_scrub_gaz_add(struct sb_scrub_gaz *g, const struct sb_scrub_person *p,
    struct sb_err *e)
{
	static const struct sb_scrub none;
	char (*t)[33];

	if (g->n == g->cap) {
		size_t nc = g->cap ? g->cap * 2 : 256;
		if ((t = realloc(g->tok, nc * sizeof *t)) == NULL)
			return sb_seterr(e, SB_FATAL, SB_E_NOMEM,
			    "scrub: out of memory");
		g->tok = t;
		g->cap = nc;
	}
	if (hex32(p->token_hex))
		memcpy(g->tok[g->n], p->token_hex, 33);
	else
		g->tok[g->n][0] = '\0';
	if (add_person(&none, &g->t, NULL, p, g->n, false) < 0)
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "scrub: out of memory");
	g->n++;
	return SB_OK;
}

void
sb_scrub_gaz_free(struct sb_scrub_gaz *g)
{
	if (g == NULL)
		return;
	free(g->t.s);
	free(g->tok);
	free(g);
}

int
sb_scrub_work_new(struct sb_scrub_work **out, struct sb_err *e)
{
	struct sb_scrub_work *w;

	*out = NULL;
	(void)pthread_once(&letters2_once, letters2_fill);
	if ((w = calloc(1, sizeof *w)) == NULL)
		goto nomem;
	if ((w->md = pcre2_match_data_create(32, NULL)) == NULL ||
	    (w->mctx = pcre2_match_context_create(NULL)) == NULL ||
	    ntab_init(&w->pt, 256) < 0 ||
	    (w->tok = calloc(MAX_PERSONS, sizeof *w->tok)) == NULL ||
	    (w->pcache = sb_table_alloc(PC_SLOTS * sizeof *w->pcache)) == NULL ||
	    (w->h2 = calloc(H2_SLOTS, sizeof *w->h2)) == NULL)
		goto nomem;
	if ((w->stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024,
	    NULL)) != NULL)
		pcre2_jit_stack_assign(w->mctx, NULL, w->stack);
	*out = w;
	return SB_OK;
nomem:
	sb_scrub_work_free(w);
	return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "scrub: out of memory");
}

void
sb_scrub_work_free(struct sb_scrub_work *w)
{
	if (w == NULL)
		return;
	pcre2_match_data_free(w->md);
	pcre2_match_context_free(w->mctx);
	pcre2_jit_stack_free(w->stack);
	free(w->rx);
	free(w->hits);
	free(w->pt.s);
	free(w->tok);
	free(w->pcache);
	free(w->h2);
	free(w->sig);
	free(w->nsig);
	free(w->heads);
	free(w);
}

void
sb_scrub_work_set_cache(struct sb_scrub_work *w, struct sb_pseudo_cache *c)
{
	w->tokens = c;
}

const struct sb_scrub_hit *
sb_scrub_hits(const struct sb_scrub_work *w, size_t *n)
{
	*n = w->nhits;
	return w->hits;
}

/* ------------------------------------------------------------------ */
/* Hits                                                                */

static int
push(struct sb_scrub_hit **v, size_t *n, size_t *cap, size_t s, size_t e,
    enum sb_scrub_type t, const char *hex)
{
	struct sb_scrub_hit *h;

	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 64;
		if ((h = realloc(*v, nc * sizeof *h)) == NULL)
			return -1;
		*v = h;
		*cap = nc;
	}
	h = &(*v)[(*n)++];
	h->start = s;
	h->end = e;
	h->type = t;
	if (hex != NULL)
		memcpy(h->token_hex, hex, 33);
	else
		h->token_hex[0] = '\0';
	return 0;
}

/* The hex of the token of value v[0..n) of type (normalised first,
 * unless its normal form is given as made, made != NULL), or NULL when
 * it cannot be normalised. */
static const char *
token_of(const struct sb_scrub *s, struct sb_scrub_work *w,
    const char *type, const char *scheme, const char *cc, const char *v,
    size_t n, const char *made, char hex[33])
{
	char norm[SB_PSEUDO_TOKEN_MAX * 2], tok[SB_PSEUDO_TOKEN_MAX];
	char dig[CAND_MAX];
	const char *nm = norm;
	int l, t;

	for (t = 0; t < SB_SCRUB_NTYPES; t++)
		if (type[0] == sb_scrub_type_name(t)[0] &&
		    strcmp(type, sb_scrub_type_name(t)) == 0)
			break;
	if (t == SB_SCRUB_NTYPES)
		return NULL;
	/* Cards and IP addresses too: the forms of structured ones; a card
	 * as its digits, whatever separates them in the text. */
	if (t == SB_SCRUB_CARD) {
		size_t i, k;

		for (i = 0, k = 0; i < n && k + 1 < sizeof dig; i++)
			if (v[i] >= '0' && v[i] <= '9')
				dig[k++] = v[i];
		v = dig;
		n = k;
	}
	if (made != NULL) {
		nm = made;
		l = (int)strlen(made);
	} else if ((l = sb_pseudo_normalise(type, scheme, cc, v, n, norm,
	    sizeof norm)) < 0)
		return NULL;
	if (sb_pseudo_token_cached(w->tokens, s->sub[t], type, nm, (size_t)l,
	    tok, sizeof tok) < 0)
		return NULL;
	memcpy(hex, tok + strlen(type) + 1, 32);
	hex[32] = '\0';
	return hex;
}

/* ------------------------------------------------------------------ */
/* Code runs                                                           */

static const char *const cc8[] = {"BE", "BG", "FI", "GR", "IT", "PL", "PT",
    "RO"};

/* National ID schemes with a date or a shape of their own first. */
static const enum sb_id_scheme strong[] = {SB_ID_BG_EGN, SB_ID_PL_PESEL,
    SB_ID_RO_CNP, SB_ID_BE_NN, SB_ID_BE_BIS, SB_ID_FI_HETU, SB_ID_GR_AMKA,
    SB_ID_IT_CF, SB_ID_PT_CC};
static const enum sb_id_scheme weak[] = {SB_ID_BG_LNCH, SB_ID_GR_AFM,
    SB_ID_PT_NIF};

struct cand {
	const char *p; /* the candidate as written */
	size_t n;
	char a[CAND_MAX]; /* letters (Latin look-alikes) and digits */
	size_t na, nd, nl;
	bool plus, nonlatin;
	bool ingrp; /* p[n - 1] ends a digit group */
	int seps[4]; /* separators between digit groups, when only digits */
	int ngroups;
	int grp[8]; /* digit group lengths */
	unsigned gval[8];
};

/* An empty candidate starting at p. */
static void
cand_start(struct cand *c, const char *p)
{
	c->p = p;
	c->n = 0;
	c->na = c->nd = c->nl = 0;
	c->plus = c->nonlatin = c->ingrp = false;
	c->ngroups = 0;
	memset(c->seps, 0, sizeof c->seps);
	memset(c->grp, 0, sizeof c->grp);
	memset(c->gval, 0, sizeof c->gval);
	c->a[0] = '\0';
}

/* Extend candidate c to its first n bytes (n >= c->n): a run's
 * candidates from one token on are each the last one and more, so they
 * are read once, not again from their start.  False when it can no
 * longer be one (too many digit groups or characters); a longer one
 * cannot either. */
static bool
cand_extend(struct cand *c, size_t n)
{
	const unsigned char *u = (const unsigned char *)c->p;
	size_t i = c->n, l;

	if (i == 0 && n > 0 && c->p[0] == '+')
		c->plus = true;
	c->n = n;
	while (i < n) {
		uint32_t ch = u[i] < 0x80 ? (l = 1, u[i]) : u8dec(u + i, n - i,
		    &l);

		i += l;
		if (ch >= '0' && ch <= '9') {
			if (!c->ingrp) {
				if (c->ngroups == (int)NELEM(c->grp))
					return false;
				c->ngroups++;
				c->ingrp = true;
			}
			c->grp[c->ngroups - 1]++;
			c->gval[c->ngroups - 1] = c->gval[c->ngroups - 1] *
			    10 + (ch - '0');
			if (c->na + 1 >= sizeof c->a)
				return false;
			c->a[c->na++] = (char)ch;
			c->nd++;
			continue;
		}
		if (c->ingrp && c->ngroups <= 4 && c->nl == 0)
			c->seps[c->ngroups - 1] = (int)ch;
		c->ingrp = false;
		if (ch < 0x80 && ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' &&
		    ch <= 'z'))) {
			if (c->na + 1 >= sizeof c->a)
				return false;
			c->a[c->na++] = (char)(ch & ~0x20u);
			c->nl++;
		} else if (ch >= 0x370) {
			c->nonlatin = true;
			c->nl++;
			if (c->na + 1 >= sizeof c->a)
				return false;
			c->a[c->na++] = '*';
		}
	}
	c->a[c->na] = '\0';
	return true;
}

static bool
cand_init(struct cand *c, const char *p, size_t n)
{
	cand_start(c, p);
	return cand_extend(c, n);
}

static bool
is_date3(const struct cand *c)
{
	int s = c->seps[0];

	if (c->nl != 0 || c->ngroups != 3 || c->plus || c->seps[1] != s ||
	    (s != '.' && s != '/' && s != '-'))
		return false;
	if (c->grp[0] == 4 && c->grp[1] == 2 && c->grp[2] == 2 && s == '-')
		return c->gval[0] >= 1800 && c->gval[0] <= 2099 &&
		    c->gval[1] >= 1 && c->gval[1] <= 12 &&
		    c->gval[2] >= 1 && c->gval[2] <= 31;
	return c->grp[0] <= 2 && c->grp[1] <= 2 && c->grp[2] == 4 &&
	    c->gval[0] >= 1 && c->gval[0] <= 31 && c->gval[1] >= 1 &&
	    c->gval[1] <= 12 && c->gval[2] >= 1800 && c->gval[2] <= 2099;
}

static bool
is_ipv4(const struct cand *c)
{
	int i;

	if (c->nl != 0 || c->ngroups != 4 || c->plus)
		return false;
	for (i = 0; i < 3; i++)
		if (c->seps[i] != '.')
			return false;
	for (i = 0; i < 4; i++)
		if (c->grp[i] > 3 || c->gval[i] > 255)
			return false;
	return true;
}

struct found {
	enum sb_scrub_type type;
	const char *ptype; /* sb_pseudo type, NULL for none */
	const char *scheme;
	const char *cc;
	char e164[32];	   /* a phone's normal form, or "" */
};

/* Can candidate c be of scheme id, by its count of letters and digits
 * (separators aside)?  A cheap necessary condition of sb_id_valid(). */
static bool
id_shape(enum sb_id_scheme id, const struct cand *c)
{
	switch (id) {
	case SB_ID_BE_NN:
	case SB_ID_BE_BIS:
	case SB_ID_GR_AMKA:
	case SB_ID_PL_PESEL:
		return c->na == 11 && c->nl == 0;
	case SB_ID_BG_EGN:
	case SB_ID_BG_LNCH:
		return c->na == 10 && c->nl == 0;
	case SB_ID_PT_NIF:
		return c->na == 9 && c->nl == 0;
	case SB_ID_RO_CNP:
		return c->na == 13 && c->nl == 0;
	case SB_ID_IT_CF:
		return c->na == 16;
	case SB_ID_PT_CC:
		return c->na == 12;
	case SB_ID_GR_AFM: /* 8 or 9 digits, "EL" or "GR" before */
		return c->na >= 8 && c->na <= 11;
	case SB_ID_FI_HETU: /* its sign "+" or "-" is not counted */
		return c->na == 10 || c->na == 11;
	default:
		return true;
	}
}

static bool
try_ids(const struct cand *c, const enum sb_id_scheme *v, size_t nv,
    const char *cc, struct found *f)
{
	size_t i;
	int pass;

	if (c->nonlatin || c->nd < 6 || c->na < 9 || c->na > 16)
		return false;
	/* The record's country's schemes first. */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < nv; i++) {
			const char *sc;
			bool own;

			if (!id_shape(v[i], c))
				continue;
			sc = sb_id_scheme_country(v[i]);
			own = cc != NULL && cc[0] == sc[0] && cc[1] == sc[1];
			if (own != (pass == 0))
				continue;
			if (sb_id_valid(v[i], c->p, c->n)) {
				f->type = SB_SCRUB_NATIONAL_ID;
				f->ptype = "national_id";
				f->scheme = sb_id_scheme_name(v[i]);
				f->cc = sb_id_scheme_country(v[i]);
				return true;
			}
		}
	return false;
}

static bool
try_cc_list(const struct cand *c, const char *cc,
    int (*which)(const char *const *, size_t, const char *, size_t),
    struct found *f)
{
	const char *order[NELEM(cc8) + 1];
	size_t n = 0, i;
	int k;

	if (cc != NULL)
		order[n++] = cc;
	for (i = 0; i < NELEM(cc8); i++)
		if (cc == NULL || strcmp(cc, cc8[i]) != 0)
			order[n++] = cc8[i];
	if ((k = which(order, n, c->p, c->n)) < 0)
		return false;
	f->cc = order[k];
	return true;
}

/* Does a word for "passport" stand in the 48 bytes before text[at]?
 * One pass over them: the words start with four bytes only. */
static bool
passport_before(const char *text, size_t at)
{
#define W(s) {s, sizeof(s) - 1}
	static const struct {
		const char *s;
		size_t n;
	} w[] = {W("asspor"), W("aspor"), W("паспорт"), W("διαβατ"),
	    W("passin"), W("paszport"), W("pașaport"), W("paşaport"),
	    W("passeport"), W("paspoort"), W("passaport")};
#undef W
	size_t j, i;

	for (j = at > 48 ? at - 48 : 0; j < at; j++) {
		if (text[j] != 'a' && text[j] != 'p' && text[j] != '\xd0' &&
		    text[j] != '\xce')
			continue;
		for (i = 0; i < NELEM(w); i++)
			if (w[i].s[0] == text[j] && w[i].n <= at - j &&
			    memcmp(text + j, w[i].s, w[i].n) == 0)
				return true;
	}
	return false;
}

/* passport_before(text, at), asked for only when a reading needs it: a
 * code run's candidates seldom do, and the search costs eleven scans. */
struct pass_ctx {
	const char *text;
	size_t at;
	int known; /* -1: not asked yet */
};

static bool
pass_near(struct pass_ctx *p)
{
	if (p->known < 0)
		p->known = passport_before(p->text, p->at);
	return p->known;
}

/* The most specific reading of candidate c: its rank (0 best), or -1.
 * labelled: a label such as "EGN" or "NIF" stands before it. */
static int
classify(const struct cand *c, const char *cc, bool labelled,
    struct pass_ctx *pass, struct found *f)
{
	memset(f, 0, sizeof *f);
	if (c->nd == 0)
		return -1;
	if (!c->nonlatin && c->na >= 7 && c->na <= 9 && pass_near(pass) &&
	    try_cc_list(c, cc, sb_passport_which, f)) {
		f->type = SB_SCRUB_PASSPORT;
		f->ptype = "passport";
		return 1;
	}
	if (is_ipv4(c)) {
		f->type = SB_SCRUB_IP;
		f->ptype = "ip";
		return 0;
	}
	if (is_date3(c)) {
		f->type = SB_SCRUB_DATE;
		return 1;
	}
	if (!c->nonlatin && c->na >= 15 && c->na <= 34 && c->nl >= 2 &&
	    c->a[0] >= 'A' && c->a[1] >= 'A' && c->a[2] <= '9' &&
	    c->a[3] <= '9' && sb_iban_valid(c->p, c->n)) {
		f->type = SB_SCRUB_IBAN;
		f->ptype = "iban";
		return 0;
	}
	if (c->nl == 0 && (c->plus || (c->na > 2 && c->a[0] == '0' &&
	    c->a[1] == '0')) && c->nd >= 8 && c->nd <= 17 &&
	    sb_phone_e164(c->p, c->n, cc != NULL ? cc : "", f->e164,
	    sizeof f->e164) > 0) {
		f->type = SB_SCRUB_PHONE;
		f->ptype = "phone";
		f->cc = cc;
		return 1;
	}
	if (c->plus)
		return -1;
	if (try_ids(c, strong, NELEM(strong), cc, f))
		return 2;
	if (c->nl == 0 && c->nd >= 13 && c->nd <= 19 &&
	    sb_card_valid(c->p, c->n)) {
		f->type = SB_SCRUB_CARD;
		f->ptype = "card";
		return 2;
	}
	if (labelled && try_ids(c, weak, NELEM(weak), cc, f))
		return 2;
	if (c->nl == 0 && cc != NULL && c->nd >= 6 && c->nd <= 13 &&
	    sb_phone_e164(c->p, c->n, cc, f->e164, sizeof f->e164) > 0) {
		f->type = SB_SCRUB_PHONE;
		f->ptype = "phone";
		f->cc = cc;
		return 3;
	}
	if (try_ids(c, weak, NELEM(weak), cc, f))
		return 4;
	if (c->nl > 0 && !c->nonlatin && c->na >= 7 && c->na <= 9 &&
	    try_cc_list(c, cc, sb_passport_which, f)) {
		f->type = SB_SCRUB_PASSPORT;
		f->ptype = "passport";
		return 5;
	}
	if (c->nl > 0 && c->na >= 4 && c->na <= 10 &&
	    try_cc_list(c, cc, sb_plate_which, f)) {
		f->type = SB_SCRUB_PLATE;
		f->ptype = "plate";
		return 6;
	}
	if (c->nl == 0 && c->nd >= 8 && c->nd <= 9 &&
	    try_cc_list(c, cc, sb_passport_which, f)) {
		f->type = SB_SCRUB_PASSPORT;
		f->ptype = "passport";
		return 7;
	}
	return -1;
}

static int
add_found(const struct sb_scrub *s, struct sb_scrub_work *w,
    const struct cand *c, const struct found *f, size_t at)
{
	char hex[33];
	const char *h = NULL;

	if (f->ptype != NULL)
		/* A phone's normal form was made when it was read. */
		h = token_of(s, w, f->ptype, f->scheme, f->cc, c->p, c->n,
		    f->type == SB_SCRUB_PHONE && f->e164[0] != '\0' ?
		    f->e164 : NULL, hex);
	if (f->ptype != NULL && h == NULL)
		return push(&w->rx, &w->nrx, &w->caprx, at, at + c->n,
		    c->nd >= 6 ? SB_SCRUB_NUMBER : f->type, NULL);
	return push(&w->rx, &w->nrx, &w->caprx, at, at + c->n, f->type, h);
}

struct rtok {
	size_t s, e;
	int nd;
};

struct rcand {
	int a, b, rank;
	size_t len;
	struct found f;
};

/* Labels written before national numbers. */
static bool
is_label(const char *p, size_t n)
{
	static const char *const lab[] = {"EGN", "ЕГН", "LNCH", "LNCh", "ЛНЧ",
	    "PESEL", "CNP", "NN", "BIS", "HETU", "AMKA", "ΑΜΚΑ", "AFM", "ΑΦΜ",
	    "CF", "NIF", "CC", "NIS", "ID"};
	size_t i;

	for (i = 0; i < NELEM(lab); i++)
		if (strlen(lab[i]) == n && memcmp(lab[i], p, n) == 0)
			return true;
	return false;
}

/* Cut the run text[rs..re) into tokens, and find its identifiers: every
 * sequence of tokens that reads as one is a candidate; the best ranked
 * (then the longest) are taken first, without overlap. */
static int
do_run(const struct sb_scrub *s, struct sb_scrub_work *w, const char *cc,
    const char *text, size_t rs, size_t re)
{
	struct rtok t[RUN_TOKS];
	struct rcand rc[RUN_TOKS * (RUN_TOKS + 1) / 2], tmp;
	struct cand c;
	struct found f;
	size_t i = rs, l, tb;
	int nt = 0, a, b, nd, nrc = 0, rank, x, y, left, td;
	bool covered[RUN_TOKS] = {false}, labelled;
	struct pass_ctx pass;

	while (i < re && nt < RUN_TOKS) {
		t[nt].s = i;
		t[nt].nd = 0;
		while (i < re) {
			unsigned char ch = (unsigned char)text[i];
			if (ch == ' ' || ch == '.' || ch == '/' || ch == '-' ||
			    (ch == 0xC2 && i + 1 < re &&
			    (unsigned char)text[i + 1] == 0xA0) ||
			    (ch == '+' && i > t[nt].s))
				break;
			if (ch >= '0' && ch <= '9')
				t[nt].nd++;
			i++;
		}
		t[nt].e = i;
		nt++;
		if (i < re && text[i] != '+')
			i += (unsigned char)text[i] == 0xC2 ? 2 : 1;
	}
	pass.text = text;
	pass.at = rs;
	pass.known = -1;
	if (i < re && nt == RUN_TOKS) {
		/* A long run: the rest separately. */
		nt--;
		if (do_run(s, w, cc, text, t[nt].s, re) < 0)
			return -1;
	}
	for (a = 0; a < nt; a++) {
		labelled = a > 0 && t[a - 1].nd == 0 &&
		    is_label(text + t[a - 1].s, t[a - 1].e - t[a - 1].s);
		cand_start(&c, text + t[a].s);
		for (b = a, tb = 0, td = 0; b < nt; b++) {
			if (t[a].nd == 0 && t[b].nd == 0 && b - a > 2)
				break;
			l = t[b].e - t[a].s;
			if (l >= CAND_MAX)
				break;
			/* Every reading needs a digit and four letters or
			 * digits: tokens of fewer bytes cannot be one. */
			tb += t[b].e - t[b].s;
			td += t[b].nd;
			if (tb < 4 || td == 0)
				continue;
			if (!cand_extend(&c, l))
				break;
			if ((rank = classify(&c, cc, labelled, &pass, &f)) < 0)
				continue;
			rc[nrc].a = a;
			rc[nrc].b = b;
			rc[nrc].rank = rank;
			rc[nrc].len = l;
			rc[nrc].f = f;
			nrc++;
		}
	}
	/* Insertion sort: rank, then length, then position. */
	for (x = 1; x < nrc; x++) {
		tmp = rc[x];
		for (y = x - 1; y >= 0 && (rc[y].rank > tmp.rank ||
		    (rc[y].rank == tmp.rank && (rc[y].len < tmp.len ||
		    (rc[y].len == tmp.len && rc[y].a > tmp.a)))); y--)
			rc[y + 1] = rc[y];
		rc[y + 1] = tmp;
	}
	/* A long run that reads as nothing strong (an IBAN or a card
	 * failing its check) is one number, not weak pieces. */
	for (a = 0, nd = 0; a < nt; a++)
		nd += t[a].nd;
	if (nd >= 13 && (nrc == 0 || rc[0].rank > 2))
		nrc = 0;
	for (x = 0; x < nrc; x++) {
		for (a = rc[x].a; a <= rc[x].b; a++)
			if (covered[a])
				break;
		if (a <= rc[x].b)
			continue;
		if (!cand_init(&c, text + t[rc[x].a].s, rc[x].len) ||
		    add_found(s, w, &c, &rc[x].f, t[rc[x].a].s) < 0)
			return -1;
		for (a = rc[x].a; a <= rc[x].b; a++)
			covered[a] = true;
	}
	/* What is left: six digits or more are a number. */
	for (a = 0; a < nt; a++) {
		if (covered[a] || t[a].nd == 0)
			continue;
		for (b = a, nd = 0; b < nt && !covered[b]; b++)
			nd += t[b].nd;
		left = b - 1;
		while (left > a && t[left].nd == 0)
			left--;
		if (nd >= 6 && push(&w->rx, &w->nrx, &w->caprx, t[a].s,
		    t[left].e, SB_SCRUB_NUMBER, NULL) < 0)
			return -1;
		a = b - 1;
	}
	return 0;
}

static int
hitcmp(const void *x, const void *y)
{
	const struct sb_scrub_hit *a = x, *b = y;

	return a->start < b->start ? -1 : a->start > b->start;
}

static bool
utf8_valid(const char *text, size_t n)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t i = 0, l;

	while (i < n) {
		if (u[i] < 0x80) {
			uint64_t w;

			/* ASCII, most of a text: eight bytes at a time. */
			for (i++; i + 8 <= n; i += 8) {
				memcpy(&w, u + i, 8);
				if (w & 0x8080808080808080ULL)
					break;
			}
			continue;
		}
		if (u8dec(u + i, n - i, &l) == 0xFFFD && l == 1)
			return false;
		/* Overlong 3- and 4-byte forms and surrogates. */
		if ((u[i] == 0xE0 && u[i + 1] < 0xA0) ||
		    (u[i] == 0xED && u[i + 1] >= 0xA0) ||
		    (u[i] == 0xF0 && u[i + 1] < 0x90) ||
		    (u[i] == 0xF4 && u[i + 1] >= 0x90))
			return false;
		i += l;
	}
	return true;
}

/* The end of the run of ASCII letters at u[i..n): sixteen bytes at a
 * time, as both passes read each word to its end. */
static inline size_t
ascii_letters_end(const unsigned char *u, size_t i, size_t n)
{
#ifdef __SSE2__
	while (i + 16 <= n) {
		__m128i v = _mm_loadu_si128((const __m128i *)(u + i));
		/* (c | 0x20) - 'a' < 26, unsigned, as a signed compare. */
		__m128i d = _mm_sub_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)),
		    _mm_set1_epi8('a' - 128));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(d,
		    _mm_set1_epi8(26 - 128))) ^ 0xFFFFu;

		if (m != 0)
			return i + (size_t)__builtin_ctz(m);
		i += 16;
	}
#endif
	while (i < n && (unsigned)((u[i] | 0x20) - 'a') < 26u)
		i++;
	return i;
}

/* Does a letter, digit or '_' end just before i? */
static bool
word_before(const unsigned char *u, size_t i)
{
	size_t b, l;

	if (i == 0)
		return false;
	b = i - 1;
	if (u[b] < 0x80)
		return (u[b] >= '0' && u[b] <= '9') || u[b] == '_' ||
		    ((u[b] | 0x20) >= 'a' && (u[b] | 0x20) <= 'z');
	while (b > 0 && (u[b] & 0xC0) == 0x80)
		b--;
	return letter_ascii(u8dec(u + b, i - b, &l)) != NULL;
}

static bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* The next '@' of a text at or after the scan, and where the run of
 * characters an address's local part may hold ends before it (72 bytes
 * back at most), so that each word asks in one step. */
struct at_sign {
	size_t at; /* n: none */
	size_t lo;
};

static bool
local_char(unsigned char c)
{
	return c >= 0x80 || is_digit(c) || ((c | 0x20) >= 'a' &&
	    (c | 0x20) <= 'z') || strchr("._%+-", c) != NULL;
}

/* The '@' at or after i in u[0..n). */
static void
at_sign_from(struct at_sign *a, const unsigned char *u, size_t i, size_t n)
{
	const unsigned char *q = memchr(u + i, '@', n - i);

	a->at = q != NULL ? (size_t)(q - u) : n;
	for (a->lo = a->at; a->lo > 0 && a->at - a->lo < 72 &&
	     a->at < n && local_char(u[a->lo - 1]); a->lo--)
		;
}

/* Is there an e-mail address whose local part starts at ws? */
static bool
email_at(const struct at_sign *a, size_t ws, size_t n)
{
	return a->at < n && ws <= a->at && a->at - ws <= 72 && ws >= a->lo;
}

#define B(p) (1u << (p))

/* fold_head(u + ws, we - ws, f, 5), kept for pass 2 (room allowing). */
static int
fold_head_kept(struct sb_scrub_work *w, const unsigned char *u, size_t ws,
    size_t we, char f[5])
{
	int k = fold_head(u + ws, we - ws, f, 5);
	struct head_ent *h;

	if (w->nheads == w->capheads) {
		size_t cap = w->capheads ? 2 * w->capheads : 64;

		if ((h = realloc(w->heads, cap * sizeof(*h))) == NULL)
			return k;
		w->heads = h;
		w->capheads = cap;
	}
	h = &w->heads[w->nheads++];
	h->ws = ws;
	h->we = we;
	h->k = k;
	memcpy(h->f, f, 5);
	return k;
}

/* Is the word u[ws..we) a street keyword (the start of ALT_STREET)? */
static bool
street_kw(const struct sb_scrub *s, struct sb_scrub_work *w,
    const unsigned char *u, size_t n, size_t ws, size_t we)
{
	char f[WORD_MAX];
	int fl;

	/* Most words are ASCII and fold to themselves in lower case:
	 * their first two letters rule most out before folding. */
	if (we - ws >= 2 && u[ws] < 0x80 && u[ws + 1] < 0x80 &&
	    !(s->kw_first[(u[ws] | 0x20) - 'a'] >> ((u[ws + 1] | 0x20) - 'a') &
	    1))
		return false;
	/* A word of three letters or more is a keyword of as many. */
	if (we - ws >= 3 && u[ws] < 0x80 && u[ws + 1] < 0x80 &&
	    u[ws + 2] < 0x80) {
		unsigned b = kw3_bit((char)(u[ws] | 0x20), (char)(u[ws + 1] |
		    0x20), (char)(u[ws + 2] | 0x20));

		if (!(s->kw3[b / 64] >> (b % 64) & 1))
			return false;
	}
	/* In another script, the same by the first folded letters. */
	if ((u[ws] >= 0x80 || (we - ws >= 2 && u[ws + 1] >= 0x80)) &&
	    (fl = fold_head_kept(w, u, ws, we, f)) >= 2) {
		unsigned b = fl >= 3 ? kw3_bit(f[0], f[1], f[2]) : 0;

		if (!(s->kw_first[f[0] - 'a'] >> (f[1] - 'a') & 1) ||
		    (fl >= 3 && !(s->kw3[b / 64] >> (b % 64) & 1)))
			return false;
	}
	if (we - ws > 24 || (fl = fold_word((const char *)u + ws, we - ws, f,
	    sizeof f)) < 1)
		return false;
	if (fl == 1)
		return f[0] == 'b' && we + 3 < n && u[we] == '-';
	return ntab_get(&s->kw, f, (size_t)fl) != NULL;
}

/* Which patterns might match at the word u[ws..we)?  An
 * over-approximation: the patterns decide. */
static unsigned
word_candidate(const struct sb_scrub *s, struct sb_scrub_work *w,
    const unsigned char *u, size_t n, size_t ws, size_t we,
    const struct at_sign *at)
{
	size_t i, l, nl = 0;
	bool allup = true;
	uint32_t c0 = u8dec(u + ws, n - ws, &l);
	unsigned m = 0;

	if (email_at(at, ws, n))
		m |= B(P_EMAIL);
	if (we - ws >= 3 && ((u[ws] | 0x20) == 'h' || (u[ws] | 0x20) == 'w') &&
	    (strncasecmp((const char *)u + ws, "http", 4) == 0 ||
	    strncasecmp((const char *)u + ws, "www", 3) == 0))
		m |= B(P_URL);
	if (street_kw(s, w, u, n, ws, we))
		return m | B(P_STREET) | B(P_WORD);
	if (we < n && (is_digit(u[we]) || u[we] == ':'))
		return m | B(P_WORD); /* "BG66", "LQ8834558", "fe80:" */
	if (is_upper(c0)) {
		/* Up to the first letter not upper case, or the fifth. */
		for (i = ws; i < we && allup && nl <= 4; i += l) {
			if (!is_upper(u8dec(u + i, we - i, &l)))
				allup = false;
			nl++;
		}
		if (allup && nl <= 4 && we < n && (u[we] == ' ' ||
		    u[we] == '.' || u[we] == '-'))
			return m | B(P_WORD); /* "ЕГН 69...", "CA 1234 AB" */
		if (we + 1 < n && u[we] == ' ' && is_digit(u[we + 1]))
			return m | B(P_WORD); /* "Ερμού 12", "March 12" */
		if (c0 >= 0x386 && c0 <= 0x3AB)
			for (i = we; i < n && i < we + 64; i++)
				if (is_digit(u[i]))
					return m | B(P_WORD);
	}
	return m;
}

/* Pass 1: the pattern, tried where the prefilter lets it. */
static int
pass1(const struct sb_scrub *s, struct sb_scrub_work *w, const char *cc,
    const char *text, size_t n, struct sb_err *e)
{
	const unsigned char *u = (const unsigned char *)text;
	PCRE2_SIZE *ov;
	const char *mk, *h;
	struct at_sign at;
	size_t i = 0, ms, me, before, l, we;
	char hex[33];
	unsigned char c;
	unsigned try;
	int rc, pi;

	w->nrx = 0;
	w->nheads = 0;
	if (!utf8_valid(text, n))
		return sb_seterr(e, SB_FATAL, SB_E_DATA,
		    "scrub: text is not UTF-8");
	at_sign_from(&at, u, 0, n);
	while (i < n) {
		if (at.at < i)
			at_sign_from(&at, u, i, n);
		c = u[i];
		we = i + 1;
		try = 0;
		if (is_letter_at(u, n, i, &l)) {
			for (we = ascii_letters_end(u, i + l, n); we < n &&
			     is_letter_at(u, n, we, &l); we += l)
				;
			try = word_candidate(s, w, u, n, i, we, &at);
		} else if (c >= 0x80) {
			u8dec(u + i, n - i, &l);
			we = i + l;
		} else if (is_digit(c))
			try = word_before(u, i) ? 0 : B(P_NUM) |
			    (email_at(&at, i, n) ? B(P_EMAIL) : 0);
		else if (c == '+' || c == '(')
			try = i + 1 < n && is_digit(u[i + 1]) &&
			    !word_before(u, i) ? B(P_NUM) : 0;
		else if (c == '@')
			try = B(P_HANDLE);
		for (pi = 0, rc = PCRE2_ERROR_NOMATCH; try != 0 &&
		     rc == PCRE2_ERROR_NOMATCH; pi++) {
			if (!(try & B(pi)))
				continue;
			try &= ~B(pi);
			if (s->jit[pi])
				rc = pcre2_jit_match(s->re[pi], (PCRE2_SPTR)text,
				    n, i, 0, w->md, w->mctx);
			else
				rc = pcre2_match(s->re[pi], (PCRE2_SPTR)text, n,
				    i, PCRE2_NO_UTF_CHECK, w->md, w->mctx);
		}
		if (rc == PCRE2_ERROR_NOMATCH) {
			i = we;
			continue;
		}
		if (rc < 0)
			return sb_seterr(e, SB_FATAL, SB_E_NOMEM,
			    "scrub: text cannot be matched (PCRE2 error %d)",
			    rc);
		ov = pcre2_get_ovector_pointer(w->md);
		ms = ov[0];
		me = ov[1];
		mk = (const char *)pcre2_get_mark(w->md);
		if (me <= ms) {
			i = we;
			continue;
		}
		i = me;
		before = w->nrx;
		switch (mk != NULL ? mk[0] : 0) {
		case 'E':
			h = token_of(s, w, "email", NULL, cc, text + ms,
			    me - ms, NULL, hex);
			rc = push(&w->rx, &w->nrx, &w->caprx, ms, me,
			    SB_SCRUB_EMAIL, h);
			break;
		case 'U':
			while (me > ms && strchr(".,;:!?)]'", text[me - 1]))
				me--;
			i = me;
			rc = push(&w->rx, &w->nrx, &w->caprx, ms, me,
			    SB_SCRUB_URL, NULL);
			break;
		case 'H':
			while (me > ms + 2 && text[me - 1] == '.')
				me--;
			i = me;
			h = token_of(s, w, "handle", NULL, cc, text + ms,
			    me - ms, NULL, hex);
			rc = push(&w->rx, &w->nrx, &w->caprx, ms, me,
			    SB_SCRUB_HANDLE, h);
			break;
		case '6':
			if ((h = token_of(s, w, "ip", NULL, cc, text + ms,
			    me - ms, NULL, hex)) == NULL) {
				i = we;
				rc = 0;
				break;
			}
			rc = push(&w->rx, &w->nrx, &w->caprx, ms, me,
			    SB_SCRUB_IP, h);
			break;
		case 'D':
			rc = push(&w->rx, &w->nrx, &w->caprx, ms, me,
			    SB_SCRUB_DATE, NULL);
			break;
		case 'A':
			rc = push(&w->rx, &w->nrx, &w->caprx, ms, me,
			    SB_SCRUB_ADDRESS, NULL);
			break;
		default:
			rc = do_run(s, w, cc, text, ms, me);
			if (rc == 0 && w->nrx - before > 1)
				qsort(w->rx + before, w->nrx - before,
				    sizeof *w->rx, hitcmp);
			break;
		}
		if (rc < 0)
			return sb_seterr(e, SB_FATAL, SB_E_NOMEM,
			    "scrub: out of memory");
	}
	return SB_OK;
}

/* ------------------------------------------------------------------ */
/* Pass 2: names                                                       */

/* Is there an initial ("И." "I." "J.-P.") ending at text[..p), with a
 * space between?  Returns its start or p. */
static size_t
initial_before(const char *text, size_t lo, size_t p)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t q, m, l;

	if (p < lo + 3 || text[p - 1] != ' ' || text[p - 2] != '.')
		return p;
	q = p - 2;
	m = q - 1;
	while (m > lo && (u[m] & 0xC0) == 0x80)
		m--;
	if (!is_upper(u8dec(u + m, q - m, &l)) || l != q - m)
		return p;
	if (m > lo) {
		size_t b = m - 1;
		while (b > lo && (u[b] & 0xC0) == 0x80)
			b--;
		if (letter_ascii(u8dec(u + b, m - b, &l)) != NULL)
			return p;
	}
	return m;
}

/* Two-letter words that open sentences and are also names somewhere. */
static bool
stopword(const char *f)
{
	static const char sw[] = "de in on at il el al et ja op se si en un";
	size_t i;

	for (i = 0; i + 1 < sizeof sw; i += 3)
		if (sw[i] == f[0] && sw[i + 1] == f[1])
			return true;
	return false;
}

/* first2() of the merged skeleton of the first five letters of folded
 * word f[0..n), or -1 when that has fewer than two letters: every stem
 * of the word is a prefix of its merged skeleton, but for the -ek form
 * of a short one. */
static int
head2(const char *f, size_t n)
{
	char sk[2 * 5];
	size_t kk = dedup(sk, skel(f, n < 5 ? n : 5, sk));

	return kk >= 2 ? (int)first2(sk) : -1;
}

/* head2() of the folded letters f[0..m), 2 <= m <= 5, through w's
 * cache. */
static int
head2_cached(struct sb_scrub_work *w, const char *f, size_t m)
{
	size_t i;
	uint32_t key = 0;
	struct h2ent *e;

	for (i = 0; i < m; i++)
		key = key * 27 + (uint32_t)(f[i] - 'a' + 1);
	e = &w->h2[(key * 2654435761u) >> 20 & (H2_SLOTS - 1)];
	if (e->key != key) {
		e->key = key;
		e->val = (int16_t)head2(f, m);
	}
	return e->val;
}

/* head2() of the ASCII word u[0..n), n >= 2. */
static int
head2_ascii(struct sb_scrub_work *w, const unsigned char *u, size_t n)
{
	char f[5];
	size_t i, m = n < 5 ? n : 5;

	for (i = 0; i < m; i++)
		f[i] = (char)(u[i] | 0x20);
	return head2_cached(w, f, m);
}

/* head2() of a non-ASCII word (a word of letters) from k =
 * fold_head(word, f, 5); -2 when only its whole fold can say. */
static int
head2_folded(struct sb_scrub_work *w, const char *f, int k)
{
	return k == -2 ? -2 : k >= 2 ? head2_cached(w, f, (size_t)k) : -1;
}

/* head2_folded() of the word u[ws..we), as pass 1 folded it if it did
 * (*hc walks w->heads, which are in text order as the words here). */
static int
head2_kept(struct sb_scrub_work *w, size_t *hc, const unsigned char *u,
    size_t ws, size_t we)
{
	const struct head_ent *h;
	char f[5];

	while (*hc < w->nheads && w->heads[*hc].ws < ws)
		(*hc)++;
	if (*hc < w->nheads && (h = &w->heads[*hc])->ws == ws && h->we == we)
		return head2_folded(w, h->f, h->k);
	return head2_folded(w, f, fold_head(u + ws, we - ws, f, sizeof f));
}

/* Can a key of the record's table or the gazetteer start with h2? */
static bool
head_known(const struct sb_scrub_work *w, const struct sb_scrub_gaz *gaz,
    bool have_pt, bool have_gaz, int h2)
{
	unsigned f2 = (unsigned)h2;

	return h2 >= 0 && ((have_pt && (w->pt.first[f2 >> 5][(f2 & 31) >> 3] >>
	    (f2 & 7) & 1)) || (have_gaz && (gaz->t.first[f2 >> 5][(f2 & 31) >>
	    3] >> (f2 & 7) & 1)));
}

static int
pass2(struct sb_scrub_work *w,
    const struct sb_scrub_gaz *gaz, const char *text, size_t n)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t i = 0, st, l, r = 0, k;
	char f[WORD_MAX];
	struct stems sm;
	const struct nslot *sl;
	const char *hex;
	int fl, j, h2;
	bool adj, sent_start, ascii;
	bool have_pt = w->pt.used > 0 || w->pt.single != 0;
	bool have_gaz = gaz != NULL && gaz->t.used > 0;
	uint32_t c0;
	size_t hc = 0; /* into w->heads */

	w->nhits = 0;
	if (!have_pt && !have_gaz)
		goto copy_rest;
	while (i < n) {
		/* Skip to a letter. */
		while (i < n) {
			if (u[i] < 0x80) {
				if (((u[i] | 0x20) >= 'a' && (u[i] | 0x20) <=
				    'z'))
					break;
				i++;
				continue;
			}
			if (is_letter_at(u, n, i, &l))
				break;
			i += l;
		}
		if (i >= n)
			break;
		st = i;
		c0 = u8dec(u + i, n - i, &l);
		ascii = true;
		i = ascii_letters_end(u, i, n);
		while (i < n) {
			if (u[i] < 0x80) {
				if (!((u[i] | 0x20) >= 'a' && (u[i] | 0x20) <=
				    'z'))
					break;
				i++;
				continue;
			}
			if (!is_letter_at(u, n, i, &l))
				break;
			ascii = false;
			i += l;
		}
		/* Inside a hit of pass 1? */
		while (r < w->nrx && w->rx[r].end <= st) {
			if (push(&w->hits, &w->nhits, &w->caphits,
			    w->rx[r].start, w->rx[r].end, w->rx[r].type,
			    w->rx[r].token_hex) < 0)
				return -1;
			r++;
		}
		if (r < w->nrx && w->rx[r].start < i)
			continue;
		adj = w->nhits > 0 && w->hits[w->nhits - 1].type ==
		    SB_SCRUB_PERSON && st == w->hits[w->nhits - 1].end + 1 &&
		    (text[st - 1] == ' ' || text[st - 1] == '-');
		if (i - st <= 2 && have_pt && w->pt.single != 0 &&
		    is_upper(c0) && (fl = fold_word(text + st, i - st, f,
		    sizeof f)) == 1 && (w->pt.single >> (f[0] - 'a') & 1) &&
		    (i >= n || text[i] != '.')) {
			/* A one-letter name: after a name or an initial. */
			if (adj) {
				w->hits[w->nhits - 1].end = i;
				continue;
			}
			k = initial_before(text, w->nhits > 0 ?
			    w->hits[w->nhits - 1].end : 0, st);
			if (k != st && push(&w->hits, &w->nhits, &w->caphits,
			    k, i, SB_SCRUB_PERSON, NULL) < 0)
				return -1;
			continue;
		}
		/* The first letters first: most words stop here. */
		if (ascii && (i - st < 2 || i - st >= WORD_MAX ||
		    !head_known(w, gaz, have_pt, have_gaz,
		    head2_ascii(w, u + st, i - st))))
			continue;
		/* A word in another script: the first letters first too. */
		if (!ascii && (h2 = head2_kept(w, &hc, u, st, i)) != -2 &&
		    !head_known(w, gaz, have_pt, have_gaz, h2))
			continue;
		if ((fl = fold_word(text + st, i - st, f, sizeof f)) < 2 ||
		    fl >= WORD_MAX)
			continue;
		if (!ascii && h2 == -2 && !head_known(w, gaz, have_pt, have_gaz,
		    head2(f, (size_t)fl)))
			continue;
		{
			char raw[2 * WORD_MAX], sk[2 * WORD_MAX];
			size_t sl0, kk;

			sl0 = skel(f, (size_t)fl, raw);
			memcpy(sk, raw, sl0);
			kk = dedup(sk, sl0);
			if (kk < 2 || (!(kk < 5 && sl0 >= 5) &&
			    !(have_pt && ntab_maybe(&w->pt, sk, kk)) &&
			    !(have_gaz && ntab_maybe(&gaz->t, sk, kk))))
				continue;
			/* The skeleton made once (fl < WORD_MAX here). */
			stems_from_skel(raw, sl0, &sm);
		}
		/* Does the word open a sentence?  Asked only of the few words
		 * that come this far. */
		for (k = st; k > 0 && (text[k - 1] == ' ' || text[k - 1] == '"' ||
		    text[k - 1] == '(' || (unsigned char)text[k - 1] >= 0x80);
		     k--)
			if ((unsigned char)text[k - 1] >= 0x80 &&
			    letter_ascii(u8dec(u + k - 1, 1, &l)) == NULL &&
			    (u[k - 1] & 0xC0) != 0x80)
				break;
		sent_start = k == 0 || text[k - 1] == '.' || text[k - 1] == '!' ||
		    text[k - 1] == '?';
		hex = NULL;
		for (j = 0; j < sm.n && hex == NULL; j++) {
			if (!adj && ((!is_upper(c0) && (sm.short_[j] ||
			    sm.len[j] < 3)) || (sent_start && fl == 2 &&
			    stopword(f))))
				continue;
			if (!adj && j > 0 && sm.len[j] < 3)
				continue;
			if (have_pt && (sl = ntab_get(&w->pt, sm.k[j],
			    sm.len[j])) != NULL)
				hex = w->tok[sl->val];
			else if (have_gaz && (sl = ntab_get(&gaz->t, sm.k[j],
			    sm.len[j])) != NULL)
				hex = gaz->tok[sl->val];
		}
		if (hex == NULL)
			continue;
		/* Merge with the previous name word when only a space or a
		 * hyphen is between them. */
		if (w->nhits > 0 && w->hits[w->nhits - 1].type ==
		    SB_SCRUB_PERSON && (st == w->hits[w->nhits - 1].end + 1) &&
		    (text[st - 1] == ' ' || text[st - 1] == '-')) {
			w->hits[w->nhits - 1].end = i;
			continue;
		}
		k = initial_before(text, w->nhits > 0 ?
		    w->hits[w->nhits - 1].end : 0, st);
		if (push(&w->hits, &w->nhits, &w->caphits, k, i,
		    SB_SCRUB_PERSON, hex[0] != '\0' ? hex : NULL) < 0)
			return -1;
	}
copy_rest:
	for (; r < w->nrx; r++)
		if (push(&w->hits, &w->nhits, &w->caphits, w->rx[r].start,
		    w->rx[r].end, w->rx[r].type, w->rx[r].token_hex) < 0)
			return -1;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Scrubbing                                                           */

int
sb_scrub_text(const struct sb_scrub *s, struct sb_scrub_work *w,
    const char *country, const struct sb_scrub_person *persons, size_t np,
    const struct sb_scrub_gaz *gaz, const char *text, size_t n,
    struct sb_buf *out, struct sb_err *e)
{
	char cc[3], ph[64];
	const char *c = NULL;
	size_t i, at = 0, k;
	int rc, pl;
	bool sig_ok;

	w->nhits = 0;
	if (country != NULL && strlen(country) == 2) {
		cc[0] = (char)(country[0] & ~0x20);
		cc[1] = (char)(country[1] & ~0x20);
		cc[2] = '\0';
		c = cc;
	}
	np = np > MAX_PERSONS ? MAX_PERSONS : np;
	if (same_persons(w, persons, np, &k, &sig_ok))
		goto scan;
	ntab_clear(&w->pt);
	w->sig_ok = false;
	w->np = np;
	for (i = 0; i < w->np; i++) {
		if (hex32(persons[i].token_hex))
			memcpy(w->tok[i], persons[i].token_hex, 33);
		else
			w->tok[i][0] = '\0';
		if (add_person(s, &w->pt, w->pcache, &persons[i], i,
		    false) < 0)
			return sb_seterr(e, SB_FATAL, SB_E_NOMEM,
			    "scrub: out of memory");
	}
	if (sig_ok) {
		char *t = w->sig;

		w->sig = w->nsig;
		w->nsig = t;
		w->siglen = k;
		w->sig_ok = true;
	}
scan:
	if ((rc = pass1(s, w, c, text, n, e)) != SB_OK)
		return rc;
	if (pass2(w, gaz, text, n) < 0)
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "scrub: out of memory");
	for (i = 0; i < w->nhits; i++) {
		const struct sb_scrub_hit *h = &w->hits[i];
		const char *tn = sb_scrub_type_name(h->type);
		if (sb_buf_add(out, text + at, h->start - at) < 0)
			goto full;
		ph[0] = '[';
		for (k = 0; tn[k] != '\0'; k++)
			ph[1 + k] = (char)(tn[k] >= 'a' && tn[k] <= 'z' ?
			    tn[k] - 32 : tn[k]);
		pl = (int)k + 1;
		if (h->token_hex[0] != '\0') {
			ph[pl++] = ':';
			memcpy(ph + pl, h->token_hex, 32);
			pl += 32;
		}
		ph[pl++] = ']';
		if (sb_buf_add(out, ph, (size_t)pl) < 0)
			goto full;
		at = h->end;
	}
	if (sb_buf_add(out, text + at, n - at) < 0)
		goto full;
	return SB_OK;
full:
	return sb_seterr(e, SB_FATAL, SB_E_NOMEM,
	    "scrub: scrubbed text exceeds its limit");
}
