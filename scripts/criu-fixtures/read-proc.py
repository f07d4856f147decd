#!/usr/bin/env python3
"""Prints, as JSON, what /proc shows of the subtree under a pid: the record a fixture's import
is compared with (proc-before.json). comm is kept as the kernel's bytes, in hex, because a
name cut inside a UTF-8 character is not text."""
import json
import os
import sys


def stat_of(path):
    with open(path, 'rb') as f:
        line = f.read().rstrip(b'\n')
    open_, close = line.index(b'('), line.rindex(b')')
    rest = line[close + 1:].split()
    field = lambda n: rest[n - 3].decode()  # fields after comm start at 3
    return {
        'comm_hex': line[open_ + 1:close].hex(),
        'state': field(3),
        'ppid': int(field(4)),
        'pgid': int(field(5)),
        'sid': int(field(6)),
        'exit_signal': int(field(38)),
        'exit_code': int(field(52)),
    }


def main():
    root = int(sys.argv[1])
    procs = {}
    for name in os.listdir('/proc'):
        if not name.isdigit():
            continue
        try:
            s = stat_of(f'/proc/{name}/stat')
            tids = sorted(int(t) for t in os.listdir(f'/proc/{name}/task'))
            threads = [{'tid': t, **stat_of(f'/proc/{name}/task/{t}/stat')} for t in tids]
        except (FileNotFoundError, ProcessLookupError):
            continue
        procs[int(name)] = {'pid': int(name), **s, 'threads': threads}
    keep, todo = [], [root]
    while todo:
        pid = todo.pop(0)
        keep.append(procs[pid])
        todo += sorted(p for p, v in procs.items() if v['ppid'] == pid and p != root)
    json.dump({'root': root, 'tasks': keep}, sys.stdout, indent=1)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
