#!/usr/bin/env python3
"""check_index: the back-of-book index of a reader in its PDF and EPUB,
against the indexterm marks of the sources (issue 7).

usage: check_index.py READER.xml BOOK.pdf BOOK.epub

Expected content, computed here from the sources: headings grouped by their
text (case and spacing ignored, first spelling printed), sortas honoured,
secondary and tertiary levels, see/see-also; sorted as
doc/format-generated.md says (outputs.sort_key) under letter headings.

PDF: the index (found through the outline) holds those headings in that
order, under the right letters, at least 60 of them; set in two columns;
every locator list sorted with consecutive pages merged (3–5, never 3, 4,
5); every locator page contains the term (the surname for a person) and
the pages listed are the pages where the marks are (found by the words
around each mark); each locator and each see reference a link.
EPUB: an index document (epub:type="index", role="doc-index") with the same
headings in the same order; every locator resolving to an anchor that sits
in the block holding the mark in the source, at the mark's own place
(matched by the words around it), and numbered with its print page.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from outputs import (DB, Checker, Epub, MarkLocator, Pdf, articles, classes, expand,  # noqa: E402
                     context_fits, group_letter, has_type, load_source, local, locator_problems, mark_contexts,
                     norm, parse_locators, phrase_in, print_stream, sort_key, text_of, tokens, words_only, xtext)

SEE = "Lihat"
SEE_ALSO = "Lihat juga"
MIN_HEADINGS = 60


# ---------------------------------------------------------------- expected

def squash(s):
    return "".join(norm(s).split())


class Node:
    """One heading of the index at one level."""

    def __init__(self, text, sortas):
        self.text = text
        self.sortas = sortas or text
        self.marks = []               # indexterm elements with a page
        self.see = []
        self.seealso = []
        self.kids = {}

    def ordered_kids(self):
        return sorted(self.kids.values(), key=lambda n: sort_key(n.sortas))


def expected_index(book):
    root = Node("", "")
    terms = []
    for div in articles(book):
        for it in div.iter(DB + "indexterm"):
            if it.get("class") == "endofrange":
                continue
            node = root
            for lvl in ("primary", "secondary", "tertiary"):
                e = it.find(DB + lvl)
                if e is None:
                    break
                t = text_of(e)
                node = node.kids.setdefault(squash(t), Node(t, e.get("sortas")))
                if e.get("sortas") and node.sortas == node.text:
                    node.sortas = e.get("sortas")
            see = it.find(DB + "see")
            also = [text_of(s) for s in it.findall(DB + "seealso")]
            if see is not None:
                if text_of(see) not in node.see:
                    node.see.append(text_of(see))
            else:
                node.marks.append(it)
                terms.append((it, node))
            for a in also:
                if a not in node.seealso:
                    node.seealso.append(a)
    return root, terms


def find_path(root, path_text):
    """The node a see reference names: levels separated by commas
    ("kelompok, swabantu"); a heading that itself holds a comma
    ("Zastrow, Charles") is tried whole first."""
    whole = root.kids.get(squash(path_text))
    if whole is not None:
        return whole
    node = root
    for part in path_text.split(","):
        node = node.kids.get(squash(part)) if node else None
    return node


def term_variants(node, parents):
    """Words a locator page must hold for this entry: the heading (of any
    level), the surname of a person ("Zastrow, Charles"), either part of
    "Name (ACRONYM)"."""
    out = []
    for n in parents + [node]:
        t = n.text
        out.append(t)
        m = re.fullmatch(r"(.*?)\s*\(([^)]*)\)\s*", t)
        if m:
            out += [m.group(1), m.group(2)]
        if "," in t:
            out.append(t.split(",")[0])
        if "-" in t.split(",")[0]:            # "Serafica-deGuzman": either name
            out += t.split(",")[0].split("-")
    return [tokens(v) for v in out if tokens(v)]


# ---------------------------------------------------------------- PDF

class PdfItem:
    def __init__(self, level, lines):
        self.level = level
        self.lines = lines
        self.text = " ".join(l.text for l in lines)
        self.heading, self.locs, self.see, self.seealso = split_entry(self.text)


def split_entry(text):
    """ "advokat, 8, 19" -> ("advokat", [(8,8), (19,19)], None, None);
    "ASPEKSI. Lihat X" -> ("ASPEKSI", [], "X", None)."""
    see = seealso = None
    m = re.search(r"\.\s+%s\s+(.*)$" % SEE_ALSO, text)
    if m:
        seealso = m.group(1).strip().rstrip(".")
        text = text[:m.start()]
    else:
        m = re.search(r"\.\s+%s\s+(.*)$" % SEE, text)
        if m:
            see = m.group(1).strip().rstrip(".")
            text = text[:m.start()]
    m = re.match(r"^(.*?)((?:,\s*\d+(?:\s*[\u2013-]\s*\d+)?)+)\s*$", text)
    if m:
        return m.group(1).strip(), parse_locators(m.group(2).lstrip(",")), see, seealso
    return text.strip(), [], see, seealso


INDEX_STEP = 10.0  # pt: the index's sub-entry indent (src/layout/blocks.c)


def pdf_index(pdf, lines, title):
    """Entries of the index pages: per page and column, lines at the left
    edge are primary headings, deeper ones sub-entries; a line continues
    the one before when that one broke after a comma or hyphen, when it
    holds only locators, or when it goes on a see reference."""
    body = [ln for ln in lines if norm(ln.text) != norm(title)]
    width = {}
    for ln in body:
        width[ln.page] = max(width.get(ln.page, 0), ln.x1)
    mid = {p: (min(l.x0 for l in body if l.page == p) + w) / 2 for p, w in width.items()}
    cols = {}
    for ln in body:
        cols.setdefault((ln.page, 0 if ln.x0 < mid[ln.page] - 5 else 1), []).append(ln)
    two_columns = any(k[1] == 1 for k in cols)
    items, letters = [], []
    for key in sorted(cols):
        col = sorted(cols[key], key=lambda l: l.y0)
        left = pdf.margin(key[0]) if key[1] == 0 else min(l.x0 for l in col)
        for ln in col:
            # levels step by the sub-entry indent; a line turned over is
            # indented two steps past its entry (deeper than a sub-entry)
            depth = max(0, round((ln.x0 - left) / INDEX_STEP))
            t = ln.text
            if depth == 0 and (re.fullmatch(r"[A-Z]", t) or norm(t) in ("simbol dan angka", "symbols and numbers")):
                letters.append(t)
                items.append(("letter", t))
                continue
            prev = items[-1][1] if items and items[-1][0] == "entry" else None
            cont = prev is not None and depth > 0 and (
                depth > prev.level + 1
                or prev.lines[-1].text.rstrip().endswith((",", "-", "\u2013", "\u2010"))
                or re.fullmatch(r"[\d,\s\u2013-]+", t)
                or (prev.see or prev.seealso) and depth > prev.level)
            if cont:
                lines_ = prev.lines + [ln]
                joined = PdfItem(prev.level, lines_)
                # a word broken at the line's end: join it again
                if prev.lines[-1].text.endswith(("-", "\u2010")) and t[:1].isalpha():
                    joined.text = " ".join(l.text for l in prev.lines)[:-1] + t
                    joined.heading, joined.locs, joined.see, joined.seealso = split_entry(joined.text)
                items[-1] = ("entry", joined)
            else:
                items.append(("entry", PdfItem(min(depth, 2), [ln])))
    return items, letters, two_columns


def check_pdf(ck, pdf, title, root, terms, book):
    k, lines = pdf.section(lambda t: norm(t) == norm(title))
    if not ck.check(k is not None and lines, "PDF: an outline entry %r leads to the index" % title):
        return {}
    items, letters, two_columns = pdf_index(pdf, lines, title)
    ipages = sorted({ln.page for ln in lines})
    entries = [e for kind, e in items if kind == "entry"]
    print("    PDF index: pages %d-%d (labels %s-%s), %d lines, %d entries, letters %s"
          % (ipages[0] + 1, ipages[-1] + 1, pdf.label(ipages[0]), pdf.label(ipages[-1]),
             len(lines), len(entries), " ".join(letters)))
    ck.check(two_columns, "PDF: the index is set in two columns")

    # -- the tree as printed
    printed = []                      # (path of squashed headings, item)
    path = []
    bad_struct = []
    letter = None
    per_letter = []
    for kind, e in items:
        if kind == "letter":
            letter = e
            continue
        path = path[:e.level] + [squash(e.heading)]
        if len(path) != e.level + 1:
            bad_struct.append("%r is indented with no heading above it" % e.text)
            path = [squash(e.heading)]
        printed.append((tuple(path), e))
        if e.level == 0:
            per_letter.append((letter, e))

    prim = [e for p, e in printed if len(p) == 1]
    want_prim = root.ordered_kids()
    ck.check(len(prim) >= MIN_HEADINGS and len(want_prim) >= MIN_HEADINGS,
             "PDF: at least %d primary headings (%d printed, %d in the sources)"
             % (MIN_HEADINGS, len(prim), len(want_prim)))

    got_keys = [p for p, _ in printed]
    want_keys = []

    def walk(node, prefix):
        for kid in node.ordered_kids():
            want_keys.append(prefix + (squash(kid.text),))
            walk(kid, prefix + (squash(kid.text),))
    walk(root, ())
    missing = [" > ".join(k) for k in want_keys if k not in got_keys]
    extra = [" > ".join(k) for k in got_keys if k not in want_keys]
    twice = sorted({" > ".join(k) for k in got_keys if got_keys.count(k) > 1})
    ck.check(not missing and not extra and not twice and not bad_struct,
             "PDF: every heading of the sources printed once at its level (%d headings)" % len(want_keys),
             ["missing: " + m for m in missing] + ["not in the sources: " + x for x in extra]
             + ["printed more than once: " + t for t in twice] + bad_struct)
    common = [k for k in got_keys if k in want_keys]
    want_common = [k for k in want_keys if k in common]
    diffs = ["%s where %s was expected" % (" > ".join(a), " > ".join(b))
             for a, b in zip(common, want_common) if a != b]
    ck.check(not diffs, "PDF: headings in Indonesian collation order (sortas honoured)", diffs[:10])

    bad = []
    for letter, e in per_letter:
        node = root.kids.get(squash(e.heading))
        if node is None:
            continue
        g = group_letter(node.sortas) or "Simbol dan Angka"
        if g != letter:
            bad.append("%r under %r, expected %r" % (e.heading, letter, g))
    if len(set(letters)) != len(letters):
        bad.append("a letter heading repeats: %s" % letters)
    if letters != sorted(letters, key=lambda l: (l != "Simbol dan Angka", l)):
        bad.append("letter headings out of order: %s" % letters)
    ck.check(not bad, "PDF: %d letter group headings, each entry under its letter" % len(letters), bad)

    # -- locators
    node_of = {}
    for p, e in printed:
        node = root
        for part in p:
            node = node.kids.get(part) if node else None
        if node is not None:
            node_of[id(e)] = node
    probs = []
    for p, e in printed:
        if e.locs is None:
            probs.append("%r: unreadable locators" % e.text)
            continue
        for pr in locator_problems(e.locs):
            probs.append("%s: %s" % (e.text, pr))
    ck.check(not probs, "PDF: locators sorted as numbers, consecutive pages merged into ranges", probs)

    # the locators are the pages of the marks
    loc = MarkLocator(pdf, *pdf.text_pages(["Glosarium", "Daftar Pustaka", title]))
    ctx = {}
    for div in articles(book):
        for elem, before, after in mark_contexts(print_stream(div)):
            ctx[id(elem)] = (before, after)
    mark_pages, unlocated = {}, []
    for it, node in terms:
        before, after = ctx.get(id(it), ([], []))
        pages = loc.locate(before, after, zero_width=True)
        if pages is None:
            unlocated.append("%s: %r | %r" % (node.text, " ".join(before), " ".join(after)))
        else:
            mark_pages[id(it)] = {int(pdf.label(x)) for x in pages if pdf.label(x).isdigit()}
    ck.check(not unlocated, "PDF: each of %d index marks found in the text by the words around it" % len(terms), unlocated)
    # every locator page holds the term, where the words around the mark
    # in the source hold it (a mark may name a concept the passage does not
    # spell out: "advokat" at "advocate"; those count as found by context)
    parents_of = {}
    for p, e in printed:
        parents_of[id(e)] = [node_of.get(id(x)) for q, x in printed if q == p[:len(q)] and len(q) < len(p)]
    not_there, n, conceptual = [], 0, 0
    for p, e in printed:
        node = node_of.get(id(e))
        if node is None or not e.locs:
            continue
        variants = term_variants(node, [x for x in parents_of[id(e)] if x is not None])
        for label in expand(e.locs):
            pg = pdf.page_of_label.get(str(label))
            n += 1
            if pg is None:
                not_there.append("%s: page %s does not exist" % (e.heading, label))
                continue
            here = [m for m in node.marks if label in mark_pages.get(id(m), ())]
            spelt = [m for m in here if any(phrase_in(v, words_only(ctx[id(m)][0]) + words_only(ctx[id(m)][1]))
                                            for v in variants)]
            toks = pdf.page_tokens(pg)
            if any(phrase_in(v, toks) for v in variants):
                continue
            if here and not spelt:
                conceptual += 1
            else:
                not_there.append("%s: page %s (physical %d) does not contain %s"
                                 % (" > ".join(p), label, pg + 1, " / ".join(" ".join(v) for v in variants)))
    ck.check(not not_there, "PDF: each of %d locator pages contains its term (pdftotext per page; "
             "%d pages lack the words because their marks name a concept the passage does not spell out;\n"
             "    those pages are the marks' own, found by the words around them)"
             % (n, conceptual), not_there)

    mism = []
    for p, e in printed:
        node = node_of.get(id(e))
        if node is None or e.locs is None:
            continue
        listed = set(expand(e.locs))
        marks = [mark_pages[id(m)] for m in node.marks if id(m) in mark_pages]
        uncovered = [sorted(m) for m in marks if not (m & listed)]
        unbacked = sorted(x for x in listed if not any(x in m for m in marks))
        if uncovered or unbacked:
            mism.append("%s: listed %s; marks on %s" % (" > ".join(p), sorted(listed), [sorted(m) for m in marks]))
    ck.check(not mism, "PDF: each entry's locators are exactly the pages of its marks", mism)

    # links: locators and see references
    head_page = {p: e.lines[0].page for p, e in printed}
    bad, n = [], 0
    for p, e in printed:
        links = [l for ln in e.lines for l in pdf.links_on_line(ln)]
        for lo, hi in e.locs or []:
            n += 1
            target = pdf.page_of_label.get(str(lo))
            if not any(l[4] == target for l in links):
                bad.append("%s: locator %s is not a link to its page" % (e.heading, lo if lo == hi else "%d–%d" % (lo, hi)))
        for ref in (e.see, e.seealso):
            if not ref:
                continue
            n += 1
            node = find_path(root, ref)
            tgt_key = None
            for q, x in printed:
                if node is not None and node_of.get(id(x)) is node:
                    tgt_key = q
            if tgt_key is None:
                bad.append("%s: see %r names no printed heading" % (e.heading, ref))
            elif not any(l[4] == head_page[tgt_key] for l in links):
                bad.append("%s: see %r is not a link to page %s" % (e.heading, ref, pdf.label(head_page[tgt_key])))
    ck.check(not bad, "PDF: each of %d locators and see references is a link to its place" % n, bad)

    # see references as the sources give them
    bad = []
    for p, e in printed:
        node = node_of.get(id(e))
        if node is None:
            continue
        if norm(e.see or "") != norm(", ".join(node.see)) or norm(e.seealso or "") != norm(", ".join(node.seealso)):
            bad.append("%s: printed see %r / see also %r, the sources say %s / %s"
                       % (e.heading, e.see, e.seealso, node.see, node.seealso))
    ck.check(not bad, "PDF: see and see-also references as the sources give them", bad)
    return {p: e for p, e in printed}


# ---------------------------------------------------------------- EPUB

BLOCKS = {"p", "li", "dd", "dt", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
          "figcaption", "pre", "caption", "blockquote", "aside"}


def check_epub(ck, ep, root, terms, book, printed):
    secs = [(name, e) for name in ep.spine for e in ep.docs[name].iter()
            if has_type(e, "index") and local(e.tag) != "a"]
    if not ck.check(len(secs) == 1 and secs[0][1].get("role") == "doc-index",
                    "EPUB: one index marked epub:type=\"index\" role=\"doc-index\" (%d found)" % len(secs)):
        if not secs:
            return
    idoc, isec = secs[0]

    # the tree: li entries, each headed by its index-term span
    def term_text(li):
        span = next((c for c in li if has_type(c, "index-term") or
                     set(classes(c)) & {"primaryie", "secondaryie", "tertiaryie"}), None)
        if span is None:
            return None
        return split_entry(xtext(span))[0]

    got = []

    def walk(elem, path):
        for c in elem:
            if local(c.tag) == "li":
                t = term_text(c)
                p = path + (squash(t or "?"),)
                got.append((p, c))
                walk(c, p)
            elif local(c.tag) in ("ul", "ol", "section", "div"):
                walk(c, path)
    walk(isec, ())
    want = []

    def walk_want(node, prefix):
        for kid in node.ordered_kids():
            want.append(prefix + (squash(kid.text),))
            walk_want(kid, prefix + (squash(kid.text),))
    walk_want(root, ())
    got_keys = [p for p, _ in got]
    prim = [p for p in got_keys if len(p) == 1]
    ck.check(len(prim) >= MIN_HEADINGS, "EPUB: at least %d primary headings (%d)" % (MIN_HEADINGS, len(prim)))
    ck.check(got_keys == want, "EPUB: the same %d headings as the sources, in collation order" % len(want),
             ["printed %s, expected %s" % (" > ".join(a), " > ".join(b)) for a, b in zip(got_keys, want) if a != b][:10]
             + ["%d printed, %d expected" % (len(got_keys), len(want))])
    groups = [xtext(h) for h in isec.iter() if local(h.tag) in ("h2", "h3") and has_type(ep.parent[h], "index-group")]
    ck.check(len(groups) >= 1 and groups == sorted(set(groups)), "EPUB: letter group headings %s" % " ".join(groups))

    # locators: each lands in the block of one of its marks, at the mark
    ctx = {}
    src_block = {}
    for div in articles(book):
        for elem, before, after in mark_contexts(print_stream(div)):
            ctx[id(elem)] = (before, after)
    pages = ep.pagebreaks_before()
    bad_place, bad_num, cross, n = [], [], [], 0
    for p, li in got:
        node = root
        for part in p:
            node = node.kids.get(part) if node else None
        if node is None:
            continue
        locs = [a for a in li if local(a.tag) == "a" and ("locator" in classes(a) or has_type(a, "index-locator"))]
        labels = []
        for a in locs:
            n += 1
            r = ep.resolve(idoc, a.get("href") or "")
            if r is None or r[1] is None:
                bad_place.append("%s: %s does not resolve" % (" > ".join(p), a.get("href")))
                continue
            anchor = r[1]
            block = next((x for x in [anchor] + list(ep.ancestors(anchor)) if local(x.tag) in BLOCKS), None)
            if block is None:
                bad_place.append("%s: %s is in no paragraph" % (" > ".join(p), a.get("href")))
                continue
            before_t, after_t = split_at(block, anchor)
            ok = False
            for m in node.marks:
                b, af = ctx.get(id(m), ([], []))
                if context_fits(b[::-1], before_t[::-1]) or context_fits(af, after_t):
                    ok = True
                    break
            if not ok:
                bad_place.append("%s: %s sits after %r / before %r, at none of its %d marks"
                                 % (" > ".join(p), a.get("href"), " ".join(before_t[-3:]), " ".join(after_t[:3]), len(node.marks)))
            label = pages.get(anchor)
            if label is not None and xtext(a) != label:
                bad_num.append("%s: locator %s reads %r, its anchor is on print page %s"
                               % (" > ".join(p), a.get("href"), xtext(a), label))
            labels.append(xtext(a))
        pe = printed.get(p)
        if pe is not None and pe.locs is not None:
            pdf_pages = sorted(set(expand(pe.locs)))
            epub_pages = sorted({int(x) for x in labels if x.isdigit()})
            if pdf_pages != epub_pages:
                cross.append("%s: PDF %s, EPUB %s" % (" > ".join(p), pdf_pages, epub_pages))
    ck.check(n and not bad_place, "EPUB: each of %d locators lands in the paragraph of its mark, at the mark" % n, bad_place)
    ck.check(not bad_num, "EPUB: locators numbered with the print page of their anchor (page-list)", bad_num)
    ck.check(not cross, "EPUB and PDF list the same pages for each heading", cross)

    bad, n = [], 0
    for a in isec.iter():
        if local(a.tag) != "a" or "locator" in classes(a) or has_type(a, "index-locator"):
            continue
        n += 1
        r = ep.resolve(idoc, a.get("href") or "")
        if r is None or r[1] is None:
            bad.append("%r -> %s does not resolve" % (xtext(a), a.get("href")))
        elif norm(split_entry(xtext(r[1]))[0]) != norm(xtext(a).split(",")[-1]) and \
                norm(split_entry(xtext(r[1]))[0]) not in norm(xtext(a)):
            bad.append("%r -> %s lands on %r" % (xtext(a), a.get("href"), xtext(r[1])[:60]))
    ck.check(not bad, "EPUB: each of %d see references links to its heading" % n, bad)


def split_at(block, anchor):
    """Words of a block before and after an element inside it."""
    before, after = [], []
    state = {"seen": False}

    def add(s):
        if s:
            (after if state["seen"] else before).append(s)

    def walk(e):
        if e is anchor:
            state["seen"] = True
        add(e.text)
        for c in e:
            walk(c)
            add(c.tail)
    walk(block)
    return tokens(" ".join(before)), tokens(" ".join(after))


def main(argv):
    reader, pdf_path, epub_path = argv
    ck = Checker("index_outputs")
    book = load_source(reader)
    idx = next((e for e in book if local(e.tag) == "index"), None)
    t = idx.find(DB + "title") if idx is not None else None
    title = text_of(t) if t is not None else "Indeks"
    root, terms = expected_index(book)
    print("    sources: %d index marks with a page, %d primary headings" % (len(terms), len(root.kids)))
    pdf = Pdf(pdf_path)
    printed = check_pdf(ck, pdf, title, root, terms, book)
    check_epub(ck, Epub(epub_path), root, terms, book, printed)
    return ck.finish()


if __name__ == "__main__":
    from outputs import run_main
    run_main(main)
