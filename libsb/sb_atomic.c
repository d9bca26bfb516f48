#include "sb_atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_PENDING 8

/* Temporary files to remove at exit or on a signal.  Plain char arrays,
 * so the signal handler only calls unlink(2). */
static char pending[MAX_PENDING][4096];
static volatile sig_atomic_t hooked;

static void
cleanup(void)
{
	for (int i = 0; i < MAX_PENDING; i++)
		if (pending[i][0] != '\0')
			unlink(pending[i]);
}

static void
on_signal(int sig)
{
	cleanup();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
hook(void)
{
	if (hooked)
		return;
	hooked = 1;
	atexit(cleanup);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
}

int
sb_atomic_open(struct sb_atomic *a, const char *path, mode_t mode,
    struct sb_err *e)
{
	size_t n = strlen(path);
	int fd, slot;

	memset(a, 0, sizeof(*a));
	a->slot = -1;
	/* A device or FIFO (/dev/stdout, /dev/full, a named pipe) is written
	 * in place: renaming over it would replace the device by a file. */
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		if ((a->path = strdup(path)) == NULL)
			return sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
		if ((a->fp = fopen(path, "w")) == NULL) {
			sb_seterr(e, SB_FATAL, SB_E_IO, "%s: %s", path,
			    strerror(errno));
			sb_atomic_rollback(a);
			return SB_FATAL;
		}
		return SB_OK;
	}
	for (slot = 0; slot < MAX_PENDING && pending[slot][0] != '\0'; slot++)
		;
	if (slot == MAX_PENDING || n + 16 > sizeof pending[0])
		return sb_seterr(e, SB_FATAL, SB_E_USAGE, "%s: too many "
		    "outputs or name too long", path);
	hook();
	a->path = strdup(path);
	a->tmp = malloc(n + 16);
	if (a->path == NULL || a->tmp == NULL)
		goto nomem;
	snprintf(a->tmp, n + 16, "%s.tmp.XXXXXX", path);
	if ((fd = mkstemp(a->tmp)) < 0) {
		sb_seterr(e, SB_FATAL, SB_E_IO, "%s: %s", path,
		    strerror(errno));
		goto fail;
	}
	memcpy(pending[slot], a->tmp, n + 12);
	a->slot = slot;
	if (fchmod(fd, mode) != 0 || (a->fp = fdopen(fd, "w")) == NULL) {
		sb_seterr(e, SB_FATAL, SB_E_IO, "%s: %s", path,
		    strerror(errno));
		close(fd);
		goto fail;
	}
	return SB_OK;
nomem:
	sb_seterr(e, SB_FATAL, SB_E_NOMEM, "out of memory");
fail:
	sb_atomic_rollback(a);
	return SB_FATAL;
}


static void
forget(struct sb_atomic *a)
{
	if (a->slot >= 0)
		pending[a->slot][0] = '\0';
	a->slot = -1;
	free(a->path);
	free(a->tmp);
	a->path = a->tmp = NULL;
}

/* Written in place (not a regular file): only flush and close. */
static int
commit_in_place(struct sb_atomic *a, struct sb_err *e)
{
	FILE *fp = a->fp;
	int bad;

	a->fp = NULL;
	bad = fflush(fp) != 0 || ferror(fp);
	bad |= fclose(fp) != 0;
	if (bad)
		sb_seterr(e, SB_FATAL, SB_E_IO, "%s: %s", a->path,
		    strerror(errno));
	forget(a);
	return bad ? SB_FATAL : SB_OK;
}

int
sb_atomic_commit(struct sb_atomic *a, struct sb_err *e)
{
	FILE *fp = a->fp;

	if (a->tmp == NULL)
		return commit_in_place(a, e);
	a->fp = NULL;
	if (fflush(fp) != 0 || ferror(fp) || fsync(fileno(fp)) != 0) {
		sb_seterr(e, SB_FATAL, SB_E_IO, "%s: %s", a->path,
		    strerror(errno));
		fclose(fp);
		sb_atomic_rollback(a);
		return SB_FATAL;
	}
	if (fclose(fp) != 0 || rename(a->tmp, a->path) != 0) {
		sb_seterr(e, SB_FATAL, SB_E_IO, "%s: %s", a->path,
		    strerror(errno));
		sb_atomic_rollback(a);
		return SB_FATAL;
	}
	forget(a);
	return SB_OK;
}

void
sb_atomic_rollback(struct sb_atomic *a)
{
	if (a->fp != NULL)
		fclose(a->fp);
	a->fp = NULL;
	if (a->tmp != NULL && a->slot >= 0)
		unlink(a->tmp);
	forget(a);
}
