/*
 * sb_linkeval.c: ground truth tables and linkage metrics.
 *
 * Truth: strings (sources, members, true ids, CSV references, cached
 * provenance sources) are interned in sb_pools, whose strings never move;
 * id 0 of every pool is no string (member 0: none).  truth/1 mentions are
 * kept in an array indexed by an open-addressing table keyed by (source,
 * member, record, person_index) ids; a CSV reference's true id is the
 * refs pool's value of the reference, a cached provenance source's truth
 * source the cache pool's value.  Tables are hashed with SipHash-2-4
 * under a random key per pool (mentions under the sources pool's), so a
 * crafted file cannot make them degenerate.
 *
 * Metrics: the labels are mapped to dense ids (an open-addressing table
 * keyed by label, hashed with sb_mix64 (sb_hash.h): the labels are
 * the caller's own), the mentions are put in order of predicted cluster
 * by a counting sort, and each predicted cluster is split by true id with
 * a counter per true id, reset after each cluster: every cell of the
 * contingency table is visited once, in O(n).
 */
#include "sb_linkeval.h"
#include "sb_hash.h"
#include "sb_json.h"
#include "sb_pool.h"

#include <csv.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>
#include <sodium.h>

#define NONE UINT32_MAX
#define READ_BYTES 65536              /* first buffer, and fread step */
#define RECORD_MAX 9007199254740992.0 /* 2^53: exact in a double */

/* A truth/1 mention. */
struct mention {
	uint64_t record;
	uint32_t src, member, pidx;
	uint32_t person; /* id in persons */
	uint32_t hash;
};

struct sb_truth {
	enum sb_truth_format format;
	struct sb_pool *sources, *members, *persons;
	struct mention *ments;
	size_t nments, capments;
	uint32_t *mslots; /* indexes into ments, NONE when empty */
	size_t nmslots;
	struct sb_pool *refs;  /* CSV references; value: id in persons */
	struct sb_pool *cache; /* provenance sources; value: source id or 0 */
};

/* ------------------------------------------------------- mentions */

static uint32_t
mention_hash(const struct sb_truth *t, uint32_t src, uint32_t member,
    uint64_t record, uint32_t pidx)
{
	unsigned char k[20];

	memcpy(k, &record, 8);
	memcpy(k + 8, &src, 4);
	memcpy(k + 12, &member, 4);
	memcpy(k + 16, &pidx, 4);
	return sb_pool_hash(t->sources, k, sizeof(k));
}

/* The index in ments of the mention, or NONE; *slot (may be NULL) is
 * where it is or would go. */
static uint32_t
mention_find(const struct sb_truth *t, uint32_t src, uint32_t member,
    uint64_t record, uint32_t pidx, uint32_t h, size_t *slot)
{
	const struct mention *m;
	size_t i, mask;

	if (t->nmslots == 0)
		return NONE;
	mask = t->nmslots - 1;
	for (i = h & mask; t->mslots[i] != NONE; i = (i + 1) & mask) {
		m = &t->ments[t->mslots[i]];
		if (m->hash == h && m->record == record && m->src == src &&
		    m->member == member && m->pidx == pidx) {
			if (slot != NULL)
				*slot = i;
			return t->mslots[i];
		}
	}
	if (slot != NULL)
		*slot = i;
	return NONE;
}

static int
mention_rehash(struct sb_truth *t)
{
	size_t n = t->nmslots ? t->nmslots * 2 : 1024, mask = n - 1, i, j;
	uint32_t *slots;

	if (n > SIZE_MAX / sizeof(*slots) ||
	    (slots = malloc(n * sizeof(*slots))) == NULL)
		return -1;
	memset(slots, 0xff, n * sizeof(*slots));
	for (i = 0; i < t->nments; i++) {
		for (j = t->ments[i].hash & mask; slots[j] != NONE;
		     j = (j + 1) & mask)
			continue;
		slots[j] = (uint32_t)i;
	}
	free(t->mslots);
	t->mslots = slots;
	t->nmslots = n;
	return 0;
}

