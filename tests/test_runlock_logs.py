"""Log setup and progress display used by `monitor crawl`."""
import io
import logging

import pytest

from monitor import logs


@pytest.fixture(autouse=True)
def clean_handlers():
    yield
    logs.teardown_logging()


def test_log_goes_to_rotating_file_and_stderr(tmp_path, capsys):
    path = logs.setup_logging(tmp_path / "logs", tty=False, max_bytes=400, backups=2)
    log = logging.getLogger("monitor.test")
    for i in range(12):
        log.info("baris ke-%d: Pilkada “Bontolangi”", i)
    logs.teardown_logging()
    assert path == tmp_path / "logs" / "monitor.log"
    files = sorted(p.name for p in (tmp_path / "logs").iterdir())
    assert files == ["monitor.log", "monitor.log.1", "monitor.log.2"]
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 12 and err[-1].endswith("INFO monitor.test: baris ke-11: Pilkada “Bontolangi”")
    assert path.read_text(encoding="utf-8").splitlines()[-1] == err[-1]


def test_setup_twice_does_not_print_twice(tmp_path, capsys):
    logs.setup_logging(tmp_path, tty=False)
    logs.setup_logging(tmp_path, tty=False)
    logging.getLogger("monitor.test").warning("sekali")
    assert capsys.readouterr().err.count("sekali") == 1


def test_plain_progress_lines(caplog):
    caplog.set_level(logging.INFO, logger="monitor.progress")
    progress = logs.PlainProgress(every=0)
    progress.outlet_started("demo")
    progress.bump("demo", "pages")
    progress.bump("demo", "articles")
    progress.outlet_finished("demo", "finished")
    assert [r.getMessage() for r in caplog.records] == [
        "demo: started",
        "demo: 1 pages, 0 articles, 0 skipped, 0 errors",
        "demo: 1 pages, 1 articles, 0 skipped, 0 errors",
        "demo: finished (finished), 1 pages, 1 articles, 0 skipped, 0 errors",
    ]


def test_rich_progress_shows_each_outlet():
    from rich.console import Console

    out = io.StringIO()
    with logs.RichProgress(console=Console(file=out, force_terminal=True, width=100)) as progress:
        progress.outlet_started("demo")
        progress.bump("demo", "pages")
        progress.outlet_finished("demo", "finished")
    assert "finished: 1 pages, 0 articles, 0 skipped, 0 errors" in out.getvalue()
