/*
 * sb_reader: containers (libarchive), formats (libcsv, cJSON) and encodings
 * (iconv) behind one record-at-a-time interface.
 *
 * A reader is a stack of levels.  lv[0] is the operand.  When the content
 * of a level is an archive, lv[i].a reads it and lv[i + 1] is the member
 * being read; the deepest level without an archive is the "leaf", whose
 * bytes go to the CSV or JSON parser.  Every level keeps the first bytes it
 * read (the peek): they decide what the content is, and are then replayed
 * to whoever reads the level, so that detection works on pipes and on
 * archive members, neither of which can be rewound.
 *
 * The parsers are pull-driven: sb_reader_next() feeds libcsv one line at a
 * time (up to the next CR or LF), so that at most one row completes per
 * csv_parse() call and no queue of rows is needed; the JSON splitter stops
 * at the end of each top-level value.
 */
#include "sb_reader.h"

#include <sys/stat.h>

#include <archive.h>
#include <archive_entry.h>
#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <locale.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "sb_buf.h"
#include "sb_json.h"

#define BLOCK_SIZE	(256u << 10)	/* read(2) size for the operand */
#define PEEK_SIZE	(64u << 10)	/* bytes that tell what content is */
#define CSV_BLK		(16u << 10)	/* growth step of libcsv's buffer */
#define NOTE_MAX	64		/* notes kept; more are only counted */

/* libcsv's parser state (libcsv.c), read to bound its field buffer. */
#define LIBCSV_FIELD_BEGUN	2

enum { ST_START, ST_MEMBER, ST_NEXT, ST_DONE, ST_DEAD };
enum { K_PLAIN, K_ARCHIVE, K_COMPRESSED };	/* probe() */
enum { C_LEAF, C_CONTAINER, C_SKIP };		/* classify() */
enum { M_MEMBER, M_SKIP, M_END };		/* next_entry() */
enum { J_VALUE, J_SCALAR, J_GARBAGE };		/* kinds of JSON spans */
enum { NL_ANY, NL_AFTER_VALUE, NL_KEY };	/* nl_expect() */
enum { CV_OK, CV_BAD, CV_NUL, CV_LONG };	/* to_utf8() */
#define ROW_SKIP	(-1)			/* csv_row(): not a record */

struct sb_reader;

struct level {
	struct sb_reader *r;
	int idx;
	struct archive *a;	/* reads this level's content, or NULL */
	bool raw;		/* a is format_raw: one compressed file */
	bool plain;		/* content came out of a raw reader */
	bool eof;
	char *name;		/* member path; NULL for the operand */
	struct sb_buf peek;	/* the first bytes, replayed first */
	size_t peek_off;
	const char *tail;	/* the rest of the block the peek ended in */
	size_t tail_len;
	int64_t pos;		/* bytes delivered, for seeks */
};

struct csvst {
	struct csv_parser p;
	bool init;		/* p is csv_init()ed */
	bool finished;		/* csv_fini() done for this member */
	unsigned char delim, quote;
	/* The current row: original bytes, each field NUL-terminated. */
	struct sb_buf row;
	size_t *off;		/* offsets of the fields in row */
	size_t *len;		/* their lengths */
	size_t *coff;		/* offsets of converted fields */
	size_t nf;		/* fields seen, stored or not */
	size_t nstored;		/* fields in row */
	size_t rowlen;		/* field bytes and delimiters seen */
	bool overflow, toomany, unterminated, nomem, done;
	bool start_pending;	/* the next byte starts a row */
	bool cr_end;		/* the last line ended with CR */
	long row_line;
	/* The header of this member. */
	bool have_header;
	struct sb_buf hbuf;
	const char **hdr;
	size_t nhdr;
};

struct jsonst {
	bool in_array;		/* inside the top-level [ of SB_FMT_JSON */
	bool in_rec;
	int kind;
	size_t depth;
	uint64_t objmask;	/* bit d-1: the container at depth d is {} */
	int nl_check;		/* what may follow the last newline */
	bool in_str, esc, deep, overflow, cut;
	unsigned char last;	/* last byte outside strings and spaces */
	size_t total;		/* bytes of the record, kept or not */
	size_t cut_at;
	long rec_line;
	struct sb_buf text;	/* the record's bytes as read */
};

struct sb_reader {
	char *source;
	const char *dname;	/* the operand in messages */
	struct sb_reader_opts o;
	char *enc;		/* NULL: UTF-8 */
	iconv_t cd;
	locale_t loc;		/* C.UTF-8 for libarchive's names, or 0 */
	size_t maxrec;

	int fd;
	bool own_fd, seekable;
	off_t base;		/* offset of fd at open */
	char *fdbuf;
	int io_errno;		/* a read(2) failed: report I/O, not data */
	char cause[256];	/* why the last lv_read() failed */

	struct level lv[SB_READER_MAX_NESTING + 1];
	int nlv;
	int state;
	struct sb_err err;	/* the fatal error, sticky */

	/* The leaf being parsed. */
	enum sb_format fmt;
	long record, line, nrec;
	const char *chunk;
	size_t clen, cpos, nl_at, cr_at;
	struct csvst csv;
	struct jsonst js;

	/* What the last record points to. */
	const char **fv;
	size_t *fl;
	struct sb_buf conv;
	struct sb_buf raw;
	cJSON *json;
	char reason[160];
	unsigned long header_gen;

	char *notes[NOTE_MAX];
	int nhead, nnotes;
	unsigned long ndropped;
	char *note_out;
	char dropped[64];
};

static const char *
errstr(int errnum, char *buf, size_t size)
{
	if (strerror_r(errnum, buf, size) != 0)
		snprintf(buf, size, "error %d", errnum);
	return buf;
}

static const char *
aerr(struct archive *a)
{
	const char *s = archive_error_string(a);

	return s != NULL ? s : "unknown archive error";
}

/* Set the fatal error of level l: "source: member m: what". */
static int __attribute__((format(printf, 4, 5)))
fail(struct sb_reader *r, int l, enum sb_errkind kind, const char *fmt, ...)
{
	char msg[400];
	const char *m;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	m = l >= 0 && l < r->nlv ? r->lv[l].name : NULL;
	if (m != NULL)
		return sb_seterr(&r->err, SB_FATAL, kind, "%s: member %s: %s",
		    r->dname, m, msg);
	return sb_seterr(&r->err, SB_FATAL, kind, "%s: %s", r->dname, msg);
}

/*
 * Queue a note about level l.  The queue is bounded because a caller may
 * never read it; what does not fit is counted.
 */
static void
note(struct sb_reader *r, int l, const char *what)
{
	char buf[512];
	char *s;

	if (r->lv[l].name != NULL)
		snprintf(buf, sizeof(buf), "member %s: %s", r->lv[l].name,
		    what);
	else
		snprintf(buf, sizeof(buf), "%s: %s", r->dname, what);
	if (r->nnotes == NOTE_MAX || (s = strdup(buf)) == NULL) {
		r->ndropped++;
		return;
	}
	r->notes[(r->nhead + r->nnotes) % NOTE_MAX] = s;
	r->nnotes++;
}

/*
 * Input of the levels.
 */

static void
level_reset(struct level *lv)
{
	if (lv->a != NULL)
		archive_read_free(lv->a);
	lv->a = NULL;
	lv->raw = lv->plain = lv->eof = false;
	free(lv->name);
	lv->name = NULL;
	sb_buf_reset(&lv->peek);
	lv->peek_off = 0;
	lv->tail = NULL;
	lv->tail_len = 0;
	lv->pos = 0;
}

