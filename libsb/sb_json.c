#include "sb_json.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <cjson/cJSON.h>
#include <sodium.h>

static inline bool
plain(unsigned char c)
{
	return c >= 0x20 && c != '"' && c != '\\';
}

bool
sb_utf8_valid(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < n) {
		uint64_t w;

#ifdef __SSE2__
		/* Skip ASCII sixteen bytes at a time (no high bit, no NUL). */
		while (i + 16 <= n) {
			__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
			if (_mm_movemask_epi8(v) != 0)
				break;
			if (_mm_movemask_epi8(_mm_cmpeq_epi8(v,
			    _mm_setzero_si128())) != 0)
				return false;
			i += 16;
		}
#endif
		/* Skip ASCII eight bytes at a time. */
		while (i + 8 <= n) {
			memcpy(&w, s + i, 8);
			if (w & 0x8080808080808080ULL)
				break;
			/* A NUL byte in the word: (w - 0x01..) & ~w & 0x80.. */
			if ((w - 0x0101010101010101ULL) & ~w &
			    0x8080808080808080ULL)
				return false;
			i += 8;
		}
		if (i >= n)
			break;
		unsigned char c = s[i];
		if (c < 0x80) {
			if (c == 0)
				return false;
			i++;
			continue;
		}
		/* Two bytes (Latin, Cyrillic, Greek): all of a Bulgarian or
		 * Greek text but its spaces. */
		if (c >= 0xc2 && c <= 0xdf && i + 1 < n &&
		    (s[i + 1] & 0xc0) == 0x80) {
			i += 2;
			continue;
		}
		size_t len;
		unsigned cp, min;
		if (c >= 0xc2 && c <= 0xdf) {
			len = 2; cp = c & 0x1f; min = 0x80;
		} else if (c >= 0xe0 && c <= 0xef) {
			len = 3; cp = c & 0x0f; min = 0x800;
		} else if (c >= 0xf0 && c <= 0xf4) {
			len = 4; cp = c & 0x07; min = 0x10000;
		} else {
			return false;
		}
		if (n - i < len)
			return false;
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return false;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return false;
		i += len;
	}
	return true;
}

/* The end of the run of bytes from s[i] (of s[0..n)) that need no
 * escaping. */
static inline size_t
plain_end(const unsigned char *s, size_t i, size_t n)
{
#ifdef __SSE2__
	/* Sixteen bytes at a time while none needs escaping. */
	while (i + 16 <= n) {
		__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
		__m128i bad = _mm_or_si128(_mm_or_si128(
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
		    /* unsigned c < 0x20: min(c, 0x1f) == c */
		    _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1f)), v));
		if (_mm_movemask_epi8(bad) != 0)
			break;
		i += 16;
	}
#endif
	/* Eight bytes at a time while none needs escaping: no byte below
	 * 0x20, no '"' (0x22), no '\\' (0x5c). */
	while (i + 8 <= n) {
		uint64_t w, lo, q, bs;
		memcpy(&w, s + i, 8);
		lo = (w - 0x2020202020202020ULL) & ~w;
		q = w ^ 0x2222222222222222ULL;
		q = (q - 0x0101010101010101ULL) & ~q;
		bs = w ^ 0x5c5c5c5c5c5c5c5cULL;
		bs = (bs - 0x0101010101010101ULL) & ~bs;
		if ((lo | q | bs) & 0x8080808080808080ULL)
			break;
		i += 8;
	}
	while (i < n && plain(s[i]))
		i++;
	return i;
}

