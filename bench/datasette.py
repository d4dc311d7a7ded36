"""Response times of the Datasette publication on a generated large database.

Generates (or reuses) a database of 100,000 articles and 1,000,000 mentions
with the project's schema, then times every canned query (blank parameters
and each filter), every dashboard chart query and every table page with its
default facets through `datasette.client`, and prints median and p95 per
request. Peer: the same SQL run directly with sqlite3 on the same file, so the
ratio column is Datasette's overhead over SQLite itself.

    .venv/bin/python bench/datasette.py                       # full size, ~1 min to generate
    .venv/bin/python bench/datasette.py --articles 10000 --mentions 100000 --runs 5
"""
from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
# This file is called datasette.py: its own folder must not shadow the package.
sys.path = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

import sqlite_utils  # noqa: E402

from db.schema import ensure_schema  # noqa: E402
from monitor.serve import build_datasette, load_metadata  # noqa: E402

PARTIES = ["pkb", "gerindra", "pdip", "golkar", "nasdem", "pks", "pan", "demokrat", "psi", "perindo"]
FIRST = ["Andi", "Budi", "Citra", "Dedi", "Eka", "Fajar", "Gita", "Hasan", "Indah", "Joko", "Kiki",
         "Lukman", "Maya", "Nur", "Oki", "Putri", "Rahmat", "Sari", "Taufik", "Umar", "Wati", "Yusuf"]
LAST = ["Makmur", "Santoso", "Lestari", "Rahman", "Putri", "Hidayat", "Basri", "Saputra", "Wijaya",
        "Siregar", "Nasution", "Harahap", "Pane", "Daeng", "Tanjung", "Lubis", "Sitompul", "Kusuma"]
WORDS = "pilkada calon bupati wakil kampanye debat warga pasangan suara dukungan partai koalisi".split()


