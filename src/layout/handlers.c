/*
 * handlers: the table of ENTER and EXIT handlers by node kind that the
 * flow's walk calls (flow.c), and what it says of each kind.  Every kind
 * of include/folio/elements.def has an entry, either a handler or
 * IGNORED (layout sets nothing for it), so a kind added without one is
 * caught by the unit test (test_layout_kinds) rather than set as
 * whatever a default did.  Which route the walk gives a kind (division,
 * metadata, inline, block) is its class; the entry says what is done.
 */
#include "layout/flow_walk.h"

#define H(enter, exit) { fl_enter_##enter, fl_exit_##exit, 0 }
/* The handler places the element's anchor itself (before a float's box,
 * on an entry's first line). */
#define ANCHORED(enter, exit) { fl_enter_##enter, fl_exit_##exit, 1 }
#define IGNORED { fl_ignore, fl_exit_restore, 0 }
#define INLINE H(inline, restore)

const flow_handler flow_handlers[FOLIO_NODE_KIND_COUNT] = {
	/* text is set by the walk itself (on_text) */
	[FOLIO_NODE_TEXT] = { NULL, NULL, 0 },

	/* divisions: a heading and a contents entry (divisions.c) */
	[FOLIO_NODE_BOOK] = H(division, section),
	[FOLIO_NODE_PART] = H(division, section),
	[FOLIO_NODE_PARTINTRO] = H(division, section),
	[FOLIO_NODE_PREFACE] = H(division, section),
	[FOLIO_NODE_CHAPTER] = H(division, section),
	[FOLIO_NODE_ARTICLE] = H(division, section),
	[FOLIO_NODE_APPENDIX] = H(division, section),
	[FOLIO_NODE_SECTION] = H(division, section),
	[FOLIO_NODE_SIMPLESECT] = H(division, section),
	[FOLIO_NODE_SET] = H(division, section),
	[FOLIO_NODE_TOPIC] = H(division, section),
	[FOLIO_NODE_REFERENCE] = H(division, section),
	[FOLIO_NODE_REFENTRY] = H(division, section),
	[FOLIO_NODE_REFSYNOPSISDIV] = H(division, section),
	[FOLIO_NODE_REFSECTION] = H(division, section),
	[FOLIO_NODE_REFSECT1] = H(division, section),
	[FOLIO_NODE_REFSECT2] = H(division, section),
	[FOLIO_NODE_REFSECT3] = H(division, section),
	[FOLIO_NODE_ACKNOWLEDGEMENTS] = H(division, section),
	[FOLIO_NODE_DEDICATION] = H(division, section),
	[FOLIO_NODE_COLOPHON] = H(division, section),
	[FOLIO_NODE_GLOSSARY] = H(division, section),
	[FOLIO_NODE_BIBLIOGRAPHY] = H(division, section),
	[FOLIO_NODE_INDEX] = H(division, section),

	/* the divisions of glossaries, bibliographies and the index (blocks.c) */
	[FOLIO_NODE_GLOSSDIV] = H(subdivision, block),
	[FOLIO_NODE_BIBLIODIV] = H(subdivision, block),
	[FOLIO_NODE_INDEXDIV] = H(subdivision, block),

	/* metadata: a title is set by its owner; the rest is read by resolve and
	 * the title pages, not printed where it stands */
	[FOLIO_NODE_TITLE] = H(title, restore),
	[FOLIO_NODE_INFO] = IGNORED, [FOLIO_NODE_SUBTITLE] = IGNORED,
	[FOLIO_NODE_TITLEABBREV] = IGNORED, [FOLIO_NODE_AUTHOR] = IGNORED,
	[FOLIO_NODE_EDITOR] = IGNORED, [FOLIO_NODE_OTHERCREDIT] = IGNORED,
	[FOLIO_NODE_AUTHORGROUP] = IGNORED, [FOLIO_NODE_CORPAUTHOR] = IGNORED,
	[FOLIO_NODE_COLLAB] = IGNORED, [FOLIO_NODE_ORG] = IGNORED,
	[FOLIO_NODE_AFFILIATION] = IGNORED, [FOLIO_NODE_PERSONBLURB] = IGNORED,
	[FOLIO_NODE_CONTRIB] = IGNORED, [FOLIO_NODE_PUBDATE] = IGNORED,
	[FOLIO_NODE_EDITION] = IGNORED, [FOLIO_NODE_PUBLISHER] = IGNORED,
	[FOLIO_NODE_PUBLISHERNAME] = IGNORED, [FOLIO_NODE_COPYRIGHT] = IGNORED,
	[FOLIO_NODE_YEAR] = IGNORED, [FOLIO_NODE_HOLDER] = IGNORED,
	[FOLIO_NODE_LEGALNOTICE] = IGNORED, [FOLIO_NODE_ABSTRACT] = IGNORED,
	[FOLIO_NODE_KEYWORDSET] = IGNORED, [FOLIO_NODE_KEYWORD] = IGNORED,
	[FOLIO_NODE_SUBJECTSET] = IGNORED, [FOLIO_NODE_SUBJECT] = IGNORED,
	[FOLIO_NODE_SUBJECTTERM] = IGNORED, [FOLIO_NODE_BIBLIOID] = IGNORED,
	[FOLIO_NODE_ISBN] = IGNORED, [FOLIO_NODE_ISSN] = IGNORED,
	[FOLIO_NODE_COVER] = IGNORED, [FOLIO_NODE_RELEASEINFO] = IGNORED,
	[FOLIO_NODE_VOLUMENUM] = IGNORED, [FOLIO_NODE_ISSUENUM] = IGNORED,
	[FOLIO_NODE_PAGENUMS] = IGNORED, [FOLIO_NODE_ARTPAGENUMS] = IGNORED,
	[FOLIO_NODE_BIBLIOMSET] = IGNORED, [FOLIO_NODE_BIBLIOSET] = IGNORED,
	[FOLIO_NODE_BIBLIOMISC] = IGNORED, [FOLIO_NODE_BIBLIOSOURCE] = IGNORED,
	[FOLIO_NODE_BIBLIORELATION] = IGNORED,
	[FOLIO_NODE_REVHISTORY] = IGNORED, [FOLIO_NODE_REVISION] = IGNORED,
	[FOLIO_NODE_REVNUMBER] = IGNORED, [FOLIO_NODE_REVREMARK] = IGNORED,
	[FOLIO_NODE_REVDESCRIPTION] = IGNORED, [FOLIO_NODE_PRINTHISTORY] = IGNORED,
	[FOLIO_NODE_ANNOTATION] = IGNORED, [FOLIO_NODE_REFMETA] = IGNORED,
	[FOLIO_NODE_REFMISCINFO] = IGNORED,
	[FOLIO_NODE_AUTHORINITIALS] = IGNORED, [FOLIO_NODE_META] = IGNORED,
	[FOLIO_NODE_EXTENDEDLINK] = IGNORED, [FOLIO_NODE_ALT] = IGNORED,
	[FOLIO_NODE_REMARK] = IGNORED, [FOLIO_NODE_INDEXTERM] = IGNORED,
	[FOLIO_NODE_PRIMARY] = IGNORED, [FOLIO_NODE_SECONDARY] = IGNORED,
	[FOLIO_NODE_TERTIARY] = IGNORED, [FOLIO_NODE_SEE] = IGNORED,
	[FOLIO_NODE_SEEALSO] = IGNORED,

	/* paragraphs (blocks.c) */
	[FOLIO_NODE_PARA] = H(para, para),
	[FOLIO_NODE_SIMPARA] = H(para, para),
	/* "name, name — purpose": the punctuation is resolve's (refentry.c) */
	[FOLIO_NODE_REFNAMEDIV] = H(para, para),
	[FOLIO_NODE_FORMALPARA] = H(formalpara, para),

	/* lists */
	[FOLIO_NODE_ITEMIZEDLIST] = H(list, list),
	[FOLIO_NODE_ORDEREDLIST] = H(list, list),
	[FOLIO_NODE_PROCEDURE] = H(list, list),
	[FOLIO_NODE_SUBSTEPS] = H(list, list),
	[FOLIO_NODE_SIMPLELIST] = H(simplelist, list),
	[FOLIO_NODE_SEGMENTEDLIST] = H(list, list),
	[FOLIO_NODE_SEGTITLE] = H(segtitle, restore),
	[FOLIO_NODE_SEGLISTITEM] = H(seglistitem, block),
	[FOLIO_NODE_SEG] = H(seg, block),
	[FOLIO_NODE_VARIABLELIST] = H(list, list),
	[FOLIO_NODE_QANDASET] = H(list, list),
	[FOLIO_NODE_GLOSSLIST] = H(list, list),
	[FOLIO_NODE_BIBLIOLIST] = H(list, list),
	[FOLIO_NODE_LISTITEM] = H(listitem, block),
	[FOLIO_NODE_STEP] = H(listitem, block),
	[FOLIO_NODE_MEMBER] = H(member, block),
	[FOLIO_NODE_VARLISTENTRY] = H(varlistentry, block),
	[FOLIO_NODE_TERM] = H(term, term),
	[FOLIO_NODE_QUESTION] = H(question, term),
	[FOLIO_NODE_ANSWER] = H(answer, block),

	/* quotes */
	[FOLIO_NODE_BLOCKQUOTE] = H(quote, quote),
	[FOLIO_NODE_EPIGRAPH] = H(quote, quote),
	[FOLIO_NODE_ATTRIBUTION] = H(attribution, block),

	/* admonitions, sidebars, examples */
	[FOLIO_NODE_NOTE] = H(admonition, admonition),
	[FOLIO_NODE_TIP] = H(admonition, admonition),
	[FOLIO_NODE_IMPORTANT] = H(admonition, admonition),
	[FOLIO_NODE_WARNING] = H(admonition, admonition),
	[FOLIO_NODE_CAUTION] = H(admonition, admonition),
	[FOLIO_NODE_DANGER] = H(admonition, admonition),
	[FOLIO_NODE_SIDEBAR] = H(admonition, admonition),
	[FOLIO_NODE_EXAMPLE] = H(admonition, admonition),
	[FOLIO_NODE_INFORMALEXAMPLE] = H(admonition, admonition),

	/* verbatim */
	[FOLIO_NODE_PROGRAMLISTING] = H(verbatim, verbatim),
	[FOLIO_NODE_SCREEN] = H(verbatim, verbatim),
	[FOLIO_NODE_SYNOPSIS] = H(verbatim, verbatim),
	[FOLIO_NODE_LITERALLAYOUT] = H(verbatim, verbatim),
	[FOLIO_NODE_ADDRESS] = H(verbatim, verbatim),

	/* headings and equations */
	[FOLIO_NODE_BRIDGEHEAD] = H(bridgehead, block),
	[FOLIO_NODE_EQUATION] = H(equation, block),
	[FOLIO_NODE_INFORMALEQUATION] = H(equation, block),

	/* glossary, bibliography and index entries */
	[FOLIO_NODE_GLOSSENTRY] = H(glossentry, block),
	[FOLIO_NODE_GLOSSDEF] = H(glossdef, block),
	[FOLIO_NODE_GLOSSSEE] = H(glosssee, block),
	[FOLIO_NODE_GLOSSSEEALSO] = H(glosssee, block),
	[FOLIO_NODE_BIBLIOMIXED] = ANCHORED(bibentry, bibentry),
	[FOLIO_NODE_BIBLIOENTRY] = ANCHORED(bibentry, bibentry),
	[FOLIO_NODE_INDEXENTRY] = H(indexentry, block),
	[FOLIO_NODE_PRIMARYIE] = H(indexlevel, block),
	[FOLIO_NODE_SECONDARYIE] = H(indexlevel, block),
	[FOLIO_NODE_TERTIARYIE] = H(indexlevel, block),

	/* floats (floats.c): they place their own anchor */
	[FOLIO_NODE_FIGURE] = ANCHORED(figure, block),
	[FOLIO_NODE_INFORMALFIGURE] = ANCHORED(figure, block),
	[FOLIO_NODE_MEDIAOBJECT] = ANCHORED(figure, block),
	[FOLIO_NODE_TABLE] = ANCHORED(table, block),
	[FOLIO_NODE_INFORMALTABLE] = ANCHORED(table, block),

	/* parts set inside their owner (a figure, a table, a Q&A set): met
	 * anywhere else, a block of their content */
	[FOLIO_NODE_STEPALTERNATIVES] = H(block, block),
	[FOLIO_NODE_QANDADIV] = H(block, block),
	[FOLIO_NODE_QANDAENTRY] = H(block, block),
	[FOLIO_NODE_LABEL] = H(block, block),
	[FOLIO_NODE_IMAGEOBJECT] = H(block, block),
	[FOLIO_NODE_IMAGEDATA] = H(block, block),
	[FOLIO_NODE_TEXTOBJECT] = H(block, block),
	[FOLIO_NODE_CAPTION] = H(block, block),
	[FOLIO_NODE_TGROUP] = H(block, block),
	[FOLIO_NODE_COLSPEC] = H(block, block),
	[FOLIO_NODE_SPANSPEC] = H(block, block),
	[FOLIO_NODE_THEAD] = H(block, block),
	[FOLIO_NODE_TBODY] = H(block, block),
	[FOLIO_NODE_TFOOT] = H(block, block),
	[FOLIO_NODE_ROW] = H(block, block),
	[FOLIO_NODE_ENTRY] = H(block, block),
	[FOLIO_NODE_TR] = H(block, block), [FOLIO_NODE_TD] = H(block, block),
	[FOLIO_NODE_TH] = H(block, block), [FOLIO_NODE_COL] = H(block, block),
	[FOLIO_NODE_COLGROUP] = H(block, block),

	/* inline markup (inlines.c) */
	[FOLIO_NODE_EMPHASIS] = H(emphasis, restore),
	[FOLIO_NODE_QUOTE] = H(quotemarks, restore),
	[FOLIO_NODE_SUBSCRIPT] = H(subscript, restore),
	[FOLIO_NODE_SUPERSCRIPT] = H(superscript, restore),
	[FOLIO_NODE_LINK] = H(link, restore),
	[FOLIO_NODE_OLINK] = H(link, restore),
	[FOLIO_NODE_XREF] = H(xref, xref),
	[FOLIO_NODE_BIBLIOREF] = H(xref, restore),
	[FOLIO_NODE_CITATION] = H(xref, restore),
	[FOLIO_NODE_TRADEMARK] = H(trademark, restore),
	[FOLIO_NODE_ANCHOR] = H(anchor, restore),
	[FOLIO_NODE_ACRONYM] = H(acronym, restore),
	[FOLIO_NODE_GLOSSTERM] = H(glossterm, restore),
	[FOLIO_NODE_FIRSTTERM] = H(glossterm, restore),
	[FOLIO_NODE_INLINEMEDIAOBJECT] = H(inlinemediaobject, restore),

	/* footnotes (notes.c) */
	[FOLIO_NODE_FOOTNOTE] = H(footnote, restore),
	[FOLIO_NODE_FOOTNOTEREF] = H(footnoteref, restore),

	/* the page lists of glossary and index entries (locators.c) */
	[FOLIO_NODE_GEN_LOCATORS] = H(locators, restore),
	[FOLIO_NODE_PI] = H(pi, restore),

	/* markup whose face fl_inline_face sets, or none; an element outside the
	 * subset is set as its text */
	[FOLIO_NODE_PERSONNAME] = INLINE, [FOLIO_NODE_FIRSTNAME] = INLINE,
	[FOLIO_NODE_GIVENNAME] = INLINE, [FOLIO_NODE_SURNAME] = INLINE,
	[FOLIO_NODE_HONORIFIC] = INLINE, [FOLIO_NODE_LINEAGE] = INLINE,
	[FOLIO_NODE_OTHERNAME] = INLINE, [FOLIO_NODE_ORGNAME] = INLINE,
	[FOLIO_NODE_ORGDIV] = INLINE, [FOLIO_NODE_JOBTITLE] = INLINE,
	[FOLIO_NODE_CITY] = INLINE, [FOLIO_NODE_STATE] = INLINE,
	[FOLIO_NODE_COUNTRY] = INLINE, [FOLIO_NODE_STREET] = INLINE,
	[FOLIO_NODE_POSTCODE] = INLINE, [FOLIO_NODE_DATE] = INLINE,
	[FOLIO_NODE_FOREIGNPHRASE] = INLINE, [FOLIO_NODE_PHRASE] = INLINE,
	[FOLIO_NODE_CITETITLE] = INLINE, [FOLIO_NODE_ABBREV] = INLINE,
	[FOLIO_NODE_WORDASWORD] = INLINE, [FOLIO_NODE_LITERAL] = INLINE,
	[FOLIO_NODE_CODE] = INLINE, [FOLIO_NODE_COMMAND] = INLINE,
	[FOLIO_NODE_FILENAME] = INLINE, [FOLIO_NODE_OPTION] = INLINE,
	[FOLIO_NODE_REPLACEABLE] = INLINE, [FOLIO_NODE_PARAMETER] = INLINE,
	[FOLIO_NODE_VARNAME] = INLINE, [FOLIO_NODE_ENVAR] = INLINE,
	[FOLIO_NODE_TAG] = INLINE, [FOLIO_NODE_URI] = INLINE,
	[FOLIO_NODE_EMAIL] = INLINE, [FOLIO_NODE_SYSTEMITEM] = INLINE,
	[FOLIO_NODE_USERINPUT] = INLINE, [FOLIO_NODE_COMPUTEROUTPUT] = INLINE,
	[FOLIO_NODE_PROMPT] = INLINE, [FOLIO_NODE_PACKAGE] = INLINE,
	[FOLIO_NODE_APPLICATION] = INLINE, [FOLIO_NODE_PRODUCTNAME] = INLINE,
	[FOLIO_NODE_PRODUCTNUMBER] = INLINE, [FOLIO_NODE_REFNAME] = INLINE,
	[FOLIO_NODE_REFPURPOSE] = INLINE, [FOLIO_NODE_REFCLASS] = INLINE,
	[FOLIO_NODE_REFDESCRIPTOR] = INLINE, [FOLIO_NODE_REFENTRYTITLE] = INLINE,
	[FOLIO_NODE_MANVOLNUM] = INLINE,
	[FOLIO_NODE_GUIMENU] = INLINE, [FOLIO_NODE_GUISUBMENU] = INLINE,
	[FOLIO_NODE_GUIMENUITEM] = INLINE, [FOLIO_NODE_GUIBUTTON] = INLINE,
	[FOLIO_NODE_GUILABEL] = INLINE, [FOLIO_NODE_GUIICON] = INLINE,
	[FOLIO_NODE_MENUCHOICE] = INLINE, [FOLIO_NODE_KEYCAP] = INLINE,
	[FOLIO_NODE_KEYCOMBO] = INLINE, [FOLIO_NODE_FUNCTION] = INLINE,
	[FOLIO_NODE_CLASSNAME] = INLINE, [FOLIO_NODE_CONSTANT] = INLINE,
	[FOLIO_NODE_TYPE] = INLINE, [FOLIO_NODE_ERRORCODE] = INLINE,
	[FOLIO_NODE_MARKUP] = INLINE, [FOLIO_NODE_MATHPHRASE] = INLINE,
	[FOLIO_NODE_INLINEEQUATION] = INLINE,
	[FOLIO_NODE_LINEANNOTATION] = INLINE, [FOLIO_NODE_UNKNOWN] = INLINE,

	/* MathML: a math element set whole (mathflow.c) */
	[FOLIO_NODE_MATHML] = H(math, restore),
};

int flow_kind_handling(folio_node_kind k)
{
	if (k == FOLIO_NODE_TEXT)
		return FLOW_KIND_HANDLED;
	if (k <= FOLIO_NODE_NONE || k >= FOLIO_NODE_KIND_COUNT ||
	    flow_handlers[k].enter == NULL || flow_handlers[k].exit == NULL)
		return FLOW_KIND_MISSING;
	return flow_handlers[k].enter == fl_ignore ? FLOW_KIND_IGNORED
						   : FLOW_KIND_HANDLED;
}
