#!/usr/bin/env bash
# Runs every test: installs what they need (PostGIS, Debian's Chromium, CJK fonts, ffmpeg), builds, tests,
# and ends with one line: tests: N passed, N failed, N skipped.
set -uo pipefail
cd "$(dirname "$0")"
RESULTS="$PWD/TestResults"

log() { printf '[test] %s\n' "$*"; }

install_missing() {
  local wanted=()
  ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1 || wanted+=(postgresql-15-postgis-3)
  [ -x /usr/bin/chromium ] || wanted+=(chromium)
  [ -d /usr/share/fonts/opentype/noto ] || wanted+=(fonts-noto-cjk)
  [ -x /usr/sbin/nginx ] || wanted+=(nginx)
  command -v ffmpeg >/dev/null || wanted+=(ffmpeg)
  [ -x /usr/bin/redis-server ] || wanted+=(redis-server)
  command -v node >/dev/null || wanted+=(nodejs npm)
  if [ ${#wanted[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      log "installing ${wanted[*]}"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${wanted[@]}" >/dev/null
    else
      log "missing packages: ${wanted[*]} (install them, or run as root)"
    fi
  fi
}

summary() { echo "tests: $1 passed, $2 failed, $3 skipped"; }

install_missing
rm -rf "$RESULTS"
log "building"
if ! dotnet build CommandCenter.sln -c Release -nologo -v quiet; then
  summary 0 1 0
  exit 1
fi

log "testing"
dotnet test CommandCenter.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$RESULTS"
status=$?

# The failed results of the trx files in a folder, one testName a line, as the trx spells it (XML-escaped).
failed_in() {
  for trx in "$1"/*.trx; do
    [ -f "$trx" ] || continue
    grep -o '<UnitTestResult [^>]*outcome="Failed"' "$trx" | sed -n 's/.*testName="\([^"]*\)".*/\1/p'
  done
}

passed_in() {
  local trx
  for trx in "$1"/*.trx; do
    [ -f "$trx" ] || continue
    grep -o '<UnitTestResult [^>]*outcome="Passed"' "$trx" | grep -qF "testName=\"$2\"" && return 0
  done
  return 1
}

# A few failed tests are run once more, alone. One that passes then is reported as flaky, by name and with the
# message of its first failure, so it is seen and fixed; it does not fail the run. One that fails again does, and
# so does a run where many failed (that is no flake) or where the test host itself broke down.
mapfile -t first_failed < <(failed_in "$RESULTS")
flaky=()
if [ ${#first_failed[@]} -gt 0 ] && [ ${#first_failed[@]} -le 10 ]; then
  filter=$(printf '%s\n' "${first_failed[@]}" | sed 's/(.*//' | sort -u | sed 's/^/FullyQualifiedName=/' | paste -sd'|')
  log "running the ${#first_failed[@]} failed tests once more, alone"
  dotnet test CommandCenter.sln -c Release --no-build -nologo --filter "$filter" \
    --logger "trx" --logger "console;verbosity=minimal" --results-directory "$RESULTS/again"
  for name in "${first_failed[@]}"; do
    passed_in "$RESULTS/again" "$name" && flaky+=("$name")
  done
fi

passed=0 failed=0 skipped=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  # A skipped test is a result with outcome NotExecuted; the counters leave it out.
  skipped=$((skipped + $(grep -o 'outcome="NotExecuted"' "$trx" | wc -l)))
done
passed=$((passed + ${#flaky[@]}))
failed=$((failed - ${#flaky[@]}))

plain() { sed "s/&quot;/\"/g; s/&apos;/'/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g"; }

is_flaky() {
  local name
  for name in "${flaky[@]}"; do [ "$name" = "$1" ] && return 0; done
  return 1
}

# Named last, just above the summary, so that the tail of a CI log says which tests failed, were flaky or skipped.
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  grep -o '<UnitTestResult [^>]*outcome="NotExecuted"' "$trx" \
    | sed -n 's/.*testName="\([^"]*\)".*/NotExecuted: \1/p' | plain | sed 's/^/[test] /'
done
for name in "${first_failed[@]}"; do
  if is_flaky "$name"; then
    echo "[test] Flaky (failed, then passed alone): $name" | plain
  else
    echo "[test] Failed: $name" | plain
  fi
done
# Why each failed: the first lines of its message and the test code's own frames, since a CI log keeps only its tail.
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  perl -0777 -ne '
    my %entity = (lt => "<", gt => ">", amp => "&", quot => "\"", apos => "\x27");
    sub plain { my $t = shift; $t =~ s/&(lt|gt|amp|quot|apos);/$entity{$1}/g; $t =~ s/&#x?([0-9A-Fa-f]+);/ /g; $t }
    while (/<UnitTestResult [^>]*testName="([^"]*)"[^>]*outcome="Failed"[^>]*>(.*?)<\/UnitTestResult>/gs) {
      my ($name, $body) = ($1, $2);
      my ($message) = $body =~ /<Message>(.*?)<\/Message>/s;
      my ($stack) = $body =~ /<StackTrace>(.*?)<\/StackTrace>/s;
      my @lines = grep { /\S/ } split /\n/, plain($message // "");
      my @frames = grep { /\.cs:line/ && /Tests|TestSupport/ } split /\n/, plain($stack // "");
      print "[test] why: ", plain($name), "\n";
      print "[test]   $_\n" for (@lines[0 .. ($#lines < 7 ? $#lines : 7)], @frames[0 .. ($#frames < 3 ? $#frames : 3)]);
    }' "$trx"
done
if [ ${#first_failed[@]} -gt 0 ] && [ "$failed" -eq 0 ]; then
  status=0  # every failure passed when run again
elif [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # the run itself failed (a crash or a missing result file)
fi
summary "$passed" "$failed" "$skipped"
[ "$failed" -eq 0 ]
