/*
 * sb_ids.c: national identifiers, IBANs, payment cards, phone numbers,
 * passports and plates of the eight countries.
 *
 * Written from the facts in shared/reference/identifiers.md (no code taken
 * from python-stdnum or elsewhere).  Each identifier scheme has a decoder,
 * which works on the compacted form (letters and digits in upper case)
 * and is the one place its check algorithm lives, and a generator, which
 * fills in the payload and calls the same check function; sb_id_generate()
 * then runs the decoder on the result as a last guard.
 *
 * No global mutable state: the tables are const, the random source is the
 * caller's.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "sb_ids.h"

#define WORK_MAX 64   /* compacted input, NUL included */
#define SEPS " \t.-/" /* separators inside identifiers */
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

struct rng {
	sb_rand_fn fn;
	void *ctx;
};

/* Uniform in [0, n) without modulo bias. */
static uint32_t
rnd(struct rng *r, uint32_t n)
{
	uint32_t lim, x;

	if (n <= 1)
		return 0;
	lim = (0u - n) % n; /* 2^32 mod n */
	do
		x = r->fn(r->ctx);
	while (x < lim);
	return x % n;
}

static char
rdig(struct rng *r)
{
	return (char)('0' + rnd(r, 10));
}

static char
rpick(struct rng *r, const char *set)
{
	return set[rnd(r, (uint32_t)strlen(set))];
}

static bool
isdig(int c)
{
	return c >= '0' && c <= '9';
}

static bool
isup(int c)
{
	return c >= 'A' && c <= 'Z';
}

static bool
isblank_(int c)
{
	return c == ' ' || c == '\t';
}

static int
toup(int c)
{
	return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

/* Is c one of the few characters of set (never NUL)?  A loop, not
 * strchr: it is asked of every character of every candidate the
 * scrubber tries as a passport, plate or phone number. */
static inline bool
inset(const char *set, int c)
{
	for (; *set != '\0'; set++)
		if (*set == c)
			return true;
	return false;
}

static bool
alldig(const char *c, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (!isdig(c[i]))
			return false;
	return true;
}

static bool
allup(const char *c, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (!isup(c[i]))
			return false;
	return true;
}

/* The value of k digits at c[i]. */
static int
num(const char *c, int i, int k)
{
	int v = 0;

	while (k-- > 0)
		v = v * 10 + (c[i++] - '0');
	return v;
}

/* Write v as k digits at c. */
static void
put(char *c, int v, int k)
{
	while (k-- > 0) {
		c[k] = (char)('0' + v % 10);
		v /= 10;
	}
}

static void
rdigits(struct rng *r, char *c, int k)
{
	while (k-- > 0)
		*c++ = rdig(r);
}

/* Letter or digit value: 0-9, A = 10 ... Z = 35. */
static int
alnum_val(int c)
{
	return isdig(c) ? c - '0' : c - 'A' + 10;
}

/* Two-letter code equality, case-insensitive; a must be NUL-terminated. */
static bool
cceq(const char *a, const char *b)
{
	return a != NULL && toup(a[0]) == b[0] && a[0] != '\0' &&
	    toup(a[1]) == b[1] && a[1] != '\0' && a[2] == '\0';
}

static int
fail(char *out, size_t cap)
{
	if (out != NULL && cap > 0)
		out[0] = '\0';
	return -1;
}

static int
emit(const char *s, int len, char *out, size_t cap)
{
	if (out == NULL || len < 0 || (size_t)len >= cap) {
		if (out != NULL && cap > 0)
			out[0] = '\0';
		return -1;
	}
	memcpy(out, s, (size_t)len);
	out[len] = '\0';
	return len;
}

/*
 * Copy the letters and digits of s[0..n) to buf in upper case, skipping
 * the bytes in seps and keeping those in keep.  Blanks around s are
 * dropped.  Returns the length, or -1 for any other byte or when buf (of
 * cap bytes, NUL included) is too small.
 */
static int
norm(const char *s, size_t n, const char *seps, const char *keep, char *buf,
    size_t cap)
{
	size_t i, len = 0;
	int c;

	if (s == NULL)
		return -1;
	while (n > 0 && isblank_(s[0]))
		s++, n--;
	while (n > 0 && isblank_(s[n - 1]))
		n--;
	for (i = 0; i < n; i++) {
		c = toup((unsigned char)s[i]);
		if (isdig(c) || isup(c) || inset(keep, c))
			;
		else if (inset(seps, c))
			continue;
		else
			return -1;
		if (len + 1 >= cap)
			return -1;
		buf[len++] = (char)c;
	}
	buf[len] = '\0';
	return (int)len;
}

static bool
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static bool
date_ok(int y, int m, int d)
{
	static const unsigned char mdays[12] = {
	    31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m < 1 || m > 12 || d < 1)
		return false;
	return d <= mdays[m - 1] + (m == 2 && leap(y));
}

/*
 * Luhn over v[0..n): from the right, every second value is doubled, less
 * 9 when the double is over 9.  Returns the sum mod 10 (0: valid).
 */
static int
luhn(const char *c, int n)
{
	int i, s = 0, x;
	bool dbl = false;

	for (i = n - 1; i >= 0; i--) {
		x = alnum_val(c[i]);
		if (dbl) {
			x *= 2;
			if (x > 9)
				x -= 9;
		}
		s += x;
		dbl = !dbl;
	}
	return s % 10;
}

/* Set the last of n characters to the Luhn check digit. */
static void
luhn_fill(char *c, int n)
{
	c[n - 1] = '0';
	c[n - 1] = (char)('0' + (10 - luhn(c, n)) % 10);
}

/* Weighted digit sum of c[0..n). */
static int
wsum(const char *c, const int *w, int n)
{
	int i, s = 0;

	for (i = 0; i < n; i++)
		s += (c[i] - '0') * w[i];
	return s;
}

/* Remainder mod 97 of rem followed by s[0..n), letters as 10..35. */
static int
mod97(const char *s, int n, int rem)
{
	int i, v;

	for (i = 0; i < n; i++) {
		v = alnum_val(s[i]);
		rem = (rem * (v > 9 ? 100 : 10) + v) % 97;
	}
	return rem;
}

/* ------------------------------------------------------------------ */
/* National identifiers: check functions                               */

/* BE: 97 - (9 digits mod 97), with "2" before them for 2000+ births. */
static int
be_check(const char *c, bool y2000)
{
	return 97 - mod97(c, 9, y2000 ? 2 : 0);
}

static int
egn_check(const char *c)
{
	static const int w[9] = {2, 4, 8, 5, 10, 9, 7, 3, 6};

	return wsum(c, w, 9) % 11 % 10;
}

static int
lnch_check(const char *c)
{
	static const int w[9] = {21, 19, 17, 13, 11, 9, 7, 3, 1};

	return wsum(c, w, 9) % 10;
}

static const char hetu_chars[] = "0123456789ABCDEFHJKLMNPRSTUVWXY";

static char
hetu_check(const char *c)
{
	long v = (long)num(c, 0, 6) * 1000 + num(c, 7, 3);

	return hetu_chars[v % 31];
}

static int
afm_check(const char *c)
{
	static const int w[8] = {256, 128, 64, 32, 16, 8, 4, 2};

	return wsum(c, w, 8) % 11 % 10;
}

static const char cf_months[] = "ABCDEHLMPRST";
static const char cf_omo[] = "LMNPQRSTUV"; /* omocodia: 0..9 */

/*
 * The codice fiscale check letter (also the CIN of an Italian account):
 * characters at odd positions (1st, 3rd, ...) are looked up in the odd
 * table, a digit d as the d-th letter; those at even positions count
 * 0-9 for digits, 0-25 for letters.  The sum mod 26 is the letter.
 */
static char
cf_check(const char *c, int n)
{
	static const unsigned char odd[26] = {
	    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, /* A-J, 0-9 */
	    2, 4, 18, 20, 11, 3, 6, 8, 12, 14, /* K-T */
	    16, 10, 22, 25, 24, 23             /* U-Z */
	};
	int i, k, s = 0;

	for (i = 0; i < n; i++) {
		k = isdig(c[i]) ? c[i] - '0' : c[i] - 'A';
		s += i % 2 == 0 ? odd[k] : k;
	}
	return (char)('A' + s % 26);
}

static int
pesel_check(const char *c)
{
	static const int w[10] = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};

	return (10 - wsum(c, w, 10) % 10) % 10;
}

