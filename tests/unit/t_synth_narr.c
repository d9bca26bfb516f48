/* sb_synth_narr: narratives with exact spans, in every language. */
#include <iconv.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "sb_names.h"
#include "sb_ids.h"
#include "sb_rng.h"
#include "sb_synth_narr.h"
#include "tap.h"

#define NSEEDS 50

static const char *const langs[] = {
    "bg", "el", "fi", "it", "pl", "pt", "ro", "fr", "nl", "en"};
/* The export's country and a legacy encoding for each language. */
static const char *const lang_cc[] = {
    "BG", "GR", "FI", "IT", "PL", "PT", "RO", "BE", "BE", "BG"};
static const char *const lang_enc[] = {"windows-1251", "windows-1253",
    "windows-1252", "windows-1252", "windows-1250", "windows-1252",
    "windows-1250", "windows-1252", "windows-1252", "UTF-8"};
#define NLANG (sizeof langs / sizeof langs[0])

static void
copy(char *d, size_t cap, const char *s)
{
	size_t l = strnlen(s, cap - 1);

	memcpy(d, s, l);
	d[l] = '\0';
}

/* A narrative as a TAP comment, line breaks shown as \n. */
static void
diag(const char *lang, const char *text)
{
	printf("# %s: ", lang);
	for (; *text != '\0'; text++)
		if (*text == '\n')
			fputs("\\n", stdout);
		else
			putchar(*text);
	putchar('\n');
}

static const char *const types[] = {"person", "phone", "email", "iban", "card",
    "national_id", "passport", "plate", "ip", "handle", "address", "date"};
#define NTYPES (sizeof types / sizeof types[0])

static struct sb_rng gen; /* for identifiers of the hand-made persons */

static void
person(struct sb_syn_person *p, uint32_t id, const char *cc, char sex, int y,
    int m, int d, const char *given, const char *family, const char *locality)
{
	memset(p, 0, sizeof(*p));
	p->id = id;
	copy(p->cc, sizeof p->cc, cc);
	p->sex = sex;
	p->year = y;
	p->month = m;
	p->day = d;
	copy(p->given, sizeof p->given, given);
	copy(p->family, sizeof p->family, family);
	copy(p->locality, sizeof p->locality, locality);
	p->role = "victim";
}

static void
addid(struct sb_syn_person *p, const char *type, const char *scheme,
    const char *cc, const char *value)
{
	struct sb_syn_id *id;

	if (p->nids >= SB_SYN_MAX_IDS || value[0] == '\0')
		return;
	id = &p->ids[p->nids++];
	id->type = type;
	copy(id->scheme, sizeof id->scheme, scheme);
	copy(id->country, sizeof id->country, cc);
	copy(id->value, sizeof id->value, value);
}

static void
natid(struct sb_syn_person *p, enum sb_id_scheme sch)
{
	struct sb_id_person ip = {
	    p->year, p->month, p->day, p->sex, NULL, NULL, NULL};
	char buf[SB_ID_BUFSZ];

	if (sb_id_generate(sch, &ip, sb_rng_fn, &gen, buf, sizeof buf) < 0)
		buf[0] = '\0';
	addid(p, "national_id", sb_id_scheme_name(sch),
	    sb_id_scheme_country(sch), buf);
}

static void
gen_ids(struct sb_syn_person *p, const char *cc, bool money)
{
	char buf[SB_ID_BUFSZ];

	if (sb_phone_generate(cc, sb_rng_fn, &gen, buf, sizeof buf) > 0)
		addid(p, "phone", "", cc, buf);
	if (money) {
		if (sb_iban_generate(cc, sb_rng_fn, &gen, buf, sizeof buf) > 0)
			addid(p, "iban", "", "", buf);
		if (sb_card_generate(sb_rng_fn, &gen, buf, sizeof buf) > 0)
			addid(p, "card", "", "", buf);
		if (sb_plate_generate(cc, sb_rng_fn, &gen, buf, sizeof buf) >
		    0) {
			/* GR in canonical form, the others as written. */
			char can[SB_ID_BUFSZ];
			if (strcmp(cc, "GR") == 0 &&
			    sb_plate_canonical(
			        cc, buf, strlen(buf), can, sizeof can) > 0)
				memcpy(buf, can, sizeof buf);
			addid(p, "plate", "", cc, buf);
		}
	}
}

