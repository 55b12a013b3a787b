/*
 * covercache: made covers' PNGs kept between builds.  Rendering a cover
 * (librsvg, then deflating 6 MB of pixels) costs more than the rest of a
 * reader's EPUB; a book is built again and again with the same title and
 * fonts, so the PNG is kept under the name of a SHA-1 of everything it is
 * made from (the SVG, the font files' names, sizes and times, the size in
 * pixels) and read back while those stay the same.  The place is the one
 * the hyphenation cache uses: $FOLIO_CACHE_DIR (empty: no cache),
 * $XDG_CACHE_HOME/folio or ~/.cache/folio.  A PNG from the cache is the
 * same bytes a render gives, so outputs do not depend on the cache.
 */
#include "backend/epub/covercache.h"
#include "util/cleanup.h"
#include "util/file.h"
#include "util/xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_PNG (64u << 20)

static char *cache_dir(void)
{
	const char *d = getenv("FOLIO_CACHE_DIR");
	if (d)
		return *d ? xstrdup(d) : NULL;
	strbuf b = STRBUF_INIT;
	const char *x = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	if (x && *x == '/')
		sb_printf(&b, "%s/folio", x);
	else if (home && *home == '/')
		sb_printf(&b, "%s/.cache/folio", home);
	else
		return NULL;
	return sb_take(&b);
}

char *covercache_file(const unsigned char key[20])
{
	char *dir = cache_dir();
	if (dir == NULL)
		return NULL;
	strbuf b = STRBUF_INIT;
	sb_printf(&b, "%s/cover-", dir);
	for (int i = 0; i < 20; i++)
		sb_printf(&b, "%02x", key[i]);
	sb_puts(&b, ".png");
	free(dir);
	return sb_take(&b);
}

void covercache_key_file(strbuf *key, const char *path)
{
	struct stat st;
	sb_printf(key, "font %s", path);
	if (stat(path, &st) == 0)
		sb_printf(key, " %lld %lld.%09ld", (long long)st.st_size,
			  (long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec);
	sb_putc(key, '\n');
}

int covercache_load(const char *file, strbuf *png)
{
	char *data = NULL;
	size_t n = 0;
	if (file == NULL || file_read_all(file, MAX_PNG, &data, &n) != 0)
		return -1;
	/* whole files only are renamed into place; still, a PNG it is */
	static const char iend[12] = { 0, 0, 0, 0, 'I', 'E', 'N', 'D', '\xae', 'B', '`', '\x82' };
	int ok = n > 8 + 12 && memcmp(data, "\x89PNG\r\n\x1a\n", 8) == 0 &&
		 memcmp(data + n - 12, iend, 12) == 0;
	if (ok)
		sb_putn(png, data, n);
	free(data);
	return ok ? 0 : -1;
}

static int make_dirs(const char *file)
{
	char *p = xstrdup(file);
	for (char *s = strchr(p + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			free(p);
			return -1;
		}
		*s = '/';
	}
	free(p);
	return 0;
}

void covercache_store(const char *file, const strbuf *png)
{
	if (file == NULL)
		return;
	/* a file of our own, renamed into place: another build reading the
	 * same name sees a whole file or none */
	strbuf tmp = STRBUF_INIT;
	sb_printf(&tmp, "%s.XXXXXX", file);
	int fd = make_dirs(file) == 0 ? mkstemp(tmp.s) : -1;
	if (fd >= 0) {
		int slot = cleanup_register(tmp.s);
		FILE *fp = fdopen(fd, "wb");
		int ok = fp && fwrite(png->s, 1, png->len, fp) == png->len;
		if (fp == NULL)
			close(fd);
		else if (fclose(fp) != 0)
			ok = 0;
		if (!ok || rename(tmp.s, file) != 0)
			unlink(tmp.s);
		cleanup_forget(slot);
	}
	sb_free(&tmp);
}
