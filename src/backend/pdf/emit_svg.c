/*
 * emit_svg: SVG figures as Form XObjects (see emit_svg.h).  The copy is
 * generic (every object the cairo page's resources reach, each PDF type
 * to its libharu object), so fonts, shadings, soft masks and images all
 * come over; objects that cairo made indirect stay indirect (shared
 * once, and a cycle cannot recurse).  Streams are decoded by qpdf and
 * deflated again here; a stream qpdf cannot decode (a filter cairo never
 * writes) refuses the figure rather than copying bytes blind.
 */
#include "backend/pdf/emit_svg.h"
#include "backend/pdf/qpdf_lib.h"
#include "backend/pdf/pixels.h"
#include "backend/pdf/printcheck.h"
#include "media/media.h"
#include "util/xalloc.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COPY_MAX_DEPTH 64     /* nesting of one object's parts */
#define COPY_MAX_OBJECTS 100000u
#define REAL_MAX 32767.0      /* libharu's limit of a real */

typedef struct form_rec {
	char *path;
	HPDF_Dict form; /* NULL: failed, reported once */
} form_rec;

typedef struct copied {
	int id, gen;
	void *obj;
} copied;

struct pdf_svgs {
	HPDF_Doc pdf;
	pdf_squeeze *squeeze;
	folio_diag *diag;
	form_rec *forms;
	size_t nforms, cap;
};

/* One SVG's copy: the qpdf document read and what has been made. */
typedef struct copy_job {
	pdf_svgs *s;
	const qpdf_lib *qpdf; /* libqpdf's functions, as Q below */
	qpdf_data q;
	copied *done;
	size_t ndone, cap;
	char why[200];
} copy_job;

pdf_svgs *pdf_svgs_new(HPDF_Doc pdf, pdf_squeeze *squeeze, folio_diag *diag)
{
	pdf_svgs *s = xcalloc(1, sizeof *s);
	s->pdf = pdf;
	s->squeeze = squeeze;
	s->diag = diag;
	return s;
}

void pdf_svgs_free(pdf_svgs *s)
{
	if (s == NULL)
		return;
	for (size_t i = 0; i < s->nforms; i++)
		free(s->forms[i].path);
	free(s->forms);
	free(s);
}

#define Q (j->qpdf)

static void *copy_obj(copy_job *j, qpdf_oh oh, int depth);

static void *find_copied(const copy_job *j, int id, int gen)
{
	for (size_t i = 0; i < j->ndone; i++)
		if (j->done[i].id == id && j->done[i].gen == gen)
			return j->done[i].obj;
	return NULL;
}

/* Records what an indirect object of cairo's became. */
static int remember(copy_job *j, int id, int gen, void *obj)
{
	if (j->ndone >= COPY_MAX_OBJECTS) {
		snprintf(j->why, sizeof j->why, "cairo's PDF of it has over %u objects",
			 COPY_MAX_OBJECTS);
		return -1;
	}
	if (j->ndone == j->cap) {
		j->cap = j->cap ? j->cap * 2 : 64;
		j->done = xrealloc(j->done, j->cap * sizeof *j->done);
	}
	j->done[j->ndone++] = (copied){ id, gen, obj };
	return 0;
}

static void *copy_real(copy_job *j, double v)
{
	HPDF_MMgr m = j->s->pdf->mmgr;
	if (fabs(v) <= REAL_MAX)
		return HPDF_Real_New(m, (HPDF_REAL)v);
	/* beyond libharu's reals: an integer says it, as near as it can */
	double c = v > 2e9 ? 2e9 : v < -2e9 ? -2e9 : v;
	return HPDF_Number_New(m, (HPDF_INT32)lround(c));
}

