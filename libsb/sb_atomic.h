/*
 * sb_atomic: write an output file atomically.  The data goes to a
 * temporary file beside the target (same directory, so rename(2) is
 * atomic); sb_atomic_commit() renames it into place, so readers see the
 * old file or the new one, never a part.  Temporary files still open at
 * exit or on SIGINT/SIGTERM/SIGHUP are removed.
 *
 * Ownership: the struct is the caller's; sb_atomic_commit() and
 * sb_atomic_rollback() end it (both close the stream).
 */
#ifndef SB_ATOMIC_H
#define SB_ATOMIC_H

#include <stdio.h>
#include <sys/types.h>

#include "sb.h"

struct sb_atomic {
	char *path;
	char *tmp;
	FILE *fp;
	int slot;
};

/* Create the temporary file with the given mode (e.g. 0600). */
int sb_atomic_open(struct sb_atomic *a, const char *path, mode_t mode,
    struct sb_err *e);
/* Flush, fsync and rename into place.  SB_OK or SB_FATAL (SB_E_IO). */
int sb_atomic_commit(struct sb_atomic *a, struct sb_err *e);
void sb_atomic_rollback(struct sb_atomic *a);

#endif
