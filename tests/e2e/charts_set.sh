#!/bin/sh
# End-to-end: `shenbao charts` on the bundled sample. Each chart's CSV
# must equal the aggregate it was drawn from, computed here again
# independently from the annex CSV files and form.csv (python3); the
# titles and labels must be in the PDF text; the same input must give
# the same bytes.
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP
S=inputs/sample

"$SHENBAO" charts -o "$T/c1" "$S" > "$T/out.txt"
check_eq "charts: exit 0" "$?" 0
check_grep "charts: all 24 written" '^24 charts written' "$T/out.txt"
for id in devices-by-class devices-by-cloud models-by-class apps-by-domain \
    apps-source-mode enterprises-by-industry service-amounts \
    developers-over-time solutions-matrix killer-subscriptions \
    killer-revenue finance-by-year platform-finance devices-growth \
    enterprises-growth enterprises-paying top-customers amounts-by-year \
    tech-ip parks-served sme-by-year standards customers-map dashboard; do
    for ext in png @2x.png svg pdf csv; do
        case $ext in @*) f=$T/c1/$id$ext ;; *) f=$T/c1/$id.$ext ;; esac
        check "charts: $id $ext written" test -s "$f"
    done
done

# The CSVs against aggregates computed from the lists and the form.
check_eq "charts: CSV data equal the lists' aggregates" "$(python3 - "$S" "$T/c1" <<'PY'
import csv, sys, collections, codecs
S, C = sys.argv[1], sys.argv[2]
def rows(name, enc='utf-8-sig'):
    with open(f'{S}/annex/{name}.csv', encoding=enc, newline='') as f:
        return list(csv.DictReader(f))
def chart(name):
    with open(f'{C}/{name}.csv', encoding='utf-8-sig', newline='') as f:
        r = list(csv.reader(f))
    return r[0], r[1:]
bad = []
def expect(what, got, exp):
    if got != exp:
        bad.append(f'{what}: got {got} expected {exp}')
# devices by class: every class, its count
dev = rows('devices')
h, r = chart('devices-by-class')
expect('devices-by-class', {x[0]: int(x[1]) for x in r},
       dict(collections.Counter(d['设备类别'] for d in dev)))
h, r = chart('devices-by-cloud')
expect('devices-by-cloud', {x[0]: int(x[1]) for x in r},
       dict(collections.Counter(d['连接方式'] for d in dev)))
mod = rows('models')
h, r = chart('models-by-class')
expect('models-by-class', {x[0]: int(x[1]) for x in r},
       dict(collections.Counter(d['模型类别'] for d in mod)))
apps = rows('apps')
h, r = chart('apps-by-domain')
expect('apps-by-domain', {x[0]: int(x[1]) for x in r},
       dict(collections.Counter(d['APP种类'] for d in apps)))
h, r = chart('apps-source-mode')
got = {(x[0], h[i].split('（')[0]): int(x[i]) for x in r for i in (1, 2)}
expect('apps-source-mode', got,
       dict(collections.Counter((d['APP来源'], d['开发方式']) for d in apps)))
ent = rows('enterprises')
h, r = chart('enterprises-by-industry')
# the chart behind "22 行业" shows all 22 of the enumeration, no 其他
cnt = collections.Counter(d['所属行业'] for d in ent)
with open('pipeline/forms/platform-2023/enums.csv', encoding='utf-8') as f:
    industries = [x['value'] for x in csv.DictReader(f) if x['enum'] == 'industry']
expect('enterprises: all 22 industries', (len(r), {x[0]: int(x[1]) for x in r}),
       (22, {i: cnt.get(i, 0) for i in industries}))
def band(x):
    if x == 0: return '0'
    if x < 1: return '0–1'
    lo = 1
    while lo * 10 <= x: lo *= 10
    if x < 2 * lo: return f'{lo}–{2*lo}'
    if x < 5 * lo: return f'{2*lo}–{5*lo}'
    return f'{5*lo}–{10*lo}'
h, r = chart('service-amounts')
expect('service-amounts', {x[0]: int(x[1]) for x in r},
       dict(collections.Counter(band(float(d['服务金额（万元）'])) for d in ent if d['是否付费'] == '是')))
devs = rows('developers')
h, r = chart('developers-over-time')
expect('developers cumulative last', int(r[-1][1]), len(devs))
months = collections.Counter(d['注册日期'][:7] for d in devs)
run = 0
for x in r:
    run += months.get(x[0], 0)
    if int(x[1]) != run:
        bad.append(f'developers {x[0]}: {x[1]} != {run}')
        break
