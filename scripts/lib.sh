# Shared by the project's scripts: find the repository and install what is missing.
# Sourced, not run.

CUTCHECK_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

log() { printf 'cutcheck: %s\n' "$*" >&2; }

# True when we may install Debian packages ourselves: root on a machine with apt-get.
can_apt() {
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1
}

# Installs Debian packages (arguments go to apt-get install, options included), updating the
# package lists once per shell. Waits for the dpkg lock rather than failing: other jobs on the
# machine may be installing at the same time.
apt_install() {
  local out="${TMPDIR:-/tmp}/cutcheck-apt.log"
  local apt=(apt-get -o DPkg::Lock::Timeout=300 -qq)
  local arg packages=()
  for arg in "$@"; do [[ "$arg" == -* ]] || packages+=("$arg"); done
  log "installing ${packages[*]}"
  if [ -z "${CUTCHECK_APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive "${apt[@]}" update >"$out" 2>&1 && export CUTCHECK_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y "$@" >"$out" 2>&1 \
    || { log "apt-get install $* failed:"; tail -n 5 "$out" >&2; return 1; }
}

# Installs a command's Debian package when the command is missing and we may; otherwise says
# exactly what to install.
need_command() {
  local cmd="$1" pkg="$2"
  command -v "$cmd" >/dev/null 2>&1 && return 0
  if can_apt; then
    apt_install "$pkg"
  else
    log "$cmd is missing: install the package $pkg"
    return 1
  fi
}

# like need_command, for a file at a fixed path (Debian's own, whatever PATH offers first)
need_path() {
  local path="$1" pkg="$2"
  [ -e "$path" ] && return 0
  if can_apt; then
    apt_install "$pkg"
  else
    log "$path is missing: install the package $pkg"
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
