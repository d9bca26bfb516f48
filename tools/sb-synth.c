/*
 * sb-synth: realistic synthetic case exports for the eight countries, in
 * the layouts the shipped profiles read, with a ground truth.  The world
 * is in libsb/sb_synth.c, the layouts in libsb/sb_synth_write.c, the
 * narratives in libsb/sb_synth_narr.c; this file wires them to files.
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>

#include "cli.h"
#include "sb_json.h"
#include "sb_profile.h"
#include "sb_rng.h"
#include "sb_synth.h"
#include "sb_synth_narr.h"
#include "sb_synth_write.h"

static const char usage_text[] =
"usage: sb-synth --out DIR [options]\n"
"Write synthetic case exports of the eight countries' authorities into\n"
"DIR, in the layouts sb-ingest's shipped profiles read, and the ground\n"
"truth into DIR/truth.ndjson.  The same seed gives the same bytes.\n"
"\n"
"  -o, --out DIR        output directory (created; must be empty or new)\n"
"  -n, --cases N        number of cases (default 1000)\n"
"  -S, --seed S         seed text (default 1)\n"
"      --dirty RATE     share of records corrupted on purpose, 0..1\n"
"                       (default 0; listed in the truth as dirty)\n"
"  -s, --stats          print counts per export to standard error\n"
"  -h, --help           show this help and exit\n"
"  -V, --version        show the version and exit\n";

/* Keep sorted by long name. */
static const struct option longopts[] = {
	{"cases", required_argument, NULL, 'n'},
	{"dirty", required_argument, NULL, 'D'},
	{"help", no_argument, NULL, 'h'},
	{"out", required_argument, NULL, 'o'},
	{"seed", required_argument, NULL, 'S'},
	{"stats", no_argument, NULL, 's'},
	{"version", no_argument, NULL, 'V'},
	{NULL, 0, NULL, 0},
};

/* One export per authority: its layout and where it goes. */
static const struct layout {
	const char *cc, *profile, *path;
	const char *member;   /* inside the archive at `path`, or NULL */
} layouts[8] = {
	{"BE", "be-parquet", "be/parquet-bruxelles.csv", NULL},
	{"BG", "bg-prb", "bg/uis-prb.csv", NULL},
	{"FI", "fi-poliisi", "fi/poliisi-patja.ndjson", NULL},
	{"GR", "gr-eisaggelia", "gr/eisaggelia.tsv", NULL},
	{"IT", "it-procura", "it/procura-export.tar.gz",
	    "SICP/registro-generale/procura-sicp.csv"},
	{"PL", "pl-prokuratura", "pl/prokuratura.csv", NULL},
	{"PT", "pt-htcds", "pt/htcds-pt.csv", NULL},
	{"RO", "ro-diicot", "ro/diicot-export.zip",
	    "DIICOT_export/ST_Constanta/dosare.csv"},
};

struct opts {
	const char *out, *seed;
	unsigned long long cases;
	double dirty;
	bool stats;
};

struct run {
	struct opts o;
	struct sb_profile *prof[8];
	struct sb_export *x[8];
	char *tmp[8];         /* where an archived layout is written first */
	unsigned long nrec[8];
	FILE *truth;
	struct sb_buf tb;
	unsigned char *seen;  /* persons already written to the truth */
	size_t nseen;
	struct sb_rng narr_rng;
};

