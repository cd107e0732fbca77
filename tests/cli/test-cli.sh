#!/bin/sh
# End-to-end test of lygte-cli, driven from outside as an administrator or
# a script would. Prints TAP.
set -u

CLI="$1"
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
VAULT="$DIR/vault.lygte"
n=0
failed=0

ok () {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}

cli () {
  "$CLI" --vault "$VAULT" "$@"
}

id_of () {
  sed -n 's/.*"id" : "\([0-9a-f-]*\)".*/\1/p' | head -n 1
}

sums () {
  cat "$VAULT" "$VAULT-wal" 2>/dev/null | sha256sum
}

export LYGTE_PASSPHRASE="first passphrase"

cli init --kdf-profile minimum > "$DIR/init.json" 2>"$DIR/err"
ok $? "init creates a vault"
grep -q '"device"' "$DIR/init.json"; ok $? "init prints the device id"

cli init --kdf-profile minimum > /dev/null 2>"$DIR/err"
[ $? -ne 0 ] && [ "$(wc -l < "$DIR/err")" -eq 1 ]; ok $? "init refuses to overwrite a vault"

PERSON=$(echo '{"type":"person","alias":"Rosa Ionescu","sex":"woman","nationality":"RO",
  "languages":["ro","en"],"notes":"Met near the central station"}' | cli add | id_of)
[ -n "$PERSON" ]; ok $? "add person"

ENC=$(printf '{"type":"encounter","when":"2026-11-20T22:15:00+01:00","setting":"street",
  "area":"Vesterbro","person":"%s","head_count":3,"services":["information","condoms"],
  "notes":"Handed out leaflets"}' "$PERSON" | cli add | id_of)
[ -n "$ENC" ]; ok $? "add encounter linked to the person"

SCR=$(printf '{"type":"screening","catalogue":"dk-assessment","catalogue_version":1,
  "person":"%s","date":"2026-11-20","answers":{"deceived":{"answer":"reported"}}}' "$PERSON" \
  | cli add | id_of)
[ -n "$SCR" ]; ok $? "add screening"

REF=$(printf '{"type":"referral","person":"%s","target":"identification_centre",
  "date":"2026-11-21","consent":true,"consent_by":"person","outcome":"pending"}' "$PERSON" \
  | cli add | id_of)
[ -n "$REF" ]; ok $? "add referral"

FUP=$(printf '{"type":"followup","person":"%s","title":"Call back about shelter",
  "due":"2026-11-28"}' "$PERSON" | cli add | id_of)
[ -n "$FUP" ]; ok $? "add follow-up"

cli get "$PERSON" > "$DIR/p.json"
grep -q '"alias" : "Rosa Ionescu"' "$DIR/p.json" && grep -q '"type" : "person"' "$DIR/p.json"
ok $? "get returns the person's fields"
cli get "$ENC" | grep -q '"head_count" : 3'; ok $? "get returns the encounter's fields"
cli get "$REF" | grep -q '"target" : "identification_centre"'; ok $? "get returns the referral"

[ "$(cli list | grep -c '"id"')" -eq 5 ]; ok $? "list shows all five records"
[ "$(cli list --type person | grep -c '"id"')" -eq 1 ]; ok $? "list --type person"
cli list --type nonsense > /dev/null 2>&1; [ $? -ne 0 ]; ok $? "list rejects an unknown type"

cli search ros | grep -q "$PERSON"; ok $? "search by alias prefix"
cli search station | grep -q "$PERSON"; ok $? "search in notes"
cli search vesterbro | grep -q "$ENC"; ok $? "search by area"
[ "$(cli search nobody | grep -c '"id"')" -eq 0 ]; ok $? "search with no hits"

echo '{"notes":"Moved to another city"}' | cli edit "$PERSON" > /dev/null
cli get "$PERSON" | grep -q "Moved to another city"; ok $? "edit changes a field"
cli search station | grep -q "$PERSON"; [ $? -ne 0 ]; ok $? "search follows the edit"

