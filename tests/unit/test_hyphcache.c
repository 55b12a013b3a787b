/* libs: folio_layout folio_util */
/*
 * test_hyphcache: a dictionary read back from the cache of compiled
 * dictionaries hyphenates every word exactly as the one libhyphen built
 * (Debian's Indonesian and English dictionaries, on their own patterns'
 * letters in every order the test makes up, and on real words); a cache
 * file that does not match its dictionary, or is damaged, is refused, and
 * so is one whose checksums are right but whose states libhyphen would
 * write out of bounds with (a match longer than its state's path); an
 * empty FOLIO_CACHE_DIR turns the cache off.  Skipped for a dictionary
 * that is not installed.
 */
#include "harness.h"
#include "layout/hyphcache.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *words[] = {
	"pekerjaan", "kesejahteraan", "pemberdayaan", "keberfungsian",
	"masyarakat", "rehabilitasi", "musyawarah", "pengorganisasian",
	"komunitas", "profesional", "internasional", "berkelanjutan",
	"hyphenation", "understanding", "communities", "professional",
	"organization", "administration", "relationship", "development",
	"accountability", "empowerment", "supervision", "intervention",
};

/* The breaks libhyphen gives word in dict, as a string of '0'/'1'. */
static void breaks(HyphenDict *dict, const char *word, char *out, size_t size)
{
	size_t n = strlen(word);
	char *hyphens = calloc(n + 5, 1);
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	hnj_hyphen_hyphenate3(dict, word, (int)n, hyphens, NULL, &rep, &pos, &cut,
			      2, 2, 2, 2);
	size_t k = 0;
	for (; k < n && k + 1 < size; k++)
		out[k] = (hyphens[k] & 1) ? '1' : '0';
	out[k] = '\0';
	if (rep) {
		for (size_t i = 0; i < n; i++)
			free(rep[i]);
		free(rep);
		free(pos);
		free(cut);
	}
	free(hyphens);
}

/* Words made of the dictionary's own letters, so that every level and
 * fallback of the state machine is walked. */
static void compare(HyphenDict *a, HyphenDict *b, const char *name)
{
	char wa[128], wb[128];
	int differ = 0;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		breaks(a, words[i], wa, sizeof wa);
		breaks(b, words[i], wb, sizeof wb);
		differ += strcmp(wa, wb) != 0;
	}
	const char letters[] = "aeioubcdghklmnprstwyjfqvxz";
	unsigned seed = 12345;
	for (int i = 0; i < 20000; i++) {
		char w[16];
		harness_word(&seed, letters, 4, 10, w);
		breaks(a, w, wa, sizeof wa);
		breaks(b, w, wb, sizeof wb);
		differ += strcmp(wa, wb) != 0;
	}
	if (differ)
		fprintf(stderr, "%s: %d words hyphenate differently\n", name, differ);
	INT_EQ(differ, 0);
}

static void test_dict(const char *path)
{
	if (access(path, R_OK) != 0) {
		fprintf(stderr, "skipped: %s missing\n", path);
		return;
	}
	OK(hyphcache_load(path) == NULL); /* an empty cache */
	HyphenDict *built = hnj_hyphen_load(path);
	OK(built != NULL);
	if (built == NULL)
		return;
	hyphcache_store(path, built);
	HyphenDict *back = hyphcache_load(path);
	OK(back != NULL);
	if (back) {
		compare(built, back, path);
		hyphcache_free(back);
	}
	/* a well-formed file with a state no libhyphen builds: a match
	 * longer than the path to its state */
	int victim = built->states[0].num_trans ? built->states[0].trans[0].new_state : -1;
	OK(victim > 0);
	if (victim > 0) {
		char *saved = built->states[victim].match;
		char longer[] = "0000000009";
		built->states[victim].match = longer;
		hyphcache_store(path, built);
		OK(hyphcache_load(path) == NULL);
		built->states[victim].match = saved;
		hyphcache_store(path, built);
		HyphenDict *again = hyphcache_load(path);
		OK(again != NULL);
		if (again)
			hyphcache_free(again);
	}
	/* damage the cache file: it is refused, not half read */
	FILE *fp = fopen(path, "rb");
	fseek(fp, 0, SEEK_END);
	long n = ftell(fp);
	rewind(fp);
	unsigned char *data = malloc((size_t)n);
	OK(fread(data, 1, (size_t)n, fp) == (size_t)n);
	fclose(fp);
	char *file = hyphcache_file(path, data, (size_t)n);
	free(data);
	OK(file != NULL);
	fp = fopen(file, "r+b");
	OK(fp != NULL);
	if (fp) {
		fseek(fp, 200, SEEK_SET);
		int c = fgetc(fp);
		fseek(fp, 200, SEEK_SET);
		fputc(c ^ 0x55, fp);
		fclose(fp);
		OK(hyphcache_load(path) == NULL);
		/* cut short */
		OK(truncate(file, 100) == 0);
		OK(hyphcache_load(path) == NULL);
	}
	free(file);
	hnj_hyphen_free(built);
}

int main(void)
{
	char dir[] = "/tmp/test_hyphcache.XXXXXX";
	OK(mkdtemp(dir) != NULL);
	char sub[64];
	snprintf(sub, sizeof sub, "%s/cache", dir);
	setenv("FOLIO_CACHE_DIR", sub, 1);
	test_dict("/usr/share/hyphen/hyph_id_ID.dic");
	test_dict("/usr/share/hyphen/hyph_en_US.dic");
	/* turned off: no file name, nothing read */
	setenv("FOLIO_CACHE_DIR", "", 1);
	OK(hyphcache_file("/usr/share/hyphen/hyph_id_ID.dic", (const unsigned char *)"x", 1) == NULL);
	OK(hyphcache_load("/usr/share/hyphen/hyph_id_ID.dic") == NULL);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	OK(system(cmd) == 0);
	DONE();
}
