/* sb_date: national date formats to ISO 8601. */
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
	return tap_done();
}
