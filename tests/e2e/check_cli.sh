#!/bin/sh
# End-to-end: the command line of `shenbao check` and `shenbao inspect`:
# exit statuses, the three report formats, the bundled sample (clean) and
# the real MIIT list (exactly its true disagreements).
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP

"$SHENBAO" --version > "$T/v"
check_eq "--version exits 0" "$?" 0
check_grep "--version names the program" '^shenbao [0-9]+\.[0-9]+' "$T/v"
"$SHENBAO" --help > "$T/h"
check_eq "--help exits 0" "$?" 0
check_grep "--help lists check" '^  check DIR' "$T/h"
"$SHENBAO" frobnicate 2> "$T/e"
check_eq "unknown command exits 2" "$?" 2
check_grep "unknown command is named" 'unknown command "frobnicate"' "$T/e"
"$SHENBAO" check 2> "$T/e"
check_eq "check without a directory exits 2" "$?" 2
"$SHENBAO" check "$T/nowhere" 2> "$T/e"
check_eq "missing directory exits 2" "$?" 2
check_grep "missing directory is named" "nowhere: not a declaration directory" "$T/e"
mkdir "$T/empty"
"$SHENBAO" check "$T/empty" 2> "$T/e"
check_eq "directory without form.csv exits 2" "$?" 2
check_grep "form.csv is named" "empty/form.csv" "$T/e"
"$SHENBAO" check --format xml inputs/sample 2> "$T/e"
check_eq "bad --format exits 2" "$?" 2
mkdir -p "$T/bad-edition"
printf '代码,项目,值\nedition,表单版本,platform-1999\n' > "$T/bad-edition/form.csv"
"$SHENBAO" check "$T/bad-edition" > "$T/e" 2>&1
check_eq "an unknown form edition is an error finding (exit 1)" "$?" 1
check_grep "at its row, naming it and the editions there are" \
    'form.csv:2:3: error: 表单版本：没有“platform-1999”这一表单版本；现有：.*platform-2023.* \[form.edition-unknown\]' "$T/e"

# The bundled sample is clean: exit 0, no error or warning, every rule
# listed as passing in JSON and JUnit.
"$SHENBAO" check -q --junit "$T/s.xml" inputs/sample > "$T/s.txt"
check_eq "sample: exit 0" "$?" 0
check_grep "sample: no errors, no warnings" '^0 errors, 0 warnings' "$T/s.txt"
check "sample: JUnit is well-formed XML" xmllint --noout "$T/s.xml"
check_grep "sample: JUnit has no failures" '<testsuites tests="[0-9]+" failures="0">' "$T/s.xml"
"$SHENBAO" check -q -f json inputs/sample > "$T/s.json"
n_rules=$(python3 -c "import csv,sys; print(sum(1 for _ in csv.DictReader(open(sys.argv[1], encoding='utf-8'))))" pipeline/forms/platform-2023/rules.csv)
check "sample: JSON parses" python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$T/s.json"
check_eq "sample: JSON counts" \
    "$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(d['valid'], d['counts']['error'], d['counts']['warning'], len(d['checks']), sum(c['status']=='pass' for c in d['checks']))" "$T/s.json")" \
    "True 0 0 $n_rules $n_rules"

# A rule that could not be checked is skipped, not passed: a new
# declaration from `init` has no figures and no lists yet.
"$SHENBAO" init "$T/new" > /dev/null
"$SHENBAO" check -q -f json "$T/new" > "$T/n.json"
check_eq "new declaration: exit 1 (required figures missing)" "$?" 1
check_eq "new declaration: the count rule is skipped" \
    "$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print([c['status'] for c in d['checks'] if c['code']=='rule.models.count'])" "$T/n.json")" \
    "['skipped']"
check_eq "new declaration: a check is skipped exactly when it says 未核对" \
    "$(python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))
unchecked={f['code'] for f in d['findings'] if f['message'].startswith('未核对')}
skipped={c['code'] for c in d['checks'] if c['status']=='skipped'}
print(len(skipped) > 0, skipped == unchecked)" "$T/n.json")" \
    "True True"
"$SHENBAO" check -q --junit "$T/n.xml" "$T/new" > /dev/null
check "new declaration: JUnit is well-formed" xmllint --noout "$T/n.xml"
check_eq "new declaration: JUnit skips what JSON skips" \
    "$(grep -c '<skipped message="未核对' "$T/n.xml")" \
    "$(grep -c '"status": "skipped"' "$T/n.json")"
check_grep "new declaration: the suite counts the skipped cases" \
    "<testsuite name=[^>]* skipped=\"$(grep -c '"status": "skipped"' "$T/n.json")\">" "$T/n.xml"

# The real list: exactly the two category groups whose stated count
# disagrees with their rows, and nothing else.
"$SHENBAO" check -q --junit "$T/g.xml" inputs/green-design > "$T/g.txt"
check_eq "green-design: exit 1" "$?" 1
check_grep "green-design: 2 errors and nothing else" '^2 errors, 0 warnings, 0 info$' "$T/g.txt"
# the batch by its list's title (enums.csv batch), not "批次3"
check_grep "green-design: 电视机 group" \
    'miit-green-design-products.csv:1619:8: error: 种类：第三批绿色设计产品名单“二十一、电视机（4种）”写明4种，名单中有14行' "$T/g.txt"
