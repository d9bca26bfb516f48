/*
 * Writing synthetic cases as national case exports: the inverse of the
 * mapper (sb_map.c), driven by the compiled profile.  Each record is
 * built in UTF-8 (one buffer per CSV column, or a cJSON tree), then
 * converted to the profile's encoding cell by cell, transliterating what
 * the encoding cannot hold, and written with libcsv's quoting where a
 * cell needs it.
 */
#include "sb_synth_write.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include <csv.h>

#include "sb_buf.h"
#include "sb_date.h"
#include "sb_ids.h"
#include "sb_json.h"
#include "sb_names.h"
#include "sb_profile_private.h"
#include "sb_vocab.h"

#define CELL_MAX (1u << 20)   /* one cell, UTF-8 or encoded */
#define MAX_PIDS 256          /* persons of one record */
#define MAX_EACH 1000         /* mapper's limit on an "each" array */
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* ---- countries ------------------------------------------------------ */

const char *const sb_export_langs[] = {"bg", "el", "en", "fi", "fr", "it",
    "pl", "pt", "ro", NULL};

/* Names in the order of sb_export_langs. */
static const struct {
	const char *cc;
	const char *name[9];
} countries[] = {
	{"BE", {"Белгия", "Βέλγιο", "Belgium", "Belgia", "Belgique", "Belgio",
	    "Belgia", "Bélgica", "Belgia"}},
	{"BG", {"България", "Βουλγαρία", "Bulgaria", "Bulgaria", "Bulgarie",
	    "Bulgaria", "Bułgaria", "Bulgária", "Bulgaria"}},
	{"FI", {"Финландия", "Φινλανδία", "Finland", "Suomi", "Finlande",
	    "Finlandia", "Finlandia", "Finlândia", "Finlanda"}},
	{"GR", {"Гърция", "Ελλάδα", "Greece", "Kreikka", "Grèce", "Grecia",
	    "Grecja", "Grécia", "Grecia"}},
	{"IT", {"Италия", "Ιταλία", "Italy", "Italia", "Italie", "Italia",
	    "Włochy", "Itália", "Italia"}},
	{"PL", {"Полша", "Πολωνία", "Poland", "Puola", "Pologne", "Polonia",
	    "Polska", "Polónia", "Polonia"}},
	{"PT", {"Португалия", "Πορτογαλία", "Portugal", "Portugali", "Portugal",
	    "Portogallo", "Portugalia", "Portugal", "Portugalia"}},
	{"RO", {"Румъния", "Ρουμανία", "Romania", "Romania", "Roumanie",
	    "Romania", "Rumunia", "Roménia", "România"}},
	{"AL", {"Албания", "Αλβανία", "Albania", "Albania", "Albanie",
	    "Albania", "Albania", "Albânia", "Albania"}},
	{"MD", {"Молдова", "Μολδαβία", "Moldova", "Moldova", "Moldavie",
	    "Moldavia", "Mołdawia", "Moldávia", "Republica Moldova"}},
	{"UA", {"Украйна", "Ουκρανία", "Ukraine", "Ukraina", "Ukraine",
	    "Ucraina", "Ukraina", "Ucrânia", "Ucraina"}},
	{"NG", {"Нигерия", "Νιγηρία", "Nigeria", "Nigeria", "Nigeria",
	    "Nigeria", "Nigeria", "Nigéria", "Nigeria"}},
	{"VN", {"Виетнам", "Βιετνάμ", "Vietnam", "Vietnam", "Viêt Nam",
	    "Vietnam", "Wietnam", "Vietname", "Vietnam"}},
	{"MA", {"Мароко", "Μαρόκο", "Morocco", "Marokko", "Maroc", "Marocco",
	    "Maroko", "Marrocos", "Maroc"}},
	{"SY", {"Сирия", "Συρία", "Syria", "Syyria", "Syrie", "Siria", "Syria",
	    "Síria", "Siria"}},
	{"TR", {"Турция", "Τουρκία", "Turkey", "Turkki", "Turquie", "Turchia",
	    "Turcja", "Turquia", "Turcia"}},
	{"RS", {"Сърбия", "Σερβία", "Serbia", "Serbia", "Serbie", "Serbia",
	    "Serbia", "Sérvia", "Serbia"}},
	{"HU", {"Унгария", "Ουγγαρία", "Hungary", "Unkari", "Hongrie",
	    "Ungheria", "Węgry", "Hungria", "Ungaria"}},
	{"AT", {"Австрия", "Αυστρία", "Austria", "Itävalta", "Autriche",
	    "Austria", "Austria", "Áustria", "Austria"}},
	{"DE", {"Германия", "Γερμανία", "Germany", "Saksa", "Allemagne",
	    "Germania", "Niemcy", "Alemanha", "Germania"}},
	{"ES", {"Испания", "Ισπανία", "Spain", "Espanja", "Espagne", "Spagna",
	    "Hiszpania", "Espanha", "Spania"}},
	{"FR", {"Франция", "Γαλλία", "France", "Ranska", "France", "Francia",
	    "Francja", "França", "Franța"}},
	{"GB", {"Великобритания", "Ηνωμένο Βασίλειο", "United Kingdom",
	    "Iso-Britannia", "Royaume-Uni", "Regno Unito", "Wielka Brytania",
	    "Reino Unido", "Regatul Unit"}},
	{"NL", {"Нидерландия", "Ολλανδία", "Netherlands", "Alankomaat",
	    "Pays-Bas", "Paesi Bassi", "Holandia", "Países Baixos",
	    "Țările de Jos"}},
};

const char *const sb_export_countries[] = {"BE", "BG", "FI", "GR", "IT",
    "PL", "PT", "RO", "AL", "MD", "UA", "NG", "VN", "MA", "SY", "TR", "RS",
    "HU", "AT", "DE", "ES", "FR", "GB", "NL", NULL};

const char *
sb_export_country_name(const char *cc, const char *lang)
{
	size_t l;

	if (cc == NULL || lang == NULL)
		return NULL;
	for (l = 0; sb_export_langs[l] != NULL; l++)
		if (strcmp(sb_export_langs[l], lang) == 0)
			break;
	if (sb_export_langs[l] == NULL)
		return NULL;
	for (size_t i = 0; i < NELEM(countries); i++)
		if (strcasecmp(countries[i].cc, cc) == 0)
			return countries[i].name[l];
	return NULL;
}

/* ---- layouts -------------------------------------------------------- */

/* What a profile cannot say, from the shipped layouts' descriptions. */
struct layout {
	const char *profile;
	bool crlf;      /* CRLF line ends */
	bool bom;       /* UTF-8 byte-order mark */
	bool sep_space; /* a space after a list separator: "a; b" */
	bool nozero;    /* dates without leading zeros: 3.4.2023 */
};

static const struct layout layouts[] = {
	{"be-parquet", true, true, true, false},
	{"bg-prb", true, false, true, false},
	{"fi-poliisi", false, false, false, true},
	{"gr-eisaggelia", true, false, true, false},
	{"it-procura", false, false, true, false},
	{"pl-prokuratura", true, false, true, false},
	{"pt-htcds", false, false, false, false},
	{"ro-diicot", false, false, true, false},
};

static const struct layout default_layout = {"", false, false, false,
    false};

/* Yes and no as the layouts' clerks write them (sb_map.c's truthy()
 * reads every "no" here as false). */
static const struct {
	const char *lang, *yes, *no;
} yesno[] = {
	{"bg", "да", "не"}, {"de", "ja", "nein"}, {"el", "ναι", "όχι"},
	{"en", "yes", "no"}, {"fi", "kyllä", "ei"}, {"fr", "oui", "non"},
	{"it", "sì", "no"}, {"nl", "ja", "nee"}, {"pl", "T", "N"},
	{"pt", "sim", "não"}, {"ro", "da", "nu"},
};

/* ---- the export ----------------------------------------------------- */

struct col {
	const char *name; /* borrowed from the profile */
	size_t slot;
	unsigned long key; /* sort key: profile order */
};

