/*
 * lang_asia: the tables of Malay, Javanese, Sundanese, Korean and Chinese
 * (see lang_tables.h).  Malay follows Dewan Bahasa dan Pustaka's usage
 * ("Kandungan", "Rajah", "Jadual"); Javanese and Sundanese are written in
 * the Latin script as Indonesian schools teach them, with the words their
 * Wikipedias and university presses use ("kaca", "Kapustakan"; "Eusi",
 * "Daptar Pustaka").  None of the three has a Debian hyphenation
 * dictionary.  Korean breaks at spaces and quotes with “ ”; Chinese breaks
 * between characters and quotes with “ ” (Simplified, GB/T 15834) or
 * 「 」 (Traditional, as Taiwan and Hong Kong print); neither is
 * hyphenated.  CJK books print "p." before a page number in references:
 * the native forms ("12쪽", "第12页") put the word after the number,
 * which the locators do not do.
 */
#include "util/lang_tables.h"

#include <stddef.h>

const folio_lang folio_lang_ms = {
	.code = "ms", .icu_locale = "ms_MY",
	.hyph_dict = NULL, .hyph_latin1 = 0,
	.quote_open = "\u201c", .quote_close = "\u201d",
	.quote2_open = "\u2018", .quote2_close = "\u2019",
	.contents = "Kandungan", .glossary = "Glosari",
	.bibliography = "Bibliografi", .references = "Rujukan",
	.index = "Indeks", .preface = "Prakata", .footnotes = "Nota",
	.chapter = "Bab", .part = "Bahagian", .appendix = "Lampiran",
	.figure = "Rajah", .table = "Jadual", .example = "Contoh",
	.equation = "Persamaan",
	.note = "Nota", .tip = "Petua", .important = "Penting",
	.warning = "Amaran", .caution = "Awas", .danger = "Bahaya",
	.page_abbrev = "hlm.", .pages_abbrev = "hlm.",
	.et_al = "et al.", .and_word = "dan", .no_date = "t.t.",
	.editor_abbrev = "Ed.", .editors_abbrev = "Ed.",
	.edition_fmt = "ed. ke-%s", .in_word = "Dalam",
	.retrieved_from = "Diakses daripada",
	.see = "lihat", .see_also = "lihat juga",
	.made_with = "Dihasilkan dengan folio %s", .edited_by = "Disunting oleh",
	.symbols = "Simbol dan Nombor",
	.continued = "sambungan",
	.a11y_summary = "Penerbitan ini boleh dilayari mengikut strukturnya: tajuk bab "
		"dan bahagian ditanda, kandungan dan mercu tanda disediakan, dan urutan "
		"bacaan mengikut urutan logik teks. Pembaca boleh menukar jenis dan saiz "
		"huruf.",
	.a11y_page_numbers = "Nombor halaman edisi cetak ditanda dalam teks dan boleh "
		"dicapai melalui senarai halaman.",
	.a11y_missing_alt = "Sesetengah imej belum mempunyai teks alternatif.",
	.a11y_all_alt = "Setiap imej mempunyai teks alternatif.",
	.a11y_glossary_links = "Istilah dalam teks dipautkan kepada entri glosarinya.",
	.a11y_glossary_pages = "Entri glosari dipautkan kembali kepada halaman tempat istilahnya digunakan.",
	.a11y_index_links = "Setiap entri indeks dipautkan kepada tempatnya dalam teks.",
};

const folio_lang folio_lang_jv = {
	.code = "jv", .icu_locale = "jv_ID",
	.hyph_dict = NULL, .hyph_latin1 = 0,
	.quote_open = "\u201c", .quote_close = "\u201d",
	.quote2_open = "\u2018", .quote2_close = "\u2019",
	.contents = "Isi", .glossary = "Glosarium",
	.bibliography = "Kapustakan", .references = "Rujukan",
	.index = "Indhèks", .preface = "Pambuka", .footnotes = "Cathetan",
	.chapter = "Bab", .part = "Pérangan", .appendix = "Lampiran",
	.figure = "Gambar", .table = "Tabel", .example = "Tuladha",
	.equation = "Persamaan",
	.note = "Cathetan", .tip = "Pitutur", .important = "Wigati",
	.warning = "Pèngetan", .caution = "Ati-ati", .danger = "Bebaya",
	.page_abbrev = "kc.", .pages_abbrev = "kc.",
	.et_al = "et al.", .and_word = "lan", .no_date = "t.t.",
	.editor_abbrev = "Ed.", .editors_abbrev = "Ed.",
	.edition_fmt = "cithakan kaping %s", .in_word = "Ing",
	.retrieved_from = "Dijupuk saka",
	.see = "delengen", .see_also = "delengen uga",
	.made_with = "Digawé nganggo folio %s", .edited_by = "Disunting déning",
	.symbols = "Simbol lan Angka",
	.continued = "sambungan",
	.a11y_summary = "Terbitan iki bisa dilacak miturut strukturé: irah-irahan bab "
		"lan pérangan ditandhani, ana isi lan tengeran, lan urutan maca "
		"nuruti urutan logis teks. Sing maca bisa ngganti jinis lan gedhéné "
		"aksara.",
	.a11y_page_numbers = "Nomer kaca edhisi cithak ditandhani ing teks lan bisa "
		"dituju saka daftar kaca.",
	.a11y_missing_alt = "Sawetara gambar durung duwé teks alternatif.",
	.a11y_all_alt = "Saben gambar duwé teks alternatif.",
	.a11y_glossary_links = "Istilah ing teks disambungaké menyang èntri glosariumé.",
	.a11y_glossary_pages = "Èntri glosarium disambungaké bali menyang kaca panggonan istilahé dienggo.",
	.a11y_index_links = "Saben èntri indhèks disambungaké menyang panggonané ing teks.",
};

