/*
 * xinclude: xi:include done by folio itself, so every included node keeps
 * the file, line and column it came from (libxml2's XInclude loses the
 * file of a same-folder include).
 *
 * The rules (doc/format.md, "Assembling a reader"):
 *   - href is resolved against the including file; parse is "xml"
 *     (default) or "text".  xpointer (with parse="xml") picks one element
 *     of the included file: a bare id (XPointer's shorthand) or the
 *     element() scheme (element(id), element(/1/2), element(id/1)), as
 *     XInclude 1.0 requires; other schemes are skipped and the next part
 *     tried, as the XPointer framework says.  The whole file is parsed
 *     into a holder and the element picked is moved to the include's
 *     place, so it keeps the file, line and column it came from.  A
 *     pointer that picks nothing is a resource error (the fallback
 *     stands in); one that cannot be read is an error.
 *   - Every file must lie inside the confinement folder after symbolic
 *     links are resolved, unless the reader was told to allow outside.
 *   - A file that includes itself, directly or through others, is an
 *     error naming the chain; includes nest at most READ_MAX_INCLUDE_DEPTH.
 *   - A file that cannot be read is replaced by the xi:fallback's content
 *     when there is one (no error); a refusal (outside, cycle, depth, a
 *     malformed xpointer) is an error even with a fallback.
 * Included XML is parsed with a new parser context straight into the
 * including file's insertion point; text becomes one text node.
 */
#include "read/read.h"
#include "util/file.h"
#include "util/arena.h"
#include "util/strbuf.h"
#include "util/textgate.h"
#include "util/xalloc.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

struct include *include_begin(source *s, folio_loc loc, int nb, const xmlChar **a)
{
	folio_doc *doc = s->r->doc;
	struct include *inc = arena_alloc(doc->arena, sizeof(*inc));
	inc->loc = loc;
	for (int i = 0; i < nb; i++, a += 5) {
		if (a[2] != NULL)
			continue; /* namespaced attributes are not XInclude's */
		const char *name = (const char *)a[0];
		const char *value = arena_strndup(doc->arena, (const char *)a[3],
						  (size_t)(a[4] - a[3]));
		if (strcmp(name, "href") == 0)
			inc->href = value;
		else if (strcmp(name, "parse") == 0)
			inc->parse = value;
		else if (strcmp(name, "xpointer") == 0)
			inc->xpointer = value;
		else if (strcmp(name, "encoding") == 0)
			inc->encoding = value;
	}
	return inc;
}

/* "a%20b.xml" -> "a b.xml"; NULL when an escape is malformed or makes a
 * NUL byte. */
static char *percent_decode(const char *s)
{
	strbuf b = STRBUF_INIT;
	for (const char *p = s; *p; p++) {
		if (*p != '%') {
			sb_putc(&b, *p);
			continue;
		}
		if (!isxdigit((unsigned char)p[1]) || !isxdigit((unsigned char)p[2])) {
			sb_free(&b);
			return NULL;
		}
		char hex[3] = { p[1], p[2], '\0' };
		char c = (char)strtol(hex, NULL, 16);
		if (c == '\0') {
			sb_free(&b);
			return NULL;
		}
		sb_putc(&b, c);
		p += 2;
	}
	if (b.s == NULL)
		sb_puts(&b, "");
	return sb_take(&b);
}

/* Length of a URI scheme at the start of s ("http" in "http://"), 0 when
 * there is none. */
static size_t scheme_length(const char *s)
{
	if (!isalpha((unsigned char)s[0]))
		return 0;
	size_t n = 1;
	while (isalnum((unsigned char)s[n]) || s[n] == '+' || s[n] == '-' || s[n] == '.')
		n++;
	return s[n] == ':' ? n : 0;
}

/* The local path an href names, or NULL after reporting why there is
 * none.  file: URLs are accepted; any other scheme is refused. */
