/* probe: libzip 1.7.3 turns zip_file_set_mtime's time_t into a DOS date
 * through local time, so the bytes of an archive depend on TZ (run.sh
 * writes the same archive under two time zones and compares). */
#include <zip.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	int err;
	zip_t *z = zip_open(argv[1], ZIP_CREATE | ZIP_TRUNCATE, &err);
	static const char text[] = "application/epub+zip";
	zip_source_t *s = zip_source_buffer(z, text, sizeof text - 1, 0);
	zip_int64_t i = zip_file_add(z, "mimetype", s, ZIP_FL_ENC_UTF_8);
	zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_STORE, 0);
	zip_file_set_mtime(z, (zip_uint64_t)i, 1704164645, 0); /* 2024-01-02 03:04:05 UTC */
	return zip_close(z) == 0 ? 0 : 1;
}
