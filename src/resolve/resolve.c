/*
 * resolve: runs the passes in order.  Passes go on after errors so one
 * build reports as many problems as it can, except where a later pass
 * would only repeat an earlier pass's complaint.
 */
#include "resolve/resolve.h"

static const resolve_pass_fn passes[] = {
	pass_lang,
	pass_refentry,
	pass_ids,
	pass_numbering, /* before links: link text uses the numbers */
	pass_links,
	pass_glossary,
	pass_citations,
	pass_index,
};

int folio_resolve(folio_doc *doc, const folio_resolve_opts *opts,
		  folio_diag *diag)
{
	/* citation_style NULL: the document's choice, else APA (biblio.c) */
	static const folio_resolve_opts defaults = { NULL, 0, NULL };
	if (opts == NULL)
		opts = &defaults;
	unsigned errors_before = folio_diag_count(diag, FOLIO_ERROR);
	for (size_t i = 0; i < sizeof passes / sizeof passes[0]; i++)
		passes[i](doc, opts, diag);
	return folio_diag_count(diag, FOLIO_ERROR) > errors_before ? -1 : 0;
}
