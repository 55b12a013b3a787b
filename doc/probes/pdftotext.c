/* pdftotext: a PDF (libharu, a standard font) with two lines, "buku-" and
 * "buku", and two more, "kese-" and "jahteraan", for pdftotext to read. */
#include <hpdf.h>

int main(void)
{
	HPDF_Doc pdf = HPDF_New(NULL, NULL);
	HPDF_Page page = HPDF_AddPage(pdf);
	HPDF_Page_SetFontAndSize(page, HPDF_GetFont(pdf, "Helvetica", NULL), 12);
	const char *lines[] = { "ada buku-", "buku di meja", "untuk kese-", "jahteraan sosial" };
	for (int i = 0; i < 4; i++) {
		HPDF_Page_BeginText(page);
		HPDF_Page_TextOut(page, 72, 700 - 14 * i, lines[i]);
		HPDF_Page_EndText(page);
	}
	HPDF_SaveToFile(pdf, "hyphens.pdf");
	HPDF_Free(pdf);
	return 0;
}
