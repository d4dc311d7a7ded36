"""Discovery parsing without a crawl: URL identity and traps, feeds, sitemaps, REST, listings.

The real listing pages and feeds of ten Indonesian outlets under ../shared/data/pages/ check
that story links are found on sites that are not WordPress (skipped when the folder is absent).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse, TextResponse, XmlResponse

from monitor.spiders import discovery as disc
from monitor.spiders.urls import canonical_url, clean_url, date_from_url, is_trap, looks_like_article

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
PAGES = SHARED / "pages" / "anpandu"


@pytest.mark.parametrize("variant", [
    "https://kabar.example/2024/06/25/bupati-resmikan-pasar/",
    "http://kabar.example/2024/06/25/bupati-resmikan-pasar",
    "https://KABAR.example/2024/06/25/bupati-resmikan-pasar/?utm_source=fb&utm_medium=social&fbclid=XYZ",
    "https://kabar.example/2024/06/25/bupati-resmikan-pasar/#respond",
    "https://kabar.example/2024/06/25/bupati-resmikan-pasar/amp/",
    "https://kabar.example/2024/06/25/bupati-resmikan-pasar/?amp=1",
    "https://amp.kabar.example/2024/06/25/bupati-resmikan-pasar/",
])
def test_spellings_of_one_story_share_a_canonical_url(variant):
    assert canonical_url(variant) == "https://kabar.example/2024/06/25/bupati-resmikan-pasar"


def test_canonical_url_keeps_what_identifies_a_story():
    assert canonical_url("http://127.0.0.1:8042/?p=123&utm_campaign=x", "http") == "http://127.0.0.1:8042/?p=123"
    assert canonical_url("https://x.example/a-b-c/") != canonical_url("https://x.example/a-b-d/")
    assert clean_url("https://x.example/?p=5&fbclid=1#c") == "https://x.example/?p=5"
    assert clean_url("https://x.example/2024/06/25/pasar/amp/?utm_source=wa") == "https://x.example/2024/06/25/pasar/"
    assert clean_url("https://x.example/Berita-Pasar") == "https://x.example/Berita-Pasar"


@pytest.mark.parametrize("url", [
    "https://x.example/2024/06/25/bupati-resmikan-pasar-baru/?replytocom=812",
    "https://x.example/?s=pilkada", "https://x.example/search/pilkada/",
    "https://x.example/2024/06/", "https://x.example/2024/", "https://x.example/?m=202406",
    "https://x.example/events/2024-06/?ical=1", "https://x.example/kalender/2024/06/",
    "https://x.example/category/politik/page/99/", "https://x.example/tag/pilkada/",
    "https://x.example/author/redaksi/", "https://x.example/feed/", "https://x.example/wp-login.php",
    "https://x.example/wp-content/uploads/2024/06/foto.jpg",
])
def test_traps_and_archives_are_never_stories(url):
    assert is_trap(url) and not looks_like_article(url)


@pytest.mark.parametrize("url, story", [
    ("https://x.example/2024/06/25/bupati-resmikan-pasar/", True),
    ("https://x.example/bupati-resmikan-pasar-baru/", True),
    ("https://x.example/?p=123", True),
    ("http://www.antaranews.com/berita/527615/29-penerbangan", True),
    ("https://x.example/redaksi/", False),
    ("https://x.example/pedoman-media-siber/", False),
    ("https://x.example/politik/", False),
])
def test_looks_like_article(url, story):
    assert looks_like_article(url) is story


def test_date_from_url():
    assert date_from_url("https://x.example/2024/06/25/slug/").isoformat() == "2024-06-25T23:59:59+00:00"
    assert date_from_url("https://x.example/slug/") is None


RSS = b"""<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<item><link>https://x.example/2024/06/25/dua/</link><pubDate>Tue, 25 Jun 2024 10:00:00 +0800</pubDate></item>
<item><link>/2024/06/24/satu/</link><dc:date>2024-06-24T09:00:00+08:00</dc:date></item>
</channel></rss>"""
ATOM = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
<entry><link rel="alternate" href="https://x.example/cerita-satu-dua-tiga/"/><updated>2024-06-26T01:00:00Z</updated>
<published>2024-06-25T01:00:00Z</published></entry></feed>"""


