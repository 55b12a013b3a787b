/*
 * hash: linear probing with a power-of-two capacity kept at most half full,
 * FNV-1a hashing.  Entries are never deleted, which keeps probing simple:
 * documents only ever add names.
 */
#include "util/hash.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

struct slot {
	const char *key;
	size_t len;
	unsigned long hash;
	void *value;
};

struct folio_hash {
	struct slot *slots;
	size_t cap, count;
};

unsigned long hash_bytes(const char *s, size_t n)
{
	unsigned long h = 2166136261UL;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619UL;
	}
	return h;
}

folio_hash *hash_new(void)
{
	folio_hash *h = xcalloc(1, sizeof(*h));
	h->cap = 64;
	h->slots = xcalloc(h->cap, sizeof(struct slot));
	return h;
}

void hash_free(folio_hash *h)
{
	if (h == NULL)
		return;
	free(h->slots);
	free(h);
}

static struct slot *find(const folio_hash *h, const char *key, size_t len,
			 unsigned long hv)
{
	size_t mask = h->cap - 1;
	for (size_t i = hv & mask;; i = (i + 1) & mask) {
		struct slot *s = &h->slots[i];
		if (s->key == NULL)
			return s;
		if (s->hash == hv && s->len == len && memcmp(s->key, key, len) == 0)
			return s;
	}
}

static void grow(folio_hash *h)
{
	struct slot *old = h->slots;
	size_t oldcap = h->cap;
	h->cap *= 2;
	h->slots = xcalloc(h->cap, sizeof(struct slot));
	for (size_t i = 0; i < oldcap; i++) {
		if (old[i].key == NULL)
			continue;
		*find(h, old[i].key, old[i].len, old[i].hash) = old[i];
	}
	free(old);
}

void *hash_put(folio_hash *h, const char *key, void *value)
{
	if (2 * (h->count + 1) > h->cap)
		grow(h);
	size_t len = strlen(key);
	unsigned long hv = hash_bytes(key, len);
	struct slot *s = find(h, key, len, hv);
	if (s->key != NULL) {
		void *prev = s->value;
		s->value = value;
		return prev;
	}
	s->key = key;
	s->len = len;
	s->hash = hv;
	s->value = value;
	h->count++;
	return NULL;
}

void *hash_getn(const folio_hash *h, const char *key, size_t len)
{
	struct slot *s = find(h, key, len, hash_bytes(key, len));
	return s->key ? s->value : NULL;
}

void *hash_get(const folio_hash *h, const char *key)
{
	return hash_getn(h, key, strlen(key));
}

size_t hash_count(const folio_hash *h)
{
	return h->count;
}

int hash_next(const folio_hash *h, size_t *pos, const char **key, void **value)
{
	while (*pos < h->cap) {
		struct slot *s = &h->slots[(*pos)++];
		if (s->key != NULL) {
			*key = s->key;
			*value = s->value;
			return 1;
		}
	}
	return 0;
}
