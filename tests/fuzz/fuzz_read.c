/* libs: folio_resolve folio_read folio_tree folio_util */
/*
 * fuzz_read: the source reader and the resolve passes on arbitrary bytes.
 * Whatever the input, folio must report errors and never crash, hang or
 * leak.  Diagnostics are swallowed: only the absence of faults counts.
 */
#include "folio/folio.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void quiet(void *ctx, folio_severity sev, folio_loc loc, const char *msg)
{
	(void)ctx; (void)sev; (void)loc; (void)msg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	folio_diag *diag = folio_diag_new(quiet, NULL);
	folio_read_opts ro = { 0 };
	folio_doc *doc = folio_read_memory("fuzz.xml", (const char *)data, size, &ro, diag);
	if (doc)
		folio_resolve(doc, NULL, diag);
	folio_doc_free(doc);
	folio_diag_free(diag);
	return 0;
}