/* PT NIF; also the 9th digit of the CC (the old BI check digit). */
static int
nif_check(const char *c, int n)
{
	int i, r, s = 0;

	for (i = 0; i < n; i++)
		s += (c[i] - '0') * (n + 1 - i);
	r = s % 11;
	return r < 2 ? 0 : 11 - r;
}

static int
cnp_check(const char *c)
{
	static const int w[12] = {2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9};
	int r = wsum(c, w, 12) % 11;

	return r == 10 ? 1 : r;
}

static bool
cnp_county(int jj)
{
	return (jj >= 1 && jj <= 52) || jj == 70 || (jj >= 80 && jj <= 83);
}

/* ------------------------------------------------------------------ */
/* National identifiers: decoders (on the compacted form)              */

static char
parity_sex(int digit, bool odd_is_male)
{
	return (digit % 2 == 1) == odd_is_male ? 'M' : 'F';
}

static int
dec_be(const char *c, int len, struct sb_id_info *inf, bool bis)
{
	int cc, y, m, d, off = 0;

	if (len != 11 || !alldig(c, 11))
		return -1;
	cc = num(c, 9, 2);
	if (be_check(c, false) == cc)
		y = 1900;
	else if (be_check(c, true) == cc)
		y = 2000;
	else
		return -1;
	y += num(c, 0, 2);
	m = num(c, 2, 2);
	d = num(c, 4, 2);
	if (bis) {
		if (m >= 40 && m <= 52)
			off = 40;
		else if (m >= 20 && m <= 32)
			off = 20;
		else
			return -1;
		m -= off;
	} else if (m > 12)
		return -1;
	if (m == 0) {
		/* Unknown month, or the day counter ran out. */
		if (d > 31)
			return -1;
		d = 0;
		if (num(c, 0, 2) == 0 && num(c, 4, 2) == 1)
			y = 0; /* the fictitious 00/00/01: date unknown */
	} else if (d != 0 && !date_ok(y, m, d))
		return -1;
	inf->year = y;
	inf->month = m;
	inf->day = d;
	inf->sex = off == 20 ? 0 : parity_sex(num(c, 6, 3), true);
	return 0;
}

static int
dec_nn(const char *c, int len, struct sb_id_info *inf)
{
	return dec_be(c, len, inf, false);
}

static int
dec_bis(const char *c, int len, struct sb_id_info *inf)
{
	return dec_be(c, len, inf, true);
}

static int
dec_egn(const char *c, int len, struct sb_id_info *inf)
{
	int y, m, d;

	if (len != 10 || !alldig(c, 10) || egn_check(c) != c[9] - '0')
		return -1;
	y = num(c, 0, 2);
	m = num(c, 2, 2);
	d = num(c, 4, 2);
	if (m > 40) {
		y += 2000;
		m -= 40;
	} else if (m > 20) {
		y += 1800;
		m -= 20;
	} else
		y += 1900;
	if (!date_ok(y, m, d))
		return -1;
	inf->year = y;
	inf->month = m;
	inf->day = d;
	inf->sex = parity_sex(c[8] - '0', false);
	return 0;
}

static int
dec_lnch(const char *c, int len, struct sb_id_info *inf)
{
	(void)inf;
	if (len != 10 || !alldig(c, 10) || lnch_check(c) != c[9] - '0')
		return -1;
	return 0;
}

static int
dec_hetu(const char *c, int len, struct sb_id_info *inf)
{
	int y, z;

	if (len != 11 || !alldig(c, 6) || !alldig(c + 7, 3))
		return -1;
	if (c[6] == '+')
		y = 1800;
	else if (inset("-YXWVU", c[6]))
		y = 1900;
	else if (inset("ABCDEF", c[6]))
		y = 2000;
	else
		return -1;
	y += num(c, 4, 2);
	z = num(c, 7, 3);
	if (z < 2 || !date_ok(y, num(c, 2, 2), num(c, 0, 2)) ||
	    hetu_check(c) != c[10])
		return -1;
	inf->year = y;
	inf->month = num(c, 2, 2);
	inf->day = num(c, 0, 2);
	inf->sex = parity_sex(z, true);
	return 0;
}

/* A date with a two-digit year: it must exist in 19YY or in 20YY. */
static bool
date2_ok(int yy, int m, int d)
{
	return date_ok(1900 + yy, m, d) || date_ok(2000 + yy, m, d);
}

static int
dec_amka(const char *c, int len, struct sb_id_info *inf)
{
	if (len != 11 || !alldig(c, 11) || luhn(c, 11) != 0 ||
	    !date2_ok(num(c, 4, 2), num(c, 2, 2), num(c, 0, 2)))
		return -1;
	inf->year = num(c, 4, 2);
	inf->year2 = true;
	inf->month = num(c, 2, 2);
	inf->day = num(c, 0, 2);
	inf->sex = parity_sex(c[9] - '0', true);
	return 0;
}

static int
dec_afm(const char *c, int len, struct sb_id_info *inf)
{
	(void)inf;
	if (len != 9 || !alldig(c, 9) || afm_check(c) != c[8] - '0')
		return -1;
	return 0;
}

static int
dec_cf(const char *c, int len, struct sb_id_info *inf)
{
	static const int dpos[7] = {6, 7, 9, 10, 12, 13, 14};
	char d[16];
	const char *p;
	int i, m, day;

	if (len != 16 || !allup(c, 6) || !isup(c[11]) || !isup(c[15]))
		return -1;
	memcpy(d, c, sizeof(d));
	for (i = 0; i < 7; i++) {
		if (isdig(d[dpos[i]]))
			continue;
		if (!inset(cf_omo, d[dpos[i]]))
			return -1;
		p = strchr(cf_omo, d[dpos[i]]);
		d[dpos[i]] = (char)('0' + (p - cf_omo));
	}
	if (!inset(cf_months, c[8]))
		return -1;
	m = (int)(strchr(cf_months, c[8]) - cf_months) + 1;
	day = num(d, 9, 2);
	inf->sex = day > 40 ? 'F' : 'M';
	if (day > 40)
		day -= 40;
	if (!date2_ok(num(d, 6, 2), m, day) || cf_check(c, 15) != c[15])
		return -1;
	inf->year = num(d, 6, 2);
	inf->year2 = true;
	inf->month = m;
	inf->day = day;
	return 0;
}

static int
dec_pesel(const char *c, int len, struct sb_id_info *inf)
{
	static const int century[5] = {1900, 2000, 2100, 2200, 1800};
	int y, m, d;

	if (len != 11 || !alldig(c, 11) || pesel_check(c) != c[10] - '0')
		return -1;
	m = num(c, 2, 2);
	y = century[m / 20] + num(c, 0, 2);
	m %= 20;
	d = num(c, 4, 2);
	if (!date_ok(y, m, d))
		return -1;
	inf->year = y;
	inf->month = m;
	inf->day = d;
	inf->sex = parity_sex(c[9] - '0', true);
	return 0;
}

static int
dec_nif(const char *c, int len, struct sb_id_info *inf)
{
	(void)inf;
	if (len != 9 || !alldig(c, 9) || c[0] == '0' ||
	    nif_check(c, 8) != c[8] - '0')
		return -1;
	return 0;
}

static int
dec_cc(const char *c, int len, struct sb_id_info *inf)
{
	(void)inf;
	if (len != 12 || !alldig(c, 9) || !isdig(c[11]) || luhn(c, 12) != 0)
		return -1;
	return 0; /* 9-10: letters or digits, by norm() */
}

static int
dec_cnp(const char *c, int len, struct sb_id_info *inf)
{
	static const int century[10] = {
	    0, 1900, 1900, 1800, 1800, 2000, 2000, 0, 0, 0};
	int s, y, m, d;

	if (len != 13 || !alldig(c, 13) || c[0] == '0' ||
	    cnp_check(c) != c[12] - '0' || !cnp_county(num(c, 7, 2)))
		return -1;
	s = c[0] - '0';
	y = num(c, 1, 2);
	m = num(c, 3, 2);
	d = num(c, 5, 2);
	if (century[s] != 0 ? !date_ok(century[s] + y, m, d)
	                    : !date2_ok(y, m, d))
		return -1;
	inf->year = century[s] + y;
	inf->year2 = century[s] == 0;
	inf->month = m;
	inf->day = d;
	inf->sex = s == 9 ? 0 : parity_sex(s, true);
	return 0;
}

