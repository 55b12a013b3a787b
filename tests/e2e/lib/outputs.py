"""outputs: readers shared by the end-to-end checks of the generated
glossary, bibliography and index (tests/e2e/*_outputs.sh).

They are written independently of folio's code, so that the checks do not
repeat folio's own mistakes:
  - the DocBook sources are read with ElementTree, xi:include expanded here;
  - the PDF is read through poppler (pdftotext -bbox-layout: words, lines and
    their positions) and qpdf --json (page labels, outlines, link annotations);
  - the EPUB is read with zipfile and ElementTree;
  - the sort order is a reimplementation of what doc/format-generated.md
    promises (case and accents only break ties, punctuation and spaces
    ignored, numbers by value, digits and symbols before letters).

A Checker collects the results: every check prints "ok: ..." or "FAIL: ...",
and the exit status is 1 when anything failed.
"""
import json
import os
import posixpath
import re
import subprocess
import sys
import unicodedata
import zipfile
import xml.etree.ElementTree as ET

DB = "{http://docbook.org/ns/docbook}"
XI = "{http://www.w3.org/2001/XInclude}"
XML_NS = "{http://www.w3.org/XML/1998/namespace}"
XHTML = "{http://www.w3.org/1999/xhtml}"
OPS = "{http://www.idpf.org/2007/ops}"
EPUB_TYPE = OPS + "type"
SRC_FILE = "{folio-test}file"   # set on the root of each included file


# ---------------------------------------------------------------- results

class Checker:
    """Counts checks; prints each outcome on one line."""

    def __init__(self, name):
        self.name = name
        self.failed = 0
        self.passed = 0

    def ok(self, msg):
        self.passed += 1
        print("ok: " + msg)

    def fail(self, msg, details=()):
        self.failed += 1
        print("FAIL: " + msg)
        details = list(details)
        for d in details[:25]:
            print("    " + d)
        if len(details) > 25:
            print("    ... and %d more" % (len(details) - 25))

    def check(self, cond, msg, details=()):
        if cond:
            self.ok(msg)
        else:
            self.fail(msg, details)
        return cond

    def finish(self):
        print("%s: %d checks passed, %d failed" % (self.name, self.passed, self.failed))
        return 1 if self.failed else 0


# ---------------------------------------------------------------- text

_HYPHENS = "-\u2010\u2011"
_INWORD_HYPHEN = re.compile(r"(?<=\w)[%s](?=\w)" % _HYPHENS)
_WORD = re.compile(r"\w+")


def norm(s):
    """Compatibility form, case folded, soft hyphens gone, single spaces."""
    s = unicodedata.normalize("NFKC", s).replace("\u00ad", "").casefold()
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(s.split())


def tokens(s):
    """Words of s for matching: hyphens inside words are dropped, so that
    "kupu-kupu" matches a PDF's "kupu-\\nkupu" once lines are joined."""
    return _WORD.findall(_INWORD_HYPHEN.sub("", norm(s)))


def phrase_in(phrase_toks, hay_toks, prefix_last=True):
    """Whether the token sequence occurs in hay; the last word may carry a
    suffix ("house" in "houses", "kelompok" in "kelompoknya")."""
    n = len(phrase_toks)
    if n == 0:
        return False
    for i in range(len(hay_toks) - n + 1):
        if hay_toks[i:i + n - 1] != phrase_toks[:n - 1]:
            continue
        last = hay_toks[i + n - 1]
        if last == phrase_toks[-1] or (prefix_last and last.startswith(phrase_toks[-1])):
            return True
    return False


# ---------------------------------------------------------------- collation

def _strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s)
                   if not unicodedata.combining(c))


def sort_key(s):
    """The order doc/format-generated.md describes: first level letters and
    digits only (case and accents folded, punctuation and spaces ignored,
    digit runs by value, digits before letters); accents then case break
    ties (lower case first, as ICU's default)."""
    base = _strip_accents(unicodedata.normalize("NFKC", s)).casefold()
    primary = []
    for m in re.finditer(r"\d+|[^\W\d_]", base):
        t = m.group(0)
        primary.append((0, int(t), "") if t.isdigit() else (1, 0, t))
    secondary = [c for c in unicodedata.normalize("NFD", s.casefold()) if c.isalnum() or unicodedata.combining(c)]
    tertiary = [0 if c.islower() else 1 for c in s if c.isalpha()]
    return (primary, secondary, tertiary, s)