sol = rows('solutions')
h, r = chart('solutions-matrix')
got = {(x[0], h[i]): int(x[i]) for x in r for i in range(1, len(h)) if int(x[i])}
expect('solutions-matrix', got,
       dict(collections.Counter((d['聚焦行业'], d['领域']) for d in sol)))
k = rows('killer_apps')
h, r = chart('killer-subscriptions')
expect('killer-subscriptions', [(x[0], int(x[1])) for x in r],
       sorted(((d['APP名称'], int(d['订阅数量'])) for d in k), key=lambda t: -t[1]))
h, r = chart('killer-revenue')
expect('killer-revenue', {x[0]: round(float(x[1])) for x in r},
       {d['APP名称']: round(float(d['近一年月均收入（万元）']) * 10000) for d in k})
form = {l[0]: l[2] for l in csv.reader(open(f'{S}/form.csv', encoding='utf-8'))}
h, r = chart('finance-by-year')
expect('finance-by-year', [[round(float(v)) for v in x[1:]] for x in r],
       [[round(float(form['rnd.main_revenue_2021']) * 1e4), round(float(form['rnd.spend_2021']) * 1e4)],
        [round(float(form['rnd.main_revenue_2022']) * 1e4), round(float(form['rnd.spend_2022']) * 1e4)]])
# The charts of issue 16 items 4-6: growth by month (cumulative), the
# province tile map from the USCC's digits 3-4 (GB/T 2260, every province
# a tile, zeros included), top customers, amounts by year, the SME amounts
# since 2021 (3.4), the figures of 2.1, 3.2 and 4.5 (led and only taking
# part stacked).
def cumulative(name, dates):
    h, r = chart(name)
    months = collections.Counter(d[:7] for d in dates)
    run, got, exp = 0, [], []
    y, m = map(int, min(months).split('-'))
    while f'{y:04d}-{m:02d}' <= max(months):
        run += months.get(f'{y:04d}-{m:02d}', 0)
        exp.append((f'{y:04d}-{m:02d}', run))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    expect(name, [(x[0], int(x[1])) for x in r], exp)
cumulative('devices-growth', [d['接入日期'] for d in rows('devices')])
cumulative('enterprises-growth', [d['服务开始日期'] for d in ent])
h, r = chart('enterprises-paying')
pay = collections.Counter(d['是否付费'] for d in ent)
expect('enterprises-paying', [(x[0], int(x[1])) for x in r],
       [('付费企业', pay['是']), ('未付费企业', pay['否'])])
amt = lambda d: float(d['服务金额（万元）'])
# amounts are drawn in 元 (the axis then says 万元 or 亿元, never 万万元)
yuan = lambda x: round(float(x) / 1e4, 2)
h, r = chart('top-customers')
top = sorted(ent, key=lambda d: -amt(d))[:10]
expect('top-customers', [(x[0], yuan(x[1])) for x in r],
       [(d['企业名称'], amt(d)) for d in top])
def by_year(sel):
    t = collections.defaultdict(float)
    for d in ent:
        if sel(d):
            t[d['服务开始日期'][:4]] += amt(d)
    return sorted((k, round(v, 2)) for k, v in t.items())
h, r = chart('amounts-by-year')
expect('amounts-by-year', [(x[0], yuan(x[1])) for x in r], by_year(lambda d: True))
h, r = chart('sme-by-year')
expect('sme-by-year', [(x[0], yuan(x[1])) for x in r],
       by_year(lambda d: d['企业规模'] in ('中型', '小型', '微型') and d['服务开始日期'] >= '2021-01-01'))
h, r = chart('tech-ip')
expect('tech-ip', [int(x[1]) for x in r], [int(form['tech.patents']), int(form['tech.software_copyrights'])])
h, r = chart('parks-served')
expect('parks-served', [int(x[1]) for x in r],
       [int(form[k]) for k in ('parks.served', 'parks.national', 'parks.provincial')])
h, r = chart('standards')
expect('standards', [(int(x[1]), int(x[2])) for x in r],
       [(int(form[f'standards.{k}_led']), int(form[f'standards.{k}']) - int(form[f'standards.{k}_led']))
        for k in ('national', 'industry', 'international')])
