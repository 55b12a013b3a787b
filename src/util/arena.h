/*
 * arena: a bump allocator for everything that lives as long as a document.
 *
 * The tree, its strings and the resolve passes' results all die together
 * when the document is freed, so they come from one arena and are released
 * in one call.  Nothing allocated here is ever freed on its own.
 */
#ifndef FOLIO_UTIL_ARENA_H
#define FOLIO_UTIL_ARENA_H

#include <stdarg.h>
#include <stddef.h>

typedef struct folio_arena folio_arena;

folio_arena *arena_new(void);
void arena_free(folio_arena *a);

/* Zeroed memory, aligned for any object. */
void *arena_alloc(folio_arena *a, size_t n);
char *arena_strdup(folio_arena *a, const char *s);
char *arena_strndup(folio_arena *a, const char *s, size_t n);
char *arena_printf(folio_arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *arena_vprintf(folio_arena *a, const char *fmt, va_list ap);


#endif
