/*
 * sb-link: anonymised case/1 records in, the same records out with an
 * entity id on every person and identifier, then link/1 records that say
 * why each pair of mentions was linked.  The work is in libsb/sb_link.c;
 * this file parses options, reads the operands twice (standard input is
 * kept in a temporary file for the second reading), and reports.  Both
 * readings go by batches of lines, parsed or rewritten on both cores and
 * taken in input order.
 */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>
#include <sodium.h>

#include "cli.h"
#include "sb_anon.h"
#include "sb_atomic.h"
#include "sb_json.h"
#include "sb_link.h"
#include "sb_linkeval.h"
#include "sb_scrub.h"

static const char usage_text[] =
"usage: sb-link [options] [file ...]\n"
"Read anonymised case/1 records (as sb-anonymise writes them) from the\n"
"files or standard input, find the person mentions that are one person\n"
"across records and countries, and write the records with an entity id\n"
"on every person and identifier, followed by one link/1 record per\n"
"accepted pair with its match probability and the weight of each field.\n"
"\n"
"  -o, --output FILE         write records to FILE (atomically) not stdout\n"
"  -r, --rejects FILE        write rejected records to FILE (mode 0600)\n"
"  -s, --stats               print counts, the model and timings to\n"
"                            standard error\n"
"      --strict              exit 1 when any record was rejected\n"
"      --threshold P         accept pairs whose match probability is at\n"
"                            least P (default 0.5, from the model)\n"
"      --ignore-id TYPE      do not compare or block on identifiers of\n"
"                            TYPE (repeatable; e.g. national_id)\n"
"      --allow-raw           link case records that were not anonymised\n"
"                            (one authority's own local data): they are\n"
"                            anonymised in memory under a key of the run\n"
"      --max-record BYTES    longest record accepted (default 4194304)\n"
"      --truth FILE          score the result against FILE (sb-synth's\n"
"                            truth.ndjson, or CSV lines \"case_id#pid,id\")\n"
"                            and print precision, recall, F1 and B-cubed\n"
"                            to standard error\n"
"      --links-only          write the link/1 records only\n"
"  -h, --help                show this help and exit\n"
"  -V, --version             show the version and exit\n";

enum {
	OPT_STRICT = 256,
	OPT_THRESHOLD,
	OPT_IGNORE_ID,
	OPT_ALLOW_RAW,
	OPT_TRUTH,
	OPT_LINKS_ONLY,
	OPT_MAX_RECORD,
};

/* Keep sorted by long name. */
static const struct option longopts[] = {
	{"allow-raw", no_argument, NULL, OPT_ALLOW_RAW},
	{"help", no_argument, NULL, 'h'},
	{"ignore-id", required_argument, NULL, OPT_IGNORE_ID},
	{"links-only", no_argument, NULL, OPT_LINKS_ONLY},
	{"max-record", required_argument, NULL, OPT_MAX_RECORD},
	{"output", required_argument, NULL, 'o'},
	{"rejects", required_argument, NULL, 'r'},
	{"stats", no_argument, NULL, 's'},
	{"strict", no_argument, NULL, OPT_STRICT},
	{"threshold", required_argument, NULL, OPT_THRESHOLD},
	{"truth", required_argument, NULL, OPT_TRUTH},
	{"version", no_argument, NULL, 'V'},
	{NULL, 0, NULL, 0},
};

struct opts {
	const char *output, *rejects, *truth;
	bool stats, strict, links_only, allow_raw;
	size_t max_record;
	struct sb_link_opts lo;
};

#define DEFAULT_MAX_RECORD ((size_t)4 << 20)

/* --allow-raw: raw records are anonymised in memory first, under a key
 * made for the run and forgotten with it. */
struct rawenc {
	struct sb_key key;
	struct sb_scrub *scrub;
	struct sb_anon *anon;
	struct sb_anon_work *wk;
	struct sb_buf buf;
};

/* One operand: its name and, for standard input, the copy read back. */
struct source {
	const char *name;
	FILE *spool;
};

/* Where a record is: its source, line, number there (from 1) and
 * number over all sources (from 0, the linker's). */
struct at {
	struct source *s;
	size_t lineno, srcrec, rec;
};

/*
 * Batches: the lines are read by the main thread into a batch of up to
 * BATCH_RECS records or BATCH_BYTES bytes, which THREADS workers (the
 * main thread one of them) parse or rewrite, taking CHUNK records at a
 * time, and the main thread then takes in input order: what is written
 * and what is said does not depend on which thread did what.  Two
 * batches make a pipeline: while a helper thread parses (or rewrites)
 * one, the main thread takes the one before in order and reads the one
 * after, then helps with the rest of the first.
 */
