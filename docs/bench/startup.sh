#!/usr/bin/env bash
# Start-up times of the window, as in the README's Performance section: the default lesson as the
# remembered session, a 1440x900 window on a 1600x1000 virtual screen, the software pipeline, the
# start-up trace (-Ddescent.startupTrace=exit) and /usr/bin/time for the CPU until the full plot.
#
#   docs/bench/startup.sh [RUNS] [plain|archive] [JAR]     (from the repository, after mvn package)
#
# RUNS defaults to 3, the mode to archive (a class-data archive next to the jar, written first when
# missing or older than the jar), JAR to target/descent.jar. A first run, ended with Ctrl+Q, leaves
# the remembered window (and the plot's size in it) as a user's quit does. Prints one line a run:
# JavaFX started, window shown (with the JavaFX thread's CPU so far), coarse plot, full plot, in ms
# since the JVM started, and user+sys seconds. Needs Xvfb and xdotool. Settings go to a temporary
# directory, never to ~/.descent.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
mode=${2:-archive}
jar=${3:-target/descent.jar}
[[ -f $jar ]] || { echo "no $jar: run mvn -B package -DskipTests first" >&2; exit 2; }

dir=$(mktemp -d)
cp assets/presets/01-rosenbrock-race.json "$dir/session.json"
printf 'width=1440\nheight=900\n' >"$dir/window.properties"
display=:$(( 500 + RANDOM % 400 ))
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
cleanup() {
  kill "$xvfb" 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
sleep 1
run=(java -Dprism.order=sw -Ddescent.settings.dir="$dir")

# a first start, quit with Ctrl+Q once the full plot is drawn: the remembered window
log=$(mktemp)
DISPLAY=$display "${run[@]}" -Ddescent.startupTrace=true -jar "$jar" >"$log" 2>&1 &
app=$!
for _ in $(seq 1 300); do
  grep -q 'plot drawn (full' "$log" && break
  sleep 0.1
done
sleep 1
win=$(DISPLAY=$display xdotool search --name '(^| — )Descent$' | head -1 || true)
[[ -n $win ]] && DISPLAY=$display xdotool key --window "$win" ctrl+q
for _ in $(seq 1 100); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
kill "$app" 2>/dev/null || true
rm -f "$log"

opts=()
if [[ $mode == archive ]]; then
  jsa=${jar%.jar}.jsa
  if [[ ! -f $jsa || $jsa -ot $jar ]]; then
    DISPLAY=$display "${run[@]}" -XX:ArchiveClassesAtExit="$jsa" -Ddescent.startupTrace=exit -jar "$jar" >/dev/null 2>&1 || true
  fi
  opts=(-XX:SharedArchiveFile="$jsa")
fi

for i in $(seq 1 "$runs"); do
  out=$(DISPLAY=$display /usr/bin/time -f 'cpu %U %S' "${run[@]}" "${opts[@]}" -Ddescent.startupTrace=exit -jar "$jar" 2>&1 || true)
  python3 - "$mode" "$out" <<'PY'
import re, sys
mode, out = sys.argv[1], sys.argv[2]
def at(what):
    m = re.search(re.escape(what) + r".* at (\d+) ms(?: \(JavaFX thread CPU (\d+) ms\))?", out)
    return (m.group(1), m.group(2)) if m else ("?", None)
fx = at("JavaFX started")[0]
shown, shown_cpu = at("window shown")
coarse = at("first plot drawn")[0]
full = at("plot drawn (full")[0]
cpu = re.search(r"cpu ([\d.]+) ([\d.]+)", out)
load = open("/proc/loadavg").read().split()[0]
print(f"{mode}: JavaFX started {fx} ms, window shown {shown} ms (JavaFX thread CPU {shown_cpu} ms), "
      f"coarse plot {coarse} ms, full plot {full} ms, CPU {float(cpu.group(1)) + float(cpu.group(2)):.2f} s, load {load}"
      if cpu else f"{mode}: no trace:\n{out}")
PY
done
