/*
 * file.h: how folio opens the files it reads, the one way it does it.
 *
 * Only regular files are read.  A file is opened with O_NONBLOCK, so that
 * neither a FIFO with no writer nor a device can hold open() forever, then
 * looked at with fstat: what is not a regular file (a folder, a FIFO, a
 * device, a socket) is refused with an error that says what it is.  Only
 * then is O_NONBLOCK cleared and the file read.
 *
 * Every file opened here is remembered (its device and inode, and the
 * path it was opened by), so that the command line can refuse to write an
 * output over any file the build has read: see file_was_read().
 */
#ifndef FOLIO_UTIL_FILE_H
#define FOLIO_UTIL_FILE_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

/* Errors of our own, beyond errno's values, for what is not a regular
 * file.  (A folder is EISDIR.)  file_strerror() says them in words. */
enum {
	FILE_E_FIFO = 0x10000, /* a named pipe */
	FILE_E_DEVICE,         /* a character or block device */
	FILE_E_SOCKET,         /* a socket */
	FILE_E_OTHER           /* anything else that is no regular file */
};

/* Opens the regular file at path for reading without ever blocking.
 * Returns 0 and the descriptor in *fd (close-on-exec, blocking again), or
 * an error: an errno value from open(), EISDIR, or a FILE_E_ value. */
int file_open_regular(const char *path, int *fd);
/* The same as a stdio stream ("rb").  NULL with *err set on failure. */
FILE *file_fopen_regular(const char *path, int *err);
/* Whether path names a regular file folio may read: 0, or the error
 * file_open_regular would give.  For files a library opens itself. */
int file_check_regular(const char *path);

/* Reads the regular file at path into *data (malloc'd, with a NUL after
 * the *len bytes).  Reads to the end rather than trusting the size the
 * file system gives, so a file that grows while it is read still cannot
 * pass max.  Returns 0, or an error: as file_open_regular, EFBIG beyond
 * max bytes, EIO for a read error.  On failure *data is NULL. */
int file_read_all(const char *path, size_t max, char **data, size_t *len);
/* The same from an open stream (standard input), which may be a pipe. */
int file_read_stream(FILE *f, size_t max, char **data, size_t *len);

/* An error of the functions above in words: strerror's, or ours for
 * what is not a regular file ("a named pipe (FIFO), not a regular
 * file"). */
const char *file_strerror(int e);

/* Whether ref is a URL ("https://...", "data:..."): a scheme of two or
 * more letters, digits, '+', '-' or '.' and a colon.  folio reads only
 * local files, and says so rather than "No such file". */
int file_is_url(const char *ref);

/* The path a file with this device and inode was read by during this
 * run, or NULL when no file of it was read.  Thread-safe. */
const char *file_was_read(dev_t dev, ino_t ino);

#endif
