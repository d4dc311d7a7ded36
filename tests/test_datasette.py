"""The Datasette publication over a tiny hand-made database: metadata, canned
queries and their CSV, the dashboard's chart queries, and read-only serving."""
import asyncio
import csv
import io
import sqlite3
from urllib.parse import urlencode

import pytest
import yaml
from click.testing import CliRunner

from monitor.cli import cli
from monitor.extract.article import Article
from monitor.serve import METADATA, build_datasette
from monitor.store import Store

REGION_A, REGION_B = "KABUPATEN BONTOLANGI", "KOTA TELUK"
PAIRS = [
    # id_paslon, kode_wilayah, wilayah, nomor_urut, head, deputy
    ("T1", "73.99", REGION_A, 1, "Andi Makmur", "Budi Santoso"),
    ("T2", "73.99", REGION_A, 2, "Citra Lestari", "Dedi Rahman"),
    ("T3", "73.98", REGION_B, 1, "Eka Putri", "Fajar Hidayat"),
]
CANDIDATE = {p[4]: {"id_paslon": p[0], "position": "calon"} for p in PAIRS}
PARTIES = [("golkar", 4, "Partai Golongan Karya", "GOLKAR"), ("pdip", 3, "PDI Perjuangan", "PDIP"),
           ("nasdem", 5, "Partai NasDem", "NASDEM")]
OUTLETS = [  # id, name, province, regency, enabled
    ("a", "Kabar A", "SULAWESI SELATAN", "BONTOLANGI", 1),
    ("b", "Warta B", "SULAWESI SELATAN", "TELUK", 1),
    ("c", "Suara C", "SULAWESI SELATAN", "BONTOLANGI", 1),
    ("d", "Baru D", "SULAWESI SELATAN", "TELUK", 1),
    ("e", "Lama E", "SULAWESI SELATAN", "TELUK", 0),
]
# outlet, day, people mentioned (name, times, in_title), parties, quotes (speaker, direct)
ARTICLES = [
    ("a", "2024-06-25", [("Andi Makmur", 2, True), ("Citra Lestari", 1, False)], ["golkar"],
     [("Andi Makmur", True)]),
    ("b", "2024-06-25", [("Andi Makmur", 1, False)], ["pdip"],
     [("Hasan Basri", True), ("Hasan Basri", False)]),
    ("a", "2024-06-24", [("Citra Lestari", 2, False), ("Eka Putri", 1, False)], ["golkar"],
     [("Citra Lestari", True)]),
    ("b", "2024-06-23", [("Eka Putri", 1, False), ("Hasan Basri", 3, False)], [], []),
    ("c", "2024-06-20", [("Andi Makmur", 1, False)], [], []),
]


def analysis(people, parties, quotes):
    result = {"people": [], "mentions": [], "quotes": []}
    for name, times, in_title in people:
        result["people"].append({"name": name, "variants": [name.split()[0]],
                                 "candidate": CANDIDATE.get(name)})
        for i in range(times):
            result["mentions"].append({
                "kind": "person", "key": name, "text": name, "start": 0, "end": len(name),
                "in_title": in_title and i == 0, "in_lead": i == 0, "sentence": f"{name} hadir.",
                "role": None if name in CANDIDATE else "pengamat", "candidate": CANDIDATE.get(name),
            })
    for party in parties:
        result["mentions"].append({"kind": "party", "key": party, "text": party.upper(), "start": 0,
                                   "end": len(party), "in_title": False, "in_lead": False,
                                   "sentence": f"{party.upper()} mendukung.", "role": None})
    for speaker, direct in quotes:
        result["quotes"].append({"speaker": speaker, "text": f"Kata {speaker}", "direct": direct,
                                 "cue": "ujarnya"})
    return result


