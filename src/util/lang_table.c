/*
 * lang_table: the generated words of each language folio speaks.
 * Indonesian follows PUEBI (the official spelling guide) and the usage of
 * Indonesian university presses; English follows common academic usage.
 * British English (en-GB, -IE, -AU, -NZ, -ZA) quotes with single marks
 * outside and double inside, and hyphenates with hyphen-en-gb.
 * German, French, Dutch and Spanish follow their academic presses' usage
 * (German „…“ quotes, French « … » with thin no-break spaces U+202F
 * inside, Spanish « … »); Arabic, Hebrew and Japanese have no hyphenation
 * (hyph_dict NULL).  The hyphenation dictionaries are those of Debian's
 * hyphen-* packages, all UTF-8 except Indonesian's, German's, Dutch's and
 * European Portuguese's (ISO-8859-1).  The tables of Portuguese, Italian,
 * Malay, Javanese, Sundanese, Korean and Chinese are in lang_europe.c and
 * lang_asia.c; this file owns the lookup, regions and scripts included.
 */
#include "folio/lang.h"
#include "util/lang_tables.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static const folio_lang indonesian = {
	.code = "id", .icu_locale = "id_ID",
	.hyph_dict = "hyph_id_ID.dic", .hyph_latin1 = 1,
	.quote_open = "\u201c", .quote_close = "\u201d",
	.quote2_open = "\u2018", .quote2_close = "\u2019",
	.contents = "Daftar Isi", .glossary = "Glosarium",
	.bibliography = "Daftar Pustaka", .references = "Referensi",
	.index = "Indeks", .preface = "Kata Pengantar", .footnotes = "Catatan",
	.chapter = "Bab", .part = "Bagian", .appendix = "Lampiran",
	.figure = "Gambar", .table = "Tabel", .example = "Contoh",
	.equation = "Persamaan",
	.note = "Catatan", .tip = "Kiat", .important = "Penting",
	.warning = "Peringatan", .caution = "Perhatian", .danger = "Bahaya",
	.page_abbrev = "hlm.", .pages_abbrev = "hlm.",
	.et_al = "dkk.", .and_word = "dan", .no_date = "t.t.",
	.editor_abbrev = "Ed.", .editors_abbrev = "Ed.",
	.edition_fmt = "ed. ke-%s", .in_word = "Dalam",
	.retrieved_from = "Diakses dari",
	.see = "lihat", .see_also = "lihat juga",
	.made_with = "Dibuat dengan folio %s", .edited_by = "Penyunting",
	.symbols = "Simbol dan Angka",
	.continued = "lanjutan",
	.a11y_summary = "Publikasi ini dapat dinavigasi menurut strukturnya: judul bab "
		"dan bagian ditandai, daftar isi dan tengara tersedia, dan urutan baca "
		"mengikuti urutan logis teks. Pembaca dapat mengubah jenis dan ukuran huruf.",
	.a11y_page_numbers = "Nomor halaman edisi cetak ditandai di dalam teks dan "
		"dapat dituju melalui daftar halaman.",
	.a11y_missing_alt = "Sebagian gambar belum memiliki teks alternatif.",
	.a11y_all_alt = "Setiap gambar memiliki teks alternatif.",
	.a11y_glossary_links = "Istilah di dalam teks ditautkan ke entri glosariumnya.",
	.a11y_glossary_pages = "Entri glosarium menautkan kembali ke halaman tempat istilahnya dipakai.",
	.a11y_index_links = "Setiap entri indeks menautkan ke tempatnya di dalam teks.",
};

/* English words: one list for the American and the British tables, which
 * differ in their quotation marks (British: single quotes outside). */
