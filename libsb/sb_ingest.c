/*
 * The ingester's loop, as a pipeline over the machine's two cores:
 *
 *   reader thread   sb_reader_next_chunk() → records copied into batches,
 *                   or a CSV chunk (whole rows, raw) as a batch of its own
 *   mapper threads  (SB_INGEST_MAPPERS) map whole batches to NDJSON; a
 *                   chunk is parsed first, by the thread's chunk parser
 *   caller's thread writes the results in batch order
 *
 * Batches carry sequence numbers and are written strictly in order, so the
 * output is byte-identical to a single-threaded run.  At most NBATCH
 * batches exist at once, which bounds memory whatever the input size.
 *
 * A chunk carries the number of its first record (the reader counts the
 * records of the rows it cuts), so its records come out of the chunk
 * parser as they would from the reader.
 */
#include "sb_ingest.h"

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "sb_buf.h"
#include "sb_json.h"

#define SB_INGEST_MAPPERS 2
#define NBATCH 8
#define BATCH_BYTES (512u << 10) /* input bytes that close a batch */
#define BATCH_ITEMS 4096
#define FLUSH_AT (1u << 20)

enum item_kind {
	IT_CSV,
	IT_JSON,
	IT_REJECT, /* the reader rejected it: reason and raw are stored */
};

/* One record inside a batch; every string is an offset into the arena. */
struct item {
	enum item_kind kind;
	enum sb_format format;
	long record, line;
	size_t member;     /* offset of the member path, SIZE_MAX: none */
	size_t header;     /* offset into idx of the header block */
	unsigned long header_gen;
	size_t fields;     /* offset into idx: nfields (off, len) pairs */
	size_t nfields;
	size_t text, textlen; /* JSON text, or the reject's raw bytes */
	size_t reason;     /* reject reason */
	bool truncated;
	int delimiter;     /* CSV */
};

enum bstate { B_FREE, B_FILLING, B_READY, B_MAPPING, B_DONE };

struct batch {
	enum bstate state;
	unsigned long seq;
	/* A chunk: `chunk` holds its bytes (storage that changes places
	 * with the reader's); aux its member name and empty note, and the
	 * header names, whose offsets are in idx. */
	bool is_chunk;
	struct sb_csvchunk ck;
	struct sb_buf chunk;
	size_t ck_member, ck_note; /* offsets in aux, SIZE_MAX: none */
	struct sb_buf aux;
	struct sb_buf arena;  /* record bytes */
	size_t *idx;          /* offsets and lengths, and header blocks */
	size_t nidx, capidx;
	struct item *items;
	size_t nitems;
	/* The reader's end for this source: EOF or a fatal error. */
	bool last;
	int rstatus;
	struct sb_err rerr;
	/* Results, written by a mapper. */
	struct sb_buf out, rej;
	long nrec;            /* chunk: records in it */
	unsigned long read, written, rejected;
	bool fatal;
	struct sb_err merr;
	struct sb_buf notes;  /* NUL-separated */
};

struct sb_ingest {
	struct sb_ingest_opts o;
	struct sb_mapper *m[SB_INGEST_MAPPERS];
	struct sb_chunkparser *cp[SB_INGEST_MAPPERS];
	struct batch b[NBATCH];
	size_t maxrec;

	/* Per source, under mu. */
	pthread_mutex_t mu;
	/* Each waits for one thing, so that a change wakes only who waits
	 * for it (a wakeup is dear on a VM): the reader for a free batch,
	 * the mappers for a ready one, the writer for a done one. */
	pthread_cond_t cv_free, cv_ready, cv_done;
	const char *path;
	struct sb_reader *r;
	unsigned long next_fill, next_write;
	bool stop;           /* the writer gave up: the reader stops too */
	bool reader_done;
};

/* ---- batches ------------------------------------------------------- */

static int
idx_push(struct batch *b, size_t v)
{
	if (b->nidx == b->capidx) {
		size_t cap = b->capidx ? 2 * b->capidx : 8192;
		size_t *p = realloc(b->idx, cap * sizeof(*p));
		if (p == NULL)
			return -1;
		b->idx = p;
		b->capidx = cap;
	}
	b->idx[b->nidx++] = v;
	return 0;
}

