/*
 * The mapper: one raw record (a CSV row or a JSON object) plus a profile
 * give one canonical case/1 line.  Values go straight into the output
 * buffer through the streaming JSON writer; a person or event with no
 * value at all is rolled back, so empty suspect_3_* columns leave no trace.
 */
#include "sb_profile_private.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sb_country.h"
#include "sb_date.h"
#include "sb_json.h"
#include "sb_text.h"

#define MAX_NOTES 64
#define MAX_VALUES 256 /* values split out of one cell */

struct sb_mapper {
	const struct sb_profile *p;
	const char *country;   /* --country, canonical */
	char *authority;       /* --authority */
	int *cols;             /* slot → CSV column, -1 absent */
	unsigned long gen;     /* header_gen the columns are bound to */
	bool bound;
	const struct sb_rec *rec;
	const cJSON *ctx;      /* JSON object columns are looked up in */
	struct sb_jw w;
	struct sb_buf flags;   /* ",{...}" fragments of this record */
	struct sb_buf scratch; /* case_id and the like */
	struct sb_buf pids;    /* NUL-separated pids written so far */
	struct sb_buf join;    /* a "columns" value */
	size_t missing;        /* profile columns not in the header */
	struct sb_buf missing_names;
	bool *plive, *elive;   /* CSV: groups with a bound column */
	char path[256];        /* field path for flags */
	const char *path_a, *path_b, *path_c;
	char num[40];          /* numbers read from JSON */
	struct sb_map_stats st;
	char *notes[MAX_NOTES];
	size_t nnotes, notes_out;
};

typedef void (*value_fn)(struct sb_mapper *, const struct sb_spec *,
    const char *, size_t, void *);

static void
note(struct sb_mapper *m, const char *fmt, const char *a, const char *b)
{
	char buf[512];

	if (m->nnotes >= MAX_NOTES)
		return;
	snprintf(buf, sizeof buf, fmt, a, b);
	m->notes[m->nnotes] = strdup(buf);
	if (m->notes[m->nnotes] != NULL)
		m->nnotes++;
}

const char *
sb_mapper_note(struct sb_mapper *m)
{
	if (m->notes_out >= m->nnotes) {
		for (size_t i = 0; i < m->nnotes; i++)
			free(m->notes[i]);
		m->nnotes = m->notes_out = 0;
		return NULL;
	}
	return m->notes[m->notes_out++];
}

int
sb_mapper_new(struct sb_mapper **mp, const struct sb_profile *profile,
    const struct sb_map_opts *opts, struct sb_err *e)
{
	struct sb_mapper *m;

	*mp = NULL;
	if (sb_country_init() != 0)
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM,
		    "cannot build the country table");
	if ((m = calloc(1, sizeof(*m))) == NULL)
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
	m->p = profile;
	sb_buf_init(&m->flags, 1u << 20);
	sb_buf_init(&m->scratch, 1u << 20);
	sb_buf_init(&m->pids, 1u << 16);
	sb_buf_init(&m->join, SB_READER_DEFAULT_MAX_RECORD);
	sb_buf_init(&m->missing_names, 4096);
	if (profile != NULL && profile->nslots > 0 &&
	    (m->cols = calloc(profile->nslots, sizeof(int))) == NULL)
		goto nomem;
	if (profile != NULL &&
	    ((m->plive = calloc(profile->npersons + 1, sizeof(bool))) == NULL ||
	    (m->elive = calloc(profile->nevents + 1, sizeof(bool))) == NULL))
		goto nomem;
	if (opts != NULL && opts->country != NULL &&
	    (m->country = sb_country_lookup(opts->country,
	    strlen(opts->country))) == NULL) {
		sb_mapper_free(m);
		return sb_seterr(e, SB_FATAL, SB_E_USAGE,
		    "--country: not a known country");
	}
	if (opts != NULL && opts->authority != NULL) {
		if (opts->authority[0] == '\0' ||
		    strchr(opts->authority, ':') != NULL ||
		    !sb_utf8_valid(opts->authority, strlen(opts->authority))) {
			sb_mapper_free(m);
			return sb_seterr(e, SB_FATAL, SB_E_USAGE, "--authority: "
			    "must be non-empty UTF-8 without ':'");
		}
		if ((m->authority = strdup(opts->authority)) == NULL)
			goto nomem;
	}
	*mp = m;
	return SB_OK;
nomem:
	sb_mapper_free(m);
	return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
}

void
sb_mapper_free(struct sb_mapper *m)
{
	if (m == NULL)
		return;
	for (size_t i = 0; i < m->nnotes; i++)
		free(m->notes[i]);
	free(m->cols);
	free(m->plive);
	free(m->elive);
	free(m->authority);
	sb_buf_release(&m->flags);
	sb_buf_release(&m->scratch);
	sb_buf_release(&m->pids);
	sb_buf_release(&m->join);
	sb_buf_release(&m->missing_names);
	free(m);
}

const struct sb_map_stats *
sb_mapper_stats(const struct sb_mapper *m)
{
	return &m->st;
}

/* ---- binding CSV columns ------------------------------------------ */

static int
find_col(const struct sb_rec *rec, const char *name)
{
	for (size_t i = 0; i < rec->nheader; i++)
		if (strcmp(rec->header[i], name) == 0)
			return (int)i;
	for (size_t i = 0; i < rec->nheader; i++)
		if (strcasecmp(rec->header[i], name) == 0)
			return (int)i;
	return -1;
}

static void
bind_spec(struct sb_mapper *m, const struct sb_spec *s)
{
	for (size_t i = 0; i < s->nparts; i++)
		bind_spec(m, &s->parts[i]);
	if (s->column == NULL)
		return;
	m->cols[s->slot] = find_col(m->rec, s->column);
	if (m->cols[s->slot] >= 0)
		return;
	/* Missing columns are summed up in one note per header. */
	if (m->missing++ < 4) {
		if (m->missing_names.len > 0)
			sb_buf_adds(&m->missing_names, ", ");
		sb_buf_adds(&m->missing_names, s->column);
	} else if (m->missing == 5) {
		sb_buf_adds(&m->missing_names, ", ...");
	}
}

