/*
 * bibtex: reads BibTeX databases as Zotero, JabRef and Mendeley export
 * them into bibliography entries (biblio.h).
 *
 * Handles @string macros (and the month macros jan..dec), values in
 * braces or quotes, bare numbers, # concatenation, @comment and
 * @preamble, the LaTeX accents and commands that reference managers
 * write ({\'e}, \"{o}, \c{c}, {\ss}, \&, --, ~, \textit{...}), names
 * joined by "and" (with "and others"), and {Protected} words.  A
 * malformed entry is reported with file:line and skipped: parsing goes
 * on at the next line that starts with '@', so the rest still loads.
 */
#include "resolve/biblio.h"
#include "resolve/collate.h"
#include "util/vec.h"
#include "util/arena.h"
#include "util/file.h"
#include "util/hash.h"
#include "util/limits.h"
#include "util/strbuf.h"
#include "util/textgate.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

struct field {
	char *name;  /* lowercased */
	char *raw;   /* the value with its inner braces, LaTeX unconverted */
	unsigned line;
};

struct parser {
	biblio_db *db;
	folio_diag *diag;
	const char *file;
	const char *s;
	size_t n, i;
	unsigned line;       /* line of s[i] */
	size_t line_start;   /* offset of that line's first byte */
	folio_hash *macros;  /* lowercased name -> heap value */
	ptrvec macro_keys;   /* heap names, freed at the end */
	int added;
};

/* ---- low-level scanning ---- */

static int at_end(const struct parser *p)
{
	return p->i >= p->n;
}

static char peek(const struct parser *p)
{
	return at_end(p) ? '\0' : p->s[p->i];
}

static char advance(struct parser *p)
{
	char c = p->s[p->i++];
	if (c == '\n') {
		p->line++;
		p->line_start = p->i;
	}
	return c;
}

static void skip_space(struct parser *p)
{
	while (!at_end(p)) {
		char c = peek(p);
		if (c == '%') { /* a comment to the end of the line */
			while (!at_end(p) && peek(p) != '\n')
				advance(p);
		} else if (isspace((unsigned char)c)) {
			advance(p);
		} else {
			return;
		}
	}
}

/* The place of s[i], 1-based, in bytes as the reader counts columns. */
static folio_loc here(const struct parser *p)
{
	folio_loc loc = { p->file, p->line, (unsigned)(p->i - p->line_start) + 1 };
	return loc;
}

static void error_at(struct parser *p, folio_loc loc, const char *msg, const char *detail)
{
	if (detail)
		folio_report(p->diag, FOLIO_ERROR, loc, "%s '%s'", msg, detail);
	else
		folio_report(p->diag, FOLIO_ERROR, loc, "%s", msg);
}

static int is_ident_char(char c)
{
	return isalnum((unsigned char)c) || (c != '\0' && strchr("_-:.+/'!?*&", c));
}