static size_t
arena_str(struct batch *b, const char *s, size_t n, bool *fail)
{
	size_t off = b->arena.len;

	if (sb_buf_add(&b->arena, s, n) != 0 || sb_buf_addc(&b->arena,
	    '\0') != 0)
		*fail = true;
	return off;
}

static size_t
aux_str(struct batch *b, const char *s, bool *fail)
{
	size_t off = b->aux.len;

	if (sb_buf_add(&b->aux, s, strlen(s) + 1) != 0)
		*fail = true;
	return off;
}

static void
batch_reset(struct batch *b)
{
	b->is_chunk = false;
	b->ck_member = b->ck_note = SIZE_MAX;
	sb_buf_reset(&b->aux);
	b->nrec = 0;
	sb_buf_reset(&b->arena);
	b->nidx = 0;
	b->nitems = 0;
	b->last = false;
	b->rstatus = SB_OK;
	b->rerr.kind = SB_E_NONE;
	b->rerr.msg[0] = '\0';
	sb_buf_reset(&b->out);
	sb_buf_reset(&b->rej);
	b->read = b->written = b->rejected = 0;
	b->fatal = false;
	b->merr.kind = SB_E_NONE;
	b->merr.msg[0] = '\0';
	sb_buf_reset(&b->notes);
}

static void
batch_release(struct batch *b)
{
	sb_buf_release(&b->aux);
	sb_buf_release(&b->chunk);
	sb_buf_release(&b->arena);
	free(b->idx);
	free(b->items);
	sb_buf_release(&b->out);
	sb_buf_release(&b->rej);
	sb_buf_release(&b->notes);
}

int
sb_ingest_new(struct sb_ingest **ip, const struct sb_ingest_opts *o,
    struct sb_err *e)
{
	struct sb_ingest *ig;
	int r;

	*ip = NULL;
	if ((ig = calloc(1, sizeof(*ig))) == NULL)
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
	ig->o = *o;
	ig->maxrec = o->ropts.max_record != 0 ? o->ropts.max_record :
	    SB_READER_DEFAULT_MAX_RECORD;
	for (int i = 0; i < NBATCH; i++) {
		struct batch *b = &ig->b[i];
		/* A batch closes past BATCH_BYTES, so one record more fits. */
		sb_buf_init(&b->arena, BATCH_BYTES + 2 * ig->maxrec + 65536);
		sb_buf_init(&b->chunk, SB_READER_CHUNK_MAX);
		/* A record's JSON may be six times its input (\u00XX). */
		size_t in = SB_READER_CHUNK_MAX + ig->maxrec;
		sb_buf_init(&b->out, 8 * in + 65536);
		sb_buf_init(&b->rej, 8 * in + 65536);
		sb_buf_init(&b->notes, 1u << 16);
		/* Names and notes: under the header's limits. */
		sb_buf_init(&b->aux, 5 * ig->maxrec + 8 * SB_READER_MAX_FIELDS +
		    4096);
		b->items = malloc(BATCH_ITEMS * sizeof(*b->items));
		if (b->items == NULL) {
			sb_ingest_free(ig);
			return sb_seterr(e, SB_FATAL, SB_E_NOMEM,
			    "out of memory");
		}
	}
	for (int i = 0; i < SB_INGEST_MAPPERS; i++)
		if ((r = sb_mapper_new(&ig->m[i], o->profile, &o->mopts,
		    e)) != SB_OK) {
			sb_ingest_free(ig);
			return r;
		}
	pthread_mutex_init(&ig->mu, NULL);
	pthread_cond_init(&ig->cv_free, NULL);
	pthread_cond_init(&ig->cv_ready, NULL);
	pthread_cond_init(&ig->cv_done, NULL);
	*ip = ig;
	return SB_OK;
}

