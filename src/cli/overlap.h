/*
 * overlap: a back end run on a second thread while another goes on.
 *
 * A build of both the PDF and the EPUB lays the book out once: the EPUB
 * needs only the page map of that layout, which the PDF back end hands
 * over before it writes its file.  From that moment the two writers share
 * nothing but the read-only tree (the EPUB alone allocates in the
 * document's arena), so the EPUB is written beside the PDF emitter.
 *
 * The side thread reports into a diagnostics sink of its own; after the
 * join its messages are replayed, in their order, into the build's sink,
 * so the output on stderr does not depend on timing.
 */
#ifndef FOLIO_CLI_OVERLAP_H
#define FOLIO_CLI_OVERLAP_H

#include "folio/backend.h"

typedef struct side_job side_job;

/* Prepares a job that will run backend on doc with opts (copied).  Its
 * diagnostics follow main_diag's strictness. */
side_job *side_job_new(const folio_backend *backend, folio_doc *doc,
		       const folio_render_opts *opts, folio_diag *main_diag);
/* Starts the job on a thread; if no thread can be made, runs it here.
 * Fits folio_render_opts.page_map_ready. */
void side_job_start(void *job);
int side_job_started(const side_job *job);
/* Waits for the job, replays its diagnostics into main_diag and frees
 * it.  Returns the back end's result (0 success), or -1 when it never
 * started. */
int side_job_finish(side_job *job, folio_diag *main_diag);

#endif
