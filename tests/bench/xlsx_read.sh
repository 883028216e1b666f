#!/bin/sh
# tests/bench/xlsx_read.sh BUILD_DIR: reading a device list from .xlsx
# (issue 17 §1), called by tests/bench/run.sh; appends its section to
# BENCH_OUT (default BENCHMARKS.md).
#
# The device list of `gendecl --devices N` is written as one sheet
# "附件1" of annex/工业设备清单.xlsx (tests/bench/csv2xlsx.c, libxlsxwriter:
# inline strings, numbers and dates typed). Measured in interleaved
# pairs A B A B … (BENCH_PAIRS, default 3; the machine is shared, so
# each pair sees about the same load) and summed up as the median of
# the per-pair ratios B/A:
#   A  shenbao check -q on form.csv + that workbook (every cell typed
#      and validated, unique IDs, the count per class and its rules)
#   B  Python's openpyxl in read-only mode reading the same sheet and
#      counting the devices per class (tests/bench/xlsx_read_peer.py)
# Memory: the peak resident size of each, and of `shenbao inspect
# --rows 0` on the sheet (the reader alone: every cell read and typed,
# nothing kept), from 10k to 1M rows.
set -eu
build=${1:?usage: tests/bench/xlsx_read.sh BUILD_DIR}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
bin=$top/$build/shenbao
dir=$top/build/bench/xlsx_read
out=${BENCH_OUT:-$top/BENCHMARKS.md}
sizes=${BENCH_XLSX_READ_SIZES:-10k 1M}
pairs=${BENCH_PAIRS:-3}
py=/usr/bin/python3
mkdir -p "$dir"

say() { printf '%s\n' "bench xlsx_read: $*" >&2; }
devices_of() {
    case $1 in
    *k) echo $((${1%k} * 1000)) ;;
    *M) echo $((${1%M} * 1000000)) ;;
    *) echo "$1" ;;
    esac
}

# run CMD...: wall seconds and peak KiB of one run into $sec $kib.
run() {
    /usr/bin/time -f '%e %M' -o "$dir/time.out" "$@" >/dev/null 2>&1 || {
        rc=$?
        [ "$rc" -le 1 ] || { say "failed (exit $rc): $*"; exit 1; }
    }
    read -r sec kib <<EOF2
$(tail -n 1 "$dir/time.out")
EOF2
}

median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

rows=""
for size in $sizes; do
    d=$dir/$size
    n=$(devices_of "$size")
    book=$d/decl/annex/工业设备清单.xlsx
    if [ ! -f "$book" ]; then
        say "generating $size devices as .xlsx"
        rm -rf "$d"
        mkdir -p "$d/src/annex"
        "$top/$build/tools/gendecl" --devices "$n" "$d/src" >/dev/null
        mkdir -p "$d/decl/annex"
        cp "$d/src/form.csv" "$d/decl/form.csv"
        "$top/$build/tools/csv2xlsx" "$book" "附件1=$d/src/annex/devices.csv"
        rm -rf "$d/src"
    fi
    : >"$d/pairs"
    i=0
    while [ "$i" -lt "$pairs" ]; do
        i=$((i + 1))
        run "$bin" check -q "$d/decl"
        a_sec=$sec a_kib=$kib
        run "$py" tests/bench/xlsx_read_peer.py "$book" 附件1
        echo "$a_sec $a_kib $sec $kib" >>"$d/pairs"
        say "$size pair $i: shenbao ${a_sec}s $((a_kib / 1024)) MiB, openpyxl ${sec}s $((kib / 1024)) MiB"
    done
    run "$bin" inspect --rows 0 "$book#附件1"
    r_kib=$kib
    ratio=$(awk '{ print $3 / $1 }' "$d/pairs" | median | awk '{ printf "%.1f", $1 }')
    a_med=$(cut -d' ' -f1 "$d/pairs" | median)
    b_med=$(cut -d' ' -f3 "$d/pairs" | median)
    a_kib=$(cut -d' ' -f2 "$d/pairs" | sort -n | tail -n 1)
    b_kib=$(cut -d' ' -f4 "$d/pairs" | sort -n | tail -n 1)
    rows="$rows| $size | $(du -k "$book" | cut -f1) KiB | $a_med s | $b_med s | **${ratio}×** | $((a_kib / 1024)) MiB | $((r_kib / 1024)) MiB | $((b_kib / 1024)) MiB |
"
done
{
    echo
    echo "## Reading a device list from .xlsx"
    echo
    echo "tests/bench/xlsx_read.sh, $(date -u +%F), load $(cut -d' ' -f1-3 /proc/loadavg):"
    echo "\`shenbao check\` on form.csv and the device list as one .xlsx sheet"
    echo "against openpyxl $($py -c 'import openpyxl; print(openpyxl.__version__)')"
    echo "(read-only mode) counting the devices per class, in $pairs interleaved pairs;"
    echo "the times are medians, the ratio the median of the per-pair ratios"
    echo "(target ≥ 5×). Memory is the peak resident size: of the check, of the"
    echo "reader alone (\`inspect --rows 0\`) and of openpyxl."
    echo
    echo "| devices | .xlsx | shenbao | openpyxl | ratio | check memory | reader memory | openpyxl memory |"
    echo "|---|---|---|---|---|---|---|---|"
    printf '%s' "$rows"
} >>"$out"
say "appended to $out"
