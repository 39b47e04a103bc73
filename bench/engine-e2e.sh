#!/usr/bin/env bash
# End-to-end benchmark of the engine runner (fundexchange.runner.EngineRunner, production code) on the journals of a
# data directory on the normal filesystem (bench/.cache/engine-e2e/, the disk `serve` uses; not /dev/shm). The commands
# are production records: CommandRecord with the full SignedRequest envelope (body as a client sends it, its digest, a
# dummy 64-byte signature: the engine does not verify signatures, the gateway does), encoded with JournalCodec and
# appended to Chronicle as the sequencer does. Setup through normal commands: genesis, W (request-window-ms) set to
# 10,000 ms by a maker-checker proposal, 24 holders and 100 qualified investors onboarded through maker-checker,
# 10 funds, 240 deposits. Then blocks of 100 commands, one millisecond of journal time each (100,000 commands per second
# of journal time), the fixed mix per block:
#   17 transfers (ListNegotiated -> ApproveListing -> AcceptListing -> ConfirmSettlement, one step per block),
#   2 listings withdrawn when open, 2 withdrawn before approval, 2 declined by the buyer, 2 approved and left to expire
#   4 ms later (the engine fires the deadline), 2 UpdateNav, 3 DepositUnits, 1 Tick,
#   5 rejected (a non-named buyer accepts, a listing below the minimum, a settled trade settled again, a NAV update
#   signed outside W, a holder approves a listing), 1 duplicate (a settlement request resent as is);
#   = ListNegotiated 26, ApproveListing 24, AcceptListing 18, ConfirmSettlement 19, WithdrawListing 4, DeclineListing 2,
#   UpdateNav 3, DepositUnits 3, Tick 1; outcomes 93 accepted, 5 rejected, 1 duplicate, 1 tick.
# Phases:
#   1. throughput: the runner drains a pre-filled journal (3,000 warm-up blocks, then 10,000 timed blocks =
#      1,000,000 commands) while appending event documents; every event document is checked against the plan, and the
#      outcome histogram printed; then a raw Chronicle tail + append loop over the same records, appending documents
#      of the same sizes as the event documents, in the same data directory.
#   2. latency: two threads only: the generator (this thread) appends the mix at 100,000 commands/s from scheduled
#      send times and polls the event journal; the runner thread busy-spins (EngineRunner.Idle.BUSY_SPIN). Both cycle
#      files pre-touched first; 10 s untimed, then 60 s timed; latency from the scheduled send time (coordinated
#      omission corrected) to the generator seeing the event document. Commands still undecided 30 s after the
#      schedule's end are recorded at their wait so far.
# Ends with:
#   RESULT e2e.throughput <n> commands/s          (target >= 1,000,000)
#   RESULT e2e.raw.ratio <r> x                    (engine throughput / raw Chronicle loop throughput)
#   RESULT e2e.p99 <n> us                         (target <= 50 us at 100,000 commands/s)
#   RESULT e2e.p999 <n> us                        (target <= 1,000 us)
#   RESULT e2e.max <n> us
#   RESULT e2e.stalls_over_1ms <n> count          (runs of consecutive commands whose latency exceeded 1 ms)
# JVM: the launcher's flags plus a fixed, pre-touched heap (G1, the launcher's default collector); EXCHANGE_JAVA_OPTS
# replaces that. Needs only `./mvnw -DskipTests install` to have run; about 4 minutes here. The mix and sizes are fixed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if (( $# > 0 )); then
  echo "unsupported argument $1 (mix, sizes and phases are fixed in this script)" >&2
  exit 2
fi
export EXCHANGE_JAVA_OPTS="${EXCHANGE_JAVA_OPTS:--Xms6g -Xmx6g -XX:+AlwaysPreTouch}"
fixed=(--warmup-blocks 3000 --blocks 10000 --rate 100000 --latency-warmup-seconds 10 --latency-seconds 60)
echo "bench engine-e2e: ${fixed[*]} (JVM: $EXCHANGE_JAVA_OPTS)"
exec bench/run engine-e2e --work-dir "$root/bench/.cache/engine-e2e" "${fixed[@]}"
