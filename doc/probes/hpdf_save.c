/* hpdf_save: HPDF_SaveToFile onto a full disk (/dev/full): a small PDF,
 * whose bytes all sit in stdio's buffer until fclose, and a large one. */
#include <hpdf.h>
#include <stdio.h>

static void on_error(HPDF_STATUS e, HPDF_STATUS d, void *u)
{
	(void)u;
	printf("  error handler: 0x%04lx, detail %lu\n", (unsigned long)e, (unsigned long)d);
}

static void save(int pages)
{
	HPDF_Doc pdf = HPDF_New(on_error, NULL);
	HPDF_SetCompressionMode(pdf, HPDF_COMP_NONE);
	for (int i = 0; i < pages; i++)
		HPDF_AddPage(pdf);
	HPDF_STATUS st = HPDF_SaveToFile(pdf, "/dev/full");
	printf("  %d page(s) to /dev/full: HPDF_SaveToFile = 0x%04lx\n", pages, (unsigned long)st);
	HPDF_Free(pdf);
}

int main(void)
{
	save(1);
	save(2000);
	return 0;
}
