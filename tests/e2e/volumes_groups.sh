#!/bin/sh
# End-to-end: the annex lists as the notice orders them (issue 13, items
# 6-10) on tests/fixtures/platform-2023/base. 附件1-3 grouped by class in
# the order of enums.csv, a subtotal per class and a total tied to the
# declared figure (python counts the CSV); a class the list contradicts
# and a cell of no class; the electronic form (--electronic,
# --electronic-pages: the CSV copied as is, its SHA-256 printed); the
# workbook's 分类小计, print setup and 核对表; no internal name (annex/,
# field codes, the citation "002") in the PDF or XLSX text.
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
base=$top/tests/fixtures/platform-2023/base
enums=$top/pipeline/forms/platform-2023/enums.csv
T=$E2E_TMP

counts() {
    # CSV column enum: "label count" per class in enum order, then "合计 N"
    python3 - "$1" "$2" "$3" "$enums" <<'PY'
import csv, sys
path, column, enum, enums = sys.argv[1:5]
rows = list(csv.reader(open(path, encoding="utf-8-sig")))
order = [r[1] for r in csv.reader(open(enums, encoding="utf-8"))
         if r[0] == enum]
k = rows[0].index(column)
for v in order:
    print(v, sum(1 for r in rows[1:] if r[k] == v))
other = sum(1 for r in rows[1:] if r[k] not in order)
if other:
    print("类别未识别", other)
print("合计", len(rows) - 1)
PY
}
# the same read from a volume: "label count" of each subtotal and total
printed() {
    pdftotext -layout "$1" - |
        sed -n 's/^ *\([^ ]*\)小计：\([0-9,]*\) .*/\1 \2/p; s/^ *合计：\([0-9,]*\) .*/合计 \1/p' |
        tr -d ','
}

"$SHENBAO" volumes -o "$T/v" "$base" > /dev/null 2> "$T/err"
check_eq "volumes: exit 0" "$?" 0
check_eq "附件1: a subtotal per device class in enums.csv order, and the total" \
    "$(printed "$T/v/附件1-工业设备清单.pdf")" \
    "$(counts "$base/annex/devices.csv" 设备类别 device_class)"
check_eq "附件2: a subtotal per model class, and the total" \
    "$(printed "$T/v/附件2-工业模型清单.pdf")" \
    "$(counts "$base/annex/models.csv" 模型类别 model_class)"
check_eq "附件3: 自研 and 生态伙伴, and the total" \
    "$(printed "$T/v/附件3-工业APP清单.pdf")" \
    "$(counts "$base/annex/apps.csv" APP来源 app_source)"
pdftotext "$T/v/附件1-工业设备清单.pdf" - | tr -d '\n' > "$T/dev.txt"
total=$(($(wc -l < "$base/annex/devices.csv") - 1))
check_grep "附件1: the total ties to 1.1 and says 一致" \
    "合计：$total 台/套；申报书 1.1 工业设备数量“可连接的工业设备/产品/产线种类及数量”填报 $total 台/套，一致" \
    "$T/dev.txt"
check_eq "附件1: every class tied (4 subtotals and the total say 一致)" \
    "$(grep -o '一致' "$T/dev.txt" | wc -l)" 5
check_eq "附件4 is not grouped" \
    "$(pdftotext "$T/v/附件4-服务工业企业清单.pdf" - | grep -c '小计')" 0

# A device moved to another class, one of no class: the subtotals say
# the difference, the row of no class is printed in a group of its own.
cp -r "$base" "$T/d"
(cd "$T/d" && . "$top/tests/fixtures/mutate.sh" &&
    set_cell annex/devices.csv 2 4 运行设备 && set_cell annex/devices.csv 4 4 未知设备)
id=$(awk -F, 'NR == 4 { print $2 }' "$T/d/annex/devices.csv")
"$SHENBAO" volumes -a devices -o "$T/vd" "$T/d" > /dev/null 2>&1
pdftotext "$T/vd/附件1-工业设备清单.pdf" - | tr -d '\n' > "$T/d.txt"
check_eq "contradicted: subtotals as python counts them, 类别未识别 included" \
    "$(printed "$T/vd/附件1-工业设备清单.pdf")" \
    "$(counts "$T/d/annex/devices.csv" 设备类别 device_class)"
check_grep "contradicted: 运行设备 one more than declared" "运行设备小计：[0-9,]+ 台/套；[^；]*清单多 1" "$T/d.txt"
check_grep "contradicted: 加工设备 two fewer" "加工设备小计：[0-9,]+ 台/套；[^；]*清单少 2" "$T/d.txt"
check_eq "contradicted: the row of no class printed once" \
    "$(grep -o "$id" "$T/d.txt" | wc -l)" 1

# ---- the electronic form -------------------------------------------------
"$SHENBAO" volumes --electronic devices,developers -o "$T/e" "$base" > "$T/out"
check_eq "--electronic: exit 0" "$?" 0
check "--electronic: the device list copied as is" \
    cmp -s "$T/e/附件1-工业设备清单.csv" "$base/annex/devices.csv"
check "--electronic: the developer list copied as is" \
    cmp -s "$T/e/附件5-平台开发者注册清单.csv" "$base/annex/developers.csv"
