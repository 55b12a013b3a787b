/*
 * output: planning, temporaries and the all-or-nothing commit of a
 * build's outputs (see output.h).  Temporaries are made with mkstemp in
 * the target folder, so the final rename stays on one file system and is
 * atomic.
 */
#include "cli/output.h"
#include "util/cleanup.h"
#include "util/file.h"
#include "util/xalloc.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The longest ".NAME.XXXXXX.style.XXXXXX" (the PDF back end's style copy
 * beside the temporary) must still fit in a file name, so a long NAME is
 * cut in the temporaries' names. */
#define TEMP_EXTRA 22

static int is_stdout(const char *path)
{
	return strcmp(path, "-") == 0;
}

static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	char *d = xstrdup(path);
	d[slash - path] = '\0';
	return d;
}

static const char *base_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

static long name_max(const char *folder)
{
	long m = pathconf(folder, _PC_NAME_MAX);
	return m > 0 ? m : 255;
}

static int plan_error(folio_diag *diag, const char *path, const char *fmt,
		      const char *arg)
{
	char msg[1024];
	snprintf(msg, sizeof msg, fmt, arg);
	folio_report(diag, FOLIO_FATAL, (folio_loc){ 0 }, "cannot write '%s': %s",
		     path, msg);
	return -1;
}

static const char *kind_name(mode_t m)
{
	if (S_ISDIR(m))
		return "a folder";
	if (S_ISFIFO(m))
		return "a named pipe (FIFO)";
	if (S_ISCHR(m) || S_ISBLK(m))
		return "a device";
	if (S_ISSOCK(m))
		return "a socket";
	return "not a regular file";
}

/* The output's folder exists and the name fits. */
static int plan_folder(output_file *o, folio_diag *diag)
{
	char *folder = folder_of(o->target);
	struct stat st;
	int rc = 0;
	if (stat(folder, &st) != 0)
		rc = plan_error(diag, o->final_path, errno == ENOENT
				? "the folder '%s' does not exist" : "the folder '%s' cannot be used",
				folder);
	else if (!S_ISDIR(st.st_mode))
		rc = plan_error(diag, o->final_path, "'%s' is not a folder", folder);
	else if ((long)strlen(base_of(o->target)) > name_max(folder)) {
		char limit[64];
		snprintf(limit, sizeof limit, "%zu bytes; at most %ld",
			 strlen(base_of(o->target)), name_max(folder));
		rc = plan_error(diag, o->final_path, "the file name is too long (%s)", limit);
	}
	if (rc == 0) {
		char *real = realpath(folder, NULL);
		if (real == NULL) {
			rc = plan_error(diag, o->final_path, "%s", strerror(errno));
		} else {
			size_t n = strlen(real) + strlen(base_of(o->target)) + 2;
			o->canon = xmalloc(n);
			snprintf(o->canon, n, "%s/%s", real, base_of(o->target));
			free(real);
		}
	}
	free(folder);
	return rc;
}

/* A symbolic link at the output path is written through when it leads
 * to a regular file the user may write; anything else is refused. */
static int plan_link(output_file *o, folio_diag *diag)
{
	struct stat st;
	if (stat(o->final_path, &st) != 0)
		return plan_error(diag, o->final_path,
				  "it is a symbolic link to nothing (%s); remove the link "
				  "or make it lead to a file", strerror(errno));
	if (!S_ISREG(st.st_mode))
		return plan_error(diag, o->final_path,
				  S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)
				  ? "it is a symbolic link to %s; folio writes only regular files "
				    "(give - to write to standard output)"
				  : "it is a symbolic link to %s; folio writes only regular files",
				  kind_name(st.st_mode));
	if (access(o->final_path, W_OK) != 0)
		return plan_error(diag, o->final_path,
				  "it is a symbolic link to a file you may not write (%s)",
				  strerror(errno));
	o->target = realpath(o->final_path, NULL);
	if (o->target == NULL)
		return plan_error(diag, o->final_path, "%s", strerror(errno));
	o->exists = 1;
	o->dev = st.st_dev;
	o->ino = st.st_ino;
	return 0;
}

