#!/bin/sh
# End-to-end: the progress line (base/progress.h, issue 17 §0). Under a
# pseudo-terminal (script(1), util-linux) a build of a generated
# declaration shows a line for each long stage and erases it, so no line
# left on the screen mixes progress with what the run prints; without a
# terminal, or with -q, not one progress byte is written; the outputs
# are the same bytes either way.
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP

"$SB_BUILD/tools/gendecl" --devices 5000 "$T/d" > /dev/null
check_eq "gendecl wrote a declaration" "$?" 0

# on_tty OUT COLS CMD...: run CMD under a pseudo-terminal COLS wide, all it
# writes (stdout and stderr, as the terminal got it) into OUT; returns
# CMD's status.
on_tty() {
    out=$1
    cols=$2
    shift 2
    SHELL=/bin/sh script -qec "stty cols $cols; $*" /dev/null > "$out"
}

# screen FILE: what a terminal shows after FILE's bytes: each line with
# \r going back to its start and ESC[K erasing to its end.
screen() {
    python3 - "$1" <<'PY'
import re, sys
data = open(sys.argv[1], 'rb').read().decode('utf-8', 'replace')
for raw in data.split('\n'):
    line, col = [], 0
    for tok in re.findall(r'\r|\x1b\[K|[^\r\x1b]|\x1b', raw):
        if tok == '\r':
            col = 0
        elif tok == '\x1b[K':
            del line[col:]
        else:
            line[col:col + 1] = [tok]
            col += 1
    print(''.join(line))
PY
}

on_tty "$T/build.tty" 200 "$SHENBAO" build -o "$T/o1" "$T/d"
check_eq "build under a terminal: exit 1 (gendecl's one error)" "$?" 1
# every stage drawn at least once (the line at 200 columns is whole)
tr '\r' '\n' < "$T/build.tty" > "$T/draws"
for stage in '核对附件清单 [0-9,]+/[0-9,]+ KB [0-9]+%' \
    '工作簿 [0-9,]+/[0-9,]+ 行 [0-9]+%' '工作簿压缩 已用 [0-9]+ 秒' \
    '附件卷册 [0-9,]+/[0-9,]+ 行 [0-9]+%' '申报书 [0-9]+/[0-9]+ 节' \
    '申报书排版 [0-9]+/[0-9]+ 页 [0-9]+%' '图表 [0-9]+/24 张 [0-9]+%' \
    '答辩幻灯片 [0-9]+/24 张'; do
    check_grep "a progress line shows: $stage" "^shenbao: (.* · )?$stage" \
        "$T/draws"
done
check_eq "附件卷册 never counts more rows than the lists hold" \
    "$(grep -aoE '附件卷册 [0-9,]+/[0-9,]+' "$T/draws" | tr -d , |
        awk '{ split($2, n, "/"); if (n[1] + 0 > n[2] + 0) bad++ }
             END { print (NR > 0 && bad == 0) }')" 1
check_grep "two stages side by side (charts on their own thread)" \
    '^shenbao: .* · .*' "$T/draws"
screen "$T/build.tty" > "$T/build.screen"
check_no_grep "no progress left on the screen: each line erased" \
    '张 [0-9]+%|行 [0-9]+%|页 [0-9]+%|KB [0-9]+%|已用' "$T/build.screen"
check_grep "the written files, each on a line of its own" \
    "^$T/o1/annexes.xlsx\$" "$T/build.screen"
check_eq "the summary is the last line, alone" \
    "$(grep -v '^$' "$T/build.screen" | tail -n 1)" "1 errors found"

# without a terminal: not one progress byte on stderr
"$SHENBAO" build -o "$T/o2" "$T/d" > "$T/build.out" 2> "$T/build.err"
check_eq "build without a terminal: exit 1" "$?" 1
check_eq "no \\r or escape on stderr" \
    "$(tr -cd '\r\033' < "$T/build.err" | wc -c)" 0
check_no_grep "no stage named on stderr" '工作簿|附件卷册|图表|核对附件清单' \
    "$T/build.err"
check_eq "the screen shows what a pipe gets" \
    "$(grep -v '^$' "$T/build.screen" | sed "s|$T/o1|OUT|")" \
    "$(sed "s|$T/o2|OUT|" "$T/build.out")"
check_eq "no \\r or escape on stdout" \
    "$(tr -cd '\r\033' < "$T/build.out" | wc -c)" 0
for f in annexes.xlsx check.json declaration.pdf 'annex/附件1-工业设备清单.pdf'; do
    check "$f: the same bytes with and without the progress line" \
        cmp -s "$T/o1/$f" "$T/o2/$f"
done

# -q under a terminal: none either
on_tty "$T/q.tty" 200 "$SHENBAO" build -q -o "$T/o3" "$T/d"
check_eq "build -q under a terminal: exit 1" "$?" 1
check_eq "-q: no escape written" "$(tr -cd '\033' < "$T/q.tty" | wc -c)" 0
check_no_grep "-q: no stage drawn" 'shenbao: ' "$T/q.tty"
check_grep "-q: the files are still listed" "^$T/o3/check.json" "$T/q.tty"

