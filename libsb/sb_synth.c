/*
 * The synthetic world: groups, their members, and a stream of cases.
 *
 * Random draws come from named forks of one seeded stream (sb_rng), one
 * per purpose, so that changing how, say, narratives draw does not change
 * who is in which group.  Group members live for the whole run (a few per
 * 40 cases); victims are made per case, with a small ring of earlier
 * victims that reappear in another country's export, so memory stays
 * bounded for a million cases.
 */
#include "sb_synth.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sb_ids.h"
#include "sb_names.h"
#include "sb_rng.h"

const char *const sb_syn_countries[8] = {"BE", "BG", "FI", "GR", "IT",
    "PL", "PT", "RO"};

#define CASES_PER_GROUP 40
#define VICTIM_RING 512

/* Where trafficking groups come from, and where they exploit. */
static const char *const homes[] = {"BG", "RO", "RO", "BG", "AL", "MD",
    "UA", "NG", "PL", "GR", "VN"};
static const char *const dests[] = {"IT", "BE", "PT", "FI", "GR", "PL",
    "IT", "BE"};
static const char *const transits[] = {"RO", "HU", "AT", "RS", "BG", "GR",
    "DE", "FR", "ES"};

struct place {
	const char *cc, *locality, *region;
};

static const struct place places[] = {
	{"BE", "Bruxelles", "Bruxelles-Capitale"}, {"BE", "Antwerpen",
	    "Antwerpen"}, {"BE", "Liège", "Liège"}, {"BE", "Gent",
	    "Oost-Vlaanderen"},
	{"BG", "София", "София-град"}, {"BG", "Сливен", "Сливен"},
	{"BG", "Варна", "Варна"}, {"BG", "Пловдив", "Пловдив"},
	{"BG", "Пазарджик", "Пазарджик"},
	{"FI", "Helsinki", "Uusimaa"}, {"FI", "Tampere", "Pirkanmaa"},
	{"FI", "Oulu", "Pohjois-Pohjanmaa"}, {"FI", "Turku",
	    "Varsinais-Suomi"},
	{"GR", "Θεσσαλονίκη", "Κεντρική Μακεδονία"}, {"GR", "Αθήνα",
	    "Αττική"}, {"GR", "Πάτρα", "Δυτική Ελλάδα"}, {"GR", "Λάρισα",
	    "Θεσσαλία"},
	{"IT", "Palermo", "Sicilia"}, {"IT", "Torino", "Piemonte"},
	{"IT", "Napoli", "Campania"}, {"IT", "Castel Volturno", "Campania"},
	{"IT", "Milano", "Lombardia"},
	{"PL", "Katowice", "śląskie"}, {"PL", "Łódź", "łódzkie"},
	{"PL", "Wrocław", "dolnośląskie"}, {"PL", "Kraków", "małopolskie"},
	{"PT", "Lisboa", "Lisboa"}, {"PT", "Porto", "Porto"},
	{"PT", "Faro", "Faro"}, {"PT", "Beja", "Beja"},
	{"RO", "Constanța", "Constanța"}, {"RO", "Iași", "Iași"},
	{"RO", "Craiova", "Dolj"}, {"RO", "Bacău", "Bacău"},
	{"RO", "Călărași", "Călărași"},
	{"AL", "Durrës", "Durrës"}, {"AL", "Elbasan", "Elbasan"},
	{"MD", "Chișinău", "Chișinău"}, {"MD", "Bălți", "Bălți"},
	{"UA", "Одеса", "Одеська область"}, {"UA", "Чернівці",
	    "Чернівецька область"},
	{"NG", "Benin City", "Edo"}, {"NG", "Lagos", "Lagos"},
	{"VN", "Nghệ An", "Nghệ An"}, {"VN", "Hà Tĩnh", "Hà Tĩnh"},
	{"HU", "Budapest", "Budapest"}, {"AT", "Wien", "Wien"},
	{"RS", "Beograd", "Beograd"}, {"DE", "München", "Bayern"},
	{"FR", "Lyon", "Auvergne-Rhône-Alpes"}, {"ES", "Madrid", "Madrid"},
};

