/*
 * read: folio_read() and folio_read_memory(), the entry points of the
 * source reader.  They set up the confinement folder, install libxml2's
 * process-wide hooks for the length of one read (an external-entity loader
 * that refuses anything outside the folder, and error handlers that feed
 * folio's diagnostics) and restore them afterwards, then parse the main
 * file; XInclude brings in the rest (xinclude.c).
 *
 * A read that reports any error returns NULL: a partial tree would only
 * produce follow-on errors in the resolve passes.
 */
#include "read/read.h"
#include "util/file.h"
#include "util/arena.h"
#include "util/hash.h"
#include "util/limits.h"
#include "util/xalloc.h"

#include <ctype.h>
#include <errno.h>
#include <libxml/parserInternals.h>
#include <stdlib.h>
#include <string.h>

int source_parse(reader *r, source *outer, const char *display, char *real,
		 const char *data, size_t len, folio_node *insert)
{
	source s;
	memset(&s, 0, sizeof s);
	s.magic = SOURCE_MAGIC;
	s.r = r;
	s.outer = outer;
	s.depth = outer ? outer->depth + 1 : 0;
	s.display = arena_strdup(r->doc->arena, display);
	s.real = real;
	s.data = data;
	s.len = len;
	s.insert = insert;
	source *prev = r->current;
	r->current = &s;
	int rc = sax_parse(&s);
	r->current = prev;
	loc_free(&s);
	free(s.real);
	s.magic = 0;
	return rc;
}

/* Defence in depth: folio's own parse never asks libxml2 to load a file
 * (no DTD loading, external entities refused at their declaration,
 * XInclude done by folio), so this loader should never run.  If some path
 * inside libxml2 does call it, nothing outside the confinement folder and
 * nothing that is not a local file is read. */
static xmlParserInputPtr confined_loader(const char *url, const char *id,
					 xmlParserCtxtPtr ctxt)
{
	source *s = ctxt ? source_of_ctxt(ctxt) : NULL;
	if (s == NULL || url == NULL)
		return NULL;
	reader *r = s->r;
	const char *path = url;
	if (strncmp(url, "file://", 7) == 0) {
		path = url + 7;
		if (strncmp(path, "localhost/", 10) == 0)
			path += 9;
	} else {
		size_t n = 0;
		while (isalnum((unsigned char)url[n]) || url[n] == '+' ||
		       url[n] == '-' || url[n] == '.')
			n++;
		if (n > 0 && url[n] == ':') {
			read_error(s, loc_of_cursor(s),
				   "refusing to read \"%s\": folio reads only local files",
				   url);
			return NULL;
		}
	}
	char *real = realpath(path, NULL);
	int inside = real && (r->allow_outside || path_inside(real, r->confine_real));
	free(real);
	if (!inside) {
		read_error(s, loc_of_cursor(s),
			   "refusing to read \"%s\": it is outside the source folder",
			   url);
		return NULL;
	}
	/* libxml2 opens the file itself, and would wait forever on a FIFO. */
	int not_regular = file_check_regular(path);
	if (not_regular) {
		read_error(s, loc_of_cursor(s), "cannot read \"%s\": %s", url,
			   file_strerror(not_regular));
		return NULL;
	}
	return r->saved_loader ? r->saved_loader(url, id, ctxt) : NULL;
}

/* Serial numbers in document order, now that includes and fallbacks
 * are settled. */
static void number_nodes(folio_doc *doc)
{
	unsigned serial = 0;
	for (folio_node *n = doc->root; n; n = folio_next(doc->root, n, 0))
		n->serial = ++serial;
	doc->node_count = serial;
}