static void
mention(struct sb_syn_case *c, const struct sb_syn_person *p, const char *role)
{
	struct sb_syn_mention *m = &c->men[c->nmen++];

	memset(m, 0, sizeof(*m));
	m->p = p;
	m->role = role;
	copy(m->given, sizeof m->given, p->given);
	copy(m->family, sizeof m->family, p->family);
	snprintf(
	    m->dob, sizeof m->dob, "%04d-%02d-%02d", p->year, p->month, p->day);
	m->age = -1;
}

static void
facts(struct sb_syn_case *c)
{
	static const char *const evt[] = {
	    "Recruitment", "Transit", "Exploitation"};
	static const char *const evd[] = {
	    "2023-03-12", "2023-04", "2023-04-20"};
	static const char *const evl[] = {"Kraków", "София", "Αθήνα"};
	static const char *const evc[] = {"PL", "BG", "GR"};

	snprintf(c->opened, sizeof c->opened, "2023-06-01");
	snprintf(c->from, sizeof c->from, "2023-03-01");
	snprintf(c->to, sizeof c->to, "2023-05-30");
	c->exploitation[0] = "SexualExploitation";
	c->nexploitation = 1;
	for (int i = 0; i < 3; i++) {
		c->ev[i].type = evt[i];
		copy(c->ev[i].date, sizeof c->ev[i].date, evd[i]);
		copy(c->ev[i].locality, sizeof c->ev[i].locality, evl[i]);
		copy(c->ev[i].country, sizeof c->ev[i].country, evc[i]);
	}
	c->nev = 3;
}

/* The main case: a Polish girl, a Bulgarian and a Greek suspect. */
static struct sb_syn_person P[8];

static void
build_main(struct sb_syn_case *c)
{
	char buf[SB_ID_BUFSZ];

	person(
	    &P[0], 101, "PL", 'F', 2008, 5, 14, "Anna", "Kowalska", "Kraków");
	natid(&P[0], SB_ID_PL_PESEL);
	if (sb_passport_generate("PL", sb_rng_fn, &gen, buf, sizeof buf) > 0)
		addid(&P[0], "passport", "", "PL", buf);
	gen_ids(&P[0], "PL", false);
	gen_ids(&P[0], "BG", false); /* a second phone */
	addid(&P[0], "email", "", "", "anna.kowalska08@mail.example");
	addid(&P[0], "handle", "", "", "@ania_2008");

	person(&P[1], 202, "BG", 'M', 1985, 2, 3, "Иван", "Петров", "София");
	P[1].role = "recruiter";
	natid(&P[1], SB_ID_BG_EGN);
	gen_ids(&P[1], "BG", true);
	addid(&P[1], "email", "", "", "ivan.petrov85@example.org");
	addid(&P[1], "handle", "", "", "@vanko_1985");
	addid(&P[1], "ip", "", "", "185.23.14.7");

	person(&P[2], 303, "GR", 'M', 1979, 11, 23, "Γεώργιος", "Παπαδόπουλος",
	    "Θεσσαλονίκη");
	P[2].role = "exploiter";
	natid(&P[2], SB_ID_GR_AMKA);
	gen_ids(&P[2], "GR", true);
	addid(&P[2], "email", "", "", "g.papadopoulos@example.org");
	addid(&P[2], "handle", "", "", "@giorgos_1979");
	addid(&P[2], "ip", "", "", "2a02:587:1c0d::17");

	memset(c, 0, sizeof(*c));
	mention(c, &P[0], "victim");
	mention(c, &P[1], "recruiter");
	mention(c, &P[2], "exploiter");
	facts(c);
}