/* ------------------------------------------------------------------ */
/* National identifiers: generators (p->sex is 'F' or 'M')             */

static int
gen_be(const struct sb_id_person *p, struct rng *r, char *c, bool bis)
{
	int m = p->month, sss;

	if (bis)
		m += rnd(r, 8) == 0 ? 20 : 40;
	put(c, p->year % 100, 2);
	put(c + 2, m, 2);
	put(c + 4, p->day, 2);
	sss = 1 + 2 * (int)rnd(r, 499); /* 001-997 odd */
	if (p->sex == 'F')
		sss++; /* 002-998 even */
	put(c + 6, sss, 3);
	put(c + 9, be_check(c, p->year >= 2000), 2);
	return 11;
}

static int
gen_nn(const struct sb_id_person *p, struct rng *r, char *c)
{
	return gen_be(p, r, c, false);
}

static int
gen_bis(const struct sb_id_person *p, struct rng *r, char *c)
{
	return gen_be(p, r, c, true);
}

static int
gen_egn(const struct sb_id_person *p, struct rng *r, char *c)
{
	int m = p->month;

	if (p->year < 1900)
		m += 20;
	else if (p->year >= 2000)
		m += 40;
	put(c, p->year % 100, 2);
	put(c + 2, m, 2);
	put(c + 4, p->day, 2);
	rdigits(r, c + 6, 2);
	c[8] = (char)('0' + 2 * rnd(r, 5) + (p->sex == 'F'));
	c[9] = (char)('0' + egn_check(c));
	return 10;
}

static int
gen_lnch(const struct sb_id_person *p, struct rng *r, char *c)
{
	(void)p;
	rdigits(r, c, 9);
	c[9] = (char)('0' + lnch_check(c));
	return 10;
}

static int
gen_hetu(const struct sb_id_person *p, struct rng *r, char *c)
{
	int z;

	put(c, p->day, 2);
	put(c + 2, p->month, 2);
	put(c + 4, p->year % 100, 2);
	if (p->year < 1900)
		c[6] = '+';
	else if (p->year < 2000)
		c[6] = rnd(r, 16) != 0 ? '-' : rpick(r, "YXWVU");
	else
		c[6] = rnd(r, 16) != 0 ? 'A' : rpick(r, "BCDEF");
	z = 2 + 2 * (int)rnd(r, 449); /* 002-898 even */
	if (p->sex == 'M')
		z++; /* 003-899 odd */
	put(c + 7, z, 3);
	c[10] = hetu_check(c);
	return 11;
}

static int
gen_amka(const struct sb_id_person *p, struct rng *r, char *c)
{
	put(c, p->day, 2);
	put(c + 2, p->month, 2);
	put(c + 4, p->year % 100, 2);
	rdigits(r, c + 6, 3);
	c[9] = (char)('0' + 2 * rnd(r, 5) + (p->sex == 'M'));
	luhn_fill(c, 11);
	return 11;
}

static int
gen_afm(const struct sb_id_person *p, struct rng *r, char *c)
{
	(void)p;
	c[0] = rpick(r, "01"); /* persons: old 8-digit (0...) or 1... */
	rdigits(r, c + 1, 7);
	c[8] = (char)('0' + afm_check(c));
	return 9;
}

/*
 * Three letters of a surname (given false) or given name: the consonants,
 * then the vowels, then X; a given name with four or more consonants takes
 * the 1st, 3rd and 4th.  NULL: three random consonants.
 */
static void
cf_name(const char *s, bool given, struct rng *r, char *o)
{
	char cons[4], vow[3];
	int c, i, k = 0, nc = 0, nv = 0;

	if (s == NULL) {
		for (i = 0; i < 3; i++)
			o[i] = rpick(r, "BCDFGLMNPRSTVZ");
		return;
	}
	for (; *s != '\0'; s++) {
		c = toup((unsigned char)*s);
		if (!isup(c))
			continue;
		if (inset("AEIOU", c)) {
			if (nv < 3)
				vow[nv++] = (char)c;
		} else if (nc < 4)
			cons[nc++] = (char)c;
	}
	if (given && nc == 4) {
		o[0] = cons[0];
		o[1] = cons[2];
		o[2] = cons[3];
		return;
	}
	for (i = 0; i < nc && k < 3; i++)
		o[k++] = cons[i];
	for (i = 0; i < nv && k < 3; i++)
		o[k++] = vow[i];
	while (k < 3)
		o[k++] = 'X';
}

static int
gen_cf(const struct sb_id_person *p, struct rng *r, char *c)
{
	/* Roma, Milano, Napoli, Torino, Palermo, Genova, Bologna, Firenze,
	 * Bari, Catania, Venezia, Verona. */
	static const char *const places[] = {"H501", "F205", "F839", "L219",
	    "G273", "D969", "A944", "D612", "A662", "C351", "L736", "L781"};
	const char *pl = p->place;
	int i;

	if (pl == NULL)
		pl = places[rnd(r, NELEM(places))];
	else if (strlen(pl) != 4 || !isup(toup((unsigned char)pl[0])) ||
	    !alldig(pl + 1, 3))
		return -1;
	cf_name(p->family, false, r, c);
	cf_name(p->given, true, r, c + 3);
	put(c + 6, p->year % 100, 2);
	c[8] = cf_months[p->month - 1];
	put(c + 9, p->day + (p->sex == 'F' ? 40 : 0), 2);
	for (i = 0; i < 4; i++)
		c[11 + i] = (char)toup((unsigned char)pl[i]);
	if (rnd(r, 64) == 0)
		c[14] = cf_omo[c[14] - '0'];
	c[15] = cf_check(c, 15);
	return 16;
}

static int
gen_pesel(const struct sb_id_person *p, struct rng *r, char *c)
{
	int off = p->year < 1900 ? 80 : (p->year - 1900) / 100 * 20;

	put(c, p->year % 100, 2);
	put(c + 2, p->month + off, 2);
	put(c + 4, p->day, 2);
	rdigits(r, c + 6, 3);
	c[9] = (char)('0' + 2 * rnd(r, 5) + (p->sex == 'M'));
	c[10] = (char)('0' + pesel_check(c));
	return 11;
}

static int
gen_nif(const struct sb_id_person *p, struct rng *r, char *c)
{
	(void)p;
	c[0] = rnd(r, 8) != 0 ? rpick(r, "12") : '3'; /* persons */
	rdigits(r, c + 1, 7);
	c[8] = (char)('0' + nif_check(c, 8));
	return 9;
}

static int
gen_cc(const struct sb_id_person *p, struct rng *r, char *c)
{
	static const char *const versions[] = {
	    "ZZ", "ZZ", "ZZ", "ZY", "ZX", "ZW"};

	(void)p;
	c[0] = rpick(r, "0123");
	rdigits(r, c + 1, 7);
	c[8] = (char)('0' + nif_check(c, 8));
	memcpy(c + 9, versions[rnd(r, NELEM(versions))], 2);
	luhn_fill(c, 12);
	return 12;
}

static int
gen_cnp(const struct sb_id_person *p, struct rng *r, char *c)
{
	int s;

	if (p->year < 1900)
		s = 3;
	else if (p->year < 2000)
		s = 1;
	else
		s = 5;
	c[0] = (char)('0' + s + (p->sex == 'F'));
	put(c + 1, p->year % 100, 2);
	put(c + 3, p->month, 2);
	put(c + 5, p->day, 2);
	put(c + 7, 1 + (int)rnd(r, 52), 2);
	put(c + 9, 1 + (int)rnd(r, 999), 3);
	c[12] = (char)('0' + cnp_check(c));
	return 13;
}

/* ------------------------------------------------------------------ */
/* National identifiers: public functions                              */

struct scheme {
	const char *name;
	char cc[3];
	int ymin, ymax; /* birth years it encodes; 0: none */
	int (*decode)(const char *, int, struct sb_id_info *);
	int (*gen)(const struct sb_id_person *, struct rng *, char *);
};

