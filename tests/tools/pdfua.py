#!/usr/bin/env python3
"""pdfua: a PDF/UA-1 (ISO 14289-1) check of the Matterhorn Protocol 1.1
failure conditions a machine can decide, for the kind of PDF folio writes.

usage: pdfua.py FILE.pdf [--text FILE.txt] [--max N] [--quiet]

The PDF is read with `qpdf --json --json-stream-data=inline` (qpdf 11, JSON
version 2: every object, streams decoded); with --text, its structure's
text is read with `pdfinfo -struct-text` (poppler-utils).  Output is a
compiler's:

  FILE: error: [Matterhorn 01-005] text is neither tagged nor an artifact (page 3, object 57)

at most N lines (default 20) per condition, then a note with how many more.
Exit status: 0 nothing found, 1 failures, 2 usage or an unreadable file.

Checked here (Matterhorn 1.1 index, or the clause of ISO 14289-1 where
Matterhorn has no index):
  01-003  artifact marked content inside tagged (MCID) marked content
  01-004  tagged (MCID) marked content inside an artifact
  01-005  a content item (text, path, image, shading; inside form XObjects
          too) that is neither in marked content with an MCID reached from
          the StructTreeRoot (and found in the ParentTree) nor in an
          /Artifact; a PDF without StructTreeRoot fails here once
  01-007  MarkInfo /Suspects true
  7.1     MarkInfo /Marked is not true (ISO 14289-1 7.1: a Tagged PDF)
  02-001  a structure type that is not standard and has no RoleMap entry
          ending in a standard type
  02-003  a circular role mapping
  02-004  a standard structure type remapped
  06-001  no XMP metadata stream on the catalog
  06-002  the XMP has no pdfuaid:part
  06-003  the XMP has no dc:title
  07-001  ViewerPreferences has no DisplayDocTitle
  07-002  DisplayDocTitle is false
  09-004  table elements out of place (TR not in Table/THead/TBody/TFoot,
          TH or TD not in TR, THead/TBody/TFoot not in Table)
  09-005  list elements out of place (LI not in L, LBody not in LI)
  09-006  TOCI not in TOC
  10-001  text in a font without ToUnicode (nor a standard encoding), and
          no /ActualText around it
  11-001  no /Lang on the catalog (the language of the text cannot be
          determined)
  13-004  Figure without /Alt or /ActualText
  14-002  the first numbered heading is not H1
  14-003  a numbered heading level skipped (H1 then H3)
  14-006  an element with more than one H child
  14-007  both H and Hn headings
  15-003  a TH cell without /Scope in a table that uses no /Headers
  15-005  (warning only) a table without any TH cell: a reader cannot tell a
          cell's header.  Matterhorn leaves it to a human (a table may have
          no headers); folio warns because its tables usually do
  17-002  Formula without /Alt or /ActualText
  19-003  Note without /ID
  19-004  Note /ID not unique
  28-008  a page with annotations has no /Tabs
  28-009  a page with annotations has /Tabs other than /S
  28-011  a Link annotation not reached by an OBJR from a Link element
  28-012  a Link annotation without /Contents
  31-009  text in a font whose program is not embedded

Left to a human (they need to see or understand the document): 01-001 and
01-002 (what is an artifact), 01-006 (right structure types), 02-002,
03 (flicker), 04 (colour), 05 (sound), 08 (OCR), 09-001 (reading order;
--text below compares it with folio's text output), 09-002 and 09-003,
11-002 to 11-005 (the language of a word or a phrase), 12 (stretch), 13-001
to 13-003 and 13-005 to 13-008 (what an image means, whether alt text is
good), 14-001 and 14-004/005, 15-001, 15-002, 15-004, 16 (lists that
are not tagged as lists), 17-001 and 17-003, 18 (running heads: tested
by 01-005 only as far as they must be artifacts), 19-001/002, 20 to 27 and
29/30 (optional content, embedded files, actions, forms, JavaScript,
security, XObjects for reference: folio writes none of them; checked by
other tools if it ever does), 28 other than the rows above, 31 other than
31-009 (font program details: qpdf --check and pdffonts).

Reading order (--text FILE.txt, the output of `folio build X --text` for
the same source): the words of the structure's text (pdfinfo -struct-text;
artifacts are not in it) and of the text output are compared in order.
Words are letters-and-digits runs, case-folded (NFKC); a word the PDF
splits at a hyphen is also tried joined.  The two word lists are aligned
with difflib's longest matching blocks (a longest common subsequence in
practice).  Words of the text output that the alignment does not reach
are of two kinds: words the PDF does not have at all (generated text that
differs between the back ends, page numbers: harmless), and words the PDF
has elsewhere.  A run of at least 6 consecutive text-output words that
the alignment missed but that stands, as a run, somewhere else in the
PDF's structure text is read out of order: each is an error
"[Matterhorn 09-001] read out of order", except a run that begins with a
number: a footnote, which the text output gathers at the end of its
article and the structure reads after its paragraph, as PDF/UA asks (its
words count as read in order).  Besides, the aligned words must be at
least 85 % of the text output's words, or the structure reads something
else than the book (an error with the figure).
"""
import argparse
import base64
import difflib
import json
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET

