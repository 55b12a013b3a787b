/*
 * file.h: a whole file read into memory, the one way folio does it.
 */
#ifndef FOLIO_UTIL_FILE_H
#define FOLIO_UTIL_FILE_H

#include <stddef.h>

/* Reads the regular file at path into *data (malloc'd, with a NUL after
 * the *len bytes).  Reads to the end rather than trusting the size the
 * file system gives, so a file that grows while it is read still cannot
 * pass max.  Returns 0, or an errno value: what fopen said, EISDIR or
 * EINVAL for what is not a regular file, EFBIG beyond max bytes, EIO for
 * a read error.  On failure *data is NULL. */
int file_read_all(const char *path, size_t max, char **data, size_t *len);

#endif