const folio_lang folio_lang_su = {
	.code = "su", .icu_locale = "su_ID",
	.hyph_dict = NULL, .hyph_latin1 = 0,
	.quote_open = "\u201c", .quote_close = "\u201d",
	.quote2_open = "\u2018", .quote2_close = "\u2019",
	.contents = "Eusi", .glossary = "Glosarium",
	.bibliography = "Daptar Pustaka", .references = "Rujukan",
	.index = "Indéks", .preface = "Bubuka", .footnotes = "Catetan",
	.chapter = "Bab", .part = "Bagian", .appendix = "Lampiran",
	.figure = "Gambar", .table = "Tabél", .example = "Conto",
	.equation = "Persamaan",
	.note = "Catetan", .tip = "Pituduh", .important = "Penting",
	.warning = "Pépéling", .caution = "Awas", .danger = "Bahaya",
	.page_abbrev = "kc.", .pages_abbrev = "kc.",
	.et_al = "et al.", .and_word = "jeung", .no_date = "t.t.",
	.editor_abbrev = "Ed.", .editors_abbrev = "Ed.",
	.edition_fmt = "édisi ka-%s", .in_word = "Dina",
	.retrieved_from = "Dicokot tina",
	.see = "tingali", .see_also = "tingali ogé",
	.made_with = "Dijieun ku folio %s", .edited_by = "Disunting ku",
	.symbols = "Simbol jeung Angka",
	.continued = "sambungan",
	.a11y_summary = "Terbitan ieu bisa dijelajah numutkeun strukturna: judul bab "
		"jeung bagian ditandaan, aya eusi jeung tetengger, sarta runtuyan maca "
		"nuturkeun runtuyan logis téks. Nu maca bisa ngaganti jinis jeung "
		"ukuran hurup.",
	.a11y_page_numbers = "Nomer kaca édisi citak ditandaan dina téks sarta bisa "
		"dijugjug tina daptar kaca.",
	.a11y_missing_alt = "Sawatara gambar can boga téks alternatif.",
	.a11y_all_alt = "Unggal gambar boga téks alternatif.",
	.a11y_glossary_links = "Istilah dina téks ditumbu ka éntri glosariumna.",
	.a11y_glossary_pages = "Éntri glosarium ditumbu deui ka kaca tempat istilahna dipaké.",
	.a11y_index_links = "Unggal éntri indéks ditumbu ka tempatna dina téks.",
};

const folio_lang folio_lang_ko = {
	.code = "ko", .icu_locale = "ko_KR",
	.hyph_dict = NULL, .hyph_latin1 = 0,
	.quote_open = "\u201c", .quote_close = "\u201d",
	.quote2_open = "\u2018", .quote2_close = "\u2019",
	.contents = "차례", .glossary = "용어 해설",
	.bibliography = "참고 문헌", .references = "참고 문헌",
	.index = "찾아보기", .preface = "머리말", .footnotes = "주",
	.chapter = "장", .part = "부", .appendix = "부록",
	.figure = "그림", .table = "표", .example = "예",
	.equation = "수식",
	.note = "참고", .tip = "도움말", .important = "중요",
	.warning = "경고", .caution = "주의", .danger = "위험",
	.page_abbrev = "p.", .pages_abbrev = "pp.",
	.et_al = "외", .and_word = "및", .no_date = "연도 미상",
	.editor_abbrev = "편", .editors_abbrev = "편",
	.edition_fmt = "제%s판", .in_word = "수록:",
	.retrieved_from = "출처:",
	.see = "→", .see_also = "→ 함께 보기:",
	.made_with = "folio %s(으)로 만듦", .edited_by = "엮은이",
	.symbols = "기호와 숫자",
	.continued = "계속",
	.a11y_summary = "이 출판물은 구조에 따라 탐색할 수 있습니다. 장과 절의 제목이 "
		"표시되어 있고, 차례와 랜드마크가 있으며, 읽는 순서는 본문의 논리적 "
		"순서를 따릅니다. 독자는 글꼴과 글자 크기를 바꿀 수 있습니다.",
	.a11y_page_numbers = "인쇄본의 쪽 번호가 본문에 표시되어 있고 쪽 목록에서 "
		"찾아갈 수 있습니다.",
	.a11y_missing_alt = "일부 이미지에는 아직 대체 텍스트가 없습니다.",
	.a11y_all_alt = "모든 이미지에 대체 텍스트가 있습니다.",
	.a11y_glossary_links = "본문의 용어는 용어집 항목으로 연결됩니다.",
	.a11y_glossary_pages = "용어집 항목은 그 용어가 쓰인 쪽으로 다시 연결됩니다.",
	.a11y_index_links = "각 색인 항목은 본문의 해당 위치로 연결됩니다.",
};

