#!/bin/sh
# End-to-end: `shenbao report` on the bundled sample, measured as a
# reviewer would: A4 pages, embedded subset fonts with ToUnicode, the
# figures of form.csv in the text as the form prints them (the expected
# strings are computed here from form.csv and the annex files, not by
# the program), the GB/T 9704 grid (28 字 a line, 22 lines a page, one
# pitch), headings in their faces, contents and bookmarks that agree
# with the pages, determinism, also of `shenbao build`'s 申报书 (which
# adds the annex volumes it wrote to the materials list).
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP
S=inputs/sample

"$SHENBAO" report -o "$T/a.pdf" "$S" > "$T/out.txt" 2> "$T/err.txt"
check_eq "report on the sample exits 0" "$?" 0
check_grep "the findings are printed" '^0 errors, 0 warnings' "$T/out.txt"
check_grep "the PDF is named" "申报书 written to $T/a.pdf" "$T/out.txt"
check "the PDF exists" test -s "$T/a.pdf"

# run failures exit 2 and write nothing
"$SHENBAO" report 2> "$T/e.txt"
check_eq "report without a directory exits 2" "$?" 2
"$SHENBAO" report -o "$T/g.pdf" inputs/green-design > /dev/null 2> "$T/e.txt"
check_eq "an edition without a template exits 2" "$?" 2
check_grep "and says so" "has no 申报书 template" "$T/e.txt"
check "nothing written for it" test ! -e "$T/g.pdf"
: > "$T/blocked"
"$SHENBAO" report -o "$T/blocked/x.pdf" "$S" > /dev/null 2> "$T/e.txt"
check_eq "an unwritable output (a file where its folder goes) exits 2" "$?" 2
check_grep "naming the file" "blocked/x.pdf" "$T/e.txt"

# determinism, of report and of build
"$SHENBAO" report -o "$T/b.pdf" "$S" > /dev/null 2>&1
check "two runs give identical bytes" cmp -s "$T/a.pdf" "$T/b.pdf"
"$SHENBAO" build -q -o "$T/build" "$S" > "$T/build.txt" 2>&1
check_grep "build lists the 申报书" "declaration.pdf" "$T/build.txt"
"$SHENBAO" build -q -o "$T/build2" "$S" > /dev/null 2>&1
check "two builds write identical 申报书 bytes" \
    cmp -s "$T/build/declaration.pdf" "$T/build2/declaration.pdf"
pdftotext "$T/a.pdf" - | grep -c . > "$T/a.n"
pdftotext "$T/build/declaration.pdf" - | grep -c . > "$T/b.n"
check "build's 申报书 holds more text than report's (the volumes)" \
    test "$(cat "$T/b.n")" -gt "$(cat "$T/a.n")"
check_no_grep "no CreationDate" "CreationDate" "$T/a.pdf"
pdftotext "$T/build/declaration.pdf" - | tr -d ' \n\f' > "$T/b.text"
check_grep "build's 细分目录 promises the evidence volume's pages" \
    "页码为证明材料册的页码" "$T/b.text"
check_grep "and gives them (1.1 rests on a page of 证明材料.pdf)" \
    "1\.1工业设备数量.*（证明材料\.pdf第[1-9][0-9]*页）" "$T/b.text"

# pages: all A4
pages=$(pdfinfo "$T/a.pdf" | awk '/^Pages:/ { print $2 }')
check "more than 15 pages ($pages)" test "$pages" -gt 15
pdfinfo -f 1 -l "$pages" "$T/a.pdf" | awk '
    /^Page +[0-9]+ size:/ { n++; if ($4 != "595.276" || $6 != "841.89") bad++ }
    END { exit !(n > 0 && bad == 0) }'
check_eq "every page A4 portrait" "$?" 0
pdfinfo "$T/a.pdf" > "$T/info.txt"
check_grep "PDF title from edition.csv" \
    '^Title: +2023年跨行业跨领域工业互联网平台申报书$' "$T/info.txt"
check_grep "PDF author is the applicant" '^Author: +澜川智造科技股份有限公司$' \
    "$T/info.txt"

# fonts: the four Fandol faces, embedded, subset, with ToUnicode
pdffonts "$T/a.pdf" > "$T/fonts.txt"
awk 'NR > 2 {
        n++
        if ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") bad++
        name = $1; sub(/^[A-Z]+\+/, "", name)
        if (name !~ /^Fandol(Fang|Hei|Kai|Song)-Regular$/) bad++
        if ($0 ~ /Type 3|Bold/) bad++
    }
    END { exit !(n == 4 && bad == 0) }' "$T/fonts.txt"
