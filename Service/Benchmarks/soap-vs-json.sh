#!/usr/bin/env bash
# SOAP vs JSON on the same operations, same store, same Kestrel, measured side by side with wrk.
# Builds the service in Release, starts it on a fresh SQLite file, seeds a user and tweets, then runs every case
# for ROUNDS rounds, interleaved (so a busy neighbour slows both faces alike), and quotes medians. The last
# lines are the SOAP/JSON ratios. Usage: Service/Benchmarks/soap-vs-json.sh  (env: ROUNDS, DURATION, CONNECTIONS, PORT)
set -euo pipefail
cd "$(dirname "$0")/../.."

rounds=${ROUNDS:-5}
duration=${DURATION:-4s}
connections=${CONNECTIONS:-16}
port=${PORT:-6771}
base="http://127.0.0.1:$port"
ns="http://tweetssoap.example/2026/11"

if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk curl >/dev/null
fi

work=$(mktemp -d)
service_pid=""
cleanup() {
  [ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

echo "building the service in Release" >&2
dotnet build Service -c Release -o "$work/bin" -v quiet -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
dotnet "$work/bin/TweetsSoap.Service.dll" --urls "$base" --Storage:SqlitePath="$work/tweets.db" \
  --Logging:LogLevel:Default=Warning --Logging:LogLevel:SoapCore=Error >"$work/service.log" 2>&1 &
service_pid=$!
for _ in $(seq 100); do curl -sf "$base/ping" >/dev/null && break; sleep 0.2; done
curl -sf "$base/ping" >/dev/null || { cat "$work/service.log"; exit 1; }

# Seed: one author, 100 tweets; GetTweet reads the newest.
user=bench$RANDOM
password="correct horse battery"
curl -sf "$base/api/signup" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$user\",\"email\":\"$user@example.org\",\"password\":\"$password\",\"firstName\":\"Ada\",\"lastName\":\"Lovelace\"}" >/dev/null
for i in $(seq 100); do
  tweet_id=$(curl -sf -u "$user:$password" "$base/api/tweets" -H 'Content-Type: application/json' -d "{\"text\":\"seed tweet $i\"}" | sed 's/^{"id":"\([^"]*\)".*/\1/')
done
basic=$(printf '%s:%s' "$user" "$password" | base64 -w0)

token="<wsse:Security xmlns:wsse=\\\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\\\"><wsse:UsernameToken><wsse:Username>$user</wsse:Username><wsse:Password Type=\\\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText\\\">$password</wsse:Password></wsse:UsernameToken></wsse:Security>"
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
soap soap-get GetTweet "" "<GetTweet xmlns=\\\"$ns\\\"><tweetId>$tweet_id</tweetId></GetTweet>"
json json-get GET "/api/tweets/$tweet_id"
soap soap-post PostTweet "$token" "<PostTweet xmlns=\\\"$ns\\\"><text>benchmark tweet</text></PostTweet>"
json json-post POST /api/tweets '{\"text\":\"benchmark tweet\"}' "Basic $basic"
soap soap-list ListTweets "" "<ListTweets xmlns=\\\"$ns\\\"><maxResults>20</maxResults></ListTweets>"
json json-list GET "/api/tweets?maxResults=20"
cases=(ceiling soap-get json-get soap-post json-post soap-list json-list)

# Seconds of a wrk latency (e.g. 850.00us, 2.10ms, 1.01s) in milliseconds.
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

run_case() { # name seconds -> "rps p50ms p99ms"
  local out
  # The generous timeout keeps slow PBKDF2-bound posts in the latency figures instead of dropping them.
  out=$(wrk -t1 -c"$connections" -d"$2" --timeout 30s --latency -s "$work/$1.lua" "$base" 2>&1)
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

echo
echo "wrk -t1 -c$connections, $rounds rounds of $duration per case, medians; $(nproc) cores, $(uname -sr)"
printf '%-10s %12s %10s %10s\n' case "req/s" "p50 ms" "p99 ms"
for c in "${cases[@]}"; do
  printf '%-10s %12.0f %10.2f %10.2f\n' "$c" "$(stat "$c" 2)" "$(stat "$c" 3)" "$(stat "$c" 4)"
done
echo
for op in get:GetTweet post:PostTweet list:ListTweets; do
  key=${op%%:*}
  awk -v name="${op#*:}" -v sr="$(stat "soap-$key" 2)" -v jr="$(stat "json-$key" 2)" -v sp="$(stat "soap-$key" 4)" -v jp="$(stat "json-$key" 4)" \
    'BEGIN { printf "%-10s SOAP/JSON throughput %.2fx (target >= 0.95), p99 %.2fx (target <= 1.20)\n", name, sr / jr, sp / jp }'
done
