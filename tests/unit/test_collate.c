/* libs: folio_resolve folio_tree folio_util */
/*
 * test_collate: the order of glossary and index entries in Indonesian and
 * English (accents, case, punctuation, reduplicated words, sortas-style
 * keys), letter-group headings, and determinism of the sort.
 */
#include "harness.h"
#include "resolve/collate.h"
#include "folio/lang.h"

#include <stdlib.h>

static collator *sort_ctx;

static int by_collation(const void *a, const void *b)
{
	return collate_cmp(sort_ctx, *(const char *const *)a,
			   *(const char *const *)b);
}

/* Sorts words and returns them joined by " | " (static buffer). */
static const char *sorted(collator *c, const char **words, size_t n)
{
	static char out[2048];
	sort_ctx = c;
	qsort(words, n, sizeof(*words), by_collation);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(out, " | ");
		strcat(out, words[i]);
	}
	return out;
}

/* The collation each language table names (its icu_locale): pinyin for
 * Simplified Chinese, strokes for Traditional, the syllabary orders of
 * Japanese and Korean, German and Portuguese accents as secondary. */
static void test_table_locales(void)
{
	struct { const char *lang; const char *words[4]; const char *want; } cases[] = {
		{ "zh", { "中国", "阿姨", "北京", NULL }, "阿姨 | 北京 | 中国" },
		{ "zh-TW", { "阿姨", "北京", "中國", NULL }, "中國 | 北京 | 阿姨" },
		{ "ja", { "さくら", "あめ", "かさ", NULL }, "あめ | かさ | さくら" },
		{ "ko", { "하늘", "나무", "가을", NULL }, "가을 | 나무 | 하늘" },
		{ "de", { "Mumm", "M\u00fcller", "Mull", NULL }, "Mull | M\u00fcller | Mumm" },
		{ "pt-BR", { "adeus", "a\u00e7\u00facar", "abelha", NULL },
		  "abelha | a\u00e7\u00facar | adeus" },
		{ "it", { "zucca", "\u00e8poca", "erba", NULL }, "\u00e8poca | erba | zucca" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		collator *c = collate_new(folio_lang_get(cases[i].lang)->icu_locale);
		STR_EQ(sorted(c, cases[i].words, 3), cases[i].want);
		collate_free(c);
	}
}

static void test_indonesian(void)
{
	collator *c = collate_new("id_ID");
	const char *words[] = {
		"lembaga", "kupu-kupu", "Kupang", "kupon", "\"kutipan\"",
		"anak-anak", "Anak", "abdi", "ékonomi", "ekologi", "zakat",
		"(rujukan)", "rumah", "kupukupu", "Advokasi",
	};
	STR_EQ(sorted(c, words, sizeof words / sizeof words[0]),
	       "abdi | Advokasi | Anak | anak-anak | ekologi | ékonomi | "
	       "Kupang | kupon | kupu-kupu | kupukupu | \"kutipan\" | "
	       "lembaga | (rujukan) | rumah | zakat");
	/* "kupu-kupu" and "kupukupu" differ only in the ignored hyphen */
	OK(collate_same_primary(c, "kupu-kupu", "Kupukupu"));
	OK(collate_same_primary(c, "ékonomi", "Ekonomi"));
	OK(!collate_same_primary(c, "kupu", "kupon"));
	collate_free(c);
}

static void test_english(void)
{
	collator *c = collate_new("en_US");
	const char *words[] = {
		"résumé", "resume", "Resume", "role-play", "roleplay", "Rôle",
		"co-operation", "cooperation", "Zastrow", "'t Hooft",
		"Æsop", "apple", "10 rules", "2 rules", "#hashtag", "+plus",
	};
	STR_EQ(sorted(c, words, sizeof words / sizeof words[0]),
	       "+plus | 2 rules | 10 rules | Æsop | apple | co-operation | "
	       "cooperation | #hashtag | resume | Resume | résumé | Rôle | "
	       "role-play | roleplay | 't Hooft | Zastrow");
	collate_free(c);
}

static void test_groups(void)
{
	collator *c = collate_new("id_ID");
	char g[16];
	OK(collate_group(c, "ékonomi", g, sizeof g));
	STR_EQ(g, "E");
	OK(collate_group(c, "\"kutipan\"", g, sizeof g));
	STR_EQ(g, "K");
	OK(collate_group(c, "(rujukan)", g, sizeof g));
	STR_EQ(g, "R");
	OK(collate_group(c, "zakat", g, sizeof g));
	STR_EQ(g, "Z");
	INT_EQ(collate_group(c, "10 rules", g, sizeof g), 0);
	STR_EQ(g, "");
	/* '#' is punctuation, ignored like a leading quote; '+' is a symbol */
	OK(collate_group(c, "#tag", g, sizeof g));
	STR_EQ(g, "T");
	INT_EQ(collate_group(c, "+plus", g, sizeof g), 0);
	INT_EQ(collate_group(c, "", g, sizeof g), 0);
	collate_free(c);
}

static void test_deterministic(void)
{
	collator *c = collate_new("id_ID");
	/* equal at every level but bytes: still a strict, repeatable order */
	OK(collate_cmp(c, "a b", "a-b") != 0);
	OK((collate_cmp(c, "a b", "a-b") < 0) == (collate_cmp(c, "a-b", "a b") > 0));
	INT_EQ(collate_cmp(c, "sama", "sama"), 0);
	/* cached keys are stable */
	const char *k1 = collate_key(c, "pekerjaan sosial");
	const char *k2 = collate_key(c, "pekerjaan sosial");
	OK(k1 == k2);
	const char *words1[] = { "b", "A", "a", "á", "c", "B" };
	const char *words2[] = { "c", "B", "á", "a", "b", "A" };
	char first[256];
	strcpy(first, sorted(c, words1, 6));
	STR_EQ(sorted(c, words2, 6), first);
	collate_free(c);
}

int main(void)
{
	test_indonesian();
	test_english();
	test_groups();
	test_deterministic();
	test_table_locales();
	DONE();
}
