#!/bin/sh
# screenshots.sh — regenerate data/screenshots/*.png from a demo vault
#
# Copyright 2026 The Lygte Authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/screenshots.sh BUILD_DIR [OUTPUT_DIR]
#
# Builds BUILD_DIR, stages an install of it (for the Danish catalogue),
# fills a demo vault with fictional records through lygte-cli, and has
# tests/app/screenshot-tool put the real window into each state under Xvfb
# and save it, in English and in Danish (LANGUAGE=da LANG=C.UTF-8).
# Needs xvfb-run and dbus-run-session; optipng or pngquant if installed.
# SCREENSHOTS_ONLY="STATE …" limits the run to some states.

set -eu

if [ $# -lt 1 ]; then
  echo "usage: $0 BUILD_DIR [OUTPUT_DIR]" >&2
  exit 2
fi

srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=$(cd "$1" && pwd)
outdir=${2:-$srcdir/data/screenshots}
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)

cli=$builddir/src/cli/lygte-cli
tool=$builddir/tests/app/screenshot-tool

meson compile -C "$builddir" >/dev/null

work=$(mktemp -d "${TMPDIR:-/tmp}/lygte-screenshots-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

# The .mo files are named lygte.mo only once installed.
meson install -C "$builddir" --no-rebuild --quiet --destdir "$work/stage" >/dev/null
mo=$(find "$work/stage" -path '*/da/LC_MESSAGES/lygte.mo' | head -n 1)
if [ -z "$mo" ]; then
  echo "screenshots: no Danish catalogue was installed" >&2
  exit 1
fi
localedir=$(dirname "$(dirname "$(dirname "$mo")")")

# --- The demo vault: fictional people, Copenhagen street outreach ---------

vault=$work/demo.lygte
LYGTE_PASSPHRASE='demo lantern harbour 7'
export LYGTE_PASSPHRASE

day () { date -d "$1 days" +%F; }
at () { date -d "$1 days $2" +%Y-%m-%dT%H:%M:%S%:z; }

# add JSON: adds a record, prints its id
add () {
  out=$(printf '%s\n' "$1" | "$cli" --vault "$vault" add) || {
    echo "screenshots: lygte-cli add failed for $1" >&2
    exit 1
  }
  printf '%s\n' "$out" | sed -n 's/.*"id" *: *"\([^"]*\)".*/\1/p'
}

"$cli" --vault "$vault" init --kdf-profile minimum >/dev/null

maria=$(add '{"type":"person","alias":"Maria K.","sex":"woman","age_band":"25_34","nationality":"RO","languages":["ro"],"contact_channel":"messaging","consent_storage":"given","status":"active","notes":"Met at Istedgade; works evenings."}')
elena=$(add '{"type":"person","alias":"Elena P.","sex":"woman","age_band":"18_24","nationality":"BG","languages":["bg"],"status":"active"}')
joy=$(add '{"type":"person","alias":"Joy O.","sex":"woman","age_band":"25_34","nationality":"NG","languages":["en"],"status":"active"}')
add '{"type":"person","alias":"Anca D.","sex":"woman","age_band":"35_44","nationality":"RO","status":"active"}' >/dev/null
add '{"type":"person","alias":"Nok S.","sex":"woman","age_band":"35_44","nationality":"TH","status":"active"}' >/dev/null
add '{"type":"person","alias":"Ivan M.","sex":"man","age_band":"25_34","nationality":"UA","status":"active"}' >/dev/null
add '{"type":"person","alias":"Daniela R.","sex":"woman","age_band":"18_24","nationality":"RO","status":"lost_contact"}' >/dev/null
add '{"type":"person","alias":"Linh T.","sex":"woman","age_band":"25_34","nationality":"VN","status":"active"}' >/dev/null
add '{"type":"person","alias":"Katarzyna W.","sex":"woman","age_band":"45_plus","nationality":"PL","status":"closed"}' >/dev/null
add '{"type":"person","alias":"Grace A.","sex":"woman","age_band":"18_24","nationality":"NG","status":"active"}' >/dev/null

add "{\"type\":\"encounter\",\"when\":\"$(at -12 21:30)\",\"setting\":\"street\",\"mode\":\"outreach_visit\",\"area\":\"Istedgade\",\"person\":\"$maria\",\"head_count\":1,\"language\":\"ro\",\"services\":[\"information\",\"condoms\"],\"notes\":\"First contact; took our card.\"}" >/dev/null
add "{\"type\":\"encounter\",\"when\":\"$(at -5 14:00)\",\"setting\":\"drop_in\",\"mode\":\"drop_in\",\"area\":\"Vesterbro\",\"person\":\"$maria\",\"head_count\":1,\"language\":\"ro\",\"interpreter\":true,\"services\":[\"health\",\"legal_advice\"],\"notes\":\"Asked about a doctor; says she owes the man who arranged the trip.\"}" >/dev/null
add "{\"type\":\"encounter\",\"when\":\"$(at -2 22:15)\",\"setting\":\"street\",\"mode\":\"outreach_visit\",\"area\":\"Istedgade\",\"head_count\":4,\"language\":\"bg\",\"services\":[\"information\",\"condoms\"]}" >/dev/null
add "{\"type\":\"encounter\",\"when\":\"$(at -1 23:00)\",\"setting\":\"street\",\"mode\":\"outreach_visit\",\"area\":\"Halmtorvet\",\"person\":\"$elena\",\"head_count\":2,\"language\":\"bg\",\"services\":[\"information\"]}" >/dev/null
add "{\"type\":\"encounter\",\"when\":\"$(at -3 11:00)\",\"setting\":\"massage_clinic\",\"mode\":\"outreach_visit\",\"area\":\"Vesterbrogade\",\"person\":\"$joy\",\"head_count\":3,\"language\":\"en\",\"services\":[\"information\",\"health\"]}" >/dev/null

add "{\"type\":\"screening\",\"catalogue\":\"delphi-adult-labour\",\"catalogue_version\":1,\"person\":\"$maria\",\"date\":\"$(day -5)\",\"answers\":{\"dr.nature-of-job\":{\"answer\":\"reported\",\"note\":\"Promised work in a hotel\"},\"dr.wages-earnings\":{\"answer\":\"reported\"},\"dr.conditions-of-work\":{\"answer\":\"not_present\"},\"cd.debt-bondage\":{\"answer\":\"observed\",\"note\":\"Owes 4,000 EUR for the journey\"},\"cd.confiscation-of-documents\":{\"answer\":\"reported\"},\"ec.excessive-hours\":{\"answer\":\"observed\"}},\"notes\":\"Talked at the drop-in with an interpreter.\"}" >/dev/null

add "{\"type\":\"referral\",\"person\":\"$maria\",\"target\":\"health_service\",\"date\":\"$(day -4)\",\"consent\":true,\"consent_by\":\"person\",\"outcome\":\"accepted\"}" >/dev/null

add "{\"type\":\"referral\",\"person\":\"$joy\",\"target\":\"legal_aid\",\"date\":\"$(day -3)\",\"consent\":true,\"consent_by\":\"person\",\"outcome\":\"pending\"}" >/dev/null
add "{\"type\":\"encounter\",\"when\":\"$(at -40 22:00)\",\"setting\":\"street\",\"mode\":\"outreach_visit\",\"area\":\"Istedgade\",\"head_count\":6,\"services\":[\"information\",\"condoms\"]}" >/dev/null
add "{\"type\":\"encounter\",\"when\":\"$(at -60 21:00)\",\"setting\":\"online\",\"mode\":\"online\",\"area\":\"Ad platform\",\"head_count\":5}" >/dev/null

add "{\"type\":\"followup\",\"person\":\"$maria\",\"title\":\"Call about the clinic appointment\",\"due\":\"$(day 0)\"}" >/dev/null
add "{\"type\":\"followup\",\"person\":\"$elena\",\"title\":\"Bring Bulgarian leaflets to Halmtorvet\",\"due\":\"$(day 0)\"}" >/dev/null
add "{\"type\":\"followup\",\"person\":\"$joy\",\"title\":\"Ask the legal aid clinic about a residence permit\",\"due\":\"$(day -1)\"}" >/dev/null
add "{\"type\":\"followup\",\"title\":\"Team meeting: evening rounds in Vesterbro\",\"due\":\"$(day 2)\"}" >/dev/null

# For the activity log: an export and an erasure, as a worker would.
"$cli" --vault "$vault" export-person "$maria" --json >/dev/null
katarzyna=$("$cli" --vault "$vault" search Katarzyna | sed -n 's/.*"id" *: *"\([^"]*\)".*/\1/p' | head -n 1)
"$cli" --vault "$vault" erase-person "$katarzyna" --yes >/dev/null
# Shelter stays: one period ended, one ending this week, one extended.
stay_maria=$(add "{\"type\":\"stay\",\"person\":\"$maria\",\"place\":\"crisis_shelter\",\"shelter\":\"Lighthouse House\",\"arrival\":\"$(day -25)\",\"period_start\":\"$(day -25)\",\"period_days\":30,\"contact_person\":\"Birgitte H. (identification centre)\",\"interpreter_language\":\"ro\",\"support_counselling\":\"under_way\",\"support_legal_aid\":\"planned\",\"support_legal_aid_notes\":\"Lawyer meeting on Thursday\",\"support_health_care\":\"done\",\"support_interpreter\":\"under_way\",\"support_prepared_return\":\"planned\"}")
add "{\"type\":\"stay\",\"person\":\"$elena\",\"place\":\"asylum_centre_unit\",\"shelter\":\"Unit for vulnerable women\",\"arrival\":\"$(day -33)\",\"period_start\":\"$(day -32)\",\"period_days\":30}" >/dev/null
add "{\"type\":\"stay\",\"person\":\"$joy\",\"place\":\"crisis_shelter\",\"shelter\":\"Lighthouse House\",\"arrival\":\"$(day -40)\",\"period_start\":\"$(day -40)\",\"period_days\":90,\"extension_reason\":\"testify\"}" >/dev/null
add "{\"type\":\"handover\",\"stay\":\"$stay_maria\",\"when\":\"$(at -1 07:45)\",\"text\":\"Night shift: slept badly, asked about her daughter. Call the contact person today.\"}" >/dev/null
add "{\"type\":\"handover\",\"stay\":\"$stay_maria\",\"when\":\"$(at -1 22:10)\",\"text\":\"Evening: calm. The lawyer confirmed Thursday at 10.\"}" >/dev/null

# --- The screenshots ------------------------------------------------------

# Messages come from LANGUAGE; weekday and month names only from a real
# Danish locale, which minimal machines lack (then they stay English).
da_time=C.UTF-8
if locale -a 2>/dev/null | grep -qix 'da_DK.utf-\{0,1\}8'; then
  da_time=da_DK.UTF-8
fi

# shoot LANG-SUFFIX STATE NAME [WIDTH HEIGHT]
# SCREENSHOTS_ONLY="shelter stay" renders only those states.
shoot () {
  suffix=$1 state=$2 name=$3 width=${4:-960} height=${5:-700}
  case " ${SCREENSHOTS_ONLY:-$state} " in *" $state "*) ;; *) return 0 ;; esac
  # Each shot gets its own copy, so a draft saved by one cannot show in another.
  cp "$vault" "$work/shot.lygte"
  if [ "$suffix" = da ]; then language=da time=$da_time; else language=en time=C.UTF-8; fi
  xvfb-run -a -s "-screen 0 1600x1200x24" \
    dbus-run-session -- \
    env LANGUAGE=$language LANG=C.UTF-8 LC_ALL= LC_TIME=$time \
        GTK_A11Y=none GTK_USE_PORTAL=0 GSK_RENDERER=cairo \
        GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$builddir/data" \
        LYGTE_PASSPHRASE="$LYGTE_PASSPHRASE" \
    "$tool" --vault "$work/shot.lygte" --state "$state" \
            --output "$work/$name$suffix.png" --width "$width" --height "$height" \
            --locale-dir "$localedir" >"$work/shot.log" 2>&1 || {
    cat "$work/shot.log" >&2
    echo "screenshots: $state ($language) failed" >&2
    exit 1
  }
  # The tool says which language the window came up in.
  if [ "$language" = da ] && ! grep -q '"People" is "Personer"' "$work/shot.log"; then
    grep '^language:' "$work/shot.log" >&2 || true
    echo "screenshots: $state is not in Danish" >&2
    exit 1
  fi
  rm -f "$work/shot.lygte" "$work/shot.lygte-wal" "$work/shot.lygte-shm"
  if command -v optipng >/dev/null 2>&1; then
    optipng -quiet -o2 "$work/$name$suffix.png"
  fi
  mv "$work/$name$suffix.png" "$outdir/$name$suffix.png"
  echo "$outdir/$name$suffix.png"
}

