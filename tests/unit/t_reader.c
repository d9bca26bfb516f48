/*
 * t_reader: unit tests for sb_reader, printing TAP.
 *
 * Fixtures are built at run time in a temporary directory: text files are
 * written from C strings, archives with bsdtar (zip, tar.gz, tar.xz) and
 * gzip.  Each test reads a file to the end and compares a transcript of
 * what the reader returned (records, rejects, notes, the final status)
 * with the expected one, so a failure shows both.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sb_buf.h"
#include "sb_ingest.h"
#include "sb_profile.h"
#include "sb_reader.h"

static int ntests, nfailed;
static char tmp[PATH_MAX];

static void __attribute__((format(printf, 2, 3)))
ok(int cond, const char *fmt, ...)
{
	va_list ap;

	ntests++;
	if (!cond)
		nfailed++;
	printf("%sok %d - ", cond ? "" : "not ", ntests);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
}

/* Compare a transcript; on a mismatch show both as TAP diagnostics. */
static void
same(const char *got, const char *want, const char *what)
{
	int eq = strcmp(got, want) == 0;

	ok(eq, "%s", what);
	if (!eq)
		printf("# got:\n%s# want:\n%s", got, want);
}

static void
die(const char *what)
{
	perror(what);
	exit(2);
}

static const char *
path(const char *name)
{
	static char buf[PATH_MAX + 64];

	snprintf(buf, sizeof(buf), "%s/%s", tmp, name);
	return buf;
}

static void sh(const char *, ...) __attribute__((format(printf, 1, 2)));

static void
mkdirs(const char *name)
{
	sh("mkdir -p '%s/%s'", tmp, name);
}

static void
put(const char *name, const void *data, size_t n)
{
	FILE *fp;

	if ((fp = fopen(path(name), "wb")) == NULL)
		die(name);
	if (n > 0 && fwrite(data, 1, n, fp) != n)
		die(name);
	if (fclose(fp) != 0)
		die(name);
}

static void
puts_file(const char *name, const char *s)
{
	put(name, s, strlen(s));
}

static void
sh(const char *fmt, ...)
{
	char cmd[4096];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	if (system(cmd) != 0) {
		fprintf(stderr, "command failed: %s\n", cmd);
		exit(2);
	}
}

/* Append s[0..n) to b, with control bytes and non-ASCII as \xNN. */
static void
add_escaped(struct sb_buf *b, const char *s, size_t n)
{
	char hex[8];
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c >= 0x7f) {
			snprintf(hex, sizeof(hex), "\\x%02x", c);
			sb_buf_adds(b, hex);
		} else
			sb_buf_addc(b, (char)c);
	}
}

