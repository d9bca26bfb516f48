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

	if (n > FOLD_MAX || cap > INT32_MAX)
		return -1;
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
