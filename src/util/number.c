/*
 * number: numbers from styles and attributes, checked (number.h).
 */
#include "util/number.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>

number_status number_scan(const char *text, double *value, const char **rest)
{
	const char *p = text;
	while (isspace((unsigned char)*p))
		p++;
	/* strtod would also take "nan", "inf", "infinity" and "0x1p3": a
	 * number here is digits with an optional sign, point and exponent */
	const char *q = p;
	if (*q == '+' || *q == '-')
		q++;
	if (!isdigit((unsigned char)*q) && !(*q == '.' && isdigit((unsigned char)q[1])))
		return NUMBER_SYNTAX;
	if (q[0] == '0' && (q[1] == 'x' || q[1] == 'X'))
		return NUMBER_SYNTAX;
	char *end;
	errno = 0;
	double x = strtod(p, &end);
	if (end == p || !isfinite(x) || errno == ERANGE)
		return NUMBER_SYNTAX;
	while (isspace((unsigned char)*end))
		end++;
	*value = x;
	*rest = end;
	return NUMBER_OK;
}

number_status number_parse(const char *text, double min, double max,
			   int nonzero, double *value)
{
	double x;
	const char *rest;
	if (number_scan(text, &x, &rest) != NUMBER_OK || *rest != '\0')
		return NUMBER_SYNTAX;
	if (x < min || x > max || (nonzero && x == 0))
		return NUMBER_RANGE;
	*value = x;
	return NUMBER_OK;
}
