/*
 * Internal helpers shared by the sb-* tools (not part of libsb): program
 * name, diagnostics, exit statuses, and stdout handling.  Diagnostics go to
 * stderr as "prog: message"; callers never put data values in them.
 */
#ifndef SB_CLI_H
#define SB_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "sb.h"
#include "sb_atomic.h"
#include "sb_exit.h"

extern const char *sb_progname;

/* Set the program name, make sure fds 0-2 are open (so a data file never
 * lands on fd 2), and restore SIGPIPE's default: a closed pipe ends the
 * tool silently, which is what `| head` expects. */
void sb_cli_init(const char *argv0);
void sb_warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A usage error: the message (unless fmt is NULL, when getopt_long(3)
 * has said what is wrong) and the "Try --help" hint on stderr; returns
 * SB_EXIT_USAGE. */
int sb_cli_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The exit status for a library error kind. */
int sb_cli_exit_for(enum sb_errkind kind);
/* Flush and close stdout; on failure print why and return SB_EXIT_IOERR,
 * else SB_EXIT_OK. */
int sb_cli_close_stdout(void);
/* A sink (see sb_ingest.h) that writes to a FILE *. */
int sb_cli_fwrite_sink(void *fp, const char *buf, size_t len);
void sb_cli_version(void);
/* Open path for writing atomically (mode 0600) when it is not NULL;
 * *have says whether it was.  On failure print why and return
 * SB_EXIT_CANTCREAT. */
int sb_cli_open_output(struct sb_atomic *a, const char *path, bool *have);
/* End an output opened so: commit it when keep, else roll it back.  A
 * failed commit is printed and gives SB_EXIT_IOERR; else `status`. */
int sb_cli_close_output(struct sb_atomic *a, bool *have, bool keep,
    int status);
/* Where profiles are looked up, ':'-separated: $SB_PROFILE_PATH, then
 * ../share/safeborders/profiles beside the installed binary, then
 * ../profiles (the build tree).  Caller frees; NULL when out of memory. */
char *sb_cli_profile_dirs(void);

#endif
