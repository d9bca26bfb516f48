#include "sb_link.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>
#include <sodium.h>

#include "sb_clk.h"
#include "sb_dice.h"
#include "sb_hash.h"
#include "sb_json.h"
#include "sb_mem.h"

#define MAX_WORDS (4096 / 64)
#define MAX_CIT 4
#define MAX_LEVELS 8
#define MISSING 255
/* The least share of matches a level keeps in EM (see em_fit). */
#define PRIOR_SHARE 0.001

/* MinHash LSH of the name CLK: bands of R minhashes, with the birth year
 * (likely pairs) and, more selective, without it (a year mistyped).
 * With 16 bands of 5, and 8 of 3 within a locality, half the candidates
 * of sb-synth data were namesakes these bands alone brought together:
 * 11 of 7 and 8 of 5 halve the candidates at 30k and 300k mentions and
 * lose no link (F1 up on sb-synth and on FEBRL 3 and 4). */
#define LSH_YEAR_BANDS 11
#define LSH_YEAR_ROWS 7
#define LSH_FREE_BANDS 10
#define LSH_FREE_ROWS 8
#define LSH_HASHES (LSH_YEAR_BANDS * LSH_YEAR_ROWS + \
    LSH_FREE_BANDS * LSH_FREE_ROWS)
/* And, less selective, within a locality (they reuse the first
 * minhashes). */
#define LSH_LOC_BANDS 8
#define LSH_LOC_ROWS 5
/* The street address CLK: alone, and within its postcode. */
#define LSH_ADDR_BANDS 12
#define LSH_ADDR_ROWS 9
#define LSH_PC_BANDS 8
#define LSH_PC_ROWS 3

enum { ID_PHONE, ID_EMAIL, ID_IBAN, ID_CARD, ID_PASSPORT, ID_NATIONAL_ID,
    ID_ID_CARD, ID_PLATE, ID_HANDLE, ID_IP, ID_OTHER, ID_NTYPES };
static const char *const id_types[ID_NTYPES] = {"phone", "email", "iban",
    "card", "passport", "national_id", "id_card", "plate", "handle", "ip",
    "other"};

/* HTCDS prs_Gender values; NonSpecifiedUnknown is no value. */
static const char *const sexes[] = {"", "Feminine", "Masculine",
    "TransgenderFeminine", "TransgenderMasculine", "NonConforming", NULL};

static const char *const field_names[SB_LF_COUNT] = {"given", "family",
    "dob", "sex", "citizenship", "identifier", "address", "postcode",
    "place", "co_offenders"};

/* The agreement levels of each field, best first. */
static const char *const level_names[SB_LF_COUNT][MAX_LEVELS] = {
	{"dice>=0.95", "dice>=0.88", "dice>=0.8", "dice>=0.7", "dice>=0.55",
	    "different"},
	{"dice>=0.95", "dice>=0.88", "dice>=0.8", "dice>=0.7", "dice>=0.55",
	    "different"},
	{"exact", "compatible", "two parts", "one part", "same year",
	    "different"},
	{"same", "different"},
	{"shared", "none shared"},
	{"shared", "none shared"},
	{"dice>=0.9", "dice>=0.75", "dice>=0.6", "different"},
	{"same", "different"},
	{"same locality", "same region", "different"},
	{"shared", "none shared"},
};
static const int nlevels[SB_LF_COUNT] = {6, 6, 6, 2, 2, 2, 4, 2, 3, 2};

/* Roles whose holders are a case's offenders (case/1 "role"). */
static const char *const offender_roles[] = {"suspect", "recruiter",
    "transporter", "exploiter", NULL};

enum {
	HAS_GIVEN = 1,
	HAS_FAMILY = 2,
	HAS_FULL = 4,
	HAS_ADDR = 8,
};

struct mention {
	uint32_t rec, cas;
	uint32_t person;
	int16_t byear;
	uint8_t sex; /* 0: unknown */
	uint8_t flags;
	uint8_t ncit;
	bool offender; /* an offender role, for co_offenders */
	uint16_t cit[MAX_CIT];
	uint64_t name_tok, dob_tok, loc, reg;
	uint64_t dob_ym, dob_md, dob_yd, dob_dg; /* parts of a full date */
	uint64_t dob_y, dob_m; /* its tokens cut to year, to month */
	uint64_t postcode;
	uint64_t given_h, family_h; /* the CLKs' hashes, for frequencies */
	uint32_t id_off, id_n;
	uint64_t ref; /* hash of case_id and pid: order-free tie-breaks */
	uint16_t pc_given, pc_family, pc_full, pc_addr;
	uint32_t co_off, co_n; /* the case's offender keys in l->co */
};

/*
 * What blocking reads of a mention for each pair it adds, a third of a
 * mention's size: the date's tokens folded to 32 bits (0 stays 0, and
 * only 0), so that a random access costs one cache line, not three.
 */
struct bmention {
	uint64_t ref;
	uint32_t cas, dob_tok, dob_ym, dob_md, dob_yd, dob_dg, dob_y, dob_m;
	int16_t byear;
};

/* A token (name or identifier) of an offender of a case, and whose. */
struct cokey {
	uint64_t tok;
	uint32_t owner;
};

struct idtok {
	uint64_t tok;
	uint32_t type;
};

struct kase {
	char *case_id, *source, *member;
	char **pids;
	long record;
	uint32_t rec, first, np;
};

struct link {
	uint32_t a, b;
	uint64_t key; /* the mentions' refs mixed: ties broken apart from
		       * the input order */
	uint64_t ent64; /* set for writing: the entity's hash */
	float p, weight;
	uint8_t lv[SB_LF_COUNT];
};

struct sb_link {
	struct sb_link_opts o;
	char key_id[40], clk_params[128];
	bool have_key;
	size_t nw; /* CLK words */
	struct mention *m;
	size_t nm, capm;
	uint64_t *given, *family, *full, *addr; /* nw words a mention each */
	struct idtok *ids;
	size_t nids, capids;
	struct cokey *co; /* by case, see co_keys */
	size_t nco;
	struct kase *cases;
	size_t ncases, capcases;
	int32_t *rec2case;
	size_t nrec, caprec;
	/* results */
	uint64_t *pairs; /* i << 32 | j, sorted; then the model's sample */
	float *pp;	 /* each pair's match probability */
	size_t npairs;
	size_t nsample;	 /* pairs after npairs: for EM only (see block) */
	size_t *pair_off; /* while clustering: mention i's pairs from */
	struct bmention *bm; /* while blocking: what add_pair reads */
	struct link *links;
	size_t nlinks;
	uint32_t *entity;   /* per mention: entity index */
	char (*eid)[20];    /* per entity */
	size_t nentities;
	/* m from EM over the candidates; u_ from random pairs (what the
	 * weights use), uc_ EM's own over the candidates. */
	double m_[SB_LF_COUNT][MAX_LEVELS], u_[SB_LF_COUNT][MAX_LEVELS];
	double uc_[SB_LF_COUNT][MAX_LEVELS];
	double lambda, prior;
	double wt_[SB_LF_COUNT][MAX_LEVELS]; /* the weights, log2(m/u) */
	uint32_t *given_freq, *family_freq; /* per mention, the value's count */
	struct sb_link_stats st;
};

const char *
sb_link_field_name(enum sb_link_field f)
{
	return f < SB_LF_COUNT ? field_names[f] : "?";
}

