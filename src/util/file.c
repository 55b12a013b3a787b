/*
 * file: whole files into memory (see file.h).
 */
#include "util/file.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>

int file_read_all(const char *path, size_t max, char **data, size_t *len)
{
	*data = NULL;
	*len = 0;
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return errno ? errno : EIO;
	struct stat st;
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
		int e = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		fclose(f);
		return e;
	}
	if ((unsigned long long)st.st_size > max) {
		fclose(f);
		return EFBIG;
	}
	strbuf b = STRBUF_INIT;
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (b.len + n > max) {
			sb_free(&b);
			fclose(f);
			return EFBIG;
		}
		sb_putn(&b, chunk, n);
	}
	int err = ferror(f) ? EIO : 0;
	fclose(f);
	if (err) {
		sb_free(&b);
		return err;
	}
	*len = b.len;
	*data = b.s ? sb_take(&b) : xstrdup("");
	return 0;
}
