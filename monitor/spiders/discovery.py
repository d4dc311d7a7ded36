"""Reading discovery sources: feeds, sitemaps, listing pages, REST answers.

Plain functions of a Scrapy response, so the spider, `monitor outlets check`
and the tests share them. Each returns `Entry` tuples: where an article is and
what the source says about its dates.
"""
from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from urllib.parse import urljoin, urlsplit

from scrapy.http import Response, TextResponse
from scrapy.linkextractors import LinkExtractor
from scrapy.utils.iterators import xmliter_lxml
from scrapy.utils.sitemap import Sitemap

from monitor.outlets import TIMEZONES
from monitor.spiders.urls import clean_url, date_from_url, is_trap, looks_like_article

ATOM_NS = "http://www.w3.org/2005/Atom"
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")


@dataclass(frozen=True)
class Entry:
    url: str
    modified: datetime | None = None  # what the source says was the last change
    published: datetime | None = None

    @property
    def newest(self) -> datetime | None:
        return self.modified or self.published


def parse_when(text: str | None, tz: str = "WIB") -> datetime | None:
    """ISO 8601, RFC 822 (feeds) or, failing those, prose; naive times are the outlet's local time."""
    if not text:
        return None
    text = text.strip()
    local = timezone(timedelta(hours=TIMEZONES.get(tz, 7)))
    value = None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            value = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            from monitor.extract.dates import parse_date

            try:
                value = parse_date(text, timezone=tz)
            except Exception:  # a date we cannot read is a date we do not use
                value = None
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=local)
    return value


