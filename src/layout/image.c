/*
 * image: an imagedata's file and its natural size, from src/media's probe
 * (which `folio check` runs too, so both say the same), and the width the
 * imagedata asks for.  The PDF emitter decodes the image itself; this
 * only decides where it goes.
 */
#include "layout/image.h"
#include "media/media.h"
#include "layout/style.h"
#include "util/strbuf.h"
#include "util/file.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int image_wanted_width(lay_ctx *c, const folio_node *n, fx *want)
{
	const char *attr = "contentwidth";
	const char *v = folio_node_attr(n, attr);
	if (v == NULL) {
		attr = "width";
		v = folio_node_attr(n, attr);
	}
	if (v == NULL)
		return 0;
	if (style_parse_length(v, want) == 0 && *want > 0)
		return 1;
	if (!c->quiet)
		folio_report(c->diag, FOLIO_WARNING, n->loc,
			     "%s=\"%s\" is not a width folio can use (a length above 0, at most 10000 pt: mm, cm, in or pt); the image keeps its natural size",
			     attr, v);
	return 0;
}

int image_probe(lay_ctx *c, const folio_node *n, lay_image *out)
{
	memset(out, 0, sizeof(*out));
	media_image m;
	if (media_image_probe(c->doc, n, MEDIA_FOR_PRINT, c->diag,
			      c->quiet ? MEDIA_REPORT_NONE : MEDIA_REPORT_ALL, &m) != 0) {
		c->errors = 1;
		return -1;
	}
	out->path = arena_strdup(c->arena, m.path);
	out->png = m.png;
	out->svg = m.svg;
	out->width = m.width;
	out->height = m.height;
	if (m.svg) {
		out->natural_w = (fx)(m.natural_w * FX_PT + 0.5);
		out->natural_h = (fx)(m.natural_h * FX_PT + 0.5);
	} else {
		out->natural_w = fx_muldiv(m.width, 72000, 150);
		out->natural_h = fx_muldiv(m.height, 72000, 150);
	}
	return 0;
}
