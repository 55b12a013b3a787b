/*
 * cite_common: what every citation style needs: the inline-content
 * builder (cite_out), name initials, edition ordinals, page ranges, title
 * casing, dates, and comparisons of name lists.
 */
#include "resolve/cite_style.h"
#include "resolve/gentree.h"
#include "util/vec.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/uchar.h>

/* ---- styles by name ---- */

const cite_style *cite_style_find(const char *name)
{
	static const struct {
		const char *name;
		const cite_style *style;
	} names[] = {
		{ "apa", &cite_style_apa }, { "apa7", &cite_style_apa },
		{ "chicago", &cite_style_chicago },
		{ "chicago-author-date", &cite_style_chicago },
		{ "ieee", &cite_style_ieee },
	};
	if (name == NULL)
		return NULL;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcasecmp(names[i].name, name) == 0)
			return names[i].style;
	return NULL;
}

int cite_accessed_parse(const char *value)
{
	if (value == NULL)
		return -1;
	if (strcasecmp(value, "always") == 0)
		return CITE_ACCESSED_ALWAYS;
	if (strcasecmp(value, "when-undated") == 0)
		return CITE_ACCESSED_WHEN_UNDATED;
	if (strcasecmp(value, "never") == 0)
		return CITE_ACCESSED_NEVER;
	return -1;
}

/* ---- cite_out ---- */

void out_init(cite_out *o, folio_doc *doc, folio_node *root, folio_node *origin)
{
	memset(o, 0, sizeof(*o));
	o->doc = doc;
	o->root = root;
	o->cur = root;
	o->origin = origin;
}

static void out_flush(cite_out *o)
{
	if (o->pending.len == 0)
		return;
	gen_textn(o->doc, o->cur, o->pending.s, o->pending.len, o->origin);
	sb_clear(&o->pending);
}

void out_finish(cite_out *o)
{
	o->sep = NULL;
	out_flush(o);
	o->cur = o->root;
	sb_free(&o->pending);
}

/* The last code point of s[0..n). */
static uint32_t last_cp(const char *s, size_t n)
{
	size_t i = n;
	while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0)
		return 0;
	uint32_t cp;
	utf8_decode(s + i - 1, n - (i - 1), &cp);
	return cp;
}

static void put_sep(cite_out *o)
{
	if (o->sep) {
		sb_puts(&o->pending, o->sep);
		o->last = last_cp(o->sep, strlen(o->sep));
		o->sep = NULL;
	}
}

void out_sep(cite_out *o, const char *sep)
{
	o->sep = sep;
}

void out_textn(cite_out *o, const char *s, size_t n)
{
	if (s == NULL || n == 0)
		return;
	put_sep(o);
	sb_putn(&o->pending, s, n);
	o->last = last_cp(s, n);
}

void out_text(cite_out *o, const char *s)
{
	if (s)
		out_textn(o, s, strlen(s));
}

void out_printf(cite_out *o, const char *fmt, ...)
{
	/* titles can be long: format into a buffer of the right size */
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	char *buf = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(buf, (size_t)n + 1, fmt, ap);
	va_end(ap);
	out_textn(o, buf, (size_t)n);
	free(buf);
}

void out_period(cite_out *o, const char *sep)
{
	uint32_t c = o->last;
	o->sep = NULL;
	if (c != 0 && c != '.' && c != '?' && c != '!')
		out_text(o, ".");
	o->sep = sep;
}

void out_emph_begin(cite_out *o)
{
	put_sep(o);
	out_flush(o);
	o->cur = gen_node(o->doc, o->cur, FOLIO_NODE_EMPHASIS, o->origin);
}

void out_link_begin(cite_out *o, const char *href, folio_node *target)
{
	put_sep(o);
	out_flush(o);
	folio_node *l = gen_node(o->doc, o->cur, FOLIO_NODE_LINK, o->origin);
	if (href)
		folio_node_set_attr(o->doc, l, "xlink:href", href);
	l->target = target;
	o->cur = l;
}

void out_end(cite_out *o)
{
	out_flush(o);
	if (o->cur != o->root && o->cur->parent)
		o->cur = o->cur->parent;
}

