/*
 * template: `folio new DIR` (see template.h).  Two passes over the
 * template: the first only looks for files that already exist in DIR,
 * so that a clash leaves DIR as it was; the second copies.
 */
#include "cli/template.h"
#include "util/strbuf.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *join(const char *a, const char *b)
{
	strbuf s = STRBUF_INIT;
	sb_printf(&s, "%s/%s", a, b);
	return sb_take(&s);
}

/* Copies one regular file; O_EXCL, so an existing file is kept. */
static int copy_file(const char *from, const char *to)
{
	int in = open(from, O_RDONLY);
	if (in < 0) {
		fprintf(stderr, "folio: %s: cannot read the template: %s\n", from, strerror(errno));
		return -1;
	}
	int out = open(to, O_WRONLY | O_CREAT | O_EXCL, 0666);
	if (out < 0) {
		fprintf(stderr, "folio: %s: cannot create: %s\n", to, strerror(errno));
		close(in);
		return -1;
	}
	char buf[8192];
	ssize_t n;
	int rc = 0;
	while ((n = read(in, buf, sizeof buf)) > 0)
		if (write(out, buf, (size_t)n) != n) {
			rc = -1;
			break;
		}
	if (n < 0)
		rc = -1;
	if (close(out) != 0)
		rc = -1;
	close(in);
	if (rc != 0)
		fprintf(stderr, "folio: %s: cannot write: %s\n", to, strerror(errno));
	return rc;
}

/* Walks the template folder from into to; with copy 0 it only reports
 * the files that exist already, with copy 1 it copies. */
static int walk(const char *from, const char *to, int copy)
{
	DIR *d = opendir(from);
	if (d == NULL) {
		fprintf(stderr, "folio: %s: cannot read the template: %s\n", from, strerror(errno));
		return -1;
	}
	if (copy && mkdir(to, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "folio: %s: cannot create folder: %s\n", to, strerror(errno));
		closedir(d);
		return -1;
	}
	int rc = 0;
	struct dirent *e;
	while (rc == 0 && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char *src = join(from, e->d_name), *dst = join(to, e->d_name);
		struct stat st, there;
		if (stat(src, &st) != 0) {
			rc = -1;
		} else if (S_ISDIR(st.st_mode)) {
			rc = walk(src, dst, copy);
		} else if (!copy && lstat(dst, &there) == 0) {
			fprintf(stderr, "folio: %s: exists already; folio new never replaces a file\n", dst);
			rc = -1;
		} else if (copy) {
			rc = copy_file(src, dst);
			if (rc == 0)
				printf("%s\n", dst);
		}
		free(src);
		free(dst);
	}
	closedir(d);
	return rc;
}

int template_new(const char *dir, const char *styles_dir)
{
	/* templates/ is beside the styles folder, as fonts/ is */
	strbuf b = STRBUF_INIT;
	const char *slash = strrchr(styles_dir, '/');
	if (slash)
		sb_putn(&b, styles_dir, (size_t)(slash - styles_dir + 1));
	sb_puts(&b, "templates/reader");
	char *from = sb_take(&b);
	int rc = walk(from, dir, 0);
	if (rc == 0)
		rc = walk(from, dir, 1);
	free(from);
	if (rc == 0)
		printf("folio: a new reader in %s; build it with\n"
		       "  folio build %s/reader.xml -o %s/out --style a4-reader --preset copyshop\n",
		       dir, dir, dir);
	return rc == 0 ? 0 : 2;
}