#define ENGLISH_WORDS \
	.contents = "Contents", .glossary = "Glossary", \
	.bibliography = "Bibliography", .references = "References", \
	.index = "Index", .preface = "Preface", .footnotes = "Notes", \
	.chapter = "Chapter", .part = "Part", .appendix = "Appendix", \
	.figure = "Figure", .table = "Table", .example = "Example", \
	.equation = "Equation", \
	.note = "Note", .tip = "Tip", .important = "Important", \
	.warning = "Warning", .caution = "Caution", .danger = "Danger", \
	.page_abbrev = "p.", .pages_abbrev = "pp.", \
	.et_al = "et al.", .and_word = "and", .no_date = "n.d.", \
	.editor_abbrev = "Ed.", .editors_abbrev = "Eds.", \
	.edition_fmt = "%s ed.", .in_word = "In", \
	.retrieved_from = "Retrieved from", \
	.see = "see", .see_also = "see also", \
	.made_with = "Made with folio %s", .edited_by = "Edited by", \
	.symbols = "Symbols and Numbers", \
	.continued = "continued", \
	.a11y_summary = "This publication can be navigated by its structure: chapter " \
		"and section headings are marked up, a table of contents and landmarks " \
		"are provided, and the reading order follows the logical order of the " \
		"text. Readers can change the typeface and the size of the text.", \
	.a11y_page_numbers = "Page numbers of the print edition are marked in the " \
		"text and can be reached through the page list.", \
	.a11y_missing_alt = "Some images have no text alternative.", \
	.a11y_all_alt = "Every image has a text alternative.", \
	.a11y_glossary_links = "Terms in the text link to their glossary entries.", \
	.a11y_glossary_pages = "Glossary entries link back to the pages where their terms are used.", \
	.a11y_index_links = "Each index entry links to its places in the text.",

static const folio_lang english = {
	.code = "en", .icu_locale = "en_US",
	.hyph_dict = "hyph_en_US.dic", .hyph_latin1 = 0,
	.quote_open = "\u201c", .quote_close = "\u201d",
	.quote2_open = "\u2018", .quote2_close = "\u2019",
	ENGLISH_WORDS
};

static const folio_lang english_gb = {
	.code = "en", .variant = "en-GB", .icu_locale = "en_GB",
	.hyph_dict = "hyph_en_GB.dic", .hyph_latin1 = 0,
	.quote_open = "\u2018", .quote_close = "\u2019",
	.quote2_open = "\u201c", .quote2_close = "\u201d",
	ENGLISH_WORDS
};

static const folio_lang german = {
	.code = "de",
	.icu_locale = "de_DE",
	.hyph_dict = "hyph_de_DE.dic",
	.hyph_latin1 = 1,
	.quote_open = "\u201e",
	.quote_close = "\u201c",
	.quote2_open = "\u201a",
	.quote2_close = "\u2018",
	.contents = "Inhaltsverzeichnis",
	.glossary = "Glossar",
	.bibliography = "Literaturverzeichnis",
	.references = "Literatur",
	.index = "Register",
	.preface = "Vorwort",
	.footnotes = "Anmerkungen",
	.chapter = "Kapitel",
	.part = "Teil",
	.appendix = "Anhang",
	.figure = "Abbildung",
	.table = "Tabelle",
	.example = "Beispiel",
	.equation = "Gleichung",
	.note = "Hinweis",
	.tip = "Tipp",
	.important = "Wichtig",
	.warning = "Warnung",
	.caution = "Vorsicht",
	.danger = "Gefahr",
	.page_abbrev = "S.",
	.pages_abbrev = "S.",
	.et_al = "u.\u00a0a.",
	.and_word = "und",
	.no_date = "o.\u00a0J.",
	.editor_abbrev = "Hrsg.",
	.editors_abbrev = "Hrsg.",
	.edition_fmt = "%s. Aufl.",
	.in_word = "In",
	.retrieved_from = "Abgerufen von",
	.see = "siehe",
	.see_also = "siehe auch",
	.made_with = "Erstellt mit folio %s",
	.edited_by = "Herausgegeben von",
	.symbols = "Symbole und Zahlen",
	.continued = "Fortsetzung",
	.a11y_summary = "Diese Publikation ist nach ihrer Struktur navigierbar: Kapitel- "
		"und Abschnitts\u00fcberschriften sind ausgezeichnet, ein "
		"Inhaltsverzeichnis und Orientierungspunkte sind vorhanden, und die "
		"Lesereihenfolge folgt der logischen Ordnung des Textes. Schriftart "
		"und Schriftgr\u00f6\u00dfe lassen sich \u00e4ndern.",
	.a11y_page_numbers = "Die Seitenzahlen der Druckausgabe sind im Text markiert und "
		"\u00fcber die Seitenliste erreichbar.",
	.a11y_missing_alt = "Einige Bilder haben noch keine Textalternative.",
	.a11y_all_alt = "Jedes Bild hat eine Textalternative.",
	.a11y_glossary_links = "Fachbegriffe im Text sind mit ihren Glossareintr\u00e4gen verlinkt.",
	.a11y_glossary_pages = "Die Glossareintr\u00e4ge verlinken zur\u00fcck auf die Seiten, auf denen die Begriffe vorkommen.",
	.a11y_index_links = "Jeder Registereintrag verlinkt auf seine Stellen im Text.",
};