for suffix in "" da; do
  dash=${suffix:+-}
  shoot "$suffix" unlock "unlock$dash"
  shoot "$suffix" people "people$dash"
  shoot "$suffix" person "person$dash"
  shoot "$suffix" screening "screening$dash" 1280 800
  shoot "$suffix" encounter "encounter$dash" 960 800
  shoot "$suffix" today "today$dash"
  shoot "$suffix" person-rights "person-rights$dash"
  shoot "$suffix" erase "erase$dash"
  shoot "$suffix" activity-log "activity-log$dash"
  shoot "$suffix" retention "retention$dash"
  shoot "$suffix" shelter "shelter$dash"
  shoot "$suffix" stay "stay$dash" 960 1150
  shoot "$suffix" statistics "statistics$dash" 1280 900
  shoot "$suffix" statistics-export "statistics-export$dash" 900 700
  shoot "$suffix" training-vignette "training-vignette$dash" 1280 800
  shoot "$suffix" training-check "training-check$dash" 1280 800
  shoot "$suffix" training-presentation "training-presentation$dash" 1280 800
done

# --- Team sync: its own tool, with a real server on 127.0.0.1 -------------

team_tool=$builddir/tests/app/screenshot-team
if [ -x "$team_tool" ]; then
  for suffix in "" da; do
    dash=${suffix:+-}
    if [ "$suffix" = da ]; then language=da time=$da_time; else language=en time=C.UTF-8; fi
    for state in join invite devices synced offline error revoked; do
      xvfb-run -a -s "-screen 0 1600x1200x24" \
        dbus-run-session -- \
        env LANGUAGE=$language LANG=C.UTF-8 LC_ALL= LC_TIME=$time \
            GTK_A11Y=none GTK_USE_PORTAL=0 GSK_RENDERER=cairo \
            GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$builddir/data" \
            G_TEST_SRCDIR="$srcdir/tests" \
        "$team_tool" --state "$state" --output "$work/team-$state$dash$suffix.png" \
                     --locale-dir "$localedir" >"$work/shot.log" 2>&1 || {
        cat "$work/shot.log" >&2
        echo "screenshots: team $state ($language) failed" >&2
        exit 1
      }
      if command -v optipng >/dev/null 2>&1; then
        optipng -quiet -o2 "$work/team-$state$dash$suffix.png"
      fi
      mv "$work/team-$state$dash$suffix.png" "$outdir/"
      echo "$outdir/team-$state$dash$suffix.png"
    done
  done
fi