int
sb_link_id_type(const char *name)
{
	for (int t = 0; t < ID_NTYPES; t++)
		if (strcmp(name, id_types[t]) == 0)
			return t;
	return -1;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ------------------------------------------------------------ objects */

int
sb_link_new(struct sb_link **out, const struct sb_link_opts *o,
    struct sb_err *e)
{
	struct sb_link *l;

	*out = NULL;
	if ((l = sb_big_calloc(1, sizeof(*l))) == NULL)
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
	/* cJSON's hooks, before the threads that parse. */
	sb_json_arena_init();
	l->o = *o;
	if (l->o.threshold < 0)
		l->o.threshold = 0.5;
	if (l->o.threads <= 0)
		l->o.threads = 2;
	if (l->o.max_block == 0)
		l->o.max_block = 2000;
	if (l->o.em_iterations <= 0)
		l->o.em_iterations = 40;
	if (l->o.seed == 0)
		l->o.seed = 0x5b5b0f1e2d3c4b5aull;
	*out = l;
	return SB_OK;
}

/* A case's strings (pids: np of them, or NULL). */
static void
free_case(char *case_id, char *source, char *member, char **pids, size_t np)
{
	for (size_t i = 0; pids != NULL && i < np; i++)
		free(pids[i]);
	free(pids);
	free(case_id);
	free(source);
	free(member);
}

void
sb_link_free(struct sb_link *l)
{
	/* The arena sb_link_parse and sb_link_rewrite used on this thread
	 * (the others' went with their threads). */
	sb_json_arena_thread_release();
	if (l == NULL)
		return;
	for (size_t i = 0; i < l->ncases; i++) {
		struct kase *k = &l->cases[i];

		free_case(k->case_id, k->source, k->member, k->pids, k->np);
	}
	free(l->cases);
	free(l->m);
	free(l->given);
	free(l->family);
	free(l->full);
	free(l->addr);
	free(l->ids);
	free(l->co);
	free(l->rec2case);
	free(l->pairs);
	free(l->pp);
	free(l->links);
	free(l->entity);
	free(l->eid);
	free(l->given_freq);
	free(l->family_freq);
	free(l);
}


/* ------------------------------------------------------------ reading */

static const cJSON *
get(const cJSON *o, const char *k)
{
	return cJSON_IsObject(o) ? cJSON_GetObjectItemCaseSensitive(o, k) :
	    NULL;
}

static const char *
str(const cJSON *o, const char *k)
{
	const cJSON *v = get(o, k);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* The value of the first 16 hex digits at h (fewer if it ends). */
static uint64_t
hex64(const char *h)
{
	uint64_t v = 0;

	for (int i = 0; i < 16 && h[i] != '\0'; i++) {
		char c = h[i];

		v = v << 4 | (uint64_t)(c >= 'a' ? c - 'a' + 10 : c >= 'A' ?
		    c - 'A' + 10 : c - '0');
	}
	return v;
}

/* The first 64 bits of a "type:<hex>" token; 0 for none. */
static uint64_t
token64(const char *t)
{
	const char *h = t != NULL ? strchr(t, ':') : NULL;
	uint64_t v;

	if (h == NULL)
		return 0;
	v = hex64(h + 1);
	return v | (v == 0); /* never 0: 0 means none */
}

static uint64_t
text64(const char *s)
{
	uint64_t h;

	if (s == NULL || *s == '\0')
		return 0;
	h = sb_fnv1a64(s, strlen(s));
	return h | (h == 0);
}

static int
grow(void **p, size_t *cap, size_t need, size_t size)
{
	size_t nc;
	void *q;

	if (need <= *cap)
		return 0;
	nc = *cap ? *cap * 2 : 1024;
	while (nc < need)
		nc *= 2;
	if ((q = sb_big_realloc(*p, nc * size)) == NULL)
		return -1;
	*p = q;
	*cap = nc;
	return 0;
}

/*
 * A CLK as parsed: nw words at off in the record's words (nw 0: absent,
 * or not a whole number of words up to MAX_WORDS), the bits set and, for
 * the names, a hash.  Parsing does not know the run's CLK size (the
 * first record's key sets it), so a CLK of any size is kept and
 * sb_link_commit takes it only when it has the run's size, as the
 * linker did when it decoded a CLK of another size as absent.
 */
struct pclk {
	uint32_t off;
	uint16_t nw, pc;
	uint64_t h;
};

/* A person as parsed: the mention without what depends on the run (rec,
 * cas, id_off, the CLKs' flags, counts and hashes), its CLKs, its
 * addresses' CLKs (addr_n of them at addr_off in the record's addrs, in
 * the addresses' order) and its identifiers (at id_off in ids). */
struct pperson {
	struct mention m;
	struct pclk given, family, full;
	uint32_t addr_off, addr_n, id_off, id_n;
};

struct sb_link_rec {
	int status;	    /* sb_link_commit's answer after the key check */
	struct sb_err err;  /* its error, when status is not SB_OK */
	bool keyed;	    /* key_id, params and bits are there to check */
	bool is_case;	    /* a case/1 record whose persons were parsed */
	char *key_id;
	char params[128];
	double bits;
	char *case_id, *source, *member; /* given to the linker on commit */
	long record;
	char **pids;	    /* np, given to the linker on commit */
	struct pperson *p;
	size_t np, capp;
	uint64_t *words;
	size_t nwords, capwords;
	struct pclk *addrs;
	size_t naddrs, capaddrs;
	struct idtok *ids;
	size_t nids, capids;
};

int
sb_link_rec_new(struct sb_link_rec **out, struct sb_err *e)
{
	if ((*out = sb_big_calloc(1, sizeof(**out))) == NULL)
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
	return SB_OK;
}

/* Forget the record's contents; keep its arrays for the next one. */
static void
rec_clear(struct sb_link_rec *r)
{
	free_case(r->case_id, r->source, r->member, r->pids, r->np);
	free(r->key_id);
	r->pids = NULL;
	r->key_id = r->case_id = r->source = r->member = NULL;
	r->np = r->nwords = r->naddrs = r->nids = 0;
	r->status = SB_OK;
	r->keyed = r->is_case = false;
}

void
sb_link_rec_free(struct sb_link_rec *r)
{
	if (r == NULL)
		return;
	rec_clear(r);
	free(r->p);
	free(r->words);
	free(r->addrs);
	free(r->ids);
	free(r);
}

/* Decode a CLK into the record's words; -1 when out of memory. */
static int
clk_parse(struct sb_link_rec *r, const char *b64, struct pclk *c, bool hash)
{
	unsigned char bin[MAX_WORDS * 8];
	uint64_t *w;
	size_t n, nw;
	long got;

	memset(c, 0, sizeof(*c));
	if (b64 == NULL || (got = sb_clk_b64_decode(b64, strlen(b64), bin,
	    sizeof(bin))) <= 0 || got % 8 != 0)
		return 0;
	n = (size_t)got;
	nw = n / 8;
	if (grow((void **)&r->words, &r->capwords, r->nwords + nw,
	    sizeof(*r->words)) < 0)
		return -1;
	w = r->words + r->nwords;
	/* Little-endian bytes (sb_anon_clk_b64). */
	for (size_t i = 0; i < nw; i++) {
		uint64_t v = 0;

		for (int b = 7; b >= 0; b--)
			v = v << 8 | bin[i * 8 + (size_t)b];
		w[i] = v;
	}
	c->off = (uint32_t)r->nwords;
	c->nw = (uint16_t)nw;
	c->pc = (uint16_t)sb_dice_count(w, nw);
	if (hash)
		c->h = sb_fnv1a64(w, n);
	r->nwords += nw;
	return 0;
}

/* A CLK's words if it has the run's size, else NULL. */
static const uint64_t *
clk_words(const struct sb_link *l, const struct sb_link_rec *r,
    const struct pclk *c)
{
	return c->nw == l->nw ? r->words + c->off : NULL;
}

static int
parse_addresses(struct sb_link_rec *r, const cJSON *p, struct pperson *pp)
{
	struct mention *m = &pp->m;
	const cJSON *x;

	pp->addr_off = (uint32_t)r->naddrs;
	cJSON_ArrayForEach(x, get(p, "addresses")) {
		const cJSON *enc = get(x, "enc");

		if (m->loc == 0)
			m->loc = text64(str(x, "locality"));
		if (m->reg == 0)
			m->reg = text64(str(x, "region"));
		if (m->postcode == 0)
			m->postcode = token64(str(enc, "postcode"));
		if (grow((void **)&r->addrs, &r->capaddrs, r->naddrs + 1,
		    sizeof(*r->addrs)) < 0 ||
		    clk_parse(r, str(enc, "clk"), &r->addrs[r->naddrs],
		    false) < 0)
			return -1;
		if (r->addrs[r->naddrs].nw > 0)
			r->naddrs++;
	}
	pp->addr_n = (uint32_t)(r->naddrs - pp->addr_off);
	return 0;
}

static int
parse_person(struct sb_link_rec *r, const cJSON *p, struct pperson *pp)
{
	const cJSON *ne = get(p, "name_enc"), *de = get(p, "dob_enc");
	struct mention *m = &pp->m;
	const cJSON *x;
	const char *s;

	m->name_tok = token64(str(ne, "token"));
	if (clk_parse(r, str(ne, "given_clk"), &pp->given, true) < 0 ||
	    clk_parse(r, str(ne, "family_clk"), &pp->family, true) < 0 ||
	    clk_parse(r, str(ne, "clk"), &pp->full, false) < 0)
		return -1;
	m->dob_tok = token64(str(de, "token"));
	x = get(de, "parts");
	m->dob_ym = token64(str(x, "ym"));
	m->dob_md = token64(str(x, "md"));
	m->dob_yd = token64(str(x, "yd"));
	m->dob_dg = token64(str(x, "digits"));
	m->dob_y = token64(str(x, "y"));
	m->dob_m = token64(str(x, "m"));
	x = get(get(p, "birth"), "year");
	m->byear = cJSON_IsNumber(x) && x->valuedouble >= 1 &&
	    x->valuedouble < 10000 ? (int16_t)x->valuedouble : 0;
	if ((s = str(p, "role")) != NULL)
		for (int i = 0; offender_roles[i] != NULL; i++)
			if (strcmp(s, offender_roles[i]) == 0)
				m->offender = true;
	if ((s = str(p, "sex")) != NULL)
		for (uint8_t v = 1; sexes[v] != NULL; v++)
			if (strcmp(s, sexes[v]) == 0)
				m->sex = v;
	cJSON_ArrayForEach(x, get(p, "citizenships"))
		if (cJSON_IsString(x) && strlen(x->valuestring) == 2 &&
		    m->ncit < MAX_CIT)
			m->cit[m->ncit++] = (uint16_t)(x->valuestring[0] << 8 |
			    x->valuestring[1]);
	return parse_addresses(r, p, pp);
}

static int
parse_ids(const struct sb_link *l, struct sb_link_rec *r, const cJSON *p,
    struct pperson *pp)
{
	const cJSON *x;

	pp->id_off = (uint32_t)r->nids;
	cJSON_ArrayForEach(x, get(p, "identifiers")) {
		const char *type = str(x, "type"), *tok = str(x, "token");
		int t = type != NULL ? sb_link_id_type(type) : -1;

		if (t < 0 || tok == NULL || (l->o.ignore_ids >> t & 1))
			continue;
		if (grow((void **)&r->ids, &r->capids, r->nids + 1,
		    sizeof(*r->ids)) < 0)
			return -1;
		r->ids[r->nids].tok = token64(tok) ^ ((uint64_t)t << 56);
		r->ids[r->nids].type = (uint32_t)t;
		r->nids++;
	}
	pp->id_n = (uint32_t)(r->nids - pp->id_off);
	return 0;
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? strdup(s) : NULL;
}

/* A case record's persons.  SB_REJECT, SB_FATAL (e set) or SB_OK. */
static int
parse_persons(const struct sb_link *l, const cJSON *root,
    struct sb_link_rec *r, struct sb_err *e)
{
	const cJSON *persons = get(root, "persons"), *p;
	const cJSON *prov = get(root, "provenance"), *rn;
	size_t np = (size_t)cJSON_GetArraySize(persons), i = 0;

	if (persons != NULL && !cJSON_IsArray(persons))
		return sb_seterr(e, SB_REJECT, SB_E_DATA,
		    "persons is not an array");
	if (grow((void **)&r->p, &r->capp, np, sizeof(*r->p)) < 0)
		goto nomem;
	r->case_id = dup_or_null(str(root, "case_id"));
	r->source = dup_or_null(str(prov, "source"));
	r->member = dup_or_null(str(prov, "member"));
	rn = get(prov, "record");
	r->record = cJSON_IsNumber(rn) ? (long)rn->valuedouble : -1;
	if ((r->pids = sb_big_calloc(np > 0 ? np : 1, sizeof(char *))) == NULL ||
	    r->case_id == NULL)
		goto nomem;
	r->np = np;
	cJSON_ArrayForEach(p, persons) {
		struct pperson *pp = &r->p[i];

		memset(pp, 0, sizeof(*pp));
		pp->m.person = (uint32_t)i;
		r->pids[i] = strdup(str(p, "pid") != NULL ? str(p, "pid") : "");
		if (r->pids[i] == NULL)
			goto nomem;
		pp->m.ref = sb_mix64(sb_fnv1a64(r->case_id, strlen(r->case_id)),
		    sb_fnv1a64(r->pids[i], strlen(r->pids[i])));
		if (parse_person(r, p, pp) < 0 || parse_ids(l, r, p, pp) < 0)
			goto nomem;
		i++;
	}
	r->is_case = true;
	return SB_OK;
nomem:
	return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
}

/* What sb_link_commit is to say of a record (e is the record's own). */
static int
parse_root(const struct sb_link *l, const cJSON *root, struct sb_link_rec *r,
    struct sb_err *e)
{
	const char *sb = str(root, "sb"), *kid;
	const cJSON *anon, *clk;
	char *pj;

	if (sb == NULL)
		return sb_seterr(e, SB_REJECT, SB_E_DATA,
		    "not a SafeBorders record (no \"sb\" type)");
	if (strcmp(sb, "case/1") != 0)
		return SB_OK;
	if ((anon = get(root, "anon")) == NULL)
		return sb_seterr(e, SB_REJECT, SB_E_DATA,
		    "not anonymised (no anon member): run sb-anonymise "
		    "first, or --allow-raw for one authority's own data");
	kid = str(anon, "key_id");
	clk = get(anon, "clk");
	if (kid == NULL || !cJSON_IsObject(clk))
		return sb_seterr(e, SB_REJECT, SB_E_DATA,
		    "anon member without key_id or clk parameters");
	if ((pj = cJSON_PrintUnformatted(clk)) == NULL)
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
	snprintf(r->params, sizeof(r->params), "%s", pj);
	cJSON_free(pj);
	r->bits = cJSON_GetNumberValue(get(clk, "bits"));
	if ((r->key_id = strdup(kid)) == NULL)
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
	r->keyed = true;
	if (str(root, "case_id") == NULL)
		return sb_seterr(e, SB_REJECT, SB_E_DATA,
		    "case/1 record without case_id");
	return parse_persons(l, root, r, e);
}

int
sb_link_parse(const struct sb_link *l, const char *line, size_t n,
    struct sb_link_rec *r, struct sb_err *e)
{
	struct sb_json_arena *a;
	cJSON *root;

	rec_clear(r);
	a = sb_json_scope_begin();
	if ((root = cJSON_ParseWithLength(line, n)) == NULL)
		r->status = sb_seterr(&r->err, SB_REJECT, SB_E_DATA,
		    "not JSON");
	else
		r->status = parse_root(l, root, r, &r->err);
	/* parse_root copied what it keeps. */
	sb_json_scope_end(a, root);
	if (r->status != SB_FATAL)
		return SB_OK;
	*e = r->err;
	return SB_FATAL;
}

/* The key and encoding of the first record; every other must match. */
static int
check_key(struct sb_link *l, const struct sb_link_rec *r, struct sb_err *e)
{
	if (!l->have_key) {
		if (!(r->bits >= 64 && r->bits <= 4096) ||
		    (int)r->bits % 64 != 0)
			return sb_seterr(e, SB_REJECT, SB_E_DATA,
			    "anon.clk.bits is not a multiple of 64 up to 4096");
		snprintf(l->key_id, sizeof(l->key_id), "%s", r->key_id);
		snprintf(l->clk_params, sizeof(l->clk_params), "%s",
		    r->params);
		l->nw = (size_t)r->bits / 64;
		l->have_key = true;
		return SB_OK;
	}
	if (strcmp(r->key_id, l->key_id) != 0)
		return sb_seterr(e, SB_FATAL, SB_E_DATA,
		    "made with another key (key id %.16s, the first record's "
		    "%.16s): records of different keys are never linked",
		    r->key_id, l->key_id);
	if (strcmp(r->params, l->clk_params) != 0)
		return sb_seterr(e, SB_FATAL, SB_E_DATA,
		    "CLK parameters differ from the first record's: "
		    "encodings cannot be compared");
	return SB_OK;
}

/* Make room for np more mentions (the CLK arrays follow their capacity)
 * and nids more identifiers. */
static int
room(struct sb_link *l, size_t np, size_t nids)
{
	size_t bytes, capm = l->capm;
	uint64_t **arr[4] = {&l->given, &l->family, &l->full, &l->addr};

	if (grow((void **)&l->cases, &l->capcases, l->ncases + 1,
	    sizeof(*l->cases)) < 0 ||
	    grow((void **)&l->m, &l->capm, l->nm + np, sizeof(*l->m)) < 0 ||
	    grow((void **)&l->ids, &l->capids, l->nids + nids,
	    sizeof(*l->ids)) < 0)
		return -1;
	bytes = l->capm * l->nw * 8;
	for (int a = 0; a < 4 && l->capm != capm; a++) {
		uint64_t *q = sb_big_realloc(*arr[a], bytes > 0 ? bytes : 8);

		if (q == NULL)
			return -1;
		*arr[a] = q;
	}
	return 0;
}

/* Mention l->nm, of record rec and the last case, from person pp. */
static void
add_mention(struct sb_link *l, size_t rec, const struct sb_link_rec *r,
    const struct pperson *pp)
{
	struct mention *m = &l->m[l->nm];
	size_t nb = l->nw * 8;
	uint64_t *g = l->given + l->nm * l->nw, *f = l->family + l->nm * l->nw;
	uint64_t *u = l->full + l->nm * l->nw, *ad = l->addr + l->nm * l->nw;
	const uint64_t *w;

	*m = pp->m;
	m->rec = (uint32_t)rec;
	m->cas = (uint32_t)(l->ncases - 1);
	memset(ad, 0, nb);
	memset(g, 0, nb);
	memset(f, 0, nb);
	memset(u, 0, nb);
	if ((w = clk_words(l, r, &pp->given)) != NULL) {
		memcpy(g, w, nb);
		m->flags |= HAS_GIVEN;
		m->pc_given = pp->given.pc;
		m->given_h = pp->given.h;
	}
	if ((w = clk_words(l, r, &pp->family)) != NULL) {
		memcpy(f, w, nb);
		m->flags |= HAS_FAMILY;
		m->pc_family = pp->family.pc;
		m->family_h = pp->family.h;
	}
	if ((w = clk_words(l, r, &pp->full)) != NULL) {
		memcpy(u, w, nb);
		m->flags |= HAS_FULL;
		m->pc_full = pp->full.pc;
	}
	for (uint32_t a = 0; a < pp->addr_n; a++) {
		const struct pclk *c = &r->addrs[pp->addr_off + a];

		if ((w = clk_words(l, r, c)) != NULL) {
			memcpy(ad, w, nb);
			m->flags |= HAS_ADDR;
			m->pc_addr = c->pc;
			break;
		}
	}
	m->id_off = (uint32_t)l->nids;
	m->id_n = pp->id_n;
	for (uint32_t i = 0; i < pp->id_n; i++)
		l->ids[l->nids++] = r->ids[pp->id_off + i];
	if (m->flags != 0)
		l->st.mentions_encoded++;
	l->nm++;
}

/* The case and its mentions; the record's strings become the case's. */
static int
add_case(struct sb_link *l, size_t rec, struct sb_link_rec *r,
    struct sb_err *e)
{
	struct kase *k;

	if (room(l, r->np, r->nids) < 0)
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
	k = &l->cases[l->ncases++];
	memset(k, 0, sizeof(*k));
	k->rec = (uint32_t)rec;
	k->first = (uint32_t)l->nm;
	k->np = (uint32_t)r->np;
	k->case_id = r->case_id;
	k->source = r->source;
	k->member = r->member;
	k->record = r->record;
	k->pids = r->pids;
	r->case_id = r->source = r->member = NULL;
	r->pids = NULL;
	for (size_t i = 0; i < r->np; i++)
		add_mention(l, rec, r, &r->p[i]);
	return SB_OK;
}

int
sb_link_commit(struct sb_link *l, size_t rec, struct sb_link_rec *r,
    struct sb_err *e)
{
	int st;

	if (grow((void **)&l->rec2case, &l->caprec, rec + 1,
	    sizeof(*l->rec2case)) < 0)
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
	while (l->nrec <= rec)
		l->rec2case[l->nrec++] = -1;
	l->st.records++;
	if (r->keyed && (st = check_key(l, r, e)) != SB_OK)
		return st;
	if (r->status != SB_OK) {
		*e = r->err;
		return r->status;
	}
	if (!r->is_case) {
		l->st.passed++;
		return SB_OK;
	}
	l->rec2case[rec] = (int32_t)l->ncases;
	if ((st = add_case(l, rec, r, e)) != SB_OK)
		l->rec2case[rec] = -1;
	else
		l->st.cases++;
	return st;
}

int
sb_link_add(struct sb_link *l, size_t rec, const char *line, size_t n,
    struct sb_err *e)
{
	struct sb_link_rec *r;
	int st;

	if ((st = sb_link_rec_new(&r, e)) != SB_OK)
		return st;
	if ((st = sb_link_parse(l, line, n, r, e)) == SB_OK)
		st = sb_link_commit(l, rec, r, e);
	sb_link_rec_free(r);
	return st;
}

/* ----------------------------------------------------------- sorting */

/* LSD radix sort of 64-bit keys with 32-bit payloads (stable). */
struct kv {
	uint64_t k;
	uint32_t v;
	uint32_t pad;
};

/* LSD radix sort, stable, of n elements of `size` bytes whose first 8
 * bytes are a uint64_t key; inlined for each size, so the copies are
 * fixed-size moves. */
static inline __attribute__((always_inline)) int
radix(void *base, size_t n, size_t size)
{
	unsigned char *tmp = sb_big_malloc((n > 0 ? n : 1) * size), *src = base;
	unsigned char *dst = tmp, *t;
	size_t *cnt = sb_big_malloc(65536 * sizeof(size_t));
	uint64_t k;

	if (tmp == NULL || cnt == NULL) {
		free(tmp);
		free(cnt);
		return -1;
	}
	for (int pass = 0; pass < 4; pass++) {
		int sh = pass * 16;
		size_t sum = 0;

		memset(cnt, 0, 65536 * sizeof(size_t));
		for (size_t i = 0; i < n; i++) {
			memcpy(&k, src + i * size, sizeof k);
			cnt[(k >> sh) & 0xffff]++;
		}
		for (size_t d = 0; d < 65536; d++) {
			size_t c = cnt[d];

			cnt[d] = sum;
			sum += c;
		}
		for (size_t i = 0; i < n; i++) {
			memcpy(&k, src + i * size, sizeof k);
			memcpy(dst + cnt[(k >> sh) & 0xffff]++ * size,
			    src + i * size, size);
		}
		t = src;
		src = dst;
		dst = t;
	}
	/* Four passes: the sorted elements are back in base. */
	free(tmp);
	free(cnt);
	return 0;
}

static int
radix_kv(struct kv *a, size_t n)
{
	return radix(a, n, sizeof(*a));
}

static int
radix_u64(uint64_t *a, size_t n)
{
	return radix(a, n, sizeof(*a));
}

/* ---------------------------------------------------------- blocking */


static uint64_t
rng_next(uint64_t *s)
{
	uint64_t x = *s;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return *s = x;
}

/* The minhashes of a CLK: for each permutation the rank of its first set
 * position. */
static void
minhashes(const uint64_t *w, size_t nbits, const uint16_t *perm,
    uint16_t *out)
{
#define BIT(i) ((unsigned)(w[p[i] >> 6] >> (p[i] & 63) & 1))
	for (int h = 0; h < LSH_HASHES; h++) {
		const uint16_t *p = perm + (size_t)h * nbits;
		size_t k = 0;

		/* Four positions at a time: with 40% of the bits set one
		 * step nearly always ends it, a branch the processor can
		 * guess, where a step at a time was a coin toss. */
		for (; k + 4 <= nbits; k += 4) {
			unsigned m = BIT(k) | BIT(k + 1) << 1 | BIT(k + 2) << 2 |
			    BIT(k + 3) << 3;

			if (m != 0) {
				k += (size_t)__builtin_ctz(m);
				break;
			}
		}
		if (k + 4 > nbits)
			while (k < nbits && !BIT(k))
				k++;
		out[h] = (uint16_t)k;
	}
#undef BIT
}

struct keys {
	struct kv *v;
	size_t n, cap;
};

/* A key whose pairs must also have related dates of birth (see
 * dob_related): kept in the key's pad. */
#define KEY_DOB 1u
/* One in EM_SAMPLE of the pairs such a key leaves out is kept for EM,
 * which counts it EM_SAMPLE times; bit 63 marks it while blocking. */
#define EM_SAMPLE 8
#define SEEN_SLOTS ((size_t)1 << 22) /* a power of two */
#define SAMPLE_BIT ((uint64_t)1 << 63)

static int
key_put(struct keys *k, uint64_t key, uint32_t m, uint32_t flags)
{
	if (grow((void **)&k->v, &k->cap, k->n + 1, sizeof(*k->v)) < 0)
		return -1;
	k->v[k->n].k = key;
	k->v[k->n].v = m;
	k->v[k->n].pad = flags;
	k->n++;
	return 0;
}

static int
key_add(struct keys *k, uint64_t key, uint32_t m)
{
	return key_put(k, key, m, 0);
}

static int
key_add_dob(struct keys *k, uint64_t key, uint32_t m)
{
	return key_put(k, key, m, KEY_DOB);
}

/* The keys of mentions from..to, on one thread, into k (sized for the
 * most keys a mention can have, so never grown). */
struct kjob {
	const struct sb_link *l;
	const uint16_t *perm;
	size_t from, to;
	struct keys k;
	int rc;
};

#define KEYS_MAX 60 /* keys of a mention, besides its identifiers' */

static void *
kjob_worker(void *arg)
{
	struct kjob *job = arg;
	const struct sb_link *l = job->l;
	const uint16_t *perm = job->perm;
	struct keys *k = &job->k;
	size_t nbits = l->nw * 64, nids = 0;
	uint16_t mh[LSH_HASHES];

	job->rc = -1;
	for (size_t i = job->from; i < job->to; i++)
		nids += l->m[i].id_n;
	k->cap = KEYS_MAX * (job->to - job->from) + nids + 1;
	if ((k->v = sb_big_malloc(k->cap * sizeof(*k->v))) == NULL)
		return NULL;
	for (size_t i = job->from; i < job->to; i++) {
		const struct mention *m = &l->m[i];
		uint32_t mi = (uint32_t)i;

		if (m->name_tok && key_add(k, sb_mix64(1, m->name_tok), mi) < 0)
			return NULL;
		if (m->dob_tok && key_add(k, sb_mix64(2, m->dob_tok), mi) < 0)
			return NULL;
		if (m->dob_dg && key_add(k, sb_mix64(8, m->dob_dg), mi) < 0)
			return NULL;
		for (uint32_t j = 0; j < m->id_n; j++)
			if (key_add(k, sb_mix64(3, l->ids[m->id_off + j].tok), mi) < 0)
				return NULL;
		/* An exact name part with the birth year or the locality: a
		 * surname changed by marriage, a given name misspelt. */
		if ((m->flags & HAS_GIVEN) && m->byear &&
		    key_add(k, sb_mix64(4, m->given_h ^ (uint64_t)m->byear), mi) < 0)
			return NULL;
		if ((m->flags & HAS_FAMILY) && m->byear &&
		    key_add(k, sb_mix64(5, m->family_h ^ (uint64_t)m->byear), mi) < 0)
			return NULL;
		if ((m->flags & HAS_GIVEN) && m->loc &&
		    key_add_dob(k, sb_mix64(6, m->given_h ^ m->loc), mi) < 0)
			return NULL;
		if ((m->flags & HAS_FAMILY) && m->loc &&
		    key_add_dob(k, sb_mix64(7, m->family_h ^ m->loc), mi) < 0)
			return NULL;
		if ((m->flags & HAS_GIVEN) && m->postcode &&
		    key_add_dob(k, sb_mix64(9, m->given_h ^ m->postcode), mi) < 0)
			return NULL;
		if ((m->flags & HAS_FAMILY) && m->postcode &&
		    key_add_dob(k, sb_mix64(10, m->family_h ^ m->postcode), mi) < 0)
			return NULL;
		if (m->byear && m->postcode && key_add(k, sb_mix64(11, m->postcode ^
		    (uint64_t)m->byear), mi) < 0)
			return NULL;
		if (m->flags & HAS_ADDR) {
			/* The street: alone (selective), and within the
			 * postcode (less so). */
			minhashes(l->addr + i * l->nw, nbits, perm, mh);
			for (int b = 0; b < LSH_ADDR_BANDS; b++) {
				uint64_t h = sb_mix64(400 + (uint64_t)b, 0);

				for (int r = 0; r < LSH_ADDR_ROWS; r++)
					h = sb_mix64(h, mh[b * LSH_ADDR_ROWS + r]);
				if (key_add(k, h, mi) < 0)
					return NULL;
			}
			for (int b = 0; m->postcode && b < LSH_PC_BANDS; b++) {
				uint64_t h = sb_mix64(500 + (uint64_t)b, m->postcode);
				const uint16_t *q = mh + 64;

				for (int r = 0; r < LSH_PC_ROWS; r++)
					h = sb_mix64(h, q[b * LSH_PC_ROWS + r]);
				if (key_add(k, h, mi) < 0)
					return NULL;
			}
		}
		if (!(m->flags & HAS_FULL))
			continue;
		minhashes(l->full + i * l->nw, nbits, perm, mh);
		for (int b = 0; m->loc && b < LSH_LOC_BANDS; b++) {
			uint64_t h = sb_mix64(300 + (uint64_t)b, m->loc);

			for (int r = 0; r < LSH_LOC_ROWS; r++)
				h = sb_mix64(h, mh[b * LSH_LOC_ROWS + r]);
			if (key_add(k, h, mi) < 0)
				return NULL;
		}
		for (int b = 0; b < LSH_YEAR_BANDS; b++) {
			uint64_t h = sb_mix64(100 + (uint64_t)b, (uint64_t)m->byear);

			for (int r = 0; r < LSH_YEAR_ROWS; r++)
				h = sb_mix64(h, mh[b * LSH_YEAR_ROWS + r]);
			if (key_add(k, h, mi) < 0)
				return NULL;
		}
		for (int b = 0; b < LSH_FREE_BANDS; b++) {
			uint64_t h = sb_mix64(200 + (uint64_t)b, 0);
			const uint16_t *q = mh + LSH_YEAR_BANDS * LSH_YEAR_ROWS;

			for (int r = 0; r < LSH_FREE_ROWS; r++)
				h = sb_mix64(h, q[b * LSH_FREE_ROWS + r]);
			if (key_add_dob(k, h, mi) < 0)
				return NULL;
		}
	}
	job->rc = 0;
	return NULL;
}

static void both(const struct sb_link *l, void *(*fn)(void *), void *a,
    void *b);

/* Every mention's blocking keys into k, in mention order: made on two
 * threads, each half of the mentions, and the second half's appended. */
static int
blocking_keys(struct sb_link *l, struct keys *k)
{
	size_t nbits = l->nw * 64;
	uint16_t *perm = sb_big_malloc(LSH_HASHES * nbits * sizeof(uint16_t));
	uint64_t s = l->o.seed;
	struct kjob j[2];
	int rc = -1;

	if (perm == NULL)
		return -1;
	for (int h = 0; h < LSH_HASHES; h++) {
		uint16_t *p = perm + (size_t)h * nbits;

		for (size_t i = 0; i < nbits; i++)
			p[i] = (uint16_t)i;
		for (size_t i = nbits - 1; i > 0; i--) {
			size_t r = rng_next(&s) % (i + 1);
			uint16_t t = p[i];

			p[i] = p[r];
			p[r] = t;
		}
	}
	memset(j, 0, sizeof(j));
	for (int t = 0; t < 2; t++) {
		j[t].l = l;
		j[t].perm = perm;
		j[t].from = t == 0 ? 0 : l->nm / 2;
		j[t].to = t == 0 ? l->nm / 2 : l->nm;
	}
	both(l, kjob_worker, &j[0], &j[1]);
	if (j[0].rc < 0 || j[1].rc < 0 || grow((void **)&j[0].k.v,
	    &j[0].k.cap, j[0].k.n + j[1].k.n, sizeof(*j[0].k.v)) < 0)
		goto out;
	memcpy(j[0].k.v + j[0].k.n, j[1].k.v, j[1].k.n * sizeof(*j[1].k.v));
	j[0].k.n += j[1].k.n;
	*k = j[0].k;
	j[0].k.v = NULL;
	rc = 0;
out:
	free(j[0].k.v);
	free(j[1].k.v);
	free(perm);
	return rc;
}

/*
 * A block of up to SN_MIN mentions gives all its pairs.  A larger one (a
 * common name, a common date) grows as the square of the batch, and is
 * walked instead in sorted neighbourhoods (Hernandez and Stolfo's
 * multi-pass method): its mentions sorted by each of SN_ORDERS keys, each
 * paired with the SN_WINDOW that follow it.  Namesakes born on one date,
 * or with one part of the date mistyped, or living in one place, are
 * neighbours in one of the orders.
 */
#define SN_MIN 48
#define SN_WINDOW 6
#define SN_ORDERS 4

struct snent {
	uint64_t k, ref;
	uint32_t v;
};

static uint64_t
sn_key(const struct mention *m, int order)
{
	switch (order) {
	case 0: /* month and day: the year mistyped */
		return m->dob_md ? m->dob_md : m->dob_tok;
	case 1: /* year and month: the day mistyped */
		return m->dob_ym ? m->dob_ym : m->dob_tok;
	case 2: /* year and day: the month mistyped */
		return m->dob_yd ? m->dob_yd : m->dob_tok;
	default:
		return m->loc ^ m->postcode;
	}
}

/* By key, then by content: the same order whatever the input's. */
static int
sncmp(const void *x, const void *y)
{
	const struct snent *a = x, *b = y;

	if (a->k != b->k)
		return a->k < b->k ? -1 : 1;
	if (a->ref != b->ref)
		return a->ref < b->ref ? -1 : 1;
	return a->v < b->v ? -1 : a->v > b->v;
}

/*
 * Are two dates of birth related: either unknown, or the same year, or
 * one part of the date in common (compare's levels but "different")?
 * The keys that do not hold a date (a name LSH band without the year, a
 * name within a place) take only such pairs: namesakes born years apart
 * are many, and nearly never one person.
 */
/* For a struct mention and a struct bmention alike. */
#define DOB_RELATED(a, b)                                               \
	(!(a)->byear || !(b)->byear || (a)->byear == (b)->byear ||      \
	    ((a)->dob_md && (a)->dob_md == (b)->dob_md) ||              \
	    ((a)->dob_ym && (a)->dob_ym == (b)->dob_ym) ||              \
	    ((a)->dob_yd && (a)->dob_yd == (b)->dob_yd) ||              \
	    ((a)->dob_dg && (a)->dob_dg == (b)->dob_dg) ||              \
	    ((a)->dob_tok && ((a)->dob_tok == (b)->dob_y ||             \
	    (a)->dob_tok == (b)->dob_m)) ||                             \
	    ((b)->dob_tok && ((b)->dob_tok == (a)->dob_y ||             \
	    (b)->dob_tok == (a)->dob_m)))

static bool
dob_related(const struct mention *a, const struct mention *b)
{
	return DOB_RELATED(a, b);
}

/* A 64-bit token folded to 32 bits, 0 only for 0. */
static uint32_t
fold32(uint64_t t)
{
	uint32_t f = (uint32_t)(t ^ t >> 32);

	return t == 0 ? 0 : f != 0 ? f : 1;
}

static int
bm_init(struct sb_link *l)
{
	if ((l->bm = sb_big_malloc((l->nm + 1) * sizeof(*l->bm))) == NULL)
		return -1;
	for (size_t i = 0; i < l->nm; i++) {
		const struct mention *m = &l->m[i];

		l->bm[i] = (struct bmention){m->ref, m->cas, fold32(m->dob_tok),
		    fold32(m->dob_ym), fold32(m->dob_md), fold32(m->dob_yd),
		    fold32(m->dob_dg), fold32(m->dob_y), fold32(m->dob_m),
		    m->byear};
	}
	return 0;
}

/*
 * One thread's share of blocking: the keys from..to of kv (whole
 * blocks), its pairs (sorted and without repeats when it is done), its
 * table of the pairs last added, its buffer for sorted neighbourhoods
 * and its counts.
 */
/* Pairs wait in a queue of PAIR_QUEUE for their slot of the seen table,
 * fetched meanwhile: a random slot of 32 MB misses the caches. */
#define PAIR_QUEUE 16

struct pairbuf {
	const struct sb_link *l;
	const struct kv *kv;
	size_t from, to;
	uint64_t *v;
	size_t n, cap;
	uint64_t *seen;
	struct {
		uint64_t pair, *slot; /* its slot of seen, asked for */
	} q[PAIR_QUEUE];	      /* pairs on their way to seen */
	size_t qhead, qn;
	struct snent *sn;
	size_t windowed, skipped;
	int rc;
};

/* The oldest pair of the queue, stored.  The same pair comes from many
 * keys (every LSH band of two namesakes): a table of the pairs last seen
 * drops most repeats before they take memory; sort_pairs drops the
 * rest. */
static int
store_oldest(struct pairbuf *pb)
{
	uint64_t pair = pb->q[pb->qhead].pair, *slot = pb->q[pb->qhead].slot;

	pb->qhead = (pb->qhead + 1) % PAIR_QUEUE;
	pb->qn--;
	if (*slot == pair)
		return 0;
	*slot = pair;
	if (pb->n == pb->cap && grow((void **)&pb->v, &pb->cap, pb->n + 1,
	    sizeof(*pb->v)) < 0)
		return -1;
	pb->v[pb->n++] = pair;
	return 0;
}

/*
 * Add candidate pair (x, y) unless it is one mention or one case.  A
 * pair of a KEY_DOB key whose dates of birth are unrelated is no
 * candidate; but EM must see the pairs blocking brings together, or it
 * takes, say, a shared phone for the mark of a match: one in EM_SAMPLE
 * of them, chosen by their content, is kept as a sample for it.
 */
static int
add_pair(struct pairbuf *pb, uint32_t x, uint32_t y, uint32_t flags)
{
	const struct bmention *bx = &pb->l->bm[x], *by = &pb->l->bm[y];
	uint64_t mark = 0, pair, *slot;
	size_t at;

	if (x == y || bx->cas == by->cas)
		return 0;
	if ((flags & KEY_DOB) && !DOB_RELATED(bx, by)) {
		uint64_t rx = bx->ref, ry = by->ref;

		if ((rx < ry ? sb_mix64(rx, ry) : sb_mix64(ry, rx)) % EM_SAMPLE != 0)
			return 0;
		mark = SAMPLE_BIT;
	}
	if (x > y) {
		uint32_t t = x;

		x = y;
		y = t;
	}
	pair = mark | (uint64_t)x << 32 | y;
	if (pb->qn == PAIR_QUEUE && store_oldest(pb) < 0)
		return -1;
	slot = &pb->seen[sb_mix64(pair, 0) & (SEEN_SLOTS - 1)];
	__builtin_prefetch(slot, 1);
	at = (pb->qhead + pb->qn++) % PAIR_QUEUE;
	pb->q[at].pair = pair;
	pb->q[at].slot = slot;
	return 0;
}

/* The pairs still in the queue, stored. */
static int
flush_pairs(struct pairbuf *pb)
{
	while (pb->qn > 0)
		if (store_oldest(pb) < 0)
			return -1;
	return 0;
}

/* Sort pairs v[0..*n) and drop repeats.  The array's spare capacity is
 * given back first: the sort takes as much again, and at a million
 * mentions this is the peak of the run. */
static int
sort_pairs(uint64_t **v, size_t *n)
{
	uint64_t *q;
	size_t i, j;

	if (*n > 0 && (q = sb_big_realloc(*v, *n * sizeof(*q))) != NULL)
		*v = q;
	if (radix_u64(*v, *n) < 0)
		return -1;
	for (i = 0, j = 0; i < *n; i++)
		if (j == 0 || (*v)[j - 1] != (*v)[i])
			(*v)[j++] = (*v)[i];
	*n = j;
	return 0;
}

/* The two threads' sorted pairs into l->pairs, sorted, without repeats;
 * a and b are freed. */
static int
merge_pairs(struct sb_link *l, struct pairbuf *a, struct pairbuf *b)
{
	size_t i = 0, j = 0, n = 0;
	uint64_t *out = sb_big_malloc((a->n + b->n + 1) * sizeof(*out));

	if (out == NULL)
		return -1;
	while (i < a->n || j < b->n) {
		uint64_t p = j >= b->n || (i < a->n && a->v[i] <= b->v[j]) ?
		    a->v[i++] : b->v[j++];

		if (n == 0 || out[n - 1] != p)
			out[n++] = p;
	}
	free(a->v);
	free(b->v);
	a->v = b->v = NULL;
	l->pairs = out;
	l->npairs = n;
	return 0;
}

/* The candidates, then the sample (SAMPLE_BIT, sorted last) less the
 * pairs that are candidates too; l->pairs sorted, without repeats. */
static void
split_sample(struct sb_link *l)
{
	size_t i, j, c = 0, n = l->npairs, cand;
	uint64_t *q;

	for (cand = 0; cand < n && !(l->pairs[cand] & SAMPLE_BIT); cand++)
		;
	/* Both parts are sorted: a merge finds the sample's candidates. */
	for (i = cand, j = cand; i < n; i++) {
		uint64_t p = l->pairs[i] & ~SAMPLE_BIT;

		while (c < cand && l->pairs[c] < p)
			c++;
		if (c < cand && l->pairs[c] == p)
			continue;
		l->pairs[j++] = p;
	}
	l->npairs = cand;
	l->nsample = j - cand;
	if (j > 0 && (q = sb_big_realloc(l->pairs, j * sizeof(*q))) != NULL)
		l->pairs = q;
}

/* The pairs of block v[0..n): all of them, or sorted neighbourhoods. */
static int
block_pairs(struct pairbuf *pb, const struct kv *v, size_t n)
{
	if (n <= SN_MIN) {
		for (size_t a = 0; a < n; a++)
			for (size_t b = a + 1; b < n; b++)
				if (add_pair(pb, v[a].v, v[b].v, v[0].pad) < 0)
					return -1;
		return 0;
	}
	pb->windowed++;
	for (int o = 0; o < SN_ORDERS; o++) {
		for (size_t a = 0; a < n; a++) {
			const struct mention *m = &pb->l->m[v[a].v];

			pb->sn[a] = (struct snent){sn_key(m, o), m->ref, v[a].v};
		}
		qsort(pb->sn, n, sizeof(*pb->sn), sncmp);
		for (size_t a = 0; a < n; a++)
			for (size_t b = a + 1; b < n && b <= a + SN_WINDOW; b++)
				if (add_pair(pb, pb->sn[a].v, pb->sn[b].v,
				    v[0].pad) < 0)
					return -1;
	}
	return 0;
}

/* A thread's blocks.  pb->rc: 0 or -1. */
static void *
block_worker(void *arg)
{
	struct pairbuf *pb = arg;
	const struct kv *kv = pb->kv;
	size_t i, j;

	pb->rc = -1;
	/* Slot value 0 is pair (0, 0), never added: empty. */
	if ((pb->seen = sb_big_calloc(SEEN_SLOTS, sizeof(*pb->seen))) == NULL ||
	    (pb->sn = sb_big_malloc(pb->l->o.max_block * sizeof(*pb->sn))) == NULL)
		goto out;
	for (i = pb->from; i < pb->to; i = j) {
		for (j = i + 1; j < pb->to && kv[j].k == kv[i].k; j++)
			;
		if (j - i < 2)
			continue;
		if (j - i > pb->l->o.max_block) {
			pb->skipped++;
			continue;
		}
		if (block_pairs(pb, kv + i, j - i) < 0)
			goto out;
	}
	if (flush_pairs(pb) < 0)
		goto out;
	pb->rc = 0;
out:
	free(pb->seen);
	free(pb->sn);
	pb->seen = NULL;
	pb->sn = NULL;
	return NULL;
}

/* A thread's pairs sorted.  pb->rc: 0 or -1. */
static void *
sort_worker(void *arg)
{
	struct pairbuf *pb = arg;

	pb->rc = sort_pairs(&pb->v, &pb->n);
	return NULL;
}

/* fn(a) and fn(b), on two threads if l allows. */
static void
both(const struct sb_link *l, void *(*fn)(void *), void *a, void *b)
{
	pthread_t th;
	bool threaded = l->o.threads > 1 &&
	    pthread_create(&th, NULL, fn, b) == 0;

	fn(a);
	if (threaded)
		pthread_join(th, NULL);
	else
		fn(b);
}

/*
 * Candidate pairs on two threads: the sorted keys cut in two at a block
 * boundary, each half's pairs made on its own; once the keys are freed
 * (the peak of memory is the sort), each half sorted on its own, the two
 * merged.  The same pairs, whatever the cut.
 */
static int
block(struct sb_link *l, struct sb_err *e)
{
	struct keys k = {0};
	struct pairbuf pb[2];
	size_t cut;
	int rc = -1;

	memset(pb, 0, sizeof(pb));
	if (bm_init(l) < 0 || blocking_keys(l, &k) < 0 ||
	    radix_kv(k.v, k.n) < 0)
		goto out;
	for (cut = k.n / 2; cut > 0 && cut < k.n && k.v[cut].k ==
	    k.v[cut - 1].k; cut++)
		;
	pb[0] = (struct pairbuf){.l = l, .kv = k.v, .from = 0, .to = cut};
	pb[1] = (struct pairbuf){.l = l, .kv = k.v, .from = cut, .to = k.n};
	both(l, block_worker, &pb[0], &pb[1]);
	free(k.v);
	k.v = NULL;
	free(l->bm);
	l->bm = NULL;
	if (pb[0].rc < 0 || pb[1].rc < 0)
		goto out;
	both(l, sort_worker, &pb[0], &pb[1]);
	if (pb[0].rc < 0 || pb[1].rc < 0 || merge_pairs(l, &pb[0], &pb[1]) < 0)
		goto out;
	split_sample(l);
	l->st.blocks_windowed = pb[0].windowed + pb[1].windowed;
	l->st.blocks_skipped = pb[0].skipped + pb[1].skipped;
	rc = 0;
out:
	free(l->bm);
	l->bm = NULL;
	free(k.v);
	free(pb[0].v);
	free(pb[1].v);
	if (rc < 0)
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM,
		    "out of memory (blocking)");
	return SB_OK;
}

/* -------------------------------------------------------- comparison */

static uint8_t
dice_level(double d)
{
	return d >= 0.95 ? 0 : d >= 0.88 ? 1 : d >= 0.8 ? 2 : d >= 0.7 ? 3 :
	    d >= 0.55 ? 4 : 5;
}

/* Do two mentions share an identifier token? */
static bool
share_id(const struct sb_link *l, const struct mention *a,
    const struct mention *b)
{
	for (uint32_t x = 0; x < a->id_n; x++)
		for (uint32_t y = 0; y < b->id_n; y++)
			if (l->ids[a->id_off + x].tok == l->ids[b->id_off + y].tok)
				return true;
	return false;
}

/* A mention that can be told again in another case: an offender with a
 * name token or an identifier. */
static bool
co_offender(const struct mention *x)
{
	return x->offender && (x->name_tok != 0 || x->id_n > 0);
}

/*
 * The offenders' tokens of every case, side by side in l->co: a pair's
 * comparison reads two short runs, not the two cases' mentions and their
 * identifiers scattered over memory.
 */
static int
co_keys(struct sb_link *l)
{
	size_t cap = 0;

	for (size_t c = 0; c < l->ncases; c++) {
		const struct kase *k = &l->cases[c];
		uint32_t off = (uint32_t)l->nco;

		for (uint32_t x = k->first; x < k->first + k->np; x++) {
			const struct mention *m = &l->m[x];

			if (!co_offender(m))
				continue;
			if (grow((void **)&l->co, &cap, l->nco + 1 + m->id_n,
			    sizeof(*l->co)) < 0)
				return -1;
			if (m->name_tok != 0)
				l->co[l->nco++] = (struct cokey){m->name_tok, x};
			for (uint32_t y = 0; y < m->id_n; y++)
				l->co[l->nco++] = (struct cokey){
				    l->ids[m->id_off + y].tok, x};
		}
		for (uint32_t x = k->first; x < k->first + k->np; x++) {
			l->m[x].co_off = off;
			l->m[x].co_n = (uint32_t)l->nco - off;
		}
	}
	return 0;
}

/*
 * Shared context: do the other offenders of i's case and of j's case
 * have one in common (the same name token or a shared identifier)?  Two
 * suspects with one accomplice in common, or two victims with the same
 * trafficker, are more likely one person.  MISSING unless both cases
 * have another offender.
 */
static uint8_t
co_offenders(const struct sb_link *l, uint32_t i, uint32_t j)
{
	const struct cokey *a = l->co + l->m[i].co_off;
	const struct cokey *b = l->co + l->m[j].co_off;
	uint32_t na = l->m[i].co_n, nb = l->m[j].co_n;
	bool any_a = false, any_b = false;

	for (uint32_t y = 0; y < nb && !any_b; y++)
		any_b = b[y].owner != j;
	if (!any_b)
		return MISSING;
	for (uint32_t x = 0; x < na; x++) {
		if (a[x].owner == i)
			continue;
		any_a = true;
		for (uint32_t y = 0; y < nb; y++)
			if (b[y].owner != j && a[x].tok == b[y].tok)
				return 0;
	}
	return any_a ? 1 : MISSING;
}

static void
compare(const struct sb_link *l, uint32_t i, uint32_t j, uint8_t *lv)
{
	const struct mention *a = &l->m[i], *b = &l->m[j];
	size_t nw = l->nw;

	memset(lv, MISSING, SB_LF_COUNT);
	if ((a->flags & b->flags & (HAS_GIVEN | HAS_FAMILY)) ==
	    (HAS_GIVEN | HAS_FAMILY)) {
		/* Given and family names written the wrong way round are
		 * compared crossed. */
		const uint64_t *ga = l->given + i * nw, *gb = l->given + j * nw;
		const uint64_t *fa = l->family + i * nw, *fb = l->family + j * nw;
		double g = sb_dice(ga, a->pc_given, gb, b->pc_given, nw);
		double f = sb_dice(fa, a->pc_family, fb, b->pc_family, nw);

		if (g + f < 1.5) {
			double gx = sb_dice(ga, a->pc_given, fb, b->pc_family,
			    nw);
			double fx = sb_dice(fa, a->pc_family, gb, b->pc_given,
			    nw);

			/* Which crossed part counts as which must not
			 * depend on which mention came first. */
			if (gx + fx > g + f + 0.3) {
				g = gx < fx ? gx : fx;
				f = gx < fx ? fx : gx;
			}
		}
		lv[SB_LF_GIVEN] = dice_level(g);
		lv[SB_LF_FAMILY] = dice_level(f);
	} else if ((a->flags & HAS_GIVEN) && (b->flags & HAS_GIVEN))
		lv[SB_LF_GIVEN] = dice_level(sb_dice(l->given + i * nw,
		    a->pc_given, l->given + j * nw, b->pc_given, nw));
	else if ((a->flags & HAS_FAMILY) && (b->flags & HAS_FAMILY))
		lv[SB_LF_FAMILY] = dice_level(sb_dice(l->family + i * nw,
		    a->pc_family, l->family + j * nw, b->pc_family, nw));
	if (lv[SB_LF_FAMILY] == MISSING && (a->flags & HAS_FULL) &&
	    (b->flags & HAS_FULL))
		/* A name written whole: its words against the other's. */
		lv[SB_LF_FAMILY] = dice_level(sb_dice(l->full + i * nw,
		    a->pc_full, l->full + j * nw, b->pc_full, nw));
	if (a->byear && b->byear) {
		/* Of year-month, month-day and year-day, a date with one
		 * part mistyped keeps two; month and day digits swapped keep
		 * the digits. */
		int parts = (a->dob_ym && a->dob_ym == b->dob_ym) +
		    (a->dob_md && a->dob_md == b->dob_md) +
		    (a->dob_yd && a->dob_yd == b->dob_yd);

		/* A date written to the year or month only agrees with a
		 * full one that starts so. */
		bool compatible = (a->dob_tok && (a->dob_tok == b->dob_y ||
		    a->dob_tok == b->dob_m)) || (b->dob_tok &&
		    (b->dob_tok == a->dob_y || b->dob_tok == a->dob_m));

		if (a->dob_tok && a->dob_tok == b->dob_tok)
			lv[SB_LF_DOB] = 0;
		else if (compatible)
			lv[SB_LF_DOB] = 1;
		else if (parts >= 2 || (a->dob_dg && a->dob_dg == b->dob_dg))
			lv[SB_LF_DOB] = 2;
		else if (parts == 1)
			lv[SB_LF_DOB] = 3;
		else
			lv[SB_LF_DOB] = a->byear == b->byear ? 4 : 5;
	}
	if (a->sex && b->sex)
		lv[SB_LF_SEX] = a->sex == b->sex ? 0 : 1;
	if (a->ncit && b->ncit) {
		lv[SB_LF_CITIZENSHIP] = 1;
		for (int x = 0; x < a->ncit; x++)
			for (int y = 0; y < b->ncit; y++)
				if (a->cit[x] == b->cit[y])
					lv[SB_LF_CITIZENSHIP] = 0;
	}
	if (a->id_n && b->id_n)
		lv[SB_LF_IDENTIFIER] = share_id(l, a, b) ? 0 : 1;
	if (a->flags & b->flags & HAS_ADDR) {
		double d = sb_dice(l->addr + i * nw, a->pc_addr,
		    l->addr + j * nw, b->pc_addr, nw);

		lv[SB_LF_ADDRESS] = d >= 0.9 ? 0 : d >= 0.75 ? 1 : d >= 0.6 ?
		    2 : 3;
	}
	if (a->postcode && b->postcode)
		lv[SB_LF_POSTCODE] = a->postcode == b->postcode ? 0 : 1;
	/* The locality names its region: one field, not two votes. */
	if (a->loc && b->loc && a->loc == b->loc)
		lv[SB_LF_PLACE] = 0;
	else if (a->reg && b->reg)
		lv[SB_LF_PLACE] = a->reg == b->reg ? 1 : 2;
	else if (a->loc && b->loc)
		lv[SB_LF_PLACE] = 2;
	lv[SB_LF_CO_OFFENDERS] = co_offenders(l, i, j);
}

struct cmp_job {
	const struct sb_link *l;
	size_t from, to;
	uint8_t *lv;
};

#define PREFETCH 8 /* pairs ahead */

static void *
cmp_worker(void *arg)
{
	struct cmp_job *j = arg;

	const struct sb_link *l = j->l;

	for (size_t p = j->from; p < j->to; p++) {
		/* Pairs are in order of their first mention: the second is
		 * anywhere, and waiting for memory is most of the time.  Ask
		 * for a later pair's second mention ahead, then, once it is
		 * there, for what it points to. */
		if (p + 2 * PREFETCH < j->to) {
			/* A mention is 168 bytes: three or four lines, all
			 * of which compare reads. */
			const char *mc = (const char *)&l->m[(uint32_t)
			    l->pairs[p + 2 * PREFETCH]];

			__builtin_prefetch(mc);
			__builtin_prefetch(mc + 64);
			__builtin_prefetch(mc + 128);
			__builtin_prefetch(mc + sizeof(struct mention) - 1);
		}
		if (p + PREFETCH < j->to) {
			size_t y = (uint32_t)l->pairs[p + PREFETCH];
			const struct mention *my = &l->m[y];

			__builtin_prefetch(l->given + y * l->nw);
			__builtin_prefetch(l->given + y * l->nw + 8);
			__builtin_prefetch(l->family + y * l->nw);
			__builtin_prefetch(l->family + y * l->nw + 8);
			if (my->flags & HAS_ADDR) {
				__builtin_prefetch(l->addr + y * l->nw);
				__builtin_prefetch(l->addr + y * l->nw + 8);
			}
			__builtin_prefetch(l->co + my->co_off);
			__builtin_prefetch(l->ids + my->id_off);
		}
		compare(l, (uint32_t)(l->pairs[p] >> 32), (uint32_t)l->pairs[p],
		    j->lv + p * SB_LF_COUNT);
	}
	return NULL;
}

static int
compare_all(struct sb_link *l, uint8_t *lv)
{
	pthread_t th[16];
	struct cmp_job jobs[16];
	int n = l->o.threads > 16 ? 16 : l->o.threads, started = 0;
	size_t all = l->npairs + l->nsample; /* the sample too, for EM */

	for (int t = 0; t < n; t++) {
		jobs[t].l = l;
		jobs[t].from = all * (size_t)t / (size_t)n;
		jobs[t].to = all * (size_t)(t + 1) / (size_t)n;
		jobs[t].lv = lv;
		if (t > 0 && pthread_create(&th[t], NULL, cmp_worker,
		    &jobs[t]) == 0)
			started |= 1 << t;
		else if (t > 0)
			cmp_worker(&jobs[t]);
	}
	cmp_worker(&jobs[0]);
	for (int t = 1; t < n; t++)
		if (started >> t & 1)
			pthread_join(th[t], NULL);
	return 0;
}

/* ------------------------------------------------------------- model */

/* u's sample, compared on one thread: pairs p[0..n) of mention numbers,
 * the level counts into cnt. */
struct usample {
	const struct sb_link *l;
	const uint32_t *p;
	size_t n;
	double cnt[SB_LF_COUNT][MAX_LEVELS];
};

static void *
usample_worker(void *arg)
{
	struct usample *u = arg;
	const struct sb_link *l = u->l;
	uint8_t lv[SB_LF_COUNT];

	for (size_t k = 0; k < u->n; k++) {
		uint32_t i = u->p[2 * k], j = u->p[2 * k + 1];

		/* Random mentions miss the caches: ask for those of a few
		 * pairs ahead. */
		if (k + PREFETCH < u->n) {
			__builtin_prefetch(&l->m[u->p[2 * (k + PREFETCH)]]);
			__builtin_prefetch(&l->m[u->p[2 * (k + PREFETCH) + 1]]);
		}
		if (i == j || l->m[i].cas == l->m[j].cas)
			continue;
		compare(l, i, j, lv);
		for (int f = 0; f < SB_LF_COUNT; f++)
			if (lv[f] != MISSING)
				u->cnt[f][lv[f]] += 1;
	}
	return NULL;
}

/* u: the level frequencies among random pairs of mentions of different
 * cases, nearly all of them non-matches.  The sample is drawn in order
 * and compared on two threads; the counts are whole numbers, so their
 * sum does not depend on the split. */
static int
estimate_u(struct sb_link *l)
{
	uint64_t s = l->o.seed ^ 0x1234567887654321ull;
	size_t samples = l->nm < 2 ? 0 : 20 * l->nm < 2000000 ? 20 * l->nm :
	    2000000;
	struct kv *ord = sb_big_malloc((l->nm + 1) * sizeof(*ord));
	uint32_t *pairs = sb_big_malloc((2 * samples + 1) * sizeof(*pairs));
	struct usample *u = sb_big_calloc(2, sizeof(*u));
	int rc = -1;

	/* Mentions in an order of their content, not of the input: the
	 * same records in another order give the same sample. */
	if (ord == NULL || pairs == NULL || u == NULL)
		goto out;
	for (size_t k = 0; k < l->nm; k++)
		ord[k] = (struct kv){l->m[k].ref, (uint32_t)k, 0};
	if (radix_kv(ord, l->nm) < 0)
		goto out;
	for (size_t k = 0; k < samples; k++) {
		pairs[2 * k] = ord[rng_next(&s) % l->nm].v;
		pairs[2 * k + 1] = ord[rng_next(&s) % l->nm].v;
	}
	u[0].l = u[1].l = l;
	u[0].p = pairs;
	u[0].n = samples / 2;
	u[1].p = pairs + 2 * u[0].n;
	u[1].n = samples - u[0].n;
	both(l, usample_worker, &u[0], &u[1]);
	for (int f = 0; f < SB_LF_COUNT; f++) {
		double tot = 0;

		for (int v = 0; v < nlevels[f]; v++)
			tot += u[0].cnt[f][v] + u[1].cnt[f][v] + 0.5;
		for (int v = 0; v < nlevels[f]; v++)
			l->u_[f][v] = (u[0].cnt[f][v] + u[1].cnt[f][v] + 0.5) /
			    tot;
	}
	rc = 0;
out:
	free(ord);
	free(pairs);
	free(u);
	return rc;
}

/* m and lambda by EM over the candidate pairs, u held fixed. */
/*
 * The fields that say who a person is.  The others (sex, citizenship,
 * place, co_offenders) say where and what they are: many people share
 * them, and a mixture model left to use them finds "the same town" as
 * its match class.  EM runs on the identity fields; the others' m are
 * counted once, after, from its match probabilities.
 */
static bool
identity(int f)
{
	return f != SB_LF_SEX && f != SB_LF_CITIZENSHIP && f != SB_LF_PLACE &&
	    f != SB_LF_CO_OFFENDERS;
}

/* Is candidate pair x surely a match: the same name and date of birth,
 * or a shared identifier and a close name? */
static bool
anchor(const uint8_t *x)
{
	bool names = x[SB_LF_GIVEN] <= 1 && x[SB_LF_FAMILY] <= 1;

	return (names && x[SB_LF_DOB] == 0) ||
	    (x[SB_LF_IDENTIFIER] == 0 && (names || x[SB_LF_DOB] == 0));
}

/*
 * Start EM from the sure matches, not from a guess: on data where many
 * people share a place and a nationality (victims of one town), EM
 * started from a guess can settle on "same place" as its match class.
 * The fields the rule looks at keep the guess.
 */
static void
seed_m(struct sb_link *l, const uint8_t *lv, double *lam)
{
	double cnt[SB_LF_COUNT][MAX_LEVELS] = {{0}};
	size_t n = 0;

	for (size_t p = 0; p < l->npairs; p++) {
		const uint8_t *x = lv + p * SB_LF_COUNT;

		if (!anchor(x))
			continue;
		n++;
		for (int f = 0; f < SB_LF_COUNT; f++)
			if (x[f] != MISSING)
				cnt[f][x[f]] += 1;
	}
	if (n < 20)
		return;
	for (int f = 0; f < SB_LF_COUNT; f++) {
		double tot = 0;

		if (f == SB_LF_GIVEN || f == SB_LF_FAMILY || f == SB_LF_DOB ||
		    f == SB_LF_IDENTIFIER)
			continue;
		for (int v = 0; v < nlevels[f]; v++)
			tot += cnt[f][v] + 1;
		for (int v = 0; v < nlevels[f]; v++)
			l->m_[f][v] = (cnt[f][v] + 1) / tot;
	}
	*lam = (double)n / (double)l->npairs;
	*lam = *lam < 0.001 ? 0.001 : *lam > 0.5 ? 0.5 : *lam;
}

/*
 * m of the date of birth from the pairs that share an identifier and
 * have close names, which say nothing of the date: held fixed in EM
 * when there are 50 or more of them.  In a large batch the namesakes
 * born years apart outnumber the matches among the candidates, and EM
 * left free to move the date's m can take "the same name" for its match
 * class, whatever the dates.  Returns the fields so fixed.
 */
static unsigned
dob_from_ids(struct sb_link *l, const uint8_t *lv)
{
	double cnt[MAX_LEVELS] = {0}, tot = 0, prior;

	for (size_t p = 0; p < l->npairs; p++) {
		const uint8_t *x = lv + p * SB_LF_COUNT;

		if (x[SB_LF_IDENTIFIER] == 0 && x[SB_LF_GIVEN] <= 1 &&
		    x[SB_LF_FAMILY] <= 1 && x[SB_LF_DOB] != MISSING) {
			cnt[x[SB_LF_DOB]] += 1;
			tot += 1;
		}
	}
	if (tot < 50)
		return 0;
	/* The same floor as em_fit's. */
	prior = PRIOR_SHARE * tot + 1e-3;
	for (int v = 0; v < nlevels[SB_LF_DOB]; v++)
		l->m_[SB_LF_DOB][v] = (cnt[v] + prior) /
		    (tot + nlevels[SB_LF_DOB] * prior);
	return 1u << SB_LF_DOB;
}

/* The distinct comparison vectors of the candidates, with their counts:
 * EM runs over these (a few thousand), not over millions of pairs. */
struct patterns {
	uint8_t (*v)[SB_LF_COUNT];
	double *n;
	size_t len;
};

/* A distinct pattern while counting: its packed key and weight. */
struct pat {
	uint64_t key; /* 0: empty (no pattern packs to 0: see pack) */
	double n;
};

/* The vector packed 4 bits a field (levels < 15, 15 missing), with a
 * leading 1: an exact key, never 0. */
static uint64_t
pack(const uint8_t *x)
{
	uint64_t h = 1;

	_Static_assert(SB_LF_COUNT * 4 < 64, "a pattern fits a key");
	for (int f = 0; f < SB_LF_COUNT; f++)
		h = h << 4 | (x[f] == MISSING ? 15u : x[f]);
	return h;
}

static int
patcmp(const void *x, const void *y)
{
	const struct pat *a = x, *b = y;

	return a->key < b->key ? -1 : a->key > b->key;
}

/* Add weight w to pattern key in table t of cap slots (a power of two,
 * never full).  Is it a new pattern? */
static bool
pat_add(struct pat *t, size_t cap, uint64_t key, double w)
{
	size_t i = (size_t)sb_mix64(key, 0) & (cap - 1);
	bool fresh;

	while (t[i].key != 0 && t[i].key != key)
		i = (i + 1) & (cap - 1);
	fresh = t[i].key == 0;
	t[i].key = key;
	t[i].n += w;
	return fresh;
}

/* The distinct patterns of the candidates and the sample, counted in a
 * hash table (a few thousand: not a sort of every pair), in key order. */
/* Table t of *cap slots twice the size; -1 when out of memory. */
static int
pat_grow(struct pat **t, size_t *cap)
{
	struct pat *g = sb_big_calloc(*cap * 2, sizeof(*g));

	if (g == NULL)
		return -1;
	for (size_t x = 0; x < *cap; x++)
		if ((*t)[x].key != 0)
			pat_add(g, *cap * 2, (*t)[x].key, (*t)[x].n);
	free(*t);
	*t = g;
	*cap *= 2;
	return 0;
}

/* The patterns of pairs from..to, on one thread. */
struct patjob {
	const struct sb_link *l;
	const uint8_t *lv;
	size_t from, to;
	struct pat *t;
	size_t cap, used;
	int rc;
};

static void *
patjob_worker(void *arg)
{
	struct patjob *j = arg;
	const struct sb_link *l = j->l;

	j->rc = -1;
	j->cap = 4096;
	j->used = 0;
	if ((j->t = sb_big_calloc(j->cap, sizeof(*j->t))) == NULL)
		return NULL;
	for (size_t i = j->from; i < j->to; i++) {
		/* A pair of the sample stands for EM_SAMPLE pairs. */
		j->used += pat_add(j->t, j->cap, pack(j->lv + i * SB_LF_COUNT),
		    i < l->npairs ? 1 : EM_SAMPLE);
		if (j->used * 2 > j->cap && pat_grow(&j->t, &j->cap) < 0)
			return NULL;
	}
	j->rc = 0;
	return NULL;
}

/* The distinct comparison vectors and their counts, in patcmp order:
 * counted on two threads, each half of the pairs, and the tables added
 * (whole-number counts: the same sums whatever the split). */
static int
collect_patterns(const struct sb_link *l, const uint8_t *lv,
    struct patterns *pt)
{
	size_t all = l->npairs + l->nsample, cap, used, i;
	struct patjob j[2];
	struct pat *t = NULL;

	memset(pt, 0, sizeof(*pt));
	memset(j, 0, sizeof(j));
	for (int k = 0; k < 2; k++) {
		j[k].l = l;
		j[k].lv = lv;
		j[k].from = k == 0 ? 0 : all / 2;
		j[k].to = k == 0 ? all / 2 : all;
	}
	both(l, patjob_worker, &j[0], &j[1]);
	if (j[0].rc < 0 || j[1].rc < 0)
		goto fail;
	t = j[0].t;
	cap = j[0].cap;
	used = j[0].used;
	j[0].t = NULL;
	for (size_t x = 0; x < j[1].cap; x++) {
		if (j[1].t[x].key == 0)
			continue;
		used += pat_add(t, cap, j[1].t[x].key, j[1].t[x].n);
		if (used * 2 > cap && pat_grow(&t, &cap) < 0)
			goto fail;
	}
	free(j[1].t);
	j[1].t = NULL;
	for (i = 0, used = 0; i < cap; i++)
		if (t[i].key != 0)
			t[used++] = t[i];
	qsort(t, used, sizeof(*t), patcmp);
	pt->v = sb_big_malloc((used + 1) * sizeof(*pt->v));
	pt->n = sb_big_malloc((used + 1) * sizeof(*pt->n));
	if (pt->v == NULL || pt->n == NULL)
		goto fail;
	for (i = 0; i < used; i++) {
		uint64_t key = t[i].key;

		for (int f = SB_LF_COUNT - 1; f >= 0; f--, key >>= 4)
			pt->v[i][f] = (key & 15) == 15 ? MISSING :
			    (uint8_t)(key & 15);
		pt->n[i] = t[i].n;
	}
	pt->len = used;
	free(t);
	return 0;
fail:
	free(t);
	free(j[0].t);
	free(j[1].t);
	free(pt->v);
	free(pt->n);
	return -1;
}

/*
 * One EM fit over the patterns: fields in `vote` decide the match
 * probabilities; m and u of every field are counted from them.  Starts
 * from l->m_, l->uc_ and *lam.  A Dirichlet prior on m keeps each level
 * at least PRIOR_SHARE of the matches: without it EM drives the rare
 * ways real matches disagree (a date of birth retyped) to nothing, and
 * their weight to minus infinity.
 */
static void
em_fit(struct sb_link *l, const struct patterns *pt, unsigned vote,
    unsigned fixed, double *lam, double m[SB_LF_COUNT][MAX_LEVELS],
    double u[SB_LF_COUNT][MAX_LEVELS])
{
	for (int it = 0; it < l->o.em_iterations; it++) {
		double sm[SB_LF_COUNT][MAX_LEVELS] = {{0}}, tp = 0, all = 0;
		double su[SB_LF_COUNT][MAX_LEVELS] = {{0}};
		double wm[SB_LF_COUNT][MAX_LEVELS];
		double lw = log(*lam / (1 - *lam));

		for (int f = 0; f < SB_LF_COUNT; f++)
			for (int v = 0; v < nlevels[f]; v++)
				wm[f][v] = log(m[f][v] / u[f][v]);
		for (size_t p = 0; p < pt->len; p++) {
			const uint8_t *x = pt->v[p];
			double w = lw, q;

			for (int f = 0; f < SB_LF_COUNT; f++)
				if (x[f] != MISSING && (vote >> f & 1))
					w += wm[f][x[f]];
			q = w > 40 ? 1.0 : w < -40 ? 0.0 : 1.0 / (1.0 + exp(-w));
			tp += q * pt->n[p];
			all += pt->n[p];
			for (int f = 0; f < SB_LF_COUNT; f++)
				if (x[f] != MISSING) {
					sm[f][x[f]] += q * pt->n[p];
					su[f][x[f]] += (1 - q) * pt->n[p];
				}
		}
		if (all == 0)
			break;
		*lam = tp / all;
		*lam = *lam < 1e-6 ? 1e-6 : *lam > 1 - 1e-6 ? 1 - 1e-6 : *lam;
		for (int f = 0; f < SB_LF_COUNT; f++) {
			double tot = 0, totu = 0, prior = PRIOR_SHARE * tp + 1e-3;

			for (int v = 0; v < nlevels[f]; v++) {
				tot += sm[f][v] + prior;
				totu += su[f][v] + 1e-3;
			}
			for (int v = 0; v < nlevels[f]; v++) {
				if (!(fixed >> f & 1))
					m[f][v] = (sm[f][v] + prior) / tot;
				u[f][v] = (su[f][v] + 1e-3) / totu;
			}
		}
		l->st.em_iterations = it + 1;
	}
}

/* m by EM over the candidates: the identity fields vote, every field's
 * m and u are counted from the match probabilities they give. */
static int
estimate_m(struct sb_link *l, const uint8_t *lv)
{
	double lam = 0.1;
	unsigned ident = 0;
	struct patterns pt;

	for (int f = 0; f < SB_LF_COUNT; f++)
		ident |= identity(f) ? 1u << f : 0;
	memcpy(l->uc_, l->u_, sizeof(l->uc_));
	for (int f = 0; f < SB_LF_COUNT; f++) {
		/* Matches mostly agree: the best level first. */
		double rest = 0.1 / (nlevels[f] - 1);

		l->m_[f][0] = 0.9;
		for (int v = 1; v < nlevels[f]; v++)
			l->m_[f][v] = rest;
	}
	seed_m(l, lv, &lam);
	if (collect_patterns(l, lv, &pt) < 0)
		return -1;
	em_fit(l, &pt, ident, dob_from_ids(l, lv), &lam, l->m_, l->uc_);
	l->lambda = lam;
	free(pt.v);
	free(pt.n);
	return 0;
}

/* How often each given and family name CLK occurs: an exact agreement
 * on a common name says less (term-frequency adjustment). */
static int
count_values(struct sb_link *l)
{
	struct kv *v = sb_big_malloc((2 * l->nm + 1) * sizeof(*v));
	size_t n = 0, i, j;

	l->given_freq = sb_big_calloc(l->nm + 1, sizeof(uint32_t));
	l->family_freq = sb_big_calloc(l->nm + 1, sizeof(uint32_t));
	if (v == NULL || l->given_freq == NULL || l->family_freq == NULL) {
		free(v);
		return -1;
	}
	for (i = 0; i < l->nm; i++) {
		if (l->m[i].flags & HAS_GIVEN)
			v[n++] = (struct kv){l->m[i].given_h, (uint32_t)i, 0};
		if (l->m[i].flags & HAS_FAMILY)
			v[n++] = (struct kv){l->m[i].family_h, (uint32_t)i, 1};
	}
	for (i = 0; i < n; i++)
		v[i].k = sb_mix64(v[i].k, v[i].pad);
	if (radix_kv(v, n) < 0) {
		free(v);
		return -1;
	}
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && v[j].k == v[i].k; j++)
			;
		for (size_t x = i; x < j; x++) {
			uint32_t *fq = v[x].pad ? l->family_freq : l->given_freq;

			fq[v[x].v] = (uint32_t)(j - i);
		}
	}
	free(v);
	return 0;
}

