/*
 * ctx: small services of the layout context: node keys for the page
 * tables and the once-per-character missing-glyph warning.
 */
#include "layout/ctx.h"

#include <stdio.h>

const char *ctx_node_key(char *buf, size_t size, const folio_node *n)
{
	snprintf(buf, size, "%u", n->serial);
	return buf;
}

void ctx_missing_glyph(lay_ctx *c, uint32_t cp, const folio_node *where)
{
	char key[32];
	snprintf(key, sizeof key, "U+%04X", (unsigned)cp);
	if (hash_get(c->warned, key))
		return;
	hash_put(c->warned, arena_strdup(c->run_arena, key), (void *)1);
	if (c->quiet)
		return;
	folio_loc loc = where ? where->loc : (folio_loc){ c->doc->path, 0, 0 };
	folio_report(c->diag, FOLIO_WARNING, loc,
		     "no font in fonts/fonts.conf has U+%04X%s; it prints as a "
		     "missing-glyph box", (unsigned)cp,
		     cp > 0xFFFF ? " (characters beyond U+FFFF cannot be embedded)" : "");
}