static const folio_lang french = {
	.code = "fr",
	.icu_locale = "fr_FR",
	.hyph_dict = "hyph_fr.dic",
	.hyph_latin1 = 0,
	.quote_open = "\u00ab\u202f",
	.quote_close = "\u202f\u00bb",
	.quote2_open = "\u201c",
	.quote2_close = "\u201d",
	.contents = "Table des mati\u00e8res",
	.glossary = "Glossaire",
	.bibliography = "Bibliographie",
	.references = "R\u00e9f\u00e9rences",
	.index = "Index",
	.preface = "Pr\u00e9face",
	.footnotes = "Notes",
	.chapter = "Chapitre",
	.part = "Partie",
	.appendix = "Annexe",
	.figure = "Figure",
	.table = "Tableau",
	.example = "Exemple",
	.equation = "\u00c9quation",
	.note = "Remarque",
	.tip = "Astuce",
	.important = "Important",
	.warning = "Avertissement",
	.caution = "Attention",
	.danger = "Danger",
	.page_abbrev = "p.",
	.pages_abbrev = "p.",
	.et_al = "et al.",
	.and_word = "et",
	.no_date = "s.d.",
	.editor_abbrev = "\u00e9d.",
	.editors_abbrev = "\u00e9d.",
	.edition_fmt = "%se \u00e9d.",
	.in_word = "Dans",
	.retrieved_from = "Consult\u00e9 sur",
	.see = "voir",
	.see_also = "voir aussi",
	.made_with = "R\u00e9alis\u00e9 avec folio %s",
	.edited_by = "Sous la direction de",
	.symbols = "Symboles et nombres",
	.continued = "suite",
	.a11y_summary = "Cette publication se parcourt selon sa structure\u00a0: les titres "
		"des chapitres et des sections sont balis\u00e9s, une table des "
		"mati\u00e8res et des rep\u00e8res sont fournis, et l\u2019ordre de "
		"lecture suit l\u2019ordre logique du texte. Le lecteur peut "
		"changer la police et la taille du texte.",
	.a11y_page_numbers = "Les num\u00e9ros de page de l\u2019\u00e9dition imprim\u00e9e sont "
		"marqu\u00e9s dans le texte et accessibles par la liste des pages.",
	.a11y_missing_alt = "Certaines images n\u2019ont pas encore de texte de remplacement.",
	.a11y_all_alt = "Chaque image a un texte de remplacement.",
	.a11y_glossary_links = "Les termes du texte renvoient par un lien \u00e0 leur entr\u00e9e du glossaire.",
	.a11y_glossary_pages = "Les entr\u00e9es du glossaire renvoient aux pages o\u00f9 les termes sont employ\u00e9s.",
	.a11y_index_links = "Chaque entr\u00e9e de l\u2019index renvoie par un lien \u00e0 ses occurrences dans le texte.",
};

