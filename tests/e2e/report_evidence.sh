#!/bin/sh
# End-to-end: the evidence and the narrative of the 申报书 against the
# data (issue 13 items 1, 2, 4, 5). From the platform-2023 fixture: an
# evidence index that proves every starred indicator but 4.5 and files
# nothing under 附件9; 3.1 with 4 of its 5–8 cases; 5.2 quoting a staff
# count 50 over form.csv's and 2.3 naming an APP absent from 附件6 (and
# one present, and a rounded figure that agrees). Each defect must give
# exactly one finding, --strict makes the evidence ones errors, and the
# PDF prints the 证明材料细分目录 and 附件9–13 (expected values computed
# here from the fixture's files).
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP
D=$T/d
cp -r tests/fixtures/platform-2023/base "$D"
cp inputs/sample/architecture.png "$D/"
cat > "$D/evidence/index.csv" <<'CSV'
标题,文件,指标,附件
软件著作权登记证书,01-软件著作权登记证书.pdf,2.1、3.2、3.3、4.1、5.1,
平台运行监测截图,02-平台运行监测截图.png,1.1,
营业执照,03-营业执照.jpg,,12
CSV
python3 - "$D" > "$T/oracle" <<'PY'
import csv, sys
d = sys.argv[1]
form = {r["代码"]: r["值"] for r in csv.DictReader(open(d + "/form.csv", encoding="utf-8-sig"))}
apps = [r["APP名称"] for r in csv.DictReader(open(d + "/annex/killer_apps.csv", encoding="utf-8-sig"))]
devices = sum(1 for _ in open(d + "/annex/devices.csv", encoding="utf-8-sig")) - 1
staff = int(form["staff.total"]) + 50
subs = int(form["killer.subscriptions"])
md = open(d + "/declaration.md", encoding="utf-8").read()
def section(head, extra, replace=False):
    global md
    i = md.index(head)
    j = md.index("\n# ", i + 1)
    k = md.index("\n", i) if replace else j  # replace: the body, not the heading
    md = md[:k] + "\n" + extra + "\n" + md[j:]
section("# 3.1 ", "\n".join("\n## 方案%d\n\n方案%d的痛点、部署和效益。" % (k, k) for k in range(1, 5)), True)
for h in ("# 3.2 ", "# 3.3 "):
    section(h, "\n".join("\n## 案例%d\n\n案例%d的做法和成效。" % (k, k) for k in range(1, 4)), True)
section("# 2.3 ", "\n杀手锏APP包括“%s”和“不存在的APP”，杀手锏APP订阅量约%d万。" % (apps[0], round(subs / 10000)))
section("# 5.2 ", "\n从业人员数量为%d人。" % staff)
section("# （3）", "\n![平台总体架构](architecture.png)")
open(d + "/declaration.md", "w", encoding="utf-8").write(md)
print(staff, devices, apps[0])
PY
read -r staff devices app0 < "$T/oracle"

"$SHENBAO" report -o "$T/a.pdf" "$D" > "$T/a.txt" 2> "$T/err"
check_eq "report exits 0 (warnings only)" "$?" 0
# one line per finding of the 申报书: "SEVERITY CODE message"
sed -n 's/^[^ ]*: \(warning\|error\): \(.*\) \[\(\(report\|evidence\)\.[a-z-]*\)\]$/\1 \3 \2/p' \
    "$T/a.txt" > "$T/codes"
count() { grep -c "$1" "$T/codes"; }
check_eq "one starred figure without evidence" "$(count 'evidence.indicator-missing')" 1
check_grep "it is 4.5" "warning evidence.indicator-missing .*“4\.5 " "$T/codes"
check_eq "one required material missing (附件9)" "$(count 'evidence.material-missing')" 1
check_eq "one section short of cases (3.1: 4 of 5–8)" "$(count 'report.cases')" 1
check_grep "found 4" "report.cases .*实有4个" "$T/codes"
check_eq "the architecture diagram counts" "$(count 'report.figure-missing')" 0
check_eq "one narrative figure that disagrees" "$(count 'report.figure-differs')" 1
check_grep "the staff count, as quoted" "report.figure-differs .*从业人员数量为$staff" "$T/codes"
check_eq "one APP absent from 附件6" "$(count 'report.name-unknown')" 1
check_grep "the absent one" "report.name-unknown .*不存在的APP" "$T/codes"
check_no_grep "not the listed one" "name-unknown .*$app0" "$T/codes"

"$SHENBAO" report --strict -o "$T/b.pdf" "$D" > "$T/b.txt" 2>&1
check_eq "--strict: the evidence findings fail the run" "$?" 1
check_grep "as errors" "error: .*\[evidence.indicator-missing\]" "$T/b.txt"

pdftotext "$T/a.pdf" - | tr -d ' \n\f' > "$T/text"
check_grep "the 证明材料细分目录 is printed" "证明材料细分目录" "$T/text"
check_grep "1.1 rests on 附件1 with its rows" "附件1：$(printf "%'d" "$devices" 2>/dev/null || echo "$devices")" "$T/text"
check_grep "and on the screenshot" "1\.1工业设备数量.*证明材料[0-9]平台运行监测截图" "$T/text"
check_grep "附件9 says 无" "附件9：财务报表[^附]*无。" "$T/text"
check_grep "report alone: the items named without the volume's pages" \
    "清单核对结果和证明材料。" "$T/text"
check_no_grep "so the 细分目录 promises none" "页码为证明材料册的页码" "$T/text"
check_grep "附件12 holds the licence" "附件12：企业运营资质材料：证明材料[0-9]营业执照" "$T/text"
finish
