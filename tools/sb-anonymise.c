/*
 * sb-anonymise: case/1 records in, anonymised case/1 records out.  The
 * work is in libsb/sb_anon.c (one record) and libsb/sb_anonrun.c (the
 * streams); this file parses options, loads the key, runs the passes and
 * picks the exit status.
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "sb_anonrun.h"
#include "sb_atomic.h"
#include "sb_names.h"

static const char usage_text[] =
"usage: sb-anonymise -k FILE [options] [file ...]\n"
"       sb-anonymise --keygen FILE\n"
"Read case/1 records (NDJSON, as sb-ingest writes them) from the files or\n"
"standard input and write anonymised case/1 records to standard output:\n"
"identifiers as keyed tokens, names and dates of birth as linkage\n"
"encodings, narratives scrubbed, quasi-identifiers generalised.\n"
"\n"
"  -k, --key FILE            secret key (mode 0600; made by --keygen)\n"
"      --keygen FILE         write a new random key to FILE and exit\n"
"  -o, --output FILE         write records to FILE (atomically) not stdout\n"
"  -r, --rejects FILE        write rejected records to FILE (mode 0600)\n"
"      --hits FILE           write where each scrubbed span was (hit/1\n"
"                            records: offsets and types, no text) to FILE\n"
"  -s, --stats               print counts to standard error\n"
"      --strict              exit 1 when any record was rejected\n"
"      --dates PREC          case and event dates to year, month or day\n"
"                            (default: month)\n"
"      --birth-month         keep the month of birth, not only the year\n"
"      --k N                 k-anonymity: victims' quasi-identifiers\n"
"                            generalised or suppressed until every class\n"
"                            holds N victims (reads the files twice)\n"
"      --qi LIST             quasi-identifiers for --k, comma-separated\n"
"                            (default: age_band,sex,citizenship,region,year;\n"
"                            also locality, exploitation)\n"
"      --two-pass            also scrub names of persons known anywhere in\n"
"                            the input (reads the files twice)\n"
"      --clk BITS,K,Q        CLK parameters (default: 1024,20,2)\n"
"      --max-record BYTES    longest record accepted (default 4194304)\n"
"  -h, --help                show this help and exit\n"
"  -V, --version             show the version and exit\n";

enum {
	OPT_KEYGEN = 256,
	OPT_STRICT,
	OPT_DATES,
	OPT_BIRTH_MONTH,
	OPT_K,
	OPT_QI,
	OPT_TWO_PASS,
	OPT_CLK,
	OPT_MAX_RECORD,
	OPT_HITS,
};

/* Keep sorted by long name. */
static const struct option longopts[] = {
	{"birth-month", no_argument, NULL, OPT_BIRTH_MONTH},
	{"clk", required_argument, NULL, OPT_CLK},
	{"dates", required_argument, NULL, OPT_DATES},
	{"help", no_argument, NULL, 'h'},
	{"hits", required_argument, NULL, OPT_HITS},
	{"k", required_argument, NULL, OPT_K},
	{"key", required_argument, NULL, 'k'},
	{"keygen", required_argument, NULL, OPT_KEYGEN},
	{"max-record", required_argument, NULL, OPT_MAX_RECORD},
	{"output", required_argument, NULL, 'o'},
	{"qi", required_argument, NULL, OPT_QI},
	{"rejects", required_argument, NULL, 'r'},
	{"stats", no_argument, NULL, 's'},
	{"strict", no_argument, NULL, OPT_STRICT},
	{"two-pass", no_argument, NULL, OPT_TWO_PASS},
	{"version", no_argument, NULL, 'V'},
	{NULL, 0, NULL, 0},
};

struct opts {
	const char *key, *keygen, *output, *rejects, *hits;
	bool stats, strict, two_pass;
	struct sb_anon_opts ao;
	size_t max_record;
};

