#!/bin/sh
# check-potfiles.sh SRCDIR
#
# Every .c and .ui file under src/ and ui/ that marks strings for translation
# must be listed in po/POTFILES.in, and every listed file must exist.

srcdir=${1:-.}
cd "$srcdir" || exit 1

status=0

c_files=$(grep -rlE '(^|[^A-Za-z0-9_])(N|C|NC|Q)?_ ?\(|ngettext ?\(' --include='*.c' src ui 2>/dev/null)
ui_files=$(grep -rl 'translatable="yes"' --include='*.ui' src ui 2>/dev/null)

for f in $(printf '%s\n%s\n' "$c_files" "$ui_files" | sort -u); do
  [ -n "$f" ] || continue
  if ! grep -qxF "$f" po/POTFILES.in; then
    echo "not ok: $f has translatable strings but is missing from po/POTFILES.in"
    status=1
  fi
done

for f in $(grep -vE '^[[:space:]]*(#|$)' po/POTFILES.in); do
  if [ ! -e "$f" ]; then
    echo "not ok: po/POTFILES.in lists $f, which does not exist"
    status=1
  fi
done

[ $status -eq 0 ] && echo "ok: po/POTFILES.in lists every file with translatable strings"
exit $status