def test_feeds_rss_and_atom():
    rss = disc.feed_entries(XmlResponse("https://x.example/feed/", body=RSS), "WITA")
    assert [(e.url, e.published.isoformat()) for e in rss] == [
        ("https://x.example/2024/06/25/dua/", "2024-06-25T10:00:00+08:00"),
        ("https://x.example/2024/06/24/satu/", "2024-06-24T09:00:00+08:00"),
    ]
    [atom] = disc.feed_entries(XmlResponse("https://x.example/feed/atom/", body=ATOM))
    assert (atom.url, atom.modified.isoformat(), atom.newest == atom.modified) == (
        "https://x.example/cerita-satu-dua-tiga/", "2024-06-26T01:00:00+00:00", True)
    html = HtmlResponse("https://x.example/feed/", body=b"<html><body>Not found</body></html>")
    assert disc.feed_entries(html) is None


def test_sitemaps_index_and_urlset():
    index = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>https://x.example/post-sitemap.xml</loc><lastmod>2024-06-27T03:12:40+00:00</lastmod></sitemap>
    <sitemap><loc>https://x.example/page-sitemap.xml</loc></sitemap></sitemapindex>"""
    kind, entries = disc.sitemap_entries(index)
    assert kind == "sitemapindex" and [e.url for e in entries] == [
        "https://x.example/post-sitemap.xml", "https://x.example/page-sitemap.xml"]
    assert entries[0].modified.isoformat() == "2024-06-27T03:12:40+00:00"
    urlset = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
      xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://x.example/a-b-c/</loc>
      <news:news><news:publication_date>2024-06-25T10:00:00+08:00</news:publication_date></news:news></url></urlset>"""
    assert disc.sitemap_entries(urlset) == ("urlset", [disc.Entry("https://x.example/a-b-c/")])
    dated = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.example/2024/06/25/a-b/</loc></url></urlset>"""
    assert disc.sitemap_entries(dated)[1][0].published.isoformat() == "2024-06-25T23:59:59+00:00"
    assert disc.sitemap_entries(b"<html><body>404</body></html>") == (None, [])


@pytest.mark.parametrize("name, post", [
    ("post-sitemap.xml", True), ("post-sitemap2.xml", True), ("news-sitemap.xml", True),
    ("wp-sitemap-posts-post-1.xml", True), ("sitemap-posttype-post.2024.xml", True),
    ("page-sitemap.xml", False), ("category-sitemap.xml", False), ("post_tag-sitemap.xml", False),
    ("author-sitemap.xml", False), ("wp-sitemap-taxonomies-category-1.xml", False),
    ("wp-sitemap-users-1.xml", False), ("wp-sitemap-posts-page-1.xml", False),
])
def test_post_sitemaps_are_told_from_the_others(name, post):
    assert disc.is_post_sitemap(f"https://x.example/{name}") is post


def test_rest_answers():
    body = json.dumps([{"link": "https://x.example/a-b-c/", "date_gmt": "2024-06-25T02:00:00",
                        "modified_gmt": "2024-06-26T02:00:00"}]).encode()
    [entry] = disc.rest_entries(TextResponse("https://x.example/wp-json/wp/v2/posts", body=body,
                                             headers={"Content-Type": "application/json"}))
    assert (entry.url, entry.modified.isoformat()) == ("https://x.example/a-b-c/", "2024-06-26T02:00:00+00:00")
    denied = TextResponse("https://x.example/wp-json/wp/v2/posts", status=401, body=b'{"code":"rest_forbidden"}')
    home = HtmlResponse("https://x.example/wp-json/wp/v2/posts", body=b"<html><body>Beranda</body></html>")
    assert disc.rest_entries(denied) is None and disc.rest_entries(home) is None


