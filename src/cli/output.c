/*
 * output: temporaries are created with mkstemp in the target folder, so
 * the final rename stays on one file system and is atomic.
 */
#include "cli/output.h"
#include "util/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int output_open(output_file *o, const char *final_path, folio_diag *diag)
{
	memset(o, 0, sizeof(*o));
	o->final_path = xstrdup(final_path);
	const char *slash = strrchr(final_path, '/');
	size_t dirlen = slash ? (size_t)(slash - final_path) + 1 : 0;
	const char *base = final_path + dirlen;
	size_t n = dirlen + strlen(base) + 16;
	o->temp_path = xmalloc(n);
	snprintf(o->temp_path, n, "%.*s.%s.XXXXXX", (int)dirlen, final_path, base);
	int fd = mkstemp(o->temp_path);
	if (fd < 0) {
		folio_report(diag, FOLIO_FATAL, (folio_loc){ final_path, 0, 0 },
			     "cannot create output: %s", strerror(errno));
		free(o->temp_path);
		o->temp_path = NULL;
		return -1;
	}
	/* mkstemp makes the file private; an output is an ordinary file. */
	mode_t mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	close(fd);
	return 0;
}

int output_commit(output_file *o, folio_diag *diag)
{
	if (o->temp_path == NULL)
		return -1;
	if (rename(o->temp_path, o->final_path) != 0) {
		folio_report(diag, FOLIO_FATAL, (folio_loc){ o->final_path, 0, 0 },
			     "cannot write output: %s", strerror(errno));
		output_discard(o);
		return -1;
	}
	free(o->temp_path);
	o->temp_path = NULL;
	return 0;
}

void output_discard(output_file *o)
{
	if (o->temp_path == NULL)
		return;
	unlink(o->temp_path);
	free(o->temp_path);
	o->temp_path = NULL;
}

void output_free(output_file *o)
{
	output_discard(o);
	free(o->final_path);
	o->final_path = NULL;
}
