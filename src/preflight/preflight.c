/*
 * preflight: `folio preflight` (preflight.h).  Walks the pages of a PDF
 * with libqpdf's C API: boxes and annotations from the page dictionaries,
 * fonts and images from the resources, colour and placed image sizes from
 * the content streams (content.h), the standard's identification from the
 * Info dictionary, the output intents and the XMP packet.  Then it judges
 * what it found against the preset's printer (doc/print.md lists the
 * rules) and prints one report.
 */
#include "preflight/preflight.h"
#include "preflight/content.h"
#include "util/file.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xalloc.h"

#include <qpdf/qpdf-c.h>

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FORM_DEPTH 8  /* forms inside forms followed this deep */
#define MIN_DPI 300.0
#define MIN_BLEED_MM 3.0

enum preset { PRESET_NONE, PRESET_COPYSHOP, PRESET_OFFSET, PRESET_POD };
static const char *const preset_names[] = { "none", "copyshop", "offset", "pod" };

typedef struct pf_font {
	int id, gen;
	char *name, *type;
	int embedded, subset;
} pf_font;

typedef struct pf_image {
	int id, gen;
	unsigned width, height;
	unsigned models;     /* 0: a stencil mask */
	int smask;
	double dpi;          /* the lowest effective resolution placed */
	unsigned page, uses; /* first page (1-based), placements */
} pf_image;

typedef struct pf_rect {
	double x0, y0, x1, y1;
} pf_rect;

typedef struct pf {
	qpdf_data q;
	int preset;
	/* what was found */
	pf_font *fonts;
	size_t nfonts, capfonts;
	pf_image *images;
	size_t nimages, capimages;
	unsigned content_models, image_models;
	unsigned annots, annots_in_trim;
	unsigned transparency;
	strbuf transparency_where;
	/* judgement */
	strbuf problems;
	unsigned errors, warnings;
	/* while scanning a page */
	qpdf_oh resources;
	unsigned page;
	int depth;
} pf;

/* ---- small helpers ---- */

static void problem(pf *f, int error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sb_puts(&f->problems, error ? "  error: " : "  warning: ");
	sb_vprintf(&f->problems, fmt, ap);
	sb_putc(&f->problems, '\n');
	va_end(ap);
	if (error)
		f->errors++;
	else
		f->warnings++;
}

/* A call that failed left its error in qpdf's slot: it is taken out and
 * told among the problems.  Left there, qpdf_cleanup would print it to
 * stderr itself ("WARNING: application did not handle error"), whatever
 * qpdf_silence_errors says. */
static void take_error(pf *f)
{
	if (!qpdf_has_error(f->q))
		return;
	qpdf_error e = qpdf_get_error(f->q);
	if (e)
		problem(f, 0, "qpdf: %s", qpdf_get_error_full_text(f->q, e));
}

static double mm(double pt)
{
	return pt * 25.4 / 72.0;
}

/* A dictionary entry, or null when oh is no dictionary (without the
 * warning libqpdf gives for a key of a null). */
static qpdf_oh key_of(pf *f, qpdf_oh oh, const char *key)
{
	return qpdf_oh_get_key_if_dict(f->q, oh, key);
}

static int has_key(pf *f, qpdf_oh oh, const char *key)
{
	return qpdf_oh_is_dictionary(f->q, oh) && qpdf_oh_has_key(f->q, oh, key);
}

/* A name's text without the slash, copied (libqpdf reuses its buffer at
 * the next call); NULL when oh is no name. */
static char *name_copy(pf *f, qpdf_oh oh)
{
	if (!qpdf_oh_is_name(f->q, oh))
		return NULL;
	return xstrdup(qpdf_oh_get_name(f->q, oh) + 1);
}

static int is_name(pf *f, qpdf_oh oh, const char *name)
{
	return qpdf_oh_is_name_and_equals(f->q, oh, name);
}

static double number_of(pf *f, qpdf_oh oh, double fallback)
{
	return qpdf_oh_is_number(f->q, oh) ? qpdf_oh_get_numeric_value(f->q, oh) : fallback;
}

/* A dictionary's keys, copied (libqpdf iterates one dictionary at a time
 * and reuses its buffer). */
static char **dict_keys(pf *f, qpdf_oh dict, size_t *n)
{
	*n = 0;
	if (!qpdf_oh_is_dictionary(f->q, dict))
		return NULL;
	size_t cap = 0;
	char **keys = vec_reserve(NULL, &cap, 8, sizeof(char *));
	qpdf_oh_begin_dict_key_iter(f->q, dict);
	while (qpdf_oh_dict_more_keys(f->q)) {
		keys = vec_reserve(keys, &cap, *n + 1, sizeof(char *));
		keys[(*n)++] = xstrdup(qpdf_oh_dict_next_key(f->q));
	}
	return keys;
}

