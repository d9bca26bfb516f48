/*
 * Loading and checking mapping profiles.  Every problem is reported with
 * the profile member that holds it ("persons[1].fields.dob: ..."), so a
 * user can fix a profile from the message alone.
 */
#include "sb_profile_private.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "sb_country.h"
#include "sb_date.h"
#include "sb_text.h"

#define PROFILE_MAX_BYTES (4u << 20)
#define MAX_REPEAT 64

struct ctx {
	struct sb_profile *p;
	struct sb_err *e;
	char where[256];
};

static int
bad(struct ctx *c, const char *fmt, const char *arg)
{
	char what[256];

	snprintf(what, sizeof what, fmt, arg != NULL ? arg : "");
	return sb_seterr(c->e, SB_FATAL, SB_E_CONFIG, "profile %s: %s%s%s",
	    c->p->name, c->where, c->where[0] != '\0' ? ": " : "", what);
}

/* Replace every "{n}" in s by the number n (n = 0: leave as is). */
static char *
expand(const char *s, int n)
{
	char num[16], *out, *o;
	const char *q;
	size_t count = 0, nl;

	if (s == NULL)
		return NULL;
	snprintf(num, sizeof num, "%d", n);
	nl = strlen(num);
	for (q = s; (q = strstr(q, "{n}")) != NULL; q += 3)
		count++;
	if (n == 0 || count == 0)
		return strdup(s);
	out = malloc(strlen(s) + count * nl + 1);
	if (out == NULL)
		return NULL;
	for (o = out; *s != '\0';) {
		if (strncmp(s, "{n}", 3) == 0) {
			memcpy(o, num, nl);
			o += nl;
			s += 3;
		} else {
			*o++ = *s++;
		}
	}
	*o = '\0';
	return out;
}

static int
split_path(const char *col, char ***pathp, size_t *np)
{
	size_t n = 1, i = 0;
	char *copy, *tok, *save = NULL;
	char **path;

	for (const char *q = col; *q != '\0'; q++)
		n += *q == '.';
	path = calloc(n + 1, sizeof(*path));
	copy = strdup(col);
	if (path == NULL || copy == NULL) {
		free(path);
		free(copy);
		return -1;
	}
	for (tok = strtok_r(copy, ".", &save); tok != NULL;
	    tok = strtok_r(NULL, ".", &save))
		path[i++] = strdup(tok);
	free(copy);
	*pathp = path;
	*np = i;
	return 0;
}

static struct sb_vmap *
find_map(const struct sb_profile *p, const char *name)
{
	for (size_t i = 0; i < p->nmaps; i++)
		if (strcmp(p->maps[i]->name, name) == 0)
			return p->maps[i];
	return NULL;
}

/* Check a map's target value against the picklist it is used with; returns
 * the canonical (static) string, or NULL. */
static const char *
canonical(struct ctx *c, enum sb_kind kind, enum sb_vocab v, const char *to)
{
	const char *k = to;

	if (kind == SB_K_VOCAB && (k = sb_vocab_lookup(v, to,
	    strlen(to))) == NULL)
		bad(c, "map value \"%s\" is not in the picklist", to);
	else if (kind == SB_K_COUNTRY && (k = sb_country_lookup(to,
	    strlen(to))) == NULL)
		bad(c, "map value \"%s\" is not a country", to);
	return k;
}

static struct sb_vmap *
add_map(struct ctx *c, const char *name)
{
	struct sb_vmap **grown, *vm;

	grown = realloc(c->p->maps, (c->p->nmaps + 1) * sizeof(*grown));
	if (grown == NULL)
		return NULL;
	c->p->maps = grown;
	if ((vm = calloc(1, sizeof(*vm))) == NULL)
		return NULL;
	if ((vm->name = strdup(name)) == NULL) {
		free(vm);
		return NULL;
	}
	grown[c->p->nmaps++] = vm;
	return vm;
}

/* Read a map's entries as written; targets are checked by use_map(). */
static int
load_map(struct ctx *c, struct sb_vmap *m, const cJSON *obj)
{
	const cJSON *it;

	if (!cJSON_IsObject(obj))
		return bad(c, "a value map must be an object", NULL);
	m->ent = calloc((size_t)cJSON_GetArraySize(obj) + 1, sizeof(*m->ent));
	if (m->ent == NULL)
		return bad(c, "out of memory", NULL);
	cJSON_ArrayForEach(it, obj) {
		if (!cJSON_IsString(it))
			return bad(c, "map value for \"%s\" must be a string",
			    it->string);
		struct sb_vmap_ent *en = &m->ent[m->n];
		en->from = strdup(it->string);
		en->fromlen = strlen(it->string);
		int k = sb_text_fold(it->string, en->fromlen, en->fold,
		    sizeof en->fold);
		en->foldlen = k > 0 ? (size_t)k : 0;
		en->owned = strdup(it->valuestring);
		en->to = en->owned;
		if (en->from == NULL || en->owned == NULL)
			return bad(c, "out of memory", NULL);
		m->n++;
	}
	return SB_OK;
}

/* A spec's "map": a name from "maps" or an inline object.  The targets are
 * checked against the spec's picklist here, so a map used with two
 * picklists is checked against both. */
static int
use_map(struct ctx *c, struct sb_spec *s, const cJSON *m)
{
	struct sb_vmap *vm;

	if (cJSON_IsString(m)) {
		if ((vm = find_map(c->p, m->valuestring)) == NULL)
			return bad(c, "no map named \"%s\" in \"maps\"",
			    m->valuestring);
	} else {
		if ((vm = add_map(c, "")) == NULL)
			return bad(c, "out of memory", NULL);
		if (load_map(c, vm, m) != SB_OK)
			return SB_FATAL;
	}
	for (size_t i = 0; i < vm->n; i++) {
		const char *to = canonical(c, s->kind, s->vocab,
		    vm->ent[i].owned);
		if (to == NULL)
			return SB_FATAL;
		vm->ent[i].to = to;
	}
	s->map = vm;
	return SB_OK;
}

