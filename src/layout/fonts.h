/*
 * fonts.h: the fonts layout measures with, and the manifest that names them.
 *
 * A font set holds every face the manifest (fonts/fonts.conf) lists, by
 * family and style; a face's file is opened only when something asks for it,
 * so fallback fonts cost nothing until a character needs them.  Metrics are
 * folio's own: advances and kerning come from the font file through
 * HarfBuzz (GPOS or kern, ligatures off because the PDF emitter can only
 * show a character's nominal glyph), never from libharu's truncated widths.
 *
 * Tests add "fixed" faces instead, whose every glyph has the same advance,
 * so line-breaking results do not depend on a font file.
 */
#ifndef FOLIO_LAYOUT_FONTS_H
#define FOLIO_LAYOUT_FONTS_H

#include "folio/diag.h"
#include "layout/lay.h"

typedef struct lay_fonts lay_fonts;

/* One shaped piece of text: a glyph per code point, in logical order. */
typedef struct lay_shaped {
	unsigned n;
	uint32_t *cp;  /* the code points (what the PDF shows) */
	int32_t *adv;  /* advance of each, in font units, kerning with the
			  next glyph included */
	int upem;      /* font units per em */
} lay_shaped;

lay_fonts *fonts_new(folio_diag *diag);
void fonts_free(lay_fonts *f);

/* Reads a manifest: "face FAMILY | STYLE | FILE[#INDEX] | PACKAGE | LICENCE"
 * (the last two may be left out) and
 * "fallback FAMILY" lines.  Relative files are taken from the manifest's
 * folder.  Returns -1 after a FOLIO_FATAL when the manifest is unreadable. */
int fonts_load_manifest(lay_fonts *f, const char *path);
/* Adds a face with fixed metrics: every glyph advance units of 1000/em,
 * ascent 800, descent 200; every code point but U+FFFF present. */
int fonts_add_fixed(lay_fonts *f, const char *family, const char *style,
		    int advance);

/* The face for family and style ("regular", "italic", "bold",
 * "bolditalic"); falls back to the family's regular, then -1. */
int fonts_find(const lay_fonts *f, const char *family, const char *style);
/* Opens a face's file (once).  Returns -1 after a FOLIO_FATAL naming the
 * file when it is missing or not a font. */
int fonts_open(lay_fonts *f, int face);
int fonts_count(const lay_fonts *f);
const char *fonts_family(const lay_fonts *f, int face);
const char *fonts_style(const lay_fonts *f, int face);
const char *fonts_file(const lay_fonts *f, int face);
int fonts_file_index(const lay_fonts *f, int face); /* in a .ttc */
const char *fonts_package(const lay_fonts *f, int face); /* or NULL */
const char *fonts_licence(const lay_fonts *f, int face); /* or NULL */
int fonts_is_fixed(const lay_fonts *f, int face);

int fonts_has_glyph(lay_fonts *f, int face, uint32_t cp);
/* The face that can show cp: face itself, else the first fallback family
 * (same style when it has one) that has it; -1 when none does. */
int fonts_cover(lay_fonts *f, int face, uint32_t cp);

/* Shapes UTF-8 text in one face (cached per face and text). */
const lay_shaped *fonts_shape(lay_fonts *f, int face, const char *s,
			      size_t len);
/* One code point's nominal advance at size. */
fx fonts_advance(lay_fonts *f, int face, uint32_t cp, fx size);

/* For embedding: a face cut down to the code points a document shows. */
typedef struct fonts_subset {
	unsigned char *data; /* a TrueType font file */
	size_t len;
	uint16_t *gid;       /* per code point asked: its glyph in data, 0 none */
	char name[64];       /* the PostScript name: letters, digits, '-', '_' */
	/* what a PDF font descriptor says of it, in 1/1000 em */
	int bbox[4];         /* xmin, ymin, xmax, ymax */
	int ascent, descent; /* descent negative */
	int cap_height, x_height, stem_v;
	double italic_angle; /* degrees, negative leans right */
	int fixed_pitch, italic, serif;
} fonts_subset;

/* Cuts face down to the glyphs of cps[0..n) and every glyph they are
 * made of (composites of composites, components above glyph 32767),
 * dropping the tables a PDF reader does not use (layout, kerning,
 * Graphite).  An entry may be LAY_GID(id), a glyph kept by its id.
 * Returns -1 after a FOLIO_FATAL naming the file.  Code points the face
 * has no glyph for get gid 0. */
int fonts_subset_make(lay_fonts *f, int face, const uint32_t *cps, size_t n,
		      fonts_subset *out);
void fonts_subset_free(fonts_subset *s);
/* cp's nominal advance (or LAY_GID(id)'s advance) in 1/1000 em, rounded
 * to the nearest: the width an embedded font's /W array gives it. */
int fonts_width_em1000(lay_fonts *f, int face, uint32_t cp);
/* For each glyph id of gids[0..n), a character whose nominal glyph it is
 * in face (the lowest such), or 0 when none is: what a ToUnicode CMap
 * can say of a glyph drawn by its id.  Returns -1 when the face cannot
 * be opened. */
int fonts_glyph_chars(lay_fonts *f, int face, const uint32_t *gids, size_t n,
		      uint32_t *chars);
/* The glyph that shows cp in face (0: none). */
uint32_t fonts_glyph_id(lay_fonts *f, int face, uint32_t cp);

/* Font units to mpt at size. */
static inline fx fonts_scale(int32_t units, int upem, fx size)
{
	return fx_muldiv(units, size, upem);
}

#endif