void
sb_ingest_free(struct sb_ingest *ig)
{
	if (ig == NULL)
		return;
	for (int i = 0; i < SB_INGEST_MAPPERS; i++) {
		sb_mapper_free(ig->m[i]);
		sb_reader_chunkparser_free(ig->cp[i]);
	}
	for (int i = 0; i < NBATCH; i++)
		batch_release(&ig->b[i]);
	if (ig->b[0].items != NULL || ig->m[0] != NULL) {
		pthread_mutex_destroy(&ig->mu);
		pthread_cond_destroy(&ig->cv_free);
		pthread_cond_destroy(&ig->cv_ready);
		pthread_cond_destroy(&ig->cv_done);
	}
	free(ig);
}

/* Flag counts, summed over the mappers. */
const struct sb_map_stats *
sb_ingest_map_stats(const struct sb_ingest *ig)
{
	static _Thread_local struct sb_map_stats sum;

	memset(&sum, 0, sizeof sum);
	for (int i = 0; i < SB_INGEST_MAPPERS; i++) {
		const struct sb_map_stats *s = sb_mapper_stats(ig->m[i]);
		sum.flags_unknown_value += s->flags_unknown_value;
		sum.flags_unknown_country += s->flags_unknown_country;
		sum.flags_bad_date += s->flags_bad_date;
		sum.flags_bad_number += s->flags_bad_number;
		sum.passed_through += s->passed_through;
	}
	return &sum;
}

/* ---- the reader thread ----------------------------------------------- */

static int
add_header(struct batch *b, const struct sb_rec *rec, size_t *at)
{
	bool fail = false;

	*at = b->nidx;
	if (idx_push(b, rec->nheader) != 0)
		return -1;
	for (size_t i = 0; i < rec->nheader; i++)
		if (idx_push(b, arena_str(b, rec->header[i],
		    strlen(rec->header[i]), &fail)) != 0)
			return -1;
	return fail ? -1 : 0;
}

/* Copy one record (or a reader reject) into the batch. */
static int
add_item(struct batch *b, int st, const struct sb_rec *rec,
    const struct sb_rawrej *rr, size_t *hdr, unsigned long *hgen)
{
	struct item *it = &b->items[b->nitems];
	bool fail = false;

	memset(it, 0, sizeof(*it));
	it->format = rec->format;
	it->record = rec->record;
	it->line = rec->line;
	it->member = rec->member != NULL ? arena_str(b, rec->member,
	    strlen(rec->member), &fail) : SIZE_MAX;
	if (st == SB_REJECT) {
		it->kind = IT_REJECT;
		it->reason = arena_str(b, rr->reason, strlen(rr->reason),
		    &fail);
		it->text = arena_str(b, rr->raw, rr->rawlen, &fail);
		it->textlen = rr->rawlen;
		it->truncated = rr->truncated;
	} else if (rec->kind == SB_REC_JSON) {
		it->kind = IT_JSON;
		it->text = arena_str(b, rec->text, rec->textlen, &fail);
		it->textlen = rec->textlen;
	} else {
		it->kind = IT_CSV;
		it->delimiter = rec->delimiter;
		if (*hdr == SIZE_MAX || *hgen != rec->header_gen) {
			if (add_header(b, rec, hdr) != 0)
				return -1;
			*hgen = rec->header_gen;
		}
		it->header = *hdr;
		it->header_gen = rec->header_gen;
		it->fields = b->nidx;
		it->nfields = rec->nfields;
		for (size_t i = 0; i < rec->nfields && !fail; i++) {
			size_t off = arena_str(b, rec->fields[i], rec->lens[i],
			    &fail);
			if (idx_push(b, off) != 0 || idx_push(b,
			    rec->lens[i]) != 0)
				return -1;
		}
	}
	if (fail)
		return -1;
	b->nitems++;
	return 0;
}

