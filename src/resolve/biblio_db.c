/*
 * biblio_db: the set of bibliography entries a reader can cite, and the
 * DocBook reader that fills it from biblioentry and bibliomixed elements
 * (bibtex.c is the other reader).
 *
 * DocBook describes a work with its own elements, a container (the book a
 * chapter is in, the journal an article is in) with a biblioset or
 * bibliomset whose relation says what it is.  The entry's role attribute
 * names the kind of work when the elements do not show it ("regulation",
 * "thesis", "webpage", ...).  Loose text between the elements of a
 * bibliomixed is punctuation for a hand-made layout and is ignored: the
 * citation style makes its own.
 */
#include "resolve/biblio.h"
#include "resolve/collate.h"
#include "resolve/nearest.h"
#include "util/vec.h"
#include "util/arena.h"
#include "util/hash.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- the set ---- */

void biblio_db_init(biblio_db *db, struct folio_arena *arena)
{
	memset(db, 0, sizeof(*db));
	db->arena = arena;
	db->by_key = hash_new();
	db->by_alias = hash_new();
}

void biblio_db_free(biblio_db *db)
{
	hash_free(db->by_key);
	hash_free(db->by_alias);
	free(db->v);
	memset(db, 0, sizeof(*db));
}

biblio_entry *biblio_db_get(const biblio_db *db, const char *key)
{
	return key ? hash_get(db->by_key, key) : NULL;
}

biblio_entry *biblio_db_find(const biblio_db *db, const char *name)
{
	if (name == NULL)
		return NULL;
	biblio_entry *e = hash_get(db->by_key, name);
	return e ? e : hash_get(db->by_alias, name);
}

static void add_alias(biblio_db *db, biblio_entry *e, const char *name,
		      const char *what, folio_diag *diag)
{
	if (name == NULL || strcmp(name, e->key) == 0)
		return;
	biblio_entry *owner = biblio_db_find(db, name);
	if (owner == e)
		return;
	if (owner) {
		folio_report(diag, FOLIO_WARNING, e->loc,
			     "the %s '%s' already names another entry; citations "
			     "of '%s' go to that one", what, name, name);
		folio_report(diag, FOLIO_NOTE, owner->loc, "'%s' is named here", name);
		return;
	}
	hash_put(db->by_alias, name, e);
}

void biblio_db_add_aliases(biblio_db *db, biblio_entry *e, folio_diag *diag)
{
	add_alias(db, e, e->abbrev, "abbrev", diag);
	add_alias(db, e, e->xreflabel, "xreflabel", diag);
}

