#!/bin/sh
# End-to-end: `shenbao deck` on the bundled sample. A 16:9 PDF: a title
# slide and one slide a chart written by `shenbao charts`; the slides in
# the order of the indicators charts.csv gives; on every slide the
# platform's name, found here independently (edition.csv names the
# field by its role, form.csv holds the value); the same bytes twice.
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP
S=inputs/sample
E=pipeline/forms/platform-2023

"$SHENBAO" deck -o "$T/deck.pdf" "$S" > "$T/out.txt"
check_eq "deck: exit 0" "$?" 0
check_grep "deck: 25 slides said" '^25 slides written' "$T/out.txt"
pdfinfo "$T/deck.pdf" > "$T/info.txt"
check_grep "deck: 25 pages" '^Pages: *25$' "$T/info.txt"
check_grep "deck: 16:9 pages, 960 x 540 pt" '^Page size: *960 x 540 pts' "$T/info.txt"
check "deck: no creation date" sh -c "! grep -q CreationDate '$T/info.txt'"

check_eq "deck: platform on every slide, indicators in order, title slide" "$(python3 - "$S" "$E" "$T/deck.pdf" <<'PY'
import sys, csv, subprocess, re
S, E, pdf = sys.argv[1:]
role = dict(csv.reader(open(f'{E}/edition.csv', encoding='utf-8')))
form = {r[0]: r[2] for r in csv.reader(open(f'{S}/form.csv', encoding='utf-8-sig'))}
platform, company = form[role['platform']], form[role['company']]
charts = list(csv.DictReader(open(f'{E}/charts.csv', encoding='utf-8')))
def ind(c):
    m = re.search(r'indicator=([\d.]+)', c['options'])
    return tuple(map(int, m.group(1).split('.'))) if m else (99,)
# an overview (the dashboard) right after the title slide, then the rest
over = [c['title'] for c in charts if re.search(r'(^|;)overview(;|$)', c['options'])]
want = sorted(ind(c) for c in charts if c['title'] not in over)
pages = subprocess.run(['pdftotext', '-layout', pdf, '-'], capture_output=True,
                       text=True).stdout.split('\f')[:-1]
bad = []
if platform not in pages[0] or company not in pages[0]:
    bad.append('title slide')
for i, p in enumerate(pages):
    if platform not in p or f'{i + 1} / {len(pages)}' not in p:
        bad.append(f'footer of slide {i + 1}')
if len(over) != 1 or over[0] not in pages[1] or '指标1.1' in pages[1]:
    bad.append(f'overview {over}')
got = [tuple(map(int, re.search(r'指标([\d.]+)', p).group(1).split('.')))
       for p in pages[2:]]
if got != want:
    bad.append(f'order {got}')
print(bad or 'ok')
PY
)" ok

"$SHENBAO" deck -o "$T/deck2.pdf" "$S" > /dev/null
check "deck: deterministic" cmp "$T/deck.pdf" "$T/deck2.pdf"

# Every slide's text at 28 px or more at 1920 px wide, 14 pt on the
# 960 pt page: pdftotext -bbox gives each word a box as high as its
# font size.
check_eq "deck: no text under 14 pt" "$(pdftotext -bbox "$T/deck.pdf" - | python3 -c "
import sys, re
small = [m for m in re.finditer(r'yMin=\"([\d.]+)\" xMax=\"[\d.]+\" yMax=\"([\d.]+)\">([^<]*)<', sys.stdin.read())
         if float(m.group(2)) - float(m.group(1)) < 13.99]
print(len(small), [m.group(3) for m in small[:5]])
")" "0 []"
finish
