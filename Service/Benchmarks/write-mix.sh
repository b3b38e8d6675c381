#!/usr/bin/env bash
# Writes under concurrency, before and after: PostTweet alone and a mix of every write (posts, likes, follows,
# retweets, edits, deletes; see write-mix.lua) at 1, 4, 16 and 32 clients, over SOAP 1.1 and JSON, with wrk -t1.
# Builds this tree and BASELINE (a git ref, default main) in Release and runs them side by side on fresh SQLite
# files, plus this tree on a throwaway PostgreSQL cluster (fsync on) on the same machine. Rounds are interleaved
# (every case runs on every target before the next case) and the table quotes medians over the rounds. Beside
# latency and throughput it quotes the service's CPU time per request (from /proc), which a busy neighbour
# disturbs far less than wall-clock figures: cores needed for a target rate = rate x CPU ms / 1000.
# Usage: Service/Benchmarks/write-mix.sh  (env: BASELINE, ROUNDS, DURATION, CLIENTS, FACES, WORKLOADS, POSTGRES=0)
set -euo pipefail
cd "$(dirname "$0")/../.."

baseline=${BASELINE:-main}
rounds=${ROUNDS:-3}
duration=${DURATION:-3s}
clients=${CLIENTS:-1 4 16 32}
faces=${FACES:-soap json}
workloads=${WORKLOADS:-post mix}
postgres=${POSTGRES:-1}
password="correct horse battery"

command -v wrk >/dev/null || { echo "needs wrk: apt-get install wrk" >&2; exit 1; }
work=$(mktemp -d)
pids=()
pg_bin=""
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  if [ -n "$pg_bin" ]; then as_postgres "$pg_bin/pg_ctl" stop -D "$work/pg/data" -m fast -w >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

echo "building this tree and $baseline in Release" >&2
dotnet build Service -c Release -o "$work/new" -v quiet -nologo >"$work/build-new.log" 2>&1 || { cat "$work/build-new.log"; exit 1; }
mkdir "$work/base-src"
git archive "$baseline" | tar -x -C "$work/base-src"
dotnet build "$work/base-src/Service" -c Release -o "$work/base" -v quiet -nologo >"$work/build-base.log" 2>&1 || { cat "$work/build-base.log"; exit 1; }

targets=()
start() { # name build storage-settings...
  local name=$1 build=$2 port
  shift 2
  port=$(free_port)
  dotnet "$work/$build/TweetsSoap.Service.dll" --urls "http://127.0.0.1:$port" "$@" \
    --Credentials:VerificationCacheDuration=01:00:00 \
    --Logging:LogLevel:Default=Warning --Logging:LogLevel:SoapCore=Error >"$work/$name.log" 2>&1 &
  pids+=($!)
  echo $! >"$work/$name.pid"
  for _ in $(seq 150); do curl -sf "http://127.0.0.1:$port/ping" >/dev/null && break; sleep 0.2; done
  curl -sf "http://127.0.0.1:$port/ping" >/dev/null || { cat "$work/$name.log"; exit 1; }
  echo "$port" >"$work/$name.port"
  targets+=("$name")
}

start base-sqlite base --Storage:SqlitePath="$work/base.db"
start new-sqlite new --Storage:SqlitePath="$work/new.db"
if [ "$postgres" = 1 ]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  pg_port=$(free_port)
  mkdir "$work/pg"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$work/pg" && chmod 755 "$work"
  as_postgres "$pg_bin/initdb" -D "$work/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  printf "listen_addresses = '127.0.0.1'\nport = %s\nunix_socket_directories = '%s'\nmax_connections = 300\nfsync = on\n" \
    "$pg_port" "$work/pg" >>"$work/pg/data/postgresql.conf"
  as_postgres "$pg_bin/pg_ctl" start -D "$work/pg/data" -l "$work/pg/server.log" -w >/dev/null
  as_postgres "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres bench
  start new-postgres new --Storage:Provider=Postgres \
    --Storage:ConnectionString="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=bench"
fi

# 32 users with 5 tweets each: targets for likes, retweets, follows and edits. Written as a Lua table for wrk.
seed() { # target
  local base="http://127.0.0.1:$(cat "$work/$1.port")" data="$work/$1.users.lua"
  echo "return {" >"$data"
  for u in $(seq 0 31); do
    local name="w${RANDOM}u$u" id tweets=""
    id=$(curl -sf "$base/api/signup" -H 'Content-Type: application/json' \
      -d "{\"username\":\"$name\",\"email\":\"$name@example.org\",\"password\":\"$password\",\"firstName\":\"Bench\",\"lastName\":\"User\"}" \
      | sed 's/^{"id":"\([^"]*\)".*/\1/')
    for i in $(seq 5); do
      tweets+="\"$(curl -sf -u "$name:$password" "$base/api/tweets" -H 'Content-Type: application/json' -d "{\"text\":\"seed $i\"}" \
        | sed 's/^{"id":"\([^"]*\)".*/\1/')\","
    done
    echo "{name=\"$name\", password=\"$password\", basic=\"$(printf '%s:%s' "$name" "$password" | base64 -w0)\", id=\"$id\", tweets={$tweets}}," >>"$data"
  done
  echo "}" >>"$data"
}
for t in "${targets[@]}"; do echo "seeding $t" >&2; seed "$t"; done

