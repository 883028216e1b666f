#!/bin/sh
# End-to-end: `shenbao volumes` on tests/fixtures/platform-2023/base: the annex volumes
# (every row once, in file order, the header and "第 n 页 共 N 页" on
# every page, the title page, masking, invalid cells as written, a file
# without 序号), the evidence volume (contents, page numbers, vectors,
# JPEG as is, index.csv, unreadable files), determinism and failures
# that leave nothing half-written.
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
base=$top/tests/fixtures/platform-2023/base
T=$E2E_TMP
py() { python3 "$top/tests/e2e/volumes_pdf.py" "$@"; }
pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }
# size of page 1: "w h" in pt, rounded
size() { pdfinfo "$1" | awk '/^Page size:/ { printf "%.0f %.0f", $3, $5 }'; }

# ---- the annex volumes --------------------------------------------------
"$SHENBAO" volumes -o "$T/v" "$base" > "$T/out" 2> "$T/err"
check_eq "volumes: exit 0" "$?" 0
check_eq "volumes: 8 annex volumes and the evidence volume" \
    "$(ls "$T/v" | grep -c '\.pdf$')" 9
check_grep "volumes: lists what it wrote" \
    "附件1-工业设备清单.pdf \(附件1 工业设备清单: [0-9]+ pages\)" "$T/out"
check_no_grep "volumes: nothing on stderr" "." "$T/err"
ls "$T/v" | grep -q '\.tmp$'
check_eq "volumes: no temporary file left" "$?" 1

dev=$T/v/附件1-工业设备清单.pdf
check_eq "devices: landscape A4" "$(size "$dev")" "842 595"
check_eq "devices: pages (4 classes, subtotals, total)" "$(pages "$dev")" 5
check_eq "devices: every device ID of the CSV exactly once" \
    "$(py once "$base/annex/devices.csv" 2 "$dev")" "ok 60 values"
check_eq "devices: 第 n 页 共 N 页 on every page, header on every list page" \
    "$(py pages "$dev" 设备ID 所属企业 '附件1 工业设备清单 · 澜川智造科技股份有限公司')" \
    "ok 5 pages"
check_eq "devices: title page facts" \
    "$(py present "$dev" 附件1工业设备清单 申报单位：澜川智造科技股份有限公司 \
        统计截止日期：2023年5月31日 记录条数：60条)" ok
# rows by class in the order of enums.csv, file order within a class:
# the 序号 as the file has them (python sorts the CSV itself)
pdftotext -layout "$dev" - | awk '$2 ~ /^EQ/ { print $1 }' > "$T/seq"
check_eq "devices: rows by class, file order within" "$(tr '\n' ' ' < "$T/seq")" \
    "$(python3 - "$base/annex/devices.csv" "$top/pipeline/forms/platform-2023/enums.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
order = [r[1] for r in csv.reader(open(sys.argv[2], encoding="utf-8"))
         if r[0] == "device_class"]
k = rows[0].index("设备类别")
data = sorted(rows[1:], key=lambda r: order.index(r[k]))
print(" ".join(r[0] for r in data) + " ")
PY
)"
ros=$T/v/附件8-企业人员花名册.pdf
check_eq "roster: narrow columns go portrait" "$(size "$ros")" "595 842"
check_eq "roster: 第 n 页 共 N 页, header" "$(py pages "$ros" 姓名 入职日期)" \
    "ok 2 pages"

dvl=$T/v/附件5-平台开发者注册清单.pdf
check_eq "developers unmasked: every phone number" \
    "$(py once "$base/annex/developers.csv" 5 "$dvl")" "ok 40 values"
check_eq "developers unmasked: the title page says so" \
    "$(py present "$dvl" 个人信息：开发者姓名、手机号码、电子邮箱未脱敏)" ok

# ---- masking -------------------------------------------------------------
"$SHENBAO" volumes --mask -a developers -o "$T/m" "$base" > "$T/out"
check_eq "--mask --annex developers: exit 0" "$?" 0
check_eq "--mask --annex: only that volume" "$(ls "$T/m")" \
    "附件5-平台开发者注册清单.pdf"
msk=$T/m/附件5-平台开发者注册清单.pdf
check_eq "masked: no phone number of developers.csv" \
    "$(py absent "$base/annex/developers.csv" 5 "$msk")" ok
check_eq "masked: no e-mail address" \
    "$(py absent "$base/annex/developers.csv" 6 "$msk")" ok
check_eq "masked: no full name" \
    "$(py absent "$base/annex/developers.csv" 3 "$msk")" ok
check_eq "masked: the masked forms" \
    "$(py present "$msk" 韩* 153****3608 l***@outlook.com 潘*远 \
        个人信息：开发者姓名、手机号码、电子邮箱已脱敏)" ok
