/*
 * sb_synth_write: synthetic cases written in the eight national layouts
 * read back by sb-ingest with the same profile: no reject for a clean
 * case, one for a dirty one, no flag, and the same canonical values.
 * Run from the top of the tree (or with SB_TOP and SB_BIN set, as make
 * check does).
 */
#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "sb_country.h"
#include "sb_names.h"
#include "sb_profile.h"
#include "sb_synth_write.h"
#include "tap.h"

static const struct {
	const char *profile, *ext, *cc, *authority;
} layouts[] = {
	{"be-parquet", "csv", "BE", "Parquet de Bruxelles"},
	{"bg-prb", "csv", "BG", "Специализирана прокуратура"},
	{"fi-poliisi", "ndjson", "FI", "Helsingin poliisilaitos"},
	{"gr-eisaggelia", "tsv", "GR", "Εισαγγελία Πρωτοδικών Θεσσαλονίκης"},
	{"it-procura", "csv", "IT",
	    "Procura della Repubblica di Palermo - DDA"},
	{"pl-prokuratura", "csv", "PL", "Prokuratura Regionalna w Katowicach"},
	{"pt-htcds", "csv", "PT", "DIAP Lisboa"},
	{"ro-diicot", "csv", "RO", "DIICOT - ST Constanța"},
};

#define NARRATIVE "Line one: \"quoted\"; with, commas.\n" \
	"Line two\tafter a tab, and 'single' quotes."

static struct sb_syn_person victim = {
	.id = 1, .cc = "BG", .sex = 'F', .year = 2007, .month = 5, .day = 14,
	.given = "Цветелина", .family = "Стоянова", .locality = "Сливен",
	.region = "Сливен",
	.ids = {
		{"national_id", "EGN", "BG", "0745144474", false},
		{"phone", "", "BG", "+359887123456", false},
	},
	.nids = 2, .role = "victim",
};

static struct sb_syn_person sus[3] = {
	{
		.id = 2, .cc = "GR", .sex = 'M', .year = 1980, .month = 10,
		.day = 12, .given = "Νικόλαος", .family = "Παπαδόπουλος",
		.locality = "Θεσσαλονίκη", .region = "Κεντρική Μακεδονία",
		.ids = {
			{"phone", "", "GR", "+306944123456", true},
			{"passport", "", "GR", "AB1234567", false},
		},
		.nids = 2, .group = 1, .role = "recruiter",
	},
	{
		.id = 3, .cc = "RO", .sex = 'M', .year = 1989, .month = 1,
		.day = 1, .given = "Ștefan", .family = "Țurcanu",
		.locality = "Constanța", .region = "Constanța",
		.ids = {
			{"national_id", "CNP", "RO", "1890101134128", false},
			{"phone", "", "RO", "+40722123456", false},
		},
		.nids = 2, .group = 1, .role = "exploiter",
	},
	{
		.id = 4, .cc = "PL", .sex = 'M', .year = 1975, .month = 3,
		.day = 3, .given = "Łukasz", .family = "Wróbel",
		.locality = "Katowice", .region = "śląskie",
		.nids = 0, .group = 1, .role = "broker",
	},
};

static void
mention(struct sb_syn_case *c, const struct sb_syn_person *p,
    const char *role, const char *dob, const char *cit)
{
	struct sb_syn_mention *m = &c->men[c->nmen++];

	memset(m, 0, sizeof(*m));
	m->p = p;
	m->role = role;
	snprintf(m->given, sizeof m->given, "%s", p->given);
	snprintf(m->family, sizeof m->family, "%s", p->family);
	snprintf(m->dob, sizeof m->dob, "%s", dob);
	snprintf(m->cit, sizeof m->cit, "%s", cit);
	m->age = -1;
	m->idmask = (1u << p->nids) - 1;
}

/* Three suspects, Cyrillic and Greek names, partial dates, lists,
 * relations, a narrative with line breaks, quotes and a tab. */
