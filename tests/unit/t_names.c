/*
 * t_names.c: unit test for the synthetic name lists and their variants;
 * prints TAP.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uclean.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "names_lat.h"
#include "sb_names.h"
#include "tap.h"

/* A small deterministic stream for the variant callback. */
struct mix {
	uint64_t s;
};

static uint32_t
mix_next(void *ctx)
{
	struct mix *m = ctx;
	uint64_t z = (m->s += 0x9E3779B97F4A7C15ull);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return (uint32_t)((z ^ (z >> 31)) >> 32);
}

/* Strict UTF-8 (no overlongs, surrogates or values past U+10FFFF);
 * stores the first code point in *first. */
static int
utf8_ok(const char *s, uint32_t *first)
{
	const unsigned char *p = (const unsigned char *)s;
	int i = 0;

	while (*p != 0) {
		uint32_t c;
		int k;

		if (*p < 0x80) {
			c = *p;
			k = 0;
		} else if ((*p & 0xE0) == 0xC0) {
			c = *p & 0x1F;
			k = 1;
		} else if ((*p & 0xF0) == 0xE0) {
			c = *p & 0x0F;
			k = 2;
		} else if ((*p & 0xF8) == 0xF0) {
			c = *p & 0x07;
			k = 3;
		} else
			return 0;
		for (int j = 1; j <= k; j++) {
			if ((p[j] & 0xC0) != 0x80)
				return 0;
			c = c << 6 | (p[j] & 0x3F);
		}
		if ((k == 1 && c < 0x80) || (k == 2 && c < 0x800) ||
		    (k == 3 && (c < 0x10000 || c > 0x10FFFF)) ||
		    (c >= 0xD800 && c <= 0xDFFF))
			return 0;
		if (i++ == 0 && first != NULL)
			*first = c;
		p += k + 1;
	}
	return 1;
}

static int
is_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

static const char *const main_cc[] = {
	"BE", "BG", "FI", "GR", "IT", "PL", "PT", "RO",
};
static const char *const origin_cc[] = {
	"AL", "MA", "MD", "NG", "SY", "UA", "VN",
};

/* Every list of a country: sizes, encoding, script, duplicates. */
static void
check_lists(const char *cc, size_t min_given, size_t min_family)
{
	const char *const *lists[3];
	size_t n[3];
	const char *what[3] = { "female given", "male given", "family" };
	uint32_t lo = 0, hi = 0x24F;	/* Latin by default */

	if (strcmp(cc, "BG") == 0 || strcmp(cc, "UA") == 0) {
		lo = 0x400;
		hi = 0x4FF;
	} else if (strcmp(cc, "GR") == 0) {
		lo = 0x370;
		hi = 0x3FF;
	}
	lists[0] = sb_names_given(cc, 'F', &n[0]);
	lists[1] = sb_names_given(cc, 'M', &n[1]);
	lists[2] = sb_names_family(cc, &n[2]);
	printf("# %s: %zu female, %zu male, %zu family\n", cc, n[0], n[1],
	    n[2]);
	for (int l = 0; l < 3; l++) {
		size_t min = l < 2 ? min_given : min_family;
		int good = 1, script = 1, dup = 0, cedilla = 0;

		ok(lists[l] != NULL && n[l] >= min, "%s: %zu %s names (>= %zu)",
		    cc, n[l], what[l], min);
		if (lists[l] == NULL)
			continue;
		for (size_t i = 0; i < n[l]; i++) {
			const char *s = lists[l][i];
			uint32_t first = 0;
			size_t len = strlen(s);

			if (len == 0 || !utf8_ok(s, &first) || s[0] == ' ' ||
			    s[len - 1] == ' ') {
				good = 0;
				printf("# bad name %s/%d/%zu\n", cc, l, i);
				continue;
			}
			if (first < lo || first > hi) {
				script = 0;
				printf("# script: %s\n", s);
			}
			/* Romanian is written with the comma below. */
			if (strstr(s, "\xC5\x9F") || strstr(s, "\xC5\xA3") ||
			    strstr(s, "\xC5\x9E") || strstr(s, "\xC5\xA2"))
				cedilla = 1;
			for (size_t j = 0; j < i; j++)
				if (strcmp(s, lists[l][j]) == 0) {
					dup = 1;
					printf("# duplicate: %s\n", s);
				}
		}
		ok(good, "%s %s: non-empty, trimmed UTF-8", cc, what[l]);
		ok(script, "%s %s: first letters in U+%04X..U+%04X", cc,
		    what[l], lo, hi);
		ok(!dup, "%s %s: no duplicates", cc, what[l]);
		if (strcmp(cc, "RO") == 0 || strcmp(cc, "MD") == 0)
			ok(!cedilla, "%s %s: comma-below ș ț, not cedillas", cc,
			    what[l]);
	}
}

struct fcase {
	const char *cc, *in;
	char sex;
	const char *want;
};

