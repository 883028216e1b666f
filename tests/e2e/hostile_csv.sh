#!/bin/sh
# End-to-end: annex lists as other programs and careless hands save them
# (issue 11). UTF-16/32 with a byte-order mark (Excel's "Unicode text")
# read as the same rows as UTF-8; the checks over them agree, with an info
# naming the encoding; a lone surrogate is a warning, not a lost row; a
# USCC in lower case or with a failing GB 11714 check is a warning (its
# column headed 纳税人识别号, an alias). A
# header of 200,000 columns and a row of 20,000 extra fields are cut at
# Excel's 16,384 columns (csv.too-many-fields), quickly and in little
# memory, and the workbook is written with the fields kept (main: exit 2).
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP
B=tests/fixtures/platform-2023/base

# checks DIR: the status of every check, one line each, then the
# csv.encoding findings of devices.csv as "severity found message"
checks() {
    "$SHENBAO" check -f json "$1" 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
for c in d["checks"]:
    print(c["code"], c["status"])
for f in d["findings"]:
    if f["code"] == "csv.encoding" and f["file"].endswith("devices.csv"):
        print(f["severity"], f["found"], f["message"])
    if f["code"] in ("cell.uscc", "form.uscc"):
        print(f["severity"], f["code"], f["row"], f["found"], f["expected"],
              f["message"])'
}
checks "$B" > "$T/want"
check_eq "the UTF-8 declaration has checks" "$(grep -c pass "$T/want")" \
    "$(wc -l < "$T/want")"
# one copy of the declaration per encoding of devices.csv, and one whose
# UTF-16LE holds a high surrogate alone (row 2)
for enc in utf-16-le utf-16-be utf-32-le utf-32-be lone; do
    cp -r "$B" "$T/$enc"
done
python3 - "$T" <<'PY'
import codecs, sys
t = sys.argv[1]
boms = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}
for enc, bom in boms.items():
    p = f"{t}/{enc}/annex/devices.csv"
    s = open(p, encoding="utf-8-sig").read()
    open(p, "wb").write(bom + s.encode(enc.replace("-", "_")))
p = f"{t}/lone/annex/devices.csv"
s = open(p, encoding="utf-8-sig").read()
body = s.encode("utf-16-le")
cut = len("\n".join(s.split("\n")[:2]).encode("utf-16-le"))
open(p, "wb").write(codecs.BOM_UTF16_LE + body[:cut] + b"\x00\xd8" + body[cut:])
# and USCCs valid by GB 32100 that deserve a warning (item 14): lower case
# (an annex cell and form.csv), a GB 11714 check that fails (public example)
p = f"{t}/lone/annex/enterprises.csv"
s = open(p, encoding="utf-8-sig").read()
s = s.replace("9150000063307283X1", "9150000063307283x1")
s = s.replace("913205000887152293", "911101005JLR20JR60")
# headed as an ERP export writes it (item 15): 纳税人识别号 for the USCC
s = s.replace("统一社会信用代码", "纳税人识别号", 1)
open(p, "w", encoding="utf-8").write(s)
p = f"{t}/lone/form.csv"
s = open(p, encoding="utf-8-sig").read()
open(p, "w", encoding="utf-8").write(s.replace("91320500723759379X",
                                               "91320500723759379x"))
PY
for enc in utf-16-le utf-16-be utf-32-le utf-32-be; do
    checks "$T/$enc" > "$T/got"
    name=$(echo "$enc" | tr a-z A-Z | sed 's/-\([LB]E\)$/\1/')
    check_eq "$enc: the same checks, each as in UTF-8, and an info naming it" \
        "$(cat "$T/got")" "$(cat "$T/want"; echo "info $name 检测到 $name 编码，已转换为 UTF-8")"
done
checks "$T/lone" > "$T/got"
check_grep "a lone surrogate is a warning naming the count" \
    '^warning UTF-16LE 检测到 UTF-16LE 编码.*1 处不是有效字符' "$T/got"
check_grep "a lower-case USCC in an annex: a warning with the fix" \
    '^warning cell.uscc 4 9150000063307283x1 9150000063307283X1 统一社会信用代码的字母应为大写' "$T/got"
check_grep "in form.csv too" \
    '^warning form.uscc [0-9]+ 91320500723759379x 91320500723759379X 统一社会信用代码的字母应为大写' "$T/got"
check_grep "a failing GB 11714 check inside a valid USCC: a warning" \
    '^warning cell.uscc 3 911101005JLR20JR60 .*第17位不合GB 11714' "$T/got"
check_eq "and the checks are those of UTF-8" \
    "$(grep -v '^warning' "$T/got")" "$(cat "$T/want")"

# 200,000 header columns, 20,000 extra fields on row 2
rm -rf "$T/wide"
cp -r "$B" "$T/wide"
python3 - "$T/wide/annex/devices.csv" <<'PY'
import sys
p = sys.argv[1]
lines = open(p, encoding="utf-8-sig").read().split("\n")
lines[0] += "".join(",额外%d" % i for i in range(200000))
lines[1] += "," * 20000
open(p, "w", encoding="utf-8").write("\n".join(lines))
PY
(limit_memory 400000; timeout 60 "$SHENBAO" check "$T/wide") > "$T/o" 2>&1
check_eq "a 200,000-column header: check exits 1, in 400 MB and 60 s" "$?" 1
check_eq "the header and row 2 are cut at 16,384 fields" \
    "$(sed -n 's/^.*devices.csv:\([0-9]*\):\([0-9]*\): error: .*\[csv.too-many-fields\]$/\1:\2/p' "$T/o" | tr '\n' ' ')" \
    "1:16385 2:16385 "
