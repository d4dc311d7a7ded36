from click.testing import CliRunner

from monitor.cli import cli
from monitor.export import make_window, open_readonly
from monitor.stats import articles_per_outlet, last_runs, top_parties, top_people
from monitor.store import Store
from tests.test_export import db  # noqa: F401  (the shared fixture database)


def add_runs(path):
    store = Store(path)
    for run_id, started, rows in [
        ("r1", "2024-06-25T21:00:00+00:00", [("sulsel", "ok", 10, 2, 0, 0), ("jatim", "ok", 7, 1, 1, 0)]),
        ("r2", "2024-06-26T21:00:00+00:00", [("sulsel", "ok", 12, 3, 0, 1), ("jatim", "failed", 0, 0, 0, 1)]),
    ]:
        for outlet, status, pages, new, updated, errors in rows:
            store.db["crawl_runs"].insert({
                "run_id": run_id, "outlet_id": outlet, "started": started, "finished": started, "status": status,
                "pages_fetched": pages, "new_articles": new, "updated_articles": updated, "errors": errors,
            })
    store.close()


def test_summaries(db):  # noqa: F811
    add_runs(db)
    conn = open_readonly(db)
    window = make_window(conn, "2024-06-25", "2024-06-25")
    assert [(r["run_id"], r["outlets"], r["ok"], r["failed"], r["pages"], r["new"], r["errors"])
            for r in last_runs(conn)] == [("r2", 2, 1, 1, 12, 3, 2), ("r1", 2, 2, 0, 17, 3, 0)]
    assert [(r["outlet"], r["articles"], r["mentions"], r["quotes"]) for r in articles_per_outlet(conn, window)] == [
        ("Kabar Turatea", 1, 3, 1), ("Warta Jatim", 1, 2, 0)]
    assert [(r["person"], r["mentions"], r["candidate_number"]) for r in top_people(conn, window)] == [
        ("Andi Séman", 1, 2), ("Hj. Nurhayati Daeng Ngai", 1, None)]
    assert [(r["party"], r["mentions"], r["articles"]) for r in top_parties(conn, window)] == [
        ("Partai Golongan Karya", 2, 2), ("Partai Demokrasi Indonesia Perjuangan", 1, 1)]


def test_stats_command_prints_the_tables(db):  # noqa: F811
    add_runs(db)
    result = CliRunner().invoke(cli, ["stats", "--db", str(db), "--since", "2024-06-25", "--until", "2024-06-26",
                                      "--top", "1"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "Last 5 crawl runs" in lines[0]
    cells = [[c.strip() for c in line.split("│")[1:-1]] for line in lines if line.startswith("│")]
    assert ["2024-06-26 21:00", "0m00s", "2", "1", "1", "12", "3", "0", "2"] in cells
    assert ["Warta Jatim", "2", "3", "0", "2024-06-26T00:05:00+07:00"] in cells
    assert ["Kabar Turatea", "1", "3", "1", "2024-06-25T00:10:00+08:00"] in cells
    assert any("Partai Demokrasi Indonesia Perjuangan" in line for line in lines)
    assert not any("Partai Golongan Karya" in line for line in lines)  # --top 1: PDIP has 3 mentions, Golkar 2
    assert "Top 1 parties" in result.stdout


def test_stats_on_an_empty_database_says_so(tmp_path):
    Store(tmp_path / "e.db").close()
    result = CliRunner().invoke(cli, ["stats", "--db", str(tmp_path / "e.db")])
    assert result.exit_code == 0
    for note in ("no crawl recorded yet", "no article in this window", "nobody mentioned in this window",
                 "no party mentioned in this window"):
        assert note in result.stdout
