"""CSV export for the morning press briefing: one row per mention, quote or article.

The column order is part of the interface (people paste the file into a
spreadsheet template), so it only ever grows at the end:

    date              the outlet-local publication day (YYYY-MM-DD)
    published         publication time, ISO 8601 with the outlet's offset
    outlet            outlet name
    title             article title
    url               canonical article URL
    kind              person | party (mentions), quote, article
    person            the person mentioned or quoted (canonical name)
    role              the role the article gives that person (e.g. "Ketua DPC")
    candidate_pair    the KPU pair ("HEAD - DEPUTY") when the person is a candidate
    candidate_number  the pair's ballot number (nomor urut)
    region            the candidate's region (KPU wilayah)
    party             party name, for party mentions
    sentence          the sentence the mention is in
    quote             the quote text, for quotes

For ``--kind articles`` the person/party/candidate columns list everything the
article mentions, joined with "; ".

Time window: an article belongs to it when its publication time (its fetch time
when the page gave no date) is at or after ``since`` and before ``until``, both
read in each outlet's own timezone. The database is opened read-only.
"""
from __future__ import annotations

import csv
import io
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone
from pathlib import Path

COLUMNS = [
    "date", "published", "outlet", "title", "url", "kind", "person", "role",
    "candidate_pair", "candidate_number", "region", "party", "sentence", "quote",
]
KINDS = ("mentions", "quotes", "articles")
_BARE_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ExportError(Exception):
    """Bad input or an unreadable database, worth one line to the user."""


def open_readonly(db_path: str | Path) -> sqlite3.Connection:
    """Readers never write: open the database in SQLite's read-only mode."""
    db_path = Path(db_path)
    if not db_path.is_file():
        raise ExportError(f"no database at {db_path}: run `monitor crawl` (or `monitor demo`) first")
    try:
        conn = sqlite3.connect(db_path.resolve().as_uri() + "?mode=ro", uri=True)
        conn.execute("select 1 from articles limit 1")
    except sqlite3.DatabaseError as exc:
        raise ExportError(f"{db_path} is not a monitor database: {exc}") from exc
    conn.row_factory = sqlite3.Row
    return conn


# -- the time window ------------------------------------------------------------
@dataclass
class Window:
    """Per-timezone UTC bounds, as SQLite's datetime() prints them."""

    since: dict[str, str]
    until: dict[str, str]
    label: str

    def sql(self, expr: str, tz_expr: str) -> tuple[str, dict]:
        """A condition on the UTC instant `expr`, bounded in the row's outlet timezone `tz_expr`."""
        parts, params = [], {}
        for name, bounds, op in (("lo", self.since, ">="), ("hi", self.until, "<")):
            cases = []
            for i, (tz, value) in enumerate(bounds.items()):
                cases.append(f"when :{name}tz{i} then :{name}{i}")
                params[f"{name}tz{i}"], params[f"{name}{i}"] = tz, value
            parts.append(f"{expr} {op} (case {tz_expr} {' '.join(cases)} end)")
        return " and ".join(parts), params


