/*
 * cite_chicago: Chicago Manual of Style 17th edition, author-date system
 * (doc/citations.md, "Chicago author-date").
 *
 *   Surname, Given, and Given Surname. Year. Title in Headline Case.
 *       2nd ed. Place: Publisher.
 *   (Surname and Surname 2021, 45)
 *
 * Titles of English works are set in headline case; other languages
 * keep their own capitals.  A repeated author becomes "———".
 */
#include "resolve/cite_style.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static void name_full(cite_out *o, const biblio_name *n, int inverted)
{
	if (n->org || n->given == NULL || n->given[0] == '\0') {
		out_text(o, n->family);
		return;
	}
	if (cite_name_east_asian(n)) { /* 山田太郎, either way */
		out_printf(o, "%s%s", n->family, n->given);
		return;
	}
	if (inverted)
		out_printf(o, "%s, %s", n->family, n->given);
	else
		out_printf(o, "%s %s", n->given, n->family);
}

/* "Hartono, Budi Santoso, and Mei Ling Lee": the first name inverted in
 * the list (inverted_first), every name in natural order otherwise. */
static void name_list(cite_out *o, const cite_ctx *ctx, const biblio_names *ns,
		      int inverted_first)
{
	unsigned n = ns->n, shown = n;
	int etal = ns->others;
	if (n > 10) {
		shown = 7;
		etal = 1;
	}
	for (unsigned i = 0; i < shown; i++) {
		if (i > 0) {
			if (i == shown - 1 && !etal)
				out_printf(o, "%s%s ",
					   shown > 2 || inverted_first ? ", " : " ",
					   ctx->lang->and_word);
			else
				out_text(o, ", ");
		}
		name_full(o, &ns->v[i], inverted_first && i == 0);
	}
	if (etal)
		out_printf(o, ", %s", ctx->lang->et_al);
}

static int title_italic(const biblio_entry *e)
{
	switch (e->type) {
	case BIB_BOOK:
	case BIB_REPORT:
	case BIB_REGULATION:
	case BIB_MISC:
		return 1;
	default:
		return 0;
	}
}

/* A quoted title ends with its period inside the quotes. */
static void quoted(cite_out *o, const cite_ctx *ctx, const char *text, int period)
{
	out_text(o, ctx->lang->quote_open);
	out_text(o, text);
	if (period)
		out_period(o, NULL);
	out_text(o, ctx->lang->quote_close);
}

static void title_part(cite_out *o, const cite_ctx *ctx, const biblio_entry *e)
{
	char *full = cite_full_title(e->title, e->subtitle);
	if (full == NULL)
		return;
	/* a title protected as a whole ({{...}} in BibTeX) stays as is */
	char *title = cite_headline_case(full, e->title_nocase ? "und" : e->lang);
	if (title_italic(e)) {
		out_emph_begin(o);
		out_text(o, title);
		out_end(o);
		out_period(o, " ");
	} else {
		quoted(o, ctx, title, 1);
		out_sep(o, " ");
	}
	free(title);
	free(full);
}

/* "3rd ed." / "Ed. ke-3": a sentence of its own, so capitalized. */
static void edition_sentence(cite_out *o, const cite_ctx *ctx, const char *edition)
{
	char *num = cite_edition_number(ctx->terms, edition);
	if (num == NULL)
		return;
	char buf[128];
	snprintf(buf, sizeof buf, ctx->lang->edition_fmt, num);
	free(num);
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
	out_text(o, buf);
	out_period(o, " ");
}

static void place_publisher(cite_out *o, const biblio_entry *e)
{
	if (e->place && e->publisher)
		out_printf(o, "%s: %s", e->place, e->publisher);
	else if (e->publisher)
		out_text(o, e->publisher);
	else if (e->place)
		out_text(o, e->place);
	else
		return;
	out_period(o, " ");
}

static void translators(cite_out *o, const cite_ctx *ctx, const biblio_entry *e)
{
	if (e->translators.n == 0)
		return;
	out_printf(o, "%s ", ctx->terms->translated_by);
	name_list(o, ctx, &e->translators, 0);
	out_period(o, " ");
}

