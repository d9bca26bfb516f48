#include "sb_anon.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <sodium.h>

#include "sb_date.h"
#include "sb_hash.h"
#include "sb_json.h"
#include "sb_mem.h"
#include "sb_nameform.h"
#include "sb_pseudo.h"
#include "sb_seqlock.h"
#include "sb_text.h"

#define MAX_PERSONS 256
#define MAX_ALIASES 64
#define CLK_WORDS (SB_CLK_MAX_BITS / 64)
#define B64_MAX (SB_CLK_MAX_BITS / 6 + 8)

/* Token types whose subkeys are derived once, not per token. */
static const char *const tok_types[] = {"national_id", "passport",
    "id_card", "phone", "email", "iban", "card", "plate", "handle", "ip",
    "name", "dob", "postcode"};
#define NTOK (sizeof(tok_types) / sizeof(tok_types[0]))

struct sb_anon {
	struct sb_anon_opts o;
	unsigned char sub_tok[NTOK][SB_KEY_BYTES];
	unsigned char sub_name[SB_KEY_BYTES]; /* CLK subkeys */
	unsigned char sub_dob[SB_KEY_BYTES];
	unsigned char sub_addr[SB_KEY_BYTES];
	char anon_json[512]; /* the `anon` member, the same in every record */
	struct sb_pseudo_table *tokens; /* the token cache its works share */
	struct dob_cache *dobs; /* DOB_CACHE_SLOTS, shared by its works */
	unsigned char *clks; /* clk_slots of clk_stride bytes, shared too */
	size_t clk_stride, clk_slots;
	uint64_t uid; /* this sb_anon and no other, for the works' caches */
};

/* A person's name, as the scrubber and the encoder need it. */
struct pname {
	const char *given, *family, *as_written;
	const char *other[MAX_ALIASES];
	size_t nother;
	char token[SB_PSEUDO_TOKEN_MAX]; /* "name:<hex>" or "" */
	/* sb_nameform keys of the full name, given and family names. */
	char key_full[SB_NAMEFORM_MAX], key_given[SB_NAMEFORM_MAX];
	char key_family[SB_NAMEFORM_MAX];
};

/*
 * The CLK word cache, an sb_anon's, shared by its works, fills one huge
 * page (2 MiB), no more: a page this virtual machine has not backed yet
 * costs it about 3 ms per 2 MiB to touch the first time, as much as the
 * cache saves over thousands of records (two works' own caches cost two
 * pages and encoded each word twice).  Its entries hold as many words
 * as the run's CLKs have (16 for the default 1,024 bits: 10,922 entries
 * of three lines).  A slot is the hash scaled to the number of entries.
 */
#define CACHE_TABLE ((size_t)2 << 20)
#define CLK_CACHE_WORD 40 /* longest word cached, bytes */

/* Slot of 32-bit hash h among n. */
static inline size_t
slot_in(uint32_t h, size_t n)
{
	return (size_t)(((uint64_t)h * n) >> 32);
}

struct clk_cache {
	_Atomic uint32_t seq; /* sb_seqlock.h: the threads share the cache */
	uint8_t len;	   /* 0: empty */
	char word[CLK_CACHE_WORD];
	uint64_t words[]; /* the owner's a->o.clk.bits / 64 */
};

/* A date of birth's "dob_enc" object as written: seven tokens and a CLK
 * (half a kilobyte) that the same date always gives.  13,233 dates
 * among the 55,408 of 20k cases.  The cache is an sb_anon's, two huge
 * pages shared by its works: over 20k cases two works' own 2 MiB ones
 * made 33,146 objects, one shared 4 MiB one 25,081 (the rest are
 * copied, not made: their two unique tokens alone cost a BLAKE2b
 * each). */
#define DOB_CACHE_SLOTS (2 * CACHE_TABLE / sizeof(struct dob_cache))
#define DOB_FRAG 558 /* longest object cached: an entry is 9 lines */

struct dob_cache {
	_Atomic uint32_t seq; /* sb_seqlock.h: the threads share the cache */
	uint8_t len; /* of dob; 0: empty */
	char dob[11];
	uint16_t flen;
	char frag[DOB_FRAG];
};

_Static_assert(sizeof(struct dob_cache) == 576, "whole cache lines");

struct sb_anon_work {
	/* The token cache's handle below is on its owner's table. */
	uint64_t owner; /* the uid of the sb_anon it serves, 0: none */
	struct sb_scrub_work *scrub;
	struct sb_pseudo_cache *tokens; /* shared with scrub */
	struct sb_buf text;
	struct sb_buf survey;
	struct sb_buf frame;	  /* sb_anon_survey's */
	struct pname names[MAX_PERSONS];
	struct sb_scrub_person sp[MAX_PERSONS];
	size_t np;
	const char *country;
	char case_date[11];
	struct sb_buf *hits;	  /* hit/1 lines, or NULL */
	struct sb_json_arena arena; /* cJSON's, while a record is read */
	bool surveying;		  /* first pass: check, do not scrub */
	const cJSON *provenance;  /* of the record being written */
};

void
sb_anon_work_set_hits(struct sb_anon_work *w, struct sb_buf *hits)
{
	w->hits = hits;
}

static const char *const qi_names[SB_AQ_COUNT] = {"age_band", "sex",
    "citizenship", "region", "year", "locality", "exploitation"};
static const enum sb_qi_kind qi_kinds[SB_AQ_COUNT] = {SB_QI_AGE_BAND,
    SB_QI_SEX, SB_QI_COUNTRY, SB_QI_REGION, SB_QI_YEAR, SB_QI_TEXT,
    SB_QI_TEXT};

const char *
sb_anon_qi_name(enum sb_anon_qi q)
{
	return q < SB_AQ_COUNT ? qi_names[q] : "?";
}

int
sb_anon_qi_by_name(const char *name, size_t n)
{
	for (int i = 0; i < SB_AQ_COUNT; i++)
		if (strlen(qi_names[i]) == n && memcmp(qi_names[i], name, n) == 0)
			return i;
	return -1;
}

enum sb_qi_kind
sb_anon_qi_kind(enum sb_anon_qi q)
{
	return qi_kinds[q];
}