/* ------------------------------------------------------------ lines */

/* Lines of a file, at most SB_TRUTH_LINE_MAX bytes each. */
struct lines {
	FILE *f;
	char *buf;
	size_t cap, off, len; /* buf[off, len) not handed out yet */
	bool eof;
};

/* The next line, its '\n' included, in *line[*len]: 1; 0 at the end; -1
 * for a line too long (SB_E_NOMEM in e), a read error or no memory. */
static int
next_line(struct lines *l, const char *path, size_t lineno, char **line,
    size_t *len, struct sb_err *e)
{
	char *nl, *b;
	size_t n, scanned = 0;

	for (;;) {
		nl = memchr(
		    l->buf + l->off + scanned, '\n', l->len - l->off - scanned);
		if (nl != NULL) {
			*line = l->buf + l->off;
			*len = (size_t)(nl + 1 - *line);
			l->off += *len;
			return 1;
		}
		scanned = l->len - l->off;
		if (l->eof) {
			if (scanned == 0)
				return 0;
			*line = l->buf + l->off;
			*len = scanned;
			l->off = l->len;
			return 1;
		}
		if (scanned > SB_TRUTH_LINE_MAX)
			return sb_seterr(e, -1, SB_E_NOMEM,
			    "%s:%zu: line longer than %zu bytes", path, lineno,
			    SB_TRUTH_LINE_MAX);
		if (l->off > 0) {
			memmove(l->buf, l->buf + l->off, scanned);
			l->len = scanned;
			l->off = 0;
		}
		if (l->cap - l->len < READ_BYTES) {
			if ((b = realloc(l->buf, l->cap * 2)) == NULL)
				return sb_seterr(
				    e, -1, SB_E_NOMEM, "out of memory");
			l->buf = b;
			l->cap *= 2;
		}
		n = fread(l->buf + l->len, 1, l->cap - l->len, l->f);
		l->len += n;
		if (n == 0) {
			if (ferror(l->f))
				return sb_seterr(e, -1, SB_E_IO,
				    "%s:%zu: read error: %s", path, lineno,
				    strerror(errno));
			l->eof = true;
		}
	}
}

/* ------------------------------------------------------------ loading */

struct load {
	struct sb_truth *t;
	const char *path;
	size_t lineno;
	struct sb_err *e;
	int st; /* SB_OK until an error */
	/* CSV */
	struct csv_parser csv;
	char *field[2];
	size_t flen[2], fcap[2];
	size_t nfields, nrows, rowline;
};

static int
nomem(struct load *ld)
{
	return ld->st = sb_seterr(ld->e, SB_FATAL, SB_E_NOMEM,
	           "%s:%zu: out of memory", ld->path, ld->lineno);
}

static int
bad(struct load *ld, size_t line, const char *what)
{
	return ld->st = sb_seterr(ld->e, SB_FATAL, SB_E_DATA, "%s:%zu: %s",
	           ld->path, line, what);
}

/* A non-empty string member of o, or NULL. */
static const char *
str_member(const cJSON *o, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);

	if (!cJSON_IsString(v) || v->valuestring == NULL ||
	    v->valuestring[0] == '\0')
		return NULL;
	return v->valuestring;
}

/* An integer member of o within [lo, hi]: 0, else -1. */
static int
int_member(const cJSON *o, const char *name, double lo, double hi, double *out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);

	if (!cJSON_IsNumber(v) || !(v->valuedouble >= lo) ||
	    !(v->valuedouble <= hi) ||
	    v->valuedouble != (double)(int64_t)v->valuedouble)
		return -1;
	*out = v->valuedouble;
	return 0;
}

