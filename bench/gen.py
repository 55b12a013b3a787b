#!/usr/bin/env python3
"""gen: synthetic readers N times the size of the sample reader.

usage: gen.py SOURCE_READER.xml N OUTDIR

Copies the reader's articles N times (articles 7N in all), renaming each
copy's xml:ids so they stay unique, and varies the copies: the sentences of
plain paragraphs are rotated, so line breaking and hyphenation meet new
lines while citations, glossary terms, footnotes and lists keep their
proportions.  The glossary and bibliography databases are shared.
"""
import os
import re
import shutil
import sys

XI = re.compile(r'<xi:include\s+href="([^"]+)"\s*/>')
ID = re.compile(r'xml:id=["\']([^"\']+)["\']')
PLAIN_PARA = re.compile(r"<para>([^<]+)</para>")
SENTENCE = re.compile(r"(?<=[.!?])\s+")


def vary(text, copy):
    def rotate(m):
        parts = SENTENCE.split(m.group(1).strip())
        if len(parts) < 2:
            return m.group(0)
        k = copy % len(parts)
        return "<para>" + " ".join(parts[k:] + parts[:k]) + "</para>"
    return PLAIN_PARA.sub(rotate, text)


def rename_ids(text, copy):
    ids = set(ID.findall(text))
    def sub(m):
        attr, value = m.group(1), m.group(2)
        return f'{attr}="{value}-c{copy}"' if value in ids else m.group(0)
    return re.sub(r'\b(xml:id|linkend|startref|otherterm|endterm)="([^"]+)"', sub, text)


def check_unique_ids(paths):
    """Every xml:id of the generated reader, over all its files, once."""
    seen = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for value in ID.findall(f.read()):
                if value in seen:
                    sys.exit(f"gen: xml:id {value!r} in both {seen[value]} and {path}")
                seen[value] = path
    return len(seen)


def main(argv):
    if len(argv) != 4:
        sys.exit(__doc__)
    reader, n, out = argv[1], int(argv[2]), argv[3]
    src_dir = os.path.dirname(os.path.abspath(reader))
    with open(reader, encoding="utf-8") as f:
        book = f.read()
    includes = XI.findall(book)
    articles = [h for h in includes if h.startswith("articles/")]
    os.makedirs(os.path.join(out, "articles"), exist_ok=True)
    written = []
    for h in includes:
        if h not in articles:
            shutil.copy(os.path.join(src_dir, h), os.path.join(out, h))
            written.append(os.path.join(out, h))
    lines = []
    for copy in range(n):
        for h in articles:
            with open(os.path.join(src_dir, h), encoding="utf-8") as f:
                text = f.read()
            if copy:
                text = rename_ids(vary(text, copy), copy)
            name = f"articles/c{copy:03d}-{os.path.basename(h)}"
            with open(os.path.join(out, name), "w", encoding="utf-8") as f:
                f.write(text)
            written.append(os.path.join(out, name))
            lines.append(f'  <xi:include href="{name}"/>')
    last = list(XI.finditer(book))
    article_matches = [m for m in last if m.group(1) in articles]
    head = book[:article_matches[0].start()]
    tail = book[article_matches[-1].end():]
    with open(os.path.join(out, "reader.xml"), "w", encoding="utf-8") as f:
        f.write(head + "\n".join(lines).lstrip() + tail)
    written.append(os.path.join(out, "reader.xml"))
    check_unique_ids(written)


if __name__ == "__main__":
    main(sys.argv)
