/*
 * numbering: depth, labels and front/back matter.
 *
 *   - node->depth of every division: 0 for the root, 1 for its children...
 *   - components (article, chapter: "1", "2"...; appendix: "A", "B"...;
 *     part: "I", "II"...) are counted through the whole book; a root
 *     article or book has no label.  Chapters, appendices and parts are
 *     FOLIO_FLAG_NUMBERED (their number is printed by default); articles
 *     and sections are not (a course reader's headings carry their own).
 *   - sections: the parent's label + "." + the section's place among its
 *     sibling sections ("2.1", "2.1.3"); "1", "2" in a root article.
 *     Sections of an unnumbered component (preface, glossary),
 *     simplesects, and sections below the 12th level get no label.
 *   - figures, tables, examples and equations: counted per component,
 *     one count per kind: "2.3" is the third figure of article 2, "3" in
 *     a component without a label.  Footnotes: "1", "2"... per component.
 *   - orderedlist items: numeration (arabic, loweralpha, upperalpha,
 *     lowerroman, upperroman), startingnumber, continuation="continues",
 *     inheritnum="inherit", listitem override.  Procedure steps: arabic,
 *     substeps loweralpha, then lowerroman.  Labels are the bare number
 *     ("b", "iv"); back ends add the punctuation.
 *   - glossary and bibliography with role="database" are hidden;
 *     divisions before the first article/chapter/part are front matter,
 *     after the last one back matter.
 * The walk is an ENTER/EXIT iteration with an explicit stack of open
 * divisions, never recursion.
 */
#include "resolve/resolve.h"
#include "util/arena.h"
#include "util/vec.h"
#include "util/xalloc.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

enum counter { FIGURES, TABLES, EXAMPLES, EQUATIONS, FOOTNOTES, NCOUNTERS };

struct division {
	folio_node *node;
	unsigned sections;          /* numbered child sections so far */
	size_t component;           /* index of the nearest component */
	unsigned count[NCOUNTERS];  /* components only */
	int numbers_sections;       /* its child sections get labels */
};

struct numbering {
	folio_doc *doc;
	folio_diag *diag;
	struct division *stack;
	size_t n, cap;
	unsigned chapters, appendices, parts;
	long *list_end;   /* last number of the previous orderedlist, per
			     orderedlist nesting level */
	size_t list_levels, list_cap;
	size_t list_depth; /* orderedlists open */
};

/* ---- number formats ---- */

static const char *alpha(folio_doc *doc, long n, int upper)
{
	/* bijective base 26: a..z, aa, ab... */
	char buf[32];
	size_t i = sizeof buf - 1;
	buf[i] = '\0';
	while (n > 0 && i > 0) {
		n--;
		buf[--i] = (char)((upper ? 'A' : 'a') + n % 26);
		n /= 26;
	}
	return arena_strdup(doc->arena, buf + i);
}

static const char *roman(folio_doc *doc, long n, int upper)
{
	static const struct { int value; const char *lower, *upper; } digits[] = {
		{ 1000, "m", "M" }, { 900, "cm", "CM" }, { 500, "d", "D" },
		{ 400, "cd", "CD" }, { 100, "c", "C" }, { 90, "xc", "XC" },
		{ 50, "l", "L" }, { 40, "xl", "XL" }, { 10, "x", "X" },
		{ 9, "ix", "IX" }, { 5, "v", "V" }, { 4, "iv", "IV" },
		{ 1, "i", "I" },
	};
	char buf[64] = "";
	size_t len = 0;
	for (size_t d = 0; d < sizeof digits / sizeof digits[0]; d++) {
		while (n >= digits[d].value) {
			const char *s = upper ? digits[d].upper : digits[d].lower;
			size_t sl = strlen(s);
			memcpy(buf + len, s, sl);
			len += sl;
			n -= digits[d].value;
		}
	}
	buf[len] = '\0';
	return arena_strdup(doc->arena, buf);
}

enum numeration { ARABIC, LOWERALPHA, UPPERALPHA, LOWERROMAN, UPPERROMAN };

/* Letters and roman numerals exist only for positive numbers (roman up
 * to 3999); outside that range the number is written in digits. */
