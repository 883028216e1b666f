#!/bin/sh
# End-to-end: `shenbao charts --lang en` and `deck --lang en` on the
# bundled sample (platform-2023, whose charts_en.csv translates every
# label). Every SVG <text> is free of Han characters except the names in
# the data kept as declared: the killer APPs' names (killer-*) and the
# enterprises' (top-customers), where each Han label must be one of the
# list's names. Each English title carries the same numbers as the
# Chinese one (万/亿 against k/M/B, compared as values within the
# rounding of both). The deck's title slide is English; --lang xx is a
# usage error (exit 2) naming zh and en; an edition without a glossary
# (platform-2020) still draws, in Chinese, and says so once.
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP
S=inputs/sample

"$SHENBAO" charts -o "$T/zh" "$S" > /dev/null 2>&1
"$SHENBAO" charts --lang en -o "$T/en" "$S" > "$T/out.txt" 2> "$T/err.txt"
check_eq "charts --lang en: exit 0" "$?" 0
check_grep "charts --lang en: 24 charts" '^24 charts written' "$T/out.txt"
check_no_grep "charts --lang en: nothing untranslated" 'no English' "$T/err.txt"

check_eq "charts --lang en: Han only in the names of the data" "$(python3 - "$S" "$T/en" <<'PY'
import sys, re, glob, html, csv, os
S, d = sys.argv[1:]
bad = []
for f in sorted(glob.glob(f'{d}/*.svg')):
    cid = os.path.basename(f)[:-4]
    s = open(f, encoding='utf-8').read()
    for t in re.findall(r'<text[^>]*>(.*?)</text>', s, re.S):
        t = html.unescape(re.sub('<[^>]+>', '', t))
        if re.search(r'[\u4e00-\u9fff]', t) and cid not in ('killer-revenue', 'killer-subscriptions', 'top-customers'):
            bad.append(f'{cid}: {t}')
print(bad if bad else 'ok')
PY
)" "ok"

check_eq "charts --lang en: the Han labels are names from the lists" "$(python3 - "$S" "$T/en" <<'PY'
import sys, re, glob, html, csv, os
S, d = sys.argv[1:]
text = ''
for f in glob.glob(f'{S}/annex/*.csv'):
    text += open(f, encoding='utf-8-sig', errors='replace').read()
bad = []
for cid in ('killer-revenue', 'killer-subscriptions', 'top-customers'):
    s = open(f'{d}/{cid}.svg', encoding='utf-8').read()
    for t in re.findall(r'<text[^>]*>(.*?)</text>', s, re.S):
        t = html.unescape(re.sub('<[^>]+>', '', t))
        for run in re.findall(r'[\u4e00-\u9fff][\u4e00-\u9fff0-9A-Za-z]*', t):
            if run.rstrip('…') not in text:
                bad.append(f'{cid}: {run}')
print(bad if bad else 'ok')
PY
)" "ok"

check_eq "charts --lang en: titles carry the Chinese titles' numbers" "$(python3 - "$T/zh" "$T/en" <<'PY'
import sys, re, glob, html, os
zh, en = sys.argv[1:]
def title(f):
    s = open(f, encoding='utf-8').read()
    return html.unescape(re.sub('<[^>]+>', '', re.findall(r'<text[^>]*>(.*?)</text>', s, re.S)[0]))
def nums(t, units):
    out = []
    # a band such as 20–50 is a category, not a number of the data
    for m in re.finditer(r'(?<![–\d.,])(\d[\d,]*(?:\.\d+)?)(?![\d.,]*–)(%|万|亿|k|M|B)?', t):
        if t[m.end():m.end() + 1] == '–' or t[max(m.start() - 1, 0):m.start()] == '–':
            continue
        v = float(m.group(1).replace(',', ''))
        u = m.group(2) or ''
        if u == '%':
            continue
        out.append(v * units.get(u, 1))
    return out
bad = []
for f in sorted(glob.glob(f'{zh}/*.svg')):
    cid = os.path.basename(f)
    a = nums(title(f), {'万': 1e4, '亿': 1e8})
    b = nums(title(f'{en}/{cid}'), {'k': 1e3, 'M': 1e6, 'B': 1e9})
    pa = re.findall(r'\d+\.\d%', title(f)); pb = re.findall(r'\d+\.\d%', title(f'{en}/{cid}'))
    # the zh titles hold years such as 2021年 and bands 20–50 too: every
    # zh number must be found in the en title within both roundings
    miss = [x for x in a if not any(abs(x - y) <= max(0.006 * abs(x), 0.5) for y in b)]
    if miss or sorted(pa) != sorted(pb):
        bad.append(f'{cid}: {title(f)} / {title(en + "/" + cid)}')
print(bad if bad else 'ok')
PY
)" "ok"

check_grep "charts --lang en: English month labels" '>Jan 2020<' "$T/en/devices-growth.svg"
check_grep "charts --lang en: provinces in English" '>Jiangsu<' "$T/en/customers-map.svg"

"$SHENBAO" deck --lang en -o "$T/deck.pdf" "$S" > /dev/null 2> "$T/deck_err.txt"
check_eq "deck --lang en: exit 0" "$?" 0
pdftotext -f 1 -l 1 "$T/deck.pdf" "$T/p1.txt"
check_grep "deck --lang en: English title slide" '^Data as of 2023-05-31' "$T/p1.txt"
check_grep "deck --lang en: the kind of declaration in English" 'industrial internet platform' "$T/p1.txt"
pdftotext -f 3 -l 3 "$T/deck.pdf" "$T/p3.txt"
check_grep "deck --lang en: footer names the indicator" '| Indicator 1\.' "$T/p3.txt"

"$SHENBAO" charts --lang xx -o "$T/xx" "$S" > /dev/null 2> "$T/xx.txt"
check_eq "charts --lang xx: usage error" "$?" 2
check_grep "charts --lang xx: names the valid ones" 'one of zh, en, not "xx"' "$T/xx.txt"
"$SHENBAO" deck --lang xx -o "$T/xx.pdf" "$S" > /dev/null 2> "$T/xx2.txt"
check_eq "deck --lang xx: usage error" "$?" 2

"$SHENBAO" charts --lang en -o "$T/p20" inputs/platform-2020 > /dev/null 2> "$T/p20.txt"
check_eq "charts --lang en without a glossary: exit 0" "$?" 0
check_eq "charts --lang en without a glossary: said once" "$(grep -c 'no English for' "$T/p20.txt")" 1
finish
