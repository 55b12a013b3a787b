/*
 * pixels.h: images decoded to 8-bit samples (libpng, libjpeg), for the
 * print modes that cannot take a file as it is: grey or CMYK output
 * converts the colours, PDF/A and PDF/X flatten an alpha channel onto
 * white (both standards as written here forbid transparency).
 *
 * The conversions are device conversions, not colour-managed: grey is
 * Rec. 601 luma; CMYK takes K = 1 - max(R, G, B) and the rest from what
 * is left (full grey-component replacement), so grey and black pixels
 * print in black ink only.  doc/print.md says so.
 */
#ifndef FOLIO_BACKEND_PDF_PIXELS_H
#define FOLIO_BACKEND_PDF_PIXELS_H

#include <stddef.h>

#define PIXELS_MAX (64u * 1024u * 1024u) /* decoded pixels: larger is refused */
#define PIXELS_MAX_SIDE 20000u /* pixels per side a PNG check accepts */

typedef struct pixels {
	unsigned width, height;
	int ncomp;            /* 1 grey, 3 RGB, 4 CMYK (after alpha is gone) */
	int alpha;            /* an alpha channel follows the colour samples */
	int jpeg;             /* decoded from a JPEG */
	unsigned char *data;  /* width * height * (ncomp + alpha) bytes */
} pixels;

/* Decodes a PNG or JPEG (by signature).  Returns 0, or -1 with a reason
 * in err. */
int pixels_load(const char *path, pixels *out, char *err, size_t errlen);
/* Only the header: the number of colour components and whether there is
 * alpha, without decoding.  Returns 0 or -1. */
int pixels_probe(const char *path, int *ncomp, int *alpha, int *jpeg);
/* Only the header: size, components, alpha; data stays NULL.  Returns
 * 0 or -1. */
int pixels_header(const char *path, pixels *out);
/* Decodes a whole PNG row by row, keeping nothing, so that a damaged
 * file is an error here rather than an abort() inside libharu (whose
 * libpng error handler returns, which libpng answers with abort).
 * An image of more than PIXELS_MAX pixels is refused from its header
 * (a small file can hold gigabytes of pixels).  Returns 0; -1 with
 * libpng's reason in err; -2 with "WxH pixels" in err when too large. */
int pixels_check_png(const char *path, char *err, size_t errlen);
/* Decodes a whole JPEG with libjpeg, one row at a time, before libharu
 * embeds it as it is: a file libjpeg warns about (corrupt or truncated
 * data) is damaged.  Returns 0; -1 with libjpeg's reason in err; -2 with
 * "WxH pixels" when a side is over PIXELS_MAX_SIDE or the whole over
 * PIXELS_MAX; -3 when the samples are not 8-bit (12-bit JPEG). */
int pixels_check_jpeg(const char *path, char *err, size_t errlen);
/* 1 when path is a PNG stored interlaced (Adam7), which libharu's PNG
 * loader refuses: folio decodes those itself. */
int pixels_png_interlaced(const char *path);
/* Moves the alpha channel out of p into a new plane of width * height
 * bytes (malloc) and leaves the colour samples packed; NULL when p has
 * no alpha. */
unsigned char *pixels_take_alpha(pixels *p);
/* Flattens alpha onto white and converts to ncomp (1, 3 or 4). */
void pixels_convert(pixels *p, int ncomp);
void pixels_free(pixels *p);

#endif
