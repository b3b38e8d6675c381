#!/usr/bin/env bash
# The read path against its ceiling, measured side by side with wrk: a fixed response from the same Kestrel (/ping),
# a default SoapCore service answering GetTweet from a dictionary (SoapCorePeer/, the yardstick), and TweetsSoap's
# GetTweet, ListTweets(20) and first home-timeline page on both faces (plus PostTweet with POSTS=1). Builds in
# Release, starts the service on a fresh SQLite file or (BACKEND=postgres) a throwaway PostgreSQL cluster on this
# machine, seeds an author with 100 tweets and a reader who follows them, then runs every case for ROUNDS rounds,
# interleaved (so a busy neighbour slows every case alike), and quotes medians and ratios to the ceiling.
# Usage: Service/Benchmarks/soap-vs-json.sh
#   env: BACKEND (sqlite|postgres), ROUNDS, DURATION, CONNECTIONS, PORT, POSTS=1, PG_EXTRA (appended to the
#   Npgsql connection string, e.g. "Max Auto Prepare=0"), PG_CONF (lines appended to postgresql.conf)
set -euo pipefail
cd "$(dirname "$0")/../.."

backend=${BACKEND:-sqlite}
rounds=${ROUNDS:-5}
duration=${DURATION:-4s}
connections=${CONNECTIONS:-16}
port=${PORT:-6771}
peer_port=$((port + 1))
base="http://127.0.0.1:$port"
ns="http://tweetssoap.example/2026/11"

if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk curl >/dev/null
fi

