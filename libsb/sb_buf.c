#include "sb_buf.h"

#include <stdlib.h>
#include <string.h>

void
sb_buf_init(struct sb_buf *b, size_t limit)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	b->limit = limit;
}

void
sb_buf_release(struct sb_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

int
sb_buf_grow_slow(struct sb_buf *b, size_t n)
{
	size_t need, cap;
	char *p;

	if (n > b->limit || b->len > b->limit - n)
		return -1;
	need = b->len + n + 1;
	if (need <= b->cap)
		return 0;
	cap = b->cap < 256 ? 256 : b->cap;
	while (cap < need)
		cap *= 2;
	/* Never more than the limit allows: sb_buf_add's inline path relies
	 * on cap to keep len within the limit. */
	if (cap > b->limit + 1)
		cap = b->limit + 1;
	p = realloc(b->data, cap);
	if (p == NULL)
		return -1;
	b->data = p;
	b->cap = cap;
	return 0;
}

int
sb_buf_add_slow(struct sb_buf *b, const void *p, size_t n)
{
	if (sb_buf_grow(b, n) != 0)
		return -1;
	if (n > 0)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int
sb_buf_addc(struct sb_buf *b, char c)
{
	return sb_buf_add(b, &c, 1);
}

int
sb_buf_adds(struct sb_buf *b, const char *s)
{
	return sb_buf_add(b, s, strlen(s));
}
