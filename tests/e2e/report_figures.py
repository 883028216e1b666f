"""Measures of the 申报书's figures and form tables (issue 13 item 15),
taken from the PDF as a reviewer sees it.

report_figures.py figures PDF CHARTS.CSV
    "order True|False", then a line per caption "图N cited|NOT CITED
    under X.Y[ not Z.W]": N counts 1, 2, 3 … in reading order; the body
    cites each (见图N) before its caption; a chart of charts.csv whose
    options say indicator=Z.W sits under the heading Z.W.
report_figures.py sources PDF
    the smallest height in pt of a chart's source line (数据来源…):
    pdftotext -bbox gives a word's box as tall as its type size.
report_figures.py padding PDF TMPDIR
    the least gap in pt between a word of the form's first table (企业
    基本信息) and the nearest ink left, right, above or below it: the
    cell border, on the page rendered at 288 dpi.
"""
import csv
import os
import re
import subprocess
import sys


def text(pdf, *args):
    return subprocess.run(['pdftotext', *args, pdf, '-'], capture_output=True,
                          text=True, check=True).stdout


def words(pdf, *args):
    return [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in
            re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                       r'yMax="([\d.]+)">([^<]*)<',
                       text(pdf, '-bbox', *args))]


def figures(pdf, charts):
    ind = {}
    for r in csv.DictReader(open(charts, encoding='utf-8-sig')):
        m = re.search(r'indicator=([0-9.]+)', r['options'])
        if m:
            ind[r['title']] = m.group(1)
    lines = [l.strip() for l in text(pdf).split('\n')]
    # the body starts at the second "1.1 …" (the first is the contents)
    # and ends where the numbers start again (the 细分目录)
    first = [i for i, l in enumerate(lines) if re.match(r'1\.1 \S', l)][1]
    cur, seen, cited, out = None, [], set(), []
    for l in lines[first:]:
        m = re.match(r'([1-5]\.[1-5]) \S', l)
        if m:
            if cur is not None and m.group(1) < cur:
                break
            cur = m.group(1)
        cited.update(int(n) for n in re.findall(r'见图(\d+)', l))
        m = re.match(r'图(\d+) (.+)$', l)
        if m:
            n, want = int(m.group(1)), ind.get(m.group(2))
            seen.append(n)
            out.append(f"图{n} {'cited' if n in cited else 'NOT CITED'} "
                       f"under {cur}"
                       f"{'' if want in (None, cur) else ' not ' + want}")
    print('order', seen == list(range(1, len(seen) + 1)))
    print('\n'.join(out))


def sources(pdf):
    h = [y2 - y1 for x1, y1, x2, y2, w in words(pdf)
         if w.startswith('数据来源')]
    print(f'{len(h)} {min(h):.2f}' if h else '0 -')


def padding(pdf, tmp):
    page = next(p for p in range(1, 60)
                if '组织机构代码' in text(pdf, '-f', str(p), '-l', str(p)))
    ws = words(pdf, '-f', str(page), '-l', str(page))
    top = min(w[1] for w in ws if w[4] == '企业基本信息')
    end = min(w[1] for w in ws if w[1] > top and '企业简介' in w[4] or
              w[4] == '（一）申报单位情况介绍')
    cells = [w for w in ws if top <= w[1] < end]
    s = 4  # px per pt at 288 dpi
    subprocess.run(['pdftoppm', '-f', str(page), '-l', str(page), '-r', '288',
                    '-gray', pdf, os.path.join(tmp, 'pad')], check=True)
    name = next(x for x in os.listdir(tmp) if x.startswith('pad'))
    data = open(os.path.join(tmp, name), 'rb').read()
    m = re.match(rb'P5\s+(\d+)\s+(\d+)\s+\d+\s', data)
    width, height = int(m.group(1)), int(m.group(2))
    px = data[m.end():]

    def gap(x0, y0, dx, dy):
        for k in range(1, 40 * s):
            x, y = x0 + k * dx, y0 + k * dy
            if 0 <= x < width and 0 <= y < height and px[y * width + x] < 128:
                return k / s
        return 40

    worst = 40.0
    for x1, y1, x2, y2, w in cells:
        xm, ym = int((x1 + x2) / 2 * s), int((y1 + y2) / 2 * s)
        worst = min(worst, gap(int(x2 * s) + 1, ym, 1, 0),
                    gap(int(x1 * s) - 1, ym, -1, 0),
                    gap(xm, int(y1 * s) - 1, 0, -1),
                    gap(xm, int(y2 * s) + 1, 0, 1))
    print(f'{len(cells)} {worst:.1f}')


if __name__ == '__main__':
    {'figures': figures, 'sources': sources,
     'padding': padding}[sys.argv[1]](*sys.argv[2:])