def build_db(path):
    """A tiny database: 3 KPU pairs in 2 regions, 5 outlets, 5 articles over 5 days."""
    store = Store(path)
    db = store.db
    with db.conn:
        db["parties"].upsert_all([dict(id=i, number=n, name=name, kpu_acronym=acr, aceh_local=0)
                                  for i, n, name, acr in PARTIES], pk="id")
        db["regions"].upsert_all([dict(kode_wilayah=k, name=w, provinsi="SULAWESI SELATAN",
                                       level="bupati") for _, k, w, *_ in PAIRS], pk="kode_wilayah")
        db["candidates"].upsert_all([
            dict(id=f"{pid}-{pos}", id_paslon=pid, position=pos, name=name, raw_name=name.upper(),
                 kode_wilayah=k, wilayah=w, provinsi="SULAWESI SELATAN", level="bupati",
                 nomor_urut=n, pair_name=f"{head} - {deputy}")
            for pid, k, w, n, head, deputy in PAIRS
            for pos, name in (("calon", head), ("wakil", deputy))
        ], pk="id")
        db["outlets"].upsert_all([dict(id=i, name=n, base_url=f"http://127.0.0.1:1/{i}/", province=p,
                                       regency=r, timezone="WITA", kind="wordpress", enabled=e)
                                  for i, n, p, r, e in OUTLETS], pk="id")
    batch = []
    for number, (outlet, day, people, parties, quotes) in enumerate(ARTICLES, start=1):
        url = f"http://127.0.0.1:1/{outlet}/{day}/berita-{number}/"
        page = {"outlet_id": outlet, "url": url, "canonical_url": url, "html": "<p>x</p>",
                "fetched_at": f"{day}T03:00:00+00:00", "discovered_via": "feed"}
        names = " dan ".join(p[0] for p in people)
        article = Article(title=f"Berita {number}: {names}", text=f"Isi berita {number} tentang {names}.",
                          published=f"{day}T{8 + number:02d}:00:00+08:00")
        batch.append((page, article, analysis(people, parties, quotes), "test"))
    store.save_articles(batch)
    store.start_run("r1", "c")
    store.close()
    return path


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    return build_db(tmp_path_factory.mktemp("datasette") / "tiny.db")


@pytest.fixture(scope="module")
def loop():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


@pytest.fixture(scope="module")
def ds(db_path):
    return build_datasette(db_path)


def get(loop, ds, path):
    return loop.run_until_complete(ds.client.get(path))


def rows(loop, ds, query, **params):
    response = get(loop, ds, f"/monitor/{query}.json?" + urlencode({**params, "_shape": "array"}))
    assert response.status_code == 200, response.text
    return response.json()


METADATA_DICT = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
QUERIES = METADATA_DICT["databases"]["monitor"]["queries"]
CHARTS = METADATA_DICT["plugins"]["datasette-dashboards"]["pilkada"]["charts"]


def test_every_table_and_column_has_two_language_descriptions(db_path):
    conn = sqlite3.connect(db_path)
    tables = [r[0] for r in conn.execute(
        "select name from sqlite_master where type = 'table' and name not like 'articles_fts%'")]
    described = METADATA_DICT["databases"]["monitor"]["tables"]
    assert sorted(described) == sorted(tables)
    for table in tables:
        meta = described[table]
        assert " / " in meta["title"] and " / " in meta["description"], table
        columns = [r[1] for r in conn.execute(f"pragma table_info([{table}])")]
        assert sorted(meta["columns"]) == sorted(columns), table
        assert all(" / " in text for text in meta["columns"].values()), table


def test_default_facets_are_indexed(db_path):
    # A facet without an index is a full scan on every page view of a million rows.
    conn = sqlite3.connect(db_path)
    for table, meta in METADATA_DICT["databases"]["monitor"]["tables"].items():
        if table in ("candidates", "regions", "parties", "outlets"):
            continue  # registries: a few thousand rows at most
        leading = {conn.execute(f"pragma index_info([{idx[1]}])").fetchone()[2]
                   for idx in conn.execute(f"pragma index_list([{table}])")}
        for facet in meta.get("facets", []):
            assert facet in leading, (table, facet)


