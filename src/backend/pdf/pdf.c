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
#include "folio/backend.h"
#include "layout/layout.h"
#include "util/cleanup.h"
#include "util/file.h"
#include "util/strbuf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* The style layout would read: --style, else the shipped default
 * (layout's own rule: "styles/a5-reader.style" beside the styles
 * folder's parent). */
static char *base_style(const folio_render_opts *o)
{
	if (o->style_path)
		return xstrdup(o->style_path);
	const char *sd = o->styles_dir ? o->styles_dir : "styles";
	size_t n = strlen(sd);
	while (n > 1 && sd[n - 1] == '/')
		n--;
	while (n > 0 && sd[n - 1] != '/')
		n--;
	strbuf b = STRBUF_INIT;
	sb_putn(&b, sd, n);
	sb_puts(&b, "styles/a5-reader.style");
	return sb_take(&b);
}

/*
 * --paper and --one-sided/--two-sided reach the layout through its style:
 * a copy of the style with the page keys appended (later keys win) is
 * written beside the output and handed to layout as --style.  Returns
 * the copy's path (the caller unlinks it, forgets *slot and frees it),
 * NULL when nothing is overridden or after a fatal report (*failed set).
 * The copy is registered in *slot for removal on a signal.
 */
static char *style_with_paper(const folio_render_opts *o, const pdf_print *p,
			      folio_diag *diag, int *failed, int *slot)
{
	*failed = 0;
	*slot = -1;
	if (p->paper_w == 0 && p->sides == 0)
		return NULL;
	char *base = base_style(o);
	int err;
	FILE *in = file_fopen_regular(base, &err);
	if (in == NULL) {
		folio_report(diag, FOLIO_FATAL, (folio_loc){ base, 0, 0 },
			     "cannot read the style: %s", file_strerror(err));
		free(base);
		*failed = 1;
		return NULL;
	}
	strbuf path = STRBUF_INIT;
	sb_printf(&path, "%s.style.XXXXXX", o->out_path);
	char *tmp = sb_take(&path);
	int fd = mkstemp(tmp);
	if (fd >= 0)
		*slot = cleanup_register(tmp);
	FILE *out = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (out == NULL) {
		folio_report(diag, FOLIO_FATAL, (folio_loc){ o->final_path, 0, 0 },
			     "cannot write a copy of the style beside the output: %s",
			     strerror(errno));
		cleanup_forget(*slot);
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		fclose(in);
		free(base);
		free(tmp);
		*failed = 1;
		return NULL;
	}
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		fwrite(buf, 1, n, out);
	fputs("\n# set by the command line\n", out);
	if (p->paper_w)
		fprintf(out, "page.width = %.3fpt\npage.height = %.3fpt\n",
			p->paper_w / 1000.0, p->paper_h / 1000.0);
	if (p->sides)
		fprintf(out, "two-sided = %s\n", p->sides == 2 ? "yes" : "no");
	free(base);
	int bad = ferror(in) | ferror(out);
	fclose(in);
	if ((fclose(out) != 0) | bad) {
		folio_report(diag, FOLIO_FATAL, (folio_loc){ o->final_path, 0, 0 },
			     "cannot write a copy of the style beside the output: %s",
			     strerror(errno));
		unlink(tmp);
		cleanup_forget(*slot);
		free(tmp);
		*failed = 1;
		return NULL;
	}
	return tmp;
}

static int pdf_render(folio_doc *doc, const folio_render_opts *opts,
		      folio_diag *diag)
{
	pdf_print print;
	if (print_settings(opts, &print, diag) < 0)
		return -1;
	int failed, slot;
	char *style = style_with_paper(opts, &print, diag, &failed, &slot);
	if (failed)
		return -1;
	folio_render_opts lo = *opts;
	if (style)
		lo.style_path = style;
	lay_run *run = layout_run(doc, &lo, diag);
	if (style) {
		unlink(style);
		cleanup_forget(slot);
		free(style);
	}
	if (run == NULL)
		return -1;
	if (opts->page_map_out) {
		layout_page_map(run, doc, opts->page_map_out);
		if (opts->page_map_ready)
			opts->page_map_ready(opts->page_map_ctx);
	}
	int rc = pdf_emit(layout_result(run), layout_fonts(run), opts->out_path,
			  opts->final_path,
			  opts->source_date, &print, diag);
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
	"pdf", ".pdf", "typeset PDF (libharu)", pdf_render, 0, pdf_check
};

const folio_backend folio_backend_pages = {
	"pages", ".pages", "the PDF layout as text: one positioned item a line",
	pages_render, 1, pdf_check
};
