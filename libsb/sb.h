/*
 * libsb: the SafeBorders library.
 *
 * Conventions every module keeps (see CONTRIBUTING.md):
 *
 *  - Functions return a graded status: SB_OK, SB_REJECT (this record cannot
 *    be used; it goes to the reject file with the reason, the stream goes
 *    on) or SB_FATAL (the stream cannot go on).  The reason is kept in a
 *    struct sb_err the caller passes in; the library never prints and never
 *    exits.
 *  - Error texts name the place (source, record number, field), never a
 *    value read from the data: no raw identifier ever reaches stderr.
 *  - Ownership: an object made by sb_X_new() is released by sb_X_free(),
 *    which accepts NULL.  Strings passed to setters are copied unless the
 *    comment says "borrowed"; borrowed data must outlive the call only.
 *  - Everything untrusted input can make grow has a limit.
 */
#ifndef SB_H
#define SB_H

#include <stddef.h>

#define SB_VERSION "0.1.0"

enum sb_status {
	SB_OK = 0,
	SB_REJECT = 1, /* record-level: reject the record, go on */
	SB_FATAL = 2,  /* stream-level: this source cannot go on */
	SB_EOF = 3,    /* no more records */
};

/* Kinds of fatal error, so that tools can pick an exit status. */
enum sb_errkind {
	SB_E_NONE = 0,
	SB_E_DATA,   /* input data is malformed (EX_DATAERR) */
	SB_E_NOINPUT,/* input cannot be opened (EX_NOINPUT) */
	SB_E_USAGE,  /* bad profile or option value (EX_USAGE / EX_CONFIG) */
	SB_E_IO,     /* read or write failure (EX_IOERR) */
	SB_E_NOMEM,  /* out of memory or a limit hit (EX_SOFTWARE) */
	SB_E_CONFIG, /* a profile or configuration file is invalid */
};

struct sb_err {
	enum sb_errkind kind;
	char msg[512];
};

/* Set the error text (printf-style) and kind; returns SB_FATAL or the
 * status given, so "return sb_seterr(e, SB_REJECT, ...)" reads well. */
int sb_seterr(struct sb_err *e, int status, enum sb_errkind kind,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

#endif
