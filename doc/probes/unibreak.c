/* probe: libunibreak 1.1 (UAX #14) on the strings folio breaks: a URL,
 * Indonesian reduplication and prose.  '|' marks where a break is
 * allowed (LINEBREAK_ALLOWBREAK) after a character. */
#include <linebreak.h>
#include <stdio.h>
#include <string.h>

static void show(const char *s, const char *lang)
{
	size_t n = strlen(s);
	char brks[256];
	set_linebreaks_utf8((const utf8_t *)s, n, lang, brks);
	printf("  %-4s ", lang);
	for (size_t i = 0; i < n; i++) {
		putchar(s[i]);
		if (brks[i] == LINEBREAK_ALLOWBREAK)
			putchar('|');
	}
	putchar('\n');
}

int main(void)
{
	init_linebreak();
	show("https://example.org/jurnal/pekerjaan-sosial/2024/artikel?id=17", "en");
	show("anak-anak dan kupu-kupu, 1998-2024.", "id");
	show("Pekerjaan sosial adalah profesi.", "id");
	show("\xe2\x80\x9cKutipan\xe2\x80\x9d \xe2\x80\x94 lalu", "id");
	/* U+1F44D U+1F3FD (thumbs up, medium skin tone), Unicode 9's LB30b
	 * keeps them together */
	show("ok\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd!", "en");
	return 0;
}