static void
bind_specs(struct sb_mapper *m, const struct sb_specs *ss)
{
	for (size_t i = 0; i < ss->n; i++)
		bind_spec(m, &ss->v[i]);
}

/* Does any spec of the list read a column present in the header, or a
 * constant?  A person or event with none is skipped without a look. */
static bool
specs_live(const struct sb_mapper *m, const struct sb_specs *ss)
{
	for (size_t i = 0; i < ss->n; i++) {
		const struct sb_spec *s = &ss->v[i];
		if (s->constant != NULL || s->dflt != NULL)
			return true;
		if (s->column != NULL && m->cols[s->slot] >= 0)
			return true;
		for (size_t k = 0; k < s->nparts; k++)
			if (m->cols[s->parts[k].slot] >= 0)
				return true;
	}
	return false;
}

static void
liveness(struct sb_mapper *m)
{
	const struct sb_profile *p = m->p;

	for (size_t i = 0; i < p->npersons; i++) {
		m->plive[i] = false;
		for (int k = 0; k < PT_COUNT && !m->plive[i]; k++)
			m->plive[i] = specs_live(m, &p->persons[i].f[k]);
	}
	for (size_t i = 0; i < p->nevents; i++) {
		m->elive[i] = false;
		for (int k = 0; k < ET_COUNT && !m->elive[i]; k++)
			m->elive[i] = specs_live(m, &p->events[i].f[k]);
	}
}

static void
bind(struct sb_mapper *m)
{
	const struct sb_profile *p = m->p;

	m->missing = 0;
	sb_buf_reset(&m->missing_names);
	for (int i = 0; i < CT_COUNT; i++)
		bind_specs(m, &p->c[i]);
	for (size_t i = 0; i < p->npersons; i++) {
		bind_spec(m, &p->persons[i].role);
		for (int k = 0; k < PT_COUNT; k++)
			bind_specs(m, &p->persons[i].f[k]);
	}
	for (size_t i = 0; i < p->nevents; i++) {
		bind_spec(m, &p->events[i].type);
		for (int k = 0; k < ET_COUNT; k++)
			bind_specs(m, &p->events[i].f[k]);
	}
	for (size_t i = 0; i < p->nnarr; i++)
		bind_spec(m, &p->narr[i].text);
	for (size_t i = 0; i < p->nrels; i++)
		bind_spec(m, &p->rels[i].when);
	m->gen = m->rec->header_gen;
	m->bound = true;
	liveness(m);
	if (m->missing > 0) {
		char n[32];
		snprintf(n, sizeof n, "%zu", m->missing);
		note(m, "%s columns of the profile are not in the header, "
		    "read as empty: %s", n, m->missing_names.data);
	}
}

/* ---- reading values ----------------------------------------------- */

static const cJSON *
json_at(const cJSON *o, char *const *path, size_t n)
{
	for (size_t i = 0; i < n && o != NULL; i++) {
		if (cJSON_IsArray(o)) {
			char *end;
			long k = strtol(path[i], &end, 10);
			o = *end == '\0' ? cJSON_GetArrayItem(o, (int)k) : NULL;
		} else {
			o = cJSON_GetObjectItemCaseSensitive(o, path[i]);
		}
	}
	return o;
}

