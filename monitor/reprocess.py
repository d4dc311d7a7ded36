"""Re-run extraction and/or analysis over stored articles, without the network.

After a gazetteer edit (a new party alias, a corrected candidate name) or a new
extractor, stored articles are brought up to date from what the database
already holds: the raw HTML (kept gzip-compressed in articles.html_gz, and the
further pages of a split article in articles.more_pages_gz, joined again) and
the extracted title and text. The same functions as the crawl pipelines do the
work, and the result goes through the same writer (`Store.save_articles`),
which replaces an article's mentions and quotes and records the pipeline
version that produced them, so nothing is ever duplicated.

Stages:
    all  extract the article again from its HTML, then analyse it (default)
    nlp  analyse the stored title and text again (faster; for gazetteer/NLP changes)
"""
from __future__ import annotations

import gzip
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from monitor.store import Store, unpack_pages

logger = logging.getLogger(__name__)

STAGES = ("all", "nlp")
BATCH = 50


@dataclass
class Result:
    selected: int = 0
    updated: int = 0
    not_article: int = 0  # re-extraction says the page is no article (kept as it was)
    failed: int = 0  # extraction or analysis raised (kept as it was)
    mentions_before: int = 0
    mentions_after: int = 0
    versions: dict = field(default_factory=dict)  # pipeline_version -> articles, after the run

    def line(self) -> str:
        return (
            f"{self.updated} of {self.selected} articles reprocessed, {self.not_article} no longer "
            f"read as articles, {self.failed} failed; mentions {self.mentions_before} -> {self.mentions_after}"
        )


def _outlets(store: Store, registry: Path | None) -> dict:
    """Outlet objects by id: the registry's (with its selectors) over what the database remembers."""
    from monitor.outlets import Outlet, RegistryError, load_registry

    outlets = {}
    for row in store.db["outlets"].rows:
        try:
            outlets[row["id"]] = Outlet(
                id=row["id"], name=row["name"] or row["id"], base_url=row["base_url"],
                province=row["province"], regency=row["regency"], timezone=row["timezone"] or "WIB",
                kind=row["kind"] or "wordpress",
            )
        except (RegistryError, TypeError, ValueError) as exc:
            logger.warning("outlet %s: %s; extracting without its profile", row["id"], exc)
    if registry is not None and Path(registry).is_file():
        outlets.update({o.id: o for o in load_registry(registry)})
    return outlets


def select_articles(store: Store, *, since: str | None = None, outlet: str | None = None,
                    stale_only: bool = False, version: str | None = None) -> list[int]:
    """Ids of the articles to reprocess, oldest first."""
    where, params = ["1"], {}
    if since is not None:
        from monitor.export import make_window

        window = make_window(store.db.conn, since, None)
        cond, params = window.sql("datetime(coalesce(a.published, a.fetched_at))", "coalesce(o.timezone, 'WIB')")
        where.append(cond)
    if outlet:
        where.append("a.outlet_id = :outlet")
        params["outlet"] = outlet
    if stale_only:
        where.append("coalesce(a.pipeline_version, '') != :version")
        params["version"] = version or ""
    sql = (
        "select a.id from articles a left join outlets o on o.id = a.outlet_id where "
        + " and ".join(where) + " order by a.id"
    )
    return [row[0] for row in store.db.execute(sql, params).fetchall()]


def _stored_article(row: dict) -> dict:
    """The stored row back in `Article.to_dict()` shape, for the nlp-only stage."""
    return {
        "url": row["url"], "canonical_url": row["canonical_url"], "title": row["title"],
        "published": row["published"], "modified": row["modified"],
        "authors": json.loads(row["authors"] or "[]"), "section": row["section"],
        "tags": json.loads(row["tags"] or "[]"), "dateline": row["dateline"], "text": row["text"],
        "lead_image": row["lead_image"], "lang": row["lang"],
    }


def reprocess(db_path: str | Path, *, since: str | None = None, outlet: str | None = None, stage: str = "all",
              stale_only: bool = False, registry: Path | None = Path("outlets.toml"),
              on_progress=None, nlp=None) -> Result:
    """Reprocess stored articles in place; returns the counts. `on_progress(done, total)` is called per article."""
    from monitor.extract import NotAnArticle, extract_pages
    from monitor.nlp import analyze, build_nlp, pipeline_version

    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}: choose one of {', '.join(STAGES)}")
    store = Store(db_path)
    try:
        outlets = _outlets(store, registry)
        version = pipeline_version()
        ids = select_articles(store, since=since, outlet=outlet, stale_only=stale_only, version=version)
        result = Result(selected=len(ids))
        if ids:
            result.mentions_before = _count_mentions(store, ids)
            nlp = nlp or build_nlp()
        batch: list = []
        for done, article_id in enumerate(ids, start=1):
            row = store.db["articles"].get(article_id)
            item = _redo(row, outlets.get(row["outlet_id"]), stage, nlp, result,
                         extract_pages, NotAnArticle, analyze)
            if item is not None:
                batch.append((*item, version))
            if len(batch) >= BATCH:
                result.updated += sum(store.save_articles(batch).values())
                batch = []
            if on_progress is not None:
                on_progress(done, len(ids))
        if batch:
            result.updated += sum(store.save_articles(batch).values())
        if ids:
            result.mentions_after = _count_mentions(store, ids)
        result.versions = dict(store.db.execute(
            "select coalesce(pipeline_version, '?'), count(*) from articles group by 1"
        ).fetchall())
        return result
    finally:
        store.close()


def _redo(row, outlet, stage, nlp, result, extract_pages, NotAnArticle, analyze):
    """(page, article, analysis) for one stored row, or None when it stays as it is."""
    html = gzip.decompress(row["html_gz"]).decode("utf-8") if row["html_gz"] else ""
    more_pages = unpack_pages(row.get("more_pages_gz"))
    page = {
        "outlet_id": row["outlet_id"], "url": row["url"], "canonical_url": row["canonical_url"],
        "fetched_at": row["fetched_at"], "source_modified": row["source_modified"],
        "discovered_via": row["discovered_via"], "html": html, "more_pages": more_pages,
    }
    timezone = getattr(outlet, "timezone", None) or "WIB"
    try:
        if stage == "all":
            if not html:
                raise ValueError("no stored HTML")
            article = extract_pages(html, row["url"], [p["html"] for p in more_pages], timezone=timezone,
                                    outlet=outlet, fetched_at=row["fetched_at"])
            if not (article.text or "").strip():
                raise NotAnArticle("no body text")
            title, text = article.title, article.text
        else:
            article = _stored_article(row)
            title, text = article["title"], article["text"]
        analysis = analyze(title or "", text or "", region=getattr(outlet, "regency", None), nlp=nlp)
    except NotAnArticle as exc:
        result.not_article += 1
        logger.warning("kept as it was, no longer read as an article: %s (%s)", row["url"], exc)
        return None
    except Exception as exc:  # one bad page must not stop the run; its old data stays
        result.failed += 1
        logger.error("kept as it was, reprocessing failed: %s: %s: %s", row["url"], type(exc).__name__, exc)
        return None
    return page, article, analysis


def _count_mentions(store: Store, ids: list[int]) -> int:
    total = 0
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        total += store.db.execute(
            f"select count(*) from mentions where article_id in ({','.join('?' * len(chunk))})", chunk
        ).fetchone()[0]
    return total
