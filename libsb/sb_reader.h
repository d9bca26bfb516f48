/*
 * sb_reader: read one input operand (a file, or "-" for stdin) as a stream
 * of raw records, whatever the container and format.
 *
 *  - Containers: plain files; archives that libarchive reads (zip, tar,
 *    tar.gz, tar.xz, tar.bz2, 7z, and single gz/xz-compressed files), read
 *    as streams without extracting to disk; members in subfolders; an
 *    archive inside an archive, nested up to SB_READER_MAX_NESTING levels.
 *  - Formats, found from the content (overridable): CSV/TSV with any
 *    delimiter (libcsv), JSON arrays of objects, NDJSON (and concatenated
 *    JSON objects), each record parsed by cJSON.
 *  - Encodings: UTF-8 (default; a BOM is skipped) or any encoding iconv
 *    knows (windows-1250/1251/1253, ISO-8859-1/2/5/7, ...).  Every field
 *    (CSV) or record text (JSON) is checked or converted; an invalid byte
 *    sequence makes that record a reject, never mojibake.
 *  - Limits: a record longer than max_record bytes, a CSV row with more
 *    than SB_READER_MAX_FIELDS fields, JSON nested deeper than
 *    SB_READER_MAX_DEPTH, and embedded NUL bytes make the record a reject.
 *    Memory stays bounded by those limits whatever the input size.
 *  - Chunks: read with sb_reader_next_chunk(), the data rows of a CSV
 *    member come out as chunks of whole rows (struct sb_csvchunk), which
 *    chunk parsers (struct sb_chunkparser) turn into the same records in
 *    other threads: one thread cannot run libcsv as fast as the mapping
 *    goes on two.  JSON, headers, and stretches where the reader cannot
 *    tell rows apart without parsing them (sb_reader.c) still come out
 *    as records.
 *
 * Ownership: the reader owns everything a struct sb_rec or struct
 * sb_csvchunk points to; it stays valid until the next sb_reader_next(),
 * sb_reader_next_chunk() or sb_reader_free().  A chunk parser owns what
 * the records it returns point to, until its next call, and borrows the
 * chunk it parses.
 */
#ifndef SB_READER_H
#define SB_READER_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

#include "sb.h"
#include "sb_buf.h"

#define SB_READER_MAX_NESTING 3
#define SB_READER_MAX_FIELDS 4096
#define SB_READER_MAX_DEPTH 64
#define SB_READER_DEFAULT_MAX_RECORD (4u << 20)
/* Chunks aim at this many bytes (up to a row more); a row that does not
 * end within twice that is read by the reader itself.  Bigger is not
 * faster, and a chunk's JSON may be six times its size. */
#define SB_READER_CHUNK_SIZE (512u << 10)
/* The limit of a buffer that takes a chunk over without a copy
 * (sb_reader_take_chunk). */
#define SB_READER_CHUNK_MAX (2 * SB_READER_CHUNK_SIZE + (64u << 10) + 64)

/* sb_reader_next_chunk(): a chunk is ready (distinct from enum sb_status). */
#define SB_CHUNK 8

enum sb_format {
	SB_FMT_AUTO = 0,
	SB_FMT_CSV,
	SB_FMT_JSON,   /* a JSON array of objects (or a single object) */
	SB_FMT_NDJSON, /* one object a line, or concatenated objects */
};

struct sb_reader_opts {
	enum sb_format format; /* SB_FMT_AUTO: from the content */
	int delimiter;         /* CSV delimiter; 0: sniff , ; TAB | */
	int quote;             /* CSV quote; 0: '"' */
	const char *encoding;  /* NULL or "UTF-8": UTF-8 */
	bool no_header;        /* CSV without a header row: columns are 1..n */
	bool trim;             /* trim spaces around CSV fields */
	size_t max_record;     /* 0: SB_READER_DEFAULT_MAX_RECORD */
	/* For tests: sb_reader_next_chunk() hands out no chunks (all
	 * records), or chunks of about chunk_size bytes (0: the default,
	 * SB_READER_CHUNK_SIZE; more is taken as that). */
	bool sequential;
	size_t chunk_size;
};

enum sb_rec_kind {
	SB_REC_CSV,
	SB_REC_JSON,
};

struct sb_rec {
	enum sb_rec_kind kind;
	enum sb_format format;   /* SB_FMT_CSV, SB_FMT_JSON or SB_FMT_NDJSON */
	const char *source;      /* the operand as given ("-" for stdin) */
	const char *member;      /* archive member path, "a/b.tar!/c.csv"; NULL */
	long record;             /* 1-based record number within the member */
	long line;               /* line where the record starts */

	/* CSV: the row's fields, converted to UTF-8 and NUL-terminated, and
	 * the member's delimiter. */
	int delimiter;
	const char *const *fields;
	const size_t *lens;
	size_t nfields;
	/* CSV: the header of this member (column names, UTF-8), and a number
	 * that changes whenever a new header starts (a new member or file), so
	 * that a caller can re-resolve column names only then. */
	const char *const *header;
	size_t nheader;
	unsigned long header_gen;