struct run {
	struct opts o;
	struct sb_key key;
	struct sb_scrub *scrub;
	struct sb_scrub_gaz *gaz;
	struct sb_kanon *kanon;
	struct sb_kanon_stats kst;
	struct sb_anon *anon;
	struct sb_atomic out, rej, hits;
	bool have_out, have_rej, have_hits, output_failed;
	struct sb_anonrun_rows *rows; /* one per operand, with --k */
	struct sb_anonrun_counts total;
	int status;
};

static int
parse_number(const char *s, unsigned long lo, unsigned long hi,
    unsigned long *out)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || s[0] == '-' || v < lo ||
	    v > hi)
		return -1;
	*out = v;
	return 0;
}

static int
parse_qi(const char *list, struct sb_anon_opts *ao)
{
	const char *p = list;
	int q;

	ao->nqi = 0;
	for (;;) {
		size_t n = strcspn(p, ",");

		if ((q = sb_anon_qi_by_name(p, n)) < 0 ||
		    ao->nqi == SB_KANON_MAX_ATTRS)
			return -1;
		for (size_t i = 0; i < ao->nqi; i++)
			if (ao->qi[i] == (enum sb_anon_qi)q)
				return -1;
		ao->qi[ao->nqi++] = (enum sb_anon_qi)q;
		if (p[n] == '\0')
			return 0;
		p += n + 1;
	}
}

static int
parse_clk(const char *s, struct sb_clk_params *p)
{
	unsigned bits, k, q;
	char extra;

	if (sscanf(s, "%u,%u,%u%c", &bits, &k, &q, &extra) != 3 || bits < 64 ||
	    bits % 64 != 0 || bits > SB_CLK_MAX_BITS || k < 1 || k > 64 ||
	    q < 1 || q > 4)
		return -1;
	p->bits = bits;
	p->k = k;
	p->q = q;
	return 0;
}

static int
parse_option(int c, struct opts *o)
{
	unsigned long v;

	switch (c) {
	case 'h':
		fputs(usage_text, stdout);
		exit(sb_cli_close_stdout());
	case 'V':
		sb_cli_version();
		exit(sb_cli_close_stdout());
	case 'o': o->output = optarg; break;
	case 'r': o->rejects = optarg; break;
	case 's': o->stats = true; break;
	case 'k': o->key = optarg; break;
	case OPT_KEYGEN: o->keygen = optarg; break;
	case OPT_HITS: o->hits = optarg; break;
	case OPT_STRICT: o->strict = true; break;
	case OPT_BIRTH_MONTH: o->ao.birth_month = true; break;
	case OPT_TWO_PASS: o->two_pass = true; break;
	case OPT_DATES:
		if (strcmp(optarg, "year") == 0)
			o->ao.dates = SB_ANON_YEAR;
		else if (strcmp(optarg, "month") == 0)
			o->ao.dates = SB_ANON_MONTH;
		else if (strcmp(optarg, "day") == 0)
			o->ao.dates = SB_ANON_DAY;
		else
			return sb_cli_usage("--dates: '%s' is not year, month or "
			    "day", optarg);
		break;
	case OPT_K:
		if (parse_number(optarg, 1, 1000000, &v) != 0)
			return sb_cli_usage("--k: give a number from 1 to 1000000");
		o->ao.k = v;
		break;
	case OPT_QI:
		if (parse_qi(optarg, &o->ao) != 0)
			return sb_cli_usage("--qi: a comma-separated list of "
			    "distinct names among age_band, sex, citizenship, "
			    "region, year, locality, exploitation");
		break;
	case OPT_CLK:
		if (parse_clk(optarg, &o->ao.clk) != 0)
			return sb_cli_usage("--clk: give BITS,K,Q with BITS a "
			    "multiple of 64 up to 4096, K 1-64, Q 1-4");
		break;
	case OPT_MAX_RECORD:
		if (parse_number(optarg, 1024, 1ul << 30, &v) != 0)
			return sb_cli_usage("--max-record: give a number of bytes "
			    "from 1024 to 1073741824");
		o->max_record = v;
		break;
	default:
		/* getopt_long(3) has said what is wrong. */
		return sb_cli_usage(NULL);
	}
	return SB_EXIT_OK;
}

