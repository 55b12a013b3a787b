/*
 * covercache.h: made covers' PNGs kept between builds (covercache.c).
 */
#ifndef FOLIO_EPUB_COVERCACHE_H
#define FOLIO_EPUB_COVERCACHE_H

#include "util/strbuf.h"

/* The cache file for a key (a SHA-1), or NULL when there is no cache
 * (FOLIO_CACHE_DIR empty, no HOME).  Free it. */
char *covercache_file(const unsigned char key[20]);
/* Adds a font file's name, size and time to the text a key is made of. */
void covercache_key_file(strbuf *key, const char *path);
/* The cached PNG appended to png: 0, or -1 when there is none (file may
 * be NULL). */
int covercache_load(const char *file, strbuf *png);
/* Keeps png under file (NULL: nothing); failures are silent, the cache
 * is only a cache. */
void covercache_store(const char *file, const strbuf *png);

#endif