/* The national identifier scheme of a country's citizens. */
static int
scheme_of(const char *cc)
{
	static const struct {
		const char *cc;
		int scheme;
	} t[] = {{"BE", SB_ID_BE_NN}, {"BG", SB_ID_BG_EGN},
	    {"FI", SB_ID_FI_HETU}, {"GR", SB_ID_GR_AMKA}, {"IT", SB_ID_IT_CF},
	    {"PL", SB_ID_PL_PESEL}, {"PT", SB_ID_PT_NIF}, {"RO", SB_ID_RO_CNP}};

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (strcmp(t[i].cc, cc) == 0)
			return t[i].scheme;
	return -1;
}

static bool
is_partner(const char *cc)
{
	for (int i = 0; i < 8; i++)
		if (strcmp(sb_syn_countries[i], cc) == 0)
			return true;
	return false;
}

/* An ISO date; the moduli tell the compiler the widths. */
static void
iso3(char out[11], int y, int m, int d)
{
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u,
	    (unsigned)m % 100u, (unsigned)d % 100u);
}

struct group {
	uint32_t id;
	char home[3], dest[3];
	char transit[2][3];
	int ntransit;
	size_t first, n;     /* members: people[first .. first + n) */
	size_t broker;       /* a member of another group, or SIZE_MAX */
	const char *expl, *recr, *ctl[2];
};

struct sb_world {
	struct sb_world_opts o;
	struct sb_rng groups_rng, cases_rng, render_rng;
	struct sb_syn_person *people;
	size_t npeople;
	struct group *groups;
	uint32_t ngroups;
	struct sb_syn_person ring[VICTIM_RING];
	size_t nring;
	struct sb_syn_person scratch[SB_SYN_MAX_MENTIONS];
	uint32_t next_id;
	uint64_t done;
	uint32_t caseno[8];
};

/* ---- persons ---------------------------------------------------------- */

static const struct place *
place_in(struct sb_rng *r, const char *cc)
{
	const struct place *pick[16];
	size_t n = 0;

	for (size_t i = 0; i < sizeof places / sizeof places[0] && n < 16;
	    i++)
		if (strcmp(places[i].cc, cc) == 0)
			pick[n++] = &places[i];
	return n > 0 ? pick[sb_rng_below(r, (uint32_t)n)] : &places[0];
}

static const char *
pick_name(struct sb_rng *r, const char *const *list, size_t n)
{
	return n > 0 ? list[sb_rng_below(r, (uint32_t)n)] : "X";
}

/* s into out[cap], cut to fit: the generator's schemes, countries and
 * values fit their fields; a longer one would be cut, not overrun. */
static void
copy_cut(char *out, size_t cap, const char *s)
{
	size_t n = strnlen(s, cap - 1);

	memcpy(out, s, n);
	out[n] = '\0';
}

static void
add_id(struct sb_syn_person *p, const char *type, const char *scheme,
    const char *cc, const char *value)
{
	struct sb_syn_id *id;

	if (p->nids >= SB_SYN_MAX_IDS || value[0] == '\0')
		return;
	id = &p->ids[p->nids++];
	memset(id, 0, sizeof(*id));
	id->type = type;
	copy_cut(id->scheme, sizeof id->scheme, scheme);
	copy_cut(id->country, sizeof id->country, cc);
	copy_cut(id->value, sizeof id->value, value);
}

/* An ASCII form of a name for emails and handles: lower case letters. */
static void
ascii_lower(const char *s, char *out, size_t cap)
{
	char a[SB_NAMES_MAX];
	size_t k = 0;

	if (sb_names_ascii(s, strlen(s), a, sizeof a) < 0)
		snprintf(a, sizeof a, "x");
	for (const char *q = a; *q != '\0' && k + 1 < cap; q++)
		if ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z'))
			out[k++] = (char)(*q | 0x20);
	out[k] = '\0';
}

