"""The generic WordPress spider: any outlet from its base URL alone.

Discovery goes best source first and stops as soon as one source has covered
the date window:

1. the REST API (`/wp-json/wp/v2/posts`, filtered by `modified_after`, paged;
   or the API root the home page announces, e.g. `?rest_route=/`);
2. the home page: it names the feeds and is the first listing page;
3. the feed it announces: complete when its oldest item is older than the window;
4. sitemaps (robots.txt `Sitemap:` lines, else `wp-sitemap.xml`,
   `sitemap_index.xml`, `sitemap.xml`; none behind WordPress's own robots.txt
   when it names none), child sitemaps skipped by lastmod, page/taxonomy/author
   sitemaps never read;
5. the listing: the home page's pagination (or /page/2/, or its sections),
   walked back to the window or to stories already stored;
6. as a last resort, the feed paged through (`/feed/?paged=N`).

A whole-archive crawl (no window) asks for sitemaps before the home page and
does not read the feed, which cannot cover it. A step starts only when the
previous one has finished (the `spider_idle` signal), so a working source
saves every later probe. The source that worked (and the feed's address) is
remembered in `crawl_runs.message` and asked first next time.

Article pages are fetched once: a URL whose canonical form is stored is
skipped unless the source reports a newer modified date. A split article
(`?page=2`, `/2/`) has its further pages fetched in order, on the same host, and
travels as one item; a page linking to no further page costs nothing more.
The spider only yields raw `PageItem`s; extraction and storage are the
pipelines' job.
"""
from __future__ import annotations

import logging
import re
from collections import deque
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from scrapy import Request, signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response, TextResponse
from scrapy.spiders import SitemapSpider
from scrapy.utils.sitemap import sitemap_urls_from_robots
from scrapy.exceptions import CannotResolveHostError, DownloadConnectionRefusedError, DownloadTimeoutError
from twisted.internet.error import ConnectError, DNSLookupError, TCPTimedOutError, TimeoutError

from monitor.extract import continuation_urls
from monitor.items import PageItem
from monitor.outlets import Outlet, RegistryError, find_outlet
from monitor.spiders import discovery as disc
from monitor.spiders.urls import canonical_url, clean_url, is_trap

logger = logging.getLogger(__name__)


SOURCES = ("rest", "feed", "sitemap", "listing")
STEPS = ("rest", "home", "feed", "sitemap", "listing")
# Scrapy 2.13+ wraps Twisted's connection errors in its own; both are listed.
UNREACHABLE = (DownloadConnectionRefusedError, CannotResolveHostError, DownloadTimeoutError,
               ConnectError, DNSLookupError, TimeoutError, TCPTimedOutError)
SITEMAP_PROBES = ("wp-sitemap.xml", "sitemap_index.xml", "sitemap.xml")
REST_PER_PAGE = 100
DISCOVERY_STATUSES = [400, 401, 403, 404, 405, 406, 410, 451, 500, 501, 502, 503, 504]
_VIA_RE = re.compile(r"^via (rest|feed|sitemap|listing)(?: ([^\s;]+))?")
_FEED_RE = re.compile(r"; feed (\S+?);")


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _as_datetime(value) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    return disc.parse_when(str(value), "WIB")


