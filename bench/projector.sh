#!/usr/bin/env bash
# Benchmark of the registry projector on an embedded PostgreSQL 18 with synchronous_commit=on. A journal of about 175,000
# command records and event documents is recorded with the real engine deciding each command (onboarding through
# maker-checker, funds and deposits, then negotiated transfers -- list, approve, accept, settle -- with a Tick after
# each, NAV updates, rejected late acceptances and duplicate settlements). Then:
#   (1) after an untimed catch-up of its first 10,000 documents into a database of their own (warming the JVM, as a
#       long rebuild would be), a fresh Projector.catchUp() projects its first 30,000 documents into an empty
#       database: events per second (the untimed warm-up's own rate is printed too, as the cold figure);
#   (2) the recorded documents are appended to a new journal at a steady 5,000 events/s for 5 s untimed + 20 s while
#       a running projector tails it: the lag from each document's append to the commit that carries it.
# Ends with:
#   RESULT projector.throughput <n> events/s     (target >= 20000)
#   RESULT projector.lag.p99 <n> ms              (at a steady 5,000 events/s)
# Needs only `./mvnw -DskipTests install` to have run; about 1.5 minutes here. Sizes and rates are fixed here.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if (( $# > 0 )); then
  echo "unsupported argument $1 (sizes and rates are fixed in this script)" >&2
  exit 2
fi
fixed=(--documents 30000 --rate 5000 --seconds 20 --warmup-seconds 5)
echo "bench projector: ${fixed[*]}"
exec bench/run projector "${fixed[@]}"
