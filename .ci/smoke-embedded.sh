#!/usr/bin/env bash
# `pnpm start` with no DATABASE_URL / REDIS_URL: embedded PostgreSQL, migrations, demo seed;
# then /healthz, an authenticated /api/v1/customers with the demo admin token, and a webhook
# delivered by the in-process worker to a local receiver.
set -euo pipefail
data=$(mktemp -d /tmp/sumeru-smoke-XXXXXX)
chmod 755 "$data"
port=$((20000 + RANDOM % 20000))
pg_port=$((40000 + RANDOM % 20000))
log="$data/start.log"
# Its own process group, so the whole tree (pnpm, tsx, node, postgres) can be signalled.
setsid env -u DATABASE_URL -u REDIS_URL WEBHOOKS_ALLOW_PRIVATE_TARGETS=true SUMERU_DATA_DIR="$data" PORT="$port" EMBEDDED_PG_PORT="$pg_port" pnpm start >"$log" 2>&1 &
pid=$!
stopped=0
stop_server() {
  # SIGTERM to the node process only: a clean shutdown drains, flushes usage, stops postgres.
  local node_pid
  node_pid=$(pgrep -g "$pid" -f "src/main.ts" | tail -1 || true)
  [ -n "$node_pid" ] && kill -TERM "$node_pid" 2>/dev/null
  for _ in $(seq 1 30); do pgrep -g "$pid" >/dev/null || break; sleep 1; done
  if pgrep -g "$pid" >/dev/null; then kill -KILL -- -"$pid" 2>/dev/null; return 1; fi
}
hook_port=$((20000 + RANDOM % 20000))
node -e 'require("http").createServer((q, s) => { let b = ""; q.on("data", (c) => (b += c)); q.on("end", () => { require("fs").appendFileSync(process.argv[1], q.headers["x-sumeru-event-type"] + "\n"); s.end("ok"); }); }).listen(Number(process.argv[2]), "127.0.0.1")' "$data/hooks.log" "$hook_port" &
receiver=$!
cleanup() { kill "$receiver" 2>/dev/null || true; [ "$stopped" = 1 ] || stop_server || true; rm -rf "$data"; }
trap cleanup EXIT
for _ in $(seq 1 180); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "pnpm start exited"; exit 1; }
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/healthz"; echo
token=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).shops[0].admin_token)' "$data/demo.json")
status=$(curl -s -o "$data/customers.json" -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/customers?limit=2")
echo "GET /api/v1/customers -> $status"
head -c 300 "$data/customers.json"; echo
grep -q "Admin token" "$log" || { cat "$log"; echo "no welcome banner"; exit 1; }
[ "$status" = 200 ]
# The worker runs in-process: an endpoint and a product change → a signed delivery.
auth=(-H "Authorization: Bearer $token" -H "Content-Type: application/json")
curl -fsS "${auth[@]}" -d "{\"url\":\"http://127.0.0.1:$hook_port/hooks\",\"events\":[\"product.updated\"]}" "http://127.0.0.1:$port/api/v1/webhook-endpoints" >/dev/null
curl -fsS "${auth[@]}" -d '{"title":"Smoke test box","price":1,"sku":"SMOKE-1"}' "http://127.0.0.1:$port/api/v1/products" >/dev/null
for _ in $(seq 1 30); do grep -q product.updated "$data/hooks.log" 2>/dev/null && break; sleep 1; done
grep -q product.updated "$data/hooks.log" || { cat "$log"; echo "no webhook delivered by the in-process worker"; exit 1; }
echo "webhook delivered by the in-process worker: $(head -1 "$data/hooks.log")"
stopped=1
stop_server || { echo "pnpm start did not shut down cleanly on SIGTERM"; cat "$log"; exit 1; }
echo "clean shutdown: $(grep -c 'shutting down' "$log") shutdown line, postgres stopped"