static void free_keys(char **keys, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(keys[i]);
	free(keys);
}

static int get_rect(pf *f, qpdf_oh dict, const char *key, pf_rect *r)
{
	qpdf_oh a = key_of(f, dict, key);
	if (!qpdf_oh_is_array(f->q, a) || qpdf_oh_get_array_n_items(f->q, a) != 4)
		return 0;
	double v[4];
	for (int i = 0; i < 4; i++)
		v[i] = number_of(f, qpdf_oh_get_array_item(f->q, a, i), 0);
	r->x0 = fmin(v[0], v[2]);
	r->x1 = fmax(v[0], v[2]);
	r->y0 = fmin(v[1], v[3]);
	r->y1 = fmax(v[1], v[3]);
	return 1;
}

/* A resource of a kind ("/XObject") by name (without the slash). */
static qpdf_oh resource(pf *f, const char *kind, const char *name)
{
	qpdf_oh group = key_of(f, f->resources, kind);
	if (!qpdf_oh_is_dictionary(f->q, group))
		return qpdf_oh_new_null(f->q);
	char key[160];
	snprintf(key, sizeof key, "/%s", name);
	return key_of(f, group, key);
}

/* ---- colour spaces ---- */

static unsigned classify_cs(pf *f, qpdf_oh cs, int depth)
{
	if (qpdf_oh_is_name(f->q, cs)) {
		const char *n = qpdf_oh_get_name(f->q, cs);
		unsigned m = pf_device_models(n + 1);
		return m ? m : strcmp(n, "/Pattern") == 0 ? 0 : PF_OTHER;
	}
	if (!qpdf_oh_is_array(f->q, cs) || qpdf_oh_get_array_n_items(f->q, cs) < 1)
		return PF_OTHER;
	qpdf_oh family = qpdf_oh_get_array_item(f->q, cs, 0);
	if (is_name(f, family, "/ICCBased")) {
		qpdf_oh s = qpdf_oh_get_array_item(f->q, cs, 1);
		qpdf_oh d = qpdf_oh_is_stream(f->q, s) ? qpdf_oh_get_dict(f->q, s) : s;
		int n = (int)number_of(f, key_of(f, d, "/N"), 0);
		return n == 1 ? PF_GRAY : n == 3 ? PF_RGB : n == 4 ? PF_CMYK : PF_OTHER;
	}
	if ((is_name(f, family, "/Indexed") || is_name(f, family, "/I")) && depth < 2)
		return classify_cs(f, qpdf_oh_get_array_item(f->q, cs, 1), depth + 1);
	if (is_name(f, family, "/Separation") || is_name(f, family, "/DeviceN"))
		return PF_SPOT;
	if (is_name(f, family, "/CalRGB"))
		return PF_RGB;
	if (is_name(f, family, "/CalGray"))
		return PF_GRAY;
	if (is_name(f, family, "/Pattern"))
		return 0;
	return PF_OTHER;
}

static unsigned on_colorspace(void *ctx, const char *name)
{
	pf *f = ctx;
	qpdf_oh cs = resource(f, "/ColorSpace", name);
	if (qpdf_oh_is_null(f->q, cs))
		return PF_OTHER;
	return classify_cs(f, cs, 0);
}

static void models_text(strbuf *b, unsigned m)
{
	static const char *const names[] = { "DeviceGray", "DeviceRGB", "DeviceCMYK",
					     "spot (Separation/DeviceN)", "other" };
	int first = 1;
	for (int i = 0; i < 5; i++)
		if (m & (1u << i)) {
			sb_printf(b, "%s%s", first ? "" : ", ", names[i]);
			first = 0;
		}
	if (first)
		sb_puts(b, "none");
}

/* ---- transparency ---- */

static void transparent(pf *f, const char *what)
{
	if (f->transparency++ == 0)
		sb_printf(&f->transparency_where, "%s on page %u", what, f->page);
}

