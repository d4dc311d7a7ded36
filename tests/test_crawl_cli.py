"""`monitor crawl` with no --outlet: every enabled registry outlet, in one process, side by side."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from crawl_support import ROOT, render, runs, stored_urls
from monitor.demo.server import start_server
from monitor.outlets import Outlet, append_outlet

JB_SITE = Path(__file__).resolve().parent / "files" / "jurnalisbicara" / "site"


def test_registry_crawl_runs_enabled_outlets_concurrently(tmp_path):
    site = render(tmp_path, 4)
    registry = tmp_path / "outlets.toml"
    with start_server(site, rest=True) as a, start_server(site, rest=False) as b, \
            start_server(JB_SITE) as jb, start_server(site) as off:
        append_outlet(Outlet.from_url(a.url, id="kabar-a", timezone="WITA"), registry)
        append_outlet(Outlet.from_url(b.url, id="kabar-b", timezone="WITA"), registry)
        append_outlet(Outlet(id="jurnalisbicara", name="Jurnalis Bicara", base_url=jb.url, timezone="WITA",
                             kind="jurnalisbicara", province="SULAWESI SELATAN"), registry)
        append_outlet(Outlet.from_url(off.url, id="kabar-off", enabled=False), registry)
        db = tmp_path / "m.db"
        proc = subprocess.run(
            [sys.executable, "-m", "monitor.cli", "crawl", "--registry", str(registry), "--db", str(db),
             "--since", "2024-06-01", "--log-level", "WARNING"],
            cwd=ROOT, capture_output=True, text=True, timeout=300,
            env={**os.environ, "MONITOR_LOG_DIR": str(tmp_path / "logs")},
        )
        counts = {"kabar-a": len(a.requests), "kabar-b": len(b.requests), "jurnalisbicara": len(jb.requests)}
        assert off.requests == []
    assert proc.returncode == 0, proc.stderr[-3000:]
    rows = runs(db)
    assert {r["outlet_id"]: (r["status"], r["requests"]) for r in rows} == {
        oid: ("ok", n) for oid, n in counts.items()}
    assert len({r["run_id"] for r in rows}) == 1
    assert {r["outlet_id"]: r["new_articles"] for r in rows} == {"kabar-a": 4, "kabar-b": 4, "jurnalisbicara": 3}
    assert len(stored_urls(db)) == 11
    # One process, outlets side by side: every outlet's crawl started before any other finished.
    starts = [r["started"] for r in rows]
    finishes = [r["finished"] for r in rows]
    assert max(starts) <= min(finishes)
