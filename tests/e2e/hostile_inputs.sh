#!/bin/sh
# End-to-end: a declaration never makes shenbao read outside itself or
# block (pipeline/base/inside.h). Bait files lie beside the declaration;
# annex lists, form.csv and declaration.md are made links to them, a FIFO
# and a device. Each refusal is an error finding at the file (exit 1),
# the check runs to its end (every run under `timeout`: a FIFO read would
# block it), the bait's text reaches no output, and --follow-symlinks
# reads a link out, saying so.
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP
B=tests/fixtures/platform-2023/base

fresh() {
    rm -rf "$T/d"
    cp -r "$B" "$T/d"
}
# the bait: a device list outside the declaration, one row of which is
# marked so that its text can be searched for
head -n 1 "$B/annex/devices.csv" > "$T/bait.csv"
sed -n 2p "$B/annex/devices.csv" | sed 's/,[^,]*,/,诱饵设备BAIT,/' >> "$T/bait.csv"

# summary FILE: the errors as "code file" lines
summary() {
    sed -n 's/^\([^:]*\)\(:[0-9:]*\)\?: error: .*\[\(input\.[a-z-]*\)\]$/\3 \1/p' "$1" |
        sed "s|$T/d/||" | sort
}

fresh
ln -sf "$T/bait.csv" "$T/d/annex/devices.csv"
timeout 60 "$SHENBAO" check -q "$T/d" > "$T/o" 2>&1
check_eq "a link out of the declaration: exit 1" "$?" 1
check_eq "it is refused at the file" "$(summary "$T/o")" \
    "input.link-outside annex/devices.csv"
check_grep "the finding says how to allow it" 'follow-symlinks' "$T/o"
check_no_grep "the bait was not read" '诱饵设备BAIT' "$T/o"
timeout 60 "$SHENBAO" build -q -o "$T/out" "$T/d" > /dev/null 2>&1
check_eq "build of it: exit 1" "$?" 1
check_eq "no output holds the bait" \
    "$(grep -rl '诱饵设备BAIT' "$T/out" | wc -l)" 0
timeout 60 "$SHENBAO" check -q --follow-symlinks -f json "$T/d" > "$T/o" 2>&1
check_grep "--follow-symlinks reads it, saying so" \
    '"code": "input.followed-link"' "$T/o"
check_no_grep "and refuses nothing" '"code": "input.link-outside"' "$T/o"

fresh
rm "$T/d/annex/devices.csv"
mkfifo "$T/d/annex/devices.csv"
timeout 60 "$SHENBAO" check -q "$T/d" > "$T/o" 2>&1
check_eq "a FIFO as a list: the check ends, exit 1" "$?" 1
check_eq "a FIFO is refused, not read" "$(summary "$T/o")" \
    "input.not-regular annex/devices.csv"

fresh
ln -sf /dev/zero "$T/d/annex/models.csv"
timeout 60 "$SHENBAO" check -q --follow-symlinks "$T/d" > "$T/o" 2>&1
check_eq "/dev/zero as a list: the check ends, exit 1" "$?" 1
check_eq "a device is refused even with --follow-symlinks" "$(summary "$T/o")" \
    "input.not-regular annex/models.csv"

fresh
printf '# 企业简介\n\n诱饵设备BAIT 的文字。\n' > "$T/bait.md"
ln -sf "$T/bait.md" "$T/d/declaration.md"
timeout 60 "$SHENBAO" report -o "$T/r.pdf" "$T/d" > "$T/o" 2>&1
check_grep "declaration.md a link out: refused" \
    'declaration.md: error: .*\[input.link-outside\]' "$T/o"
if [ -f "$T/r.pdf" ]; then
    check_eq "the 申报书 does not hold the bait" \
        "$(pdftotext "$T/r.pdf" - | grep -c '诱饵设备BAIT')" 0
else
    pass
fi

