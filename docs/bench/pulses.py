#!/usr/bin/env python3
"""Summarise a JavaFX pulse log (-Djavafx.pulseLogger=true -Djavafx.pulseLogger.threshold=0).

Each pulse starts with a line "PULSE: N [Ams:Bms]": A is the time since the previous pulse, B the
pulse's own time (FX thread work and painting). Prints, as JSON, the count of pulses and the median,
p99 and share over 16 ms of B for the whole log (without the first --skip pulses: start-up) and for
its last --last pulses.

    python3 docs/bench/pulses.py pulses.log [--skip 20] [--last 600]
"""
import argparse
import json
import re
import statistics
import sys

PULSE = re.compile(r"^PULSE: (\d+) \[(\d+)ms:(\d+)ms\]")


def stats(times):
    if not times:
        return {"pulses": 0}
    s = sorted(times)
    p99 = s[min(len(s) - 1, int(round(0.99 * (len(s) - 1))))]
    return {
        "pulses": len(s),
        "median_ms": statistics.median(s),
        "p99_ms": p99,
        "over_16ms": round(sum(1 for t in s if t > 16) / len(s), 3),
        "over_33ms": round(sum(1 for t in s if t > 33) / len(s), 3),
    }


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("log")
    ap.add_argument("--skip", type=int, default=20, help="pulses left out at the start (start-up)")
    ap.add_argument("--last", type=int, default=600, help="size of the final window of pulses")
    a = ap.parse_args(argv)
    times = []
    with open(a.log, errors="replace") as f:
        for line in f:
            m = PULSE.match(line)
            if m:
                times.append(int(m.group(3)))
    body = times[a.skip:]
    print(json.dumps({"whole": stats(body), "last": stats(body[-a.last:])}, indent=2))


if __name__ == "__main__":
    main(sys.argv[1:])