#define BATCH_RECS 4096
#define BATCH_BYTES ((size_t)4 << 20)
#define CHUNK 8
#define THREADS 2

struct slot {
	struct at at;
	size_t off, n;		 /* the line, NUL-terminated, in text */
	struct sb_link_rec *lr;	 /* first reading: the record parsed */
	int st;			 /* second reading: sb_link_rewrite's */
	int worker;		 /* and whose part holds the record */
	size_t ooff, olen;
};

/* A worker's share of a batch on the second reading. */
struct part {
	struct sb_buf out; /* the records it rewrote */
	bool failed;	   /* and its first error */
	struct sb_err e;
};

struct batch {
	struct sb_buf text;
	struct slot *slot; /* BATCH_RECS */
	size_t n;
	atomic_size_t next; /* the next slot for a worker */
	struct part part[THREADS];
};

struct worker;
typedef void (*slot_fn)(struct worker *w, struct batch *b, struct slot *s,
    const char *line);

struct worker {
	struct run *r;
	int id;
};

/* The helper thread: it waits for a batch, takes chunks of it until
 * none is left, says so, and waits for the next. */
struct helper {
	pthread_t th;
	bool started, quit;
	pthread_mutex_t mx;
	pthread_cond_t cv;
	struct batch *job;
	slot_fn fn;
	unsigned long seq, done; /* jobs given, jobs finished */
	struct worker w;
};

struct run {
	struct opts o;
	struct source *src;
	int nsrc;
	struct sb_link *link;
	struct sb_truth *truth;
	struct rawenc raw;
	bool have_raw;
	unsigned char *rejected; /* per record */
	size_t nrec, caprec, nrejected;
	struct sb_atomic out, rej;
	bool have_out, have_rej;
	FILE *outfp;
	struct sb_buf buf, rbuf;
	struct batch b[2]; /* the batch being read, and the one before */
	int cur;
	struct helper h;
	double sec_read, sec_write; /* the two readings, for -s */
};

static double
now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int
parse_option(int c, struct opts *o)
{
	char *end;
	int t;

	switch (c) {
	case 'o':
		o->output = optarg;
		break;
	case 'r':
		o->rejects = optarg;
		break;
	case 's':
		o->stats = true;
		break;
	case OPT_STRICT:
		o->strict = true;
		break;
	case OPT_THRESHOLD:
		errno = 0;
		o->lo.threshold = strtod(optarg, &end);
		if (errno != 0 || *end != '\0' || end == optarg ||
		    !(o->lo.threshold > 0 && o->lo.threshold < 1))
			return sb_cli_usage("--threshold: a probability "
			    "between 0 and 1, exclusive");
		break;
	case OPT_IGNORE_ID:
		if ((t = sb_link_id_type(optarg)) < 0)
			return sb_cli_usage("--ignore-id: not an identifier "
			    "type of case/1");
		o->lo.ignore_ids |= 1u << t;
		break;
	case OPT_ALLOW_RAW:
		o->allow_raw = true;
		break;
	case OPT_MAX_RECORD:
		errno = 0;
		o->max_record = (size_t)strtoull(optarg, &end, 10);
		if (errno != 0 || *end != '\0' || end == optarg ||
		    o->max_record < 64 || o->max_record > ((size_t)1 << 30))
			return sb_cli_usage("--max-record: a number of bytes "
			    "from 64 to 1073741824");
		break;
	case OPT_TRUTH:
		o->truth = optarg;
		break;
	case OPT_LINKS_ONLY:
		o->links_only = true;
		break;
	case 'h':
		fputs(usage_text, stdout);
		exit(sb_cli_close_stdout());
	case 'V':
		sb_cli_version();
		exit(sb_cli_close_stdout());
	default:
		return sb_cli_usage(NULL);
	}
	return SB_EXIT_OK;
}

static int
parse_args(int argc, char **argv, struct opts *o)
{
	int c, st;

	memset(o, 0, sizeof(*o));
	o->lo.threshold = -1;
	o->max_record = DEFAULT_MAX_RECORD;
	while ((c = getopt_long(argc, argv, "ho:r:sV", longopts, NULL)) != -1)
		if ((st = parse_option(c, o)) != SB_EXIT_OK)
			return st;
	return SB_EXIT_OK;
}

/* ------------------------------------------------------------ input */

static FILE *
open_source(struct source *s, bool again)
{
	if (strcmp(s->name, "-") != 0)
		return fopen(s->name, "r");
	if (!again)
		return stdin;
	rewind(s->spool);
	return s->spool;
}

