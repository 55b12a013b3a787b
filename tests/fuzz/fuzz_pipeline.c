/* libs: folio_all */
/*
 * fuzz_pipeline: read, resolve and every back end (PDF, EPUB, text) on
 * arbitrary bytes, outputs written to a private temporary folder and
 * removed.  The layout engine and both packagers see whatever a broken
 * or hostile document can make of the tree.
 */
#include "folio/backend.h"
#include "folio/folio.h"

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

/* Documents larger than this only repeat what smaller ones exercise and
 * slow the fuzzer down. */
#define MAX_INPUT (64 * 1024)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > MAX_INPUT)
		return 0;
	char dir[] = "/tmp/folio-fuzz-XXXXXX";
	if (mkdtemp(dir) == NULL)
		return 0;
	folio_diag *diag = folio_diag_new(quiet, NULL);
	folio_read_opts ro = { 0 };
	folio_doc *doc = folio_read_memory("fuzz.xml", (const char *)data, size, &ro, diag);
	if (doc && folio_resolve(doc, NULL, diag) == 0) {
		for (size_t i = 0; folio_backends[i]; i++) {
			char path[64];
			snprintf(path, sizeof path, "%s/out%s", dir, folio_backends[i]->extension);
			folio_render_opts opts = {
				.out_path = path, .final_path = path,
				.styles_dir = FOLIO_SOURCE_DIR "/styles",
				.source_date = 0, .pdf.color = "rgb",
			};
			folio_backends[i]->render(doc, &opts, diag);
			unlink(path);
		}
	}
	folio_doc_free(doc);
	folio_diag_free(diag);
	rmdir(dir);
	return 0;
}
