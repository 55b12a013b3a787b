/*
 * kernpairs.h: kerning of plain Latin words from the pairs of glyphs
 * HarfBuzz has already kerned (see kernpairs.c).
 */
#ifndef FOLIO_LAYOUT_KERNPAIRS_H
#define FOLIO_LAYOUT_KERNPAIRS_H

#include <hb.h>
#include <stdint.h>

typedef struct kern_pairs kern_pairs;

/* A table for one shape plan of the face, or NULL when what the plan does
 * to a word is not the sum of what it does to each pair of neighbours
 * (substitutions, contextual or cursive positioning, a value on the second
 * glyph of a pair, AAT tables, a legacy kern table HarfBuzz would read). */
kern_pairs *kern_pairs_new(hb_face_t *face, hb_shape_plan_t *plan);
void kern_pairs_free(kern_pairs *t);

/* The kerning HarfBuzz gave glyph a before glyph b, in font units:
 * 1 when the pair is known, 0 when not. */
int kern_pairs_get(const kern_pairs *t, uint32_t a, uint32_t b, int32_t *adj);
/* Records what a shaped word showed for a pair.  Returns -1 when it
 * contradicts what was recorded before: the plan is then not pairwise
 * after all and the caller stops using the table. */
int kern_pairs_put(kern_pairs *t, uint32_t a, uint32_t b, int32_t adj);

/* Exposed for the unit test: whether the face's GPOS lookups listed are
 * all pair adjustments of the first glyph only. */
int kern_pairs_lookups_pairwise(hb_face_t *face, const hb_set_t *lookups);

#endif