static char *read_ident(struct parser *p)
{
	size_t start = p->i;
	while (!at_end(p) && is_ident_char(peek(p)))
		advance(p);
	if (p->i == start)
		return NULL;
	char *id = xstrndup(p->s + start, p->i - start);
	for (char *c = id; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	return id;
}

/* Moves to the next '@' that starts a line (after a malformed entry). */
static void resync(struct parser *p)
{
	while (!at_end(p)) {
		char c = advance(p);
		if (c != '\n')
			continue;
		size_t j = p->i;
		while (j < p->n && (p->s[j] == ' ' || p->s[j] == '\t'))
			j++;
		if (j < p->n && p->s[j] == '@')
			return;
	}
}

/* ---- values ---- */

static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

static const char *macro_value(struct parser *p, const char *name)
{
	const char *v = hash_get(p->macros, name);
	if (v)
		return v;
	static const char *const abbrevs[12] = { "jan", "feb", "mar", "apr", "may",
		"jun", "jul", "aug", "sep", "oct", "nov", "dec" };
	for (int m = 0; m < 12; m++)
		if (strcmp(name, abbrevs[m]) == 0)
			return month_names[m];
	return NULL;
}

/* 1 when the line after the newline at s[i] starts with '@'. */
static int next_line_starts_entry(const struct parser *p)
{
	size_t j = p->i + 1;
	while (j < p->n && (p->s[j] == ' ' || p->s[j] == '\t'))
		j++;
	return j < p->n && p->s[j] == '@';
}

/* A {braced} or "quoted" part, appended without its delimiters. */
static int read_delimited(struct parser *p, strbuf *out)
{
	folio_loc start = here(p);
	char open = advance(p);
	int depth = 0;
	while (!at_end(p)) {
		char c = peek(p);
		if (open == '{' && c == '}' && depth == 0) {
			advance(p);
			return 0;
		}
		if (open == '"' && c == '"' && depth == 0) {
			advance(p);
			return 0;
		}
		if (c == '\n' && next_line_starts_entry(p)) {
			/* An '@' opening a line is the next entry: this value
			 * was never closed.  Stop here so the rest loads. */
			break;
		}
		if (c == '\\' && p->i + 1 < p->n) {
			/* keep escapes such as \{ and \" as they are */
			sb_putc(out, advance(p));
			sb_putc(out, advance(p));
			continue;
		}
		if (c == '{')
			depth++;
		else if (c == '}') {
			if (depth == 0) {
				error_at(p, here(p), "unbalanced '}' in a quoted value", NULL);
				return -1;
			}
			depth--;
		}
		sb_putc(out, advance(p));
	}
	error_at(p, start, open == '{' ? "unterminated '{' value"
					    : "unterminated quoted value", NULL);
	return -1;
}

/* Appends a macro's text, within the build's budget for macro text.
 * Past it, the error is given once and the parse of every database
 * stops: each later use would only repeat it. */
static int put_macro(struct parser *p, strbuf *out, folio_loc loc,
		     const char *name, const char *v)
{
	biblio_db *db = p->db;
	size_t n = strlen(v);
	size_t max = limit_value(LIMIT_BIBTEX_BYTES);
	if (!db->macro_limit_hit && n <= max && db->macro_bytes <= max - n) {
		db->macro_bytes += n;
		sb_putn(out, v, n);
		return 0;
	}
	if (!db->macro_limit_hit) {
		char size[32];
		folio_report(p->diag, FOLIO_ERROR, loc,
			     "@string macros expand to more than %s of text (folio's limit), here '%s'",
			     limit_bytes_text(max, size, sizeof size), name);
		db->macro_limit_hit = 1;
	}
	p->i = p->n; /* stop reading */
	return -1;
}

/* value = part { "#" part }. */
static int read_value(struct parser *p, strbuf *out)
{
	for (;;) {
		skip_space(p);
		char c = peek(p);
		if (c == '{' || c == '"') {
			if (read_delimited(p, out) < 0)
				return -1;
		} else if (isdigit((unsigned char)c)) {
			while (isdigit((unsigned char)peek(p)))
				sb_putc(out, advance(p));
		} else if (is_ident_char(c)) {
			folio_loc loc = here(p);
			char *name = read_ident(p);
			const char *v = macro_value(p, name);
			int rc = 0;
			if (v == NULL)
				folio_report(p->diag, FOLIO_WARNING, loc,
					     "unknown @string macro '%s'", name);
			else
				rc = put_macro(p, out, loc, name, v);
			free(name);
			if (rc < 0)
				return -1;
		} else {
			error_at(p, here(p), "expected a value", NULL);
			return -1;
		}
		skip_space(p);
		if (peek(p) != '#')
			return 0;
		advance(p);
	}
}

/* ---- LaTeX to Unicode ---- */

static uint32_t combining_for(char accent)
{
	switch (accent) {
	case '\'': return 0x0301;
	case '`': return 0x0300;
	case '^': return 0x0302;
	case '"': return 0x0308;
	case '~': return 0x0303;
	case '=': return 0x0304;
	case '.': return 0x0307;
	case 'c': return 0x0327;
	case 'v': return 0x030C;
	case 'u': return 0x0306;
	case 'H': return 0x030B;
	case 'k': return 0x0328;
	case 'r': return 0x030A;
	case 'd': return 0x0323;
	case 'b': return 0x0331;
	case 't': return 0x0361;
	default: return 0;
	}
}

static void put_cp(strbuf *b, uint32_t cp)
{
	char tmp[4];
	sb_putn(b, tmp, utf8_encode(cp, tmp));
}

struct latex_word {
	const char *name;
	const char *utf8;
};

static const struct latex_word latex_words[] = {
	{ "aa", "\u00e5" }, { "AA", "\u00c5" }, { "ae", "\u00e6" }, { "AE", "\u00c6" },
	{ "o", "\u00f8" }, { "O", "\u00d8" }, { "ss", "\u00df" }, { "l", "\u0142" },
	{ "L", "\u0141" }, { "oe", "\u0153" }, { "OE", "\u0152" }, { "i", "\u0131" },
	{ "j", "\u0237" }, { "textendash", "\u2013" }, { "textemdash", "\u2014" },
	{ "textquoteleft", "\u2018" }, { "textquoteright", "\u2019" },
	{ "textquotedblleft", "\u201c" }, { "textquotedblright", "\u201d" },
	{ "ldots", "\u2026" }, { "dots", "\u2026" }, { "textellipsis", "\u2026" },
	{ "S", "\u00a7" }, { "P", "\u00b6" }, { "copyright", "\u00a9" },
	{ "textregistered", "\u00ae" }, { "texttrademark", "\u2122" },
	{ "textasciitilde", "~" }, { "textbackslash", "\\" }, { "LaTeX", "LaTeX" },
	{ "TeX", "TeX" }, { "textdegree", "\u00b0" }, { "euro", "\u20ac" },
	{ NULL, NULL }
};

/* Reads an accent's argument at s[*i]: "{e}", "{\i}", "e", " e". */
static void accent_argument(const char *s, size_t n, size_t *i, strbuf *out)
{
	while (*i < n && s[*i] == ' ')
		(*i)++;
	int braced = *i < n && s[*i] == '{';
	if (braced)
		(*i)++;
	if (*i + 1 < n && s[*i] == '\\' && (s[*i + 1] == 'i' || s[*i + 1] == 'j') &&
	    !isalpha((unsigned char)(*i + 2 < n ? s[*i + 2] : ' '))) {
		/* accented dotless i/j: the accent replaces the dot */
		sb_putc(out, s[*i + 1]);
		*i += 2;
		while (*i < n && s[*i] == ' ' && braced)
			(*i)++;
	} else if (*i < n && s[*i] != '}') {
		uint32_t cp;
		*i += utf8_decode(s + *i, n - *i, &cp);
		put_cp(out, cp);
	}
	if (braced) {
		while (*i < n && s[*i] != '}')
			(*i)++;
		if (*i < n)
			(*i)++;
	}
}

/* NFC, so base letters and combining accents become é, ç, ö.  Memory
 * stays a small multiple of the text: ASCII (most of any database) is
 * NFC already and is copied; otherwise the UTF-16 form is checked first
 * and normalised only when it must be, into a buffer measured first. */
static char *nfc(const char *s)
{
	size_t n = strlen(s);
	size_t ascii = 0;
	while (ascii < n && (unsigned char)s[ascii] < 0x80)
		ascii++;
	if (ascii == n || n > INT32_MAX / 4)
		return xstrdup(s);
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *norm = unorm2_getNFCInstance(&st);
	if (U_FAILURE(st))
		return xstrdup(s);
	int32_t len = 0;
	u_strFromUTF8(NULL, 0, &len, s, (int32_t)n, &st);
	st = U_ZERO_ERROR;
	UChar *u = xmalloc(((size_t)len + 1) * sizeof(UChar));
	u_strFromUTF8WithSub(u, len + 1, NULL, s, (int32_t)n, 0xFFFD, NULL, &st);
	if (U_FAILURE(st) || unorm2_isNormalized(norm, u, len, &st) || U_FAILURE(st)) {
		free(u);
		return xstrdup(s);
	}
	int32_t olen = unorm2_normalize(norm, u, len, NULL, 0, &st);
	char *r = NULL;
	if (st == U_BUFFER_OVERFLOW_ERROR) {
		st = U_ZERO_ERROR;
		UChar *out = xmalloc(((size_t)olen + 1) * sizeof(UChar));
		olen = unorm2_normalize(norm, u, len, out, olen + 1, &st);
		int32_t blen = 0;
		UErrorCode st2 = U_ZERO_ERROR;
		if (U_SUCCESS(st))
			u_strToUTF8(NULL, 0, &blen, out, olen, &st2);
		if (U_SUCCESS(st) && st2 == U_BUFFER_OVERFLOW_ERROR) {
			r = xmalloc((size_t)blen + 1);
			st2 = U_ZERO_ERROR;
			u_strToUTF8(r, blen + 1, NULL, out, olen, &st2);
			r[blen] = '\0';
		}
		free(out);
	}
	free(u);
	return r ? r : xstrdup(s);
}

/* A LaTeX control word or symbol at s[*i] (just after the backslash). */
static void latex_command(const char *s, size_t n, size_t *i, strbuf *out)
{
	char c = s[*i];
	if (!isalpha((unsigned char)c)) {
		(*i)++;
		uint32_t mark = combining_for(c);
		if (mark) {
			accent_argument(s, n, i, out);
			put_cp(out, mark);
			return;
		}
		if (c == '\\')
			sb_putc(out, ' '); /* a line break */
		else if (c != ' ' && c != '-') /* \- is a hyphenation hint */
			sb_putc(out, c);   /* \& \% \$ \# \_ \{ \} */
		else if (c == ' ')
			sb_putc(out, ' ');
		return;
	}
	size_t start = *i;
	while (*i < n && isalpha((unsigned char)s[*i]))
		(*i)++;
	size_t len = *i - start;
	if (len == 1 && combining_for(c)) {
		accent_argument(s, n, i, out);
		put_cp(out, combining_for(c));
		return;
	}
	for (size_t k = 0; latex_words[k].name; k++) {
		if (strlen(latex_words[k].name) == len &&
		    strncmp(latex_words[k].name, s + start, len) == 0) {
			sb_puts(out, latex_words[k].utf8);
			/* a control word eats the space after it; "{}" too */
			if (*i < n && s[*i] == ' ')
				(*i)++;
			else if (*i + 1 < n && s[*i] == '{' && s[*i + 1] == '}')
				*i += 2;
			return;
		}
	}
	/* \textit{...}, \emph{...}, \url{...} and unknown commands: the
	 * argument stays as text; the command name goes. */
	if (*i < n && s[*i] == ' ')
		(*i)++;
}

/* Whitespace runs made one space, ends trimmed, in place; no-break
 * spaces (from ~) stay. */
static char *squeeze_ascii(char *s)
{
	size_t o = 0;
	int space = 0;
	for (size_t i = 0; s[i]; i++) {
		if (isspace((unsigned char)s[i])) {
			space = o > 0;
			continue;
		}
		if (space)
			s[o++] = ' ';
		space = 0;
		s[o++] = s[i];
	}
	s[o] = '\0';
	return s;
}

/* The value as UTF-8 text: commands resolved, braces dropped, spaces
 * squeezed, NFC.  Heap string. */
static char *latex_to_utf8(const char *raw)
{
	strbuf b = STRBUF_INIT;
	size_t n = strlen(raw);
	for (size_t i = 0; i < n;) {
		char c = raw[i];
		if (c == '{' || c == '}' || c == '$') {
			i++;
		} else if (c == '\\' && i + 1 < n) {
			i++;
			latex_command(raw, n, &i, &b);
		} else if (c == '~') {
			sb_puts(&b, "\u00a0");
			i++;
		} else if (c == '-' && i + 2 < n && raw[i + 1] == '-' && raw[i + 2] == '-') {
			sb_puts(&b, "\u2014");
			i += 3;
		} else if (c == '-' && i + 1 < n && raw[i + 1] == '-') {
			sb_puts(&b, "\u2013");
			i += 2;
		} else if (c == '`' && i + 1 < n && raw[i + 1] == '`') {
			sb_puts(&b, "\u201c");
			i += 2;
		} else if (c == '\'' && i + 1 < n && raw[i + 1] == '\'') {
			sb_puts(&b, "\u201d");
			i += 2;
		} else {
			sb_putc(&b, c);
			i++;
		}
	}
	char *s = nfc(sb_str(&b));
	sb_free(&b);
	return squeeze_ascii(s);
}

/* ---- names ---- */

/* 1 when raw is one brace group from start to end: "{World Health
 * Organization}" names an organisation, "{{Title}}" protects a title. */
static int fully_braced(const char *raw)
{
	size_t n = strlen(raw);
	while (n && isspace((unsigned char)raw[n - 1]))
		n--;
	const char *s = raw;
	while (*s && isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	if (n < 2 || s[0] != '{' || s[n - 1] != '}')
		return 0;
	int depth = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\') {
			i++;
			continue;
		}
		if (s[i] == '{')
			depth++;
		else if (s[i] == '}' && --depth == 0 && i != n - 1)
			return 0;
	}
	return 1;
}

