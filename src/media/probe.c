/*
 * probe: finds an imagedata's file and reads what every output needs to
 * know before decoding it: its kind (by content) and size, from the PNG
 * IHDR chunk, the JPEG SOF marker or the whole SVG (svg.c).  Layout sizes
 * its figures with this, and `folio check` runs it over every image a
 * build would read, so both say the same things in the same words.
 */
#include "media/media.h"
#include "util/file.h"
#include "util/strbuf.h"

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

/* The file the reference names, relative to the file that names it. */
static void resolve_path(const folio_doc *doc, const folio_node *n, const char *ref,
			 strbuf *b)
{
	if (ref[0] == '/') {
		sb_puts(b, ref);
	} else {
		const char *file = n->loc.file ? n->loc.file : doc->path;
		const char *slash = file ? strrchr(file, '/') : NULL;
		if (slash)
			sb_putn(b, file, (size_t)(slash - file + 1));
		sb_puts(b, ref);
	}
}

static unsigned be32(const unsigned char *p)
{
	return (unsigned)p[0] << 24 | (unsigned)p[1] << 16 | (unsigned)p[2] << 8 | p[3];
}

static int probe_png(FILE *fp, media_image *out)
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

static int probe_jpeg(FILE *fp, media_image *out)
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
static int probe_svg(const folio_node *n, const char *ref, folio_diag *diag,
		     int level, media_image *out)
{
	media_svg svg;
	if (media_svg_read(out->path, ref, n->loc, diag, level, &svg) != 0)
		return -1;
	out->svg = 1;
	out->natural_w = svg.width;
	out->natural_h = svg.height;
	media_svg_free(&svg);
	return 0;
}

int media_image_probe(const folio_doc *doc, const folio_node *n, int target,
		      folio_diag *diag, int level, media_image *out)
{
	memset(out, 0, sizeof(*out));
	int say = level != MEDIA_REPORT_NONE;
	const char *ref = folio_node_attr(n, "fileref");
	if (ref == NULL || ref[0] == '\0') {
		if (say) folio_report(diag, FOLIO_ERROR, n->loc,
			     "imagedata has no fileref");
		return -1;
	}
	if (file_is_url(ref)) {
		if (say) folio_report(diag, FOLIO_ERROR, n->loc,
			     "image \"%s\" is a URL; folio reads only local files: "
			     "save the image beside the sources and give its path", ref);
		return -1;
	}
	strbuf path = STRBUF_INIT;
	resolve_path(doc, n, ref, &path);
	char real[PATH_MAX], root[PATH_MAX];
	char *found = realpath(sb_str(&path), real);
	sb_free(&path);
	if (found == NULL) {
		if (say) folio_report(diag, FOLIO_ERROR, n->loc,
			     "cannot read image \"%s\": %s", ref, strerror(errno));
		return -1;
	}
	if (!doc->allow_outside && doc->dir && realpath(doc->dir, root) &&
	    !inside(root, real)) {
		if (say) folio_report(diag, FOLIO_ERROR, n->loc,
			     "image \"%s\" is outside the document's folder %s",
			     ref, doc->dir);
		if (say) folio_report(diag, FOLIO_NOTE, n->loc,
			     "folio reads only files inside the folder of the main source; --allow-outside lifts this");
		return -1;
	}
	int err;
	FILE *fp = file_fopen_regular(real, &err);
	if (fp == NULL) {
		if (say) folio_report(diag, FOLIO_ERROR, n->loc,
			     "cannot read image \"%s\": %s", ref, file_strerror(err));
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
	memcpy(out->path, real, sizeof real);
	if (r < 0 && media_is_svg(head, got))
		return probe_svg(n, ref, diag, level, out);
	if (r < 0 && target == MEDIA_FOR_SCREEN && got >= 10 && memcmp(head, "GIF8", 4) == 0) {
		out->gif = 1;
		out->width = sig[6] | (unsigned)sig[7] << 8;
		out->height = sig[8] | (unsigned)sig[9] << 8;
		r = 0;
	}
	if (r < 0) {
		if (say) folio_report(diag, FOLIO_ERROR, n->loc,
			     "\"%s\" is not a PNG, JPEG or SVG image folio can read", ref);
		return -1;
	}
	if (out->width == 0 || out->height == 0 || out->width > MEDIA_IMAGE_MAX_PIXELS ||
	    out->height > MEDIA_IMAGE_MAX_PIXELS) {
		if (say) folio_report(diag, FOLIO_ERROR, n->loc,
			     "image \"%s\" is %ux%u pixels; folio takes 1 to %d per side",
			     ref, out->width, out->height, MEDIA_IMAGE_MAX_PIXELS);
		return -1;
	}
	out->natural_w = out->width * 72.0 / 150.0;
	out->natural_h = out->height * 72.0 / 150.0;
	return 0;
}
