/*
 * media: the files an EPUB carries besides its documents: images (read
 * from paths relative to the source file that names them, never from
 * outside the source folder, typed by their bytes, not their names), the
 * style sheet from styles/, and with --epub-fonts the style's text
 * family, found in the font manifest (fonts/fonts.conf) as layout finds
 * it, with the licence of the Debian package the manifest names.
 */
#include "backend/epub/epub.h"
#include "layout/layout.h"
#include "media/media.h"
#include "util/file.h"
#include "util/hash.h"
#include "util/vec.h"
#include "util/xalloc.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_RESOURCE_BYTES (64u << 20)
/* The PDF's limit too (src/layout/image.h): an EPUB reader would have to
 * decode what is larger. */
#define EPUB_IMAGE_MAX_SIDE 20000u

/* The value kept for a source that cannot be used, so it is reported
 * once however often it is named. */
static const char failed_marker[] = "";

const char *epub_safe_name(epub_ctx *c, const char *name)
{
	strbuf b = STRBUF_INIT;
	for (const char *p = name; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch >= 'A' && ch <= 'Z')
			ch = (unsigned char)(ch - 'A' + 'a');
		int ok = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
			 ch == '.' || ch == '_' || ch == '-';
		if (!ok)
			ch = '-';
		if (ch == '-' && b.len && b.s[b.len - 1] == '-')
			continue;
		if ((ch == '-' || ch == '.') && b.len == 0)
			continue;
		sb_putc(&b, (char)ch);
	}
	while (b.len && (b.s[b.len - 1] == '.' || b.s[b.len - 1] == '-'))
		b.s[--b.len] = '\0';
	const char *s = epub_strdup(c, b.len ? sb_str(&b) : "file");
	sb_free(&b);
	return s;
}


epub_resource *epub_add_resource(epub_ctx *c)
{
	c->res = vec_reserve(c->res, &c->res_cap, (size_t)c->nres + 1, sizeof(*c->res));
	epub_resource *r = &c->res[c->nres++];
	memset(r, 0, sizeof(*r));
	return r;
}

/* The media type from the first bytes; NULL for what an EPUB cannot
 * show without a fallback. */
static const char *sniff_image(const char *d, size_t n, const char **ext)
{
	const unsigned char *u = (const unsigned char *)d;
	if (n >= 8 && memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0) {
		*ext = "png";
		return "image/png";
	}
	if (n >= 3 && u[0] == 0xff && u[1] == 0xd8 && u[2] == 0xff) {
		*ext = "jpg";
		return "image/jpeg";
	}
	if (n >= 6 && (memcmp(d, "GIF87a", 6) == 0 || memcmp(d, "GIF89a", 6) == 0)) {
		*ext = "gif";
		return "image/gif";
	}
	size_t i = 0;
	if (n >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)
		i = 3;
	while (i < n && (d[i] == ' ' || d[i] == '\n' || d[i] == '\r' || d[i] == '\t'))
		i++;
	if (i < n && d[i] == '<') {
		size_t look = n - i < 4096 ? n - i : 4096;
		for (size_t k = i; k + 4 <= i + look; k++)
			if (memcmp(d + k, "<svg", 4) == 0) {
				*ext = "svg";
				return "image/svg+xml";
			}
	}
	return NULL;
}

/* The pixel size from a PNG's IHDR or a JPEG's SOF marker, without
 * decoding.  Returns 0, or -1 when the header does not say (a damaged
 * or truncated file). */
