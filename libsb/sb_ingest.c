#include "sb_ingest.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "sb_buf.h"
#include "sb_json.h"

#define FLUSH_AT (1u << 20)

struct sb_ingest {
	struct sb_ingest_opts o;
	struct sb_mapper *m;
	struct sb_buf out;   /* batched canonical lines */
	struct sb_buf rej;   /* batched reject lines */
	struct sb_buf b64;
};

int
sb_ingest_new(struct sb_ingest **ip, const struct sb_ingest_opts *o,
    struct sb_err *e)
{
	struct sb_ingest *ig;
	size_t maxrec = o->ropts.max_record != 0 ? o->ropts.max_record :
	    SB_READER_DEFAULT_MAX_RECORD;
	int r;

	*ip = NULL;
	if ((ig = calloc(1, sizeof(*ig))) == NULL)
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
	ig->o = *o;
	/* A record's JSON may be six times its input (\u00XX escapes). */
	sb_buf_init(&ig->out, FLUSH_AT + 6 * maxrec + 65536);
	sb_buf_init(&ig->rej, FLUSH_AT + 6 * maxrec + 65536);
	sb_buf_init(&ig->b64, 2 * maxrec + 1024);
	if ((r = sb_mapper_new(&ig->m, o->profile, &o->mopts, e)) != SB_OK) {
		free(ig);
		return r;
	}
	*ip = ig;
	return SB_OK;
}

void
sb_ingest_free(struct sb_ingest *ig)
{
	if (ig == NULL)
		return;
	sb_mapper_free(ig->m);
	sb_buf_release(&ig->out);
	sb_buf_release(&ig->rej);
	sb_buf_release(&ig->b64);
	free(ig);
}

const struct sb_map_stats *
sb_ingest_map_stats(const struct sb_ingest *ig)
{
	return sb_mapper_stats(ig->m);
}

static int
flush_buf(struct sb_buf *b, sb_sink fn, void *arg, const char *what,
    struct sb_err *e)
{
	int r = 0;

	errno = 0;
	if (b->len > 0 && fn != NULL)
		r = fn(arg, b->data, b->len);
	sb_buf_reset(b);
	return r == 0 ? SB_OK : sb_seterr(e, SB_FATAL, SB_E_IO,
	    "writing %s failed: %s", what, errno != 0 ? strerror(errno) :
	    "I/O error");
}

int
sb_ingest_flush(struct sb_ingest *ig, struct sb_err *e)
{
	if (flush_buf(&ig->out, ig->o.out, ig->o.out_arg, "records", e) != SB_OK)
		return SB_FATAL;
	return flush_buf(&ig->rej, ig->o.rejects, ig->o.rejects_arg, "rejects", e);
}

/* The raw bytes of a rejected record: a JSON string when they are UTF-8,
 * else base64 (libsodium), so that nothing is lost or altered. */
static void
put_raw(struct sb_ingest *ig, struct sb_jw *w, const char *raw, size_t n)
{
	if (sb_utf8_valid(raw, n)) {
		sb_jw_key(w, "raw");
		sb_jw_str(w, raw, n);
		return;
	}
	size_t need = sodium_base64_ENCODED_LEN(n,
	    sodium_base64_VARIANT_ORIGINAL);
	sb_buf_reset(&ig->b64);
	if (sb_buf_grow(&ig->b64, need) != 0) {
		w->failed = true;
		return;
	}
	sodium_bin2base64(ig->b64.data, need, (const unsigned char *)raw, n,
	    sodium_base64_VARIANT_ORIGINAL);
	sb_jw_key(w, "raw_base64");
	sb_jw_cstr(w, ig->b64.data);
}

static const char *const fmt_names[] = {"auto", "csv", "json", "ndjson"};

