/*
 * diag: the diagnostic sink.  It counts by severity, applies --strict and
 * --quiet, and forwards each message to its printer.
 */
#include "folio/diag.h"
#include "util/textgate.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct folio_diag {
	folio_diag_fn fn;
	void *ctx;
	int strict, quiet;
	unsigned counts[4];
	int last_suppressed; /* drops the notes of a suppressed warning */
};

static const char *severity_name[] = { "note", "warning", "error", "fatal error" };

void folio_loc_format(folio_loc loc, char *buf, unsigned size)
{
	if (size == 0)
		return;
	buf[0] = '\0';
	if (loc.file == NULL)
		return;
	if (loc.line && loc.col)
		snprintf(buf, size, "%s:%u:%u: ", loc.file, loc.line, loc.col);
	else if (loc.line)
		snprintf(buf, size, "%s:%u: ", loc.file, loc.line);
	else
		snprintf(buf, size, "%s: ", loc.file);
}

static void print_stderr(void *ctx, folio_severity sev, folio_loc loc,
			 const char *message)
{
	(void)ctx;
	/* File names come from the file system and the command line, where
	 * nothing checked them: what reaches the terminal passes the gate. */
	char where[1200], safe_where[4800], safe_message[8200]; /* 4 bytes per byte at worst */
	folio_loc_format(loc, where, sizeof where);
	textgate_printable(where, safe_where, sizeof safe_where);
	textgate_printable(message, safe_message, sizeof safe_message);
	if (where[0] == '\0')
		fprintf(stderr, "folio: %s: %s\n", severity_name[sev], safe_message);
	else
		fprintf(stderr, "%s%s: %s\n", safe_where, severity_name[sev], safe_message);
}

folio_diag *folio_diag_new(folio_diag_fn fn, void *ctx)
{
	folio_diag *d = xcalloc(1, sizeof(*d));
	d->fn = fn;
	d->ctx = ctx;
	return d;
}

folio_diag *folio_diag_new_stderr(void)
{
	return folio_diag_new(print_stderr, NULL);
}

void folio_diag_free(folio_diag *d)
{
	free(d);
}

void folio_diag_set_strict(folio_diag *d, int strict) { d->strict = strict; }
int folio_diag_strict(const folio_diag *d) { return d->strict; }
void folio_diag_set_quiet(folio_diag *d, int quiet) { d->quiet = quiet; }

void folio_vreport(folio_diag *d, folio_severity sev, folio_loc loc,
		   const char *fmt, va_list ap)
{
	if (sev == FOLIO_NOTE && d->last_suppressed)
		return;
	d->last_suppressed = 0;
	d->counts[sev]++;
	if (d->quiet && sev <= FOLIO_WARNING) {
		d->last_suppressed = 1;
		return;
	}
	char msg[2048];
	vsnprintf(msg, sizeof msg, fmt, ap);
	if (d->fn)
		d->fn(d->ctx, sev, loc, msg);
}

void folio_report(folio_diag *d, folio_severity sev, folio_loc loc,
		  const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	folio_vreport(d, sev, loc, fmt, ap);
	va_end(ap);
}

void folio_report_strict(folio_diag *d, folio_loc loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	folio_vreport(d, d->strict ? FOLIO_ERROR : FOLIO_WARNING, loc, fmt, ap);
	va_end(ap);
}

unsigned folio_diag_count(const folio_diag *d, folio_severity sev)
{
	return d->counts[sev];
}

int folio_diag_exit_status(const folio_diag *d)
{
	if (d->counts[FOLIO_FATAL])
		return 2;
	if (d->counts[FOLIO_ERROR])
		return 1;
	return 0;
}
