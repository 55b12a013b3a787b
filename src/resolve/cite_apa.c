/*
 * cite_apa: APA 7th edition, the default style, in the reader's language
 * (rules: doc/citations.md, "APA 7" and "Indonesian").
 *
 *   Author, A. A., & Author, B. B. (Date). Title of work (ed.). Source. DOI
 *   (Author & Author, 2017)   Author and Author (2017)   (Author et al., 2017)
 *
 * Titles print as stored (reference managers store them in sentence
 * case; the citation pass warns when one looks like Title Case).
 */
#include "resolve/cite_style.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The names that lead an entry: its authors, else its editors (an edited
 * book), else NULL (then the title leads). */
static const biblio_names *lead_names(const biblio_entry *e, int *by_editors)
{
	if (by_editors)
		*by_editors = 0;
	if (e->authors.n)
		return &e->authors;
	if (e->editors.n && e->type != BIB_CHAPTER && e->type != BIB_PAPER) {
		if (by_editors)
			*by_editors = 1;
		return &e->editors;
	}
	return NULL;
}

/* 山田太郎: family and given name in full, no comma, no initials. */
static int name_east_asian(cite_out *o, const biblio_name *n)
{
	if (!cite_name_east_asian(n))
		return 0;
	out_text(o, n->family);
	out_text(o, n->given);
	return 1;
}

static void name_inverted(cite_out *o, const biblio_name *n)
{
	if (name_east_asian(o, n))
		return;
	out_text(o, n->family);
	if (n->org || n->given == NULL || n->given[0] == '\0')
		return;
	char *in = cite_initials(n->given);
	if (in[0]) {
		out_text(o, ", ");
		out_text(o, in);
	}
	free(in);
}

static void name_initials_first(cite_out *o, const biblio_name *n)
{
	if (name_east_asian(o, n))
		return;
	if (!n->org && n->given && n->given[0]) {
		char *in = cite_initials(n->given);
		if (in[0]) {
			out_text(o, in);
			out_text(o, " ");
		}
		free(in);
	}
	out_text(o, n->family);
}

/* A list of names: "A, B., & C, D." (inverted, the reference list) or
 * "B. A & D. C" (initials first: editors of a book a chapter is in). */
static void name_list(cite_out *o, const cite_ctx *ctx, const biblio_names *ns,
		      int inverted)
{
	void (*put)(cite_out *, const biblio_name *) =
		inverted ? name_inverted : name_initials_first;
	unsigned n = ns->n;
	if (n > 20 && !ns->others) {
		/* APA: the first nineteen, an ellipsis, the last. */
		for (unsigned i = 0; i < 19; i++) {
			if (i)
				out_text(o, ", ");
			put(o, &ns->v[i]);
		}
		out_text(o, ", . . . ");
		put(o, &ns->v[n - 1]);
		return;
	}
	for (unsigned i = 0; i < n; i++) {
		if (i > 0) {
			if (i == n - 1 && !ns->others)
				out_text(o, inverted || n > 2 ? ", & " : " & ");
			else
				out_text(o, ", ");
		}
		put(o, &ns->v[i]);
	}
	if (ns->others) {
		out_text(o, ", ");
		out_text(o, ctx->lang->et_al);
	}
}

static int title_italic(const biblio_entry *e)
{
	switch (e->type) {
	case BIB_CHAPTER:
	case BIB_ARTICLE:
	case BIB_PAPER:
		return 0;
	default:
		return 1;
	}
}

static int primary_lang_differs(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return 0;
	size_t na = strcspn(a, "-_"), nb = strcspn(b, "-_");
	return na != nb || strncasecmp(a, b, na) != 0;
}

static const char *thesis_genre(const cite_terms *t, biblio_thesis kind)
{
	switch (kind) {
	case BIB_THESIS_PHD:
		return t->thesis_phd;
	case BIB_THESIS_BACHELOR:
		return t->thesis_bachelor;
	default:
		return t->thesis_master;
	}
}