static int same_as_author(const biblio_entry *e, const char *name)
{
	const biblio_names *lead = lead_names(e, NULL);
	return name && lead && lead->n == 1 && cite_same_text(lead->v[0].family, name);
}

static void in_book(cite_out *o, const cite_ctx *ctx, const biblio_entry *e)
{
	out_printf(o, "%s ", ctx->lang->in_word);
	if (e->container) {
		char *full = cite_full_title(e->container, e->container_subtitle);
		char *book = cite_headline_case(full, e->lang);
		out_emph_begin(o);
		out_text(o, book);
		out_end(o);
		free(book);
		free(full);
	}
	if (e->editors.n) {
		out_printf(o, ", %s ", ctx->terms->edited_by);
		name_list(o, ctx, &e->editors, 0);
	}
	if (e->pages) {
		char *range = cite_page_range_short(e->pages);
		out_printf(o, ", %s", range);
		free(range);
	}
	out_period(o, " ");
	edition_sentence(o, ctx, e->edition);
	place_publisher(o, e);
}

static void in_journal(cite_out *o, const biblio_entry *e)
{
	if (e->container) {
		out_emph_begin(o);
		out_text(o, e->container);
		out_end(o);
	}
	if (e->volume)
		out_printf(o, " %s", e->volume);
	if (e->issue)
		out_printf(o, " (%s)", e->issue);
	if (e->pages) {
		char *range = cite_page_range_short(e->pages);
		out_printf(o, ": %s", range);
		free(range);
	} else if (e->article_number) {
		out_printf(o, ": %s", e->article_number);
	}
	out_period(o, " ");
}

static void web_source(cite_out *o, const cite_ctx *ctx, const biblio_entry *e)
{
	int site = e->container && !same_as_author(e, e->container);
	if (site)
		out_text(o, e->container);
	if (e->year && e->month) {
		char iso[32];
		if (e->day)
			snprintf(iso, sizeof iso, "%s-%02d-%02d", e->year, e->month, e->day);
		else
			snprintf(iso, sizeof iso, "%s-%02d", e->year, e->month);
		char *date = cite_date_text(ctx->terms, iso, 0);
		if (date)
			out_printf(o, "%s%s", site ? ", " : "", date);
		site = site || date;
		free(date);
	}
	if (site)
		out_period(o, " ");
	/* Chicago 17 (15.51): an access date only when the page has no
	 * date of its own, unless the reader's guide asks always */
	{
		char *date = cite_accessed_text(ctx, e, CITE_ACCESSED_WHEN_UNDATED, 0);
		if (date) {
			out_printf(o, "%s %s", ctx->terms->accessed, date);
			out_period(o, " ");
		}
		free(date);
	}
}

static const char *thesis_genre(const cite_terms *t, biblio_thesis kind)
{
	return kind == BIB_THESIS_PHD ? t->thesis_phd
	     : kind == BIB_THESIS_BACHELOR ? t->thesis_bachelor : t->thesis_master;
}

static void chicago_reference(const cite_ctx *ctx, const biblio_entry *e,
			      unsigned number, const biblio_entry *prev, cite_out *o)
{
	(void)number;
	int by_editors;
	const biblio_names *lead = lead_names(e, &by_editors);
	if (lead) {
		const biblio_names *prev_lead = prev ? lead_names(prev, NULL) : NULL;
		if (prev_lead && cite_same_names(prev_lead, lead))
			out_text(o, "\u2014\u2014\u2014");
		else
			name_list(o, ctx, lead, 1);
		if (by_editors)
			out_printf(o, ", %s", lead->n > 1 ? ctx->terms->eds_lower
				   : ctx->terms->ed_lower);
		out_period(o, " ");
	} else {
		title_part(o, ctx, e); /* no author: the title leads */
	}
	char *year = cite_year_text(ctx, e, 0);
	out_text(o, year);
	free(year);
	out_period(o, " ");
	if (lead)
		title_part(o, ctx, e);
	switch (e->type) {
	case BIB_CHAPTER:
	case BIB_PAPER:
		in_book(o, ctx, e);
		break;
	case BIB_ARTICLE:
		in_journal(o, e);
		break;
	case BIB_WEBPAGE:
		web_source(o, ctx, e);
		break;
	case BIB_THESIS:
		out_text(o, thesis_genre(ctx->terms, e->thesis_kind));
		if (e->institution)
			out_printf(o, ", %s", e->institution);
		out_period(o, " ");
		break;
	default:
		edition_sentence(o, ctx, e->edition);
		translators(o, ctx, e);
		if (e->type == BIB_REPORT && e->number) {
			out_printf(o, "%s %s", ctx->terms->report_word, e->number);
			out_period(o, " ");
		}
		place_publisher(o, e);
		break;
	}
	if (e->doi) {
		out_doi_link(o, e->doi);
		out_period(o, NULL);
	} else if (e->url) {
		out_url_link(o, e->url);
		out_period(o, NULL);
	}
}