static int
parse_args(int argc, char **argv, struct opts *o)
{
	char *end;
	int c;

	memset(o, 0, sizeof(*o));
	o->seed = "1";
	o->cases = 1000;
	while ((c = getopt_long(argc, argv, "hn:o:sS:V", longopts, NULL)) !=
	    -1) {
		switch (c) {
		case 'h':
			fputs(usage_text, stdout);
			exit(sb_cli_close_stdout());
		case 'V':
			sb_cli_version();
			exit(sb_cli_close_stdout());
		case 'n':
			errno = 0;
			o->cases = strtoull(optarg, &end, 10);
			if (errno != 0 || *end != '\0' || optarg[0] == '-' ||
			    o->cases > 100000000ULL)
				return sb_cli_usage("--cases: give a number from "
				    "0 to 100000000");
			break;
		case 'D':
			errno = 0;
			o->dirty = strtod(optarg, &end);
			if (errno != 0 || *end != '\0' || !(o->dirty >= 0 &&
			    o->dirty <= 1))
				return sb_cli_usage("--dirty: give a rate from 0 "
				    "to 1");
			break;
		case 'o': o->out = optarg; break;
		case 'S': o->seed = optarg; break;
		case 's': o->stats = true; break;
		default:
			return sb_cli_usage(NULL);
		}
	}
	if (optind != argc)
		return sb_cli_usage("no operands are taken (see --out)");
	if (o->out == NULL)
		return sb_cli_usage("--out DIR is required");
	return SB_EXIT_OK;
}

static int
make_dir(const char *path)
{
	return mkdir(path, 0700) == 0 || errno == EEXIST ? 0 : -1;
}

/* DIR/<sub>/...: make the directories of a file's path. */
static int
make_parents(const char *file)
{
	char buf[4096];

	snprintf(buf, sizeof buf, "%s", file);
	for (char *p = buf + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (make_dir(buf) != 0)
			return -1;
		*p = '/';
	}
	return 0;
}

static char *
join(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 2;
	char *s = malloc(n);

	if (s != NULL)
		snprintf(s, n, "%s/%s", a, b);
	return s;
}

static int
open_exports(struct run *r)
{
	struct sb_err e;
	char *dirs = sb_cli_profile_dirs();

	if (dirs == NULL)
		return SB_EXIT_SOFTWARE;
	for (int i = 0; i < 8; i++) {
		const struct layout *l = &layouts[i];
		char *path = l->member != NULL ? join(r->o.out, ".work") :
		    join(r->o.out, l->path);
		char *file = path;
		if (path != NULL && l->member != NULL) {
			file = join(path, l->member);
			free(path);
			r->tmp[i] = file;
		}
		if (file == NULL || make_parents(file) != 0) {
			sb_warnx("%s: cannot create directories: %s", r->o.out,
			    strerror(errno));
			free(dirs);
			return SB_EXIT_CANTCREAT;
		}
		if (sb_profile_load(&r->prof[i], l->profile, dirs, &e) !=
		    SB_OK || sb_export_open(&r->x[i], r->prof[i], file, &e) !=
		    SB_OK) {
			sb_warnx("%s", e.msg);
			if (l->member == NULL)
				free(file);
			free(dirs);
			return sb_cli_exit_for(e.kind);
		}
		if (l->member == NULL)
			free(file);
	}
	free(dirs);
	return SB_EXIT_OK;
}

/* ---- the truth -------------------------------------------------------- */

static void
where(struct sb_jw *w, int i, long record)
{
	sb_jw_key(w, "source");
	sb_jw_cstr(w, layouts[i].path);
	if (layouts[i].member != NULL) {
		sb_jw_key(w, "member");
		sb_jw_cstr(w, layouts[i].member);
	}
	sb_jw_key(w, "record");
	sb_jw_int(w, record);
}

static void
pid(struct sb_jw *w, const char *key, uint32_t id)
{
	char s[16];

	snprintf(s, sizeof s, "P%07u", id % 10000000u);
	sb_jw_key(w, key);
	sb_jw_cstr(w, s);
}

static void
gid(struct sb_jw *w, uint32_t g)
{
	char s[16];

	snprintf(s, sizeof s, "G%05u", g % 100000u);
	sb_jw_key(w, "group");
	sb_jw_cstr(w, s);
}

static struct sb_jw
line(struct run *r, const char *kind)
{
	struct sb_jw w;

	sb_jw_init(&w, &r->tb);
	sb_jw_obj(&w);
	sb_jw_key(&w, "sb");
	sb_jw_cstr(&w, "truth/1");
	sb_jw_key(&w, "kind");
	sb_jw_cstr(&w, kind);
	return w;
}

