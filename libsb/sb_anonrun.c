#include "sb_anonrun.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include <sodium.h>

#include "sb_json.h"

/* A batch's text and output stay in a core's caches, and the last batch,
 * which one thread works alone, is short: 256 KiB took 5% less time than
 * 1 MiB over 20k cases (interleaved runs; 128 KiB no less again). */
#define BATCH_BYTES (256u << 10)
#define READ_BYTES (64u << 10) /* read at a time into a batch */
#define DEFAULT_MAX_RECORD (4u << 20)
#define MAX_THREADS 8
/* Batches a worker may have done before theirs are written: the two
 * cores of a virtual machine run at different speeds (one a quarter
 * slower for seconds at a time), and a worker that had to wait for the
 * other's batch before reading its next one went at the slower's pace. */
#define BATCHES_PER_THREAD 3
#define OUT_LIMIT ((size_t)1 << 32) /* a batch's output, rejects, hits */

struct line {
	size_t off, len;
	size_t rec;	   /* record index in the source, from 0 */
	size_t lineno;	   /* from 1 */
	uint64_t hash;	   /* of the line, in a survey */
	bool truncated;
};

struct batch {
	struct sb_buf text;  /* the lines, back to back */
	struct line *lines;
	size_t nlines, cap;
	struct sb_buf out, rej, hits;
	struct sb_anonrun_counts c;
	unsigned long seq; /* its place in the input */
	bool ok;	   /* processed without a fatal error */
};

struct shared {
	const struct sb_anonrun_opts *o;
	FILE *in;
	const char *source;
	struct sb_buf carry; /* read, not yet in a batch; under in_mx */
	size_t next_rec, next_lineno;
	unsigned long next_seq, write_seq;
	bool eof, failed;
	struct sb_err err; /* the first fatal error */
	pthread_mutex_t in_mx, out_mx;
	pthread_cond_t out_cv;
	struct sb_anonrun_counts total;
	struct survey *survey; /* a first pass, or NULL */
	/* The batches, under out_mx: free ones, and done ones waiting for
	 * their turn to be written, at seq % nbatch (the seqs not yet
	 * written are fewer than nbatch, each holding a batch). */
	struct batch *batch;
	struct batch **free_b, **done;
	size_t nbatch, nfree;
};

/* A first pass: the batches' frames (sb_anon_survey_collect) applied in
 * input order, under out_mx. */
struct survey {
	struct sb_kanon *kanon;
	struct sb_scrub_gaz *gaz;
	struct sb_anonrun_rows *rows;
	size_t row, cap;
};

/* A line's fingerprint, to see it change between the two passes: an
 * accident, not an attack, but every byte of the input is hashed twice,
 * and SipHash (libsodium, fixed key) is three times FNV-1a's speed. */
static uint64_t
line_hash(const char *p, size_t n)
{
	static const unsigned char key[crypto_shorthash_siphashx24_KEYBYTES];
	unsigned char h[crypto_shorthash_siphashx24_BYTES];
	uint64_t v;

	crypto_shorthash_siphashx24(h, (const unsigned char *)p, n, key);
	memcpy(&v, h, sizeof v);
	return v;
}

static void
fail(struct shared *s, const struct sb_err *e)
{
	if (!s->failed) {
		s->failed = true;
		s->err = *e;
	}
}

/* Note the line text[off..off+n) of b (its newline not counted, a CR
 * before it dropped), cut to max bytes; blank lines are counted, not
 * kept. */
static int
add_line(struct shared *s, struct batch *b, size_t off, size_t n, size_t max)
{
	const char *p = b->text.data + off;
	struct line *l;

	s->next_lineno++;
	if (n > 0 && p[n - 1] == '\r')
		n--;
	if (sb_ndjson_blank(p, n))
		return 0;
	if (b->nlines == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 1024;

		if ((l = realloc(b->lines, cap * sizeof(*l))) == NULL)
			return -1;
		b->lines = l;
		b->cap = cap;
	}
	l = &b->lines[b->nlines++];
	l->off = off;
	l->len = n < max ? n : max;
	l->rec = s->next_rec++;
	l->lineno = s->next_lineno;
	l->truncated = n > max;
	return 0;
}

/* Fill b with the next lines, under in_mx: the bytes left over from the
 * last batch, then blocks read straight into b's text (one copy, not
 * getline's two), cut at newlines in place.  A batch ends with the line
 * that takes it past BATCH_BYTES; what follows waits in s->carry.
 * Returns the number of lines (0 at the end) or -1 (error set). */