def _utc(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


def resolve_bound(value: str | None, tz: str, *, end: bool, now: datetime, days: int = 1) -> datetime:
    """One --since/--until value read in the outlet timezone `tz`.

    Default since: 00:00 local `days` days ago (1: yesterday); default until: now. A bare date as
    --until means the end of that day, so `--since D --until D` is day D.
    """
    from monitor.extract.dates import parse_date, zone

    if value is None:
        if end:
            return now
        local_today = now.astimezone(zone(tz)).date()
        return datetime.combine(local_today - timedelta(days=days), time(), tzinfo=zone(tz))
    parsed = parse_date(value, timezone=tz, now=now)
    if parsed is None:
        raise ExportError(f"not a date: {value!r} (try 2024-06-25, '2024-06-25 06:00' or 'kemarin')")
    if end and _BARE_DATE.match(value.strip()):
        parsed += timedelta(days=1)
    return parsed


def make_window(conn: sqlite3.Connection, since: str | None, until: str | None,
                now: datetime | None = None, days: int = 1) -> Window:
    now = now or datetime.now(timezone.utc)
    default_since = "yesterday 00:00" if days == 1 else f"{days} days ago, 00:00"
    zones = {row[0] for row in conn.execute("select distinct coalesce(timezone, 'WIB') from outlets")} | {"WIB"}
    lo = {tz: _utc(resolve_bound(since, tz, end=False, now=now, days=days)) for tz in sorted(zones)}
    hi = {tz: _utc(resolve_bound(until, tz, end=True, now=now)) for tz in sorted(zones)}
    for tz in lo:
        if lo[tz] >= hi[tz]:
            raise ExportError(f"empty window: --since ({since or default_since}) is not before --until ({until or 'now'})")
    label = f"{since or default_since} to {until or 'now'} (outlet time)"
    return Window(lo, hi, label)


# -- the queries --------------------------------------------------------------------
# One subquery gives every article in scope with its outlet's timezone as `tz`,
# so the window condition can pick each outlet's bounds.
_ARTICLES = """
    select a.*, o.name as outlet_name, o.base_url as outlet_base_url, o.regency as outlet_regency, o.province as outlet_province,
           coalesce(o.timezone, 'WIB') as tz,
           datetime(coalesce(a.published, a.fetched_at)) as at_utc
    from articles a left join outlets o on o.id = a.outlet_id
"""

_PERSON_MATCH = "(pe.name like '%' || :candidate || '%' or c.name like '%' || :candidate || '%' or c.pair_name like '%' || :candidate || '%')"
_PARTY_MATCH = ("(lower(p.id) = lower(:party) or p.kpu_acronym like '%' || :party || '%' "
                "or p.name like '%' || :party || '%')")
_REGION_ARTICLE = ("(art.outlet_regency like '%' || :region || '%' or art.outlet_province like '%' || :region || '%')")
_REGION_CANDIDATE = "(c.kode_wilayah = :region or c.wilayah like '%' || :region || '%' or c.provinsi like '%' || :region || '%')"
_OUTLET_MATCH = ("(art.outlet_id = :outlet or lower(art.outlet_name) = lower(:outlet) "
                 "or rtrim(art.outlet_base_url, '/') = rtrim(:outlet, '/'))")


def _query(kind: str, *, outlet, region, candidate, party) -> str:
    """SQL with :named filter parameters and a `{window}` placeholder for the time condition."""
    if kind == "mentions":
        sql = f"""
            select art.published_day as date, art.published, art.outlet_name as outlet, art.title,
                   art.canonical_url as url, m.kind, pe.name as person, m.role,
                   c.pair_name as candidate_pair, c.nomor_urut as candidate_number, c.wilayah as region,
                   p.name as party, m.sentence, null as quote
            from ({_ARTICLES}) art
            join mentions m on m.article_id = art.id
            left join people pe on pe.id = m.person_id
            left join candidates c on c.id = coalesce(m.candidate_id, pe.candidate_id)
            left join parties p on p.id = m.party_id
            where {{window}}"""
        which = []
        if candidate:
            which.append(f"(m.kind = 'person' and {_PERSON_MATCH})")
        if party:
            which.append(f"(m.kind = 'party' and {_PARTY_MATCH})")
        in_region = f"{_REGION_ARTICLE} or {_REGION_CANDIDATE}"
        order = "art.at_utc, art.id, m.in_title desc, m.start, m.id"
    elif kind == "quotes":
        sql = f"""
            select art.published_day as date, art.published, art.outlet_name as outlet, art.title,
                   art.canonical_url as url, 'quote' as kind, coalesce(pe.name, q.speaker) as person,
                   (select mm.role from mentions mm where mm.article_id = art.id and mm.person_id = q.person_id
                      and mm.role is not null order by mm.start limit 1) as role,
                   c.pair_name as candidate_pair, c.nomor_urut as candidate_number, c.wilayah as region,
                   null as party, null as sentence, q.text as quote
            from ({_ARTICLES}) art
            join quotes q on q.article_id = art.id
            left join people pe on pe.id = q.person_id
            left join candidates c on c.id = pe.candidate_id
            where {{window}}"""
        which = []
        if candidate:
            which.append(f"({_PERSON_MATCH} or q.speaker like '%' || :candidate || '%')")
        if party:
            which.append(f"""exists (select 1 from mentions mp join parties p on p.id = mp.party_id
                                     where mp.article_id = art.id and {_PARTY_MATCH})""")
        in_region = f"{_REGION_ARTICLE} or {_REGION_CANDIDATE}"
        order = "art.at_utc, art.id, q.id"
    elif kind == "articles":
        people = """(select group_concat(name, '; ') from (select distinct pe.name from mentions mx
                       join people pe on pe.id = mx.person_id where mx.article_id = art.id order by mx.start))"""
        # Pairs are listed once each, and the three pair columns stay aligned item by item.
        pairs = """(select group_concat({col}, '; ') from (select distinct c.id_paslon, c.pair_name, c.nomor_urut, c.wilayah
                      from mentions mx join people pe on pe.id = mx.person_id
                      join candidates c on c.id = coalesce(mx.candidate_id, pe.candidate_id)
                      where mx.article_id = art.id order by mx.start))"""
        sql = f"""
            select art.published_day as date, art.published, art.outlet_name as outlet, art.title,
                   art.canonical_url as url, 'article' as kind,
                   {people} as person,
                   null as role,
                   {pairs.format(col='pair_name')} as candidate_pair,
                   {pairs.format(col='nomor_urut')} as candidate_number,
                   {pairs.format(col='wilayah')} as region,
                   (select group_concat(name, '; ') from (select distinct p.name from mentions mp
                      join parties p on p.id = mp.party_id where mp.article_id = art.id order by mp.start)) as party,
                   null as sentence, null as quote
            from ({_ARTICLES}) art
            where {{window}}"""
        which = []
        if candidate:
            which.append(f"""exists (select 1 from mentions m join people pe on pe.id = m.person_id
                                     left join candidates c on c.id = coalesce(m.candidate_id, pe.candidate_id)
                                     where m.article_id = art.id and {_PERSON_MATCH})""")
        if party:
            which.append(f"""exists (select 1 from mentions m join parties p on p.id = m.party_id
                                     where m.article_id = art.id and {_PARTY_MATCH})""")
        in_region = f"""{_REGION_ARTICLE} or exists (select 1 from mentions m join people pe on pe.id = m.person_id
                               join candidates c on c.id = coalesce(m.candidate_id, pe.candidate_id)
                               where m.article_id = art.id and {_REGION_CANDIDATE})"""
        order = "art.at_utc, art.id"
    else:
        raise ExportError(f"unknown kind {kind!r}: choose one of {', '.join(KINDS)}")
    # A candidate and a party given together widen the rows (either matches); region and outlet narrow them.
    if which:
        sql += " and (" + " or ".join(which) + ")"
    if region:
        sql += f" and ({in_region})"
    if outlet:
        sql += f" and {_OUTLET_MATCH}"
    return sql + f" order by {order}"


def require_outlet(conn: sqlite3.Connection, outlet: str, *, id_only: bool = False) -> None:
    """Refuse an outlet the database does not know: a typo must not pass for a quiet day."""
    match = "id = :outlet" if id_only else _OUTLET_MATCH.replace("art.outlet_", "").replace("art.", "")
    if conn.execute(f"select 1 from outlets where {match} limit 1", {"outlet": outlet}).fetchone():
        return
    ids = [row[0] for row in conn.execute("select id from outlets order by id limit 11")]
    known = ", ".join(ids[:10]) + (", ..." if len(ids) > 10 else "") if ids else "none yet"
    raise ExportError(f"no outlet {outlet!r} in the database (outlet ids: {known})")


def export_rows(conn: sqlite3.Connection, window: Window, *, kind: str = "mentions", outlet: str | None = None,
                region: str | None = None, candidate: str | None = None, party: str | None = None) -> list[list]:
    """The export's rows, each a list in `COLUMNS` order."""
    if outlet:
        require_outlet(conn, outlet)
    sql = _query(kind, outlet=outlet, region=region, candidate=candidate, party=party)
    window_sql, named = window.sql("art.at_utc", "art.tz")
    named.update({"outlet": outlet, "region": region, "candidate": candidate, "party": party})
    rows = conn.execute(sql.replace("{window}", window_sql), named).fetchall()
    return [[row[col] for col in COLUMNS] for row in rows]


def write_csv(rows: list[list], fh, *, excel: bool = False) -> None:
    """Write the header and rows to a text stream opened with newline=''."""
    writer = csv.writer(fh, lineterminator="\r\n" if excel else "\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)


def encoding_for(excel: bool) -> str:
    # Excel only reads a CSV as UTF-8 when it starts with a byte-order mark.
    return "utf-8-sig" if excel else "utf-8"


def write_file(rows: list[list], path: str | Path, *, excel: bool = False) -> None:
    with open(path, "w", encoding=encoding_for(excel), newline="") as fh:
        write_csv(rows, fh, excel=excel)


def write_binary(rows: list[list], stream, *, excel: bool = False) -> None:
    text = io.TextIOWrapper(stream, encoding=encoding_for(excel), newline="", write_through=True)
    try:
        write_csv(rows, text, excel=excel)
        text.flush()
    finally:
        text.detach()
