/*
 * template: `folio new DIR`, a new course reader copied from the shipped
 * template (templates/reader/ beside the styles folder): reader.xml with
 * one article, a glossary database and a BibTeX database.
 */
#ifndef FOLIO_CLI_TEMPLATE_H
#define FOLIO_CLI_TEMPLATE_H

/* Copies the template into dir (made if missing).  A file already there
 * is never replaced: the copy stops before writing anything when one of
 * the template's files exists in dir.  Returns the exit status (0, or 2
 * with a message on stderr). */
int template_new(const char *dir, const char *styles_dir);

#endif