# evidence: a file linked out of the declaration, a whole evidence folder
# that is a link out, and an index naming a file outside by its path
fresh
mkdir -p "$T/d/evidence" "$T/shared"
cp inputs/sample/evidence/02-平台运行监测截图.png "$T/d/evidence/01-截图.png"
cp inputs/sample/evidence/02-平台运行监测截图.png "$T/shared/外部截图.png"
ln -sf "$T/shared/外部截图.png" "$T/d/evidence/02-外部截图.png"
timeout 60 "$SHENBAO" volumes -a evidence -o "$T/v" "$T/d" > "$T/o" 2>&1
check_grep "an evidence file linked out is refused" \
    '02-外部截图.png: error: .*\[input.link-outside\]' "$T/o"
check_eq "the evidence volume holds only the file inside" \
    "$(pdftotext "$T/v/证明材料.pdf" - | grep -c '外部截图')" 0
timeout 60 "$SHENBAO" volumes --follow-symlinks -a evidence -o "$T/v2" "$T/d" \
    > "$T/o" 2>&1
check_no_grep "--follow-symlinks places it" 'input.link-outside' "$T/o"
printf '标题,文件\n外部,../../shared/外部截图.png\n' > "$T/d/evidence/index.csv"
timeout 60 "$SHENBAO" volumes -a evidence -o "$T/v3" "$T/d" > "$T/o" 2>&1
check_grep "an index naming a file outside: refused at its row" \
    'index.csv: error: 证明材料清单所列.*\[input.link-outside\]' "$T/o"
rm -rf "$T/d/evidence"
ln -s "$T/shared" "$T/d/evidence"
timeout 60 "$SHENBAO" volumes -a evidence -o "$T/v4" "$T/d" > "$T/o" 2>&1
check_grep "an evidence folder that links out: its files refused" \
    'error: .*\[input.link-outside\]' "$T/o"

fresh
mv "$T/d/form.csv" "$T/form.csv"
ln -sf "$T/form.csv" "$T/d/form.csv"
timeout 60 "$SHENBAO" check -q "$T/d" > "$T/o" 2>&1
check_eq "form.csv a link out: the run fails (exit 2)" "$?" 2
check_grep "naming why" 'form.csv: .*符号链接' "$T/o"
# an evidence file whose name is not UTF-8: check names it, the volume is
# written with the bytes shown as \xFF (main: exit 2, no 证明材料.pdf)
fresh
mkdir -p "$T/d/evidence"
cp inputs/sample/evidence/02-平台运行监测截图.png "$T/d/evidence/$(printf '06-\377\376.png')"
timeout 60 "$SHENBAO" check -q "$T/d" > "$T/o" 2>&1
check_grep "check warns of the name, shown escaped" \
    'evidence/06-\\xFF\\xFE.png: warning: .*\[input.name-not-utf8\]' "$T/o"
timeout 60 "$SHENBAO" volumes -a evidence -o "$T/v5" "$T/d" > "$T/o" 2>&1
check_eq "volumes of it: exit 0" "$?" 0
check_grep "its title in the volume, escaped" '证明材料[0-9]+ \\xFF\\xFE' \
    "$(pdftotext "$T/v5/证明材料.pdf" "$T/v5.txt"; echo "$T/v5.txt")"
# odd names: a declaration folder that starts with '-' and holds a space
# and a line break, an annex file named the same way (found by its title)
odd="$T/-申报 目录
二"
rm -rf "$odd"
cp -r "$B" "$odd"
mv "$odd/annex/devices.csv" "$odd/annex/-附件1 工业设备清单
.csv"
timeout 60 "$SHENBAO" check -q -f json -o "$T/odd.json" -- "$odd" 2> "$T/o"
check_eq "odd names: checked like the base (exit 0)" "$?" 0
check_eq "the annex with a line break in its name is read as 附件1" \
    "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sum(1 for f in d["findings"] if f["code"] in ("annex.missing","annex.unknown-file")))' "$T/odd.json")" 0
timeout 120 "$SHENBAO" build -q -o "$T/odd out" -- "$odd" > "$T/o" 2>&1
check_eq "odd names: build writes its outputs (exit 0)" "$?" 0
check "the 申报书 of it is written" test -s "$T/odd out/declaration.pdf"
finish
