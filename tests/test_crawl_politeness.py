"""Politeness and robustness over loopback: Retry-After, backoff on 5xx, two requests at a time, honest UA."""
from __future__ import annotations

import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from crawl_support import crawl, runs, stored_urls
from monitor.crawl import project_settings
from monitor.politeness import retry_after_seconds

ARTICLE = """<!doctype html><html lang="id"><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="2024-09-0{n}T10:00:00+08:00"></head>
<body><article><h1 class="entry-title">{title}</h1>
<time class="entry-date published" datetime="2024-09-0{n}T10:00:00+08:00">{n} September 2024</time>
<div class="entry-content">
<p>KAB.UJI, kabaruji.test – Panitia pemilihan di Kecamatan Uji nomor {n} menggelar rapat koordinasi bersama
perwakilan desa untuk membahas tahapan pemungutan suara yang akan datang.</p>
<p>Rapat yang berlangsung sejak pagi itu dihadiri {n}0 peserta dari berbagai unsur masyarakat dan
penyelenggara pemilu setempat, termasuk pengawas kecamatan.</p>
<p>“Kami memastikan semua petugas siap bekerja sesuai aturan,” ujar ketua panitia kecamatan nomor {n}.</p>
<p>Rapat ditutup dengan pembagian tugas kepada setiap desa menjelang hari pemungutan suara.</p>
</div></article></body></html>"""
SLUGS = {1: "rapat-koordinasi-panitia-kecamatan-satu", 2: "rapat-koordinasi-panitia-kecamatan-dua",
         3: "rapat-koordinasi-panitia-kecamatan-tiga"}


class FlakySite:
    """Three articles behind a sitemap; article 1 first answers 429 Retry-After, article 2 first answers 503."""

    def __init__(self, retry_after: str = "1", robots_extra: str = ""):
        self.log: list[tuple[str, float, str]] = []  # (path, time, user agent)
        self.inflight = 0
        self.max_inflight = 0
        self.retry_after = retry_after
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_GET(self):
                with site._lock:
                    site.log.append((self.path, time.monotonic(), self.headers.get("User-Agent", "")))
                    site.inflight += 1
                    site.max_inflight = max(site.max_inflight, site.inflight)
                    hits = sum(p == self.path for p, _, _ in site.log)
                time.sleep(0.05)  # long enough for concurrent requests to overlap
                # Counted as finished before the answer goes out, so the client's next request
                # cannot race this thread's bookkeeping.
                with site._lock:
                    site.inflight -= 1
                self.respond(hits)

            def respond(self, hits):
                base = site.url.rstrip("/")
                if self.path == "/robots.txt":
                    return self.send(200, f"User-agent: *\nDisallow:\n{robots_extra}\nSitemap: {base}/sitemap.xml\n",
                                     "text/plain")
                if self.path == "/sitemap.xml":
                    urls = "".join(f"<url><loc>{base}/2024/09/0{n}/{s}/</loc><lastmod>2024-09-0{n}T02:00:00+00:00</lastmod></url>"
                                   for n, s in SLUGS.items())
                    return self.send(200, f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>',
                                     "application/xml")
                for n, slug in SLUGS.items():
                    if self.path == f"/2024/09/0{n}/{slug}/":
                        if n == 1 and hits == 1:
                            return self.send(429, "slow down", "text/plain", {"Retry-After": site.retry_after})
                        if n == 2 and hits == 1:
                            return self.send(503, "busy", "text/plain")
                        return self.send(200, ARTICLE.format(n=n, title=f"Rapat Koordinasi Panitia Kecamatan {n}"),
                                         "text/html; charset=utf-8")
                return self.send(404, "not found", "text/html")

            def send(self, status, body, ctype, headers=None):
                data = body.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def times(self, path):
        return [t for p, t, _ in self.log if p == path]

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def flaky():
    site = FlakySite()
    yield site
    site.stop()


def test_retry_after_and_backoff_then_everything_is_stored(flaky, tmp_path):
    db = tmp_path / "m.db"
    [summary] = crawl([flaky.url], db, settings={"RETRY_BACKOFF_BASE": 0.4})
    assert summary["status"] == "ok" and summary["new_articles"] == 3
    first, second = flaky.times(f"/2024/09/01/{SLUGS[1]}/")
    assert second - first >= 1.0, "429 Retry-After: 1 was not waited for"
    first, second = flaky.times(f"/2024/09/02/{SLUGS[2]}/")
    assert second - first >= 0.4, "503 was retried without backing off"
    assert len(stored_urls(db)) == 3


def test_a_retry_after_beyond_the_limit_is_left_for_the_next_run(tmp_path):
    site = FlakySite(retry_after="3600")
    try:
        db = tmp_path / "m.db"
        [summary] = crawl([site.url], db, settings={"RETRY_BACKOFF_BASE": 0.1})
        assert len(site.times(f"/2024/09/01/{SLUGS[1]}/")) == 1
    finally:
        site.stop()
    # Not "ok": the next run starts from the last complete run's window and gets the story then.
    assert summary["status"] == "partial" and summary["new_articles"] == 2
    assert runs(db)[0]["status"] == "partial"