prov = list(csv.DictReader(open('pipeline/forms/provinces.csv', encoding='utf-8')))
cnt = collections.Counter(d['统一社会信用代码'][2:4] for d in ent)
h, r = chart('customers-map')
expect('customers-map', [(x[0], int(x[1])) for x in r], [(p['name'], cnt.get(p['code'], 0)) for p in prov])
expect('customers-map places every enterprise', sum(int(x[1]) for x in r), len(ent))
expect('one tile a place', len({(p['row'], p['col']) for p in prov}), len(prov))
print('\n'.join(bad) if bad else 'ok')
PY
)" "ok"

# The dashboard (item 7): one row an indicator of 1.1 … 5.3, in order;
# each declared figure as form.csv has it, what the list gives where a
# rule counts it (1.1-1.5: the list's rows, computed here), and the
# verdict. In a copy whose device total is off by one and whose model
# list is gone: 1.1 不一致 (the list's count beside it), 1.2 未核对.
dash() {
    python3 - "$1" "$2" <<'PY'
import sys, csv, re
S, C = sys.argv[1], sys.argv[2]
form = {l[0]: l[2] for l in csv.reader(open(f'{S}/form.csv', encoding='utf-8-sig'))}
with open(f'{C}/dashboard.csv', encoding='utf-8-sig', newline='') as f:
    r = list(csv.reader(f))
def num(s):
    m = re.match(r'([\d,.]+)(万?)', s)
    return float(m.group(1).replace(',', '')) * (1e4 if m.group(2) else 1) if m else None
def rows(name):
    try:
        with open(f'{S}/annex/{name}.csv', encoding='utf-8-sig', newline='') as f:
            return len(list(csv.DictReader(f)))
    except FileNotFoundError:
        return None
bad = []
ids = [x[0].split()[0] for x in r[1:]]
want = [f'{a}.{b}' for a, n in ((1, 5), (2, 3), (3, 5), (4, 5), (5, 3)) for b in range(1, n + 1)]
if r[0] != ['指标', '申报值', '清单值', '状态'] or ids != want:
    bad.append(f'rows {ids}')
for (field, annex), row in zip((('devices.total', 'devices'), ('models.total', 'models'),
                                ('apps.total', 'apps'), ('enterprises.registered', 'enterprises'),
                                ('developers.registered', 'developers')), r[1:6]):
    n = rows(annex)
    status = '未核对' if n is None else '一致' if n == int(form[field]) else '不一致'
    if num(row[1]) != int(form[field]) or (n is not None and num(row[2]) != n) or row[3] != status:
        bad.append(f'{row} against {form[field]}, {n} rows')
print(bad or [x[3] for x in r[1:3]])
PY
}
check_eq "charts: dashboard rows against form.csv and the lists" "$(dash "$S" "$T/c1")" "['一致', '一致']"

pdftotext "$T/c1/apps-by-domain.pdf" "$T/a.txt"
check_grep "charts: PDF title states the finding" '工业APP420个，覆盖9大领域' "$T/a.txt"
check_grep "charts: PDF category label" '供应链管理' "$T/a.txt"
check_grep "charts: PDF source line" '数据来源：附件3 工业APP清单，统计截至2023-05-31' "$T/a.txt"
pdffonts "$T/c1/finance-by-year.pdf" > "$T/f.txt"
check_grep "charts: PDF font embedded and subset" 'FandolHei-Regular +CID Type 0C +Identity-H +yes +yes +yes' "$T/f.txt"
pdftotext "$T/c1/finance-by-year.pdf" "$T/fy.txt"
check_grep "charts: money in 亿 on the axis title" '金额（亿元）' "$T/fy.txt"

# Titles state the finding (issue 16 item 3), filled from the data: each
# expected title computed here from the lists; the 30-day share is only
# today's (item 8), no panel draws a history the list cannot give.
check_eq "charts: titles state the finding" "$(python3 - "$S" "$T/c1" <<'PY'
import sys, csv, collections, datetime, xml.etree.ElementTree as ET
S, C = sys.argv[1], sys.argv[2]
def rows(name):
    with open(f'{S}/annex/{name}.csv', encoding='utf-8-sig', newline='') as f:
        return list(csv.DictReader(f))
def title(chart):
    return ET.parse(f'{C}/{chart}.svg').getroot().find('{http://www.w3.org/2000/svg}title').text
def n(v):
    return f'{v:,}'