static const struct fcase fcases[] = {
	{ "BG", "Иванов", 'F', "Иванова" },
	{ "BG", "Георгиев", 'F', "Георгиева" },
	{ "BG", "Стамболийски", 'F', "Стамболийска" },
	{ "BG", "ИВАНОВ", 'F', "ИВАНОВА" },
	{ "BG", "Иванова", 'F', "Иванова" },
	{ "BG", "Иванова", 'M', "Иванов" },
	{ "BG", "Иванов", 'M', "Иванов" },
	{ "BG", "Иванов-Петров", 'F', "Иванова-Петрова" },
	{ "bg", "Петров", 'F', "Петрова" },
	{ "PL", "Kowalski", 'F', "Kowalska" },
	{ "PL", "Zawadzki", 'F', "Zawadzka" },
	{ "PL", "Nowicki", 'F', "Nowicka" },
	{ "PL", "Konieczny", 'F', "Konieczna" },
	{ "PL", "Nowak", 'F', "Nowak" },
	{ "PL", "Kowalska", 'M', "Kowalski" },
	{ "PL", "KOWALSKI", 'F', "KOWALSKA" },
	{ "PL", "Nowak-Kowalski", 'F', "Nowak-Kowalska" },
	{ "GR", "Παπαδόπουλος", 'F', "Παπαδοπούλου" },
	{ "GR", "Αθανασόπουλος", 'F', "Αθανασοπούλου" },
	{ "GR", "Βλάχος", 'F', "Βλάχου" },
	{ "GR", "Ψυχογιός", 'F', "Ψυχογιού" },
	{ "GR", "Παπαδάκης", 'F', "Παπαδάκη" },
	{ "GR", "Καραμανλής", 'F', "Καραμανλή" },
	{ "GR", "Παππάς", 'F', "Παππά" },
	{ "GR", "Γεωργίου", 'F', "Γεωργίου" },
	{ "GR", "ΠΑΠΑΔΟΠΟΥΛΟΣ", 'F', "ΠΑΠΑΔΟΠΟΥΛΟΥ" },
	{ "GR", "Παπαδόπουλος", 'M', "Παπαδόπουλος" },
	{ "UA", "Ковальський", 'F', "Ковальська" },
	{ "UA", "Ковальська", 'M', "Ковальський" },
	{ "UA", "Шевченко", 'F', "Шевченко" },
	{ "UA", "Гладкий", 'F', "Гладка" },
	{ "RU", "Достоевский", 'F', "Достоевская" },
	{ "IT", "Rossi", 'F', "Rossi" },
	{ "RO", "Popescu", 'F', "Popescu" },
	{ "XX", "Smith", 'F', "Smith" },
};

static void
check_family_forms(void)
{
	char out[256];
	const char *const *l;
	size_t n;
	int good;

	for (size_t i = 0; i < sizeof(fcases) / sizeof(fcases[0]); i++) {
		const struct fcase *c = &fcases[i];
		int r = sb_names_family_form(c->cc, c->in, c->sex, out,
		    sizeof(out));

		is_str(r >= 0 ? out : NULL, c->want, "family form %s %s %c",
		    c->cc, c->in, c->sex);
		ok(r == (int)strlen(c->want), "  and its length");
	}
	ok(sb_names_family_form("PL", "Kowalski", 'X', out, sizeof(out)) ==
	    -1, "family form: bad sex is -1");
	ok(sb_names_family_form("PL", "Kowalski", 'F', out, 8) == -1,
	    "family form: no room is -1");
	ok(sb_names_family_form("PL", "Kowalski", 'F', out, 9) == 8,
	    "family form: exactly enough room");
	ok(sb_names_family_form("PL", "Kow\xC3", 'F', out, sizeof(out)) == -1,
	    "family form: bad UTF-8 is -1");

	/* Every Bulgarian and Polish name goes to the female form and back. */
	good = 1;
	l = sb_names_family("BG", &n);
	for (size_t i = 0; i < n; i++) {
		char back[256];

		int rf = sb_names_family_form("BG", l[i], 'F', out,
		    sizeof(out));
		int rm = sb_names_family_form("BG", out, 'M', back,
		    sizeof(back));

		if (rf < 0 || rm < 0 || strcmp(back, l[i]) != 0 ||
		    strcmp(out, l[i]) == 0 ||
		    strcmp(out + strlen(out) - 2, "а") != 0) {
			good = 0;
			printf("# BG round trip: %s %s\n", l[i], out);
		}
	}
	ok(good, "BG: every family name takes -а and comes back");
	good = 1;
	l = sb_names_family("PL", &n);
	for (size_t i = 0; i < n; i++) {
		char back[256];
		size_t len = strlen(l[i]);

		if (len < 3 || strcmp(l[i] + len - 3, "ski") != 0)
			continue;
		if (sb_names_family_form("PL", l[i], 'F', out,
		    sizeof(out)) < 0 ||
		    sb_names_family_form("PL", out, 'M', back,
		    sizeof(back)) < 0 || strcmp(back, l[i]) != 0 ||
		    strcmp(out + len - 3, "ska") != 0) {
			good = 0;
			printf("# PL round trip: %s %s\n", l[i], out);
		}
	}
	ok(good, "PL: every -ski takes -ska and comes back");
	/* Every Greek name ends in a genitive for a woman. */
	good = 1;
	l = sb_names_family("GR", &n);
	for (size_t i = 0; i < n; i++) {
		static const char *const ends[] = { "ου", "ού", "η", "ή", "α",
		    "ά" };
		int hit = 0;

		if (sb_names_family_form("GR", l[i], 'F', out,
		    sizeof(out)) < 0) {
			good = 0;
			continue;
		}
		for (size_t e = 0; e < 6; e++) {
			size_t el = strlen(ends[e]), ol = strlen(out);

			hit |= ol > el && strcmp(out + ol - el, ends[e]) == 0;
		}
		if (!hit || strstr(out, "ς") != NULL) {
			good = 0;
			printf("# GR female: %s %s\n", l[i], out);
		}
	}
	ok(good, "GR: every family name has a genitive female form");
}

