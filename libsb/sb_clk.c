#include "sb_clk.h"

#include <pthread.h>
#include <stdbool.h>
#include <string.h>

#include <sodium.h>

#include "sb_json.h"

const struct sb_clk_params sb_clk_default = {1024, 20, 2};

/* Byte length of the UTF-8 sequence starting with c (text is checked). */
static size_t
cp_len(unsigned char c)
{
	return c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

static void
set_bits(const unsigned char sub[SB_KEY_BYTES], const struct sb_clk_params *p,
    const char *gram, size_t len, uint64_t *words)
{
	unsigned char h[16];
	uint64_t h1, h2;

	/* SipHash-2-4 with 128-bit output: a keyed PRF, five times faster
	 * than BLAKE2b on two-byte inputs, and the key stays secret. */
	crypto_shorthash_siphashx24(h, (const unsigned char *)gram, len, sub);
	memcpy(&h1, h, 8);
	memcpy(&h2, h + 8, 8);
	h2 |= 1; /* odd, so the k positions differ for every m */
	if ((p->bits & (p->bits - 1)) == 0) {
		uint64_t mask = p->bits - 1;

		for (unsigned i = 0; i < p->k; i++) {
			uint64_t bit = (h1 + (uint64_t)i * h2) & mask;
			words[bit / 64] |= (uint64_t)1 << (bit % 64);
		}
		return;
	}
	for (unsigned i = 0; i < p->k; i++) {
		uint64_t bit = (h1 + (uint64_t)i * h2) % p->bits;
		words[bit / 64] |= (uint64_t)1 << (bit % 64);
	}
}

int
sb_clk_encode(const struct sb_key *key, const char *field,
    const struct sb_clk_params *p, const char *text, size_t n,
    uint64_t *words)
{
	unsigned char sub[SB_KEY_BYTES];
	int r;

	sb_key_subkey(key, field, sub);
	r = sb_clk_encode_sub(sub, p, text, n, words);
	sodium_memzero(sub, sizeof sub);
	return r;
}

int
sb_clk_encode_sub(const unsigned char sub[SB_KEY_BYTES],
    const struct sb_clk_params *p, const char *text, size_t n,
    uint64_t *words)
{
	char padded[1024];
	size_t off[512], np = 0, len;

	if (p->bits == 0 || p->bits % 64 != 0 || p->bits > SB_CLK_MAX_BITS ||
	    p->k == 0 || p->q == 0 || p->q > 8 || n + 2 * p->q > sizeof padded ||
	    !sb_utf8_valid(text, n))
		return -1;
	memset(words, 0, p->bits / 8);
	/* "_ivan petrov_": q-grams at the edges count once each. */
	memset(padded, '_', p->q - 1);
	memcpy(padded + p->q - 1, text, n);
	memset(padded + p->q - 1 + n, '_', p->q - 1);
	len = n + 2 * (p->q - 1);
	for (size_t i = 0; i < len && np < sizeof off / sizeof off[0] - 1;
	    i += cp_len((unsigned char)padded[i]))
		off[np++] = i;
	off[np] = len;
	for (size_t i = 0; i + p->q <= np; i++)
		set_bits(sub, p, padded + off[i], off[i + p->q] - off[i],
		    words);
	return 0;
}

double
sb_clk_dice(const uint64_t *a, const uint64_t *b, size_t nwords)
{
	uint64_t both = 0, ca = 0, cb = 0;

	for (size_t i = 0; i < nwords; i++) {
		both += (uint64_t)__builtin_popcountll(a[i] & b[i]);
		ca += (uint64_t)__builtin_popcountll(a[i]);
		cb += (uint64_t)__builtin_popcountll(b[i]);
	}
	return ca + cb == 0 ? 0.0 : 2.0 * (double)both / (double)(ca + cb);
}

/* RFC 4648 base64 by table, both ways: libsodium's sodium_bin2base64 and
 * sodium_base642bin are constant-time, which an encoding written out in
 * clear does not need, and they were a fifth of sb-anonymise's time and
 * a tenth of sb-link's reading. */
static const char b64_digits[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
/* The two characters of every 12 bits (a CLK is written twice a name),
 * and each character's value, 255 for anything else ('=' too). */
static char b64_pairs[4096][2];
static unsigned char b64_val[256];
static pthread_once_t b64_once = PTHREAD_ONCE_INIT;

static void
b64_fill(void)
{
	for (int v = 0; v < 4096; v++) {
		b64_pairs[v][0] = b64_digits[v >> 6];
		b64_pairs[v][1] = b64_digits[v & 63];
	}
	memset(b64_val, 255, sizeof(b64_val));
	for (int i = 0; i < 64; i++)
		b64_val[(unsigned char)b64_digits[i]] = (unsigned char)i;
}

long
sb_clk_b64_encode(const unsigned char *in, size_t n, char *out, size_t cap)
{
	size_t i, o = 0;

	if (cap < (n + 2) / 3 * 4 + 1)
		return -1;
	(void)pthread_once(&b64_once, b64_fill);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* Six bytes at a time from one load (eight readable): four pairs of
	 * digits, half the work a CLK's 128 bytes took three at a time. */
	for (i = 0; i + 8 <= n; i += 6) {
		uint64_t v;

		memcpy(&v, in + i, 8);
		v = __builtin_bswap64(v);
		memcpy(out + o, b64_pairs[v >> 52], 2);
		memcpy(out + o + 2, b64_pairs[v >> 40 & 4095], 2);
		memcpy(out + o + 4, b64_pairs[v >> 28 & 4095], 2);
		memcpy(out + o + 6, b64_pairs[v >> 16 & 4095], 2);
		o += 8;
	}
#else
	i = 0;
#endif
	for (; i + 3 <= n; i += 3) {
		uint32_t v = (uint32_t)in[i] << 16 | in[i + 1] << 8 | in[i + 2];

		memcpy(out + o, b64_pairs[v >> 12], 2);
		memcpy(out + o + 2, b64_pairs[v & 4095], 2);
		o += 4;
	}
	if (i < n) {
		uint32_t v = (uint32_t)in[i] << 16 |
		    (i + 1 < n ? in[i + 1] << 8 : 0);

		out[o++] = b64_digits[v >> 18];
		out[o++] = b64_digits[(v >> 12) & 63];
		out[o++] = i + 1 < n ? b64_digits[(v >> 6) & 63] : '=';
		out[o++] = '=';
	}
	out[o] = '\0';
	return (long)o;
}

long
sb_clk_b64_decode(const char *s, size_t n, unsigned char *out, size_t cap)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t pad, o = 0, need;
	uint32_t v;

	(void)pthread_once(&b64_once, b64_fill);
	if (n % 4 != 0)
		return -1;
	pad = n == 0 ? 0 : (u[n - 1] == '=') + (u[n - 2] == '=');
	need = n / 4 * 3 - pad;
	if (need > cap)
		return -1;
	for (size_t i = 0; i < n; i += 4) {
		unsigned char a = b64_val[u[i]], b = b64_val[u[i + 1]];
		unsigned char c = b64_val[u[i + 2]], d = b64_val[u[i + 3]];
		bool last = i + 4 == n;

		if (last && pad > 0) {
			/* "xx==" or "xxx=": the padding, and no stray bits. */
			if ((a | b) > 63 || (pad == 1 && c > 63) ||
			    (pad == 2 && (u[i + 2] != '=' || (b & 15) != 0)) ||
			    (pad == 1 && (c & 3) != 0))
				return -1;
			v = (uint32_t)a << 18 | (uint32_t)b << 12 |
			    (pad == 1 ? (uint32_t)c << 6 : 0);
			out[o++] = (unsigned char)(v >> 16);
			if (pad == 1)
				out[o++] = (unsigned char)(v >> 8);
			break;
		}
		if ((a | b | c | d) > 63)
			return -1;
		v = (uint32_t)a << 18 | (uint32_t)b << 12 | (uint32_t)c << 6 | d;
		out[o++] = (unsigned char)(v >> 16);
		out[o++] = (unsigned char)(v >> 8);
		out[o++] = (unsigned char)v;
	}
	return (long)o;
}
