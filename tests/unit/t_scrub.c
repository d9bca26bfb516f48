/* sb_scrub: recognisers, inflected names, tokens, overlap, gazetteer.
 *
 * Every name and number below is made up; the identifiers are the
 * commonly cited check-digit examples of t_ids.c. */
#include <stdlib.h>
#include <unistd.h>

#include <unicode/uclean.h>

#include "sb_names.h"
#include "sb_pseudo.h"
#include "sb_scrub.h"
#include "tap.h"

static struct sb_scrub *S;
static struct sb_scrub_work *W;
static struct sb_key K;
static struct sb_buf out = SB_BUF_INIT(1 << 20);
static const char *txt;

#define HEX1 "11111111111111111111111111111111"
#define HEX2 "22222222222222222222222222222222"

/* Scrub t; the output text. */
static const char *
scrub_g(const char *cc, const struct sb_scrub_person *p, size_t np,
    const struct sb_scrub_gaz *g, const char *t)
{
	struct sb_err e = {0};

	txt = t;
	sb_buf_reset(&out);
	if (sb_scrub_text(S, W, cc, p, np, g, t, strlen(t), &out, &e) != SB_OK)
		return NULL;
	return out.data != NULL ? out.data : "";
}

static const char *
scrub(const char *cc, const struct sb_scrub_person *p, size_t np,
    const char *t)
{
	return scrub_g(cc, p, np, NULL, t);
}

/* The type name of the hit covering all of sub (first occurrence in the
 * last text scrubbed), or "none". */
static const char *
cover(const char *sub)
{
	const struct sb_scrub_hit *h;
	const char *p = strstr(txt, sub);
	size_t n, i, s, e;

	if (p == NULL)
		return "absent";
	s = (size_t)(p - txt);
	e = s + strlen(sub);
	h = sb_scrub_hits(W, &n);
	for (i = 0; i < n; i++)
		if (h[i].start <= s && h[i].end >= e)
			return sb_scrub_type_name(h[i].type);
	return "none";
}

/* The token hex of the hit covering sub, or "". */
static const char *
hex_of(const char *sub)
{
	const struct sb_scrub_hit *h;
	const char *p = strstr(txt, sub);
	size_t n, i, s;

	if (p == NULL)
		return "";
	s = (size_t)(p - txt);
	h = sb_scrub_hits(W, &n);
	for (i = 0; i < n; i++)
		if (h[i].start <= s && h[i].end > s)
			return h[i].token_hex;
	return "";
}

/* The hex of the structured token of a value. */
static const char *
structured(const char *type, const char *scheme, const char *cc,
    const char *v, char *buf)
{
	char norm[128], tok[SB_PSEUDO_TOKEN_MAX];
	int n = sb_pseudo_normalise(type, scheme, cc, v, strlen(v), norm,
	    sizeof norm);

	if (n < 0 || sb_pseudo_token(&K, type, norm, (size_t)n, tok,
	    sizeof tok) < 0)
		return "";
	memcpy(buf, strchr(tok, ':') + 1, 33);
	return buf;
}

static bool
no_overlap(void)
{
	const struct sb_scrub_hit *h;
	size_t n, i;

	h = sb_scrub_hits(W, &n);
	for (i = 0; i < n; i++)
		if (h[i].end <= h[i].start || (i > 0 && h[i].start <
		    h[i - 1].end))
			return false;
	return true;
}