static inline bool
is_space(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static void
trim(const char **s, size_t *n)
{
	while (*n > 0 && is_space((unsigned char)**s))
		(*s)++, (*n)--;
	while (*n > 0 && is_space((unsigned char)(*s)[*n - 1]))
		(*n)--;
}

/* A cell that says yes: not empty and not a usual "no", in any case. */
static bool
truthy(const char *s, size_t n)
{
	static const char *const no[] = {"0", "no", "n", "false", "nie",
	    "non", "nee", "nein", "не", "όχι", "οχι", "ei", "nu", "não",
	    "nao", "f", NULL};
	char folded[64];
	int k;

	trim(&s, &n);
	if (n == 0)
		return false;
	if ((k = sb_text_fold(s, n, folded, sizeof folded)) < 0)
		return true;
	for (const char *const *p = no; *p != NULL; p++)
		if (strlen(*p) == (size_t)k && memcmp(folded, *p, (size_t)k) == 0)
			return false;
	return true;
}

/* Call fn for every non-empty value of one cell, split if asked. */
static void
each_piece(struct sb_mapper *m, const struct sb_spec *s, const char *v,
    size_t n, value_fn fn, void *arg)
{
	size_t sl, count = 0;

	if (s->if_set != NULL) {
		if (truthy(v, n))
			fn(m, s, s->if_set, strlen(s->if_set), arg);
		return;
	}
	if (s->split == NULL) {
		trim(&v, &n);
		if (n > 0)
			fn(m, s, v, n, arg);
		return;
	}
	sl = strlen(s->split);
	while (n > 0 && count++ < MAX_VALUES) {
		const char *end = NULL;
		for (size_t i = 0; i + sl <= n; i++)
			if (memcmp(v + i, s->split, sl) == 0) {
				end = v + i;
				break;
			}
		size_t len = end != NULL ? (size_t)(end - v) : n;
		const char *piece = v;
		size_t pl = len;
		trim(&piece, &pl);
		if (pl > 0)
			fn(m, s, piece, pl, arg);
		if (end == NULL)
			break;
		v += len + sl;
		n -= len + sl;
	}
}

static void
json_values(struct sb_mapper *m, const struct sb_spec *s, const cJSON *j,
    value_fn fn, void *arg, int depth)
{
	const cJSON *it;
	int k;

	if (cJSON_IsString(j)) {
		each_piece(m, s, j->valuestring, strlen(j->valuestring), fn,
		    arg);
	} else if (cJSON_IsNumber(j)) {
		double d = j->valuedouble;
		if (d == (double)(long long)d)
			k = snprintf(m->num, sizeof m->num, "%lld",
			    (long long)d);
		else
			k = snprintf(m->num, sizeof m->num, "%.17g", d);
		each_piece(m, s, m->num, (size_t)k, fn, arg);
	} else if (cJSON_IsBool(j)) {
		const char *b = cJSON_IsTrue(j) ? "true" : "false";
		each_piece(m, s, b, strlen(b), fn, arg);
	} else if (cJSON_IsArray(j) && depth == 0) {
		cJSON_ArrayForEach(it, j)
			json_values(m, s, it, fn, arg, 1);
	}
}

/* The first value of a plain column, trimmed; NULL when empty. */
static const char *
cell(struct sb_mapper *m, const struct sb_spec *s, size_t *n)
{
	const char *v = NULL;

	*n = 0;
	if (m->rec->kind == SB_REC_CSV) {
		int c = m->cols[s->slot];
		if (c >= 0 && (size_t)c < m->rec->nfields) {
			v = m->rec->fields[c];
			*n = m->rec->lens[c];
		}
	} else {
		const cJSON *j = json_at(m->ctx, s->path, s->npath);
		if (cJSON_IsString(j)) {
			v = j->valuestring;
			*n = strlen(v);
		} else if (cJSON_IsNumber(j)) {
			v = m->num;
			*n = (size_t)snprintf(m->num, sizeof m->num, "%.17g",
			    j->valuedouble);
		}
	}
	if (v != NULL)
		trim(&v, n);
	return *n > 0 ? v : NULL;
}

/* "columns": the non-empty parts joined with `join` (default a space). */
static void
joined(struct sb_mapper *m, const struct sb_spec *s, value_fn fn, void *arg)
{
	const char *sep = s->join != NULL ? s->join : " ";
	size_t n;

	sb_buf_reset(&m->join);
	for (size_t i = 0; i < s->nparts; i++) {
		const char *v = cell(m, &s->parts[i], &n);
		if (v == NULL)
			continue;
		if (m->join.len > 0)
			sb_buf_adds(&m->join, sep);
		sb_buf_add(&m->join, v, n);
	}
	if (m->join.len > 0)
		each_piece(m, s, m->join.data, m->join.len, fn, arg);
}

struct counted {
	value_fn fn;
	void *arg;
	int n;
};

static void
count_value(struct sb_mapper *m, const struct sb_spec *s, const char *v,
    size_t n, void *arg)
{
	struct counted *c = arg;

	c->n++;
	c->fn(m, s, v, n, c->arg);
}

static void values_of(struct sb_mapper *, const struct sb_spec *, value_fn,
    void *);

/* Every value of a spec; its "default" when the source gave none. */
static void
values(struct sb_mapper *m, const struct sb_spec *s, value_fn fn, void *arg)
{
	struct counted c = {fn, arg, 0};

	if (s->dflt == NULL) {
		values_of(m, s, fn, arg);
		return;
	}
	values_of(m, s, count_value, &c);
	if (c.n == 0)
		fn(m, s, s->dflt, strlen(s->dflt), arg);
}

static void
values_of(struct sb_mapper *m, const struct sb_spec *s, value_fn fn,
    void *arg)
{
	if (s->nparts > 0) {
		joined(m, s, fn, arg);
		return;
	}
	if (s->constant != NULL) {
		fn(m, s, s->constant, strlen(s->constant), arg);
		return;
	}
	if (m->rec->kind == SB_REC_CSV) {
		int c = m->cols[s->slot];
		if (c >= 0 && (size_t)c < m->rec->nfields)
			each_piece(m, s, m->rec->fields[c], m->rec->lens[c],
			    fn, arg);
		return;
	}
	json_values(m, s, json_at(m->ctx, s->path, s->npath), fn, arg, 0);
}

/* ---- flags and conversion ----------------------------------------- */

/* The path is kept as its parts and only formatted when a flag needs it:
 * it is set for every field of every record. */
static void
set_path(struct sb_mapper *m, const char *a, const char *b, const char *c)
{
	m->path_a = a;
	m->path_b = b;
	m->path_c = c;
}

static const char *
path_text(struct sb_mapper *m)
{
	snprintf(m->path, sizeof m->path, "%s%s%s%s%s", m->path_a,
	    m->path_b ? "." : "", m->path_b ? m->path_b : "",
	    m->path_c ? "." : "", m->path_c ? m->path_c : "");
	return m->path;
}

static void
flag(struct sb_mapper *m, const char *code, const char *as_written,
    size_t n)
{
	struct sb_jw fw;

	sb_jw_init(&fw, &m->flags);
	fw.first[0] = false; /* fragments are joined with commas */
	sb_jw_obj(&fw);
	sb_jw_key(&fw, "field");
	sb_jw_cstr(&fw, path_text(m));
	sb_jw_key(&fw, "code");
	sb_jw_cstr(&fw, code);
	if (as_written != NULL) {
		sb_jw_key(&fw, "as_written");
		sb_jw_str(&fw, as_written, n);
	}
	sb_jw_end_obj(&fw);
	if (fw.failed)
		m->w.failed = true;
	if (strcmp(code, "unknown_value") == 0)
		m->st.flags_unknown_value++;
	else if (strcmp(code, "unknown_country") == 0)
		m->st.flags_unknown_country++;
	else if (strcmp(code, "bad_date") == 0)
		m->st.flags_bad_date++;
	else
		m->st.flags_bad_number++;
}

/* Exact match first; then Unicode case-insensitively ("Ж" finds "ж"). */
static const char *
map_lookup(const struct sb_vmap *vm, const char *s, size_t n)
{
	char folded[256];
	int k;

	if (vm == NULL)
		return NULL;
	for (size_t i = 0; i < vm->n; i++)
		if (vm->ent[i].fromlen == n && memcmp(vm->ent[i].from, s, n) ==
		    0)
			return vm->ent[i].to;
	if ((k = sb_text_fold(s, n, folded, sizeof folded)) < 0)
		return NULL;
	for (size_t i = 0; i < vm->n; i++)
		if (vm->ent[i].foldlen == (size_t)k &&
		    memcmp(vm->ent[i].fold, folded, (size_t)k) == 0)
			return vm->ent[i].to;
	return NULL;
}

/*
 * Turn a value as written into its canonical form.  Returns false when the
 * value is left out (a bad date, a bad number, an unknown sex); a value
 * outside a picklist is kept as written and flagged.
 */
static bool
convert(struct sb_mapper *m, const struct sb_spec *s, const char **v,
    size_t *n)
{
	const char *k = map_lookup(s->map, *v, *n);
	int len;

	switch (s->kind) {
	case SB_K_TEXT:
		if (k != NULL) {
			*v = k;
			*n = strlen(k);
		}
		return true;
	case SB_K_DATE:
		if (s->constant != NULL)
			return true; /* checked as ISO 8601 when loaded */
		if (k != NULL) {
			*v = k;
			*n = strlen(k);
		}
		len = sb_date_parse_any(*v, *n, s->formats != NULL ?
		    s->formats : (const char *const *)m->p->dates, m->num);
		if (len < 0) {
			flag(m, "bad_date", *v, *n);
			return false;
		}
		*v = m->num;
		*n = (size_t)len;
		return true;
	case SB_K_COUNTRY:
		if (k == NULL)
			k = sb_country_lookup(*v, *n);
		if (k == NULL) {
			flag(m, "unknown_country", NULL, 0);
			return true;
		}
		break;
	case SB_K_VOCAB:
		if (k == NULL)
			k = sb_vocab_lookup(s->vocab, *v, *n);
		if (k != NULL)
			break;
		if (s->vocab == SB_V_SEX) {
			flag(m, "unknown_value", *v, *n);
			return false;
		}
		if (s->vocab == SB_V_ROLE) {
			flag(m, "unknown_value", *v, *n);
			k = "other";
			break;
		}
		flag(m, "unknown_value", NULL, 0);
		return true;
	case SB_K_INT: {
		long a = 0;
		size_t i;
		if (k != NULL) {
			*v = k;
			*n = strlen(k);
		}
		for (i = 0; i < *n && isdigit((unsigned char)(*v)[i]) &&
		    a <= 120; i++)
			a = a * 10 + ((*v)[i] - '0');
		if (i != *n || i == 0 || a > 120) {
			flag(m, "bad_number", *v, *n);
			return false;
		}
		len = snprintf(m->num, sizeof m->num, "%ld", a);
		*v = m->num;
		*n = (size_t)len;
		return true;
	}
	}
	*v = k;
	*n = strlen(k);
	return true;
}

/* ---- writing ------------------------------------------------------ */

/* A member written only when its first value comes: key, and "[" for a
 * list.  `parent` opens an enclosing object (name, route) on demand. */
struct lazy {
	const char *key;
	bool list;
	bool open;
	bool done;       /* single value written: ignore the rest */
	struct lazy *parent;
	int kind;        /* SB_K_INT writes a number */
	int count;
};

static void
lazy_open(struct sb_mapper *m, struct lazy *l)
{
	if (l->open)
		return;
	if (l->parent != NULL && !l->parent->open) {
		lazy_open(m, l->parent);
	}
	sb_jw_key(&m->w, l->key);
	if (l->list)
		sb_jw_arr(&m->w);
	else if (l->kind == -1)
		sb_jw_obj(&m->w);
	l->open = true;
}

static void
lazy_close(struct sb_mapper *m, struct lazy *l)
{
	if (!l->open)
		return;
	if (l->list)
		sb_jw_end_arr(&m->w);
	else if (l->kind == -1)
		sb_jw_end_obj(&m->w);
	l->open = false;
}

static void
put_value(struct sb_mapper *m, const struct sb_spec *s, const char *v,
    size_t n, void *arg)
{
	struct lazy *l = arg;

	if (l->done || !convert(m, s, &v, &n))
		return;
	lazy_open(m, l);
	if (l->kind == SB_K_INT)
		sb_jw_int(&m->w, strtol(v, NULL, 10));
	else
		sb_jw_str(&m->w, v, n);
	l->count++;
	if (!l->list)
		l->done = true;
}


/* Write one target's values: a list, or the first value. */
static int
put_target(struct sb_mapper *m, const struct sb_specs *ss, const char *key,
    bool list, struct lazy *parent)
{
	struct lazy l = {key, list, false, false, parent, 0, 0};

	for (size_t i = 0; i < ss->n; i++) {
		l.kind = ss->v[i].kind;
		values(m, &ss->v[i], put_value, &l);
	}
	if (list)
		lazy_close(m, &l);
	return l.count;
}

/* The first value of a target, converted, into dst; "" when none. */
struct first {
	char *dst;
	size_t cap;
	bool got;
	bool too_long; /* the value did not fit: the caller refuses it */
};

static void
take_first(struct sb_mapper *m, const struct sb_spec *s, const char *v,
    size_t n, void *arg)
{
	struct first *f = arg;

	if (f->got || !convert(m, s, &v, &n))
		return;
	if (n >= f->cap) {
		f->too_long = true;
		n = 0;
	}
	memcpy(f->dst, v, n);
	f->dst[n] = '\0';
	f->got = true;
}

static bool
first_value(struct sb_mapper *m, const struct sb_specs *ss, char *dst,
    size_t cap)
{
	struct first f = {dst, cap, false, false};

	dst[0] = '\0';
	for (size_t i = 0; i < ss->n && !f.got; i++)
		values(m, &ss->v[i], take_first, &f);
	return f.got && !f.too_long;
}

struct idctx {
	const char *pid;
	struct lazy *arr;
};

static void
put_id(struct sb_mapper *m, const struct sb_spec *s, const char *v, size_t n,
    void *arg)
{
	struct idctx *ic = arg;

	if (!convert(m, s, &v, &n))
		return;
	lazy_open(m, ic->arr);
	sb_jw_obj(&m->w);
	sb_jw_key(&m->w, "type");
	sb_jw_cstr(&m->w, s->idtype);
	sb_jw_key(&m->w, "value");
	sb_jw_str(&m->w, v, n);
	if (s->scheme != NULL) {
		sb_jw_key(&m->w, "scheme");
		sb_jw_cstr(&m->w, s->scheme);
	}
	if (s->country != NULL) {
		sb_jw_key(&m->w, "country");
		sb_jw_cstr(&m->w, s->country);
	}
	sb_jw_end_obj(&m->w);
	ic->arr->count++;
}

/* An object of single-valued members (address, place), written lazily. */
struct member {
	int idx;
	const char *key;
	const char *path; /* for flags, below the person or event */
};

static int
put_object(struct sb_mapper *m, const struct sb_specs *f,
    const struct member *mem, struct lazy *obj, const char *a, const char *b)
{
	int count = 0;

	for (; mem->key != NULL; mem++) {
		set_path(m, a, b, mem->path);
		count += put_target(m, &f[mem->idx], mem->key, false, obj);
	}
	lazy_close(m, obj);
	return count;
}

static const struct member address_members[] = {
	{PT_ADDRESS, "text", "addresses.text"},
	{PT_LOCALITY, "locality", "addresses.locality"},
	{PT_REGION, "region", "addresses.region"},
	{PT_POSTCODE, "postcode", "addresses.postcode"},
	{PT_ADDR_COUNTRY, "country", "addresses.country"},
	{0, NULL, NULL},
};

static const struct member place_members[] = {
	{ET_ADDRESS, "text", "place.text"},
	{ET_LOCALITY, "locality", "place.locality"},
	{ET_REGION, "region", "place.region"},
	{ET_POSTCODE, "postcode", "place.postcode"},
	{ET_COUNTRY, "country", "place.country"},
	{0, NULL, NULL},
};

/* Writer state, to roll back a person or event that turned out empty. */
struct mark {
	size_t len, flen;
	struct sb_jw w;
	struct sb_map_stats st;
};

static void
mark_set(struct sb_mapper *m, struct mark *k)
{
	k->len = m->w.b->len;
	k->flen = m->flags.len;
	k->w = m->w;
	k->st = m->st;
}

static void
mark_rollback(struct sb_mapper *m, const struct mark *k)
{
	m->w.b->len = k->len;
	m->flags.len = k->flen;
	m->w = k->w;
	m->st = k->st;
}

static void
expand_pid(char *dst, size_t cap, const char *tmpl, int n, bool many)
{
	const char *at = strchr(tmpl, '{') != NULL ? strstr(tmpl, "{n}") :
	    NULL;

	if (at == NULL && !many) {
		size_t len = strlen(tmpl);
		if (len >= cap)
			len = cap - 1;
		memcpy(dst, tmpl, len);
		dst[len] = '\0';
	} else if (at != NULL)
		snprintf(dst, cap, "%.*s%d%s", (int)(at - tmpl), tmpl, n,
		    at + 3);
	else
		snprintf(dst, cap, "%s_%d", tmpl, n);
}

/* One address object inside an "addresses" list, left out when empty. */
static int
put_address(struct sb_mapper *m, const struct sb_pgroup *g, const char *pid)
{
	struct lazy list = {"addresses", true, false, false, NULL, 0, 0};
	struct mark k;
	int got = 0;

	mark_set(m, &k);
	lazy_open(m, &list);
	sb_jw_obj(&m->w);
	for (const struct member *mem = address_members; mem->key != NULL;
	    mem++) {
		set_path(m, "persons", pid, mem->path);
		got += put_target(m, &g->f[mem->idx], mem->key, false, NULL);
	}
	sb_jw_end_obj(&m->w);
	lazy_close(m, &list);
	if (got == 0)
		mark_rollback(m, &k);
	return got;
}

static void
put_person(struct sb_mapper *m, const struct sb_pgroup *g, const char *pid,
    struct lazy *persons)
{
	struct mark k;
	struct lazy name = {"name", false, false, false, NULL, -1, 0};
	struct lazy ids = {"identifiers", true, false, false, NULL, 0, 0};
	struct idctx ic = {pid, &ids};
	char role[64];
	int count = 0;

	lazy_open(m, persons);
	mark_set(m, &k);
	sb_jw_obj(&m->w);
	sb_jw_key(&m->w, "pid");
	sb_jw_cstr(&m->w, pid);
	set_path(m, "persons", pid, "role");
	struct sb_specs rs = {(struct sb_spec *)&g->role, 1};
	if (!first_value(m, &rs, role, sizeof role))
		snprintf(role, sizeof role, "other");
	sb_jw_key(&m->w, "role");
	sb_jw_cstr(&m->w, role);
	set_path(m, "persons", pid, "htcds_roles");
	count += put_target(m, &g->f[PT_HROLES], "htcds_roles", true, NULL);
	set_path(m, "persons", pid, "name");
	count += put_target(m, &g->f[PT_GIVEN], "given", false, &name);
	count += put_target(m, &g->f[PT_FAMILY], "family", false, &name);
	count += put_target(m, &g->f[PT_OTHER], "other", true, &name);
	count += put_target(m, &g->f[PT_FULL], "as_written", false, &name);
	lazy_close(m, &name);
	static const struct {
		int idx;
		const char *key;
		bool list;
	} rest[] = {
		{PT_DOB, "dob", false}, {PT_SEX, "sex", false},
		{PT_CIT, "citizenships", true}, {PT_AGE, "age_trafficked", false},
		{PT_TSTATUS, "trafficking_status", false},
		{PT_RELATIONSHIP, "relationship_to_trafficker", false},
	};
	for (size_t i = 0; i < sizeof rest / sizeof rest[0]; i++) {
		set_path(m, "persons", pid, rest[i].key);
		count += put_target(m, &g->f[rest[i].idx], rest[i].key,
		    rest[i].list, NULL);
	}
	for (size_t i = 0; i < g->f[PT_IDS].n; i++)
		values(m, &g->f[PT_IDS].v[i], put_id, &ic);
	lazy_close(m, &ids);
	count += ids.count;
	count += put_address(m, g, pid);
	sb_jw_end_obj(&m->w);
	if (count == 0) {
		mark_rollback(m, &k);
		return;
	}
	persons->count++;
	sb_buf_add(&m->pids, pid, strlen(pid) + 1);
}

static void
put_persons(struct sb_mapper *m)
{
	const struct sb_profile *p = m->p;
	struct lazy persons = {"persons", true, false, false, NULL, 0, 0};
	char pid[128];

	sb_buf_reset(&m->pids);
	for (size_t i = 0; i < p->npersons; i++) {
		const struct sb_pgroup *g = &p->persons[i];
		if (m->rec->kind == SB_REC_CSV && !m->plive[i])
			continue;
		if (g->each == NULL || m->rec->kind != SB_REC_JSON) {
			m->ctx = m->rec->json;
			expand_pid(pid, sizeof pid, g->pid, 0, false);
			put_person(m, g, pid, &persons);
			continue;
		}
		const cJSON *arr = json_at(m->rec->json, g->each_path,
		    g->neach), *el;
		int n = 0, size = cJSON_GetArraySize(arr);
		if (cJSON_IsObject(arr)) {
			m->ctx = arr;
			expand_pid(pid, sizeof pid, g->pid, 1, false);
			put_person(m, g, pid, &persons);
		} else if (cJSON_IsArray(arr)) {
			cJSON_ArrayForEach(el, arr) {
				if (!cJSON_IsObject(el) || n >= 1000)
					continue;
				m->ctx = el;
				expand_pid(pid, sizeof pid, g->pid, ++n,
				    size > 1);
				put_person(m, g, pid, &persons);
			}
		}
	}
	m->ctx = m->rec->json;
	/* persons is required, even when empty. */
	lazy_open(m, &persons);
	lazy_close(m, &persons);
}

static void
put_events(struct sb_mapper *m)
{
	const struct sb_profile *p = m->p;
	struct lazy events = {"events", true, false, false, NULL, 0, 0};
	char prefix[64], type[64];

	size_t written = 0;

	for (size_t i = 0; i < p->nevents; i++) {
		const struct sb_egroup *g = &p->events[i];
		if (m->rec->kind == SB_REC_CSV && !m->elive[i])
			continue;
		struct mark k;
		struct lazy place = {"place", false, false, false, NULL, -1, 0};
		int count = 0;

		/* Flags name the event by its place in the record. */
		snprintf(prefix, sizeof prefix, "%zu", written);
		set_path(m, "events", prefix, "type");
		struct sb_specs ts = {(struct sb_spec *)&g->type, 1};
		bool was_open = events.open;
		mark_set(m, &k);
		if (!first_value(m, &ts, type, sizeof type))
			continue;
		lazy_open(m, &events);
		sb_jw_obj(&m->w);
		sb_jw_key(&m->w, "type");
		sb_jw_cstr(&m->w, type);
		set_path(m, "events", prefix, "date");
		count += put_target(m, &g->f[ET_DATE], "date", false, NULL);
		count += put_object(m, g->f, place_members, &place, "events",
		    prefix);
		set_path(m, "events", prefix, "description");
		count += put_target(m, &g->f[ET_DESC], "description", false,
		    NULL);
		sb_jw_end_obj(&m->w);
		if (count == 0) {
			/* The rollback may take back the list's opening too. */
			mark_rollback(m, &k);
			events.open = was_open;
		} else {
			written++;
		}
	}
	lazy_close(m, &events);
}

static bool
has_pid(struct sb_mapper *m, const char *pid)
{
	for (size_t i = 0; i < m->pids.len; i += strlen(m->pids.data + i) + 1)
		if (strcmp(m->pids.data + i, pid) == 0)
			return true;
	return false;
}

static void
set_truthy(struct sb_mapper *m, const struct sb_spec *s, const char *v,
    size_t n, void *arg)
{
	(void)m;
	(void)s;
	if (truthy(v, n))
		*(bool *)arg = true;
}

static void
put_relations(struct sb_mapper *m)
{
	const struct sb_profile *p = m->p;
	struct lazy rels = {"relations", true, false, false, NULL, 0, 0};

	for (size_t i = 0; i < p->nrels; i++) {
		const struct sb_rgroup *g = &p->rels[i];
		bool on = !g->has_when;

		if (g->has_when)
			values(m, &g->when, set_truthy, &on);
		if (!on || !has_pid(m, g->from) || !has_pid(m, g->to))
			continue;
		lazy_open(m, &rels);
		sb_jw_obj(&m->w);
		sb_jw_key(&m->w, "from");
		sb_jw_cstr(&m->w, g->from);
		sb_jw_key(&m->w, "to");
		sb_jw_cstr(&m->w, g->to);
		sb_jw_key(&m->w, "type");
		sb_jw_cstr(&m->w, g->type);
		sb_jw_end_obj(&m->w);
	}
	lazy_close(m, &rels);
}

struct narr {
	const struct sb_ngroup *g;
	struct lazy *list;
};

static void
put_narr(struct sb_mapper *m, const struct sb_spec *s, const char *v,
    size_t n, void *arg)
{
	struct narr *a = arg;

	(void)s;
	lazy_open(m, a->list);
	sb_jw_obj(&m->w);
	if (a->g->kind != NULL) {
		sb_jw_key(&m->w, "kind");
		sb_jw_cstr(&m->w, a->g->kind);
	}
	if (a->g->lang != NULL) {
		sb_jw_key(&m->w, "lang");
		sb_jw_cstr(&m->w, a->g->lang);
	}
	sb_jw_key(&m->w, "text");
	sb_jw_str(&m->w, v, n);
	sb_jw_end_obj(&m->w);
}

static void
put_narratives(struct sb_mapper *m)
{
	struct lazy list = {"narratives", true, false, false, NULL, 0, 0};

	for (size_t i = 0; i < m->p->nnarr; i++) {
		struct narr a = {&m->p->narr[i], &list};
		/* Narratives keep their inner line breaks: no trimming of
		 * the text beyond the ends, no split. */
		values(m, &m->p->narr[i].text, put_narr, &a);
	}
	lazy_close(m, &list);
}

static void
put_provenance(struct sb_mapper *m)
{
	const struct sb_rec *r = m->rec;

	sb_jw_key(&m->w, "provenance");
	sb_jw_obj(&m->w);
	sb_jw_key(&m->w, "source");
	sb_jw_name(&m->w, r->source);
	if (r->member != NULL) {
		sb_jw_key(&m->w, "member");
		sb_jw_name(&m->w, r->member);
	}
	sb_jw_key(&m->w, "record");
	sb_jw_int(&m->w, r->record);
	if (r->line > 0) {
		sb_jw_key(&m->w, "line");
		sb_jw_int(&m->w, r->line);
	}
	sb_jw_key(&m->w, "format");
	sb_jw_cstr(&m->w, sb_format_name(r->format));
	if (m->p != NULL) {
		sb_jw_key(&m->w, "profile");
		sb_jw_cstr(&m->w, m->p->name);
	}
	sb_jw_end_obj(&m->w);
}

/* ---- the record --------------------------------------------------- */

static int
case_key(struct sb_mapper *m, char *cc, char *auth, size_t acap, char *lid,
    size_t lcap, struct sb_err *e)
{
	const struct sb_profile *p = m->p;

	set_path(m, "country", NULL, NULL);
	if (m->country != NULL)
		snprintf(cc, 3, "%s", m->country);
	else if (!first_value(m, &p->c[CT_COUNTRY], cc, 3 + 1))
		return sb_seterr(e, SB_REJECT, SB_E_DATA, "no case country "
		    "(give it in the profile's constants or with --country)");
	if (strlen(cc) != 2 || !isupper((unsigned char)cc[0]) ||
	    !isupper((unsigned char)cc[1]))
		return sb_seterr(e, SB_REJECT, SB_E_DATA, "case country is "
		    "not a known country");
	if (m->authority != NULL)
		snprintf(auth, acap, "%s", m->authority);
	else if (!first_value(m, &p->c[CT_AUTHORITY], auth, acap))
		return sb_seterr(e, SB_REJECT, SB_E_DATA, "no authority, or "
		    "one longer than %zu bytes (give it in the profile's "
		    "constants or with --authority)", acap - 1);
	if (strchr(auth, ':') != NULL)
		return sb_seterr(e, SB_REJECT, SB_E_DATA, "authority contains "
		    "':'");
	if (!first_value(m, &p->c[CT_LOCAL_ID], lid, lcap))
		return sb_seterr(e, SB_REJECT, SB_E_DATA, "no case number "
		    "(local_id is empty or longer than %zu bytes)", lcap - 1);
	return SB_OK;
}

static int
map_profile(struct sb_mapper *m, struct sb_buf *out, struct sb_err *e)
{
	const struct sb_profile *p = m->p;
	char cc[4], auth[256], lid[256];
	int r;

	sb_buf_reset(&m->flags);
	m->ctx = m->rec->json;
	if (m->rec->kind == SB_REC_CSV &&
	    (!m->bound || m->gen != m->rec->header_gen))
		bind(m);
	if ((r = case_key(m, cc, auth, sizeof auth, lid, sizeof lid, e)) !=
	    SB_OK)
		return r;
	/* Flags raised while finding the key are written with the record. */
	sb_jw_init(&m->w, out);
	sb_jw_obj(&m->w);
	sb_jw_key(&m->w, "sb");
	sb_jw_cstr(&m->w, "case/1");
	sb_buf_reset(&m->scratch);
	sb_buf_adds(&m->scratch, cc);
	sb_buf_addc(&m->scratch, ':');
	sb_buf_adds(&m->scratch, auth);
	sb_buf_addc(&m->scratch, ':');
	sb_buf_adds(&m->scratch, lid);
	sb_jw_key(&m->w, "case_id");
	sb_jw_str(&m->w, m->scratch.data, m->scratch.len);
	sb_jw_key(&m->w, "local_id");
	sb_jw_cstr(&m->w, lid);
	sb_jw_key(&m->w, "country");
	sb_jw_cstr(&m->w, cc);
	sb_jw_key(&m->w, "authority");
	sb_jw_cstr(&m->w, auth);
	set_path(m, "opened", NULL, NULL);
	put_target(m, &p->c[CT_OPENED], "opened", false, NULL);
	struct lazy period = {"offence_period", false, false, false, NULL, -1,
	    0};
	set_path(m, "offence_period", "from", NULL);
	put_target(m, &p->c[CT_OFF_FROM], "from", false, &period);
	set_path(m, "offence_period", "to", NULL);
	put_target(m, &p->c[CT_OFF_TO], "to", false, &period);
	lazy_close(m, &period);
	set_path(m, "status", NULL, NULL);
	put_target(m, &p->c[CT_STATUS], "status", false, NULL);
	set_path(m, "offences", NULL, NULL);
	put_target(m, &p->c[CT_OFFENCES], "offences", true, NULL);
	put_persons(m);
	put_events(m);
	struct lazy route = {"route", false, false, false, NULL, -1, 0};
	set_path(m, "route", "origin", NULL);
	put_target(m, &p->c[CT_ORIGIN], "origin", false, &route);
	set_path(m, "route", "transit", NULL);
	put_target(m, &p->c[CT_TRANSIT], "transit", true, &route);
	set_path(m, "route", "destination", NULL);
	put_target(m, &p->c[CT_DESTINATION], "destination", false, &route);
	lazy_close(m, &route);
	set_path(m, "exploitation_types", NULL, NULL);
	put_target(m, &p->c[CT_EXPLOITATION], "exploitation_types", true, NULL);
	set_path(m, "recruitment_methods", NULL, NULL);
	put_target(m, &p->c[CT_RECRUITMENT], "recruitment_methods", true, NULL);
	set_path(m, "control_methods", NULL, NULL);
	put_target(m, &p->c[CT_CONTROL], "control_methods", true, NULL);
	put_relations(m);
	put_narratives(m);
	if (m->flags.len > 0) {
		sb_jw_key(&m->w, "flags");
		/* The fragments start with ','; drop the first. */
		sb_jw_arr(&m->w);
		sb_buf_add(out, m->flags.data + 1, m->flags.len - 1);
		sb_jw_end_arr(&m->w);
	}
	put_provenance(m);
	sb_jw_end_obj(&m->w);
	sb_buf_addc(out, '\n');
	return m->w.failed ? SB_FATAL : SB_OK;
}

/* ---- canonical records -------------------------------------------- */

static bool
is_str(const cJSON *o, const char *k)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);

	return cJSON_IsString(v) && v->valuestring[0] != '\0';
}