/* The keys of a dictionary, copied out: qpdf iterates one at a time. */
static char **dict_keys(copy_job *j, qpdf_oh dict, size_t *n)
{
	qpdf_data q = j->q;
	size_t cap = 8;
	char **keys = xmalloc(cap * sizeof *keys);
	*n = 0;
	Q->qpdf_oh_begin_dict_key_iter(q, dict);
	while (Q->qpdf_oh_dict_more_keys(q)) {
		if (*n == cap)
			keys = xrealloc(keys, (cap *= 2) * sizeof *keys);
		keys[(*n)++] = xstrdup(Q->qpdf_oh_dict_next_key(q));
	}
	return keys;
}

static void free_keys(char **keys, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(keys[i]);
	free(keys);
}

/* A stream's own keys: those its data decides are written anew. */
static int stream_key(const char *k)
{
	return strcmp(k, "/Length") == 0 || strcmp(k, "/Filter") == 0 ||
	       strcmp(k, "/DecodeParms") == 0 || strcmp(k, "/DL") == 0;
}

static int copy_entries(copy_job *j, qpdf_oh from, HPDF_Dict to, int stream,
			int depth)
{
	size_t n;
	char **keys = dict_keys(j, from, &n);
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		if (stream && stream_key(keys[i]))
			continue;
		qpdf_oh v = Q->qpdf_oh_get_key(j->q, from, keys[i]);
		void *o = copy_obj(j, v, depth + 1);
		if (o == NULL || HPDF_Dict_Add(to, keys[i] + 1, o) != HPDF_OK)
			rc = -1;
	}
	free_keys(keys, n);
	return rc;
}

/* A stream is an object of its own (HPDF_DictStream_New puts it in the
 * xref), remembered before its parts are copied. */
static void *copy_stream(copy_job *j, qpdf_oh oh, int id, int gen, int depth)
{
	HPDF_Dict st = HPDF_DictStream_New(j->s->pdf->mmgr, j->s->pdf->xref);
	if (st == NULL || remember(j, id, gen, st) != 0)
		return NULL;
	QPDF_BOOL filtered = QPDF_FALSE;
	unsigned char *data = NULL;
	size_t len = 0;
	if (Q->qpdf_oh_get_stream_data(j->q, oh, qpdf_dl_all, &filtered, &data, &len) !=
		    QPDF_SUCCESS || !filtered) {
		free(data);
		snprintf(j->why, sizeof j->why,
			 "cairo's PDF of it has a stream folio cannot decode");
		return NULL;
	}
	size_t zn = 0;
	const unsigned char *z = squeeze(j->s->squeeze, data, len, &zn);
	int ok = z && HPDF_Stream_Write(st->stream, z, (HPDF_UINT)zn) == HPDF_OK;
	free(data);
	if (!ok)
		return NULL;
	squeeze_mark(st);
	qpdf_oh dict = Q->qpdf_oh_get_dict(j->q, oh);
	if (copy_entries(j, dict, st, 1, depth) != 0)
		return NULL;
	return st;
}

static void *copy_container(copy_job *j, qpdf_oh oh, int type, int depth)
{
	HPDF_MMgr m = j->s->pdf->mmgr;
	if (type == ot_dictionary) {
		HPDF_Dict d = HPDF_Dict_New(m);
		return d && copy_entries(j, oh, d, 0, depth) == 0 ? d : NULL;
	}
	HPDF_Array a = HPDF_Array_New(m);
	int n = a ? Q->qpdf_oh_get_array_n_items(j->q, oh) : 0;
	for (int i = 0; a && i < n; i++) {
		void *o = copy_obj(j, Q->qpdf_oh_get_array_item(j->q, oh, i), depth + 1);
		if (o == NULL || HPDF_Array_Add(a, o) != HPDF_OK)
			return NULL;
	}
	return a;
}