static int same_str(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static int same_names(const biblio_names *a, const biblio_names *b)
{
	if (a->n != b->n || a->others != b->others)
		return 0;
	for (unsigned i = 0; i < a->n; i++)
		if (!same_str(a->v[i].family, b->v[i].family) ||
		    !same_str(a->v[i].given, b->v[i].given) ||
		    a->v[i].org != b->v[i].org)
			return 0;
	return 1;
}

/* Two definitions of one key describe the same work: the same database
 * read twice, or a work kept in both a .bib and a DocBook file. */
static int same_entry(const biblio_entry *a, const biblio_entry *b)
{
	return a->type == b->type && a->month == b->month && a->day == b->day &&
	       same_names(&a->authors, &b->authors) &&
	       same_names(&a->editors, &b->editors) &&
	       same_names(&a->translators, &b->translators) &&
	       same_str(a->year, b->year) && same_str(a->title, b->title) &&
	       same_str(a->subtitle, b->subtitle) &&
	       same_str(a->container, b->container) &&
	       same_str(a->edition, b->edition) && same_str(a->volume, b->volume) &&
	       same_str(a->issue, b->issue) && same_str(a->pages, b->pages) &&
	       same_str(a->publisher, b->publisher) && same_str(a->place, b->place) &&
	       same_str(a->institution, b->institution) &&
	       same_str(a->number, b->number) && same_str(a->doi, b->doi) &&
	       same_str(a->url, b->url);
}

int biblio_db_add(biblio_db *db, biblio_entry *e, folio_diag *diag)
{
	biblio_entry *prev = hash_get(db->by_key, e->key);
	if (prev) {
		if (same_entry(prev, e))
			return 0;
		folio_report(diag, FOLIO_ERROR, e->loc,
			     "the citation key '%s' is defined twice, differently", e->key);
		folio_report(diag, FOLIO_NOTE, prev->loc,
			     "'%s' is also defined here", e->key);
		return -1;
	}
	VEC_PUSH(*db, e);
	hash_put(db->by_key, e->key, e);
	return 0;
}

const char *biblio_db_nearest(const biblio_db *db, const char *key, size_t *spent)
{
	/* keys differ in case more often than ids: case is not counted;
	 * every name a citation may write is a candidate, not the
	 * "#file:line" of an unnamed entry */
	nearest_search ns;
	nearest_begin(&ns, key, 2, 1, spent);
	for (size_t i = 0; i < db->n; i++) {
		const biblio_entry *e = db->v[i];
		const char *names[3] = { e->key[0] == '#' ? NULL : e->key,
					 e->abbrev, e->xreflabel };
		for (size_t k = 0; k < 3; k++)
			if (names[k] && !nearest_consider(&ns, names[k]))
				return nearest_end(&ns);
	}
	return nearest_end(&ns);
}

/* ---- names ---- */

static int is_particle(const char *w, size_t n)
{
	/* "van", "de", "von der": lowercase words before the surname */
	return n > 0 && islower((unsigned char)w[0]);
}

biblio_name biblio_parse_name(struct folio_arena *arena, const char *s)
{
	biblio_name name = { NULL, NULL, 0 };
	char *sq = collate_squeeze(s);
	char *comma = strchr(sq, ',');
	if (comma) {
		*comma = '\0';
		char *given = comma + 1;
		while (*given == ' ')
			given++;
		name.family = arena_strdup(arena, sq);
		name.given = *given ? arena_strdup(arena, given) : NULL;
		free(sq);
		return name;
	}
	/* "Given [particles] Family": the family starts at the first
	 * lowercase particle after a given name, else it is the last word. */
	size_t n = strlen(sq);
	size_t last = n;
	while (last > 0 && sq[last - 1] != ' ')
		last--;
	if (last == 0) {
		name.family = arena_strdup(arena, sq);
		free(sq);
		return name;
	}
	size_t start = last;
	size_t first_end = strcspn(sq, " ");
	for (size_t i = first_end + 1; i < last;) {
		size_t wl = strcspn(sq + i, " ");
		if (is_particle(sq + i, wl)) {
			start = i;
			break;
		}
		i += wl + 1;
	}
	name.family = arena_strdup(arena, sq + start);
	name.given = arena_strndup(arena, sq, start - 1);
	free(sq);
	return name;
}

/* ---- the DocBook reader ---- */

struct dbk {
	folio_doc *doc;
	folio_diag *diag;
	biblio_entry *e;
	ptrvec authors, editors, translators; /* biblio_name * (arena) */
	int container_depth;   /* inside a biblioset naming the container */
	biblio_type hinted;    /* what the sets say the work is */
	int has_hint;
	const char *genre;     /* a thesis's degree, as written */
	const char *copyright_year; /* the year of a copyright, DocBook's
				       usual date of a book when no pubdate */
};

/* The squeezed text of a node, in the arena; NULL when empty. */
static const char *text_of(folio_doc *doc, const folio_node *n)
{
	char *sq = collate_squeeze(folio_node_text(doc, n));
	const char *s = sq[0] ? arena_strdup(doc->arena, sq) : NULL;
	free(sq);
	return s;
}

static void push_name(struct dbk *d, ptrvec *list, biblio_name name)
{
	if (name.family == NULL || name.family[0] == '\0')
		return;
	biblio_name *n = arena_alloc(d->doc->arena, sizeof(*n));
	*n = name;
	VEC_PUSH(*list, n);
}

/* A person or organisation from author, editor, othercredit: personname
 * (structured or not), firstname/givenname + surname, orgname. */
static biblio_name read_person(struct dbk *d, folio_node *who)
{
	biblio_name name = { NULL, NULL, 0 };
	folio_node *pn = folio_node_child(who, FOLIO_NODE_PERSONNAME);
	folio_node *src = pn ? pn : who;
	folio_node *surname = folio_node_child(src, FOLIO_NODE_SURNAME);
	folio_node *given = folio_node_child(src, FOLIO_NODE_FIRSTNAME);
	if (given == NULL)
		given = folio_node_child(src, FOLIO_NODE_GIVENNAME);
	folio_node *orgname = folio_node_child(who, FOLIO_NODE_ORGNAME);
	if (surname) {
		name.family = text_of(d->doc, surname);
		name.given = given ? text_of(d->doc, given) : NULL;
	} else if (orgname && pn == NULL) {
		name.family = text_of(d->doc, orgname);
		name.org = 1;
	} else if (pn) {
		const char *s = text_of(d->doc, pn);
		if (s)
			name = biblio_parse_name(d->doc->arena, s);
	} else if (who->kind == FOLIO_NODE_CORPAUTHOR || who->kind == FOLIO_NODE_ORG ||
		   who->kind == FOLIO_NODE_ORGNAME) {
		name.family = text_of(d->doc, who);
		name.org = 1;
	} else {
		const char *s = text_of(d->doc, who);
		if (s)
			name = biblio_parse_name(d->doc->arena, s);
	}
	return name;
}

static void set_once(const char **field, const char *value)
{
	if (*field == NULL && value)
		*field = value;
}

/* The first run of four digits in s ("Winter, 1996", "30. Dezember
 * 2024"), or NULL. */
static const char *four_digit_year(const char *s, size_t *len)
{
	for (const char *p = s; *p; p++) {
		if (!isdigit((unsigned char)*p) || (p > s && isdigit((unsigned char)p[-1])))
			continue;
		size_t n = 0;
		while (isdigit((unsigned char)p[n]))
			n++;
		if (n == 4) {
			*len = n;
			return p;
		}
	}
	return NULL;
}

/* "2017", "2022-06", "2024-05-02", "n.d.", "t.t."; also dates as people
 * write them: "28.3.2021" (day, month, year), "December 2011". */
static void read_date(struct dbk *d, const char *s)
{
	biblio_entry *e = d->e;
	if (s == NULL || e->year || e->undated)
		return;
	int dd, mm, yyyy, used = 0;
	if (sscanf(s, "%d.%d.%d%n", &dd, &mm, &yyyy, &used) == 3 &&
	    s[used] == '\0' && yyyy >= 1000 && mm >= 1 && mm <= 12 &&
	    dd >= 1 && dd <= 31) {
		e->year = arena_printf(d->doc->arena, "%d", yyyy);
		e->month = mm;
		e->day = dd;
		return;
	}
	size_t n = 0;
	while (isdigit((unsigned char)s[n]))
		n++;
	if (n != 4) {
		size_t yl;
		const char *y = four_digit_year(s, &yl);
		if (y)
			e->year = arena_strndup(d->doc->arena, y, yl);
		else
			e->undated = 1;
		return;
	}
	n = 0;
	while (isdigit((unsigned char)s[n]))
		n++;
	e->year = arena_strndup(d->doc->arena, s, n);
	if (s[n] == '-') {
		e->month = atoi(s + n + 1);
		const char *day = strchr(s + n + 1, '-');
		if (day)
			e->day = atoi(day + 1);
	}
	if (e->month < 0 || e->month > 12)
		e->month = 0;
	if (e->day < 0 || e->day > 31)
		e->day = 0;
}

static int role_in(const char *role, const char *const *names)
{
	if (role == NULL)
		return 0;
	for (size_t i = 0; names[i]; i++)
		if (strcasecmp(role, names[i]) == 0)
			return 1;
	return 0;
}

static int type_from_role(const char *role, biblio_type *type, biblio_thesis *kind)
{
	static const char *const books[] = { "book", "edited-book", "edited", "manual", NULL };
	static const char *const chapters[] = { "chapter", "incollection", "inbook",
						"bookchapter", "book-chapter", NULL };
	static const char *const articles[] = { "article", "journal-article",
						"journalarticle", "periodical", NULL };
	static const char *const papers[] = { "paper", "inproceedings",
					      "conference-paper", "conference", NULL };
	static const char *const reports[] = { "report", "techreport", NULL };
	static const char *const masters[] = { "thesis", "mastersthesis",
					       "masters-thesis", "tesis", NULL };
	static const char *const phds[] = { "phdthesis", "dissertation",
					    "disertasi", NULL };
	static const char *const bachelors[] = { "skripsi", "bachelorsthesis", NULL };
	static const char *const webs[] = { "webpage", "web", "online", "website",
					    "web-page", NULL };
	static const char *const laws[] = { "regulation", "law", "legislation",
					    "statute", "legal", NULL };
	static const char *const miscs[] = { "misc", NULL };
	if (role_in(role, books)) *type = BIB_BOOK;
	else if (role_in(role, chapters)) *type = BIB_CHAPTER;
	else if (role_in(role, articles)) *type = BIB_ARTICLE;
	else if (role_in(role, papers)) *type = BIB_PAPER;
	else if (role_in(role, reports)) *type = BIB_REPORT;
	else if (role_in(role, masters)) { *type = BIB_THESIS; *kind = BIB_THESIS_MASTER; }
	else if (role_in(role, phds)) { *type = BIB_THESIS; *kind = BIB_THESIS_PHD; }
	else if (role_in(role, bachelors)) { *type = BIB_THESIS; *kind = BIB_THESIS_BACHELOR; }
	else if (role_in(role, webs)) *type = BIB_WEBPAGE;
	else if (role_in(role, laws)) *type = BIB_REGULATION;
	else if (role_in(role, miscs)) *type = BIB_MISC;
	else return 0;
	return 1;
}

/* What a biblioset's relation says about the work it belongs to; 1 when
 * the set describes the container (book, journal, ...). */
static int container_relation(struct dbk *d, const char *relation)
{
	static const char *const journals[] = { "journal", "periodical", "magazine",
						"newspaper", NULL };
	static const char *const books[] = { "book", "collection", "series", NULL };
	static const char *const procs[] = { "proceedings", "conference", NULL };
	static const char *const sites[] = { "site", "website", "web", NULL };
	static const char *const gazettes[] = { "gazette", "source", NULL };
	biblio_type t;
	if (role_in(relation, journals)) t = BIB_ARTICLE;
	else if (role_in(relation, books)) t = BIB_CHAPTER;
	else if (role_in(relation, procs)) t = BIB_PAPER;
	else if (role_in(relation, sites)) t = BIB_WEBPAGE;
	else if (role_in(relation, gazettes)) t = BIB_REGULATION;
	else return 0;
	if (!d->has_hint) {
		d->hinted = t;
		d->has_hint = 1;
	}
	return 1;
}

static void read_publisher(struct dbk *d, folio_node *pub)
{
	biblio_entry *e = d->e;
	folio_node *name = folio_node_child(pub, FOLIO_NODE_PUBLISHERNAME);
	set_once(&e->publisher, name ? text_of(d->doc, name) : NULL);
	folio_node *addr = folio_node_child(pub, FOLIO_NODE_ADDRESS);
	if (addr) {
		folio_node *city = folio_node_child(addr, FOLIO_NODE_CITY);
		folio_node *country = folio_node_child(addr, FOLIO_NODE_COUNTRY);
		set_once(&e->place, text_of(d->doc, city ? city : addr));
		if (country)
			set_once(&e->country, text_of(d->doc, country));
	}
}

static void read_biblioid(struct dbk *d, folio_node *n)
{
	biblio_entry *e = d->e;
	const char *cls = folio_node_attr(n, "class");
	const char *value = text_of(d->doc, n);
	if (value == NULL)
		return;
	if (cls && strcasecmp(cls, "doi") == 0) {
		/* stored bare: styles add https://doi.org/ */
		static const char *const prefixes[] = { "https://doi.org/",
			"http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/",
			"doi:", NULL };
		for (size_t i = 0; prefixes[i]; i++) {
			size_t pl = strlen(prefixes[i]);
			if (strncasecmp(value, prefixes[i], pl) == 0) {
				value += pl;
				break;
			}
		}
		set_once(&e->doi, value);
	} else if (cls && strcasecmp(cls, "isbn") == 0) {
		set_once(&e->isbn, value);
	} else if (cls && strcasecmp(cls, "uri") == 0) {
		set_once(&e->url, value);
	} else {
		/* class="other": regulation, report and publication numbers */
		set_once(&e->number, value);
	}
}

static void read_misc(struct dbk *d, folio_node *n)
{
	biblio_entry *e = d->e;
	const char *role = n->role;
	const char *value = text_of(d->doc, n);
	if (role == NULL || value == NULL)
		return;
	static const char *const accessed[] = { "accessed", "access", "urldate",
						"diakses", NULL };
	static const char *const numbers[] = { "number", "report-number", NULL };
	static const char *const schools[] = { "institution", "school",
					       "university", NULL };
	static const char *const translations[] = { "translation",
						    "title-translation", NULL };
	static const char *const originals[] = { "original", "original-year",
						 "originalyear", NULL };
	static const char *const sites[] = { "site", "website", "gazette",
					     "source", "container", NULL };
	static const char *const genres[] = { "genre", "thesis-type", "degree",
					      "type", NULL };
	if (role_in(role, accessed))
		set_once(&e->accessed, value);
	else if (role_in(role, numbers))
		set_once(&e->number, value);
	else if (role_in(role, schools))
		set_once(&e->institution, value);
	else if (role_in(role, translations))
		set_once(&e->title_translation, value);
	else if (role_in(role, originals))
		set_once(&e->original_year, value);
	else if (role_in(role, sites))
		set_once(&e->container, value);
	else if (role_in(role, genres))
		d->genre = value;
	else if (strcasecmp(role, "country") == 0)
		set_once(&e->country, value);
	else if (strcasecmp(role, "published") == 0)
		e->published = 1;
}

static void read_title(struct dbk *d, folio_node *n, int subtitle)
{
	biblio_entry *e = d->e;
	const char *value = text_of(d->doc, n);
	if (d->container_depth > 0) {
		set_once(subtitle ? &e->container_subtitle : &e->container, value);
		return;
	}
	if (subtitle) {
		set_once(&e->subtitle, value);
		return;
	}
	const char *href = folio_node_attr(n, "xlink:href");
	if (href) /* a title that links to the work: its URL */
		set_once(&e->url, arena_strdup(d->doc->arena, href));
	if (e->title == NULL && value) {
		e->title = value;
		if (n->lang)
			e->lang = n->lang;
	}
}

static void read_citetitle(struct dbk *d, folio_node *n)
{
	static const char *const containers[] = { "journal", "series",
		"periodical", "proceedings", "magazine", "newspaper", "website", NULL };
	const char *pubwork = folio_node_attr(n, "pubwork");
	int container = d->container_depth > 0 || role_in(pubwork, containers) ||
			(pubwork && strcasecmp(pubwork, "book") == 0 && d->e->title);
	if (container)
		set_once(&d->e->container, text_of(d->doc, n));
	else
		read_title(d, n, 0);
}

/* Handles one element; returns 1 when its subtree has been read. */
static int read_element(struct dbk *d, folio_node *n)
{
	biblio_entry *e = d->e;
	switch (n->kind) {
	case FOLIO_NODE_AUTHOR:
		if (d->container_depth == 0)
			push_name(d, &d->authors, read_person(d, n));
		return 1;
	case FOLIO_NODE_CORPAUTHOR:
		if (d->container_depth == 0)
			push_name(d, &d->authors, read_person(d, n));
		return 1;
	case FOLIO_NODE_ORG:
	case FOLIO_NODE_ORGNAME:
		if (role_in(n->role, (const char *const[]){ "institution", "school",
							     "university", NULL }))
			set_once(&e->institution, text_of(d->doc, n));
		else if (d->container_depth == 0)
			push_name(d, &d->authors, read_person(d, n));
		return 1;
	case FOLIO_NODE_EDITOR:
		push_name(d, &d->editors, read_person(d, n));
		return 1;
	case FOLIO_NODE_OTHERCREDIT: {
		const char *cls = folio_node_attr(n, "class");
		if (role_in(cls, (const char *const[]){ "translator", NULL }) ||
		    role_in(n->role, (const char *const[]){ "translator", NULL }))
			push_name(d, &d->translators, read_person(d, n));
		return 1;
	}
	case FOLIO_NODE_TITLE:
		read_title(d, n, 0);
		return 1;
	case FOLIO_NODE_SUBTITLE:
		read_title(d, n, 1);
		return 1;
	case FOLIO_NODE_TITLEABBREV:
		if (d->container_depth == 0)
			set_once(&e->short_title, text_of(d->doc, n));
		return 1;
	case FOLIO_NODE_CITETITLE:
		read_citetitle(d, n);
		return 1;
	case FOLIO_NODE_EDITION:
		set_once(&e->edition, text_of(d->doc, n));
		return 1;
	case FOLIO_NODE_VOLUMENUM:
		set_once(&e->volume, text_of(d->doc, n));
		return 1;
	case FOLIO_NODE_ISSUENUM:
		set_once(&e->issue, text_of(d->doc, n));
		return 1;
	case FOLIO_NODE_PAGENUMS:
		set_once(&e->pages, text_of(d->doc, n));
		return 1;
	case FOLIO_NODE_ARTPAGENUMS:
		set_once(&e->article_number, text_of(d->doc, n));
		return 1;
	case FOLIO_NODE_PUBLISHER:
		read_publisher(d, n);
		return 1;
	case FOLIO_NODE_PUBLISHERNAME:
		set_once(&e->publisher, text_of(d->doc, n));
		return 1;
	case FOLIO_NODE_ADDRESS: {
		folio_node *city = folio_node_child(n, FOLIO_NODE_CITY);
		folio_node *country = folio_node_child(n, FOLIO_NODE_COUNTRY);
		set_once(&e->place, text_of(d->doc, city ? city : n));
		if (country)
			set_once(&e->country, text_of(d->doc, country));
		return 1;
	}
	case FOLIO_NODE_CITY:
		set_once(&e->place, text_of(d->doc, n));
		return 1;
	case FOLIO_NODE_COUNTRY:
		set_once(&e->country, text_of(d->doc, n));
		return 1;
	case FOLIO_NODE_PUBDATE:
	case FOLIO_NODE_DATE: {
		const char *value = text_of(d->doc, n);
		if (role_in(n->role, (const char *const[]){ "accessed", "access",
							     "urldate", NULL }))
			set_once(&e->accessed, value);
		else if (role_in(n->role, (const char *const[]){ "original", NULL }))
			set_once(&e->original_year, value);
		else
			read_date(d, value);
		return 1;
	}
	case FOLIO_NODE_BIBLIOID:
		read_biblioid(d, n);
		return 1;
	case FOLIO_NODE_COPYRIGHT: {
		folio_node *year = folio_node_child(n, FOLIO_NODE_YEAR);
		if (year && d->copyright_year == NULL)
			d->copyright_year = text_of(d->doc, year);
		return 1;
	}
	case FOLIO_NODE_BIBLIOSOURCE: {
		/* where the work can be had: a URL as its link or text */
		const char *href = folio_node_attr(n, "xlink:href");
		const char *text = text_of(d->doc, n);
		if (href)
			set_once(&e->url, arena_strdup(d->doc->arena, href));
		else if (text && strstr(text, "://"))
			set_once(&e->url, text);
		return 1;
	}
	case FOLIO_NODE_ISBN:
		set_once(&e->isbn, text_of(d->doc, n));
		return 1;
	case FOLIO_NODE_BIBLIOMISC:
		read_misc(d, n);
		return 1;
	case FOLIO_NODE_LINK: {
		const char *href = folio_node_attr(n, "xlink:href");
		set_once(&e->url, href ? arena_strdup(d->doc->arena, href)
				       : text_of(d->doc, n));
		return 1;
	}
	case FOLIO_NODE_URI:
		set_once(&e->url, text_of(d->doc, n));
		return 1;
	case FOLIO_NODE_ABBREV:       /* a label such as [Zas17] */
		if (d->container_depth == 0)
			set_once(&e->abbrev, text_of(d->doc, n));
		return 1;
	case FOLIO_NODE_AFFILIATION:
	case FOLIO_NODE_INDEXTERM:
		return 1;
	default:
		return 0;
	}
}

static biblio_names names_from(struct dbk *d, ptrvec *list)
{
	biblio_names ns = { NULL, (unsigned)list->n, 0 };
	if (list->n) {
		ns.v = arena_alloc(d->doc->arena, list->n * sizeof(*ns.v));
		for (size_t i = 0; i < list->n; i++)
			ns.v[i] = *(biblio_name *)list->v[i];
	}
	VEC_FREE(*list);
	return ns;
}

static biblio_thesis thesis_kind_of(const char *genre, biblio_thesis fallback)
{
	if (genre == NULL)
		return fallback;
	char *f = collate_fold(genre);
	biblio_thesis kind = fallback;
	if (strstr(f, "phd") || strstr(f, "ph.d") || strstr(f, "doct") ||
	    strstr(f, "disert") || strstr(f, "dissert"))
		kind = BIB_THESIS_PHD;
	else if (strstr(f, "skripsi") || strstr(f, "bachelor") || strstr(f, "sarjana"))
		kind = BIB_THESIS_BACHELOR;
	else if (strstr(f, "master") || strstr(f, "tesis") || strstr(f, "thesis"))
		kind = BIB_THESIS_MASTER;
	free(f);
	return kind;
}

static void settle_type(struct dbk *d, folio_node *node)
{
	biblio_entry *e = d->e;
	biblio_thesis kind = BIB_THESIS_MASTER;
	biblio_type type;
	if (type_from_role(node->role, &type, &kind)) {
		e->type = type;
	} else if (d->has_hint) {
		e->type = d->hinted;
	} else if (d->genre) {
		e->type = BIB_THESIS;
	} else if (e->url && e->publisher == NULL) {
		e->type = BIB_WEBPAGE;
	} else {
		e->type = BIB_BOOK;
	}
	e->thesis_kind = thesis_kind_of(d->genre, kind);
	if (e->type == BIB_THESIS && e->institution == NULL) {
		/* a thesis's "publisher" is its university */
		e->institution = e->publisher;
		e->publisher = NULL;
	}
}

biblio_entry *biblio_from_docbook(folio_doc *doc, folio_node *node,
				  folio_diag *diag)
{
	(void)diag;
	struct dbk d;
	memset(&d, 0, sizeof d);
	d.doc = doc;
	d.diag = diag;
	d.e = arena_alloc(doc->arena, sizeof(*d.e));
	d.e->loc = node->loc;
	d.e->node = node;
	d.e->lang = node->lang ? node->lang : doc->lang;

	folio_iter it;
	folio_iter_init(&it, node);
	folio_event ev;
	while ((ev = folio_iter_next(&it)) != FOLIO_DONE) {
		folio_node *n = it.node;
		if (n == node || n->kind == FOLIO_NODE_TEXT)
			continue;
		int is_set = n->kind == FOLIO_NODE_BIBLIOSET ||
			     n->kind == FOLIO_NODE_BIBLIOMSET;
		if (ev == FOLIO_EXIT) {
			if (is_set && container_relation(&d, folio_node_attr(n, "relation")))
				d.container_depth--;
			continue;
		}
		if (is_set) {
			/* re-evaluated on exit; only the hint may be set twice */
			int hinted = d.has_hint;
			if (container_relation(&d, folio_node_attr(n, "relation")))
				d.container_depth++;
			d.has_hint = hinted || d.has_hint;
			continue;
		}
		if (read_element(&d, n))
			folio_iter_skip(&it);
	}
	if (d.e->year == NULL && !d.e->undated && d.copyright_year)
		read_date(&d, d.copyright_year);
	d.e->authors = names_from(&d, &d.authors);
	d.e->editors = names_from(&d, &d.editors);
	d.e->translators = names_from(&d, &d.translators);
	settle_type(&d, node);
	const char *xreflabel = folio_node_attr(node, "xreflabel");
	if (xreflabel && xreflabel[0])
		d.e->xreflabel = arena_strdup(doc->arena, xreflabel);
	d.e->key = node->id ? node->id : d.e->abbrev ? d.e->abbrev
		 : d.e->xreflabel ? d.e->xreflabel
		 : arena_printf(doc->arena, "#%s:%u:%u",
				node->loc.file ? node->loc.file : "",
				node->loc.line, node->loc.col);
	return d.e;
}
