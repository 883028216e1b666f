#!/bin/sh
# tests/bench/run.sh BUILD_DIR: make bench. Measures shenbao against the
# tools a user would otherwise pick, on the same files in the same run,
# and writes BENCHMARKS.md.
#
#   make bench                         10k and 1M devices
#   BENCH_10M=1 make bench             10M too (check only; minutes)
#   BENCH_SIZES="10k" make bench       other sizes
#   BENCH_ITEMS="check xlsx" make bench  some items (check pdf xlsx build)
#   BENCH_PAIRS=7 make bench           pairs per comparison (default 5;
#                                      3 from 5M devices up)
#   BENCH_KEEP=1 make bench            add to the last results (items
#                                      run one invocation at a time)
#   BENCH_XLSXWRITER_SIZES=10k         sizes XlsxWriter is paired at
#                                      (default 10k 1M; 45 s a run at 1M)
#   BENCH_OUT=/tmp/b.md make bench     write the table elsewhere
#   BENCH_REPORT_ONLY=1 make bench      rewrite it from the last results
#
# Method: every comparison is a run of interleaved pairs, A B A B ...,
# A being shenbao's command, so that both see the same moments of a
# shared machine; the figure quoted is the median, and a comparison's
# ratio is the median of the ratios taken pair by pair. The load average
# is recorded before and after each comparison. min, median and max of
# every tool go to build/bench/spread.md; BENCHMARKS.md quotes medians.
#
# Peers are installed when missing: Debian packages with apt-get (as
# root), npm packages into build/bench/node (never committed). Python is
# Debian's /usr/bin/python3, for which python3-xlsxwriter is installed,
# whatever python3 comes first in PATH. Inputs
# come from tests/bench/gendecl.c into build/bench/data/<size>/ and are
# made again only when the generator's source changes. Each measured
# item is one function item_<name> SIZE; an item that cannot run yet
# records why, and its row says so. Raw figures go to
# build/bench/results.tsv, one line per run:
#   item size comparison pair tool seconds peak_kib bytes rows note pages
#   cpu_seconds
# and build/bench/loads.tsv, one line per comparison:
#   item size comparison load_before load_after
set -eu

build=${1:?usage: tests/bench/run.sh BUILD_DIR}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
bin=$top/$build/shenbao
gen=$top/$build/tools/gendecl
gen_dir=$top/$build/tools
bench=$top/build/bench
data=$bench/data
node_dir=$bench/node
res=$bench/results.tsv
out=${BENCH_OUT:-$top/BENCHMARKS.md}
sizes=${BENCH_SIZES:-10k 1M${BENCH_10M:+ 10M}}
items=${BENCH_ITEMS:-check pdf xlsx build}
loads=$bench/loads.tsv
spread=$bench/spread.md
xlsx_sizes=${BENCH_XLSX_SIZES:-10k 1M}
pdf_sizes=${BENCH_PDF_SIZES:-10k 1M}
xlsxwriter_sizes=${BENCH_XLSXWRITER_SIZES:-10k 1M}
mkdir -p "$bench" "$data"

say() { printf '%s\n' "bench: $*" >&2; }

# ---------------------------------------------------------------- peers

missing_debs() {
    m=""
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
            m="$m $p"
    done
    printf '%s' "$m"
}

need_debs() {
    m=$(missing_debs "$@")
    [ -z "$m" ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        say "run as root to install:$m"
        return 1
    fi
    say "installing Debian packages:$m"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        --no-install-recommends $m >/dev/null
}

need_npm() {
    command -v npm >/dev/null 2>&1 || need_debs nodejs npm
    mkdir -p "$node_dir"
    [ -f "$node_dir/package.json" ] ||
        printf '{"name":"shenbao-bench-peers","private":true}\n' \
            >"$node_dir/package.json"
    for p in "$@"; do
        [ -d "$node_dir/node_modules/$p" ] && continue
        say "installing npm package $p into build/bench/node"
        (cd "$node_dir" && npm install --no-audit --no-fund --silent "$p")
    done
}

# ---------------------------------------------------------------- inputs

devices_of() {
    case $1 in
    *k) echo $((${1%k} * 1000)) ;;
    *M) echo $((${1%M} * 1000000)) ;;
    *) echo "$1" ;;
    esac
}

