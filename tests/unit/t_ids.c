/*
 * sb_ids: national identifiers, IBANs, cards, phones, passports, plates.
 *
 * The valid examples are the commonly cited ones (checked by hand below)
 * and values whose check digits were computed independently of this
 * module; each invalid example differs from a valid one in one way only
 * (check digit, date, length, shape).
 *
 * Hand checks of the cited examples:
 *   EGN 7523169263: 7*2+5*4+2*8+3*5+1*10+6*9+9*7+2*3+6*6 = 234;
 *     234 mod 11 = 3 -> 3.  Month 23 = March 1875.
 *   PESEL 44051401359: 4+12+0+45+1+12+0+9+3+15 = 101; (10 - 1) mod 10 = 9.
 *   CNP 1800101221144: 2+56+0+0+4+0+3+10+16+2+7+36 = 136; 136 mod 11 = 4.
 *   CF RSSMRA85T10A562S: odd R8 S12 R8 8->19 T14 0->1 5->13 2->5 = 80,
 *     even S18 M12 A0 5 1 A0 6 = 42; 122 mod 26 = 18 = S.
 *   NN 93.05.18-223.61: 930518223 mod 97 = 36; 97 - 36 = 61.
 *   HETU 131052-308T: 131052308 mod 31 = 25 -> T (the 26th of
 *     0123456789ABCDEFHJKLMNPRSTUVWXY).
 *   LNCH 7111042925: 147+19+17+13+0+36+14+27+2 = 275 -> 5.
 *   AFM 094259216: 0+9*128+4*64+2*32+5*16+9*8+2*4+1*2 = 1634;
 *     1634 mod 11 = 6 -> 6.
 *   NIF 999999990: 9*(9+8+...+2) = 396 = 36*11, r = 0 -> 0.
 *   CC 000000000ZZ4: from the right 4, Z = 35 doubled = 70 - 9 = 61,
 *     Z = 35: 100 = 0 mod 10.
 */
#include <stdint.h>

#include "sb_ids.h"
#include "tap.h"

static uint32_t
xorshift(void *ctx)
{
	uint32_t *s = ctx, x = *s;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *s = x;
}

static bool
valid(enum sb_id_scheme id, const char *s)
{
	return sb_id_valid(id, s, strlen(s));
}

static void
check_ids(enum sb_id_scheme id, const char *const *good, const char *const *bad)
{
	const char *name = sb_id_scheme_name(id);

	for (; *good != NULL; good++)
		ok(valid(id, *good), "%s: '%s' is valid", name, *good);
	for (; *bad != NULL; bad++)
		ok(!valid(id, *bad), "%s: '%s' is refused", name, *bad);
}

static void
check_canon(enum sb_id_scheme id, const char *in, const char *want)
{
	char out[SB_ID_BUFSZ];
	int n = sb_id_canonical(id, in, strlen(in), out, sizeof(out));

	is_str(n >= 0 ? out : NULL, want, "%s: canonical of '%s'",
	    sb_id_scheme_name(id), in);
	if (want != NULL)
		ok(n == (int)strlen(want), "%s: canonical length",
		    sb_id_scheme_name(id));
}

static void
check_format(enum sb_id_scheme id, const char *in, const char *want)
{
	char out[SB_ID_BUFSZ];
	int n = sb_id_format(id, in, strlen(in), out, sizeof(out));

	is_str(n >= 0 ? out : NULL, want, "%s: written form of '%s'",
	    sb_id_scheme_name(id), in);
}

static void
check_info(enum sb_id_scheme id, const char *s, int y, int m, int d, char sex)
{
	struct sb_id_info inf;
	int rc = sb_id_decode(id, s, strlen(s), &inf);

	ok(rc == 0 && inf.year == y && inf.month == m && inf.day == d &&
	        inf.sex == sex,
	    "%s: '%s' decodes to %d-%d-%d %c", sb_id_scheme_name(id), s, y, m,
	    d, sex ? sex : '?');
}

static void
test_schemes(void)
{
	int i;

	is_str(sb_id_scheme_name(SB_ID_BG_EGN), "EGN", "name of EGN");
	is_str(sb_id_scheme_country(SB_ID_BG_EGN), "BG", "country of EGN");
	is_str(sb_id_scheme_country(SB_ID_RO_CNP), "RO", "country of CNP");
	ok(sb_id_scheme_name(SB_ID_COUNT) == NULL, "no name out of range");
	for (i = 0; i < SB_ID_COUNT; i++)
		ok(sb_id_scheme_by_name(sb_id_scheme_name(i)) == i,
		    "by name: %s", sb_id_scheme_name(i));
	ok(sb_id_scheme_by_name("pesel") == SB_ID_PL_PESEL, "by name: pesel");
	ok(sb_id_scheme_by_name("BG-LNCH") == SB_ID_BG_LNCH,
	    "by name: BG-LNCH");
	ok(sb_id_scheme_by_name("it_cf") == SB_ID_IT_CF, "by name: it_cf");
	ok(sb_id_scheme_by_name("RO:CNP") == SB_ID_RO_CNP, "by name: RO:CNP");
	ok(sb_id_scheme_by_name("PL-CNP") == -1, "by name: wrong country");
	ok(sb_id_scheme_by_name("SSN") == -1, "by name: unknown");
	ok(sb_id_scheme_by_name("") == -1, "by name: empty");
}