/*
 * Read the next block under level l: the operand's fd, or the member data
 * of the archive one level up (sparse-file offsets are ignored: members
 * are read as their bytes in order).  Returns 1, 0 at the end, -1 on a
 * fatal error and -2 when libarchive cannot read this member but can go
 * on with the next one; r->cause says why.
 */
static int
lv_under(struct sb_reader *r, int l, const void **p, size_t *n)
{
	struct level *lv = &r->lv[l];
	char eb[128];
	int64_t off;
	ssize_t k;
	int ar;

	if (lv->eof)
		return 0;
	if (l == 0) {
		do
			k = read(r->fd, r->fdbuf, BLOCK_SIZE);
		while (k < 0 && errno == EINTR);
		if (k < 0) {
			r->io_errno = errno;
			snprintf(r->cause, sizeof(r->cause), "read error: %s",
			    errstr(errno, eb, sizeof(eb)));
			return -1;
		}
		lv->eof = k == 0;
		*p = r->fdbuf;
		*n = (size_t)k;
		return k > 0;
	}
	for (;;) {
		ar = archive_read_data_block(r->lv[l - 1].a, p, n, &off);
		if (ar == ARCHIVE_EOF) {
			lv->eof = true;
			return 0;
		}
		if (ar != ARCHIVE_OK && ar != ARCHIVE_WARN)
			break;
		if (*n > 0)
			return 1;
	}
	snprintf(r->cause, sizeof(r->cause), "%s", aerr(r->lv[l - 1].a));
	return ar == ARCHIVE_FATAL ? -1 : -2;
}

/* The next block of level l: the peek, the rest of its block, then more. */
static int
lv_read(struct sb_reader *r, int l, const void **p, size_t *n)
{
	struct level *lv = &r->lv[l];
	int st;

	if (lv->peek_off < lv->peek.len) {
		*p = lv->peek.data + lv->peek_off;
		*n = lv->peek.len - lv->peek_off;
		lv->peek_off = lv->peek.len;
	} else if (lv->tail_len > 0) {
		*p = lv->tail;
		*n = lv->tail_len;
		lv->tail_len = 0;
	} else if ((st = lv_under(r, l, p, n)) != 1)
		return st;
	lv->pos += (int64_t)*n;
	return 1;
}

/* Read the first PEEK_SIZE bytes of level l (fewer at its end); 0, or
 * lv_under()'s errors, or -3: out of memory. */
static int
lv_peek(struct sb_reader *r, int l)
{
	struct level *lv = &r->lv[l];
	const void *p;
	size_t n, take;
	int st;

	while (lv->peek.len < PEEK_SIZE) {
		if ((st = lv_under(r, l, &p, &n)) != 1)
			return st;
		take = n < PEEK_SIZE - lv->peek.len ? n :
		    PEEK_SIZE - lv->peek.len;
		if (sb_buf_add(&lv->peek, p, take) != 0)
			return -3;
		lv->tail = (const char *)p + take;
		lv->tail_len = n - take;
	}
	return 0;
}

/* libarchive's read callback: an archive reads its level like a parser. */
static la_ssize_t
la_read(struct archive *a, void *data, const void **buf)
{
	struct level *lv = data;
	struct sb_reader *r = lv->r;
	size_t n;
	int st;

	st = lv_read(r, lv->idx, buf, &n);
	if (st >= 0)
		return st == 1 ? (la_ssize_t)n : 0;
	archive_set_error(a, r->io_errno != 0 ? r->io_errno :
	    EIO, "%s", r->cause);
	return ARCHIVE_FATAL;
}

/*
 * Seeks and skips, for an operand that is a regular file: zip and 7-Zip
 * read their directory at the end, and skipping unwanted members is
 * cheaper than reading them.  Offsets are relative to where fd was at open
 * (stdin may have been read from already).
 */
static la_int64_t
la_seek(struct archive *a, void *data, la_int64_t off, int whence)
{
	struct level *lv = data;
	struct sb_reader *r = lv->r;
	struct stat st;
	int64_t to;

	if (whence == SEEK_SET)
		to = off;
	else if (whence == SEEK_CUR)
		to = lv->pos + off;
	else if (whence == SEEK_END && fstat(r->fd, &st) == 0)
		to = (int64_t)st.st_size - r->base + off;
	else
		to = -1;
	if (to < 0 || lseek(r->fd, r->base + to, SEEK_SET) < 0) {
		archive_set_error(a, EINVAL, "cannot seek in the input");
		return ARCHIVE_FATAL;
	}
	/* The replayed bytes are behind us now. */
	lv->peek_off = lv->peek.len;
	lv->tail_len = 0;
	lv->eof = false;
	lv->pos = to;
	return to;
}

static la_int64_t
la_skip(struct archive *a, void *data, la_int64_t req)
{
	struct level *lv = data;
	struct sb_reader *r = lv->r;
	struct stat st;
	int64_t left;

	(void)a;
	/* Returning 0 makes libarchive read through instead. */
	if (lv->peek_off < lv->peek.len || lv->tail_len > 0 || req <= 0 ||
	    fstat(r->fd, &st) != 0)
		return 0;
	left = (int64_t)st.st_size - r->base - lv->pos;
	if (req > left)
		req = left;
	if (req <= 0 || lseek(r->fd, r->base + lv->pos + req, SEEK_SET) < 0)
		return 0;
	lv->pos += req;
	return req;
}

/*
 * Containers.
 */

/*
 * Every format of archive_read_support_format_all() but mtree: an mtree
 * "archive" names files on the local disk, which libarchive would open and
 * hand over as member data, so a crafted export could pull in any file the
 * user can read.
 */
static int
support_formats(struct archive *a)
{
	static int (*const fn[])(struct archive *) = {
		archive_read_support_format_7zip,
		archive_read_support_format_ar,
		archive_read_support_format_cab,
		archive_read_support_format_cpio,
		archive_read_support_format_empty,
		archive_read_support_format_iso9660,
		archive_read_support_format_lha,
		archive_read_support_format_rar,
		archive_read_support_format_rar5,
		archive_read_support_format_tar,
		archive_read_support_format_warc,
		archive_read_support_format_xar,
		archive_read_support_format_zip,
	};
	size_t i;

	for (i = 0; i < sizeof(fn) / sizeof(fn[0]); i++)
		if (fn[i](a) < ARCHIVE_WARN)
			return -1;
	return 0;
}

/*
 * What are the bytes p[0..n), the start of some content?  format_raw is
 * registered here only as the loser of the bidding: when it wins, no
 * archive format recognised the data, and a filter in front of it means a
 * single compressed file.  A format that wins but fails on the header
 * (7-Zip needs the end of the file; a damaged archive) still counts as an
 * archive, so that the real read reports the damage.
 */
static int
probe(const char *p, size_t n, int *kind)
{
	struct archive *a;
	struct archive_entry *ent;
	int ret = -1;

	if ((a = archive_read_new()) == NULL)
		return -1;
	if (archive_read_support_filter_all(a) < ARCHIVE_WARN ||
	    support_formats(a) != 0 ||
	    archive_read_support_format_raw(a) < ARCHIVE_WARN)
		goto out;
	*kind = K_ARCHIVE;
	if (archive_read_open_memory(a, p, n) == ARCHIVE_OK) {
		(void)archive_read_next_header(a, &ent);
		if (archive_format(a) == ARCHIVE_FORMAT_RAW)
			*kind = archive_filter_count(a) > 1 ? K_COMPRESSED :
			    K_PLAIN;
	}
	ret = 0;
out:
	archive_read_free(a);
	return ret;
}

static int
arch_fail(struct sb_reader *r, int l)
{
	return fail(r, l, r->io_errno != 0 ? SB_E_IO : SB_E_DATA, "%s",
	    aerr(r->lv[l].a));
}

