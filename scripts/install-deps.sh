#!/usr/bin/env bash
# Installs every Debian package Corridor builds, tests and benchmarks with. Idempotent:
# packages already present are skipped, so a second run costs one dpkg query.
set -euo pipefail

build_pkgs=(
  build-essential cmake ninja-build ccache pkg-config git
  libsqlite3-dev sqlite3 libsodium-dev libssl-dev nlohmann-json3-dev libcli11-dev libfmt-dev libspdlog-dev
  libgtest-dev libgmock-dev libbenchmark-dev libvectorscan-dev libphonenumber-dev libicu-dev
  libsimdjson-dev libarchive-dev libmagic-dev libexiv2-dev libigraph-dev libcpp-httplib-dev
  libboost-dev clang libclang-rt-14-dev python3 liblinear-dev
  libexpat1-dev  # tests and fuzzers parse the XML exports with a real parser
  libyaml-cpp-dev  # tests read FollowTheMoney's schema files
  chromium  # a test renders the demo report headless, as a reader's browser would
)
# Peers that bench/ measures Corridor against, and the tools it measures with; never a runtime need.
bench_pkgs=(
  gpsd-clients python3-ais python3-igraph python3-networkx python3-phonenumbers
  libimage-exiftool-perl time
  wrk nginx-light  # the team server bench measures against nginx serving the same answers
)

want=("${build_pkgs[@]}")
if [[ "${1:-}" == "--bench" || "${1:-}" == "--all" ]]; then want+=("${bench_pkgs[@]}"); fi

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#want[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; else SUDO=; fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
