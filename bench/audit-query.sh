#!/usr/bin/env bash
# Benchmark of the regulator API: a one-day GET /audit/records over signed HTTP, as the regulator, on 10,000,000
# audit records of which 1,200,000 fall in the queried UTC day -- the first page of 1,000 records with the exact
# total -- then the audit chain tailer's throughput linking a fresh 200,000-record journal into an empty database.
# Ends with:
#   RESULT audit.day.query <median> ms           (target < 1000 ms)
#   RESULT audit.chain.throughput <n> records/s
# Needs only `./mvnw -DskipTests install` to have run. The fixture (an embedded PostgreSQL of about 5 GB, loaded with
# COPY) is built on first use under bench/.cache/audit-query and reused afterwards; see docs/performance.md.
# Extra arguments go to `exchange bench audit-query`, e.g. --rebuild, --explain, --runs 30.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
exec ./exchange bench audit-query --cache-dir "$root/bench/.cache/audit-query" "$@"