int
sb_anon_clk_b64(const uint64_t *words, size_t nwords, char *out, size_t cap)
{
	unsigned char bytes[SB_CLK_MAX_BITS / 8];
	size_t n = nwords * 8;

	if (nwords > CLK_WORDS)
		return -1;
	/* Little-endian bytes: bit i of the filter is bit i%8 of byte i/8
	 * on every machine. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	memcpy(bytes, words, n);
#else
	for (size_t i = 0; i < nwords; i++)
		for (size_t j = 0; j < 8; j++)
			bytes[i * 8 + j] = (unsigned char)(words[i] >> (8 * j));
#endif
	return (int)sb_clk_b64_encode(bytes, n, out, cap);
}

/* Numbers the sb_anon objects: a work's caches belong to one. */
static _Atomic uint64_t next_uid;

int
sb_anon_new(struct sb_anon **out, const struct sb_anon_opts *o,
    struct sb_err *e)
{
	struct sb_anon *a;
	*out = NULL;
	if (o->key == NULL || o->scrub == NULL || o->clk.bits == 0 ||
	    o->clk.bits % 64 != 0 || o->clk.bits > SB_CLK_MAX_BITS ||
	    o->clk.k == 0 || o->clk.q == 0 || o->clk.q > 8)
		return sb_seterr(e, SB_FATAL, SB_E_USAGE,
		    "bad anonymiser options (key, scrubber or CLK parameters)");
	if ((a = calloc(1, sizeof(*a))) == NULL ||
	    (a->tokens = sb_pseudo_table_new()) == NULL ||
	    (a->dobs = sb_table_map(DOB_CACHE_SLOTS *
	    sizeof(*a->dobs))) == NULL ||
	    (a->clks = sb_table_map(CACHE_TABLE)) == NULL) {
		if (a != NULL) {
			sb_pseudo_table_free(a->tokens);
			sb_table_unmap(a->dobs, DOB_CACHE_SLOTS *
			    sizeof(*a->dobs));
		}
		free(a);
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
	}
	a->uid = atomic_fetch_add(&next_uid, 1) + 1;
	sb_json_arena_init();
	a->o = *o;
	/* The CLK cache's entries, whole cache lines each. */
	a->clk_stride = (sizeof(struct clk_cache) + o->clk.bits / 8 + 63) &
	    ~(size_t)63;
	a->clk_slots = CACHE_TABLE / a->clk_stride;
	for (size_t i = 0; i < NTOK; i++)
		sb_key_subkey(o->key, tok_types[i], a->sub_tok[i]);
	sb_key_subkey(o->key, "name_clk", a->sub_name);
	sb_key_subkey(o->key, "dob_clk", a->sub_dob);
	sb_key_subkey(o->key, "address_clk", a->sub_addr);
	snprintf(a->anon_json, sizeof(a->anon_json),
	    "\"key_id\":\"%s\",\"scheme\":\"sb-anon/1\",\"clk\":{\"bits\":%u,"
	    "\"k\":%u,\"q\":%u,\"hash\":\"siphash-2-4\",\"names\":"
	    "\"sb-nameform/1\"},\"birth\":\"%s\"",
	    o->key->id, o->clk.bits, o->clk.k, o->clk.q,
	    o->birth_month ? "month" : "year");
	*out = a;
	return SB_OK;
}

void
sb_anon_free(struct sb_anon *a)
{
	if (a == NULL)
		return;
	sodium_memzero(a->sub_tok, sizeof(a->sub_tok));
	sodium_memzero(a->sub_name, sizeof(a->sub_name));
	sodium_memzero(a->sub_dob, sizeof(a->sub_dob));
	sodium_memzero(a->sub_addr, sizeof(a->sub_addr));
	sb_pseudo_table_free(a->tokens);
	sb_table_wipe(a->dobs, DOB_CACHE_SLOTS * sizeof(*a->dobs));
	sb_table_unmap(a->dobs, DOB_CACHE_SLOTS * sizeof(*a->dobs));
	sb_table_wipe(a->clks, CACHE_TABLE);
	sb_table_unmap(a->clks, CACHE_TABLE);
	free(a);
}

int
sb_anon_work_new(struct sb_anon_work **out, struct sb_err *e)
{
	struct sb_anon_work *w;

	*out = NULL;
	if ((w = calloc(1, sizeof(*w))) == NULL)
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
	/* A narrative is at most a record (--max-record, up to 1 GiB). */
	sb_buf_init(&w->text, (size_t)1 << 31);
	sb_buf_init(&w->survey, (size_t)1 << 32);
	sb_buf_init(&w->frame, (size_t)1 << 32);
	if (sb_scrub_work_new(&w->scrub, e) != SB_OK) {
		free(w);
		return SB_FATAL;
	}
	*out = w;
	return SB_OK;
}

void
sb_anon_work_free(struct sb_anon_work *w)
{
	if (w == NULL)
		return;
	sb_scrub_work_free(w->scrub);
	sb_pseudo_cache_free(w->tokens);
	sb_buf_release(&w->text);
	sb_buf_release(&w->survey);
	sb_buf_release(&w->frame);
	sb_json_arena_release(&w->arena);
	free(w);
}

/* ------------------------------------------------------------ helpers */

/* Is member name k the literal lit?  The first bytes first: a record's
 * members are told apart some two hundred times. */
static inline bool
key_is(const char *k, const char *lit)
{
	return k[0] == lit[0] && strcmp(k, lit) == 0;
}

/* A member of an object, or NULL: cJSON_GetObjectItemCaseSensitive
 * with the first byte compared before the rest, since a record is
 * looked into some hundred times. */
static const cJSON *
get(const cJSON *o, const char *name)
{
	const cJSON *c;

	if (!cJSON_IsObject(o))
		return NULL;
	for (c = o->child; c != NULL; c = c->next)
		if (c->string != NULL && key_is(c->string, name))
			return c;
	return NULL;
}

/* The subkey of a token type a caches, or NULL. */
static const unsigned char *
tok_sub(const struct sb_anon *a, const char *type)
{
	/* From the end: names and dates of birth, the most frequent types,
	 * are last; the first letter before the whole string. */
	for (size_t i = NTOK; i-- > 0;)
		if (key_is(type, tok_types[i]))
			return a->sub_tok[i];
	return NULL;
}

/* "type:<hex>" under the type's subkey. */
static int
make_token(const struct sb_anon *a, struct sb_pseudo_cache *tc,
    const char *type, const char *norm, size_t n, char *out, size_t cap)
{
	const unsigned char *sub = tok_sub(a, type);

	if (sub != NULL)
		return sb_pseudo_token_cached(tc, sub, type, norm, n, out, cap);
	return sb_pseudo_token(a->o.key, type, norm, n, out, cap);
}

/* Have make_token's cache entry for norm fetched ahead of the call. */
static void
prefetch_token(const struct sb_anon *a, struct sb_pseudo_cache *tc,
    const char *type, const char *norm, size_t n)
{
	const unsigned char *sub = tok_sub(a, type);

	if (sub != NULL)
		sb_pseudo_cache_prefetch(tc, sub, norm, n);
}

static const char *
str(const cJSON *o, const char *name)
{
	const cJSON *v = get(o, name);

	return cJSON_IsString(v) && v->valuestring[0] != '\0' ?
	    v->valuestring : NULL;
}

static bool
is_str_array(const cJSON *v)
{
	const cJSON *x;

	if (!cJSON_IsArray(v))
		return false;
	cJSON_ArrayForEach(x, v)
		if (!cJSON_IsString(x))
			return false;
	return true;
}

/* A copy of any JSON value; the input was parsed by cJSON, so numbers
 * that are whole are written whole. */
static void
put_value(struct sb_jw *w, const cJSON *v)
{
	char num[64];
	const cJSON *c;

	if (cJSON_IsString(v)) {
		sb_jw_cstr(w, v->valuestring);
	} else if (cJSON_IsNumber(v)) {
		if (v->valuedouble >= -9e15 && v->valuedouble <= 9e15 &&
		    v->valuedouble == (double)(long long)v->valuedouble)
			sb_jw_int(w, (long long)v->valuedouble);
		else {
			snprintf(num, sizeof(num), "%.17g", v->valuedouble);
			sb_jw_raw(w, num, strlen(num));
		}
	} else if (cJSON_IsBool(v)) {
		sb_jw_bool(w, cJSON_IsTrue(v));
	} else if (cJSON_IsArray(v)) {
		sb_jw_arr(w);
		cJSON_ArrayForEach(c, v)
			put_value(w, c);
		sb_jw_end_arr(w);
	} else if (cJSON_IsObject(v)) {
		sb_jw_obj(w);
		cJSON_ArrayForEach(c, v) {
			sb_jw_key(w, c->string);
			put_value(w, c);
		}
		sb_jw_end_obj(w);
	} else {
		sb_jw_raw(w, "null", 4);
	}
}

static bool
is_date(const char *s)
{
	return s != NULL && sb_date_valid_iso(s, strlen(s)) > 0;
}

/* A date cut to the precision asked for. */
static void
put_date(struct sb_jw *w, const char *key, const cJSON *v, size_t prec)
{
	const char *s = cJSON_IsString(v) ? v->valuestring : NULL;
	size_t n;

	if (!is_date(s))
		return;
	n = strlen(s);
	sb_jw_key(w, key);
	sb_jw_str(w, s, n < prec ? n : prec);
}

/* Members of obj outside `known`: the record is rejected, since a member
 * this version does not know may hold anything. */
static int
check_members(const cJSON *obj, const char *const *known, const char *where,
    struct sb_err *e)
{
	const cJSON *m;
	size_t n = 0, j = 0, k;

	if (!cJSON_IsObject(obj))
		return sb_seterr(e, SB_REJECT, SB_E_DATA, "%s is not an object",
		    where);
	while (known[n] != NULL)
		n++;
	/* Members mostly come in the order of the list: each search
	 * starts after the last one found (j + k < 2n: wrapped by a
	 * subtraction, not a division). */
	cJSON_ArrayForEach(m, obj) {
		for (k = 0; k < n && (m->string == NULL ||
		     !key_is(m->string, known[j + k < n ? j + k : j + k - n]));
		     k++)
			;
		if (k == n)
			return sb_seterr(e, SB_REJECT, SB_E_DATA,
			    "unknown member in %s (not case/1; nothing of it "
			    "is copied)", where);
		j += k + 1;
		j = j < n ? j : j - n;
	}
	return SB_OK;
}

/* ------------------------------------------------------- names, dates */

static int
name_token(const struct sb_anon *a, struct sb_pseudo_cache *tc,
    const char *s, size_t n, char *out, size_t cap)
{
	char k[SB_NAMEFORM_MAX];
	int l = sb_nameform_key(s, n, k, sizeof(k));

	if (l <= 0)
		return -1;
	return make_token(a, tc, "name", k, (size_t)l, out, cap);
}

/* The key of one part of a name, from its romanised form; "" when the
 * part is missing or has no letters. */
static void
part_key(const char *asc, int n, char out[SB_NAMEFORM_MAX])
{
	out[0] = '\0';
	if (n > 0 && sb_nameform_key_ascii(asc, (size_t)n, out,
	    SB_NAMEFORM_MAX) < 0)
		out[0] = '\0';
}

/* The key of "given family" from the keys of its two parts when each is
 * one word: the skeleton of the whole is the parts' skeletons with a
 * space between (sb_nameform's folds hold no space, and a word's end is
 * its end either way), and its key their skeletons in order.  False
 * when that does not hold (then the whole is keyed). */
static bool
join_keys(const char *g, const char *f, char out[SB_NAMEFORM_MAX])
{
	size_t lg = strlen(g), lf = strlen(f);
	bool gf = strcmp(g, f) <= 0; /* given first */
	size_t la = gf ? lg : lf;

	if (lg == 0 || lf == 0 || lg + lf + 2 > SB_NAMEFORM_MAX ||
	    memchr(g, ' ', lg) != NULL || memchr(f, ' ', lf) != NULL)
		return false;
	memcpy(out, gf ? g : f, la);
	out[la] = ' ';
	memcpy(out + la + 1, gf ? f : g, lg + lf - la + 1);
	return true;
}

/* Each part of the name is romanised once (the romanisations are cached
 * per thread, and given names recur); the full name's key is made from
 * the parts: given and family, or the name as written. */
static void
read_names(const cJSON *person, struct pname *p)
{
	const cJSON *nm = get(person, "name");
	const cJSON *o;
	char ag[SB_NAMEFORM_MAX], af[SB_NAMEFORM_MAX];
	char full[2 * SB_NAMEFORM_MAX];
	int lg = -1, lf = -1, l;

	p->given = p->family = p->as_written = NULL;
	p->nother = 0;
	p->token[0] = p->key_full[0] = p->key_given[0] = p->key_family[0] =
	    '\0';
	if (!cJSON_IsObject(nm))
		return;
	p->given = str(nm, "given");
	p->family = str(nm, "family");
	p->as_written = str(nm, "as_written");
	cJSON_ArrayForEach(o, get(nm, "other"))
		if (cJSON_IsString(o) && p->nother < MAX_ALIASES)
			p->other[p->nother++] = o->valuestring;
	if (p->given != NULL)
		lg = sb_nameform_ascii(p->given, strlen(p->given), ag,
		    sizeof(ag));
	if (p->family != NULL)
		lf = sb_nameform_ascii(p->family, strlen(p->family), af,
		    sizeof(af));
	part_key(ag, lg, p->key_given);
	part_key(af, lf, p->key_family);
	if (lg > 0 && lf > 0 && join_keys(p->key_given, p->key_family,
	    p->key_full)) {
		/* Made from the parts' keys. */
	} else if (lg > 0 || lf > 0) {
		/* "given family", either part possibly empty. */
		lg = lg > 0 ? lg : 0;
		lf = lf > 0 ? lf : 0;
		if ((size_t)lg + 1 + (size_t)lf < sizeof(full)) {
			memcpy(full, ag, (size_t)lg);
			full[lg] = ' ';
			memcpy(full + lg + 1, af, (size_t)lf);
			full[lg + 1 + lf] = '\0';
			part_key(full, lg + 1 + lf, p->key_full);
		}
	} else if (p->as_written != NULL &&
	    (l = sb_nameform_ascii(p->as_written, strlen(p->as_written),
		full, sizeof(full))) > 0) {
		part_key(full, l, p->key_full);
	}
}

/* The token of p's full name, when it has one. */
static void
name_token_of(const struct sb_anon *a, struct sb_pseudo_cache *tc,
    struct pname *p)
{
	size_t l = strlen(p->key_full);

	if (l > 0 && make_token(a, tc, "name", p->key_full, l, p->token,
	    sizeof(p->token)) < 0)
		p->token[0] = '\0';
}

/*
 * The parts of a full date of birth that get tokens, for sb-link's
 * levels: a date with one part mistyped still agrees on the two others,
 * and one with two digits of month and day swapped on its digits in any
 * order.  Each part is its own keyed value ("ym|1933-01", "md|01-22",
 * "yd|1933-22", "dg|1933|0122" with the digits sorted); y and m are the
 * tokens of "1933" and "1933-01", those of dates written that far.
 */
#define DOB_PARTS 6
static const char *const part_keys[DOB_PARTS] = {"ym", "md", "yd",
    "digits", "y", "m"};
static const size_t part_len[DOB_PARTS] = {10, 8, 10, 12, 4, 7};

/* The parts of dob, a valid full date (YYYY-MM-DD), into v. */
static void
dob_parts(const char *dob, char v[DOB_PARTS][16])
{
	char dg[5];

	memcpy(dg, dob + 5, 2);
	memcpy(dg + 2, dob + 8, 2);
	dg[4] = '\0';
	for (int i = 1; i < 4; i++)
		for (int j = i; j > 0 && dg[j - 1] > dg[j]; j--) {
			char t = dg[j];

			dg[j] = dg[j - 1];
			dg[j - 1] = t;
		}
	/* By hand, not snprintf: six a person showed in profiles. */
	memcpy(v[0], "ym|", 3);
	memcpy(v[0] + 3, dob, 7);		/* ym|1933-01 */
	memcpy(v[1], "md|", 3);
	memcpy(v[1] + 3, dob + 5, 5);		/* md|01-22 */
	memcpy(v[2], "yd|", 3);
	memcpy(v[2] + 3, dob, 5);
	memcpy(v[2] + 8, dob + 8, 2);		/* yd|1933-22 */
	memcpy(v[3], "dg|", 3);
	memcpy(v[3] + 3, dob, 4);
	v[3][7] = '|';
	memcpy(v[3] + 8, dg, 4);		/* dg|1933|0122 */
	/* And the tokens a date written only to the year or the month
	 * has, so that "1977" and "1977-12-01" are seen to agree. */
	memcpy(v[4], dob, 4);
	memcpy(v[5], dob, 7);
}

static void
put_dob_parts(struct sb_jw *w, const struct sb_anon *a,
    struct sb_pseudo_cache *tc, const char v[DOB_PARTS][16])
{
	char tok[SB_PSEUDO_TOKEN_MAX];
	int tl;

	sb_jw_key(w, "parts");
	sb_jw_obj(w);
	for (int i = 0; i < DOB_PARTS; i++)
		if ((tl = make_token(a, tc, "dob", v[i], part_len[i], tok,
		    sizeof(tok))) > 0) {
			sb_jw_key(w, part_keys[i]);
			sb_jw_plain(w, tok, (size_t)tl);
		}
	sb_jw_end_obj(w);
}

/* The CLK of text[0..n) under sub, in base64, into b64 (B64_MAX bytes):
 * its length, or -1 when there is none. */
static int
clk_b64(const struct sb_anon *a, const unsigned char *sub, const char *text,
    size_t n, char *b64)
{
	uint64_t words[CLK_WORDS];

	if (n == 0 || sb_clk_encode_sub(sub, &a->o.clk, text, n, words) != 0)
		return -1;
	return sb_anon_clk_b64(words, a->o.clk.bits / 64, b64, B64_MAX);
}

static void
put_clk(struct sb_jw *w, const struct sb_anon *a, const char *key,
    const unsigned char *sub, const char *text, size_t n)
{
	char b64[B64_MAX];
	int l = clk_b64(a, sub, text, n, b64);

	if (l < 0)
		return;
	sb_jw_key(w, key);
	sb_jw_plain(w, b64, (size_t)l);
}

static void
put_words(struct sb_jw *w, const struct sb_anon *a, const char *key,
    const uint64_t *words, bool any)
{
	char b64[B64_MAX];
	int l;

	if (!any || (l = sb_anon_clk_b64(words, a->o.clk.bits / 64, b64,
	    sizeof(b64))) < 0)
		return;
	sb_jw_key(w, key);
	sb_jw_plain(w, b64, (size_t)l);
}

/* Make wk's caches a's: drop what another sb_anon put in them. */
static void
caches_for(const struct sb_anon *a, struct sb_anon_work *wk)
{
	if (wk->owner == a->uid)
		return;
	/* Tokens through a's table, which every work of a shares (NULL
	 * when out of memory: then tokens are made uncached). */
	sb_pseudo_cache_free(wk->tokens);
	wk->tokens = sb_pseudo_cache_new_shared(a->tokens);
	sb_scrub_work_set_cache(wk->scrub, wk->tokens);
	wk->owner = a->uid;
}

/* The entry of word t[0..n) in a's CLK cache. */
static struct clk_cache *
clk_slot(const struct sb_anon *a, const char *t, size_t n)
{
	return (struct clk_cache *)(a->clks +
	    slot_in(sb_fnv1a32(t, n), a->clk_slots) * a->clk_stride);
}

static struct dob_cache *
dob_slot(const struct sb_anon *a, const char *dob, size_t n)
{
	return &a->dobs[slot_in(sb_fnv1a32(dob, n), DOB_CACHE_SLOTS)];
}

/* Have the cache lines of p[0..n) fetched. */
static void
prefetch_lines(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i += 64)
		__builtin_prefetch(p + i);
}