/* Inflection: a Romanian girl, a Polish and a Finnish suspect. */
static void
build_infl(struct sb_syn_case *c)
{
	char buf[SB_ID_BUFSZ];

	person(&P[3], 404, "RO", 'F', 2007, 8, 1, "Maria", "Popescu", "Iași");
	natid(&P[3], SB_ID_RO_CNP);
	gen_ids(&P[3], "RO", false);
	if (sb_passport_generate("RO", sb_rng_fn, &gen, buf, sizeof buf) > 0)
		addid(&P[3], "passport", "", "RO", buf);
	addid(&P[3], "email", "", "", "maria.popescu07@mail.example");
	person(&P[4], 505, "PL", 'M', 1990, 1, 9, "Jan", "Kowalski", "Łódź");
	natid(&P[4], SB_ID_PL_PESEL);
	gen_ids(&P[4], "PL", true);
	addid(&P[4], "handle", "", "", "@janek_1990");
	person(
	    &P[5], 606, "FI", 'M', 1982, 6, 30, "Matti", "Virtanen", "Tampere");
	natid(&P[5], SB_ID_FI_HETU);
	gen_ids(&P[5], "FI", true);
	addid(&P[5], "handle", "", "", "@matti_v");
	memset(c, 0, sizeof(*c));
	mention(c, &P[3], "victim");
	mention(c, &P[4], "suspect");
	mention(c, &P[5], "suspect");
	facts(c);
}

/* The longest names the mention fields hold, long places: the limits. */
static void
build_long(struct sb_syn_case *c)
{
	char g[128], f[128];
	size_t k;

	/* 127 and 126 bytes, the most the mention fields hold. */
	for (g[0] = '\0', k = 0; k < 4; k++)
		strcat(g, k == 0 ? "Мариана-Ангелина" : " Мариана-Ангелина");
	copy(f, sizeof f,
	    "Παπαδοπούλου-Κωνσταντινοπούλου-"
	    "Χατζηγεωργίου-Αναστασοπούλου-Νίκου");
	build_main(c);
	for (int i = 0; i < 3; i++) {
		copy(c->men[i].given, sizeof c->men[i].given, g);
		copy(c->men[i].family, sizeof c->men[i].family, f);
		/* 57 bytes, and the events' places too. */
		copy(P[i].locality, sizeof P[i].locality,
		    "Велико Търново-Горна Оряховица");
		copy(
		    c->ev[i].locality, sizeof c->ev[i].locality, P[i].locality);
	}
}

/* ------------------------------------------------------------------ */

static bool
utf8_ok(const char *s, size_t n)
{
	size_t i = 0, k, j;
	unsigned char b;

	while (i < n) {
		b = (unsigned char)s[i];
		k = b < 0x80             ? 1
		    : (b & 0xE0) == 0xC0 ? 2
		    : (b & 0xF0) == 0xE0 ? 3
		    : (b & 0xF8) == 0xF0 ? 4
		                         : 0;
		if (k == 0 || (k == 2 && b < 0xC2) || i + k > n)
			return false;
		for (j = 1; j < k; j++)
			if (((unsigned char)s[i + j] & 0xC0) != 0x80)
				return false;
		i += k;
	}
	return true;
}

static bool
converts(const char *s, const char *enc)
{
	iconv_t cd = iconv_open(enc, "UTF-8");
	char buf[4 * SB_SYN_NARR_MAX], *in = (char *)(uintptr_t)s, *o = buf;
	size_t il = strlen(s), ol = sizeof buf;
	bool r;

	if (cd == (iconv_t)-1)
		return false;
	r = iconv(cd, &in, &il, &o, &ol) != (size_t)-1 && il == 0;
	iconv_close(cd);
	return r;
}

/* Decode to code points, folding Greek accents and Romanian cedillas. */
static size_t
cps(const char *s, uint32_t *out, size_t max)
{
	static const uint32_t fold[][2] = {{0x3AC, 0x3B1}, {0x3AD, 0x3B5},
	    {0x3AE, 0x3B7}, {0x3AF, 0x3B9}, {0x3CC, 0x3BF}, {0x3CD, 0x3C5},
	    {0x3CE, 0x3C9}, {0x390, 0x3B9}, {0x3B0, 0x3C5}, {0x3CA, 0x3B9},
	    {0x3CB, 0x3C5}, {0x386, 0x391}, {0x388, 0x395}, {0x389, 0x397},
	    {0x38A, 0x399}, {0x38C, 0x39F}, {0x38E, 0x3A5}, {0x38F, 0x3A9},
	    {0x15E, 0x218}, {0x15F, 0x219}, {0x162, 0x21A}, {0x163, 0x21B}};
	size_t n = 0, i = 0, k, j;
	unsigned char b;
	uint32_t c;

	while (s[i] != '\0' && n < max) {
		b = (unsigned char)s[i];
		k = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
		c = k == 1 ? b : b & (0x3F >> (k - 1));
		for (j = 1; j < k && s[i + j] != '\0'; j++)
			c = c << 6 | ((unsigned char)s[i + j] & 0x3F);
		i += j;
		for (j = 0; j < sizeof fold / sizeof fold[0]; j++)
			if (fold[j][0] == c)
				c = fold[j][1];
		out[n++] = c;
	}
	return n;
}

