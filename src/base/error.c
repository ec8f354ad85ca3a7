/* Per-thread error messages behind hs_error_last(). */
#include "hearsay.h"

#include <stdarg.h>
#include <stdio.h>

static _Thread_local char err_msg[1024];

const char *hs_error_last(void) { return err_msg; }

void hs_error_clear(void) { err_msg[0] = 0; }

int hs_error_set(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err_msg, sizeof err_msg, fmt, ap);
    va_end(ap);
    return code;
}

const char *hs_version(void) { return HS_VERSION_STRING; }
