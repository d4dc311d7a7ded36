import gzip
import sqlite3

import pytest

from db.schema import MIGRATIONS, ensure_schema, schema_version
from monitor.extract.article import Article
from monitor.outlets import Outlet
from monitor.store import Store, StoreError, text_fingerprint


def article(title, text, published="2024-06-25T10:00:00+08:00"):
    return Article(title=title, text=text, published=published)


def outlet(**fields):
    return Outlet(**{"id": "demo", "name": "Demo", "base_url": "http://127.0.0.1:1/", "timezone": "WITA", **fields})


ANALYSIS = {
    "people": [{"name": "Andi Makmur", "variants": ["Andi"], "candidate": None}],
    "mentions": [
        {"kind": "person", "key": "Andi Makmur", "text": "Andi Makmur", "start": 0, "end": 11,
         "in_title": False, "in_lead": True, "sentence": "Andi Makmur hadir.", "role": "juru bicara"},
    ],
    "quotes": [{"speaker": "Andi Makmur", "text": "Kami siap", "direct": True, "cue": "ujar"}],
}


def page(url="http://x/2024/06/25/a/"):
    return {"outlet_id": "demo", "url": url, "canonical_url": url, "html": "<p>x</p>",
            "fetched_at": "2024-06-25T03:00:00+00:00"}


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "t.db")
    s.upsert_outlet(outlet())
    yield s
    s.close()


def test_schema_is_current_and_idempotent(tmp_path):
    s = Store(tmp_path / "t.db")
    ensure_schema(s.db)
    assert schema_version(s.db) == len(MIGRATIONS)
    assert s.db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_resaving_an_article_replaces_its_mentions(store):
    batch = [(page(), article("Judul", "Andi Makmur hadir."), ANALYSIS, "v1")]
    assert store.save_articles(batch) == {"new": 1, "updated": 0}
    assert store.save_articles(batch) == {"new": 0, "updated": 1}
    assert store.db["articles"].count == 1
    assert store.db["mentions"].count == 1
    assert store.db["quotes"].count == 1
    row = next(store.db["articles"].rows)
    assert row["published_day"] == "2024-06-25"
    assert gzip.decompress(row["html_gz"]) == b"<p>x</p>"


def test_known_urls_and_duplicates(store):
    store.save_articles([(page(), article("Judul", "Sama persis."), {}, "v1")])
    assert list(store.known_urls("demo")) == ["http://x/2024/06/25/a/"]
    fp = text_fingerprint("sama  persis")
    assert store.find_duplicate("demo", "http://x/other/", fp)
    assert store.find_duplicate("demo", "http://x/2024/06/25/a/", fp) is None


def test_not_a_database_is_one_clear_error(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_text("this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a usable SQLite database"):
        Store(bad)


def test_locked_database_is_one_clear_error(tmp_path):
    path = tmp_path / "t.db"
    Store(path).close()
    store = Store(path, timeout=0.1)
    store.upsert_outlet(outlet())
    blocker = sqlite3.connect(path)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="cannot write to .*database is locked"):
            store.save_articles([(page(), article("Judul", "Teks."), {}, "v1")])
    finally:
        blocker.rollback()
        blocker.close()


def test_person_linked_to_a_candidate_in_a_later_article(store):
    store.db["candidates"].insert({"id": "1-calon", "id_paslon": "1", "position": "calon", "name": "Andi Makmur"})
    store.save_articles([(page(), article("A", "Andi Makmur hadir."), ANALYSIS, "v1")])
    linked = {**ANALYSIS, "people": [{"name": "Andi Makmur", "variants": [],
                                      "candidate": {"id_paslon": "1", "position": "calon"}}]}
    store.save_articles([(page("http://x/b/"), article("B", "Andi Makmur lagi."), linked, "v1")])
    (candidate_id,), = store.db.execute("select candidate_id from people where name = 'Andi Makmur'").fetchall()
    assert candidate_id == "1-calon"


def test_a_run_left_running_is_marked_interrupted_by_the_next(store):
    # The first crawl died before recording its end; the next crawl of the outlet closes its row.
    store.upsert_outlet(outlet(id="lain", base_url="http://127.0.0.1:2/"))
    dead = store.start_run("run-1", "demo")
    other = store.start_run("run-1", "lain")
    store.start_run("run-2", "demo")
    rows = {r[0]: r[1:] for r in store.db.execute("select id, status, finished is not null from crawl_runs")}
    assert rows[dead] == ("interrupted", 1)
    assert rows[other] == ("running", 0)