int output_plan(output_file *o, const char *path, folio_diag *diag)
{
	memset(o, 0, sizeof *o);
	o->slot = -1;
	o->previous_slot = -1;
	o->final_path = xstrdup(path);
	if (is_stdout(path))
		return 0;
	if (*path == '\0')
		return plan_error(diag, path, "%s", "an empty file name");
	struct stat st;
	if (lstat(path, &st) == 0) {
		if (S_ISLNK(st.st_mode)) {
			if (plan_link(o, diag) != 0)
				return -1;
		} else if (S_ISREG(st.st_mode)) {
			o->target = xstrdup(path);
			o->exists = 1;
			o->dev = st.st_dev;
			o->ino = st.st_ino;
		} else if (S_ISDIR(st.st_mode)) {
			return plan_error(diag, path, "%s",
					  "it is a folder; give a file name (or -o FOLDER)");
		} else {
			return plan_error(diag, path,
					  S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)
					  ? "it is %s; folio writes outputs only as regular files "
					    "(give - to write to standard output)"
					  : "it is %s; folio writes outputs only as regular files",
					  kind_name(st.st_mode));
		}
	} else if (errno == ENOENT) {
		o->target = xstrdup(path);
	} else if (errno == ENAMETOOLONG) {
		char why[96];
		snprintf(why, sizeof why, "%zu bytes in its name, %zu in all; at most %d and %d",
			 strlen(base_of(path)), strlen(path), NAME_MAX, PATH_MAX - 1);
		return plan_error(diag, path, "the file name is too long (%s)", why);
	} else {
		return plan_error(diag, path, "%s", strerror(errno));
	}
	return plan_folder(o, diag);
}

static int same_file(const output_file *a, const output_file *b)
{
	if (a->target == NULL || b->target == NULL)
		return a->target == b->target; /* both standard output */
	if (a->exists && b->exists && a->dev == b->dev && a->ino == b->ino)
		return 1;
	return strcmp(a->canon, b->canon) == 0;
}

static void report_input_clash(const output_file *o, const char *input,
			       folio_diag *diag)
{
	folio_report(diag, FOLIO_FATAL, (folio_loc){ 0 },
		     "the output '%s' is the file '%s' that this build reads; "
		     "folio never writes over an input", o->final_path, input);
}

static int clash_with_read(const output_file *o, folio_diag *diag)
{
	const char *input = o->exists ? file_was_read(o->dev, o->ino) : NULL;
	if (o->target == NULL) {
		/* `> file` or `>> file` on the command line */
		struct stat st;
		if (fstat(1, &st) == 0 && S_ISREG(st.st_mode))
			input = file_was_read(st.st_dev, st.st_ino);
	}
	if (input == NULL)
		return 0;
	report_input_clash(o, input, diag);
	return -1;
}

int output_clashes(const output_file *files, int n, const char *const inputs[2],
		   folio_diag *diag)
{
	int rc = 0;
	for (int i = 0; i < n; i++)
		for (int j = i + 1; j < n; j++)
			if (same_file(&files[i], &files[j])) {
				folio_report(diag, FOLIO_FATAL, (folio_loc){ 0 },
					     "the outputs '%s' and '%s' are the same file; "
					     "give each its own name",
					     files[i].final_path, files[j].final_path);
				rc = -1;
			}
	for (int i = 0; i < n; i++)
		if (clash_with_read(&files[i], diag) != 0)
			rc = -1;
	for (int k = 0; inputs && k < 2; k++) {
		struct stat st;
		if (inputs[k] == NULL || stat(inputs[k], &st) != 0)
			continue;
		for (int i = 0; i < n; i++)
			if (files[i].exists && files[i].dev == st.st_dev &&
			    files[i].ino == st.st_ino) {
				report_input_clash(&files[i], inputs[k], diag);
				rc = -1;
			}
	}
	return rc;
}

/* ".NAME." with NAME cut (at a character's start) so that the longest
 * temporary's name fits in the folder. */
static char *temp_prefix(const char *target)
{
	char *folder = folder_of(target);
	long room = name_max(folder) - TEMP_EXTRA;
	free(folder);
	const char *base = base_of(target);
	size_t keep = strlen(base);
	if ((long)keep > room) {
		keep = room > 0 ? (size_t)room : 0;
		while (keep > 0 && ((unsigned char)base[keep] & 0xC0) == 0x80)
			keep--;
	}
	size_t dirlen = (size_t)(base - target);
	size_t n = dirlen + keep + 3;
	char *p = xmalloc(n);
	snprintf(p, n, "%.*s.%.*s.", (int)dirlen, target, (int)keep, base);
	return p;
}