static void __attribute__((format(printf, 2, 3)))
addf(struct sb_buf *b, const char *fmt, ...)
{
	char line[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	sb_buf_adds(b, line);
}

/* Drop the temporary directory from paths, so transcripts are fixed. */
static void
strip_tmp(char *s)
{
	size_t n = strlen(tmp);
	char *p;

	while ((p = strstr(s, tmp)) != NULL && p[n] == '/')
		memmove(p, p + n + 1, strlen(p + n + 1) + 1);
}

static void
log_rec(struct sb_buf *b, const struct sb_rec *rec, unsigned long *gen)
{
	size_t i;
	char *js;

	if (rec->kind == SB_REC_CSV && rec->header_gen != *gen) {
		*gen = rec->header_gen;
		sb_buf_adds(b, "hdr ");
		for (i = 0; i < rec->nheader; i++) {
			if (i > 0)
				sb_buf_addc(b, '|');
			add_escaped(b, rec->header[i], strlen(rec->header[i]));
		}
		sb_buf_addc(b, '\n');
	}
	addf(b, "ok %ld:%ld", rec->record, rec->line);
	if (rec->member != NULL)
		addf(b, " [%s]", rec->member);
	sb_buf_addc(b, ' ');
	if (rec->kind == SB_REC_CSV) {
		if (rec->nfields != rec->nheader)
			sb_buf_adds(b, "(nfields != nheader) ");
		for (i = 0; i < rec->nfields; i++) {
			if (i > 0)
				sb_buf_addc(b, '|');
			add_escaped(b, rec->fields[i], rec->lens[i]);
		}
	} else {
		js = cJSON_PrintUnformatted(rec->json);
		if (js != NULL)
			add_escaped(b, js, strlen(js));
		free(js);
	}
	sb_buf_addc(b, '\n');
}

static void
log_rej(struct sb_buf *b, const struct sb_rec *rec, const struct sb_rawrej *rej)
{
	addf(b, "rej %ld:%ld", rec->record, rec->line);
	if (rec->member != NULL)
		addf(b, " [%s]", rec->member);
	addf(b, " %s: ", rej->reason);
	add_escaped(b, rej->raw, rej->rawlen);
	if (rej->truncated)
		addf(b, " (truncated, %zu bytes)", rej->rawlen);
	sb_buf_addc(b, '\n');
}

/*
 * Read path to the end; return the transcript (the caller frees it).
 * *last is the final status.
 */
static char *
transcript(const char *file, const struct sb_reader_opts *o, int *last,
    struct sb_err *e)
{
	struct sb_buf b = SB_BUF_INIT(64u << 20);
	struct sb_reader *r;
	struct sb_rawrej rej;
	struct sb_rec rec;
	unsigned long gen = 0;
	const char *n;
	int st;

	memset(e, 0, sizeof(*e));
	sb_buf_adds(&b, "");
	if ((st = sb_reader_open(&r, file, o, e)) != SB_OK) {
		addf(&b, "open fatal %d: %s\n", e->kind, e->msg);
		*last = st;
		return b.data;
	}
	do {
		st = sb_reader_next(r, &rec, &rej, e);
		if (st == SB_OK)
			log_rec(&b, &rec, &gen);
		else if (st == SB_REJECT)
			log_rej(&b, &rec, &rej);
		while ((n = sb_reader_note(r)) != NULL)
			addf(&b, "note %s\n", n);
	} while (st == SB_OK || st == SB_REJECT);
	if (st == SB_EOF)
		sb_buf_adds(&b, "eof\n");
	else
		addf(&b, "fatal %d\n", e->kind);
	*last = st;
	sb_reader_free(r);
	strip_tmp(b.data);
	return b.data;
}

/* Run a file and compare its transcript. */
static void
check(const char *name, const struct sb_reader_opts *o, const char *want,
    const char *what)
{
	struct sb_err e;
	char *got;
	int st;

	got = transcript(name[0] == '/' || strcmp(name, "-") == 0 ? name :
	    path(name), o, &st, &e);
	same(got, want, what);
	free(got);
}

static struct sb_reader_opts
opts(void)
{
	struct sb_reader_opts o;

	memset(&o, 0, sizeof(o));
	return o;
}

/*
 * CSV.
 */

static void
t_csv_basic(void)
{
	struct sb_reader_opts o = opts();

	puts_file("crlf.csv", "\xef\xbb\xbfid,name,note\r\n"
	    "1,Ann,\"line one\r\nline two\"\r\n"
	    "\r\n"
	    "2,\"Bob \"\"B\"\"\",plain\r\n"
	    "3,Cy,last");
	check("crlf.csv", &o,
	    "hdr id|name|note\n"
	    "ok 1:2 1|Ann|line one\\x0d\\x0aline two\n"
	    "ok 2:5 2|Bob \"B\"|plain\n"
	    "ok 3:6 3|Cy|last\n"
	    "eof\n",
	    "CSV: BOM, CRLF, quoted newline, blank line, no final newline");

	puts_file("semi.csv", "a;b;c\n1;2,5;x\n");
	check("semi.csv", &o, "hdr a|b|c\nok 1:2 1|2,5|x\neof\n",
	    "CSV: semicolon delimiter sniffed");

	puts_file("tab.tsv", "a\tb\tc\n1\t two \t\n");
	check("tab.tsv", &o, "hdr a|b|c\nok 1:2 1| two |\neof\n",
	    "TSV: tab sniffed, spaces kept without trim");
	o.trim = true;
	check("tab.tsv", &o, "hdr a|b|c\nok 1:2 1|two|\neof\n",
	    "TSV: trim removes spaces");
	o = opts();

	puts_file("pipe.csv", "a|b\n\"x|y\"|z\n");
	check("pipe.csv", &o, "hdr a|b\nok 1:2 x|y|z\neof\n",
	    "CSV: pipe delimiter, quoted delimiter");

	puts_file("semi2.csv", "a;b\n1;\"x;\"\"y\"\"\";z\n2;3\n");
	check("semi2.csv", &o,
	    "rej 1:2 row has 3 fields, header has 2: 1;\"x;\"\"y\"\"\";z\n"
	    "hdr a|b\n"
	    "ok 2:3 2|3\n"
	    "eof\n",
	    "CSV: rejects re-serialised with the source delimiter");
	o.delimiter = ';';
	check("crlf.csv", &o,
	    "hdr id,name,note\n"
	    "ok 1:2 1,Ann,\"line one\n"
	    "ok 2:3 line two\"\n"
	    "ok 3:5 2,\"Bob \"\"B\"\"\",plain\n"
	    "ok 4:6 3,Cy,last\n"
	    "eof\n",
	    "CSV: forced delimiter (a quote inside a field is a character)");
	o = opts();

	puts_file("cr.csv", "a,b\r1,2\r\r3,4\r");
	check("cr.csv", &o, "hdr a|b\nok 1:2 1|2\nok 2:4 3|4\neof\n",
	    "CSV: CR-only line ends count lines");

	puts_file("trim.csv", "a , b\n 1 , \" 2 \" \n");
	o.trim = true;
	check("trim.csv", &o, "hdr a|b\nok 1:2 1| 2 \neof\n",
	    "CSV: trim keeps spaces inside quotes");
	o = opts();
	check("trim.csv", &o, "hdr a | b\nok 1:2  1 | \" 2 \" \neof\n",
	    "CSV: no trim keeps spaces; a quote after a space is text");
}

static void
t_csv_rows(void)
{
	struct sb_reader_opts o = opts();

	puts_file("blank.csv", "a,b\n\n1,2\n\n\n3,4\n\"\"\n5,6\n");
	check("blank.csv", &o,
	    "hdr a|b\nok 1:3 1|2\nok 2:6 3|4\nok 3:8 5|6\neof\n",
	    "CSV: blank lines skipped, line numbers kept");

	puts_file("ragged.csv", "a,b,c\n1,2,3,4\n5\n6,7\n");
	check("ragged.csv", &o,
	    "rej 1:2 row has 4 fields, header has 3: 1,2,3,4\n"
	    "hdr a|b|c\n"
	    "ok 2:3 5||\n"
	    "ok 3:4 6|7|\n"
	    "eof\n",
	    "CSV: long row rejected, short rows padded");

	puts_file("bad8.csv",
	    "a,b\n1,ok\n2,\xff\xfe bad\n3,\xc3\xa9t\xc3\xa9\n");
	check("bad8.csv", &o,
	    "hdr a|b\n"
	    "ok 1:2 1|ok\n"
	    "rej 2:3 invalid byte sequence for encoding UTF-8 in column 2: "
	    "2,\\xff\\xfe bad\n"
	    "ok 3:4 3|\\xc3\\xa9t\\xc3\\xa9\n"
	    "eof\n",
	    "CSV: invalid UTF-8 row between good rows");

	o.no_header = true;
	puts_file("nohdr.csv", "x,y\n1,2,3\nz\n");
	check("nohdr.csv", &o,
	    "hdr 1|2\n"
	    "ok 1:1 x|y\n"
	    "rej 2:2 row has 3 fields, header has 2: 1,2,3\n"
	    "ok 3:3 z|\n"
	    "eof\n",
	    "CSV: no_header names columns 1..n");
	o = opts();

	puts_file("unterm.csv", "a,b\n1,2\n3,\"open\nand on");
	check("unterm.csv", &o,
	    "hdr a|b\n"
	    "ok 1:2 1|2\n"
	    "rej 2:3 unterminated quoted field at end of data: "
	    "3,\"open\\x0aand on\"\n"
	    "eof\n",
	    "CSV: unterminated quote at the end is a reject");

	puts_file("hdronly.csv", "a,b\n");
	check("hdronly.csv", &o, "eof\n",
	    "CSV: header only, no records and no note for an operand");
}

static void
t_csv_limits(void)
{
	struct sb_reader_opts o = opts();
	struct sb_buf b = SB_BUF_INIT(1u << 24);
	struct sb_buf want = SB_BUF_INIT(1u << 24);
	char cell[8];
	size_t i;

	o.max_record = 16;
	puts_file("long.csv", "a,b\n1,short\n2,0123456789abcdefghij\n"
	    "3,\"quoted\nover the limit, over it\"\n4,end\n");
	check("long.csv", &o,
	    "hdr a|b\n"
	    "ok 1:2 1|short\n"
	    "rej 2:3 record longer than 16 bytes: 2,0123456789abcd "
	    "(truncated, 16 bytes)\n"
	    "rej 3:4 record longer than 16 bytes: 3,\"quoted\\x0aover t"
	    " (truncated, 16 bytes)\n"
	    "ok 4:6 4|end\n"
	    "eof\n",
	    "CSV: over-long rows rejected (truncated), parsing goes on");

	/* A field far over the limit and over many blocks. */
	o.max_record = 1000;
	sb_buf_adds(&b, "a,b\n1,\"");
	for (i = 0; i < 3000000; i++)
		sb_buf_addc(&b, i % 100 == 99 ? '\n' : 'x');
	sb_buf_adds(&b, "\"\n2,after\n");
	put("huge.csv", b.data, b.len);
	{
		struct sb_err e;
		int st;
		char *got = transcript(path("huge.csv"), &o, &st, &e);

		ok(strstr(got, "rej 1:2 record longer than 1000 bytes") !=
		    NULL && strstr(got, "(truncated, 1000 bytes)\nhdr a|b\n"
		    "ok 2:30003 2|after\neof\n") != NULL,
		    "CSV: 3 MB field cut at max_record, next row found");
		free(got);
	}

	/* More fields than SB_READER_MAX_FIELDS. */
	sb_buf_reset(&b);
	sb_buf_adds(&b, "a\n");
	for (i = 0; i < SB_READER_MAX_FIELDS + 5; i++) {
		snprintf(cell, sizeof(cell), i > 0 ? ",%zu" : "%zu", i % 10);
		sb_buf_adds(&b, cell);
	}
	sb_buf_adds(&b, "\nok\n");
	put("wide.csv", b.data, b.len);
	o = opts();
	sb_buf_adds(&want, "rej 1:2 row has more than 4096 fields: ");
	for (i = 0; i < SB_READER_MAX_FIELDS; i++) {
		snprintf(cell, sizeof(cell), i > 0 ? ",%zu" : "%zu", i % 10);
		sb_buf_adds(&want, cell);
	}
	addf(&want, " (truncated, %d bytes)\nhdr a\nok 2:3 ok\neof\n",
	    SB_READER_MAX_FIELDS * 2 - 1);
	check("wide.csv", &o, want.data, "CSV: over 4096 fields rejected");

	/* A NUL past the first block: the row is rejected, not the file. */
	sb_buf_reset(&b);
	sb_buf_adds(&b, "a,b\n");
	for (i = 0; i < 20000; i++)
		sb_buf_adds(&b, "1,filler\n");
	sb_buf_add(&b, "2,x\0y\n3,z\n", 10);
	put("nul.csv", b.data, b.len);
	{
		struct sb_err e;
		int st;
		char *got = transcript(path("nul.csv"), &o, &st, &e);

		ok(strstr(got, "rej 20001:20002 NUL byte in column 2: "
		    "2,x\\x00y\nok 20002:20003 3|z\neof\n") != NULL,
		    "CSV: NUL byte in a field is a reject");
		free(got);
	}
	put("bin.dat", "a,b\n\0\1\2", 7);
	check("bin.dat", &o, "note bin.dat: binary content, skipped\neof\n",
	    "binary file skipped with a note");
	sb_buf_release(&b);
	sb_buf_release(&want);
}

static void
t_encoding(void)
{
	struct sb_reader_opts o = opts();

	/* "Ivan,Moskva" and "Pyotr" in Cyrillic windows-1251; 0x98 is
	 * unassigned there. */
	puts_file("cp1251.csv", "name,city\n"
	    "\xc8\xe2\xe0\xed,\xcc\xee\xf1\xea\xe2\xe0\n"
	    "x,\x98\n"
	    "\xcf\xb8\xf2\xf0,\n");
	o.encoding = "windows-1251";
	check("cp1251.csv", &o,
	    "hdr name|city\n"
	    "ok 1:2 \\xd0\\x98\\xd0\\xb2\\xd0\\xb0\\xd0\\xbd|"
	    "\\xd0\\x9c\\xd0\\xbe\\xd1\\x81\\xd0\\xba\\xd0\\xb2\\xd0\\xb0\n"
	    "rej 2:3 invalid byte sequence for encoding windows-1251 in "
	    "column 2: x,\\x98\n"
	    "ok 3:4 \\xd0\\x9f\\xd1\\x91\\xd1\\x82\\xd1\\x80|\n"
	    "eof\n",
	    "windows-1251 CSV converted to UTF-8; bad byte rejected");

	puts_file("cp1251.ndjson", "{\"n\":\"\xc8\xe2\xe0\xed\"}\n");
	check("cp1251.ndjson", &o,
	    "ok 1:1 {\"n\":\"\\xd0\\x98\\xd0\\xb2\\xd0\\xb0\\xd0\\xbd\"}\n"
	    "eof\n", "windows-1251 NDJSON converted");

	o.encoding = "utf8";
	check("bad8.csv", &o,
	    "hdr a|b\n"
	    "ok 1:2 1|ok\n"
	    "rej 2:3 invalid byte sequence for encoding UTF-8 in column 2: "
	    "2,\\xff\\xfe bad\n"
	    "ok 3:4 3|\\xc3\\xa9t\\xc3\\xa9\n"
	    "eof\n",
	    "encoding \"utf8\" means the UTF-8 check");

	o.encoding = "no-such-charset";
	check("bad8.csv", &o,
	    "open fatal 3: unknown encoding: no-such-charset\n",
	    "unknown encoding is a usage error");
}

/*
 * JSON and NDJSON.
 */

static void
t_json(void)
{
	struct sb_reader_opts o = opts();
	struct sb_buf b = SB_BUF_INIT(1u << 20);
	int i;

	puts_file("mixed.ndjson",
	    "{\"a\":1}\n"
	    "{\"a\":2\n"
	    "{\"a\":3}\n"
	    "not json\n"
	    "{\"a\":4,\n"
	    "{\"a\":5} {\"a\":6}\n"
	    "[1]\n"
	    "\"str\"\n"
	    "{\"s\":\"open}\n"
	    "{\"a\": }\n"
	    "{\"a\":\"\\\"}{\"}\n");
	check("mixed.ndjson", &o,
	    "ok 1:1 {\"a\":1}\n"
	    "rej 2:2 malformed JSON at byte offset 5 of the record: "
	    "{\"a\":2\n"
	    "ok 3:3 {\"a\":3}\n"
	    "rej 4:4 malformed JSON at byte offset 0 of the record: "
	    "not json\n"
	    "rej 5:5 malformed JSON at byte offset 6 of the record: "
	    "{\"a\":4,\n"
	    "ok 6:6 {\"a\":5}\n"
	    "ok 7:6 {\"a\":6}\n"
	    "rej 8:7 record is not a JSON object: [1]\n"
	    "rej 9:8 record is not a JSON object: \"str\"\n"
	    "rej 10:9 malformed JSON at byte offset 6 of the record: "
	    "{\"s\":\"open}\n"
	    "rej 11:10 malformed JSON at byte offset 6 of the record: "
	    "{\"a\": }\n"
	    "ok 12:11 {\"a\":\"\\\"}{\"}\n"
	    "eof\n",
	    "NDJSON: malformed lines rejected, the next lines read");

	puts_file("arr.json", "[{\"a\":1},{\"a\":2}, 3, {\"b\":[1,{}]}]");
	check("arr.json", &o,
	    "ok 1:1 {\"a\":1}\n"
	    "ok 2:1 {\"a\":2}\n"
	    "rej 3:1 record is not a JSON object: 3\n"
	    "ok 4:1 {\"b\":[1,{}]}\n"
	    "eof\n",
	    "JSON array of objects; non-object element rejected");

	puts_file("pretty.json", "\xef\xbb\xbf[\n"
	    "  {\n"
	    "    \"a\": 1,\n"
	    "    \"b\": [1, 2]\n"
	    "  },\n"
	    "  {\n"
	    "    \"a\": \"x\\ny\"\n"
	    "  }\n"
	    "]\n");
	check("pretty.json", &o,
	    "ok 1:2 {\"a\":1,\"b\":[1,2]}\n"
	    "ok 2:6 {\"a\":\"x\\ny\"}\n"
	    "eof\n",
	    "pretty-printed JSON array over many lines");

	puts_file("open.json", "[{\"a\":1},\n{\"a\":2},\n");
	check("open.json", &o,
	    "ok 1:1 {\"a\":1}\n"
	    "ok 2:2 {\"a\":2}\n"
	    "note open.json: JSON array not closed at the end of the data\n"
	    "eof\n", "JSON array cut short: records, and a note");

	puts_file("concat.ndjson", "{\n \"a\": 1\n}\n{\n \"a\": 2\n}\n");
	check("concat.ndjson", &o,
	    "ok 1:1 {\"a\":1}\nok 2:4 {\"a\":2}\neof\n",
	    "concatenated pretty-printed objects");

	for (i = 0; i < 70; i++)
		sb_buf_adds(&b, i == 0 ? "{\"a\":" : "[");
	for (i = 1; i < 70; i++)
		sb_buf_adds(&b, "]");
	sb_buf_adds(&b, "}\n{\"ok\":true}\n");
	put("deep.ndjson", b.data, b.len);
	{
		struct sb_err e;
		int st;
		char *got = transcript(path("deep.ndjson"), &o, &st, &e);

		ok(strstr(got, "rej 1:1 JSON nested deeper than 64 levels") !=
		    NULL && strstr(got, "ok 2:2 {\"ok\":true}\neof\n") != NULL,
		    "JSON deeper than 64 levels rejected");
		free(got);
	}

	o.max_record = 10;
	puts_file("longj.ndjson", "{\"a\":1}\n{\"a\":\"0123456789\"}\n{}\n");
	check("longj.ndjson", &o,
	    "ok 1:1 {\"a\":1}\n"
	    "rej 2:2 record longer than 10 bytes: {\"a\":\"0123 "
	    "(truncated, 10 bytes)\n"
	    "ok 3:3 {}\n"
	    "eof\n",
	    "NDJSON: over-long record rejected, truncated");
	o = opts();

	puts_file("badj.ndjson", "{\"a\":\"\xc3\"}\n{\"b\":2}\n");
	check("badj.ndjson", &o,
	    "rej 1:1 invalid byte sequence for encoding UTF-8 in the "
	    "record: {\"a\":\"\\xc3\"}\n"
	    "ok 2:2 {\"b\":2}\n"
	    "eof\n",
	    "NDJSON: invalid UTF-8 record rejected");

	o.format = SB_FMT_NDJSON;
	check("semi.csv", &o,
	    "rej 1:1 malformed JSON at byte offset 0 of the record: a;b;c\n"
	    "rej 2:2 malformed JSON at byte offset 1 of the record: "
	    "1;2,5;x\n"
	    "eof\n",
	    "forced format NDJSON on CSV data");
	sb_buf_release(&b);
}

/*
 * Containers.
 */

static void
make_tree(void)
{
	mkdirs("tree/sub/deeper");
	mkdirs("tree/emptydir");
	puts_file("tree/top.csv", "k,v\n1,a\n");
	puts_file("tree/sub/x.ndjson", "{\"x\":1}\n{\"x\":2}\n");
	puts_file("tree/sub/deeper/y.csv", "k;v\n2;b\n3;c\n");
	puts_file("tree/sub/empty.csv", "");
	put("tree/sub/blob.bin", "\x7f" "ELF\0\0\0\1", 8);
}

static void
t_archives(void)
{
	static const char *kinds[] = {"zip", "tar.gz", "tar.xz", "tar",
	    "7z"};
	struct sb_reader_opts o = opts();
	char name[64], *got;
	struct sb_err e;
	size_t i;
	int st;

	make_tree();
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		snprintf(name, sizeof(name), "tree.%s", kinds[i]);
		if (strcmp(kinds[i], "7z") == 0)
			sh("cd '%s' && bsdtar --format 7zip -cf '%s' tree",
			    tmp, name);
		else
			sh("cd '%s' && bsdtar -a -cf '%s' tree", tmp, name);
		got = transcript(path(name), &o, &st, &e);
		ok(st == SB_EOF &&
		    strstr(got, "ok 1:2 [tree/top.csv] 1|a\n") != NULL &&
		    strstr(got, "ok 1:1 [tree/sub/x.ndjson] {\"x\":1}\n"
		    "ok 2:2 [tree/sub/x.ndjson] {\"x\":2}\n") != NULL &&
		    strstr(got, "ok 1:2 [tree/sub/deeper/y.csv] 2|b\n") !=
		    NULL &&
		    strstr(got, "ok 2:3 [tree/sub/deeper/y.csv] 3|c\n") !=
		    NULL &&
		    strstr(got, "note member tree/sub/empty.csv: no records\n")
		    != NULL &&
		    strstr(got, "note member tree/sub/blob.bin: binary "
		    "content, skipped\n") != NULL,
		    "%s archive: members in subfolders, notes", kinds[i]);
		if (nfailed > 0 && st != SB_EOF)
			printf("# %s", got);
		free(got);
	}

	/* zip > tar.gz > csv */
	mkdirs("nest/outer");
	mkdirs("nest/in/data");
	puts_file("nest/in/data/z.csv", "id,n\n7,seven\n");
	sh("cd '%s/nest/in' && bsdtar -czf ../outer/inner.tar.gz data", tmp);
	sh("cd '%s/nest' && bsdtar -a -cf ../nested.zip outer", tmp);
	check("nested.zip", &o,
	    "hdr id|n\n"
	    "ok 1:2 [outer/inner.tar.gz!/data/z.csv] 7|seven\n"
	    "eof\n",
	    "zip containing tar.gz containing CSV");

	/* Nesting deeper than SB_READER_MAX_NESTING. */
	sh("cd '%s/nest' && cp ../nested.zip n1.zip && "
	    "bsdtar -a -cf n2.zip n1.zip && bsdtar -a -cf n3.zip n2.zip", tmp);
	check("nest/n2.zip", &o,
	    "hdr id|n\n"
	    "ok 1:2 [n1.zip!/outer/inner.tar.gz!/data/z.csv] 7|seven\n"
	    "eof\n",
	    "three archive levels are read");
	check("nest/n3.zip", &o,
	    "note member n2.zip!/n1.zip!/outer/inner.tar.gz: archive nested "
	    "too deeply, skipped\n"
	    "eof\n",
	    "a fourth archive level is skipped with a note");

	/* A single compressed file. */
	puts_file("single.csv", "a,b\n1,2\n");
	sh("cd '%s' && gzip -c single.csv > single.csv.gz && "
	    "xz -c single.csv > single.csv.xz", tmp);
	check("single.csv.gz", &o, "hdr a|b\nok 1:2 1|2\neof\n",
	    "gzip-compressed plain file");
	check("single.csv.xz", &o, "hdr a|b\nok 1:2 1|2\neof\n",
	    "xz-compressed plain file");
	mkdirs("gzin");
	sh("cd '%s' && cp single.csv.gz gzin/ && bsdtar -a -cf gzin.zip gzin",
	    tmp);
	check("gzin.zip", &o,
	    "hdr a|b\nok 1:2 [gzin/single.csv.gz] 1|2\neof\n",
	    "gzip-compressed member of a zip");

	puts_file("empty.csv", "");
	check("empty.csv", &o, "eof\n", "empty file: no records, no note");

	/* Non-ASCII names come out in UTF-8 whatever the locale. */
	mkdirs("names/\xd0\xb4\xd0\xb5\xd0\xbb\xd0\xbe");
	puts_file("names/\xd0\xb4\xd0\xb5\xd0\xbb\xd0\xbe/f.csv", "a\n1\n");
	sh("cd '%s/names' && bsdtar -a -cf ../names.zip . && "
	    "bsdtar --options zip:encryption=zipcrypt --passphrase pw "
	    "-a -cf ../enc.zip .", tmp);
	check("names.zip", &o,
	    "hdr a\nok 1:2 [\xd0\xb4\xd0\xb5\xd0\xbb\xd0\xbe/f.csv] 1\n"
	    "eof\n", "Cyrillic member names in UTF-8, \"./\" dropped");
	check("enc.zip", &o,
	    "note member \xd0\xb4\xd0\xb5\xd0\xbb\xd0\xbe/f.csv: "
	    "encrypted, skipped\neof\n",
	    "encrypted member skipped with a note");
}

