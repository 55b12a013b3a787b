#!/usr/bin/env python3
"""fidelity: the word check.  Does every word a reader of the sources would
see reach the outputs?

usage: fidelity.py SOURCE.xml [--pdf FILE] [--epub FILE] [--text FILE]
                   [--show N]

The source is read as the compiler reads it: xi:include (parse="xml" and
parse="text", relative to the including file, xpointer="ID" honoured) is
followed.  Its printed words are then looked up in each output given:

  --pdf FILE    the text of the PDF, by pdftotext (poppler-utils)
  --epub FILE   the XHTML documents of the EPUB's spine (the navigation
                document too when the spine lists it: it carries the short
                titles, titleabbrev, that the PDF prints in running heads)
  --text FILE   a plain-text output (folio build --text)
  --except-rtl  Arabic and Hebrew words are not looked up in the PDF:
                pdftotext (and mupdf, pdf.js) scramble shaped Arabic even
                from a PDF that draws it rightly; check those words by
                their /ActualText instead (tests/e2e/lib/check_shaping.py)

A word is a run of letters or a run of digits; a Han, kana or Hangul
character is a word of its own (those scripts break lines between any two characters).
Words are compared case-insensitively (Unicode case folding, NFKC) as a
multiset: a word written five times must be found at least five times.
A word the PDF splits at a line end with a hyphen ("kese-" / "jahteraan")
counts as the joined word when the sources have that word.  pdftotext
itself joins every line-end hyphen, so a hyphen that belongs to the text
("buku-" / "buku", "non-" / "pemerintah") comes out as one unknown word
("bukubuku"); such a word counts as the two source words it is made of.
A word cut at a line end without a hyphen (a long address with no break
point left) counts as the joined word when the sources have it.  Words the
outputs add (headings, page numbers, generated lists) are harmless.

Not counted, because by design they are not printed as written:
  indexterm, remark, alt, textobject, annotation, meta, keywordset,
  subjectset (never printed); MathML's mphantom, mspace, none,
  annotation and a semantics element's children after the first (they
  show no text; the rest of MathML is counted, each element a word apart,
  as the outputs give an equation's linear form); citation and biblioref (their text is a key
  or empty: the printed form comes from the database); a glossary or
  bibliography with role="database" (only the entries used are printed,
  reformatted); given names and dates inside a structured biblioentry
  (the citation style prints initials and its own date form); elements
  outside the DocBook and MathML namespaces; comments,
  processing instructions and attribute values.

Output: one line per output, "pdf: 5230 of 5230 words", then for an output
that lacks words up to N (default 40) lines "  missing: WORD (source N,
found M)".  Exit status: 0 every word found in every output, 1 some output
lacks a word, 2 usage or an unreadable file.

Other tests call it as
  python3 "$SRC/tests/tools/fidelity.py" SOURCE --pdf OUT.pdf
and show its output when it fails.
"""
import collections
import os
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
import zipfile

DOCBOOK = "http://docbook.org/ns/docbook"
MATHML = "http://www.w3.org/1998/Math/MathML"
XINCLUDE = ("http://www.w3.org/2001/XInclude", "http://www.w3.org/2003/XInclude")
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

# DocBook elements whose content is never printed as it is written.
NOT_PRINTED = {"indexterm", "remark", "alt", "textobject", "annotation",
               "meta", "keywordset", "subjectset", "citation", "biblioref"}
# MathML that shows nothing of its text: a phantom takes room only, an
# annotation (TeX, content markup) is for machines; of a semantics element
# only the first child shows.
MATHML_NOT_PRINTED = {"mphantom", "annotation", "annotation-xml", "none",
                      "mprescripts", "mspace"}
# These are databases when role="database": entries are picked and reformatted.
DATABASES = {"glossary", "bibliography"}
# A structured biblioentry is formatted by the citation style, which prints
# given names as initials ("Zastrow, C.") and dates in its own form ("3
# Maret 2024" for 2024-03-03): those parts are not printed as written.
# Everything else of the entry (surnames, titles, publishers) is.
STYLED_IN_BIBLIOENTRY = {"firstname", "givenname", "othername", "honorific",
                         "date", "pubdate"}

