/*
 * cite_terms_world.h: the citation words of German, French, Dutch,
 * Spanish, Portuguese, Italian, Malay, Javanese, Sundanese, Arabic,
 * Hebrew, Japanese, Chinese and Korean (cite_terms_world.c), listed by
 * cite_terms_get beside English and Indonesian.
 */
#ifndef FOLIO_RESOLVE_CITE_TERMS_WORLD_H
#define FOLIO_RESOLVE_CITE_TERMS_WORLD_H

#include "resolve/cite_terms.h"

extern const cite_terms cite_terms_de, cite_terms_fr, cite_terms_nl,
	cite_terms_es, cite_terms_pt, cite_terms_it, cite_terms_ms,
	cite_terms_jv, cite_terms_su, cite_terms_ar, cite_terms_he,
	cite_terms_ja, cite_terms_zh, cite_terms_ko;
/* regional and script variants, found by folio_lang's variant tag */
extern const cite_terms cite_terms_en_gb, cite_terms_pt_br, cite_terms_zh_hant;

#endif