static const folio_lang dutch = {
	.code = "nl",
	.icu_locale = "nl_NL",
	.hyph_dict = "hyph_nl_NL.dic",
	.hyph_latin1 = 1,
	.quote_open = "\u201c",
	.quote_close = "\u201d",
	.quote2_open = "\u2018",
	.quote2_close = "\u2019",
	.contents = "Inhoud",
	.glossary = "Verklarende woordenlijst",
	.bibliography = "Bibliografie",
	.references = "Literatuur",
	.index = "Register",
	.preface = "Voorwoord",
	.footnotes = "Noten",
	.chapter = "Hoofdstuk",
	.part = "Deel",
	.appendix = "Bijlage",
	.figure = "Figuur",
	.table = "Tabel",
	.example = "Voorbeeld",
	.equation = "Vergelijking",
	.note = "Opmerking",
	.tip = "Tip",
	.important = "Belangrijk",
	.warning = "Waarschuwing",
	.caution = "Let op",
	.danger = "Gevaar",
	.page_abbrev = "p.",
	.pages_abbrev = "pp.",
	.et_al = "e.a.",
	.and_word = "en",
	.no_date = "z.j.",
	.editor_abbrev = "Red.",
	.editors_abbrev = "Red.",
	.edition_fmt = "%se dr.",
	.in_word = "In",
	.retrieved_from = "Geraadpleegd op",
	.see = "zie",
	.see_also = "zie ook",
	.made_with = "Gemaakt met folio %s",
	.edited_by = "Onder redactie van",
	.symbols = "Symbolen en getallen",
	.continued = "vervolg",
	.a11y_summary = "Deze publicatie is te navigeren volgens haar structuur: koppen van "
		"hoofdstukken en paragrafen zijn gemarkeerd, een inhoudsopgave en "
		"ori\u00ebntatiepunten zijn aanwezig, en de leesvolgorde volgt de "
		"logische volgorde van de tekst. Lezers kunnen lettertype en "
		"lettergrootte aanpassen.",
	.a11y_page_numbers = "De paginanummers van de gedrukte uitgave zijn in de tekst "
		"gemarkeerd en via de paginalijst bereikbaar.",
	.a11y_missing_alt = "Sommige afbeeldingen hebben nog geen tekstalternatief.",
	.a11y_all_alt = "Elke afbeelding heeft een tekstalternatief.",
	.a11y_glossary_links = "Termen in de tekst zijn gekoppeld aan hun ingang in de woordenlijst.",
	.a11y_glossary_pages = "De ingangen van de woordenlijst verwijzen terug naar de pagina\u2019s waar de termen worden gebruikt.",
	.a11y_index_links = "Elke ingang van het register verwijst naar zijn plaatsen in de tekst.",
};

static const folio_lang spanish = {
	.code = "es",
	.icu_locale = "es_ES",
	.hyph_dict = "hyph_es_ES.dic",
	.hyph_latin1 = 0,
	.quote_open = "\u00ab",
	.quote_close = "\u00bb",
	.quote2_open = "\u201c",
	.quote2_close = "\u201d",
	.contents = "\u00cdndice",
	.glossary = "Glosario",
	.bibliography = "Bibliograf\u00eda",
	.references = "Referencias",
	.index = "\u00cdndice anal\u00edtico",
	.preface = "Prefacio",
	.footnotes = "Notas",
	.chapter = "Cap\u00edtulo",
	.part = "Parte",
	.appendix = "Ap\u00e9ndice",
	.figure = "Figura",
	.table = "Tabla",
	.example = "Ejemplo",
	.equation = "Ecuaci\u00f3n",
	.note = "Nota",
	.tip = "Consejo",
	.important = "Importante",
	.warning = "Advertencia",
	.caution = "Precauci\u00f3n",
	.danger = "Peligro",
	.page_abbrev = "p.",
	.pages_abbrev = "pp.",
	.et_al = "et al.",
	.and_word = "y",
	.no_date = "s.f.",
	.editor_abbrev = "Ed.",
	.editors_abbrev = "Eds.",
	.edition_fmt = "%s.\u00aa ed.",
	.in_word = "En",
	.retrieved_from = "Recuperado de",
	.see = "v\u00e9ase",
	.see_also = "v\u00e9ase tambi\u00e9n",
	.made_with = "Hecho con folio %s",
	.edited_by = "Edici\u00f3n a cargo de",
	.symbols = "S\u00edmbolos y n\u00fameros",
	.continued = "continuación",
	.a11y_summary = "Esta publicaci\u00f3n puede recorrerse seg\u00fan su estructura: "
		"los t\u00edtulos de cap\u00edtulos y secciones est\u00e1n "
		"marcados, hay un \u00edndice y puntos de referencia, y el orden de "
		"lectura sigue el orden l\u00f3gico del texto. El lector puede "
		"cambiar el tipo y el tama\u00f1o de la letra.",
	.a11y_page_numbers = "Los n\u00fameros de p\u00e1gina de la edici\u00f3n impresa "
		"est\u00e1n marcados en el texto y se accede a ellos desde la lista "
		"de p\u00e1ginas.",
	.a11y_missing_alt = "Algunas im\u00e1genes a\u00fan no tienen texto alternativo.",
	.a11y_all_alt = "Cada imagen tiene un texto alternativo.",
	.a11y_glossary_links = "Los t\u00e9rminos del texto enlazan con su entrada del glosario.",
	.a11y_glossary_pages = "Las entradas del glosario enlazan con las p\u00e1ginas donde se usan los t\u00e9rminos.",
	.a11y_index_links = "Cada entrada del \u00edndice enlaza con sus lugares en el texto.",
};