/* Open an archive reader on the content of level l. */
static int
arch_open(struct sb_reader *r, int l, bool raw)
{
	struct level *lv = &r->lv[l];
	struct archive *a;

	if ((a = archive_read_new()) == NULL)
		return fail(r, l, SB_E_NOMEM, "out of memory");
	lv->a = a;
	lv->raw = raw;
	if (archive_read_support_filter_all(a) < ARCHIVE_WARN ||
	    (raw ? archive_read_support_format_raw(a) < ARCHIVE_WARN :
	    support_formats(a) != 0))
		return fail(r, l, SB_E_NOMEM, "libarchive: %s", aerr(a));
	archive_read_set_read_callback(a, la_read);
	if (l == 0 && r->seekable) {
		archive_read_set_seek_callback(a, la_seek);
		archive_read_set_skip_callback(a, la_skip);
	}
	archive_read_set_callback_data(a, lv);
	if (archive_read_open1(a) != ARCHIVE_OK)
		return arch_fail(r, l);
	return SB_OK;
}

static int leaf_start(struct sb_reader *, int);

/*
 * Look at the content of level l and set it up: an archive to read
 * (C_CONTAINER), records to parse (C_LEAF), or nothing (C_SKIP, with a
 * note).
 */
static int
classify(struct sb_reader *r, int l, int *what)
{
	struct level *lv = &r->lv[l];
	char msg[300];
	int st, kind = K_PLAIN;

	*what = C_SKIP;
	if ((st = lv_peek(r, l)) == -3)
		return fail(r, l, SB_E_NOMEM, "out of memory");
	if (st == -1)
		return fail(r, l, r->io_errno != 0 ? SB_E_IO : SB_E_DATA, "%s",
		    r->cause);
	if (st == -2) {
		snprintf(msg, sizeof(msg), "cannot be read (%s), skipped",
		    r->cause);
		note(r, l, msg);
		return SB_OK;
	}
	if (lv->peek.len > 0 && !lv->plain &&
	    probe(lv->peek.data, lv->peek.len, &kind) != 0)
		return fail(r, l, SB_E_NOMEM, "out of memory");
	if (kind != K_PLAIN) {
		if (l >= SB_READER_MAX_NESTING) {
			note(r, l, "archive nested too deeply, skipped");
			return SB_OK;
		}
		*what = C_CONTAINER;
		return arch_open(r, l, kind == K_COMPRESSED);
	}
	if (lv->peek.len > 0 &&
	    memchr(lv->peek.data, '\0', lv->peek.len) != NULL) {
		note(r, l, "binary content, skipped");
		return SB_OK;
	}
	*what = C_LEAF;
	return leaf_start(r, l);
}

/*
 * Names go to messages and to output records: control bytes become '?',
 * and so does every non-ASCII byte of a name that is not UTF-8 (a zip
 * from an old tool, in some DOS code page).
 */
static void
name_clean(char *s)
{
	bool utf8 = sb_utf8_valid(s, strlen(s));

	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f ||
		    (!utf8 && (unsigned char)*s >= 0x80))
			*s = '?';
}

/* A member's path inside the operand: "outer.zip!/dir/inner.csv". */
static int
member_name(const char *outer, struct archive_entry *ent, char **out)
{
	const char *p;
	size_t n;

	if ((p = archive_entry_pathname_utf8(ent)) == NULL &&
	    (p = archive_entry_pathname(ent)) == NULL)
		p = "(unnamed)";
	while (p[0] == '.' && p[1] == '/')
		p += 2;
	n = (outer != NULL ? strlen(outer) + 2 : 0) + strlen(p) + 1;
	if ((*out = malloc(n)) == NULL)
		return -1;
	if (outer != NULL)
		snprintf(*out, n, "%s!/%s", outer, p);
	else
		snprintf(*out, n, "%s", p);
	name_clean(*out);
	return 0;
}

/*
 * Move the archive of level l to its next entry.  A regular file becomes
 * level l + 1 (M_MEMBER); anything else is passed over (M_SKIP).
 */
static int
next_entry(struct sb_reader *r, int l, int *what)
{
	struct level *lv = &r->lv[l], *ch = &r->lv[l + 1];
	struct archive_entry *ent;
	int ar, retries = 0;

	*what = M_SKIP;
	/* ARCHIVE_RETRY: libarchive passed over a damaged header. */
	while ((ar = archive_read_next_header(lv->a, &ent)) == ARCHIVE_RETRY &&
	    ++retries < 100)
		note(r, l, "damaged archive header, skipped");
	if (ar == ARCHIVE_EOF) {
		*what = M_END;
		return SB_OK;
	}
	if (ar < ARCHIVE_WARN)
		return arch_fail(r, l);
	if (!lv->raw && (archive_entry_filetype(ent) != AE_IFREG ||
	    archive_entry_hardlink(ent) != NULL))
		return SB_OK;
	r->nlv = l + 2;
	/* A compressed file keeps its own name: it has one "member". */
	if (lv->raw) {
		if (lv->name != NULL && (ch->name = strdup(lv->name)) == NULL)
			return fail(r, l, SB_E_NOMEM, "out of memory");
	} else if (member_name(lv->name, ent, &ch->name) != 0)
		return fail(r, l, SB_E_NOMEM, "out of memory");
	ch->plain = lv->raw;
	if (ar == ARCHIVE_WARN)
		note(r, l + 1, aerr(lv->a));
	if (!lv->raw && archive_entry_is_encrypted(ent)) {
		note(r, l + 1, "encrypted, skipped");
		return SB_OK;
	}
	*what = M_MEMBER;
	return SB_OK;
}

/*
 * Go to the next leaf: pop finished levels and read archive entries until
 * one has records to parse.  SB_OK: a leaf is ready; SB_EOF: no more.
 */
static int
advance(struct sb_reader *r)
{
	int l, st, what;

	for (;;) {
		l = r->nlv - 1;
		if (r->lv[l].a == NULL) {	/* a leaf or skipped member */
			if (l == 0)
				return SB_EOF;
			level_reset(&r->lv[l]);
			r->nlv--;
			continue;
		}
		if ((st = next_entry(r, l, &what)) != SB_OK)
			return st;
		if (what == M_END) {
			if (l == 0)
				return SB_EOF;
			level_reset(&r->lv[l]);
			r->nlv--;
			continue;
		}
		if (what == M_SKIP) {
			if (r->nlv == l + 2) {
				level_reset(&r->lv[l + 1]);
				r->nlv--;
			}
			continue;
		}
		if ((st = classify(r, l + 1, &what)) != SB_OK)
			return st;
		if (what == C_LEAF)
			return SB_OK;
	}
}

/*
 * Encodings.
 */

static bool
is_utf8_name(const char *s)
{
	return strcasecmp(s, "UTF-8") == 0 || strcasecmp(s, "UTF8") == 0;
}

/* Convert s[0..n) with iconv and append it to out. */
static int
iconv_append(struct sb_reader *r, const char *s, size_t n,
    struct sb_buf *out)
{
	char *in = (char *)s, *o;
	size_t inleft = n, oleft;

	/* Reset the shift state: every field or record starts afresh. */
	iconv(r->cd, NULL, NULL, NULL, NULL);
	for (;;) {
		if (sb_buf_grow(out, inleft * 4 + 16) != 0)
			return CV_LONG;
		o = out->data + out->len;
		oleft = out->cap - out->len - 1;
		if (iconv(r->cd, &in, &inleft, &o, &oleft) != (size_t)-1)
			break;
		out->len = (size_t)(o - out->data);
		if (errno != E2BIG)
			return CV_BAD;	/* EILSEQ, or EINVAL: incomplete */
	}
	if (iconv(r->cd, NULL, NULL, &o, &oleft) == (size_t)-1)
		return CV_BAD;
	out->len = (size_t)(o - out->data);
	out->data[out->len] = '\0';
	return CV_OK;
}

