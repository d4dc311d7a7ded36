"""The dashboard and two canned queries in a real headless Chromium (Debian's
package), served by `monitor serve` on loopback: charts drawn, no console errors,
nothing fetched from anywhere but 127.0.0.1. Screenshots go to test-artifacts/."""
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from test_datasette import REGION_A, build_db

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium (apt-get install chromium)")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = build_db(tmp_path_factory.mktemp("browser") / "tiny.db")
    port = free_port()
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "monitor.cli", "serve", "--db", str(db), "--port", str(port)],
        cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/robots.txt", timeout=1)
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(f"monitor serve exited: {proc.stdout.read().decode()}")
                time.sleep(0.1)
        else:
            pytest.fail("monitor serve did not answer within 10 s")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser_page(server, tmp_path_factory):
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=FLAGS,
            viewport={"width": 1280, "height": 1000},
        )
        page = context.new_page()
        problems = []
        page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: problems.append(f"failed: {r.url} {r.failure}"))
        page.on("request", lambda r: urlparse(r.url).hostname not in ("127.0.0.1", None)
                and r.url.split(":")[0] in ("http", "https") and problems.append(f"off-host: {r.url}"))
        yield page, problems
        context.close()


def screenshot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def marks(page, chart, selector=None):
    """Number of drawn marks (lines, points, bars) in a chart's SVG."""
    box = selector or f"#chart-{chart}"
    page.wait_for_selector(f"{box} svg .role-mark", timeout=15000)
    return page.eval_on_selector_all(
        f"{box} svg .role-mark path, {box} svg .role-mark line",
        "els => els.filter(e => (e.getAttribute('d') || e.tagName === 'line')).length",
    )


CHARTS = ["mentions_over_time", "share_of_voice", "top_quoted", "article_volume"]


def test_dashboard_from_home_page_draws_every_chart(server, browser_page):
    page, problems = browser_page
    page.goto(server + "/")
    page.click('a[href="/-/dashboards/pilkada"]')
    page.wait_for_url(server + "/-/dashboards/pilkada")
    counts = {chart: marks(page, chart) for chart in CHARTS}
    page.wait_for_load_state("networkidle")
    screenshot(page, "dashboard")
    assert all(counts.values()), counts
    assert problems == []


def test_dashboard_filtered_by_region(server, browser_page):
    page, problems = browser_page
    page.goto(server + "/-/dashboards/pilkada")
    page.select_option("#region", REGION_A)
    page.fill("#date_start", "2024-06-20")
    page.click('input[type="submit"]')
    page.wait_for_url("**region=*")
    legend = page.wait_for_selector("#chart-mentions_over_time svg .role-legend")
    page.wait_for_load_state("networkidle")
    screenshot(page, "dashboard-region")
    text = legend.text_content()
    assert "Andi Makmur" in text and "Eka Putri" not in text
    assert marks(page, "mentions_over_time") > 0
    assert problems == []


@pytest.mark.parametrize("query, params, first_cell", [
    ("mentions_per_candidate_per_day", "?region=73.99", "2024-06-25"),
    ("share_of_voice_by_outlet", "", "Kabar A"),
])
def test_canned_query_page(server, browser_page, query, params, first_cell):
    page, problems = browser_page
    page.goto(server + f"/monitor/{query}{params}")
    page.wait_for_selector("table.rows-and-columns tbody tr")
    drawn = marks(page, None, "#monitor-chart")
    page.wait_for_load_state("networkidle")
    screenshot(page, query)
    assert drawn > 0
    assert page.inner_text("table.rows-and-columns tbody tr td") == first_cell
    csv_link = page.get_attribute(f'a[href^="/monitor/{query}.csv"]', "href")
    assert csv_link
    response = page.request.get(server + csv_link)
    assert response.ok and response.text().splitlines()[1].startswith(first_cell)
    assert problems == []
