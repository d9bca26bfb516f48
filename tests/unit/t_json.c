/* sb_json: UTF-8 validation and the streaming writer. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <unicode/ustring.h>

#include "sb_json.h"
#include "sb_rng.h"
#include "tap.h"

/* Is s[0..n) UTF-8 by ICU's strict conversion (NUL aside)? */
static bool
icu_utf8(const char *s, size_t n)
{
	UChar u[8];
	int32_t len;
	UErrorCode e = U_ZERO_ERROR;

	u_strFromUTF8(u, 8, &len, s, (int32_t)n, &e);
	return U_SUCCESS(e);
}

/* sb_json_quote of random strings (quotes, backslashes, control
 * characters, letters, two-byte letters; 0 to 80 bytes) reads back
 * through cJSON as the same bytes. */
static void
check_quote_random(void)
{
	static const char *const pieces[] = {"a", "Z", " ", "\"", "\\", "\n",
	    "\t", "\x01", "\x1f", "/", "\xd0\x98", "\xce\xb1", "0", "~"};
	struct sb_buf b;
	char s[200];
	uint32_t x = 123456789u;
	int bad = 0;

	sb_buf_init(&b, 1 << 20);
	for (int i = 0; i < 20000; i++) {
		size_t n = 0, want = x % 81;
		cJSON *v;

		while (n < want) {
			const char *p;

			x ^= x << 13;
			x ^= x >> 17;
			x ^= x << 5;
			/* Mostly plain, so that long clean runs come up. */
			p = pieces[x % 3 != 0 ? x / 3 % 2 : x / 3 % 14];
			memcpy(s + n, p, strlen(p));
			n += strlen(p);
		}
		x ^= x << 13;
		sb_buf_reset(&b);
		if (sb_json_quote(&b, s, n) != 0 || (v = cJSON_ParseWithLength(
		    b.data, b.len)) == NULL) {
			bad++;
			continue;
		}
		if (!cJSON_IsString(v) || strlen(v->valuestring) != n ||
		    memcmp(v->valuestring, s, n) != 0)
			bad++;
		cJSON_Delete(v);
	}
	sb_buf_release(&b);
	ok(bad == 0, "20,000 random strings quoted read back the same "
	    "(%d differ)", bad);
}

int
main(void)
{
	struct sb_buf b = SB_BUF_INIT(1 << 20);
	struct sb_buf small = SB_BUF_INIT(8);
	struct sb_jw w;

	ok(sb_utf8_valid("plain ascii text, long enough for words", 39),
	    "ASCII is UTF-8");
	ok(sb_utf8_valid("Иван Петров Γεώργιος Łódź", strlen("Иван Петров "
	    "Γεώργιος Łódź")), "Cyrillic, Greek, Polish");
	ok(!sb_utf8_valid("abc\xff", 4), "0xff refused");
	ok(!sb_utf8_valid("\xc0\xaf", 2), "overlong refused");
	ok(!sb_utf8_valid("\xed\xa0\x80", 3), "surrogate refused");
	ok(!sb_utf8_valid("\xe2\x82", 2), "truncated sequence refused");
	ok(!sb_utf8_valid("abcdefgh\0ijklmnop", 17), "NUL in fast path refused");
	ok(!sb_utf8_valid("ab\0", 3), "NUL in slow path refused");
	ok(sb_utf8_valid("\xf0\x9f\x98\x80", 4), "4-byte sequence");
	ok(!sb_utf8_valid("\xf4\x90\x80\x80", 4), "above U+10FFFF refused");
	{
		/* Every pair of bytes but NUL, alone and after "ab", as
		 * ICU reads it. */
		int differ = 0;

		for (int x = 1; x < 256; x++)
			for (int y = 1; y < 256; y++) {
				char t[4] = {'a', 'b', (char)x, (char)y};

				if (sb_utf8_valid(t + 2, 2) != icu_utf8(t + 2, 2) ||
				    sb_utf8_valid(t, 4) != icu_utf8(t, 4) ||
				    sb_utf8_valid(t, 3) != icu_utf8(t, 3))
					differ++;
			}
		ok(differ == 0, "every pair of bytes as ICU reads it (%d "
		    "differ)", differ);
	}

	sb_jw_init(&w, &b);
	sb_jw_obj(&w);
	sb_jw_key(&w, "a");
	sb_jw_cstr(&w, "q\"b\\n\n\t\x01");
	sb_jw_key(&w, "l");
	sb_jw_arr(&w);
	sb_jw_int(&w, -3);
	sb_jw_obj(&w);
	sb_jw_end_obj(&w);
	sb_jw_cstr(&w, "Иван");
	sb_jw_end_arr(&w);
	sb_jw_end_obj(&w);
	is_str(b.data, "{\"a\":\"q\\\"b\\\\n\\n\\t\\u0001\",\"l\":[-3,{},"
	    "\"Иван\"]}", "writer output and escapes");
	ok(!sb_jw_failed(&w), "no failure");

	sb_jw_init(&w, &small);
	sb_jw_cstr(&w, "longer than eight bytes");
	ok(sb_jw_failed(&w), "limit makes the writer fail");
	sb_buf_release(&b);
	sb_buf_release(&small);
	{
		/* sb_fmt_fixed is snprintf's "%.*f", byte for byte: random
		 * values over many scales, values a hair either side of a
		 * half, exact halves, zeros of both signs, the large and the
		 * not finite. */
		static const double odd[] = {0.0, -0.0, 0.5, 1.5, 2.5, -2.5,
		    0.0005, 1.0005, 2.0005, 0.125, -0.125, 1e-320, 1e9, 3e12,
		    -7.77e15, 2147483647.5, INFINITY, -INFINITY, NAN};
		struct sb_rng rng;
		char got[32], want[32];
		int bad = 0, d;
		double x;

		sb_rng_seed(&rng, "fixed");
		for (int i = 0; i < 400000; i++) {
			d = (int)sb_rng_below(&rng, 10);
			x = ((double)sb_rng_u64(&rng) / 18446744073709551616.0 -
			    0.5) * pow(10, (int)sb_rng_below(&rng, 14) - 4);
			if (i % 4 == 1) /* near a half of the last digit */
				x = (floor(x * pow(10, d)) + 0.5) / pow(10, d) +
				    (double)((int)sb_rng_below(&rng, 5) - 2) *
				    1e-17 * fabs(x);
			sb_fmt_fixed(got, x, d);
			snprintf(want, sizeof want, "%.*f", d, x);
			bad += strcmp(got, want) != 0;
		}
		for (size_t i = 0; i < sizeof(odd) / sizeof(odd[0]); i++)
			for (d = 0; d <= 9; d++) {
				sb_fmt_fixed(got, odd[i], d);
				snprintf(want, sizeof want, "%.*f", d, odd[i]);
				bad += strcmp(got, want) != 0;
			}
		ok(bad == 0, "sb_fmt_fixed is %%.*f on 400,190 values "
		    "(%d differ)", bad);
		sb_buf_init(&b, 1024);
		sb_jw_init(&w, &b);
		sb_jw_arr(&w);
		sb_jw_fixed(&w, 0.1234565, 6);
		sb_jw_fixed(&w, -3.0, 3);
		sb_jw_end_arr(&w);
		is_str(b.data, "[0.123456,-3.000]", "sb_jw_fixed in an array");
		sb_buf_release(&b);
	}
	check_quote_random();
	return tap_done();
}
