#!/usr/bin/env bash
# Benchmark of the continuous book alone: the production classes (fundexchange.engine.book: Books, OrderBook,
# BookMatcher) with every event built (OrderAccepted, TradeExecuted with consideration and % of NAV, OrderCancelled)
# and applied, on one thread, holding about 1,000 resting orders. Fixed mix: 50% passive places (1-4 lots, 1-50 ticks
# from the mid), 25% cancels of a random live order, 25% aggressive orders (1-4 lots, sweeping from the best price);
# 10,000,000 warm-up operations, then 5 timed runs of 10,000,000. Prints the outcome histogram, then:
#   RESULT book.throughput <n> ops/s              (median run; target >= 5,000,000)
#   RESULT book.bytes.per.resting.order <n> bytes (heap after GC, 200,000 resting orders)
#   RESULT engine.bytes.per.open.listing <n> bytes (heap after GC, 100,000 negotiated listings through Engine.apply)
#   RESULT engine.bytes.per.finished.listing <n> bytes (the same listings withdrawn, after the bounded history's
#                                                  7-day retention; near 0 from rules version 10)
#   RESULT engine.alloc.per.command <n> bytes     (allocated inside Engine.apply per signed PlaceOrder/CancelOrder, same
#                                                  mix, 300,000 warm-up then 200,000 counted; the core without the
#                                                  journal codec; target 0)
# Needs only `./mvnw -DskipTests install` to have run; under a minute. The mix and sizes are fixed here.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if (( $# > 0 )); then
  echo "unsupported argument $1 (the mix and sizes are fixed in this script)" >&2
  exit 2
fi
fixed=(--resting 1000 --mix 50:25:25 --warmup-ops 10000000 --ops 10000000 --runs 5 --memory-orders 200000 --seed 20261127)
echo "bench engine-book: ${fixed[*]}"
exec bench/run engine-book "${fixed[@]}"
