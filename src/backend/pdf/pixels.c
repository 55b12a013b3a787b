/*
 * pixels: decoding PNG (libpng's simplified API) and JPEG (libjpeg) to
 * 8-bit samples, and the device colour conversions of pixels.h.
 */
#include "backend/pdf/pixels.h"
#include "util/xalloc.h"

#include <png.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <jerror.h>

static int is_png(const char *path, int *yes)
{
	FILE *fp = fopen(path, "rb");
	if (fp == NULL)
		return -1;
	unsigned char sig[8];
	size_t n = fread(sig, 1, sizeof sig, fp);
	fclose(fp);
	*yes = n == 8 && png_sig_cmp(sig, 0, 8) == 0;
	return 0;
}

static int load_png(const char *path, pixels *out, char *err, size_t errlen)
{
	png_image img;
	memset(&img, 0, sizeof img);
	img.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_file(&img, path)) {
		snprintf(err, errlen, "%s", img.message);
		return -1;
	}
	if ((size_t)img.width * img.height > PIXELS_MAX) {
		png_image_free(&img);
		snprintf(err, errlen, "too large to convert (%ux%u pixels)",
			 img.width, img.height);
		return -1;
	}
	int color = (img.format & PNG_FORMAT_FLAG_COLOR) != 0;
	int alpha = (img.format & PNG_FORMAT_FLAG_ALPHA) != 0;
	img.format = color ? (alpha ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB)
			   : (alpha ? PNG_FORMAT_GA : PNG_FORMAT_GRAY);
	size_t size = PNG_IMAGE_SIZE(img);
	unsigned char *buf = xmalloc(size ? size : 1);
	if (!png_image_finish_read(&img, NULL, buf, 0, NULL)) {
		snprintf(err, errlen, "%s", img.message);
		png_image_free(&img);
		free(buf);
		return -1;
	}
	out->width = img.width;
	out->height = img.height;
	out->ncomp = color ? 3 : 1;
	out->alpha = alpha;
	out->jpeg = 0;
	out->data = buf;
	return 0;
}

typedef struct jpeg_fail {
	struct jpeg_error_mgr mgr;
	jmp_buf jump;
	char msg[JMSG_LENGTH_MAX];
} jpeg_fail;

static void jpeg_exit(j_common_ptr c)
{
	jpeg_fail *f = (jpeg_fail *)c->err;
	(*c->err->format_message)(c, f->msg);
	longjmp(f->jump, 1);
}

static void jpeg_quiet(j_common_ptr c, int level)
{
	(void)c;
	(void)level;
}

/* The state that must survive a longjmp lives outside the function. */
typedef struct jpeg_job {
	struct jpeg_decompress_struct d;
	jpeg_fail fail;
	FILE *fp;
	unsigned char *buf;
} jpeg_job;

static int load_jpeg(const char *path, pixels *out, char *err, size_t errlen,
		     int header_only)
{
	jpeg_job *j = xcalloc(1, sizeof *j);
	j->fp = fopen(path, "rb");
	if (j->fp == NULL) {
		snprintf(err, errlen, "cannot open");
		free(j);
		return -1;
	}
	j->d.err = jpeg_std_error(&j->fail.mgr);
	j->fail.mgr.error_exit = jpeg_exit;
	j->fail.mgr.emit_message = jpeg_quiet;
	if (setjmp(j->fail.jump)) {
		snprintf(err, errlen, "%s", j->fail.msg);
		jpeg_destroy_decompress(&j->d);
		fclose(j->fp);
		free(j->buf);
		free(j);
		return -1;
	}
	jpeg_create_decompress(&j->d);
	jpeg_stdio_src(&j->d, j->fp);
	jpeg_read_header(&j->d, TRUE);
	int cmyk = j->d.jpeg_color_space == JCS_CMYK || j->d.jpeg_color_space == JCS_YCCK;
	int gray = j->d.jpeg_color_space == JCS_GRAYSCALE;
	out->ncomp = cmyk ? 4 : gray ? 1 : 3;
	out->alpha = 0;
	out->jpeg = 1;
	out->width = j->d.image_width;
	out->height = j->d.image_height;
	out->data = NULL;
	if (header_only || (size_t)out->width * out->height > PIXELS_MAX) {
		int too_big = !header_only;
		jpeg_destroy_decompress(&j->d);
		fclose(j->fp);
		free(j);
		if (too_big) {
			snprintf(err, errlen, "too large to convert (%ux%u pixels)",
				 out->width, out->height);
			return -1;
		}
		return 0;
	}
	j->d.out_color_space = cmyk ? JCS_CMYK : gray ? JCS_GRAYSCALE : JCS_RGB;
	jpeg_start_decompress(&j->d);
	size_t row = (size_t)j->d.output_width * (size_t)j->d.output_components;
	j->buf = xmalloc(row * j->d.output_height + 1);
	while (j->d.output_scanline < j->d.output_height) {
		JSAMPROW r = j->buf + row * j->d.output_scanline;
		jpeg_read_scanlines(&j->d, &r, 1);
	}
	/* Adobe writes CMYK JPEGs with inverted samples */
	if (cmyk && j->d.saw_Adobe_marker)
		for (size_t i = 0; i < row * j->d.output_height; i++)
			j->buf[i] = (unsigned char)(255 - j->buf[i]);
	jpeg_finish_decompress(&j->d);
	jpeg_destroy_decompress(&j->d);
	fclose(j->fp);
	out->data = j->buf;
	free(j);
	return 0;
}

