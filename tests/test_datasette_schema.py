"""Schema migrations for the Datasette queries: an existing database upgrades in place."""
import sqlite3

import sqlite_utils

from db.schema import MIGRATIONS, ensure_schema, schema_version


def indexes(db, table):
    return {tuple(i.columns) for i in db[table].indexes}


def test_v1_database_upgrades_in_place(tmp_path):
    db = sqlite_utils.Database(sqlite3.connect(tmp_path / "old.db"))
    MIGRATIONS[0](db)
    db.conn.execute("PRAGMA user_version = 1")
    db["outlets"].insert({"id": "a", "name": "A"})
    db["articles"].insert({"id": 1, "outlet_id": "a", "canonical_url": "u", "published_day": "2024-06-25"})
    db["mentions"].insert({"article_id": 1, "kind": "party", "party_id": None})
    ensure_schema(db)
    assert schema_version(db) == len(MIGRATIONS)
    assert ("article_id", "kind", "candidate_id", "person_id", "party_id") in indexes(db, "mentions")
    assert ("candidate_id", "article_id") in indexes(db, "mentions")
    assert ("article_id",) not in indexes(db, "mentions")
    assert ("published_day", "outlet_id") in indexes(db, "articles")
    assert db["articles"].count == 1 and db["mentions"].count == 1
    ensure_schema(db)  # a second run changes nothing
    assert schema_version(db) == len(MIGRATIONS)


def test_every_foreign_key_is_the_head_of_an_index(tmp_path):
    db = sqlite_utils.Database(sqlite3.connect(tmp_path / "new.db"))
    ensure_schema(db)
    for table in db.table_names():
        heads = {cols[0] for cols in indexes(db, table)}
        for fk in db[table].foreign_keys:
            assert fk.column in heads, (table, fk.column)
