#include "sb.h"

#include <stdarg.h>
#include <stdio.h>

int
sb_seterr(struct sb_err *e, int status, enum sb_errkind kind,
    const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return status;
	e->kind = kind;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return status;
}