/* Line ends and records across the reader's internal block boundaries. */
static void
t_boundaries(void)
{
	struct sb_reader_opts o = opts();
	struct sb_buf b = SB_BUF_INIT(1u << 24);
	char want[128], *got;
	struct sb_err e;
	size_t i, rows;
	int st;

	/* CRLF with the CR as the last byte of the first 64 KiB. */
	sb_buf_adds(&b, "a,b\r\n");
	for (rows = 0; b.len < 65535 - 8; rows++)
		sb_buf_adds(&b, "1,xx\r\n");
	while (b.len < 65535 - 3)
		sb_buf_addc(&b, 'y');
	sb_buf_adds(&b, "2,\r\n");
	rows++;
	for (i = 0; i < 100000; i++, rows++)
		sb_buf_adds(&b, "3,\"q\r\nq\"\r\n");
	put("bound.csv", b.data, b.len);
	got = transcript(path("bound.csv"), &o, &st, &e);
	snprintf(want, sizeof(want), "ok %zu:%zu 3|q\\x0d\\x0aq\neof\n", rows,
	    rows + 100000);
	ok(st == SB_EOF && b.data[65535] == '\n' &&
	    strstr(got, want) != NULL && strstr(got, "rej") == NULL,
	    "CSV: CRLF split across blocks, lines counted");
	free(got);

	sb_buf_reset(&b);
	for (i = 0; i < 50000; i++)
		addf(&b, "{\"i\": %zu, \"s\": \"a \\\" b\"}\n", i);
	put("many.ndjson", b.data, b.len);
	got = transcript(path("many.ndjson"), &o, &st, &e);
	ok(st == SB_EOF && strstr(got, "ok 50000:50000 {\"i\":49999,"
	    "\"s\":\"a \\\" b\"}\neof\n") != NULL && strstr(got, "rej") == NULL,
	    "NDJSON: 50000 records over many blocks");
	free(got);
	sb_buf_release(&b);
}

