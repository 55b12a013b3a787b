/*
 * xmp: the XMP packet (xmp.h).  Dublin Core for title, author and subject,
 * the PDF and XMP basic schemas for keywords, producer, tool and dates,
 * pdfaid for the PDF/A part and pdfuaid for PDF/UA (with its extension
 * schema description when the file is PDF/A too).  Values are XML-escaped; control
 * characters XML cannot hold are dropped.
 */
#include "backend/pdf/xmp.h"
#include "util/strbuf.h"

#include <string.h>

/* PDF/A admits only the XMP schemas it knows or a file describes: the
 * description of PDF/UA's identification schema (ISO 14289-1, 5). */
#define PDFUA_EXTENSION \
	"  <rdf:Description rdf:about=\"\"\n" \
	"    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n" \
	"    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n" \
	"    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n" \
	"   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n" \
	"    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n" \
	"    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n" \
	"    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n" \
	"    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n" \
	"     <pdfaProperty:name>part</pdfaProperty:name>\n" \
	"     <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n" \
	"     <pdfaProperty:category>internal</pdfaProperty:category>\n" \
	"     <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n" \
	"    </rdf:li></rdf:Seq></pdfaSchema:property>\n" \
	"   </rdf:li></rdf:Bag></pdfaExtension:schemas>\n" \
	"  </rdf:Description>\n"

static void put_text(strbuf *b, const char *s)
{
	size_t start = 0, i = 0;
	for (; s[i]; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
			continue;
		sb_put_xml(b, s + start, i - start);
		start = i + 1;
	}
	sb_put_xml(b, s + start, i - start);
}

static void simple(strbuf *b, const char *tag, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	sb_printf(b, "   <%s>", tag);
	put_text(b, value);
	sb_printf(b, "</%s>\n", tag);
}

static void alt(strbuf *b, const char *tag, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	sb_printf(b, "   <%s><rdf:Alt><rdf:li xml:lang=\"x-default\">", tag);
	put_text(b, value);
	sb_printf(b, "</rdf:li></rdf:Alt></%s>\n", tag);
}

char *xmp_packet(const xmp_info *x)
{
	strbuf b = STRBUF_INIT;
	sb_puts(&b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
		    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
		    " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
		    "  <rdf:Description rdf:about=\"\"\n"
		    "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
		    "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
		    "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"");
	if (x->pdfa_part)
		sb_puts(&b, "\n    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"");
	if (x->pdfua_part)
		sb_puts(&b, "\n    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"");
	sb_puts(&b, ">\n   <dc:format>application/pdf</dc:format>\n");
	alt(&b, "dc:title", x->title);
	if (x->author && *x->author) {
		/* one entry: the Info Author string as it is */
		sb_puts(&b, "   <dc:creator><rdf:Seq><rdf:li>");
		put_text(&b, x->author);
		sb_puts(&b, "</rdf:li></rdf:Seq></dc:creator>\n");
	}
	alt(&b, "dc:description", x->subject);
	simple(&b, "pdf:Keywords", x->keywords);
	simple(&b, "pdf:Producer", x->producer);
	simple(&b, "xmp:CreatorTool", x->creator_tool);
	simple(&b, "xmp:CreateDate", x->date);
	simple(&b, "xmp:ModifyDate", x->date);
	simple(&b, "xmp:MetadataDate", x->date);
	if (x->pdfa_part) {
		sb_printf(&b, "   <pdfaid:part>%d</pdfaid:part>\n", x->pdfa_part);
		simple(&b, "pdfaid:conformance", x->pdfa_conformance);
	}
	if (x->pdfua_part)
		sb_printf(&b, "   <pdfuaid:part>%d</pdfuaid:part>\n", x->pdfua_part);
	sb_puts(&b, "  </rdf:Description>\n");
	if (x->pdfua_part && x->pdfa_part)
		sb_puts(&b, PDFUA_EXTENSION);
	sb_puts(&b, " </rdf:RDF>\n</x:xmpmeta>\n");
	/* room to edit the packet in place, as XMP recommends */
	for (int i = 0; i < 20; i++)
		sb_puts(&b, "                                                                                                   \n");
	sb_puts(&b, "<?xpacket end=\"w\"?>");
	return sb_take(&b);
}