static void
test_valid(void)
{
	static const char *const nn_good[] = {"93.05.18-223.61", "85073003328",
	    "01020300269", "40000012338", NULL};
	static const char *const nn_bad[] = {"93051822362", "93023022368",
	    "93131822320", "01020300268", "9305182236", "930518223611",
	    "93051822361x", "93451822350", NULL};
	static const char *const bis_good[] = {
	    "93451822350", "05.25.12-004.42", NULL};
	static const char *const bis_bad[] = {
	    "93451822351", "93531822309", "93051822361", NULL};
	static const char *const egn_good[] = {
	    "7523169263", "8032056031", "0041010002", "9945123182", NULL};
	static const char *const egn_bad[] = {"7523169264", "7502309263",
	    "7513169266", "752316926", "75231692630", NULL};
	static const char *const lnch_good[] = {
	    "7111042925", "1000000001", "9876543217", NULL};
	static const char *const lnch_bad[] = {"7111042926", "1000000002",
	    "9876543210", "711104292", "A111042925", NULL};
	static const char *const hetu_good[] = {
	    "131052-308T", "010594Y9032", "020301A012B", "150585+124M", NULL};
	static const char *const hetu_bad[] = {"131052-308U", "300252-308A",
	    "131052-001W", "131052*308T", "131052 308T", "131052-308", NULL};
	static const char *const amka_good[] = {
	    "01013099997", "15087512347", "29020012307", NULL};
	static const char *const amka_bad[] = {
	    "01013099998", "29020112347", "32018512346", "0101309999", NULL};
	static const char *const afm_good[] = {"094259216", "123456783",
	    "070000005", "EL 094259216", "GR094259216", "94259216", NULL};
	static const char *const afm_bad[] = {"094259217", "123456784",
	    "999999990", "FR094259216", "0942592160", NULL};
	static const char *const cf_good[] = {"RSSMRA85T10A562S",
	    "BNCGLI70A41H501A", "VRDGPP13R10B293P", "RSSMRA85T10A56NH",
	    "RSSMRAURTMNARSNB", NULL};
	static const char *const cf_bad[] = {"RSSMRA85T10A562T",
	    "RSSMRA85B30A562G", "RSSMRA85F10A562R", "RSSMRA85T72A562C",
	    "RSSMRA85T10A562", "RSSMR185T10A562S", "RSSMRA85T10A56WH",
	    "12345678901", NULL};
	static const char *const pesel_good[] = {
	    "44051401359", "02070803628", "02270803624", "00810100019", NULL};
	static const char *const pesel_bad[] = {
	    "44051401358", "44023001356", "44131401350", "4405140135", NULL};
	static const char *const nif_good[] = {
	    "999999990", "501964843", "123456789", "246 802 464", NULL};
	static const char *const nif_bad[] = {
	    "999999991", "012345679", "12345678", "1234567890", NULL};
	static const char *const cc_good[] = {"000000000ZZ4", "12345678 9 ZZ1",
	    "147258369ZY3", "001234560zx7", NULL};
	static const char *const cc_bad[] = {"000000000ZZ3", "123456789ZZ2",
	    "000000000ZZ", "00000000A0ZZ4", NULL};
	static const char *const cnp_good[] = {"1800101221144", "6040229401234",
	    "2991231400051", "7010101701239", NULL};
	static const char *const cnp_bad[] = {"1800101221145", "1800101991147",
	    "1800230221141", "0800101221142", "180010122114", NULL};

	check_ids(SB_ID_BE_NN, nn_good, nn_bad);
	check_ids(SB_ID_BE_BIS, bis_good, bis_bad);
	check_ids(SB_ID_BG_EGN, egn_good, egn_bad);
	check_ids(SB_ID_BG_LNCH, lnch_good, lnch_bad);
	check_ids(SB_ID_FI_HETU, hetu_good, hetu_bad);
	check_ids(SB_ID_GR_AMKA, amka_good, amka_bad);
	check_ids(SB_ID_GR_AFM, afm_good, afm_bad);
	check_ids(SB_ID_IT_CF, cf_good, cf_bad);
	check_ids(SB_ID_PL_PESEL, pesel_good, pesel_bad);
	check_ids(SB_ID_PT_NIF, nif_good, nif_bad);
	check_ids(SB_ID_PT_CC, cc_good, cc_bad);
	check_ids(SB_ID_RO_CNP, cnp_good, cnp_bad);

	/* Separators, blanks, case; a byte outside the format. */
	ok(valid(SB_ID_BE_NN, "93 05 18 223 61"), "NN with spaces");
	ok(valid(SB_ID_BG_EGN, " 7523 169 263 "), "EGN with blanks");
	ok(valid(SB_ID_PL_PESEL, "440514-01359"), "PESEL with a dash");
	ok(valid(SB_ID_IT_CF, "rss mra 85t10 a562s"), "CF spaced, lower");
	ok(valid(SB_ID_FI_HETU, " 131052-308t"), "HETU lower case");
	ok(valid(SB_ID_RO_CNP, "1 800101 22 114 4"), "CNP spaced");
	ok(!valid(SB_ID_BG_EGN, "7523169263;"), "EGN with ';' refused");
	ok(!valid(SB_ID_BG_EGN, ""), "empty refused");
	ok(!sb_id_valid(SB_ID_BG_EGN, NULL, 0), "NULL refused");
	ok(!sb_id_valid(SB_ID_COUNT, "7523169263", 10), "bad scheme refused");
	ok(sb_id_valid(SB_ID_BG_EGN, "7523169263xyz", 10),
	    "s need not be NUL-terminated");

	check_info(SB_ID_BE_NN, "93.05.18-223.61", 1993, 5, 18, 'M');
	check_info(SB_ID_BE_NN, "01020300269", 2001, 2, 3, 'F');
	check_info(SB_ID_BE_NN, "40000012338", 1940, 0, 0, 'M');
	check_info(SB_ID_BE_NN, "01020300240", 1901, 2, 3, 'F');
	check_info(SB_ID_BE_BIS, "93451822350", 1993, 5, 18, 'M');
	check_info(SB_ID_BG_EGN, "7523169263", 1875, 3, 16, 'M');
	check_info(SB_ID_BG_EGN, "0041010002", 2000, 1, 1, 'M');
	check_info(SB_ID_FI_HETU, "131052-308T", 1952, 10, 13, 'F');
	check_info(SB_ID_FI_HETU, "020301A012B", 2001, 3, 2, 'F');
	check_info(SB_ID_GR_AMKA, "01013099997", 30, 1, 1, 'M');
	check_info(SB_ID_IT_CF, "BNCGLI70A41H501A", 70, 1, 1, 'F');
	check_info(SB_ID_PL_PESEL, "44051401359", 1944, 5, 14, 'M');
	check_info(SB_ID_PL_PESEL, "02270803624", 2002, 7, 8, 'F');
	check_info(SB_ID_PL_PESEL, "00810100019", 1800, 1, 1, 'M');
	check_info(SB_ID_RO_CNP, "1800101221144", 1980, 1, 1, 'M');
	check_info(SB_ID_RO_CNP, "6040229401234", 2004, 2, 29, 'F');
	check_info(SB_ID_PT_NIF, "999999990", 0, 0, 0, 0);
}

