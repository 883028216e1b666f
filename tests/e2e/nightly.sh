#!/bin/sh
# End-to-end: what nightly runs rely on. The findings JSON follows
# findings.schema.json; every finding has a fingerprint that survives
# moving the declaration and sorting a list, and changes when what the
# finding is about changes. A baseline accepts findings by fingerprint
# and reports the entries that match nothing as stale; diff compares two
# nights.
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP
top=$(cd "$(dirname "$0")/../.." && pwd)

# fps FILE: the sorted "code fingerprint" pairs of a findings JSON.
fps() {
    python3 -c "
import json,sys
for f in json.load(open(sys.argv[1]))['findings']: print(f['code'], f['fingerprint'])" "$1" | sort
}

# Three devices with a class that is not one of the four: three errors
# on the class column of three different devices.
cp -r "$top/tests/fixtures/platform-2023/base" "$T/a"
for r in 3 10 20; do
    awk -F, -v OFS=, -v r=$r 'NR == r { $4 = "未知设备" } 1' \
        "$T/a/annex/devices.csv" > "$T/d.new" && mv "$T/d.new" "$T/a/annex/devices.csv"
done
"$SHENBAO" check -q -f json "$T/a" > "$T/a.json"
check_eq "three bad classes: three cell.enum findings" \
    "$(fps "$T/a.json" | grep -c '^cell.enum ')" 3
check_eq "every finding has a 16-digit fingerprint, all different" \
    "$(python3 -c "
import json,re,sys
fs=json.load(open(sys.argv[1]))['findings']
p=[f['fingerprint'] for f in fs]
print(len(p) > 3, all(re.fullmatch('[0-9a-f]{16}', x) for x in p), len(set(p)) == len(p))" "$T/a.json")" \
    "True True True"

# The same declaration elsewhere: the same fingerprints.
mkdir "$T/elsewhere"
cp -r "$T/a" "$T/elsewhere/copy"
(cd "$T/elsewhere" && "$SHENBAO" check -q -f json copy > "$T/b.json")
check_eq "a copy in another directory has the same fingerprints" \
    "$(fps "$T/b.json")" "$(fps "$T/a.json")"

# The device list sorted the other way round: rows move, fingerprints
# stay, and the three findings are on other rows.
cp -r "$T/a" "$T/sorted"
(head -1 "$T/a/annex/devices.csv"; tail -n +2 "$T/a/annex/devices.csv" | sort -r) \
    > "$T/sorted/annex/devices.csv"
"$SHENBAO" check -q -f json "$T/sorted" > "$T/s.json"
check_eq "sorting the list keeps every fingerprint" \
    "$(fps "$T/s.json")" "$(fps "$T/a.json")"
check "sorting the list moved the findings' rows" test \
    "$(python3 -c "import json,sys; print(sorted(f['row'] for f in json.load(open(sys.argv[1]))['findings'] if f['code']=='cell.enum'))" "$T/s.json")" != \
    "$(python3 -c "import json,sys; print(sorted(f['row'] for f in json.load(open(sys.argv[1]))['findings'] if f['code']=='cell.enum'))" "$T/a.json")"

# Another device with the bad class instead of one of the three: one
# fingerprint goes, one comes.
cp -r "$T/a" "$T/other"
awk -F, -v OFS=, 'NR == 3 { $4 = "运行设备" } NR == 31 { $4 = "未知设备" } 1' \
    "$T/a/annex/devices.csv" > "$T/other/annex/devices.csv"
"$SHENBAO" check -q -f json "$T/other" > "$T/o.json"
check_eq "another device's finding is another fingerprint" \
    "$(fps "$T/a.json" | grep '^cell.enum ' > "$T/fa"; fps "$T/o.json" | grep '^cell.enum ' > "$T/fo"; comm -3 "$T/fa" "$T/fo" | wc -l)" 2

# The findings JSON follows its schema: a clean run, errors with
# findings counted but not stored (omitted), skipped checks.
"$SHENBAO" check -q -f json inputs/sample > "$T/sample.json"
"$SHENBAO" check -q -f json --max-findings 1 "$T/a" > "$T/capped.json"
"$SHENBAO" init "$T/new" > /dev/null
"$SHENBAO" check -q -f json "$T/new" > "$T/new.json"
check_grep "the capped run has omitted findings" '"count": 2' "$T/capped.json"
check "findings JSON validates against findings.schema.json" \
    python3 "$top/tests/e2e/schema_check.py" "$top/findings.schema.json" findings \
    "$T/sample.json" "$T/a.json" "$T/capped.json" "$T/new.json"