static int is_temp_tail(const char *s)
{
	for (int i = 0; i < 6; i++)
		if (!isalnum((unsigned char)s[i]))
			return 0;
	return s[6] == '\0' || (strncmp(s + 6, ".style.", 7) == 0 && is_temp_tail(s + 13));
}

/* Temporaries of this output left by a run that was killed outright. */
static void remove_stale(const char *prefix)
{
	char *folder = folder_of(prefix);
	const char *name = base_of(prefix);
	size_t n = strlen(name);
	DIR *d = opendir(folder);
	if (d == NULL) {
		free(folder);
		return;
	}
	struct dirent *ent;
	while ((ent = readdir(d)) != NULL) {
		if (strncmp(ent->d_name, name, n) != 0 || !is_temp_tail(ent->d_name + n))
			continue;
		struct stat st;
		if (fstatat(dirfd(d), ent->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISREG(st.st_mode))
			unlinkat(dirfd(d), ent->d_name, 0);
	}
	closedir(d);
	free(folder);
}

int output_open(output_file *o, folio_diag *diag)
{
	char *prefix;
	if (o->target == NULL) {
		const char *tmp = getenv("TMPDIR");
		size_t n = strlen(tmp && *tmp ? tmp : "/tmp") + 32;
		prefix = xmalloc(n);
		snprintf(prefix, n, "%s/folio-stdout.", tmp && *tmp ? tmp : "/tmp");
	} else {
		prefix = temp_prefix(o->target);
		remove_stale(prefix);
	}
	size_t n = strlen(prefix) + 8;
	o->temp_path = xmalloc(n);
	snprintf(o->temp_path, n, "%sXXXXXX", prefix);
	free(prefix);
	int fd = mkstemp(o->temp_path);
	if (fd < 0) {
		folio_report(diag, FOLIO_FATAL, (folio_loc){ 0 },
			     "cannot write '%s': cannot create a file in its folder: %s",
			     o->final_path, strerror(errno));
		free(o->temp_path);
		o->temp_path = NULL;
		return -1;
	}
	o->slot = cleanup_register(o->temp_path);
	/* mkstemp makes the file private; an output is an ordinary file. */
	mode_t mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	close(fd);
	return 0;
}

static void discard(output_file *o)
{
	if (o->temp_path == NULL)
		return;
	unlink(o->temp_path);
	cleanup_forget(o->slot);
	o->slot = -1;
	free(o->temp_path);
	o->temp_path = NULL;
}

/* Standard output's bytes, from its temporary. */
static int copy_to_stdout(output_file *o, folio_diag *diag)
{
	int err;
	int fd;
	err = file_open_regular(o->temp_path, &fd);
	char buf[65536];
	ssize_t got = 0;
	while (err == 0 && (got = read(fd, buf, sizeof buf)) > 0) {
		for (ssize_t done = 0; done < got && err == 0;) {
			ssize_t w = write(1, buf + done, (size_t)(got - done));
			if (w > 0)
				done += w;
			else if (w < 0 && errno != EINTR)
				err = errno;
		}
	}
	if (err == 0 && got < 0)
		err = errno;
	if (fd >= 0)
		close(fd);
	if (err) {
		folio_report(diag, FOLIO_FATAL, (folio_loc){ 0 },
			     "cannot write to standard output: %s", file_strerror(err));
		return -1;
	}
	return 0;
}

/* What is at the target now may not be what was planned a build ago:
 * it must still be nothing or a regular file no input is. */
static int still_writable(const output_file *o, folio_diag *diag)
{
	struct stat st;
	if (o->target == NULL || lstat(o->target, &st) != 0)
		return 0;
	const char *input = S_ISREG(st.st_mode) ? file_was_read(st.st_dev, st.st_ino) : NULL;
	if (input) {
		report_input_clash(o, input, diag);
		return -1;
	}
	if (S_ISREG(st.st_mode))
		return 0;
	folio_report(diag, FOLIO_FATAL, (folio_loc){ 0 },
		     "cannot write '%s': it became %s while the build ran; "
		     "folio writes outputs only as regular files", o->final_path,
		     S_ISLNK(st.st_mode) ? "a symbolic link" : kind_name(st.st_mode));
	return -1;
}

/* A second name (a hard link, ".NAME.XXXXXX" beside it) for the file an
 * output is about to replace, so that a rename failing midway can put
 * the earlier outputs back.  NULL when there is no file, or the file
 * system makes no links (then that output cannot be put back). */
static char *keep_previous(const output_file *o)
{
	struct stat st;
	if (o->target == NULL || lstat(o->target, &st) != 0 || !S_ISREG(st.st_mode))
		return NULL;
	char *prefix = temp_prefix(o->target);
	size_t n = strlen(prefix) + 8;
	char *name = xmalloc(n);
	int kept = 0;
	for (int attempt = 0; attempt < 8 && !kept; attempt++) {
		/* mkstemp picks a free name; link() needs it free again */
		snprintf(name, n, "%sXXXXXX", prefix);
		int fd = mkstemp(name);
		if (fd < 0)
			break;
		close(fd);
		unlink(name);
		if (link(o->target, name) == 0)
			kept = 1;
		else if (errno != EEXIST)
			break;
	}
	free(prefix);
	if (!kept) {
		free(name);
		return NULL;
	}
	return name;
}

static void drop_previous(output_file *o)
{
	if (o->previous == NULL)
		return;
	unlink(o->previous);
	cleanup_forget(o->previous_slot);
	o->previous_slot = -1;
	free(o->previous);
	o->previous = NULL;
}

/* A rename failed after the first `upto` outputs were renamed: each goes
 * back to the file it replaced (or away, where there was none). */
static void put_back(output_file *files, int upto, folio_diag *diag)
{
	for (int i = upto - 1; i >= 0; i--) {
		output_file *o = &files[i];
		if (o->target == NULL)
			continue;
		int back = o->previous ? rename(o->previous, o->target) == 0
				       : !o->exists && unlink(o->target) == 0;
		if (back && o->previous) {
			cleanup_forget(o->previous_slot);
			o->previous_slot = -1;
			free(o->previous);
			o->previous = NULL;
		}
		folio_report(diag, FOLIO_NOTE, (folio_loc){ 0 }, back
			     ? "'%s' was put back as it was before this build"
			     : "'%s' was already replaced by this build's output",
			     o->final_path);
	}
}

int output_commit_all(output_file *files, int n, folio_diag *diag)
{
	/* Fonts, images and the style are read while the back ends run. */
	for (int i = 0; i < n; i++)
		if (files[i].temp_path == NULL || clash_with_read(&files[i], diag) != 0 ||
		    still_writable(&files[i], diag) != 0)
			return -1;
	/* Standard output first: when it cannot be written, no file is
	 * replaced either. */
	for (int i = 0; i < n; i++)
		if (files[i].target == NULL) {
			if (copy_to_stdout(&files[i], diag) != 0)
				return -1;
			discard(&files[i]);
		}
	for (int i = 0; i < n; i++) {
		files[i].previous = keep_previous(&files[i]);
		if (files[i].previous)
			files[i].previous_slot = cleanup_register(files[i].previous);
	}
	int rc = 0;
	for (int i = 0; i < n && rc == 0; i++) {
		output_file *o = &files[i];
		if (o->target == NULL)
			continue;
		if (rename(o->temp_path, o->target) != 0) {
			folio_report(diag, FOLIO_FATAL, (folio_loc){ 0 },
				     "cannot write '%s': %s", o->final_path, strerror(errno));
			put_back(files, i, diag);
			rc = -1;
			break;
		}
		cleanup_forget(o->slot);
		o->slot = -1;
		free(o->temp_path);
		o->temp_path = NULL;
	}
	for (int i = 0; i < n; i++)
		drop_previous(&files[i]);
	return rc;
}

void output_free(output_file *o)
{
	discard(o);
	drop_previous(o);
	free(o->final_path);
	free(o->target);
	free(o->canon);
	memset(o, 0, sizeof *o);
	o->slot = -1;
	o->previous_slot = -1;
}