/* A libjpeg warning (corrupt data, a premature end that libjpeg pads
 * with grey) is a damaged file here: poppler would say "Corrupt JPEG
 * data" for what libharu embeds as it is. */
static void jpeg_warning_fails(j_common_ptr c, int level)
{
	if (level < 0)
		jpeg_exit(c);
}

/* Decodes every scanline into one row's buffer: memory stays one row
 * whatever the image's size. */
static int check_jpeg_rows(jpeg_job *j, char *err, size_t errlen)
{
	jpeg_read_header(&j->d, TRUE);
	unsigned w = j->d.image_width, h = j->d.image_height;
	if (w == 0 || h == 0 || w > PIXELS_MAX_SIDE || h > PIXELS_MAX_SIDE ||
	    (uint64_t)w * h > PIXELS_MAX) {
		snprintf(err, errlen, "%ux%u pixels", w, h);
		return -2;
	}
	if (j->d.data_precision != 8) {
		snprintf(err, errlen, "%d bits per sample", j->d.data_precision);
		return -3;
	}
	jpeg_start_decompress(&j->d);
	size_t row = (size_t)j->d.output_width * (size_t)j->d.output_components;
	j->buf = xmalloc(row + 1);
	while (j->d.output_scanline < j->d.output_height) {
		JSAMPROW r = j->buf;
		jpeg_read_scanlines(&j->d, &r, 1);
	}
	jpeg_finish_decompress(&j->d);
	return 0;
}

int pixels_check_jpeg(const char *path, char *err, size_t errlen)
{
	jpeg_job *j = xcalloc(1, sizeof *j);
	j->fp = fopen(path, "rb");
	if (j->fp == NULL) {
		snprintf(err, errlen, "cannot open");
		free(j);
		return -1;
	}
	j->d.err = jpeg_std_error(&j->fail.mgr);
	j->fail.mgr.error_exit = jpeg_exit;
	j->fail.mgr.emit_message = jpeg_warning_fails;
	int rc = -1;
	if (setjmp(j->fail.jump)) {
		/* libjpeg built for 8 bits refuses 12-bit files in the header */
		if (j->fail.mgr.msg_code == JERR_BAD_PRECISION) {
			snprintf(err, errlen, "%d bits per sample",
				 j->fail.mgr.msg_parm.i[0]);
			rc = -3;
		} else {
			snprintf(err, errlen, "%s", j->fail.msg);
		}
	} else {
		jpeg_create_decompress(&j->d);
		jpeg_stdio_src(&j->d, j->fp);
		rc = check_jpeg_rows(j, err, errlen);
	}
	jpeg_destroy_decompress(&j->d);
	fclose(j->fp);
	free(j->buf);
	free(j);
	return rc;
}