static const char *const spec_keys[] = {"column", "columns", "join",
    "const", "split", "map", "formats", "scheme", "country", "if_set",
    "default", NULL};

static int
known_key(const char *k, const char *const *keys)
{
	for (; *keys != NULL; keys++)
		if (strcmp(k, *keys) == 0)
			return 1;
	return 0;
}

static int
str_member(struct ctx *c, const cJSON *o, const char *k, char **out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);

	if (v == NULL)
		return SB_OK;
	if (!cJSON_IsString(v) || v->valuestring[0] == '\0')
		return bad(c, "\"%s\" must be a non-empty string", k);
	*out = strdup(v->valuestring);
	return *out == NULL ? bad(c, "out of memory", NULL) : SB_OK;
}

static int
load_formats(struct ctx *c, const cJSON *a, char ***out)
{
	const cJSON *it;
	size_t n = 0;
	char **f;

	if (cJSON_IsString(a)) {
		if (strstr(a->valuestring, "yy") == NULL)
			return bad(c, "date format \"%s\" has no year (yyyy "
			    "or yy)", a->valuestring);
		f = calloc(2, sizeof(*f));
		if (f == NULL || (f[0] = strdup(a->valuestring)) == NULL) {
			free(f);
			return bad(c, "out of memory", NULL);
		}
		*out = f;
		return SB_OK;
	}
	if (!cJSON_IsArray(a) || cJSON_GetArraySize(a) == 0)
		return bad(c, "date formats must be a string or a non-empty "
		    "array of strings", NULL);
	f = calloc((size_t)cJSON_GetArraySize(a) + 1, sizeof(*f));
	if (f == NULL)
		return bad(c, "out of memory", NULL);
	*out = f;
	cJSON_ArrayForEach(it, a) {
		if (!cJSON_IsString(it))
			return bad(c, "date formats must be strings", NULL);
		if (strstr(it->valuestring, "yy") == NULL)
			return bad(c, "date format \"%s\" has no year (yyyy "
			    "or yy)", it->valuestring);
		if ((f[n++] = strdup(it->valuestring)) == NULL)
			return bad(c, "out of memory", NULL);
	}
	return SB_OK;
}

/* "columns": [...]: each part is a plain column with its own slot. */
static int
load_parts(struct ctx *c, struct sb_spec *s, const cJSON *a, int n)
{
	const cJSON *it;
	size_t k = 0;

	if (!cJSON_IsArray(a) || cJSON_GetArraySize(a) < 1)
		return bad(c, "\"columns\" must be an array of column names",
		    NULL);
	s->parts = calloc((size_t)cJSON_GetArraySize(a), sizeof(*s->parts));
	if (s->parts == NULL)
		return bad(c, "out of memory", NULL);
	cJSON_ArrayForEach(it, a) {
		struct sb_spec *p = &s->parts[k];
		if (!cJSON_IsString(it) || it->valuestring[0] == '\0')
			return bad(c, "\"columns\" must be an array of column "
			    "names", NULL);
		p->kind = SB_K_TEXT;
		p->column = expand(it->valuestring, n);
		if (p->column == NULL || split_path(p->column, &p->path,
		    &p->npath) != 0)
			return bad(c, "out of memory", NULL);
		p->slot = c->p->nslots++;
		s->nparts = ++k;
	}
	return SB_OK;
}

/*
 * Compile one SPEC: a string (a column) or an object.  n is the repeat
 * index for "{n}" templates.
 */
static int
load_spec(struct ctx *c, struct sb_spec *s, const cJSON *j, enum sb_kind kind,
    enum sb_vocab v, int n)
{
	const cJSON *it;
	char *tmp = NULL;

	memset(s, 0, sizeof(*s));
	s->kind = kind;
	s->vocab = v;
	if (cJSON_IsString(j)) {
		if (j->valuestring[0] == '\0')
			return bad(c, "a column name must not be empty", NULL);
		s->column = expand(j->valuestring, n);
		goto column;
	}
	if (!cJSON_IsObject(j))
		return bad(c, "must be a column name or an object with "
		    "\"column\" or \"const\"", NULL);
	cJSON_ArrayForEach(it, j)
		if (!known_key(it->string, spec_keys))
			return bad(c, "unknown member \"%s\"", it->string);
	if (str_member(c, j, "column", &tmp) != SB_OK)
		return SB_FATAL;
	s->column = expand(tmp, n);
	free(tmp);
	tmp = NULL;
	if (str_member(c, j, "const", &s->constant) != SB_OK ||
	    str_member(c, j, "split", &s->split) != SB_OK ||
	    str_member(c, j, "scheme", &s->scheme) != SB_OK ||
	    str_member(c, j, "if_set", &s->if_set) != SB_OK ||
	    str_member(c, j, "country", &tmp) != SB_OK)
		return SB_FATAL;
	if (tmp != NULL) {
		const char *cc = sb_country_lookup(tmp, strlen(tmp));
		free(tmp);
		if (cc == NULL)
			return bad(c, "\"country\" is not a known country", NULL);
		s->country = strdup(cc);
	}
	if ((it = cJSON_GetObjectItemCaseSensitive(j, "columns")) != NULL &&
	    load_parts(c, s, it, n) != SB_OK)
		return SB_FATAL;
	if ((s->column != NULL) + (s->constant != NULL) + (s->nparts > 0) != 1)
		return bad(c, "give exactly one of \"column\", \"columns\" "
		    "and \"const\"", NULL);
	if (str_member(c, j, "join", &s->join) != SB_OK ||
	    str_member(c, j, "default", &s->dflt) != SB_OK)
		return SB_FATAL;
	if ((it = cJSON_GetObjectItemCaseSensitive(j, "formats")) != NULL) {
		char **f = NULL;
		if (kind != SB_K_DATE)
			return bad(c, "\"formats\" is only for dates", NULL);
		if (load_formats(c, it, &f) != SB_OK) {
			for (size_t i = 0; f != NULL && f[i] != NULL; i++)
				free(f[i]);
			free(f);
			return SB_FATAL;
		}
		s->formats = (const char *const *)f;
	}
	if (s->constant != NULL && kind != SB_K_TEXT) {
		/* A constant must already be canonical (dates: ISO 8601). */
		if ((kind == SB_K_VOCAB && sb_vocab_lookup(v, s->constant,
		    strlen(s->constant)) == NULL) ||
		    (kind == SB_K_COUNTRY && sb_country_lookup(s->constant,
		    strlen(s->constant)) == NULL) ||
		    (kind == SB_K_DATE && !sb_date_valid_iso(s->constant,
		    strlen(s->constant))))
			return bad(c, "constant \"%s\" is not a valid value",
			    s->constant);
	}
	if (s->if_set != NULL && kind == SB_K_VOCAB &&
	    sb_vocab_lookup(v, s->if_set, strlen(s->if_set)) == NULL)
		return bad(c, "\"if_set\" value \"%s\" is not in the picklist",
		    s->if_set);
	if ((it = cJSON_GetObjectItemCaseSensitive(j, "map")) != NULL &&
	    use_map(c, s, it) != SB_OK)
		return SB_FATAL;
column:
	if (s->column != NULL) {
		if (split_path(s->column, &s->path, &s->npath) != 0)
			return bad(c, "out of memory", NULL);
		s->slot = c->p->nslots++;
	}
	return SB_OK;
}