static int
add_mention(struct load *ld, const cJSON *o)
{
	struct sb_truth *t = ld->t;
	const char *source, *member, *person;
	uint32_t src, mem = 0, pid, h, at;
	double record, pidx;
	struct mention *m;
	size_t slot = 0; /* set by mention_find; -O3 cannot tell */

	if ((source = str_member(o, "source")) == NULL)
		return bad(ld, ld->lineno,
		    "mention without a \"source\" (a non-empty string)");
	if (cJSON_GetObjectItemCaseSensitive(o, "member") == NULL)
		member = NULL;
	else if ((member = str_member(o, "member")) == NULL)
		return bad(ld, ld->lineno,
		    "mention \"member\" is not a non-empty string");
	if (int_member(o, "record", 1, RECORD_MAX, &record) != 0)
		return bad(ld, ld->lineno,
		    "mention without a \"record\" (an integer >= 1)");
	if (int_member(o, "person_index", 0, INT32_MAX, &pidx) != 0)
		return bad(ld, ld->lineno,
		    "mention without a \"person_index\" (an integer >= 0)");
	if ((person = str_member(o, "person")) == NULL)
		return bad(ld, ld->lineno,
		    "mention without a \"person\" (a non-empty string)");
	if (sb_pool_intern(t->sources, source, strlen(source), &src, NULL) != 0)
		return nomem(ld);
	if (member != NULL &&
	    sb_pool_intern(t->members, member, strlen(member), &mem, NULL) != 0)
		return nomem(ld);
	if (sb_pool_intern(t->persons, person, strlen(person), &pid, NULL) != 0)
		return nomem(ld);
	h = mention_hash(t, src, mem, (uint64_t)record, (uint32_t)pidx);
	at = mention_find(
	    t, src, mem, (uint64_t)record, (uint32_t)pidx, h, NULL);
	if (at != NONE) {
		if (t->ments[at].person != pid)
			return bad(ld, ld->lineno,
			    "mention given before with another \"person\"");
		return SB_OK;
	}
	if (t->nments >= SB_TRUTH_MENTIONS_MAX)
		return ld->st = sb_seterr(ld->e, SB_FATAL, SB_E_NOMEM,
		           "%s:%zu: more than %zu mentions", ld->path,
		           ld->lineno, SB_TRUTH_MENTIONS_MAX);
	if ((t->nments + 1) * 2 > t->nmslots && mention_rehash(t) != 0)
		return nomem(ld);
	if (t->nments == t->capments) {
		size_t cap = t->capments ? t->capments * 2 : 1024;

		if ((m = realloc(t->ments, cap * sizeof(*m))) == NULL)
			return nomem(ld);
		t->ments = m;
		t->capments = cap;
	}
	(void)mention_find(
	    t, src, mem, (uint64_t)record, (uint32_t)pidx, h, &slot);
	m = &t->ments[t->nments];
	m->record = (uint64_t)record;
	m->src = src;
	m->member = mem;
	m->pidx = (uint32_t)pidx;
	m->person = pid;
	m->hash = h;
	t->mslots[slot] = (uint32_t)t->nments++;
	return SB_OK;
}

static int
ndjson_check(struct load *ld, const cJSON *o, const char *line, size_t len,
    const char *end)
{
	const cJSON *sb, *kind;

	for (size_t i = (size_t)(end - line); i < len; i++)
		if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r' &&
		    line[i] != '\n')
			return bad(ld, ld->lineno, "text after the JSON value");
	sb = cJSON_GetObjectItemCaseSensitive(o, "sb");
	kind = cJSON_GetObjectItemCaseSensitive(o, "kind");
	if (!cJSON_IsObject(o) || !cJSON_IsString(sb) ||
	    strcmp(sb->valuestring, "truth/1") != 0)
		return bad(ld, ld->lineno, "not a truth/1 line");
	if (!cJSON_IsString(kind))
		return bad(ld, ld->lineno, "no \"kind\" (a string)");
	if (strcmp(kind->valuestring, "mention") == 0)
		return add_mention(ld, o);
	return SB_OK;
}

/* A line of a truth/1 file, parsed in the thread's cJSON arena (a
 * million mentions' truth is a gigabyte of JSON). */
