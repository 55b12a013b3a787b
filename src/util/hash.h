/*
 * hash: a string-keyed open-addressing table (ids, glossary terms,
 * citation keys, font caches).  Keys are not copied: they must outlive the
 * table, which they do when both come from the same document arena.
 */
#ifndef FOLIO_UTIL_HASH_H
#define FOLIO_UTIL_HASH_H

#include <stddef.h>

typedef struct folio_hash folio_hash;

folio_hash *hash_new(void);
void hash_free(folio_hash *h);
/* Returns the previous value for key, or NULL. */
void *hash_put(folio_hash *h, const char *key, void *value);
void *hash_get(const folio_hash *h, const char *key);
void *hash_getn(const folio_hash *h, const char *key, size_t len);
size_t hash_count(const folio_hash *h);
/* Iteration in insertion-independent slot order: *pos starts at 0. */
int hash_next(const folio_hash *h, size_t *pos, const char **key, void **value);

unsigned long hash_bytes(const char *s, size_t n);

#endif
