/*
 * number: the one parser for numbers read from styles and attributes.
 * It takes a decimal number (strtod's syntax without its "nan", "inf"
 * and hexadecimal forms), followed by an optional suffix the caller
 * accepts, and checks it against a closed range.  NaN and the infinities
 * never get through, so no range check downstream can be fooled by them.
 */
#ifndef FOLIO_UTIL_NUMBER_H
#define FOLIO_UTIL_NUMBER_H

typedef enum {
	NUMBER_OK,
	NUMBER_SYNTAX,    /* not a number, or followed by something else */
	NUMBER_RANGE      /* a number outside [min, max] (or zero when refused) */
} number_status;

/* Parses the number at the start of text into *value and points *rest at
 * what follows it (blanks skipped); NUMBER_SYNTAX for no number, NaN or
 * an infinity. */
number_status number_scan(const char *text, double *value, const char **rest);
/* The whole of text as a number in [min, max]; nonzero: 0 is refused
 * even inside the range (a size, a width).  Blanks around are allowed. */
number_status number_parse(const char *text, double min, double max,
			   int nonzero, double *value);

#endif