/* The weight (log2 m/u) of level v of field f for pair (i, j). */
static double
field_weight(const struct sb_link *l, int f, uint8_t v, uint32_t i,
    uint32_t j)
{
	/* A context field agrees more often among people with alike
	 * names than among random pairs (the same town, the same
	 * nationality): its u is the candidates' non-matches'. */
	double u = identity(f) ? l->u_[f][v] : l->uc_[f][v];

	if (v == 0 && (f == SB_LF_GIVEN || f == SB_LF_FAMILY) &&
	    (l->m[i].flags & l->m[j].flags & (f == SB_LF_GIVEN ? HAS_GIVEN :
	    HAS_FAMILY))) {
		const uint32_t *fq = f == SB_LF_GIVEN ? l->given_freq :
		    l->family_freq;
		double tf = (double)(fq[i] > fq[j] ? fq[i] : fq[j]) /
		    (double)l->nm;

		/* Never more than the average: the adjustment lowers the
		 * weight of common names, it does not raise rare ones
		 * beyond the data. */
		if (tf > u)
			u = tf;
	}
	return log2(l->m_[f][v] / u);
}

/* The total weight of pair (i, j) with levels x, without the prior. */
static double
pair_weight(const struct sb_link *l, const uint8_t *x, uint32_t i,
    uint32_t j)
{
	double w = 0;

	for (int f = 0; f < SB_LF_COUNT; f++)
		if (x[f] != MISSING)
			w += x[f] == 0 && (f == SB_LF_GIVEN ||
			    f == SB_LF_FAMILY) ? field_weight(l, f, 0, i, j) :
			    l->wt_[f][x[f]];
	return w;
}