static int
end_line(struct run *r, struct sb_jw *w)
{
	sb_jw_end_obj(w);
	sb_buf_addc(&r->tb, '\n');
	if (w->failed)
		return -1;
	if (r->tb.len >= (1u << 20)) {
		if (fwrite(r->tb.data, 1, r->tb.len, r->truth) != r->tb.len)
			return -1;
		sb_buf_reset(&r->tb);
	}
	return 0;
}

static int
truth_person(struct run *r, const struct sb_syn_person *p)
{
	struct sb_jw w;
	char dob[16];

	if (p->id < r->nseen && r->seen[p->id])
		return 0;
	if (p->id >= r->nseen) {
		size_t n = (size_t)p->id * 2 + 1024;
		unsigned char *s = realloc(r->seen, n);
		if (s == NULL)
			return -1;
		memset(s + r->nseen, 0, n - r->nseen);
		r->seen = s;
		r->nseen = n;
	}
	r->seen[p->id] = 1;
	w = line(r, "person");
	pid(&w, "person", p->id);
	sb_jw_key(&w, "cc");
	sb_jw_cstr(&w, p->cc);
	sb_jw_key(&w, "sex");
	sb_jw_str(&w, &p->sex, 1);
	snprintf(dob, sizeof dob, "%04u-%02u-%02u", (unsigned)p->year % 10000u,
	    (unsigned)p->month % 100u, (unsigned)p->day % 100u);
	sb_jw_key(&w, "dob");
	sb_jw_cstr(&w, dob);
	sb_jw_key(&w, "given");
	sb_jw_cstr(&w, p->given);
	sb_jw_key(&w, "family");
	sb_jw_cstr(&w, p->family);
	sb_jw_key(&w, "role");
	sb_jw_cstr(&w, p->role);
	if (p->group != 0)
		gid(&w, p->group);
	sb_jw_key(&w, "identifiers");
	sb_jw_arr(&w);
	for (int i = 0; i < p->nids; i++) {
		sb_jw_obj(&w);
		sb_jw_key(&w, "type");
		sb_jw_cstr(&w, p->ids[i].type);
		sb_jw_key(&w, "value");
		sb_jw_cstr(&w, p->ids[i].value);
		if (p->ids[i].scheme[0] != '\0') {
			sb_jw_key(&w, "scheme");
			sb_jw_cstr(&w, p->ids[i].scheme);
		}
		if (p->ids[i].country[0] != '\0') {
			sb_jw_key(&w, "country");
			sb_jw_cstr(&w, p->ids[i].country);
		}
		if (p->ids[i].shared) {
			sb_jw_key(&w, "shared");
			sb_jw_bool(&w, true);
		}
		sb_jw_end_obj(&w);
	}
	sb_jw_end_arr(&w);
	return end_line(r, &w);
}

static int
truth_case(struct run *r, const struct sb_syn_case *c, long record)
{
	struct sb_jw w = line(r, "case");

	where(&w, c->export, record);
	sb_jw_key(&w, "country");
	sb_jw_cstr(&w, c->cc);
	sb_jw_key(&w, "opened");
	sb_jw_cstr(&w, c->opened);
	if (c->group != 0)
		gid(&w, c->group);
	if (c->trend) {
		sb_jw_key(&w, "trend");
		sb_jw_bool(&w, true);
	}
	if (c->cluster != 0) {
		sb_jw_key(&w, "cluster");
		sb_jw_int(&w, c->cluster);
	}
	if (c->dirty != NULL) {
		sb_jw_key(&w, "dirty");
		sb_jw_cstr(&w, c->dirty);
	}
	if (end_line(r, &w) != 0)
		return -1;
	if (c->dirty != NULL)
		return 0; /* a rejected record has no mentions to score */
	for (int i = 0; i < c->nmen; i++) {
		if (truth_person(r, c->men[i].p) != 0)
			return -1;
		w = line(r, "mention");
		where(&w, c->export, record);
		sb_jw_key(&w, "person_index");
		sb_jw_int(&w, i);
		pid(&w, "person", c->men[i].p->id);
		sb_jw_key(&w, "role");
		sb_jw_cstr(&w, c->men[i].role);
		if (end_line(r, &w) != 0)
			return -1;
	}
	for (int i = 0; i < c->nspans; i++) {
		w = line(r, "span");
		where(&w, c->export, record);
		sb_jw_key(&w, "narrative");
		sb_jw_int(&w, 0);
		sb_jw_key(&w, "start");
		sb_jw_int(&w, (long long)c->spans[i].start);
		sb_jw_key(&w, "end");
		sb_jw_int(&w, (long long)c->spans[i].end);
		sb_jw_key(&w, "type");
		sb_jw_cstr(&w, c->spans[i].type);
		if (c->spans[i].person != 0)
			pid(&w, "person", c->spans[i].person);
		if (end_line(r, &w) != 0)
			return -1;
	}
	return 0;
}