static biblio_names parse_names(struct parser *p, const char *raw)
{
	biblio_names ns = { NULL, 0, 0 };
	ptrvec parts = { 0 };
	size_t n = strlen(raw), start = 0;
	int depth = 0;
	for (size_t i = 0; i <= n; i++) {
		char c = i < n ? raw[i] : '\0';
		if (c == '{')
			depth++;
		else if (c == '}')
			depth--;
		int split = c == '\0';
		if (!split && depth == 0 && isspace((unsigned char)c) &&
		    strncasecmp(raw + i + 1, "and", 3) == 0 && i + 4 <= n &&
		    (i + 4 == n || isspace((unsigned char)raw[i + 4])))
			split = 1;
		if (!split)
			continue;
		VEC_PUSH(parts, xstrndup(raw + start, i - start));
		if (c != '\0')
			i += 4;
		start = i + 1;
	}
	ns.v = arena_alloc(p->db->arena, (parts.n ? parts.n : 1) * sizeof(*ns.v));
	for (size_t k = 0; k < parts.n; k++) {
		char *part = parts.v[k];
		char *text = latex_to_utf8(part);
		if (strcasecmp(text, "others") == 0) {
			ns.others = 1;
		} else if (text[0]) {
			biblio_name name;
			if (fully_braced(part)) {
				name.family = arena_strdup(p->db->arena, text);
				name.given = NULL;
				name.org = 1;
			} else {
				name = biblio_parse_name(p->db->arena, text);
			}
			ns.v[ns.n++] = name;
		}
		free(text);
		free(part);
	}
	VEC_FREE(parts);
	return ns;
}