/* One target of a SPEC list: a single SPEC or an array of them. */
static int
load_specs(struct ctx *c, struct sb_specs *ss, const cJSON *j,
    enum sb_kind kind, enum sb_vocab v, int n)
{
	const cJSON *it;
	size_t want = cJSON_IsArray(j) ? (size_t)cJSON_GetArraySize(j) : 1;
	struct sb_spec *grown;

	grown = realloc(ss->v, (ss->n + want) * sizeof(*grown));
	if (grown == NULL)
		return bad(c, "out of memory", NULL);
	ss->v = grown;
	/* Counted before loading, so that a half-loaded spec is freed. */
	if (!cJSON_IsArray(j))
		return load_spec(c, &ss->v[ss->n++], j, kind, v, n);
	cJSON_ArrayForEach(it, j)
		if (load_spec(c, &ss->v[ss->n++], it, kind, v, n) != SB_OK)
			return SB_FATAL;
	return SB_OK;
}

struct target {
	const char *name;
	int idx;
	enum sb_kind kind;
	enum sb_vocab vocab;
	const char *idtype; /* identifiers */
};

static const struct target case_targets[] = {
	{"local_id", CT_LOCAL_ID, SB_K_TEXT, SB_V_NONE, NULL},
	{"country", CT_COUNTRY, SB_K_COUNTRY, SB_V_NONE, NULL},
	{"authority", CT_AUTHORITY, SB_K_TEXT, SB_V_NONE, NULL},
	{"opened", CT_OPENED, SB_K_DATE, SB_V_NONE, NULL},
	{"offence_from", CT_OFF_FROM, SB_K_DATE, SB_V_NONE, NULL},
	{"offence_to", CT_OFF_TO, SB_K_DATE, SB_V_NONE, NULL},
	{"status", CT_STATUS, SB_K_VOCAB, SB_V_STATUS, NULL},
	{"offences", CT_OFFENCES, SB_K_TEXT, SB_V_NONE, NULL},
	{"exploitation_types", CT_EXPLOITATION, SB_K_VOCAB,
	    SB_V_EXPLOITATION, NULL},
	{"recruitment_methods", CT_RECRUITMENT, SB_K_VOCAB,
	    SB_V_RECRUITMENT, NULL},
	{"control_methods", CT_CONTROL, SB_K_VOCAB, SB_V_CONTROL, NULL},
	{"route_origin", CT_ORIGIN, SB_K_COUNTRY, SB_V_NONE, NULL},
	{"route_transit", CT_TRANSIT, SB_K_COUNTRY, SB_V_NONE, NULL},
	{"route_destination", CT_DESTINATION, SB_K_COUNTRY, SB_V_NONE, NULL},
	{NULL, 0, 0, 0, NULL},
};

static const struct target person_targets[] = {
	{"given", PT_GIVEN, SB_K_TEXT, SB_V_NONE, NULL},
	{"family", PT_FAMILY, SB_K_TEXT, SB_V_NONE, NULL},
	{"other_names", PT_OTHER, SB_K_TEXT, SB_V_NONE, NULL},
	{"full_name", PT_FULL, SB_K_TEXT, SB_V_NONE, NULL},
	{"dob", PT_DOB, SB_K_DATE, SB_V_NONE, NULL},
	{"sex", PT_SEX, SB_K_VOCAB, SB_V_SEX, NULL},
	{"citizenships", PT_CIT, SB_K_COUNTRY, SB_V_NONE, NULL},
	{"age_trafficked", PT_AGE, SB_K_INT, SB_V_NONE, NULL},
	{"trafficking_status", PT_TSTATUS, SB_K_VOCAB,
	    SB_V_TRAFFICKING_STATUS, NULL},
	{"relationship_to_trafficker", PT_RELATIONSHIP, SB_K_VOCAB,
	    SB_V_RELATIONSHIP, NULL},
	{"htcds_roles", PT_HROLES, SB_K_VOCAB, SB_V_HTCDS_ROLE, NULL},
	{"national_id", PT_IDS, SB_K_TEXT, SB_V_NONE, "national_id"},
	{"passport", PT_IDS, SB_K_TEXT, SB_V_NONE, "passport"},
	{"id_card", PT_IDS, SB_K_TEXT, SB_V_NONE, "id_card"},
	{"phone", PT_IDS, SB_K_TEXT, SB_V_NONE, "phone"},
	{"email", PT_IDS, SB_K_TEXT, SB_V_NONE, "email"},
	{"iban", PT_IDS, SB_K_TEXT, SB_V_NONE, "iban"},
	{"card", PT_IDS, SB_K_TEXT, SB_V_NONE, "card"},
	{"plate", PT_IDS, SB_K_TEXT, SB_V_NONE, "plate"},
	{"handle", PT_IDS, SB_K_TEXT, SB_V_NONE, "handle"},
	{"ip", PT_IDS, SB_K_TEXT, SB_V_NONE, "ip"},
	{"address", PT_ADDRESS, SB_K_TEXT, SB_V_NONE, NULL},
	{"locality", PT_LOCALITY, SB_K_TEXT, SB_V_NONE, NULL},
	{"region", PT_REGION, SB_K_TEXT, SB_V_NONE, NULL},
	{"postcode", PT_POSTCODE, SB_K_TEXT, SB_V_NONE, NULL},
	{"address_country", PT_ADDR_COUNTRY, SB_K_COUNTRY, SB_V_NONE, NULL},
	{NULL, 0, 0, 0, NULL},
};

