/*
 * nodemap: what the EPUB back end knows about individual nodes (is it a
 * link target, which file holds its anchor, on which print page), keyed
 * by the node's address.  The tree is shared with other back ends, so
 * these facts live here rather than on the nodes.
 *
 * Open addressing over pointers; entries sit in slabs so their addresses
 * stay valid while the table grows.
 */
#include "backend/epub/epub.h"
#include "util/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SLAB_ENTRIES 1024

typedef struct slab {
	struct slab *next;
	unsigned used;
	epub_nodeinfo entries[SLAB_ENTRIES];
} slab;

struct epub_nodemap {
	epub_nodeinfo **slots;
	size_t cap;   /* a power of two */
	size_t count;
	slab *slabs;
};

static size_t slot_of(const folio_node *n, size_t cap)
{
	/* Node addresses are arena-aligned; mix the bits so neighbours
	 * spread over the table. */
	uint64_t x = (uint64_t)(uintptr_t)n;
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return (size_t)x & (cap - 1);
}

epub_nodemap *nodemap_new(void)
{
	epub_nodemap *m = xcalloc(1, sizeof(*m));
	m->cap = 1024;
	m->slots = xcalloc(m->cap, sizeof(*m->slots));
	return m;
}

void nodemap_free(epub_nodemap *m)
{
	if (m == NULL)
		return;
	for (slab *s = m->slabs, *next; s; s = next) {
		next = s->next;
		free(s);
	}
	free(m->slots);
	free(m);
}

static void grow(epub_nodemap *m)
{
	size_t cap = m->cap * 2;
	epub_nodeinfo **slots = xcalloc(cap, sizeof(*slots));
	for (size_t i = 0; i < m->cap; i++) {
		epub_nodeinfo *e = m->slots[i];
		if (e == NULL)
			continue;
		size_t j = slot_of(e->node, cap);
		while (slots[j])
			j = (j + 1) & (cap - 1);
		slots[j] = e;
	}
	free(m->slots);
	m->slots = slots;
	m->cap = cap;
}

epub_nodeinfo *nodemap_find(const epub_nodemap *m, const folio_node *n)
{
	size_t i = slot_of(n, m->cap);
	for (epub_nodeinfo *e; (e = m->slots[i]) != NULL; i = (i + 1) & (m->cap - 1))
		if (e->node == n)
			return e;
	return NULL;
}

static epub_nodeinfo *new_entry(epub_nodemap *m)
{
	if (m->slabs == NULL || m->slabs->used == SLAB_ENTRIES) {
		slab *s = xmalloc(sizeof(*s));
		s->next = m->slabs;
		s->used = 0;
		m->slabs = s;
	}
	epub_nodeinfo *e = &m->slabs->entries[m->slabs->used++];
	memset(e, 0, sizeof(*e));
	e->chunk = -1;
	e->page = -1;
	return e;
}

epub_nodeinfo *nodemap_get(epub_nodemap *m, const folio_node *n)
{
	epub_nodeinfo *e = nodemap_find(m, n);
	if (e)
		return e;
	if ((m->count + 1) * 2 > m->cap)
		grow(m);
	size_t i = slot_of(n, m->cap);
	while (m->slots[i])
		i = (i + 1) & (m->cap - 1);
	e = new_entry(m);
	e->node = n;
	m->slots[i] = e;
	m->count++;
	return e;
}
