/*
 * main: the folio command.  It parses the command line, runs read and
 * resolve, hands the tree to the chosen back ends (through the registry
 * only) and makes their outputs appear atomically.
 *
 * Exit status: 0 success, 1 errors in the sources, 2 usage or system
 * errors.
 */
#include "cli/output.h"
#include "cli/overlap.h"
#include "cli/stylefind.h"
#include "cli/template.h"
#include "folio/backend.h"
#include "folio/folio.h"
#include "media/media.h"
#include "util/cleanup.h"
#include "util/file.h"
#include "util/xalloc.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_OUTPUTS 16

struct request {
	const folio_backend *backend;
	const char *path; /* NULL: named after the source, in outdir */
};

struct options {
	const char *command;
	const char *source;
	const char *outdir;
	const char *style;
	char *style_owned; /* the file a style name was found as */
	const char *citation_style;
	const char *cite_accessed;
	const char *paper, *color;
	double bleed_mm, creep_mm;
	int crop_marks, epub_fonts, bleed_given, sides;
	const char *print_preset, *impose, *pdfx, *pdfa;
	int strict, quiet, verbose, allow_outside, glossary_in_index, no_tags;
	struct request outputs[MAX_OUTPUTS];
	int noutputs;
	int64_t build_time; /* the clock when the build began: the outputs'
			     * date without SOURCE_DATE_EPOCH */
};

static void usage(FILE *f)
{
	fputs("usage: folio build SOURCE.xml [options]\n"
	      "       folio check SOURCE.xml [options]\n"
	      "       folio preflight FILE.pdf [--preset copyshop|offset|pod]\n"
	      "       folio styles [SOURCE.xml]\n"
	      "       folio new DIR\n"
	      "       folio --help | --version\n"
	      "\n"
	      "build writes the outputs; check reads and resolves the sources,\n"
	      "prints diagnostics and writes nothing; styles lists the styles\n"
	      "--style finds by name; new starts a reader in DIR from a template.\n"
	      "\n"
	      "options:\n"
	      "  -o DIR                 write outputs into DIR (default: .), named\n"
	      "                         after the source file\n"
	      "  --format LIST          formats to write, comma-separated (default: all)\n", f);
	for (size_t i = 0; folio_backends[i]; i++)
		fprintf(f, "  --%-6s FILE          write %s to FILE\n",
			folio_backends[i]->name, folio_backends[i]->description);
	fputs("  --style NAME|FILE      page style: a name from 'folio styles' or a file\n"
	      "                         (default: a5-reader)\n"
	      "  --citation-style NAME  apa (default), chicago or ieee\n"
	      "  --cite-accessed WHEN   access dates: always, when-undated or never\n"
	      "  --glossary-in-index    list glossary terms in the index too\n"
	      "  --paper SIZE           a4, a5, b5, letter or WxHmm\n"
	      "  --bleed LENGTH         bleed around each page, e.g. 3mm\n"
	      "  --one-sided, --two-sided  override the style's page sides\n"
	      "  --marks, --no-marks    crop and registration marks\n"
	      "  --color MODEL          rgb (default), gray or cmyk\n"
	      "  --preset NAME          copyshop, offset or pod (see doc/print.md);\n"
	      "                         --print-preset is the same\n"
	      "  --impose KIND          booklet (saddle stitch) or 2up sheets\n"
	      "  --creep LENGTH         booklet creep per sheet, e.g. 0.1mm\n"
	      "  --pdfx 1a              PDF/X-1a:2001\n"
	      "  --pdfa [1b|2b]         PDF/A-1b (default) or PDF/A-2b (tagged: 2a)\n"
	      "  --no-tags              an untagged PDF: no structure tree, not PDF/UA\n"
	      "  --epub-fonts           embed the text fonts in the EPUB\n"
	      "  --allow-outside        let includes, images and databases leave the\n"
	      "                         source's folder\n"
	      "  --strict               treat warnings about the sources as errors\n"
	      "  -q, --quiet            print errors only\n"
	      "  -v, --verbose          say what is being done\n"
	      "  --                     ends the options: a source named \"-x.xml\"\n"
	      "\n"
	      "SOURCE '-' reads standard input; FILE '-' writes standard output.\n"
	      "An output never replaces a file the build reads, and is written\n"
	      "only as a regular file (see folio(1)).\n"
	      "\n"
	      "exit status: 0 success, 1 errors in the sources, 2 usage or system errors\n", f);
}