/* ---- in-text ---- */

static void author_short(cite_out *o, const cite_ctx *ctx, const biblio_entry *e)
{
	if (e->type == BIB_REGULATION && e->short_title) {
		out_text(o, e->short_title);
		return;
	}
	const biblio_names *ns = lead_names(e, NULL);
	if (ns == NULL) {
		char *full = cite_full_title(e->title ? e->title : e->key, NULL);
		char *title = cite_headline_case(full, e->lang);
		if (title_italic(e)) {
			out_emph_begin(o);
			out_text(o, title);
			out_end(o);
		} else {
			quoted(o, ctx, title, 0);
		}
		free(title);
		free(full);
		return;
	}
	if (ns->n >= 4 || ns->others) {
		out_printf(o, "%s %s", ns->v[0].family, ctx->lang->et_al);
		return;
	}
	for (unsigned i = 0; i < ns->n; i++) {
		if (i > 0) {
			if (i == ns->n - 1)
				out_printf(o, "%s%s ", ns->n > 2 ? ", " : " ",
					   ctx->lang->and_word);
			else
				out_text(o, ", ");
		}
		out_text(o, ns->v[i].family);
	}
}

static void put_locator(cite_out *o, const cite_ctx *ctx, const cite_item *it)
{
	char *loc = cite_locator_text(ctx, it, 1);
	if (loc)
		out_printf(o, ", %s", loc);
	free(loc);
}

static void chicago_citation(const cite_ctx *ctx, const cite_item *items, size_t n,
			     cite_form form, cite_out *o)
{
	int parens = form == CITE_PAREN || form == CITE_YEAR;
	if (parens)
		out_text(o, "(");
	for (size_t i = 0; i < n; i++) {
		const cite_item *it = &items[i];
		const biblio_entry *e = it->entry;
		if (i)
			out_text(o, form == CITE_YEAR ? ", " : "; ");
		out_link_begin(o, NULL, it->target);
		char *year = cite_year_text(ctx, e, 0);
		if (form == CITE_NARRATIVE) {
			author_short(o, ctx, e);
			out_printf(o, " (%s", year);
			put_locator(o, ctx, it);
			out_text(o, ")");
		} else {
			if (form == CITE_PAREN || form == CITE_BARE) {
				author_short(o, ctx, e);
				/* a comma only before n.d. */
				out_text(o, e->year ? " " : ", ");
			}
			out_text(o, year);
			put_locator(o, ctx, it);
		}
		free(year);
		out_end(o);
	}
	if (parens)
		out_text(o, ")");
}

/* ---- order ---- */

static int chicago_compare(const cite_ctx *ctx, const biblio_entry *a,
			   const biblio_entry *b)
{
	return cite_style_apa.compare(ctx, a, b);
}

static int chicago_same_authors(const biblio_entry *a, const biblio_entry *b)
{
	const biblio_names *na = lead_names(a, NULL), *nb = lead_names(b, NULL);
	return na && nb && cite_same_names(na, nb);
}

const cite_style cite_style_chicago = {
	.name = "chicago",
	.numeric = 0,
	.year_suffixes = 1,
	.compare = chicago_compare,
	.same_authors = chicago_same_authors,
	.reference = chicago_reference,
	.citation = chicago_citation,
};
