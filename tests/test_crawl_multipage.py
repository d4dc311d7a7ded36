"""Split articles (`?page=2`, `/2/`) in a real loopback crawl: every page fetched once, in order, one article
stored with every page's paragraphs, and `monitor reprocess` joining the stored pages again offline.

The site is the demo theme rendered from a synthetic corpus; two of its stories are then split by hand, the way
WordPress's `<!--nextpage-->` (`/slug/2/`) and many news CMSs (`?page=2`) split them.
"""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from crawl_support import article_requests, crawl, expected_urls, render, runs, stored_urls, table_rows
from monitor.demo.server import start_server
from monitor.extract import continuation_urls, extract_pages
from monitor.spiders.urls import canonical_url
from monitor.store import unpack_pages

N = 6
CONTENT = re.compile(r'(<div class="entry-content">\n)(.*?)(</div>)', re.S)
# `wp_link_pages` as Twenty Twenty calls it, inside the body.
PAGE_LINKS = '<nav class="post-nav-links" aria-label="Halaman">Halaman: {links}</nav>'


def paragraphs(story: str, page: int) -> list[str]:
    return [
        f"Bagian {story} halaman {page}: panitia pengawas mencatat {page * 11 + k} laporan warga tentang "
        f"tahapan Pilkada di kecamatan ke-{k} selama pekan ini."
        for k in (1, 2)
    ]


def split_story(site: Path, path: str, pages: int, style: str, *, next_only: bool = False, missing=()) -> list[str]:
    """Rewrite the story at `path` (`/2024/09/02/slug/`) as `pages` pages; returns every page's paragraphs in order.

    style "query": pages at `?page=N` (files `index-page{N}.html`, see `PagedServer`), linked relatively;
    style "path": pages at `/slug/N/`, linked absolutely as `wp_link_pages` does. `next_only` links each page
    to its neighbours only, so page 3 is found on page 2. Pages in `missing` are linked but not written (404).
    """
    folder = site / path.strip("/")
    page_one = (folder / "index.html").read_text(encoding="utf-8")
    url = {1: "{{BASE}}" + path}
    for n in range(2, pages + 1):
        url[n] = f"?page={n}" if style == "query" else "{{BASE}}" + f"{path}{n}/"
    everything = []
    for n in range(1, pages + 1):
        shown = [m for m in url if m != n and (not next_only or abs(m - n) == 1)]
        links = " ".join(f'<a href="{url[m]}" class="post-page-numbers">{m}</a>' for m in shown)
        body = "".join(f"<p>{p}</p>\n" for p in paragraphs(path.strip("/").rsplit("/", 1)[1], n))
        everything += paragraphs(path.strip("/").rsplit("/", 1)[1], n)
        nav = PAGE_LINKS.format(links=links)
        html = CONTENT.sub(lambda m: m[1] + body + nav + "\n" + m[3], page_one, count=1)
        if n in missing:
            continue
        if n == 1:
            target = folder / "index.html"
        elif style == "query":
            target = folder / f"index-page{n}.html"
        else:
            target = folder / str(n) / "index.html"
            target.parent.mkdir()
        target.write_text(html, encoding="utf-8")
    return everything


class PagedServer:
    """The demo server, answering `?page=N` on a story with its `index-page{N}.html` (it ignores queries)."""

    def __init__(self, root: Path):
        self.server = start_server(root)
        base = self.server.httpd.RequestHandlerClass

        class Handler(base):
            def _resolve(self, path):
                found = base._resolve(self, path)
                page = parse_qs(urlsplit(self.path).query).get("page")
                if found is None or not page or found.name != "index.html":
                    return found
                alt = found.with_name(f"index-page{page[0]}.html")
                return alt if alt.is_file() else None

        self.server.httpd.RequestHandlerClass = Handler

    def __enter__(self):
        return self.server

    def __exit__(self, *exc):
        self.server.stop()


def story_paths(site: Path) -> list[str]:
    return sorted("/" + str(p.parent.relative_to(site)) + "/" for p in site.glob("20*/*/*/*/index.html"))


def article_rows(db: Path) -> list[dict]:
    return table_rows(db, "articles")


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """One crawl of a six-story site: story A in three `?page=N` pages (each linking its neighbours
    only), story B in two `/2/` pages, the other four on one page each."""
    tmp = tmp_path_factory.mktemp("multipage")
    site = render(tmp, N)
    a, b = story_paths(site)[:2]
    expected = {a: split_story(site, a, 3, "query", next_only=True), b: split_story(site, b, 2, "path")}
    db = tmp / "m.db"
    with PagedServer(site) as server:
        [summary] = crawl([server.url], db)
        seen = list(server.requests)
    return dict(site=site, db=db, url=server.url, seen=seen, summary=summary, expected=expected, a=a, b=b)


def test_every_page_is_fetched_once_in_order_and_single_pages_cost_nothing_more(crawled):
    a, b, seen = crawled["a"], crawled["b"], crawled["seen"]
    assert sorted(article_requests(seen)) == story_paths(crawled["site"]), "page 1 of every story, once each"
    continuations = [p for p in seen if "?page=" in p or re.search(r"/\d/$", p)]
    assert sorted(continuations) == sorted([f"{a}?page=2", f"{a}?page=3", f"{b}2/"])
    assert [p for p in continuations if p.startswith(a)] == [f"{a}?page=2", f"{a}?page=3"], "in page order"
    assert len(seen) == len(set(seen)), seen
    # robots.txt + one REST page + one request per story + one per further page.
    assert len(seen) == 1 + 1 + N + 3, seen
    assert crawled["summary"]["status"] == "ok"
    assert crawled["summary"]["pages_fetched"] == N + 3