@pytest.mark.parametrize("query, params, expected", [
    ("todays_coverage", {}, [
        {"outlet": "Warta B", "candidates": "Andi Makmur", "people_mentions": 1, "quotes": 2},
        {"outlet": "Kabar A", "candidates": "Andi Makmur; Citra Lestari", "people_mentions": 3, "quotes": 1},
    ]),
    ("todays_coverage", {"day": "2024-06-24", "candidate": "Eka"}, [
        {"outlet": "Kabar A", "candidates": "Citra Lestari; Eka Putri", "people_mentions": 3, "quotes": 1},
    ]),
    ("todays_coverage", {"party": "PDIP"}, [{"outlet": "Warta B"}]),
    ("todays_coverage", {"region": "TELUK"}, [{"outlet": "Warta B"}]),
    ("mentions_per_candidate_per_day", {"date_from": "2024-06-24", "region": "73.99"}, [
        {"day": "2024-06-25", "candidate": "Andi Makmur", "mentions": 3, "articles": 2},
        {"day": "2024-06-25", "candidate": "Citra Lestari", "mentions": 1, "articles": 1},
        {"day": "2024-06-24", "candidate": "Citra Lestari", "mentions": 2, "articles": 1},
    ]),
    ("mentions_per_candidate_per_day", {"party": "golkar", "candidate": "Andi"}, [
        {"day": "2024-06-25", "candidate": "Andi Makmur", "mentions": 2, "articles": 1},
    ]),
    ("mentions_per_candidate_per_day", {"date_from": "2024-06-01", "date_to": "2024-06-20"}, [
        {"day": "2024-06-20", "candidate": "Andi Makmur", "mentions": 1},
    ]),
    ("share_of_voice_by_outlet", {}, [
        {"outlet": "Kabar A", "candidate": "Citra Lestari", "mentions": 3, "share_pct": 50.0},
        {"outlet": "Kabar A", "candidate": "Andi Makmur", "mentions": 2, "share_pct": 33.3},
        {"outlet": "Kabar A", "candidate": "Eka Putri", "mentions": 1, "share_pct": 16.7},
        {"outlet": "Suara C", "candidate": "Andi Makmur", "mentions": 1, "share_pct": 100.0},
        {"outlet": "Warta B", "candidate": "Andi Makmur", "mentions": 1, "share_pct": 50.0},
        {"outlet": "Warta B", "candidate": "Eka Putri", "mentions": 1, "share_pct": 50.0},
    ]),
    ("most_mentioned_people", {}, [
        {"rank": 1, "person": "Andi Makmur", "mentions": 4, "articles": 3, "quotes": 1},
        {"rank": 2, "person": "Citra Lestari", "mentions": 3, "quotes": 1},
        {"rank": 2, "person": "Hasan Basri", "mentions": 3, "quotes": 2, "candidate": None},
        {"rank": 4, "person": "Eka Putri", "mentions": 2, "quotes": 0},
    ]),
    ("most_quoted_people", {}, [
        {"rank": 1, "person": "Hasan Basri", "quotes": 2, "direct": 1, "mentions": 3},
        {"rank": 2, "person": "Andi Makmur", "quotes": 1, "mentions": 4},
        {"rank": 2, "person": "Citra Lestari", "quotes": 1, "mentions": 3},
    ]),
    ("most_quoted_people", {"region": "TELUK"}, [
        {"rank": 1, "person": "Hasan Basri", "quotes": 2, "mentions": 3},
    ]),
    ("quotes_of_person", {"person": "hasan"}, [
        {"speaker": "Hasan Basri", "quote": "Kata Hasan Basri", "direct": 1, "outlet": "Warta B"},
        {"speaker": "Hasan Basri", "direct": 0},
    ]),
    ("parties_with_candidate_pairs", {}, [
        {"pair_name": "Citra Lestari - Dedi Rahman", "party": "Partai Golongan Karya", "articles": 2},
        {"pair_name": "Andi Makmur - Budi Santoso", "party": "PDI Perjuangan", "articles": 1},
        {"pair_name": "Andi Makmur - Budi Santoso", "party": "Partai Golongan Karya", "articles": 1},
        {"pair_name": "Eka Putri - Fajar Hidayat", "party": "Partai Golongan Karya", "articles": 1},
    ]),
    ("parties_with_candidate_pairs", {"party": "pdip"}, [
        {"pair_name": "Andi Makmur - Budi Santoso", "party": "PDI Perjuangan", "articles": 1},
    ]),
    ("silent_outlets", {}, [
        {"outlet": "Baru D", "last_day": None, "articles": None},
        {"outlet": "Suara C", "last_day": "2024-06-20", "days_silent": 5, "last_crawl_status": "running"},
    ]),
    ("silent_outlets", {"days": "0", "as_of": "2024-06-26"}, [
        {"outlet": "Baru D"}, {"outlet": "Suara C"}, {"outlet": "Kabar A"}, {"outlet": "Warta B"},
    ]),
])
def test_canned_query(loop, ds, query, params, expected):
    got = rows(loop, ds, query, **params)
    assert [{k: row[k] for k in want} for row, want in zip(got, expected)] == expected
    assert len(got) == len(expected)


@pytest.mark.parametrize("query", sorted(QUERIES))
def test_every_canned_query_has_a_working_csv_link(loop, ds, query):
    page = get(loop, ds, f"/monitor/{query}")
    assert page.status_code == 200
    assert f'href="/monitor/{query}.csv' in page.text
    response = get(loop, ds, f"/monitor/{query}.csv?_size=max")
    assert response.status_code == 200
    table = list(csv.reader(io.StringIO(response.text)))
    assert table[0] == list(rows(loop, ds, query)[0].keys())
    assert len(table) - 1 == len(rows(loop, ds, query))


@pytest.mark.parametrize("path", [
    "/monitor.json?sql=select+1",
    "/monitor/articles.json?_where=1%3D1",
    "/monitor.json?sql=" + "select+count(*)+from+articles+--" + "%20" * 1,
])
def test_arbitrary_sql_is_refused(loop, ds, path):
    assert get(loop, ds, path).status_code == 403


def test_database_page_offers_no_sql_editor(loop, ds):
    page = get(loop, ds, "/monitor")
    assert page.status_code == 200
    assert "<textarea" not in page.text