def generate(path: Path, n_articles: int, n_mentions: int, seed: int = 0) -> None:
    rng = random.Random(seed)
    path.unlink(missing_ok=True)
    db = sqlite_utils.Database(sqlite3.connect(str(path)))
    ensure_schema(db)
    conn = db.conn
    n_regions, n_outlets, days = 540, 60, 365
    first_day = date(2024, 1, 1)
    regions = [(f"R{i:04d}", f"KABUPATEN R{i:04d}", f"PROVINSI P{i % 38:02d}", "bupati") for i in range(n_regions)]
    candidates, people = [], []
    for code, name, prov, level in regions:
        for nomor in (1, 2, 3):
            pid = f"{code}-{nomor}"
            names = [f"{rng.choice(FIRST)} {rng.choice(LAST)} {code}{nomor}{pos}" for pos in "cw"]
            for pos, person in zip(("calon", "wakil"), names):
                candidates.append((f"{pid}-{pos}", pid, pos, person, person.upper(), code, name, prov,
                                   level, nomor, " - ".join(names)))
    for c in candidates:
        people.append((len(people) + 1, c[3], "[]", c[0]))
    for i in range(17000):
        people.append((len(people) + 1, f"{rng.choice(FIRST)} {rng.choice(LAST)} X{i}", "[]", None))
    candidate_people = list(range(1, len(candidates) + 1))
    other_people = list(range(len(candidates) + 1, len(people) + 1))
    cand_of_person = {i + 1: c[0] for i, c in enumerate(candidates)}
    outlets = [(f"o{i:02d}", f"Media {i:02d}", regions[i * 9][2], regions[i * 9][1], "WITA", "wordpress", 1)
               for i in range(n_outlets)]
    with conn:
        conn.executemany("insert into regions values (?,?,?,?)", regions)
        conn.executemany("insert into parties (id, number, name, kpu_acronym, aceh_local) values (?,?,?,?,0)",
                         [(p, i + 1, f"Partai {p.title()}", p.upper()) for i, p in enumerate(PARTIES)])
        conn.executemany("insert into candidates values (?,?,?,?,?,?,?,?,?,?,?)", candidates)
        conn.executemany("insert into outlets values (?,?,?,?,?,?,?,?)",
                         [(o[0], o[1], "http://127.0.0.1/", *o[2:]) for o in outlets])
        conn.executemany("insert into people values (?,?,?,?)", people)
        articles = []
        for i in range(1, n_articles + 1):
            day = first_day + timedelta(days=rng.randrange(days))
            outlet = outlets[rng.randrange(n_outlets)][0]
            words = " ".join(rng.choice(WORDS) for _ in range(30))
            url = f"http://127.0.0.1/{outlet}/{day}/{i}/"
            articles.append((i, outlet, url, url, f"Berita {i} {words[:40]}", f"{day}T10:00:00+08:00",
                             day.isoformat(), words, 30, f"{i:040x}", "bench"))
        conn.executemany(
            "insert into articles (id, outlet_id, url, canonical_url, title, published, published_day,"
            " text, word_count, text_hash, pipeline_version) values (?,?,?,?,?,?,?,?,?,?,?)", articles)
        # Articles of one outlet mostly cover the candidates of a few nearby regions.
        rows, quotes = [], []
        per_article = n_mentions / n_articles
        for article_id in range(1, n_articles + 1):
            k = max(1, int(rng.expovariate(1 / per_article))) if len(rows) < n_mentions else 0
            for _ in range(min(k, n_mentions - len(rows))):
                r = rng.random()
                if r < 0.6:
                    person = rng.choice(candidate_people)
                    row = ("person", person, None, cand_of_person[person])
                elif r < 0.85:
                    row = ("person", rng.choice(other_people), None, None)
                else:
                    row = ("party", None, rng.choice(PARTIES), None)
                rows.append((article_id, *row, "Nama", "Kalimat yang menyebut nama itu.", 0, 4,
                             int(rng.random() < 0.1), int(rng.random() < 0.3), None, "bench"))
                if row[0] == "person" and rng.random() < 0.15:
                    quotes.append((article_id, row[1], "Nama", "Kami siap bekerja.",
                                   int(rng.random() < 0.6), "ujarnya", "bench"))
        while len(rows) < n_mentions:  # the exponential draw fell short: top up
            rows.append((rng.randrange(1, n_articles + 1), "party", None, rng.choice(PARTIES), None,
                         "Nama", "Kalimat.", 0, 4, 0, 0, None, "bench"))
        conn.executemany(
            "insert into mentions (article_id, kind, person_id, party_id, candidate_id, surface, sentence,"
            " start, [end], in_title, in_lead, role, pipeline_version) values (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows)
        conn.executemany(
            "insert into quotes (article_id, person_id, speaker, text, direct, cue, pipeline_version)"
            " values (?,?,?,?,?,?,?)", quotes)
        conn.executemany(
            "insert into crawl_runs (run_id, outlet_id, started, status) values (?,?,?,?)",
            [(f"r{d}", o[0], f"{first_day + timedelta(days=d)}T01:00:00+00:00", "ok")
             for d in range(0, days, 7) for o in outlets])
    conn.close()


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def requests(db_path: Path):
    """(label, path, sql, params) for every canned query, chart and table page."""
    from datasette_dashboards import replace_opts_in_query

    meta = load_metadata()
    conn = sqlite3.connect(db_path)
    # The province of the most mentioned candidate: it matches candidates (by province)
    # and outlets alike, so every region filter has rows to count.
    name, region = conn.execute(
        "select c.name, c.provinsi from mentions m join candidates c on c.id = m.candidate_id"
        " group by c.id order by count(*) desc limit 1").fetchone()
    person = conn.execute("select p.name from quotes q join people p on p.id = q.person_id"
                          " group by p.id order by count(*) desc limit 1").fetchone()[0]
    wilayah = conn.execute(  # the dashboard's region filter lists candidate regions by name
        "select c.wilayah from mentions m join candidates c on c.id = m.candidate_id"
        " group by c.wilayah order by count(*) desc limit 1").fetchone()[0]
    last = conn.execute("select max(published_day) from articles").fetchone()[0]
    week = (date.fromisoformat(last) - timedelta(days=6)).isoformat()
    filters = {
        "blank": {},
        "region": {"region": region}, "candidate": {"candidate": name}, "party": {"party": "golkar"},
        "7 days": {"date_from": week, "date_to": last}, "person": {"person": person},
        "day": {"day": week},
    }
    out = []
    for qname, query in meta["databases"]["monitor"]["queries"].items():
        params = query.get("params", [])
        for label, values in filters.items():
            if values and not set(values) <= set(params):
                continue
            full = {p: values.get(p, "") for p in params}
            out.append((f"{qname} [{label}]", f"/monitor/{qname}?" + urlencode(values), query["sql"], full))
    for cname, chart in meta["plugins"]["datasette-dashboards"]["pilkada"]["charts"].items():
        for label, options in {"blank": {}, "region": {"region": wilayah}}.items():
            sql = replace_opts_in_query(chart["query"], options)
            out.append((f"chart {cname} [{label}]",
                        "/monitor.json?" + urlencode({"sql": sql, **options, "_shape": "objects"}),
                        sql, options))
    region_filter = meta["plugins"]["datasette-dashboards"]["pilkada"]["filters"]["region"]["query"]
    out.append(("dashboard page (region list)", "/-/dashboards/pilkada", region_filter, {}))
    out.append(("articles search 'kampanye debat'", "/monitor/articles?_search=kampanye+debat",
                "select count(*) from articles_fts where articles_fts match 'kampanye debat'", {}))
    for table, tmeta in meta["databases"]["monitor"]["tables"].items():
        facets = tmeta.get("facets", [])
        sql = " union all ".join(f"select count(*) from (select [{f}], count(*) from [{table}] group by [{f}])"
                                 for f in facets) or f"select count(*) from [{table}]"
        out.append((f"table {table} + facets {','.join(facets)}", f"/monitor/{table}", sql, {}))
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=Path("/tmp/monitor-bench.db"))
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=15, help="timed requests per query")
    parser.add_argument("--reuse", action="store_true", help="reuse --db if it exists")
    args = parser.parse_args(argv)

    if not (args.reuse and args.db.exists()):
        started = time.perf_counter()
        generate(args.db, args.articles, args.mentions)
        print(f"generated {args.db}: {args.articles:,} articles, {args.mentions:,} mentions "
              f"in {time.perf_counter() - started:.1f} s", flush=True)
    conn = sqlite3.connect(args.db)
    counts = {t: conn.execute(f"select count(*) from [{t}]").fetchone()[0]
              for t in ("articles", "mentions", "quotes", "people", "candidates")}
    print("rows: " + ", ".join(f"{t} {n:,}" for t, n in counts.items()))

    ds = build_datasette(args.db)
    loop = asyncio.new_event_loop()
    results = []
    for label, path, sql, params in requests(args.db):
        first = loop.run_until_complete(ds.client.get(path))
        if first.status_code != 200:
            print(f"{label}: HTTP {first.status_code}: {first.text[:300]}")
            results.append((label, None, None, None, "HTTP %d" % first.status_code))
            continue
        note = ""
        if path.startswith("/monitor/") and "?" not in path and "/" not in path[len("/monitor/"):]:
            extra = loop.run_until_complete(ds.client.get(path + ".json?_extra=facets_timed_out")).json()
            if extra.get("facets_timed_out"):
                note = "timed out: " + ",".join(extra["facets_timed_out"])
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            loop.run_until_complete(ds.client.get(path))
            times.append((time.perf_counter() - t0) * 1000)
        raw = []
        for _ in range(max(3, args.runs // 3)):
            t0 = time.perf_counter()
            conn.execute(sql, params).fetchall()
            raw.append((time.perf_counter() - t0) * 1000)
        results.append((label, statistics.median(times), percentile(times, 0.95),
                        statistics.median(raw), note))
    width = max(len(r[0]) for r in results)
    print(f"\n{'request':<{width}}  {'median ms':>9}  {'p95 ms':>7}  {'sqlite3 ms':>10}  {'ratio':>5}  note")
    for label, median, p95, raw, note in results:
        if median is None:
            print(f"{label:<{width}}  {'-':>9}  {'-':>7}  {'-':>10}  {'-':>5}  {note}")
            continue
        flag = "  OVER 500 ms" if p95 >= 500 else ""
        print(f"{label:<{width}}  {median:9.1f}  {p95:7.1f}  {raw:10.1f}  {median / max(raw, 0.01):5.1f}  {note}{flag}")
    worst = max((r for r in results if r[2] is not None), key=lambda r: r[2])
    print(f"\nslowest p95: {worst[0]} {worst[2]:.1f} ms; "
          f"{sum(1 for r in results if r[2] is not None and r[2] >= 500)} of {len(results)} requests at or over 500 ms")


if __name__ == "__main__":
    main()
