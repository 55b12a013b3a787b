#!/usr/bin/env python3
"""check_epub: structural checks of folio's EPUBs that epubcheck leaves out
or reports only as usage notes.

usage: check_epub.py BOOK.epub [BOOK.epub ...]

For each EPUB: the container layout (mimetype first, stored, no extra field,
everything else deflated, one timestamp for all entries), every manifest item
present and every file in the manifest, every XML file well-formed, xml:lang
equal to lang wherever either is set, every internal href and src resolving
to a file in the package and, with a #fragment, to an id in that file, every
noteref pointing at a footnote aside whose backlink comes back, no
page-break marker inside a heading or a link.  Prints one
line per EPUB and every problem; exits 1 when there is one.
"""
import posixpath
import re
import struct
import sys
import zipfile
import xml.etree.ElementTree as ET

XHTML = "{http://www.w3.org/1999/xhtml}"
OPF = "{http://www.idpf.org/2007/opf}"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def check(path):
    problems = []
    raw = open(path, "rb").read()
    z = zipfile.ZipFile(path)
    infos = z.infolist()
    # -- container
    if raw[:4] != b"PK\x03\x04":
        problems.append("not a zip file")
        return problems, 0
    name_len, extra_len = struct.unpack("<HH", raw[26:30])
    method = struct.unpack("<H", raw[8:10])[0]
    if raw[30:30 + name_len] != b"mimetype" or method != 0 or extra_len != 0:
        problems.append("mimetype is not the first entry, stored, without extra field")
    if z.read("mimetype") != b"application/epub+zip":
        problems.append("mimetype content is wrong")
    for info in infos[1:]:
        # PNG and JPEG are compressed already: stored (OCF allows both)
        packed = info.filename.lower().endswith((".png", ".jpg", ".jpeg"))
        want = zipfile.ZIP_STORED if packed else zipfile.ZIP_DEFLATED
        if info.compress_type != want:
            problems.append(f"{info.filename}: not {'stored' if packed else 'deflated'}")
    if len({i.date_time for i in infos}) != 1:
        problems.append("entries have different timestamps")
    names = set(z.namelist())
    # -- package document
    container = ET.fromstring(z.read("META-INF/container.xml"))
    rootfile = container.find(".//{urn:oasis:names:tc:opendocument:xmlns:container}rootfile")
    opf_path = rootfile.get("full-path")
    opf = ET.fromstring(z.read(opf_path))
    base = posixpath.dirname(opf_path)
    manifest = {}
    for item in opf.iter(OPF + "item"):
        full = posixpath.normpath(posixpath.join(base, item.get("href")))
        manifest[full] = item.get("media-type")
        if full not in names:
            problems.append(f"manifest item {full} is not in the package")
    for n in names:
        if n not in manifest and n != "mimetype" and not n.startswith("META-INF/") and n != opf_path:
            problems.append(f"{n} is in the package but not in the manifest")
    # -- documents: well-formed, ids, languages
    docs = {}
    for n in sorted(names):
        if not n.endswith((".xhtml", ".opf", ".ncx", ".xml")):
            continue
        try:
            root = ET.fromstring(z.read(n))
        except ET.ParseError as e:
            problems.append(f"{n}: not well-formed: {e}")
            continue
        if n.endswith(".xhtml"):
            docs[n] = root
    ids = {}
    for n, root in docs.items():
        seen = set()
        for el in root.iter():
            i = el.get("id")
            if i is not None:
                if i in seen:
                    problems.append(f"{n}: duplicate id {i}")
                seen.add(i)
            a, b = el.get(XML_LANG), el.get("lang")
            if (a is not None or b is not None) and a != b:
                problems.append(f"{n}: xml:lang={a!r} but lang={b!r} on <{el.tag.replace(XHTML, '')}>")
        ids[n] = seen
    # -- links
    links = 0
    for n, root in docs.items():
        here = posixpath.dirname(n)
        for el in root.iter():
            for attr in ("href", "src"):
                ref = el.get(attr)
                if ref is None or SCHEME.match(ref):
                    continue
                links += 1
                target, _, frag = ref.partition("#")
                full = posixpath.normpath(posixpath.join(here, target)) if target else n
                if full not in names:
                    problems.append(f"{n}: {attr}={ref!r}: no such file")
                    continue
                if frag and frag not in ids.get(full, set()):
                    problems.append(f"{n}: {attr}={ref!r}: no id {frag!r} in {full}")
    # -- footnotes: noteref -> aside footnote -> backlink -> noteref
    for n, root in docs.items():
        asides = {el.get("id"): el for el in root.iter(XHTML + "aside")
                  if el.get(EPUB_TYPE) == "footnote"}
        for a in root.iter(XHTML + "a"):
            if a.get(EPUB_TYPE) != "noteref" or a.get("id") is None:
                continue
            note = asides.get(a.get("href", "").lstrip("#"))
            if note is None:
                problems.append(f"{n}: noteref {a.get('id')} points at no footnote aside")
                continue
            back = [b for b in note.iter(XHTML + "a") if b.get("role") == "doc-backlink"]
            if not back or back[0].get("href") != "#" + a.get("id"):
                problems.append(f"{n}: footnote {note.get('id')} has no backlink to {a.get('id')}")
    # -- accessible names: a page-break marker inside a heading or a link
    # would be read as part of its name ("52 53 Daftar Pustaka")
    named = {XHTML + t for t in ("h1", "h2", "h3", "h4", "h5", "h6", "a")}
    for n, root in docs.items():
        for el in root.iter():
            if el.tag not in named:
                continue
            for m in el.iter(XHTML + "span"):
                if m.get(EPUB_TYPE) == "pagebreak":
                    problems.append(f"{n}: page-break marker {m.get('id')} inside "
                                    f"<{el.tag.replace(XHTML, '')}>")
    return problems, links


def main(argv):
    bad = 0
    for path in argv[1:]:
        problems, links = check(path)
        print(f"check_epub: {path}: {links} internal links, {len(problems)} problems")
        for p in problems[:50]:
            print("  " + p)
        bad |= bool(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
