/*
 * preflight.h: `folio preflight FILE.pdf [--preset NAME]`, the checks a
 * print shop runs on a PDF before it prints it (doc/print.md): page size
 * and boxes, page count, fonts, colour, image resolution, transparency,
 * annotations and the PDF/X or PDF/A identification.  Reads any PDF
 * through libqpdf, not only folio's.
 */
#ifndef FOLIO_PREFLIGHT_PREFLIGHT_H
#define FOLIO_PREFLIGHT_PREFLIGHT_H

/* argv[0] is "preflight".  Prints the report on stdout.  Returns 0 when
 * nothing would be rejected under the preset (or none was named), 1 when
 * something would, 2 for a usage error or a file that cannot be read. */
int preflight_main(int argc, char **argv);

#endif
