#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

const char *sb_progname = "sb";

void
sb_cli_init(const char *argv0)
{
	const char *slash = strrchr(argv0, '/');

	sb_progname = slash != NULL ? slash + 1 : argv0;
	for (int fd = 0; fd < 3; fd++)
		if (fcntl(fd, F_GETFD) < 0 && errno == EBADF &&
		    open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY) < 0)
			_exit(SB_EXIT_OSERR);
	signal(SIGPIPE, SIG_DFL);
}

static void
vwarnx(const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", sb_progname);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
sb_warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
}

int
sb_cli_usage(const char *fmt, ...)
{
	va_list ap;

	if (fmt != NULL) {
		va_start(ap, fmt);
		vwarnx(fmt, ap);
		va_end(ap);
	}
	fprintf(stderr, "Try '%s --help' for more information.\n",
	    sb_progname);
	return SB_EXIT_USAGE;
}

int
sb_cli_exit_for(enum sb_errkind kind)
{
	switch (kind) {
	case SB_E_DATA:
		return SB_EXIT_DATAERR;
	case SB_E_NOINPUT:
		return SB_EXIT_NOINPUT;
	case SB_E_USAGE:
		return SB_EXIT_USAGE;
	case SB_E_IO:
		return SB_EXIT_IOERR;
	case SB_E_CONFIG:
		return SB_EXIT_CONFIG;
	case SB_E_NOMEM:
	case SB_E_NONE:
	default:
		return SB_EXIT_SOFTWARE;
	}
}

int
sb_cli_close_stdout(void)
{
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
		sb_warnx("writing standard output failed: %s",
		    errno != 0 ? strerror(errno) : "I/O error");
		return SB_EXIT_IOERR;
	}
	return SB_EXIT_OK;
}

int
sb_cli_fwrite_sink(void *fp, const char *buf, size_t len)
{
	return fwrite(buf, 1, len, fp) == len ? 0 : -1;
}

void
sb_cli_version(void)
{
	printf("%s (SafeBorders) %s\n", sb_progname, SB_VERSION);
}

char *
sb_cli_profile_dirs(void)
{
	char exe[PATH_MAX], *slash, *dirs;
	const char *env = getenv("SB_PROFILE_PATH");
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	size_t len;

	exe[n > 0 ? n : 0] = '\0';
	if ((slash = strrchr(exe, '/')) != NULL)
		*slash = '\0';
	len = (env != NULL ? strlen(env) : 0) + 2 * strlen(exe) + 64;
	if ((dirs = malloc(len)) == NULL)
		return NULL;
	snprintf(dirs, len, "%s%s%s/../share/safeborders/profiles:%s/../profiles",
	    env != NULL ? env : "", env != NULL ? ":" : "", exe, exe);
	return dirs;
}

int
sb_cli_open_output(struct sb_atomic *a, const char *path, bool *have)
{
	struct sb_err e;

	*have = false;
	if (path == NULL)
		return SB_EXIT_OK;
	if (sb_atomic_open(a, path, 0600, &e) != SB_OK) {
		sb_warnx("%s", e.msg);
		return SB_EXIT_CANTCREAT;
	}
	*have = true;
	return SB_EXIT_OK;
}

int
sb_cli_close_output(struct sb_atomic *a, bool *have, bool keep, int status)
{
	struct sb_err e;

	if (!*have)
		return status;
	*have = false;
	if (!keep) {
		sb_atomic_rollback(a);
		return status;
	}
	if (sb_atomic_commit(a, &e) != SB_OK) {
		sb_warnx("%s", e.msg);
		return SB_EXIT_IOERR;
	}
	return status;
}