check_eq "masked: IDs untouched" \
    "$(py once "$base/annex/developers.csv" 2 "$msk")" "ok 40 values"
"$SHENBAO" volumes -a nonesuch -o "$T/m" "$base" 2> "$T/err"
check_eq "--annex of no annex: exit 2" "$?" 2
check_grep "--annex of no annex: said" "nonesuch: no such annex" "$T/err"

# ---- invalid cells as written, a ragged row, no 序号 column --------------
cp -r "$base" "$T/d2"
(cd "$T/d2" && . "$top/tests/fixtures/mutate.sh" &&
    set_cell annex/devices.csv 5 2 1.23457E+11 &&
    set_cell annex/developers.csv 2 7 2021-02-30 &&
    sed -i '4s/$/,多余/' annex/devices.csv &&
    cut -d, -f2- annex/models.csv > m && mv m annex/models.csv)
"$SHENBAO" volumes -o "$T/v2" "$T/d2" > /dev/null 2>&1
check_eq "defects: volumes still written (exit 0)" "$?" 0
check_eq "defects: the destroyed ID, the impossible date, the extra field" \
    "$(py present "$T/v2/附件1-工业设备清单.pdf" 1.23457E+11 多余)$(py present \
        "$T/v2/附件5-平台开发者注册清单.pdf" 2021-02-30)" okok
mdl=$T/v2/附件2-工业模型清单.pdf
check_eq "no 序号 in the file: the volume numbers the rows" \
    "$(pdftotext -layout "$mdl" - | awk '$2 ~ /^MDL-/ { print $1 }' |
        tr '\n' ' ')" "$(seq 1 16 | tr '\n' ' ')"
check_eq "no 序号 in the file: the title page says so" \
    "$(py present "$mdl" 来源文件无序号列，序号按印出顺序编排)" ok

# ---- the evidence volume -------------------------------------------------
ev=$T/v/证明材料.pdf
check_eq "evidence: contents page and one page per item" "$(pages "$ev")" 4
pdftotext -layout -f 1 -l 1 "$ev" - | sed 's/[. ]\{2,\}/ /g' > "$T/toc"
check_grep "evidence: contents entry 1 with its page" \
    "证明材料1 软件著作权登记证书 2$" "$T/toc"
check_grep "evidence: contents entry 2 with its page" \
    "证明材料2 平台运行监测截图 3$" "$T/toc"
check_grep "evidence: contents entry 3 with its page" \
    "证明材料3 营业执照 4$" "$T/toc"
check_eq "evidence: 第 n 页 共 N 页 and the header on every page" \
    "$(py pages "$ev" '证明材料 · 澜川智造科技股份有限公司')" "ok 4 pages"
for k in 1 2 3; do
    p=$((k + 1))
    pdftotext -f $p -l $p "$ev" - | grep -q "^证明材料$k "
    check_eq "evidence: item $k heads page $p" "$?" 0
done
check_eq "evidence: contents entries are links (附件10, 11, 12 and an item each)" \
    "$(grep -a -c '/Subtype /Link' "$ev")" 6
check_grep "evidence: the items filed under the notice's annexes (materials.csv)" \
    "附件12 企业运营资质 4$" "$T/toc"
mutool show "$ev" outline > "$T/outline" 2>/dev/null
check_grep "evidence: outline entry to page 3" \
    '"证明材料2 平台运行监测截图".*#page=3' "$T/outline"
check_eq "evidence: the PDF page placed as vectors (its text is text)" \
    "$(py present "$ev" 软件名称：澜川工业互联网平台设备接入管理软件)" ok
check_eq "evidence: the JPEG embedded as is (DCTDecode)" \
    "$(grep -a -c '/DCTDecode' "$ev")" 1

# index.csv: its order and titles; a file it names that is missing; a
# file of the folder it does not name; an unreadable PDF; a Word file
cp -r "$base" "$T/d3"
printf '标题,文件,附件\n营业执照（副本）,03-营业执照.jpg,13\n软件著作权登记证书,01-软件著作权登记证书.pdf,附件13\n审计报告,05-审计报告.pdf,\n' \
    > "$T/d3/evidence/index.csv"
printf '%%PDF-1.4 this is not a PDF\n' > "$T/d3/evidence/04-损坏的扫描件.pdf"
printf 'PK\003\004' > "$T/d3/evidence/06-说明.docx"
"$SHENBAO" volumes -a evidence -o "$T/v3" "$T/d3" > "$T/out" 2> "$T/err"
check_eq "evidence with defects: exit 1 (written, an item left out)" "$?" 1
check_grep "unreadable PDF: a finding naming the file" \
    "04-损坏的扫描件.pdf: error: 证明材料文件无法读取.*\[evidence.unreadable\]" \
    "$T/err"
