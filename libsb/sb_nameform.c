#include "sb_nameform.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sb_names.h"

#define MAX_TOKENS 32

int
sb_nameform_ascii(const char *s, size_t n, char *out, size_t cap)
{
	char rom[SB_NAMEFORM_MAX];
	size_t i, o = 0;
	int r;

	if (cap == 0)
		return -1;
	if ((r = sb_names_romanise(s, n, rom, sizeof(rom))) < 0)
		return -1;
	/* Letters kept, every run of anything else one space. */
	for (i = 0; i < (size_t)r; i++) {
		char c = rom[i];

		if (c >= 'a' && c <= 'z') {
			if (o + 1 >= cap)
				return -1;
			out[o++] = c;
		} else if (o > 0 && out[o - 1] != ' ') {
			if (o + 1 >= cap)
				return -1;
			out[o++] = ' ';
		}
	}
	if (o > 0 && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	return (int)o;
}

/*
 * Spelling folds, longest first at each position.  They merge the forms
 * that transliteration systems and clerks give one name (sb_names'
 * alternative transliterations are the test bed), at the price of a few
 * unrelated names meeting, which the CLK comparison then separates.
 */
static const struct fold {
	const char *from, *to;
	size_t len;
} folds[] = {
    {"tsch", "ch", 4}, {"sch", "s", 3}, {"tch", "ch", 3}, {"sz", "s", 2}, {"sh", "s", 2},
    {"cz", "ch", 2}, {"kh", "h", 2}, {"ph", "f", 2}, {"th", "t", 2},
    {"gh", "g", 2}, {"dh", "d", 2}, {"ck", "k", 2}, {"tz", "c", 2}, {"ts", "c", 2},
    {"zh", "z", 2}, {"ou", "u", 2}, {"ei", "i", 2},
    {"w", "v", 1}, {"y", "i", 1}, {"j", "i", 1}, {"x", "ks", 1},
    {"q", "k", 1},
};

/* For each letter a-z, the folds starting with it, in table order: every
 * letter of every name part is looked up. */
#define NFOLDS (sizeof(folds) / sizeof(folds[0]))
static uint8_t fold_idx[26][6], fold_n[26];
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;

static void
fold_index(void)
{
	for (size_t f = 0; f < NFOLDS; f++) {
		int c = folds[f].from[0] - 'a';

		fold_idx[c][fold_n[c]++] = (uint8_t)f;
	}
}

static size_t drop_final_h(char *s, size_t o);

/* 'c' is hard before a back vowel, l or r, and at the end of a word
 * (Costa, Marco, Cristina, Marc); elsewhere it may be "ts" (Cvetkov). */
static int
hard_c(const char *s, size_t i, size_t n)
{
	char nx = i + 1 < n ? s[i + 1] : ' ';

	return strchr("aoulr ", nx) != NULL;
}

int
sb_nameform_skeleton(const char *a, size_t n, char *out, size_t cap)
{
	size_t i = 0, o = 0, f, l;
	const char *to;

	if (cap == 0)
		return -1;
	(void)pthread_once(&fold_once, fold_index);
	while (i < n) {
		int c = a[i] - 'a';

		to = NULL;
		l = 1;
		for (size_t j = 0; c >= 0 && c < 26 && j < fold_n[c]; j++) {
			size_t fl;

			f = fold_idx[c][j];
			fl = folds[f].len;
			if (fl <= n - i && memcmp(a + i, folds[f].from, fl) == 0) {
				to = folds[f].to;
				l = fl;
				break;
			}
		}
		if (to == NULL)
			to = a[i] == 'c' && hard_c(a, i, n) ? "k" : NULL;
		if (to == NULL) {
			/* Doubled letters count once. */
			if (!(o > 0 && out[o - 1] == a[i] && a[i] != ' ')) {
				if (o + 1 >= cap)
					return -1;
				out[o++] = a[i];
			}
			i += l;
			continue;
		}
		for (; *to != '\0'; to++) {
			if (o > 0 && out[o - 1] == *to)
				continue;
			if (o + 1 >= cap)
				return -1;
			out[o++] = *to;
		}
		i += l;
	}
	out[o] = '\0';
	return (int)drop_final_h(out, o);
}

/* "Sarah" and "Sara", "Innah" and "Inna": a final h after a vowel is
 * silent in every language here. */
static size_t
drop_final_h(char *s, size_t o)
{
	size_t i, w = 0;

	for (i = 0; i < o; i++) {
		bool end = i + 1 == o || s[i + 1] == ' ';

		if (s[i] == 'h' && end && w > 0 &&
		    strchr("aeiou", s[w - 1]) != NULL)
			continue;
		s[w++] = s[i];
	}
	s[w] = '\0';
	return w;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int
sb_nameform_key(const char *s, size_t n, char *out, size_t cap)
{
	char asc[SB_NAMEFORM_MAX];
	int r;

	if (cap == 0 || (r = sb_nameform_ascii(s, n, asc, sizeof(asc))) < 0)
		return -1;
	return sb_nameform_key_ascii(asc, (size_t)r, out, cap);
}

int
sb_nameform_key_ascii(const char *asc, size_t n, char *out, size_t cap)
{
	char sk[SB_NAMEFORM_MAX], *tok[MAX_TOKENS];
	char *p, *save = NULL;
	size_t nt = 0, i, o = 0, l;
	int r;

	if (cap == 0 || (r = sb_nameform_skeleton(asc, n, sk, sizeof(sk))) < 0)
		return -1;
	/* One word, most name parts: the key is its skeleton. */
	if (memchr(sk, ' ', (size_t)r) == NULL) {
		if ((size_t)r + 1 > cap)
			return -1;
		memcpy(out, sk, (size_t)r + 1);
		return r;
	}
	for (p = strtok_r(sk, " ", &save); p != NULL;
	    p = strtok_r(NULL, " ", &save))
		if (nt < MAX_TOKENS)
			tok[nt++] = p;
	qsort(tok, nt, sizeof(tok[0]), cmp_str);
	for (i = 0; i < nt; i++) {
		l = strlen(tok[i]);
		if (o + l + (i > 0) + 1 > cap)
			return -1;
		if (i > 0)
			out[o++] = ' ';
		memcpy(out + o, tok[i], l);
		o += l;
	}
	out[o] = '\0';
	return (int)o;
}
