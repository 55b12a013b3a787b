/*
 * output: the files a build writes, all or nothing, never over an input.
 *
 * Each output is planned before any work starts: its folder must exist,
 * its name must fit, and what is at its path now must be a regular file
 * (or nothing, or a symbolic link to a regular file the user may write,
 * which is then written through: the link stays).  A device, FIFO, socket
 * or folder there is refused.  Outputs are compared with one another and
 * with every file the build reads (util/file.h), by device and inode after
 * symbolic links: a clash is a usage error naming both.
 *
 * Every output is first written under a temporary name in its target
 * folder (".NAME.XXXXXX"); only when every back end has succeeded are they
 * renamed into place, so a failed build leaves the previous files as they
 * were.  Temporaries are registered with util/cleanup.h, so a signal
 * removes them too, and a stale one left by a killed run is removed by the
 * next build of the same output.  "-" is standard output: written to a
 * temporary file, copied out when the build succeeded.
 */
#ifndef FOLIO_CLI_OUTPUT_H
#define FOLIO_CLI_OUTPUT_H

#include "folio/diag.h"

#include <sys/types.h>

typedef struct output_file {
	char *final_path; /* the name the user gave ("-": standard output) */
	char *temp_path;  /* where the back end writes it */
	/* the rest is output.c's */
	char *target;     /* where it goes: final_path, or the regular file a
			     symbolic link there points to; NULL for stdout */
	char *canon;      /* target in its folder's real path, to compare */
	int exists;       /* a file is at target now: */
	dev_t dev;
	ino_t ino;
	int slot;         /* temp_path's cleanup slot */
	char *previous;   /* during the commit: a second name for the file
			     replaced, to put it back */
	int previous_slot;
} output_file;

/* Checks what the output path names and where it would go.  Returns 0,
 * or -1 after reporting a fatal (usage) error. */
int output_plan(output_file *o, const char *path, folio_diag *diag);
/* Whether any two of the n planned outputs are one file, or one is a
 * file read so far, or one of the two files named in inputs (may be NULL,
 * as may either entry): inputs not read yet, the source and the style.
 * Returns 0, or -1 after reporting. */
int output_clashes(const output_file *files, int n, const char *const inputs[2],
		   folio_diag *diag);
/* Creates the empty temporary (removing stale ones first).  Returns 0,
 * or -1 after reporting a fatal error naming the output. */
int output_open(output_file *o, folio_diag *diag);
/* Checks the outputs once more against every file the build read, then
 * copies standard output's and renames the others into place.  Returns
 * 0, or -1 after reporting; then no file is replaced: should a rename
 * fail after others, those are put back (each replaced file was given a
 * second name first), and a note says so for each. */
int output_commit_all(output_file *files, int n, folio_diag *diag);
/* Removes the temporary if still there and frees (safe to call twice). */
void output_free(output_file *o);

#endif
