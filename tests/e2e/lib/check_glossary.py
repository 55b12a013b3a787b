#!/usr/bin/env python3
"""check_glossary: the generated glossary of a reader in its PDF and EPUB,
against what the sources say it must hold (issue 6).

usage: check_glossary.py READER.xml BOOK.pdf BOOK.epub

Expected content, computed here from the sources: every entry that a
glossterm/firstterm in the text uses (by linkend, else baseform, else its
text, case- and space-insensitive, against the entries' terms and
acronyms), plus every entry their see/see-also references reach; sorted as
doc/format-generated.md says (outputs.sort_key); under letter headings.

PDF: the entries once each, in that order, under the right letters; every
"hlm." list sorted, merged into ranges, each page containing the term, and
equal to the pages where the uses are (found by the words around each use);
each locator and see-also a link to its page; each use in the text a link
to the page of its entry.
EPUB: the glossary marked up as one (epub:type/role, dl/dt/dd, dfn); the
same entries in the same order; each use a link to its entry; each entry's
back links reaching the first of its uses on each print page, numbered
with the print page.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from outputs import (DB, Checker, Epub, MarkLocator, Pdf, articles, classes, expand,  # noqa: E402
                     group_letter, has_type, load_source, local, locator_problems, mark_contexts,
                     norm, parse_locators, phrase_in, print_stream, sort_key, text_of, tokens, xtext)

PAGE_WORD = "hlm."
SEE_WORDS = ("lihat juga", "lihat")
BACK_TITLES = ["Glosarium", "Daftar Pustaka", "Indeks"]


# ---------------------------------------------------------------- expected

class Entry:
    def __init__(self, elem):
        self.elem = elem
        self.id = elem.get("{http://www.w3.org/XML/1998/namespace}id")
        term = elem.find(DB + "glossterm")
        self.term = text_of(term) if term is not None else ""
        acr = elem.find(DB + "acronym")
        if acr is None:
            acr = elem.find(DB + "abbrev")
        self.acronym = text_of(acr) if acr is not None else None
        self.sortas = elem.get("sortas") or self.term
        self.refs = []                # (kind, otherterm id or text)
        for kind in ("glosssee", "glossseealso"):
            for r in elem.iter(DB + kind):
                self.refs.append((kind, r.get("otherterm") or text_of(r)))
        self.uses = []                # source elements using it

    @property
    def display(self):
        return self.term + (" (%s)" % self.acronym if self.acronym else "")


def squash(s):
    return "".join(norm(s).split())


def expected_glossary(book):
    entries, by_id, by_text = [], {}, {}
    for g in book.iter(DB + "glossary"):
        if g.get("role") == "auto":
            continue
        for ge in g.iter(DB + "glossentry"):
            e = Entry(ge)
            entries.append(e)
            if e.id:
                by_id[e.id] = e
            by_text.setdefault(squash(e.term), e)
            if e.acronym:
                by_text.setdefault(squash(e.acronym), e)
    in_glossary = set()
    for g in book.iter(DB + "glossary"):
        in_glossary.update(id(x) for x in g.iter())
    uses, unmatched = [], []
    for div in articles(book):
        for u in div.iter():
            if local(u.tag) not in ("glossterm", "firstterm") or id(u) in in_glossary:
                continue
            e = None
            if u.get("linkend"):
                e = by_id.get(u.get("linkend"))
            elif u.get("baseform"):
                e = by_text.get(squash(u.get("baseform")))
            else:
                e = by_text.get(squash(text_of(u)))
            if e is None:
                unmatched.append(text_of(u))
                continue
            e.uses.append(u)
            uses.append((u, e))
    wanted = {id(e): e for _, e in uses}
    todo = list(wanted.values())
    while todo:                       # see/see-also reach, transitively
        e = todo.pop()
        for _, ref in e.refs:
            t = by_id.get(ref) or by_text.get(squash(ref))
            if t is not None and id(t) not in wanted:
                wanted[id(t)] = t
                todo.append(t)
    ordered = sorted(wanted.values(), key=lambda e: sort_key(e.sortas))
    return ordered, uses, unmatched, by_id, by_text


def ref_target(_entry, ref, by_id, by_text):
    return by_id.get(ref) or by_text.get(squash(ref))


# ---------------------------------------------------------------- PDF

class PdfEntry:
    def __init__(self, line, letter):
        self.line = line
        self.text = line.text
        self.letter = letter
        self.body = []                # indented lines after the term line

    def locator_lines(self):
        for i, ln in enumerate(self.body):
            if ln.text.startswith(PAGE_WORD):
                return self.body[i:]
        return []

    def see_lines(self):
        return [ln for ln in self.body if norm(ln.text).startswith(SEE_WORDS)]


def parse_pdf_glossary(pdf, lines, title):
    """Entries of the glossary's lines: a term line and letter headings sit
    at the left margin of their page, everything else is indented."""
    margin = {ln.page: pdf.margin(ln.page) for ln in lines}
    entries, letters, letter = [], [], None
    for ln in lines:
        at_margin = ln.x0 <= margin[ln.page] + 1.0
        if at_margin and norm(ln.text) == norm(title):
            continue
        if at_margin and (re.fullmatch(r"[A-Z]", ln.text) or norm(ln.text) in ("simbol dan angka", "symbols and numbers")):
            letter = ln.text
            letters.append(letter)
            continue
        if at_margin:
            entries.append(PdfEntry(ln, letter))
        elif entries:
            entries[-1].body.append(ln)
    return entries, letters


def check_pdf(ck, pdf, title, book, ordered, uses, by_id, by_text):
    k, lines = pdf.section(lambda t: norm(t) == norm(title))
    if not ck.check(k is not None and lines, "PDF: an outline entry %r leads to the glossary" % title):
        return
    gpages = sorted({ln.page for ln in lines})
    entries, letters = parse_pdf_glossary(pdf, lines, title)
    print("    PDF glossary: pages %s-%s (labels %s-%s), %d entries, letters %s"
          % (gpages[0] + 1, gpages[-1] + 1, pdf.label(gpages[0]), pdf.label(gpages[-1]),
             len(entries), " ".join(l or "?" for l in letters)))

    # -- every used term once, nothing else
    want = [norm(e.display) for e in ordered]
    got = [norm(e.text) for e in entries]
    missing = [w for w in want if w not in got]
    extra = [g for g in got if g not in want]
    twice = sorted({g for g in got if got.count(g) > 1})
    ck.check(not missing and not extra and not twice,
             "PDF: the glossary lists each of the %d used terms exactly once" % len(want),
             ["missing: %s" % m for m in missing] + ["not used (or misspelt): %s" % x for x in extra]
             + ["listed more than once: %s" % t for t in twice])

    # -- order
    common = [g for g in got if g in want]
    want_common = [w for w in want if w in common]
    diffs = ["position %d: %r where %r was expected" % (i + 1, a, b)
             for i, (a, b) in enumerate(zip(common, want_common)) if a != b]
    ck.check(not diffs, "PDF: entries in Indonesian collation order", diffs)

    # -- letter headings
    bad = []
    for e, src in zip(entries, [next((o for o in ordered if norm(o.display) == norm(p.text)), None) for p in entries]):
        if src is None:
            continue
        g = group_letter(src.sortas)
        if (g or "Simbol dan Angka") != (e.letter or ""):
            bad.append("%r under %r, expected %r" % (e.text, e.letter, g))
    if len(set(letters)) != len(letters):
        bad.append("a letter heading repeats: %s" % letters)
    ck.check(not bad, "PDF: letter headings (%d) match the entries' first letters" % len(letters), bad)

    src_of = {norm(o.display): o for o in ordered}
    entry_page = {}                   # source entry -> physical page of its term line
    listed = {}                       # source entry -> [(lo, hi)]
    bad_syntax, unsorted = [], []
    for pe in entries:
        src = src_of.get(norm(pe.text))
        if src is None:
            continue
        entry_page[id(src)] = pe.line.page
        loc_lines = pe.locator_lines()
        text = " ".join(ln.text for ln in loc_lines)
        if not src.uses:              # reached only through see/see-also
            if text:
                bad_syntax.append("%s: not used, yet it lists pages: %r" % (pe.text, text))
            continue
        locs = parse_locators(text[len(PAGE_WORD):]) if text else None
        if locs is None:
            bad_syntax.append("%s: %r" % (pe.text, text or "(no '%s' line)" % PAGE_WORD))
            continue
        listed[id(src)] = locs
        for p in locator_problems(locs):
            unsorted.append("%s: %s (%s)" % (pe.text, p, text))
    ck.check(not bad_syntax, "PDF: every used entry ends with a '%s' page list" % PAGE_WORD, bad_syntax)
    ck.check(not unsorted, "PDF: page lists sorted, consecutive pages merged into ranges", unsorted)

    # -- each listed page holds the term (or the words of one of its uses)
    not_there, no_page = [], []
    checked = 0
    for src in ordered:
        phrases = [tokens(src.term)] + ([tokens(src.acronym)] if src.acronym else []) \
            + [tokens(text_of(u)) for u in src.uses]
        for label in expand(listed.get(id(src), [])):
            p = pdf.page_of_label.get(str(label))
            if p is None:
                no_page.append("%s: page %s does not exist" % (src.term, label))
                continue
            checked += 1
            toks = pdf.page_tokens(p)
            if not any(ph and phrase_in(ph, toks) for ph in phrases):
                not_there.append("%s: page %s (physical %d) does not contain the term" % (src.term, label, p + 1))
    ck.check(not no_page and not not_there,
             "PDF: each of %d listed pages contains its term (pdftotext per page)" % checked, no_page + not_there)

    # -- the listed pages are the pages of the uses
    body_start, body_end = pdf.text_pages(BACK_TITLES + [title])
    loc = MarkLocator(pdf, body_start, body_end)
    contexts = {}
    for div in articles(book):
        for elem, before, after in mark_contexts(print_stream(div)):
            contexts[id(elem)] = (before, after)
    use_pages = {}
    unlocated = []
    for u, e in uses:
        before, after = contexts.get(id(u), ([], []))
        pages = loc.locate(before, after, zero_width=False)
        if pages is None:
            unlocated.append("%s: %r ... %r" % (e.term, " ".join(before), " ".join(after)))
            continue
        use_pages[id(u)] = pages
    ck.check(not unlocated, "PDF: each of %d uses found in the text by the words around it" % len(uses), unlocated)
    mism = []
    for src in ordered:
        if not src.uses:
            continue
        expect = set()
        for u in src.uses:
            expect |= {int(pdf.label(p)) for p in use_pages.get(id(u), ()) if pdf.label(p).isdigit()}
        got_pages = set(expand(listed.get(id(src), [])))
        if expect and got_pages != expect:
            mism.append("%s: listed %s, used on %s" % (src.term, sorted(got_pages), sorted(expect)))
    ck.check(not mism, "PDF: each entry's page list is exactly the pages where it is used", mism)

    # -- links: locators to their pages, see-also to entries
    bad_links, checked = [], 0
    for pe in entries:
        src = src_of.get(norm(pe.text))
        if src is None or id(src) not in listed:
            continue
        loc_lines = pe.locator_lines()
        links = [l for ln in loc_lines for l in pdf.links_on_line(ln)]
        for lo, hi in listed[id(src)]:
            target = pdf.page_of_label.get(str(lo))
            checked += 1
            if not any(l[4] == target for l in links):
                bad_links.append("%s: locator %s has no link to its page (links on the line go to %s)"
                                 % (src.term, lo if lo == hi else "%d–%d" % (lo, hi),
                                    sorted({pdf.label(l[4]) for l in links if l[4] is not None})))
    ck.check(not bad_links, "PDF: each of %d locators is a link to its page" % checked, bad_links)

    bad_see, checked = [], 0
    for pe in entries:
        src = src_of.get(norm(pe.text))
        if src is None:
            continue
        want_refs = sorted(norm(ref_target(src, r, by_id, by_text).term)
                           for _, r in src.refs if ref_target(src, r, by_id, by_text) is not None)
        got_refs = []
        for ln in pe.see_lines():
            t = norm(ln.text)
            for w in SEE_WORDS:
                if t.startswith(w):
                    t = t[len(w):].strip()
                    break
            got_refs.append(t)
            target = next((o for o in ordered if t in (norm(o.display), norm(o.term))), None)
            checked += 1
            if target is None:
                bad_see.append("%s: see-also %r names no entry of the glossary" % (src.term, t))
                continue
            if not any(l[4] == entry_page.get(id(target)) for l in pdf.links_on_line(ln)):
                bad_see.append("%s: see-also %r is not a link to page %s where that entry is"
                               % (src.term, t, pdf.label(entry_page.get(id(target), 0))))
        if sorted(got_refs) != want_refs:
            bad_see.append("%s: see-also %s, the source says %s" % (src.term, sorted(got_refs), want_refs))
    ck.check(not bad_see, "PDF: each of %d see/see-also references is printed and links to its entry" % checked, bad_see)

    # -- each use in the text links to the page of its entry
    need = {}
    for u, e in uses:
        for p in use_pages.get(id(u), ()):
            need.setdefault(p, []).append(e)
            break
    short = []
    total = 0
    gset = set(gpages)
    for p, es in sorted(need.items()):
        avail = [l[4] for l in pdf.links[p] if l[4] in gset]
        missing = []
        for e in es:
            total += 1
            g = entry_page.get(id(e))
            if g in avail:
                avail.remove(g)
            else:
                missing.append("%s (entry on p. %s)" % (e.term, pdf.label(g) if g is not None else "?"))
        if missing:
            short.append("page %s: %d of %d uses have no link to their entry: %s"
                         % (pdf.label(p), len(missing), len(es), ", ".join(missing)))
    links_to_glossary = sum(1 for p in range(body_start, gpages[0]) for l in pdf.links[p] if l[4] in gset)
    ck.check(not short, "PDF: each of %d uses in the text is a link to its glossary entry "
             "(%d links from the text into the glossary)" % (total, links_to_glossary), short)
    return entries


# ---------------------------------------------------------------- EPUB

def check_epub(ck, ep, book, ordered, uses, by_id):
    gl = [(name, e) for name in ep.spine for e in ep.docs[name].iter()
          if has_type(e, "glossary") and local(e.tag) != "a"]   # not the nav's landmarks
    if not ck.check(len(gl) == 1, "EPUB: one element with epub:type=\"glossary\" (found %d)" % len(gl)):
        if not gl:
            return
    gdoc, gsec = gl[0]
    ck.check(gsec.get("role") == "doc-glossary", "EPUB: the glossary has role=\"doc-glossary\" (%s)" % gsec.get("role"))
    dts = [e for e in gsec.iter() if local(e.tag) == "dt"]
    dls = [e for e in gsec.iter() if local(e.tag) == "dl"]
    bad = []
    for dl in dls:
        kids = [local(c.tag) for c in dl]
        for i, k in enumerate(kids):
            if k == "dt" and (i + 1 >= len(kids) or kids[i + 1] != "dd"):
                bad.append("a dt not followed by its dd in %s" % kids[:6])
    for dt in dts:
        if not any(local(x.tag) == "dfn" for x in dt.iter()):
            bad.append("dt %r has no dfn" % xtext(dt))
    ck.check(dls and dts and not bad, "EPUB: glossary as dl/dt/dd with a dfn in each of %d dt" % len(dts), bad)

    want = [norm(e.display) for e in ordered]
    got = [norm(xtext(dt)) for dt in dts]
    missing = [w for w in want if w not in got]
    extra = [g for g in got if g not in want]
    order = [] if missing or extra else ["position %d: %r where %r was expected" % (i + 1, a, b)
                                         for i, (a, b) in enumerate(zip(got, want)) if a != b]
    ck.check(not missing and not extra and len(got) == len(set(got)) and not order,
             "EPUB: the same %d entries, once each, in collation order" % len(want),
             ["missing: " + m for m in missing] + ["extra: " + x for x in extra] + order)
    dt_of = {}
    for dt in dts:
        src = next((o for o in ordered if norm(o.display) == norm(xtext(dt))), None)
        if src is not None:
            dt_of[id(src)] = dt

    def is_entry(elem, src):
        dt = dt_of.get(id(src))
        return dt is not None and (elem is dt or dt in set(ep.ancestors(elem)))

    # -- each use is a link to its entry
    use_elem = {}                     # source use -> (epub file, <a>)
    bad = []
    for div in articles(book):
        div_id = div.get("{http://www.w3.org/XML/1998/namespace}id")
        src_uses = [(u, e) for u, e in uses if any(u is x for x in div.iter())]
        if not src_uses:
            continue
        name, sec = ep.find_doc_with_id(div_id) if div_id else (None, None)
        if sec is None:
            bad.append("article %s: no element with its id in the EPUB" % div_id)
            continue
        links = [a for a in sec.iter() if local(a.tag) == "a" and
                 (a.get("role") == "doc-glossref" or has_type(a, "glossref"))]
        if len(links) != len(src_uses):
            bad.append("article %s: %d uses in the source, %d glossary links in the EPUB"
                       % (div_id, len(src_uses), len(links)))
        for (u, e), a in zip(src_uses, links):
            if norm(xtext(a)) != norm(text_of(u)):
                bad.append("%s: link text %r, the source use is %r" % (div_id, xtext(a), text_of(u)))
                continue
            r = ep.resolve(name, a.get("href") or "")
            if r is None or r[1] is None:
                bad.append("%s: %r links to %s, which does not exist" % (div_id, xtext(a), a.get("href")))
            elif not is_entry(r[1], e):
                bad.append("%s: %r links to %s, not to the entry %r" % (div_id, xtext(a), a.get("href"), e.term))
            else:
                use_elem[id(u)] = (name, a)
    ck.check(not bad, "EPUB: each of %d uses is a link to its glossary entry" % len(uses), bad)

    # -- back links from each entry reach exactly its uses
    pages = ep.pagebreaks_before()
    bad, bad_num, n = [], [], 0
    for src in ordered:
        dt = dt_of.get(id(src))
        if dt is None:
            continue
        dd = None
        par = ep.parent.get(dt)
        if par is not None:
            kids = list(par)
            i = kids.index(dt)
            dd = kids[i + 1] if i + 1 < len(kids) and local(kids[i + 1].tag) == "dd" else None
        backs = [a for a in (dd.iter() if dd is not None else []) if local(a.tag) == "a" and
                 ("locator" in classes(a) or "locators" in classes(ep.parent.get(a, a)))]
        # One back link per print page, to the page's first use (the
        # PDF's "hlm." list merges a page's uses too); every use when
        # there is no page-list.
        want_ids, seen_pages = set(), set()
        for u in src.uses:
            if id(u) not in use_elem:
                continue
            elem = use_elem[id(u)][1]
            page = pages.get(elem)
            if page is None or page not in seen_pages:
                want_ids.add(id(elem))
            if page is not None:
                seen_pages.add(page)
        got_ids = set()
        for a in backs:
            n += 1
            r = ep.resolve(gdoc, a.get("href") or "")
            if r is None or r[1] is None:
                bad.append("%s: back link %s does not resolve" % (src.term, a.get("href")))
                continue
            got_ids.add(id(r[1]))
            rr = ep.resolve(r[0], r[1].get("href") or "") if local(r[1].tag) == "a" else None
            if rr is None or rr[1] is None or not is_entry(rr[1], src):
                bad.append("%s: back link %s lands on %r, which is not a use linking to this entry"
                           % (src.term, a.get("href"), xtext(r[1])[:40]))
            label = pages.get(r[1])
            if label is not None and xtext(a) != label:
                bad_num.append("%s: back link %s reads %r, the use is on print page %s"
                               % (src.term, a.get("href"), xtext(a), label))
        if src.uses and got_ids != want_ids:
            missed = [pages.get(use_elem[id(u)][1]) for u in src.uses
                      if id(u) in use_elem and id(use_elem[id(u)][1]) not in got_ids]
            extra = len(got_ids - want_ids)
            bad.append("%s: %d back links reach %d of the %d first uses on a page (%d other places); "
                       "none reaches the uses on print page(s) %s"
                       % (src.term, len(backs), len(got_ids & want_ids), len(want_ids), extra,
                          ", ".join(map(str, missed))))
    if n == 0:
        bad.append("no back links found at all")
    ck.check(not bad, "EPUB: each entry links back to the first of its uses on each print page (%d back links)" % n, bad)
    ck.check(not bad_num, "EPUB: back links are numbered with the print page of the use (page-list)", bad_num)

    bad, n = [], 0
    for a in (x for x in gsec.iter() if local(x.tag) == "a" and has_type(x, "glossref")):
        n += 1
        r = ep.resolve(gdoc, a.get("href") or "")
        if r is None or r[1] is None or local(r[1].tag) != "dt":
            bad.append("%r -> %s does not land on a dt" % (xtext(a), a.get("href")))
    want = sum(len(o.refs) for o in ordered)
    if n != want:
        bad.append("%d see/see-also links, the printed entries have %d references" % (n, want))
    ck.check(not bad, "EPUB: each of %d see/see-also references is a link to a glossary entry" % n, bad)


def main(argv):
    reader, pdf_path, epub_path = argv
    ck = Checker("glossary_outputs")
    book = load_source(reader)
    auto = next((g for g in book.iter(DB + "glossary") if g.get("role") == "auto"), None)
    t = auto.find(DB + "title") if auto is not None else None
    title = text_of(t) if t is not None else "Glosarium"
    ordered, uses, unmatched, by_id, by_text = expected_glossary(book)
    print("    sources: %d uses of %d terms, %d entries expected (with see/see-also), %d uses defined nowhere"
          % (len(uses), len({id(e) for _, e in uses}), len(ordered), len(unmatched)))
    for u in unmatched:
        print("    note: use %r has no definition" % u)
    check_pdf(ck, Pdf(pdf_path), title, book, ordered, uses, by_id, by_text)
    check_epub(ck, Epub(epub_path), book, ordered, uses, by_id)
    return ck.finish()


if __name__ == "__main__":
    from outputs import run_main
    run_main(main)