static int thesis_published(const biblio_entry *e)
{
	return e->published || e->url || e->doi;
}

/* "[Unpublished master's thesis]" or "[Master's thesis, University]". */
static void thesis_description(cite_out *o, const cite_ctx *ctx,
			       const biblio_entry *e)
{
	const char *genre = thesis_genre(ctx->terms, e->thesis_kind);
	out_text(o, " [");
	if (thesis_published(e)) {
		out_text(o, genre);
		if (e->institution) {
			out_text(o, ", ");
			out_text(o, e->institution);
		}
	} else {
		char g[96];
		snprintf(g, sizeof g, "%s", genre);
		if (ctx->terms->unpublished_lower && g[0] >= 'A' && g[0] <= 'Z')
			g[0] = (char)(g[0] - 'A' + 'a');
		out_printf(o, ctx->terms->unpublished_fmt, g);
	}
	out_text(o, "]");
}

static void edition_text(strbuf *b, const cite_ctx *ctx, const char *edition)
{
	char *num = cite_edition_number(ctx->terms, edition);
	if (num == NULL)
		return;
	if (b->len)
		sb_puts(b, "; ");
	sb_printf(b, ctx->lang->edition_fmt, num);
	free(num);
}

static void translators_text(strbuf *b, const cite_ctx *ctx, const biblio_entry *e)
{
	const biblio_names *t = &e->translators;
	if (t->n == 0)
		return;
	if (b->len)
		sb_puts(b, "; ");
	for (unsigned i = 0; i < t->n; i++) {
		if (i)
			sb_puts(b, i == t->n - 1 ? (t->n > 2 ? ", & " : " & ") : ", ");
		if (t->v[i].given && !t->v[i].org) {
			char *in = cite_initials(t->v[i].given);
			sb_printf(b, "%s ", in);
			free(in);
		}
		sb_puts(b, t->v[i].family);
	}
	sb_printf(b, ", %s", ctx->terms->translator);
}

/* The title of the work with what APA puts right after it: edition,
 * report number and translators in parentheses, a translated title and a
 * thesis description in brackets. */
static void work_title(cite_out *o, const cite_ctx *ctx, const biblio_entry *e,
		       const char *title)
{
	if (title_italic(e)) {
		out_emph_begin(o);
		out_text(o, title);
		out_end(o);
	} else {
		out_text(o, title);
	}
	strbuf parts = STRBUF_INIT;
	if (e->type != BIB_CHAPTER && e->type != BIB_PAPER)
		edition_text(&parts, ctx, e->edition);
	if (e->type == BIB_REPORT && e->number)
		sb_printf(&parts, "%s%s %s", parts.len ? "; " : "",
			  ctx->terms->report_no, e->number);
	translators_text(&parts, ctx, e);
	if (parts.len)
		out_printf(o, " (%s)", parts.s);
	sb_free(&parts);
	if (e->title_translation && primary_lang_differs(e->lang, ctx->lang->code))
		out_printf(o, " [%s]", e->title_translation);
	if (e->type == BIB_THESIS)
		thesis_description(o, ctx, e);
}

/* "(2017)", "(2019a)", "(n.d.)", web pages "(2024, May 2)". */
static void date_part(cite_out *o, const cite_ctx *ctx, const biblio_entry *e)
{
	char *year = cite_year_text(ctx, e, 1);
	out_text(o, "(");
	out_text(o, year);
	free(year);
	if (e->type == BIB_WEBPAGE && e->year && e->month >= 1 && e->month <= 12) {
		const char *m = ctx->terms->months[e->month - 1];
		if (e->day) {
			char day[96];
			snprintf(day, sizeof day, ctx->terms->date_day_month, m, e->day);
			out_printf(o, ", %s", day);
		} else
			out_printf(o, ", %s", m);
	}
	out_text(o, ")");
	out_period(o, " ");
}

/* 1 when the publisher (or site) is the group author itself: APA then
 * leaves it out. */