def test_default_politeness_holds_on_the_wire(flaky, tmp_path):
    # Only the delays are lowered for loopback; concurrency and the User-Agent stay as shipped.
    # (A delay of exactly 0 lets Scrapy 2.19 start a whole queue at once, past the per-domain limit;
    # the shipped delay is 0.5 s and AutoThrottle never goes below it.)
    crawl([flaky.url], tmp_path / "m.db",
          settings={"RETRY_BACKOFF_BASE": 0.1, "RETRY_AFTER_MAX": 2, "DOWNLOAD_DELAY": 0.01})
    settings = project_settings()
    assert flaky.max_inflight <= settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN") == 2
    agents = {ua for _, _, ua in flaky.log}
    assert agents == {settings["USER_AGENT"]} and f"(+{settings['MONITOR_CONTACT_URL']})" in settings["USER_AGENT"]
    assert flaky.log[0][0] == "/robots.txt"


def test_crawl_delay_of_robots_txt_is_a_floor(tmp_path):
    site = FlakySite(retry_after="0", robots_extra="Crawl-delay: 1\n")
    try:
        crawl([site.url], tmp_path / "m.db", settings={"RETRY_BACKOFF_BASE": 0.1})
        starts = sorted(t for p, t, _ in site.log if p.startswith("/2024/"))
    finally:
        site.stop()
    assert len(starts) == 5  # three stories, two of them twice
    assert min(b - a for a, b in zip(starts, starts[1:])) >= 0.95


def test_shipped_settings_are_polite():
    s = project_settings()
    assert s.getbool("ROBOTSTXT_OBEY") and s.getbool("AUTOTHROTTLE_ENABLED")
    assert s.getfloat("DOWNLOAD_DELAY") > 0 and s.getint("CONCURRENT_REQUESTS_PER_DOMAIN") == 2
    assert s.getdict("DOWNLOADER_MIDDLEWARES")["scrapy.downloadermiddlewares.retry.RetryMiddleware"] is None
    assert 429 in s.getlist("RETRY_HTTP_CODES") and 503 in s.getlist("RETRY_HTTP_CODES")
    assert not s.getbool("COOKIES_ENABLED")  # the cookie middleware would fetch the public suffix list


@pytest.mark.parametrize("value, seconds", [
    ("120", 120.0), (b"7", 7.0), ("Wed, 21 Oct 2015 07:28:30 GMT", 30.0), ("soon", None), (None, None),
])
def test_retry_after_values(value, seconds):
    now = datetime(2015, 10, 21, 7, 28, 0, tzinfo=timezone.utc)
    assert retry_after_seconds(value, now) == seconds


class EndlessSite:
    """Every listing page links ten never-seen stories, a next page, a calendar, searches and replies."""

    def __init__(self, dated: bool = True):
        self.paths: list[str] = []
        site = self
        prefix = "/2024/09/{day:02d}" if dated else "/berita"

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_GET(self):
                site.paths.append(self.path)
                if self.path == "/robots.txt":
                    body, status = "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n", 200
                elif self.path == "/" or self.path.startswith("/page/"):
                    n = int(self.path.strip("/").split("/")[-1]) if self.path != "/" else 1
                    links = "".join(f'<h2><a href="{prefix.format(day=n % 28 + 1)}/cerita-nomor-{n}-{i}-dari-halaman/">S</a></h2>'
                                    for i in range(10))
                    body, status = (
                        f"<html><body>{links}<a href='/kalender/2024/{n}/'>kal</a><a href='/?s=x{n}'>cari</a>"
                        f"<a href='{prefix.format(day=1)}/cerita-nomor-1-0-dari-halaman/?replytocom={n}'>balas</a>"
                        f"<a href='/events/2024-{n}/?ical=1'>ical</a><a href='https://elsewhere.example/a-b-c-d/'>x</a>"
                        f"<a class='next page-numbers' href='/page/{n + 1}/'>Berikutnya</a></body></html>", 200)
                else:
                    body, status = "<html><body>not found</body></html>", 404
                data = body.encode()
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8" if status != 200 or "<html" in body else "text/plain")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


def test_endless_pagination_and_traps_are_bounded(tmp_path):
    site = EndlessSite()
    try:
        [summary] = crawl([site.url], tmp_path / "m.db", settings={"MONITOR_MAX_LISTING_PAGES": 5})
    finally:
        site.httpd.shutdown()
        site.httpd.server_close()
    listing = [p for p in site.paths if p == "/" or p.startswith("/page/")]
    assert listing == ["/", "/page/2/", "/page/3/", "/page/4/", "/page/5/"]
    assert not [p for p in site.paths if any(t in p for t in ("kalender", "?s=", "replytocom", "ical"))]
    assert "stopped after 5 listing pages" in summary["message"]


def test_undated_listing_with_a_window_walks_a_page_budget(tmp_path):
    site = EndlessSite(dated=False)
    try:
        [summary] = crawl([site.url], tmp_path / "m.db", since="2024-09-01",
                          settings={"MONITOR_MAX_UNDATED_LISTING_PAGES": 3})
    finally:
        site.httpd.shutdown()
        site.httpd.server_close()
    assert [p for p in site.paths if p == "/" or p.startswith("/page/")] == ["/", "/page/2/", "/page/3/"]
    assert "undated listing: stopped after 3 pages" in summary["message"]
