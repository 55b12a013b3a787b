/*
 * xinclude: xi:include done by folio itself, so every included node keeps
 * the file, line and column it came from (libxml2's XInclude loses the
 * file of a same-folder include).
 *
 * The rules (doc/format.md, "Assembling a reader"):
 *   - href is resolved against the including file; parse is "xml"
 *     (default) or "text"; xpointer is not supported.
 *   - Every file must lie inside the confinement folder after symbolic
 *     links are resolved, unless the reader was told to allow outside.
 *   - A file that includes itself, directly or through others, is an
 *     error naming the chain; includes nest at most READ_MAX_INCLUDE_DEPTH.
 *   - A file that cannot be read is replaced by the xi:fallback's content
 *     when there is one (no error); a refusal (outside, cycle, depth,
 *     xpointer) is an error even with a fallback.
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
			   "xi:include href=\"%s\" has a fragment identifier; XInclude does not allow one (and folio does not support xpointer)",
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

void include_end(source *s, struct include *inc)
{
	reader *r = s->r;
	if (r->halted)
		return;
	if (inc->xpointer) {
		read_error(s, inc->loc, "xpointer is not supported: include a whole file");
		return;
	}
	if (inc->href == NULL || inc->href[0] == '\0') {
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
	char *path = href_path(s, inc);
	if (path == NULL)
		return;
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
	} else {
		source_parse(r, s, shown, real, data, len, s->insert);
		if (r->halted)
			xmlStopParser(s->ctxt);
	}
	free(data);
	free(shown);
}