static void on_gstate(void *ctx, const char *name)
{
	pf *f = ctx;
	qpdf_oh gs = resource(f, "/ExtGState", name);
	if (!qpdf_oh_is_dictionary(f->q, gs))
		return;
	if (number_of(f, key_of(f, gs, "/CA"), 1) < 1 ||
	    number_of(f, key_of(f, gs, "/ca"), 1) < 1)
		transparent(f, "a constant alpha below 1");
	qpdf_oh mask = key_of(f, gs, "/SMask");
	if (!qpdf_oh_is_null(f->q, mask) && !is_name(f, mask, "/None"))
		transparent(f, "a soft mask in a graphics state");
	qpdf_oh bm = key_of(f, gs, "/BM");
	if (!qpdf_oh_is_null(f->q, bm) && !is_name(f, bm, "/Normal") &&
	    !is_name(f, bm, "/Compatible"))
		transparent(f, "a blend mode");
}

/* ---- fonts ---- */

static int has_prefix_tag(const char *name)
{
	/* a subset: six capitals and a plus, "HPDFAA+CharisSIL" */
	if (strlen(name) < 8 || name[6] != '+')
		return 0;
	for (int i = 0; i < 6; i++)
		if (name[i] < 'A' || name[i] > 'Z')
			return 0;
	return 1;
}

static void record_font(pf *f, qpdf_oh font)
{
	int id = qpdf_oh_get_object_id(f->q, font), gen = qpdf_oh_get_generation(f->q, font);
	char *name = name_copy(f, key_of(f, font, "/BaseFont"));
	if (name == NULL)
		name = xstrdup("(unnamed)");
	for (size_t i = 0; i < f->nfonts; i++)
		if (id ? f->fonts[i].id == id && f->fonts[i].gen == gen
		       : f->fonts[i].id == 0 && strcmp(f->fonts[i].name, name) == 0) {
			free(name);
			return;
		}
	qpdf_oh subtype = key_of(f, font, "/Subtype");
	char *sub = name_copy(f, subtype);
	strbuf type = STRBUF_INIT;
	sb_puts(&type, sub ? sub : "?");
	free(sub);
	qpdf_oh desc_owner = font;
	if (is_name(f, subtype, "/Type0")) {
		qpdf_oh d = key_of(f, font, "/DescendantFonts");
		if (qpdf_oh_is_array(f->q, d) && qpdf_oh_get_array_n_items(f->q, d) > 0) {
			desc_owner = qpdf_oh_get_array_item(f->q, d, 0);
			char *ds = name_copy(f, key_of(f, desc_owner, "/Subtype"));
			if (ds)
				sb_printf(&type, "/%s", ds);
			free(ds);
		}
	}
	qpdf_oh desc = key_of(f, desc_owner, "/FontDescriptor");
	int embedded = is_name(f, subtype, "/Type3") ||
		       has_key(f, desc, "/FontFile") ||
		       has_key(f, desc, "/FontFile2") ||
		       has_key(f, desc, "/FontFile3");
	f->fonts = vec_reserve(f->fonts, &f->capfonts, f->nfonts + 1, sizeof(pf_font));
	f->fonts[f->nfonts++] = (pf_font){ id, gen, name, sb_take(&type),
					  embedded, has_prefix_tag(name) };
}

static void collect_fonts(pf *f, qpdf_oh resources)
{
	qpdf_oh fonts = key_of(f, resources, "/Font");
	size_t n;
	char **keys = dict_keys(f, fonts, &n);
	for (size_t i = 0; i < n; i++) {
		qpdf_oh font = key_of(f, fonts, keys[i]);
		if (qpdf_oh_is_dictionary(f->q, font))
			record_font(f, font);
	}
	free_keys(keys, n);
}

/* ---- images and forms ---- */

static double placed_dpi(unsigned px, double a, double b)
{
	double len = hypot(a, b); /* points the unit square's side spans */
	return len > 0.01 ? px / (len / 72.0) : 1e9;
}

static void record_image(pf *f, int id, int gen, unsigned w, unsigned h,
			 unsigned models, int smask, const pf_matrix *ctm)
{
	double dpi = fmin(placed_dpi(w, ctm->a, ctm->b), placed_dpi(h, ctm->c, ctm->d));
	for (size_t i = 0; i < f->nimages; i++) {
		pf_image *im = &f->images[i];
		if (id && im->id == id && im->gen == gen) {
			im->dpi = fmin(im->dpi, dpi);
			im->uses++;
			return;
		}
	}
	f->images = vec_reserve(f->images, &f->capimages, f->nimages + 1, sizeof(pf_image));
	f->images[f->nimages++] = (pf_image){ id, gen, w, h, models, smask, dpi, f->page, 1 };
	f->image_models |= models;
	if (smask)
		transparent(f, "an image with a soft mask (SMask)");
}