static const char *format_number(folio_doc *doc, long n, enum numeration num)
{
	switch (num) {
	case LOWERALPHA:
	case UPPERALPHA:
		if (n > 0)
			return alpha(doc, n, num == UPPERALPHA);
		break;
	case LOWERROMAN:
	case UPPERROMAN:
		if (n > 0 && n < 4000)
			return roman(doc, n, num == UPPERROMAN);
		break;
	case ARABIC:
		break;
	}
	return arena_printf(doc->arena, "%ld", n);
}

/* ---- divisions ---- */

static int is_component(const struct numbering *nb, const folio_node *n)
{
	switch (n->kind) {
	case FOLIO_NODE_ARTICLE: case FOLIO_NODE_CHAPTER:
	case FOLIO_NODE_APPENDIX: case FOLIO_NODE_PART:
	case FOLIO_NODE_PREFACE: case FOLIO_NODE_ACKNOWLEDGEMENTS:
	case FOLIO_NODE_DEDICATION: case FOLIO_NODE_COLOPHON:
		return 1;
	case FOLIO_NODE_GLOSSARY: case FOLIO_NODE_BIBLIOGRAPHY:
	case FOLIO_NODE_INDEX:
		/* the book's own; an article's reference list is part of
		 * the article */
		return nb->n > 0 && (nb->stack[nb->n - 1].node->kind == FOLIO_NODE_BOOK ||
				     nb->stack[nb->n - 1].node->kind == FOLIO_NODE_PART);
	default:
		return 0;
	}
}

static void push_division(struct numbering *nb, folio_node *node, int component)
{
	nb->stack = vec_reserve(nb->stack, &nb->cap, nb->n + 1, sizeof(*nb->stack));
	struct division *d = &nb->stack[nb->n];
	memset(d, 0, sizeof(*d));
	d->node = node;
	d->component = component || nb->n == 0 ? nb->n : nb->stack[nb->n - 1].component;
	nb->n++;
}

/* Deeper sections go unnumbered: "1.2.3.4..." labels would otherwise
 * grow with the depth, and their total size with its square. */
#define MAX_LABEL_PARTS 12

static size_t label_parts(const char *label)
{
	if (label == NULL)
		return 0;
	size_t parts = 1;
	for (const char *p = label; *p; p++)
		parts += *p == '.';
	return parts;
}

static void label_division(struct numbering *nb, folio_node *n)
{
	folio_doc *doc = nb->doc;
	struct division *parent = &nb->stack[nb->n - 1];
	switch (n->kind) {
	case FOLIO_NODE_ARTICLE:
	case FOLIO_NODE_CHAPTER:
		n->label = arena_printf(doc->arena, "%u", ++nb->chapters);
		if (n->kind == FOLIO_NODE_CHAPTER)
			n->flags |= FOLIO_FLAG_NUMBERED;
		break;
	case FOLIO_NODE_APPENDIX:
		n->label = format_number(doc, ++nb->appendices, UPPERALPHA);
		n->flags |= FOLIO_FLAG_NUMBERED;
		break;
	case FOLIO_NODE_PART:
		n->label = format_number(doc, ++nb->parts, UPPERROMAN);
		n->flags |= FOLIO_FLAG_NUMBERED;
		break;
	case FOLIO_NODE_SECTION:
		if (!parent->numbers_sections || label_parts(parent->node->label) >= MAX_LABEL_PARTS)
			break;
		parent->sections++;
		n->label = parent->node->label
			? arena_printf(doc->arena, "%s.%u", parent->node->label, parent->sections)
			: arena_printf(doc->arena, "%u", parent->sections);
		break;
	default:
		break;
	}
}

/* Whose child sections are numbered: the root, labelled components, and
 * labelled sections. */
static int numbers_sections(const folio_node *n, int is_root)
{
	if (is_root)
		return 1;
	switch (n->kind) {
	case FOLIO_NODE_ARTICLE: case FOLIO_NODE_CHAPTER:
	case FOLIO_NODE_APPENDIX: case FOLIO_NODE_SECTION:
		return n->label != NULL;
	default:
		return 0;
	}
}

static void enter_division(struct numbering *nb, folio_node *n)
{
	int is_root = nb->n == 0;
	int component = is_root || is_component(nb, n);
	if (!is_root)
		label_division(nb, n);
	n->depth = (unsigned)nb->n;
	push_division(nb, n, component);
	nb->stack[nb->n - 1].numbers_sections = numbers_sections(n, is_root);
}