static void
close_source(struct source *s, FILE *fp)
{
	if (fp != stdin && fp != s->spool)
		fclose(fp);
}

static int
mark_rejected(struct run *r, size_t rec)
{
	if (rec >= r->caprec) {
		size_t nc = r->caprec ? r->caprec * 2 : 4096;
		unsigned char *p;

		while (nc <= rec)
			nc *= 2;
		if ((p = realloc(r->rejected, nc)) == NULL)
			return -1;
		memset(p + r->caprec, 0, nc - r->caprec);
		r->rejected = p;
		r->caprec = nc;
	}
	r->rejected[rec] = 1;
	r->nrejected++;
	return 0;
}

/* sb_link_write_links's flush: 0, or -1 with errno set. */
static int
write_out(void *arg, struct sb_buf *b)
{
	if (b->len > 0 && fwrite(b->data, 1, b->len, arg) != b->len)
		return -1;
	sb_buf_reset(b);
	return 0;
}

static int
flush_buf(struct sb_buf *b, FILE *fp)
{
	if (write_out(fp, b) != 0) {
		sb_warnx("writing output: %s", strerror(errno));
		return SB_EXIT_IOERR;
	}
	return SB_EXIT_OK;
}

static int
raw_open(struct run *r)
{
	struct sb_anon_opts ao;
	struct sb_err e;

	memset(&ao, 0, sizeof(ao));
	randombytes_buf(r->raw.key.k, sizeof(r->raw.key.k));
	snprintf(r->raw.key.id, sizeof(r->raw.key.id), "%s", "raw");
	ao.key = &r->raw.key;
	ao.clk = sb_clk_default;
	ao.dates = SB_ANON_MONTH;
	sb_buf_init(&r->raw.buf, (size_t)1 << 32);
	r->have_raw = true;
	if (sb_scrub_new(&r->raw.scrub, &r->raw.key, &e) != SB_OK)
		goto fail;
	ao.scrub = r->raw.scrub;
	if (sb_anon_new(&r->raw.anon, &ao, &e) != SB_OK ||
	    sb_anon_work_new(&r->raw.wk, &e) != SB_OK)
		goto fail;
	return SB_EXIT_OK;
fail:
	sb_warnx("%s", e.msg);
	return sb_cli_exit_for(e.kind);
}

static void
raw_close(struct run *r)
{
	if (!r->have_raw)
		return;
	sb_anon_work_free(r->raw.wk);
	sb_anon_free(r->raw.anon);
	sb_scrub_free(r->raw.scrub);
	sb_buf_release(&r->raw.buf);
	sb_key_wipe(&r->raw.key);
}

/* With --allow-raw, a case/1 record without an anon member is given
 * one (in memory, under the run's key): *line and *n then point at the
 * anonymised record.  SB_OK, SB_REJECT (e set) or SB_FATAL. */
static int
raw_encode(struct run *r, const char **line, size_t *n, struct sb_err *e)
{
	struct sb_anon_counts c;
	cJSON *root;
	const cJSON *sb;
	bool raw;
	int st;

	if (!r->o.allow_raw)
		return SB_OK;
	if ((root = cJSON_ParseWithLength(*line, *n)) == NULL)
		return SB_OK; /* sb_link_add says why */
	sb = cJSON_GetObjectItemCaseSensitive(root, "sb");
	raw = cJSON_IsString(sb) && strcmp(sb->valuestring, "case/1") == 0 &&
	    cJSON_GetObjectItemCaseSensitive(root, "anon") == NULL;
	cJSON_Delete(root);
	if (!raw)
		return SB_OK;
	memset(&c, 0, sizeof(c));
	sb_buf_reset(&r->raw.buf);
	if ((st = sb_anon_record(r->raw.anon, r->raw.wk, *line, *n, NULL,
	    &r->raw.buf, &c, e)) != SB_OK)
		return st;
	*line = r->raw.buf.data;
	*n = r->raw.buf.len;
	while (*n > 0 && (*line)[*n - 1] == '\n')
		(*n)--;
	return SB_OK;
}

static void
batch_init(struct run *r)
{
	for (int i = 0; i < 2; i++) {
		sb_buf_init(&r->b[i].text, (size_t)1 << 34);
		for (int t = 0; t < THREADS; t++)
			sb_buf_init(&r->b[i].part[t].out, (size_t)1 << 34);
	}
}

static void
batch_release(struct run *r)
{
	for (int j = 0; j < 2; j++) {
		struct batch *b = &r->b[j];

		for (size_t i = 0; b->slot != NULL && i < BATCH_RECS; i++)
			sb_link_rec_free(b->slot[i].lr);
		free(b->slot);
		sb_buf_release(&b->text);
		for (int t = 0; t < THREADS; t++)
			sb_buf_release(&b->part[t].out);
	}
}

