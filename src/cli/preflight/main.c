/*
 * folio-preflight: the program behind `folio preflight` (see
 * src/preflight/preflight.h).  It is a program of its own because libqpdf,
 * which reads the PDF, brings libstdc++, GnuTLS and others with it: loading
 * them cost every `folio build` about 3 ms before it did any work.
 */
#include "preflight/preflight.h"

int main(int argc, char **argv)
{
	static char name[] = "preflight";
	argv[0] = name;
	return preflight_main(argc, argv);
}
