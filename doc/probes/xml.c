/* probe: libxml2 2.9.14 facts folio's reader works around.
 *   1. line numbers stop at 65535 without XML_PARSE_BIG_LINES, and are
 *      wrong after a long run of white space even with it;
 *   2. after its own XInclude, a node from a file in the same folder
 *      cannot tell which file it came from (xmlNodeGetBase);
 *   3. XML_PARSE_NOENT expands an external entity from the local disk
 *      even with XML_PARSE_NONET. */
#include <libxml/parser.h>
#include <libxml/xinclude.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
}

static xmlNode *last_element(xmlNode *n)
{
	xmlNode *found = NULL;
	for (xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			found = c;
	return found;
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : ".";
	char path[1024], path2[1024];
	xmlSetGenericErrorFunc(NULL, NULL);

	/* 1: an element on line 70003, after 70001 lines holding an element
	 * each, then after 70001 empty lines */
	snprintf(path, sizeof path, "%s/long.xml", dir);
	for (int blank = 0; blank < 2; blank++) {
		FILE *f = fopen(path, "w");
		fputs("<r>\n", f);
		for (int i = 0; i < 70001; i++)
			fputs(blank ? "\n" : "<x/>\n", f);
		fputs("<e/></r>\n", f);
		fclose(f);
		for (int big = 0; big < 2; big++) {
			xmlDoc *d = xmlReadFile(path, NULL, XML_PARSE_NONET | (big ? XML_PARSE_BIG_LINES : 0));
			printf("1. <e/> on line 70003 after %s lines, %s: xmlGetLineNo = %ld\n",
			       blank ? "empty" : "<x/>", big ? "BIG_LINES" : "default",
			       xmlGetLineNo(last_element(xmlDocGetRootElement(d))));
			xmlFreeDoc(d);
		}
	}

	/* 2: XInclude of a file in the same folder */
	snprintf(path, sizeof path, "%s/main.xml", dir);
	snprintf(path2, sizeof path2, "%s/part.xml", dir);
	write_file(path2, "<part>included</part>\n");
	write_file(path, "<r xmlns:xi=\"http://www.w3.org/2001/XInclude\">\n"
		   "<xi:include href=\"part.xml\"/>\n</r>\n");
	xmlDoc *d = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_XINCLUDE | XML_PARSE_NOXINCNODE);
	int n = xmlXIncludeProcessFlags(d, XML_PARSE_NONET | XML_PARSE_NOXINCNODE);
	xmlNode *part = last_element(xmlDocGetRootElement(d));
	xmlChar *base = xmlNodeGetBase(d, part);
	printf("2. included <%s> from part.xml (%d include): xmlNodeGetBase = %s, line %ld\n",
	       part->name, n, base, xmlGetLineNo(part));
	xmlFree(base);
	xmlFreeDoc(d);

	/* 3: an external entity naming a local file */
	snprintf(path, sizeof path, "%s/secret.txt", dir);
	write_file(path, "SECRET");
	snprintf(path2, sizeof path2, "%s/xxe.xml", dir);
	char doc[2048];
	snprintf(doc, sizeof doc, "<!DOCTYPE r [<!ENTITY x SYSTEM \"file://%s\">]><r>&x;</r>", path);
	write_file(path2, doc);
	int flags[] = { XML_PARSE_NONET, XML_PARSE_NONET | XML_PARSE_NOENT };
	for (int i = 0; i < 2; i++) {
		d = xmlReadFile(path2, NULL, flags[i]);
		xmlChar *t = d ? xmlNodeGetContent(xmlDocGetRootElement(d)) : NULL;
		printf("3. external entity, %s: content = \"%s\"\n",
		       i ? "NONET|NOENT" : "NONET", t ? (char *)t : "(no document)");
		xmlFree(t);
		xmlFreeDoc(d);
	}
	return 0;
}