static void
identifiers(void)
{
	char b[40];

	scrub("BG", NULL, 0, "Пише на ivan.petrov88@example.org вечер.");
	is_str(cover("ivan.petrov88@example.org"), "email", "e-mail");
	ok(strstr(out.data, "[EMAIL:") != NULL && strstr(out.data,
	    "example") == NULL, "e-mail replaced by its placeholder");
	is_str(hex_of("ivan"), structured("email", NULL, NULL,
	    "Ivan.Petrov88@Example.org", b), "e-mail token = structured token");

	scrub("BG", NULL, 0, "от номер 0887 123 456 и +359 88 712 3456.");
	is_str(cover("0887 123 456"), "phone", "BG national phone");
	is_str(cover("+359 88 712 3456"), "phone", "international phone");
	is_str(hex_of("0887"), hex_of("+359"),
	    "one phone written two ways: one token");
	is_str(hex_of("0887"), structured("phone", NULL, "BG", "0887123456",
	    b), "phone token = structured token");
	scrub("RO", NULL, 0, "numărul +40 (0)769 481 026 și 0040769481026.");
	is_str(cover("+40 (0)769 481 026"), "phone", "trunk (0) in brackets");
	is_str(cover("0040769481026"), "phone", "00 prefix");
	scrub("BE", NULL, 0, "vanaf het nummer 0460-12-12-33.");
	is_str(cover("0460-12-12-33"), "phone", "dashed BE phone, no date");
	scrub("PL", NULL, 0, "z numeru 507 212 681.");
	is_str(cover("507 212 681"), "phone", "PL national phone");

	scrub("BG", NULL, 0, "по сметка BG80 BNBG 9661 1020 3456 78 на");
	is_str(cover("BG80 BNBG 9661 1020 3456 78"), "iban", "IBAN");
	is_str(hex_of("BG80"), structured("iban", NULL, NULL,
	    "BG80BNBG96611020345678", b), "IBAN token = structured token");
	scrub("BG", NULL, 0, "по сметка BG81 BNBG 9661 1020 3456 78 на");
	is_str(cover("9661 1020 3456 78"), "number",
	    "an IBAN failing mod-97: its digits still scrubbed");

	scrub("IT", NULL, 0, "con la carta 4111 1111 1111 1111.");
	is_str(cover("4111 1111 1111 1111"), "card", "card (Luhn)");
	scrub("IT", NULL, 0, "con la carta 4111 1111 1111 1112.");
	is_str(cover("4111 1111 1111 1112"), "number",
	    "card failing Luhn -> number");

	scrub("BG", NULL, 0, "Иван, ЕГН 7523169263, е задържан.");
	is_str(cover("7523169263"), "national_id", "EGN");
	ok(strstr(out.data, "ЕГН [NATIONAL_ID:") != NULL,
	    "the label stays, the number goes");
	is_str(hex_of("7523169263"), structured("national_id", "EGN", "BG",
	    "7523169263", b), "EGN token = structured {national_id, EGN}");
	scrub("BG", NULL, 0, "Иван, ЕГН 7523169264, е задържан.");
	is_str(cover("7523169264"), "number", "EGN with a bad check -> number");
	ok(strstr(out.data, "7523169264") == NULL, "and not left in");
	scrub("PL", NULL, 0, "PESEL 44051401359 oraz CNP 1800101221144.");
	is_str(cover("44051401359"), "national_id", "PESEL");
	is_str(cover("1800101221144"), "national_id",
	    "a Romanian CNP in a Polish record");
	scrub("IT", NULL, 0, "codice fiscale RSSMRA85T10A562S, nato");
	is_str(cover("RSSMRA85T10A562S"), "national_id", "codice fiscale");
	scrub("BE", NULL, 0, "born 19/05/1993, NN 93.05.18-223.61, was");
	is_str(cover("93.05.18-223.61"), "national_id", "Belgian NN, dotted");
	is_str(cover("19/05/1993"), "date", "and the date beside it");
	scrub("FI", NULL, 0, "(syntynyt 13.10.1952, henkilötunnus 131052-308T)");
	is_str(cover("131052-308T"), "national_id", "HETU");
	scrub("PT", NULL, 0, "NIF 999 999 990, residente");
	is_str(cover("999 999 990"), "national_id", "labelled NIF");
	scrub("RO", NULL, 0, "dosarul 123456/2020 a fost");
	is_str(cover("123456/2020"), "number", "any long number -> number");

	scrub("BG", NULL, 0, "притежател на паспорт № 382145610.");
	is_str(cover("382145610"), "passport", "passport after its word");
	is_str(hex_of("382145610"), structured("passport", NULL, "BG",
	    "382145610", b), "passport token = structured token");
	scrub("PL", NULL, 0, "posiadacza paszportu nr AB1234567.");
	is_str(cover("AB1234567"), "passport",
	    "a passport of another country's shape is still a passport");
	scrub("PL", NULL, 0, "sprawa nr 1111 2222 3333 4445 z");
	is_str(cover("1111 2222 3333 4445"), "number",
	    "a long grouped number reading as nothing: one number");

	scrub("BG", NULL, 0, "с рег. № СА 1234 АВ, управляван");
	is_str(cover("СА 1234 АВ"), "plate", "BG plate in Cyrillic letters");
	is_str(hex_of("СА 1234"), structured("plate", NULL, "BG", "CA1234AB",
	    b), "Cyrillic plate token = Latin structured token");
	scrub("IT", NULL, 0, "un'auto targata AB 123 CD, guidata");
	is_str(cover("AB 123 CD"), "plate", "IT plate");
	scrub("FI", NULL, 0, "rekisteritunnus on ZOT-767; autoa");
	is_str(cover("ZOT-767"), "plate", "FI plate");

	scrub("IT", NULL, 0, "IP 192.168.10.200 e 2001:db8::1 e http://x.example/a?b=1.");
	is_str(cover("192.168.10.200"), "ip", "IPv4");
	is_str(cover("2001:db8::1"), "ip", "IPv6");
	is_str(cover("http://x.example/a?b=1"), "url", "URL");
	ok(strstr(out.data, "[URL].") != NULL, "URL without its full stop");
	scrub("IT", NULL, 0, "il profilo @Ivan_88 su");
	is_str(cover("@Ivan_88"), "handle", "handle");
	is_str(hex_of("@Ivan"), structured("handle", NULL, NULL, "ivan_88", b),
	    "handle token = structured token");
	ok(no_overlap(), "hits in order, not overlapping");
}