static void on_inline_image(void *ctx, unsigned w, unsigned h, unsigned models,
			    const pf_matrix *ctm)
{
	record_image(ctx, 0, 0, w, h, models, 0, ctm);
}

static void scan_stream(pf *f, const unsigned char *data, size_t len, pf_matrix ctm);

static void draw_form(pf *f, qpdf_oh xo, qpdf_oh dict, const pf_matrix *ctm)
{
	if (f->depth >= MAX_FORM_DEPTH)
		return;
	pf_matrix m = PF_IDENTITY;
	qpdf_oh mat = key_of(f, dict, "/Matrix");
	if (qpdf_oh_is_array(f->q, mat) && qpdf_oh_get_array_n_items(f->q, mat) == 6) {
		double v[6];
		for (int i = 0; i < 6; i++)
			v[i] = number_of(f, qpdf_oh_get_array_item(f->q, mat, i), 0);
		m = (pf_matrix){ v[0], v[1], v[2], v[3], v[4], v[5] };
	}
	qpdf_oh group = key_of(f, dict, "/Group");
	if (is_name(f, key_of(f, group, "/S"), "/Transparency"))
		transparent(f, "a transparency group");
	qpdf_oh saved = f->resources;
	qpdf_oh res = key_of(f, dict, "/Resources");
	if (qpdf_oh_is_dictionary(f->q, res)) {
		f->resources = res;
		collect_fonts(f, res);
	}
	unsigned char *data = NULL;
	size_t len = 0;
	if ((qpdf_oh_get_stream_data(f->q, xo, qpdf_dl_generalized, NULL, &data, &len) &
	     QPDF_ERRORS) == 0) {
		f->depth++;
		scan_stream(f, data, len, pf_concat(&m, ctm));
		f->depth--;
	}
	take_error(f);
	free(data);
	f->resources = saved;
}

static void on_xobject(void *ctx, const char *name, const pf_matrix *ctm)
{
	pf *f = ctx;
	qpdf_oh xo = resource(f, "/XObject", name);
	if (!qpdf_oh_is_stream(f->q, xo))
		return;
	qpdf_oh dict = qpdf_oh_get_dict(f->q, xo);
	qpdf_oh subtype = key_of(f, dict, "/Subtype");
	if (is_name(f, subtype, "/Form")) {
		draw_form(f, xo, dict, ctm);
		return;
	}
	if (!is_name(f, subtype, "/Image"))
		return;
	unsigned w = (unsigned)number_of(f, key_of(f, dict, "/Width"), 0);
	unsigned h = (unsigned)number_of(f, key_of(f, dict, "/Height"), 0);
	qpdf_oh mask = key_of(f, dict, "/ImageMask");
	int stencil = qpdf_oh_is_bool(f->q, mask) && qpdf_oh_get_bool_value(f->q, mask);
	unsigned models = stencil ? 0 : classify_cs(f, key_of(f, dict, "/ColorSpace"), 0);
	if (!stencil && qpdf_oh_is_null(f->q, key_of(f, dict, "/ColorSpace")))
		models = PF_OTHER; /* JPX carries its own */
	int smask = has_key(f, dict, "/SMask") ||
		    number_of(f, key_of(f, dict, "/SMaskInData"), 0) > 0;
	record_image(f, qpdf_oh_get_object_id(f->q, xo), qpdf_oh_get_generation(f->q, xo),
		     w, h, models, smask, ctm);
}

static void scan_stream(pf *f, const unsigned char *data, size_t len, pf_matrix ctm)
{
	pf_content_cb cb = { f, on_colorspace, on_xobject, on_gstate, on_inline_image };
	f->content_models |= pf_scan_content(data, len, ctm, &cb);
}

/* ---- pages ---- */

typedef struct page_geometry {
	pf_rect media, trim, bleed;
	int has_trim, has_bleed;
} page_geometry;

static void check_annotations(pf *f, qpdf_oh page, const pf_rect *trim)
{
	qpdf_oh annots = key_of(f, page, "/Annots");
	if (!qpdf_oh_is_array(f->q, annots))
		return;
	int n = qpdf_oh_get_array_n_items(f->q, annots);
	for (int i = 0; i < n; i++) {
		qpdf_oh a = qpdf_oh_get_array_item(f->q, annots, i);
		qpdf_oh st = key_of(f, a, "/Subtype");
		if (is_name(f, st, "/PrinterMark") || is_name(f, st, "/TrapNet"))
			continue;
		f->annots++;
		pf_rect r;
		if (get_rect(f, a, "/Rect", &r) && r.x0 < trim->x1 && r.x1 > trim->x0 &&
		    r.y0 < trim->y1 && r.y1 > trim->y0)
			f->annots_in_trim++;
	}
}

