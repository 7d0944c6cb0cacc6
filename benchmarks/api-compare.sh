#!/usr/bin/env bash
# Before/after of REST API builds on one chain, in one run (figures in BENCHMARKS.md, "REST API").
# Each jar in turn serves the same devnet data dir (stopped and restarted between jars, rounds
# alternate A B A B… so a change in the machine's load hits both); wrk as api-wrk.sh.
#   benchmarks/api-compare.sh <seconds> <rounds> name=path/to/osmose.jar name=path/to/osmose.jar…
# Needs wrk and the benchmarks jar (./mvnw -o -q -B -pl benchmarks -am package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=$1; ROUNDS=$2; shift 2
CONNS=${CONNS:-8}
PORT=${API_PORT:-4093}
P2P=${P2P_PORT:-4092}
DATA=$(mktemp -d /tmp/osmose-api-compare.XXXXXX)
BENCH=benchmarks/target/benchmarks.jar
API="http://127.0.0.1:$PORT/api"
OPTS=${OSMOSE_JAVA_OPTS:--Xms64m -Xmx192m -XX:MaxDirectMemorySize=64m -XX:+UseSerialGC}
NODE=
stop() { [ -n "$NODE" ] && { kill "$NODE" 2>/dev/null || true; wait "$NODE" 2>/dev/null || true; }; NODE=; }
trap 'stop; rm -rf "$DATA"' EXIT

start() {
  # shellcheck disable=SC2086
  java $OPTS -jar "$1" devnet --data-dir "$DATA/node" --blocktime 3 --api-port "$PORT" --p2p-port "$P2P" >> "$DATA/node.log" 2>&1 &
  NODE=$!
  for _ in $(seq 1 120); do curl -sf "$API/blockchain" > /dev/null && return; sleep 1; done
  echo "node did not start" >&2; tail -20 "$DATA/node.log" >&2; exit 1
}

first=${1#*=}
start "$first"
java -cp "$BENCH" com.osmosecollective.node.benchmarks.ApiTransferBodies "$API" "$DATA/bodies" 20 > /dev/null
for f in "$DATA"/bodies/*.json; do curl -sf -H 'content-type: application/json' --data-binary @"$f" "$API/transactions" > /dev/null; done
sleep 9
DELEGATE=$(curl -sf "$API/delegates?limit=1" | sed 's/.*"address":"\([^"]*\)".*/\1/')
WALLET=$(curl -sf "$API/wallets/top?limit=1" | sed 's/.*"address":"\([^"]*\)".*/\1/')
stop

ROUTES=(
  "GET /api/node/status|$API/node/status"
  "GET /api/blocks/last|$API/blocks/last"
  "GET /api/wallets/{delegate}|$API/wallets/$DELEGATE"
  "GET /api/blocks?limit=100|$API/blocks?limit=100"
  "GET /api/transactions?limit=100|$API/transactions?limit=100"
  "GET /api/wallets/{id}/transactions?limit=100|$API/wallets/$WALLET/transactions?limit=100"
)
for round in $(seq 1 "$ROUNDS"); do
  for named in "$@"; do
    name=${named%%=*}; jar=${named#*=}
    start "$jar"
    echo "round $round, $name: height $(curl -sf "$API/blockchain" | sed 's/.*"height":\([0-9]*\).*/\1/'), $(curl -sf "$API/transactions?limit=1" | sed 's/.*"totalCount":\([0-9]*\).*/\1/') transactions"
    for r in "${ROUTES[@]}"; do
      label=${r%%|*}; url=${r#*|}
      wrk -t2 -c"$CONNS" -d2s "$url" > /dev/null 2>&1   # warm-up
      out=$(wrk -t2 -c"$CONNS" -d"${SECS}s" --latency "$url" 2>&1)
      rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
      p99=$(echo "$out" | awk '$1=="99%" {print $2}')
      printf '%-8s %-46s %10s req/s   p99 %8s   load %s\n' "$name" "$label" "$rps" "$p99" "$(cut -d' ' -f1 /proc/loadavg)"
    done
    stop
  done
done
