/*
 * png: an RGB image into PNG bytes, for the made cover (cover.c).  cairo's
 * own PNG writer goes through libpng with its adaptive row filters and
 * zlib, which cost three times the whole book's build on a 1200x1800
 * cover; the cover is flat colour and text, which deflate packs well
 * unfiltered, so every row is written with filter 0 and the image data
 * compressed in one call to libdeflate (fast, and the same bytes on every
 * machine).  No ancillary chunks: no time, no gamma, nothing that varies.
 */
#include "backend/epub/png.h"

#include <libdeflate.h>
#include <stdlib.h>
#include <string.h>

static void put_u32(strbuf *b, uint32_t v)
{
	char be[4] = { (char)(v >> 24), (char)(v >> 16), (char)(v >> 8), (char)v };
	sb_putn(b, be, 4);
}

/* A chunk: length, type, data, CRC of type and data. */
static void put_chunk(strbuf *b, const char type[4], const void *data, size_t n)
{
	put_u32(b, (uint32_t)n);
	size_t at = b->len;
	sb_putn(b, type, 4);
	if (n)
		sb_putn(b, data, n);
	put_u32(b, libdeflate_crc32(0, b->s + at, n + 4));
}

int epub_png_encode(const uint32_t *xrgb, int w, int h, int stride_px, strbuf *out)
{
	size_t row = 1 + 3 * (size_t)w, raw_n = row * (size_t)h;
	unsigned char *raw = malloc(raw_n);
	if (raw == NULL)
		return -1;
	for (int y = 0; y < h; y++) {
		unsigned char *r = raw + row * (size_t)y;
		const uint32_t *px = xrgb + (size_t)stride_px * (size_t)y;
		*r++ = 0; /* filter: none */
		for (int x = 0; x < w; x++) {
			*r++ = (unsigned char)(px[x] >> 16);
			*r++ = (unsigned char)(px[x] >> 8);
			*r++ = (unsigned char)px[x];
		}
	}
	struct libdeflate_compressor *z = libdeflate_alloc_compressor(1);
	size_t bound = z ? libdeflate_zlib_compress_bound(z, raw_n) : 0;
	unsigned char *packed = z ? malloc(bound) : NULL;
	size_t packed_n = packed ? libdeflate_zlib_compress(z, raw, raw_n, packed, bound) : 0;
	libdeflate_free_compressor(z);
	free(raw);
	if (packed_n == 0) {
		free(packed);
		return -1;
	}
	unsigned char ihdr[13] = {
		(unsigned char)(w >> 24), (unsigned char)(w >> 16), (unsigned char)(w >> 8), (unsigned char)w,
		(unsigned char)(h >> 24), (unsigned char)(h >> 16), (unsigned char)(h >> 8), (unsigned char)h,
		8, 2, 0, 0, 0 /* 8 bits, RGB, deflate, filters of method 0, no interlace */
	};
	sb_putn(out, "\x89PNG\r\n\x1a\n", 8);
	put_chunk(out, "IHDR", ihdr, sizeof ihdr);
	put_chunk(out, "IDAT", packed, packed_n);
	put_chunk(out, "IEND", NULL, 0);
	free(packed);
	return 0;
}
