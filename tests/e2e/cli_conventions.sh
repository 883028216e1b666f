#!/bin/sh
# End-to-end: the conventions every command shares. "Did you mean" for
# an unknown command, option, annex and edition, and for an annex header
# close to a form column; -q and --help everywhere; colour only on
# demand (never in a pipe, never with NO_COLOR, --color=never); "-" for
# standard input and output; two copies of one declaration give the
# same text, JSON and JUnit (files named relative to the declaration);
# a JUnit test case per error finding, named without its row; a build
# tree moved elsewhere still finds its editions and fonts.
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP
top=$(cd "$(dirname "$0")/../.." && pwd)

"$SHENBAO" chekc inputs/sample 2> "$T/e"
check_eq "a mistyped command exits 2" "$?" 2
check_grep "it lists the commands and the closest" \
    'unknown command "chekc"; one of: check, .*diff; did you mean "check"\?' "$T/e"
"$SHENBAO" check --jnuit x inputs/sample 2> "$T/e"
check_grep "a mistyped option: the closest, the option named" \
    'shenbao: check: unknown option "--jnuit"; one of: .*--junit.*; did you mean "--junit"\?' "$T/e"
"$SHENBAO" volumes -a devics -o "$T/v" inputs/sample 2> "$T/e"
check_eq "a mistyped annex exits 2" "$?" 2
check_grep "it lists the annexes and evidence, the closest" \
    'annex devics: no such annex; one of: devices, .*evidence; did you mean "devices"\?' "$T/e"
check_eq "nothing written for it" "$(ls "$T/v" 2>/dev/null | wc -l)" 0
"$SHENBAO" inspect --form platform-2o23 inputs/sample/annex/devices.csv 2> "$T/e"
check_grep "a mistyped --form edition: the closest" \
    'no form edition "platform-2o23" .*did you mean "platform-2023"\?' "$T/e"
mkdir -p "$T/ed"
printf '代码,项目,值\nedition,表单版本,platfrom-2023\n' > "$T/ed/form.csv"
"$SHENBAO" check -q "$T/ed" > "$T/e" 2>&1
check_grep "a mistyped edition in form.csv: the finding names the closest" \
    'form.csv:2:3: error: .*platfrom-2023.*是否为“platform-2023”.*\[form.edition-unknown\]' "$T/e"

# An annex header one character off a form column.
cp -r inputs/sample "$T/hdr"
head -1 "$T/hdr/annex/devices.csv" > "$T/h1"
col=$(cut -d, -f2 "$T/h1")
sed "1s/,$col,/,${col}X,/" "$T/hdr/annex/devices.csv" > "$T/d" && mv "$T/d" "$T/hdr/annex/devices.csv"
"$SHENBAO" check -q --max-print 0 "$T/hdr" > "$T/e" 2>&1
check_grep "a header one character off names the column it is close to" \
    "annex/devices.csv:1:2: info: ${col}X：.*最接近的规定列是“$col”.*\[annex.unknown-column\]" "$T/e"

# -q and --help on every command.
for c in check inspect charts deck build xlsx batch report init volumes editions diff; do
    "$SHENBAO" "$c" --help > "$T/h" 2>&1
    check_eq "$c --help exits 0" "$?" 0
    check_grep "$c --help shows -q" '^  -q, --quiet' "$T/h"
done
"$SHENBAO" editions -q > "$T/e" 2>&1
check_eq "editions takes -q" "$?" 0

# Colour: asked for, it is there; in a pipe, with NO_COLOR or never, not.
cp -r "$top/tests/fixtures/platform-2023/base" "$T/a"
awk -F, -v OFS=, 'NR == 3 { $4 = "未知设备" } 1' "$T/a/annex/devices.csv" > "$T/d" &&
    mv "$T/d" "$T/a/annex/devices.csv"
esc=$(printf '\033')
"$SHENBAO" check -q --color=always "$T/a" > "$T/c"
check_grep "--color=always: errors in red" "${esc}\[1;31merror${esc}\[0m" "$T/c"
"$SHENBAO" check -q "$T/a" > "$T/c"
check_no_grep "a pipe: no colour" "$esc" "$T/c"
NO_COLOR=1 "$SHENBAO" check -q --color=auto "$T/a" > "$T/c"
check_no_grep "NO_COLOR: no colour" "$esc" "$T/c"
"$SHENBAO" check -q --color=never "$T/a" > "$T/c"
check_no_grep "--color=never: no colour" "$esc" "$T/c"
"$SHENBAO" check -q --color=sometimes "$T/a" 2> "$T/e"
check_eq "--color=sometimes exits 2" "$?" 2
check_grep "the option is named" '--color: auto, always or never, not "sometimes"' "$T/e"

# "-": standard output for check -o and -j, standard input for inspect.
"$SHENBAO" check -q -f json -o - "$T/a" > "$T/o.json"
"$SHENBAO" check -q -f json -o "$T/f.json" "$T/a" > "$T/none"
check_eq "-o - and -o FILE give the same JSON" "$(cmp "$T/o.json" "$T/f.json" && echo same)" same
check_eq "-o FILE: nothing on standard output" "$(wc -c < "$T/none")" 0
"$SHENBAO" check -q -j - -o "$T/t.txt" "$T/a" > "$T/j.xml"
check "-j -: JUnit on standard output, well-formed" xmllint --noout "$T/j.xml"
"$SHENBAO" inspect -a devices - < inputs/sample/annex/devices.csv > "$T/i1"
check_eq "inspect - exits 0" "$?" 0
"$SHENBAO" inspect -a devices inputs/sample/annex/devices.csv > "$T/i2"
check_eq "inspect - reads what inspect FILE reads" \
    "$(grep -v '^# file:' "$T/i1" | cksum)" "$(grep -v '^# file:' "$T/i2" | cksum)"
