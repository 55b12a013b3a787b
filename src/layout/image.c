/*
 * image: finds an imagedata's file and reads its pixel size from the PNG
 * IHDR chunk or the JPEG SOF marker, or an SVG's size from src/media
 * (which checks the whole file as the back ends will).  The PDF emitter
 * decodes the image itself (libharu); this only decides where it goes
 * and refuses what would fail there or escape the document's folder.
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

static int inside(const char *dir, const char *path)
{
	size_t n = strlen(dir);
	return strncmp(dir, path, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

static const char *resolve_path(lay_ctx *c, const folio_node *n,
				const char *ref)
{
	strbuf b = STRBUF_INIT;
	if (ref[0] == '/') {
		sb_puts(&b, ref);
	} else {
		const char *file = n->loc.file ? n->loc.file : c->doc->path;
		const char *slash = file ? strrchr(file, '/') : NULL;
		if (slash)
			sb_putn(&b, file, (size_t)(slash - file + 1));
		sb_puts(&b, ref);
	}
	const char *r = arena_strdup(c->arena, sb_str(&b));
	sb_free(&b);
	return r;
}

static unsigned be32(const unsigned char *p)
{
	return (unsigned)p[0] << 24 | (unsigned)p[1] << 16 | (unsigned)p[2] << 8 | p[3];
}

static int probe_png(FILE *fp, lay_image *out)
{
	unsigned char h[33];
	if (fread(h, 1, 33, fp) != 33)
		return -1;
	if (memcmp(h, "\x89PNG\r\n\x1a\n", 8) != 0 || memcmp(h + 12, "IHDR", 4) != 0)
		return -1;
	out->png = 1;
	out->width = be32(h + 16);
	out->height = be32(h + 20);
	int depth = h[24], color = h[25], interlace = h[28];
	if (depth != 1 && depth != 2 && depth != 4 && depth != 8 && depth != 16)
		return -1;
	if (color != 0 && color != 2 && color != 3 && color != 4 && color != 6)
		return -1;
	(void)interlace;
	return 0;
}

static int probe_jpeg(FILE *fp, lay_image *out)
{
	unsigned char m[2];
	if (fread(m, 1, 2, fp) != 2 || m[0] != 0xFF || m[1] != 0xD8)
		return -1;
	out->png = 0;
	for (int guard = 0; guard < 1000; guard++) {
		int ch;
		do {
			ch = fgetc(fp);
		} while (ch == 0xFF);
		if (ch == EOF)
			return -1;
		unsigned char len[2];
		if (ch == 0xD8 || (ch >= 0xD0 && ch <= 0xD7) || ch == 0x01)
			continue;
		if (fread(len, 1, 2, fp) != 2)
			return -1;
		unsigned l = (unsigned)len[0] << 8 | len[1];
		if (l < 2)
			return -1;
		if (ch >= 0xC0 && ch <= 0xCF && ch != 0xC4 && ch != 0xC8 && ch != 0xCC) {
			unsigned char sof[5];
			if (fread(sof, 1, 5, fp) != 5)
				return -1;
			out->height = (unsigned)sof[1] << 8 | sof[2];
			out->width = (unsigned)sof[3] << 8 | sof[4];
			return 0;
		}
		if (fseek(fp, (long)l - 2, SEEK_CUR) != 0)
			return -1;
	}
	return -1;
}

/* An SVG: read and checked whole (the back ends read it the same way),
 * its natural size its own. */
static int probe_svg(lay_ctx *c, const folio_node *n, const char *ref,
		     const char *real, lay_image *out)
{
	media_svg svg;
	if (media_svg_read(real, ref, n->loc, c->diag,
			   c->quiet ? MEDIA_REPORT_NONE : MEDIA_REPORT_ALL, &svg) != 0) {
		c->errors = 1;
		return -1;
	}
	out->svg = 1;
	out->natural_w = (fx)(svg.width * FX_PT + 0.5);
	out->natural_h = (fx)(svg.height * FX_PT + 0.5);
	media_svg_free(&svg);
	out->path = arena_strdup(c->arena, real);
	return 0;
}

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
	const char *ref = folio_node_attr(n, "fileref");
	if (ref == NULL || ref[0] == '\0') {
		if (!c->quiet) folio_report(c->diag, FOLIO_ERROR, n->loc,
			     "imagedata has no fileref");
		c->errors = 1;
		return -1;
	}
	if (file_is_url(ref)) {
		if (!c->quiet) folio_report(c->diag, FOLIO_ERROR, n->loc,
			     "image \"%s\" is a URL; folio reads only local files: "
			     "save the image beside the sources and give its path", ref);
		c->errors = 1;
		return -1;
	}
	const char *path = resolve_path(c, n, ref);
	char real[PATH_MAX], root[PATH_MAX];
	if (realpath(path, real) == NULL) {
		if (!c->quiet) folio_report(c->diag, FOLIO_ERROR, n->loc,
			     "cannot read image \"%s\": %s", ref, strerror(errno));
		c->errors = 1;
		return -1;
	}
	if (!c->doc->allow_outside && c->doc->dir && realpath(c->doc->dir, root) &&
	    !inside(root, real)) {
		if (!c->quiet) folio_report(c->diag, FOLIO_ERROR, n->loc,
			     "image \"%s\" is outside the document's folder %s",
			     ref, c->doc->dir);
		if (!c->quiet) folio_report(c->diag, FOLIO_NOTE, n->loc,
			     "folio reads only files inside the folder of the main source; --allow-outside lifts this");
		c->errors = 1;
		return -1;
	}
	int err;
	FILE *fp = file_fopen_regular(real, &err);
	if (fp == NULL) {
		if (!c->quiet) folio_report(c->diag, FOLIO_ERROR, n->loc,
			     "cannot read image \"%s\": %s", ref, file_strerror(err));
		c->errors = 1;
		return -1;
	}
	char head[1024];
	size_t got = fread(head, 1, sizeof head, fp);
	rewind(fp);
	const unsigned char *sig = (const unsigned char *)head;
	int r = -1;
	if (got >= 2 && sig[0] == 0x89)
		r = probe_png(fp, out);
	else if (got >= 2 && sig[0] == 0xFF)
		r = probe_jpeg(fp, out);
	fclose(fp);
	if (r < 0 && media_is_svg(head, got))
		return probe_svg(c, n, ref, real, out);
	if (r < 0) {
		if (!c->quiet) folio_report(c->diag, FOLIO_ERROR, n->loc,
			     "\"%s\" is not a PNG, JPEG or SVG image folio can read", ref);
		c->errors = 1;
		return -1;
	}
	if (out->width == 0 || out->height == 0 || out->width > IMAGE_MAX_PIXELS ||
	    out->height > IMAGE_MAX_PIXELS) {
		if (!c->quiet) folio_report(c->diag, FOLIO_ERROR, n->loc,
			     "image \"%s\" is %ux%u pixels; folio takes 1 to %d per side",
			     ref, out->width, out->height, IMAGE_MAX_PIXELS);
		c->errors = 1;
		return -1;
	}
	out->natural_w = fx_muldiv(out->width, 72000, 150);
	out->natural_h = fx_muldiv(out->height, 72000, 150);
	out->path = arena_strdup(c->arena, real);
	return 0;
}
