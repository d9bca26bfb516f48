/*
 * sb_date: dates as written in national exports to ISO 8601.
 *
 * A format is a pattern of tokens and literals:
 *   yyyy  four-digit year        yy  two-digit year (00-49 → 20yy, else 19yy)
 *   mm    month, one or two digits (00 = unknown: the date becomes partial)
 *   dd    day, one or two digits   (00 = unknown)
 *   any other byte must appear as written.
 * "dd.mm.yyyy", "dd/mm/yyyy", "yyyy-mm-dd", "yyyymmdd", "mm/yyyy" and "yyyy"
 * are typical.  A time of day after the date ("T12:00", " 12:00:00") is
 * ignored.
 */
#ifndef SB_DATE_H
#define SB_DATE_H

#include <stddef.h>

/* The formats tried when a profile names none, in this order. */
extern const char *const sb_date_default_formats[];

/* Parse s[0..n) with one format.  Writes "YYYY", "YYYY-MM" or "YYYY-MM-DD"
 * and a NUL into out and returns its length (4, 7 or 10), or -1 when s does
 * not match or is not a calendar date (30 February, month 13). */
int sb_date_parse(const char *s, size_t n, const char *fmt, char out[11]);

/* Try each format of the NULL-terminated list in turn. */
int sb_date_parse_any(const char *s, size_t n, const char *const *fmts,
    char out[11]);

/* Check an ISO date already in canonical form (used on canonical input). */
int sb_date_valid_iso(const char *s, size_t n);
/* The year, month and day of s[0..n) when sb_date_valid_iso holds (month
 * and day 0 where the date stops short of them); -1 when it does not. */
int sb_date_ymd(const char *s, size_t n, int *y, int *m, int *d);

#endif