static int same_as_author(const biblio_entry *e, const char *name)
{
	if (name == NULL)
		return 0;
	const biblio_names *lead = lead_names(e, NULL);
	return lead && lead->n == 1 && cite_same_text(lead->v[0].family, name);
}

static void publisher(cite_out *o, const biblio_entry *e)
{
	if (e->publisher && !same_as_author(e, e->publisher)) {
		out_text(o, e->publisher);
		out_period(o, " ");
	}
}

static void pages_text(cite_out *o, const cite_ctx *ctx, const char *pages)
{
	char *range = cite_page_range(pages);
	int is_range = strstr(range, "\u2013") != NULL;
	out_printf(o, "%s %s", is_range ? ctx->lang->pages_abbrev
			       : ctx->lang->page_abbrev, range);
	free(range);
}

/* "In P. Gunawan & L. Sari (Eds.), *Book* (2nd ed., pp. 33–52). Publisher." */
static void in_book(cite_out *o, const cite_ctx *ctx, const biblio_entry *e)
{
	out_text(o, ctx->lang->in_word);
	out_text(o, " ");
	if (e->editors.n) {
		name_list(o, ctx, &e->editors, 0);
		out_printf(o, " (%s)", e->editors.n > 1 ? ctx->lang->editors_abbrev
				       : ctx->lang->editor_abbrev);
		if (e->container)
			out_text(o, ", ");
	}
	if (e->container) {
		char *book = cite_full_title(e->container, e->container_subtitle);
		out_emph_begin(o);
		out_text(o, book);
		out_end(o);
		free(book);
	}
	char *ed = cite_edition_number(ctx->terms, e->edition);
	if (ed || e->pages) {
		out_text(o, " (");
		if (ed) {
			out_printf(o, ctx->lang->edition_fmt, ed);
			if (e->pages)
				out_text(o, ", ");
		}
		if (e->pages)
			pages_text(o, ctx, e->pages);
		out_text(o, ")");
	}
	free(ed);
	out_period(o, " ");
	publisher(o, e);
}

/* "*Journal*, *11*(2), 145–160." */
static void in_journal(cite_out *o, const cite_ctx *ctx, const biblio_entry *e)
{
	if (e->container) {
		out_emph_begin(o);
		out_text(o, e->container);
		out_end(o);
	}
	if (e->volume) {
		out_text(o, ", ");
		out_emph_begin(o);
		out_text(o, e->volume);
		out_end(o);
	}
	if (e->issue)
		out_printf(o, "%s(%s)", e->volume ? "" : ", ", e->issue);
	if (e->pages) {
		char *range = cite_page_range(e->pages);
		out_printf(o, ", %s", range);
		free(range);
	} else if (e->article_number) {
		out_printf(o, ", %s %s", ctx->terms->article_word, e->article_number);
	}
	out_period(o, " ");
}

static void source_part(cite_out *o, const cite_ctx *ctx, const biblio_entry *e)
{
	switch (e->type) {
	case BIB_CHAPTER:
	case BIB_PAPER:
		in_book(o, ctx, e);
		break;
	case BIB_ARTICLE:
		in_journal(o, ctx, e);
		break;
	case BIB_WEBPAGE:
		if (e->container && !same_as_author(e, e->container)) {
			out_text(o, e->container);
			out_period(o, " ");
		}
		break;
	case BIB_THESIS:
		if (!thesis_published(e)) {
			if (e->institution) {
				out_text(o, e->institution);
				out_period(o, " ");
			}
		} else {
			publisher(o, e);
		}
		break;
	case BIB_REGULATION:
		/* the gazette it appeared in, if given */
		if (e->container) {
			out_text(o, e->container);
			out_period(o, " ");
		}
		publisher(o, e);
		break;
	default:
		publisher(o, e);
		break;
	}
}

