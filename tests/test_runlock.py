import os
import subprocess
import sys

import pytest

from monitor.runlock import AlreadyRunning, RunLock, lock_path_for


def test_second_holder_is_refused_until_the_first_releases(tmp_path):
    path = lock_path_for(tmp_path / "m.db")
    assert path == tmp_path / "m.db.crawl.lock"
    with RunLock(path):
        with pytest.raises(AlreadyRunning, match=rf"another crawl is already running \(pid {os.getpid()} since "):
            RunLock(path).acquire()
    with RunLock(path):
        pass


def test_lock_dies_with_its_process(tmp_path):
    path = tmp_path / "m.db.crawl.lock"
    code = (
        "import os, sys; from monitor.runlock import RunLock; RunLock(sys.argv[1]).acquire(); "
        "print('locked', flush=True); os._exit(0)"
    )
    # The child exits without releasing: the kernel drops the flock with its file descriptors.
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    assert out.stdout == "locked\n"
    with RunLock(path):
        pass


def test_lock_held_by_another_process_is_refused(tmp_path):
    path = tmp_path / "m.db.crawl.lock"
    code = (
        "import sys; from monitor.runlock import RunLock; RunLock(sys.argv[1]).acquire(); "
        "print('locked', flush=True); sys.stdin.readline()"
    )
    child = subprocess.Popen([sys.executable, "-c", code, str(path)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline() == "locked\n"
        with pytest.raises(AlreadyRunning, match=rf"pid {child.pid} since"):
            RunLock(path).acquire()
    finally:
        child.stdin.close()
        child.wait(timeout=10)
    with RunLock(path):
        pass


@pytest.mark.parametrize("note_after, expected", [
    (0.1, "pid 4242 since 2026-01-01T00:00:00+00:00"),  # the holder writes its note a moment late
    (None, "holder unknown"),  # a holder that never writes one
])
def test_refusal_waits_a_moment_for_the_holders_note(tmp_path, note_after, expected):
    import fcntl
    import threading

    path = tmp_path / "m.db.crawl.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    late = threading.Timer(note_after or 0, os.pwrite, (fd, b"pid 4242 since 2026-01-01T00:00:00+00:00\n", 0))
    if note_after is not None:
        late.start()
    try:
        with pytest.raises(AlreadyRunning) as refused:
            RunLock(path).acquire()
    finally:
        if note_after is not None:
            late.join()
        os.close(fd)
    assert f"({expected})" in str(refused.value)
