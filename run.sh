#!/usr/bin/env bash
# One-command local run of the shop: builds what is missing or stale, then starts PostgreSQL, Redis and every
# service (see launcher/). Needs only a JDK 17+; Maven comes through ./mvnw.
#
#   ./run.sh              build if needed, then run (Ctrl-C stops everything)
#   ./run.sh --reset      wipe .data/ (database, Redis, JWT keys, logs) first
#   ./run.sh --no-build   never build, run what is there
#   ./run.sh --help       all options
#
# Environment: DATABASE_URL / REDIS_URL use running servers instead of embedded ones; ADMIN_EMAIL / ADMIN_PASSWORD set
# the bootstrap admin; MVN_ARGS adds Maven options to the build (e.g. MVN_ARGS=-o for offline).
set -euo pipefail

cd "$(dirname "$0")"

VERSION=0.1.0-SNAPSHOT
SERVICES=(auth member product payment order bff gateway web-ui)
LAUNCHER_JAR="launcher/target/launcher-${VERSION}-exec.jar"

die() { echo "run.sh: $*" >&2; exit 1; }

# --- a JDK 17+ --------------------------------------------------------------------------------------------------
if [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then
  JAVA="${JAVA_HOME}/bin/java"
elif command -v java >/dev/null 2>&1; then
  JAVA="$(command -v java)"
else
  die "no Java found: install a JDK 17 or newer (or set JAVA_HOME)"
fi
java_major() {
  local v
  v="$("$JAVA" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}')"
  v="${v#1.}"
  echo "${v%%[.-]*}"
}
major="$(java_major)"
[[ "$major" =~ ^[0-9]+$ && "$major" -ge 17 ]] || die "Java 17 or newer is needed (found: ${major:-unknown} at $JAVA)"

# --- our own options ---------------------------------------------------------------------------------------------
build=auto
help=false
args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=never ;;
    --build)    build=always ;;
    -h|--help)  help=true; args+=("$arg") ;;
    *)          args+=("$arg") ;;
  esac
done

if $help; then
  cat <<'USAGE'
run.sh: builds the project when a service jar or the launcher is missing or older than the sources
(./mvnw -q -DskipTests install), then starts everything with the launcher.

  --no-build            never build, run what is there
  --build               always build first
  MVN_ARGS=...          extra Maven options for the build (e.g. MVN_ARGS=-o)

USAGE
  if [[ -f "$LAUNCHER_JAR" ]]; then
    exec "$JAVA" -jar "$LAUNCHER_JAR" --help
  fi
  cat <<'USAGE'
Launcher options (the launcher is not built yet):
  --reset               wipe the data directory (.data/) before starting
  --services a,b,...    run only these services (auth, member, bff, gateway, web-ui)
  --random-ports        free ports instead of the fixed ones
  --data-dir DIR        data directory (default .data)
  --quiet               do not stream the services' logs (they are written to .data/logs/)
USAGE
  exit 0
fi

# --- build what is missing or stale ------------------------------------------------------------------------------
needs_build() {
  local jars=("$LAUNCHER_JAR") jar oldest=""
  for s in "${SERVICES[@]}"; do jars+=("$s/target/$s-${VERSION}.jar"); done
  for jar in "${jars[@]}"; do
    if [[ ! -f "$jar" ]]; then
      echo "run.sh: $jar is missing" >&2
      return 0
    fi
    if [[ -z "$oldest" || "$jar" -ot "$oldest" ]]; then oldest="$jar"; fi
  done
  local newer
  newer="$(find . \( -name .data -o -name target -o -name node_modules -o -name .git \) -prune -o \
            -type f \( -name pom.xml -o -path '*/src/main/*' \) -newer "$oldest" -print 2>/dev/null | head -n 1)"
  if [[ -n "$newer" ]]; then
    echo "run.sh: ${newer#./} changed since the last build" >&2
    return 0
  fi
  return 1
}

if [[ "$build" == always ]] || { [[ "$build" == auto ]] && needs_build; }; then
  echo "run.sh: building (./mvnw -q -DskipTests install ${MVN_ARGS:-}) ..." >&2
  # shellcheck disable=SC2086
  ./mvnw -q -DskipTests ${MVN_ARGS:-} install || die "the build failed (see above); fix it, or run what exists with ./run.sh --no-build"
fi

[[ -f "$LAUNCHER_JAR" ]] || die "$LAUNCHER_JAR does not exist; build with ./mvnw -q -DskipTests install"

exec "$JAVA" -jar "$LAUNCHER_JAR" ${args[@]+"${args[@]}"}