static void
rich_case(struct sb_syn_case *c, int i, const char *local_id)
{
	memset(c, 0, sizeof(*c));
	c->seq = 0;
	c->export = i;
	snprintf(c->cc, sizeof c->cc, "%s", layouts[i].cc);
	c->authority = layouts[i].authority;
	snprintf(c->local_id, sizeof c->local_id, "%s", local_id);
	snprintf(c->opened, sizeof c->opened, "2023-04-21");
	snprintf(c->from, sizeof c->from, "2022-10");
	snprintf(c->to, sizeof c->to, "2023-03-15");
	c->status = "ClosedReferred";
	c->offences[0] = "art. 159a";
	c->offences[1] = "art. 159b";
	c->noffences = 2;
	mention(c, &victim, "victim", "2007-05", "BG");
	c->men[0].age = 15;
	mention(c, &sus[0], "recruiter", "1980-10-12", "GR");
	c->men[1].recruited = c->men[1].transported = true;
	mention(c, &sus[1], "exploiter", "1989", "RO");
	c->men[2].exploited = true;
	mention(c, &sus[2], "suspect", "", "");
	snprintf(c->origin, 3, "BG");
	snprintf(c->destination, 3, "DE");
	snprintf(c->transit[0], 3, "RS");
	snprintf(c->transit[1], 3, "HU");
	c->ntransit = 2;
	c->exploitation[0] = "SexualExploitation";
	c->exploitation[1] = "ForcedLabour";
	c->nexploitation = 2;
	c->recruitment[0] = "LoverBoy";
	c->nrecruitment = 1;
	c->control[0] = "WithholdsDocuments";
	c->control[1] = "PhysicalAbuse";
	c->control[2] = "TakesEarnings";
	c->ncontrol = 3;
	c->ev[0] = (struct sb_syn_event){"Recruitment", "2022-09", "Сливен",
	    "BG"};
	c->ev[1] = (struct sb_syn_event){"Exploitation", "2022-12-12",
	    "Berlin", "DE"};
	c->nev = 2;
	c->lang = "en";
	snprintf(c->narrative, sizeof c->narrative, "%s", NARRATIVE);
}

static void
minimal_case(struct sb_syn_case *c, int i)
{
	static const struct sb_syn_person p = {.id = 9, .cc = "BG",
	    .sex = 'F', .year = 2010, .month = 1, .day = 1, .given = "Ana",
	    .family = "Pop", .role = "victim"};

	memset(c, 0, sizeof(*c));
	c->seq = 1;
	c->export = i;
	snprintf(c->cc, sizeof c->cc, "%s", layouts[i].cc);
	c->authority = layouts[i].authority;
	snprintf(c->local_id, sizeof c->local_id, "MIN-2");
	mention(c, &p, "victim", "", "");
}

/* ---- reading the output back ----------------------------------------- */

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *b = NULL;
	long n;

	*len = 0;
	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (b = malloc((size_t)n + 1)) != NULL) {
		*len = fread(b, 1, (size_t)n, f);
		b[*len] = '\0';
	}
	fclose(f);
	return b;
}

static int
count_lines(const char *path)
{
	size_t len;
	char *b = slurp(path, &len);
	int n = 0;

	for (size_t i = 0; b != NULL && i < len; i++)
		n += b[i] == '\n';
	free(b);
	return b == NULL ? -1 : n;
}

/* The record of local_id in an NDJSON file (caller deletes it). */
static cJSON *
find_record(const char *path, const char *local_id)
{
	size_t len;
	char *b = slurp(path, &len), *line, *save = NULL;
	cJSON *found = NULL;

	if (b == NULL)
		return NULL;
	for (line = strtok_r(b, "\n", &save); line != NULL && found == NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		cJSON *o = cJSON_Parse(line);
		cJSON *id = cJSON_GetObjectItemCaseSensitive(o, "local_id");
		if (cJSON_IsString(id) &&
		    strcmp(id->valuestring, local_id) == 0)
			found = o;
		else
			cJSON_Delete(o);
	}
	free(b);
	return found;
}

static const char *
str_at(const cJSON *o, const char *a, const char *b)
{
	o = cJSON_GetObjectItemCaseSensitive(o, a);
	if (b != NULL)
		o = cJSON_GetObjectItemCaseSensitive(o, b);
	return cJSON_IsString(o) ? o->valuestring : NULL;
}