def test_a_split_article_is_stored_once_with_every_page(crawled):
    rows = article_rows(crawled["db"])
    assert len(rows) == N
    assert stored_urls(crawled["db"]) == expected_urls(crawled["site"], crawled["url"])
    by_path = {urlsplit(r["url"]).path: r for r in rows}
    for path, pages in ((crawled["a"], 3), (crawled["b"], 2)):
        row = by_path[path]
        assert row["text"].split("\n\n") == crawled["expected"][path]
        stored = unpack_pages(row["more_pages_gz"])
        assert len(stored) == pages - 1
        assert all(p["url"].startswith(crawled["url"].rstrip("/") + path) for p in stored)
        assert row["word_count"] == len(row["text"].split())
    assert sum(r["more_pages_gz"] is None for r in rows) == N - 2


def test_reprocess_joins_the_stored_pages_again_offline(crawled, tmp_path):
    from monitor.nlp import build_nlp
    from monitor.reprocess import reprocess

    db = tmp_path / "m.db"
    db.write_bytes(crawled["db"].read_bytes())
    conn = sqlite3.connect(db)
    with conn:  # as an extractor that read page 1 only would have left it
        conn.execute("update articles set text = 'lama', word_count = 1")
    conn.close()
    # The server is stopped: reprocess reads only what the database holds.
    result = reprocess(db, stage="all", registry=None, nlp=build_nlp())
    assert (result.updated, result.failed, result.not_article) == (N, 0, 0)
    by_path = {urlsplit(r["url"]).path: r for r in article_rows(db)}
    for path in (crawled["a"], crawled["b"]):
        assert by_path[path]["text"].split("\n\n") == crawled["expected"][path]
        assert len(unpack_pages(by_path[path]["more_pages_gz"])) in (1, 2), "reprocess keeps the stored pages"


def test_a_missing_page_keeps_what_was_fetched_and_marks_the_run_partial(tmp_path):
    site = render(tmp_path, 3)
    a = story_paths(site)[0]
    everything = split_story(site, a, 3, "path", missing=(3,))
    db = tmp_path / "m.db"
    with PagedServer(site) as server:
        [summary] = crawl([server.url], db, settings={"RETRY_ENABLED": False})
        seen = list(server.requests)
    assert [p for p in seen if re.search(r"/\d/$", p)] == [f"{a}2/", f"{a}3/"]
    row = next(r for r in article_rows(db) if urlsplit(r["url"]).path == a)
    assert row["text"].split("\n\n") == everything[:4], "pages 1 and 2 kept"
    assert summary["status"] == "partial" and summary["errors"] == 1
    conn = sqlite3.connect(db)
    failures = conn.execute("select url, error from failures").fetchall()
    conn.close()
    assert len(failures) == 1 and failures[0][0].endswith(f"{a}3/") and "split article" in failures[0][1]
    assert [r["status"] for r in runs(db)] == ["partial"]


def test_a_long_split_article_stops_at_the_page_budget(tmp_path):
    site = render(tmp_path, 2)
    a = story_paths(site)[0]
    everything = split_story(site, a, 4, "path")
    db = tmp_path / "m.db"
    with PagedServer(site) as server:
        [summary] = crawl([server.url], db, settings={"MONITOR_MAX_ARTICLE_PAGES": 2})
        seen = list(server.requests)
    assert [p for p in seen if re.search(r"/\d/$", p)] == [f"{a}2/"]
    row = next(r for r in article_rows(db) if urlsplit(r["url"]).path == a)
    assert row["text"].split("\n\n") == everything[:4]
    assert summary["status"] == "ok"
    assert "split article cut at 2 pages" in runs(db)[0]["message"]


BASE = "http://kabar.test/2024/09/02/cerita/"


@pytest.mark.parametrize("url, first, hrefs, expected", [
    (BASE, None, [], []),
    (BASE, None, ["?page=2", "?page=3", BASE + "?page=2#atas"], [BASE + "?page=2", BASE + "?page=3"]),
    (BASE, None, [BASE + "3/", BASE + "2/"], [BASE + "2/", BASE + "3/"]),
    # A later page of a /N/ article: page 3 continues page 1's address, not page 2's.
    (BASE + "2/", BASE, [BASE, BASE + "3/"], [BASE + "3/"]),
    # Other stories, archives and the site's own pagination are no continuation.
    (BASE, None, ["http://kabar.test/2024/09/02/lain/2/", "http://kabar.test/page/2/", "/2024/09/"], []),
])
def test_continuation_urls(url, first, hrefs, expected):
    html = "<html><body>" + "".join(f'<a href="{h}">x</a>' for h in hrefs) + "</body></html>"
    assert continuation_urls(html, url, first) == expected


def test_extract_pages_joins_pages_and_leaves_out_a_page_without_an_article(crawled):
    folder = crawled["site"] / crawled["a"].strip("/")
    base = "http://kabar.test" + crawled["a"]
    read = lambda name: (folder / name).read_text(encoding="utf-8").replace("{{BASE}}", "http://kabar.test")  # noqa: E731
    more = [read("index-page2.html"), "<html><body><p>Iklan</p></body></html>", read("index-page3.html")]
    article = extract_pages(read("index.html"), base, more, timezone="WITA")
    assert article.paragraphs == crawled["expected"][crawled["a"]]
    assert canonical_url(article.url) == canonical_url(base)


def test_wordpress_default_page_links_are_not_text():
    body = "".join(f"<p>{p}</p>" for p in paragraphs("cerita", 1))
    html = (f'<html><head><meta property="og:type" content="article"><title>Cerita</title></head><body><article>'
            f'<div class="entry-content">{body}<div class="page-links">Halaman: <a href="{BASE}2/">2</a></div>'
            f'</div></article></body></html>')
    assert extract_pages(html, BASE).paragraphs == paragraphs("cerita", 1)
