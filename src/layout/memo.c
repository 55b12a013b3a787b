/*
 * memo: open addressing with linear probing, a power-of-two capacity kept
 * at most half full, and a 64-bit hash of the key's bytes read eight at a
 * time (keys are words and whole paragraphs: hashing is the hot part).
 */
#include "layout/memo.h"
#include "util/vec.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

typedef struct memo_slot {
	const unsigned char *key; /* NULL: empty */
	size_t len;
	uint64_t hash;
	void *value;
} memo_slot;

struct lay_memo {
	memo_slot *slots;
	size_t cap, count;
	folio_arena *arena;
};

static uint64_t mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h;
}

/* A multiply-rotate over 8-byte words, mixed once at the end: keys are
 * mostly long (whole paragraphs), so the per-word step is kept short. */
static uint64_t hash_key(const unsigned char *p, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ (uint64_t)n;
	while (n >= 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		h = ((h ^ w) * 0x100000001b3ULL);
		h = (h << 29) | (h >> 35);
		p += 8;
		n -= 8;
	}
	uint64_t w = 0;
	memcpy(&w, p, n);
	h = (h ^ w ^ ((uint64_t)n << 56)) * 0xc4ceb9fe1a85ec53ULL;
	return mix(h);
}

lay_memo *memo_new(void)
{
	lay_memo *m = xcalloc(1, sizeof(*m));
	m->cap = 1024;
	m->slots = xcalloc(m->cap, sizeof(memo_slot));
	m->arena = arena_new();
	return m;
}

void memo_free(lay_memo *m)
{
	if (m == NULL)
		return;
	free(m->slots);
	arena_free(m->arena);
	free(m);
}

folio_arena *memo_arena(lay_memo *m)
{
	return m->arena;
}

size_t memo_count(const lay_memo *m)
{
	return m->count;
}

static memo_slot *find(const lay_memo *m, const void *key, size_t len,
		       uint64_t h)
{
	size_t mask = m->cap - 1;
	for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
		memo_slot *s = &m->slots[i];
		if (s->key == NULL)
			return s;
		if (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0)
			return s;
	}
}

static void grow(lay_memo *m)
{
	memo_slot *old = m->slots;
	size_t oldcap = m->cap;
	m->cap *= 2;
	m->slots = xcalloc(m->cap, sizeof(memo_slot));
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].key)
			*find(m, old[i].key, old[i].len, old[i].hash) = old[i];
	free(old);
}

void *memo_get_hashed(const lay_memo *m, const void *key, size_t len,
		      uint64_t *hash)
{
	*hash = hash_key(key, len);
	memo_slot *s = find(m, key, len, *hash);
	return s->key ? s->value : NULL;
}

void *memo_get(const lay_memo *m, const void *key, size_t len)
{
	uint64_t h;
	return memo_get_hashed(m, key, len, &h);
}

void memo_put(lay_memo *m, const void *key, size_t len, void *value)
{
	memo_put_hashed(m, key, len, hash_key(key, len), value);
}

void memo_put_hashed(lay_memo *m, const void *key, size_t len, uint64_t h,
		     void *value)
{
	if (2 * (m->count + 1) > m->cap)
		grow(m);
	memo_slot *s = find(m, key, len, h);
	if (s->key == NULL) {
		unsigned char *copy = arena_alloc(m->arena, len ? len : 1);
		memcpy(copy, key, len);
		s->key = copy;
		s->len = len;
		s->hash = h;
		m->count++;
	}
	s->value = value;
}

void key_grow(memo_key *k, size_t n)
{
	k->b = vec_reserve(k->b, &k->cap, k->len + n, 1);
}

void key_free(memo_key *k)
{
	free(k->b);
	k->b = NULL;
	k->len = k->cap = 0;
}
