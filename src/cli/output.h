/*
 * output: the files a build writes, made atomic.  Each output is first
 * written under a temporary name in its target folder; only when every
 * back end has succeeded are they renamed into place.  On failure the
 * temporaries are removed and whatever was at the final names stays.
 */
#ifndef FOLIO_CLI_OUTPUT_H
#define FOLIO_CLI_OUTPUT_H

#include "folio/diag.h"

typedef struct output_file {
	char *final_path; /* where the file belongs */
	char *temp_path;  /* where the back end writes it */
} output_file;

/* Creates an empty temporary beside final_path.  Returns 0, or -1 after
 * reporting a fatal error. */
int output_open(output_file *o, const char *final_path, folio_diag *diag);
/* Renames the temporary into place. */
int output_commit(output_file *o, folio_diag *diag);
/* Removes the temporary (safe to call twice). */
void output_discard(output_file *o);
void output_free(output_file *o);

#endif
