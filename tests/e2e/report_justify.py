#!/usr/bin/env python3
"""report_justify.py: letter-spacing between Han characters in the body
of a 申报书, measured from `mutool draw -F stext` output.

Usage: report_justify.py STEXT.xml

Body lines are the 16 pt lines of the pages numbered "— n —" (the cover,
with its spread labels, the pledge and the contents are not numbered).
Each line's characters are taken left to right; the gap between two
neighbouring Han characters is the next one's left edge minus this one's
right edge, in em of the line's size (the grid's condensing makes it
slightly negative). Justification as W3C clreq / JLREQ do it puts a
line's slack into compressed punctuation, the Han–Latin boundaries and
gaps next to punctuation before it spreads Han characters apart.

Checks: at least 99.5 % of body lines have no Han–Han gap over 0.05 em,
no line has one over 0.15 em. Prints PASS/FAIL lines and INFO lines with
the figures and the loosest lines.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from typeset_stext import BODY, load  # noqa: E402

LOOSE, WORST = 0.05, 0.15


def is_han(ch):
    o = ord(ch)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or o >= 0x20000


def main():
    pages = load(sys.argv[1])
    lines = []
    for i, pg in enumerate(pages, 1):
        if not any(re.fullmatch(r"— \d+ —", l.text) and l.size == 14
                   for l in pg["lines"]):
            continue
        for l in pg["lines"]:
            if l.size != BODY:
                continue
            gaps = [(b["x0"] - a["x1"]) / l.size
                    for a, b in zip(l.chars, l.chars[1:])
                    if is_han(a["c"]) and is_han(b["c"])]
            lines.append((max(gaps) if gaps else 0.0, i, l.text))
    n = len(lines)
    tight = sum(1 for g, _, _ in lines if g <= LOOSE)
    over = [x for x in lines if x[0] > WORST]
    worst = max(lines) if lines else (0, 0, "")
    share = 100.0 * tight / n if n else 0
    print("INFO %d body lines, %.1f %% without a Han–Han gap over %.2f em, "
          "%d over %.2f em, worst %.3f em (page %d: %s)"
          % (n, share, LOOSE, len(over), WORST, worst[0], worst[1],
             worst[2][:20]))
    for g, i, t in sorted(lines, reverse=True)[:5]:
        if g > LOOSE:
            print("INFO loose: %.3f em, page %d: %s" % (g, i, t[:28]))
    print("%s body lines without letter-spacing between Han characters "
          "≥ 99.5 %%: %.1f %% of %d" % ("PASS" if n >= 20 and share >= 99.5
                                      else "FAIL", share, n))
    print("%s no Han–Han gap over %.2f em: %d lines, worst %.3f em"
          % ("PASS" if not over else "FAIL", WORST, len(over), worst[0]))


if __name__ == "__main__":
    main()
