/*
 * save.h: the finished PDF written to its file by folio, not by libharu.
 */
#ifndef FOLIO_PDF_SAVE_H
#define FOLIO_PDF_SAVE_H

#include "folio/diag.h"

#include <hpdf.h>

/* Writes pdf to path (the output's temporary).  Returns 0; 1 when a
 * write failed, after reporting the cause in words at shown (the name the
 * user gave); -1 when libharu itself failed (its error handler has the
 * code, the caller reports it). */
int pdf_save(HPDF_Doc pdf, const char *path, const char *shown, folio_diag *diag);

#endif