(limit_memory 400000; timeout 60 "$SHENBAO" xlsx -o "$T/wide.xlsx" "$T/wide") \
    > "$T/o" 2>&1
check_eq "its workbook is written (exit 1: the errors), in 400 MB and 60 s" \
    "$?" 1
python3 - "$T/wide.xlsx" > "$T/dims" <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for n in sorted(z.namelist()):
    if n.startswith("xl/worksheets/sheet"):
        m = re.search(rb'<dimension ref="([A-Z0-9:]+)"', z.read(n)[:2000])
        print(m.group(1).decode())
PY
check_grep "the workbook holds the 16,384 columns kept (A..XFD), 61 rows" \
    '^A1:XFD61$' "$T/dims"

# the classes around them (item 5, "Tests that stay"): a devices list of 0
# bytes, header only, random bytes, a NUL in a field, a quote never
# closed; each ends (exit 1, no crash) with its finding at file:row:column
hostile() {
    rm -rf "$T/h"
    cp -r "$B" "$T/h"
    python3 - "$T/h/annex/devices.csv" "$1" <<'PY2'
import random, sys
p, kind = sys.argv[1], sys.argv[2]
lines = open(p, encoding="utf-8-sig").read().split("\n")
if kind == "zero":
    open(p, "wb").close()
elif kind == "header":
    open(p, "w", encoding="utf-8").write(lines[0] + "\n")
elif kind == "binary":
    random.seed(11)
    open(p, "wb").write(bytes(random.randrange(256) for _ in range(3000)))
elif kind == "nul":
    lines[2] = lines[2][:5] + "\0" + lines[2][5:]
    open(p, "w", encoding="utf-8").write("\n".join(lines))
elif kind == "runaway":
    lines[4] = lines[4].replace(",", ',"开引号', 1)
    open(p, "w", encoding="utf-8").write("\n".join(lines))
elif kind == "huge":
    # 40,000 characters, 100 of them past U+FFFF (two UTF-16 units each)
    cells = lines[1].split(",")
    cells[1] = "\U00020000" * 100 + "长" * 39900
    lines[1] = ",".join(cells)
    open(p, "w", encoding="utf-8").write("\n".join(lines))
PY2
    timeout 60 "$SHENBAO" check -q "$T/h" > "$T/o" 2>&1
}
hostile zero
check_eq "0 bytes: exit 1" "$?" 1
check_grep "0 bytes: no header, at 1:1" \
    'annex/devices.csv:1:1: error: .*\[annex.no-header\]' "$T/o"
hostile header
check_eq "header only: exit 1 (the figures find no devices)" "$?" 1
check_no_grep "header only: no error at the file itself" \
    'annex/devices.csv[:0-9]*: error' "$T/o"
hostile binary
check_eq "random bytes: exit 1, no crash" "$?" 1
check_grep "random bytes: invalid bytes named at row:column" \
    'annex/devices.csv:[0-9]+:[0-9]+: error: .*\[csv.invalid-byte\]' "$T/o"
hostile nul
check_eq "a NUL in a field: exit 1" "$?" 1
check_grep "a NUL: at its row and column" \
    'annex/devices.csv:3:2: error: .*\[csv.nul-byte\]' "$T/o"
hostile runaway
check_eq "a quote never closed: exit 1" "$?" 1
check_grep "the runaway quote named at the row it opened, no row lost" \
    'annex/devices.csv:5:2: error: 第 5 行的引号未闭合.*没有丢行 \[csv.runaway-quote\]' "$T/o"
# a field over Excel's 32,767 characters (counted in UTF-16 units as
# Excel does): the workbook keeps its start, cut on a character, noted
hostile huge
check_grep "a 40,000-character field: a warning at its row and column" \
    'annex/devices.csv:2:2: warning: .*Excel 单元格上限.*\[cell.excel-too-long\]' "$T/o"
timeout 60 "$SHENBAO" xlsx -o "$T/huge.xlsx" "$T/h" > "$T/o" 2>&1
check "a 40,000-character field: the workbook is written" test -s "$T/huge.xlsx"
python3 - "$T/huge.xlsx" > "$T/cell" <<'PY2'
import re, sys, zipfile, html
z = zipfile.ZipFile(sys.argv[1])
best = ""
for n in z.namelist():
    if n.endswith(".xml"):
        for t in re.findall(r"<t[^>]*>([^<]*)</t>", z.read(n).decode("utf-8")):
            if len(t) > len(best):
                best = html.unescape(t)
print(len(best.encode("utf-16-le")) // 2, best.startswith("\U00020000" * 100 + "长"),
      best.endswith("已截断）"))
PY2
check_eq "the cell: 32,767 UTF-16 units at most, its start kept, noted" \
    "$(cat "$T/cell")" "32767 True True"
finish