/* The checks a canonical case/1 record must pass to be passed on; the full
 * schema is checked by the test suite, not on every record. */
static int
check_case(const cJSON *o, struct sb_err *e)
{
	const cJSON *persons, *p, *prov;
	static const char *const req[] = {"case_id", "local_id", "country",
	    "authority", NULL};

	for (const char *const *k = req; *k != NULL; k++)
		if (!is_str(o, *k))
			return sb_seterr(e, SB_REJECT, SB_E_DATA, "case/1 "
			    "record without \"%s\"", *k);
	persons = cJSON_GetObjectItemCaseSensitive(o, "persons");
	if (!cJSON_IsArray(persons))
		return sb_seterr(e, SB_REJECT, SB_E_DATA, "case/1 record "
		    "without a \"persons\" array");
	cJSON_ArrayForEach(p, persons) {
		const cJSON *role = cJSON_GetObjectItemCaseSensitive(p, "role");
		if (!cJSON_IsObject(p) || !is_str(p, "pid") ||
		    !cJSON_IsString(role) || sb_vocab_lookup(SB_V_ROLE,
		    role->valuestring, strlen(role->valuestring)) == NULL)
			return sb_seterr(e, SB_REJECT, SB_E_DATA, "case/1 "
			    "record with a person without pid or role");
	}
	prov = cJSON_GetObjectItemCaseSensitive(o, "provenance");
	if (!cJSON_IsObject(prov) || !is_str(prov, "source"))
		return sb_seterr(e, SB_REJECT, SB_E_DATA, "case/1 record "
		    "without provenance");
	return SB_OK;
}