static void
dates_addresses(void)
{
	static const struct {
		const char *cc, *text, *date;
	} d[] = {
	    {"BG", "роден на 5 декември 2020 г., е", "5 декември 2020"},
	    {"GR", "γεννημένη στις 2 Δεκεμβρίου 2008, ταυτοποιήθηκε",
		"2 Δεκεμβρίου 2008"},
	    {"FI", "(syntynyt 5. joulukuuta 2020) tunnistettiin",
		"5. joulukuuta 2020"},
	    {"IT", "nata in data 12 marzo 2019, è", "12 marzo 2019"},
	    {"PL", "urodzona 25 sierpnia 2006 r., została",
		"25 sierpnia 2006"},
	    {"PT", "nascida em 5 de março de 2011, foi",
		"5 de março de 2011"},
	    {"RO", "născută la 13 noiembrie 2012, a", "13 noiembrie 2012"},
	    {"BE", "née le 1er janvier 2010, a été", "1er janvier 2010"},
	    {"BE", "geboren op 29 november 2024, werd", "29 november 2024"},
	    {"BE", "born on March 12, 2019, was", "March 12, 2019"},
	    {"BG", "на 22.08.2025 г.", "22.08.2025"},
	    {"FI", "syntynyt 5.3.2020 tunnistettiin", "5.3.2020"},
	    {"BE", "op 15-10-2026 gearresteerd", "15-10-2026"},
	    {"GR", "στις 10/4/2020 η", "10/4/2020"},
	    {"IT", "in data 2020-09-12 la", "2020-09-12"},
	};
	static const struct {
		const char *cc, *text, *addr;
	} a[] = {
	    {"BG", "с адрес ул. „Христо Ботев“ 80, вх. Б, София.",
		"ул. „Христо Ботев“ 80, вх. Б"},
	    {"IT", "residente in via Roma 12, Milano.", "via Roma 12"},
	    {"PL", "zam. ul. Długa 5/4, Kraków.", "ul. Długa 5/4"},
	    {"PT", "com residência em Rua de Santa Catarina, 12, Porto.",
		"Rua de Santa Catarina, 12"},
	    {"BE", "domiciliée rue de la Loi 16, Bruxelles.", "rue de la Loi 16"},
	    {"FI", "osoite Hämeenkatu 5 A 3, Tampere.", "Hämeenkatu 5 A 3"},
	    {"RO", "cu domiciliul în str. Avram Iancu nr. 65, Cluj.",
		"str. Avram Iancu nr. 65"},
	    {"GR", "με διεύθυνση κατοικίας Αγίου Δημητρίου 70.",
		"Αγίου Δημητρίου 70"},
	};
	size_t i;

	for (i = 0; i < sizeof d / sizeof d[0]; i++) {
		scrub(d[i].cc, NULL, 0, d[i].text);
		is_str(cover(d[i].date), "date", "date %s", d[i].date);
	}
	ok(strstr(out.data, "[DATE]") != NULL, "dates written bare");
	for (i = 0; i < sizeof a / sizeof a[0]; i++) {
		scrub(a[i].cc, NULL, 0, a[i].text);
		is_str(cover(a[i].addr), "address", "address %s", a[i].addr);
	}
	scrub("GR", NULL, 0, "Στις 21 Νοεμβρίου 2023 η αστυνομία");
	is_str(cover("21 Νοεμβρίου 2023"), "date",
	    "a capitalised word before a date is no street");
}