static void *copy_obj(copy_job *j, qpdf_oh oh, int depth)
{
	if (depth > COPY_MAX_DEPTH) {
		snprintf(j->why, sizeof j->why, "cairo's PDF of it nests over %d deep",
			 COPY_MAX_DEPTH);
		return NULL;
	}
	HPDF_MMgr m = j->s->pdf->mmgr;
	int type = (int)Q->qpdf_oh_get_type_code(j->q, oh);
	int indirect = Q->qpdf_oh_is_indirect(j->q, oh);
	int id = Q->qpdf_oh_get_object_id(j->q, oh), gen = Q->qpdf_oh_get_generation(j->q, oh);
	if (indirect) {
		void *was = find_copied(j, id, gen);
		if (was)
			return was;
	}
	switch (type) {
	case ot_null:
		return HPDF_Null_New(m);
	case ot_boolean:
		return HPDF_Boolean_New(m, Q->qpdf_oh_get_bool_value(j->q, oh) ? HPDF_TRUE : HPDF_FALSE);
	case ot_integer: {
		long long v = Q->qpdf_oh_get_int_value(j->q, oh);
		if (v > INT32_MAX || v < INT32_MIN)
			return copy_real(j, (double)v);
		return HPDF_Number_New(m, (HPDF_INT32)v);
	}
	case ot_real:
		return copy_real(j, Q->qpdf_oh_get_numeric_value(j->q, oh));
	case ot_name: {
		const char *name = Q->qpdf_oh_get_name(j->q, oh);
		return HPDF_Name_New(m, name[0] == '/' ? name + 1 : name);
	}
	case ot_string: {
		size_t n = 0;
		const char *v = Q->qpdf_oh_get_binary_string_value(j->q, oh, &n);
		return HPDF_Binary_New(m, (HPDF_BYTE *)v, (HPDF_UINT)n);
	}
	case ot_stream:
		return copy_stream(j, oh, id, gen, depth);
	case ot_dictionary:
	case ot_array: {
		/* made whole, then shared; a cycle (which cairo never writes)
		 * meets the depth limit */
		void *o = copy_container(j, oh, type, depth);
		if (o && indirect && (remember(j, id, gen, o) != 0 ||
				      HPDF_Xref_Add(j->s->pdf->xref, o) != HPDF_OK))
			return NULL;
		return o;
	}
	default:
		snprintf(j->why, sizeof j->why,
			 "cairo's PDF of it has an object of type %s",
			 Q->qpdf_oh_get_type_name(j->q, oh));
		return NULL;
	}
}

static int number_of(copy_job *j, qpdf_oh arr, int i, double *v)
{
	qpdf_oh o = Q->qpdf_oh_get_array_item(j->q, arr, i);
	if (!Q->qpdf_oh_is_number(j->q, o))
		return -1;
	*v = Q->qpdf_oh_get_numeric_value(j->q, o);
	return 0;
}

/* /Matrix: the page's box (x0 y0 x1 y1) onto the unit square. */
static HPDF_Array unit_matrix(copy_job *j, const double box[4])
{
	HPDF_MMgr m = j->s->pdf->mmgr;
	double w = box[2] - box[0], h = box[3] - box[1];
	double v[6] = { 1 / w, 0, 0, 1 / h, -box[0] / w, -box[1] / h };
	HPDF_Array a = HPDF_Array_New(m);
	for (int i = 0; a && i < 6; i++)
		if (HPDF_Array_Add(a, HPDF_Real_New(m, (HPDF_REAL)v[i])) != HPDF_OK)
			return NULL;
	return a;
}

static HPDF_Array box_of(copy_job *j, const double box[4])
{
	HPDF_MMgr m = j->s->pdf->mmgr;
	HPDF_Array a = HPDF_Array_New(m);
	for (int i = 0; a && i < 4; i++)
		if (HPDF_Array_Add(a, HPDF_Real_New(m, (HPDF_REAL)box[i])) != HPDF_OK)
			return NULL;
	return a;
}