void out_doi_link(cite_out *o, const char *doi)
{
	char *url = xmalloc(strlen(doi) + 20);
	sprintf(url, "https://doi.org/%s", doi);
	out_link_begin(o, url, NULL);
	out_text(o, url);
	out_end(o);
	free(url);
}

void out_url_link(cite_out *o, const char *url)
{
	out_link_begin(o, url, NULL);
	out_text(o, url);
	out_end(o);
}

/* ---- names ---- */

static void put_cp(strbuf *b, uint32_t cp)
{
	char tmp[4];
	sb_putn(b, tmp, utf8_encode(cp, tmp));
}

/* Han, kana, Hangul: scripts whose names have no initials. */
static int east_asian_cp(uint32_t cp)
{
	return (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x2E80 && cp <= 0x9FFF) ||
	       (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0x20000 && cp <= 0x3FFFF);
}

int cite_name_east_asian(const biblio_name *n)
{
	if (n->org || n->family == NULL || n->family[0] == '\0')
		return 0;
	uint32_t cp = 0;
	utf8_decode(n->family, strlen(n->family), &cp);
	return east_asian_cp(cp);
}

char *cite_initials(const char *given)
{
	strbuf b = STRBUF_INIT;
	size_t n = given ? strlen(given) : 0;
	int at_start = 1; /* at the start of a name part */
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = utf8_decode(given + i, n - i, &cp);
		if (cp == ' ') {
			if (!at_start && b.len && b.s[b.len - 1] != ' ')
				sb_putc(&b, ' ');
			at_start = 1;
		} else if (cp == '-') {
			sb_putc(&b, '-');
			at_start = 1;
		} else if (at_start && u_isalpha((UChar32)cp)) {
			if (b.len && b.s[b.len - 1] == '.')
				sb_putc(&b, ' ');
			put_cp(&b, (uint32_t)u_toupper((UChar32)cp));
			sb_putc(&b, '.');
			at_start = 0;
		}
		i += len;
	}
	/* "B. S. " from trailing spaces */
	while (b.len && b.s[b.len - 1] == ' ')
		b.s[--b.len] = '\0';
	char *s = sb_take(&b);
	return s ? s : xstrdup("");
}

int cite_same_text(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	char *fa = collate_fold(a), *fb = collate_fold(b);
	int same = strcmp(fa, fb) == 0;
	free(fa);
	free(fb);
	return same;
}

