"""Crawl many outlets in one process.

One `CrawlerProcess`, one crawler per outlet: outlets crawl concurrently (each
held to its own per-domain politeness), and each crawler keeps its own stats,
so every outlet gets its own `crawl_runs` row. Twisted's reactor cannot be
restarted, so call these once per process (tests run them in a subprocess).
"""
from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from scrapy.settings import Settings

from monitor.outlets import Outlet
from monitor.run_recorder import new_run_id, run_counts


def project_settings(overrides: dict | None = None) -> Settings:
    """The project's settings (also used by `scrapy crawl`), plus overrides."""
    settings = Settings()
    settings.setmodule("monitor.settings", priority="project")
    if overrides:
        settings.setdict(overrides, priority="cmdline")
    return settings


def spider_class(kind: str, settings: Settings):
    from scrapy.spiderloader import get_spider_loader

    from monitor.spiders.wordpress import WordPressSpider

    if kind in (None, "", "wordpress"):
        return WordPressSpider
    try:
        return get_spider_loader(settings).load(kind)
    except KeyError:
        raise ValueError(f"unknown outlet kind {kind!r}: not 'wordpress' nor a spider in monitor/spiders") from None


def _raise_file_limit(wanted: int) -> None:
    """Each outlet holds sockets and a database connection: lift the soft open-files limit
    toward the hard one so hundreds of outlets fit in one process."""
    try:
        import resource
    except ImportError:  # not on this platform
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))


def _run(outlets: list[Outlet], settings: Settings, spider_kwargs: dict) -> list[dict]:
    from scrapy.crawler import CrawlerProcess

    _raise_file_limit(256 + 16 * len(outlets))
    from monitor.outlets import PLACEHOLDER_CONTACT

    if settings.get("MONITOR_CONTACT_URL") == PLACEHOLDER_CONTACT and not settings.getbool("MONITOR_CHECK_ONLY"):
        logging.getLogger(__name__).warning(
            "no crawler contact set: put [crawler] contact_url in outlets.toml or set MONITOR_CONTACT_URL, "
            "so site owners can reach you (it goes in the User-Agent)")

    classes = [spider_class(o.kind, settings) for o in outlets]  # fail before any crawl starts
    ids = [o.id for o in outlets]
    if len(set(ids)) != len(ids):
        raise ValueError("two outlets share one id: " + ", ".join(sorted({i for i in ids if ids.count(i) > 1})))
    # A command that set up its own logging (monitor.logs) keeps it; otherwise Scrapy's.
    if logging.getLogger().handlers and settings.getpriority("LOG_INSTALL_ROOT_HANDLER") < 40:
        settings.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")
    process = CrawlerProcess(settings)
    crawlers = []
    for outlet, cls in zip(outlets, classes):
        crawler = process.create_crawler(cls)
        process.crawl(crawler, outlet=outlet, **spider_kwargs)
        crawlers.append((outlet, crawler))
    process.start()
    results = []
    for outlet, crawler in crawlers:
        summary = getattr(crawler, "monitor_summary", None)
        if summary is None:
            spider = crawler.spider
            stats = crawler.stats.get_stats() if crawler.stats else {}
            summary = spider.summary() if spider is not None and hasattr(spider, "summary") else {}
            summary.update({
                "outlet_id": outlet.id,
                "status": "ok" if summary.get("via") else "failed",
                **run_counts(stats),
                "errors": stats.get("monitor/article_errors", 0),
            })
        results.append(summary)
    return results


def run_crawl(outlets: list[Outlet], db_path, *, since: datetime | str | None = None,
              settings: dict | None = None, all_history: bool = False) -> list[dict]:
    """Crawl `outlets` into the database at `db_path`; one summary dict per outlet.

    `since` limits the window for every outlet; without it each outlet goes back
    to its last successful run, or on a first run `first_run_days` (3 for
    registry outlets, the whole archive for `Outlet.from_url`). `all_history`
    makes a first run take the whole archive for every outlet.
    """
    if not outlets:
        return []
    db_path = Path(db_path)
    from monitor.store import Store

    # A locked or unusable database fails here in one line (StoreError), not inside Scrapy's
    # pipelines as a Twisted traceback after the crawl has started.
    Store(db_path).close()
    overrides = {"MONITOR_DB": str(db_path), "MONITOR_RUN_ID": new_run_id(), **(settings or {})}
    return _run(outlets, project_settings(overrides), {"since": since, "all_history": all_history})


def check_outlets(outlets: list[Outlet], *, settings: dict | None = None) -> list[dict]:
    """Probe every discovery source of each outlet, fetching no article: what works, and how much it lists."""
    if not outlets:
        return []
    # A probe should answer quickly: one retry, short waits.
    overrides = {"ITEM_PIPELINES": {}, "MONITOR_CHECK_ONLY": True, "MONITOR_DB": None, "RETRY_TIMES": 1,
                 "RETRY_BACKOFF_BASE": 0.5, **(settings or {})}
    return _run(outlets, project_settings(overrides), {"check": True})
