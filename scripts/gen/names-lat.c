/*
 * names-lat: writes sb_names' letter table (libsb/names_lat.h) to
 * standard output, as the initialisers of LAT_N struct lat_ent: each
 * letter's romanisation by ICU, asked one letter at a time, as
 * sb_names would ask it at run time.  Run by make; exit status 1 when
 * ICU cannot open the romanisation.
 *
 * names-lat greek: writes GREEK_FILTER and GREEK_PASS, the filter and
 * the rules of the pass that Greek-Latin/UNGEGN makes between its NFD
 * and NFC (names_lat.h says why), as ICU gives them back; both empty
 * when that transliterator is not made that way here.
 */
#include <stdbool.h>
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

/* s[0..n) as a C string literal of ASCII (ICU escapes the rest). */
static void
put_literal(const char *s, size_t n)
{
	size_t i;

	putchar('"');
	for (i = 0; i < n; i++) {
		if (s[i] == '\n') {
			printf("\\n\" \\\n    \"");
			continue;
		}
		if (s[i] == '"' || s[i] == '\\')
			putchar('\\');
		putchar(s[i]);
	}
	putchar('"');
}

/* The sets the pass names again and again, as variables: ICU builds a
 * property's set each time a rule names it, and for the sets below that
 * was 13 M of the 15.8 M instructions a thread took to make the pass. */
static const char *const shared_sets[][2] = {
	{"[[:latin:][:greek:]&[:Ll:]]", "$sbLl"},
	{"[[:Mn:][:Me:]]", "$sbM"},
	{"[:L:]", "$sbL"},
};
#define NSETS (sizeof(shared_sets) / sizeof(shared_sets[0]))

/* pass[0..n) into out with shared_sets as variables; its length, or 0
 * when out is too small. */
static size_t
with_vars(const char *pass, size_t n, char *out, size_t cap)
{
	size_t o = 0, i, k, l;

	for (k = 0; k < NSETS; k++)
		o += (size_t)snprintf(out + o, o < cap ? cap - o : 0,
		    "%s = %s;\n", shared_sets[k][1], shared_sets[k][0]);
	for (i = 0; i < n && o < cap;) {
		for (k = 0; k < NSETS; k++) {
			l = strlen(shared_sets[k][0]);
			if (i + l <= n && memcmp(pass + i, shared_sets[k][0],
			    l) == 0)
				break;
		}
		if (k == NSETS) {
			out[o++] = pass[i++];
			continue;
		}
		l = strlen(shared_sets[k][1]);
		if (o + l >= cap)
			return 0;
		memcpy(out + o, shared_sets[k][1], l);
		o += l;
		i += strlen(shared_sets[k][0]);
	}
	return o < cap ? o : 0;
}

/* The pass of Greek-Latin/UNGEGN: its rules are "::[filter];",
 * "::NFD(NFC);", the pass, "::NFC(NFD);", one a line (ICU 72); the
 * filter and the pass go out, or two empty strings when the rules are
 * not that. */
static int
greek(void)
{
	static UChar id[] = {'G', 'r', 'e', 'e', 'k', '-', 'L', 'a', 't', 'i',
	    'n', '/', 'U', 'N', 'G', 'E', 'G', 'N', 0};
	static UChar u[1 << 16];
	static char a[1 << 16], v[1 << 16];
	size_t vl = 0;
	UErrorCode err = U_ZERO_ERROR;
	UParseError pe;
	UTransliterator *tr;
	const char *filt, *nfd, *nfc, *end;
	int32_t n, i;
	bool ok = false;

	tr = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, &pe, &err);
	if (tr != NULL && U_SUCCESS(err)) {
		n = utrans_toRules(tr, true, u, (int32_t)(sizeof(u) /
		    sizeof(u[0])) - 1, &err);
		for (i = 0; U_SUCCESS(err) && i < n && u[i] < 0x80; i++)
			a[i] = (char)u[i];
		a[i] = '\0';
		ok = U_SUCCESS(err) && i == n && n > 0;
		utrans_close(tr);
	}
	/* filt: the end of the filter's line, where the NFD's begins. */
	filt = nfd = ok ? strstr(a, "];\n::NFD(NFC);\n") : NULL;
	nfc = ok ? strstr(a, "\n::NFC(NFD);") : NULL;
	end = nfc != NULL ? nfc + strlen("\n::NFC(NFD);") : NULL;
	ok = nfd != NULL && nfc != NULL && strncmp(a, "::[", 3) == 0 &&
	    nfd < nfc && (*end == '\0' || strcmp(end, "\n") == 0);
	/* No other ID: the pass is made without ICU's registry. */
	if (ok) {
		nfd += strlen("];\n::NFD(NFC);\n");
		for (const char *p = nfd; p != NULL && p < nfc;
		     p = strchr(p, '\n'), p = p != NULL ? p + 1 : NULL)
			if (strncmp(p, "::", 2) == 0 || *p == '$')
				ok = false;
	}
	if (ok)
		ok = (vl = with_vars(nfd, (size_t)(nfc - nfd), v, sizeof(v))) >
		    0;
	printf("/* Made by scripts/gen/names-lat greek: do not edit. */\n");
	printf("#define GREEK_FILTER ");
	put_literal(a + 2, ok ? (size_t)(filt + 1 - (a + 2)) : 0);
	printf("\n#define GREEK_PASS ");
	put_literal(v, ok ? vl : 0);
	printf("\n");
	return fflush(stdout) == 0 ? 0 : 1;
}

int
main(int argc, char **argv)
{
	UTransliterator *tr;
	char o[32];
	int i, k, r;

	if (argc == 2 && strcmp(argv[1], "greek") == 0)
		return greek();
	if ((tr = open_roman()) == NULL) {
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
