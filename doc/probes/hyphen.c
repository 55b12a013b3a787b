/* probe: Debian 12's Indonesian patterns (hyph_id_ID.dic) through
 * libhyphen 2.8.8: Latin-1, no minimums in the file, and breaks that
 * leave a one-consonant fragment. */
#include <hyphen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void show(HyphenDict *d, const char *w, int lh, int rh)
{
	size_t n = strlen(w);
	char *h = calloc(n + 5, 1);
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	char *hw = calloc(2 * n + 5, 1);
	hnj_hyphen_hyphenate3(d, w, (int)n, h, hw, &rep, &pos, &cut, lh, rh, 0, 0);
	printf("  %-14s", w);
	for (size_t i = 0; i < n; i++) {
		putchar(w[i]);
		if (h[i] & 1 && i + 1 < n)
			putchar('=');
	}
	putchar('\n');
	free(h);
	free(hw);
	free(rep);
	free(pos);
	free(cut);
}

int main(void)
{
	const char *path = "/usr/share/hyphen/hyph_id_ID.dic";
	FILE *f = fopen(path, "r");
	char first[64] = "";
	if (f && fgets(first, sizeof first, f))
		first[strcspn(first, "\n")] = 0;
	if (f)
		fclose(f);
	printf("first line of %s: %s\n", path, first);
	HyphenDict *d = hnj_hyphen_load(path);
	printf("minimums in the file: left %d, right %d\n", d->lhmin, d->rhmin);
	printf("hyphenate3 with 2/2:\n");
	const char *words[] = { "pekerjaan", "masyarakat", "mutakhir", "bangkrut",
				"dengan", "musyawarah", "kelompok" };
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		show(d, words[i], 2, 2);
	printf("a UTF-8 word with a letter beyond ASCII:\n");
	show(d, "kaf\xc3\xa9tarian", 2, 2);
	hnj_hyphen_free(d);
	return 0;
}