struct pidmap {
	char pid[128];
	int men;
};

struct sb_export {
	const struct sb_profile *p;
	const struct layout *lay;
	FILE *f;
	enum sb_format fmt;
	int delim, quote;
	const char *lang;
	const char *yes, *no;
	char cc[3];             /* the profile's constant country, or "" */
	iconv_t cd;             /* (iconv_t)-1: UTF-8 */
	int bad_byte;           /* invalid in the encoding; -1: none */
	struct col *cols;
	size_t ncols;
	size_t *slotcol;        /* slot → column, SIZE_MAX: none */
	struct sb_buf *cells;   /* one a column, UTF-8 */
	size_t bad_col;         /* column to corrupt, SIZE_MAX: none */
	struct sb_buf enc, run, probe;
	long nrec;
	bool failed;
	/* Record being written. */
	const struct sb_syn_case *c;
	struct pidmap pids[MAX_PIDS];
	size_t npids;
	bool oom;
};

/* ---- encoding ------------------------------------------------------- */

static size_t
u8len(const unsigned char *s, size_t n)
{
	size_t k = s[0] < 0x80 ? 1 : s[0] < 0xc2 ? 0 : s[0] < 0xe0 ? 2 :
	    s[0] < 0xf0 ? 3 : s[0] < 0xf5 ? 4 : 0;

	if (k == 0 || k > n || !sb_utf8_valid((const char *)s, k))
		return 0;
	return k;
}

/* Convert s[0..n) with the export's iconv and append it to out.
 * Returns 0; 1 when the character at s[*bad] does not convert (what
 * comes before it is appended); -1 when out is full. */
static int
iconv_some(struct sb_export *x, const char *s, size_t n, struct sb_buf *out,
    size_t *bad)
{
	char *in = (char *)s, *o;
	size_t inleft = n, oleft, r;

	iconv(x->cd, NULL, NULL, NULL, NULL);
	while (inleft > 0) {
		if (sb_buf_grow(out, inleft * 4 + 16) != 0)
			return -1;
		o = out->data + out->len;
		oleft = out->cap - out->len - 1;
		r = iconv(x->cd, &in, &inleft, &o, &oleft);
		out->len = (size_t)(o - out->data);
		out->data[out->len] = '\0';
		if (r != (size_t)-1)
			break;
		if (errno != E2BIG) {
			/* EILSEQ, or EINVAL: cut short. */
			if (bad != NULL)
				*bad = n - inleft;
			return 1;
		}
	}
	return 0;
}

/* Can the encoding hold s[0..n)? */
static bool
encodable_n(struct sb_export *x, const char *s, size_t n)
{
	int r;

	if (x->cd == (iconv_t)-1)
		return sb_utf8_valid(s, n);
	sb_buf_reset(&x->probe);
	r = iconv_some(x, s, n, &x->probe, NULL);
	sb_buf_reset(&x->probe);
	return r == 0;
}

static bool
encodable(struct sb_export *x, const char *s)
{
	return encodable_n(x, s, strlen(s));
}

/* Letters some encodings hold in another form: Romanian comma-below
 * letters as the cedilla ones (windows-1250, ISO-8859-2), and back. */
static const struct {
	const char *from, *to;
} substitutes[] = {
	{"ș", "ş"}, {"ț", "ţ"}, {"Ș", "Ş"}, {"Ț", "Ţ"},
	{"ş", "ș"}, {"ţ", "ț"}, {"Ş", "Ș"}, {"Ţ", "Ț"},
};

/* The substitute of the character s[0..k) that the encoding holds. */
static const char *
substitute(struct sb_export *x, const char *s, size_t k)
{
	for (size_t t = 0; t < NELEM(substitutes); t++)
		if (strlen(substitutes[t].from) == k &&
		    memcmp(substitutes[t].from, s, k) == 0 &&
		    encodable(x, substitutes[t].to))
			return substitutes[t].to;
	return NULL;
}

/* Transliterate a run of characters the encoding cannot hold, in pieces
 * sb_names_ascii takes, and append what converts.  Returns 0 or -1. */
static int
flush_run(struct sb_export *x, const char *s, size_t n, struct sb_buf *out)
{
	char ascii[SB_NAMES_MAX * 4 + 1];
	size_t mark;
	int len, r;

	while (n > 0) {
		size_t take = n;
		if (take > SB_NAMES_MAX) {
			take = SB_NAMES_MAX;
			while (take > 0 && ((unsigned char)s[take] & 0xc0) ==
			    0x80)
				take--;
		}
		len = sb_names_ascii(s, take, ascii, sizeof ascii);
		mark = out->len;
		if (len > 0 && (r = iconv_some(x, ascii, (size_t)len, out,
		    NULL)) != 0) {
			if (r < 0)
				return -1;
			/* One by one: what does not convert is dropped. */
			out->len = mark;
			for (int i = 0; i < len; i++) {
				mark = out->len;
				if ((r = iconv_some(x, ascii + i, 1, out,
				    NULL)) < 0)
					return -1;
				if (r > 0)
					out->len = mark;
			}
			if (out->data != NULL)
				out->data[out->len] = '\0';
		}
		s += take;
		n -= take;
	}
	return 0;
}

/* Append s[0..n) (UTF-8) in the export's encoding: never an invalid
 * byte.  Bytes that are not UTF-8 become '?'.  Returns 0 or -1 (the
 * buffer's limit). */
static int
encode(struct sb_export *x, const char *s, size_t n, struct sb_buf *out)
{
	size_t i = 0, k = 0, run, bad;
	const char *sub;
	int r;

	if (x->cd == (iconv_t)-1) {
		if (sb_utf8_valid(s, n))
			return sb_buf_add(out, s, n);
		while (i < n) {
			k = u8len((const unsigned char *)s + i, n - i);
			if (k == 0 ? sb_buf_addc(out, '?') :
			    sb_buf_add(out, s + i, k))
				return -1;
			i += k == 0 ? 1 : k;
		}
		return 0;
	}
	while (i < n) {
		/* In bulk as far as it goes. */
		if ((r = iconv_some(x, s + i, n - i, out, &bad)) <= 0)
			return r;
		i += bad;
		/* The run of characters that do not convert. */
		for (run = i; i < n; i += k) {
			k = u8len((const unsigned char *)s + i, n - i);
			if (k == 0 || encodable_n(x, s + i, k) ||
			    substitute(x, s + i, k) != NULL)
				break;
		}
		if (flush_run(x, s + run, i - run, out) != 0)
			return -1;
		if (i >= n)
			break;
		if (k == 0) {
			if (sb_buf_addc(out, '?') != 0)
				return -1;
			i++;
		} else if (!encodable_n(x, s + i, k) &&
		    (sub = substitute(x, s + i, k)) != NULL) {
			if (iconv_some(x, sub, strlen(sub), out, NULL) != 0)
				return -1;
			i += k;
		}
	}
	return 0;
}

/* ---- opening -------------------------------------------------------- */

static const char *
spec_column(const struct sb_spec *s)
{
	return s->nparts > 0 ? s->parts[0].column : s->column;
}

static int
add_col(struct sb_export *x, const char *name, size_t slot,
    unsigned long key, size_t *cap)
{
	if (x->ncols == *cap) {
		size_t nc = *cap == 0 ? 64 : *cap * 2;
		struct col *g = realloc(x->cols, nc * sizeof(*g));
		if (g == NULL)
			return -1;
		x->cols = g;
		*cap = nc;
	}
	x->cols[x->ncols].name = name;
	x->cols[x->ncols].slot = slot;
	x->cols[x->ncols].key = key;
	x->ncols++;
	return 0;
}

static int
add_spec_cols(struct sb_export *x, const struct sb_spec *s,
    unsigned long key, size_t *cap)
{
	for (size_t i = 0; i < s->nparts; i++)
		if (add_col(x, s->parts[i].column, s->parts[i].slot,
		    key != 0 ? key : (unsigned long)s->parts[i].slot << 16,
		    cap) != 0)
			return -1;
	if (s->column != NULL && add_col(x, s->column, s->slot, key != 0 ?
	    key : (unsigned long)s->slot << 16, cap) != 0)
		return -1;
	return 0;
}

