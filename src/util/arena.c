/*
 * arena: chained blocks; a request larger than a block gets a block of its own
 * so that one huge string does not waste the rest of a normal block.
 */
#include "util/arena.h"
#include "util/xalloc.h"

#include <stdalign.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#define BLOCK_SIZE (64 * 1024)

struct block {
	struct block *next;
	size_t size, used;
	alignas(max_align_t) unsigned char data[];
};

struct folio_arena {
	struct block *head;
};

folio_arena *arena_new(void)
{
	return xcalloc(1, sizeof(folio_arena));
}

void arena_free(folio_arena *a)
{
	if (a == NULL)
		return;
	struct block *b = a->head;
	while (b != NULL) {
		struct block *next = b->next;
		free(b);
		b = next;
	}
	free(a);
}

static struct block *block_new(size_t size)
{
	struct block *b = xmalloc(sizeof(struct block) + size);
	b->next = NULL;
	b->size = size;
	b->used = 0;
	return b;
}

void *arena_alloc(folio_arena *a, size_t n)
{
	const size_t align = alignof(max_align_t);
	n = (n + align - 1) & ~(align - 1);
	if (n == 0)
		n = align;
	struct block *b = a->head;
	if (b == NULL || b->size - b->used < n) {
		if (n > BLOCK_SIZE / 4) {
			/* A large object gets its own block, kept behind the
			 * current one so the current block stays in use. */
			struct block *big = block_new(n);
			big->used = n;
			if (b == NULL) {
				a->head = big;
			} else {
				big->next = b->next;
				b->next = big;
			}
			memset(big->data, 0, n);
			return big->data;
		}
		b = block_new(BLOCK_SIZE);
		b->next = a->head;
		a->head = b;
	}
	void *p = b->data + b->used;
	b->used += n;
	memset(p, 0, n);
	return p;
}

char *arena_strndup(folio_arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(folio_arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *arena_vprintf(folio_arena *a, const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		n = 0;
	char *p = arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *arena_printf(folio_arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}
