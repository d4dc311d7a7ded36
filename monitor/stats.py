"""`monitor stats`: what the last crawls did and what the window's news was about.

Plain queries over the read-only database, returned as lists of dicts (so they
can be tested) and rendered as rich tables.
"""
from __future__ import annotations

import sqlite3

from monitor.export import _ARTICLES, Window


def last_runs(conn: sqlite3.Connection, limit: int = 5) -> list[dict]:
    """One row per crawl run (all its outlets together), newest first."""
    rows = conn.execute(
        """
        select run_id, min(started) as started, max(finished) as finished, count(*) as outlets,
               sum(status = 'ok') as ok, sum(status = 'failed') as failed,
               sum(status not in ('ok', 'failed')) as other,
               sum(pages_fetched) as pages, sum(new_articles) as new, sum(updated_articles) as updated,
               sum(errors) as errors
        from crawl_runs where outlet_id is not null
        group by run_id order by min(started) desc, max(id) desc limit ?
        """,
        [limit],
    ).fetchall()
    return [_with_duration(dict(r)) for r in rows]


def _with_duration(row: dict) -> dict:
    from datetime import datetime

    row["when"] = (row["started"] or "")[:16].replace("T", " ")
    row["took"] = None
    if row["started"] and row["finished"]:
        seconds = int((datetime.fromisoformat(row["finished"]) - datetime.fromisoformat(row["started"])).total_seconds())
        row["took"] = f"{seconds // 60}m{seconds % 60:02d}s"
    return row


def articles_per_outlet(conn: sqlite3.Connection, window: Window) -> list[dict]:
    cond, params = window.sql("art.at_utc", "art.tz")
    rows = conn.execute(
        f"""
        select art.outlet_id, coalesce(art.outlet_name, art.outlet_id) as outlet, count(*) as articles,
               sum((select count(*) from mentions m where m.article_id = art.id)) as mentions,
               sum((select count(*) from quotes q where q.article_id = art.id)) as quotes,
               max(art.published) as latest
        from ({_ARTICLES}) art where {cond}
        group by art.outlet_id order by articles desc, outlet
        """,
        params,
    ).fetchall()
    return [dict(r) for r in rows]


def top_people(conn: sqlite3.Connection, window: Window, limit: int = 10) -> list[dict]:
    cond, params = window.sql("art.at_utc", "art.tz")
    rows = conn.execute(
        f"""
        select pe.name as person, count(*) as mentions, count(distinct m.article_id) as articles,
               c.pair_name as candidate_pair, c.nomor_urut as candidate_number, c.wilayah as region
        from ({_ARTICLES}) art join mentions m on m.article_id = art.id
        join people pe on pe.id = m.person_id
        left join candidates c on c.id = (select max(coalesce(m2.candidate_id, pe.candidate_id))
                                          from mentions m2 where m2.person_id = pe.id)
        where m.kind = 'person' and {cond}
        group by pe.id order by mentions desc, articles desc, person limit :limit
        """,
        {**params, "limit": limit},
    ).fetchall()
    return [dict(r) for r in rows]


def top_parties(conn: sqlite3.Connection, window: Window, limit: int = 10) -> list[dict]:
    cond, params = window.sql("art.at_utc", "art.tz")
    rows = conn.execute(
        f"""
        select p.name as party, p.number, count(*) as mentions, count(distinct m.article_id) as articles
        from ({_ARTICLES}) art join mentions m on m.article_id = art.id
        join parties p on p.id = m.party_id
        where m.kind = 'party' and {cond}
        group by p.id order by mentions desc, articles desc, party limit :limit
        """,
        {**params, "limit": limit},
    ).fetchall()
    return [dict(r) for r in rows]


def _table(title: str, columns: list[tuple[str, str]], rows: list[dict], empty: str):
    from rich.table import Table

    table = Table(title=title, title_justify="left", caption=None if rows else empty)
    for key, header in columns:
        numeric = key in {"outlets", "ok", "failed", "pages", "new", "updated", "errors", "articles",
                          "mentions", "quotes", "number", "candidate_number"}
        table.add_column(header, justify="right" if numeric else "left",
                         no_wrap=numeric or key in {"when", "took", "latest"})
    for row in rows:
        table.add_row(*["" if row.get(k) is None else str(row[k]) for k, _ in columns])
    return table


def render(conn: sqlite3.Connection, window: Window, console, *, runs: int = 5, top: int = 10) -> None:
    """Print the four tables to a rich Console."""
    console.print(_table(
        f"Last {runs} crawl runs",
        [("when", "started (UTC)"), ("took", "took"), ("outlets", "outlets"), ("ok", "ok"),
         ("failed", "failed"), ("pages", "pages"), ("new", "new"), ("updated", "updated"), ("errors", "errors")],
        last_runs(conn, runs), "no crawl recorded yet",
    ))
    console.print(_table(
        f"Articles per outlet, {window.label}",
        [("outlet", "outlet"), ("articles", "articles"), ("mentions", "mentions"), ("quotes", "quotes"),
         ("latest", "latest published")],
        articles_per_outlet(conn, window), "no article in this window",
    ))
    console.print(_table(
        f"Top {top} people",
        [("person", "person"), ("mentions", "mentions"), ("articles", "articles"),
         ("candidate_pair", "candidate pair"), ("candidate_number", "no."), ("region", "region")],
        top_people(conn, window, top), "nobody mentioned in this window",
    ))
    console.print(_table(
        f"Top {top} parties",
        [("party", "party"), ("number", "no."), ("mentions", "mentions"), ("articles", "articles")],
        top_parties(conn, window, top), "no party mentioned in this window",
    ))
