"""The database schema, in one place, with in-place migrations.

Every writer goes through `ensure_schema()` first. Each migration is a function
applied once, in order, and recorded in SQLite's `user_version`, so an existing
database upgrades in place and a new one is built by replaying them all.
"""
from __future__ import annotations

import sqlite_utils


def _v1_base(db: sqlite_utils.Database) -> None:
    db["outlets"].create(
        {
            "id": str, "name": str, "base_url": str, "province": str, "regency": str,
            "timezone": str, "kind": str, "enabled": int,
        },
        pk="id",
    )
    db["regions"].create(
        {"kode_wilayah": str, "name": str, "provinsi": str, "level": str},
        pk="kode_wilayah",
    )
    db["parties"].create(
        {"id": str, "number": int, "name": str, "kpu_acronym": str, "aceh_local": int},
        pk="id",
    )
    db["candidates"].create(
        {
            "id": str, "id_paslon": str, "position": str, "name": str, "raw_name": str,
            "kode_wilayah": str, "wilayah": str, "provinsi": str, "level": str,
            "nomor_urut": int, "pair_name": str,
        },
        pk="id",
        foreign_keys=[("kode_wilayah", "regions", "kode_wilayah")],
    )
    db["articles"].create(
        {
            "id": int, "outlet_id": str, "url": str, "canonical_url": str, "title": str,
            "published": str, "published_day": str, "modified": str, "authors": str,
            "section": str, "tags": str, "dateline": str, "text": str, "lead_image": str,
            "lang": str, "word_count": int, "text_hash": str, "fetched_at": str, "source_modified": str,
            "discovered_via": str, "html_gz": bytes, "pipeline_version": str,
        },
        pk="id",
        foreign_keys=[("outlet_id", "outlets", "id")],
        not_null={"canonical_url", "outlet_id"},
    )
    db["articles"].create_index(["canonical_url"], unique=True)
    db["people"].create(
        {"id": int, "name": str, "variants": str, "candidate_id": str},
        pk="id",
        foreign_keys=[("candidate_id", "candidates", "id")],
    )
    db["people"].create_index(["name"], unique=True)
    db["mentions"].create(
        {
            "id": int, "article_id": int, "kind": str, "person_id": int, "party_id": str,
            "candidate_id": str, "surface": str, "sentence": str, "start": int, "end": int,
            "in_title": int, "in_lead": int, "role": str, "pipeline_version": str,
        },
        pk="id",
        foreign_keys=[
            ("article_id", "articles", "id"),
            ("person_id", "people", "id"),
            ("party_id", "parties", "id"),
            ("candidate_id", "candidates", "id"),
        ],
    )
    db["quotes"].create(
        {
            "id": int, "article_id": int, "person_id": int, "speaker": str, "text": str,
            "direct": int, "cue": str, "pipeline_version": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("person_id", "people", "id")],
    )
    db["crawl_runs"].create(
        {
            "id": int, "run_id": str, "outlet_id": str, "started": str, "finished": str,
            "status": str, "since": str, "requests": int, "pages_fetched": int,
            "new_articles": int, "updated_articles": int, "errors": int, "message": str,
        },
        pk="id",
        foreign_keys=[("outlet_id", "outlets", "id")],
    )
    db["failures"].create(
        {"id": int, "run_id": str, "outlet_id": str, "url": str, "error": str, "at": str},
        pk="id",
        foreign_keys=[("outlet_id", "outlets", "id")],
    )
    # Everything people facet on or join through gets an index.
    for table, cols in {
        "articles": ["outlet_id", "published_day", "published", "text_hash"],
        "mentions": ["article_id", "person_id", "party_id", "candidate_id", "kind"],
        "quotes": ["article_id", "person_id"],
        "candidates": ["kode_wilayah", "id_paslon"],
        "people": ["candidate_id"],
        "crawl_runs": ["outlet_id", "run_id"],
        "failures": ["outlet_id"],
    }.items():
        for col in cols:
            db[table].create_index([col], if_not_exists=True)
    db["articles"].enable_fts(["title", "text"], create_triggers=True, tokenize="unicode61")


def _v2_datasette_indexes(db: sqlite_utils.Database) -> None:
    """Composite indexes for the canned queries and dashboard charts.

    The dashboard's questions walk mentions by candidate (or person, or party)
    to articles, and articles by day to outlets; with both columns in one index
    SQLite answers from the index alone. The single-column indexes these
    replace are their prefixes, so they only cost writes.
    """
    for table, cols in {
        "mentions": [["candidate_id", "article_id"], ["person_id", "article_id"],
                     ["party_id", "article_id"]],
        "articles": [["published_day", "outlet_id"], ["outlet_id", "published_day"]],
        "quotes": [["person_id", "article_id"]],
        "candidates": [["wilayah"], ["provinsi"]],
        "crawl_runs": [["outlet_id", "started"], ["status"]],
    }.items():
        for index_cols in cols:
            db[table].create_index(index_cols, if_not_exists=True)
    for name in ("idx_mentions_candidate_id", "idx_mentions_person_id", "idx_mentions_party_id",
                 "idx_articles_published_day", "idx_articles_outlet_id", "idx_quotes_person_id",
                 "idx_crawl_runs_outlet_id"):
        db.execute(f"DROP INDEX IF EXISTS [{name}]")


def _v3_mentions_by_article(db: sqlite_utils.Database) -> None:
    """One index answers "what does this article mention" without touching the table.

    Date-bounded queries walk the day's articles and then their mentions; with
    kind and the three entity ids in the index, those lookups never read the
    (wide, sentence-carrying) mention rows. It replaces the article_id index,
    its prefix.
    """
    db["mentions"].create_index(
        ["article_id", "kind", "candidate_id", "person_id", "party_id"], if_not_exists=True
    )
    db.execute("DROP INDEX IF EXISTS idx_mentions_article_id")


def _v4_split_article_pages(db: sqlite_utils.Database) -> None:
    """Pages 2.. of a split article (``?page=2``, ``/2/``), so reprocessing can join them again offline.

    gzip-compressed JSON, ``[{"url": ..., "html": ...}]`` in page order; NULL for the usual one-page
    article. ``html_gz`` stays page 1.
    """
    db["articles"].add_column("more_pages_gz", bytes)


MIGRATIONS = [_v1_base, _v2_datasette_indexes, _v3_mentions_by_article, _v4_split_article_pages]


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Bring `db` up to the newest schema version, in place."""
    db.conn.execute("PRAGMA foreign_keys = ON")
    if db.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        db.enable_wal()
    version = schema_version(db)
    for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
        with db.conn:
            migration(db)
            db.conn.execute(f"PRAGMA user_version = {number}")


def schema_version(db: sqlite_utils.Database) -> int:
    return db.conn.execute("PRAGMA user_version").fetchone()[0]
