/* sb_profile + sb_mapper: profiles load and check, rows map to case/1. */
#include <stdlib.h>

#include <cjson/cJSON.h>

#include "sb_country.h"
#include "sb_profile.h"
#include "tap.h"

static const char profile[] =
    "{\"profile\":1,\"name\":\"t\",\"constants\":{\"country\":\"Polska\","
    "\"authority\":\"PK Kraków\"},\"dates\":[\"dd.mm.yyyy\"],"
    "\"maps\":{\"plec\":{\"K\":\"Feminine\",\"M\":\"Masculine\"}},"
    "\"case\":{\"local_id\":\"sygn\",\"exploitation_types\":["
    "{\"column\":\"praca\",\"if_set\":\"ForcedLabour\"},"
    "{\"column\":\"seks\",\"if_set\":\"SexualExploitation\"}]},"
    "\"persons\":[{\"pid\":\"ofiara\",\"role\":\"victim\",\"fields\":{"
    "\"given\":\"imie\",\"family\":\"nazwisko\",\"sex\":{\"column\":"
    "\"plec\",\"map\":\"plec\"},\"dob\":\"ur\",\"citizenships\":{"
    "\"column\":\"obyw\",\"split\":\",\"}}},"
    "{\"pid\":\"podejrzany_{n}\",\"role\":\"suspect\",\"repeat\":[1,2],"
    "\"fields\":{\"family\":\"p{n}_nazwisko\",\"phone\":{\"column\":"
    "\"p{n}_tel\",\"split\":\"/\"}}}],"
    "\"relations\":[{\"from\":\"podejrzany_{n}\",\"to\":\"ofiara\","
    "\"type\":\"recruited\",\"repeat\":[1,2]}]}";

static const char *header[] = {"sygn", "imie", "nazwisko", "plec", "ur",
    "obyw", "p1_nazwisko", "p1_tel", "p2_nazwisko", "p2_tel", "praca",
    "seks"};

static int
map_row(struct sb_mapper *m, const char **fields, struct sb_buf *out,
    struct sb_err *e)
{
	size_t lens[12];
	struct sb_rec rec;

	for (int i = 0; i < 12; i++)
		lens[i] = strlen(fields[i]);
	memset(&rec, 0, sizeof rec);
	rec.kind = SB_REC_CSV;
	rec.format = SB_FMT_CSV;
	rec.source = "t.csv";
	rec.record = 1;
	rec.line = 2;
	rec.fields = fields;
	rec.lens = lens;
	rec.nfields = 12;
	rec.header = header;
	rec.nheader = 12;
	rec.header_gen = 1;
	sb_buf_reset(out);
	return sb_mapper_map(m, &rec, out, e);
}

static cJSON *
get(cJSON *o, const char *path)
{
	char buf[128], *save = NULL;

	snprintf(buf, sizeof buf, "%s", path);
	for (char *t = strtok_r(buf, ".", &save); t && o;
	    t = strtok_r(NULL, ".", &save))
		o = (*t >= '0' && *t <= '9') ? cJSON_GetArrayItem(o, atoi(t)) :
		    cJSON_GetObjectItemCaseSensitive(o, t);
	return o;
}