STANDARD_TYPES = set("""Document Part Art Sect Div BlockQuote Caption TOC TOCI
Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD
THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB
RT RP Warichu WT WP Figure Formula Form""".split())

REF = re.compile(r"^(\d+) (\d+) R$")


class Checker:
    def __init__(self, path, limit):
        self.path = path
        self.limit = limit
        self.counts = {}
        self.errors = 0
        self.warnings = 0

    def report(self, code, message, page=None, obj=None, severity="error"):
        n = self.counts.get(code, 0) + 1
        self.counts[code] = n
        if severity == "error":
            self.errors += 1
        else:
            self.warnings += 1
        if n > self.limit:
            return
        where = []
        if page is not None:
            where.append("page %d" % page)
        if obj is not None:
            where.append("object %d" % obj)
        tag = code if code.startswith("ISO") else "Matterhorn " + code
        print("%s: %s: [%s] %s%s" % (self.path, severity, tag, message,
                                     " (%s)" % ", ".join(where) if where else ""))

    def finish(self):
        for code, n in sorted(self.counts.items()):
            if n > self.limit:
                print("%s: note: [%s] %d more like this" % (self.path, code, n - self.limit))


# ---- the PDF's objects, from qpdf's JSON ----

class Pdf:
    def __init__(self, path):
        try:
            out = subprocess.run(["qpdf", "--json", "--json-stream-data=inline",
                                  "--decode-level=generalized", path],
                                 capture_output=True, check=False)
        except OSError as e:
            raise SystemExit("%s: error: cannot run qpdf: %s" % (path, e))
        if out.returncode not in (0, 3):
            msg = out.stderr.decode("utf-8", "replace").strip().splitlines()
            raise SystemExit("%s: error: qpdf cannot read it: %s" % (path, msg[0] if msg else "?"))
        data = json.loads(out.stdout)
        self.objects = {}
        for key, val in data["qpdf"][1].items():
            if key.startswith("obj:"):
                self.objects[int(key[4:].split()[0])] = val
            elif key == "trailer":
                self.trailer = val["value"]
        self.page_ids = [int(REF.match(p["object"]).group(1)) for p in data["pages"]]

    def ref_id(self, v):
        if isinstance(v, str):
            m = REF.match(v)
            if m:
                return int(m.group(1))
        return None

    def get(self, v):
        """The value v stands for: references followed, streams as their dict."""
        seen = 0
        while True:
            oid = self.ref_id(v)
            if oid is None or seen > 32:
                return v
            o = self.objects.get(oid)
            if o is None:
                return None
            v = o["stream"]["dict"] if "stream" in o else o.get("value")
            seen += 1

    def stream(self, v):
        oid = self.ref_id(v)
        o = self.objects.get(oid) if oid is not None else None
        if o is None or "stream" not in o:
            return None
        data = o["stream"].get("data")
        return base64.b64decode(data) if data is not None else b""


def text_of(v):
    """A JSON v2 string as text ("u:..." or "b:HEX")."""
    if not isinstance(v, str):
        return None
    if v.startswith("u:"):
        return v[2:]
    if v.startswith("b:"):
        raw = bytes.fromhex(v[2:])
        if raw.startswith(b"\xfe\xff"):
            return raw[2:].decode("utf-16-be", "replace")
        return raw.decode("latin-1")
    return None


def as_list(v):
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


# ---- content streams ----

WS = b" \t\r\n\x0c\x00"
DELIMS = b"()<>[]{}/%"
NUMBER = re.compile(rb"^[+-]?(\d+\.?\d*|\.\d+)$")


