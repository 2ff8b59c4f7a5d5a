#!/usr/bin/env bash
# The team server under load (issue 16). wrk on loopback, CONNECTIONS connections, entity
# pages and searches of the demo case mixed: first against `corridor serve`, then against
# nginx serving the very same answers as static files under the same URLs, TLS with the
# same certificate, as many workers as cores; for scale, corridor's smallest signed-in
# answer under the same load. Then one UPLOAD_MB upload of random bytes
# against sha256sum of the same file. Targets: Corridor's requests/s >= 0.3x nginx's, its
# p99 < 100 ms; the upload (hashed and stored) >= 0.8x sha256sum's speed.
# Usage: bench/server.sh CORRIDOR_BINARY [SEARCH_TERM...]
# Environment: DURATION (s, 20), CONNECTIONS (50), THREADS (wrk's, 2), ENTITIES (12),
# UPLOAD_MB (200). Exit 0 all targets met, 1 a target missed, 2 usage, 3 the measurement
# is void (the server answered errors, timed out or died).
set -euo pipefail

bin=${1:-}
[[ -n $bin && -x $bin ]] || { echo "usage: bench/server.sh CORRIDOR_BINARY [SEARCH_TERM...] (no executable at '${bin}')" >&2; exit 2; }
bin=$(realpath "$bin")
shift
here=$(cd "$(dirname "$0")" && pwd)
# The demo case's vocabulary: a place, a boat, a phone prefix, words of the offers.
terms=("$@")
((${#terms[@]})) || terms=(Zuwara boat +218 crossing Sabratha passport)
duration=${DURATION:-20}
conns=${CONNECTIONS:-50}
threads=${THREADS:-2}
n_entities=${ENTITIES:-12}
upload_mb=${UPLOAD_MB:-200}
nginx=/usr/sbin/nginx
py=/usr/bin/python3
for tool in wrk curl sqlite3 sha256sum "$nginx" "$py"; do
  command -v "$tool" > /dev/null || { echo "missing $tool (scripts/install-deps.sh --bench)" >&2; exit 2; }
done

tmp=$(mktemp -d)
# The servers, wrk and the probe are this shell's jobs: the ones still running are ended.
cleanup() {
  local running
  mapfile -t running < <(jobs -p)
  if ((${#running[@]})); then
    kill "${running[@]}" 2> /dev/null || true
    wait "${running[@]}" 2> /dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
die() { echo "bench/server.sh: $*" >&2; exit 3; }

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "binary: $bin"

export CORRIDOR_NO_PROGRESS=1 CORRIDOR_KEY_DIR=$tmp/keys
why="load benchmark"
password="bench-password-$RANDOM$RANDOM"
site=$tmp/site
mkdir -p "$tmp/demo-run" "$site"

# The demo case, served as DIR/demo to one analyst who is a member.
(cd "$tmp/demo-run" && "$bin" demo > demo.log) || { tail -20 "$tmp/demo-run/demo.log" >&2; die "corridor demo failed"; }
mv "$tmp/demo-run/demo.corridor" "$site/demo"
rm -rf "$tmp/demo-run/demo-data"
printf '%s\n' "$password" | "$bin" users "$site" add bench --role analyst > /dev/null
"$bin" cases "$site" grant demo bench > /dev/null

free_port() { "$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Port 0: the server picks a free port and names it in its first line.
"$bin" serve "$site" --listen 127.0.0.1:0 > "$tmp/serve.out" 2> "$tmp/serve.err" &
serve_pid=$!
port=
for _ in $(seq 300); do
  port=$(sed -n 's|.*https://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$tmp/serve.out")
  [[ -n $port ]] && break
  kill -0 "$serve_pid" 2> /dev/null || { cat "$tmp/serve.err" >&2; die "corridor serve ended at start"; }
  sleep 0.1
done
[[ -n $port ]] || die "corridor serve did not start within 30 s"
base=https://127.0.0.1:$port
echo "corridor serve on $base"

curl -sSk -o "$tmp/login.json" -c "$tmp/jar" -H 'Content-Type: application/json' \
  -d "{\"name\":\"bench\",\"password\":\"$password\"}" "$base/api/v1/session" || die "cannot reach $base"
csrf=$("$py" -c 'import json, sys; print(json.load(open(sys.argv[1]))["csrf"])' "$tmp/login.json") ||
  die "sign-in refused: $(cat "$tmp/login.json")"
session=$(awk '$6 == "corridor_session" { print $7 }' "$tmp/jar")
[[ -n $session ]] || die "sign-in set no session cookie"
cookie="corridor_session=$session"

get() {  # PATH FILE [FORMAT] -> the HTTP status (or FORMAT); the body in FILE
  local format='%{http_code}'
  (($# > 2)) && format=$3
  curl -sSk -o "$2" -w "$format" -H "Cookie: $cookie" -H "X-Corridor-Why: $why" "$base$1"
}

# Entity pages an analyst opens: half among the subjects of the detectors' indicators,
# spread over the range of statement counts; half the biggest entity of each kind (a
# payment, a post, an account, a person, a bank account, a phone...).
db=$site/demo/case.db
# Read beside the running server: wait for its write locks rather than fail.
sql() { sqlite3 -cmd ".timeout 10000" "$db" "$1"; }
counted="WITH counted AS (SELECT e.id, e.schema, count(*) AS n FROM entities e JOIN statements s ON s.entity = e.rid
                         WHERE e.canonical_id = e.id GROUP BY e.rid)"
half=$((n_entities / 2))
mapfile -t entities < <({
  sql "$counted, ranked AS (
      SELECT id, row_number() OVER (ORDER BY n DESC, id) - 1 AS k, count(*) OVER () AS t FROM counted
      WHERE EXISTS(SELECT 1 FROM indicator_subjects i WHERE i.entity = counted.id))
    SELECT id FROM ranked WHERE k % max(1, t / $half) = 0 ORDER BY k LIMIT $half;"
  sql "$counted, ranked AS (
      SELECT id, row_number() OVER (PARTITION BY schema ORDER BY n DESC, id) AS k,
             count(*) OVER (PARTITION BY schema) AS kinds FROM counted)
    SELECT id FROM ranked WHERE k = 1 ORDER BY kinds DESC, id LIMIT $n_entities;"
} | awk '!seen[$0]++' | head -n "$n_entities")
((${#entities[@]})) || die "no entity with statements in the demo case"

enc() { "$py" -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
: > "$tmp/paths"
for id in "${entities[@]}"; do echo "/api/v1/cases/demo/entities/$(enc "$id")" >> "$tmp/paths"; done
searched=0
first_search=
for t in "${terms[@]}"; do
  p="/api/v1/cases/demo/search?q=$(enc "$t")"
  read -r status took < <(get "$p" "$tmp/probe.json" '%{http_code} %{time_total}\n')
  [[ -n $first_search ]] || first_search=$took
  if [[ $status == 200 ]]; then
    echo "$p" >> "$tmp/paths"
    searched=$((searched + 1))
  else
    echo "search '$t': HTTP $status, left out ($(head -c 200 "$tmp/probe.json"))"
  fi
done
((searched)) || echo "searches skipped: no search answered 200; entity pages only"

# Each path's answer, once, as a static file; nginx maps the request URI to it.
mkdir -p "$tmp/root"
: > "$tmp/map.conf"
n=0
bytes=0
while read -r p; do
  n=$((n + 1))
  read -r status took < <(get "$p" "$tmp/root/$n.json" '%{http_code} %{time_appconnect} %{time_starttransfer}' |
    awk '{ printf("%s %.1f\n", $1, ($3 - $2) * 1000) }')
  [[ $status == 200 ]] || die "$p answered $status: $(head -c 300 "$tmp/root/$n.json")"
  [[ $p == */search\?* ]] && echo "$took" >> "$tmp/alone-search" || echo "$took" >> "$tmp/alone-entity"
  bytes=$((bytes + $(stat -c %s "$tmp/root/$n.json")))
  echo "  \"$p\" /$n.json;" >> "$tmp/map.conf"
done < "$tmp/paths"
echo "paths: ${#entities[@]} entity pages, $searched searches; answers $((bytes / n)) bytes on average"
median() { [[ -s $1 ]] && sort -n "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] " ms (" v[1] "-" v[NR] ")" }' || echo "-"; }
echo "one request at a time, server time to first byte: entity pages $(median "$tmp/alone-entity"), searches $(median "$tmp/alone-search")"
if ((searched)); then
  echo "the case's first search (it builds its index): $(awk -v s="$first_search" 'BEGIN { printf("%.0f", s * 1000) }') ms"
fi

nginx_port=$(free_port)
cat > "$tmp/nginx.conf" << EOF
$( ((EUID)) || echo "user root;  # the files are in a folder only its owner may enter")
worker_processes $(nproc);
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { }
  default_type application/json;
  map_hash_bucket_size 256;  # the keys are long URIs
  map \$request_uri \$answer {
    default /none;
    include $tmp/map.conf;
  }
  server {
    listen 127.0.0.1:$nginx_port ssl;
    ssl_certificate $site/tls-cert.pem;
    ssl_certificate_key $site/tls-key.pem;
    root $tmp/root;
    # The headers Corridor sends with every answer, so both put the same bytes on the wire.
    add_header Content-Security-Policy "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'" always;
    add_header X-Content-Type-Options nosniff always;
    add_header X-Frame-Options DENY always;
    add_header Referrer-Policy no-referrer always;
    add_header Cross-Origin-Opener-Policy same-origin always;
    add_header Cross-Origin-Resource-Policy same-origin always;
    add_header Cache-Control no-store always;
    add_header Strict-Transport-Security "max-age=31536000" always;
    location / { try_files \$answer =404; }
  }
}
EOF
"$nginx" -e "$tmp/nginx-error.log" -c "$tmp/nginx.conf" -g 'daemon off;' 2> "$tmp/nginx.err" &
nginx_pid=$!
for _ in $(seq 100); do
  curl -sk -o /dev/null "https://127.0.0.1:$nginx_port/" 2> /dev/null && break
  kill -0 "$nginx_pid" 2> /dev/null || { cat "$tmp/nginx.err" "$tmp/nginx-error.log" >&2; die "nginx ended at start"; }
  sleep 0.1
done
# The same bytes from both, path by path.
n=0
while read -r p; do
  n=$((n + 1))
  status=$(curl -sSk -o "$tmp/check.json" -w '%{http_code}' "https://127.0.0.1:$nginx_port$p")
  if [[ $status != 200 ]] || ! cmp -s "$tmp/check.json" "$tmp/root/$n.json"; then die "nginx does not serve $p ($status)"; fi
done < "$tmp/paths"

export BENCH_PATHS=$tmp/paths BENCH_COOKIE=$cookie BENCH_WHY=$why
# wrk measures a request from when it is written, after the TLS handshake: a connection the
# server leaves waiting before the handshake counts nothing, neither latency nor timeout. So
# during each run, from a third of the way in, the sockets whose bytes the server has left
# unread for over a second are counted (three looks, a second apart, the most kept), and one
# more client asks for the first path on a new connection, as a colleague opening a page would.
load() {  # NAME URL [DURATION]
  local name=$1 url=$2 secs=${3:-$duration} port=${2##*:}
  wrk -t"$threads" -c"$conns" -d"${secs}s" --timeout 30s --latency -s "$here/server.lua" "$url" > "$tmp/wrk-$name.txt" &
  local wrk_pid=$!
  [[ $name == status ]] && { wait "$wrk_pid"; return; }
  sleep $((secs / 3))
  curl -sk -o /dev/null -w '%{http_code} %{time_total}' --max-time $((secs / 2)) -H "Cookie: $cookie" \
    -H "X-Corridor-Why: $why" "$url$(head -1 "$tmp/paths")" > "$tmp/probe-$name.txt" 2> /dev/null &
  local probe_pid=$!
  local n waiting=0
  for _ in 1 2 3; do
    sleep 1
    n=$(ss -Htni state established "( sport = :$port )" | awk '
      /^[0-9]/ { unread = $1; next }
      { last = 0; if (match($0, /lastrcv:[0-9]+/)) last = substr($0, RSTART + 8, RLENGTH - 8) + 0
        if (unread > 0 && last >= 1000) n++ }
      END { print n + 0 }')
    if ((n > waiting)); then waiting=$n; fi
  done
  echo "$waiting" > "$tmp/waiting-$name.txt"
  wait "$probe_pid" || echo "000 $((secs / 2))" > "$tmp/probe-$name.txt"
  wait "$wrk_pid"
}
ms() {  # wrk's "1.23ms" / "850.00us" / "1.02s" in milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; else if (v ~ /m$/) n *= 60000; printf("%.2f", n) }'
}
field() { awk -v k="$2" '$1 == k { print $2 }' "$1"; }
bad() {  # non-2xx answers plus socket errors in a wrk output
  awk '/Non-2xx or 3xx responses:/ { n += $NF }
       /Socket errors:/ { for (i = 3; i <= NF; i++) { v = $i; gsub(/,/, "", v); if (v ~ /^[0-9]+$/) n += v } }
       END { print n + 0 }' "$1"
}
probe() {  # the extra client's wait, or that it had none
  local code secs
  read -r code secs < "$tmp/probe-$1.txt"
  [[ $code == 200 ]] && awk -v s="$secs" 'BEGIN { printf("%.0f ms", s * 1000) }' || echo "no answer in ${secs%.*} s"
}
ledger() { sql "SELECT count(*) FROM audit"; }

audit_before=$(ledger)
echo "wrk: $threads threads, $conns connections, ${duration} s, $(wc -l < "$tmp/paths") paths in turn"
load corridor "$base"
kill -0 "$serve_pid" 2> /dev/null || { cat "$tmp/wrk-corridor.txt"; tail -20 "$tmp/serve.err" >&2; die "corridor serve died under load"; }
audit_after=$(ledger)
load nginx "https://127.0.0.1:$nginx_port"

printf '\n%-9s %9s %8s %8s %9s %7s %9s %18s\n' server "req/s" "p50 ms" "p99 ms" requests errors "unserved" "new client waits"
for s in corridor nginx; do
  f=$tmp/wrk-$s.txt
  printf '%-9s %9s %8s %8s %9s %7s %9s %18s\n' "$s" "$(field "$f" Requests/sec:)" "$(ms "$(field "$f" 50%)")" \
    "$(ms "$(field "$f" 99%)")" "$(awk '/requests in/ { print $1 }' "$f")" "$(bad "$f")" \
    "$(cat "$tmp/waiting-$s.txt")/$conns" "$(probe "$s")"
done
echo "(unserved: connections whose bytes the server had left unread for over 1 s, a third of"
echo " the way in; wrk's latencies leave them out. new client: one more request on a new connection then.)"
echo "audit ledger of the case: $audit_before entries before the corridor run, $audit_after after (every read is logged)"
# For scale, not a target: the smallest signed-in answer (GET /api/v1/me: the session is
# checked, no case is read, nothing logged) under the same load: what the transport and
# the session cost without a case.
echo /api/v1/me > "$tmp/me-path"
BENCH_PATHS=$tmp/me-path wrk -t"$threads" -c"$conns" -d"$((duration / 2 > 0 ? duration / 2 : 1))s" --latency \
  -s "$here/server.lua" "$base" > "$tmp/wrk-me.txt" || true
echo "for scale: corridor's GET /api/v1/me (session checked, no case read) $(field "$tmp/wrk-me.txt" Requests/sec:) req/s, p99 $(ms "$(field "$tmp/wrk-me.txt" 99%)") ms"

void=0
for s in corridor nginx; do
  if (($(bad "$tmp/wrk-$s.txt") > 0)); then
    void=1
    echo "!! $s answered errors or timed out under load; its numbers mean nothing:" >&2
    grep -E 'Non-2xx|Socket errors' "$tmp/wrk-$s.txt" >&2
  fi
done
if ((void)); then
  echo "!! status of each answer during 5 more seconds against corridor:" >&2
  BENCH_STATUS=1 load status "$base" 5 || true
  grep '^status' "$tmp/wrk-status.txt" >&2 || true
  echo "!! the server's error output (last lines):" >&2
  [[ -s $tmp/serve.err ]] && tail -20 "$tmp/serve.err" >&2 || echo "(none)" >&2
fi

fail=0
unserved=$(cat "$tmp/waiting-corridor.txt")
awk -v c="$(field "$tmp/wrk-corridor.txt" Requests/sec:)" -v n="$(field "$tmp/wrk-nginx.txt" Requests/sec:)" \
    -v p99="$(ms "$(field "$tmp/wrk-corridor.txt" 99%)")" -v unserved="$unserved" 'BEGIN {
  r = c / n; lat = p99 < 100 && unserved == 0
  printf("ratio corridor/nginx = %.3f (target >= 0.3: %s); corridor p99 %.1f ms%s (target < 100: %s)\n",
         r, r >= 0.3 ? "met" : "NOT met", p99, unserved ? sprintf(", %d connections unserved", unserved) : "",
         lat ? "met" : "NOT met")
  exit (r >= 0.3 && lat) ? 0 : 1 }' || fail=1

# Upload: the file's bytes through TLS into the vault, hashed on the way, against
# sha256sum reading the same file from the page cache (the second of two runs).
big=$tmp/big.bin
head -c $((upload_mb * 1000000)) /dev/urandom > "$big"
size=$(stat -c %s "$big")
now() { date +%s.%N; }
sha256sum "$big" > /dev/null
t0=$(now)
want=$(sha256sum "$big" | cut -d' ' -f1)
t1=$(now)
# -T streams the file (--data-binary would read it all into memory first); no Expect:
# 100-continue round trip.
status=$(curl -sSk -o "$tmp/upload.json" -w '%{http_code}' -X POST -T "$big" -H 'Expect:' \
  -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" -H "X-Corridor-Why: $why" -H 'X-File-Name: big.bin' \
  -H 'Content-Type: application/octet-stream' \
  "$base/api/v1/cases/demo/evidence?legal_basis=bench&acquired_by=bench&method=copy")
t2=$(now)
[[ $status == 201 ]] || die "upload answered $status: $(head -c 300 "$tmp/upload.json")"
got=$("$py" -c 'import json, sys; j = json.load(open(sys.argv[1])); print(j["sha256"], j["size"])' "$tmp/upload.json")
[[ $got == "$want $size" ]] || die "upload stored '$got', sha256sum says '$want $size'"
stored=$(sql "SELECT count(*) FROM evidence WHERE sha256 = '$want'")
((stored == 1)) || die "the upload is not in the case's evidence"
awk -v mb="$(awk -v s="$size" 'BEGIN { print s / 1e6 }')" -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN {
  s = mb / (b - a); u = mb / (c - b); r = u / s
  printf("upload %.0f MB: sha256sum %.2f s (%.0f MB/s), corridor %.2f s (%.0f MB/s, sha256 checked); ratio %.2f (target >= 0.8: %s)\n",
         mb, b - a, s, c - b, u, r, r >= 0.8 ? "met" : "NOT met")
  exit r >= 0.8 ? 0 : 1 }' || fail=1

kill -0 "$serve_pid" 2> /dev/null || die "corridor serve ended during the upload"
if [[ -s $tmp/serve.err ]]; then
  echo "the server's error output, $(wc -l < "$tmp/serve.err") lines; the last:"
  tail -5 "$tmp/serve.err"
fi
((void)) && exit 3
exit $fail
