/* libs: folio_read folio_tree folio_util */
/*
 * test_mathml: MathML in the tree.  Elements of MathML's namespace are
 * kept as FOLIO_NODE_MATHML nodes with their names and attributes, their
 * white space settled as MathML does; unsupported elements keep their
 * text with one warning per name; and the linear form of equations
 * (folio_math_linear) reads as plain text would write them.
 */
#include "folio/folio.h"
#include "folio/mathml.h"
#include "harness.h"
#include "read_util.h"

#define DB "xmlns=\"http://docbook.org/ns/docbook\""
#define MML "xmlns:m=\"http://www.w3.org/1998/Math/MathML\""

static folio_doc *read_math(const char *math, struct diags *d)
{
	char xml[8192];
	snprintf(xml, sizeof xml,
		 "<article " DB " " MML "><para>x</para>\n<informalequation>%s</informalequation></article>",
		 math);
	return read_str(xml, d);
}

static const char *linear_of(const char *math)
{
	struct diags d;
	folio_doc *doc = read_math(math, &d);
	if (doc == NULL)
		return "(unreadable)";
	static char out[1024];
	folio_node *m = find_kind(doc->root, FOLIO_NODE_MATHML, 0);
	snprintf(out, sizeof out, "%s", m ? folio_math_linear(doc, m) : "(none)");
	folio_doc_free(doc);
	return out;
}

static void test_tree(void)
{
	struct diags d;
	folio_doc *doc = read_math(
		"<m:math display=\"block\">\n  <m:mrow>\n    <m:mi> x </m:mi>\n"
		"    <m:mo stretchy=\"false\">=</m:mo>\n    <m:mtext>  two   words </m:mtext>\n"
		"  </m:mrow>\n</m:math>", &d);
	OK(doc != NULL);
	if (doc == NULL)
		return;
	STR_EQ(dump(find_kind(doc->root, FOLIO_NODE_INFORMALEQUATION, 0)),
	       "informalequation(math(mrow(mi('x') mo('=') mtext('two words'))))");
	folio_node *m = find_kind(doc->root, FOLIO_NODE_MATHML, 0);
	OK(m && folio_mml_of(m) == FOLIO_MML_MATH);
	STR_EQ(folio_node_attr(m, "display"), "block");
	folio_node *mo = find_kind(doc->root, FOLIO_NODE_MATHML, 3);
	OK(mo && folio_mml_of(mo) == FOLIO_MML_MO);
	STR_EQ(folio_node_attr(mo, "stretchy"), "false");
	STR_EQ(lc(mo), "5:5");
	INT_EQ(d.warnings, 0);
	folio_doc_free(doc);

	/* the table of names */
	INT_EQ(folio_mml_from_name("mfrac"), FOLIO_MML_MFRAC);
	INT_EQ(folio_mml_from_name("annotation-xml"), FOLIO_MML_ANNOTATION_XML);
	INT_EQ(folio_mml_from_name("apply"), FOLIO_MML_UNSUPPORTED);
	STR_EQ(folio_mml_name(FOLIO_MML_MUNDEROVER), "munderover");
	for (int k = FOLIO_MML_UNSUPPORTED + 1; k < FOLIO_MML_COUNT; k++)
		INT_EQ(folio_mml_from_name(folio_mml_name((folio_mml)k)), k);
}

static void test_unsupported(void)
{
	struct diags d;
	folio_doc *doc = read_math(
		"<m:math><m:apply><m:plus/><m:ci>a</m:ci><m:ci>b</m:ci></m:apply>"
		"<m:maction actiontype=\"toggle\"><m:mi>c</m:mi></m:maction></m:math>", &d);
	OK(doc != NULL);
	if (doc == NULL)
		return;
	/* one warning per name, at its first place; the text is kept */
	INT_EQ(d.warnings, 4);
	OK(diag_has(&d, "t.xml:2:27: warning: MathML element <apply> is not supported (folio typesets presentation MathML); its text is kept"));
	INT_EQ(diag_count(&d, "<ci> is not supported"), 1);
	OK(diag_has(&d, "<maction> is not supported"));
	folio_node *m = find_kind(doc->root, FOLIO_NODE_MATHML, 0);
	STR_EQ(folio_math_linear(doc, m), "a b c");
	folio_doc_free(doc);

	/* TeX in alt: read, never a warning */
	doc = read_str("<article " DB " " MML "><equation><alt>x^2</alt>"
		       "<m:math><m:msup><m:mi>x</m:mi><m:mn>2</m:mn></m:msup></m:math>"
		       "</equation></article>", &d);
	OK(doc != NULL);
	if (doc) {
		INT_EQ(d.warnings, 0);
		folio_doc_free(doc);
	}
}

