#!/usr/bin/env python3
"""report_bold.py: are the indicator headings (1.1–5.3) of a 申报书 set
bold? The engine's bold is synthetic (the glyphs stroked as paths, no
Bold face), so it shows in the ink, not in the text layer: each line is
rendered with pdftoppm at 72 dpi (1 px = 1 pt) and its darkness per
character compared with the body line below it.

Usage: report_bold.py PDF STEXT.xml
Prints PASS/FAIL lines and an INFO line with the ratios.
"""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from typeset_stext import BODY, load  # noqa: E402

INDICATOR = re.compile(r"^[1-5]\.[1-9] ")


def ink(pdf, page, l):
    """Darkness (0..255 summed) per character of line l on page."""
    x, y = int(l.x0), int(l.y - 0.88 * BODY)
    w, h = int(l.x1 - l.x0) + 1, int(BODY) + 2
    pgm = subprocess.run(
        ["pdftoppm", "-r", "72", "-gray", "-f", str(page), "-l", str(page),
         "-x", str(x), "-y", str(y), "-W", str(w), "-H", str(h), pdf],
        capture_output=True, check=True).stdout
    # P5 header: magic, width, height, maxval, then the bytes
    parts = pgm.split(b"\n", 3)
    return sum(255 - b for b in parts[3]) / max(1, len(l.text.strip()))


def main():
    pdf, pages = sys.argv[1], load(sys.argv[2])
    ratios = []
    for i, pg in enumerate(pages, 1):
        # body pages only: the contents lists the headings without bold
        if not any(re.fullmatch(r"— \d+ —", l.text) for l in pg["lines"]):
            continue
        ls = [l for l in pg["lines"] if l.size == BODY]
        for l, nx in zip(ls, ls[1:]):
            if INDICATOR.match(l.text) and not INDICATOR.match(nx.text):
                ratios.append((ink(pdf, i, l) / ink(pdf, i, nx), i,
                               l.text[:8]))
    weak = [r for r in ratios if r[0] < 1.2]
    print("INFO %d indicator headings, ink per character vs the next line "
          "%.2f–%.2f" % (len(ratios), min(ratios)[0] if ratios else 0,
                          max(ratios)[0] if ratios else 0))
    print("%s indicator headings 1.1–5.3 set bold (≥ 1.2 × the ink of "
          "body text): %d of %d; weak %s"
          % ("PASS" if len(ratios) >= 15 and not weak else "FAIL",
             len(ratios) - len(weak), len(ratios), weak[:3]))


if __name__ == "__main__":
    main()
