"""svg_compare.py PAGE.ppm REFERENCE.png: the PDF's drawing of an SVG
figure (pdftoppm's PPM of the figure's box) against librsvg's own
(rsvg-convert's PNG of the SVG at the same pixel size, on white).

Prints the mean difference per sample and the share of pixels that
differ by more than 64 in some channel; exit 0 when both are within the
tolerance (--mean, --share), 1 when not, 2 on bad input.  Edges drawn by
two rasterisers (poppler's and cairo's) differ by their anti-aliasing,
so the tolerance is for that, not for a missing or moved shape.
"""
import argparse
import struct
import sys
import zlib


def read_ppm(path):
    data = open(path, "rb").read()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos)
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    if fields[0] != b"P6" or fields[3] != b"255":
        raise ValueError(f"{path}: not an 8-bit binary PPM")
    w, h = int(fields[1]), int(fields[2])
    return w, h, data[pos + 1:pos + 1 + w * h * 3]


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def read_png(path):
    """An 8-bit RGB or RGBA PNG, not interlaced (rsvg-convert's), as RGB
    on white."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or ctype not in (2, 6) or interlace:
                raise ValueError(f"{path}: not 8-bit RGB(A), or interlaced")
            bpp = 4 if ctype == 6 else 3
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = w * bpp
    out, prev = bytearray(), bytearray(stride)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            line[i] = (line[i] + (0, a, b, (a + b) // 2, paeth(a, b, c))[f]) & 255
        prev = line
        for x in range(w):
            px = line[x * bpp:(x + 1) * bpp]
            al = px[3] if bpp == 4 else 255
            out += bytes((v * al + 255 * (255 - al) + 127) // 255 for v in px[:3])
    return w, h, bytes(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("page")
    ap.add_argument("reference")
    ap.add_argument("--mean", type=float, default=8.0)
    ap.add_argument("--share", type=float, default=0.05)
    args = ap.parse_args()
    try:
        w1, h1, a = read_ppm(args.page)
        w2, h2, b = read_png(args.reference)
    except (OSError, ValueError, struct.error, zlib.error) as e:
        print(f"svg_compare: {e}", file=sys.stderr)
        return 2
    w, h = min(w1, w2), min(h1, h2)
    if abs(w1 - w2) > 2 or abs(h1 - h2) > 2:
        print(f"sizes differ: page {w1}x{h1}, reference {w2}x{h2}")
        return 1
    total, far = 0, 0
    for y in range(h):
        for x in range(w):
            p = a[(y * w1 + x) * 3:(y * w1 + x) * 3 + 3]
            q = b[(y * w2 + x) * 3:(y * w2 + x) * 3 + 3]
            d = [abs(p[i] - q[i]) for i in range(3)]
            total += sum(d)
            far += max(d) > 64
    mean, share = total / (w * h * 3), far / (w * h)
    print(f"{w}x{h}: mean difference {mean:.2f}, pixels far apart {share:.2%}")
    return 0 if mean <= args.mean and share <= args.share else 1


if __name__ == "__main__":
    sys.exit(main())