static char *href_path(source *s, struct include *inc)
{
	const char *href = inc->href;
	if (strchr(href, '#')) {
		read_error(s, inc->loc,
			   "xi:include href=\"%s\" has a fragment identifier; XInclude does not allow one: name the element with xpointer=\"...\"",
			   href);
		return NULL;
	}
	size_t scheme = scheme_length(href);
	if (scheme) {
		if (scheme != 4 || strncasecmp(href, "file", 4) != 0) {
			read_error(s, inc->loc,
				   "cannot include \"%s\": folio reads only local files, never the network",
				   href);
			return NULL;
		}
		href += 5;
		if (strncmp(href, "//", 2) == 0) {
			href += 2;
			if (strncmp(href, "localhost/", 10) == 0)
				href += 9;
			else if (href[0] != '/') {
				read_error(s, inc->loc,
					   "cannot include \"%s\": only file:///path URLs name local files",
					   inc->href);
				return NULL;
			}
		}
	}
	char *path = percent_decode(href);
	if (path == NULL)
		read_error(s, inc->loc, "xi:include href=\"%s\" has a malformed %%-escape",
			   inc->href);
	return path;
}

static const char *chain_text(source *s, const char *last)
{
	/* outermost first: collect, then print in reverse */
	size_t n = 0;
	for (source *p = s; p; p = p->outer)
		n++;
	const char **names = xmalloc(n * sizeof(*names));
	size_t i = n;
	for (source *p = s; p; p = p->outer)
		names[--i] = p->display;
	strbuf b = STRBUF_INIT;
	for (i = 0; i < n; i++) {
		sb_puts(&b, names[i]);
		sb_puts(&b, " \u2192 ");
	}
	sb_puts(&b, last);
	free(names);
	const char *text = arena_strdup(s->r->doc->arena, sb_str(&b));
	sb_free(&b);
	return text;
}

/* Moves the fallback's content to the insertion point. */
static void use_fallback(source *s, struct include *inc)
{
	folio_node *c = inc->fallback->first;
	while (c) {
		folio_node *next = c->next;
		folio_node_unlink(c);
		sax_insert(s, c);
		c = next;
	}
}

/* A file that cannot be read: the fallback stands in, or it is an error. */
static void unreadable(source *s, struct include *inc, const char *display,
		       const char *why)
{
	if (inc->fallback) {
		use_fallback(s, inc);
		return;
	}
	read_error(s, inc->loc, "cannot include '%s': %s", display, why);
}

static const char *errno_text(int e)
{
	return e == EFBIG ? "the file is larger than 256 MB (folio's limit)" : file_strerror(e);
}

/* For a path that does not exist: whether its folder, or failing that
 * the path written out in full, lies outside dir. */
static int lexically_outside(const char *path, const char *dir)
{
	char *folder = path_dirname(path);
	char *real_folder = realpath(folder, NULL);
	free(folder);
	if (real_folder) {
		int out = !path_inside(real_folder, dir);
		free(real_folder);
		return out;
	}
	char cwd[4096];
	char *full = path[0] == '/' ? xstrdup(path)
		: path_join(getcwd(cwd, sizeof cwd) ? cwd : "/", path);
	char *norm = path_normalize(full);
	int out = !path_inside(norm, dir);
	free(full);
	free(norm);
	return out;
}

/* Resolves path to a realpath inside the confinement folder.  NULL after
 * handling the failure (fallback or error). */
static char *confined_real(source *s, struct include *inc, const char *path,
			   const char *display)
{
	reader *r = s->r;
	char *real = realpath(path, NULL);
	if (real == NULL) {
		int e = errno;
		/* A missing file outside is still "outside": say the more
		 * important thing. */
		if (r->allow_outside || !lexically_outside(path, r->confine_real)) {
			unreadable(s, inc, display, errno_text(e));
			return NULL;
		}
	} else if (r->allow_outside || path_inside(real, r->confine_real)) {
		return real;
	}
	free(real);
	read_error(s, inc->loc,
		   "cannot include '%s': it is outside the source folder %s",
		   display, r->confine_real);
	folio_report(r->diag, FOLIO_NOTE, inc->loc,
		     "folio reads only files inside the folder of the main source; --allow-outside lifts this");
	return NULL;
}

