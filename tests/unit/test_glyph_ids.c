/* libs: folio_pdf folio_layout folio_tree folio_util */
/*
 * test_glyph_ids: glyphs drawn by their id (LAY_GID), the way shaped
 * Arabic and math reach the PDF.
 *  - a glyph by id has the advance of the character it shows, is kept by
 *    the subset, and reads back as that character through the CMap;
 *  - a glyph no character names (an Arabic letter's medial form) is kept
 *    and has no character, so its run needs an /ActualText;
 *  - a PDF drawing "A", B by id and an unnamed form reads back, with
 *    poppler, as the characters and as a run's ActualText.
 * Skipped when the manifest's fonts or pdftotext are missing.
 */
#include "harness.h"
#include "backend/pdf/emit.h"
#include "backend/pdf/print.h"
#include "layout/fonts.h"
#include "layout/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static folio_diag *diag;

/* A glyph of the face that no character's nominal glyph is: for Naskh,
 * one of the joined forms the shaper reaches through GSUB. */
static uint32_t unnamed_glyph(lay_fonts *f, int face)
{
	uint32_t gids[64], chars[64];
	for (uint32_t from = 1; from < 4000; from += 64) {
		for (uint32_t k = 0; k < 64; k++)
			gids[k] = from + k;
		OK(fonts_glyph_chars(f, face, gids, 64, chars) == 0);
		for (uint32_t k = 0; k < 64; k++)
			if (chars[k] == 0)
				return gids[k];
	}
	return 0;
}

static void test_functions(lay_fonts *f, int serif, int naskh)
{
	uint32_t b = fonts_glyph_id(f, serif, 'B');
	OK(b != 0);
	INT_EQ(fonts_width_em1000(f, serif, LAY_GID(b)), fonts_width_em1000(f, serif, 'B'));
	uint32_t ch = 0;
	OK(fonts_glyph_chars(f, serif, &b, 1, &ch) == 0);
	INT_EQ(ch, 'B');

	uint32_t form = unnamed_glyph(f, naskh);
	OK(form != 0);
	uint32_t asked[2] = { 0x0628 /* beh */, LAY_GID(form) };
	fonts_subset s;
	OK(fonts_subset_make(f, naskh, asked, 2, &s) == 0);
	OK(s.gid[0] != 0);
	OK(s.gid[1] != 0);
	OK(s.gid[0] != s.gid[1]);
	fonts_subset_free(&s);
}

static int run(const char *cmd, char *out, size_t n)
{
	FILE *p = popen(cmd, "r");
	if (p == NULL)
		return -1;
	size_t k = fread(out, 1, n - 1, p);
	out[k] = '\0';
	return pclose(p);
}

/* pdftotext wraps right-to-left text in RLE ... PDF (U+202B, U+202C). */
static void strip_embeddings(char *s)
{
	char *w = s;
	for (const char *r = s; *r;) {
		if (strncmp(r, "\xe2\x80\xab", 3) == 0 || strncmp(r, "\xe2\x80\xac", 3) == 0) {
			r += 3;
			continue;
		}
		*w++ = *r++;
	}
	*w = '\0';
}

static void test_pdf(lay_fonts *f, int serif, int naskh)
{
	if (system("command -v pdftotext >/dev/null 2>&1") != 0) {
		fprintf(stderr, "skipped: pdftotext not here\n");
		return;
	}
	lay_glyph named[2] = { { 'A', 0 }, { LAY_GID(fonts_glyph_id(f, serif, 'B')), 8000 } };
	lay_glyph shaped[1] = { { LAY_GID(unnamed_glyph(f, naskh)), 0 } };
	lay_item items[2];
	memset(items, 0, sizeof items);
	items[0] = (lay_item){ .kind = LI_TEXT, .face = serif, .size = 12000,
			       .x = 72000, .y = 100000, .n = 2, .g = named };
	items[1] = (lay_item){ .kind = LI_TEXT, .face = naskh, .size = 12000,
			       .x = 72000, .y = 130000, .n = 1, .g = shaped,
			       .actual = "\xd8\xa8" /* beh */ };
	lay_page page = { .items = items, .nitems = 2, .label = "1" };
	lay_result res = { .width = 300000, .height = 300000, .pages = &page, .npages = 1,
			   .title = "glyph ids" };
	pdf_print print;
	memset(&print, 0, sizeof print);
	char path[] = "/tmp/test_glyph_ids_XXXXXX";
	int fd = mkstemp(path);
	OK(fd >= 0);
	close(fd);
	INT_EQ(pdf_emit(&res, f, path, path, 0, &print, diag), 0);
	char cmd[256], out[256];
	snprintf(cmd, sizeof cmd, "pdftotext -q %s - | tr -d '\\n\\f '", path);
	INT_EQ(run(cmd, out, sizeof out), 0);
	strip_embeddings(out);
	STR_EQ(out, "AB\xd8\xa8");
	unlink(path);
}

int main(void)
{
	if (access("fonts/fonts.conf", R_OK) != 0) {
		fprintf(stderr, "skipped: fonts/fonts.conf not here\n");
		return 0;
	}
	diag = folio_diag_new(NULL, NULL);
	lay_fonts *f = fonts_new(diag);
	OK(fonts_load_manifest(f, "fonts/fonts.conf") == 0);
	int serif = fonts_find(f, "DejaVu Serif", "regular");
	int naskh = fonts_find(f, "Noto Naskh Arabic", "regular");
	if (serif < 0 || naskh < 0 || fonts_open(f, serif) < 0 || fonts_open(f, naskh) < 0) {
		fprintf(stderr, "skipped: the manifest's fonts are not installed\n");
		fonts_free(f);
		folio_diag_free(diag);
		return 0;
	}
	test_functions(f, serif, naskh);
	test_pdf(f, serif, naskh);
	fonts_free(f);
	folio_diag_free(diag);
	DONE();
}
