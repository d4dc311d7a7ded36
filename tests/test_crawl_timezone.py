"""An outlet crawled by URL alone takes the local time the user names."""
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from monitor.demo.server import DEMO_SITE, start_server

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("args, offset", [([], "+07:00"), (["--timezone", "wit"], "+09:00")])
def test_unregistered_outlet_timezone(tmp_path, args, offset):
    db = tmp_path / "t.db"
    with start_server(DEMO_SITE) as server:
        proc = subprocess.run(
            [sys.executable, "-m", "monitor.cli", "crawl", "--outlet", server.url, "--db", str(db),
             "--registry", str(tmp_path / "none.toml"), "--log-dir", str(tmp_path / "logs"), *args],
            cwd=ROOT, capture_output=True, text=True, timeout=300,
        )
    assert proc.returncode == 0, proc.stderr[-2000:]
    conn = sqlite3.connect(db)
    offsets = {p[-6:] for (p,) in conn.execute("select published from articles")}
    assert offsets == {offset}
    (tz,), = conn.execute("select timezone from outlets").fetchall()
    assert tz == {"+07:00": "WIB", "+09:00": "WIT"}[offset]
