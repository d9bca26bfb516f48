/*
 * names-lat: writes sb_names' letter table (libsb/names_lat.h) to
 * standard output, as the initialisers of LAT_N struct lat_ent: each
 * letter's romanisation by ICU, asked one letter at a time, as
 * sb_names would ask it at run time.  Run by make; exit status 1 when
 * ICU cannot open the romanisation.
 */
#include <stdio.h>
#include <string.h>

#include <unicode/ustring.h>
#include <unicode/utf8.h>
#include <unicode/utrans.h>

#include "names_lat.h"

static UTransliterator *
open_roman(void)
{
	UChar rules[sizeof(roman_rules)], id[] = {'g', 'e', 'n', 0};
	UErrorCode err = U_ZERO_ERROR;
	UParseError pe;
	size_t i;

	/* ASCII to UTF-16; ICU's rule parser reads the \u escapes. */
	for (i = 0; i < sizeof(roman_rules); i++)
		rules[i] = (UChar)(unsigned char)roman_rules[i];
	return utrans_openU(id, -1, UTRANS_FORWARD, rules, -1, &pe, &err);
}

/* The romanisation of letter c in out[0..cap), as sb_names' ascii_run
 * makes it: its length, or -1. */
static int
romanise(UTransliterator *tr, UChar32 c, char *out, int32_t cap)
{
	UChar buf[16];
	UErrorCode err = U_ZERO_ERROR;
	int32_t len = 0, limit, olen;

	U16_APPEND_UNSAFE(buf, len, c);
	limit = len;
	utrans_transUChars(tr, buf, &len, 16, 0, &limit, &err);
	if (U_FAILURE(err))
		return -1;
	u_strToUTF8(out, cap, &olen, buf, len, &err);
	if (U_FAILURE(err) || err == U_STRING_NOT_TERMINATED_WARNING ||
	    olen >= cap)
		return -1;
	return (int)olen;
}

int
main(void)
{
	UTransliterator *tr = open_roman();
	char o[32];
	int i, k, r;

	if (tr == NULL) {
		fprintf(stderr, "names-lat: ICU cannot open the romanisation\n");
		return 1;
	}
	printf("/* Made by scripts/gen/names-lat: do not edit. */\n");
	for (i = 0; i < LAT_N; i++) {
		r = lat_slot(lat_char(i)) == i ? romanise(tr, lat_char(i), o,
		    sizeof(o)) : -1;
		if (r < 0 || r > LAT_MAX) {
			printf("{%d, \"\"},\n", LAT_MAX + 1);
			continue;
		}
		printf("{%d, \"", r);
		for (k = 0; k < r; k++)
			printf("\\%03o", (unsigned char)o[k]);
		printf("\"},\n");
	}
	utrans_close(tr);
	return fflush(stdout) == 0 ? 0 : 1;
}