static int same_str(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

int cite_same_names(const biblio_names *a, const biblio_names *b)
{
	if (a->n != b->n || a->others != b->others)
		return 0;
	for (unsigned i = 0; i < a->n; i++)
		if (!same_str(a->v[i].family, b->v[i].family) ||
		    !same_str(a->v[i].given, b->v[i].given))
			return 0;
	return 1;
}

int cite_compare_names(collator *coll, const biblio_names *a,
		       const biblio_names *b)
{
	unsigned n = a->n < b->n ? a->n : b->n;
	for (unsigned i = 0; i < n; i++) {
		int r = collate_cmp(coll, a->v[i].family, b->v[i].family);
		if (r)
			return r;
		const char *ga = a->v[i].given ? a->v[i].given : "";
		const char *gb = b->v[i].given ? b->v[i].given : "";
		r = collate_cmp(coll, ga, gb);
		if (r)
			return r;
	}
	return (a->n > b->n) - (a->n < b->n);
}

const char *cite_skip_article(const char *title)
{
	static const char *const articles[] = { "the ", "a ", "an " };
	if (title == NULL)
		return "";
	for (size_t i = 0; i < 3; i++) {
		size_t len = strlen(articles[i]);
		if (strncasecmp(title, articles[i], len) == 0)
			return title + len;
	}
	return title;
}

/* ---- numbers and ranges ---- */

char *cite_edition_number(const cite_terms *t, const char *edition)
{
	if (edition == NULL || edition[0] == '\0')
		return NULL;
	const char *p = edition;
	while (*p == ' ')
		p++;
	if (!isdigit((unsigned char)*p))
		return xstrdup(edition);
	long n = strtol(p, NULL, 10);
	if (n == 1)
		return NULL;
	char buf[32];
	if (!t->ordinal_suffixes) {
		snprintf(buf, sizeof buf, "%ld", n);
		return xstrdup(buf);
	}
	const char *suffix = "th";
	if (n % 100 < 11 || n % 100 > 13) {
		if (n % 10 == 1)
			suffix = "st";
		else if (n % 10 == 2)
			suffix = "nd";
		else if (n % 10 == 3)
			suffix = "rd";
	}
	snprintf(buf, sizeof buf, "%ld%s", n, suffix);
	return xstrdup(buf);
}

/* Length of a dash run at s (ASCII hyphens, en or em dash), 0 if none. */
static size_t dash_run(const char *s)
{
	size_t i = 0;
	for (;;) {
		if (s[i] == '-')
			i++;
		else if (strncmp(s + i, "\u2013", 3) == 0 || strncmp(s + i, "\u2014", 3) == 0)
			i += 3;
		else
			return i;
	}
}

char *cite_page_range(const char *pages)
{
	strbuf b = STRBUF_INIT;
	for (const char *p = pages ? pages : ""; *p;) {
		size_t d = dash_run(p);
		if (d) {
			/* trim spaces around the dash */
			while (b.len && b.s[b.len - 1] == ' ')
				b.s[--b.len] = '\0';
			sb_puts(&b, "\u2013");
			p += d;
			while (*p == ' ')
				p++;
			continue;
		}
		sb_putc(&b, *p++);
	}
	char *s = sb_take(&b);
	return s ? s : xstrdup("");
}

char *cite_page_range_short(const char *pages)
{
	char *full = cite_page_range(pages);
	char *dash = strstr(full, "\u2013");
	if (dash == NULL)
		return full;
	const char *first = full, *second = dash + 3;
	size_t l1 = (size_t)(dash - full), l2 = strlen(second);
	for (size_t i = 0; i < l1; i++)
		if (!isdigit((unsigned char)first[i]))
			return full;
	for (size_t i = 0; i < l2; i++)
		if (!isdigit((unsigned char)second[i]))
			return full;
	long a = strtol(first, NULL, 10), z = strtol(second, NULL, 10);
	if (l1 != l2 || z <= a || a < 100 || a % 100 == 0)
		return full;
	size_t common = 0;
	while (common < l2 && first[common] == second[common])
		common++;
	size_t keep = l2 - common;
	/* 101-109 in any hundred: the changed part only; else two digits
	 * at least (Chicago Manual 9.64). */
	if (a % 100 >= 10 && keep < 2)
		keep = 2;
	if (keep < 1)
		keep = 1;
	/* ... but a four-digit number with three digits changed is given
	 * in full (1496-1504). */
	if (l1 == 4 && keep >= 3)
		keep = 4;
	char *out = xmalloc(l1 + 3 + keep + 1);
	memcpy(out, first, l1);
	memcpy(out + l1, "\u2013", 3);
	memcpy(out + l1 + 3, second + l2 - keep, keep);
	out[l1 + 3 + keep] = '\0';
	free(full);
	return out;
}

/* ---- titles ---- */

char *cite_full_title(const char *title, const char *subtitle)
{
	if (title == NULL)
		return NULL;
	if (subtitle == NULL || subtitle[0] == '\0')
		return xstrdup(title);
	size_t n = strlen(title);
	char last = n ? title[n - 1] : 0;
	const char *sep = (last == '?' || last == '!' || last == ':') ? " " : ": ";
	char *s = xmalloc(n + strlen(sep) + strlen(subtitle) + 1);
	sprintf(s, "%s%s%s", title, sep, subtitle);
	return s;
}

static int is_minor_word(const char *w, size_t n)
{
	static const char *const minor[] = {
		"a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet",
		"as", "at", "by", "in", "of", "off", "on", "per", "to", "up",
		"via", "vs", "vs.", "from", "into", "with", NULL
	};
	for (size_t i = 0; minor[i]; i++)
		if (strlen(minor[i]) == n && strncasecmp(minor[i], w, n) == 0)
			return 1;
	return 0;
}

/* 1 when the word has an uppercase letter after its first letter
 * ("iPhone", "COVID-19", "DuBois"): such words keep their case. */
static int has_inner_capital(const char *w, size_t n)
{
	int seen_letter = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += utf8_decode(w + i, n - i, &cp);
		if (!u_isalpha((UChar32)cp))
			continue;
		if (seen_letter && u_isupper((UChar32)cp))
			return 1;
		seen_letter = 1;
	}
	return 0;
}