int pixels_png_interlaced(const char *path)
{
	/* the signature (8), IHDR's length and type (8), then width,
	 * height, depth, colour type, compression, filter, interlace */
	FILE *fp = fopen(path, "rb");
	if (fp == NULL)
		return 0;
	unsigned char head[29];
	size_t n = fread(head, 1, sizeof head, fp);
	fclose(fp);
	return n == sizeof head && png_sig_cmp(head, 0, 8) == 0 &&
	       memcmp(head + 12, "IHDR", 4) == 0 && head[28] == 1;
}

unsigned char *pixels_take_alpha(pixels *p)
{
	if (!p->alpha)
		return NULL;
	size_t n = (size_t)p->width * p->height;
	int in = p->ncomp + 1;
	unsigned char *alpha = xmalloc(n + 1);
	for (size_t i = 0; i < n; i++) {
		const unsigned char *px = p->data + i * (size_t)in;
		memmove(p->data + i * (size_t)p->ncomp, px, (size_t)p->ncomp);
		alpha[i] = px[p->ncomp];
	}
	p->alpha = 0;
	return alpha;
}

int pixels_load(const char *path, pixels *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	int png;
	if (is_png(path, &png) < 0) {
		snprintf(err, errlen, "cannot open");
		return -1;
	}
	return png ? load_png(path, out, err, errlen)
		   : load_jpeg(path, out, err, errlen, 0);
}

int pixels_probe(const char *path, int *ncomp, int *alpha, int *jpeg)
{
	int png;
	if (is_png(path, &png) < 0)
		return -1;
	if (png) {
		png_image img;
		memset(&img, 0, sizeof img);
		img.version = PNG_IMAGE_VERSION;
		if (!png_image_begin_read_from_file(&img, path))
			return -1;
		*ncomp = (img.format & PNG_FORMAT_FLAG_COLOR) ? 3 : 1;
		*alpha = (img.format & PNG_FORMAT_FLAG_ALPHA) != 0;
		*jpeg = 0;
		png_image_free(&img);
		return 0;
	}
	pixels p;
	char err[8];
	if (load_jpeg(path, &p, err, sizeof err, 1) < 0)
		return -1;
	*ncomp = p.ncomp;
	*alpha = 0;
	*jpeg = 1;
	return 0;
}

int pixels_header(const char *path, pixels *out)
{
	int png;
	memset(out, 0, sizeof *out);
	if (is_png(path, &png) < 0)
		return -1;
	if (png) {
		png_image img;
		memset(&img, 0, sizeof img);
		img.version = PNG_IMAGE_VERSION;
		if (!png_image_begin_read_from_file(&img, path))
			return -1;
		out->width = img.width;
		out->height = img.height;
		out->ncomp = (img.format & PNG_FORMAT_FLAG_COLOR) ? 3 : 1;
		out->alpha = (img.format & PNG_FORMAT_FLAG_ALPHA) != 0;
		png_image_free(&img);
		return 0;
	}
	char err[8];
	return load_jpeg(path, out, err, sizeof err, 1);
}

/* State of a PNG check that must survive png_error's longjmp. */
typedef struct png_check {
	png_structp png;
	png_infop info;
	FILE *fp;
	unsigned char *row;
	int too_large;   /* refused from the header: more than PIXELS_MAX */
	char msg[160];
} png_check;

static void png_check_error(png_structp png, png_const_charp msg)
{
	png_check *c = png_get_error_ptr(png);
	snprintf(c->msg, sizeof c->msg, "%s", msg);
	png_longjmp(png, 1);
}

static void png_check_warning(png_structp png, png_const_charp msg)
{
	(void)png;
	(void)msg;
}

static void png_check_free(png_check *c)
{
	png_destroy_read_struct(&c->png, c->info ? &c->info : NULL, NULL);
	if (c->fp)
		fclose(c->fp);
	free(c->row);
	free(c);
}

/* Every row is decoded into one row's buffer, so memory stays small
 * whatever the image's size. */
static void png_check_rows(png_check *c)
{
	png_init_io(c->png, c->fp);
	png_set_user_limits(c->png, PIXELS_MAX_SIDE, PIXELS_MAX_SIDE);
	png_read_info(c->png, c->info);
	png_uint_32 width = png_get_image_width(c->png, c->info);
	png_uint_32 height = png_get_image_height(c->png, c->info);
	if ((uint64_t)width * height > PIXELS_MAX) {
		c->too_large = 1;
		snprintf(c->msg, sizeof c->msg, "%ux%u pixels", (unsigned)width,
			 (unsigned)height);
		png_longjmp(c->png, 1);
	}
	int passes = png_set_interlace_handling(c->png);
	png_read_update_info(c->png, c->info);
	c->row = xmalloc(png_get_rowbytes(c->png, c->info) + 1);
	for (int pass = 0; pass < passes; pass++)
		for (png_uint_32 y = 0; y < height; y++)
			png_read_row(c->png, c->row, NULL);
	png_read_end(c->png, NULL);
}

