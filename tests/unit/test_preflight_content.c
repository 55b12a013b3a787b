/* libs: folio_preflight folio_util */
/*
 * test_preflight_content: the content-stream reader of preflight.  The
 * colour operators found (and those inside strings, comments and inline
 * image data not taken for operators), the transformation an image is
 * placed with through q/cm/Q, named colour spaces and graphics states
 * handed to the callbacks, inline images, and malformed input.
 */
#include "harness.h"
#include "preflight/content.h"

#include <math.h>
#include <string.h>

typedef struct seen {
	char xobject[32];
	pf_matrix ctm;
	int xobjects, gstates, images;
	unsigned image_w, image_h, image_models;
	char colorspace[32];
} seen;

static unsigned on_cs(void *ctx, const char *name)
{
	seen *s = ctx;
	snprintf(s->colorspace, sizeof s->colorspace, "%s", name);
	return strcmp(name, "CS0") == 0 ? PF_SPOT : PF_OTHER;
}

static void on_xobject(void *ctx, const char *name, const pf_matrix *ctm)
{
	seen *s = ctx;
	snprintf(s->xobject, sizeof s->xobject, "%s", name);
	s->ctm = *ctm;
	s->xobjects++;
}

static void on_gs(void *ctx, const char *name)
{
	(void)name;
	((seen *)ctx)->gstates++;
}

static void on_inline(void *ctx, unsigned w, unsigned h, unsigned models,
		      const pf_matrix *ctm)
{
	seen *s = ctx;
	s->images++;
	s->image_w = w;
	s->image_h = h;
	s->image_models = models;
	s->ctm = *ctm;
}

static unsigned scan(const char *text, seen *s)
{
	memset(s, 0, sizeof *s);
	pf_content_cb cb = { s, on_cs, on_xobject, on_gs, on_inline };
	return pf_scan_content((const unsigned char *)text, strlen(text), PF_IDENTITY, &cb);
}

static int near(double a, double b)
{
	return fabs(a - b) < 1e-6;
}

int main(void)
{
	seen s;
	/* folio's grey and CMYK pages */
	INT_EQ(scan("0 g\n0 G\nBT /F1 10 Tf 10 20 Td [<0041> -20 <0042>] TJ ET\n", &s), PF_GRAY);
	INT_EQ(scan("0 0 0 1 k 0 0 0 1 K BT [<0041>] TJ ET", &s), PF_CMYK);
	/* text with no colour set paints in the initial DeviceGray */
	INT_EQ(scan("BT /F1 10 Tf (Hallo) Tj ET", &s), PF_GRAY);
	INT_EQ(scan("1 0 0 rg 0 0 10 10 re f", &s), PF_RGB);
	INT_EQ(scan("0.5 G 1 0 0 RG", &s), PF_GRAY | PF_RGB);
	/* operators inside strings, hex strings and comments are text */
	INT_EQ(scan("0 0 0 1 k BT (1 0 0 rg \\) 0 g) Tj <72670a> Tj ET % 1 0 0 rg\n", &s), PF_CMYK);
	/* named spaces: device names directly, the rest through the callback */
	INT_EQ(scan("/DeviceCMYK cs 0 0 0 1 sc", &s), PF_CMYK);
	INT_EQ(scan("/CS0 CS 1 SCN 0 0 m 5 5 l S", &s), PF_SPOT);
	STR_EQ(s.colorspace, "CS0");
	/* an image placed at 100 x 50 pt, after a translation, inside q/Q */
	INT_EQ(scan("q 1 0 0 1 30 40 cm q 100 0 0 50 0 0 cm /Im1 Do Q Q /GS1 gs", &s), 0);
	INT_EQ(s.xobjects, 1);
	STR_EQ(s.xobject, "Im1");
	OK(near(s.ctm.a, 100) && near(s.ctm.d, 50) && near(s.ctm.e, 30) && near(s.ctm.f, 40));
	INT_EQ(s.gstates, 1);
	/* Q restores: a later image is placed in the outer space */
	scan("q 2 0 0 2 0 0 cm Q 10 0 0 10 5 5 cm /Im2 Do", &s);
	OK(near(s.ctm.a, 10) && near(s.ctm.e, 5));
	/* an inline image, its data skipped (it contains "rg" and "EI"-like bytes) */
	INT_EQ(scan("q 72 0 0 72 0 0 cm BI /W 4 /H 2 /CS /RGB /BPC 8 /F [/AHx] ID 1 0 0 rg EIx\nEI Q 0 g",
		    &s), PF_RGB | PF_GRAY);
	INT_EQ(s.images, 1);
	INT_EQ(s.image_w, 4);
	INT_EQ(s.image_h, 2);
	INT_EQ(s.image_models, PF_RGB);
	OK(near(s.ctm.a, 72));
	/* a stencil mask paints in the fill colour: no models of its own */
	scan("BI /IM true /W 8 /H 8 ID \x01\x02\x03 EI", &s);
	INT_EQ(s.image_models, 0);
	/* an Indexed inline space is not taken for device grey */
	scan("BI /W 1 /H 1 /CS [/I /RGB 1 <000000ffffff>] ID \x00 EI", &s);
	INT_EQ(s.image_models, PF_OTHER);
	/* unbalanced input ends quietly */
	INT_EQ(scan("Q Q Q (never closed 1 0 0 rg", &s), 0);
	INT_EQ(scan("q q q 0 g BI /W 3 ID", &s), PF_GRAY);
	INT_EQ(scan("<< /A [1 2 <01> (x)] >> BDC 0 0 0 1 k EMC", &s), PF_CMYK);
	/* concatenation order: m then ctm */
	pf_matrix scale = { 2, 0, 0, 2, 0, 0 }, move = { 1, 0, 0, 1, 10, 20 };
	pf_matrix r = pf_concat(&scale, &move);
	OK(near(r.a, 2) && near(r.e, 10) && near(r.f, 20));
	r = pf_concat(&move, &scale);
	OK(near(r.e, 20) && near(r.f, 40));
	DONE();
}
