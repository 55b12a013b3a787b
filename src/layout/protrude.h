/*
 * protrude.h: character protrusion (optical margin alignment; doc/styles.md,
 * "protrusion").  Punctuation at the edge of a justified line looks like a
 * dent in the margin: hyphens, dashes, full stops, commas, quotation marks
 * and parentheses hang out into it by a share of their own width, so the
 * edges look straight.  The amounts are data (protrude.c's table, with the
 * families that differ); para.c gives them to the breaker, which lets a
 * line that begins or ends with such a character be that much wider.
 * tests/tools/geometry.py and typo.py allow exactly these characters past
 * the text block, by at most the share of an em their tables say.
 */
#ifndef FOLIO_LAYOUT_PROTRUDE_H
#define FOLIO_LAYOUT_PROTRUDE_H

#include <stdint.h>

/* 1 when glyphs of family hang out at all (a monospaced face keeps its
 * columns); callers ask once per face. */
int protrude_family(const char *family);
/* Thousandths of the glyph's advance that cp hangs out past the left
 * (starting a line) or right edge (ending one), in a family that hangs. */
int protrude_left(uint32_t cp);
int protrude_right(uint32_t cp);

#endif
