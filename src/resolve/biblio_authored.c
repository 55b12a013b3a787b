/*
 * biblio_authored: DocBook's own bibliography model (see
 * biblio_authored.h).  A hand-written list keeps its place and its order,
 * as DocBook XSL prints it; only a structured biblioentry, whose fields
 * carry no punctuation, is written out in the citation style.
 */
#include "resolve/biblio_authored.h"
#include "resolve/collate.h"
#include "resolve/gentree.h"
#include "util/arena.h"
#include "util/hash.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

int biblio_is_authored(const biblio_entry *e)
{
	if (e->shown)
		return 1; /* written already; its source entry is hidden now */
	if (e->node == NULL)
		return 0;
	for (const folio_node *a = e->node; a; a = a->parent)
		if (a->flags & FOLIO_FLAG_HIDDEN)
			return 0;
	return 1;
}

void biblio_abbrev_label(cite_out *o, const biblio_entry *e)
{
	if (e->abbrev)
		out_printf(o, "[%s] ", e->abbrev);
}

static int is_entry(const folio_node *n)
{
	return (n->kind == FOLIO_NODE_BIBLIOENTRY || n->kind == FOLIO_NODE_BIBLIOMIXED) &&
	       !(n->flags & FOLIO_FLAG_GENERATED);
}

/* The entry's position in its whole hand-written list, from 1: counted
 * through the list's bibliodivs, as a numbered style numbers them. */
static unsigned position_in_list(const folio_node *n)
{
	const folio_node *list = n->parent;
	for (const folio_node *a = n->parent; a; a = a->parent)
		if (a->kind == FOLIO_NODE_BIBLIOGRAPHY || a->kind == FOLIO_NODE_BIBLIOLIST)
			list = a;
		else if (a->kind != FOLIO_NODE_BIBLIODIV)
			break;
	unsigned k = 1;
	for (const folio_node *s = list; s && s != n; s = folio_next(list, s, 0))
		k += is_entry(s); /* the source entries, written or not yet */
	return k;
}

/* Text with its runs of white space made one space, as a reader sees
 * it: none at the start of the entry, and none before the punctuation
 * that follows ("1996</pubdate>\n  </bibliomset>." reads "1996."). */
static void put_squeezed(cite_out *o, const char *s)
{
	if (s == NULL)
		return;
	size_t n = strlen(s);
	char *buf = xmalloc(n + 1);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (strchr(" \t\r\n", s[i])) {
			out_textn(o, buf, k);
			k = 0;
			if (o->last != 0 && o->last != ' ')
				out_sep(o, " ");
			continue;
		}
		if (k == 0 && strchr(".,;:)", s[i]))
			o->sep = NULL; /* the space before it was layout */
		buf[k++] = s[i];
	}
	out_textn(o, buf, k);
	free(buf);
}

static int is_title(folio_node_kind k)
{
	return k == FOLIO_NODE_TITLE || k == FOLIO_NODE_CITETITLE ||
	       k == FOLIO_NODE_TITLEABBREV;
}

static int has_own_text(folio_doc *doc, const folio_node *n)
{
	for (const folio_node *c = n->first; c; c = c->next) {
		if (c->kind != FOLIO_NODE_TEXT)
			continue;
		const char *t = folio_node_text(doc, c);
		if (t[strspn(t, " \t\r\n")] != '\0')
			return 1;
	}
	return 0;
}

/* A person's name as DocBook XSL prints it: the author's own text when
 * the name carries punctuation ("Walsh, Norman"), else its parts in
 * reading order, "Norman Walsh". Heap string. */
static char *person_text(folio_doc *doc, const folio_node *who)
{
	const folio_node *pn = folio_node_child(who, FOLIO_NODE_PERSONNAME);
	const folio_node *src = pn ? pn : who;
	if (has_own_text(doc, src) || src->first == NULL)
		return collate_squeeze(folio_node_text(doc, src));
	static const folio_node_kind order[] = {
		FOLIO_NODE_HONORIFIC, FOLIO_NODE_FIRSTNAME, FOLIO_NODE_GIVENNAME,
		FOLIO_NODE_OTHERNAME, FOLIO_NODE_SURNAME, FOLIO_NODE_LINEAGE
	};
	strbuf b = STRBUF_INIT;
	for (size_t k = 0; k < sizeof order / sizeof order[0]; k++)
		for (const folio_node *c = src->first; c; c = c->next) {
			if (c->kind != order[k])
				continue;
			char *part = collate_squeeze(folio_node_text(doc, c));
			if (part[0])
				sb_printf(&b, "%s%s", b.len ? " " : "", part);
			free(part);
		}
	if (b.len == 0) {
		sb_free(&b);
		return collate_squeeze(folio_node_text(doc, src));
	}
	return sb_take(&b);
}

/* An authorgroup's names: "A and B", "A, B, and C" in the entry's
 * language. Heap string. */