static int
ndjson_line(struct load *ld, const char *line, size_t len)
{
	struct sb_json_arena *a = sb_json_scope_begin();
	const char *end;
	cJSON *o;
	int st;

	if ((o = cJSON_ParseWithLengthOpts(line, len, &end, 0)) == NULL)
		st = bad(ld, ld->lineno, "not a JSON value");
	else
		st = ndjson_check(ld, o, line, len, end);
	sb_json_scope_end(a, o);
	return st;
}

static void
csv_field(void *s, size_t len, void *arg)
{
	struct load *ld = arg;
	size_t k = ld->nfields++;
	char *p;

	if (ld->st != SB_OK || k >= 2)
		return;
	if (len + 1 > ld->fcap[k]) {
		if ((p = realloc(ld->field[k], len + 1)) == NULL) {
			nomem(ld);
			return;
		}
		ld->field[k] = p;
		ld->fcap[k] = len + 1;
	}
	if (len > 0)
		memcpy(ld->field[k], s, len);
	ld->field[k][len] = '\0';
	ld->flen[k] = len;
}

static void
csv_row(int c, void *arg)
{
	struct load *ld = arg;
	struct sb_truth *t = ld->t;
	uint32_t ref, pid;
	bool added;
	size_t nf = ld->nfields;

	(void)c;
	ld->nfields = 0;
	if (ld->st != SB_OK)
		return;
	if (ld->nrows++ == 0 && nf == 2 &&
	    strcasecmp(ld->field[0], "mention") == 0 &&
	    strcasecmp(ld->field[1], "id") == 0)
		return;
	if (nf != 2) {
		bad(ld, ld->rowline,
		    "want 2 fields (mention reference, true id)");
		return;
	}
	if (ld->flen[0] == 0 || ld->flen[1] == 0) {
		bad(ld, ld->rowline, "empty field");
		return;
	}
	if (memchr(ld->field[0], '#', ld->flen[0]) == NULL) {
		bad(ld, ld->rowline,
		    "the mention reference has no '#' "
		    "(want <case_id>#<pid>)");
		return;
	}
	if (sb_pool_intern(t->persons, ld->field[1], ld->flen[1], &pid, NULL) !=
	    0) {
		nomem(ld);
		return;
	}
	if (sb_pool_count(t->refs) >= SB_TRUTH_MENTIONS_MAX) {
		ld->st = sb_seterr(ld->e, SB_FATAL, SB_E_NOMEM,
		    "%s:%zu: more than %zu mentions", ld->path, ld->rowline,
		    SB_TRUTH_MENTIONS_MAX);
		return;
	}
	if (sb_pool_intern(t->refs, ld->field[0], ld->flen[0], &ref, &added) !=
	    0) {
		nomem(ld);
		return;
	}
	if (added)
		sb_pool_setval(t->refs, ref, pid);
	else if (sb_pool_val(t->refs, ref) != pid)
		bad(ld, ld->rowline,
		    "mention given before with another true id");
}

/* Whether line[len] holds only spaces, tabs, CR and LF. */
static bool
blank(const char *line, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r' &&
		    line[i] != '\n')
			return false;
	return true;
}

/* Feed a CSV line to libcsv; *pending: bytes of a row not ended yet. */
static int
csv_line(struct load *ld, const char *line, size_t len, size_t *pending)
{
	size_t rows = ld->nrows;

	if (*pending == 0) {
		if (blank(line, len))
			return SB_OK;
		ld->rowline = ld->lineno;
	}
	if (csv_parse(&ld->csv, line, len, csv_field, csv_row, ld) != len &&
	    ld->st == SB_OK)
		return bad(ld, ld->rowline,
		    csv_error(&ld->csv) == CSV_EPARSE
		        ? "malformed CSV (a quote inside an unquoted field, "
		          "or text after a closing quote)"
		        : "CSV parser out of memory");
	if (ld->st != SB_OK)
		return ld->st;
	if (ld->nrows != rows)
		*pending = 0;
	else if ((*pending += len) > SB_TRUTH_LINE_MAX)
		return ld->st = sb_seterr(ld->e, SB_FATAL, SB_E_NOMEM,
		           "%s:%zu: CSV row longer than %zu bytes", ld->path,
		           ld->rowline, SB_TRUTH_LINE_MAX);
	return SB_OK;
}

