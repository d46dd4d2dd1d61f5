#!/usr/bin/env bash
# Benchmarks: ./bench.sh [geo|ingest|wall|cluster|tracks] [--quick]
# Each suite is the script tests/Benchmarks/suites/<suite>.sh; it prints one figure per line as
# `name: value unit` (lines starting with # are notes). With no suite named, every suite runs.
# --quick keeps each suite under 3 minutes.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
suites_dir="$root/tests/Benchmarks/suites"
known_suites=(geo ingest wall cluster tracks)

suite=""
options=()
for argument in "$@"; do
  case "$argument" in
    --*) options+=("$argument") ;;
    *) suite="$argument" ;;
  esac
done

run_suite() {
  local name="$1"
  local script="$suites_dir/$name.sh"
  if [[ ! -f "$script" ]]; then
    echo "# $name: not yet implemented"
    return 0
  fi
  bash "$script" "${options[@]}"
}

if [[ -n "$suite" ]]; then
  if [[ ! " ${known_suites[*]} " =~ " $suite " && ! -f "$suites_dir/$suite.sh" ]]; then
    echo "usage: ./bench.sh [$(IFS="|"; echo "${known_suites[*]}")] [--quick]" >&2
    exit 2
  fi
  run_suite "$suite"
else
  for name in "${known_suites[@]}"; do
    run_suite "$name"
  done
fi
