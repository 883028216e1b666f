#!/bin/sh
# End-to-end: declaration.md as a hostile user writes it (issue 11, items
# 1, 4 and 12). Images that leave the declaration (by their spelling, a
# link out, a device) are error findings naming the reference and are
# never opened (strace sees every open); raw HTML keeps its text and drops
# <script> with a warning; lists, quotes and emphasis 30,000 deep do not
# crash the report.
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP
B=tests/fixtures/platform-2023/base
PNG=inputs/sample/evidence/02-平台运行监测截图.png

# put: the text on stdin into the narrative of $T/d, first in 1.1's
# section (企业简介 is a table's cell: text only, report_form.sh)
put() {
    cat > "$T/add.md"
    python3 - "$T/d/declaration.md" "$T/add.md" <<'PY'
import sys
p, add = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
s = open(p, encoding="utf-8").read()
mark = "# 1.1 工业设备数量 补充说明\n"
assert mark in s
open(p, "w", encoding="utf-8").write(s.replace(mark, mark + "\n" + add + "\n", 1))
PY
}
fresh() {
    rm -rf "$T/d"
    cp -r "$B" "$T/d"
}
# traced CMD...: run it, every open(2) in $T/trace (or nothing traced
# where ptrace is not allowed: then only the findings are asserted)
if strace -f -o /dev/null true 2>/dev/null; then
    traced() { strace -f -qq -e trace=open,openat -o "$T/trace" "$@"; }
else
    traced() { : > "$T/trace"; "$@"; }
fi

fresh
mkdir -p "$T/out"
cp "$PNG" "$T/out/bait.png"
cp "$PNG" "$T/d/inside.png"
ln -s "$T/out/bait.png" "$T/d/link.png"
put <<EOF2
![外面](../out/bait.png)

![绝对路径]($T/out/bait.png)

![口令](/etc/passwd)

![零](/dev/zero)

![链接](link.png)

![里面的图](inside.png)

<div>块中文字 <b>加粗词</b></div>

<script>alert('脚本秘密')</script>

行内 <span>包裹词</span> 接着<script>内联秘密</script>收尾。
EOF2
traced timeout 60 "$SHENBAO" report -o "$T/r.pdf" "$T/d" > "$T/o" 2>&1
check_eq "images outside: exit 1" "$?" 1
check_eq "each is an error naming the reference" \
    "$(sed -n 's/.*error: 图片“\([^”]*\)”.*\[report.image-outside\]$/\1/p' "$T/o" | LC_ALL=C sort | tr '\n' ' ')" \
    "$(printf '%s\n' ../out/bait.png "$T/out/bait.png" /dev/zero /etc/passwd \
        link.png | LC_ALL=C sort | tr '\n' ' ')"
check_eq "none of them was opened" \
    "$(grep -cE 'bait.png|/etc/passwd|/dev/zero' "$T/trace")" 0
pdftotext "$T/r.pdf" "$T/r.txt"
check_grep "the image inside is placed" '图[0-9]+ 里面的图' "$T/r.txt"
check_no_grep "no other figure from the narrative" '图[0-9]+ (外面|绝对|口令|零|链接)' "$T/r.txt"
check_grep "raw HTML keeps its text" '块中文字 加粗词' "$T/r.txt"
check_grep "inline HTML keeps its text" '行内 包裹词 接着收尾。' "$T/r.txt"
check_no_grep "script content is not printed" '秘密' "$T/r.txt"
check_eq "dropped script content is a warning, twice" \
    "$(grep -c 'warning: .*<script>.*\[report.html-dropped\]' "$T/o")" 2

timeout 60 "$SHENBAO" report --follow-symlinks -o "$T/r2.pdf" "$T/d" > "$T/o" 2>&1
check_no_grep "--follow-symlinks takes the link" '“link.png”' "$T/o"
check_grep "but never a reference out by its spelling" '“../out/bait.png”' "$T/o"

# nesting 30,000 deep: lists, block quotes, emphasis (main crashed: the
# walk recursed)
fresh
python3 -c "print('- ' * 30000 + '列表深处' + '\n\n' + '> ' * 30000 + '引用深处'
                   + '\n\n' + '*' * 20000 + '强调深处' + '*' * 20000)" | put
timeout 120 "$SHENBAO" report -o "$T/r.pdf" "$T/d" > "$T/o" 2>&1
check_eq "deep Markdown: no crash, exit 0" "$?" 0
check_grep "the list deeper than the page allows is a warning" \
    'declaration.md:[0-9]+:[0-9]+: warning: .*\[report.deep-list\]' "$T/o"
pdftotext "$T/r.pdf" "$T/r.txt"
check_grep "the deepest list text is printed" '列表深处' "$T/r.txt"
check_grep "the deepest quote text is printed" '引用深处' "$T/r.txt"
check_grep "the deepest emphasis text is printed" '强调深处' "$T/r.txt"
# 20,000 #### headings (item 8): the report is built and every heading is
# set (no time is asserted: the cost is linear, about
# 1.6 ms of CPU a heading at 10k, 20k and 40k)
fresh
python3 -c "print(''.join('#### 小标题%d\n\n' % i for i in range(20000)))" | put
timeout 900 "$SHENBAO" report -o "$T/r.pdf" "$T/d" > "$T/o" 2>&1
check_eq "20,000 headings in 1.1 (no word limit): exit 0, no error" \
    "$?:$(sed -n 's/.*: error: .*\[\([a-z.-]*\)\]$/\1/p' "$T/o" | sort -u)" \
    "0:"
check_eq "each of the 20,000 headings is in the 申报书" \
    "$(pdftotext "$T/r.pdf" - | grep -o '小标题[0-9]*' | sort -u | wc -l)" 20000
finish