static int
load_lines(struct load *ld, FILE *f)
{
	struct lines l = {.f = f};
	bool first = true, csv = false;
	size_t len = 0, pending = 0;
	char *line = NULL;
	int r;

	if ((l.buf = malloc(READ_BYTES * 2)) == NULL)
		return nomem(ld);
	l.cap = READ_BYTES * 2;
	while (ld->st == SB_OK) {
		r = next_line(&l, ld->path, ld->lineno + 1, &line, &len, ld->e);
		if (r < 0) {
			ld->st = SB_FATAL;
			break;
		}
		if (r == 0)
			break;
		ld->lineno++;
		if (first) {
			if (ld->lineno == 1 && len >= 3 &&
			    memcmp(line, "\xef\xbb\xbf", 3) == 0) {
				line += 3;
				len -= 3;
			}
			if (blank(line, len))
				continue;
			first = false;
			for (size_t i = 0; i < len; i++) {
				if (line[i] == ' ' || line[i] == '\t')
					continue;
				csv = line[i] != '{';
				break;
			}
			ld->t->format = csv ? SB_TRUTH_REF : SB_TRUTH_PROV;
			if (csv &&
			    csv_init(&ld->csv, CSV_STRICT | CSV_STRICT_FINI) !=
			        0) {
				nomem(ld);
				break;
			}
		}
		if (csv)
			csv_line(ld, line, len, &pending);
		else if (!blank(line, len))
			ndjson_line(ld, line, len);
	}
	if (ld->st == SB_OK && first)
		ld->st = sb_seterr(ld->e, SB_FATAL, SB_E_DATA,
		    "%s: no ground truth (empty file)", ld->path);
	if (csv) {
		if (ld->st == SB_OK &&
		    csv_fini(&ld->csv, csv_field, csv_row, ld) != 0 &&
		    ld->st == SB_OK)
			bad(ld, ld->rowline, "quoted field not closed");
		csv_free(&ld->csv);
	}
	free(l.buf);
	return ld->st;
}

int
sb_truth_load(struct sb_truth **out, const char *path, struct sb_err *e)
{
	struct load ld = {.path = path, .e = e, .st = SB_OK};
	struct sb_truth *t;
	FILE *f;

	*out = NULL;
	if (sodium_init() < 0)
		return sb_seterr(
		    e, SB_FATAL, SB_E_NOMEM, "libsodium cannot start");
	if ((f = fopen(path, "rb")) == NULL)
		return sb_seterr(
		    e, SB_FATAL, SB_E_NOINPUT, "%s: %s", path, strerror(errno));
	if ((t = calloc(1, sizeof(*t))) == NULL) {
		fclose(f);
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
	}
	if (sb_pool_new(&t->sources, 0) != 0 ||
	    sb_pool_new(&t->members, 0) != 0 ||
	    sb_pool_new(&t->persons, 0) != 0 ||
	    sb_pool_new(&t->refs, SB_POOL_VALUES) != 0 ||
	    sb_pool_new(&t->cache, SB_POOL_VALUES) != 0) {
		sb_truth_free(t);
		fclose(f);
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
	}
	ld.t = t;
	load_lines(&ld, f);
	free(ld.field[0]);
	free(ld.field[1]);
	fclose(f);
	if (ld.st != SB_OK) {
		sb_truth_free(t);
		return SB_FATAL;
	}
	*out = t;
	return SB_OK;
}

void
sb_truth_free(struct sb_truth *t)
{
	if (t == NULL)
		return;
	sb_pool_free(t->sources);
	sb_pool_free(t->members);
	sb_pool_free(t->persons);
	sb_pool_free(t->refs);
	sb_pool_free(t->cache);
	free(t->ments);
	free(t->mslots);
	free(t);
}

enum sb_truth_format
sb_truth_format(const struct sb_truth *t)
{
	return t->format;
}

size_t
sb_truth_count(const struct sb_truth *t)
{
	if (t == NULL)
		return 0;
	return t->format == SB_TRUTH_REF ? sb_pool_count(t->refs) : t->nments;
}