static void link_part(cite_out *o, const cite_ctx *ctx, const biblio_entry *e)
{
	if (e->doi) {
		out_doi_link(o, e->doi);
		return;
	}
	if (e->url == NULL)
		return;
	/* APA 7: a retrieval date only for works that change and carry no
	 * date of their own, unless the reader's guide asks always */
	char *date = cite_accessed_text(ctx, e, CITE_ACCESSED_WHEN_UNDATED, 0);
	if (date)
		out_printf(o, ctx->terms->retrieved, date);
	free(date);
	out_url_link(o, e->url);
}

static void apa_reference(const cite_ctx *ctx, const biblio_entry *e,
			  unsigned number, const biblio_entry *prev, cite_out *o)
{
	(void)number;
	(void)prev;
	int by_editors;
	const biblio_names *lead = lead_names(e, &by_editors);
	char *title = cite_full_title(e->title, e->subtitle);
	if (lead) {
		name_list(o, ctx, lead, 1);
		if (by_editors)
			out_printf(o, " (%s)", lead->n > 1 ? ctx->lang->editors_abbrev
					       : ctx->lang->editor_abbrev);
		out_period(o, " ");
	} else if (title) {
		work_title(o, ctx, e, title); /* no author: the title leads */
		out_period(o, " ");
	}
	date_part(o, ctx, e);
	if (lead && title) {
		work_title(o, ctx, e, title);
		out_period(o, " ");
	}
	free(title);
	source_part(o, ctx, e);
	link_part(o, ctx, e);
	if (e->original_year) {
		out_sep(o, " ");
		out_printf(o, "(");
		out_printf(o, ctx->terms->original_published, e->original_year);
		out_text(o, ")");
	}
}

/* ---- in-text ---- */

/* "Zastrow", "Toseland & Rivas" ("dan" in running text), "Siregar dkk.",
 * the organisation, or the title when there is no author. */
static void author_short(cite_out *o, const cite_ctx *ctx, const biblio_entry *e,
			 int narrative)
{
	if (e->type == BIB_REGULATION && e->short_title) {
		/* APA cites a law by its name; a short name if it has one */
		out_text(o, e->short_title);
		return;
	}
	const biblio_names *ns = lead_names(e, NULL);
	if (ns == NULL) {
		char *title = cite_full_title(e->title ? e->title : e->key, NULL);
		if (title_italic(e)) {
			out_emph_begin(o);
			out_text(o, title);
			out_end(o);
		} else {
			out_printf(o, "%s%s%s", ctx->lang->quote_open, title,
				   ctx->lang->quote_close);
		}
		free(title);
		return;
	}
	out_text(o, ns->v[0].family);
	if (ns->n == 2 && !ns->others) {
		if (narrative)
			out_printf(o, " %s ", ctx->lang->and_word);
		else
			out_text(o, " & ");
		out_text(o, ns->v[1].family);
	} else if (ns->n > 2 || ns->others) {
		out_printf(o, " %s", ctx->lang->et_al);
	}
}

static char *year_of(const cite_ctx *ctx, const biblio_entry *e)
{
	char *y = cite_year_text(ctx, e, 1);
	if (e->original_year == NULL)
		return y;
	char *both = xmalloc(strlen(y) + strlen(e->original_year) + 2);
	sprintf(both, "%s/%s", e->original_year, y);
	free(y);
	return both;
}

static int same_lead(const biblio_entry *a, const biblio_entry *b)
{
	const biblio_names *na = lead_names(a, NULL), *nb = lead_names(b, NULL);
	return na && nb && cite_same_names(na, nb);
}

static int has_locator(const cite_item *it)
{
	return (it->locator && it->locator[0]) || it->page;
}

static void put_locator(cite_out *o, const cite_ctx *ctx, const cite_item *it)
{
	char *loc = cite_locator_text(ctx, it, 0);
	if (loc) {
		out_printf(o, ", %s", loc);
		free(loc);
	}
}

static int apa_compare(const cite_ctx *ctx, const biblio_entry *a,
		       const biblio_entry *b);

/* Items in reference-list order (APA orders the works of one citation
 * as the list does), stable. */
