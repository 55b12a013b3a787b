/*
 * emit_font: the font objects of a PDF, made with libharu's object API
 * from a subset HarfBuzz cuts (see emit_font.h for why not libharu's own).
 *
 * Codes are two bytes.  A character of the BMP is its own code, so the
 * content streams read as text without any table and the ToUnicode CMap
 * is mostly identity ranges.  A character beyond the BMP (mathematical
 * letters, IPA of Latin Extended-F, CJK compatibility ideographs) gets a
 * code from the surrogate range D800-DFFF, which no character of the BMP
 * uses, numbered in the order the face first shows them; the ToUnicode
 * CMap maps it to its surrogate pair.  A glyph drawn by its id
 * (LAY_GID: a joined Arabic form, a math operator's larger size) takes a
 * code from the same range; the CMap maps it to the character whose
 * nominal glyph it is, when one is, and otherwise says nothing of it (its
 * run carries an /ActualText instead).  Each font is written once, after
 * the last page: only then is it known which codes it shows.
 */
#include "backend/pdf/emit_font.h"
#include "backend/pdf/squeeze.h"
#include "util/strbuf.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ASTRAL_FIRST 0xD800u

typedef VEC(unsigned) vec_unsigned;
#define ASTRAL_MAX 2048u   /* codes D800-DFFF */

typedef struct font_out {
	HPDF_Dict type0;            /* NULL until the face is shown */
	unsigned char used[8192];   /* a bit per code shown */
	int32_t *width;             /* per code, 1/1000 em; -1 not known yet */
	uint32_t astral[ASTRAL_MAX]; /* code D800 + i shows astral[i]: a
					character beyond the BMP or LAY_GID */
	unsigned nastral;
} font_out;

struct pdf_fonts {
	HPDF_Doc pdf;
	lay_fonts *fonts;
	folio_diag *diag;
	pdf_squeeze *squeeze;
	int n;
	font_out *v;
};

pdf_fonts *pdf_fonts_new(HPDF_Doc pdf, lay_fonts *fonts, folio_diag *diag,
			 pdf_squeeze *squeeze)
{
	pdf_fonts *pf = xcalloc(1, sizeof *pf);
	pf->squeeze = squeeze;
	pf->pdf = pdf;
	pf->fonts = fonts;
	pf->diag = diag;
	pf->n = fonts_count(fonts);
	pf->v = xcalloc((size_t)pf->n + 1, sizeof(font_out));
	return pf;
}

void pdf_fonts_free(pdf_fonts *pf)
{
	if (pf == NULL)
		return;
	for (int i = 0; i < pf->n; i++)
		free(pf->v[i].width);
	free(pf->v);
	free(pf);
}

/* A dictionary that is an object of its own, so several can refer to it. */
static HPDF_Dict indirect_dict(pdf_fonts *pf)
{
	HPDF_Dict d = HPDF_Dict_New(pf->pdf->mmgr);
	if (d == NULL || HPDF_Xref_Add(pf->pdf->xref, d) != HPDF_OK)
		return NULL;
	return d;
}

HPDF_Dict pdf_fonts_dict(pdf_fonts *pf, int face)
{
	if (face < 0 || face >= pf->n)
		return NULL;
	font_out *fo = &pf->v[face];
	if (fo->type0)
		return fo->type0;
	if (fonts_open(pf->fonts, face) < 0)
		return NULL;
	if (fonts_is_fixed(pf->fonts, face)) {
		folio_report(pf->diag, FOLIO_FATAL, (folio_loc){ fonts_family(pf->fonts, face), 0, 0 },
			     "the test face %s has no font file to embed",
			     fonts_family(pf->fonts, face));
		return NULL;
	}
	HPDF_Dict d = indirect_dict(pf);
	if (d == NULL)
		return NULL;
	HPDF_Dict_AddName(d, "Type", "Font");
	HPDF_Dict_AddName(d, "Subtype", "Type0");
	HPDF_Dict_AddName(d, "Encoding", "Identity-H");
	fo->type0 = d;
	return d;
}

