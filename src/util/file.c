/*
 * file: opening files to read, refusing what is not a regular file, and
 * the list of every file read during the run (see file.h).
 */
#include "util/file.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct read_file {
	dev_t dev;
	ino_t ino;
	char *path;
} read_file;

/* Files are read from the EPUB's thread too. */
static pthread_mutex_t reads_lock = PTHREAD_MUTEX_INITIALIZER;
static read_file *reads;
static size_t nreads, reads_cap;

static void note_read(const struct stat *st, const char *path)
{
	pthread_mutex_lock(&reads_lock);
	for (size_t i = 0; i < nreads; i++)
		if (reads[i].dev == st->st_dev && reads[i].ino == st->st_ino) {
			pthread_mutex_unlock(&reads_lock);
			return;
		}
	if (nreads == reads_cap) {
		reads_cap = reads_cap ? 2 * reads_cap : 32;
		reads = xrealloc(reads, reads_cap * sizeof *reads);
	}
	/* Kept to the end of the run: a clash is reported by this path. */
	reads[nreads++] = (read_file){ st->st_dev, st->st_ino, xstrdup(path) };
	pthread_mutex_unlock(&reads_lock);
}

const char *file_was_read(dev_t dev, ino_t ino)
{
	const char *path = NULL;
	pthread_mutex_lock(&reads_lock);
	for (size_t i = 0; i < nreads && path == NULL; i++)
		if (reads[i].dev == dev && reads[i].ino == ino)
			path = reads[i].path;
	pthread_mutex_unlock(&reads_lock);
	return path;
}

static int kind_error(mode_t mode)
{
	if (S_ISDIR(mode))
		return EISDIR;
	if (S_ISFIFO(mode))
		return FILE_E_FIFO;
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return FILE_E_DEVICE;
	if (S_ISSOCK(mode))
		return FILE_E_SOCKET;
	return FILE_E_OTHER;
}

int file_open_regular(const char *path, int *fd)
{
	*fd = -1;
	/* O_NONBLOCK: open() of a FIFO without a writer, or of some devices,
	 * would otherwise wait forever. */
	int f = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (f < 0) {
		int e = errno ? errno : EIO;
		struct stat st;
		/* a socket cannot be opened at all: ENXIO, said plainly */
		if (e == ENXIO && stat(path, &st) == 0 && S_ISSOCK(st.st_mode))
			return FILE_E_SOCKET;
		return e;
	}
	struct stat st;
	if (fstat(f, &st) != 0) {
		int e = errno;
		close(f);
		return e;
	}
	if (!S_ISREG(st.st_mode)) {
		close(f);
		return kind_error(st.st_mode);
	}
	int flags = fcntl(f, F_GETFL);
	if (flags < 0 || fcntl(f, F_SETFL, flags & ~O_NONBLOCK) != 0) {
		int e = errno;
		close(f);
		return e;
	}
	note_read(&st, path);
	*fd = f;
	return 0;
}

FILE *file_fopen_regular(const char *path, int *err)
{
	int fd;
	*err = file_open_regular(path, &fd);
	if (*err)
		return NULL;
	FILE *f = fdopen(fd, "rb");
	if (f == NULL) {
		*err = errno;
		close(fd);
	}
	return f;
}

int file_check_regular(const char *path)
{
	int fd;
	int e = file_open_regular(path, &fd);
	if (e == 0)
		close(fd);
	return e;
}

int file_read_stream(FILE *f, size_t max, char **data, size_t *len)
{
	*data = NULL;
	*len = 0;
	strbuf b = STRBUF_INIT;
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (b.len + n > max) {
			sb_free(&b);
			return EFBIG;
		}
		sb_putn(&b, chunk, n);
	}
	if (ferror(f)) {
		sb_free(&b);
		return EIO;
	}
	*len = b.len;
	*data = b.s ? sb_take(&b) : xstrdup("");
	return 0;
}

int file_read_all(const char *path, size_t max, char **data, size_t *len)
{
	*data = NULL;
	*len = 0;
	int e;
	FILE *f = file_fopen_regular(path, &e);
	if (f == NULL)
		return e;
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && (unsigned long long)st.st_size > max) {
		fclose(f);
		return EFBIG;
	}
	e = file_read_stream(f, max, data, len);
	fclose(f);
	return e;
}

int file_is_url(const char *ref)
{
	size_t n = 0;
	if (!isalpha((unsigned char)ref[0]))
		return 0;
	while (isalnum((unsigned char)ref[n]) || ref[n] == '+' || ref[n] == '-' ||
	       ref[n] == '.')
		n++;
	return n >= 2 && ref[n] == ':';
}

const char *file_strerror(int e)
{
	switch (e) {
	case EISDIR:
		return "a folder, not a file";
	case FILE_E_FIFO:
		return "a named pipe (FIFO), not a regular file";
	case FILE_E_DEVICE:
		return "a device, not a regular file";
	case FILE_E_SOCKET:
		return "a socket, not a regular file";
	case FILE_E_OTHER:
		return "not a regular file";
	default:
		return strerror(e);
	}
}