static char *split_transcript(const char *, const struct sb_reader_opts *,
    bool, int *, struct sb_err *);

/* Read file through a pipe on fd 0, as "-": a transcript(), or a
 * split_transcript() (split), chunked or not. */
static char *
stdin_run(const char *file, const struct sb_reader_opts *o, bool split,
    bool chunked, int *st, struct sb_err *e)
{
	int fds[2], in, saved;
	pid_t pid;
	char *got;

	if (pipe(fds) != 0)
		die("pipe");
	if ((pid = fork()) < 0)
		die("fork");
	if (pid == 0) {
		char buf[8192];
		ssize_t n;

		close(fds[0]);
		if ((in = open(file, O_RDONLY)) < 0)
			_exit(1);
		while ((n = read(in, buf, sizeof(buf))) > 0)
			if (write(fds[1], buf, (size_t)n) != n)
				_exit(1);
		_exit(0);
	}
	close(fds[1]);
	if ((saved = dup(0)) < 0 || dup2(fds[0], 0) < 0)
		die("dup");
	close(fds[0]);
	got = split ? split_transcript("-", o, chunked, st, e) :
	    transcript("-", o, st, e);
	if (dup2(saved, 0) < 0)
		die("dup2");
	close(saved);
	waitpid(pid, NULL, 0);
	return got;
}

static char *
via_stdin(const char *file, const struct sb_reader_opts *o, int *st,
    struct sb_err *e)
{
	return stdin_run(file, o, false, false, st, e);
}

static char *
via_stdin_ways(const char *file, const struct sb_reader_opts *o,
    bool chunked, int *st, struct sb_err *e)
{
	struct sb_reader_opts oc = *o;

	oc.sequential = false;
	return stdin_run(file, &oc, true, chunked, st, e);
}

/* Read file as "-" with fd 0 on the file itself, skip bytes read already. */
static char *
file_stdin(const char *file, off_t skip, const struct sb_reader_opts *o,
    int *st, struct sb_err *e)
{
	int fd, saved;
	char *got;

	if ((fd = open(file, O_RDONLY)) < 0 || lseek(fd, skip, SEEK_SET) < 0 ||
	    (saved = dup(0)) < 0 || dup2(fd, 0) < 0)
		die("dup");
	close(fd);
	got = transcript("-", o, st, e);
	if (dup2(saved, 0) < 0)
		die("dup2");
	close(saved);
	return got;
}

