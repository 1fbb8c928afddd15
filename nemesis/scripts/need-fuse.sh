# Makes FUSE usable for the disk-fault file system (io.cutcheck.nemesis.disk).
# Sourced, not run: `source nemesis/scripts/need-fuse.sh && need_fuse`.
#
# The helper process binds libfuse2 (libfuse.so.2) and unmounts with fusermount, which the
# Debian package fuse3 provides (fusermount is a link to fusermount3). Installs both with
# apt-get when we are root on Debian and they are missing; otherwise says what to install.
# Returns non-zero, with one line on stderr, when FUSE cannot be used on this machine.

need_fuse() {
  local missing=()
  [ -e /usr/lib/x86_64-linux-gnu/libfuse.so.2 ] || ldconfig -p 2>/dev/null | grep -q 'libfuse\.so\.2 ' \
    || missing+=(libfuse2)
  command -v fusermount >/dev/null 2>&1 || command -v fusermount3 >/dev/null 2>&1 || missing+=(fuse3)
  if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      printf 'cutcheck: installing %s (FUSE disk faults)\n' "${missing[*]}" >&2
      if [ -z "${CUTCHECK_APT_UPDATED:-}" ]; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && export CUTCHECK_APT_UPDATED=1
      fi
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || {
        printf 'cutcheck: apt-get install %s failed\n' "${missing[*]}" >&2
        return 1
      }
    else
      printf 'cutcheck: FUSE disk faults need the Debian packages: %s\n' "${missing[*]}" >&2
      return 1
    fi
  fi
  if [ ! -c /dev/fuse ]; then
    printf 'cutcheck: /dev/fuse is missing (containers need --device /dev/fuse --cap-add SYS_ADMIN)\n' >&2
    return 1
  fi
}