python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))
d['findings'][0]['fingerprint']='not-hex'
d['checks'][0]['status']='ok'
json.dump(d, open(sys.argv[2], 'w'))" "$T/a.json" "$T/broken.json"
check_eq "the schema refuses a bad fingerprint and an unknown status" \
    "$(python3 "$top/tests/e2e/schema_check.py" "$top/findings.schema.json" findings "$T/broken.json" | wc -l)" 2

# validate DEF FILE...: against findings.schema.json
validate() {
    python3 "$top/tests/e2e/schema_check.py" "$top/findings.schema.json" "$@"
}
# jq_py FILE EXPR: print a Python expression of the JSON in FILE (as d)
jq_py() {
    python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"
}

# --write-baseline: every error and warning, reasons left empty.
"$SHENBAO" check -q --write-baseline "$T/acc.json" "$T/a" > /dev/null
check_eq "write-baseline: the run still fails" "$?" 1
check "the baseline follows the schema" validate baseline "$T/acc.json"
check_eq "the baseline lists every error and warning, by fingerprint" \
    "$(jq_py "$T/acc.json" "sorted(e['fingerprint'] for e in d['accepted'])")" \
    "$(jq_py "$T/a.json" "sorted(f['fingerprint'] for f in d['findings'] if f['severity'] != 'info')")"
check_eq "the baseline leaves reason and by to fill, names the file relatively" \
    "$(jq_py "$T/acc.json" "sorted({(e['reason'], e['by'], e['file']) for e in d['accepted'] if e['code'] == 'cell.enum'})")" \
    "[('', '', 'annex/devices.csv')]"
python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))
for e in d['accepted']: e['reason'], e['by'] = '现场核实无误', '李四'
json.dump(d, open(sys.argv[1], 'w'), ensure_ascii=False)" "$T/acc.json"

# --baseline: the accepted findings fail nothing.
"$SHENBAO" check -q --baseline "$T/acc.json" "$T/a" > "$T/acc.txt"
check_eq "baseline: every finding accepted, exit 0" "$?" 0
n_acc=$(jq_py "$T/acc.json" "len(d['accepted'])")
check_grep "baseline: the text counts them and lists none" \
    "^0 errors, 0 warnings, [0-9]+ info, $n_acc accepted \(baseline\)" "$T/acc.txt"
check_no_grep "baseline: no accepted finding is printed" 'cell.enum' "$T/acc.txt"
"$SHENBAO" check -q -f json --junit "$T/acc.xml" --baseline "$T/acc.json" "$T/a" > "$T/acc-run.json"
check "baseline: the JSON follows the schema" validate findings "$T/acc-run.json"
check_eq "baseline: JSON valid, no error, accepted counted, reasons shown" \
    "$(jq_py "$T/acc-run.json" "d['valid'], d['counts']['error'], d['counts']['accepted'] == $n_acc, sorted({str(f['accepted']) for f in d['findings'] if f['code'] == 'cell.enum'})")" \
    "True 0 True [\"{'reason': '现场核实无误', 'by': '李四'}\"]"
check_grep "baseline: JUnit has no failure" '<testsuites tests="[0-9]+" failures="0">' "$T/acc.xml"

# A device fixed and another of its class broken (the class counts stay
# as they were): the fixed one's entry is stale, the new one fails the
# run and is the one new error in the diff.
cp -r "$T/other" "$T/next"
"$SHENBAO" check -q -f json --baseline "$T/acc.json" "$T/next" > "$T/next.json"
check_eq "next night: the new error fails the run" "$?" 1
check "next night: the JSON follows the schema" validate findings "$T/next.json"
check_eq "next night: one error (the new device), one stale entry" \
    "$(jq_py "$T/next.json" "d['counts']['error'], [(f['severity'], f['file'] == '$T/acc.json') for f in d['findings'] if f['code'] == 'baseline.stale']")" \
    "1 [('warning', True)]"
