/*
 * style: defaults and the key = value reader for page styles.  Every key
 * lives in one table (name, kind, offset), so adding a setting is adding
 * a field and a row.
 */
#include "layout/style.h"
#include "layout/layout.h"
#include "util/file.h"
#include "util/number.h"
#include "util/textgate.h"

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
	s->toc_authors = SWITCH_AUTO;
	s->article_authors = SWITCH_AUTO;
	s->xref_page = XREF_PAGE_OTHER;
	s->xref_page_format = XREF_FORM_PAREN;
	s->glossterm_face = LAYOUT_TERM_NONE;
	s->glossterm_first_only = 0;
	s->list_indent = 16 * FX_PT;
	s->quote_indent = 16 * FX_PT;
	s->footnote_rule = 30 * FX_MM;
	s->index_columns = 2;
	s->column_gap = 12 * FX_PT;
	s->tolerance = STYLE_AUTO;
	s->pretolerance = STYLE_AUTO;
	s->looseness = 0;
	s->expansion = 200;
	s->expansion_step = 50;
	s->protrusion = 1;
}

/* The number and unit of a length, in points; -1 when either is not one
 * folio knows (NaN and the infinities are not numbers here). */
static int length_points(const char *v, double *pt)
{
	double x;
	const char *unit;
	if (number_scan(v, &x, &unit) != NUMBER_OK)
		return -1;
	if (*unit == '\0' || strcmp(unit, "pt") == 0)
		*pt = x;
	else if (strcmp(unit, "mm") == 0)
		*pt = x * 72.0 / 25.4;
	else if (strcmp(unit, "cm") == 0)
		*pt = x * 72.0 / 2.54;
	else if (strcmp(unit, "in") == 0)
		*pt = x * 72.0;
	else
		return -1;
	return 0;
}

static fx points_to_fx(double pt)
{
	return (fx)(pt * 1000.0 + (pt >= 0 ? 0.5 : -0.5));
}

int style_parse_length(const char *v, fx *out)
{
	double pt;
	if (length_points(v, &pt) < 0 || pt < -10000 || pt > 10000)
		return -1;
	*out = points_to_fx(pt);
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

enum kind { K_LEN, K_INT, K_PCT, K_BOOL, K_STR, K_ALIGN, K_PLACE, K_PAPER, K_WORD };

/* A key, where its value goes, and for numbers the values that make
 * sense (lengths in points): the layout divides by sizes and leadings,
 * sizes memory by page and column counts, and trusts what passes here. */
typedef struct key {
	const char *name;
	enum kind kind;
	size_t off;
	size_t size;    /* K_STR: buffer size */
	double min, max;
	int nonzero;    /* 0 is refused even inside [min, max] */
	const char *const *words; /* K_WORD: the values, stored as their index */
} key;

#define F(field) offsetof(lay_style, field)
#define H(i, field) (offsetof(lay_style, h) + (i) * sizeof(style_heading) + \
		     offsetof(style_heading, field))