static int
pass_through(struct sb_mapper *m, struct sb_buf *out, struct sb_err *e)
{
	const struct sb_rec *r = m->rec;
	const cJSON *sb = cJSON_GetObjectItemCaseSensitive(r->json, "sb");
	int rc;

	if (strcmp(sb->valuestring, "case/1") == 0 &&
	    (rc = check_case(r->json, e)) != SB_OK)
		return rc;
	m->st.passed_through++;
	/* Unchanged: the text itself when it is one line. */
	if (memchr(r->text, '\n', r->textlen) == NULL) {
		if (sb_buf_add(out, r->text, r->textlen) != 0 ||
		    sb_buf_addc(out, '\n') != 0)
			return sb_seterr(e, SB_FATAL, SB_E_NOMEM,
			    "output record too large");
		return SB_OK;
	}
	char *text = cJSON_PrintUnformatted(r->json);
	rc = text == NULL || sb_buf_adds(out, text) != 0 ||
	    sb_buf_addc(out, '\n') != 0;
	free(text);
	return rc ? sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory") :
	    SB_OK;
}

int
sb_mapper_map(struct sb_mapper *m, const struct sb_rec *rec,
    struct sb_buf *out, struct sb_err *e)
{
	size_t len = out->len;
	int r;

	m->rec = rec;
	if (rec->kind == SB_REC_JSON) {
		const cJSON *sb = cJSON_GetObjectItemCaseSensitive(rec->json,
		    "sb");
		if (cJSON_IsString(sb))
			return pass_through(m, out, e);
		if (sb != NULL)
			return sb_seterr(e, SB_REJECT, SB_E_DATA, "member "
			    "\"sb\" is not a string");
		if (m->p == NULL)
			return sb_seterr(e, SB_REJECT, SB_E_DATA, "not a "
			    "canonical record (no \"sb\" member) and no "
			    "--profile given");
	} else if (m->p == NULL) {
		return sb_seterr(e, SB_FATAL, SB_E_USAGE, "CSV input needs a "
		    "mapping profile (--profile)");
	}
	r = map_profile(m, out, e);
	if (r == SB_FATAL && m->w.failed)
		sb_seterr(e, SB_REJECT, SB_E_DATA, "output record larger "
		    "than the limit");
	if (r != SB_OK) {
		out->len = len;
		if (out->data != NULL)
			out->data[len] = '\0';
		return m->w.failed ? SB_REJECT : r;
	}
	return SB_OK;
}
