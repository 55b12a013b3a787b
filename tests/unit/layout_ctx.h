/*
 * layout_ctx.h: the layout context the layout unit tests share: a
 * document, the default style, Indonesian, an empty font set (the tests
 * add fixed-width faces), hyphenation with the exception lists of
 * exc_dir (NULL: none).  The caller sets c->arena where it needs one.
 * Also the text of a set line, which the tests compare.
 */
#ifndef FOLIO_TEST_LAYOUT_CTX_H
#define FOLIO_TEST_LAYOUT_CTX_H

#include "layout/ctx.h"
#include "layout/para.h"
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

/* The characters a set line shows (ASCII, as the tests write them). */
static inline size_t line_text(const lay_line *l, char *buf, size_t size)
{
	size_t o = 0;
	for (unsigned i = 0; i < l->nitems; i++)
		for (unsigned k = 0; l->items[i].kind == LI_TEXT && k < l->items[i].n; k++)
			if (o + 2 < size)
				buf[o++] = (char)l->items[i].g[k].cp;
	buf[o] = '\0';
	return o;
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