static int usage_error(const char *fmt, const char *arg)
{
	fputs("folio: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nTry 'folio --help'.\n", stderr);
	return 2;
}

static int add_format_list(struct options *o, const char *list)
{
	char *copy = xstrdup(list);
	int rc = 0;
	for (char *save = NULL, *name = strtok_r(copy, ",", &save); name;
	     name = strtok_r(NULL, ",", &save)) {
		const folio_backend *b = folio_backend_find(name);
		if (b == NULL) {
			rc = usage_error("unknown format '%s'", name);
			break;
		}
		if (o->noutputs == MAX_OUTPUTS) {
			rc = usage_error("too many outputs%s", "");
			break;
		}
		o->outputs[o->noutputs++] = (struct request){ b, NULL };
	}
	free(copy);
	return rc;
}

static int parse_length_mm(const char *s, double *mm)
{
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (errno || end == s || v < 0 || v > 100)
		return -1;
	if (*end == '\0' || strcmp(end, "mm") == 0)
		*mm = v;
	else if (strcmp(end, "pt") == 0)
		*mm = v * 25.4 / 72.0;
	else if (strcmp(end, "in") == 0)
		*mm = v * 25.4;
	else
		return -1;
	return 0;
}

/* Options that take a value; each returns the value or NULL. */
static const char *value_of(int argc, char **argv, int *i)
{
	if (*i + 1 >= argc)
		return NULL;
	return argv[++*i];
}

