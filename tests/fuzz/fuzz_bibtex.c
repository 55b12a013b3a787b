/* libs: folio_resolve folio_tree folio_util */
/*
 * fuzz_bibtex: the BibTeX reader on arbitrary bytes.  .bib files come from
 * reference managers and from hand edits; a malformed one must give
 * diagnostics, never a crash or a hang.
 */
#include "folio/diag.h"
#include "resolve/biblio.h"
#include "util/arena.h"

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
	folio_arena *arena = arena_new();
	biblio_db db;
	biblio_db_init(&db, arena);
	bibtex_parse(&db, "fuzz.bib", (const char *)data, size, diag);
	biblio_db_free(&db);
	arena_free(arena);
	folio_diag_free(diag);
	return 0;
}
