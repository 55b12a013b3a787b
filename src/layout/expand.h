/*
 * expand.h: font expansion, the arithmetic of it (doc/styles.md,
 * "expansion").  A justified line may widen or narrow its glyphs by up to
 * the style's limit, in steps, so that its word spaces stay near their
 * natural width: the breaker (linebreak.c) counts the glyphs' flexibility
 * first, para.c's make_line picks each line's scale here and gives its
 * glue the rest.  Scales are in ten-thousandths (10000: the font's own
 * widths), as lay_item.hscale carries them to the PDF (Tz).
 */
#ifndef FOLIO_LAYOUT_EXPAND_H
#define FOLIO_LAYOUT_EXPAND_H

#include "layout/lay.h"

#define EXPAND_UNIT 10000 /* scale of the font's own widths */

/* How far glyphs of natural width may widen or narrow at limit. */
static inline fx expand_flex(fx width, int limit)
{
	if (limit <= 0 || width <= 0)
		return 0;
	return (fx)((int64_t)width * limit / EXPAND_UNIT);
}
/* The scale of a line whose expandable glyphs are expandable wide and
 * which lacks excess (> 0) or has -excess too much: as near as the steps
 * allow to filling it with the glyphs alone, never beyond limit.  step 0:
 * any scale. */
int expand_scale(fx excess, fx expandable, int limit, int step);
/* A width at a scale, rounded to the nearest unit (inline: every glyph
 * of an expanded line asks). */
static inline fx expand_width(int64_t width, int scale)
{
	int64_t v = width * scale;
	return (fx)(v >= 0 ? (v + EXPAND_UNIT / 2) / EXPAND_UNIT
			   : -((-v + EXPAND_UNIT / 2) / EXPAND_UNIT));
}

#endif