static int parse_args(int argc, char **argv, struct options *o)
{
	o->command = argv[1];
	int options_ended = 0;
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];
		const char *v;
		if (!options_ended && strcmp(a, "--") == 0) {
			options_ended = 1; /* what follows is a file, even "-x" */
			continue;
		}
		if (options_ended || a[0] != '-' || a[1] == '\0') {
			if (o->source)
				return usage_error("more than one source: '%s'", a);
			o->source = a;
			continue;
		}
		if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
			o->quiet = 1;
		} else if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0) {
			o->verbose = 1;
		} else if (strcmp(a, "--strict") == 0) {
			o->strict = 1;
		} else if (strcmp(a, "--allow-outside") == 0) {
			o->allow_outside = 1;
		} else if (strcmp(a, "--glossary-in-index") == 0) {
			o->glossary_in_index = 1;
		} else if (strcmp(a, "--marks") == 0) {
			o->crop_marks = 1;
		} else if (strcmp(a, "--no-marks") == 0) {
			o->crop_marks = -1;
		} else if (strcmp(a, "--one-sided") == 0) {
			o->sides = 1;
		} else if (strcmp(a, "--two-sided") == 0) {
			o->sides = 2;
		} else if (strcmp(a, "--preset") == 0 || strcmp(a, "--print-preset") == 0) {
			if ((v = value_of(argc, argv, &i)) == NULL)
				return usage_error("%s needs copyshop, offset or pod", a);
			if (strcmp(v, "copyshop") && strcmp(v, "offset") && strcmp(v, "pod"))
				return usage_error("unknown print preset '%s' (copyshop, offset, pod)", v);
			o->print_preset = v;
		} else if (strcmp(a, "--impose") == 0) {
			if ((v = value_of(argc, argv, &i)) == NULL)
				return usage_error("%s needs booklet or 2up", a);
			if (strcmp(v, "booklet") && strcmp(v, "2up"))
				return usage_error("unknown imposition '%s' (booklet, 2up)", v);
			o->impose = v;
		} else if (strcmp(a, "--creep") == 0) {
			if ((v = value_of(argc, argv, &i)) == NULL)
				return usage_error("%s needs a length", a);
			if (parse_length_mm(v, &o->creep_mm) != 0 || o->creep_mm > 5)
				return usage_error("bad creep '%s' (e.g. 0.1mm, at most 5mm)", v);
		} else if (strcmp(a, "--pdfx") == 0) {
			if ((v = value_of(argc, argv, &i)) == NULL || strcmp(v, "1a") != 0)
				return usage_error("%s needs 1a (PDF/X-1a:2001)", a);
			o->pdfx = v;
		} else if (strcmp(a, "--pdfa") == 0) {
			o->pdfa = "1b";
			if (i + 1 < argc && (strcmp(argv[i + 1], "1b") == 0 ||
					     strcmp(argv[i + 1], "2b") == 0))
				o->pdfa = argv[++i];
		} else if (strcmp(a, "--no-tags") == 0) {
			o->no_tags = 1;
		} else if (strcmp(a, "--epub-fonts") == 0) {
			o->epub_fonts = 1;
		} else if (strcmp(a, "-o") == 0 || strcmp(a, "--output-dir") == 0) {
			if ((o->outdir = value_of(argc, argv, &i)) == NULL)
				return usage_error("%s needs a folder", a);
		} else if (strcmp(a, "--style") == 0) {
			if ((o->style = value_of(argc, argv, &i)) == NULL)
				return usage_error("%s needs a style name or file", a);
		} else if (strcmp(a, "--citation-style") == 0) {
			if ((v = value_of(argc, argv, &i)) == NULL)
				return usage_error("%s needs a name", a);
			if (strcmp(v, "apa") && strcmp(v, "chicago") && strcmp(v, "ieee"))
				return usage_error("unknown citation style '%s' (apa, chicago, ieee)", v);
			o->citation_style = v;
		} else if (strcmp(a, "--cite-accessed") == 0) {
			if ((v = value_of(argc, argv, &i)) == NULL)
				return usage_error("%s needs always, when-undated or never", a);
			if (strcmp(v, "always") && strcmp(v, "when-undated") && strcmp(v, "never"))
				return usage_error("unknown access-date rule '%s' (always, when-undated, never)", v);
			o->cite_accessed = v;
		} else if (strcmp(a, "--paper") == 0) {
			if ((o->paper = value_of(argc, argv, &i)) == NULL)
				return usage_error("%s needs a size", a);
		} else if (strcmp(a, "--color") == 0) {
			if ((v = value_of(argc, argv, &i)) == NULL)
				return usage_error("%s needs rgb, gray or cmyk", a);
			if (strcmp(v, "rgb") && strcmp(v, "gray") && strcmp(v, "cmyk"))
				return usage_error("unknown colour model '%s' (rgb, gray, cmyk)", v);
			o->color = v;
		} else if (strcmp(a, "--bleed") == 0) {
			if ((v = value_of(argc, argv, &i)) == NULL)
				return usage_error("%s needs a length", a);
			if (parse_length_mm(v, &o->bleed_mm) != 0 || o->bleed_mm > 20)
				return usage_error("bad bleed length '%s' (e.g. 3mm, at most 20mm)", v);
			o->bleed_given = 1;
		} else if (strcmp(a, "--format") == 0) {
			if ((v = value_of(argc, argv, &i)) == NULL)
				return usage_error("%s needs a list of formats", a);
			if (add_format_list(o, v) != 0)
				return 2;
		} else if (a[0] == '-' && a[1] == '-' && folio_backend_find(a + 2)) {
			if ((v = value_of(argc, argv, &i)) == NULL)
				return usage_error("%s needs a file name", a);
			if (o->noutputs == MAX_OUTPUTS)
				return usage_error("too many outputs%s", "");
			o->outputs[o->noutputs++] =
				(struct request){ folio_backend_find(a + 2), v };
		} else {
			return usage_error("unknown option '%s'", a);
		}
	}
	if (o->source == NULL)
		return usage_error("no source file given%s", "");
	if (o->pdfx && o->pdfa)
		return usage_error("--pdfx and --pdfa cannot be combined%s", "");
	if (o->creep_mm > 0 && (o->impose == NULL || strcmp(o->impose, "booklet") != 0))
		return usage_error("--creep needs --impose booklet%s", "");
	return 0;
}