static void
test_canonical(void)
{
	char out[SB_ID_BUFSZ];

	check_canon(SB_ID_BE_NN, "93.05.18-223.61", "93051822361");
	check_canon(SB_ID_FI_HETU, " 131052-308t ", "131052-308T");
	check_canon(SB_ID_GR_AFM, "EL 094259216", "094259216");
	check_canon(SB_ID_GR_AFM, "94259216", "094259216");
	check_canon(SB_ID_IT_CF, "rss mra 85t10 a562s", "RSSMRA85T10A562S");
	check_canon(SB_ID_PT_CC, "00000000 0 zz4", "000000000ZZ4");
	check_canon(SB_ID_PT_NIF, "999.999.990", "999999990");
	check_canon(SB_ID_BG_EGN, "7523169264", NULL);
	check_format(SB_ID_BE_NN, "93051822361", "93.05.18-223.61");
	check_format(SB_ID_BE_BIS, "93451822350", "93.45.18-223.50");
	check_format(SB_ID_PT_CC, "000000000zz4", "00000000 0 ZZ4");
	check_format(SB_ID_PT_NIF, "999999990", "999 999 990");
	check_format(SB_ID_PL_PESEL, "4405140 1359", "44051401359");
	ok(sb_id_canonical(SB_ID_IT_CF, "RSSMRA85T10A562S", 16, out, 16) ==
	            -1 &&
	        out[0] == '\0',
	    "canonical: too small a buffer");
	ok(sb_id_canonical(SB_ID_IT_CF, "RSSMRA85T10A562S", 16, out, 17) == 16,
	    "canonical: exact buffer");
}

