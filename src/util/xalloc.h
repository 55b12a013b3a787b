/*
 * xalloc: allocation that never returns NULL.
 *
 * folio cannot do anything useful after running out of memory, and checking
 * every malloc for NULL hides the real error paths in noise.  These wrappers
 * print one line and exit with status 2 (a system error) instead.
 */
#ifndef FOLIO_UTIL_XALLOC_H
#define FOLIO_UTIL_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