/* Forget batch b's records, keeping its memory. */
static void
batch_empty(struct batch *b)
{
	b->n = 0;
	sb_buf_reset(&b->text);
}

/* Keep a line in batch b; -1 when out of memory. */
static int
batch_add(struct batch *b, const struct at *at, const char *line, size_t n)
{
	struct slot *s;
	struct sb_err e;

	if (b->slot == NULL &&
	    (b->slot = calloc(BATCH_RECS, sizeof(*b->slot))) == NULL)
		return -1;
	s = &b->slot[b->n];
	if (s->lr == NULL && sb_link_rec_new(&s->lr, &e) != SB_OK)
		return -1;
	s->at = *at;
	s->off = b->text.len;
	s->n = n;
	s->st = SB_OK;
	if (sb_buf_add(&b->text, line, n) < 0 ||
	    sb_buf_addc(&b->text, '\0') < 0)
		return -1;
	b->n++;
	return 0;
}

/* fn on chunks of b until none is left to take. */
static void
take_chunks(struct worker *w, struct batch *b, slot_fn fn)
{
	size_t i, end;

	while ((i = atomic_fetch_add(&b->next, CHUNK)) < b->n) {
		end = i + CHUNK < b->n ? i + CHUNK : b->n;
		for (; i < end; i++)
			fn(w, b, &b->slot[i], b->text.data + b->slot[i].off);
	}
}

static void *
helper_main(void *arg)
{
	struct helper *h = arg;
	unsigned long seen = 0;

	pthread_mutex_lock(&h->mx);
	for (;;) {
		while (!h->quit && h->seq == seen)
			pthread_cond_wait(&h->cv, &h->mx);
		if (h->quit)
			break;
		seen = h->seq;
		pthread_mutex_unlock(&h->mx);
		take_chunks(&h->w, h->job, h->fn);
		pthread_mutex_lock(&h->mx);
		h->done = seen;
		pthread_cond_broadcast(&h->cv);
	}
	pthread_mutex_unlock(&h->mx);
	return NULL;
}

/* The helper, for one reading; without it the main thread does all. */
static void
helper_start(struct run *r)
{
	struct helper *h = &r->h;

	memset(h, 0, sizeof(*h));
	h->w.r = r;
	h->w.id = 1;
	pthread_mutex_init(&h->mx, NULL);
	pthread_cond_init(&h->cv, NULL);
	h->started = pthread_create(&h->th, NULL, helper_main, h) == 0;
}

static void
helper_stop(struct run *r)
{
	struct helper *h = &r->h;

	if (h->started) {
		pthread_mutex_lock(&h->mx);
		h->quit = true;
		pthread_cond_broadcast(&h->cv);
		pthread_mutex_unlock(&h->mx);
		pthread_join(h->th, NULL);
	}
	pthread_mutex_destroy(&h->mx);
	pthread_cond_destroy(&h->cv);
}

/* Start fn on batch b: the helper begins at once. */
static void
job_start(struct run *r, struct batch *b, slot_fn fn)
{
	struct helper *h = &r->h;

	atomic_store(&b->next, 0);
	for (int t = 0; t < THREADS; t++) {
		b->part[t].failed = false;
		sb_buf_reset(&b->part[t].out);
	}
	if (fn == NULL || !h->started)
		return;
	pthread_mutex_lock(&h->mx);
	h->job = b;
	h->fn = fn;
	h->seq++;
	pthread_cond_broadcast(&h->cv);
	pthread_mutex_unlock(&h->mx);
}

/* Help with the job on b, and wait until every record of it is done. */
static void
job_finish(struct run *r, struct batch *b, slot_fn fn)
{
	struct helper *h = &r->h;
	struct worker w = {r, 0};

	if (fn == NULL)
		return;
	take_chunks(&w, b, fn);
	if (!h->started)
		return;
	pthread_mutex_lock(&h->mx);
	while (h->done != h->seq)
		pthread_cond_wait(&h->cv, &h->mx);
	pthread_mutex_unlock(&h->mx);
}

typedef int (*batch_fn)(struct run *r, struct batch *b);

/*
 * The pipeline's step, when batch r->b[r->cur] is full (or its source
 * ended): the job on the batch before is finished; the job on this one
 * started; the batch before taken in order (fn) while the helper works;
 * and it becomes the batch read next.  *pending: whether the batch
 * before holds records.
 */