check_grep "inspect - names it -" '^# file: -$' "$T/i1"

# inspect form.csv: each figure as written and as read, python3 the oracle
# of the digits (full-width ３ and the thousands comma dropped).
mkdir -p "$T/fi"
sed 's/^devices.total,\(.*\),20000$/devices.total,\1,"1,2３4"/' inputs/sample/form.csv > "$T/fi/form.csv"
sed -i 's/company.debt_ratio,"负债率","41.6%"/company.debt_ratio,"负债率","0.416"/' "$T/fi/form.csv"
"$SHENBAO" inspect "$T/fi/form.csv" > "$T/fi.txt"
check_eq "inspect form.csv exits 0" "$?" 0
check_eq "each figure written is shown as read" "$(python3 - "$T/fi.txt" "$T/fi/form.csv" <<'PY'
import csv, json, sys, unicodedata
lines = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8') if l.startswith('{')]
rows = [r for r in csv.reader(open(sys.argv[2], encoding='utf-8-sig'))][1:]
written = {r[0]: r[2] for r in rows if len(r) > 2 and r[2] != '' and r[0] != 'edition'}
got = {l['code']: l for l in lines}
raw = got['devices.total']['raw']
digits = int(unicodedata.normalize('NFKC', raw).replace(',', ''))
print(set(got) == set(written), raw, got['devices.total']['value'] == digits,
      got['company.debt_ratio']['value'])
PY
)" "True 1,2３4 True 0.416"
check_grep "and the fraction in a % field is a warning with the fix" \
    '^# warning line 19: .*应填 41.6% \[form.percent-fraction\]' "$T/fi.txt"
"$SHENBAO" check -q "$T/fi" > /dev/null 2>&1
check_eq "check has it too (a warning: exit 0 but for the rules)" \
    "$("$SHENBAO" check -q -f json "$T/fi" | python3 -c "
import json,sys; print([f['expected'] for f in json.load(sys.stdin)['findings'] if f['code'] == 'form.percent-fraction'])")" \
    "['41.6%']"

# check raises what build raises: no declaration.md is report.no-narrative.
cp -r inputs/sample "$T/nonarr"
rm "$T/nonarr/declaration.md"
"$SHENBAO" check -q "$T/nonarr" > "$T/nn.txt"
check_eq "check without declaration.md exits 1" "$?" 1
check_grep "as build would: report.no-narrative" \
    '^declaration.md: error: .*\[report.no-narrative\]' "$T/nn.txt"

# JUnit: a test case per error, named by fingerprint, file and key, not
# its row; the row is in the failure text.
python3 - "$T/o.json" "$T/j.xml" > "$T/junit" <<'PY'
import json, sys, xml.etree.ElementTree as ET
fs = [f for f in json.load(open(sys.argv[1]))['findings'] if f['severity'] == 'error']
cases = {c.get('name'): c for c in ET.parse(sys.argv[2]).iter('testcase')
         if c.get('classname', '').startswith('shenbao.finding.')}
bad = []
for f in fs:
    name = next((n for n in cases if n.startswith(f['fingerprint'] + ' ')), None)
    if name is None or f['file'] not in name or str(f['row']) in name.split():
        bad.append(('name', f['fingerprint'], name))
    elif cases[name].find('failure') is None or \
            '%s:%d:' % (f['file'], f['row']) not in cases[name].find('failure').text:
        bad.append(('failure', name))
print(len(fs) > 0 and len(cases) == len(fs), bad)
PY
check_eq "a failing test case per error finding" "$(cat "$T/junit")" "True []"

# Two copies of one declaration, reached by different paths: the same
# bytes in all three formats.
mkdir -p "$T/x" "$T/y/z"
cp -r "$T/a" "$T/x/decl"
cp -r "$T/a" "$T/y/z/decl"
for d in x y/z; do
    (cd "$T" && "$SHENBAO" check -q -o "$T/$(echo $d | tr / _).txt" \
        -j "$T/$(echo $d | tr / _).xml" "$d/decl")
    "$SHENBAO" check -q -f json "$T/$d/decl/" > "$T/$(echo $d | tr / _).json"
done
for ext in txt json xml; do
    check_eq "two copies: identical $ext" \
        "$(cmp "$T/x.$ext" "$T/y_z.$ext" && echo same)" same
done
check_no_grep "no directory of the run in the JSON" "$T" "$T/x.json"
check_grep "files relative to the declaration" '"file": "annex/devices.csv"' "$T/x.json"

# A build moved: the binary in another tree with the editions and fonts.
mkdir -p "$T/moved/build/release" "$T/moved/pipeline"
cp "$SHENBAO" "$T/moved/build/release/shenbao"
ln -s "$top/pipeline/forms" "$T/moved/pipeline/forms"
ln -s "$top/fonts" "$T/moved/fonts"
(cd / && env -u SHENBAO_DATADIR "$T/moved/build/release/shenbao" editions) > "$T/ed.txt" 2>&1
check_eq "a moved build lists the editions" "$?" 0
check_grep "platform-2023 among them" 'platform-2023' "$T/ed.txt"
mkdir -p "$T/alone"
cp "$SHENBAO" "$T/alone/shenbao"
(cd / && env -u SHENBAO_DATADIR "$T/alone/shenbao" editions) > "$T/ed.txt" 2>&1
check_eq "a binary with no data beside it fails (exit 2)" "$?" 2
SHENBAO_DATADIR=$top "$T/alone/shenbao" editions > "$T/ed.txt" 2>&1
check_eq "SHENBAO_DATADIR shows it the data" "$?" 0

finish