static int
parse_args(int argc, char **argv, struct opts *o)
{
	static const enum sb_anon_qi dflt[] = {SB_AQ_AGE_BAND, SB_AQ_SEX,
	    SB_AQ_CITIZENSHIP, SB_AQ_REGION, SB_AQ_YEAR};
	bool qi_given = false;
	int c, st;

	memset(o, 0, sizeof(*o));
	o->ao.clk = sb_clk_default;
	o->ao.dates = SB_ANON_MONTH;
	while ((c = getopt_long(argc, argv, "hk:Vo:r:s", longopts, NULL)) !=
	    -1) {
		qi_given |= c == OPT_QI;
		if ((st = parse_option(c, o)) != SB_EXIT_OK)
			return st;
	}
	if (!qi_given) {
		memcpy(o->ao.qi, dflt, sizeof(dflt));
		o->ao.nqi = sizeof(dflt) / sizeof(dflt[0]);
	} else if (o->ao.k == 0) {
		return sb_cli_usage("--qi needs --k");
	}
	if (o->keygen != NULL) {
		if (o->key != NULL || optind < argc)
			return sb_cli_usage("--keygen takes no other operand or "
			    "--key");
		return SB_EXIT_OK;
	}
	if (o->key == NULL)
		return sb_cli_usage("--key FILE is required (make one with "
		    "--keygen FILE)");
	if ((o->ao.k > 0 || o->two_pass) && optind == argc)
		return sb_cli_usage("--k and --two-pass read the input twice: "
		    "give files, not standard input");
	for (int i = optind; i < argc; i++)
		if ((o->ao.k > 0 || o->two_pass) && strcmp(argv[i], "-") == 0)
			return sb_cli_usage("--k and --two-pass read the input "
			    "twice: give files, not standard input");
	return SB_EXIT_OK;
}

static FILE *
open_input(const char *path)
{
	FILE *fp;

	if (strcmp(path, "-") == 0)
		return stdin;
	if ((fp = fopen(path, "r")) == NULL)
		sb_warnx("%s: %s", path, strerror(errno));
	return fp;
}

static void
close_input(FILE *fp)
{
	if (fp != NULL && fp != stdin)
		fclose(fp);
}

/* The first pass of --k and --two-pass: every operand surveyed, then the
 * k-anonymity table run. */
static int
survey(struct run *r, int argc, char **argv)
{
	struct sb_err e;

	if ((r->rows = calloc((size_t)argc, sizeof(*r->rows))) == NULL)
		return SB_EXIT_SOFTWARE;
	for (int i = 0; i < argc; i++) {
		FILE *fp = open_input(argv[i]);

		if (fp == NULL)
			return SB_EXIT_NOINPUT;
		if (sb_anonrun_survey(r->anon, fp, r->o.max_record, r->kanon,
		    r->gaz, &r->rows[i], &e) != SB_OK) {
			close_input(fp);
			sb_warnx("%s: %s", argv[i], e.msg);
			return sb_cli_exit_for(e.kind);
		}
		close_input(fp);
	}
	if (r->kanon != NULL &&
	    sb_kanon_run(r->kanon, r->o.ao.k, &r->kst, &e) != SB_OK) {
		sb_warnx("%s", e.msg);
		return sb_cli_exit_for(e.kind);
	}
	return SB_EXIT_OK;
}