work=$(mktemp -d)
service_pid=""
peer_pid=""
pg_bin=""
cleanup() {
  [ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null
  [ -n "$peer_pid" ] && kill "$peer_pid" 2>/dev/null && wait "$peer_pid" 2>/dev/null
  [ -n "$pg_bin" ] && as_postgres "$pg_bin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

echo "building the service and the SoapCore peer in Release" >&2
dotnet build Service -c Release -o "$work/bin" -v quiet -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
dotnet build Service/Benchmarks/SoapCorePeer -c Release -o "$work/peer" -v quiet -nologo >"$work/peer-build.log" 2>&1 || { cat "$work/peer-build.log"; exit 1; }

storage=(--Storage:SqlitePath="$work/tweets.db")
if [ "$backend" = postgres ]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  mkdir -p "$work/pg" && { [ "$(id -u)" != 0 ] || chown postgres "$work" "$work/pg"; }
  as_postgres "$pg_bin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  pg_port=$((port + 2))
  # Settings for a 2-core machine shared with the service (docs/read-path.md explains each).
  cat >>"$work/pg/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $pg_port
unix_socket_directories = '$work'
max_connections = 100
shared_buffers = 256MB
effective_cache_size = 1GB
work_mem = 8MB
max_worker_processes = 2
max_parallel_workers = 2
max_parallel_workers_per_gather = 0
random_page_cost = 1.1
synchronous_commit = on
${PG_CONF:-}
CONF
  as_postgres "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w start >/dev/null
  storage=(--Storage:Provider=Postgres "--Storage:ConnectionString=Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;${PG_EXTRA:-}")
fi

dotnet "$work/bin/TweetsSoap.Service.dll" --urls "$base" "${storage[@]}" \
  --Logging:LogLevel:Default=Warning --Logging:LogLevel:SoapCore=Error >"$work/service.log" 2>&1 &
service_pid=$!
dotnet "$work/peer/TweetsSoap.SoapCorePeer.dll" --urls "http://127.0.0.1:$peer_port" >"$work/peer.log" 2>&1 &
peer_pid=$!
for _ in $(seq 150); do curl -sf "$base/ping" >/dev/null && break; sleep 0.2; done
curl -sf "$base/ping" >/dev/null || { cat "$work/service.log"; exit 1; }

# Seed: an author with 100 tweets (GetTweet reads the newest) and a reader who follows them (the home timeline).
signup() { # username
  curl -sf "$base/api/signup" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"email\":\"$1@example.org\",\"password\":\"$password\",\"firstName\":\"Ada\",\"lastName\":\"Lovelace\"}" \
    | sed 's/^{"id":"\([^"]*\)".*/\1/'
}
user=bench$RANDOM
reader=reader$RANDOM
password="correct horse battery"
author_id=$(signup "$user")
signup "$reader" >/dev/null
for i in $(seq 100); do
  tweet_id=$(curl -sf -u "$user:$password" "$base/api/tweets" -H 'Content-Type: application/json' -d "{\"text\":\"seed tweet $i\"}" | sed 's/^{"id":"\([^"]*\)".*/\1/')
done
curl -sf -X PUT -u "$reader:$password" "$base/api/users/me/following/$author_id" >/dev/null
basic=$(printf '%s:%s' "$user" "$password" | base64 -w0)
reader_basic=$(printf '%s:%s' "$reader" "$password" | base64 -w0)

token() { # username
  echo "<wsse:Security xmlns:wsse=\\\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\\\"><wsse:UsernameToken><wsse:Username>$1</wsse:Username><wsse:Password Type=\\\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText\\\">$password</wsse:Password></wsse:UsernameToken></wsse:Security>"
}
envelope() { # header body
  echo "<s:Envelope xmlns:s=\\\"http://schemas.xmlsoap.org/soap/envelope/\\\"><s:Header>$1</s:Header><s:Body>$2</s:Body></s:Envelope>"
}
soap() { # name operation header body
  cat >"$work/$1.lua" <<LUA
wrk.method = "POST"
wrk.path = "/TweetService.svc"
wrk.headers["Content-Type"] = "text/xml; charset=utf-8"
wrk.headers["SOAPAction"] = "\"$ns/TweetService/$2\""
wrk.body = "$(envelope "$3" "$4")"
LUA
}
json() { # name method path [body] [authorization]
  {
    echo "wrk.method = \"$2\""
    echo "wrk.path = \"$3\""
    echo 'wrk.headers["Content-Type"] = "application/json"'
    if [ -n "${4:-}" ]; then echo "wrk.body = \"$4\""; fi
    if [ -n "${5:-}" ]; then echo "wrk.headers[\"Authorization\"] = \"$5\""; fi
  } >"$work/$1.lua"
}

json ceiling GET /ping
soap peer-get GetTweet "" "<GetTweet xmlns=\\\"$ns\\\"><tweetId>$tweet_id</tweetId></GetTweet>"
soap soap-get GetTweet "" "<GetTweet xmlns=\\\"$ns\\\"><tweetId>$tweet_id</tweetId></GetTweet>"
json json-get GET "/api/tweets/$tweet_id"
soap soap-list ListTweets "" "<ListTweets xmlns=\\\"$ns\\\"><maxResults>20</maxResults></ListTweets>"
json json-list GET "/api/tweets?maxResults=20"
soap soap-home GetHomeTimeline "$(token "$reader")" "<GetHomeTimeline xmlns=\\\"$ns\\\"><maxResults>20</maxResults></GetHomeTimeline>"
json json-home GET "/api/users/me/timeline?maxResults=20" "" "Basic $reader_basic"
cases=(ceiling peer-get soap-get json-get soap-list json-list soap-home json-home)
if [ "${POSTS:-0}" = 1 ]; then
  soap soap-post PostTweet "$(token "$user")" "<PostTweet xmlns=\\\"$ns\\\"><text>benchmark tweet</text></PostTweet>"
  json json-post POST /api/tweets '{\"text\":\"benchmark tweet\"}' "Basic $basic"
  cases+=(soap-post json-post)
fi

# Seconds of a wrk latency (e.g. 850.00us, 2.10ms, 1.01s) in milliseconds.
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

run_case() { # name seconds -> "rps p50ms p99ms"
  local out target=$base
  [ "$1" = peer-get ] && target="http://127.0.0.1:$peer_port"
  # The generous timeout keeps slow PBKDF2-bound posts in the latency figures instead of dropping them.
  out=$(wrk -t1 -c"$connections" -d"$2" --timeout 30s --latency -s "$work/$1.lua" "$target" 2>&1)
  if grep -qE "Non-2xx|error" <<<"$out"; then echo "$1 answered errors:" >&2; echo "$out" >&2; exit 1; fi
  echo "$(awk '/Requests\/sec/ {print $2}' <<<"$out") $(to_ms "$(awk '$1=="50%" {print $2}' <<<"$out")") $(to_ms "$(awk '$1=="99%" {print $2}' <<<"$out")")"
}

echo "warming up" >&2
for c in "${cases[@]}"; do run_case "$c" 2s >/dev/null || exit 1; done
for r in $(seq "$rounds"); do
  echo "round $r of $rounds" >&2
  for c in "${cases[@]}"; do
    figures=$(run_case "$c" "$duration") || exit 1
    echo "$c $figures" >>"$work/results"
  done
done

median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
stat() { awk -v c="$1" -v f="$2" '$1 == c { print $f }' "$work/results" | median; }

ceiling=$(stat ceiling 2)
echo
echo "$backend, wrk -t1 -c$connections, $rounds rounds of $duration per case, medians; $(nproc) cores, $(uname -sr), $(date -u +%Y-%m-%dT%H:%MZ)"
printf '%-10s %10s %8s %8s %8s %10s\n' case "req/s" "p50 ms" "p99 ms" "p99/p50" "of /ping"
for c in "${cases[@]}"; do
  awk -v c="$c" -v r="$(stat "$c" 2)" -v p50="$(stat "$c" 3)" -v p99="$(stat "$c" 4)" -v top="$ceiling" \
    'BEGIN { printf "%-10s %10.0f %8.2f %8.2f %8.1f %9.0f%%\n", c, r, p50, p99, (p50 > 0 ? p99 / p50 : 0), 100 * r / top }'
done
echo
awk -v s="$(stat soap-get 2)" -v p="$(stat peer-get 2)" -v j="$(stat json-get 2)" \
  'BEGIN { printf "SOAP GetTweet / SoapCore peer %.2fx (target >= 1.5); SOAP/JSON GetTweet %.2fx\n", s / p, s / j }'
for op in get:GetTweet list:ListTweets; do
  key=${op%%:*}
  awk -v name="${op#*:}" -v sr="$(stat "soap-$key" 2)" -v jr="$(stat "json-$key" 2)" -v sp="$(stat "soap-$key" 4)" -v jp="$(stat "json-$key" 4)" \
    'BEGIN { printf "%-10s SOAP/JSON throughput %.2fx (target >= 0.95), p99 %.2fx (target <= 1.20)\n", name, sr / jr, sp / jp }'
done