def tokens(data):
    """The tokens of a content stream: (kind, value), kind one of num, name,
    str, op, '[', ']', '<<', '>>'.  Inline image data is skipped."""
    i, n = 0, len(data)
    while i < n:
        c = data[i:i + 1]
        if c in WS:
            i += 1
        elif c == b"%":
            while i < n and data[i:i + 1] not in b"\r\n":
                i += 1
        elif c == b"(":
            depth, j, buf = 1, i + 1, bytearray()
            while j < n and depth:
                ch = data[j:j + 1]
                if ch == b"\\":
                    buf += data[j:j + 2]
                    j += 2
                    continue
                if ch == b"(":
                    depth += 1
                elif ch == b")":
                    depth -= 1
                    if depth == 0:
                        break
                buf += ch
                j += 1
            yield ("str", bytes(buf))
            i = j + 1
        elif c == b"<":
            if data[i + 1:i + 2] == b"<":
                yield ("<<", None)
                i += 2
            else:
                j = data.find(b">", i)
                j = n if j < 0 else j
                digits = re.sub(rb"[^0-9a-fA-F]", b"", data[i + 1:j])
                yield ("str", bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode()))
                i = j + 1
        elif c == b">":
            yield (">>", None)
            i += 2 if data[i + 1:i + 2] == b">" else 1
        elif c in (b"[", b"]", b"{", b"}"):
            yield (c.decode(), None)
            i += 1
        else:
            j = i + 1
            while j < n and data[j:j + 1] not in WS and data[j:j + 1] not in DELIMS:
                j += 1
            word = data[i:j]
            i = j
            if c == b"/":
                yield ("name", re.sub(rb"#([0-9a-fA-F]{2})",
                                      lambda m: bytes([int(m.group(1), 16)]),
                                      word[1:]).decode("latin-1"))
            elif NUMBER.match(word):
                yield ("num", float(word))
            else:
                yield ("op", word.decode("latin-1"))
                if word == b"ID":
                    # Inline image data: up to whitespace, EI, whitespace.
                    m = re.compile(rb"[\s]EI(?=[\s]|$)").search(data, i + 1)
                    i = m.end() if m else n
                    yield ("op", "EI")


def operations(data):
    """(operator, operands) pairs; operands as Python values (names as
    '/N', strings as bytes, arrays as lists, dicts as dicts)."""
    stack = []
    frames = []
    for kind, val in tokens(data):
        if kind == "op":
            if val in ("true", "false", "null"):
                stack.append({"true": True, "false": False, "null": None}[val])
                continue
            if frames:  # an operator inside an array or dict: malformed
                stack, frames = frames[0][1], []
            yield val, stack
            stack = []
        elif kind in ("[", "<<", "{"):
            frames.append((kind, stack))
            stack = []
        elif kind in ("]", ">>", "}"):
            if not frames:
                continue
            opener, outer = frames.pop()
            if opener == "<<":
                value = {}
                for k in range(0, len(stack) - 1, 2):
                    if isinstance(stack[k], str):
                        value[stack[k]] = stack[k + 1]
            else:
                value = stack
            stack = outer
            stack.append(value)
        elif kind == "name":
            stack.append("/" + val)
        else:
            stack.append(val)


PAINT = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*"}
SHOW = {"Tj", "TJ", "'", '"'}
STANDARD_ENCODINGS = {"/WinAnsiEncoding", "/MacRomanEncoding", "/StandardEncoding"}