int pixels_check_png(const char *path, char *err, size_t errlen)
{
	png_check *c = xcalloc(1, sizeof *c);
	c->fp = fopen(path, "rb");
	if (c->fp == NULL) {
		snprintf(err, errlen, "cannot open");
		free(c);
		return -1;
	}
	c->png = png_create_read_struct(PNG_LIBPNG_VER_STRING, c,
					png_check_error, png_check_warning);
	if (c->png)
		c->info = png_create_info_struct(c->png);
	if (c->png == NULL || c->info == NULL) {
		snprintf(err, errlen, "out of memory");
		png_check_free(c);
		return -1;
	}
	if (setjmp(png_jmpbuf(c->png))) {
		int rc = c->too_large ? -2 : -1;
		snprintf(err, errlen, "%s", c->msg[0] ? c->msg : "damaged");
		png_check_free(c);
		return rc;
	}
	png_check_rows(c);
	png_check_free(c);
	return 0;
}

static unsigned char clamp255(int v)
{
	return (unsigned char)(v < 0 ? 0 : v > 255 ? 255 : v);
}

/* One pixel from any model to RGB. */
static void to_rgb(const unsigned char *s, int ncomp, unsigned char rgb[3])
{
	if (ncomp == 1) {
		rgb[0] = rgb[1] = rgb[2] = s[0];
	} else if (ncomp == 3) {
		memcpy(rgb, s, 3);
	} else {
		for (int i = 0; i < 3; i++)
			rgb[i] = clamp255(255 - s[i] - s[3]);
	}
}

static void from_rgb(const unsigned char rgb[3], int ncomp, unsigned char *d)
{
	if (ncomp == 1) {
		d[0] = (unsigned char)((299 * rgb[0] + 587 * rgb[1] + 114 * rgb[2] + 500) / 1000);
	} else if (ncomp == 3) {
		memcpy(d, rgb, 3);
	} else {
		int max = rgb[0] > rgb[1] ? rgb[0] : rgb[1];
		max = max > rgb[2] ? max : rgb[2];
		int k = 255 - max;
		for (int i = 0; i < 3; i++)
			d[i] = max ? (unsigned char)((max - rgb[i]) * 255 / max) : 0;
		d[3] = (unsigned char)k;
	}
}

void pixels_convert(pixels *p, int ncomp)
{
	if (p->ncomp == ncomp && !p->alpha)
		return;
	size_t n = (size_t)p->width * p->height;
	int in = p->ncomp + p->alpha;
	unsigned char *out = xmalloc(n * (size_t)ncomp + 1);
	for (size_t i = 0; i < n; i++) {
		const unsigned char *s = p->data + i * (size_t)in;
		unsigned char rgb[3];
		if (p->ncomp == ncomp && ncomp != 3) {
			/* grey to grey, CMYK to CMYK: only the alpha goes */
			unsigned a = p->alpha ? s[p->ncomp] : 255;
			for (int c = 0; c < ncomp; c++) {
				unsigned white = ncomp == 1 ? 255 : 0;
				out[i * (size_t)ncomp + (size_t)c] =
					(unsigned char)((s[c] * a + white * (255 - a) + 127) / 255);
			}
			continue;
		}
		to_rgb(s, p->ncomp, rgb);
		if (p->alpha) {
			unsigned a = s[p->ncomp];
			for (int c = 0; c < 3; c++)
				rgb[c] = (unsigned char)((rgb[c] * a + 255 * (255 - a) + 127) / 255);
		}
		from_rgb(rgb, ncomp, out + i * (size_t)ncomp);
	}
	free(p->data);
	p->data = out;
	p->ncomp = ncomp;
	p->alpha = 0;
}

void pixels_free(pixels *p)
{
	free(p->data);
	p->data = NULL;
}