/* "sources/x/reader.xml" + ".pdf" in outdir -> "outdir/reader.pdf" */
static char *default_output(const char *source, const char *outdir,
			    const char *ext)
{
	const char *base = strrchr(source, '/');
	base = base ? base + 1 : source;
	size_t stem = strlen(base);
	const char *dot = strrchr(base, '.');
	if (dot && dot != base)
		stem = (size_t)(dot - base);
	size_t n = strlen(outdir) + stem + strlen(ext) + 2;
	char *p = xmalloc(n);
	snprintf(p, n, "%s/%.*s%s", outdir, (int)stem, base, ext);
	return p;
}

/* The last second a PDF or EPUB date can say: 9999-12-31T23:59:59Z. */
#define LAST_FOUR_DIGIT_YEAR_SECOND 253402300799LL

/* SOURCE_DATE_EPOCH, -1 when unset; -2 after reporting a usage error. */
static int64_t source_date_epoch(folio_diag *diag)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	if (s == NULL || *s == '\0')
		return -1;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (end == s || *end != '\0') {
		folio_report(diag, FOLIO_FATAL, (folio_loc){ 0 },
			     "SOURCE_DATE_EPOCH='%s' is not a number of seconds", s);
		return -2;
	}
	if (errno || v < 0 || v > LAST_FOUR_DIGIT_YEAR_SECOND) {
		folio_report(diag, FOLIO_FATAL, (folio_loc){ 0 },
			     "SOURCE_DATE_EPOCH='%s' is out of range: 0 to %lld "
			     "(1970 to the end of 9999)", s, LAST_FOUR_DIGIT_YEAR_SECOND);
		return -2;
	}
	return v;
}

/* --style NAME becomes the file it names (see stylefind.h). */
static int resolve_style(struct options *o, folio_diag *diag)
{
	char *searched = NULL;
	char *path = style_find(o->style, o->source, &searched);
	if (path == NULL) {
		folio_report(diag, FOLIO_FATAL, (folio_loc){ 0 },
			     "no style named '%s' (looked in %s; 'folio styles' lists them)",
			     o->style, searched);
		free(searched);
		return -1;
	}
	o->style = o->style_owned = path;
	return 0;
}

static void progress(const struct options *o, const char *what, const char *arg)
{
	if (o->verbose)
		fprintf(stderr, "folio: %s %s\n", what, arg ? arg : "");
	else if (!o->quiet && isatty(2))
		fprintf(stderr, "\rfolio: %s %s\033[K", what, arg ? arg : "");
}

static void progress_done(const struct options *o)
{
	if (!o->verbose && !o->quiet && isatty(2))
		fputs("\r\033[K", stderr);
}

/* Back ends run in registry order, whatever the order of the options: the
 * registry lists a back end that gives a product (the page map) before
 * those that take it. */
static void sort_by_registry(struct options *o)
{
	struct request sorted[MAX_OUTPUTS];
	int n = 0;
	for (size_t b = 0; folio_backends[b]; b++)
		for (int i = 0; i < o->noutputs; i++)
			if (o->outputs[i].backend == folio_backends[b])
				sorted[n++] = o->outputs[i];
	memcpy(o->outputs, sorted, (size_t)n * sizeof(sorted[0]));
	o->noutputs = n;
}

