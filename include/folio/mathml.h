/*
 * mathml.h: MathML in the tree.  Every element of the MathML namespace
 * is one node kind, FOLIO_NODE_MATHML, whose name is the element's local
 * name ("mfrac") and whose attributes are kept as written; which element
 * it is comes from the table of mathml.def (folio_mml_of).  An element
 * outside that table is FOLIO_MML_UNSUPPORTED: back ends show its text.
 *
 * The linear form is the equation as one line of plain text
 * ("H_c = 1 − 1/R_0"): the EPUB's alttext, the text output, the PDF's
 * ActualText and a tagged PDF's Formula /Alt all use it.
 */
#ifndef FOLIO_MATHML_H
#define FOLIO_MATHML_H

#include "folio/tree.h"

#define FOLIO_NS_MATHML "http://www.w3.org/1998/Math/MathML"

typedef enum folio_mml {
	FOLIO_MML_NOT = 0,     /* not a MathML node */
	FOLIO_MML_UNSUPPORTED, /* MathML folio does not typeset */
#define FOLIO_MML(id, name, shape) FOLIO_MML_##id,
#include "folio/mathml.def"
#undef FOLIO_MML
	FOLIO_MML_COUNT
} folio_mml;

typedef enum folio_mml_shape {
	FOLIO_MML_SHAPE_TOKEN,
	FOLIO_MML_SHAPE_ROW,
	FOLIO_MML_SHAPE_SPECIAL
} folio_mml_shape;

/* Which MathML element n is (FOLIO_MML_NOT for other nodes). */
folio_mml folio_mml_of(const folio_node *n);
/* By local name: FOLIO_MML_UNSUPPORTED when the table lacks it. */
folio_mml folio_mml_from_name(const char *name);
const char *folio_mml_name(folio_mml m);
folio_mml_shape folio_mml_shape_of(folio_mml m);

/* The deepest MathML nesting the back ends lay out; deeper content is
 * shown as its linear form (the reader's nesting limit, 256, is lower
 * than the document's depth plus this only in contrived input). */
#define FOLIO_MML_MAX_DEPTH 100

/* Whether a math element stands as a display: marked display="block",
 * or, without a display attribute, alone in an equation or informal
 * equation (the EPUB's display="block", the PDF's centred line). */
int folio_math_is_display(const folio_node *math);

/* The linear form of a math element (or any MathML node), an arena
 * string: the math element's alttext when the source gives one, else
 * one made from the markup. */
const char *folio_math_linear(folio_doc *doc, const folio_node *math);
/* The same, always made from the markup (alttext not consulted). */
const char *folio_math_linear_made(folio_doc *doc, const folio_node *math);
/* folio_math_linear in memory of its own (the caller frees it), for a
 * back end that may no longer allocate in the document's arena (the
 * PDF's structure, written while the EPUB is made beside it). */
char *folio_math_linear_dup(const folio_node *math);

#endif
