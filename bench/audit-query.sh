#!/usr/bin/env bash
# Benchmark of the regulator API: a one-day GET /audit/records over signed HTTP, as the regulator, on 10,000,000
# audit records of which 1,200,000 fall in the queried UTC day -- the first page of 1,000 records with the exact
# total -- then the audit chain tailer's throughput linking a fresh 200,000-record journal into an empty database.
# Ends with:
#   RESULT audit.day.query <median> ms           (target < 1000 ms)
#   RESULT audit.chain.throughput <n> records/s
# Needs only `./mvnw -DskipTests install` to have run. The fixture (an embedded PostgreSQL of about 5 GB, loaded with
# COPY) is built on first use under bench/.cache/audit-query and reused afterwards; see docs/performance.md.
# The sizes and the mix are fixed here; only --rebuild, --explain and --runs N may be added.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
extra=()
while (( $# > 0 )); do
  case "$1" in
    --rebuild|--explain) extra+=("$1"); shift ;;
    --runs) extra+=("$1" "$2"); shift 2 ;;
    *) echo "unsupported argument $1 (sizes and mix are fixed in this script)" >&2; exit 2 ;;
  esac
done
fixed=(--rows 10000000 --day-rows 1200000 --day 2026-03-02 --side-days 10 --warmup 5 --chain-records 200000)
echo "bench audit-query: ${fixed[*]} ${extra[*]:-}"
exec bench/run audit-query --cache-dir "$root/bench/.cache/audit-query" "${fixed[@]}" "${extra[@]}"
