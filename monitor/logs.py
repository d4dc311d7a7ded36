"""Logging for unattended runs, and the progress display of `monitor crawl`.

Every record goes to a size-rotated file under the log directory and to stderr.
In a terminal, stderr shows a rich progress display with the log lines above
it; under cron or systemd (no TTY), progress is written as plain log lines so
the journal and the log file read the same.

Crawl events reach the display through `ProgressExtension`, a Scrapy extension
listening to the crawler's signals, so the crawl code needs no callback.
"""
from __future__ import annotations

import logging
import logging.handlers
import sys
import time
from pathlib import Path

DEFAULT_LOG_DIR = Path("logs")
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

logger = logging.getLogger("monitor.progress")

_installed: list[logging.Handler] = []


def setup_logging(
    log_dir: str | Path,
    *,
    level: str = "INFO",
    tty: bool | None = None,
    filename: str = "monitor.log",
    max_bytes: int = 5_000_000,
    backups: int = 10,
    console=None,
    stderr: bool = True,
) -> Path:
    """Send log records to `log_dir/filename` (rotated by size) and to stderr.

    Calling it again replaces the handlers it installed before, so tests and a
    long-lived process do not stack duplicates.
    """
    teardown_logging()
    log_dir = Path(log_dir)
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / filename
    file_handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
    )
    file_handler.setFormatter(logging.Formatter(LOG_FORMAT))
    if tty is None:
        tty = sys.stderr.isatty()
    if tty:
        from rich.logging import RichHandler

        err_handler: logging.Handler = RichHandler(console=console or _stderr_console(), show_path=False)
    else:
        err_handler = logging.StreamHandler(sys.stderr)
        err_handler.setFormatter(logging.Formatter(LOG_FORMAT))
    for handler in (file_handler, err_handler) if stderr else (file_handler,):
        handler.setLevel(level)
        logging.root.addHandler(handler)
        _installed.append(handler)
    if logging.root.level > logging.getLevelName(level) or logging.root.level == logging.NOTSET:
        logging.root.setLevel(level)
    return path


def teardown_logging() -> None:
    while _installed:
        handler = _installed.pop()
        logging.root.removeHandler(handler)
        handler.close()


_console = None


def _stderr_console():
    global _console
    if _console is None:
        from rich.console import Console

        _console = Console(stderr=True)
    return _console


# -- progress -----------------------------------------------------------------
_COUNTED = ("pages", "articles", "dropped", "errors")


class PlainProgress:
    """Progress as log lines: one when an outlet starts and ends, and one every `every` seconds."""

    def __init__(self, every: float = 60.0):
        self.every = every
        self.counts: dict[str, dict[str, int]] = {}
        self._last: dict[str, float] = {}

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None

    def outlet_started(self, outlet_id: str) -> None:
        self.counts[outlet_id] = dict.fromkeys(_COUNTED, 0)
        self._last[outlet_id] = time.monotonic()
        logger.info("%s: started", outlet_id)

    def bump(self, outlet_id: str, key: str) -> None:
        counts = self.counts.setdefault(outlet_id, dict.fromkeys(_COUNTED, 0))
        counts[key] += 1
        now = time.monotonic()
        if now - self._last.get(outlet_id, 0.0) >= self.every:
            self._last[outlet_id] = now
            logger.info("%s: %s", outlet_id, self._line(counts))

    def outlet_finished(self, outlet_id: str, reason: str) -> None:
        counts = self.counts.get(outlet_id, {})
        logger.info("%s: finished (%s), %s", outlet_id, reason, self._line(counts))

    @staticmethod
    def _line(counts: dict[str, int]) -> str:
        return (
            f"{counts.get('pages', 0)} pages, {counts.get('articles', 0)} articles, "
            f"{counts.get('dropped', 0)} skipped, {counts.get('errors', 0)} errors"
        )


class RichProgress(PlainProgress):
    """A live rich display: one line per outlet with its running counts."""

    def __init__(self, console=None):
        super().__init__(every=float("inf"))
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.progress = Progress(
            SpinnerColumn(), TextColumn("[bold]{task.description}"), TextColumn("{task.fields[line]}"),
            TimeElapsedColumn(), console=console or _stderr_console(), transient=False,
        )
        self.tasks: dict[str, int] = {}

    def __enter__(self):
        self.progress.start()
        return self

    def __exit__(self, *exc):
        self.progress.stop()

    def outlet_started(self, outlet_id: str) -> None:
        super().outlet_started(outlet_id)
        self.tasks[outlet_id] = self.progress.add_task(outlet_id, total=None, line="starting")

    def bump(self, outlet_id: str, key: str) -> None:
        super().bump(outlet_id, key)
        if outlet_id in self.tasks:
            self.progress.update(self.tasks[outlet_id], line=self._line(self.counts[outlet_id]))

    def outlet_finished(self, outlet_id: str, reason: str) -> None:
        counts = self.counts.get(outlet_id, {})
        if outlet_id in self.tasks:
            self.progress.update(
                self.tasks[outlet_id], total=1, completed=1, line=f"{reason}: {self._line(counts)}"
            )
        super().outlet_finished(outlet_id, reason)


def make_progress(tty: bool | None = None):
    if tty is None:
        tty = sys.stderr.isatty()
    return RichProgress() if tty else PlainProgress()


# The display the running command wants events sent to (None: nobody is watching).
ACTIVE: PlainProgress | None = None


class ProgressExtension:
    """Scrapy extension forwarding a crawler's signals to `ACTIVE` (enabled in settings.EXTENSIONS)."""

    def __init__(self, crawler):
        from scrapy import signals

        self.crawler = crawler
        for handler, signal in (
            (self.spider_opened, signals.spider_opened),
            (self.response_received, signals.response_received),
            (self.item_scraped, signals.item_scraped),
            (self.item_dropped, signals.item_dropped),
            (self.spider_error, signals.spider_error),
            (self.spider_error, signals.item_error),
            (self.spider_closed, signals.spider_closed),
        ):
            crawler.signals.connect(handler, signal=signal)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def _outlet_id(self) -> str:
        spider = self.crawler.spider
        outlet = getattr(spider, "outlet", None)
        return getattr(outlet, "id", None) or getattr(spider, "name", "?")

    def spider_opened(self):
        if ACTIVE is not None:
            ACTIVE.outlet_started(self._outlet_id())

    def response_received(self):
        if ACTIVE is not None:
            ACTIVE.bump(self._outlet_id(), "pages")

    def item_scraped(self):
        if ACTIVE is not None:
            ACTIVE.bump(self._outlet_id(), "articles")

    def item_dropped(self):
        if ACTIVE is not None:
            ACTIVE.bump(self._outlet_id(), "dropped")

    def spider_error(self):
        if ACTIVE is not None:
            ACTIVE.bump(self._outlet_id(), "errors")

    def spider_closed(self, reason):
        if ACTIVE is not None:
            ACTIVE.outlet_finished(self._outlet_id(), reason)
