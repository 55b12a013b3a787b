/*
 * hyphcache.h: libhyphen's dictionaries, compiled once and kept.
 *
 * libhyphen turns a .dic file of Liang patterns into a state machine each
 * time it loads one: about 9 ms of work per dictionary, as much as
 * setting a third of the sample reader, on every build.  TeX keeps its
 * patterns compiled in format files for the same reason.  The machine
 * libhyphen built is written, as it is, to a cache file named after the
 * dictionary and the checksum of its bytes; a later build reads it back
 * in well under a millisecond.  Hyphenation itself stays libhyphen's
 * (hnj_hyphen_hyphenate3 over the same states), so the breaks cannot
 * differ.
 *
 * The cache is $FOLIO_CACHE_DIR, else $XDG_CACHE_HOME/folio, else
 * ~/.cache/folio; FOLIO_CACHE_DIR set to the empty string turns it off.
 * A file that does not match (another dictionary, another layout of
 * libhyphen's structures, a damaged file) is ignored and rewritten.  A
 * cache that cannot be written costs nothing but the time.
 */
#ifndef FOLIO_LAYOUT_HYPHCACHE_H
#define FOLIO_LAYOUT_HYPHCACHE_H

#include <stddef.h>

#include <hyphen.h>

/* The compiled dictionary of the .dic file at path, from the cache, or
 * NULL.  Free it with hyphcache_free, never hnj_hyphen_free. */
HyphenDict *hyphcache_load(const char *path);
/* Keeps dict, which libhyphen loaded from path, in the cache. */
void hyphcache_store(const char *path, const HyphenDict *dict);
void hyphcache_free(HyphenDict *dict);

/* The cache file for a dictionary whose bytes are data[0..n), or NULL
 * when the cache is turned off (malloc'd; for tests). */
char *hyphcache_file(const char *path, const unsigned char *data, size_t n);

#endif
