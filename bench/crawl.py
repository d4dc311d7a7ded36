"""Crawl cost on loopback WordPress-like outlets: requests per first run and per rerun.

Renders a site of N synthetic stories (the tests' corpus generator) in two themes and
several discovery flavours, serves it with the demo server (which counts every request),
and crawls it twice with `monitor.crawl.run_crawl` (extraction and storage included,
politeness delays off). "ideal" is robots.txt + the discovery pages a perfect crawler
needs + one request per story; the issue allows 10% over it, and at most 5 requests and
no story on a rerun.

Peers in the same run, on the same sites:
  * trafilatura 2.3 (sitemap_search + find_feed_urls + focused_crawler): what it finds;
  * a plain Scrapy CrawlSpider following every same-site link (robots.txt obeyed), the
    usual generic approach; it keeps no state, so its rerun costs what its first run did.

    .venv/bin/python bench/crawl.py                 # 50 stories, every flavour, both themes
    .venv/bin/python bench/crawl.py --articles 200 --flavours reference
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from crawl_support import FAST, article_requests, crawl, expected_urls, render, stored_urls, yoastify  # noqa: E402
from monitor.demo.server import start_server  # noqa: E402

FLAVOURS = {
    "rest": dict(rest=True),
    "feed": dict(rest=False, feed=True, sitemap=False, listing=True),
    "sitemap": dict(rest=False, feed=False, sitemap=True, listing=False),
    "listing": dict(rest=False, feed=False, sitemap=False, listing=True),
    "reference": dict(rest=False),  # 10-item feed, Yoast sitemaps not named in robots.txt, pagination
}

PEER_SPIDER = """
import sys
from scrapy.crawler import CrawlerProcess
from scrapy.linkextractors import LinkExtractor
from scrapy.spiders import CrawlSpider, Rule

class Everything(CrawlSpider):
    name = "everything"
    start_urls = [sys.argv[1]]
    rules = [Rule(LinkExtractor(), follow=True)]

process = CrawlerProcess({"ROBOTSTXT_OBEY": True, "LOG_LEVEL": "ERROR", "DOWNLOAD_DELAY": 0,
                          "COOKIES_ENABLED": False, "TELNETCONSOLE_ENABLED": False})
process.crawl(Everything)
process.start()
"""


def ideal_pages(flavour: str, n: int, per_page: int = 10) -> int:
    listing = -(-n // per_page)
    return {"rest": -(-n // 100), "feed": 1 + listing, "sitemap": 2, "listing": listing, "reference": 2}[flavour] + n


def ours(site: Path, switches: dict, tmp: Path) -> dict:
    db = tmp / "m.db"
    with start_server(site, **switches) as server:
        t0 = time.perf_counter()
        [first] = crawl([server.url], db)
        t1 = time.perf_counter()
        seen = list(server.requests)
        crawl([server.url], db)
        t2 = time.perf_counter()
        rerun = server.requests[len(seen):]
        expected = expected_urls(site, server.url)
    return {
        "found": len(stored_urls(db) & expected), "first": len(seen), "first_articles": len(article_requests(seen)),
        "rerun": len(rerun), "rerun_articles": len(article_requests(rerun)), "via": first.get("via"),
        "first_s": t1 - t0, "rerun_s": t2 - t1,
    }


def trafilatura_peer(site: Path, switches: dict) -> dict:
    from trafilatura.feeds import find_feed_urls
    from trafilatura.sitemaps import sitemap_search
    from trafilatura.spider import focused_crawler

    with start_server(site, **switches) as server:
        expected = {u.rstrip("/") for u in expected_urls(site, server.url)}
        found = set(sitemap_search(server.url)) | set(find_feed_urls(server.url))
        to_visit, known = focused_crawler(server.url, max_seen_urls=10, max_known_urls=1000)
        found |= set(to_visit) | set(known)
        requests = len(server.requests)
    return {"found": len({u.rstrip("/") for u in found} & expected), "requests": requests}


def scrapy_peer(site: Path, switches: dict) -> dict:
    with start_server(site, **switches) as server:
        subprocess.run([sys.executable, "-c", PEER_SPIDER, server.url], cwd=ROOT, capture_output=True, timeout=600)
        paths = list(server.requests)
    return {"requests": len(paths), "found": len(set(article_requests(paths)))}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=50)
    ap.add_argument("--flavours", nargs="*", default=list(FLAVOURS), choices=list(FLAVOURS))
    ap.add_argument("--themes", nargs="*", default=["default", "alt"], choices=["default", "alt"])
    a = ap.parse_args(argv)
    n = a.articles
    print(f"{n} stories per site; our crawl: run_crawl with {json.dumps({k: v for k, v in FAST.items() if k != 'ITEM_PIPELINES'})}")
    header = (f"{'flavour':<10} {'theme':<8} {'via':<8} {'found':>6} {'1st req':>8} {'ideal':>6} {'ratio':>6} "
              f"{'1st s':>6} {'rerun req':>9} {'rerun art':>9} | {'scrapy-all req':>14} {'found':>6} | "
              f"{'trafilatura found':>17} {'req':>4}")
    print(header)
    print("-" * len(header))
    for theme in a.themes:
        for flavour in a.flavours:
            with tempfile.TemporaryDirectory() as tmpdir:
                tmp = Path(tmpdir)
                site = render(tmp, n, theme, timezone="WIT" if theme == "alt" else "WITA")
                if flavour == "reference":
                    yoastify(site)
                switches = FLAVOURS[flavour]
                o = ours(site, switches, tmp)
                s = scrapy_peer(site, switches)
                t = trafilatura_peer(site, switches)
            ideal = 1 + ideal_pages(flavour, n)
            print(f"{flavour:<10} {theme:<8} {o['via'] or '-':<8} {o['found']:>3}/{n:<2} {o['first']:>8} {ideal:>6} "
                  f"{o['first'] / ideal:>6.2f} {o['first_s']:>6.1f} {o['rerun']:>9} {o['rerun_articles']:>9} | "
                  f"{s['requests']:>14} {s['found']:>6} | {t['found']:>14}/{n:<2} {t['requests']:>4}")


if __name__ == "__main__":
    main()