static void include_text(source *s, struct include *inc, const char *display,
			 const char *data, size_t len)
{
	reader *r = s->r;
	if (inc->encoding && strcasecmp(inc->encoding, "UTF-8") != 0 &&
	    strcasecmp(inc->encoding, "UTF8") != 0) {
		read_error(s, inc->loc,
			   "xi:include encoding=\"%s\" is not supported: text files must be UTF-8",
			   inc->encoding);
		return;
	}
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	folio_loc at = { arena_strdup(r->doc->arena, display), 1, 1 };
	textgate_fault fault;
	if (!textgate_check(data, len, &fault)) {
		char what[96];
		folio_loc bad = { at.file, fault.line, fault.col };
		read_error(s, bad, fault.bad_utf8 ? "the text file is not valid UTF-8: %s"
						  : "the text file holds %s",
			   textgate_describe(&fault, what, sizeof what));
		return;
	}
	if (len > READ_MAX_TEXT_BYTES) {
		read_error(s, at, "a run of text longer than %u MB (folio's limit)",
			   READ_MAX_TEXT_BYTES >> 20);
		return;
	}
	if (len == 0)
		return;
	if (!read_budget(s, at, &r->total_text, len, r->max_text, "text"))
		return;
	if (!sax_node_budget(s, at))
		return;
	sax_insert(s, folio_text_new(r->doc, data, len, at));
}

static int in_chain(source *s, const char *real)
{
	for (source *p = s; p; p = p->outer)
		if (p->real && strcmp(p->real, real) == 0)
			return 1;
	return 0;
}

/* ---- xpointer ---- */

/* One part of an XPointer: a shorthand id, or a scheme with its data
 * (escapes undone).  Only element() is read; others are skipped. */
typedef struct {
	int element;          /* 1: element(); 0: a scheme folio skips */
	const char *scheme;   /* the scheme's name (arena) */
	const char *id;       /* the id that starts it, or NULL */
	unsigned *steps;      /* child sequence: 1-based element positions */
	size_t nsteps;
} xpointer_part;

static int is_ncname_start(unsigned char c)
{
	return isalpha(c) || c == '_' || c >= 0x80;
}

static int is_ncname_char(unsigned char c)
{
	return is_ncname_start(c) || isdigit(c) || c == '-' || c == '.';
}

static size_t ncname_length(const char *p)
{
	if (!is_ncname_start((unsigned char)*p))
		return 0;
	size_t n = 1;
	while (is_ncname_char((unsigned char)p[n]))
		n++;
	return n;
}

/* element()'s data: "id", "id/1/2" or "/1/2". */
static int element_data(source *s, struct include *inc, const char *data,
			xpointer_part *part)
{
	folio_doc *doc = s->r->doc;
	const char *p = data;
	size_t n = ncname_length(p);
	if (n) {
		part->id = arena_strndup(doc->arena, p, n);
		p += n;
	}
	size_t cap = strlen(p) / 2 + 1;
	part->steps = arena_alloc(doc->arena, cap * sizeof(*part->steps));
	while (*p == '/') {
		p++;
		if (!isdigit((unsigned char)*p) || *p == '0')
			break;
		unsigned long v = 0;
		while (isdigit((unsigned char)*p) && v < 100000000ul)
			v = v * 10 + (unsigned long)(*p++ - '0');
		part->steps[part->nsteps++] = (unsigned)v;
	}
	if (*p != '\0' || (part->id == NULL && part->nsteps == 0)) {
		read_error(s, inc->loc,
			   "xpointer=\"%s\": element(%s) is not an element() pointer: it takes an id, a child sequence such as /1/2, or an id followed by one",
			   inc->xpointer, data);
		return -1;
	}
	return 0;
}

/* The data of a scheme part from p (just after its '('): escapes
 * ^( ^) ^^ undone, parentheses balanced.  Sets *end after the ')'. */
