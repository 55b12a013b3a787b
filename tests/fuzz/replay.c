/*
 * replay: a main() for fuzz targets built without libFuzzer.  It runs the
 * target on every file named on the command line (the seed corpus and the
 * crashes kept as regression cases), then on RUNS byte-level mutations of
 * them, so `make test` exercises every target briefly with any compiler.
 * A count, not a time budget: the same inputs on every run, however busy
 * the machine.  The real fuzzing runs with clang: `make fuzz`.
 *
 * usage: replay RUNS FILE...
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static unsigned char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	size_t cap = 4096, n = 0;
	unsigned char *buf = malloc(cap);
	size_t got;
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap)
			buf = realloc(buf, cap *= 2);
	}
	fclose(f);
	*len = n;
	return buf;
}

/* xorshift: a fixed seed, so a smoke run is reproducible. */
static uint64_t next_random(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static void mutate(unsigned char *buf, size_t *len, size_t cap, uint64_t *seed)
{
	unsigned edits = 1 + next_random(seed) % 8;
	static const char *tokens[] = { "<", ">", "</", "&", ";", "\"", "<para>",
		"</para>", "xml:id=\"a\"", "linkend=\"a\"", "<xi:include href=\"x\"/>",
		"<!ENTITY e \"&e;\">", "\xff", "\xc3", "<citation>", "<glossterm>" };
	for (unsigned e = 0; e < edits && *len > 0; e++) {
		size_t at = next_random(seed) % *len;
		switch (next_random(seed) % 4) {
		case 0: /* flip a byte */
			buf[at] ^= (unsigned char)(1u << (next_random(seed) % 8));
			break;
		case 1: /* delete a run */
			{
				size_t n = 1 + next_random(seed) % 16;
				if (at + n > *len)
					n = *len - at;
				memmove(buf + at, buf + at + n, *len - at - n);
				*len -= n;
			}
			break;
		default: /* insert a token */
			{
				const char *t = tokens[next_random(seed) % (sizeof tokens / sizeof *tokens)];
				size_t n = strlen(t);
				if (*len + n > cap)
					break;
				memmove(buf + at + n, buf + at, *len - at);
				memcpy(buf + at, t, n);
				*len += n;
			}
			break;
		}
	}
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: replay RUNS FILE...\n");
		return 2;
	}
	char *end;
	unsigned long long mutations = strtoull(argv[1], &end, 10);
	if (*argv[1] == '\0' || *end != '\0') {
		fprintf(stderr, "replay: RUNS must be a count, not '%s'\n", argv[1]);
		return 2;
	}
	int files = argc - 2;
	size_t runs = 0;
	for (int i = 2; i < argc; i++) {
		size_t len;
		unsigned char *buf = slurp(argv[i], &len);
		if (buf == NULL) {
			fprintf(stderr, "replay: cannot read %s\n", argv[i]);
			return 2;
		}
		LLVMFuzzerTestOneInput(buf, len);
		runs++;
		free(buf);
	}
	uint64_t seed = 0x9E3779B97F4A7C15ull;
	for (unsigned long long m = 0; m < mutations; m++) {
		size_t len;
		unsigned char *orig = slurp(argv[2 + next_random(&seed) % (uint64_t)files], &len);
		size_t cap = len + 4096;
		unsigned char *buf = malloc(cap);
		memcpy(buf, orig, len);
		free(orig);
		mutate(buf, &len, cap, &seed);
		LLVMFuzzerTestOneInput(buf, len);
		free(buf);
		runs++;
	}
	printf("replay: %zu inputs, no crash\n", runs);
	return 0;
}