static void
check_nicknames(void)
{
	static const struct {
		const char *given, *nick;
	} want[] = {
		{ "Иван", "Ваньо" }, { "Γεώργιος", "Γιώργος" },
		{ "Aleksandra", "Ola" }, { "Giuseppe", "Peppe" },
		{ "João", "Joãozinho" }, { "Ιωάννης", "Γιάννης" },
		{ "Ștefan", "Fănel" }, { "Katarzyna", "Kasia" },
	};
	size_t pairs = 0, n, nc, ncc;
	const char *const *cc = sb_names_countries(&ncc);
	int good = 1;

	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		const char *const *k = sb_names_nicknames(want[i].given, &n);
		int hit = 0;

		for (size_t j = 0; k != NULL && j < n; j++)
			hit |= strcmp(k[j], want[i].nick) == 0;
		ok(hit, "nickname %s: %s", want[i].given, want[i].nick);
	}
	ok(sb_names_nicknames("Zzyzx", &n) == NULL && n == 0,
	    "no nicknames for an unknown name");
	/* Count the pairs reachable from the lists. */
	for (size_t c = 0; c < ncc; c++)
		for (int sx = 0; sx < 2; sx++) {
			const char *const *g = sb_names_given(cc[c],
			    sx ? 'M' : 'F', &n);

			for (size_t i = 0; i < n; i++) {
				const char *const *k = sb_names_nicknames(g[i],
				    &nc);

				for (size_t j = 0; k != NULL && j < nc; j++) {
					if (!utf8_ok(k[j], NULL) ||
					    k[j][0] == '\0' ||
					    strcmp(k[j], g[i]) == 0)
						good = 0;
					pairs++;
				}
			}
		}
	printf("# nickname pairs reachable from the lists: %zu\n", pairs);
	ok(pairs >= 40, "at least 40 given/nickname pairs (%zu)", pairs);
	ok(good, "nicknames are UTF-8, non-empty, not the name itself");
}

static void
check_ascii(void)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "Иван Петров", "Ivan Petrov" },
		{ "Γεώργιος", "Georgios" },
		{ "Łukasz Żółć", "Lukasz Zolc" },
		{ "Ștefan", "Stefan" },
		{ "Şerban", "Serban" },
		{ "João Conceição", "Joao Conceicao" },
		{ "Väinö Åberg", "Vaino Aberg" },
		{ "Nguyễn Đặng", "Nguyen Dang" },
		{ "Лъчезар", "Lacezar" },
		{ "Ковальський", "Kovalskij" },
		{ "Παπαδοπούλου", "Papadopoulou" },
		{ "Gëzim Çela", "Gezim Cela" },
		{ "D'Angelo", "D'Angelo" },
		{ "", "" },
	};
	char out[256];
	size_t ncc, n;
	const char *const *cc = sb_names_countries(&ncc);
	int good = 1, r;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		r = sb_names_ascii(cases[i].in, strlen(cases[i].in), out,
		    sizeof(out));
		is_str(r >= 0 ? out : NULL, cases[i].want, "ascii \"%s\"",
		    cases[i].in);
		/* Again, now from the cache. */
		r = sb_names_ascii(cases[i].in, strlen(cases[i].in), out,
		    sizeof(out));
		is_str(r >= 0 ? out : NULL, cases[i].want, "  and again");
	}
	ok(sb_names_ascii("Иван", 8, out, 5) == 4 && strcmp(out, "Ivan") == 0,
	    "ascii: exactly enough room");
	ok(sb_names_ascii("Иван", 8, out, 4) == -1, "ascii: no room is -1");
	ok(sb_names_ascii("Ivan", 4, out, 4) == -1,
	    "ascii: no room is -1 (ASCII)");
	ok(sb_names_ascii("Ива\xD0", 7, out, sizeof(out)) == -1,
	    "ascii: bad UTF-8 is -1");
	ok(sb_names_ascii("Иван Петров", 8, out, sizeof(out)) == 4 &&
	    strcmp(out, "Ivan") == 0, "ascii: takes a length");
	for (size_t c = 0; c < ncc; c++) {
		const char *const *l[3];
		size_t nl[3];

		l[0] = sb_names_given(cc[c], 'F', &nl[0]);
		l[1] = sb_names_given(cc[c], 'M', &nl[1]);
		l[2] = sb_names_family(cc[c], &nl[2]);
		for (int k = 0; k < 3; k++)
			for (size_t i = 0; i < nl[k]; i++) {
				r = sb_names_ascii(l[k][i], strlen(l[k][i]),
				    out, sizeof(out));
				if (r <= 0 || !is_ascii(out)) {
					good = 0;
					printf("# ascii: %s\n", l[k][i]);
				}
			}
	}
	ok(good, "every listed name has a non-empty ASCII form");
	(void)n;
}

