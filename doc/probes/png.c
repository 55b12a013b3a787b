/* probe: libpng 1.6.39's simplified API (png_image) on a PNG cut short:
 * the failure comes back as a message in the image struct, nothing is
 * printed and the process goes on. */
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	png_image img;
	memset(&img, 0, sizeof img);
	img.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_file(&img, argv[1])) {
		printf("  begin_read failed: \"%s\"\n", img.message);
		return 0;
	}
	printf("  header: %ux%u\n", img.width, img.height);
	img.format = PNG_FORMAT_RGBA;
	void *buf = malloc(PNG_IMAGE_SIZE(img));
	int ok = png_image_finish_read(&img, NULL, buf, 0, NULL);
	printf("  finish_read %s: \"%s\"\n", ok ? "succeeded" : "failed", img.message);
	free(buf);
	png_image_free(&img);
	return 0;
}