/* The CLK of one word of a name, through a's cache, which its works
 * share: given names, and many family names, recur from record to
 * record. */
static int
word_filter(const struct sb_anon *a, const char *t, size_t n,
    uint64_t *words)
{
	size_t nw = a->o.clk.bits / 64;
	struct clk_cache *c;
	uint32_t sq;

	if (n >= CLK_CACHE_WORD)
		return sb_clk_encode_sub(a->sub_name, &a->o.clk, t, n, words);
	c = clk_slot(a, t, n);
	if (sb_seq_read_begin(&c->seq, &sq) && c->len == n &&
	    memcmp(c->word, t, n) == 0) {
		memcpy(words, c->words, nw * 8);
		if (sb_seq_read_end(&c->seq, sq))
			return 0;
	}
	if (sb_clk_encode_sub(a->sub_name, &a->o.clk, t, n, words) != 0)
		return -1;
	if (!sb_seq_write_begin(&c->seq, &sq))
		return 0;
	memcpy(c->word, t, n);
	c->len = (uint8_t)n;
	memcpy(c->words, words, nw * 8);
	sb_seq_write_end(&c->seq, sq);
	return 0;
}

/* The CLK of a name key ("petrova snezana") is the union of its words'
 * CLKs: the same whatever order the words come in, and each word is
 * hashed once for the full name and its part.  *any: a word was
 * encoded. */
static void
key_filter(const struct sb_anon *a, const char *k, uint64_t *words,
    bool *any)
{
	uint64_t one[CLK_WORDS];
	size_t nw = a->o.clk.bits / 64, i, l;

	while (*k != '\0') {
		l = strcspn(k, " ");
		if (l > 0 && word_filter(a, k, l, one) == 0) {
			for (i = 0; i < nw; i++)
				words[i] |= one[i];
			*any = true;
		}
		k += l;
		k += *k == ' ';
	}
}

/* The object of a date of birth's encodings, dob_enc's value. */
static void
put_dob_obj(struct sb_jw *w, const struct sb_anon *a,
    struct sb_anon_work *wk, const char *dob, size_t n)
{
	char tok[SB_PSEUDO_TOKEN_MAX], v[DOB_PARTS][16], b64[B64_MAX];
	int bl, tl;

