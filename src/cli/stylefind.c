/*
 * stylefind: styles by name and the list `folio styles` prints (see
 * stylefind.h for the search order).
 */
#include "cli/stylefind.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_FOLDERS 5

static int is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* BIN/../share/folio/styles for the executable in BIN: an installed
 * folio finds its data wherever the prefix (and DESTDIR) put it. */
static const char *installed_beside_me(void)
{
	static char dir[PATH_MAX];
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n <= 0)
		return NULL;
	self[n] = '\0';
	char *slash = strrchr(self, '/');
	if (slash == NULL)
		return NULL;
	*slash = '\0';
	slash = strrchr(self, '/');
	if (slash == NULL || strcmp(slash, "/bin") != 0)
		return NULL;
	*slash = '\0';
	if ((size_t)snprintf(dir, sizeof dir, "%s/share/folio/styles", self) >= sizeof dir)
		return NULL;
	return is_dir(dir) ? dir : NULL;
}

const char *styles_dir(void)
{
	static const char *const candidates[] = {
		FOLIO_SOURCE_DIR "/styles", FOLIO_DATA_DIR "/styles"
	};
	const char *env = getenv("FOLIO_STYLES");
	if (env && *env)
		return env;
	const char *mine = installed_beside_me();
	if (mine)
		return mine;
	for (size_t i = 0; i < 2; i++)
		if (is_dir(candidates[i]))
			return candidates[i];
	return candidates[0];
}

static int has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);
	return n >= m && strcmp(s + n - m, suf) == 0;
}

/* The folders a name is looked for in, in order, without repeats;
 * each malloc'd.  Returns how many. */
static int search_folders(const char *source, char **out)
{
	char *c[MAX_FOLDERS + 1];
	int n = 0;
	if (source && strcmp(source, "-") != 0) {
		const char *slash = strrchr(source, '/');
		strbuf b = STRBUF_INIT;
		if (slash)
			sb_putn(&b, source, (size_t)(slash - source + 1));
		sb_puts(&b, "styles");
		c[n++] = sb_take(&b);
	}
	c[n++] = xstrdup("styles");
	c[n++] = xstrdup(styles_dir());
	c[n++] = xstrdup(FOLIO_DATA_DIR "/styles");
	int kept = 0;
	for (int i = 0; i < n; i++) {
		int seen = !is_dir(c[i]);
		for (int j = 0; j < kept && !seen; j++)
			seen = strcmp(out[j], c[i]) == 0;
		/* "styles" and "./styles" beside a source in "." are one */
		if (!seen && strcmp(c[i], "styles") == 0)
			for (int j = 0; j < kept && !seen; j++)
				seen = strcmp(out[j], "./styles") == 0;
		if (seen)
			free(c[i]);
		else
			out[kept++] = c[i];
	}
	return kept;
}

static int names_a_file(const char *arg)
{
	struct stat st;
	return strchr(arg, '/') || has_suffix(arg, ".style") ||
	       has_suffix(arg, ".css") || stat(arg, &st) == 0 || arg[0] == '\0';
}

char *style_find(const char *arg, const char *source, char **searched)
{
	*searched = NULL;
	if (names_a_file(arg))
		return xstrdup(arg);
	char *folders[MAX_FOLDERS + 1];
	int n = search_folders(source, folders);
	char *found = NULL;
	strbuf list = STRBUF_INIT;
	for (int i = 0; i < n; i++) {
		strbuf b = STRBUF_INIT;
		sb_printf(&b, "%s/%s.style", folders[i], arg);
		char *p = sb_take(&b);
		struct stat st;
		if (!found && stat(p, &st) == 0)
			found = p;
		else
			free(p);
		sb_printf(&list, "%s%s", i ? ", " : "", folders[i]);
		free(folders[i]);
	}
	if (found)
		sb_free(&list);
	else
		*searched = sb_take(&list);
	return found;
}

/* The description of a style: its first comment after "NAME.style:",
 * to the end of that sentence (comment lines joined). */
static char *describe(const char *path)
{
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return xstrdup("(cannot be read)");
	strbuf b = STRBUF_INIT;
	char line[512];
	int started = 0;
	while (fgets(line, sizeof line, f)) {
		if (line[0] != '#')
			break;
		char *t = line + 1;
		t[strcspn(t, "\n")] = '\0';
		while (*t == ' ')
			t++;
		if (!started) {
			char *colon = strstr(t, ".style:");
			if (colon)
				t = colon + 7;
			while (*t == ' ')
				t++;
			started = 1;
		} else {
			sb_putc(&b, ' ');
		}
		char *stop = strstr(t, ". ");
		if (stop || has_suffix(t, ".")) {
			sb_putn(&b, t, stop ? (size_t)(stop - t + 1) : strlen(t));
			break;
		}
		sb_puts(&b, t);
	}
	fclose(f);
	return sb_take(&b);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int styles_list(FILE *out, const char *source)
{
	char *folders[MAX_FOLDERS + 1];
	int n = search_folders(source, folders);
	char **names = NULL, **paths = NULL;
	size_t count = 0;
	for (int i = 0; i < n; i++) {
		DIR *d = opendir(folders[i]);
		struct dirent *e;
		while (d && (e = readdir(d)) != NULL) {
			if (e->d_name[0] == '.' || !has_suffix(e->d_name, ".style"))
				continue;
			char *name = xstrdup(e->d_name);
			name[strlen(name) - 6] = '\0';
			int seen = 0;
			for (size_t j = 0; j < count && !seen; j++)
				seen = strcmp(names[j], name) == 0;
			if (seen) {
				free(name);
				continue;
			}
			names = xrealloc(names, (count + 1) * sizeof *names);
			paths = xrealloc(paths, (count + 1) * sizeof *paths);
			strbuf b = STRBUF_INIT;
			sb_printf(&b, "%s\t%s/%s", name, folders[i], e->d_name);
			names[count] = name;
			paths[count++] = sb_take(&b);
		}
		if (d)
			closedir(d);
		free(folders[i]);
	}
	qsort(paths, count, sizeof *paths, by_name);
	for (size_t i = 0; i < count; i++) {
		char *tab = strchr(paths[i], '\t');
		*tab = '\0';
		char *desc = describe(tab + 1);
		fprintf(out, "%-12s %s\n", paths[i], desc);
		free(desc);
		free(paths[i]);
		free(names[i]);
	}
	free(paths);
	free(names);
	if (count == 0)
		fprintf(stderr, "folio: no styles found (FOLIO_STYLES, %s)\n", styles_dir());
	return count ? 0 : 2;
}