static const struct target event_targets[] = {
	{"date", ET_DATE, SB_K_DATE, SB_V_NONE, NULL},
	{"address", ET_ADDRESS, SB_K_TEXT, SB_V_NONE, NULL},
	{"locality", ET_LOCALITY, SB_K_TEXT, SB_V_NONE, NULL},
	{"region", ET_REGION, SB_K_TEXT, SB_V_NONE, NULL},
	{"postcode", ET_POSTCODE, SB_K_TEXT, SB_V_NONE, NULL},
	{"country", ET_COUNTRY, SB_K_COUNTRY, SB_V_NONE, NULL},
	{"description", ET_DESC, SB_K_TEXT, SB_V_NONE, NULL},
	{NULL, 0, 0, 0, NULL},
};

static const struct target *
find_target(const struct target *t, const char *name)
{
	for (; t->name != NULL; t++)
		if (strcmp(t->name, name) == 0)
			return t;
	return NULL;
}

/* Date specs without their own formats use the profile's list. */
static void
default_formats(struct sb_profile *p, struct sb_specs *ss)
{
	for (size_t i = 0; i < ss->n; i++)
		if (ss->v[i].kind == SB_K_DATE && ss->v[i].formats == NULL)
			ss->v[i].formats = (const char *const *)p->dates;
}

/* Load an object of targets into an array of sb_specs indexed by target. */
static int
load_fields(struct ctx *c, const cJSON *obj, const struct target *tt,
    struct sb_specs *out, int n)
{
	const cJSON *it;
	size_t wl = strlen(c->where);

	if (!cJSON_IsObject(obj))
		return bad(c, "must be an object", NULL);
	cJSON_ArrayForEach(it, obj) {
		const struct target *t = find_target(tt, it->string);
		snprintf(c->where + wl, sizeof(c->where) - wl, ".%s",
		    it->string);
		if (t == NULL)
			return bad(c, "unknown field (see PROFILES in "
			    "sb-ingest(1) for the list)", NULL);
		size_t first = out[t->idx].n;
		if (load_specs(c, &out[t->idx], it, t->kind, t->vocab, n) !=
		    SB_OK)
			return SB_FATAL;
		for (size_t k = first; k < out[t->idx].n; k++)
			out[t->idx].v[k].idtype = t->idtype;
		default_formats(c->p, &out[t->idx]);
	}
	c->where[wl] = '\0';
	return SB_OK;
}

/* "repeat": [from, to] → the range; absent → 0..0 (no template). */
static int
load_repeat(struct ctx *c, const cJSON *o, int *from, int *to)
{
	const cJSON *r = cJSON_GetObjectItemCaseSensitive(o, "repeat");

	*from = *to = 0;
	if (r == NULL)
		return SB_OK;
	if (!cJSON_IsArray(r) || cJSON_GetArraySize(r) != 2 ||
	    !cJSON_IsNumber(cJSON_GetArrayItem(r, 0)) ||
	    !cJSON_IsNumber(cJSON_GetArrayItem(r, 1)))
		return bad(c, "\"repeat\" must be [first, last]", NULL);
	*from = cJSON_GetArrayItem(r, 0)->valueint;
	*to = cJSON_GetArrayItem(r, 1)->valueint;
	if (*from < 1 || *to < *from || *to - *from >= MAX_REPEAT)
		return bad(c, "\"repeat\" must be [first, last] with "
		    "1 <= first <= last < first + 64", NULL);
	return SB_OK;
}

static void *
grow(void *base, size_t *n, size_t size)
{
	char *p = realloc(base, (*n + 1) * size);

	if (p == NULL)
		return NULL;
	memset(p + *n * size, 0, size);
	(*n)++;
	return p;
}

/* A group's picklist member ("role", "type"): a bare string is the value
 * itself, which must be in the picklist; an object is a SPEC. */
static int
load_picked(struct ctx *c, struct sb_spec *s, const cJSON *o,
    const char *key, enum sb_vocab v, int n, const char *what)
{
	const cJSON *j = cJSON_GetObjectItemCaseSensitive(o, key);
	const char *k;

	if (j == NULL)
		return bad(c, "\"%s\" is required", key);
	if (!cJSON_IsString(j))
		return load_spec(c, s, j, SB_K_VOCAB, v, n);
	if ((k = sb_vocab_lookup(v, j->valuestring,
	    strlen(j->valuestring))) == NULL) {
		char msg[256];
		snprintf(msg, sizeof msg, "\"%s\" \"%%s\" is not %s", key,
		    what);
		return bad(c, msg, j->valuestring);
	}
	s->kind = SB_K_VOCAB;
	s->vocab = v;
	s->constant = strdup(k);
	return s->constant != NULL ? SB_OK : bad(c, "out of memory", NULL);
}