static char *scheme_data(const char *p, const char **end)
{
	strbuf b = STRBUF_INIT;
	int depth = 0;
	for (; *p; p++) {
		if (*p == '^') {
			if (p[1] != '(' && p[1] != ')' && p[1] != '^')
				break;
			sb_putc(&b, *++p);
			continue;
		}
		if (*p == '(')
			depth++;
		else if (*p == ')' && depth-- == 0) {
			*end = p + 1;
			if (b.s == NULL)
				sb_puts(&b, "");
			return sb_take(&b);
		}
		sb_putc(&b, *p);
	}
	sb_free(&b);
	return NULL;
}

/* Reads the xpointer attribute into its parts; -1 after an error. */
static int xpointer_parse(source *s, struct include *inc, xpointer_part **out,
			  size_t *nout)
{
	folio_doc *doc = s->r->doc;
	const char *x = inc->xpointer;
	size_t cap = strlen(x) / 3 + 1;
	xpointer_part *parts = arena_alloc(doc->arena, cap * sizeof(*parts));
	size_t n = ncname_length(x);
	if (n && x[n] == '\0') { /* the shorthand: a bare id */
		memset(parts, 0, sizeof(*parts));
		parts->element = 1;
		parts->scheme = "shorthand";
		parts->id = x;
		*out = parts;
		*nout = 1;
		return 0;
	}
	size_t count = 0;
	const char *p = x;
	while (*p) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (*p == '\0')
			break;
		const char *name = p;
		size_t len = ncname_length(p);
		if (len && p[len] == ':') /* a prefixed scheme name */
			len += 1 + ncname_length(p + len + 1);
		const char *end = NULL;
		char *data = len && p[len] == '(' ? scheme_data(p + len + 1, &end) : NULL;
		if (data == NULL) {
			read_error(s, inc->loc,
				   "xpointer=\"%s\" is not an XPointer: give an id, or scheme parts such as element(/1/2)",
				   x);
			return -1;
		}
		xpointer_part *part = &parts[count++];
		memset(part, 0, sizeof(*part));
		part->scheme = arena_strndup(doc->arena, name, len);
		if (len == 7 && strncmp(name, "element", 7) == 0) {
			part->element = 1;
			int rc = element_data(s, inc, data, part);
			free(data);
			if (rc)
				return -1;
		} else {
			free(data);
		}
		p = end;
	}
	if (count == 0) {
		read_error(s, inc->loc, "xi:include has an empty xpointer");
		return -1;
	}
	*out = parts;
	*nout = count;
	return 0;
}

/* The nth element child of n (1-based), text not counted. */
static folio_node *element_child(folio_node *n, unsigned nth)
{
	for (folio_node *c = n->first; c; c = c->next)
		if (c->kind != FOLIO_NODE_TEXT && --nth == 0)
			return c;
	return NULL;
}

/* What one part picks in the parsed file below holder, or NULL. */
static folio_node *pick(folio_node *holder, const xpointer_part *part)
{
	folio_node *at = holder;
	if (part->id) {
		at = NULL;
		for (folio_node *n = holder->first; n && !at; n = folio_next(holder, n, 0))
			if (n->id && strcmp(n->id, part->id) == 0)
				at = n;
		if (at == NULL)
			return NULL;
	}
	for (size_t i = 0; i < part->nsteps && at; i++)
		at = element_child(at, part->steps[i]);
	return at == holder ? NULL : at;
}

/* An include with an xpointer: the file parsed aside, the element its
 * first part that picks one names moved to the include's place. */