def group_letter(s):
    """The letter heading of a term: its first letter that counts, without
    accent, in capitals; None for a digit or symbol."""
    base = _strip_accents(unicodedata.normalize("NFKC", s))
    m = re.search(r"[^\W_]", base)
    if not m or m.group(0).isdigit():
        return None
    return m.group(0).upper()


# ---------------------------------------------------------------- sources

def load_source(path):
    """The root element of a DocBook file with xi:include (parse="xml")
    carried out; each included root remembers its file in SRC_FILE."""
    root = ET.parse(path).getroot()
    root.set(SRC_FILE, path)
    todo = [(root, os.path.dirname(path))]
    while todo:
        elem, base = todo.pop()
        for i, child in enumerate(list(elem)):
            if child.tag == XI + "include" and child.get("parse", "xml") == "xml":
                href = os.path.join(base, child.get("href"))
                inc = ET.parse(href).getroot()
                inc.set(SRC_FILE, href)
                inc.tail = child.tail
                elem.remove(child)
                elem.insert(i, inc)
                todo.append((inc, os.path.dirname(href)))
            else:
                todo.append((child, base))
    return root


def local(tag):
    return tag.split("}", 1)[1] if isinstance(tag, str) and "}" in tag else tag


def text_of(elem):
    return " ".join("".join(elem.itertext()).split())


def role_has(elem, word):
    return word in (elem.get("role") or "").split()


def articles(book):
    """The book's articles (and chapters, appendices, prefaces): divisions
    that may hold glossary uses, citations and index terms."""
    return [e for e in book if local(e.tag) in ("article", "chapter", "appendix", "preface")]


# What prints as words where it stands (inline), what is replaced by
# generated text (its content never prints), what never prints.
INLINE = set("""emphasis foreignphrase firstterm glossterm citetitle phrase quote
acronym abbrev link literal code wordasword trademark subscript superscript
personname firstname surname givenname orgname replaceable filename command
option envar userinput computeroutput systemitem application productname
uri email markup tag keycap guilabel guimenu database function parameter
varname classname symbol constant type token prompt lineannotation
inlinemediaobject mathphrase""".split())
GENERATED = {"citation", "biblioref", "xref", "footnoteref", "anchor"}
NOT_PRINTED = {"indexterm", "remark", "titleabbrev", "alt"}


def print_stream(div):
    """The text of a division as it prints, in order: ("tok", word),
    ("break",) at block boundaries, ("gap",) where generated text of
    unknown words stands (a citation, a cross-reference, a footnote's
    mark), ("mark", elem) where a glossary use, citation or index term
    stands.  Footnotes follow the division's text, each a block."""
    out = []
    notes = []

    def text(s):
        if s:
            out.extend(("tok", t) for t in tokens(s))

    def walk(e):
        name = local(e.tag)
        if name in ("glossterm", "firstterm", "citation", "biblioref", "indexterm"):
            out.append(("mark", e))
        if name in NOT_PRINTED:
            return
        if name in GENERATED:
            out.append(("gap",))
            return
        if name == "footnote":
            out.append(("gap",))
            notes.append(e)
            return
        if name == "info":
            for c in e:
                if local(c.tag) in ("title", "subtitle", "abstract"):
                    walk(c)
            return
        block = name not in INLINE
        if block:
            out.append(("break",))
        text(e.text)
        for c in e:
            walk(c)
            text(c.tail)
        if block:
            out.append(("break",))

    walk(div)
    while notes:
        n = notes.pop(0)
        out.append(("break",))
        walk(n)
    return out