/* A group's "fields" object. */
static int
load_group_fields(struct ctx *c, const cJSON *o, const struct target *tt,
    struct sb_specs *f, int n)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(o, "fields");

	if (it == NULL)
		return bad(c, "\"fields\" is required", NULL);
	strncat(c->where, ".fields", sizeof(c->where) - strlen(c->where) - 1);
	return load_fields(c, it, tt, f, n);
}

/* pids appear in case/1 (pattern ^[A-Za-z0-9_.-]{1,64}$). */
static bool
valid_pid(const char *pid, bool templ)
{
	size_t n = 0;

	for (const char *q = pid; *q != '\0'; q++, n++) {
		if (templ && strncmp(q, "{n}", 3) == 0) {
			q += 2;
			n += 2;
			continue;
		}
		if (!isalnum((unsigned char)*q) && strchr("_.-", *q) == NULL)
			return false;
	}
	return n >= 1 && n <= 60;
}

static bool
o_has_each(const cJSON *o)
{
	return cJSON_GetObjectItemCaseSensitive(o, "each") != NULL;
}

static const char *const person_keys[] = {"pid", "role", "repeat", "each",
    "fields", NULL};

static int
load_person(struct ctx *c, const cJSON *o, int n)
{
	struct sb_profile *p = c->p;
	struct sb_pgroup *g, *grown;
	const cJSON *it;
	char *pid = NULL;

	grown = grow(p->persons, &p->npersons, sizeof(*grown));
	if (grown == NULL)
		return bad(c, "out of memory", NULL);
	p->persons = grown;
	g = &p->persons[p->npersons - 1];
	cJSON_ArrayForEach(it, o)
		if (!known_key(it->string, person_keys))
			return bad(c, "unknown member \"%s\"", it->string);
	if (str_member(c, o, "pid", &pid) != SB_OK)
		return SB_FATAL;
	if (pid == NULL)
		return bad(c, "\"pid\" is required", NULL);
	if (!valid_pid(pid, n != 0 || o_has_each(o))) {
		bad(c, "\"pid\" \"%s\" must be 1 to 60 of A-Z a-z 0-9 _ . - "
		    "(and {n} only with repeat or each)", pid);
		free(pid);
		return SB_FATAL;
	}
	g->pid = expand(pid, n);
	free(pid);
	if (str_member(c, o, "each", &g->each) != SB_OK)
		return SB_FATAL;
	if (g->each != NULL && split_path(g->each, &g->each_path,
	    &g->neach) != 0)
		return bad(c, "out of memory", NULL);
	if (load_picked(c, &g->role, o, "role", SB_V_ROLE, n, "a role "
	    "(victim, suspect, recruiter, transporter, exploiter, witness, "
	    "other)") != SB_OK)
		return SB_FATAL;
	return load_group_fields(c, o, person_targets, g->f, n);
}

static int
load_event(struct ctx *c, const cJSON *o, int n)
{
	struct sb_profile *p = c->p;
	struct sb_egroup *g, *grown;
	const cJSON *it;

	grown = grow(p->events, &p->nevents, sizeof(*grown));
	if (grown == NULL)
		return bad(c, "out of memory", NULL);
	p->events = grown;
	g = &p->events[p->nevents - 1];
	cJSON_ArrayForEach(it, o)
		if (strcmp(it->string, "type") != 0 &&
		    strcmp(it->string, "repeat") != 0 &&
		    strcmp(it->string, "fields") != 0)
			return bad(c, "unknown member \"%s\"", it->string);
	if (load_picked(c, &g->type, o, "type", SB_V_EVENT, n, "Recruitment, "
	    "Transit or Exploitation") != SB_OK)
		return SB_FATAL;
	return load_group_fields(c, o, event_targets, g->f, n);
}

static int
load_narrative(struct ctx *c, const cJSON *o, int n)
{
	struct sb_profile *p = c->p;
	struct sb_ngroup *g, *grown;
	const cJSON *it;
	cJSON *spec;
	int r;

	grown = grow(p->narr, &p->nnarr, sizeof(*grown));
	if (grown == NULL)
		return bad(c, "out of memory", NULL);
	p->narr = grown;
	g = &p->narr[p->nnarr - 1];
	cJSON_ArrayForEach(it, o)
		if (!known_key(it->string, (const char *const[]){"column",
		    "kind", "lang", "repeat", NULL}))
			return bad(c, "unknown member \"%s\"", it->string);
	if (str_member(c, o, "kind", &g->kind) != SB_OK ||
	    str_member(c, o, "lang", &g->lang) != SB_OK)
		return SB_FATAL;
	if (g->lang != NULL && (strlen(g->lang) < 2 || strlen(g->lang) > 3 ||
	    strspn(g->lang, "abcdefghijklmnopqrstuvwxyz") != strlen(g->lang)))
		return bad(c, "\"lang\" must be an ISO 639 code of 2 or 3 "
		    "lower-case letters", NULL);
	it = cJSON_GetObjectItemCaseSensitive(o, "column");
	if (!cJSON_IsString(it))
		return bad(c, "\"column\" is required", NULL);
	spec = cJSON_CreateString(it->valuestring);
	if (spec == NULL)
		return bad(c, "out of memory", NULL);
	r = load_spec(c, &g->text, spec, SB_K_TEXT, SB_V_NONE, n);
	cJSON_Delete(spec);
	return r;
}

