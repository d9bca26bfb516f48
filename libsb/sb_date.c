#include "sb_date.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

const char *const sb_date_default_formats[] = {
	"yyyy-mm-dd", "yyyy-mm", "yyyy", "dd.mm.yyyy", "dd/mm/yyyy",
	"dd-mm-yyyy", "yyyymmdd", "mm/yyyy", "mm.yyyy", NULL,
};

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in(int y, int m)
{
	static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31};

	return m == 2 && is_leap(y) ? 29 : d[m - 1];
}

/* Read between min and max digits at s[*i]; -1 if fewer than min. */
static int
digits(const char *s, size_t n, size_t *i, int min, int max)
{
	int v = 0, k = 0;

	while (*i < n && k < max && s[*i] >= '0' && s[*i] <= '9') {
		v = v * 10 + (s[*i] - '0');
		(*i)++;
		k++;
	}
	return k < min ? -1 : v;
}

/* A trailing time of day ("T10:00:00Z", " 10:00") is allowed and ignored. */
static int
only_time_left(const char *s, size_t n, size_t i)
{
	if (i == n)
		return 1;
	if (s[i] != 'T' && s[i] != ' ')
		return 0;
	if (i + 3 > n || s[i + 1] < '0' || s[i + 1] > '9' ||
	    s[i + 2] < '0' || s[i + 2] > '9')
		return 0;
	for (i += 3; i < n; i++)
		if (strchr("0123456789:.+-Z", s[i]) == NULL)
			return 0;
	return 1;
}

static void
digits_out(char *o, int v, int width)
{
	for (int i = width - 1; i >= 0; i--, v /= 10)
		o[i] = (char)('0' + v % 10);
}

/* By hand, not snprintf: dates are parsed several times a record. */
static int
compose(int y, int m, int d, int have_m, int have_d, char out[11])
{
	int len = 4;

	if (y < 1000 || y > 9999)
		return -1;
	digits_out(out, y, 4);
	if (have_m && m != 0) {
		if (m < 1 || m > 12)
			return -1;
		out[4] = '-';
		digits_out(out + 5, m, 2);
		len = 7;
		if (have_d && d != 0) {
			if (d < 1 || d > days_in(y, m))
				return -1;
			out[7] = '-';
			digits_out(out + 8, d, 2);
			len = 10;
		}
	}
	out[len] = '\0';
	return len;
}

int
sb_date_parse(const char *s, size_t n, const char *fmt, char out[11])
{
	size_t i = 0;
	int y = -1, m = 0, d = 0, have_m = 0, have_d = 0;
	/* Without separators (yyyymmdd) fields have fixed widths. */
	int fixed = strpbrk(fmt, "./- ") == NULL;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (*fmt != '\0') {
		if (strncmp(fmt, "yyyy", 4) == 0) {
			y = digits(s, n, &i, 4, 4);
			fmt += 4;
		} else if (strncmp(fmt, "yy", 2) == 0) {
			y = digits(s, n, &i, 2, 2);
			if (y >= 0)
				y += y < 50 ? 2000 : 1900;
			fmt += 2;
		} else if (strncmp(fmt, "mm", 2) == 0) {
			m = digits(s, n, &i, fixed ? 2 : 1, 2);
			have_m = 1;
			fmt += 2;
		} else if (strncmp(fmt, "dd", 2) == 0) {
			d = digits(s, n, &i, fixed ? 2 : 1, 2);
			have_d = 1;
			fmt += 2;
		} else {
			if (i >= n || s[i] != *fmt)
				return -1;
			i++;
			fmt++;
			continue;
		}
		if (m < 0 || d < 0)
			return -1;
		if (y < 0 && (fmt[-1] == 'y'))
			return -1;
	}
	if (y < 0 || !only_time_left(s, n, i))
		return -1;
	return compose(y, m, d, have_m, have_d, out);
}

int
sb_date_parse_any(const char *s, size_t n, const char *const *fmts,
    char out[11])
{
	for (; *fmts != NULL; fmts++) {
		int k = sb_date_parse(s, n, *fmts, out);
		if (k > 0)
			return k;
	}
	return -1;
}

/* Value of the n digits at s (the caller has checked they are digits). */
static int
fixed_num(const char *s, int n)
{
	int v = 0;

	while (n-- > 0)
		v = v * 10 + (*s++ - '0');
	return v;
}

static inline bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* By hand, not through sb_date_parse: every date of every record is
 * checked, and the format walk was 2% of sb-anonymise's time. */
int
sb_date_valid_iso(const char *s, size_t n)
{
	size_t i;
	int y, m;

	if (n != 4 && n != 7 && n != 10)
		return 0;
	/* Unrolled: 76,000 dates are checked for 5,000 records. */
	for (i = 0; i < 4; i++)
		if (!is_digit(s[i]))
			return 0;
	if (n >= 7 && (s[4] != '-' || !is_digit(s[5]) || !is_digit(s[6])))
		return 0;
	if (n == 10 && (s[7] != '-' || !is_digit(s[8]) || !is_digit(s[9])))
		return 0;
	if ((y = fixed_num(s, 4)) < 1000)
		return 0;
	if (n == 4)
		return 1;
	if ((m = fixed_num(s + 5, 2)) < 1 || m > 12)
		return 0;
	return n == 7 || (fixed_num(s + 8, 2) >= 1 &&
	    fixed_num(s + 8, 2) <= days_in(y, m));
}

int
sb_date_ymd(const char *s, size_t n, int *y, int *m, int *d)
{
	if (!sb_date_valid_iso(s, n))
		return -1;
	*y = fixed_num(s, 4);
	*m = n >= 7 ? fixed_num(s + 5, 2) : 0;
	*d = n == 10 ? fixed_num(s + 8, 2) : 0;
	return 0;
}
