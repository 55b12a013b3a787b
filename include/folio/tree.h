/*
 * tree.h: folio's document tree, the one contract between the front end
 * (read, resolve) and the back ends.
 *
 * A document is a tree of nodes with parent/child/sibling links.  Element
 * nodes carry the kind of DocBook element they came from (elements.def),
 * text nodes carry UTF-8 text.  Every node knows the file, line and column
 * it was read from.  Resolve passes add what they compute (numbers, link
 * targets, generated glossary and bibliography content) to the same tree;
 * generated nodes carry FOLIO_FLAG_GENERATED and point at the node that
 * caused them.
 *
 * All nodes and strings live in the document's arena and die with
 * folio_doc_free().  Nothing here is recursive: a walk uses folio_next(),
 * because nesting depth comes from the sources.
 */
#ifndef FOLIO_TREE_H
#define FOLIO_TREE_H

#include <stddef.h>
#include <stdio.h>

#include "folio/diag.h"

typedef enum folio_node_kind {
	FOLIO_NODE_NONE = 0,
	FOLIO_NODE_TEXT,    /* character data: text/len */
	FOLIO_NODE_UNKNOWN, /* an element outside the subset: name says which */
#define FOLIO_ELEMENT(kind, name, cls) FOLIO_NODE_##kind,
#include "folio/elements.def"
#undef FOLIO_ELEMENT
	/* Nodes that resolve passes make; they have no DocBook name. */
	FOLIO_NODE_GEN_LOCATORS, /* where a glossary or index entry is used:
				    refs[0..nrefs) are the places */
	/* Read, but not DocBook: an element of MathML's namespace, name its
	   local name ("mfrac"), attributes as written (folio/mathml.h). */
	FOLIO_NODE_MATHML,
	FOLIO_NODE_PI,           /* a processing instruction folio honours
				    (src/read/sax.c): name is its target,
				    attributes its pseudo-attributes */
	FOLIO_NODE_KIND_COUNT
} folio_node_kind;

typedef enum folio_class {
	FOLIO_CLASS_NONE,
	FOLIO_CLASS_DIVISION,
	FOLIO_CLASS_BLOCK,
	FOLIO_CLASS_INLINE,
	FOLIO_CLASS_META,
	FOLIO_CLASS_PART
} folio_class;

enum folio_node_flags {
	FOLIO_FLAG_GENERATED = 1u << 0, /* made by resolve, not read */
	FOLIO_FLAG_HIDDEN = 1u << 1,    /* kept for reference, never printed
					   (databases, resolved-away nodes) */
	FOLIO_FLAG_NUMBERED = 1u << 2,  /* label holds a number to print */
	FOLIO_FLAG_FRONTMATTER = 1u << 3, /* before the first article/chapter */
	FOLIO_FLAG_BACKMATTER = 1u << 4,  /* after the last article/chapter */
	FOLIO_FLAG_FOREIGN = 1u << 5,   /* outside DocBook's namespace */
	FOLIO_FLAG_FIRST_USE = 1u << 6, /* a glossary term's first use in its
					   article or chapter (resolve/gloss.c;
					   glossterm.first-use-only) */
	FOLIO_FLAG_WRAPPER = 1u << 7    /* a book the reader made around a
					   component root (src/read/roots.c):
					   the component prints the title, so
					   no title page or imprint of its own */
};

typedef struct folio_attr {
	const char *name;  /* local name, or "xlink:href", "xml:base" */
	const char *value; /* UTF-8 */
} folio_attr;

typedef struct folio_node folio_node;

struct folio_node {
	folio_node_kind kind;
	unsigned flags;        /* enum folio_node_flags */
	const char *name;      /* element name as written (sect1, para, ...) */
	folio_node *parent, *first, *last, *prev, *next;

	const char *text; /* TEXT: the characters (not NUL-terminated in
			     general; use len) */
	size_t len;       /* TEXT: byte length of text */

	const char *id;   /* xml:id, NULL when absent */
	const char *lang; /* xml:lang in force here (inherited), never NULL
			     after resolve */
	const char *role; /* role attribute, NULL when absent */
	folio_attr *attrs; /* every other attribute, in source order */
	unsigned nattrs;

	folio_loc loc; /* where the element starts in its source file */

