/*
 * cite_ieee: IEEE numeric references (IEEE Reference Guide, 2023;
 * doc/citations.md, "IEEE").  Works are numbered in the order of
 * their first citation in the list's scope; a work keeps its number.
 *
 *   [1] B. S. Hartono and M. L. Lee, Title in Headline Case, 3rd ed.
 *       City, Country: Publisher, 2021.
 *   [1], [1, p. 5], [1]–[3]
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

static void name_initials(cite_out *o, const biblio_name *n)
{
	if (cite_name_east_asian(n)) { /* 山田太郎: in full */
		out_printf(o, "%s%s", n->family, n->given ? n->given : "");
		return;
	}
	if (!n->org && n->given && n->given[0]) {
		char *in = cite_initials(n->given);
		if (in[0])
			out_printf(o, "%s ", in);
		free(in);
	}
	out_text(o, n->family);
}

/* "A and B", "A, B, and C"; seven or more: "A *et al.*". */
static void name_list(cite_out *o, const cite_ctx *ctx, const biblio_names *ns)
{
	if (ns->n > 6 || (ns->others && ns->n > 0)) {
		name_initials(o, &ns->v[0]);
		out_text(o, " ");
		out_emph_begin(o);
		out_text(o, ctx->lang->et_al);
		out_end(o);
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
		name_initials(o, &ns->v[i]);
	}
}

static void quoted_title(cite_out *o, const cite_ctx *ctx, const biblio_entry *e,
			 const char *end)
{
	char *title = cite_full_title(e->title, e->subtitle);
	out_printf(o, "%s%s%s%s", ctx->lang->quote_open, title ? title : "",
		   end, ctx->lang->quote_close);
	free(title);
}

static void italic_title(cite_out *o, const char *title, const char *subtitle,
			 const char *lang)
{
	char *full = cite_full_title(title, subtitle);
	if (full == NULL)
		return;
	char *t = cite_headline_case(full, lang);
	out_emph_begin(o);
	out_text(o, t);
	out_end(o);
	free(t);
	free(full);
}

/* "Jakarta, Indonesia" (heap), NULL when no place is known. */
static char *place_text(const biblio_entry *e)
{
	if (e->place == NULL)
		return e->country ? xstrdup(e->country) : NULL;
	if (e->country == NULL)
		return xstrdup(e->place);
	char *s = xmalloc(strlen(e->place) + strlen(e->country) + 3);
	sprintf(s, "%s, %s", e->place, e->country);
	return s;
}

/* "City, Country: Publisher, year" */
static void publication(cite_out *o, const biblio_entry *e)
{
	char *place = place_text(e);
	if (place && e->publisher)
		out_printf(o, "%s: %s", place, e->publisher);
	else if (e->publisher)
		out_text(o, e->publisher);
	else if (place)
		out_text(o, place);
	if (e->year)
		out_printf(o, "%s%s", place || e->publisher ? ", " : "", e->year);
	free(place);
}

/* IEEE abbreviates "University" (and "Universitas") to "Univ.". */
static char *abbreviate_univ(const char *s)
{
	static const char *const words[] = { "University", "Universitas" };
	strbuf b = STRBUF_INIT;
	for (const char *p = s; *p;) {
		int done = 0;
		for (size_t i = 0; i < 2 && !done; i++) {
			size_t n = strlen(words[i]);
			if (strncmp(p, words[i], n) == 0 &&
			    (p == s || p[-1] == ' ') &&
			    (p[n] == ' ' || p[n] == ',' || p[n] == '\0')) {
				sb_puts(&b, "Univ.");
				p += n;
				done = 1;
			}
		}
		if (!done)
			sb_putc(&b, *p++);
	}
	char *r = sb_take(&b);
	return r ? r : xstrdup("");
}

static void online(cite_out *o, const cite_ctx *ctx, const biblio_entry *e)
{
	if (e->url == NULL)
		return;
	{
		/* IEEE dates every online source it was read at */
		char *date = cite_accessed_text(ctx, e, CITE_ACCESSED_ALWAYS, 1);
		if (date) {
			out_printf(o, "%s %s", ctx->terms->ieee_accessed, date);
			out_period(o, " ");
		}
		free(date);
	}
	out_printf(o, "%s ", ctx->terms->ieee_online);
	out_url_link(o, e->url);
}

static void edition_and_translators(cite_out *o, const cite_ctx *ctx,
				    const biblio_entry *e)
{
	char *ed = cite_edition_number(ctx->terms, e->edition);
	if (ed) {
		out_text(o, ", ");
		out_printf(o, ctx->lang->edition_fmt, ed);
	}
	free(ed);
	if (e->translators.n) {
		out_text(o, ", ");
		name_list(o, ctx, &e->translators);
		out_printf(o, ", %s", ctx->terms->ieee_trans);
	}
}