static int
pipe_step(struct run *r, slot_fn pfn, batch_fn fn, bool *pending)
{
	struct batch *b = &r->b[r->cur], *prev = &r->b[!r->cur];
	int st = SB_EXIT_OK;

	if (b->n == 0)
		return SB_EXIT_OK;
	if (*pending)
		job_finish(r, prev, pfn);
	job_start(r, b, pfn);
	if (*pending) {
		st = fn(r, prev);
		batch_empty(prev);
	}
	*pending = true;
	r->cur = !r->cur;
	return st;
}

/* Call pfn on every record (on both threads) and then fn for every
 * batch of records of every source, in order: the first reading keeps a
 * copy of standard input for the second.  A batch ends with its source.
 * Stops at the first status that is not SB_EXIT_OK; *nrec gets the
 * records seen. */
static int
each_record(struct run *r, bool again, slot_fn pfn, batch_fn fn,
    size_t *nrec)
{
	char *line = NULL;
	size_t cap = 0, n;
	struct at at = {0};
	int st = SB_EXIT_OK, k = 0;
	bool spool_err = false, pending = false;

	helper_start(r);
	for (int i = 0; i < r->nsrc && st == SB_EXIT_OK; i++) {
		FILE *fp;

		at.s = &r->src[i];
		if ((fp = open_source(at.s, again)) == NULL) {
			sb_warnx("%s: %s", at.s->name, strerror(errno));
			st = SB_EXIT_NOINPUT;
			break;
		}
		if (fp == stdin && (at.s->spool = tmpfile()) == NULL) {
			sb_warnx("cannot make a temporary file: %s",
			    strerror(errno));
			st = SB_EXIT_CANTCREAT;
			break;
		}
		at.lineno = at.srcrec = 0;
		while (st == SB_EXIT_OK &&
		    (k = sb_ndjson_line(fp, &line, &cap, &n)) > 0) {
			struct batch *b = &r->b[r->cur];

			at.lineno++;
			if (!again && at.s->spool != NULL &&
			    (fwrite(line, 1, n, at.s->spool) != n ||
			    putc('\n', at.s->spool) == EOF)) {
				spool_err = true;
				break;
			}
			if (sb_ndjson_blank(line, n))
				continue;
			at.srcrec++;
			if (batch_add(b, &at, line, n) < 0) {
				sb_warnx("out of memory");
				st = SB_EXIT_SOFTWARE;
				break;
			}
			at.rec++;
			if (b->n == BATCH_RECS || b->text.len >= BATCH_BYTES)
				st = pipe_step(r, pfn, fn, &pending);
		}
		if (st == SB_EXIT_OK)
			st = pipe_step(r, pfn, fn, &pending);
		if (spool_err && st == SB_EXIT_OK) {
			sb_warnx("writing a temporary file: %s",
			    strerror(errno));
			st = SB_EXIT_IOERR;
		}
		if (k < 0 && st == SB_EXIT_OK) {
			sb_warnx("%s: read error: %s", at.s->name,
			    strerror(errno));
			st = SB_EXIT_IOERR;
		}
		close_source(at.s, fp);
	}
	/* The batch in the pipeline: finished even after an error, for the
	 * helper not to work on it past here, and taken in order if all is
	 * well. */
	if (pending) {
		job_finish(r, &r->b[!r->cur], pfn);
		if (st == SB_EXIT_OK)
			st = fn(r, &r->b[!r->cur]);
	}
	batch_empty(&r->b[0]);
	batch_empty(&r->b[1]);
	helper_stop(r);
	*nrec = at.rec;
	free(line);
	return st;
}

/* First reading, on a worker: a record parsed for read_record (not one
 * longer than --max-record, not with --allow-raw: raw_encode is not for
 * threads).  A failure is sb_link_commit's to say, in order. */
static void
parse_slot(struct worker *w, struct batch *b, struct slot *s,
    const char *line)
{
	struct sb_err e;

	(void)b;
	if (s->n <= w->r->o.max_record)
		(void)sb_link_parse(w->r->link, line, s->n, s->lr, &e);
}

/* First reading, in order: a record into the linker, or into the
 * rejects. */