/* ---- entries ---- */

static const char *field_raw(struct field *f, size_t nf, const char *name)
{
	for (size_t i = 0; i < nf; i++)
		if (strcmp(f[i].name, name) == 0)
			return f[i].raw;
	return NULL;
}

static const char *text_field(struct parser *p, struct field *f, size_t nf,
			      const char *name)
{
	const char *raw = field_raw(f, nf, name);
	if (raw == NULL)
		return NULL;
	char *t = latex_to_utf8(raw);
	const char *s = t[0] ? arena_strdup(p->db->arena, t) : NULL;
	free(t);
	return s;
}

static int month_number(const char *m)
{
	if (m == NULL)
		return 0;
	if (isdigit((unsigned char)m[0])) {
		int v = atoi(m);
		return v >= 1 && v <= 12 ? v : 0;
	}
	for (int i = 0; i < 12; i++)
		if (strncasecmp(m, month_names[i], 3) == 0)
			return i + 1;
	return 0;
}

static void set_date(biblio_entry *e, struct parser *p, const char *date)
{
	if (date == NULL)
		return;
	if (!isdigit((unsigned char)date[0])) {
		e->undated = 1;
		return;
	}
	size_t n = 0;
	while (isdigit((unsigned char)date[n]))
		n++;
	e->year = arena_strndup(p->db->arena, date, n);
	if (date[n] == '-') {
		e->month = atoi(date + n + 1);
		const char *d = strchr(date + n + 1, '-');
		if (d)
			e->day = atoi(d + 1);
		if (e->month < 1 || e->month > 12)
			e->month = 0;
		if (e->day < 1 || e->day > 31)
			e->day = 0;
	}
}