/* The code of a character beyond the BMP (or of a glyph by id) in this
 * face, given on first use; U+FFFD's when the face already shows 2,048
 * of them. */
static unsigned astral_code(font_out *fo, uint32_t cp)
{
	for (unsigned i = 0; i < fo->nastral; i++)
		if (fo->astral[i] == cp)
			return ASTRAL_FIRST + i;
	if (fo->nastral == ASTRAL_MAX)
		return 0xFFFD;
	fo->astral[fo->nastral] = cp;
	return ASTRAL_FIRST + fo->nastral++;
}

/* The character a code shows. */
static uint32_t code_char(const font_out *fo, unsigned code)
{
	if (code >= ASTRAL_FIRST && code < ASTRAL_FIRST + ASTRAL_MAX)
		return code - ASTRAL_FIRST < fo->nastral ? fo->astral[code - ASTRAL_FIRST] : 0xFFFD;
	return code;
}

unsigned pdf_fonts_code(pdf_fonts *pf, int face, uint32_t cp, int *width)
{
	font_out *fo = &pf->v[face];
	unsigned code;
	if (cp > 0xFFFF) /* LAY_GID included */
		code = astral_code(fo, cp);
	else if (cp >= 0xD800 && cp <= 0xDFFF)
		code = 0xFFFD; /* a lone surrogate is no character */
	else
		code = cp;
	fo->used[code >> 3] |= (unsigned char)(1u << (code & 7));
	if (fo->width == NULL) {
		fo->width = xmalloc(65536 * sizeof(int32_t));
		for (size_t i = 0; i < 65536; i++)
			fo->width[i] = -1;
	}
	if (fo->width[code] < 0)
		fo->width[code] = fonts_width_em1000(pf->fonts, face, code_char(fo, code));
	*width = fo->width[code];
	return code;
}

static int is_used(const font_out *fo, unsigned c)
{
	return (fo->used[c >> 3] >> (c & 7)) & 1;
}

/* The codes a face shows, in order. */
static uint32_t *used_codes(const font_out *fo, size_t *n)
{
	uint32_t *v = xmalloc(65536 * sizeof(uint32_t));
	size_t k = 0;
	for (unsigned c = 0; c < 0x10000; c++)
		if (is_used(fo, c))
			v[k++] = c;
	*n = k;
	return v;
}

/* Six capitals naming the subset (ISO 32000-1, 9.6.4): a hash of the
 * font's name and the codes it shows, so a rebuild gives the same tag
 * and two different subsets of one font get different ones. */
static void subset_tag(const char *name, const font_out *fo, char tag[7])
{
	uint64_t h = 0xcbf29ce484222325u;
	for (const char *p = name; *p; p++)
		h = (h ^ (unsigned char)*p) * 0x100000001b3u;
	for (size_t i = 0; i < sizeof fo->used; i++)
		h = (h ^ fo->used[i]) * 0x100000001b3u;
	for (unsigned i = 0; i < fo->nastral; i++)
		h = (h ^ fo->astral[i]) * 0x100000001b3u;
	for (int k = 0; k < 6; k++) {
		tag[k] = (char)('A' + h % 26);
		h /= 26;
	}
	tag[6] = '\0';
}

/* A stream object holding bytes, deflated here rather than by libharu. */
static HPDF_Dict flate_stream(pdf_fonts *pf, const void *data, size_t len)
{
	size_t n = 0;
	const unsigned char *z = squeeze(pf->squeeze, data, len, &n);
	if (z == NULL)
		return NULL;
	HPDF_Dict s = HPDF_DictStream_New(pf->pdf->mmgr, pf->pdf->xref);
	if (s == NULL)
		return NULL;
	squeeze_mark(s);
	if (HPDF_Stream_Write(s->stream, z, (HPDF_UINT)n) != HPDF_OK)
		return NULL;
	return s;
}