/*
 * A true person: a name of their country in native script, a date of
 * birth, and identifiers.  `role` decides which identifiers they hold
 * (transporters drive, exploiters take money).
 */
static void
make_person(struct sb_world *w, struct sb_rng *r, struct sb_syn_person *p,
    const char *cc, char sex, int ymin, int ymax, const char *role,
    const char *phone_cc)
{
	const char *const *list;
	size_t n;
	char buf[SB_ID_BUFSZ], a1[64], a2[64];
	int sch;
	struct sb_id_person ip;

	memset(p, 0, sizeof(*p));
	p->id = ++w->next_id;
	snprintf(p->cc, sizeof p->cc, "%s", cc);
	p->sex = sex;
	p->year = ymin + (int)sb_rng_below(r, (uint32_t)(ymax - ymin + 1));
	p->month = 1 + (int)sb_rng_below(r, 12);
	p->day = 1 + (int)sb_rng_below(r, 28);
	p->role = role;
	list = sb_names_given(cc, sex, &n);
	snprintf(p->given, sizeof p->given, "%s", pick_name(r, list, n));
	list = sb_names_family(cc, &n);
	if (sb_names_family_form(cc, pick_name(r, list, n), sex, p->family,
	    sizeof p->family) < 0)
		snprintf(p->family, sizeof p->family, "%s",
		    pick_name(r, list, n));
	const struct place *pl = place_in(r, cc);
	snprintf(p->locality, sizeof p->locality, "%s", pl->locality);
	snprintf(p->region, sizeof p->region, "%s", pl->region);

	ascii_lower(p->family, a1, sizeof a1);
	ascii_lower(p->given, a2, sizeof a2);
	memset(&ip, 0, sizeof ip);
	ip.year = p->year;
	ip.month = p->month;
	ip.day = p->day;
	ip.sex = sex;
	ip.family = a1;
	ip.given = a2;
	if ((sch = scheme_of(cc)) >= 0 && sb_id_generate(sch, &ip, sb_rng_fn,
	    r, buf, sizeof buf) > 0)
		add_id(p, "national_id", sb_id_scheme_name(sch), cc, buf);
	if (sb_phone_generate(phone_cc, sb_rng_fn, r, buf, sizeof buf) > 0)
		add_id(p, "phone", "", phone_cc, buf);
	if (is_partner(cc) && sb_passport_generate(cc, sb_rng_fn, r, buf,
	    sizeof buf) > 0)
		add_id(p, "passport", "", cc, buf);
	snprintf(buf, sizeof buf, "%.20s.%.20s%u@%s", a2, a1,
	    (unsigned)p->year % 100, sb_rng_chance(r, 0.5) ? "mail.example" :
	    "example.org");
	add_id(p, "email", "", "", buf);
	if (strcmp(role, "victim") != 0) {
		snprintf(buf, sizeof buf, "@%.20s_%.10s%u", a2, a1,
		    (unsigned)sb_rng_below(r, 100));
		add_id(p, "handle", "", "", buf);
	}
	if ((strcmp(role, "exploiter") == 0 || strcmp(role, "leader") == 0) &&
	    sb_iban_generate(is_partner(cc) ? cc : phone_cc, sb_rng_fn, r, buf,
	    sizeof buf) > 0)
		add_id(p, "iban", "", "", buf);
	if (strcmp(role, "transporter") == 0 && sb_plate_generate(
	    is_partner(cc) ? cc : phone_cc, sb_rng_fn, r, buf, sizeof buf) > 0)
		add_id(p, "plate", "", is_partner(cc) ? cc : phone_cc, buf);
}

/* ---- groups ----------------------------------------------------------- */

static const char *const expl_pick[] = {"SexualExploitation",
    "SexualExploitation", "ForcedLabour", "ForcedBegging",
    "ForcedCriminality", "ChildLabour", "ForcedMarriage"};
