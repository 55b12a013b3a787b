/*
 * lang_europe: the tables of Portuguese and Italian (see lang_tables.h).
 * European Portuguese quotes with guillemets « » and calls the contents
 * "Índice"; Brazilian Portuguese quotes with “ ” and calls them "Sumário"
 * (ABNT NBR 6027), and the two hyphenate with their own Debian
 * dictionaries (hyphen-pt-pt, hyphen-pt-br).  Italian quotes with « » and
 * “ ” inside, as its publishers do.  Ordinal editions are written with the
 * ordinal indicator: "2.ª ed." (pt), "2ª ed." (it).
 */
#include "util/lang_tables.h"

#define PORTUGUESE_COMMON \
	.glossary = "Gloss\u00e1rio", \
	.bibliography = "Bibliografia", \
	.references = "Refer\u00eancias", \
	.index = "\u00cdndice remissivo", \
	.preface = "Pref\u00e1cio", \
	.footnotes = "Notas", \
	.chapter = "Cap\u00edtulo", \
	.part = "Parte", \
	.appendix = "Ap\u00eandice", \
	.figure = "Figura", \
	.table = "Tabela", \
	.example = "Exemplo", \
	.equation = "Equa\u00e7\u00e3o", \
	.note = "Nota", \
	.important = "Importante", \
	.warning = "Aviso", \
	.caution = "Cuidado", \
	.danger = "Perigo", \
	.page_abbrev = "p.", \
	.pages_abbrev = "p.", \
	.et_al = "et al.", \
	.and_word = "e", \
	.no_date = "s.d.", \
	.editor_abbrev = "ed.", \
	.editors_abbrev = "eds.", \
	.edition_fmt = "%s.\u00aa ed.", \
	.in_word = "In", \
	.see = "ver", \
	.see_also = "ver tamb\u00e9m", \
	.symbols = "S\u00edmbolos e n\u00fameros", \
	.continued = "continua\u00e7\u00e3o", \
	.a11y_page_numbers = "Os n\u00fameros de p\u00e1gina da edi\u00e7\u00e3o impressa " \
		"est\u00e3o marcados no texto e podem ser alcan\u00e7ados pela lista " \
		"de p\u00e1ginas.", \
	.a11y_missing_alt = "Algumas imagens ainda n\u00e3o t\u00eam texto alternativo.", \
	.a11y_all_alt = "Todas as imagens t\u00eam texto alternativo.", \
	.a11y_glossary_links = "Os termos no texto remetem para as entradas do gloss\u00e1rio.", \
	.a11y_glossary_pages = "As entradas do gloss\u00e1rio remetem para as p\u00e1ginas onde os termos s\u00e3o usados.", \
	.a11y_index_links = "Cada entrada do \u00edndice remete para os seus lugares no texto.",

const folio_lang folio_lang_pt = {
	.code = "pt",
	.icu_locale = "pt_PT",
	.hyph_dict = "hyph_pt_PT.dic",
	.hyph_latin1 = 1,
	.quote_open = "\u00ab",
	.quote_close = "\u00bb",
	.quote2_open = "\u201c",
	.quote2_close = "\u201d",
	.contents = "\u00cdndice",
	.tip = "Sugest\u00e3o",
	.retrieved_from = "Obtido de",
	.made_with = "Produzido com folio %s",
	.edited_by = "Edi\u00e7\u00e3o de",
	.a11y_summary = "Esta publica\u00e7\u00e3o pode ser percorrida pela sua estrutura: "
		"os t\u00edtulos dos cap\u00edtulos e das sec\u00e7\u00f5es est\u00e3o "
		"marcados, h\u00e1 um \u00edndice e pontos de refer\u00eancia, e a ordem "
		"de leitura segue a ordem l\u00f3gica do texto. O leitor pode mudar o "
		"tipo e o tamanho da letra.",
	PORTUGUESE_COMMON
};

const folio_lang folio_lang_pt_br = {
	.code = "pt",
	.variant = "pt-BR",
	.icu_locale = "pt_BR",
	.hyph_dict = "hyph_pt_BR.dic",
	.hyph_latin1 = 0,
	.quote_open = "\u201c",
	.quote_close = "\u201d",
	.quote2_open = "\u2018",
	.quote2_close = "\u2019",
	.contents = "Sum\u00e1rio",
	.tip = "Dica",
	.retrieved_from = "Recuperado de",
	.made_with = "Produzido com folio %s",
	.edited_by = "Organiza\u00e7\u00e3o de",
	.a11y_summary = "Esta publica\u00e7\u00e3o pode ser navegada por sua estrutura: "
		"os t\u00edtulos dos cap\u00edtulos e das se\u00e7\u00f5es est\u00e3o "
		"marcados, h\u00e1 um sum\u00e1rio e pontos de refer\u00eancia, e a ordem "
		"de leitura segue a ordem l\u00f3gica do texto. O leitor pode mudar a "
		"fonte e o tamanho do texto.",
	PORTUGUESE_COMMON
};

const folio_lang folio_lang_it = {
	.code = "it",
	.icu_locale = "it_IT",
	.hyph_dict = "hyph_it_IT.dic",
	.hyph_latin1 = 0,
	.quote_open = "\u00ab",
	.quote_close = "\u00bb",
	.quote2_open = "\u201c",
	.quote2_close = "\u201d",
	.contents = "Indice",
	.glossary = "Glossario",
	.bibliography = "Bibliografia",
	.references = "Riferimenti bibliografici",
	.index = "Indice analitico",
	.preface = "Prefazione",
	.footnotes = "Note",
	.chapter = "Capitolo",
	.part = "Parte",
	.appendix = "Appendice",
	.figure = "Figura",
	.table = "Tabella",
	.example = "Esempio",
	.equation = "Equazione",
	.note = "Nota",
	.tip = "Suggerimento",
	.important = "Importante",
	.warning = "Avvertenza",
	.caution = "Attenzione",
	.danger = "Pericolo",
	.page_abbrev = "p.",
	.pages_abbrev = "pp.",
	.et_al = "et al.",
	.and_word = "e",
	.no_date = "s.d.",
	.editor_abbrev = "a cura di",
	.editors_abbrev = "a cura di",
	.edition_fmt = "%s\u00aa ed.",
	.in_word = "In",
	.retrieved_from = "Disponibile su",
	.see = "vedi",
	.see_also = "vedi anche",
	.made_with = "Realizzato con folio %s",
	.edited_by = "A cura di",
	.symbols = "Simboli e numeri",
	.continued = "segue",
	.a11y_summary = "Questa pubblicazione si pu\u00f2 percorrere secondo la sua "
		"struttura: i titoli dei capitoli e delle sezioni sono marcati, ci sono "
		"un indice e dei punti di riferimento, e l\u2019ordine di lettura segue "
		"l\u2019ordine logico del testo. Il lettore pu\u00f2 cambiare il "
		"carattere e la sua dimensione.",
	.a11y_page_numbers = "I numeri di pagina dell\u2019edizione a stampa sono "
		"segnati nel testo e raggiungibili dall\u2019elenco delle pagine.",
	.a11y_missing_alt = "Alcune immagini non hanno ancora un testo alternativo.",
	.a11y_all_alt = "Ogni immagine ha un testo alternativo.",
	.a11y_glossary_links = "I termini nel testo rimandano alle relative voci del glossario.",
	.a11y_glossary_pages = "Le voci del glossario rimandano alle pagine in cui i termini sono usati.",
	.a11y_index_links = "Ogni voce dell\u2019indice rimanda ai suoi punti nel testo.",
};