static char *group_text(folio_doc *doc, const folio_node *group)
{
	const folio_node *entry = group;
	while (entry->parent && entry->kind != FOLIO_NODE_BIBLIOMIXED)
		entry = entry->parent;
	const folio_lang *lang = folio_lang_get(entry->lang ? entry->lang : doc->lang);
	size_t total = 0;
	for (const folio_node *c = group->first; c; c = c->next)
		total += c->kind != FOLIO_NODE_TEXT;
	strbuf b = STRBUF_INIT;
	size_t i = 0;
	for (const folio_node *c = group->first; c; c = c->next) {
		if (c->kind == FOLIO_NODE_TEXT)
			continue;
		char *name = person_text(doc, c);
		if (i > 0) {
			sb_puts(&b, total > 2 ? ", " : " ");
			if (i + 1 == total)
				sb_printf(&b, "%s ", lang->and_word);
		}
		sb_puts(&b, name);
		free(name);
		i++;
	}
	return sb_take(&b);
}

static int is_person(folio_node_kind k)
{
	return k == FOLIO_NODE_AUTHOR || k == FOLIO_NODE_EDITOR ||
	       k == FOLIO_NODE_OTHERCREDIT || k == FOLIO_NODE_PERSONNAME;
}

/* One field of a bibliomixed: its text (trimmed: the spacing around it
 * is the author's), titles in italics or, for an article, quoted; an
 * abbreviated title in parentheses; a link when it names one. */
static void copy_field(folio_doc *doc, cite_out *o, const folio_node *c,
		       const char *relation)
{
	char *text = c->kind == FOLIO_NODE_AUTHORGROUP ? group_text(doc, c)
		   : is_person(c->kind) ? person_text(doc, c)
		   : collate_squeeze(folio_node_text(doc, c));
	const char *href = folio_node_attr(c, "xlink:href");
	if (c->kind == FOLIO_NODE_URI && href == NULL)
		href = text;
	if (href)
		out_link_begin(o, href, NULL);
	const char *pubwork = folio_node_attr(c, "pubwork");
	int article = (relation && strcmp(relation, "article") == 0) ||
		      (pubwork && strcmp(pubwork, "article") == 0) ||
		      (c->role && strcmp(c->role, "article") == 0);
	if (is_title(c->kind) && article) {
		out_printf(o, "\u201c%s\u201d", text);
	} else if (is_title(c->kind) || c->kind == FOLIO_NODE_EMPHASIS) {
		out_emph_begin(o);
		out_text(o, c->kind == FOLIO_NODE_TITLEABBREV ? "(" : "");
		out_text(o, text[0] ? text : href);
		out_text(o, c->kind == FOLIO_NODE_TITLEABBREV ? ")" : "");
		out_end(o);
	} else {
		out_text(o, text[0] || href == NULL ? text : href);
	}
	if (href)
		out_end(o);
	free(text);
}

/* A bibliomixed's content as written: its text and punctuation kept,
 * titles in italics (an article's in quotation marks, as DocBook XSL
 * sets them), links kept, every other field as its text.  relation is
 * the enclosing bibliomset's. */
static void copy_as_written(folio_doc *doc, cite_out *o, const folio_node *n,
			    const char *relation, int skip_first_abbrev)
{
	int seen_element = 0;
	for (const folio_node *c = n->first; c; c = c->next) {
		if (c->flags & FOLIO_FLAG_HIDDEN)
			continue;
		if (c->kind == FOLIO_NODE_TEXT) {
			put_squeezed(o, folio_node_text(doc, c));
			continue;
		}
		int first = !seen_element;
		seen_element = 1;
		if (c->kind == FOLIO_NODE_ABBREV && first && skip_first_abbrev)
			continue; /* it is the entry's label */
		if (c->kind == FOLIO_NODE_BIBLIOMSET || c->kind == FOLIO_NODE_BIBLIOSET) {
			copy_as_written(doc, o, c, folio_node_attr(c, "relation"), 0);
			continue;
		}
		copy_field(doc, o, c, relation);
	}
}

/* A generated bibliomixed in place of the entry, which is hidden; its id
 * moves there so links land on the printed words. */
static folio_node *replace_entry(folio_doc *doc, biblio_entry *e)
{
	folio_node *old = e->node;
	folio_node *shown = gen_node(doc, NULL, FOLIO_NODE_BIBLIOMIXED, old);
	shown->lang = old->lang ? old->lang : old->parent ? old->parent->lang : doc->lang;
	shown->role = old->role;
	folio_node_insert_before(old, shown);
	old->flags |= FOLIO_FLAG_HIDDEN;
	if (old->id) {
		shown->id = old->id;
		hash_put(doc->ids, shown->id, shown);
	}
	e->shown = shown;
	old->target = shown;
	return shown;
}

