/* sb_anon: one record in, one anonymised record out; rejects and
 * pass-through. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "sb_anon.h"
#include "sb_names.h"
#include "tap.h"

#include <unicode/uclean.h>

static const char rec[] =
    "{\"sb\":\"case/1\",\"case_id\":\"BG:A:1\",\"local_id\":\"1\","
    "\"country\":\"BG\",\"authority\":\"A\",\"opened\":\"2025-03-14\","
    "\"persons\":[{\"pid\":\"v\",\"role\":\"victim\",\"name\":{\"given\":"
    "\"Снежана\",\"family\":\"Петрова\"},\"dob\":\"2010-07-21\","
    "\"identifiers\":[{\"type\":\"phone\",\"value\":\"0888 123 456\"}],"
    "\"addresses\":[{\"text\":\"ул. Левски 1\",\"locality\":\"Пловдив\","
    "\"postcode\":\"4000\",\"country\":\"BG\"}]}],\"narratives\":[{\"text\":"
    "\"Петрова, тел. 0888 123 456, родена 21.07.2010.\"}],"
    "\"provenance\":{\"source\":\"x\",\"record\":1}}";

static int
run(struct sb_anon *a, struct sb_anon_work *w, const char *in,
    struct sb_buf *out, struct sb_err *e)
{
	struct sb_anon_counts c = {0};

	sb_buf_reset(out);
	return sb_anon_record(a, w, in, strlen(in), NULL, out, &c, e);
}

int
main(void)
{
	char dir[] = "/tmp/sb-anon.XXXXXX", kp[64];
	struct sb_key key;
	struct sb_err e = {0};
	struct sb_scrub *s = NULL;
	struct sb_anon *a = NULL;
	struct sb_anon_work *w = NULL;
	struct sb_anon_opts o;
	struct sb_buf out;

	FILE *kf;

	if (mkdtemp(dir) == NULL)
		return 2;
	snprintf(kp, sizeof kp, "%s/key", dir);
	/* A fixed key, not a fresh one: the checks below look for short raw
	 * values ("4000", "0888") in the output, and tokens under a random
	 * key hold such digits now and then. */
	if ((kf = fopen(kp, "w")) == NULL || fchmod(fileno(kf), 0600) != 0 ||
	    fputs("sb-key/1 U2FmZUJvcmRlcnMgdF9hbm9uIHVuaXQgdGVzdCBrZXk=\n",
	    kf) < 0 || fclose(kf) != 0)
		return 2;
	if (sb_key_load(&key, kp, &e) != SB_OK ||
	    sb_scrub_new(&s, &key, &e) != SB_OK)
		return 2;
	memset(&o, 0, sizeof o);
	o.key = &key;
	o.clk = sb_clk_default;
	o.dates = SB_ANON_MONTH;
	o.scrub = s;
	ok(sb_anon_new(&a, &o, &e) == SB_OK, "new");
	ok(sb_anon_work_new(&w, &e) == SB_OK, "work");
	sb_buf_init(&out, 1 << 20);

	ok(run(a, w, rec, &out, &e) == SB_OK, "a record anonymised");
	ok(out.len > 0 && out.data[out.len - 1] == '\n', "one line");
	ok(strstr(out.data, "Петрова") == NULL &&
	    strstr(out.data, "0888") == NULL &&
	    strstr(out.data, "2010-07") == NULL &&
	    strstr(out.data, "Левски") == NULL &&
	    strstr(out.data, "4000") == NULL, "no raw value left");
	ok(strstr(out.data, "\"name_enc\":{\"token\":\"name:") != NULL,
	    "name token");
	ok(strstr(out.data, "\"birth\":{\"year\":2010}") != NULL,
	    "birth year only");
	ok(strstr(out.data, "\"age\":14,\"age_band\":\"10-14\"") != NULL,
	    "age at the case date and its band");
	ok(strstr(out.data, "\"opened\":\"2025-03\"") != NULL,
	    "dates to the month");
	ok(strstr(out.data, "[PHONE:") != NULL &&
	    strstr(out.data, "[PERSON:") != NULL &&
	    strstr(out.data, "[DATE]") != NULL, "narrative placeholders");
	ok(strstr(out.data, "\"key_id\":\"") != NULL &&
	    strstr(out.data, key.id) != NULL, "key id");

	ok(run(a, w, "nope", &out, &e) == SB_REJECT &&
	    strcmp(e.msg, "not JSON") == 0 && out.len == 0, "not JSON");
	ok(run(a, w, "{\"sb\":\"reject/1\",\"raw\":\"Петрова\"}", &out, &e) ==
	    SB_REJECT && strstr(e.msg, "Петрова") == NULL &&
	    out.len == 0, "reject/1 is not passed through");
	ok(run(a, w, "{\"sb\":\"link/1\",\"x\":1}", &out, &e) == SB_OK &&
	    strcmp(out.data, "{\"sb\":\"link/1\",\"x\":1}\n") == 0,
	    "another type passes through unchanged");
	{
		char bad[sizeof rec + 32];

		snprintf(bad, sizeof bad, "%.*s,\"secret\":\"Петрова\"}",
		    (int)(sizeof rec - 2), rec);
		ok(run(a, w, bad, &out, &e) == SB_REJECT &&
		    strstr(e.msg, "unknown member") != NULL &&
		    strstr(e.msg, "Петрова") == NULL, "unknown member");
	}

	{
		/* A work serves another sb_anon (other CLK length) as a
		 * fresh one would: its caches hold the first one's CLKs and
		 * dob_enc objects. */
		struct sb_anon *a2 = NULL;
		struct sb_anon_work *w2 = NULL;
		struct sb_buf fresh;

		o.clk.bits = 2048;
		sb_buf_init(&fresh, 1 << 20);
		ok(sb_anon_new(&a2, &o, &e) == SB_OK &&
		    sb_anon_work_new(&w2, &e) == SB_OK &&
		    run(a2, w2, rec, &fresh, &e) == SB_OK &&
		    run(a, w, rec, &out, &e) == SB_OK &&
		    run(a2, w, rec, &out, &e) == SB_OK &&
		    strcmp(out.data, fresh.data) == 0,
		    "a work's caches follow the sb_anon it serves");
		sb_buf_release(&fresh);
		sb_anon_work_free(w2);
		sb_anon_free(a2);
	}

	sb_buf_release(&out);
	sb_anon_work_free(w);
	sb_anon_free(a);
	sb_scrub_free(s);
	sb_key_wipe(&key);
	sb_names_release();
	u_cleanup(); /* ICU's caches, so that valgrind sees no leak */
	unlink(kp);
	rmdir(dir);
	return tap_done();
}
