#!/usr/bin/env bash
# Benchmark harness (issue 10): starts the platform with the production JVM options (or measures a running one with
# --running), warms every path until its throughput is stable, measures P1-P5 alternating the paths, prints a table of
# ratios and raw numbers and writes it to docs/benchmarks.md. Loopback only, under 10 minutes. Not a test: CI runs
# only `bench/run.sh --smoke` (a few seconds per phase) to prove it works.
#
#   bench/run.sh              build what is missing or stale, then benchmark
#   bench/run.sh --smoke      tiny durations; nothing written
#   bench/run.sh --no-build   never build, run what is there
#   bench/run.sh --help       all options
#
# Needs a JDK 17+ (jcmd for --profile), wrk and nginx (Debian: apt-get install -y wrk nginx-light).
# MVN_ARGS adds Maven options to the build (e.g. MVN_ARGS=-o). The build uses `package`, never `install`.
set -euo pipefail

cd "$(dirname "$0")/.."

VERSION=0.1.0-SNAPSHOT
MODULES=(auth member product payment order bff gateway web-ui)
BENCH_JAR="bench/target/bench-${VERSION}-exec.jar"

die() { echo "bench/run.sh: $*" >&2; exit 1; }

if [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then
  JAVA="${JAVA_HOME}/bin/java"
elif command -v java >/dev/null 2>&1; then
  JAVA="$(command -v java)"
else
  die "no Java found: install a JDK 17 or newer (or set JAVA_HOME)"
fi

build=auto
args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=never ;;
    --build)    build=always ;;
    *)          args+=("$arg") ;;
  esac
done

command -v wrk >/dev/null 2>&1 || die "wrk not found: apt-get install -y wrk"
command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]] || die "nginx not found: apt-get install -y nginx-light"

needs_build() {
  local jars=("$BENCH_JAR") jar oldest=""
  for m in "${MODULES[@]}"; do jars+=("$m/target/$m-${VERSION}.jar"); done
  for jar in "${jars[@]}"; do
    [[ -f "$jar" ]] || { echo "bench/run.sh: $jar is missing" >&2; return 0; }
    if [[ -z "$oldest" || "$jar" -ot "$oldest" ]]; then oldest="$jar"; fi
  done
  local newer
  newer="$(find . \( -name .data -o -name target -o -name node_modules -o -name .git \) -prune -o \
            -type f \( -name pom.xml -o -path '*/src/main/*' \) -newer "$oldest" -print 2>/dev/null | head -n 1)"
  if [[ -n "$newer" ]]; then
    echo "bench/run.sh: ${newer#./} changed since the last build" >&2
    return 0
  fi
  return 1
}

if [[ "$build" == always ]] || { [[ "$build" == auto ]] && needs_build; }; then
  echo "bench/run.sh: building (./mvnw -q -DskipTests package -pl bench -am ${MVN_ARGS:-}) ..." >&2
  # shellcheck disable=SC2086
  ./mvnw -q -B -DskipTests ${MVN_ARGS:-} package -pl bench -am || die "the build failed"
fi

[[ -f "$BENCH_JAR" ]] || die "$BENCH_JAR does not exist; build with ./mvnw -DskipTests package -pl bench -am"

exec "$JAVA" -jar "$BENCH_JAR" ${args[@]+"${args[@]}"}
