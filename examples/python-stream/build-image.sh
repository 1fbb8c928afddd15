#!/usr/bin/env bash
# Makes the image this example runs in on `--runtime docker`, offline, from this host's own
# Python 3 (its interpreter, standard library and the shared libraries they load) and a static
# busybox for /bin/sh: nothing is pulled. cutcheck runs it when the image is missing
# (the descriptor's docker.build); the example's folder is mounted at the same path, so the
# image holds the interpreter only.
set -euo pipefail
image=${1:-cutcheck-example/python3:1}
# Debian's interpreter, whatever else PATH offers: the image is made from the distribution's files
[ -x /usr/bin/python3 ] || { echo "build-image.sh: /usr/bin/python3 is missing (apt-get install python3)" >&2; exit 2; }
python=$(readlink -f /usr/bin/python3)
stdlib=$("$python" -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
busybox=/bin/busybox
[ -x "$busybox" ] || { echo "build-image.sh: $busybox is missing (apt-get install busybox-static)" >&2; exit 2; }

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
# a file at the same path in the image, symlinks resolved
put() { mkdir -p "$root$(dirname "$1")"; cp -L "$1" "$root$1"; }
libs_of() { ldd "$@" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// && $2 ~ /^\(/ {print $1}' | sort -u; }

put "$python"
ln -sf "$(basename "$python")" "$root/usr/bin/python3"
mkdir -p "$root$stdlib"
tar -C "$stdlib" --exclude=__pycache__ --exclude=test --exclude=idlelib --exclude=tkinter -c . | tar -C "$root$stdlib" -x
for lib in $(libs_of "$python" $(find "$stdlib" -name '*.so')); do put "$lib"; done

mkdir -p "$root/bin" "$root/etc" "$root/tmp"
chmod 1777 "$root/tmp"
cp "$busybox" "$root/bin/busybox"
for applet in $("$busybox" --list); do
  [ -e "$root/bin/$applet" ] || ln -s busybox "$root/bin/$applet"
done
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/tmp:/bin/sh\n' >"$root/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
printf 'hosts: files dns\n' >"$root/etc/nsswitch.conf"

tar -C "$root" -c . | docker import -c 'ENV PATH=/usr/bin:/bin PYTHONDONTWRITEBYTECODE=1' -c 'WORKDIR /tmp' - "$image" >/dev/null
echo "build-image.sh: $image from $python"
