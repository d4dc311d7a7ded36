"""jurnalisbicara.com through `scrapy crawl jurnalisbicara`, against a fixture in its house style.

No real page of the site is available offline: tests/files/jurnalisbicara/site is a fictional
copy of its layout (Yoast-style sitemaps, a Newspaper-style theme, the dateline
`KAB.JENEPONTO, jurnalisbicara.com –`, `Baca Juga :` lines, a photo caption opening the body,
`(Name).**` sign-offs, quotes opened with ”), served on loopback.
"""
from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from crawl_support import ROOT
from monitor.demo.server import start_server

SITE = Path(__file__).resolve().parent / "files" / "jurnalisbicara" / "site"
SLUGS = [
    "relawan-kukuhkan-tim-desa-jelang-pilkada-jeneponto",
    "bawaslu-jeneponto-awasi-coklit-di-kecamatan-bangkala",
    "pasangan-bakal-calon-temui-petani-rumput-laut-di-tamalatea",
]


def scrapy_crawl(url: str, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "jurnalisbicara", "-a", f"base_url={url}", "-a", "since=2024-06-01",
         "-s", f"MONITOR_DB={db}", "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "LOG_LEVEL=WARNING"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    db = tmp_path_factory.mktemp("jb") / "m.db"
    with start_server(SITE) as server:
        first = scrapy_crawl(server.url, db)
        seen = list(server.requests)
        second = scrapy_crawl(server.url, db)
        rerun = server.requests[len(seen):]
    assert first.returncode == 0 and second.returncode == 0, first.stderr[-3000:] + second.stderr[-3000:]
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    yield {"db": conn, "seen": seen, "rerun": rerun, "url": server.url}
    conn.close()


def test_every_story_is_stored_under_the_registry_outlet(crawled):
    rows = crawled["db"].execute("select * from articles order by published").fetchall()
    assert [r["url"] for r in rows] == [f"{crawled['url']}{s}/" for s in SLUGS]
    assert {r["outlet_id"] for r in rows} == {"jurnalisbicara"}
    outlet = crawled["db"].execute("select * from outlets").fetchone()
    assert (outlet["id"], outlet["timezone"], outlet["province"], outlet["regency"]) == (
        "jurnalisbicara", "WITA", "SULAWESI SELATAN", "KABUPATEN JENEPONTO")


def test_house_style_comes_out_clean(crawled):
    row = crawled["db"].execute("select * from articles where url like ?", [f"%{SLUGS[0]}/"]).fetchone()
    assert row["title"] == "Relawan Kukuhkan Tim Desa Jelang Pilkada Jeneponto"
    assert row["published"] == "2024-06-24T17:40:11+08:00"  # WITA, as the outlet prints it
    assert row["dateline"].startswith("KAB.JENEPONTO")
    assert "Baca Juga" not in row["text"] and ".**" not in row["text"]
    assert row["text"].startswith("Menjelang tahapan pencalonan Pilkada serentak 2024")


def test_only_stories_are_fetched_and_a_rerun_fetches_none(crawled):
    seen, rerun = crawled["seen"], crawled["rerun"]
    stories = [p for p in seen if p.strip("/") in SLUGS]
    assert sorted(stories) == sorted(f"/{s}/" for s in SLUGS)
    # Pages, categories, `Baca Juga` targets and comment replies are never asked for.
    for path in ("/page-sitemap.xml", "/category-sitemap.xml", "/redaksi/", "/rembuk-warga-bahas-air-bersih-di-kelara/"):
        assert path not in seen
    assert not any("replytocom" in p for p in seen + rerun)
    assert not [p for p in rerun if p.strip("/") in SLUGS] and len(rerun) <= 5
    runs = crawled["db"].execute("select status, new_articles, message from crawl_runs order by id").fetchall()
    assert [(r["status"], r["new_articles"]) for r in runs] == [("ok", 3), ("ok", 0)]
    assert runs[0]["message"].startswith(f"via sitemap {crawled['url']}sitemap_index.xml")