static long
read_batch(struct shared *s, struct batch *b)
{
	size_t max = s->o->max_record ? s->o->max_record : DEFAULT_MAX_RECORD;
	size_t at = 0, look = 0, got;
	const char *nl;
	struct sb_err e;

	b->nlines = 0;
	sb_buf_reset(&b->text);
	if (s->carry.len > 0 &&
	    sb_buf_add(&b->text, s->carry.data, s->carry.len) < 0)
		goto nomem;
	sb_buf_reset(&s->carry);
	for (;;) {
		/* look: where the line at at has no newline before (a
		 * long line is not searched again for each block). */
		while (at < BATCH_BYTES && look < b->text.len &&
		    (nl = memchr(b->text.data + look, '\n',
		    b->text.len - look)) != NULL) {
			size_t end = (size_t)(nl - b->text.data);

			if (add_line(s, b, at, end - at, max) != 0)
				goto nomem;
			at = look = end + 1;
		}
		look = b->text.len;
		if (at >= BATCH_BYTES || s->eof)
			break;
		if (sb_buf_grow(&b->text, READ_BYTES) < 0)
			goto nomem;
		errno = 0;
		got = fread(b->text.data + b->text.len, 1, READ_BYTES, s->in);
		b->text.len += got;
		if (got < READ_BYTES && ferror(s->in)) {
			sb_seterr(&e, SB_FATAL, SB_E_IO, "read error: %s",
			    strerror(errno));
			s->eof = true;
			fail(s, &e);
			return -1;
		}
		if (got < READ_BYTES)
			s->eof = true;
	}
	/* The last line may have no newline (under BATCH_BYTES, the loop
	 * above has cut every line that has one). */
	if (s->eof && at < BATCH_BYTES && at < b->text.len) {
		if (add_line(s, b, at, b->text.len - at, max) != 0)
			goto nomem;
		at = b->text.len;
	}
	if (at < b->text.len) {
		if (sb_buf_add(&s->carry, b->text.data + at,
		    b->text.len - at) < 0)
			goto nomem;
		b->text.len = at;
	}
	return (long)b->nlines;
nomem:
	sb_seterr(&e, SB_FATAL, SB_E_NOMEM, "out of memory");
	s->eof = true;
	fail(s, &e);
	return -1;
}

/* A worker's half of a survey: each line's hash and frame. */
static int
survey_batch(const struct shared *s, struct sb_anon_work *wk,
    struct batch *b, struct sb_err *e)
{
	const struct survey *sv = s->survey;
	int r;

	for (size_t i = 0; i < b->nlines; i++) {
		struct line *l = &b->lines[i];
		const char *text = b->text.data + l->off;

		l->hash = line_hash(text, l->len);
		/* A record over --max-record is rejected in the second pass:
		 * it adds nothing. */
		r = l->truncated ? SB_REJECT : sb_anon_survey_collect(s->o->anon,
		    wk, text, l->len, sv->gaz != NULL, sv->kanon != NULL,
		    &b->out, e);
		if (l->truncated && sb_buf_add(&b->out, "\0\0\0\0\0\0\0\0",
		    8) < 0)
			r = sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
		if (r == SB_FATAL)
			return SB_FATAL;
	}
	return SB_OK;
}

/* The main half: the batch's rows and frames, in input order. */
static int
survey_apply(struct shared *s, const struct batch *b, struct sb_err *e)
{
	struct survey *sv = s->survey;
	struct sb_anonrun_rows *rows = sv->rows;
	const char *f = b->out.data;
	size_t nv, *grown;
	uint64_t *hgrown;

	for (size_t i = 0; i < b->nlines; i++) {
		if (rows->nrec == sv->cap) {
			sv->cap = sv->cap ? sv->cap * 2 : 4096;
			if ((grown = realloc(rows->first_row,
			    sv->cap * sizeof(*grown))) == NULL)
				goto nomem;
			rows->first_row = grown;
			if ((hgrown = realloc(rows->hash,
			    sv->cap * sizeof(*hgrown))) == NULL)
				goto nomem;
			rows->hash = hgrown;
		}
		rows->hash[rows->nrec] = b->lines[i].hash;
		rows->first_row[rows->nrec++] = sv->row;
		if (sb_anon_survey_apply(s->o->anon, &f, sv->kanon, &nv,
		    sv->gaz, e) != SB_OK)
			return SB_FATAL;
		sv->row += nv;
	}
	return SB_OK;
nomem:
	return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
}

static int
process(const struct shared *s, struct sb_anon_work *wk, struct batch *b,
    struct sb_err *e)
{
	const struct sb_anonrun_opts *o = s->o;
	struct sb_anon_release rel;
	size_t i;
	int r;

