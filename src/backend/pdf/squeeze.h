/*
 * squeeze: Flate (zlib-wrapped deflate) compression of whole buffers with
 * libdeflate, for the PDF streams folio fills itself: page contents and
 * font objects.
 *
 * libharu deflates every stream with zlib when it saves the file, after
 * holding all of them uncompressed.  Compressing a page's content as soon
 * as the page is written keeps only the compressed bytes, and libdeflate
 * does the same work as zlib in about half the time.  The level is fixed:
 * it changes the bytes of the file.
 */
#ifndef FOLIO_PDF_SQUEEZE_H
#define FOLIO_PDF_SQUEEZE_H

#include <stddef.h>

typedef struct pdf_squeeze pdf_squeeze;

pdf_squeeze *squeeze_new(void);
void squeeze_free(pdf_squeeze *z);

/* Compresses in[0..n) into the squeezer's buffer, valid until the next
 * call; sets *out_n.  NULL only when memory runs out. */
const unsigned char *squeeze(pdf_squeeze *z, const void *in, size_t n, size_t *out_n);

/* Marks a libharu stream object as holding Flate data already: libharu
 * copies it as it is and the dictionary says /Filter /FlateDecode.  (With
 * its own filter flag libharu would deflate the bytes again; without it,
 * it deletes any Filter key, so the key is written by a hook.) */
struct _HPDF_Dict_Rec;
void squeeze_mark(struct _HPDF_Dict_Rec *stream);

#endif
