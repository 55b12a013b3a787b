/*
 * subset: a face cut down to the glyphs a document shows, and the
 * figures a PDF font descriptor needs, read from the font's own tables.
 *
 * HarfBuzz's subsetter does the cutting.  It follows composite glyphs to
 * any depth and reads component numbers as unsigned, which libharu 2.3.0
 * did not (DejaVu's polytonic Greek and WenQuanYi's Hangul lost outlines
 * in its subsets), and it writes only the glyphs kept, where libharu
 * copied the whole hmtx, loca and cmap of every font.
 */
#include "layout/fonts.h"
#include "layout/fonts_hb.h"
#include "util/strbuf.h"

#include <hb-ot.h>
#include <hb-subset.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static int per_mille(int64_t units, int upem)
{
	int64_t w = units * 1000;
	return (int)(w >= 0 ? (w + upem / 2) / upem : -((-w + upem / 2) / upem));
}

/* A table of the original face, or NULL when it is shorter than need. */
static hb_blob_t *table(hb_face_t *face, hb_tag_t tag, unsigned need,
			const unsigned char **data)
{
	hb_blob_t *b = hb_face_reference_table(face, tag);
	unsigned len = 0;
	*data = (const unsigned char *)hb_blob_get_data(b, &len);
	if (*data == NULL || len < need) {
		hb_blob_destroy(b);
		*data = NULL;
		return NULL;
	}
	return b;
}

/* The PostScript name (name ID 6), kept to the characters PDF names and
 * subset tags allow; "folio-face" when the font has none. */
static void ps_name(hb_face_t *face, char *out, size_t size)
{
	char buf[128];
	unsigned len = sizeof buf;
	unsigned n = hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME,
					 HB_LANGUAGE_INVALID, &len, buf);
	size_t o = 0;
	for (unsigned i = 0; i < n && i < sizeof buf && buf[i] && o + 1 < size; i++) {
		unsigned char c = (unsigned char)buf[i];
		if (isalnum(c) || c == '-' || c == '_')
			out[o++] = (char)c;
	}
	out[o] = '\0';
	if (o == 0)
		snprintf(out, size, "folio-face");
}

/* head's box and style, post's angle and pitch, OS/2's weight and class:
 * the descriptor's figures.  Missing tables leave the defaults. */
static void describe(hb_face_t *face, hb_font_t *font, int upem, fonts_subset *s)
{
	const unsigned char *p;
	hb_blob_t *b;
	if ((b = table(face, HB_TAG('h', 'e', 'a', 'd'), 54, &p))) {
		for (int k = 0; k < 4; k++)
			s->bbox[k] = per_mille((int16_t)be16(p + 36 + 2 * k), upem);
		s->italic = (be16(p + 44) & 2) != 0;
		hb_blob_destroy(b);
	}
	if ((b = table(face, HB_TAG('p', 'o', 's', 't'), 16, &p))) {
		int32_t angle = (int32_t)((uint32_t)be16(p + 4) << 16 | be16(p + 6));
		s->italic_angle = angle / 65536.0;
		s->fixed_pitch = be16(p + 12) != 0 || be16(p + 14) != 0;
		hb_blob_destroy(b);
	}
	int weight = 400;
	if ((b = table(face, HB_TAG('O', 'S', '/', '2'), 32, &p))) {
		weight = (int)be16(p + 4);
		unsigned cls = p[30]; /* sFamilyClass, high byte */
		s->serif = cls >= 1 && cls <= 7;
		hb_blob_destroy(b);
	}
	if (s->italic_angle != 0)
		s->italic = 1;
	/* No table records the vertical stem; this estimate from the weight
	 * class is the usual one (regular 95, bold 168). */
	if (weight < 50)
		weight = 50;
	s->stem_v = 10 + 220 * (weight - 50) / 900;
	hb_font_extents_t ext;
	hb_font_get_h_extents(font, &ext);
	s->ascent = per_mille(ext.ascender, upem);
	s->descent = per_mille(ext.descender <= 0 ? ext.descender : -ext.descender, upem);
	hb_position_t v;
	s->cap_height = hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_CAP_HEIGHT, &v)
			? per_mille(v, upem) : s->ascent;
	s->x_height = hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_X_HEIGHT, &v)
		      ? per_mille(v, upem) : s->ascent / 2;
}