/*
 * Append s[0..n) to out as UTF-8 followed by a NUL, which is counted in
 * out->len so that fields can follow each other; *outlen is the text's
 * length.  The text is checked (UTF-8) or converted (any other encoding).
 */
static int
to_utf8(struct sb_reader *r, const char *s, size_t n, struct sb_buf *out,
    size_t *outlen)
{
	size_t start = out->len;
	int cv;

	if (r->enc == NULL) {
		if (!sb_utf8_valid(s, n))
			return memchr(s, '\0', n) != NULL ? CV_NUL : CV_BAD;
		if (sb_buf_add(out, s, n) != 0)
			return CV_LONG;
	} else {
		cv = iconv_append(r, s, n, out);
		if (cv == CV_OK &&
		    memchr(out->data + start, '\0', out->len - start) != NULL)
			cv = CV_NUL;
		if (cv != CV_OK) {
			out->len = start;
			if (out->data != NULL)
				out->data[start] = '\0';
			return cv;
		}
	}
	*outlen = out->len - start;
	return sb_buf_addc(out, '\0') != 0 ? CV_LONG : CV_OK;
}

/* The reason for a failed to_utf8(), in reason; where: "column 3". */
static void
cv_reason(struct sb_reader *r, int cv, const char *where)
{
	const char *enc = r->enc != NULL ? r->enc : "UTF-8";

	if (cv == CV_NUL)
		snprintf(r->reason, sizeof(r->reason), "NUL byte in %s",
		    where);
	else if (cv == CV_BAD)
		snprintf(r->reason, sizeof(r->reason),
		    "invalid byte sequence for encoding %s in %s", enc, where);
	else
		snprintf(r->reason, sizeof(r->reason),
		    "%s too long after conversion to UTF-8", where);
}

/*
 * The leaf.
 */

static void
prov(struct sb_reader *r, struct sb_rec *rec, long line)
{
	rec->format = r->fmt;
	rec->member = r->lv[r->nlv - 1].name;
	rec->record = r->record;
	rec->line = line;
}

/* Next block of the leaf into r->chunk; lv_read()'s return values. */
static int
chunk_next(struct sb_reader *r)
{
	const void *p;
	size_t n;
	int st;

	if ((st = lv_read(r, r->nlv - 1, &p, &n)) != 1)
		return st;
	r->chunk = p;
	r->clen = n;
	r->cpos = 0;
	r->nl_at = r->cr_at = SIZE_MAX;
	return 1;
}

/* A leaf's data stopped: fatal (-1), or the member is unreadable (-2). */
static int
chunk_fail(struct sb_reader *r, int st)
{
	char msg[320];
	int l = r->nlv - 1;

	if (st == -1)
		return fail(r, l, r->io_errno != 0 ? SB_E_IO : SB_E_DATA,
		    "%s", r->cause);
	snprintf(msg, sizeof(msg), "cannot be read further (%s), rest skipped",
	    r->cause);
	note(r, l, msg);
	return SB_EOF;
}

/*
 * CSV.
 */

static int
space_none(unsigned char c)
{
	(void)c;
	return 0;
}

static int
space_blank(unsigned char c)
{
	return c == ' ';
}

/* The most frequent of , ; TAB | outside quotes in the first line. */
static unsigned char
sniff(const char *p, size_t n, unsigned char quote)
{
	static const unsigned char cand[] = {',', ';', '\t', '|'};
	size_t cnt[4] = {0, 0, 0, 0}, i, k, best = 0;
	bool inq = false;

	for (i = 0; i < n; i++) {
		if ((unsigned char)p[i] == quote)
			inq = !inq;
		else if (inq)
			continue;
		else if (p[i] == '\n' || p[i] == '\r')
			break;
		for (k = 0; k < 4; k++)
			if ((unsigned char)p[i] == cand[k])
				cnt[k]++;
	}
	for (k = 1; k < 4; k++)
		if (cnt[k] > cnt[best])
			best = k;
	return cand[best];
}

static void
row_reset(struct csvst *c)
{
	c->nf = c->nstored = c->rowlen = 0;
	c->overflow = c->toomany = c->unterminated = c->done = false;
	sb_buf_reset(&c->row);
}

/* Keep field nstored of the row (s[0..n)). */
static void
row_store(struct csvst *c, const char *s, size_t n)
{
	size_t k = c->nstored;

	if (sb_buf_grow(&c->row, n + 1) != 0) {
		c->nomem = true;
		return;
	}
	c->off[k] = c->row.len;
	c->len[k] = n;
	if (n > 0)
		memcpy(c->row.data + c->row.len, s, n);
	c->row.len += n;
	c->row.data[c->row.len++] = '\0';
	c->row.data[c->row.len] = '\0';
	c->nstored = k + 1;
}

/* The row passes max_record: keep what fits of this last field for raw. */
static void
row_overflow(struct sb_reader *r, const char *s, size_t n)
{
	struct csvst *c = &r->csv;
	size_t used = c->rowlen + (c->nstored > 0);

	c->overflow = true;
	if (c->nstored < SB_READER_MAX_FIELDS && used < r->maxrec)
		row_store(c, s, n < r->maxrec - used ? n : r->maxrec - used);
}

/* libcsv's field callback: s[0..n) is the next field of the row. */
static void
csv_cb_field(void *s, size_t n, void *data)
{
	struct sb_reader *r = data;
	struct csvst *c = &r->csv;
	size_t add = n + (c->nf > 0);

	c->nf++;
	if (c->overflow || c->toomany) {
		c->rowlen += add;
		return;
	}
	if (c->nf > SB_READER_MAX_FIELDS)
		c->toomany = true;
	else if (c->rowlen + add > r->maxrec)
		row_overflow(r, s, n);
	else
		row_store(c, s, n);
	c->rowlen += add;
}

/* libcsv's row callback; with CSV_REPALL_NL it also comes for every
 * newline outside a row (blank lines, the LF of CRLF): no fields then. */
static void
csv_cb_row(int ch, void *data)
{
	struct sb_reader *r = data;
	struct csvst *c = &r->csv;

	(void)ch;
	c->start_pending = true;
	if (c->nf > 0)
		c->done = true;
}

/*
 * libcsv grows the buffer of the field being read without a limit; a
 * field that makes its row pass max_record is cut here, between parse
 * calls, so that memory stays bounded by max_record plus one block.  The
 * parser's state is kept (it may be inside quotes); only the bytes go.
 */
static void
csv_bound(struct sb_reader *r)
{
	struct csvst *c = &r->csv;
	struct csv_parser *p = &c->p;

	if (p->entry_pos == 0)
		return;
	if (!c->overflow && !c->toomany) {
		if (c->rowlen + (c->nf > 0) + p->entry_pos <= r->maxrec)
			return;
		row_overflow(r, (const char *)p->entry_buf, p->entry_pos);
	}
	if (p->entry_pos <= CSV_BLK)
		return;
	/*
	 * When the field is submitted libcsv drops `spaces` trailing bytes,
	 * plus the closing quote after a quoted field: keep that many.
	 */
	if (p->spaces > 16)
		p->spaces = 16;
	p->entry_pos = p->spaces + 1;
}

