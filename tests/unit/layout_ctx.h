/*
 * layout_ctx.h: the layout context the layout unit tests share: a
 * document, the default style, Indonesian, an empty font set (the tests
 * add fixed-width faces), hyphenation with the exception lists of
 * exc_dir (NULL: none).  The caller sets c->arena where it needs one.
 */
#ifndef FOLIO_TEST_LAYOUT_CTX_H
#define FOLIO_TEST_LAYOUT_CTX_H

#include "layout/ctx.h"
#include "util/arena.h"

#include <string.h>

static inline void test_ctx_open(lay_ctx *c, folio_doc *doc, folio_diag *diag,
				 lay_style *st, const char *exc_dir)
{
	style_defaults(st);
	memset(c, 0, sizeof *c);
	c->doc = doc;
	c->diag = diag;
	c->st = st;
	c->lang = folio_lang_get("id");
	c->fonts = fonts_new(diag);
	c->run_arena = arena_new();
	c->warned = hash_new();
	c->hyph = hyph_new(NULL, exc_dir, diag);
}

static inline void test_ctx_close(lay_ctx *c)
{
	fonts_free(c->fonts);
	hyph_free(c->hyph);
	hash_free(c->warned);
	arena_free(c->arena);
	arena_free(c->run_arena);
}

#endif