static int
read_record(struct run *r, const struct slot *s, const char *line)
{
	const char *text = line;
	size_t n = s->n, len = n;
	bool cut = n > r->o.max_record;
	struct sb_err e;
	int k;

	e.kind = SB_E_NONE;
	e.msg[0] = '\0';
	if (cut)
		k = sb_seterr(&e, SB_REJECT, SB_E_DATA,
		    "record longer than --max-record");
	else if (!r->o.allow_raw)
		k = sb_link_commit(r->link, s->at.rec, s->lr, &e);
	else if ((k = raw_encode(r, &text, &len, &e)) == SB_OK &&
	    (k = sb_link_parse(r->link, text, len, s->lr, &e)) == SB_OK)
		k = sb_link_commit(r->link, s->at.rec, s->lr, &e);
	if (k == SB_REJECT) {
		if (mark_rejected(r, s->at.rec) < 0) {
			sb_warnx("out of memory");
			return SB_EXIT_SOFTWARE;
		}
		if (r->have_rej)
			sb_reject_ndjson(&r->rbuf, s->at.s->name, s->at.srcrec,
			    s->at.lineno, e.msg, cut, line,
			    cut ? r->o.max_record : n);
	} else if (k != SB_OK) {
		sb_warnx("%s: line %zu: %s", s->at.s->name, s->at.lineno,
		    e.msg);
		return sb_cli_exit_for(e.kind);
	}
	if (r->have_rej && r->rbuf.len > (1u << 20))
		return flush_buf(&r->rbuf, r->rej.fp);
	return SB_EXIT_OK;
}

static int
read_batch(struct run *r, struct batch *b)
{
	int st = SB_EXIT_OK;

	for (size_t i = 0; i < b->n && st == SB_EXIT_OK; i++)
		st = read_record(r, &b->slot[i], b->text.data + b->slot[i].off);
	return st;
}

static bool
rejected(const struct run *r, size_t rec)
{
	return rec < r->caprec && r->rejected[rec];
}

/* Second reading, on a worker: a record again, with its entity ids. */
static void
rewrite_slot(struct worker *w, struct batch *b, struct slot *s,
    const char *line)
{
	const struct run *r = w->r;
	struct part *p = &b->part[w->id];
	struct sb_err e;

	if (s->at.rec >= r->nrec || rejected(r, s->at.rec))
		return;
	s->worker = w->id;
	s->ooff = p->out.len;
	s->st = sb_link_rewrite(r->link, s->at.rec, line, s->n, &p->out, &e);
	s->olen = p->out.len - s->ooff;
	if (s->st != SB_OK && !p->failed) {
		p->e = e;
		p->failed = true;
	}
}

/* Second reading, in order: the records rewritten to the output.  A
 * worker's first error is the first of its records that failed, so the
 * first in order. */
static int
write_batch(struct run *r, struct batch *b)
{
	int st = SB_EXIT_OK;

	for (size_t i = 0; i < b->n && st == SB_EXIT_OK; i++) {
		const struct slot *s = &b->slot[i];
		const struct part *w = &b->part[s->worker];

		if (s->at.rec >= r->nrec) {
			sb_warnx("%s: changed while it was read",
			    s->at.s->name);
			return SB_EXIT_DATAERR;
		}
		if (rejected(r, s->at.rec))
			continue;
		if (s->st != SB_OK) {
			sb_warnx("%s: %s", s->at.s->name, w->e.msg);
			return sb_cli_exit_for(w->e.kind);
		}
		if (sb_buf_add(&r->buf, w->out.data + s->ooff, s->olen) < 0) {
			sb_warnx("%s: output too large", s->at.s->name);
			return sb_cli_exit_for(SB_E_NOMEM);
		}
		if (r->buf.len > (1u << 20))
			st = flush_buf(&r->buf, r->outfp);
	}
	return st;
}

static int
read_pass(struct run *r)
{
	/* --allow-raw: raw_encode is not for threads, so the records are
	 * parsed in order, in read_record. */
	return each_record(r, false, r->o.allow_raw ? NULL : parse_slot,
	    read_batch, &r->nrec);
}

static int
write_pass(struct run *r)
{
	size_t nrec;
	int st = each_record(r, true, rewrite_slot, write_batch, &nrec);

	if (st == SB_EXIT_OK && nrec != r->nrec) {
		sb_warnx("the input changed between the two readings");
		st = SB_EXIT_DATAERR;
	}
	return st;
}

/* ------------------------------------------------------------ report */