check_grep "green-design: 烧结钕铁硼 group" \
    'miit-green-design-products.csv:1683:8: error: 种类：第三批绿色设计产品名单“二十八、烧结钕铁硼永磁材料（12种）”写明12种，名单中有43行' "$T/g.txt"
# issue 13 item 17: the source is the rule's statement, never a heading
# of the list ("一、家用洗涤剂（58种）"), and the position is said once
check_eq "green-design: each finding cites the rule's statement" \
    "$(grep -c '依据 source: 工信部绿色设计产品名单：每个种类标题写明该批次该种类的产品数，名单按标题逐行列出$' "$T/g.txt")" 2
check_no_grep "green-design: no category heading as a source" \
    '依据 source: [一二三四五六七八九十]+、' "$T/g.txt"
check_no_grep "green-design: the row and column not repeated in words" \
    '第1619行|第8列' "$T/g.txt"
"$SHENBAO" check -q -f json inputs/green-design > "$T/g.json"
check_eq "green-design: JSON findings (batch, category, stated, counted)" \
    "$(python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))
for f in d['findings']: print(f['row'], f['expected'], f['found'])
print(d['counts'])" "$T/g.json")" \
    "1619 4 14
1683 12 43
{'error': 2, 'warning': 0, 'info': 0, 'accepted': 0}"
check "green-design: JUnit is well-formed" xmllint --noout "$T/g.xml"
check_grep "green-design: JUnit reports the failing rule and its two findings" \
    '<testsuites tests="3" failures="3">' "$T/g.xml"
check_eq "green-design: a JUnit test case per finding, by fingerprint" \
    "$(grep -c '<testcase classname="shenbao.finding.rule.products.category-counts" name="[0-9a-f]\{16\} annex/miit-green-design-products.csv' "$T/g.xml")" 2
check_grep "green-design: JUnit failure text" '<failure type="rule.products.category-counts" message="2 error' "$T/g.xml"
check_eq "green-design: the list is the published file, byte for byte" \
    "$(sha256sum < inputs/green-design/annex/miit-green-design-products.csv | cut -d' ' -f1)" \
    "16694ec0338737256ce3fe52c15c31a0cb59e749f81a631ea4c310d2ac9ba5b5"

# --max-print caps what is printed, not what is counted.
mkdir -p "$T/dups/annex"
cp -r tests/fixtures/platform-2023/base/. "$T/dups"
awk -F, -v OFS=, 'NR > 2 { $2 = "SAME-ID" } 1' tests/fixtures/platform-2023/base/annex/devices.csv > "$T/dups/annex/devices.csv"
"$SHENBAO" check -q --max-print 3 "$T/dups" > "$T/d.txt"
check_eq "duplicates: exit 1" "$?" 1
check_eq "duplicates: 3 printed" "$(grep -c 'cell.duplicate' "$T/d.txt")" 3
check_grep "duplicates: all 58 counted" '^58 errors' "$T/d.txt"
check_grep "duplicates: the rest are announced" 'not shown' "$T/d.txt"

# inspect: encoding, header mapping, typed rows.
"$SHENBAO" inspect tests/fixtures/platform-2023/base/annex/roster.csv > "$T/i.txt"
check_eq "inspect: exit 0" "$?" 0
check_grep "inspect: GB18030 detected" '^# encoding: GB18030' "$T/i.txt"
check_grep "inspect: annex recognised" '^# annex: 附件8 企业人员花名册 \(roster\)' "$T/i.txt"
check_grep "inspect: header mapping" '^#   2 姓名 -> name \(text, required\)' "$T/i.txt"
check_eq "inspect: one JSON line per row" "$(grep -c '^{' "$T/i.txt")" 18
check_grep "inspect: typed date" '"hired_on": "20[0-9]{2}-[0-9]{2}-[0-9]{2}"' "$T/i.txt"
"$SHENBAO" inspect --rows 1 tests/fixtures/platform-2023/base/annex/enterprises.csv > "$T/i3.txt"
check_grep "inspect: money in 万元 as the form declares" '^#   8 服务金额（万元） -> amount \(money, 万元→元,' "$T/i3.txt"
sed '1s/服务金额（万元）/服务金额（亿元）/' tests/fixtures/platform-2023/base/annex/enterprises.csv > "$T/enterprises.csv"
"$SHENBAO" inspect --rows 1 "$T/enterprises.csv" > "$T/i3.txt"
check_grep "inspect: money in the header's unit, 亿元" '^#   8 服务金额（亿元） -> amount \(money, 亿元→元,' "$T/i3.txt"
printf '序号,设备ID,设备名称,设备类别,设备类型,连接方式,备注\n1,1.23457E+11,车床,加工类,机床,公有云,x\n' > "$T/devices.csv"
"$SHENBAO" inspect --rows 1 "$T/devices.csv" > "$T/i2.txt"
check_grep "inspect: unknown header shown" '^#   7 备注 -> \(not a column' "$T/i2.txt"
check_grep "inspect: alias resolved to the canonical value" '"class": "加工设备"' "$T/i2.txt"
check_grep "inspect: destroyed ID shown as invalid" '"id": \{"invalid": "1.23457E\+11"' "$T/i2.txt"
"$SHENBAO" inspect --annex nosuch "$T/devices.csv" 2> "$T/e"
check_eq "inspect: unknown annex exits 2" "$?" 2
finish