	/* Filled in by resolve. */
	const char *label;  /* a number or label to print: "2.3", "b", "12" */
	unsigned depth;     /* divisions: 0 for the root, 1 for its children */
	folio_node *target; /* xref, link, glossterm, footnoteref, citation:
			       the node it points at */
	folio_node *origin; /* generated nodes: the source node behind them */
	folio_node **refs;  /* GEN_LOCATORS: the nodes whose places are listed */
	unsigned nrefs;
	unsigned serial;    /* document order of the node, from 1 */
};

typedef struct folio_doc folio_doc;

struct folio_arena; /* src/util/arena.h */

struct folio_doc {
	struct folio_arena *arena;
	folio_node *root;
	const char *path;    /* the main source file as given */
	const char *dir;     /* the folder that confines every file read */
	int allow_outside;   /* files may lie outside dir (--allow-outside):
				includes, images and databases alike */
	const char *lang;    /* the root's language (after resolve; "en" when
				the root has no xml:lang) */
	struct folio_hash *ids;  /* xml:id -> node (src/util/hash.h) */
	unsigned node_count;
	/* Resolve's products that are not nodes. */
	folio_node *glossary;      /* the generated glossary, or NULL */
	folio_node *bibliography;  /* the consolidated reference list, or NULL */
	folio_node *index;         /* the generated index, or NULL */
	size_t hint_work;          /* work spent on "did you mean" hints
				      (src/resolve/nearest.h) */
};

/* Node kinds by name and back: "para" -> FOLIO_NODE_PARA. */
folio_node_kind folio_kind_from_name(const char *name);
const char *folio_kind_name(folio_node_kind kind);
folio_class folio_kind_class(folio_node_kind kind);

/* Document and node construction (read and resolve use these). */
folio_doc *folio_doc_new(const char *path);
void folio_doc_free(folio_doc *doc);
folio_node *folio_node_new(folio_doc *doc, folio_node_kind kind, folio_loc loc);
folio_node *folio_text_new(folio_doc *doc, const char *text, size_t len,
			   folio_loc loc);
void folio_node_append(folio_node *parent, folio_node *child);
void folio_node_insert_before(folio_node *sibling, folio_node *child);
void folio_node_unlink(folio_node *node);
void folio_node_set_attr(folio_doc *doc, folio_node *node, const char *name,
			 const char *value);
/* Copies a string into the document's arena. */
const char *folio_doc_strdup(folio_doc *doc, const char *s);

/* Queries. */
const char *folio_node_attr(const folio_node *node, const char *name);
folio_node *folio_node_child(const folio_node *node, folio_node_kind kind);
/* Writing direction (DocBook 5.1's dir attribute: ltr, rtl, lro, rlo). */
typedef enum folio_dir {
	FOLIO_DIR_NONE, /* the node sets none: it keeps its parent's */
	FOLIO_DIR_LTR,
	FOLIO_DIR_RTL,
	FOLIO_DIR_LRO,  /* left to right, overriding the characters' own */
	FOLIO_DIR_RLO
} folio_dir;
/* The direction node itself sets: its dir attribute; else, where its
 * xml:lang turns the direction of its parent's language (ar inside id),
 * the direction of that language.  An unknown dir value sets none. */
folio_dir folio_node_own_dir(const folio_node *node);
/* The direction in force at node, from its nearest ancestor (itself
 * included) that sets one, else from the document's language: never
 * FOLIO_DIR_NONE. */
folio_dir folio_node_dir(const folio_node *node);
/* What joins the element children of parent where the source has no
 * text between them: " → " in a menuchoice, "+" (or by its action) in
 * a keycombo, ", " in an inline simplelist; NULL for any other parent. */
const char *folio_joiner(const folio_node *parent);
/* The joiner to write before n: its parent's, when an element comes
 * before n there; NULL otherwise. */
const char *folio_joiner_before(const folio_node *n);
/* A simplelist's columns: columns="n" (at most FOLIO_SIMPLELIST_MAX_COLS)
 * for type horiz or vert, 1 (a list, one member a line) otherwise;
 * *across is set for horiz (the members fill rows, not columns). */
#define FOLIO_SIMPLELIST_MAX_COLS 12
int folio_simplelist_columns(const folio_node *list, int *across);
/* The segtitle a seg stands under: the segmentedlist's segtitle of the
 * same place as the seg in its seglistitem; NULL when there is none. */
folio_node *folio_seg_title(const folio_node *seg);
/* The title of a division, figure, table...: its title child, or the title
 * inside its info child.  NULL when there is none. */