static const char *const recr_pick[] = {"LoverBoy", "FalseJobOffer",
    "FalseJobOffer", "Acquaintance", "FamilyMember", "OnlineAdvert",
    "SaleByFamily", "MarriageOffer"};
static const char *const ctl_pick[] = {"DebtBondage", "WithholdsDocuments",
    "PhysicalThreats", "PhysicalAbuse", "PsychologicalAbuse",
    "TakesEarnings", "ThreatensChildrenFamily", "PsychoactiveSubstance"};

#define PICK(r, a) ((a)[sb_rng_below((r), sizeof(a) / sizeof((a)[0]))])

/* Share one identifier between two persons (a group phone, an account). */
static void
share(struct sb_syn_person *from, struct sb_syn_person *to, const char *type)
{
	for (int i = 0; i < from->nids; i++)
		if (strcmp(from->ids[i].type, type) == 0 &&
		    to->nids < SB_SYN_MAX_IDS) {
			from->ids[i].shared = true;
			to->ids[to->nids] = from->ids[i];
			to->nids++;
			return;
		}
}

static int
make_groups(struct sb_world *w, struct sb_err *e)
{
	struct sb_rng *r = &w->groups_rng;
	uint32_t ng = (uint32_t)(w->o.cases / CASES_PER_GROUP);

	if (ng < 4)
		ng = 4;
	w->ngroups = ng;
	w->groups = calloc(ng + 1, sizeof(*w->groups));
	w->people = calloc((size_t)ng * 12 + 1, sizeof(*w->people));
	if (w->groups == NULL || w->people == NULL)
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
	for (uint32_t g = 1; g <= ng; g++) {
		struct group *gr = &w->groups[g];
		static const char *const roles[] = {"leader", "recruiter",
		    "recruiter", "transporter", "exploiter", "exploiter",
		    "recruiter", "transporter", "exploiter", "exploiter"};
		size_t nmem = 5 + sb_rng_below(r, 6);

		gr->id = g;
		copy_cut(gr->home, sizeof gr->home, PICK(r, homes));
		do
			copy_cut(gr->dest, sizeof gr->dest, PICK(r, dests));
		while (strcmp(gr->dest, gr->home) == 0);
		gr->ntransit = (int)sb_rng_below(r, 3);
		for (int t = 0; t < gr->ntransit; t++) {
			do
				copy_cut(gr->transit[t], sizeof gr->transit[t],
				    PICK(r, transits));
			while (strcmp(gr->transit[t], gr->home) == 0 ||
			    strcmp(gr->transit[t], gr->dest) == 0 ||
			    (t == 1 && strcmp(gr->transit[0],
			    gr->transit[1]) == 0));
		}
		gr->expl = PICK(r, expl_pick);
		gr->recr = PICK(r, recr_pick);
		gr->ctl[0] = PICK(r, ctl_pick);
		do
			gr->ctl[1] = PICK(r, ctl_pick);
		while (gr->ctl[1] == gr->ctl[0]);
		gr->first = w->npeople;
		gr->n = nmem;
		gr->broker = SIZE_MAX;
		for (size_t i = 0; i < nmem; i++) {
			struct sb_syn_person *p = &w->people[w->npeople++];
			const char *role = roles[i];
			/* Exploiters are often locals of the destination. */
			const char *cc = strcmp(role, "exploiter") == 0 &&
			    sb_rng_chance(r, 0.4) ? gr->dest : gr->home;
			char sex = strcmp(role, "recruiter") == 0 &&
			    sb_rng_chance(r, 0.35) ? 'F' :
			    sb_rng_chance(r, 0.15) ? 'F' : 'M';
			make_person(w, r, p, cc, sex, 1960, 2002, role,
			    strcmp(role, "exploiter") == 0 ? gr->dest :
			    is_partner(cc) ? cc : gr->dest);
			p->group = g;
		}
		/* The recruiters share a phone; leader and an exploiter an
		 * account. */
		share(&w->people[gr->first + 1], &w->people[gr->first + 2],
		    "phone");
		share(&w->people[gr->first], &w->people[gr->first + 4], "iban");
		/* Every fifth group works with a broker of the group before:
		 * the cross-border link analysts look for. */
		if (g > 1 && g % 5 == 0) {
			struct group *prev = &w->groups[g - 1];
			gr->broker = prev->first + 1;
			w->people[gr->broker].role = "broker";
		}
	}
	return SB_OK;
}