static void scan_page(pf *f, qpdf_oh page, page_geometry *g)
{
	memset(g, 0, sizeof *g);
	get_rect(f, page, "/MediaBox", &g->media);
	pf_rect crop = g->media;
	get_rect(f, page, "/CropBox", &crop);
	g->has_trim = get_rect(f, page, "/TrimBox", &g->trim);
	g->has_bleed = get_rect(f, page, "/BleedBox", &g->bleed);
	if (!g->has_trim)
		g->trim = crop;
	if (!g->has_bleed)
		g->bleed = crop; /* the default BleedBox */
	qpdf_oh group = key_of(f, page, "/Group");
	if (is_name(f, key_of(f, group, "/S"), "/Transparency"))
		transparent(f, "a page transparency group");
	f->resources = key_of(f, page, "/Resources");
	collect_fonts(f, f->resources);
	unsigned char *data = NULL;
	size_t len = 0;
	if ((qpdf_oh_get_page_content_data(f->q, page, &data, &len) & QPDF_ERRORS) == 0)
		scan_stream(f, data, len, PF_IDENTITY);
	take_error(f);
	free(data);
	check_annotations(f, page, &g->trim);
}

static double bleed_of(const page_geometry *g)
{
	if (!g->has_trim)
		return 0;
	double b = g->trim.x0 - g->bleed.x0;
	b = fmin(b, g->bleed.x1 - g->trim.x1);
	b = fmin(b, g->trim.y0 - g->bleed.y0);
	b = fmin(b, g->bleed.y1 - g->trim.y1);
	/* the bleed cannot reach past the paper */
	double m = fmin(fmin(g->trim.x0 - g->media.x0, g->media.x1 - g->trim.x1),
			fmin(g->trim.y0 - g->media.y0, g->media.y1 - g->trim.y1));
	return fmax(0, fmin(b, m));
}

/* The paper beyond the bleed: a slug with marks, which a
 * print-on-demand service does not want. */
static double slug_of(const page_geometry *g)
{
	pf_rect outer = g->bleed;
	return fmax(fmax(outer.x0 - g->media.x0, g->media.x1 - outer.x1),
		    fmax(outer.y0 - g->media.y0, g->media.y1 - outer.y1));
}

static void describe_geometry(strbuf *b, const page_geometry *g)
{
	sb_printf(b, "MediaBox %.1f x %.1f mm", mm(g->media.x1 - g->media.x0),
		  mm(g->media.y1 - g->media.y0));
	if (g->has_trim)
		sb_printf(b, ", TrimBox %.1f x %.1f mm", mm(g->trim.x1 - g->trim.x0),
			  mm(g->trim.y1 - g->trim.y0));
	else
		sb_puts(b, ", no TrimBox");
	if (g->has_bleed)
		sb_printf(b, ", BleedBox %.1f x %.1f mm", mm(g->bleed.x1 - g->bleed.x0),
			  mm(g->bleed.y1 - g->bleed.y0));
	else
		sb_puts(b, ", no BleedBox");
	sb_printf(b, "; bleed %.1f mm", mm(bleed_of(g)));
	double slug = slug_of(g);
	if (slug > 0.5)
		sb_printf(b, ", %.1f mm beyond the bleed (marks)", mm(slug));
}

static void page_range(strbuf *b, unsigned first, unsigned last)
{
	if (first == last)
		sb_printf(b, "  page %u: ", first);
	else
		sb_printf(b, "  pages %u-%u: ", first, last);
}

/* Pages and their boxes, grouped where they are alike; the judgement of
 * bleed and marks per preset. */
