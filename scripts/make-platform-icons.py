#!/usr/bin/env python3
"""Renders resources/icons/cryptopredict.svg into the Windows .ico and the macOS .icns.

The Linux PNG sizes are rendered at build time (cmake/Packaging.cmake); Windows and macOS builds
have no rsvg-convert, so their icon containers are committed. Run this after changing the SVG.
Needs rsvg-convert (Debian: librsvg2-bin). Both containers hold PNG-compressed images, which
Windows Vista+ and macOS 10.7+ read."""
import pathlib
import struct
import subprocess
import sys
import tempfile

ICONS = pathlib.Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "cryptopredict.svg"


def render(size: int, scratch: pathlib.Path) -> bytes:
    out = scratch / f"{size}.png"
    subprocess.run(["rsvg-convert", "-w", str(size), "-h", str(size), "-o", str(out), str(SVG)],
                   check=True)
    return out.read_bytes()


def make_ico(images: dict) -> bytes:
    sizes = [16, 24, 32, 48, 64, 128, 256]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, data = b"", b""
    for size in sizes:
        png = images[size]
        # Width and height are one byte each; 0 means 256.
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png),
                               offset + len(data))
        data += png
    return header + entries + data


def make_icns(images: dict) -> bytes:
    types = [(b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
             (b"ic09", 512), (b"ic10", 1024)]
    body = b"".join(kind + struct.pack(">I", 8 + len(images[size])) + images[size]
                    for kind, size in types)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        images = {size: render(size, pathlib.Path(scratch))
                  for size in (16, 24, 32, 48, 64, 128, 256, 512, 1024)}
    (ICONS / "cryptopredict.ico").write_bytes(make_ico(images))
    (ICONS / "cryptopredict.icns").write_bytes(make_icns(images))
    print(f"wrote {ICONS / 'cryptopredict.ico'} and {ICONS / 'cryptopredict.icns'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