	sb_buf_reset(&b->out);
	sb_buf_reset(&b->rej);
	sb_buf_reset(&b->hits);
	sb_anon_work_set_hits(wk, o->hits != NULL ? &b->hits : NULL);
	memset(&b->c, 0, sizeof(b->c));
	if (s->survey != NULL)
		return survey_batch(s, wk, b, e);
	for (i = 0; i < b->nlines; i++) {
		const struct line *l = &b->lines[i];
		const char *text = b->text.data + l->off;
		const struct sb_anon_release *rp = NULL;

		b->c.read++;
		if (o->rows != NULL && (l->rec >= o->rows->nrec ||
		    o->rows->hash[l->rec] != line_hash(text, l->len)))
			return sb_seterr(e, SB_FATAL, SB_E_DATA,
			    "changed between the two passes (record %zu)",
			    l->rec + 1);
		if (o->kanon != NULL) {
			rel.kanon = o->kanon;
			rel.first_row = o->rows->first_row[l->rec];
			rel.achieved_k = o->achieved_k;
			rp = &rel;
		}
		if (l->truncated)
			r = sb_seterr(e, SB_REJECT, SB_E_DATA,
			    "record longer than --max-record");
		else
			r = sb_anon_record(o->anon, wk, text, l->len, rp,
			    &b->out, &b->c.anon, e);
		if (r == SB_OK) {
			b->c.written++;
		} else if (r == SB_REJECT) {
			b->c.rejected++;
			if (o->rejects != NULL)
				sb_reject_ndjson(&b->rej, s->source,
				    l->rec + 1, l->lineno, e->msg,
				    l->truncated, text, l->len);
		} else {
			return SB_FATAL;
		}
	}
	return SB_OK;
}

void
sb_anonrun_counts_add(struct sb_anonrun_counts *t,
    const struct sb_anonrun_counts *c)
{
	t->read += c->read;
	t->written += c->written;
	t->rejected += c->rejected;
	sb_anon_counts_add(&t->anon, &c->anon);
}

/* Write batch b's output (its turn has come), under out_mx. */
static void
write_batch(struct shared *s, struct batch *b)
{
	const struct sb_anonrun_opts *o = s->o;
	struct sb_err e;

	if (b->ok && !s->failed && s->survey != NULL) {
		if (survey_apply(s, b, &e) != SB_OK)
			fail(s, &e);
	} else if (b->ok && !s->failed) {
		if ((b->out.len > 0 &&
		    o->out(o->out_arg, b->out.data, b->out.len) != 0) ||
		    (b->rej.len > 0 && o->rejects != NULL &&
		    o->rejects(o->rejects_arg, b->rej.data, b->rej.len) != 0) ||
		    (b->hits.len > 0 && o->hits != NULL &&
		    o->hits(o->hits_arg, b->hits.data, b->hits.len) != 0)) {
			sb_seterr(&e, SB_FATAL, SB_E_IO, "writing output: %s",
			    strerror(errno));
			fail(s, &e);
		} else {
			sb_anonrun_counts_add(&s->total, &b->c);
		}
	}
}

/* A free batch, waiting for one to be written if need be. */
static struct batch *
take_batch(struct shared *s)
{
	struct batch *b;

	pthread_mutex_lock(&s->out_mx);
	while (s->nfree == 0)
		pthread_cond_wait(&s->out_cv, &s->out_mx);
	b = s->free_b[--s->nfree];
	pthread_mutex_unlock(&s->out_mx);
	return b;
}

static void
give_back(struct shared *s, struct batch *b)
{
	pthread_mutex_lock(&s->out_mx);
	s->free_b[s->nfree++] = b;
	pthread_cond_broadcast(&s->out_cv);
	pthread_mutex_unlock(&s->out_mx);
}

/* Batch b is done: it and the done batches after it are written in
 * input order, each as its turn comes, by whichever worker ends the
 * wait for it; written batches are free again. */
static void
finish_batch(struct shared *s, struct batch *b)
{
	struct batch *x;

	pthread_mutex_lock(&s->out_mx);
	s->done[b->seq % s->nbatch] = b;
	while ((x = s->done[s->write_seq % s->nbatch]) != NULL &&
	    x->seq == s->write_seq) {
		s->done[s->write_seq % s->nbatch] = NULL;
		write_batch(s, x);
		s->write_seq++;
		s->free_b[s->nfree++] = x;
	}
	pthread_cond_broadcast(&s->out_cv);
	pthread_mutex_unlock(&s->out_mx);
}

static void *
worker(void *arg)
{
	struct shared *s = arg;
	struct sb_anon_work *wk = NULL;
	struct batch *b;
	struct sb_err e;
	long n;

	if (sb_anon_work_new(&wk, &e) != SB_OK) {
		pthread_mutex_lock(&s->in_mx);
		fail(s, &e);
		s->eof = true;
		pthread_mutex_unlock(&s->in_mx);
	}
	for (;;) {
		b = take_batch(s);
		pthread_mutex_lock(&s->in_mx);
		n = s->failed || wk == NULL ? -1 : read_batch(s, b);
		b->seq = n > 0 ? s->next_seq++ : 0;
		pthread_mutex_unlock(&s->in_mx);
		if (n <= 0) {
			give_back(s, b);
			break;
		}
		e.kind = SB_E_NONE;
		e.msg[0] = '\0';
		b->ok = process(s, wk, b, &e) == SB_OK;
		if (!b->ok) {
			pthread_mutex_lock(&s->in_mx);
			fail(s, &e);
			s->eof = true;
			pthread_mutex_unlock(&s->in_mx);
		}
		finish_batch(s, b);
	}
	sb_anon_work_free(wk);
	return NULL;
}

