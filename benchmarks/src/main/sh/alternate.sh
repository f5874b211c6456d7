#!/bin/sh
# alternate.sh [-n RUNS] [-w WARMUP] 'COMMAND A' 'COMMAND B'
#
# Whole-process timing of a command against its reference: A and B run in turns (A B A B ...), RUNS times each
# (default 10) after WARMUP uncounted runs of each (default 1), each under GNU time (/usr/bin/time), which reads the
# kernel's own accounting of the finished process: wall, user and system seconds and peak resident memory. Prints
# min, median and max of each, and of the ratio A/B taken pair by pair (running in turns and pairing keep the ratio
# meaningful when the machine's load changes during the run; quote the medians). Output of the commands is thrown
# away; each command is one string run by sh -c 'exec COMMAND' (so it may use redirections; exec keeps the shell out
# of the figures but for its start).
#
# docs/performance.md gives the commands it was run with.
set -eu
runs=10
warmup=1
while getopts n:w: option; do
    case $option in
        n) runs=$OPTARG ;;
        w) warmup=$OPTARG ;;
        *) echo "usage: $0 [-n RUNS] [-w WARMUP] 'COMMAND A' 'COMMAND B'" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
if [ $# -ne 2 ]; then
    echo "usage: $0 [-n RUNS] [-w WARMUP] 'COMMAND A' 'COMMAND B'" >&2
    exit 2
fi
[ -x /usr/bin/time ] || { echo "$0: needs GNU time at /usr/bin/time" >&2; exit 2; }
a=$1
b=$2
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# One run: "LABEL WALL USER SYS MAXRSS_KB EXIT" appended to the log.
run() {
    /usr/bin/time -o "$log.one" -f "%e %U %S %M %x" sh -c "exec $2" >/dev/null 2>&1 </dev/null || true
    echo "$1 $(tail -n 1 "$log.one")" >>"$log"
    rm -f "$log.one"
}

# COUNT turns of A then B, logged as LABEL_A and LABEL_B.
turns() {
    i=0
    while [ "$i" -lt "$3" ]; do
        run "$1" "$a"
        run "$2" "$b"
        i=$((i + 1))
    done
}

turns warmup warmup "$warmup"
turns A B "$runs"

echo "A = $a"
echo "B = $b"
echo "$runs runs each, in turns (A B A B ...), after $warmup uncounted run(s) of each; whole process"
awk '
    function stats(name, values, n,    i, j, t, sorted) {
        for (i = 1; i <= n; i++) sorted[i] = values[i]
        for (i = 2; i <= n; i++) { t = sorted[i]; for (j = i - 1; j >= 1 && sorted[j] > t; j--) sorted[j + 1] = sorted[j]; sorted[j + 1] = t }
        printf "%-14s %10.3f %10.3f %10.3f\n", name, sorted[1], (n % 2 ? sorted[(n + 1) / 2] : (sorted[n / 2] + sorted[n / 2 + 1]) / 2), sorted[n]
    }
    $1 == "A" { na++; aw[na] = $2; ac[na] = $3 + $4; am[na] = $5 / 1024; if ($6 != 0) afail++ }
    $1 == "B" { nb++; bw[nb] = $2; bc[nb] = $3 + $4; bm[nb] = $5 / 1024; if ($6 != 0) bfail++ }
    END {
        printf "%-14s %10s %10s %10s\n", "", "min", "median", "max"
        stats("A wall s", aw, na); stats("A cpu s", ac, na); stats("A peak MiB", am, na)
        stats("B wall s", bw, nb); stats("B cpu s", bc, nb); stats("B peak MiB", bm, nb)
        for (i = 1; i <= na; i++) r[i] = (bw[i] > 0 ? aw[i] / bw[i] : 0)
        stats("A/B wall", r, na)
        if (afail + bfail > 0) printf "non-zero exit codes: A %d, B %d\n", afail, bfail
    }' "$log"