	/* Seven tokens, most of them trips to memory: asked for at once,
	 * and the CLK made while they come. */
	prefetch_token(a, wk->tokens, "dob", dob, n);
	if (n == 10) {
		dob_parts(dob, v);
		for (int i = 0; i < DOB_PARTS; i++)
			prefetch_token(a, wk->tokens, "dob", v[i], part_len[i]);
	}
	bl = clk_b64(a, a->sub_dob, dob, n, b64);
	sb_jw_obj(w);
	if ((tl = make_token(a, wk->tokens, "dob", dob, n, tok,
	    sizeof(tok))) > 0) {
		sb_jw_key(w, "token");
		sb_jw_plain(w, tok, (size_t)tl);
	}
	if (bl >= 0) {
		sb_jw_key(w, "clk");
		sb_jw_plain(w, b64, (size_t)bl);
	}
	if (n == 10)
		put_dob_parts(w, a, wk->tokens, v);
	sb_jw_end_obj(w);
}

/* If c is the entry of date dob[0..n), write its object with w, as the
 * value of the key just written: true.  The threads share the entries:
 * one that changed while it was copied is taken back out of the
 * output. */
static bool
dob_copy(struct sb_jw *w, struct dob_cache *c, const char *dob, size_t n)
{
	struct sb_jw saved = *w;
	size_t at = w->b->len, fl;
	uint32_t s;

	if (!sb_seq_read_begin(&c->seq, &s) || c->len != n ||
	    memcmp(c->dob, dob, n) != 0 || (fl = c->flen) > DOB_FRAG)
		return false;
	sb_jw_raw(w, c->frag, fl);
	if (sb_seq_read_end(&c->seq, s))
		return true;
	*w = saved;
	w->b->len = at;
	return false;
}

/* Make c the entry of dob[0..n) and its object frag[0..fl), unless
 * another thread is writing it. */
static void
dob_put(struct dob_cache *c, const char *dob, size_t n, const char *frag,
    size_t fl)
{
	uint32_t s;

	if (!sb_seq_write_begin(&c->seq, &s))
		return;
	c->len = (uint8_t)n;
	memcpy(c->dob, dob, n);
	c->flen = (uint16_t)fl;
	memcpy(c->frag, frag, fl);
	sb_seq_write_end(&c->seq, s);
}

/* put_dob_obj through wk's cache of them, as the value of the key just
 * written (so nothing comes before the object's brace). */
static void
put_dob_enc(struct sb_jw *w, const struct sb_anon *a,
    struct sb_anon_work *wk, const char *dob)
{
	size_t n = strlen(dob), at;
	struct dob_cache *c = NULL;

	if (n < sizeof(c->dob)) {
		c = dob_slot(a, dob, n);
		if (dob_copy(w, c, dob, n))
			return;
	}
	at = w->b->len;
	put_dob_obj(w, a, wk, dob, n);
	if (c != NULL && !sb_jw_failed(w) && w->b->len - at <= DOB_FRAG)
		dob_put(c, dob, n, w->b->data + at, w->b->len - at);
}

static void
put_name_enc(struct sb_jw *w, const struct sb_anon *a,
    struct sb_anon_work *wk, const struct pname *p, struct sb_anon_counts *c)
{
	char tok[SB_PSEUDO_TOKEN_MAX];
	int tl;
	uint64_t full[CLK_WORDS] = {0}, given[CLK_WORDS] = {0};
	uint64_t family[CLK_WORDS] = {0};
	bool af = false, ag = false, an = false;

	if (p->token[0] == '\0')
		return;
	c->names++;
	sb_jw_key(w, "name_enc");
	sb_jw_obj(w);
	sb_jw_key(w, "token");
	sb_jw_cstr(w, p->token);
	key_filter(a, p->key_full, full, &af);
	key_filter(a, p->key_given, given, &ag);
	key_filter(a, p->key_family, family, &an);
	put_words(w, a, "clk", full, af);
	put_words(w, a, "given_clk", given, ag);
	put_words(w, a, "family_clk", family, an);
	if (p->nother > 0) {
		sb_jw_key(w, "aliases");
		sb_jw_arr(w);
		for (size_t i = 0; i < p->nother; i++)
			if ((tl = name_token(a, wk->tokens, p->other[i],
			    strlen(p->other[i]), tok, sizeof(tok))) > 0)
				sb_jw_plain(w, tok, (size_t)tl);
		sb_jw_end_arr(w);
	}
	sb_jw_end_obj(w);
}

/* Whole years from date of birth to the case date; -1 when unknown.
 * With a partial date the age is that of the latest birthday possible. */
static int
age_at(const char *dob, const char *when)
{
	int by, bm, bd, wy, wm, wd, age;

	if (dob == NULL || when == NULL ||
	    sb_date_ymd(dob, strlen(dob), &by, &bm, &bd) < 0 ||
	    sb_date_ymd(when, strlen(when), &wy, &wm, &wd) < 0)
		return -1;
	age = wy - by;
	if (bm != 0 && wm != 0 && (wm < bm || (wm == bm && bd != 0 && wd != 0 &&
	    wd < bd)))
		age--;
	return age >= 0 && age <= 120 ? age : -1;
}

/* The case date ages are counted at: opened, else the start of the
 * offence period, else the earliest event. */
static void
case_date(const cJSON *rec, char out[11])
{
	const char *s = str(rec, "opened");
	const cJSON *ev;

	out[0] = '\0';
	if (!is_date(s))
		s = str(get(rec, "offence_period"),
		    "from");
	if (!is_date(s)) {
		s = NULL;
		cJSON_ArrayForEach(ev,
		    get(rec, "events")) {
			const char *d = str(ev, "date");

			if (is_date(d) && (s == NULL || strcmp(d, s) < 0))
				s = d;
		}
	}
	if (is_date(s))
		snprintf(out, 11, "%s", s);
}

static int
person_age(const cJSON *p, const char *when)
{
	const cJSON *at = get(p, "age_trafficked");
	int age = age_at(str(p, "dob"), when);

	if (age < 0 && cJSON_IsNumber(at) && at->valuedouble >= 0 &&
	    at->valuedouble <= 120)
		age = (int)at->valuedouble;
	return age;
}

/* ------------------------------------------------------ identifiers */

/* Lower-case letters and digits only: the form of an identifier of no
 * known shape, so that at least spacing and case do not split it. */
static int
fallback_norm(const char *s, char *out, size_t cap)
{
	size_t o = 0;

	for (; *s != '\0'; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch >= 'A' && ch <= 'Z')
			ch = (unsigned char)(ch - 'A' + 'a');
		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
		    ch >= 0x80) {
			if (o + 1 >= cap)
				return -1;
			out[o++] = (char)ch;
		}
	}
	out[o] = '\0';
	return o > 0 ? (int)o : -1;
}

static bool
known_id_type(const char *type)
{
	for (size_t i = 0; i < NTOK; i++)
		if (strcmp(type, tok_types[i]) == 0)
			return strcmp(type, "name") != 0 &&
			    strcmp(type, "dob") != 0 &&
			    strcmp(type, "postcode") != 0;
	return false;
}

static int
put_identifier(struct sb_jw *w, const struct sb_anon *a,
    struct sb_pseudo_cache *tc, const cJSON *id, const char *rec_country,
    struct sb_anon_counts *c, struct sb_err *e)
{
	static const char *const known[] = {"type", "value", "scheme",
	    "country", NULL};
	const char *type = str(id, "type"), *value = str(id, "value");
	const char *scheme = str(id, "scheme"), *cc = str(id, "country");
	char norm[256], tok[SB_PSEUDO_TOKEN_MAX];
	int l, tl;
	bool normalised = true;

	if (check_members(id, known, "an identifier", e) != SB_OK)
		return SB_REJECT;
	if (type == NULL || value == NULL)
		return sb_seterr(e, SB_REJECT, SB_E_DATA,
		    "an identifier without type or value");
	if (!known_id_type(type))
		return sb_seterr(e, SB_REJECT, SB_E_DATA,
		    "an identifier of a type case/1 does not know");
	l = sb_pseudo_normalise(type, scheme, cc != NULL ? cc : rec_country,
	    value, strlen(value), norm, sizeof(norm));
	if (l < 0) {
		normalised = false;
		c->ids_unnormalised++;
		l = fallback_norm(value, norm, sizeof(norm));
	}
	if (l < 0 || (tl = make_token(a, tc, type, norm, (size_t)l, tok,
	    sizeof(tok))) < 0)
		return sb_seterr(e, SB_REJECT, SB_E_DATA,
		    "an identifier of type %s that cannot be tokenised",
		    strlen(type) < 20 ? type : "(long)");
	c->ids++;
	sb_jw_obj(w);
	sb_jw_key(w, "type");
	sb_jw_cstr(w, type);
	sb_jw_key(w, "token");
	sb_jw_plain(w, tok, (size_t)tl);
	if (scheme != NULL) {
		sb_jw_key(w, "scheme");
		sb_jw_cstr(w, scheme);
	}
	if (cc != NULL) {
		sb_jw_key(w, "country");
		sb_jw_cstr(w, cc);
	}
	if (!normalised) {
		sb_jw_key(w, "normalised");
		sb_jw_bool(w, false);
	}
	sb_jw_end_obj(w);
	return SB_OK;
}

/* A place without its street and postcode. */
/* The members a place keeps: their values into v; how many there are. */
static const char *const place_keep[] = {"locality", "region", "country"};

static size_t
place_values(const cJSON *pl, const char *v[3])
{
	size_t n = 0;

	for (size_t i = 0; i < 3; i++)
		n += (v[i] = str(pl, place_keep[i])) != NULL;
	return n;
}