/* A word written from a base word: equal, or an ending changed (four
 * letters cut at most, five added at most: Maciek Maćka). */
static bool
word_like(const char *got, const char *base)
{
	uint32_t g[128], b[128];
	size_t ng = cps(got, g, 128), nb = cps(base, b, 128), p = 0;

	while (p < ng && p < nb && g[p] == b[p])
		p++;
	if (p == ng && p == nb)
		return true;
	return p >= 1 && p + 4 >= nb && ng <= nb + 5;
}

static bool
is_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

/* got is base with endings changed, word by word, each word as written
 * or in ASCII. */
static bool
name_like(const char *got, const char *base)
{
	char g[512], b[512], a[512], *sg, *sb, *wg, *wb;

	copy(g, sizeof g, got);
	copy(b, sizeof b, base);
	wg = strtok_r(g, " -", &sg);
	wb = strtok_r(b, " -", &sb);
	while (wg != NULL && wb != NULL) {
		if (!word_like(wg, wb) &&
		    (is_ascii(wb) ||
		        sb_names_ascii(wb, strlen(wb), a, sizeof a) < 0 ||
		        !word_like(wg, a)))
			return false;
		wg = strtok_r(NULL, " -", &sg);
		wb = strtok_r(NULL, " -", &sb);
	}
	return wg == NULL && wb == NULL;
}

/* Is span text t a way to write the name of mention m: the name as
 * written, the given or family name, the initial and family name, a
 * nickname of the given name as written or of the true one? */
static bool
person_ok(const struct sb_syn_mention *m, const char *t)
{
	char base[24][300], first[128];
	const char *const *nk;
	const char *src[2] = {m->given, m->p->given};
	size_t nn, nb = 0, i, k;

	snprintf(base[nb++], 300, "%s %s", m->given, m->family);
	copy(base[nb++], 300, m->given);
	copy(base[nb++], 300, m->family);
	k = strlen(m->given) > 0 ? ((unsigned char)m->given[0] < 0x80 ? 1 : 2)
	                         : 0;
	snprintf(base[nb++], 300, "%.*s. %s", (int)k, m->given, m->family);
	/* The initial of the ASCII form: Γγρηγόριος, Ngregorios, N. */
	if (sb_names_ascii(m->given, strlen(m->given), first, sizeof first) > 0)
		snprintf(base[nb++], 300, "%c. %s", first[0], m->family);
	for (int s = 0; s < 2; s++) {
		copy(first, sizeof first, src[s]);
		if ((nk = sb_names_nicknames(first, &nn)) != NULL)
			for (i = 0; i < nn && nb < 24; i++)
				copy(base[nb++], 300, nk[i]);
		first[strcspn(first, " -")] = '\0';
		if ((nk = sb_names_nicknames(first, &nn)) != NULL)
			for (i = 0; i < nn && nb < 24; i++)
				copy(base[nb++], 300, nk[i]);
	}
	for (i = 0; i < nb; i++)
		if (name_like(t, base[i]))
			return true;
	return false;
}

