/*
 * An LD_PRELOAD shim for the tests: pthread_create always fails with
 * EAGAIN, as it does when a system runs out of threads or memory, so that
 * the tools' internal-error path (exit 70) can be tested on purpose.
 */
#include <errno.h>
#include <pthread.h>

int
pthread_create(pthread_t *t, const pthread_attr_t *a, void *(*fn)(void *),
    void *arg)
{
	(void)t;
	(void)a;
	(void)fn;
	(void)arg;
	return EAGAIN;
}