static int
truth_head(struct run *r)
{
	struct sb_jw w = line(r, "run");
	char cases[32];

	snprintf(cases, sizeof cases, "%llu", r->o.cases);
	sb_jw_key(&w, "seed");
	sb_jw_cstr(&w, r->o.seed);
	sb_jw_key(&w, "cases");
	sb_jw_raw(&w, cases, strlen(cases));
	sb_jw_key(&w, "dirty");
	char d[32];
	snprintf(d, sizeof d, "%g", r->o.dirty);
	sb_jw_raw(&w, d, strlen(d));
	sb_jw_key(&w, "version");
	sb_jw_cstr(&w, SB_VERSION);
	if (end_line(r, &w) != 0)
		return -1;
	w = line(r, "trend");
	sb_jw_key(&w, "field");
	sb_jw_cstr(&w, "recruitment_methods");
	sb_jw_key(&w, "value");
	sb_jw_cstr(&w, "OnlineSocialMedia");
	sb_jw_key(&w, "from");
	sb_jw_cstr(&w, "2026-05");
	sb_jw_key(&w, "to");
	sb_jw_cstr(&w, "2026-10");
	sb_jw_key(&w, "description");
	sb_jw_cstr(&w, "recruitment through social media rises from a few "
	    "per cent of cases to more than half in the last six months");
	if (end_line(r, &w) != 0)
		return -1;
	w = line(r, "cluster");
	sb_jw_key(&w, "cluster");
	sb_jw_int(&w, 1);
	sb_jw_key(&w, "exploitation_types");
	sb_jw_cstr(&w, "ForcedBegging");
	sb_jw_key(&w, "recruitment_methods");
	sb_jw_cstr(&w, "FalseJobOffer");
	sb_jw_key(&w, "control_methods");
	sb_jw_cstr(&w, "WithholdsDocuments");
	sb_jw_key(&w, "description");
	sb_jw_cstr(&w, "children of 10 to 13 recruited with false job offers "
	    "to their families, forced to beg, documents withheld");
	return end_line(r, &w);
}

static int
truth_groups(struct run *r, const struct sb_world *world)
{
	const struct sb_syn_person *m[64];

	for (uint32_t g = 1; g <= sb_world_ngroups(world); g++) {
		const char *home, *dest;
		size_t n = sb_world_group(world, g, m, 64, &home, &dest);
		struct sb_jw w;
		char s[16];

		for (size_t i = 0; i < n; i++)
			if (truth_person(r, m[i]) != 0)
				return -1;
		w = line(r, "group");
		gid(&w, g);
		static const char *const lists[] = {"members", "leaders",
		    "brokers"};
		for (int l = 0; l < 3; l++) {
			sb_jw_key(&w, lists[l]);
			sb_jw_arr(&w);
			for (size_t i = 0; i < n; i++) {
				bool broker = m[i]->group != g;
				if ((l == 1 && strcmp(m[i]->role, "leader")) ||
				    (l == 2 && !broker))
					continue;
				snprintf(s, sizeof s, "P%07u",
				    m[i]->id % 10000000u);
				sb_jw_cstr(&w, s);
			}
			sb_jw_end_arr(&w);
		}
		sb_jw_key(&w, "home");
		sb_jw_cstr(&w, home);
		sb_jw_key(&w, "destination");
		sb_jw_cstr(&w, dest);
		if (end_line(r, &w) != 0)
			return -1;
	}
	return 0;
}