static folio_doc *read_main(const char *path, char *real, const char *data,
			    size_t len, const folio_read_opts *opts,
			    folio_diag *diag)
{
	static const folio_read_opts defaults;
	if (opts == NULL)
		opts = &defaults;
	folio_loc at_path = { path, 0, 0 };
	char *confine = opts->confine_dir ? xstrdup(opts->confine_dir)
					  : path_dirname(path);
	char *confine_real = realpath(confine, NULL);
	if (confine_real == NULL) {
		folio_report(diag, FOLIO_FATAL, at_path,
			     "cannot use the folder '%s': %s", confine, strerror(errno));
		free(confine);
		free(real);
		return NULL;
	}
	free(confine);
	if (real && !opts->allow_outside && !path_inside(real, confine_real)) {
		folio_report(diag, FOLIO_ERROR, at_path,
			     "the source is outside the folder %s that confines the files read",
			     confine_real);
		free(confine_real);
		free(real);
		return NULL;
	}

	reader r;
	memset(&r, 0, sizeof r);
	r.diag = diag;
	r.allow_outside = opts->allow_outside;
	r.confine_real = confine_real;
	r.max_nodes = limit_value(LIMIT_NODES);
	if (opts->max_nodes && opts->max_nodes < r.max_nodes)
		r.max_nodes = opts->max_nodes;
	r.max_text = limit_value(LIMIT_TEXT_BYTES);
	r.max_entity = limit_value(LIMIT_ENTITY_BYTES);
	r.max_attr = limit_value(LIMIT_ATTR_BYTES);
	r.max_parsed = limit_value(LIMIT_PARSED_BYTES);
	r.doc = folio_doc_new(path);
	r.doc->dir = arena_strdup(r.doc->arena, confine_real);
	r.doc->allow_outside = opts->allow_outside;
	r.warned = hash_new();

	xmlInitParser();
	void *saved_errors[ERRORS_SAVED];
	errors_install(&r, saved_errors);
	r.saved_loader = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(confined_loader);

	r.parsed = len; /* includes add theirs (xinclude.c) */
	source_parse(&r, NULL, path, real, data, len, NULL);

	xmlSetExternalEntityLoader(r.saved_loader);
	errors_restore(saved_errors);
	hash_free(r.warned);
	free(confine_real);

	folio_doc *doc = r.doc;
	if (r.errors == 0 && doc->root == NULL) {
		folio_report(diag, FOLIO_ERROR, at_path, "the document has no root element");
		r.errors++;
	}
	if (r.errors) {
		folio_doc_free(doc);
		return NULL;
	}
	read_settle_root(doc);
	number_nodes(doc);
	return doc;
}

folio_doc *folio_read(const char *path, const folio_read_opts *opts,
		      folio_diag *diag)
{
	char *data;
	size_t len;
	/* "-" is standard input, which may be a pipe: it is read as it
	 * comes, named "<stdin>" in messages, its includes found from the
	 * current folder. */
	int from_stdin = strcmp(path, "-") == 0;
	if (from_stdin)
		path = "<stdin>";
	int e = from_stdin ? file_read_stream(stdin, READ_MAX_FILE_BYTES, &data, &len)
			   : file_read_all(path, READ_MAX_FILE_BYTES, &data, &len);
	if (e) {
		folio_loc at = { path, 0, 0 };
		if (e == EFBIG)
			folio_report(diag, FOLIO_ERROR, at,
				     "the file is larger than %u MB (folio's limit)",
				     READ_MAX_FILE_BYTES >> 20);
		else if (e == FILE_E_FIFO)
			folio_report(diag, FOLIO_FATAL, at, "cannot read the source: %s; "
				     "give '-' as the source to read standard input",
				     file_strerror(e));
		else
			folio_report(diag, FOLIO_FATAL, at, "cannot read the source: %s",
				     file_strerror(e));
		return NULL;
	}
	folio_doc *doc = read_main(path, from_stdin ? NULL : realpath(path, NULL),
				   data, len, opts, diag);
	free(data);
	return doc;
}

folio_doc *folio_read_memory(const char *path, const char *data, size_t len,
			     const folio_read_opts *opts, folio_diag *diag)
{
	/* The path need not exist; when it does, it takes part in the
	 * cycle check like any included file. */
	return read_main(path, realpath(path, NULL), data, len, opts, diag);
}
