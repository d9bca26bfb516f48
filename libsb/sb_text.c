#include "sb_text.h"

#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>

#define FOLD_MAX 256 /* UTF-16 units; longer input is not folded */

int
sb_text_fold(const char *s, size_t n, char *out, size_t cap)
{
	UChar in[FOLD_MAX], folded[FOLD_MAX];
	UErrorCode err = U_ZERO_ERROR;
	int32_t len, flen, olen;
	size_t i;

	if (n > FOLD_MAX || cap > INT32_MAX)
		return -1;
	/* ASCII folds to its lower case, and to nothing else: no trip
	 * through UTF-16 for the e-mail addresses and handles of most
	 * records (1,550 instructions each). */
	for (i = 0; i < n && (unsigned char)s[i] < 0x80; i++)
		;
	if (i == n) {
		if (n >= cap)
			return -1;
		for (i = 0; i < n; i++)
			out[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ?
			    s[i] - 'A' + 'a' : s[i]);
		out[n] = '\0';
		return (int)n;
	}
	u_strFromUTF8(in, FOLD_MAX, &len, s, (int32_t)n, &err);
	if (U_FAILURE(err))
		return -1;
	flen = u_strFoldCase(folded, FOLD_MAX, in, len, U_FOLD_CASE_DEFAULT,
	    &err);
	if (U_FAILURE(err))
		return -1;
	u_strToUTF8(out, (int32_t)cap, &olen, folded, flen, &err);
	if (U_FAILURE(err) || err == U_STRING_NOT_TERMINATED_WARNING)
		return -1;
	return olen;
}
