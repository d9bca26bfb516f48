/* sb_date: national date formats to ISO 8601. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sb_date.h"
#include "tap.h"

static void
check(const char *in, const char *fmt, const char *want)
{
	char out[11];
	int n = sb_date_parse(in, strlen(in), fmt, out);

	if (want == NULL)
		ok(n < 0, "'%s' with %s is refused", in, fmt);
	else
		is_str(n > 0 ? out : NULL, want, "'%s' with %s", in, fmt);
}

/* The rule sb_date_valid_iso keeps, written plainly. */
static int
iso_ref(const char *s, size_t n)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31};
	int y, m, d;

	if (n != 4 && n != 7 && n != 10)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : s[i] < '0' || s[i] > '9')
			return 0;
	y = atoi(s);
	if (y < 1000)
		return 0;
	if (n == 4)
		return 1;
	m = (s[5] - '0') * 10 + s[6] - '0';
	if (m < 1 || m > 12)
		return 0;
	if (n == 7)
		return 1;
	d = (s[8] - '0') * 10 + s[9] - '0';
	return d >= 1 && d <= mdays[m - 1] + (m == 2 && ((y % 4 == 0 &&
	    y % 100 != 0) || y % 400 == 0));
}

/* Random strings of dates' lengths over digits, '-' and others. */
static void
check_iso_random(void)
{
	static const char chars[] = "0123456789-01239/ a";
	uint32_t x = 521288629u;
	char s[11];
	int bad = 0, valid = 0;

	for (int i = 0; i < 300000; i++) {
		size_t n = (size_t[]){4, 7, 10, 9}[i % 4];

		for (size_t k = 0; k < n; k++) {
			x ^= x << 13;
			x ^= x >> 17;
			x ^= x << 5;
			s[k] = (k == 4 || k == 7) && x % 5 != 0 ? '-' :
			    chars[x / 8 % (sizeof(chars) - 1)];
		}
		s[n] = '\0';
		valid += iso_ref(s, n);
		if (!sb_date_valid_iso(s, n) != !iso_ref(s, n))
			bad++;
	}
	ok(bad == 0 && valid > 10000, "300,000 random strings: valid ISO "
	    "dates as the rule says (%d valid, %d differ)", valid, bad);
}

int
main(void)
{
	char out[11];

	check("2023-04-01", "yyyy-mm-dd", "2023-04-01");
	check("1.4.2023", "dd.mm.yyyy", "2023-04-01");
	check("01/04/2023", "dd/mm/yyyy", "2023-04-01");
	check("19081209", "yyyymmdd", "1908-12-09");
	check("19371233", "yyyymmdd", NULL);
	check("1937123", "yyyymmdd", NULL);
	check("29.02.2024", "dd.mm.yyyy", "2024-02-29");
	check("29.02.2023", "dd.mm.yyyy", NULL);
	check("29.02.1900", "dd.mm.yyyy", NULL);
	check("29.02.2000", "dd.mm.yyyy", "2000-02-29");
	check("31.04.2023", "dd.mm.yyyy", NULL);
	check("00.05.2008", "dd.mm.yyyy", "2008-05");
	check("00.00.2008", "dd.mm.yyyy", "2008");
	check("05/2008", "mm/yyyy", "2008-05");
	check("2008", "yyyy", "2008");
	check("13/2008", "mm/yyyy", NULL);
	check("01.04.23", "dd.mm.yy", "2023-04-01");
	check("01.04.87", "dd.mm.yy", "1987-04-01");
	check("2023-04-01T10:22:00Z", "yyyy-mm-dd", "2023-04-01");
	check("2023-04-01 10:22", "yyyy-mm-dd", "2023-04-01");
	check("2023-04-01x", "yyyy-mm-dd", NULL);
	check(" 2023-04-01 ", "yyyy-mm-dd", "2023-04-01");
	check("", "yyyy-mm-dd", NULL);
	check("abc", "yyyy", NULL);
	check("0999-01-01", "yyyy-mm-dd", NULL);
	ok(sb_date_parse_any("12.03.2021", 10, sb_date_default_formats, out) ==
	    10 && strcmp(out, "2021-03-12") == 0, "default formats: dd.mm.yyyy");
	ok(sb_date_parse_any("2021-03", 7, sb_date_default_formats, out) == 7,
	    "default formats: partial yyyy-mm");
	ok(sb_date_valid_iso("2021-03-12", 10), "valid ISO date");
	ok(!sb_date_valid_iso("2021-3-12", 9), "non-canonical ISO refused");
	ok(sb_date_valid_iso("2024-02-29", 10) &&
	    !sb_date_valid_iso("2023-02-29", 10), "29 February in leap years");
	ok(!sb_date_valid_iso("2021-13", 7) && !sb_date_valid_iso("2021-00",
	    7) && !sb_date_valid_iso("2021-04-31", 10) &&
	    !sb_date_valid_iso("0999", 4) && !sb_date_valid_iso("2021/03", 7) &&
	    !sb_date_valid_iso("2021-03-00", 10), "impossible ISO dates refused");
	{
		int y, m, d;

		ok(sb_date_ymd("2021-03-12", 10, &y, &m, &d) == 0 && y == 2021 &&
		    m == 3 && d == 12, "ymd of a full date");
		ok(sb_date_ymd("2021-03", 7, &y, &m, &d) == 0 && y == 2021 &&
		    m == 3 && d == 0, "ymd of a month");
		ok(sb_date_ymd("2021", 4, &y, &m, &d) == 0 && m == 0 && d == 0,
		    "ymd of a year");
		ok(sb_date_ymd("2021-02-30", 10, &y, &m, &d) < 0,
		    "ymd of an impossible date fails");
	}
	check_iso_random();
	return tap_done();
}