# Text-level elements that continue the words around them: "<emphasis>kata
# </emphasis>nya" is one word.  Every other element (a paragraph, a name's
# parts, a footnote) is set apart from its neighbours.
RUN_ON = {"emphasis", "phrase", "quote", "foreignphrase", "link", "olink",
          "glossterm", "firstterm", "citetitle", "subscript", "superscript",
          "acronym", "abbrev", "trademark", "wordasword", "literal", "code",
          "command", "filename", "option", "replaceable", "parameter",
          "varname", "envar", "tag", "uri", "email", "systemitem",
          "userinput", "computeroutput", "prompt", "package", "application",
          "productname", "guimenu", "guisubmenu", "guimenuitem", "guibutton",
          "guilabel", "guiicon", "menuchoice", "keycap", "keycombo",
          "function", "classname", "constant", "type", "errorcode", "markup",
          "mathphrase", "date"}

# Elements whose children are printed with a joiner between them (" → ",
# "+", ", "), never run together: "<keycap>Ctrl</keycap><keycap>S</keycap>"
# is two words.
JOINED = {"menuchoice", "keycombo", "simplelist"}

# Characters of scripts written without spaces between words.
UNSPACED = re.compile("([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
                      "\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002fa1f])")
# letters and digits apart: a footnote mark set against a word ("sosial1")
# is not part of it
WORD = re.compile(r"[^\W\d_]+|\d+")
# a hyphen at the end of a line, between two letters: "kese-\njahteraan"
LINE_END_HYPHEN = re.compile(r"([^\W\d_]+)[-\u2010\u00ad][ \t]*\n[ \t\f]*([^\W\d_]+)")


class Unreadable(Exception):
    pass


def normal(text):
    return unicodedata.normalize("NFKC", text).casefold()


def split_words(text):
    """The words of text, normalised, in order."""
    text = normal(text).replace("\u00ad", "")
    return WORD.findall(UNSPACED.sub(r" \1 ", text))


def namespace_and_name(tag):
    if not isinstance(tag, str):  # comment or processing instruction
        return None, None
    if tag.startswith("{"):
        ns, name = tag[1:].split("}", 1)
        return ns, name
    return "", tag


# ---- the sources

def parse_xml(path):
    try:
        return ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        raise Unreadable("%s: %s" % (path, e))


def find_by_id(root, ident):
    for el in root.iter():
        if el.get(XML_ID) == ident:
            return el
    raise Unreadable("xpointer %r: no element with that xml:id" % ident)


def include(el, here, depth):
    """What an xi:include element stands for: (element or None, text)."""
    if depth > 50:
        raise Unreadable("xi:include nested more than 50 deep at %s" % here)
    href = el.get("href", "")
    target = os.path.normpath(os.path.join(os.path.dirname(here), href)) if href else here
    if el.get("parse", "xml") == "text":
        try:
            with open(target, encoding=el.get("encoding") or "utf-8") as f:
                return None, f.read(), target
        except (OSError, UnicodeError) as e:
            raise Unreadable("%s: %s" % (target, e))
    root = parse_xml(target)
    pointer = el.get("xpointer")
    if pointer:
        m = re.fullmatch(r"(?:element\()?\s*([^)/\s]+)\s*\)?", pointer)
        root = find_by_id(root, m.group(1) if m else pointer)
    return root, None, target


