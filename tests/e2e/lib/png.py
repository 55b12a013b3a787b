"""png: small PNG files written from a pixel function, for the end-to-end
tests that need images of a given colour type (tests/e2e/print_*.sh)."""
import struct
import zlib


def png(path, w, h, ctype, pix):
    """Writes a w x h PNG of colour type ctype (0 grey, 2 RGB, 6 RGBA);
    pix(x, y) gives a pixel's samples."""
    raw = b"".join(b"\0" + b"".join(bytes(pix(x, y)) for x in range(w)) for y in range(h))

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n"
                + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, ctype, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
