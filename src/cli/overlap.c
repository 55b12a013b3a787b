/*
 * overlap: runs a back end on a second thread (see overlap.h).
 */
#include "cli/overlap.h"
#include "util/threads.h"
#include "util/vec.h"
#include "util/xalloc.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct said {
	folio_severity sev;
	folio_loc loc;
	char *msg;
} said;

struct side_job {
	const folio_backend *backend;
	folio_doc *doc;
	folio_render_opts opts;
	folio_diag *diag; /* the thread's own */
	said *heard;
	size_t nheard, cap;
	pthread_t thread;
	int state; /* 0 not started, 1 on its thread, 2 done here */
	int rc;
};

static void hear(void *ctx, folio_severity sev, folio_loc loc, const char *msg)
{
	side_job *j = ctx;
	j->heard = vec_reserve(j->heard, &j->cap, j->nheard + 1, sizeof *j->heard);
	j->heard[j->nheard++] = (said){ sev, loc, xstrdup(msg) };
}

side_job *side_job_new(const folio_backend *backend, folio_doc *doc,
		       const folio_render_opts *opts, folio_diag *main_diag)
{
	side_job *j = xcalloc(1, sizeof *j);
	j->backend = backend;
	j->doc = doc;
	j->opts = *opts;
	j->diag = folio_diag_new(hear, j);
	folio_diag_set_strict(j->diag, folio_diag_strict(main_diag));
	j->rc = -1;
	return j;
}

static void *run_job(void *arg)
{
	side_job *j = arg;
	j->rc = j->backend->render(j->doc, &j->opts, j->diag);
	return NULL;
}

void side_job_start(void *arg)
{
	side_job *j = arg;
	if (j->state != 0)
		return;
	if (threads_allowed() && pthread_create(&j->thread, NULL, run_job, j) == 0) {
		j->state = 1;
		return;
	}
	run_job(j);
	j->state = 2;
}

int side_job_started(const side_job *j)
{
	return j->state != 0;
}

int side_job_finish(side_job *j, folio_diag *main_diag)
{
	if (j->state == 1)
		pthread_join(j->thread, NULL);
	int rc = j->state ? j->rc : -1;
	for (size_t i = 0; i < j->nheard; i++) {
		said *s = &j->heard[i];
		folio_report(main_diag, s->sev, s->loc, "%s", s->msg);
		free(s->msg);
	}
	free(j->heard);
	folio_diag_free(j->diag);
	free(j);
	return rc;
}