# check under a narrow terminal: the reading stage, cut to the width
on_tty "$T/check.tty" 30 "$SHENBAO" check "$T/d"
check_eq "check under a terminal: exit 1" "$?" 1
tr '\r' '\n' < "$T/check.tty" | grep -a '^shenbao: ' | sed 's/\x1b\[K$//' \
    > "$T/check.draws"
check_grep "check shows the reading" '^shenbao: 核对' "$T/check.draws"
check_eq "no drawn line wider than 29 columns (CJK counts 2)" \
    "$(python3 -c "
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)
print(max(w(l.rstrip('\n')) for l in open(sys.argv[1], encoding='utf-8')))" \
        "$T/check.draws" | awk '{ print ($1 <= 29) }')" 1
screen "$T/check.tty" > "$T/check.screen"
check_no_grep "check: no progress left among the findings" 'shenbao: 核对' \
    "$T/check.screen"
check_grep "check: the findings summary printed whole" \
    '^[0-9]+ errors, [0-9]+ warnings' "$T/check.screen"

# the evidence volume: its pages drawn; no rows stage when no list is
# printed
on_tty "$T/ev.tty" 200 "$SHENBAO" volumes -a evidence -o "$T/v1" inputs/sample
check_eq "volumes -a evidence under a terminal: exit 0" "$?" 0
tr '\r' '\n' < "$T/ev.tty" > "$T/ev.draws"
check_grep "a progress line shows: 证明材料 n/N 页" \
    '^shenbao: (.* · )?证明材料 [0-9]+/[0-9]+ 页 [0-9]+%' "$T/ev.draws"
check_no_grep "no 附件卷册 stage without a list to print" '附件卷册' \
    "$T/ev.draws"
screen "$T/ev.tty" > "$T/ev.screen"
check_no_grep "evidence: no progress left on the screen" '页 [0-9]+%' \
    "$T/ev.screen"
check_grep "evidence: the volume listed on a line of its own" \
    "^$T/v1/证明材料.pdf" "$T/ev.screen"
"$SHENBAO" volumes -a evidence -o "$T/v2" inputs/sample > /dev/null \
    2> "$T/ev.err"
check_eq "evidence without a terminal: no \\r or escape on stderr" \
    "$(tr -cd '\r\033' < "$T/ev.err" | wc -c)" 0
check "证明材料.pdf: the same bytes with and without the progress line" \
    cmp -s "$T/v1/证明材料.pdf" "$T/v2/证明材料.pdf"

# batch: the declarations checked, then the 汇总表 and the overview
# (a page a declaration) drawn
PILOTS="inputs/pilot-2020-gb inputs/pilot-2020-ts inputs/pilot-2020-cd"
on_tty "$T/batch.tty" 200 "$SHENBAO" batch -o "$T/b1.xlsx" $PILOTS
check_eq "batch under a terminal: exit 0" "$?" 0
tr '\r' '\n' < "$T/batch.tty" > "$T/batch.draws"
for stage in '核对申报书 [0-9]/3 份 [0-9]+%' \
    '推荐信息汇总表 [0-9]+/[0-9]+ 页 [0-9]+%' '申报书概览 [0-9]/3 页 [0-9]+%'; do
    check_grep "a progress line shows: $stage" "^shenbao: (.* · )?$stage" \
        "$T/batch.draws"
done
screen "$T/batch.tty" > "$T/batch.screen"
check_no_grep "batch: no progress left on the screen" '份 [0-9]+%|页 [0-9]+%' \
    "$T/batch.screen"
check_eq "batch: the summary is the last line, alone" \
    "$(grep -v '^$' "$T/batch.screen" | tail -n 1)" \
    "batch: 3 declarations, 3 ready; 0 errors, 0 warnings, 0 info"
"$SHENBAO" batch -o "$T/b2.xlsx" $PILOTS > "$T/batch.out" 2> "$T/batch.err"
check_eq "batch without a terminal: exit 0" "$?" 0
check_eq "batch without a terminal: nothing on stderr" \
    "$(wc -c < "$T/batch.err")" 0
check_eq "batch: the screen shows what a pipe gets" \
    "$(grep -v '^$' "$T/batch.screen")" "$(grep -v '^$' "$T/batch.out")"
on_tty "$T/bq.tty" 200 "$SHENBAO" batch -q -o "$T/b3.xlsx" $PILOTS
check_eq "batch -q under a terminal: exit 0" "$?" 0
check_no_grep "batch -q: no stage drawn" 'shenbao: ' "$T/bq.tty"
for f in b1.pdf b1-概览.pdf; do
    check "$f: the same bytes with and without the progress line" \
        cmp -s "$T/$f" "$T/$(echo "$f" | sed 's/b1/b2/')"
done
finish
