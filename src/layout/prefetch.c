/*
 * prefetch: the worker that sets paragraphs ahead (see prefetch.h).
 */
#include "layout/prefetch.h"
#include "layout/flow.h"
#include "layout/para.h"
#include "util/threads.h"
#include "util/xalloc.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

struct prefetch {
	lay_ctx c;          /* the worker's own context */
	folio_doc doc;      /* the document with an arena of its own */
	folio_diag *quiet;
	const top_div *divs;
	unsigned n;
	atomic_uint main_at; /* the division the main flow is in */
	atomic_int stop;
	pthread_t thread;
	int running;
};

static void drop(void *ctx, folio_severity sev, folio_loc loc, const char *msg)
{
	(void)ctx, (void)sev, (void)loc, (void)msg;
}

static void *work(void *arg)
{
	prefetch *pf = arg;
	for (unsigned i = pf->n; i-- > 0;) {
		if (atomic_load(&pf->stop) || i <= atomic_load(&pf->main_at))
			break;
		vl_list list = { 0 };
		flow *f = flow_new(&pf->c, &list);
		flow_top_division(f, pf->divs[i].node, pf->divs[i].numbering);
		flow_free(f);
		VEC_FREE(list);
		/* what the flow kept for pages is of no use here */
		arena_free(pf->c.arena);
		pf->c.arena = arena_new();
	}
	return NULL;
}

/* The worker's context: the main one's read-only part (settings and
 * tables, lay_shared), and its own of the rest, field by field: fonts,
 * caches, arenas and document arena (flows allocate strings in it), the
 * main one's dictionaries through a handle of its own.  pf is zeroed, so
 * a field ctx.h adds later is the worker's own until set here. */
static int make_ctx(prefetch *pf, const lay_ctx *main_c, const char *manifest)
{
	lay_ctx *c = &pf->c;
	c->shared = main_c->shared;
	pf->doc = *main_c->doc;
	pf->doc.arena = arena_new();
	c->doc = &pf->doc;
	pf->quiet = folio_diag_new(drop, NULL);
	c->diag = pf->quiet;
	c->fonts = fonts_new(pf->quiet);
	c->hyph = hyph_share(main_c->hyph);
	c->arena = arena_new();
	c->run_arena = arena_new();
	c->glyph_arena = arena_new();
	c->warned = hash_new();
	c->para_cache = para_cache_new();
	c->share_writes = 1;
	c->errors = 0;
	c->quiet = 1;
	return fonts_load_manifest(c->fonts, manifest);
}

/* Below this many nodes the worker does not pay: it opens the fonts
 * again and shapes the common words a second time, which on the sample
 * reader (about 6,000 nodes) costs what it saves; on a reader ten times
 * that size it saves a sixth of an EPUB build. */
#define PREFETCH_MIN_NODES 20000

prefetch *prefetch_start(lay_ctx *c, const char *manifest, const top_div *divs,
			 unsigned n)
{
	if (n < 3 || c->doc->node_count < PREFETCH_MIN_NODES || c->share == NULL ||
	    c->hyph == NULL || !threads_allowed())
		return NULL;
	prefetch *pf = xcalloc(1, sizeof *pf);
	pf->divs = divs;
	pf->n = n;
	atomic_init(&pf->main_at, 0);
	atomic_init(&pf->stop, 0);
	if (make_ctx(pf, c, manifest) < 0 ||
	    pthread_create(&pf->thread, NULL, work, pf) != 0) {
		prefetch_free(pf);
		return NULL;
	}
	pf->running = 1;
	return pf;
}

void prefetch_main_at(prefetch *pf, unsigned i)
{
	if (pf)
		atomic_store(&pf->main_at, i);
}

void prefetch_stop(prefetch *pf)
{
	if (pf == NULL || !pf->running)
		return;
	atomic_store(&pf->stop, 1);
	pthread_join(pf->thread, NULL);
	pf->running = 0;
}

void prefetch_free(prefetch *pf)
{
	if (pf == NULL)
		return;
	prefetch_stop(pf);
	lay_ctx *c = &pf->c;
	fonts_free(c->fonts);
	hyph_free(c->hyph);
	para_cache_free(c->para_cache);
	hash_free(c->warned);
	arena_free(c->glyph_arena);
	arena_free(c->run_arena);
	arena_free(c->arena);
	arena_free(pf->doc.arena);
	folio_diag_free(pf->quiet);
	free(pf);
}