static const cite_item **sorted_items(const cite_ctx *ctx, const cite_item *items,
				      size_t n)
{
	const cite_item **v = xmalloc((n ? n : 1) * sizeof(*v));
	for (size_t i = 0; i < n; i++)
		v[i] = &items[i];
	for (size_t i = 1; i < n; i++) {
		const cite_item *x = v[i];
		size_t j = i;
		while (j > 0 && apa_compare(ctx, v[j - 1]->entry, x->entry) > 0) {
			v[j] = v[j - 1];
			j--;
		}
		v[j] = x;
	}
	return v;
}

static void apa_citation(const cite_ctx *ctx, const cite_item *items, size_t n,
			 cite_form form, cite_out *o)
{
	const cite_item **v = sorted_items(ctx, items, n);
	if (form == CITE_NARRATIVE) {
		for (size_t i = 0; i < n; i++) {
			if (i)
				out_text(o, "; ");
			out_link_begin(o, NULL, v[i]->target);
			author_short(o, ctx, v[i]->entry, 1);
			char *y = year_of(ctx, v[i]->entry);
			out_printf(o, " (%s", y);
			free(y);
			put_locator(o, ctx, v[i]);
			out_text(o, ")");
			out_end(o);
		}
		free(v);
		return;
	}
	int with_author = form == CITE_PAREN || form == CITE_BARE;
	if (form != CITE_BARE)
		out_text(o, "(");
	for (size_t i = 0; i < n; i++) {
		const cite_item *it = v[i];
		/* "(Prasetyo, 2019a, 2019b)"; after a locator the author is
		 * named again: "(Zastrow, 2017a, p. 45; Zastrow, 2017b)" */
		int same = with_author && i > 0 && !has_locator(v[i - 1]) &&
			   same_lead(v[i - 1]->entry, it->entry) &&
			   !(it->entry->type == BIB_REGULATION && it->entry->short_title);
		if (i)
			out_text(o, same || form == CITE_YEAR ? ", " : "; ");
		out_link_begin(o, NULL, it->target);
		if (with_author && !same) {
			author_short(o, ctx, it->entry, 0);
			out_text(o, ", ");
		}
		char *y = year_of(ctx, it->entry);
		out_text(o, y);
		free(y);
		put_locator(o, ctx, it);
		out_end(o);
	}
	if (form != CITE_BARE)
		out_text(o, ")");
	free(v);
}

/* ---- order ---- */

static int year_order(const biblio_entry *a, const biblio_entry *b)
{
	/* undated works first, then by year */
	if (a->year == NULL || b->year == NULL)
		return (a->year != NULL) - (b->year != NULL);
	long ya = strtol(a->year, NULL, 10), yb = strtol(b->year, NULL, 10);
	if (ya != yb)
		return ya < yb ? -1 : 1;
	return strcmp(a->year, b->year);
}

static int apa_compare(const cite_ctx *ctx, const biblio_entry *a,
		       const biblio_entry *b)
{
	const biblio_names *na = lead_names(a, NULL), *nb = lead_names(b, NULL);
	int r;
	if (na && nb) {
		r = cite_compare_names(ctx->coll, na, nb);
	} else {
		const char *sa = na ? na->v[0].family : cite_skip_article(a->title);
		const char *sb = nb ? nb->v[0].family : cite_skip_article(b->title);
		r = collate_cmp(ctx->coll, sa, sb);
	}
	if (r)
		return r;
	r = year_order(a, b);
	if (r)
		return r;
	r = collate_cmp(ctx->coll, cite_skip_article(a->title),
			cite_skip_article(b->title));
	if (r)
		return r;
	return strcmp(a->key, b->key);
}

static int apa_same_authors(const biblio_entry *a, const biblio_entry *b)
{
	return same_lead(a, b);
}

const cite_style cite_style_apa = {
	.name = "apa",
	.numeric = 0,
	.year_suffixes = 1,
	.compare = apa_compare,
	.same_authors = apa_same_authors,
	.reference = apa_reference,
	.citation = apa_citation,
};