static void test_linear(void)
{
	STR_EQ(linear_of("<m:math><m:msub><m:mi>H</m:mi><m:mi>c</m:mi></m:msub><m:mo>=</m:mo>"
			 "<m:mn>1</m:mn><m:mo>−</m:mo><m:mfrac><m:mn>1</m:mn>"
			 "<m:msub><m:mi>R</m:mi><m:mn>0</m:mn></m:msub></m:mfrac></m:math>"),
	       "H_c = 1 − 1/R_0");
	/* the source's alttext wins */
	STR_EQ(linear_of("<m:math alttext=\" a  over b \"><m:mfrac><m:mi>a</m:mi><m:mi>b</m:mi></m:mfrac></m:math>"),
	       "a over b");
	/* groups of more than one atom in parentheses; a fence is a group */
	STR_EQ(linear_of("<m:math><m:mfrac><m:mrow><m:mi>a</m:mi><m:mo>+</m:mo><m:mi>b</m:mi></m:mrow>"
			 "<m:mn>2</m:mn></m:mfrac></m:math>"),
	       "(a + b)/2");
	STR_EQ(linear_of("<m:math><m:msup><m:mrow><m:mo>(</m:mo><m:mi>x</m:mi><m:mo>−</m:mo>"
			 "<m:mi>y</m:mi><m:mo>)</m:mo></m:mrow><m:mn>2</m:mn></m:msup></m:math>"),
	       "(x − y)^2");
	/* a leading minus is unary; letters and scripts are kept apart */
	STR_EQ(linear_of("<m:math><m:mo>−</m:mo><m:mi>b</m:mi><m:mo>±</m:mo><m:mn>4</m:mn>"
			 "<m:mi>a</m:mi><m:mi>c</m:mi></m:math>"),
	       "−b ± 4a c");
	STR_EQ(linear_of("<m:math><m:msub><m:mi>β</m:mi><m:mn>1</m:mn></m:msub>"
			 "<m:msub><m:mi>x</m:mi><m:mi>i</m:mi></m:msub></m:math>"),
	       "β_1 x_i");
	STR_EQ(linear_of("<m:math><m:munderover><m:mo>∑</m:mo><m:mrow><m:mi>i</m:mi><m:mo>=</m:mo>"
			 "<m:mn>1</m:mn></m:mrow><m:mi>n</m:mi></m:munderover><m:msub><m:mi>x</m:mi>"
			 "<m:mi>i</m:mi></m:msub></m:math>"),
	       "∑_(i = 1)^n x_i");
	STR_EQ(linear_of("<m:math><m:msqrt><m:mi>x</m:mi><m:mo>+</m:mo><m:mn>1</m:mn></m:msqrt>"
			 "<m:mroot><m:mn>27</m:mn><m:mn>3</m:mn></m:mroot></m:math>"),
	       "√(x + 1)√[3]27");
	/* an accent over one letter is a combining mark after a joiner */
	STR_EQ(linear_of("<m:math><m:mover accent=\"true\"><m:mi>y</m:mi><m:mo>¯</m:mo></m:mover></m:math>"),
	       "y\xCD\x8F\xCC\x84");
	STR_EQ(linear_of("<m:math><m:mtable><m:mtr><m:mtd><m:mi>a</m:mi></m:mtd><m:mtd><m:mi>b</m:mi></m:mtd></m:mtr>"
			 "<m:mtr><m:mtd><m:mi>c</m:mi></m:mtd><m:mtd><m:mi>d</m:mi></m:mtd></m:mtr></m:mtable></m:math>"),
	       "[a, b; c, d]");
	STR_EQ(linear_of("<m:math><m:mmultiscripts><m:mi>C</m:mi><m:mprescripts/><m:mn>6</m:mn>"
			 "<m:mn>14</m:mn></m:mmultiscripts></m:math>"),
	       "_6^14C");
	/* semantics shows its first child; phantoms and annotations nothing */
	STR_EQ(linear_of("<m:math><m:semantics><m:mi>x</m:mi><m:annotation encoding=\"application/x-tex\">"
			 "x</m:annotation></m:semantics><m:mphantom><m:mi>y</m:mi></m:mphantom></m:math>"),
	       "x");
}

int main(void)
{
	test_tree();
	test_unsupported();
	test_linear();
	DONE();
}