static int
setup(struct run *r)
{
	struct sb_err e;
	enum sb_qi_kind kinds[SB_KANON_MAX_ATTRS];
	int st;

	if (sb_key_load(&r->key, r->o.key, &e) != SB_OK) {
		sb_warnx("%s", e.msg);
		return sb_cli_exit_for(e.kind);
	}
	if (sb_scrub_new(&r->scrub, &r->key, &e) != SB_OK ||
	    (r->o.two_pass && sb_scrub_gaz_new(&r->gaz, &e) != SB_OK)) {
		sb_warnx("%s", e.msg);
		return sb_cli_exit_for(e.kind);
	}
	if (r->o.ao.k > 0) {
		for (size_t i = 0; i < r->o.ao.nqi; i++)
			kinds[i] = sb_anon_qi_kind(r->o.ao.qi[i]);
		if (sb_kanon_new(&r->kanon, kinds, r->o.ao.nqi, &e) != SB_OK) {
			sb_warnx("%s", e.msg);
			return sb_cli_exit_for(e.kind);
		}
	}
	r->o.ao.key = &r->key;
	r->o.ao.scrub = r->scrub;
	r->o.ao.gaz = r->gaz;
	if (sb_anon_new(&r->anon, &r->o.ao, &e) != SB_OK) {
		sb_warnx("%s", e.msg);
		return sb_cli_exit_for(e.kind);
	}
	if ((st = sb_cli_open_output(&r->out, r->o.output, &r->have_out)) !=
	    SB_EXIT_OK ||
	    (st = sb_cli_open_output(&r->rej, r->o.rejects, &r->have_rej)) !=
	    SB_EXIT_OK)
		return st;
	return sb_cli_open_output(&r->hits, r->o.hits, &r->have_hits);
}

static void
print_counts(const char *src, const struct sb_anonrun_counts *c)
{
	fprintf(stderr, "%s: stats: %s: read %zu written %zu rejected %zu\n",
	    sb_progname, src, c->read, c->written, c->rejected);
}

static void
print_stats(const struct run *r)
{
	const struct sb_anon_counts *a = &r->total.anon;

	print_counts("total", &r->total);
	fprintf(stderr, "%s: stats: passed_through %zu persons %zu names %zu "
	    "dobs %zu identifiers %zu unnormalised %zu narratives %zu\n",
	    sb_progname, a->passed, a->persons, a->names, a->dobs, a->ids,
	    a->ids_unnormalised, a->narratives);
	fprintf(stderr, "%s: stats: scrubbed:", sb_progname);
	for (int i = 0; i < SB_SCRUB_NTYPES; i++)
		fprintf(stderr, " %s %zu", sb_scrub_type_name(i), a->hits[i]);
	fputc('\n', stderr);
	if (r->kanon != NULL)
		fprintf(stderr, "%s: stats: k-anonymity: k %zu victims %zu "
		    "classes %zu below_k %zu generalised %zu suppressed %zu "
		    "achieved_k %zu\n", sb_progname, r->o.ao.k, r->kst.rows,
		    r->kst.classes, r->kst.below_k, r->kst.generalised,
		    r->kst.suppressed, r->kst.achieved_k);
	if (r->kanon != NULL)
		fprintf(stderr, "%s: stats: victims written generalised %zu "
		    "suppressed %zu\n", sb_progname, a->victims_generalised,
		    a->victims_suppressed);
}

