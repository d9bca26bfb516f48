/* sb_clk: Bloom-filter encodings and their Dice similarity. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "sb_clk.h"
#include "sb_rng.h"
#include "tap.h"

static double
dice(const struct sb_key *k1, const struct sb_key *k2, const char *a,
    const char *b)
{
	uint64_t x[16], y[16];

	if (sb_clk_encode(k1, "name", &sb_clk_default, a, strlen(a), x) != 0 ||
	    sb_clk_encode(k2, "name", &sb_clk_default, b, strlen(b), y) != 0)
		return -1;
	return sb_clk_dice(x, y, 16);
}

int
main(void)
{
	char dir[] = "/tmp/sb-clk.XXXXXX", p1[64], p2[64];
	struct sb_key k1, k2;
	struct sb_err e = {0};
	uint64_t x[16], y[16];
	struct sb_clk_params bad = {1000, 20, 2};

	if (mkdtemp(dir) == NULL)
		return 2;
	snprintf(p1, sizeof p1, "%s/k1", dir);
	snprintf(p2, sizeof p2, "%s/k2", dir);
	if (sb_key_generate(p1, &e) || sb_key_generate(p2, &e) ||
	    sb_key_load(&k1, p1, &e) || sb_key_load(&k2, p2, &e))
		return 2;
	ok(dice(&k1, &k1, "ivan petrov", "ivan petrov") == 1.0,
	    "same text: Dice 1");
	double d = dice(&k1, &k1, "ivan petrov", "ivan petrof");
	ok(d > 0.8, "one letter changed: Dice %.3f > 0.8", d);
	d = dice(&k1, &k1, "ivan petrov", "maria ivanova");
	ok(d < 0.6, "another name: Dice %.3f < 0.6", d);
	d = dice(&k1, &k2, "ivan petrov", "ivan petrov");
	ok(d < 0.5, "the same name under two keys: Dice %.3f < 0.5", d);
	ok(sb_clk_encode(&k1, "name", &sb_clk_default, "Иван", strlen("Иван"),
	    x) == 0, "UTF-8 text: q-grams of code points");
	ok(sb_clk_encode(&k1, "name", &sb_clk_default, "\xff", 1, x) == -1,
	    "invalid UTF-8 refused");
	ok(sb_clk_encode(&k1, "name", &bad, "a", 1, x) == -1,
	    "m not a multiple of 64 refused");
	sb_clk_encode(&k1, "name", &sb_clk_default, "ana", 3, x);
	sb_clk_encode(&k1, "dob", &sb_clk_default, "ana", 3, y);
	ok(sb_clk_dice(x, y, 16) < 0.5, "fields have their own subkeys");
	memset(x, 0, sizeof x);
	memset(y, 0, sizeof y);
	ok(sb_clk_dice(x, y, 16) == 0.0, "two empty filters: 0");
	{
		/* sb_clk_b64_decode agrees with libsodium's decoder on every
		 * encoding of 0 to 300 random bytes, and on each of them with
		 * one character changed (to a digit, '=', a space or a NUL),
		 * cut short or lengthened: the same bytes, the same refusals. */
		static const char swap[] = "A/+z9= \n";
		unsigned char bin[300], a[320], b[320];
		char enc[420], alt[420];
		int differ = 0, refused = 0, encdiff = 0;
		struct sb_rng rng;

		sb_rng_seed(&rng, "b64");
		for (size_t len = 0; len <= 300; len++) {
			size_t n;

			for (size_t i = 0; i < len; i++)
				bin[i] = (unsigned char)sb_rng_below(&rng, 256);
			sodium_bin2base64(enc, sizeof enc, bin, len,
			    sodium_base64_VARIANT_ORIGINAL);
			n = strlen(enc);
			if (sb_clk_b64_encode(bin, len, alt, sizeof alt) !=
			    (long)n || strcmp(alt, enc) != 0)
				encdiff++;
			for (int t = -2; t < 12; t++) {
				size_t m = n, ln;
				long got;
				int want;

				memcpy(alt, enc, n + 1);
				if (t == -1 && n > 0)
					alt[--m] = '\0'; /* cut short */
				else if (t == 0)
					strcpy(alt + m, "QQ=="), m += 4;
				else if (t > 0 && n > 0)
					alt[sb_rng_below(&rng, (uint32_t)n)] =
					    swap[sb_rng_below(&rng, sizeof swap)];
				m = t > 0 ? n : m;
				got = sb_clk_b64_decode(alt, m, a, sizeof a);
				want = sodium_base642bin(b, sizeof b, alt, m,
				    NULL, &ln, NULL,
				    sodium_base64_VARIANT_ORIGINAL);
				if (want != 0)
					refused++;
				if ((want != 0) != (got < 0) || (want == 0 &&
				    ((size_t)got != ln || memcmp(a, b, ln) != 0)))
					differ++;
			}
		}
		ok(differ == 0 && refused > 1000, "base64 as libsodium decodes "
		    "it: %d of 4,214 differ (%d refused)", differ, refused);
		ok(sb_clk_b64_decode("QUJD", 4, a, 2) == -1,
		    "more bytes than room: refused");
		ok(encdiff == 0, "base64 as libsodium encodes it, 0 to 300 "
		    "bytes: %d differ", encdiff);
		ok(sb_clk_b64_encode(bin, 3, alt, 4) == -1,
		    "encoding: no room for the NUL, refused");
	}
	unlink(p1);
	unlink(p2);
	rmdir(dir);
	return tap_done();
}