class WordPressSpider(SitemapSpider):
    """Crawl one outlet: `scrapy crawl wordpress -a base_url=https://example.com/`."""

    name = "wordpress"
    sitemap_rules = [("", "parse_article")]

    def __init__(self, outlet: Outlet | None = None, base_url: str | None = None, since=None,
                 known: dict | None = None, all_history=False, check=False, registry=None, **kw):
        super().__init__(**kw)
        self.outlet = outlet
        self._base_url_arg = base_url
        self._since_arg = since
        self._known_arg = known
        self.all_history = str(all_history).lower() in ("1", "true", "yes") if isinstance(all_history, str) else bool(all_history)
        self.check = str(check).lower() in ("1", "true", "yes") if isinstance(check, str) else bool(check)
        self.registry = registry
        # Discovery state.
        self.steps: deque[str] = deque()
        self.complete = False
        self.worked: dict[str, str] = {}  # source -> URL that answered
        self.notes: dict[str, str] = {}  # source -> why it did not
        self.counts: dict[str, int] = {}  # source -> articles it listed (for `outlets check`)
        self.scheduled: set[str] = set()
        self.listed: set[str] = set()
        self.robots_sitemaps: list[str] = []
        self.sitemaps_seen: set[str] = set()
        self.home_response: Response | None = None
        self.tried_feeds: set[str] = set()
        self.listing_pages = 0
        self.listing_seen: set[str] = set()
        self.sections: deque[str] = deque()
        self.robots_from_wordpress = False
        self.feed_candidates: list[str] = []
        self.home_failed = False
        self.rest_endpoint: str | None = None
        self.rest_per_page = REST_PER_PAGE
        self.feed_seen: str | None = None
        self.remembered_feed: str | None = None  # the feed an earlier run found
        self.feed_last_resort = False
        self.feed_page_one: str | None = None
        self.listing_links: set[str] = set()
        self.completed_by: str | None = None
        self.answered = False  # any response at all from the outlet
        self.undated_pages = 0
        self.continued: set[str] = set()  # canonical URLs fetched as page 2.. of a split article

    # -- setup -----------------------------------------------------------------
    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider._setup(crawler.settings)
        crawler.signals.connect(spider._on_idle, signal=signals.spider_idle)
        crawler.signals.connect(spider._on_response, signal=signals.response_received)
        crawler.signals.connect(spider._on_robots, signal=signals.robots_parsed)
        return spider

    def default_outlet(self, settings) -> Outlet:
        """The outlet when none is passed: `-a base_url=...`, else the registry entry of this spider."""
        if self._base_url_arg and self.name == WordPressSpider.name:
            return Outlet.from_url(self._base_url_arg)
        registry = Path(self.registry or settings.get("MONITOR_REGISTRY", "outlets.toml"))
        if not registry.is_absolute() and not registry.exists():
            # `scrapy crawl` run from elsewhere than the project root: the repository's registry.
            registry = Path(__file__).resolve().parents[2] / registry
        if self.name != WordPressSpider.name:
            try:
                outlet = find_outlet(self.name, registry)
            except RegistryError as exc:
                raise ValueError(f"{self.name}: {exc}") from None
            if outlet is not None:
                return outlet
        raise ValueError(f"{self.name}: give the outlet with -a base_url=https://... (or register it in {registry})")

    def _setup(self, settings) -> None:
        if self.outlet is None:
            self.outlet = self.default_outlet(settings)
        if self._base_url_arg and self.outlet.base_url != self._base_url_arg:
            # `scrapy crawl jurnalisbicara -a base_url=http://127.0.0.1:8000/`: same outlet, another address.
            self.outlet.base_url = Outlet.from_url(self._base_url_arg).base_url
        self.base_url = self.outlet.base_url
        self.scheme = urlsplit(self.base_url).scheme
        host = urlsplit(self.base_url).hostname or ""
        self.allowed_domains = [host.removeprefix("www.")]
        self.tz = self.outlet.timezone
        self.max_listing_pages = settings.getint("MONITOR_MAX_LISTING_PAGES", 100)
        self.max_feed_pages = settings.getint("MONITOR_MAX_FEED_PAGES", 50)
        self.max_articles = settings.getint("MONITOR_MAX_ARTICLES", 5000)
        self.max_undated_pages = settings.getint("MONITOR_MAX_UNDATED_LISTING_PAGES", 5)
        self.max_article_pages = settings.getint("MONITOR_MAX_ARTICLE_PAGES", 20)
        self.include = [re.compile(p) for p in self.outlet.include]
        self.exclude = [re.compile(p) for p in self.outlet.exclude]
        history = self._history(settings)
        self.previous = history["previous"]
        self.known = {
            canonical_url(url, self.scheme): _as_datetime(modified) or True
            for url, modified in history["known"].items()
        }
        self.since = self._window(history["last_success"], settings)
        if self.check:
            self.known, self.since = {}, None
            self.max_listing_pages = min(self.max_listing_pages, 20)
        self.steps = deque(self._plan())

    def _history(self, settings) -> dict:
        """What earlier runs left: known URLs, last successful run, the source that worked."""
        history = {"known": self._known_arg or {}, "last_success": None, "previous": None}
        if self._known_arg is not None or self.check:
            return history
        db = settings.get("MONITOR_DB")
        if not db:
            return history
        from monitor.run_recorder import outlet_history

        found = outlet_history(db, self.outlet.id)
        history.update(found)
        return history

    def _window(self, last_success, settings) -> datetime | None:
        """`--since` if given; else since the last successful run; else the first-run window."""
        if self._since_arg not in (None, ""):
            return _as_datetime(self._since_arg)
        if last_success:
            return _as_datetime(last_success)
        if self.all_history or self.outlet.first_run_days is None:
            return None
        return utcnow() - timedelta(days=self.outlet.first_run_days)

    def _plan(self) -> list[str]:
        """Steps in order. The home page comes before feed and listing: it names the feeds and is
        the first listing page, so neither needs a blind probe."""
        if self.check:
            return list(STEPS)
        via = _VIA_RE.match(self.previous or "")
        if not via and self.since is None:
            # The whole archive: a feed cannot cover it, so sitemaps go before the home page.
            return ["rest", "sitemap", "home", "feed", "listing"]
        if not via:
            return list(STEPS)
        source, url = via[1], via[2]
        # The source that covered the last run goes first; the others stay as fallbacks.
        if source == "rest" and url and "rest_route=" in url:
            self.rest_endpoint = url
        if source == "sitemap" and url:
            self.robots_sitemaps = [url]
        if source == "feed" and url:
            self.remembered_feed = url
        feed = _FEED_RE.search(self.previous or "")
        if feed and source != "feed":
            self.remembered_feed = feed[1]
        # A feed that reaches back to the last run is one request; sitemaps are several.
        first = {"rest": ["rest"], "sitemap": ["feed", "sitemap"] if feed else ["sitemap"], "feed": ["feed"],
                 "listing": ["home", "listing"]}[source]
        return first + [s for s in STEPS if s not in first]

    # -- the step machine ----------------------------------------------------------
    async def start(self):
        for request in self._advance():
            yield request

    def _advance(self) -> list[Request]:
        while self.steps and not (self.complete and not self.check):
            step = self.steps.popleft()
            requests = list(getattr(self, f"_start_{step}")())
            if requests:
                logger.debug("%s: discovery step %s", self.outlet.id, step)
                return requests
        return []

    def _on_idle(self, spider=None) -> None:
        requests = self._advance()
        if requests:
            for request in requests:
                self.crawler.engine.crawl(request)
            raise DontCloseSpider

    def _on_response(self, response, request, spider=None) -> None:
        self.answered = True
        # robots.txt is fetched by RobotsTxtMiddleware; read its Sitemap: lines from the same response.
        if urlsplit(response.url).path == "/robots.txt" and response.status == 200:
            # WordPress's own robots.txt names its sitemaps (core and SEO plugins add the line).
            self.robots_from_wordpress = b"/wp-admin/" in response.body
            for url in sitemap_urls_from_robots(response.body, base_url=response.url):
                if url not in self.robots_sitemaps and disc.same_site(url, self.base_url):
                    self.robots_sitemaps.append(url)

    def _on_robots(self, robotparser=None, request=None, **kw) -> None:
        """Obey `Crawl-delay` (Scrapy reads it but does not apply it): a floor under AutoThrottle."""
        reader = getattr(robotparser, "crawl_delay", None)
        try:
            delay = reader(self.settings["USER_AGENT"]) if reader else None
        except Exception:  # a robots.txt we cannot read asks for nothing
            delay = None
        if not delay:
            return
        delay = min(float(delay), self.settings.getfloat("MONITOR_MAX_CRAWL_DELAY", 60.0))
        self.crawl_delay = delay
        for ext in getattr(self.crawler.extensions, "middlewares", ()):
            if hasattr(ext, "mindelay"):  # AutoThrottle
                ext.mindelay = max(ext.mindelay, delay)
        for slot in self.crawler.engine.downloader.slots.values():
            slot.delay = max(slot.delay, delay)
            slot.jitter = 0  # a floor, not an average
        logger.info("%s: robots.txt asks for %.1fs between requests", self.outlet.id, delay)

    def _discovery_request(self, url: str, callback, source: str, **meta) -> Request:
        self.crawler.stats.inc_value(f"monitor/discovery_requests/{source}")
        return Request(
            url, callback=callback, errback=self._discovery_failed, priority=10, dont_filter=False,
            # Error answers reach the callback (a 404 or 401 is an answer about the source);
            # redirects are still followed (http->https, /feed -> /feed/, wp-sitemap.xml -> Yoast's index).
            meta={"handle_httpstatus_list": DISCOVERY_STATUSES, "source": source, **meta},
        )

    def _discovery_failed(self, failure) -> None:
        request = failure.request
        source = request.meta.get("source", "?")
        self.notes.setdefault(source, f"{request.url.split('?')[0]}: {failure.getErrorMessage() or failure.type.__name__}")
        self.crawler.stats.inc_value("monitor/discovery_errors")
        if request.callback == self.parse_home:
            self.home_failed = True
        if failure.check(*UNREACHABLE) and not self.answered:
            # Retries with backoff failed and the site never answered at all: it is down, and every
            # other probe would wait too. (A slow sitemap on a live site only fails its own step.)
            self.notes["unreachable"] = f"{urlsplit(request.url).netloc}: {failure.getErrorMessage() or failure.type.__name__}"
            self.steps.clear()
            return None
        probes = request.meta.get("probes")
        if probes:
            return list(self._sitemap_probe(probes))

    def _mark(self, source: str, url: str, complete: bool) -> None:
        self.worked.setdefault(source, url)
        self.notes.pop(source, None)
        if complete:
            self.complete = True
            self.completed_by = self.completed_by or source

    # -- what to fetch -----------------------------------------------------------------
    def wanted(self, entry: disc.Entry, key: str) -> bool:
        """Whether to fetch `entry`, whose canonical URL is `key`."""
        url = entry.url
        if not disc.same_site(url, self.base_url) or is_trap(url):
            return False
        if self.exclude and any(p.search(url) for p in self.exclude):
            return False
        if self.include and not any(p.search(url) for p in self.include):
            return False
        if key in self.scheduled or key in self.continued:
            return False
        newest = entry.newest
        if self.since and newest and newest < self.since:
            return False
        stored = self.known.get(key)
        if stored is None:
            return True
        # Stored already: fetch again only when the source says it changed since.
        if entry.modified and isinstance(stored, datetime) and entry.modified > stored + timedelta(seconds=1):
            return True
        if entry.modified and stored is True and self.since and entry.modified > self.since:
            return True  # stored without a date, and changed since the last run by the source's word
        self.crawler.stats.inc_value("monitor/skipped_known")
        return False

    def _articles(self, entries, via: str) -> list[Request]:
        requests = []
        for entry in entries:
            key = canonical_url(entry.url, self.scheme)
            self.listed.add(key)
            if self.check or not self.wanted(entry, key):
                continue
            if len(self.scheduled) >= self.max_articles:
                self.notes.setdefault("limit", f"stopped at MONITOR_MAX_ARTICLES={self.max_articles}")
                break
            self.scheduled.add(key)
            modified = entry.modified.isoformat() if entry.modified else None
            requests.append(Request(
                clean_url(entry.url), callback=self.parse_article, errback=self._article_failed,
                meta={"via": via, "source_modified": modified, "canonical": key},
            ))
        self.crawler.stats.inc_value(f"monitor/article_requests/{via}", len(requests))
        return requests

    def parse_article(self, response: Response):
        if not isinstance(response, TextResponse):
            self.crawler.stats.inc_value("monitor/not_html")
            return
        self.crawler.stats.inc_value("monitor/article_pages")
        item = PageItem(
            outlet_id=self.outlet.id,
            url=response.url,
            canonical_url=response.meta.get("canonical") or canonical_url(response.url, self.scheme),
            fetched_at=utcnow().replace(microsecond=0).isoformat(),
            status=response.status,
            html=response.text,
            source_modified=response.meta.get("source_modified"),
            discovered_via=response.meta.get("via", "start"),
            more_pages=[],
        )
        asked = {canonical_url(u, self.scheme) for u in [response.url, *response.meta.get("redirect_urls", ())]}
        asked.add(item["canonical_url"])
        yield from self._continue(item, response, [], asked, pages=1)

    # -- split articles ------------------------------------------------------------------
    def _continue(self, item: PageItem, response: TextResponse, pending: list[str], asked: set[str], pages: int):
        """The next page of a split article, or the item when there is none (or the page budget is spent).

        `asked` holds the canonical URLs fetched or queued for this article (redirect targets too), so
        each page is asked for once however the pages link each other; `pages` counts the fetched ones.
        """
        host = urlsplit(item["url"]).netloc
        for url in continuation_urls(response.text, response.url, item["url"]):
            key = canonical_url(url, self.scheme)
            if key not in asked and urlsplit(url).netloc == host:
                asked.add(key)
                pending.append(url)
        if pending and pages >= self.max_article_pages:
            self.notes["article-pages"] = f"split article cut at {self.max_article_pages} pages: {item['url']}"
            pending = []
        if not pending:
            yield item
            return
        url, rest = pending[0], pending[1:]
        self.continued.add(canonical_url(url, self.scheme))
        # Same slot as every other request to the host (delay, AutoThrottle, robots.txt); dont_filter because
        # a request dropped as a duplicate would call neither callback and the item would be lost.
        yield Request(url, callback=self.parse_continuation, errback=self._continuation_failed, dont_filter=True,
                      priority=5, cb_kwargs={"item": item, "pending": rest, "asked": asked, "pages": pages + 1})

    def parse_continuation(self, response: Response, item: PageItem, pending: list[str], asked: set[str],
                           pages: int):
        self.crawler.stats.inc_value("monitor/article_pages")
        self.crawler.stats.inc_value("monitor/continuation_pages")
        if not isinstance(response, TextResponse):
            self._note_continuation_failure(response.url, "not an HTML page")
            yield item
            return
        key = canonical_url(response.url, self.scheme)
        if not (response.meta.get("redirect_urls") and key in asked):  # redirected back to page 1, say: nothing new
            item["more_pages"].append({"url": response.url, "html": response.text})
        asked.add(key)
        yield from self._continue(item, response, pending, asked, pages)

    def _continuation_failed(self, failure):
        # Page 1 and the pages before are kept: the article is stored with what was fetched.
        url = failure.request.url
        self._note_continuation_failure(url, failure.getErrorMessage() or failure.type.__name__)
        yield failure.request.cb_kwargs["item"]

    def _note_continuation_failure(self, url: str, reason: str) -> None:
        # A page lost like any article page: counted as an article error (so the run is "partial").
        self.crawler.stats.inc_value("monitor/article_errors")
        self.crawler.stats.inc_value("monitor/continuation_errors")
        recorder = getattr(self.crawler, "monitor_recorder", None)
        if recorder is not None:
            recorder.failure(url, f"page of a split article: {reason}")

    def _article_failed(self, failure) -> None:
        self.crawler.stats.inc_value("monitor/article_errors")
        recorder = getattr(self.crawler, "monitor_recorder", None)
        if recorder is not None:
            recorder.failure(failure.request.url, failure.getErrorMessage() or failure.type.__name__)

    # -- 1. REST API -------------------------------------------------------------------
    def _rest_url(self, page: int) -> str:
        params = {"per_page": self.rest_per_page, "page": page, "_fields": "link,date_gmt,modified_gmt"}
        if self.rest_per_page == REST_PER_PAGE:
            params.update(orderby="modified", order="desc")
        if self.since:
            # Older WordPress compares against local time and ignores the offset: ask with a
            # margin as wide as any timezone and filter exactly here.
            margin = (self.since - timedelta(hours=14)).astimezone(timezone.utc)
            params["modified_after"] = margin.strftime("%Y-%m-%dT%H:%M:%S+00:00")
        endpoint = self.rest_endpoint or f"{self.base_url}wp-json/wp/v2/posts"
        return endpoint + ("&" if "?" in endpoint else "?") + urlencode(params)

    def _start_rest(self):
        yield self._discovery_request(self._rest_url(1), self.parse_rest, "rest", page=1)

    def _start_rest_alt(self):
        # The home page names another API root (plain permalinks: `?rest_route=/`).
        yield from self._start_rest()

    def parse_rest(self, response: Response):
        entries = disc.rest_entries(response, self.tz)
        page = response.meta["page"]
        if entries is None and response.status == 400 and page == 1 and self.rest_per_page == REST_PER_PAGE:
            # Some sites cap per_page (or refuse orderby=modified): ask again the way WordPress pages by default.
            self.rest_per_page = 10
            yield self._discovery_request(self._rest_url(1), self.parse_rest, "rest", page=1)
            return
        if entries is None:
            self.notes["rest"] = f"{response.status} at {response.url.split('?')[0]}"
            return
        if entries and not any(disc.same_site(e.url, self.base_url) for e in entries):
            self.notes["rest"] = f"posts at {response.url.split('?')[0]} link to another host"
            return
        total = (response.headers.get("X-WP-Total") or b"").decode()
        if page == 1 and total and total.isdigit():
            self.counts["rest"] = int(total)
        else:
            self.counts["rest"] = self.counts.get("rest", 0) + len(entries)
        yield from self._articles(entries, "rest")
        pages = response.headers.get("X-WP-TotalPages", b"").decode() or "0"
        more = page < int(pages) if pages.isdigit() else len(entries) >= self.rest_per_page
        # Sorted newest change first: once a page reaches before the window, the rest is older still.
        by_modified = self.rest_per_page == REST_PER_PAGE  # asked with orderby=modified
        if more and by_modified and self.since and entries and all(e.newest and e.newest < self.since for e in entries):
            more = False
        if more and not self.check:
            yield self._discovery_request(self._rest_url(page + 1), self.parse_rest, "rest", page=page + 1)
        else:
            self._mark("rest", self.rest_endpoint or response.url.split("?")[0], complete=True)

    # -- 2. feed ---------------------------------------------------------------------------
    def _start_feed(self):
        remembered = self.remembered_feed
        if remembered:
            urls = [remembered]
        elif self.feed_candidates:
            urls = self.feed_candidates
        elif self.check or (self.home_failed and not self.robots_sitemaps):
            urls = [f"{self.base_url}feed/"]  # no home page to name the feed: WordPress's usual place
        else:
            self.notes.setdefault("feed", "the home page announces no feed")
            urls = []
        if urls and self.since is None and not self.check and not remembered and not self.feed_last_resort:
            # A whole-archive crawl: a feed only shows the newest stories, so it cannot cover the
            # window. Keep its address for the reruns, and fetch it only if nothing else answers.
            self.feed_seen = urls[0]
            self.steps.append("feed_last")
            return
        for url in urls:
            if url not in self.tried_feeds:
                self.tried_feeds.add(url)
                yield self._discovery_request(url, self.parse_feed, "feed")
                return

    def _start_feed_last(self):
        self.feed_last_resort = True
        if self.feed_page_one and "listing" not in self.worked and "sitemap" not in self.worked:
            yield self._feed_page_request(2)  # page 1 was read already, before the other sources failed
        else:
            yield from self._start_feed()

    def parse_feed(self, response: Response):
        entries = disc.feed_entries(response, self.tz)
        page = response.meta.get("feed_page", 1)
        if not entries and page > 1:
            self.complete = True  # paged to the end of the feed
            self.completed_by = self.completed_by or "feed"
            return
        if not entries:
            self.notes["feed"] = f"no feed at {response.url} ({response.status})"
            return
        fresh = [e for e in entries if canonical_url(e.url, self.scheme) not in self.listed]
        self.counts["feed"] = max(self.counts.get("feed", 0), len(entries)) if page == 1 else self.counts["feed"] + len(fresh)
        yield from self._articles(entries, "feed")
        dates = [e.newest for e in entries if e.newest]
        # A feed only shows the newest items: it covers the window when it reaches past it.
        covered = bool(self.since and dates and min(dates) < self.since)
        if page == 1:
            self.feed_page_one = response.url
        self._mark("feed", self.feed_page_one or response.url, complete=covered)
        if covered:
            return
        self.notes["feed-window"] = f"{len(entries)} items, not back to the window"
        if not self.feed_last_resort and "feed_last" not in self.steps and not self.check:
            self.steps.append("feed_last")  # paged further only if no sitemap or listing answers
        if self.feed_last_resort and fresh and page >= self.max_feed_pages:
            self.notes["feed-limit"] = f"stopped after {page} feed pages (MONITOR_MAX_FEED_PAGES)"
        if self.feed_last_resort and fresh and page < self.max_feed_pages:
            # Nothing else lists the archive: WordPress pages its feeds (`/feed/?paged=2`). A page with
            # nothing new (a server that ignores `paged`) ends the walk; so do a 404 or an empty channel.
            yield self._feed_page_request(page + 1)
        elif self.feed_last_resort:
            self.complete = True
            self.completed_by = self.completed_by or "feed"

    def _feed_page_request(self, page: int) -> Request:
        url = self.feed_page_one + ("&" if "?" in self.feed_page_one else "?") + f"paged={page}"
        return self._discovery_request(url, self.parse_feed, "feed", feed_page=page)

    # -- 3. sitemaps -------------------------------------------------------------------------
    def _start_sitemap(self):
        if self.robots_sitemaps:
            for url in self.robots_sitemaps:
                yield self._sitemap_request(url, probes=())
        elif self.robots_from_wordpress and not self.check:
            self.notes.setdefault("sitemap", "robots.txt lists no sitemap")
        else:
            yield from self._sitemap_probe(list(SITEMAP_PROBES))

    def _sitemap_probe(self, probes: list[str]):
        while probes:
            url = self.base_url + probes.pop(0)
            if url not in self.sitemaps_seen:
                yield self._sitemap_request(url, probes=probes)
                return

    def _sitemap_request(self, url: str, probes=(), depth: int = 0) -> Request:
        self.sitemaps_seen.add(url)
        probes = list(probes)
        request = self._discovery_request(url, self.parse_sitemap, "sitemap", depth=depth)
        if probes:
            request.meta["probes"] = probes
        return request

    def parse_sitemap(self, response: Response):
        body = self._get_sitemap_body(response) if response.status == 200 else None
        if body is None and response.status == 200 and re.search(rb"<(urlset|sitemapindex)\b", response.body[:2048]):
            body = response.body  # a sitemap served with an HTML content type
        kind, entries = disc.sitemap_entries(body, self.tz) if body else (None, [])
        # `loc` should be absolute; a relative one is read against the sitemap's own address.
        entries = [disc.Entry(response.urljoin(e.url), e.modified, e.published) for e in entries]
        if kind is None:
            missing = f"{response.url} ({response.status})"
            note = self.notes.get("sitemap")
            self.notes["sitemap"] = f"{note}, {missing}" if note and note.startswith("no sitemap at") else f"no sitemap at {missing}"
            probes = response.meta.get("probes")
            if probes:
                yield from self._sitemap_probe(probes)
            return
        depth = response.meta.get("depth", 0)
        if kind == "sitemapindex":
            self._mark("sitemap", response.url if depth == 0 else self.worked.get("sitemap", response.url), complete=not self.check)
            for entry in entries:
                url = entry.url
                if url in self.sitemaps_seen or depth >= 3 or not disc.is_post_sitemap(url):
                    continue
                if not disc.same_site(url, self.base_url):
                    continue
                # The child's lastmod is its newest entry: an older child holds nothing new.
                if self.since and entry.modified and entry.modified < self.since and not self.check:
                    self.crawler.stats.inc_value("monitor/sitemaps_skipped_by_lastmod")
                    continue
                if self.check and len(self.sitemaps_seen) > 20:
                    self.notes["sitemap-limit"] = "counted in the first 20 sitemaps only"
                    break
                yield self._sitemap_request(url, depth=depth + 1)
            return
        articles = [e for e in entries if e.url.rstrip("/") != self.base_url.rstrip("/")]
        self.counts["sitemap"] = self.counts.get("sitemap", 0) + len(articles)
        if depth == 0:
            self._mark("sitemap", response.url, complete=not self.check)
        yield from self._articles(articles, "sitemap")

    # -- 4. home page, listings ------------------------------------------------------------------
    def _start_home(self):
        yield self._discovery_request(self.base_url, self.parse_home, "listing", page=1)

    def parse_home(self, response: Response):
        if response.status != 200 or not isinstance(response, TextResponse):
            self.home_failed = True
            self.notes["listing"] = f"{response.status} at {response.url}"
            return
        self.home_response = response
        self.feed_candidates = [
            u for u in disc.feed_links(response) if disc.same_site(u, self.base_url) and "comments" not in u
        ][:2]
        endpoint = disc.rest_posts_endpoint(response)
        if (endpoint and "rest" not in self.worked and endpoint != f"{self.base_url}wp-json/wp/v2/posts"
                and disc.same_site(endpoint, self.base_url) and not self.rest_endpoint):
            self.rest_endpoint = endpoint
            self.steps.appendleft("rest_alt")
        return ()

    def _start_listing(self):
        if self.outlet.start_urls:
            for url in self.outlet.start_urls:
                yield self._discovery_request(url, self.parse_listing, "listing", page=1)
            return
        response, self.home_response = self.home_response, None
        if response is not None:
            yield from self.parse_listing(response)

    def parse_listing(self, response: Response):
        if response.status != 200:
            self.notes.setdefault("listing", f"{response.status} at {response.url}")
            return
        self.listing_pages += 1
        self.listing_seen.add(canonical_url(response.url, self.scheme))
        entries = disc.listing_entries(response, self.base_url, self.tz)
        keys = [canonical_url(e.url, self.scheme) for e in entries]
        # New to this walk and not stored by an earlier run: the walk goes on while pages have such links.
        fresh = [
            e for e, k in zip(entries, keys)
            if k not in self.listing_links and k not in self.known
            and not (self.since and e.newest and e.newest < self.since)
        ]
        self.listing_links.update(keys)
        self.counts["listing"] = len(self.listing_links)
        self._mark("listing", self.base_url, complete=not self.check)
        yield from self._articles(entries, "listing")
        older = [e for e in entries if e.newest]
        past_window = bool(self.since and older and all(e.newest < self.since for e in older))
        keep_going = bool(fresh) and not past_window
        if self.since and entries and not older and not self.check:
            # Undated teasers and permalinks: the window cannot stop the walk, a page budget does.
            self.undated_pages += 1
            if self.undated_pages >= self.max_undated_pages:
                self.notes["listing-undated"] = f"undated listing: stopped after {self.undated_pages} pages"
                keep_going = False
        nxt = disc.next_page(response)
        if nxt and (canonical_url(nxt, self.scheme) in self.listing_seen or not disc.same_site(nxt, self.base_url)):
            nxt = None
        if nxt and keep_going and self.listing_pages >= self.max_listing_pages:
            self.notes["listing-limit"] = f"stopped after {self.listing_pages} listing pages"
            return
        if nxt and keep_going:
            yield self._discovery_request(nxt, self.parse_listing, "listing")
            return
        if response.meta.get("page") == 1 and not nxt and keep_going and len(entries) >= 10:
            # A magazine-style home page (many stories, no pagination): WordPress still answers
            # /page/2/ behind a "load more" button; otherwise walk its sections.
            # A short home page without pagination is simply the whole blog.
            if self.robots_from_wordpress or b"/wp-content/" in response.body:
                self.sections.append(f"{self.base_url}page/2/")
            for url in disc.section_links(response, self.base_url):
                if canonical_url(url, self.scheme) not in self.listing_seen:
                    self.sections.append(url)
        while self.sections and self.listing_pages < self.max_listing_pages:
            url = self.sections.popleft()
            key = canonical_url(url, self.scheme)
            if key not in self.listing_seen:
                self.listing_seen.add(key)
                yield self._discovery_request(url, self.parse_listing, "listing")
                return

    # -- reporting ------------------------------------------------------------------------------
    def summary(self) -> dict:
        """Which sources worked, for crawl_runs.message and `monitor outlets check`."""
        via = self.completed_by or next((s for s in SOURCES if s in self.worked), None)
        return {
            "via": via, "via_url": self.worked.get(via) if via else None, "complete": self.complete,
            "feed_url": (self.worked.get("feed") or self.feed_seen) if via != "feed" else None,
            "worked": dict(self.worked), "notes": dict(self.notes), "counts": dict(self.counts),
            "listed": len(self.listed), "scheduled": len(self.scheduled),
            "since": self.since.isoformat() if self.since else None,
        }