/* ------------------------------------------------------------ lookups */

/* The truth source id a provenance source stands for, or 0: the longest
 * truth source that equals it or ends it after a '/'. */
static uint32_t
resolve(const struct sb_truth *t, const char *s, size_t len)
{
	uint32_t id;
	size_t i;

	if ((id = sb_pool_find(t->sources, s, len)) != 0)
		return id;
	for (i = 0; i < len; i++)
		if (s[i] == '/' &&
		    (id = sb_pool_find(t->sources, s + i + 1, len - i - 1)) !=
		        0)
			return id;
	return 0;
}

/* resolve(), through the cache; the cache is left as it is when full or
 * out of memory. */
static uint32_t
resolve_cached(struct sb_truth *t, const char *s)
{
	size_t len = strlen(s);
	uint32_t id, src;
	bool added;

	if ((id = sb_pool_find(t->cache, s, len)) != 0)
		return sb_pool_val(t->cache, id);
	src = resolve(t, s, len);
	/* Ids up to SB_TRUTH_CACHE_MAX - 1. */
	if (sb_pool_count(t->cache) + 1 >= SB_TRUTH_CACHE_MAX)
		return src;
	if (sb_pool_intern(t->cache, s, len, &id, &added) == 0 && added)
		sb_pool_setval(t->cache, id, src);
	return src;
}

const char *
sb_truth_by_prov(struct sb_truth *t, const char *source, const char *member,
    long record, int person_index)
{
	uint32_t src, mem = 0, at;

	if (t == NULL || t->format != SB_TRUTH_PROV || source == NULL ||
	    record < 1 || person_index < 0 || t->nments == 0)
		return NULL;
	if ((src = resolve_cached(t, source)) == 0)
		return NULL;
	if (member != NULL &&
	    (mem = sb_pool_find(t->members, member, strlen(member))) == 0)
		return NULL;
	at = mention_find(t, src, mem, (uint64_t)record, (uint32_t)person_index,
	    mention_hash(t, src, mem, (uint64_t)record, (uint32_t)person_index),
	    NULL);
	return at == NONE ? NULL : sb_pool_str(t->persons, t->ments[at].person);
}

static const char *
by_ref(const struct sb_truth *t, const char *ref, size_t len)
{
	uint32_t id;

	if ((id = sb_pool_find(t->refs, ref, len)) == 0)
		return NULL;
	return sb_pool_str(t->persons, sb_pool_val(t->refs, id));
}

const char *
sb_truth_by_ref(const struct sb_truth *t, const char *ref)
{
	if (t == NULL || t->format != SB_TRUTH_REF || ref == NULL)
		return NULL;
	return by_ref(t, ref, strlen(ref));
}

const char *
sb_truth_by_case(const struct sb_truth *t, const char *case_id, const char *pid)
{
	char small[256], *buf = small;
	const char *r;
	size_t a, b;

	if (t == NULL || t->format != SB_TRUTH_REF || case_id == NULL ||
	    pid == NULL)
		return NULL;
	a = strlen(case_id);
	b = strlen(pid);
	if (a > SB_TRUTH_LINE_MAX || b > SB_TRUTH_LINE_MAX)
		return NULL; /* no such reference was read */
	if (a + b + 1 > sizeof(small) && (buf = malloc(a + b + 1)) == NULL)
		return NULL;
	memcpy(buf, case_id, a);
	buf[a] = '#';
	memcpy(buf + a + 1, pid, b);
	r = by_ref(t, buf, a + b + 1);
	if (buf != small)
		free(buf);
	return r;
}

/* ------------------------------------------------------------ metrics */

/* Dense ids of labels. */
struct dense {
	uint32_t *slots; /* ids, NONE when empty */
	size_t nslots;   /* a power of two */
	size_t *keys;    /* by id */
	size_t nkeys, capkeys;
};

static void
dense_free(struct dense *d)
{
	free(d->slots);
	free(d->keys);
}