static int
load_relation(struct ctx *c, const cJSON *o, int n)
{
	struct sb_profile *p = c->p;
	struct sb_rgroup *g, *grown;
	const cJSON *it;
	char *from = NULL, *to = NULL, *type = NULL;
	int r = SB_FATAL;

	grown = grow(p->rels, &p->nrels, sizeof(*grown));
	if (grown == NULL)
		return bad(c, "out of memory", NULL);
	p->rels = grown;
	g = &p->rels[p->nrels - 1];
	cJSON_ArrayForEach(it, o)
		if (!known_key(it->string, (const char *const[]){"from", "to",
		    "type", "when", "repeat", NULL}))
			return bad(c, "unknown member \"%s\"", it->string);
	if (str_member(c, o, "from", &from) != SB_OK ||
	    str_member(c, o, "to", &to) != SB_OK ||
	    str_member(c, o, "type", &type) != SB_OK)
		goto out;
	if (from == NULL || to == NULL || type == NULL) {
		bad(c, "\"from\", \"to\" and \"type\" are required", NULL);
		goto out;
	}
	g->type = sb_vocab_lookup(SB_V_RELATION, type, strlen(type));
	if (g->type == NULL) {
		bad(c, "\"type\" \"%s\" is not recruited, transported, "
		    "exploited, paid or communicated_with", type);
		goto out;
	}
	g->from = expand(from, n);
	g->to = expand(to, n);
	it = cJSON_GetObjectItemCaseSensitive(o, "when");
	if (it != NULL) {
		g->has_when = true;
		if (load_spec(c, &g->when, it, SB_K_TEXT, SB_V_NONE, n) !=
		    SB_OK)
			goto out;
	}
	r = SB_OK;
out:
	free(from);
	free(to);
	free(type);
	return r;
}

typedef int (*group_loader)(struct ctx *, const cJSON *, int);

/* A list of groups, each possibly repeated for n = first..last. */
static int
load_groups(struct ctx *c, const cJSON *root, const char *key,
    group_loader fn)
{
	const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, key), *o;
	int i = 0;

	if (arr == NULL)
		return SB_OK;
	if (!cJSON_IsArray(arr)) {
		snprintf(c->where, sizeof c->where, "%s", key);
		return bad(c, "must be an array", NULL);
	}
	cJSON_ArrayForEach(o, arr) {
		int from, to;
		snprintf(c->where, sizeof c->where, "%s[%d]", key, i++);
		if (!cJSON_IsObject(o))
			return bad(c, "must be an object", NULL);
		if (load_repeat(c, o, &from, &to) != SB_OK)
			return SB_FATAL;
		for (int n = from; n <= to; n++) {
			size_t wl = strlen(c->where);
			if (fn(c, o, n) != SB_OK)
				return SB_FATAL;
			c->where[wl] = '\0';
		}
	}
	c->where[0] = '\0';
	return SB_OK;
}

static int
load_input(struct ctx *c, const cJSON *in)
{
	struct sb_reader_opts *o = &c->p->ropts;
	const cJSON *it;
	char *fmt = NULL, *delim = NULL, *quote = NULL;
	int r = SB_FATAL;

	snprintf(c->where, sizeof c->where, "input");
	if (!cJSON_IsObject(in))
		return bad(c, "must be an object", NULL);
	cJSON_ArrayForEach(it, in)
		if (!known_key(it->string, (const char *const[]){"format",
		    "delimiter", "quote", "encoding", "header", "trim", NULL}))
			return bad(c, "unknown member \"%s\"", it->string);
	if (str_member(c, in, "format", &fmt) != SB_OK ||
	    str_member(c, in, "delimiter", &delim) != SB_OK ||
	    str_member(c, in, "quote", &quote) != SB_OK ||
	    str_member(c, in, "encoding", &c->p->encoding) != SB_OK)
		goto out;
	if (fmt != NULL) {
		if (strcmp(fmt, "csv") == 0 || strcmp(fmt, "tsv") == 0)
			o->format = SB_FMT_CSV;
		else if (strcmp(fmt, "json") == 0)
			o->format = SB_FMT_JSON;
		else if (strcmp(fmt, "ndjson") == 0)
			o->format = SB_FMT_NDJSON;
		else if (strcmp(fmt, "auto") != 0) {
			bad(c, "\"format\" must be auto, csv, tsv, json or "
			    "ndjson", NULL);
			goto out;
		}
		if (strcmp(fmt, "tsv") == 0)
			o->delimiter = '\t';
	}
	if (delim != NULL) {
		if (strcmp(delim, "\\t") == 0 || strcmp(delim, "tab") == 0)
			o->delimiter = '\t';
		else if (strlen(delim) == 1)
			o->delimiter = (unsigned char)delim[0];
		else {
			bad(c, "\"delimiter\" must be one character or \"tab\"",
			    NULL);
			goto out;
		}
	}
	if (quote != NULL) {
		if (strlen(quote) != 1) {
			bad(c, "\"quote\" must be one character", NULL);
			goto out;
		}
		o->quote = (unsigned char)quote[0];
	}
	o->encoding = c->p->encoding;
	if (o->encoding != NULL) {
		/* Found now, not when the first file is opened. */
		iconv_t cd = iconv_open("UTF-8", o->encoding);
		if (cd == (iconv_t)-1) {
			bad(c, "\"encoding\" \"%s\" is not known to iconv",
			    o->encoding);
			goto out;
		}
		iconv_close(cd);
	}
	if ((it = cJSON_GetObjectItemCaseSensitive(in, "header")) != NULL) {
		if (!cJSON_IsBool(it)) {
			bad(c, "\"header\" must be true or false", NULL);
			goto out;
		}
		o->no_header = cJSON_IsFalse(it);
	}
	if ((it = cJSON_GetObjectItemCaseSensitive(in, "trim")) != NULL) {
		if (!cJSON_IsBool(it)) {
			bad(c, "\"trim\" must be true or false", NULL);
			goto out;
		}
		o->trim = cJSON_IsTrue(it);
	}
	r = SB_OK;
	c->where[0] = '\0';
out:
	free(fmt);
	free(delim);
	free(quote);
	return r;
}