static folio_render_opts render_opts(const struct options *o, const output_file *f,
				     int64_t date)
{
	return (folio_render_opts){
		.out_path = f->temp_path,
		.final_path = f->final_path,
		.style_path = o->style,
		.styles_dir = styles_dir(),
		.source_date = date,
		.build_time = o->build_time,
		.verbose = o->verbose,
		.page = {
			.paper = o->paper,
			.sides = o->sides,
		},
		.pdf = {
			.bleed_mm = o->bleed_mm,
			.bleed_given = o->bleed_given,
			.crop_marks = o->crop_marks,
			.color = o->color, /* NULL: the preset's, else rgb */
			.print_preset = o->print_preset,
			.impose = o->impose,
			.creep_mm = o->creep_mm,
			.pdfx = o->pdfx,
			.pdfa = o->pdfa,
			.no_tags = o->no_tags,
		},
		.epub = {
			.embed_fonts = o->epub_fonts,
		},
	};
}

/* The request after i that takes the page map request i gives, -1 none. */
static int map_taker(const struct options *o, int i)
{
	if (!(o->outputs[i].backend->gives & FOLIO_PRODUCT_PAGE_MAP))
		return -1;
	for (int j = i + 1; j < o->noutputs; j++)
		if (o->outputs[j].backend->takes & FOLIO_PRODUCT_PAGE_MAP)
			return j;
	return -1;
}

static int render_failed(int rc, folio_diag *diag)
{
	return rc != 0 || folio_diag_count(diag, FOLIO_ERROR) ||
	       folio_diag_count(diag, FOLIO_FATAL);
}

/*
 * Every output of the build, planned and given its temporary before any
 * work: a missing folder, a folder or device where a file would go, two
 * outputs on one file, an output on the source or the style end the run
 * before the source is read.  files[i] is outputs[i]'s.
 */
static int prepare_outputs(struct options *o, output_file *files, int *nfiles,
			   int64_t date, folio_diag *diag)
{
	if (o->noutputs == 0)
		for (size_t i = 0; folio_backends[i] && i < MAX_OUTPUTS; i++)
			if (!folio_backends[i]->on_request)
				o->outputs[o->noutputs++] =
					(struct request){ folio_backends[i], NULL };
	sort_by_registry(o);
	const char *outdir = o->outdir ? o->outdir : ".";
	if (o->outdir && mkdir(o->outdir, 0777) != 0 && errno != EEXIST) {
		folio_report(diag, FOLIO_FATAL, (folio_loc){ o->outdir, 0, 0 },
			     "cannot create folder: %s", strerror(errno));
		return -1;
	}
	/* standard input's outputs are named stdin.pdf, stdin.epub ... */
	const char *named_after = strcmp(o->source, "-") == 0 ? "stdin" : o->source;
	int rc = 0;
	for (int i = 0; i < o->noutputs; i++) {
		const struct request *r = &o->outputs[i];
		char *path = r->path ? xstrdup(r->path)
				     : default_output(named_after, outdir, r->backend->extension);
		if (output_plan(&files[i], path, diag) != 0)
			rc = -1;
		*nfiles = i + 1;
		free(path);
	}
	const char *const inputs[2] = { named_after == o->source ? o->source : NULL, o->style };
	if (rc == 0 && output_clashes(files, o->noutputs, inputs, diag) != 0)
		rc = -1;
	int bad_style = o->style ? file_check_regular(o->style) : 0;
	if (rc == 0 && bad_style) {
		folio_report(diag, FOLIO_FATAL, (folio_loc){ o->style, 0, 0 },
			     "cannot read the style: %s", file_strerror(bad_style));
		rc = -1;
	}
	for (int i = 0; i < o->noutputs && rc == 0; i++) {
		const folio_backend *b = o->outputs[i].backend;
		int checked = 0; /* pdf and pages share one check */
		for (int j = 0; j < i; j++)
			checked |= o->outputs[j].backend->check == b->check;
		folio_render_opts ro = render_opts(o, &files[i], date);
		if (b->check && !checked && b->check(&ro, diag) != 0)
			rc = -1;
	}
	for (int i = 0; i < o->noutputs && rc == 0; i++)
		if (output_open(&files[i], diag) != 0)
			rc = -1;
	return rc;
}

