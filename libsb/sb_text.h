/*
 * sb_text: Unicode helpers on UTF-8 text, through ICU.
 */
#ifndef SB_TEXT_H
#define SB_TEXT_H

#include <stddef.h>

/* Case-fold s[0..n) (full Unicode case folding: "НЕ" and "не", "ΌΧΙ"
 * and "όχι" fold alike) into out, NUL-terminated.  Returns the length,
 * or -1 when s is not UTF-8 or the result does not fit. */
int sb_text_fold(const char *s, size_t n, char *out, size_t cap);

#endif