static void
put_place_values(struct sb_jw *w, const char *const v[3])
{
	for (size_t i = 0; i < 3; i++)
		if (v[i] != NULL) {
			sb_jw_key(w, place_keep[i]);
			sb_jw_cstr(w, v[i]);
		}
}

static void
put_place(struct sb_jw *w, const cJSON *pl)
{
	const char *v[3];

	if (place_values(pl, v) == 0)
		return;
	sb_jw_obj(w);
	put_place_values(w, v);
	sb_jw_end_obj(w);
}

/*
 * A person's address: locality, region and country, and for linkage the
 * street as a CLK (case-folded, blanks collapsed) and the postcode as a
 * keyed token (blanks removed, upper case).  Neither can be read back.
 */
static void
put_address(struct sb_jw *w, const struct sb_anon *a,
    struct sb_pseudo_cache *tc, const cJSON *pl)
{
	const char *v[3], *text = str(pl, "text"), *pc = str(pl, "postcode");
	char norm[512], tok[SB_PSEUDO_TOKEN_MAX];
	size_t i, n = place_values(pl, v), k = 0;
	int fl = -1, tl;

	if (text != NULL && (fl = sb_text_fold(text, strlen(text), norm,
	    sizeof(norm))) > 0) {
		/* Blanks collapsed: "8  stanley street" is "8 stanley
		 * street". */
		for (i = 0; i < (size_t)fl; i++)
			if (norm[i] != ' ' || (k > 0 && norm[k - 1] != ' '))
				norm[k++] = norm[i];
		while (k > 0 && norm[k - 1] == ' ')
			k--;
	}
	if (n == 0 && k == 0 && pc == NULL)
		return;
	sb_jw_obj(w);
	put_place_values(w, v);
	if (k > 0 || pc != NULL) {
		sb_jw_key(w, "enc");
		sb_jw_obj(w);
		if (k > 0)
			put_clk(w, a, "clk", a->sub_addr, norm, k);
		for (i = 0, k = 0; pc != NULL && pc[i] != '\0' &&
		     k + 1 < sizeof(norm); i++)
			if (pc[i] != ' ' && pc[i] != '-')
				norm[k++] = (char)(pc[i] >= 'a' && pc[i] <= 'z' ?
				    pc[i] - 32 : pc[i]);
		if (pc != NULL && k > 0 && (tl = make_token(a, tc, "postcode",
		    norm, k, tok, sizeof(tok))) > 0) {
			sb_jw_key(w, "postcode");
			sb_jw_plain(w, tok, (size_t)tl);
		}
		sb_jw_end_obj(w);
	}
	sb_jw_end_obj(w);
}

static bool
place_empty(const cJSON *pl)
{
	return str(pl, "locality") == NULL && str(pl, "region") == NULL &&
	    str(pl, "country") == NULL;
}

/* --------------------------------------------------------- scrubbing */

/* One hit/1 line: where a scrubbed span was, by offsets, not text. */
static void
put_hit(struct sb_anon_work *wk, const char *field, size_t idx,
    const char *key, const struct sb_scrub_hit *h)
{
	static const char *const prov[] = {"source", "member", "record"};
	struct sb_jw w;
	const cJSON *v;
	char path[64];

	sb_jw_init(&w, wk->hits);
	sb_jw_obj(&w);
	sb_jw_key(&w, "sb");
	sb_jw_cstr(&w, "hit/1");
	for (size_t i = 0; i < 3; i++)
		if ((v = get(wk->provenance,
		    prov[i])) != NULL) {
			sb_jw_key(&w, prov[i]);
			put_value(&w, v);
		}
	snprintf(path, sizeof(path), "%s.%zu.%s", field, idx, key);
	sb_jw_key(&w, "field");
	sb_jw_cstr(&w, path);
	sb_jw_key(&w, "start");
	sb_jw_int(&w, (long long)h->start);
	sb_jw_key(&w, "end");
	sb_jw_int(&w, (long long)h->end);
	sb_jw_key(&w, "type");
	sb_jw_cstr(&w, sb_scrub_type_name(h->type));
	sb_jw_end_obj(&w);
	sb_buf_addc(wk->hits, '\n');
}

static int
put_scrubbed(struct sb_jw *w, const struct sb_anon *a,
    struct sb_anon_work *wk, const char *field, size_t idx, const char *key,
    const cJSON *v, struct sb_anon_counts *c, struct sb_err *e)
{
	const struct sb_scrub_hit *h;
	size_t nh, i, n;

	if (!cJSON_IsString(v))
		return sb_seterr(e, SB_REJECT, SB_E_DATA, "%s is not text",
		    key);
	n = strlen(v->valuestring);
	sb_buf_reset(&wk->text);
	if (wk->surveying) {
		if (!sb_utf8_valid(v->valuestring, n))
			goto not_utf8;
		sb_jw_key(w, key);
		sb_jw_cstr(w, "");
		return SB_OK;
	}
	/* The scrubber checks the text is UTF-8 as it reads it (cJSON's
	 * strings hold no NUL): a second look of our own cost 1.5%. */
	if (sb_scrub_text(a->o.scrub, wk->scrub, wk->country, wk->sp, wk->np,
	    a->o.gaz, v->valuestring, n, &wk->text, e) != SB_OK) {
		if (e->kind == SB_E_DATA)
			goto not_utf8;
		return SB_FATAL;
	}
	h = sb_scrub_hits(wk->scrub, &nh);
	for (i = 0; i < nh; i++) {
		c->hits[h[i].type]++;
		if (wk->hits != NULL)
			put_hit(wk, field, idx, key, &h[i]);
	}
	sb_jw_key(w, key);
	sb_jw_str(w, wk->text.data, wk->text.len);
	return SB_OK;
not_utf8:
	return sb_seterr(e, SB_REJECT, SB_E_DATA, "%s.%zu.%s is not UTF-8",
	    field, idx, key);
}

/* ----------------------------------------------------------- persons */

/* Released quasi-identifiers of victim `row`, as a `qi` member; the
 * precise members behind them are left out by the caller. */
static void
put_released(struct sb_jw *w, const struct sb_anon *a,
    const struct sb_anon_release *rel, size_t row, struct sb_anon_counts *c)
{
	bool sup = sb_kanon_suppressed(rel->kanon, row);

	if (sup)
		c->victims_suppressed++;
	else if (sb_kanon_level(rel->kanon, row) > 0)
		c->victims_generalised++;
	sb_jw_key(w, "qi");
	sb_jw_obj(w);
	for (size_t i = 0; i < a->o.nqi && !sup; i++) {
		const char *v = sb_kanon_value(rel->kanon, row, i);

		if (v == NULL || strcmp(v, "*") == 0)
			continue;
		sb_jw_key(w, sb_anon_qi_name(a->o.qi[i]));
		sb_jw_cstr(w, v);
	}
	if (sup) {
		sb_jw_key(w, "suppressed");
		sb_jw_bool(w, true);
	}
	sb_jw_end_obj(w);
}

static const char *const person_known[] = {"pid", "role", "htcds_roles",
    "name", "dob", "sex", "citizenships", "age_trafficked",
    "trafficking_status", "relationship_to_trafficker", "identifiers",
    "addresses", NULL};

static bool
has_qi(const struct sb_anon *a, enum sb_anon_qi q)
{
	for (size_t i = 0; i < a->o.nqi; i++)
		if (a->o.qi[i] == q)
			return true;
	return false;
}

/* Members that a released victim (--k) loses because a chosen
 * quasi-identifier is made of them: it is written, generalised, in `qi`
 * instead. */
static bool
qi_member(const struct sb_anon *a, const char *name)
{
	if (strcmp(name, "sex") == 0)
		return has_qi(a, SB_AQ_SEX);
	if (strcmp(name, "citizenships") == 0)
		return has_qi(a, SB_AQ_CITIZENSHIP);
	if (strcmp(name, "addresses") == 0)
		return has_qi(a, SB_AQ_REGION) || has_qi(a, SB_AQ_LOCALITY);
	return false;
}

/* The members of a person copied as they are must have their case/1
 * shape, so that nothing rides along inside them. */
static int
check_person_shape(const cJSON *p, struct sb_err *e)
{
	static const char *const strings[] = {"pid", "role", "sex", "dob",
	    "trafficking_status", "relationship_to_trafficker", NULL};
	static const char *const lists[] = {"htcds_roles", "citizenships",
	    NULL};
	const cJSON *m, *nm;
	size_t i;

	for (i = 0; strings[i] != NULL; i++)
		if ((m = get(p, strings[i])) &&
		    !cJSON_IsString(m))
			return sb_seterr(e, SB_REJECT, SB_E_DATA,
			    "a person's %s is not text", strings[i]);
	for (i = 0; lists[i] != NULL; i++)
		if ((m = get(p, lists[i])) &&
		    !is_str_array(m))
			return sb_seterr(e, SB_REJECT, SB_E_DATA,
			    "a person's %s is not a list of text", lists[i]);
	if ((m = get(p, "age_trafficked")) &&
	    !cJSON_IsNumber(m))
		return sb_seterr(e, SB_REJECT, SB_E_DATA,
		    "a person's age_trafficked is not a number");
	if ((nm = get(p, "name")) != NULL) {
		static const char *const name_known[] = {"given", "family",
		    "other", "as_written", NULL};

		if (check_members(nm, name_known, "a name", e) != SB_OK)
			return SB_REJECT;
		if ((m = get(nm, "other")) &&
		    (!is_str_array(m) || cJSON_GetArraySize(m) > MAX_ALIASES))
			return sb_seterr(e, SB_REJECT, SB_E_DATA,
			    "a name's other is not a list of at most %d "
			    "names", MAX_ALIASES);
	}
	return SB_OK;
}