folio_node *folio_node_title(const folio_node *node);
folio_node *folio_node_info_child(const folio_node *node, folio_node_kind kind);
folio_node *folio_doc_find_id(const folio_doc *doc, const char *id);
/* Concatenated text of a subtree, into a new arena string (for running
 * heads, outline entries, sort keys).  Skips hidden and META subtrees
 * other than the node itself. */
const char *folio_node_text(folio_doc *doc, const folio_node *node);
/* A person's or organisation's name from author, editor, othercredit,
 * personname or orgname: the name's parts joined by single spaces
 * ("Ratna Dewi Kusumawardani"), white space collapsed; an arena string. */
const char *folio_person_name(folio_doc *doc, const folio_node *who);
/* Who wrote a division (src/tree/credits.c): the names of the authors
 * (author, corpauthor, in authorgroup too) of its info, or with editors
 * set of its editors, joined as the reader's language says a list: "A",
 * "A dan B", "A, B dan C" (and_word from folio_lang); an arena string,
 * NULL when the info names nobody.  div may be an authorgroup itself. */
const char *folio_authors_text(folio_doc *doc, const folio_node *div, int editors,
			       const char *and_word);
/* The distinct affiliations of those people, each one line ("Departemen
 * Gizi, Universitas Andalas"), at most max into out; returns how many. */
unsigned folio_authors_affiliations(folio_doc *doc, const folio_node *div, int editors,
				    const char **out, unsigned max);
/* The words of an xref's xrefstyle="select: label title page" (DocBook
 * XSL's convention; src/tree/xrefstyle.c) as FOLIO_XS_ flags: 0 for none,
 * FOLIO_XS_UNKNOWN set for a value not starting "select:" or a word
 * folio does not know. */
enum {
	FOLIO_XS_LABEL = 1 << 0,       /* "Gambar 1.2" */
	FOLIO_XS_LABELNUMBER = 1 << 1, /* "1.2" */
	FOLIO_XS_TITLE = 1 << 2,
	FOLIO_XS_QUOTEDTITLE = 1 << 3,
	FOLIO_XS_PAGE = 1 << 4,        /* the page in the style's form */
	FOLIO_XS_PAGEABBREV = 1 << 5,  /* "hlm. 7" */
	FOLIO_XS_PAGENUMBER = 1 << 6,  /* "7" */
	FOLIO_XS_NOPAGE = 1 << 7,
	FOLIO_XS_UNKNOWN = 1 << 8,
};
unsigned folio_xrefstyle_select(const char *xrefstyle);
/* 1 when some division below the root names an author who is not one of
 * the root's editors or authors: a reader of collected articles, whose
 * contents and openings show who wrote each (the styles' `auto`). */
int folio_articles_have_authors(folio_doc *doc);
/* s with runs of white space made one space and the ends trimmed, into
 * the arena. */
const char *folio_collapse_space(folio_doc *doc, const char *s);
/* s with its first letter made upper case, for a generated word that
 * starts a line ("lihat juga" -> "Lihat juga").  The generated words of
 * lang.h begin with ASCII letters; anything else is returned as it is. */
const char *folio_capitalize(folio_doc *doc, const char *s);

/* Pre-order walk without recursion: the node after n in document order
 * below top, or NULL at the end.  With skip_children set, n's subtree is
 * skipped. */
folio_node *folio_next(const folio_node *top, const folio_node *n,
		       int skip_children);

/* ENTER/EXIT iteration (each element is entered, then exited after its
 * children; text nodes are only entered). */
typedef enum folio_event { FOLIO_ENTER, FOLIO_EXIT, FOLIO_DONE } folio_event;
typedef struct folio_iter {
	const folio_node *top;
	folio_node *node;
	folio_event event;
	int skipping;    /* the next step is the EXIT of node */
} folio_iter;
void folio_iter_init(folio_iter *it, const folio_node *top);
/* Advances; returns FOLIO_DONE at the end.  Call folio_iter_skip() after
 * an ENTER to go straight to that node's EXIT. */
folio_event folio_iter_next(folio_iter *it);
void folio_iter_skip(folio_iter *it);

/* The tree as text, one node a line (src/tree/dump.c), for golden files
 * and debugging: FOLIO_DUMP_TREE=FILE makes the folio command write it. */
void folio_tree_dump(FILE *out, const folio_doc *doc);

#endif