static struct batch *
take_free(struct sb_ingest *ig)
{
	struct batch *b = NULL;

	pthread_mutex_lock(&ig->mu);
	for (;;) {
		if (ig->stop)
			break;
		b = &ig->b[ig->next_fill % NBATCH];
		if (b->state == B_FREE)
			break;
		b = NULL;
		pthread_cond_wait(&ig->cv_free, &ig->mu);
	}
	if (b != NULL) {
		b->state = B_FILLING;
		b->seq = ig->next_fill++;
	}
	pthread_mutex_unlock(&ig->mu);
	if (b != NULL)
		batch_reset(b);
	return b;
}

static void
hand_over(struct sb_ingest *ig, struct batch *b)
{
	pthread_mutex_lock(&ig->mu);
	b->state = B_READY;
	pthread_cond_signal(&ig->cv_ready);
	pthread_mutex_unlock(&ig->mu);
}

static void
reader_notes(struct batch *b, struct sb_reader *r)
{
	const char *n;

	while ((n = sb_reader_note(r)) != NULL)
		sb_buf_add(&b->notes, n, strlen(n) + 1);
}

/* Make b the batch of the chunk the reader just handed out: its bytes
 * (an exchange of buffers with the reader), names and header. */
static int
add_chunk(struct sb_ingest *ig, struct batch *b, const struct sb_csvchunk *ck)
{
	bool fail = false;

	b->is_chunk = true;
	b->ck = *ck;
	b->ck.data = NULL;      /* placed when it is mapped */
	b->ck.member = NULL;
	b->ck.empty_note = NULL;
	b->ck.header = NULL;
	if (ck->member != NULL)
		b->ck_member = aux_str(b, ck->member, &fail);
	if (ck->empty_note != NULL)
		b->ck_note = aux_str(b, ck->empty_note, &fail);
	for (size_t i = 0; i < ck->nheader && !fail; i++)
		if (idx_push(b, aux_str(b, ck->header[i], &fail)) != 0)
			fail = true;
	if (fail || sb_reader_take_chunk(ig->r, &b->chunk) != 0)
		return -1;
	return 0;
}

static void *
reader_main(void *arg)
{
	struct sb_ingest *ig = arg;
	struct batch *b;
	struct sb_rec rec;
	struct sb_rawrej rr;
	struct sb_csvchunk ck;
	size_t hdr;
	unsigned long hgen = 0;
	int st = SB_OK;

	while (st != SB_EOF && st != SB_FATAL &&
	    (b = take_free(ig)) != NULL) {
		hdr = SIZE_MAX; /* every batch carries its own header copy */
		while (b->nitems < BATCH_ITEMS && b->arena.len < BATCH_BYTES) {
			memset(&rec, 0, sizeof rec);
			st = sb_reader_next_chunk(ig->r, &rec, &rr, &ck,
			    &b->rerr);
			reader_notes(b, ig->r);
			if (st == SB_CHUNK) {
				/* A chunk is a batch of its own; notes from
				 * before it stay in front of it. */
				if (b->nitems > 0) {
					hand_over(ig, b);
					if ((b = take_free(ig)) == NULL)
						return NULL;
				}
				if (add_chunk(ig, b, &ck) != 0) {
					b->is_chunk = false;
					st = sb_seterr(&b->rerr, SB_FATAL,
					    SB_E_NOMEM, "out of memory");
				}
				break;
			}
			if (st == SB_EOF || st == SB_FATAL)
				break;
			if (add_item(b, st, &rec, &rr, &hdr, &hgen) != 0) {
				st = sb_seterr(&b->rerr, SB_FATAL, SB_E_NOMEM,
				    "record too large for a batch");
				break;
			}
		}
		if (st == SB_EOF || st == SB_FATAL) {
			b->last = true;
			b->rstatus = st;
		}
		hand_over(ig, b);
	}
	return NULL;
}

/* ---- the mapper threads ---------------------------------------------- */

struct mscratch {
	const char **fields;
	size_t *lens;
	const char **header;
	size_t nheader;
	size_t header_at;   /* idx offset of the header now in `header` */
	struct sb_buf raw;  /* CSV rows re-joined for rejects */
	struct sb_chunkparser *cp;
};