static const folio_lang arabic = {
	.code = "ar", .icu_locale = "ar",
	.hyph_dict = NULL, .hyph_latin1 = 0,
	.quote_open = "\u00ab", .quote_close = "\u00bb",
	.quote2_open = "\u201d", .quote2_close = "\u201c",
	.contents = "المحتويات", .glossary = "مسرد المصطلحات",
	.bibliography = "المراجع", .references = "المراجع",
	.index = "الفهرس", .preface = "مقدمة", .footnotes = "الحواشي",
	.chapter = "الفصل", .part = "الجزء", .appendix = "ملحق",
	.figure = "شكل", .table = "جدول", .example = "مثال",
	.equation = "معادلة",
	.note = "ملاحظة", .tip = "نصيحة", .important = "هام",
	.warning = "تحذير", .caution = "تنبيه", .danger = "خطر",
	.page_abbrev = "ص", .pages_abbrev = "ص",
	.et_al = "وآخرون", .and_word = "و", .no_date = "د.ت.",
	.editor_abbrev = "تحرير", .editors_abbrev = "تحرير",
	.edition_fmt = "ط %s", .in_word = "في",
	.retrieved_from = "استرجع من",
	.see = "انظر", .see_also = "انظر أيضًا",
	.made_with = "أُعدّ باستخدام folio %s", .edited_by = "تحرير",
	.symbols = "رموز وأرقام",
	.continued = "تابع",
	.a11y_summary = "يمكن تصفح هذا المنشور وفق بنيته: عناوين الفصول والأقسام "
		"معلَّمة، وفيه جدول محتويات ومعالم، وترتيب القراءة يتبع الترتيب المنطقي "
		"للنص. ويمكن للقارئ تغيير نوع الخط وحجمه.",
	.a11y_page_numbers = "أرقام صفحات الطبعة الورقية معلَّمة في النص ويمكن "
		"الوصول إليها من قائمة الصفحات.",
	.a11y_missing_alt = "بعض الصور ليس لها نص بديل بعد.",
	.a11y_all_alt = "لكل صورة نص بديل.",
	.a11y_glossary_links = "المصطلحات في النص مرتبطة بمداخلها في مسرد المصطلحات.",
	.a11y_glossary_pages = "مداخل المسرد مرتبطة بالصفحات التي تُستخدم فيها المصطلحات.",
	.a11y_index_links = "كل مدخل في الفهرس مرتبط بمواضعه في النص.",
};