static void
print_stats(const struct run *r)
{
	const struct sb_link_stats *s = sb_link_stats(r->link);

	fprintf(stderr, "%s: stats: records %zu cases %zu passed %zu "
	    "rejected %zu mentions %zu encoded %zu\n", sb_progname,
	    s->records, s->cases, s->passed, r->nrejected, s->mentions,
	    s->mentions_encoded);
	fprintf(stderr, "%s: stats: candidates %llu of %llu possible "
	    "pairs, reduction ratio %.6f, blocks skipped %zu, windowed %zu\n",
	    sb_progname, (unsigned long long)s->candidates,
	    (unsigned long long)s->comparisons_possible, s->reduction_ratio,
	    s->blocks_skipped, s->blocks_windowed);
	fprintf(stderr, "%s: stats: model: matches among candidates %.4f "
	    "(EM, %d iterations)\n", sb_progname, s->lambda,
	    s->em_iterations);
	for (int f = 0; f < SB_LF_COUNT; f++) {
		fprintf(stderr, "%s: stats: field %s m/u", sb_progname,
		    sb_link_field_name((enum sb_link_field)f));
		for (int v = 0; v < s->levels[f]; v++)
			fprintf(stderr, " %.4f/%.4f", s->m[f][v], s->u[f][v]);
		fputc('\n', stderr);
	}
	fprintf(stderr, "%s: stats: links %llu entities %zu (%zu of more "
	    "than one mention)\n", sb_progname,
	    (unsigned long long)s->links, s->entities, s->entities_multi);
	fprintf(stderr, "%s: stats: seconds: block %.2f compare %.2f "
	    "model %.2f cluster %.2f read %.2f write %.2f\n", sb_progname,
	    s->seconds_block, s->seconds_compare, s->seconds_em,
	    s->seconds_cluster, r->sec_read, r->sec_write);
}

/* Score the entities against the truth: pairwise and B-cubed. */
static int
evaluate(const struct run *r)
{
	struct sb_truth *t;
	struct sb_err e;
	struct sb_linkeval m;
	size_t nm = sb_link_mentions(r->link), n = 0, np, i;
	size_t *pred = NULL, *truth = NULL, *label = NULL;
	const uint64_t *pairs = sb_link_pairs(r->link, &np);
	uint64_t cand_true = 0, true_pairs;
	int st = SB_EXIT_SOFTWARE;

	t = r->truth;
	pred = malloc((nm + 1) * sizeof(size_t));
	truth = malloc((nm + 1) * sizeof(size_t));
	label = malloc((nm + 1) * sizeof(size_t));
	if (pred == NULL || truth == NULL || label == NULL)
		goto out;
	for (i = 0; i < nm; i++) {
		struct sb_link_mention_info mi;
		const char *id;

		sb_link_mention(r->link, i, &mi);
		if (sb_truth_format(t) == SB_TRUTH_REF)
			id = sb_truth_by_case(t, mi.case_id, mi.pid);
		else
			id = mi.source != NULL && mi.record > 0 ?
			    sb_truth_by_prov(t, mi.source, mi.member,
			    mi.record, (int)mi.person) : NULL;
		/* The truth keeps one copy of each id: its address is a
		 * label. */
		label[i] = id != NULL ? (size_t)(uintptr_t)id :
		    SB_LINKEVAL_NONE;
		if (label[i] == SB_LINKEVAL_NONE)
			continue;
		pred[n] = mi.entity;
		truth[n] = label[i];
		n++;
	}
	if (sb_linkeval_score(pred, truth, n, &m, &e) != SB_OK) {
		sb_warnx("%s", e.msg);
		goto out;
	}
	true_pairs = m.true_pairs;
	for (i = 0; i < np; i++) {
		size_t a = label[pairs[i] >> 32], b = label[pairs[i] & 0xffffffffu];

		cand_true += a != SB_LINKEVAL_NONE && a == b;
	}
	fprintf(stderr, "%s: truth: %zu of %zu mentions known\n", sb_progname,
	    n, nm);
	fprintf(stderr, "%s: truth: pairs completeness %.6f (%llu of %llu "
	    "true pairs among the candidates)\n", sb_progname, true_pairs ?
	    (double)cand_true / (double)true_pairs : 1.0,
	    (unsigned long long)cand_true, (unsigned long long)true_pairs);
	fprintf(stderr, "%s: truth: pairwise precision %.6f recall %.6f "
	    "F1 %.6f (%llu of %llu predicted pairs true)\n", sb_progname, m.p,
	    m.r, m.f1, (unsigned long long)m.tp,
	    (unsigned long long)m.pred_pairs);
	fprintf(stderr, "%s: truth: B-cubed precision %.6f recall %.6f "
	    "F1 %.6f\n", sb_progname, m.b3p, m.b3r, m.b3f1);
	st = SB_EXIT_OK;
out:
	if (st == SB_EXIT_SOFTWARE && pred == NULL)
		sb_warnx("out of memory");
	free(pred);
	free(truth);
	free(label);
	return st;
}

/* ------------------------------------------------------------- main */

