/* libs: folio_util */
/*
 * test_gate_numbers: the two checks every value from outside passes.
 *  - textgate: UTF-8 and XML 1.0's characters, with the line and column
 *    (in characters) of the first fault;
 *  - number: decimal numbers only (no NaN, infinities or hexadecimal),
 *    in a closed range, zero refused when asked;
 *  - limits: an environment variable lowers a limit, never raises it;
 *  - file names printed in diagnostics: control characters and bytes
 *    that are not UTF-8 are shown escaped, never sent to the terminal.
 */
#include "harness.h"
#include "util/limits.h"
#include "util/number.h"
#include "util/textgate.h"

#include <stdlib.h>
#include <string.h>

static void test_printable(void)
{
	char out[64];
	STR_EQ(textgate_printable("plain/caf\xc3\xa9.xml", out, sizeof out), "plain/caf\xc3\xa9.xml");
	STR_EQ(textgate_printable("a\x01" "b\xe9.xml", out, sizeof out), "a\\x01b\\xE9.xml");
	STR_EQ(textgate_printable("\x1b[31mred", out, sizeof out), "\\x1B[31mred");
	STR_EQ(textgate_printable("c1 \xc2\x9b here", out, sizeof out), "c1 \\u009B here");
	STR_EQ(textgate_printable("del\x7f", out, sizeof out), "del\\x7F");
	/* cut short at a whole piece, always terminated */
	STR_EQ(textgate_printable("ab\x01", out, 5), "ab");
	STR_EQ(textgate_printable("", out, sizeof out), "");
}

static void test_gate(void)
{
	textgate_fault f;
	OK(textgate_check("plain\ttext\r\n", 12, &f));
	OK(textgate_check("caf\xc3\xa9 \xe2\x80\x8f \xf4\x8f\xbf\xbf \xef\xbf\xbd", 18, &f));
	OK(textgate_check("", 0, &f));
	OK(!textgate_check("ab\ncd\x01", 6, &f));
	INT_EQ(f.line, 2);
	INT_EQ(f.col, 3);
	INT_EQ(f.cp, 1);
	INT_EQ(f.bad_utf8, 0);
	OK(!textgate_check("x\0y", 3, &f));
	INT_EQ(f.offset, 1);
	INT_EQ(f.cp, 0);
	OK(!textgate_check("\xc3\xa9\xe9", 3, &f)); /* é, then Latin-1 é */
	INT_EQ(f.col, 2);
	INT_EQ(f.bad_utf8, 1);
	INT_EQ(f.byte, 0xE9);
	OK(!textgate_check("\xef\xbf\xbe", 3, &f));  /* U+FFFE */
	INT_EQ(f.cp, 0xFFFE);
	OK(!textgate_check("\xed\xa0\x80", 3, &f));  /* a surrogate */
	INT_EQ(f.bad_utf8, 1);
	OK(!textgate_check("\xc0\xaf", 2, &f));      /* overlong */
	char what[96];
	textgate_check("a\x1b", 2, &f);
	STR_EQ(textgate_describe(&f, what, sizeof what),
	       "the control character U+001B, which XML does not allow");
	textgate_check("\xe9", 1, &f);
	STR_EQ(textgate_describe(&f, what, sizeof what), "the byte 0xE9, which is not UTF-8");
}

static void test_numbers(void)
{
	double v = -1;
	INT_EQ(number_parse("12.5", 0, 100, 0, &v), NUMBER_OK);
	OK(v == 12.5);
	INT_EQ(number_parse(" 7 ", 0, 100, 0, &v), NUMBER_OK);
	INT_EQ(number_parse("0", 0, 100, 1, &v), NUMBER_RANGE);
	INT_EQ(number_parse("0", 0, 100, 0, &v), NUMBER_OK);
	INT_EQ(number_parse("-1", 0, 100, 0, &v), NUMBER_RANGE);
	INT_EQ(number_parse("101", 0, 100, 0, &v), NUMBER_RANGE);
	static const char *const not_numbers[] = {
		"nan", "NaN", "-nan", "inf", "-Infinity", "0x10", "1e999", "", "  ",
		"1.5.2", "12px", "+", ".", "e5",
	};
	for (size_t i = 0; i < sizeof not_numbers / sizeof not_numbers[0]; i++)
		INT_EQ(number_parse(not_numbers[i], -1e9, 1e9, 0, &v), NUMBER_SYNTAX);
	const char *rest;
	INT_EQ(number_scan("2.5mm", &v, &rest), NUMBER_OK);
	STR_EQ(rest, "mm");
	INT_EQ(number_scan(".5 *", &v, &rest), NUMBER_OK);
	STR_EQ(rest, "*");
}

static void test_limits(void)
{
	size_t nodes = limit_value(LIMIT_NODES);
	INT_EQ(nodes, 2000000);
	setenv("FOLIO_MAX_NODES", "300", 1);
	INT_EQ(limit_value(LIMIT_NODES), 300);
	setenv("FOLIO_MAX_NODES", "9000000", 1); /* never raised */
	INT_EQ(limit_value(LIMIT_NODES), 2000000);
	setenv("FOLIO_MAX_NODES", "-5", 1);
	INT_EQ(limit_value(LIMIT_NODES), 2000000);
	setenv("FOLIO_MAX_NODES", "12abc", 1);
	INT_EQ(limit_value(LIMIT_NODES), 2000000);
	unsetenv("FOLIO_MAX_NODES");
	STR_EQ(limit_env_name(LIMIT_PARSED_BYTES), "FOLIO_MAX_PARSED_BYTES");
	char b[32];
	STR_EQ(limit_bytes_text(64u << 20, b, sizeof b), "64 MB");
	STR_EQ(limit_bytes_text(1000, b, sizeof b), "1000 bytes");
}

int main(void)
{
	test_gate();
	test_printable();
	test_numbers();
	test_limits();
	DONE();
}