static void scan_pages(pf *f, strbuf *out, unsigned npages)
{
	strbuf prev = STRBUF_INIT, cur = STRBUF_INIT;
	unsigned first = 1, no_trim = 0, thin = 0, slug = 0, sizes = 0;
	double min_bleed = 1e9;
	page_geometry g0;
	memset(&g0, 0, sizeof g0);
	for (unsigned i = 0; i < npages; i++) {
		f->page = i + 1;
		qpdf_oh page = qpdf_get_page_n(f->q, i);
		page_geometry g;
		scan_page(f, page, &g);
		if (i == 0)
			g0 = g;
		else if (fabs((g.trim.x1 - g.trim.x0) - (g0.trim.x1 - g0.trim.x0)) > 0.5 ||
			 fabs((g.trim.y1 - g.trim.y0) - (g0.trim.y1 - g0.trim.y0)) > 0.5)
			sizes++;
		no_trim += !g.has_trim;
		double b = mm(bleed_of(&g));
		min_bleed = fmin(min_bleed, b);
		thin += b < MIN_BLEED_MM - 0.05;
		slug += slug_of(&g) > 0.5;
		sb_clear(&cur);
		describe_geometry(&cur, &g);
		if (i > 0 && strcmp(sb_str(&cur), sb_str(&prev)) != 0) {
			page_range(out, first, i);
			sb_printf(out, "%s\n", sb_str(&prev));
			first = i + 1;
		}
		sb_clear(&prev);
		sb_puts(&prev, sb_str(&cur));
		qpdf_oh_release_all(f->q);
	}
	if (npages) {
		page_range(out, first, npages);
		sb_printf(out, "%s\n", sb_str(&prev));
	}
	sb_free(&prev);
	sb_free(&cur);
	int press = f->preset == PRESET_OFFSET || f->preset == PRESET_POD;
	if (sizes)
		problem(f, press, "%u pages differ in trim size from page 1", sizes);
	if (press && no_trim)
		problem(f, 1, "%u pages have no TrimBox (PDF/X needs one on every page)", no_trim);
	if (press && thin)
		problem(f, 1, "missing bleed: %.1f mm on %u pages, the printer needs %.0f mm "
			      "(build with --bleed 3mm)", min_bleed < 1e9 ? min_bleed : 0, thin,
			MIN_BLEED_MM);
	if (f->preset == PRESET_POD && slug)
		problem(f, 1, "%u pages have marks or paper beyond the bleed; print-on-demand "
			      "wants the trimmed page and its bleed only (build without --marks)",
			slug);
}

/* ---- the document ---- */

static void report_standard(pf *f, strbuf *out)
{
	char version[16];
	snprintf(version, sizeof version, "%s", qpdf_get_pdf_version(f->q));
	sb_printf(out, "PDF version %s%s\n", version,
		  qpdf_is_encrypted(f->q) ? ", encrypted" : "");
	const char *x = qpdf_get_info_key(f->q, "/GTS_PDFXVersion");
	char *pdfx = x ? xstrdup(x) : NULL;
	const char *c = qpdf_get_info_key(f->q, "/GTS_PDFXConformance");
	char *conf = c ? xstrdup(c) : NULL;
	qpdf_oh root = qpdf_get_root(f->q);
	qpdf_oh intents = key_of(f, root, "/OutputIntents");
	int n = qpdf_oh_is_array(f->q, intents) ? qpdf_oh_get_array_n_items(f->q, intents) : 0;
	int pdfx_intent = 0;
	sb_printf(out, "PDF/X: %s%s%s\n", pdfx ? pdfx : "no", conf ? " / " : "", conf ? conf : "");
	for (int i = 0; i < n; i++) {
		qpdf_oh oi = qpdf_oh_get_array_item(f->q, intents, i);
		qpdf_oh s = key_of(f, oi, "/S");
		qpdf_oh id = key_of(f, oi, "/OutputConditionIdentifier");
		char *sn = name_copy(f, s);
		pdfx_intent |= sn && strcmp(sn, "GTS_PDFX") == 0;
		char *ids = xstrdup(qpdf_oh_is_string(f->q, id) ? qpdf_oh_get_utf8_value(f->q, id) : "?");
		sb_printf(out, "output intent: %s, %s%s\n", sn ? sn : "?", ids,
			  has_key(f, oi, "/DestOutputProfile") ? ", with ICC profile" : "");
		free(ids);
		free(sn);
	}
	qpdf_oh meta = key_of(f, root, "/Metadata");
	if (qpdf_oh_is_stream(f->q, meta)) {
		unsigned char *data = NULL;
		size_t len = 0;
		if ((qpdf_oh_get_stream_data(f->q, meta, qpdf_dl_generalized, NULL, &data, &len) &
		     QPDF_ERRORS) == 0) {
			strbuf m = STRBUF_INIT;
			sb_putn(&m, (const char *)data, len);
			const char *part = strstr(sb_str(&m), "<pdfaid:part>");
			const char *conf_a = strstr(sb_str(&m), "<pdfaid:conformance>");
			if (part && conf_a)
				sb_printf(out, "PDF/A: %c%c (XMP metadata)\n", part[13],
					  conf_a[20] + ('a' - 'A') * (conf_a[20] >= 'A' && conf_a[20] <= 'Z'));
			else
				sb_puts(out, "XMP metadata: yes, no PDF/A identification\n");
			sb_free(&m);
		}
		take_error(f);
		free(data);
	}
	int press = f->preset == PRESET_OFFSET || f->preset == PRESET_POD;
	if (press && !(pdfx && pdfx_intent))
		problem(f, f->preset == PRESET_OFFSET,
			"not identified as PDF/X (GTS_PDFXVersion and a GTS_PDFX output intent); "
			"build with --pdfx 1a");
	if (qpdf_is_encrypted(f->q) && f->preset != PRESET_NONE)
		problem(f, 1, "the file is encrypted");
	free(pdfx);
	free(conf);
}

