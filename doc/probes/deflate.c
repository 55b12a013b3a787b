/* probe: libdeflate 1.14 at level 5 (folio's, src/backend/pdf/squeeze.c)
 * against zlib at its default level 6 on the same file (run.sh passes the
 * sample reader's sources): size, CPU time for 200 rounds, and whether
 * the bytes agree.  libdeflate takes whole buffers only: run.sh lists the
 * compression calls its header declares. */
#include <libdeflate.h>
#include <zlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int main(int argc, char **argv)
{
	FILE *f = fopen(argv[1], "rb");
	size_t cap = 16 << 20;
	char *in = malloc(cap);
	size_t n = fread(in, 1, cap, f);
	fclose(f);
	size_t bound = compressBound((uLong)n);
	unsigned char *a = malloc(bound), *b = malloc(bound);
	struct libdeflate_compressor *c = libdeflate_alloc_compressor(5);
	size_t na = 0;
	uLongf nb = 0;
	clock_t t0 = clock();
	for (int r = 0; r < 200; r++)
		na = libdeflate_zlib_compress(c, in, n, a, bound);
	clock_t t1 = clock();
	for (int r = 0; r < 200; r++) {
		nb = (uLongf)bound;
		compress2(b, &nb, (const Bytef *)in, (uLong)n, 6);
	}
	clock_t t2 = clock();
	printf("  %zu bytes in: libdeflate level 5 %zu bytes, zlib level 6 %lu bytes, same bytes: %s\n",
	       n, na, (unsigned long)nb, na == nb && memcmp(a, b, na) == 0 ? "yes" : "no");
	printf("  CPU time for 200 rounds: libdeflate %.0f ms, zlib %.0f ms\n",
	       (double)(t1 - t0) * 1000 / CLOCKS_PER_SEC, (double)(t2 - t1) * 1000 / CLOCKS_PER_SEC);
	libdeflate_free_compressor(c);
	return 0;
}
