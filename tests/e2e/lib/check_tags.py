#!/usr/bin/env python3
"""check_tags.py: the structure basics of a tagged PDF, read with qpdf --json.

    check_tags.py FILE.pdf [--untagged] [--claims-ua] [--no-claim-ua]

Tagged (the default), it checks what folio writes for PDF/UA-1:
  - the catalog: StructTreeRoot, MarkInfo /Marked true, /Lang,
    ViewerPreferences /DisplayDocTitle true, XMP with dc:title;
  - every page's content: each text object (BT..ET), image (Do) and
    painted path inside a marked-content sequence with an MCID or an
    /Artifact; MCIDs of a page numbered from 0 with no gap, the page's
    /StructParents pointing at a ParentTree array that names an element
    for every MCID; /Tabs /S;
  - every link annotation: /Contents, /StructParent whose ParentTree entry
    is a Link element holding an OBJR to it;
  - the tree: every element's /P is its parent; headings H1-H6 start at H1
    and never skip a level going down; L holds LI (and Caption), LI holds
    Lbl and LBody; TH has a /Scope; Note an /ID; Figure and Formula an /Alt
    (only reported with --claims-ua, where it is required).
--untagged: no StructTreeRoot and no MCID anywhere.
--claims-ua / --no-claim-ua: the XMP does / does not say pdfuaid:part 1.
Prints one line per problem; exit 0 when there is none, 1 otherwise.
"""
import base64
import json
import re
import subprocess
import sys

TOKEN = re.compile(rb"""
    (?P<ws>[\s]+) | (?P<comment>%[^\r\n]*) |
    (?P<str>\((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*\)) |
    (?P<dopen><<) | (?P<dclose>>>) | (?P<hex><[0-9A-Fa-f\s]*>) |
    (?P<aopen>\[) | (?P<aclose>\]) |
    (?P<name>/[^\s/\[\]()<>{}%]*) |
    (?P<num>[+-]?(?:\d+\.?\d*|\.\d+)) |
    (?P<op>[A-Za-z'"*]+[0-9]?\*?)
""", re.X | re.S)

PAINT = {b"f", b"F", b"f*", b"S", b"s", b"B", b"B*", b"b", b"b*", b"sh", b"Do"}


def load(path):
    out = subprocess.run(["qpdf", "--json=2", "--json-key=qpdf",
                          "--json-stream-data=inline", "--decode-level=generalized",
                          path, "-"], capture_output=True)
    if out.returncode not in (0, 3):  # 3: qpdf warned, and went on
        raise SystemExit(f"{path}: qpdf cannot read it: {out.stderr.decode()[:300]}")
    out = out.stdout
    q = json.loads(out)["qpdf"][1]
    return {k[4:] if k.startswith("obj:") else k: v for k, v in q.items()}


class Doc:
    def __init__(self, path):
        self.objs = load(path)
        self.problems = []

    def val(self, x):
        """A value with references followed."""
        while isinstance(x, str) and x.endswith(" R") and x in self.objs:
            o = self.objs[x]
            x = o["value"] if "value" in o else o["stream"]["dict"]
        return x

    def ref_dict(self, ref):
        return self.val(ref)

    def data(self, ref):
        o = self.objs[ref]
        return base64.b64decode(o["stream"].get("data", ""))

    def bad(self, msg):
        self.problems.append(msg)


def pages(doc):
    root = doc.val(doc.objs["trailer"]["value"]["/Root"])
    out = []
    todo = [doc.objs["trailer"]["value"]["/Root"]]
    kids = [doc.val(root["/Pages"])]
    refs = [root["/Pages"]]
    while kids:
        node, ref = kids.pop(0), refs.pop(0)
        if node.get("/Type") == "/Page":
            out.append((ref, node))
            continue
        for k in node.get("/Kids", []):
            kids.append(doc.val(k))
            refs.append(k)
    del todo
    return root, out


def content_of(doc, page):
    c = page.get("/Contents")
    if c is None:
        return b""
    refs = c if isinstance(c, list) else [c]
    return b"\n".join(doc.data(r) for r in refs)


