/*
 * fonts_hb.h: the HarfBuzz objects behind a face, for the parts of the
 * layout stage that read a font file themselves (subset.c).  Nothing
 * outside src/layout/ includes it.
 */
#ifndef FOLIO_LAYOUT_FONTS_HB_H
#define FOLIO_LAYOUT_FONTS_HB_H

#include "layout/fonts.h"

#include <hb.h>

/* The opened face and its font (scale: font units), NULL for a fixed
 * test face or one that cannot be opened. */
hb_face_t *fonts_hb_face(lay_fonts *f, int face);
hb_font_t *fonts_hb_font(lay_fonts *f, int face);
/* The HarfBuzz features fonts_shape uses (hb_feature_t), for a word of
 * plain Latin (latin) or any other; for the test that compares them. */
void fonts_shape_features(int latin, const void **features, unsigned *n);
/* How many words fonts_shape has kerned through HarfBuzz and how many
 * from known pairs (kernpairs.c), for the tests. */
void fonts_shape_counts(const lay_fonts *f, unsigned *by_harfbuzz,
			unsigned *by_pairs);
/* What shape.c keeps in the font set: its cache of runs shaped whole
 * (made on first use, freed by fonts_free), the set's arena and its
 * HarfBuzz buffer. */
struct lay_memo **fonts_run_cache(lay_fonts *f);
struct folio_arena *fonts_arena(lay_fonts *f);
hb_buffer_t *fonts_hb_buffer(lay_fonts *f);
/* Where the font set reports. */
folio_diag *fonts_diag(lay_fonts *f);

#endif