/* The values of an array of strings, sorted and joined with ','. */
static const char *
joined(const cJSON *arr, const char *member, char *buf, size_t cap)
{
	const char *v[16];
	size_t n = 0, o = 0;
	const cJSON *it;

	buf[0] = '\0';
	cJSON_ArrayForEach(it, arr) {
		const cJSON *s = member != NULL ?
		    cJSON_GetObjectItemCaseSensitive(it, member) : it;
		if (cJSON_IsString(s) && n < 16)
			v[n++] = s->valuestring;
	}
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && strcmp(v[j - 1], v[j]) > 0; j--) {
			const char *t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	for (size_t i = 0; i < n && o < cap; i++)
		o += (size_t)snprintf(buf + o, cap - o, "%s%s", i ? "," : "",
		    v[i]);
	return buf;
}

static const cJSON *
person(const cJSON *rec, const char *role, int nth)
{
	const cJSON *it;

	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(rec,
	    "persons"))
		if (strcmp(str_at(it, "role", NULL) ? str_at(it, "role",
		    NULL) : "", role) == 0 && nth-- == 0)
			return it;
	return NULL;
}

/* A name as a layout in `enc` holds it: itself, or transliterated. */
static const char *
as_held(const char *enc, const char *name, char *buf, size_t cap)
{
	iconv_t cd;
	char out[512], *in = (char *)name, *o = out;
	size_t il = strlen(name), ol = sizeof out;
	bool fits;

	if (enc == NULL || strcasecmp(enc, "UTF-8") == 0)
		return name;
	if ((cd = iconv_open(enc, "UTF-8")) == (iconv_t)-1)
		return name;
	fits = iconv(cd, &in, &il, &o, &ol) != (size_t)-1;
	iconv_close(cd);
	if (fits)
		return name;
	if (sb_names_ascii(name, strlen(name), buf, cap) < 0)
		return "";
	return buf;
}

static void
check_rich(const char *out, const char *name, const char *cc,
    const char *enc, const char *local_id)
{
	cJSON *rec = find_record(out, local_id);
	const cJSON *v, *p;
	char buf[256], held[256];

	if (!ok(rec != NULL, "%s: the rich case is read back", name))
		return;
	is_str(str_at(rec, "country", NULL), cc, "%s: country", name);
	ok(cJSON_GetObjectItemCaseSensitive(rec, "flags") == NULL,
	    "%s: no flags (every value read back as a known one)", name);
	is_str(str_at(rec, "opened", NULL), "2023-04-21", "%s: opened", name);
	is_str(str_at(rec, "offence_period", "from"), "2022-10",
	    "%s: partial offence date", name);
	is_str(str_at(rec, "status", NULL), "ClosedReferred", "%s: status",
	    name);
	is_str(joined(cJSON_GetObjectItemCaseSensitive(rec,
	    "exploitation_types"), NULL, buf, sizeof buf),
	    "ForcedLabour,SexualExploitation", "%s: exploitation types", name);
	is_str(joined(cJSON_GetObjectItemCaseSensitive(rec,
	    "control_methods"), NULL, buf, sizeof buf),
	    "PhysicalAbuse,TakesEarnings,WithholdsDocuments",
	    "%s: control methods", name);
	is_str(joined(cJSON_GetObjectItemCaseSensitive(rec, "offences"), NULL,
	    buf, sizeof buf), "art. 159a,art. 159b", "%s: offences", name);
	v = cJSON_GetObjectItemCaseSensitive(rec, "route");
	is_str(str_at(v, "origin", NULL), "BG", "%s: route origin", name);
	is_str(str_at(v, "destination", NULL), "DE", "%s: route destination",
	    name);
	is_str(joined(cJSON_GetObjectItemCaseSensitive(v, "transit"), NULL,
	    buf, sizeof buf), "HU,RS", "%s: route transit", name);
	p = person(rec, "victim", 0);
	if (ok(p != NULL, "%s: the victim", name)) {
		is_str(str_at(p, "name", "given"), as_held(enc, victim.given,
		    held, sizeof held), "%s: victim's given name", name);
		is_str(str_at(p, "name", "family"), as_held(enc, victim.family,
		    held, sizeof held), "%s: victim's family name", name);
		is_str(str_at(p, "dob", NULL), "2007-05",
		    "%s: victim's partial date of birth", name);
		is_str(str_at(p, "sex", NULL), "Feminine", "%s: victim's sex",
		    name);
		is_str(joined(cJSON_GetObjectItemCaseSensitive(p,
		    "citizenships"), NULL, buf, sizeof buf), "BG",
		    "%s: victim's citizenship", name);
	}
	p = person(rec, "recruiter", 0);
	if (ok(p != NULL, "%s: the recruiter", name)) {
		is_str(str_at(p, "name", "family"), as_held(enc, sus[0].family,
		    held, sizeof held), "%s: recruiter's family name", name);
		is_str(str_at(p, "dob", NULL), "1980-10-12",
		    "%s: recruiter's date of birth", name);
		is_str(joined(cJSON_GetObjectItemCaseSensitive(p,
		    "citizenships"), NULL, buf, sizeof buf), "GR",
		    "%s: recruiter's citizenship", name);
	}
	p = person(rec, "exploiter", 0);
	if (ok(p != NULL, "%s: the exploiter", name))
		is_str(str_at(p, "dob", NULL), "1989",
		    "%s: exploiter's year of birth", name);
	ok(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(rec,
	    "persons")) == 4, "%s: four persons", name);
	is_str(joined(cJSON_GetObjectItemCaseSensitive(rec, "relations"),
	    "type", buf, sizeof buf), "exploited,recruited,transported",
	    "%s: relations", name);
	v = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(rec,
	    "narratives"), 0);
	is_str(str_at(v, "text", NULL), NARRATIVE, "%s: narrative", name);
	cJSON_Delete(rec);
}