def check_content(doc, n, data, untagged):
    """Every painting inside MCID or Artifact content; returns the MCIDs."""
    stack = []   # per open sequence: 'mcid', 'artifact' or 'other'
    operands = []
    mcids = []
    in_text = False
    text_ok = True
    for m in TOKEN.finditer(data):
        kind = m.lastgroup
        tok = m.group(kind)
        if kind in ("ws", "comment"):
            continue
        if kind != "op":
            operands.append(tok)
            continue
        op = tok
        if op in (b"BDC", b"BMC"):
            props = b" ".join(operands)
            tag = operands[0] if operands else b""
            mm = re.search(rb"/MCID\s+(\d+)", props)
            if mm:
                mcids.append(int(mm.group(1)))
                stack.append("mcid")
            elif tag == b"/Artifact":
                stack.append("artifact")
            else:
                stack.append("other")
        elif op == b"EMC":
            if not stack:
                doc.bad(f"page {n}: EMC without BDC")
            else:
                stack.pop()
        elif op == b"BT":
            in_text = True
            text_ok = "mcid" in stack or "artifact" in stack
        elif op == b"ET":
            in_text = False
        elif op in (b"Tj", b"TJ", b"'", b'"'):
            ok = text_ok or "mcid" in stack or "artifact" in stack
            if not ok and not untagged:
                doc.bad(f"page {n}: text outside marked content")
        elif op in PAINT:
            if not untagged and not ("mcid" in stack or "artifact" in stack):
                doc.bad(f"page {n}: {op.decode()} outside marked content")
        operands = []
    if stack:
        doc.bad(f"page {n}: {len(stack)} marked-content sequences left open")
    if in_text:
        doc.bad(f"page {n}: text object left open")
    return mcids


def parent_tree(doc, root):
    tree = doc.val(root.get("/ParentTree"))
    nums = {}
    todo = [tree] if tree else []
    while todo:
        t = todo.pop()
        arr = t.get("/Nums", [])
        for i in range(0, len(arr) - 1, 2):
            nums[arr[i]] = arr[i + 1]
        todo.extend(doc.val(k) for k in t.get("/Kids", []))
    return nums


def check_tree(doc, root_ref, claims):
    root = doc.val(root_ref)
    kids = root.get("/K")
    kids = kids if isinstance(kids, list) else [kids]
    levels = []
    todo = [(k, root_ref, None) for k in reversed(kids)]
    count = 0
    while todo:
        ref, parent_ref, parent_type = todo.pop()
        if not isinstance(ref, str) or not ref.endswith(" R"):
            continue
        e = doc.val(ref)
        if e.get("/Type") in ("/OBJR", "/MCR"):
            continue
        count += 1
        s = e.get("/S", "")[1:]
        if e.get("/P") != parent_ref:
            doc.bad(f"element {ref} ({s}): /P is {e.get('/P')}, not its parent {parent_ref}")
        m = re.fullmatch(r"H([1-6])", s)
        if m:
            levels.append(int(m.group(1)))
        if s == "LI" and parent_type != "L":
            doc.bad(f"element {ref}: LI in {parent_type}, not in L")
        if s in ("Lbl", "LBody") and parent_type not in ("LI", "TOCI", "BibEntry"):
            doc.bad(f"element {ref}: {s} in {parent_type}, not in LI")
        if parent_type == "L" and s not in ("LI", "Caption", "L"):
            doc.bad(f"element {ref}: {s} in L")
        if s == "TH" and "/Scope" not in json.dumps(e.get("/A", {})):
            doc.bad(f"element {ref}: TH without /Scope")
        if s == "Note" and "/ID" not in e:
            doc.bad(f"element {ref}: Note without /ID")
        if claims and s in ("Figure", "Formula") and not e.get("/Alt"):
            doc.bad(f"element {ref}: {s} without /Alt")
        k = e.get("/K", [])
        k = k if isinstance(k, list) else [k]
        todo.extend((c, ref, s) for c in reversed(k))
    if levels and levels[0] != 1:
        doc.bad(f"the first heading is H{levels[0]}, not H1")
    for a, b in zip(levels, levels[1:]):
        if b > a + 1:
            doc.bad(f"heading levels skip from H{a} to H{b}")
    return count


