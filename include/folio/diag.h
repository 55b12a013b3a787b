/*
 * diag.h: diagnostics, the way a compiler reports them.
 *
 * Every stage reports problems through one sink.  A diagnostic has a
 * severity, a source location and a message, and is printed as
 *
 *     path:line:col: error: message
 *     path:line:col: note: hint
 *
 * The exit status of the command is derived from the worst severity seen:
 * errors in the sources give 1; system errors (a file that cannot be
 * written, a missing font) give 2.
 */
#ifndef FOLIO_DIAG_H
#define FOLIO_DIAG_H

#include <stdarg.h>

typedef enum folio_severity {
	FOLIO_NOTE,    /* an explanation attached to the previous diagnostic */
	FOLIO_WARNING, /* output is written, but something deserves a look */
	FOLIO_ERROR,   /* the sources are wrong: no output is written */
	FOLIO_FATAL    /* the system failed (I/O, memory, missing resource) */
} folio_severity;

/* A place in a source file.  file is NULL when there is no file (a
 * command-line problem); line and col are 1-based, 0 when unknown. */
typedef struct folio_loc {
	const char *file;
	unsigned line;
	unsigned col;
} folio_loc;

typedef struct folio_diag folio_diag;

/* Called for each diagnostic as it is reported.  The message has no
 * location prefix and no trailing newline. */
typedef void (*folio_diag_fn)(void *ctx, folio_severity sev, folio_loc loc,
			      const char *message);

/* A sink that prints to stderr as path:line:col: severity: message. */
folio_diag *folio_diag_new_stderr(void);
/* A sink that hands each diagnostic to fn (tests collect them this way). */
folio_diag *folio_diag_new(folio_diag_fn fn, void *ctx);
void folio_diag_free(folio_diag *d);

/* With strict set, warnings marked as strict-able count as errors. */
void folio_diag_set_strict(folio_diag *d, int strict);
int folio_diag_strict(const folio_diag *d);
/* Suppresses warnings and notes (errors still print). */
void folio_diag_set_quiet(folio_diag *d, int quiet);

void folio_report(folio_diag *d, folio_severity sev, folio_loc loc,
		  const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void folio_vreport(folio_diag *d, folio_severity sev, folio_loc loc,
		   const char *fmt, va_list ap);
/* A warning that becomes an error under --strict. */
void folio_report_strict(folio_diag *d, folio_loc loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

unsigned folio_diag_count(const folio_diag *d, folio_severity sev);
/* 0 when there were no errors, 1 for errors in the sources, 2 when a fatal
 * (system) error was reported. */
int folio_diag_exit_status(const folio_diag *d);

/* Formats "path:line:col: " (or less, as known) into buf. */
void folio_loc_format(folio_loc loc, char *buf, unsigned size);

#endif
