#!/usr/bin/env bash
# Checks docker/nginx.conf without Docker (called by .ci/run): a copy with two local upstream nodes is
# syntax-checked (nginx -t), started, and asked whether
#   - a browser keeps going to one node (the SENATE_ROUTE cookie) and different browsers reach both nodes;
#   - the client address comes from X-Forwarded-For only when the balancer (SENATE_TRUSTED_PROXY) sent it;
#   - the platform's compression and caching of the webapps' files (web/WebappAssetCaching) reach the browser:
#     Content-Encoding, Cache-Control and Last-Modified pass unchanged and a revalidation still gets its 304.
# Needs nginx (Debian's package), python3 and curl. Takes a few seconds.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
node_a=$(free_port); node_b=$(free_port); proxy=$(free_port)

# Two upstream nodes that answer with their own name.
for node in "a:$node_a" "b:$node_b"; do
  python3 - "${node%%:*}" "${node##*:}" <<'PY' &
import http.server, sys
name, port = sys.argv[1], int(sys.argv[2])
class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/camunda/lib/"):
            # As the platform answers a versioned webjar file: compressed, kept a year, revalidatable.
            if self.headers.get("If-Modified-Since"):
                self.send_response(304); self.send_header("Cache-Control", "no-cache"); self.end_headers()
                return
            import gzip
            body = gzip.compress(b"x" * 5000) if "gzip" in (self.headers.get("Accept-Encoding") or "") else b"x" * 5000
            self.send_response(200)
            if len(body) < 5000:
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
            self.send_header("Last-Modified", "Tue, 01 Dec 2026 00:00:00 GMT")
            self.send_header("Content-Type", "application/javascript")
            self.send_header("Content-Length", str(len(body))); self.end_headers()
            self.wfile.write(body)
            return
        body = name.encode()
        self.send_response(200); self.send_header("Content-Length", str(len(body))); self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
http.server.HTTPServer(("127.0.0.1", port), Handler).serve_forever()
PY
  pids+=($!)
done

for port in "$node_a" "$node_b"; do
  for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
done

# The copy: local upstreams and port, the real-ip template rendered as the nginx image would, logs in $work.
mkdir -p "$work/conf.d"
SENATE_TRUSTED_PROXY=127.0.0.1/32 envsubst '${SENATE_TRUSTED_PROXY}' \
  < "$here/nginx-templates/real-ip.conf.template" > "$work/conf.d/real-ip.conf"
sed -e "s#server app:8080#server 127.0.0.1:$node_a max_fails=3 fail_timeout=30s;\n    server 127.0.0.1:$node_b#" \
    -e "s#listen 8080;#listen 127.0.0.1:$proxy;#" \
    -e "s#include /etc/nginx/conf.d/\*.conf;#include $work/conf.d/*.conf;\n  access_log $work/access.log;#" \
    "$here/nginx.conf" > "$work/nginx.conf"
grep -q "127.0.0.1:$node_b" "$work/nginx.conf" && grep -q "$work/conf.d" "$work/nginx.conf"
nginx -t -q -p "$work" -c "$work/nginx.conf" -g "pid $work/nginx.pid; error_log $work/error.log;"
nginx -p "$work" -c "$work/nginx.conf" -g "pid $work/nginx.pid; error_log $work/error.log;"
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$proxy/" && break; sleep 0.1; done

fail() { echo "nginx-check: $*" >&2; exit 1; }

# One browser: the first answer sets the route cookie; every later request goes to the node of the first.
headers="$(curl -s -D - -o "$work/first" "http://127.0.0.1:$proxy/")"
route="$(printf '%s' "$headers" | sed -n 's/^Set-Cookie: SENATE_ROUTE=\([^;]*\);.*/\1/p' | tr -d '\r')"
[ -n "$route" ] || fail "no SENATE_ROUTE cookie on the first answer"
first="$(cat "$work/first")"
for _ in $(seq 20); do
  [ "$(curl -s -b "SENATE_ROUTE=$route" "http://127.0.0.1:$proxy/")" = "$first" ] || fail "a browser changed node"
done
curl -s -D - -o /dev/null -b "SENATE_ROUTE=$route" "http://127.0.0.1:$proxy/" | grep -q '^Set-Cookie: SENATE_ROUTE' \
  && fail "the route cookie was set again"
# Many browsers: both nodes get some.
seen=""
for i in $(seq 40); do seen="$seen$(curl -s -b "SENATE_ROUTE=browser$i" "http://127.0.0.1:$proxy/")"; done
case "$seen" in *a*) ;; *) fail "node a never chosen" ;; esac
case "$seen" in *b*) ;; *) fail "node b never chosen" ;; esac

# Client address: believed from the trusted balancer (127.0.0.1), not from anyone else (127.0.0.2).
curl -s -o /dev/null -H "X-Forwarded-For: 203.0.113.7" "http://127.0.0.1:$proxy/real-ip-trusted"
curl -s -o /dev/null --interface 127.0.0.2 -H "X-Forwarded-For: 203.0.113.8" "http://127.0.0.1:$proxy/real-ip-untrusted"
sleep 0.2
grep -q '^203\.0\.113\.7 .*real-ip-trusted' "$work/access.log" || fail "client address not taken from the balancer"
grep -q '^127\.0\.0\.2 .*real-ip-untrusted' "$work/access.log" || fail "X-Forwarded-For believed from an untrusted source"
# Compression and caching of the webapps' files pass through unchanged; a revalidation is answered 304.
asset="$(curl -s -D - -o "$work/asset" -H "Accept-Encoding: gzip" "http://127.0.0.1:$proxy/camunda/lib/deps.js?bust=7.24.0" | tr -d '\r')"
printf '%s' "$asset" | grep -qi '^Content-Encoding: gzip$' || fail "the compressed answer lost its Content-Encoding"
printf '%s' "$asset" | grep -qi '^Cache-Control: public, max-age=31536000, immutable$' || fail "Cache-Control changed"
printf '%s' "$asset" | grep -qi '^Last-Modified: ' || fail "Last-Modified dropped"
[ "$(gzip -dc "$work/asset" | wc -c)" -eq 5000 ] || fail "the compressed body did not arrive whole"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H 'If-Modified-Since: Tue, 01 Dec 2026 00:00:00 GMT' \
  "http://127.0.0.1:$proxy/camunda/lib/deps.js?bust=7.24.0")" = 304 ] || fail "a revalidation did not get its 304"
echo "nginx-check: docker/nginx.conf OK (syntax, sticky route cookie over 2 nodes, real client address, compression and caching passed through)"