/* What a PDF reader never looks at in an embedded TrueType program. */
static const hb_tag_t dropped[] = {
	HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'),
	HB_TAG('G', 'D', 'E', 'F'), HB_TAG('B', 'A', 'S', 'E'),
	HB_TAG('J', 'S', 'T', 'F'), HB_TAG('M', 'A', 'T', 'H'),
	HB_TAG('k', 'e', 'r', 'n'), HB_TAG('D', 'S', 'I', 'G'),
	HB_TAG('h', 'd', 'm', 'x'), HB_TAG('L', 'T', 'S', 'H'),
	HB_TAG('V', 'D', 'M', 'X'), HB_TAG('v', 'h', 'e', 'a'),
	HB_TAG('v', 'm', 't', 'x'), HB_TAG('V', 'O', 'R', 'G'),
	HB_TAG('S', 'T', 'A', 'T'), HB_TAG('m', 'e', 't', 'a'),
};

int fonts_subset_make(lay_fonts *f, int i, const uint32_t *cps, size_t n,
		      fonts_subset *out)
{
	memset(out, 0, sizeof *out);
	hb_face_t *face = fonts_hb_face(f, i);
	hb_font_t *font = fonts_hb_font(f, i);
	if (face == NULL || font == NULL)
		return -1; /* fonts_open has reported it */
	int upem = (int)hb_face_get_upem(face);
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	if (in == NULL)
		goto fail;
	hb_set_t *unicodes = hb_subset_input_unicode_set(in);
	hb_set_t *glyphs = hb_subset_input_glyph_set(in);
	for (size_t k = 0; k < n; k++)
		hb_set_add(LAY_IS_GID(cps[k]) ? glyphs : unicodes, LAY_GID_OF(cps[k]));
	hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	for (size_t k = 0; k < sizeof dropped / sizeof dropped[0]; k++)
		hb_set_add(drop, dropped[k]);
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NOTDEF_OUTLINE);
	hb_subset_plan_t *plan = hb_subset_plan_create_or_fail(face, in);
	hb_subset_input_destroy(in);
	if (plan == NULL)
		goto fail;
	hb_face_t *sub = hb_subset_plan_execute_or_fail(plan);
	if (sub == NULL) {
		hb_subset_plan_destroy(plan);
		goto fail;
	}
	const hb_map_t *old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan);
	out->gid = xcalloc(n ? n : 1, sizeof(uint16_t));
	for (size_t k = 0; k < n; k++) {
		hb_codepoint_t g = LAY_GID_OF(cps[k]);
		if (!LAY_IS_GID(cps[k]) && !hb_font_get_nominal_glyph(font, cps[k], &g))
			continue;
		if (g == 0)
			continue;
		hb_codepoint_t to = hb_map_get(old_to_new, g);
		out->gid[k] = to == HB_MAP_VALUE_INVALID || to > 0xFFFF ? 0 : (uint16_t)to;
	}
	hb_blob_t *blob = hb_face_reference_blob(sub);
	unsigned len = 0;
	const char *data = hb_blob_get_data(blob, &len);
	if (data && len) {
		out->data = xmalloc(len);
		memcpy(out->data, data, len);
		out->len = len;
	}
	hb_blob_destroy(blob);
	hb_face_destroy(sub);
	hb_subset_plan_destroy(plan);
	if (out->data == NULL) {
		free(out->gid);
		out->gid = NULL;
		goto fail;
	}
	ps_name(face, out->name, sizeof out->name);
	describe(face, font, upem, out);
	return 0;
fail:
	folio_report(fonts_diag(f), FOLIO_FATAL, (folio_loc){ fonts_file(f, i), 0, 0 },
		     "cannot cut %s %s down to the characters used for embedding",
		     fonts_family(f, i), fonts_style(f, i));
	return -1;
}

int fonts_glyph_chars(lay_fonts *f, int i, const uint32_t *gids, size_t n,
		      uint32_t *chars)
{
	hb_face_t *face = fonts_hb_face(f, i);
	hb_font_t *font = fonts_hb_font(f, i);
	if (face == NULL || font == NULL)
		return -1;
	/* One walk of the cmap, lowest character first, so a glyph two
	 * characters share (a space and a no-break space) reads as the
	 * plainer one. */
	hb_map_t *back = hb_map_create();
	hb_set_t *all = hb_set_create();
	hb_face_collect_unicodes(face, all);
	hb_codepoint_t cp = HB_SET_VALUE_INVALID;
	while (hb_set_next(all, &cp)) {
		hb_codepoint_t g = 0;
		if (hb_font_get_nominal_glyph(font, cp, &g) && g != 0 && !hb_map_has(back, g))
			hb_map_set(back, g, cp);
	}
	for (size_t k = 0; k < n; k++) {
		hb_codepoint_t c = hb_map_get(back, gids[k]);
		chars[k] = c == HB_MAP_VALUE_INVALID ? 0 : c;
	}
	hb_set_destroy(all);
	hb_map_destroy(back);
	return 0;
}

void fonts_subset_free(fonts_subset *s)
{
	free(s->data);
	free(s->gid);
	memset(s, 0, sizeof *s);
}
