# Shared by the project's scripts: find the repository and install what is missing.
# Sourced, not run.

CUTCHECK_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

log() { printf 'cutcheck: %s\n' "$*" >&2; }

# Installs Debian packages when a command is missing and we may (root on Debian);
# otherwise says exactly what to install.
need_command() {
  local cmd="$1" pkg="$2"
  command -v "$cmd" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing $pkg (for $cmd)"
    if [ -z "${CUTCHECK_APT_UPDATED:-}" ]; then
      DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && export CUTCHECK_APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >/dev/null || { log "apt-get install $pkg failed"; return 1; }
  else
    log "$cmd is missing: install the package $pkg"
    return 1
  fi
}

need_build_tools() {
  need_command java openjdk-17-jdk-headless && need_command mvn maven
}

# Builds the jars when one is missing or any source or pom is newer than it.
build_if_stale() {
  local jars=("$CUTCHECK_HOME/harness/cli/target/cutcheck.jar" "$CUTCHECK_HOME/systems-under-test/target/cutcheck-sut.jar")
  local stale=0 jar
  for jar in "${jars[@]}"; do
    if [ ! -f "$jar" ] || [ -n "$(find "$CUTCHECK_HOME" -path "$CUTCHECK_HOME/store" -prune -o \
         \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$jar" -print -quit)" ]; then
      stale=1
    fi
  done
  [ "$stale" = 0 ] && return 0
  log "building (mvn package, tests skipped)…"
  (cd "$CUTCHECK_HOME" && mvn -q -B -DskipTests package) >"${TMPDIR:-/tmp}/cutcheck-build.log" 2>&1 || {
    log "build failed; see ${TMPDIR:-/tmp}/cutcheck-build.log"
    tail -n 20 "${TMPDIR:-/tmp}/cutcheck-build.log" >&2
    return 1
  }
}
