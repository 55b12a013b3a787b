/*
 * memo.h: a table from byte strings (any bytes, NUL included) to
 * pointers, for the layout's caches: shaped and hyphenated words, set
 * paragraphs.  Keys are copied into the table's own arena; entries are
 * never removed.  Values are the caller's (usually from the same arena,
 * see memo_arena).
 */
#ifndef FOLIO_LAYOUT_MEMO_H
#define FOLIO_LAYOUT_MEMO_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "util/arena.h"

typedef struct lay_memo lay_memo;

lay_memo *memo_new(void);
void memo_free(lay_memo *m);
void *memo_get(const lay_memo *m, const void *key, size_t len);
/* Adds or replaces key's value. */
void memo_put(lay_memo *m, const void *key, size_t len, void *value);
/* The same with the key's hash kept between the two: a miss is looked up
 * and then stored, and the keys (whole paragraphs) are long. */
void *memo_get_hashed(const lay_memo *m, const void *key, size_t len,
		      uint64_t *hash);
void memo_put_hashed(lay_memo *m, const void *key, size_t len, uint64_t hash,
		     void *value);
/* The arena that lives as long as the table. */
folio_arena *memo_arena(lay_memo *m);
size_t memo_count(const lay_memo *m);

/* A key under construction: fixed-size fields and bytes appended. */
typedef struct memo_key {
	unsigned char *b;
	size_t len, cap;
} memo_key;

void key_grow(memo_key *k, size_t n);
static inline void key_bytes(memo_key *k, const void *p, size_t n)
{
	if (k->len + n > k->cap)
		key_grow(k, n);
	memcpy(k->b + k->len, p, n);
	k->len += n;
}
static inline void key_clear(memo_key *k) { k->len = 0; }
static inline void key_int(memo_key *k, int64_t v) { key_bytes(k, &v, sizeof v); }
static inline void key_ptr(memo_key *k, const void *p) { key_bytes(k, &p, sizeof p); }
void key_free(memo_key *k);

#endif
