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
#include "folio/backend.h"
#include "folio/folio.h"
#include "util/xalloc.h"

#include <errno.h>
#include <limits.h>
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
	const char *citation_style;
	const char *paper, *color;
	double bleed_mm, creep_mm;
	int crop_marks, epub_fonts, bleed_given, sides;
	const char *print_preset, *impose, *pdfx, *pdfa;
	int strict, quiet, verbose, allow_outside, glossary_in_index;
	struct request outputs[MAX_OUTPUTS];
	int noutputs;
};

static void usage(FILE *f)
{
	fputs("usage: folio build SOURCE.xml [options]\n"
	      "       folio check SOURCE.xml [options]\n"
	      "       folio preflight FILE.pdf [--preset copyshop|offset|pod]\n"
	      "       folio --help | --version\n"
	      "\n"
	      "build writes the outputs; check reads and resolves the sources,\n"
	      "prints diagnostics and writes nothing.\n"
	      "\n"
	      "options:\n"
	      "  -o DIR                 write outputs into DIR (default: .), named\n"
	      "                         after the source file\n"
	      "  --format LIST          formats to write, comma-separated (default: all)\n", f);
	for (size_t i = 0; folio_backends[i]; i++)
		fprintf(f, "  --%-6s FILE          write %s to FILE\n",
			folio_backends[i]->name, folio_backends[i]->description);
	fputs("  --style FILE           page style (default: styles/a5-reader.style)\n"
	      "  --citation-style NAME  apa (default), chicago or ieee\n"
	      "  --glossary-in-index    list glossary terms in the index too\n"
	      "  --paper SIZE           a4, a5, b5, letter or WxHmm\n"
	      "  --bleed LENGTH         bleed around each page, e.g. 3mm\n"
	      "  --one-sided, --two-sided  override the style's page sides\n"
	      "  --marks, --no-marks    crop and registration marks\n"
	      "  --color MODEL          rgb (default), gray or cmyk\n"
	      "  --print-preset NAME    copyshop, offset or pod (see doc/print.md)\n"
	      "  --impose KIND          booklet (saddle stitch) or 2up sheets\n"
	      "  --creep LENGTH         booklet creep per sheet, e.g. 0.1mm\n"
	      "  --pdfx 1a              PDF/X-1a:2001\n"
	      "  --pdfa [1b|2b]         PDF/A-1b (default) or PDF/A-2b\n"
	      "  --epub-fonts           embed the text fonts in the EPUB\n"
	      "  --allow-outside        let includes, images and databases leave the\n"
	      "                         source's folder\n"
	      "  --strict               treat warnings about the sources as errors\n"
	      "  -q, --quiet            print errors only\n"
	      "  -v, --verbose          say what is being done\n"
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
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];
		const char *v;
		if (a[0] != '-' || a[1] == '\0') {
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
		} else if (strcmp(a, "--print-preset") == 0) {
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
		} else if (strcmp(a, "--epub-fonts") == 0) {
			o->epub_fonts = 1;
		} else if (strcmp(a, "-o") == 0 || strcmp(a, "--output-dir") == 0) {
			if ((o->outdir = value_of(argc, argv, &i)) == NULL)
				return usage_error("%s needs a folder", a);
		} else if (strcmp(a, "--style") == 0) {
			if ((o->style = value_of(argc, argv, &i)) == NULL)
				return usage_error("%s needs a file", a);
		} else if (strcmp(a, "--citation-style") == 0) {
			if ((v = value_of(argc, argv, &i)) == NULL)
				return usage_error("%s needs a name", a);
			if (strcmp(v, "apa") && strcmp(v, "chicago") && strcmp(v, "ieee"))
				return usage_error("unknown citation style '%s' (apa, chicago, ieee)", v);
			o->citation_style = v;
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

static int64_t source_date_epoch(folio_diag *diag)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	if (s == NULL || *s == '\0')
		return -1;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || *end != '\0' || v < 0) {
		folio_report(diag, FOLIO_WARNING, (folio_loc){ 0 },
			     "SOURCE_DATE_EPOCH='%s' is not a number of seconds; ignored", s);
		return -1;
	}
	return v;
}

/* Shipped styles: beside the sources in a build tree, else installed. */
static const char *styles_dir(void)
{
	static const char *const candidates[] = {
		FOLIO_SOURCE_DIR "/styles", FOLIO_DATA_DIR "/styles"
	};
	const char *env = getenv("FOLIO_STYLES");
	if (env && *env)
		return env;
	struct stat st;
	for (size_t i = 0; i < 2; i++)
		if (stat(candidates[i], &st) == 0 && S_ISDIR(st.st_mode))
			return candidates[i];
	return candidates[0];
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

/* Back ends run in registry order (pdf first), whatever the order of the
 * options, so the PDF's layout is there for the EPUB's page-list. */
static void sort_pdf_first(struct options *o)
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
		.verbose = o->verbose,
		.paper = o->paper,
		.bleed_mm = o->bleed_mm,
		.crop_marks = o->crop_marks,
		.color = o->color, /* NULL: the preset's, else rgb */
		.print_preset = o->print_preset,
		.bleed_given = o->bleed_given,
		.impose = o->impose,
		.creep_mm = o->creep_mm,
		.pdfx = o->pdfx,
		.pdfa = o->pdfa,
		.sides = o->sides,
		.epub_fonts = o->epub_fonts,
	};
}