static void book(cite_out *o, const cite_ctx *ctx, const biblio_entry *e, int lead)
{
	if (lead)
		out_text(o, ", ");
	/* a title protected as a whole ({{...}} in BibTeX) stays as is */
	italic_title(o, e->title, e->subtitle, e->title_nocase ? "und" : e->lang);
	edition_and_translators(o, ctx, e);
	out_period(o, " ");
	publication(o, e);
	if (e->doi)
		out_printf(o, ", doi: %s", e->doi);
	out_period(o, " ");
	online(o, ctx, e);
}

static void chapter(cite_out *o, const cite_ctx *ctx, const biblio_entry *e, int lead)
{
	if (lead)
		out_text(o, ", ");
	quoted_title(o, ctx, e, ",");
	char in[32];
	snprintf(in, sizeof in, "%s", ctx->lang->in_word);
	if (in[0] >= 'A' && in[0] <= 'Z')
		in[0] = (char)(in[0] - 'A' + 'a');
	out_printf(o, " %s ", in);
	italic_title(o, e->container, e->container_subtitle, e->lang);
	if (e->editors.n) {
		out_text(o, ", ");
		name_list(o, ctx, &e->editors);
		out_printf(o, ", %s", e->editors.n > 1 ? ctx->terms->ieee_eds
			   : ctx->terms->ieee_ed);
	}
	edition_and_translators(o, ctx, e);
	out_period(o, " ");
	publication(o, e);
	if (e->pages) {
		char *range = cite_page_range(e->pages);
		out_printf(o, ", %s %s", strstr(range, "\u2013") ? ctx->terms->pp
			   : ctx->terms->p, range);
		free(range);
	}
	if (e->doi)
		out_printf(o, ", doi: %s", e->doi);
	out_period(o, " ");
	online(o, ctx, e);
}

static void article(cite_out *o, const cite_ctx *ctx, const biblio_entry *e, int lead)
{
	if (lead)
		out_text(o, ", ");
	quoted_title(o, ctx, e, ",");
	out_text(o, " ");
	if (e->container) {
		out_emph_begin(o);
		out_text(o, e->container);
		out_end(o);
	}
	if (e->volume)
		out_printf(o, ", %s %s", ctx->terms->vol, e->volume);
	if (e->issue)
		out_printf(o, ", %s %s", ctx->terms->no, e->issue);
	if (e->pages) {
		char *range = cite_page_range(e->pages);
		out_printf(o, ", %s %s", strstr(range, "\u2013") ? ctx->terms->pp
			   : ctx->terms->p, range);
		free(range);
	} else if (e->article_number) {
		out_printf(o, ", %s %s", ctx->terms->article_word, e->article_number);
	}
	if (e->year) {
		out_text(o, ", ");
		if (e->month >= 1 && e->month <= 12)
			out_printf(o, "%s ", ctx->terms->months_short[e->month - 1]);
		out_text(o, e->year);
	}
	if (e->doi)
		out_printf(o, ", doi: %s", e->doi);
	out_period(o, " ");
	online(o, ctx, e);
}

static void webpage(cite_out *o, const cite_ctx *ctx, const biblio_entry *e,
		    const biblio_names *lead)
{
	int site = e->container &&
		   !(lead && lead->n == 1 && cite_same_text(lead->v[0].family, e->container));
	if (lead)
		out_text(o, ", ");
	quoted_title(o, ctx, e, site ? "," : ".");
	if (site) {
		out_printf(o, " %s", e->container);
		out_period(o, NULL);
	}
	out_sep(o, " ");
	online(o, ctx, e);
}

static void report(cite_out *o, const cite_ctx *ctx, const biblio_entry *e, int lead)
{
	if (lead)
		out_text(o, ", ");
	quoted_title(o, ctx, e, ",");
	if (e->publisher)
		out_printf(o, " %s", e->publisher);
	char *place = place_text(e);
	if (place)
		out_printf(o, ", %s", place);
	free(place);
	if (e->number)
		out_printf(o, ", %s %s", ctx->terms->ieee_rep, e->number);
	if (e->year)
		out_printf(o, ", %s", e->year);
	out_period(o, " ");
	online(o, ctx, e);
}

static void thesis(cite_out *o, const cite_ctx *ctx, const biblio_entry *e, int lead)
{
	if (lead)
		out_text(o, ", ");
	quoted_title(o, ctx, e, ",");
	const cite_terms *t = ctx->terms;
	out_printf(o, " %s", e->thesis_kind == BIB_THESIS_PHD ? t->ieee_phd
		   : e->thesis_kind == BIB_THESIS_BACHELOR ? t->ieee_bachelor
		   : t->ieee_master);
	if (e->institution) {
		char *univ = abbreviate_univ(e->institution);
		out_printf(o, ", %s", univ);
		free(univ);
	}
	char *place = place_text(e);
	if (place)
		out_printf(o, ", %s", place);
	free(place);
	if (e->year)
		out_printf(o, ", %s", e->year);
	out_period(o, " ");
	online(o, ctx, e);
}

