#!/usr/bin/python3
"""Builds the AIS benchmark corpus: the real sentences of gpsd's test corpora (shared data,
ais/gpsd), repeated in order until the file holds at least N sentences. Multi-sentence
messages stay together because each source file is copied whole."""
import pathlib
import sys


def main():
    src = pathlib.Path(sys.argv[1])  # .../ais/gpsd/test
    out = pathlib.Path(sys.argv[2])
    want = int(sys.argv[3]) if len(sys.argv) > 3 else 1_500_000
    files = [src / "sample.aivdm"] + sorted((src / "daemon").glob("*.log"))
    block = []
    for f in files:
        for line in f.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("!") or line.startswith("\\"):
                block.append(line)
    reps = -(-want // len(block))
    with out.open("w") as fh:
        text = "\n".join(block) + "\n"
        for _ in range(reps):
            fh.write(text)
    print(f"{out}: {len(block) * reps} sentences ({len(block)} real ones x {reps})")


if __name__ == "__main__":
    main()