/* "constants": {"country": "BG", "authority": "..."} → case specs. */
static int
load_constants(struct ctx *c, const cJSON *k)
{
	const cJSON *it;

	snprintf(c->where, sizeof c->where, "constants");
	if (!cJSON_IsObject(k))
		return bad(c, "must be an object", NULL);
	cJSON_ArrayForEach(it, k) {
		const struct target *t = find_target(case_targets, it->string);
		cJSON *spec;
		int r;

		if (t == NULL)
			return bad(c, "unknown field \"%s\"", it->string);
		if (!cJSON_IsString(it))
			return bad(c, "constant \"%s\" must be a string",
			    it->string);
		if (t->idx == CT_AUTHORITY && strchr(it->valuestring, ':'))
			return bad(c, "the authority must not contain ':'",
			    NULL);
		spec = cJSON_CreateObject();
		if (spec == NULL || cJSON_AddStringToObject(spec, "const",
		    it->valuestring) == NULL) {
			cJSON_Delete(spec);
			return bad(c, "out of memory", NULL);
		}
		r = load_specs(c, &c->p->c[t->idx], spec, t->kind, t->vocab, 0);
		cJSON_Delete(spec);
		if (r != SB_OK)
			return SB_FATAL;
	}
	c->where[0] = '\0';
	return SB_OK;
}

static const char *const top_keys[] = {"profile", "name", "description",
    "input", "constants", "dates", "maps", "case", "persons", "events",
    "narratives", "relations", NULL};

static int
load_root(struct ctx *c, const cJSON *root)
{
	struct sb_profile *p = c->p;
	const cJSON *it;

	if (!cJSON_IsObject(root))
		return bad(c, "the profile must be a JSON object", NULL);
	cJSON_ArrayForEach(it, root)
		if (!known_key(it->string, top_keys))
			return bad(c, "unknown member \"%s\"", it->string);
	it = cJSON_GetObjectItemCaseSensitive(root, "profile");
	if (!cJSON_IsNumber(it) || it->valuedouble != 1.0)
		return bad(c, "\"profile\": 1 (the profile format version) "
		    "is required", NULL);
	for (const char *const *k = (const char *const[]){"name",
	    "description", NULL}; *k != NULL; k++) {
		it = cJSON_GetObjectItemCaseSensitive(root, *k);
		if (it != NULL && (!cJSON_IsString(it) ||
		    it->valuestring[0] == '\0'))
			return bad(c, "\"%s\" must be a non-empty string", *k);
	}
	if ((it = cJSON_GetObjectItemCaseSensitive(root, "name")) != NULL) {
		free(p->name);
		if ((p->name = strdup(it->valuestring)) == NULL)
			return bad(c, "out of memory", NULL);
	}
	if ((it = cJSON_GetObjectItemCaseSensitive(root, "input")) != NULL &&
	    load_input(c, it) != SB_OK)
		return SB_FATAL;
	snprintf(c->where, sizeof c->where, "dates");
	if ((it = cJSON_GetObjectItemCaseSensitive(root, "dates")) != NULL) {
		if (load_formats(c, it, &p->dates) != SB_OK)
			return SB_FATAL;
	} else {
		size_t n = 0;
		while (sb_date_default_formats[n] != NULL)
			n++;
		if ((p->dates = calloc(n + 1, sizeof(char *))) == NULL)
			return bad(c, "out of memory", NULL);
		for (size_t i = 0; i < n; i++)
			if ((p->dates[i] = strdup(sb_date_default_formats[i])) ==
			    NULL)
				return bad(c, "out of memory", NULL);
	}
	snprintf(c->where, sizeof c->where, "maps");
	if ((it = cJSON_GetObjectItemCaseSensitive(root, "maps")) != NULL) {
		const cJSON *m;
		if (!cJSON_IsObject(it))
			return bad(c, "must be an object of maps", NULL);
		cJSON_ArrayForEach(m, it) {
			struct sb_vmap *vm = add_map(c, m->string);
			if (vm == NULL)
				return bad(c, "out of memory", NULL);
			snprintf(c->where, sizeof c->where, "maps.%s",
			    m->string);
			if (load_map(c, vm, m) != SB_OK)
				return SB_FATAL;
		}
	}
	c->where[0] = '\0';
	if ((it = cJSON_GetObjectItemCaseSensitive(root, "constants")) !=
	    NULL && load_constants(c, it) != SB_OK)
		return SB_FATAL;
	snprintf(c->where, sizeof c->where, "case");
	if ((it = cJSON_GetObjectItemCaseSensitive(root, "case")) == NULL)
		return bad(c, "\"case\" is required (at least local_id)", NULL);
	if (load_fields(c, it, case_targets, p->c, 0) != SB_OK)
		return SB_FATAL;
	if (p->c[CT_LOCAL_ID].n == 0)
		return bad(c, "\"local_id\" is required", NULL);
	if (load_groups(c, root, "persons", load_person) != SB_OK ||
	    load_groups(c, root, "events", load_event) != SB_OK ||
	    load_groups(c, root, "narratives", load_narrative) != SB_OK ||
	    load_groups(c, root, "relations", load_relation) != SB_OK)
		return SB_FATAL;
	for (size_t i = 0; i < p->npersons; i++)
		for (size_t j = i + 1; j < p->npersons; j++)
			if (strcmp(p->persons[i].pid, p->persons[j].pid) == 0) {
				c->where[0] = '\0';
				return bad(c, "two persons have pid \"%s\"",
				    p->persons[i].pid);
			}
	return SB_OK;
}

int
sb_profile_parse(struct sb_profile **pp, const char *text, size_t len,
    const char *name, struct sb_err *e)
{
	struct sb_profile *p;
	struct ctx c;
	cJSON *root;
	const char *end = NULL;
	int r;

	*pp = NULL;
	if (sb_country_init() != 0)
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM,
		    "cannot build the country table");
	if ((p = calloc(1, sizeof(*p))) == NULL ||
	    (p->name = strdup(name)) == NULL) {
		free(p);
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
	}
	memset(&c, 0, sizeof c);
	c.p = p;
	c.e = e;
	root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
	if (root == NULL) {
		r = sb_seterr(e, SB_FATAL, SB_E_CONFIG, "profile %s: not valid "
		    "JSON near byte %td", name, end != NULL ? end - text : 0);
		sb_profile_free(p);
		return r;
	}
	r = load_root(&c, root);
	cJSON_Delete(root);
	if (r != SB_OK) {
		sb_profile_free(p);
		return SB_FATAL;
	}
	*pp = p;
	return SB_OK;
}

