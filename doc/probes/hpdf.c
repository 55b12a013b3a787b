/* probe: libharu 2.3.0 facts folio's PDF emitter works around.
 *   1. HPDF_Destination_SetXYZ refuses zoom 0 ("keep the zoom");
 *   2. a character beyond the BMP is written as a space;
 *   3. the XMP packet of HPDF_PDFA_SetPDFAConformance is not escaped;
 *   4. word spacing (Tw) does not move words in a UTF-8 TrueType font
 *      (tw0.pdf and tw20.pdf, compared with pdftotext -bbox by run.sh);
 *   run.sh then shows 5. the ToUnicode CMap poppler rejects, 6. no public
 *   call for TrimBox or BleedBox, 7. what one line of text costs. */
#define _GNU_SOURCE /* memmem */
#include <hpdf.h>
#include <hpdf_pdfa.h>
#include <stdio.h>
#include <string.h>

static HPDF_STATUS last_error;
static void on_error(HPDF_STATUS e, HPDF_STATUS detail, void *data)
{
	last_error = e;
}

static const char *FONT = "/usr/share/fonts/truetype/charis/CharisSIL-Regular.ttf";

static void page_with_spacing(const char *out, float tw)
{
	HPDF_Doc pdf = HPDF_New(on_error, NULL);
	HPDF_UseUTFEncodings(pdf);
	const char *name = HPDF_LoadTTFontFromFile(pdf, FONT, HPDF_TRUE);
	HPDF_Font font = HPDF_GetFont(pdf, name, "UTF-8");
	HPDF_Page page = HPDF_AddPage(pdf);
	HPDF_Page_BeginText(page);
	HPDF_Page_SetFontAndSize(page, font, 12);
	HPDF_Page_SetWordSpace(page, tw);
	HPDF_Page_TextOut(page, 50, 700, "Pekerjaan sosial");
	HPDF_Page_EndText(page);
	HPDF_SaveToFile(pdf, out);
	HPDF_Free(pdf);
}

int main(void)
{
	page_with_spacing("tw0.pdf", 0);
	page_with_spacing("tw20.pdf", 20);

	HPDF_Doc pdf = HPDF_New(on_error, NULL);
	HPDF_Page page = HPDF_AddPage(pdf);
	HPDF_Destination dst = HPDF_Page_CreateDestination(page);
	last_error = 0;
	HPDF_STATUS st = HPDF_Destination_SetXYZ(dst, 0, 700, 0);
	printf("1. SetXYZ(zoom 0) = 0x%04X, error handler got 0x%04X\n",
	       (unsigned)st, (unsigned)last_error);
	HPDF_Free(pdf);

	/* 3: U+1D400 MATHEMATICAL BOLD CAPITAL A (Charis has it) */
	pdf = HPDF_New(on_error, NULL);
	HPDF_SetCompressionMode(pdf, HPDF_COMP_NONE);
	HPDF_UseUTFEncodings(pdf);
	const char *name = HPDF_LoadTTFontFromFile(pdf, FONT, HPDF_TRUE);
	HPDF_Font font = HPDF_GetFont(pdf, name, "UTF-8");
	page = HPDF_AddPage(pdf);
	HPDF_Page_BeginText(page);
	HPDF_Page_SetFontAndSize(page, font, 12);
	HPDF_Page_TextOut(page, 50, 700, "x\xF0\x9D\x90\x80y");
	HPDF_Page_EndText(page);
	HPDF_SaveToFile(pdf, "astral.pdf");
	HPDF_Free(pdf);
	FILE *f = fopen("astral.pdf", "rb");
	static char buf[1 << 20];
	size_t n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	for (size_t i = 0; i + 3 < n; i++)
		if (memcmp(buf + i, "> Tj", 4) == 0) {
			size_t s = i;
			while (s > 0 && buf[s] != '<')
				s--;
			printf("2. \"x U+1D400 y\" in the content stream: %.*s\n",
			       (int)(i + 4 - s), buf + s);
			break;
		}

	/* 4: a title with & and < */
	pdf = HPDF_New(on_error, NULL);
	HPDF_AddPage(pdf);
	HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, "Tom & Jerry <1>");
	HPDF_PDFA_SetPDFAConformance(pdf, HPDF_PDFA_1B);
	HPDF_SetCompressionMode(pdf, HPDF_COMP_NONE);
	HPDF_SaveToFile(pdf, "pdfa.pdf");
	HPDF_Free(pdf);
	f = fopen("pdfa.pdf", "rb");
	n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	char *t = memmem(buf, n, "<dc:title>", 10);
	char *e = t ? memmem(t, n - (size_t)(t - buf), "</dc:title>", 11) : NULL;
	if (t && e)
		printf("3. the XMP's title: %.*s\n", (int)(e + 11 - t), t);
	else
		printf("3. the title is not in the XMP\n");
	return 0;
}