"$SHENBAO" check -q -f json "$T/next" > "$T/next-plain.json"
"$SHENBAO" diff "$T/a.json" "$T/next-plain.json" > "$T/diff.txt"
check_eq "diff: a new error exits 1" "$?" 1
check_grep "diff: the summary" '^1 new \(1 errors\), 1 fixed, [0-9]+ persisting$' "$T/diff.txt"
check_grep "diff: the new finding, file relative" \
    '^error cell.enum annex/devices.csv:31:4: 设备类别：' "$T/diff.txt"
"$SHENBAO" diff -f json "$T/a.json" "$T/next-plain.json" > "$T/diff.json"
check "diff: the JSON follows the schema" validate diff "$T/diff.json"
check_eq "diff -f json: new, fixed, persisting" \
    "$(jq_py "$T/diff.json" "d['counts']['new'], d['counts']['fixed'], [f['row'] for f in d['new']], [f['row'] for f in d['fixed']]")" \
    "1 1 [31] [3]"
"$SHENBAO" diff "$T/a.json" "$T/next.json" > /dev/null
check_eq "diff: a new error is new against a baseline run too, exit 1" "$?" 1
cp -r "$T/a" "$T/fixed"
awk -F, -v OFS=, 'NR == 3 { $4 = "运行设备" } 1' \
    "$T/a/annex/devices.csv" > "$T/fixed/annex/devices.csv"
"$SHENBAO" check -q -f json "$T/fixed" > "$T/fixed.json"
"$SHENBAO" diff "$T/a.json" "$T/fixed.json" > "$T/fixed.txt"
check_eq "diff: findings fixed and none new exits 0" "$?" 0
check_grep "diff: the device and its class count fixed" '^0 new \(0 errors\), 2 fixed, ' "$T/fixed.txt"
"$SHENBAO" diff "$T/acc-run.json" "$T/acc-run.json" > "$T/same.txt"
check_eq "diff: the same night twice exits 0" "$?" 0
check_grep "diff: the same night twice: nothing new, nothing fixed" '^0 new \(0 errors\), 0 fixed, ' "$T/same.txt"

cp -r "$top/tests/fixtures/platform-2023/base" "$T/clean"
"$SHENBAO" check -q -f json "$T/clean" > "$T/clean.json"
"$SHENBAO" diff -f json "$T/clean.json" "$T/acc-run.json" > "$T/acc-diff.json"
check_eq "diff: new errors a baseline accepted do not count, exit 0" "$?" 0
check_eq "diff: they are new all the same" \
    "$(jq_py "$T/acc-diff.json" "d['counts']['new'] >= 3, d['counts']['new_errors']")" "True 0"

# What diff and --baseline refuse: exit 2, the file named.
"$SHENBAO" diff "$T/a.json" "$T/nowhere.json" 2> "$T/e"
check_eq "diff: a missing file exits 2" "$?" 2
check_grep "diff: the missing file is named" 'nowhere.json' "$T/e"
python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))
for f in d['findings']: del f['fingerprint']
json.dump(d, open(sys.argv[2], 'w'))" "$T/a.json" "$T/old-style.json"
"$SHENBAO" diff "$T/old-style.json" "$T/a.json" 2> "$T/e"
check_eq "diff: a JSON without fingerprints exits 2" "$?" 2
check_grep "diff: says to run check again" 'no fingerprint' "$T/e"
"$SHENBAO" diff "$T/a.json" 2> /dev/null
check_eq "diff: one file is a usage error" "$?" 2
"$SHENBAO" check -q --baseline "$T/nowhere.json" "$T/a" 2> "$T/e"
check_eq "check: a missing baseline exits 2" "$?" 2
printf '{"schema_version": 1, "accepted": [{"reason": "x"}]}\n' > "$T/bad-acc.json"
"$SHENBAO" check -q --baseline "$T/bad-acc.json" "$T/a" 2> "$T/e"
check_eq "check: a baseline entry without fingerprint exits 2" "$?" 2
check_grep "check: the bad baseline is named" 'bad-acc.json' "$T/e"
"$SHENBAO" --help > "$T/h"
check_grep "--help lists diff" '^  diff OLD NEW' "$T/h"
finish