static int
open_outputs(struct run *r)
{
	int st;

	if ((st = sb_cli_open_output(&r->out, r->o.output, &r->have_out)) !=
	    SB_EXIT_OK ||
	    (st = sb_cli_open_output(&r->rej, r->o.rejects, &r->have_rej)) !=
	    SB_EXIT_OK)
		return st;
	r->outfp = r->have_out ? r->out.fp : stdout;
	return SB_EXIT_OK;
}

static int
finish(struct run *r, int st)
{
	bool to_stdout = !r->have_out;

	if (r->have_rej && st == SB_EXIT_OK)
		st = flush_buf(&r->rbuf, r->rej.fp);
	st = sb_cli_close_output(&r->rej, &r->have_rej, st == SB_EXIT_OK ||
	    st == SB_EXIT_REJECTS, st);
	st = sb_cli_close_output(&r->out, &r->have_out, st == SB_EXIT_OK ||
	    st == SB_EXIT_REJECTS, st);
	if (to_stdout) {
		int cs = sb_cli_close_stdout();

		if (st == SB_EXIT_OK)
			st = cs;
	}
	return st;
}

static int
run_all(struct run *r)
{
	struct sb_err e;
	double t;
	int st;

	/* A bad truth file is said before the work, not after. */
	if (r->o.truth != NULL && sb_truth_load(&r->truth, r->o.truth, &e) !=
	    SB_OK) {
		sb_warnx("%s", e.msg);
		return sb_cli_exit_for(e.kind);
	}
	if (r->o.allow_raw && (st = raw_open(r)) != SB_EXIT_OK)
		return st;
	if ((st = open_outputs(r)) != SB_EXIT_OK)
		return st;
	if (sb_link_new(&r->link, &r->o.lo, &e) != SB_OK) {
		sb_warnx("%s", e.msg);
		return SB_EXIT_SOFTWARE;
	}
	t = now();
	if ((st = read_pass(r)) != SB_EXIT_OK)
		return st;
	r->sec_read = now() - t;
	if (sb_link_run(r->link, &e) != SB_OK) {
		sb_warnx("%s", e.msg);
		return sb_cli_exit_for(e.kind);
	}
	t = now();
	if (!r->o.links_only && (st = write_pass(r)) != SB_EXIT_OK)
		return st;
	if (sb_link_write_links(r->link, &r->buf, write_out, r->outfp,
	    &e) != SB_OK) {
		sb_warnx("%s", e.msg);
		return e.kind == SB_E_IO ? SB_EXIT_IOERR : SB_EXIT_SOFTWARE;
	}
	if ((st = flush_buf(&r->buf, r->outfp)) != SB_EXIT_OK)
		return st;
	r->sec_write = now() - t;
	if (r->o.stats)
		print_stats(r);
	if (r->o.truth != NULL && (st = evaluate(r)) != SB_EXIT_OK)
		return st;
	if (r->nrejected > 0 && !r->have_rej)
		sb_warnx("%zu records rejected (use -r FILE to keep them)",
		    r->nrejected);
	if (r->nrejected > 0 && r->o.strict)
		return SB_EXIT_REJECTS;
	return SB_EXIT_OK;
}

int
main(int argc, char **argv)
{
	static struct source stdin_src = {"-", NULL};
	struct run r;
	int st, nstdin = 0;

	sb_cli_init(argv[0]);
	memset(&r, 0, sizeof(r));
	if ((st = parse_args(argc, argv, &r.o)) != SB_EXIT_OK)
		return st;
	sb_buf_init(&r.buf, (size_t)1 << 34);
	sb_buf_init(&r.rbuf, (size_t)1 << 34);
	batch_init(&r);
	if (optind == argc) {
		r.src = &stdin_src;
		r.nsrc = 1;
	} else {
		if ((r.src = calloc((size_t)(argc - optind),
		    sizeof(*r.src))) == NULL) {
			sb_warnx("out of memory");
			return SB_EXIT_SOFTWARE;
		}
		for (int i = optind; i < argc; i++) {
			r.src[r.nsrc++].name = argv[i];
			nstdin += strcmp(argv[i], "-") == 0;
		}
		if (nstdin > 1) {
			free(r.src);
			return sb_cli_usage("standard input given twice");
		}
	}
	st = finish(&r, run_all(&r));
	for (int i = 0; i < r.nsrc; i++)
		if (r.src[i].spool != NULL)
			fclose(r.src[i].spool);
	if (r.src != &stdin_src)
		free(r.src);
	sb_link_free(r.link);
	sb_truth_free(r.truth);
	raw_close(&r);
	free(r.rejected);
	sb_buf_release(&r.buf);
	sb_buf_release(&r.rbuf);
	batch_release(&r);
	return st;
}