class ContentWalk:
    """Walks the content of one page (and the forms it draws) with the stack
    of marked content, reporting content outside tagged or artifact marked
    content, wrong nesting and fonts a reader cannot turn into text."""

    def __init__(self, ck, pdf, page_no, page_id, tagged_mcids, reported_fonts):
        self.ck, self.pdf = ck, pdf
        self.page_no, self.page_id = page_no, page_id
        self.tagged = tagged_mcids            # set of (owner id, mcid)
        self.fonts_seen = reported_fonts
        self.untagged = {}                    # kind -> count on this page
        self.first_untagged = {}
        self.forms_open = set()

    def font_problems(self, font_ref, under_actualtext):
        font = self.pdf.get(font_ref)
        fid = self.pdf.ref_id(font_ref)
        if not isinstance(font, dict) or (fid, "checked") in self.fonts_seen:
            return
        self.fonts_seen.add((fid, "checked"))
        sub = font.get("/Subtype")
        name = font.get("/BaseFont", "(Type 3)")
        desc_font = font
        if sub == "/Type0":
            kids = as_list(self.pdf.get(font.get("/DescendantFonts")))
            desc_font = self.pdf.get(kids[0]) if kids else {}
        desc = self.pdf.get(desc_font.get("/FontDescriptor")) if isinstance(desc_font, dict) else None
        if sub != "/Type3":
            embedded = isinstance(desc, dict) and any(
                k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            if not embedded:
                self.ck.report("31-009", "font %s is not embedded" % name[1:] if name.startswith("/") else name,
                               self.page_no, fid)
        if "/ToUnicode" not in font:
            enc = self.pdf.get(font.get("/Encoding"))
            standard = enc in STANDARD_ENCODINGS or (
                isinstance(enc, dict) and enc.get("/BaseEncoding") in STANDARD_ENCODINGS
                and not enc.get("/Differences"))
            if not standard and not under_actualtext:
                self.ck.report("10-001", "font %s has no ToUnicode map: its text cannot be read as Unicode"
                               % (name[1:] if name.startswith("/") else name), self.page_no, fid)

    def content_item(self, kind, stack, inherited, detail=""):
        if inherited or any(e[0] in ("tag", "artifact") for e in stack):
            return
        self.untagged[kind] = self.untagged.get(kind, 0) + 1
        self.first_untagged.setdefault(kind, detail)

    def walk(self, data, resources, owner_id, inherited):
        """inherited: the drawing of this form is itself in tagged or
        artifact content."""
        stack = []
        font = None
        for op, args in operations(data):
            if op in ("BDC", "BMC"):
                tag = args[0] if args else "/?"
                props = args[1] if op == "BDC" and len(args) > 1 else None
                if isinstance(props, str) and props.startswith("/"):
                    props = self.pdf.get(
                        (self.pdf.get(resources.get("/Properties")) or {}).get(props))
                props = props if isinstance(props, dict) else {}
                in_artifact = any(e[0] == "artifact" for e in stack) or inherited == "artifact"
                in_tag = any(e[0] == "tag" for e in stack) or inherited == "tag"
                if tag == "/Artifact":
                    if in_tag:
                        self.ck.report("01-003", "an artifact inside tagged content", self.page_no, owner_id)
                    stack.append(("artifact", None, False))
                elif "/MCID" in props:
                    mcid = int(props["/MCID"])
                    if in_artifact:
                        self.ck.report("01-004", "tagged content (MCID %d) inside an artifact" % mcid,
                                       self.page_no, owner_id)
                    if (owner_id, mcid) in self.tagged:
                        stack.append(("tag", mcid, "/ActualText" in props))
                    else:
                        self.ck.report("01-005", "marked content %s with MCID %d is not reached from the "
                                       "structure tree" % (tag, mcid), self.page_no, owner_id)
                        stack.append(("lost", mcid, "/ActualText" in props))
                else:
                    stack.append(("other", None, "/ActualText" in props))
            elif op == "EMC":
                if stack:
                    stack.pop()
                else:
                    self.ck.report("ISO 32000-1 14.6", "EMC without BMC or BDC", self.page_no, owner_id)
            elif op == "Tf" and args:
                font = (self.pdf.get(resources.get("/Font")) or {}).get(args[0])
            elif op in SHOW:
                shown = args[-1] if args else b""
                if isinstance(shown, list):
                    shown = b"".join(x for x in shown if isinstance(x, bytes))
                self.content_item("text", stack, inherited, shown)
                if font is not None:
                    self.font_problems(font, any(e[2] for e in stack))
            elif op in PAINT:
                self.content_item("path", stack, inherited)
            elif op == "sh":
                self.content_item("shading", stack, inherited)
            elif op == "EI":
                self.content_item("image", stack, inherited)
            elif op == "Do" and args:
                ref = (self.pdf.get(resources.get("/XObject")) or {}).get(args[0])
                xo = self.pdf.get(ref)
                if not isinstance(xo, dict):
                    continue
                if xo.get("/Subtype") == "/Image":
                    self.content_item("image", stack, inherited)
                elif xo.get("/Subtype") == "/Form":
                    self.form(ref, xo, resources, stack, inherited)
        if stack:
            self.ck.report("ISO 32000-1 14.6", "%d marked-content sequences left open" % len(stack),
                           self.page_no, owner_id)

    def form(self, ref, xo, resources, stack, inherited):
        fid = self.pdf.ref_id(ref)
        if fid in self.forms_open:
            return
        mark = inherited
        for e in stack:
            if e[0] in ("tag", "artifact"):
                mark = e[0]
        self.forms_open.add(fid)
        own = self.pdf.get(xo.get("/Resources"))
        self.walk(self.pdf.stream(ref) or b"", own if isinstance(own, dict) else resources,
                  fid, mark)
        self.forms_open.discard(fid)

    def report_untagged(self):
        for kind, n in sorted(self.untagged.items()):
            detail = self.first_untagged.get(kind)
            shown = ""
            if isinstance(detail, bytes) and detail and all(32 <= b < 127 for b in detail):
                shown = ", the first '%s'" % detail.decode("ascii")[:40]
            self.ck.report("01-005", "%d %s item%s neither tagged nor an artifact%s"
                           % (n, kind, "" if n == 1 else "s", shown), self.page_no, self.page_id)


# ---- the structure tree ----

class Structure:
    def __init__(self, ck, pdf, root):
        self.ck, self.pdf = ck, pdf
        self.root = root
        self.rolemap = self.pdf.get(root.get("/RoleMap")) or {}
        self.mcids = set()        # (page or stream id, mcid)
        self.objr = {}            # annotation id -> element type
        self.elements = []        # (id, mapped type, dict, parent mapped type), document order
        self.page_of = {}
        self.walk()

    def mapped(self, s, oid):
        """The standard type s stands for (a standard type stands for
        itself: PDF/UA readers ignore a remapping of it, 02-004)."""
        t, seen = s, set()
        while t not in STANDARD_TYPES:
            if t in seen:
                self.ck.report("02-003", "circular role mapping of %s" % s, obj=oid)
                return None
            seen.add(t)
            nxt = self.rolemap.get("/" + t)
            if not isinstance(nxt, str):
                self.ck.report("02-001", "structure type %s is not standard and not mapped to one" % s,
                               obj=oid)
                return None
            t = nxt[1:]
        return t

    def check_rolemap(self):
        for key in self.rolemap:
            if key[1:] in STANDARD_TYPES:
                self.ck.report("02-004", "standard structure type %s is remapped" % key[1:])

    def walk(self):
        self.check_rolemap()
        seen = set()
        todo = [(k, None, None) for k in reversed(as_list(self.root.get("/K")))]
        order = []
        while todo:
            item, parent, page = todo.pop()
            oid = self.pdf.ref_id(item)
            if oid is not None and oid in seen:
                continue
            if oid is not None:
                seen.add(oid)
            v = self.pdf.get(item)
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                if page is not None:
                    self.mcids.add((page, int(v)))
                continue
            if not isinstance(v, dict):
                continue
            if v.get("/Type") == "/MCR" or ("/MCID" in v and "/S" not in v):
                owner = self.pdf.ref_id(v.get("/Stm")) or self.pdf.ref_id(v.get("/Pg")) or page
                if owner is not None and "/MCID" in v:
                    self.mcids.add((owner, int(v["/MCID"])))
                continue
            if v.get("/Type") == "/OBJR" or ("/Obj" in v and "/S" not in v):
                aid = self.pdf.ref_id(v.get("/Obj"))
                if aid is not None:
                    self.objr[aid] = parent
                continue
            s = v.get("/S")
            if not isinstance(s, str):
                continue
            t = self.mapped(s[1:], oid)
            pg = self.pdf.ref_id(v.get("/Pg")) or page
            order.append((oid, t, v, parent))
            for k in reversed(as_list(v.get("/K"))):
                todo.append((k, (oid, t), pg))
        self.elements = order


def parent_tree(pdf, root):
    """The ParentTree as {key: value}."""
    out = {}
    todo = [root.get("/ParentTree")]
    seen = set()
    while todo:
        node_ref = todo.pop()
        nid = pdf.ref_id(node_ref)
        if nid in seen:
            continue
        seen.add(nid)
        node = pdf.get(node_ref)
        if not isinstance(node, dict):
            continue
        nums = node.get("/Nums") or []
        for i in range(0, len(nums) - 1, 2):
            out[int(nums[i])] = nums[i + 1]
        todo.extend(as_list(node.get("/Kids")))
    return out


def check_document(ck, pdf):
    cat = pdf.get(pdf.trailer.get("/Root")) or {}
    mark = pdf.get(cat.get("/MarkInfo")) or {}
    if mark.get("/Marked") is not True:
        ck.report("ISO 14289-1 7.1", "MarkInfo /Marked is not true: the file is not a Tagged PDF")
    if mark.get("/Suspects") is True:
        ck.report("01-007", "MarkInfo /Suspects is true")
    lang = text_of(pdf.get(cat.get("/Lang")))
    if not lang:
        ck.report("11-001", "the catalog has no /Lang: the language of the text cannot be determined")
    vp = pdf.get(cat.get("/ViewerPreferences")) or {}
    if "/DisplayDocTitle" not in vp:
        ck.report("07-001", "ViewerPreferences has no /DisplayDocTitle")
    elif vp.get("/DisplayDocTitle") is not True:
        ck.report("07-002", "ViewerPreferences /DisplayDocTitle is not true")
    xmp = pdf.stream(cat.get("/Metadata"))
    if xmp is None:
        ck.report("06-001", "the catalog has no XMP metadata stream")
    else:
        check_xmp(ck, xmp)
    return cat


def check_xmp(ck, xmp):
    try:
        root = ET.fromstring(xmp.strip(b"\x00 \t\r\n"))
    except ET.ParseError:
        ck.report("06-001", "the XMP metadata is not well-formed XML")
        return
    ua = "{http://www.aiim.org/pdfua/ns/id/}part"
    dc = "{http://purl.org/dc/elements/1.1/}title"
    has_part = False
    has_title = False
    for el in root.iter():
        if el.tag == ua and (el.text or "").strip() or el.get(ua):
            has_part = True
        if el.tag == dc and "".join(el.itertext()).strip():
            has_title = True
    if not has_part:
        ck.report("06-002", "the XMP metadata has no pdfuaid:part (the PDF/UA identifier)")
    if not has_title:
        ck.report("06-003", "the XMP metadata has no dc:title")


PLACES = {
    "TR": ({"Table", "THead", "TBody", "TFoot"}, "09-004"),
    "TH": ({"TR"}, "09-004"), "TD": ({"TR"}, "09-004"),
    "THead": ({"Table"}, "09-004"), "TBody": ({"Table"}, "09-004"), "TFoot": ({"Table"}, "09-004"),
    "LI": ({"L"}, "09-005"), "LBody": ({"LI"}, "09-005"),
    "TOCI": ({"TOC"}, "09-006"),
}


def has_alt(v):
    return bool(text_of(v.get("/Alt")) or text_of(v.get("/ActualText")))


def attrs(pdf, v):
    out = {}
    for a in as_list(pdf.get(v.get("/A"))):
        a = pdf.get(a)
        if isinstance(a, dict):
            out.update(a)
    return out


def check_elements(ck, pdf, st, page_no_of):
    heads = []
    h_children = {}
    note_ids = {}
    tables = {}
    for oid, t, v, parent in st.elements:
        pg = page_no_of.get(pdf.ref_id(v.get("/Pg")))
        ptype = parent[1] if parent else None
        if t in PLACES and ptype not in PLACES[t][0]:
            ck.report(PLACES[t][1], "%s inside %s, not %s" % (t, ptype or "the root",
                      " or ".join(sorted(PLACES[t][0]))), pg, oid)
        if t == "Figure" and not has_alt(v):
            ck.report("13-004", "Figure without /Alt or /ActualText", pg, oid)
        if t == "Formula" and not has_alt(v):
            ck.report("17-002", "Formula without /Alt or /ActualText", pg, oid)
        if t == "Note":
            nid = text_of(v.get("/ID"))
            if not nid:
                ck.report("19-003", "Note without /ID", pg, oid)
            elif nid in note_ids:
                ck.report("19-004", "Note /ID '%s' also on object %s" % (nid, note_ids[nid]), pg, oid)
            else:
                note_ids[nid] = oid
        if t and (t == "H" or re.match(r"^H[1-6]$", t)):
            heads.append((t, pg, oid))
            if t == "H" and parent:
                h_children[parent[0]] = h_children.get(parent[0], 0) + 1
                if h_children[parent[0]] == 2:
                    ck.report("14-006", "more than one H in one element", pg, parent[0])
        if t in ("TH", "TD"):
            table = table_of(st, oid)
            entry = tables.setdefault(table, {"th": [], "headers": False, "page": pg})
            if t == "TH":
                entry["th"].append((oid, v, pg))
            if "/Headers" in attrs(pdf, v):
                entry["headers"] = True
    check_headings(ck, heads)
    for table, e in tables.items():
        if not e["th"]:
            ck.report("15-005", "a table without header cells (TH)", e["page"], table, severity="warning")
        elif not e["headers"]:
            for oid, v, pg in e["th"]:
                if "/Scope" not in attrs(pdf, v):
                    ck.report("15-003", "TH without /Scope in a table without /Headers", pg, oid)


def table_of(st, oid):
    parents = {e[0]: e[3] for e in st.elements}
    seen = 0
    p = parents.get(oid)
    while p and p[1] != "Table" and seen < 64:
        p = parents.get(p[0])
        seen += 1
    return p[0] if p else None


def check_headings(ck, heads):
    kinds = {t for t, _, _ in heads}
    if "H" in kinds and len(kinds) > 1:
        t, pg, oid = next(h for h in heads if h[0] != "H")
        ck.report("14-007", "both H and numbered headings (%s)" % t, pg, oid)
    level = 0
    for t, pg, oid in heads:
        if t == "H":
            continue
        n = int(t[1])
        if level == 0 and n != 1:
            ck.report("14-002", "the first numbered heading is %s, not H1" % t, pg, oid)
        elif level and n > level + 1:
            ck.report("14-003", "%s follows H%d: heading level%s skipped" % (t, level, "s" if n > level + 2 else ""),
                      pg, oid)
        level = n


def check_pages(ck, pdf, cat, st, ptree):
    page_no_of = {pid: i + 1 for i, pid in enumerate(pdf.page_ids)}
    fonts = set()
    for no, pid in enumerate(pdf.page_ids, 1):
        page = pdf.get("%d 0 R" % pid)
        tagged = set()
        if st is not None:
            tagged = reachable_mcids(pdf, st, ptree, page, pid)
        walk = ContentWalk(ck, pdf, no, pid, tagged, fonts)
        res = pdf.get(page.get("/Resources")) or {}
        data = page_content(pdf, page)
        walk.walk(data, res, pid, None)
        walk.report_untagged()
        check_annotations(ck, pdf, st, page, no)
    return page_no_of


def page_content(pdf, page):
    raw = page.get("/Contents")
    one = pdf.stream(raw)
    if one is not None:
        return one
    return b"\n".join(pdf.stream(c) or b"" for c in as_list(pdf.get(raw)))


def reachable_mcids(pdf, st, ptree, page, pid):
    """MCIDs of this page (and of forms with StructParents) that the
    structure tree reaches and the ParentTree maps back to an element."""
    out = set()
    key = page.get("/StructParents")
    arr = as_list(pdf.get(ptree.get(int(key)))) if isinstance(key, (int, float)) else []
    for owner, mcid in st.mcids:
        if owner == pid:
            if mcid < len(arr) and pdf.ref_id(arr[mcid]) is not None:
                out.add((owner, mcid))
        elif owner != pid and owner not in pdf.page_ids:
            out.add((owner, mcid))   # in a form XObject: keyed by the stream
    return out


def check_annotations(ck, pdf, st, page, no):
    annots = as_list(pdf.get(page.get("/Annots")))
    if not annots:
        return
    tabs = page.get("/Tabs")
    if tabs is None:
        ck.report("28-008", "a page with annotations has no /Tabs", no)
    elif tabs != "/S":
        ck.report("28-009", "/Tabs is %s, not /S" % tabs, no)
    for a in annots:
        aid = pdf.ref_id(a)
        ad = pdf.get(a)
        if not isinstance(ad, dict) or ad.get("/Subtype") != "/Link":
            continue
        owner = st.objr.get(aid) if st is not None else None
        if owner is None or owner[1] != "Link":
            ck.report("28-011", "a link annotation is not reached by an OBJR from a Link element"
                      if owner is None else "a link annotation's OBJR is in %s, not Link" % owner[1],
                      no, aid)
        if not text_of(pdf.get(ad.get("/Contents"))):
            ck.report("28-012", "a link annotation has no /Contents", no, aid)


# ---- reading order ----

WORD = re.compile(r"\w+", re.UNICODE)


def words(text):
    text = unicodedata.normalize("NFKC", text).casefold()
    return [w for w in WORD.findall(text.replace("_", " "))]


# The lines of pdfinfo -struct-text that are not text: an element's type
# (with its ID, "Note <note000001>", and its placement), "Type:" before
# its attributes, the attributes ("/Scope /Column", "/BBox [...]"), and
# object references.
STRUCT_LINE = re.compile(r'^\s*(?:[A-Za-z][A-Za-z0-9]*(?: <[^>]*>)?(?: \((?:block|inline)\))?:?'
                         r'|Object \d+ \d+|/[A-Za-z]+ .*)\s*$')


def struct_text(path):
    try:
        out = subprocess.run(["pdfinfo", "-struct-text", path], capture_output=True, check=False)
    except OSError as e:
        raise SystemExit("%s: error: cannot run pdfinfo: %s" % (path, e))
    text = out.stdout.decode("utf-8", "replace")
    kept = []
    for line in text.splitlines():
        if STRUCT_LINE.match(line):
            continue
        s = line.strip()
        if s.startswith('"'):
            s = s[1:]
        if s.endswith('"'):
            s = s[:-1]
        kept.append(s)
    return "\n".join(kept)


def join_hyphens(text):
    """A word split at a line end (hyph-<newline>en) is read whole."""
    return re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)