/* The form from cairo's page: content, resources, transparency group. */
static HPDF_Dict page_to_form(copy_job *j)
{
	qpdf_oh page = Q->qpdf_get_page_n(j->q, 0);
	qpdf_oh mbox = Q->qpdf_oh_get_key(j->q, page, "/MediaBox");
	double box[4];
	if (Q->qpdf_oh_get_array_n_items(j->q, mbox) != 4 || number_of(j, mbox, 0, &box[0]) ||
	    number_of(j, mbox, 1, &box[1]) || number_of(j, mbox, 2, &box[2]) ||
	    number_of(j, mbox, 3, &box[3]) || !(box[2] - box[0] > 0) ||
	    !(box[3] - box[1] > 0)) {
		snprintf(j->why, sizeof j->why, "cairo's PDF of it has no page size");
		return NULL;
	}
	unsigned char *content = NULL;
	size_t len = 0;
	if (Q->qpdf_oh_get_page_content_data(j->q, page, &content, &len) != QPDF_SUCCESS) {
		free(content);
		snprintf(j->why, sizeof j->why, "qpdf cannot read the page cairo drew");
		return NULL;
	}
	HPDF_Dict form = HPDF_DictStream_New(j->s->pdf->mmgr, j->s->pdf->xref);
	size_t zn = 0;
	const unsigned char *z = form ? squeeze(j->s->squeeze, content, len, &zn) : NULL;
	int ok = z && HPDF_Stream_Write(form->stream, z, (HPDF_UINT)zn) == HPDF_OK;
	free(content);
	if (!ok)
		return NULL;
	squeeze_mark(form);
	/* libharu's ExecuteXObject takes only what it knows as an XObject */
	form->header.obj_class |= HPDF_OSUBCLASS_XOBJECT;
	HPDF_Dict_AddName(form, "Type", "XObject");
	HPDF_Dict_AddName(form, "Subtype", "Form");
	HPDF_Dict_Add(form, "BBox", box_of(j, box));
	HPDF_Dict_Add(form, "Matrix", unit_matrix(j, box));
	const char *keys[] = { "/Resources", "/Group" };
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		if (!Q->qpdf_oh_has_key(j->q, page, keys[i]))
			continue;
		void *o = copy_obj(j, Q->qpdf_oh_get_key(j->q, page, keys[i]), 0);
		if (o == NULL || HPDF_Dict_Add(form, keys[i] + 1, o) != HPDF_OK)
			return NULL;
	}
	return HPDF_GetError(j->s->pdf) != HPDF_OK ? NULL : form;
}

static HPDF_Dict make_form(pdf_svgs *s, const char *path, const char *name,
			   folio_loc loc)
{
	media_svg svg;
	if (media_svg_read(path, name, loc, s->diag, MEDIA_REPORT_ERRORS, &svg) != 0)
		return NULL;
	copy_job job = { .s = s }, *j = &job;
	unsigned char *pdf = NULL;
	size_t len = 0;
	HPDF_Dict form = NULL;
	job.qpdf = qpdf_lib_get(job.why, sizeof job.why);
	if (job.qpdf && media_svg_pdf(&svg, &pdf, &len, job.why, sizeof job.why) == 0) {
		job.q = Q->qpdf_init();
		Q->qpdf_silence_errors(job.q);
		Q->qpdf_set_suppress_warnings(job.q, QPDF_TRUE);
		if (Q->qpdf_read_memory(job.q, name, (const char *)pdf, len, NULL) & QPDF_ERRORS)
			snprintf(job.why, sizeof job.why, "qpdf cannot read the PDF cairo made of it");
		else if (Q->qpdf_get_num_pages(job.q) != 1)
			snprintf(job.why, sizeof job.why, "cairo's PDF of it is not one page");
		else
			form = page_to_form(j);
		Q->qpdf_cleanup(&job.q);
	}
	free(pdf);
	free(job.done);
	media_svg_free(&svg);
	if (form == NULL)
		folio_report(s->diag, FOLIO_ERROR, loc, "cannot draw the SVG \"%s\": %s",
			     name, job.why[0] ? job.why : "libharu failed to copy it");
	return form;
}