/* Appends w[0..n) with its first letter (and the first after each
 * hyphen) changed by fn. */
static void put_word_cased(strbuf *b, const char *w, size_t n, int upper_first,
			   int hyphen_parts)
{
	int at_part_start = 1;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = utf8_decode(w + i, n - i, &cp);
		if (at_part_start && u_isalpha((UChar32)cp)) {
			cp = upper_first ? (uint32_t)u_toupper((UChar32)cp)
					 : (uint32_t)u_tolower((UChar32)cp);
			put_cp(b, cp);
			at_part_start = 0;
		} else {
			if (cp == '-' && hyphen_parts)
				at_part_start = 1;
			sb_putn(b, w + i, len);
		}
		i += len;
	}
}

static int lang_is_english(const char *lang)
{
	return lang == NULL || strncasecmp(lang, "en", 2) == 0;
}

char *cite_headline_case(const char *title, const char *lang)
{
	if (title == NULL)
		return NULL;
	if (!lang_is_english(lang))
		return xstrdup(title);
	strbuf b = STRBUF_INIT;
	size_t n = strlen(title);
	int first = 1, after_colon = 0;
	for (size_t i = 0; i < n;) {
		if (title[i] == ' ') {
			sb_putc(&b, ' ');
			i++;
			continue;
		}
		size_t j = i;
		while (j < n && title[j] != ' ')
			j++;
		const char *w = title + i;
		size_t wl = j - i;
		int last = j >= n;
		if (has_inner_capital(w, wl))
			sb_putn(&b, w, wl);
		else if (!first && !after_colon && !last && is_minor_word(w, wl))
			sb_putn(&b, w, wl);
		else
			put_word_cased(&b, w, wl, 1, 1);
		after_colon = wl && (w[wl - 1] == ':' || w[wl - 1] == '?' ||
				     w[wl - 1] == '!');
		first = 0;
		i = j;
	}
	char *s = sb_take(&b);
	return s ? s : xstrdup("");
}

static int starts_upper(const char *w, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += utf8_decode(w + i, n - i, &cp);
		if (u_isalpha((UChar32)cp))
			return u_isupper((UChar32)cp) || u_istitle((UChar32)cp);
	}
	return 0;
}

static size_t letters_in(const char *w, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += utf8_decode(w + i, n - i, &cp);
		if (u_isalpha((UChar32)cp))
			k++;
	}
	return k;
}

char *cite_sentence_case_hint(const char *title)
{
	if (title == NULL)
		return NULL;
	size_t n = strlen(title);
	unsigned candidates = 0, capitalized = 0;
	strbuf b = STRBUF_INIT;
	int first = 1, after_colon = 0;
	for (size_t i = 0; i < n;) {
		if (title[i] == ' ') {
			sb_putc(&b, ' ');
			i++;
			continue;
		}
		size_t j = i;
		while (j < n && title[j] != ' ')
			j++;
		const char *w = title + i;
		size_t wl = j - i;
		int keep = first || after_colon || has_inner_capital(w, wl);
		if (!keep && letters_in(w, wl) >= 4 && !is_minor_word(w, wl)) {
			candidates++;
			capitalized += starts_upper(w, wl);
		}
		if (keep)
			sb_putn(&b, w, wl);
		else
			put_word_cased(&b, w, wl, 0, 0);
		after_colon = wl && (w[wl - 1] == ':' || w[wl - 1] == '?' ||
				     w[wl - 1] == '!');
		first = 0;
		i = j;
	}
	char *s = sb_take(&b);
	if (candidates >= 2 && capitalized == candidates && s &&
	    strcmp(s, title) != 0)
		return s;
	free(s);
	return NULL;
}

/* ---- dates ---- */