/* The request after i that takes the PDF's page map (the EPUB), -1 none. */
static int map_taker(const struct options *o, int i)
{
	for (int j = i + 1; j < o->noutputs; j++)
		if (strcmp(o->outputs[j].backend->name, "epub") == 0)
			return j;
	return -1;
}

static int open_output(const struct options *o, const struct request *r,
		       const char *outdir, output_file *f, folio_diag *diag)
{
	char *path = r->path ? xstrdup(r->path)
			     : default_output(o->source, outdir, r->backend->extension);
	int rc = output_open(f, path, diag);
	free(path);
	return rc;
}

static int render_failed(int rc, folio_diag *diag)
{
	return rc != 0 || folio_diag_count(diag, FOLIO_ERROR) ||
	       folio_diag_count(diag, FOLIO_FATAL);
}

static int run_backends(struct options *o, folio_doc *doc, folio_diag *diag)
{
	if (o->noutputs == 0)
		for (size_t i = 0; folio_backends[i] && i < MAX_OUTPUTS; i++)
			if (!folio_backends[i]->on_request)
				o->outputs[o->noutputs++] =
					(struct request){ folio_backends[i], NULL };
	const char *outdir = o->outdir ? o->outdir : ".";
	if (o->outdir && mkdir(o->outdir, 0777) != 0 && errno != EEXIST) {
		folio_report(diag, FOLIO_FATAL, (folio_loc){ o->outdir, 0, 0 },
			     "cannot create folder: %s", strerror(errno));
		return 2;
	}
	output_file files[MAX_OUTPUTS];
	int done[MAX_OUTPUTS] = { 0 };
	int opened = 0, failed = 0;
	/* The print layout's page starts, handed from the PDF to the EPUB so
	 * that a build of both lays the book out once. */
	folio_page_map print_pages = { NULL, 0 };
	sort_pdf_first(o);
	int64_t date = source_date_epoch(diag);
	for (int i = 0; i < o->noutputs && !failed; i++) {
		if (done[i])
			continue;
		const struct request *r = &o->outputs[i];
		if (open_output(o, r, outdir, &files[opened], diag) != 0) {
			failed = 1;
			break;
		}
		folio_render_opts ro = render_opts(o, &files[opened++], date);
		ro.page_map = print_pages.count ? &print_pages : NULL;
		ro.page_map_out = print_pages.count ? NULL : &print_pages;
		/* The EPUB goes on its own thread once the PDF's pages are
		 * known, while the PDF is being written. */
		side_job *side = NULL;
		int taker = ro.page_map_out && strcmp(r->backend->name, "pdf") == 0
			    ? map_taker(o, i) : -1;
		if (taker >= 0) {
			if (open_output(o, &o->outputs[taker], outdir, &files[opened], diag) != 0) {
				failed = 1;
				break;
			}
			folio_render_opts so = render_opts(o, &files[opened++], date);
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
	for (int i = 0; i < opened; i++) {
		if (!failed && output_commit(&files[i], diag) != 0)
			failed = 1;
		output_free(&files[i]);
	}
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
	folio_read_opts ro = { .allow_outside = o->allow_outside };
	progress(o, "reading", o->source);
	folio_doc *doc = folio_read(o->source, &ro, diag);
	int status;
	if (doc == NULL) {
		progress_done(o);
		status = folio_diag_exit_status(diag);
		if (status == 0)
			status = 2;
	} else {
		folio_resolve_opts rs = {
			.citation_style = o->citation_style, /* NULL: the document's */
			.glossary_in_index = o->glossary_in_index,
		};
		progress(o, "resolving", o->source);
		folio_resolve(doc, &rs, diag);
		progress_done(o);
		status = folio_diag_exit_status(diag);
		int dumped = dump_tree(doc);
		if (dumped != 0 && status == 0)
			status = dumped;
		if (status == 0 && strcmp(o->command, "build") == 0)
			status = run_backends(o, doc, diag);
	}
	folio_doc_free(doc);
	folio_diag_free(diag);
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
	if (strcmp(argv[1], "build") != 0 && strcmp(argv[1], "check") != 0)
		return usage_error("unknown command '%s'", argv[1]);
	struct options o = { 0 };
	int rc = parse_args(argc, argv, &o);
	if (rc != 0)
		return rc;
	return run(&o);
}
