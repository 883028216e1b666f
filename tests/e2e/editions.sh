#!/bin/sh
# End-to-end: `shenbao editions` lists every edition of pipeline/forms/
# with the counts its files hold (computed here with python's csv), one
# default; `check` names the edition it read a declaration as in its
# text, JSON and JUnit, for every bundled declaration.
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP

"$SHENBAO" editions -f json > "$T/e.json"
check_eq "editions exits 0" "$?" 0
check_eq "every edition with its counts, one default" \
    "$(python3 - "$T/e.json" <<'PY'
import csv, json, os, sys
got = json.load(open(sys.argv[1], encoding='utf-8'))
want = []
for code in sorted(os.listdir('pipeline/forms')):
    d = os.path.join('pipeline/forms', code)
    if not os.path.exists(os.path.join(d, 'edition.csv')):
        continue
    rows = lambda f: sum(1 for _ in csv.DictReader(open(os.path.join(d, f), encoding='utf-8')))
    want.append((code, rows('fields.csv'), rows('annexes.csv'), rows('rules.csv')))
have = [(e['code'], e['fields'], e['annexes'], e['rules']) for e in got]
print(have == want, len(want) >= 6, [e['code'] for e in got if e['default']])
PY
)" "True True ['platform-2023']"
"$SHENBAO" editions > "$T/e.txt"
check_grep "the text marks the default" '^platform-2023 .*（默认 default）$' "$T/e.txt"
check_grep "and names each notice" '工信厅信发函〔2020〕240号' "$T/e.txt"

for d in inputs/*/; do
    d=${d%/}
    ed=$(python3 -c "
import csv,sys
for r in csv.reader(open(sys.argv[1], encoding='utf-8-sig')):
    if r and r[0] == 'edition': print(r[2])" "$d/form.csv")
    "$SHENBAO" check -q --junit "$T/j.xml" "$d" > "$T/c.txt"
    check_grep "$d: text names $ed" "^表单版本 edition: $ed（" "$T/c.txt"
    "$SHENBAO" check -q -f json "$d" > "$T/c.json"
    check_eq "$d: JSON names $ed" \
        "$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['edition']['code'])" "$T/c.json")" \
        "$ed"
    check_grep "$d: JUnit names $ed" "<property name=\"edition\" value=\"$ed\"/>" \
        "$T/j.xml"
done
finish