static const struct scheme schemes[SB_ID_COUNT] = {
    [SB_ID_BE_NN] = {"NN", "BE", 1900, 2099, dec_nn, gen_nn},
    [SB_ID_BG_EGN] = {"EGN", "BG", 1800, 2099, dec_egn, gen_egn},
    [SB_ID_BG_LNCH] = {"LNCH", "BG", 0, 0, dec_lnch, gen_lnch},
    [SB_ID_FI_HETU] = {"HETU", "FI", 1800, 2099, dec_hetu, gen_hetu},
    [SB_ID_GR_AMKA] = {"AMKA", "GR", 1900, 2099, dec_amka, gen_amka},
    [SB_ID_GR_AFM] = {"AFM", "GR", 0, 0, dec_afm, gen_afm},
    [SB_ID_IT_CF] = {"CF", "IT", 1900, 2099, dec_cf, gen_cf},
    [SB_ID_PL_PESEL] = {"PESEL", "PL", 1800, 2299, dec_pesel, gen_pesel},
    [SB_ID_PT_NIF] = {"NIF", "PT", 0, 0, dec_nif, gen_nif},
    [SB_ID_PT_CC] = {"CC", "PT", 0, 0, dec_cc, gen_cc},
    [SB_ID_RO_CNP] = {"CNP", "RO", 1800, 2099, dec_cnp, gen_cnp},
    [SB_ID_BE_BIS] = {"BIS", "BE", 1900, 2099, dec_bis, gen_bis},
};

static const struct scheme *
scheme(enum sb_id_scheme id)
{
	if ((int)id < 0 || id >= SB_ID_COUNT)
		return NULL;
	return &schemes[id];
}

const char *
sb_id_scheme_name(enum sb_id_scheme id)
{
	const struct scheme *sch = scheme(id);

	return sch != NULL ? sch->name : NULL;
}

const char *
sb_id_scheme_country(enum sb_id_scheme id)
{
	const struct scheme *sch = scheme(id);

	return sch != NULL ? sch->cc : NULL;
}

static bool
name_eq(const char *a, const char *b)
{
	for (; *a != '\0' && *b != '\0'; a++, b++)
		if (toup((unsigned char)*a) != *b)
			return false;
	return *a == '\0' && *b == '\0';
}

int
sb_id_scheme_by_name(const char *name)
{
	const char *cc = NULL;
	int i;

	if (name == NULL)
		return -1;
	if (name[0] != '\0' && name[1] != '\0' && inset("-_:", name[2])) {
		cc = name;
		name += 3;
	}
	for (i = 0; i < SB_ID_COUNT; i++) {
		if (!name_eq(name, schemes[i].name))
			continue;
		if (cc != NULL &&
		    (toup((unsigned char)cc[0]) != schemes[i].cc[0] ||
		        toup((unsigned char)cc[1]) != schemes[i].cc[1]))
			return -1;
		return i;
	}
	return -1;
}

/* Compact s for a scheme into c[WORK_MAX]: returns the length or -1. */
static int
compact(enum sb_id_scheme id, const char *s, size_t n, char *c)
{
	int len;

	if (id == SB_ID_FI_HETU)
		return norm(s, n, "", "+-", c, WORK_MAX);
	if ((len = norm(s, n, SEPS, "", c, WORK_MAX)) < 0)
		return -1;
	if (id == SB_ID_GR_AFM) {
		if (len >= 2 &&
		    (strncmp(c, "EL", 2) == 0 || strncmp(c, "GR", 2) == 0)) {
			memmove(c, c + 2, (size_t)len - 1);
			len -= 2;
		}
		if (len == 8) {
			memmove(c + 1, c, 9);
			c[0] = '0';
			len = 9;
		}
	}
	return len;
}

int
sb_id_decode(
    enum sb_id_scheme id, const char *s, size_t n, struct sb_id_info *info)
{
	const struct scheme *sch = scheme(id);
	struct sb_id_info tmp;
	char c[WORK_MAX];
	int len;

	if (sch == NULL || (len = compact(id, s, n, c)) < 0)
		return -1;
	memset(&tmp, 0, sizeof(tmp));
	if (sch->decode(c, len, &tmp) != 0)
		return -1;
	if (info != NULL)
		*info = tmp;
	return 0;
}

bool
sb_id_valid(enum sb_id_scheme id, const char *s, size_t n)
{
	return sb_id_decode(id, s, n, NULL) == 0;
}

int
sb_id_canonical(
    enum sb_id_scheme id, const char *s, size_t n, char *out, size_t cap)
{
	const struct scheme *sch = scheme(id);
	struct sb_id_info tmp;
	char c[WORK_MAX];
	int len = -1;

	memset(&tmp, 0, sizeof(tmp));
	if (sch != NULL && (len = compact(id, s, n, c)) >= 0 &&
	    sch->decode(c, len, &tmp) != 0)
		len = -1;
	return emit(c, len, out, cap);
}

int
sb_id_format(
    enum sb_id_scheme id, const char *s, size_t n, char *out, size_t cap)
{
	char c[WORK_MAX], f[WORK_MAX];
	const char *shape;
	int i, k = 0, len;

	if ((len = sb_id_canonical(id, s, n, c, sizeof(c))) < 0)
		return fail(out, cap);
	switch (id) {
	case SB_ID_BE_NN:
	case SB_ID_BE_BIS:
		shape = "##.##.##-###.##";
		break;
	case SB_ID_PT_NIF:
		shape = "### ### ###";
		break;
	case SB_ID_PT_CC:
		shape = "######## # ###";
		break;
	default:
		return emit(c, len, out, cap);
	}
	for (i = 0; shape[i] != '\0'; i++)
		f[i] = shape[i] == '#' ? c[k++] : shape[i];
	return emit(f, i, out, cap);
}

int
sb_id_generate(enum sb_id_scheme id, const struct sb_id_person *person,
    sb_rand_fn rand, void *ctx, char *out, size_t cap)
{
	const struct scheme *sch = scheme(id);
	struct sb_id_person p;
	struct sb_id_info tmp;
	struct rng r = {rand, ctx};
	char c[WORK_MAX];
	int len = -1;

	memset(&p, 0, sizeof(p));
	if (person != NULL)
		p = *person;
	if (sch == NULL || rand == NULL)
		return fail(out, cap);
	if (sch->ymin != 0 &&
	    (person == NULL || p.year < sch->ymin || p.year > sch->ymax ||
	        !date_ok(p.year, p.month, p.day)))
		return fail(out, cap);
	p.sex = (char)toup((unsigned char)p.sex);
	if (p.sex != 'F' && p.sex != 'M')
		p.sex = rnd(&r, 2) ? 'F' : 'M';
	memset(&tmp, 0, sizeof(tmp));
	len = sch->gen(&p, &r, c);
	if (len >= 0 && sch->decode(c, len, &tmp) != 0)
		len = -1; /* cannot happen: a bug in a generator */
	return emit(c, len, out, cap);
}

/* ------------------------------------------------------------------ */
/* IBAN                                                                */

struct iban_cty {
	char cc[3];
	unsigned char len;
	const char *bban; /* registry shape: n digits, a letters,
	                   * c letters or digits; NULL: unchecked */
};