static void
check_minimal(const char *out, const char *name)
{
	cJSON *rec = find_record(out, "MIN-2");

	if (!ok(rec != NULL, "%s: the minimal case is read back", name))
		return;
	ok(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(rec,
	    "persons")) == 1, "%s: the minimal case has one person", name);
	is_str(str_at(person(rec, "victim", 0), "name", "given"), "Ana",
	    "%s: minimal victim's given name", name);
	cJSON_Delete(rec);
}

static void
layout(const char *dir, size_t i)
{
	const char *name = layouts[i].profile;
	const char *top = getenv("SB_TOP"), *bin = getenv("SB_BIN");
	char path[512], file[512], cmd[8192], out[512], rej[512];
	struct sb_profile *p = NULL;
	struct sb_export *x = NULL;
	struct sb_err e = {0};
	static struct sb_syn_case c;
	long rec = 0;
	int r;

	snprintf(path, sizeof path, "%s%sprofiles/%s.json", top ? top : "",
	    top ? "/" : "", name);
	if (!ok(sb_profile_load(&p, path, NULL, &e) == SB_OK,
	    "%s: profile loads (%s)", name, e.msg))
		return;
	snprintf(file, sizeof file, "%s/%s.%s", dir, name, layouts[i].ext);
	r = sb_export_open(&x, p, file, &e);
	if (!ok(r == SB_OK, "%s: export opens (%s)", name, e.msg)) {
		sb_profile_free(p);
		return;
	}
	rich_case(&c, (int)i, "R-1/2023");
	r = sb_export_write(x, &c, &rec, &e);
	ok(r == SB_OK && rec == 1, "%s: rich case written as record 1 (%s)",
	    name, e.msg);
	minimal_case(&c, (int)i);
	r = sb_export_write(x, &c, &rec, &e);
	ok(r == SB_OK && rec == 2, "%s: minimal case written as record 2",
	    name);
	rich_case(&c, (int)i, "D-3/2023");
	c.seq = 2;
	c.dirty = "bad_bytes";
	r = sb_export_write(x, &c, &rec, &e);
	ok(r == SB_OK && rec == 3, "%s: dirty case written as record 3",
	    name);
	ok(sb_export_close(x, &e) == SB_OK, "%s: export closes", name);

	snprintf(out, sizeof out, "%s/%s.out", dir, name);
	snprintf(rej, sizeof rej, "%s/%s.rej", dir, name);
	snprintf(cmd, sizeof cmd, "'%s/sb-ingest' -v -p '%s' -s -r '%s' '%s' "
	    ">'%s' 2>'%s/%s.err'", bin ? bin : "bin", path, rej, file, out,
	    dir, name);
	r = system(cmd);
	ok(r == 0, "%s: sb-ingest reads the export (status %d)", name, r);
	ok(count_lines(out) == 2, "%s: two records", name);
	ok(count_lines(rej) == 1, "%s: one reject (the dirty case)", name);
	snprintf(path, sizeof path, "%s/%s.err", dir, name);
	size_t len;
	char *err = slurp(path, &len);
	ok(err != NULL && strstr(err, "not in the header") == NULL,
	    "%s: every column of the profile is in the header", name);
	free(err);
	check_rich(out, name, layouts[i].cc,
	    sb_profile_reader_opts(p)->encoding, "R-1/2023");
	check_minimal(out, name);
	sb_profile_free(p);
}