check_eq "fonts: FandolFang/Hei/Kai/Song Regular only, emb sub uni" "$?" 0

# the figures of form.csv, formatted as the form prints them
pdftotext -raw "$T/a.pdf" - | tr -d ' \n\f\r\t' | sed 's/—[0-9]*—//g' \
    > "$T/text.txt"
python3 - "$S" > "$T/expected.txt" <<'PY'
import csv, sys
d = sys.argv[1]
v = {r["代码"]: r["值"] for r in csv.DictReader(open(d + "/form.csv",
                                                    encoding="utf-8-sig"))}
def group(code):
    return "{:,}".format(int(v[code]))
def money(code):
    dec = len(v[code].split(".")[1]) if "." in v[code] else 0
    return "{:,.{}f}".format(float(v[code]), dec)
def date(code):
    y, m, dd = v[code].split("-")
    return "%d年%d月%d日" % (int(y), int(m), int(dd))
rows = sum(1 for _ in csv.reader(open(d + "/annex/devices.csv",
                                      encoding="utf-8-sig"))) - 1
for s in [
    "可连接的工业设备/产品/产线种类及数量：%s台/套" % group("devices.total"),
    "运行设备%s台/套" % group("devices.operating"),
    "加工设备%s台/套" % group("devices.processing"),
    "基于公有云的工业设备日运行数量：%s台/套" % group("devices.daily_running"),
    "工业模型数量：%s个" % group("models.total"),
    "注册工业企业用户数：%s个" % group("enterprises.registered"),
    "第三方开发者注册总数：%s个" % group("developers.registered"),
    "杀手锏APP订阅量：%s" % group("killer.subscriptions"),
    "2022年月平均收入：%s万元" % money("killer.monthly_revenue"),
    "累计服务中小企业合同金额：%s万元" % money("sme.contract_amount"),
    "近三年平台相关的累计业务收入：%s万元" % money("finance.revenue_3y"),
    "投资回报率：%s" % v["finance.roi"],
    "（州）”：无（数据均从2021年开始计算）",
    money("company.total_assets"),
    money("platform.investment"),
    date("company.founded"),
    date("declare_date"),
    v["company.name"],
    v["contact.email"],
    "■自建□合作共建",
    "□自建■租用",
    "运用以下技术：■5G■大数据■人工智能■数字孪生■区块链■工业AR/VR",
    "清单共%s条记录。" % "{:,}".format(rows),
]:
    print(s)
PY
while IFS= read -r want; do
    check "text has: $want" grep -qF -- "$want" "$T/text.txt"
done < "$T/expected.txt"
check "the narrative is in: 1.1" grep -qF "平台接入的设备以数控机床" "$T/text.txt"
check "bold lines of the narrative: （一）申报单位情况介绍" \
    grep -qF "（一）申报单位情况介绍澜川智造" "$T/text.txt"
check "charts are captioned 图N title" grep -qF "图1工业设备按类别" "$T/text.txt"
check_eq "a chart's title is printed in its caption and its citation only" \
    "$(grep -o "工业设备按类别" "$T/text.txt" | wc -l)" 2
check "the text cites each figure before it (见图N)" python3 - "$T/text.txt" <<'PY'
import re, sys
t = open(sys.argv[1], encoding="utf-8").read()
cited = set(int(c) for c in re.findall(r"见图(\d+)。", t))
# every chart (1..n but the narrative's own images, which are last) cited
sys.exit(0 if cited and cited == set(range(1, max(cited) + 1)) and max(cited) >= 7 else 1)
PY
check_no_grep "no Markdown syntax leaks into the text" '\*\*|\{\{|shenbao-' \
    "$T/text.txt"
check_no_grep "no blank left in a clean declaration" '____' "$T/text.txt"
check_no_grep "no internal file name (annex/…) in the text" 'annex/' \
    "$T/text.txt"

# the grid, headings, contents and outline, measured per character
mutool draw -F stext -o "$T/a.xml" "$T/a.pdf" 2>/dev/null
mutool show "$T/a.pdf" outline > "$T/outline.txt" 2>/dev/null
python3 tests/e2e/report_stext.py "$T/a.xml" "$T/outline.txt" \
    > "$T/stext.txt" 2>&1
python3 tests/e2e/report_bold.py "$T/a.pdf" "$T/a.xml" >> "$T/stext.txt" 2>&1
grep -E '^(INFO|FAIL)' "$T/stext.txt"
check "stext measurements ran" grep -q '^PASS' "$T/stext.txt"
while IFS= read -r line; do
    case "$line" in
    PASS*) pass ;;
    FAIL*) fail "${line#FAIL }" ;;
    esac
done < "$T/stext.txt"
finish