static int
add_specs_cols(struct sb_export *x, const struct sb_specs *ss, size_t *cap)
{
	for (size_t i = 0; i < ss->n; i++)
		if (add_spec_cols(x, &ss->v[i], 0, cap) != 0)
			return -1;
	return 0;
}

static void
spec_maxslot(const struct sb_spec *s, size_t *max)
{
	for (size_t i = 0; i < s->nparts; i++)
		if (s->parts[i].slot + 1 > *max)
			*max = s->parts[i].slot + 1;
	if (s->column != NULL && s->slot + 1 > *max)
		*max = s->slot + 1;
}

/* One past the last slot of person group g (0: none). */
static size_t
group_end(const struct sb_pgroup *g)
{
	size_t max = 0;

	spec_maxslot(&g->role, &max);
	for (int k = 0; k < PT_COUNT; k++)
		for (size_t i = 0; i < g->f[k].n; i++)
			spec_maxslot(&g->f[k].v[i], &max);
	return max;
}

static int
col_cmp(const void *a, const void *b)
{
	const struct col *x = a, *y = b;

	return x->key < y->key ? -1 : x->key > y->key;
}

/* Every column the profile reads, in profile order, each once; the
 * "when" column of a relation right after its "from" person's columns. */
static int
collect_cols(struct sb_export *x)
{
	const struct sb_profile *p = x->p;
	size_t cap = 0, n;

	for (int i = 0; i < CT_COUNT; i++)
		if (add_specs_cols(x, &p->c[i], &cap) != 0)
			return -1;
	for (size_t g = 0; g < p->npersons; g++) {
		if (add_spec_cols(x, &p->persons[g].role, 0, &cap) != 0)
			return -1;
		for (int k = 0; k < PT_COUNT; k++)
			if (add_specs_cols(x, &p->persons[g].f[k], &cap) != 0)
				return -1;
	}
	for (size_t g = 0; g < p->nevents; g++) {
		if (add_spec_cols(x, &p->events[g].type, 0, &cap) != 0)
			return -1;
		for (int k = 0; k < ET_COUNT; k++)
			if (add_specs_cols(x, &p->events[g].f[k], &cap) != 0)
				return -1;
	}
	for (size_t g = 0; g < p->nnarr; g++)
		if (add_spec_cols(x, &p->narr[g].text, 0, &cap) != 0)
			return -1;
	for (size_t r = 0; r < p->nrels; r++) {
		const struct sb_rgroup *rg = &p->rels[r];
		unsigned long key = 0;
		if (!rg->has_when)
			continue;
		for (size_t g = 0; g < p->npersons; g++)
			if (strcmp(p->persons[g].pid, rg->from) == 0 &&
			    (n = group_end(&p->persons[g])) > 0)
				key = ((unsigned long)(n - 1) << 16) + 1 + r;
		if (add_spec_cols(x, &rg->when, key, &cap) != 0)
			return -1;
	}
	qsort(x->cols, x->ncols, sizeof(*x->cols), col_cmp);
	if ((x->slotcol = malloc((p->nslots + 1) * sizeof(size_t))) == NULL)
		return -1;
	for (size_t i = 0; i <= p->nslots; i++)
		x->slotcol[i] = SIZE_MAX;
	/* Each name once: later specs of a name share its column. */
	n = 0;
	for (size_t i = 0; i < x->ncols; i++) {
		size_t j;
		for (j = 0; j < n; j++)
			if (strcmp(x->cols[j].name, x->cols[i].name) == 0)
				break;
		if (j == n)
			x->cols[n++] = x->cols[i];
		if (x->cols[i].slot < p->nslots)
			x->slotcol[x->cols[i].slot] = j;
	}
	x->ncols = n;
	/* Without a header the columns are named by number (1, 2, ...). */
	if (p->ropts.no_header) {
		size_t max = 0;
		for (size_t i = 0; i < x->ncols; i++) {
			long v = strtol(x->cols[i].name, NULL, 10);
			if (v > 0 && v <= SB_READER_MAX_FIELDS &&
			    (size_t)v > max)
				max = (size_t)v;
		}
		for (size_t i = 0; i < p->nslots; i++) {
			size_t c = x->slotcol[i];
			long v;
			if (c == SIZE_MAX)
				continue;
			v = strtol(x->cols[c].name, NULL, 10);
			x->slotcol[i] = v > 0 && v <= SB_READER_MAX_FIELDS ?
			    (size_t)v - 1 : SIZE_MAX;
		}
		x->ncols = max;
	}
	if (x->ncols > 0 &&
	    (x->cells = calloc(x->ncols, sizeof(*x->cells))) == NULL)
		return -1;
	for (size_t i = 0; i < x->ncols; i++)
		sb_buf_init(&x->cells[i], CELL_MAX);
	return 0;
}

static bool
needs_quotes(const struct sb_export *x, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] == x->delim || s[i] == x->quote || s[i] == '\r' ||
		    s[i] == '\n')
			return true;
	return false;
}

/* One CSV row of already encoded cells, ended as the layout ends lines. */
static int
write_row(struct sb_export *x, struct sb_buf *cells, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *v = cells[i].data != NULL ? cells[i].data : "";
		if (i > 0 && putc(x->delim, x->f) == EOF)
			return -1;
		if (needs_quotes(x, v, cells[i].len)) {
			if (csv_fwrite2(x->f, v, cells[i].len,
			    (unsigned char)x->quote) != 0)
				return -1;
		} else if (cells[i].len > 0 &&
		    fwrite(v, 1, cells[i].len, x->f) != cells[i].len) {
			return -1;
		}
	}
	if (fputs(x->lay->crlf ? "\r\n" : "\n", x->f) == EOF)
		return -1;
	return 0;
}

static int
write_header(struct sb_export *x, struct sb_err *e)
{
	for (size_t i = 0; i < x->ncols; i++) {
		sb_buf_reset(&x->cells[i]);
		if (encode(x, x->cols[i].name, strlen(x->cols[i].name),
		    &x->enc) != 0 || sb_buf_add(&x->cells[i], x->enc.data !=
		    NULL ? x->enc.data : "", x->enc.len) != 0)
			return sb_seterr(e, SB_FATAL, SB_E_NOMEM,
			    "out of memory");
		sb_buf_reset(&x->enc);
	}
	if (write_row(x, x->cells, x->ncols) != 0)
		return sb_seterr(e, SB_FATAL, SB_E_IO, "cannot write the "
		    "header");
	for (size_t i = 0; i < x->ncols; i++)
		sb_buf_reset(&x->cells[i]);
	return SB_OK;
}

/* An invalid byte of the encoding, for "bad_bytes"; -1 when every byte
 * is defined (or we do not know one that is everywhere). */
static int
find_bad_byte(struct sb_export *x)
{
	const char *enc = x->p->encoding;
	iconv_t cd;
	char in[1] = {(char)0xaa}, out[8], *ip = in, *op = out;
	size_t il = 1, ol = sizeof out;
	int bad = -1;

	if (x->cd == (iconv_t)-1)
		return 0xff;
	if (strcasecmp(enc, "windows-1253") != 0 &&
	    strcasecmp(enc, "cp1253") != 0)
		return -1;
	/* Make sure the iconv at hand agrees. */
	if ((cd = iconv_open("UTF-8", enc)) == (iconv_t)-1)
		return -1;
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1)
		bad = 0xaa;
	iconv_close(cd);
	return bad;
}

