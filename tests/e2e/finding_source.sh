#!/bin/sh
# End-to-end: a finding's 依据 (source) is the rule's source, never a
# column's note, which may be a sample value (issue 17: a cell.enum of
# 连接方式 once cited "公有云或私有云"). Two bad enumerations in the
# devices list: both cite the list's notice (edition.csv form_source and
# the annex), and no finding of the run cites any note of columns.csv.
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP
top=$(cd "$(dirname "$0")/../.." && pwd)
cp -r "$top/tests/fixtures/platform-2023/base" "$T/a"
awk -F, -v OFS=, 'NR == 2 { $6 = "混合云" } NR == 3 { $4 = "未知设备" } 1' \
    "$T/a/annex/devices.csv" > "$T/d" && mv "$T/d" "$T/a/annex/devices.csv"
"$SHENBAO" check -q -f json -o "$T/a.json" "$T/a"
check_eq "bad enumerations: exit 1" "$?" 1
check_eq "both cell.enum cite the list's notice, the columns named" \
    "$(python3 - "$T/a.json" <<'PY'
import json, sys
fs = json.load(open(sys.argv[1]))['findings']
print(sorted((f['column'], f['source']) for f in fs if f['code'] == 'cell.enum'))
PY
)" "[('设备类别', '002 附件2 附件1 工业设备清单'), ('连接方式', '002 附件2 附件1 工业设备清单')]"
check_eq "no finding cites a column's note" "$(python3 - "$T/a.json" "$top/pipeline/forms/platform-2023/columns.csv" <<'PY'
import csv, json, sys
notes = {r['note'] for r in csv.DictReader(open(sys.argv[2], encoding='utf-8-sig')) if r['note']}
fs = json.load(open(sys.argv[1]))['findings']
print(len(fs) > 0, [(f['code'], f['source']) for f in fs if f.get('source') in notes])
PY
)" "True []"
finish