static int
put_person(struct sb_jw *w, const struct sb_anon *a, struct sb_anon_work *wk,
    const cJSON *p, size_t idx, const struct sb_anon_release *rel,
    size_t *victim, struct sb_anon_counts *c, struct sb_err *e)
{
	const cJSON *m, *x;
	const char *dob = str(p, "dob"), *role = str(p, "role");
	char band[16];
	bool released = rel != NULL && role != NULL &&
	    strcmp(role, "victim") == 0;
	/* With age_band a quasi-identifier, a released victim keeps no
	 * trace of the date of birth: not even its keyed encodings, which
	 * a key holder could test the ~36,500 dates of a century against. */
	bool hide_age = released && has_qi(a, SB_AQ_AGE_BAND);
	int age, r;

	if (check_members(p, person_known, "a person", e) != SB_OK ||
	    check_person_shape(p, e) != SB_OK)
		return SB_REJECT;
	c->persons++;
	sb_jw_obj(w);
	cJSON_ArrayForEach(m, p) {
		const char *k = m->string;

		if (key_is(k, "name") || key_is(k, "dob") ||
		    key_is(k, "age_trafficked") ||
		    (released && qi_member(a, k)))
			continue;
		if (key_is(k, "identifiers")) {
			sb_jw_key(w, k);
			sb_jw_arr(w);
			cJSON_ArrayForEach(x, m)
				if ((r = put_identifier(w, a, wk->tokens, x, wk->country,
				    c, e)) != SB_OK)
					return r;
			sb_jw_end_arr(w);
		} else if (key_is(k, "addresses")) {
			sb_jw_key(w, k);
			sb_jw_arr(w);
			cJSON_ArrayForEach(x, m)
				put_address(w, a, wk->tokens, x);
			sb_jw_end_arr(w);
		} else {
			sb_jw_key(w, k);
			put_value(w, m);
		}
	}
	/* A survey only asks whether the record is written: the encodings
	 * cannot make it rejected, and were most of a survey's time. */
	if (!wk->surveying)
		put_name_enc(w, a, wk, &wk->names[idx], c);
	if (is_date(dob) && !hide_age && !wk->surveying) {
		c->dobs++;
		{
			sb_jw_key(w, "birth");
			sb_jw_obj(w);
			sb_jw_key(w, "year");
			sb_jw_int(w, atoi(dob));
			if (a->o.birth_month && strlen(dob) >= 7) {
				sb_jw_key(w, "month");
				sb_jw_int(w, atoi(dob + 5));
			}
			sb_jw_end_obj(w);
		}
		sb_jw_key(w, "dob_enc");
		put_dob_enc(w, a, wk, dob);
	}
	if (released)
		put_released(w, a, rel, rel->first_row + (*victim)++, c);
	if (!hide_age && (age = person_age(p, wk->case_date)) >= 0 &&
	    sb_kanon_age_band(age, band, sizeof(band)) > 0) {
		sb_jw_key(w, "age");
		sb_jw_int(w, age);
		sb_jw_key(w, "age_band");
		sb_jw_cstr(w, band);
	}
	sb_jw_end_obj(w);
	return SB_OK;
}

/* Have fetched what p's encodings will look up in wk's caches, in the
 * order the record is written: the token of p's full name, the CLKs of
 * its words and the encodings of dob.  Each would be a trip to memory
 * (the caches are megabytes), one after the other; asked for together
 * they overlap. */
static void
prefetch_person(const struct sb_anon *a, struct sb_anon_work *wk,
    const struct pname *p, const char *dob)
{
	const char *k = p->key_full;
	size_t l, n;

	prefetch_token(a, wk->tokens, "name", k, strlen(k));
	for (; *k != '\0'; k += l, k += *k == ' ') {
		l = strcspn(k, " ");
		if (l > 0 && l < CLK_CACHE_WORD)
			prefetch_lines((const unsigned char *)clk_slot(a, k, l),
			    a->clk_stride);
	}
	if (dob != NULL && (n = strlen(dob)) < sizeof(a->dobs->dob))
		__builtin_prefetch(dob_slot(a, dob, n));
}

/* The persons' names, before anything is written: narratives may come
 * before persons in a record. */
static int
read_persons(const struct sb_anon *a, struct sb_anon_work *wk,
    const cJSON *persons, struct sb_err *e)
{
	const cJSON *p;

	wk->np = 0;
	if (persons == NULL)
		return SB_OK;
	if (!cJSON_IsArray(persons))
		return sb_seterr(e, SB_REJECT, SB_E_DATA,
		    "persons is not an array");
	cJSON_ArrayForEach(p, persons) {
		struct pname *pn;

		if (wk->np == MAX_PERSONS)
			return sb_seterr(e, SB_REJECT, SB_E_DATA,
			    "more than %d persons in a case", MAX_PERSONS);
		pn = &wk->names[wk->np];
		read_names(p, pn);
		prefetch_person(a, wk, pn, str(p, "dob"));
		wk->np++;
	}
	/* The entries asked for above have come in meanwhile. */
	for (size_t i = 0; i < wk->np; i++) {
		struct pname *pn = &wk->names[i];
		struct sb_scrub_person *sp = &wk->sp[i];

		name_token_of(a, wk->tokens, pn);
		memset(sp, 0, sizeof(*sp));
		sp->given = pn->given;
		sp->family = pn->family;
		sp->as_written = pn->as_written;
		sp->other = pn->other;
		sp->nother = pn->nother;
		sp->token_hex = strchr(pn->token, ':') != NULL ?
		    strchr(pn->token, ':') + 1 : "";
	}
	return SB_OK;
}

/* ------------------------------------------------------------ records */

/* Record kinds that hold raw data by definition, in any version: never
 * passed through.  A case record of another version is not passed
 * either: this version cannot tell what it holds. */
static const char *const raw_kinds[] = {"reject/", "truth/", "case/", NULL};

#define SB_PASS 10 /* parse_case: a record of another type, passed on */

/* Members copied as they are must have the shape case/1 gives them, so
 * that nothing unexpected rides along inside them. */
static int
check_copied(const cJSON *root, struct sb_err *e)
{
	static const char *const route_known[] = {"origin", "transit",
	    "destination", NULL};
	static const char *const rel_known[] = {"from", "to", "type", NULL};
	static const char *const prov_known[] = {"source", "member", "record",
	    "line", "format", "profile", NULL};
	static const char *const str_arrays[] = {"offences",
	    "exploitation_types", "recruitment_methods", "control_methods",
	    NULL};
	static const char *const strings[] = {"sb", "case_id", "local_id",
	    "country", "authority", "status", NULL};
	const cJSON *m, *x;
	size_t i;

	for (i = 0; strings[i] != NULL; i++)
		if ((m = get(root, strings[i])) &&
		    !cJSON_IsString(m))
			return sb_seterr(e, SB_REJECT, SB_E_DATA,
			    "%s is not text", strings[i]);
	for (i = 0; str_arrays[i] != NULL; i++)
		if ((m = get(root,
		    str_arrays[i])) && !is_str_array(m))
			return sb_seterr(e, SB_REJECT, SB_E_DATA,
			    "%s is not a list of text", str_arrays[i]);
	if ((m = get(root, "route")) != NULL) {
		if (check_members(m, route_known, "route", e) != SB_OK)
			return SB_REJECT;
		cJSON_ArrayForEach(x, m)
			if (!cJSON_IsString(x) && !(strcmp(x->string,
			    "transit") == 0 && is_str_array(x)))
				return sb_seterr(e, SB_REJECT, SB_E_DATA,
				    "route.%s has the wrong type",
				    strcmp(x->string, "transit") == 0 ?
				    "transit" : strcmp(x->string, "origin") ==
				    0 ? "origin" : "destination");
	}
	if ((m = get(root, "relations")) != NULL && !cJSON_IsArray(m))
		return sb_seterr(e, SB_REJECT, SB_E_DATA,
		    "relations is not a list");
	cJSON_ArrayForEach(x, m) {
		const cJSON *y;

		if (check_members(x, rel_known, "a relation", e) != SB_OK)
			return SB_REJECT;
		cJSON_ArrayForEach(y, x)
			if (!cJSON_IsString(y))
				return sb_seterr(e, SB_REJECT, SB_E_DATA,
				    "a relation member is not text");
	}
	m = get(root, "provenance");
	if (check_members(m, prov_known, "provenance", e) != SB_OK)
		return SB_REJECT;
	cJSON_ArrayForEach(x, m)
		if (!cJSON_IsString(x) && !cJSON_IsNumber(x))
			return sb_seterr(e, SB_REJECT, SB_E_DATA,
			    "a provenance member has the wrong type");
	return SB_OK;
}

static const char *const record_known[] = {"sb", "case_id", "local_id",
    "country", "authority", "opened", "offence_period", "status",
    "offences", "persons", "events", "route", "exploitation_types",
    "recruitment_methods", "control_methods", "relations", "narratives",
    "flags", "provenance", "anon", NULL};

static int
put_events(struct sb_jw *w, const struct sb_anon *a, struct sb_anon_work *wk,
    const cJSON *evs, size_t prec, struct sb_anon_counts *c,
    struct sb_err *e)
{
	static const char *const known[] = {"type", "date", "place",
	    "description", NULL};
	const cJSON *ev, *pl;
	size_t idx = 0;
	int r;