def mark_contexts(stream, width=8):
    """For each mark of a print stream: (elem, words before it in its block,
    words from it to the end of its block), at most `width` words each;
    None stands for a gap (generated text) among them."""
    res = []
    for i, item in enumerate(stream):
        if item[0] != "mark":
            continue
        before, n = [], 0
        j = i - 1
        while j >= 0 and stream[j][0] != "break" and n < width:
            if stream[j][0] == "tok":
                before.insert(0, stream[j][1])
                n += 1
            elif stream[j][0] == "gap" and (not before or before[0] is not None):
                before.insert(0, None)
            j -= 1
        after, n = [], 0
        j = i + 1
        while j < len(stream) and stream[j][0] != "break" and n < width:
            if stream[j][0] == "tok":
                after.append(stream[j][1])
                n += 1
            elif stream[j][0] == "gap" and (not after or after[-1] is not None):
                after.append(None)
            j += 1
        res.append((item[1], before, after))
    return res


def words_only(ctx):
    return [t for t in ctx if t is not None]


def context_fits(ctx, toks, words=3, gap=12):
    """Whether toks (the words going away from a mark) begin with the
    context ctx (same direction), a None in ctx standing for up to `gap`
    words of generated text.  Only the first `words` words are compared."""
    i = matched = 0
    k = 0
    while k < len(ctx) and matched < words:
        w = ctx[k]
        if w is None:
            nxt = next((x for x in ctx[k + 1:] if x is not None), None)
            if nxt is None:
                return matched > 0
            j = next((j for j in range(i, min(i + gap + 1, len(toks))) if toks[j] == nxt), None)
            if j is None:
                return False
            i = j
            k += 1
            continue
        if i >= len(toks) or toks[i] != w:
            return False
        i += 1
        matched += 1
        k += 1
    return matched > 0


# ---------------------------------------------------------------- PDF

