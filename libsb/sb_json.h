/*
 * sb_json: fast JSON output and UTF-8 checks.
 *
 * Records are written with a streaming writer rather than built as cJSON
 * trees: the ingester writes hundreds of thousands of records a second, and
 * a tree costs an allocation per member.  cJSON still parses every input
 * and every profile.
 *
 * struct sb_jw writes into a caller-owned sb_buf.  It places the commas
 * itself.  Errors (the buffer's limit) are sticky: check sb_jw_failed()
 * once at the end of a record.
 */
#ifndef SB_JSON_H
#define SB_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

#include "sb_buf.h"

#define SB_JW_MAXDEPTH 32

struct sb_jw {
	struct sb_buf *b;
	int depth;
	bool failed;
	bool after_key;
	bool first[SB_JW_MAXDEPTH];
};

/* True if s[0..n) is well-formed UTF-8 (no overlongs, no surrogates) and
 * holds no NUL byte. */
bool sb_utf8_valid(const char *s, size_t n);

/* Append s as a quoted JSON string; s must be valid UTF-8. */
int sb_json_quote(struct sb_buf *b, const char *s, size_t n);

void sb_jw_init(struct sb_jw *w, struct sb_buf *b);
void sb_jw_obj(struct sb_jw *w);     /* { as a value */
void sb_jw_arr(struct sb_jw *w);     /* [ as a value */
void sb_jw_end_obj(struct sb_jw *w); /* } */
void sb_jw_end_arr(struct sb_jw *w); /* ] */
void sb_jw_keyn(struct sb_jw *w, const char *key, size_t n);
/* "key": (key is ASCII).  Inline, so that a literal's length is known at
 * compile time. */
static inline void
sb_jw_key(struct sb_jw *w, const char *key)
{
	sb_jw_keyn(w, key, __builtin_strlen(key));
}
void sb_jw_str(struct sb_jw *w, const char *s, size_t n);
void sb_jw_cstr(struct sb_jw *w, const char *s);
void sb_jw_int(struct sb_jw *w, long long v);
void sb_jw_bool(struct sb_jw *w, bool v);
/* x as printf's "%.*f" with decimals 0 to 9 would write it, byte for
 * byte, and as fast as an integer where x is not (nearly) halfway
 * between two outputs.  sb_fmt_fixed puts it in out (32 bytes at least)
 * and returns its length. */
void sb_jw_fixed(struct sb_jw *w, double x, int decimals);
int sb_fmt_fixed(char *out, double x, int decimals);
/* A name from outside the data (a file or member name) that need not be
 * UTF-8: bytes of an invalid sequence are written as '?'. */
void sb_jw_name(struct sb_jw *w, const char *s);
/* The member "raw" (bytes that are UTF-8, as a string) or "raw_base64"
 * (anything else): a rejected record's bytes, nothing lost or altered. */
void sb_jw_raw_member(struct sb_jw *w, const char *raw, size_t n);
/* A string value we made of characters that need no escaping (tokens,
 * base64): quoted, not checked; the caller vouches for it. */
void sb_jw_plain(struct sb_jw *w, const char *s, size_t n);
/* A reject/1 record for a rejected NDJSON line, and its newline, into
 * out: source, record and line numbers (from 1), the reason, truncated
 * when the line was cut, and its raw bytes (sb_jw_raw_member). */
void sb_reject_ndjson(struct sb_buf *out, const char *source, size_t record,
    size_t line, const char *reason, bool truncated, const char *raw,
    size_t n);
/* One NDJSON line from in into *buf (getline(3) storage), without its
 * newline or a CR before it: 1, 0 at the end, -1 on a read error (errno
 * set). */
int sb_ndjson_line(FILE *in, char **buf, size_t *cap, size_t *n);
/* Is p[0..n) blank (spaces, tabs, CRs)?  Blank lines are not records. */
bool sb_ndjson_blank(const char *p, size_t n);
/* Append raw JSON text as a value (trusted: made by cJSON or by us). */
void sb_jw_raw(struct sb_jw *w, const char *s, size_t n);
static inline bool sb_jw_failed(const struct sb_jw *w) { return w->failed; }

/*
 * cJSON's allocations in an arena.  cJSON allocates every node and
 * string with malloc and frees them one by one; for a record that lives
 * a few microseconds that was a fifth of sb-anonymise's time and a sixth
 * of sb-link's.  Between sb_json_arena_enter(a) and sb_json_arena_leave,
 * cJSON's allocations on the calling thread come from a (bump
 * allocation) and its frees of them do nothing; leave frees them all at
 * once and keeps one block for next time.  A tree parsed in between
 * needs no cJSON_Delete and must not be used after.  Elsewhere, and on
 * other threads, cJSON uses malloc and free.  cJSON's hooks are set the
 * first time (sb_json_arena_init sets them earlier, before threads).
 *
 * An arena is used by one thread at a time; a zeroed one is empty, and
 * sb_json_arena_release frees its block.
 *
 * For code with no arena of its own, each thread has one: made when
 * first asked for and released when the thread exits, or by
 * sb_json_arena_thread_release (for the main thread, which does not exit
 * before the leak checks run).  sb_json_scope_begin enters it and
 * returns it, or NULL when it cannot be made (cJSON then uses malloc as
 * usual); sb_json_scope_end(a, tree), given what begin returned, leaves
 * it (tree goes with it) or, with no arena, deletes tree.
 */
struct cJSON;
struct sb_json_arena {
	struct sb_json_arena_block *head;
};

void sb_json_arena_init(void);
void sb_json_arena_enter(struct sb_json_arena *a);
void sb_json_arena_leave(struct sb_json_arena *a);
void sb_json_arena_release(struct sb_json_arena *a);
void sb_json_arena_thread_release(void);
struct sb_json_arena *sb_json_scope_begin(void);
void sb_json_scope_end(struct sb_json_arena *a, struct cJSON *tree);

#endif