static void
anonymise_all(struct run *r, int argc, char **argv)
{
	static char *const dash[] = {"-", NULL};
	char *const *ops = argc > 0 ? argv : dash;
	int n = argc > 0 ? argc : 1;
	struct sb_anonrun_opts ro;
	struct sb_anonrun_counts c;
	struct sb_err e;

	memset(&ro, 0, sizeof(ro));
	ro.anon = r->anon;
	ro.out = sb_cli_fwrite_sink;
	ro.out_arg = r->have_out ? r->out.fp : stdout;
	if (r->have_rej) {
		ro.rejects = sb_cli_fwrite_sink;
		ro.rejects_arg = r->rej.fp;
	}
	if (r->have_hits) {
		ro.hits = sb_cli_fwrite_sink;
		ro.hits_arg = r->hits.fp;
	}
	ro.max_record = r->o.max_record;
	ro.kanon = r->kanon;
	ro.achieved_k = r->kst.achieved_k;
	for (int i = 0; i < n; i++) {
		FILE *fp = open_input(ops[i]);

		if (fp == NULL) {
			r->status = SB_EXIT_NOINPUT;
			continue;
		}
		ro.rows = r->rows != NULL ? &r->rows[i] : NULL;
		e.kind = SB_E_NONE;
		e.msg[0] = '\0';
		int st = sb_anonrun_stream(&ro, fp, ops[i], &c, &e);
		close_input(fp);
		sb_anonrun_counts_add(&r->total, &c);
		if (r->o.stats)
			print_counts(ops[i], &c);
		if (st == SB_OK)
			continue;
		sb_warnx("%s: %s", ops[i], e.msg);
		r->status = sb_cli_exit_for(e.kind);
		/* With two passes, an output cut short by a changed file
		 * would not have the k it claims: none is left. */
		if (r->rows != NULL) {
			r->output_failed = true;
			return;
		}
		if (e.kind == SB_E_IO && strncmp(e.msg, "writing ", 8) == 0) {
			r->output_failed = true;
			return;
		}
	}
}

static int
finish(struct run *r, int nops)
{
	if (r->o.stats && r->anon != NULL)
		print_stats(r);
	r->status = sb_cli_close_output(&r->rej, &r->have_rej, true,
	    r->status);
	r->status = sb_cli_close_output(&r->hits, &r->have_hits, true,
	    r->status);
	r->status = sb_cli_close_output(&r->out, &r->have_out,
	    !r->output_failed && r->status != SB_EXIT_SOFTWARE, r->status);
	if (sb_cli_close_stdout() != SB_EXIT_OK && r->status == 0)
		r->status = SB_EXIT_IOERR;
	for (int i = 0; r->rows != NULL && i < nops; i++) {
		free(r->rows[i].first_row);
		free(r->rows[i].hash);
	}
	free(r->rows);
	sb_anon_free(r->anon);
	sb_kanon_free(r->kanon);
	sb_scrub_gaz_free(r->gaz);
	sb_scrub_free(r->scrub);
	sb_key_wipe(&r->key);
	sb_names_warm_end();
	sb_names_release();
	if (r->status == SB_EXIT_OK && r->o.strict && r->total.rejected > 0)
		r->status = SB_EXIT_REJECTS;
	return r->status;
}

static int
keygen(const char *path)
{
	struct sb_err e;

	if (sb_key_generate(path, &e) != SB_OK) {
		sb_warnx("%s", e.msg);
		/* The file exists, or it cannot be made where asked. */
		return SB_EXIT_CANTCREAT;
	}
	return SB_EXIT_OK;
}

int
main(int argc, char **argv)
{
	struct run r;
	int st, nops;

	sb_cli_init(argv[0]);
	argv[0] = (char *)sb_progname; /* getopt_long's messages use it */
	memset(&r, 0, sizeof r);
	if ((st = parse_args(argc, argv, &r.o)) != SB_EXIT_OK)
		return st;
	if (r.o.keygen != NULL)
		return keygen(r.o.keygen);
	nops = argc - optind;
	(void)sb_names_warm_start();
	if ((st = setup(&r)) == SB_EXIT_OK && (r.kanon != NULL || r.gaz))
		st = survey(&r, nops, argv + optind);
	if (st != SB_EXIT_OK) {
		if (r.have_out)
			sb_atomic_rollback(&r.out);
		if (r.have_rej)
			sb_atomic_rollback(&r.rej);
		if (r.have_hits)
			sb_atomic_rollback(&r.hits);
		r.have_out = r.have_rej = r.have_hits = false;
		r.status = st;
		r.o.stats = false;
		return finish(&r, nops);
	}
	anonymise_all(&r, nops, argv + optind);
	return finish(&r, nops);
}