int
sb_json_quote(struct sb_buf *b, const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, run;
	char *o;

	/* Worst case is 6 bytes per input byte; grow once per run instead. */
	if (sb_buf_grow(b, n + 2) != 0)
		return -1;
	if ((run = plain_end(s, 0, n)) == n) {
		/* Most strings (350,000 for 5,000 records): nothing to
		 * escape, one copy between the quotes. */
		o = b->data + b->len;
		o[0] = '"';
		memcpy(o + 1, s, n);
		o[n + 1] = '"';
		o[n + 2] = '\0';
		b->len += n + 2;
		return 0;
	}
	b->data[b->len++] = '"';
	while (i < n) {
		if (i > 0)
			run = plain_end(s, i, n);
		if (run > i) {
			if (sb_buf_add(b, s + i, run - i) != 0)
				return -1;
			i = run;
			continue;
		}
		static const char hex[] = "0123456789abcdef";
		char esc[6] = {'\\', 'u', '0', '0', hex[s[i] >> 4],
		    hex[s[i] & 15]};
		size_t k = 6;
		switch (s[i]) {
		case '"': esc[1] = '"'; k = 2; break;
		case '\\': esc[1] = '\\'; k = 2; break;
		case '\n': esc[1] = 'n'; k = 2; break;
		case '\r': esc[1] = 'r'; k = 2; break;
		case '\t': esc[1] = 't'; k = 2; break;
		default: break;
		}
		if (sb_buf_add(b, esc, k) != 0)
			return -1;
		i++;
	}
	return sb_buf_addc(b, '"');
}

void
sb_jw_init(struct sb_jw *w, struct sb_buf *b)
{
	w->b = b;
	w->depth = 0;
	w->failed = false;
	w->after_key = false;
	w->first[0] = true;
}

static void
put(struct sb_jw *w, const char *s, size_t n)
{
	if (sb_buf_add(w->b, s, n) != 0)
		w->failed = true;
}

/* Before a value: a comma unless it is the first in its container or it
 * follows a key (which placed the comma already). */
static void
sep(struct sb_jw *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (w->first[w->depth])
		w->first[w->depth] = false;
	else
		put(w, ",", 1);
}

static void
open_(struct sb_jw *w, const char *c)
{
	sep(w);
	if (w->depth + 1 >= SB_JW_MAXDEPTH) {
		w->failed = true;
		return;
	}
	put(w, c, 1);
	w->first[++w->depth] = true;
}

static void
close_(struct sb_jw *w, const char *c)
{
	if (w->depth > 0)
		w->depth--;
	put(w, c, 1);
}

void sb_jw_obj(struct sb_jw *w) { open_(w, "{"); }
void sb_jw_arr(struct sb_jw *w) { open_(w, "["); }
void sb_jw_end_obj(struct sb_jw *w) { close_(w, "}"); }
void sb_jw_end_arr(struct sb_jw *w) { close_(w, "]"); }

void
sb_jw_keyn(struct sb_jw *w, const char *key, size_t n)
{
	sep(w);
	if (sb_buf_grow(w->b, n + 3) != 0) {
		w->failed = true;
		return;
	}
	char *o = w->b->data + w->b->len;
	o[0] = '"';
	memcpy(o + 1, key, n);
	o[n + 1] = '"';
	o[n + 2] = ':';
	w->b->len += n + 3;
	w->b->data[w->b->len] = '\0';
	w->after_key = true;
}

void
sb_jw_str(struct sb_jw *w, const char *s, size_t n)
{
	sep(w);
	if (sb_json_quote(w->b, s, n) != 0)
		w->failed = true;
}

void
sb_jw_cstr(struct sb_jw *w, const char *s)
{
	sb_jw_str(w, s, strlen(s));
}

void
sb_jw_int(struct sb_jw *w, long long v)
{
	char num[24], *p = num + sizeof num;
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v :
	    (unsigned long long)v;

	/* By hand: snprintf showed up in profiles at two calls a record. */
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (v < 0)
		*--p = '-';
	sep(w);
	put(w, p, (size_t)(num + sizeof num - p));
}

int
sb_fmt_fixed(char *out, double x, int decimals)
{
	static const double pow10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
	    1e8, 1e9};
	char num[32], *p = num + sizeof num;
	double a = fabs(x), scaled, whole, frac;
	unsigned long long u;
	size_t n;

	/* snprintf rounds the exact binary value.  Below 2^31 the scaled
	 * value is within 2^-22 of the exact product, so the integer path
	 * rounds the same way unless it is that near a half, and then
	 * snprintf decides; it also takes large, infinite and NaN values. */
	if (decimals < 0 || decimals > 9 || !(a < 2147483648.0 /
	    pow10[decimals]))
		return snprintf(out, 32, "%.*f", decimals, x);
	scaled = a * pow10[decimals];
	whole = floor(scaled);
	frac = scaled - whole;
	if (fabs(frac - 0.5) < 1e-6)
		return snprintf(out, 32, "%.*f", decimals, x);
	u = (unsigned long long)whole + (frac > 0.5);
	for (int i = 0; i < decimals; i++) {
		*--p = (char)('0' + u % 10);
		u /= 10;
	}
	if (decimals > 0)
		*--p = '.';
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (signbit(x))
		*--p = '-';
	n = (size_t)(num + sizeof num - p);
	memcpy(out, p, n);
	out[n] = '\0';
	return (int)n;
}

