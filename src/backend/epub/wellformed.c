/*
 * wellformed: in debug builds, every XML file of an EPUB (XHTML, package,
 * navigation) is parsed with libxml2 before the EPUB is written, and an
 * ill-formed one stops the program.  The text gate (util/textgate.h)
 * keeps characters XML forbids out of the tree; this is the check that
 * the writer's escaping kept the promise.  Release builds skip it.
 */
#include "backend/epub/epub.h"

#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef NDEBUG
static int is_xml_name(const char *name)
{
	static const char *const suffixes[] = { ".xhtml", ".opf", ".ncx", ".xml" };
	size_t n = strlen(name);
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		size_t m = strlen(suffixes[i]);
		if (n > m && strcmp(name + n - m, suffixes[i]) == 0)
			return 1;
	}
	return 0;
}
#endif

void epub_assert_wellformed(const epub_zip_entry *e, unsigned n)
{
#ifdef NDEBUG
	(void)e;
	(void)n;
#else
	for (unsigned i = 0; i < n; i++) {
		if (!is_xml_name(e[i].name) || e[i].len > INT32_MAX)
			continue;
		xmlDocPtr doc = xmlReadMemory(e[i].data, (int)e[i].len, e[i].name, NULL,
					      XML_PARSE_NONET | XML_PARSE_NOERROR |
					      XML_PARSE_NOWARNING);
		if (doc == NULL) {
			const xmlError *err = xmlGetLastError();
			const char *msg = err && err->message ? err->message : "?";
			int len = (int)strcspn(msg, "\n");
			fprintf(stderr, "folio: internal error: the EPUB's %s is not well-formed XML (line %d: %.*s)\n",
				e[i].name, err ? err->line : 0, len, msg);
			abort();
		}
		xmlFreeDoc(doc);
	}
#endif
}