static const struct sb_syn_id *
find_id(const struct sb_syn_person *p, const char *type, const char *t)
{
	char out[SB_ID_BUFSZ], can[SB_ID_BUFSZ];
	size_t n = strlen(t), i, k;

	for (int j = 0; j < p->nids; j++) {
		const struct sb_syn_id *id = &p->ids[j];
		if (strcmp(id->type, type) != 0)
			continue;
		if (strcmp(type, "phone") == 0) {
			if (sb_phone_e164(t, n, id->country, out, sizeof out) >
			        0 &&
			    strcmp(out, id->value) == 0)
				return id;
		} else if (strcmp(type, "iban") == 0) {
			if (sb_iban_valid(t, n) &&
			    sb_iban_canonical(t, n, out, sizeof out) > 0 &&
			    strcmp(out, id->value) == 0)
				return id;
		} else if (strcmp(type, "card") == 0) {
			for (i = 0, k = 0; t[i] != '\0' && k + 1 < sizeof out;
			     i++)
				if (t[i] >= '0' && t[i] <= '9')
					out[k++] = t[i];
			out[k] = '\0';
			if (sb_card_valid(t, n) && strcmp(out, id->value) == 0)
				return id;
		} else if (strcmp(type, "national_id") == 0) {
			int s = sb_id_scheme_by_name(id->scheme);
			if (s >= 0 && sb_id_valid(s, t, n) &&
			    sb_id_canonical(s, t, n, out, sizeof out) > 0 &&
			    sb_id_canonical(s, id->value, strlen(id->value),
			        can, sizeof can) > 0 &&
			    strcmp(out, can) == 0)
				return id;
		} else if (strcmp(type, "passport") == 0) {
			if (sb_passport_valid(id->country, t, n) &&
			    strcmp(t, id->value) == 0)
				return id;
		} else if (strcmp(type, "plate") == 0) {
			if (sb_plate_canonical(
			        id->country, t, n, out, sizeof out) > 0 &&
			    sb_plate_canonical(id->country, id->value,
			        strlen(id->value), can, sizeof can) > 0 &&
			    strcmp(out, can) == 0)
				return id;
		} else if (strcmp(t, id->value) == 0) {
			return id; /* email, ip, handle */
		}
	}
	return NULL;
}

static int
type_index(const char *type)
{
	for (size_t i = 0; i < NTYPES; i++)
		if (type != NULL && strcmp(type, types[i]) == 0)
			return (int)i;
	return -1;
}

/* Person span texts seen, for the inflection checks. */
static char seen[NLANG][256][300];
static int nseen[NLANG];
static char lui_before[NLANG];

static void
remember(int li, const char *t)
{
	for (int i = 0; i < nseen[li]; i++)
		if (strcmp(seen[li][i], t) == 0)
			return;
	if (nseen[li] < 256)
		copy(seen[li][nseen[li]++], 300, t);
}

static bool
saw(int li, const char *t)
{
	for (int i = 0; i < nseen[li]; i++)
		if (strcmp(seen[li][i], t) == 0)
			return true;
	return false;
}

static bool
saw_sub(int li, const char *t)
{
	for (int i = 0; i < nseen[li]; i++)
		if (strstr(seen[li][i], t) != NULL)
			return true;
	return false;
}

/* Check one narrative; returns a reason or NULL.  types_seen gets the
 * span types. */
static const char *
check(const struct sb_syn_case *c, int li, bool strict, bool *types_seen)
{
	size_t len = strlen(c->narrative), prev = 0;
	char t[SB_SYN_NARR_MAX];

	if (len >= SB_SYN_NARR_MAX)
		return "text too long";
	if (!utf8_ok(c->narrative, len))
		return "not UTF-8";
	if (c->nspans < 0 || c->nspans > SB_SYN_MAX_SPANS)
		return "span count";
	if (c->lang == NULL || strcmp(c->lang, langs[li]) != 0)
		return "c->lang";
	for (int i = 0; i < c->nspans; i++) {
		const struct sb_syn_span *s = &c->spans[i];
		const struct sb_syn_mention *m = NULL;
		int ti = type_index(s->type);

		if (ti < 0)
			return "unknown span type";
		if (s->start >= s->end || s->end > len || s->start < prev)
			return "span out of the text or overlapping";
		prev = s->end;
		memcpy(t, c->narrative + s->start, s->end - s->start);
		t[s->end - s->start] = '\0';
		if (!utf8_ok(t, strlen(t)))
			return "span cuts a character";
		if (types_seen != NULL)
			types_seen[ti] = true;
		for (int k = 0; k < c->nmen; k++)
			if (c->men[k].p->id == s->person)
				m = &c->men[k];
		if (strcmp(s->type, "date") == 0) {
			if (strpbrk(t, "0123456789") == NULL)
				return "date without digits";
			if (s->person != 0 && m == NULL)
				return "date of nobody";
			continue;
		}
		if (m == NULL)
			return "span of nobody";
		if (strcmp(s->type, "person") == 0) {
			if (strncmp(t, "lui ", 4) == 0)
				return "lui inside the span";
			if (s->start >= 4 &&
			    memcmp(c->narrative + s->start - 4, "lui ", 4) == 0)
				lui_before[li] = 1;
			if (strict && !person_ok(m, t)) {
				printf("# name '%s'\n", t);
				return "name not a form of the mention";
			}
			remember(li, t);
		} else if (strcmp(s->type, "address") == 0) {
			if (strpbrk(t, "0123456789") == NULL || strlen(t) < 5)
				return "address without a number";
		} else if (strict && find_id(m->p, s->type, t) == NULL) {
			printf("# %s '%s'\n", s->type, t);
			return "identifier does not validate";
		}
	}
	return NULL;
}