static const struct iban_cty iban_ctys[] = {
    {"AD", 24, NULL},
    {"AE", 23, NULL},
    {"AL", 28, NULL},
    {"AT", 20, NULL},
    {"AZ", 28, NULL},
    {"BA", 20, NULL},
    {"BE", 16, "12n"},
    {"BG", 22, "4a6n8c"},
    {"BH", 22, NULL},
    {"BR", 29, NULL},
    {"BY", 28, NULL},
    {"CH", 21, NULL},
    {"CR", 22, NULL},
    {"CY", 28, NULL},
    {"CZ", 24, NULL},
    {"DE", 22, NULL},
    {"DK", 18, NULL},
    {"DO", 28, NULL},
    {"EE", 20, NULL},
    {"EG", 29, NULL},
    {"ES", 24, NULL},
    {"FI", 18, "14n"},
    {"FO", 18, NULL},
    {"FR", 27, NULL},
    {"GB", 22, NULL},
    {"GE", 22, NULL},
    {"GI", 23, NULL},
    {"GL", 18, NULL},
    {"GR", 27, "7n16c"},
    {"GT", 28, NULL},
    {"HR", 21, NULL},
    {"HU", 28, NULL},
    {"IE", 22, NULL},
    {"IL", 23, NULL},
    {"IQ", 23, NULL},
    {"IS", 26, NULL},
    {"IT", 27, "1a10n12c"},
    {"JO", 30, NULL},
    {"KW", 30, NULL},
    {"KZ", 20, NULL},
    {"LB", 28, NULL},
    {"LC", 32, NULL},
    {"LI", 21, NULL},
    {"LT", 20, NULL},
    {"LU", 20, NULL},
    {"LV", 21, NULL},
    {"MC", 27, NULL},
    {"MD", 24, NULL},
    {"ME", 22, NULL},
    {"MK", 19, NULL},
    {"MR", 27, NULL},
    {"MT", 31, NULL},
    {"MU", 30, NULL},
    {"NL", 18, NULL},
    {"NO", 15, NULL},
    {"PK", 24, NULL},
    {"PL", 28, "24n"},
    {"PS", 29, NULL},
    {"PT", 25, "21n"},
    {"QA", 29, NULL},
    {"RO", 24, "4a16c"},
    {"RS", 22, NULL},
    {"SA", 24, NULL},
    {"SC", 31, NULL},
    {"SE", 24, NULL},
    {"SI", 19, NULL},
    {"SK", 24, NULL},
    {"SM", 27, NULL},
    {"ST", 25, NULL},
    {"SV", 28, NULL},
    {"TL", 23, NULL},
    {"TN", 24, NULL},
    {"TR", 26, NULL},
    {"UA", 29, NULL},
    {"VA", 22, NULL},
    {"VG", 24, NULL},
    {"XK", 20, NULL},
};

static bool
bban_ok(const char *shape, const char *b, int len)
{
	int k, pos = 0;
	char t;

	while (*shape != '\0') {
		for (k = 0; isdig(*shape); shape++)
			k = k * 10 + (*shape - '0');
		t = *shape++;
		for (; k > 0; k--, pos++) {
			if (pos >= len || (t == 'n' && !isdig(b[pos])) ||
			    (t == 'a' && !isup(b[pos])))
				return false;
		}
	}
	return pos == len;
}

/* Validate a compacted IBAN. */
static bool
iban_ok(const char *c, int len)
{
	size_t i;
	int chk;

	if (len < 5 || !allup(c, 2) || !alldig(c + 2, 2))
		return false;
	for (i = 0; i < NELEM(iban_ctys); i++)
		if (memcmp(iban_ctys[i].cc, c, 2) == 0)
			break;
	if (i == NELEM(iban_ctys) || iban_ctys[i].len != len)
		return false;
	if (iban_ctys[i].bban != NULL &&
	    !bban_ok(iban_ctys[i].bban, c + 4, len - 4))
		return false;
	chk = num(c, 2, 2);
	if (chk < 2 || chk > 98)
		return false;
	return mod97(c, 4, mod97(c + 4, len - 4, 0)) == 1;
}

int
sb_iban_canonical(const char *s, size_t n, char *out, size_t cap)
{
	char c[WORK_MAX];
	int len = norm(s, n, " \t-", "", c, sizeof(c));

	if (len >= 0 && !iban_ok(c, len))
		len = -1;
	return emit(c, len, out, cap);
}

bool
sb_iban_valid(const char *s, size_t n)
{
	char c[WORK_MAX];

	return sb_iban_canonical(s, n, c, sizeof(c)) >= 0;
}

int
sb_iban_format(const char *s, size_t n, char *out, size_t cap)
{
	char c[WORK_MAX], f[WORK_MAX];
	int i, k = 0, len;

	if ((len = sb_iban_canonical(s, n, c, sizeof(c))) < 0)
		return fail(out, cap);
	for (i = 0; i < len; i++) {
		if (i > 0 && i % 4 == 0)
			f[k++] = ' ';
		f[k++] = c[i];
	}
	return emit(f, k, out, cap);
}

static const char *
rtok(struct rng *r, const char *const *list, size_t n)
{
	return list[rnd(r, (uint32_t)n)];
}

/* A BBAN for cc into b; returns its length or -1. */
static int
iban_bban(const char *cc, struct rng *r, char *b)
{
	static const char *const be[] = {
	    "001", "063", "068", "096", "310", "363", "735", "751"};
	static const char *const bg[] = {
	    "BNBG", "UNCR", "STSA", "FINV", "UBBS", "RZBB", "BPBI", "CECB"};
	static const char *const gr[] = {"011", "014", "017", "026"};
	static const char *const it[] = {
	    "03069", "02008", "05034", "01030", "05387"};
	static const char *const pl[] = {
	    "102", "105", "109", "114", "116", "124", "175", "249"};
	static const char *const pt[] = {
	    "0035", "0033", "0007", "0010", "0018", "0036"};
	static const char *const ro[] = {
	    "RNCB", "BTRL", "BRDE", "INGB", "RZBR", "CECE"};
	static const int plw[7] = {3, 9, 7, 1, 3, 9, 7};
	int v;

	if (strcmp(cc, "BE") == 0) {
		memcpy(b, rtok(r, be, NELEM(be)), 3);
		rdigits(r, b + 3, 7);
		v = mod97(b, 10, 0);
		put(b + 10, v == 0 ? 97 : v, 2);
		return 12;
	}
	if (strcmp(cc, "BG") == 0) {
		memcpy(b, rtok(r, bg, NELEM(bg)), 4);
		rdigits(r, b + 4, 4);
		memcpy(b + 8, rnd(r, 4) != 0 ? "10" : "15", 2);
		rdigits(r, b + 10, 8);
		return 18;
	}
	if (strcmp(cc, "FI") == 0) {
		b[0] = rpick(r, "1258");
		rdigits(r, b + 1, 12);
		luhn_fill(b, 14);
		return 14;
	}
	if (strcmp(cc, "GR") == 0) {
		memcpy(b, rtok(r, gr, NELEM(gr)), 3);
		rdigits(r, b + 3, 20);
		return 23;
	}
	if (strcmp(cc, "IT") == 0) {
		memcpy(b + 1, rtok(r, it, NELEM(it)), 5);
		rdigits(r, b + 6, 5);
		memcpy(b + 11, "0000", 4);
		rdigits(r, b + 15, 8);
		b[0] = cf_check(b + 1, 22); /* CIN */
		return 23;
	}
	if (strcmp(cc, "PL") == 0) {
		memcpy(b, rtok(r, pl, NELEM(pl)), 3);
		rdigits(r, b + 3, 4);
		b[7] = (char)('0' + (10 - wsum(b, plw, 7) % 10) % 10);
		rdigits(r, b + 8, 16);
		return 24;
	}
	if (strcmp(cc, "PT") == 0) {
		memcpy(b, rtok(r, pt, NELEM(pt)), 4);
		rdigits(r, b + 4, 15);
		put(b + 19, 98 - mod97("00", 2, mod97(b, 19, 0)), 2);
		return 21;
	}
	if (strcmp(cc, "RO") == 0) {
		memcpy(b, rtok(r, ro, NELEM(ro)), 4);
		rdigits(r, b + 4, 16);
		return 20;
	}
	return -1;
}

int
sb_iban_generate(
    const char *cc, sb_rand_fn rand, void *ctx, char *out, size_t cap)
{
	struct rng r = {rand, ctx};
	char c[WORK_MAX], u[3];
	int len = -1;

	if (cc != NULL && rand != NULL && strlen(cc) == 2) {
		u[0] = (char)toup((unsigned char)cc[0]);
		u[1] = (char)toup((unsigned char)cc[1]);
		u[2] = '\0';
		if ((len = iban_bban(u, &r, c + 4)) >= 0) {
			memcpy(c, u, 2);
			len += 4;
			put(c + 2,
			    98 -
			        mod97("00", 2,
			            mod97(u, 2, mod97(c + 4, len - 4, 0))),
			    2);
			if (!iban_ok(c, len))
				len = -1;
		}
	}
	return emit(c, len, out, cap);
}

/* ------------------------------------------------------------------ */
/* Payment cards                                                       */

