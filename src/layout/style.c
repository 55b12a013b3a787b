/*
 * style: defaults and the key = value reader for page styles.  Every key
 * lives in one table (name, kind, offset), so adding a setting is adding
 * a field and a row.
 */
#include "layout/style.h"
#include "layout/layout.h"
#include "util/file.h"

#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void style_defaults(lay_style *s)
{
	memset(s, 0, sizeof(*s));
	snprintf(s->name, sizeof s->name, "a5-reader");
	s->page_width = 148 * FX_MM;
	s->page_height = 210 * FX_MM;
	s->two_sided = 1;
	s->margin_inner = 18 * FX_MM;
	s->margin_outer = 14 * FX_MM;
	s->margin_top = 16 * FX_MM;
	s->margin_bottom = 18 * FX_MM;
	snprintf(s->font_text, sizeof s->font_text, "Charis SIL");
	snprintf(s->font_heading, sizeof s->font_heading, "Noto Sans");
	snprintf(s->font_mono, sizeof s->font_mono, "DejaVu Sans Mono");
	s->size_text = 10 * FX_PT;
	s->leading = 13200;
	s->size_small = 8500;
	s->leading_small = 11000;
	s->size_mono = 8500;
	s->par_indent = 12 * FX_PT;
	s->par_space = 0;
	s->align = ALIGN_JUSTIFY;
	s->hyphenate = 1;
	s->numbered_headings = 0;
	s->h[0] = (style_heading){ 13 * FX_PT, 16 * FX_PT, 14 * FX_PT, 6 * FX_PT, 1, 0 };
	s->h[1] = (style_heading){ 11 * FX_PT, 14 * FX_PT, 11 * FX_PT, 4 * FX_PT, 1, 0 };
	s->h[2] = (style_heading){ 10 * FX_PT, 13200, 9 * FX_PT, 3 * FX_PT, 1, 0 };
	s->h[3] = (style_heading){ 10 * FX_PT, 13200, 6 * FX_PT, 2 * FX_PT, 0, 1 };
	s->title_size = 18 * FX_PT;
	s->book_title_size = 24 * FX_PT;
	s->head_position = PLACE_OUTER;
	s->folio_position = PLACE_OUTER;
	s->folio_bottom = 0;
	s->head_size = 8 * FX_PT;
	s->recto_openings = 1;
	s->toc_depth = 2;
	s->list_indent = 16 * FX_PT;
	s->quote_indent = 16 * FX_PT;
	s->footnote_rule = 30 * FX_MM;
	s->index_columns = 2;
	s->column_gap = 12 * FX_PT;
	s->tolerance = 200;
	s->pretolerance = 100;
	s->looseness = 0;
}

int style_parse_length(const char *v, fx *out)
{
	char *end;
	errno = 0;
	double x = strtod(v, &end);
	if (end == v || errno)
		return -1;
	while (isspace((unsigned char)*end))
		end++;
	double pt;
	if (*end == '\0' || strcmp(end, "pt") == 0)
		pt = x;
	else if (strcmp(end, "mm") == 0)
		pt = x * 72.0 / 25.4;
	else if (strcmp(end, "cm") == 0)
		pt = x * 72.0 / 2.54;
	else if (strcmp(end, "in") == 0)
		pt = x * 72.0;
	else
		return -1;
	if (pt < -10000 || pt > 10000)
		return -1;
	*out = (fx)(pt * 1000.0 + (pt >= 0 ? 0.5 : -0.5));
	return 0;
}

static fx mm_to_fx(double mm)
{
	return (fx)(mm * 72000.0 / 25.4 + (mm >= 0 ? 0.5 : -0.5));
}

int style_paper_size(const char *name, fx *w, fx *h)
{
	static const struct { const char *name; double w, h; } papers[] = {
		{ "a4", 210, 297 }, { "a5", 148, 210 }, { "a6", 105, 148 },
		{ "b5", 176, 250 }, { "letter", 215.9, 279.4 },
	};
	if (name == NULL)
		return -1;
	for (size_t i = 0; i < sizeof papers / sizeof papers[0]; i++)
		if (strcasecmp(name, papers[i].name) == 0) {
			*w = mm_to_fx(papers[i].w);
			*h = mm_to_fx(papers[i].h);
			return 0;
		}
	/* WxH with one unit at the end: 170x240mm, 6x9in */
	char *end;
	errno = 0;
	double a = strtod(name, &end);
	if (errno || end == name || (*end != 'x' && *end != 'X'))
		return -1;
	const char *second = end + 1;
	double b = strtod(second, &end);
	if (errno || end == second)
		return -1;
	double to_mm;
	if (strcmp(end, "mm") == 0)
		to_mm = 1;
	else if (strcmp(end, "cm") == 0)
		to_mm = 10;
	else if (strcmp(end, "in") == 0)
		to_mm = 25.4;
	else if (strcmp(end, "pt") == 0)
		to_mm = 25.4 / 72.0;
	else
		return -1;
	a *= to_mm;
	b *= to_mm;
	/* a page a reader can hold; the PDF limit is 5080 mm */
	if (!(a >= 50 && a <= 1000 && b >= 50 && b <= 1000))
		return -2;
	*w = mm_to_fx(a);
	*h = mm_to_fx(b);
	return 0;
}

