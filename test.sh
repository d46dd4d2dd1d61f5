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
# Named last, just above the summary, so that the tail of a CI log says which tests failed or were skipped.
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  grep -o '<UnitTestResult [^>]*outcome="\(Failed\|NotExecuted\)"' "$trx" \
    | sed -n 's/.*testName="\([^"]*\)".*outcome="\([A-Za-z]*\)".*/\2: \1/p' | sed 's/^/[test] /'
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
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # the run itself failed (a crash or a missing result file)
fi
summary "$passed" "$failed" "$skipped"
[ "$failed" -eq 0 ]