/* A thread writing the same narrative over and over. */
struct job {
	struct sb_syn_case *c;
	const char *lang, *enc;
};

static void *
job_run(void *arg)
{
	struct job *j = arg;
	struct sb_rng r;

	for (int i = 0; i < 20; i++) {
		sb_rng_seed(&r, "threads");
		if (sb_synth_narrative(j->c, j->lang, j->enc, &r) != SB_OK)
			j->c->narrative[0] = '\0';
	}
	sb_synth_narr_release();
	return NULL;
}

int
main(void)
{
	struct sb_syn_case *c = malloc(sizeof(*c)), *d = malloc(sizeof(*d));
	struct sb_rng r;
	char seed[32];
	bool tseen[NTYPES];
	const char *why;
	int n;

	if (c == NULL || d == NULL)
		return 1;
	sb_rng_seed(&gen, "t_synth_narr ids");
	for (size_t li = 0; li < NLANG; li++) {
		n = sb_synth_narr_templates(langs[li]);
		ok(n >= 8, "%s: %d templates, all well formed", langs[li], n);
	}
	ok(sb_synth_narr_templates("xx") == -1, "unknown language: -1");

	/* Every language, 50 seeds, the export's legacy encoding. */
	for (size_t li = 0; li < NLANG; li++) {
		int bad = 0, enc_bad = 0, nonempty = 0;
		size_t longest = 0;
		const char *first = NULL;

		memset(tseen, 0, sizeof tseen);
		for (int sd = 0; sd < NSEEDS; sd++) {
			build_main(c);
			copy(c->cc, sizeof c->cc, lang_cc[li]);
			snprintf(seed, sizeof seed, "narr %d", sd);
			sb_rng_seed(&r, seed);
			if (sb_synth_narrative(
			        c, langs[li], lang_enc[li], &r) != SB_OK) {
				bad++;
				continue;
			}
			if (sd == 0)
				diag(langs[li], c->narrative);
			if ((why = check(c, (int)li, true, tseen)) != NULL) {
				if (first == NULL)
					first = why;
				bad++;
			}
			if (!converts(c->narrative, lang_enc[li]))
				enc_bad++;
			nonempty += c->nspans > 0;
			if (strlen(c->narrative) > longest)
				longest = strlen(c->narrative);
		}
		ok(bad == 0, "%s: %d narratives, spans exact%s%s", langs[li],
		    NSEEDS, first ? ": " : "", first ? first : "");
		ok(enc_bad == 0, "%s: every text converts to %s", langs[li],
		    lang_enc[li]);
		ok(nonempty == NSEEDS, "%s: every narrative has spans",
		    langs[li]);
		ok(longest > 400, "%s: narratives up to %zu bytes", langs[li],
		    longest);
		for (size_t ti = 0; ti < NTYPES; ti++)
			ok(tseen[ti], "%s: plants %s spans", langs[li],
			    types[ti]);
	}

	/* Names in forms: initials, nicknames, scripts, inflections. */
	ok(saw(0, "И. Петров"), "bg: initial and family name");
	ok(saw(0, "Ваньо") || saw(0, "Ванко") || saw(0, "Ванката"),
	    "bg: a nickname");
	ok(saw(0, "Georgios Papadopoulos") || saw(0, "Georgios") ||
	        saw(0, "Papadopoulos"),
	    "bg: a Greek name in ASCII for cp1251");
	ok(saw(1, "Ivan Petrov") || saw(1, "Ivan") || saw(1, "Petrov"),
	    "el: a Cyrillic name in ASCII for cp1253");
	ok(saw_sub(1, "Γιώργου") || saw_sub(1, "Γεωργίου") ||
	        saw_sub(1, "Παπαδοπούλου") || saw_sub(1, "Γιώργη"),
	    "el: a genitive (του Γιώργου)");
	ok(saw_sub(1, "Γιώργο ") || saw(1, "Γιώργο") ||
	        saw_sub(1, "Παπαδόπουλο") || saw(1, "Γεώργιο"),
	    "el: an accusative (τον Γιώργο)");
	ok(saw(4, "Anną"), "pl: instrumental (z Anną)");
	ok(saw_sub(4, "Kowalskiej"), "pl: feminine genitive (Kowalskiej)");
	ok(saw_sub(4, "Petrova") || saw_sub(4, "Ivana"),
	    "pl: an ASCII name inflected (Ivana Petrova)");

	/* Inflection of Romanian, Polish and Finnish names. */
	memset(nseen, 0, sizeof nseen);
	memset(lui_before, 0, sizeof lui_before);
	for (int li = 0; li < (int)NLANG; li++) {
		int bad = 0;
		const char *first = NULL;
		if (strcmp(langs[li], "ro") != 0 &&
		    strcmp(langs[li], "pl") != 0 &&
		    strcmp(langs[li], "fi") != 0)
			continue;
		for (int sd = 0; sd < NSEEDS; sd++) {
			build_infl(c);
			copy(c->cc, sizeof c->cc, lang_cc[li]);
			snprintf(seed, sizeof seed, "infl %d", sd);
			sb_rng_seed(&r, seed);
			why = sb_synth_narrative(c, langs[li], "UTF-8", &r) !=
			        SB_OK
			    ? "not SB_OK"
			    : check(c, li, true, NULL);
			if (why != NULL) {
				if (first == NULL)
					first = why;
				bad++;
			}
			if (sd == 1)
				diag(langs[li], c->narrative);
		}
		ok(bad == 0, "%s: inflection case, spans exact%s%s", langs[li],
		    first ? ": " : "", first ? first : "");
	}
	ok(saw_sub(4, "Kowalskiego"), "pl: Kowalskiego");
	ok(saw_sub(4, "Jana") || saw_sub(4, "Janem") || saw_sub(4, "Janka"),
	    "pl: Jana, Janem");
	ok(saw_sub(2, "Virtasen"), "fi: Virtasen");
	ok(saw_sub(2, "Virtaselle") || saw_sub(2, "Virtaselta"),
	    "fi: Virtaselle, Virtaselta");
	ok(saw_sub(2, "Matin") || saw_sub(2, "Matille") ||
	        saw_sub(2, "Matilta"),
	    "fi: Matin (kk pp tt gradation)");
	ok(saw_sub(6, "Mariei"), "ro: Mariei");
	ok(lui_before[6], "ro: \"lui\" before the span, outside it");

	/* Determinism. */
	{
		bool same = true;
		for (size_t li = 0; li < NLANG; li++) {
			build_main(c);
			build_main(d);
			sb_rng_seed(&r, "det");
			sb_synth_narrative(c, langs[li], lang_enc[li], &r);
			sb_rng_seed(&r, "det");
			sb_synth_narrative(d, langs[li], lang_enc[li], &r);
			same &= strcmp(c->narrative, d->narrative) == 0 &&
			    c->nspans == d->nspans &&
			    strcmp(c->lang, d->lang) == 0;
			for (int i = 0; same && i < c->nspans; i++)
				same = c->spans[i].start == d->spans[i].start &&
				    c->spans[i].end == d->spans[i].end &&
				    c->spans[i].person == d->spans[i].person &&
				    strcmp(c->spans[i].type,
				        d->spans[i].type) == 0;
		}
		ok(same, "same seed, same text and spans");
		sb_rng_seed(&r, "det");
		build_main(c);
		sb_synth_narrative(c, "pl", NULL, &r);
		sb_rng_seed(&r, "det2");
		build_main(d);
		sb_synth_narrative(d, "pl", NULL, &r);
		ok(strcmp(c->narrative, d->narrative) != 0,
		    "another seed, another text");
	}

	/* Threads: each its own descriptors, the same texts. */
	{
		static const char *const tl[] = {"bg", "el", "pl", "ro"};
		static const char *const te[] = {"windows-1251", "windows-1253",
		    "windows-1250", "ISO-8859-2"};
		struct sb_syn_case *tc[4];
		struct job jobs[4];
		pthread_t th[4];
		int started = 0, same = 1;

		build_main(c);
		for (int i = 0; i < 4; i++) {
			if ((tc[i] = malloc(sizeof(*tc[i]))) == NULL)
				return 1;
			*tc[i] = *c;
			jobs[i] = (struct job){tc[i], tl[i], te[i]};
			started += pthread_create(
			               &th[i], NULL, job_run, &jobs[i]) == 0;
		}
		for (int i = 0; i < started; i++)
			pthread_join(th[i], NULL);
		for (int i = 0; i < 4; i++) {
			sb_rng_seed(&r, "threads");
			sb_synth_narrative(c, tl[i], te[i], &r);
			same &= strcmp(c->narrative, tc[i]->narrative) == 0 &&
			    c->nspans == tc[i]->nspans;
			free(tc[i]);
		}
		ok(started == 4 && same,
		    "four threads write what one thread writes");
		sb_synth_narr_release();
	}

	/* Long names: the buffer and the span limit hold. */
	{
		int bad = 0;
		const char *first = NULL;
		size_t longest = 0;
		for (size_t li = 0; li < NLANG; li++)
			for (int sd = 0; sd < 20; sd++) {
				build_long(c);
				snprintf(seed, sizeof seed, "long %d", sd);
				sb_rng_seed(&r, seed);
				why = sb_synth_narrative(c, langs[li],
				          sd % 2 ? "UTF-8" : lang_enc[li],
				          &r) != SB_OK
				    ? "not SB_OK"
				    : check(c, (int)li, false, NULL);
				if (why != NULL) {
					if (first == NULL)
						first = why;
					bad++;
				}
				if (strlen(c->narrative) > longest)
					longest = strlen(c->narrative);
			}
		ok(bad == 0, "long names: text and spans within limits%s%s",
		    first ? ": " : "", first ? first : "");
		ok(longest > SB_SYN_NARR_MAX / 2,
		    "long names: texts up to %zu bytes, in the buffer",
		    longest);
	}

	/* Language choice and errors. */
	{
		int en = 0, nl = 0, fr = 0;
		sb_rng_seed(&r, "lang");
		for (int i = 0; i < 2000; i++) {
			const char *l = sb_synth_narr_lang("BE", &r);
			en += strcmp(l, "en") == 0;
			nl += strcmp(l, "nl") == 0;
			fr += strcmp(l, "fr") == 0;
		}
		ok(en > 120 && en < 280, "about one in ten in English (%d)",
		    en);
		ok(nl > fr && fr > 400, "BE: nl and fr (%d, %d)", nl, fr);
		is_str(sb_synth_narr_lang("GR", NULL), "el", "GR: el");
		build_main(c);
		snprintf(c->cc, sizeof c->cc, "RO");
		sb_rng_seed(&r, "auto");
		n = sb_synth_narrative(c, NULL, NULL, &r);
		ok(n == SB_OK &&
		        (strcmp(c->lang, "ro") == 0 ||
		            strcmp(c->lang, "en") == 0),
		    "NULL language: the export's (%s)", c->lang);
		ok(sb_synth_narrative(c, "xx", NULL, &r) == SB_FATAL &&
		        c->narrative[0] == '\0' && c->nspans == 0,
		    "unknown language: SB_FATAL, empty text");
		ok(sb_synth_narrative(c, "bg", "no-such-encoding", &r) ==
		        SB_FATAL,
		    "unknown encoding: SB_FATAL");
		/* A case with only a victim and no dates still writes. */
		build_main(c);
		c->nmen = 1;
		c->opened[0] = c->from[0] = c->to[0] = '\0';
		c->nev = 0;
		sb_rng_seed(&r, "thin");
		n = sb_synth_narrative(c, "it", NULL, &r);
		ok(n == SB_OK && check(c, 3, true, NULL) == NULL &&
		        c->nspans > 0,
		    "a thin case: %d spans", c->nspans);
	}
	free(c);
	free(d);
	return tap_done();
}
