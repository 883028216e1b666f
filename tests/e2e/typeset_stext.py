#!/usr/bin/env python3
"""typeset_stext.py: measure a PDF of the typesetting engine from
`mutool draw -F stext` and `mutool show … outline` output.

Usage: typeset_stext.py STEXT.xml OUTLINE.txt
(report_stext.py imports its reader: load(), Line and the geometry.)

Prints one line per check, "PASS name: detail" or "FAIL name: detail",
and "INFO …" lines with the measurements. Geometry is GB/T 9704-2012 as
the engine sets it (reports/typeset.h): A4, 版心 156 × 225 mm, top 37 mm,
binding 28 mm mirrored on even pages, 22 lines × 28 字 of 16 pt body.
"""
import re
import sys
import xml.etree.ElementTree as ET

MM = 72 / 25.4
TEXT_W = 156 * MM
TOP = 37 * MM
BOTTOM = TOP + 225 * MM
BODY = 16.0
LINES, CHARS = 22, 28
PITCH = (225 * MM - BODY) / (LINES - 1)
TRACK = (TEXT_W - CHARS * BODY) / (CHARS - 1)
CELL = BODY + TRACK
FIRST_BASE = TOP + 0.88 * BODY
LEFT = {1: 28 * MM, 0: (210 - 28 - 156) * MM}  # by page parity

CLOSERS = set("，。、；：？！）》」』】〉”’…%")
OPENERS = set("（《「『【〈“‘")
# full-width punctuation that may give half its em (reports/typeset/
# linebreak.h): two squeezed marks inside a line make room for one 字
SQUEEZE = set("，。、；：）》」』】〕〗〙〉”’（《「『【〔〖〘〈“‘")
NUM1 = re.compile(r"^[一二三四五六七八九十]+、")
NUM2 = re.compile(r"^（[一二三四五六七八九十]+）")
NUM3 = re.compile(r"^\d+\.")
NUM4 = re.compile(r"^（\d+）")

results = []


def check(name, ok, detail=""):
    results.append(("PASS" if ok else "FAIL", name, detail))


def info(text):
    print("INFO " + text)


class Line:
    """Characters of one page on one baseline, left to right."""

    def __init__(self, chars):
        self.y = sum(c["y"] for c in chars) / len(chars)
        self.chars = sorted(chars, key=lambda c: c["x0"])
        self.text = "".join(c["c"] for c in self.chars)
        self.x0 = self.chars[0]["x0"]
        self.x1 = self.chars[-1]["x1"]
        self.font = self.chars[0]["font"]
        self.size = self.chars[0]["size"]

    def segments(self, gap):
        """Runs of characters separated by more than gap pt."""
        segs, cur = [], [self.chars[0]]
        for c in self.chars[1:]:
            if c["x0"] - cur[-1]["x1"] > gap:
                segs.append(cur)
                cur = []
            cur.append(c)
        segs.append(cur)
        return ["".join(c["c"] for c in s).strip() for s in segs]


def load(path):
    pages = []
    for page in ET.parse(path).getroot().iter("page"):
        chars = []
        for font in page.iter("font"):
            name = font.get("name")
            size = float(font.get("size"))
            for ch in font.iter("char"):
                q = [float(v) for v in ch.get("quad").split()]
                chars.append({"c": ch.get("c"), "font": name, "size": size,
                              "x0": q[0], "x1": q[2],
                              "y": float(ch.get("y"))})
        rows = {}
        for c in chars:
            key = (round(c["y"] * 2) / 2, c["size"])
            rows.setdefault(key, []).append(c)
        lines = sorted((Line(v) for v in rows.values()),
                       key=lambda l: (l.y, l.x0))
        pages.append({"w": float(page.get("width")),
                      "h": float(page.get("height")), "lines": lines})
    return pages


def is_wide(ch):
    return ord(ch) >= 0x2E80 or ch in "“”‘’…—·"


