#!/usr/bin/env bash
# Rebuilds the real CRIU dump fixtures in src/engine/import/criu/fixtures/real-tree/.
#   usage (as root): scripts/criu-fixtures/make.sh CRIU_DIR
# CRIU_DIR holds the `criu` and `crit` wrappers of a CRIU that works on this kernel (4.1.1 was
# used; any installer that leaves those two wrappers will do). The tests never run this: they
# read the files it leaves behind.
#   proc-before.json   what /proc showed of the tree just before the dump (read-proc.py)
#   images/            the dump's image files, without memory (pages-*.img, pagemap-*.img)
#   dump.tar.gz        the same images under checkpoint/, as Podman's --export lays them out
#   crit-decode.json   a criu-tree/1 bundle made of `crit decode` output, untouched
#   crit-pretty.json   the same with `crit decode --pretty`
set -euo pipefail
criu_dir=${1:?usage: make.sh CRIU_DIR}
here=$(cd "$(dirname "$0")" && pwd)
out=$(cd "$here/../.." && pwd)/src/engine/import/criu/fixtures/real-tree
work=$(mktemp -d)
root=
cleanup() {
  [ -n "$root" ] && kill -9 -"$root" 2>/dev/null || true  # the root leads its own group
  pkill -9 -s "$root" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/core" "$work/dump"
CORE_DIR="$work/core" setsid python3 "$here/build-tree.py" "$work/ready" </dev/null >/dev/null 2>&1 &
for _ in $(seq 100); do [ -f "$work/ready" ] && break; sleep 0.1; done
root=$(cat "$work/ready")
python3 "$here/read-proc.py" "$root" >"$work/proc-before.json"
"$criu_dir/criu" dump -t "$root" --shell-job --leave-running -D "$work/dump" -o dump.log -v4 ||
  { tail -20 "$work/dump/dump.log" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out/images" "$work/tar/checkpoint"
for f in "$work"/dump/*.img; do
  case $(basename "$f") in pages-*|pagemap-*) continue ;; esac
  cp "$f" "$out/images/"
  cp "$f" "$work/tar/checkpoint/"
done
cp "$work/proc-before.json" "$out/"
tar -C "$work/tar" --sort=name --owner=0 --group=0 --mtime=@0 -cf - checkpoint | gzip -n9 >"$out/dump.tar.gz"

# A criu-tree/1 bundle exactly as crit prints each file (spec criu-and-proc.md 5.1).
bundle() {
  local pretty=$1
  python3 - "$criu_dir/crit" "$work/dump" "$pretty" <<'PY'
import json, os, subprocess, sys
crit, d, pretty = sys.argv[1], sys.argv[2], sys.argv[3] == 'yes'
def decode(f):
    args = [crit, 'decode', '-i', os.path.join(d, f)] + (['--pretty'] if pretty else [])
    return json.loads(subprocess.run(args, check=True, capture_output=True, text=True).stdout)
cores = {f[5:-4]: decode(f) for f in sorted(os.listdir(d)) if f.startswith('core-')}
src = 'crit decode' + (' --pretty' if pretty else '') + ' of criu dump -t ROOT --shell-job'
print(json.dumps({'format': 'criu-tree/1', 'source': src, 'pstree': decode('pstree.img'), 'cores': cores}, indent=1))
PY
}
bundle no >"$out/crit-decode.json"
bundle yes >"$out/crit-pretty.json"
du -sh "$out"