static int
digits_only(const char *s, size_t n, char *c)
{
	int len = norm(s, n, " -", "", c, WORK_MAX);

	return len >= 0 && alldig(c, len) ? len : -1;
}

bool
sb_luhn_valid(const char *s, size_t n)
{
	char c[WORK_MAX];
	int len = digits_only(s, n, c);

	return len >= 2 && luhn(c, len) == 0;
}

bool
sb_card_valid(const char *s, size_t n)
{
	char c[WORK_MAX];
	int len = digits_only(s, n, c);

	return len >= 12 && len <= 19 && luhn(c, len) == 0;
}

int
sb_card_generate(sb_rand_fn rand, void *ctx, char *out, size_t cap)
{
	struct rng r = {rand, ctx};
	char c[17];
	int i;

	if (rand == NULL)
		return fail(out, cap);
	switch (rnd(&r, 8)) {
	case 0:
		put(c, 2221 + (int)rnd(&r, 500), 4); /* 2221-2720 */
		i = 4;
		break;
	case 1:
	case 2:
	case 3:
		c[0] = '5';
		c[1] = (char)('1' + rnd(&r, 5)); /* 51-55 */
		i = 2;
		break;
	default:
		c[0] = '4';
		i = 1;
		break;
	}
	rdigits(&r, c + i, 15 - i);
	luhn_fill(c, 16);
	return emit(c, 16, out, cap);
}

/* ------------------------------------------------------------------ */
/* Phones                                                              */

struct phone_cty {
	char cc[3];
	const char *code;      /* country calling code */
	bool trunk;            /* national prefix 0 */
	uint16_t lens;         /* bit L: NSN length L allowed */
	unsigned char mlen;    /* NSN length of generated mobiles */
	const char *mpfx;      /* their prefixes, 2 digits each */
	unsigned char nat[4];  /* national groups, trunk included */
	unsigned char intl[4]; /* international groups of the NSN */
};

#define LENS(a, b) ((uint16_t)(((1u << ((b) + 1)) - 1) & ~((1u << (a)) - 1)))

static const struct phone_cty phone_ctys[] = {
    {"BE", "32", true, LENS(8, 9), 9, "4546474849", {4, 2, 2, 2}, {3, 2, 2, 2}},
    {"BG", "359", true, LENS(6, 9), 9, "8788899899", {4, 3, 3}, {2, 3, 4}},
    {"FI", "358", true, LENS(5, 12), 9, "404144454650", {3, 3, 4}, {2, 3, 4}},
    {"GR", "30", false, LENS(10, 12), 10, "69", {3, 3, 4}, {3, 3, 4}},
    {"IT", "39", false, LENS(6, 12), 10, "32333436373839", {3, 3, 4},
        {3, 3, 4}},
    {"PL", "48", false, LENS(6, 10), 9, "45505153576066697273787988", {3, 3, 3},
        {3, 3, 3}},
    {"PT", "351", false, LENS(9, 9), 9, "91929396", {3, 3, 3}, {3, 3, 3}},
    {"RO", "40", true, LENS(6, 6) | LENS(9, 9), 9, "7172737475767778",
        {4, 3, 3}, {3, 3, 3}},
};

static const struct phone_cty *
phone_by_cc(const char *cc)
{
	size_t i;

	for (i = 0; cc != NULL && i < NELEM(phone_ctys); i++)
		if (cceq(cc, phone_ctys[i].cc))
			return &phone_ctys[i];
	return NULL;
}

/* The country whose calling code starts d (calling codes are prefix-free). */
static const struct phone_cty *
phone_by_code(const char *d)
{
	size_t i, k;

	for (i = 0; i < NELEM(phone_ctys); i++) {
		k = strlen(phone_ctys[i].code);
		if (strncmp(d, phone_ctys[i].code, k) == 0)
			return &phone_ctys[i];
	}
	return NULL;
}

static bool
nsn_ok(const struct phone_cty *pc, const char *nsn)
{
	size_t len = strlen(nsn);

	if (len > 15 || (pc->lens & (1u << len)) == 0)
		return false;
	/* Only Italy has national numbers that start with 0. */
	return nsn[0] != '0' || strcmp(pc->cc, "IT") == 0;
}

int
sb_phone_e164(
    const char *s, size_t n, const char *default_cc, char *out, size_t cap)
{
	const struct phone_cty *pc;
	char d[WORK_MAX], e[WORK_MAX];
	const char *nsn;
	size_t i;
	int c, nd = 0, paren0 = -1;
	bool plus = false, intl;

	if (s == NULL)
		return fail(out, cap);
	while (n > 0 && isblank_(s[0]))
		s++, n--;
	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c == '+' && nd == 0 && !plus)
			plus = true;
		else if (c == '(' && n - i >= 3 && s[i + 1] == '0' &&
		    s[i + 2] == ')' && nd > 0 && paren0 < 0) {
			paren0 = nd;
			i += 2;
		} else if (isdig(c)) {
			if (nd >= 20)
				return fail(out, cap);
			d[nd++] = (char)c;
		} else if (!inset(" \t.-/()", c))
			return fail(out, cap);
	}
	d[nd] = '\0';
	intl = plus || (nd > 2 && d[0] == '0' && d[1] == '0');
	if (intl) {
		nsn = plus ? d : d + 2;
		if (nsn[0] == '0')
			return fail(out, cap);
		if ((pc = phone_by_code(nsn)) != NULL) {
			if (!nsn_ok(pc, nsn + strlen(pc->code)))
				return fail(out, cap);
		} else if (strlen(nsn) < 7 || strlen(nsn) > 15)
			return fail(out, cap);
		e[0] = '+';
		strcpy(e + 1, nsn);
		return emit(e, (int)strlen(e), out, cap);
	}
	if ((pc = phone_by_cc(default_cc)) == NULL)
		return fail(out, cap);
	if (paren0 >= 0) {
		/* "(0)" in a national number: the trunk prefix itself. */
		memmove(d + paren0 + 1, d + paren0, (size_t)(nd - paren0) + 1);
		d[paren0] = '0';
	}
	nsn = d;
	if (pc->trunk) {
		if (d[0] != '0')
			return fail(out, cap);
		nsn = d + 1;
	}
	if (!nsn_ok(pc, nsn))
		return fail(out, cap);
	e[0] = '+';
	strcpy(e + 1, pc->code);
	strcat(e, nsn);
	return emit(e, (int)strlen(e), out, cap);
}

const char *
sb_phone_country(const char *e164)
{
	const struct phone_cty *pc;
	char e[WORK_MAX];

	if (e164 == NULL || e164[0] != '+' ||
	    sb_phone_e164(e164, strlen(e164), NULL, e, sizeof(e)) < 0 ||
	    (pc = phone_by_code(e + 1)) == NULL)
		return NULL;
	return pc->cc;
}

int
sb_phone_generate(
    const char *cc, sb_rand_fn rand, void *ctx, char *e164, size_t cap)
{
	const struct phone_cty *pc = phone_by_cc(cc);
	struct rng r = {rand, ctx};
	char e[WORK_MAX];
	size_t k;
	int len;

	if (pc == NULL || rand == NULL)
		return fail(e164, cap);
	e[0] = '+';
	strcpy(e + 1, pc->code);
	len = (int)strlen(e);
	k = rnd(&r, (uint32_t)(strlen(pc->mpfx) / 2));
	memcpy(e + len, pc->mpfx + 2 * k, 2);
	rdigits(&r, e + len + 2, pc->mlen - 2);
	len += pc->mlen;
	return emit(e, len, e164, cap);
}

/*
 * Write digits d in groups separated by sep: the groups g[] when they add
 * up to the length, else threes (a leading two, or a trailing four, for
 * the rest).
 */
static int
put_groups(char *o, const char *d, const unsigned char *g, char sep)
{
	unsigned char gen[16];
	int i, j, k = 0, ng = 0, len = (int)strlen(d), sum = 0;

	for (i = 0; i < 4 && g[i] != 0; i++)
		sum += g[i];
	if (sum == len)
		ng = i;
	else {
		g = gen;
		j = len;
		if (len % 3 == 2 || len < 3) {
			gen[ng++] = (unsigned char)(len < 3 ? len : 2);
			j -= gen[0];
		}
		for (; j > 0; j -= gen[ng - 1])
			gen[ng++] = (unsigned char)(j == 4 ? 4 : 3);
	}
	for (i = 0; i < ng; i++) {
		if (i > 0 && sep != '\0')
			o[k++] = sep;
		for (j = 0; j < g[i]; j++)
			o[k++] = *d++;
	}
	o[k] = '\0';
	return k;
}