/* Names from every list, drawn by the stream. */
static const char *
random_name(struct mix *m, int *is_given)
{
	size_t ncc, n;
	const char *const *cc = sb_names_countries(&ncc);
	const char *c = cc[mix_next(m) % ncc];
	int which = (int)(mix_next(m) % 3);
	const char *const *l = which == 0 ? sb_names_given(c, 'F', &n) :
	    which == 1 ? sb_names_given(c, 'M', &n) : sb_names_family(c, &n);

	*is_given = which < 2;
	return l[mix_next(m) % n];
}

static void
check_variants(void)
{
	static const char *const kname[] = { "EXACT", "ASCII",
	    "TRANSLIT_ALT", "TYPO", "NICKNAME", "UPPER" };
	struct mix names = { 7 }, m = { 99 };
	int good[SB_NV_COUNT], differs[SB_NV_COUNT], extra[SB_NV_COUNT];
	char out[512], asc[512];

	for (int k = 0; k < SB_NV_COUNT; k++)
		good[k] = differs[k] = extra[k] = 1;
	for (int i = 0; i < 200; i++) {
		int is_given;
		const char *s = random_name(&names, &is_given);

		if (sb_names_ascii(s, strlen(s), asc, sizeof(asc)) < 0)
			asc[0] = '\0';
		for (int k = 0; k < SB_NV_COUNT; k++) {
			int r = sb_names_variant(s, k, is_given, mix_next, &m,
			    out, sizeof(out));

			if (r < 0 || (size_t)r != strlen(out) ||
			    !utf8_ok(out, NULL) || r == 0) {
				good[k] = 0;
				printf("# %s %s: %d\n", kname[k], s, r);
				continue;
			}
			switch (k) {
			case SB_NV_EXACT:
				differs[k] &= strcmp(out, s) == 0;
				break;
			case SB_NV_ASCII:
				extra[k] &= is_ascii(out);
				if (!is_ascii(s) && strcmp(out, s) == 0)
					differs[k] = 0;
				break;
			case SB_NV_TRANSLIT_ALT:
				if (strcmp(out, s) == 0 ||
				    strcmp(out, asc) == 0) {
					differs[k] = 0;
					printf("# alt %s: %s\n", s, out);
				}
				break;
			case SB_NV_TYPO: {
				uint32_t a = 0, b = 0;

				if (strcmp(out, s) == 0) {
					differs[k] = 0;
					printf("# typo %s: %s\n", s, out);
				}
				(void)utf8_ok(s, &a);
				(void)utf8_ok(out, &b);
				extra[k] &= a == b;
				break;
			}
			case SB_NV_NICKNAME: {
				size_t n;
				const char *const *nk =
				    sb_names_nicknames(s, &n);
				int hit = nk == NULL && strcmp(out, s) == 0;

				for (size_t j = 0; nk != NULL && j < n; j++)
					hit |= strcmp(out, nk[j]) == 0;
				if (nk != NULL && !is_given)
					hit = strcmp(out, s) == 0;
				differs[k] &= hit;
				break;
			}
			case SB_NV_UPPER: {
				char again[512];

				if (sb_names_variant(out, SB_NV_UPPER, 0, NULL,
				    NULL, again, sizeof(again)) < 0 ||
				    strcmp(again, out) != 0)
					differs[k] = 0;
				break;
			}
			}
		}
	}
	for (int k = 0; k < SB_NV_COUNT; k++)
		ok(good[k], "%s on 200 names: valid, non-empty UTF-8",
		    kname[k]);
	ok(differs[SB_NV_EXACT], "EXACT is the name");
	ok(differs[SB_NV_ASCII] && extra[SB_NV_ASCII],
	    "ASCII is ASCII and differs where the name is not");
	ok(differs[SB_NV_TRANSLIT_ALT],
	    "TRANSLIT_ALT differs from the name and from its ASCII");
	ok(differs[SB_NV_TYPO], "TYPO differs from the name");
	ok(extra[SB_NV_TYPO], "TYPO keeps the first letter");
	ok(differs[SB_NV_NICKNAME], "NICKNAME is a listed nickname or the "
	    "name");
	ok(differs[SB_NV_UPPER], "UPPER is already upper case");
}