def check_order(ck, pdf_path, text_path, run=6, share=0.85):
    try:
        with open(text_path, encoding="utf-8") as f:
            want = words(f.read())
    except OSError as e:
        raise SystemExit("%s: error: %s" % (text_path, e.strerror))
    got = words(join_hyphens(struct_text(pdf_path)))
    if not got:
        ck.report("09-001", "the structure has no text to read (pdfinfo -struct-text is empty)")
        return
    sm = difflib.SequenceMatcher(None, want, got, autojunk=False)
    blocks = sm.get_matching_blocks()
    aligned = sum(b.size for b in blocks)
    got_runs = {}
    for i in range(len(got) - run + 1):
        got_runs.setdefault(tuple(got[i:i + run]), i)
    pos = 0
    excused = 0  # words of footnotes read where the structure has them
    for b in blocks:
        gap = want[pos:b.a]
        i = 0
        while i + run <= len(gap):
            key = tuple(gap[i:i + run])
            if key in got_runs:
                j = i + run
                while j < len(gap) and tuple(gap[j - run + 1:j + 1]) in got_runs:
                    j += 1
                # A footnote: the text output gathers an article's notes
                # at its end, the structure reads each after its
                # paragraph, as PDF/UA asks; its run begins with the
                # note's number, and is no error.
                if key[0].isdigit():
                    excused += j - i
                else:
                    ck.report("09-001", "read out of order: '%s' (text output word %d) is elsewhere "
                              "in the structure (word %d)" % (" ".join(gap[i:i + run]), pos + i + 1,
                                                              got_runs[key] + 1))
                i = j
            else:
                i += 1
        pos = b.a + b.size
    aligned += excused
    if want and aligned < share * len(want):
        ck.report("09-001", "the structure reads %d of the text output's %d words in order (%.0f %%, "
                  "below %.0f %%)" % (aligned, len(want), 100.0 * aligned / len(want), 100 * share))
    return aligned, len(want)


