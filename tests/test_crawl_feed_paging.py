"""A site whose feed is its only working source: the spider pages it (`/feed/?paged=N`).

REST API off, no sitemap, no listing pages: the demo server answers `/feed/?paged=N` the way
WordPress does (the next ten older posts, a 404 past the end), and the crawl walks those pages
until the window or the end of the feed.
"""
from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from scrapy.http import XmlResponse

from crawl_support import article_requests, crawl, expected_urls, render, stored_urls
from monitor.demo.server import start_server
from monitor.spiders import discovery as disc
from monitor.spiders.urls import canonical_url

FEED_ONLY = dict(rest=False, sitemap=False, listing=False)


def feed_requests(paths: list[str]) -> list[str]:
    return [p for p in paths if p.startswith("/feed/")]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return render(tmp_path_factory.mktemp("feedpaging"), 25)  # one story every 7 hours from 2024-09-02 08:00 WITA


@pytest.mark.parametrize("switches, last_page, status", [
    ({}, 3, 200),
    (dict(feed=False), 0, 404),
])
def test_demo_server_pages_its_feed_like_wordpress(site, switches, last_page, status):
    with start_server(site, **switches) as server:
        pages = [fetch(f"{server.url}feed/?paged={n}") for n in (1, 2, 3, 4)]
        plain = fetch(server.url + "feed/")
    assert pages[0] == plain  # ?paged=1 is the feed itself
    assert [s for s, _ in pages] == [status] * last_page + [404] * (4 - last_page)
    if status != 200:
        return
    entries = [disc.feed_entries(XmlResponse(server.url + "feed/", body=body)) for _, body in pages[:3]]
    assert [len(e) for e in entries] == [10, 10, 5]
    urls = [canonical_url(e.url, "http") for page in entries for e in page]
    assert len(set(urls)) == 25 and set(urls) == expected_urls(site, server.url)
    dates = [e.published for page in entries for e in page]
    assert dates == sorted(dates, reverse=True)  # each page older than the one before
    assert b"{{BASE}}" not in pages[1][1]


def test_whole_archive_of_a_feed_only_site_is_paged_through_and_rerun_is_cheap(site, tmp_path):
    db = tmp_path / "m.db"
    with start_server(site, **FEED_ONLY) as server:
        [first] = crawl([server.url], db, all_history=True)
        seen = list(server.requests)
        [second] = crawl([server.url], db, all_history=True)
        rerun = server.requests[len(seen):]
    assert stored_urls(db) == expected_urls(site, server.url) and len(stored_urls(db)) == 25
    fetched = article_requests(seen)
    assert len(fetched) == 25 and len(set(fetched)) == 25
    # Page 3 holds the last five stories; page 4 answers 404 and ends the walk.
    assert feed_requests(seen) == ["/feed/", "/feed/?paged=2", "/feed/?paged=3", "/feed/?paged=4"]
    assert first["via"] == "feed" and first["status"] == "ok" and first["new_articles"] == 25
    # The rerun's window starts at the first run: page 1 already reaches past it.
    assert article_requests(rerun) == [] and len(rerun) <= 5, rerun
    assert feed_requests(rerun) == ["/feed/"]
    assert second["status"] == "ok" and second["new_articles"] == 0


@pytest.mark.parametrize("since, stored, feed_pages", [
    # Story 12 went out 2024-09-05 20:00 WITA: page 2 (stories 14..5) reaches past the window.
    ("2024-09-05T19:00:00+08:00", 13, ["/feed/", "/feed/?paged=2"]),
    # Before every story: the walk ends at the 404 after the last page.
    ("2024-01-01T00:00:00+08:00", 25, ["/feed/", "/feed/?paged=2", "/feed/?paged=3", "/feed/?paged=4"]),
])
def test_windowed_crawl_pages_the_feed_back_to_the_window(site, tmp_path, since, stored, feed_pages):
    db = tmp_path / "m.db"
    with start_server(site, **FEED_ONLY) as server:
        [summary] = crawl([server.url], db, since=since)
        seen = list(server.requests)
    assert len(stored_urls(db)) == stored and summary["new_articles"] == stored
    assert len(article_requests(seen)) == stored
    assert feed_requests(seen) == feed_pages
    assert summary["via"] == "feed" and summary["status"] == "ok"


def test_feed_paging_is_bounded_by_max_feed_pages(site, tmp_path):
    db = tmp_path / "m.db"
    with start_server(site, **FEED_ONLY) as server:
        [summary] = crawl([server.url], db, all_history=True, settings={"MONITOR_MAX_FEED_PAGES": 2})
        seen = list(server.requests)
    assert feed_requests(seen) == ["/feed/", "/feed/?paged=2"]
    assert len(stored_urls(db)) == 20 and summary["new_articles"] == 20
