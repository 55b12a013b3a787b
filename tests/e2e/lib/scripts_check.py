#!/usr/bin/env python3
"""scripts_check: checks of tests/scripts/languages.xml's PDF that need more
than grep (tests/e2e/scripts_languages.sh).

  scripts_check.py evenness PDF FIRST LAST
      the justified lines of pages FIRST..LAST (word boxes from
      pdftotext -bbox-layout): each line's mean word space over the median
      space of all of them; prints the 95th percentile and the lines past
      the right edge; exit 1 unless p95 <= 1.5 and none is overfull.
  scripts_check.py kinsoku PDF PAGES_DUMP
      every line of Chinese or Japanese text in the pages dump: none begins
      with a character kinsoku keeps from a line's start, none ends with
      an opening bracket; and in the PDF, all but a paragraph's last line
      end at the same right edge (spread between characters); exit 1
      otherwise.
  scripts_check.py german PAGES_DUMP DICT FIRST_WORD LAST_WORD
      the words hyphenated at line ends between the lines beginning with
      FIRST_WORD and LAST_WORD: each break must be one of the patterns' in
      DICT (Debian's German dictionary, through libhyphen); exit 1
      otherwise or when there are fewer than 3.
"""
import collections
import html, ctypes, re, statistics, subprocess, sys