static const char *lang_code(const char *language)
{
	static const struct { const char *name, *code; } langs[] = {
		{ "english", "en" }, { "american", "en" }, { "british", "en" },
		{ "usenglish", "en" }, { "ukenglish", "en" }, { "en", "en" },
		{ "indonesian", "id" }, { "bahasa", "id" }, { "bahasa indonesia", "id" },
		{ "id", "id" }, { "german", "de" }, { "ngerman", "de" },
		{ "french", "fr" }, { "dutch", "nl" }, { "spanish", "es" },
	};
	if (language == NULL)
		return NULL;
	for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++)
		if (strcasecmp(langs[i].name, language) == 0)
			return langs[i].code;
	return strlen(language) <= 3 || strchr(language, '-') ? language : NULL;
}

static biblio_type type_of(const char *kind, biblio_thesis *thesis)
{
	static const struct { const char *name; biblio_type type; } types[] = {
		{ "book", BIB_BOOK }, { "proceedings", BIB_BOOK }, { "manual", BIB_BOOK },
		{ "booklet", BIB_BOOK }, { "collection", BIB_BOOK },
		{ "mvbook", BIB_BOOK },
		{ "article", BIB_ARTICLE }, { "periodical", BIB_ARTICLE },
		{ "incollection", BIB_CHAPTER }, { "inbook", BIB_CHAPTER },
		{ "inproceedings", BIB_PAPER }, { "conference", BIB_PAPER },
		{ "techreport", BIB_REPORT }, { "report", BIB_REPORT },
		{ "phdthesis", BIB_THESIS }, { "mastersthesis", BIB_THESIS },
		{ "thesis", BIB_THESIS },
		{ "online", BIB_WEBPAGE }, { "electronic", BIB_WEBPAGE },
		{ "www", BIB_WEBPAGE }, { "webpage", BIB_WEBPAGE },
		{ "legislation", BIB_REGULATION }, { "law", BIB_REGULATION },
		{ "regulation", BIB_REGULATION }, { "legal", BIB_REGULATION },
	};
	*thesis = strcmp(kind, "phdthesis") == 0 ? BIB_THESIS_PHD : BIB_THESIS_MASTER;
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
		if (strcmp(types[i].name, kind) == 0)
			return types[i].type;
	return BIB_MISC;
}