/* The batches of a run of n workers; false when out of memory. */
static bool
batches_new(struct shared *s, int n)
{
	s->nbatch = (size_t)n * BATCHES_PER_THREAD;
	s->batch = calloc(s->nbatch, sizeof(*s->batch));
	s->free_b = calloc(s->nbatch, sizeof(*s->free_b));
	s->done = calloc(s->nbatch, sizeof(*s->done));
	if (s->batch == NULL || s->free_b == NULL || s->done == NULL)
		return false;
	for (size_t i = 0; i < s->nbatch; i++) {
		struct batch *b = &s->batch[i];

		sb_buf_init(&b->text, OUT_LIMIT);
		sb_buf_init(&b->out, OUT_LIMIT);
		sb_buf_init(&b->rej, OUT_LIMIT);
		sb_buf_init(&b->hits, OUT_LIMIT);
		s->free_b[s->nfree++] = b;
	}
	return true;
}

static void
batches_free(struct shared *s)
{
	for (size_t i = 0; s->batch != NULL && i < s->nbatch; i++) {
		struct batch *b = &s->batch[i];

		sb_buf_release(&b->text);
		sb_buf_release(&b->out);
		sb_buf_release(&b->rej);
		sb_buf_release(&b->hits);
		free(b->lines);
	}
	free(s->batch);
	free(s->free_b);
	free(s->done);
}

static int
run(const struct sb_anonrun_opts *o, struct survey *sv, FILE *in,
    const char *source, struct sb_anonrun_counts *c, struct sb_err *e)
{
	pthread_t th[MAX_THREADS];
	struct shared s;
	int n = o->threads > 0 ? o->threads : 2, started = 0, i;

	memset(c, 0, sizeof(*c));
	memset(&s, 0, sizeof(s));
	if (n > MAX_THREADS)
		n = MAX_THREADS;
	s.o = o;
	s.in = in;
	s.source = source;
	s.survey = sv;
	sb_buf_init(&s.carry, OUT_LIMIT);
	pthread_mutex_init(&s.in_mx, NULL);
	pthread_mutex_init(&s.out_mx, NULL);
	pthread_cond_init(&s.out_cv, NULL);
	if (!batches_new(&s, n)) {
		sb_seterr(&s.err, SB_FATAL, SB_E_NOMEM, "out of memory");
		s.failed = true;
		n = 0;
	}
	for (i = 0; i < n; i++)
		if (pthread_create(&th[i], NULL, worker, &s) == 0)
			started++;
	if (started == 0 && n > 0) {
		sb_seterr(&s.err, SB_FATAL, SB_E_NOMEM,
		    "cannot start a worker thread");
		s.failed = true;
	}
	for (i = 0; i < started; i++)
		pthread_join(th[i], NULL);
	pthread_mutex_destroy(&s.in_mx);
	pthread_mutex_destroy(&s.out_mx);
	pthread_cond_destroy(&s.out_cv);
	batches_free(&s);
	sb_buf_release(&s.carry);
	*c = s.total;
	if (!s.failed && o->rows != NULL && s.next_rec != o->rows->nrec) {
		sb_seterr(&s.err, SB_FATAL, SB_E_DATA,
		    "changed between the two passes (%zu records, then %zu)",
		    o->rows->nrec, s.next_rec);
		s.failed = true;
	}
	if (s.failed) {
		*e = s.err;
		return SB_FATAL;
	}
	return SB_OK;
}

int
sb_anonrun_stream(const struct sb_anonrun_opts *o, FILE *in,
    const char *source, struct sb_anonrun_counts *c, struct sb_err *e)
{
	return run(o, NULL, in, source, c, e);
}

int
sb_anonrun_survey(const struct sb_anon *a, FILE *in, size_t max_record,
    struct sb_kanon *kanon, struct sb_scrub_gaz *gaz,
    struct sb_anonrun_rows *rows, struct sb_err *e)
{
	struct sb_anonrun_opts o;
	struct survey sv = {kanon, gaz, rows, 0, 0};
	struct sb_anonrun_counts c;

	memset(&o, 0, sizeof(o));
	o.anon = a;
	o.max_record = max_record;
	rows->first_row = NULL;
	rows->hash = NULL;
	rows->nrec = 0;
	return run(&o, &sv, in, "", &c, e);
}