void
sb_jw_fixed(struct sb_jw *w, double x, int decimals)
{
	char num[32];
	int n = sb_fmt_fixed(num, x, decimals);

	sep(w);
	put(w, num, (size_t)n);
}

void
sb_jw_bool(struct sb_jw *w, bool v)
{
	sep(w);
	put(w, v ? "true" : "false", v ? 4 : 5);
}

void
sb_jw_plain(struct sb_jw *w, const char *s, size_t n)
{
	sep(w);
	put(w, "\"", 1);
	put(w, s, n);
	put(w, "\"", 1);
}

void
sb_jw_raw(struct sb_jw *w, const char *s, size_t n)
{
	sep(w);
	put(w, s, n);
}

void
sb_jw_name(struct sb_jw *w, const char *s)
{
	size_t n = strlen(s);
	char *copy;

	if (sb_utf8_valid(s, n)) {
		sb_jw_str(w, s, n);
		return;
	}
	if ((copy = strdup(s)) == NULL) {
		w->failed = true;
		return;
	}
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)copy[i] >= 0x80)
			copy[i] = '?';
	sb_jw_str(w, copy, n);
	free(copy);
}

/* The raw bytes of a rejected record: a JSON string when they are UTF-8,
 * else base64 (libsodium), so that nothing is lost or altered. */
void
sb_jw_raw_member(struct sb_jw *w, const char *raw, size_t n)
{
	size_t need;
	char *b64;

	if (sb_utf8_valid(raw, n)) {
		sb_jw_key(w, "raw");
		sb_jw_str(w, raw, n);
		return;
	}
	need = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL);
	if ((b64 = malloc(need)) == NULL) {
		w->failed = true;
		return;
	}
	sodium_bin2base64(b64, need, (const unsigned char *)raw, n,
	    sodium_base64_VARIANT_ORIGINAL);
	sb_jw_key(w, "raw_base64");
	sb_jw_cstr(w, b64);
	free(b64);
}

void
sb_reject_ndjson(struct sb_buf *out, const char *source, size_t record,
    size_t line, const char *reason, bool truncated, const char *raw,
    size_t n)
{
	struct sb_jw w;

	sb_jw_init(&w, out);
	sb_jw_obj(&w);
	sb_jw_key(&w, "sb");
	sb_jw_cstr(&w, "reject/1");
	sb_jw_key(&w, "source");
	sb_jw_name(&w, source);
	sb_jw_key(&w, "record");
	sb_jw_int(&w, (long long)record);
	sb_jw_key(&w, "line");
	sb_jw_int(&w, (long long)line);
	sb_jw_key(&w, "format");
	sb_jw_cstr(&w, "ndjson");
	sb_jw_key(&w, "reason");
	sb_jw_cstr(&w, reason);
	if (truncated) {
		sb_jw_key(&w, "truncated");
		sb_jw_bool(&w, true);
	}
	sb_jw_raw_member(&w, raw, n);
	sb_jw_end_obj(&w);
	sb_buf_addc(out, '\n');
}

int
sb_ndjson_line(FILE *in, char **buf, size_t *cap, size_t *n)
{
	ssize_t r;

	errno = 0;
	if ((r = getline(buf, cap, in)) < 0)
		return ferror(in) ? -1 : 0;
	*n = (size_t)r;
	if (*n > 0 && (*buf)[*n - 1] == '\n')
		(*n)--;
	if (*n > 0 && (*buf)[*n - 1] == '\r')
		(*n)--;
	return 1;
}

bool
sb_ndjson_blank(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r')
			return false;
	return true;
}

/* ------------------------------------------------------------- arena */

#define ARENA_BLOCK ((size_t)256 << 10)

struct sb_json_arena_block {
	struct sb_json_arena_block *next;
	size_t size, used;
	_Alignas(16) unsigned char data[];
};

