#!/bin/sh
# AIS decoding speed, single-threaded, on one corpus of >= 1.5 M real sentences:
# Corridor (decode only; decode + JSON) vs gpsdecode -j (gpsd-clients) vs libais (python3-ais).
# Usage: bench/ais.sh BUILD_DIR [SENTENCES]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
n=${2:-1500000}
shared=$(cd "$here/../../shared/data/ais/gpsd/test" && pwd)
corpus="$build/ais_corpus.nmea"
[ -f "$corpus" ] || /usr/bin/python3 "$here/ais_corpus.py" "$shared" "$corpus" "$n"
echo "corpus: $(wc -l < "$corpus") lines, $(du -h "$corpus" | cut -f1)"
corridor=$("$build/bench/bench_ais" "$corpus")
echo "$corridor"
gpsd_s=$( { /usr/bin/time -f "%e" gpsdecode -j < "$corpus" > /dev/null; } 2>&1 | tail -1)
gpsd_n=$(gpsdecode -j < "$corpus" | grep -c '"class":"AIS"' || true)
echo "gpsdecode messages=$gpsd_n seconds=$gpsd_s msg_per_s=$(echo "$gpsd_n / $gpsd_s" | bc)"
libais=$(/usr/bin/python3 "$here/ais_libais.py" "$corpus")
echo "$libais"
rate() { echo "$1" | grep "^$2 " | sed 's/.*msg_per_s=//'; }
c=$(rate "$corridor" corridor_decode); cj=$(rate "$corridor" corridor_json); l=$(rate "$libais" libais)
g=$(echo "$gpsd_n / $gpsd_s" | bc)
echo "ratio corridor_decode/libais = $(echo "scale=2; $c / $l" | bc)"
echo "ratio corridor_json/gpsdecode_json = $(echo "scale=2; $cj / $g" | bc)"
echo "ratio corridor_decode/gpsdecode = $(echo "scale=2; $c / $g" | bc)"