static char *
read_file(const char *path, size_t *lenp, struct sb_err *e)
{
	FILE *f = fopen(path, "rb");
	struct sb_buf b = SB_BUF_INIT(PROFILE_MAX_BYTES);
	char chunk[8192];
	size_t n;

	if (f == NULL) {
		sb_seterr(e, SB_FATAL, SB_E_NOINPUT, "profile %s: %s", path,
		    strerror(errno));
		return NULL;
	}
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		if (sb_buf_add(&b, chunk, n) != 0) {
			sb_seterr(e, SB_FATAL, SB_E_CONFIG, "profile %s: "
			    "larger than %u bytes", path, PROFILE_MAX_BYTES);
			goto fail;
		}
	if (ferror(f)) {
		sb_seterr(e, SB_FATAL, SB_E_IO, "profile %s: read error",
		    path);
		goto fail;
	}
	fclose(f);
	*lenp = b.len;
	if (b.data == NULL)
		return strdup("");
	return b.data;
fail:
	fclose(f);
	sb_buf_release(&b);
	return NULL;
}

int
sb_profile_load(struct sb_profile **pp, const char *spec, const char *dirs,
    struct sb_err *e)
{
	char path[4096], *text = NULL, *list = NULL, *save = NULL, *dir;
	size_t len = 0, sl = strlen(spec);
	const char *base;
	int r = SB_FATAL;

	*pp = NULL;
	if (strchr(spec, '/') != NULL ||
	    (sl > 5 && strcmp(spec + sl - 5, ".json") == 0)) {
		text = read_file(spec, &len, e);
	} else {
		if (dirs == NULL || (list = strdup(dirs)) == NULL)
			return sb_seterr(e, SB_FATAL, SB_E_NOINPUT,
			    "profile %s: no profile directory", spec);
		for (dir = strtok_r(list, ":", &save); dir != NULL;
		    dir = strtok_r(NULL, ":", &save)) {
			snprintf(path, sizeof path, "%s/%s.json", dir, spec);
			if (access(path, R_OK) == 0)
				break;
		}
		if (dir == NULL)
			sb_seterr(e, SB_FATAL, SB_E_NOINPUT, "profile %s: not "
			    "found in %s (try sb-ingest --list-profiles)", spec,
			    dirs);
		else
			text = read_file(path, &len, e);
	}
	if (text != NULL) {
		base = strrchr(spec, '/') != NULL ? strrchr(spec, '/') + 1 :
		    spec;
		char name[256];
		snprintf(name, sizeof name, "%s", base);
		if (strlen(name) > 5 && strcmp(name + strlen(name) - 5,
		    ".json") == 0)
			name[strlen(name) - 5] = '\0';
		r = sb_profile_parse(pp, text, len, name, e);
	}
	free(text);
	free(list);
	return r;
}

static void
free_spec(struct sb_spec *s)
{
	free(s->column);
	for (size_t i = 0; i < s->npath; i++)
		free(s->path[i]);
	free(s->path);
	free(s->constant);
	free(s->split);
	free(s->scheme);
	free(s->country);
	free(s->if_set);
	free(s->join);
	free(s->dflt);
	for (size_t i = 0; i < s->nparts; i++)
		free_spec(&s->parts[i]);
	free(s->parts);
}

static void
free_specs(struct sb_specs *ss, const struct sb_profile *p)
{
	for (size_t i = 0; i < ss->n; i++) {
		/* Formats are shared with the profile's default list. */
		if (ss->v[i].formats != (const char *const *)p->dates &&
		    ss->v[i].formats != NULL) {
			char **f = (char **)ss->v[i].formats;
			for (size_t k = 0; f[k] != NULL; k++)
				free(f[k]);
			free(f);
		}
		free_spec(&ss->v[i]);
	}
	free(ss->v);
}

void
sb_profile_free(struct sb_profile *p)
{
	if (p == NULL)
		return;
	for (int i = 0; i < CT_COUNT; i++)
		free_specs(&p->c[i], p);
	for (size_t i = 0; i < p->npersons; i++) {
		struct sb_pgroup *g = &p->persons[i];
		free(g->pid);
		free(g->each);
		for (size_t k = 0; k < g->neach; k++)
			free(g->each_path[k]);
		free(g->each_path);
		free_spec(&g->role);
		for (int k = 0; k < PT_COUNT; k++)
			free_specs(&g->f[k], p);
	}
	free(p->persons);
	for (size_t i = 0; i < p->nevents; i++) {
		free_spec(&p->events[i].type);
		for (int k = 0; k < ET_COUNT; k++)
			free_specs(&p->events[i].f[k], p);
	}
	free(p->events);
	for (size_t i = 0; i < p->nnarr; i++) {
		free_spec(&p->narr[i].text);
		free(p->narr[i].kind);
		free(p->narr[i].lang);
	}
	free(p->narr);
	for (size_t i = 0; i < p->nrels; i++) {
		free(p->rels[i].from);
		free(p->rels[i].to);
		free_spec(&p->rels[i].when);
	}
	free(p->rels);
	for (size_t i = 0; i < p->nmaps; i++) {
		for (size_t k = 0; k < p->maps[i]->n; k++) {
			free(p->maps[i]->ent[k].from);
			free(p->maps[i]->ent[k].owned);
		}
		free(p->maps[i]->ent);
		free(p->maps[i]->name);
		free(p->maps[i]);
	}
	free(p->maps);
	for (size_t i = 0; p->dates != NULL && p->dates[i] != NULL; i++)
		free(p->dates[i]);
	free(p->dates);
	free(p->encoding);
	free(p->name);
	free(p);
}

const char *
sb_profile_name(const struct sb_profile *p)
{
	return p->name;
}

const struct sb_reader_opts *
sb_profile_reader_opts(const struct sb_profile *p)
{
	return &p->ropts;
}
