/* probe: libharu 2.3.0 loading a damaged PNG.  Its libpng error callback
 * returns instead of leaving by longjmp, which libpng answers with
 * abort(): the whole process dies, whatever error handler the program
 * gave libharu.  (folio decodes every PNG with libpng first,
 * pixels_check_png, and only hands libharu the files that decode.) */
#include <hpdf.h>
#include <stdio.h>

static void on_error(HPDF_STATUS e, HPDF_STATUS detail, void *data)
{
	printf("  libharu error 0x%04X\n", (unsigned)e);
}

int main(int argc, char **argv)
{
	HPDF_Doc pdf = HPDF_New(on_error, NULL);
	fflush(stdout);
	HPDF_Image img = HPDF_LoadPngImageFromFile(pdf, argv[1]);
	printf("  HPDF_LoadPngImageFromFile returned %s\n", img ? "an image" : "NULL");
	HPDF_Free(pdf);
	return 0;
}