static void
check_variant_cases(void)
{
	struct mix m = { 5 };
	char out[256];
	size_t n;
	const char *const *nk;
	int hit, seen_yannis = 0, seen_petroff = 0, seen_sky = 0;

	is_str(sb_names_variant("Γεώργιος", SB_NV_UPPER, 1, NULL, NULL, out,
	    sizeof(out)) >= 0 ? out : NULL, "ΓΕΩΡΓΙΟΣ",
	    "UPPER drops Greek accents");
	is_str(sb_names_variant("Łukasz", SB_NV_UPPER, 1, NULL, NULL, out,
	    sizeof(out)) >= 0 ? out : NULL, "ŁUKASZ", "UPPER keeps ogonki");
	is_str(sb_names_variant("Иван", SB_NV_ASCII, 1, NULL, NULL, out,
	    sizeof(out)) >= 0 ? out : NULL, "Ivan", "ASCII needs no stream");
	ok(sb_names_variant("Иван", SB_NV_TYPO, 1, NULL, NULL, out,
	    sizeof(out)) == -1, "TYPO without a stream is -1");
	ok(sb_names_variant("Иван", SB_NV_COUNT, 1, mix_next, &m, out,
	    sizeof(out)) == -1, "an unknown kind is -1");
	ok(sb_names_variant("Ива\xD0", SB_NV_EXACT, 1, NULL, NULL, out,
	    sizeof(out)) == -1, "bad UTF-8 is -1");
	ok(sb_names_variant("Giuseppe", SB_NV_NICKNAME, 0, mix_next, &m, out,
	    sizeof(out)) >= 0 && strcmp(out, "Giuseppe") == 0,
	    "NICKNAME leaves family names alone");
	ok(sb_names_variant("Ana", SB_NV_TRANSLIT_ALT, 1, mix_next, &m, out,
	    sizeof(out)) >= 0 && strcmp(out, "Ana") != 0,
	    "TRANSLIT_ALT changes even a short ASCII name (%s)", out);
	ok(sb_names_variant("-", SB_NV_TYPO, 1, mix_next, &m, out,
	    sizeof(out)) == 1 && strcmp(out, "-") == 0,
	    "a name without letters comes back unchanged");
	ok(sb_names_variant("Giuseppe Maria", SB_NV_NICKNAME, 1, mix_next, &m,
	    out, sizeof(out)) >= 0 && strstr(out, " Maria") != NULL &&
	    strncmp(out, "Giuseppe", 8) != 0,
	    "NICKNAME on the first of two given names (%s)", out);
	nk = sb_names_nicknames("Giuseppe", &n);
	hit = 0;
	for (int i = 0; i < 50; i++) {
		sb_names_variant("Giuseppe", SB_NV_NICKNAME, 1, mix_next, &m,
		    out, sizeof(out));
		for (size_t j = 0; j < n; j++)
			hit |= (strcmp(out, nk[j]) == 0) << j;
	}
	ok(hit == (1 << n) - 1, "NICKNAME reaches every nickname");
	for (int i = 0; i < 200; i++) {
		sb_names_variant("Γιάννης", SB_NV_TRANSLIT_ALT, 1, mix_next, &m,
		    out, sizeof(out));
		seen_yannis |= strcmp(out, "Yannis") == 0;
		sb_names_variant("Петров", SB_NV_TRANSLIT_ALT, 0, mix_next, &m,
		    out, sizeof(out));
		seen_petroff |= strcmp(out, "Petroff") == 0;
		sb_names_variant("Kowalski", SB_NV_TRANSLIT_ALT, 0, mix_next,
		    &m, out, sizeof(out));
		seen_sky |= strcmp(out, "Kowalsky") == 0;
	}
	ok(seen_yannis, "TRANSLIT_ALT: Γιάννης gives Yannis");
	ok(seen_petroff, "TRANSLIT_ALT: Петров gives Petroff");
	ok(seen_sky, "TRANSLIT_ALT: Kowalski gives Kowalsky");
	ok(sb_names_variant("Ștefan", SB_NV_TYPO, 1, mix_next, &m, out, 2) ==
	    -1, "no room is -1");
}

/* The same seed gives the same variants. */
static void
check_determinism(void)
{
	char a[512], b[512];
	int same = 1, ra, rb;

	for (int pass = 0; pass < 2; pass++) {
		struct mix n1 = { 11 }, n2 = { 11 }, m1 = { 3 }, m2 = { 3 };

		for (int i = 0; i < 200; i++) {
			int g1, g2;
			const char *s1 = random_name(&n1, &g1);
			const char *s2 = random_name(&n2, &g2);

			for (int k = 0; k < SB_NV_COUNT; k++) {
				ra = sb_names_variant(s1, k, g1, mix_next, &m1,
				    a, sizeof(a));
				rb = sb_names_variant(s2, k, g2, mix_next, &m2,
				    b, sizeof(b));
				same &= ra == rb && strcmp(a, b) == 0;
			}
		}
		/* The second pass runs on a fresh per-thread cache. */
		sb_names_release();
	}
	ok(same, "same seed, same variants");
}