check_grep "missing file of the index: a finding" \
    "index.csv: error: .*05-审计报告.pdf.*\[evidence.missing\]" "$T/err"
check_grep "file the index does not name: a warning" \
    "02-平台运行监测截图.png: warning: .*\[evidence.unlisted\]" "$T/err"
check_grep "Word file: a warning" "06-说明.docx: warning: .*\[evidence.unsupported\]" \
    "$T/err"
pdftotext -layout -f 1 -l 1 "$T/v3/证明材料.pdf" - |
    sed -n 's/^ *\(证明材料[0-9]\) \([^ .]*\).*/\1 \2/p' > "$T/toc"
check_eq "by annex (the unlisted screenshot by its title under 附件11, the index's under its 附件13), in index order within one, with its titles" \
    "$(tr '\n' '|' < "$T/toc")" \
    "证明材料1 平台运行监测截图|证明材料2 营业执照（副本）|证明材料3 软件著作权登记证书|"

# ---- determinism and failures --------------------------------------------
"$SHENBAO" volumes -o "$T/v4" "$base" > /dev/null 2>&1
same=0
for f in "$T"/v/*.pdf; do
    cmp -s "$f" "$T/v4/$(basename "$f")" || same=1
done
check_eq "two runs, identical bytes (all 9 volumes)" "$same" 0
! grep -q -a CreationDate "$dev"
check_eq "no CreationDate" "$?" 0

# a write that fails (file size limit) leaves the previous volumes as they
# were and no temporary file
sums=$(cd "$T/v" && cksum *.pdf)
(trap '' XFSZ; ulimit -f 20; exec "$SHENBAO" volumes -o "$T/v" "$base") \
    > /dev/null 2> "$T/err"
check_eq "failed write: exit 2" "$?" 2
check_grep "failed write: the file is named" "附件1-工业设备清单.pdf" "$T/err"
check_eq "failed write: previous volumes intact" "$(cd "$T/v" && cksum *.pdf)" \
    "$sums"
ls "$T/v" | grep -q '\.tmp$'
check_eq "failed write: no temporary file left" "$?" 1
# an output directory that cannot be made
touch "$T/file"
"$SHENBAO" volumes -o "$T/file/v" "$base" > /dev/null 2> "$T/err"
check_eq "output directory not makeable: exit 2" "$?" 2
if [ "$(id -u)" -ne 0 ]; then
    chmod a-w "$T/v"
    "$SHENBAO" volumes -o "$T/v" "$base" > /dev/null 2>&1
    check_eq "output directory not writable: exit 2" "$?" 2
    chmod u+w "$T/v"
fi

# ---- build writes them into OUT/annex/ ----------------------------------
"$SHENBAO" build -q -o "$T/b" "$base" > "$T/out"
check_eq "build: exit 0" "$?" 0
check_eq "build: the volumes in OUT/annex/" "$(ls "$T/b/annex" | wc -l)" 9
check_grep "build: lists the volumes with their pages" \
    "annex/证明材料.pdf \(4 pages\)" "$T/out"
cmp -s "$T/b/annex/附件1-工业设备清单.pdf" "$dev"
check_eq "build: the same volume as shenbao volumes" "$?" 0

# the 申报书 names each volume with its pages, and its 材料清单 the
# evidence items under 附件9–13 with their pages (notice 002 附件2 说明4)
pdftotext "$T/b/declaration.pdf" - | tr -d '\n' > "$T/decl.txt"
pages=$(pdfinfo "$T/b/annex/附件1-工业设备清单.pdf" | awk '/^Pages:/ { print $2 }')
check_grep "build: 申报书 names 附件1's volume and its $pages pages" \
    "另册：附件1-工业设备清单\.pdf，共${pages}页。" "$T/decl.txt"
pages=$(pdfinfo "$T/b/annex/附件8-企业人员花名册.pdf" | awk '/^Pages:/ { print $2 }')
check_grep "build: 申报书 names 附件8's volume and its $pages pages" \
    "另册：附件8-企业人员花名册\.pdf，共${pages}页。" "$T/decl.txt"
pdftotext -f 1 -l 8 "$T/b/declaration.pdf" - > "$T/toc.txt"
check_grep "build: the contents list 附件12" "附件12：企业运营资质" "$T/toc.txt"
check_grep "build: 附件12 lists its item with its volume page" \
    "附件12：企业运营资质 ?材料：证明材料 ?3 ?营业执照（证明材料\.pdf ?第 ?4 ?页）" \
    "$T/decl.txt"
"$SHENBAO" report -o "$T/r.pdf" "$base" > /dev/null 2>&1
pdftotext "$T/r.pdf" - | tr -d '\n' > "$T/r.txt"
check_no_grep "report alone (no volumes written): no 另册" "另册" "$T/r.txt"

finish