/* A reject/1 line for rec (its provenance) into b->rej. */
static void
reject(struct batch *b, const char *source, const struct sb_rec *rec,
    bool truncated, const char *reason, const char *raw, size_t rawlen)
{
	struct sb_jw w;
	size_t len = b->rej.len;

	sb_jw_init(&w, &b->rej);
	sb_jw_obj(&w);
	sb_jw_key(&w, "sb");
	sb_jw_cstr(&w, "reject/1");
	sb_jw_key(&w, "source");
	sb_jw_name(&w, source);
	if (rec->member != NULL) {
		sb_jw_key(&w, "member");
		sb_jw_name(&w, rec->member);
	}
	sb_jw_key(&w, "record");
	sb_jw_int(&w, rec->record);
	if (rec->line > 0) {
		sb_jw_key(&w, "line");
		sb_jw_int(&w, rec->line);
	}
	sb_jw_key(&w, "format");
	sb_jw_cstr(&w, sb_format_name(rec->format));
	sb_jw_key(&w, "reason");
	sb_jw_cstr(&w, reason);
	if (truncated) {
		sb_jw_key(&w, "truncated");
		sb_jw_bool(&w, true);
	}
	sb_jw_raw_member(&w, raw, rawlen);
	sb_jw_end_obj(&w);
	sb_buf_addc(&b->rej, '\n');
	if (w.failed) {
		b->rej.len = len;
		b->fatal = true;
		sb_seterr(&b->merr, SB_FATAL, SB_E_NOMEM, "reject record too "
		    "large");
		return;
	}
	b->rejected++;
}

/* CSV fields re-joined as CSV with the member's delimiter (quoted where
 * needed), for the reject. */
static void
rejoin(struct sb_buf *o, const struct sb_rec *rec)
{
	char d = rec->delimiter > 0 ? (char)rec->delimiter : ',';

	sb_buf_reset(o);
	for (size_t i = 0; i < rec->nfields; i++) {
		const char *f = rec->fields[i];
		bool q = strpbrk(f, ",;\t|\"\r\n") != NULL ||
		    memchr(f, d, rec->lens[i]) != NULL;
		if (i > 0)
			sb_buf_addc(o, d);
		if (!q) {
			sb_buf_add(o, f, rec->lens[i]);
			continue;
		}
		sb_buf_addc(o, '"');
		for (size_t k = 0; k < rec->lens[i]; k++) {
			if (f[k] == '"')
				sb_buf_addc(o, '"');
			sb_buf_addc(o, f[k]);
		}
		sb_buf_addc(o, '"');
	}
}

static int
csv_rec(struct mscratch *sc, struct batch *b, const struct item *it,
    struct sb_rec *rec)
{
	const size_t *x = b->idx;
	const char *a = b->arena.data;

	if (sc->header_at != it->header) {
		size_t n = x[it->header];
		const char **h = realloc(sc->header, (n + 1) * sizeof(*h));
		if (h == NULL)
			return -1;
		for (size_t i = 0; i < n; i++)
			h[i] = a + x[it->header + 1 + i];
		sc->header = h;
		sc->nheader = n;
		sc->header_at = it->header;
	}
	for (size_t i = 0; i < it->nfields; i++) {
		sc->fields[i] = a + x[it->fields + 2 * i];
		sc->lens[i] = x[it->fields + 2 * i + 1];
	}
	rec->kind = SB_REC_CSV;
	rec->delimiter = it->delimiter;
	rec->fields = sc->fields;
	rec->lens = sc->lens;
	rec->nfields = it->nfields;
	rec->header = sc->header;
	rec->nheader = sc->nheader;
	rec->header_gen = it->header_gen;
	return 0;
}