/* Append code point c as UTF-8. */
static size_t
put_utf8(char *p, uint32_t c)
{
	if (c < 0x80) {
		p[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		p[0] = (char)(0xC0 | c >> 6);
		p[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		p[0] = (char)(0xE0 | c >> 12);
		p[1] = (char)(0x80 | (c >> 6 & 0x3F));
		p[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	p[0] = (char)(0xF0 | c >> 18);
	p[1] = (char)(0x80 | (c >> 12 & 0x3F));
	p[2] = (char)(0x80 | (c >> 6 & 0x3F));
	p[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* Random text of many scripts, and random bytes: every function either
 * refuses it or writes valid UTF-8 of the length it returns. */
static void
check_robust(void)
{
	static const uint32_t ranges[][2] = {
		{ 0x20, 0x7E }, { 0xA0, 0x24F }, { 0x300, 0x36F },
		{ 0x370, 0x3FF }, { 0x400, 0x52F }, { 0x600, 0x6FF },
		{ 0x1E00, 0x1EFF }, { 0x4E00, 0x4E80 }, { 0xFB00, 0xFDFF },
		{ 0x1F600, 0x1F64F }, { 0x3300, 0x33FF },
	};
	struct mix m = { 2024 };
	char in[400], out[2048];
	int good = 1, exact = 1;

	for (int i = 0; i < 3000; i++) {
		size_t len = 0;
		int ncp = (int)(mix_next(&m) % 100), bytes = i % 10 == 0;

		for (int j = 0; j < ncp && len + 4 < 300; j++) {
			if (bytes) {
				in[len++] = (char)(mix_next(&m) % 255 + 1);
				continue;
			}
			const uint32_t *r = ranges[mix_next(&m) %
			    (sizeof(ranges) / sizeof(ranges[0]))];
			uint32_t c = r[0] + mix_next(&m) % (r[1] - r[0] + 1);

			if (c >= 0xFDD0 && c <= 0xFDEF)
				c = 'x';	/* noncharacters */
			len += put_utf8(in + len, c);
		}
		in[len] = '\0';
		for (int k = 0; k < SB_NV_COUNT; k++) {
			int r = sb_names_variant(in, k, 1, mix_next, &m, out,
			    sizeof(out));

			if (r >= 0 && ((size_t)r != strlen(out) ||
			    !utf8_ok(out, NULL)))
				good = 0;
			if (k == SB_NV_EXACT && !bytes && len <= SB_NAMES_MAX &&
			    r != (int)len)
				exact = 0;
		}
		int r = sb_names_ascii(in, len, out, sizeof(out));

		if (r >= 0 && ((size_t)r != strlen(out) || !is_ascii(out)))
			good = 0;
		r = sb_names_family_form(i % 2 ? "GR" : "BG", in, 'F', out,
		    sizeof(out));
		if (r >= 0 && ((size_t)r != strlen(out) ||
		    !utf8_ok(out, NULL)))
			good = 0;
	}
	ok(good, "random text and bytes: -1 or valid output");
	ok(exact, "random valid text up to SB_NAMES_MAX: EXACT copies it");
}

/* sb_names_ascii from several threads at once. */
#define NTHREADS 4

static void *
ascii_worker(void *arg)
{
	size_t ncc, n;
	const char *const *cc = sb_names_countries(&ncc);
	char out[256], ref[256];
	int *bad = arg;

	for (int round = 0; round < 3; round++)
		for (size_t c = 0; c < ncc; c++) {
			const char *const *l = sb_names_family(cc[c], &n);

			for (size_t i = 0; i < n; i++) {
				if (sb_names_ascii(l[i], strlen(l[i]), out,
				    sizeof(out)) < 0)
					(*bad)++;
				if (sb_names_variant(l[i], SB_NV_ASCII, 0, NULL,
				    NULL, ref, sizeof(ref)) < 0 ||
				    strcmp(out, ref) != 0)
					(*bad)++;
			}
		}
	return NULL;
}

static void
check_threads(void)
{
	pthread_t t[NTHREADS];
	int bad[NTHREADS] = { 0 }, started = 1, total = 0;
	char out[64];

	for (int i = 0; i < NTHREADS; i++)
		started &= pthread_create(&t[i], NULL, ascii_worker,
		    &bad[i]) == 0;
	for (int i = 0; i < NTHREADS; i++)
		if (started)
			pthread_join(t[i], NULL);
	for (int i = 0; i < NTHREADS; i++)
		total += bad[i];
	ok(started && total == 0, "ascii in %d threads at once", NTHREADS);
	sb_names_ascii("Γεώργιος", strlen("Γεώργιος"), out, sizeof(out));
	is_str(out, "Georgios", "and still right in the main thread");
}

/* ICU's Greek half of the romanisation, through its registry. */
static int
icu_greek_half(UTransliterator *tr, const char *s, size_t n, char *out,
    size_t cap)
{
	UChar u[512];
	UErrorCode err = U_ZERO_ERROR;
	int32_t len, limit, olen;

	u_strFromUTF8(u, 512, &len, s, (int32_t)n, &err);
	limit = len;
	utrans_transUChars(tr, u, &len, 512, 0, &limit, &err);
	u_strToUTF8(out, (int32_t)cap, &olen, u, len, &err);
	return U_FAILURE(err) || (size_t)olen >= cap ? -1 : olen;
}

/* sb_names makes the Greek half without ICU's registry (NFKC, NFD of
 * the Greek runs, UNGEGN's pass, NFC): each random string of the Greek
 * block, with the letters and signs UNGEGN's rules look at around a
 * run (Latin vowels, P, ':', ';', '?', apostrophes, U+00B7), as ICU
 * gives it whole; most must take that way. */
static void
check_greek_half(uint32_t *x)
{
	static const char rules[] = "::NFKC; ::[:Greek:] Greek-Latin/UNGEGN;";
	static const uint32_t near[] = {0xB7, 0xE9, 0x101, 0x131, 0x3C5,
	    0x3C5, 0x3A5, 0x3BC, 0x3C0, 0x3C3, 0x3C2, 0x3A8, 0x3B3, 0x39A};
	UChar u[sizeof(rules)], id[] = {'t', 0};
	UErrorCode err = U_ZERO_ERROR;
	UParseError pe;
	UTransliterator *tr;
	char s[64], a[512], b[512];
	int bad = 0, fast = 0, n, m, i, k;

	for (i = 0; i < (int)sizeof(rules); i++)
		u[i] = (UChar)rules[i];
	tr = utrans_openU(id, -1, UTRANS_FORWARD, u, -1, &pe, &err);
	ok(tr != NULL && U_SUCCESS(err), "ICU's Greek half opens");
	if (tr == NULL)
		return;
	for (i = 0; i < 50000; i++) {
		size_t len = 0;

		n = 1 + (int)(*x % 12);
		for (k = 0; k < n; k++) {
			uint32_t c;

			*x ^= *x << 13;
			*x ^= *x >> 17;
			*x ^= *x << 5;
			if (*x % 8 == 0)
				c = (uint32_t)" -'.:;?aeiAEIPpzs"[*x / 8 % 17];
			else if (*x % 8 == 1)
				c = near[*x / 8 % 14];
			else
				c = 0x370 + *x / 8 % 0x90;
			len += put_utf8(s + len, c);
		}
		if ((n = sb_names_greek_half(s, len, a, sizeof(a))) == -2)
			continue;
		m = icu_greek_half(tr, s, len, b, sizeof(b));
		fast++;
		if (n != m || (n >= 0 && memcmp(a, b, (size_t)n) != 0)) {
			if (bad < 5 && getenv("T_NAMES_DEBUG"))
				fprintf(stderr, "# %.*s: [%.*s] / [%.*s]\n",
				    (int)len, s, n < 0 ? 0 : n, a,
				    m < 0 ? 0 : m, b);
			bad++;
		}
	}
	ok(bad == 0 && fast > 15000, "Greek half without the registry: "
	    "%d of 50,000 random strings, as ICU gives them (%d differ)",
	    fast, bad);
	/* Every Greek name of the lists, alone and with a family name,
	 * takes that way. */
	bad = fast = 0;
	{
		size_t nf, ng[2];
		const char *const *fam = sb_names_family("GR", &nf);
		const char *const *giv[2] = {sb_names_given("GR", 'F', &ng[0]),
		    sb_names_given("GR", 'M', &ng[1])};

		for (int g = 0; g < 2; g++)
			for (size_t j = 0; j < ng[g]; j++) {
				int l = snprintf(s, sizeof(s), "%s %s",
				    giv[g][j], fam[j % nf]);

				n = sb_names_greek_half(s, (size_t)l, a,
				    sizeof(a));
				m = icu_greek_half(tr, s, (size_t)l, b,
				    sizeof(b));
				fast++;
				if (n < 0 || n != m || memcmp(a, b,
				    (size_t)n) != 0)
					bad++;
			}
	}
	ok(bad == 0 && fast > 100, "Greek half without the registry: %d "
	    "Greek names, as ICU gives them (%d differ or not that way)",
	    fast, bad);
	utrans_close(tr);
}

/* sb_names_romanise of a name of Latin and Cyrillic letters, made
 * letter by letter from a table, and of a Greek name, half in ICU and
 * half from the table, are what ICU gives for the whole: each random
 * string is compared with the same string followed by " ب", which goes
 * through ICU whole (Arabic is outside the table). */
static void
check_roman_latin(void)
{
	static const char *const fixed[][2] = {{"Brzezińska", "brzezinska"},
	    {"Łukasz Żółć", "lukasz zolc"}, {"Ştefănescu", "stefanescu"},
	    {"Gonçalves-Araújo", "goncalves-araujo"}, {"Ǆemal", "dzemal"},
	    {"Straße", "strasse"}, {"Ærø", "aero"}, {"Nguyễn", "nguyen"},
	    {"Щерьова", "shter'ova"}, {"Стоянова-Бъчварова",
	    "stoyanova-buchvarova"}, {"Йорданка", "iordanka"},
	    {"Ґалицький", "galits'kii"}, {"Στυλιανή", "styliani"},
	    {"Μπακογιάννη", "bakogianni"}, {"Παπαδόπουλος",
	    "papadopoulos"}, {"Εμμανιυήλ", "emmanivil"},
	    {"Ψάρρα Ψaki", "psarra psaki"}, {"Ευάγγελος", "evangelos"}};
	char s[64], z[72], a[256], b[256];
	uint32_t x = 2463534242u;
	int bad = 0, k, n, i;

	for (i = 0; i < (int)(sizeof(fixed) / sizeof(fixed[0])); i++) {
		n = sb_names_romanise(fixed[i][0], strlen(fixed[i][0]), a,
		    sizeof(a));
		ok(n >= 0 && strcmp(a, fixed[i][1]) == 0, "romanise %s: %s",
		    fixed[i][0], n >= 0 ? a : "(err)");
	}
	for (i = 0; i < 20000; i++) {
		size_t len = 0;

		n = 1 + (int)(x % 10);
		for (k = 0; k < n; k++) {
			uint32_t c;

			x ^= x << 13;
			x ^= x >> 17;
			x ^= x << 5;
			/* Greek in one name in two, with Latin letters
			 * but no Cyrillic (the Greek path's domain). */
			switch (i % 2 == 0 ? x % 5 : 5 + x % 3) {
			case 0:
			case 5:
				c = " -'.aAzZq"[x / 8 % 9];
				break;
			case 1:
			case 2:
			case 6:
				c = 0xC0 + x / 8 % (0x250 - 0xC0);
				break;
			case 3:
				c = 0x400 + x / 8 % 0x100;
				break;
			case 7:
				c = 0x386 + x / 8 % (0x3CF - 0x386);
				break;
			default:
				c = 0x1E00 + x / 8 % 0x100;
				break;
			}
			len += put_utf8(s + len, c);
		}
		memcpy(z, s, len);
		memcpy(z + len, " \xD8\xA8", 3);
		if (sb_names_romanise(s, len, a, sizeof(a)) < 0 ||
		    sb_names_romanise(z, len + 3, b, sizeof(b)) < 0 ||
		    strlen(b) != strlen(a) + 2 ||
		    memcmp(a, b, strlen(a)) != 0 ||
		    strcmp(b + strlen(a), " b") != 0)
			bad++;
	}
	ok(bad == 0, "romanise: 20,000 random Latin, Cyrillic and Greek names "
	    "as ICU gives them (%d differ)", bad);
	check_greek_half(&x);
	/* Every letter of the table (made at build time) alone, as the
	 * ICU this test runs with gives it. */
	bad = 0;
	for (uint32_t c = 0xC0; c <= 0x1EFF; c++) {
		size_t len;

		if (c == 0x250)
			c = 0x400;
		else if (c == 0x500)
			c = 0x1E00;
		len = put_utf8(s, c);
		memcpy(z, s, len);
		memcpy(z + len, " \xD8\xA8", 3);
		n = sb_names_romanise(s, len, a, sizeof(a));
		k = sb_names_romanise(z, len + 3, b, sizeof(b));
		if (n < 0 ? k >= 0 : (k != n + 2 || memcmp(a, b, (size_t)n) !=
		    0 || strcmp(b + n, " b") != 0))
			bad++;
	}
	ok(bad == 0, "romanise: each of 912 Latin and Cyrillic letters as "
	    "ICU gives it (%d differ)", bad);
	/* Bytes that are not UTF-8 are still refused. */
	ok(sb_names_romanise("Gon\xC3", 4, a, sizeof(a)) == -1,
	    "romanise: a cut letter is -1");
	ok(sb_names_romanise("Brzezińska", 11, a, 8) == -1,
	    "romanise: no room is -1");
}

int
main(void)
{
	size_t n;
	const char *const *cc = sb_names_countries(&n);

	ok(cc != NULL && n == 15, "15 countries have lists");
	for (size_t i = 0; i < sizeof(main_cc) / sizeof(main_cc[0]); i++)
		check_lists(main_cc[i], 60, 100);
	for (size_t i = 0; i < sizeof(origin_cc) / sizeof(origin_cc[0]); i++)
		check_lists(origin_cc[i], 20, 30);
	ok(sb_names_given("bg", 'f', &n) != NULL && n >= 60,
	    "country and sex in lower case");
	ok(sb_names_given("XX", 'F', &n) == NULL && n == 0,
	    "unknown country: NULL");
	ok(sb_names_given("BG", 'X', &n) == NULL && n == 0,
	    "unknown sex: NULL");
	ok(sb_names_family("BGR", &n) == NULL && n == 0,
	    "alpha-3 is not a country here");
	check_family_forms();
	check_nicknames();
	check_ascii();
	{
		char o[16];

		sb_names_warm_end(); /* none started: nothing */
		ok(sb_names_warm_start() == 0 && sb_names_warm_start() == 0,
		    "warm start, twice");
		ok(sb_names_romanise("Жеко", 8, o, sizeof(o)) == 5 &&
		    strcmp(o, "zheko") == 0, "romanise while warming: zheko");
		sb_names_warm_end();
		sb_names_warm_end();
	}
	check_roman_latin();
	check_variants();
	check_variant_cases();
	check_determinism();
	check_robust();
	check_threads();
	sb_names_release();
	u_cleanup();	/* ICU's own caches, so valgrind sees no leak */
	return tap_done();
}
