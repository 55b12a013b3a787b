/*
 * save: the PDF's bytes go to the output through a libharu callback
 * stream whose every write, and the final close, folio checks itself.
 *
 * Why not HPDF_SaveToFile: libharu closes its file without looking at
 * fclose's result, so a full disk met by the last buffered bytes went
 * unnoticed, and a failed write came back as "error 0x1016" with
 * ferror's flag for detail, never the cause.  Here the cause is errno's
 * ("No space left on device", "File too large") and the message names
 * the output the user asked for.
 *
 * HPDF_SaveToStream writes into the document's own stream, creating a
 * memory stream only when there is none; giving it a callback writer
 * there keeps the PDF out of memory.  That reliance on libharu's inside
 * is checked: a save that reaches the callback with no byte is an error.
 */
#include "backend/pdf/save.h"
#include "util/xalloc.h"

#include <errno.h>
#include <hpdf_doc.h>
#include <hpdf_streams.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* libharu writes an object in many small pieces ("12 0 obj", "<<",
 * ">>"...): they are gathered here and handed to stdio in large ones. */
#define SINK_BUF 65536

typedef struct pdf_sink {
	FILE *fp;
	int err;           /* errno of the first failed write */
	unsigned long long bytes;
	size_t used;
	unsigned char buf[SINK_BUF];
} pdf_sink;

static int sink_flush(pdf_sink *s)
{
	errno = 0;
	if (s->used && fwrite(s->buf, 1, s->used, s->fp) != s->used) {
		s->err = errno ? errno : EIO;
		return -1;
	}
	s->used = 0;
	return 0;
}

static HPDF_STATUS sink_write(HPDF_Stream stream, const HPDF_BYTE *ptr, HPDF_UINT siz)
{
	pdf_sink *s = stream->attr;
	if (s->err)
		return HPDF_FILE_IO_ERROR;
	if (s->used + siz > SINK_BUF && sink_flush(s) < 0)
		return HPDF_FILE_IO_ERROR;
	if (siz > SINK_BUF) {
		errno = 0;
		if (fwrite(ptr, 1, siz, s->fp) != siz) {
			s->err = errno ? errno : EIO;
			return HPDF_FILE_IO_ERROR;
		}
	} else if (siz) {
		memcpy(s->buf + s->used, ptr, siz);
		s->used += siz;
	}
	s->bytes += siz;
	return HPDF_OK;
}

static int save_to(HPDF_Doc pdf, pdf_sink *sink, const char *shown, folio_diag *diag)
{
	if (sink->fp == NULL) {
		folio_report(diag, FOLIO_FATAL, (folio_loc){ shown, 0, 0 },
			     "cannot write: %s", strerror(errno));
		return 1;
	}
	if (pdf->stream) {
		HPDF_Stream_Free(pdf->stream);
		pdf->stream = NULL;
	}
	HPDF_Stream writer = HPDF_CallbackWriter_New(pdf->mmgr, sink_write, sink);
	if (writer == NULL) {
		fclose(sink->fp);
		return -1;
	}
	pdf->stream = writer;
	HPDF_STATUS st = HPDF_SaveToStream(pdf);
	if (pdf->stream == writer) {
		HPDF_Stream_Free(writer);
		pdf->stream = NULL;
	}
	if (sink->err == 0)
		sink_flush(sink);
	errno = 0;
	if (fclose(sink->fp) != 0 && sink->err == 0)
		sink->err = errno ? errno : EIO;
	if (sink->err) {
		folio_report(diag, FOLIO_FATAL, (folio_loc){ shown, 0, 0 },
			     "cannot write: %s", strerror(sink->err));
		return 1;
	}
	if (st != HPDF_OK)
		return -1;
	if (sink->bytes == 0) {
		folio_report(diag, FOLIO_FATAL, (folio_loc){ shown, 0, 0 },
			     "cannot write: libharu saved no bytes through folio's stream");
		return 1;
	}
	return 0;
}

int pdf_save(HPDF_Doc pdf, const char *path, const char *shown, folio_diag *diag)
{
	pdf_sink *sink = xcalloc(1, sizeof *sink); /* its buffer is large */
	sink->fp = fopen(path, "wb");
	int rc = save_to(pdf, sink, shown, diag);
	free(sink);
	return rc;
}