static int run_backends(struct options *o, folio_doc *doc, output_file *files,
			int64_t date, folio_diag *diag)
{
	int done[MAX_OUTPUTS] = { 0 };
	int failed = 0;
	/* The print layout's page starts, handed from the back end that
	 * gives them (the PDF) to the one that takes them (the EPUB), so that
	 * a build of both lays the book out once. */
	folio_page_map print_pages = { NULL, 0 };
	for (int i = 0; i < o->noutputs && !failed; i++) {
		if (done[i])
			continue;
		const struct request *r = &o->outputs[i];
		folio_render_opts ro = render_opts(o, &files[i], date);
		const folio_backend *b = r->backend;
		ro.page_map = print_pages.count && (b->takes & FOLIO_PRODUCT_PAGE_MAP)
			      ? &print_pages : NULL;
		ro.page_map_out = !print_pages.count && (b->gives & FOLIO_PRODUCT_PAGE_MAP)
				  ? &print_pages : NULL;
		/* The taker goes on its own thread once the giver's pages are
		 * known, while the giver writes its file. */
		side_job *side = NULL;
		int taker = ro.page_map_out ? map_taker(o, i) : -1;
		if (taker >= 0) {
			folio_render_opts so = render_opts(o, &files[taker], date);
			so.page_map = &print_pages;
			side = side_job_new(o->outputs[taker].backend, doc, &so, diag);
			ro.page_map_ready = side_job_start;
			ro.page_map_ctx = side;
			done[taker] = 1;
		}
		progress(o, "writing", ro.final_path);
		int rc = r->backend->render(doc, &ro, diag);
		if (side) {
			int started = side_job_started(side);
			int side_rc = side_job_finish(side, diag);
			if (started && render_failed(side_rc, diag))
				failed = 1;
			if (!started)
				failed = 1; /* the PDF stopped before its layout was done */
		}
		if (render_failed(rc, diag))
			failed = 1;
	}
	if (!failed && output_commit_all(files, o->noutputs, diag) != 0)
		failed = 1;
	progress_done(o);
	if (failed && folio_diag_exit_status(diag) == 0)
		return 2;
	return folio_diag_exit_status(diag);
}

/* FOLIO_DUMP_TREE=FILE: the resolved tree as text (src/tree/dump.c), for
 * tests/golden and debugging; not an output, so not atomic and not in
 * --help. */
static int dump_tree(const folio_doc *doc)
{
	const char *path = getenv("FOLIO_DUMP_TREE");
	if (path == NULL || *path == '\0')
		return 0;
	FILE *f = fopen(path, "w");
	if (f == NULL) {
		fprintf(stderr, "folio: cannot write %s: %s\n", path, strerror(errno));
		return 2;
	}
	folio_tree_dump(f, doc);
	if (fclose(f) != 0) {
		fprintf(stderr, "folio: cannot write %s: %s\n", path, strerror(errno));
		return 2;
	}
	return 0;
}