static const char *strip_doi(const char *doi)
{
	static const char *const prefixes[] = { "https://doi.org/", "http://doi.org/",
		"https://dx.doi.org/", "http://dx.doi.org/", "doi:", NULL };
	if (doi == NULL)
		return NULL;
	for (size_t i = 0; prefixes[i]; i++) {
		size_t n = strlen(prefixes[i]);
		if (strncasecmp(doi, prefixes[i], n) == 0)
			return doi + n;
	}
	return doi;
}

static void fill_entry(struct parser *p, biblio_entry *e, const char *kind,
		       struct field *f, size_t nf)
{
	biblio_thesis thesis = BIB_THESIS_MASTER;
	e->type = type_of(kind, &thesis);
	e->thesis_kind = thesis;
	const char *raw;
	if ((raw = field_raw(f, nf, "author")))
		e->authors = parse_names(p, raw);
	if ((raw = field_raw(f, nf, "editor")))
		e->editors = parse_names(p, raw);
	if ((raw = field_raw(f, nf, "translator")))
		e->translators = parse_names(p, raw);
	e->title = text_field(p, f, nf, "title");
	if ((raw = field_raw(f, nf, "title")) && fully_braced(raw))
		e->title_nocase = 1;
	e->subtitle = text_field(p, f, nf, "subtitle");
	e->short_title = text_field(p, f, nf, "shorttitle");
	e->title_translation = text_field(p, f, nf, "titletranslation");
	const char *date = text_field(p, f, nf, "date");
	set_date(e, p, date ? date : text_field(p, f, nf, "year"));
	if (e->month == 0)
		e->month = month_number(text_field(p, f, nf, "month"));
	e->edition = text_field(p, f, nf, "edition");
	e->volume = text_field(p, f, nf, "volume");
	const char *number = text_field(p, f, nf, "number");
	e->issue = text_field(p, f, nf, "issue");
	if (e->type == BIB_ARTICLE && e->issue == NULL)
		e->issue = number;
	else
		e->number = number;
	e->pages = text_field(p, f, nf, "pages");
	e->article_number = text_field(p, f, nf, "eid");
	e->publisher = text_field(p, f, nf, "publisher");
	e->place = text_field(p, f, nf, "address");
	if (e->place == NULL)
		e->place = text_field(p, f, nf, "location");
	e->country = text_field(p, f, nf, "country");
	const char *container = text_field(p, f, nf, "journal");
	if (container == NULL)
		container = text_field(p, f, nf, "journaltitle");
	if (container == NULL)
		container = text_field(p, f, nf, "booktitle");
	e->container = container;
	const char *school = text_field(p, f, nf, "school");
	const char *institution = text_field(p, f, nf, "institution");
	if (e->type == BIB_THESIS)
		e->institution = school ? school : institution;
	else if (e->publisher == NULL)
		e->publisher = institution ? institution : text_field(p, f, nf, "organization");
	e->doi = strip_doi(text_field(p, f, nf, "doi"));
	e->url = text_field(p, f, nf, "url");
	const char *how = text_field(p, f, nf, "howpublished");
	if (e->url == NULL && how && (strncmp(how, "http://", 7) == 0 ||
				      strncmp(how, "https://", 8) == 0))
		e->url = how;
	else if (how && e->container == NULL && e->type != BIB_BOOK)
		e->container = how;
	if (e->type == BIB_WEBPAGE && e->container == NULL)
		e->container = text_field(p, f, nf, "organization");
	e->isbn = text_field(p, f, nf, "isbn");
	e->accessed = text_field(p, f, nf, "urldate");
	e->original_year = text_field(p, f, nf, "origyear");
	if (e->original_year == NULL)
		e->original_year = text_field(p, f, nf, "origdate");
	const char *lang = text_field(p, f, nf, "langid");
	e->lang = lang_code(lang ? lang : text_field(p, f, nf, "language"));
	const char *type = text_field(p, f, nf, "type");
	if (e->type == BIB_THESIS && type) {
		char *t = collate_fold(type);
		if (strstr(t, "phd") || strstr(t, "doct") || strstr(t, "diss"))
			e->thesis_kind = BIB_THESIS_PHD;
		else if (strstr(t, "bachelor") || strstr(t, "skripsi"))
			e->thesis_kind = BIB_THESIS_BACHELOR;
		free(t);
	}
	/* Zotero writes web pages as @misc with a URL */
	if (e->type == BIB_MISC && e->url && e->publisher == NULL && e->container == NULL)
		e->type = BIB_WEBPAGE;
}

