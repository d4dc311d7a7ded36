"""A Scrapy extension writing one `crawl_runs` row per outlet and crawl.

Each outlet gets its own crawler (see `monitor.crawl`), so each row carries
that outlet's own stats: requests made, article pages fetched, new and updated
articles (counted by the store pipeline), errors, and how discovery went.
The row's message starts with `via <source> <url>`: the next run reads it and
asks that source first.
"""
from __future__ import annotations

import logging
import sqlite3
import uuid
from datetime import datetime, timezone

from scrapy import signals
from scrapy.exceptions import NotConfigured

logger = logging.getLogger(__name__)


def new_run_id() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]


def outlet_history(db_path, outlet_id: str) -> dict:
    """Known article URLs, the last successful run's start and message, for one outlet."""
    from monitor.store import Store

    store = Store(db_path)
    try:
        last, previous = store.last_success(outlet_id)
        return {"known": store.known_urls(outlet_id), "last_success": last, "previous": previous}
    finally:
        store.close()


# crawl_runs counts and the Scrapy stats they are read from.
_COUNTS = {
    "requests": "downloader/request_count",
    "pages_fetched": "monitor/article_pages",
    "new_articles": "monitor/new_articles",
    "updated_articles": "monitor/updated_articles",
}


def run_counts(stats: dict) -> dict:
    """What a crawl did, from its Scrapy stats (a `get_stats()` dict)."""
    return {name: int(stats.get(key, 0) or 0) for name, key in _COUNTS.items()}


def run_message(summary: dict) -> str:
    parts = []
    if summary.get("via"):
        parts.append(f"via {summary['via']}" + (f" {summary['via_url']}" if summary.get("via_url") else ""))
        if summary.get("feed_url"):
            parts.append(f"feed {summary['feed_url']}")
    else:
        parts.append("no discovery source answered")
    parts.append(f"{summary.get('listed', 0)} listed, {summary.get('scheduled', 0)} fetched")
    if summary.get("notes"):
        parts.append("; ".join(f"{k}: {v}" for k, v in sorted(summary["notes"].items())))
    return "; ".join(parts)


class RunRecorder:
    """Enabled when MONITOR_DB is set: `EXTENSIONS = {"monitor.run_recorder.RunRecorder": 500}`."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.db_path = crawler.settings.get("MONITOR_DB")
        self.run_id = crawler.settings.get("MONITOR_RUN_ID") or new_run_id()
        self.store = None
        self.row_id = None
        self.outlet_id = None
        self.owns_store = False

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.get("MONITOR_DB") or crawler.settings.getbool("MONITOR_CHECK_ONLY"):
            raise NotConfigured
        ext = cls(crawler)
        crawler.monitor_recorder = ext
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.item_error, signal=signals.item_error)
        return ext

    def spider_opened(self, spider) -> None:
        from monitor.store import Store

        outlet = getattr(spider, "outlet", None)
        if outlet is None:
            return
        self.outlet_id = outlet.id
        # The store pipeline's connection when there is one: hundreds of outlets in one process
        # would otherwise hold two SQLite connections (and their file handles) each.
        shared = getattr(self.crawler, "monitor_store", None)
        self.owns_store = shared is None
        self.store = shared or Store(self.db_path)
        if self.owns_store:  # else the store pipeline, opened before this signal, has written the outlet
            self.store.upsert_outlet(outlet)
        since = getattr(spider, "since", None)
        self.row_id = self.store.start_run(self.run_id, outlet.id, since.isoformat() if since else None)

    def item_error(self, item, response=None, failure=None, **kw) -> None:
        # A page fetched but lost in a pipeline: the run is not complete.
        self.crawler.stats.inc_value("monitor/item_errors")
        self.failure(getattr(response, "url", None) or item.get("url"), f"pipeline error: {failure.getErrorMessage() if failure else '?'}")

    def failure(self, url: str, error: str) -> None:
        if self.store is not None and self.outlet_id:
            self.store.record_failure(self.run_id, self.outlet_id, url, error)

    def spider_closed(self, spider, reason) -> None:
        summary = spider.summary() if hasattr(spider, "summary") else {}
        stats = self.crawler.stats
        errors = sum(int(stats.get_value(k, 0) or 0) for k in (
            "monitor/article_errors", "monitor/failed_pages", "monitor/item_errors", "spider_exceptions/count",
            "monitor/unsaved_articles",
        ))
        if reason != "finished" or not summary.get("via"):
            status = "failed"
        elif any(stats.get_value(k) for k in ("monitor/article_errors", "monitor/item_errors", "monitor/unsaved_articles")):
            # Not "ok": the next run then starts from the last complete run's window and retries.
            status = "partial"
        else:
            status = "ok"
        counts = {
            **run_counts(stats.get_stats()),
            "errors": errors,
            "message": run_message(summary) + ("" if reason == "finished" else f"; closed: {reason}"),
        }
        self.crawler.monitor_summary = {"outlet_id": self.outlet_id, "status": status, **counts, **summary}
        if self.store is None or self.row_id is None:
            return
        try:
            self.store.finish_run(self.row_id, status=status, **counts)
        except sqlite3.Error as exc:
            # Another process held the database past the timeout: say so in one line; the row
            # stays "running" and, with no "ok" row, the next run takes this run's window again.
            logger.error("%s: could not record the run's end in crawl_runs (row %s): %s",
                         self.outlet_id, self.row_id, exc)
        finally:
            if self.owns_store:
                self.store.close()