/* ---- formal objects and footnotes ---- */

static void count_in_component(struct numbering *nb, folio_node *n, enum counter c)
{
	struct division *comp = &nb->stack[nb->stack[nb->n - 1].component];
	unsigned k = ++comp->count[c];
	const char *prefix = c == FOOTNOTES ? NULL : comp->node->label;
	n->label = prefix ? arena_printf(nb->doc->arena, "%s.%u", prefix, k)
			  : arena_printf(nb->doc->arena, "%u", k);
	n->flags |= FOLIO_FLAG_NUMBERED;
}

/* ---- lists and procedures ---- */

static enum numeration numeration_of(struct numbering *nb, folio_node *list)
{
	const char *v = folio_node_attr(list, "numeration");
	if (v == NULL || strcmp(v, "arabic") == 0)
		return ARABIC;
	if (strcmp(v, "loweralpha") == 0)
		return LOWERALPHA;
	if (strcmp(v, "upperalpha") == 0)
		return UPPERALPHA;
	if (strcmp(v, "lowerroman") == 0)
		return LOWERROMAN;
	if (strcmp(v, "upperroman") == 0)
		return UPPERROMAN;
	folio_report(nb->diag, FOLIO_WARNING, list->loc,
		     "numeration=\"%s\" is not one of arabic, loweralpha, upperalpha, lowerroman, upperroman; arabic is used",
		     v);
	return ARABIC;
}

/* An integer attribute; def when absent, a warning and def when bad. */
static long int_attr(struct numbering *nb, folio_node *n, const char *name, long def)
{
	const char *v = folio_node_attr(n, name);
	if (v == NULL)
		return def;
	char *end;
	errno = 0;
	long x = strtol(v, &end, 10);
	while (*end == ' ')
		end++;
	if (errno || end == v || *end != '\0' || x > INT_MAX / 2 || x < INT_MIN / 2) {
		folio_report(nb->diag, FOLIO_WARNING, n->loc,
			     "%s=\"%s\" is not a whole number; %ld is used", name, v, def);
		return def;
	}
	return x;
}

/* The label of the list item that holds list, for inheritnum. */
static const char *enclosing_item_label(folio_node *list)
{
	for (folio_node *p = list->parent; p; p = p->parent)
		if (p->kind == FOLIO_NODE_LISTITEM)
			return p->label;
	return NULL;
}

static long *list_end_slot(struct numbering *nb, size_t level)
{
	if (level >= nb->list_cap) {
		size_t old = nb->list_cap;
		nb->list_end = vec_reserve(nb->list_end, &nb->list_cap, level + 1,
					   sizeof(*nb->list_end));
		for (size_t i = old; i < nb->list_cap; i++)
			nb->list_end[i] = 0;
	}
	return &nb->list_end[level];
}

static void number_list(struct numbering *nb, folio_node *list)
{
	enum numeration num = numeration_of(nb, list);
	long *end = list_end_slot(nb, nb->list_depth);
	const char *cont = folio_node_attr(list, "continuation");
	long k = cont && strcmp(cont, "continues") == 0
		? *end + 1 : int_attr(nb, list, "startingnumber", 1);
	const char *inherit = folio_node_attr(list, "inheritnum");
	const char *prefix = inherit && strcmp(inherit, "inherit") == 0
		? enclosing_item_label(list) : NULL;
	for (folio_node *item = list->first; item; item = item->next) {
		if (item->kind != FOLIO_NODE_LISTITEM)
			continue;
		k = int_attr(nb, item, "override", k);
		const char *label = format_number(nb->doc, k, num);
		item->label = prefix ? arena_printf(nb->doc->arena, "%s.%s", prefix, label)
				     : label;
		item->flags |= FOLIO_FLAG_NUMBERED;
		*end = k;
		k++;
	}
	/* an empty list leaves the count where it was */
}