def same_site(url: str, base_url: str) -> bool:
    """The outlet's host or one of its subdomains (www. ignored)."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    base = (urlsplit(base_url).hostname or "").removeprefix("www.")
    return bool(host) and (host == base or host.endswith("." + base))


# -- WordPress REST API ------------------------------------------------------
def rest_entries(response: Response, tz: str = "WIB") -> list[Entry] | None:
    """Posts of one `/wp-json/wp/v2/posts` page; None when the answer is not that."""
    if response.status != 200 or not isinstance(response, TextResponse):
        return None
    try:
        data = response.json()
    except ValueError:
        return None
    if not isinstance(data, list):
        return None
    entries = []
    for post in data:
        if not isinstance(post, dict):
            return None
        link = post.get("link") or (post.get("guid") or {}).get("rendered")
        if not link:
            continue
        # *_gmt fields are UTC without an offset; the plain ones are site-local.
        modified = _gmt(post.get("modified_gmt")) or parse_when(post.get("modified"), tz)
        published = _gmt(post.get("date_gmt")) or parse_when(post.get("date"), tz)
        entries.append(Entry(response.urljoin(link), modified, published))
    return entries


def _gmt(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def rest_posts_endpoint(response: Response) -> str | None:
    """The posts route under the API root a WordPress page announces (`<link rel="https://api.w.org/">`
    or the same in a `Link:` header); `?rest_route=/` roots when pretty permalinks are off."""
    root = None
    if isinstance(response, TextResponse):
        root = response.xpath("//link[@rel='https://api.w.org/']/@href").get()
    if not root:
        for header in response.headers.getlist("Link"):
            m = re.search(r'<([^>]+)>\s*;\s*rel="https://api\.w\.org/"', header.decode("latin-1"))
            if m:
                root = m[1]
                break
    if not root:
        return None
    root = response.urljoin(root.strip())
    if "rest_route=" in root:
        return re.sub(r"rest_route=[^&]*", "rest_route=/wp/v2/posts", root)
    return root.rstrip("/") + "/wp/v2/posts"


# -- RSS / Atom ----------------------------------------------------------------
def _text(node, xpath: str) -> str:
    return (node.xpath(xpath).get() or "").strip()


def feed_entries(response: Response, tz: str = "WIB") -> list[Entry] | None:
    """Items of an RSS 2.0, RSS 1.0 or Atom feed; None when the body is not a feed."""
    if response.status != 200:
        return None
    head = response.body[:2048].lstrip().lower()
    if not (b"<rss" in head or b"<feed" in head or b"<rdf" in head or head.startswith(b"<?xml")):
        return None
    entries: list[Entry] = []
    try:
        for node in xmliter_lxml(response, "item"):
            link = _text(node, "string(link)").strip() or _text(node, "string(guid[not(@isPermaLink='false')])").strip()
            if not link:
                continue
            published = parse_when(_text(node, "string(pubDate)") or _text(node, "string(*[local-name()='date'])"), tz)
            modified = parse_when(_text(node, "string(*[local-name()='updated' or local-name()='modified'])"), tz)
            entries.append(Entry(urljoin(response.url, link), modified, published))
        if not entries:
            for node in xmliter_lxml(response, "entry", namespace=ATOM_NS, prefix="atom"):
                link = (
                    _text(node, "string(atom:link[@rel='alternate']/@href)")
                    or _text(node, "string(atom:link[not(@rel)]/@href)")
                ).strip()
                if not link:
                    continue
                entries.append(Entry(
                    urljoin(response.url, link),
                    parse_when(_text(node, "string(atom:updated)"), tz),
                    parse_when(_text(node, "string(atom:published)"), tz),
                ))
        if not entries:
            # RSS 1.0 (RDF) items live in the RSS 1.0 namespace.
            for node in xmliter_lxml(response, "item", namespace="http://purl.org/rss/1.0/", prefix="rss"):
                link = _text(node, "string(rss:link)").strip()
                if link:
                    published = parse_when(_text(node, "string(*[local-name()='date'])"), tz)
                    entries.append(Entry(urljoin(response.url, link), None, published))
    except Exception:  # lxml on a body that is not XML at all
        return None
    if not entries and b"<channel" not in head and b"<feed" not in head:
        return None
    return entries


def feed_links(response: Response) -> list[str]:
    """Feeds a page announces with `<link rel="alternate">`, comment feeds last."""
    if not isinstance(response, TextResponse):
        return []
    links = []
    for link in response.xpath("//head/link[contains(concat(' ', normalize-space(@rel), ' '), ' alternate ')]"):
        if (link.attrib.get("type") or "").lower() in FEED_TYPES and link.attrib.get("href"):
            links.append(response.urljoin(link.attrib["href"]))
    return sorted(dict.fromkeys(links), key=lambda u: "comment" in u)


# -- Sitemaps --------------------------------------------------------------------
# Child sitemaps that list pages, taxonomies, people or media, never articles.
_NOT_POST_SITEMAP = re.compile(
    r"(^|[/_-])(page|pages|category|categories|tag|tags|post_tag|author|authors|user|users|taxonom\w*|"
    r"attachment|product|portfolio|video|image|locations?|web-story|format|elementor\w*|e-landing-page)"
    r"[-_]?sitemap|sitemap[-_](pages|taxonomies|users|tags|categories|authors|misc)|"
    r"wp-sitemap-(taxonomies|users|posts-page|posts-attachment)",
    re.I,
)


def sitemap_entries(body: bytes, tz: str = "WIB") -> tuple[str | None, list[Entry]]:
    """(`"sitemapindex"` or `"urlset"`, entries with their lastmod)."""
    try:
        sitemap = Sitemap(body)
    except Exception:
        return None, []
    if sitemap.type not in ("sitemapindex", "urlset"):
        return None, []
    entries = []
    for d in sitemap:
        loc = (d.get("loc") or "").strip()
        if loc:
            # No lastmod: a date in the permalink still bounds the story's age.
            entries.append(Entry(loc, parse_when(d.get("lastmod"), tz), None if d.get("lastmod") else date_from_url(loc)))
    return sitemap.type, entries


def is_post_sitemap(url: str) -> bool:
    return not _NOT_POST_SITEMAP.search(urlsplit(url).path.rsplit("/", 1)[-1] or url)


# -- Listing pages -------------------------------------------------------------
_NEXT_TEXT = re.compile(
    r"^\s*(next|older|selanjutnya|berikutnya|lanjut|lebih lama|older posts|›|»|→)\s*", re.I
)


def listing_entries(response: Response, base_url: str, tz: str = "WIB") -> list[Entry]:
    """Article links of a listing page, in page order, dated where the page dates them."""
    if not isinstance(response, TextResponse):
        return []
    # Not allow_domains: it compares host:port, and loopback outlets have ports.
    extractor = LinkExtractor(unique=True, strip=True)
    # Links in headlines are stories whatever their slug looks like (`/banjir/`, `/?p=12`).
    headlines = {
        clean_url(response.urljoin(h)) for h in response.xpath(
            "//h1//a/@href | //h2//a/@href | //h3//a/@href | //h4//a/@href"
            " | //*[contains(@class, 'entry-title') or contains(@class, 'post-title')]//a/@href"
        ).getall()
    }
    dates: dict[str, datetime] = {}
    # A dated teaser: a <time datetime> (or datePublished) and the story links of the smallest block around it.
    for node in response.xpath("//time[@datetime] | //*[@itemprop='datePublished'][@content or @datetime]"):
        stamp = parse_when(node.attrib.get("datetime") or node.attrib.get("content"), tz)
        if stamp is None:
            continue
        for block in node.xpath("ancestor::*")[::-1][:6]:
            links = {clean_url(response.urljoin(h)) for h in block.xpath(".//a/@href").getall()}
            stories = [u for u in links if u in headlines or looks_like_article(u)]
            if stories:
                for url in stories:
                    dates.setdefault(url, stamp)
                break
    entries, seen = [], set()
    for link in extractor.extract_links(response):
        url = clean_url(link.url)
        if url in seen or not same_site(url, base_url) or url.rstrip("/") == base_url.rstrip("/"):
            continue
        seen.add(url)
        if not (looks_like_article(url) or (url in headlines and not is_trap(url) and _has_path_or_id(url))):
            continue
        entries.append(Entry(url, None, dates.get(url) or date_from_url(url)))
    return entries


def _has_path_or_id(url: str) -> bool:
    parts = urlsplit(url)
    return parts.path.strip("/") != "" or bool(re.fullmatch(r"p=\d+", parts.query or ""))


def next_page(response: Response) -> str | None:
    """The next (older) page of a paginated listing, as the page itself says it."""
    if not isinstance(response, TextResponse):
        return None
    candidates = response.xpath(
        "//link[@rel='next']/@href | //a[@rel='next']/@href"
        " | //a[contains(concat(' ', normalize-space(@class), ' '), ' next ')]/@href"
        " | //*[contains(@class, 'nav-previous')]//a/@href"
        " | //*[contains(@class, 'pagination') or contains(@class, 'nav-links') or contains(@class, 'page-nav')]"
        "//a[contains(concat(' ', normalize-space(@class), ' '), ' next ')]/@href"
    ).getall()
    if not candidates:
        for a in response.xpath("//a[@href]"):
            text = " ".join(a.xpath(".//text()").getall()).strip()
            if text and len(text) < 30 and _NEXT_TEXT.match(text):
                candidates.append(a.attrib["href"])
                break
    if not candidates:
        # WordPress permalinks: /page/N+1/ when the page links to it.
        current = re.search(r"/page/(\d+)/?", urlsplit(response.url).path)
        wanted = int(current[1]) + 1 if current else 2
        for href in response.xpath("//a/@href").getall():
            if re.search(rf"/page/{wanted}/?$|[?&]paged?={wanted}$", href):
                candidates.append(href)
                break
    for href in candidates:
        url = response.urljoin(href.strip())
        if url != response.url and not url.startswith(("javascript:", "mailto:")):
            return url
    return None


def section_links(response: Response, base_url: str, limit: int = 30) -> list[str]:
    """Category and section pages a magazine-style home page links to (walked when it has no pagination)."""
    if not isinstance(response, TextResponse):
        return []
    out = []
    for href in response.xpath("//a/@href").getall():
        url = clean_url(response.urljoin(href))
        if same_site(url, base_url) and re.search(r"/(category|kategori|kanal|rubrik|section)/[^/?#]+/?$", url):
            if url not in out:
                out.append(url)
    return out[:limit]


__all__ = [
    "Entry", "parse_when", "same_site", "rest_entries", "feed_entries", "feed_links",
    "sitemap_entries", "is_post_sitemap", "listing_entries", "next_page", "section_links", "is_trap",
]
