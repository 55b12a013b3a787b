/*
 * bidi.h: bidirectional text (UAX #9) for a paragraph, through GNU
 * FriBidi.  para.c asks bidi_needed() once per paragraph; only a paragraph
 * that is right to left, holds a right-to-left character or a bidi
 * control, or has an inline element that sets a direction pays for the
 * rest: embedding levels over the paragraph's logical text (bidi_levels),
 * computed before line breaking, and each line's order for display
 * (bidi_order, rule L2) when the line is placed.
 */
#ifndef FOLIO_LAYOUT_BIDI_H
#define FOLIO_LAYOUT_BIDI_H

#include "folio/tree.h"

#include <stddef.h>
#include <stdint.h>

/* 1 when text[0, len) holds a character written right to left (Hebrew,
 * Arabic, Syriac, Thaana, N'Ko... and their presentation forms) or a
 * bidi control character (LRM, RLM, ALM, LRE...PDI). */
int bidi_needed(const char *text, size_t len);

/* A piece of the paragraph's text and the innermost inline element
 * around it that sets a direction (NULL: none); the elements between it
 * and the paragraph that set one too are found through its parents. */
typedef struct bidi_piece {
	size_t start, end;
	const folio_node *dir_node;
} bidi_piece;

/* Embedding levels of text[0, len), one per byte (a character's bytes
 * share its level), in a new array the caller frees; the paragraph's
 * base direction is rtl (0 or 1).  Each direction-setting element is
 * isolated (LRI/RLI ... PDI; lro and rlo add LRO/RLO ... PDF inside), so
 * nothing in it moves text outside it, and stray controls in the text
 * act only inside this paragraph. */
unsigned char *bidi_levels(const char *text, size_t len, int rtl,
			   const bidi_piece *pieces, size_t npieces);

/* Rule L2: order[k] is the index of the item shown k-th from the left,
 * for n items of the given levels (lowest first and a line's items in
 * logical order). */
void bidi_order(const unsigned char *levels, unsigned n, unsigned *order);

/* The character that shows c at an odd (right-to-left) level: its
 * Bidi_Mirroring_Glyph ("(" for ")"), or c itself. */
uint32_t bidi_mirror(uint32_t c);

#endif
