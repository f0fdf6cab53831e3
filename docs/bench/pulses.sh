#!/usr/bin/env bash
# Pulse times of the window under the software pipeline, as in the README's Performance section:
# the default lesson plus AdamW (8 runs) at 10 000 steps/s, charts shown, window 1440x900 on a
# 1600x1000 virtual screen, JavaFX's pulse logger on; then Ctrl+Q, timed.
#
#   docs/bench/pulses.sh [SECONDS] [LOG] [-- JAVA_OPTIONS ...]    (from the repository, after mvn package)
#
# SECONDS defaults to 110 (10^6 steps for the runs still moving), LOG to /tmp/descent-pulses.log.
# VIEW3D=1 in the environment measures the 3-D view instead of the plot.
# Needs Xvfb, xdotool and python3. The remembered session goes to a temporary settings directory,
# never to ~/.descent. Prints the summary of docs/bench/pulses.py and the seconds Ctrl+Q took.
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-110}
log=${2:-/tmp/descent-pulses.log}
shift $(( $# < 2 ? $# : 2 ))
[[ ${1:-} == -- ]] && shift
jar=target/descent.jar
[[ -f $jar ]] || { echo "no $jar: run mvn -B package -DskipTests first" >&2; exit 2; }

dir=$(mktemp -d)
python3 - "$dir" <<'PY'
import json, os, sys
race = json.load(open("assets/presets/01-rosenbrock-race.json"))
race["runs"].append({"name": "AdamW", "optimizer": "adamw", "hyperparameters": {"lr": 0.02}})
race["speed"] = 10000
race["stepLimit"] = 10000000
json.dump(race, open(sys.argv[1] + "/session.json", "w"), indent=1)
# both rows of charts open (a 900-px window starts with the selected run's row folded)
view3d = "view3d=true\n" if os.environ.get("VIEW3D") == "1" else ""
open(sys.argv[1] + "/window.properties", "w").write("width=1440\nheight=900\nselectedRunCharts=true\n" + view3d)
PY

display=:$(( 500 + RANDOM % 400 ))
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
cleanup() {
  [[ -n ${app:-} ]] && kill "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
sleep 1
DISPLAY=$display java -Dprism.order=sw -Djavafx.pulseLogger=true -Djavafx.pulseLogger.threshold=0 \
  -Ddescent.settings.dir="$dir" -Ddescent.autoplay=true "$@" -jar "$jar" >"$log" 2>&1 &
app=$!
sleep "$secs"
win=$(DISPLAY=$display xdotool search --name '(^| — )Descent$' | head -1 || true)
quit=none
if [[ -n $win ]]; then
  DISPLAY=$display xdotool windowfocus "$win" 2>/dev/null || true
  t0=$(date +%s.%N)
  DISPLAY=$display xdotool key --window "$win" ctrl+q
  for _ in $(seq 1 200); do
    kill -0 "$app" 2>/dev/null || break
    sleep 0.02
  done
  if ! kill -0 "$app" 2>/dev/null; then
    quit=$(python3 -c "import sys; print(round($(date +%s.%N) - $t0, 2))")
    app=
  fi
fi
python3 docs/bench/pulses.py "$log"
echo "quit_seconds: $quit (Ctrl+Q to the end of the process; none: it did not end within 4 s)"