static void
t_stdin(void)
{
	struct sb_reader_opts o = opts();
	struct sb_err e;
	char *got;
	int st;

	got = via_stdin(path("tree.tar.gz"), &o, &st, &e);
	ok(st == SB_EOF && strstr(got, "ok 1:2 [tree/top.csv] 1|a\n") != NULL &&
	    strstr(got, "ok 2:3 [tree/sub/deeper/y.csv] 3|c\n") != NULL,
	    "tar.gz read from a pipe on stdin");
	free(got);
	got = via_stdin(path("tree.zip"), &o, &st, &e);
	ok(st == SB_EOF && strstr(got, "ok 1:2 [tree/top.csv] 1|a\n") != NULL &&
	    strstr(got, "ok 2:3 [tree/sub/deeper/y.csv] 3|c\n") != NULL,
	    "zip read from a pipe on stdin");
	if (st != SB_EOF)
		printf("# %s", got);
	free(got);
	got = via_stdin(path("nested.zip"), &o, &st, &e);
	same(got, "hdr id|n\nok 1:2 [outer/inner.tar.gz!/data/z.csv] 7|seven\n"
	    "eof\n", "nested zip read from a pipe on stdin");
	free(got);
	got = via_stdin(path("crlf.csv"), &o, &st, &e);
	ok(st == SB_EOF && strstr(got, "ok 3:6 3|Cy|last\n") != NULL,
	    "plain CSV read from a pipe on stdin");
	free(got);
	got = via_stdin(path("single.csv.gz"), &o, &st, &e);
	same(got, "hdr a|b\nok 1:2 1|2\neof\n", "gzip file from a pipe");
	free(got);
	sh("cd '%s' && (printf %%100s ''; cat tree.zip) > prefixed.zip", tmp);
	got = file_stdin(path("prefixed.zip"), 100, &o, &st, &e);
	ok(st == SB_EOF && strstr(got, "ok 2:3 [tree/sub/deeper/y.csv] 3|c\n")
	    != NULL, "zip on stdin, a regular file read from offset 100");
	free(got);
}

static void
t_errors(void)
{
	struct sb_reader_opts o = opts();
	struct sb_buf b = SB_BUF_INIT(1u << 26);
	struct sb_reader *r;
	struct sb_err e;
	struct stat stt;
	char *got;
	size_t i;
	int st;

	st = sb_reader_open(&r, path("no/such/file.csv"), &o, &e);
	ok(st == SB_FATAL && e.kind == SB_E_NOINPUT && r == NULL &&
	    strstr(e.msg, "no/such/file.csv") != NULL &&
	    strstr(e.msg, "No such file") != NULL,
	    "nonexistent file: SB_FATAL, SB_E_NOINPUT, path and strerror");
	st = sb_reader_open(&r, tmp, &o, &e);
	ok(st == SB_FATAL && e.kind == SB_E_NOINPUT, "directory: SB_E_NOINPUT");

	/* A tar.gz cut in the middle of its data. */
	mkdirs("big");
	sb_buf_adds(&b, "id,text\n");
	for (i = 0; i < 200000; i++)
		addf(&b, "%zu,%zx%zx some text to fill the member\n", i,
		    i * 2654435761u, i * 40503u);
	put("big/big.csv", b.data, b.len);
	sh("cd '%s' && bsdtar -czf big.tar.gz big && "
	    "head -c $(( $(stat -c %%s big.tar.gz) / 2 )) big.tar.gz "
	    "> cut.tar.gz && head -c 300 big.tar.gz > cut300.tar.gz", tmp);
	got = transcript(path("cut.tar.gz"), &o, &st, &e);
	ok(st == SB_FATAL && e.kind == SB_E_DATA &&
	    strstr(got, "ok 1:2 [big/big.csv] 0|") != NULL,
	    "truncated tar.gz: records, then SB_FATAL SB_E_DATA (%s)", e.msg);
	free(got);
	got = transcript(path("cut300.tar.gz"), &o, &st, &e);
	ok(st == SB_FATAL && e.kind == SB_E_DATA,
	    "tar.gz cut in its header: SB_E_DATA (%s)", e.msg);
	free(got);
	/* Garbage after a zip signature. */
	put("fake.zip", "PK\3\4garbage garbage garbage garbage", 35);
	got = transcript(path("fake.zip"), &o, &st, &e);
	ok(st == SB_FATAL && e.kind == SB_E_DATA,
	    "corrupt zip: SB_E_DATA (%s)", e.msg);
	free(got);
	ok(stat(path("big/big.csv"), &stt) == 0 && stt.st_size > 0,
	    "fixtures intact");

	/* A reader keeps failing after a fatal error, without crashing. */
	if (sb_reader_open(&r, path("cut300.tar.gz"), &o, &e) == SB_OK) {
		struct sb_rawrej rej;
		struct sb_rec rec;

		while ((st = sb_reader_next(r, &rec, &rej, &e)) == SB_OK ||
		    st == SB_REJECT)
			;
		st = sb_reader_next(r, &rec, &rej, &e);
		ok(st == SB_FATAL && e.kind == SB_E_DATA,
		    "SB_FATAL is sticky");
		sb_reader_free(r);
	} else
		ok(0, "SB_FATAL is sticky");

	o.delimiter = '"';
	st = sb_reader_open(&r, path("crlf.csv"), &o, &e);
	ok(st == SB_FATAL && e.kind == SB_E_USAGE,
	    "delimiter equal to the quote: SB_E_USAGE");
	sb_buf_release(&b);
}

/* Two readers at once: no shared state between them. */
static void
t_two_readers(void)
{
	struct sb_reader_opts o = opts();
	struct sb_reader *a, *b;
	struct sb_rawrej rej;
	struct sb_rec ra, rb;
	struct sb_err e;
	int sa, sb, n = 0;

	if (sb_reader_open(&a, path("tree.zip"), &o, &e) != SB_OK ||
	    sb_reader_open(&b, path("blank.csv"), &o, &e) != SB_OK) {
		ok(0, "two readers interleaved");
		return;
	}
	do {
		sa = sb_reader_next(a, &ra, &rej, &e);
		sb = sb_reader_next(b, &rb, &rej, &e);
		if (sa == SB_OK && sb == SB_OK)
			n++;
	} while (sa == SB_OK || sb == SB_OK);
	ok(n == 3 && sa == SB_EOF && sb == SB_EOF && rb.header == NULL,
	    "two readers interleaved");
	sb_reader_free(a);
	sb_reader_free(b);
}

struct job {
	const char *file;
	char *got;
};

static void *
job_run(void *arg)
{
	struct sb_reader_opts o = opts();
	struct job *j = arg;
	struct sb_err e;
	int st;

	j->got = transcript(j->file, &o, &st, &e);
	return NULL;
}

/* Readers in threads of their own give what they give alone. */
static void
t_threads(void)
{
	static const char *files[] = {"tree.zip", "nested.zip", "bound.csv",
	    "mixed.ndjson", "tree.tar.xz", "many.ndjson"};
	struct job jobs[6];
	pthread_t tid[6];
	struct sb_err e;
	char *alone;
	size_t i;
	int st, same_all = 1;

	for (i = 0; i < 6; i++) {
		jobs[i].file = strdup(path(files[i]));
		if (jobs[i].file == NULL ||
		    pthread_create(&tid[i], NULL, job_run, &jobs[i]) != 0)
			die("pthread_create");
	}
	for (i = 0; i < 6; i++) {
		pthread_join(tid[i], NULL);
		alone = transcript(jobs[i].file, NULL, &st, &e);
		same_all &= strcmp(alone, jobs[i].got) == 0;
		free(alone);
		free(jobs[i].got);
		free((char *)jobs[i].file);
	}
	ok(same_all, "six readers in six threads");
}

/*
 * Chunks: sb_reader_next_chunk() and chunk parsers give what
 * sb_reader_next() gives, record for record; and sb_ingest gives the same
 * output either way.
 */

/* Read a file with sb_reader_next() or, chunked, with
 * sb_reader_next_chunk() and a chunk parser.  Records and rejects, notes,
 * and the end go to separate parts of the transcript: notes may come at
 * another record in the two ways, but not in another order. */