char *cite_date_text(const cite_terms *t, const char *iso, int abbrev)
{
	if (iso == NULL)
		return NULL;
	int y = 0, m = 0, d = 0;
	int got = sscanf(iso, "%d-%d-%d", &y, &m, &d);
	if (got < 2 || m < 1 || m > 12)
		return got == 1 ? xstrdup(iso) : NULL;
	const char *month = abbrev ? t->months_short[m - 1] : t->months[m - 1];
	char buf[96];
	/* the formats come from the language tables (cite_terms.h), never
	 * from the sources */
	if (got < 3 || d < 1)
		snprintf(buf, sizeof buf, t->date_month, y, month);
	else
		snprintf(buf, sizeof buf, t->date_full, y, month, d);
	return xstrdup(buf);
}

char *cite_accessed_text(const cite_ctx *ctx, const biblio_entry *e,
			 cite_accessed style_rule, int abbrev)
{
	/* an access date dates what was read at a URL: nothing to date
	 * without one, and a DOI names a version that does not change */
	if (e->accessed == NULL || e->url == NULL || e->doi)
		return NULL;
	cite_accessed rule = ctx->accessed == CITE_ACCESSED_STYLE ? style_rule
			   : ctx->accessed;
	if (rule == CITE_ACCESSED_NEVER ||
	    (rule == CITE_ACCESSED_WHEN_UNDATED && e->year))
		return NULL;
	return cite_date_text(ctx->terms, e->accessed, abbrev);
}

char *cite_year_text(const cite_ctx *ctx, const biblio_entry *e, int dash)
{
	char buf[96];
	if (e->year) {
		snprintf(buf, sizeof buf, "%s%s", e->year, e->suffix);
	} else if (e->suffix[0]) {
		snprintf(buf, sizeof buf, "%s%s%s", ctx->lang->no_date,
			 dash ? "-" : "", e->suffix);
	} else {
		snprintf(buf, sizeof buf, "%s", ctx->lang->no_date);
	}
	return xstrdup(buf);
}

char *cite_locator_text(const cite_ctx *ctx, const cite_item *item, int bare)
{
	if (item->locator && item->locator[0])
		return xstrdup(item->locator);
	if (item->page == NULL)
		return NULL;
	char buf[128];
	if (item->page_end && item->page_end[0]) {
		if (bare)
			snprintf(buf, sizeof buf, "%s\u2013%s", item->page, item->page_end);
		else
			snprintf(buf, sizeof buf, "%s %s\u2013%s", ctx->lang->pages_abbrev,
				 item->page, item->page_end);
	} else if (bare) {
		snprintf(buf, sizeof buf, "%s", item->page);
	} else {
		snprintf(buf, sizeof buf, "%s %s", ctx->lang->page_abbrev, item->page);
	}
	return xstrdup(buf);
}

struct order_ctx {
	const cite_style *style;
	const cite_ctx *ctx;
};

static int by_style(void *c, const void *a, const void *b)
{
	const struct order_ctx *oc = c;
	return oc->style->compare(oc->ctx, a, b);
}

static int same_year(const biblio_entry *a, const biblio_entry *b)
{
	if (a->year == NULL || b->year == NULL)
		return a->year == b->year;
	return strcmp(a->year, b->year) == 0;
}

void cite_sort_and_suffix(const cite_style *style, const cite_ctx *ctx,
			  biblio_entry **v, size_t n)
{
	struct order_ctx oc = { style, ctx };
	vec_sort_ptrs((void **)v, n, by_style, &oc);
	for (size_t i = 0; i < n; i++)
		v[i]->suffix[0] = '\0';
	if (!style->year_suffixes)
		return;
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && style->same_authors(v[i], v[j]) && same_year(v[i], v[j]))
			j++;
		if (j - i > 1) {
			for (size_t k = i; k < j; k++) {
				size_t idx = k - i;
				/* a..z, then aa, ab, ... */
				if (idx < 26) {
					v[k]->suffix[0] = (char)('a' + idx);
					v[k]->suffix[1] = '\0';
				} else {
					v[k]->suffix[0] = (char)('a' + (idx / 26 - 1) % 26);
					v[k]->suffix[1] = (char)('a' + idx % 26);
					v[k]->suffix[2] = '\0';
				}
			}
		}
		i = j;
	}
}