bad = []
dev = collections.Counter(d['设备类别'] for d in rows('devices'))
top, v = dev.most_common(1)[0]
want = f'接入工业设备{n(sum(dev.values()))}台/套，{top}占{100 * v / sum(dev.values()):.1f}%'
if title('devices-by-class') != want:
    bad.append((title('devices-by-class'), want))
devs = rows('developers')
since = (datetime.date(2023, 5, 31) - datetime.timedelta(days=29)).isoformat()
act = sum(d['最近登录日期'] >= since and d['最近调用日期'] >= since for d in devs)
want = f'注册开发者累计{n(len(devs))}人，近30日活跃占{100 * act / len(devs):.1f}%'
if title('developers-over-time') != want:
    bad.append((title('developers-over-time'), want))
ind = {d['所属行业'] for d in rows('enterprises')}
want = f'服务工业企业{n(len(rows("enterprises")))}家，覆盖{len(ind)}个行业'
if title('enterprises-by-industry') != want:
    bad.append((title('enterprises-by-industry'), want))
with open(f'{C}/developers-over-time.csv', encoding='utf-8-sig') as f:
    if len(next(csv.reader(f))) != 2:
        bad.append('developers-over-time.csv has a share column')
print(bad or 'ok')
PY
)" ok

# Every label of every SVG is a <text> element (XML-parsed): no glyph
# outlines, and the characters of the SVG's text are those the PDF of
# the same chart draws, each as often. --svg-outlines gives outlines.
check_eq "charts: every SVG label is <text>" "$(python3 - "$T/c1" <<'PY'
import sys, glob, subprocess, collections, xml.etree.ElementTree as ET
N = '{http://www.w3.org/2000/svg}'
bad = []
svgs = sorted(glob.glob(sys.argv[1] + '/*.svg'))
for svg in svgs:
    root = ET.parse(svg).getroot()
    texts = [''.join(t.itertext()) for t in root.iter(N + 'text')]
    glyphs = [u for u in root.iter(N + 'use') if '#glyph' in str(u.attrib)]
    fams = {t.get('font-family') for t in root.iter(N + 'text')}
    pdf = subprocess.run(['pdftotext', '-raw', svg[:-4] + '.pdf', '-'],
                         capture_output=True, text=True).stdout
    a = collections.Counter(c for c in ''.join(texts) if not c.isspace())
    b = collections.Counter(c for c in pdf if not c.isspace())
    if not texts or glyphs or a != b or not all('FandolHei' in (f or '') for f in fams):
        bad.append(f'{svg}: {len(texts)} texts, {len(glyphs)} glyphs, '
                   f'only SVG {a - b}, only PDF {b - a}')
print(bad or len(svgs))
PY
)" 24
# One number format a chart (issue 16 item 2): every value label of a
# chart has the same unit (万, 亿 or none) and decimals; the same kind of
# count reads the same across the set (both device donuts total
# "20,000"); an empty heatmap cell has no number: as many labels as the
# CSV has non-zero cells.
check_eq "charts: one number format a chart, empty cells empty" "$(python3 - "$T/c1" <<'PY'
import sys, glob, re, csv, xml.etree.ElementTree as ET
N = '{http://www.w3.org/2000/svg}'
bad, texts = [], {}
for svg in sorted(glob.glob(sys.argv[1] + '/*.svg')):
    name = svg.split('/')[-1][:-4]
    every = [''.join(t.itertext()) for t in ET.parse(svg).getroot().iter(N + 'text')]
    if any('万万' in l or '亿万' in l for l in every):  # 万 before a unit in 万元
        bad.append(f'{name}: {[l for l in every if "万万" in l or "亿万" in l]}')
    if name == 'dashboard':  # a table of figures, each in its own unit
        continue
    labels = [''.join(t.itertext()) for t in ET.parse(svg).getroot().iter(N + 'text')
              if t.get('class') in ('value', 'centre')]
    texts[name] = labels
    nums = [m for l in labels for m in re.findall(r'(\d[\d,]*)(\.\d+)?(万|亿)?(?![\d.%])', l)]
    forms = {(len(d), u) for _, d, u in nums}
    if len(forms) > 1:
        bad.append(f'{name}: {sorted(forms)}')
with open(sys.argv[1] + '/solutions-matrix.csv', encoding='utf-8-sig') as f:
    cells = [v for r in list(csv.reader(f))[1:] for v in r[1:]]
