/* libs: folio_layout folio_resolve folio_tree folio_util */
/*
 * test_hyph: folio's hyphenation rules on top of Debian's patterns.
 */
#include "harness.h"
#include "layout/hyph.h"
#include "layout/hyph_lang.h"

#include <stdlib.h>

static int letter(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F);
}

/* hyph_elision_start on an ASCII chunk with ' standing for U+2019 when
 * curly is set */
static unsigned elision(const char *w, int curly)
{
	uint32_t cps[64];
	unsigned n = 0;
	for (; w[n] && n < 64; n++)
		cps[n] = (w[n] == '\'' && curly) ? 0x2019 : (unsigned char)w[n];
	return hyph_elision_start(cps, 0, n, letter);
}

static const char *show(lay_hyph *h, const char *lang, const char *w)
{
	static char buf[256];
	hyph_show(h, lang, w, buf, sizeof buf);
	return buf;
}

int main(void)
{
	const char *src = getenv("SRC");
	char exc[4096];
	snprintf(exc, sizeof exc, "%s/hyphenation", src ? src : ".");
	folio_diag *diag = folio_diag_new_stderr();
	lay_hyph *h = hyph_new(NULL, exc, diag);

	/* Indonesian (hyph_id_ID is Latin-1: folio converts). */
	STR_EQ(show(h, "id", "pekerjaan"), "pe-ker-ja-an");
	STR_EQ(show(h, "id", "kesejahteraan"), "ke-se-jah-te-ra-an");
	STR_EQ(show(h, "id", "pemberdayaan"), "pem-ber-da-ya-an");
	STR_EQ(show(h, "id", "keberfungsian"), "ke-ber-fung-si-an");
	STR_EQ(show(h, "id", "masyarakat"), "ma-sya-ra-kat");
	STR_EQ(show(h, "id", "rehabilitasi"), "re-ha-bi-li-ta-si");
	STR_EQ(show(h, "id", "Masyarakat"), "Ma-sya-ra-kat");
	STR_EQ(show(h, "id", "pertolongan"), "per-to-long-an");
	STR_EQ(show(h, "id", "kelompok"), "ke-lom-pok");
	/* no fragment without a vowel, nothing inside ng/ny/sy/kh */
	STR_EQ(show(h, "id", "dengan"), "de-ngan");
	STR_EQ(show(h, "id", "musyawarah"), "mu-sya-wa-rah");
	/* too short, capitals, digits: untouched */
	STR_EQ(show(h, "id", "anak"), "anak");
	STR_EQ(show(h, "id", "UNICEF"), "UNICEF");
	/* outside Latin-1: the id dictionary cannot take it */
	STR_EQ(show(h, "id", "pekerjaanŝ"), "pekerjaanŝ");

	/* English: at least 2 before and 3 after */
	STR_EQ(show(h, "en", "hyphenation"), "hy-phen-ation");
	STR_EQ(show(h, "en", "typesetting"), "type-set-ting");
	STR_EQ(show(h, "en", "community"), "com-mu-nity");
	STR_EQ(show(h, "en", "organization"), "or-ga-ni-za-tion");
	STR_EQ(show(h, "en", "project"), "project");
	STR_EQ(show(h, "en", "empowerment"), "em-pow-er-ment");

	/* German, French, Dutch, Spanish: Debian's hyphen-de (Latin-1),
	 * hyphen-fr, hyphen-nl (Latin-1), hyphen-es, chosen by xml:lang;
	 * region subtags take the primary language's patterns */
	STR_EQ(show(h, "de", "Kinderbetreuungseinrichtungen"), "Kin-der-be-treu-ungs-ein-rich-tun-gen");
	STR_EQ(show(h, "de-AT", "Bedürfnisse"), "Be-dürf-nis-se");
	STR_EQ(show(h, "de", "Straße"), "Stra-ße");
	STR_EQ(show(h, "fr", "accompagnement"), "ac-com-pa-gne-ment");
	STR_EQ(show(h, "fr-CA", "caractérise"), "ca-rac-té-rise");
	STR_EQ(show(h, "nl", "hulpverlening"), "hulp-ver-le-ning");
	STR_EQ(show(h, "nl", "maatschappelijk"), "maat-schap-pe-lijk");
	STR_EQ(show(h, "es", "intervención"), "in-ter-ven-ción");
	STR_EQ(show(h, "es", "bibliografía"), "bi-blio-gra-fía");
	/* German compounds (hyph_lang.h): no part of a compound shorter
	 * than 2 letters, no break leaving under 2 letters of a part after a
	 * joint or under 3 before one; the joints themselves stay */
	STR_EQ(show(h, "de", "Staubecken"), "Stau-becken");
	STR_EQ(show(h, "de", "Druckerzeugnis"), "Druck-er-zeug-nis");
	STR_EQ(show(h, "de", "Versicherungsanstalt"), "Ver-si-che-rungs-an-stalt");
	STR_EQ(show(h, "de", "Hauptbahnhof"), "Haupt-bahn-hof");
	/* Portuguese (European and Brazilian patterns) and Italian */
	STR_EQ(show(h, "pt", "desenvolvimento"), "de-sen-vol-vi-men-to");
	STR_EQ(show(h, "pt-BR", "comunidade"), "co-mu-ni-da-de");
	STR_EQ(show(h, "pt", "informação"), "in-for-ma-ção");
	STR_EQ(show(h, "it", "università"), "uni-ver-si-tà");
	STR_EQ(show(h, "it", "collaborazione"), "col-la-bo-ra-zio-ne");
	/* British English has patterns of its own */
	STR_EQ(show(h, "en-GB", "organisation"), "or-gan-isa-tion");
	/* Malay, Javanese, Sundanese: a table, no Debian patterns */
	STR_EQ(show(h, "ms", "pembangunan"), "pembangunan");
	STR_EQ(show(h, "jv", "pamarentahan"), "pamarentahan");
	STR_EQ(show(h, "su", "pamarentahan"), "pamarentahan");
	/* elision: hyphenation starts after the apostrophe, so that no
	 * break follows it (l'|homme) */
	OK(hyph_lang_elides("fr") && hyph_lang_elides("it-CH") &&
	   !hyph_lang_elides("en") && !hyph_lang_elides("id") &&
	   !hyph_lang_elides("frr"));
	INT_EQ(elision("l'homme", 0), 2);
	INT_EQ(elision("l'homme", 1), 2);
	INT_EQ(elision("dell'universita", 1), 5);
	INT_EQ(elision("jusqu'aujourd'hui", 1), 14);
	INT_EQ(elision("entretien", 1), 0);
	INT_EQ(elision("l'homme-ci", 1), 10); /* not a plain word */
	OK(hyph_lang_compounds("de-CH") && !hyph_lang_compounds("nl"));
	/* languages with a table but no patterns are not hyphenated */
	STR_EQ(show(h, "ar", "الأعمال"), "الأعمال");
	STR_EQ(show(h, "ja", "社会福祉の仕事"), "社会福祉の仕事");

	/* Every break leaves at least two letters on each side. */
	const char *words[] = { "pekerjaan", "masyarakat", "intervensi",
				"berkelanjutan", "kesejahteraan", NULL };
	for (int i = 0; words[i]; i++) {
		unsigned char brk[64];
		size_t n = strlen(words[i]);
		hyph_word(h, "id", words[i], n, brk);
		OK(brk[0] == 0 && brk[n - 2] == 0 && brk[n - 1] == 0);
	}
	hyph_free(h);
	folio_diag_free(diag);
	DONE();
}