def main():
    ap = argparse.ArgumentParser(usage="pdfua.py FILE.pdf [--text FILE.txt] [--max N] [--quiet]",
                                 description=__doc__.split("\n")[0])
    ap.add_argument("pdf")
    ap.add_argument("--text", help="folio's text output of the same source, for the reading order")
    ap.add_argument("--max", type=int, default=20, help="lines per condition")
    ap.add_argument("--quiet", action="store_true", help="no summary line on success")
    try:
        args = ap.parse_args()
    except SystemExit as e:
        return 2 if e.code else 0
    ck = Checker(args.pdf, max(1, args.max))
    try:
        pdf = Pdf(args.pdf)
    except SystemExit as e:
        print(e, file=sys.stderr)
        return 2
    cat = check_document(ck, pdf)
    root = pdf.get(cat.get("/StructTreeRoot"))
    st = None
    ptree = {}
    if not isinstance(root, dict):
        ck.report("01-005", "no StructTreeRoot: no content is tagged")
    else:
        st = Structure(ck, pdf, root)
        ptree = parent_tree(pdf, root)
    page_no_of = check_pages(ck, pdf, cat, st, ptree)
    if st is not None:
        check_elements(ck, pdf, st, page_no_of)
    order = None
    if args.text:
        try:
            order = check_order(ck, args.pdf, args.text)
        except SystemExit as e:
            print(e, file=sys.stderr)
            return 2
    ck.finish()
    if ck.errors:
        print("%s: %d error%s, %d warning%s" % (args.pdf, ck.errors, "" if ck.errors == 1 else "s",
                                                 ck.warnings, "" if ck.warnings == 1 else "s"))
        return 1
    if not args.quiet:
        extra = " (reading order: %d of %d words aligned)" % order if order else ""
        print("%s: PDF/UA checks passed, %d warning%s%s" % (args.pdf, ck.warnings,
                                                          "" if ck.warnings == 1 else "s", extra))
    return 0


if __name__ == "__main__":
    sys.exit(main())