int
sb_export_open(struct sb_export **xp, const struct sb_profile *p,
    const char *path, struct sb_err *e)
{
	struct sb_export *x;
	const char *enc = p->encoding;
	int fd, r;

	*xp = NULL;
	if ((x = calloc(1, sizeof(*x))) == NULL)
		return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
	x->p = p;
	x->cd = (iconv_t)-1;
	x->bad_col = SIZE_MAX;
	sb_buf_init(&x->enc, CELL_MAX * 4);
	sb_buf_init(&x->run, CELL_MAX * 4);
	sb_buf_init(&x->probe, CELL_MAX * 4);
	x->lay = &default_layout;
	for (size_t i = 0; i < NELEM(layouts); i++)
		if (strcmp(layouts[i].profile, p->name) == 0)
			x->lay = &layouts[i];
	x->fmt = p->ropts.format == SB_FMT_AUTO ? SB_FMT_CSV : p->ropts.format;
	x->delim = p->ropts.delimiter != 0 ? p->ropts.delimiter : ',';
	x->quote = p->ropts.quote != 0 ? p->ropts.quote : '"';
	x->lang = "en";
	for (size_t i = 0; i < p->nnarr; i++)
		if (p->narr[i].lang != NULL) {
			x->lang = p->narr[i].lang;
			break;
		}
	x->yes = "yes";
	x->no = "no";
	for (size_t i = 0; i < NELEM(yesno); i++)
		if (strcmp(yesno[i].lang, x->lang) == 0) {
			x->yes = yesno[i].yes;
			x->no = yesno[i].no;
		}
	for (size_t i = 0; i < p->c[CT_COUNTRY].n; i++)
		if (p->c[CT_COUNTRY].v[i].constant != NULL) {
			snprintf(x->cc, sizeof x->cc, "%s",
			    p->c[CT_COUNTRY].v[i].constant);
			break;
		}
	if (enc != NULL && strcasecmp(enc, "UTF-8") != 0 &&
	    strcasecmp(enc, "UTF8") != 0 &&
	    (x->cd = iconv_open(enc, "UTF-8")) == (iconv_t)-1) {
		r = sb_seterr(e, SB_FATAL, SB_E_CONFIG, "profile %s: encoding "
		    "%s is not known to iconv", p->name, enc);
		goto fail;
	}
	x->bad_byte = find_bad_byte(x);
	if (x->fmt == SB_FMT_CSV && collect_cols(x) != 0) {
		r = sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
		goto fail;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0 || (x->f = fdopen(fd, "wb")) == NULL) {
		r = sb_seterr(e, SB_FATAL, SB_E_IO, "%s: %s", path,
		    strerror(errno));
		if (fd >= 0)
			close(fd);
		goto fail;
	}
	if (x->lay->bom && x->cd == (iconv_t)-1 &&
	    fputs("\xef\xbb\xbf", x->f) == EOF) {
		r = sb_seterr(e, SB_FATAL, SB_E_IO, "%s: write error", path);
		goto fail;
	}
	if (x->fmt == SB_FMT_CSV && !p->ropts.no_header &&
	    (r = write_header(x, e)) != SB_OK)
		goto fail;
	if (x->fmt == SB_FMT_JSON && fputs("[", x->f) == EOF) {
		r = sb_seterr(e, SB_FATAL, SB_E_IO, "%s: write error", path);
		goto fail;
	}
	*xp = x;
	return SB_OK;
fail:
	x->failed = true;
	sb_export_close(x, NULL);
	return r;
}

/* ---- values ----------------------------------------------------------- */

/* The first key of the spec's map whose target is canonical and that the
 * encoding holds; the canonical value when there is none. */
static const char *
unmap(struct sb_export *x, const struct sb_spec *s, const char *canonical)
{
	const struct sb_vmap *m = s->map;

	for (size_t i = 0; m != NULL && i < m->n; i++)
		if (strcmp(m->ent[i].to, canonical) == 0 &&
		    encodable(x, m->ent[i].from))
			return m->ent[i].from;
	return canonical;
}

/* A country as the layout writes it: its name, or the alpha-2 code. */
static const char *
country(struct sb_export *x, const struct sb_spec *s, const char *cc,
    bool code)
{
	const char *v = unmap(x, s, cc), *name;

	if (v != cc || code)
		return v;
	name = sb_export_country_name(cc, x->lang);
	return name != NULL && encodable(x, name) ? name : cc;
}

static struct sb_buf *
cell_of(struct sb_export *x, const struct sb_spec *s)
{
	const struct sb_spec *t = s->nparts > 0 ? &s->parts[0] : s;
	size_t c;

	if (t->column == NULL || t->slot >= x->p->nslots ||
	    (c = x->slotcol[t->slot]) == SIZE_MAX || c >= x->ncols)
		return NULL;
	return &x->cells[c];
}

static const struct sb_spec *
path_spec(const struct sb_spec *s)
{
	return s->nparts > 0 ? &s->parts[0] : s;
}

