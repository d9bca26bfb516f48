/*
 * t_country.c: unit test for the country resolver; prints TAP.
 */
#include <stdio.h>
#include <string.h>

#include "sb_country.h"

struct tcase {
	const char	*in;
	const char	*want;		/* NULL: must not resolve */
};

static const struct tcase cases[] = {
	/* Codes, both cases, alpha-2 and alpha-3. */
	{ "BG", "BG" },
	{ "bg", "BG" },
	{ "ro", "RO" },
	{ "Gr", "GR" },
	{ "BGR", "BG" },
	{ "rou", "RO" },
	{ "deu", "DE" },
	{ "XK", "XK" },
	{ "xkx", "XK" },
	{ "GBR", "GB" },
	{ "USA", "US" },
	{ "EL", "GR" },
	{ "UK", "GB" },

	/* English names and demonyms. */
	{ "Bulgaria", "BG" },
	{ "Bulgarian", "BG" },
	{ "United Kingdom", "GB" },
	{ "Czech Republic", "CZ" },
	{ "Czechia", "CZ" },
	{ "Bosnia and Herzegovina", "BA" },
	{ "Bosnia & Herzegovina", "BA" },
	{ "North Macedonia", "MK" },
	{ "Macedonia", "MK" },
	{ "FYROM", "MK" },
	{ "F.Y.R.O.M.", "MK" },
	{ "moldovan", "MD" },
	{ "Kosovo", "XK" },
	{ "Turkey", "TR" },
	{ "Türkiye", "TR" },
	{ "Turkiye", "TR" },
	{ "Côte d'Ivoire", "CI" },
	{ "Cote d\xe2\x80\x99Ivoire", "CI" },
	{ "cote divoire", "CI" },
	{ "Ivory Coast", "CI" },
	{ "Dominican Republic", "DO" },
	{ "United States of America", "US" },
	{ "U.S.A.", "US" },
	{ "Viet Nam", "VN" },
	{ "Vietnam", "VN" },
	{ "Sri Lanka", "LK" },
	{ "Eritrean", "ER" },
	{ "Afghan", "AF" },
	{ "Iran, Islamic Republic of", "IR" },
	{ "Korea, Republic of", "KR" },
	{ "Congo", "CG" },
	{ "Democratic Republic of the Congo", "CD" },
	{ "Åland Islands", "AX" },
	{ "Guinea-Bissau", "GW" },
	{ "Guinea", "GN" },
	{ "Niger", "NE" },
	{ "Nigeria", "NG" },
	{ "Nigerian", "NG" },
	{ "nigérien", "NE" },
	{ "Dominica", "DM" },

	/* Diacritics, case, surrounding blanks and punctuation. */
	{ "Rumänien", "RO" },
	{ "rumanien", "RO" },
	{ "Rumaenien", "RO" },
	{ "ROMÂNIA", "RO" },
	{ "Romania", "RO" },
	{ "România", "RO" },
	{ "  romania \t", "RO" },
	{ "(Romania).", "RO" },
	{ "ROMANIA", "RO" },
	{ "Ro\xcc\x82mania", "RO" },		/* decomposed circumflex */
	{ "ΕΛΛΑΔΑ", "GR" },
	{ "Ελλάδα", "GR" },

	/* French. */
	{ "bulgare", "BG" },
	{ "Roumanie", "RO" },
	{ "roumaine", "RO" },
	{ "Allemagne", "DE" },
	{ "Pays-Bas", "NL" },
	{ "ivoirien", "CI" },
	{ "érythréen", "ER" },
	{ "Macédoine du Nord", "MK" },

	/* Dutch. */
	{ "België", "BE" },
	{ "Belgie", "BE" },
	{ "Roemeens", "RO" },
	{ "Bulgaarse", "BG" },
	{ "Verenigd Koninkrijk", "GB" },
	{ "Marokkaanse", "MA" },
	{ "Oekraïne", "UA" },

	/* German. */
	{ "Deutschland", "DE" },
	{ "Österreich", "AT" },
	{ "Oesterreich", "AT" },
	{ "Weißrussland", "BY" },
	{ "Weissrussland", "BY" },
	{ "rumänisch", "RO" },
	{ "Elfenbeinküste", "CI" },
	{ "Türkei", "TR" },

	/* Bulgarian (Cyrillic). */
	{ "България", "BG" },
	{ "българско", "BG" },
	{ "българин", "BG" },
	{ "БЪЛГАРСКО", "BG" },
	{ "Румъния", "RO" },
	{ "гръцко", "GR" },
	{ "Украйна", "UA" },
	{ "Украина", "UA" },
	{ "Северна Македония", "MK" },
	{ "Сирия", "SY" },

	/* Finnish. */
	{ "Suomi", "FI" },
	{ "suomalainen", "FI" },
	{ "Ruotsi", "SE" },
	{ "Venäjä", "RU" },
	{ "Saksa", "DE" },
	{ "Norsunluurannikko", "CI" },

	/* Greek (Greek script). */
	{ "Ελληνική", "GR" },
	{ "ΕΛΛΗΝΙΚΗ", "GR" },
	{ "Έλληνας", "GR" },
	{ "Ελληνας", "GR" },
	{ "Βουλγαρία", "BG" },
	{ "Αλβανός", "AL" },
	{ "ΑΛΒΑΝΟΣ", "AL" },
	{ "Γεωργία", "GE" },
	{ "Πακιστανική", "PK" },
	{ "ΗΠΑ", "US" },

	/* Italian. */
	{ "romena", "RO" },
	{ "Romeno", "RO" },
	{ "Germania", "DE" },
	{ "tedesca", "DE" },
	{ "Costa d'Avorio", "CI" },
	{ "Repubblica Dominicana", "DO" },

	/* Polish. */
	{ "bułgarskie", "BG" },
	{ "bulgarskie", "BG" },
	{ "polskie", "PL" },
	{ "Włochy", "IT" },
	{ "Wlochy", "IT" },
	{ "Niemcy", "DE" },
	{ "ukraińskie", "UA" },
	{ "Białoruś", "BY" },

	/* Portuguese. */
	{ "Roménia", "RO" },
	{ "Romênia", "RO" },
	{ "brasileiro", "BR" },
	{ "Alemanha", "DE" },
	{ "Costa do Marfim", "CI" },

	/* Romanian. */
	{ "română", "RO" },
	{ "Republica Moldova", "MD" },
	{ "moldovean", "MD" },
	{ "Țările de Jos", "NL" },
	{ "Ţările de Jos", "NL" },		/* cedilla variant */
	{ "bulgar", "BG" },

	/* Spanish. */
	{ "España", "ES" },
	{ "Espana", "ES" },
	{ "rumano", "RO" },
	{ "Marruecos", "MA" },
	{ "República Dominicana", "DO" },
	{ "Estados Unidos", "US" },
	{ "EE. UU.", "US" },

	/* Native names in other scripts. */
	{ "Србија", "RS" },
	{ "Україна", "UA" },
	{ "Беларусь", "BY" },
	{ "Россия", "RU" },
	{ "中国", "CN" },
	{ "المغرب", "MA" },
	{ "ایران", "IR" },

	/* Unknown. */
	{ "Atlantis", NULL },
	{ "", NULL },
	{ "  ", NULL },
	{ "-.,()", NULL },
	{ "Narnia", NULL },
	{ "Ελλάδ", NULL },
	{ "\xff\xfe", NULL },			/* invalid UTF-8 */
	{ "Yugoslavia", NULL },
};
#define NCASES	(sizeof(cases) / sizeof(cases[0]))