LINE_START_FORBIDDEN = set(
    "、。，．・：；？！ー）」』】〕〉》〗〙〛｝］”’·…‥"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々ゝゞヽヾ")
LINE_END_FORBIDDEN = set("（「『【〔〈《〖〘〚｛［“‘")


def is_cjk(ch):
    o = ord(ch)
    return 0x3000 <= o <= 0x30FF or 0x3400 <= o <= 0x9FFF or 0xFF00 <= o <= 0xFFEF


# Characters that protrude into the right margin (src/layout/protrude.c)
# and how far, at most, at the body size: half of a 10 pt character.
HANGING = "-\u2010\u2011\u2013\u2014.,;:\u201d\u2019\u201c\u2018\u00bb\u00ab)\"'"
HANG_ALLOWANCE = 5.0


def evenness(pdf, first, last):
    x = subprocess.run(["pdftotext", "-bbox-layout", "-f", first, "-l", last, pdf, "-"],
                       capture_output=True, text=True, check=True).stdout
    lines = []
    for page in x.split("<page ")[1:]:
        for ln in re.findall(r"<line .*?</line>", page, re.S):
            words = re.findall(
                r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>', ln)
            ws = [(float(a), float(b)) for a, b, _ in words]
            if len(ws) >= 4:
                # a final hyphen, stop or quotation mark hangs into the
                # margin (protrusion): the line ends where the letters do
                last = html.unescape(words[-1][2])
                if last and last[-1] in HANGING:
                    ws[-1] = (ws[-1][0], ws[-1][1] - HANG_ALLOWANCE)
                lines.append(ws)
    if not lines:
        print("evenness: no lines"); return 1
    edge = collections.Counter(round(ws[-1][1]) for ws in lines).most_common(1)[0][0]
    over = [ws for ws in lines if ws[-1][1] > edge + HANG_ALLOWANCE + 1.0]
    just = [ws for ws in lines if abs(ws[-1][1] - edge) <= HANG_ALLOWANCE + 1.0]
    gaps_all, means = [], []
    for ws in just:
        gaps = [ws[i + 1][0] - ws[i][1] for i in range(len(ws) - 1)]
        gaps_all += gaps
        means.append(statistics.mean(gaps))
    med = statistics.median(gaps_all)
    r = sorted(m / med for m in means)
    p95 = r[min(len(r) - 1, int(0.95 * len(r)))]
    print(f"evenness: {len(just)} justified lines, word-space ratio p95 {p95:.2f} "
          f"max {r[-1]:.2f}, overfull {len(over)}")
    return 0 if p95 <= 1.5 and not over and len(just) >= 10 else 1


def dump_lines(path):
    """(page, y) -> [(x, text, size)] of the pages dump's text items."""
    lines = collections.OrderedDict()
    page = 0
    for l in open(path, encoding="utf-8"):
        if l.startswith("page "):
            page = int(l.split()[1])
        m = re.match(r'text ([\d.]+) ([\d.]+) \S+ ([\d.]+) "((?:[^"\\]|\\.)*)"', l.rstrip("\n"))
        if m:
            lines.setdefault((page, m.group(2)), []).append(
                (float(m.group(1)), m.group(4).replace('\\"', '"'), float(m.group(3))))
    return [(k, sorted(v)) for k, v in lines.items()]


def kinsoku(pdf, dump):
    bad = 0
    body = []
    for key, items in dump_lines(dump):
        text = "".join(t for _, t, _ in items)
        if items[0][2] != 10.0 or sum(map(is_cjk, text)) < len(text) / 2:
            continue  # body text in Chinese or Japanese only
        body.append((key, items, text))
        if text[0] in LINE_START_FORBIDDEN:
            print(f"kinsoku: line starts with {text[0]!r}: {text}"); bad += 1
        if text[-1] in LINE_END_FORBIDDEN:
            print(f"kinsoku: line ends with {text[-1]!r}: {text}"); bad += 1
    if len(body) < 10:
        print(f"kinsoku: only {len(body)} lines of CJK text"); return 1
    # the lines of the PDF made of CJK characters: all but the last of
    # each paragraph (a shorter one) end at the same right edge, the
    # space between characters spread
    x = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"],
                       capture_output=True, text=True, check=True).stdout
    ends = []
    for ln in re.findall(r"<line .*?</line>", x, re.S):
        words = re.findall(r'xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>', ln)
        text = "".join(t for _, t in words)
        if text and sum(map(is_cjk, text)) >= len(text) / 2 and len(text) > 20:
            ends.append(float(words[-1][0]))
    edge = max(ends)
    full = [e for e in ends if abs(e - edge) <= 1.0]
    short = [e for e in ends if abs(e - edge) > 1.0]
    print(f"kinsoku: {len(body)} CJK lines, {bad} breaking a kinsoku rule; "
          f"{len(full)} end at the right edge, {len(short)} short "
          f"(the last lines of paragraphs)")
    # paragraphs of Chinese and Japanese: 3 in the test document
    return 1 if bad or len(full) < 10 or len(short) > 3 else 0


def german(dump, dic, first, last):
    lib = ctypes.CDLL("libhyphen.so.0")
    lib.hnj_hyphen_load.restype = ctypes.c_void_p
    lib.hnj_hyphen_load.argtypes = [ctypes.c_char_p]
    lib.hnj_hyphen_hyphenate2.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int,
                                          ctypes.c_char_p, ctypes.c_char_p,
                                          ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
    d = lib.hnj_hyphen_load(dic.encode())
    if not d:
        print(f"german: cannot load {dic}"); return 1
    texts = ["".join(t for _, t, _ in items) for _, items in dump_lines(dump)]
    try:
        a = next(i for i, t in enumerate(texts) if t.startswith(first))
        b = next(i for i, t in enumerate(texts) if i > a and t.startswith(last))
    except StopIteration:
        print("german: section not found"); return 1
    count = bad = 0
    for i in range(a, b):
        t = texts[i]
        if not re.search(r"\w-$", t):
            continue
        head = t.split()[-1][:-1]
        tail = re.match(r"\w+", texts[i + 1]).group(0)
        word = re.sub(r"^\W+", "", head) + tail
        cut = len(re.sub(r"^\W+", "", head))
        enc = word.lower().encode("latin-1")
        hyph = ctypes.create_string_buffer(len(enc) + 5)
        rep, pos, cut_ = ctypes.c_void_p(), ctypes.c_void_p(), ctypes.c_void_p()
        lib.hnj_hyphen_hyphenate2(d, enc, len(enc), hyph, None, ctypes.byref(rep),
                                  ctypes.byref(pos), ctypes.byref(cut_))
        points = {k + 1 for k in range(len(enc)) if hyph.raw[k] & 1}
        count += 1
        if cut not in points:
            print(f"german: {head}-{tail}: not a break of the German patterns"); bad += 1
        else:
            print(f"german: {head}-{tail}")
    if count < 3:
        print(f"german: only {count} hyphenated words"); return 1
    return 1 if bad else 0


def main():
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "evenness" and len(sys.argv) == 5:
        return evenness(*sys.argv[2:5])
    if cmd == "kinsoku" and len(sys.argv) == 4:
        return kinsoku(sys.argv[2], sys.argv[3])
    if cmd == "german" and len(sys.argv) == 6:
        return german(*sys.argv[2:6])
    print(__doc__); return 2


sys.exit(main())
