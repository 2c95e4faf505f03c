#!/usr/bin/env python3
"""Cuts Noto Sans CJK SC down to the characters Keruen needs: assets/fonts/NotoSansSC-Keruen.otf.

What goes in: GB2312 level 1 (the 3,755 most common simplified characters, lead bytes
0xB0-0xD7), every character of the termbase source (db/termbase/*.toml) and of the interface
strings (assets/i18n/*.ftl), plus CJK punctuation. Run it again whenever those change; a test
fails when a character has no glyph.

Needs: apt-get install fonts-noto-cjk; pip install fonttools.
Usage: python3 assets/fonts/make_subset.py
"""

import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
SOURCE = pathlib.Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
FACE_SC = 2  # face index of "Noto Sans CJK SC" in the collection
OUT = ROOT / "assets" / "fonts" / "NotoSansSC-Keruen.otf"


def gb2312_level1():
    chars = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes([lead, trail]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def project_chars():
    files = list((ROOT / "db" / "termbase").glob("*.toml")) + list((ROOT / "assets" / "i18n").glob("*.ftl"))
    return {c for path in files for c in path.read_text(encoding="utf-8") if ord(c) > 0x2E7F}


def main():
    level1 = gb2312_level1()
    extra = project_chars() - level1
    punctuation = set("，。、；：？！“”‘’（）《》【】…—·「」『』〔〕")
    # Symbols the window draws in its own code (src/ui), outside the fonts egui ships.
    symbols = set("→←↑↓■□●○✓")
    chars = sorted(level1 | extra | punctuation | symbols)
    print(f"GB2312 level 1: {len(level1)}; from the termbase and interface beyond it: {len(extra)}; total {len(chars)}")
    subprocess.run([
        "pyftsubset", str(SOURCE), f"--font-number={FACE_SC}", f"--output-file={OUT}",
        "--unicodes=" + ",".join(f"U+{ord(c):04X}" for c in chars),
        "--layout-features=*", "--no-hinting", "--desubroutinize", "--name-IDs=*", "--name-languages=*",
    ], check=True)
    print(f"wrote {OUT.relative_to(ROOT)}: {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    sys.exit(main())
