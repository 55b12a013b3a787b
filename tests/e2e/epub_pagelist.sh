#!/usr/bin/env bash
# epub_pagelist: the EPUB carries the print edition's page numbers.  Builds
# the sample reader as PDF and EPUB in one run and checks that the EPUB's
# page-list has one entry per PDF page, in order, and that the text after
# each page marker is the first text of that PDF page (pdftotext per page;
# running heads and folios may come first).  Also checks that the EPUB
# declares the print edition as its page source and the page-navigation
# accessibility features, and that an EPUB built alone (its own layout
# pass) is byte for byte the one built with the PDF.
# Env: FOLIO (the binary), SRC (repo root).
set -u
: "${FOLIO:?FOLIO must name the folio binary}"
SRC=${SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$SRC" || exit 2
tmp=$(mktemp -d /tmp/epub_pagelist.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

export SOURCE_DATE_EPOCH=1767225600
if ! "$FOLIO" build sources/pekerjaan-sosial/reader.xml --pdf "$tmp/r.pdf" --epub "$tmp/r.epub" \
	>"$tmp/build.log" 2>&1; then
	echo "FAIL: folio build --pdf --epub failed:"
	sed 's/^/    /' "$tmp/build.log" | head -20
	exit 1
fi

# An EPUB built alone lays the pages out itself: the same page-list, the
# same bytes, as the one that took the PDF's layout.
if ! "$FOLIO" build sources/pekerjaan-sosial/reader.xml --epub "$tmp/alone.epub" \
	>"$tmp/alone.log" 2>&1; then
	echo "FAIL: folio build --epub failed:"
	sed 's/^/    /' "$tmp/alone.log" | head -20
	exit 1
fi
if ! cmp -s "$tmp/r.epub" "$tmp/alone.epub"; then
	echo "FAIL: the EPUB built alone differs from the one built with the PDF"
	exit 1
fi
echo "ok: the EPUB built alone is the one built with the PDF"

python3 - "$tmp/r.pdf" "$tmp/r.epub" <<'EOF'
import html
import re
import subprocess
import sys
import zipfile

pdf, epub = sys.argv[1], sys.argv[2]
WORD = re.compile(r"[^\W_]+", re.UNICODE)
fail = []

z = zipfile.ZipFile(epub)
nav = z.read("OEBPS/nav.xhtml").decode()
m = re.search(r'<nav epub:type="page-list"[^>]*>(.*?)</nav>', nav, re.S)
if not m:
    print("FAIL: nav.xhtml has no page-list")
    sys.exit(1)
entries = re.findall(r'<a href="([^"#]+)#([^"]+)">([^<]*)</a>', m.group(1))
pages = int(re.search(r"^Pages:\s+(\d+)", subprocess.run(
    ["pdfinfo", pdf], capture_output=True, text=True).stdout, re.M).group(1))
if len(entries) != pages:
    fail.append(f"page-list has {len(entries)} entries, the PDF {pages} pages")

docs = {}
def following_words(name, pid, n=3):
    if name not in docs:
        docs[name] = z.read("OEBPS/" + name).decode()
    doc = docs[name]
    at = doc.find(f'id="{pid}"')
    if at < 0:
        return None
    rest = doc[doc.find(">", at) + 1:]
    # A page without text of its own in the EPUB (a blank page, a page of
    # the printed contents) has its marker right before the next page's.
    if re.match(r'(</span>)?<span epub:type="pagebreak"', rest):
        return []
    # Block boundaries separate words; inline tags do not (a page may
    # begin inside a word).
    rest = re.sub(r"</?(p|div|dt|dd|li|ul|ol|h[1-6]|section|aside|blockquote|pre|tr|td|th)\b[^>]*>",
                  " ", rest[:4000])
    text = html.unescape(re.sub(r"<[^>]+>", "", rest))
    return WORD.findall(text.casefold())[:n]

checked = 0
for i, (name, pid, label) in enumerate(entries[:pages]):
    page_text = subprocess.run(["pdftotext", "-enc", "UTF-8", "-f", str(i + 1), "-l", str(i + 1),
                                pdf, "-"], capture_output=True, text=True).stdout
    page_words = WORD.findall(page_text.casefold())
    want = following_words(name, pid)
    if want is None:
        fail.append(f"page {label}: marker {name}#{pid} not found")
        continue
    if not want:
        continue
    # A blank page (or a page of generated text such as the contents)
    # has no text of its own in the EPUB: its marker sits before the next
    # page's text.  Only pages whose first words exist in the EPUB count.
    if len(page_words) < 3:
        continue
    head = page_words[:40]
    found = any(head[k:k + len(want)] == want for k in range(len(head)))
    if not found:
        fail.append(f"page {label} (PDF page {i + 1}): EPUB marker is followed by "
                    f"{' '.join(want)!r}; the page begins {' '.join(page_words[:12])!r}")
    else:
        checked += 1

opf = z.read("OEBPS/package.opf").decode()
for needle in ('property="source-of">pagination<', ">printPageNumbers<", ">pageNavigation<"):
    if needle not in opf:
        fail.append(f"package.opf lacks {needle}")

for f in fail[:30]:
    print("FAIL: " + f)
print(f"epub_pagelist: {len(entries)} page-list entries, {pages} PDF pages, "
      f"{checked} pages' first words matched, {len(fail)} problems")
sys.exit(1 if fail else 0)
EOF
