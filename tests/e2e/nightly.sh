#!/bin/sh
# End-to-end: what nightly runs rely on. The findings JSON follows
# findings.schema.json; every finding has a fingerprint that survives
# moving the declaration and sorting a list, and changes when what the
# finding is about changes.
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
cp -r "$top/tests/fixtures/base" "$T/a"
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
awk -F, -v OFS=, 'NR == 3 { $4 = "加工设备" } NR == 30 { $4 = "未知设备" } 1' \
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
finish
