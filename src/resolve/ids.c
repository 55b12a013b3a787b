/*
 * ids: every xml:id into doc->ids.  An id names one place: a second
 * element with the same id is an error at the second place, with a note
 * at the first.  An id that is not an XML name (NCName) breaks links in
 * EPUB readers and PDF viewers alike, so it is reported too (a warning;
 * an error under --strict).
 */
#include "resolve/resolve.h"
#include "util/hash.h"

#include <string.h>

/* XML's NCName, with every non-ASCII character allowed (the Unicode
 * name-character tables are broader than anyone's ids). */
static int is_ncname(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	if (*p == '\0')
		return 0;
	if (!(*p >= 0x80 || *p == '_' || (*p >= 'A' && *p <= 'Z') ||
	      (*p >= 'a' && *p <= 'z')))
		return 0;
	for (p++; *p; p++) {
		int ok = *p >= 0x80 || *p == '_' || *p == '-' || *p == '.' ||
			 (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
			 (*p >= '0' && *p <= '9');
		if (!ok)
			return 0;
	}
	return 1;
}

int pass_ids(folio_doc *doc, const folio_resolve_opts *opts, folio_diag *diag)
{
	(void)opts;
	int errors = 0;
	for (folio_node *n = doc->root; n; n = folio_next(doc->root, n, 0)) {
		if (n->id == NULL)
			continue;
		folio_node *first = hash_get(doc->ids, n->id);
		if (first == n)
			continue; /* already registered (the pass ran before) */
		if (first) {
			folio_report(diag, FOLIO_ERROR, n->loc, "duplicate id '%s'", n->id);
			folio_report(diag, FOLIO_NOTE, first->loc, "first defined here");
			errors++;
			continue;
		}
		if (!is_ncname(n->id))
			folio_report_strict(diag, n->loc,
					    "id '%s' is not an XML name: use letters, digits, '-', '_' and '.', starting with a letter or '_'",
					    n->id);
		hash_put(doc->ids, n->id, n);
	}
	return errors ? -1 : 0;
}