/* @string{name = value} */
static int parse_string(struct parser *p, char close)
{
	skip_space(p);
	folio_loc at = here(p);
	char *name = read_ident(p);
	if (name == NULL) {
		error_at(p, at, "@string without a name", NULL);
		return -1;
	}
	skip_space(p);
	if (peek(p) != '=') {
		error_at(p, here(p), "expected '=' after the @string name", name);
		free(name);
		return -1;
	}
	advance(p);
	strbuf v = STRBUF_INIT;
	if (read_value(p, &v) < 0) {
		sb_free(&v);
		free(name);
		return -1;
	}
	skip_space(p);
	if (peek(p) != close) {
		error_at(p, here(p), "expected the end of @string", name);
		sb_free(&v);
		free(name);
		return -1;
	}
	advance(p);
	char *old = hash_put(p->macros, name, sb_take(&v));
	if (old) {
		free(old);
		free(name); /* the first copy of the name stays the key */
	} else {
		VEC_PUSH(p->macro_keys, name);
	}
	sb_free(&v);
	return 0;
}

static void free_fields(ptrvec *fields)
{
	for (size_t i = 0; i < fields->n; i++) {
		struct field *f = fields->v[i];
		free(f->name);
		free(f->raw);
		free(f);
	}
	VEC_FREE(*fields);
}

/* The fields of an entry, up to its closing brace. */
static int parse_fields(struct parser *p, char close, ptrvec *fields)
{
	for (;;) {
		skip_space(p);
		if (peek(p) == close) {
			advance(p);
			return 0;
		}
		if (at_end(p)) {
			error_at(p, here(p), "unterminated entry (missing '}')", NULL);
			return -1;
		}
		folio_loc at = here(p);
		char *name = read_ident(p);
		if (name == NULL) {
			char c[2] = { peek(p), '\0' };
			error_at(p, at, "expected a field name, found", c);
			return -1;
		}
		skip_space(p);
		if (peek(p) != '=') {
			error_at(p, here(p), "expected '=' after the field", name);
			free(name);
			return -1;
		}
		advance(p);
		strbuf v = STRBUF_INIT;
		if (read_value(p, &v) < 0) {
			sb_free(&v);
			free(name);
			return -1;
		}
		struct field *f = xmalloc(sizeof(*f));
		f->name = name;
		f->raw = xstrdup(sb_str(&v));
		f->line = at.line;
		sb_free(&v);
		VEC_PUSH(*fields, f);
		skip_space(p);
		if (peek(p) == ',') {
			advance(p);
		} else if (peek(p) != close) {
			error_at(p, here(p), "expected ',' or the end of the entry after the field",
				 name);
			return -1;
		}
	}
}