static int run(struct options *o)
{
	folio_diag *diag = folio_diag_new_stderr();
	folio_diag_set_strict(diag, o->strict);
	folio_diag_set_quiet(diag, o->quiet);
	int build = strcmp(o->command, "build") == 0;
	output_file files[MAX_OUTPUTS];
	int nfiles = 0;
	int64_t date = -1;
	folio_doc *doc = NULL;
	int status = 0;
	if (build && o->style && resolve_style(o, diag) != 0)
		status = 2;
	if (build && status == 0) {
		date = source_date_epoch(diag);
		o->build_time = (int64_t)time(NULL);
		if (date < -1 || prepare_outputs(o, files, &nfiles, date, diag) != 0)
			status = 2;
	}
	if (status == 0) {
		folio_read_opts ro = { .allow_outside = o->allow_outside };
		progress(o, "reading", o->source);
		doc = folio_read(o->source, &ro, diag);
	}
	if (status == 0 && doc == NULL) {
		progress_done(o);
		status = folio_diag_exit_status(diag);
		if (status == 0)
			status = 2;
	} else if (status == 0) {
		folio_resolve_opts rs = {
			.citation_style = o->citation_style, /* NULL: the document's */
			.glossary_in_index = o->glossary_in_index,
			.cite_accessed = o->cite_accessed, /* NULL: the document's */
		};
		progress(o, "resolving", o->source);
		folio_resolve(doc, &rs, diag);
		progress_done(o);
		status = folio_diag_exit_status(diag);
		int dumped = dump_tree(doc);
		if (dumped != 0 && status == 0)
			status = dumped;
		/* includes and databases are known now: none may be an output */
		if (status == 0 && build && output_clashes(files, nfiles, NULL, diag) != 0)
			status = 2;
		/* check reads every image a build would (the build's layout and
		 * back ends do that themselves), with the build's messages */
		if (status == 0 && !build && media_check_images(doc, diag) > 0)
			status = folio_diag_exit_status(diag);
		if (status == 0 && build)
			status = run_backends(o, doc, files, date, diag);
	}
	/* every failure says at least one line */
	if (status != 0 && folio_diag_count(diag, FOLIO_ERROR) == 0 &&
	    folio_diag_count(diag, FOLIO_FATAL) == 0)
		folio_report(diag, FOLIO_FATAL, (folio_loc){ 0 },
			     "the build failed without a message saying why (a bug in folio)");
	for (int i = 0; i < nfiles; i++)
		output_free(&files[i]);
	folio_doc_free(doc);
	folio_diag_free(diag);
	free(o->style_owned);
	return status;
}

/*
 * `folio preflight` is folio-preflight, a program of its own (see
 * src/cli/preflight/main.c): the one beside this executable, else the one
 * on PATH.  argv[0] is "preflight".
 */
static int run_preflight(int argc, char **argv)
{
	char **args = xcalloc((size_t)argc + 1, sizeof(char *));
	static char prog[] = "folio-preflight";
	args[0] = prog;
	for (int i = 1; i < argc; i++)
		args[i] = argv[i];
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n > 0) {
		self[n] = '\0';
		char *slash = strrchr(self, '/');
		if (slash && (size_t)(slash - self) + sizeof prog + 1 < sizeof self) {
			strcpy(slash + 1, prog);
			execv(self, args);
		}
	}
	execvp(prog, args);
	fprintf(stderr, "folio: cannot run %s: %s\n", prog, strerror(errno));
	free(args);
	return 2;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return usage(stderr), 2;
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0) {
		printf("folio %s\n", FOLIO_VERSION);
		return 0;
	}
	if (strcmp(argv[1], "preflight") == 0)
		return run_preflight(argc - 1, argv + 1);
	if (strcmp(argv[1], "styles") == 0) {
		if (argc > 3)
			return usage_error("styles takes at most one source: '%s'", argv[3]);
		return styles_list(stdout, argc == 3 ? argv[2] : NULL);
	}
	if (strcmp(argv[1], "new") == 0) {
		if (argc != 3 || argv[2][0] == '-')
			return usage_error("new needs one folder: folio new DIR%s", "");
		return template_new(argv[2], styles_dir());
	}
	if (strcmp(argv[1], "build") != 0 && strcmp(argv[1], "check") != 0)
		return usage_error("unknown command '%s'", argv[1]);
	/* Past a file size limit (ulimit -f) write() is to fail with EFBIG,
	 * reported naming the output, rather than the signal ending folio. */
	signal(SIGXFSZ, SIG_IGN);
	cleanup_install();
	struct options o = { 0 };
	int rc = parse_args(argc, argv, &o);
	if (rc != 0)
		return rc;
	return run(&o);
}
