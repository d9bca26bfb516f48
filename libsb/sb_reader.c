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
 * The parsers are pull-driven: CSV rows come from struct rows, which feeds
 * libcsv one line at a time (up to the next CR or LF), so that at most one
 * row completes per csv_parse() call and no queue of rows is needed; the
 * JSON splitter stops at the end of each top-level value.
 *
 * Chunk mode (sb_reader_next_chunk()): after a CSV member's header the
 * reader no longer parses rows.  It gathers the bytes, scans them for row
 * ends (scan_run()) and hands out chunks of whole rows, which
 * chunk parsers in other threads run through their own struct rows.  Where
 * the scan cannot follow the quotes, or a row is longer than a chunk may
 * be, the reader parses that stretch itself (fallback) and goes back to
 * chunks at the next row end after it.
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
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "sb_buf.h"
#include "sb_json.h"

#define BLOCK_SIZE	(256u << 10)	/* read(2) size for the operand */
#define PEEK_SIZE	(64u << 10)	/* bytes that tell what content is */
#define CSV_BLK		(16u << 10)	/* growth step of libcsv's buffer */
#define NOTE_MAX	64		/* notes kept; more are only counted */
#define CUT_SLICE	(32u << 10)	/* bytes taken into a chunk at once */
#define CUT_READ	(64u << 10)	/* bytes read(2) into a chunk at once */

/* libcsv's parser states (libcsv.c), read to bound its field buffer. */
#define LIBCSV_FIELD_BEGUN	2
#define LIBCSV_MIGHT_END	3	/* after a quote in a quoted field */

enum { ST_START, ST_MEMBER, ST_NEXT, ST_DONE, ST_DEAD };
enum { K_PLAIN, K_ARCHIVE, K_COMPRESSED };	/* probe() */
enum { C_LEAF, C_CONTAINER, C_SKIP };		/* classify() */
enum { M_MEMBER, M_SKIP, M_END };		/* next_entry() */
enum { J_VALUE, J_SCALAR, J_GARBAGE };		/* kinds of JSON spans */
enum { NL_ANY, NL_AFTER_VALUE, NL_KEY };	/* nl_expect() */
enum { CV_OK, CV_BAD, CV_NUL, CV_LONG };	/* to_utf8() */
/* A CSV member in chunk mode: rows parsed here (the header; everything
 * when not in chunk mode), chunks cut, a fallback, chunks all out. */
enum { CM_OFF, CM_CUT, CM_SEQ, CM_DONE };
#define ROW_SKIP	(-1)			/* csv_row(): not a record */
#define CUT_AGAIN	(-2)			/* cut_next(): fell back */

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

/* The block of bytes a parser is reading. */
struct cursor {
	const char *p;
	size_t len, pos;
	size_t nl_at, cr_at;	/* the next LF and CR; SIZE_MAX: not looked
				 * for in this block yet */
};

/* Encoding conversion.  iconv keeps state: one per thread. */
struct conv {
	const char *enc;	/* NULL: UTF-8, checked only */
	iconv_t cd;
};

/*
 * The CSV row machine: libcsv, the row it is completing, and what the row
 * becomes (UTF-8 fields, or a reject with its reason and raw bytes).  The
 * reader runs one over a member it parses itself; every chunk parser runs
 * one over its chunks.
 */
struct rows {
	struct csv_parser p;
	bool init;		/* p is csv_init()ed */
	unsigned char delim, quote;
	size_t maxrec;
	struct conv *cv;
	bool clean;		/* the bytes parsed are UTF-8 without NUL */
	long line;		/* the line the next byte is on */
	long row_line;		/* the line the current row starts on */
	bool cr_end;		/* the last line ended with CR */
	bool start_pending;	/* the next byte starts a row */
	/* The current row: original bytes, each field NUL-terminated. */
	struct sb_buf row;
	size_t *off;		/* offsets of the fields in row */
	size_t *len;		/* their lengths */
	size_t *coff;		/* offsets of converted fields */
	size_t nf;		/* fields seen, stored or not */
	size_t nstored;		/* fields in row */
	size_t rowlen;		/* field bytes and delimiters seen */
	bool overflow, toomany, unterminated, nomem, done;
	/* What the row became. */
	const char **fv;
	size_t *fl;
	struct sb_buf conv;
	struct sb_buf raw;
	char reason[160];
};

enum {
	SCAN_MORE,		/* need more bytes */
	SCAN_CUT,		/* a row ends at `cut`, at or past `want` */
	SCAN_BAD,		/* a quote at `bad` the scan cannot follow */
};

/* The next quote, LF or CR at or after some point: `at` is where one is
 * (found), or how far there is none. */
struct nextc {
	size_t at;
	bool found;
};

/* The chunk scan's state (scan_run()). */
struct scan {
	unsigned char delim, quote;
	unsigned char sp1, sp2;	/* bytes trimmed as spaces; sp1 0: none */
	bool inq;		/* inside a quoted field */
	size_t pos;		/* the next byte to look at */
	size_t cut;		/* the end of the last row found; 0: none */
	long nrec;		/* records in the rows before cut */
	size_t bad;		/* SCAN_BAD: where */
	struct nextc nq, nlf, ncr;
};

/* A CSV member, as the reader reads it. */
struct csvst {
	struct rows rows;
	bool finished;		/* csv_fini() done for this member */
	bool trim;
	/* The header of this member. */
	bool have_header;
	struct sb_buf hbuf;
	const char **hdr;
	size_t nhdr;
	/* Chunk mode. */
	int mode;		/* CM_* */
	struct sb_buf cut;	/* bytes from a row start, not handed out */
	size_t out;		/* cut[0..out) went out as the last chunk */
	size_t want;		/* bytes a chunk aims at */
	struct scan scan;
	bool replay;		/* fallback: the cursor reads cut */
	struct cursor saved;	/* the block behind cut, while it does */
	size_t fb_end;		/* back to chunks after the row past this */
	int err;		/* lv_read() failed behind the last chunk */
	char empty_note[512];
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
	struct conv cv;
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
	struct cursor cur;
	struct csvst csv;
	struct jsonst js;
	bool chunky;		/* chunks wanted (sb_reader_next_chunk) */
	struct sb_csvchunk *ck;	/* where the next chunk goes */

	/* What the last record points to. */
	struct sb_buf conv;
	cJSON *json;
	char reason[160];
	unsigned long header_gen;

	char *notes[NOTE_MAX];
	int nhead, nnotes;
	unsigned long ndropped;
	char *note_out;
	char dropped[64];
};

/* Headers are numbered across readers: a mapper that served one reader
 * must see a new number for the next reader's header. */
static atomic_ulong header_gens;

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

/* read(2) on the operand, again after EINTR; on an error r->cause says
 * why and -1 is returned. */