static HPDF_Array box_array(pdf_fonts *pf, const int b[4])
{
	HPDF_Array a = HPDF_Array_New(pf->pdf->mmgr);
	if (a == NULL)
		return NULL;
	for (int k = 0; k < 4; k++)
		HPDF_Array_AddNumber(a, b[k]);
	return a;
}

/* Flags (ISO 32000-1, table 123): symbolic, since a CID font's glyphs
 * are reached through its CIDToGIDMap rather than a standard encoding. */
static int descriptor_flags(const fonts_subset *s)
{
	return (s->fixed_pitch ? 1 : 0) | (s->serif ? 2 : 0) | 4 | (s->italic ? 64 : 0);
}

/* PDF/A-1's CIDSet: a bit, high bit first, for each CID with a glyph
 * in the program, and CID 0. */
static HPDF_Dict cid_set(pdf_fonts *pf, const uint32_t *codes, const fonts_subset *s,
			 size_t n)
{
	unsigned char bits[8192];
	memset(bits, 0, sizeof bits);
	bits[0] = 0x80;
	unsigned last = 0;
	for (size_t k = 0; k < n; k++) {
		if (s->gid[k] == 0)
			continue;
		bits[codes[k] >> 3] |= (unsigned char)(0x80 >> (codes[k] & 7));
		last = codes[k];
	}
	return flate_stream(pf, bits, last / 8 + 1);
}

static HPDF_Dict descriptor(pdf_fonts *pf, const fonts_subset *s, const char *base,
			    HPDF_Dict program, HPDF_Dict cidset)
{
	HPDF_Dict d = indirect_dict(pf);
	if (d == NULL)
		return NULL;
	HPDF_Dict_AddName(d, "Type", "FontDescriptor");
	HPDF_Dict_AddName(d, "FontName", base);
	HPDF_Dict_AddNumber(d, "Flags", descriptor_flags(s));
	HPDF_Dict_Add(d, "FontBBox", box_array(pf, s->bbox));
	HPDF_Dict_AddReal(d, "ItalicAngle", (HPDF_REAL)s->italic_angle);
	HPDF_Dict_AddNumber(d, "Ascent", s->ascent);
	HPDF_Dict_AddNumber(d, "Descent", s->descent);
	HPDF_Dict_AddNumber(d, "CapHeight", s->cap_height);
	HPDF_Dict_AddNumber(d, "XHeight", s->x_height);
	HPDF_Dict_AddNumber(d, "StemV", s->stem_v);
	HPDF_Dict_Add(d, "FontFile2", program);
	if (cidset)
		HPDF_Dict_Add(d, "CIDSet", cidset);
	return d;
}

/* W: one "first [w1 w2 ...]" group per run of consecutive codes. */
static HPDF_Array width_array(pdf_fonts *pf, const font_out *fo, const uint32_t *codes,
			      size_t n)
{
	HPDF_MMgr mm = pf->pdf->mmgr;
	HPDF_Array w = HPDF_Array_New(mm);
	if (w == NULL)
		return NULL;
	for (size_t k = 0; k < n;) {
		HPDF_Array run = HPDF_Array_New(mm);
		if (run == NULL)
			return NULL;
		HPDF_Array_AddNumber(w, (HPDF_INT32)codes[k]);
		HPDF_Array_Add(w, run);
		size_t j = k;
		do {
			HPDF_Array_AddNumber(run, fo->width[codes[j]]);
			j++;
		} while (j < n && codes[j] == codes[j - 1] + 1);
		k = j;
	}
	return w;
}

/* The map from each code to its glyph in the subset, two bytes each,
 * up to the last code used. */