pairs_of() {
    if [ -n "${BENCH_PAIRS:-}" ]; then
        echo "$BENCH_PAIRS"
    elif [ "$(devices_of "$1")" -ge 5000000 ]; then
        echo 3
    else
        echo 5
    fi
}

# data/<size>: the whole declaration; data/<size>-devices: form.csv and
# the same device list only (hard links).
make_inputs() {
    size=$1
    dir=$data/$size
    stamp="$(sha256sum <tests/bench/gendecl.c | cut -c1-16) $(devices_of "$size")"
    if [ -f "$dir/.stamp" ] && [ "$(cat "$dir/.stamp")" = "$stamp" ]; then
        return 0
    fi
    say "generating $size devices into build/bench/data/$size"
    rm -rf "$dir" "$dir-devices"
    "$gen" --devices "$(devices_of "$size")" "$dir"
    mkdir -p "$dir-devices/annex"
    ln "$dir/form.csv" "$dir-devices/form.csv"
    ln "$dir/annex/devices.csv" "$dir-devices/annex/devices.csv"
    rows=0
    for f in "$dir"/annex/*.csv; do
        rows=$((rows + $(wc -l <"$f") - 1))
    done
    echo "$rows" >"$dir/.rows"
    echo "$stamp" >"$dir/.stamp"
}

bytes_of() { cat "$@" | wc -c; }

# ---------------------------------------------------------------- timing

# tree ROOT: "RSS PID..." of ROOT's descendants (RSS summed, in KiB).
tree() {
    ps -e -o pid=,ppid=,rss= | awk -v root="$1" '
    { up[$1] = $2; rss[$1] = $3 }
    END {
        s = 0; pids = ""
        for (k in up) {
            x = k
            while ((x in up) && x != root && x > 1)
                x = up[x]
            if (x == root && k != root) { s += rss[k]; pids = pids " " k }
        }
        print s pids
    }'
}

# run_once CMD: run the command line CMD (eval'd, stdout to /dev/null)
# once; sets T_SEC (wall seconds), T_CPU (user + system seconds: the
# work done, which a loaded machine disturbs less than the wall time)
# and T_KIB (peak RSS, KiB). Exit status
# 0 or 1 (shenbao's "findings") counts as a run, anything else sets
# T_SEC=failed. The machine is shared: a command whose resident memory
# passes BENCH_MEM_CAP_MIB (default 6144) is stopped (T_SEC=over-memory)
# rather than let it push the machine into swapless out-of-memory kills.
# Resident memory is sampled twice a second for that, which costs the
# measured command nothing noticeable; the figures are GNU time's.
cap_kib=$((${BENCH_MEM_CAP_MIB:-6144} * 1024))
run_once() {
    T_SEC=""
    T_CPU=""
    T_KIB=0
    rc=0
    over=0
    eval "/usr/bin/time -f '%e %M %U %S' -o \"\$bench/time.out\" $1" \
        >/dev/null 2>"$bench/last.err" &
    tp=$!
    while kill -0 "$tp" 2>/dev/null; do
        set -- $(tree "$tp")
        if [ "$1" -gt "$cap_kib" ]; then
            over=1
            shift
            [ $# -gt 0 ] && kill -KILL "$@" 2>/dev/null
            break
        fi
        sleep 0.5
    done
    wait "$tp" || rc=$?
    if [ "$over" -eq 1 ]; then
        say "stopped over ${BENCH_MEM_CAP_MIB:-6144} MiB"
        T_SEC=over-memory
        T_KIB=$cap_kib
    elif [ "$rc" -gt 1 ]; then
        say "failed (exit $rc)"
        sed 's/^/    /' "$bench/last.err" | tail -n 5 >&2
        T_SEC=failed
    else
        T_SEC=$(tail -n 1 "$bench/time.out" | cut -d' ' -f1)
        T_KIB=$(tail -n 1 "$bench/time.out" | cut -d' ' -f2)
        T_CPU=$(tail -n 1 "$bench/time.out" | awk '{ print $3 + $4 }')
    fi
}

# row CMP PAIR TOOL BYTES ROWS NOTE PAGES: the last run, into results.tsv.
row() {
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$ITEM" \
        "$SIZE" "$1" "$2" "$3" "$T_SEC" "$T_KIB" "$4" "$5" "$6" "${7:-0}" \
        "${T_CPU:-}" >>"$res"
}

# compare CMP N: N interleaved pairs A B A B ... of the command lines
# A_CMD and B_CMD (B_CMD empty: A alone, N times), described by
# A_TOOL, A_BYTES, A_ROWS, A_NOTE, A_PAGES (a command line printing the
# pages the run wrote, or empty) and the same for B. A peer that fails
# or passes the memory cap is not run again; A's runs go on. The load
# average before and after goes to loads.tsv.
compare() {
    cmp=$1
    n=$2
    i=0
    b_dead=0
    lb=$(cut -d' ' -f1 /proc/loadavg)
    while [ "$i" -lt "$n" ]; do
        i=$((i + 1))
        run_once "$A_CMD"
        row "$cmp" "$i" "$A_TOOL" "$A_BYTES" "$A_ROWS" "$A_NOTE" \
            "$([ -n "${A_PAGES:-}" ] && eval "$A_PAGES")"
        [ -z "$B_CMD" ] || [ "$b_dead" -eq 1 ] && continue
        run_once "$B_CMD"
        row "$cmp" "$i" "$B_TOOL" "$B_BYTES" "$B_ROWS" "$B_NOTE" \
            "$([ -n "${B_PAGES:-}" ] && eval "$B_PAGES")"
        case $T_SEC in failed | over-memory) b_dead=1 ;; esac
    done
    la=$(cut -d' ' -f1 /proc/loadavg)
    printf '%s\t%s\t%s\t%s\t%s\n' "$ITEM" "$SIZE" "$cmp" "$lb" "$la" >>"$loads"
    what=pairs
    [ -n "$B_CMD" ] || what=runs
    say "$ITEM $SIZE $cmp: $n $what, load $lb -> $la"
}

# skip TOOL NOTE: a tool that cannot run, and why.
skip() {
    T_SEC=-
    T_KIB=0
    row "-" 0 "$1" 0 0 "$2"
}

# ---------------------------------------------------------------- items

# shenbao check: the whole declaration (every annex, every rule), and
# form.csv with the device list only (the same file the peers read),
# each paired with DuckDB; Miller and sqlite3 paired with the device
# list below 5M devices (at 10M a run takes minutes or passes the cap).
item_check() {
    dir=$data/$SIZE
    f=$dir/annex/devices.csv
    n=$(pairs_of "$SIZE")
    cp tests/bench/duckdb.mjs "$node_dir/duckdb.mjs"
    A_PAGES="" B_PAGES=""
    B_TOOL=DuckDB B_BYTES=$(bytes_of "$f") B_ROWS=$(devices_of "$SIZE")
    B_NOTE="read_csv, group by class, count distinct IDs"
    B_CMD="node \"\$node_dir/duckdb.mjs\" \"$f\""
    A_TOOL="shenbao check (device list)" A_BYTES=$(bytes_of "$f")
    A_ROWS=$(devices_of "$SIZE") A_NOTE="form.csv + devices.csv"
    A_CMD="\"\$bin\" check \"$dir-devices\""
    compare duckdb-devices "$n"
    A_TOOL="shenbao check (whole declaration)"
    A_BYTES=$(bytes_of "$dir"/annex/*.csv) A_ROWS=$(cat "$dir/.rows")
    A_NOTE="all 8 annex lists" A_CMD="\"\$bin\" check \"$dir\""
    compare duckdb-whole "$n"
    A_TOOL="shenbao check (device list)" A_BYTES=$(bytes_of "$f")
    A_ROWS=$(devices_of "$SIZE") A_NOTE="form.csv + devices.csv"
    A_CMD="\"\$bin\" check \"$dir-devices\""
    if [ "$(devices_of "$SIZE")" -ge 5000000 ]; then
        skip Miller "not run at this size (passes 6 GiB resident at 10M)"
        skip sqlite3 "not run at this size (a run takes minutes)"
        return 0
    fi
    B_TOOL=Miller B_NOTE="count-distinct class,ID then count-distinct class"
    B_CMD="mlr --icsv --ocsv count-distinct -f 设备类别,设备ID then count-distinct -f 设备类别 \"$f\""
    compare miller "$n"
    B_TOOL=sqlite3 B_NOTE=".import, group by class, count distinct IDs"
    B_CMD="sqlite3 :memory: -cmd \".import --csv $f devices\" \"SELECT 设备类别, count(*), count(DISTINCT 设备ID) FROM devices GROUP BY 1\""
    compare sqlite "$n"
}

# pages_of PDF: its page count (0 when it is missing or unreadable).
pages_of() {
    pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2; f = 1 } END { if (!f) print 0 }'
}

# The PDF volume of the device list: `shenbao volumes -a devices` (its
# quiet check of form.csv and the list included), and Typst on the same
# CSV, read by Typst's csv(), in the same faces.
item_pdf() {
    case " $pdf_sizes " in *" $SIZE "*) ;; *) return 0 ;; esac
    f=$data/$SIZE/annex/devices.csv
    rm -rf "$bench/volumes" "$bench/typst.pdf"
    A_TOOL="shenbao volumes (device list)" A_BYTES=$(bytes_of "$f")
    A_ROWS=$(devices_of "$SIZE")
    A_NOTE="check included; A4 landscape, header on every page"
    A_CMD="\"\$bin\" volumes -a devices -o \"\$bench/volumes\" \"$data/$SIZE-devices\""
    A_PAGES='pages_of "$bench"/volumes/*.pdf'
    B_TOOL=Typst B_BYTES=$A_BYTES B_ROWS=$A_ROWS
    B_NOTE="csv(), table with repeated header, columns auto"
    B_CMD="node \"\$node_dir/typst_peer.mjs\" \"$f\" fonts \"\$bench/typst.pdf\""
    B_PAGES='pages_of "$bench/typst.pdf"'
    compare typst "$(pairs_of "$SIZE")"
    rm -rf "$bench/volumes" "$bench/typst.pdf"
}

# The XLSX workbook of the device list: `shenbao xlsx` paired with its
# limit, a bare libxlsxwriter program writing the same cells
# (tests/bench/xlsx_bare.c), and with XlsxWriter.
item_xlsx() {
    case " $xlsx_sizes " in *" $SIZE "*) ;; *) return 0 ;; esac
    f=$data/$SIZE/annex/devices.csv
    n=$(pairs_of "$SIZE")
    A_PAGES="" B_PAGES=""
    A_TOOL="shenbao xlsx (device list)" A_BYTES=$(bytes_of "$f")
    A_ROWS=$(devices_of "$SIZE") A_NOTE="form.csv + devices.csv"
    A_CMD="\"\$bin\" xlsx \"$data/$SIZE-devices\" -o \"\$bench/devices.xlsx\""
    B_TOOL="bare libxlsxwriter" B_BYTES=$A_BYTES B_ROWS=$A_ROWS
    B_NOTE="the same cells, types and formats, constant memory; no check"
    B_CMD="\"\$gen_dir/xlsx_bare\" \"$f\" \"\$bench/bare.xlsx\" icttttttdd"
    compare bare "$n"
    case " $xlsxwriter_sizes " in *" $SIZE "*) ;; *) n=0 ;; esac
    B_TOOL=XlsxWriter
    B_NOTE="constant_memory, one sheet per 1,048,575 rows"
    B_CMD="/usr/bin/python3 tests/bench/xlsx_peer.py \"$f\" \"\$bench/peer.xlsx\""
    [ "$n" -gt 0 ] && compare xlsxwriter "$n"
    rm -f "$bench/devices.xlsx" "$bench/bare.xlsx" "$bench/peer.xlsx"
}

# shenbao build of the bundled sample: check, charts, reports.
item_build() {
    rm -rf "$bench/build-sample"
    A_PAGES="" B_CMD=""
    A_TOOL="shenbao build inputs/sample" A_BYTES=$(bytes_of inputs/sample/annex/*.csv)
    A_ROWS=0 A_NOTE="findings, charts, reports"
    A_CMD="\"\$bin\" build -q -o \"\$bench/build-sample\" inputs/sample"
    compare build 3
}

# ---------------------------------------------------------------- report

machine() {
    cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
    mem=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
    echo "| | |"
    echo "|---|---|"
    echo "| CPU | $cpu, $(nproc) cores |"
    echo "| memory | $mem |"
    echo "| system | Debian $(cat /etc/debian_version), Linux $(uname -r) |"
    echo "| load (1, 5, 15 min) at start | $(sed -n 1p "$bench/load") |"
    echo "| load at end | $(sed -n 2p "$bench/load") |"
    echo "| shenbao | $("$bin" --version | cut -d' ' -f2) ($(cat "$bench/commit" 2>/dev/null || echo '?')), gcc $(gcc -dumpfullversion 2>/dev/null || echo '?') -O2 |"
    echo "| libxlsxwriter | $(dpkg-query -W -f='${Version}' libxlsxwriter-dev 2>/dev/null || echo '?') |"
    echo "| DuckDB | $(cd "$node_dir" && node duckdb.mjs --version 2>/dev/null || echo '?') (@duckdb/node-api $(node -p "require('$node_dir/node_modules/@duckdb/node-api/package.json').version" 2>/dev/null || echo '?'), node $(node --version 2>/dev/null || echo '?')) |"
    echo "| Miller | $(mlr --version 2>/dev/null | cut -d' ' -f2) |"
    echo "| sqlite3 | $(sqlite3 --version 2>/dev/null | cut -d' ' -f1) |"
    echo "| Typst | typst-ts-node-compiler $(cd "$node_dir" && node typst_peer.mjs --version 2>/dev/null || echo '?') |"
    echo "| XlsxWriter | $(/usr/bin/python3 -c 'import xlsxwriter; print(xlsxwriter.__version__)' 2>/dev/null || echo '?') |"
}

# awk: the median of a[1..n] (sorted in place: min a[1], max a[n]).
AWK_MEDIAN='
function sort(a, n,    i, j, t) {
    for (i = 2; i <= n; i++) {
        t = a[i]
        for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]
        a[j + 1] = t
    }
}
function median(a, n) {
    sort(a, n)
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
'
# awk: results.tsv gathered per tool (runs, seconds, peak, pages), with
# the median and a number formatter.
AWK_STATS=$AWK_MEDIAN'
function num(x) {
    if (x >= 1e6) return sprintf("%.2f M", x / 1e6)
    if (x >= 1e3) return sprintf("%.0f k", x / 1e3)
    return sprintf("%.0f", x)
}
{
    k = $1 SUBSEP $2 SUBSEP $5
    if (!(k in seen)) { seen[k] = 1; order[++nk] = k }
    tool[k] = $5; bytes[k] = $8; rows[k] = $9; note[k] = $10
    if ($7 > kib[k]) kib[k] = $7
    if ($6 + 0 > 0) { runs[k]++; sec[k, runs[k]] = $6; pg[k] = $11 }
    if ($12 != "") { ncpu[k]++; cpu[k, ncpu[k]] = $12 }
    else if ($6 != "" && !(k in bad)) bad[k] = $6
}
function secs_of(k, a,    i) {
    for (i = 1; i <= runs[k]; i++) a[i] = sec[k, i]
    return runs[k]
}
function cpu_of(k,    i, c) {
    if (ncpu[k] == 0) return ""
    for (i = 1; i <= ncpu[k]; i++) c[i] = cpu[k, i]
    return sprintf("%.2f", median(c, ncpu[k]))
}
'

# The table of one item, medians: each tool's wall time, throughput and
# peak memory (pages and pages/s for the PDF).
table() {
    if ! cut -f1 "$res" | grep -qx "$1"; then
        echo "Not measured in this run (BENCH_ITEMS=\"$items\")."
        return 0
    fi
    awk -F '\t' -v item="$1" "$AWK_STATS"'
    END {
        p = item == "pdf"
        print "| size | tool | runs | wall s (median) | CPU s (median) | MB/s | rows/s |" (p ? " pages | pages/s |" : "") " peak MiB | input |"
        print "|---|---|---:|---:|---:|---:|---:|" (p ? "---:|---:|" : "") "---:|---|"
        for (i = 1; i <= nk; i++) {
            k = order[i]
            split(k, f, SUBSEP)
            if (f[1] != item) continue
            if (runs[k] == 0) {
                w = k in bad ? bad[k] : "-"
                if (w == "over-memory")
                    w = sprintf("stopped over %.0f MiB resident", kib[k] / 1024)
                printf "| %s | %s | 0 | %s | | | |%s | | %s |\n", f[2], tool[k], w, (p ? " | |" : ""), note[k]
                continue
            }
            n = secs_of(k, a)
            m = median(a, n)
            mbs = bytes[k] > 0 ? sprintf("%.0f", bytes[k] / 1e6 / m) : ""
            rps = rows[k] > 0 ? num(rows[k] / m) : ""
            pgs = p ? sprintf(" %s | %s |", pg[k], pg[k] > 0 ? sprintf("%.0f", pg[k] / m) : "") : ""
            printf "| %s | %s | %d | %.2f | %s | %s | %s |%s %.0f | %s |\n", f[2], tool[k], n, m, cpu_of(k), mbs, rps, pgs, kib[k] / 1024, note[k]
        }
    }' "$res"
}

# pairs: each comparison: tools, pairs, each median, the median of the
# per-pair ratios B ÷ A, the load before and after. Lines "ITEM SIZE CMP
# A B n medA medB ratio" with FMT=tsv.
pairs() {
    awk -F '\t' -v fmt="${1:-md}" -v loads="$loads" "$AWK_MEDIAN"'
    BEGIN {
        while ((getline l < loads) > 0) {
            split(l, x, "\t")
            load[x[1], x[2], x[3]] = x[4] " → " x[5]
        }
    }
    $3 != "-" {
        c = $1 SUBSEP $2 SUBSEP $3
        if (!(c in seen)) { seen[c] = 1; order[++nc] = c; a_tool[c] = $5 }
        if ($5 == a_tool[c]) a[c, $4] = $6
        else { b_tool[c] = $5; b[c, $4] = $6; np[c] = $4 }
    }
    END {
        if (fmt == "md") {
            print "| size | A | B | pairs | A median s | B median s | B ÷ A (median of pairs) | load before → after |"
            print "|---|---|---|---:|---:|---:|---:|---|"
        }
        for (i = 1; i <= nc; i++) {
            c = order[i]
            if (!(c in b_tool)) continue
            split(c, f, SUBSEP)
            n = 0
            for (j = 1; j <= np[c]; j++) {
                if (a[c, j] + 0 > 0 && b[c, j] + 0 > 0) {
                    n++; va[n] = a[c, j]; vb[n] = b[c, j]; vr[n] = b[c, j] / a[c, j]
                }
            }
            if (n == 0) {
                if (fmt == "md")
                    printf "| %s | %s | %s | 0 | | %s | | %s |\n", f[2], a_tool[c], b_tool[c], b[c, 1], load[c]
                continue
            }
            ma = median(va, n); mb = median(vb, n); mr = median(vr, n)
            if (fmt == "md")
                printf "| %s | %s | %s | %d | %.2f | %.2f | %.2f× | %s |\n", f[2], a_tool[c], b_tool[c], n, ma, mb, mr, load[c]
            else
                printf "%s\t%s\t%s\t%d\t%.4f\t%.4f\t%.4f\n", f[1], f[2], f[3], n, ma, mb, mr
        }
    }' "$res"
}

# spread.md: min, median and max of every tool's runs.
write_spread() {
    awk -F '\t' "$AWK_STATS"'
    END {
        print "| item | size | tool | runs | min s | median s | max s |"
        print "|---|---|---|---:|---:|---:|---:|"
        for (i = 1; i <= nk; i++) {
            k = order[i]
            split(k, f, SUBSEP)
            if (runs[k] == 0) continue
            n = secs_of(k, a)
            m = median(a, n)
            printf "| %s | %s | %s | %d | %.2f | %.2f | %.2f |\n", f[1], f[2], tool[k], n, a[1], m, a[n]
        }
    }' "$res" >"$spread"
    echo >>"$spread"
    pairs >>"$spread"
}

# ratio ITEM SIZE CMP: the median of the per-pair ratios B ÷ A, and the
# medians of A and B, "ratio a b" (empty when not measured).
ratio() {
    pairs tsv | awk -F '\t' -v i="$1" -v s="$2" -v c="$3" \
        '$1 == i && $2 == s && $3 == c { print $7, $5, $6 }'
}

targets() {
    echo "| target (issue 15; medians of pairs) | figure | |"
    echo "|---|---|---|"
    for s in $(awk -F '\t' '$1 == "check" && !seen[$2]++ { print $2 }' "$res"); do
        [ "$(devices_of "$s")" -ge 1000000 ] || continue
        set -- $(ratio check "$s" duckdb-devices)
        [ $# -eq 3 ] && awk -v r="$1" -v a="$2" -v d="$3" -v s="$s" 'BEGIN {
            printf "| check ≥ 2× faster than DuckDB at %s (device list) | %.2f s vs %.2f s: %.2f× | %s |\n",
                s, a, d, r, (r >= 2 ? "met" : "missed") }'
        set -- $(ratio check "$s" duckdb-whole)
        [ $# -eq 3 ] && awk -v r="$1" -v a="$2" -v d="$3" -v s="$s" 'BEGIN {
            printf "| check of the whole declaration ≥ 1.5× faster than DuckDB on the device list at %s | %.2f s vs %.2f s: %.2f× | %s |\n",
                s, a, d, r, (r >= 1.5 ? "met" : "missed") }'
    done
    awk -F '\t' '$1 == "check" && $2 == "10M" && $5 ~ /^shenbao/ && $7 > k[$5] { k[$5] = $7 }
        END { for (t in k) printf "| check peak memory ≤ 256 MB at 10M (%s) | %.0f MB (%.0f MiB) | %s |\n",
            substr(t, 15), k[t] * 1024 / 1e6, k[t] / 1024, (k[t] * 1024 <= 256e6 ? "met" : "missed") }' "$res" | sort
    for s in $pdf_sizes; do
        awk -F '\t' -v s="$s" "$AWK_STATS"'
        END {
            for (i = 1; i <= nk; i++) {
                k = order[i]; split(k, f, SUBSEP)
                if (f[1] != "pdf" || f[2] != s || tool[k] !~ /^shenbao/ || runs[k] == 0 || pg[k] == 0) continue
                n = secs_of(k, a); m = median(a, n); r = pg[k] / m
                printf "| PDF volume ≥ 500 pages/s (%s) | %d pages in %.2f s: %.0f pages/s | %s |\n", s, pg[k], m, r, (r >= 500 ? "met" : "missed")
            }
        }' "$res"
    done
    set -- $(ratio xlsx 1M bare)
    [ $# -eq 3 ] && awk -v r="$1" -v a="$2" -v b="$3" 'BEGIN {
        printf "| shenbao xlsx ≥ 90%% of bare libxlsxwriter rows/s at 1M | %.0f vs %.0f rows/s: %.0f%% | %s |\n",
            1e6 / a, 1e6 / b, r * 100, (r >= 0.9 ? "met" : "missed") }'
    awk -F '\t' "$AWK_STATS"'
    END {
        for (i = 1; i <= nk; i++) {
            k = order[i]; split(k, f, SUBSEP)
            if (f[1] != "build" || runs[k] == 0) continue
            n = secs_of(k, a); m = median(a, n)
            printf "| sample full build < 3 s | %.2f s | %s |\n", m, (m < 3 ? "met" : "missed")
        }
    }' "$res"
}

write_report() {
    write_spread
    {
        echo "# Benchmarks"
        echo
        echo "Written by \`make bench\` (tests/bench/run.sh) on $(date -u +%Y-%m-%d). Inputs are"
        echo "made by \`gendecl --devices N\` (tests/bench/gendecl.c: models and APPs N/40,"
        echo "developers N/5, enterprises N/12). The machine is shared with other work,"
        echo "so every comparison is run as interleaved pairs, shenbao then the peer, A B A B"
        echo "(5 pairs; 3 from 5M devices up): both see the same moments of the machine."
        echo "Figures are medians: wall time the median of a tool's runs, a comparison's"
        echo "ratio the median of its per-pair ratios. Peak memory is the highest resident"
        echo "set (GNU time), CPU time user + system: on an overloaded machine the wall"
        echo "time of a program with many threads (DuckDB) suffers more than that of one with"
        echo "two (shenbao), so read the CPU time beside it. The load average is recorded"
        echo "before and after each comparison; min and max of every tool are in"
        echo "build/bench/spread.md."
        echo
        echo "## Machine"
        echo
        machine
        echo
        echo "## Targets"
        echo
        targets
        echo
        echo "## Comparisons (interleaved pairs)"
        echo
        echo "B ÷ A is how many times A's time B took, pair by pair: above 1, shenbao is faster."
        echo "For the bare libxlsxwriter program it is the share of that limit's rows/s that"
        echo "\`shenbao xlsx\` reaches."
        echo
        pairs
        echo
        echo "## Check: shenbao against DuckDB, Miller and sqlite3"
        echo
        echo "The peers read the device list (annex/devices.csv) and answer what it must"
        echo "answer: rows and distinct device IDs per class. shenbao check reads the same"
        echo "file with form.csv beside it (\"device list\"), or the whole declaration with"
        echo "its 8 annex lists (\"whole declaration\"), and does all of its work: encoding"
        echo "detection, every cell typed and validated, unique IDs with both rows of a"
        echo "duplicate, every aggregate of every rule and chart, findings. MB/s and"
        echo "rows/s count the files each tool read."
        echo
        table check
        echo
        echo "## PDF volume of the device list"
        echo
        table pdf
        echo
        echo "## XLSX workbook of the device list"
        echo
        echo "The bare libxlsxwriter program (tests/bench/xlsx_bare.c) writes the cells"
        echo "\`shenbao xlsx\` writes for the list, with the same types and formats in"
        echo "constant-memory mode, and nothing else: it is the limit for shenbao, which"
        echo "also checks the declaration and adds the overview and findings sheets."
        echo
        table xlsx
        echo
        echo "## shenbao build of the sample"
        echo
        echo "Check, 13 charts in 5 formats, reports (inputs/sample: 20,000 devices)."
        echo
        table build
        echo
        cat tests/bench/profile.md
    } >"$out"
    say "wrote ${out#"$top/"} and ${spread#"$top/"}"
}

# ---------------------------------------------------------------- main

if [ -n "${BENCH_REPORT_ONLY:-}" ]; then
    write_report
    exit 0
fi
if [ -z "${BENCH_KEEP:-}" ] || [ ! -f "$res" ]; then
    : >"$res"
    : >"$loads"
    cut -d' ' -f1-3 /proc/loadavg >"$bench/load"
    # the source the measured binary was built from, not HEAD at report time
    git rev-parse --short HEAD >"$bench/commit" 2>/dev/null || echo '?' >"$bench/commit"
fi
need_debs time miller sqlite3 python3 python3-xlsxwriter
need_debs poppler-utils
need_npm @duckdb/node-api @myriaddreamin/typst-ts-node-compiler
cp tests/bench/duckdb.mjs tests/bench/typst_peer.mjs "$node_dir/"
for SIZE in $sizes; do
    make_inputs "$SIZE"
    for ITEM in $items; do
        case $ITEM in
        build) ;;
        check | pdf | xlsx) "item_$ITEM" ;;
        *) say "no item $ITEM (check pdf xlsx build)" && exit 2 ;;
        esac
    done
done
case " $items " in *" build "*) ITEM=build SIZE=sample item_build ;; esac
echo "$(sed -n 1p "$bench/load")" >"$bench/load.new"
cut -d' ' -f1-3 /proc/loadavg >>"$bench/load.new"
mv "$bench/load.new" "$bench/load"
write_report
BENCH_OUT="$out" sh tests/bench/xlsx_read.sh "$build"