HPDF_Dict pdf_svg_form(pdf_svgs *s, const char *path, const char *name,
		       folio_loc loc)
{
	for (size_t i = 0; i < s->nforms; i++)
		if (strcmp(s->forms[i].path, path) == 0)
			return s->forms[i].form;
	HPDF_Dict form = make_form(s, path, name, loc);
	if (s->nforms == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 8;
		s->forms = xrealloc(s->forms, s->cap * sizeof *s->forms);
	}
	s->forms[s->nforms++] = (form_rec){ xstrdup(path), form };
	return form;
}

int pdf_svg_is(pdf_svgs *s, const char *path)
{
	(void)s;
	FILE *fp = fopen(path, "rb");
	if (fp == NULL)
		return 0;
	char head[1024];
	size_t n = fread(head, 1, sizeof head, fp);
	fclose(fp);
	return n > 0 && (unsigned char)head[0] != 0x89 && (unsigned char)head[0] != 0xFF &&
	       media_is_svg(head, n);
}

int pdf_svg_draw(pdf_svgs *s, HPDF_Page page, const char *path, const char *name,
		 folio_loc loc, double x, double y, double w, double h)
{
	HPDF_Dict form = pdf_svg_form(s, path, name, loc);
	if (form == NULL)
		return -1;
	HPDF_Page_GSave(page);
	HPDF_Page_Concat(page, (HPDF_REAL)w, 0, 0, (HPDF_REAL)h, (HPDF_REAL)x, (HPDF_REAL)y);
	HPDF_Page_ExecuteXObject(page, form);
	HPDF_Page_GRestore(page);
	return HPDF_GetError(s->pdf) != HPDF_OK ? -1 : 0;
}

HPDF_Image pdf_svg_pixels(pdf_svgs *s, const char *path, const char *name,
			  folio_loc loc, double w, double h, int ncomp)
{
	media_svg svg;
	if (media_svg_read(path, name, loc, s->diag, MEDIA_REPORT_ERRORS, &svg) != 0)
		return NULL;
	double dpi = PRINT_MIN_DPI;
	unsigned pw = (unsigned)ceil(w * dpi / 72.0), ph = (unsigned)ceil(h * dpi / 72.0);
	if (pw < 1)
		pw = 1;
	if (ph < 1)
		ph = 1;
	if ((double)pw * ph > PIXELS_MAX || pw > PIXELS_MAX_SIDE || ph > PIXELS_MAX_SIDE) {
		media_svg_free(&svg);
		folio_report(s->diag, FOLIO_ERROR, loc,
			     "cannot draw the SVG \"%s\" as pixels: %ux%u at %g dpi is "
			     "over folio's limit of %u pixels", name, pw, ph, dpi, PIXELS_MAX);
		return NULL;
	}
	char why[200] = "";
	pixels px = { .width = pw, .height = ph, .ncomp = 3, .alpha = 1 };
	int rc = media_svg_pixels(&svg, pw, ph, &px.data, why, sizeof why);
	media_svg_free(&svg);
	if (rc != 0) {
		folio_report(s->diag, FOLIO_ERROR, loc, "cannot draw the SVG \"%s\": %s",
			     name, why);
		return NULL;
	}
	pixels_convert(&px, ncomp);
	HPDF_ColorSpace cs = ncomp == 1 ? HPDF_CS_DEVICE_GRAY
			   : ncomp == 4 ? HPDF_CS_DEVICE_CMYK : HPDF_CS_DEVICE_RGB;
	HPDF_Image img = HPDF_LoadRawImageFromMem(s->pdf, px.data, pw, ph, cs, 8);
	pixels_free(&px);
	if (img == NULL || HPDF_GetError(s->pdf) != HPDF_OK) {
		folio_report(s->diag, FOLIO_ERROR, loc, "cannot embed the SVG \"%s\" as pixels",
			     name);
		return NULL;
	}
	folio_report(s->diag, FOLIO_WARNING, loc,
		     "the SVG \"%s\" is drawn as pixels at %g dpi: this print output "
		     "(%s) takes its colours or transparency only that way",
		     name, dpi, ncomp == 1 ? "grey" : ncomp == 4 ? "CMYK" : "PDF/A-1b");
	return img;
}