/* Map one record (st SB_OK), or write the reader's reject (SB_REJECT). */
static void
map_one(struct sb_ingest *ig, struct sb_mapper *m, struct mscratch *sc,
    struct batch *b, int st, const struct sb_rec *rec,
    const struct sb_rawrej *rr)
{
	struct sb_err e;

	b->read++;
	if (st == SB_REJECT) {
		reject(b, ig->path, rec, rr->truncated, rr->reason, rr->raw,
		    rr->rawlen);
		return;
	}
	e.kind = SB_E_NONE;
	st = sb_mapper_map(m, rec, &b->out, &e);
	if (st == SB_OK) {
		b->written++;
	} else if (st == SB_REJECT) {
		const char *raw = rec->text;
		size_t n = rec->textlen;
		if (rec->kind == SB_REC_CSV) {
			rejoin(&sc->raw, rec);
			raw = sc->raw.data != NULL ? sc->raw.data : "";
			n = sc->raw.len;
		}
		reject(b, ig->path, rec, false, e.msg, raw, n);
	} else {
		/* The stream stops here: the record was not used, not lost. */
		b->read--;
		b->fatal = true;
		b->merr = e;
	}
}

static void
map_item(struct sb_ingest *ig, struct sb_mapper *m, struct mscratch *sc,
    struct batch *b, const struct item *it)
{
	const char *a = b->arena.data;
	struct sb_rawrej rr;
	struct sb_rec rec;

	memset(&rec, 0, sizeof rec);
	rec.format = it->format;
	rec.source = ig->path;
	rec.member = it->member != SIZE_MAX ? a + it->member : NULL;
	rec.record = it->record;
	rec.line = it->line;
	if (it->kind == IT_REJECT) {
		memset(&rr, 0, sizeof rr);
		rr.reason = a + it->reason;
		rr.raw = a + it->text;
		rr.rawlen = it->textlen;
		rr.truncated = it->truncated;
		map_one(ig, m, sc, b, SB_REJECT, &rec, &rr);
		return;
	}
	if (it->kind == IT_JSON) {
		rec.kind = SB_REC_JSON;
		rec.text = a + it->text;
		rec.textlen = it->textlen;
		rec.json = cJSON_ParseWithLength(rec.text, rec.textlen);
		if (rec.json == NULL) {
			b->fatal = true;
			sb_seterr(&b->merr, SB_FATAL, SB_E_NOMEM,
			    "out of memory parsing a record");
			return;
		}
	} else if (csv_rec(sc, b, it, &rec) != 0) {
		b->fatal = true;
		sb_seterr(&b->merr, SB_FATAL, SB_E_NOMEM, "out of memory");
		return;
	}
	map_one(ig, m, sc, b, SB_OK, &rec, NULL);
	cJSON_Delete(rec.json);
}

/* The mapper's notes (profile columns missing from a header) are only
 * given with --verbose; they are drained either way. */
static void
mapper_notes(struct batch *b, struct sb_mapper *m, bool verbose)
{
	const char *n;

	while ((n = sb_mapper_note(m)) != NULL)
		if (verbose)
			sb_buf_add(&b->notes, n, strlen(n) + 1);
}

/* Parse a chunk batch and map its records, numbered from 1 in it. */
static void
map_chunk(struct sb_ingest *ig, struct sb_mapper *m, struct mscratch *sc,
    struct batch *b)
{
	struct sb_csvchunk ck = b->ck;
	const char *a = b->aux.data;
	struct sb_rawrej rr;
	struct sb_rec rec;
	struct sb_err e;
	const char **h;
	int st;

	h = realloc(sc->header, (ck.nheader + 1) * sizeof(*h));
	if (h == NULL) {
		b->fatal = true;
		sb_seterr(&b->merr, SB_FATAL, SB_E_NOMEM, "out of memory");
		return;
	}
	for (size_t i = 0; i < ck.nheader; i++)
		h[i] = a + b->idx[i];
	sc->header = h;
	sc->header_at = SIZE_MAX;
	ck.header = h;
	ck.data = b->chunk.data != NULL ? b->chunk.data : "";
	ck.member = b->ck_member != SIZE_MAX ? a + b->ck_member : NULL;
	sb_reader_chunk_begin(sc->cp, &ck, ig->path);
	while (!b->fatal) {
		e.kind = SB_E_NONE;
		st = sb_reader_chunk_next(sc->cp, &rec, &rr, &e);
		if (st == SB_EOF)
			break;
		if (st == SB_FATAL) {
			b->fatal = true;
			b->merr = e;
			break;
		}
		b->nrec++;
		map_one(ig, m, sc, b, st, &rec, &rr);
		mapper_notes(b, m, ig->o.verbose);
	}
}