static void include_pointed(source *s, struct include *inc, const char *shown,
			    char *real, const char *data, size_t len,
			    const xpointer_part *ptr, size_t nptr)
{
	reader *r = s->r;
	folio_node *holder = folio_node_new(r->doc, FOLIO_NODE_NONE, inc->loc);
	int rc = source_parse(r, s, shown, real, data, len, holder);
	if (r->halted) {
		xmlStopParser(s->ctxt);
		return;
	}
	if (rc != 0)
		return;
	int known = 0;
	for (size_t i = 0; i < nptr; i++) {
		if (!ptr[i].element)
			continue;
		known = 1;
		folio_node *found = pick(holder, &ptr[i]);
		if (found) {
			folio_node_unlink(found);
			sax_insert(s, found);
			return;
		}
	}
	if (inc->fallback) {
		use_fallback(s, inc);
		return;
	}
	if (known)
		read_error(s, inc->loc, "xpointer=\"%s\" names no element in '%s'",
			   inc->xpointer, shown);
	else
		read_error(s, inc->loc,
			   "xpointer=\"%s\" uses no scheme folio reads (%s); use an id or element()",
			   inc->xpointer, ptr[0].scheme);
}

void include_end(source *s, struct include *inc)
{
	reader *r = s->r;
	if (r->halted)
		return;
	if (inc->href == NULL || inc->href[0] == '\0') {
		if (inc->xpointer)
			read_error(s, inc->loc,
				   "xi:include without href points into its own document; folio includes only from other files");
		else
			read_error(s, inc->loc, "xi:include needs an href naming the file to include");
		return;
	}
	int text = 0;
	if (inc->parse && strcmp(inc->parse, "text") == 0)
		text = 1;
	else if (inc->parse && strcmp(inc->parse, "xml") != 0) {
		read_error(s, inc->loc, "xi:include parse=\"%s\": it must be \"xml\" or \"text\"",
			   inc->parse);
		return;
	}
	if (text && inc->xpointer) {
		read_error(s, inc->loc, "xi:include has an xpointer with parse=\"text\"; XInclude allows it only with parse=\"xml\"");
		return;
	}
	xpointer_part *ptr = NULL;
	size_t nptr = 0;
	if (inc->xpointer && xpointer_parse(s, inc, &ptr, &nptr) != 0)
		return;
	char *path = href_path(s, inc);
	if (path == NULL)
		return;
	/* From here every return frees ptr (arena) and the paths. */
	/* Opened relative to the includer's real folder; shown relative to
	 * the includer's path as the user gave it. */
	char *base = s->real ? path_dirname(s->real) : path_dirname(s->display);
	char *open_path = path_join(base, path);
	char *shown_dir = path_dirname(s->display);
	char *joined = path_join(shown_dir, path);
	char *shown = path_normalize(joined);
	free(base);
	free(shown_dir);
	free(joined);
	free(path);

	char *real = confined_real(s, inc, open_path, shown);
	free(open_path);
	if (real == NULL) {
		free(shown);
		return;
	}
	if (!text && in_chain(s, real)) {
		read_error(s, inc->loc, "xi:include cycle: %s", chain_text(s, shown));
		free(real);
		free(shown);
		return;
	}
	if (!text && s->depth + 1 > READ_MAX_INCLUDE_DEPTH) {
		read_error(s, inc->loc,
			   "xi:include nested more than %d files deep (folio's limit)",
			   READ_MAX_INCLUDE_DEPTH);
		free(real);
		free(shown);
		return;
	}
	char *data;
	size_t len;
	int e = file_read_all(real, READ_MAX_FILE_BYTES, &data, &len);
	if (e) {
		unreadable(s, inc, shown, errno_text(e));
		free(real);
		free(shown);
		return;
	}
	/* Every file counts each time it is included: a small file
	 * included many times, through includes that include it many
	 * times, costs what its copies would. */
	if (!read_budget(s, inc->loc, &r->parsed, len, r->max_parsed,
			 "source to parse, counting each include each time")) {
		xmlStopParser(s->ctxt);
	} else if (text) {
		include_text(s, inc, shown, data, len);
		free(real);
	} else if (inc->xpointer) {
		include_pointed(s, inc, shown, real, data, len, ptr, nptr);
	} else {
		source_parse(r, s, shown, real, data, len, s->insert);
		if (r->halted)
			xmlStopParser(s->ctxt);
	}
	free(data);
	free(shown);
}
