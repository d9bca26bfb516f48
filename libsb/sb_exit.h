/*
 * Exit statuses of every sb-* tool.  Never renumber: a retired code stays
 * reserved.  man/sb-*.1 EXIT STATUS lists them; tests/t0900-exit-codes.sh
 * checks the man pages against this file.
 */
#ifndef SB_EXIT_H
#define SB_EXIT_H

enum sb_exit {
	SB_EXIT_OK = 0,        /* success */
	SB_EXIT_REJECTS = 1,   /* rejects were written and --strict was given */
	SB_EXIT_USAGE = 64,    /* EX_USAGE: bad option or operand */
	SB_EXIT_DATAERR = 65,  /* EX_DATAERR: input cannot be read as data */
	SB_EXIT_NOINPUT = 66,  /* EX_NOINPUT: input file missing or unreadable */
	SB_EXIT_SOFTWARE = 70, /* EX_SOFTWARE: internal error, out of memory */
	SB_EXIT_OSERR = 71,    /* EX_OSERR: the system failed us (no fds) */
	SB_EXIT_CANTCREAT = 73,/* EX_CANTCREAT: output file cannot be created */
	SB_EXIT_IOERR = 74,    /* EX_IOERR: read or write error */
	SB_EXIT_CONFIG = 78,   /* EX_CONFIG: profile or key file invalid */
};

#endif
