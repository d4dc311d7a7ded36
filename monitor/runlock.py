"""One crawl at a time per database: an advisory file lock next to the database.

`fcntl.flock` is released by the kernel when the process ends, however it ends,
so a killed cron run never leaves a stale lock behind. The lock file keeps the
holder's pid and start time only to make the refusal message useful.
"""
from __future__ import annotations

import fcntl
import os
import time
from datetime import datetime, timezone
from pathlib import Path

# Exit codes of `monitor crawl` (documented in its help and the README).
EXIT_OK = 0
EXIT_OUTLET_FAILED = 3  # at least one outlet failed entirely; the others were stored
EXIT_LOCKED = 75  # EX_TEMPFAIL: another run holds the lock; try again later


class AlreadyRunning(Exception):
    """Another process holds the crawl lock."""

    def __init__(self, path: Path, holder: str):
        self.path, self.holder = path, holder
        super().__init__(f"another crawl is already running ({holder or 'holder unknown'}); lock: {path}")


def lock_path_for(db_path: str | Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".crawl.lock")


def _holder_note(fd: int, wait: float = 1.0) -> str:
    # The holder writes its note just after it gets the lock, so a run started
    # in the same instant can find the file still empty: wait a moment for it.
    deadline = time.monotonic() + wait
    while True:
        note = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
        if note or time.monotonic() >= deadline:
            return note
        time.sleep(0.01)


class RunLock:
    """Non-blocking exclusive lock; use as a context manager.

    >>> with RunLock(lock_path_for("db/monitor.db")):
    ...     pass
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._fd: int | None = None

    def acquire(self) -> "RunLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # O_TRUNC would wipe the holder's note before we know we hold the lock.
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder_note(fd)
            os.close(fd)
            raise AlreadyRunning(self.path, holder) from None
        os.ftruncate(fd, 0)
        started = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
        os.pwrite(fd, f"pid {os.getpid()} since {started}\n".encode(), 0)
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is None:
            return
        # Empty the note but leave the file: unlinking it would let a third
        # process lock a fresh inode while a second still waits on the old one.
        os.ftruncate(self._fd, 0)
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
        self._fd = None

    def __enter__(self) -> "RunLock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()