static const char *
str(cJSON *o, const char *path)
{
	cJSON *v = get(o, path);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static void
bad_profile(const char *text, const char *want)
{
	struct sb_profile *p = NULL;
	struct sb_err e = {0};
	int r = sb_profile_parse(&p, text, strlen(text), "bad", &e);

	ok(r == SB_FATAL && p == NULL && strstr(e.msg, want) != NULL,
	    "bad profile refused: %s", want);
	if (strstr(e.msg, want) == NULL)
		printf("#   message: %s\n", e.msg);
}

int
main(void)
{
	struct sb_profile *p = NULL;
	struct sb_mapper *m = NULL;
	struct sb_err e = {0};
	struct sb_buf out = SB_BUF_INIT(1 << 20);
	cJSON *j;

	ok(sb_profile_parse(&p, profile, strlen(profile), "t", &e) == SB_OK,
	    "profile loads (%s)", e.msg);
	ok(sb_mapper_new(&m, p, NULL, &e) == SB_OK, "mapper");

	const char *row1[] = {"II K 12/23", "Anna", "Nowak", "K",
	    "03.04.2009", "PL, Ukraina", "Kowalski", "600100200/48600100300",
	    "", "", "tak", ""};
	ok(map_row(m, row1, &out, &e) == SB_OK, "row maps");
	j = cJSON_Parse(out.data);
	ok(j != NULL && out.data[out.len - 1] == '\n', "one JSON line");
	is_str(str(j, "case_id"), "PL:PK Kraków:II K 12/23", "case_id");
	is_str(str(j, "persons.0.sex"), "Feminine", "value map");
	is_str(str(j, "persons.0.dob"), "2009-04-03", "date format");
	is_str(str(j, "persons.0.citizenships.1"), "UA", "country by name");
	is_str(str(j, "persons.1.pid"), "podejrzany_1", "repeat pid");
	ok(get(j, "persons.2") == NULL, "empty suspect 2 left out");
	is_str(str(j, "persons.1.identifiers.1.value"), "48600100300",
	    "split identifiers");
	is_str(str(j, "relations.0.from"), "podejrzany_1", "relation kept");
	ok(get(j, "relations.1") == NULL, "relation to absent person dropped");
	is_str(str(j, "exploitation_types.0"), "ForcedLabour", "if_set yes");
	ok(get(j, "exploitation_types.1") == NULL, "if_set empty");
	ok(get(j, "flags") == NULL, "no flags");
	is_str(str(j, "provenance.profile"), "t", "provenance profile");
	cJSON_Delete(j);

	const char *row2[] = {"II K 13/23", "Ola", "", "Q", "31.02.2009",
	    "Mordor", "", "", "", "", "nie", "1"};
	ok(map_row(m, row2, &out, &e) == SB_OK, "row with odd values maps");
	j = cJSON_Parse(out.data);
	ok(get(j, "persons.0.sex") == NULL, "unknown sex left out");
	ok(get(j, "persons.0.dob") == NULL, "bad date left out");
	is_str(str(j, "persons.0.citizenships.0"), "Mordor", "unknown country "
	    "kept as written");
	is_str(str(j, "flags.0.code"), "bad_date", "flag: date");
	is_str(str(j, "flags.0.field"), "persons.ofiara.dob", "flag path");
	is_str(str(j, "flags.0.as_written"), "31.02.2009", "bad date as written");
	is_str(str(j, "flags.1.code"), "unknown_value", "flag: sex");
	is_str(str(j, "flags.1.as_written"), "Q", "unknown sex as written");
	is_str(str(j, "flags.2.code"), "unknown_country", "flag: country");
	is_str(str(j, "exploitation_types.0"), "SexualExploitation",
	    "'nie' is not set, '1' is");
	cJSON_Delete(j);

	const char *row3[] = {"  ", "Ola", "", "", "", "", "", "", "", "", "",
	    ""};
	ok(map_row(m, row3, &out, &e) == SB_REJECT && out.len == 0,
	    "no case number: reject, nothing written");
	ok(strstr(e.msg, "case number") != NULL, "reason says why");
	const struct sb_map_stats *st = sb_mapper_stats(m);
	ok(st->flags_unknown_value == 1 && st->flags_bad_date == 1 &&
	    st->flags_unknown_country == 1, "flag counts");
	sb_mapper_free(m);

	struct sb_map_opts mo = {"Romania", "DIICOT"};
	ok(sb_mapper_new(&m, p, &mo, &e) == SB_OK, "mapper with overrides");
	ok(map_row(m, row1, &out, &e) == SB_OK, "row maps");
	ok(strstr(out.data, "\"case_id\":\"RO:DIICOT:II K 12/23\"") != NULL,
	    "--country and --authority override the profile");
	sb_mapper_free(m);
	mo.country = "Narnia";
	ok(sb_mapper_new(&m, p, &mo, &e) == SB_FATAL && m == NULL,
	    "unknown --country refused");
	mo.country = NULL;
	mo.authority = "a:b";
	ok(sb_mapper_new(&m, p, &mo, &e) == SB_FATAL, "':' in authority refused");
	sb_profile_free(p);

	bad_profile("{\"profile\":2}", "\"profile\": 1");
	bad_profile("{\"profile\":1}", "\"case\" is required");
	bad_profile("{\"profile\":1,\"case\":{}}", "local_id");
	bad_profile("{\"profile\":1,\"case\":{\"local_id\":\"a\",\"colour\":"
	    "\"b\"}}", "case.colour");
	bad_profile("{\"profile\":1,\"case\":{\"local_id\":\"a\"},\"persons\":"
	    "[{\"pid\":\"v\",\"role\":\"hero\",\"fields\":{}}]}", "hero");
	bad_profile("{\"profile\":1,\"case\":{\"local_id\":\"a\",\"status\":"
	    "{\"column\":\"s\",\"map\":\"nope\"}}}", "no map named");
	bad_profile("{\"profile\":1,\"case\":{\"local_id\":\"a\",\"status\":"
	    "{\"column\":\"s\",\"map\":{\"x\":\"Sleeping\"}}}}", "Sleeping");
	bad_profile("{\"profile\":1,\"case\":{\"local_id\":\"a\"},\"persons\":"
	    "[{\"pid\":\"v\",\"role\":\"victim\",\"fields\":{}},{\"pid\":\"v\","
	    "\"role\":\"victim\",\"fields\":{}}]}", "two persons");
	bad_profile("{\"profile\":1,\"case\":{\"local_id\":\"a\",\"opened\":"
	    "{\"column\":\"o\",\"formats\":[\"dd.mm\"]}}}", "no year");
	bad_profile("{\"profile\":1,\"input\":{\"delimiter\":\"ab\"},\"case\":"
	    "{\"local_id\":\"a\"}}", "delimiter");
	bad_profile("{\"profile\":1,\"case\":{\"local_id\":\"a\"},\"persons\":"
	    "[{\"pid\":\"s{n}\",\"role\":\"suspect\",\"repeat\":[3,1],"
	    "\"fields\":{}}]}", "repeat");
	bad_profile("{\"profile\":1,\"case\":{\"local_id\":{\"column\":\"a\","
	    "\"const\":\"b\"}}}", "exactly one");
	bad_profile("not json", "not valid JSON");

	sb_buf_release(&out);
	sb_country_free();
	return tap_done();
}
