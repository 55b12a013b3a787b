#!/usr/bin/env python3
"""check_bibliography: the generated reference lists and the citations of a
reader in its PDF and EPUB, against the sources (issue 11).

usage: check_bibliography.py READER.xml BOOK.pdf BOOK.epub

Expected content, computed here from the sources: the keys each article
cites (citation content split at ";", the key before the first ",", and
biblioref linkends); an article's list holds exactly its keys, the book's
list every key cited anywhere, each once; lists sorted by first author's
surname (or organisation), then year, then title.

PDF: "Daftar Pustaka" and each article's "Referensi" (found through the
outline) hold exactly those works, once each, in that order; each citation
is a link landing on its entry in its article's list, on the citation's
words; APA 7 surface forms appear in the text.
EPUB: the same lists marked up as bibliographies (epub:type, role); each
citation a role="doc-biblioref" link to its entry in its article's list;
book titles in italics.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from outputs import (DB, XML_NS, Checker, Epub, Pdf, articles, has_type, join_lines,  # noqa: E402
                     load_source, local, norm, role_has, sort_key, text_of, xtext)

APA_SURFACE = [
    "(Toseland & Rivas, 2017)",
    "Zastrow, C. (2017). Introduction to social work and social welfare: Empowering people "
    "(ed. ke-12). Cengage Learning.",
]


# ---------------------------------------------------------------- expected

class Work:
    def __init__(self, elem):
        self.elem = elem
        self.key = elem.get(XML_NS + "id")
        names = []
        for a in elem.iter():
            if local(a.tag) == "author":
                sn = a.find(".//" + DB + "surname")
                names.append(text_of(sn) if sn is not None else text_of(a))
        if not names:
            for tag in ("corpauthor", "orgname"):
                o = elem.find(".//" + DB + tag)
                if o is not None:
                    names.append(text_of(o))
                    break
        self.names = names
        self.lead = names[0] if names else ""
        d = elem.find(DB + "pubdate")
        m = re.search(r"\d{4}", text_of(d)) if d is not None else None
        self.year = m.group(0) if m else ""
        t = elem.find(DB + "title")
        st = elem.find(DB + "subtitle")
        self.title = text_of(t) if t is not None else ""
        self.full_title = self.title + (": " + text_of(st) if st is not None else "")
        ta = elem.find(DB + "titleabbrev")
        self.short = text_of(ta) if ta is not None else ""
        self.kind = elem.get("role") or ("book" if elem.find(DB + "biblioset") is None and
                                         elem.find(DB + "bibliomset") is None else "part")

    def sort(self):
        return (sort_key(" ".join(self.names)), self.year, sort_key(self.title))

    def matches(self, text):
        """Whether a printed entry is this work: it starts with the first
        author's surname (or the organisation) and gives the year."""
        t = norm(text)
        return t.startswith(norm(self.lead)) and ("(%s" % self.year) in t


def cited_keys(div):
    """The keys a division cites, in order, one per citation of a work."""
    keys = []
    for e in div.iter():
        name = local(e.tag)
        if name == "citation":
            refs = [b.get("linkend") for b in e.iter(DB + "biblioref")]
            if refs:
                keys.extend(refs)
            else:
                for part in text_of(e).split(";"):
                    k = part.split(",")[0].strip()
                    if k:
                        keys.append(k)
    # bibliorefs outside citations
    inside = set()
    for c in div.iter(DB + "citation"):
        inside.update(id(b) for b in c.iter(DB + "biblioref"))
    for b in div.iter(DB + "biblioref"):
        if id(b) not in inside:
            keys.append(b.get("linkend"))
    return keys


def expected(book):
    works = {}
    for bib in book.iter(DB + "bibliography"):
        if bib.get("role") != "database":
            continue
        for e in bib:
            if local(e.tag) in ("biblioentry", "bibliomixed"):
                w = Work(e)
                works[w.key] = w
    per_div = []
    for div in articles(book):
        keys = cited_keys(div)
        has_list = any(b.get("role") == "auto" for b in div.iter(DB + "bibliography"))
        per_div.append((div, keys, has_list))
    return works, per_div


