/*
 * sb-ingest: case exports (CSV, JSON, NDJSON, archives of them) in,
 * canonical case/1 records (NDJSON) out.  The work is in libsb/sb_ingest.c;
 * this file parses options, wires outputs and picks the exit status.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <dirent.h>

#include "cli.h"
#include "sb_atomic.h"
#include "sb_ingest.h"

static const char usage_text[] =
"usage: sb-ingest [options] [file ...]\n"
"Read case exports (CSV/TSV, JSON, NDJSON, and zip/tar/7z archives of\n"
"them) from the files, or standard input, and write canonical case/1\n"
"records as NDJSON to standard output.\n"
"\n"
"  -p, --profile NAME|FILE   mapping profile (see --list-profiles)\n"
"  -f, --format FMT          auto, csv, tsv, json or ndjson (default: auto)\n"
"  -e, --encoding ENC        source encoding, e.g. windows-1251 (default UTF-8)\n"
"  -d, --delimiter C         CSV delimiter: one character or 'tab'\n"
"      --no-header           CSV without a header row (columns are 1, 2, ...)\n"
"  -o, --output FILE         write records to FILE (atomically) not stdout\n"
"  -r, --rejects FILE        write rejected records to FILE (mode 0600)\n"
"  -s, --stats               print counts per source to standard error\n"
"      --strict              exit 1 when any record was rejected\n"
"      --country CC          case country for every record (overrides profile)\n"
"      --authority NAME      authority for every record (overrides profile)\n"
"      --max-record BYTES    longest record accepted (default 4194304)\n"
"  -v, --verbose             also report profile columns missing from a header\n"
"      --list-profiles       list the profiles found and exit\n"
"  -h, --help                show this help and exit\n"
"  -V, --version             show the version and exit\n";

enum {
	OPT_NO_HEADER = 256,
	OPT_STRICT,
	OPT_COUNTRY,
	OPT_AUTHORITY,
	OPT_MAX_RECORD,
	OPT_LIST_PROFILES,
};

/* Keep sorted by long name. */
static const struct option longopts[] = {
	{"authority", required_argument, NULL, OPT_AUTHORITY},
	{"country", required_argument, NULL, OPT_COUNTRY},
	{"delimiter", required_argument, NULL, 'd'},
	{"encoding", required_argument, NULL, 'e'},
	{"format", required_argument, NULL, 'f'},
	{"help", no_argument, NULL, 'h'},
	{"list-profiles", no_argument, NULL, OPT_LIST_PROFILES},
	{"max-record", required_argument, NULL, OPT_MAX_RECORD},
	{"no-header", no_argument, NULL, OPT_NO_HEADER},
	{"output", required_argument, NULL, 'o'},
	{"profile", required_argument, NULL, 'p'},
	{"rejects", required_argument, NULL, 'r'},
	{"stats", no_argument, NULL, 's'},
	{"strict", no_argument, NULL, OPT_STRICT},
	{"verbose", no_argument, NULL, 'v'},
	{"version", no_argument, NULL, 'V'},
	{NULL, 0, NULL, 0},
};

struct opts {
	const char *profile, *format, *encoding, *delimiter;
	const char *output, *rejects, *country, *authority;
	bool no_header, stats, strict, list_profiles, verbose;
	size_t max_record;
};