static char *
split_transcript(const char *file, const struct sb_reader_opts *o,
    bool chunked, int *last, struct sb_err *e)
{
	struct sb_buf b = SB_BUF_INIT(64u << 20);
	struct sb_buf notes = SB_BUF_INIT(1u << 20);
	struct sb_chunkparser *cp = NULL;
	struct sb_reader *r;
	struct sb_rawrej rej;
	struct sb_csvchunk ck;
	struct sb_rec rec;
	unsigned long gen = 0;
	const char *n;
	long got;
	int st, cs;

	memset(e, 0, sizeof(*e));
	sb_buf_adds(&b, "");
	sb_buf_adds(&notes, "");
	if ((st = sb_reader_open(&r, file, o, e)) != SB_OK ||
	    (chunked && (st = sb_reader_chunkparser_new(&cp, o, e)) !=
	    SB_OK)) {
		addf(&b, "open fatal %d: %s\n", e->kind, e->msg);
		*last = st;
		sb_buf_release(&notes);
		return b.data;
	}
	do {
		st = chunked ? sb_reader_next_chunk(r, &rec, &rej, &ck, e) :
		    sb_reader_next(r, &rec, &rej, e);
		/* Notes from before a chunk come before its own. */
		while ((n = sb_reader_note(r)) != NULL)
			addf(&notes, "note %s\n", n);
		if (st == SB_OK)
			log_rec(&b, &rec, &gen);
		else if (st == SB_REJECT)
			log_rej(&b, &rec, &rej);
		else if (st == SB_CHUNK) {
			sb_reader_chunk_begin(cp, &ck, file);
			got = 0;
			while ((cs = sb_reader_chunk_next(cp, &rec, &rej, e)) ==
			    SB_OK || cs == SB_REJECT) {
				got++;
				if (cs == SB_OK)
					log_rec(&b, &rec, &gen);
				else
					log_rej(&b, &rec, &rej);
			}
			if (cs == SB_FATAL) {
				addf(&b, "chunk fatal %d: %s\n", e->kind,
				    e->msg);
				st = SB_FATAL;
			}
			if (ck.final && ck.empty_note != NULL && got == 0)
				addf(&notes, "note %s\n", ck.empty_note);
		}
	} while (st == SB_OK || st == SB_REJECT || st == SB_CHUNK);
	sb_buf_adds(&b, "-- notes\n");
	sb_buf_adds(&b, notes.data);
	if (st == SB_EOF)
		sb_buf_adds(&b, "eof\n");
	else
		addf(&b, "fatal %d\n", e->kind);
	*last = st;
	sb_reader_chunkparser_free(cp);
	sb_reader_free(r);
	sb_buf_release(&notes);
	strip_tmp(b.data);
	return b.data;
}

/* Show where two transcripts part. */
static void
show_diff(const char *a, const char *b)
{
	size_t i = 0, line = 1, from;

	while (a[i] != '\0' && a[i] == b[i]) {
		if (a[i] == '\n')
			line++;
		i++;
	}
	from = i;
	while (from > 0 && a[from - 1] != '\n')
		from--;
	printf("# first difference at transcript line %zu:\n"
	    "# sequential: %.300s\n# chunked:    %.300s\n", line, a + from,
	    b + from);
}

static struct {
	int ok, bad;
	bool shown;
} cmp_stats;

/* The two ways on one file; false (and the difference shown once) when
 * they part. */
static bool
same_ways(const char *file, const struct sb_reader_opts *o, const char *what)
{
	struct sb_reader_opts oc = *o;
	struct sb_err e1, e2;
	char *a, *b;
	int s1, s2;
	bool eq;

	oc.sequential = false;
	a = split_transcript(file, o, false, &s1, &e1);
	b = split_transcript(file, &oc, true, &s2, &e2);
	eq = s1 == s2 && strcmp(a, b) == 0 && (s1 != SB_FATAL ||
	    (e1.kind == e2.kind && strcmp(e1.msg, e2.msg) == 0));
	if (eq)
		cmp_stats.ok++;
	else {
		cmp_stats.bad++;
		if (!cmp_stats.shown) {
			cmp_stats.shown = true;
			printf("# %s: %s (delimiter %d quote %d trim %d "
			    "no_header %d max_record %zu encoding %s "
			    "chunk_size %zu)\n", what, file, o->delimiter,
			    o->quote, o->trim, o->no_header, o->max_record,
			    o->encoding != NULL ? o->encoding : "UTF-8",
			    o->chunk_size);
			if (s1 != s2 || strcmp(a, b) != 0)
				show_diff(a, b);
			else
				printf("# errors: %s / %s\n", e1.msg, e2.msg);
		}
	}
	free(a);
	free(b);
	return eq;
}

/* A small deterministic generator (xorshift64*). */
static uint64_t rng = 88172645463325252ull;

static unsigned
rnd(unsigned n)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (unsigned)((rng * 2685821657736338717ull) >> 33) % n;
}

struct dialect {
	char delim, quote;
	bool trim;
	int eol;	/* 0 LF, 1 CRLF, 2 CR, 3 any of them */
	bool cp1251;
};

static void
put_eol(struct sb_buf *b, const struct dialect *d)
{
	static const char *const eols[] = {"\n", "\r\n", "\r"};

	sb_buf_adds(b, eols[d->eol == 3 ? rnd(3) : (unsigned)d->eol]);
}

static void
put_word(struct sb_buf *b, const struct dialect *d)
{
	static const char *const words[] = {"Ana", "x", "12", "Sliven",
	    "\xd0\x9c\xd0\xb0\xd1\x80\xd0\xb8\xd1\x8f",
	    "\xce\x93\xce\xb5\xcf\x8e\xcf\x81\xce\xb3\xce\xb9\xce\xbf\xcf\x82",
	    "a b", "2023-01-02", "C1"};

	if (d->cp1251 && rnd(3) == 0)
		sb_buf_adds(b, "\xc8\xe2\xe0\xed");
	else
		sb_buf_adds(b, words[rnd(sizeof(words) / sizeof(words[0]))]);
}

/* Text for inside quotes: words, delimiters, newlines, doubled quotes. */
static void
put_quoted(struct sb_buf *b, const struct dialect *d)
{
	unsigned i, n = 1 + rnd(6);

	sb_buf_addc(b, d->quote);
	for (i = 0; i < n; i++) {
		switch (rnd(7)) {
		case 0:
			sb_buf_addc(b, d->delim);
			break;
		case 1:
			put_eol(b, d);
			break;
		case 2:
			sb_buf_addc(b, d->quote);
			sb_buf_addc(b, d->quote);
			break;
		case 3:
			sb_buf_adds(b, "  ");
			break;
		default:
			put_word(b, d);
		}
	}
	sb_buf_addc(b, d->quote);
}

static void
put_field(struct sb_buf *b, const struct dialect *d)
{
	unsigned i, n;

	switch (rnd(40)) {
	case 0: case 1: case 2:
		break;				/* empty */
	case 3:
		sb_buf_adds(b, "  ");
		put_word(b, d);
		sb_buf_adds(b, rnd(2) ? " \t" : " ");
		break;
	case 4: case 5: case 6: case 7: case 8:
		put_quoted(b, d);
		break;
	case 9:
		put_quoted(b, d);
		sb_buf_adds(b, "  ");		/* trimmed after the quote */
		break;
	case 10:
		sb_buf_adds(b, "5'2");		/* a quote inside: text */
		sb_buf_addc(b, d->quote);
		if (rnd(2))
			sb_buf_adds(b, " tall");
		break;
	case 11:
		put_quoted(b, d);		/* "a"b: libcsv goes on */
		put_word(b, d);
		break;
	case 12:
		put_quoted(b, d);		/* "a" "b" */
		sb_buf_addc(b, ' ');
		put_quoted(b, d);
		break;
	case 13:
		sb_buf_adds(b, "  ");		/* opens only when trimmed */
		put_quoted(b, d);
		break;
	case 14:
		sb_buf_adds(b, "bad\xff\xfe");
		break;
	case 15:
		if (rnd(8) == 0)
			sb_buf_add(b, "n\0l", 3);
		else
			put_word(b, d);
		break;
	case 16:
		n = 20 + rnd(400);
		for (i = 0; i < n; i++)
			sb_buf_addc(b, "xyz "[rnd(4)]);
		break;
	case 17:
		sb_buf_addc(b, d->quote);
		n = 20 + rnd(600);
		for (i = 0; i < n; i++)
			if (rnd(40) == 0)
				put_eol(b, d);
			else
				sb_buf_addc(b, 'q');
		sb_buf_addc(b, d->quote);
		break;
	case 18:
		sb_buf_addc(b, d->quote);
		sb_buf_addc(b, d->quote);
		break;
	case 19:
		for (i = 0; i < 4; i++)
			sb_buf_addc(b, d->quote);
		break;
	case 20:
		sb_buf_addc(b, d->quote);	/* "x"" + */
		sb_buf_adds(b, "x");
		sb_buf_addc(b, d->quote);
		sb_buf_addc(b, d->quote);
		break;
	default:
		put_word(b, d);
	}
}

