/*
 * shape: runs shaped whole by HarfBuzz with its default features, for
 * the scripts whose letters change with their neighbours (Arabic joining
 * and lam-alef, Hebrew points, Indic conjuncts and vowel signs).
 * fonts.c shapes a word one glyph per code point, which is all Latin,
 * Greek, Cyrillic and CJK need; these runs have as many glyphs as the
 * font makes, drawn by glyph id, with their marks' offsets.
 */
#include "layout/bidi.h"
#include "layout/fonts.h"
#include "layout/fonts_hb.h"
#include "layout/memo.h"
#include "util/arena.h"
#include "util/utf8.h"

#include <hb.h>
#include <string.h>

/* A face without HarfBuzz objects (a test's fixed face, a file that
 * failed): the one-glyph-per-code-point shaping, mirrored when right to
 * left, with no glyph ids. */
static void shape_plain(lay_fonts *f, int face, const char *s, size_t len,
			int rtl, lay_shaped *out)
{
	const lay_shaped *w = fonts_shape(f, face, s, len);
	folio_arena *a = fonts_arena(f);
	out->n = w->n;
	out->upem = w->upem;
	out->cp = arena_alloc(a, (w->n + 1) * sizeof *out->cp);
	out->adv = arena_alloc(a, (w->n + 1) * sizeof *out->adv);
	for (unsigned k = 0; k < w->n; k++) {
		out->cp[k] = rtl ? bidi_mirror(w->cp[k]) : w->cp[k];
		out->adv[k] = w->adv[k];
	}
}

static void shape_whole(lay_fonts *f, hb_font_t *font, const char *s,
			size_t len, int rtl, lay_shaped *out)
{
	hb_buffer_t *b = fonts_hb_buffer(f);
	hb_buffer_clear_contents(b);
	hb_buffer_add_utf8(b, s, (int)len, 0, (int)len);
	hb_buffer_set_direction(b, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
	hb_buffer_guess_segment_properties(b);
	hb_shape(font, b, NULL, 0);
	unsigned ng = 0;
	hb_glyph_info_t *info = hb_buffer_get_glyph_infos(b, &ng);
	hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(b, &ng);
	folio_arena *a = fonts_arena(f);
	out->n = ng;
	out->upem = (int)hb_face_get_upem(hb_font_get_face(font));
	out->cp = arena_alloc(a, (ng + 1) * sizeof *out->cp);
	out->adv = arena_alloc(a, (ng + 1) * sizeof *out->adv);
	out->gid = arena_alloc(a, (ng + 1) * sizeof *out->gid);
	out->cluster = arena_alloc(a, (ng + 1) * sizeof *out->cluster);
	out->dx = arena_alloc(a, (ng + 1) * sizeof *out->dx);
	out->dy = arena_alloc(a, (ng + 1) * sizeof *out->dy);
	for (unsigned j = 0; j < ng; j++) {
		/* HarfBuzz gives a right-to-left run in display order */
		unsigned k = rtl ? ng - 1 - j : j;
		uint32_t cl = info[j].cluster < len ? info[j].cluster : 0;
		uint32_t cp = 0;
		if (len > 0)
			utf8_decode(s + cl, len - cl, &cp);
		out->cp[k] = rtl ? bidi_mirror(cp) : cp;
		out->gid[k] = info[j].codepoint;
		out->cluster[k] = cl;
		out->adv[k] = pos[j].x_advance;
		out->dx[k] = pos[j].x_offset;
		out->dy[k] = pos[j].y_offset;
	}
}

const lay_shaped *fonts_shape_run(lay_fonts *f, int face, const char *s,
				  size_t len, int rtl)
{
	lay_memo **cache = fonts_run_cache(f);
	if (*cache == NULL)
		*cache = memo_new();
	int64_t head[2] = { face, rtl };
	memo_key key = { 0 };
	key_bytes(&key, head, sizeof head);
	key_bytes(&key, s, len);
	lay_shaped *out = memo_get(*cache, key.b, key.len);
	if (out == NULL) {
		out = arena_alloc(fonts_arena(f), sizeof *out);
		hb_font_t *font = fonts_hb_font(f, face);
		if (font)
			shape_whole(f, font, s, len, rtl, out);
		else
			shape_plain(f, face, s, len, rtl, out);
		memo_put(*cache, key.b, key.len, out);
	}
	key_free(&key);
	return out;
}