const folio_lang folio_lang_zh = {
	.code = "zh", .icu_locale = "zh",
	.hyph_dict = NULL, .hyph_latin1 = 0,
	.quote_open = "\u201c", .quote_close = "\u201d",
	.quote2_open = "\u2018", .quote2_close = "\u2019",
	.contents = "目录", .glossary = "术语表",
	.bibliography = "参考文献", .references = "参考文献",
	.index = "索引", .preface = "前言", .footnotes = "注释",
	.chapter = "章", .part = "部分", .appendix = "附录",
	.figure = "图", .table = "表", .example = "例",
	.equation = "公式",
	.note = "注", .tip = "提示", .important = "重要",
	.warning = "警告", .caution = "小心", .danger = "危险",
	.page_abbrev = "p.", .pages_abbrev = "pp.",
	.et_al = "等", .and_word = "和", .no_date = "出版年不详",
	.editor_abbrev = "编", .editors_abbrev = "编",
	.edition_fmt = "第%s版", .in_word = "载于",
	.retrieved_from = "检索自",
	.see = "见", .see_also = "另见",
	.made_with = "由 folio %s 制作", .edited_by = "主编",
	.symbols = "符号和数字",
	.continued = "续",
	.a11y_summary = "本出版物可按结构浏览：章节标题已标记，提供目录和地标，"
		"阅读顺序遵循正文的逻辑顺序。读者可以更改字体和字号。",
	.a11y_page_numbers = "印刷版的页码已在正文中标出，可通过页码列表跳转。",
	.a11y_missing_alt = "部分图像尚无替代文本。",
	.a11y_all_alt = "每张图像都有替代文本。",
	.a11y_glossary_links = "正文中的术语链接到词汇表中的相应条目。",
	.a11y_glossary_pages = "词汇表条目链接回使用该术语的页面。",
	.a11y_index_links = "每个索引条目都链接到正文中的相应位置。",
};

const folio_lang folio_lang_zh_hant = {
	.code = "zh", .variant = "zh-Hant", .icu_locale = "zh_Hant",
	.hyph_dict = NULL, .hyph_latin1 = 0,
	.quote_open = "\u300c", .quote_close = "\u300d",
	.quote2_open = "\u300e", .quote2_close = "\u300f",
	.contents = "目錄", .glossary = "詞彙表",
	.bibliography = "參考文獻", .references = "參考文獻",
	.index = "索引", .preface = "前言", .footnotes = "註釋",
	.chapter = "章", .part = "部分", .appendix = "附錄",
	.figure = "圖", .table = "表", .example = "例",
	.equation = "公式",
	.note = "註", .tip = "提示", .important = "重要",
	.warning = "警告", .caution = "小心", .danger = "危險",
	.page_abbrev = "p.", .pages_abbrev = "pp.",
	.et_al = "等", .and_word = "和", .no_date = "出版年不詳",
	.editor_abbrev = "編", .editors_abbrev = "編",
	.edition_fmt = "第%s版", .in_word = "載於",
	.retrieved_from = "檢索自",
	.see = "見", .see_also = "另見",
	.made_with = "由 folio %s 製作", .edited_by = "主編",
	.symbols = "符號和數字",
	.continued = "續",
	.a11y_summary = "本出版物可依結構瀏覽：章節標題已標記，提供目錄與地標，"
		"閱讀順序依循正文的邏輯順序。讀者可以變更字型與字級。",
	.a11y_page_numbers = "印刷版的頁碼已在正文中標出，可透過頁碼清單前往。",
	.a11y_missing_alt = "部分圖像尚無替代文字。",
	.a11y_all_alt = "每張圖像都有替代文字。",
	.a11y_glossary_links = "正文中的術語連結到詞彙表中的相應條目。",
	.a11y_glossary_pages = "詞彙表條目連結回使用該術語的頁面。",
	.a11y_index_links = "每個索引條目都連結到正文中的相應位置。",
};