/* Match probabilities of pairs from..to, for score. */
struct score_job {
	struct sb_link *l;
	const uint8_t *lv;
	size_t from, to;
	double prior;
};

static void *
score_worker(void *arg)
{
	struct score_job *j = arg;
	struct sb_link *l = j->l;

	for (size_t p = j->from; p < j->to; p++) {
		const uint8_t *x = j->lv + p * SB_LF_COUNT;
		uint32_t a = (uint32_t)(l->pairs[p] >> 32);
		uint32_t b = (uint32_t)l->pairs[p];

		l->pp[p] = (float)(1.0 / (1.0 + exp2(-(j->prior +
		    pair_weight(l, x, a, b)))));
	}
	return NULL;
}

/* Every pair's match probability, on two threads if l allows. */
static void
score_all(struct sb_link *l, const uint8_t *lv, double prior)
{
	struct score_job jobs[2] = {
		{l, lv, 0, l->npairs / 2, prior},
		{l, lv, l->npairs / 2, l->npairs, prior},
	};

	both(l, score_worker, &jobs[0], &jobs[1]);
}

static int
score(struct sb_link *l, const uint8_t *lv, struct sb_err *e)
{
	double all = (double)l->st.comparisons_possible;
	double expected = l->lambda * ((double)l->npairs +
	    EM_SAMPLE * (double)l->nsample);
	double prior;
	size_t cap = 0;

	l->prior = all > 0 && expected > 0 ? expected / all : 1e-9;
	if (l->prior > 0.5)
		l->prior = 0.5;
	prior = log2(l->prior / (1 - l->prior));
	if ((l->pp = sb_big_malloc((l->npairs + 1) * sizeof(*l->pp))) == NULL)
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
	/* The weights by table; only an exact name looks at frequencies. */
	for (int f = 0; f < SB_LF_COUNT; f++)
		for (int v = 0; v < nlevels[f]; v++)
			l->wt_[f][v] = log2(l->m_[f][v] / (identity(f) ?
			    l->u_[f][v] : l->uc_[f][v]));
	score_all(l, lv, prior);
	l->nlinks = 0;
	for (size_t p = 0; p < l->npairs; p++) {
		const uint8_t *x = lv + p * SB_LF_COUNT;
		uint32_t i = (uint32_t)(l->pairs[p] >> 32);
		uint32_t j = (uint32_t)l->pairs[p];
		double w, pr;

		/* The links again, in order: pp is a float, so a margin,
		 * and the double decides as it always did. */
		if (l->pp[p] < l->o.threshold - 1e-6)
			continue;
		w = prior + pair_weight(l, x, i, j);
		pr = 1.0 / (1.0 + exp2(-w));
		if (pr < l->o.threshold)
			continue;
		if (grow((void **)&l->links, &cap, l->nlinks + 1,
		    sizeof(*l->links)) < 0)
			return sb_seterr(e, SB_FATAL, SB_E_NOMEM,
			    "out of memory");
		l->links[l->nlinks].a = i;
		l->links[l->nlinks].b = j;
		l->links[l->nlinks].key = l->m[i].ref < l->m[j].ref ?
		    sb_mix64(l->m[i].ref, l->m[j].ref) : sb_mix64(l->m[j].ref, l->m[i].ref);
		l->links[l->nlinks].p = (float)pr;
		l->links[l->nlinks].weight = (float)(w - prior);
		memcpy(l->links[l->nlinks].lv, x, SB_LF_COUNT);
		l->nlinks++;
	}
	return SB_OK;
}

