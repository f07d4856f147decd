#!/usr/bin/env python3
"""Builds a small real process tree for the CRIU fixtures (see make.sh), then sleeps.

Every case that crviz imports from a CRIU dump has one task here: zombies that exited 0, 3 and
200, were killed by SIGKILL, by SIGSEGV with and without a core dump, by a real-time signal,
and one whose exit signal is SIGUSR1; a SIGSTOPped task; a process with named threads; a task
with a pdeath signal; comms with a UTF-8 character cut by the kernel and with ") (" in them;
a second session with its own group, a member and a zombie. The root leads its own session
and process group, so the dump is self-contained. When everything is in place the root writes
its pid to the file given as the only argument.
"""
import ctypes
import os
import resource
import signal
import sys
import threading
import time

libc = ctypes.CDLL(None, use_errno=True)
PR_SET_NAME, PR_SET_PDEATHSIG = 15, 1
SYS_CLONE = 56  # x86_64


def name(raw: bytes) -> None:
    # The kernel keeps 15 bytes and cuts wherever that falls, even inside a UTF-8 character.
    libc.prctl(PR_SET_NAME, ctypes.c_char_p(raw), 0, 0, 0)


def sleep_forever() -> None:
    while True:
        time.sleep(3600)


def child(comm: bytes, body) -> int:
    pid = os.fork()
    if pid == 0:
        try:
            name(comm)
            body()
        finally:
            os._exit(0)
    return pid


def exit_with(code):
    return lambda: os._exit(code)


def kill_self(sig, core):
    def body():
        limit = resource.RLIM_INFINITY if core else 0
        resource.setrlimit(resource.RLIMIT_CORE, (limit, limit))
        os.chdir(os.environ.get('CORE_DIR', '/tmp'))  # core_pattern "core": written here
        signal.signal(sig, signal.SIG_DFL)
        os.kill(os.getpid(), sig)
        time.sleep(10)
    return body


def threaded():
    def worker(comm):
        name(comm)
        sleep_forever()
    for comm in (b'worker-a', b'worker-b'):
        threading.Thread(target=worker, args=(comm,), daemon=True).start()
    time.sleep(0.3)
    sleep_forever()


def pdeath():
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    sleep_forever()


def second_session():
    os.setsid()
    child(b'sess2-member', sleep_forever)
    child(b'sess2-zombie', exit_with(7))
    sleep_forever()


def own_group():
    os.setpgid(0, 0)
    sleep_forever()


def clone_exit_signal(comm: bytes, sig: int, code: int) -> int:
    # fork() always asks for SIGCHLD; clone(2) with another signal in the low byte of flags
    # gives a child whose exit_signal (stat field 38) is that signal.
    pid = libc.syscall(SYS_CLONE, sig, 0, 0, 0, 0)
    if pid == 0:
        name(comm)
        os._exit(code)
    return pid


def main() -> None:
    ready = sys.argv[1]
    if os.getsid(0) != os.getpid():
        os.setsid()
    name(b'crviz-root')
    signal.signal(signal.SIGUSR1, signal.SIG_IGN)  # the exit signal of one child
    child(b'z-exit0', exit_with(0))
    child(b'z-exit3', exit_with(3))
    child(b'z-exit200', exit_with(200))
    k = child(b'z-sigkill', sleep_forever)
    child(b'z-segv-core', kill_self(signal.SIGSEGV, True))
    child(b'z-segv', kill_self(signal.SIGSEGV, False))
    child(b'z-rtmin2', kill_self(signal.SIGRTMIN + 2, False))
    clone_exit_signal(b'z-usr1-exitsig', signal.SIGUSR1, 5)
    s = child(b'stopped', sleep_forever)
    child(b'threaded', threaded)
    child(b'pdeath-term', pdeath)
    child('héllo wörld ☃'.encode(), sleep_forever)
    child(b'a) b (c', sleep_forever)
    child(b'sess2-leader', second_session)
    child(b'own-group', own_group)
    time.sleep(0.5)
    os.kill(k, signal.SIGKILL)
    os.kill(s, signal.SIGSTOP)
    time.sleep(1.0)
    with open(ready + '.tmp', 'w') as f:
        f.write(str(os.getpid()))
    os.rename(ready + '.tmp', ready)
    sleep_forever()


if __name__ == '__main__':
    main()
