/*
 * lang_tables.h: the language tables kept outside lang_table.c (which owns
 * the lookup), private to src/util.  lang_europe.c: Portuguese (European
 * and Brazilian) and Italian; lang_asia.c: Malay, Javanese, Sundanese,
 * Korean and Chinese (Simplified and Traditional).
 */
#ifndef FOLIO_UTIL_LANG_TABLES_H
#define FOLIO_UTIL_LANG_TABLES_H

#include "folio/lang.h"

extern const folio_lang folio_lang_pt, folio_lang_pt_br, folio_lang_it;
extern const folio_lang folio_lang_ms, folio_lang_jv, folio_lang_su;
extern const folio_lang folio_lang_ko, folio_lang_zh, folio_lang_zh_hant;

#endif