/* The person for generation i: a date spread over ymin..ymax. */
static void
person(uint32_t *seed, int ymin, int ymax, struct sb_id_person *p)
{
	static const int md[12] = {
	    31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap;

	memset(p, 0, sizeof(*p));
	p->year = ymin + (int)(xorshift(seed) % (uint32_t)(ymax - ymin + 1));
	p->month = 1 + (int)(xorshift(seed) % 12);
	leap = (p->year % 4 == 0 && p->year % 100 != 0) || p->year % 400 == 0;
	p->day = 1 +
	    (int)(xorshift(seed) %
	        (uint32_t)(md[p->month - 1] + (p->month == 2 && leap)));
	p->sex = xorshift(seed) % 2 ? 'F' : 'M';
}

static void
test_generate(void)
{
	static const struct {
		enum sb_id_scheme id;
		int ymin, ymax, len;
	} g[] = {
	    {SB_ID_BE_NN, 1900, 2099, 11},
	    {SB_ID_BE_BIS, 1900, 2099, 11},
	    {SB_ID_BG_EGN, 1800, 2099, 10},
	    {SB_ID_BG_LNCH, 0, 0, 10},
	    {SB_ID_FI_HETU, 1800, 2099, 11},
	    {SB_ID_GR_AMKA, 1900, 2099, 11},
	    {SB_ID_GR_AFM, 0, 0, 9},
	    {SB_ID_IT_CF, 1900, 2099, 16},
	    {SB_ID_PL_PESEL, 1800, 2299, 11},
	    {SB_ID_PT_NIF, 0, 0, 9},
	    {SB_ID_PT_CC, 0, 0, 12},
	    {SB_ID_RO_CNP, 1800, 2099, 13},
	};
	static const char *const fam[] = {
	    "Rossi", "D'Angelo", "Fo", "Esposito", "Li", "Bianchi"};
	static const char *const giv[] = {
	    "Mario", "Gianfranco", "Ugo", "Anna", "Maria Grazia", "Ida"};
	struct sb_id_person p;
	struct sb_id_info inf;
	uint32_t seed = 2463534242u;
	char out[SB_ID_BUFSZ], canon[SB_ID_BUFSZ];
	size_t k;
	int i, n, bad, badinfo, sexes[2];
	bool dated;

	for (k = 0; k < sizeof(g) / sizeof(g[0]); k++) {
		bad = badinfo = 0;
		sexes[0] = sexes[1] = 0;
		for (i = 0; i < 1000; i++) {
			dated = g[k].ymin != 0;
			person(&seed, dated ? g[k].ymin : 1950,
			    dated ? g[k].ymax : 2000, &p);
			p.family = fam[i % 6];
			p.given = giv[i % 6];
			n = sb_id_generate(g[k].id, dated ? &p : NULL, xorshift,
			    &seed, out, sizeof(out));
			if (n != g[k].len || !valid(g[k].id, out) ||
			    sb_id_canonical(g[k].id, out, (size_t)n, canon,
			        sizeof(canon)) != n ||
			    strcmp(canon, out) != 0) {
				if (bad++ == 0)
					printf("# %s: bad '%s'\n",
					    sb_id_scheme_name(g[k].id), out);
				continue;
			}
			if (!dated)
				continue;
			sb_id_decode(g[k].id, out, (size_t)n, &inf);
			if (inf.sex != 0)
				sexes[inf.sex == 'F']++;
			if ((inf.year2 ? inf.year != p.year % 100
			               : inf.year != p.year) ||
			    inf.month != p.month || inf.day != p.day ||
			    (inf.sex != 0 && inf.sex != p.sex))
				badinfo++;
		}
		ok(bad == 0, "%s: 1000 generated identifiers are valid",
		    sb_id_scheme_name(g[k].id));
		if (g[k].ymin != 0)
			ok(badinfo == 0 && sexes[0] > 300 && sexes[1] > 300,
			    "%s: they encode the date and sex asked for",
			    sb_id_scheme_name(g[k].id));
	}

	memset(&p, 0, sizeof(p));
	p.year = 1985;
	p.month = 12;
	p.day = 10;
	p.sex = 'M';
	p.family = "Rossi";
	p.given = "Mario";
	p.place = "a562";
	n = sb_id_generate(SB_ID_IT_CF, &p, xorshift, &seed, out, sizeof(out));
	ok(n == 16 &&
	        (strcmp(out, "RSSMRA85T10A562S") == 0 ||
	            strcmp(out, "RSSMRA85T10A56NH") == 0),
	    "CF of Mario Rossi: %s", out);
	p.family = "Fo";
	p.given = "Gianfranco";
	p.sex = 'F';
	n = sb_id_generate(SB_ID_IT_CF, &p, xorshift, &seed, out, sizeof(out));
	ok(n == 16 && strncmp(out, "FOXGFR85T50A56", 14) == 0,
	    "CF: short surname padded with X, 1st/3rd/4th consonants");
	p.given = "Ugo";
	n = sb_id_generate(SB_ID_IT_CF, &p, xorshift, &seed, out, sizeof(out));
	ok(n == 16 && strncmp(out, "FOXGUO", 6) == 0, "CF: consonants, vowels");
	p.place = "H5O1";
	ok(sb_id_generate(SB_ID_IT_CF, &p, xorshift, &seed, out, sizeof(out)) ==
	        -1,
	    "CF: bad place code refused");
	p.place = NULL;

	p.year = 1899;
	ok(sb_id_generate(SB_ID_BE_NN, &p, xorshift, &seed, out, sizeof(out)) ==
	        -1,
	    "NN: 1899 cannot be encoded");
	ok(sb_id_generate(
	       SB_ID_BG_EGN, &p, xorshift, &seed, out, sizeof(out)) == 10,
	    "EGN: 1899 can");
	p.year = 2023;
	p.month = 2;
	p.day = 29;
	ok(sb_id_generate(
	       SB_ID_PL_PESEL, &p, xorshift, &seed, out, sizeof(out)) == -1,
	    "PESEL: 29 February 2023 refused");
	ok(sb_id_generate(
	       SB_ID_PL_PESEL, NULL, xorshift, &seed, out, sizeof(out)) == -1,
	    "PESEL: no person refused");
	ok(sb_id_generate(
	       SB_ID_PT_NIF, NULL, xorshift, &seed, out, sizeof(out)) == 9,
	    "NIF: no person needed");
	ok(sb_id_generate(SB_ID_PT_NIF, NULL, xorshift, &seed, out, 9) == -1,
	    "generate: too small a buffer");
}

static void
test_iban(void)
{
	static const char *const good[] = {"GB82 WEST 1234 5698 7654 32",
	    "BE71 0961 2345 6769", "BG80 BNBG 9661 1020 3456 78",
	    "RO49 AAAA 1B31 0075 9384 0000",
	    "PL61 1090 1014 0000 0712 1981 2874",
	    "IT60 X054 2811 1010 0000 0123 456", "FI21 1234 5600 0007 85",
	    "PT50 0002 0123 1234 5678 9015 4",
	    "GR16 0110 1250 0000 0001 2300 695", "DE89 3704 0044 0532 0130 00",
	    "be71096123456769", NULL};
	static const char *const bad[] = {
	    "GB82 WEST 1234 5698 7654 33", /* a digit changed */
	    "BE71 0961 2345 6768", "BG80 BNBG 9661 1020 3456 79",
	    "RO49 AAAA 1B31 0075 9384 0001",
	    "PL61 1090 1014 0000 0712 1981 2875",
	    "PL61 1090 1014 0000 0712 1981 28", /* length */
	    "XX82 WEST 1234 5698 7654 32",      /* country */
	    "BE71 0961 2345 676", "GB82 WEST 1234 5698 7654 32 !", NULL};
	static const char *const ccs[] = {
	    "BE", "BG", "FI", "GR", "IT", "PL", "PT", "RO"};
	char out[SB_ID_BUFSZ];
	uint32_t seed = 88172645u;
	int i, bad_n;
	size_t k;

	for (i = 0; good[i] != NULL; i++)
		ok(sb_iban_valid(good[i], strlen(good[i])), "IBAN '%s' valid",
		    good[i]);
	for (i = 0; bad[i] != NULL; i++)
		ok(!sb_iban_valid(bad[i], strlen(bad[i])), "IBAN '%s' refused",
		    bad[i]);
	ok(sb_iban_canonical("be71 0961 2345 6769", 19, out, sizeof(out)) ==
	            16 &&
	        strcmp(out, "BE71096123456769") == 0,
	    "IBAN canonical");
	ok(sb_iban_format("BE71096123456769", 16, out, sizeof(out)) == 19 &&
	        strcmp(out, "BE71 0961 2345 6769") == 0,
	    "IBAN printed form");
	for (k = 0; k < sizeof(ccs) / sizeof(ccs[0]); k++) {
		bad_n = 0;
		for (i = 0; i < 1000; i++) {
			if (sb_iban_generate(ccs[k], xorshift, &seed, out,
			        sizeof(out)) < 0 ||
			    !sb_iban_valid(out, strlen(out)) ||
			    strncmp(out, ccs[k], 2) != 0 ||
			    (strcmp(ccs[k], "PT") == 0 &&
			        strncmp(out, "PT50", 4) != 0))
				bad_n++;
		}
		ok(bad_n == 0, "IBAN %s: 1000 generated are valid (%s)", ccs[k],
		    out);
	}
	ok(sb_iban_generate("pl", xorshift, &seed, out, sizeof(out)) == 28,
	    "IBAN: country in lower case");
	ok(sb_iban_generate("DE", xorshift, &seed, out, sizeof(out)) == -1,
	    "IBAN: no generation outside the eight");
}

static int
prefix4(const char *s)
{
	return (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
}

static void
test_cards(void)
{
	uint32_t seed = 5489u;
	char out[SB_ID_BUFSZ];
	int i, bad = 0, visa = 0, mc = 0;

	ok(sb_luhn_valid("4111 1111 1111 1111", 19), "Luhn: Visa test card");
	ok(sb_luhn_valid("5555-5555-5555-4444", 19), "Luhn: MC test card");
	ok(sb_luhn_valid("378282246310005", 15), "Luhn: Amex test card");
	ok(sb_luhn_valid("79927398713", 11), "Luhn: 79927398713");
	ok(!sb_luhn_valid("4111111111111112", 16), "Luhn: changed digit");
	ok(!sb_luhn_valid("79927398710", 11), "Luhn: 79927398710");
	ok(!sb_luhn_valid("0", 1), "Luhn: one digit refused");
	ok(!sb_luhn_valid("4111x111", 8), "Luhn: letter refused");
	ok(sb_card_valid("4111111111111111", 16), "card: valid");
	ok(!sb_card_valid("79927398713", 11), "card: too short");
	for (i = 0; i < 1000; i++) {
		if (sb_card_generate(xorshift, &seed, out, sizeof(out)) != 16 ||
		    !sb_card_valid(out, 16)) {
			bad++;
			continue;
		}
		if (out[0] == '4')
			visa++;
		else if ((out[0] == '5' && out[1] >= '1' && out[1] <= '5') ||
		    (prefix4(out) >= 2221 && prefix4(out) <= 2720))
			mc++;
	}
	ok(bad == 0 && visa + mc == 1000 && visa > 300 && mc > 300,
	    "cards: 1000 generated pass Luhn, Visa or Mastercard ranges");
}

static void
phone(const char *in, const char *cc, const char *want)
{
	char out[SB_ID_BUFSZ];
	int n = sb_phone_e164(in, strlen(in), cc, out, sizeof(out));

	is_str(n >= 0 ? out : NULL, want, "phone '%s' (%s)", in, cc ? cc : "-");
}

static void
fmt(const char *e164, int style, const char *want)
{
	char out[SB_ID_BUFSZ];
	int n = sb_phone_format(e164, style, out, sizeof(out));

	is_str(n >= 0 ? out : NULL, want, "format %s in style %d", e164, style);
}

static void
test_phones(void)
{
	static const struct {
		const char *cc, *pfx; /* mobile starts, '|' separated */
	} mob[] = {
	    {"BE", "+324"},
	    {"BG", "+35987|+35988|+35989|+35998|+35999"},
	    {"FI", "+3584|+35850"},
	    {"GR", "+3069"},
	    {"IT", "+393"},
	    {"PL",
	        "+4845|+4850|+4851|+4853|+4857|+4860|+4866|+4869|"
	        "+4872|+4873|+4878|+4879|+4888"},
	    {"PT", "+35191|+35192|+35193|+35196"},
	    {"RO", "+407"},
	};
	char e[SB_ID_BUFSZ], f[SB_ID_BUFSZ], back[SB_ID_BUFSZ];
	const char *p;
	uint32_t seed = 123456789u;
	size_t k;
	int i, st, bad, badpfx;

	phone("0470 12 34 56", "BE", "+32470123456");
	phone("+32 470 12 34 56", NULL, "+32470123456");
	phone("0032 470 12 34 56", "BG", "+32470123456");
	phone("+32 (0)470 12 34 56", NULL, "+32470123456");
	phone("02/123.45.67", "be", "+3221234567");
	phone("0887 123 456", "BG", "+359887123456");
	phone("+359 88 712 3456", NULL, "+359887123456");
	phone("00359887123456", NULL, "+359887123456");
	phone("040 123 4567", "FI", "+358401234567");
	phone("+358 40 1234567", "FI", "+358401234567");
	phone("691 234 5678", "GR", "+306912345678");
	phone("+30 691 234 5678", "IT", "+306912345678");
	phone("210 123 4567", "GR", "+302101234567");
	phone("312 345 6789", "IT", "+393123456789");
	phone("06 1234 5678", "IT", "+390612345678");
	phone("+39 06 1234 5678", NULL, "+390612345678");
	phone("512 345 678", "PL", "+48512345678");
	phone("+48 512-345-678", NULL, "+48512345678");
	phone("912 345 678", "PT", "+351912345678");
	phone("00351 912 345 678", NULL, "+351912345678");
	phone("0712 034 567", "RO", "+40712034567");
	phone("+40 712 034 567", NULL, "+40712034567");
	phone("+40 (0)712 034 567", NULL, "+40712034567");
	phone("(0)712 034 567", "RO", "+40712034567");
	phone("+33 1 23 45 67 89", NULL, "+33123456789");
	phone("470 12 34 56", "BE", NULL);      /* no trunk 0 */
	phone("0887 123 456 78", "BG", NULL);   /* too long */
	phone("91234567", "PT", NULL);          /* too short */
	phone("0712 034 56", "RO", NULL);       /* 8 digits */
	phone("+32 0470 12 34 56", NULL, NULL); /* 0 after +32 */
	phone("0887 ABC", "BG", NULL);
	phone("0887 123 456", NULL, NULL); /* national, no cc */
	phone("0887 123 456", "DE", NULL);
	phone("0512 345 678", "PL", NULL);
	phone("+1", NULL, NULL);
	phone("+3591234567890123", NULL, NULL);

	is_str(sb_phone_country("+359887123456"), "BG", "phone country BG");
	ok(sb_phone_country("+33123456789") == NULL, "phone country other");

	fmt("+359887123456", SB_PHONE_NATIONAL, "0887 123 456");
	fmt("+359887123456", SB_PHONE_INTL, "+359 88 712 3456");
	fmt("+359887123456", SB_PHONE_INTL_00, "00359887123456");
	fmt("+359887123456", SB_PHONE_NATIONAL_DASH, "0887-123-456");
	fmt("+359887123456", SB_PHONE_NATIONAL_COMPACT, "0887123456");
	fmt("+32470123456", SB_PHONE_INTL_TRUNK, "+32 (0)470 12 34 56");
	fmt("+32470123456", SB_PHONE_NATIONAL, "0470 12 34 56");
	fmt("+40712034567", SB_PHONE_NATIONAL, "0712 034 567");
	fmt("+393123456789", SB_PHONE_INTL_TRUNK, "+39 312 345 6789");
	fmt("+351912345678", SB_PHONE_NATIONAL, "912 345 678");
	fmt("+3221234567", SB_PHONE_NATIONAL, "021 234 567");
	fmt("+33123456789", SB_PHONE_INTL_00, "0033123456789");
	fmt("+33123456789", SB_PHONE_NATIONAL, NULL);
	fmt("+359887123456", SB_PHONE_STYLE_COUNT, NULL);
	fmt("0887123456", SB_PHONE_E164, NULL);

	for (k = 0; k < sizeof(mob) / sizeof(mob[0]); k++) {
		bad = badpfx = 0;
		for (i = 0; i < 200; i++) {
			if (sb_phone_generate(
			        mob[k].cc, xorshift, &seed, e, sizeof(e)) < 0 ||
			    strcmp(sb_phone_country(e), mob[k].cc) != 0) {
				bad++;
				continue;
			}
			for (p = mob[k].pfx; p != NULL;
			     p = (p = strchr(p, '|')) ? p + 1 : NULL)
				if (strncmp(e, p, strcspn(p, "|")) == 0)
					break;
			badpfx += p == NULL;
			for (st = 0; st < SB_PHONE_STYLE_COUNT; st++) {
				if (sb_phone_format(e, st, f, sizeof(f)) < 0 ||
				    sb_phone_e164(f, strlen(f), mob[k].cc, back,
				        sizeof(back)) < 0 ||
				    strcmp(back, e) != 0) {
					if (bad++ == 0)
						printf("# %s style %d: %s\n", e,
						    st, f);
				}
			}
		}
		ok(bad == 0 && badpfx == 0,
		    "phones %s: 200 mobiles, all styles round-trip (%s)",
		    mob[k].cc, e);
	}
	ok(sb_phone_generate("DE", xorshift, &seed, e, sizeof(e)) == -1,
	    "phones: no generation outside the eight");
}

static void
test_passports(void)
{
	static const struct {
		const char *cc, *good, *bad;
	} t[] = {
	    {"BE", "EH123456", "EH1234567"},
	    {"BE", "ab 123456", "A1234567"},
	    {"BG", "382123456", "38212345"},
	    {"FI", "FP1234567", "FP123456"},
	    {"GR", "AE1234567", "A11234567"},
	    {"IT", "YA1234567", "YA123456"},
	    {"IT", "1A1234567", "YAB234567"},
	    {"PL", "EA8000000", "EA0000000"},
	    {"PL", "AB6234567", "AB1234567"},
	    {"PL", "ZS0123456", "ZS01234567"},
	    {"PT", "C123456", "CC123456"},
	    {"RO", "05123456", "0512345"},
	};
	static const char *const ccs[] = {
	    "BE", "BG", "FI", "GR", "IT", "PL", "PT", "RO"};
	char out[SB_ID_BUFSZ];
	uint32_t seed = 42u;
	size_t k;
	int i, bad;

	for (k = 0; k < sizeof(t) / sizeof(t[0]); k++) {
		ok(sb_passport_valid(t[k].cc, t[k].good, strlen(t[k].good)),
		    "passport %s '%s' valid", t[k].cc, t[k].good);
		ok(!sb_passport_valid(t[k].cc, t[k].bad, strlen(t[k].bad)),
		    "passport %s '%s' refused", t[k].cc, t[k].bad);
	}
	ok(!sb_passport_valid("DE", "C01X00T47", 9), "passport: other country");
	ok(sb_passport_canonical("be", "ab-123456", 9, out, sizeof(out)) == 8 &&
	        strcmp(out, "AB123456") == 0,
	    "passport canonical");
	for (k = 0; k < sizeof(ccs) / sizeof(ccs[0]); k++) {
		bad = 0;
		for (i = 0; i < 200; i++)
			if (sb_passport_generate(ccs[k], xorshift, &seed, out,
			        sizeof(out)) < 0 ||
			    !sb_passport_valid(ccs[k], out, strlen(out)))
				bad++;
		ok(bad == 0, "passports %s: 200 generated are valid (%s)",
		    ccs[k], out);
	}
}

static void
test_plates(void)
{
	static const struct {
		const char *cc, *s;
		bool good;
	} t[] = {
	    {"BE", "1-ABC-123", true},
	    {"BE", "2ABC123", true},
	    {"BE", "0-ABC-123", false},
	    {"BE", "1-AB1-123", false},
	    {"BG", "CA 1234 AB", true},
	    {"BG", "B 1234 XX", true},
	    {"BG", "\xD0\xA1\xD0\x90 1234 \xD0\x92\xD0\xA5", true},
	    {"BG", "CA 1234 AD", false}, /* D is not Cyrillic */
	    {"BG", "CA 123 AB", false},
	    {"FI", "ABC-123", true},
	    {"FI", "AB-1", true},
	    {"FI", "A-123", false},
	    {"FI", "ABC-1234", false},
	    {"GR", "IKY-1234", true},
	    {"GR", "\xCE\x99\xCE\x9A\xCE\xA5-1234", true}, /* ΙΚΥ */
	    {"GR", "ABC-1234", false},                     /* C */
	    {"GR", "IKY-0123", false},
	    {"IT", "AB 123 CD", true},
	    {"IT", "FG123HJ", true},
	    {"IT", "AI 123 CD", false},
	    {"IT", "AB 1234 CD", false},
	    {"PL", "WA 12345", true},
	    {"PL", "KR 1234A", true},
	    {"PL", "WPI 12AC", true},
	    {"PL", "WA 1234B", false},
	    {"PL", "WA ACEF", false},
	    {"PL", "WA 123", false},
	    {"PT", "AA-00-AA", true},
	    {"PT", "12-AB-34", true},
	    {"PT", "12-34-AB", true},
	    {"PT", "AB 12 CD", true},
	    {"PT", "AB-12-34", false},
	    {"PT", "A-12-BC", false},
	    {"RO", "CJ 12 ABC", true},
	    {"RO", "B 123 ABC", true},
	    {"RO", "B 12 XYZ", true},
	    {"RO", "CJ 12 ABQ", false},
	    {"RO", "CJ 12 IBC", false},
	    {"RO", "XX 12 ABC", false},
	    {"RO", "CJ 123 ABC", false},
	};
	static const char *const ccs[] = {
	    "BE", "BG", "FI", "GR", "IT", "PL", "PT", "RO"};
	char out[SB_ID_BUFSZ];
	const char *p;
	uint32_t seed = 7u;
	size_t k;
	int i, bad;

	for (k = 0; k < sizeof(t) / sizeof(t[0]); k++)
		ok(sb_plate_valid(t[k].cc, t[k].s, strlen(t[k].s)) == t[k].good,
		    "plate %s '%s' %s", t[k].cc, t[k].s,
		    t[k].good ? "valid" : "refused");
	p = "\xD0\xA1\xD0\x90 1234 \xD0\x92\xD0\xA5";
	ok(sb_plate_canonical("BG", p, strlen(p), out, sizeof(out)) == 8 &&
	        strcmp(out, "CA1234BX") == 0,
	    "plate canonical: Cyrillic to Latin");
	ok(sb_plate_canonical("ro", "cj-12-abc", 9, out, sizeof(out)) == 7 &&
	        strcmp(out, "CJ12ABC") == 0,
	    "plate canonical: lower case");
	for (k = 0; k < sizeof(ccs) / sizeof(ccs[0]); k++) {
		bad = 0;
		for (i = 0; i < 200; i++)
			if (sb_plate_generate(ccs[k], xorshift, &seed, out,
			        sizeof(out)) < 0 ||
			    !sb_plate_valid(ccs[k], out, strlen(out)))
				bad++;
		ok(bad == 0, "plates %s: 200 generated are valid (%s)", ccs[k],
		    out);
	}
}

/* sb_passport_which and sb_plate_which answer as sb_passport_valid and
 * sb_plate_valid asked of each country in turn, on random numbers and
 * plates in every shape and in none. */
static void
check_which(void)
{
	static const char *const orders[2][10] = {{"RO", "BE", "BG", "FI",
	    "GR", "IT", "PL", "PT", "XX", "ro"}, {"PL", "pt", "IT", "GR", "FI",
	    "BG", "BE", "RO", "XX", "de"}};
	static const char chars[] = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ -.ab";
	uint32_t x = 362436069u;
	char s[16];
	int bad = 0, found = 0;

	for (int i = 0; i < 200000; i++) {
		size_t n = 4 + i % 9, k;
		int want_p = -1, want_l = -1;

		const char *const *cc = orders[i % 2];

		for (k = 0; k < n; k++) {
			x ^= x << 13;
			x ^= x >> 17;
			x ^= x << 5;
			/* Digits mostly, so that shapes come up; two letters
			 * first in a third of them. */
			s[k] = chars[k < 2 && i % 3 == 0 ? 10 + x / 4 % 24 :
			    x % 4 != 0 ? x / 4 % 10 : x / 4 %
			    (sizeof(chars) - 1)];
		}
		for (k = 0; k < 10; k++) {
			if (want_p < 0 && sb_passport_valid(cc[k], s, n))
				want_p = (int)k;
			if (want_l < 0 && sb_plate_valid(cc[k], s, n))
				want_l = (int)k;
		}
		found += want_p >= 0 || want_l >= 0;
		if (sb_passport_which(cc, 10, s, n) != want_p ||
		    sb_plate_which(cc, 10, s, n) != want_l)
			bad++;
	}
	ok(bad == 0 && found > 1000, "which: 200,000 random strings as the "
	    "countries one by one (%d valid somewhere, %d differ)", found,
	    bad);
}

int
main(void)
{
	test_schemes();
	test_valid();
	test_canonical();
	test_generate();
	test_iban();
	test_cards();
	test_phones();
	test_passports();
	test_plates();
	check_which();
	return tap_done();
}