int
sb_phone_format(const char *e164, int style, char *out, size_t cap)
{
	static const unsigned char none[4] = {0};
	const struct phone_cty *pc;
	char e[WORK_MAX], f[WORK_MAX], nat[WORK_MAX];
	const char *nsn;
	int len;

	if (e164 == NULL || e164[0] != '+' || style < 0 ||
	    style >= SB_PHONE_STYLE_COUNT ||
	    sb_phone_e164(e164, strlen(e164), NULL, e, sizeof(e)) < 0)
		return fail(out, cap);
	pc = phone_by_code(e + 1);
	if (pc == NULL) {
		if (style == SB_PHONE_INTL_00) {
			f[0] = f[1] = '0';
			strcpy(f + 2, e + 1);
			return emit(f, (int)strlen(f), out, cap);
		}
		if (style >= SB_PHONE_NATIONAL)
			return fail(out, cap);
		return emit(e, (int)strlen(e), out, cap);
	}
	nsn = e + 1 + strlen(pc->code);
	snprintf(nat, sizeof(nat), "%s%s", pc->trunk ? "0" : "", nsn);
	switch (style) {
	case SB_PHONE_E164:
		return emit(e, (int)strlen(e), out, cap);
	case SB_PHONE_INTL_00:
		len = snprintf(f, sizeof(f), "00%s", e + 1);
		return emit(f, len, out, cap);
	case SB_PHONE_INTL:
	case SB_PHONE_INTL_TRUNK:
		len = snprintf(f, sizeof(f), "+%s %s", pc->code,
		    style == SB_PHONE_INTL_TRUNK && pc->trunk ? "(0)" : "");
		len += put_groups(f + len, nsn, pc->intl, ' ');
		return emit(f, len, out, cap);
	case SB_PHONE_NATIONAL:
		return emit(f, put_groups(f, nat, pc->nat, ' '), out, cap);
	case SB_PHONE_NATIONAL_DASH:
		return emit(f, put_groups(f, nat, pc->nat, '-'), out, cap);
	default:
		return emit(f, put_groups(f, nat, none, '\0'), out, cap);
	}
}

/* ------------------------------------------------------------------ */
/* Passports                                                           */

/*
 * Shapes: L a letter, D a digit, X either; alternatives separated by '|'.
 */
static const struct {
	char cc[3];
	const char *shape;
} passports[] = {
    {"BE", "LLDDDDDD"}, {"BG", "DDDDDDDDD"}, {"FI", "LLDDDDDDD"},
    {"GR", "LLDDDDDDD"}, {"IT", "XXDDDDDDD"}, {"PL", "LLDDDDDDD"},
    {"PT", "LDDDDDD"},
    {"RO", "DDDDDDDD|DDDDDDDDD"}, /* no source: an assumption */
};

static const char *
passport_shape(const char *cc)
{
	size_t i;

	for (i = 0; cc != NULL && i < NELEM(passports); i++)
		if (cceq(cc, passports[i].cc))
			return passports[i].shape;
	return NULL;
}

static bool
shape_ok(const char *shape, const char *c, int len)
{
	int i;

	for (;;) {
		for (i = 0; shape[i] != '\0' && shape[i] != '|' && i < len;
		     i++) {
			if ((shape[i] == 'L' && !isup(c[i])) ||
			    (shape[i] == 'D' && !isdig(c[i])))
				break;
		}
		if (i == len && (shape[i] == '\0' || shape[i] == '|'))
			return true;
		if ((shape = strchr(shape, '|')) == NULL)
			return false;
		shape++;
	}
}

/* PL passport: weights 7,3,9,1,7,3,1,7,3, letters A = 10; sum mod 10 = 0. */
static int
pl_passport_sum(const char *c)
{
	static const int w[9] = {7, 3, 9, 1, 7, 3, 1, 7, 3};
	int i, s = 0;

	for (i = 0; i < 9; i++)
		s += alnum_val(c[i]) * w[i];
	return s % 10;
}

int
sb_passport_canonical(
    const char *cc, const char *s, size_t n, char *out, size_t cap)
{
	const char *shape = passport_shape(cc);
	char c[WORK_MAX];
	int len = -1;

	if (shape != NULL && (len = norm(s, n, " -", "", c, sizeof(c))) >= 0 &&
	    (!shape_ok(shape, c, len) ||
	        (cceq(cc, "PL") && pl_passport_sum(c) != 0)))
		len = -1;
	return emit(c, len, out, cap);
}

int
sb_passport_which(const char *const *cc, size_t ncc, const char *s,
    size_t n)
{
	char c[WORK_MAX];
	const char *shape;
	int len = norm(s, n, " -", "", c, sizeof(c));

	for (size_t i = 0; len >= 0 && i < ncc; i++)
		if ((shape = passport_shape(cc[i])) != NULL &&
		    shape_ok(shape, c, len) && (!cceq(cc[i], "PL") ||
		    pl_passport_sum(c) == 0))
			return (int)i;
	return -1;
}

bool
sb_passport_valid(const char *cc, const char *s, size_t n)
{
	char c[WORK_MAX];

	return sb_passport_canonical(cc, s, n, c, sizeof(c)) >= 0;
}

int
sb_passport_generate(
    const char *cc, sb_rand_fn rand, void *ctx, char *out, size_t cap)
{
	static const char letters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	const char *shape = passport_shape(cc);
	struct rng r = {rand, ctx};
	char c[WORK_MAX];
	int d, i;

	if (shape == NULL || rand == NULL)
		return fail(out, cap);
	for (i = 0; shape[i] != '\0' && shape[i] != '|'; i++)
		c[i] = shape[i] == 'D' ? rdig(&r) : rpick(&r, letters);
	if (c[0] == '0')
		c[0] = (char)('1' + rnd(&r, 9));
	if (cceq(cc, "PL")) {
		/* The first digit (weight 9) is the check digit. */
		for (d = 0; d < 10; d++) {
			c[2] = (char)('0' + d);
			if (pl_passport_sum(c) == 0)
				break;
		}
	}
	return emit(c, i, out, cap);
}

/* ------------------------------------------------------------------ */
/* Plates                                                              */

#define BG_LETTERS "ABEKMHOPCTYX" /* common to Cyrillic and Latin */
#define GR_LETTERS "ABEZHIKMNOPTYX"

/* Greek and Cyrillic capitals that look like Latin ones. */
static int
lookalike(unsigned char b0, unsigned char b1)
{
	/* U+0391-U+03A7 */
	static const char greek[23] = {'A', 'B', 0, 0, 'E', 'Z', 'H', 0, 'I',
	    'K', 0, 'M', 'N', 0, 'O', 0, 'P', 0, 0, 'T', 'Y', 0, 'X'};
	/* U+0410-U+0425 */
	static const char cyril[22] = {'A', 0, 'B', 0, 0, 'E', 0, 0, 0, 0, 'K',
	    0, 'M', 'H', 'O', 0, 'P', 'C', 'T', 'Y', 0, 'X'};

	if (b0 == 0xCE && b1 >= 0x91 && b1 <= 0xA7)
		return greek[b1 - 0x91];
	if (b0 == 0xD0 && b1 >= 0x90 && b1 <= 0xA5)
		return cyril[b1 - 0x90];
	return 0;
}

static int
plate_norm(const char *s, size_t n, char *c)
{
	size_t i;
	int ch, len = 0;

	if (s == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		ch = toup((unsigned char)s[i]);
		if (inset(" \t-.", ch))
			continue;
		if (!isdig(ch) && !isup(ch)) {
			if (i + 1 >= n ||
			    (ch = lookalike((unsigned char)s[i],
			         (unsigned char)s[i + 1])) == 0)
				return -1;
			i++;
		}
		if (len + 1 >= WORK_MAX)
			return -1;
		c[len++] = (char)ch;
	}
	c[len] = '\0';
	return len;
}

static bool
all_in(const char *set, const char *c, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (!inset(set, c[i]))
			return false;
	return true;
}