def roman(n):
    out = ""
    for v, s in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                 (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= v:
            out += s
            n -= v
    return out


def label_text(label):
    """A page label dictionary from qpdf --json as printed: "iv", "12"."""
    if not label:
        return ""
    style, start = label.get("/S"), int(label.get("/St", 1))
    prefix = label.get("/P", "")
    prefix = prefix[2:] if isinstance(prefix, str) and prefix.startswith("u:") else (prefix or "")
    if style == "/D":
        return prefix + str(start)
    if style == "/r":
        return prefix + roman(start)
    if style == "/R":
        return prefix + roman(start).upper()
    return prefix


class Line:
    def __init__(self, page, x0, y0, x1, y1, words):
        self.page, self.x0, self.y0, self.x1, self.y1 = page, x0, y0, x1, y1
        self.words = words            # [(x0, y0, x1, y1, text)]
        self.text = " ".join(w[4] for w in words)

    def __repr__(self):
        return "<p%d %.0f,%.0f %s>" % (self.page + 1, self.x0, self.y0, self.text)


class Pdf:
    """A PDF as the checks see it.  Pages are 0-based physical indices;
    y coordinates are from the top of the page (pdftotext's)."""

    def __init__(self, path, head=42.0, foot=550.0):
        self.path = path
        js = json.loads(subprocess.run(["qpdf", "--json=2", path], check=True,
                                       capture_output=True, text=True).stdout)
        objs = js["qpdf"][1]
        self.npages = len(js["pages"])
        page_of_obj = {p["object"]: i for i, p in enumerate(js["pages"])}
        self.labels = [label_text(p.get("label")) for p in js["pages"]]
        self.page_of_label = {}
        for i, l in enumerate(self.labels):
            self.page_of_label.setdefault(l, i)
        def deref(v):
            while isinstance(v, str) and v.endswith(" R"):
                v = objs["obj:" + v]["value"]
            return v

        self.heights = []
        for p in js["pages"]:
            box = deref(deref(p["object"]).get("/MediaBox")) or [0, 0, 0, 842]
            self.heights.append(float(box[3]))
        self.links = []               # per page: [(x0, top, x1, bottom, dest_page, dest_top)]
        for i, p in enumerate(js["pages"]):
            po = deref(p["object"])
            h = self.heights[i]
            links = []
            for a in deref(po.get("/Annots")) or []:
                a = deref(a)
                if a.get("/Subtype") != "/Link":
                    continue
                dest = deref(a.get("/Dest"))
                action = deref(a.get("/A"))
                if dest is None and isinstance(action, dict) and action.get("/S") == "/GoTo":
                    dest = deref(action.get("/D"))
                x0, y0, x1, y1 = [float(v) for v in deref(a["/Rect"])]
                dpage = dtop = None
                if isinstance(dest, list) and dest:
                    dpage = page_of_obj.get(dest[0])
                    if dpage is not None and len(dest) >= 4 and dest[1] == "/XYZ" and dest[3] is not None:
                        dtop = self.heights[dpage] - float(dest[3])
                links.append((min(x0, x1), h - max(y0, y1), max(x0, x1), h - min(y0, y1), dpage, dtop))
            self.links.append(links)

        self.outline = []             # flat, in order: (title, page, top)

        def walk(items, depth):
            for o in items:
                dest = o.get("dest")
                page = top = None
                if isinstance(dest, list) and dest:
                    page = page_of_obj.get(dest[0])
                    if len(dest) >= 4 and dest[1] == "/XYZ" and dest[3] is not None and page is not None:
                        top = self.heights[page] - float(dest[3])
                if page is None and o.get("destpageposfrom1"):
                    page = o["destpageposfrom1"] - 1
                self.outline.append((o.get("title", ""), page, top if top is not None else 0.0, depth))
                walk(o.get("kids", []), depth + 1)

        walk(js.get("outlines", []), 0)

        # words and lines of each page's body (running heads and folios
        # lie outside [head, foot] and are left out)
        xml = subprocess.run(["pdftotext", "-enc", "UTF-8", "-bbox-layout", path, "-"],
                             check=True, capture_output=True, text=True).stdout
        self.lines = [[] for _ in range(self.npages)]
        self.all_lines = [[] for _ in range(self.npages)]
        pages = re.split(r"<page [^>]*>", xml)[1:]
        for i, ptxt in enumerate(pages[:self.npages]):
            for m in re.finditer(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', ptxt, re.S):
                words = [(float(a), float(b), float(c), float(d), _unescape(w))
                         for a, b, c, d, w in re.findall(
                             r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', m.group(5))]
                if not words:
                    continue
                ln = Line(i, float(m.group(1)), float(m.group(2)), float(m.group(3)), float(m.group(4)), words)
                self.all_lines[i].append(ln)
                if head <= ln.y0 and ln.y1 <= foot + 12:
                    if ln.y0 <= foot:
                        self.lines[i].append(ln)
        self._tokens = None

    # -- text
    def label(self, page):
        return self.labels[page]

    def text_pages(self, back_titles):
        """(first, end) pages of the text: from page "1" to the first top-level
        outline entry named in back_titles (the generated lists)."""
        first = self.page_of_label.get("1", 0)
        wanted = {norm(t) for t in back_titles}
        end = min((p for t, p, _, d in self.outline if d == 0 and p is not None and norm(t) in wanted),
                  default=self.npages)
        return first, end

    def margin(self, page):
        """The left edge of a page's text block: its leftmost body line."""
        return min((ln.x0 for ln in self.lines[page]), default=0.0)

    def page_text(self, page):
        """The body text of a page with hyphenated line ends joined."""
        return join_lines(self.lines[page])

    def page_tokens(self, page):
        return tokens(self.page_text(page))

    def stream(self):
        """All body words of the document in reading order: [(token, page)]."""
        if self._tokens is None:
            out = []
            for p in range(self.npages):
                out.extend((t, p) for t in self.page_tokens(p))
            self._tokens = out
        return self._tokens

    # -- sections through the outline
    def section(self, title_pred, start=0):
        """Lines from the outline entry matching title_pred to the next
        outline entry (of any level), as (entry index, [Line])."""
        for k in range(start, len(self.outline)):
            title, page, top, depth = self.outline[k]
            if page is None or not title_pred(title):
                continue
            end = (self.outline[k + 1][1], self.outline[k + 1][2]) if k + 1 < len(self.outline) else (self.npages, 0)
            return k, self.lines_between((page, top), end)
        return None, []

    def lines_between(self, start, end):
        out = []
        for p in range(start[0], min(end[0], self.npages - 1) + 1):
            for ln in self.lines[p]:
                if (p, ln.y0) < (start[0], start[1] - 2):
                    continue
                if (p, ln.y0) >= (end[0], end[1] - 2):
                    continue
                out.append(ln)
        return out

    def links_on_line(self, ln):
        """Link annotations whose rectangle overlaps the line vertically."""
        mid = (ln.y0 + ln.y1) / 2
        return [l for l in self.links[ln.page] if l[1] - 1 <= mid <= l[3] + 1]

    def words_in_rect(self, page, rect):
        """Words whose centre lies inside a rectangle (x0, top, x1, bottom)."""
        x0, t, x1, b = rect
        return [w for ln in self.lines[page] for w in ln.words
                if x0 - 1 <= (w[0] + w[2]) / 2 <= x1 + 1 and t - 1 <= (w[1] + w[3]) / 2 <= b + 1]


def _unescape(s):
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")


def join_lines(lines):
    """Text of lines, a word broken by a hyphen at a line's end joined again."""
    out = ""
    for ln in lines:
        t = ln.text
        if out.endswith(tuple(_HYPHENS)) and len(out) > 1 and out[-2].isalpha() and t[:1].isalpha():
            out = out[:-1] + t
        else:
            out = (out + " " + t) if out else t
    return out


def parse_locators(s):
    """ "8–9, 19, 22" -> [(8, 9), (19, 19), (22, 22)]; None if s holds
    something else than locators."""
    s = s.strip().rstrip(".")
    if not s:
        return []
    out = []
    for part in s.split(","):
        part = part.strip()
        m = re.fullmatch(r"(\d+)\s*[\u2013\-]\s*(\d+)", part)
        if m:
            out.append((int(m.group(1)), int(m.group(2))))
        elif re.fullmatch(r"\d+", part):
            out.append((int(part), int(part)))
        else:
            return None
    return out


def locator_problems(locs):
    """What is wrong with a locator list as an index prints it: not sorted,
    repeated, consecutive pages not merged, a range that is not a range."""
    probs = []
    prev_hi = None
    for lo, hi in locs:
        if hi < lo:
            probs.append("range %d–%d runs backwards" % (lo, hi))
        if prev_hi is not None:
            if lo <= prev_hi:
                probs.append("%d after %d: not sorted or repeated" % (lo, prev_hi))
            elif lo == prev_hi + 1:
                probs.append("%d follows %d: consecutive pages not merged into a range" % (lo, prev_hi))
        prev_hi = hi
    return probs


def expand(locs):
    pages = []
    for lo, hi in locs:
        pages.extend(range(lo, hi + 1))
    return pages


class MarkLocator:
    """Finds the page of each mark of the sources in the PDF by the words
    around it (a gap, where generated text stands, matches up to 12 words).
    Marks are searched in document order: the first place after the
    previous mark wins, else the nearest one before it (footnotes, floats)."""

    GAP = 12

    def __init__(self, pdf, first_page=0, end_page=None):
        end = pdf.npages if end_page is None else end_page
        self.stream = [(t, p) for (t, p) in pdf.stream() if first_page <= p < end]
        self.index = {}
        for i, (t, _) in enumerate(self.stream):
            self.index.setdefault(t, []).append(i)
        self.ptr = 0

    def _seg_at(self, seg, i):
        return all(i + k < len(self.stream) and self.stream[i + k][0] == w for k, w in enumerate(seg))

    def _matches(self, window):
        """Every place the window occurs: the stream positions of its words."""
        segs, cur = [], []
        for w in window:
            if w is None:
                if cur:
                    segs.append(cur)
                cur = []
            else:
                cur.append(w)
        if cur:
            segs.append(cur)
        if not segs:
            return []
        out = []
        for i in self.index.get(segs[0][0], []):
            if not self._seg_at(segs[0], i):
                continue
            pos = list(range(i, i + len(segs[0])))
            ok = True
            for seg in segs[1:]:
                start = pos[-1] + 1
                j = next((j for j in range(start, start + self.GAP + 1) if self._seg_at(seg, j)), None)
                if j is None:
                    ok = False
                    break
                pos += list(range(j, j + len(seg)))
            if ok:
                out.append(pos)
        return out

    def locate(self, before, after, zero_width):
        """Pages where a mark may be: for a mark with text (a glossary use)
        the page of its first word; for a zero-width mark (an index term)
        the page of the word before or after it.  None when the words are
        not found."""
        tries = [(before[-8:], after[:8]), (before[-4:], after[:4]), (before[-6:], []), ([], after[:6]),
                 (before[-2:], after[:2]), (before[-1:], after[:1])]
        for b, a in tries:
            while b and b[0] is None:
                b = b[1:]
            while a and a[-1] is None:
                a = a[:-1]
            nb = len(words_only(b))
            if nb + len(words_only(a)) == 0:
                continue
            hits = self._matches(b + a)
            if not hits:
                continue
            later = [h for h in hits if (h[nb] if nb < len(h) else h[-1] + 1) >= self.ptr]
            h = later[0] if later else hits[-1]
            first_after = h[nb] if nb < len(h) else None
            last_before = h[nb - 1] if nb else None
            self.ptr = max(self.ptr, first_after if first_after is not None else last_before + 1)
            pages = set()
            if first_after is not None:
                pages.add(self.stream[first_after][1])
            if last_before is not None and (zero_width or first_after is None):
                pages.add(self.stream[last_before][1])
            return pages
        return None


# ---------------------------------------------------------------- EPUB

class Epub:
    """The XHTML documents of an EPUB, parsed, with every id."""

    def __init__(self, path):
        self.zip = zipfile.ZipFile(path)
        container = ET.fromstring(self.zip.read("META-INF/container.xml"))
        opf_path = [e.get("full-path") for e in container.iter() if local(e.tag) == "rootfile"][0]
        self.base = posixpath.dirname(opf_path)
        opf = ET.fromstring(self.zip.read(opf_path))
        manifest = {i.get("id"): i for i in opf.iter() if local(i.tag) == "item"}
        self.spine = []
        for ref in (e for e in opf.iter() if local(e.tag) == "itemref"):
            item = manifest[ref.get("idref")]
            self.spine.append(posixpath.normpath(posixpath.join(self.base, item.get("href"))))
        self.docs = {}
        self.parent = {}
        self.ids = {}                 # (file, id) -> element
        for name in self.spine:
            root = ET.fromstring(self.zip.read(name))
            self.docs[name] = root
            for p in root.iter():
                for c in p:
                    self.parent[c] = p
                if p.get("id") is not None:
                    self.ids[(name, p.get("id"))] = p

    def resolve(self, doc, href):
        """(file, element) an internal href from doc points to; (file, None)
        when the fragment names no element; None for an external link."""
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", href):
            return None
        path, _, frag = href.partition("#")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(doc), path)) if path else doc
        if not frag:
            return (target, self.docs.get(target))
        return (target, self.ids.get((target, frag)))

    def ancestors(self, elem):
        while elem in self.parent:
            elem = self.parent[elem]
            yield elem

    def find_doc_with_id(self, ident):
        for name in self.spine:
            if (name, ident) in self.ids:
                return name, self.ids[(name, ident)]
        return None, None

    def pagebreaks_before(self):
        """For every element of the spine, in document order, the label of the
        last pagebreak marker before it: {elem: label}."""
        labels = {}
        current = None
        for name in self.spine:
            for e in self.docs[name].iter():
                if "pagebreak" in (e.get(EPUB_TYPE) or "").split():
                    current = e.get("aria-label") or e.get("title") or current
                labels[e] = current
        return labels


def has_type(elem, t):
    return t in (elem.get(EPUB_TYPE) or "").split()


def classes(elem):
    return (elem.get("class") or "").split()


def xtext(elem):
    return " ".join("".join(elem.itertext()).split())


def run_main(fn):
    """Runs a check's main with argv, exits with its status."""
    try:
        sys.exit(fn(sys.argv[1:]))
    except SystemExit:
        raise
    except Exception:
        import traceback
        traceback.print_exc()
        print("FAIL: the checker itself stopped (see the traceback above)")
        sys.exit(1)