static void report_fonts(pf *f, strbuf *out)
{
	sb_printf(out, "fonts: %zu\n", f->nfonts);
	unsigned missing = 0;
	for (size_t i = 0; i < f->nfonts; i++) {
		const pf_font *ft = &f->fonts[i];
		sb_printf(out, "  %-40s %-22s %s, %s\n", ft->name, ft->type,
			  ft->embedded ? "embedded" : "NOT embedded",
			  ft->subset ? "subset" : "whole");
		missing += !ft->embedded;
	}
	if (missing)
		problem(f, f->preset != PRESET_NONE, "%u fonts are not embedded", missing);
}

static void report_colour(pf *f, strbuf *out)
{
	sb_puts(out, "colour in content: ");
	models_text(out, f->content_models);
	sb_puts(out, "\ncolour of images: ");
	models_text(out, f->image_models);
	sb_putc(out, '\n');
	unsigned all = f->content_models | f->image_models;
	if ((f->preset == PRESET_OFFSET || f->preset == PRESET_POD) && (all & PF_RGB))
		problem(f, 1, "RGB colour (%s%s%s); PDF/X-1a takes CMYK and grey only "
			      "(build with --color cmyk)",
			f->content_models & PF_RGB ? "in content" : "",
			(f->content_models & f->image_models & PF_RGB) ? " and " : "",
			f->image_models & PF_RGB ? "in images" : "");
	if ((f->preset == PRESET_OFFSET || f->preset == PRESET_POD) && (all & PF_OTHER))
		problem(f, 0, "colour spaces other than device grey, CMYK or spot colours");
	if (f->preset == PRESET_COPYSHOP && (all & ~(unsigned)PF_GRAY))
		problem(f, 0, "colour on a greyscale copier: it prints as grey (build with --color gray)");
}

static void report_images(pf *f, strbuf *out)
{
	sb_printf(out, "images: %zu\n", f->nimages);
	unsigned low = 0;
	double lowest = 1e9;
	for (size_t i = 0; i < f->nimages; i++) {
		const pf_image *im = &f->images[i];
		strbuf m = STRBUF_INIT;
		models_text(&m, im->models);
		sb_printf(out, "  page %u: %u x %u px, %s%s, %.0f dpi at placed size%s%s\n",
			  im->page, im->width, im->height, im->models ? sb_str(&m) : "stencil mask",
			  im->smask ? ", soft mask" : "", im->dpi,
			  im->uses > 1 ? " (placed several times; the lowest)" : "",
			  im->dpi < MIN_DPI ? "  LOW" : "");
		sb_free(&m);
		if (im->dpi < MIN_DPI) {
			low++;
			lowest = fmin(lowest, im->dpi);
		}
	}
	if (low)
		problem(f, f->preset == PRESET_OFFSET || f->preset == PRESET_POD,
			"%u images below %.0f dpi at their placed size (lowest %.0f dpi)",
			low, MIN_DPI, lowest);
}

static void report_rest(pf *f, strbuf *out, unsigned npages)
{
	sb_printf(out, "annotations: %u (%u inside the trim)\n", f->annots, f->annots_in_trim);
	if ((f->preset == PRESET_OFFSET || f->preset == PRESET_POD) && f->annots_in_trim)
		problem(f, 1, "%u annotations inside the trim (PDF/X forbids them)",
			f->annots_in_trim);
	if (f->transparency)
		sb_printf(out, "transparency: %u uses, first %s\n", f->transparency,
			  sb_str(&f->transparency_where));
	else
		sb_puts(out, "transparency: none\n");
	if ((f->preset == PRESET_OFFSET || f->preset == PRESET_POD) && f->transparency)
		problem(f, 1, "transparency (%s); PDF/X-1a forbids it", sb_str(&f->transparency_where));
	if (f->preset == PRESET_COPYSHOP && npages % 4 != 0)
		problem(f, 1, "%u pages is not a multiple of 4: a folded booklet needs %u "
			      "(build with --print-preset copyshop, which pads it)",
			npages, (npages + 3) / 4 * 4);
}