#define LEN(name, off, min, max, nonzero) { name, K_LEN, off, 0, min, max, nonzero, NULL }
#define INT(name, off, min, max) { name, K_INT, off, 0, min, max, 0, NULL }
/* a percentage, kept in ten-thousandths (2.5 -> 250) */
#define PCT(name, off, min, max) { name, K_PCT, off, 0, min, max, 0, NULL }
#define OTHER(name, kind, off) { name, kind, off, 0, 0, 0, 0, NULL }
#define WORD(name, field, list) { name, K_WORD, F(field), 0, 0, 0, 0, list }
#define STR(name, field) { name, K_STR, F(field), sizeof(((lay_style *)0)->field), 0, 0, 0, NULL }
/* type sizes from 1 pt to 200 pt, leadings to 400 pt, spaces to 500 pt */
#define SIZE(name, off) LEN(name, off, 1, 200, 1)
#define LEADING(name, off) LEN(name, off, 1, 400, 1)
#define SPACE(name, off) LEN(name, off, 0, 500, 0)
#define HEADING_KEYS(i) \
	SIZE("heading" #i ".size", H(i - 1, size)), \
	LEADING("heading" #i ".leading", H(i - 1, leading)), \
	SPACE("heading" #i ".space-before", H(i - 1, space_before)), \
	SPACE("heading" #i ".space-after", H(i - 1, space_after)), \
	OTHER("heading" #i ".bold", K_BOOL, H(i - 1, bold)), \
	OTHER("heading" #i ".italic", K_BOOL, H(i - 1, italic))

/* in the order of enum style_switch */
static const char *const switch_words[] = { "off", "on", "auto", NULL };
/* in the order of enum style_xref_page, enum style_xref_form */
static const char *const xref_page_words[] = { "always", "other-page", "never", NULL };
static const char *const xref_form_words[] = { "paren", "see", "comma", NULL };
/* in the order of enum layout_term_face */
static const char *const term_face_words[] = { "none", "italic", "bold", "underline", NULL };

static const key keys[] = {
	STR("name", name),
	OTHER("page", K_PAPER, 0),
	/* 1 in to 200 in: PDF's own largest page */
	LEN("page.width", F(page_width), 72, 14400, 1),
	LEN("page.height", F(page_height), 72, 14400, 1),
	OTHER("two-sided", K_BOOL, F(two_sided)),
	LEN("margin.inner", F(margin_inner), 0, 7200, 0),
	LEN("margin.outer", F(margin_outer), 0, 7200, 0),
	LEN("margin.top", F(margin_top), 0, 7200, 0),
	LEN("margin.bottom", F(margin_bottom), 0, 7200, 0),
	STR("font.text", font_text),
	STR("font.heading", font_heading),
	STR("font.mono", font_mono),
	SIZE("size.text", F(size_text)),
	LEADING("leading", F(leading)),
	SIZE("size.small", F(size_small)),
	LEADING("leading.small", F(leading_small)),
	SIZE("size.mono", F(size_mono)),
	SPACE("paragraph.indent", F(par_indent)),
	SPACE("paragraph.space", F(par_space)),
	OTHER("align", K_ALIGN, F(align)),
	OTHER("hyphenate", K_BOOL, F(hyphenate)),
	OTHER("headings.numbered", K_BOOL, F(numbered_headings)),
	HEADING_KEYS(1), HEADING_KEYS(2), HEADING_KEYS(3), HEADING_KEYS(4),
	SIZE("title.size", F(title_size)),
	SIZE("book-title.size", F(book_title_size)),
	OTHER("running-head", K_PLACE, F(head_position)),
	SIZE("running-head.size", F(head_size)),
	OTHER("folio", K_PLACE, F(folio_position)),
	OTHER("folio.bottom", K_BOOL, F(folio_bottom)),
	OTHER("openings.recto", K_BOOL, F(recto_openings)),
	INT("toc.depth", F(toc_depth), 0, 10),
	WORD("toc.authors", toc_authors, switch_words),
	WORD("article.authors", article_authors, switch_words),
	WORD("xref.page", xref_page, xref_page_words),
	WORD("xref.page.format", xref_page_format, xref_form_words),
	WORD("glossterm.face", glossterm_face, term_face_words),
	OTHER("glossterm.first-use-only", K_BOOL, F(glossterm_first_only)),
	SPACE("list.indent", F(list_indent)),
	SPACE("quote.indent", F(quote_indent)),
	LEN("footnote.rule", F(footnote_rule), 0, 7200, 0),
	INT("index.columns", F(index_columns), 1, 16),
	SPACE("column.gap", F(column_gap)),
	INT("tolerance", F(tolerance), 0, 10000),
	INT("pretolerance", F(pretolerance), -1, 10000),
	INT("looseness", F(looseness), -100, 100),
	PCT("expansion", F(expansion), 0, 5),
	PCT("expansion.step", F(expansion_step), 0, 5),
	OTHER("protrusion", K_BOOL, F(protrusion)),
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

/* -1 for a value that is no value of the key's kind, -2 for a number
 * outside the key's range. */
static int set_key(lay_style *s, const key *k, const char *v)
{
	char *base = (char *)s + k->off;
	switch (k->kind) {
	case K_LEN: {
		double pt;
		if (length_points(v, &pt) < 0)
			return -1;
		if (pt < k->min || pt > k->max || (k->nonzero && pt == 0))
			return -2;
		*(fx *)base = points_to_fx(pt);
		return 0;
	}
	case K_INT: {
		double x;
		if (number_parse(v, -1e9, 1e9, 0, &x) != NUMBER_OK || x != (double)(long)x)
			return -1;
		if (x < k->min || x > k->max)
			return -2;
		*(int *)base = (int)x;
		return 0;
	}
	case K_PCT: {
		double x;
		if (number_parse(v, -1e9, 1e9, 0, &x) != NUMBER_OK)
			return -1;
		if (x < k->min || x > k->max)
			return -2;
		*(int *)base = (int)(x * 100 + 0.5);
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
	case K_WORD:
		for (int i = 0; k->words[i]; i++)
			if (strcasecmp(v, k->words[i]) == 0) {
				*(int *)base = i;
				return 0;
			}
		return -1;
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

/* What a key takes, for a message about a bad value. */
static void describe_values(const key *k, char *buf, size_t size)
{
	switch (k->kind) {
	case K_LEN:
		snprintf(buf, size, "a length from %g pt to %g pt%s (units: mm, cm, in, pt)",
			 k->min, k->max, k->nonzero && k->min <= 0 ? ", not 0" : "");
		break;
	case K_INT:
		snprintf(buf, size, "a whole number from %g to %g", k->min, k->max);
		break;
	case K_PCT:
		snprintf(buf, size, "a percentage from %g to %g", k->min, k->max);
		break;
	case K_BOOL:
		snprintf(buf, size, "yes or no");
		break;
	case K_STR:
		snprintf(buf, size, "text of at most %zu bytes", k->size - 1);
		break;
	case K_ALIGN:
		snprintf(buf, size, "justify or ragged");
		break;
	case K_PLACE:
		snprintf(buf, size, "outer, inner, center or none");
		break;
	case K_PAPER:
		snprintf(buf, size, "a4, a5, b5, a6 or letter");
		break;
	case K_WORD: {
		size_t at = 0;
		buf[0] = '\0';
		for (int i = 0; k->words[i] && at < size; i++)
			at += (size_t)snprintf(buf + at, size - at, "%s%s",
					       i == 0 ? "" : k->words[i + 1] ? ", " : " or ",
					       k->words[i]);
		break;
	}
	}
}

static const key *find_key(const char *name)
{
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (strcmp(keys[i].name, name) == 0)
			return &keys[i];
	return NULL;
}

/* One line of a style; 0, or -1 after an error. */
static int style_line(lay_style *s, char *line, size_t len, folio_loc loc,
		      folio_diag *diag)
{
	textgate_fault fault;
	if (!textgate_check(line, len, &fault)) {
		char what[96];
		loc.col = fault.col;
		folio_report(diag, FOLIO_ERROR, loc, "the style holds %s",
			     textgate_describe(&fault, what, sizeof what));
		return -1;
	}
	char *hash = strchr(line, '#');
	if (hash)
		*hash = '\0';
	char *l = trim(line);
	if (*l == '\0')
		return 0;
	char *eq = strchr(l, '=');
	if (eq == NULL) {
		folio_report(diag, FOLIO_WARNING, loc, "expected \"key = value\"");
		return 0;
	}
	*eq = '\0';
	char *name = trim(l), *value = trim(eq + 1);
	const key *k = find_key(name);
	if (k == NULL) {
		folio_report(diag, FOLIO_WARNING, loc,
			     "unknown style key \"%s\" (doc/styles.md lists them)", name);
		return 0;
	}
	int rc = set_key(s, k, value);
	if (rc == 0)
		return 0;
	char allowed[128];
	describe_values(k, allowed, sizeof allowed);
	folio_report(diag, FOLIO_ERROR, loc, "%s = %s: %s; %s takes %s", name, value,
		     rc == -2 ? "out of range" : "not a value it takes", name, allowed);
	return -1;
}

/* The text block must hold a few lines of a few words: margins that
 * leave less than MIN_BLOCK of the page are an error before any layout. */
#define MIN_BLOCK (30 * 72000 * 10 / 254) /* 3 cm: 30 mm in thousandths of a point */

int style_check(const lay_style *s, const char *path, folio_diag *diag)
{
	folio_loc at = { path, 0, 0 };
	int64_t w = (int64_t)s->page_width - s->margin_inner - s->margin_outer;
	int64_t h = (int64_t)s->page_height - s->margin_top - s->margin_bottom;
	if (w >= MIN_BLOCK && h >= MIN_BLOCK)
		return 0;
	folio_report(diag, FOLIO_ERROR, at,
		     "the text block is %.1f x %.1f mm: the page (%.1f x %.1f mm) less its margins must leave at least 30 x 30 mm",
		     (double)w * 25.4 / 72000, (double)h * 25.4 / 72000,
		     (double)s->page_width * 25.4 / 72000,
		     (double)s->page_height * 25.4 / 72000);
	return -1;
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
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	unsigned lineno = 0;
	int rc = 0;
	while ((len = getline(&line, &cap, fp)) >= 0) {
		lineno++;
		folio_loc loc = { path, lineno, 1 };
		if (style_line(s, line, (size_t)len, loc, diag) < 0)
			rc = -1;
	}
	free(line);
	fclose(fp);
	if (rc == 0)
		rc = style_check(s, path, diag);
	return rc;
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