static int ntest, nfail;

static void
ok(int cond, const char *what, const char *detail)
{
	ntest++;
	if (!cond)
		nfail++;
	printf("%sok %d - %s%s%s\n", cond ? "" : "not ", ntest, what,
	    detail != NULL ? " " : "", detail != NULL ? detail : "");
}

static int
same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static void
test_case(const struct tcase *tc)
{
	const char *got;
	char what[256];

	got = sb_country_lookup(tc->in, strlen(tc->in));
	snprintf(what, sizeof(what), "lookup \"%s\" -> %s (got %s)", tc->in,
	    tc->want != NULL ? tc->want : "NULL", got != NULL ? got : "NULL");
	ok(same(got, tc->want), what, NULL);
}

static void
test_special(void)
{
	char big[300];
	const char *buf = "ROxyz";

	memset(big, 'a', sizeof(big));
	ok(sb_country_lookup(big, sizeof(big)) == NULL,
	    "300-byte string -> NULL", NULL);
	memcpy(big, "Romania", 7);
	memset(big + 7, ' ', sizeof(big) - 7);
	ok(sb_country_lookup(big, sizeof(big)) == NULL,
	    "300-byte padded \"Romania\" -> NULL (over length limit)", NULL);
	ok(same(sb_country_lookup(buf, 2), "RO"),
	    "input not NUL-terminated (\"ROxyz\", len 2) -> RO", NULL);
	ok(same(sb_country_lookup("Bulgaria\0 \0", 11), "BG"),
	    "embedded NUL is ignored like punctuation", NULL);
	ok(sb_country_lookup(NULL, 0) == NULL, "NULL input -> NULL", NULL);
	ok(same(sb_country_lookup("Ελλάς", strlen("Ελλάς")),
	    sb_country_lookup("ΕΛΛΑΣ", strlen("ΕΛΛΑΣ"))),
	    "final sigma folds like capital sigma", NULL);
	ok(sb_country_lookup("bg", 2) == sb_country_lookup("Bulgaria", 8),
	    "returned strings are the same static storage", NULL);
}

