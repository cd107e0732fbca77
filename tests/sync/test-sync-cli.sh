#!/bin/sh
# End-to-end test of team sync, driven from outside as an administrator
# and two field workers would: lygte-server init + serve on loopback, a
# coordinator joining with the bootstrap code, a second device joining with
# an invitation, records going both ways, failed joins, and a revocation
# that erases the revoked device's keys. Prints TAP.
set -u

CLI="$1"
SERVER="$2"
DIR=$(mktemp -d)
SERVER_PID=""
n=0
failed=0

cleanup () {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null
    wait "$SERVER_PID" 2>/dev/null
  fi
  rm -rf "$DIR"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

unset G_MESSAGES_DEBUG

ok () {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}

skip () {
  n=$((n + 1))
  echo "ok $n # SKIP $1"
}

one_line () {
  [ -s "$1" ] && [ "$(wc -l < "$1")" -eq 1 ]
}

field () {
  sed -n "s/^$1: //p" "$2" | head -n 1
}

json_string () {
  sed -n "s/.*\"$1\" : \"\([^\"]*\)\".*/\1/p" | head -n 1
}

cli_a () { LYGTE_PASSPHRASE="passphrase of the coordinator" "$CLI" --vault "$DIR/a.lygte" "$@"; }
cli_b () { LYGTE_PASSPHRASE="passphrase of the second device" "$CLI" --vault "$DIR/b.lygte" "$@"; }
cli_c () { LYGTE_PASSPHRASE="passphrase of a third device" "$CLI" --vault "$DIR/c.lygte" "$@"; }

# The server

"$SERVER" --data-dir "$DIR/server" init --name "Coordinator laptop" > "$DIR/init.txt" 2>"$DIR/err"
ok $? "lygte-server init"
PIN=$(field pin "$DIR/init.txt")
CODE=$(field bootstrap-code "$DIR/init.txt")
DATABASE=$(field database "$DIR/init.txt")
[ ${#PIN} -eq 64 ] && [ -n "$CODE" ] && [ -f "$DATABASE" ]
ok $? "init prints the pin, a bootstrap code and the database"

# A free port: try a few random high ones.
PORT=""
for attempt in 1 2 3 4 5 6 7 8; do
  try=$((20000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 40000))
  "$SERVER" --data-dir "$DIR/server" serve --listen 127.0.0.1 --port "$try" \
    > "$DIR/server.log" 2>&1 &
  SERVER_PID=$!
  for tick in $(seq 1 100); do
    if grep -q "Listening on" "$DIR/server.log"; then
      PORT=$try
      break
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  [ -n "$PORT" ] && break
  kill "$SERVER_PID" 2>/dev/null
  wait "$SERVER_PID" 2>/dev/null
  SERVER_PID=""
done
[ -n "$PORT" ]; ok $? "lygte-server serve listens on 127.0.0.1:${PORT:-?}"
if [ -z "$PORT" ]; then
  cat "$DIR/server.log" >&2
  echo "Bail out! no server"
  exit 1
fi
URL="https://127.0.0.1:$PORT"

# The coordinator

cli_a init --kdf-profile minimum > /dev/null 2>"$DIR/err"
ok $? "the coordinator creates a vault"

cli_a join --server "$URL" --pin "$PIN" --bootstrap "$CODE" --name "Coordinator laptop" \
  > "$DIR/join-a.json" 2>"$DIR/err"
rc=$?
[ $rc -eq 0 ] && grep -q '"role" : "coordinator"' "$DIR/join-a.json"
ok $? "the coordinator joins with the bootstrap code"

cli_c init --kdf-profile minimum > /dev/null 2>&1
cli_c join --server "$URL" --pin "$PIN" --bootstrap "$CODE" > /dev/null 2>"$DIR/err"
[ $? -ne 0 ] && one_line "$DIR/err"; ok $? "the bootstrap code works only once"

# The second device

cli_a invite --name "Second laptop" --kdf-profile minimum > "$DIR/invite.json" 2>"$DIR/err"
ok $? "the coordinator invites a second device"
INVITATION=$(json_string invitation < "$DIR/invite.json")
SECRET=$(json_string secret < "$DIR/invite.json")
[ -n "$INVITATION" ] && [ -n "$SECRET" ] && [ "$INVITATION" != "$SECRET" ]
ok $? "invite prints an invitation and its secret"

cli_b init --kdf-profile minimum > /dev/null 2>"$DIR/err"
ok $? "the second device creates a vault"

cli_b join --invitation "$INVITATION" --secret "wrong horse battery staple" > /dev/null \
  2>"$DIR/err"
[ $? -ne 0 ] && one_line "$DIR/err"; ok $? "a wrong secret fails with one line"

cli_b join --invitation "$INVITATION" --secret "$SECRET" --name "Second laptop" \
  > "$DIR/join-b.json" 2>"$DIR/err"
rc=$?
[ $rc -eq 0 ] && grep -q '"role" : "worker"' "$DIR/join-b.json"
ok $? "the second device joins with the invitation and the secret"
B_ID=$(json_string device < "$DIR/join-b.json")

cli_c join --invitation "$INVITATION" --secret "$SECRET" > /dev/null 2>"$DIR/err"
[ $? -ne 0 ] && one_line "$DIR/err"; ok $? "a used invitation fails with one line"

# An expired invitation: codes live at least 60 s, so age the one code
# still unused in the server's database.
cli_a invite --name "Late laptop" --ttl 60 --kdf-profile minimum > "$DIR/late.json" 2>"$DIR/err"
ok $? "invite --ttl 60"
LATE=$(json_string invitation < "$DIR/late.json")
LATE_SECRET=$(json_string secret < "$DIR/late.json")
if python3 -c 'import sqlite3' 2>/dev/null; then
  python3 - "$DATABASE" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], timeout=10)
db.execute("UPDATE codes SET expires = expires - 3600 WHERE used IS NULL")
db.commit()
EOF
  cli_c join --invitation "$LATE" --secret "$LATE_SECRET" > /dev/null 2>"$DIR/err"
  [ $? -ne 0 ] && one_line "$DIR/err" && grep -qi "expired" "$DIR/err"
  ok $? "an expired invitation fails with one line"
else
  skip "an expired invitation (no python3 sqlite3 module to age the code)"
fi

"$CLI" --vault "$DIR/missing.lygte" sync > /dev/null 2>"$DIR/err" </dev/null
[ $? -ne 0 ] && one_line "$DIR/err"; ok $? "sync without a vault fails with one line"

cli_b invite --name "Not allowed" --kdf-profile minimum > /dev/null 2>"$DIR/err"
[ $? -ne 0 ] && one_line "$DIR/err"; ok $? "a worker cannot invite"

# Records both ways

PA=$(echo '{"type":"person","alias":"Added on the coordinator","notes":"Met at the station"}' \
  | cli_a add | json_string id)
PB=$(echo '{"type":"person","alias":"Added on the second laptop","notes":"Hotline call"}' \
  | cli_b add | json_string id)
[ -n "$PA" ] && [ -n "$PB" ]; ok $? "each device adds a record"

cli_a sync > "$DIR/sync.json" 2>"$DIR/err"
[ $? -eq 0 ] && grep -q '"pushed" : 1' "$DIR/sync.json"; ok $? "the coordinator syncs"
cli_b sync > "$DIR/sync.json" 2>"$DIR/err"
[ $? -eq 0 ] && grep -q '"pushed" : 1' "$DIR/sync.json" && grep -q '"pulled" : 2' "$DIR/sync.json"
ok $? "the second device syncs"
cli_a sync > "$DIR/sync.json" 2>"$DIR/err"
[ $? -eq 0 ] && grep -q '"pulled" : 1' "$DIR/sync.json"; ok $? "the coordinator syncs again"

cli_a get "$PB" | grep -q '"alias" : "Added on the second laptop"'
ok $? "the second device's record is on the coordinator"
cli_b get "$PA" | grep -q '"alias" : "Added on the coordinator"'
ok $? "the coordinator's record is on the second device"
[ "$(cli_a list | grep -c '"id"')" -eq 2 ] && [ "$(cli_b list | grep -c '"id"')" -eq 2 ]
ok $? "both devices list exactly the two records"

echo '{"notes":"Moved to the shelter"}' | cli_b edit "$PA" > /dev/null 2>"$DIR/err"
cli_b sync > /dev/null 2>"$DIR/err" && cli_a sync > /dev/null 2>"$DIR/err"
cli_a get "$PA" | grep -q "Moved to the shelter"; ok $? "an edit travels back"

grep -q "Added on" "$DATABASE" "$DATABASE-wal" 2>/dev/null; [ $? -ne 0 ]
ok $? "the server's database holds no plaintext"

# Revocation

cli_a devices > "$DIR/devices.json" 2>"$DIR/err"
[ $? -eq 0 ] && grep -q "\"$B_ID\"" "$DIR/devices.json"; ok $? "devices lists the second device"

cli_a revoke "$B_ID" > /dev/null 2>"$DIR/err"
ok $? "the coordinator revokes the second device"

cli_b sync > /dev/null 2>"$DIR/err"
[ $? -ne 0 ] && one_line "$DIR/err" && grep -q "removed" "$DIR/err"
ok $? "the revoked device's next sync fails with one line"

cli_b list > /dev/null 2>"$DIR/err"
[ $? -ne 0 ] && one_line "$DIR/err"
ok $? "the revoked vault no longer unlocks with the right passphrase"
cli_b get "$PA" > /dev/null 2>&1; [ $? -ne 0 ]; ok $? "its records can no longer be read"

cli_a sync > /dev/null 2>"$DIR/err"
ok $? "the coordinator still syncs"
cli_a get "$PB" | grep -q '"alias" : "Added on the second laptop"'
ok $? "the coordinator keeps what the revoked device had sent"

kill "$SERVER_PID" 2>/dev/null
wait "$SERVER_PID" 2>/dev/null
SERVER_PID=""

cli_a sync > /dev/null 2>"$DIR/err"
[ $? -ne 0 ] && one_line "$DIR/err"; ok $? "sync with the server down fails with one line"

echo "1..$n"
exit $failed
