#!/usr/bin/env bash
# REST API throughput against a forging `osmose devnet` (figures in BENCHMARKS.md, "REST API").
# Needs wrk (apt-get install -y wrk) and the benchmarks jar
# (./mvnw -o -q -B -pl benchmarks -am package -DskipTests).
#   benchmarks/api-wrk.sh [seconds per run] [connections]   (WARM_SECS: warm-up per route, default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-10}
CONNS=${2:-8}
PORT=${API_PORT:-4093}
DATA=$(mktemp -d /tmp/osmose-api-bench.XXXXXX)
JAR=benchmarks/target/benchmarks.jar
API="http://127.0.0.1:$PORT/api"
trap 'kill "$NODE" 2>/dev/null || true; wait "$NODE" 2>/dev/null || true; rm -rf "$DATA"' EXIT

./osmose devnet --data-dir "$DATA/node" --blocktime 3 --api-port "$PORT" > "$DATA/node.log" 2>&1 &
NODE=$!
for _ in $(seq 1 120); do curl -sf "$API/blockchain" > /dev/null && break; sleep 1; done

# some transactions in the chain: 40-transfer bodies, posted and forged
java -cp "$JAR" com.osmosecollective.node.benchmarks.ApiTransferBodies "$API" "$DATA/bodies" 20 > /dev/null
for f in "$DATA"/bodies/*.json; do curl -sf -H 'content-type: application/json' --data-binary @"$f" "$API/transactions" > /dev/null; done
sleep 9
HEIGHT=$(curl -sf "$API/blockchain" | sed 's/.*"height":\([0-9]*\).*/\1/')
DELEGATE=$(curl -sf "$API/delegates?limit=1" | sed 's/.*"address":"\([^"]*\)".*/\1/')
WALLET=$(curl -sf "$API/wallets/top?limit=1" | sed 's/.*"address":"\([^"]*\)".*/\1/')
echo "chain height $HEIGHT, $(curl -sf "$API/transactions?limit=1" | sed 's/.*"totalCount":\([0-9]*\).*/\1/') transactions; load: $(cut -d' ' -f1-3 /proc/loadavg)"

cat > "$DATA/post.lua" <<LUA
local bodies = {}
for i = 0, 19 do
  local f = io.open("$DATA/bodies/body-" .. i .. ".json", "r")
  bodies[i] = f:read("*a")
  f:close()
end
local n = 0
request = function()
  n = (n + 1) % 20
  return wrk.format("POST", "/api/transactions", {["content-type"] = "application/json"}, bodies[n])
end
LUA

run() {
  local name=$1; shift
  local out
  out=$(wrk -t2 -c"$CONNS" -d"${SECS}s" --latency "$@" 2>&1)
  local rps p99 rss
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  rss=$(ps -o rss= -p "$(pgrep -P "$NODE" java || echo "$NODE")" 2>/dev/null | awk '{s+=$1} END {print int(s/1024)}')
  printf '%-48s %10s req/s   p99 %8s   node RSS %s MB   load %s\n' "$name" "$rps" "$p99" "$rss" "$(cut -d' ' -f1 /proc/loadavg)"
}

# a node that has served for a while runs JIT-compiled code: warm every route first, then measure
WARM=${WARM_SECS:-5}
for path in node/status blocks/last "wallets/$DELEGATE" "blocks?limit=100" "transactions?limit=100" \
  "wallets/$WALLET/transactions?limit=100"; do
  wrk -t2 -c"$CONNS" -d"${WARM}s" "$API/$path" > /dev/null 2>&1
done
MISSED_BEFORE=$(grep -c "missed slots" "$DATA/node.log" || true)
HEIGHT_BEFORE=$(curl -sf "$API/blockchain" | sed 's/.*"height":\([0-9]*\).*/\1/')
STARTED=$(date +%s)

run "GET /api/node/status" "$API/node/status"
run "GET /api/blocks/last" "$API/blocks/last"
run "GET /api/wallets/{delegate}" "$API/wallets/$DELEGATE"
run "GET /api/blocks?limit=100" "$API/blocks?limit=100"
run "GET /api/transactions?limit=100" "$API/transactions?limit=100"
run "GET /api/wallets/{id}/transactions?limit=100" "$API/wallets/$WALLET/transactions?limit=100"
run "POST /api/transactions (40 transfers, duplicates)" -s "$DATA/post.lua" "$API/transactions"
# fresh transactions (the pool's whole admission path), one burst bounded by the pool's 15,000:
# ApiFreshPosts funds 200 new wallets, posts 50 warm-up bodies, signs 300 bodies of 40 transfers;
# wrk posts each once (benchmarks/api-fresh.lua); FRESH_CLIENT=java posts them from ApiFreshPosts'
# own Java HTTP client instead (heavier: it shares the 2 cores with the node)
if [ "${FRESH_CLIENT:-wrk}" = java ]; then
  java -cp "$JAR" com.osmosecollective.node.benchmarks.ApiFreshPosts "$API" 150 2 "$CONNS" 50 | grep -v '^burst window'
else
  java -cp "$JAR" com.osmosecollective.node.benchmarks.ApiFreshPosts "$API" 150 2 "$CONNS" 50 "$DATA/fresh" > /dev/null
  FRESH_DIR="$DATA/fresh" FRESH_SENDERS=150 FRESH_BODIES=2 FRESH_THREADS=2 \
    wrk -t2 -c"$CONNS" -d30s --timeout 20s -s benchmarks/api-fresh.lua "$API/transactions" 2>&1 | grep '^wrk:'
fi
HEIGHT_AFTER=$(curl -sf "$API/blockchain" | sed 's/.*"height":\([0-9]*\).*/\1/')
echo "forging under load: $((HEIGHT_AFTER - HEIGHT_BEFORE)) blocks in $(($(date +%s) - STARTED)) s at 3 s slots;" \
  "$(($(grep -c "missed slots" "$DATA/node.log" || true) - MISSED_BEFORE)) blocks logged with missed slots"