/* Parse the leaf up to the end of the next line (CR or LF) or block. */
static int
csv_segment(struct sb_reader *r)
{
	struct csvst *c = &r->csv;
	const char *p = r->chunk, *q;
	size_t pos = r->cpos, n = r->clen, end;

	/* Where the next LF and CR are, found once per block and byte. */
	if (r->nl_at == SIZE_MAX || r->nl_at < pos) {
		q = memchr(p + pos, '\n', n - pos);
		r->nl_at = q != NULL ? (size_t)(q - p) : n;
	}
	if (r->cr_at == SIZE_MAX || r->cr_at < pos) {
		q = memchr(p + pos, '\r', n - pos);
		r->cr_at = q != NULL ? (size_t)(q - p) : n;
	}
	end = r->nl_at < r->cr_at ? r->nl_at : r->cr_at;
	end = end < n ? end + 1 : n;
	if (c->start_pending) {
		c->row_line = r->line;
		c->start_pending = false;
	}
	if (csv_parse(&c->p, p + pos, end - pos, csv_cb_field, csv_cb_row,
	    r) != end - pos || c->nomem)
		return fail(r, r->nlv - 1, SB_E_NOMEM, "CSV parser: %s",
		    c->nomem ? "out of memory" :
		    csv_strerror(csv_error(&c->p)));
	r->cpos = end;
	/* Lines: LF, CR, and CRLF once. */
	if (p[end - 1] == '\n') {
		if (!c->cr_end || end - pos != 1)
			r->line++;
		c->cr_end = false;
	} else if (p[end - 1] == '\r') {
		r->line++;
		c->cr_end = true;
	} else
		c->cr_end = false;
	csv_bound(r);
	return SB_OK;
}

/* Parse until a row is complete (SB_OK) or the member ends (SB_EOF). */
static int
csv_fill(struct sb_reader *r)
{
	struct csvst *c = &r->csv;
	int st;

	while (!c->done) {
		if (r->cpos < r->clen) {
			if ((st = csv_segment(r)) != SB_OK)
				return st;
			continue;
		}
		if (c->finished)
			return SB_EOF;
		if ((st = chunk_next(r)) == 1)
			continue;
		c->finished = true;
		if (st < 0) {
			csv_fini(&c->p, NULL, NULL, NULL);
			return chunk_fail(r, st);
		}
		if (c->p.pstate == LIBCSV_FIELD_BEGUN && c->p.quoted)
			c->unterminated = true;
		/* The last row may lack its newline. */
		csv_fini(&c->p, csv_cb_field, csv_cb_row, r);
		if (c->nomem)
			return fail(r, r->nlv - 1, SB_E_NOMEM, "out of memory");
	}
	return SB_OK;
}

/* The first row of a member (or names 1..n) becomes the header. */
static int
csv_header(struct sb_reader *r)
{
	struct csvst *c = &r->csv;
	char num[24], where[48];
	size_t i, n, tl;
	int cv;

	sb_buf_reset(&c->hbuf);
	if (!r->o.no_header && (c->overflow || c->toomany))
		return fail(r, r->nlv - 1, SB_E_DATA,
		    "CSV header longer than %zu bytes or over %d fields",
		    r->maxrec, SB_READER_MAX_FIELDS);
	n = r->o.no_header ? (c->nf < SB_READER_MAX_FIELDS ? c->nf :
	    SB_READER_MAX_FIELDS) : c->nstored;
	for (i = 0; i < n; i++) {
		c->coff[i] = c->hbuf.len;
		if (r->o.no_header) {
			snprintf(num, sizeof(num), "%zu", i + 1);
			cv = sb_buf_add(&c->hbuf, num, strlen(num) + 1) != 0 ?
			    CV_LONG : CV_OK;
		} else
			cv = to_utf8(r, c->row.data + c->off[i], c->len[i],
			    &c->hbuf, &tl);
		if (cv != CV_OK) {
			snprintf(where, sizeof(where), "header column %zu",
			    i + 1);
			cv_reason(r, cv, where);
			return fail(r, r->nlv - 1, SB_E_DATA, "%s", r->reason);
		}
	}
	for (i = 0; i < n; i++)
		c->hdr[i] = c->hbuf.data + c->coff[i];
	c->nhdr = n;
	c->have_header = true;
	r->header_gen++;
	return SB_OK;
}

/* Check or convert the row's fields into r->fv and the lengths array. */
static int
csv_convert(struct sb_reader *r, const size_t **lens, size_t *col)
{
	struct csvst *c = &r->csv;
	const char *s;
	size_t i;
	int cv;

	if (r->enc == NULL) {
		/* UTF-8: the fields are used where they are. */
		for (i = 0; i < c->nstored; i++) {
			s = c->row.data + c->off[i];
			if (!sb_utf8_valid(s, c->len[i])) {
				*col = i + 1;
				return memchr(s, '\0', c->len[i]) != NULL ?
				    CV_NUL : CV_BAD;
			}
			r->fv[i] = s;
		}
		for (; i < c->nhdr; i++)
			c->len[i] = 0;
		*lens = c->len;
		return CV_OK;
	}
	sb_buf_reset(&r->conv);
	for (i = 0; i < c->nstored; i++) {
		c->coff[i] = r->conv.len;
		cv = to_utf8(r, c->row.data + c->off[i], c->len[i], &r->conv,
		    &r->fl[i]);
		if (cv != CV_OK) {
			*col = i + 1;
			return cv;
		}
	}
	for (i = 0; i < c->nstored; i++)
		r->fv[i] = r->conv.data + c->coff[i];
	for (; i < c->nhdr; i++)
		r->fl[i] = 0;
	*lens = r->fl;
	return CV_OK;
}

/* Append field s[0..n) to b, quoted when it has to be. */
static int
csv_put(struct sb_buf *b, const char *s, size_t n, unsigned char delim,
    unsigned char quote)
{
	size_t k, need;

	for (k = 0; k < n; k++)
		if ((unsigned char)s[k] == delim ||
		    (unsigned char)s[k] == quote || s[k] == '\n' ||
		    s[k] == '\r')
			break;
	if (k == n)
		return sb_buf_add(b, s, n);
	need = csv_write2(NULL, 0, s, n, quote);
	if (sb_buf_grow(b, need) != 0)
		return -1;
	b->len += csv_write2(b->data + b->len, need, s, n, quote);
	b->data[b->len] = '\0';
	return 0;
}

/* Fill rej with the row's original bytes as CSV, cut at max_record. */
static int
csv_reject(struct sb_reader *r, struct sb_rawrej *rej)
{
	struct csvst *c = &r->csv;
	struct sb_buf *b = &r->raw;
	bool cut = c->overflow || c->toomany;
	size_t i;

	sb_buf_reset(b);
	for (i = 0; i < c->nstored; i++) {
		if ((i > 0 && sb_buf_addc(b, (char)c->delim) != 0) ||
		    csv_put(b, c->row.data + c->off[i], c->len[i], c->delim,
		    c->quote) != 0) {
			cut = true;
			break;
		}
	}
	if (b->len > r->maxrec) {
		b->len = r->maxrec;
		b->data[b->len] = '\0';
		cut = true;
	}
	rej->reason = r->reason;
	rej->raw = b->data != NULL ? b->data : "";
	rej->rawlen = b->len;
	rej->truncated = cut;
	return SB_REJECT;
}

