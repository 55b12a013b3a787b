/* libs: folio_backends folio_layout folio_tree folio_util */
/*
 * test_backends: what every back end promises the rest of folio.
 *
 * Every node kind of elements.def (and the generated ones) is handled or
 * explicitly ignored by each back end's table: the EPUB writer's handler
 * tables by kind and the text writer's roles.  A kind added to
 * elements.def without a decision in a back end fails here, naming both.
 *
 * The registry lists a back end that gives a product (the page map)
 * before every back end that takes it, as the command line relies on.
 */
#include "backend/epub/xhtml.h"
#include "backend/text/text.h"
#include "folio/backend.h"
#include "folio/tree.h"
#include "harness.h"

#include <stdio.h>

static const folio_node_kind kinds[] = {
	FOLIO_NODE_UNKNOWN,
#define FOLIO_ELEMENT(kind, name, cls) FOLIO_NODE_##kind,
#include "folio/elements.def"
#undef FOLIO_ELEMENT
	FOLIO_NODE_PI,
	FOLIO_NODE_GEN_LOCATORS,
	FOLIO_NODE_MATHML,
};

#define NKINDS (sizeof kinds / sizeof kinds[0])

static void every_kind_in_epub(void)
{
	for (size_t i = 0; i < NKINDS; i++) {
		harness_checks++;
		if (!xw_kind_named(kinds[i])) {
			harness_failures++;
			fprintf(stderr, "epub: no handler table names <%s> "
				"(src/backend/epub/xhtml*.c)\n", folio_kind_name(kinds[i]));
		}
	}
}

static void every_kind_in_text(void)
{
	for (size_t i = 0; i < NKINDS; i++) {
		int role = text_kind_role(kinds[i]);
		harness_checks++;
		if (role != TEXT_HIDDEN && role != TEXT_BLOCK && role != TEXT_RUN) {
			harness_failures++;
			fprintf(stderr, "text: <%s> has no role "
				"(kind_roles in src/backend/text/text.c)\n",
				folio_kind_name(kinds[i]));
		}
	}
}

/* The kinds list covers every kind there is but NONE and TEXT, which no
 * table is asked about (text nodes are written before any lookup). */
static void kinds_complete(void)
{
	INT_EQ(NKINDS, FOLIO_NODE_KIND_COUNT - 2);
}

static void givers_before_takers(void)
{
	unsigned given = 0;
	int backends = 0;
	for (size_t i = 0; folio_backends[i]; i++) {
		const folio_backend *b = folio_backends[i];
		backends++;
		OK(folio_backend_find(b->name) == b);
		harness_checks++;
		if (b->takes & ~given) {
			harness_failures++;
			fprintf(stderr, "registry: %s takes a product no back end "
				"before it gives\n", b->name);
		}
		given |= b->gives;
	}
	OK(backends >= 3);
	OK(given & FOLIO_PRODUCT_PAGE_MAP);
}

int main(void)
{
	kinds_complete();
	every_kind_in_epub();
	every_kind_in_text();
	givers_before_takers();
	DONE();
}