static int
dense_rehash(struct dense *d)
{
	size_t n = d->nslots ? d->nslots * 2 : 256, mask = n - 1, i, j;
	uint32_t *slots;

	if (n > SIZE_MAX / sizeof(*slots) ||
	    (slots = malloc(n * sizeof(*slots))) == NULL)
		return -1;
	memset(slots, 0xff, n * sizeof(*slots));
	for (i = 0; i < d->nkeys; i++) {
		for (j = sb_mix64(d->keys[i], 0) & mask; slots[j] != NONE;
		     j = (j + 1) & mask)
			continue;
		slots[j] = (uint32_t)i;
	}
	free(d->slots);
	d->slots = slots;
	d->nslots = n;
	return 0;
}

/* The dense id of key, added when new; -1 when out of memory. */
static int
dense_id(struct dense *d, size_t key, uint32_t *id)
{
	size_t i, mask;

	if ((d->nkeys + 1) * 2 > d->nslots && dense_rehash(d) != 0)
		return -1;
	mask = d->nslots - 1;
	for (i = sb_mix64(key, 0) & mask; d->slots[i] != NONE; i = (i + 1) & mask)
		if (d->keys[d->slots[i]] == key) {
			*id = d->slots[i];
			return 0;
		}
	if (d->nkeys == d->capkeys) {
		size_t cap = d->capkeys ? d->capkeys * 2 : 256;
		size_t *k;

		if (cap > SIZE_MAX / sizeof(*k) ||
		    (k = realloc(d->keys, cap * sizeof(*k))) == NULL)
			return -1;
		d->keys = k;
		d->capkeys = cap;
	}
	d->keys[d->nkeys] = key;
	d->slots[i] = (uint32_t)d->nkeys;
	*id = (uint32_t)d->nkeys++;
	return 0;
}

static uint64_t
pairs_of(uint64_t x)
{
	return x < 2 ? 0 : x * (x - 1) / 2;
}

static double
ratio(uint64_t a, uint64_t b)
{
	return b == 0 ? 1.0 : (double)a / (double)b;
}