/* Turn the completed row into a record, a reject, a header or nothing. */
static int
csv_row(struct sb_reader *r, struct sb_rec *rec, struct sb_rawrej *rej)
{
	struct csvst *c = &r->csv;
	const size_t *lens;
	char where[32];
	size_t i, col;
	int st, cv;

	if (c->nf == 1 && c->nstored == 1 && c->len[0] == 0)
		return ROW_SKIP;		/* a blank line */
	if (!c->have_header) {
		if ((st = csv_header(r)) != SB_OK)
			return st;
		if (!r->o.no_header)
			return ROW_SKIP;
	}
	r->record++;
	r->nrec++;
	prov(r, rec, c->row_line);
	if (c->overflow)
		snprintf(r->reason, sizeof(r->reason),
		    "record longer than %zu bytes", r->maxrec);
	else if (c->toomany)
		snprintf(r->reason, sizeof(r->reason),
		    "row has more than %d fields", SB_READER_MAX_FIELDS);
	else if (c->unterminated)
		snprintf(r->reason, sizeof(r->reason),
		    "unterminated quoted field at end of data");
	else if (c->nf > c->nhdr)
		snprintf(r->reason, sizeof(r->reason),
		    "row has %zu fields, header has %zu", c->nf, c->nhdr);
	else if ((cv = csv_convert(r, &lens, &col)) != CV_OK) {
		snprintf(where, sizeof(where), "column %zu", col);
		cv_reason(r, cv, where);
	} else {
		for (i = c->nstored; i < c->nhdr; i++)
			r->fv[i] = "";
		rec->kind = SB_REC_CSV;
		rec->fields = r->fv;
		rec->lens = lens;
		rec->nfields = c->nhdr;
		rec->header = c->hdr;
		rec->nheader = c->nhdr;
		rec->header_gen = r->header_gen;
		return SB_OK;
	}
	return csv_reject(r, rej);
}

static int
csv_next(struct sb_reader *r, struct sb_rec *rec, struct sb_rawrej *rej)
{
	int st;

	for (;;) {
		row_reset(&r->csv);
		if ((st = csv_fill(r)) != SB_OK)
			return st;
		if ((st = csv_row(r, rec, rej)) != ROW_SKIP)
			return st;
	}
}

static int
csv_arrays(struct sb_reader *r)
{
	struct csvst *c = &r->csv;
	size_t n = SB_READER_MAX_FIELDS;

	if (c->off != NULL)
		return 0;
	c->off = calloc(n, sizeof(*c->off));
	c->len = calloc(n, sizeof(*c->len));
	c->coff = calloc(n, sizeof(*c->coff));
	c->hdr = calloc(n, sizeof(*c->hdr));
	r->fv = calloc(n, sizeof(*r->fv));
	r->fl = calloc(n, sizeof(*r->fl));
	if (c->off == NULL || c->len == NULL || c->coff == NULL ||
	    c->hdr == NULL || r->fv == NULL || r->fl == NULL)
		return -1;
	return 0;
}

/* Set libcsv up for a member whose first bytes (after spaces) are p. */
static int
csv_start(struct sb_reader *r, const char *p, size_t n)
{
	struct csvst *c = &r->csv;

	if (csv_arrays(r) != 0)
		return fail(r, r->nlv - 1, SB_E_NOMEM, "out of memory");
	if (!c->init) {
		if (csv_init(&c->p, CSV_REPALL_NL) != 0)
			return fail(r, r->nlv - 1, SB_E_NOMEM, "csv_init");
		csv_set_blk_size(&c->p, CSV_BLK);
		c->init = true;
	} else
		csv_fini(&c->p, NULL, NULL, NULL);	/* drop old state */
	c->quote = r->o.quote != 0 ? (unsigned char)r->o.quote : '"';
	c->delim = r->o.delimiter != 0 ? (unsigned char)r->o.delimiter :
	    sniff(p, n, c->quote);
	csv_set_delim(&c->p, c->delim);
	csv_set_quote(&c->p, c->quote);
	/* libcsv trims spaces and tabs unless told what a space is. */
	csv_set_space_func(&c->p, !r->o.trim ? space_none :
	    c->delim == '\t' ? space_blank : NULL);
	row_reset(c);
	c->finished = c->have_header = c->nomem = c->cr_end = false;
	c->nhdr = 0;
	c->start_pending = true;
	return SB_OK;
}

/*
 * JSON and NDJSON: a splitter finds the bytes of each top-level value,
 * tracking strings, escapes and depth, and cJSON parses them one at a time.
 */

static void
jrec_begin(struct sb_reader *r, int kind)
{
	struct jsonst *j = &r->js;

	j->in_rec = true;
	j->kind = kind;
	j->depth = 0;
	j->in_str = j->esc = j->deep = j->overflow = j->cut = false;
	j->nl_check = NL_ANY;
	j->objmask = 0;
	j->last = 0;
	j->total = 0;
	j->rec_line = r->line;
	sb_buf_reset(&j->text);
}

/* Keep the record's bytes up to max_record, count them all. */
static int
jrec_add(struct sb_reader *r, const char *p, size_t n)
{
	struct jsonst *j = &r->js;
	size_t room;

	j->total += n;
	if (j->overflow)
		return 0;
	room = r->maxrec - j->text.len;
	if (n > room) {
		j->overflow = true;
		n = room;
	}
	return sb_buf_add(&j->text, p, n);
}

/* Pass spaces, the outer array's [ , ] and start the next record. */
static void
json_between(struct sb_reader *r)
{
	struct jsonst *j = &r->js;
	unsigned char c;

	while (r->cpos < r->clen && !j->in_rec) {
		c = (unsigned char)r->chunk[r->cpos];
		if (c == '\n')
			r->line++;
		if (c == '\n' || c == ' ' || c == '\t' || c == '\r') {
			r->cpos++;
		} else if (j->in_array && (c == ',' || c == ']')) {
			j->in_array = c == ',';
			r->cpos++;
		} else if (!j->in_array && c == '[' &&
		    r->fmt == SB_FMT_JSON) {
			j->in_array = true;
			r->cpos++;
		} else if (c == '{' || c == '[')
			jrec_begin(r, J_VALUE);
		else
			jrec_begin(r, j->in_array ? J_SCALAR : J_GARBAGE);
	}
}

/* What JSON lets come next, at a newline outside strings. */
static int
nl_expect(const struct jsonst *j)
{
	bool obj = j->depth <= 64 && ((j->objmask >> (j->depth - 1)) & 1);

	if (j->last != '{' && j->last != '[' && j->last != ',' &&
	    j->last != ':')
		return NL_AFTER_VALUE;
	if (j->last == '{' || (j->last == ',' && obj))
		return NL_KEY;
	return NL_ANY;
}

static bool
nl_fits(int expect, unsigned char c)
{
	if (expect == NL_AFTER_VALUE)
		return c == ',' || c == ':' || c == '}' || c == ']';
	if (expect == NL_KEY)
		return c == '"' || c == '}';
	return true;
}

/*
 * Scan an object or array from p[i]; returns where the record ends (or n)
 * and sets *done.  A raw newline in a string ends a record as broken, and
 * so does a newline followed by what JSON cannot have there (a value
 * after a value, or something other than a key after { or ,): an NDJSON
 * line cut short must not swallow the lines after it.
 */
