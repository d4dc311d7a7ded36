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