def check(path, untagged, claims):
    doc = Doc(path)
    root, pgs = pages(doc)
    xmp = b""
    if "/Metadata" in root:
        xmp = doc.data(root["/Metadata"])
    if untagged:
        if "/StructTreeRoot" in root:
            doc.bad("an untagged PDF has a StructTreeRoot")
        for n, (_, page) in enumerate(pgs, 1):
            if check_content(doc, n, content_of(doc, page), True):
                doc.bad(f"page {n}: MCIDs in an untagged PDF")
        return doc.problems
    if "/StructTreeRoot" not in root:
        return ["no StructTreeRoot"]
    if doc.val(root.get("/MarkInfo", {})).get("/Marked") is not True:
        doc.bad("MarkInfo /Marked is not true")
    if not root.get("/Lang"):
        doc.bad("no /Lang on the catalog")
    if doc.val(root.get("/ViewerPreferences", {})).get("/DisplayDocTitle") is not True:
        doc.bad("ViewerPreferences /DisplayDocTitle is not true")
    if b"<dc:title>" not in xmp:
        doc.bad("no dc:title in the XMP")
    ua = b"<pdfuaid:part>1</pdfuaid:part>" in xmp
    if claims is True and not ua:
        doc.bad("the XMP does not claim PDF/UA-1 (pdfuaid:part)")
    if claims is False and ua:
        doc.bad("the XMP claims PDF/UA-1 but should not")
    st = doc.val(root["/StructTreeRoot"])
    nums = parent_tree(doc, st)
    elems = set()
    for n, (ref, page) in enumerate(pgs, 1):
        mcids = check_content(doc, n, content_of(doc, page), False)
        if sorted(mcids) != list(range(len(mcids))):
            doc.bad(f"page {n}: MCIDs not 0..{len(mcids) - 1}")
        if page.get("/Tabs") != "/S":
            doc.bad(f"page {n}: no /Tabs /S")
        if mcids:
            key = page.get("/StructParents")
            arr = doc.val(nums.get(key)) if key is not None else None
            if not isinstance(arr, list) or len(arr) < len(mcids):
                doc.bad(f"page {n}: /StructParents {key} names no element for each MCID")
            else:
                for r in arr:
                    if doc.val(r).get("/Type") != "/StructElem":
                        doc.bad(f"page {n}: parent tree entry {r} is not an element")
                    elems.add(r)
        for a in page.get("/Annots", []):
            ad = doc.val(a)
            if ad.get("/Subtype") != "/Link":
                continue
            if not ad.get("/Contents"):
                doc.bad(f"page {n}: link {a} without /Contents")
            key = ad.get("/StructParent")
            link = nums.get(key)
            ld = doc.val(link) if link else {}
            if ld.get("/S") != "/Link":
                doc.bad(f"page {n}: link {a}: /StructParent {key} is no Link element")
                continue
            k = ld.get("/K", [])
            k = k if isinstance(k, list) else [k]
            if not any(isinstance(x, dict) and x.get("/Type") == "/OBJR" and x.get("/Obj") == a
                       for x in (doc.val(y) for y in k)):
                doc.bad(f"page {n}: link {a}: its Link element has no OBJR to it")
    if check_tree(doc, root["/StructTreeRoot"], claims) == 0:
        doc.bad("the structure tree is empty")
    return doc.problems


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    claims = True if "--claims-ua" in argv else False if "--no-claim-ua" in argv else None
    problems = check(args[0], "--untagged" in argv, claims)
    for p in problems[:40]:
        print(f"{args[0]}: {p}")
    if len(problems) > 40:
        print(f"{args[0]}: ... {len(problems) - 40} more")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
