#!/usr/bin/env bash
# Load benchmark of the signed HTTP gateway: an open-loop generator (module `bench`, java.net.http, keep-alive HTTP/1.1)
# against a real in-process exchange node (embedded PostgreSQL, fresh genesis in a temp directory). 134 participants
# sign writes (10 staff, 24 holders, 100 qualified investors, onboarded through maker-checker; every 10th onboarded one
# signs with SM2-SM3, the rest Ed25519, reported separately). Mix per 20 scheduled slots: 18 negotiated-transfer steps
# in turn (ListNegotiated -> ApproveListing -> AcceptListing -> ConfirmSettlement, each step using the ids its
# predecessor's outcome carried), 1 UpdateNav, 1 RegisterParticipant. Latency runs from the scheduled send time.
# Phases: warm-up closed loop (64 in flight) for 15 s; 1,000 req/s for 20 s (p99, informational); 2,000 req/s for
# 30 s (p99; a request still waiting for one of 512 in-flight slots at the phase end is reported NOT SENT); closed loop with 64 in flight for 20 s (max
# throughput); then the same data directory restarted with the bench-only unsigned gateway (loopback only) for 5 s
# untimed + 20 s, 64 in flight. Throughput counts ACCEPTED outcomes only; every phase prints its outcome histogram.
# Ends with:
#   RESULT gateway.signed.throughput <n> req/s     (target >= 4000)
#   RESULT gateway.signed.p99.2k <n> ms            (target <= 20 ms at 2,000 req/s)
#   RESULT gateway.unsigned.throughput <n> req/s
# Needs only `./mvnw -DskipTests install` to have run; about 2 minutes. The mix and phases are fixed here.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if (( $# > 0 )); then
  echo "unsupported argument $1 (participants, mix and phases are fixed in this script)" >&2
  exit 2
fi
fixed=(--staff 10 --holders 24 --investors 100 --funds 4 --sm2-every 10 --warmup 64:15 --low 1000:20 --fixed 2000:30 --max 64:20
       --unsigned 64:20 --open-loop-in-flight 512 --signer-threads 2)
echo "bench gateway-load: ${fixed[*]}"
exec bench/run gateway-load "${fixed[@]}"