static const char ro_counties[] =
    "AB AR AG BC BH BN BT BV BR BZ CS CL CJ CT "
    "CV DB DJ GL GR GJ HR HD IL IS IF MM MH MS NT OT PH SM SJ SB SV TR TM TL "
    "VS VL VN";

static bool
ro_county(const char *c)
{
	const char *p;

	for (p = ro_counties; *p != '\0'; p += p[2] == ' ' ? 3 : 2)
		if (p[0] == c[0] && p[1] == c[1])
			return true;
	return false;
}

static bool
plate_ok(const char *cc, const char *c, int len)
{
	int a, k;

	if (cceq(cc, "BE"))
		return len == 7 && inset("123456789", c[0]) &&
		    allup(c + 1, 3) && alldig(c + 4, 3);
	if (cceq(cc, "BG")) {
		a = len - 6;
		return (a == 1 || a == 2) && all_in(BG_LETTERS, c, a) &&
		    alldig(c + a, 4) && all_in(BG_LETTERS, c + a + 4, 2);
	}
	if (cceq(cc, "FI")) {
		for (a = 0; a < len && isup(c[a]); a++)
			;
		return (a == 2 || a == 3) && len - a >= 1 && len - a <= 3 &&
		    alldig(c + a, len - a);
	}
	if (cceq(cc, "GR"))
		return len == 7 && all_in(GR_LETTERS, c, 3) &&
		    alldig(c + 3, 4) && c[3] != '0';
	if (cceq(cc, "IT"))
		return len == 7 && allup(c, 2) && alldig(c + 2, 3) &&
		    allup(c + 5, 2) && !inset("IOQU", c[0]) &&
		    !inset("IOQU", c[1]) && !inset("IOQU", c[5]) &&
		    !inset("IOQU", c[6]);
	if (cceq(cc, "PL")) {
		for (a = 2; a <= 3; a++) {
			if (len - a < 4 || len - a > 5 || !allup(c, a))
				continue;
			for (k = a; k < len &&
			     (isdig(c[k]) ||
			         (isup(c[k]) && !inset("BDIOZ", c[k])));
			     k++)
				;
			if (k == len && strpbrk(c + a, "0123456789") != NULL)
				return true;
		}
		return false;
	}
	if (cceq(cc, "PT"))
		return len == 6 &&
		    ((allup(c, 2) && alldig(c + 2, 2) && allup(c + 4, 2)) ||
		        (alldig(c, 2) && allup(c + 2, 2) && alldig(c + 4, 2)) ||
		        (alldig(c, 4) && allup(c + 4, 2)));
	if (cceq(cc, "RO")) {
		if (len < 6)
			return false;
		a = len - 3; /* the letter group */
		if (c[0] == 'B' && isdig(c[1])) {
			k = a - 1; /* B 12 ABC, B 123 ABC */
			if (k != 2 && k != 3)
				return false;
		} else {
			k = a - 2; /* CJ 12 ABC */
			if (k != 2 || !ro_county(c))
				return false;
		}
		return alldig(c + a - k, k) && allup(c + a, 3) &&
		    !inset("IO", c[a]) && memchr(c + a, 'Q', 3) == NULL;
	}
	return false;
}

int
sb_plate_canonical(
    const char *cc, const char *s, size_t n, char *out, size_t cap)
{
	char c[WORK_MAX];
	int len = plate_norm(s, n, c);

	if (len >= 0 && !plate_ok(cc, c, len))
		len = -1;
	return emit(c, len, out, cap);
}

int
sb_plate_which(const char *const *cc, size_t ncc, const char *s, size_t n)
{
	char c[WORK_MAX];
	int len = plate_norm(s, n, c);

	for (size_t i = 0; len >= 0 && i < ncc; i++)
		if (plate_ok(cc[i], c, len))
			return (int)i;
	return -1;
}

bool
sb_plate_valid(const char *cc, const char *s, size_t n)
{
	char c[WORK_MAX];

	return sb_plate_canonical(cc, s, n, c, sizeof(c)) >= 0;
}

/* Fill c from a pattern: L letter of set, D digit, N digit 1-9, others
 * copied. */
static int
fill(struct rng *r, const char *pat, const char *set, char *c)
{
	int i;

	for (i = 0; pat[i] != '\0'; i++) {
		if (pat[i] == 'L')
			c[i] = rpick(r, set);
		else if (pat[i] == 'D')
			c[i] = rdig(r);
		else if (pat[i] == 'N')
			c[i] = (char)('1' + rnd(r, 9));
		else
			c[i] = pat[i];
	}
	c[i] = '\0';
	return i;
}

int
sb_plate_generate(
    const char *cc, sb_rand_fn rand, void *ctx, char *out, size_t cap)
{
	static const char *const bg[] = {
	    "CA", "CB", "C", "PB", "B", "A", "P", "CT", "EH", "BT", "H"};
	static const char *const pl[] = {"WA", "WE", "WI", "KR", "PO", "GD",
	    "DW", "EL", "LU", "SK", "ZS", "CB", "BI", "RZ", "WPI", "KRA"};
	static const char *const plser[] = {
	    "DDDDD", "DDDDL", "DDDLL", /* after a 2-letter area */
	    "DDDD", "DDDL", "DDLL"     /* after a 3-letter area */
	};
	static const char az[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	static const char it[] = "ABCDEFGHJKLMNPRSTVWXYZ";
	static const char pls[] = "ACEFGHJKLMNPRSTUVWXY";
	static const char ro[] = "ABCDEFGHIJKLMNOPRSTUVWXYZ"; /* no Q */
	struct rng r = {rand, ctx};
	char c[WORK_MAX];
	const char *a;
	uint32_t k;
	int len = -1;

	if (cc == NULL || rand == NULL)
		return fail(out, cap);
	if (cceq(cc, "BE"))
		len = fill(&r, rnd(&r, 2) ? "1-LLL-DDD" : "2-LLL-DDD", az, c);
	else if (cceq(cc, "BG")) {
		a = rtok(&r, bg, NELEM(bg));
		len = (int)strlen(a);
		memcpy(c, a, (size_t)len);
		len += fill(&r, " DDDD LL", BG_LETTERS, c + len);
	} else if (cceq(cc, "FI")) {
		len = fill(&r, "LLL-N", az, c);
		len += fill(&r, rnd(&r, 4) != 0 ? "DD" : "D", az, c + len);
	} else if (cceq(cc, "GR"))
		len = fill(&r, "LLL-NDDD", GR_LETTERS, c);
	else if (cceq(cc, "IT")) {
		len = fill(&r, "LL DDD LL", it, c);
		c[0] = rpick(&r, "DEFG"); /* issued since 1994 */
	} else if (cceq(cc, "PL")) {
		a = rtok(&r, pl, NELEM(pl));
		len = (int)strlen(a);
		memcpy(c, a, (size_t)len);
		c[len++] = ' ';
		k = rnd(&r, 3) + (len == 3 ? 0 : 3);
		len += fill(&r, plser[k], pls, c + len);
	} else if (cceq(cc, "PT")) {
		switch (rnd(&r, 4)) {
		case 0:
			len = fill(&r, "DD-LL-DD", az, c);
			break;
		case 1:
			len = fill(&r, "DD-DD-LL", az, c);
			break;
		default:
			len = fill(&r, "LL-DD-LL", az, c);
			break;
		}
	} else if (cceq(cc, "RO")) {
		if (rnd(&r, 4) == 0)
			len = fill(&r, rnd(&r, 2) ? "B NDD " : "B DD ", az, c);
		else {
			k = rnd(&r, (uint32_t)(strlen(ro_counties) + 1) / 3);
			memcpy(c, ro_counties + 3 * k, 2);
			len = 2 + fill(&r, " DD ", az, c + 2);
		}
		if (c[len - 2] == '0' && c[len - 3] == '0')
			c[len - 2] = (char)('1' + rnd(&r, 9));
		c[len++] = rpick(&r, "ABCDEFGHJKLMNPRSTUVWXYZ");
		len += fill(&r, "LL", ro, c + len);
	}
	if (len >= 0 && !sb_plate_valid(cc, c, (size_t)len))
		len = -1;
	return emit(c, len, out, cap);
}