echo '{"type":"person","sex":"alien"}' | cli add > /dev/null 2>"$DIR/err"
[ $? -ne 0 ] && [ "$(wc -l < "$DIR/err")" -eq 1 ]; ok $? "a bad enum value is refused"
echo '{"type":"person","shoe_size":4}' | cli add > /dev/null 2>&1; [ $? -ne 0 ]
ok $? "an unknown field is refused"
echo 'not json' | cli add > /dev/null 2>&1; [ $? -ne 0 ]; ok $? "malformed JSON is refused"
echo '{"type":"spaceship"}' | cli add > /dev/null 2>&1; [ $? -ne 0 ]; ok $? "an unknown type is refused"

cli delete "$FUP" | grep -q '"deleted" : true'; ok $? "delete"
cli get "$FUP" | grep -q '"deleted" : true'; ok $? "a deleted record is a tombstone"
[ "$(cli list | grep -c '"id"')" -eq 4 ]; ok $? "deleted records leave the list"

cli export-person "$PERSON" --json > "$DIR/export.json"; ok $? "export-person --json"
[ "$(grep -c '"type" : ' "$DIR/export.json")" -eq 4 ] && grep -q "$SCR" "$DIR/export.json" \
  && ! grep -q "$FUP" "$DIR/export.json"
ok $? "the export holds the person and her live linked records"
cli export-person "$PERSON" | grep -q "Referred to: National identification centre"
ok $? "the readable export shows labels"
cli export-person 00000000-0000-4000-8000-000000000000 > /dev/null 2>&1; [ $? -ne 0 ]
ok $? "exporting an unknown id fails"
cli erase-person "$PERSON" > /dev/null 2>&1; [ $? -ne 0 ]; ok $? "erase-person wants --yes"
cli erase-person "$ENC" --yes > /dev/null 2>&1; [ $? -ne 0 ]; ok $? "erase-person wants a person"

before=$(sums)
LYGTE_PASSPHRASE="wrong" cli list > /dev/null 2>"$DIR/err"
rc=$?
[ $rc -ne 0 ] && [ "$(wc -l < "$DIR/err")" -eq 1 ] && grep -q "Wrong passphrase" "$DIR/err"
ok $? "a wrong passphrase exits non-zero with one line"
[ "$before" = "$(sums)" ]; ok $? "a wrong passphrase leaves the vault untouched"

printf 'first passphrase\n' > "$DIR/old"
printf 'second passphrase\n' > "$DIR/new"
unset LYGTE_PASSPHRASE
cli --passphrase-file "$DIR/old" passwd --new-passphrase-file "$DIR/new" --kdf-profile minimum \
  > /dev/null
ok $? "passwd"
cli --passphrase-file "$DIR/old" list > /dev/null 2>&1; [ $? -ne 0 ]
ok $? "the old passphrase no longer works"
[ "$(cli --passphrase-file "$DIR/new" list | grep -c '"id"')" -eq 4 ]
ok $? "the new passphrase opens every record"

cli list < /dev/null > /dev/null 2>"$DIR/err" </dev/null
[ $? -ne 0 ]; ok $? "no passphrase source and no terminal fails cleanly"

head -c 2000 "$VAULT" > "$DIR/broken.lygte"
"$CLI" --vault "$DIR/broken.lygte" --passphrase-file "$DIR/new" list > /dev/null 2>"$DIR/err"
[ $? -ne 0 ] && [ "$(wc -l < "$DIR/err")" -eq 1 ]; ok $? "a truncated vault gives one line"
echo "garbage" > "$DIR/garbage.lygte"
"$CLI" --vault "$DIR/garbage.lygte" --passphrase-file "$DIR/new" list > /dev/null 2>"$DIR/err"
[ $? -ne 0 ] && grep -q "not a Lygte vault\|damaged" "$DIR/err"; ok $? "a garbage file is reported"
"$CLI" --vault "$DIR/missing.lygte" --passphrase-file "$DIR/new" list > /dev/null 2>"$DIR/err"
[ $? -ne 0 ] && grep -q "no vault" "$DIR/err"; ok $? "a missing vault is reported"

cli --passphrase-file "$DIR/new" erase-person "$PERSON" --yes | grep -q "Erased 4 records"
ok $? "erase-person erases the person and the live linked records"
[ "$(cli --passphrase-file "$DIR/new" list | grep -c '"id"')" -eq 0 ]
ok $? "nothing of the person is listed after the erasure"

echo "1..$n"
exit $failed