# ---------------------------------------------------------------- PDF

def pdf_entries(pdf, lines, title):
    """Entries of a list with hanging indents: an entry starts at the
    left edge of the page's text, its other lines are indented."""
    body = [ln for ln in lines if norm(ln.text) != norm(title)]
    if not body:
        return []
    margin = {ln.page: pdf.margin(ln.page) for ln in body}
    entries = []
    for ln in body:
        if ln.x0 <= margin[ln.page] + 1.0 or not entries:
            entries.append([ln])
        else:
            entries[-1].append(ln)
    return entries


def identify(entries, works):
    out = []
    for lines in entries:
        text = join_lines(lines)
        hits = [w for w in works.values() if w.matches(text)]
        out.append((lines, text, hits[0] if len(hits) == 1 else None))
    return out


def check_list(ck, what, found, want_keys, works):
    got = [w.key for _, _, w in found if w is not None]
    unknown = [t for _, t, w in found if w is None]
    want = sorted(set(want_keys))
    problems = ["not one of the cited works: %r" % t for t in unknown]
    problems += ["missing: %s" % k for k in want if k not in got]
    problems += ["not cited here: %s" % k for k in got if k not in want]
    problems += ["listed %d times: %s" % (got.count(k), k) for k in sorted(set(got)) if got.count(k) > 1]
    ck.check(not problems, "%s holds exactly the %d works cited, once each (%s)" % (what, len(want), ", ".join(got)), problems)
    order = sorted(got, key=lambda k: works[k].sort())
    ck.check(got == order, "%s sorted by author, year, title" % what,
             ["printed %s, expected %s" % (got, order)])


def names_work(w, words):
    """Whether the words under a citation's link (perhaps only the part
    before a line break, "Permen-") belong to the work's citation text."""
    known = norm(" ".join(w.names + [w.year, w.short]))
    parts = [p for p in re.findall(r"\w+", norm(words)) if len(p) >= 3 or p.isdigit()]
    return any(p in known for p in parts)


def entry_at(found, page, top):
    """The entry a link destination (page, top) lands on: the first entry
    whose first line starts at or just below it."""
    best = None
    for lines, text, w in found:
        ln = lines[0]
        if ln.page == page and -4 <= ln.y0 - top <= 20:
            if best is None or ln.y0 < best[0].y0:
                best = (ln, w)
    return best[1] if best else None