static void
test_name(void)
{
	ok(same(sb_country_name("BG"), "Bulgaria"),
	    "sb_country_name(\"BG\") is \"Bulgaria\"", NULL);
	ok(same(sb_country_name("ro"), "Romania"),
	    "sb_country_name(\"ro\") is \"Romania\"", NULL);
	ok(same(sb_country_name("XK"), "Kosovo"),
	    "sb_country_name(\"XK\") is \"Kosovo\"", NULL);
	ok(same(sb_country_name("ZW"), "Zimbabwe"),
	    "sb_country_name(\"ZW\") is \"Zimbabwe\"", NULL);
	ok(sb_country_name("QQ") == NULL, "sb_country_name(\"QQ\") is NULL",
	    NULL);
	ok(sb_country_name("BGR") == NULL, "sb_country_name(\"BGR\") is NULL",
	    NULL);
	ok(sb_country_name("B") == NULL, "sb_country_name(\"B\") is NULL",
	    NULL);
	ok(sb_country_name(NULL) == NULL, "sb_country_name(NULL) is NULL",
	    NULL);
}

int
main(void)
{
	size_t i;
	int ntotal;

	ntotal = 1 + 2 + (int)NCASES + 7 + 8 + 2;
	printf("1..%d\n", ntotal);
	ok(sb_country_lookup("Bulgaria", 8) == NULL,
	    "lookup before init -> NULL", NULL);
	ok(sb_country_init() == 0, "sb_country_init", NULL);
	ok(sb_country_init() == 0, "sb_country_init again (idempotent)", NULL);
	for (i = 0; i < NCASES; i++)
		test_case(&cases[i]);
	test_special();
	test_name();
	sb_country_free();
	ok(sb_country_lookup("Bulgaria", 8) == NULL,
	    "lookup after free -> NULL", NULL);
	ok(sb_country_init() == 0 && same(sb_country_lookup("BG", 2), "BG"),
	    "init again after free", NULL);
	sb_country_free();
	if (ntest != ntotal)
		printf("# planned %d tests, ran %d\n", ntotal, ntest);
	return nfail != 0 || ntest != ntotal;
}
