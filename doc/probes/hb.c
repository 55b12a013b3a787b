/* probe: what HarfBuzz 6.0 gives folio for kerning.  "AV", "To" and
 * "Wa" shaped with kerning only (no ligatures), in Charis SIL 6.101 and
 * DejaVu Serif: the adjustment each pair gets, in font units.  And what
 * one hb_shape() of a short word costs (CPU time), the reason folio keeps
 * the pairs it has learnt (src/layout/kernpairs.c). */
#include <hb.h>
#include <hb-ot.h>
#include <stdio.h>
#include <time.h>

static void pairs(const char *path)
{
	hb_blob_t *blob = hb_blob_create_from_file(path);
	hb_face_t *face = hb_face_create(blob, 0);
	hb_font_t *font = hb_font_create(face);
	hb_feature_t off[] = {
		{ HB_TAG('l', 'i', 'g', 'a'), 0, 0, (unsigned)-1 },
		{ HB_TAG('k', 'e', 'r', 'n'), 1, 0, (unsigned)-1 },
	};
	printf("  %s (upem %u, GPOS %s, kern table %s):", path, hb_face_get_upem(face),
	       hb_ot_layout_has_positioning(face) ? "yes" : "no",
	       hb_blob_get_length(hb_face_reference_table(face, HB_TAG('k', 'e', 'r', 'n'))) ? "yes" : "no");
	const char *words[] = { "AV", "To", "Wa" };
	for (int w = 0; w < 3; w++) {
		hb_buffer_t *b = hb_buffer_create();
		hb_buffer_add_utf8(b, words[w], -1, 0, -1);
		hb_buffer_guess_segment_properties(b);
		hb_shape(font, b, off, 2);
		unsigned n;
		hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(b, &n);
		hb_glyph_info_t *inf = hb_buffer_get_glyph_infos(b, &n);
		hb_position_t nominal = hb_font_get_glyph_h_advance(font, inf[0].codepoint);
		printf(" %s %+d", words[w], pos[0].x_advance - nominal);
		hb_buffer_destroy(b);
	}
	printf("\n");
	hb_font_destroy(font);
	hb_face_destroy(face);
	hb_blob_destroy(blob);
}

int main(void)
{
	printf("kerning of the first glyph of each pair:\n");
	pairs("/usr/share/fonts/truetype/charis/CharisSIL-Regular.ttf");
	pairs("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf");
	pairs("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf");

	hb_blob_t *blob = hb_blob_create_from_file("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf");
	hb_face_t *face = hb_face_create(blob, 0);
	hb_font_t *font = hb_font_create(face);
	hb_buffer_t *b = hb_buffer_create();
	enum { N = 200000 };
	clock_t t0 = clock();
	for (int i = 0; i < N; i++) {
		hb_buffer_clear_contents(b);
		hb_buffer_add_utf8(b, "pekerjaan", -1, 0, -1);
		hb_buffer_guess_segment_properties(b);
		hb_shape(font, b, NULL, 0);
	}
	double us = (double)(clock() - t0) / CLOCKS_PER_SEC * 1e6 / N;
	printf("hb_shape of \"pekerjaan\" in Noto Sans: %.2f us of CPU a call\n", us);
	hb_buffer_destroy(b);
	hb_font_destroy(font);
	hb_face_destroy(face);
	hb_blob_destroy(blob);
	return 0;
}