nonzero = sum(float(v) != 0 for v in cells)
if len(texts['solutions-matrix']) != nonzero or '0' in texts['solutions-matrix']:
    bad.append(f"heatmap: {len(texts['solutions-matrix'])} labels, {nonzero} non-zero cells")
if '20,000' not in texts['devices-by-class'] or '20,000' not in texts['devices-by-cloud']:
    bad.append('device totals differ')
print(bad or 'ok')
PY
)" ok

# Text sizes at 1920 px wide, from each label's <text> (class = its role
# in the scene): the defense theme (the default) sets labels at 36 px or
# more, titles at 56, the source at 28; only the category and value
# labels of a dense chart (more than 16 categories: the 22 industries as
# bars or heatmap rows) may go down to 28. The document theme keeps 28/48/22.
sizes() {
    python3 - "$1" "$2" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
N = '{http://www.w3.org/2000/svg}'
floor = dict(zip(('label', 'title', 'source'), map(float, sys.argv[2].split('/'))))
bad, n = [], 0
for svg in sorted(glob.glob(sys.argv[1] + '/*.svg')):
    root = ET.parse(svg).getroot()
    scale = float(root.get('width').rstrip('px')) / 1920
    dense = sum(t.get('class') == 'category' for t in root.iter(N + 'text')) > 16
    for t in root.iter(N + 'text'):
        k = t.get('class')
        px = float(t.get('font-size')) / scale
        need = floor.get(k, floor['label'])
        if k in ('category', 'value') and dense:
            need = min(need, floor['source'])
        n += 1
        if px < need - 1e-9:
            bad.append(f'{svg.split("/")[-1]} {k} {"".join(t.itertext())}: {px} px')
print(bad[:5] or n > 100)
PY
}
check_eq "charts: defense theme: labels >= 36 px, title 56, source 28" "$(sizes "$T/c1" 36/56/28)" True
"$SHENBAO" charts --theme document --size 1280x720 -o "$T/c5" "$S" > /dev/null
check_eq "charts: document theme at 1280x720: 28/48/22 px at 1920" "$(sizes "$T/c5" 28/48/22)" True
check_eq "charts: document theme is smaller" "$(sizes "$T/c5" 36/56/28 | cut -c1-1)" "["
check_eq "charts: --size 1280x720: the PNG's size" \
    "$(python3 -c "import struct,sys; d=open(sys.argv[1],'rb').read(24); print(struct.unpack('>II', d[16:24]))" "$T/c5/devices-by-class.png")" "(1280, 720)"
"$SHENBAO" charts --theme big "$S" > /dev/null 2> "$T/e5.txt"
check_eq "charts: --theme big refused" "$?" 2
"$SHENBAO" charts --size 1920 "$S" > /dev/null 2> "$T/e6.txt"
check_eq "charts: --size 1920 refused" "$?" 2
"$SHENBAO" charts --svg-outlines -o "$T/c4" "$S" > /dev/null
check_eq "charts: --svg-outlines: no <text>, glyphs" \
    "$(grep -c '<text' "$T/c4/apps-by-domain.svg"; grep -c 'href="#glyph' "$T/c4/apps-by-domain.svg" | sed 's/^[1-9][0-9]*$/glyphs/')" "0
glyphs"

# Same input, same bytes.
"$SHENBAO" charts -o "$T/c2" "$S" > /dev/null
check "charts: deterministic output" diff -r "$T/c1" "$T/c2"

# A declaration without its killer-APP list still gets every other chart.
cp -r tests/fixtures/platform-2023/base "$T/nokiller"
rm "$T/nokiller/annex/models.csv"
sed -i 's/^devices.total,\("[^"]*"\),60$/devices.total,\1,61/' "$T/nokiller/form.csv"
rm "$T/nokiller/annex/killer_apps.csv"
"$SHENBAO" charts -o "$T/c3" "$T/nokiller" > "$T/o3.txt" 2> "$T/e3.txt"
check_eq "charts: exit 0 without an annex" "$?" 0
check_grep "charts: missing data is said" '未绘制图表“杀手锏APP订阅量”' "$T/e3.txt"
check "charts: the others are drawn" test -s "$T/c3/devices-by-class.png"
check_eq "charts: dashboard says 不一致 and 未核对" "$(dash "$T/nokiller" "$T/c3")" "['不一致', '未核对']"
finish