	/* JSON: the parsed object (owned by the reader) and its text. */
	cJSON *json;
	const char *text;
	size_t textlen;
};

/* A record the reader itself could not turn into a struct sb_rec (bad
 * encoding, over a limit, malformed JSON, ragged CSV row): the reader
 * returns SB_REJECT and fills this. */
struct sb_rawrej {
	const char *reason;  /* no data values in it */
	const char *raw;     /* the record's bytes as read (may be invalid UTF-8) */
	size_t rawlen;
	bool truncated;      /* raw was cut at max_record */
};

/*
 * A chunk: whole rows of one CSV member, handed out by
 * sb_reader_next_chunk() and parsed by a struct sb_chunkparser in any
 * thread.  Every pointer belongs to whoever filled the struct.
 */
struct sb_csvchunk {
	const char *data;	/* the bytes as read (source encoding) */
	size_t len;
	const char *member;	/* archive member path, or NULL */
	long line;		/* the line data[0] is on */
	bool cr_before;		/* the byte before data[0] was a CR */
	bool final;		/* the member ends with it: the last row may
				 * lack its newline, a quote may be open */
	/*
	 * Record numbers: the member's records before the chunk, and the
	 * records in it, which the reader counts as it cuts (not for a
	 * final chunk: -1); the chunk parser checks the count.
	 */
	long base;
	long nrec;
	/* A final chunk of an archive member with no records before it:
	 * the note to give if it has none either; NULL otherwise. */
	const char *empty_note;
	/* The member's dialect and header (UTF-8 names). */
	int delimiter;
	int quote;
	bool trim;
	const char *const *header;
	size_t nheader;
	unsigned long header_gen;
};

struct sb_reader;

/* Open path ("-": stdin).  Returns SB_OK, or SB_FATAL with e set
 * (SB_E_NOINPUT when the file cannot be opened). */
int sb_reader_open(struct sb_reader **rp, const char *path,
    const struct sb_reader_opts *opts, struct sb_err *e);

/*
 * Next record.  Returns
 *   SB_OK      rec is filled;
 *   SB_REJECT  rej and the provenance members of rec (source, member,
 *              record, line, format) are filled; the stream goes on;
 *   SB_EOF     no more records;
 *   SB_FATAL   e says why (SB_E_DATA: unreadable container, SB_E_IO: read
 *              error); the operand cannot go on.
 */
int sb_reader_next(struct sb_reader *r, struct sb_rec *rec,
    struct sb_rawrej *rej, struct sb_err *e);

/* Non-fatal notes (a binary member skipped, a member with no records):
 * returns the next pending note or NULL.  The text names members, never
 * data values. */
const char *sb_reader_note(struct sb_reader *r);

void sb_reader_free(struct sb_reader *r);

/* "auto", "csv", "json" or "ndjson": the name a record's format has in
 * case/1 provenance and reject/1 records. */
const char *sb_format_name(enum sb_format f);

/*
 * Chunks.  sb_reader_next_chunk() is sb_reader_next() that may also
 * return SB_CHUNK with ck filled: the rows after a CSV member's header,
 * cut into chunks (unless opts.sequential).  A reader is read with one of
 * the two functions, not both.  The bytes stay valid until the next call; or
 * sb_reader_take_chunk() moves them into a buffer of the caller (an
 * exchange of storage, no copy, when its limit is SB_READER_CHUNK_MAX):
 * into->data[0..ck->len) then.  Returns 0, or -1 when into is too small.
 */
int sb_reader_next_chunk(struct sb_reader *r, struct sb_rec *rec,
    struct sb_rawrej *rej, struct sb_csvchunk *ck, struct sb_err *e);
int sb_reader_take_chunk(struct sb_reader *r, struct sb_buf *into);

/*
 * A chunk parser turns chunks into records exactly as the reader would
 * have: the same fields, rejects, reasons, record and line numbers.  One
 * per thread; opts as given to the reader (encoding, max_record).
 * sb_reader_chunk_next() returns SB_OK, SB_REJECT (rej filled), SB_EOF at
 * the chunk's end, or SB_FATAL (out of memory, or the chunk does not hold
 * the records the reader counted).  source: the operand, as given to the
 * reader.
 */
struct sb_chunkparser;

int sb_reader_chunkparser_new(struct sb_chunkparser **pp,
    const struct sb_reader_opts *opts, struct sb_err *e);
void sb_reader_chunkparser_free(struct sb_chunkparser *cp);
void sb_reader_chunk_begin(struct sb_chunkparser *cp,
    const struct sb_csvchunk *ck, const char *source);
int sb_reader_chunk_next(struct sb_chunkparser *cp, struct sb_rec *rec,
    struct sb_rawrej *rej, struct sb_err *e);

#endif
