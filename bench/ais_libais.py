#!/usr/bin/python3
"""Times libais (python3-ais, C++ core) on the same corpus: sentences are split and
fragments joined first (not timed), then only ais.decode(payload, fill) is timed, which
is libais at its fastest. Prints messages decoded per second."""
import sys
import time

import ais


def payloads(path):
    parts = {}
    out = []
    for line in open(path, encoding="ascii", errors="replace"):
        line = line.strip()
        if line.startswith("\\"):
            line = line[line.find("\\", 1) + 1:]
        f = line.split("*")[0].split(",")
        if len(f) != 7 or not f[0].endswith(("VDM", "VDO")):
            continue
        count, num, seq, chan, payload, fill = f[1], f[2], f[3], f[4], f[5], f[6]
        if count == "1":
            out.append((payload, int(fill or 0)))
            continue
        key = (seq, chan)
        parts.setdefault(key, []).append(payload)
        if num == count:
            out.append(("".join(parts.pop(key)), int(fill or 0)))
    return out


def main():
    msgs = payloads(sys.argv[1])
    best = None
    for _ in range(2):
        ok = 0
        t0 = time.perf_counter()
        for p, fill in msgs:
            try:
                ais.decode(p, fill)
                ok += 1
            except Exception:
                pass
        dt = time.perf_counter() - t0
        best = dt if best is None or dt < best else best
    print(f"libais messages={ok} seconds={best:.4f} msg_per_s={ok / best:.0f}")


if __name__ == "__main__":
    main()
