/*
 * pdf: the `pdf` back end (lay the document out, then write it with
 * libharu) and the `pages` back end (the same layout as text, one
 * positioned item a line; see src/layout/dump.c).
 *
 * For tests, FOLIO_DUMP_PAGES=FILE in the environment also writes the
 * pages dump of a PDF build, so one layout serves both.
 */
#include "backend/pdf/emit.h"
#include "backend/pdf/print.h"
#include "backend/pdf/printcheck.h"
#include "folio/backend.h"
#include "layout/layout.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int write_dump(const lay_run *run, const char *path, folio_diag *diag)
{
	FILE *fp = fopen(path, "w");
	if (fp == NULL) {
		folio_report(diag, FOLIO_FATAL, (folio_loc){ path, 0, 0 },
			     "cannot write: %s", strerror(errno));
		return -1;
	}
	layout_dump(run, fp);
	if (fclose(fp) != 0) {
		folio_report(diag, FOLIO_FATAL, (folio_loc){ path, 0, 0 },
			     "cannot write: %s", strerror(errno));
		return -1;
	}
	return 0;
}

static int pdf_render(folio_doc *doc, const folio_render_opts *opts,
		      folio_diag *diag)
{
	pdf_print print;
	if (print_settings(opts, &print, diag) < 0)
		return -1;
	/* --paper and the sides reach layout in opts->page. */
	lay_run *run = layout_run(doc, opts, diag);
	if (run == NULL)
		return -1;
	if (opts->page_map_out) {
		layout_page_map(run, doc, opts->page_map_out);
		if (opts->page_map_ready)
			opts->page_map_ready(opts->page_map_ctx);
	}
	print_check(layout_result(run), &print, diag);
	int rc = pdf_emit(layout_result(run), layout_fonts(run), opts->out_path,
			  opts->final_path,
			  folio_output_date(opts), &print, diag);
	const char *dump = getenv("FOLIO_DUMP_PAGES");
	if (rc == 0 && dump && *dump)
		rc = write_dump(run, dump, diag);
	layout_free(run);
	return rc;
}

static int pages_render(folio_doc *doc, const folio_render_opts *opts,
			folio_diag *diag)
{
	lay_run *run = layout_run(doc, opts, diag);
	if (run == NULL)
		return -1;
	int rc = write_dump(run, opts->out_path, diag);
	layout_free(run);
	return rc;
}

/* The print settings are checked alone, before any work. */
static int pdf_check(const folio_render_opts *opts, folio_diag *diag)
{
	pdf_print print;
	return print_settings(opts, &print, diag) < 0 ? -1 : 0;
}

const folio_backend folio_backend_pdf = {
	.name = "pdf",
	.extension = ".pdf",
	.description = "typeset PDF (libharu)",
	.render = pdf_render,
	.gives = FOLIO_PRODUCT_PAGE_MAP,
	.check = pdf_check,
};

const folio_backend folio_backend_pages = {
	.name = "pages",
	.extension = ".pages",
	.description = "the PDF layout as text: one positioned item a line",
	.render = pages_render,
	.on_request = 1,
	.check = pdf_check,
};