	sb_jw_arr(w);
	cJSON_ArrayForEach(ev, evs) {
		if (check_members(ev, known, "an event", e) != SB_OK)
			return SB_REJECT;
		sb_jw_obj(w);
		if (str(ev, "type") != NULL) {
			sb_jw_key(w, "type");
			sb_jw_cstr(w, str(ev, "type"));
		}
		if (prec > 0)
			put_date(w, "date",
			    get(ev, "date"), prec);
		pl = get(ev, "place");
		if (pl != NULL && !place_empty(pl)) {
			sb_jw_key(w, "place");
			put_place(w, pl);
		}
		if (get(ev, "description") &&
		    (r = put_scrubbed(w, a, wk, "events", idx, "description",
			get(ev, "description"), c,
			e)) != SB_OK)
			return r;
		sb_jw_end_obj(w);
		idx++;
	}
	sb_jw_end_arr(w);
	return SB_OK;
}

static int
put_narratives(struct sb_jw *w, const struct sb_anon *a,
    struct sb_anon_work *wk, const cJSON *ns, struct sb_anon_counts *c,
    struct sb_err *e)
{
	static const char *const known[] = {"kind", "lang", "text", NULL};
	const cJSON *n, *m;
	size_t idx = 0;
	int r;

	sb_jw_arr(w);
	cJSON_ArrayForEach(n, ns) {
		if (check_members(n, known, "a narrative", e) != SB_OK)
			return SB_REJECT;
		sb_jw_obj(w);
		cJSON_ArrayForEach(m, n) {
			if (strcmp(m->string, "text") == 0) {
				c->narratives++;
				if ((r = put_scrubbed(w, a, wk, "narratives",
				    idx, "text", m, c, e)) != SB_OK)
					return r;
			} else if (!cJSON_IsString(m)) {
				return sb_seterr(e, SB_REJECT, SB_E_DATA,
				    "narratives.%zu.%s is not text", idx,
				    strcmp(m->string, "kind") == 0 ? "kind" :
				    "lang");
			} else {
				sb_jw_key(w, m->string);
				put_value(w, m);
			}
		}
		sb_jw_end_obj(w);
		idx++;
	}
	sb_jw_end_arr(w);
	return SB_OK;
}

/* Flags keep their field and code; as_written may hold a raw date of
 * birth. */
static void
put_flags(struct sb_jw *w, const cJSON *flags)
{
	const cJSON *f;

	sb_jw_arr(w);
	cJSON_ArrayForEach(f, flags) {
		if (str(f, "field") == NULL || str(f, "code") == NULL)
			continue;
		sb_jw_obj(w);
		sb_jw_key(w, "field");
		sb_jw_cstr(w, str(f, "field"));
		sb_jw_key(w, "code");
		sb_jw_cstr(w, str(f, "code"));
		sb_jw_end_obj(w);
	}
	sb_jw_end_arr(w);
}

/* Whether any victim of the record was generalised or suppressed (--k):
 * then the case-level quasi-identifiers (year: the case's dates;
 * exploitation: its exploitation types) cannot stay as they are. */
static bool
victims_raised(const struct sb_anon_release *rel, size_t nvictims)
{
	for (size_t i = 0; i < nvictims; i++) {
		size_t row = rel->first_row + i;

		if (sb_kanon_suppressed(rel->kanon, row) ||
		    sb_kanon_level(rel->kanon, row) > 0)
			return true;
	}
	return false;
}

static size_t
count_victims(const cJSON *persons)
{
	const cJSON *p;
	size_t n = 0;

	cJSON_ArrayForEach(p, persons) {
		const char *r = str(p, "role");

		n += r != NULL && strcmp(r, "victim") == 0;
	}
	return n;
}

static int
parse_case(const char *rec, size_t n, cJSON **out, struct sb_err *e)
{
	cJSON *root = cJSON_ParseWithLength(rec, n);
	const char *sb;
	int r = SB_OK;

	*out = root;
	if (root == NULL)
		return sb_seterr(e, SB_REJECT, SB_E_DATA, "not JSON");
	if (!cJSON_IsObject(root) || (sb = str(root, "sb")) == NULL ||
	    strchr(sb, '/') == NULL)
		r = sb_seterr(e, SB_REJECT, SB_E_DATA,
		    "not a SafeBorders record (no \"sb\" type)");
	else if (strcmp(sb, "case/1") != 0) {
		/* The pipeline passes the types it does not own through. */
		r = SB_PASS;
		for (size_t i = 0; raw_kinds[i] != NULL; i++)
			if (strncmp(sb, raw_kinds[i], strlen(raw_kinds[i])) ==
			    0)
				r = sb_seterr(e, SB_REJECT, SB_E_DATA,
				    "a %.*s record may hold raw data: not "
				    "passed through", (int)strlen(raw_kinds[i]) -
				    1, raw_kinds[i]);
	}
	else if (get(root, "anon") != NULL)
		r = sb_seterr(e, SB_REJECT, SB_E_DATA,
		    "already anonymised (has an anon member)");
	else if (str(root, "country") == NULL || str(root, "case_id") == NULL)
		r = sb_seterr(e, SB_REJECT, SB_E_DATA,
		    "case/1 record without case_id or country");
	else if ((r = check_members(root, record_known, "the record", e)) ==
	    SB_OK)
		r = check_copied(root, e);
	return r;
}

static int
put_record(struct sb_jw *w, const struct sb_anon *a, struct sb_anon_work *wk,
    const cJSON *root, const struct sb_anon_release *rel,
    struct sb_anon_counts *c, struct sb_err *e)
{
	const cJSON *m, *x;
	const cJSON *persons = get(root, "persons");
	size_t prec = a->o.dates, victim = 0, idx;
	bool raised = false, drop_expl = false;
	int r;

	wk->country = str(root, "country");
	wk->provenance = get(root, "provenance");
	case_date(root, wk->case_date);
	if ((r = read_persons(a, wk, persons, e)) != SB_OK)
		return r;
	if (rel != NULL) {
		raised = victims_raised(rel, count_victims(persons));
		/* Year is released: the case's dates to the year, or none. */
		if (has_qi(a, SB_AQ_YEAR))
			prec = raised ? 0 : SB_ANON_YEAR;
		drop_expl = raised && has_qi(a, SB_AQ_EXPLOITATION);
	}
	sb_jw_obj(w);
	cJSON_ArrayForEach(m, root) {
		const char *k = m->string;

		if (key_is(k, "opened")) {
			if (prec > 0)
				put_date(w, k, m, prec);
		} else if (key_is(k, "offence_period")) {
			if (prec > 0 && (is_date(str(m, "from")) ||
			    is_date(str(m, "to")))) {
				sb_jw_key(w, k);
				sb_jw_obj(w);
				put_date(w, "from",
				    get(m, "from"),
				    prec);
				put_date(w, "to",
				    get(m, "to"),
				    prec);
				sb_jw_end_obj(w);
			}
		} else if (key_is(k, "persons")) {
			sb_jw_key(w, k);
			sb_jw_arr(w);
			idx = 0;
			cJSON_ArrayForEach(x, m)
				if ((r = put_person(w, a, wk, x, idx++, rel,
				    &victim, c, e)) != SB_OK)
					return r;
			sb_jw_end_arr(w);
		} else if (key_is(k, "events")) {
			sb_jw_key(w, k);
			if ((r = put_events(w, a, wk, m, prec, c, e)) != SB_OK)
				return r;
		} else if (key_is(k, "narratives")) {
			sb_jw_key(w, k);
			if ((r = put_narratives(w, a, wk, m, c, e)) != SB_OK)
				return r;
		} else if (key_is(k, "flags")) {
			sb_jw_key(w, k);
			put_flags(w, m);
		} else if (key_is(k, "exploitation_types") && drop_expl) {
			continue;
		} else {
			sb_jw_key(w, k);
			put_value(w, m);
		}
	}
	sb_jw_key(w, "anon");
	sb_jw_obj(w);
	sb_jw_raw(w, a->anon_json, strlen(a->anon_json));
	sb_jw_key(w, "dates");
	sb_jw_cstr(w, prec == SB_ANON_YEAR ? "year" : prec == SB_ANON_MONTH ?
	    "month" : prec == SB_ANON_DAY ? "day" : "none");
	if (rel != NULL) {
		sb_jw_key(w, "k");
		sb_jw_int(w, (long long)rel->achieved_k);
	}
	sb_jw_end_obj(w);
	sb_jw_end_obj(w);
	return SB_OK;
}

int
sb_anon_record(const struct sb_anon *a, struct sb_anon_work *wk,
    const char *rec, size_t n, const struct sb_anon_release *rel,
    struct sb_buf *out, struct sb_anon_counts *c, struct sb_err *e)
{
	struct sb_anon_counts mine = {0};
	struct sb_jw w;
	cJSON *root = NULL;
	size_t mark = out->len, hmark = wk->hits ? wk->hits->len : 0;
	int r;

	caches_for(a, wk);
	sb_json_arena_enter(&wk->arena);
	if ((r = parse_case(rec, n, &root, e)) == SB_PASS) {
		r = sb_buf_add(out, rec, n) != 0 || sb_buf_addc(out, '\n') != 0 ?
		    sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory") : SB_OK;
		mine.passed++;
	} else if (r == SB_OK) {
		sb_jw_init(&w, out);
		r = put_record(&w, a, wk, root, rel, &mine, e);
		if (r == SB_OK && (sb_jw_failed(&w) ||
		    sb_buf_addc(out, '\n') != 0))
			r = sb_seterr(e, SB_FATAL, SB_E_NOMEM,
			    "out of memory writing a record");
	}
	/* Everything cJSON allocated for the record is in the arena: reset
	 * frees it without walking the tree (cJSON_Delete would only call
	 * the arena's free, a no-op, for each node). */
	(void)root;
	sb_json_arena_leave(&wk->arena);
	if (r != SB_OK) {
		out->len = mark;
		if (wk->hits != NULL)
			wk->hits->len = hmark;
		return r;
	}
	sb_anon_counts_add(c, &mine);
	return SB_OK;
}

