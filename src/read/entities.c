/*
 * entities: internal entities are measured before any is expanded.
 *
 * libxml2 guards against entity-expansion bombs, but only while it
 * expands, and some of its paths (entities in attribute values, or the
 * parse that goes on after a fatal error) spend seconds before the guard
 * trips.  Once the internal subset is read, each declared entity's full
 * expansion is computed here from the declarations alone: its own text plus
 * the expansions of the entities it names.  An entity that would expand to
 * more than READ_MAX_ENTITY_BYTES, or that refers to itself, stops the
 * parse at its declaration, before a single reference is expanded.
 *
 * The computation walks the references with an explicit stack (entities
 * may refer to each other in long chains) and remembers each entity's
 * size, so it is linear in the size of the declarations.
 */
#include "read/read.h"
#include "util/hash.h"
#include "util/vec.h"
#include "util/xalloc.h"

#include <libxml/entities.h>
#include <libxml/parserInternals.h>
#include <stdlib.h>
#include <string.h>

enum { UNSEEN, OPEN, DONE };

struct measure {
	int state;
	size_t size; /* saturates at READ_MAX_ENTITY_BYTES + 1 */
};

struct walk {
	const xmlChar *name;      /* the entity being measured */
	const xmlChar *at;        /* where in its content we are */
	struct measure *m;
};

static size_t add_capped(size_t a, size_t b)
{
	size_t cap = READ_MAX_ENTITY_BYTES + 1;
	return a >= cap || b >= cap || a + b >= cap ? cap : a + b;
}

/* The next general entity reference in s ("&name;"), skipping character
 * references; NULL at the end.  *name and *len receive the name. */
static const xmlChar *next_reference(const xmlChar *s, const xmlChar **name,
				     size_t *len, size_t *text_before)
{
	const xmlChar *start = s;
	for (; *s; s++) {
		if (*s != '&' || s[1] == '#')
			continue;
		const xmlChar *end = (const xmlChar *)strchr((const char *)s, ';');
		if (end == NULL)
			break;
		*name = s + 1;
		*len = (size_t)(end - s - 1);
		*text_before = (size_t)(s - start);
		return end + 1;
	}
	*text_before = (size_t)(s - start);
	return NULL;
}

struct checker {
	source *s;
	folio_hash *seen;       /* entity name -> struct measure */
	struct measure **owned; /* to free */
	size_t nowned, cap_owned;
	struct walk *stack;
	size_t depth, cap_stack;
};

static struct measure *measure_of(struct checker *c, const xmlChar *name)
{
	struct measure *m = hash_get(c->seen, (const char *)name);
	if (m)
		return m;
	m = xcalloc(1, sizeof(*m));
	hash_put(c->seen, (const char *)name, m);
	c->owned = vec_reserve(c->owned, &c->cap_owned, (size_t)c->nowned + 1,
			       sizeof(*c->owned));
	c->owned[c->nowned++] = m;
	return m;
}

static void push(struct checker *c, xmlEntityPtr e, struct measure *m)
{
	c->stack = vec_reserve(c->stack, &c->cap_stack, (size_t)c->depth + 1,
			       sizeof(*c->stack));
	m->state = OPEN;
	m->size = 0;
	c->stack[c->depth++] = (struct walk){ e->name, e->content ? e->content : BAD_CAST "", m };
}

/* Measures the entity name (and all it refers to).  Returns 0, or -1
 * when it refers to itself (*looping names the entity that closes the
 * loop). */
static int measure(struct checker *c, const xmlChar *name, const xmlChar **looping)
{
	xmlDocPtr doc = c->s->ctxt->myDoc;
	xmlEntityPtr e = xmlGetDocEntity(doc, name);
	if (e == NULL || e->etype != XML_INTERNAL_GENERAL_ENTITY)
		return 0;
	struct measure *top = measure_of(c, e->name);
	if (top->state != UNSEEN)
		return 0;
	push(c, e, top);
	while (c->depth > 0) {
		struct walk *w = &c->stack[c->depth - 1];
		const xmlChar *ref;
		size_t len, before;
		const xmlChar *next = next_reference(w->at, &ref, &len, &before);
		w->m->size = add_capped(w->m->size, before);
		if (next == NULL || w->m->size > READ_MAX_ENTITY_BYTES) {
			/* done with this one: its size counts in its parent */
			w->m->state = DONE;
			struct measure *done = w->m;
			c->depth--;
			if (c->depth > 0) {
				struct measure *parent = c->stack[c->depth - 1].m;
				parent->size = add_capped(parent->size, done->size);
			}
			continue;
		}
		w->at = next;
		char key[512];
		if (len >= sizeof key) {
			w->m->size = add_capped(w->m->size, len + 2);
			continue;
		}
		memcpy(key, ref, len);
		key[len] = '\0';
		xmlEntityPtr r = xmlGetDocEntity(doc, BAD_CAST key);
		if (r == NULL || r->etype != XML_INTERNAL_GENERAL_ENTITY) {
			/* predefined (&amp;), undeclared (libxml2 reports it) or
			 * external (refused at its declaration): one character */
			w->m->size = add_capped(w->m->size, 1);
			continue;
		}
		struct measure *m = measure_of(c, r->name);
		if (m->state == OPEN) {
			*looping = r->name;
			return -1;
		}
		if (m->state == DONE) {
			w->m->size = add_capped(w->m->size, m->size);
			continue;
		}
		push(c, r, m);
	}
	return 0;
}

static const struct entity_decl *decl_named(const source *s, const char *name)
{
	for (size_t i = 0; i < s->ndecls; i++)
		if (strcmp(s->decls[i].name, name) == 0)
			return &s->decls[i];
	return NULL;
}

int entities_check(source *s)
{
	if (s->ndecls == 0 || s->ctxt->myDoc == NULL)
		return 0;
	struct checker c;
	memset(&c, 0, sizeof c);
	c.s = s;
	c.seen = hash_new();
	int rc = 0;
	for (size_t i = 0; i < s->ndecls && rc == 0; i++) {
		const xmlChar *looping = NULL;
		const struct entity_decl *d = &s->decls[i];
		if (measure(&c, BAD_CAST d->name, &looping) != 0) {
			const struct entity_decl *at = decl_named(s, (const char *)looping);
			read_error(s, at ? at->loc : d->loc,
				   "entity expansion refused: the entity '%s' refers to itself, directly or through other entities",
				   (const char *)looping);
			rc = -1;
			break;
		}
		struct measure *m = hash_get(c.seen, d->name);
		if (m && m->size > READ_MAX_ENTITY_BYTES) {
			read_error(s, d->loc,
				   "entity expansion refused: the entity '%s' would expand to more than %u MB of text (an entity-expansion bomb?)",
				   d->name, READ_MAX_ENTITY_BYTES >> 20);
			rc = -1;
		}
	}
	for (size_t i = 0; i < c.nowned; i++)
		free(c.owned[i]);
	free(c.owned);
	free(c.stack);
	hash_free(c.seen);
	return rc;
}