static const folio_lang hebrew = {
	.code = "he", .icu_locale = "he_IL",
	.hyph_dict = NULL, .hyph_latin1 = 0,
	.quote_open = "\u201d", .quote_close = "\u201d",
	.quote2_open = "\u2019", .quote2_close = "\u2019",
	.contents = "תוכן העניינים", .glossary = "מילון מונחים",
	.bibliography = "ביבליוגרפיה", .references = "מקורות",
	.index = "מפתח", .preface = "הקדמה", .footnotes = "הערות",
	.chapter = "פרק", .part = "חלק", .appendix = "נספח",
	.figure = "איור", .table = "טבלה", .example = "דוגמה",
	.equation = "משוואה",
	.note = "הערה", .tip = "עצה", .important = "חשוב",
	.warning = "אזהרה", .caution = "זהירות", .danger = "סכנה",
	.page_abbrev = "עמ׳", .pages_abbrev = "עמ׳",
	.et_al = "ואחרים", .and_word = "ו", .no_date = "ת.ש.",
	.editor_abbrev = "עורך", .editors_abbrev = "עורכים",
	.edition_fmt = "מהדורה %s", .in_word = "בתוך",
	.retrieved_from = "אוחזר מתוך",
	.see = "ראו", .see_also = "ראו גם",
	.made_with = "נוצר באמצעות folio %s", .edited_by = "בעריכת",
	.symbols = "סמלים ומספרים",
	.continued = "המשך",
	.a11y_summary = "ניתן לנווט בפרסום זה לפי מבנהו: כותרות הפרקים והסעיפים "
		"מסומנות, יש תוכן עניינים וציוני דרך, וסדר הקריאה הולך אחר הסדר "
		"ההגיוני של הטקסט. הקוראים יכולים לשנות את הגופן ואת גודלו.",
	.a11y_page_numbers = "מספרי העמודים של המהדורה המודפסת מסומנים בטקסט "
		"וניתן להגיע אליהם דרך רשימת העמודים.",
	.a11y_missing_alt = "לחלק מהתמונות עדיין אין טקסט חלופי.",
	.a11y_all_alt = "לכל תמונה יש טקסט חלופי.",
	.a11y_glossary_links = "המונחים בטקסט מקושרים לערכים שלהם במילון המונחים.",
	.a11y_glossary_pages = "ערכי מילון המונחים מקשרים חזרה לעמודים שבהם המונחים מופיעים.",
	.a11y_index_links = "כל ערך במפתח מקושר למקומותיו בטקסט.",
};

static const folio_lang japanese = {
	.code = "ja", .icu_locale = "ja_JP",
	.hyph_dict = NULL, .hyph_latin1 = 0,
	.quote_open = "\u300c", .quote_close = "\u300d",
	.quote2_open = "\u300e", .quote2_close = "\u300f",
	.contents = "目次", .glossary = "用語集",
	.bibliography = "参考文献", .references = "参考文献",
	.index = "索引", .preface = "まえがき", .footnotes = "注",
	.chapter = "章", .part = "部", .appendix = "付録",
	.figure = "図", .table = "表", .example = "例",
	.equation = "式",
	.note = "注記", .tip = "ヒント", .important = "重要",
	.warning = "警告", .caution = "注意", .danger = "危険",
	.page_abbrev = "p.", .pages_abbrev = "pp.",
	.et_al = "他", .and_word = "と", .no_date = "刊行年不明",
	.editor_abbrev = "編", .editors_abbrev = "編",
	.edition_fmt = "第%s版", .in_word = "所収",
	.retrieved_from = "入手先",
	.see = "→", .see_also = "→も参照",
	.made_with = "folio %s で作成", .edited_by = "編者",
	.symbols = "記号・数字",
	.continued = "続き",
	.a11y_summary = "この出版物は構造に沿って移動できます。章と節の見出しが"
		"マークアップされ、目次とランドマークがあり、読み順は本文の論理的な"
		"順序に従います。書体と文字の大きさは読者が変更できます。",
	.a11y_page_numbers = "印刷版のページ番号が本文中に示され、ページリストから"
		"移動できます。",
	.a11y_missing_alt = "一部の画像にはまだ代替テキストがありません。",
	.a11y_all_alt = "すべての画像に代替テキストがあります。",
	.a11y_glossary_links = "本文中の用語は用語集の項目にリンクしています。",
	.a11y_glossary_pages = "用語集の項目から、その用語が使われているページへ移動できます。",
	.a11y_index_links = "索引の各項目は本文中の該当箇所にリンクしています。",
};

static const folio_lang *const languages[] = {
	&indonesian, &english, &german, &french, &dutch, &spanish,
	&arabic, &hebrew, &japanese,
	&folio_lang_ms, &folio_lang_jv, &folio_lang_su, &folio_lang_pt,
	&folio_lang_it, &folio_lang_ko, &folio_lang_zh,
};

