/* sb_text: case folding, ASCII by its own path, the rest by ICU, alike. */
#include <stdint.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uclean.h>
#include <unicode/ustring.h>

#include "sb_text.h"
#include "tap.h"

/* ICU's full case folding of s[0..n), the reference. */
static int
icu_fold(const char *s, size_t n, char *out, size_t cap)
{
	UChar in[512], f[512];
	UErrorCode err = U_ZERO_ERROR;
	int32_t len, flen, olen;

	u_strFromUTF8(in, 512, &len, s, (int32_t)n, &err);
	flen = u_strFoldCase(f, 512, in, len, U_FOLD_CASE_DEFAULT, &err);
	u_strToUTF8(out, (int32_t)cap, &olen, f, flen, &err);
	return U_FAILURE(err) || err == U_STRING_NOT_TERMINATED_WARNING ?
	    -1 : olen;
}

int
main(void)
{
	char s[300], a[300], b[300];
	uint32_t x = 88172645u;
	int bad = 0, n, m;

	ok(sb_text_fold("Anna.Petrova@Example.ORG", 24, a, sizeof a) == 24,
	    "an ASCII address folds");
	is_str(a, "anna.petrova@example.org", "to lower case");
	n = sb_text_fold("НЕ ΌΧΙ Straße", strlen("НЕ ΌΧΙ Straße"), a, sizeof a);
	ok(n > 0 && n == icu_fold("НЕ ΌΧΙ Straße", strlen("НЕ ΌΧΙ Straße"), b,
	    sizeof b), "other scripts: as ICU");
	is_str(a, "не όχι strasse", "full folding");
	/* Every ASCII byte, in random strings of up to 256 bytes, as ICU
	 * folds them, and the room asked for the same way. */
	for (int i = 0; i < 20000; i++) {
		size_t len = x % 257, cap = i % 3 == 0 ? len : sizeof a;

		for (size_t k = 0; k < len; k++) {
			x ^= x << 13;
			x ^= x >> 17;
			x ^= x << 5;
			s[k] = (char)(x % 128);
		}
		x ^= x << 13;
		n = sb_text_fold(s, len, a, cap);
		m = icu_fold(s, len, b, cap);
		if (n != m || (n >= 0 && memcmp(a, b, (size_t)n + 1) != 0))
			bad++;
	}
	ok(bad == 0, "20,000 random ASCII strings fold as ICU folds them "
	    "(%d differ)", bad);
	ok(sb_text_fold("abc", 3, a, 3) == -1 && sb_text_fold("abc", 3, a,
	    4) == 3, "no room for the NUL: -1");
	memset(s, 'A', 257);
	ok(sb_text_fold(s, 257, a, sizeof a) == -1, "longer than 256: -1");
	u_cleanup();
	return tap_done();
}
