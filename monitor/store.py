"""The one place that writes the SQLite database.

Spiders and pipelines hand finished facts to `Store`; Datasette, export and
stats only read. Reference tables (parties, regions, KPU candidates) are filled
from the NLP gazetteers the first time a database is opened.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import re
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from db.schema import ensure_schema

DEFAULT_DB = Path("db/monitor.db")


class StoreError(Exception):
    """A database problem worth one line to the user (locked, unreadable, ...)."""


def utcnow() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def text_fingerprint(text: str) -> str:
    """Hash of the words only, so whitespace and punctuation edits do not hide a copy."""
    words = re.findall(r"\w+", (text or "").lower())
    return hashlib.sha1(" ".join(words).encode()).hexdigest()


def pack_pages(pages) -> bytes | None:
    """Pages 2.. of a split article ([{"url", "html"}]) as stored in articles.more_pages_gz; None when there are none."""
    if not pages:
        return None
    data = [{"url": p.get("url"), "html": p.get("html") or ""} for p in pages]
    return gzip.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"))


def unpack_pages(blob: bytes | None) -> list[dict]:
    """The inverse of `pack_pages`: [] for a one-page article."""
    return json.loads(gzip.decompress(blob).decode("utf-8")) if blob else []


class Store:
    def __init__(self, path: str | Path = DEFAULT_DB, *, timeout: float = 30.0):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(str(self.path), timeout=timeout)
            self.db = sqlite_utils.Database(conn)
            ensure_schema(self.db)
        except sqlite3.OperationalError as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a usable SQLite database: {exc}") from exc
        # name -> (id, candidate id): one lookup per person and Store, not one per mention.
        self._people: dict[str, tuple[int, str | None]] = {}
        # Reference ids (candidates, parties), read once on first use: checked for every mention.
        self._known: dict[str, set[str]] = {}
        self.ensure_reference_data()

    def close(self) -> None:
        self.db.conn.close()

    # -- reference data -------------------------------------------------
    def ensure_reference_data(self) -> None:
        try:
            from monitor.nlp.gazetteer import load_parties, load_paslon
        except ImportError:
            return
        # Reload when the gazetteers grew (a newer KPU file, the demo's fictional pairs).
        if (self.db["parties"].count >= len(load_parties())
                and self.db["candidates"].count >= 2 * len(load_paslon())):
            return
        parties = [
            {
                "id": p["id"], "number": p.get("number"), "name": p["name"],
                "kpu_acronym": p.get("kpu_acronym"), "aceh_local": int(bool(p.get("aceh_local"))),
            }
            for p in load_parties()
        ]
        regions, candidates = {}, []
        for pair in load_paslon():
            regions[pair["kode_wilayah"]] = {
                "kode_wilayah": pair["kode_wilayah"], "name": pair["wilayah"],
                "provinsi": pair["provinsi"], "level": pair["level"],
            }
            pair_name = f'{pair["calon"]["name"]} - {pair["wakil"]["name"]}'
            for position in ("calon", "wakil"):
                person = pair[position]
                candidates.append({
                    "id": f'{pair["id_paslon"]}-{position}', "id_paslon": str(pair["id_paslon"]),
                    "position": position, "name": person["name"], "raw_name": person.get("raw"),
                    "kode_wilayah": pair["kode_wilayah"], "wilayah": pair["wilayah"],
                    "provinsi": pair["provinsi"], "level": pair["level"],
                    "nomor_urut": pair.get("nomor_urut"), "pair_name": pair_name,
                })
        with self.db.conn:
            self.db["parties"].upsert_all(parties, pk="id")
            self.db["regions"].upsert_all(regions.values(), pk="kode_wilayah")
            self.db["candidates"].upsert_all(candidates, pk="id")
        self._known.clear()

    # -- outlets and runs -------------------------------------------------
    def upsert_outlet(self, outlet) -> None:
        self.db["outlets"].upsert(
            {
                "id": outlet.id, "name": outlet.name, "base_url": outlet.base_url,
                "province": outlet.province, "regency": outlet.regency,
                "timezone": outlet.timezone, "kind": outlet.kind, "enabled": int(outlet.enabled),
            },
            pk="id",
        )

    def known_urls(self, outlet_id: str) -> dict[str, str | None]:
        rows = self.db.execute(
            "select canonical_url, coalesce(source_modified, modified) from articles where outlet_id = ?",
            [outlet_id],
        ).fetchall()
        return {url: modified for url, modified in rows}

    def last_success(self, outlet_id: str) -> tuple[str | None, str | None]:
        """(started, message) of the outlet's latest complete run; (None, None) before its first."""
        row = self.db.execute(
            "select started, message from crawl_runs where outlet_id = ? and status = 'ok' and started is not null"
            " order by started desc, id desc limit 1",
            [outlet_id],
        ).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def start_run(self, run_id: str, outlet_id: str, since: str | None = None) -> int:
        table = self.db["crawl_runs"]
        # A row still 'running' belongs to a crawl that died (killed, or blocked by a locked database
        # when it tried to record its end): crawls of one database never overlap (the run lock).
        with self.db.conn:
            self.db.execute(
                "update crawl_runs set status = 'interrupted', finished = coalesce(finished, ?), "
                "message = coalesce(message, 'the crawl ended without recording its end') "
                "where outlet_id = ? and status = 'running'", [utcnow(), outlet_id])
        table.insert({
            "run_id": run_id, "outlet_id": outlet_id, "started": utcnow(), "status": "running",
            "since": since, "requests": 0, "pages_fetched": 0, "new_articles": 0,
            "updated_articles": 0, "errors": 0,
        })
        return table.last_pk

    def finish_run(self, row_id: int, *, status: str, **counts) -> None:
        self.db["crawl_runs"].update(row_id, {"finished": utcnow(), "status": status, **counts})

    def record_failure(self, run_id: str | None, outlet_id: str, url: str, error: str) -> None:
        self.db["failures"].insert(
            {"run_id": run_id, "outlet_id": outlet_id, "url": url, "error": error, "at": utcnow()}
        )

    # -- articles -----------------------------------------------------------
    def find_duplicate(self, outlet_id: str, canonical_url: str, fingerprint: str) -> int | None:
        """An article of the same outlet with the same words under another URL."""
        row = self.db.execute(
            "select id from articles where outlet_id = ? and text_hash = ? and canonical_url != ?",
            [outlet_id, fingerprint, canonical_url],
        ).fetchone()
        return row[0] if row else None

    def save_articles(self, batch: list[tuple[dict, object, dict, str]]) -> dict[str, int]:
        """Store (page, article, analysis, pipeline_version) tuples in one transaction."""
        counts = {"new": 0, "updated": 0}
        try:
            with self.db.conn:
                # Take the write lock first: a transaction that reads before it writes cannot
                # wait its turn in WAL mode, it fails at once when another writer got in between.
                self.db.conn.execute("BEGIN IMMEDIATE")
                for page, article, analysis, version in batch:
                    counts[self._save_article(page, article, analysis, version)] += 1
        except sqlite3.OperationalError as exc:
            # The transaction rolled back as a whole: the caller still holds the batch.
            self._people.clear()
            raise StoreError(f"cannot write to {self.path}: {exc}") from exc
        return counts

    def _save_article(self, page: dict, article, analysis: dict, version: str) -> str:
        a = article.to_dict() if hasattr(article, "to_dict") else dict(article)
        canonical = page.get("canonical_url") or a.get("canonical_url") or page["url"]
        existing = self.db.execute(
            "select id from articles where canonical_url = ?", [canonical]
        ).fetchone()
        published = a.get("published")
        row = {
            "outlet_id": page["outlet_id"], "url": page["url"], "canonical_url": canonical,
            "title": a.get("title"), "published": published,
            # Local day as the outlet printed it: the offset is already the outlet's.
            "published_day": published[:10] if published else None,
            "modified": a.get("modified"), "authors": json.dumps(a.get("authors") or []),
            "section": a.get("section"), "tags": json.dumps(a.get("tags") or []),
            "dateline": a.get("dateline"), "text": a.get("text"), "lead_image": a.get("lead_image"),
            "lang": a.get("lang"), "word_count": len((a.get("text") or "").split()),
            "text_hash": text_fingerprint(a.get("text") or ""),
            "fetched_at": page.get("fetched_at"), "source_modified": page.get("source_modified"),
            "discovered_via": page.get("discovered_via"),
            "html_gz": gzip.compress((page.get("html") or "").encode("utf-8")),
            "more_pages_gz": pack_pages(page.get("more_pages")),
            "pipeline_version": version,
        }
        if existing:
            article_id = existing[0]
            self.db["articles"].update(article_id, row)
            self.replace_analysis(article_id, analysis, version)
            return "updated"
        article_id = self.db["articles"].insert(row).last_pk
        self.replace_analysis(article_id, analysis, version)
        return "new"

    def person_id(self, name: str, variants=(), candidate: dict | None = None) -> int:
        cand_id = self._candidate_id(candidate)
        if name in self._people:
            pid, known_cand = self._people[name]
            if cand_id and not known_cand:  # a later article may be the first to tie them to a candidate
                self.db.execute(
                    "update people set candidate_id = ? where id = ? and candidate_id is null", [cand_id, pid]
                )
                self._people[name] = (pid, cand_id)
            return pid
        row = self.db.execute("select id, variants, candidate_id from people where name = ?", [name]).fetchone()
        if row:
            pid, old_variants, old_cand = row
            merged = sorted(set(json.loads(old_variants or "[]")) | set(variants))
            cand_id = old_cand or cand_id
            self.db["people"].update(pid, {"variants": json.dumps(merged), "candidate_id": cand_id})
        else:
            pid = self.db["people"].insert(
                {"name": name, "variants": json.dumps(sorted(set(variants))), "candidate_id": cand_id}
            ).last_pk
        self._people[name] = (pid, cand_id)
        return pid

    def _known_ids(self, table: str) -> set[str]:
        if table not in self._known:
            self._known[table] = {row[0] for row in self.db.execute(f"select id from {table}")}
        return self._known[table]

    def _candidate_id(self, candidate: dict | None) -> str | None:
        if not candidate:
            return None
        cid = f'{candidate["id_paslon"]}-{candidate["position"]}'
        return cid if cid in self._known_ids("candidates") else None

    def replace_analysis(self, article_id: int, analysis: dict, version: str) -> None:
        """Swap an article's mentions and quotes for a new analysis: never duplicated."""
        self.db.execute("delete from mentions where article_id = ?", [article_id])
        self.db.execute("delete from quotes where article_id = ?", [article_id])
        people = {p["name"]: p for p in analysis.get("people", [])}
        person_ids = {
            name: self.person_id(name, p.get("variants") or [], p.get("candidate")) for name, p in people.items()
        }
        mentions = []
        for m in analysis.get("mentions", []):
            person_id = party_id = candidate_id = None
            if m["kind"] == "person":
                p = people.get(m["key"], {})
                person_id = person_ids.get(m["key"]) or self.person_id(m["key"])
                candidate_id = self._candidate_id(m.get("candidate") or p.get("candidate"))
            elif m["kind"] == "party":
                party_id = m["key"] if m["key"] in self._known_ids("parties") else None
            mentions.append({
                "article_id": article_id, "kind": m["kind"], "person_id": person_id,
                "party_id": party_id, "candidate_id": candidate_id, "surface": m.get("text"),
                "sentence": m.get("sentence"), "start": m.get("start"), "end": m.get("end"),
                "in_title": int(bool(m.get("in_title"))), "in_lead": int(bool(m.get("in_lead"))),
                "role": m.get("role"), "pipeline_version": version,
            })
        if mentions:
            self.db["mentions"].insert_all(mentions)
        quotes = [
            {
                "article_id": article_id,
                "person_id": self.person_id(q["speaker"]) if q.get("speaker") else None,
                "speaker": q.get("speaker"), "text": q["text"], "direct": int(bool(q.get("direct"))),
                "cue": q.get("cue"), "pipeline_version": version,
            }
            for q in analysis.get("quotes", [])
        ]
        if quotes:
            self.db["quotes"].insert_all(quotes)