struct mapper_arg {
	struct sb_ingest *ig;
	int id;
};

static void *
mapper_main(void *arg)
{
	struct mapper_arg *ma = arg;
	struct sb_ingest *ig = ma->ig;
	struct sb_mapper *m = ig->m[ma->id];
	struct mscratch sc;

	memset(&sc, 0, sizeof sc);
	sc.header_at = SIZE_MAX;
	sc.cp = ig->cp[ma->id];
	sb_buf_init(&sc.raw, 2 * ig->maxrec + 65536);
	sc.fields = malloc(SB_READER_MAX_FIELDS * sizeof(*sc.fields));
	sc.lens = malloc(SB_READER_MAX_FIELDS * sizeof(*sc.lens));
	for (;;) {
		struct batch *b = NULL;
		pthread_mutex_lock(&ig->mu);
		while (b == NULL) {
			/* The oldest ready batch first. */
			for (int i = 0; i < NBATCH; i++)
				if (ig->b[i].state == B_READY && (b == NULL ||
				    ig->b[i].seq < b->seq))
					b = &ig->b[i];
			if (b != NULL || ig->reader_done)
				break;
			pthread_cond_wait(&ig->cv_ready, &ig->mu);
		}
		if (b != NULL)
			b->state = B_MAPPING;
		pthread_mutex_unlock(&ig->mu);
		if (b == NULL)
			break;
		sc.header_at = SIZE_MAX; /* offsets belong to another batch */
		if (sc.fields == NULL || sc.lens == NULL) {
			b->fatal = true;
			sb_seterr(&b->merr, SB_FATAL, SB_E_NOMEM,
			    "out of memory");
		} else if (b->is_chunk)
			map_chunk(ig, m, &sc, b);
		for (size_t i = 0; i < b->nitems && !b->fatal; i++) {
			map_item(ig, m, &sc, b, &b->items[i]);
			mapper_notes(b, m, ig->o.verbose);
		}
		pthread_mutex_lock(&ig->mu);
		b->state = B_DONE;
		pthread_cond_signal(&ig->cv_done);
		pthread_mutex_unlock(&ig->mu);
	}
	free(sc.fields);
	free(sc.lens);
	free(sc.header);
	sb_buf_release(&sc.raw);
	return NULL;
}

/* ---- the writer (caller's thread) -------------------------------------- */

static int
write_out(sb_sink fn, void *arg, const struct sb_buf *b, const char *what,
    struct sb_err *e)
{
	errno = 0;
	if (b->len == 0 || fn == NULL || fn(arg, b->data, b->len) == 0)
		return SB_OK;
	return sb_seterr(e, SB_FATAL, SB_E_IO, "writing %s failed: %s", what,
	    errno != 0 ? strerror(errno) : "I/O error");
}

/* A note, unless it is the one just given (each mapper notes a new
 * header once). */
static void
give_note(struct sb_ingest *ig, const char *n, char **last)
{
	if (*last != NULL && strcmp(*last, n) == 0)
		return;
	if (ig->o.note != NULL)
		ig->o.note(ig->o.note_arg, ig->path, n);
	free(*last);
	*last = strdup(n);
}

static void
give_notes(struct sb_ingest *ig, const struct sb_buf *notes, char **last)
{
	for (size_t i = 0; i < notes->len; i += strlen(notes->data + i) + 1)
		give_note(ig, notes->data + i, last);
}

/* Write batches in order until the source ends.  Returns SB_OK or
 * SB_FATAL. */