check_eq "--electronic: not the others" "$(ls "$T/e" | grep -c '\.csv$')" 2
pdftotext "$T/e/附件1-工业设备清单.pdf" - | tr -d ' \n' > "$T/e.txt"
check_grep "--electronic: the file named" "电子清单文件：附件1-工业设备清单\.csv" "$T/e.txt"
check_grep "--electronic: its SHA-256" \
    "SHA-256：$(sha256sum < "$base/annex/devices.csv" | cut -c1-64)" "$T/e.txt"
check_grep "--electronic: its rows" "记录条数：${total}条" "$T/e.txt"
check_eq "--electronic: a summary, not the list (2 pages)" \
    "$(pdfinfo "$T/e/附件1-工业设备清单.pdf" | awk '/^Pages:/ { print $2 }')" 2
check_eq "--electronic: a row per class with the declared figure, and 合计" \
    "$(grep -o '一致' "$T/e.txt" | wc -l)" 5
check_no_grep "--electronic: no device of the list printed" \
    "$(awk -F, 'NR == 2 { print $2 }' "$base/annex/devices.csv")" "$T/e.txt"
"$SHENBAO" volumes --electronic-pages 3 -o "$T/p" "$base" > "$T/out"
check_eq "--electronic-pages 3: the lists over 3 pages only" \
    "$(ls "$T/p" | sed -n 's/\.csv$//p' | tr '\n' ' ')" \
    "$(for f in "$T"/v/附件*.pdf; do
        n=$(pdfinfo "$f" | awk '/^Pages:/ { print $2 }')
        [ "$n" -gt 3 ] && basename "$f" .pdf
    done | tr '\n' ' ')"

# ---- the workbook --------------------------------------------------------
"$SHENBAO" xlsx -q -o "$T/b.xlsx" "$base"
X="python3 $top/tests/e2e/xlsx_check.py"
$X sheet "$T/b.xlsx" 分类小计 | sed 's/^[0-9]* //; s/\.0 / /g' |
    awk -F' \\| ' 'NR > 1 { print $2, $3 }' > "$T/groups"
check_eq "分类小计: each class's rows as python counts them" \
    "$(cat "$T/groups")" \
    "$( (counts "$base/annex/devices.csv" 设备类别 device_class
        counts "$base/annex/models.csv" 模型类别 model_class
        counts "$base/annex/apps.csv" APP来源 app_source))"
check_eq "分类小计: every row 一致" \
    "$($X sheet "$T/b.xlsx" 分类小计 | grep -c '| 一致 |')" \
    "$(wc -l < "$T/groups")"
mkdir -p "$T/x" && (cd "$T/x" && unzip -q -o "$T/b.xlsx")
n=$(ls "$T/x/xl/worksheets/" | grep -c '^sheet[0-9]*\.xml$')
check_eq "every sheet prints A4 landscape, fit to width" \
    "$(cat "$T"/x/xl/worksheets/sheet*.xml | grep -o '<pageSetup paperSize="9" fitToHeight="0" orientation="landscape"/>' | wc -l)" "$n"
check_eq "every sheet repeats its header row on each page" \
    "$(grep -o '_xlnm.Print_Titles' "$T/x/xl/workbook.xml" | wc -l)" "$n"
check_eq "every sheet has its print area" \
    "$(grep -o '_xlnm.Print_Area' "$T/x/xl/workbook.xml" | wc -l)" "$n"
cat "$T"/x/xl/worksheets/sheet*.xml | sed 's/<[^>]*>/\n/g' > "$T/xtext"
check_no_grep "XLSX: no file name of the declaration" 'annex/' "$T/xtext"
check_no_grep "XLSX: no field code" \
    '(^|[^A-Za-z])(company|devices|models|apps|finance|rnd)\.[a-z_]+' "$T/xtext"
check_no_grep "XLSX: no internal citation 002" '^002( |$)' "$T/xtext"
check_grep "XLSX: sources cite the notice by its title" \
    '^工业和信息化部办公厅关于组织申报2023年.*附件2 1\.1$' "$T/xtext"
$X sheet "$T/b.xlsx" 核对表 > "$T/ck"
check_eq "核对表: no row left at 无清单核对 without its basis" \
    "$(grep '无清单核对' "$T/ck" | grep -vc '附件清单无此项，以申报书“.*”所填为准')" 0
check_grep "核对表: a bound says its rule with both sides" \
    '符合 \| 附件1 清单所用协议不多于兼容协议数（[0-9]+种不多于[0-9]+种）' "$T/ck"
decl=$(awk -F, '$1 == "company.tax_last_year" { gsub(/"/, "", $3); print $3 }' "$base/form.csv")
check_eq "核对表: a decimal read back as declared ($decl)" \
    "$(awk -F' \\| ' '$2 == "上年税金（万元）" { print $4 }' "$T/ck" |
        python3 -c "import sys; print(float(sys.stdin.read()) == float('$decl'))")" True

# ---- no internal names in the printed volumes ----------------------------
for f in "$T"/v/附件*.pdf "$T"/e/附件*.pdf; do pdftotext "$f" -; done > "$T/all.txt"
check_no_grep "volumes: no file name of the declaration" 'annex/|devices\.csv' "$T/all.txt"
check_no_grep "volumes: no 照录 of known errors" '有误的单元格' "$T/all.txt"

# build passes --electronic on
"$SHENBAO" build -q --electronic devices -o "$T/bd" "$base" > /dev/null
check "build --electronic devices: the list beside its volume" \
    cmp -s "$T/bd/annex/附件1-工业设备清单.csv" "$base/annex/devices.csv"
finish