static void ieee_reference(const cite_ctx *ctx, const biblio_entry *e,
			   unsigned number, const biblio_entry *prev, cite_out *o)
{
	(void)prev;
	if (number) /* 0: the entry carries its own [abbrev] label */
		out_printf(o, "[%u] ", number);
	int by_editors;
	const biblio_names *lead = lead_names(e, &by_editors);
	if (lead) {
		name_list(o, ctx, lead);
		if (by_editors)
			out_printf(o, ", %s", lead->n > 1 ? ctx->terms->ieee_eds
				   : ctx->terms->ieee_ed);
	}
	int has_lead = lead != NULL;
	switch (e->type) {
	case BIB_CHAPTER:
	case BIB_PAPER:
		chapter(o, ctx, e, has_lead);
		break;
	case BIB_ARTICLE:
		article(o, ctx, e, has_lead);
		break;
	case BIB_WEBPAGE:
		webpage(o, ctx, e, lead);
		break;
	case BIB_REPORT:
		report(o, ctx, e, has_lead);
		break;
	case BIB_THESIS:
		thesis(o, ctx, e, has_lead);
		break;
	default:
		book(o, ctx, e, has_lead);
		break;
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
		out_text(o, e->title ? e->title : e->key);
		return;
	}
	out_text(o, ns->v[0].family);
	if (ns->n == 2 && !ns->others)
		out_printf(o, " %s %s", ctx->lang->and_word, ns->v[1].family);
	else if (ns->n > 2 || ns->others)
		out_printf(o, " %s", ctx->lang->et_al);
}

static void one_number(cite_out *o, const cite_ctx *ctx, const cite_item *it)
{
	out_link_begin(o, NULL, it->target);
	out_printf(o, "[%u", it->number);
	char *loc = NULL;
	if (it->locator && it->locator[0]) {
		loc = xstrdup(it->locator);
	} else if (it->page) {
		char buf[96];
		if (it->page_end)
			snprintf(buf, sizeof buf, "%s %s\u2013%s", ctx->terms->pp,
				 it->page, it->page_end);
		else
			snprintf(buf, sizeof buf, "%s %s", ctx->terms->p, it->page);
		loc = xstrdup(buf);
	}
	if (loc)
		out_printf(o, ", %s", loc);
	free(loc);
	out_text(o, "]");
	out_end(o);
}

static int has_locator(const cite_item *it)
{
	return (it->locator && it->locator[0]) || it->page;
}

static void ieee_citation(const cite_ctx *ctx, const cite_item *items, size_t n,
			  cite_form form, cite_out *o)
{
	/* by number, as IEEE lists several works */
	const cite_item **v = xmalloc((n ? n : 1) * sizeof(*v));
	for (size_t i = 0; i < n; i++) {
		size_t j = i;
		while (j > 0 && v[j - 1]->number > items[i].number) {
			v[j] = v[j - 1];
			j--;
		}
		v[j] = &items[i];
	}
	if (form == CITE_NARRATIVE && n > 0) {
		for (size_t i = 0; i < n; i++) {
			if (i)
				out_text(o, "; ");
			author_short(o, ctx, v[i]->entry);
			out_text(o, " ");
			one_number(o, ctx, v[i]);
		}
		free(v);
		return;
	}
	for (size_t i = 0; i < n;) {
		/* three or more consecutive numbers without locators: [1]–[3] */
		size_t j = i;
		while (j + 1 < n && v[j + 1]->number == v[j]->number + 1 &&
		       !has_locator(v[j]) && !has_locator(v[j + 1]))
			j++;
		if (i)
			out_text(o, ", ");
		if (j - i >= 2) {
			one_number(o, ctx, v[i]);
			out_text(o, "\u2013");
			one_number(o, ctx, v[j]);
			i = j + 1;
		} else {
			one_number(o, ctx, v[i]);
			i++;
		}
	}
	free(v);
}

/* IEEE lists in citation order; the pass numbers the entries. */
static int ieee_compare(const cite_ctx *ctx, const biblio_entry *a,
			const biblio_entry *b)
{
	return cite_style_apa.compare(ctx, a, b);
}

static int ieee_same_authors(const biblio_entry *a, const biblio_entry *b)
{
	(void)a;
	(void)b;
	return 0;
}

const cite_style cite_style_ieee = {
	.name = "ieee",
	.numeric = 1,
	.year_suffixes = 0,
	.compare = ieee_compare,
	.same_authors = ieee_same_authors,
	.reference = ieee_reference,
	.citation = ieee_citation,
};
