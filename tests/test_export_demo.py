"""`monitor export --excel` over a real crawl of the bundled demo outlet (loopback only)."""
import csv
import io
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli import cli
from tests.test_export import DOCUMENTED

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "m.db"
    # Twisted's reactor runs once per process: the crawl gets its own.
    proc = subprocess.run([sys.executable, "-m", "monitor.cli", "demo", "--no-serve", "--db", str(db)],
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return db


@pytest.mark.parametrize("since, until", [("2024-08-01", "2024-09-30"), ("2024-08-14", "2024-08-20")])
def test_excel_export_matches_the_stored_mentions(demo_db, tmp_path, since, until):
    out = tmp_path / "b.csv"
    result = CliRunner().invoke(cli, ["export", "--db", str(demo_db), "--since", since, "--until", until,
                                      "--excel", "-o", str(out)])
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\n") == raw.count(b"\r\n")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == DOCUMENTED
    conn = sqlite3.connect(demo_db)
    # The demo outlet is WITA and stores outlet-local days, so the window is a plain day range here.
    expected = conn.execute(
        "select count(*) from mentions m join articles a on a.id = m.article_id "
        "where a.published_day between ? and ?", [since, until]).fetchone()[0]
    assert expected > 0
    assert len(rows) - 1 == expected
    # Indonesian typography survives the round trip: every stored sentence with curly quotes is in the file.
    curly = {r[0] for r in conn.execute(
        "select m.sentence from mentions m join articles a on a.id = m.article_id "
        "where a.published_day between ? and ? and m.sentence like '%”%'", [since, until])}
    exported = {r[DOCUMENTED.index("sentence")] for r in rows[1:]}
    assert curly and curly <= exported
    assert re.search("“|”", raw.decode("utf-8-sig"))
