"""Item pipelines, one job each, in the order of DESIGN.md: extract, dedupe, analyse, store.

They call the same plain functions as `monitor extract`, `monitor analyze` and
`monitor reprocess`; nothing here knows about HTML or spaCy internals.
"""
from __future__ import annotations

import logging

from scrapy.exceptions import DropItem

from monitor.store import Store, StoreError, text_fingerprint

logger = logging.getLogger(__name__)


def _outlet(crawler):
    return getattr(crawler.spider, "outlet", None)


class _CrawlerAware:
    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def _fail(self, item, reason: str) -> None:
        self.crawler.stats.inc_value("monitor/failed_pages")
        store = getattr(self.crawler, "monitor_store", None)
        if store is not None:
            store.record_failure(
                self.crawler.settings.get("MONITOR_RUN_ID"), item.get("outlet_id"), item.get("url"), reason
            )


class ExtractPipeline(_CrawlerAware):
    """html -> Article (the pages of a split article joined). A page that is not an article is dropped with its reason."""

    def process_item(self, item):
        from monitor.extract import NotAnArticle, extract_pages

        outlet = _outlet(self.crawler)
        try:
            article = extract_pages(
                item["html"], item["url"], [p["html"] for p in item.get("more_pages") or ()],
                timezone=getattr(outlet, "timezone", None) or "WIB",
                outlet=outlet, fetched_at=item.get("fetched_at"),
            )
        except NotAnArticle as exc:
            self.crawler.stats.inc_value("monitor/not_article")
            raise DropItem(f"not an article: {item['url']}: {exc}")
        except Exception as exc:  # a malformed page must not stop the crawl
            self._fail(item, f"extraction failed: {type(exc).__name__}: {exc}")
            raise DropItem(f"extraction failed: {item['url']}: {exc}")
        if not (article.text or "").strip():
            self._fail(item, "no body text")
            raise DropItem(f"no body text: {item['url']}")
        item["_article"] = article
        return item


class DedupePipeline(_CrawlerAware):
    """Same canonical URL twice in a run, or the same words under another URL of the outlet."""

    def __init__(self, crawler):
        super().__init__(crawler)
        self.seen: set[str] = set()

    def process_item(self, item):
        article = item["_article"]
        canonical = item.get("canonical_url") or article.canonical_url or item["url"]
        if canonical in self.seen:
            self.crawler.stats.inc_value("monitor/duplicates")
            raise DropItem(f"duplicate in this run: {canonical}")
        self.seen.add(canonical)
        store = getattr(self.crawler, "monitor_store", None)
        if store is not None and store.find_duplicate(
            item["outlet_id"], canonical, text_fingerprint(article.text)
        ):
            self.crawler.stats.inc_value("monitor/duplicates")
            raise DropItem(f"same text already stored under another URL: {canonical}")
        item["canonical_url"] = canonical
        return item


class AnalysePipeline(_CrawlerAware):
    """Article -> people, candidates, parties, roles, quotes."""

    nlp = None  # one spaCy pipeline per process, shared by every outlet's crawler

    def process_item(self, item):
        from monitor.nlp import analyze, build_nlp

        if AnalysePipeline.nlp is None:
            AnalysePipeline.nlp = build_nlp()
        outlet = _outlet(self.crawler)
        article = item["_article"]
        try:
            item["_analysis"] = analyze(
                article.title or "", article.text or "",
                region=getattr(outlet, "regency", None), nlp=AnalysePipeline.nlp,
            )
        except Exception as exc:  # keep the article even when analysis breaks
            logger.error("analysis failed for %s: %s", item["url"], exc)
            self._fail(item, f"analysis failed: {type(exc).__name__}: {exc}")
            item["_analysis"] = {}
        return item


class StorePipeline(_CrawlerAware):
    """One transaction per batch into SQLite."""

    batch_size = 25

    def __init__(self, crawler):
        super().__init__(crawler)
        self.batch: list = []
        self.store: Store | None = None

    def open_spider(self):
        from monitor.nlp import pipeline_version

        self.version = pipeline_version()
        self.store = Store(self.crawler.settings.get("MONITOR_DB", "db/monitor.db"))
        self.crawler.monitor_store = self.store
        outlet = _outlet(self.crawler)
        if outlet is not None:
            self.store.upsert_outlet(outlet)

    def process_item(self, item):
        page = {k: item.get(k) for k in item.fields if k in item}
        self.batch.append((page, item["_article"], item.get("_analysis") or {}, self.version))
        if len(self.batch) >= self.batch_size:
            self.flush()
        return {"url": item["url"], "title": item["_article"].title}

    def flush(self) -> None:
        if not self.batch:
            return
        try:
            counts = self.store.save_articles(self.batch)
        except StoreError as exc:
            # Keep the batch: the next flush (or the one at close) tries again.
            logger.error("%s; %d articles kept for the next attempt", exc, len(self.batch))
            return
        self.batch = []
        self.crawler.stats.inc_value("monitor/new_articles", counts["new"])
        self.crawler.stats.inc_value("monitor/updated_articles", counts["updated"])

    def close_spider(self):
        self.flush()
        if self.batch:
            self.crawler.stats.set_value("monitor/unsaved_articles", len(self.batch))
            logger.error("%d articles could not be stored in %s", len(self.batch), self.store.path)