static double
harmonic(double p, double r)
{
	return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

int
sb_linkeval_score(const size_t *pred, const size_t *truth, size_t n,
    struct sb_linkeval *m, struct sb_err *e)
{
	struct dense dp = {0}, dt = {0};
	uint32_t *pid = NULL, *tid = NULL, *ord = NULL, *pos = NULL;
	uint32_t *bsize = NULL, *cnt = NULL, t;
	uint64_t *sqt = NULL, sq, x;
	double b3p = 0, b3r = 0;
	size_t i, k, c, L = 0, from;
	int st = SB_FATAL;

	memset(m, 0, sizeof(*m));
	if (n >= UINT32_MAX)
		return sb_seterr(e, SB_FATAL, SB_E_USAGE,
		    "%zu mentions or more to score", (size_t)UINT32_MAX);
	if ((pid = malloc((n ? n : 1) * sizeof(*pid))) == NULL ||
	    (tid = malloc((n ? n : 1) * sizeof(*tid))) == NULL ||
	    (ord = malloc((n ? n : 1) * sizeof(*ord))) == NULL)
		goto nomem;
	for (i = 0; i < n; i++) {
		if (truth[i] == SB_LINKEVAL_NONE)
			continue;
		if (dense_id(&dp, pred[i], &pid[L]) != 0 ||
		    dense_id(&dt, truth[i], &tid[L]) != 0)
			goto nomem;
		L++;
	}
	/* pos[c + 1]: size of predicted cluster c, then where it ends. */
	if ((pos = calloc(dp.nkeys + 1, sizeof(*pos))) == NULL ||
	    (bsize = calloc(dt.nkeys + 1, sizeof(*bsize))) == NULL ||
	    (cnt = calloc(dt.nkeys + 1, sizeof(*cnt))) == NULL ||
	    (sqt = calloc(dt.nkeys + 1, sizeof(*sqt))) == NULL)
		goto nomem;
	for (k = 0; k < L; k++) {
		pos[pid[k] + 1]++;
		bsize[tid[k]]++;
	}
	for (c = 0; c < dp.nkeys; c++) {
		m->pred_pairs += pairs_of(pos[c + 1]);
		pos[c + 1] += pos[c];
	}
	for (t = 0; t < dt.nkeys; t++)
		m->true_pairs += pairs_of(bsize[t]);
	/* Counting sort by predicted cluster: after it, pos[c] is where
	 * cluster c ends and c - 1 starts. */
	for (k = 0; k < L; k++)
		ord[pos[pid[k]]++] = (uint32_t)k;
	for (c = 0, from = 0; c < dp.nkeys; from = pos[c++]) {
		for (k = from; k < pos[c]; k++)
			cnt[tid[ord[k]]]++;
		sq = 0;
		for (k = from; k < pos[c]; k++) {
			t = tid[ord[k]];
			if ((x = cnt[t]) == 0)
				continue;
			cnt[t] = 0;
			m->tp += pairs_of(x);
			sq += x * x;
			sqt[t] += x * x;
		}
		b3p += (double)sq / (double)(pos[c] - from);
	}
	for (t = 0; t < dt.nkeys; t++)
		b3r += (double)sqt[t] / (double)bsize[t];
	m->n = L;
	m->p = ratio(m->tp, m->pred_pairs);
	m->r = ratio(m->tp, m->true_pairs);
	m->f1 = harmonic(m->p, m->r);
	m->b3p = L == 0 ? 1.0 : b3p / (double)L;
	m->b3r = L == 0 ? 1.0 : b3r / (double)L;
	m->b3f1 = harmonic(m->b3p, m->b3r);
	st = SB_OK;
	goto out;
nomem:
	memset(m, 0, sizeof(*m));
	st = sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory scoring");
out:
	dense_free(&dp);
	dense_free(&dt);
	free(pid);
	free(tid);
	free(ord);
	free(pos);
	free(bsize);
	free(cnt);
	free(sqt);
	return st;
}

int
sb_linkeval_candidates(const struct sb_linkeval_pair *pairs, size_t npairs,
    const size_t *truth, size_t n, uint64_t *tp, struct sb_err *e)
{
	uint64_t c = 0;
	size_t k;

	*tp = 0;
	for (k = 0; k < npairs; k++) {
		uint32_t i = pairs[k].i, j = pairs[k].j;

		if (i >= n || j >= n)
			return sb_seterr(e, SB_FATAL, SB_E_USAGE,
			    "candidate pair %zu: mention index out of range",
			    k);
		if (i != j && truth[i] != SB_LINKEVAL_NONE &&
		    truth[i] == truth[j])
			c++;
	}
	*tp = c;
	return SB_OK;
}

int
sb_linkeval_true_pairs(
    const size_t *truth, size_t n, uint64_t *pairs, struct sb_err *e)
{
	struct dense d = {0};
	uint32_t id, *size = NULL;
	uint64_t total = 0;
	size_t i, cap = 0;
	int st = SB_OK;

	*pairs = 0;
	if (n >= UINT32_MAX)
		return sb_seterr(e, SB_FATAL, SB_E_USAGE,
		    "%zu mentions or more to count", (size_t)UINT32_MAX);
	for (i = 0; i < n; i++) {
		if (truth[i] == SB_LINKEVAL_NONE)
			continue;
		if (dense_id(&d, truth[i], &id) != 0)
			goto nomem;
		if (id >= cap) {
			size_t ncap = cap ? cap * 2 : 256;
			uint32_t *p;

			if ((p = realloc(size, ncap * sizeof(*p))) == NULL)
				goto nomem;
			memset(p + cap, 0, (ncap - cap) * sizeof(*p));
			size = p;
			cap = ncap;
		}
		size[id]++;
	}
	for (i = 0; i < d.nkeys; i++)
		total += pairs_of(size[i]);
	*pairs = total;
	goto out;
nomem:
	st = sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory counting");
out:
	dense_free(&d);
	free(size);
	return st;
}