static HPDF_Dict cid_to_gid(pdf_fonts *pf, const uint32_t *codes, const fonts_subset *s,
			    size_t n)
{
	size_t len = n ? 2 * ((size_t)codes[n - 1] + 1) : 2;
	unsigned char *map = xcalloc(len, 1);
	for (size_t k = 0; k < n; k++) {
		map[2 * codes[k]] = (unsigned char)(s->gid[k] >> 8);
		map[2 * codes[k] + 1] = (unsigned char)(s->gid[k] & 0xFF);
	}
	HPDF_Dict st = flate_stream(pf, map, len);
	free(map);
	return st;
}

/* Turns the list of private-range codes into (code, character) pairs,
 * dropping glyphs drawn by id that no character names. */
static void astral_chars(pdf_fonts *pf, int face, const font_out *fo, vec_unsigned *v)
{
	size_t n = v->n;
	uint32_t *gids = xmalloc((n + 1) * sizeof(uint32_t));
	uint32_t *chars = xcalloc(n + 1, sizeof(uint32_t));
	size_t ngid = 0;
	for (size_t k = 0; k < n; k++) {
		uint32_t c = code_char(fo, v->v[k]);
		if (LAY_IS_GID(c))
			gids[ngid++] = LAY_GID_OF(c);
	}
	if (ngid && fonts_glyph_chars(pf->fonts, face, gids, ngid, chars) < 0)
		memset(chars, 0, ngid * sizeof(uint32_t));
	vec_unsigned out = { 0 };
	size_t g = 0;
	for (size_t k = 0; k < n; k++) {
		uint32_t c = code_char(fo, v->v[k]);
		if (LAY_IS_GID(c))
			c = chars[g++];
		if (c == 0)
			continue;
		VEC_PUSH(out, v->v[k]);
		VEC_PUSH(out, c);
	}
	free(gids);
	free(chars);
	VEC_FREE(*v);
	*v = out;
}

/* A ToUnicode CMap saying what the codes already are: one bfrange per
 * run of consecutive codes (a range may not cross a high byte). */