/* Line ends, byte-order mark and encoding as the layouts say. */
static void
bytes(const char *dir)
{
	char path[1024];
	size_t len;
	char *b;

	snprintf(path, sizeof path, "%s/be-parquet.csv", dir);
	b = slurp(path, &len);
	ok(b != NULL && len > 3 && memcmp(b, "\xef\xbb\xbf", 3) == 0 &&
	    strstr(b, "\r\n") != NULL, "be-parquet: BOM and CRLF");
	free(b);
	snprintf(path, sizeof path, "%s/it-procura.csv", dir);
	b = slurp(path, &len);
	ok(b != NULL && strchr(b, '\r') == NULL &&
	    memcmp(b, "\xef\xbb\xbf", 3) != 0, "it-procura: LF, no BOM");
	free(b);
	snprintf(path, sizeof path, "%s/pl-prokuratura.csv", dir);
	b = slurp(path, &len);
	/* Ş (0xAA) and Ţ (0xDE) for the Romanian Ș and Ț. */
	ok(b != NULL && strstr(b, "\xaatefan;\xdeurcanu") != NULL,
	    "pl-prokuratura: Ș and Ț written as Ş and Ţ");
	free(b);
	snprintf(path, sizeof path, "%s/fi-poliisi.ndjson", dir);
	b = slurp(path, &len);
	ok(b != NULL && strstr(b, "\"syntymäaika\":\"12.10.1980\"") != NULL &&
	    strstr(b, "\"värväsi\":true") != NULL,
	    "fi-poliisi: d.m.yyyy dates and JSON booleans");
	free(b);
}

static void
country_table(void)
{
	int bad = 0, n = 0;

	for (size_t i = 0; sb_export_countries[i] != NULL; i++)
		for (size_t l = 0; sb_export_langs[l] != NULL; l++) {
			const char *cc = sb_export_countries[i];
			const char *nm = sb_export_country_name(cc,
			    sb_export_langs[l]);
			const char *back = nm != NULL ? sb_country_lookup(nm,
			    strlen(nm)) : NULL;
			n++;
			if (back == NULL || strcmp(back, cc) != 0) {
				bad++;
				printf("# %s in %s: \"%s\" reads as %s\n", cc,
				    sb_export_langs[l], nm ? nm : "(none)",
				    back ? back : "(unknown)");
			}
		}
	ok(bad == 0 && n == 24 * 9, "all %d country names resolve back", n);
	ok(sb_export_country_name("XX", "fr") == NULL &&
	    sb_export_country_name("BE", "xx") == NULL,
	    "unknown country or language: no name");
}

int
main(void)
{
	char dir[] = "/tmp/t_synth_write.XXXXXX";

	if (sb_country_init() != 0) {
		printf("Bail out! country table\n");
		return 1;
	}
	country_table();
	if (mkdtemp(dir) == NULL) {
		printf("Bail out! mkdtemp: %s\n", strerror(errno));
		return 1;
	}
	for (size_t i = 0; i < sizeof layouts / sizeof layouts[0]; i++)
		layout(dir, i);
	bytes(dir);
	if (tap_failed == 0 && getenv("SB_KEEP") == NULL) {
		char cmd[1100];
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
		if (system(cmd) != 0)
			printf("# could not remove %s\n", dir);
	} else {
		printf("# output kept in %s\n", dir);
	}
	sb_names_release();
	sb_country_free();
	return tap_done();
}