/* -------------------------------------------------------- clustering */

/* Two mentions the model says are surely different people: a link
 * between their entities is refused. */
#define P_CANNOT 0.01

static uint32_t
uf_find(uint32_t *parent, uint32_t x)
{
	while (parent[x] != x) {
		parent[x] = parent[parent[x]];
		x = parent[x];
	}
	return x;
}

/*
 * The match probability of pair (x, y), or -1 when unknown: that of a
 * candidate pair; and, candidate or not, that of two mentions with
 * unrelated dates of birth, which blocking mostly keeps apart (see
 * dob_related): two namesakes born years apart must still keep their
 * entities apart.  Other pairs blocking did not bring together are
 * unknown.
 */
static double
pair_p(const struct sb_link *l, uint32_t x, uint32_t y)
{
	uint8_t lv[SB_LF_COUNT];
	uint32_t i = x < y ? x : y, j = x < y ? y : x;
	uint64_t key = (uint64_t)i << 32 | j;
	/* The pairs are in order of their first mention: search i's. */
	size_t lo = l->pair_off ? l->pair_off[i] : 0;
	size_t hi = l->pair_off ? l->pair_off[i + 1] : l->npairs;

	if (!dob_related(&l->m[i], &l->m[j])) {
		/* As score() has it, if it is a candidate. */
		compare(l, i, j, lv);
		return 1.0 / (1.0 + exp2(-(log2(l->prior / (1 - l->prior)) +
		    pair_weight(l, lv, i, j))));
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (l->pairs[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < l->npairs && l->pairs[lo] == key ? l->pp[lo] : -1;
}

/* May entities a and b (member lists) become one?  Not when a case
 * holds a mention of each (two persons of one case are two people), nor
 * when the model says two of their mentions are surely different. */
static bool
may_merge(const struct sb_link *l, const uint32_t *a, uint32_t na,
    const uint32_t *b, uint32_t nb)
{
	for (uint32_t i = 0; i < na; i++)
		for (uint32_t j = 0; j < nb; j++) {
			double p;

			if (l->m[a[i]].cas == l->m[b[j]].cas)
				return false;
			if ((p = pair_p(l, a[i], b[j])) >= 0 && p < P_CANNOT)
				return false;
		}
	return true;
}

static int
linkcmp(const void *x, const void *y)
{
	const struct link *a = x, *b = y;

	if (a->weight != b->weight)
		return a->weight > b->weight ? -1 : 1;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return 0;
}

/* The entity's id: a hash of its least mention, by case id then pid. */
static void
entity_ids(struct sb_link *l)
{
	uint32_t *least = sb_big_malloc(l->nentities * sizeof(uint32_t));

	if (least == NULL)
		return;
	for (size_t x = 0; x < l->nentities; x++)
		least[x] = UINT32_MAX;
	for (size_t i = 0; i < l->nm; i++) {
		uint32_t en = l->entity[i], c = least[en];

		if (c == UINT32_MAX)
			least[en] = (uint32_t)i;
		else {
			const struct kase *ki = &l->cases[l->m[i].cas];
			const struct kase *kc = &l->cases[l->m[c].cas];
			int d = strcmp(ki->case_id, kc->case_id);

			if (d == 0)
				d = strcmp(ki->pids[l->m[i].person],
				    kc->pids[l->m[c].person]);
			if (d < 0)
				least[en] = (uint32_t)i;
		}
	}
	for (size_t x = 0; x < l->nentities; x++) {
		const struct mention *m = &l->m[least[x]];
		const struct kase *k = &l->cases[m->cas];
		crypto_generichash_state st;
		unsigned char h[8];

		crypto_generichash_init(&st, NULL, 0, sizeof h);
		crypto_generichash_update(&st, (const unsigned char *)k->case_id,
		    strlen(k->case_id) + 1);
		crypto_generichash_update(&st,
		    (const unsigned char *)k->pids[m->person],
		    strlen(k->pids[m->person]) + 1);
		crypto_generichash_final(&st, h, sizeof h);
		l->eid[x][0] = 'E';
		sodium_bin2hex(l->eid[x] + 1, sizeof(l->eid[x]) - 1, h,
		    sizeof h);
	}
	free(least);
}

static int
cluster(struct sb_link *l, struct sb_err *e)
{
	uint32_t *parent = NULL, *idx = NULL, **mem = NULL, *nmem = NULL;
	size_t i;
	int rc = SB_FATAL;

	parent = sb_big_malloc((l->nm + 1) * sizeof(uint32_t));
	mem = sb_big_calloc(l->nm + 1, sizeof(uint32_t *));
	nmem = sb_big_calloc(l->nm + 1, sizeof(uint32_t));
	l->entity = sb_big_malloc((l->nm + 1) * sizeof(uint32_t));
	idx = sb_big_malloc((l->nm + 1) * sizeof(uint32_t));
	if (parent == NULL || mem == NULL || nmem == NULL ||
	    l->entity == NULL || idx == NULL)
		goto out;
	for (i = 0; i < l->nm; i++)
		parent[i] = (uint32_t)i;
	/* Where each mention's pairs start, for pair_p: a search among a
	 * mention's few dozen pairs, not the millions. */
	if ((l->pair_off = sb_big_calloc(l->nm + 2, sizeof(size_t))) == NULL)
		goto out;
	for (i = 0; i < l->npairs; i++)
		l->pair_off[(l->pairs[i] >> 32) + 1]++;
	for (i = 0; i < l->nm; i++)
		l->pair_off[i + 1] += l->pair_off[i];
	if (l->nlinks > 0)
		qsort(l->links, l->nlinks, sizeof(*l->links), linkcmp);
	for (i = 0; i < l->nlinks; i++) {
		uint32_t a = uf_find(parent, l->links[i].a);
		uint32_t b = uf_find(parent, l->links[i].b), t, *grown;
		uint32_t one_a = a, one_b = b;
		const uint32_t *ma = mem[a] != NULL ? mem[a] : &one_a;
		const uint32_t *mb = mem[b] != NULL ? mem[b] : &one_b;
		uint32_t na = mem[a] != NULL ? nmem[a] : 1;
		uint32_t nb = mem[b] != NULL ? nmem[b] : 1;

		if (a == b)
			continue;
		if (!may_merge(l, ma, na, mb, nb)) {
			l->links[i].p = -l->links[i].p; /* refused */
			continue;
		}
		if (na < nb) {	/* the smaller into the larger */
			t = a, a = b, b = t;
			t = na, na = nb, nb = t;
			mb = mem[b] != NULL ? mem[b] : (b == one_a ? &one_a :
			    &one_b);
		}
		if ((grown = sb_big_realloc(mem[a], (size_t)(na + nb) *
		    sizeof(uint32_t))) == NULL)
			goto out;
		if (mem[a] == NULL)
			grown[0] = a;
		memcpy(grown + na, mb, (size_t)nb * sizeof(uint32_t));
		mem[a] = grown;
		nmem[a] = na + nb;
		free(mem[b]);
		mem[b] = NULL;
		parent[b] = a;
	}
	/* Entities numbered by first mention. */
	for (i = 0; i < l->nm; i++)
		idx[i] = UINT32_MAX;
	l->nentities = 0;
	for (i = 0; i < l->nm; i++) {
		uint32_t r = uf_find(parent, (uint32_t)i);

		if (idx[r] == UINT32_MAX)
			idx[r] = (uint32_t)l->nentities++;
		l->entity[i] = idx[r];
	}
	if ((l->eid = sb_big_calloc(l->nentities + 1, sizeof(*l->eid))) == NULL)
		goto out;
	entity_ids(l);
	{
		uint32_t *size = sb_big_calloc(l->nentities + 1, sizeof(uint32_t));

		if (size == NULL)
			goto out;
		for (i = 0; i < l->nm; i++)
			size[l->entity[i]]++;
		for (i = 0; i < l->nentities; i++)
			l->st.entities_multi += size[i] > 1;
		free(size);
	}
	l->st.entities = l->nentities;
	rc = SB_OK;
out:
	free(l->pair_off);
	l->pair_off = NULL;
	for (i = 0; mem != NULL && i < l->nm; i++)
		free(mem[i]);
	free(mem);
	free(nmem);
	free(parent);
	free(idx);
	if (rc != SB_OK)
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM,
		    "out of memory (clustering)");
	return SB_OK;
}

int
sb_link_run(struct sb_link *l, struct sb_err *e)
{
	uint8_t *lv = NULL;
	double t0 = now(), t1;
	int r;

	l->st.mentions = l->nm;
	if (co_keys(l) < 0)
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
	if (l->nm == 0 || l->nw == 0)
		return cluster(l, e); /* nothing to link: no entities */
	if ((r = block(l, e)) != SB_OK)
		return r;
	t1 = now();
	l->st.seconds_block = t1 - t0;
	l->st.candidates = l->npairs;
	l->st.comparisons_possible = (uint64_t)l->nm * (l->nm > 0 ?
	    l->nm - 1 : 0) / 2;
	l->st.reduction_ratio = l->st.comparisons_possible ? 1.0 -
	    (double)l->npairs / (double)l->st.comparisons_possible : 0.0;
	if ((lv = sb_big_malloc((l->npairs + l->nsample) * SB_LF_COUNT + 1)) == NULL)
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
	compare_all(l, lv);
	t0 = now();
	l->st.seconds_compare = t0 - t1;
	if (estimate_u(l) < 0 || estimate_m(l, lv) < 0) {
		free(lv);
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
	}
	if (count_values(l) < 0) {
		free(lv);
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
	}
	r = score(l, lv, e);
	free(lv);
	if (r != SB_OK)
		return r;
	t1 = now();
	l->st.seconds_em = t1 - t0;
	if ((r = cluster(l, e)) != SB_OK)
		return r;
	l->st.seconds_cluster = now() - t1;
	l->st.lambda = l->lambda;
	for (int f = 0; f < SB_LF_COUNT; f++) {
		l->st.levels[f] = nlevels[f];
		for (int v = 0; v < nlevels[f]; v++) {
			l->st.m[f][v] = l->m_[f][v];
			/* The u the weights use (see field_weight). */
			l->st.u[f][v] = identity(f) ? l->u_[f][v] :
			    l->uc_[f][v];
		}
	}
	for (size_t i = 0; i < l->nlinks; i++)
		l->st.links += l->links[i].p > 0;
	return SB_OK;
}

/* ------------------------------------------------------------ output */

/* An identifier's entity: a hash of its token, the same in every
 * record. */
static void
id_entity(const char *tok, char out[20])
{
	unsigned char h[8];

	crypto_generichash(h, sizeof h, (const unsigned char *)tok,
	    strlen(tok), NULL, 0);
	out[0] = 'I';
	sodium_bin2hex(out + 1, 19, h, sizeof h);
}

int
sb_link_rewrite(const struct sb_link *l, size_t rec, const char *line,
    size_t n, struct sb_buf *out, struct sb_err *e)
{
	struct sb_json_arena *a;
	cJSON *root = NULL, *p, *x;
	const struct kase *k;
	char *s;
	size_t i = 0;
	int r = SB_OK;

	if (rec >= l->nrec || l->rec2case[rec] < 0) {
		if (sb_buf_add(out, line, n) < 0 || sb_buf_addc(out, '\n') < 0)
			return sb_seterr(e, SB_FATAL, SB_E_NOMEM,
			    "output too large");
		return SB_OK;
	}
	k = &l->cases[l->rec2case[rec]];
	a = sb_json_scope_begin();
	if ((root = cJSON_ParseWithLength(line, n)) == NULL) {
		r = sb_seterr(e, SB_FATAL, SB_E_DATA,
		    "record %zu changed since it was read", rec + 1);
		goto out;
	}
	cJSON_ArrayForEach(p, cJSON_GetObjectItemCaseSensitive(root,
	    "persons")) {
		if (i >= k->np)
			break;
		cJSON_DeleteItemFromObjectCaseSensitive(p, "entity");
		if (cJSON_AddStringToObject(p, "entity",
		    l->eid[l->entity[k->first + i]]) == NULL)
			goto nomem;
		cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(p,
		    "identifiers")) {
			const char *tok = str(x, "token");
			char ie[20];

			if (tok == NULL)
				continue;
			id_entity(tok, ie);
			cJSON_DeleteItemFromObjectCaseSensitive(x, "entity");
			if (cJSON_AddStringToObject(x, "entity", ie) == NULL)
				goto nomem;
		}
		i++;
	}
	if ((s = cJSON_PrintUnformatted(root)) == NULL)
		goto nomem;
	if (sb_buf_adds(out, s) < 0 || sb_buf_addc(out, '\n') < 0)
		r = sb_seterr(e, SB_FATAL, SB_E_NOMEM, "output too large");
	cJSON_free(s);
	goto out;
nomem:
	r = sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
out:
	sb_json_scope_end(a, root);
	return r;
}

static void
put_ref(struct sb_jw *w, const struct sb_link *l, uint32_t mi)
{
	const struct mention *m = &l->m[mi];
	const struct kase *k = &l->cases[m->cas];

	sb_jw_obj(w);
	sb_jw_key(w, "case_id");
	sb_jw_cstr(w, k->case_id);
	sb_jw_key(w, "pid");
	sb_jw_cstr(w, k->pids[m->person]);
	sb_jw_end_obj(w);
}

static int
linkorder(const void *x, const void *y)
{
	const struct link *a = x, *b = y;

	if (a->ent64 != b->ent64)
		return a->ent64 < b->ent64 ? -1 : 1;
	return linkcmp(x, y);
}

/* One link/1 record, and its newline, into out; -1 when it is full. */
static int
put_link(const struct sb_link *l, struct link *v, struct sb_buf *out)
{
	struct sb_jw w;

	sb_jw_init(&w, out);
	sb_jw_obj(&w);
	sb_jw_key(&w, "sb");
	sb_jw_cstr(&w, "link/1");
	sb_jw_key(&w, "key_id");
	sb_jw_cstr(&w, l->key_id);
	sb_jw_key(&w, "entity");
	sb_jw_cstr(&w, l->eid[l->entity[v->a]]);
	/* The pair in an order of its own, not the input's. */
	if (l->m[v->a].ref > l->m[v->b].ref) {
		uint32_t t = v->a;

		v->a = v->b;
		v->b = t;
	}
	sb_jw_key(&w, "a");
	put_ref(&w, l, v->a);
	sb_jw_key(&w, "b");
	put_ref(&w, l, v->b);
	sb_jw_key(&w, "p");
	sb_jw_fixed(&w, v->p, 6);
	sb_jw_key(&w, "weight");
	sb_jw_fixed(&w, v->weight, 3);
	sb_jw_key(&w, "fields");
	sb_jw_obj(&w);
	for (int f = 0; f < SB_LF_COUNT; f++) {
		uint8_t lvl = v->lv[f];

		if (lvl == MISSING)
			continue;
		sb_jw_key(&w, field_names[f]);
		sb_jw_obj(&w);
		sb_jw_key(&w, "agreement");
		sb_jw_cstr(&w, level_names[f][lvl]);
		sb_jw_key(&w, "weight");
		sb_jw_fixed(&w, field_weight(l, f, lvl, v->a, v->b), 3);
		sb_jw_end_obj(&w);
	}
	sb_jw_end_obj(&w);
	sb_jw_end_obj(&w);
	return sb_jw_failed(&w) || sb_buf_addc(out, '\n') < 0 ? -1 : 0;
}

/* A run of link records written on one thread. */
struct linkrun {
	const struct sb_link *l;
	struct link *v;
	size_t n;
	struct sb_buf out;
	int rc;
};

static void *
linkrun_worker(void *arg)
{
	struct linkrun *lr = arg;

	lr->rc = 0;
	for (size_t i = 0; i < lr->n && lr->rc == 0; i++)
		lr->rc = put_link(lr->l, &lr->v[i], &lr->out);
	return NULL;
}

#define LINK_RUN 8192 /* links a thread writes at a time */

int
sb_link_write_links(const struct sb_link *l, struct sb_buf *out,
    int (*flush)(void *arg, struct sb_buf *out), void *arg,
    struct sb_err *e)
{
	struct link *v = sb_big_malloc((l->nlinks + 1) * sizeof(*v));
	struct linkrun run[2];
	size_t i, nv = 0;
	int rc = SB_OK;

	if (v == NULL)
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
	for (i = 0; i < l->nlinks; i++)
		if (l->links[i].p > 0) {
			v[nv] = l->links[i];
			/* By entity id (its hash), not its number: the
			 * order of the input does not show. */
			v[nv++].ent64 = hex64(l->eid[l->entity[l->links[i].a]]
			    + 1);
		}
	qsort(v, nv, sizeof(*v), linkorder);
	/* Two runs at a time, one on each thread, then in order into out:
	 * a million links are a gigabyte of text. */
	for (int t = 0; t < 2; t++) {
		run[t].l = l;
		sb_buf_init(&run[t].out, out->limit);
	}
	for (i = 0; i < nv && rc == SB_OK; i += 2 * LINK_RUN) {
		for (int t = 0; t < 2; t++) {
			size_t from = i + (size_t)t * LINK_RUN;

			from = from < nv ? from : nv;
			run[t].v = v + from;
			run[t].n = nv - from < LINK_RUN ? nv - from : LINK_RUN;
			sb_buf_reset(&run[t].out);
		}
		both(l, linkrun_worker, &run[0], &run[1]);
		for (int t = 0; t < 2 && rc == SB_OK; t++)
			if (run[t].rc != 0 || (run[t].out.len > 0 &&
			    sb_buf_add(out, run[t].out.data,
			    run[t].out.len) < 0))
				rc = sb_seterr(e, SB_FATAL, SB_E_NOMEM,
				    "output too large");
		if (rc == SB_OK && flush != NULL && flush(arg, out) != 0)
			rc = sb_seterr(e, SB_FATAL, SB_E_IO,
			    "writing the links: %s", strerror(errno));
	}
	for (int t = 0; t < 2; t++)
		sb_buf_release(&run[t].out);
	free(v);
	return rc;
}

const struct sb_link_stats *
sb_link_stats(const struct sb_link *l)
{
	return &l->st;
}

size_t
sb_link_mentions(const struct sb_link *l)
{
	return l->nm;
}

void
sb_link_mention(const struct sb_link *l, size_t i,
    struct sb_link_mention_info *out)
{
	const struct mention *m = &l->m[i];
	const struct kase *k = &l->cases[m->cas];

	out->rec = m->rec;
	out->person = m->person;
	out->entity = l->entity != NULL ? l->entity[i] : i;
	out->case_id = k->case_id;
	out->pid = k->pids[m->person];
	out->source = k->source;
	out->member = k->member;
	out->record = k->record;
}

const uint64_t *
sb_link_pairs(const struct sb_link *l, size_t *n)
{
	*n = l->npairs;
	return l->pairs;
}
