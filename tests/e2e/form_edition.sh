#!/bin/sh
# End-to-end: which edition a declaration is read as when form.csv and
# --form disagree (issue 17 §0). form.csv's edition row is the
# declaration's own word: --form naming another edition is an error
# finding on that row, an edition there is not is one too, and both
# list every edition there is; a --form that is no edition is refused
# (exit 2) whatever form.csv says.
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP

# the editions there are, as the findings list them
all=$(for f in pipeline/forms/*/edition.csv; do
    basename "$(dirname "$f")"; done | sort |
    awk 'NR > 1 { printf "、" } { printf "%s", $0 }')
check_grep "at least two editions to choose from" '、' /dev/stdin <<EOF
$all
EOF

mkdir -p "$T/c"
printf '代码,项目,值\nedition,表单版本,platform-2023\n' > "$T/c/form.csv"

# --form names another edition than form.csv
"$SHENBAO" check -q --form platform-2020 "$T/c" > "$T/conflict.txt" 2>&1
check_eq "a --form conflict is an error finding (exit 1)" "$?" 1
check_grep "on form.csv's edition row, listing the editions there are" \
    "^form.csv:2:3: error: 表单版本：form.csv 写明表单版本“platform-2023”，--form 指定“platform-2020”：按 form.csv 的“platform-2023”核对；现有：$all \[form.edition-conflict\]$" \
    "$T/conflict.txt"
check_grep "form.csv's edition is the one read" \
    '^表单版本 edition: platform-2023（' "$T/conflict.txt"
"$SHENBAO" check -q -f json --form platform-2020 "$T/c" > "$T/conflict.json"
check_eq "JSON: the finding's place, expected and found, the edition read" \
    "$(python3 - "$T/conflict.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding='utf-8'))
fs = [f for f in doc['findings'] if f['code'] == 'form.edition-conflict']
f = fs[0]
print(len(fs), f['severity'], f['file'], f['row'], f['col'],
      f['expected'], f['found'], doc['edition']['code'])
PY
)" "1 error form.csv 2 3 platform-2020 platform-2023 platform-2023"

# the same --form as form.csv: no finding
"$SHENBAO" check -q -f json --form platform-2023 "$T/c" > "$T/same.json"
check_eq "--form agreeing with form.csv: no edition finding" \
    "$(python3 -c "
import json, sys
doc = json.load(open(sys.argv[1], encoding='utf-8'))
print(sum(f['code'].startswith('form.edition') for f in doc['findings']))" \
        "$T/same.json")" 0

# form.csv names an edition there is not
mkdir -p "$T/u"
printf '代码,项目,值\nedition,表单版本,platform-2024\n' > "$T/u/form.csv"
"$SHENBAO" check -q "$T/u" > "$T/unknown.txt" 2>&1
check_eq "an unknown edition in form.csv is an error finding (exit 1)" "$?" 1
check_grep "on its row, listing every edition, read as the default" \
    "^form.csv:2:3: error: 表单版本：没有“platform-2024”这一表单版本；现有：$all（是否为“platform-202[0-9]”？）。按默认版本核对 \[form.edition-unknown\]$" \
    "$T/unknown.txt"
check_no_grep "never a run error about a missing edition.csv" \
    'cannot open|edition\.csv' "$T/unknown.txt"
"$SHENBAO" check -q --form platform-2020 "$T/u" > "$T/unknown2.txt" 2>&1
check_eq "with a valid --form beside it: still a finding (exit 1)" "$?" 1
check_grep "read as --form's edition" \
    "现有：$all（是否为“platform-202[0-9]”？）。按platform-2020核对 \[form.edition-unknown\]$" \
    "$T/unknown2.txt"
check_grep "which is the edition read" '^表单版本 edition: platform-2020（' \
    "$T/unknown2.txt"

# a --form that is no edition: refused, whatever form.csv says
for d in c u; do
    "$SHENBAO" check -q --form platfrom-2023 "$T/$d" > "$T/o" 2> "$T/e"
    check_eq "$d: a mistyped --form exits 2" "$?" 2
    check_grep "$d: the option named, the editions and the closest" \
        "^shenbao: error: --form: no form edition \"platfrom-2023\" \(editions: $all\); did you mean \"platform-2023\"\?$" \
        "$T/e"
    check_eq "$d: no findings written" "$(wc -c < "$T/o")" 0
done
finish