def check_pdf(ck, pdf, works, per_div, book_title):
    # the book's list
    k, lines = pdf.section(lambda t: norm(t) == norm(book_title))
    if ck.check(k is not None and lines, "PDF: an outline entry %r leads to the book's list" % book_title):
        found = identify(pdf_entries(pdf, lines, book_title), works)
        all_keys = sorted({key for _, keys, _ in per_div for key in keys})
        check_list(ck, "PDF %r" % book_title, found, all_keys, works)
        zas = [w for _, _, w in found if w is not None and w.key == "zastrow2017"]
        if "zastrow2017" in works:
            ck.check(len(zas) == 1, "PDF %r lists Zastrow (2017) exactly once (%d)" % (book_title, len(zas)))
        ck.check(set(all_keys) == set(works), "PDF %r: all %d works of the database are cited and listed"
                 % (book_title, len(works)), ["never cited: %s" % k for k in sorted(set(works) - set(all_keys))])

    # each article's list, in article order: the k-th article with a list
    # owns the k-th outline entry of that title after its own entry
    top_level = [(i, o) for i, o in enumerate(pdf.outline) if o[3] == 0 and o[1] is not None]
    lists = {}
    for idx, (div, keys, has_list) in enumerate(per_div):
        if not has_list or not keys:
            continue
        t = div.find(DB + "info/" + DB + "title")
        if t is None:
            t = div.find(DB + "title")
        title = norm(text_of(t)) if t is not None else ""
        art = next(((i, o) for i, o in top_level if norm(o[0]) and title.startswith(norm(o[0]).rstrip(".…"))), None)
        if art is None:
            ck.fail("PDF: no outline entry for article %r" % title[:50])
            continue
        nxt = next((j for j, o in top_level if j > art[0]), len(pdf.outline))
        bib_title = "Referensi"
        for b in div.iter(DB + "bibliography"):
            bt = b.find(DB + "title")
            if b.get("role") == "auto" and bt is not None:
                bib_title = text_of(bt)
        k = next((j for j in range(art[0] + 1, nxt) if norm(pdf.outline[j][0]) == norm(bib_title)), None)
        if k is None:
            ck.fail("PDF: article %r has no %r in the outline" % (title[:40], bib_title))
            continue
        _, lines = pdf.section(lambda _t: True, start=k)
        found = identify(pdf_entries(pdf, lines, bib_title), works)
        div_id = div.get(XML_NS + "id")
        check_list(ck, "PDF %r of %s" % (bib_title, div_id), found, keys, works)
        pages = range(art[1][1], pdf.outline[nxt][1] if nxt < len(pdf.outline) else pdf.npages)
        lists[div_id] = (found, pages, keys)

    # citations: links from the article's pages onto its own list's entries
    all_found = [(d, f) for d, (f, _, _) in lists.items()]
    for div_id, (found, pages, keys) in lists.items():
        hits, stray, off_text = {}, [], []
        for p in pages:
            for (x0, t, x1, b, dp, dt) in pdf.links[p]:
                if dp is None or dt is None:
                    continue
                w = entry_at(found, dp, dt)
                if w is None:
                    other = [d for d, f in all_found if d != div_id and entry_at(f, dp, dt) is not None]
                    if other:
                        stray.append("page %s: a link lands on the list of %s" % (pdf.label(p), other[0]))
                    continue
                words = " ".join(x[4] for x in pdf.words_in_rect(p, (x0, t, x1, b)))
                hits[w.key] = hits.get(w.key, 0) + 1
                if not names_work(w, words):
                    off_text.append("page %s: the link to %s covers %r" % (pdf.label(p), w.key, words))
        short = ["%s: cited %d times, %d links land on its entry" % (key, keys.count(key), hits.get(key, 0))
                 for key in sorted(set(keys)) if hits.get(key, 0) < keys.count(key)]
        ck.check(not short and not stray and not off_text,
                 "PDF %s: each of %d citations is a link on its words to its entry in the article's list"
                 % (div_id, len(keys)), short + stray + off_text)

    # APA surface forms in the running text
    text = " ".join(join_lines(pdf.lines[p]) for p in range(pdf.npages))
    flat = " ".join(text.split())
    for s in APA_SURFACE:
        ck.check(s in flat, "PDF text contains %r" % s)


# ---------------------------------------------------------------- EPUB