def main():
    pages = load(sys.argv[1])
    outline = open(sys.argv[2], encoding="utf-8").read().splitlines()
    n = len(pages)

    # page numbers: "— n —" in FandolSong 14 pt; body pages are those
    dash = {}
    for i, pg in enumerate(pages, 1):
        for l in pg["lines"]:
            m = re.fullmatch(r"— (\d+) —", l.text)
            if m and l.size == 14:
                dash[i] = (int(m.group(1)), l)
    body = sorted(dash)
    check("page numbers present", len(body) >= 10,
          "%d pages numbered — n —" % len(body))
    seq = [dash[i][0] for i in body]
    check("page numbers run 1, 2, 3 …", seq == list(range(1, len(seq) + 1)),
          "first %s" % seq[:5])
    bad = []
    for i in body:
        num, l = dash[i]
        left = LEFT[i % 2]
        em_top = l.y - 0.88 * 14
        right_ok = abs(l.x1 - (left + TEXT_W - 14)) <= 1
        left_ok = abs(l.x0 - (left + 14)) <= 1
        if (l.font != "FandolSong-Regular" or abs(em_top - (BOTTOM + 7 * MM)) > 1
                or not (right_ok if i % 2 else left_ok)):
            bad.append(i)
    check("page number 14pt FandolSong, 7 mm below the 版心, outer edge "
          "inset 1 字", not bad, "bad pages %s" % bad[:5])
    i = body[0]
    info("page number: em top %.2f pt (版心 bottom %.2f + 7 mm = %.2f); "
         "odd right edge %.2f (版心 right − 14 = %.2f)"
         % (dash[i][1].y - 0.88 * 14, BOTTOM, BOTTOM + 7 * MM, dash[i][1].x1,
            LEFT[1] + TEXT_W - 14))

    # body lines: 16 pt text on numbered pages
    grid_bad, first_tops, left_bad, right_bad = [], [], [], []
    full_pages, pitches, starts = 0, [], {0: [], 1: []}
    cells = {}
    nonfull_bad, overfull = [], []
    body_lines = []  # (page, line) in order
    for i in body:
        left = LEFT[i % 2]
        ls = [l for l in pages[i - 1]["lines"] if l.size == BODY]
        for l in ls:
            k = (l.y - FIRST_BASE) / PITCH
            if abs(k - round(k)) * PITCH > 0.1:
                grid_bad.append((i, round(l.y, 2)))
            if l.x0 < left - 0.5 or l.x1 > left + TEXT_W + 1:
                (left_bad if l.x0 < left - 0.5 else right_bad).append(i)
            if abs(l.x0 - left) <= 0.5:
                starts[i % 2].append(l.x0)
            body_lines.append((i, l))
        if ls and abs(ls[0].y - FIRST_BASE) < 1:
            first_tops.append(ls[0].y - 0.88 * BODY)
        ys = [l.y for l in ls]
        if len(ys) == LINES:
            full_pages += 1
            pitches += [b - a for a, b in zip(ys, ys[1:])]
    check("every 16 pt line on the grid (pitch %.4f pt) ±0.1 pt" % PITCH,
          not grid_bad, "off grid: %s" % grid_bad[:5])
    check("first line em top at 37 mm ±1 mm",
          first_tops and all(abs(t - TOP) <= MM for t in first_tops),
          "%d pages, em tops %.3f…%.3f pt (37 mm = %.3f)"
          % (len(first_tops), min(first_tops), max(first_tops), TOP))
    check("full pages hold 22 lines at one pitch ±0.1 pt",
          full_pages >= 5 and all(abs(p - PITCH) <= 0.1 for p in pitches),
          "%d full pages, pitch %.4f…%.4f" % (full_pages, min(pitches),
                                                max(pitches)))
    info("full pages: %d with %d lines; pitch min %.4f max %.4f pt"
         % (full_pages, LINES, min(pitches), max(pitches)))
    check("left edge 28 mm on odd pages, mirrored on even",
          starts[1] and starts[0] and not left_bad,
          "odd %.3f (28 mm = %.3f), even %.3f (26 mm = %.3f)"
          % (min(starts[1]), LEFT[1], min(starts[0]), LEFT[0]))
    check("no glyph right of the 版心 (+1 pt)", not right_bad,
          "pages %s" % right_bad[:5])

    # full lines: a line followed by a continuation line (no indent)
    for (i, l), (j, nx) in zip(body_lines, body_lines[1:]):
        left = LEFT[i % 2]
        cont = abs(nx.x0 - LEFT[j % 2]) <= 0.5 and nx.font == l.font
        same = (j == i and abs(nx.y - l.y - PITCH) < 0.2) or \
               (j == i + 1 and abs(nx.y - FIRST_BASE) < 0.2)
        if not (cont and same) or l.font == "FandolSong-Regular":
            continue
        if abs(l.x1 - (left + TEXT_W)) > 1:
            nonfull_bad.append((i, l.text[:12], round(l.x1 - left, 2)))
        if all(is_wide(c) for c in l.text):
            indent = round((l.x0 - left) / CELL)
            c = len(l.text) + indent
            cells[c] = cells.get(c, 0) + 1
            sq = sum(1 for ch in l.text[1:-1] if ch in SQUEEZE)
            if c > CHARS and 2 * (c - CHARS) > sq:
                overfull.append((i, l.text[:10], c, sq))
    check("full lines end at the 版心's right edge ±1 pt", not nonfull_bad,
          "%s" % nonfull_bad[:3])
    # 避头尾 or the paragraph's total fit moves one character down (27),
    # two when a pair such as "…）" or "供……" must move together (26);
    # more than 28 only where punctuation inside the line was squeezed
    n_full = sum(cells.values())
    check("full CJK lines hold 28 字 (26–27 when a 字 moves down, more "
          "only by squeezed punctuation)",
          cells and min(cells) >= 26 and not overfull
          and cells.get(28, 0) >= 0.8 * n_full,
          "字 per line: %s; overfull %s" % (dict(sorted(cells.items())),
                                           overfull[:3]))
    info("full CJK lines: %s (字 incl. indent: count)"
         % dict(sorted(cells.items())))

    # 避头尾 on every 16 pt line of the document
    viol = []
    all16 = [(i, l) for i, pg in enumerate(pages, 1) for l in pg["lines"]
             if l.size == BODY]
    for (i, l), (j, nx) in zip(all16, all16[1:] + [(0, None)]):
        t = l.text.strip()
        if not t:
            continue
        if t[0] in CLOSERS or t[-1] in OPENERS or t[-1] == "/" or t[0] == "/":
            viol.append((i, t[:6] + "…" + t[-4:]))
        for ch in "—…":
            trail = len(t) - len(t.rstrip(ch))
            lead = len(t) - len(t.lstrip(ch))
            if trail % 2 or lead % 2:
                viol.append((i, t[:6] + "…" + t[-4:]))
    check("避头尾: no line starts with ，。、；：？！）》」』】〉”’…% or ends "
          "with （《「『【〈“‘, —— …… 台/套 never split", not viol,
          "%d lines checked; %s" % (len(all16), viol[:3]))

    # headings in their faces
    hfaces, hbad = {}, []
    for i in body:
        for l in pages[i - 1]["lines"]:
            if l.size != BODY:
                continue
            t = l.text
            want = ("FandolHei-Regular" if NUM1.match(t) else
                    "FandolKai-Regular" if NUM2.match(t) else
                    "FandolFang-Regular" if NUM3.match(t) or NUM4.match(t)
                    else None)
            if want:
                hfaces[want] = hfaces.get(want, 0) + 1
                if l.font != want:
                    hbad.append((i, t[:8], l.font))
    check("headings 一、 黑体, （一） 楷体, 1. and （1） 仿宋",
          not hbad and len(hfaces) == 3, "%s %s" % (hfaces, hbad[:3]))

    # TOC entries: text … number at the right edge
    printed = {}  # heading text -> printed page number
    for i in body:
        for l in pages[i - 1]["lines"]:
            printed.setdefault(l.text, dash[i][0])
    toc, toc_bad = 0, []
    for i, pg in enumerate(pages, 1):
        for l in pg["lines"]:
            segs = l.segments(3 * BODY)
            if l.size != BODY or len(segs) != 2 or not segs[1].isdigit():
                continue
            toc += 1
            if printed.get(segs[0]) != int(segs[1]):
                toc_bad.append((segs[0], segs[1], printed.get(segs[0])))
    check("TOC entries print the page their heading is on", toc >= 10
          and not toc_bad, "%d entries; wrong %s" % (toc, toc_bad[:3]))

    # outline mirrors the headings: title on its page, depth by numbering
    obad, depth_of = [], {1: NUM1, 2: NUM2, 3: NUM3, 4: NUM4}
    entries = 0
    for row in outline:
        m = re.match(r'^[|+-](\t*)"(.*)"\t#page=(\d+)', row)
        if not m:
            continue
        entries += 1
        depth, title, page = len(m.group(1)), m.group(2), int(m.group(3))
        texts = [l.text for l in pages[page - 1]["lines"]]
        pat = depth_of.get(depth)
        if title not in texts or (pat and not pat.match(title)
                                  and not title.startswith(("附件", "证明"))):
            obad.append((depth, title, page))
    check("PDF outline mirrors the headings (text on its page, depth)",
          entries >= 10 and not obad, "%d entries; bad %s" % (entries,
                                                              obad[:3]))

    # tables: the header row (黑体) opens every page with table rows (宋体)
    tpages, tbad = 0, []
    for i, pg in enumerate(pages, 1):
        ls = [l for l in pg["lines"] if l.size == 10.5 and
              l.font in ("FandolSong-Regular", "FandolHei-Regular")
              and not l.text.startswith(("第 ", "附件"))]
        if not any(l.font == "FandolSong-Regular" for l in ls):
            continue
        tpages += 1
        head = [l.text for l in ls if l.y <= ls[0].y + 2 * 1.3 * 10.5 + 1]
        if not any(t.startswith("序号") for t in head):
            tbad.append((i, ls[0].text[:10]))
    check("table header row repeated on every page of a table",
          tpages >= 5 and not tbad, "%d pages; bad %s" % (tpages, tbad[:3]))

    # landscape volume pages: 第 n 页 共 N 页
    land = [i for i, pg in enumerate(pages, 1) if pg["w"] > pg["h"]]
    got = []
    for i in land:
        for l in pages[i - 1]["lines"]:
            m = re.fullmatch(r"第 (\d+) 页 共 (\d+) 页", l.text)
            if m:
                got.append((int(m.group(1)), int(m.group(2))))
    check("landscape pages numbered 第 n 页 共 N 页",
          land and got == [(k, len(land)) for k in range(1, len(land) + 1)],
          "%d landscape pages, %s…" % (len(land), got[:2]))

    for r in results:
        print("%s %s: %s" % r)
    info("pages %d, body pages %d" % (n, len(body)))


if __name__ == "__main__":
    main()
