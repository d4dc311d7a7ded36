"""`monitor crawl` as the cron entry point: lock, exit codes, log file, plain progress lines."""
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli import cli
from monitor.runlock import EXIT_LOCKED, EXIT_OUTLET_FAILED, RunLock, lock_path_for

ROOT = Path(__file__).resolve().parents[1]
# Fast failure for the dead outlet: no retries, no politeness delay (the settings module is read at crawl time).
FAST = """
import sys
import monitor.settings as s
s.RETRY_TIMES = 0
s.DOWNLOAD_DELAY = 0
s.AUTOTHROTTLE_ENABLED = False
from monitor.cli import cli
cli(sys.argv[1:], prog_name="monitor")
"""


def registry(path, outlets):
    path.write_text("".join(
        f'[[outlet]]\nid = "{oid}"\nname = "{oid}"\nbase_url = "{url}"\ntimezone = "WITA"\nfirst_run_days = 0\n\n'
        for oid, url in outlets
    ), encoding="utf-8")
    return path


def crawl_cmd(tmp_path, reg, *, fast=False):
    head = [sys.executable, "-c", FAST] if fast else [sys.executable, "-m", "monitor.cli"]
    return head + ["crawl", "--registry", str(reg), "--db", str(tmp_path / "m.db"), "--log-dir", str(tmp_path / "logs")]


def env():
    # stderr is a pipe here, so the progress display is plain log lines.
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def free_port():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def demo():
    from monitor.demo.server import start_server

    server = start_server()
    yield server
    server.stop()


def test_second_crawl_exits_at_once_while_the_lock_is_held(tmp_path):
    db = tmp_path / "m.db"
    with RunLock(lock_path_for(db)):
        result = CliRunner().invoke(cli, ["crawl", "--outlet", "http://127.0.0.1:9/", "--db", str(db),
                                          "--log-dir", str(tmp_path / "logs")])
    assert result.exit_code == EXIT_LOCKED == 75
    assert re.fullmatch(
        rf"monitor crawl: another crawl is already running \(pid {os.getpid()} since \S+\); "
        rf"lock: {re.escape(str(lock_path_for(db)))}\n", result.stderr)
    assert not db.exists()
    log = (tmp_path / "logs" / "monitor.log").read_text(encoding="utf-8")
    assert re.fullmatch(r"\S+ \S+ WARNING monitor.crawl: refused: another crawl is already running .*\(exit 75\)\n", log)


def test_two_crawls_started_together_one_runs(tmp_path, demo):
    reg = registry(tmp_path / "outlets.toml", [("demo", demo.url)])
    procs = [subprocess.Popen(crawl_cmd(tmp_path, reg), env=env(), cwd=tmp_path, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    codes = sorted(code for code, _ in results)
    assert codes == [0, EXIT_LOCKED], [err[-2000:] for _, err in results]
    refused = next(err for code, err in results if code == EXIT_LOCKED)
    assert refused.startswith("monitor crawl: another crawl is already running (pid ")
    assert refused.count("\n") == 1
    conn = sqlite3.connect(tmp_path / "m.db")
    runs = conn.execute("select distinct run_id from crawl_runs").fetchall()
    rows = conn.execute("select outlet_id, status, pages_fetched, finished is not null from crawl_runs").fetchall()
    worked = next(err for code, err in results if code == 0)
    assert len(runs) == 1, runs
    assert len(rows) == 1 and rows[0][0] == "demo" and rows[0][2] > 0 and rows[0][3] == 1, (rows, worked[-3000:])
    assert conn.execute("select count(*) from articles").fetchone()[0] > 0, worked[-3000:]


def test_a_dead_outlet_gives_exit_3_the_other_is_stored_and_logged(tmp_path, demo):
    dead = f"http://127.0.0.1:{free_port()}/"
    reg = registry(tmp_path / "outlets.toml", [("demo", demo.url), ("dead", dead)])
    proc = subprocess.run(crawl_cmd(tmp_path, reg, fast=True), env=env(), cwd=tmp_path, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == EXIT_OUTLET_FAILED == 3, proc.stderr[-3000:]
    conn = sqlite3.connect(tmp_path / "m.db")
    statuses = dict(conn.execute("select outlet_id, status from crawl_runs").fetchall())
    assert statuses["dead"] == "failed" and statuses["demo"] in ("ok", "partial")
    assert conn.execute("select count(*) from articles where outlet_id = 'demo'").fetchone()[0] > 0
    log = (tmp_path / "logs" / "monitor.log").read_text(encoding="utf-8")
    for text in (proc.stderr, log):
        assert "INFO monitor.progress: demo: started" in text
        assert re.search(r"INFO monitor.progress: demo: finished \(finished\), \d+ pages, \d+ articles", text)
        assert "ERROR monitor.crawl: 1 of 2 outlet(s) failed entirely: dead" in text
    # Every stderr line is in the file too (Scrapy's own root handler is off, so nothing is printed twice).
    assert proc.stderr.count("monitor.progress: demo: started") == 1


def test_unwritable_log_dir_is_one_line_and_frees_the_lock(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    db = tmp_path / "m.db"
    result = CliRunner().invoke(cli, ["crawl", "--outlet", "http://127.0.0.1:9/", "--db", str(db),
                                      "--log-dir", str(blocker / "logs")])
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot write the log file in {blocker / 'logs'}: Not a directory\n"
    with RunLock(lock_path_for(db)):
        pass