static HPDF_Dict to_unicode(pdf_fonts *pf, int face, const font_out *fo,
			    const uint32_t *codes, size_t n)
{
	strbuf b = STRBUF_INIT;
	sb_puts(&b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
		    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
		    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
		    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	VEC(unsigned) runs = { 0 }; /* lo, hi pairs */
	vec_unsigned astral = { 0 };
	for (size_t k = 0; k < n; k++) {
		if (codes[k] != code_char(fo, codes[k])) {
			VEC_PUSH(astral, codes[k]);
			continue;
		}
		unsigned lo = codes[k], hi = lo;
		while (k + 1 < n && codes[k + 1] == hi + 1 && (hi + 1) >> 8 == lo >> 8 &&
		       codes[k + 1] == code_char(fo, codes[k + 1]))
			hi = codes[++k];
		VEC_PUSH(runs, lo);
		VEC_PUSH(runs, hi);
	}
	astral_chars(pf, face, fo, &astral);
	for (size_t i = 0; i < astral.n; i += 200) {
		size_t m = astral.n - i < 200 ? astral.n - i : 200;
		sb_printf(&b, "%zu beginbfchar\n", m / 2);
		for (size_t k = 0; k < m; k += 2) {
			unsigned code = astral.v[i + k];
			uint32_t cp = astral.v[i + k + 1];
			if (cp <= 0xFFFF) {
				sb_printf(&b, "<%04X> <%04X>\n", code, cp);
				continue;
			}
			cp -= 0x10000;
			sb_printf(&b, "<%04X> <%04X%04X>\n", code, 0xD800 + (cp >> 10),
				  0xDC00 + (cp & 0x3FF));
		}
		sb_puts(&b, "endbfchar\n");
	}
	VEC_FREE(astral);
	size_t nr = runs.n / 2;
	for (size_t i = 0; i < nr; i += 100) {
		size_t m = nr - i < 100 ? nr - i : 100;
		sb_printf(&b, "%zu beginbfrange\n", m);
		for (size_t k = 0; k < m; k++) {
			unsigned lo = runs.v[2 * (i + k)], hi = runs.v[2 * (i + k) + 1];
			sb_printf(&b, "<%04X> <%04X> <%04X>\n", lo, hi, lo);
		}
		sb_puts(&b, "endbfrange\n");
	}
	VEC_FREE(runs);
	sb_puts(&b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
	HPDF_Dict st = flate_stream(pf, b.s, b.len);
	sb_free(&b);
	return st;
}

static int finish_face(pdf_fonts *pf, int face, int want_cidset)
{
	font_out *fo = &pf->v[face];
	size_t n = 0;
	uint32_t *codes = used_codes(fo, &n);
	uint32_t *chars = xmalloc((n + 1) * sizeof(uint32_t));
	for (size_t k = 0; k < n; k++)
		chars[k] = code_char(fo, codes[k]);
	fonts_subset s;
	int made = fonts_subset_make(pf->fonts, face, chars, n, &s);
	free(chars);
	if (made < 0) {
		free(codes);
		return -1;
	}
	char tag[7], base[80];
	subset_tag(s.name, fo, tag);
	snprintf(base, sizeof base, "%s+%s", tag, s.name);
	HPDF_MMgr mm = pf->pdf->mmgr;
	int rc = -1;
	HPDF_Dict program = flate_stream(pf, s.data, s.len);
	if (program == NULL)
		goto done;
	HPDF_Dict_AddNumber(program, "Length1", (HPDF_INT32)s.len);
	HPDF_Dict cidset = want_cidset ? cid_set(pf, codes, &s, n) : NULL;
	if (want_cidset && cidset == NULL)
		goto done;
	HPDF_Dict desc = descriptor(pf, &s, base, program, cidset);
	HPDF_Dict map = cid_to_gid(pf, codes, &s, n);
	HPDF_Dict cmap = to_unicode(pf, face, fo, codes, n);
	HPDF_Array widths = width_array(pf, fo, codes, n);
	HPDF_Dict cid = indirect_dict(pf);
	HPDF_Dict info = HPDF_Dict_New(mm);
	HPDF_Array desc_list = HPDF_Array_New(mm);
	if (!desc || !map || !cmap || !widths || !cid || !info || !desc_list)
		goto done;
	HPDF_Dict_Add(info, "Registry", HPDF_String_New(mm, "Adobe", NULL));
	HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mm, "Identity", NULL));
	HPDF_Dict_AddNumber(info, "Supplement", 0);
	HPDF_Dict_AddName(cid, "Type", "Font");
	HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2");
	HPDF_Dict_AddName(cid, "BaseFont", base);
	HPDF_Dict_Add(cid, "CIDSystemInfo", info);
	HPDF_Dict_Add(cid, "FontDescriptor", desc);
	HPDF_Dict_Add(cid, "W", widths);
	HPDF_Dict_Add(cid, "CIDToGIDMap", map);
	HPDF_Array_Add(desc_list, cid);
	HPDF_Dict_AddName(fo->type0, "BaseFont", base);
	HPDF_Dict_Add(fo->type0, "DescendantFonts", desc_list);
	HPDF_Dict_Add(fo->type0, "ToUnicode", cmap);
	rc = HPDF_GetError(pf->pdf) == HPDF_OK ? 0 : -1;
done:
	if (rc < 0 && HPDF_GetError(pf->pdf) == HPDF_OK)
		folio_report(pf->diag, FOLIO_FATAL, (folio_loc){ fonts_file(pf->fonts, face), 0, 0 },
			     "cannot write the PDF objects of %s %s",
			     fonts_family(pf->fonts, face), fonts_style(pf->fonts, face));
	fonts_subset_free(&s);
	free(codes);
	return rc;
}

int pdf_fonts_finish(pdf_fonts *pf, int want_cidset)
{
	for (int i = 0; i < pf->n; i++)
		if (pf->v[i].type0 && finish_face(pf, i, want_cidset) < 0)
			return -1;
	return 0;
}