static int
writer(struct sb_ingest *ig, struct sb_ingest_counts *c, struct sb_err *e)
{
	char *last_note = NULL;
	int rc = SB_OK;

	for (;;) {
		struct batch *b = &ig->b[ig->next_write % NBATCH];
		pthread_mutex_lock(&ig->mu);
		while (!(b->state == B_DONE && b->seq == ig->next_write))
			pthread_cond_wait(&ig->cv_done, &ig->mu);
		pthread_mutex_unlock(&ig->mu);

		give_notes(ig, &b->notes, &last_note);
		c->read += b->read;
		c->written += b->written;
		c->rejected += b->rejected;
		bool done = b->last;
		if (rc == SB_OK && (write_out(ig->o.out, ig->o.out_arg, &b->out,
		    "records", e) != SB_OK || write_out(ig->o.rejects,
		    ig->o.rejects_arg, &b->rej, "rejects", e) != SB_OK))
			rc = SB_FATAL;
		/* A member whose only chunk had no records either. */
		if (rc == SB_OK && !b->fatal && b->ck_note != SIZE_MAX &&
		    b->nrec == 0)
			give_note(ig, b->aux.data + b->ck_note, &last_note);
		if (rc == SB_OK && b->fatal) {
			*e = b->merr;
			rc = SB_FATAL;
		}
		if (rc == SB_OK && b->last && b->rstatus == SB_FATAL) {
			*e = b->rerr;
			rc = SB_FATAL;
		}
		pthread_mutex_lock(&ig->mu);
		b->state = B_FREE;
		ig->next_write++;
		if (rc != SB_OK)
			ig->stop = true;
		pthread_cond_signal(&ig->cv_free);
		pthread_mutex_unlock(&ig->mu);
		if (done || rc != SB_OK)
			break;
	}
	free(last_note);
	return rc;
}

int
sb_ingest_source(struct sb_ingest *ig, const char *path,
    struct sb_ingest_counts *c, struct sb_err *e)
{
	pthread_t rt, mt[SB_INGEST_MAPPERS];
	struct mapper_arg ma[SB_INGEST_MAPPERS];
	int rc, nm = 0;
	bool have_reader = false;

	memset(c, 0, sizeof(*c));
	if (sb_reader_open(&ig->r, path, &ig->o.ropts, e) != SB_OK)
		return SB_FATAL;
	/* Once the reader took the options (a bad encoding is the
	 * operand's error, as it always was). */
	for (int i = 0; i < SB_INGEST_MAPPERS; i++)
		if (ig->cp[i] == NULL && sb_reader_chunkparser_new(&ig->cp[i],
		    &ig->o.ropts, e) != SB_OK) {
			sb_reader_free(ig->r);
			ig->r = NULL;
			return SB_FATAL;
		}
	ig->path = path;
	ig->next_fill = ig->next_write = 0;
	ig->stop = ig->reader_done = false;
	for (int i = 0; i < NBATCH; i++)
		ig->b[i].state = B_FREE;
	for (int i = 0; i < SB_INGEST_MAPPERS; i++) {
		ma[i].ig = ig;
		ma[i].id = i;
		if (pthread_create(&mt[i], NULL, mapper_main, &ma[i]) != 0)
			break;
		nm++;
	}
	if (nm > 0 && pthread_create(&rt, NULL, reader_main, ig) == 0)
		have_reader = true;
	if (!have_reader) {
		rc = sb_seterr(e, SB_FATAL, SB_E_NOMEM, "cannot start threads");
	} else {
		rc = writer(ig, c, e);
		/* On an error the writer stopped early: let the reader see
		 * `stop`, and drain what it hands over. */
		pthread_mutex_lock(&ig->mu);
		ig->stop = true;
		pthread_cond_broadcast(&ig->cv_free);
		pthread_mutex_unlock(&ig->mu);
		pthread_join(rt, NULL);
	}
	pthread_mutex_lock(&ig->mu);
	ig->reader_done = true;
	pthread_cond_broadcast(&ig->cv_ready);
	pthread_mutex_unlock(&ig->mu);
	for (int i = 0; i < nm; i++)
		pthread_join(mt[i], NULL);
	sb_reader_free(ig->r);
	ig->r = NULL;
	return rc;
}