static void
names(void)
{
	struct sb_scrub_person bg[2] = {{"Николай", "Петров", NULL, 0, NULL,
	    HEX1}, {"Мария", "Раковска", NULL, 0, NULL, HEX2}};
	struct sb_scrub_person lat[1] = {{"Nikolai", "Petrov", NULL, 0, NULL,
	    HEX1}};
	struct sb_scrub_person pl[1] = {{"Jan", "Kowalski", NULL, 0, NULL,
	    HEX1}};
	struct sb_scrub_person el[1] = {{"Γιώργος", "Παπαδόπουλος", NULL, 0,
	    NULL, HEX1}};
	struct sb_scrub_person fi[1] = {{"Matti", "Virtanen", NULL, 0, NULL,
	    HEX1}};
	struct sb_scrub_person ro[1] = {{"Maria", "Popescu", NULL, 0, NULL,
	    HEX1}};
	const char *alias[] = {"Кольо"};
	struct sb_scrub_person nick[1] = {{"Николай", "Петров", alias, 1,
	    NULL, HEX1}};

	scrub("BG", bg, 2, "Николай Петров се обаждал на Мария Раковска.");
	is_str(cover("Николай Петров"), "person", "full name, Cyrillic");
	ok(strstr(out.data, "[PERSON:" HEX1 "] се обаждал на [PERSON:" HEX2
	    "].") != NULL, "each person's own token in the placeholder");
	scrub("BG", bg, 2, "Н. Раковски и М. Раковска");
	is_str(cover("М. Раковска"), "person", "initial and family name");
	is_str(cover("Мария"), "absent", "(sanity)");
	scrub("BG", bg, 2, "Показанията на Петрова и Петрови.");
	is_str(cover("Петрова"), "person", "feminine form of the family");
	is_str(cover("Петрови"), "person", "plural form");
	scrub("BE", bg, 2, "Nikolay Petrov and Mariya Rakovska met.");
	is_str(cover("Nikolay Petrov"), "person",
	    "Cyrillic record, Latin text");
	is_str(cover("Mariya Rakovska"), "person", "another transliteration");
	scrub("BG", lat, 1, "Николай Петров заяви");
	is_str(cover("Николай Петров"), "person", "Latin record, Cyrillic text");
	scrub("PL", lat, 1, "Petrowi, Petrova's car, PETROV, I. Petrov.");
	is_str(cover("Petrowi"), "person", "Polish dative, w for v");
	is_str(cover("Petrova"), "person", "English possessive");
	is_str(cover("PETROV"), "person", "upper case");
	is_str(cover("I. Petrov"), "person", "Latin initial");
	scrub("BG", lat, 1, "контакт с Николая и Nikolaya");
	is_str(cover("Николая"), "person", "Bulgarian object form");
	is_str(cover("Nikolaya"), "person", "its transliteration");
	scrub("PL", pl, 1, "w sprawie Jana Kowalskiego z Kowalskim");
	is_str(cover("Jana Kowalskiego"), "person", "Polish genitive");
	is_str(cover("Kowalskim"), "person", "Polish instrumental");
	scrub("GR", el, 1, "το διαβατήριο του Γιώργου Παπαδόπουλου και τον "
	    "Γιώργο");
	is_str(cover("Γιώργου Παπαδόπουλου"), "person", "Greek genitive");
	is_str(cover("Γιώργο"), "person", "Greek accusative");
	scrub("FI", fi, 1, "Matin Virtasen tilille ja Virtaselta");
	is_str(cover("Matin Virtasen"), "person", "Finnish genitive");
	is_str(cover("Virtaselta"), "person", "Finnish ablative");
	scrub("RO", ro, 1, "telefonul Mariei Popescu, al lui Popescu");
	is_str(cover("Mariei Popescu"), "person", "Romanian genitive");
	is_str(cover("lui"), "none", "the article stays");
	scrub("BG", nick, 1, "Кольо е използвал профила");
	is_str(cover("Кольо"), "person", "an alias");
	scrub("BG", bg, 2, "Петров и Петрак живеят в Петрич.");
	is_str(cover("Петрич"), "none", "a town sharing the stem is kept");
	scrub("IT", pl, 1, "Ha pagato Jan.");
	is_str(cover("Jan"), "person", "given name alone");
	scrub("IT", pl, 1, "L'anno scorso, Kowalski ha pagato.");
	is_str(cover("Kowalski"), "person", "family name alone");
	is_str(cover("anno"), "none", "common words are kept");
	scrub("BG", NULL, 0, "Николай Петров");
	is_str(cover("Николай"), "none", "no persons, no names");
}

