/* libs: folio_layout folio_tree folio_util */
/*
 * test_kinsoku: where CJK lines may break (layout/kinsoku.h).  Each case
 * writes the text with "|" where a line may break, after libunibreak and
 * folio's rules: no small kana, prolonged sound mark, closing bracket,
 * ideographic stop or middle dot at a line's start, no opening bracket
 * at a line's end, a break between a closing and an opening bracket,
 * Korean words kept whole; and which character pairs spread on a
 * justified line.
 */
#include "harness.h"
#include "layout/kinsoku.h"

#include <linebreak.h>
#include <string.h>

static const char *marked(const char *lang, const char *t)
{
	static char out[1024];
	char brks[512];
	size_t len = strlen(t), o = 0;
	set_linebreaks_utf8((const utf8_t *)t, len, lang, brks);
	kinsoku_tailor(t, len, lang, brks);
	for (size_t i = 0; i < len && o + 2 < sizeof out; i++) {
		out[o++] = t[i];
		if (i + 1 < len && brks[i] == LINEBREAK_ALLOWBREAK)
			out[o++] = '|';
	}
	out[o] = '\0';
	return out;
}

int main(void)
{
	init_linebreak();
	/* small kana and ー never begin a line (strict), nor 。、」 */
	STR_EQ(marked("ja", "きゃっきゃとコーヒーを飲んだ。"),
	       "きゃっ|きゃ|と|コー|ヒー|を|飲|ん|だ。");
	STR_EQ(marked("ja", "チェック"), "チェッ|ク");
	/* 「 never ends a line; 。「 may break between */
	STR_EQ(marked("ja", "言った。「はい」と、"), "言っ|た。|「は|い」|と、");
	/* ！？ and … stay with what they follow; ・ never begins a line */
	STR_EQ(marked("ja", "本当！？そう……マーク・トウェイン"),
	       "本|当！？|そ|う……|マー|ク・|ト|ウェ|イ|ン");
	/* Chinese: the middle dot of a name, brackets, stops */
	STR_EQ(marked("zh", "马克·吐温说：《书名》（注释）。他们"),
	       "马|克·|吐|温|说：|《书|名》|（注|释）。|他|们");
	STR_EQ(marked("zh-Hant", "「你好。」『再見』"), "「你|好。」|『再|見』");
	/* without a CJK language, libunibreak's own (normal) rule */
	STR_EQ(marked("en", "きゃ"), "き|ゃ");
	/* Korean: at spaces only */
	STR_EQ(marked("ko", "한국어 문장은 띄어쓰기로 나눈다."),
	       "한국어 |문장은 |띄어쓰기로 |나눈다.");
	STR_EQ(marked("ko-KR", "漢字와 한글"), "漢字와 |한글");
	/* what spreads */
	OK(kinsoku_spreads(0x65E5, 0x672C)); /* 日本 */
	OK(kinsoku_spreads(0x3042, 'A'));
	OK(kinsoku_spreads(0x3002, 0x300C)); /* 。「 */
	OK(!kinsoku_spreads('a', 'b'));
	OK(!kinsoku_spreads(0xD55C, 0xAD6D)); /* 한국: Korean spreads at spaces */
	DONE();
}