int
sb_world_new(struct sb_world **wp, const struct sb_world_opts *o,
    struct sb_err *e)
{
	struct sb_world *w;
	struct sb_rng root;

	*wp = NULL;
	if ((w = calloc(1, sizeof(*w))) == NULL)
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
	w->o = *o;
	sb_rng_seed(&root, o->seed);
	sb_rng_fork(&w->groups_rng, &root, "groups");
	sb_rng_fork(&w->cases_rng, &root, "cases");
	sb_rng_fork(&w->render_rng, &root, "render");
	if (make_groups(w, e) != SB_OK) {
		sb_world_free(w);
		return SB_FATAL;
	}
	*wp = w;
	return SB_OK;
}

void
sb_world_free(struct sb_world *w)
{
	if (w == NULL)
		return;
	free(w->people);
	free(w->groups);
	free(w);
}

uint32_t
sb_world_ngroups(const struct sb_world *w)
{
	return w->ngroups;
}

size_t
sb_world_group(const struct sb_world *w, uint32_t g,
    const struct sb_syn_person **out, size_t max, const char **home,
    const char **destination)
{
	const struct group *gr;
	size_t k = 0;

	if (g < 1 || g > w->ngroups)
		return 0;
	gr = &w->groups[g];
	for (size_t i = 0; i < gr->n && k < max; i++)
		out[k++] = &w->people[gr->first + i];
	if (gr->broker != SIZE_MAX && k < max)
		out[k++] = &w->people[gr->broker];
	if (home != NULL)
		*home = gr->home;
	if (destination != NULL)
		*destination = gr->dest;
	return k;
}

/* ---- cases ------------------------------------------------------------ */

static const struct {
	const char *cc, *authority, *offence[2];
} auth[8] = {
	{"BE", "Parquet de Bruxelles", {"art. 433quinquies C.pén.",
	    "art. 433septies C.pén."}},
	{"BG", "Специализирана прокуратура", {"чл. 159а, ал. 2 НК",
	    "чл. 159б НК"}},
	{"FI", "Helsingin poliisilaitos", {"RL 25:3 ihmiskauppa",
	    "RL 25:3a törkeä ihmiskauppa"}},
	{"GR", "Εισαγγελία Πρωτοδικών Θεσσαλονίκης", {"άρθρο 323Α ΠΚ",
	    "άρθρο 351 ΠΚ"}},
	{"IT", "Procura della Repubblica di Palermo - DDA", {"art. 601 c.p.",
	    "art. 600 c.p."}},
	{"PL", "Prokuratura Regionalna w Katowicach", {"art. 189a § 1 k.k.",
	    "art. 203 k.k."}},
	{"PT", "DIAP Lisboa", {"artigo 160.º do Código Penal",
	    "artigo 159.º do Código Penal"}},
	{"RO", "DIICOT - ST Constanța", {"art. 210 C.pen.",
	    "art. 211 C.pen."}},
};

/* Days since 2018-01-01 → ISO date (a proleptic calendar, simple loop). */
static void
iso_day(int days, char out[11])
{
	static const int md[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31};
	int y = 2018, m = 0;

	if (days < 0)
		days = 0;
	for (;;) {
		int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
		int len = md[m] + (m == 1 && leap);
		if (days < len)
			break;
		days -= len;
		if (++m == 12) {
			m = 0;
			y++;
		}
	}
	iso3(out, y, m + 1, days + 1);
}

#define DAYS_2018_TO_NOV_2026 3226 /* 2018-01-01 .. 2026-10-31 */
#define TREND_START 3042           /* 2026-05-01 */