static int usage(void)
{
	fputs("usage: folio preflight FILE.pdf [--preset copyshop|offset|pod]\n", stderr);
	return 2;
}

static int parse(int argc, char **argv, const char **file, int *preset)
{
	*file = NULL;
	*preset = PRESET_NONE;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--preset") == 0) {
			if (i + 1 >= argc)
				return usage();
			const char *v = argv[++i];
			*preset = -1;
			for (int p = 1; p < 4; p++)
				if (strcmp(v, preset_names[p]) == 0)
					*preset = p;
			if (*preset < 0) {
				fprintf(stderr, "folio: unknown preset '%s' (copyshop, offset, pod)\n", v);
				return 2;
			}
		} else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			fputs("usage: folio preflight FILE.pdf [--preset copyshop|offset|pod]\n", stdout);
			exit(0);
		} else if (argv[i][0] == '-' && argv[i][1]) {
			fprintf(stderr, "folio: unknown option '%s'\n", argv[i]);
			return usage();
		} else if (*file) {
			return usage();
		} else {
			*file = argv[i];
		}
	}
	return *file ? 0 : usage();
}

static void free_pf(pf *f)
{
	for (size_t i = 0; i < f->nfonts; i++) {
		free(f->fonts[i].name);
		free(f->fonts[i].type);
	}
	free(f->fonts);
	free(f->images);
	sb_free(&f->transparency_where);
	sb_free(&f->problems);
	if (f->q && qpdf_has_error(f->q))
		qpdf_get_error(f->q); /* so that qpdf_cleanup prints nothing */
	qpdf_cleanup(&f->q);
}

int preflight_main(int argc, char **argv)
{
	const char *file;
	int preset;
	int rc = parse(argc, argv, &file, &preset);
	if (rc)
		return rc;
	pf f;
	memset(&f, 0, sizeof f);
	f.preset = preset;
	/* qpdf opens the file itself: a FIFO would be waited on forever */
	int not_regular = file_check_regular(file);
	if (not_regular) {
		fprintf(stderr, "folio: %s: cannot read: %s\n", file, file_strerror(not_regular));
		return 2;
	}
	f.q = qpdf_init();
	qpdf_silence_errors(f.q);
	qpdf_set_suppress_warnings(f.q, QPDF_TRUE);
	if (qpdf_read(f.q, file, NULL) & QPDF_ERRORS) {
		qpdf_error e = qpdf_get_error(f.q);
		fprintf(stderr, "folio: %s: cannot read: %s\n", file,
			e ? qpdf_get_error_full_text(f.q, e) : "not a PDF");
		free_pf(&f);
		return 2;
	}
	qpdf_push_inherited_attributes_to_page(f.q);
	int npages = qpdf_get_num_pages(f.q);
	if (npages < 0) {
		fprintf(stderr, "folio: %s: cannot read its pages\n", file);
		free_pf(&f);
		return 2;
	}
	strbuf out = STRBUF_INIT, pages = STRBUF_INIT;
	sb_printf(&out, "preflight of %s (preset: %s)\n", file, preset_names[preset]);
	report_standard(&f, &out);
	scan_pages(&f, &pages, (unsigned)npages);
	sb_printf(&out, "pages: %d (%sa multiple of 4)\n%s", npages,
		  npages % 4 ? "not " : "", sb_str(&pages));
	report_fonts(&f, &out);
	report_colour(&f, &out);
	report_images(&f, &out);
	report_rest(&f, &out, (unsigned)npages);
	while (qpdf_more_warnings(f.q)) {
		qpdf_error w = qpdf_next_warning(f.q);
		problem(&f, 0, "qpdf: %s", qpdf_get_error_full_text(f.q, w));
	}
	if (f.problems.len)
		sb_printf(&out, "problems:\n%s", sb_str(&f.problems));
	if (preset == PRESET_NONE)
		sb_printf(&out, "result: %u warnings (name a --preset to judge the file)\n",
			  f.warnings);
	else if (f.errors)
		sb_printf(&out, "result: REJECTED for %s: %u errors, %u warnings\n",
			  preset_names[preset], f.errors, f.warnings);
	else
		sb_printf(&out, "result: accepted for %s (%u warnings)\n", preset_names[preset],
			  f.warnings);
	fputs(sb_str(&out), stdout);
	rc = preset != PRESET_NONE && f.errors ? 1 : 0;
	sb_free(&out);
	sb_free(&pages);
	free_pf(&f);
	return rc;
}
