#!/bin/sh
# tests/e2e/charts_render.sh: the demo charts (tests/bench/chart_demo.c)
# checked with the tools a reader has: two runs give the same bytes in
# every format; PNGs are 1920×1080 and 3840×2160; the PDF has its title,
# embedded fonts and the labels as text (pdftotext); the SVG is valid XML
# with the title and a description naming every category (xmllint); the
# CSV starts with a BOM. Needs $SB_BUILD (tests/run.sh sets it).
set -u
build=${SB_BUILD:?SB_BUILD is not set}
demo=$build/tools/chart_demo
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() {
    echo "FAIL: $*"
    failed=$((failed + 1))
}
finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
    exit
}

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mkdir "$out/a" "$out/b"
if ! "$demo" "$out/a" || ! "$demo" "$out/b"; then
    bad "chart_demo failed"
    finish
fi

# Same bytes from two processes, in every format.
for f in "$out"/a/*; do
    n=${f##*/}
    if cmp -s "$f" "$out/b/$n"; then ok; else bad "$n differs between runs"; fi
done
if ls "$out/a" | grep -q 'tmp-'; then bad "temporary files left"; else ok; fi

png_size() {
    od -An -tu1 -j16 -N8 "$1" |
        awk '{ print $1*16777216 + $2*65536 + $3*256 + $4, \
                     $5*16777216 + $6*65536 + $7*256 + $8 }'
}

# The category names of a chart, from its CSV: the first column, and for
# a heatmap the header as well.
categories() {
    sed '1s/^\xEF\xBB\xBF//; s/\r$//' "$1" | awk -F, '
        NR == 1 && $1 ~ /＼/ { for (i = 2; i <= NF; i++) print $i }
        NR > 1 { print $1 }'
}

for csv in "$out"/a/*.csv; do
    n=$(basename "$csv" .csv)
    a=$out/a/$n
    [ "$(png_size "$a.png")" = "1920 1080" ] && ok || bad "$n.png size"
    [ "$(png_size "$a@2x.png")" = "3840 2160" ] && ok || bad "$n@2x.png size"
    [ "$(head -c 3 "$csv" | od -An -tx1 | tr -d ' ')" = "efbbbf" ] &&
        ok || bad "$n.csv has no BOM"
    title=$(pdfinfo "$a.pdf" | sed -n 's/^Title: *//p')
    [ -n "$title" ] && ok || bad "$n.pdf has no title"
    pdfinfo "$a.pdf" | grep -q '^CreationDate' && bad "$n.pdf is dated" || ok
    pdffonts "$a.pdf" | awk 'NR > 2 && ($(NF-4) != "yes" || $(NF-2) != "yes") \
        { bad = 1 } END { exit bad }' && ok || bad "$n.pdf: font not embedded"
    pdftotext "$a.pdf" "$out/$n.txt"
    grep -qF "$title" "$out/$n.txt" && ok || bad "$n.pdf: no title text"
    grep -qF "数据来源" "$out/$n.txt" && ok || bad "$n.pdf: no source line"
    xmllint --noout "$a.svg" && ok || bad "$n.svg is not XML"
    svg_title=$(xmllint --xpath \
        'string(/*[local-name()="svg"]/*[local-name()="title"])' "$a.svg")
    [ "$svg_title" = "$title" ] && ok || bad "$n.svg title '$svg_title'"
    desc=$(xmllint --xpath \
        'string(/*[local-name()="svg"]/*[local-name()="desc"])' "$a.svg")
    [ "$(xmllint --xpath 'string(/*[local-name()="svg"]/@role)' "$a.svg")" = \
        img ] && ok || bad "$n.svg has no role"
    missing=$(categories "$csv" | while IFS= read -r cat; do
        case "$desc" in *"$cat"*) ;; *) echo "$cat" ;; esac
    done)
    [ -z "$missing" ] && ok || bad "$n.svg desc lacks: $missing"
done

# Labels drawn in full are text in the PDF (charts whose names are not
# cut or wrapped at slide size), with 万 and ASCII minus.
for n in devices_bar apps_hbar industries_top apps_grouped finance_grouped \
    models_stacked apps_donut net_devices_bar; do
    missing=$(categories "$out/a/$n.csv" | while IFS= read -r cat; do
        grep -qF "$cat" "$out/$n.txt" || echo "$cat"
    done)
    [ -z "$missing" ] && ok || bad "$n.pdf text lacks: $missing"
done
grep -qF "12.63万" "$out/devices_bar.txt" && ok || bad "no 12.63万"
grep -qF "设备数（万台/套）" "$out/devices_bar.txt" && ok || bad "no axis unit"
grep -qF -- "-1,234" "$out/net_devices_bar.txt" && ok || bad "no -1,234"
grep -qF "金额（亿元）" "$out/finance_grouped.txt" && ok || bad "no 亿元"

# Charts drawn into a report page keep their text.
pdftotext "$out/a/report_page.pdf" "$out/page.txt"
grep -qF "工业APP数量（按重点领域）" "$out/page.txt" &&
    grep -qF "第三方开发者注册总数（累计）" "$out/page.txt" && ok ||
    bad "report_page.pdf lacks a chart title"
finish
