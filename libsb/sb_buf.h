/*
 * sb_buf: a growable byte buffer with a mandatory size limit.
 *
 * The buffer owns its storage.  `data` is NULL until the first append and
 * is always NUL-terminated after one (the NUL is not counted in len).
 * An append that would pass `limit` fails, leaves the buffer unchanged and
 * returns -1; so does an allocation failure.
 */
#ifndef SB_BUF_H
#define SB_BUF_H

#include <stddef.h>
#include <string.h>

struct sb_buf {
	char *data;
	size_t len;
	size_t cap;
	size_t limit;
};

#define SB_BUF_INIT(lim) {NULL, 0, 0, (lim)}

void sb_buf_init(struct sb_buf *b, size_t limit);
void sb_buf_release(struct sb_buf *b);
int sb_buf_grow_slow(struct sb_buf *b, size_t n);
/* Make room for n more bytes (and the NUL); returns 0 or -1. */
static inline int
sb_buf_grow(struct sb_buf *b, size_t n)
{
	if (b->data != NULL && n < b->cap - b->len)
		return 0;
	return sb_buf_grow_slow(b, n);
}
int sb_buf_add_slow(struct sb_buf *b, const void *p, size_t n);
int sb_buf_addc(struct sb_buf *b, char c);

/* Inline: appends are the ingester's innermost loop. */
static inline int
sb_buf_add(struct sb_buf *b, const void *p, size_t n)
{
	if (b->data != NULL && n < b->cap - b->len) {
		memcpy(b->data + b->len, p, n);
		b->len += n;
		b->data[b->len] = '\0';
		return 0;
	}
	return sb_buf_add_slow(b, p, n);
}
int sb_buf_adds(struct sb_buf *b, const char *s);
static inline void sb_buf_reset(struct sb_buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

#endif
