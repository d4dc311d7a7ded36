"""`monitor reprocess`: stored HTML -> the real extract/analyze functions -> mentions replaced, never duplicated."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli import cli
from monitor.extract import extract_article
from monitor.nlp import PIPELINE_VERSION, analyze, build_nlp, pipeline_version
from monitor.nlp.gazetteer import _digest
from monitor.outlets import Outlet
from monitor.reprocess import reprocess
from monitor.store import Store

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "files" / "reprocess"
GAZETTEER = ROOT / "monitor" / "nlp" / "data"
OUTLET = Outlet(id="kabar", name="Kabar Bontolangi", base_url="http://kabar.test/", timezone="WITA",
                regency="BONTOLANGI", province="SULAWESI SELATAN")

# Runs the CLI with every socket refused, so a network access fails the command.
NO_NETWORK = """
import socket, sys
def refuse(*a, **k):
    raise OSError("network access during reprocess")
class NoSocket(socket.socket):
    def __init__(self, *a, **k):
        refuse()
socket.socket = NoSocket
socket.create_connection = refuse
socket.getaddrinfo = refuse
from monitor.cli import cli
cli(sys.argv[1:], prog_name="monitor")
"""


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def crawl_like(db_path, nlp, version=None):
    """Store the test pages the way the crawl pipelines do (extract -> analyse -> Store)."""
    store = Store(db_path)
    store.upsert_outlet(OUTLET)
    batch = []
    for path in sorted(PAGES.glob("*.html")):
        html = path.read_text(encoding="utf-8")
        article = extract_article(html, f"http://kabar.test/{path.stem}/", timezone="WITA", outlet=OUTLET,
                                  fetched_at="2024-06-27T00:00:00+00:00")
        page = {"outlet_id": OUTLET.id, "url": f"http://kabar.test/{path.stem}/",
                "canonical_url": article.canonical_url, "html": html, "fetched_at": "2024-06-27T00:00:00+00:00",
                "discovered_via": "sitemap"}
        batch.append((page, article, analyze(article.title, article.text, region=OUTLET.regency, nlp=nlp),
                      version or pipeline_version()))
    store.save_articles(batch)
    store.close()


def mentions(db_path):
    store = Store(db_path)
    try:
        return store.db.execute(
            "select m.article_id, m.kind, coalesce(m.party_id, p.name), m.surface, m.start, m.in_title, "
            "m.pipeline_version from mentions m left join people p on p.id = m.person_id order by 1, 6 desc, 5, 2, 3"
        ).fetchall()
    finally:
        store.close()


def assert_no_duplicates(rows):
    keys = [r[:6] for r in rows]
    assert len(keys) == len(set(keys))


def modified_gazetteer(tmp_path, party_id, alias):
    data = tmp_path / "gazetteer"
    shutil.copytree(GAZETTEER, data)
    parties = [json.loads(line) for line in (data / "parties.jsonl").read_text(encoding="utf-8").splitlines() if line]
    for party in parties:
        if party["id"] == party_id:
            party["variants"].append(alias)
    (data / "parties.jsonl").write_text(
        "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in parties), encoding="utf-8"
    )
    return data


def run_offline(*args, env=None):
    return subprocess.run(
        [sys.executable, "-c", NO_NETWORK, *map(str, args)], capture_output=True, text=True, cwd=ROOT,
        # (an in-process demo run of an earlier test may have left the demo gazetteer in os.environ)
        env={**{k: v for k, v in os.environ.items() if k != "MONITOR_EXTRA_GAZETTEER"}, "PYTHONPATH": str(ROOT),
             **(env or {})}, timeout=300,
    )


def test_new_party_alias_reaches_stored_articles_offline(tmp_path, nlp):
    db = tmp_path / "m.db"
    crawl_like(db, nlp, version="old-version")
    before = mentions(db)
    assert not [r for r in before if r[1] == "party" and r[3] == "Partai Kuning"]
    gazetteer = modified_gazetteer(tmp_path, "GOLKAR", "Partai Kuning")

    result = run_offline("reprocess", "--db", db, env={"MONITOR_GAZETTEER_DIR": str(gazetteer)})
    expected = f"{PIPELINE_VERSION}+{_digest(str(gazetteer), '')}"  # the version records the gazetteer used
    assert result.returncode == 0, result.stderr
    after = mentions(db)
    kuning = [r for r in after if r[1] == "party" and r[3] == "Partai Kuning"]
    # Once in the first title, twice in its text; once in the second title, twice in its text.
    assert len(kuning) == 6
    assert {r[2] for r in kuning} == {"GOLKAR"}
    assert_no_duplicates(after)
    # What did not depend on the alias is still there, once.
    old_golkar = {r[:6] for r in before if r[1] == "party" and r[2] == "GOLKAR"}
    assert old_golkar <= {r[:6] for r in after}
    assert {r[6] for r in after} == {expected}
    store = Store(db)
    versions = store.db.execute("select distinct pipeline_version from articles").fetchall()
    quote_versions = store.db.execute("select distinct pipeline_version from quotes").fetchall()
    store.close()
    assert versions == [(expected,)] and quote_versions == [(expected,)]
    assert result.stderr.splitlines()[-1] == (
        f"2 of 2 articles reprocessed, 0 no longer read as articles, 0 failed; "
        f"mentions {len(before)} -> {len(after)}"
    )

    # Again: same mentions, not twice as many.
    again = run_offline("reprocess", "--db", db, "--stage", "nlp", env={"MONITOR_GAZETTEER_DIR": str(gazetteer)})
    assert again.returncode == 0, again.stderr
    assert mentions(db) == after


def test_stale_only_skips_current_articles(tmp_path, nlp):
    db = tmp_path / "m.db"
    crawl_like(db, nlp)
    result = CliRunner().invoke(cli, ["reprocess", "--db", str(db), "--stale-only"])
    assert result.exit_code == 0
    assert result.stderr == "0 of 0 articles reprocessed, 0 no longer read as articles, 0 failed; mentions 0 -> 0\n"


def test_since_selects_by_outlet_local_day(tmp_path, nlp):
    db = tmp_path / "m.db"
    crawl_like(db, nlp, version="old")
    # The second page is 2024-06-26 14:05 WITA; the first 2024-06-25.
    result = CliRunner().invoke(cli, ["reprocess", "--db", str(db), "--since", "2024-06-26", "--stage", "nlp"])
    assert result.exit_code == 0, result.output
    store = Store(db)
    rows = store.db.execute("select published_day, pipeline_version from articles order by 1").fetchall()
    store.close()
    assert rows == [("2024-06-25", "old"), ("2024-06-26", pipeline_version())]


def test_a_page_that_no_longer_extracts_keeps_its_data(tmp_path, nlp):
    db = tmp_path / "m.db"
    crawl_like(db, nlp, version="old")
    store = Store(db)
    import gzip

    first = store.db.execute("select id from articles order by id limit 1").fetchone()[0]
    store.db["articles"].update(first, {"html_gz": gzip.compress(b"<html><body><p>404</p></body></html>")})
    count = store.db.execute("select count(*) from mentions where article_id = ?", [first]).fetchone()[0]
    store.close()
    result = CliRunner().invoke(cli, ["reprocess", "--db", str(db)])
    assert result.exit_code == 0
    assert result.stderr.endswith("1 of 2 articles reprocessed, 1 no longer read as articles, 0 failed; "
                                  f"mentions {len(mentions(db))} -> {len(mentions(db))}\n")
    store = Store(db)
    assert store.db.execute("select count(*), max(pipeline_version) from mentions where article_id = ?",
                            [first]).fetchone() == (count, "old")
    store.close()


def test_missing_database_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["reprocess", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert result.stderr == f"Error: no database at {tmp_path / 'none.db'}: nothing to reprocess\n"
    assert not (tmp_path / "none.db").exists()


@pytest.mark.parametrize("stage, title_after", [
    ("all", "PDI Perjuangan dan Partai Kuning Jajaki Koalisi di Bontolangi"),  # extracted again from the HTML
    ("nlp", "stale title"),  # analysis only: the stored extraction stays
])
def test_stage_all_extracts_again_from_stored_html(tmp_path, nlp, stage, title_after):
    db = tmp_path / "m.db"
    crawl_like(db, nlp, version="old")
    store = Store(db)
    store.db.execute("update articles set title = 'stale title', section = 'x' where published_day = '2024-06-26'")
    store.db.conn.commit()
    store.close()
    result = CliRunner().invoke(cli, ["reprocess", "--db", str(db), "--stage", stage])
    assert result.exit_code == 0, result.output
    store = Store(db)
    row = store.db.execute("select title, discovered_via, fetched_at, pipeline_version from articles "
                           "where published_day = '2024-06-26'").fetchone()
    store.close()
    assert row == (title_after, "sitemap", "2024-06-27T00:00:00+00:00", pipeline_version())


def test_a_gazetteer_edit_makes_articles_stale(tmp_path, nlp, monkeypatch):
    # The recorded version covers the gazetteers: after a party list edit, --stale-only redoes everything.
    db = tmp_path / "m.db"
    crawl_like(db, nlp)
    edited = tmp_path / "gaz"
    shutil.copytree(Path(__file__).resolve().parents[1] / "monitor" / "nlp" / "data", edited)
    with open(edited / "parties.jsonl", "a", encoding="utf-8") as f:
        f.write("\n")
    before = pipeline_version()
    monkeypatch.setattr("monitor.nlp.gazetteer.DATA", edited)
    assert pipeline_version() != before
    res = reprocess(db, stale_only=True, registry=None, nlp=nlp)
    assert res.selected == res.updated == len(list(PAGES.glob("*.html")))