enum kind { K_LEN, K_INT, K_BOOL, K_STR, K_ALIGN, K_PLACE, K_PAPER };

typedef struct key {
	const char *name;
	enum kind kind;
	size_t off;
	size_t size; /* K_STR: buffer size */
} key;

#define F(field) offsetof(lay_style, field)
#define H(i, field) (offsetof(lay_style, h) + (i) * sizeof(style_heading) + \
		     offsetof(style_heading, field))
#define HEADING_KEYS(i) \
	{ "heading" #i ".size", K_LEN, H(i - 1, size), 0 }, \
	{ "heading" #i ".leading", K_LEN, H(i - 1, leading), 0 }, \
	{ "heading" #i ".space-before", K_LEN, H(i - 1, space_before), 0 }, \
	{ "heading" #i ".space-after", K_LEN, H(i - 1, space_after), 0 }, \
	{ "heading" #i ".bold", K_BOOL, H(i - 1, bold), 0 }, \
	{ "heading" #i ".italic", K_BOOL, H(i - 1, italic), 0 }

static const key keys[] = {
	{ "name", K_STR, F(name), sizeof(((lay_style *)0)->name) },
	{ "page", K_PAPER, 0, 0 },
	{ "page.width", K_LEN, F(page_width), 0 },
	{ "page.height", K_LEN, F(page_height), 0 },
	{ "two-sided", K_BOOL, F(two_sided), 0 },
	{ "margin.inner", K_LEN, F(margin_inner), 0 },
	{ "margin.outer", K_LEN, F(margin_outer), 0 },
	{ "margin.top", K_LEN, F(margin_top), 0 },
	{ "margin.bottom", K_LEN, F(margin_bottom), 0 },
	{ "font.text", K_STR, F(font_text), sizeof(((lay_style *)0)->font_text) },
	{ "font.heading", K_STR, F(font_heading), sizeof(((lay_style *)0)->font_heading) },
	{ "font.mono", K_STR, F(font_mono), sizeof(((lay_style *)0)->font_mono) },
	{ "size.text", K_LEN, F(size_text), 0 },
	{ "leading", K_LEN, F(leading), 0 },
	{ "size.small", K_LEN, F(size_small), 0 },
	{ "leading.small", K_LEN, F(leading_small), 0 },
	{ "size.mono", K_LEN, F(size_mono), 0 },
	{ "paragraph.indent", K_LEN, F(par_indent), 0 },
	{ "paragraph.space", K_LEN, F(par_space), 0 },
	{ "align", K_ALIGN, F(align), 0 },
	{ "hyphenate", K_BOOL, F(hyphenate), 0 },
	{ "headings.numbered", K_BOOL, F(numbered_headings), 0 },
	HEADING_KEYS(1), HEADING_KEYS(2), HEADING_KEYS(3), HEADING_KEYS(4),
	{ "title.size", K_LEN, F(title_size), 0 },
	{ "book-title.size", K_LEN, F(book_title_size), 0 },
	{ "running-head", K_PLACE, F(head_position), 0 },
	{ "running-head.size", K_LEN, F(head_size), 0 },
	{ "folio", K_PLACE, F(folio_position), 0 },
	{ "folio.bottom", K_BOOL, F(folio_bottom), 0 },
	{ "openings.recto", K_BOOL, F(recto_openings), 0 },
	{ "toc.depth", K_INT, F(toc_depth), 0 },
	{ "list.indent", K_LEN, F(list_indent), 0 },
	{ "quote.indent", K_LEN, F(quote_indent), 0 },
	{ "footnote.rule", K_LEN, F(footnote_rule), 0 },
	{ "index.columns", K_INT, F(index_columns), 0 },
	{ "column.gap", K_LEN, F(column_gap), 0 },
	{ "tolerance", K_INT, F(tolerance), 0 },
	{ "pretolerance", K_INT, F(pretolerance), 0 },
	{ "looseness", K_INT, F(looseness), 0 },
};

static int parse_bool(const char *v, int *out)
{
	if (!strcasecmp(v, "yes") || !strcasecmp(v, "on") || !strcmp(v, "1") ||
	    !strcasecmp(v, "true")) {
		*out = 1;
		return 0;
	}
	if (!strcasecmp(v, "no") || !strcasecmp(v, "off") || !strcmp(v, "0") ||
	    !strcasecmp(v, "false")) {
		*out = 0;
		return 0;
	}
	return -1;
}

static int parse_paper(lay_style *s, const char *v)
{
	static const struct { const char *name; int w, h; } papers[] = {
		{ "a4", 210, 297 }, { "a5", 148, 210 }, { "b5", 176, 250 },
		{ "a6", 105, 148 }, { "letter", 216, 279 },
	};
	for (size_t i = 0; i < sizeof papers / sizeof papers[0]; i++) {
		if (strcasecmp(v, papers[i].name) == 0) {
			style_parse_length("1mm", &s->page_width);
			s->page_width = (fx)((double)papers[i].w * 72000.0 / 25.4 + 0.5);
			s->page_height = (fx)((double)papers[i].h * 72000.0 / 25.4 + 0.5);
			return 0;
		}
	}
	return -1;
}

static int set_key(lay_style *s, const key *k, const char *v)
{
	char *base = (char *)s + k->off;
	switch (k->kind) {
	case K_LEN: {
		fx x;
		if (style_parse_length(v, &x) < 0)
			return -1;
		*(fx *)base = x;
		return 0;
	}
	case K_INT: {
		char *end;
		long x = strtol(v, &end, 10);
		if (*end || x < -100000 || x > 100000)
			return -1;
		*(int *)base = (int)x;
		return 0;
	}
	case K_BOOL:
		return parse_bool(v, (int *)base);
	case K_STR:
		if (strlen(v) >= k->size)
			return -1;
		memcpy(base, v, strlen(v) + 1);
		return 0;
	case K_ALIGN:
		if (!strcasecmp(v, "justify")) *(int *)base = ALIGN_JUSTIFY;
		else if (!strcasecmp(v, "ragged") || !strcasecmp(v, "left")) *(int *)base = ALIGN_RAGGED;
		else return -1;
		return 0;
	case K_PLACE:
		if (!strcasecmp(v, "none")) *(int *)base = PLACE_NONE;
		else if (!strcasecmp(v, "outer")) *(int *)base = PLACE_OUTER;
		else if (!strcasecmp(v, "inner")) *(int *)base = PLACE_INNER;
		else if (!strcasecmp(v, "center")) *(int *)base = PLACE_CENTER;
		else return -1;
		return 0;
	case K_PAPER:
		return parse_paper(s, v);
	}
	return -1;
}

static char *trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	char *e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

int style_load(lay_style *s, const char *path, folio_diag *diag)
{
	int err;
	FILE *fp = file_fopen_regular(path, &err);
	if (fp == NULL) {
		folio_report(diag, FOLIO_FATAL, (folio_loc){ path, 0, 0 },
			     "cannot read the style: %s", file_strerror(err));
		return -1;
	}
	char line[1024];
	unsigned lineno = 0;
	while (fgets(line, sizeof line, fp)) {
		lineno++;
		char *hash = strchr(line, '#');
		if (hash)
			*hash = '\0';
		char *l = trim(line);
		if (*l == '\0')
			continue;
		char *eq = strchr(l, '=');
		folio_loc loc = { path, lineno, 1 };
		if (eq == NULL) {
			folio_report(diag, FOLIO_WARNING, loc,
				     "expected \"key = value\"");
			continue;
		}
		*eq = '\0';
		char *name = trim(l), *value = trim(eq + 1);
		const key *k = NULL;
		for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
			if (strcmp(keys[i].name, name) == 0)
				k = &keys[i];
		if (k == NULL) {
			folio_report(diag, FOLIO_WARNING, loc,
				     "unknown style key \"%s\" (doc/styles.md lists them)",
				     name);
			continue;
		}
		if (set_key(s, k, value) < 0)
			folio_report(diag, FOLIO_WARNING, loc,
				     "bad value \"%s\" for %s", value, name);
	}
	fclose(fp);
	return 0;
}

int style_apply_page(lay_style *s, const folio_page_opts *page,
		     folio_diag *diag)
{
	int paper = page->paper ? style_paper_size(page->paper, &s->page_width,
						    &s->page_height) : 0;
	if (paper == -2) {
		folio_report(diag, FOLIO_FATAL, (folio_loc){ 0 },
			     "paper '%s' is out of range: each side must be "
			     LAYOUT_PAPER_RANGE, page->paper);
		return -1;
	}
	if (paper < 0) {
		folio_report(diag, FOLIO_FATAL, (folio_loc){ 0 },
			     "unknown paper '%s' (a4, a5, a6, b5, letter or WxHmm)",
			     page->paper);
		return -1;
	}
	if (page->sides)
		s->two_sided = page->sides == 2;
	return 0;
}

int layout_paper_size(const char *name, fx *w, fx *h)
{
	return style_paper_size(name, w, h);
}
