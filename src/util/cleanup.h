/*
 * cleanup.h: temporary files removed when the run is cut short.
 *
 * A build writes its outputs under temporary names first (src/cli/output.c)
 * and the PDF back end writes a style copy beside them.  If SIGINT,
 * SIGTERM or SIGHUP ends the run, the handler installed here unlinks every
 * temporary still registered, then lets the signal end the process as it
 * would have.  The handler does nothing but unlink() registered paths, so
 * it is async-signal-safe.
 */
#ifndef FOLIO_UTIL_CLEANUP_H
#define FOLIO_UTIL_CLEANUP_H

/* Installs the handler (once; a signal the caller's shell ignores, as
 * nohup does SIGHUP, stays ignored). */
void cleanup_install(void);
/* Registers path (copied) for removal on a signal.  Returns a slot for
 * cleanup_forget, or -1 when every slot is taken (the file is then not
 * removed on a signal, and nothing else changes). */
int cleanup_register(const char *path);
/* The file at slot was renamed or removed: no longer the handler's. */
void cleanup_forget(int slot);

#endif
