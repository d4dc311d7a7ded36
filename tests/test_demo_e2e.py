"""The walking skeleton, end to end: `monitor demo --no-serve` crawls the bundled demo
outlet over loopback (real server, real Scrapy crawl, real extraction and NLP) into a
database, and Datasette answers a query over it."""
import asyncio
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from monitor.demo.site import DEFAULT_ARTICLES, load_articles

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    proc = subprocess.run(
        [sys.executable, "-m", "monitor.cli", "demo", "--no-serve", "--db", str(db)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return db, proc.stderr


def test_every_demo_article_is_stored_once(demo_db):
    db, _ = demo_db
    posts = load_articles(DEFAULT_ARTICLES)
    assert len(posts) >= 40
    conn = sqlite3.connect(db)
    rows = conn.execute("select canonical_url, title, published, text from articles").fetchall()
    assert len(rows) == len(posts)
    assert len({r[0] for r in rows}) == len(rows)
    assert {r[1] for r in rows} == {p.title for p in posts}
    for url, title, published, text in rows:
        assert published and published.endswith("+08:00"), (url, published)
        assert len(text.split()) > 50, url
        assert "baca juga" not in text.lower(), url


def test_publication_dates_match_the_sources(demo_db):
    db, _ = demo_db
    posts = {p.title: p.date.isoformat() for p in load_articles(DEFAULT_ARTICLES)}
    conn = sqlite3.connect(db)
    for title, published in conn.execute("select title, published from articles"):
        assert published[:16] == posts[title][:16], title


def test_demo_run_is_recorded_and_summarised(demo_db):
    db, stderr = demo_db
    conn = sqlite3.connect(db)
    (outlet, status, new), = conn.execute("select outlet_id, status, new_articles from crawl_runs").fetchall()
    assert (outlet, status) == ("demo", "ok")
    assert new == len(load_articles(DEFAULT_ARTICLES))
    assert "demo: ok" in stderr


def test_mentions_and_quotes_were_found(demo_db):
    db, _ = demo_db
    conn = sqlite3.connect(db)
    assert conn.execute("select count(*) from mentions where kind = 'party'").fetchone()[0] > 40
    assert conn.execute("select count(*) from mentions where kind = 'person'").fetchone()[0] > 100
    assert conn.execute("select count(*) from quotes where speaker is not null").fetchone()[0] > 40


def test_every_demo_candidate_is_linked(demo_db):
    """The demo's fictional pairs join the registry, so the candidate charts have data."""
    db, _ = demo_db
    from monitor.demo.server import DEMO_GAZETTEER

    pairs = [json.loads(line) for line in (DEMO_GAZETTEER / "paslon.jsonl").read_text().splitlines()]
    bontolangi = {f"{p['id_paslon']}-{pos}" for p in pairs if p["wilayah"] == "BONTOLANGI" for pos in ("calon", "wakil")}
    conn = sqlite3.connect(db)
    linked = {r[0] for r in conn.execute("select distinct candidate_id from mentions where candidate_id is not null")}
    assert linked == bontolangi


def test_datasette_answers_over_the_result(demo_db):
    from monitor.serve import DB_NAME, build_datasette

    db, _ = demo_db

    async def query():
        ds = build_datasette(db)
        response = await ds.client.get(
            f"/{DB_NAME}/articles.json",
            params={"_search": "Bontolangi", "_shape": "array", "_col": "title", "_size": "max"},
        )
        return response.status_code, response.json()

    status, rows = asyncio.run(query())
    assert status == 200
    assert len(rows) > 10
    assert all(row["title"] for row in rows)