def check_epub(ck, ep, works, per_div, book_title):
    lists = [(name, e) for name in ep.spine for e in ep.docs[name].iter()
             if has_type(e, "bibliography") and local(e.tag) != "a"]
    bad = [("%s: a bibliography without role=\"doc-bibliography\"" % name)
           for name, e in lists if e.get("role") != "doc-bibliography"]
    n_div = sum(1 for _, keys, has in per_div if has and keys)
    ck.check(len(lists) == n_div + 1 and not bad,
             "EPUB: %d lists marked epub:type=\"bibliography\" role=\"doc-bibliography\" (%d expected)"
             % (len(lists), n_div + 1), bad)

    def entries(sec):
        return [li for li in sec.iter() if local(li.tag) == "li"]

    def ident(li):
        hits = [w for w in works.values() if w.matches(xtext(li))]
        return hits[0] if len(hits) == 1 else None

    def check_items(what, sec, want_keys):
        found = [(None, xtext(li), ident(li)) for li in entries(sec)]
        check_list(ck, what, found, want_keys, works)

    # the book's list: the one outside every article
    div_secs = {}
    for div, keys, has in per_div:
        div_id = div.get(XML_NS + "id")
        name, sec = ep.find_doc_with_id(div_id) if div_id else (None, None)
        if sec is not None:
            div_secs[div_id] = (name, sec)
    inside = set()
    for name, sec in div_secs.values():
        inside.update(id(x) for x in sec.iter())
    book_lists = [(n, e) for n, e in lists if id(e) not in inside]
    all_keys = sorted({key for _, keys, _ in per_div for key in keys})
    if ck.check(len(book_lists) == 1, "EPUB: one book-level list (%d)" % len(book_lists)):
        check_items("EPUB %r" % book_title, book_lists[0][1], all_keys)

    italics_bad, n_books = [], 0
    for name, sec in lists:
        for li in entries(sec):
            w = ident(li)
            if w is None or w.kind != "book":
                continue
            n_books += 1
            its = [xtext(x) for x in li.iter() if local(x.tag) in ("em", "i", "cite")]
            if not any(norm(x).rstrip(".") == norm(w.full_title) for x in its):
                italics_bad.append("%s in %s: italic parts %s, the title is %r" % (w.key, name, its, w.full_title))
    ck.check(n_books and not italics_bad, "EPUB: book titles in italics (<em>/<i>) in %d entries" % n_books, italics_bad)

    for div, keys, has in per_div:
        div_id = div.get(XML_NS + "id")
        if not keys:
            continue
        if div_id not in div_secs:
            ck.fail("EPUB: article %s not found by its id" % div_id)
            continue
        name, sec = div_secs[div_id]
        own = [e for n, e in lists if id(e) in {id(x) for x in sec.iter()}]
        if has and ck.check(len(own) == 1, "EPUB %s: one list inside the article" % div_id):
            check_items("EPUB list of %s" % div_id, own[0], keys)
        links = [a for a in sec.iter() if local(a.tag) == "a" and a.get("role") == "doc-biblioref"]
        bad = []
        if len(links) != len(keys):
            bad.append("%d citations of works in the source, %d doc-biblioref links" % (len(keys), len(links)))
        own_ids = {id(x) for x in own[0].iter()} if own else set()
        for key, a in zip(keys, links):
            r = ep.resolve(name, a.get("href") or "")
            if r is None or r[1] is None:
                bad.append("%s: %r -> %s does not resolve" % (key, xtext(a), a.get("href")))
                continue
            li = r[1] if local(r[1].tag) == "li" else next((x for x in ep.ancestors(r[1]) if local(x.tag) == "li"), None)
            w = works.get(key)
            if li is None or ident(li) is not w:
                bad.append("%s: %r -> %s lands on %r" % (key, xtext(a), a.get("href"), xtext(r[1])[:50]))
            elif has and id(li) not in own_ids:
                bad.append("%s: %r -> %s is not in the article's own list" % (key, xtext(a), a.get("href")))
            if w and not (w.year in xtext(a) or any(n in xtext(a) for n in w.names)):
                bad.append("%s: link text %r names neither author nor year" % (key, xtext(a)))
        ck.check(not bad, "EPUB %s: each of %d citations is a doc-biblioref link to its entry" % (div_id, len(keys)), bad)


def main(argv):
    reader, pdf_path, epub_path = argv
    ck = Checker("bibliography_outputs")
    book = load_source(reader)
    works, per_div = expected(book)
    auto = [b for b in book if local(b.tag) == "bibliography" and role_has(b, "auto")]
    t = auto[0].find(DB + "title") if auto else None
    book_title = text_of(t) if t is not None else "Daftar Pustaka"
    print("    sources: %d works; citations per division: %s" % (
        len(works), ", ".join("%s %d" % (d.get(XML_NS + "id"), len(k)) for d, k, _ in per_div)))
    unknown = sorted({k for _, keys, _ in per_div for k in keys if k not in works})
    ck.check(not unknown, "sources: every cited key is in a database", unknown)
    check_pdf(ck, Pdf(pdf_path), works, per_div, book_title)
    check_epub(ck, Epub(epub_path), works, per_div, book_title)
    return ck.finish()


if __name__ == "__main__":
    from outputs import run_main
    run_main(main)
