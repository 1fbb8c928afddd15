# Makes FUSE usable for the disk-fault file system (io.cutcheck.nemesis.disk).
# Sourced, not run: `source nemesis/scripts/need-fuse.sh && need_fuse`.
# Uses scripts/lib.sh (sourced here) for installing.
#
# The helper process binds libfuse2 (libfuse.so.2) and unmounts with fusermount, which the
# Debian package fuse3 provides (fusermount is a link to fusermount3). Installs both with
# apt-get when we are root on Debian and they are missing; otherwise says what to install.
# Returns non-zero, with one line on stderr, when FUSE cannot be used on this machine.

source "$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/scripts/lib.sh"

need_fuse() {
  local missing=()
  [ -e /usr/lib/x86_64-linux-gnu/libfuse.so.2 ] || ldconfig -p 2>/dev/null | grep -q 'libfuse\.so\.2 ' \
    || missing+=(libfuse2)
  command -v fusermount >/dev/null 2>&1 || command -v fusermount3 >/dev/null 2>&1 || missing+=(fuse3)
  if [ "${#missing[@]}" -gt 0 ]; then
    if can_apt; then
      apt_install "${missing[@]}" || return 1
    else
      log "FUSE disk faults need the Debian packages: ${missing[*]}"
      return 1
    fi
  fi
  if [ ! -c /dev/fuse ]; then
    log "/dev/fuse is missing (containers need --device /dev/fuse --cap-add SYS_ADMIN)"
    return 1
  fi
}