static size_t
scan_value(struct sb_reader *r, const unsigned char *p, size_t i, size_t n,
    bool *done)
{
	struct jsonst *j = &r->js;
	size_t start = i;
	unsigned char c;

	for (; i < n; i++) {
		c = p[i];
		if (j->in_str) {
			if (j->esc)
				j->esc = false;
			else if (c == '\\')
				j->esc = true;
			else if (c == '"')
				j->in_str = false;
			else if (c == '\n')
				break;
			continue;
		}
		if (c == '\n') {
			r->line++;
			if (j->nl_check == NL_ANY &&
			    (j->nl_check = nl_expect(j)) != NL_ANY)
				j->cut_at = j->total + (i - start);
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\r')
			continue;
		if (!nl_fits(j->nl_check, c)) {
			j->cut = true;
			break;
		}
		j->nl_check = NL_ANY;
		j->last = c;
		if (c == '"')
			j->in_str = true;
		else if (c == '{' || c == '[') {
			if (++j->depth > SB_READER_MAX_DEPTH)
				j->deep = true;
			else if (c == '{')
				j->objmask |= (uint64_t)1 << (j->depth - 1);
			else
				j->objmask &= ~((uint64_t)1 << (j->depth - 1));
		} else if ((c == '}' || c == ']') && --j->depth == 0) {
			*done = true;
			return i + 1;
		}
	}
	*done = i < n;
	return i;
}

/* A non-object array element: up to , ] or a newline outside strings. */
static size_t
scan_scalar(struct sb_reader *r, const unsigned char *p, size_t i, size_t n,
    bool *done)
{
	struct jsonst *j = &r->js;
	unsigned char c;

	for (; i < n; i++) {
		c = p[i];
		if (c == '\n')
			break;
		if (j->in_str) {
			if (j->esc)
				j->esc = false;
			else if (c == '\\')
				j->esc = true;
			else if (c == '"')
				j->in_str = false;
		} else if (c == '"')
			j->in_str = true;
		else if (c == ',' || c == ']')
			break;
	}
	*done = i < n;
	return i;
}

/* Text that is not JSON: the rest of the line. */
static size_t
scan_garbage(const unsigned char *p, size_t i, size_t n, bool *done)
{
	const unsigned char *q = memchr(p + i, '\n', n - i);

	*done = q != NULL;
	return q != NULL ? (size_t)(q - p) : n;
}

/* Scan the current record in this block; SB_OK when it is complete. */
static int
json_scan(struct sb_reader *r, bool *done)
{
	struct jsonst *j = &r->js;
	const unsigned char *p = (const unsigned char *)r->chunk;
	size_t end;

	if (j->kind == J_VALUE)
		end = scan_value(r, p, r->cpos, r->clen, done);
	else if (j->kind == J_SCALAR)
		end = scan_scalar(r, p, r->cpos, r->clen, done);
	else
		end = scan_garbage(p, r->cpos, r->clen, done);
	if (jrec_add(r, r->chunk + r->cpos, end - r->cpos) != 0)
		return fail(r, r->nlv - 1, SB_E_NOMEM, "out of memory");
	r->cpos = end;
	if (*done && j->cut && j->text.len > j->cut_at) {
		/* The record ends before the newline that broke it. */
		j->text.len = j->cut_at;
		j->text.data[j->text.len] = '\0';
		j->overflow = false;
	}
	return SB_OK;
}

static int __attribute__((format(printf, 3, 4)))
json_reject(struct sb_reader *r, struct sb_rawrej *rej, const char *fmt, ...)
{
	struct jsonst *j = &r->js;
	va_list ap;

	if (fmt != NULL) {	/* NULL: r->reason is set */
		va_start(ap, fmt);
		vsnprintf(r->reason, sizeof(r->reason), fmt, ap);
		va_end(ap);
	}
	rej->reason = r->reason;
	rej->raw = j->text.data != NULL ? j->text.data : "";
	rej->rawlen = j->text.len;
	rej->truncated = j->overflow;
	return SB_REJECT;
}

static bool
json_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Parse the record's bytes into an object, or say why not. */
static int
json_finish(struct sb_reader *r, struct sb_rec *rec, struct sb_rawrej *rej)
{
	struct jsonst *j = &r->js;
	const char *text, *end = NULL;
	size_t len, k;
	cJSON *json;
	int cv;

	j->in_rec = false;
	r->record++;
	r->nrec++;
	prov(r, rec, j->rec_line);
	if (j->overflow)
		return json_reject(r, rej, "record longer than %zu bytes",
		    r->maxrec);
	if (j->deep)
		return json_reject(r, rej, "JSON nested deeper than %d levels",
		    SB_READER_MAX_DEPTH);
	if (r->enc == NULL) {
		text = j->text.data;
		len = j->text.len;
		cv = sb_utf8_valid(text, len) ? CV_OK :
		    memchr(text, '\0', len) != NULL ? CV_NUL : CV_BAD;
	} else {
		sb_buf_reset(&r->conv);
		cv = to_utf8(r, j->text.data, j->text.len, &r->conv, &len);
		text = r->conv.data;
	}
	if (cv != CV_OK) {
		cv_reason(r, cv, "the record");
		return json_reject(r, rej, NULL);
	}
	json = cJSON_ParseWithLengthOpts(text, len, &end, 0);
	k = end != NULL && end >= text && (size_t)(end - text) < len ?
	    (size_t)(end - text) : len;
	if (json != NULL)
		while (k < len && json_space(text[k]))
			k++;
	if (json == NULL || k < len) {
		cJSON_Delete(json);
		return json_reject(r, rej,
		    "malformed JSON at byte offset %zu of the record", k);
	}
	if (!cJSON_IsObject(json)) {
		cJSON_Delete(json);
		return json_reject(r, rej, "record is not a JSON object");
	}
	r->json = json;
	rec->kind = SB_REC_JSON;
	rec->json = json;
	rec->text = text;
	rec->textlen = len;
	return SB_OK;
}

static int
json_next(struct sb_reader *r, struct sb_rec *rec, struct sb_rawrej *rej)
{
	struct jsonst *j = &r->js;
	bool done;
	int st;

	for (;;) {
		if (r->cpos == r->clen) {
			if ((st = chunk_next(r)) == 1)
				continue;
			if (st < 0)
				return chunk_fail(r, st);
			/* The end of the data ends a record too. */
			if (j->in_rec)
				return json_finish(r, rec, rej);
			if (j->in_array) {
				note(r, r->nlv - 1, "JSON array not closed at "
				    "the end of the data");
				j->in_array = false;
			}
			return SB_EOF;
		}
		if (!j->in_rec) {
			json_between(r);
			continue;
		}
		if ((st = json_scan(r, &done)) != SB_OK)
			return st;
		if (done)
			return json_finish(r, rec, rej);
	}
}

/* Start parsing level l: skip a BOM, find the format. */
static int
leaf_start(struct sb_reader *r, int l)
{
	struct level *lv = &r->lv[l];
	const char *p = lv->peek.data != NULL ? lv->peek.data : "";
	size_t n = lv->peek.len, i = 0;

	if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		lv->peek_off = i = 3;
	while (i < n && json_space(p[i]))
		i++;
	if (r->o.format != SB_FMT_AUTO)
		r->fmt = r->o.format;
	else if (i < n && p[i] == '[')
		r->fmt = SB_FMT_JSON;
	else if (i < n && p[i] == '{')
		r->fmt = SB_FMT_NDJSON;
	else
		r->fmt = SB_FMT_CSV;
	r->record = r->nrec = 0;
	r->line = 1;
	r->chunk = NULL;
	r->clen = r->cpos = 0;
	if (r->fmt == SB_FMT_CSV)
		return csv_start(r, p + i, n - i);
	r->js.in_array = r->js.in_rec = false;
	return SB_OK;
}

/* An archive member without records is worth a note; an empty operand
 * (empty stdin, say) is normal. */
static void
leaf_end(struct sb_reader *r)
{
	if (r->nrec == 0 && r->lv[r->nlv - 1].name != NULL)
		note(r, r->nlv - 1, "no records");
}

/*
 * The interface.
 */

static int
open_input(struct sb_reader *r, const char *path)
{
	struct stat st;
	char eb[128];

	if (strcmp(path, "-") == 0)
		r->fd = 0;
	else if ((r->fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return sb_seterr(&r->err, SB_FATAL, SB_E_NOINPUT, "%s: %s",
		    path, errstr(errno, eb, sizeof(eb)));
	else
		r->own_fd = true;
	if (fstat(r->fd, &st) != 0)
		return sb_seterr(&r->err, SB_FATAL, SB_E_NOINPUT, "%s: %s",
		    r->dname, errstr(errno, eb, sizeof(eb)));
	if (S_ISDIR(st.st_mode))
		return sb_seterr(&r->err, SB_FATAL, SB_E_NOINPUT, "%s: %s",
		    r->dname, errstr(EISDIR, eb, sizeof(eb)));
	r->base = lseek(r->fd, 0, SEEK_CUR);
	r->seekable = S_ISREG(st.st_mode) && r->base >= 0;
	return SB_OK;
}

static int
set_opts(struct sb_reader *r, const struct sb_reader_opts *opts)
{
	static const struct sb_reader_opts defaults;
	int q;

	r->o = opts != NULL ? *opts : defaults;
	r->o.encoding = NULL;
	r->maxrec = r->o.max_record != 0 ? r->o.max_record :
	    SB_READER_DEFAULT_MAX_RECORD;
	if (r->maxrec > SIZE_MAX / 8)
		r->maxrec = SIZE_MAX / 8;
	q = r->o.quote != 0 ? r->o.quote : '"';
	if (r->o.delimiter < 0 || r->o.delimiter > 255 || q < 0 || q > 255 ||
	    r->o.delimiter == '\n' || r->o.delimiter == '\r' ||
	    q == '\n' || q == '\r' || r->o.delimiter == q)
		return sb_seterr(&r->err, SB_FATAL, SB_E_USAGE,
		    "invalid CSV delimiter or quote character");
	if (opts == NULL || opts->encoding == NULL ||
	    is_utf8_name(opts->encoding))
		return SB_OK;
	if ((r->enc = strdup(opts->encoding)) == NULL)
		return sb_seterr(&r->err, SB_FATAL, SB_E_NOMEM,
		    "out of memory");
	if ((r->cd = iconv_open("UTF-8", r->enc)) == (iconv_t)-1)
		return sb_seterr(&r->err, SB_FATAL, SB_E_USAGE,
		    "unknown encoding: %s", r->enc);
	return SB_OK;
}

int
sb_reader_open(struct sb_reader **rp, const char *path,
    const struct sb_reader_opts *opts, struct sb_err *e)
{
	struct sb_reader *r;
	size_t big;
	int l, st = SB_FATAL;

	*rp = NULL;
	if ((r = calloc(1, sizeof(*r))) == NULL)
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
	r->fd = -1;
	r->cd = (iconv_t)-1;
	if ((r->source = strdup(path)) == NULL) {
		sb_seterr(&r->err, SB_FATAL, SB_E_NOMEM, "out of memory");
		goto out;
	}
	r->dname = strcmp(path, "-") == 0 ? "stdin" : r->source;
	if (set_opts(r, opts) != SB_OK || open_input(r, path) != SB_OK)
		goto out;
	big = r->maxrec * 4 + SB_READER_MAX_FIELDS * 2 + 64;
	sb_buf_init(&r->csv.row, r->maxrec + SB_READER_MAX_FIELDS + 64);
	sb_buf_init(&r->csv.hbuf, big);
	sb_buf_init(&r->js.text, r->maxrec);
	sb_buf_init(&r->conv, big);
	sb_buf_init(&r->raw, r->maxrec * 2 + 64);
	for (l = 0; l <= SB_READER_MAX_NESTING; l++) {
		r->lv[l].r = r;
		r->lv[l].idx = l;
		sb_buf_init(&r->lv[l].peek, PEEK_SIZE);
	}
	r->nlv = 1;
	/* Without C.UTF-8 (not a glibc system) names stay as they come. */
	r->loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	if ((r->fdbuf = malloc(BLOCK_SIZE)) == NULL) {
		sb_seterr(&r->err, SB_FATAL, SB_E_NOMEM, "out of memory");
		goto out;
	}
	r->state = ST_START;
	*rp = r;
	r = NULL;
	st = SB_OK;
out:
	if (r != NULL) {
		if (e != NULL)
			*e = r->err;
		sb_reader_free(r);
	}
	return st;
}

/* Find records: the leaf's parser, then the next leaf, until one comes. */
static int
next_record(struct sb_reader *r, struct sb_rec *rec, struct sb_rawrej *rej)
{
	int st, what;

	for (;;) {
		if (r->state == ST_MEMBER) {
			st = r->fmt == SB_FMT_CSV ? csv_next(r, rec, rej) :
			    json_next(r, rec, rej);
			if (st != SB_EOF)
				return st;
			leaf_end(r);
			r->state = ST_NEXT;
		}
		if (r->state == ST_START) {
			r->state = ST_NEXT;
			if ((st = classify(r, 0, &what)) != SB_OK)
				return st;
			if (what == C_LEAF) {
				r->state = ST_MEMBER;
				continue;
			}
		}
		if ((st = advance(r)) != SB_OK)
			return st;
		r->state = ST_MEMBER;
	}
}

int
sb_reader_next(struct sb_reader *r, struct sb_rec *rec,
    struct sb_rawrej *rej, struct sb_err *e)
{
	locale_t old;
	int st;

	memset(rec, 0, sizeof(*rec));
	memset(rej, 0, sizeof(*rej));
	rec->source = r->source;
	cJSON_Delete(r->json);
	r->json = NULL;
	if (r->state == ST_DONE)
		return SB_EOF;
	if (r->state == ST_DEAD)
		st = SB_FATAL;
	else {
		/*
		 * libarchive converts member names to the locale's charset;
		 * in the C locale non-ASCII names are lost.  uselocale() is
		 * per thread: the caller's locale is back on return.
		 */
		old = r->loc != (locale_t)0 ? uselocale(r->loc) : (locale_t)0;
		st = next_record(r, rec, rej);
		if (old != (locale_t)0)
			uselocale(old);
		if (st == SB_EOF)
			r->state = ST_DONE;
		else if (st == SB_FATAL)
			r->state = ST_DEAD;
	}
	if (st == SB_FATAL && e != NULL)
		*e = r->err;
	return st;
}

const char *
sb_reader_note(struct sb_reader *r)
{
	free(r->note_out);
	r->note_out = NULL;
	if (r->nnotes > 0) {
		r->note_out = r->notes[r->nhead];
		r->nhead = (r->nhead + 1) % NOTE_MAX;
		r->nnotes--;
		return r->note_out;
	}
	if (r->ndropped > 0) {
		snprintf(r->dropped, sizeof(r->dropped),
		    "%lu more notes dropped", r->ndropped);
		r->ndropped = 0;
		return r->dropped;
	}
	return NULL;
}

void
sb_reader_free(struct sb_reader *r)
{
	int l;

	if (r == NULL)
		return;
	/* Inner archives read from outer ones: free them first. */
	for (l = SB_READER_MAX_NESTING; l >= 0; l--) {
		level_reset(&r->lv[l]);
		sb_buf_release(&r->lv[l].peek);
	}
	if (r->csv.init)
		csv_free(&r->csv.p);
	sb_buf_release(&r->csv.row);
	sb_buf_release(&r->csv.hbuf);
	sb_buf_release(&r->js.text);
	sb_buf_release(&r->conv);
	sb_buf_release(&r->raw);
	free(r->csv.off);
	free(r->csv.len);
	free(r->csv.coff);
	free(r->csv.hdr);
	free(r->fv);
	free(r->fl);
	cJSON_Delete(r->json);
	if (r->cd != (iconv_t)-1)
		iconv_close(r->cd);
	if (r->loc != (locale_t)0)
		freelocale(r->loc);
	if (r->own_fd)
		close(r->fd);
	while (r->nnotes > 0) {
		free(r->notes[r->nhead]);
		r->nhead = (r->nhead + 1) % NOTE_MAX;
		r->nnotes--;
	}
	free(r->note_out);
	free(r->fdbuf);
	free(r->enc);
	free(r->source);
	free(r);
}