/* ---- archives --------------------------------------------------------- */

/* Put the work file of layout i into its archive (zip, or tar.gz by the
 * name), with a fixed time and owner so that the archive's bytes depend on
 * the seed only. */
static int
archive_layout(struct run *r, int i)
{
	const struct layout *l = &layouts[i];
	char *zip = join(r->o.out, l->path), buf[65536];
	struct archive *a = archive_write_new();
	struct archive_entry *ent = archive_entry_new();
	struct stat st;
	FILE *in = NULL;
	size_t n;
	int rc = -1;

	if (zip == NULL || a == NULL || ent == NULL ||
	    make_parents(zip) != 0 || stat(r->tmp[i], &st) != 0 ||
	    (in = fopen(r->tmp[i], "rb")) == NULL)
		goto out;
	size_t zl = strlen(zip);
	bool tgz = zl > 7 && strcmp(zip + zl - 7, ".tar.gz") == 0;
	if ((tgz ? archive_write_set_format_ustar(a) != ARCHIVE_OK ||
	    archive_write_add_filter_gzip(a) != ARCHIVE_OK ||
	    /* no time in the gzip header: same seed, same bytes */
	    archive_write_set_options(a, "gzip:!timestamp") != ARCHIVE_OK :
	    archive_write_set_format_zip(a) != ARCHIVE_OK) ||
	    archive_write_open_filename(a, zip) != ARCHIVE_OK)
		goto out;
	archive_entry_set_pathname(ent, l->member);
	archive_entry_set_size(ent, st.st_size);
	archive_entry_set_filetype(ent, AE_IFREG);
	archive_entry_set_perm(ent, 0644);
	archive_entry_set_mtime(ent, 1767225600, 0); /* 2026-01-01 */
	if (archive_write_header(a, ent) != ARCHIVE_OK)
		goto out;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (archive_write_data(a, buf, n) != (la_ssize_t)n)
			goto out;
	if (ferror(in) || archive_write_close(a) != ARCHIVE_OK)
		goto out;
	rc = 0;
out:
	if (rc != 0)
		sb_warnx("%s: %s", zip != NULL ? zip : l->path,
		    a != NULL && archive_error_string(a) != NULL ?
		    archive_error_string(a) : strerror(errno));
	if (in != NULL)
		fclose(in);
	archive_entry_free(ent);
	archive_write_free(a);
	free(zip);
	return rc;
}

/* Remove the work files of archived layouts, and their directories. */
static void
clean_work(struct run *r)
{
	char *work = join(r->o.out, ".work");

	for (int i = 0; i < 8; i++) {
		if (r->tmp[i] == NULL)
			continue;
		unlink(r->tmp[i]);
		/* Directories up to .work, deepest first. */
		char *d = strdup(r->tmp[i]), *slash;
		while (d != NULL && work != NULL &&
		    (slash = strrchr(d, '/')) != NULL &&
		    strlen(d) > strlen(work)) {
			*slash = '\0';
			rmdir(d);
		}
		free(d);
	}
	free(work);
}

/* ---- the run ---------------------------------------------------------- */

static int
generate(struct run *r, struct sb_world *world)
{
	struct sb_syn_case *c = malloc(sizeof(*c));
	struct sb_err e;
	int rc = SB_EXIT_OK;

	if (c == NULL)
		return SB_EXIT_SOFTWARE;
	while (sb_world_next(world, c) == SB_OK) {
		const struct layout *l = &layouts[c->export];
		const struct sb_reader_opts *ro =
		    sb_profile_reader_opts(r->prof[c->export]);
		long record = 0;

		/* NULL: the module picks the language, English now and
		 * then, Dutch or French in Belgium. */
		if (sb_synth_narrative(c, NULL, ro->encoding,
		    &r->narr_rng) != 0 ||
		    sb_export_write(r->x[c->export], c, &record, &e) != SB_OK) {
			sb_warnx("%s: %s", l->path, e.msg);
			rc = SB_EXIT_IOERR;
			break;
		}
		r->nrec[c->export]++;
		if (truth_case(r, c, record) != 0) {
			sb_warnx("truth.ndjson: %s", strerror(errno));
			rc = SB_EXIT_IOERR;
			break;
		}
	}
	free(c);
	return rc;
}