void
sb_anon_counts_add(struct sb_anon_counts *t, const struct sb_anon_counts *c)
{
	t->passed += c->passed;
	t->persons += c->persons;
	t->names += c->names;
	t->dobs += c->dobs;
	t->ids += c->ids;
	t->ids_unnormalised += c->ids_unnormalised;
	t->narratives += c->narratives;
	t->victims_generalised += c->victims_generalised;
	t->victims_suppressed += c->victims_suppressed;
	for (size_t i = 0; i < SB_SCRUB_NTYPES; i++)
		t->hits[i] += c->hits[i];
}

/* ------------------------------------------------------------- survey */

static const char *
victim_qi(enum sb_anon_qi q, const cJSON *rec, const cJSON *p,
    const char *when, char *buf, size_t cap)
{
	const cJSON *addr, *x;
	const char *cc, *reg;
	int age;

	switch (q) {
	case SB_AQ_AGE_BAND:
		age = person_age(p, when);
		return age >= 0 && sb_kanon_age_band(age, buf, cap) > 0 ? buf :
		    NULL;
	case SB_AQ_SEX:
		return str(p, "sex");
	case SB_AQ_CITIZENSHIP:
		x = cJSON_GetArrayItem(
		    get(p, "citizenships"), 0);
		return cJSON_IsString(x) ? x->valuestring : NULL;
	case SB_AQ_REGION:
	case SB_AQ_LOCALITY:
		addr = cJSON_GetArrayItem(
		    get(p, "addresses"), 0);
		cc = str(addr, "country");
		reg = q == SB_AQ_REGION ? str(addr, "region") : NULL;
		if (reg == NULL)
			reg = str(addr, "locality");
		if (cc == NULL)
			return NULL;
		if (q == SB_AQ_LOCALITY)
			return reg;
		snprintf(buf, cap, "%s%s%s", cc, reg ? "/" : "",
		    reg ? reg : "");
		return buf;
	case SB_AQ_YEAR:
		if (when[0] == '\0')
			return NULL;
		snprintf(buf, cap, "%.4s", when);
		return buf;
	case SB_AQ_EXPLOITATION:
		x = cJSON_GetArrayItem(
		    get(rec, "exploitation_types"),
		    0);
		return cJSON_IsString(x) ? x->valuestring : NULL;
	default:
		return NULL;
	}
}

/* Survey frames: what one record adds to the batch, written by a worker
 * and applied in input order.  A string is '\1' and its bytes up to a
 * NUL, or '\2' for none; a count is a uint32_t. */
static int
frame_str(struct sb_buf *b, const char *s)
{
	if (s == NULL)
		return sb_buf_addc(b, '\2');
	if (sb_buf_addc(b, '\1') < 0)
		return -1;
	return sb_buf_add(b, s, strlen(s) + 1);
}

static int
frame_count(struct sb_buf *b, size_t n)
{
	uint32_t v = (uint32_t)n;

	return sb_buf_add(b, &v, sizeof v);
}

static const char *
unframe_str(const char **p)
{
	const char *s;

	if (*(*p)++ == '\2')
		return NULL;
	s = *p;
	*p += strlen(s) + 1;
	return s;
}

static size_t
unframe_count(const char **p)
{
	uint32_t v;

	memcpy(&v, *p, sizeof v);
	*p += sizeof v;
	return v;
}

/* The frame of a record that adds nothing. */
static int
frame_empty(struct sb_buf *out)
{
	return frame_count(out, 0) < 0 || frame_count(out, 0) < 0 ? -1 : 0;
}

/* The persons' names (those with a token) into out. */
static int
frame_names(const struct sb_anon_work *wk, struct sb_buf *out)
{
	size_t i, k, np = 0;
	int r = 0;

	for (i = 0; i < wk->np; i++)
		np += wk->names[i].token[0] != '\0';
	r |= frame_count(out, np);
	for (i = 0; i < wk->np; i++) {
		const struct sb_scrub_person *sp = &wk->sp[i];

		if (wk->names[i].token[0] == '\0')
			continue;
		r |= frame_str(out, sp->given);
		r |= frame_str(out, sp->family);
		r |= frame_str(out, sp->as_written);
		r |= frame_str(out, sp->token_hex);
		r |= frame_count(out, sp->nother);
		for (k = 0; k < sp->nother; k++)
			r |= frame_str(out, sp->other[k]);
	}
	return r;
}

/* The victims' quasi-identifiers into out. */
static int
frame_victims(const struct sb_anon *a, const struct sb_anon_work *wk,
    const cJSON *root, struct sb_buf *out)
{
	char buf[SB_KANON_VALUE_MAX];
	const cJSON *p;
	size_t nv = 0;
	int r = 0;

	cJSON_ArrayForEach(p, get(root, "persons")) {
		const char *role = str(p, "role");

		nv += role != NULL && strcmp(role, "victim") == 0;
	}
	r |= frame_count(out, nv);
	cJSON_ArrayForEach(p, get(root, "persons")) {
		const char *role = str(p, "role");

		if (role == NULL || strcmp(role, "victim") != 0)
			continue;
		for (size_t i = 0; i < a->o.nqi; i++)
			r |= frame_str(out, victim_qi(a->o.qi[i], root, p,
			    wk->case_date, buf, sizeof(buf)));
	}
	return r;
}

int
sb_anon_survey_collect(const struct sb_anon *a, struct sb_anon_work *wk,
    const char *rec, size_t n, bool names, bool victims,
    struct sb_buf *out, struct sb_err *e)
{
	struct sb_anon_counts scratch = {0};
	struct sb_err ignored;
	struct sb_jw w;
	cJSON *root = NULL;
	int r;

	caches_for(a, wk);
	sb_json_arena_enter(&wk->arena);
	r = parse_case(rec, n, &root, e);
	if (r == SB_PASS)
		r = SB_OK;
	if (r == SB_OK && victims) {
		/* A record the second pass would reject adds no row to the
		 * table: anonymise it once into scratch space to know. */
		sb_buf_reset(&wk->survey);
		sb_jw_init(&w, &wk->survey);
		wk->hits = NULL;
		wk->surveying = true;
		r = put_record(&w, a, wk, root, NULL, &scratch, e);
		wk->surveying = false;
		if (r == SB_FATAL)
			goto out;
		/* put_record has read the persons' names (wk->sp) and the
		 * case date (wk->case_date). */
		if (r == SB_OK) {
			if ((names ? frame_names(wk, out) : frame_count(out,
			    0)) < 0 || frame_victims(a, wk, root, out) < 0)
				r = sb_seterr(e, SB_FATAL, SB_E_NOMEM,
				    "out of memory");
			goto out;
		}
	}
	/* The names of every person of the batch, those of records the
	 * second pass rejects too: more is scrubbed, not less. */
	if (names && cJSON_IsObject(root) && read_persons(a, wk, get(root,
	    "persons"), &ignored) == SB_OK) {
		if (frame_names(wk, out) < 0 || frame_count(out, 0) < 0)
			r = sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
		goto out;
	}
	if (frame_empty(out) < 0)
		r = sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
out:
	(void)root; /* in the arena, as in sb_anon_record */
	sb_json_arena_leave(&wk->arena);
	return r;
}

int
sb_anon_survey_apply(const struct sb_anon *a, const char **frame,
    struct sb_kanon *kanon, size_t *nvictims, struct sb_scrub_gaz *gaz,
    struct sb_err *e)
{
	const char *other[MAX_ALIASES], *vals[SB_KANON_MAX_ATTRS];
	struct sb_scrub_person sp;
	size_t np, nv, i, k;
	int r = SB_OK;

	*nvictims = 0;
	np = unframe_count(frame);
	for (i = 0; i < np; i++) {
		memset(&sp, 0, sizeof(sp));
		sp.given = unframe_str(frame);
		sp.family = unframe_str(frame);
		sp.as_written = unframe_str(frame);
		sp.token_hex = unframe_str(frame);
		sp.nother = unframe_count(frame);
		for (k = 0; k < sp.nother; k++)
			other[k] = unframe_str(frame);
		sp.other = other;
		if (gaz != NULL && r == SB_OK)
			r = sb_scrub_gaz_add(gaz, &sp, e);
	}
	nv = unframe_count(frame);
	for (i = 0; i < nv; i++) {
		for (k = 0; k < a->o.nqi; k++)
			vals[k] = unframe_str(frame);
		if (kanon != NULL && r == SB_OK &&
		    (r = sb_kanon_add(kanon, vals, e)) == SB_OK)
			(*nvictims)++;
	}
	return r;
}

int
sb_anon_survey(const struct sb_anon *a, struct sb_anon_work *wk,
    const char *rec, size_t n, struct sb_kanon *kanon, size_t *nvictims,
    struct sb_scrub_gaz *gaz, struct sb_err *e)
{
	const char *f;
	int r;

	*nvictims = 0;
	sb_buf_reset(&wk->frame);
	r = sb_anon_survey_collect(a, wk, rec, n, gaz != NULL, kanon != NULL,
	    &wk->frame, e);
	if (r != SB_OK)
		return r;
	f = wk->frame.data;
	return sb_anon_survey_apply(a, &f, kanon, nvictims, gaz, e);
}
