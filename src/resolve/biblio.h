/*
 * biblio.h: the bibliography's internal record, one per work, fed by both
 * database readers (DocBook biblioentry/bibliomixed in biblio_db.c, BibTeX
 * in bibtex.c) and read by the citation styles (cite_*.c).
 *
 * Strings are UTF-8 and live in the arena the database was given (the
 * document's arena during a build).  NULL means "not given".
 */
#ifndef FOLIO_RESOLVE_BIBLIO_H
#define FOLIO_RESOLVE_BIBLIO_H

#include "folio/diag.h"
#include "folio/tree.h"

struct folio_arena;
struct folio_hash;

typedef enum biblio_type {
	BIB_BOOK,       /* a book, authored or edited (editors, no authors) */
	BIB_CHAPTER,    /* a part of a book: container = the book */
	BIB_ARTICLE,    /* a journal article: container = the journal */
	BIB_PAPER,      /* a paper in proceedings: container = the proceedings */
	BIB_REPORT,     /* a report, working paper, technical report */
	BIB_THESIS,     /* a thesis or dissertation */
	BIB_WEBPAGE,    /* a page of a web site: container = the site */
	BIB_REGULATION, /* a law or regulation */
	BIB_MISC
} biblio_type;

typedef enum biblio_thesis {
	BIB_THESIS_MASTER, BIB_THESIS_PHD, BIB_THESIS_BACHELOR
} biblio_thesis;

/* A person (family + given) or an organisation (family holds the whole
 * name, given is NULL, org set). */
typedef struct biblio_name {
	const char *family;
	const char *given;
	int org;
} biblio_name;

typedef struct biblio_names {
	biblio_name *v;
	unsigned n;
	int others; /* the list ends in "and others" / "et al." */
} biblio_names;

typedef struct biblio_entry {
	const char *key;
	biblio_type type;
	biblio_names authors, editors, translators;
	const char *year;        /* "2017"; NULL when undated */
	int undated;             /* marked undated on purpose (n.d., t.t.) */
	int month, day;          /* of publication, 0 when unknown */
	const char *title, *subtitle;
	int title_nocase;        /* the title is protected as a whole ({{...}}
				    in BibTeX): print and check it as is */
	const char *short_title; /* titleabbrev: a law's short name, cited in
				    the text instead of its author */
	const char *title_translation; /* a translation of a title in
					  another language */
	const char *container;   /* the book, journal, proceedings or site */
	const char *container_subtitle;
	const char *edition;     /* "3", "12th", "Rev." as given */
	const char *volume, *issue, *pages, *article_number;
	const char *publisher, *place, *country;
	const char *institution; /* a thesis's university */
	biblio_thesis thesis_kind;
	const char *number;      /* report or regulation number */
	const char *doi, *url, *isbn;
	const char *accessed;    /* YYYY-MM-DD */
	const char *original_year; /* of a translated work's original */
	const char *lang;        /* language of the work (its title) */
	int published;           /* a thesis that was published or archived */

	/* DocBook's names for an entry besides its xml:id: the abbrev a
	 * hand-written list labels it with ("[RNCTUT]"), its xreflabel. */
	const char *abbrev, *xreflabel;

	/* Where the entry was defined, for diagnostics. */
	folio_loc loc;
	folio_node *node;        /* the DocBook entry, NULL for BibTeX */
	folio_node *shown;       /* its entry printed where it stands (a
				    hand-written list), NULL otherwise */
	unsigned shown_number;   /* its position in that list, from 1 */
	int as_written;          /* a bibliomixed printed as its author wrote
				    it (a hand-written or an auto list's
				    own entry), never re-punctuated */

	/* Filled in while citing. */
	char suffix[4];          /* "a", "b" for same authors and year */
	int cited;
} biblio_entry;

/* A set of entries keyed by citation key, from any number of databases. */
typedef struct biblio_db {
	struct folio_arena *arena;
	struct folio_hash *by_key; /* key -> biblio_entry */
	struct folio_hash *by_alias; /* abbrev or xreflabel -> biblio_entry */
	biblio_entry **v;          /* in the order defined */
	size_t n, cap;
	/* Text made by @string macros in all the databases of the build,
	 * against LIMIT_BIBTEX_BYTES: "a" # "a" doubled forty times. */
	size_t macro_bytes;
	int macro_limit_hit;
} biblio_db;

void biblio_db_init(biblio_db *db, struct folio_arena *arena);
void biblio_db_free(biblio_db *db);
/* Adds e (arena memory) under e->key.  A key already defined the same
 * way is ignored; defined differently, it is an error naming both
 * places.  Returns 0 when added or identical. */
int biblio_db_add(biblio_db *db, biblio_entry *e, folio_diag *diag);
biblio_entry *biblio_db_get(const biblio_db *db, const char *key);
/* The entry a citation's text names: a key, else an abbrev or
 * xreflabel (DocBook's <citation>RNCTUT</citation>); NULL when none. */
biblio_entry *biblio_db_find(const biblio_db *db, const char *name);
/* Makes e citable by its abbrev and xreflabel too.  A name already taken
 * by another entry keeps its first owner (a warning at e). */
void biblio_db_add_aliases(biblio_db *db, biblio_entry *e, folio_diag *diag);
/* The known key, abbrev or xreflabel nearest to key (edit distance), for
 * "did you mean"; NULL when nothing is close or the work in *spent is
 * used up (nearest.h). */
const char *biblio_db_nearest(const biblio_db *db, const char *key, size_t *spent);

/* Reads a DocBook biblioentry or bibliomixed node into a new entry.  Its
 * key is its xml:id, else its abbrev, else its xreflabel, else a name
 * no citation can write ("#file:line:col"): an entry of a hand-written
 * list needs no name when nothing cites it. */
biblio_entry *biblio_from_docbook(folio_doc *doc, folio_node *node,
				  folio_diag *diag);

/* Parses BibTeX text into db.  file names the source in diagnostics.
 * Each malformed entry is reported with file:line and skipped; the rest
 * still loads.  Returns the number of entries added. */
int bibtex_parse(biblio_db *db, const char *file, const char *text,
		 size_t len, folio_diag *diag);
/* Reads and parses the .bib file at path; display names it in
 * diagnostics.  Returns -1 (after reporting at from) when it cannot be
 * read. */
int bibtex_load(biblio_db *db, const char *path, const char *display,
		folio_loc from, folio_diag *diag);

/* Splits "Family, Given" / "Given Family" into a name. */
biblio_name biblio_parse_name(struct folio_arena *arena, const char *s);

#endif
