/* libs: folio_tree folio_util */
/*
 * test_tree: node construction, linking, iteration, attributes and the
 * text of a subtree; plus the utilities under them (arena, strbuf, hash,
 * utf8).
 */
#include "folio/tree.h"
#include "harness.h"
#include "util/arena.h"
#include "util/hash.h"
#include "util/strbuf.h"
#include "util/utf8.h"

#include <stdlib.h>

static folio_loc here(unsigned line)
{
	return (folio_loc){ "t.xml", line, 1 };
}

static void test_kinds(void)
{
	INT_EQ(folio_kind_from_name("para"), FOLIO_NODE_PARA);
	INT_EQ(folio_kind_from_name("glossterm"), FOLIO_NODE_GLOSSTERM);
	INT_EQ(folio_kind_from_name("blink"), FOLIO_NODE_UNKNOWN);
	STR_EQ(folio_kind_name(FOLIO_NODE_ORDEREDLIST), "orderedlist");
	INT_EQ(folio_kind_class(FOLIO_NODE_SECTION), FOLIO_CLASS_DIVISION);
	INT_EQ(folio_kind_class(FOLIO_NODE_EMPHASIS), FOLIO_CLASS_INLINE);
	INT_EQ(folio_kind_class(FOLIO_NODE_INDEXTERM), FOLIO_CLASS_META);
}

/* book > (info > title "T"), para > ("a", emphasis > "b", "c") */
static folio_doc *sample(folio_node **para, folio_node **em)
{
	folio_doc *doc = folio_doc_new("t.xml");
	folio_node *book = folio_node_new(doc, FOLIO_NODE_BOOK, here(1));
	doc->root = book;
	folio_node *info = folio_node_new(doc, FOLIO_NODE_INFO, here(2));
	folio_node *title = folio_node_new(doc, FOLIO_NODE_TITLE, here(2));
	folio_node_append(book, info);
	folio_node_append(info, title);
	folio_node_append(title, folio_text_new(doc, "T", 1, here(2)));
	*para = folio_node_new(doc, FOLIO_NODE_PARA, here(3));
	folio_node_append(book, *para);
	folio_node_append(*para, folio_text_new(doc, "a ", 2, here(3)));
	*em = folio_node_new(doc, FOLIO_NODE_EMPHASIS, here(3));
	folio_node_append(*para, *em);
	folio_node_append(*em, folio_text_new(doc, "b", 1, here(3)));
	folio_node_append(*para, folio_text_new(doc, " c", 2, here(3)));
	return doc;
}

static void test_links_and_queries(void)
{
	folio_node *para, *em;
	folio_doc *doc = sample(&para, &em);
	STR_EQ(folio_node_text(doc, para), "a b c");
	STR_EQ(folio_node_text(doc, folio_node_title(doc->root)), "T");
	OK(em->prev == para->first && em->next == para->last);
	folio_node_unlink(em);
	STR_EQ(folio_node_text(doc, para), "a  c");
	OK(em->parent == NULL && para->first->next == para->last);
	folio_node_insert_before(para->last, em);
	STR_EQ(folio_node_text(doc, para), "a b c");
	folio_node_set_attr(doc, em, "role", "bold");
	folio_node_set_attr(doc, em, "xlink:href", "x");
	folio_node_set_attr(doc, em, "role", "strong");
	STR_EQ(folio_node_attr(em, "role"), "strong");
	STR_EQ(folio_node_attr(em, "xlink:href"), "x");
	OK(folio_node_attr(em, "nope") == NULL);
	folio_doc_free(doc);
}

static void test_iteration(void)
{
	folio_node *para, *em;
	folio_doc *doc = sample(&para, &em);
	/* Events as a string: +kind for enter, -kind for exit. */
	strbuf b = STRBUF_INIT;
	folio_iter it;
	folio_iter_init(&it, doc->root);
	folio_event ev;
	while ((ev = folio_iter_next(&it)) != FOLIO_DONE) {
		sb_putc(&b, ev == FOLIO_ENTER ? '+' : '-');
		sb_puts(&b, it.node->kind == FOLIO_NODE_TEXT ? "t" : it.node->name);
		sb_putc(&b, ' ');
		if (ev == FOLIO_ENTER && it.node->kind == FOLIO_NODE_INFO)
			folio_iter_skip(&it);
	}
	STR_EQ(sb_str(&b), "+book +info -info +para +t +emphasis +t -emphasis +t -para -book ");
	sb_free(&b);

	/* folio_next visits every node once, in document order. */
	unsigned count = 0;
	for (folio_node *n = doc->root; n; n = folio_next(doc->root, n, 0))
		count++;
	INT_EQ(count, 9);
	/* Skipping the info subtree. */
	count = 0;
	for (folio_node *n = doc->root; n;
	     n = folio_next(doc->root, n, n->kind == FOLIO_NODE_INFO))
		count++;
	INT_EQ(count, 7);
	folio_doc_free(doc);
}

/* A tree 100,000 levels deep is walked and freed without recursion. */
static void test_deep_tree(void)
{
	folio_doc *doc = folio_doc_new("deep.xml");
	folio_node *n = folio_node_new(doc, FOLIO_NODE_ARTICLE, here(1));
	doc->root = n;
	for (int i = 0; i < 100000; i++) {
		folio_node *c = folio_node_new(doc, FOLIO_NODE_PHRASE, here(1));
		folio_node_append(n, c);
		n = c;
	}
	folio_node_append(n, folio_text_new(doc, "x", 1, here(1)));
	STR_EQ(folio_node_text(doc, doc->root), "x");
	folio_iter it;
	folio_iter_init(&it, doc->root);
	unsigned events = 0;
	while (folio_iter_next(&it) != FOLIO_DONE)
		events++;
	INT_EQ(events, 2 * 100001 + 1);
	folio_doc_free(doc);
}

static void test_utilities(void)
{
	folio_arena *a = arena_new();
	STR_EQ(arena_printf(a, "%s-%d", "x", 42), "x-42");
	char *big = arena_alloc(a, 1 << 20);
	OK(big[0] == 0 && big[(1 << 20) - 1] == 0);
	arena_free(a);

	strbuf b = STRBUF_INIT;
	sb_put_xml(&b, "a<b & \"c\">", 10);
	STR_EQ(sb_str(&b), "a&lt;b &amp; &quot;c&quot;&gt;");
	sb_free(&b);

	folio_hash *h = hash_new();
	char keys[1000][8];
	for (int i = 0; i < 1000; i++) {
		snprintf(keys[i], sizeof keys[i], "k%d", i);
		hash_put(h, keys[i], (void *)(size_t)(i + 1));
	}
	INT_EQ(hash_count(h), 1000);
	INT_EQ((size_t)hash_get(h, "k737"), 738);
	OK(hash_get(h, "k1000") == NULL);
	hash_free(h);

	uint32_t cp;
	INT_EQ(utf8_decode("\xe2\x80\x9c", 3, &cp), 3);
	INT_EQ(cp, 0x201C);
	INT_EQ(utf8_decode("\xc0\xaf", 2, &cp), 1); /* overlong */
	INT_EQ(cp, 0xFFFD);
	OK(utf8_valid("caf\xc3\xa9", 5));
	OK(!utf8_valid("caf\xe9", 4));
	INT_EQ(utf8_length("caf\xc3\xa9", 5), 4);
	char out[4];
	INT_EQ(utf8_encode(0x1F600, out), 4);
}

int main(void)
{
	test_kinds();
	test_links_and_queries();
	test_iteration();
	test_deep_tree();
	test_utilities();
	DONE();
}