def collect(el, here, out, depth=0, in_entry=False):
    """Append the printed text under el (read from file here) to out;
    in_entry: el is inside a structured biblioentry."""
    ns, name = namespace_and_name(el.tag)
    if name is None:
        out.append(el.tail or "")
        return
    if ns in XINCLUDE:
        if name == "include":
            sub, text, target = include(el, here, depth + 1)
            if sub is not None:
                collect_inside(sub, target, out, depth + 1)
            else:
                out.append(text)
        out.append(el.tail or "")
        return
    if ns == MATHML:
        collect_mathml(el, out)
        return
    printed = (ns == DOCBOOK and name not in NOT_PRINTED and
               not (name in DATABASES and el.get("role") == "database") and
               not (in_entry and name in STYLED_IN_BIBLIOENTRY))
    in_entry = in_entry or (ns == DOCBOOK and name == "biblioentry")
    apart = "" if name in RUN_ON else " "
    if printed:
        out.append(apart + (el.text or ""))
        for child in el:
            if name in JOINED:
                out.append(" ")
            collect(child, here, out, depth, in_entry)
        out.append(apart)
    out.append(el.tail or "")


def collect_mathml(el, out):
    """MathML: the text of what shows, each element apart from the next
    (the outputs give an equation as its linear form, "H_c = 1 − 1/R_0")."""
    if namespace_and_name(el.tag)[1] not in MATHML_NOT_PRINTED:
        out.append(" " + (el.text or ""))
        children = list(el)
        if namespace_and_name(el.tag)[1] == "semantics":
            children = children[:1]
        for child in children:
            collect_mathml(child, out)
        out.append(" ")
    out.append(el.tail or "")


def collect_inside(el, here, out, depth):
    """collect() without el's tail (an included root has none to speak of)."""
    tail, el.tail = el.tail, None
    collect(el, here, out, depth)
    el.tail = tail


def source_words(path):
    pieces = []
    collect_inside(parse_xml(path), os.path.abspath(path), pieces, 0)
    return split_words("".join(pieces))


# ---- the outputs

def join_line_end_hyphens(text, vocabulary):
    def join(m):
        joined = m.group(1) + m.group(2)
        if normal(joined) in vocabulary:
            return joined
        return m.group(1) + " " + m.group(2)
    return LINE_END_HYPHEN.sub(join, text)


def pdf_text(path):
    try:
        run = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"],
                             capture_output=True)
    except OSError as e:
        raise Unreadable("pdftotext: %s (install poppler-utils)" % e)
    if run.returncode != 0:
        raise Unreadable("pdftotext %s: %s" % (path, run.stderr.decode(errors="replace").strip()))
    return run.stdout.decode("utf-8", errors="replace")


def xhtml_text(data):
    """The text of an XHTML document's body, blocks apart."""
    root = ET.fromstring(data)
    out = []

    def walk(el):
        ns, name = namespace_and_name(el.tag)
        if name in ("head", "script", "style"):
            out.append(el.tail or "")
            return
        if ns == MATHML:
            # as in the sources: each MathML element a word apart, and
            # what shows no text left out
            if name not in MATHML_NOT_PRINTED:
                out.append(" " + (el.text or ""))
                for child in el:
                    walk(child)
                out.append(" ")
            out.append(el.tail or "")
            return
        if name is not None:
            out.append(el.text or "")
            for child in el:
                walk(child)
            if name in ("br", "p", "div", "li", "td", "th", "dt", "dd", "tr"):
                out.append("\n")
        out.append(el.tail or "")

    walk(root)
    return "".join(out)


def epub_text(path):
    """The spine's documents, in reading order."""
    try:
        z = zipfile.ZipFile(path)
        container = ET.fromstring(z.read("META-INF/container.xml"))
        opf_path = next(e.get("full-path") for e in container.iter()
                        if namespace_and_name(e.tag)[1] == "rootfile")
        opf = ET.fromstring(z.read(opf_path))
    except (OSError, KeyError, StopIteration, zipfile.BadZipFile, ET.ParseError) as e:
        raise Unreadable("%s: not a readable EPUB (%s)" % (path, e))
    base = os.path.dirname(opf_path)
    items, spine = {}, []
    for e in opf.iter():
        kind = namespace_and_name(e.tag)[1]
        if kind == "item":
            items[e.get("id")] = (e.get("href"), (e.get("properties") or "").split())
        elif kind == "itemref":
            spine.append(e.get("idref"))
    texts = []
    for idref in spine:
        href, _ = items.get(idref, (None, []))
        if href is None:
            raise Unreadable("%s: the spine names %r, not in the manifest" % (path, idref))
        name = os.path.normpath(os.path.join(base, href)) if base else href
        try:
            texts.append(xhtml_text(z.read(name)))
        except (KeyError, ET.ParseError) as e:
            raise Unreadable("%s: %s: %s" % (path, name, e))
    return "\n".join(texts)