/* A random CSV of `rows` rows after a header of ncol columns. */
static void
gen_csv(struct sb_buf *b, const struct dialect *d, unsigned ncol,
    unsigned rows)
{
	unsigned r, i, n;

	if (rnd(6) == 0)
		sb_buf_adds(b, "\xef\xbb\xbf");
	for (i = 0; i < ncol; i++) {
		if (i > 0)
			sb_buf_addc(b, d->delim);
		if (rnd(5) == 0) {
			sb_buf_addc(b, d->quote);
			addf(b, "c %u", i);
			sb_buf_addc(b, d->quote);
		} else
			addf(b, i == 0 ? "case" : i == 1 ? "v_given" :
			    i == 2 ? "story" : "col%u", i);
	}
	put_eol(b, d);
	for (r = 0; r < rows; r++) {
		switch (rnd(24)) {
		case 0:
			break;				/* blank */
		case 1:
			sb_buf_adds(b, rnd(2) ? "  \t " : " ");
			break;
		case 2:
			if (rnd(2))
				sb_buf_addc(b, ' ');
			sb_buf_addc(b, d->quote);
			sb_buf_addc(b, d->quote);
			if (rnd(2))
				sb_buf_adds(b, "  ");
			break;
		case 3:
			for (i = 0; i < ncol; i++)
				sb_buf_addc(b, d->delim);
			break;
		default:
			n = ncol + (rnd(8) == 0 ? rnd(3) : 0) - rnd(2);
			for (i = 0; i < n; i++) {
				if (i > 0)
					sb_buf_addc(b, d->delim);
				if (i == 0 && rnd(10) != 0)
					addf(b, "C%u", r);
				else
					put_field(b, d);
			}
		}
		if (r + 1 < rows || rnd(3) != 0)
			put_eol(b, d);
	}
	if (rnd(12) == 0) {
		sb_buf_adds(b, "last");		/* open at the end */
		sb_buf_addc(b, d->delim);
		sb_buf_addc(b, d->quote);
		sb_buf_adds(b, "never closed\nat all");
	}
}

static void
random_case(struct dialect *d, struct sb_reader_opts *o)
{
	static const char delims[] = {',', ';', '\t', '|'};

	memset(o, 0, sizeof(*o));
	d->delim = delims[rnd(4)];
	d->quote = rnd(8) == 0 ? '\'' : '"';
	d->trim = rnd(2) == 0;
	d->eol = (int)rnd(4);
	d->cp1251 = rnd(8) == 0;
	o->delimiter = rnd(3) == 0 ? 0 : d->delim;
	o->quote = d->quote == '"' ? 0 : d->quote;
	o->trim = d->trim;
	o->no_header = rnd(8) == 0;
	o->max_record = rnd(4) == 0 ? 40 + rnd(300) : 0;
	o->encoding = d->cp1251 ? "windows-1251" : NULL;
	o->chunk_size = rnd(3) == 0 ? 1 + rnd(24) : rnd(2) ? 1 + rnd(600) :
	    1 + rnd(6000);
}

static void
t_chunks_fuzz(void)
{
	struct sb_buf b = SB_BUF_INIT(1u << 26);
	struct sb_reader_opts o;
	struct dialect d;
	char name[64];
	unsigned it;
	int st;
	struct sb_err e;
	char *x, *y;

	memset(&cmp_stats, 0, sizeof(cmp_stats));
	for (it = 0; it < 600; it++) {
		random_case(&d, &o);
		sb_buf_reset(&b);
		gen_csv(&b, &d, 1 + rnd(5), rnd(4) == 0 ? rnd(4) : 10 +
		    rnd(120));
		snprintf(name, sizeof(name), "fz%u.csv", it);
		put(name, b.data, b.len);
		if (!same_ways(path(name), &o, "random CSV"))
			continue;
		if (it % 5 == 0) {
			/* The same through a pipe on stdin. */
			x = via_stdin_ways(path(name), &o, false, &st, &e);
			y = via_stdin_ways(path(name), &o, true, &st, &e);
			if (strcmp(x, y) == 0)
				cmp_stats.ok++;
			else if (cmp_stats.bad++ == 0) {
				printf("# stdin: %s\n", name);
				show_diff(x, y);
			}
			free(x);
			free(y);
		}
		if (it % 7 == 0) {
			/* gzip, and a zip of it, a header-only and an empty
			 * member. */
			sh("cd '%s' && gzip -c %s > %s.gz && mkdir -p z%u && "
			    "cp %s z%u/a.csv && printf 'case%sx\\r\\n\\n' > "
			    "z%u/b.csv && : > z%u/c.csv && cp %s z%u/d.csv && "
			    "bsdtar -a -cf z%u.zip z%u", tmp, name, name, it,
			    name, it, o.delimiter == '\t' ? "\\t" :
			    o.delimiter == ';' ? ";" : o.delimiter == '|' ?
			    "|" : ",", it, it, name, it, it, it);
			snprintf(name, sizeof(name), "fz%u.csv.gz", it);
			same_ways(path(name), &o, "gzip");
			snprintf(name, sizeof(name), "z%u.zip", it);
			same_ways(path(name), &o, "zip");
		}
	}
	ok(cmp_stats.bad == 0, "chunks give what rows give: %d random "
	    "inputs (quotes, newlines, dialects, limits, encodings, archives, "
	    "stdin), %d differ", cmp_stats.ok, cmp_stats.bad);
	sb_buf_release(&b);
}

/*
 * sb_ingest both ways: records, rejects, notes, counts and status.
 */

static const char fuzz_profile[] =
    "{\"profile\": 1, \"name\": \"fuzz\","
    " \"constants\": {\"country\": \"BG\", \"authority\": \"t\"},"
    " \"case\": {\"local_id\": \"case\"},"
    " \"persons\": [{\"pid\": \"victim\", \"role\": \"victim\","
    " \"fields\": {\"given\": \"v_given\", \"family\": \"col3\"}}],"
    " \"narratives\": [{\"column\": \"story\", \"kind\": \"summary\"}]}";

static int
to_buf(void *arg, const char *p, size_t n)
{
	return sb_buf_add(arg, p, n);
}

static void
note_to_buf(void *arg, const char *source, const char *msg)
{
	(void)source;
	addf(arg, "%s\n", msg);
}

/* Ingest file; out, rejects, notes, counts and status in one text. */
static char *
ingest_run(const struct sb_profile *p, const char *file,
    const struct sb_reader_opts *ro)
{
	struct sb_buf out = SB_BUF_INIT(1u << 28);
	struct sb_buf rej = SB_BUF_INIT(1u << 28);
	struct sb_buf notes = SB_BUF_INIT(1u << 20);
	struct sb_ingest_opts io;
	struct sb_ingest_counts c;
	struct sb_ingest *ig;
	struct sb_err e;
	int st;

	memset(&io, 0, sizeof(io));
	memset(&e, 0, sizeof(e));
	io.ropts = *ro;
	io.profile = p;
	io.out = to_buf;
	io.out_arg = &out;
	io.rejects = to_buf;
	io.rejects_arg = &rej;
	io.note = note_to_buf;
	io.note_arg = &notes;
	sb_buf_adds(&out, "");
	sb_buf_adds(&rej, "-- rejects\n");
	sb_buf_adds(&notes, "-- notes\n");
	if (sb_ingest_new(&ig, &io, &e) != SB_OK)
		st = -1;
	else {
		st = sb_ingest_source(ig, file, &c, &e);
		sb_ingest_free(ig);
		addf(&notes, "-- read %lu written %lu rejected %lu: %d %d %s\n",
		    c.read, c.written, c.rejected, st, e.kind, e.msg);
	}
	sb_buf_adds(&out, rej.data);
	sb_buf_adds(&out, notes.data);
	sb_buf_release(&rej);
	sb_buf_release(&notes);
	return out.data;
}

static bool
same_ingest(const struct sb_profile *p, const char *file,
    const struct sb_reader_opts *o)
{
	struct sb_reader_opts os = *o, oc = *o;
	char *a, *b;
	bool eq;

	os.sequential = true;
	oc.sequential = false;
	a = ingest_run(p, file, &os);
	b = ingest_run(p, file, &oc);
	eq = strcmp(a, b) == 0;
	if (!eq && !cmp_stats.shown) {
		cmp_stats.shown = true;
		printf("# sb_ingest: %s (chunk_size %zu)\n", file,
		    o->chunk_size);
		show_diff(a, b);
	}
	if (eq)
		cmp_stats.ok++;
	else
		cmp_stats.bad++;
	free(a);
	free(b);
	return eq;
}