static _Thread_local struct sb_json_arena *cur_arena;
static pthread_once_t hooks_once = PTHREAD_ONCE_INIT;
static pthread_once_t tls_once = PTHREAD_ONCE_INIT;
static pthread_key_t tls_key;
static bool tls_key_ok;

static bool
in_arena(const struct sb_json_arena *a, const void *p)
{
	const struct sb_json_arena_block *b;

	for (b = a->head; b != NULL; b = b->next)
		if ((const unsigned char *)p >= b->data &&
		    (const unsigned char *)p < b->data + b->size)
			return true;
	return false;
}

/* A new block for need bytes, at the head of a. */
static __attribute__((noinline)) void *
arena_grow(struct sb_json_arena *a, size_t need)
{
	size_t size = need > ARENA_BLOCK ? need : ARENA_BLOCK;
	struct sb_json_arena_block *b = malloc(sizeof(*b) + size);

	if (b == NULL)
		return NULL;
	b->size = size;
	b->used = need;
	b->next = a->head;
	a->head = b;
	return b->data;
}

/* cJSON's allocator, once per value and key (1.2 M calls for 5,000
 * records): a leaf without a frame, the new block apart. */
static void *
arena_malloc(size_t n)
{
	struct sb_json_arena *a = cur_arena;
	struct sb_json_arena_block *b;
	size_t need = (n + 15) & ~(size_t)15;

	if (a == NULL)
		return malloc(n);
	b = a->head;
	if (b == NULL || b->size - b->used < need)
		return arena_grow(a, need);
	b->used += need;
	return b->data + b->used - need;
}

static void
arena_free(void *p)
{
	if (p != NULL && (cur_arena == NULL || !in_arena(cur_arena, p)))
		free(p);
}

static void
install_hooks(void)
{
	cJSON_Hooks h = {arena_malloc, arena_free};

	cJSON_InitHooks(&h);
}

void
sb_json_arena_init(void)
{
	(void)pthread_once(&hooks_once, install_hooks);
}

void
sb_json_arena_enter(struct sb_json_arena *a)
{
	sb_json_arena_init();
	cur_arena = a;
}

/* Forget everything allocated; keep the newest block (a block bigger
 * than ARENA_BLOCK, made for one large value, is not kept). */
void
sb_json_arena_leave(struct sb_json_arena *a)
{
	struct sb_json_arena_block *b, *next, *keep = NULL;

	if (cur_arena == a)
		cur_arena = NULL;
	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		if (keep == NULL && b->size == ARENA_BLOCK)
			keep = b;
		else
			free(b);
	}
	if (keep != NULL) {
		keep->next = NULL;
		keep->used = 0;
	}
	a->head = keep;
}

void
sb_json_arena_release(struct sb_json_arena *a)
{
	sb_json_arena_leave(a);
	free(a->head);
	a->head = NULL;
}

static void
tls_free(void *p)
{
	sb_json_arena_release(p);
	free(p);
}

static void
tls_init(void)
{
	tls_key_ok = pthread_key_create(&tls_key, tls_free) == 0;
}

static struct sb_json_arena *
thread_arena(void)
{
	struct sb_json_arena *a;

	(void)pthread_once(&tls_once, tls_init);
	if (!tls_key_ok)
		return NULL;
	if ((a = pthread_getspecific(tls_key)) != NULL)
		return a;
	if ((a = calloc(1, sizeof(*a))) == NULL)
		return NULL;
	if (pthread_setspecific(tls_key, a) != 0) {
		free(a);
		return NULL;
	}
	return a;
}

void
sb_json_arena_thread_release(void)
{
	struct sb_json_arena *a;

	(void)pthread_once(&tls_once, tls_init);
	if (!tls_key_ok || (a = pthread_getspecific(tls_key)) == NULL)
		return;
	(void)pthread_setspecific(tls_key, NULL);
	tls_free(a);
}

struct sb_json_arena *
sb_json_scope_begin(void)
{
	struct sb_json_arena *a = thread_arena();

	if (a != NULL)
		sb_json_arena_enter(a);
	return a;
}

void
sb_json_scope_end(struct sb_json_arena *a, struct cJSON *tree)
{
	if (a != NULL)
		sb_json_arena_leave(a);
	else
		cJSON_Delete(tree);
}