static int
export_of(const char *cc)
{
	for (int i = 0; i < 8; i++)
		if (strcmp(sb_syn_countries[i], cc) == 0)
			return i;
	return -1;
}

/* Which authority investigates a group's case: its home, its
 * destination or a transit country, among the eight. */
static int
pick_export(struct sb_rng *r, const struct group *g)
{
	int home = export_of(g->home), dest = export_of(g->dest);
	double u = sb_rng_unit(r);

	if (home >= 0 && u < 0.4)
		return home;
	if (u > 0.9 && g->ntransit > 0 && export_of(g->transit[0]) >= 0)
		return export_of(g->transit[0]);
	return dest >= 0 ? dest : (int)sb_rng_below(r, 8);
}

/* A name as a clerk in `export_cc` writes it (see sb_names_variant). */
static void
render_name(struct sb_rng *r, const char *name, const char *person_cc,
    const char *export_cc, int is_given, char *out, size_t cap)
{
	int kind = SB_NV_EXACT;
	double u = sb_rng_unit(r);

	if (strcmp(person_cc, export_cc) == 0) {
		kind = u < 0.9 ? SB_NV_EXACT : u < 0.95 ? SB_NV_TYPO :
		    SB_NV_UPPER;
	} else {
		kind = u < 0.45 ? SB_NV_ASCII : u < 0.7 ? SB_NV_TRANSLIT_ALT :
		    u < 0.8 ? SB_NV_EXACT : u < 0.9 ? SB_NV_TYPO :
		    u < 0.95 ? SB_NV_UPPER : SB_NV_NICKNAME;
	}
	if (kind == SB_NV_NICKNAME && !is_given)
		kind = SB_NV_ASCII;
	if (sb_names_variant(name, kind, is_given, sb_rng_fn, r, out, cap) < 0)
		snprintf(out, cap, "%s", name);
}

/* The date of birth as the export records it: mostly right, sometimes
 * partial, missing, or wrong. */
static void
render_dob(struct sb_rng *r, const struct sb_syn_person *p, char out[11])
{
	double u = sb_rng_unit(r);
	int d = p->day, m = p->month;

	if (u < 0.8) {
		iso3(out, p->year, m, d);
	} else if (u < 0.88) {
		iso3(out, p->year, m, d);
		out[4] = '\0';
	} else if (u < 0.92) {
		iso3(out, p->year, m, d);
		out[7] = '\0';
	} else if (u < 0.97) {
		/* Day and month swapped where that is a date; else a day
		 * off. */
		if (d <= 12 && d != m)
			iso3(out, p->year, d, m);
		else
			iso3(out, p->year, m, d < 28 ? d + 1 : d - 1);
	} else {
		out[0] = '\0';
	}
}

static unsigned
id_mask(struct sb_rng *r, const struct sb_syn_person *p, bool victim)
{
	unsigned mask = 0;

	for (int i = 0; i < p->nids; i++) {
		const char *t = p->ids[i].type;
		double want = strcmp(t, "national_id") == 0 ? (victim ? 0.6 :
		    0.5) : strcmp(t, "phone") == 0 ? (victim ? 0.5 : 0.85) :
		    strcmp(t, "iban") == 0 ? 0.4 : strcmp(t, "plate") == 0 ?
		    0.6 : strcmp(t, "passport") == 0 ? 0.25 :
		    strcmp(t, "email") == 0 ? 0.2 : 0.15;
		if (sb_rng_chance(r, want))
			mask |= 1u << i;
	}
	return mask;
}

static void
mention(struct sb_world *w, struct sb_syn_case *c,
    const struct sb_syn_person *p, const char *role)
{
	struct sb_rng *r = &w->render_rng;
	struct sb_syn_mention *m = &c->men[c->nmen++];

	memset(m, 0, sizeof(*m));
	m->p = p;
	m->role = role;
	m->age = -1;
	render_name(r, p->given, p->cc, c->cc, 1, m->given, sizeof m->given);
	render_name(r, p->family, p->cc, c->cc, 0, m->family,
	    sizeof m->family);
	if (sb_rng_chance(r, 0.04)) {
		char t[128];
		memcpy(t, m->given, sizeof t);
		memcpy(m->given, m->family, sizeof m->given);
		memcpy(m->family, t, sizeof m->family);
		m->swapped = true;
	}
	render_dob(r, p, m->dob);
	if (sb_rng_chance(r, 0.93))
		snprintf(m->cit, sizeof m->cit, "%s", p->cc);
	m->idmask = id_mask(r, p, strcmp(role, "victim") == 0);
}