static ssize_t
fd_read(struct sb_reader *r, void *buf, size_t size)
{
	char eb[128];
	ssize_t k;

	do
		k = read(r->fd, buf, size);
	while (k < 0 && errno == EINTR);
	if (k < 0) {
		r->io_errno = errno;
		snprintf(r->cause, sizeof(r->cause), "read error: %s",
		    errstr(errno, eb, sizeof(eb)));
	}
	return k;
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
	int64_t off;
	ssize_t k;
	int ar;

	if (lv->eof)
		return 0;
	if (l == 0) {
		if ((k = fd_read(r, r->fdbuf, BLOCK_SIZE)) < 0)
			return -1;
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

/*
 * For chunks: up to size bytes of level l straight into buf, when l is the
 * operand itself and nothing is to be replayed (1, *n set); 2 when that
 * cannot be (lv_read() then); else lv_under()'s values.
 */
static int
lv_read_into(struct sb_reader *r, int l, char *buf, size_t size, size_t *n)
{
	struct level *lv = &r->lv[l];
	ssize_t k;

	if (l != 0 || lv->peek_off < lv->peek.len || lv->tail_len > 0)
		return 2;
	if (lv->eof)
		return 0;
	if ((k = fd_read(r, buf, size)) < 0)
		return -1;
	lv->eof = k == 0;
	lv->pos += k;
	*n = (size_t)k;
	return k > 0;
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

/* enc NULL or a UTF-8 name: no conversion.  0, or -1: unknown. */
static int
conv_open(struct conv *cv, const char *enc)
{
	cv->enc = NULL;
	cv->cd = (iconv_t)-1;
	if (enc == NULL || is_utf8_name(enc))
		return 0;
	cv->enc = enc;
	if ((cv->cd = iconv_open("UTF-8", enc)) == (iconv_t)-1)
		return -1;
	return 0;
}

static void
conv_close(struct conv *cv)
{
	if (cv->cd != (iconv_t)-1)
		iconv_close(cv->cd);
	cv->cd = (iconv_t)-1;
}

/* Convert s[0..n) with iconv and append it to out. */
static int
iconv_append(struct conv *cv, const char *s, size_t n, struct sb_buf *out)
{
	char *in = (char *)s, *o;
	size_t inleft = n, oleft;

	/* Reset the shift state: every field or record starts afresh. */
	iconv(cv->cd, NULL, NULL, NULL, NULL);
	for (;;) {
		if (sb_buf_grow(out, inleft * 4 + 16) != 0)
			return CV_LONG;
		o = out->data + out->len;
		oleft = out->cap - out->len - 1;
		if (iconv(cv->cd, &in, &inleft, &o, &oleft) != (size_t)-1)
			break;
		out->len = (size_t)(o - out->data);
		if (errno != E2BIG)
			return CV_BAD;	/* EILSEQ, or EINVAL: incomplete */
	}
	if (iconv(cv->cd, NULL, NULL, &o, &oleft) == (size_t)-1)
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
to_utf8(struct conv *cv, const char *s, size_t n, struct sb_buf *out,
    size_t *outlen)
{
	size_t start = out->len;
	int st;

	if (cv->enc == NULL) {
		if (!sb_utf8_valid(s, n))
			return memchr(s, '\0', n) != NULL ? CV_NUL : CV_BAD;
		if (sb_buf_add(out, s, n) != 0)
			return CV_LONG;
	} else {
		st = iconv_append(cv, s, n, out);
		if (st == CV_OK &&
		    memchr(out->data + start, '\0', out->len - start) != NULL)
			st = CV_NUL;
		if (st != CV_OK) {
			out->len = start;
			if (out->data != NULL)
				out->data[start] = '\0';
			return st;
		}
	}
	*outlen = out->len - start;
	return sb_buf_addc(out, '\0') != 0 ? CV_LONG : CV_OK;
}

/* The reason for a failed to_utf8(), into buf; where: "column 3". */
static void
cv_reason(const struct conv *cv, int st, const char *where, char *buf,
    size_t size)
{
	const char *enc = cv->enc != NULL ? cv->enc : "UTF-8";

	if (st == CV_NUL)
		snprintf(buf, size, "NUL byte in %s", where);
	else if (st == CV_BAD)
		snprintf(buf, size, "invalid byte sequence for encoding %s in "
		    "%s", enc, where);
	else
		snprintf(buf, size, "%s too long after conversion to UTF-8",
		    where);
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

static void
cursor_set(struct cursor *cur, const char *p, size_t n)
{
	cur->p = p;
	cur->len = n;
	cur->pos = 0;
	cur->nl_at = cur->cr_at = SIZE_MAX;
}

/* Next block of the leaf into r->cur; lv_read()'s return values.  A
 * fallback's replayed bytes come first, then the rest of their block. */
static int
chunk_next(struct sb_reader *r)
{
	struct csvst *c = &r->csv;
	const void *p;
	size_t n;
	int st;

	if (c->replay) {
		c->replay = false;
		sb_buf_reset(&c->cut);
		r->cur = c->saved;
		if (r->cur.pos < r->cur.len)
			return 1;
	}
	if ((st = lv_read(r, r->nlv - 1, &p, &n)) != 1)
		return st;
	cursor_set(&r->cur, p, n);
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
 * CSV rows (struct rows).
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

/* Buffers and arrays of a row machine; 0 or -1 (out of memory). */
static int
rows_init(struct rows *c, size_t maxrec, struct conv *cv)
{
	size_t n = SB_READER_MAX_FIELDS;

	c->maxrec = maxrec;
	c->cv = cv;
	sb_buf_init(&c->row, maxrec + SB_READER_MAX_FIELDS + 64);
	sb_buf_init(&c->conv, maxrec * 4 + SB_READER_MAX_FIELDS * 2 + 64);
	sb_buf_init(&c->raw, maxrec * 2 + 64);
	c->off = calloc(n, sizeof(*c->off));
	c->len = calloc(n, sizeof(*c->len));
	c->coff = calloc(n, sizeof(*c->coff));
	c->fv = calloc(n, sizeof(*c->fv));
	c->fl = calloc(n, sizeof(*c->fl));
	if (c->off == NULL || c->len == NULL || c->coff == NULL ||
	    c->fv == NULL || c->fl == NULL)
		return -1;
	if (csv_init(&c->p, CSV_REPALL_NL) != 0)
		return -1;
	csv_set_blk_size(&c->p, CSV_BLK);
	c->init = true;
	return 0;
}

static void
rows_free(struct rows *c)
{
	if (c->init)
		csv_free(&c->p);
	sb_buf_release(&c->row);
	sb_buf_release(&c->conv);
	sb_buf_release(&c->raw);
	free(c->off);
	free(c->len);
	free(c->coff);
	free(c->fv);
	free(c->fl);
}

static void
row_reset(struct rows *c)
{
	c->nf = c->nstored = c->rowlen = 0;
	c->overflow = c->toomany = c->unterminated = c->done = false;
	sb_buf_reset(&c->row);
}

/* Start at a row start (a member's, or a chunk's), on the given line. */
static void
rows_start(struct rows *c, unsigned char delim, unsigned char quote,
    bool trim, long line, bool cr_end)
{
	csv_fini(&c->p, NULL, NULL, NULL);	/* drop old state */
	c->delim = delim;
	c->quote = quote;
	csv_set_delim(&c->p, delim);
	csv_set_quote(&c->p, quote);
	/* libcsv trims spaces and tabs unless told what a space is (the
	 * chunk scan, scan_init(), follows this). */
	csv_set_space_func(&c->p, !trim ? space_none :
	    delim == '\t' ? space_blank : NULL);
	row_reset(c);
	c->nomem = false;
	c->clean = false;
	c->line = line;
	c->cr_end = cr_end;
	c->start_pending = true;
}

/* Keep field nstored of the row (s[0..n)). */
static void
row_store(struct rows *c, const char *s, size_t n)
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
row_overflow(struct rows *c, const char *s, size_t n)
{
	size_t used = c->rowlen + (c->nstored > 0);

	c->overflow = true;
	if (c->nstored < SB_READER_MAX_FIELDS && used < c->maxrec)
		row_store(c, s, n < c->maxrec - used ? n : c->maxrec - used);
}

/* libcsv's field callback: s[0..n) is the next field of the row. */
static void
csv_cb_field(void *s, size_t n, void *data)
{
	struct rows *c = data;
	size_t add = n + (c->nf > 0);

	c->nf++;
	if (c->overflow || c->toomany) {
		c->rowlen += add;
		return;
	}
	if (c->nf > SB_READER_MAX_FIELDS)
		c->toomany = true;
	else if (c->rowlen + add > c->maxrec)
		row_overflow(c, s, n);
	else
		row_store(c, s, n);
	c->rowlen += add;
}

/* libcsv's row callback; with CSV_REPALL_NL it also comes for every
 * newline outside a row (blank lines, the LF of CRLF): no fields then. */
static void
csv_cb_row(int ch, void *data)
{
	struct rows *c = data;

	(void)ch;
	c->start_pending = true;
	if (c->nf > 0)
		c->done = true;
}

/*
 * The bytes of the field being read that stay in it whatever comes next:
 * not the trailing spaces of an unquoted field, nor, after a quote in a
 * quoted field, that quote and the spaces after it (libcsv drops them if
 * the field ends there).  Where a parse call stopped must not matter.
 */
static size_t
entry_len(const struct csv_parser *p)
{
	size_t drop = p->spaces + (p->pstate == LIBCSV_MIGHT_END);

	if (p->quoted && p->pstate != LIBCSV_MIGHT_END)
		drop = 0;
	return p->entry_pos > drop ? p->entry_pos - drop : 0;
}

/*
 * libcsv grows the buffer of the field being read without a limit; a
 * field that makes its row pass max_record is cut here, between parse
 * calls, so that memory stays bounded by max_record plus one block.  The
 * parser's state is kept (it may be inside quotes); only the bytes go.
 */
static void
csv_bound(struct rows *c)
{
	struct csv_parser *p = &c->p;
	size_t n;

	if (p->entry_pos == 0)
		return;
	if (!c->overflow && !c->toomany) {
		n = entry_len(p);
		if (c->rowlen + (c->nf > 0) + n <= c->maxrec)
			return;
		row_overflow(c, (const char *)p->entry_buf, n);
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

/* Parse up to the end of the next line (CR or LF) or of the block.
 * SB_OK, or SB_FATAL with c->reason. */
static int
rows_segment(struct rows *c, struct cursor *cur)
{
	const char *p = cur->p, *q;
	size_t pos = cur->pos, n = cur->len, end;

	/* Where the next LF and CR are, found once per block and byte. */
	if (cur->nl_at == SIZE_MAX || cur->nl_at < pos) {
		q = memchr(p + pos, '\n', n - pos);
		cur->nl_at = q != NULL ? (size_t)(q - p) : n;
	}
	if (cur->cr_at == SIZE_MAX || cur->cr_at < pos) {
		q = memchr(p + pos, '\r', n - pos);
		cur->cr_at = q != NULL ? (size_t)(q - p) : n;
	}
	end = cur->nl_at < cur->cr_at ? cur->nl_at : cur->cr_at;
	end = end < n ? end + 1 : n;
	if (c->start_pending) {
		c->row_line = c->line;
		c->start_pending = false;
	}
	if (csv_parse(&c->p, p + pos, end - pos, csv_cb_field, csv_cb_row,
	    c) != end - pos || c->nomem) {
		snprintf(c->reason, sizeof(c->reason), "CSV parser: %s",
		    c->nomem ? "out of memory" :
		    csv_strerror(csv_error(&c->p)));
		return SB_FATAL;
	}
	cur->pos = end;
	/* Lines: LF, CR, and CRLF once (as count_lines()). */
	if (p[end - 1] == '\n') {
		if (!c->cr_end || end - pos != 1)
			c->line++;
		c->cr_end = false;
	} else if (p[end - 1] == '\r') {
		c->line++;
		c->cr_end = true;
	} else
		c->cr_end = false;
	csv_bound(c);
	return SB_OK;
}

/* Parse until a row is complete (c->done) or the block is used up. */
static int
rows_fill(struct rows *c, struct cursor *cur)
{
	while (!c->done && cur->pos < cur->len)
		if (rows_segment(c, cur) != SB_OK)
			return SB_FATAL;
	return SB_OK;
}

/* The data ends: the last row may lack its newline, a quote may be
 * open. */
static int
rows_end(struct rows *c)
{
	if (c->p.pstate == LIBCSV_FIELD_BEGUN && c->p.quoted)
		c->unterminated = true;
	csv_fini(&c->p, csv_cb_field, csv_cb_row, c);
	if (c->nomem) {
		snprintf(c->reason, sizeof(c->reason), "out of memory");
		return SB_FATAL;
	}
	return SB_OK;
}

/* A blank line, or only "": no record. */
static bool
rows_blank(const struct rows *c)
{
	return c->nf == 1 && c->nstored == 1 && c->len[0] == 0;
}

/* Check or convert the row's fields into c->fv and the lengths array. */
static int
rows_convert(struct rows *c, size_t nhdr, const size_t **lens, size_t *col)
{
	const char *s;
	size_t i;
	int st;

	if (c->cv->enc == NULL) {
		/* UTF-8: the fields are used where they are.  They are the
		 * input less ASCII bytes (quotes, delimiters, newlines,
		 * spaces): valid when it is. */
		for (i = 0; i < c->nstored; i++) {
			s = c->row.data + c->off[i];
			if (!c->clean && !sb_utf8_valid(s, c->len[i])) {
				*col = i + 1;
				return memchr(s, '\0', c->len[i]) != NULL ?
				    CV_NUL : CV_BAD;
			}
			c->fv[i] = s;
		}
		for (; i < nhdr; i++)
			c->len[i] = 0;
		*lens = c->len;
		return CV_OK;
	}
	sb_buf_reset(&c->conv);
	for (i = 0; i < c->nstored; i++) {
		c->coff[i] = c->conv.len;
		st = to_utf8(c->cv, c->row.data + c->off[i], c->len[i],
		    &c->conv, &c->fl[i]);
		if (st != CV_OK) {
			*col = i + 1;
			return st;
		}
	}
	for (i = 0; i < c->nstored; i++)
		c->fv[i] = c->conv.data + c->coff[i];
	for (; i < nhdr; i++)
		c->fl[i] = 0;
	*lens = c->fl;
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

const char *
sb_format_name(enum sb_format f)
{
	static const char *const names[] = {"auto", "csv", "json", "ndjson"};

	return (unsigned)f < sizeof names / sizeof names[0] ? names[f] :
	    "auto";
}

/* Fill rej with the row's original bytes as CSV, cut at max_record. */
static int
rows_reject(struct rows *c, struct sb_rawrej *rej)
{
	struct sb_buf *b = &c->raw;
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
	if (b->len > c->maxrec) {
		b->len = c->maxrec;
		b->data[b->len] = '\0';
		cut = true;
	}
	rej->reason = c->reason;
	rej->raw = b->data != NULL ? b->data : "";
	rej->rawlen = b->len;
	rej->truncated = cut;
	return SB_REJECT;
}

/* Turn a completed, non-blank row of a member whose header has nhdr
 * names into the record's fields (SB_OK) or a reject (SB_REJECT). */
static int
rows_take(struct rows *c, size_t nhdr, struct sb_rec *rec,
    struct sb_rawrej *rej)
{
	const size_t *lens;
	char where[32];
	size_t i, col;
	int st;

	if (c->overflow)
		snprintf(c->reason, sizeof(c->reason),
		    "record longer than %zu bytes", c->maxrec);
	else if (c->toomany)
		snprintf(c->reason, sizeof(c->reason),
		    "row has more than %d fields", SB_READER_MAX_FIELDS);
	else if (c->unterminated)
		snprintf(c->reason, sizeof(c->reason),
		    "unterminated quoted field at end of data");
	else if (c->nf > nhdr)
		snprintf(c->reason, sizeof(c->reason),
		    "row has %zu fields, header has %zu", c->nf, nhdr);
	else if ((st = rows_convert(c, nhdr, &lens, &col)) != CV_OK) {
		snprintf(where, sizeof(where), "column %zu", col);
		cv_reason(c->cv, st, where, c->reason, sizeof(c->reason));
	} else {
		for (i = c->nstored; i < nhdr; i++)
			c->fv[i] = "";
		rec->kind = SB_REC_CSV;
		rec->delimiter = c->delim;
		rec->fields = c->fv;
		rec->lens = lens;
		rec->nfields = nhdr;
		return SB_OK;
	}
	return rows_reject(c, rej);
}

/*
 * CSV members, as the reader reads them.
 */

/* Parse until a row is complete (SB_OK) or the member ends (SB_EOF). */
static int
csv_fill(struct sb_reader *r)
{
	struct csvst *c = &r->csv;
	int st;

	for (;;) {
		if (rows_fill(&c->rows, &r->cur) != SB_OK)
			return fail(r, r->nlv - 1, SB_E_NOMEM, "%s",
			    c->rows.reason);
		if (c->rows.done)
			return SB_OK;
		if (c->finished)
			return SB_EOF;
		if ((st = chunk_next(r)) == 1)
			continue;
		c->finished = true;
		if (st < 0) {
			csv_fini(&c->rows.p, NULL, NULL, NULL);
			return chunk_fail(r, st);
		}
		if (rows_end(&c->rows) != SB_OK)
			return fail(r, r->nlv - 1, SB_E_NOMEM, "%s",
			    c->rows.reason);
	}
}

/* The first row of a member (or names 1..n) becomes the header. */
static int
csv_header(struct sb_reader *r)
{
	struct csvst *c = &r->csv;
	struct rows *w = &c->rows;
	char num[24], where[48], why[160];
	size_t i, n, tl;
	int st;

	sb_buf_reset(&c->hbuf);
	if (!r->o.no_header && (w->overflow || w->toomany))
		return fail(r, r->nlv - 1, SB_E_DATA,
		    "CSV header longer than %zu bytes or over %d fields",
		    r->maxrec, SB_READER_MAX_FIELDS);
	n = r->o.no_header ? (w->nf < SB_READER_MAX_FIELDS ? w->nf :
	    SB_READER_MAX_FIELDS) : w->nstored;
	for (i = 0; i < n; i++) {
		w->coff[i] = c->hbuf.len;
		if (r->o.no_header) {
			snprintf(num, sizeof(num), "%zu", i + 1);
			st = sb_buf_add(&c->hbuf, num, strlen(num) + 1) != 0 ?
			    CV_LONG : CV_OK;
		} else
			st = to_utf8(&r->cv, w->row.data + w->off[i],
			    w->len[i], &c->hbuf, &tl);
		if (st != CV_OK) {
			snprintf(where, sizeof(where), "header column %zu",
			    i + 1);
			cv_reason(&r->cv, st, where, why, sizeof(why));
			return fail(r, r->nlv - 1, SB_E_DATA, "%s", why);
		}
	}
	for (i = 0; i < n; i++)
		c->hdr[i] = c->hbuf.data + w->coff[i];
	c->nhdr = n;
	c->have_header = true;
	r->header_gen = atomic_fetch_add(&header_gens, 1) + 1;
	return SB_OK;
}

/* Turn the completed row into a record, a reject, a header or nothing. */
static int
csv_row(struct sb_reader *r, struct sb_rec *rec, struct sb_rawrej *rej)
{
	struct csvst *c = &r->csv;
	int st;

	if (rows_blank(&c->rows))
		return ROW_SKIP;
	if (!c->have_header) {
		if ((st = csv_header(r)) != SB_OK)
			return st;
		if (!r->o.no_header)
			return ROW_SKIP;
	}
	r->record++;
	r->nrec++;
	prov(r, rec, c->rows.row_line);
	if ((st = rows_take(&c->rows, c->nhdr, rec, rej)) == SB_OK) {
		rec->header = c->hdr;
		rec->nheader = c->nhdr;
		rec->header_gen = r->header_gen;
	}
	return st;
}

/*
 * The chunk scan: where rows end in a CSV member's bytes, without
 * parsing them.
 *
 * A row ends at a newline (LF, CR or CRLF) outside quotes.  Where quotes
 * are is known only by following them from a known row start, so the
 * reader scans the bytes as they come (memchr(3) for quotes and newlines,
 * a look at the bytes around each quote) and cuts after a row end once a
 * chunk is big enough.  The scan follows libcsv's rules (non-strict, set
 * up as rows_start() does): a quote opens a quoted field only as the first
 * byte of a field (after spaces and tabs when those are trimmed);
 * elsewhere in an unquoted field it is a plain character (5'2" is three
 * bytes and a quote).  Inside a quoted field a quote is doubled, or closes
 * the field before a delimiter, a newline or the end of the data (after
 * trimmed spaces, too).  After any other quote inside a quoted field
 * (`"a"b`) libcsv goes on in ways the scan does not follow: it stops
 * there (SCAN_BAD), and the reader parses that stretch itself.
 *
 * The scan also counts the records of the rows it passes, so that a chunk
 * knows the number of its first record: every row is one (a record or a
 * reject) except what csv_row() skips, rows that give libcsv no field
 * (only trimmed spaces) or one empty field ("").
 */

/* Start at a row start; trim as rows_start() sets libcsv up: without it
 * nothing is a space, with it spaces, and tabs unless they delimit. */
static void
scan_init(struct scan *s, unsigned char delim, unsigned char quote,
    bool trim)
{
	memset(s, 0, sizeof(*s));
	s->delim = delim;
	s->quote = quote;
	if (trim) {
		s->sp1 = ' ';
		s->sp2 = delim == '\t' ? ' ' : '\t';
	}
}

/* libcsv's test for a space (never the delimiter). */
static inline bool
scan_space(const struct scan *s, unsigned char c)
{
	return s->sp1 != 0 && (c == s->sp1 || c == s->sp2) && c != s->delim;
}

/* The next byte c at or after pos in p[0..n), or SIZE_MAX: each byte is
 * searched once, and past n only when n has grown. */
static size_t
next_of(struct nextc *x, const char *p, size_t pos, size_t n, int c)
{
	const char *q;

	if (x->at < pos) {
		x->at = pos;
		x->found = false;
	}
	if (!x->found && x->at < n) {
		if ((q = memchr(p + x->at, c, n - x->at)) != NULL) {
			x->at = (size_t)(q - p);
			x->found = true;
		} else
			x->at = n;
	}
	return x->found ? x->at : SIZE_MAX;
}

/* A quote at j inside a quoted field: -1 when the scan goes on (s->pos
 * and s->inq set), else SCAN_MORE or SCAN_BAD. */
static int
scan_closing(struct scan *s, const char *p, size_t n, size_t j)
{
	unsigned char c;
	size_t k = j + 1;

	if (k >= n)
		return SCAN_MORE;
	c = (unsigned char)p[k];
	if (c == s->quote) {		/* "" inside: one quote */
		s->pos = k + 1;
		return -1;
	}
	while (scan_space(s, c)) {	/* "a"  , */
		if (++k >= n)
			return SCAN_MORE;
		c = (unsigned char)p[k];
	}
	if (c == s->delim || c == '\n' || c == '\r') {
		s->inq = false;
		s->pos = k;
		return -1;
	}
	s->bad = j;
	return SCAN_BAD;
}

/* Does a quote at j open a field: only spaces since a delimiter, a
 * newline or the start of the scan?  (Those are outside quotes: a quoted
 * field the scan followed ends before a delimiter or a newline.) */
static bool
scan_opens(const struct scan *s, const char *p, size_t j)
{
	unsigned char c;

	while (j > 0 && scan_space(s, (unsigned char)p[j - 1]))
		j--;
	if (j == 0)
		return true;
	c = (unsigned char)p[j - 1];
	return c == s->delim || c == '\n' || c == '\r';
}

/* Is the row p[from..to) (to: its newline) a record?  Not if libcsv gives
 * it no field, or one empty quoted field: rows_blank(). */
static bool
scan_record(const struct scan *s, const char *p, size_t from, size_t to)
{
	while (from < to && scan_space(s, (unsigned char)p[from]))
		from++;
	if (from == to)
		return false;
	if (to - from < 2 || p[from] != (char)s->quote ||
	    p[from + 1] != (char)s->quote)
		return true;
	/* "" and then only spaces (dropped after a closing quote). */
	for (from += 2; from < to; from++)
		if (!scan_space(s, (unsigned char)p[from]))
			return true;
	return false;
}

/*
 * Scan p[s->pos..n), where p[0] is the row start the scan began at, and n
 * only grows between calls (the bytes before it stay).  Stops at the
 * first row end at or past `want` (SCAN_CUT, s->cut), at a quote it cannot
 * follow (SCAN_BAD, s->bad; s->cut is the last row end before it), or when
 * the bytes run out (SCAN_MORE, s->cut is the last row end).  A row ending
 * in CR ends after the LF that follows, when that is there already.
 * s->nrec counts the records in p[0..s->cut).
 */
static int
scan_run(struct scan *s, const char *p, size_t n, size_t want)
{
	size_t q, lf, cr, nl;
	int st;

	while (s->pos < n) {
		q = next_of(&s->nq, p, s->pos, n, s->quote);
		if (s->inq) {
			if (q == SIZE_MAX) {
				s->pos = n;
				return SCAN_MORE;
			}
			if ((st = scan_closing(s, p, n, q)) >= 0) {
				s->pos = q;
				return st;
			}
			continue;
		}
		lf = next_of(&s->nlf, p, s->pos, n, '\n');
		cr = next_of(&s->ncr, p, s->pos, n, '\r');
		nl = lf < cr ? lf : cr;
		if (q < nl) {
			if (scan_opens(s, p, q))
				s->inq = true;
			s->pos = q + 1;
			continue;
		}
		if (nl == SIZE_MAX) {
			s->pos = n;
			return SCAN_MORE;
		}
		s->nrec += scan_record(s, p, s->cut, nl);
		s->cut = s->pos = nl + 1 + (p[nl] == '\r' && nl + 1 < n &&
		    p[nl + 1] == '\n');
		if (s->cut >= want)
			return SCAN_CUT;
	}
	return SCAN_MORE;
}

/* Line ends in p[0..n) as rows_segment() counts them: LF, CR, and CRLF
 * once; cr_before: the byte before p[0] was a CR. */
static long
count_lines(const char *p, size_t n, bool cr_before)
{
	const unsigned char *u = (const unsigned char *)p;
	long lines = 0;
	size_t i = 0, j;

	/* Every LF and CR, less one for each CR followed by an LF. */
	if (n > 0 && cr_before && u[0] == '\n')
		lines--;
#ifdef __SSE2__
	const __m128i vlf = _mm_set1_epi8('\n'), vcr = _mm_set1_epi8('\r');
	const __m128i zero = _mm_setzero_si128();

	while (i + 17 <= n) {
		/* Bytes count per lane, up to 255 rounds. */
		__m128i acc = zero, sum;
		size_t stop = i + 16 * 255;

		for (; i + 17 <= n && i < stop; i += 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(u + i));
			__m128i w = _mm_loadu_si128((const __m128i *)(u + i +
			    1));
			__m128i cr = _mm_cmpeq_epi8(v, vcr);

			acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(v, vlf));
			acc = _mm_sub_epi8(acc, cr);
			acc = _mm_add_epi8(acc, _mm_and_si128(cr,
			    _mm_cmpeq_epi8(w, vlf)));
		}
		sum = _mm_sad_epu8(acc, zero);
		lines += _mm_cvtsi128_si32(sum) +
		    _mm_cvtsi128_si32(_mm_srli_si128(sum, 8));
	}
#endif
	for (j = i; j < n; j++) {
		if (u[j] == '\n')
			lines++;
		else if (u[j] == '\r')
			lines += !(j + 1 < n && u[j + 1] == '\n');
	}
	return lines;
}

/*
 * Chunk mode.  cut holds the member's bytes from a row start on; the scan
 * finds where rows end in it.  A chunk goes out from cut's start, and what
 * follows it moves to the front on the next call (or into the caller's
 * buffer, sb_reader_take_chunk()).
 */

/* Hand out cut[0..len) as a chunk (SB_CHUNK). */
static int
chunk_out(struct sb_reader *r, size_t len, bool final)
{
	struct csvst *c = &r->csv;
	struct rows *w = &c->rows;
	struct sb_csvchunk *ck = r->ck;
	const char *name = r->lv[r->nlv - 1].name;

	ck->data = c->cut.data != NULL ? c->cut.data : "";
	ck->len = len;
	ck->member = name;
	ck->line = w->line;
	ck->cr_before = w->cr_end;
	ck->final = final;
	ck->base = r->record;
	ck->nrec = final ? -1 : c->scan.nrec;
	ck->empty_note = NULL;
	if (final && r->nrec == 0 && name != NULL) {
		/* As leaf_end() would note it, had the reader counted. */
		snprintf(c->empty_note, sizeof(c->empty_note),
		    "member %s: no records", name);
		ck->empty_note = c->empty_note;
	}
	ck->delimiter = w->delim;
	ck->quote = w->quote;
	ck->trim = c->trim;
	ck->header = c->hdr;
	ck->nheader = c->nhdr;
	ck->header_gen = r->header_gen;
	/* Where the member goes on. */
	w->line += count_lines(ck->data, len, w->cr_end);
	if (len > 0)
		w->cr_end = ck->data[len - 1] == '\r';
	if (!final) {
		r->record += c->scan.nrec;
		r->nrec += c->scan.nrec;
	}
	c->out = len;
	if (final)
		c->mode = CM_DONE;
	return SB_CHUNK;
}

/* The last chunk went out: its bytes leave cut. */
static void
cut_drop(struct csvst *c)
{
	size_t k = c->cut.len - c->out;

	if (c->out == 0)
		return;
	if (k > 0)
		memmove(c->cut.data, c->cut.data + c->out, k);
	c->cut.len = k;
	c->cut.data[k] = '\0';
	c->out = 0;
	scan_init(&c->scan, c->rows.delim, c->rows.quote, c->trim);
}

/* Move bytes of the block into cut, up to CUT_SLICE; 0 or -1 (full). */
static int
cut_fill(struct sb_reader *r)
{
	struct cursor *cur = &r->cur;
	size_t k = cur->len - cur->pos;

	if (k > CUT_SLICE)
		k = CUT_SLICE;
	if (sb_buf_add(&r->csv.cut, cur->p + cur->pos, k) != 0)
		return -1;
	cur->pos += k;
	return 0;
}

/* More bytes into cut: read(2) into it for a plain operand, else the
 * next block (lv_read()'s values). */
static int
cut_read(struct sb_reader *r)
{
	struct sb_buf *b = &r->csv.cut;
	size_t n;
	int st;

	if (sb_buf_grow(b, CUT_READ) != 0)
		return chunk_next(r);
	st = lv_read_into(r, r->nlv - 1, b->data + b->len, CUT_READ, &n);
	if (st == 2)
		return chunk_next(r);
	if (st == 1) {
		b->len += n;
		b->data[b->len] = '\0';
	}
	return st;
}

/* Start cutting at the row start the cursor is at. */
static void
cut_start(struct sb_reader *r)
{
	struct csvst *c = &r->csv;
	struct cursor *cur = &r->cur;
	size_t k;

	if (c->replay) {
		/* A fallback ends inside the bytes it replayed. */
		k = cur->len - cur->pos;
		memmove(c->cut.data, c->cut.data + cur->pos, k);
		c->cut.len = k;
		c->cut.data[k] = '\0';
		c->replay = false;
		r->cur = c->saved;
	} else
		sb_buf_reset(&c->cut);
	c->mode = CM_CUT;
	c->out = 0;
	scan_init(&c->scan, c->rows.delim, c->rows.quote, c->trim);
}

/*
 * The scan cannot follow the quotes at `at` of cut, or a row does not end
 * within a chunk's bounds: parse cut from its start (a row start) here,
 * until a row ends past `at`.
 */
static void
fallback(struct sb_reader *r, size_t at)
{
	struct csvst *c = &r->csv;
	struct rows *w = &c->rows;

	c->mode = CM_SEQ;
	c->fb_end = at;
	c->saved = r->cur;
	cursor_set(&r->cur, c->cut.data, c->cut.len);
	c->replay = true;
	rows_start(w, w->delim, w->quote, c->trim, w->line, w->cr_end);
}

/* Back from a fallback: the row just read ends past the trouble. */
static bool
fallback_over(const struct sb_reader *r)
{
	const struct csvst *c = &r->csv;

	return c->mode == CM_SEQ && (!c->replay || r->cur.pos > c->fb_end);
}

/* The next chunk: SB_CHUNK, SB_FATAL, or CUT_AGAIN (fell back). */
static int
cut_next(struct sb_reader *r)
{
	struct csvst *c = &r->csv;
	int st;

	cut_drop(c);
	if (c->err != 0) {
		/* The data stopped behind the last chunk: the part of a
		 * row after it goes, as in csv_fill(). */
		st = c->err;
		c->err = 0;
		sb_buf_reset(&c->cut);
		if ((st = chunk_fail(r, st)) != SB_EOF)
			return st;
		return chunk_out(r, 0, true);
	}
	for (;;) {
		st = scan_run(&c->scan, c->cut.data, c->cut.len,
		    c->want);
		if (st == SCAN_CUT)
			return chunk_out(r, c->scan.cut, false);
		if (st == SCAN_BAD) {
			fallback(r, c->scan.bad);
			return CUT_AGAIN;
		}
		if (c->cut.len >= 2 * c->want) {
			/* A row longer than a chunk may grow. */
			if (c->scan.cut > 0)
				return chunk_out(r, c->scan.cut, false);
			fallback(r, c->cut.len);
			return CUT_AGAIN;
		}
		if (r->cur.pos < r->cur.len) {
			if (cut_fill(r) != 0)
				return fail(r, r->nlv - 1, SB_E_NOMEM,
				    "out of memory");
			continue;
		}
		if ((st = cut_read(r)) == 1)
			continue;
		if (st == 0)
			return chunk_out(r, c->cut.len, true);
		/* Rows the data had before it stopped go out first. */
		if (c->scan.cut > 0) {
			c->err = st;
			return chunk_out(r, c->scan.cut, false);
		}
		sb_buf_reset(&c->cut);
		if ((st = chunk_fail(r, st)) != SB_EOF)
			return st;
		return chunk_out(r, 0, true);
	}
}

static int
csv_next(struct sb_reader *r, struct sb_rec *rec, struct sb_rawrej *rej)
{
	struct csvst *c = &r->csv;
	int st;

	if (!r->chunky && c->mode != CM_OFF) {
		/* sb_reader_next() after sb_reader_next_chunk(): no more
		 * chunks. */
		if (c->mode == CM_CUT) {
			cut_drop(c);
			fallback(r, SIZE_MAX);
		}
		else if (c->mode == CM_DONE)
			return SB_EOF;
	}
	for (;;) {
		/* Here a row has just ended (or none began): chunks may
		 * start. */
		if (r->chunky && c->have_header &&
		    (c->mode == CM_OFF || fallback_over(r)))
			cut_start(r);
		if (c->mode == CM_CUT && (st = cut_next(r)) != CUT_AGAIN)
			return st;
		if (c->mode == CM_DONE)
			return SB_EOF;
		row_reset(&c->rows);
		st = csv_fill(r);
		if (st == SB_EOF && c->mode == CM_SEQ && r->chunky)
			return chunk_out(r, 0, true);
		if (st != SB_OK)
			return st;
		if ((st = csv_row(r, rec, rej)) != ROW_SKIP)
			return st;
	}
}

/* Set a member up whose first bytes (after spaces) are p. */
static int
csv_start(struct sb_reader *r, const char *p, size_t n)
{
	struct csvst *c = &r->csv;
	unsigned char quote, delim;

	if (!c->rows.init) {
		c->hdr = calloc(SB_READER_MAX_FIELDS, sizeof(*c->hdr));
		if (c->hdr == NULL ||
		    rows_init(&c->rows, r->maxrec, &r->cv) != 0)
			return fail(r, r->nlv - 1, SB_E_NOMEM,
			    "out of memory");
	}
	quote = r->o.quote != 0 ? (unsigned char)r->o.quote : '"';
	delim = r->o.delimiter != 0 ? (unsigned char)r->o.delimiter :
	    sniff(p, n, quote);
	c->trim = r->o.trim;
	rows_start(&c->rows, delim, quote, c->trim, 1, false);
	c->finished = c->have_header = false;
	c->nhdr = 0;
	c->mode = CM_OFF;
	sb_buf_reset(&c->cut);
	c->out = 0;
	c->replay = false;
	c->err = 0;
	c->want = r->o.chunk_size != 0 &&
	    r->o.chunk_size < SB_READER_CHUNK_SIZE ? r->o.chunk_size :
	    SB_READER_CHUNK_SIZE;
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

	while (r->cur.pos < r->cur.len && !j->in_rec) {
		c = (unsigned char)r->cur.p[r->cur.pos];
		if (c == '\n')
			r->line++;
		if (c == '\n' || c == ' ' || c == '\t' || c == '\r') {
			r->cur.pos++;
		} else if (j->in_array && (c == ',' || c == ']')) {
			j->in_array = c == ',';
			r->cur.pos++;
		} else if (!j->in_array && c == '[' &&
		    r->fmt == SB_FMT_JSON) {
			j->in_array = true;
			r->cur.pos++;
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
	const unsigned char *p = (const unsigned char *)r->cur.p;
	size_t end;

	if (j->kind == J_VALUE)
		end = scan_value(r, p, r->cur.pos, r->cur.len, done);
	else if (j->kind == J_SCALAR)
		end = scan_scalar(r, p, r->cur.pos, r->cur.len, done);
	else
		end = scan_garbage(p, r->cur.pos, r->cur.len, done);
	if (jrec_add(r, r->cur.p + r->cur.pos, end - r->cur.pos) != 0)
		return fail(r, r->nlv - 1, SB_E_NOMEM, "out of memory");
	r->cur.pos = end;
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
	if (r->cv.enc == NULL) {
		text = j->text.data;
		len = j->text.len;
		cv = sb_utf8_valid(text, len) ? CV_OK :
		    memchr(text, '\0', len) != NULL ? CV_NUL : CV_BAD;
	} else {
		sb_buf_reset(&r->conv);
		cv = to_utf8(&r->cv, j->text.data, j->text.len, &r->conv,
		    &len);
		text = r->conv.data;
	}
	if (cv != CV_OK) {
		cv_reason(&r->cv, cv, "the record", r->reason,
		    sizeof(r->reason));
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
		if (r->cur.pos == r->cur.len) {
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
	cursor_set(&r->cur, NULL, 0);
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
	/* After a final chunk only its parser knows: it carries the note
	 * (empty_note). */
	if (r->nrec == 0 && !(r->fmt == SB_FMT_CSV && r->csv.mode == CM_DONE) &&
	    r->lv[r->nlv - 1].name != NULL)
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

static size_t
maxrec_of(const struct sb_reader_opts *o)
{
	size_t m = o->max_record != 0 ? o->max_record :
	    SB_READER_DEFAULT_MAX_RECORD;

	return m > SIZE_MAX / 8 ? SIZE_MAX / 8 : m;
}

static int
set_opts(struct sb_reader *r, const struct sb_reader_opts *opts)
{
	static const struct sb_reader_opts defaults;
	int q;

	r->o = opts != NULL ? *opts : defaults;
	r->o.encoding = NULL;
	r->maxrec = maxrec_of(&r->o);
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
	if (conv_open(&r->cv, r->enc) != 0)
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
	r->cv.cd = (iconv_t)-1;
	if ((r->source = strdup(path)) == NULL) {
		sb_seterr(&r->err, SB_FATAL, SB_E_NOMEM, "out of memory");
		goto out;
	}
	r->dname = strcmp(path, "-") == 0 ? "stdin" : r->source;
	if (set_opts(r, opts) != SB_OK || open_input(r, path) != SB_OK)
		goto out;
	big = r->maxrec * 4 + SB_READER_MAX_FIELDS * 2 + 64;
	sb_buf_init(&r->csv.hbuf, big);
	sb_buf_init(&r->csv.cut, SB_READER_CHUNK_MAX);
	sb_buf_init(&r->js.text, r->maxrec);
	sb_buf_init(&r->conv, big);
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

static int
reader_next(struct sb_reader *r, struct sb_rec *rec, struct sb_rawrej *rej,
    struct sb_err *e)
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

int
sb_reader_next(struct sb_reader *r, struct sb_rec *rec,
    struct sb_rawrej *rej, struct sb_err *e)
{
	r->chunky = false;
	return reader_next(r, rec, rej, e);
}

int
sb_reader_next_chunk(struct sb_reader *r, struct sb_rec *rec,
    struct sb_rawrej *rej, struct sb_csvchunk *ck, struct sb_err *e)
{
	int st;

	memset(ck, 0, sizeof(*ck));
	r->chunky = !r->o.sequential;
	r->ck = ck;
	st = reader_next(r, rec, rej, e);
	r->ck = NULL;
	return st;
}

int
sb_reader_take_chunk(struct sb_reader *r, struct sb_buf *into)
{
	struct csvst *c = &r->csv;
	struct sb_buf t;
	size_t n = c->out;

	sb_buf_reset(into);
	if (into->limit != c->cut.limit) {
		/* Storage changes places only between equal limits (a
		 * buffer's capacity never passes its limit): a copy. */
		return n > 0 && sb_buf_add(into, c->cut.data, n) != 0 ? -1 : 0;
	}
	/* The rest moves into the caller's storage, which becomes cut. */
	if (c->cut.len > n && sb_buf_add(into, c->cut.data + n,
	    c->cut.len - n) != 0)
		return -1;
	t = *into;
	*into = c->cut;
	c->cut = t;
	into->len = n;
	if (into->data != NULL)
		into->data[n] = '\0';
	c->out = 0;
	scan_init(&c->scan, c->rows.delim, c->rows.quote, c->trim);
	return 0;
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
	rows_free(&r->csv.rows);
	sb_buf_release(&r->csv.hbuf);
	sb_buf_release(&r->csv.cut);
	free(r->csv.hdr);
	sb_buf_release(&r->js.text);
	sb_buf_release(&r->conv);
	cJSON_Delete(r->json);
	conv_close(&r->cv);
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

/*
 * Chunk parsers: a struct rows over a chunk, records numbered from 1.
 */

struct sb_chunkparser {
	struct rows rows;
	struct conv cv;
	char *enc;
	struct cursor cur;
	const char *source, *dname, *member;
	const char *const *header;
	size_t nheader;
	unsigned long header_gen;
	long base, record, nrec, line;
	bool final, ended;
};

int
sb_reader_chunkparser_new(struct sb_chunkparser **pp,
    const struct sb_reader_opts *opts, struct sb_err *e)
{
	struct sb_chunkparser *cp;

	*pp = NULL;
	if ((cp = calloc(1, sizeof(*cp))) == NULL)
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
	cp->cv.cd = (iconv_t)-1;
	if (opts != NULL && opts->encoding != NULL &&
	    !is_utf8_name(opts->encoding) &&
	    (cp->enc = strdup(opts->encoding)) == NULL)
		goto nomem;
	if (conv_open(&cp->cv, cp->enc) != 0) {
		sb_reader_chunkparser_free(cp);
		return sb_seterr(e, SB_FATAL, SB_E_USAGE,
		    "unknown encoding: %s", opts->encoding);
	}
	if (rows_init(&cp->rows, opts != NULL ? maxrec_of(opts) :
	    SB_READER_DEFAULT_MAX_RECORD, &cp->cv) != 0)
		goto nomem;
	*pp = cp;
	return SB_OK;
nomem:
	sb_reader_chunkparser_free(cp);
	return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
}

void
sb_reader_chunkparser_free(struct sb_chunkparser *cp)
{
	if (cp == NULL)
		return;
	rows_free(&cp->rows);
	conv_close(&cp->cv);
	free(cp->enc);
	free(cp);
}

void
sb_reader_chunk_begin(struct sb_chunkparser *cp,
    const struct sb_csvchunk *ck, const char *source)
{
	rows_start(&cp->rows, (unsigned char)ck->delimiter,
	    (unsigned char)ck->quote, ck->trim, ck->line, ck->cr_before);
	cursor_set(&cp->cur, ck->data, ck->len);
	/* One check for the chunk instead of one a field (an over-long row,
	 * whose fields may be cut inside a character, is rejected as that). */
	cp->rows.clean = cp->cv.enc == NULL && sb_utf8_valid(ck->data, ck->len);
	cp->source = source;
	cp->dname = strcmp(source, "-") == 0 ? "stdin" : source;
	cp->member = ck->member;
	cp->header = ck->header;
	cp->nheader = ck->nheader;
	cp->header_gen = ck->header_gen;
	cp->base = ck->base;
	cp->nrec = ck->nrec;
	cp->line = ck->line;
	cp->record = 0;
	cp->final = ck->final;
	cp->ended = false;
}

/* Out of memory, said as fail() says it. */
static int
chunk_fatal(struct sb_chunkparser *cp, struct sb_err *e)
{
	if (cp->member != NULL)
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "%s: member %s: %s",
		    cp->dname, cp->member, cp->rows.reason);
	return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "%s: %s", cp->dname,
	    cp->rows.reason);
}

int
sb_reader_chunk_next(struct sb_chunkparser *cp, struct sb_rec *rec,
    struct sb_rawrej *rej, struct sb_err *e)
{
	struct rows *w = &cp->rows;
	int st;

	memset(rec, 0, sizeof(*rec));
	memset(rej, 0, sizeof(*rej));
	for (;;) {
		row_reset(w);
		if (rows_fill(w, &cp->cur) != SB_OK)
			return chunk_fatal(cp, e);
		if (!w->done) {
			/* A chunk ends at a row end, unless it is the
			 * member's last. */
			if (!cp->final && cp->nrec != cp->record) {
				snprintf(w->reason, sizeof(w->reason),
				    "CSV chunk from line %ld: %ld records, the "
				    "reader counted %ld (internal error)",
				    cp->line, cp->record, cp->nrec);
				return chunk_fatal(cp, e);
			}
			if (!cp->final || cp->ended)
				return SB_EOF;
			cp->ended = true;
			if (rows_end(w) != SB_OK)
				return chunk_fatal(cp, e);
			if (!w->done)
				return SB_EOF;
		}
		if (rows_blank(w))
			continue;
		cp->record++;
		rec->source = cp->source;
		rec->member = cp->member;
		rec->format = SB_FMT_CSV;
		rec->record = cp->base + cp->record;
		rec->line = w->row_line;
		if ((st = rows_take(w, cp->nheader, rec, rej)) == SB_OK) {
			rec->header = cp->header;
			rec->nheader = cp->nheader;
			rec->header_gen = cp->header_gen;
		}
		return st;
	}
}
