import csv
import io
from datetime import datetime, timezone

import pytest
from click.testing import CliRunner

from monitor.cli import cli
from monitor.extract.article import Article
from monitor.export import COLUMNS, ExportError, export_rows, make_window, open_readonly
from monitor.outlets import Outlet
from monitor.store import Store

# The documented order (monitor/export.py docstring, `monitor export --help`): changing it breaks briefings.
DOCUMENTED = [
    "date", "published", "outlet", "title", "url", "kind", "person", "role",
    "candidate_pair", "candidate_number", "region", "party", "sentence", "quote",
]


def person(name, start, role=None, candidate=None, sentence=None):
    return {"kind": "person", "key": name, "text": name, "start": start, "end": start + len(name),
            "in_title": False, "in_lead": start < 50, "sentence": sentence or f"{name} hadir.", "role": role,
            "candidate": candidate}


def party(pid, surface, start):
    return {"kind": "party", "key": pid, "text": surface, "start": start, "end": start + len(surface),
            "in_title": False, "in_lead": False, "sentence": f"{surface} mendukung “perubahan”.", "role": None}


CAND = {"id_paslon": "9990001", "position": "calon", "name": "ANDI SÉMAN", "nomor_urut": 2}
ARTICLES = [
    # (outlet, slug, published, mentions, quotes)
    ("sulsel", "late-24", "2024-06-24T23:30:00+08:00", [person("Andi Séman", 0)], []),
    # 00:10 WITA on the 25th is still the 24th in UTC: a UTC-day filter would lose it.
    ("sulsel", "early-25", "2024-06-25T00:10:00+08:00",
     [person("Andi Séman", 0, "Bakal Calon Bupati", CAND), party("golkar", "Golkar", 40),
      person("Hj. Nurhayati Daeng Ngai", 60, "Ketua DPC")],
     [{"speaker": "Andi Séman", "text": "Kami siap “bertarung” — demi rakyat Turatea", "direct": True,
       "cue": "ujarnya"}]),
    ("jatim", "late-25", "2024-06-25T23:50:00+07:00",
     [party("pdip", "PDI-P", 10), party("golkar", "Partai Golkar", 30)], []),
    ("jatim", "early-26", "2024-06-26T00:05:00+07:00", [party("pdip", "PDIP", 0)], []),
]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "m.db"
    store = Store(path)
    store.db["regions"].upsert({"kode_wilayah": "73.04", "name": "JENEPONTO", "provinsi": "SULAWESI SELATAN",
                                "level": "bupati"}, pk="kode_wilayah")
    store.db["candidates"].upsert({
        "id": "9990001-calon", "id_paslon": "9990001", "position": "calon", "name": "ANDI SÉMAN",
        "kode_wilayah": "73.04", "wilayah": "JENEPONTO", "provinsi": "SULAWESI SELATAN", "level": "bupati",
        "nomor_urut": 2, "pair_name": "ANDI SÉMAN - BASO TANRI",
    }, pk="id")
    store.db["parties"].upsert_all([
        {"id": "golkar", "number": 4, "name": "Partai Golongan Karya", "kpu_acronym": "Partai GOLKAR", "aceh_local": 0},
        {"id": "pdip", "number": 3, "name": "Partai Demokrasi Indonesia Perjuangan", "kpu_acronym": "PDI PERJUANGAN",
         "aceh_local": 0},
    ], pk="id")
    store.upsert_outlet(Outlet(id="sulsel", name="Kabar Turatea", base_url="http://127.0.0.1:1/", timezone="WITA",
                               regency="JENEPONTO", province="SULAWESI SELATAN"))
    store.upsert_outlet(Outlet(id="jatim", name="Warta Jatim", base_url="http://127.0.0.1:2/", timezone="WIB",
                               regency="SURABAYA", province="JAWA TIMUR"))
    batch = []
    for outlet, slug, published, mentions, quotes in ARTICLES:
        url = f"http://{outlet}.test/{slug}/"
        page = {"outlet_id": outlet, "url": url, "canonical_url": url, "html": "<p>x</p>",
                "fetched_at": "2024-06-27T00:00:00+00:00"}
        people = [{"name": m["key"], "candidate": m.get("candidate")} for m in mentions if m["kind"] == "person"]
        analysis = {"people": people, "mentions": mentions, "quotes": quotes}
        article = Article(title=f"Pilkada: {slug} – “Jeneponto”", text=f"Teks {slug}.", published=published)
        batch.append((page, article, analysis, "t1"))
    store.save_articles(batch)
    store.close()
    return path


def run(*args):
    return CliRunner().invoke(cli, list(map(str, args)))


def test_columns_are_the_documented_ones():
    assert COLUMNS == DOCUMENTED


def test_excel_export_has_bom_crlf_columns_and_one_row_per_mention(db, tmp_path):
    out = tmp_path / "briefing.csv"
    result = run("export", "--db", db, "--since", "2024-06-25", "--until", "2024-06-25", "--excel", "-o", out)
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == raw.count(b"\n")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == DOCUMENTED
    conn = open_readonly(db)
    expected = conn.execute(
        "select count(*) from mentions m join articles a on a.id = m.article_id "
        "where a.published_day between '2024-06-25' and '2024-06-25'"
    ).fetchone()[0]
    assert expected == 5
    assert len(rows) - 1 == expected
    assert result.stderr == f"5 mentions exported to {out} (2024-06-25 to 2024-06-25 (outlet time))\n"
    first = dict(zip(DOCUMENTED, rows[1]))
    assert first == {
        "date": "2024-06-25", "published": "2024-06-25T00:10:00+08:00", "outlet": "Kabar Turatea",
        "title": "Pilkada: early-25 – “Jeneponto”", "url": "http://sulsel.test/early-25/", "kind": "person",
        "person": "Andi Séman", "role": "Bakal Calon Bupati", "candidate_pair": "ANDI SÉMAN - BASO TANRI",
        "candidate_number": "2", "region": "JENEPONTO", "party": "", "sentence": "Andi Séman hadir.", "quote": "",
    }
    assert [r[5] for r in rows[1:]] == ["person", "party", "person", "party", "party"]