static int
reject(struct sb_ingest *ig, const struct sb_rec *rec, const char *reason,
    const char *raw, size_t rawlen, bool truncated, struct sb_err *e)
{
	struct sb_jw w;
	size_t len = ig->rej.len;

	sb_jw_init(&w, &ig->rej);
	sb_jw_obj(&w);
	sb_jw_key(&w, "sb");
	sb_jw_cstr(&w, "reject/1");
	sb_jw_key(&w, "source");
	sb_jw_name(&w, rec->source);
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
	sb_jw_cstr(&w, fmt_names[rec->format]);
	sb_jw_key(&w, "reason");
	sb_jw_cstr(&w, reason);
	if (truncated) {
		sb_jw_key(&w, "truncated");
		sb_jw_bool(&w, true);
	}
	put_raw(ig, &w, raw, rawlen);
	sb_jw_end_obj(&w);
	sb_buf_addc(&ig->rej, '\n');
	if (w.failed) {
		ig->rej.len = len;
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "reject record too "
		    "large");
	}
	if (ig->rej.len >= FLUSH_AT)
		return flush_buf(&ig->rej, ig->o.rejects, ig->o.rejects_arg, "rejects", e);
	return SB_OK;
}

static void
notes(struct sb_ingest *ig, struct sb_reader *r, const char *path)
{
	const char *n;

	while ((n = sb_reader_note(r)) != NULL)
		if (ig->o.note != NULL)
			ig->o.note(ig->o.note_arg, path, n);
	while ((n = sb_mapper_note(ig->m)) != NULL)
		if (ig->o.note != NULL && ig->o.verbose)
			ig->o.note(ig->o.note_arg, path, n);
}

/* The raw text of a record the mapper rejected. */
static void
raw_of(const struct sb_rec *rec, struct sb_buf *b, const char **raw,
    size_t *n)
{
	if (rec->kind == SB_REC_JSON) {
		*raw = rec->text;
		*n = rec->textlen;
		return;
	}
	/* CSV: the fields re-joined as CSV (quoted where needed). */
	sb_buf_reset(b);
	for (size_t i = 0; i < rec->nfields; i++) {
		const char *f = rec->fields[i];
		bool q = strpbrk(f, ",;\t|\"\r\n") != NULL;
		if (i > 0)
			sb_buf_addc(b, ',');
		if (!q) {
			sb_buf_add(b, f, rec->lens[i]);
			continue;
		}
		sb_buf_addc(b, '"');
		for (size_t k = 0; k < rec->lens[i]; k++) {
			if (f[k] == '"')
				sb_buf_addc(b, '"');
			sb_buf_addc(b, f[k]);
		}
		sb_buf_addc(b, '"');
	}
	*raw = b->data != NULL ? b->data : "";
	*n = b->len;
}

int
sb_ingest_source(struct sb_ingest *ig, const char *path,
    struct sb_ingest_counts *c, struct sb_err *e)
{
	struct sb_reader *r = NULL;
	struct sb_rec rec;
	struct sb_rawrej rr;
	struct sb_buf rawbuf = SB_BUF_INIT(SB_READER_DEFAULT_MAX_RECORD * 2);
	struct sb_err re;
	int st, rc = SB_FATAL;

	memset(c, 0, sizeof(*c));
	if (sb_reader_open(&r, path, &ig->o.ropts, e) != SB_OK)
		return SB_FATAL;
	for (;;) {
		memset(&rec, 0, sizeof rec);
		st = sb_reader_next(r, &rec, &rr, e);
		notes(ig, r, path);
		if (st == SB_EOF)
			break;
		if (st == SB_FATAL)
			goto out;
		c->read++;
		if (st == SB_REJECT) {
			c->rejected++;
			if (reject(ig, &rec, rr.reason, rr.raw, rr.rawlen,
			    rr.truncated, e) != SB_OK)
				goto out;
			continue;
		}
		re.kind = SB_E_NONE;
		st = sb_mapper_map(ig->m, &rec, &ig->out, &re);
		if (st == SB_FATAL) {
			*e = re;
			goto out;
		}
		if (st == SB_REJECT) {
			const char *raw;
			size_t n;
			c->rejected++;
			raw_of(&rec, &rawbuf, &raw, &n);
			if (reject(ig, &rec, re.msg, raw, n, false, e) != SB_OK)
				goto out;
			continue;
		}
		c->written++;
		if (ig->out.len >= FLUSH_AT &&
		    flush_buf(&ig->out, ig->o.out, ig->o.out_arg, "records", e) != SB_OK)
			goto out;
	}
	notes(ig, r, path);
	rc = SB_OK;
out:
	sb_buf_release(&rawbuf);
	sb_reader_free(r);
	return rc;
}
