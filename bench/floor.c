/*
 * floor: the least any DocBook-to-PDF-and-EPUB compiler built on these
 * libraries can cost, measured on the same input and output sizes as folio.
 *
 *   floor xml SOURCE.xml              parse with libxml2 (XInclude on) and free
 *   floor pdf SOURCE.xml PAGES OUT    parse, then write PAGES pages of the
 *                                     document's text with libharu, one
 *                                     TextOut per line, no layout
 *   floor zip EPUB OUT                re-zip the entries of an EPUB with libzip
 *
 * The benchmark divides folio's times by these.
 */
#include <hpdf.h>
#include <libxml/parser.h>
#include <libxml/xinclude.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

static const char *font_path = "/usr/share/fonts/truetype/charis/CharisSIL-Regular.ttf";

static xmlDocPtr parse(const char *path)
{
	xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
	if (doc == NULL) {
		fprintf(stderr, "floor: cannot parse %s\n", path);
		exit(2);
	}
	xmlXIncludeProcessFlags(doc, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
	return doc;
}

static void error_handler(HPDF_STATUS code, HPDF_STATUS detail, void *data)
{
	(void)data;
	fprintf(stderr, "floor: libharu error %04X/%u\n", (unsigned)code, (unsigned)detail);
	exit(2);
}

/* Splits the text into lines of about 70 bytes, cutting at spaces and
 * never inside a UTF-8 sequence. */
static size_t next_line(const char *s, size_t len, size_t at, size_t *end)
{
	while (at < len && (s[at] == ' ' || s[at] == '\n' || s[at] == '\t'))
		at++;
	size_t e = at + 70 < len ? at + 70 : len;
	while (e < len && e > at && s[e] != ' ')
		e--;
	if (e == at)
		e = at + 70 < len ? at + 70 : len;
	while (e < len && ((unsigned char)s[e] & 0xC0) == 0x80)
		e++;
	*end = e;
	return at;
}

static int write_pdf(const char *src, int pages, const char *out)
{
	xmlDocPtr doc = parse(src);
	xmlChar *text = xmlNodeGetContent(xmlDocGetRootElement(doc));
	size_t len = strlen((const char *)text);
	for (size_t i = 0; i < len; i++)
		if (text[i] == '\n' || text[i] == '\t')
			text[i] = ' ';
	HPDF_Doc pdf = HPDF_New(error_handler, NULL);
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(pdf);
	const char *name = HPDF_LoadTTFontFromFile(pdf, font_path, HPDF_TRUE);
	HPDF_Font font = HPDF_GetFont(pdf, name, "UTF-8");
	size_t at = 0;
	int lines_per_page = 33;
	char line[512];
	for (int p = 0; p < pages; p++) {
		HPDF_Page page = HPDF_AddPage(pdf);
		HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A5, HPDF_PAGE_PORTRAIT);
		HPDF_Page_BeginText(page);
		HPDF_Page_SetFontAndSize(page, font, 10.5);
		for (int l = 0; l < lines_per_page; l++) {
			size_t end;
			size_t start = next_line((const char *)text, len, at, &end);
			if (start >= len) {
				at = 0; /* the text ran out: start it again */
				start = next_line((const char *)text, len, 0, &end);
			}
			size_t n = end - start < sizeof line - 1 ? end - start : sizeof line - 1;
			memcpy(line, text + start, n);
			line[n] = '\0';
			HPDF_Page_TextOut(page, 50, 550 - 14.5f * l, line);
			at = end;
		}
		HPDF_Page_EndText(page);
	}
	HPDF_SaveToFile(pdf, out);
	HPDF_Free(pdf);
	xmlFree(text);
	xmlFreeDoc(doc);
	return 0;
}

static int rezip(const char *epub, const char *out)
{
	int err = 0;
	zip_t *in = zip_open(epub, ZIP_RDONLY, &err);
	if (in == NULL) {
		fprintf(stderr, "floor: cannot open %s\n", epub);
		return 2;
	}
	zip_t *z = zip_open(out, ZIP_CREATE | ZIP_TRUNCATE, &err);
	zip_int64_t n = zip_get_num_entries(in, 0);
	for (zip_int64_t i = 0; i < n; i++) {
		zip_stat_t st;
		zip_stat_index(in, (zip_uint64_t)i, 0, &st);
		char *buf = malloc(st.size ? st.size : 1);
		zip_file_t *f = zip_fopen_index(in, (zip_uint64_t)i, 0);
		zip_fread(f, buf, st.size);
		zip_fclose(f);
		zip_source_t *s = zip_source_buffer(z, buf, st.size, 1);
		zip_int64_t idx = zip_file_add(z, st.name, s, ZIP_FL_ENC_UTF_8);
		zip_set_file_compression(z, (zip_uint64_t)idx,
					 i == 0 ? ZIP_CM_STORE : ZIP_CM_DEFLATE, i == 0 ? 0 : 6);
	}
	zip_close(z);
	zip_discard(in);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "xml") == 0) {
		xmlFreeDoc(parse(argv[2]));
		return 0;
	}
	if (argc == 5 && strcmp(argv[1], "pdf") == 0)
		return write_pdf(argv[2], atoi(argv[3]), argv[4]);
	if (argc == 4 && strcmp(argv[1], "zip") == 0)
		return rezip(argv[2], argv[3]);
	fprintf(stderr, "usage: floor xml SRC | pdf SRC PAGES OUT | zip EPUB OUT\n");
	return 2;
}