static void
usage(FILE *fp)
{
	fputs(usage_text, fp);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* One line a profile, "name<TAB>path", sorted by name; a name found in
 * two directories is listed where it is found first (the one used). */
static int
list_profiles(const char *dirs)
{
	char *copy = strdup(dirs), *save = NULL, *d, **names = NULL;
	size_t n = 0;
	int st = SB_EXIT_OK;

	if (copy == NULL)
		return SB_EXIT_SOFTWARE;
	for (d = strtok_r(copy, ":", &save); d != NULL;
	    d = strtok_r(NULL, ":", &save)) {
		DIR *dp = opendir(d);
		struct dirent *de;
		if (dp == NULL)
			continue;
		while ((de = readdir(dp)) != NULL) {
			size_t len = strlen(de->d_name);
			char **grown, *line;
			if (len <= 5 || strcmp(de->d_name + len - 5, ".json"))
				continue;
			if ((grown = realloc(names, (n + 1) *
			    sizeof(*names))) == NULL) {
				st = SB_EXIT_SOFTWARE;
				break;
			}
			names = grown;
			if ((line = malloc(2 * len + strlen(d) + 4)) == NULL) {
				st = SB_EXIT_SOFTWARE;
				break;
			}
			sprintf(line, "%.*s\t%s/%s", (int)(len - 5), de->d_name,
			    d, de->d_name);
			names[n++] = line;
		}
		closedir(dp);
	}
	qsort(names, n, sizeof(*names), cmp_str);
	for (size_t i = 0; i < n; i++) {
		size_t k = strcspn(names[i], "\t");
		if (i == 0 || strncmp(names[i], names[i - 1], k + 1) != 0)
			puts(names[i]);
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(copy);
	return st != SB_EXIT_OK ? st : sb_cli_close_stdout();
}

static int
parse_args(int argc, char **argv, struct opts *o)
{
	int c;
	char *end;

	memset(o, 0, sizeof(*o));
	while ((c = getopt_long(argc, argv, "d:e:f:ho:p:r:svV", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'd': o->delimiter = optarg; break;
		case 'e': o->encoding = optarg; break;
		case 'f': o->format = optarg; break;
		case 'h':
			usage(stdout);
			exit(sb_cli_close_stdout());
		case 'o': o->output = optarg; break;
		case 'p': o->profile = optarg; break;
		case 'r': o->rejects = optarg; break;
		case 's': o->stats = true; break;
		case 'v': o->verbose = true; break;
		case 'V':
			sb_cli_version();
			exit(sb_cli_close_stdout());
		case OPT_NO_HEADER: o->no_header = true; break;
		case OPT_STRICT: o->strict = true; break;
		case OPT_COUNTRY: o->country = optarg; break;
		case OPT_AUTHORITY: o->authority = optarg; break;
		case OPT_LIST_PROFILES: o->list_profiles = true; break;
		case OPT_MAX_RECORD:
			errno = 0;
			unsigned long long v = strtoull(optarg, &end, 10);
			if (errno != 0 || *end != '\0' || v < 1024 ||
			    v > (1ull << 30))
				return sb_cli_usage("--max-record: give a number "
				    "of bytes from 1024 to 1073741824");
			o->max_record = (size_t)v;
			break;
		default:
			/* getopt_long(3) has said what is wrong. */
			return sb_cli_usage(NULL);
		}
	}
	return SB_EXIT_OK;
}

/* Command-line reader options override the profile's input section. */
static int
reader_opts(const struct opts *o, const struct sb_profile *p,
    struct sb_reader_opts *r)
{
	if (p != NULL)
		*r = *sb_profile_reader_opts(p);
	else
		memset(r, 0, sizeof(*r));
	if (o->format != NULL) {
		if (strcmp(o->format, "auto") == 0)
			r->format = SB_FMT_AUTO;
		else if (strcmp(o->format, "csv") == 0)
			r->format = SB_FMT_CSV;
		else if (strcmp(o->format, "tsv") == 0) {
			r->format = SB_FMT_CSV;
			r->delimiter = '\t';
		} else if (strcmp(o->format, "json") == 0)
			r->format = SB_FMT_JSON;
		else if (strcmp(o->format, "ndjson") == 0)
			r->format = SB_FMT_NDJSON;
		else
			return sb_cli_usage("--format: '%s' is not auto, csv, tsv, "
			    "json or ndjson", o->format);
	}
	if (o->delimiter != NULL) {
		if (strcmp(o->delimiter, "tab") == 0 ||
		    strcmp(o->delimiter, "\\t") == 0)
			r->delimiter = '\t';
		else if (strlen(o->delimiter) == 1)
			r->delimiter = (unsigned char)o->delimiter[0];
		else
			return sb_cli_usage("--delimiter: give one character or "
			    "'tab'");
	}
	if (o->encoding != NULL)
		r->encoding = o->encoding;
	if (o->no_header)
		r->no_header = true;
	if (o->max_record != 0)
		r->max_record = o->max_record;
	return SB_EXIT_OK;
}

static void
note(void *arg, const char *source, const char *msg)
{
	(void)arg;
	sb_warnx("%s: %s", source, msg);
}

static void
print_stats(const char *src, const struct sb_ingest_counts *c)
{
	fprintf(stderr, "%s: stats: %s: read %lu written %lu rejected %lu\n",
	    sb_progname, src, c->read, c->written, c->rejected);
}

struct run {
	struct opts o;
	struct sb_profile *profile;
	struct sb_atomic out, rej;
	bool have_out, have_rej;
	struct sb_ingest *ig;
	struct sb_ingest_counts total;
	int status;
	bool output_failed;
};

static void
ingest_all(struct run *r, int argc, char **argv)
{
	static char *const dash[] = {"-", NULL};
	char *const *ops = argc > 0 ? argv : dash;
	int n = argc > 0 ? argc : 1;
	struct sb_err e;

	for (int i = 0; i < n; i++) {
		struct sb_ingest_counts c;
		e.kind = SB_E_NONE;
		e.msg[0] = '\0';
		int st = sb_ingest_source(r->ig, ops[i], &c, &e);
		r->total.read += c.read;
		r->total.written += c.written;
		r->total.rejected += c.rejected;
		if (st != SB_OK)
			sb_warnx("%s", e.msg);
		if (r->o.stats)
			print_stats(ops[i], &c);
		if (st == SB_OK)
			continue;
		r->status = sb_cli_exit_for(e.kind);
		if (e.kind == SB_E_IO && strncmp(e.msg, "writing ", 8) == 0) {
			r->output_failed = true;
			return;
		}
	}
}

static int
setup(struct run *r)
{
	struct sb_ingest_opts io;
	struct sb_err e;
	char *dirs = sb_cli_profile_dirs();

	memset(&io, 0, sizeof io);
	if (dirs == NULL)
		return SB_EXIT_SOFTWARE;
	if (r->o.list_profiles) {
		int st = list_profiles(dirs);
		free(dirs);
		exit(st);
	}
	if (r->o.profile != NULL &&
	    sb_profile_load(&r->profile, r->o.profile, dirs, &e) != SB_OK) {
		free(dirs);
		sb_warnx("%s", e.msg);
		return sb_cli_exit_for(e.kind);
	}
	free(dirs);
	int st = reader_opts(&r->o, r->profile, &io.ropts);
	if (st != SB_EXIT_OK)
		return st;
	io.profile = r->profile;
	io.mopts.country = r->o.country;
	io.mopts.authority = r->o.authority;
	io.note = note;
	io.verbose = r->o.verbose;
	io.out = sb_cli_fwrite_sink;
	io.out_arg = stdout;
	if ((st = sb_cli_open_output(&r->out, r->o.output, &r->have_out)) !=
	    SB_EXIT_OK ||
	    (st = sb_cli_open_output(&r->rej, r->o.rejects, &r->have_rej)) !=
	    SB_EXIT_OK)
		return st;
	if (r->have_out)
		io.out_arg = r->out.fp;
	if (r->have_rej) {
		io.rejects = sb_cli_fwrite_sink;
		io.rejects_arg = r->rej.fp;
	}
	if (sb_ingest_new(&r->ig, &io, &e) != SB_OK) {
		sb_warnx("%s", e.msg);
		return sb_cli_exit_for(e.kind);
	}
	return SB_EXIT_OK;
}

static int
finish(struct run *r)
{
	const struct sb_map_stats *ms;

	if (r->o.stats && r->ig != NULL) {
		ms = sb_ingest_map_stats(r->ig);
		print_stats("total", &r->total);
		fprintf(stderr, "%s: stats: flags: unknown_value %lu "
		    "unknown_country %lu bad_date %lu bad_number %lu\n",
		    sb_progname, ms->flags_unknown_value,
		    ms->flags_unknown_country, ms->flags_bad_date,
		    ms->flags_bad_number);
	}
	r->status = sb_cli_close_output(&r->rej, &r->have_rej, true,
	    r->status);
	r->status = sb_cli_close_output(&r->out, &r->have_out,
	    !r->output_failed, r->status);
	if (sb_cli_close_stdout() != SB_EXIT_OK && r->status == 0)
		r->status = SB_EXIT_IOERR;
	sb_ingest_free(r->ig);
	sb_profile_free(r->profile);
	if (r->status == SB_EXIT_OK && r->o.strict && r->total.rejected > 0)
		r->status = SB_EXIT_REJECTS;
	return r->status;
}

int
main(int argc, char **argv)
{
	struct run r;
	int st;

	sb_cli_init(argv[0]);
	argv[0] = (char *)sb_progname; /* getopt_long's messages use it */
	memset(&r, 0, sizeof r);
	if ((st = parse_args(argc, argv, &r.o)) != SB_EXIT_OK)
		return st;
	if ((st = setup(&r)) != SB_EXIT_OK) {
		sb_cli_close_output(&r.out, &r.have_out, false, st);
		sb_cli_close_output(&r.rej, &r.have_rej, false, st);
		sb_profile_free(r.profile);
		return st;
	}
	ingest_all(&r, argc - optind, argv + optind);
	return finish(&r);
}