static void
t_chunks_ingest(void)
{
	struct sb_buf b = SB_BUF_INIT(1u << 26);
	struct sb_profile *p;
	struct sb_reader_opts o;
	struct dialect d;
	struct sb_err e;
	char name[64];
	unsigned it;

	if (sb_profile_parse(&p, fuzz_profile, strlen(fuzz_profile), "fuzz",
	    &e) != SB_OK) {
		ok(0, "fuzz profile: %s", e.msg);
		return;
	}
	memset(&cmp_stats, 0, sizeof(cmp_stats));
	for (it = 0; it < 150; it++) {
		random_case(&d, &o);
		sb_buf_reset(&b);
		gen_csv(&b, &d, 2 + rnd(4), 10 + rnd(150));
		snprintf(name, sizeof(name), "fi%u.csv", it);
		put(name, b.data, b.len);
		same_ingest(p, path(name), &o);
		if (it % 10 == 0) {
			sh("cd '%s' && mkdir -p zi%u && cp %s zi%u/a.csv && "
			    "printf 'case\\n\\n' > zi%u/h.csv && "
			    "cp %s zi%u/b.csv && bsdtar -a -cf zi%u.zip zi%u",
			    tmp, it, name, it, it, name, it, it, it);
			snprintf(name, sizeof(name), "zi%u.zip", it);
			same_ingest(p, path(name), &o);
		}
	}
	/* Cut in the middle of a CSV member: the records before, then the
	 * same fatal error. */
	o = opts();
	o.chunk_size = 3000;
	same_ingest(p, path("cut.tar.gz"), &o);
	o.chunk_size = 0;
	same_ingest(p, path("cut.tar.gz"), &o);
	ok(cmp_stats.bad == 0, "sb_ingest gives the same records, rejects, "
	    "notes, counts and errors with chunks: %d inputs, %d differ",
	    cmp_stats.ok, cmp_stats.bad);

	/* A mapper's reject re-joins the fields with the member's
	 * delimiter. */
	o = opts();
	puts_file("semirej.csv", "case;v_given;story\n;Ana;x,y\nS2;Eva;z\n");
	{
		char *got = ingest_run(p, path("semirej.csv"), &o);

		ok(strstr(got, "\"raw\":\";Ana;\\\"x,y\\\"\"") != NULL &&
		    strstr(got, "\"local_id\":\"S2\"") != NULL,
		    "a mapper's reject is re-joined with the delimiter, ';'");
		if (strstr(got, "\"raw\":\";Ana;") == NULL)
			printf("# %s", got);
		free(got);
	}

	/* Several megabytes, default chunks: read(2) into chunks, buffers
	 * changing hands; through gzip (libarchive's blocks); on stdin. */
	memset(&cmp_stats, 0, sizeof(cmp_stats));
	memset(&d, 0, sizeof(d));
	d.delim = ',';
	d.quote = '"';
	d.eol = 3;
	memset(&o, 0, sizeof(o));
	sb_buf_reset(&b);
	gen_csv(&b, &d, 4, 80000);
	put("big.csv", b.data, b.len);
	sh("cd '%s' && gzip -c big.csv > big.csv.gz", tmp);
	same_ingest(p, path("big.csv"), &o);
	same_ingest(p, path("big.csv.gz"), &o);
	same_ways(path("big.csv"), &o, "big CSV");
	same_ways(path("big.csv.gz"), &o, "big CSV, gzip");
	ok(cmp_stats.bad == 0 && b.len > 3 * SB_READER_CHUNK_SIZE,
	    "%zu bytes in default chunks, plain and gzip: the same", b.len);
	sb_buf_release(&b);
	sb_profile_free(p);
}

/* A tar.gz cut in the middle of a CSV: the records before, then the same
 * fatal error, either way; a member with no records noted either way. */
static void
t_chunks_errors(void)
{
	struct sb_reader_opts o = opts();

	memset(&cmp_stats, 0, sizeof(cmp_stats));
	o.chunk_size = 5000;
	same_ways(path("cut.tar.gz"), &o, "cut tar.gz");
	same_ways(path("cut300.tar.gz"), &o, "cut tar.gz header");
	same_ways(path("tree.zip"), &o, "tree.zip");
	same_ways(path("nested.zip"), &o, "nested.zip");
	same_ways(path("huge.csv"), &o, "3 MB field");
	o.max_record = 1000;
	same_ways(path("huge.csv"), &o, "3 MB field, max_record");
	same_ways(path("wide.csv"), &o, "over 4096 fields");
	same_ways(path("bound.csv"), &o, "CRLF across blocks");
	o = opts();
	same_ways(path("cut.tar.gz"), &o, "cut tar.gz, default chunks");
	ok(cmp_stats.bad == 0, "chunks: errors, limits, notes as without");
}

/* One ingester, two operands whose headers differ: each is mapped with
 * its own columns. */
static void
t_ingest_two_headers(void)
{
	struct sb_buf out = SB_BUF_INIT(1u << 20);
	struct sb_ingest_opts io;
	struct sb_ingest_counts c;
	struct sb_profile *p;
	struct sb_ingest *ig;
	struct sb_err e;
	int st = SB_FATAL;

	puts_file("h1.csv", "case,v_given,col3\nA1,Ana,Ivanova\n");
	puts_file("h2.csv", "col3,v_given,case\nPetrova,Eva,B1\n");
	memset(&io, 0, sizeof(io));
	io.out = to_buf;
	io.out_arg = &out;
	sb_buf_adds(&out, "");
	if (sb_profile_parse(&p, fuzz_profile, strlen(fuzz_profile), "fuzz",
	    &e) == SB_OK) {
		io.profile = p;
		if (sb_ingest_new(&ig, &io, &e) == SB_OK) {
			st = sb_ingest_source(ig, path("h1.csv"), &c, &e);
			if (st == SB_OK)
				st = sb_ingest_source(ig, path("h2.csv"), &c,
				    &e);
			sb_ingest_free(ig);
		}
		sb_profile_free(p);
	}
	ok(st == SB_OK && strstr(out.data, "\"local_id\":\"A1\"") != NULL &&
	    strstr(out.data, "\"local_id\":\"B1\"") != NULL &&
	    strstr(out.data, "\"family\":\"Petrova\"") != NULL,
	    "two operands, two headers: each mapped by its own");
	sb_buf_release(&out);
}

/* Headers are numbered across readers, so that a mapper serving one
 * file after another rebinds its columns; CSV records say their
 * delimiter. */
static void
t_header_gen(void)
{
	struct sb_reader_opts o = opts();
	struct sb_reader *a, *b;
	struct sb_rawrej rej;
	struct sb_rec ra, rb;
	struct sb_err e;

	if (sb_reader_open(&a, path("semi.csv"), &o, &e) != SB_OK ||
	    sb_reader_open(&b, path("semi.csv"), &o, &e) != SB_OK) {
		ok(0, "header numbers");
		return;
	}
	ok(sb_reader_next(a, &ra, &rej, &e) == SB_OK &&
	    sb_reader_next(b, &rb, &rej, &e) == SB_OK &&
	    ra.header_gen != rb.header_gen && ra.delimiter == ';' &&
	    rb.delimiter == ';', "two readers, two header numbers; the "
	    "delimiter in the record");
	sb_reader_free(a);
	sb_reader_free(b);
}

int
main(void)
{
	const char *t = getenv("TMPDIR");

	snprintf(tmp, sizeof(tmp), "%s/t_reader.XXXXXX",
	    t != NULL && *t != '\0' ? t : "/tmp");
	if (mkdtemp(tmp) == NULL)
		die("mkdtemp");
	t_csv_basic();
	t_csv_rows();
	t_csv_limits();
	t_encoding();
	t_json();
	t_archives();
	t_boundaries();
	t_stdin();
	t_errors();
	t_two_readers();
	t_threads();
	t_header_gen();
	t_ingest_two_headers();
	t_chunks_errors();
	t_chunks_fuzz();
	t_chunks_ingest();
	printf("1..%d\n", ntests);
	if (nfailed == 0)
		sh("rm -rf '%s'", tmp);
	else
		printf("# fixtures kept in %s\n", tmp);
	return nfailed != 0;
}
