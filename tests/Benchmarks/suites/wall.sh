#!/usr/bin/env bash
# The wall suite: 50,000 moving people on the wall in headless Chromium, their frames sent by the server
# through the hub, frame times measured in the browser at 1920x1080 and 3840x2160 for the own grid
# clustering and supercluster alike. Usage: wall.sh [--quick]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"

# Build output goes to stderr: stdout carries only figures and notes.
dotnet build "$root/tests/Benchmarks" -c Release --nologo -v q -clp:ErrorsOnly >&2
dotnet "$root/tests/Benchmarks/bin/Release/net10.0/CommandCenter.Benchmarks.dll" wall "$@"