static int image_size(const char *d, size_t n, const char *ext,
		      unsigned *w, unsigned *h)
{
	const unsigned char *u = (const unsigned char *)d;
	if (strcmp(ext, "png") == 0) {
		if (n < 24 || memcmp(d + 12, "IHDR", 4) != 0)
			return -1;
		*w = (unsigned)u[16] << 24 | (unsigned)u[17] << 16 | (unsigned)u[18] << 8 | u[19];
		*h = (unsigned)u[20] << 24 | (unsigned)u[21] << 16 | (unsigned)u[22] << 8 | u[23];
		return 0;
	}
	if (strcmp(ext, "jpg") != 0)
		return -1;
	size_t i = 2;
	while (i + 4 <= n) {
		if (u[i] != 0xff)
			return -1;
		unsigned marker = u[i + 1];
		if (marker == 0xff) {
			i++;
			continue;
		}
		if (marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
			i += 2;
			continue;
		}
		size_t len = (size_t)u[i + 2] << 8 | u[i + 3];
		if (len < 2)
			return -1;
		int sof = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 &&
			  marker != 0xc8 && marker != 0xcc;
		if (sof) {
			if (i + 9 > n)
				return -1;
			*h = (unsigned)u[i + 5] << 8 | u[i + 6];
			*w = (unsigned)u[i + 7] << 8 | u[i + 8];
			return 0;
		}
		i += 2 + len;
	}
	return -1;
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

static int inside(const char *real, const char *root)
{
	size_t n = strlen(root);
	if (strncmp(real, root, n) != 0)
		return 0;
	return real[n] == '/' || real[n] == '\0' || (n > 0 && root[n - 1] == '/');
}

static const char *unique_href(epub_ctx *c, const char *stem, const char *ext)
{
	const char *href = epub_printf(c, "images/%s.%s", stem, ext);
	for (unsigned k = 2;; k++) {
		int taken = 0;
		for (unsigned i = 0; i < c->nres && !taken; i++)
			taken = strcmp(c->res[i].href, href) == 0;
		if (!taken)
			return href;
		href = epub_printf(c, "images/%s-%u.%s", stem, k, ext);
	}
}

static const char *image_failed(epub_ctx *c, const char *key)
{
	hash_put(c->images_by_source, key, (void *)failed_marker);
	return NULL;
}

const char *epub_image(epub_ctx *c, const folio_node *imagedata)
{
	const char *fileref = folio_node_attr(imagedata, "fileref");
	if (fileref == NULL || *fileref == '\0')
		return NULL;
	if (c->images_by_source == NULL)
		c->images_by_source = hash_new();
	const char *from = imagedata->loc.file ? imagedata->loc.file : c->doc->path;
	char *base = dir_of(from);
	const char *joined = fileref[0] == '/' ? epub_strdup(c, fileref)
					       : epub_printf(c, "%s/%s", base, fileref);
	free(base);
	const char *cached = hash_get(c->images_by_source, joined);
	if (cached)
		return cached == failed_marker ? NULL : cached;

	if (file_is_url(fileref)) {
		folio_report(c->diag, FOLIO_ERROR, imagedata->loc,
			     "image '%s' is a URL; folio reads only local files: "
			     "save the image beside the sources and give its path", fileref);
		return image_failed(c, joined);
	}
	char real[PATH_MAX], root_real[PATH_MAX];
	if (realpath(joined, real) == NULL) {
		folio_report(c->diag, FOLIO_ERROR, imagedata->loc,
			     "image '%s' not found (looked for %s)", fileref, joined);
		return image_failed(c, joined);
	}
	char *root_dir = c->doc->dir ? xstrdup(c->doc->dir) : dir_of(c->doc->path);
	int ok_root = realpath(root_dir, root_real) != NULL;
	free(root_dir);
	if (!c->doc->allow_outside && (!ok_root || !inside(real, root_real))) {
		folio_report(c->diag, FOLIO_ERROR, imagedata->loc,
			     "image '%s' is outside the source folder; it is not put in the EPUB",
			     fileref);
		folio_report(c->diag, FOLIO_NOTE, imagedata->loc,
			     "copy it into the folder of the sources (or a folder below it), or build with --allow-outside");
		return image_failed(c, joined);
	}
	/* One file named twice (different relative paths) is packed once. */
	for (unsigned i = 0; i < c->nres; i++)
		if (c->res[i].source && strcmp(c->res[i].source, real) == 0) {
			hash_put(c->images_by_source, joined, (void *)c->res[i].href);
			return c->res[i].href;
		}
	char *data;
	size_t len;
	int e = file_read_all(real, MAX_RESOURCE_BYTES, &data, &len);
	if (e) {
		folio_report(c->diag, FOLIO_ERROR, imagedata->loc,
			     "cannot read image '%s': %s", fileref, file_strerror(e));
		return image_failed(c, joined);
	}
	const char *ext = NULL;
	const char *type = sniff_image(data, len, &ext);
	if (type == NULL) {
		free(data);
		folio_report(c->diag, FOLIO_ERROR, imagedata->loc,
			     "image '%s' is not PNG, JPEG, GIF or SVG, which every EPUB reader shows",
			     fileref);
		return image_failed(c, joined);
	}
	unsigned w = 0, h = 0;
	int raster = strcmp(ext, "png") == 0 || strcmp(ext, "jpg") == 0;
	if (raster && image_size(data, len, ext, &w, &h) != 0) {
		free(data);
		folio_report(c->diag, FOLIO_ERROR, imagedata->loc,
			     "\"%s\" is not a PNG or JPEG image folio can read", fileref);
		return image_failed(c, joined);
	}
	if (raster && (w == 0 || h == 0 || w > EPUB_IMAGE_MAX_SIDE || h > EPUB_IMAGE_MAX_SIDE)) {
		free(data);
		folio_report(c->diag, FOLIO_ERROR, imagedata->loc,
			     "image \"%s\" is %ux%u pixels; folio takes 1 to %u per side",
			     fileref, w, h, EPUB_IMAGE_MAX_SIDE);
		return image_failed(c, joined);
	}
	if (strcmp(ext, "svg") == 0) {
		/* checked and cleaned as the PDF reads it: no scripts, no
		 * handlers, nothing fetched (media.h); its warnings are the
		 * PDF's layout's to give when the PDF was built too */
		free(data);
		media_svg svg;
		int level = c->opts->page_map ? MEDIA_REPORT_ERRORS : MEDIA_REPORT_ALL;
		if (media_svg_read(real, fileref, imagedata->loc, c->diag, level, &svg) != 0)
			return image_failed(c, joined);
		data = svg.clean;
		len = svg.clean_len;
		svg.clean = NULL;
		media_svg_free(&svg);
	}
	const char *name = strrchr(real, '/') ? strrchr(real, '/') + 1 : real;
	const char *dot = strrchr(name, '.');
	const char *stem = epub_safe_name(c, dot && dot != name
				? epub_printf(c, "%.*s", (int)(dot - name), name) : name);
	const char *href = unique_href(c, stem, ext);
	epub_resource *r = epub_add_resource(c);
	r->href = href;
	r->id = epub_printf(c, "img%u", c->nres);
	r->media_type = type;
	r->source = epub_strdup(c, real);
	r->data = data;
	r->len = len;
	hash_put(c->images_by_source, joined, (void *)r->href);
	return r->href;
}

/* ---- styles and fonts ---- */

static int has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int add_file(epub_ctx *c, const char *path, const char *href,
		    const char *id, const char *type)
{
	char *data;
	size_t len;
	int e = file_read_all(path, MAX_RESOURCE_BYTES, &data, &len);
	if (e) {
		folio_report(c->diag, FOLIO_FATAL, (folio_loc){ path, 0, 0 },
			     "cannot read %s: %s", path, file_strerror(e));
		return -1;
	}
	epub_resource *r = epub_add_resource(c);
	r->href = href;
	r->id = id;
	r->media_type = type;
	r->source = path;
	r->data = data;
	r->len = len;
	return 0;
}

/* What a font layout helper said when it failed, for one message of ours. */
typedef struct font_talk {
	int bad;
	char first[300];
} font_talk;

static void hear_fonts(void *ctx, folio_severity sev, folio_loc loc,
		       const char *msg)
{
	font_talk *t = ctx;
	if (sev < FOLIO_ERROR || t->bad++)
		return;
	char where[200];
	folio_loc_format(loc, where, sizeof where);
	snprintf(t->first, sizeof t->first, "%s%s", where, msg);
}

/* The style's text family as the font manifest lists it.  The style's
 * warnings were the PDF's or the page-list's to give; only a failure is
 * reported here. */
static int text_family(epub_ctx *c, layout_family *fam)
{
	folio_render_opts lo = *c->opts;
	/* A CSS file given as the style is ours, not a page style. */
	if (lo.style_path && has_suffix(lo.style_path, ".css"))
		lo.style_path = NULL;
	font_talk talk = { 0, "" };
	folio_diag *quiet = folio_diag_new(hear_fonts, &talk);
	int rc = layout_text_family(&lo, quiet, fam);
	folio_diag_free(quiet);
	if (rc != 0)
		folio_report(c->diag, FOLIO_FATAL, (folio_loc){ c->opts->final_path, 0, 0 },
			     "--epub-fonts: the style's text fonts cannot be found (%s)",
			     talk.first);
	return rc;
}

static void hear_nothing(void *ctx, folio_severity sev, folio_loc loc, const char *msg)
{
	(void)ctx, (void)sev, (void)loc, (void)msg;
}

/* The page style's glossterm.face: its warnings and errors were the
 * PDF's to give; a style that cannot be read marks nothing. */
void epub_term_marks(epub_ctx *c)
{
	folio_render_opts lo = *c->opts;
	if (lo.style_path && has_suffix(lo.style_path, ".css"))
		lo.style_path = NULL;
	folio_diag *quiet = folio_diag_new(hear_nothing, NULL);
	if (layout_glossterm_marks(&lo, quiet, &c->term_face, &c->term_first_only) < 0)
		c->term_face = LAYOUT_TERM_NONE;
	folio_diag_free(quiet);
}

/* One face into the package and its @font-face rule. */
static int add_face(epub_ctx *c, const layout_family *fam,
		    const layout_face_file *ff, const char *safe, strbuf *css)
{
	if (ff->index != 0 || has_suffix(ff->file, ".ttc")) {
		folio_report(c->diag, FOLIO_FATAL, (folio_loc){ ff->file, 0, 0 },
			     "--epub-fonts cannot embed %s %s: it is in a font collection",
			     fam->family, ff->style);
		return -1;
	}
	const char *href = epub_printf(c, "fonts/%s-%s.ttf", safe, ff->style);
	const char *id = epub_printf(c, "font-%s", ff->style);
	if (add_file(c, epub_strdup(c, ff->file), href, id, "font/ttf") != 0) {
		if (ff->package)
			folio_report(c->diag, FOLIO_NOTE, (folio_loc){ ff->file, 0, 0 },
				     "--epub-fonts needs %s (Debian package %s)",
				     fam->family, ff->package);
		return -1;
	}
	int bold = strncmp(ff->style, "bold", 4) == 0;
	int italic = strstr(ff->style, "italic") != NULL;
	sb_printf(css, "@font-face {\n  font-family: \"%s\";\n"
		       "  font-weight: %s;\n  font-style: %s;\n"
		       "  src: url(\"../%s\") format(\"truetype\");\n}\n",
		  fam->family, bold ? "bold" : "normal",
		  italic ? "italic" : "normal", href);
	return 0;
}

/* The faces of the style's text family, from the font manifest, with the
 * licence of the package that ships them (Debian's copyright file). */
static int add_fonts(epub_ctx *c)
{
	layout_family fam;
	if (text_family(c, &fam) != 0)
		return -1;
	const char *package = fam.faces[0].package;
	if (package == NULL) {
		folio_report(c->diag, FOLIO_FATAL, (folio_loc){ fam.faces[0].file, 0, 0 },
			     "--epub-fonts needs the licence of %s: the font manifest "
			     "names no Debian package for it", fam.family);
		layout_family_free(&fam);
		return -1;
	}
	const char *safe = epub_safe_name(c, fam.family);
	strbuf css = STRBUF_INIT;
	const char *licence = fam.faces[0].licence;
	sb_printf(&css, "/* %s, embedded on request (folio build --epub-fonts).\n"
			"   %s: see ../fonts/LICENSE.txt. */\n", fam.family,
		  licence ? licence : "Its licence");
	int rc = 0;
	for (int i = 0; i < 4 && rc == 0; i++)
		if (fam.faces[i].file)
			rc = add_face(c, &fam, &fam.faces[i], safe, &css);
	/* The publisher's typeface; reading systems let readers choose
	 * their own over it. */
	sb_printf(&css, "body {\n  font-family: \"%s\", serif;\n}\n", fam.family);
	const char *copyright = epub_printf(c, "/usr/share/doc/%s/copyright", package);
	if (rc == 0)
		rc = add_file(c, copyright, "fonts/LICENSE.txt", "font-license", "text/plain");
	layout_family_free(&fam);
	if (rc != 0) {
		sb_free(&css);
		return -1;
	}
	epub_resource *r = epub_add_resource(c);
	r->href = "css/fonts.css";
	r->id = "css-fonts";
	r->media_type = "text/css";
	r->len = css.len;
	r->data = sb_take(&css);
	return 0;
}

int epub_add_styles(epub_ctx *c)
{
	const folio_render_opts *o = c->opts;
	const char *path;
	if (o->style_path && has_suffix(o->style_path, ".css"))
		path = o->style_path;
	else
		path = epub_printf(c, "%s/epub.css", o->styles_dir ? o->styles_dir : "styles");
	if (add_file(c, path, "css/epub.css", "css", "text/css") != 0)
		return -1;
	if (o->epub.embed_fonts && add_fonts(c) != 0)
		return -1;
	return 0;
}

void epub_media_free(epub_ctx *c)
{
	hash_free(c->images_by_source);
	c->images_by_source = NULL;
}
