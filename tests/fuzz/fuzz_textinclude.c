/* libs: folio_resolve folio_read folio_tree folio_util */
/*
 * fuzz_textinclude: arbitrary bytes as a file included with
 * xi:include parse="text" (in a title, a program listing and a
 * paragraph), read and resolved.  Whatever the bytes, the reader must
 * report errors and never crash; and when it accepts the file, every
 * text in the tree must be UTF-8 holding only characters XML allows
 * (util/textgate.h), or the EPUB made from it would not be XML.  A text
 * node that breaks that aborts (a finding).
 */
#include "folio/folio.h"
#include "util/textgate.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void quiet(void *ctx, folio_severity sev, folio_loc loc, const char *msg)
{
	(void)ctx; (void)sev; (void)loc; (void)msg;
}

static const char main_xml[] =
	"<article xmlns=\"http://docbook.org/ns/docbook\" "
	"xmlns:xi=\"http://www.w3.org/2001/XInclude\">\n"
	"<title><xi:include href=\"fuzz.txt\" parse=\"text\"/></title>\n"
	"<programlisting><xi:include href=\"fuzz.txt\" parse=\"text\"/></programlisting>\n"
	"<para>Before <xi:include href=\"fuzz.txt\" parse=\"text\"/> after.</para>\n"
	"</article>\n";

static void check_text(const folio_doc *doc)
{
	for (folio_node *n = doc->root; n; n = folio_next(doc->root, n, 0))
		if (n->kind == FOLIO_NODE_TEXT && !textgate_check(n->text, n->len, NULL))
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 64 * 1024)
		return 0;
	char dir[] = "/tmp/folio-fuzz-text-XXXXXX";
	if (mkdtemp(dir) == NULL)
		return 0;
	char txt[64], xml[64];
	snprintf(txt, sizeof txt, "%s/fuzz.txt", dir);
	snprintf(xml, sizeof xml, "%s/main.xml", dir);
	FILE *fp = fopen(txt, "wb");
	if (fp) {
		fwrite(data, 1, size, fp);
		fclose(fp);
		folio_diag *diag = folio_diag_new(quiet, NULL);
		folio_read_opts ro = { 0 };
		folio_doc *doc = folio_read_memory(xml, main_xml, sizeof main_xml - 1, &ro, diag);
		if (doc) {
			check_text(doc);
			folio_resolve(doc, NULL, diag);
		}
		folio_doc_free(doc);
		folio_diag_free(diag);
	}
	unlink(txt);
	rmdir(dir);
	return 0;
}
