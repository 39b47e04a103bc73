#!/usr/bin/env bash
# Benchmark of snapshots off the engine thread (issue 18): the production EngineRunner over Chronicle journals decides
# the benchmark setup and 1,000,000 negotiated listings (resting items), padded with Ticks to a multiple of 50,000, with
# no snapshots; the measured runner then starts from those journals with the store and the interval, and the
# snapshotter's first job (from an empty store) is asked for and awaited; 20,000 listings more warm the live path up, unmeasured,
# and a full collection follows. Then listings are appended at 10,000 commands/s on a
# fixed schedule: 30,000 with no snapshot running, then the periodic mark at the next multiple of 50,000 starts a job
# (replay of 50,000 commands by the snapshotter's warm engine, take, write) and appending goes on until it is written,
# plus 5,000 more. Prints the phases, then:
#   RESULT engine.snapshot.max.pause <n> us   (longest gap between two decisions on the engine thread while the job runs; target <= 1,000)
#   RESULT engine.snapshot.p99 <n> us         (command latency from its scheduled time, while the job runs)
#   RESULT engine.nosnapshot.p99 <n> us       (the same with no job running)
# A failed job is reported as such, with no RESULT (exit status 1). JVM: a fixed 6 GB heap as bench/engine-e2e.sh
# (EXCHANGE_JAVA_OPTS replaces it). A few minutes; the mix and sizes are fixed here. Report /proc/loadavg with the
# figures (printed at start and end).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if (( $# > 0 )); then
  echo "unsupported argument $1 (the mix and sizes are fixed in this script)" >&2
  exit 2
fi
export EXCHANGE_JAVA_OPTS="${EXCHANGE_JAVA_OPTS:--Xms6g -Xmx6g -XX:+AlwaysPreTouch}"
fixed=(--items 1000000 --every 50000 --rate 10000)
echo "bench engine-snapshot: ${fixed[*]} (JVM: $EXCHANGE_JAVA_OPTS)"
exec bench/run engine-snapshot "${fixed[@]}"
