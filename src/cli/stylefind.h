/*
 * stylefind: where folio's shipped data lives and how a style given by
 * name (`--style a4-reader`) becomes a file; `folio styles` lists them.
 *
 * A style argument that names a file (it has a '/', ends in ".style" or
 * ".css", or exists) is used as given.  A bare name NAME is looked for
 * as NAME.style in, in order: the styles/ folder beside the source (the
 * reader's own project), the styles/ folder of the current directory,
 * the shipped styles (styles_dir()) and PREFIX/share/folio/styles.
 */
#ifndef FOLIO_CLI_STYLEFIND_H
#define FOLIO_CLI_STYLEFIND_H

#include <stdio.h>

/* The folder of the shipped styles: FOLIO_STYLES, else BIN/../share/
 * folio/styles beside the executable in BIN (an installed folio, under
 * any prefix or DESTDIR), else the build tree's styles/, else the
 * configured PREFIX/share/folio/styles.  fonts/, hyphenation/ and templates/
 * are found beside it. */
const char *styles_dir(void);

/* The style file for arg (a path or a name), malloc'd; NULL when arg is
 * a name found nowhere: then *searched (malloc'd) lists the folders
 * looked in, "a, b, c". */
char *style_find(const char *arg, const char *source, char **searched);

/* `folio styles [SOURCE]`: one line per style found, "NAME  description",
 * first found wins for a name.  Returns the exit status. */
int styles_list(FILE *out, const char *source);

#endif
