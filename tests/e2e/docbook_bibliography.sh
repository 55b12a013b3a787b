#!/usr/bin/env bash
# docbook_bibliography: DocBook's own bibliography model beside folio's
# (tests/docbook/bibliography.xml: a hand-written bibliography with
# bibliodivs, a bibliolist in an appendix, a BibTeX database and a
# generated list in one book), built to PDF, EPUB and text:
#   - no diagnostics; epubcheck 0/0; qpdf --check
#   - every printed entry word for word, in source order, in the PDF
#     (pdftotext), the text output and the EPUB: biblioentry formatted in
#     APA, bibliomixed as written, [abbrev] labels
#   - the citations' printed forms, and in the EPUB each a link landing on
#     its entry; titles in italics
#   - --cite-accessed never drops the access dates, always adds them
#   - the word check (tests/tools/fidelity.py)
# Env: FOLIO (the binary), SRC (repo root).
set -u
: "${FOLIO:?FOLIO must name the folio binary}"
SRC=${SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$SRC" || exit 2
for tool in qpdf pdftotext java python3; do
	command -v "$tool" >/dev/null || { echo "SKIP: $tool missing"; exit 77; }
done
T=$(mktemp -d /tmp/docbook_bibliography.XXXXXX)
trap 'rm -rf "$T"' EXIT
src=tests/docbook/bibliography.xml
fail=0
bad() { echo "FAIL: $*"; fail=1; }

if ! "$FOLIO" build "$src" --pdf "$T/b.pdf" --epub "$T/b.epub" --text "$T/b.txt" \
	>"$T/log" 2>&1; then
	bad "folio build $src failed:"
	sed 's/^/    /' "$T/log" | head -20
	exit 1
fi
[ -s "$T/log" ] && { bad "diagnostics from a clean source:"; sed 's/^/    /' "$T/log"; }

qpdf --check "$T/b.pdf" >"$T/qpdf" 2>&1 || { bad "qpdf --check:"; tail -5 "$T/qpdf"; }
java -jar /usr/share/java/epubcheck.jar "$T/b.epub" >"$T/epubcheck" 2>&1
grep -q "Messages: 0 fatals / 0 errors / 0 warnings" "$T/epubcheck" ||
	{ bad "epubcheck:"; grep -E "ERROR|WARNING|FATAL" "$T/epubcheck" | head -10; }
pdftotext "$T/b.pdf" "$T/b.pdf.txt" || bad "pdftotext failed"
python3 "$SRC/tests/tools/fidelity.py" "$src" --pdf "$T/b.pdf" --epub "$T/b.epub" >"$T/fidelity" 2>&1 ||
	{ bad "word check:"; sed 's/^/    /' "$T/fidelity" | head -10; }

python3 - "$T/b.pdf.txt" "$T/b.txt" "$T/b.epub" <<'PY' || fail=1
import html, re, sys, zipfile

pdf_text, text_out, epub = sys.argv[1:4]
# In source order: the appendix's bibliolist, the hand-written
# bibliography, then the generated list of the BibTeX works.
entries = [
    "Kerr, M. (1999). Family evaluation. Norton.",
    "Donald E. Knuth. The TeXbook. Addison-Wesley, 1984.",
    "Zastrow, C. (2017). Introduction to social work and social welfare: "
    "Empowering people (12th ed.). Cengage Learning.",
    "[DBTDG] Walsh, N., & Muellner, L. (1999). DocBook: The definitive guide. O'Reilly.",
    "[RNCTUT] Norman Walsh. Relax NG compact syntax tutorial. OASIS, 2002.",
    "Kathleen Ann Goonan. Queen city jazz; a novel nobody cites, printed as written.",
    "Siregar, R. A., & Wijaya, K. (2022). Reading habits of Medan students. "
    "Jurnal Literasi, 11(2), 145\u2013160. https://doi.org/10.5555/a2",
    "Badan Pusat Statistik. (n.d.). Human development index. "
    "Retrieved March 3, 2024, from https://example.org/ipm",
    "Toseland, R. W., & Rivas, R. F. (2017). An introduction to group work "
    "practice (8th ed.). Pearson.",
    "World Health Organization. (n.d.). Mental health at work. Retrieved March 3, "
    "2024, from https://www.who.int/news-room/fact-sheets/detail/mental-health-at-work",
]
citations = ["[RNCTUT]", "[DBTDG]", "[DBTDG, p. 12]", "(Zastrow, 2017)",
             "Zastrow (2017)", "(Knuth, 1984)", "Kerr (1999)",
             "(Siregar & Wijaya, 2022)", "(Badan Pusat Statistik, n.d.)",
             "(Toseland & Rivas, 2017; World Health Organization, n.d.)"]
failed = False

def fail(msg):
    global failed
    failed = True
    print("FAIL:", msg)

def pattern(s):
    # a line may end after any character (after a hyphen it added, or at
    # a hard hyphen or slash of a URL); spaces are any white space
    out = []
    for c in s:
        out.append(r"\s+" if c == " " else re.escape(c) + r"(?:-?\n)?")
    return "".join(out)

def in_order(name, text, wanted):
    pos = 0
    for w in wanted:
        m = re.compile(pattern(w)).search(text, pos)
        if m is None:
            anywhere = re.compile(pattern(w)).search(text)
            fail(f"{name}: {'out of order' if anywhere else 'missing'}: {w}")
        else:
            pos = m.end()

pdf = open(pdf_text, encoding="utf-8").read()
txt = open(text_out, encoding="utf-8").read()
in_order("pdf", pdf, entries)
in_order("text", txt, entries)
for c in citations:
    for name, t in (("pdf", pdf), ("text", txt)):
        if not re.search(pattern(c), t):
            fail(f"{name}: citation missing: {c}")
# fields never run together, as before ("CharlesZastrowIntroduction")
for name, t in (("pdf", pdf), ("text", txt)):
    if re.search(r"Zastrow\s*Introduction|Cengage Learning\s*2017", t):
        fail(f"{name}: fields run together")

# EPUB: entries, italics, each citation a link landing on its entry
z = zipfile.ZipFile(epub)
docs = {n.split("/")[-1]: z.read(n).decode("utf-8")
        for n in z.namelist() if n.endswith(".xhtml")}
def plain(s):
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", s))).strip()
def element_text(doc, ident):
    m = re.search(r'<(\w+)[^>]*\bid="%s"[^>]*>' % re.escape(ident), doc)
    if not m:
        return None
    tag, start, depth, i = m.group(1), m.end(), 1, m.end()
    opener = re.compile(r"<(/?)%s\b[^>]*?(/?)>" % tag)
    while depth:
        t = opener.search(doc, i)
        if t is None:
            return None
        if t.group(1):
            depth -= 1
        elif not t.group(2):
            depth += 1
        i = t.end()
    return plain(doc[start:t.start()])
alltext = " ".join(plain(d) for d in docs.values())
for e in entries:
    if e not in alltext:
        fail("epub: missing entry: " + e)
for title in ("Introduction to social work and social welfare: Empowering people",
              "Relax NG compact syntax tutorial", "Queen city jazz"):
    if not any(re.search(r"<(em|i)\b[^>]*>\s*%s" % re.escape(title), d) for d in docs.values()):
        fail("epub: title not in italics: " + title)
links = 0
for name, d in docs.items():
    for m in re.finditer(r'<a [^>]*role="doc-biblioref"[^>]*href="([^"#]*)#([^"]+)"[^>]*>(.*?)</a>', d):
        f, ident, label = m.group(1) or name, m.group(2), plain(m.group(3))
        target = element_text(docs.get(f, ""), ident)
        if target is None:
            fail(f"epub: citation '{label}' links to a missing {f}#{ident}")
            continue
        links += 1
        key = re.sub(r"[\[\]()]", "", label).split(",")[0].split(" ")[0]
        if key not in target:
            fail(f"epub: citation '{label}' lands on '{target[:60]}'")
if links < 10:
    fail(f"epub: {links} citation links, want at least 10")
sys.exit(1 if failed else 0)
PY

# the access-date rule on the command line
for rule in never always; do
	"$FOLIO" build "$src" --text "$T/$rule.txt" --cite-accessed "$rule" -q ||
		bad "--cite-accessed $rule failed"
done
n=$(grep -c "Retrieved March 3, 2024" "$T/never.txt")
[ "$n" = 0 ] || bad "--cite-accessed never: $n access dates printed"
n=$(grep -o "Retrieved March 3, 2024" "$T/always.txt" | wc -l)
[ "$n" = 2 ] || bad "--cite-accessed always: $n access dates, want 2"

[ $fail = 0 ] && echo "ok: DocBook bibliography in PDF, EPUB and text"
exit $fail