static int parse_entry(struct parser *p, const char *kind, char close, folio_loc at)
{
	skip_space(p);
	size_t start = p->i;
	while (!at_end(p) && peek(p) != ',' && peek(p) != close &&
	       !isspace((unsigned char)peek(p)))
		advance(p);
	if (p->i == start) {
		error_at(p, at, "entry without a citation key", NULL);
		return -1;
	}
	char *key = xstrndup(p->s + start, p->i - start);
	skip_space(p);
	if (peek(p) == ',')
		advance(p);
	ptrvec fields = { 0 };
	if (parse_fields(p, close, &fields) < 0) {
		folio_report(p->diag, FOLIO_NOTE, at, "in the entry '%s', skipped", key);
		free(key);
		free_fields(&fields);
		return -1;
	}
	biblio_entry *e = arena_alloc(p->db->arena, sizeof(*e));
	e->key = arena_strdup(p->db->arena, key);
	e->loc = at;
	struct field *fv = xmalloc((fields.n ? fields.n : 1) * sizeof(*fv));
	for (size_t i = 0; i < fields.n; i++)
		fv[i] = *(struct field *)fields.v[i];
	fill_entry(p, e, kind, fv, fields.n);
	free(fv);
	free_fields(&fields);
	free(key);
	if (biblio_db_add(p->db, e, p->diag) == 0)
		p->added++;
	return 0;
}

/* @comment{...} and @preamble{...}: balanced and ignored. */
static int skip_group(struct parser *p, char close)
{
	(void)close;
	p->i--; /* back onto the opening delimiter */
	strbuf ignored = STRBUF_INIT;
	int r = read_delimited(p, &ignored);
	sb_free(&ignored);
	return r;
}

static void parse_item(struct parser *p)
{
	folio_loc at = here(p);
	advance(p); /* '@' */
	skip_space(p);
	char *kind = read_ident(p);
	if (kind == NULL) {
		error_at(p, at, "'@' not followed by an entry type", NULL);
		resync(p);
		return;
	}
	skip_space(p);
	char open = peek(p);
	if (open != '{' && open != '(') {
		error_at(p, at, "expected '{' after", kind);
		free(kind);
		resync(p);
		return;
	}
	advance(p);
	char close = open == '{' ? '}' : ')';
	int r;
	if (strcmp(kind, "comment") == 0 || strcmp(kind, "preamble") == 0)
		r = open == '{' ? skip_group(p, close) : 0;
	else if (strcmp(kind, "string") == 0)
		r = parse_string(p, close);
	else
		r = parse_entry(p, kind, close, at);
	free(kind);
	if (r < 0)
		resync(p);
}

/* The gate every database passes before any of it is read: UTF-8,
 * and no character XML forbids (a NUL would cut a title short, a
 * control character would make the EPUB's XHTML ill-formed). */
static int database_text_ok(const char *file, const char *text, size_t len,
			    folio_diag *diag)
{
	textgate_fault fault;
	if (textgate_check(text, len, &fault))
		return 1;
	char what[96];
	folio_loc at = { file, fault.line, fault.col };
	if (fault.bad_utf8) {
		folio_report(diag, FOLIO_ERROR, at, "the database is not valid UTF-8: %s",
			     textgate_describe(&fault, what, sizeof what));
		folio_report(diag, FOLIO_NOTE, at,
			     "save the .bib file as UTF-8 (reference managers offer it on export)");
	} else {
		folio_report(diag, FOLIO_ERROR, at, "the database holds %s",
			     textgate_describe(&fault, what, sizeof what));
	}
	return 0;
}

int bibtex_parse(biblio_db *db, const char *file, const char *text, size_t len,
		 folio_diag *diag)
{
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	if (db->macro_limit_hit)
		return 0;
	file = arena_strdup(db->arena, file ? file : "");
	if (!database_text_ok(file, text, len, diag))
		return 0;
	struct parser p;
	memset(&p, 0, sizeof p);
	p.db = db;
	p.diag = diag;
	p.file = file;
	p.s = text;
	p.n = len;
	p.line = 1;
	p.macros = hash_new();
	while (!at_end(&p)) {
		/* text outside entries is a comment in BibTeX */
		if (peek(&p) == '@')
			parse_item(&p);
		else
			advance(&p);
	}
	size_t pos = 0;
	const char *k;
	void *v;
	while (hash_next(p.macros, &pos, &k, &v))
		free(v);
	hash_free(p.macros);
	for (size_t i = 0; i < p.macro_keys.n; i++)
		free(p.macro_keys.v[i]);
	VEC_FREE(p.macro_keys);
	return p.added;
}

int bibtex_load(biblio_db *db, const char *path, const char *display,
		folio_loc from, folio_diag *diag)
{
	char *data;
	size_t len;
	int e = file_read_all(path, SIZE_MAX, &data, &len);
	if (e) {
		folio_report(diag, FOLIO_ERROR, from, "cannot read the database '%s': %s",
			     display, file_strerror(e));
		return -1;
	}
	int n = bibtex_parse(db, display, data, len, diag);
	free(data);
	return n;
}