static int
finish(struct run *r, struct sb_world *world, int rc)
{
	struct sb_err e;

	for (int i = 0; i < 8; i++) {
		if (r->x[i] != NULL && sb_export_close(r->x[i], &e) != SB_OK &&
		    rc == SB_EXIT_OK) {
			sb_warnx("%s", e.msg);
			rc = SB_EXIT_IOERR;
		}
		if (rc == SB_EXIT_OK && r->tmp[i] != NULL &&
		    archive_layout(r, i) != 0)
			rc = SB_EXIT_IOERR;
		if (r->o.stats)
			fprintf(stderr, "%s: stats: %s: %lu records\n",
			    sb_progname, layouts[i].path, r->nrec[i]);
	}
	clean_work(r);
	if (rc == SB_EXIT_OK && world != NULL && truth_groups(r, world) != 0)
		rc = SB_EXIT_IOERR;
	if (r->truth != NULL) {
		if (r->tb.len > 0 && fwrite(r->tb.data, 1, r->tb.len,
		    r->truth) != r->tb.len && rc == SB_EXIT_OK)
			rc = SB_EXIT_IOERR;
		if ((fflush(r->truth) != 0 || ferror(r->truth)) &&
		    rc == SB_EXIT_OK)
			rc = SB_EXIT_IOERR;
		if (fclose(r->truth) != 0 && rc == SB_EXIT_OK)
			rc = SB_EXIT_IOERR;
		if (rc == SB_EXIT_IOERR)
			sb_warnx("writing the exports or the truth failed");
	}
	for (int i = 0; i < 8; i++) {
		sb_profile_free(r->prof[i]);
		free(r->tmp[i]);
	}
	sb_buf_release(&r->tb);
	free(r->seen);
	sb_world_free(world);
	return rc;
}

int
main(int argc, char **argv)
{
	struct run r;
	struct sb_world *world = NULL;
	struct sb_world_opts wo;
	struct sb_rng root;
	struct sb_err e;
	int rc;

	sb_cli_init(argv[0]);
	argv[0] = (char *)sb_progname;
	memset(&r, 0, sizeof r);
	if ((rc = parse_args(argc, argv, &r.o)) != SB_EXIT_OK)
		return rc;
	if (make_dir(r.o.out) != 0) {
		sb_warnx("%s: %s", r.o.out, strerror(errno));
		return SB_EXIT_CANTCREAT;
	}
	sb_buf_init(&r.tb, 8u << 20);
	sb_rng_seed(&root, r.o.seed);
	sb_rng_fork(&r.narr_rng, &root, "narratives");
	char *tpath = join(r.o.out, "truth.ndjson");
	if (tpath == NULL || (r.truth = fopen(tpath, "w")) == NULL) {
		sb_warnx("%s: %s", tpath != NULL ? tpath : r.o.out,
		    strerror(errno));
		free(tpath);
		return finish(&r, NULL, SB_EXIT_CANTCREAT);
	}
	free(tpath);
	memset(&wo, 0, sizeof wo);
	wo.seed = r.o.seed;
	wo.cases = r.o.cases;
	wo.dirty = r.o.dirty;
	if ((rc = open_exports(&r)) != SB_EXIT_OK)
		return finish(&r, NULL, rc);
	if (sb_world_new(&world, &wo, &e) != SB_OK) {
		sb_warnx("%s", e.msg);
		return finish(&r, NULL, sb_cli_exit_for(e.kind));
	}
	if (truth_head(&r) != 0)
		return finish(&r, world, SB_EXIT_IOERR);
	rc = generate(&r, world);
	rc = finish(&r, world, rc);
	if (sb_cli_close_stdout() != SB_EXIT_OK && rc == SB_EXIT_OK)
		rc = SB_EXIT_IOERR;
	return rc;
}