static bool
all_digits(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* Set the member at path (relative to ctx) to v, making the objects and
 * arrays on the way.  Takes v; an existing member is kept. */
static void
json_put(struct sb_export *x, cJSON *ctx, const struct sb_spec *s, cJSON *v)
{
	const struct sb_spec *t = path_spec(s);
	cJSON *cur = ctx, *next;

	if (v == NULL) {
		x->oom = true;
		return;
	}
	if (t->column == NULL || t->npath == 0 || ctx == NULL) {
		cJSON_Delete(v);
		return;
	}
	for (size_t i = 0; i < t->npath; i++) {
		const char *k = t->path[i];
		bool last = i + 1 == t->npath;
		if (cJSON_IsArray(cur) && all_digits(k)) {
			long idx = strtol(k, NULL, 10);
			if (idx > MAX_EACH)
				break;
			while (cJSON_GetArraySize(cur) <= idx) {
				cJSON *o = cJSON_CreateObject();
				if (o == NULL ||
				    !cJSON_AddItemToArray(cur, o)) {
					cJSON_Delete(o);
					x->oom = true;
					goto drop;
				}
			}
			next = cJSON_GetArrayItem(cur, (int)idx);
			if (last) {
				if (cJSON_IsObject(next) &&
				    next->child == NULL) {
					cJSON_ReplaceItemInArray(cur, (int)idx,
					    v);
					return;
				}
				goto drop;
			}
		} else if (cJSON_IsObject(cur)) {
			next = cJSON_GetObjectItemCaseSensitive(cur, k);
			if (last) {
				if (next != NULL)
					goto drop;
				if (!cJSON_AddItemToObject(cur, k, v)) {
					x->oom = true;
					goto drop;
				}
				return;
			}
			if (next == NULL) {
				next = all_digits(t->path[i + 1]) ?
				    cJSON_CreateArray() : cJSON_CreateObject();
				if (next == NULL ||
				    !cJSON_AddItemToObject(cur, k, next)) {
					cJSON_Delete(next);
					x->oom = true;
					goto drop;
				}
			}
		} else {
			break;
		}
		cur = next;
	}
drop:
	cJSON_Delete(v);
}

/* One value into the spec's cell (CSV; the first value stays) or member
 * (JSON). */
static void
put_str(struct sb_export *x, cJSON *ctx, const struct sb_spec *s,
    const char *v)
{
	struct sb_buf *b;

	if (v == NULL || *v == '\0')
		return;
	if (x->fmt != SB_FMT_CSV) {
		json_put(x, ctx, s, cJSON_CreateString(v));
		return;
	}
	if ((b = cell_of(x, s)) != NULL && b->len == 0 &&
	    sb_buf_adds(b, v) != 0)
		x->oom = true;
}

static void
put_bool(struct sb_export *x, cJSON *ctx, const struct sb_spec *s, bool v)
{
	if (x->fmt != SB_FMT_CSV)
		json_put(x, ctx, s, cJSON_CreateBool(v));
	else
		put_str(x, ctx, s, v ? x->yes : x->no);
}

static void
put_int(struct sb_export *x, cJSON *ctx, const struct sb_spec *s, int v)
{
	char num[16];

	if (x->fmt != SB_FMT_CSV) {
		json_put(x, ctx, s, cJSON_CreateNumber(v));
		return;
	}
	snprintf(num, sizeof num, "%d", v);
	put_str(x, ctx, s, num);
}

/* The values of a list target: joined with the spec's split (a JSON
 * array without one; CSV without one holds the first value only).  A
 * single-valued target takes the first value. */
static void
put_list(struct sb_export *x, cJSON *ctx, const struct sb_spec *s,
    const char *const *v, size_t n, bool list)
{
	struct sb_buf *b;
	size_t sl;

	if (n == 0)
		return;
	if (!list) {
		put_str(x, ctx, s, v[0]);
		return;
	}
	if (s->split == NULL) {
		if (x->fmt == SB_FMT_CSV) {
			put_str(x, ctx, s, v[0]);
			return;
		}
		cJSON *a = cJSON_CreateArray();
		for (size_t i = 0; a != NULL && i < n; i++) {
			cJSON *it = cJSON_CreateString(v[i]);
			if (it == NULL || !cJSON_AddItemToArray(a, it)) {
				cJSON_Delete(it);
				x->oom = true;
			}
		}
		json_put(x, ctx, s, a);
		return;
	}
	sb_buf_reset(&x->run);
	sl = strlen(s->split);
	for (size_t i = 0; i < n; i++) {
		if (v[i] == NULL || *v[i] == '\0')
			continue;
		if (x->run.len > 0) {
			sb_buf_adds(&x->run, s->split);
			if (x->lay->sep_space && s->split[sl - 1] != ' ')
				sb_buf_addc(&x->run, ' ');
		}
		sb_buf_adds(&x->run, v[i]);
	}
	if (x->run.len == 0)
		return;
	if (x->fmt != SB_FMT_CSV)
		json_put(x, ctx, s, cJSON_CreateString(x->run.data));
	else if ((b = cell_of(x, s)) != NULL && b->len == 0 &&
	    sb_buf_add(b, x->run.data, x->run.len) != 0)
		x->oom = true;
	sb_buf_reset(&x->run);
}

/* Render a date with one format; m or d 0 is written "00". */
static int
render_date(const char *fmt, int y, int m, int d, bool nozero, char *out,
    size_t cap)
{
	size_t o = 0;
	int k;

	while (*fmt != '\0' && o + 5 < cap) {
		if (strncmp(fmt, "yyyy", 4) == 0) {
			k = snprintf(out + o, cap - o, "%04d", y);
			fmt += 4;
		} else if (strncmp(fmt, "yy", 2) == 0) {
			k = snprintf(out + o, cap - o, "%02d", y % 100);
			fmt += 2;
		} else if (strncmp(fmt, "mm", 2) == 0) {
			k = snprintf(out + o, cap - o, nozero && m != 0 ?
			    "%d" : "%02d", m);
			fmt += 2;
		} else if (strncmp(fmt, "dd", 2) == 0) {
			k = snprintf(out + o, cap - o, nozero && d != 0 ?
			    "%d" : "%02d", d);
			fmt += 2;
		} else {
			out[o++] = *fmt++;
			continue;
		}
		if (k < 0)
			return -1;
		o += (size_t)k;
	}
	if (*fmt != '\0')
		return -1;
	out[o] = '\0';
	return (int)o;
}

/*
 * An ISO date (full or partial) as the spec reads it: the first format of
 * the date's precision whose rendering reads back to the same date; else
 * the first finer format with "00" for what is unknown; else nothing.
 */
static bool
format_date(struct sb_export *x, const struct sb_spec *s, const char *iso,
    char *out, size_t cap)
{
	const char *const *fmts = s->formats != NULL ? s->formats :
	    (const char *const *)x->p->dates;
	size_t len = strlen(iso);
	int y, m = 0, d = 0;
	char back[11];

	if ((len != 4 && len != 7 && len != 10) ||
	    !sb_date_valid_iso(iso, len) || fmts == NULL)
		return false;
	y = atoi(iso);
	if (len >= 7)
		m = atoi(iso + 5);
	if (len == 10)
		d = atoi(iso + 8);
	for (int pass = 0; pass < 2; pass++) {
		for (const char *const *f = fmts; *f != NULL; f++) {
			bool hm = strstr(*f, "mm") != NULL;
			bool hd = strstr(*f, "dd") != NULL;
			size_t prec = hd ? 10 : hm ? 7 : 4;
			if (hd && !hm)
				continue;
			if (pass == 0 ? prec != len : prec <= len)
				continue;
			if (render_date(*f, y, m, d, x->lay->nozero, out,
			    cap) < 0)
				continue;
			if (sb_date_parse_any(out, strlen(out), fmts, back) ==
			    (int)len && strcmp(back, iso) == 0)
				return true;
		}
	}
	out[0] = '\0';
	return false;
}

static void
put_date(struct sb_export *x, cJSON *ctx, const struct sb_specs *ss,
    const char *iso)
{
	char buf[64];

	if (iso == NULL || *iso == '\0')
		return;
	for (size_t i = 0; i < ss->n; i++) {
		if (spec_column(&ss->v[i]) == NULL)
			continue;
		if (format_date(x, &ss->v[i], iso, buf, sizeof buf))
			put_str(x, ctx, &ss->v[i], buf);
		return;
	}
}

/* ---- the case ------------------------------------------------------- */

static const char *
vocab(enum sb_vocab v, const char *s)
{
	return s != NULL ? sb_vocab_lookup(v, s, strlen(s)) : NULL;
}

/* The first spec of a target that reads a column, or NULL. */
static const struct sb_spec *
first_col(const struct sb_specs *ss)
{
	for (size_t i = 0; i < ss->n; i++)
		if (spec_column(&ss->v[i]) != NULL)
			return &ss->v[i];
	return NULL;
}

enum conv {
	CV_TEXT,    /* as it is (a map key if the spec maps to it) */
	CV_COUNTRY, /* a country name */
	CV_CODE,    /* a country as its alpha-2 code */
};

static const char *
convert(struct sb_export *x, const struct sb_spec *s, const char *v,
    enum conv cv)
{
	return cv == CV_TEXT ? unmap(x, s, v) : country(x, s, v,
	    cv == CV_CODE);
}

/*
 * The canonical values of a target, as its specs hold them: "if_set"
 * columns say yes or no for their value; the others take the values left,
 * all in the first when it holds a list (a "split", or JSON), else one a
 * column (two offence columns, say).  A single-valued target (list false)
 * takes the first value.
 */
static void
put_values(struct sb_export *x, cJSON *ctx, const struct sb_specs *ss,
    const char *const *vals, size_t nvals, enum conv cv, bool list)
{
	const struct sb_spec *cols[16];
	const char *left[16], *out[16];
	size_t ncols = 0, nleft = 0, k = 0;

	for (size_t i = 0; i < ss->n; i++) {
		const struct sb_spec *s = &ss->v[i];
		if (spec_column(s) == NULL)
			continue;
		if (s->if_set == NULL) {
			if (ncols < NELEM(cols))
				cols[ncols++] = s;
			continue;
		}
		const char *want = vocab(s->vocab, s->if_set);
		bool on = false;
		for (size_t j = 0; j < nvals; j++)
			on |= want != NULL && vals[j] != NULL &&
			    strcmp(vals[j], want) == 0;
		put_bool(x, ctx, s, on);
	}
	for (size_t j = 0; j < nvals && nleft < NELEM(left); j++) {
		bool taken = false;
		if (vals[j] == NULL || vals[j][0] == '\0')
			continue;
		for (size_t i = 0; i < ss->n; i++) {
			const char *want = ss->v[i].if_set != NULL ?
			    vocab(ss->v[i].vocab, ss->v[i].if_set) : NULL;
			taken |= want != NULL && strcmp(want, vals[j]) == 0 &&
			    spec_column(&ss->v[i]) != NULL;
		}
		if (!taken)
			left[nleft++] = vals[j];
	}
	for (size_t i = 0; i < ncols && k < nleft; i++) {
		bool all = !list || i + 1 == ncols || x->fmt != SB_FMT_CSV ||
		    cols[i]->split != NULL;
		size_t n = all ? nleft - k : 1;
		for (size_t j = 0; j < n; j++)
			out[j] = convert(x, cols[i], left[k + j], cv);
		put_list(x, ctx, cols[i], out, n, list);
		if (all)
			break;
		k += n;
	}
}

static void
put_one(struct sb_export *x, cJSON *ctx, const struct sb_specs *ss,
    const char *v, enum conv cv, bool list)
{
	if (v != NULL && v[0] != '\0')
		put_values(x, ctx, ss, &v, 1, cv, list);
}

static void
put_text(struct sb_export *x, cJSON *ctx, const struct sb_specs *ss,
    const char *v)
{
	put_one(x, ctx, ss, v, CV_TEXT, false);
}

static void
put_country(struct sb_export *x, cJSON *ctx, const struct sb_specs *ss,
    const char *cc)
{
	put_one(x, ctx, ss, cc, CV_COUNTRY, false);
}

static void
put_case(struct sb_export *x, cJSON *root)
{
	const struct sb_profile *p = x->p;
	const struct sb_syn_case *c = x->c;
	const struct sb_spec *s;
	const char *v[NELEM(c->transit)];
	size_t n;

	/* A dirty record loses its case number, unless it gets a bad byte
	 * (the writer falls back on this when it cannot). */
	if (c->dirty == NULL || strcmp(c->dirty, "bad_bytes") == 0)
		put_text(x, root, &p->c[CT_LOCAL_ID], c->local_id);
	put_country(x, root, &p->c[CT_COUNTRY], c->cc);
	/* The spec's default is what an empty cell means. */
	if ((s = first_col(&p->c[CT_AUTHORITY])) != NULL &&
	    c->authority != NULL && (s->dflt == NULL ||
	    strcmp(s->dflt, c->authority) != 0))
		put_str(x, root, s, c->authority);
	put_date(x, root, &p->c[CT_OPENED], c->opened);
	put_date(x, root, &p->c[CT_OFF_FROM], c->from);
	put_date(x, root, &p->c[CT_OFF_TO], c->to);
	put_one(x, root, &p->c[CT_STATUS], c->status, CV_TEXT, false);
	put_values(x, root, &p->c[CT_OFFENCES], c->offences,
	    (size_t)c->noffences, CV_TEXT, true);
	put_values(x, root, &p->c[CT_EXPLOITATION], c->exploitation,
	    (size_t)c->nexploitation, CV_TEXT, true);
	put_values(x, root, &p->c[CT_RECRUITMENT], c->recruitment,
	    (size_t)c->nrecruitment, CV_TEXT, true);
	put_values(x, root, &p->c[CT_CONTROL], c->control,
	    (size_t)c->ncontrol, CV_TEXT, true);
	put_country(x, root, &p->c[CT_ORIGIN], c->origin);
	for (n = 0; n < (size_t)c->ntransit && n < NELEM(v); n++)
		v[n] = c->transit[n];
	put_values(x, root, &p->c[CT_TRANSIT], v, n, CV_COUNTRY, true);
	put_country(x, root, &p->c[CT_DESTINATION], c->destination);
}

/* ---- persons -------------------------------------------------------- */

/* The pid the mapper gives a person (sb_map.c's expand_pid). */
static void
pid_of(char *dst, size_t cap, const char *tmpl, int n, bool many)
{
	const char *at = strstr(tmpl, "{n}");

	if (at == NULL && !many)
		snprintf(dst, cap, "%s", tmpl);
	else if (at != NULL)
		snprintf(dst, cap, "%.*s%d%s", (int)(at - tmpl), tmpl, n,
		    at + 3);
	else
		snprintf(dst, cap, "%s_%d", tmpl, n);
}

static void
add_pid(struct sb_export *x, const char *pid, int men)
{
	if (x->npids < MAX_PIDS) {
		snprintf(x->pids[x->npids].pid, sizeof x->pids[0].pid, "%s",
		    pid);
		x->pids[x->npids++].men = men;
	}
}

static int
men_of_pid(const struct sb_export *x, const char *pid)
{
	for (size_t i = 0; i < x->npids; i++)
		if (strcmp(x->pids[i].pid, pid) == 0)
			return x->pids[i].men;
	return -1;
}

static const char *const htcds_of_role[][2] = {
	{"recruiter", "RecruiterOrIntermediary"},
	{"transporter", "Transporter"},
	{"exploiter", "Exploiter"},
};

/* A national identifier as written: BE numbers with their dots. */
static const char *
id_written(const struct sb_syn_id *id, char *buf, size_t cap)
{
	const char *v = id->value;

	if (strcmp(id->type, "national_id") == 0 &&
	    strcmp(id->scheme, "NN") == 0 && strlen(v) == 11 &&
	    strspn(v, "0123456789") == 11) {
		snprintf(buf, cap, "%.2s.%.2s.%.2s-%.3s.%.2s", v, v + 2, v + 4,
		    v + 6, v + 9);
		return buf;
	}
	return v;
}

/* The identifiers the mention shows, into the group's identifier
 * columns by type: the k-th id of a type into the k-th column of it; a
 * national ID only where the scheme is the same. */
static void
put_ids(struct sb_export *x, cJSON *ctx, const struct sb_pgroup *g,
    const struct sb_syn_mention *m, int mi)
{
	const struct sb_syn_person *p = m->p;
	bool used[SB_SYN_MAX_IDS] = {false};
	char bufs[SB_SYN_MAX_IDS][64];
	const char *vals[SB_SYN_MAX_IDS];

	for (size_t i = 0; i < g->f[PT_IDS].n; i++) {
		const struct sb_spec *s = &g->f[PT_IDS].v[i];
		size_t n = 0;
		if (spec_column(s) == NULL || s->idtype == NULL)
			continue;
		for (int k = 0; k < p->nids && k < SB_SYN_MAX_IDS; k++) {
			const struct sb_syn_id *id = &p->ids[k];
			if (used[k] || !(m->idmask & (1u << k)) ||
			    id->type == NULL ||
			    strcmp(id->type, s->idtype) != 0)
				continue;
			if (strcmp(s->idtype, "national_id") == 0 &&
			    (s->scheme == NULL || strcmp(s->scheme,
			    id->scheme) != 0))
				continue;
			used[k] = true;
			vals[n] = id_written(id, bufs[k], sizeof bufs[k]);
			if (strcmp(id->type, "phone") == 0) {
				/* National style at home, now and then
				 * international. */
				const char *pc = sb_phone_country(id->value);
				bool home = pc != NULL && strcmp(pc, x->cc[0] ?
				    x->cc : x->c->cc) == 0;
				int style = home && (x->c->seq + (uint64_t)mi +
				    (uint64_t)k) % 5 != 4 ? SB_PHONE_NATIONAL :
				    SB_PHONE_INTL;
				if (sb_phone_format(id->value, style, bufs[k],
				    sizeof bufs[k]) > 0)
					vals[n] = bufs[k];
			}
			/* One a column, unless the column is a list. */
			if (++n == NELEM(vals) || s->split == NULL)
				break;
		}
		put_list(x, ctx, s, vals, n, s->split != NULL);
	}
}

static void
put_person(struct sb_export *x, cJSON *ctx, const struct sb_pgroup *g,
    int mi)
{
	const struct sb_syn_mention *m = &x->c->men[mi];
	const struct sb_syn_person *p = m->p;
	const struct sb_spec *s;
	char full[260];

	if (g->role.constant == NULL && spec_column(&g->role) != NULL &&
	    m->role != NULL)
		put_str(x, ctx, &g->role, unmap(x, &g->role, m->role));
	for (size_t i = 0; m->role != NULL && i < NELEM(htcds_of_role); i++)
		if (strcmp(m->role, htcds_of_role[i][0]) == 0)
			put_one(x, ctx, &g->f[PT_HROLES],
			    htcds_of_role[i][1], CV_TEXT, true);
	put_text(x, ctx, &g->f[PT_GIVEN], m->given);
	put_text(x, ctx, &g->f[PT_FAMILY], m->family);
	if (m->given[0] != '\0' || m->family[0] != '\0') {
		snprintf(full, sizeof full, "%s%s%s", m->given,
		    m->given[0] != '\0' && m->family[0] != '\0' ? " " : "",
		    m->family);
		put_text(x, ctx, &g->f[PT_FULL], full);
	}
	put_date(x, ctx, &g->f[PT_DOB], m->dob);
	if (p != NULL && (p->sex == 'F' || p->sex == 'M')) {
		const char *sex = p->sex == 'F' ? "Feminine" : "Masculine";
		put_one(x, ctx, &g->f[PT_SEX], sex, CV_TEXT, false);
	}
	/* Now and then a clerk writes the code. */
	put_one(x, ctx, &g->f[PT_CIT], m->cit, (x->c->seq + (uint64_t)mi) %
	    13 == 12 ? CV_CODE : CV_COUNTRY, true);
	if (m->age >= 0 && m->age <= 120 &&
	    (s = first_col(&g->f[PT_AGE])) != NULL)
		put_int(x, ctx, s, m->age);
	if (p == NULL)
		return;
	put_ids(x, ctx, g, m, mi);
	if (p->locality[0] != '\0') {
		put_text(x, ctx, &g->f[PT_LOCALITY], p->locality);
		put_text(x, ctx, &g->f[PT_REGION], p->region);
		put_country(x, ctx, &g->f[PT_ADDR_COUNTRY], p->cc);
	}
}

static bool
is_victim_group(const struct sb_pgroup *g)
{
	return g->role.constant != NULL && strcmp(g->role.constant,
	    "victim") == 0;
}

/* Where to corrupt the record for "bad_bytes": the victim's family name
 * (else given name) column. */
static void
mark_bad(struct sb_export *x, const struct sb_pgroup *g, int mi)
{
	const struct sb_syn_mention *m = &x->c->men[mi];
	const struct sb_spec *s = NULL;
	struct sb_buf *b;

	if (x->fmt != SB_FMT_CSV || x->bad_col != SIZE_MAX)
		return;
	if (m->family[0] != '\0')
		s = first_col(&g->f[PT_FAMILY]);
	if (s == NULL && m->given[0] != '\0')
		s = first_col(&g->f[PT_GIVEN]);
	if (s != NULL && (b = cell_of(x, s)) != NULL)
		x->bad_col = (size_t)(b - x->cells);
}

/* Mention 0 to the victim group, the others to the other groups in
 * order (an "each" group takes all that are left); without a victim
 * group, all in order. */
static void
put_persons(struct sb_export *x, cJSON *root)
{
	const struct sb_profile *p = x->p;
	const struct sb_syn_case *c = x->c;
	bool have_victim = false, victim_done = false;
	int next;
	char pid[128];

	for (size_t i = 0; i < p->npersons; i++)
		have_victim |= is_victim_group(&p->persons[i]);
	next = have_victim ? 1 : 0;
	for (size_t i = 0; i < p->npersons; i++) {
		const struct sb_pgroup *g = &p->persons[i];
		bool victim = have_victim && is_victim_group(g);
		int mi;

		if (victim) {
			if (victim_done || c->nmen < 1)
				continue;
			victim_done = true;
			mi = 0;
		} else if (next < c->nmen) {
			mi = next++;
		} else {
			continue;
		}
		if (g->each != NULL && x->fmt != SB_FMT_CSV) {
			/* The victim as an object, the others as an array
			 * (pids victim, suspect_1, suspect_2, ...). */
			struct sb_spec at = {0};
			int size = victim ? 1 : c->nmen - mi;
			cJSON *o, *a = NULL;
			at.column = g->each;
			at.path = g->each_path;
			at.npath = g->neach;
			if (!victim)
				next = c->nmen;
			if (victim && strstr(g->pid, "{n}") == NULL) {
				pid_of(pid, sizeof pid, g->pid, 1, false);
				add_pid(x, pid, mi);
				if ((o = cJSON_CreateObject()) != NULL)
					put_person(x, o, g, mi);
				json_put(x, root, &at, o);
				continue;
			}
			if (size > MAX_EACH)
				size = MAX_EACH;
			if ((a = cJSON_CreateArray()) == NULL)
				x->oom = true;
			for (int k = 0; a != NULL && k < size; k++) {
				o = cJSON_CreateObject();
				if (o == NULL || !cJSON_AddItemToArray(a, o)) {
					cJSON_Delete(o);
					x->oom = true;
					break;
				}
				pid_of(pid, sizeof pid, g->pid, k + 1,
				    size > 1);
				add_pid(x, pid, mi + k);
				put_person(x, o, g, mi + k);
			}
			json_put(x, root, &at, a);
			continue;
		}
		pid_of(pid, sizeof pid, g->pid, 0, false);
		add_pid(x, pid, mi);
		put_person(x, root, g, mi);
		if (victim)
			mark_bad(x, g, mi);
	}
}

/* ---- events, narratives, relations ----------------------------------- */

static void
put_events(struct sb_export *x, cJSON *root)
{
	const struct sb_profile *p = x->p;
	const struct sb_syn_case *c = x->c;
	bool used[NELEM(c->ev)] = {false};

	for (size_t i = 0; i < p->nevents; i++) {
		const struct sb_egroup *g = &p->events[i];
		const struct sb_syn_event *ev = NULL;
		const char *type = g->type.constant;
		for (int k = 0; k < c->nev && k < (int)NELEM(c->ev); k++) {
			if (used[k] || c->ev[k].type == NULL ||
			    (type != NULL && strcmp(type, c->ev[k].type) != 0))
				continue;
			used[k] = true;
			ev = &c->ev[k];
			break;
		}
		if (ev == NULL)
			continue;
		if (type == NULL && spec_column(&g->type) != NULL)
			put_str(x, root, &g->type, unmap(x, &g->type,
			    ev->type));
		put_date(x, root, &g->f[ET_DATE], ev->date);
		put_text(x, root, &g->f[ET_LOCALITY], ev->locality);
		put_country(x, root, &g->f[ET_COUNTRY], ev->country);
	}
}

/* The narrative into the first narrative column of its language, else
 * the first narrative column. */
static void
put_narrative(struct sb_export *x, cJSON *root)
{
	const struct sb_profile *p = x->p;
	const struct sb_ngroup *g = NULL;

	if (x->c->narrative[0] == '\0' || p->nnarr == 0)
		return;
	for (size_t i = 0; i < p->nnarr && g == NULL; i++)
		if (x->c->lang != NULL && p->narr[i].lang != NULL &&
		    strcmp(p->narr[i].lang, x->c->lang) == 0)
			g = &p->narr[i];
	put_str(x, root, g != NULL ? &g->text : &p->narr[0].text,
	    x->c->narrative);
}

/* Does the relation hold?  The mentions' flags say what each person did
 * to the victim (mention 0). */
static bool
holds(const struct sb_syn_case *c, int from, int to, const char *type)
{
	const struct sb_syn_mention *m;

	if (to != 0 || from <= 0 || from >= c->nmen)
		return false;
	m = &c->men[from];
	return strcmp(type, "recruited") == 0 ? m->recruited :
	    strcmp(type, "transported") == 0 ? m->transported :
	    strcmp(type, "exploited") == 0 ? m->exploited : false;
}

static void
put_relations(struct sb_export *x, cJSON *root)
{
	const struct sb_profile *p = x->p;

	for (size_t i = 0; i < p->nrels; i++) {
		const struct sb_rgroup *g = &p->rels[i];
		int from, to;
		if (!g->has_when || spec_column(&g->when) == NULL)
			continue;
		from = men_of_pid(x, g->from);
		to = men_of_pid(x, g->to);
		if (from < 0 || to < 0)
			continue;
		put_bool(x, root, &g->when, holds(x->c, from, to, g->type));
	}
}

/* ---- records -------------------------------------------------------- */

static int
io_error(struct sb_export *x, struct sb_err *e)
{
	x->failed = true;
	return sb_seterr(e, SB_FATAL, SB_E_IO, "export of profile %s: write "
	    "error: %s", x->p->name, strerror(errno));
}

static int
nomem(struct sb_export *x, struct sb_err *e)
{
	x->failed = true;
	return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
}

/* Put the invalid byte after the first character of the encoded cell. */
static int
corrupt(struct sb_export *x, struct sb_buf *b)
{
	size_t at = 0;
	char *tail;

	if (b->len > 0)
		at = x->cd == (iconv_t)-1 ? u8len((unsigned char *)b->data,
		    b->len) : 1;
	if (at == 0)
		at = 1;
	if (at > b->len)
		at = b->len;
	if ((tail = strdup(b->data != NULL ? b->data + at : "")) == NULL)
		return -1;
	b->len = at;
	int r = sb_buf_addc(b, (char)x->bad_byte) || sb_buf_adds(b, tail);
	free(tail);
	return r ? -1 : 0;
}

static bool
bad_bytes(const struct sb_export *x)
{
	return x->c->dirty != NULL && strcmp(x->c->dirty, "bad_bytes") == 0;
}

static int
write_csv(struct sb_export *x, struct sb_err *e)
{
	bool bad = bad_bytes(x);
	const struct sb_spec *s;
	struct sb_buf *b;

	/* No invalid byte to be had: no case number then. */
	if (bad && (x->bad_byte < 0 || x->bad_col == SIZE_MAX)) {
		bad = false;
		if ((s = first_col(&x->p->c[CT_LOCAL_ID])) != NULL &&
		    (b = cell_of(x, s)) != NULL)
			sb_buf_reset(b);
	}
	for (size_t i = 0; i < x->ncols; i++) {
		b = &x->cells[i];
		sb_buf_reset(&x->enc);
		if (b->len > 0 && encode(x, b->data, b->len, &x->enc) != 0)
			return nomem(x, e);
		sb_buf_reset(b);
		if (x->enc.len > 0 && sb_buf_add(b, x->enc.data,
		    x->enc.len) != 0)
			return nomem(x, e);
		if (bad && i == x->bad_col && corrupt(x, b) != 0)
			return nomem(x, e);
	}
	if (write_row(x, x->cells, x->ncols) != 0)
		return io_error(x, e);
	for (size_t i = 0; i < x->ncols; i++)
		sb_buf_reset(&x->cells[i]);
	return SB_OK;
}

/* The member of spec s below o, or its parent (parent = true). */
static cJSON *
json_get(cJSON *o, const struct sb_spec *s, bool parent)
{
	const struct sb_spec *t = path_spec(s);
	size_t n = t->npath - (parent && t->npath > 0);

	for (size_t k = 0; k < n && o != NULL; k++)
		o = cJSON_IsArray(o) ? cJSON_GetArrayItem(o,
		    atoi(t->path[k])) : cJSON_GetObjectItemCaseSensitive(o,
		    t->path[k]);
	return o;
}

/* The victim's family (or given) name gets the invalid byte. */
static bool
corrupt_json(struct sb_export *x, cJSON *root)
{
	const struct sb_profile *p = x->p;

	for (size_t i = 0; i < p->npersons; i++) {
		const struct sb_pgroup *g = &p->persons[i];
		const struct sb_spec *s;
		cJSON *o = root, *v;
		if (!is_victim_group(g))
			continue;
		if (g->each != NULL) {
			for (size_t k = 0; k < g->neach && o != NULL; k++)
				o = cJSON_GetObjectItemCaseSensitive(o,
				    g->each_path[k]);
			if (cJSON_IsArray(o))
				o = cJSON_GetArrayItem(o, 0);
		}
		for (int t = 0; t < 2; t++) {
			s = first_col(&g->f[t == 0 ? PT_FAMILY : PT_GIVEN]);
			if (s == NULL)
				continue;
			v = json_get(o, s, false);
			if (!cJSON_IsString(v) || v->valuestring == NULL)
				continue;
			/* After the first character. */
			size_t len = strlen(v->valuestring), at;
			char *bad = malloc(len + 2);
			if (bad == NULL)
				return false;
			at = u8len((unsigned char *)v->valuestring, len);
			memcpy(bad, v->valuestring, at);
			bad[at] = (char)0xff;
			memcpy(bad + at + 1, v->valuestring + at, len - at + 1);
			free(v->valuestring);
			v->valuestring = bad;
			return true;
		}
	}
	return false;
}

static int
write_json(struct sb_export *x, cJSON *root, struct sb_err *e)
{
	char *text;
	const char *out;
	size_t len;

	const struct sb_spec *s;
	cJSON *parent;

	/* No invalid byte to be had: no case number then. */
	if (bad_bytes(x) && !(x->bad_byte == 0xff && x->cd == (iconv_t)-1 &&
	    corrupt_json(x, root)) &&
	    (s = first_col(&x->p->c[CT_LOCAL_ID])) != NULL &&
	    (parent = json_get(root, s, true)) != NULL &&
	    cJSON_IsObject(parent))
		cJSON_DeleteItemFromObjectCaseSensitive(parent,
		    path_spec(s)->path[path_spec(s)->npath - 1]);
	if ((text = cJSON_PrintUnformatted(root)) == NULL)
		return nomem(x, e);
	out = text;
	len = strlen(text);
	if (x->cd != (iconv_t)-1) {
		sb_buf_reset(&x->enc);
		if (encode(x, text, len, &x->enc) != 0) {
			free(text);
			return nomem(x, e);
		}
		out = x->enc.data != NULL ? x->enc.data : "";
		len = x->enc.len;
	}
	if (x->fmt == SB_FMT_JSON && fputs(x->nrec > 1 ? ",\n" : "\n",
	    x->f) == EOF) {
		free(text);
		return io_error(x, e);
	}
	if (fwrite(out, 1, len, x->f) != len ||
	    (x->fmt == SB_FMT_NDJSON && putc('\n', x->f) == EOF)) {
		free(text);
		return io_error(x, e);
	}
	free(text);
	return SB_OK;
}

int
sb_export_write(struct sb_export *x, const struct sb_syn_case *c,
    long *record, struct sb_err *e)
{
	cJSON *root = NULL;
	int r;

	if (x->failed)
		return sb_seterr(e, SB_FATAL, SB_E_IO, "export of profile %s: "
		    "an earlier error stopped it", x->p->name);
	x->c = c;
	x->npids = 0;
	x->oom = false;
	x->bad_col = SIZE_MAX;
	if (x->fmt != SB_FMT_CSV && (root = cJSON_CreateObject()) == NULL)
		return nomem(x, e);
	put_case(x, root);
	put_persons(x, root);
	put_events(x, root);
	put_narrative(x, root);
	put_relations(x, root);
	x->nrec++;
	if (x->oom) {
		cJSON_Delete(root);
		return nomem(x, e);
	}
	r = x->fmt == SB_FMT_CSV ? write_csv(x, e) : write_json(x, root, e);
	cJSON_Delete(root);
	x->c = NULL;
	if (r == SB_OK && record != NULL)
		*record = x->nrec;
	return r;
}

int
sb_export_close(struct sb_export *x, struct sb_err *e)
{
	int r = SB_OK;

	if (x == NULL)
		return SB_OK;
	if (x->f != NULL) {
		if (!x->failed && x->fmt == SB_FMT_JSON &&
		    fputs(x->nrec > 0 ? "\n]\n" : "]\n", x->f) == EOF)
			x->failed = true;
		if (ferror(x->f))
			x->failed = true;
		if (fclose(x->f) != 0)
			x->failed = true;
		if (x->failed && e != NULL)
			r = sb_seterr(e, SB_FATAL, SB_E_IO, "export of profile "
			    "%s: write error", x->p->name);
	}
	if (x->cd != (iconv_t)-1)
		iconv_close(x->cd);
	for (size_t i = 0; x->cells != NULL && i < x->ncols; i++)
		sb_buf_release(&x->cells[i]);
	free(x->cells);
	free(x->cols);
	free(x->slotcol);
	sb_buf_release(&x->enc);
	sb_buf_release(&x->run);
	sb_buf_release(&x->probe);
	free(x);
	return r;
}