to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$(cat "$work/$1.pid")/stat"; }
run() { # target face workload clients duration -> "rps p50 p99 errors cpu-ms-per-request"
  local out errors before after
  before=$(cpu_ticks "$1")
  out=$(wrk -t1 -c"$4" -d"$5" --timeout 30s --latency -s Service/Benchmarks/write-mix.lua \
    "http://127.0.0.1:$(cat "$work/$1.port")" -- "$work/$1.users.lua" "$2" "$3" 2>&1)
  after=$(cpu_ticks "$1")
  errors=$(awk '/Non-2xx/ {print $NF} /Socket errors/ {print "socket"}' <<<"$out" | paste -sd+ -)
  echo "$(awk '/Requests\/sec/ {print $2}' <<<"$out") $(to_ms "$(awk '$1=="50%" {print $2}' <<<"$out")") $(to_ms "$(awk '$1=="99%" {print $2}' <<<"$out")") ${errors:-0}" \
    "$(awk -v t="$((after - before))" -v hz="$(getconf CLK_TCK)" '/requests in/ { printf "%.3f", t * 1000 / hz / $1 }' <<<"$out")"
}

echo "warming up" >&2
for t in "${targets[@]}"; do for f in $faces; do for w in $workloads; do run "$t" "$f" "$w" 16 2s >/dev/null; done; done; done
for r in $(seq "$rounds"); do
  echo "round $r of $rounds" >&2
  for w in $workloads; do for f in $faces; do for c in $clients; do
    # Rotate which target goes first, so none is always measured right after the heaviest.
    order=("${targets[@]:$(( r % ${#targets[@]} ))}" "${targets[@]:0:$(( r % ${#targets[@]} ))}")
    for t in "${order[@]}"; do echo "$t $w $f $c $(run "$t" "$f" "$w" "$c" "$duration")" >>"$work/results"; done
  done; done; done
done

median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
stat() { awk -v t="$1" -v w="$2" -v f="$3" -v c="$4" -v col="$5" '$1 == t && $2 == w && $3 == f && $4 == c { print $col }' "$work/results" | median; }

echo
echo "wrk -t1, $rounds interleaved rounds of $duration per case, medians; $(nproc) cores, $(uname -sr), $(date -u +%F)"
echo "base = $baseline ($(git rev-parse --short "$baseline")), new = this tree ($(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes'))"
header="| workload | face | clients | base req/s | base p50 | base p99 | base CPU ms/req | new req/s | new p50 | new p99 | new CPU ms/req | new/base req/s | new/base p99 |"
[ "$postgres" = 1 ] && header+=" pg req/s | pg p50 | pg p99 | pg CPU ms/req |"
echo "$header"
echo "$header" | sed 's/[^|]/-/g'
for w in $workloads; do for f in $faces; do for c in $clients; do
  line=$(awk -v w="$w" -v f="$f" -v c="$c" \
    -v br="$(stat base-sqlite "$w" "$f" "$c" 5)" -v b50="$(stat base-sqlite "$w" "$f" "$c" 6)" -v b99="$(stat base-sqlite "$w" "$f" "$c" 7)" -v bc="$(stat base-sqlite "$w" "$f" "$c" 9)" \
    -v nr="$(stat new-sqlite "$w" "$f" "$c" 5)" -v n50="$(stat new-sqlite "$w" "$f" "$c" 6)" -v n99="$(stat new-sqlite "$w" "$f" "$c" 7)" -v nc="$(stat new-sqlite "$w" "$f" "$c" 9)" \
    'BEGIN { printf "| %s | %s | %s | %.0f | %.2f | %.2f | %.3f | %.0f | %.2f | %.2f | %.3f | %.2f | %.3f |", w, f, c, br, b50, b99, bc, nr, n50, n99, nc, nr / br, n99 / b99 }')
  if [ "$postgres" = 1 ]; then
    line+=$(awk -v r="$(stat new-postgres "$w" "$f" "$c" 5)" -v p50="$(stat new-postgres "$w" "$f" "$c" 6)" -v p99="$(stat new-postgres "$w" "$f" "$c" 7)" -v pc="$(stat new-postgres "$w" "$f" "$c" 9)" \
      'BEGIN { printf " %.0f | %.2f | %.2f | %.3f |", r, p50, p99, pc }')
  fi
  echo "$line"
done; done; done
errors=$(awk '$8 != "0" { print $1, $2, $3, $4 ": " $8 }' "$work/results")
if [ -n "$errors" ]; then echo; echo "runs with non-2xx answers or socket errors:"; echo "$errors"; fi