def test_plain_export_to_stdout_is_utf8_with_lf(db):
    result = run("export", "--db", db, "--since", "2024-06-25", "--until", "2024-06-25", "--kind", "quotes")
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"date,published,")
    assert b"\r\n" not in result.stdout_bytes
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["person"], r["role"], r["quote"]) for r in rows] == [
        ("Andi Séman", "Bakal Calon Bupati", "Kami siap “bertarung” — demi rakyat Turatea")
    ]


@pytest.mark.parametrize("args, expected", [
    (["--party", "golkar"], ["Golkar", "Partai Golkar"]),
    (["--party", "PDI PERJUANGAN"], ["PDI-P"]),
    (["--candidate", "séman"], ["Andi Séman"]),
    (["--candidate", "baso tanri"], ["Andi Séman"]),
    (["--candidate", "nurhayati", "--party", "pdip"], ["Hj. Nurhayati Daeng Ngai", "PDI-P"]),
    (["--outlet", "jatim"], ["PDI-P", "Partai Golkar"]),
    (["--outlet", "http://127.0.0.1:2"], ["PDI-P", "Partai Golkar"]),
    (["--region", "jeneponto"], ["Andi Séman", "Golkar", "Hj. Nurhayati Daeng Ngai"]),
    (["--region", "73.04", "--outlet", "jatim"], []),
])
def test_filters(db, args, expected):
    conn = open_readonly(db)
    window = make_window(conn, "2024-06-25", "2024-06-25")
    keys = {"--party": "party", "--candidate": "candidate", "--outlet": "outlet", "--region": "region"}
    filters = {keys[k]: v for k, v in zip(args[::2], args[1::2])}
    rows = export_rows(conn, window, **filters)
    surfaces = [r[COLUMNS.index("person")] or r[COLUMNS.index("sentence")].split(" mendukung")[0] for r in rows]
    assert surfaces == expected


def test_articles_kind_lists_what_each_article_mentions(db):
    conn = open_readonly(db)
    rows = export_rows(conn, make_window(conn, "2024-06-24", "2024-06-26"), kind="articles")
    got = [(r[COLUMNS.index("url")], r[COLUMNS.index("person")], r[COLUMNS.index("candidate_pair")],
            r[COLUMNS.index("party")]) for r in rows]
    assert got == [
        # Not linked in this article, but the same person is the candidate linked in the next one.
        ("http://sulsel.test/late-24/", "Andi Séman", "ANDI SÉMAN - BASO TANRI", None),
        ("http://sulsel.test/early-25/", "Andi Séman; Hj. Nurhayati Daeng Ngai", "ANDI SÉMAN - BASO TANRI",
         "Partai Golongan Karya"),
        ("http://jatim.test/late-25/", None, None,
         "Partai Demokrasi Indonesia Perjuangan; Partai Golongan Karya"),
        ("http://jatim.test/early-26/", None, None, "Partai Demokrasi Indonesia Perjuangan"),
    ]


def test_default_window_is_yesterday_midnight_in_each_outlet_zone(db):
    conn = open_readonly(db)
    now = datetime(2024, 6, 26, 1, 0, tzinfo=timezone.utc)  # 09:00 WITA, 08:00 WIB on the 26th
    window = make_window(conn, None, None, now=now)
    assert window.since == {"WIB": "2024-06-24 17:00:00", "WITA": "2024-06-24 16:00:00"}
    assert window.until == {"WIB": "2024-06-26 01:00:00", "WITA": "2024-06-26 01:00:00"}
    urls = {r[COLUMNS.index("url")] for r in export_rows(conn, window)}
    assert urls == {"http://sulsel.test/early-25/", "http://jatim.test/late-25/", "http://jatim.test/early-26/"}


def test_empty_result_writes_header_and_says_so(db, tmp_path):
    out = tmp_path / "empty.csv"
    result = run("export", "--db", db, "--since", "2023-01-01", "--until", "2023-01-02", "-o", out, "--excel")
    assert result.exit_code == 0
    assert out.read_bytes() == b"\xef\xbb\xbf" + ",".join(DOCUMENTED).encode() + b"\r\n"
    assert result.stderr == f"no mentions in 2023-01-01 to 2023-01-02 (outlet time): header only to {out}\n"


@pytest.mark.parametrize("args, message", [
    (["--since", "bukan tanggal"], "Error: not a date: 'bukan tanggal' (try 2024-06-25, '2024-06-25 06:00' or 'kemarin')\n"),
    (["--since", "2024-06-26", "--until", "2024-06-25"],
     "Error: empty window: --since (2024-06-26) is not before --until (2024-06-25)\n"),
])
def test_bad_input_is_one_line(db, args, message):
    result = run("export", "--db", db, *args)
    assert result.exit_code == 1
    assert result.stderr == message


def test_missing_database_is_one_line_and_creates_nothing(tmp_path):
    result = run("export", "--db", tmp_path / "none.db")
    assert result.exit_code == 1
    assert result.stderr == f"Error: no database at {tmp_path / 'none.db'}: run `monitor crawl` (or `monitor demo`) first\n"
    assert not (tmp_path / "none.db").exists()


def test_export_never_writes(db):
    conn = open_readonly(db)
    with pytest.raises(Exception, match="readonly"):
        conn.execute("delete from mentions")
    with pytest.raises(ExportError):
        make_window(conn, "2024-06-26", "2024-06-25")