def test_api_root_announced_by_the_page():
    pretty = HtmlResponse("https://x.example/", body=b"<html></html>",
                          headers={"Link": '<https://x.example/wp-json/>; rel="https://api.w.org/"'})
    plain = HtmlResponse("https://x.example/", body=b'<html><head><link rel="https://api.w.org/" '
                                                    b'href="https://x.example/?rest_route=/" /></head></html>')
    assert disc.rest_posts_endpoint(pretty) == "https://x.example/wp-json/wp/v2/posts"
    assert disc.rest_posts_endpoint(plain) == "https://x.example/?rest_route=/wp/v2/posts"
    assert disc.rest_posts_endpoint(HtmlResponse("https://x.example/", body=b"<html></html>")) is None


LISTING = b"""<html><head><link rel="alternate" type="application/rss+xml" href="/feed/">
<link rel="alternate" type="application/rss+xml" href="/comments/feed/"></head><body>
<nav><a href="/category/politik/">Politik</a><a href="/redaksi/">Redaksi</a></nav>
<div class="td_module_wrap"><h3 class="entry-title"><a href="/banjir/">Banjir</a></h3>
<div class="meta"><a href="/author/redaksi/">Redaksi</a><time datetime="2024-06-25T10:00:00+08:00">25/06</time></div></div>
<article><h2><a href="https://x.example/2024/06/24/bupati-resmikan-pasar/">Pasar</a></h2></article>
<a href="https://elsewhere.example/2024/06/24/bupati-resmikan-pasar-lain/">offsite</a>
<a href="/2024/06/24/bupati-resmikan-pasar/?replytocom=3">reply</a>
<div class="nav-links"><a class="page-numbers" href="/page/2/">2</a><a class="next page-numbers" href="/page/2/">Berikutnya</a></div>
</body></html>"""


def test_listing_pages():
    response = HtmlResponse("https://x.example/", body=LISTING)
    entries = disc.listing_entries(response, "https://x.example/", "WITA")
    assert [(e.url, e.published.isoformat()) for e in entries] == [
        ("https://x.example/banjir/", "2024-06-25T10:00:00+08:00"),
        ("https://x.example/2024/06/24/bupati-resmikan-pasar/", "2024-06-24T23:59:59+00:00"),
    ]
    assert disc.next_page(response) == "https://x.example/page/2/"
    assert disc.feed_links(response) == ["https://x.example/feed/", "https://x.example/comments/feed/"]


@pytest.mark.parametrize("body, expected", [
    (b'<html><head><link rel="next" href="/page/3/"></head></html>', "https://x.example/page/3/"),
    (b'<div class="nav-previous"><a href="/page/3/">Older posts</a></div>', "https://x.example/page/3/"),
    (b'<a href="/page/1/">1</a><a href="/page/3/">3</a>', "https://x.example/page/3/"),
    (b'<a href="/?paged=3">Selanjutnya &raquo;</a>', "https://x.example/?paged=3"),
    (b'<a href="/page/1/">1</a>', None),
])
def test_next_page_variants(body, expected):
    assert disc.next_page(HtmlResponse("https://x.example/page/2/", body=body)) == expected


def _anpandu_cases():
    if not PAGES.exists():
        return []
    expected = json.loads((PAGES / "expected_from_upstream_tests.json").read_text(encoding="utf-8"))
    return [(name, list(v["urls_prefix"].values())) for name, v in expected.items() if "urls_prefix" in v]


@pytest.mark.skipif(not PAGES.exists(), reason="../shared/data/pages is not available")
@pytest.mark.parametrize("name, prefixes", _anpandu_cases())
def test_real_listing_pages_and_feeds_of_non_wordpress_outlets(name, prefixes):
    body = (PAGES / name).read_bytes()
    first = next(iter(prefixes))
    base = "/".join(first.split("/")[:3]) + "/"
    if b"<rss" in body[:1000] or body.lstrip().startswith(b"<?xml"):
        urls = [e.url for e in disc.feed_entries(XmlResponse(base, body=body))]
    else:
        # Listing links on the outlet's own (sub)domains.
        site = "http://" + ".".join(base.split("/")[2].split(".")[-2:]) + "/"
        urls = [e.url for e in disc.listing_entries(HtmlResponse(base, body=body), site)]
    for prefix in prefixes:
        assert any(u.startswith(prefix) for u in urls), (prefix, urls[:5])
