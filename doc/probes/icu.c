/* probe: ICU 72 collation for a back-of-book list in Indonesian.  The
 * same words sorted by the id_ID collator as it comes, and with
 * alternate=shifted (spaces and punctuation ignored at the first three
 * levels), which is what folio sets (src/resolve/collate.c). */
#include <unicode/ucol.h>
#include <unicode/ustring.h>
#include <stdio.h>
#include <stdlib.h>

static const char *words[] = { "kupu-kupu", "kupas", "kupu kecil", "\"kutipan\"",
			       "kuota", "Kupang", "(kurva)" };
enum { N = sizeof words / sizeof *words };
static UCollator *coll;

static int cmp(const void *a, const void *b)
{
	UErrorCode e = U_ZERO_ERROR;
	return ucol_strcollUTF8(coll, *(const char *const *)a, -1,
				*(const char *const *)b, -1, &e);
}

static void sorted(const char *what)
{
	const char *v[N];
	for (int i = 0; i < N; i++)
		v[i] = words[i];
	qsort(v, N, sizeof *v, cmp);
	printf("  %-22s", what);
	for (int i = 0; i < N; i++)
		printf(" %s%s", v[i], i + 1 < N ? " <" : "\n");
}

int main(void)
{
	UErrorCode e = U_ZERO_ERROR;
	coll = ucol_open("id_ID", &e);
	printf("ICU %s, id_ID collator: %s\n", U_ICU_VERSION, u_errorName(e));
	sorted("as it comes:");
	ucol_setAttribute(coll, UCOL_ALTERNATE_HANDLING, UCOL_SHIFTED, &e);
	sorted("alternate=shifted:");
	ucol_close(coll);
	return 0;
}