static void
gazetteer(void)
{
	struct sb_scrub_gaz *g;
	struct sb_err e = {0};
	struct sb_scrub_person a = {"Stoyan", "Dimitrov", NULL, 0, NULL, HEX2};
	struct sb_scrub_person rec = {"Ana", "Lungu", NULL, 0, NULL, HEX1};

	ok(sb_scrub_gaz_new(&g, &e) == SB_OK && sb_scrub_gaz_add(g, &a, &e) ==
	    SB_OK, "gazetteer built");
	scrub_g("RO", &rec, 1, g, "Ana Lungu l-a cunoscut pe Стоян Димитров.");
	is_str(cover("Стоян Димитров"), "person",
	    "a person of the batch, named in another record");
	is_str(hex_of("Стоян"), HEX2, "with that person's token");
	is_str(hex_of("Ana"), HEX1, "the record's own persons first");
	scrub("RO", &rec, 1, "Ana Lungu l-a cunoscut pe Стоян Димитров.");
	is_str(cover("Стоян"), "none", "without the gazetteer: not found");
	sb_scrub_gaz_free(g);
}

static void
misc(void)
{
	struct sb_err e = {0};
	const char bad[] = "abc \xff\xfe 1234567";
	size_t n;

	is_str(scrub("IT", NULL, 0, "Nessun dato qui."), "Nessun dato qui.",
	    "plain text unchanged");
	ok(sb_scrub_hits(W, &n) != NULL || n == 0, "no hits");
	ok(n == 0, "zero hits");
	is_str(scrub("IT", NULL, 0, ""), "", "empty text");
	sb_buf_reset(&out);
	ok(sb_scrub_text(S, W, "IT", NULL, 0, NULL, bad, sizeof bad - 1, &out,
	    &e) == SB_FATAL && strstr(e.msg, "1234567") == NULL,
	    "invalid UTF-8: fatal, and the message holds no data");
	is_str(sb_scrub_type_name(SB_SCRUB_NATIONAL_ID), "national_id",
	    "type names");
	ok(sb_scrub_type_name(SB_SCRUB_NTYPES) == NULL, "out of range: NULL");
	scrub("BG", NULL, 0, "Тел. +359 88 712 3456; сметка BE71 0961 2345 "
	    "6769, карта 4111-1111-1111-1111, ЕГН 7523169263.");
	ok(no_overlap(), "a dense sentence: hits in order, no overlap");
	ok(strstr(out.data, "[PHONE:") && strstr(out.data, "[IBAN:") &&
	    strstr(out.data, "[CARD:") && strstr(out.data, "[NATIONAL_ID:"),
	    "every placeholder typed: %s", out.data);
}

/* What the speed-ups must not change: more persons than a mask holds,
 * tokens of cards and IP addresses, a street keyword with no number. */