/* A victim: new, or (one in seven) one seen before by another
 * authority, so that linkage has true cross-border matches. */
static const struct sb_syn_person *
victim(struct sb_world *w, struct sb_rng *r, const char *origin,
    const char *dest, int year, int *age, struct sb_syn_person *slot)
{
	if (w->nring > 8 && sb_rng_chance(r, 0.15)) {
		const struct sb_syn_person *v =
		    &w->ring[sb_rng_below(r, (uint32_t)(w->nring <
		    VICTIM_RING ? w->nring : VICTIM_RING))];
		*age = year - v->year;
		return v;
	}
	*age = sb_rng_chance(r, 0.85) ? 10 + (int)sb_rng_below(r, 8) :
	    18 + (int)sb_rng_below(r, 7);
	make_person(w, r, slot, origin, sb_rng_chance(r, 0.7) ? 'F' : 'M',
	    year - *age, year - *age, "victim", is_partner(origin) ? origin :
	    dest);
	w->ring[w->nring++ % VICTIM_RING] = *slot;
	return slot;
}

static void
add_event(struct sb_syn_case *c, struct sb_rng *r, const char *type,
    int day, const char *cc)
{
	struct sb_syn_event *ev = &c->ev[c->nev++];

	ev->type = type;
	iso_day(day, ev->date);
	if (sb_rng_chance(r, 0.2))
		ev->date[7] = '\0'; /* only the month is known */
	snprintf(ev->locality, sizeof ev->locality, "%s",
	    place_in(r, cc)->locality);
	snprintf(ev->country, sizeof ev->country, "%s", cc);
}

