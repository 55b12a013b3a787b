/*
 * paths: file names for the reader.  Paths are kept as the user typed them
 * (relative to the working folder) for diagnostics, and resolved with
 * realpath() for the confinement check, so a symbolic link cannot lead a
 * source out of its folder.
 */
#include "read/read.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

char *path_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

char *path_join(const char *dir, const char *rel)
{
	if (rel[0] == '/' || dir == NULL || dir[0] == '\0' ||
	    strcmp(dir, ".") == 0)
		return xstrdup(rel);
	strbuf b = STRBUF_INIT;
	sb_puts(&b, dir);
	if (b.len && b.s[b.len - 1] != '/')
		sb_putc(&b, '/');
	sb_puts(&b, rel);
	return sb_take(&b);
}

/* Lexical clean-up for display: drops "." components and folds "x/..";
 * leading ".." components of a relative path stay. */
char *path_normalize(const char *path)
{
	int absolute = path[0] == '/';
	size_t n = strlen(path);
	/* Component start offsets into out, as a stack. */
	size_t *starts = xmalloc((n / 2 + 2) * sizeof(*starts));
	size_t depth = 0, kept_up = 0; /* leading ".." count */
	strbuf out = STRBUF_INIT;
	if (absolute)
		sb_putc(&out, '/');
	const char *p = path;
	while (*p) {
		while (*p == '/')
			p++;
		if (*p == '\0')
			break;
		const char *end = strchr(p, '/');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == 1 && p[0] == '.') {
			/* nothing */
		} else if (len == 2 && p[0] == '.' && p[1] == '.' &&
			   depth > kept_up) {
			depth--;
			out.len = starts[depth];
			out.s[out.len] = '\0';
		} else if (len == 2 && p[0] == '.' && p[1] == '.' && absolute) {
			/* "/.." is "/" */
		} else {
			int up = len == 2 && p[0] == '.' && p[1] == '.';
			if (out.len && out.s[out.len - 1] != '/')
				sb_putc(&out, '/');
			starts[depth++] = out.len;
			if (up)
				kept_up++;
			sb_putn(&out, p, len);
		}
		p += len;
	}
	free(starts);
	/* Drop the separator left behind by a removed last component. */
	if (out.len > 1 && out.s[out.len - 1] == '/') {
		out.len--;
		out.s[out.len] = '\0';
	}
	if (out.len == 0)
		sb_putc(&out, '.');
	return sb_take(&out);
}

int path_inside(const char *real, const char *dir)
{
	size_t n = strlen(dir);
	if (n == 1 && dir[0] == '/')
		return real[0] == '/';
	return strncmp(real, dir, n) == 0 && (real[n] == '\0' || real[n] == '/');
}
