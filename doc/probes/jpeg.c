/* probe: libjpeg-turbo 2.1.5 (libjpeg 6.2 API) with its default error
 * manager on a file that is not a JPEG: jpeg_std_error's error_exit
 * prints to stderr and calls exit(), so a library user must install its
 * own error_exit (folio's pixels.c longjmps back) or lose the process. */
#include <stdio.h>
#include <jpeglib.h>

int main(int argc, char **argv)
{
	FILE *f = fopen(argv[1], "rb");
	struct jpeg_decompress_struct d;
	struct jpeg_error_mgr err;
	d.err = jpeg_std_error(&err);
	jpeg_create_decompress(&d);
	jpeg_stdio_src(&d, f);
	jpeg_read_header(&d, TRUE);
	printf("  jpeg_read_header returned (never printed on a bad file)\n");
	return 0;
}