/* 1 when the entry opens with its abbrev, DocBook's label. */
static int opens_with_abbrev(const folio_node *n)
{
	for (const folio_node *c = n->first; c; c = c->next)
		if (c->kind != FOLIO_NODE_TEXT)
			return c->kind == FOLIO_NODE_ABBREV;
	return 0;
}

void biblio_as_written(folio_doc *doc, cite_out *o, const biblio_entry *e,
		       unsigned number)
{
	const folio_node *src = e->node;
	int opens = opens_with_abbrev(src);
	if (e->abbrev && opens) {
		/* "[IdNrG]: Gesetz ...", "[RNCTUT] Norman Walsh ...": the
		 * author's punctuation after the label kept, a space added
		 * only where the words would touch */
		const folio_node *a = src->first;
		while (a->kind == FOLIO_NODE_TEXT)
			a = a->next;
		const char *after = a->next && a->next->kind == FOLIO_NODE_TEXT
				  ? folio_node_text(doc, a->next) : "";
		out_printf(o, "[%s]", e->abbrev);
		if (after[0] == '\0' || !strchr(":;,.)", after[0]))
			out_text(o, " ");
	} else if (e->abbrev) {
		biblio_abbrev_label(o, e);
	} else if (number) {
		out_printf(o, "[%u] ", number); /* as the style numbers the rest */
	}
	copy_as_written(doc, o, src, NULL, opens);
}

/* A biblioentry with nothing but its abbrev stands for a work described
 * elsewhere: DocBook XSL prints its label alone. */
int biblio_only_abbrev(const biblio_entry *e)
{
	return e->abbrev && e->title == NULL && e->authors.n == 0 &&
	       e->editors.n == 0 && e->year == NULL && e->container == NULL &&
	       e->url == NULL && e->publisher == NULL;
}

/* A biblioentry's fields in the style's words and punctuation; a
 * bibliomixed as written.  Either after its "[abbrev]" label. */
static void write_entry(folio_doc *doc, const cite_style *style,
			const cite_ctx *ctx, biblio_entry *e)
{
	folio_node *src = e->node;
	folio_node *shown = replace_entry(doc, e);
	cite_out o;
	out_init(&o, doc, shown, src);
	if (src->kind != FOLIO_NODE_BIBLIOENTRY) {
		biblio_as_written(doc, &o, e, style->numeric ? e->shown_number : 0);
	} else if (biblio_only_abbrev(e)) {
		out_printf(&o, "[%s]", e->abbrev);
	} else {
		biblio_abbrev_label(&o, e);
		style->reference(ctx, e, e->abbrev ? 0 : e->shown_number, NULL, &o);
	}
	out_finish(&o);
}

void biblio_format_authored(folio_doc *doc, const cite_style *style,
			    biblio_db *db, cite_accessed accessed,
			    cite_ctx (*ctx_of)(void *arg, const char *lang),
			    void *arg)
{
	for (size_t i = 0; i < db->n; i++) {
		biblio_entry *e = db->v[i];
		if (!biblio_is_authored(e))
			continue;
		e->shown_number = position_in_list(e->node);
		const folio_node *p = e->node->parent;
		const char *lang = e->node->lang ? e->node->lang
				 : p && p->lang ? p->lang : doc->lang;
		cite_ctx ctx = ctx_of(arg, lang);
		ctx.accessed = accessed;
		write_entry(doc, style, &ctx, e);
	}
}

/* "[RNCTUT]" or "[RNCTUT, p. 5]", a link to the entry. */
static void abbrev_citation(const cite_ctx *ctx, const cite_item *it, cite_out *o)
{
	out_link_begin(o, NULL, it->target);
	out_printf(o, "[%s", it->entry->abbrev);
	char *loc = cite_locator_text(ctx, it, 0);
	if (loc)
		out_printf(o, ", %s", loc);
	free(loc);
	out_text(o, "]");
	out_end(o);
}

void biblio_write_citation(const cite_style *style, const cite_ctx *ctx,
			   const cite_item *items, size_t n, cite_form form,
			   cite_out *out)
{
	size_t labelled = 0;
	for (size_t i = 0; i < n; i++)
		labelled += items[i].entry->abbrev != NULL;
	if (labelled == 0) {
		style->citation(ctx, items, n, form, out);
		return;
	}
	if (labelled < n) {
		/* the style's part first, with the works it knows how to cite */
		cite_item *rest = xmalloc((n - labelled) * sizeof(*rest));
		size_t k = 0;
		for (size_t i = 0; i < n; i++)
			if (items[i].entry->abbrev == NULL)
				rest[k++] = items[i];
		style->citation(ctx, rest, k, form, out);
		free(rest);
	}
	size_t written = labelled < n;
	for (size_t i = 0; i < n; i++) {
		if (items[i].entry->abbrev == NULL)
			continue;
		if (written++)
			out_text(out, " ");
		abbrev_citation(ctx, &items[i], out);
	}
}