int
sb_world_next(struct sb_world *w, struct sb_syn_case *c)
{
	struct sb_rng *r = &w->cases_rng;
	const struct group *g = NULL;
	int day, age;

	if (w->done >= w->o.cases)
		return SB_EOF;
	memset(c, 0, sizeof(*c));
	c->seq = w->done++;
	/* Four in five cases belong to a planted group. */
	if (sb_rng_chance(r, 0.8)) {
		c->group = 1 + sb_rng_below(r, w->ngroups);
		g = &w->groups[c->group];
		c->export = pick_export(r, g);
	} else {
		c->export = (int)sb_rng_below(r, 8);
	}
	snprintf(c->cc, sizeof c->cc, "%s", sb_syn_countries[c->export]);
	c->authority = auth[c->export].authority;
	w->caseno[c->export]++;
	/* Cases grow over the years: the square root skews towards late. */
	day = (int)(DAYS_2018_TO_NOV_2026 * (0.25 + 0.75 *
	    sb_rng_unit(r)));
	if (sb_rng_chance(r, 0.5))
		day = (int)(DAYS_2018_TO_NOV_2026 * sb_rng_unit(r));
	iso_day(day, c->opened);
	snprintf(c->local_id, sizeof c->local_id, "%u/%.4s",
	    w->caseno[c->export], c->opened);
	iso_day(day - 30 - (int)sb_rng_below(r, 500), c->from);
	iso_day(day - (int)sb_rng_below(r, 60), c->to);
	c->status = PICK(r, ((const char *const[]){"Active", "Active",
	    "Closed", "FollowUp", "ClosedReferred"}));
	c->offences[c->noffences++] = auth[c->export].offence[0];
	if (sb_rng_chance(r, 0.3))
		c->offences[c->noffences++] = auth[c->export].offence[1];

	/* Route and modus operandi: the group's, or a local one. */
	const char *origin = g != NULL ? g->home : PICK(r, homes);
	const char *dest = g != NULL ? g->dest : c->cc;
	snprintf(c->origin, 3, "%s", origin);
	snprintf(c->destination, 3, "%s", dest);
	if (g != NULL)
		for (int t = 0; t < g->ntransit; t++)
			snprintf(c->transit[c->ntransit++], 3, "%s",
			    g->transit[t]);
	c->exploitation[c->nexploitation++] = g != NULL ? g->expl :
	    PICK(r, expl_pick);
	c->recruitment[c->nrecruitment++] = g != NULL ? g->recr :
	    PICK(r, recr_pick);
	c->control[c->ncontrol++] = g != NULL ? g->ctl[0] : PICK(r, ctl_pick);
	if (g != NULL && sb_rng_chance(r, 0.5))
		c->control[c->ncontrol++] = g->ctl[1];

	/* The planted trend: recruitment through social media rises
	 * sharply in the last six months. */
	if (day >= TREND_START && sb_rng_chance(r, 0.55)) {
		c->recruitment[0] = "OnlineSocialMedia";
		c->trend = true;
	}
	/* The planted modus-operandi cluster: young children recruited with
	 * false job offers to their families, forced to beg, documents
	 * withheld. */
	int young = 0;
	if (sb_rng_chance(r, 0.03)) {
		c->cluster = 1;
		c->exploitation[0] = "ForcedBegging";
		c->recruitment[0] = "FalseJobOffer";
		c->control[0] = "WithholdsDocuments";
		c->ncontrol = 1;
		young = 1;
	}

	/* Persons: the victim first, then suspects from the group. */
	int year = 2018 + day / 366;
	const struct sb_syn_person *v = victim(w, r, origin, dest, year, &age,
	    &w->scratch[0]);
	if (young && age > 13)
		age = 10 + (int)sb_rng_below(r, 4);
	mention(w, c, v, "victim");
	c->men[0].age = age;
	int nsus = 1 + (int)sb_rng_below(r, 3);
	for (int i = 0; i < nsus; i++) {
		const struct sb_syn_person *s;
		const char *role;
		if (g != NULL) {
			size_t k = g->first + sb_rng_below(r, (uint32_t)g->n);
			if (g->broker != SIZE_MAX && sb_rng_chance(r, 0.1))
				k = g->broker;
			s = &w->people[k];
		} else {
			make_person(w, r, &w->scratch[1 + i], origin,
			    sb_rng_chance(r, 0.2) ? 'F' : 'M', 1965, 2002,
			    i == 0 ? "recruiter" : "exploiter",
			    is_partner(origin) ? origin : dest);
			s = &w->scratch[1 + i];
		}
		/* The same person twice in one case is one mention. */
		bool dup = false;
		for (int k = 1; k < c->nmen; k++)
			dup |= c->men[k].p == s;
		if (dup)
			continue;
		role = strcmp(s->role, "recruiter") == 0 ? "recruiter" :
		    strcmp(s->role, "transporter") == 0 ? "transporter" :
		    strcmp(s->role, "exploiter") == 0 ? "exploiter" : "suspect";
		mention(w, c, s, role);
		struct sb_syn_mention *m = &c->men[c->nmen - 1];
		m->recruited = strcmp(role, "recruiter") == 0;
		m->transported = strcmp(role, "transporter") == 0;
		m->exploited = strcmp(role, "exploiter") == 0;
	}

	add_event(c, r, "Recruitment", day - 30 - (int)sb_rng_below(r, 400),
	    origin);
	if (c->ntransit > 0)
		add_event(c, r, "Transit", day - 25, c->transit[0]);
	add_event(c, r, "Exploitation", day - (int)sb_rng_below(r, 25), dest);

	if (w->o.dirty > 0 && sb_rng_chance(r, w->o.dirty))
		c->dirty = sb_rng_chance(r, 0.5) ? "no_case_number" :
		    "bad_bytes";
	return SB_OK;
}