def plain_text(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except (OSError, UnicodeError) as e:
        raise Unreadable("%s: %s" % (path, e))


READERS = {"pdf": pdf_text, "epub": epub_text, "text": plain_text}


def split_run_together(found, wanted):
    """Counts the words of found that are no source word but two source
    words run together ("bukubuku") as those two words."""
    for word, n in list(found.items()):
        if word in wanted:
            continue
        for cut in range(1, len(word)):
            head, tail = word[:cut], word[cut:]
            if head in wanted and tail in wanted:
                found[head] += n
                found[tail] += n
                break


def join_unmarked_line_ends(text, found, wanted):
    """Counts a source word that a line end cuts without a hyphen, as a
    long address or identifier is cut where it has no break point left
    (".supplement" / "ary-material"), when the source has more of that
    word than the output shows whole."""
    lines = text.split("\n")
    for this, following in zip(lines, lines[1:]):
        head = split_words(this)
        tail = split_words(following)
        if not head or not tail or not this[-1:].isalnum() or not following[:1].isalnum():
            continue
        joined = head[-1] + tail[0]
        if joined in wanted and found[joined] < wanted[joined]:
            found[joined] += 1


RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def compare(kind, text, wanted, show):
    found = collections.Counter(split_words(join_line_end_hyphens(text, wanted)))
    split_run_together(found, wanted)
    join_unmarked_line_ends(text, found, wanted)
    short = {w: n - found[w] for w, n in wanted.items() if found[w] < n}
    total = sum(wanted.values())
    lost = sum(short.values())
    print("%s: %d of %d words" % (kind, total - lost, total))
    # the words most often lost first, then alphabetically
    for w in sorted(short, key=lambda w: (-short[w], w))[:show]:
        print("  missing: %s (source %d, found %d)" % (w, wanted[w], found[w]))
    if len(short) > show:
        print("  ... and %d more different words" % (len(short) - show))
    return lost == 0


def usage(msg):
    print("fidelity: %s\nusage: fidelity.py SOURCE.xml [--pdf FILE] [--epub FILE] "
          "[--text FILE] [--show N] [--except-rtl]" % msg, file=sys.stderr)
    return 2


def main(argv):
    source, outputs, show, except_rtl = None, [], 40, False
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("--pdf", "--epub", "--text", "--show"):
            if i + 1 >= len(argv):
                return usage("%s needs a value" % a)
            if a == "--show":
                if not argv[i + 1].isdigit():
                    return usage("--show needs a number")
                show = int(argv[i + 1])
            else:
                outputs.append((a[2:], argv[i + 1]))
            i += 2
        elif a == "--except-rtl":
            except_rtl = True
            i += 1
        elif a.startswith("-"):
            return usage("unknown option %s" % a)
        elif source is None:
            source = a
            i += 1
        else:
            return usage("one source only")
    if source is None or not outputs:
        return usage("a source and at least one output are needed")
    try:
        wanted = collections.Counter(source_words(source))
        ok = True
        for kind, path in outputs:
            want = wanted
            if except_rtl and kind == "pdf":
                want = collections.Counter({w: n for w, n in wanted.items()
                                            if not RTL_LETTER.search(w)})
            ok = compare(kind, READERS[kind](path), want, show) and ok
    except Unreadable as e:
        print("fidelity: %s" % e, file=sys.stderr)
        return 2
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
