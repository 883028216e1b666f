#!/bin/sh
# End-to-end: a character the faces lack (issue 13 item 18). A look-alike
# of the 间隔号 (U+2219 ∙) in the narrative and one in a device's name,
# and a micro sign (U+00B5 µ) in another: each finding names its file and
# line alike in check.txt and check.json, its expected slot holds the
# face (not the character), the narrative's cites the notice's rule on
# faces and the table's (宋体, which the notice does not prescribe) none,
# and the usual character of pipeline/forms/substitutes.csv is suggested.
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP
top=$(cd "$(dirname "$0")/../.." && pwd)
cp -r "$top/tests/fixtures/platform-2023/base" "$T/a"
awk -F, -v OFS=, 'NR == 3 { $3 = "华昌变压器∙002号" }
    NR == 5 { $3 = $3 "µ" } 1' \
    "$T/a/annex/devices.csv" > "$T/d" && mv "$T/d" "$T/a/annex/devices.csv"
line=$(grep -n '^平台接入的设备' "$T/a/declaration.md" | cut -d: -f1)
sed -i 's/西门子S7、/西门子S7∙/' "$T/a/declaration.md"
"$SHENBAO" build -q -o "$T/out" "$T/a" > /dev/null 2>&1
check_eq "build exits 0 (warnings only)" "$?" 0
check_eq "text: each finding at file:line" \
    "$(grep -o '^[^ ]*: warning: “[^”]*”(U+[0-9A-F]*)' "$T/out/check.txt" |
       sed 's/: warning: / /' | sort)" \
    "$(printf '%s\n' "annex/devices.csv:3 “∙”(U+2219)" \
        "annex/devices.csv:5 “µ”(U+00B5)" \
        "declaration.md:$line “∙”(U+2219)" | sort)"
check_eq "JSON: the same files and lines, expected a face, sources" \
    "$(python3 - "$T/out/check.json" <<'PY'
import json, sys
fs = json.load(open(sys.argv[1]))['findings']
for f in sorted((f for f in fs if f['code'] == 'font.missing-glyph'),
                key=lambda f: (f['file'], f['line'])):
    print(f"{f['file']}:{f['line']} row={f['row']} {f['found']} "
          f"{f['expected']} {f['source']}")
PY
)" "annex/devices.csv:3 row=3 ∙ 宋体（FandolSong） None
annex/devices.csv:5 row=5 µ 宋体（FandolSong） None
declaration.md:$line row=$line ∙ 仿宋（FandolFang） 002 附件2 说明2：正文字体为 3 号仿宋体；一级标题 3 号黑体；二级标题 3 号楷体"
check_eq "∙ suggests the 间隔号 in both places" \
    "$(grep -c '(U+2219).*通常应为“·”(U+00B7，间隔号，GB/T 15834-2011 4.14)' \
        "$T/out/check.txt")" 2
check_grep "µ suggests μ" '“µ”\(U\+00B5\).*通常应为“μ”\(U\+03BC' \
    "$T/out/check.txt"
check_no_grep "no character in an expected slot" '应为 expected: [∙µ]' \
    "$T/out/check.txt"
finish