static void number_steps(struct numbering *nb, folio_node *list)
{
	size_t level = 0;
	if (list->kind == FOLIO_NODE_SUBSTEPS)
		for (folio_node *p = list; p; p = p->parent)
			if (p->kind == FOLIO_NODE_SUBSTEPS)
				level++;
	enum numeration num = level == 0 ? ARABIC : level == 1 ? LOWERALPHA
		: level == 2 ? LOWERROMAN : ARABIC;
	long k = 1;
	for (folio_node *step = list->first; step; step = step->next) {
		if (step->kind != FOLIO_NODE_STEP)
			continue;
		step->label = format_number(nb->doc, k++, num);
		step->flags |= FOLIO_FLAG_NUMBERED;
	}
}

/* ---- front and back matter ---- */

static int is_body_component(folio_node_kind k)
{
	return k == FOLIO_NODE_ARTICLE || k == FOLIO_NODE_CHAPTER || k == FOLIO_NODE_PART;
}

static void mark_matter(folio_node *root)
{
	folio_node *first = NULL, *last = NULL;
	for (folio_node *c = root->first; c; c = c->next) {
		if (is_body_component(c->kind)) {
			if (first == NULL)
				first = c;
			last = c;
		}
	}
	if (first == NULL)
		return;
	for (folio_node *c = root->first; c != first; c = c->next)
		if (folio_kind_class(c->kind) == FOLIO_CLASS_DIVISION)
			c->flags |= FOLIO_FLAG_FRONTMATTER;
	for (folio_node *c = last->next; c; c = c->next)
		if (folio_kind_class(c->kind) == FOLIO_CLASS_DIVISION)
			c->flags |= FOLIO_FLAG_BACKMATTER;
}

static int is_database(const folio_node *n)
{
	return (n->kind == FOLIO_NODE_GLOSSARY || n->kind == FOLIO_NODE_BIBLIOGRAPHY) &&
	       n->role && strcmp(n->role, "database") == 0;
}

/* ---- the walk ---- */

static void enter(struct numbering *nb, folio_iter *it)
{
	folio_node *n = it->node;
	if (is_database(n))
		n->flags |= FOLIO_FLAG_HIDDEN;
	if (n->flags & FOLIO_FLAG_HIDDEN) {
		folio_iter_skip(it);
		return;
	}
	if (folio_kind_class(n->kind) == FOLIO_CLASS_DIVISION || nb->n == 0) {
		enter_division(nb, n);
		return;
	}
	switch (n->kind) {
	case FOLIO_NODE_FIGURE: count_in_component(nb, n, FIGURES); break;
	case FOLIO_NODE_TABLE: count_in_component(nb, n, TABLES); break;
	case FOLIO_NODE_EXAMPLE: count_in_component(nb, n, EXAMPLES); break;
	case FOLIO_NODE_EQUATION: count_in_component(nb, n, EQUATIONS); break;
	case FOLIO_NODE_FOOTNOTE: count_in_component(nb, n, FOOTNOTES); break;
	case FOLIO_NODE_ORDEREDLIST:
		number_list(nb, n);
		nb->list_depth++;
		break;
	case FOLIO_NODE_PROCEDURE:
	case FOLIO_NODE_SUBSTEPS:
		number_steps(nb, n);
		break;
	default:
		break;
	}
}

static void leave(struct numbering *nb, folio_node *n)
{
	if (n->flags & FOLIO_FLAG_HIDDEN)
		return; /* skipped at its ENTER */
	if (n->kind == FOLIO_NODE_ORDEREDLIST && nb->list_depth > 0) {
		nb->list_depth--;
		return;
	}
	if (nb->n > 0 && nb->stack[nb->n - 1].node == n)
		nb->n--;
}

int pass_numbering(folio_doc *doc, const folio_resolve_opts *opts, folio_diag *diag)
{
	(void)opts;
	if (doc->root == NULL)
		return 0;
	struct numbering nb;
	memset(&nb, 0, sizeof nb);
	nb.doc = doc;
	nb.diag = diag;
	if (doc->root->kind == FOLIO_NODE_BOOK)
		mark_matter(doc->root);
	folio_iter it;
	folio_iter_init(&it, doc->root);
	folio_event ev;
	while ((ev = folio_iter_next(&it)) != FOLIO_DONE) {
		if (it.node->kind == FOLIO_NODE_TEXT)
			continue;
		if (ev == FOLIO_ENTER)
			enter(&nb, &it);
		else
			leave(&nb, it.node);
	}
	free(nb.stack);
	free(nb.list_end);
	return 0;
}