static void
speed(void)
{
	static struct sb_scrub_person many[300];
	static char given[300][16], family[300][16], hex[300][33];
	struct sb_scrub_person twins[2] = {
	    {"Marek", "Nowak", NULL, 0, NULL, HEX1},
	    {"Ewa", "Nowak", NULL, 0, NULL, HEX2}};
	char buf[33], big[4096];
	size_t i;

	for (i = 0; i < 300; i++) {
		/* Made-up names, three consonants from the index. */
		static const char c[] = "bdfgklmnpr";
		snprintf(given[i], sizeof given[i], "Zo%ca%ce%c", c[i / 100],
		    c[i / 10 % 10], c[i % 10]);
		snprintf(family[i], sizeof family[i], "Vu%ca%cu%cov",
		    c[i / 100], c[i / 10 % 10], c[i % 10]);
		snprintf(hex[i], sizeof hex[i], "%032zx", i + 1);
		many[i] = (struct sb_scrub_person){given[i], family[i], NULL,
		    0, NULL, hex[i]};
	}
	snprintf(big, sizeof big, "Seen: %s %s, %s %s and %s %s.", given[3],
	    family[3], given[100], family[100], given[299], family[299]);
	scrub("PL", many, 300, big);
	is_str(cover(given[299]), "person", "the 300th person's name");
	is_str(hex_of(given[299]), hex[299], "with the 300th person's token");
	is_str(hex_of(given[100]), hex[100], "the 101st person's token");
	is_str(hex_of(given[3]), hex[3], "the 4th person's token");
	ok(strstr(out.data, "Zo") == NULL && strstr(out.data, "Vu") == NULL,
	    "no name of 300 persons left: %s", out.data);

	scrub("PL", twins, 2, "Pani Nowak i Marka widziano.");
	is_str(hex_of("Nowak"), HEX1, "a name two persons share: the first's");
	is_str(cover("Marka"), "person", "an inflected -ek name");

	scrub("IT", NULL, 0, "Carta 4111 1111 1111 1111 da 2001:DB8:0:0::1.");
	is_str(cover("4111 1111 1111 1111"), "card", "a card");
	is_str(hex_of("4111 1111"), structured("card", NULL, NULL,
	    "4111111111111111", buf), "its token is the structured card's");
	is_str(hex_of("2001:DB8"), structured("ip", NULL, NULL, "2001:db8::1",
	    buf), "IPv6 token is the structured one's");
	scrub("IT", NULL, 0, "Da 192.168.10.200 ieri.");
	is_str(hex_of("192.168"), structured("ip", NULL, NULL,
	    "192.168.10.200", buf), "IPv4 token is the structured one's");

	/* A keyword followed by long words and no number used to try every
	 * way of cutting them; it must still end, find nothing there, and
	 * find the address that follows. */
	snprintf(big, sizeof big, "Passato via %s ieri, poi in via Roma 12.",
	    "Abcdefghijklmnopqrstuvwxyz Abcdefghijklmnopqrstuvwxyz "
	    "Abcdefghijklmnopqrstuvwxyz Abcdefghijklmnopqrstuvwxyz");
	scrub("IT", NULL, 0, big);
	is_str(cover("Abcdefghijklmnopqrstuvwxyz"), "none",
	    "a keyword with no number is no address");
	is_str(cover("via Roma 12"), "address", "the address after it");
	scrub("RO", NULL, 0, "Locuieste pe Str. Mihai Eminescu nr. 14, Iasi.");
	is_str(cover("Str. Mihai Eminescu nr. 14"), "address",
	    "keyword, words, nr, number");
	scrub("PL", NULL, 0, "UL. KWIATOWA 5 w Gdansku.");
	is_str(cover("UL. KWIATOWA 5"), "address", "a keyword in capitals");
}

int
main(void)
{
	char dir[] = "/tmp/sb-scrub.XXXXXX", kp[64];
	struct sb_err e = {0};

	if (mkdtemp(dir) == NULL)
		return 2;
	snprintf(kp, sizeof kp, "%s/k", dir);
	if (sb_key_generate(kp, &e) != SB_OK || sb_key_load(&K, kp, &e) !=
	    SB_OK)
		return 2;
	unlink(kp);
	rmdir(dir);
	ok(sb_scrub_new(&S, &K, &e) == SB_OK && sb_scrub_work_new(&W, &e) ==
	    SB_OK, "scrubber and work area made");
	identifiers();
	dates_addresses();
	names();
	gazetteer();
	misc();
	speed();
	sb_scrub_work_free(W);
	sb_scrub_free(S);
	sb_buf_release(&out);
	sb_names_release();
	u_cleanup();	/* ICU's own caches, so valgrind sees no leak */
	return tap_done();
}
