/* Probe fribidi: embedding levels of a few paragraphs (one digit per
 * character), as folio asks for them (layout/bidi.c): an Arabic phrase
 * with a number in Indonesian, brackets, an isolate folio puts in, stray
 * controls; and the mirror of a bracket. */
#include <fribidi.h>
#include <stdio.h>
#include <string.h>

static void show(const char *label, const char *utf8, FriBidiParType base)
{
	FriBidiChar s[256];
	FriBidiStrIndex n = fribidi_charset_to_unicode(FRIBIDI_CHAR_SET_UTF8, utf8,
						       (FriBidiStrIndex)strlen(utf8), s);
	FriBidiCharType t[256];
	FriBidiBracketType br[256];
	FriBidiLevel lv[256];
	fribidi_get_bidi_types(s, n, t);
	fribidi_get_bracket_types(s, n, t, br);
	FriBidiLevel max = fribidi_get_par_embedding_levels_ex(t, br, n, &base, lv);
	printf("  %-26s max %d, levels ", label, (int)max - 1);
	for (FriBidiStrIndex i = 0; i < n; i++)
		putchar('0' + lv[i] % 10);
	putchar('\n');
}

int main(void)
{
	printf("  fribidi %s\n", FRIBIDI_VERSION);
	show("id: kata ABC 12 DEF.", "kata \xd8\xa7\xd8\xa8\xd8\xaa 12 \xd8\xab\xd8\xac\xd8\xad.", FRIBIDI_PAR_LTR);
	show("ar base: ABC (x) 3", "\xd8\xa7\xd8\xa8\xd8\xaa (x) 3", FRIBIDI_PAR_RTL);
	show("id + RLI ab PDI + c", "x \xe2\x81\xa7" "ab\xe2\x81\xa9 c", FRIBIDI_PAR_LTR);
	show("stray RLO, no PDF", "a \xe2\x80\xae" "bc", FRIBIDI_PAR_LTR);
	show("stray PDI", "a\xe2\x81\xa9" "b", FRIBIDI_PAR_LTR);
	char deep[1000] = "";
	for (int i = 0; i < 130; i++)
		strcat(deep, "\xe2\x80\xab");
	strcat(deep, "a");
	show("130 RLEs then a", deep, FRIBIDI_PAR_LTR);
	FriBidiChar m = 0, q = 0;
	fribidi_get_mirror_char('(', &m);
	fribidi_get_mirror_char(0xAB, &q);
	printf("  mirror of '(': '%c'; of U+00AB: U+%04X\n", (char)m, (unsigned)q);
	return 0;
}