/* Regional and script tables: a tag whose primary subtag is `primary`
 * takes `table` when its script subtag is `script`, or, when it names no
 * script, when its region is `region`.  A script subtag outranks the
 * region ("zh-Hans-TW" is Simplified); anything else takes the primary
 * table (de-AT, pt-PT, zh-CN, en-US). */
static const struct lang_variant {
	const char *primary, *script, *region;
	const folio_lang *table;
} variants[] = {
	{ "en", NULL, "GB", &english_gb },
	{ "en", NULL, "IE", &english_gb },
	{ "en", NULL, "AU", &english_gb },
	{ "en", NULL, "NZ", &english_gb },
	{ "en", NULL, "ZA", &english_gb },
	{ "pt", NULL, "BR", &folio_lang_pt_br },
	{ "zh", "Hant", NULL, &folio_lang_zh_hant },
	{ "zh", NULL, "TW", &folio_lang_zh_hant },
	{ "zh", NULL, "HK", &folio_lang_zh_hant },
	{ "zh", NULL, "MO", &folio_lang_zh_hant },
};

/* The subtag of xml_lang after its primary one that is a script (four
 * letters) or a region (two letters or three digits), into out; 0 when
 * there is none. */
static int subtag(const char *xml_lang, int want_script, char *out, size_t outsize)
{
	const char *p = xml_lang + strcspn(xml_lang, "-_");
	while (*p) {
		p++;
		size_t n = strcspn(p, "-_");
		int script = n == 4 && isalpha((unsigned char)p[0]);
		int region = n == 2 || (n == 3 && isdigit((unsigned char)p[0]));
		if ((want_script && script) || (!want_script && region)) {
			if (n >= outsize)
				return 0;
			memcpy(out, p, n);
			out[n] = '\0';
			return 1;
		}
		p += n;
	}
	return 0;
}

static const folio_lang *variant(const char *xml_lang, const folio_lang *base)
{
	char script[8], region[8];
	int has_script = subtag(xml_lang, 1, script, sizeof script);
	int has_region = subtag(xml_lang, 0, region, sizeof region);
	for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++) {
		const struct lang_variant *v = &variants[i];
		if (strcmp(v->primary, base->code) != 0)
			continue;
		if (has_script ? (v->script && strcasecmp(v->script, script) == 0)
			       : (has_region && v->region &&
				  strcasecmp(v->region, region) == 0))
			return v->table;
	}
	return base;
}

static const folio_lang *lookup(const char *xml_lang)
{
	if (xml_lang == NULL)
		return NULL;
	size_t n = strcspn(xml_lang, "-_");
	for (size_t i = 0; i < sizeof languages / sizeof languages[0]; i++) {
		const char *code = languages[i]->code;
		if (strlen(code) == n && strncasecmp(code, xml_lang, n) == 0)
			return xml_lang[n] ? variant(xml_lang, languages[i]) : languages[i];
	}
	return NULL;
}

const folio_lang *folio_lang_get(const char *xml_lang)
{
	const folio_lang *l = lookup(xml_lang);
	return l ? l : &english;
}

int folio_lang_known(const char *xml_lang)
{
	return lookup(xml_lang) != NULL;
}

/* Languages whose usual script is written right to left (their primary
 * subtags, as in the IANA registry). */
static const char *const rtl_languages[] = {
	"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ps", "sd",
	"syr", "ug", "ur", "yi",
};

int folio_lang_rtl(const char *xml_lang)
{
	if (xml_lang == NULL)
		return 0;
	size_t n = strcspn(xml_lang, "-_");
	for (size_t i = 0; i < sizeof rtl_languages / sizeof rtl_languages[0]; i++) {
		const char *code = rtl_languages[i];
		if (strlen(code) == n && strncasecmp(code, xml_lang, n) == 0)
			return 1;
	}
	/* a script subtag says it outright: "az-Arab", "pa-Arab" */
	const char *sub = xml_lang + n;
	return strncasecmp(sub, "-Arab", 5) == 0 || strncasecmp(sub, "-Hebr", 5) == 0 ||
	       strncasecmp(sub, "_Arab", 5) == 0;
}