def test_allow_sql_opens_reads_but_never_writes(loop, db_path):
    ds = build_datasette(db_path, allow_sql=True)
    assert get(loop, ds, "/monitor.json?sql=select+count(*)+as+n+from+articles&_shape=array").json() == [{"n": 5}]
    write = get(loop, ds, "/monitor.json?" + urlencode({"sql": "delete from articles"}))
    assert write.status_code == 400
    assert sqlite3.connect(db_path).execute("select count(*) from articles").fetchone() == (5,)


def resolve(sql, options):
    from datasette_dashboards import replace_opts_in_query
    return replace_opts_in_query(sql, options)


@pytest.mark.parametrize("chart", sorted(CHARTS))
@pytest.mark.parametrize("options", [
    {}, {"region": REGION_A}, {"date_start": "2024-06-24", "date_end": "2024-06-25", "region": REGION_A},
    {"date_start": "", "date_end": "", "region": ""},
])
def test_dashboard_chart_queries_run_without_allow_sql(loop, ds, chart, options):
    sql = resolve(CHARTS[chart]["query"], options)
    response = get(loop, ds, "/monitor.json?" + urlencode({"sql": sql, **options, "_shape": "objects"}))
    assert response.status_code == 200, response.text
    assert response.json()["rows"]


def test_edited_chart_query_is_refused(loop, ds):
    sql = resolve(CHARTS["top_quoted"]["query"], {}) + " -- edited"
    assert get(loop, ds, "/monitor.json?" + urlencode({"sql": sql})).status_code == 403


def test_mentions_chart_counts_every_day_of_the_window(loop, ds):
    options = {"region": REGION_B, "date_start": "2024-06-22", "date_end": "2024-06-25"}
    sql = resolve(CHARTS["mentions_over_time"]["query"], options)
    data = get(loop, ds, "/monitor.json?" + urlencode({"sql": sql, **options, "_shape": "array"})).json()
    eka = f"Eka Putri ({REGION_B})"
    assert data == [{"day": f"2024-06-2{d}", "candidate": eka, "mentions": n}
                    for d, n in [(2, 0), (3, 1), (4, 1), (5, 0)]]


def test_dashboard_is_one_click_from_home(loop, ds):
    home = get(loop, ds, "/")
    assert 'href="/-/dashboards/pilkada"' in home.text
    dashboard = get(loop, ds, "/-/dashboards/pilkada")
    assert dashboard.status_code == 200
    assert 'id="chart-mentions_over_time"' in dashboard.text
    assert f'<option value="{REGION_A}"' in dashboard.text


def test_robots_txt_blocks_everyone(loop, ds):
    response = get(loop, ds, "/robots.txt")
    assert response.status_code == 200
    assert response.text == "User-agent: *\nDisallow: /\n"


def test_password_protection(loop, db_path, monkeypatch):
    utils = pytest.importorskip("datasette_auth_passwords.utils")
    monkeypatch.setenv("MONITOR_PASSWORD_HASH", utils.hash_password("rahasia"))
    ds = build_datasette(db_path, password=True)
    home = get(loop, ds, "/")
    assert home.status_code == 302 and home.headers["location"] == "/-/login"
    assert get(loop, ds, "/monitor/todays_coverage.csv").status_code in (302, 403)
    assert get(loop, ds, "/robots.txt").status_code == 200
    login = get(loop, ds, "/-/login")
    assert login.status_code == 200


def test_serve_refuses_a_missing_database(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert result.output == f"Error: {tmp_path / 'none.db'} does not exist: run `monitor crawl` or `monitor demo` first\n"


@pytest.mark.parametrize("term, expected", [("Hasan", [4]), ("berita", [1, 2, 3, 4, 5]), ("tidakada", [])])
def test_full_text_search_over_title_and_text(loop, ds, term, expected):
    found = get(loop, ds, f"/monitor/articles.json?_search={term}&_shape=array&_col=id").json()
    assert sorted(row["id"] for row in found) == expected


def test_foreign_keys_show_names(loop, ds):
    row = get(loop, ds, "/monitor/mentions.json?_labels=on&_shape=array&candidate_id__notblank=1&_size=1").json()[0]
    assert row["candidate_id"]["label"] in {"Andi Makmur", "Citra Lestari", "Eka Putri"}
    assert row["article_id"]["label"].startswith("Berita ")


@pytest.mark.parametrize("query", sorted(QUERIES))
def test_query_pages_with_a_chart_load_local_vega(loop, ds, query):
    html = get(loop, ds, f"/monitor/{query}").text
    has_chart = "chart" in QUERIES[query]
    assert ("/-/static-plugins/datasette_dashboards/vega-embed.min.js" in html) == has_chart
    assert ("monitor-chart" in html) == has_chart


def test_no_login_link_without_a_password(loop, db_path):
    pytest.importorskip("datasette_auth_passwords")
    home = get(loop, build_datasette(db_path), "/")
    assert home.status_code == 200
    assert "/-/login" not in home.text
    assert get(loop, build_datasette(db_path), "/-/login").status_code == 404
